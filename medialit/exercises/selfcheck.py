"""A student's self-check of one exercise notebook from a terminal: one line per task.

    medialit check exercises/02_attribution.ipynb

runs the notebook with the same engine as the teacher's class check
(:func:`medialit.exercises.classcheck.check_notebook`) and prints, for every
task, ✓ (right), ✗ (not yet) or – (not answered), with the task's title.  The
hints themselves are in the notebook, under each check cell.

The engine is passed in as ``run``: any function ``run(path, name, numbers,
timeout=...)`` that returns an object with ``status`` ("ok" or what went wrong)
and ``outcomes`` (task number -> one of :data:`~medialit.exercises.classcheck.OUTCOMES`).

>>> from types import SimpleNamespace
>>> fake = lambda path, name, numbers, timeout: SimpleNamespace(
...     status="ok", outcomes={7: "passed", 8: "not yet", 9: "not answered"})
>>> report = self_check_report("02_attribution.ipynb", "02_attribution", [7, 8, 9], run=fake)
>>> print(report.text)
02_attribution.ipynb (exercise 02_attribution)
  ✓ Task 7  label six sentences — right
  ✗ Task 8  cue, source and source type of ap-crackdown-010 — not yet
  – Task 9  the pull-quote that drops an attribution — not answered
1 of 3 tasks right. Open the notebook and run the check cell under each task for its hint.
>>> report.all_right
False
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .catalogue import exercise
from .classcheck import check_notebook
from .feedback import ExerciseError
from .layout import EXERCISE_CALL, code_sources

__all__ = ["SelfCheckError", "SelfCheckReport", "MARKS", "exercise_of_file", "self_check_report", "self_check"]

#: How each outcome is shown: a mark and a few words.
MARKS = {
    "passed": ("✓", "right"),
    "not yet": ("✗", "not yet"),
    "not answered": ("–", "not answered"),
    "check error": ("✗", "the check could not run: tell your teacher"),
    "error": ("✗", "your code stopped with an error before the check"),
    "not run": ("–", "not run"),
}


class SelfCheckError(ValueError):
    """The file cannot be self-checked (missing, not a notebook, not an exercise); the message says why."""


@dataclass(frozen=True)
class SelfCheckReport:
    """The printable self-check of one notebook."""

    text: str
    all_right: bool


def exercise_of_file(path: Path) -> str:
    """The exercise an exercise notebook file belongs to (its ``ml.checks.exercise(...)`` cell)."""
    path = Path(path)
    if not path.is_file():
        raise SelfCheckError(f"there is no file {path}.")
    try:
        content = path.read_bytes()
    except OSError as problem:
        raise SelfCheckError(f"{path.name} cannot be opened ({type(problem).__name__}): check that you "
                             "may read it, or start again from a fresh copy of the exercise.") from None
    sources, status = code_sources(content)
    if sources is None:
        why = status.removeprefix("unreadable: not a valid notebook (").rstrip(")")
        if why == "not JSON":
            why = "its text is not notebook JSON: perhaps it was cut short while saving or copying"
        raise SelfCheckError(f"{path.name} is not a notebook that can be read ({why}). Try opening it in "
                             "JupyterLab; if that fails too, the file is damaged: start again from a fresh "
                             "copy of the exercise.")
    name = next((m.group(1) for m in map(EXERCISE_CALL.search, sources) if m), None)
    if name is None:
        raise SelfCheckError(f"{path.name} is not an exercise notebook: no cell calls ml.checks.exercise(\"…\").")
    try:
        return exercise(name).name
    except ExerciseError as problem:
        raise SelfCheckError(str(problem)) from None


def self_check_report(path: Path, name: str, numbers: list[int], *, timeout: int = 60,
                      run: Callable = check_notebook) -> SelfCheckReport:
    """Run the notebook with ``run`` and describe each task's outcome in one line."""
    path = Path(path)
    titles = {task.number: task.title for task in exercise(name).tasks}
    result = run(path, name, numbers, timeout=timeout)
    lines = [f"{path.name} (exercise {name})"]
    for number in numbers:
        mark, words = MARKS.get(result.outcomes.get(number, "not run"), ("–", "not run"))
        lines.append(f"  {mark} Task {number}  {titles.get(number, '')} — {words}")
    right = sum(1 for n in numbers if result.outcomes.get(n) == "passed")
    if result.status != "ok":
        lines.append(f"Not every cell ran: {result.status}.")
    if right == len(numbers):
        lines.append(f"All {len(numbers)} tasks right.")
    else:
        lines.append(f"{right} of {len(numbers)} tasks right. Open the notebook and run the check cell under "
                     "each task for its hint.")
    return SelfCheckReport("\n".join(lines), right == len(numbers))


def self_check(path: Path, *, timeout: int = 60, run: Callable = check_notebook) -> SelfCheckReport:
    """Self-check one exercise notebook file; raises :class:`SelfCheckError` for a file that is not one."""
    name = exercise_of_file(path)
    return self_check_report(path, name, exercise(name).numbers, timeout=timeout, run=run)
