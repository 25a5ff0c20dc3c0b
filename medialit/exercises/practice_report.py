"""The labelling practice in the class report: each student's agreement, and the hardest sentences.

``medialit check-class`` adds this :class:`~medialit.exercises.report.ReportExtension` for
every exercise with practice passages (02–08).  From the labels each student passed to the
practice tasks' checks (the typed answers, collected and rebuilt by the checker), over all
the passages of the exercise:

- the report gains, per student, the sentences labelled, the raw agreement with the
  annotators' (gold) labels and Cohen's kappa, overall and per label
  (:data:`COLUMNS`);
- ``<report>-hardest-sentences.csv`` ranks the sentences by the share of the students
  who answered them and disagreed with the gold label, with the passage, the gold label,
  the rule that decides it, the label chosen most often instead and the sentence;
- the summary printed at the end of the run gives the class's agreement and the five
  hardest sentences among those that at least one student labelled differently.

Every figure comes from :func:`medialit.practice.class_agreement`, which uses the same
summary the student sees under a passage.  A value that is not a label, an id outside
the passage and an unanswered ``...`` are left out (a half-labelled passage counts the
sentences labelled).

>>> extension = agreement_extension("02_attribution")
>>> extension.name, extension.columns[:3]
('hardest-sentences', ('labels_answered', 'labels_agree', 'labels_kappa'))
>>> agreement_extension("01_meet_the_pieces") is None
True
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from ..practice.answers import PracticeAnswerError, clean_id, read_mapping
from ..practice.passages import Passage, passage, passages_for
from ..practice.rules import rule_of
from ..practice.summary import CLASS_LABELS, ClassAgreement, class_agreement
from .catalogue import exercise
from .report import ReportExtension, StudentResult

__all__ = ["COLUMNS", "HARDEST_HEADER", "SHOWN_HARDEST", "agreement_extension", "practice_labels",
           "passage_sentences", "class_figures", "hardest_rows", "summary_text"]

#: The report's columns for the practice (raw agreement is a share 0–1; kappa as the student sees it).
COLUMNS = ("labels_answered", "labels_agree", "labels_kappa",
           *[f"{label}_{what}" for label in CLASS_LABELS for what in ("agree", "kappa")])
HARDEST_HEADER = ["rank", "sent_id", "passage", "gold", "rule", "answered", "disagreed", "share disagreed",
                  "most common wrong label", "times chosen", "sentence"]
#: Hardest sentences printed at the end of the run (the CSV has them all).
SHOWN_HARDEST = 5


def _label_tasks(name: str) -> dict[int, Passage]:
    """Task number -> passage, for the exercise's "label passage …" tasks."""
    found = {}
    for task in exercise(name).tasks:
        match = re.search(r"passage (\d\d-[a-z])", task.title)
        if task.kind == "practice_labels" and match:
            found[task.number] = passage(match.group(1))
    return found


def practice_labels(result: StudentResult, tasks: dict[int, Passage]) -> dict[str, Any]:
    """The ``{sent_id: label}`` a student gave across the practice passages (ids outside a passage left out).

    >>> from medialit.exercises.report import StudentResult
    >>> done = StudentResult("ada.ipynb", "ok", answers={1: {"militancy-bases-6": "fact", "x-001": "fact"}})
    >>> practice_labels(done, {1: passage("02-a")})
    {'militancy-bases-006': 'fact'}
    """
    labels: dict[str, Any] = {}
    for number, chosen in tasks.items():
        try:
            given = read_mapping(result.answers.get(number), "labels")
        except PracticeAnswerError:
            continue
        items = set(chosen.items())
        labels.update({sent_id: value for sent_id, value in given.items() if clean_id(sent_id) in items})
    return labels


def passage_sentences(tasks: dict[int, Passage]) -> pd.DataFrame:
    """The gold rows of the passages' sentences, from each passage's own table (the five pieces'
    ``sentences.csv``, or the transfer texts' for exercise 08).

    >>> sorted(set(passage_sentences(_label_tasks("08_transfer")).article_id))
    ['live-updates', 'odf-statement']
    """
    return pd.concat([chosen.rows() for chosen in tasks.values()], ignore_index=True).drop_duplicates("sent_id")


def class_figures(results: list[StudentResult], tasks: dict[int, Passage]) -> ClassAgreement:
    """:func:`~medialit.practice.class_agreement` over the students' practice labels, against the
    gold of the passages' own texts."""
    return class_agreement({r.student: practice_labels(r, tasks) for r in results},
                           sentences=passage_sentences(tasks))


def _number(value: float) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.2f}"


def _row(result: StudentResult, tasks: dict[int, Passage]) -> dict[str, str]:
    figures = class_figures([result], tasks).students.loc[result.student]
    if not figures["answered"]:
        return {"labels_answered": "0"}
    row = {"labels_answered": str(int(figures["answered"])), "labels_agree": _number(figures["share"]),
           "labels_kappa": _number(figures["kappa"])}
    for label in CLASS_LABELS:
        row[f"{label}_agree"] = _number(figures[f"{label} agreed"])
        row[f"{label}_kappa"] = _number(figures[f"{label} kappa"])
    return row


def hardest_rows(figures: ClassAgreement, tasks: dict[int, Passage]) -> list[list[str]]:
    """The hardest-sentences table: a header, then one row per sentence answered, hardest first."""
    sentences = passage_sentences(tasks).set_index("sent_id")
    where = {sent_id: chosen.passage_id for chosen in tasks.values() for sent_id in chosen.items()}
    rows = [list(HARDEST_HEADER)]
    for rank, (sent_id, row) in enumerate(figures.hardest.iterrows(), start=1):
        found = sentences.loc[sent_id] if sent_id in sentences.index else None
        rule = rule_of(str(found.rationale), str(found.label)) if found is not None else ""
        text = " ".join(str(found.text).split()) if found is not None else ""
        rows.append([str(rank), sent_id, where.get(sent_id, ""), row.gold, rule, str(row.answered), str(row.disagreed),
                     f"{row['disagree share']:.2f}", row["most chosen instead"],
                     str(row["times chosen instead"]) if row["most chosen instead"] else "",
                     text if len(text) <= 140 else text[:139] + "…"])
    return rows


def summary_text(results: list[StudentResult], tasks: dict[int, Passage]) -> str:
    """What the run prints at the end about the practice: the class's agreement and the hardest sentences."""
    figures = class_figures(results, tasks)
    overall = figures.overall
    if not overall["answered"]:
        return "Labelling practice: no student labelled a practice sentence yet."
    labelled = int((figures.students.answered > 0).sum())
    lines = [f"Labelling practice: {labelled} of {len(results)} students labelled practice sentences "
             f"({overall['answered']} labels in all); {overall['agree']} agree with the annotators "
             f"({round(100 * overall['share'])} %), kappa {overall['kappa']:.2f}.",
             "Hardest sentences (share of the students who answered it and disagreed with the annotators):"]
    table = [row for row in hardest_rows(figures, tasks)[1:] if row[6] != "0"][:SHOWN_HARDEST]
    for rank, sent_id, _, gold, rule, answered, disagreed, share, wrong, times, _ in table:
        instead = f"; most common wrong label {wrong} ({times})" if wrong else ""
        lines.append(f"  {rank}. {sent_id}  {disagreed} of {answered} disagreed · gold {gold} (rule {rule}){instead}")
    if not table:
        lines.append("  none: every label the students gave agrees with the annotators.")
    return "\n".join(lines)


def agreement_extension(name: str) -> ReportExtension | None:
    """The report extension for exercise ``name``, or None when it has no practice passages."""
    tasks = _label_tasks(name) if passages_for(exercise(name).name) else {}
    if not tasks:
        return None
    return ReportExtension("hardest-sentences", COLUMNS, lambda result: _row(result, tasks),
                           lambda results: hardest_rows(class_figures(results, tasks), tasks),
                           text=lambda results: summary_text(results, tasks))
