"""Check a class's notebooks: run each one and read every task's verdict from its check cells.

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

The engine is :func:`check_notebook` (one notebook in, one :class:`StudentResult`
with an outcome per task out); ``medialit check`` uses the same function for a
student's self-check.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..kernel import notebook_client
from .catalogue import exercise
from .feedback import VERDICT_PATTERN
from .layout import CHECK_CALL, exercise_name_of

__all__ = ["OUTCOMES", "StudentResult", "check_notebook", "check_class", "summary_path", "write_report"]

#: Outcomes written into the class report, in this order in the summary.
OUTCOMES = ("passed", "not yet", "not answered", "check error", "error", "not run")
_VERDICT_OUTCOME = {"right": "passed", "not yet": "not yet", "not answered yet": "not answered",
                    "the check could not run": "check error"}


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
            for match in CHECK_CALL.finditer(cell.source):
                check_cells.setdefault(int(match.group(1)), cell)
    client = notebook_client(notebook, timeout=timeout, kernel_name=kernel_name, allow_errors=True,
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
