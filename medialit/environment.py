"""Tell a student, in plain words, whether their setup has what the notebooks need.

Notebook 00 calls :func:`environment_check` first, so that a missing package shows up as a
sentence with a fix, not as a traceback three notebooks later.

>>> environment_check(quiet=True)
[]
"""

from __future__ import annotations

import sys
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

__all__ = ["REQUIRED", "environment_check"]

#: Import name, distribution name, and the oldest version the notebooks were checked with.
REQUIRED = (
    ("pandas", "pandas", (2, 2)),
    ("matplotlib", "matplotlib", (3, 8)),
    ("blingfire", "blingfire", (0, 1)),
    ("IPython", "ipython", (8, 0)),
)
MIN_PYTHON = (3, 11)
FIX = "Fix: in a terminal in the project folder run  python tasks.py lab  (or ask your teacher)."


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits or 0))
    return tuple(parts)


def environment_check(*, quiet: bool = False) -> list[str]:
    """Check Python and the packages; print a plain-language verdict; return the problems.

    Returns an empty list when everything is in place.
    """
    problems = []
    if sys.version_info[:2] < MIN_PYTHON:
        problems.append(f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer is needed; "
                        f"this is Python {sys.version_info.major}.{sys.version_info.minor}.")
    for module, distribution, oldest in REQUIRED:
        try:
            import_module(module)
            found = version(distribution)
        except (ImportError, PackageNotFoundError):
            problems.append(f"The package '{distribution}' is not installed.")
            continue
        if _version_tuple(found) < oldest:
            problems.append(f"The package '{distribution}' is too old ({found}); "
                            f"version {'.'.join(map(str, oldest))} or newer is needed.")
    if not quiet:
        if problems:
            print("✗ Your setup is missing something:")
            for problem in problems:
                print("  - " + problem)
            print(FIX)
        else:
            print("✓ Your setup has everything these notebooks need. You are ready to start.")
    return problems
