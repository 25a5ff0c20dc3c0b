"""Task builders shared by several exercises, and the hints they give.

Each builder returns a :class:`~medialit.exercises.feedback.Task` whose grading
function reads the answer (:mod:`.readers`), computes the expected answer from
the data (:mod:`.gold`) and says what is right or where to look, never the
missing answer itself.  Builders used by one exercise only live in that
exercise's module.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

import pandas as pd

from .. import schema
from ..compare import count_words
from . import gold
from .models import model_answer
from .feedback import NotAnswered, Result, Task, compare_ids, current_task_number, not_yet, note, right
from .readers import (
    Choices, article_key, ids_in_text, normalise_id, read_article, read_choice_mapping, read_id, read_ids, read_mapping,
    read_number, read_numbers, read_text,
)

__all__ = [
    "label_hint", "label_row_hint", "SOURCE_TYPE_HINTS", "classify_task", "ids_task", "pick_per_article_task",
    "number_task", "numbers_task", "only_pieces", "article_choice_task", "reflection_task", "single_id_task",
    "two_choices_text",
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
                  hint: Callable[[str, str, pd.Series], str], kind: str, why_prefix: str = "",
                  pair_hint: str = "") -> Task:
    """Give each of ``ids`` its value in ``column`` (label, role, source_type), one of ``reader.values``.

    With only two values to choose from, naming the wrong ids would give the answer away,
    so the feedback then says how many are wrong, not which, and gives ``pair_hint``.
    """
    pieces = tuple(dict.fromkeys(i.rsplit("-", 1)[0] for i in ids))
    choices = ", ".join(f'"{v}"' for v in reader.values)

    def grade(answer: Any) -> Result:
        sentences = gold.sentences()
        given = read_choice_mapping(answer, ids, reader, what="sentence id", read_key=normalise_id)
        rows = {sent_id: gold.row(sentences, sent_id) for sent_id in ids}
        wrong = [i for i in ids if given[i] != str(rows[i][column])]
        if not wrong:
            why = "; ".join(f"{i} {given[i]} ({rows[i].rationale})" if column == "label" and rows[i].rationale
                            else f"{i} {given[i]}" for i in ids)
            return right(f"{why_prefix}{why}.")
        if len(reader.values) == 2:
            return not_yet(two_choices_text(len(ids), len(wrong), pair_hint))
        first = wrong[0]
        others = f" (and then {', '.join(wrong[1:])})" if len(wrong) > 1 else ""
        text = (f"{len(ids) - len(wrong)} of {len(ids)} {_is_are(len(ids) - len(wrong))} right. Look again at {first}{others}: "
                f"{hint(given[first], str(rows[first][column]), rows[first])}")
        return not_yet(text)

    return Task(number, title, f'a dict from each sentence id to {reader.what} ({choices}), like '
                f'{{"{ids[0]}": "…", …}}', grade, pieces, kind)


def _is_are(count: int) -> str:
    """The verb after "N of M": "1 of 4 is right", "2 of 4 are right".

    >>> _is_are(1), _is_are(0), _is_are(3)
    ('is', 'are', 'are')
    """
    return "is" if count == 1 else "are"


def two_choices_text(total: int, wrong: int, hint: str) -> str:
    """Feedback for a task with two choices: how many answers are wrong, never which.

    >>> two_choices_text(6, 2, "Reread rule L4.")
    '4 of 6 are right; 2 are not. With only two choices, saying which would give them away. Reread rule L4.'
    >>> two_choices_text(2, 1, "")[:26]
    '1 of 2 is right; 1 is not.'
    """
    return (f"{total - wrong} of {total} {_is_are(total - wrong)} right; {wrong} {_is_are(wrong)} not. "
            f"With only two choices, saying which would give {'it' if wrong == 1 else 'them'} away. {hint}")


def label_row_hint(given: str, expected: str, row: pd.Series) -> str:
    """:func:`label_hint` in the shape :func:`classify_task` asks for."""
    return label_hint(given, expected)


def ids_task(number: int, title: str, *, article: str | None, expected: Callable[[pd.DataFrame], list[str]],
             why: Callable[[list[str], pd.DataFrame], str], hint_missing: str, hint_extra: str,
             pieces: tuple[str, ...], kind: str) -> Task:
    """Find all the sentences of a piece that fit a description."""
    example = f'["{article or pieces[0]}-0..", …]'

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
    """Compute one number (a share between 0 and 1 also accepts a percentage)."""
    expects = ("one number, the share between 0 and 1 (or a percentage)" if share
               else "one number (the count or value you computed)")

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
    """Compute one number per piece (a dict or a pandas Series indexed by article id).

    A table with more pieces than asked for (as ``compare``'s helpers give) is accepted:
    the other pieces are left out, and the feedback says so.
    """
    example = "{" + ", ".join(f'"{p}": …' for p in pieces[:2]) + (", …" if len(pieces) > 2 else "") + "}"

    def grade(answer: Any) -> Result:
        try:
            values = read_numbers(only_pieces(answer, pieces), pieces, share=share)
        except NotAnswered as problem:
            if "still missing" in str(problem):
                raise NotAnswered(f"{problem} A piece with none still needs its 0 "
                                  "(for instance .reindex(ml.article_ids(), fill_value=0)).") from None
            raise
        target = expected()
        wrong = [p for p in pieces if abs(values[p] - target[p]) > tolerance]
        if not wrong:
            return right(why(target))
        return not_yet(f"{len(pieces) - len(wrong)} of {len(pieces)} values {_is_are(len(pieces) - len(wrong))} right; look again at "
                       f"{', '.join(wrong)}. {hint}")

    unit = "share (between 0 and 1, or a percentage)" if share else "number"
    return Task(number, title, f"a dict or pandas Series from article id to {unit}, like {example}",
                grade, pieces, kind)


def only_pieces(answer: Any, pieces: tuple[str, ...]) -> Any:
    """``answer`` without entries for other pieces than ``pieces`` (when it is a dict or Series keyed by them)."""
    if not isinstance(answer, Mapping) and hasattr(answer, "to_dict") and getattr(answer, "ndim", 0) == 1:
        try:
            answer = answer.to_dict()
        except Exception:
            return answer
    if not isinstance(answer, Mapping):
        return answer
    keys = [k for k in answer if isinstance(k, str)]
    other = [k for k in keys if article_key(k) in schema.ARTICLE_IDS and article_key(k) not in pieces]
    if not other or not any(article_key(k) in pieces for k in keys):
        return answer
    note(f"(I used only {' and '.join(pieces)}.)")
    return {k: v for k, v in answer.items() if k not in other}


def article_choice_task(number: int, title: str, *, scores: Callable[[], dict[str, float]],
                        why: Callable[[dict[str, float], str], str], hint: str, lowest: bool = False,
                        pieces: tuple[str, ...] = schema.ARTICLE_IDS, kind: str = "compute") -> Task:
    """Name the piece with the highest score, or with ``lowest=True`` the lowest (ties: any of them counts)."""
    word = "lowest" if lowest else "highest"

    def grade(answer: Any) -> Result:
        choice = read_article(answer, pieces)
        values = scores()
        best = min(values.values()) if lowest else max(values.values())
        if abs(values.get(choice, float("nan")) - best) <= 1e-12:
            return right(why(values, choice))
        return not_yet(f"{choice} is not the {word}. {hint}")

    return Task(number, title, f"one article id as text in quotes, one of {', '.join(pieces)}", grade, pieces,
                kind)


def reflection_task(number: int, title: str, *, exercise: str, min_words: int, cite: tuple[str, ...],
                    pieces: tuple[str, ...], kind: str = "reflection",
                    table: Callable[[], pd.DataFrame] | None = None) -> Task:
    """A short written answer: the check sees its length and its evidence ids; a teacher reads the rest.

    ``cite`` lists the pieces that must each be cited with at least one sentence id.  Once
    the answer passes, the feedback shows the model answer of ``exercise``'s solution notebook.
    ``table`` gives the sentences the ids are looked up in (default: the five pieces').
    """

    def grade(answer: Any) -> Result:
        text = read_text(answer, min_words=min_words)
        sentences = gold.sentences() if table is None else table()
        known = set(sentences.sent_id)
        cited = ids_in_text(text)
        unknown = [i for i in cited if i not in known]
        if unknown:
            raise NotAnswered(f"no sentence has the id {', '.join(unknown)}; copy ids from the sentences table.")
        missing = [p for p in cite if not any(i.startswith(p + "-") for i in cited)]
        if missing:
            raise NotAnswered("back your answer with evidence: cite at least one sentence id from "
                              + " and from ".join(missing) + ", like " + f'"{missing[0]}-007".')
        seen = (f"Your {gold.plural(count_words(text), 'word')} cite {', '.join(cited)}. That is all a check can "
                "see: your teacher reads the rest.")
        model = model_answer(exercise, current_task_number() or number)
        if model is None:
            return right(seen)
        return right(f"{seen}\nCompare with a model answer (one good answer among many): “{model}”")

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

    return Task(number, title, f'one sentence id as text, like "{article}-0.."', grade, (article,), kind)


