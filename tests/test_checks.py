"""The exercise checks: feedback machinery on a tiny fixture exercise, and every real task.

The property tests throw answers of every type at every check: the only
exception allowed out of a check is one AssertionError whose message names
the task, and a check must never report that it could not run.
"""

from __future__ import annotations

import functools
import io
import math
import re
from contextlib import redirect_stdout

import matplotlib

matplotlib.use("Agg")

import matplotlib.figure
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import medialit as ml
from medialit import checks, schema
from medialit.exercises import gold
from medialit.checks import (
    CHECK_FAILED, LABELS_READER, NOT_ANSWERED, NOT_YET, RIGHT, VERDICT_PATTERN, Exercise, Task,
    read_choice, read_ids, right, not_yet,
)

ALL_IDS = ml.load_sentences().sent_id.tolist()


def run_check(ex: Exercise, number: int, answer) -> tuple[str, str | None]:
    """Call check.task_N(answer); return (printed text, AssertionError message or None)."""
    out = io.StringIO()
    with redirect_stdout(out):
        try:
            getattr(ex, f"task_{number}")(answer)
        except AssertionError as error:
            assert type(error) is checks.CheckNotPassed, type(error)
            return out.getvalue(), str(error)
    return out.getvalue(), None


# ---------------------------------------------------------------------------
# Machinery, on a fixture exercise
# ---------------------------------------------------------------------------


def _grade_label(answer):
    return right("tit-for-tat-021 has the cue.") if read_choice(answer, LABELS_READER) == "attributed" \
        else not_yet("Reread rule L3.")


def _grade_ids(answer):
    ids = read_ids(answer, ALL_IDS, article="tit-for-tat")
    return checks.compare_ids(ids, ["tit-for-tat-033"], why="It drops the cue.",
                              hint_missing="Look for a sentence without a cue.", hint_extra="{ids} keeps its cue.")


def _buggy(answer):
    return {}["no such key"]


FIXTURE = Exercise("fixture", [
    Task(1, "label", 'a label, like "fact"', _grade_label),
    Task(2, "ids", 'a list of sentence ids, like ["balakot-007"]', _grade_ids),
    Task(3, "buggy", "anything", _buggy),
    Task(4, "returns junk", "anything", lambda answer: "not a Result"),
])


def test_right_answer_prints_confirmation_and_does_not_raise():
    printed, error = run_check(FIXTURE, 1, "attributed")
    assert error is None
    assert printed == "✓ Task 1 — right. tit-for-tat-021 has the cue.\n"


def test_wrong_answer_raises_the_feedback_and_prints_nothing_else():
    printed, error = run_check(FIXTURE, 1, "fact")
    assert error == "✗ Task 1 — not yet. Reread rule L3."
    assert printed == ""


def test_in_jupyter_a_check_that_fails_shows_its_message_not_a_stack_trace():
    """IPython shows ``_render_traceback_()`` instead of the frames (see CheckNotPassed)."""
    with pytest.raises(checks.CheckNotPassed) as caught:
        FIXTURE.task_2(["tit-for-tat-021", "tit-for-tat-022"])
    lines = caught.value._render_traceback_()
    assert lines[0].startswith("✗ Task 2 — not yet. 0 of your 2 ids are right")
    assert "\n".join(lines) == str(caught.value)
    assert not any("File " in line or "medialit" in line or "Traceback" in line for line in lines)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_placeholder_and_none_are_not_answered_yet():
    for answer in (..., None):
        _, error = run_check(FIXTURE, 2, answer)
        assert error.startswith("✗ Task 2 — not answered yet: replace the ... with a list of sentence ids")


def test_harmless_case_and_space_differences_are_forgiven_and_reported():
    printed, error = run_check(FIXTURE, 2, [" Tit-For-Tat-33 "])
    assert error is None
    assert 'I read " Tit-For-Tat-33 " as "tit-for-tat-033"' in " ".join(printed.split())


@pytest.mark.parametrize("answer, expected", [
    ("tit-for-tat-033", "you gave one string; put the ids in a list"),
    ({"tit-for-tat-033": 1}, "you gave a dict"),
    (33, "you gave a number"),
    (["tit-for-tat-33x"], "no sentence has the id"),
    (["balakot-007"], "balakot-007 is not in tit-for-tat"),
    ([], "your list is empty"),
    ([7], "every item should be a sentence id in quotes"),
])
def test_wrong_shapes_are_not_answered_yet_with_the_reason(answer, expected):
    _, error = run_check(FIXTURE, 2, answer)
    assert error.startswith("✗ Task 2 — not answered yet:")
    flat = " ".join(error.split())
    assert expected in flat
    assert "like [\"balakot-007\"]" in flat  # the expected shape is always named


def test_partly_right_list_counts_without_revealing_the_missing_id():
    _, error = run_check(FIXTURE, 2, ["tit-for-tat-021"])
    assert error.startswith("✗ Task 2 — not yet. 0 of your 1 id are right; 1 is still missing.")
    assert "tit-for-tat-033" not in error


def test_a_bug_inside_a_check_comes_out_as_feedback_naming_the_task():
    for number in (3, 4):
        _, error = run_check(FIXTURE, number, "anything")
        assert error.startswith(f"✗ Task {number} — the check could not run:")
        assert "tell your teacher" in " ".join(error.split())


def test_unknown_task_and_wrong_call_are_feedback_too():
    _, error = run_check(FIXTURE, 9, "x")
    error = " ".join(error.split())
    assert error.startswith("✗ Task 9 — not answered yet: exercise fixture has no task 9")
    out = io.StringIO()
    with redirect_stdout(out), pytest.raises(AssertionError, match=r"^✗ Task 1 — not answered yet: pass exactly one"):
        FIXTURE.task_1()
    with pytest.raises(AttributeError, match="task_1, task_2"):
        FIXTURE.check_1


def test_verdict_pattern_reads_every_message_kind():
    messages = [checks.format_message(5, r) for r in (
        right("x"), not_yet("y"), checks.not_answered("z"), checks.Result(CHECK_FAILED, "w"))]
    found = [VERDICT_PATTERN.search(m).group("verdict") for m in messages]
    assert found == [RIGHT, NOT_YET, NOT_ANSWERED, CHECK_FAILED]


def test_exercise_lookup_by_number_and_unknown_name():
    assert checks.exercise("2").name == "02_attribution"
    with pytest.raises(checks.ExerciseError, match="Known: 01_meet_the_pieces"):
        checks.exercise("attribution please")


def test_read_number_handles_numpy_and_one_cell_pandas():
    assert checks.read_number(np.float64(0.5)) == 0.5
    assert checks.read_number(pd.Series([3])) == 3.0
    with pytest.raises(checks.NotAnswered, match="division by zero"):
        checks.read_number(float("nan"))
    assert checks.read_number(75, share=True) == 0.75  # a percentage, as compare's tables give, is read as a share
    with pytest.raises(checks.NotAnswered, match="a share is between 0 and 1"):
        checks.read_number(250, share=True)


# ---------------------------------------------------------------------------
# The real exercises
# ---------------------------------------------------------------------------

EXERCISE_NAMES = checks.exercise_names()
#: Each exercise built once for the many answers thrown at it below (an Exercise holds no state;
#: building one reads the data and is what a property test's example would otherwise spend its time on).
built = functools.cache(checks.exercise)
REAL_TASKS = [(name, task.number) for name in EXERCISE_NAMES for task in checks.exercise(name).tasks]


def test_the_exercises_each_have_four_to_eight_tasks():
    from medialit.exercises.practice_tasks import PRACTICE_KINDS

    assert EXERCISE_NAMES == ["01_meet_the_pieces", "02_attribution", "03_sources_evidence",
                              "04_advocacy_loaded_language", "05_naming", "06_frames", "07_machine",
                              "08_transfer", "09_lateral_reading"]
    for name in EXERCISE_NAMES:
        numbers = checks.exercise(name).numbers
        others = [t for t in checks.exercise(name).tasks if t.kind not in PRACTICE_KINDS]
        assert 4 <= len(others) <= 10
        assert numbers == list(range(1, len(numbers) + 1))


def test_every_piece_appears_in_at_least_three_tasks():
    counts = {piece: 0 for piece in schema.ARTICLE_IDS}
    transfer = set(ml.load_transfer_texts().article_id)  # exercise 08's invented texts
    for name in EXERCISE_NAMES:
        for task in checks.exercise(name).tasks:
            allowed = set(counts) | (transfer if name.startswith("08_") else set())
            assert set(task.pieces) <= allowed, (name, task.number, task.pieces)
            for piece in set(task.pieces) & set(counts):
                counts[piece] += 1
    assert min(counts.values()) >= 3, counts


def test_every_comparison_pairs_pieces_from_different_standpoints():
    standpoint = ml.load_articles().set_index("article_id").standpoint.to_dict()
    comparisons = [(name, t) for name in EXERCISE_NAMES for t in checks.exercise(name).tasks if t.kind == "compare"]
    assert len(comparisons) >= 3
    for name, task in comparisons:
        assert len(task.pieces) >= 2, (name, task.number)
        assert len({standpoint[p] for p in task.pieces}) == len(task.pieces), (name, task.number, task.pieces)


@pytest.mark.parametrize("name, number", REAL_TASKS)
def test_untouched_placeholder_is_not_answered_yet(name, number):
    _, error = run_check(built(name), number, ...)
    error = " ".join(error.split())
    assert error.startswith(f"✗ Task {number} — not answered yet: replace the ... with ")


def test_a_label_change_in_the_data_changes_what_is_right(monkeypatch):
    """Expected answers are computed from data/, not typed into the task."""
    ex = checks.exercise("02_attribution")
    number = next(t.number for t in ex.tasks if t.kind == "dropped_attribution")
    assert run_check(ex, number, ["tit-for-tat-033"])[1] is None
    changed = ml.load_sentences()
    changed.loc[changed.sent_id == "tit-for-tat-033", "label"] = "attributed"
    monkeypatch.setattr(gold, "sentences", lambda: changed.copy())
    _, error = run_check(ex, number, ["tit-for-tat-033"])
    assert error is not None and error.startswith(f"✗ Task {number} — ")


class Hostile:
    """An answer whose every operation fails."""

    def __eq__(self, other):
        raise RuntimeError("no comparing me")

    __hash__ = object.__hash__

    def __repr__(self):
        raise RuntimeError("no printing me")

    def __len__(self):
        raise RuntimeError("no length")

    def __iter__(self):
        raise RuntimeError("no iterating")

    def __float__(self):
        raise RuntimeError("no float")


_ids = st.sampled_from(ALL_IDS)
_words = st.sampled_from([*schema.LABELS, *schema.SOURCE_TYPES, *schema.ROLES, *schema.ARTICLE_IDS,
                          *schema.FRAME_FUNCTIONS, "cue", "source", "source_type", "hedge", "booster",
                          "According to", "Mujahid", "POK", "martyred", "precision", "recall", " Fact ", ""])
_scalars = st.one_of(
    st.none(), st.just(...), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), _ids, _words, st.binary(max_size=8), st.complex_numbers(),
    st.builds(lambda x: " " + x.upper() + " ", _ids),
)
_keys = st.one_of(_ids, _words, st.text(max_size=8), st.integers())
_answers = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6), st.tuples(inner, inner), st.sets(st.one_of(_ids, _words), max_size=5),
        st.dictionaries(_keys, inner, max_size=6),
    ),
    max_leaves=12,
)
SPECIAL_KINDS = ["series", "frame", "array", "figure", "axes", "hostile", "empty_series", "long_text", "nan_series"]


def _special(kind):
    if kind == "series":
        return pd.Series({a: 0.5 for a in schema.ARTICLE_IDS})
    if kind == "frame":
        return ml.load_sentences().head(3)
    if kind == "array":
        return np.arange(5)
    if kind == "figure":
        return matplotlib.figure.Figure()
    if kind == "axes":
        return matplotlib.figure.Figure().subplots()
    if kind == "hostile":
        return Hostile()
    if kind == "empty_series":
        return pd.Series(dtype=float)
    if kind == "nan_series":
        return pd.Series({a: math.nan for a in schema.ARTICLE_IDS})
    return "word " * 200 + " ".join(ALL_IDS[:3])


def _assert_only_feedback(name, number, answer):
    printed, error = run_check(built(name), number, answer)
    message = error if error is not None else printed
    where = f"{name} task {number}: "
    assert re.match(rf"^[✓✗] Task {number} — ", message), where + message
    assert CHECK_FAILED not in message, where + message  # a bug in the check, not the answer's fault
    if error is not None:
        assert printed == "", where + printed


class Exiting(Hostile):
    """An answer whose repr, comparison, length and iteration raise SystemExit (not an Exception)."""

    def __repr__(self):
        raise SystemExit("bye from repr")

    def __eq__(self, other):
        raise SystemExit("bye from ==")

    __hash__ = object.__hash__

    def __len__(self):
        raise SystemExit("bye from len")

    def __iter__(self):
        raise KeyboardInterrupt

    def __str__(self):
        raise SystemExit("bye from str")


def test_safe_repr_survives_a_repr_that_raises_system_exit():
    assert checks.safe_repr(Exiting()) == "a Exiting"


@pytest.mark.parametrize("name, number", REAL_TASKS)
def test_an_answer_that_raises_system_exit_cannot_escape_a_check(name, number):
    _assert_only_feedback(name, number, Exiting())
    _assert_only_feedback(name, number, [Exiting()])
    _assert_only_feedback(name, number, {"balakot": Exiting()})


@pytest.mark.parametrize("name", EXERCISE_NAMES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer=_answers)
def test_any_answer_gets_feedback_and_nothing_else(name, answer):
    """Each drawn answer goes to every task of the exercise, so every task gets 40 answers a run
    (drawing a fresh 40 for each task cost twice as much time in Hypothesis as in the checks)."""
    for number in built(name).numbers:
        _assert_only_feedback(name, number, answer)


@pytest.mark.parametrize("name, number", REAL_TASKS)
def test_pandas_numpy_matplotlib_and_hostile_answers_get_feedback(name, number):
    for kind in SPECIAL_KINDS:         # every kind, each time (Hypothesis drew from these nine)
        _assert_only_feedback(name, number, _special(kind))


def test_lateral_reading_record_needs_a_finding_and_a_web_address_for_every_question():
    from medialit.exercises.ex09_lateral_reading import RECORD_QUESTIONS

    task = checks.exercise("09_lateral_reading").tasks[1]
    full = [{"question": f"About {key}?", "found": "eight words of what I found on the page",
             "source": "https://example.org/page"} for key in RECORD_QUESTIONS]
    assert task.grade(full).verdict == "right"
    no_url = [dict(row, source="a website") for row in full]
    assert task.grade(no_url).verdict == "not yet"
    assert task.grade(full[:-1]).verdict == "not yet"
    too_short = [dict(row, found="yes") for row in full]
    assert task.grade(too_short).verdict == "not yet"
