"""Make the student exercise notebooks from the solutions, and tell when they are out of date.

Student versions are generated, never edited by hand (``medialit make-exercises``).
Each ``exercises/solutions/NN_topic.ipynb`` becomes ``exercises/NN_topic.ipynb`` with

- every output and execution count removed;
- every cell tagged ``teacher`` dropped;
- every cell tagged ``answer`` replaced by its leading comment lines and a
  placeholder such as ``labels = ...  # a dict from sentence id to label, like …``
  (the variable is the one the next ``check.task_N(...)`` cell passes on; the
  comment is the task's ``expects``, from the exercise's module);
- every answer cell also tagged ``scaffold`` kept as written, with each fragment
  named by a trailing ``# blank: FRAGMENT`` comment replaced by ``...`` (the student
  fills the blank in a given line, or the label after each id of a practice passage).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from .catalogue import exercise
from .layout import ANSWER_TAG, CHECK_CALL, CHECK_TAG, TEACHER_TAG, exercise_name_of, tags

SCAFFOLD_TAG = "scaffold"
_BLANK = re.compile(r"\s*#\s*blank:\s*(?P<fragment>.+?)\s*$")

__all__ = [
    "ExerciseFormatError", "ROOT", "SOLUTIONS", "STUDENT_DIR", "solution_paths", "student_path",
    "render_student", "make_exercises", "outdated_exercises", "indented_by_accident", "scaffold", "SCAFFOLD_TAG",
]

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "exercises" / "solutions"
STUDENT_DIR = ROOT / "exercises"


class ExerciseFormatError(ValueError):
    """A solution notebook does not follow the exercise layout; the message says where."""


def solution_paths(solutions: Path = SOLUTIONS) -> list[Path]:
    """The solution notebooks, in order.

    >>> [p.name for p in solution_paths()][:1]
    ['01_meet_the_pieces.ipynb']
    """
    return sorted(Path(solutions).glob("[0-9][0-9]_*.ipynb"))


def student_path(solution: Path, student_dir: Path = STUDENT_DIR) -> Path:
    """Where the student version of a solution notebook goes.

    >>> student_path(SOLUTIONS / "02_attribution.ipynb").relative_to(ROOT).as_posix()
    'exercises/02_attribution.ipynb'
    """
    return Path(student_dir) / Path(solution).name


def _placeholder(source: str, variable: str, expects: str) -> str:
    lines = source.splitlines()
    keep = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            break
        keep.append(line)
    while keep and not keep[-1].strip():
        keep.pop()
    return "\n".join([*keep, f"{variable} = ...  # {expects}"])


def scaffold(source: str) -> str:
    """The student's version of a scaffold answer cell: each ``# blank: FRAGMENT`` becomes ``...``.

    >>> print(scaffold('share = (body.label == "attributed").mean()  # blank: "attributed"'))
    share = (body.label == ...).mean()
    >>> scaffold('x = 1  # blank: 2')
    Traceback (most recent call last):
    ValueError: the blank '2' is not on its line: x = 1
    """
    out = []
    for line in source.splitlines():
        match = _BLANK.search(line)
        if match:
            code, fragment = line[:match.start()], match.group("fragment")
            if fragment not in code:
                raise ValueError(f"the blank {fragment!r} is not on its line: {code.strip()}")
            line = code.replace(fragment, "...", 1).rstrip()
        out.append(line)
    return "\n".join(out)


def indented_by_accident(markdown: str) -> bool:
    """True when a markdown cell's first line is indented by four spaces or a tab.

    Markdown renders such a line as a code block, so a title written that way shows
    as grey code instead of a heading.

    >>> indented_by_accident("    # Exercise 01"), indented_by_accident("# Exercise 01\\n\\n    code")
    (True, False)
    """
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    return first.startswith(("    ", "\t"))


def render_student(solution: Path) -> str:
    """The student version of one solution notebook, as the exact text to write.

    Raises :class:`ExerciseFormatError` when an ``answer`` cell is not followed
    by a ``check`` cell that passes a variable the answer cell assigns, or when a
    markdown cell would render as a code block (see :func:`indented_by_accident`).
    """
    solution = Path(solution)
    notebook = nbformat.read(solution, as_version=4)
    name = exercise_name_of(notebook)
    if name is None:
        raise ExerciseFormatError(f"{solution.name}: no cell calls ml.checks.exercise(\"…\").")
    tasks = {task.number: task for task in exercise(name).tasks}
    cells = [cell for cell in notebook.cells if TEACHER_TAG not in tags(cell)]
    out = []
    for index, cell in enumerate(cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = {"tags": sorted(tags(cell))} if tags(cell) else {}
        if cell.cell_type == "markdown" and indented_by_accident(cell.source):
            raise ExerciseFormatError(f"{solution.name}: markdown cell {cell.get('id', index)} starts with an "
                                      "indented line, which renders as a code block; remove the indentation.")
        if ANSWER_TAG in tags(cell):
            following = next((c for c in cells[index + 1:] if CHECK_TAG in tags(c)), None)
            match = CHECK_CALL.search(following.source) if following is not None else None
            if match is None:
                raise ExerciseFormatError(f"{solution.name}: the answer cell {cell.get('id', index)} has no "
                                          "check cell after it calling check.task_N(variable).")
            number, variable = int(match.group(1)), match.group(2)
            if number not in tasks:
                raise ExerciseFormatError(f"{solution.name}: check.task_{number} is not a task of {name}.")
            if not re.search(rf"^[\w\s,()]*\b{variable}\b[\w\s,()]*=(?!=)", cell.source, re.MULTILINE):
                raise ExerciseFormatError(f"{solution.name}: the answer cell for task {number} does not "
                                          f"assign {variable}.")
            if SCAFFOLD_TAG in tags(cell):
                try:
                    cell.source = scaffold(cell.source)
                except ValueError as problem:
                    raise ExerciseFormatError(f"{solution.name}: task {number}: {problem}") from None
            else:
                cell.source = _placeholder(cell.source, variable, tasks[number].expects)
        out.append(cell)
    student = nbformat.v4.new_notebook(cells=out, metadata={
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    student.nbformat, student.nbformat_minor = notebook.nbformat, notebook.nbformat_minor
    return nbformat.writes(student) + "\n"


def outdated_exercises(solutions: Path = SOLUTIONS, student_dir: Path = STUDENT_DIR) -> list[Path]:
    """Student notebooks that differ from what :func:`render_student` makes now (or are missing)."""
    stale = []
    for solution in solution_paths(solutions):
        target = student_path(solution, student_dir)
        if not target.is_file() or target.read_text(encoding="utf-8") != render_student(solution):
            stale.append(target)
    return stale


def make_exercises(solutions: Path = SOLUTIONS, student_dir: Path = STUDENT_DIR) -> list[Path]:
    """Write every student notebook from its solution; returns the paths written."""
    written = []
    for solution in solution_paths(solutions):
        target = student_path(solution, student_dir)
        text = render_student(solution)
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(target)
    return written
