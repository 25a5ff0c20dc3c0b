"""Read a student's practice answer into a clean shape, or say what to fix.

Never a traceback, and never a label: an answer that is not complete yet gets a message
that names what is missing.

>>> read_label(" ATTR ", "balakot-017")
'attributed'
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

import pandas as pd

from .. import schema
from .passages import Passage

__all__ = ["ANSWER_LABELS", "PracticeAnswerError", "shown", "clean_id", "read_label", "read_mapping", "read_labels",
           "read_accusations", "read_sources"]

ANSWER_LABELS = ("fact", "attributed", "advocacy", "meta")
_LABEL_ALIASES = {"attr": "attributed", "attribution": "attributed", "adv": "advocacy", "fct": "fact"}


def shown(value: Any, limit: int = 40) -> str:
    """A short description of a student's value that never fails (its repr may raise anything).

    >>> shown("opinion"), shown(3)
    ("'opinion'", '3')
    """
    try:
        text = repr(value)
    except BaseException:  # noqa: BLE001 - untrusted code; even SystemExit must not escape
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 1] + "…"


class PracticeAnswerError(ValueError):
    """An answer that cannot be graded yet; the message says what to fix (and reveals no label)."""




def clean_id(raw: str) -> str:
    compact = "-".join(str(raw).strip().lower().split())
    match = re.fullmatch(r"([a-z][a-z-]*[a-z])-?(\d{1,3})", compact)
    return f"{match.group(1)}-{int(match.group(2)):03d}" if match else compact


def read_label(value: Any, sent_id: str) -> str:
    if value is Ellipsis or value is None or (isinstance(value, str) and not value.strip()):
        raise PracticeAnswerError(f"{sent_id} has no label yet.")
    if not isinstance(value, str):
        raise PracticeAnswerError(f"the label of {sent_id} should be a word in quotes, like \"fact\".")
    key = " ".join(value.strip().strip("[]").lower().split())
    label = key if key in ANSWER_LABELS else _LABEL_ALIASES.get(key)
    if label is None:
        raise PracticeAnswerError(f"{shown(value)} (for {sent_id}) is not a label; use fact, attributed, advocacy "
                                  "or meta.")
    return label


def read_mapping(answer: Any, what: str, example: str = "balakot-017") -> dict[str, Any]:
    if not isinstance(answer, Mapping) and hasattr(answer, "to_dict") and getattr(answer, "ndim", 0) == 1:
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise PracticeAnswerError(f"write the {what} as a dict with {{ }}: one line per sentence, like "
                                  f'"{example}": "fact",')
    out = {}
    for key, value in answer.items():
        if not isinstance(key, str):
            raise PracticeAnswerError(f"every key should be a sentence id in quotes; {shown(key)} is not.")
        out[clean_id(key)] = value
    return out


def read_labels(answer: Any, passage: Passage, sentences: pd.DataFrame | None = None, *,
                items: list[str] | None = None) -> dict[str, str]:
    """Read ``{sent_id: label}`` for every item of the passage, or raise :class:`PracticeAnswerError`.

    >>> from medialit.practice.passages import passage
    >>> read_labels({"militancy-bases-999": "fact"}, passage("02-a"))
    Traceback (most recent call last):
    medialit.practice.answers.PracticeAnswerError: militancy-bases-999 is not in this passage (02-a). ...
    """
    items = passage.items(sentences) if items is None else items
    given = read_mapping(answer, "labels", items[0])
    extra = [k for k in given if k not in items]
    if extra:
        raise PracticeAnswerError(f"{', '.join(extra)} {'is' if len(extra) == 1 else 'are'} not in this passage "
                                  f"({passage.passage_id}). Its sentences are {items[0]} … {items[-1]}.")
    labels = {}
    missing = []
    for sent_id in items:
        if sent_id not in given or given[sent_id] is Ellipsis or given[sent_id] is None \
                or (isinstance(given[sent_id], str) and not given[sent_id].strip()):
            missing.append(sent_id)
            continue
        labels[sent_id] = read_label(given[sent_id], sent_id)
    if missing:
        raise PracticeAnswerError(
            f"Label every sentence of the passage first ({len(missing)} of {len(items)} still open: "
            f"{', '.join(missing[:4])}{' …' if len(missing) > 4 else ''}). No label is shown until all are done.")
    return labels


def read_accusations(answer: Any, passage: Passage, sentences: pd.DataFrame | None = None, *,
                     items: list[str] | None = None) -> set[str]:
    """Read the list of item ids that carry an accusation (an empty list means none).

    >>> from medialit.practice.passages import passage
    >>> read_accusations([], passage("02-a"))
    set()
    """
    items = passage.items(sentences) if items is None else items
    if isinstance(answer, str):
        raise PracticeAnswerError(f'put the ids in a list, like ["{answer.strip()}"] (or [] for none).')
    if isinstance(answer, Mapping) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise PracticeAnswerError('give a list of sentence ids, like ["' + items[0] + '"], or [] if no '
                                  "sentence carries an accusation.")
    chosen = set()
    for raw in answer:
        if not isinstance(raw, str):
            raise PracticeAnswerError(f"every item should be a sentence id in quotes; {shown(raw)} is not.")
        sent_id = clean_id(raw)
        if sent_id not in items:
            raise PracticeAnswerError(f"{raw.strip()} is not one of the sentences you labelled in "
                                      f"{passage.passage_id} ({items[0]} … {items[-1]}).")
        chosen.add(sent_id)
    return chosen


def read_sources(answer: Any, expected: Iterable[str]) -> dict[str, str]:
    """Read ``{sent_id: source_type}`` for exactly the ``expected`` ids.

    >>> read_sources({"balakot-007": "Anonymous"}, ["balakot-007"])
    {'balakot-007': 'anonymous'}
    """
    expected = list(expected)
    given = read_mapping(answer, "source types")
    extra = [k for k in given if k not in expected]
    missing = [k for k in expected if k not in given or given[k] in (None, Ellipsis, "")]
    if extra:
        raise PracticeAnswerError(f"{', '.join(extra)}: the annotators did not label "
                                  f"{'it' if len(extra) == 1 else 'them'} attributed, so there is no source "
                                  f"type to give. Give one for: {', '.join(expected)}.")
    if missing:
        raise PracticeAnswerError(f"give a source type for {', '.join(missing)}.")
    out = {}
    for sent_id in expected:
        value = given[sent_id]
        key = "_".join(str(value).strip().lower().replace("-", " ").split()) if isinstance(value, str) else ""
        if key not in schema.SOURCE_TYPES:
            raise PracticeAnswerError(f"{shown(value)} (for {sent_id}) is not a source type; use one of "
                                      + ", ".join(schema.SOURCE_TYPES) + ".")
        out[sent_id] = key
    return out
