"""Reading a student's answer into a clean shape, or saying why it cannot be read.

Every ``read_*`` function returns the cleaned answer or raises
:class:`~medialit.exercises.feedback.NotAnswered` with a message for the
student; harmless differences (capitals, spaces, a missing zero in an id) are
forgiven and reported with :func:`~medialit.exercises.feedback.note`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, Callable, Iterable, Mapping

from .. import schema
from ..compare import count_words, words
from .feedback import NotAnswered, kind_of, note, safe_repr

__all__ = [
    "normalise_id", "read_id", "read_ids", "Choices", "LABELS_READER", "SOURCE_TYPES_READER", "read_choice",
    "read_mapping", "read_choice_mapping", "read_number", "read_numbers", "read_text", "read_figure",
    "ids_in_text", "norm_phrase", "article_key", "read_article", "read_phrases",
]

# ---------------------------------------------------------------------------
# Reading answers into a clean shape
# ---------------------------------------------------------------------------

_ID_PATTERN = re.compile(r"^(?P<article>[a-z][a-z-]*[a-z])[\s_‐-―-]*(?P<number>\d{1,3})$")


def normalise_id(text: str) -> str:
    """A sentence id as typed, cleaned: lower case, spaces squashed, the number padded to three digits.

    >>> normalise_id(" Balakot 7 ")
    'balakot-007'
    """
    compact = " ".join(text.strip().lower().split())
    match = _ID_PATTERN.match(compact)
    if not match:
        return compact
    return f"{match.group('article')}-{int(match.group('number')):03d}"


def read_id(answer: Any, known: Iterable[str], *, article: str | None = None) -> str:
    """Read one sentence id, or raise :class:`NotAnswered`.

    Capitals, outer spaces and a missing zero ("balakot-7") are forgiven (the
    feedback says so).

    >>> read_id(" Balakot-7", ["balakot-007"])
    'balakot-007'
    """
    if isinstance(answer, (list, tuple)) and len(answer) == 1 and isinstance(answer[0], str):
        note("(You gave a list; one id on its own is enough.)")
        return read_ids(answer, known, article=article)[0]
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}).")
    return read_ids([answer], known, article=article)[0]


def read_ids(answer: Any, known: Iterable[str], *, article: str | None = None) -> list[str]:
    """Read a non-empty list of sentence ids, or raise :class:`NotAnswered`.

    ``known`` are all valid ids; with ``article`` the ids must also belong to
    that piece.  Duplicates are dropped, order is kept.

    >>> read_ids(["tit-for-tat-033 ", "tit-for-tat-33"], ["tit-for-tat-033"])
    ['tit-for-tat-033']
    >>> read_ids("tit-for-tat-033", ["tit-for-tat-033"])
    Traceback (most recent call last):
    medialit.exercises.feedback.NotAnswered: you gave one string; put the ids in a list, like ["tit-for-tat-033"].
    """
    known = set(known)
    if isinstance(answer, str):
        raise NotAnswered(f"you gave one string; put the ids in a list, like [{safe_repr(answer.strip())}].")
    if isinstance(answer, Mapping) or not isinstance(answer, (list, tuple, set, frozenset)):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}).")
    items = list(answer)
    if not items:
        raise NotAnswered("your list is empty.")
    ids, unknown, elsewhere = [], [], []
    for item in items:
        if not isinstance(item, str):
            raise NotAnswered(f"every item should be a sentence id in quotes; {safe_repr(item)} is {kind_of(item)}.")
        clean = normalise_id(item)
        if clean != item:
            note(f"(I read {safe_repr(item)} as {safe_repr(clean)}.)")
        if clean not in known:
            unknown.append(item)
        elif article is not None and not clean.startswith(article + "-"):
            elsewhere.append(clean)
        elif clean not in ids:
            ids.append(clean)
    if unknown:
        raise NotAnswered(
            "no sentence has the id " + ", ".join(safe_repr(u) for u in unknown)
            + "; copy ids from the sentences table (column sent_id)."
        )
    if elsewhere:
        raise NotAnswered(f"{', '.join(elsewhere)} {'is' if len(elsewhere) == 1 else 'are'} not in "
                          f"{article}; this task is about {article} only.")
    return sorted(ids) if isinstance(answer, (set, frozenset)) else ids


@dataclass(frozen=True)
class Choices:
    """A fixed vocabulary and other spellings accepted for it (lower-case keys)."""

    values: tuple[str, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)
    what: str = "value"

    def read(self, raw: str) -> str | None:
        key = " ".join(raw.strip().strip("[]").lower().replace("_", " ").replace("-", " ").split())
        for value in self.values:
            if key == value.replace("_", " "):
                return value
        return self.aliases.get(key)


LABELS_READER = Choices(
    schema.LABELS,
    {"attr": "attributed", "attribution": "attributed", "adv": "advocacy"},
    "label",
)
SOURCE_TYPES_READER = Choices(schema.SOURCE_TYPES, {}, "source type")


def read_choice(answer: Any, choices: Choices) -> str:
    """Read one value from a fixed vocabulary, forgiving case, spaces and ``_``/``-``.

    >>> read_choice(" Attributed", LABELS_READER)
    'attributed'
    >>> read_choice("named official", SOURCE_TYPES_READER)
    'named_official'
    """
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}); "
                          f"write the {choices.what} in quotes.")
    value = choices.read(answer)
    if value is None:
        raise NotAnswered(f"{safe_repr(answer)} is not a {choices.what}; use one of "
                          + ", ".join(choices.values) + ".")
    if value != answer:
        note(f"(I read {safe_repr(answer)} as {safe_repr(value)}.)")
    return value


def read_mapping(answer: Any, keys: Iterable[str], *, what: str = "key",
                 read_key: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Read a dict that must have exactly ``keys`` (after ``read_key`` cleaning).

    A pandas Series is accepted as a dict.

    >>> read_mapping({"A ": 1}, ["a"], read_key=lambda k: k.strip().lower())
    {'a': 1}
    """
    keys = list(keys)
    if not isinstance(answer, Mapping) and hasattr(answer, "to_dict") and getattr(answer, "ndim", 0) == 1:
        answer = answer.to_dict()
    if not isinstance(answer, Mapping):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}); "
                          "write a dict with { }, like {" + f'"{keys[0]}": …' + "}.")
    cleaned: dict[str, Any] = {}
    for raw_key, value in answer.items():
        if not isinstance(raw_key, str):
            raise NotAnswered(f"the {what}s should be strings in quotes; {safe_repr(raw_key)} is {kind_of(raw_key)}.")
        key = read_key(raw_key) if read_key else raw_key
        if key != raw_key:
            note(f"(I read {safe_repr(raw_key)} as {safe_repr(key)}.)")
        cleaned[key] = value
    extra = [k for k in cleaned if k not in keys]
    missing = [k for k in keys if k not in cleaned]
    if extra:
        raise NotAnswered(f"{'this' if len(extra) == 1 else 'these'} {what}{'' if len(extra) == 1 else 's'} "
                          f"{'was' if len(extra) == 1 else 'were'} not asked for: "
                          f"{', '.join(map(safe_repr, extra))}. The {what}s are: {', '.join(keys)}.")
    if missing:
        raise NotAnswered(f"{len(missing)} of {len(keys)} {what}s still missing: {', '.join(missing)}.")
    return {k: cleaned[k] for k in keys}


def read_choice_mapping(answer: Any, keys: Iterable[str], choices: Choices, *, what: str = "key",
                        read_key: Callable[[str], str] | None = None) -> dict[str, str]:
    """Read a dict from each of ``keys`` to one value of ``choices`` (see :func:`read_mapping`).

    >>> read_choice_mapping({"x": " Fact"}, ["x"], LABELS_READER)
    {'x': 'fact'}
    """
    given = {}
    for key, value in read_mapping(answer, keys, what=what, read_key=read_key).items():
        try:
            given[key] = read_choice(value, choices)
        except NotAnswered as problem:
            shown = key if what == "sentence id" else f'"{key}"'
            raise NotAnswered(f"for {shown}: {problem}") from None
    return given


def read_number(answer: Any, *, share: bool = False) -> float:
    """Read one number (int, float, numpy scalar or a one-cell pandas object).

    With ``share=True`` the number is a share between 0 and 1; a percentage (above 1,
    up to 100, as ``compare``'s tables with ``normalize=True`` give) is read as a share.

    >>> read_number(0.25, share=True), read_number(25.0, share=True)
    (0.25, 0.25)
    >>> read_number(250, share=True)
    Traceback (most recent call last):
    medialit.exercises.feedback.NotAnswered: a share is between 0 and 1 (or a percentage up to 100); you gave 250.
    """
    value = _one_number(answer)
    return _as_shares({"": value})[""] if share else value


def _one_number(answer: Any) -> float:
    if isinstance(answer, (str, bool)):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}); give a number without quotes.")
    if getattr(answer, "size", None) == 1 and hasattr(answer, "ndim") and answer.ndim > 0:
        note("(You gave a table with one value; I used that value.)")
        answer = answer.squeeze() if hasattr(answer, "squeeze") else answer
    if hasattr(answer, "item") and getattr(answer, "ndim", None) == 0:
        answer = answer.item()
    if isinstance(answer, bool) or not isinstance(answer, Real):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}); give one number.")
    value = float(answer)
    if math.isnan(value) or math.isinf(value):
        raise NotAnswered(f"your number is {value}; look for a division by zero or an empty table.")
    return value


def _as_shares(values: dict[str, float]) -> dict[str, float]:
    """Shares between 0 and 1; if any value is above 1 (and none above 100), all are read as percentages."""
    for key, value in values.items():
        if not 0 <= value <= 100:
            where = f"for {key}: " if key else ""
            raise NotAnswered(f"{where}a share is between 0 and 1 (or a percentage up to 100); you gave {value:g}.")
    if any(value > 1 for value in values.values()):
        first = next(v for v in values.values() if v > 1)
        note(f"(I read your {'numbers' if len(values) > 1 else 'number'} as percentages: {first:g} as {first / 100:g}.)")
        return {key: value / 100 for key, value in values.items()}
    return values


def read_numbers(answer: Any, keys: Iterable[str], *, what: str = "article id", share: bool = False) -> dict[str, float]:
    """Read a dict (or pandas Series) of numbers with exactly ``keys`` (shares: see :func:`read_number`).

    >>> read_numbers({"balakot": 3}, ["balakot"])
    {'balakot': 3.0}
    >>> read_numbers({"a": 50, "b": 0.5}, ["a", "b"], share=True)
    {'a': 0.5, 'b': 0.005}
    """
    mapping = read_mapping(answer, keys, what=what, read_key=lambda k: " ".join(k.strip().lower().split()))
    out = {}
    for key, value in mapping.items():
        try:
            out[key] = _one_number(value)
        except NotAnswered as problem:
            raise NotAnswered(f"for {key}: {problem}") from None
    return _as_shares(out) if share else out


def read_text(answer: Any, *, min_words: int) -> str:
    """Read a written answer of at least ``min_words`` words, most of them different.

    Words are counted by :func:`medialit.compare.count_words`, the package's one word counter.

    >>> read_text("too short", min_words=5)
    Traceback (most recent call last):
    medialit.exercises.feedback.NotAnswered: your text has 2 words; write at least 5.
    >>> read_text("blah " * 50, min_words=40)
    Traceback (most recent call last):
    medialit.exercises.feedback.NotAnswered: your text repeats itself: 50 words but only 1 different; write at least 20 different words.
    """
    if not isinstance(answer, str):
        raise NotAnswered(f"you gave {kind_of(answer)} ({safe_repr(answer)}); write your answer as text in quotes.")
    count = count_words(answer)
    if count < min_words:
        raise NotAnswered(f"your text has {count} word{'s' if count != 1 else ''}; write at least {min_words}.")
    different = len({word.lower() for word in words(answer)})
    if different < min_words // 2:
        raise NotAnswered(f"your text repeats itself: {count} words but only {different} different; "
                          f"write at least {min_words // 2} different words.")
    return " ".join(answer.split())


def read_figure(answer: Any):
    """Read a matplotlib Figure (an Axes is accepted and its figure used).

    >>> import matplotlib.figure
    >>> read_figure(matplotlib.figure.Figure()).__class__.__name__
    'Figure'
    """
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    if isinstance(answer, Axes):
        note("(You gave the Axes; I checked its Figure.)")
        return answer.figure
    if not isinstance(answer, Figure):
        raise NotAnswered(f"you gave {kind_of(answer)}; give the Figure, as in fig, ax = plt.subplots() … then fig.")
    return answer


_SENTENCE_ID_IN_TEXT = re.compile(r"\b[a-z][a-z-]*[a-z]-\d{3}\b")


def ids_in_text(text: str) -> list[str]:
    """Sentence ids mentioned in a written answer, in order, without repeats.

    >>> ids_in_text("See Balakot-007 and militancy-bases-017, then balakot-007.")
    ['balakot-007', 'militancy-bases-017']
    """
    return list(dict.fromkeys(_SENTENCE_ID_IN_TEXT.findall(text.lower())))


def norm_phrase(text: str) -> str:
    """Lower case, quotation marks and punctuation as spaces, spaces squashed.

    >>> norm_phrase("“Apparently,” he")
    'apparently he'
    """
    text = re.sub(r"[“”\"'‘’.,;:!?()\[\]]", " ", str(text).lower())
    return " ".join(text.split())


def article_key(raw: str) -> str:
    """An article id as typed, cleaned: lower case, ``_`` as ``-``, spaces squashed."""
    return " ".join(raw.strip().lower().replace("_", "-").split())


def read_article(answer: Any, pieces: Iterable[str]) -> str:
    """Read one article id out of ``pieces``.

    >>> read_article(" Balakot", ["balakot", "tit-for-tat"])
    'balakot'
    """
    pieces = list(pieces)
    if not isinstance(answer, str):
        raise NotAnswered(f"give the article id as text in quotes, like \"{pieces[0]}\".")
    key = article_key(answer)
    if key not in pieces:
        raise NotAnswered(f"{answer!r} is not one of the article ids: {', '.join(pieces)}.")
    if key != answer:
        note(f'(I read "{answer}" as "{key}".)')
    return key


def read_phrases(answer: Any) -> list[str]:
    """Read a non-empty list of phrases (words copied from a text), without repeats."""
    if isinstance(answer, str):
        raise NotAnswered(f'you gave one string; put the words in a list, like ["{answer.strip()}"].')
    if not isinstance(answer, (list, tuple, set)):
        raise NotAnswered(f"you gave {type(answer).__name__}; give a list of words in quotes.")
    phrases = list(answer)
    if not phrases:
        raise NotAnswered("your list is empty.")
    for item in phrases:
        if not isinstance(item, str) or not item.strip():
            raise NotAnswered("every item should be words copied from the sentence, in quotes.")
    return list(dict.fromkeys(p.strip() for p in phrases))

