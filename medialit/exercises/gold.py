"""The data every check reads, loaded fresh at each check so corrections in ``data/`` flow through.

Expected answers are never typed into a task: they are computed here (or in the
exercise's own module) from the gold tables.

>>> row(sentences(), "balakot-001").article_id
'balakot'
>>> plural(1, "word"), plural(3, "word")
('1 word', '3 words')
"""

from __future__ import annotations

import pandas as pd

from .. import compare, corpus, schema

__all__ = ["sentences", "spans", "row", "plural", "shares", "counts_by_piece", "fmt"]


def sentences() -> pd.DataFrame:
    """The gold sentences table (``data/sentences.csv``)."""
    return corpus.load_sentences()


def spans() -> pd.DataFrame:
    """The gold spans table (``data/spans.csv``)."""
    return corpus.load_spans()


def row(table: pd.DataFrame, sent_id: str) -> pd.Series:
    """The one row of ``table`` with ``sent_id``; a LookupError if there is not exactly one."""
    rows = table[table.sent_id == sent_id]
    if len(rows) != 1:
        raise LookupError(f"the data has no sentence {sent_id}")
    return rows.iloc[0]


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an s when ``n`` is not 1."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def shares(table: pd.DataFrame, *, label: str, roles=("body",)) -> dict[str, float]:
    """Per piece, the share (0 to 1) of its sentences with ``roles`` that have ``label``.

    Computed with :func:`medialit.compare.label_shares`, the helper the lessons use.
    """
    table = compare.label_shares(table, roles=roles, normalize=True)
    return {a: float(table.at[a, label]) / 100 for a in schema.ARTICLE_IDS}


def counts_by_piece(mask: pd.Series, table: pd.DataFrame) -> dict[str, float]:
    """Per piece, how many rows of ``table`` are True in ``mask``."""
    return {a: float((mask & (table.article_id == a)).sum()) for a in schema.ARTICLE_IDS}


def fmt(values: dict[str, float], digits: int = 2) -> str:
    """``{"a": 0.5}`` as ``"a 0.50"``, for feedback that lists one value per piece.

    >>> fmt({"a": 0.5, "b": 2.0}), fmt({"a": 3.0}, 0)
    ('a 0.50, b 2.00', 'a 3')
    """
    return ", ".join(f"{k} {v:.{digits}f}" if digits else f"{k} {v:g}" for k, v in values.items())
