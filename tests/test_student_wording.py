"""Wording a student working alone relies on (found by a walk-through in a real browser)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = sorted((ROOT / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb"))


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_intro_does_not_promise_what_passage_checks_break(path):
    """A passage check shows the annotators' labels after a full try; the intro must not say a check never does."""
    cells = _cells(path)
    intro = "".join(cells[0]["source"])
    has_passage = any("ml.practice.show(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "A check never gives the answer away" not in intro
    if has_passage and "How the checks work" in intro:
        assert "annotators' label" in intro, f"{path.name}: say that passage checks show the annotators' labels"


def test_start_here_speaks_to_a_student_without_a_teacher():
    text = "".join("".join(c["source"]) for c in _cells(ROOT / "notebooks" / "00_start_here.ipynb"))
    assert "learn on your own" in text


def test_your_own_article_admits_the_summary_counted_machine_labels():
    """Notebook 08 prints the machine's label counts before 'label it yourself'; the text must not deny it."""
    text = "".join("".join(c["source"]) for c in _cells(ROOT / "notebooks" / "08_your_own_article.ipynb"))
    assert "Before you see a single machine label" not in text
    assert "do not try to match those counts" in text


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.stem)
def test_intro_says_run_all_stops_at_the_first_check_not_yet_right(path):
    """Restart & Run All stops at Task 1's ✗ (the check raises); a student alone must know the rest is not broken."""
    intro = "".join(_cells(path)[0]["source"])
    assert "Run All stops at the first ✗" in intro and "Shift+Enter" in intro


def test_exercise_06_function_task_admits_lesson_06_cites_its_sentences():
    """Notebook 06's side-by-side tables cite balakot-001/-009/-012/-040 under their functions; the task must not imply they are unseen."""
    cells = _cells(ROOT / "exercises" / "solutions" / "06_frames.ipynb")
    prompt = next("".join(c["source"]) for c in cells
                  if c["cell_type"] == "markdown" and "Which function?" in "".join(c["source"]))
    assert "Notebook 06's side-by-side tables cite these sentences" in prompt


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("0[1-8]_*.ipynb")), ids=lambda p: p.stem)
def test_lesson_tables_show_whole_texts(path):
    """Notebook 01's furniture, bio and probable_date tables cut texts to '…' (pandas' max_colwidth), the very
    texts its Try it asks students to read. Lessons 01-08 set display.max_colwidth; no stored table cell is cut."""
    for cell in _cells(path):
        for output in cell.get("outputs", []):
            html = "".join(output.get("data", {}).get("text/html", ""))
            assert "...</td>" not in html, f"{path.name}: a table cell is cut short:\n{''.join(cell['source'])[:200]}"
