"""The worker that runs one notebook's code in its sandbox: a small monitor and the shell it watches.

``python -m medialit.exercises.worker SANDBOX LIMITS`` is started by
:meth:`medialit.exercises.sandbox.Sandbox.run`, in its own session, with a
clean environment.  It makes itself the subreaper of everything below it,
starts the shell (``… worker --shell …``: an IPython shell in its own session
that runs the cells one by one and reports each start and end on its original
standard output, while the notebook's own output goes to the null device),
and enforces the limits: a cell longer than ``cell_seconds``, a notebook longer
than ``notebook_seconds`` in total, or more than ``output_bytes`` printed stops
the run.  Output is never kept.  The cells arrive on stdin and the answer
records on the shell's pipe, so neither the notebook's code nor its answers are
ever in a file; both processes refuse to be looked into by other processes
(:func:`~medialit.exercises.processes.set_dumpable`).  The shell sends each
answer straight to the checker on a pipe of its own (kept even if the notebook
kills the monitor); at the end the monitor kills every process below it and
writes what happened.

The monitor imports nothing heavy, so starting it costs little; the shell
costs what the notebook's own imports cost.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from .processes import die_with_parent, kill_tree, set_dumpable, set_subreaper
from .sandbox import Limits

__all__ = ["main"]

_MAX_LINE = 1000                 # one progress report of the shell


def _limit_resources(limits: Limits, *, memory: bool = False) -> None:
    try:
        import resource
    except ImportError:
        return
    settings = [("RLIMIT_CORE", 0), ("RLIMIT_FSIZE", limits.file_bytes)]
    if memory:
        settings.append(("RLIMIT_AS", limits.memory_bytes))
    for name, value in settings:
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (ValueError, OSError, AttributeError):
            pass


class _Counter:
    """Stands in for sys.stdout/sys.stderr in the shell: keeps nothing, reports a flood."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, report, limit: int, shared: list[int]):
        self._report, self._limit, self._shared = report, limit, shared

    def write(self, text) -> int:
        size = len(text) if isinstance(text, (str, bytes)) else 0
        self._shared[0] += size
        if self._shared[0] > self._limit and self._shared[1] == 0:
            self._shared[1] = 1
            self._report("flood")
        return size

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        raise OSError("no file descriptor")


def _shell(limits: Limits, answers_fd: int) -> None:
    """Run the cells (read from stdin) in an IPython shell, reporting on the original stdout.

    The answer records go straight to the checker through ``answers_fd``, so they
    are safe even if the notebook then kills this shell's monitor.
    """
    die_with_parent()
    set_dumpable(False)                     # another notebook cannot open this one's pipes or memory
    _limit_resources(limits, memory=True)   # a notebook that asks for too much memory gets a MemoryError
    cells = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    channel = os.dup(1)                     # the pipe to the monitor; the notebook's own output goes nowhere
    quiet = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(quiet, fd)

    def report(line: str) -> None:
        try:
            os.write(channel, (line + "\n").encode("utf-8"))
        except OSError:
            pass

    shared = [0, 0]
    sys.stdout = _Counter(report, limits.output_bytes, shared)
    sys.stderr = _Counter(report, limits.output_bytes, shared)
    from IPython.core.interactiveshell import InteractiveShell

    from . import answers

    answers.CHANNEL = answers_fd
    shell = InteractiveShell.instance()     # its history goes to the sandbox's IPYTHONDIR, deleted after
    for index, source in enumerate(cells):
        report(f"start {index}")
        result = shell.run_cell(source, store_history=False)
        error = result.error_in_exec or result.error_before_exec
        if error is not None:
            report(f"error {index} {type(error).__name__[:60]}")
        report(f"done {index}")
    report("end")


def _lines(stream, queue) -> None:
    """Pass the shell's report lines to the monitor's queue (a thread: works where select() on pipes does not)."""
    for raw in iter(lambda: stream.readline(_MAX_LINE), b""):
        queue.put(raw)
    queue.put(None)


def _send(line: str) -> None:
    """One line to the checker on stdout (the ``result {…}`` at the end)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _feed(stream, payload: bytes) -> None:
    try:
        stream.write(payload)
        stream.close()
    except OSError:
        pass


def _monitor(payload: bytes, root: Path, limits: Limits, python: str, answers_fd: int) -> dict:
    """Start the shell in its own session, enforce the limits, and return what happened."""
    import queue
    import threading

    cells = json.loads(payload.decode("utf-8"))
    options: dict = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL,
                     "cwd": str(root / "work"), "pass_fds": (answers_fd,)}
    if os.name == "posix":
        options["start_new_session"] = True
    shell = subprocess.Popen([python, "-m", "medialit.exercises.worker", "--shell", json.dumps(asdict(limits)),
                              str(answers_fd)], **options)
    os.close(answers_fd)                    # the shell holds the only copy: the checker sees the end when it ends
    threading.Thread(target=_feed, args=(shell.stdin, payload), daemon=True).start()
    reports: queue.Queue = queue.Queue(maxsize=1000)
    threading.Thread(target=_lines, args=(shell.stdout, reports), daemon=True).start()
    status, cells_run, errors = "ok", 0, []
    notebook_deadline = None
    cell_deadline = time.monotonic() + limits.startup_seconds
    running = None
    try:
        while True:
            now = time.monotonic()
            deadline = cell_deadline if notebook_deadline is None else min(cell_deadline, notebook_deadline)
            if now >= deadline:
                if running is None and notebook_deadline is None:
                    status = f"could not start within {limits.startup_seconds} s"
                elif notebook_deadline is not None and notebook_deadline <= cell_deadline:
                    status = f"timed out: the notebook ran longer than {limits.notebook_seconds} s in total"
                else:
                    status = f"timed out: a cell ran longer than {limits.cell_seconds} s (an endless loop?)"
                break
            try:
                raw = reports.get(timeout=max(0.01, min(deadline - now, 1.0)))
            except queue.Empty:
                continue
            if raw is None:                 # the shell is gone without saying "end"
                status = "stopped: the notebook ended its own process"
                break
            word, _, rest = raw.decode("utf-8", "replace").strip().partition(" ")
            if word == "start":
                if notebook_deadline is None:
                    notebook_deadline = time.monotonic() + limits.notebook_seconds
                running = rest
                cell_deadline = time.monotonic() + limits.cell_seconds
            elif word == "done":
                running = None
                cells_run += 1
                cell_deadline = time.monotonic() + limits.cell_seconds
            elif word == "error" and len(errors) < 50:
                errors.append(f"cell {rest[:80]}")
            elif word == "flood":
                status = f"stopped: the notebook printed more than {limits.output_bytes // 1_000_000} MB of output"
                break
            elif word == "end":
                break
    finally:
        if os.name == "posix":
            try:
                os.killpg(shell.pid, signal.SIGKILL)     # its session, where /proc cannot be read
            except (ProcessLookupError, PermissionError, OSError):
                pass
        else:
            shell.kill()
        kill_tree(shell.pid, include_self=True)
        kill_tree(os.getpid())
        shell.wait()
    return {"status": status, "cells_run": min(cells_run, len(cells)), "errors": errors}


def main(argv: list[str] | None = None) -> int:
    """``python -m medialit.exercises.worker ROOT LIMITS_JSON FD`` (the monitor) or ``--shell LIMITS_JSON FD``.

    The monitor reads the cells (a JSON list) on stdin and writes a ``result {…}``
    line to stdout at the end; ``FD`` is the pipe on which the shell sends the
    checker one ``answer {record}`` line per answer.
    """
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--shell":
        _shell(Limits(**json.loads(argv[1])), int(argv[2]))
        return 0
    root, limits, answers_fd = Path(argv[0]), Limits(**json.loads(argv[1])), int(argv[2])
    set_subreaper()
    set_dumpable(False)
    _limit_resources(limits)
    payload = sys.stdin.buffer.read()
    try:
        result = _monitor(payload, root, limits, sys.executable, answers_fd)
    except Exception as problem:
        result = {"status": f"could not run: {type(problem).__name__}", "cells_run": 0, "errors": []}
    finally:
        kill_tree(os.getpid())
    _send(f"result {json.dumps(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
