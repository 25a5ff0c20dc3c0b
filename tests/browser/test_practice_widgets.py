"""The click view of the labelling practice in a real JupyterLab, as a student meets it.

Only runs with ``MEDIALIT_BROWSER=1`` (see ``conftest.py``; server and browser: ``labkit.py``).
The server serves a fresh, untrusted copy of ``exercises/02_attribution.ipynb`` from the
venv that also holds ``jupyterlab_widgets`` (the widget manager extension).

In a live kernel the student runs the cells up to the first click view, clicks a label for
every sentence of the passage (some on purpose not the annotators' label), presses
**check** and reads, under the buttons, per sentence ✓ or ✗ with the rule (L1–L5), the
deciding words highlighted, and the passage's agreement and kappa — no traceback.  Then the
answers, which the view prints as a dict to paste, pasted into the typed cell and checked by the
task's check cell get the same verdict.
"""

from __future__ import annotations

import ast
import re

import nbformat
import pytest
from labkit import ROOT, cell_index, open_notebook, screenshot, type_and_run

import medialit as ml

pytestmark = pytest.mark.browser

RELATIVE = "exercises/02_attribution.ipynb"
PASSAGE = "02-a"
TRACEBACK_SIGNS = ("Traceback", "site-packages", "medialit/", 'File "', "----> ")
#: Waits for a kernel answer (the first import loads pandas and the data).
KERNEL_SECONDS = 90




def _answers() -> dict[str, str]:
    """The annotators' label for most sentences, a different one for every third."""
    sentences = ml.load_sentences().set_index("sent_id")
    items = ml.practice.passage(PASSAGE).items()
    other = {"fact": "advocacy", "attributed": "fact", "advocacy": "fact"}
    return {sent_id: (other[sentences.label[sent_id]] if i % 3 == 1 else sentences.label[sent_id])
            for i, sent_id in enumerate(items)}


def test_click_through_a_passage_then_the_typed_answer_gets_the_same_verdict(lab, browser_context):
    notebook = nbformat.read(ROOT / RELATIVE, as_version=4)
    setup = cell_index(notebook, "import medialit as ml")
    shown = cell_index(notebook, f'ml.practice.show("{PASSAGE}")')
    view = cell_index(notebook, f'ml.practice.label_view("{PASSAGE}")')
    typed = view + 1
    assert notebook.cells[typed].source.startswith("# One label per sentence") and "labels_a" in notebook.cells[typed].source
    check = cell_index(notebook, "check.task_1(")
    answers = _answers()
    expected = ml.practice.check(PASSAGE, labels=answers)
    assert 0 < expected.labels.agree < expected.labels.n, "the answers should be partly wrong on purpose"

    page = open_notebook(browser_context, lab, RELATIVE)
    page.set_default_timeout(KERNEL_SECONDS * 1000)
    try:
        cells = page.locator(".jp-Notebook .jp-Cell")
        # a cell run before the kernel is up is dropped: wait for the status bar's "Idle" first
        page.locator(".jp-StatusBar-Widget").filter(has_text=re.compile(r"\| Idle")).first.wait_for()
        for index in (setup, shown, view):
            type_and_run(page, cells.nth(index), wait=True)
        out = cells.nth(view).locator(".jp-Cell-outputArea")
        # wait for the widget's own DOM, not for text: the label buttons of the first sentence
        first = next(iter(answers))
        try:
            out.locator(f".practice-label-{first} button").first.wait_for()
        except Exception:
            screenshot(page, "practice-widgets-not-rendered.png", cells.nth(view))
            raise AssertionError(f"no click view under the cell; it shows:\n{out.inner_text()[:600]}")
        assert "If you see this line instead of buttons" not in out.inner_text()

        for sent_id, label in answers.items():
            button = out.locator(f".practice-label-{sent_id} button", has_text=re.compile(f"^{label}$"))
            button.click()
            assert "mod-active" in (button.get_attribute("class") or ""), f"{sent_id}: {label} not selected"
        screenshot(page, "practice-widgets-labelled.png", cells.nth(view))
        out.locator("button.practice-check").click()

        feedback = out.locator(".practice-feedback")
        feedback.filter(has_text="Passage:").wait_for()
        screenshot(page, "practice-widgets-feedback.png", feedback)
        text = feedback.inner_text()
        assert not [s for s in TRACEBACK_SIGNS if s in text], f"a traceback reached the student:\n{text}"
        for item in expected.sentences:
            mark = "✓" if item.agrees else "✗"
            assert re.search(rf"{item.sent_id}\s+{mark} you: {item.given}", text), f"{item.sent_id}:\n{text}"
            assert f"rule {item.rule}" in text and re.fullmatch(r"L[1-5]", item.rule)
        wrong = [s for s in expected.sentences if not s.agrees]
        assert all(f"annotators: {s.gold}" in text for s in wrong)
        # the deciding words are highlighted (a coloured span with its kind as a small tag)
        marked = sum(len(s.marks) for s in expected.sentences)
        assert marked and feedback.locator("sup").count() >= marked
        summary = expected.labels.sentences()[0]
        assert summary.split(".")[0] in text and f"kappa {expected.labels.kappa:.2f}" in text
        assert "annotator passes' kappa" in text

        # the clicks as a dict to paste into the typed cell (the class check reads typed answers)
        pasted = re.search(r"\{\n.*?\n\}", text, re.S)
        assert pasted and ast.literal_eval(pasted.group(0)) == answers, f"no answers to paste:\n{text[-800:]}"

        # the typed dict, pasted and checked by the task's check cell: the same verdict
        typed_text = "labels_a = " + pasted.group(0)
        type_and_run(page, cells.nth(typed), typed_text, wait=True)
        type_and_run(page, cells.nth(check), wait=True)
        verdict = cells.nth(check).locator(".jp-Cell-outputArea")
        verdict.locator(".jp-OutputArea-output").filter(has_text="Task 1").first.wait_for()
        screenshot(page, "practice-typed-verdict.png", cells.nth(check))
        typed_out = verdict.inner_text()
        assert not [s for s in TRACEBACK_SIGNS if s in typed_out], typed_out
        assert summary in typed_out, f"the typed answer got another summary:\n{typed_out}"
        for item in expected.sentences:
            mark = "✓" if item.agrees else "✗"
            assert re.search(rf"{item.sent_id}\s+{mark} you: {item.given}", typed_out), item.sent_id
    finally:
        page.close()
