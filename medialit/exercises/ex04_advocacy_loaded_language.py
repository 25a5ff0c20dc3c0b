"""Exercise 04 · Advocacy and loaded language: the tasks of ``exercises/04_advocacy_loaded_language.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

from typing import Any

from .. import compare, schema
from . import gold
from .builders import classify_task, label_row_hint, numbers_task, reflection_task, two_choices_text
from .charts import bar_values, figure_task, is_horizontal, same_values
from .practice_tasks import with_practice_first
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import Choices, norm_phrase, read_choice_mapping, read_phrases

__all__ = ["tasks", "HEDGES_AND_BOOSTERS", "FACT_OR_ADVOCACY"]

#: Task 3's phrases, each with the sentence it is read in (listed in the task's text too).
HEDGES_AND_BOOSTERS = [("balakot-026", "For sure"), ("balakot-039", "Apparently"),
                       ("tit-for-tat-063", "What is clear"), ("tit-for-tat-051", "may"),
                       ("militancy-bases-017", "ample evidence"), ("regional-peace-037", "seem")]
FACT_OR_ADVOCACY = Choices(("fact", "advocacy"), {"adv": "advocacy"}, "label")


def _phrase_matches(given: str, marked: str) -> bool:
    """True when ``given`` and a marked span share a run of whole words (one inside the other).

    >>> _phrase_matches("seeds", "spreading seeds of militancy"), _phrase_matches("of", "seeds of militancy")
    (True, True)
    >>> _phrase_matches("agenda", "spreading seeds of militancy")
    False
    """
    a, b = norm_phrase(given).split(), norm_phrase(marked).split()
    return bool(a) and (_inside(a, b) or _inside(b, a))


def _inside(part: list[str], whole: list[str]) -> bool:
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def words_task(number: int, title: str, sent_id: str, kind: str, *, why: str, hint: str) -> Task:
    """List the words of one sentence that are marked as spans of ``kind`` (loaded, hedge ...)."""
    article = sent_id.rsplit("-", 1)[0]

    def grade(answer: Any) -> Result:
        phrases = read_phrases(answer)
        row = gold.row(gold.sentences(), sent_id)
        text = norm_phrase(row.text)
        outside = [p for p in phrases if norm_phrase(p) not in text]
        if outside:
            raise NotAnswered(f"{', '.join(repr(p) for p in outside)} {'is' if len(outside) == 1 else 'are'} not in "
                              f"{sent_id}; copy the words as printed.")
        spans = gold.spans()
        marked = spans[(spans.sent_id == sent_id) & (spans.kind == kind)].text.tolist()
        if not marked:
            raise LookupError(f"no {kind} spans in {sent_id} in the data")
        found = [g for g in marked if any(_phrase_matches(p, g) for p in phrases)]
        extra = [p for p in phrases if not any(_phrase_matches(p, g) for g in marked)]
        if not extra and len(found) == len(marked):
            return right(f"{sent_id} has {gold.plural(len(marked), kind + ' span')}: "
                         + ", ".join(f'"{g}"' for g in marked) + f". {why}")
        text = f"{len(found)} of {gold.plural(len(marked), kind + ' span')} found."
        if extra:
            text += f" Not marked as {kind}: {', '.join(repr(p) for p in extra)}."
        return not_yet(f"{text} {hint}")

    return Task(number, title, f'a list of the {kind} words or phrases, each copied from {sent_id} as printed, '
                'like ["first phrase", "second phrase"]', grade, (article,), kind)


def span_kind_task(number: int, title: str, items: list[tuple[str, str]], kinds: tuple[str, ...]) -> Task:
    """Give each phrase (found in the sentence named with it) its span kind."""
    phrases = [phrase for _, phrase in items]
    pieces = tuple(dict.fromkeys(i.rsplit("-", 1)[0] for i, _ in items))
    reader = Choices(kinds, {}, "kind")

    def key(raw: str) -> str:
        for phrase in phrases:
            if norm_phrase(raw) == norm_phrase(phrase):
                return phrase
        return raw

    def grade(answer: Any) -> Result:
        given = read_choice_mapping(answer, phrases, reader, what="phrase", read_key=key)
        spans = gold.spans()
        expected = {}
        for sent_id, phrase in items:
            rows = spans[(spans.sent_id == sent_id) & spans.kind.isin(kinds)
                         & (spans.text.map(norm_phrase) == norm_phrase(phrase))]
            if rows.empty:
                raise LookupError(f'"{phrase}" is not a {"/".join(kinds)} span of {sent_id} in the data')
            expected[phrase] = str(rows.iloc[0].kind)
        wrong = [p for p in phrases if given[p] != expected[p]]
        if not wrong:
            return right("; ".join(f'"{p}" {expected[p]}' for p in phrases) + ". Hedges hold back the "
                         "writer's commitment; boosters close down doubt (codebook §8, after Hyland).")
        return not_yet(two_choices_text(len(phrases), len(wrong), "For each phrase ask: does it make the claim "
                                        "sound less certain (hedge) or beyond doubt (booster)? Reread it in its "
                                        "sentence."))

    listed = ", ".join(f'"{p}" ({i})' for i, p in items)
    return Task(number, title, f'a dict from each phrase to "hedge" or "booster"; the phrases: {listed}',
                grade, pieces, "hedge_booster")

def _loaded_rates() -> dict[str, float]:
    """Loaded words per 1,000 body words, with the helper notebook 04 teaches."""
    table = compare.rates_per_1000_words(gold.sentences(), gold.spans(), kinds=["loaded"])
    return {a: float(table.at[a, "loaded_per_1000"]) for a in schema.ARTICLE_IDS}


def tasks() -> list[Task]:
    def chart_checks(fig) -> list[tuple[bool, str]]:
        rates = _loaded_rates()
        axes = fig.get_axes()
        ax = axes[0] if axes else None
        values = bar_values(ax) if ax is not None else []
        ordered = values == sorted(values) or values == sorted(values, reverse=True)
        label = ax.get_xlabel() if ax is not None and is_horizontal(ax) else (ax.get_ylabel() if ax else "")
        return [
            (len(axes) == 1, "draw on exactly one Axes"),
            (ax is not None and is_horizontal(ax), "make the bars horizontal (barh), so the names are easy to read"),
            (same_values(values, list(rates.values()), 0.05), "one bar per piece, as long as its rate"),
            (bool(values) and ordered, "sort the bars by length"),
            ("1000" in label.replace(",", "").replace(" ", "") or "1 000" in label,
             "label the value axis with the unit (per 1,000 words)"),
            (ax is not None and bool(ax.get_title().strip()), "give the chart a title"),
        ]

    return with_practice_first("04_advocacy_loaded_language", [
        classify_task(1, "fact or advocacy?",
                      ["militancy-bases-004", "militancy-bases-010", "regional-peace-006", "tit-for-tat-027",
                       "tit-for-tat-059", "balakot-023"],
                      column="label", reader=FACT_OR_ADVOCACY, hint=label_row_hint, kind="label",
                      pair_hint="For each sentence ask: could a record settle it (fact, rule L5), or does the "
                      "writer judge, interpret, prescribe or predict (advocacy, rule L4)?"),
        words_task(2, "the loaded words in militancy-bases-005", "militancy-bases-005", "loaded",
                   why="The sentence stays fact (rule L5): the charge is stated as checkable, and the loaded "
                   "words colour it.",
                   hint="Loaded words are emotionally charged or one-sided (codebook §8). Copy each word or "
                   "short phrase as printed."),
        span_kind_task(3, "hedges and boosters",
                       HEDGES_AND_BOOSTERS,
                       ("hedge", "booster")),
        numbers_task(4, "loaded words per 1,000 body words",
                     expected=_loaded_rates, tolerance=0.05, share=False,
                     why=lambda t: "Loaded words per 1,000 body words: " + gold.fmt(t, 1) + ". A rate lets you "
                     "compare pieces of different length.",
                     hint="Use the helper from notebook 04: ml.compare.rates_per_1000_words(kinds=[\"loaded\"]) "
                     "and its column loaded_per_1000 (it counts words with ml.compare.count_words)."),
        figure_task(5, "restyle the rates chart", chart_checks,
                    why="Horizontal, sorted, titled, with the unit on the axis: a reader sees the ranking at "
                    "a glance and knows what is counted.", pieces=schema.ARTICLE_IDS),
        numbers_task(6, "share of advocacy in two opinion pieces",
                     expected=lambda: {a: v for a, v in gold.shares(gold.sentences(), label="advocacy").items()
                                       if a in ("militancy-bases", "regional-peace")},
                     tolerance=0.005, share=True,
                     why=lambda t: "Advocacy shares of body sentences: " + gold.fmt(t) + ". Both pieces argue "
                     "for something; the share says how much of the text does the arguing.",
                     hint="ml.compare.label_shares(normalize=True) gives the percentages per piece; or keep the "
                     "body sentences of each piece and take the mean of (label == \"advocacy\").", pieces=("militancy-bases", "regional-peace"), kind="compare"),
        reflection_task(7, "rewrite two loaded sentences neutrally", exercise="04_advocacy_loaded_language",
                        min_words=40,
                        cite=("balakot", "regional-peace"), pieces=("balakot", "regional-peace"),
                        kind="compare"),
    ])
