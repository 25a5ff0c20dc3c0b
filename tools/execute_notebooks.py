"""Execute notebooks top to bottom in a fresh kernel and store their outputs.

    python tools/execute_notebooks.py notebooks/*.ipynb exercises/solutions/*.ipynb

Each notebook runs with its own folder as the working directory, so what is stored is
exactly what a student sees after "Restart kernel and run all cells"; strict nbval then
checks that stored outputs still match. Prints the time each notebook took.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from medialit.kernel import notebook_client


def execute(path: Path, timeout: int = 300) -> float:
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    notebook_client(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - started
    # Keep stored notebooks free of machine-specific metadata.
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    return elapsed


def main(paths: list[str]) -> int:
    for name in paths:
        seconds = execute(Path(name))
        print(f"{name}: {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
