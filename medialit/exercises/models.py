"""The model answer to a written task, read from the exercise's solution notebook.

Once a student's reflection passes its check (length, evidence ids), the check shows
the model answer so that a student working alone can compare.  The text is the one in
``exercises/solutions/NN_topic.ipynb`` (the ``answer`` cell before ``check.task_N(...)``),
so there is one copy of it.  Where the solutions are not there (a copy of the exercise
notebook alone), there is no model answer to show.

>>> model_answer("02_attribution", 13)[:30]
'tit-for-tat-021 credits the cl'
>>> model_answer("02_attribution", 1) is None   # not a written answer
True
"""

from __future__ import annotations

import ast
import json
from functools import lru_cache
from pathlib import Path

from .. import corpus
from .layout import ANSWER_TAG, CHECK_CALL, tags

__all__ = ["solutions_dir", "model_answer"]


def solutions_dir() -> Path:
    """Where the solution notebooks are: ``exercises/solutions`` beside the data folder."""
    return corpus.data_dir().parent / "exercises" / "solutions"


def model_answer(exercise: str, number: int) -> str | None:
    """The text a solution notebook gives as its answer to task ``number``, or None."""
    path = solutions_dir() / f"{exercise}.ipynb"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _answers(str(path), stamp).get(number)


@lru_cache(maxsize=16)
def _answers(path: str, stamp: int) -> dict[int, str]:
    """Task number -> the string its answer cell assigns (for answers that are one string)."""
    try:  # plain json, not nbformat: a check must stay quick to import
        with open(path, encoding="utf-8") as handle:
            cells = json.load(handle)["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    found, answer_source = {}, None
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if ANSWER_TAG in tags(cell):
            answer_source = source
            continue
        match = CHECK_CALL.search(source)
        if match and answer_source is not None:
            text = _assigned_string(answer_source, match.group(2))
            if text is not None:
                found[int(match.group(1))] = text
            answer_source = None
    return found


def _assigned_string(source: str, variable: str) -> str | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == variable for t in node.targets):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                return None
            return value if isinstance(value, str) else None
    return None
