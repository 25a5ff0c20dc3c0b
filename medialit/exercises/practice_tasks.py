"""Practice tasks: the student labels a whole passage before seeing any label (see :mod:`medialit.practice`).

Each passage of :data:`medialit.practice.PASSAGES` becomes the first tasks of its exercise:
label every sentence, then say which ones carry an accusation, and — where the passage
has attributed sentences and the lesson is about sources — name each source's type.
The feedback (rule, deciding words highlighted, the annotators' note, accusation
who → whom, agreement and kappa) is shown by :func:`medialit.practice.grade`, the same
function that grades the click view.  A practice task passes when at least
:data:`PASS_SHARE` of the sentences agree with the annotators; the feedback is the
point either way.

>>> [t.kind for t in practice_tasks("02_attribution")][:2]
['practice_labels', 'practice_accusations']
>>> tasks = with_practice_first("02_attribution", [])
>>> [t.number for t in tasks] == list(range(1, len(tasks) + 1))
True
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .. import practice
from ..practice.passages import Passage, passages_for
from .feedback import NotAnswered, Result, Task, not_yet, right

__all__ = ["PASS_SHARE", "PRACTICE_KINDS", "labels_task", "accusations_task", "sources_task", "practice_tasks",
           "with_practice_first", "decisions"]

#: Share of a passage's sentences that must agree with the annotators for a ✓.
PASS_SHARE = 0.7
#: Task kinds made here; every one is a judgement task.
PRACTICE_KINDS = ("practice_labels", "practice_accusations", "practice_sources")


def _show(result) -> bool:
    """Display the highlighted feedback when running in IPython; True if shown."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython is installed with the notebooks
        return False
    if get_ipython() is None:
        return False
    display(result)
    return True


def _verdict(result, right_count: int, total: int, summary: str) -> Result:
    text = summary if _show(result) else result.text()
    return right(text) if total and right_count / total >= PASS_SHARE else not_yet(text)


def labels_task(number: int, chosen: Passage) -> Task:
    """Label every sentence of the passage marked [ ? ]."""
    def grade(answer: Any) -> Result:
        result = practice.grade(chosen, labels=answer)
        if result.problem:
            raise NotAnswered(result.problem)
        summary = " ".join(result.labels.sentences())
        return _verdict(result, result.labels.agree, result.labels.n, summary)

    return Task(number, f"label passage {chosen.passage_id} ({chosen.title})",
                'a dict from every sentence id marked [ ? ] to "fact", "attributed" or "advocacy"', grade,
                (chosen.article_id,), "practice_labels")


def accusations_task(number: int, chosen: Passage) -> Task:
    """Which sentences of the passage charge someone with something?"""
    def grade(answer: Any) -> Result:
        result = practice.grade(chosen, accusations=answer)
        if result.problem:
            raise NotAnswered(result.problem)
        agree, total = result.accusation_counts()
        return _verdict(result, agree, total, result.summary_lines()[-1])

    return Task(number, f"accusations in passage {chosen.passage_id}",
                "a list of the ids of the passage's sentences that carry an accusation, or [] for none",
                grade, (chosen.article_id,), "practice_accusations")


def sources_task(number: int, chosen: Passage) -> Task:
    """The source type of each sentence of the passage that the annotators labelled attributed."""
    def grade(answer: Any) -> Result:
        result = practice.grade(chosen, sources=answer)
        if result.problem:
            raise NotAnswered(result.problem)
        agree, total = result.source_counts()
        return _verdict(result, agree, total, result.summary_lines()[-1])

    return Task(number, f"source types in passage {chosen.passage_id}",
                'a dict from each sentence the annotators labelled attributed to its source type, like '
                '{"…": "named_official"}', grade, (chosen.article_id,), "practice_sources")


def _wants_sources(chosen: Passage) -> bool:
    return len(_attributed(chosen)) >= 2


def _attributed(chosen: Passage) -> list[str]:
    """The passage's items the annotators labelled attributed (read from the passage's own table)."""
    labels = dict(zip(chosen.content().sent_id.astype(str), chosen.content().label.astype(str)))
    return [i for i in chosen.items() if labels[i] == "attributed"]


def practice_tasks(exercise: str, *, sources: bool = False, start: int = 1) -> list[Task]:
    """The practice tasks of one exercise, numbered from ``start``: per passage labels, accusations
    and (with ``sources=True``, where the passage has two attributed sentences or more) source types."""
    out: list[Task] = []
    for chosen in passages_for(exercise):
        out.append(labels_task(start + len(out), chosen))
        out.append(accusations_task(start + len(out), chosen))
        if sources and _wants_sources(chosen):
            out.append(sources_task(start + len(out), chosen))
    return out


def with_practice_first(exercise: str, tasks: list[Task], *, sources: bool = False) -> list[Task]:
    """The exercise's practice tasks first, then its other ``tasks`` renumbered after them."""
    first = practice_tasks(exercise, sources=sources)
    return first + [dataclasses.replace(t, number=len(first) + i) for i, t in enumerate(tasks, start=1)]


def decisions(task: Task) -> int:
    """How many labelling decisions a practice task asks of the student (0 for other tasks).

    One per sentence for labels and accusations (each sentence: yes or no); one per sentence the
    annotators labelled attributed for source types.

    >>> tasks = practice_tasks("02_attribution")
    >>> decisions(tasks[0]) == len(practice.passage("02-a").items())
    True
    """
    match = re.search(r"passage (\d\d-[a-z])", task.title)
    if task.kind not in PRACTICE_KINDS or not match:
        return 0
    chosen = practice.passage(match.group(1))
    if task.kind == "practice_sources":
        return len(_attributed(chosen))
    return len(chosen.items())
