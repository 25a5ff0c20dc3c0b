"""Exercise 04 · Advocacy and loaded language: the tasks of ``exercises/04_advocacy_loaded_language.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import schema
from . import gold
from .builders import classify_task, label_row_hint, numbers_task, reflection_task
from .charts import bar_values, figure_task, is_horizontal, same_values
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import Choices, LABELS_READER, norm_phrase, read_choice_mapping, read_phrases

__all__ = ['tasks']


def _phrase_matches(given: str, marked: str) -> bool:
    a, b = norm_phrase(given), norm_phrase(marked)
    return bool(a) and (a == b or (len(a) >= 3 and (a in b or b in a)))


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

    return Task(number, title, f'a list of words copied from {sent_id}, like ["…", "…"]', grade, (article,), kind)


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
        return not_yet(f"{len(phrases) - len(wrong)} of {len(phrases)} are right; look again at "
                       + ", ".join(f'"{p}"' for p in wrong) + ". Ask: does the phrase make the claim sound "
                       "less certain (hedge) or beyond doubt (booster)? Reread it in its sentence.")

    return Task(number, title, f'a dict from phrase to "hedge" or "booster", like {{"{phrases[0]}": "hedge", …}}',
                grade, pieces, "hedge_booster")

def _words_per_body(sentences: pd.DataFrame) -> dict[str, float]:
    body = sentences[sentences.role == "body"]
    return {a: float(body[body.article_id == a].text.str.split().str.len().sum()) for a in schema.ARTICLE_IDS}


def _loaded_rates() -> dict[str, float]:
    sentences, spans = gold.sentences(), gold.spans()
    body_ids = set(sentences[sentences.role == "body"].sent_id)
    loaded = spans[(spans.kind == "loaded") & spans.sent_id.isin(body_ids)]
    words = _words_per_body(sentences)
    return {a: 1000 * float((loaded.article_id == a).sum()) / words[a] for a in schema.ARTICLE_IDS}


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

    return [
        classify_task(1, "fact or advocacy?",
                      ["militancy-bases-004", "militancy-bases-010", "regional-peace-006", "tit-for-tat-027",
                       "tit-for-tat-059", "balakot-023"],
                      column="label", reader=LABELS_READER, hint=label_row_hint, kind="label"),
        words_task(2, "the loaded words in militancy-bases-005", "militancy-bases-005", "loaded",
                   why="The sentence stays fact (rule L5): the charge is stated as checkable, and the loaded "
                   "words colour it.",
                   hint="Loaded words are emotionally charged or one-sided (codebook §8). Copy each word or "
                   "short phrase as printed."),
        span_kind_task(3, "hedges and boosters",
                       [("balakot-026", "For sure"), ("balakot-039", "Apparently"),
                        ("tit-for-tat-063", "What is clear"), ("tit-for-tat-051", "may"),
                        ("militancy-bases-017", "ample evidence"), ("regional-peace-037", "seem")],
                       ("hedge", "booster")),
        numbers_task(4, "loaded words per 1,000 body words",
                     expected=_loaded_rates, tolerance=0.05, share=False,
                     why=lambda t: "Loaded words per 1,000 body words: " + gold.fmt(t, 1) + ". A rate lets you "
                     "compare pieces of different length.",
                     hint="Count the loaded spans of body sentences per piece, divide by the number of words "
                     "in its body sentences (text.str.split().str.len()), and multiply by 1,000."),
        figure_task(5, "restyle the rates chart", chart_checks,
                    why="Horizontal, sorted, titled, with the unit on the axis: a reader sees the ranking at "
                    "a glance and knows what is counted.", pieces=schema.ARTICLE_IDS),
        numbers_task(6, "share of advocacy in two opinion pieces",
                     expected=lambda: {a: v for a, v in gold.shares(gold.sentences(), label="advocacy").items()
                                       if a in ("militancy-bases", "regional-peace")},
                     tolerance=0.005, share=True,
                     why=lambda t: "Advocacy shares of body sentences: " + gold.fmt(t) + ". Both pieces argue "
                     "for something; the share says how much of the text does the arguing.",
                     hint="For each of the two pieces, keep its body sentences and take the mean of "
                     "(label == \"advocacy\").", pieces=("militancy-bases", "regional-peace"), kind="compare"),
        reflection_task(7, "rewrite two loaded sentences neutrally", min_words=40,
                        cite=("balakot", "regional-peace"), pieces=("balakot", "regional-peace"),
                        kind="compare"),
    ]
