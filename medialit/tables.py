"""Table helpers shared by ``compare``, ``plots`` and ``reader``: one way to accept a table.

Every function that takes an annotation table checks it the same way:

- :func:`prepare` loads the gold table when none is given, names a missing column
  (:class:`MissingColumnsError`), and turns an empty table into an empty, well-formed one;
- :func:`article_order` picks the articles to show, in reading order, and names an
  unknown id (:class:`UnknownArticleError`, whose message lists the ids that exist);
- :func:`as_text` reads a column as plain strings (missing values as ``""``);
- :func:`select_rows` keeps the rows of some articles (and roles).

>>> import pandas as pd
>>> as_text(pd.Series(["a", None])).tolist()
['a', '']
>>> article_order(pd.DataFrame({"article_id": ["mine", "balakot"]}), None)
['balakot', 'mine']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from . import schema
from .corpus import DataError, article_ids

__all__ = ["UnknownArticleError", "MissingColumnsError", "prepare", "as_text", "known_order", "article_order",
           "select_rows"]


class UnknownArticleError(DataError, KeyError):
    """An article id was asked for that is not in the data; the message lists the known ids."""

    def __str__(self) -> str:  # KeyError would otherwise wrap the message in quotes
        return str(self.args[0]) if self.args else ""


class MissingColumnsError(DataError):
    """A table lacks a column the function needs; the message names it."""


def prepare(frame: pd.DataFrame | None, loader, required: Iterable[str], what: str) -> pd.DataFrame:
    """Load the gold table if ``frame`` is None; check columns; return a copy."""
    if frame is None:
        frame = loader()
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"Expected a pandas DataFrame of {what}, got {type(frame).__name__}.")
    required = list(required)
    missing = [c for c in required if c not in frame.columns]
    if missing and len(frame) == 0:
        # An empty table: add the columns, so that the result is an empty, well-formed table.
        frame = frame.reindex(columns=list(frame.columns) + missing)
        missing = []
    if missing:
        raise MissingColumnsError(
            f"The {what} table has no column {', '.join(map(repr, missing))}. "
            f"It needs {', '.join(required)} (the columns of data/{what}.csv)."
        )
    return frame.copy()


def as_text(series: pd.Series) -> pd.Series:
    """A column as plain strings, with missing values as ''."""
    return series.astype("object").where(series.notna(), "").astype(str)


def known_order(present: Iterable[str]) -> list[str]:
    """Ids in ``present``: the manifest's reading order first, then others by first appearance."""
    try:
        manifest = article_ids()
    except DataError:
        manifest = []
    seen = list(dict.fromkeys(present))
    return [a for a in manifest if a in seen] + [a for a in seen if a not in manifest]


def article_order(frame: pd.DataFrame, articles: str | Iterable[str] | None) -> list[str]:
    """Which articles to show, in order; raise UnknownArticleError for ids nowhere to be found."""
    present = as_text(frame["article_id"]).tolist() if "article_id" in frame else []
    if articles is None:
        return known_order(present)
    wanted = [articles] if isinstance(articles, str) else list(articles)
    try:
        manifest = article_ids()
    except DataError:
        manifest = []
    known = list(dict.fromkeys(manifest + present))
    unknown = [a for a in wanted if a not in known]
    if unknown:
        raise UnknownArticleError(
            f"No article with id {', '.join(map(repr, unknown))}. "
            f"Known ids: {', '.join(known) if known else '(none)'}."
        )
    return list(dict.fromkeys(wanted))


def select_rows(frame: pd.DataFrame, order: list[str], roles: Iterable[str] | None = None) -> pd.DataFrame:
    """The rows of ``frame`` whose article is in ``order`` (and, if given, whose role is in ``roles``)."""
    keep = as_text(frame["article_id"]).isin(order)
    if roles is not None:
        roles = [roles] if isinstance(roles, str) else list(roles)
        bad = [r for r in roles if r not in schema.ROLES]
        if bad:
            raise DataError(f"Unknown role {', '.join(map(repr, bad))}; roles are {', '.join(schema.ROLES)}.")
        keep &= as_text(frame["role"]).isin(roles)
    return frame[keep]
