"""The class report: one row per notebook, written again as each one finishes, and a summary.

:class:`ClassReport` checks that it can write both files **before** any notebook
runs, rewrites them atomically (a temporary file, then a rename) after every
notebook, so a run that is stopped keeps what it had, and writes every cell so
that a spreadsheet shows it as text (:func:`safe_cell`).

Other tools add columns and a CSV of their own from each student's collected
answers with a :class:`ReportExtension`.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

__all__ = ["OUTCOMES", "StudentResult", "ReportError", "ReportExtension", "ClassReport", "safe_cell",
           "summary_path"]

#: Outcomes written into the class report, in this order in the summary.
OUTCOMES = ("passed", "not yet", "not answered", "check error", "error", "not run")


class ReportError(OSError):
    """The report cannot be written where asked; the message says why (raised before any notebook runs)."""


@dataclass
class StudentResult:
    """One handed-in file: its status, the outcome of each task, and the answer values collected.

    ``answers`` holds each task's value as the checker rebuilt it (and, under a
    name, any value a :class:`ReportExtension` asked to collect); ``feedback``
    the text of each task's check.
    """

    student: str
    status: str
    outcomes: dict[int, str] = field(default_factory=dict)
    answers: dict[int | str, Any] = field(default_factory=dict)
    feedback: dict[int, str] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(frozen=True)
class ReportExtension:
    """Extra report columns (and an optional extra CSV) computed from the collected answers.

    ``collect`` names notebook variables to collect at the end of each notebook
    besides the task answers (they arrive in ``result.answers[name]``);
    ``row(result)`` returns a value for each of ``columns``; ``summary(results)``
    returns rows (the first is the header) written to ``<report>-<name>.csv``;
    ``text(results)`` returns lines added to the summary printed at the end of the run.
    """

    name: str
    columns: tuple[str, ...] = ()
    row: Callable[[StudentResult], Mapping[str, str]] | None = None
    summary: Callable[[list[StudentResult]], list[list[str]]] | None = None
    collect: tuple[str, ...] = ()
    text: Callable[[list[StudentResult]], str] | None = None


def safe_cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``= + - @``, tab or CR gets a ``'`` before it.

    >>> safe_cell('=HYPERLINK("http://x")'), safe_cell("ok")
    ('\\'=HYPERLINK("http://x")', 'ok')
    """
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def summary_path(out: Path) -> Path:
    """Where the per-task summary goes: next to the report, with ``-summary`` added.

    >>> summary_path(Path("report.csv")).name
    'report-summary.csv'
    """
    out = Path(out)
    return out.with_name(f"{out.stem}-summary{out.suffix or '.csv'}")


def _csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[safe_cell(c) for c in row] for row in rows])
    return buffer.getvalue()


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except OSError as problem:
        try:
            temporary.unlink()
        except OSError:
            pass
        raise ReportError(f"cannot write {path}: {problem.strerror or type(problem).__name__}") from None


def _check_writable(path: Path, what: str) -> None:
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"{what} {path} is a folder; give a file name, like report.csv.")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise ReportError(f"the folder for {what} {path} does not exist.")


class ClassReport:
    """The report and summary CSVs of one class check (and the extensions' CSVs)."""

    def __init__(self, out: Path, summary: Path, numbers: list[int], extensions: tuple[ReportExtension, ...]):
        self.out, self.summary, self.numbers, self.extensions = Path(out), Path(summary), numbers, extensions
        self.results: list[StudentResult] = []
        self.extras: dict[str, dict[str, str]] = {}

    def header(self) -> list[str]:
        return ["student", "status", *[f"task_{n}" for n in self.numbers],
                *[c for e in self.extensions for c in e.columns]]

    def start(self) -> None:
        for path, what in ((self.out, "the report"), (self.summary, "the summary")):
            _check_writable(path, what)
        self.write()                        # proves both files can be written, before any notebook runs

    def add(self, result: StudentResult) -> None:
        extra: dict[str, str] = {}
        for extension in self.extensions:
            if extension.row is not None:
                try:
                    values = extension.row(result)
                except Exception as problem:
                    values = {c: f"error: {type(problem).__name__}" for c in extension.columns}
                extra.update({c: str(values.get(c, "")) for c in extension.columns})
        self.extras[result.student] = extra
        self.results.append(result)
        self.write()

    def rows(self) -> list[list[str]]:
        rows = [self.header()]
        for result in sorted(self.results, key=lambda r: r.student):
            extra = self.extras.get(result.student, {})
            rows.append([result.student, result.status, *[result.outcomes.get(n, "") for n in self.numbers],
                         *[extra.get(c, "") for e in self.extensions for c in e.columns]])
        return rows

    def counts(self) -> list[list[str]]:
        rows = [["task", *OUTCOMES]]
        for n in self.numbers:
            rows.append([f"task_{n}", *[str(sum(1 for r in self.results if r.outcomes.get(n) == o)) for o in OUTCOMES]])
        return rows

    def write(self) -> None:
        _write_atomic(self.out, _csv_text(self.rows()))
        _write_atomic(self.summary, _csv_text(self.counts()))

    def finish(self) -> list[Path]:
        written = [self.out, self.summary]
        for extension in self.extensions:
            if extension.summary is not None:
                path = self.out.with_name(f"{self.out.stem}-{extension.name}{self.out.suffix or '.csv'}")
                try:
                    rows = extension.summary(sorted(self.results, key=lambda r: r.student))
                except Exception as problem:
                    rows = [["error"], [f"{extension.name} failed: {type(problem).__name__}"]]
                _write_atomic(path, _csv_text(rows))
                written.append(path)
        return written

    def text(self) -> str:
        counts = self.counts()
        widths = [max(len(row[i]) for row in counts) for i in range(len(counts[0]))]
        table = "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in counts)
        n = len(self.results)
        text = f"{n} notebook{'s' if n != 1 else ''} checked.\n{table}"
        problems = [f"{r.student}: {r.status}" for r in sorted(self.results, key=lambda r: r.student)
                    if r.status != "ok"]
        if problems:
            text += "\nNot fully checked:\n" + "\n".join(f"  {p}" for p in problems)
        for extension in self.extensions:
            if extension.text is not None:
                try:
                    text += "\n" + extension.text(sorted(self.results, key=lambda r: r.student))
                except Exception as problem:
                    text += f"\n{extension.name}: could not be summarised ({type(problem).__name__})"
        return text
