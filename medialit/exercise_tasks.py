"""The tasks of the seven exercise notebooks, with their checks.

Each exercise is a function that returns its list of :class:`~medialit.checks.Task`.
The *questions* (which sentences to label, which piece to look at) are written
here; the *expected answers* are always computed from ``data/`` when a check
runs, so a corrected label in ``sentences.csv`` changes what counts as right
without touching this file.

>>> [task.number for task in EXERCISES["02_attribution"]()]
[1, 2, 3, 4, 5, 6, 7]
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable

import pandas as pd

from . import corpus, schema
from .checks import (
    LABELS_READER, SOURCE_TYPES_READER, Choices, NotAnswered, Result, Task, compare_ids,
    ids_in_text, not_yet, note, read_choice, read_choice_mapping, read_figure, read_id, read_ids, read_mapping,
    read_number, read_numbers, read_text, right,
)

__all__ = ["EXERCISES"]

#: The content roles: what a reader reads as the article (not page furniture).
CONTENT_ROLES = ("headline", "subheading", "body", "pullquote")

# ---------------------------------------------------------------------------
# Data access (fresh at every check, so corrections in data/ flow through)
# ---------------------------------------------------------------------------


def _sentences() -> pd.DataFrame:
    return corpus.load_sentences()


def _spans() -> pd.DataFrame:
    return corpus.load_spans()


def _row(sentences: pd.DataFrame, sent_id: str) -> pd.Series:
    rows = sentences[sentences.sent_id == sent_id]
    if len(rows) != 1:
        raise LookupError(f"the data has no sentence {sent_id}")
    return rows.iloc[0]


def _article_key(raw: str) -> str:
    return " ".join(raw.strip().lower().replace("_", "-").split())


def _read_article(answer: Any, pieces: Iterable[str]) -> str:
    pieces = list(pieces)
    if not isinstance(answer, str):
        raise NotAnswered(f"give the article id as text in quotes, like \"{pieces[0]}\".")
    key = _article_key(answer)
    if key not in pieces:
        raise NotAnswered(f"{answer!r} is not one of the article ids: {', '.join(pieces)}.")
    if key != answer:
        note(f'(I read "{answer}" as "{key}".)')
    return key


def _id_key(raw: str) -> str:
    from .checks import _normalise_id

    return _normalise_id(raw)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _words(text: str) -> int:
    return len(str(text).split())


# ---------------------------------------------------------------------------
# Hints, chosen from the student's wrong value, never naming the right one
# ---------------------------------------------------------------------------


def label_hint(given: str, expected: str) -> str:
    """Which codebook rule to reread when ``given`` was chosen but does not fit.

    >>> label_hint("fact", "attributed")[:15]
    'Whose claim is '
    """
    if "meta" in (given, expected):
        return "Which part of the page is it? Reread rule L1 (page role) and look at the column role."
    if expected == "attributed":
        return ("Whose claim is it? Reread rules L2–L3: a quotation, or a main clause that reports "
                "what someone else says.")
    if given == "attributed":
        return ("Is the cue in the main clause, or is the writer judging, or merely mentioning, what "
                "someone said? Reread rule L3 (second and third bullets).")
    if expected == "advocacy":
        return ("Could any record settle it? Reread rule L4: judgement, interpretation, prescription, "
                "prediction, rhetorical question, figure of speech.")
    return ("Reread rule L5: a checkable statement in the writer's voice stays fact even with one "
            "loaded word or a grave charge in it.")


ROLE_HINTS = {
    "headline": "the title of the piece",
    "subheading": "a section heading or a standfirst under the headline",
    "byline": "the author's or agency's name",
    "body": "running text of the article",
    "pullquote": "a sentence lifted from the body and shown again",
    "bio": "a note about the author",
    "disclaimer": "the publisher's statement about responsibility for the views",
    "furniture": "what the web page added around the article",
}

SOURCE_TYPE_HINTS = {
    "named_official": "a named government, ministry, army, official or spokesperson",
    "named_expert": "a named academic, think tank or analyst",
    "named_other": "any other named person or body",
    "anonymous": "a single unnamed informant the writer claims to know",
    "unnamed": "a vague plural or faceless source",
    "document": "a named document or report",
    "none": "not attributed",
}

ROLES_READER = Choices(schema.ROLES, {"pull quote": "pullquote", "pull-quote": "pullquote"}, "role")


# ---------------------------------------------------------------------------
# Task builders
# ---------------------------------------------------------------------------


def classify_task(number: int, title: str, ids: list[str], *, column: str, reader: Choices,
                  hint: Callable[[str, str, pd.Series], str], kind: str, why_prefix: str = "") -> Task:
    """Give each of ``ids`` its value in ``column`` (label, role, source_type)."""
    pieces = tuple(dict.fromkeys(i.rsplit("-", 1)[0] for i in ids))
    example = f'{{"{ids[0]}": "{reader.values[0]}", …}}'

    def grade(answer: Any) -> Result:
        sentences = _sentences()
        given = read_choice_mapping(answer, ids, reader, what="sentence id", read_key=_id_key)
        rows = {sent_id: _row(sentences, sent_id) for sent_id in ids}
        wrong = [i for i in ids if given[i] != str(rows[i][column])]
        if not wrong:
            why = "; ".join(f"{i} {given[i]} ({rows[i].rationale})" if column == "label" and rows[i].rationale
                            else f"{i} {given[i]}" for i in ids)
            return right(f"{why_prefix}{why}.")
        first = wrong[0]
        others = f" (and then {', '.join(wrong[1:])})" if len(wrong) > 1 else ""
        text = (f"{len(ids) - len(wrong)} of {len(ids)} are right. Look again at {first}{others}: "
                f"{hint(given[first], str(rows[first][column]), rows[first])}")
        return not_yet(text)

    return Task(number, title, f"a dict from sentence id to {reader.what}, like {example}", grade,
                pieces, kind)


def _label_hint(given: str, expected: str, row: pd.Series) -> str:
    return label_hint(given, expected)


def _role_hint(given: str, expected: str, row: pd.Series) -> str:
    return (f"you chose {given} ({ROLE_HINTS[given]}); reread the table in codebook §2 and look at "
            "where the sentence sits in the raw text.")


def _source_type_hint(given: str, expected: str, row: pd.Series) -> str:
    return (f"you chose {given} ({SOURCE_TYPE_HINTS[given]}). Who exactly is credited — "
            f"\"{row.source}\"? Reread the table in codebook §5.")


def ids_task(number: int, title: str, *, article: str | None, expected: Callable[[pd.DataFrame], list[str]],
             why: Callable[[list[str], pd.DataFrame], str], hint_missing: str, hint_extra: str,
             pieces: tuple[str, ...], kind: str) -> Task:
    """Find all the sentences of a piece that fit a description."""
    example = f'["{article or pieces[0]}-007"]'

    def grade(answer: Any) -> Result:
        sentences = _sentences()
        given = read_ids(answer, sentences.sent_id, article=article)
        wanted = expected(sentences)
        if not wanted:
            raise LookupError("the data gives no expected ids for this task")
        return compare_ids(given, wanted, why=why(wanted, sentences), hint_missing=hint_missing,
                           hint_extra=hint_extra)

    return Task(number, title, f"a list of sentence ids, like {example}", grade, pieces, kind)


def pick_per_article_task(number: int, title: str, pieces: tuple[str, ...],
                          fits: Callable[[pd.Series], bool], *, describe: Callable[[pd.Series], str],
                          hint: str, kind: str = "compare") -> Task:
    """For each piece, name one sentence that fits a description (any fitting one counts)."""
    example = "{" + ", ".join(f'"{p}": "{p}-0.."' for p in pieces) + "}"

    def grade(answer: Any) -> Result:
        sentences = _sentences()
        mapping = read_mapping(answer, pieces, what="article id", read_key=_article_key)
        chosen = {}
        for piece, value in mapping.items():
            try:
                chosen[piece] = read_id(value, sentences.sent_id, article=piece)
            except NotAnswered as problem:
                raise NotAnswered(f"for {piece}: {problem}") from None
        for piece in pieces:
            if not any(fits(row) for _, row in sentences[sentences.article_id == piece].iterrows()):
                raise LookupError(f"no sentence of {piece} fits this task in the data")
        wrong = [p for p in pieces if not fits(_row(sentences, chosen[p]))]
        if wrong:
            return not_yet(f"{len(pieces) - len(wrong)} of {len(pieces)} fit. "
                           + " ".join(f"{chosen[p]}: {describe(_row(sentences, chosen[p]))}." for p in wrong)
                           + f" {hint}")
        return right(" ".join(f"{chosen[p]}: {describe(_row(sentences, chosen[p]))}." for p in pieces))

    return Task(number, title, f"a dict from article id to one sentence id, like {example}", grade,
                pieces, kind)


def number_task(number: int, title: str, *, expected: Callable[[], float], tolerance: float,
                share: bool, why: Callable[[float], str], hint: str, pieces: tuple[str, ...],
                kind: str = "compute") -> Task:
    """Compute one number with pandas."""
    expects = "a number between 0 and 1, like 0.25" if share else "a number, like 12"

    def grade(answer: Any) -> Result:
        value = read_number(answer, share=share)
        target = expected()
        if abs(value - target) <= tolerance:
            return right(why(target))
        return not_yet(f"{value:g} is not it. {hint}")

    return Task(number, title, expects, grade, pieces, kind)


def numbers_task(number: int, title: str, *, expected: Callable[[], dict[str, float]], tolerance: float,
                 share: bool, why: Callable[[dict[str, float]], str], hint: str,
                 pieces: tuple[str, ...] = schema.ARTICLE_IDS, kind: str = "compute") -> Task:
    """Compute one number per piece (a dict or a pandas Series indexed by article id)."""
    example = "{" + f'"{pieces[0]}": {"0.25" if share else "12"}, …' + "}"

    def grade(answer: Any) -> Result:
        try:
            values = read_numbers(answer, pieces, share=share)
        except NotAnswered as problem:
            if "still missing" in str(problem):
                raise NotAnswered(f"{problem} A piece with none still needs its 0 "
                                  "(for instance .reindex(ml.article_ids(), fill_value=0)).") from None
            raise
        target = expected()
        wrong = [p for p in pieces if abs(values[p] - target[p]) > tolerance]
        if not wrong:
            return right(why(target))
        return not_yet(f"{len(pieces) - len(wrong)} of {len(pieces)} values are right; look again at "
                       f"{', '.join(wrong)}. {hint}")

    return Task(number, title, f"a dict or pandas Series from article id to number, like {example}",
                grade, pieces, kind)


def article_choice_task(number: int, title: str, *, scores: Callable[[], dict[str, float]],
                        why: Callable[[dict[str, float], str], str], hint: str,
                        pieces: tuple[str, ...] = schema.ARTICLE_IDS, kind: str = "compute") -> Task:
    """Name the piece with the highest score (ties: any of the highest counts)."""

    def grade(answer: Any) -> Result:
        choice = _read_article(answer, pieces)
        values = scores()
        best = max(values.values())
        if values.get(choice, float("-inf")) >= best - 1e-12:
            return right(why(values, choice))
        return not_yet(f"{choice} is not the highest. {hint}")

    return Task(number, title, f'one article id as text, like "{pieces[0]}"', grade, pieces, kind)


def _norm_phrase(text: str) -> str:
    text = re.sub(r"[“”\"'‘’.,;:!?()\[\]]", " ", str(text).lower())
    return " ".join(text.split())


def attribution_task(number: int, sent_id: str) -> Task:
    """Name the cue, the source and the source type of one attributed sentence."""
    article = sent_id.rsplit("-", 1)[0]
    keys = ["cue", "source", "source_type"]

    def grade(answer: Any) -> Result:
        row = _row(_sentences(), sent_id)
        if row.label != "attributed":
            raise LookupError(f"{sent_id} is no longer labelled attributed in the data")
        mapping = read_mapping(answer, keys, what="key", read_key=lambda k: k.strip().lower().replace(" ", "_"))
        for key in ("cue", "source"):
            if not isinstance(mapping[key], str) or not mapping[key].strip():
                raise NotAnswered(f"{key} should be words copied from the sentence, in quotes.")
        source_type = read_choice(mapping["source_type"], SOURCE_TYPES_READER)
        text = _norm_phrase(row.text)
        problems = []
        cue = _norm_phrase(mapping["cue"])
        cues = [_norm_phrase(c) for c in str(row.cue).split(";") if c.strip()]
        if cue not in text:
            problems.append(f"the cue \"{mapping['cue'].strip()}\" is not in the sentence (copy it as printed)")
        elif not any(cue == c or (len(cue) >= 4 and (cue in c or c in cue)) for c in cues):
            problems.append("your cue is in the sentence but is not the word that hands the claim to "
                            "someone (codebook §6 lists cue words)")
        source = _norm_phrase(mapping["source"])
        gold = _norm_phrase(re.sub(r"\(.*?\)", "", str(row.source)))
        if source not in text:
            problems.append(f"the source \"{mapping['source'].strip()}\" is not in the sentence (copy the name as printed)")
        elif not (len(source) >= 3 and (source in gold or gold in source)):
            problems.append("your source is in the sentence but is not who the claim is credited to; "
                            "ask: who says it?")
        if source_type != row.source_type:
            problems.append(f"source type {source_type} means {SOURCE_TYPE_HINTS[source_type]}; "
                            "reread the table in codebook §5")
        if problems:
            return not_yet(f"{3 - len(problems)} of 3 parts are right: " + "; ".join(problems) + ".")
        return right(f"{sent_id}: the cue \"{row.cue}\" hands the claim to {row.source} "
                     f"({row.source_type}: {SOURCE_TYPE_HINTS[row.source_type]}).")

    return Task(number, f"cue, source and source type of {sent_id}",
                'a dict with keys "cue", "source" and "source_type", like {"cue": "said", "source": "…", '
                '"source_type": "named_official"}', grade, (article,), "attribution")


def figure_task(number: int, title: str, checks: Callable[[Any], list[tuple[bool, str]]], *,
                why: str, pieces: tuple[str, ...], kind: str = "chart") -> Task:
    """Make or restyle a chart; ``checks(fig)`` returns (passed, what to fix) pairs."""

    def grade(answer: Any) -> Result:
        figure = read_figure(answer)
        results = checks(figure)
        failed = [message for passed, message in results if not passed]
        if failed:
            return not_yet(f"{len(results) - len(failed)} of {len(results)} things are in place. Still to do: "
                           + "; ".join(failed) + ".")
        return right(why)

    return Task(number, title, "a matplotlib Figure, like fig (from fig, ax = plt.subplots())", grade,
                pieces, kind)


def _bar_containers(ax) -> list:
    from matplotlib.container import BarContainer

    return [c for c in ax.containers if isinstance(c, BarContainer)]


def bar_values(ax) -> list[float]:
    """Bar lengths drawn on an Axes with ``bar``/``barh`` (or pandas ``.plot.bar``/``.plot.barh``).

    >>> import matplotlib.figure
    >>> ax = matplotlib.figure.Figure().subplots()
    >>> _ = ax.barh(["a", "b"], [3, 1])
    >>> bar_values(ax), is_horizontal(ax)
    ([3.0, 1.0], True)
    """
    return [float(v) for c in _bar_containers(ax) for v in c.datavalues]


def is_horizontal(ax) -> bool:
    """True when the bars on ``ax`` were drawn horizontally (``barh``)."""
    return any(getattr(c, "orientation", None) == "horizontal" for c in _bar_containers(ax))


def _same_values(drawn: list[float], wanted: list[float], tolerance: float) -> bool:
    return len(drawn) == len(wanted) and all(
        abs(a - b) <= tolerance for a, b in zip(sorted(drawn), sorted(wanted)))


def reflection_task(number: int, title: str, *, min_words: int, cite: tuple[str, ...], pieces: tuple[str, ...],
                    kind: str = "reflection", words_hint: str = "") -> Task:
    """A short written answer: the check sees its length and its evidence ids; a teacher reads the rest.

    ``cite`` lists the pieces that must each be cited with at least one sentence id.
    """

    def grade(answer: Any) -> Result:
        text = read_text(answer, min_words=min_words)
        sentences = _sentences()
        known = set(sentences.sent_id)
        cited = ids_in_text(text)
        unknown = [i for i in cited if i not in known]
        if unknown:
            raise NotAnswered(f"no sentence has the id {', '.join(unknown)}; copy ids from the sentences table.")
        missing = [p for p in cite if not any(i.startswith(p + "-") for i in cited)]
        if missing:
            raise NotAnswered("back your answer with evidence: cite at least one sentence id from "
                              + " and from ".join(missing) + ", like " + f'"{missing[0]}-007".')
        return right(f"Your {_plural(len(text.split()), 'word')} cite {', '.join(cited)}. That is all a check "
                     "can see: your teacher reads the rest.")

    cite_text = (" citing at least one sentence id from " + " and ".join(cite)) if cite else ""
    return Task(number, title, f"your own text in quotes, at least {min_words} words{cite_text}", grade,
                pieces, kind)


# ---------------------------------------------------------------------------
# Shared computations
# ---------------------------------------------------------------------------


def _shares(sentences: pd.DataFrame, *, label: str, roles=("body",)) -> dict[str, float]:
    body = sentences[sentences.role.isin(roles)]
    return {a: float((body[body.article_id == a].label == label).mean()) for a in schema.ARTICLE_IDS}


def _counts_by_piece(mask: pd.Series, sentences: pd.DataFrame) -> dict[str, float]:
    return {a: float((mask & (sentences.article_id == a)).sum()) for a in schema.ARTICLE_IDS}


def _fmt(values: dict[str, float], digits: int = 2) -> str:
    return ", ".join(f"{k} {v:.{digits}f}" if digits else f"{k} {v:g}" for k, v in values.items())


def _dropped_attribution(sentences: pd.DataFrame, article: str) -> list[str]:
    by_id = sentences.set_index("sent_id")
    rows = sentences[(sentences.article_id == article) & (sentences.repeats != "")]
    return [r.sent_id for r in rows.itertuples()
            if r.repeats in by_id.index and by_id.at[r.repeats, "label"] == "attributed"
            and r.label != "attributed"]


# ---------------------------------------------------------------------------
# 01 · Meet the pieces
# ---------------------------------------------------------------------------


def exercise_01() -> list[Task]:
    def roles_chart_checks(fig) -> list[tuple[bool, str]]:
        sentences = _sentences()
        counts = sentences[sentences.article_id == "tit-for-tat"].role.value_counts()
        counts = [float(c) for c in counts if c > 0]
        axes = fig.get_axes()
        ax = axes[0] if axes else None
        return [
            (len(axes) == 1, "draw on exactly one Axes"),
            (ax is not None and _same_values(bar_values(ax), counts, 0.01),
             "one bar per role that occurs in tit-for-tat, as long as its number of sentences"),
            (ax is not None and bool(ax.get_title().strip() or fig.texts), "give the chart a title"),
            (ax is not None and bool((ax.get_ylabel() if not is_horizontal(ax) else ax.get_xlabel()).strip()),
             "label the axis along the bars (what is counted?)"),
        ]

    return [
        classify_task(1, "the role of six sentences",
                      ["balakot-003", "tit-for-tat-033", "ap-crackdown-002", "regional-peace-048",
                       "balakot-043", "militancy-bases-025"],
                      column="role", reader=ROLES_READER, hint=_role_hint, kind="role"),
        numbers_task(2, "body sentences per piece",
                     expected=lambda: _counts_by_piece(_sentences().role == "body", _sentences()),
                     tolerance=0, share=False,
                     why=lambda t: "Body sentences: " + _fmt(t, 0) + ". Everything else is headline, "
                     "page furniture, bylines and the like (codebook §2).",
                     hint="Keep only the rows whose role is \"body\", then count the rows of each article."),
        article_choice_task(3, "the piece with the largest share of meta sentences",
                            scores=lambda: {a: float((_sentences()[_sentences().article_id == a].label == "meta").mean())
                                            for a in schema.ARTICLE_IDS},
                            why=lambda v, c: f"{c}: {v[c]:.2f} of its sentences are meta (bylines, bios, "
                            "furniture — rule L1). The shares: " + _fmt(v) + ". A web page wraps the text in "
                            "a lot that is not the article.",
                            hint="Compare shares, not counts: the pieces differ in length. "
                            "Try (sentences.label == \"meta\").groupby(sentences.article_id).mean()."),
        ids_task(4, "sentences that repeat an earlier one in regional-peace", article="regional-peace",
                 expected=lambda s: s[(s.article_id == "regional-peace") & (s.repeats != "")].sent_id.tolist(),
                 why=lambda ids, s: "These rows have a value in the column repeats: "
                 + ", ".join(f"{i} repeats {_row(s, i).repeats}" for i in ids)
                 + ". The page printed a closing paragraph and the byline twice.",
                 hint_missing="Filter on the column repeats: a repeating sentence names the earlier one there.",
                 hint_extra="{ids}: the column repeats is empty there.",
                 pieces=("regional-peace",), kind="find"),
        figure_task(5, "a bar chart of tit-for-tat's sentences by role", roles_chart_checks,
                    why="One bar per role, with a title and a labelled axis: the chart can be read without you "
                    "next to it. Compare the furniture bar with the body bar.",
                    pieces=("tit-for-tat",)),
        reflection_task(6, "what two pages tell you about themselves", min_words=40,
                        cite=("militancy-bases", "regional-peace"), pieces=("militancy-bases", "regional-peace"),
                        kind="compare"),
    ]


# ---------------------------------------------------------------------------
# 02 · Attribution
# ---------------------------------------------------------------------------


def exercise_02() -> list[Task]:
    return [
        classify_task(1, "label six sentences",
                      ["tit-for-tat-021", "tit-for-tat-023", "balakot-022", "ap-crackdown-007",
                       "regional-peace-014", "militancy-bases-063"],
                      column="label", reader=LABELS_READER, hint=_label_hint, kind="label"),
        attribution_task(2, "ap-crackdown-010"),
        ids_task(3, "the pull-quote that drops an attribution", article="tit-for-tat",
                 expected=lambda s: _dropped_attribution(s, "tit-for-tat"),
                 why=lambda ids, s: " ".join(
                     f"{i} repeats {_row(s, i).repeats} but drops its cue (\"{_row(s, _row(s, i).repeats).cue}\"): "
                     f"on the page the allegation now reads as the writer's own statement, labelled "
                     f"{_row(s, i).label} (codebook §9, case 5)." for i in ids),
                 hint_missing="Look for a sentence that says the same thing as an attributed one, without a cue "
                 "(the column repeats links them).",
                 hint_extra="{ids}: still has its cue, or repeats nothing attributed.",
                 pieces=("tit-for-tat",), kind="dropped_attribution"),
        number_task(4, "share of attributed body sentences in ap-crackdown",
                    expected=lambda: _shares(_sentences(), label="attributed")["ap-crackdown"],
                    tolerance=0.005, share=True,
                    why=lambda v: f"{v:.2f} of ap-crackdown's body sentences hand their claim to someone else "
                    "(an official, an analyst, \"critics\"): the reader hears the writer report, not assert.",
                    hint="Keep the body sentences of ap-crackdown, then take the mean of "
                    "(label == \"attributed\"): the share of True values.",
                    pieces=("ap-crackdown",)),
        article_choice_task(5, "the piece that relies least on other people's words",
                            scores=lambda: {a: -v for a, v in _shares(_sentences(), label="attributed").items()},
                            why=lambda v, c: f"{c}: {-v[c]:.2f} of its body sentences are attributed. All shares: "
                            + _fmt({a: -x for a, x in v.items()}) + ". A low share means the writer states more "
                            "in their own voice — which says nothing about whether it is true.",
                            hint="Compute the share of attributed body sentences for every piece and take the "
                            "lowest (groupby article_id, then mean)."),
        ids_task(6, "quotations that continue without a cue in balakot", article="balakot",
                 expected=lambda s: s[(s.article_id == "balakot") & (s.cue == "[continued quotation]")].sent_id.tolist(),
                 why=lambda ids, s: f"{_plural(len(ids), 'sentence')} carry no cue of their own but continue a "
                 "quotation (rule L2): they are attributed to the source named where the quotation opens or closes.",
                 hint_missing="Filter balakot's sentences on the column cue; the codebook (§6) says what it holds "
                 "for a quotation continued from an earlier sentence.",
                 hint_extra="{ids}: has a cue of its own, or is not a quotation.",
                 pieces=("balakot",), kind="find"),
        reflection_task(7, "what changes when the cue is dropped", min_words=40,
                        cite=("tit-for-tat",), pieces=("tit-for-tat",)),
    ]


# ---------------------------------------------------------------------------
# 03 · Sources and evidence
# ---------------------------------------------------------------------------


def _vague_share(sentences: pd.DataFrame) -> dict[str, float]:
    attributed = sentences[sentences.label == "attributed"]
    return {a: float(attributed[attributed.article_id == a].source_type.isin(["anonymous", "unnamed"]).mean())
            for a in schema.ARTICLE_IDS}


def _writer_accuses(row: pd.Series) -> bool:
    return str(row.accusation) == "1" and row.accuser == "writer"


def exercise_03() -> list[Task]:
    return [
        classify_task(1, "the source type of six attributed sentences",
                      ["balakot-009", "regional-peace-013", "ap-crackdown-008", "militancy-bases-030",
                       "tit-for-tat-019", "balakot-036"],
                      column="source_type", reader=SOURCE_TYPES_READER, hint=_source_type_hint,
                      kind="source_type"),
        number_task(2, "share of balakot's attributed sentences that credit an anonymous source",
                    expected=lambda: float((_sentences().query("article_id == 'balakot' and label == 'attributed'")
                                            .source_type == "anonymous").mean()),
                    tolerance=0.005, share=True,
                    why=lambda v: f"{v:.2f} of balakot's attributed sentences credit a source the writer does not "
                    "name; a reader cannot check who it is or ask them (codebook §5, anonymous).",
                    hint="Keep balakot's attributed sentences (not all its sentences), then take the mean of "
                    "(source_type == \"anonymous\").",
                    pieces=("balakot",)),
        numbers_task(3, "share of vague sources per piece",
                     expected=lambda: _vague_share(_sentences()), tolerance=0.005, share=True,
                     why=lambda t: "Shares of attributed sentences with an anonymous or unnamed source: "
                     + _fmt(t) + ". Every piece uses some; compare how much each asks you to trust.",
                     hint="Among the attributed sentences only, take the mean of "
                     "source_type.isin([\"anonymous\", \"unnamed\"]) per article."),
        pick_per_article_task(4, "one accusation in the writer's own voice in each of two pieces",
                              ("militancy-bases", "regional-peace"), _writer_accuses,
                              describe=lambda r: (f"accusation {r.accusation}, accuser "
                                                  f"{r.accuser or '(none)'}"),
                              hint="You want accusation 1 with accuser writer: a charge against an "
                              "identifiable party that no source carries (codebook §4)."),
        numbers_task(5, "accusations in the writer's own voice, per piece",
                     expected=lambda: _counts_by_piece(
                         (_sentences().accusation == 1) & (_sentences().accuser == "writer"), _sentences()),
                     tolerance=0, share=False,
                     why=lambda t: "Writer-voiced accusations: " + _fmt(t, 0) + ". Longer pieces have more room; "
                     "compare with how many accusations each piece attributes to a source.",
                     hint="Count rows with accusation == 1 and accuser == \"writer\" for each article."),
        reflection_task(6, "what a reader has to take on trust", min_words=50,
                        cite=("balakot", "tit-for-tat"), pieces=("balakot", "tit-for-tat"), kind="compare"),
    ]


# ---------------------------------------------------------------------------
# Builders for spans and frames
# ---------------------------------------------------------------------------


def _phrase_matches(given: str, gold: str) -> bool:
    a, b = _norm_phrase(given), _norm_phrase(gold)
    return bool(a) and (a == b or (len(a) >= 3 and (a in b or b in a)))


def _read_phrases(answer: Any) -> list[str]:
    if isinstance(answer, str):
        raise NotAnswered(f'you gave one string; put the words in a list, like ["{answer.strip()}"].')
    if not isinstance(answer, (list, tuple, set)):
        raise NotAnswered(f"you gave {type(answer).__name__}; give a list of words in quotes.")
    phrases = list(answer)
    if not phrases:
        raise NotAnswered("your list is empty.")
    for item in phrases:
        if not isinstance(item, str) or not item.strip():
            raise NotAnswered("every item should be words copied from the sentence, in quotes.")
    return list(dict.fromkeys(p.strip() for p in phrases))


def words_task(number: int, title: str, sent_id: str, kind: str, *, why: str, hint: str) -> Task:
    """List the words of one sentence that are marked as spans of ``kind`` (loaded, hedge ...)."""
    article = sent_id.rsplit("-", 1)[0]

    def grade(answer: Any) -> Result:
        phrases = _read_phrases(answer)
        row = _row(_sentences(), sent_id)
        text = _norm_phrase(row.text)
        outside = [p for p in phrases if _norm_phrase(p) not in text]
        if outside:
            raise NotAnswered(f"{', '.join(repr(p) for p in outside)} {'is' if len(outside) == 1 else 'are'} not in "
                              f"{sent_id}; copy the words as printed.")
        spans = _spans()
        gold = spans[(spans.sent_id == sent_id) & (spans.kind == kind)].text.tolist()
        if not gold:
            raise LookupError(f"no {kind} spans in {sent_id} in the data")
        found = [g for g in gold if any(_phrase_matches(p, g) for p in phrases)]
        extra = [p for p in phrases if not any(_phrase_matches(p, g) for g in gold)]
        if not extra and len(found) == len(gold):
            return right(f"{sent_id} has {_plural(len(gold), kind + ' span')}: "
                         + ", ".join(f'"{g}"' for g in gold) + f". {why}")
        text = f"{len(found)} of {_plural(len(gold), kind + ' span')} found."
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
            if _norm_phrase(raw) == _norm_phrase(phrase):
                return phrase
        return raw

    def grade(answer: Any) -> Result:
        given = read_choice_mapping(answer, phrases, reader, what="phrase", read_key=key)
        spans = _spans()
        expected = {}
        for sent_id, phrase in items:
            rows = spans[(spans.sent_id == sent_id) & spans.kind.isin(kinds)
                         & (spans.text.map(_norm_phrase) == _norm_phrase(phrase))]
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


def _frame_evidence(frames: pd.DataFrame, article: str) -> dict[str, list[str]]:
    rows = frames[frames.article_id == article]
    return {str(r.function): [i.strip() for i in str(r.evidence).split(";") if i.strip()] for r in rows.itertuples()}


FUNCTIONS_READER = Choices(schema.FRAME_FUNCTIONS, {
    "problem": "problem_definition", "cause": "causal_interpretation", "causal": "causal_interpretation",
    "moral": "moral_evaluation", "treatment": "treatment_recommendation", "remedy": "treatment_recommendation",
}, "framing function")

FUNCTION_HINTS = {
    "problem_definition": "what is the problem, and who is affected?",
    "causal_interpretation": "who or what causes it?",
    "moral_evaluation": "who is good or bad, victim or culprit?",
    "treatment_recommendation": "what should be done, by whom?",
}


def frame_function_task(number: int, title: str, ids: list[str]) -> Task:
    """Name the Entman function each sentence serves (from the evidence in frames.csv)."""
    article = ids[0].rsplit("-", 1)[0]

    def grade(answer: Any) -> Result:
        given = read_choice_mapping(answer, ids, FUNCTIONS_READER, what="sentence id", read_key=_id_key)
        evidence = _frame_evidence(corpus.load_frames(), article)
        expected = {}
        for sent_id in ids:
            functions = [f for f, cited in evidence.items() if sent_id in cited]
            if len(functions) != 1:
                raise LookupError(f"{sent_id} is evidence for {len(functions)} functions in frames.csv")
            expected[sent_id] = functions[0]
        wrong = [i for i in ids if given[i] != expected[i]]
        if not wrong:
            return right("; ".join(f"{i} {expected[i]}" for i in ids) + ". Entman (1993): a frame defines a "
                         "problem, names its cause, judges, and recommends a treatment.")
        first = wrong[0]
        return not_yet(f"{len(ids) - len(wrong)} of {len(ids)} are right. Look again at {first}"
                       + (f" (and then {', '.join(wrong[1:])})" if len(wrong) > 1 else "")
                       + f": you chose {given[first]} — {FUNCTION_HINTS[given[first]]} Does the sentence answer "
                       "that question, or another of the four?")

    return Task(number, title, f'a dict from sentence id to framing function, like {{"{ids[0]}": '
                '"problem_definition", …}', grade, (article,), "frames")


def entman_task(number: int, title: str, article: str) -> Task:
    """Fill Entman's four functions for one piece with evidence ids (checked: substance only)."""

    def grade(answer: Any) -> Result:
        sentences = _sentences()
        mapping = read_mapping(answer, schema.FRAME_FUNCTIONS, what="function",
                               read_key=lambda k: FUNCTIONS_READER.read(k) or k)
        cited = {}
        for function, value in mapping.items():
            try:
                ids = read_ids(value, sentences.sent_id, article=article)
            except NotAnswered as problem:
                raise NotAnswered(f"for {function}: {problem}") from None
            if len(ids) > 4:
                raise NotAnswered(f"for {function}: cite at most 4 sentences, the clearest ones.")
            cited[function] = ids
        by_id = sentences.set_index("sent_id")
        spans = _spans()
        loaded = set(spans[spans.kind == "loaded"].sent_id)
        problems = []
        for function, ids in cited.items():
            meta = [i for i in ids if by_id.at[i, "label"] == "meta"]
            if meta:
                problems.append(f"{function}: {', '.join(meta)} is page furniture, not the writer's framing (rule L1)")
        if not any(by_id.at[i, "label"] == "advocacy" for i in cited["treatment_recommendation"]):
            problems.append("treatment_recommendation: none of your sentences is a prescription in the writer's "
                            "voice or a quoted one; look for should, must, need (rule L4)")
        if not any(by_id.at[i, "label"] in ("advocacy", "attributed") or i in loaded
                   for i in cited["moral_evaluation"]):
            problems.append("moral_evaluation: none of your sentences judges anyone — look for loaded words or "
                            "an evaluation (codebook §8, rule L4)")
        if problems:
            return not_yet(f"{4 - len({p.split(':')[0] for p in problems})} of 4 functions are backed. "
                           + "; ".join(problems) + ".")
        evidence = _frame_evidence(corpus.load_frames(), article)
        shared = sum(len(set(cited[f]) & set(evidence.get(f, []))) for f in schema.FRAME_FUNCTIONS)
        return right(f"Every function is backed by sentences of {article} that can carry it. {shared} of your "
                     "ids are also among the annotators' evidence in frames.csv; compare your reading with "
                     "theirs. Your teacher reads the rest.")

    example = '{"problem_definition": ["' + article + '-0.."], "causal_interpretation": [...], …}'
    return Task(number, title, f"a dict from each of the four functions to a list of 1–4 sentence ids, like {example}",
                grade, (article,), "frames")


def single_id_task(number: int, title: str, *, article: str, fits: Callable[[pd.Series, pd.DataFrame], bool],
                   describe: Callable[[pd.Series], str], hint: str, kind: str = "find") -> Task:
    """Name one sentence of a piece that fits a description (any fitting one counts)."""

    def grade(answer: Any) -> Result:
        sentences = _sentences()
        sent_id = read_id(answer, sentences.sent_id, article=article)
        if not any(fits(r, sentences) for _, r in sentences[sentences.article_id == article].iterrows()):
            raise LookupError(f"no sentence of {article} fits this task in the data")
        row = _row(sentences, sent_id)
        if fits(row, sentences):
            return right(f"{sent_id}: {describe(row)}.")
        return not_yet(f"{sent_id} does not fit: {describe(row)}. {hint}")

    return Task(number, title, f'one sentence id as text, like "{article}-007"', grade, (article,), kind)


# ---------------------------------------------------------------------------
# 04 · Advocacy and loaded language
# ---------------------------------------------------------------------------


def _words_per_body(sentences: pd.DataFrame) -> dict[str, float]:
    body = sentences[sentences.role == "body"]
    return {a: float(body[body.article_id == a].text.str.split().str.len().sum()) for a in schema.ARTICLE_IDS}


def _loaded_rates() -> dict[str, float]:
    sentences, spans = _sentences(), _spans()
    body_ids = set(sentences[sentences.role == "body"].sent_id)
    loaded = spans[(spans.kind == "loaded") & spans.sent_id.isin(body_ids)]
    words = _words_per_body(sentences)
    return {a: 1000 * float((loaded.article_id == a).sum()) / words[a] for a in schema.ARTICLE_IDS}


def exercise_04() -> list[Task]:
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
            (_same_values(values, list(rates.values()), 0.05), "one bar per piece, as long as its rate"),
            (bool(values) and ordered, "sort the bars by length"),
            ("1000" in label.replace(",", "").replace(" ", "") or "1 000" in label,
             "label the value axis with the unit (per 1,000 words)"),
            (ax is not None and bool(ax.get_title().strip()), "give the chart a title"),
        ]

    return [
        classify_task(1, "fact or advocacy?",
                      ["militancy-bases-004", "militancy-bases-010", "regional-peace-006", "tit-for-tat-027",
                       "tit-for-tat-059", "balakot-023"],
                      column="label", reader=LABELS_READER, hint=_label_hint, kind="label"),
        words_task(2, "the loaded words in militancy-bases-005", "militancy-bases-005", "loaded",
                   why="The sentence stays fact (rule L5): the charge is stated as checkable, and the loaded "
                   "words colour it.",
                   hint="Loaded words are emotionally charged or one-sided (codebook §8). Copy each word or "
                   "short phrase as printed."),
        span_kind_task(3, "hedges and boosters",
                       [("balakot-026", "For sure"), ("balakot-039", "Apparently"),
                        ("tit-for-tat-063", "What is clear"), ("tit-for-tat-062", "it remains to be seen"),
                        ("militancy-bases-017", "ample evidence"), ("regional-peace-037", "seem")],
                       ("hedge", "booster")),
        numbers_task(4, "loaded words per 1,000 body words",
                     expected=_loaded_rates, tolerance=0.05, share=False,
                     why=lambda t: "Loaded words per 1,000 body words: " + _fmt(t, 1) + ". A rate lets you "
                     "compare pieces of different length.",
                     hint="Count the loaded spans of body sentences per piece, divide by the number of words "
                     "in its body sentences (text.str.split().str.len()), and multiply by 1,000."),
        figure_task(5, "restyle the rates chart", chart_checks,
                    why="Horizontal, sorted, titled, with the unit on the axis: a reader sees the ranking at "
                    "a glance and knows what is counted.", pieces=schema.ARTICLE_IDS),
        numbers_task(6, "share of advocacy in two opinion pieces",
                     expected=lambda: {a: v for a, v in _shares(_sentences(), label="advocacy").items()
                                       if a in ("militancy-bases", "regional-peace")},
                     tolerance=0.005, share=True,
                     why=lambda t: "Advocacy shares of body sentences: " + _fmt(t) + ". Both pieces argue "
                     "for something; the share says how much of the text does the arguing.",
                     hint="For each of the two pieces, keep its body sentences and take the mean of "
                     "(label == \"advocacy\").", pieces=("militancy-bases", "regional-peace"), kind="compare"),
        reflection_task(7, "rewrite two loaded sentences neutrally", min_words=40,
                        cite=("balakot", "regional-peace"), pieces=("balakot", "regional-peace"),
                        kind="compare"),
    ]


# ---------------------------------------------------------------------------
# 05 · Naming
# ---------------------------------------------------------------------------


def _naming() -> pd.DataFrame:
    spans = _spans()
    naming = spans[spans.kind == "naming"].copy()
    naming["variant"] = naming.text.str.lower()
    return naming


def _terrorists_share() -> dict[str, float]:
    fighters = _naming()[lambda n: n.referent == "fighters"]
    return {a: float((fighters[fighters.article_id == a].variant == "terrorists").mean()) for a in schema.ARTICLE_IDS}


def _top_variants(article: str, referent: str) -> tuple[list[str], pd.Series]:
    naming = _naming()
    counts = naming[(naming.article_id == article) & (naming.referent == referent)].variant.value_counts()
    if counts.empty:
        raise LookupError(f"{article} has no naming spans for {referent}")
    return counts[counts == counts.max()].index.tolist(), counts


def _death_names(sent_id: str) -> pd.Series:
    naming = _naming()
    return naming[(naming.sent_id == sent_id) & (naming.referent == "deaths")].text


def naming_variants_task(number: int, title: str, article: str, referent: str) -> Task:
    def grade(answer: Any) -> Result:
        phrases = _read_phrases(answer)
        naming = _naming()
        gold = sorted(set(naming[(naming.article_id == article) & (naming.referent == referent)].variant))
        if not gold:
            raise LookupError(f"{article} has no naming spans for {referent}")
        given = {_norm_phrase(p) for p in phrases}
        wanted = {_norm_phrase(g) for g in gold}
        if given == wanted:
            lexicon = corpus.load_lexicon("naming")
            notes = {str(r.variant).lower(): r.connotation for r in lexicon.itertuples() if r.referent == referent}
            return right(" · ".join(f'"{g}": {notes.get(g, "")}'.rstrip(": ") for g in gold) + ".")
        missing, extra = len(wanted - given), len(given - wanted)
        text = f"{len(given & wanted)} of {len(wanted)} names found"
        text += f"; {extra} of yours {'is' if extra == 1 else 'are'} not a name for this place in {article}" if extra else ""
        return not_yet(text + ". Search the text for every mention of the area, including abbreviations; "
                       "count different spellings once (capitals do not matter).")

    return Task(number, title, 'a list of names as printed, like ["…", "…"]', grade, (article,), "naming")


def exercise_05() -> list[Task]:
    def most_used(row_pieces=("regional-peace", "tit-for-tat")):
        def grade(answer: Any) -> Result:
            mapping = read_mapping(answer, row_pieces, what="article id", read_key=_article_key)
            wrong, why = [], []
            for piece, value in mapping.items():
                if not isinstance(value, str) or not value.strip():
                    raise NotAnswered(f"for {piece}: give the name as printed, in quotes.")
                top, counts = _top_variants(piece, "afghan-govt")
                if _norm_phrase(value) not in {_norm_phrase(t) for t in top}:
                    wrong.append(piece)
                why.append(f"{piece}: " + ", ".join(f"{v} ×{c}" for v, c in counts.items()))
            if wrong:
                return not_yet(f"{len(row_pieces) - len(wrong)} of {len(row_pieces)} right; look again at "
                               f"{', '.join(wrong)}. Count the naming spans with referent afghan-govt per name "
                               "(value_counts on the lower-cased text).")
            return right("; ".join(why) + ". See lexicons/naming.csv for what each name implies.")

        return Task(4, "the most used name for the Afghan government, in two pieces",
                    'a dict from article id to a name, like {"regional-peace": "…", "tit-for-tat": "…"}',
                    grade, row_pieces, "compare")

    return [
        naming_variants_task(1, "every name militancy-bases prints for the Pakistan-administered part of Kashmir",
                             "militancy-bases", "pak-kashmir"),
        naming_variants_task(2, "the names balakot prints for the same area", "balakot", "pak-kashmir"),
        numbers_task(3, "how often fighters are called 'terrorists'",
                     expected=_terrorists_share, tolerance=0.005, share=True,
                     why=lambda t: "Share of the mentions of fighters that say \"terrorists\": " + _fmt(t)
                     + ". Name calling (SemEval-2020 Task 11) condemns by the name itself.",
                     hint="Keep the naming spans with referent \"fighters\"; per piece, take the mean of "
                     "(text.str.lower() == \"terrorists\")."),
        most_used(),
        single_id_task(5, "the sentence that names the dead of each side differently",
                       article="regional-peace",
                       fits=lambda r, s: _death_names(r.sent_id).str.lower().nunique() >= 2,
                       describe=lambda r: "names for the dead: " + (", ".join(_death_names(r.sent_id)) or "none"),
                       hint="Look for one sentence that names the deaths of one side with one word and of the "
                       "other side with another (spans with referent deaths).", kind="naming"),
        reflection_task(6, "what a name takes for granted", min_words=50,
                        cite=("militancy-bases", "regional-peace"), pieces=("militancy-bases", "regional-peace"),
                        kind="compare"),
    ]


# ---------------------------------------------------------------------------
# 06 · Frames
# ---------------------------------------------------------------------------


def _own_voice_treatment() -> dict[str, float]:
    frames, sentences = corpus.load_frames(), _sentences()
    by_id = sentences.set_index("sent_id")
    out = {}
    for article in schema.ARTICLE_IDS:
        ids = _frame_evidence(frames, article).get("treatment_recommendation", [])
        out[article] = float(sum(by_id.at[i, "label"] not in ("attributed", "meta") for i in ids if i in by_id.index))
    return out


def _prescribes(row: pd.Series, sentences: pd.DataFrame) -> bool:
    if row.label != "advocacy":
        return False
    frames = corpus.load_frames()
    return row.sent_id in _frame_evidence(frames, row.article_id).get("treatment_recommendation", []) or bool(
        re.search(r"\b(should|must|need|needs|crucial|essential|imperative|requires)\b", str(row.text), re.I))


def exercise_06() -> list[Task]:
    return [
        frame_function_task(1, "which function does each sentence serve?",
                            ["balakot-040", "balakot-012", "balakot-009", "balakot-001"]),
        entman_task(2, "Entman's four functions for tit-for-tat", "tit-for-tat"),
        numbers_task(3, "treatment recommended in the writer's own voice",
                     expected=_own_voice_treatment, tolerance=0, share=False,
                     why=lambda t: "Evidence sentences for treatment_recommendation that are not attributed: "
                     + _fmt(t, 0) + ". Where it is 0, the piece recommends only through quoted voices.",
                     hint="Split the evidence column of the treatment_recommendation rows (str.split(\";\") and "
                     "explode), look up each id's label in sentences, and count those not attributed or meta."),
        pick_per_article_task(4, "a prescription in the writer's voice in two pieces",
                              ("militancy-bases", "regional-peace"), lambda r: _prescribes(r, None),
                              describe=lambda r: f"labelled {r.label}",
                              hint="You want an advocacy sentence that says what should be done (rule L4, "
                              "prescription), not a report of what someone urged."),
        reflection_task(5, "two frames of one conflict", min_words=60, cite=("balakot", "tit-for-tat"),
                        pieces=("balakot", "tit-for-tat"), kind="compare"),
    ]


# ---------------------------------------------------------------------------
# 07 · The machine
# ---------------------------------------------------------------------------


def cue_pattern() -> str:
    """The regular expression of the simple cue rule used in exercise 07.

    >>> import re
    >>> bool(re.search(cue_pattern(), "Officials said so.", re.IGNORECASE))
    True
    """
    cues = corpus.load_lexicon("cues")
    terms = sorted(cues[cues.frame != "exclude"].term, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b"


def _rule_table() -> pd.DataFrame:
    sentences = _sentences()
    content = sentences[sentences.role.isin(CONTENT_ROLES)].copy()
    content["flagged"] = content.text.str.contains(cue_pattern(), case=False, regex=True)
    content["gold"] = content.label == "attributed"
    return content


def _precision_recall() -> dict[str, float]:
    table = _rule_table()
    hits = float((table.flagged & table.gold).sum())
    return {"precision": hits / float(table.flagged.sum()), "recall": hits / float(table.gold.sum())}


def _recall_by_piece() -> dict[str, float]:
    table = _rule_table()
    gold = table[table.gold]
    return {a: float(gold[gold.article_id == a].flagged.mean()) for a in schema.ARTICLE_IDS}


def exercise_07() -> list[Task]:
    def pr_task() -> Task:
        def grade(answer: Any) -> Result:
            values = read_numbers(answer, ["precision", "recall"], what="key", share=True)
            target = _precision_recall()
            wrong = [k for k in values if abs(values[k] - target[k]) > 0.005]
            if not wrong:
                return right(f"precision {target['precision']:.2f}, recall {target['recall']:.2f}. Precision: of "
                             "the flagged sentences, how many are attributed; recall: of the attributed "
                             "sentences, how many were flagged.")
            return not_yet(f"look again at {' and '.join(wrong)}. Precision divides the sentences both flagged and "
                           "attributed by all flagged ones; recall divides them by all attributed ones.")

        return Task(2, "precision and recall of the cue rule",
                    'a dict with keys "precision" and "recall", like {"precision": 0.5, "recall": 0.5}',
                    grade, schema.ARTICLE_IDS, "compute")

    def chart_checks(fig) -> list[tuple[bool, str]]:
        axes = fig.get_axes()
        ax = axes[0] if axes else None
        values = bar_values(ax) if ax is not None else []
        return [
            (len(axes) == 1, "draw on exactly one Axes"),
            (_same_values(values, list(_recall_by_piece().values()), 0.005),
             "one bar per piece, as long as the rule's recall on that piece"),
            (ax is not None and bool(ax.get_title().strip()), "give the chart a title"),
            (ax is not None and bool((ax.get_xlabel() if is_horizontal(ax) else ax.get_ylabel()).strip()),
             "label the value axis"),
        ]

    return [
        number_task(1, "how many content sentences the cue rule flags",
                    expected=lambda: float(_rule_table().flagged.sum()), tolerance=0, share=False,
                    why=lambda v: f"{v:g} sentences contain a word from the cue list. A word list cannot see "
                    "whose main clause it is in.",
                    hint="Use the given pattern with sentences.text.str.contains(pattern, case=False) on the "
                    "headline, subheading, body and pullquote sentences, then sum.",
                    pieces=schema.ARTICLE_IDS),
        pr_task(),
        numbers_task(3, "false alarms per piece",
                     expected=lambda: _counts_by_piece(_rule_table().flagged & ~_rule_table().gold, _rule_table()),
                     tolerance=0, share=False,
                     why=lambda t: "Flagged but not attributed: " + _fmt(t, 0) + ". The cue word sits in a "
                     "subordinate clause, in a noun the writer judges (\"the Taliban's allegations have further "
                     "complicated …\"), or in the writer's own frame (rule L3).",
                     hint="Count, per piece, the content sentences where flagged is True and the gold label is "
                     "not attributed; a piece with none needs its 0."),
        single_id_task(4, "one attributed sentence the rule misses in balakot", article="balakot",
                       fits=lambda r, s: r.label == "attributed" and not re.search(cue_pattern(), str(r.text), re.I),
                       describe=lambda r: f"labelled {r.label}, cue in the data: {r.cue or '(none)'}",
                       hint="You want a sentence labelled attributed that contains no word of the cue list — "
                       "think of quotations (rule L2)."),
        figure_task(5, "a chart of the rule's recall per piece", chart_checks,
                    why="Compare the bars with what you know of each piece: where a quotation runs on over "
                    "several sentences without a cue word, the rule cannot see it.", pieces=schema.ARTICLE_IDS),
        reflection_task(6, "what the rule cannot see", min_words=50, cite=("tit-for-tat", "balakot"),
                        pieces=("tit-for-tat", "balakot")),
    ]


EXERCISES: dict[str, Callable[[], list[Task]]] = {
    "01_meet_the_pieces": exercise_01,
    "02_attribution": exercise_02,
    "03_sources_evidence": exercise_03,
    "04_advocacy_loaded_language": exercise_04,
    "05_naming": exercise_05,
    "06_frames": exercise_06,
    "07_machine": exercise_07,
}
