"""Recompute the word_count column of data/articles.csv from the sentence table.

    python tools/update_word_counts.py

word_count = words in the article's body sentences, counted by medialit.compare.count_words.
tests/test_data.py fails when the stored column differs from this computation.
"""

import csv
from pathlib import Path

import medialit as ml
from medialit.compare import count_words
from medialit.schema import ARTICLE_COLUMNS


def body_word_counts(sentences=None) -> dict[str, int]:
    sentences = ml.load_sentences() if sentences is None else sentences
    body = sentences[sentences.role == "body"]
    return {aid: sum(count_words(t) for t in group.text) for aid, group in body.groupby("article_id", observed=True)}


def main() -> None:
    path = Path(ml.corpus.data_dir()) / "articles.csv"
    counts = body_word_counts()
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["word_count"] = str(counts.get(row["article_id"], 0))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ARTICLE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
