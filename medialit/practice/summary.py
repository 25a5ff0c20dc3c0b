"""Agreement with the gold labels: for one passage, and for a whole class.

Every figure is computed here from the answers and from ``data/``: Cohen's kappa with
the gold labels, per label and overall, set beside the kappa of the two independent
annotator passes in ``data/agreement/`` (all rounds pooled).

>>> summary = summarise_labels(["fact", "attributed", "fact"], ["fact", "fact", "fact"])
>>> summary.agree, summary.n
(2, 3)
>>> summary.sentences()[0].startswith("Passage: 2 of 3 agree (67 %)")
True
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping

import pandas as pd

from .. import corpus
from ..agreement import ROUNDS, agreement_table
from ..kappa import cohen_kappa
from .answers import PracticeAnswerError, clean_id, read_label

__all__ = ["LabelSummary", "annotator_kappas", "summarise_labels", "ClassAgreement", "class_agreement",
           "CLASS_LABELS", "REREAD"]

SHOWN_LABELS = ("fact", "attributed", "advocacy", "meta")
#: What to reread when the annotators said ``gold`` and the student said something else.
REREAD = {
    "attributed": "rules L2–L3 (a quotation, or a main clause that reports what someone else says)",
    "advocacy": "rule L4 (judgement, interpretation, prescription, prediction)",
    "fact": "rule L5 (a checkable statement in the writer's voice stays fact, even with one loaded word)",
    "meta": "rule L1 (page role)",
}
#: How close to the annotators' kappa counts as "about as often" (kappa points).
CLOSE_TO_ANNOTATORS = 0.10


def _binary_kappa(first: list[str], second: list[str], label: str) -> float:
    return cohen_kappa([a == label for a in first], [b == label for b in second])


@lru_cache(maxsize=4)
def _annotator_pairs(data_dir: str | None) -> tuple[tuple[str, str], ...]:
    pairs = []
    for round_number in ROUNDS:
        folder = corpus.data_dir(data_dir) / "agreement" / ROUNDS[round_number]
        if not (folder / "second_pass.csv").is_file():
            continue
        table = agreement_table(data_dir, round_number=round_number)
        pairs += list(zip(table.label_first.astype(str), table.label_second.astype(str)))
    return tuple(pairs)


def annotator_kappas(data_dir: str | None = None) -> dict[str, float]:
    """Kappa of the two independent annotator passes (all rounds pooled): ``overall`` and per label.

    >>> kappas = annotator_kappas()
    >>> 0.5 < kappas["overall"] <= 1 and set(kappas) >= {"fact", "attributed", "advocacy"}
    True
    """
    pairs = _annotator_pairs(None if data_dir is None else str(data_dir))
    first, second = [a for a, _ in pairs], [b for _, b in pairs]
    out = {"overall": round(cohen_kappa(first, second), 2), "n": len(pairs)}
    for label in SHOWN_LABELS:
        if label in first or label in second:
            out[label] = round(_binary_kappa(first, second, label), 2)
    return out


@dataclass(frozen=True)
class LabelSummary:
    """Agreement of one set of labels with the gold labels, beside the annotators' own."""

    n: int
    agree: int
    kappa: float
    annotators: dict
    per_label: pd.DataFrame
    confusions: tuple[tuple[str, str, int], ...] = field(default=())

    @property
    def share(self) -> float:
        return self.agree / self.n if self.n else 0.0

    @property
    def close_to_annotators(self) -> bool:
        return self.kappa >= self.annotators["overall"] - CLOSE_TO_ANNOTATORS

    def sentences(self) -> list[str]:
        """The summary in words, as STYLE.md's practice example shows it."""
        head = (f"Passage: {self.agree} of {self.n} agree ({round(100 * self.share)} %), kappa {self.kappa:.2f}. "
                f"The two annotator passes agreed at kappa {self.annotators['overall']:.2f}")
        if self.close_to_annotators and not self.confusions:
            return [head + ": you agree with the annotators as often as two trained annotators agree with each "
                           "other."]
        if self.close_to_annotators:
            gold, given, count = self.confusions[0]
            return [head + ": you agree with the annotators about as often as two trained annotators agree with "
                           f"each other. The label you missed most: {gold} → {given} ({count}); see {REREAD[gold]}."]
        missed = ", ".join(f"{gold} → {given} ({count})" for gold, given, count in self.confusions[:2])
        gold = self.confusions[0][0] if self.confusions else "fact"
        return [head + f"; not yet as close as that. The labels you missed most: {missed}. "
                       f"Reread {REREAD[gold]}, then try the next passage."]

    def html_table(self) -> str:
        """Per-label table: annotators' count, yours, agreement, your kappa, the annotator passes' kappa."""
        head = "".join(f'<th style="text-align:left;padding:2px 8px;border-bottom:1px solid #999999">{html.escape(c)}</th>'
                       for c in ["label", *self.per_label.columns])
        body = []
        for label, row in self.per_label.iterrows():
            cells = "".join(f'<td style="text-align:left;padding:2px 8px">{html.escape(str(v))}</td>' for v in row)
            body.append(f'<tr><td style="text-align:left;padding:2px 8px"><b>{html.escape(str(label))}</b></td>{cells}</tr>')
        return (f'<table style="border-collapse:collapse;font-size:0.85em;margin:0.4em 0">'
                f"<tr>{head}</tr>{''.join(body)}</table>")


def summarise_labels(gold: Iterable[str], given: Iterable[str | None], *, data_dir: str | None = None) -> LabelSummary:
    """Agreement and kappa of ``given`` with ``gold`` (unanswered items count as disagreement)."""
    gold = [str(g) for g in gold]
    given = ["(none)" if g is None else str(g) for g in given]
    annotators = annotator_kappas(data_dir)
    agree = sum(a == b for a, b in zip(gold, given))
    kappa = round(cohen_kappa(gold, given), 2) if gold else 0.0
    rows = {}
    for label in SHOWN_LABELS:
        if label not in gold and label not in given:
            continue
        both = sum(a == b == label for a, b in zip(gold, given))
        rows[label] = {
            "annotators": gold.count(label), "you": given.count(label), "both": both,
            "your kappa": f"{_binary_kappa(gold, given, label):.2f}",
            "annotator passes' kappa": (f"{annotators[label]:.2f}" if label in annotators else "–"),
        }
    per_label = pd.DataFrame.from_dict(rows, orient="index")
    misses = Counter((a, b) for a, b in zip(gold, given) if a != b)
    confusions = tuple((a, b, n) for (a, b), n in sorted(misses.items(), key=lambda kv: (-kv[1], kv[0])))
    return LabelSummary(len(gold), agree, kappa, annotators, per_label, confusions)


# ---------------------------------------------------------------------------
# A whole class (for the teacher's class check)


@dataclass(frozen=True)
class ClassAgreement:
    """A class's practice labels against the gold: per student, and the hardest sentences."""

    #: One row per student: answered, agree, share, kappa, and per gold label the share agreed and the kappa.
    students: pd.DataFrame
    #: One row per sentence, hardest first: gold, answered, disagreed, its share, the most common wrong label.
    hardest: pd.DataFrame
    #: Pooled over every answer: answered, agree, share, kappa.
    overall: dict


def _clean_label(value) -> str | None:
    try:
        return read_label(value, "")
    except PracticeAnswerError:
        return None


#: The labels a passage asks for, in the codebook's order (the class report has a column pair for each).
CLASS_LABELS = ("fact", "attributed", "advocacy")


def class_agreement(answers: Mapping[str, Mapping[str, str]], *, sentences: pd.DataFrame | None = None,
                    data_dir: str | None = None) -> ClassAgreement:
    """Per-student agreement with the gold labels and the sentences the class found hardest.

    ``answers`` maps each student to the ``{sent_id: label}`` they gave across the practice
    passages (ids not in the data, and values that are not labels, are left out; ids are
    read as a typed answer reads them).  Each student's figures come from
    :func:`summarise_labels`, the summary the student sees under a passage: agreement,
    Cohen's kappa, and per label the kappa of "this label or not"; ``<label> agreed`` is the
    share of the sentences the annotators gave that label that the student labelled so too.
    The hardest sentences are ranked by the share of the students who answered them and
    disagreed with the gold label.

    >>> result = class_agreement({"ada": {"balakot-017": "fact", "balakot-018": "fact"},
    ...                           "ben": {"balakot-17": "advocacy"}})
    >>> result.students.loc["ada", "answered"], result.overall["answered"]
    (np.int64(2), 3)
    >>> result.hardest.index[0] in {"balakot-017", "balakot-018"}
    True
    """
    sentences = corpus.load_sentences(data_dir=data_dir) if sentences is None else sentences
    gold_of = dict(zip(sentences.sent_id.astype(str), sentences.label.astype(str)))
    rows = []
    for student, given in answers.items():
        for sent_id, value in (given or {}).items():
            sent_id, label = clean_id(str(sent_id)), _clean_label(value)
            if sent_id in gold_of and label is not None:
                rows.append({"student": str(student), "sent_id": sent_id, "given": label, "gold": gold_of[sent_id]})
    long = pd.DataFrame(rows, columns=["student", "sent_id", "given", "gold"]).drop_duplicates(["student", "sent_id"])
    long["agree"] = long.given == long.gold
    students = []
    for student in answers:
        mine = long[long.student == str(student)]
        row = {"student": str(student), "answered": len(mine), "agree": int(mine.agree.sum()),
               "share": float("nan"), "kappa": float("nan")}
        per_label = pd.DataFrame()
        if len(mine):
            summary = summarise_labels(mine.gold.tolist(), mine.given.tolist(), data_dir=data_dir)
            row.update(share=round(summary.share, 2), kappa=summary.kappa)
            per_label = summary.per_label
        for label in CLASS_LABELS:
            of_label = mine[mine.gold == label]
            row[f"{label} agreed"] = round(float(of_label.agree.mean()), 2) if len(of_label) else float("nan")
            row[f"{label} kappa"] = (float(per_label.loc[label, "your kappa"]) if label in per_label.index
                                     else float("nan"))
        students.append(row)
    students = pd.DataFrame(students).set_index("student") if students else pd.DataFrame()
    hardest = []
    for sent_id, group in long.groupby("sent_id", sort=False):
        others = Counter(group.given[~group.agree]).most_common()
        others.sort(key=lambda kv: (-kv[1], kv[0]))
        hardest.append({"sent_id": sent_id, "gold": group.gold.iloc[0], "answered": len(group),
                        "disagreed": int((~group.agree).sum()),
                        "disagree share": round(float((~group.agree).mean()), 2),
                        "agree share": round(float(group.agree.mean()), 2),
                        "most chosen instead": others[0][0] if others else "",
                        "times chosen instead": others[0][1] if others else 0})
    columns = ["sent_id", "gold", "answered", "disagreed", "disagree share", "agree share", "most chosen instead",
               "times chosen instead"]
    hardest = pd.DataFrame(hardest, columns=columns)
    hardest["_rank"] = hardest.disagreed / hardest.answered.clip(lower=1)
    hardest = (hardest.sort_values(["_rank", "answered", "sent_id"], ascending=[False, False, True], kind="stable")
               .drop(columns="_rank").set_index("sent_id"))
    overall = {"answered": len(long), "agree": int(long.agree.sum()),
               "share": round(float(long.agree.mean()), 2) if len(long) else float("nan"),
               "kappa": (summarise_labels(long.gold.tolist(), long.given.tolist(), data_dir=data_dir).kappa
                         if len(long) else float("nan"))}
    return ClassAgreement(students, hardest, overall)
