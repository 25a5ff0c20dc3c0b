"""Set up and run the notebook set with one command.

    python tasks.py lab     # create .venv if missing, install, open JupyterLab on notebook 00
    python tasks.py test    # create .venv if missing, install, run the whole test suite

Works on Linux, macOS and Windows with only Python 3.11+ and git.  Extra
arguments after ``test`` go to pytest, e.g. ``python tasks.py test -k corpus``.
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


def _venv_python() -> Path:
    sub = "Scripts/python.exe" if os.name == "nt" else "bin/python"
    return VENV / sub


def _requirements_hash() -> str:
    digest = hashlib.sha256(REQUIREMENTS.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()


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
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True, cwd=ROOT)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS.name], check=True, cwd=ROOT)
        STAMP.write_text(wanted)
    return python


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"lab", "test", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = setup()
    if command == "setup":
        return 0
    if command == "lab":
        return subprocess.call([python, "-m", "jupyter", "lab", FIRST_NOTEBOOK, *rest], cwd=ROOT)
    return subprocess.call([python, "-m", "pytest", "--nbval", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
