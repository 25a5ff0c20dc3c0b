"""How an exercise notebook is laid out: cell tags, the cell that asks for the checks, the check calls.

A solution notebook in ``exercises/solutions/`` has one cell that calls
``check = ml.checks.exercise("02_attribution")``; each task has a cell tagged
``answer`` followed by a cell tagged ``check`` that calls ``check.task_N(variable)``;
cells tagged ``teacher`` are dropped from the student version.

>>> import nbformat
>>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('check = ml.checks.exercise("02_attribution")')])
>>> exercise_name_of(nb)
'02_attribution'
>>> [(m.group(1), m.group(2)) for m in CHECK_CALL.finditer("check.task_3(ids)")]
[('3', 'ids')]
"""

from __future__ import annotations

import ast
import json
import re

__all__ = ["ANSWER_TAG", "CHECK_TAG", "TEACHER_TAG", "CHECK_CALL", "EXERCISE_CALL", "tags", "exercise_name_of", "code_sources",
           "find_check_calls"]

ANSWER_TAG, CHECK_TAG, TEACHER_TAG = "answer", "check", "teacher"
#: ``check.task_N(variable)``: group 1 is the task number, group 2 the variable.
CHECK_CALL = re.compile(r"\bcheck\.task_(\d+)\(\s*([A-Za-z_]\w*)\s*\)")
#: ``checks.exercise("name")``: group 1 is the exercise name.
EXERCISE_CALL = re.compile(r"""checks\.exercise\(\s*["']([^"']+)["']\s*\)""")
_TASK_ATTRIBUTE = re.compile(r"^task_?(\d+)$")


def tags(cell) -> set[str]:
    """The tags of a notebook cell."""
    return set(cell.get("metadata", {}).get("tags", []))


def exercise_name_of(notebook) -> str | None:
    """The exercise a notebook asks checks for (``ml.checks.exercise("…")``), or None."""
    for cell in notebook.cells:
        if cell.cell_type == "code":
            match = EXERCISE_CALL.search(cell.source)
            if match:
                return match.group(1)
    return None


def _parsable(source: str) -> str:
    """IPython lines (``%magic``, ``!shell``) blanked out so the rest can be parsed as Python."""
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())


def find_check_calls(source: str) -> list[tuple[int, str]]:
    """``(task number, argument expression)`` of every ``….task_N(one argument)`` call in a cell.

    >>> find_check_calls("check.task_3(ids)\\nprint(1)")
    [(3, 'ids')]
    >>> find_check_calls('%matplotlib inline\\ncheck.task_1({"a": 1})')
    [(1, '{"a": 1}')]
    """
    text = _parsable(source)
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return [(int(n), arg) for n, arg in CHECK_CALL.findall(source)]
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and len(node.args) == 1 \
                and not node.keywords and not isinstance(node.args[0], ast.Starred):
            match = _TASK_ATTRIBUTE.match(node.func.attr)
            segment = ast.get_source_segment(text, node.args[0])
            if match and segment:
                calls.append((node.lineno, node.col_offset, int(match.group(1)), segment))
    return [(number, segment) for _, _, number, segment in sorted(calls)]


def code_sources(content: bytes | str) -> tuple[list[str] | None, str]:
    """A notebook's code cells, or None and a status saying why it cannot be read.

    Read as plain JSON (nbformat 4: a list of cells with ``cell_type`` and
    ``source``), not through nbformat, whose validator takes a second to import;
    ``content`` is the file's bytes, or already a status.

    >>> code_sources(b'{"cells": [{"cell_type": "code", "source": ["a = 1", "; b = 2"]}]}')
    (['a = 1; b = 2'], 'ok')
    >>> code_sources(b"not json")
    (None, 'unreadable: not a valid notebook (not JSON)')
    """
    if isinstance(content, str):
        return None, content
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None, "unreadable: not a valid notebook (not JSON)"
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        return None, "unreadable: not a valid notebook (no list of cells)"
    sources = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            if isinstance(source, list) and all(isinstance(part, str) for part in source):
                source = "".join(source)
            if not isinstance(source, str):
                return None, "unreadable: not a valid notebook (a cell's source is not text)"
            sources.append(source)
    return sources, "ok"
