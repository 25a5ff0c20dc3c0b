"""Task builders shared by several exercises, and the hints they give.

Each builder returns a :class:`~medialit.exercises.feedback.Task` whose grading
function reads the answer (:mod:`.readers`), computes the expected answer from
the data (:mod:`.gold`) and says what is right or where to look, never the
missing answer itself.  Builders used by one exercise only live in that
exercise's module.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd

from .. import schema
from . import gold
from .feedback import NotAnswered, Result, Task, compare_ids, not_yet, right
from .readers import (
    Choices, article_key, ids_in_text, normalise_id, read_article, read_choice_mapping, read_id, read_ids, read_mapping,
    read_number, read_numbers, read_text,
)

__all__ = [
    "label_hint", "label_row_hint", "SOURCE_TYPE_HINTS", "classify_task", "ids_task", "pick_per_article_task",
    "number_task", "numbers_task", "article_choice_task", "reflection_task", "single_id_task",
]

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


SOURCE_TYPE_HINTS = {
    "named_official": "a named government, ministry, army, official or spokesperson",
    "named_expert": "a named academic, think tank or analyst",
    "named_other": "any other named person or body",
    "anonymous": "a single unnamed informant the writer claims to know",
    "unnamed": "a vague plural or faceless source",
    "document": "a named document or report",
    "none": "not attributed",
}


# ---------------------------------------------------------------------------
# Task builders
# ---------------------------------------------------------------------------


def classify_task(number: int, title: str, ids: list[str], *, column: str, reader: Choices,
                  hint: Callable[[str, str, pd.Series], str], kind: str, why_prefix: str = "") -> Task:
    """Give each of ``ids`` its value in ``column`` (label, role, source_type)."""
    pieces = tuple(dict.fromkeys(i.rsplit("-", 1)[0] for i in ids))
    example = f'{{"{ids[0]}": "{reader.values[0]}", …}}'

    def grade(answer: Any) -> Result:
        sentences = gold.sentences()
        given = read_choice_mapping(answer, ids, reader, what="sentence id", read_key=normalise_id)
        rows = {sent_id: gold.row(sentences, sent_id) for sent_id in ids}
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


def label_row_hint(given: str, expected: str, row: pd.Series) -> str:
    """:func:`label_hint` in the shape :func:`classify_task` asks for."""
    return label_hint(given, expected)


def ids_task(number: int, title: str, *, article: str | None, expected: Callable[[pd.DataFrame], list[str]],
             why: Callable[[list[str], pd.DataFrame], str], hint_missing: str, hint_extra: str,
             pieces: tuple[str, ...], kind: str) -> Task:
    """Find all the sentences of a piece that fit a description."""
    example = f'["{article or pieces[0]}-007"]'

    def grade(answer: Any) -> Result:
        sentences = gold.sentences()
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
        sentences = gold.sentences()
        mapping = read_mapping(answer, pieces, what="article id", read_key=article_key)
        chosen = {}
        for piece, value in mapping.items():
            try:
                chosen[piece] = read_id(value, sentences.sent_id, article=piece)
            except NotAnswered as problem:
                raise NotAnswered(f"for {piece}: {problem}") from None
        for piece in pieces:
            if not any(fits(row) for _, row in sentences[sentences.article_id == piece].iterrows()):
                raise LookupError(f"no sentence of {piece} fits this task in the data")
        wrong = [p for p in pieces if not fits(gold.row(sentences, chosen[p]))]
        if wrong:
            return not_yet(f"{len(pieces) - len(wrong)} of {len(pieces)} fit. "
                           + " ".join(f"{chosen[p]}: {describe(gold.row(sentences, chosen[p]))}." for p in wrong)
                           + f" {hint}")
        return right(" ".join(f"{chosen[p]}: {describe(gold.row(sentences, chosen[p]))}." for p in pieces))

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
        choice = read_article(answer, pieces)
        values = scores()
        best = max(values.values())
        if values.get(choice, float("-inf")) >= best - 1e-12:
            return right(why(values, choice))
        return not_yet(f"{choice} is not the highest. {hint}")

    return Task(number, title, f'one article id as text, like "{pieces[0]}"', grade, pieces, kind)


def reflection_task(number: int, title: str, *, min_words: int, cite: tuple[str, ...], pieces: tuple[str, ...],
                    kind: str = "reflection", words_hint: str = "") -> Task:
    """A short written answer: the check sees its length and its evidence ids; a teacher reads the rest.

    ``cite`` lists the pieces that must each be cited with at least one sentence id.
    """

    def grade(answer: Any) -> Result:
        text = read_text(answer, min_words=min_words)
        sentences = gold.sentences()
        known = set(sentences.sent_id)
        cited = ids_in_text(text)
        unknown = [i for i in cited if i not in known]
        if unknown:
            raise NotAnswered(f"no sentence has the id {', '.join(unknown)}; copy ids from the sentences table.")
        missing = [p for p in cite if not any(i.startswith(p + "-") for i in cited)]
        if missing:
            raise NotAnswered("back your answer with evidence: cite at least one sentence id from "
                              + " and from ".join(missing) + ", like " + f'"{missing[0]}-007".')
        return right(f"Your {gold.plural(len(text.split()), 'word')} cite {', '.join(cited)}. That is all a check "
                     "can see: your teacher reads the rest.")

    cite_text = (" citing at least one sentence id from " + " and ".join(cite)) if cite else ""
    return Task(number, title, f"your own text in quotes, at least {min_words} words{cite_text}", grade,
                pieces, kind)

def single_id_task(number: int, title: str, *, article: str, fits: Callable[[pd.Series, pd.DataFrame], bool],
                   describe: Callable[[pd.Series], str], hint: str, kind: str = "find") -> Task:
    """Name one sentence of a piece that fits a description (any fitting one counts)."""

    def grade(answer: Any) -> Result:
        sentences = gold.sentences()
        sent_id = read_id(answer, sentences.sent_id, article=article)
        if not any(fits(r, sentences) for _, r in sentences[sentences.article_id == article].iterrows()):
            raise LookupError(f"no sentence of {article} fits this task in the data")
        row = gold.row(sentences, sent_id)
        if fits(row, sentences):
            return right(f"{sent_id}: {describe(row)}.")
        return not_yet(f"{sent_id} does not fit: {describe(row)}. {hint}")

    return Task(number, title, f'one sentence id as text, like "{article}-007"', grade, (article,), kind)


