"""A throw-away folder for one untrusted notebook, and the run of that notebook in it.

:class:`Sandbox` is a temporary folder holding only what one notebook may use:

- ``work/``: the working folder of the notebook's code (empty at the start);
- ``data/``: a fresh copy of the released data, read-only, checksummed before and
  after the run (``MEDIALIT_DATA`` points the code at it);
- ``home/``: its home folder, with its own matplotlib and IPython settings.

The notebook's code and its answers are never in the folder: they travel through
pipes (see :mod:`medialit.exercises.worker`).

:meth:`Sandbox.run` executes the notebook's code cells there through a worker
process (:mod:`medialit.exercises.worker`) with a clean environment (none of the
teacher's variables), a time limit per cell *and* per notebook, no output kept
(an output flood past :attr:`Limits.output_bytes` stops the notebook), and at
the end every process the notebook started is killed
(:mod:`medialit.exercises.processes`).  A notebook that kills the worker only
ends its own run; the answers it wrote so far are kept.

What this does **not** stop: the code runs as the same user as the checker
(unless ``run_as`` names another account), so it can read whatever that user
can read.  See the teacher guide for a tested recipe with a separate account.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .processes import ProcessGuard, kill_tree

__all__ = ["Limits", "RunResult", "Sandbox", "clean_environment", "warm_matplotlib", "make_writable"]


@dataclass(frozen=True)
class Limits:
    """Time, output, file-size and memory limits for one notebook (memory: the address space of its shell)."""

    cell_seconds: int = 60
    notebook_seconds: int = 300
    output_bytes: int = 2_000_000
    file_bytes: int = 200_000_000
    memory_bytes: int = 2_000_000_000
    startup_seconds: int = 60


@dataclass
class RunResult:
    """What happened to one notebook: a status, the cells run, and what it changed."""

    status: str
    cells_run: int = 0
    errors: list[str] = field(default_factory=list)
    tampered: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: task number (or collected name) -> the answer record's JSON text, as the notebook sent it
    answers: dict[str, str] = field(default_factory=dict)



# ---------------------------------------------------------------------------
# the sandbox folder


def clean_environment(root: Path, python: str = sys.executable) -> dict[str, str]:
    """The whole environment of the worker and its kernel: nothing inherited from the teacher."""
    home = root / "home"
    return {
        "PATH": os.pathsep.join([str(Path(python).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(home),
        "USER": "student", "LOGNAME": "student",
        "TMPDIR": str(root / "tmp"),
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "MEDIALIT_DATA": str(root / "data"),
        "MPLBACKEND": "agg",
        "MPLCONFIGDIR": str(home / "matplotlib"),
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_CONFIG_DIR": str(home / "jupyter"),
        "JUPYTER_DATA_DIR": str(home / "jupyter-data"),
        "JUPYTER_RUNTIME_DIR": str(home / "jupyter-runtime"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def account_cannot_run(uid: int, gid: int, python: str = sys.executable) -> str | None:
    """Why the account ``uid`` cannot start the checker's worker, or None when it can.

    ``--run-as`` runs every notebook through this Python; an account that cannot read it
    or the ``medialit`` package (a repository in a private home folder) would otherwise
    give each notebook the same bare ``could not run … Permission denied`` row.
    """
    command = [python, "-c", "import medialit.exercises.worker"]
    env = {"PATH": "/usr/bin:/bin", "HOME": "/", "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
           "PYTHONNOUSERSITE": "1", "MPLBACKEND": "agg", "MPLCONFIGDIR": tempfile.gettempdir()}
    try:
        done = subprocess.run(command, user=uid, group=gid, extra_groups=[], cwd="/", env=env, timeout=120,
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as problem:
        why = problem.strerror or str(problem)
    except subprocess.TimeoutExpired:
        why = "it did not start within 120 seconds"
    else:
        if done.returncode == 0:
            return None
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = lines[-1] if lines else f"exit status {done.returncode}"
    return (f"the account cannot run this project's Python ({python}) or read the medialit package ({why}). "
            "Keep the repository, with its .venv/, where that account can read it, outside a private home "
            "folder (for example /opt/medialit); see 'Real isolation' in docs/teacher_guide.md.")


def warm_matplotlib(folder: Path, python: str = sys.executable) -> Path:
    """A matplotlib config folder with a built font cache, copied into each sandbox (saves seconds each).

    The checker's own font cache is copied when there is one; otherwise it is built once.
    """
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import matplotlib

        cached = sorted(Path(matplotlib.get_cachedir()).glob("fontlist-*.json"))
    except Exception:
        cached = []
    if cached:
        shutil.copy(cached[-1], folder / cached[-1].name)
        return folder
    env = {"PATH": os.environ.get("PATH", ""), "MPLCONFIGDIR": str(folder), "HOME": str(folder),
           "MPLBACKEND": "agg"}
    subprocess.run([python, "-c", "import matplotlib.font_manager"], env=env, timeout=300,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return folder


def _read_only(folder: Path) -> None:
    for root, dirs, files in os.walk(folder):
        for name in files:
            os.chmod(Path(root) / name, 0o444)
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in dirs:
            os.chmod(Path(root) / name, 0o555)
    os.chmod(folder, 0o555)


def make_writable(path: str) -> None:
    """Let the checker delete a sandbox whose folders were made read-only."""
    for root, dirs, files in os.walk(path):
        try:
            os.chmod(root, 0o700)
        except OSError:
            pass
        for name in dirs:
            try:
                os.chmod(os.path.join(root, name), 0o700)
            except OSError:
                pass


class Sandbox:
    """A temporary folder for one notebook; use as a context manager (it is deleted at the end).

    ``reference`` is the data folder to copy (read-only) and ``expected`` its
    checksums; ``mpl_cache`` a warmed matplotlib folder to copy; ``run_as`` a
    user name or uid to run the worker and kernel as (root only).
    """

    def __init__(self, reference: Path, expected: dict[str, str], *, base: Path | None = None,
                 mpl_cache: Path | None = None, run_as: int | None = None, group: int | None = None):
        self.root = Path(tempfile.mkdtemp(prefix="box-", dir=base))
        self.work, self.data = self.root / "work", self.root / "data"
        self.home = self.root / "home"
        self.expected = expected
        self.uid, self.gid = run_as, group
        for folder in (self.work, self.home, self.root / "tmp"):
            folder.mkdir()
        if mpl_cache is not None and mpl_cache.is_dir():
            shutil.copytree(mpl_cache, self.home / "matplotlib")
        shutil.copytree(reference, self.data)
        _read_only(self.data)
        if self.uid is not None:
            for path in [self.root, *[p for f in (self.work, self.home, self.root / "tmp")
                                      for p in (f, *f.rglob("*"))]]:
                os.chown(path, self.uid, self.gid if self.gid is not None else -1, follow_symlinks=False)
        os.chmod(self.root, 0o711 if self.uid is not None else 0o700)

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.remove()

    def remove(self) -> None:
        make_writable(str(self.root))
        shutil.rmtree(self.root, ignore_errors=True)

    def changed_data(self) -> list[str]:
        """Files of the data copy that differ from the reference (empty: untouched)."""
        from .. import checksums

        try:
            found = checksums.differences(self.data, expected=self.expected)
        except Exception:                   # the folder itself is gone or unreadable
            return ["data/ (the whole folder)"]
        return [f"data/{name} ({what})" for name, what in found]

    def run(self, cells: list[str], limits: Limits = Limits(), *, python: str = sys.executable,
            guard: ProcessGuard | None = None) -> RunResult:
        """Run the code ``cells`` (a list of sources) in a worker process; never raises for bad code.

        The cells go to the worker on its stdin and its result (answer records
        included) comes back on its stdout: neither is ever in a file.
        """
        started = time.monotonic()
        payload = json.dumps([str(c) for c in cells]).encode("utf-8")
        read_answers, write_answers = os.pipe()
        collected: list[bytes] = []
        reader = threading.Thread(target=_drain, args=(read_answers, collected), daemon=True)
        reader.start()
        command = [python, "-m", "medialit.exercises.worker", str(self.root), json.dumps(asdict(limits)),
                   str(write_answers)]
        options: dict = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL,
                         "env": clean_environment(self.root, python), "cwd": str(self.work),
                         "pass_fds": (write_answers,)}
        if os.name == "posix":
            options["start_new_session"] = True
            if self.uid is not None:
                options.update(user=self.uid, group=self.gid, extra_groups=[])
        hard_limit = limits.notebook_seconds + limits.startup_seconds + 15
        try:
            if guard is not None:
                with guard.lock:        # a sweep must not take the new worker for an orphan
                    worker = subprocess.Popen(command, **options)
                    guard.workers.add(worker.pid)
            else:
                worker = subprocess.Popen(command, **options)
        except OSError as problem:      # e.g. the account of run_as may not run this Python
            os.close(write_answers)
            reader.join()
            return RunResult(f"could not run: the worker did not start ({type(problem).__name__}: "
                             f"{problem.strerror or problem})")
        os.close(write_answers)
        output, killed_by_us = b"", False
        try:
            output, _ = worker.communicate(payload, timeout=hard_limit)
        except subprocess.TimeoutExpired:
            killed_by_us = True
        except OSError:
            pass
        finally:
            if os.name == "posix":
                try:
                    os.killpg(worker.pid, signal.SIGKILL)   # its session, where /proc cannot be read
                except (ProcessLookupError, PermissionError):
                    pass
            elif worker.poll() is None:
                worker.kill()
            kill_tree(worker.pid, include_self=True)
            if killed_by_us:
                try:
                    output, _ = worker.communicate(timeout=10)
                except (subprocess.TimeoutExpired, OSError):
                    output = b""
            worker.wait()
            if guard is not None:
                with guard.lock:
                    guard.workers.discard(worker.pid)
                guard.sweep()
            reader.join(timeout=10)     # every writer is dead now: the pipe has ended
        result = _result(output, b"".join(collected))
        if result is None or not result.status:
            answers = result.answers if result is not None else {}
            if killed_by_us:
                result = RunResult(f"timed out: the notebook ran longer than {limits.notebook_seconds} s in total")
            else:
                code = worker.returncode
                how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
                result = RunResult(f"stopped: the notebook ended the process that ran it ({how})")
            result.answers = answers
        result.seconds = round(time.monotonic() - started, 2)
        result.tampered = self.changed_data()
        return result


def _drain(fd: int, collected: list[bytes], limit: int = 30_000_000) -> None:
    """Read the answer pipe to its end, keeping at most ``limit`` bytes."""
    kept = 0
    with open(fd, "rb", closefd=True) as stream:
        for block in iter(lambda: stream.read(65536), b""):
            if kept + len(block) <= limit:
                collected.append(block)
                kept += len(block)


def _result(output: bytes, answer_lines: bytes) -> RunResult | None:
    """The worker's account of the run (None when it was killed before it gave one), with the answers.

    The status comes only from the worker's own stdout, the answers only from the
    answer pipe (which the notebook can write to: a line there can only change its
    own answers).
    """
    answers: dict[str, str] = {}
    for line in answer_lines.decode("utf-8", "replace").splitlines():
        word, _, rest = line.partition(" ")
        try:
            if word == "answer":
                answers[str(json.loads(rest)["task"])] = rest
        except (ValueError, KeyError, TypeError):
            continue
    result = None
    for line in output.decode("utf-8", "replace").splitlines():
        word, _, rest = line.partition(" ")
        try:
            if word == "result":
                data = json.loads(rest)
                result = RunResult(str(data["status"])[:300], int(data.get("cells_run", 0)),
                                   [str(e)[:200] for e in data.get("errors", [])][:50])
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    if result is None:
        return RunResult("", answers=answers) if answers else None
    result.answers = answers
    return result
