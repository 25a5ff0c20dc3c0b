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

import re

__all__ = ["ANSWER_TAG", "CHECK_TAG", "TEACHER_TAG", "CHECK_CALL", "EXERCISE_CALL", "tags", "exercise_name_of"]

ANSWER_TAG, CHECK_TAG, TEACHER_TAG = "answer", "check", "teacher"
#: ``check.task_N(variable)``: group 1 is the task number, group 2 the variable.
CHECK_CALL = re.compile(r"\bcheck\.task_(\d+)\(\s*([A-Za-z_]\w*)\s*\)")
#: ``checks.exercise("name")``: group 1 is the exercise name.
EXERCISE_CALL = re.compile(r"""checks\.exercise\(\s*["']([^"']+)["']\s*\)""")


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
