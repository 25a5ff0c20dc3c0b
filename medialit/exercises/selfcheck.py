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

import json
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

from .catalogue import exercise
from .classcheck import check_notebook
from .feedback import ExerciseError
from .layout import exercise_name_of

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


def _read_notebook(path: Path) -> SimpleNamespace:
    """The notebook's cells (``cell_type`` and ``source``), read as plain JSON as the class check reads
    them (importing nbformat, whose validator loads slowly, would add a second to every self-check).

    >>> import json, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "n.ipynb"
    ...     _ = path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": ["a = 1", "; b = 2"]}]}))
    ...     [cell.source for cell in _read_notebook(path).cells]
    ['a = 1; b = 2']
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        raise ValueError("no list of cells")
    found = []
    for cell in cells:
        if not isinstance(cell, dict):
            raise ValueError("a cell is not an object")
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if not isinstance(source, str):
            raise ValueError("a cell's source is not text")
        found.append(SimpleNamespace(cell_type=cell.get("cell_type"), source=source))
    return SimpleNamespace(cells=found)


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
        notebook = _read_notebook(path)
    except Exception as problem:
        why = type(problem).__name__
        if isinstance(problem, (ValueError, UnicodeDecodeError)):
            why = "its text is not notebook JSON: perhaps it was cut short while saving or copying"
        raise SelfCheckError(f"{path.name} is not a notebook that can be read ({why}). Try opening it in "
                             "JupyterLab; if that fails too, the file is damaged: start again from a fresh "
                             "copy of the exercise.") from None
    name = exercise_name_of(notebook)
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
