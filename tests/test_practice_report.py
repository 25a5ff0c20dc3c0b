"""The class report's labelling figures read each passage's own gold: the five pieces' for
exercises 02-07, the transfer texts' for exercise 08 (a student who labelled a transfer text
was once reported as having labelled nothing)."""

from __future__ import annotations

import medialit as ml
from medialit.exercises import practice_report
from medialit.exercises.report import StudentResult


def _gold_answers(name: str) -> tuple[dict, dict]:
    tasks = practice_report._label_tasks(name)
    gold = practice_report.passage_sentences(tasks).set_index("sent_id").label
    answers = {number: {i: gold[i] for i in chosen.items()} for number, chosen in tasks.items()}
    return tasks, answers


def test_transfer_exercise_labels_are_counted_against_the_transfer_gold():
    tasks, answers = _gold_answers("08_transfer")
    assert tasks, "exercise 08 has practice label tasks"
    five = set(ml.load_sentences().sent_id)
    assert not set().union(*[set(a) for a in answers.values()]) & five
    result = StudentResult("ada.ipynb", "ok", answers=answers)
    figures = practice_report.class_figures([result], tasks).students.loc["ada.ipynb"]
    assert figures["answered"] == sum(len(a) for a in answers.values())
    assert figures["share"] == 1.0


def test_a_wrong_transfer_label_is_ranked_hardest_with_its_passage_and_rule():
    tasks, answers = _gold_answers("08_transfer")
    number = min(answers)
    sent_id, gold = next(iter(answers[number].items()))
    wrong = "advocacy" if gold != "advocacy" else "fact"
    answers[number][sent_id] = wrong
    results = [StudentResult("ada.ipynb", "ok", answers=answers)]
    rows = practice_report.hardest_rows(practice_report.class_figures(results, tasks), tasks)
    header, first = rows[0], dict(zip(rows[0], rows[1]))
    assert first["sent_id"] == sent_id and first["gold"] == gold and first["most common wrong label"] == wrong
    assert first["passage"] == tasks[number].passage_id and first["rule"].startswith("L") and first["sentence"]


def test_five_piece_exercises_still_use_the_five_pieces_gold():
    tasks, answers = _gold_answers("02_attribution")
    five = set(ml.load_sentences().sent_id)
    assert set().union(*[set(a) for a in answers.values()]) <= five
    figures = practice_report.class_figures([StudentResult("ben.ipynb", "ok", answers=answers)], tasks)
    assert figures.students.loc["ben.ipynb", "share"] == 1.0


def test_the_printed_hardest_sentences_are_only_ones_a_student_got_wrong():
    # a class that disagreed on one sentence must not see sentences nobody missed listed as "hardest"
    tasks, answers = _gold_answers("02_attribution")
    number = min(answers)
    sent_id, gold = next(iter(answers[number].items()))
    wrong = {**answers, number: {**answers[number], sent_id: "advocacy" if gold != "advocacy" else "fact"}}
    results = [StudentResult("ada.ipynb", "ok", answers=answers), StudentResult("ben.ipynb", "ok", answers=wrong)]
    text = practice_report.summary_text(results, tasks)
    listed = [line for line in text.splitlines() if line.startswith("  ")]
    assert listed == [next(line for line in listed if sent_id in line)] and "1 of 2 disagreed" in listed[0]
    labels = sum(len(a) for a in answers.values())
    assert f"2 of 2 students labelled practice sentences ({2 * labels} labels in all)" in text
    # the CSV still ranks every sentence answered
    rows = practice_report.hardest_rows(practice_report.class_figures(results, tasks), tasks)
    assert len(rows) == 1 + labels and rows[-1][6] == "0"


def test_a_class_that_agreed_everywhere_is_told_so():
    tasks, answers = _gold_answers("02_attribution")
    text = practice_report.summary_text([StudentResult("ada.ipynb", "ok", answers=answers)], tasks)
    assert text.splitlines()[-1] == "  none: every label the students gave agrees with the annotators."
    assert " 0 of 1 disagreed" not in text
