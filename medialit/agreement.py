"""Inter-annotator agreement between the gold labels and the independent second pass.

The files live in ``data/agreement/``:

- ``sample.csv`` — the randomly drawn non-meta sentences (``tools/draw_agreement_sample.py``);
- ``second_pass.csv`` — the second annotator's labels, made from the codebook and raw texts only;
- ``first_pass_at_comparison.csv`` — the gold labels of those sentences as they stood when the
  two passes were compared (before the codebook was refined), so the figure can be recomputed;
  ``cited_in_codebook_seen`` marks the sentences that the codebook the second annotator read
  cited as worked examples.

>>> report = agreement_report()
>>> int(report.loc[("all sampled sentences", "label"), "n"])
72
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import corpus
from .evaluate import cohen_kappa

__all__ = ["agreement_table", "agreement_report"]


def agreement_table(data_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per sampled sentence: first-pass and second-pass label and accusation."""
    folder = corpus.data_dir(data_dir) / "agreement"
    first = pd.read_csv(folder / "first_pass_at_comparison.csv", dtype=str, keep_default_na=False)
    second = pd.read_csv(folder / "second_pass.csv", dtype=str, keep_default_na=False)
    table = first.merge(second, on="sent_id", suffixes=("_first", "_second"), validate="one_to_one")
    table["cited_in_codebook"] = table.pop("cited_in_codebook_seen") == "1"
    return table


def agreement_report(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Cohen's kappa and raw agreement for ``label`` and ``accusation``.

    Reported twice: over every sampled sentence, and over the sentences the codebook
    does not cite as worked examples (the second annotator read the codebook, so the
    cited ones are easier to agree on).
    """
    table = agreement_table(data_dir)
    rows = []
    subsets = {"all sampled sentences": table,
               "not cited in the codebook": table[~table.cited_in_codebook]}
    for subset, frame in subsets.items():
        for field in ("label", "accusation"):
            first, second = frame[f"{field}_first"], frame[f"{field}_second"]
            rows.append({"subset": subset, "field": field, "n": len(frame),
                         "agreement": round(float((first == second).mean()), 3),
                         "kappa": round(cohen_kappa(first.tolist(), second.tolist()), 3)})
    return pd.DataFrame(rows).set_index(["subset", "field"])
