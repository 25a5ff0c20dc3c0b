"""Exercise notebooks in a real JupyterLab, as a student meets them.

Only runs with ``MEDIALIT_BROWSER=1`` (see ``conftest.py``; server and browser: ``labkit.py``).

- Every exercise notebook opens with its title drawn as a heading (not a grey code block),
  and every "Task N" heading is drawn as a heading.
- In a live kernel, a student answers a task wrongly and then rightly, typing into the
  answer cell and running it with Shift+Enter: the check cell first shows the short ✗
  feedback (the task and what to look at, no traceback through the package), then ✓.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from labkit import EXERCISES, ROOT, cell_index, open_notebook, screenshot, type_and_run

pytestmark = pytest.mark.browser

#: What would show that a red stack trace, not feedback, reached the student.
TRACEBACK_SIGNS = ("Traceback", "CheckNotPassed", "site-packages", "medialit/", 'File "', "----> ")


def test_every_exercise_is_checked():
    assert len(EXERCISES) >= 7 and all(Path(r).parent.name == "exercises" for r in EXERCISES)


@pytest.mark.parametrize("relative", EXERCISES, ids=lambda r: Path(r).stem)
def test_exercise_title_and_task_headings_render_as_headings(lab, browser_context, relative):
    notebook = nbformat.read(ROOT / relative, as_version=4)
    title = notebook.cells[0].source.splitlines()[0].lstrip("# ").strip()
    tasks = [line[3:].strip() for cell in notebook.cells if cell.cell_type == "markdown"
             for line in cell.source.splitlines() if line.startswith("## Task")]
    page = open_notebook(browser_context, lab, relative)
    try:
        first = page.locator(".jp-Notebook .jp-Cell").first
        first.locator(".jp-RenderedMarkdown").first.wait_for()  # markdown is drawn after the cells appear
        page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").nth(len(tasks)).wait_for(state="attached")
        screenshot(page, f"exercise-{Path(relative).stem}-top.png")
        headings = first.locator(".jp-RenderedMarkdown h1")
        assert headings.count() == 1, f"the first cell shows no title heading:\n{first.inner_text()[:500]}"
        assert headings.first.inner_text().strip().rstrip("¶").strip() == title
        assert first.locator(".jp-RenderedMarkdown pre").count() == 0, "the first cell shows a code block"
        shown = [h.strip().rstrip("¶").strip() for h in page.locator(".jp-RenderedMarkdown h2").all_inner_texts()]
        assert [h for h in shown if h.startswith("Task")] == tasks
        code_blocks = page.locator(".jp-MarkdownCell .jp-RenderedMarkdown pre").all_inner_texts()
        looks_like_structure = [b for b in code_blocks if re.match(r"\s*(#{1,6} |[-*+] |\d+\. )", b)]
        assert not looks_like_structure, f"headings or lists drawn as code: {looks_like_structure}"
    finally:
        page.close()




def test_a_wrong_then_a_right_answer_shows_feedback_not_a_traceback(lab, browser_context):
    relative = "exercises/01_meet_the_pieces.ipynb"
    notebook = nbformat.read(ROOT / relative, as_version=4)
    # tasks are found by the variable they check, not by number (exercises get renumbered)
    check_source = next(c.source for c in notebook.cells
                        if c.cell_type == "code" and re.fullmatch(r"check\.task_\d+\(body_counts\)", c.source.strip()))
    task = "Task " + re.search(r"task_(\d+)", check_source).group(1)
    setup, answer, check = (cell_index(notebook, s) for s in
                            ("import medialit as ml", "body_counts = ...", check_source))
    page = open_notebook(browser_context, lab, relative)
    try:
        cells = page.locator(".jp-Notebook .jp-Cell")
        type_and_run(page, cells.nth(setup))
        # the kernel started and ran the import cell: its prompt shows a number
        cells.nth(setup).locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[1\]")).wait_for()

        type_and_run(page, cells.nth(answer), "body_counts = {article: 1 for article in ml.article_ids()}")
        type_and_run(page, cells.nth(check))
        wrong = cells.nth(check).locator(".jp-OutputArea-output").filter(has_text=task)
        wrong.first.wait_for()
        screenshot(page, "exercise-01-task-2-wrong.png", cells.nth(check))
        text = cells.nth(check).locator(".jp-OutputArea").inner_text()
        assert f"✗ {task}" in text, text
        assert not [s for s in TRACEBACK_SIGNS if s in text], f"a traceback reached the student:\n{text}"
        assert len(text.strip().splitlines()) <= 8, f"feedback should be short:\n{text}"

        lesson_answer = 'body = sentences[sentences.role == "body"]\nbody_counts = body.groupby("article_id").size()'
        type_and_run(page, cells.nth(answer), lesson_answer)
        type_and_run(page, cells.nth(check))
        cells.nth(check).locator(".jp-OutputArea-output").filter(has_text=f"✓ {task}").first.wait_for()
        screenshot(page, "exercise-01-task-2-right.png", cells.nth(check))
        text = cells.nth(check).locator(".jp-OutputArea").inner_text()
        assert "✗" not in text and not [s for s in TRACEBACK_SIGNS if s in text], text
    finally:
        page.close()
