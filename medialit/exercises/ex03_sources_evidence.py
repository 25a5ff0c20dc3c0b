"""Exercise 03 · Sources and evidence: the tasks of ``exercises/03_sources_evidence.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

import pandas as pd

from .. import compare, schema
from . import gold
from .builders import SOURCE_TYPE_HINTS, classify_task, number_task, numbers_task, pick_per_article_task, reflection_task
from .practice_tasks import with_practice_first
from .feedback import Task
from .readers import SOURCE_TYPES_READER

__all__ = ["tasks"]


def _source_type_hint(given: str, expected: str, row: pd.Series) -> str:
    return (f"you chose {given} ({SOURCE_TYPE_HINTS[given]}). Who exactly is credited — "
            f"\"{row.source}\"? Reread the table in codebook §5.")


def _source_shares(*types: str) -> dict[str, float]:
    """Per piece, the share of its attributed body sentences whose source type is one of ``types``.

    Computed with :func:`medialit.compare.sources_by_type`, the table notebook 03 shows.
    """
    table = compare.sources_by_type(gold.sentences(), normalize=True)
    return {a: float(table.loc[a, list(types)].sum()) / 100 for a in schema.ARTICLE_IDS}


def _writer_accuses(row: pd.Series) -> bool:
    return str(row.accusation) == "1" and row.accuser == "writer"


def tasks() -> list[Task]:
    return with_practice_first("03_sources_evidence", [
        classify_task(1, "the source type of six attributed sentences",
                      ["balakot-009", "regional-peace-013", "ap-crackdown-008", "militancy-bases-030",
                       "tit-for-tat-019", "balakot-036"],
                      column="source_type", reader=SOURCE_TYPES_READER, hint=_source_type_hint,
                      kind="source_type"),
        number_task(2, "share of balakot's attributed body sentences that credit an anonymous source",
                    expected=lambda: _source_shares("anonymous")["balakot"],
                    tolerance=0.005, share=True,
                    why=lambda v: f"{v:.2f} of balakot's attributed body sentences credit a source the writer does "
                    "not name; a reader cannot check who it is or ask them (codebook §5, anonymous).",
                    hint="Keep balakot's attributed body sentences (not all its sentences), then take the mean of "
                    "(source_type == \"anonymous\"); or read it from ml.compare.sources_by_type(normalize=True).",
                    pieces=("balakot",)),
        numbers_task(3, "share of vague sources per piece",
                     expected=lambda: _source_shares("anonymous", "unnamed"), tolerance=0.005, share=True,
                     why=lambda t: "Shares of attributed body sentences with an anonymous or unnamed source: "
                     + gold.fmt(t) + ". Every piece uses some; compare how much each asks you to trust.",
                     hint="Among the attributed body sentences only, take the mean of "
                     "source_type.isin([\"anonymous\", \"unnamed\"]) per article; or add the two columns of "
                     "ml.compare.sources_by_type(normalize=True)."),
        pick_per_article_task(4, "one accusation in the writer's own voice in each of two pieces",
                              ("militancy-bases", "regional-peace"), _writer_accuses,
                              describe=lambda r: (f"accusation {r.accusation}, accuser "
                                                  f"{r.accuser or '(none)'}"),
                              hint="You want accusation 1 with accuser writer: a charge against an "
                              "identifiable party that no source carries (codebook §4)."),
        numbers_task(5, "accusations in the writer's own voice, per piece",
                     expected=lambda: gold.counts_by_piece(
                         (gold.sentences().accusation == 1) & (gold.sentences().accuser == "writer"), gold.sentences()),
                     tolerance=0, share=False,
                     why=lambda t: "Writer-voiced accusations: " + gold.fmt(t, 0) + ". Longer pieces have more room; "
                     "compare with how many accusations each piece attributes to a source.",
                     hint="Count rows with accusation == 1 and accuser == \"writer\" for each article."),
        reflection_task(6, "what a reader has to take on trust", exercise="03_sources_evidence",
                        min_words=50,
                        cite=("balakot", "tit-for-tat"), pieces=("balakot", "tit-for-tat"), kind="compare"),
    ], sources=True)
