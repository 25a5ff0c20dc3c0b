"""Load the five texts and their annotations as pandas DataFrames.

Every loader reads from the repository's ``data/`` folder (found relative to
this package) unless you pass another folder as ``data_dir``.  Columns with a
fixed vocabulary come back as pandas categoricals, in the codebook's order.
Each call reads the file again, so a change in ``data/`` is seen at once; a
table whose bytes are unchanged is not parsed again (each caller gets its own copy).

>>> sentences = load_sentences()
>>> sentences.label.cat.categories.tolist()
['fact', 'attributed', 'advocacy', 'meta']
>>> raw = load_raw("balakot")
>>> row = sentences[sentences.sent_id == "balakot-001"].iloc[0]
>>> raw[row.start:row.end] == row.text
True
"""

from __future__ import annotations

import io
import os
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pandas as pd

from . import schema

__all__ = [
    "DataError", "data_dir", "load_raw", "load_manifest", "load_articles", "load_sentences",
    "load_spans", "load_actors", "load_lexicon", "load_frames", "load_timeline", "article_ids", "sentence",
    "TRANSFER", "load_transfer", "load_transfer_texts", "load_transfer_raw",
]

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


class DataError(ValueError):
    """A data file is missing or cannot be read; the message says which and what to do."""


def _find_data_folder() -> Path | None:
    """The repository's ``data/``: beside the package, or above the working directory."""
    beside = _PACKAGE_ROOT / "data"
    if (beside / "manifest.csv").is_file():  # the usual case: asked first, without looking at the working directory
        return beside
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "manifest.csv").is_file():
            return folder / "data"
    return None


def data_dir(data_dir: str | Path | None = None) -> Path:
    """The folder the loaders read.

    In order: ``data_dir`` if given; the ``MEDIALIT_DATA`` environment variable; the
    repository's ``data/`` beside this package (an editable install, the usual case); a
    ``data/`` folder in the working directory or one above it (a plain install, run from
    inside a copy of the repository).

    >>> data_dir().name
    'data'
    """
    if data_dir is None and os.environ.get("MEDIALIT_DATA"):
        data_dir = os.environ["MEDIALIT_DATA"]
    folder = Path(data_dir) if data_dir is not None else _find_data_folder()
    if folder is None or not folder.is_dir():
        raise DataError(
            f"Data folder not found{f': {folder}' if folder else ''}. Open the notebooks from a full copy "
            "of the repository, or set MEDIALIT_DATA to its data/ folder."
        )
    return folder


#: (file, typing) -> (the bytes last parsed, the typed table parsed from them)
_PARSED: dict[tuple[str, Callable | None], tuple[bytes, pd.DataFrame]] = {}


def _read_csv(name: str, folder: str | Path | None,
              typed: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> pd.DataFrame:
    """The table ``name`` of the data folder as text columns, passed through ``typed``; a copy of
    the one parsed before when the file's bytes have not changed since (checks read the same
    tables thousands of times)."""
    path = data_dir(folder) / name
    if not path.is_file():
        raise DataError(f"{name} is missing from the data folder ({path.parent.name}/).")
    content = path.read_bytes()
    key = (os.path.abspath(path), typed)
    parsed = _PARSED.get(key)
    if parsed is None or parsed[0] != content:  # comparing the bytes is faster than hashing them
        frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, encoding="utf-8")
        parsed = _PARSED[key] = (content, typed(frame) if typed else frame)
    return parsed[1].copy()


def _categorical(frame: pd.DataFrame, column: str, values) -> None:
    frame[column] = pd.Categorical(frame[column], categories=list(values))


def _integers(frame: pd.DataFrame, *columns: str) -> None:
    for column in columns:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")


def load_raw(article_id: str, *, data_dir: str | Path | None = None) -> str:
    """The received text of one piece, exactly as stored in ``data/raw/``.

    >>> load_raw("balakot").splitlines()[0]
    'Is Balakot ‘Back in Business’ Months After Indian Air Strikes?'
    """
    folder = globals()["data_dir"](data_dir)
    path = folder / "raw" / f"{article_id}.txt"
    if not path.is_file():
        known = ", ".join(article_ids(data_dir=data_dir))
        raise DataError(f"No raw text for article id {article_id!r}. Known ids: {known}.")
    # newline="" keeps \r\n and \r as they are, so offsets match the bytes on disk.
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def load_manifest(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``manifest.csv``: seed file, article id, sha256 and size of every raw text."""
    frame = _read_csv("manifest.csv", data_dir)
    _integers(frame, "bytes")
    return frame


def article_ids(*, data_dir: str | Path | None = None) -> list[str]:
    """The article ids in the manifest, in reading order.

    >>> article_ids()
    ['militancy-bases', 'ap-crackdown', 'regional-peace', 'balakot', 'tit-for-tat']
    """
    return load_manifest(data_dir=data_dir).article_id.tolist()


def load_articles(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``articles.csv``: one row per piece, what the page shows about itself."""
    frame = _read_csv("articles.csv", data_dir)
    _integers(frame, "word_count")
    return frame


def load_sentences(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``sentences.csv``: one row per sentence, with its gold labels."""
    return _read_csv("sentences.csv", data_dir, _typed_sentences)


def _typed_sentences(frame: pd.DataFrame) -> pd.DataFrame:
    _integers(frame, "paragraph", "start", "end", "accusation")
    _categorical(frame, "role", schema.ROLES)
    _categorical(frame, "label", schema.LABELS)
    _categorical(frame, "source_type", schema.SOURCE_TYPES)
    _categorical(frame, "conflict", schema.CONFLICTS)
    return frame


def load_spans(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``spans.csv``: cues, hedges, boosters, loaded words, names and numbers."""
    return _read_csv("spans.csv", data_dir, _typed_spans)


def _typed_spans(frame: pd.DataFrame) -> pd.DataFrame:
    _integers(frame, "start", "end")
    _categorical(frame, "kind", schema.SPAN_KINDS)
    return frame


def load_actors(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``actors.csv``: the parties that accuse or are accused."""
    frame = _read_csv("actors.csv", data_dir)
    _categorical(frame, "kind", schema.ACTOR_KINDS)
    return frame


def load_timeline(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``timeline.csv``: dated events the pieces mention, with the sentences that mention them.

    >>> timeline = load_timeline()
    >>> list(timeline.columns)
    ['event_id', 'date', 'event', 'mentioned_in', 'date_basis', 'source']
    """
    return _read_csv("timeline.csv", data_dir)


def load_lexicon(name: str, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """One word list from ``data/lexicons/`` (``cues``, ``hedges``, ``naming`` ...).

    >>> "according to" in load_lexicon("cues").term.tolist()
    True
    """
    folder = globals()["data_dir"](data_dir) / "lexicons"
    path = folder / f"{name}.csv"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in folder.glob("*.csv")))
        raise DataError(f"No lexicon called {name!r}. Available: {known}.")
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_frames(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``frames.csv``: Entman's four framing functions per piece, with evidence ids."""
    frame = _read_csv("frames.csv", data_dir)
    _categorical(frame, "function", schema.FRAME_FUNCTIONS)
    return frame


#: Folder inside ``data/`` with the invented transfer texts (never used in a lesson).
TRANSFER = "transfer"


def load_transfer_texts(*, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``transfer/texts.csv``: one row per invented transfer text, its genre and its ``split``.

    >>> load_transfer_texts().groupby("split").size().to_dict()
    {'dev': 3, 'test': 3}
    """
    return _read_csv(f"{TRANSFER}/texts.csv", data_dir)


def load_transfer(split: str | None = None, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """``transfer/sentences.csv`` (same columns as ``sentences.csv``) plus each text's ``split``.

    ``split`` is ``"dev"``, ``"test"`` or ``None`` (both halves).  The test half is for
    measuring the tagger only; no rule may be written or tuned against it.

    >>> t = load_transfer("test")
    >>> sorted(t.article_id.unique())
    ['interior-statement', 'live-updates', 'post-editorial']
    >>> raw = load_transfer_raw("live-updates")
    >>> row = t.iloc[2]
    >>> raw[row.start:row.end] == row.text
    True
    """
    if split not in (None, "dev", "test"):
        raise DataError(f"split must be 'dev', 'test' or None; got {split!r}.")
    frame = _read_csv(f"{TRANSFER}/sentences.csv", data_dir, _typed_sentences)
    texts = load_transfer_texts(data_dir=data_dir).set_index("article_id")
    frame["split"] = frame.article_id.map(texts.split)
    return frame if split is None else frame[frame.split == split].reset_index(drop=True)


def load_transfer_raw(article_id: str, *, data_dir: str | Path | None = None) -> str:
    """The raw text of one invented transfer text, from ``data/transfer/raw/``.

    >>> load_transfer_raw("ledger-oped").startswith("INVENTED TEXT")
    True
    """
    folder = globals()["data_dir"](data_dir) / TRANSFER
    if not (folder / "raw" / f"{article_id}.txt").is_file():
        known = ", ".join(load_transfer_texts(data_dir=data_dir).article_id)
        raise DataError(f"No transfer text with id {article_id!r}. Known ids: {known}.")
    return load_raw(article_id, data_dir=folder)


@lru_cache(maxsize=1)
def _sentence_index() -> pd.DataFrame:
    return load_sentences().set_index("sent_id")


def sentence(sent_id: str) -> str:
    """The text of one sentence of the five pieces, by id.

    >>> sentence("balakot-003")
    '4 min read'
    """
    index = _sentence_index()
    if sent_id not in index.index:
        raise DataError(f"No sentence with id {sent_id!r}; ids look like 'balakot-007'.")
    return index.at[sent_id, "text"]
