"""Draw the random samples of non-meta sentences for the independent annotation passes.

    python tools/draw_agreement_sample.py           # round 1: rewrites data/agreement/sample.csv
    python tools/draw_agreement_sample.py --round 2 # round 2: rewrites data/agreement/round2/sample.csv

Round 1 (72 sentences) was labelled against the first codebook. Round 2 (60 sentences) was
drawn after the codebook was refined, from the sentences that neither round 1 nor the codebook's
worked examples (as they stood then: ``agreement/round2/codebook_examples_at_draw.csv``) use,
so it measures agreement on the refined codebook with fresh sentences.
Each sample uses a fixed seed so that it can be reproduced (tests/test_data.py re-draws them);
the annotators see only the sample, the codebook and the raw texts — never the gold labels.
"""

import argparse
import csv
import random
import re
from pathlib import Path

import medialit as ml
from medialit.schema import META_ROLES

ROUNDS = {1: (20261122, 72, "sample.csv"), 2: (20261123, 60, "round2/sample.csv")}


def candidates(round_number: int, data_dir=None) -> list[tuple[str, str, str]]:
    """(sent_id, role, text) of the sentences round ``round_number`` may draw from, in reading order."""
    sentences = ml.load_sentences(data_dir=data_dir)
    content = sentences[~sentences.role.isin(META_ROLES)]
    rows = list(content[["sent_id", "role", "text"]].itertuples(index=False, name=None))
    if round_number == 1:
        return rows
    folder = ml.corpus.data_dir(data_dir)
    used = {row["sent_id"] for row in csv.DictReader(open(folder / "agreement" / "sample.csv", encoding="utf-8"))}
    used |= codebook_examples_at_draw(folder)
    return [row for row in rows if row[0] not in used]


def codebook_examples_at_draw(folder: Path) -> set[str]:
    """Sentence ids the codebook cited when round 2 was drawn.

    They are frozen in ``agreement/round2/codebook_examples_at_draw.csv`` so that later codebook
    cases (which cite more sentences) do not change the pool the sample was drawn from.
    """
    frozen = folder / "agreement" / "round2" / "codebook_examples_at_draw.csv"
    if frozen.is_file():
        return {row["sent_id"] for row in csv.DictReader(open(frozen, encoding="utf-8"))}
    return set(re.findall(r"\b[a-z]+(?:-[a-z]+)*-\d{3}\b", (folder / "codebook.md").read_text(encoding="utf-8")))


def draw(round_number: int, data_dir=None) -> list[tuple[str, str, str]]:
    seed, size, _ = ROUNDS[round_number]
    rows = candidates(round_number, data_dir)
    picked = set(random.Random(seed).sample(range(len(rows)), size))
    return [rows[i] for i in sorted(picked)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1)
    args = parser.parse_args()
    out = Path(ml.corpus.data_dir()) / "agreement" / ROUNDS[args.round][2]
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sent_id", "role", "text"])
        writer.writerows(draw(args.round))


if __name__ == "__main__":
    main()
