"""Enough practice: the decision counts and judgement-task shares of tools/count_decisions.py meet the issue's bar."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat
import pytest

import medialit as ml

ROOT = Path(__file__).resolve().parent.parent


def _tool():
    spec = importlib.util.spec_from_file_location("count_decisions", ROOT / "tools" / "count_decisions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
ROWS = {row["exercise"]: row for row in TOOL.table()}
PRACTISED = [name for name in ROWS if 2 <= int(name[:2]) <= 8]


def test_at_least_150_labelling_decisions_across_exercises_02_to_07():
    total = sum(ROWS[name]["decisions"] for name in PRACTISED)
    assert total >= TOOL.MIN_DECISIONS, f"only {total} decisions"


@pytest.mark.parametrize("name", PRACTISED)
def test_every_exercise_has_a_passage_and_at_least_half_judgement_tasks(name):
    row = ROWS[name]
    assert row["passages"] >= 1 or name.startswith("08"), f"{name} has no practice passage"
    assert row["share"] >= TOOL.MIN_JUDGEMENT_SHARE, f"{name}: {row['judgement']} of {row['tasks']} tasks"


@pytest.mark.parametrize("name", PRACTISED)
def test_the_practice_passage_is_the_first_judgement_task(name):
    tasks = ml.checks.exercise(name).tasks
    judged = [t for t in tasks if TOOL.is_judgement(t)]
    if ROWS[name]["passages"]:
        assert judged[0].kind == "practice_labels" and judged[0].number == 1


def test_the_counter_counts_what_it_says():
    """A practice labels task counts one decision per sentence asked; a pandas task none."""
    from medialit.exercises.practice_tasks import decisions

    tasks = ml.checks.exercise("02_attribution").tasks
    first = tasks[0]
    assert decisions(first) == len(ml.practice.passage("02-a").items())
    assert all(decisions(t) == 0 for t in tasks if t.kind in ("compute", "chart", "find"))
    assert not TOOL.is_judgement(next(t for t in tasks if t.kind == "compute"))


def test_every_body_paragraph_and_piece_is_practised():
    paragraphs, covered = TOOL.coverage()
    assert covered == paragraphs


@pytest.mark.parametrize("name", sorted({p.exercise for p in ml.practice.PASSAGES.values()}))
def test_student_notebooks_show_no_practice_label(name):
    """The generated student notebook blanks every label of the practice answer cells."""
    student = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    practice = [c for c in student.cells if "practice" in c.metadata.get("tags", [])]
    assert practice
    for cell in practice:
        if "answer" in cell.metadata.get("tags", []):
            code = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith("#"))
            assert not re.search(r'"(fact|attributed|advocacy)"', code), code
            assert not re.search(r'"(named_official|named_expert|named_other|anonymous|unnamed|document)"', code), code
            assert not re.search(r"\b(True|False)\b", code), code
            assert not re.search(r'\[\s*"', code), code  # no list of ids given away


@pytest.mark.parametrize("name", sorted(ROWS))
def test_at_least_half_of_every_exercises_tasks_are_judgement_tasks(name):
    """Every exercise, the orientation (01) and lateral-reading (09) ones included (issue 11 §2)."""
    row = ROWS[name]
    assert row["share"] >= TOOL.MIN_JUDGEMENT_SHARE, f"{name}: {row['judgement']} of {row['tasks']} tasks"
