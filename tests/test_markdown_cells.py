"""Markdown cells render as they were meant: no heading or list turned into a code block.

A markdown line indented four spaces (outside a fence and not inside a list) is an
*indented code block* in JupyterLab: a title ``    # Exercise 02`` then shows as grey
monospace text with the ``#`` visible.  Every markdown cell of every notebook in the
repository (lessons, exercises, solutions) is parsed the way a CommonMark renderer does
(mistune, the parser nbconvert uses), and an indented code block whose lines look like a
heading or a list item is reported with its notebook and cell.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import mistune
import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Lines that are a heading or a list item once their indentation is gone.
MEANT_AS_STRUCTURE = re.compile(r"^(#{1,6}\s+\S|[-*+]\s+\S|\d{1,3}[.)]\s+\S)")
_PARSE = mistune.create_markdown(renderer=None)


def _notebooks() -> list[str]:
    """Every notebook git tracks (lessons, exercises, solutions, class fixtures, anything new)."""
    listed = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode == 0 and listed.stdout.strip():
        names = listed.stdout.split()
    else:  # not a git checkout (an unpacked archive): the folders students use
        names = [p.relative_to(ROOT).as_posix() for folder in ("notebooks", "exercises")
                 for p in (ROOT / folder).rglob("*.ipynb")]
    # tests/ too: the class fixtures stand for notebooks students hand in; only the fixture that
    # is deliberately not a notebook (dee_corrupt) is left out
    return sorted(n for n in names if ".ipynb_checkpoints" not in n and not n.endswith("dee_corrupt.ipynb"))


def _blocks(tokens):
    for token in tokens:
        yield token
        yield from _blocks(token.get("children") or [])


def code_blocks_meant_as_structure(markdown: str) -> list[str]:
    """Indented code blocks in ``markdown`` that hold a heading or a list item.

    >>> code_blocks_meant_as_structure("    # Exercise 02 · Who says so?\\n\\n    - Task 1")
    ['# Exercise 02 · Who says so?\\n\\n- Task 1']
    >>> code_blocks_meant_as_structure("# Exercise 02\\n\\n- one\\n\\n    - nested, fine")
    []
    >>> code_blocks_meant_as_structure("```\\n    # inside a fence, fine\\n```")
    []
    >>> code_blocks_meant_as_structure("Code to copy:\\n\\n    ml.reader.show('x')")
    []
    """
    found = []
    for block in _blocks(_PARSE(markdown)):
        if block["type"] == "block_code" and block.get("style") == "indent":
            if any(MEANT_AS_STRUCTURE.match(line.strip()) for line in block["raw"].splitlines()):
                found.append(block["raw"].rstrip("\n"))
    return found


NOTEBOOKS = _notebooks()


@pytest.mark.parametrize("relative", NOTEBOOKS)
def test_no_heading_or_list_renders_as_a_code_block(relative):
    notebook = nbformat.read(ROOT / relative, as_version=4)
    problems = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            for block in code_blocks_meant_as_structure(cell.source):
                first = block.splitlines()[0]
                problems.append(f"cell {index}: {first!r} is indented 4 spaces, so it shows as code")
    assert not problems, "\n".join(problems)
