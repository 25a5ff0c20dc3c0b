"""Draw the random samples of non-meta sentences for the independent annotation passes.

    python tools/draw_agreement_sample.py           # round 1: rewrites data/agreement/sample.csv
    python tools/draw_agreement_sample.py --round 2 # round 2: rewrites data/agreement/round2/sample.csv
    python tools/draw_agreement_sample.py --round 3 # round 3: rewrites data/agreement/round3/sample.csv

Round 1 (72 sentences) was labelled against the first codebook. Round 2 (60 sentences) was
drawn after the codebook was refined, from the sentences that neither round 1 nor the codebook's
worked examples (as they stood then: ``agreement/round2/codebook_examples_at_draw.csv``) use,
so it measures agreement on the refined codebook with fresh sentences.
Round 3 was drawn after the balance review (issue 13) added the rule for vague and
insinuated accused parties (codebook §4, cases 29–35), from the sentences that neither round 1
nor round 2 sampled and that the codebook did not cite when round 3 was drawn
(``agreement/round3/codebook_examples_at_draw.csv``, written on the first draw). That pool
held only 43 sentences, fewer than the 60 planned, so round 3 takes all of them: a census of
the sentences no earlier pass or worked example had used (the seed changes nothing).
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

ROUNDS = {1: (20261122, 72, "sample.csv"), 2: (20261123, 60, "round2/sample.csv"),
          3: (20261129, 43, "round3/sample.csv")}  # the whole pool: see the module docstring

#: A full sentence id, or a short ``-NNN`` that refers to the article of the id before it;
#: an id, ``to`` and another id right after it (``X`` to ``-NNN``) cite every sentence in between.
CITED = re.compile(r"\b([a-z]+(?:-[a-z]+)*)-(\d{3})\b|(?<![\w-])-(\d{3})\b")
RANGE_GAP = re.compile(r"`?\s+to\s+`?")


def candidates(round_number: int, data_dir=None) -> list[tuple[str, str, str]]:
    """(sent_id, role, text) of the sentences round ``round_number`` may draw from, in reading order."""
    sentences = ml.load_sentences(data_dir=data_dir)
    content = sentences[~sentences.role.isin(META_ROLES)]
    rows = list(content[["sent_id", "role", "text"]].itertuples(index=False, name=None))
    if round_number == 1:
        return rows
    folder = ml.corpus.data_dir(data_dir)
    used = sample_ids(folder / "agreement" / "sample.csv")
    if round_number == 2:
        used |= codebook_examples_at_draw(folder)
    else:
        used |= sample_ids(folder / "agreement" / "round2" / "sample.csv")
        used |= codebook_examples_at_round_3(folder)
    return [row for row in rows if row[0] not in used]


def sample_ids(path: Path) -> set[str]:
    """The sentence ids of an earlier round's sample file."""
    with open(path, encoding="utf-8") as handle:
        return {row["sent_id"] for row in csv.DictReader(handle)}


def cited_ids(codebook: str) -> set[str]:
    """Every sentence id a codebook text cites, short forms and ranges included.

    >>> sorted(cited_ids("`regional-peace-038` to `-040`, `balakot-010` and `-011`"))
    ['balakot-010', 'balakot-011', 'regional-peace-038', 'regional-peace-039', 'regional-peace-040']
    """
    cited, article, previous = set(), None, None
    for match in CITED.finditer(codebook):
        full_article, full_number, short_number = match.groups()
        if full_article:
            article, number = full_article, int(full_number)
        elif article is None:
            continue
        else:
            number = int(short_number)
        gap = codebook[previous[2]:match.start()] if previous else ""
        if RANGE_GAP.fullmatch(gap) and previous[0] == article and previous[1] < number:
            cited |= {f"{article}-{n:03d}" for n in range(previous[1] + 1, number)}
        cited.add(f"{article}-{number:03d}")
        previous = (article, number, match.end())
    return cited


def codebook_examples_at_draw(folder: Path) -> set[str]:
    """Sentence ids the codebook cited when round 2 was drawn.

    They are frozen in ``agreement/round2/codebook_examples_at_draw.csv`` so that later codebook
    cases (which cite more sentences) do not change the pool the sample was drawn from.
    """
    frozen = folder / "agreement" / "round2" / "codebook_examples_at_draw.csv"
    if frozen.is_file():
        return {row["sent_id"] for row in csv.DictReader(open(frozen, encoding="utf-8"))}
    return set(re.findall(r"\b[a-z]+(?:-[a-z]+)*-\d{3}\b", (folder / "codebook.md").read_text(encoding="utf-8")))


def codebook_examples_at_round_3(folder: Path) -> set[str]:
    """Sentence ids the codebook cited when round 3 was drawn.

    Frozen in ``agreement/round3/codebook_examples_at_draw.csv`` (written by :func:`main` on the
    first draw, from :func:`cited_ids` of the codebook as it stood), for the same reason as
    :func:`codebook_examples_at_draw`.
    """
    frozen = folder / "agreement" / "round3" / "codebook_examples_at_draw.csv"
    if frozen.is_file():
        return sample_ids(frozen)
    return cited_ids((folder / "codebook.md").read_text(encoding="utf-8"))


def draw(round_number: int, data_dir=None) -> list[tuple[str, str, str]]:
    seed, size, _ = ROUNDS[round_number]
    rows = candidates(round_number, data_dir)
    picked = set(random.Random(seed).sample(range(len(rows)), size))
    return [rows[i] for i in sorted(picked)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1)
    args = parser.parse_args()
    folder = Path(ml.corpus.data_dir())
    out = folder / "agreement" / ROUNDS[args.round][2]
    out.parent.mkdir(parents=True, exist_ok=True)
    frozen = folder / "agreement" / "round3" / "codebook_examples_at_draw.csv"
    if args.round == 3 and not frozen.is_file():
        cited = sorted(codebook_examples_at_round_3(folder))
        with open(frozen, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["sent_id"])
            writer.writerows([sent_id] for sent_id in cited)
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sent_id", "role", "text"])
        writer.writerows(draw(args.round))


if __name__ == "__main__":
    main()
