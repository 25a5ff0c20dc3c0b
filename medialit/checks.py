"""Immediate, specific feedback for the exercise notebooks (the public face of :mod:`medialit.exercises`).

An exercise notebook asks for its checks once::

    import medialit as ml
    check = ml.checks.exercise("02_attribution")

and then, after each answer cell, calls ``check.task_3(answer)``.  A check
either prints a short confirmation that says *why* the answer is right, or
shows what is still wrong with a hint (a codebook rule or a sentence to
reread, never the answer itself).  That second message is one
:class:`CheckNotPassed` error, an :class:`AssertionError` that Jupyter shows as
its message alone, without a stack trace; so ``pytest --nbval-lax``, the
teacher's ``medialit check-class`` and the student's ``medialit check`` all see
the task as not passed.

Every message starts with the task name and one of three verdicts:

- ``✓ Task 3 — right.``
- ``✗ Task 3 — not yet.``
- ``✗ Task 3 — not answered yet``

The machinery lives in :mod:`medialit.exercises` (``feedback``, ``readers``, one
module per exercise); this module only gathers what a notebook or a test needs.

>>> check = exercise("02")
>>> check.task_10(...)  # doctest: +NORMALIZE_WHITESPACE
Traceback (most recent call last):
medialit.exercises.feedback.CheckNotPassed: ✗ Task 10 — not answered yet: replace the ... with one number, the share
between 0 and 1 (or a percentage).
"""

from __future__ import annotations

from .exercises.catalogue import exercise, exercise_names
from .exercises.feedback import (
    CHECK_FAILED, NOT_ANSWERED, NOT_YET, RIGHT, VERDICT_PATTERN, CheckNotPassed, Exercise, ExerciseError, NotAnswered,
    Result, Task,
    compare_ids, format_message, not_answered, not_yet, note, right, safe_repr,
)
from .exercises.readers import (
    LABELS_READER, SOURCE_TYPES_READER, Choices, ids_in_text, read_choice, read_choice_mapping, read_figure, read_id,
    read_ids, read_mapping, read_number, read_numbers, read_text,
)

__all__ = [
    "RIGHT", "NOT_YET", "NOT_ANSWERED", "CHECK_FAILED", "VERDICT_PATTERN",
    "Result", "Task", "Exercise", "ExerciseError", "NotAnswered", "CheckNotPassed",
    "right", "not_yet", "not_answered", "exercise", "exercise_names", "format_message",
    "read_ids", "read_id", "read_choice", "read_choice_mapping", "read_mapping", "read_number", "read_numbers",
    "read_text", "read_figure", "ids_in_text", "Choices", "LABELS_READER", "SOURCE_TYPES_READER", "compare_ids",
    "safe_repr", "note",
]
