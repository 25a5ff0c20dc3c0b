"""Time `medialit check-class` on a class of N notebooks (default 40) and report the machine's load.

    .venv/bin/python tools/time_class_check.py [N] [--jobs J]

The class is made of copies of the three finished fixture notebooks in tests/fixtures/class
(all right, partly wrong, blank), renamed student_01.ipynb …; it runs the real command line in a
subprocess and prints the wall-clock time, the load average before and after, and the CPU count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "class"
KINDS = ("ada_correct.ipynb", "ben_partly_wrong.ipynb", "cai_blank.ipynb")


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv and argv[0].isdigit() else 40
    extra = [a for a in argv if not a.isdigit()]
    with tempfile.TemporaryDirectory(prefix="medialit-timing-") as folder:
        hand_ins = Path(folder) / "hand-ins"
        hand_ins.mkdir()
        for index in range(count):
            shutil.copy(FIXTURES / KINDS[index % len(KINDS)], hand_ins / f"student_{index + 1:02d}.ipynb")
        command = [str(Path(sys.executable).parent / "medialit"), "check-class", str(hand_ins), "--exercise", "01",
                   "--out", str(Path(folder) / "report.csv"), *extra]
        load_before = os.getloadavg()
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        load_after = os.getloadavg()
        lines = run.stdout.strip().splitlines()
        print("\n".join(lines[-12:]))
        rows = (Path(folder) / "report.csv").read_text(encoding="utf-8").strip().splitlines()[1:]
        print(f"\n{count} notebooks, {len(rows)} report rows, exit {run.returncode}: {elapsed:.1f} s wall clock "
              f"on {os.cpu_count()} CPUs; load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
              "(1-minute)")
        if run.returncode:
            print(run.stderr[-2000:])
    return run.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
