"""Which exercises exist, and the checks of one of them.

>>> exercise_names()[:2]
['01_meet_the_pieces', '02_attribution']
>>> exercise("02").name
'02_attribution'
>>> exercise("99_nothing")
Traceback (most recent call last):
medialit.exercises.feedback.ExerciseError: No exercise called '99_nothing'. Known: 01_meet_the_pieces, ...
"""

from __future__ import annotations

from types import ModuleType

from . import (
    ex01_meet_the_pieces, ex02_attribution, ex03_sources_evidence, ex04_advocacy_loaded_language, ex05_naming,
    ex06_frames, ex07_machine, ex08_transfer, ex09_lateral_reading,
)
from .feedback import Exercise, ExerciseError

__all__ = ["EXERCISES", "exercise_names", "exercise"]

#: Exercise name (its notebook's name) -> the module that defines its tasks.
EXERCISES: dict[str, ModuleType] = {
    module.__name__.rsplit(".", 1)[1].removeprefix("ex"): module
    for module in (ex01_meet_the_pieces, ex02_attribution, ex03_sources_evidence, ex04_advocacy_loaded_language,
                   ex05_naming, ex06_frames, ex07_machine, ex08_transfer, ex09_lateral_reading)
}


def exercise_names() -> list[str]:
    """The exercises that have checks, in order."""
    return sorted(EXERCISES)


def exercise(name: str) -> Exercise:
    """The checks for one exercise, by its notebook name ("02_attribution") or number ("02")."""
    names = exercise_names()
    key = str(name).strip().lower().removesuffix(".ipynb")
    matches = [n for n in names if n == key or n.split("_", 1)[0] == key.zfill(2)]
    if len(matches) != 1:
        raise ExerciseError(f"No exercise called {name!r}. Known: {', '.join(names)}.")
    return Exercise(matches[0], EXERCISES[matches[0]].tasks())
