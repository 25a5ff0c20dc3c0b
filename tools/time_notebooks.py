"""Time each guided notebook against a bare kernel that only imports pandas and matplotlib.

    python tools/time_notebooks.py            # all guided notebooks, best of 3 runs
    python tools/time_notebooks.py --runs 5

Each run starts a fresh kernel and executes the notebook top to bottom with nbclient
(outputs are not saved). The baseline is a one-cell notebook with
``import pandas as pd; import matplotlib.pyplot as plt``. The goal for the course is that
every notebook takes at most about twice the baseline.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import nbformat
from medialit.kernel import notebook_client

ROOT = Path(__file__).resolve().parent.parent


def run_once(notebook, folder: Path) -> float:
    notebook = copy.deepcopy(notebook)
    started = time.perf_counter()
    notebook_client(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return time.perf_counter() - started


def best_of(notebook, folder: Path, runs: int) -> float:
    return min(run_once(notebook, folder) for _ in range(runs))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    folder = ROOT / "notebooks"
    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import pandas as pd\nimport matplotlib.pyplot as plt")])
    baseline = best_of(bare, folder, args.runs)
    print(f"{'notebook':40s} {'seconds':>8s} {'x bare':>7s}")
    print(f"{'(bare kernel: pandas + matplotlib)':40s} {baseline:8.2f} {1:7.2f}")
    worst = 0.0
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        seconds = best_of(nbformat.read(path, as_version=4), folder, args.runs)
        worst = max(worst, seconds / baseline)
        print(f"{path.name:40s} {seconds:8.2f} {seconds / baseline:7.2f}")
    print(f"slowest notebook: {worst:.2f} x the bare kernel")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
