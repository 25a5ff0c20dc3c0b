"""Immediate, specific feedback for the exercise notebooks.

An exercise notebook asks for its checks once::

    import medialit as ml
    check = ml.checks.exercise("02_attribution")

and then, after each answer cell, calls ``check.task_3(answer)``.  A check
either prints a short confirmation that says *why* the answer is right, or
prints what is still wrong with a hint (a codebook rule or a sentence to
reread, never the answer itself) and raises one :class:`AssertionError` whose
message is that same feedback, so ``pytest --nbval-lax`` and the teacher's
``medialit check-class`` both see the task as not passed.

Every message starts with the task name and one of three verdicts:

- ``✓ Task 3 — right.``
- ``✗ Task 3 — not yet.``
- ``✗ Task 3 — not answered yet``

A check never raises anything but that one :class:`AssertionError`: an answer
of the wrong type, an untouched ``...`` placeholder, or even a bug inside the
check itself all come out as feedback that names the task.

This module holds the machinery (the :class:`Exercise` object, the verdicts,
and helpers that read a student's answer into a clean shape); the tasks
themselves are defined in :mod:`medialit.exercise_tasks`.

>>> demo = Exercise("demo", [Task(1, "Name a label", "a label, like \\"fact\\"",
...                              lambda answer: right("fact is a label.")
...                              if read_choice(answer, LABELS_READER) == "fact" else not_yet("Reread §3."))])
>>> demo.task_1("fact")
✓ Task 1 — right. fact is a label.
>>> demo.task_1(...)
Traceback (most recent call last):
AssertionError: ✗ Task 1 — not answered yet: replace the ... with a label, like "fact".
>>> demo.task_1(" FACT ")
✓ Task 1 — right. fact is a label. (I read " FACT " as "fact".)
"""

from __future__ import annotations

import math
import re
import sys
import textwrap
from contextvars import ContextVar
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, Callable, Iterable, Mapping

from . import schema

__all__ = [
    "RIGHT", "NOT_YET", "NOT_ANSWERED", "CHECK_FAILED", "VERDICT_PATTERN",
    "Result", "Task", "Exercise", "ExerciseError", "NotAnswered",
    "right", "not_yet", "not_answered", "exercise", "exercise_names", "format_message",
    "read_ids", "read_id", "read_choice", "read_choice_mapping", "read_mapping", "read_number", "read_numbers",
    "read_text",
    "read_figure", "ids_in_text", "Choices", "LABELS_READER", "SOURCE_TYPES_READER", "compare_ids",
    "safe_repr", "note",
]

# ---------------------------------------------------------------------------
# Verdicts and messages
# ---------------------------------------------------------------------------

RIGHT = "right"
NOT_YET = "not yet"
NOT_ANSWERED = "not answered yet"
CHECK_FAILED = "the check could not run"

#: Matches the first line of every check message; used by ``medialit check-class``.
VERDICT_PATTERN = re.compile(
    r"^(?P<mark>[✓✗]) Task (?P<task>\d+) — "
    r"(?P<verdict>right|not yet|not answered yet|the check could not run)",
    re.MULTILINE,
)

_WIDTH = 92


@dataclass(frozen=True)
class Result:
    """What a task's grading function returns: a verdict and the feedback text."""

    verdict: str
    text: str = ""
    notes: tuple[str, ...] = ()

    def with_notes(self, notes: Iterable[str]) -> "Result":
        return Result(self.verdict, self.text, tuple(self.notes) + tuple(notes))


def right(text: str = "") -> Result:
    """A right answer; ``text`` says why (the rule, the evidence)."""
    return Result(RIGHT, text)


def not_yet(text: str) -> Result:
    """A wrong answer; ``text`` says what is wrong and where to look, not the answer."""
    return Result(NOT_YET, text)


def not_answered(text: str) -> Result:
    """An answer that cannot be graded yet (placeholder, wrong shape, unknown ids)."""
    return Result(NOT_ANSWERED, text)


_NOTES: ContextVar[list | None] = ContextVar("medialit_check_notes", default=None)


def note(text: str) -> None:
    """Add a remark to the feedback of the task being checked (e.g. how an answer was read)."""
    notes = _NOTES.get()
    if notes is not None and text not in notes:
        notes.append(text)


class NotAnswered(Exception):
    """Raised by the ``read_*`` helpers when an answer has the wrong shape.

    The grading machinery turns it into a "not answered yet" message; it never
    reaches the student as an exception.
    """


class ExerciseError(LookupError):
    """Asked for an exercise that does not exist; the message lists the ones that do."""


def format_message(number: int, result: Result) -> str:
    """The text a student sees: the task name, the verdict, then the feedback.

    >>> print(format_message(3, not_yet("1 of your 2 ids is right.")))
    ✗ Task 3 — not yet. 1 of your 2 ids is right.
    >>> print(format_message(3, not_answered("replace the ... with a list.")))
    ✗ Task 3 — not answered yet: replace the ... with a list.
    """
    mark = "✓" if result.verdict == RIGHT else "✗"
    head = f"{mark} Task {number} — {result.verdict}"
    separator = ":" if result.verdict in (NOT_ANSWERED, CHECK_FAILED) else "."
    body = " ".join(part for part in [result.text.strip(), *result.notes] if part)
    paragraphs = (f"{head}{separator} {body}" if body else f"{head}.").split("\n")
    lines = []
    for index, paragraph in enumerate(paragraphs):
        indent = "" if index == 0 else "  "
        lines.extend(textwrap.wrap(paragraph, _WIDTH, initial_indent=indent, subsequent_indent="  ",
                                   break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(lines)


def safe_repr(value: Any, limit: int = 60) -> str:
    """A short, never-failing description of a value for feedback messages.

    >>> safe_repr("balakot-007")
    '"balakot-007"'
    >>> safe_repr(list(range(100)))[-2:]
    '…]'
    """
    try:
        text = f'"{value}"' if isinstance(value, str) else repr(value)
    except BaseException:  # a value whose repr fails, or even raises SystemExit
        text = f"a {type(value).__name__}"
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 2] + "…" + text[-1]
    return text


def _kind(value: Any) -> str:
    """"a string", "a dict", "a number" ... for shape messages."""
    if isinstance(value, bool):
        return "True/False"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "a dict"
    if isinstance(value, (list, tuple, set, frozenset)):
        return f"a {type(value).__name__}"
    if isinstance(value, Real):
        return "a number"
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


# ---------------------------------------------------------------------------
# Tasks and exercises
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One task of an exercise.

    ``grade`` receives the student's answer (never ``...`` or ``None``: those
    are handled before) and returns a :class:`Result`; it may raise
    :class:`NotAnswered` for an answer of the wrong shape.  ``expects``
    describes the shape of the answer ("a list of sentence ids, like
    ["balakot-007"]") and is also written into the student's placeholder.
    ``pieces`` lists the article ids the task is about and ``kind`` what sort of
    task it is (``label``, ``compare``, ``chart`` ...), for the set's own tests.
    """

    number: int
    title: str
    expects: str
    grade: Callable[[Any], Result]
    pieces: tuple[str, ...] = ()
    kind: str = ""

    def run(self, *args: Any, **kwargs: Any) -> Result:
        """Grade an answer and return the result; never raises."""
        notes: list[str] = []
        token = _NOTES.set(notes)
        try:
            return self._run(args, kwargs).with_notes(notes)
        except BaseException as problem:  # pragma: no cover - _run already catches everything
            return Result(CHECK_FAILED, f"{type(problem).__name__}. Tell your teacher.")
        finally:
            _NOTES.reset(token)

    def _run(self, args: tuple, kwargs: dict) -> Result:
        try:
            if kwargs or len(args) != 1:
                return not_answered(
                    f"pass exactly one answer, like check.task_{self.number}(answer)."
                )
            answer = args[0]
            if answer is Ellipsis or answer is None:
                return not_answered(f"replace the ... with {self.expects}.")
            result = self.grade(answer)
            if not isinstance(result, Result):
                raise TypeError(f"grading returned {type(result).__name__}, not a Result")
            return result
        except NotAnswered as problem:
            return not_answered(f"{problem} Expected {self.expects}.")
        except BaseException as problem:  # a bug in the check, or an answer that raises SystemExit
            return Result(
                CHECK_FAILED,
                f"{type(problem).__name__}: {_short(problem)}. This is a problem with the "
                "exercise or its data, not necessarily with your answer; tell your teacher.",
            )


def _short(problem: BaseException) -> str:
    try:
        text = " ".join(str(problem).split())
    except BaseException:
        text = "(no description)"
    return text[:200] or "(no description)"


@dataclass
class Exercise:
    """The checks of one exercise notebook, as attributes ``task_1``, ``task_2`` ...

    Each ``task_N(answer)`` prints the feedback; when the answer is not right
    it then raises one :class:`AssertionError` carrying the same text.
    """

    name: str
    tasks: list[Task] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_number = {task.number: task for task in self.tasks}

    @property
    def numbers(self) -> list[int]:
        return sorted(self._by_number)

    def result(self, number: int, *args: Any, **kwargs: Any) -> Result:
        """Grade an answer to task ``number`` without printing or raising."""
        task = self._by_number.get(number)
        if task is None:
            listed = ", ".join(str(n) for n in self.numbers) or "none"
            return not_answered(f"exercise {self.name} has no task {number} (its tasks: {listed}).")
        return task.run(*args, **kwargs)

    def message(self, number: int, *args: Any, **kwargs: Any) -> str:
        """The feedback text for an answer to task ``number``."""
        return format_message(number, self.result(number, *args, **kwargs))

    def _checker(self, number: int) -> Callable[..., None]:
        def check(*args: Any, **kwargs: Any) -> None:
            __tracebackhide__ = True  # IPython and pytest hide this frame
            try:
                result = self.result(number, *args, **kwargs)
                text = format_message(number, result)
            except Exception as problem:  # pragma: no cover - last line of defence
                result = Result(CHECK_FAILED, f"{type(problem).__name__}. Tell your teacher.")
                text = f"✗ Task {number} — {CHECK_FAILED}: {type(problem).__name__}. Tell your teacher."
            sys.stdout.write(text + "\n")
            if result.verdict != RIGHT:
                raise AssertionError(text)

        check.__name__ = check.__qualname__ = f"task_{number}"
        task = self._by_number.get(number)
        check.__doc__ = (f"Task {number}: {task.title}. Answer with {task.expects}."
                         if task else f"Exercise {self.name} has no task {number}.")
        return check

    def __getattr__(self, name: str) -> Callable[..., None]:
        match = re.fullmatch(r"task_?(\d+)", name)
        if match and not name.startswith("__"):
            return self._checker(int(match.group(1)))
        raise AttributeError(
            f"{name!r}: the checks are called task_1, task_2 ... (this exercise: "
            + ", ".join(f"task_{n}" for n in self.numbers) + ")"
        )

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {f"task_{n}" for n in self.numbers})

    def __repr__(self) -> str:
        lines = [f"Checks for exercise {self.name}:"]
        lines += [f"  check.task_{t.number}(…)  {t.title}" for t in self.tasks]
        return "\n".join(lines)


def exercise_names() -> list[str]:
    """The exercises that have checks, in order.

    >>> exercise_names()[:2]
    ['01_meet_the_pieces', '02_attribution']
    """
    from . import exercise_tasks

    return sorted(exercise_tasks.EXERCISES)


def exercise(name: str) -> Exercise:
    """The checks for one exercise, by its notebook name ("02_attribution") or number ("02").

    >>> exercise("02").name
    '02_attribution'
    >>> exercise("99_nothing")
    Traceback (most recent call last):
    medialit.checks.ExerciseError: No exercise called '99_nothing'. Known: 01_meet_the_pieces, ...
    """
    from . import exercise_tasks

    names = exercise_names()
    key = str(name).strip().lower().removesuffix(".ipynb")
    matches = [n for n in names if n == key or n.split("_", 1)[0] == key.zfill(2)]
    if len(matches) != 1:
        raise ExerciseError(f"No exercise called {name!r}. Known: {', '.join(names)}.")
    return Exercise(matches[0], exercise_tasks.EXERCISES[matches[0]]())


# ---------------------------------------------------------------------------
# Reading answers into a clean shape
# ---------------------------------------------------------------------------

_ID_PATTERN = re.compile(r"^(?P<article>[a-z][a-z-]*[a-z])[\s_‐-―-]*(?P<number>\d{1,3})$")


def _normalise_id(text: str) -> str:
    compact = " ".join(text.strip().lower().split())
    match = _ID_PATTERN.match(compact)
    if not match:
        return compact
    return f"{match.group('article')}-{int(match.group('number')):03d}"


def read_id(answer: Any, known: Iterable[str], *, article: str | None = None) -> str:
    """Read one sentence id, or raise :class:`NotAnswered`.

    Capitals, outer spaces and a missing zero ("balakot-7") are forgiven (the
    feedback says so).

    >>> read_id(" Balakot-7", ["balakot-007"])
    'balakot-007'
    """
    if isinstance(answer, (list, tuple)) and len(answer) == 1 and isinstance(answer[0], str):
        note("(You gave a list; one id on its own is enough.)")
        return read_ids(answer, known, article=article)[0]
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}).")
    return read_ids([answer], known, article=article)[0]


def read_ids(answer: Any, known: Iterable[str], *, article: str | None = None) -> list[str]:
    """Read a non-empty list of sentence ids, or raise :class:`NotAnswered`.

    ``known`` are all valid ids; with ``article`` the ids must also belong to
    that piece.  Duplicates are dropped, order is kept.

    >>> read_ids(["tit-for-tat-033 ", "tit-for-tat-33"], ["tit-for-tat-033"])
    ['tit-for-tat-033']
    >>> read_ids("tit-for-tat-033", ["tit-for-tat-033"])
    Traceback (most recent call last):
    medialit.checks.NotAnswered: you gave one string; put the ids in a list, like ["tit-for-tat-033"].
    """
    known = set(known)
    if isinstance(answer, str):
        raise NotAnswered(f"you gave one string; put the ids in a list, like [{safe_repr(answer.strip())}].")
    if isinstance(answer, Mapping) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}).")
    items = list(answer)
    if not items:
        raise NotAnswered("your list is empty.")
    ids, unknown, elsewhere = [], [], []
    for item in items:
        if not isinstance(item, str):
            raise NotAnswered(f"every item should be a sentence id in quotes; {safe_repr(item)} is {_kind(item)}.")
        clean = _normalise_id(item)
        if clean != item:
            note(f"(I read {safe_repr(item)} as {safe_repr(clean)}.)")
        if clean not in known:
            unknown.append(item)
        elif article is not None and not clean.startswith(article + "-"):
            elsewhere.append(clean)
        elif clean not in ids:
            ids.append(clean)
    if unknown:
        raise NotAnswered(
            "no sentence has the id " + ", ".join(safe_repr(u) for u in unknown)
            + "; copy ids from the sentences table (column sent_id)."
        )
    if elsewhere:
        raise NotAnswered(f"{', '.join(elsewhere)} {'is' if len(elsewhere) == 1 else 'are'} not in "
                          f"{article}; this task is about {article} only.")
    return sorted(ids) if isinstance(answer, (set, frozenset)) else ids


@dataclass(frozen=True)
class Choices:
    """A fixed vocabulary and other spellings accepted for it (lower-case keys)."""

    values: tuple[str, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)
    what: str = "value"

    def read(self, raw: str) -> str | None:
        key = " ".join(raw.strip().strip("[]").lower().replace("_", " ").replace("-", " ").split())
        for value in self.values:
            if key == value.replace("_", " "):
                return value
        return self.aliases.get(key)


LABELS_READER = Choices(
    schema.LABELS,
    {"attr": "attributed", "attribution": "attributed", "adv": "advocacy"},
    "label",
)
SOURCE_TYPES_READER = Choices(schema.SOURCE_TYPES, {}, "source type")


def read_choice(answer: Any, choices: Choices) -> str:
    """Read one value from a fixed vocabulary, forgiving case, spaces and ``_``/``-``.

    >>> read_choice(" Attributed", LABELS_READER)
    'attributed'
    >>> read_choice("named official", SOURCE_TYPES_READER)
    'named_official'
    """
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}); "
                          f"write the {choices.what} in quotes.")
    value = choices.read(answer)
    if value is None:
        raise NotAnswered(f"{safe_repr(answer)} is not a {choices.what}; use one of "
                          + ", ".join(choices.values) + ".")
    if value != answer:
        note(f"(I read {safe_repr(answer)} as {safe_repr(value)}.)")
    return value


def read_mapping(answer: Any, keys: Iterable[str], *, what: str = "key",
                 read_key: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Read a dict that must have exactly ``keys`` (after ``read_key`` cleaning).

    A pandas Series is accepted as a dict.

    >>> read_mapping({"A ": 1}, ["a"], read_key=lambda k: k.strip().lower())
    {'a': 1}
    """
    keys = list(keys)
    if not isinstance(answer, Mapping) and hasattr(answer, "to_dict") and getattr(answer, "ndim", 0) == 1:
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}); "
                          "write a dict with { }, like {" + f'"{keys[0]}": …' + "}.")
    cleaned: dict[str, Any] = {}
    for raw_key, value in answer.items():
        if not isinstance(raw_key, str):
            raise NotAnswered(f"the {what}s should be strings in quotes; {safe_repr(raw_key)} is {_kind(raw_key)}.")
        key = read_key(raw_key) if read_key else raw_key
        if key != raw_key:
            note(f"(I read {safe_repr(raw_key)} as {safe_repr(key)}.)")
        cleaned[key] = value
    extra = [k for k in cleaned if k not in keys]
    missing = [k for k in keys if k not in cleaned]
    if extra:
        raise NotAnswered(f"{'this' if len(extra) == 1 else 'these'} {what}{'' if len(extra) == 1 else 's'} "
                          f"{'was' if len(extra) == 1 else 'were'} not asked for: "
                          f"{', '.join(map(safe_repr, extra))}. The {what}s are: {', '.join(keys)}.")
    if missing:
        raise NotAnswered(f"{len(missing)} of {len(keys)} {what}s still missing: {', '.join(missing)}.")
    return {k: cleaned[k] for k in keys}


def read_choice_mapping(answer: Any, keys: Iterable[str], choices: Choices, *, what: str = "key",
                        read_key: Callable[[str], str] | None = None) -> dict[str, str]:
    """Read a dict from each of ``keys`` to one value of ``choices`` (see :func:`read_mapping`).

    >>> read_choice_mapping({"x": " Fact"}, ["x"], LABELS_READER)
    {'x': 'fact'}
    """
    given = {}
    for key, value in read_mapping(answer, keys, what=what, read_key=read_key).items():
        try:
            given[key] = read_choice(value, choices)
        except NotAnswered as problem:
            shown = key if what == "sentence id" else f'"{key}"'
            raise NotAnswered(f"for {shown}: {problem}") from None
    return given


def read_number(answer: Any, *, share: bool = False) -> float:
    """Read one number (int, float, numpy scalar or a one-cell pandas object).

    With ``share=True`` a value between 1 and 100 is refused as a percentage.

    >>> read_number(0.25, share=True)
    0.25
    >>> read_number(25.0, share=True)
    Traceback (most recent call last):
    medialit.checks.NotAnswered: 25 looks like a percentage; give a share between 0 and 1 (25% is 0.25).
    """
    if isinstance(answer, (str, bool)):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}); give a number without quotes.")
    if getattr(answer, "size", None) == 1 and hasattr(answer, "ndim") and answer.ndim > 0:
        note("(You gave a table with one value; I used that value.)")
        answer = answer.squeeze() if hasattr(answer, "squeeze") else answer
    if hasattr(answer, "item") and getattr(answer, "ndim", None) == 0:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, Real):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}); give one number.")
    value = float(answer)
    if math.isnan(value) or math.isinf(value):
        raise NotAnswered(f"your number is {value}; look for a division by zero or an empty table.")
    if share and 1 < value <= 100:
        raise NotAnswered(f"{value:g} looks like a percentage; give a share between 0 and 1 "
                          f"({value:g}% is {value / 100:g}).")
    if share and not 0 <= value <= 1:
        raise NotAnswered(f"a share is between 0 and 1; you gave {value:g}.")
    return value


def read_numbers(answer: Any, keys: Iterable[str], *, what: str = "article id", share: bool = False) -> dict[str, float]:
    """Read a dict (or pandas Series) of numbers with exactly ``keys``.

    >>> read_numbers({"balakot": 3}, ["balakot"])
    {'balakot': 3.0}
    """
    mapping = read_mapping(answer, keys, what=what, read_key=lambda k: " ".join(k.strip().lower().split()))
    out = {}
    for key, value in mapping.items():
        try:
            out[key] = read_number(value, share=share)
        except NotAnswered as problem:
            raise NotAnswered(f"for {key}: {problem}") from None
    return out


def read_text(answer: Any, *, min_words: int) -> str:
    """Read a written answer of at least ``min_words`` words.

    >>> read_text("too short", min_words=5)
    Traceback (most recent call last):
    medialit.checks.NotAnswered: your text has 2 words; write at least 5.
    """
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {_kind(answer)} ({safe_repr(answer)}); write your answer as text in quotes.")
    words = answer.split()
    if len(words) < min_words:
        raise NotAnswered(f"your text has {len(words)} word{'s' if len(words) != 1 else ''}; write at least {min_words}.")
    return " ".join(words)


def read_figure(answer: Any):
    """Read a matplotlib Figure (an Axes is accepted and its figure used).

    >>> import matplotlib.figure
    >>> read_figure(matplotlib.figure.Figure()).__class__.__name__
    'Figure'
    """
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        note("(You gave the Axes; I checked its Figure.)")
        return answer.figure
    if not isinstance(answer, Figure):
        raise NotAnswered(f"you gave {_kind(answer)}; give the Figure, as in fig, ax = plt.subplots() … then fig.")
    return answer


_SENTENCE_ID_IN_TEXT = re.compile(r"\b[a-z][a-z-]*[a-z]-\d{3}\b")


def ids_in_text(text: str) -> list[str]:
    """Sentence ids mentioned in a written answer, in order, without repeats.

    >>> ids_in_text("See Balakot-007 and militancy-bases-017, then balakot-007.")
    ['balakot-007', 'militancy-bases-017']
    """
    return list(dict.fromkeys(_SENTENCE_ID_IN_TEXT.findall(text.lower())))


def compare_ids(given: list[str], expected: Iterable[str], *, why: str, hint_missing: str,
                hint_extra: str) -> Result:
    """Compare a list of ids with the expected ones without revealing the missing ones.

    ``hint_extra`` may contain ``{ids}``, replaced by the student's ids that do not fit.

    >>> print(compare_ids(["a-001", "a-002"], ["a-001", "a-003"], why="…", hint_missing="Look again.",
    ...                   hint_extra="{ids} does not fit.").text)
    1 of your 2 ids is right; 1 is still missing. a-002 does not fit. Look again.
    """
    expected = list(dict.fromkeys(expected))
    hits = [i for i in given if i in expected]
    extra = [i for i in given if i not in expected]
    missing = len(expected) - len(hits)
    if not extra and not missing:
        return right(why)
    if not extra:
        text = f"{'Your id is' if len(given) == 1 else f'All your {len(given)} ids are'} right"
    else:
        text = (f"{len(hits)} of your {len(given)} id{'s' if len(given) != 1 else ''} "
                f"{'is' if len(hits) == 1 else 'are'} right")
    if missing:
        text += f"; {missing} {'is' if missing == 1 else 'are'} still missing"
    text += "."
    if extra:
        text += " " + hint_extra.format(ids=", ".join(extra))
    if missing:
        text += " " + hint_missing
    return not_yet(text)
