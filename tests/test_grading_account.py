"""The teacher guide's recipe for real isolation, run as printed: a separate grading account.

Only where the tests run as root on a POSIX system with ``useradd`` (a container, a CI runner):
the test makes a throw-away system account exactly as the guide's first command does, runs
``medialit check-class … --run-as ACCOUNT --jobs 1`` from the command line, and deletes the
account again.  A student notebook tries to read a file only the teacher can read (mode 600 in a
mode-700 folder standing for the teacher's home), a classmate's hand-in by its full path, and to
list the class folder (mode 700, as the guide says).  Its task 3 answer turns wrong if any of
that works, so the report shows ``passed`` only if every attempt failed.  The same class checked
without ``--run-as`` is the control: there the probe reads the files, and task 3 is not passed,
so the test can fail.
"""

from __future__ import annotations

import csv
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
ADA = nbformat.read(ROOT / "tests" / "fixtures" / "class" / "ada_correct.ipynb", as_version=4)
CORRECT = [c.source for c in ADA.cells if c.cell_type == "code"]
# the probed task is named by the variable it checks, not by number (exercise 01 gets renumbered)
PROBED = next(re.fullmatch(r"check\.task_(\d+)\(most_meta\)", c.strip()).group(1) for c in CORRECT
              if re.fullmatch(r"check\.task_\d+\(most_meta\)", c.strip()))
TASKS = sorted({int(n) for c in CORRECT for n in re.findall(r"check\.task_(\d+)\(", c)})

pytestmark = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or shutil.which("useradd") is None or shutil.which("userdel") is None,
    reason="needs root and useradd/userdel to make a grading account")


@pytest.fixture
def grading_account():
    """A system account made as the guide's recipe makes it, deleted afterwards."""
    name = f"mlgrade-{secrets.token_hex(3)}"
    made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"useradd failed: {made.stderr.strip()}")
    try:
        yield name
    finally:
        subprocess.run(["userdel", name], capture_output=True)


def _prober(secret: Path, hand_ins: Path, classmate: Path) -> list[str]:
    """Exercise 01 answered right, except that the most_meta task turns wrong if the notebook can read what it must not."""
    at = next(i for i, c in enumerate(CORRECT) if c.strip() == f"check.task_{PROBED}(most_meta)")
    probe = (
        "import os\nleaks = []\n"
        f"for path in [{str(secret)!r}, {str(classmate)!r}]:\n"
        "    try:\n        open(path, 'rb').read(); leaks.append(path)\n    except OSError:\n        pass\n"
        f"for folder in [{str(hand_ins)!r}, {str(secret.parent)!r}]:\n"
        "    try:\n        os.listdir(folder); leaks.append(folder)\n    except OSError:\n        pass\n"
        "if leaks:\n    most_meta = 'balakot' if most_meta != 'balakot' else 'tit-for-tat'\n"
        "print('leaks:', leaks)")
    return [*CORRECT[:at], probe, *CORRECT[at:]]


def _check_class(cwd: Path, out: str, *extra: str) -> dict[str, dict[str, str]]:
    medialit = Path(sys.executable).with_name("medialit")
    run = subprocess.run([str(medialit), "check-class", "hand-ins/", "--exercise", "01_meet_the_pieces",
                          "--out", out, *extra], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert run.returncode in (0, 1), run.stdout[-2000:] + run.stderr[-2000:]
    with open(cwd / out, newline="", encoding="utf-8") as f:
        return {row["student"]: row for row in csv.DictReader(f)}


def test_a_notebook_run_as_the_grading_account_cannot_read_what_only_the_teacher_can(tmp_path, grading_account):
    os.chmod(tmp_path, 0o755)                  # the checker's own folder; the account reads nothing in it
    home = tmp_path / "teacher-home"           # stands for the teacher's private home folder
    home.mkdir(mode=0o700)
    secret = home / "marks.txt"
    secret.write_text("only the teacher may read this\n", encoding="utf-8")
    os.chmod(secret, 0o600)
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    os.chmod(hand_ins, 0o700)                  # the guide's `chmod 700 hand-ins`
    classmate = hand_ins / "a_classmate.ipynb"
    for path, cells in [(classmate, CORRECT), (hand_ins / "b_prober.ipynb", _prober(secret, hand_ins, classmate))]:
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), path)

    control = _check_class(tmp_path, "control.csv", "--jobs", "1")
    assert control["a_classmate.ipynb"][f"task_{PROBED}"] == "passed"
    assert control["b_prober.ipynb"][f"task_{PROBED}"] == "not yet", "as the teacher, the probe should read the files"

    report = _check_class(tmp_path, "report.csv", "--run-as", grading_account, "--jobs", "1")
    for student in ("a_classmate.ipynb", "b_prober.ipynb"):
        row = report[student]
        assert row["status"] == "ok", row
        assert {row[f"task_{n}"] for n in TASKS} == {"passed"}, row
    assert secret.read_text(encoding="utf-8") == "only the teacher may read this\n"
