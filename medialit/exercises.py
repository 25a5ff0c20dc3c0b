"""Make the student exercise notebooks from the solutions, and check a class's notebooks.

Student versions are generated, never edited by hand::

    medialit make-exercises            # or: python -m medialit.exercises

reads every ``exercises/solutions/NN_topic.ipynb`` and writes
``exercises/NN_topic.ipynb`` with

- every output and execution count removed;
- every cell tagged ``teacher`` dropped;
- every cell tagged ``answer`` replaced by its leading comment lines and a
  placeholder such as ``labels = ...  # a dict from sentence id to label, like …``
  (the variable is the one the next ``check.task_N(...)`` cell passes on; the
  comment comes from the task's definition in :mod:`medialit.exercise_tasks`).

A teacher checks a folder of handed-in notebooks with::

    medialit check-class hand-ins/ --exercise 02_attribution --out report.csv

Each notebook is run in a fresh kernel (nbclient, with a time limit per cell);
the outcome of every task is read from the message its check cell printed
(``✓ Task 3 — right`` …).  The report has one row per file and one column per
task (``passed`` / ``not yet`` / ``not answered`` / ``check error`` / ``error`` /
``not run``); a second CSV counts the outcomes per task.  A file that is not a
notebook, belongs to another exercise, or runs past the time limit gets a row
that says so, and the other files are still checked.  Running a notebook runs
its code: only check notebooks from your own students.
"""

from __future__ import annotations

import copy
import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .checks import VERDICT_PATTERN, exercise

__all__ = [
    "ExerciseFormatError", "ROOT", "SOLUTIONS", "STUDENT_DIR", "solution_paths", "student_path",
    "render_student", "make_exercises", "outdated_exercises", "exercise_name_of", "StudentResult",
    "check_notebook", "check_class", "write_report", "OUTCOMES", "main",
]

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "exercises" / "solutions"
STUDENT_DIR = ROOT / "exercises"

ANSWER_TAG, CHECK_TAG, TEACHER_TAG = "answer", "check", "teacher"
_CHECK_CALL = re.compile(r"\bcheck\.task_(\d+)\(\s*([A-Za-z_]\w*)\s*\)")
_EXERCISE_CALL = re.compile(r"""checks\.exercise\(\s*["']([^"']+)["']\s*\)""")

#: Outcomes written into the class report, in this order in the summary.
OUTCOMES = ("passed", "not yet", "not answered", "check error", "error", "not run")
_VERDICT_OUTCOME = {"right": "passed", "not yet": "not yet", "not answered yet": "not answered",
                    "the check could not run": "check error"}


class ExerciseFormatError(ValueError):
    """A solution notebook does not follow the exercise layout; the message says where."""


# ---------------------------------------------------------------------------
# Student versions
# ---------------------------------------------------------------------------


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


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def exercise_name_of(notebook) -> str | None:
    """The exercise a notebook asks checks for (``ml.checks.exercise("…")``), or None.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('check = ml.checks.exercise("02_attribution")')])
    >>> exercise_name_of(nb)
    '02_attribution'
    """
    for cell in notebook.cells:
        if cell.cell_type == "code":
            match = _EXERCISE_CALL.search(cell.source)
            if match:
                return match.group(1)
    return None


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


def render_student(solution: Path) -> str:
    """The student version of one solution notebook, as the exact text to write.

    Raises :class:`ExerciseFormatError` when an ``answer`` cell is not followed
    by a ``check`` cell that passes a variable the answer cell assigns.
    """
    solution = Path(solution)
    notebook = nbformat.read(solution, as_version=4)
    name = exercise_name_of(notebook)
    if name is None:
        raise ExerciseFormatError(f"{solution.name}: no cell calls ml.checks.exercise(\"…\").")
    tasks = {task.number: task for task in exercise(name).tasks}
    cells = [cell for cell in notebook.cells if TEACHER_TAG not in _tags(cell)]
    out = []
    for index, cell in enumerate(cells):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = {"tags": sorted(_tags(cell))} if _tags(cell) else {}
        if ANSWER_TAG in _tags(cell):
            following = next((c for c in cells[index + 1:] if CHECK_TAG in _tags(c)), None)
            match = _CHECK_CALL.search(following.source) if following is not None else None
            if match is None:
                raise ExerciseFormatError(f"{solution.name}: the answer cell {cell.get('id', index)} has no "
                                          "check cell after it calling check.task_N(variable).")
            number, variable = int(match.group(1)), match.group(2)
            if number not in tasks:
                raise ExerciseFormatError(f"{solution.name}: check.task_{number} is not a task of {name}.")
            if not re.search(rf"^[\w\s,()]*\b{variable}\b[\w\s,()]*=(?!=)", cell.source, re.MULTILINE):
                raise ExerciseFormatError(f"{solution.name}: the answer cell for task {number} does not "
                                          f"assign {variable}.")
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


# ---------------------------------------------------------------------------
# Checking a class
# ---------------------------------------------------------------------------


@dataclass
class StudentResult:
    """The outcome of one handed-in file: a status and one outcome per task."""

    student: str
    status: str
    outcomes: dict[int, str] = field(default_factory=dict)


def _cell_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif output.get("output_type") == "error":
            parts.append(str(output.get("evalue", "")))
        elif "data" in output:
            parts.append(str(output["data"].get("text/plain", "")))
    return "\n".join(parts)


def _outcome(cell, number: int) -> str:
    if cell.get("execution_count") is None and not cell.get("outputs"):
        return "not run"
    for match in VERDICT_PATTERN.finditer(_cell_text(cell)):
        if int(match.group("task")) == number:
            return _VERDICT_OUTCOME[match.group("verdict")]
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    return "error" if errors else "not run"


def check_notebook(path: Path, name: str, numbers: list[int], *, timeout: int = 60,
                   kernel_name: str = "python3") -> StudentResult:
    """Run one handed-in notebook and read the outcome of each task from its check cells."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    path = Path(path)
    student = path.name
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as problem:
        return StudentResult(student, f"unreadable: not a valid notebook ({type(problem).__name__})")
    found = exercise_name_of(notebook)
    if found is None:
        return StudentResult(student, "wrong exercise: no ml.checks.exercise(...) cell")
    try:
        found_name = exercise(found).name
    except Exception:
        found_name = found
    if found_name != name:
        return StudentResult(student, f"wrong exercise: this is {found_name}")
    check_cells: dict[int, object] = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            for match in _CHECK_CALL.finditer(cell.source):
                check_cells.setdefault(int(match.group(1)), cell)
    client = NotebookClient(notebook, timeout=timeout, kernel_name=kernel_name, allow_errors=True,
                            record_timing=False, resources={"metadata": {"path": str(path.parent)}})
    status = "ok"
    try:
        client.execute()
    except CellTimeoutError:
        status = f"timed out: a cell ran longer than {timeout} s (an endless loop?)"
    except DeadKernelError:
        status = "kernel died while running the notebook"
    except Exception as problem:
        status = f"could not run: {type(problem).__name__}"
    outcomes = {}
    for number in numbers:
        cell = check_cells.get(number)
        outcomes[number] = "not run" if cell is None else _outcome(cell, number)
    return StudentResult(student, status, outcomes)


def check_class(folder: Path, name: str, *, timeout: int = 60, progress=None) -> list[StudentResult]:
    """Check every ``*.ipynb`` in ``folder`` (not its subfolders) against exercise ``name``."""
    ex = exercise(name)
    results = []
    for path in sorted(Path(folder).glob("*.ipynb")):
        result = check_notebook(path, ex.name, ex.numbers, timeout=timeout)
        if progress is not None:
            progress(result)
        results.append(result)
    return results


def _report_rows(results: list[StudentResult], numbers: list[int]) -> list[list[str]]:
    rows = [["student", "status", *[f"task_{n}" for n in numbers]]]
    for result in results:
        rows.append([result.student, result.status, *[result.outcomes.get(n, "") for n in numbers]])
    return rows


def _summary_rows(results: list[StudentResult], numbers: list[int]) -> list[list[str]]:
    rows = [["task", *OUTCOMES]]
    for n in numbers:
        counts = [sum(1 for r in results if r.outcomes.get(n) == outcome) for outcome in OUTCOMES]
        rows.append([f"task_{n}", *map(str, counts)])
    return rows


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def summary_path(out: Path) -> Path:
    """Where the per-task summary goes: next to the report, with ``-summary`` added.

    >>> summary_path(Path("report.csv")).name
    'report-summary.csv'
    """
    out = Path(out)
    return out.with_name(f"{out.stem}-summary{out.suffix or '.csv'}")


def write_report(results: list[StudentResult], numbers: list[int], out: Path,
                 summary: Path | None = None) -> tuple[Path, Path, str]:
    """Write the report and the summary CSVs; returns their paths and a printable summary."""
    out = Path(out)
    summary = Path(summary) if summary is not None else summary_path(out)
    report = _report_rows(results, numbers)
    counts = _summary_rows(results, numbers)
    out.write_text(_csv_text(report), encoding="utf-8")
    summary.write_text(_csv_text(counts), encoding="utf-8")
    widths = [max(len(row[i]) for row in counts) for i in range(len(counts[0]))]
    table = "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in counts)
    problems = [f"{r.student}: {r.status}" for r in results if r.status != "ok"]
    text = f"{len(results)} notebook{'s' if len(results) != 1 else ''} checked.\n{table}"
    if problems:
        text += "\nNot fully checked:\n" + "\n".join(f"  {p}" for p in problems)
    return out, summary, text


def main(argv: list[str] | None = None) -> int:
    """``python -m medialit.exercises`` is ``medialit make-exercises``."""
    from .cli import main as cli_main

    return cli_main(["make-exercises", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
