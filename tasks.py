"""Set up and run the notebook set with one command.

    python tasks.py lab     # create .venv if missing, install, open JupyterLab on notebook 00
    python tasks.py test    # create .venv if missing, install, run the whole test suite

Works on Linux, macOS and Windows with only Python 3.11+ and git.  Extra
arguments go to JupyterLab or pytest, e.g. ``python tasks.py lab --no-browser``
or ``python tasks.py test -k corpus``.

``lab`` serves the whole repository (notebooks/, exercises/, data/, docs/) and
opens notebook 00.  Its terminals have the project's .venv first on PATH, so
``pytest``, ``python`` and ``medialit`` typed there are the project's; the
settings it reads are in ``jupyter-config/``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
JUPYTER_CONFIG = ROOT / "jupyter-config"


def _venv_bin() -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin")


def _venv_python() -> Path:
    return _venv_bin() / ("python.exe" if os.name == "nt" else "python")


def _requirements_hash() -> str:
    digest = hashlib.sha256(REQUIREMENTS.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()


def _pip(python: Path, *args: str) -> None:
    """Run pip quietly; show its output only if it fails (build tools print warnings a student
    would take for errors), then stop with a plain message."""
    run = subprocess.run([str(python), "-m", "pip", *args], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout[-6000:], run.stderr[-6000:], sep="\n", file=sys.stderr)
        sys.exit(f"Installing failed (pip {' '.join(args)}); the messages above say why. "
                 "Check the internet connection and run the command again.")


def setup() -> Path:
    """Create .venv when missing and install requirements when they changed."""
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    python = _venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = _requirements_hash()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        print("Installing requirements (first run takes a few minutes) ...", flush=True)
        _pip(python, "install", "--upgrade", "pip")
        _pip(python, "install", "-r", REQUIREMENTS.name)
        STAMP.write_text(wanted)
        print("Done.", flush=True)
    return python


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def lab_command(python: Path, rest: list[str]) -> tuple[list[str], dict[str, str]]:
    """The JupyterLab command line and environment that ``python tasks.py lab`` uses.

    The server (and so its kernels and terminals) sees .venv as the active environment
    and reads the project's settings in jupyter-config/.
    """
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = os.pathsep.join([str(_venv_bin()), env.get("PATH", "")])
    env.pop("PYTHONHOME", None)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        p for p in [str(JUPYTER_CONFIG), env.get("JUPYTER_CONFIG_PATH", "")] if p)
    command = [str(python), "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}"]
    if _is_root() and "--allow-root" not in rest:
        command.append("--allow-root")
    opens = [] if any(arg.endswith(".ipynb") for arg in rest) else [FIRST_NOTEBOOK]
    return [*command, *opens, *rest], env


def test_command(python: Path, rest: list[str]) -> list[str]:
    """The pytest command line of ``python tasks.py test``.

    Tests run in parallel, one worker per CPU (pytest-xdist), shared out one by one, except
    that each notebook's cells (which share one kernel, in order) stay on one worker: see
    ``conftest.py``.  ``-n 0``, ``-n 4`` or ``-p no:xdist`` after ``test`` overrides this.
    ``suite_startup.py`` loads before pytest's plugins and saves each process a second of imports.
    """
    chosen = any(arg in ("-n", "--numprocesses", "no:xdist") or arg.startswith(("-n", "--numprocesses=", "--dist"))
                 for arg in rest)
    parallel = [] if chosen else ["-n", "auto"]
    return [str(python), "-m", "pytest", "--nbval", "-p", "suite_startup", *parallel, *rest]


def test_environment() -> dict[str, str]:
    """The environment of ``python tasks.py test``: this one, except that Python may write bytecode caches.

    With ``PYTHONDONTWRITEBYTECODE`` set (usual in containers), every pytest worker rewrites the
    asserts of every test module again and every kernel compiles the package again, on every
    run: about 5 s of CPU per worker.  The caches go to ``__pycache__/`` folders, which git ignores.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = setup()
    if command == "setup":
        return 0
    if command == "lab":
        if _is_root():
            print("Running as root (as in a container): starting JupyterLab with --allow-root.", flush=True)
        lab, env = lab_command(python, rest)
        try:
            return subprocess.call(lab, cwd=ROOT, env=env)
        except KeyboardInterrupt:  # Ctrl-C stops the server; no traceback for that
            return 0
    return subprocess.call(test_command(python, rest), cwd=ROOT, env=test_environment())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
