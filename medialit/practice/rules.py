"""The codebook rule that decides a sentence, and the words that decide it.

>>> rule_of("L3: main clause is 'officials said'")
'L3'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

import numpy as np
import pandas as pd

from .. import corpus

__all__ = ["RULES", "Mark", "rule_of", "note_of", "rule_text", "deciding_marks"]

#: The label rules of codebook §3, in the order they are applied, with one line each.
RULES = {
    "L1": "page role: bylines, bios, disclaimers and page furniture are meta",
    "L2": "a direct quotation (or one continued from the sentence before) is attributed",
    "L3": "whoever owns the main clause owns the claim: a reporting frame makes it attributed",
    "L4": "judgement, interpretation, prescription or prediction in the writer's voice is advocacy",
    "L5": "a checkable statement in the writer's own voice is fact (one loaded word does not change that)",
}
_RULE = re.compile(r"\bL([1-5])\b")
_CASE = re.compile(r"^case (\d+)")
_QUOTED = re.compile(r"[“\"‘][^“”\"‘’]{3,}[”\"’]|[“\"][^“”\"]{3,}$|^[^“”\"]{3,}[”\"]")
#: Straight quotation marks cannot tell opening from closing: only whole quotations count.
_QUOTED_STRAIGHT = re.compile(r"\"[^\"]{3,}\"")




def rule_of(rationale: str, label: str = "") -> str:
    """The codebook rule that decides a sentence, read from its rationale.

    >>> rule_of("L3: main clause is 'officials said'")
    'L3'
    >>> rule_of("case 13: signpost; L5 for the embedded claim")
    'L5'
    >>> rule_of("case 16: repeated paragraph")
    'case 16'
    >>> rule_of("", "meta")
    'L1'
    """
    text = str(rationale or "")
    found = _RULE.search(text)
    if found:
        return f"L{found.group(1)}"
    case = _CASE.match(text.strip())
    if case:
        return f"case {case.group(1)}"
    return "L1" if label == "meta" else "§3"


def rule_text(rule: str) -> str:
    text = RULES.get(rule, "")
    return text[:1].upper() + text[1:] + "." if text else ""


def note_of(rationale: str) -> str:
    """The rationale without its leading rule name ("L3: …" → "…")."""
    text = str(rationale or "").strip()
    text = re.sub(r"^L[1-5]\s*[:;]?\s*", "", text)
    return text[:1].upper() + text[1:] if text else ""


@lru_cache(maxsize=4)
def _modal_pattern(data_dir: str | None) -> re.Pattern | None:
    lexicon = corpus.load_lexicon("modals", data_dir=data_dir)
    strong = lexicon[(lexicon.signal.isin(["prescription", "prediction"]))
                     | ((lexicon.signal == "evaluation") & (lexicon.strength == "strong"))]
    terms = sorted({t.strip().lower() for t in strong.term if t.strip()}, key=len, reverse=True)
    if not terms:
        return None
    return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w'])", re.IGNORECASE)


@dataclass(frozen=True)
class Mark:
    """A stretch of a sentence that helps decide its label: offsets into the sentence text."""

    start: int
    end: int
    kind: str
    text: str


def deciding_marks(row: Mapping, spans: pd.DataFrame, *, data_dir: str | None = None,
                   cue_from_column: bool = False) -> list[Mark]:
    """The words that decide a sentence's label, as offsets into its text.

    Always the annotated cue, hedge, booster and loaded spans (``data/spans.csv``); for an
    attributed sentence also its quotation; for advocacy also the modal and evaluative
    phrases of ``lexicons/modals.csv`` that occur in it.  Texts without spans (the transfer
    texts) take their cue from the sentence's ``cue`` column with ``cue_from_column=True``.

    >>> import medialit as ml
    >>> row = ml.load_sentences().set_index("sent_id").loc["tit-for-tat-021"].to_dict()
    >>> row["sent_id"] = "tit-for-tat-021"
    >>> [m.kind for m in deciding_marks(row, ml.load_spans())][:1]
    ['cue']
    """
    text = str(row["text"])
    start = int(row["start"])
    label = str(row["label"])
    marks: list[Mark] = []
    mine = spans[(spans["sent_id"].to_numpy(dtype=object) == str(row["sent_id"]))
                 & np.isin(spans["kind"].to_numpy(dtype=object), ["cue", "hedge", "booster", "loaded"])]
    for span in mine.itertuples():
        a, b = int(span.start) - start, int(span.end) - start
        if 0 <= a < b <= len(text):
            marks.append(Mark(a, b, str(span.kind), text[a:b]))
    cue = str(row.get("cue", "") or "").strip()
    if cue_from_column and cue and not any(m.kind == "cue" for m in marks):
        found = re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", text, re.IGNORECASE)
        if found:
            marks.append(Mark(found.start(), found.end(), "cue", found.group(0)))
    if label == "attributed":
        quoted = _QUOTED if any(q in text for q in "“”‘’") or '"' not in text else _QUOTED_STRAIGHT
        for found in quoted.finditer(text):
            marks.append(Mark(found.start(), found.end(), "quote", found.group(0)))
    if label == "advocacy":
        pattern = _modal_pattern(data_dir)
        folded = text.replace("’", "'")
        if pattern is not None:
            for found in pattern.finditer(folded):
                if not any(m.start <= found.start() < m.end for m in marks):
                    marks.append(Mark(found.start(), found.end(), "modal", text[found.start():found.end()]))
    return sorted(marks, key=lambda m: (m.start, -m.end))
