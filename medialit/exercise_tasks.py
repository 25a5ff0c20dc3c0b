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
    ids_in_text, not_yet, note, read_choice, read_figure, read_id, read_ids, read_mapping,
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
        mapping = read_mapping(answer, ids, what="sentence id", read_key=_id_key)
        given = {}
        for sent_id, value in mapping.items():
            try:
                given[sent_id] = read_choice(value, reader)
            except NotAnswered as problem:
                raise NotAnswered(f"for {sent_id}: {problem}") from None
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
                       "balakot-043", "pok-bases-025"],
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
                        cite=("pok-bases", "regional-peace"), pieces=("pok-bases", "regional-peace"),
                        kind="compare"),
    ]


# ---------------------------------------------------------------------------
# 02 · Attribution
# ---------------------------------------------------------------------------


def exercise_02() -> list[Task]:
    return [
        classify_task(1, "label six sentences",
                      ["tit-for-tat-021", "tit-for-tat-023", "balakot-022", "ap-crackdown-007",
                       "regional-peace-014", "pok-bases-063"],
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
                      ["balakot-009", "regional-peace-013", "ap-crackdown-008", "pok-bases-030",
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
                              ("pok-bases", "regional-peace"), _writer_accuses,
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


EXERCISES: dict[str, Callable[[], list[Task]]] = {
    "01_meet_the_pieces": exercise_01,
    "02_attribution": exercise_02,
    "03_sources_evidence": exercise_03,
}
