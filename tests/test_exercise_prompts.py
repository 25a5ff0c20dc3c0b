"""Task prompts show the items their check asks about (found by a walk-through in a real browser).

Exercise 02's "Who owns the claim?" printed six sentences that notebook 02 had already shown with
their labels, while its check asked about six others: a student who labelled what was printed was
told "these sentence ids were not asked for".  Every prompt cell that prints sentences in a loop
(``for sent_id in [...]``) must print exactly the ids that the next check cell grades.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import medialit as ml

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


def _prompted_tasks(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] != "code" or not source.startswith("for sent_id in ["):
            continue
        ids = re.findall(r'"([a-z-]+-\d{3})"', source.split("]:")[0])
        task = next(m.group(1) for c in cells[i + 1:]
                    if (m := re.match(r"check\.(task_\d+)\(", "".join(c["source"]))))
        yield task, ids


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_printed_sentences_are_the_ones_the_check_asks_about(path):
    check = ml.checks.exercise(path.stem)
    for task, ids in _prompted_tasks(path):
        assert ids, f"{path.name} {task}: no sentence ids in the prompt cell"
        # any value per id: a wrong value is graded, an id the check does not ask about is refused
        try:
            getattr(check, task)({sent_id: "fact" for sent_id in ids})
        except Exception as problem:  # CheckNotPassed for a wrong answer is fine
            # (tasks keyed by phrase, like 04's hedges, say "phrases were not asked for": not this test's)
            assert "sentence ids were not asked for" not in str(problem), f"{path.name} {task}: {problem}"
            assert "sentence ids still missing" not in str(problem), f"{path.name} {task}: {problem}"


def test_cue_source_feedback_reads_as_one_sentence():
    """Exercise 02's cue/source task: '1 of 3 parts is right', and no '?.' at the end."""
    check = ml.checks.exercise("02_attribution")
    task = next(t for t in check.tasks if "cue, source and source type" in t.title)
    result = task.grade({"cue": "said", "source": "India", "source_type": "named_official"})
    text = str(result)
    assert "1 of 3 parts is right" in text, text
    assert "?." not in text, text


def test_lesson_04_try_it_shows_no_practice_sentence_of_later_exercises():
    """Notebook 04's 'Try it' for the kinds of advocacy renders sentences with their labels.

    It used to suggest tit-for-tat's predictions, which showed three sentences of exercise 04's
    passage 04-b with [ADV] before the student was asked to label them.
    """
    import nbformat

    notebook = nbformat.read(ROOT / "notebooks" / "04_advocacy_loaded_language.ipynb", as_version=4)
    try_it = next(c.source for c in notebook.cells
                  if c.cell_type == "markdown" and 'change `"militancy-bases"` to' in c.source)
    piece, kind = re.search(r'to `"([a-z-]+)"` and `"prescription"` to `"([a-z]+)"`', try_it).groups()
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type == "code" and ("kinds = pd.DataFrame" in cell.source or cell.source.startswith(("import", "sentences ="))):
            exec(cell.source, namespace)
    advocacy, kinds = namespace["advocacy"], namespace["kinds"]
    shown = set(advocacy[(advocacy.article_id == piece) & kinds[kind]].sent_id)
    assert shown, f"the Try it ({piece}, {kind}) shows nothing"
    later = set()
    for name in ("04-a", "04-b", "05-a", "06-a", "07-a"):
        later |= set(ml.practice.passage(name).items())
    assert not shown & later, f"the Try it shows practice sentences with their labels: {sorted(shown & later)}"


def test_lesson_06_try_it_words_are_shared_and_show_no_later_practice_sentence():
    """Notebook 06's word search: 'Balakot' was in one piece only, and 'Kashmir' showed passage 07-a's labels."""
    import nbformat

    notebook = nbformat.read(ROOT / "notebooks" / "06_frames.ipynb", as_version=4)
    try_it = next(c.source for c in notebook.cells
                  if c.cell_type == "markdown" and 'Change `"Jaish"` to' in c.source)
    words = re.findall(r'`"([^"`]+)"`', try_it.split('Change `"Jaish"` to', 1)[1])
    assert words
    sentences = ml.load_sentences()
    later = set(ml.practice.passage("07-a").items())
    for word in words:
        found = sentences[sentences.text.str.contains(word)]
        assert found.article_id.nunique() >= 2, f"{word!r} is in {found.article_id.nunique()} piece(s)"
        assert not set(found.sent_id) & later, f"{word!r} shows practice sentences: {sorted(set(found.sent_id) & later)}"


def test_frame_feedback_has_no_stray_punctuation():
    """Exercise 06's 'frame of tit-for-tat': hints were run on as '… two sides.; causal_interpretation'."""
    check = ml.checks.exercise("06_frames")
    task = next(t for t in check.tasks if "four functions for" in t.title)
    text = str(task.grade({"problem_definition": ["tit-for-tat-064"], "causal_interpretation": ["tit-for-tat-002"],
                           "moral_evaluation": ["tit-for-tat-002", "tit-for-tat-003"],
                           "treatment_recommendation": ["tit-for-tat-016"]}))
    assert ".;" not in text and "? look" not in text, text
    assert "tit-for-tat-002, tit-for-tat-003 are page furniture" in text, text
