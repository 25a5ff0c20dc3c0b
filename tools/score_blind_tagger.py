"""Score the tagger on labelled articles it was not written against.

    python tools/score_blind_tagger.py FOLDER [FOLDER ...]      # hand-labelled articles
    python tools/score_blind_tagger.py FOLDER --save data/evaluation/NAME.csv
    python tools/score_blind_tagger.py data/transfer --half test  # the blind half of the transfer texts
    python tools/score_blind_tagger.py --draft fd7a7c8          # the first draft on the five

A FOLDER holds the texts (``<article_id>.txt`` or ``raw/<article_id>.txt``) and
``sentences.csv`` with at least ``article_id, start, end, label`` (``accusation``
too, to score accusations), as read by :func:`medialit.evaluate.load_labelled_folder`.
The hand sentences may be cut differently from the tagger's: they are matched by
their offsets.  The texts can stay outside the repository (real articles whose
text may not be committed); ``--save`` writes only the figures, never text.

It prints macro-F1 over the four labels, accuracy and kappa, per-label precision,
recall and F1, accusation kappa, how often the tagger was right when it said it was
sure or unsure, and each article's macro-F1.  Run it ONCE on a blind set, after the
rules are final; running it while writing rules makes the set a development set.

``--draft COMMIT`` scores the tagger as it was at COMMIT (unpacked from git
history and run with its own word lists) on the five pieces' current gold labels.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
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


def score_draft(commit: str) -> int:
    from medialit import evaluate, load_sentences

    gold = load_sentences().set_index("sent_id")
    predicted = draft_predictions(commit).reindex(gold.index)
    g, p = gold.label.astype(str).tolist(), predicted.tolist()
    print(f"draft {commit} against today's gold, {len(g)} sentences")
    print(f"whole corpus: macro-F1 (4 labels) {evaluate.macro_f1(g, p):.3f}, "
          f"(3 content labels) {evaluate.macro_f1(g, p, labels=CONTENT):.3f}, kappa {evaluate.cohen_kappa(g, p):.3f}")
    four = []
    for article, rows in gold.groupby("article_id", observed=True, sort=False):
        four.append(evaluate.macro_f1(rows.label.astype(str).tolist(), predicted.loc[rows.index].tolist()))
        print(f"  {article:15s} macro-F1 (4) {four[-1]:.3f}")
    print(f"article by article: mean (4) {statistics.mean(four):.3f}, weakest {min(four):.3f}")
    return 0


def score_folders(folders: list[Path], save: Path | None, half: str | None = None) -> int:
    from medialit import evaluate, tagger

    texts, golds = {}, []
    for folder in folders:
        t, g = evaluate.load_labelled_folder(folder, half=half)
        texts.update(t)
        golds.append(g)
    gold = pd.concat(golds, ignore_index=True)
    result = evaluate.score_labelled(texts, gold)
    s = result["summary"]
    print(f"tagger {tagger.TAGGER_VERSION} on {len(texts)} articles, {s['sentences']} sentences "
          f"({', '.join(str(f) for f in folders)})")
    print(f"macro-F1 (4 labels) {s['macro_f1_4']:.3f} · (3 content labels) {s['macro_f1_3']:.3f} · "
          f"accuracy {s['accuracy']:.3f} · kappa {s['kappa']:.3f}"
          + (f" · accusation kappa {s['accusation_kappa']:.3f}" if "accusation_kappa" in s else ""))
    print(result["per_label"].round(3).to_string())
    print("right when sure / unsure:")
    print(result["confidence"].round(3).to_string())
    print(result["per_article"].round(3).to_string())
    if save:
        rows = [{"measure": k, "label": "", "value": round(float(v), 4)} for k, v in s.items()]
        for label, r in result["per_label"].iterrows():
            rows += [{"measure": m, "label": label, "value": round(float(r[m]), 4)}
                     for m in ("precision", "recall", "f1", "support")]
        for conf, r in result["confidence"].iterrows():
            rows += [{"measure": f"correct_when_{conf}", "label": "", "value": round(float(r["correct"]), 4)},
                     {"measure": f"sentences_{conf}", "label": "", "value": int(r["sentences"])}]
        rows.append({"measure": "articles", "label": "", "value": len(texts)})
        save.parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(rows).to_csv(save, index=False, lineterminator="\n")
        print(f"figures (no text) written to {save}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="folders of labelled articles")
    parser.add_argument("--save", type=Path, default=None, help="write the figures (no text) to this CSV")
    parser.add_argument("--draft", default=None, help="score the tagger of this commit on the five pieces")
    parser.add_argument("--half", default=None, help="score only the texts of this half (e.g. test)")
    args = parser.parse_args(argv)
    if args.draft:
        return score_draft(args.draft)
    if not args.folders:
        parser.error("give at least one folder of labelled articles, or --draft COMMIT")
    return score_folders(args.folders, args.save, args.half)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
