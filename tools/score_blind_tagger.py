"""Score the tagger's first draft (written before any gold label existed) against today's gold.

    python tools/score_blind_tagger.py            # draft = commit fd7a7c8

The current tagger's rules were revised after reading its disagreements with the gold labels,
so its scores are optimistic. The draft's scores are the honest estimate for a new article.
The draft is unpacked from git history into a temporary folder and run there with its own
word lists; the gold labels and the scoring code are today's.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ("fact", "attributed", "advocacy")
#: The first piece's article id now, and before the rename.
RENAMED = ("militancy-bases", "pok" + "-bases")


def draft_predictions(commit: str) -> pd.Series:
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        tarfile.open(fileobj=BytesIO(archive)).extractall(folder, filter="data")
        # The draft predates the rename of the first piece's id (data dictionary changelog).
        first = next(a for a in RENAMED if (Path(folder) / "data" / "raw" / f"{a}.txt").is_file())
        script = ("import sys, pandas as pd; sys.path.insert(0, sys.argv[1]); import medialit.tagger as t; "
                  f"ids = [{first!r}, 'ap-crackdown', 'regional-peace', 'balakot', 'tit-for-tat']; "
                  "pd.concat([t.tag_article(a) for a in ids])[['sent_id', 'label']].astype(str)"
                  ".to_csv(sys.stdout, index=False)")
        out = subprocess.run([sys.executable, "-c", script, folder], cwd=folder, check=True,
                             capture_output=True, text=True).stdout
    labels = pd.read_csv(BytesIO(out.encode()), dtype=str).set_index("sent_id").label
    return labels.rename(index=lambda i: RENAMED[0] + i[len(first):] if i.startswith(first + "-") else i)


def main(argv: list[str]) -> int:
    from medialit import evaluate, load_sentences

    commit = argv[0] if argv else "fd7a7c8"
    gold = load_sentences().set_index("sent_id")
    predicted = draft_predictions(commit).reindex(gold.index)
    g, p = gold.label.astype(str).tolist(), predicted.tolist()
    print(f"draft {commit} against today's gold, {len(g)} sentences")
    print(f"whole corpus: macro-F1 (4 labels) {evaluate.macro_f1(g, p):.3f}, "
          f"(3 content labels) {evaluate.macro_f1(g, p, labels=CONTENT):.3f}, kappa {evaluate.cohen_kappa(g, p):.3f}")
    four, three = [], []
    for article, rows in gold.groupby("article_id", observed=True, sort=False):
        gg, pp = rows.label.astype(str).tolist(), predicted.loc[rows.index].tolist()
        four.append(evaluate.macro_f1(gg, pp))
        three.append(evaluate.macro_f1(gg, pp, labels=CONTENT))
        print(f"  {article:15s} macro-F1 (4) {four[-1]:.3f}  (3) {three[-1]:.3f}")
    print(f"article by article: mean (4) {statistics.mean(four):.3f}, mean (3) {statistics.mean(three):.3f}, "
          f"weakest (4) {min(four):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
