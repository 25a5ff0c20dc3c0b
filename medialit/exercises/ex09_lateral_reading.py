"""Exercise 09 · Lateral reading (SIFT): the tasks of ``exercises/09_lateral_reading.ipynb``.

The facts a student finds on the open web cannot be checked from ``data/``: what the checks
can see is where on the page the clues are (computed from ``data/`` when the check runs) and
whether the recording table is filled in with a finding and a web address for every question.
A teacher reads the findings against ``docs/lateral_reading_key.md``.

>>> [task.number for task in tasks()]
[1, 2, 3, 4, 5]
>>> tasks()[1].grade([{"question": "Who publishes The Quint?", "found": "x", "source": "y"}]).verdict
'not yet'
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from . import gold
from .builders import ids_task, reflection_task
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import read_phrases

__all__ = ["tasks", "RECORD_QUESTIONS"]

#: The questions of the recording table: a word the question must contain -> what it asks.
RECORD_QUESTIONS = {
    "Quint": "who publishes The Quint (balakot-044)",
    "Media Line": "what The Media Line is (tit-for-tat-066)",
    "Ben Kew": "where the AP-credited report was republished, and what 'Follow Ben Kew' tells you (ap-crackdown-020)",
    "regional-peace-013": "what the UN monitoring team's report says (regional-peace-013)",
    "regional-peace-033": "what other coverage says about the casualty figures (regional-peace-033)",
}
MIN_FOUND_WORDS = 8
_URL = re.compile(r"https?://\S+\.\S+")


def _rows(answer: Any) -> list[dict]:
    """The recording table as a list of dicts with question, found and source."""
    if isinstance(answer, pd.DataFrame):
        rows = answer.to_dict("records")
    elif isinstance(answer, (list, tuple)):
        rows = list(answer)
    else:
        raise NotAnswered("give the recording table: a pandas DataFrame, or a list of dicts, with the "
                          "columns question, found and source.")
    if not rows:
        raise NotAnswered("your table has no rows yet.")
    for row in rows:
        if not isinstance(row, dict) or not {"question", "found", "source"} <= set(row):
            raise NotAnswered("every row needs three entries: question, found and source.")
    return rows


def _grade_record(answer: Any) -> Result:
    rows = _rows(answer)
    problems = []
    for key, asks in RECORD_QUESTIONS.items():
        matching = [r for r in rows if key.lower() in str(r["question"]).lower()]
        if not matching:
            problems.append(f"no row asks {asks}: put \"{key}\" in its question")
            continue
        row = matching[0]
        if len(str(row["found"]).split()) < MIN_FOUND_WORDS:
            problems.append(f"the row on {key} needs what you found, in at least {MIN_FOUND_WORDS} words")
        if not _URL.search(str(row["source"])):
            problems.append(f"the row on {key} needs the web address (https://…) of the page you read")
    if problems:
        return not_yet("; ".join(problems) + ". A finding without its source cannot be checked by anyone else.")
    return right(f"All {len(RECORD_QUESTIONS)} questions have a finding and a source. That is all a check can "
                 "see: it cannot tell whether a page is right. Your teacher compares your findings with the "
                 "key, and you should ask of each source what you asked of the pieces: who runs it?")


def _writer_figures() -> list[str]:
    spans = gold.spans()
    rows = spans[(spans.sent_id == "regional-peace-033") & (spans.kind == "number") & (spans.note == "writer")]
    return rows.text.tolist()


def _grade_figures(answer: Any) -> Result:
    given = [p.strip() for p in read_phrases(answer)]
    wanted = _writer_figures()
    if not wanted:
        raise LookupError("no writer-supplied number spans in regional-peace-033 in the data")
    found = [w for w in wanted if w in given]
    extra = [g for g in given if g not in wanted]
    if not extra and len(found) == len(wanted):
        return right("The writer gives " + " and ".join(f'"{w}"' for w in wanted) + " in their own voice, "
                     "with no source (number spans with note = writer). Stated as fact is not the same as "
                     "true: these are the figures to look up elsewhere.")
    text = f"{len(found)} of {len(wanted)} figures found."
    if extra:
        text += " Not a figure the writer supplies here: " + ", ".join(repr(e) for e in extra) + "."
    return not_yet(text + " Copy the numbers as printed in regional-peace-033; dates and names are not figures.")


def tasks() -> list[Task]:
    return [
        ids_task(1, "stop: who is behind the AP-credited page?", article="ap-crackdown",
                 expected=lambda s: s[(s.article_id == "ap-crackdown") & s.role.isin(["byline", "bio"])].sent_id.tolist(),
                 why=lambda ids, s: "These are the byline and the bio: " + ", ".join(ids) + ". The page credits "
                 "a wire agency but also carries a personal line for another writer: two clues that point "
                 "different ways, and the reason to investigate the source.",
                 hint_missing="Read the page's last lines again: which name a person or an agency as the "
                 "story's author, or tell you about the writer (codebook §2: byline, bio)?",
                 hint_extra="{ids}: not a byline or a bio.",
                 pieces=("ap-crackdown",), kind="role"),
        Task(2, "the recording table", "a pandas DataFrame with the columns question, found and source",
             _grade_record, ("balakot", "tit-for-tat", "ap-crackdown", "regional-peace"), "record"),
        ids_task(3, "trace: which sentences credit UN reports?", article="regional-peace",
                 expected=lambda s: s[(s.article_id == "regional-peace") & (s.source_type == "document")].sent_id.tolist(),
                 why=lambda ids, s: "Source type document: " + ", ".join(ids) + ". Neither sentence quotes the "
                 "reports or says which report it means: the claim has to be traced to the original.",
                 hint_missing="Read again for a claim credited to a report, a study or a resolution "
                 "rather than a person (codebook §5, source type document).",
                 hint_extra="{ids}: not credited to a document.",
                 pieces=("regional-peace",), kind="source_type"),
        Task(4, "find better coverage: the figures to check", 'a list of the figures as printed, like ["…", "…"]',
             _grade_figures, ("regional-peace",), "find"),
        reflection_task(5, "what lateral reading changed", exercise="09_lateral_reading", min_words=50, cite=("regional-peace",),
                        pieces=("regional-peace",), kind="reflection"),
    ]
