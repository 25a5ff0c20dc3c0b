"""Check a class's notebooks: each run in its own sandbox, graded from its answer values.

    medialit check-class hand-ins/ --exercise 02_attribution --out report.csv

For every ``*.ipynb`` in the folder (not its subfolders):

1. every file is read before anything runs, and its exercise recognised (a file
   that is not a notebook, or belongs to another exercise, gets a row that says so);
2. after each ``check.task_N(...)`` cell the checker adds a cell that writes the
   value passed to the check to a file (:mod:`~medialit.exercises.answers`);
3. the notebook runs in a :class:`~medialit.exercises.sandbox.Sandbox` (its own
   folder, read-only data, clean environment, limits per cell and per notebook,
   no survivors), several at a time;
4. the answer values are graded **here**, by the teacher's own copy of the
   checks, against a copy of the data made before the first notebook ran.
   Nothing a notebook prints, redefines or patches reaches this step.

The report (:mod:`~medialit.exercises.report`) has one row per file and one
column per task (``passed`` / ``not yet`` / ``not answered`` / ``check error`` /
``error`` / ``not run``), rewritten as each notebook finishes.  The engine for
one notebook, :func:`check_notebook`, is also the student's self-check
(``medialit check``).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .. import checksums, corpus
from . import answers
from .catalogue import exercise
from .feedback import CHECK_FAILED, NOT_ANSWERED, NOT_YET, RIGHT
from .layout import CHECK_CALL, EXERCISE_CALL, code_sources, find_check_calls
from .report import OUTCOMES, ClassReport, ReportError, ReportExtension, StudentResult, summary_path
from .sandbox import Limits, RunResult, Sandbox, account_cannot_run, make_writable, warm_matplotlib
from .processes import ProcessGuard, set_dumpable

__all__ = ["OUTCOMES", "StudentResult", "ReportError", "ReportExtension", "Limits", "check_class", "check_notebook",
           "instrument", "summary_path", "default_jobs", "main"]

_VERDICT_OUTCOME = {RIGHT: "passed", NOT_YET: "not yet", NOT_ANSWERED: "not answered", CHECK_FAILED: "check error"}
_MAX_NOTEBOOK_BYTES = 20_000_000


def default_jobs() -> int:
    """Notebooks run at a time: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------
# reading notebooks and adding the capture cells


def read_sources(content: bytes | str, name: str) -> tuple[list[str] | None, str]:
    """A notebook's code cells (:func:`code_sources`), or None and a status saying why it is not
    checked: unreadable, or not exercise ``name``.

    >>> read_sources(b"not json", "01_meet_the_pieces")
    (None, 'unreadable: not a valid notebook (not JSON)')
    """
    sources, status = code_sources(content)
    if sources is None:
        return None, status
    found = next((m.group(1) for m in map(EXERCISE_CALL.search, sources) if m), None)
    if found is None:
        return None, "wrong exercise: no ml.checks.exercise(...) cell"
    try:
        found = exercise(found).name
    except Exception:
        pass
    if found != name:
        return None, f"wrong exercise: this is {found}"
    return sources, "ok"


def _template_variables(name: str) -> dict[int, str]:
    """Task number -> the variable the official student notebook passes to its check."""
    path = Path(__file__).resolve().parent.parent.parent / "exercises" / f"{name}.ipynb"
    sources = read_sources(path.read_bytes(), name)[0] if path.is_file() else None
    found: dict[int, str] = {}
    for source in sources or []:
        for number, variable in CHECK_CALL.findall(source):
            found.setdefault(int(number), variable)
    return found


def instrument(sources: list[str], numbers: Iterable[int], fallback: Mapping[int, str] | None = None,
               collect: Iterable[str] = ()) -> list[str]:
    """The code cells, with a capture cell after the first check call of each task.

    A task whose check call is missing gets a capture cell at the end that reads
    the variable the official notebook uses (``fallback``); so do the variables
    named in ``collect``.

    >>> [c.splitlines()[1] for c in instrument(["x = 1", "check.task_2(x)"], [1, 2], {1: "y"})[2:]]
    ['__medialit_answers.capture(2, lambda: (x))', '__medialit_answers.capture(1, lambda: (y))']
    """
    numbers = list(numbers)
    cells, done = [], set()
    for source in sources:
        if not source.strip():
            continue
        cells.append(source)
        for number, expression in find_check_calls(source):
            if number in numbers and number not in done:
                done.add(number)
                cells.append(answers.capture_cell(number, expression))
    for number in numbers:
        if number not in done and fallback and number in fallback:
            cells.append(answers.capture_cell(number, fallback[number]))
    for name in collect:
        if str(name).isidentifier():
            cells.append(answers.capture_cell(str(name), str(name)))
    return cells


# ---------------------------------------------------------------------------
# grading, here in the checker


def _grade(name: str, numbers: list[int], records: Mapping[str, str], result: StudentResult,
           collect: Iterable[str] = ()) -> None:
    """Grade each task's answer record (the JSON text the notebook sent) with the teacher's checks."""
    ex = exercise(name)
    for key in [*numbers, *collect]:
        text = records.get(str(key))
        if text is None:
            if key in numbers:
                result.outcomes[key] = "not run"
            continue
        try:
            record = answers.parse(text)
        except answers.AnswerFileError:
            if key in numbers:
                result.outcomes[key] = "error"
            continue
        if "error" in record:       # the variable was never defined, or computing it failed
            if key in numbers:
                result.outcomes[key] = "error"
                result.feedback[key] = f"{record['error']} before the check"
            continue
        result.answers[key] = record["value"]
        if key in numbers:
            graded = ex.result(key, record["value"])
            result.outcomes[key] = _VERDICT_OUTCOME.get(graded.verdict, "check error")
            result.feedback[key] = graded.text


def _status(run: RunResult, live_changes: list[str]) -> str:
    """The report's status: the run's, with any change to the data named."""
    status = run.status
    if run.tampered:
        status = "tampered: changed its copy of the data (" + ", ".join(run.tampered[:5]) + ")" \
                 + ("" if run.status == "ok" else f"; {run.status}")
    if live_changes:
        status += "; the teacher's data/ changed while it ran (" + ", ".join(live_changes[:5]) + ")"
    return status


class _Session:
    """What every notebook of one check shares: a private copy of the data, a warm font cache, a process guard.

    The checker grades against its copy (``MEDIALIT_DATA`` points there while
    the session is open), so a notebook that changes the teacher's ``data/``
    changes nobody's grade; :meth:`live_changes` says when that happened.
    """

    def __init__(self, limits: Limits, account: tuple[int, int] | None = None,
                 say: Callable[[str], None] = lambda text: None):
        self.limits = limits
        self.uid, self.gid = account or (None, None)
        self.live = corpus.data_dir()
        _remove_stale_runs(Path(tempfile.gettempdir()))
        self.root = Path(tempfile.mkdtemp(prefix=f"medialit-check-{os.getpid()}-"))
        os.chmod(self.root, 0o711 if self.uid is not None else 0o700)
        self.previous = os.environ.get("MEDIALIT_DATA")
        self.reference = self.root / "reference"
        shutil.copytree(self.live, self.reference, ignore=shutil.ignore_patterns(*checksums.EXCLUDED_FOLDERS, ".*"))
        self.expected = checksums.compute(self.reference)
        self.reference_bytes = {name: (self.reference / name).read_bytes() for name in self.expected}
        self._grading = threading.Lock()
        released = checksums.differences(self.reference)
        if released and released != [(checksums.MANIFEST, "missing")]:
            say("Note: your data/ differs from the released data (" + ", ".join(f for f, _ in released[:5])
                + "); answers are graded against your data as it is.")
        os.environ["MEDIALIT_DATA"] = str(self.reference)
        self.mpl_cache = warm_matplotlib(self.root / "matplotlib")
        self.guard = ProcessGuard()
        self.private = set_dumpable(False)       # notebooks cannot look into the checker through /proc
        self.live_start = checksums.compute(self.live)
        self._watch = {"state": dict(self.live_start), "checked": time.monotonic()}
        self._windows: list[tuple[float, float, list[str]]] = []
        self._lock = threading.Lock()

    def live_changes(self, began: float) -> list[str]:
        """Files of the teacher's data/ that changed while a notebook that began at ``began`` ran."""
        with self._lock:
            now, state = time.monotonic(), checksums.compute(self.live)
            before = self._watch["state"]
            if state != before:
                self._windows.append((self._watch["checked"], now, sorted(
                    f for f in set(state) | set(before) if state.get(f) != before.get(f))))
                self._watch["state"] = state
            self._watch["checked"] = now
            return sorted({f"data/{f}" for _, t1, files in self._windows if t1 >= began for f in files})

    def check(self, student: str, content: bytes | str, name: str, numbers: list[int],
              fallback: Mapping[int, str], collect: tuple[str, ...] = ()) -> StudentResult:
        sources, status = read_sources(content, name)
        if sources is None:
            return StudentResult(student, status)
        began = time.monotonic()
        with Sandbox(self.reference, self.expected, base=self.root, mpl_cache=self.mpl_cache, run_as=self.uid,
                     group=self.gid) as box:
            run = box.run(instrument(sources, numbers, fallback, collect), self.limits, guard=self.guard)
        result = StudentResult(student, _status(run, self.live_changes(began)), seconds=run.seconds)
        with self._grading:
            for _ in range(3):          # grade against the reference exactly as copied, or grade again
                self._restore_reference()
                _grade(name, numbers, run.answers, result, collect)
                if checksums.compute(self.reference) == self.expected:
                    break
            else:
                result.outcomes = {n: "check error" for n in numbers}
                result.status += "; the checker's copy of the data kept changing"
        return result

    def _restore_reference(self) -> None:
        """Put back any file of the checker's data copy that changed (a notebook may have found it)."""
        if checksums.compute(self.reference) == self.expected:
            return
        make_writable(str(self.reference))
        shutil.rmtree(self.reference, ignore_errors=True)
        for relative, data in self.reference_bytes.items():
            target = self.reference / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def close(self) -> list[str]:
        """End the session; returns the files of the teacher's data/ that changed during it."""
        self.guard.close()
        if self.private:
            set_dumpable(True)
        final = checksums.compute(self.live)
        if self.previous is None:
            os.environ.pop("MEDIALIT_DATA", None)
        else:
            os.environ["MEDIALIT_DATA"] = self.previous
        make_writable(str(self.root))
        shutil.rmtree(self.root, ignore_errors=True)
        return sorted(f for f in set(final) | set(self.live_start) if final.get(f) != self.live_start.get(f))


def _remove_stale_runs(folder: Path) -> None:
    """Remove the folders of checks that were killed (their process is gone), as the next check starts."""
    for path in folder.glob("medialit-check-*-*"):
        pid = path.name.split("-")[2]
        try:
            if not pid.isdigit() or path.stat().st_uid != os.geteuid():
                continue
            os.kill(int(pid), 0)
        except ProcessLookupError:
            make_writable(str(path))
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue


def _read_all(paths: list[Path]) -> dict[str, bytes | str]:
    """Every hand-in's bytes, read before any notebook runs (or why it cannot be read)."""
    found: dict[str, bytes | str] = {}
    for path in paths:
        try:
            if path.stat().st_size > _MAX_NOTEBOOK_BYTES:
                found[path.name] = "unreadable: larger than 20 MB"
                continue
            found[path.name] = path.read_bytes()
        except OSError as problem:
            found[path.name] = f"unreadable: {problem.strerror or type(problem).__name__}"
    return found


def _changed_hand_ins(folder: Path, contents: dict[str, bytes | str]) -> list[str]:
    changed = []
    for name, content in contents.items():
        path = folder / name
        try:
            if not path.is_file():
                changed.append(f"{name} (deleted)")
            elif isinstance(content, bytes) and path.read_bytes() != content:
                changed.append(f"{name} (changed)")
        except OSError:
            changed.append(f"{name} (unreadable)")
    return changed + [f"{p.name} (new)" for p in sorted(folder.glob("*.ipynb")) if p.name not in contents]


def check_notebook(path: Path, name: str, numbers: list[int], *, timeout: int = 60,
                   limits: Limits | None = None) -> StudentResult:
    """Check one notebook in a sandbox (the engine of ``medialit check``); never raises for a bad file."""
    path = Path(path)
    limits = limits or Limits(cell_seconds=timeout)
    session = _Session(limits)
    try:
        return session.check(path.name, _read_all([path])[path.name], exercise(name).name, list(numbers),
                             _template_variables(exercise(name).name))
    finally:
        session.close()


def check_class(folder: Path, name: str, out: Path, *, summary: Path | None = None, jobs: int | None = None,
                limits: Limits | None = None, run_as: str | None = None,
                progress: Callable[[str], None] | None = None,
                extensions: Iterable[ReportExtension] = ()) -> tuple[list[StudentResult], list[Path], str]:
    """Check every notebook in ``folder`` against exercise ``name``; returns results, files written, summary text.

    Raises :class:`~medialit.exercises.report.ReportError` before running anything when
    the report cannot be written.
    """
    ex = exercise(name)
    numbers, limits, extensions = ex.numbers, limits or Limits(), tuple(extensions)
    jobs = max(1, jobs or default_jobs())
    collect = tuple(dict.fromkeys(n for e in extensions for n in e.collect))
    account = _account(run_as) if run_as is not None else None    # before any file is written
    report = ClassReport(out, summary or summary_path(out), numbers, extensions)
    report.start()
    say = progress or (lambda text: None)
    paths = sorted(p for p in Path(folder).glob("*.ipynb") if p.is_file())
    contents = _read_all(paths)         # deleting a classmate's file cannot change their check
    session = _Session(limits, account, say)
    changed_data: list[str] = []
    try:
        fallback = _template_variables(ex.name)
        say(f"Checking {len(paths)} notebook{'s' if len(paths) != 1 else ''} of {ex.name}, {jobs} at a time "
            f"(at most {limits.cell_seconds} s per cell, {limits.notebook_seconds} s per notebook).")
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(session.check, p.name, contents[p.name], ex.name, numbers, fallback, collect)
                       for p in paths]
            for done, future in enumerate(as_completed(futures), start=1):
                result = future.result()
                report.add(result)
                counts = {o: list(result.outcomes.values()).count(o) for o in OUTCOMES}
                shown = ", ".join(f"{n} {o}" for o, n in counts.items() if n)
                say(f"[{done}/{len(paths)}] {result.student}: {result.status}"
                    + (f" · {shown}" if shown else "") + (f" ({result.seconds:.1f} s)" if result.seconds else ""))
    finally:
        changed_data = session.close()
    written = report.finish()
    text = report.text()
    if changed_data:
        text += ("\nYour data/ folder changed during the check: " + ", ".join(changed_data)
                 + ". Grading used a copy made before the first notebook ran. Restore the folder with "
                 "`git checkout -- data/` (or copy it again from the release).")
    altered = _changed_hand_ins(Path(folder), contents)
    if altered:
        text += ("\nHand-ins changed during the check: " + ", ".join(altered)
                 + ". Each notebook was checked as it was when the check began.")
    return report.results, written, text


def _account(name: str) -> tuple[int, int]:
    """uid and gid of an account to run notebooks as (needs root)."""
    if os.name != "posix" or os.geteuid() != 0:
        raise ReportError("--run-as needs the check to be started as root (for example with sudo).")
    import pwd

    try:
        entry = pwd.getpwnam(name) if not name.isdigit() else pwd.getpwuid(int(name))
    except KeyError:
        raise ReportError(f"there is no account {name!r} to run the notebooks as.") from None
    if entry.pw_uid == 0:
        raise ReportError("--run-as must name an account other than root.")
    problem = account_cannot_run(entry.pw_uid, entry.pw_gid)
    if problem:
        raise ReportError(f"--run-as {name}: {problem}")
    return entry.pw_uid, entry.pw_gid


def main(args) -> int:
    """``medialit check-class`` (arguments parsed by :mod:`medialit.cli`); returns the exit status."""
    from .feedback import ExerciseError

    if not args.folder.is_dir():
        print(f"medialit: {args.folder} is not a folder of notebooks.", file=sys.stderr)
        return 2
    try:
        ex = exercise(args.exercise)
    except ExerciseError as problem:
        print(f"medialit: {problem}", file=sys.stderr)
        return 2
    if not any(args.folder.glob("*.ipynb")):
        print(f"medialit: no .ipynb files in {args.folder}.", file=sys.stderr)
        return 2
    limits = Limits(cell_seconds=args.timeout, notebook_seconds=args.notebook_timeout)
    from .practice_report import agreement_extension

    extensions = [e for e in [agreement_extension(ex.name)] if e is not None]
    try:
        _, written, text = check_class(args.folder, ex.name, args.out, summary=args.summary, jobs=args.jobs,
                                       limits=limits, run_as=args.run_as, extensions=extensions,
                                       progress=lambda line: print(line, flush=True))
    except ReportError as problem:
        print(f"medialit: {problem}", file=sys.stderr)
        return 2
    print(text)
    print(f"Report: {written[0]}\nSummary: {written[1]}")
    for path in written[2:]:
        print(f"Also: {path}")
    return 0
