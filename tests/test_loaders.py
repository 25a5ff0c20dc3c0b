"""The loaders read data/ at every call: a table is parsed once per content, never served stale."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import medialit as ml

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_change_to_a_table_is_seen_at_the_next_call_even_with_the_same_size_and_time(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("user", "raw"))
    path = folder / "sentences.csv"
    before = ml.load_sentences(data_dir=folder)
    first = before.iloc[0]
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.startswith(f"{first.article_id},{first.sent_id},"))
    old, new = ("fact", "meta") if first.label == "fact" else (str(first.label), "fact")
    assert len(old) == len(new) and f",{old}," in line
    path.write_text(text.replace(line, line.replace(f",{old},", f",{new},", 1)), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))         # same size, same time: only the bytes differ
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    after = ml.load_sentences(data_dir=folder)
    assert after.iloc[0].label == new and str(after.label.dtype) == "category"
    path.write_text(text, encoding="utf-8")
    assert ml.load_sentences(data_dir=folder).iloc[0].label == first.label


def test_each_caller_gets_its_own_copy():
    mine = ml.load_sentences()
    mine.loc[mine.index[0], "text"] = "changed by one caller"
    del mine["label"]
    spans = ml.load_spans()
    spans["extra"] = 1
    fresh, fresh_spans = ml.load_sentences(), ml.load_spans()
    assert fresh.loc[fresh.index[0], "text"] != "changed by one caller" and "label" in fresh.columns
    assert "extra" not in fresh_spans.columns
    assert fresh.equals(ml.load_sentences()) and fresh is not ml.load_sentences()


def test_a_missing_table_is_still_a_clear_error(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(ml.corpus.DataError, match="sentences.csv is missing from the data folder"):
        ml.load_sentences(data_dir=folder)
