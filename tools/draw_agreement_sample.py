"""Draw the random sample of non-meta sentences for the second, independent annotation pass.

    python tools/draw_agreement_sample.py   # rewrites data/agreement/sample.csv

The sample uses a fixed seed so that it can be reproduced; the second annotator sees only
this file, the codebook and the raw texts — never the gold labels.
"""

import csv
import random
from pathlib import Path

import medialit as ml
from medialit.schema import META_ROLES

SEED = 20261122
SIZE = 72


def main() -> None:
    sentences = ml.load_sentences()
    content = sentences[~sentences.role.isin(META_ROLES)]
    rows = list(content[["sent_id", "role", "text"]].itertuples(index=False))
    picked = set(random.Random(SEED).sample(range(len(rows)), SIZE))
    out = Path(ml.corpus.data_dir()) / "agreement" / "sample.csv"
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sent_id", "role", "text"])
        writer.writerows(tuple(rows[i]) for i in sorted(picked))


if __name__ == "__main__":
    main()
