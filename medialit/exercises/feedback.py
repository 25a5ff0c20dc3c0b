"""The feedback machinery: verdicts, tasks, exercises, and the messages a student sees.

A task's grading function returns a :class:`Result` (:func:`right`,
:func:`not_yet` or :func:`not_answered`); :class:`Exercise` turns it into a
message that starts with the task name and one of three verdicts:

- ``✓ Task 3 — right.``
- ``✗ Task 3 — not yet.``
- ``✗ Task 3 — not answered yet``

A right answer prints the message; any other raises one :class:`CheckNotPassed`
(an :class:`AssertionError`) carrying it, which Jupyter shows as the message alone: an answer of the wrong type, an untouched ``...`` placeholder, or even
a bug inside the check itself all come out as feedback that names the task.

>>> demo = Exercise("demo", [Task(1, "Name a label", "a label, like \\"fact\\"",
...                              lambda answer: right("fact is a label.")
...                              if answer.strip().lower() == "fact" else not_yet("Reread §3."))])
>>> demo.task_1("fact")
✓ Task 1 — right. fact is a label.
>>> demo.task_1(...)
Traceback (most recent call last):
medialit.exercises.feedback.CheckNotPassed: ✗ Task 1 — not answered yet: replace the ... with a label, like "fact".
"""

from __future__ import annotations

import re
import sys
import textwrap
from contextvars import ContextVar
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, Callable, Iterable, Mapping

__all__ = [
    "RIGHT", "NOT_YET", "NOT_ANSWERED", "CHECK_FAILED", "VERDICT_PATTERN",
    "Result", "Task", "Exercise", "ExerciseError", "NotAnswered", "CheckNotPassed",
    "right", "not_yet", "not_answered", "note", "current_task_number", "format_message", "safe_repr", "kind_of", "compare_ids",
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


_NUMBER: ContextVar[int | None] = ContextVar("medialit_check_number", default=None)


def current_task_number() -> int | None:
    """The number of the task being checked (a grading function is built before its task is
    numbered for good: practice tasks come first and push the others down), or None outside a check.

    >>> Task(4, "demo", "anything", lambda answer: right(f"task {current_task_number()}")).run("x").text
    'task 4'
    """
    return _NUMBER.get()


class NotAnswered(Exception):
    """Raised by the ``read_*`` helpers when an answer has the wrong shape.

    The grading machinery turns it into a "not answered yet" message; it never
    reaches the student as an exception.
    """


class CheckNotPassed(AssertionError):
    """What a check raises when its task is not right yet; the message is the feedback.

    It is an :class:`AssertionError`, so ``pytest --nbval-lax`` counts the check cell
    as failed.  In Jupyter (IPython) it shows as its message only, not as a stack trace
    through the package: IPython asks an exception for ``_render_traceback_()`` and shows
    the lines it returns.

    >>> CheckNotPassed("✗ Task 3 — not yet. Look again.")._render_traceback_()
    ['✗ Task 3 — not yet. Look again.']
    """

    def _render_traceback_(self) -> list[str]:
        return str(self).split("\n")


class ExerciseError(LookupError):
    """Asked for an exercise that does not exist; the message lists the ones that do."""


def format_message(number: int, result: Result) -> str:
    """The text a student sees: the task name, the verdict, then the feedback.

    >>> print(format_message(3, not_yet("1 of your 2 ids is right.")))
    ✗ Task 3 — not yet. 1 of your 2 ids is right.
    >>> print(format_message(3, not_answered("replace the ... with a list.")))
    ✗ Task 3 — not answered yet: replace the ... with a list.

    Feedback in several parts (a list, a model answer) starts on the line after the
    verdict, so the verdict stands alone where a student looks first:

    >>> print(format_message(2, right("✓ a-001 fact\\n✓ a-002 meta")))
    ✓ Task 2 — right.
      ✓ a-001 fact
      ✓ a-002 meta
    """
    mark = "✓" if result.verdict == RIGHT else "✗"
    head = f"{mark} Task {number} — {result.verdict}"
    separator = ":" if result.verdict in (NOT_ANSWERED, CHECK_FAILED) else "."
    body = " ".join(part for part in [result.text.strip(), *result.notes] if part)
    if "\n" in body:
        paragraphs = [f"{head}{separator}", *body.split("\n")]
    else:
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


def kind_of(value: Any) -> str:
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
        token, number = _NOTES.set(notes), _NUMBER.set(self.number)
        try:
            return self._run(args, kwargs).with_notes(notes)
        except BaseException as problem:  # pragma: no cover - _run already catches everything
            return Result(CHECK_FAILED, f"{type(problem).__name__}. Tell your teacher.")
        finally:
            _NUMBER.reset(number)
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

    Each ``task_N(answer)`` prints the feedback when the answer is right; when it is
    not, it raises one :class:`CheckNotPassed` (an :class:`AssertionError`) whose
    message is the feedback, shown in Jupyter without a stack trace.
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
            if result.verdict != RIGHT:
                raise CheckNotPassed(text) from None
            sys.stdout.write(text + "\n")

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
