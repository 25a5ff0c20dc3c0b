"""Student notebooks never send a student to a teacher's key (exercise 09 once did)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
STUDENT = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
KEYS = re.compile(r"lateral_reading_key|answer-keys|_key\.md", re.IGNORECASE)


@pytest.mark.parametrize("path", STUDENT, ids=lambda p: p.name)
def test_a_student_notebook_names_no_teacher_key(path):
    notebook = nbformat.read(path, as_version=4)
    found = [c.source[:80] for c in notebook.cells if KEYS.search(c.source)]
    assert found == [], f"{path.name} points students at a key: {found}"


def test_there_are_student_notebooks_to_check():
    assert len(STUDENT) >= 9
