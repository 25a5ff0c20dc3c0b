"""Inter-annotator agreement between the gold labels and independent second passes.

Three rounds, each in its own folder under ``data/agreement/`` (round 1 at the top level,
rounds 2 and 3 in ``round2/`` and ``round3/``), each with the same files:

- ``sample.csv`` — randomly drawn non-meta sentences (``tools/draw_agreement_sample.py``);
- ``second_pass.csv`` — an independent annotator's labels, made from the codebook and the
  raw texts only;
- ``first_pass_at_comparison.csv`` — the gold labels of those sentences frozen when the passes
  were compared (round 1: before the codebook was refined; rounds 2 and 3: before the second
  pass was read), so the figures can be recomputed; ``cited_in_codebook_seen`` marks sentences that the
  codebook the annotator read cited as worked examples.

Round 1 used the first codebook; round 2 used the refined codebook on 60 fresh sentences;
round 3 used the codebook of the balance review (vague and insinuated accused, §4) on the 43
sentences that neither earlier round nor the codebook's worked examples had used.

The gold labels have changed since (codebook §9 lists why), so each second pass is also compared
with today's gold in ``data/sentences.csv`` (:func:`against_current_gold`). Those figures are not
independent measures: some gold changes were made after reading the passes.

>>> report = agreement_report()
>>> int(report.loc[("round 1: all sampled sentences", "label"), "n"])
72
>>> int(report.loc[("round 2: against today's gold", "accusation"), "n"])
60
>>> int(report.loc[("round 3: all sampled sentences", "label"), "n"])
43
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import corpus, schema
from .kappa import cohen_kappa

__all__ = ["ROUNDS", "agreement_table", "against_current_gold", "agreement_report",
           "TRANSFER_FILL", "transfer_sample", "transfer_agreement"]

#: Round number -> folder inside data/agreement/.
ROUNDS = {1: ".", 2: "round2", 3: "round3"}


def agreement_table(data_dir: str | Path | None = None, *, round_number: int = 1) -> pd.DataFrame:
    """One row per sampled sentence: first-pass and second-pass label and accusation."""
    folder = corpus.data_dir(data_dir) / "agreement" / ROUNDS[round_number]
    first = pd.read_csv(folder / "first_pass_at_comparison.csv", dtype=str, keep_default_na=False)
    second = pd.read_csv(folder / "second_pass.csv", dtype=str, keep_default_na=False)
    table = first.merge(second, on="sent_id", suffixes=("_first", "_second"), validate="one_to_one")
    table["cited_in_codebook"] = table.pop("cited_in_codebook_seen") == "1"
    return table


def against_current_gold(data_dir: str | Path | None = None, *, round_number: int = 1) -> pd.DataFrame:
    """Like :func:`agreement_table`, but the first-pass columns hold today's gold labels.

    >>> table = against_current_gold(round_number=2)
    >>> list(table.columns[:3])
    ['sent_id', 'label_first', 'accusation_first']
    """
    table = agreement_table(data_dir, round_number=round_number)
    gold = corpus.load_sentences(data_dir=data_dir).set_index("sent_id")
    for field in ("label", "accusation", "source_type"):
        table[f"{field}_first"] = table.sent_id.map(gold[field].astype(str))
    return table


def agreement_report(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Cohen's kappa and raw agreement for ``label`` and ``accusation``, per round.

    Round 1 is reported twice: over every sampled sentence, and over the sentences the
    codebook did not cite as worked examples (the annotator read the codebook, so cited
    ones are easier to agree on). Rounds 2 and 3 drew no cited sentence. Each round is reported
    once more against today's gold (:func:`against_current_gold`).
    """
    rows = []
    for round_number in ROUNDS:
        folder = corpus.data_dir(data_dir) / "agreement" / ROUNDS[round_number]
        if not (folder / "second_pass.csv").is_file():
            continue
        table = agreement_table(data_dir, round_number=round_number)
        subsets = {f"round {round_number}: all sampled sentences": table}
        if table.cited_in_codebook.any():
            subsets[f"round {round_number}: not cited in the codebook"] = table[~table.cited_in_codebook]
        subsets[f"round {round_number}: against today's gold"] = against_current_gold(data_dir, round_number=round_number)
        for subset, frame in subsets.items():
            for field in ("label", "accusation"):
                first, second = frame[f"{field}_first"], frame[f"{field}_second"]
                rows.append({"subset": subset, "field": field, "n": len(frame),
                             "agreement": round(float((first == second).mean()), 3),
                             "kappa": round(cohen_kappa(first.tolist(), second.tolist()), 3)})
    return pd.DataFrame(rows).set_index(["subset", "field"])


#: The columns a second annotator fills in ``data/transfer/agreement/sample.csv``.
TRANSFER_FILL = ("label", "accusation", "accuser", "accused", "rationale")


def transfer_sample(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Every non-meta sentence of the transfer texts, with empty columns for a second pass.

    It carries no gold label: ``role`` only says which sentences are not page furniture.

    >>> sample = transfer_sample()
    >>> list(sample.columns)
    ['sent_id', 'role', 'text', 'label', 'accusation', 'accuser', 'accused', 'rationale']
    >>> bool((sample.label == "").all())
    True
    """
    gold = corpus.load_transfer(data_dir=data_dir)
    content = gold[~gold.role.isin(schema.META_ROLES)]
    sample = content[["sent_id", "role", "text"]].astype(str).reset_index(drop=True)
    return sample.assign(**{column: "" for column in TRANSFER_FILL})


def transfer_agreement(second_pass=None, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Cohen's kappa and raw agreement of a second pass with the transfer gold, per split.

    ``second_pass`` is a DataFrame or a CSV path with ``sent_id``, ``label`` and ``accusation``
    (default ``data/transfer/agreement/second_pass.csv``).  Every sampled sentence must be
    labelled with a known label and an accusation of 0 or 1; otherwise a ValueError says which.

    >>> gold = corpus.load_transfer()
    >>> perfect = gold[gold.label != "meta"][["sent_id", "label", "accusation"]]
    >>> transfer_agreement(perfect).loc[("all", "label"), "kappa"]
    np.float64(1.0)
    """
    if second_pass is None:
        second_pass = corpus.data_dir(data_dir) / corpus.TRANSFER / "agreement" / "second_pass.csv"
    if not isinstance(second_pass, pd.DataFrame):
        second_pass = pd.read_csv(second_pass, dtype=str, keep_default_na=False)
    second = second_pass.astype(str).set_index("sent_id")
    wanted = transfer_sample(data_dir).sent_id
    missing = [s for s in wanted if s not in second.index or second.at[s, "label"] == ""]
    if missing:
        raise ValueError(f"The second pass has no label for {len(missing)} sentence(s), e.g. {missing[:3]}.")
    odd = [s for s in wanted if second.at[s, "label"] not in schema.LABELS or second.at[s, "accusation"] not in ("0", "1")]
    if odd:
        raise ValueError(f"Labels must be one of {', '.join(schema.LABELS)} and accusation 0 or 1; see {odd[:3]}.")
    gold = corpus.load_transfer(data_dir=data_dir).set_index("sent_id").loc[wanted]
    rows = []
    for subset in ("all", "dev", "test"):
        ids = wanted if subset == "all" else wanted[(gold.split == subset).to_numpy()]
        for field in ("label", "accusation"):
            first = gold.loc[ids, field].astype(str).tolist()
            other = second.loc[ids, field].tolist()
            rows.append({"subset": subset, "field": field, "n": len(ids),
                         "agreement": round(sum(a == b for a, b in zip(first, other)) / len(ids), 3),
                         "kappa": round(cohen_kappa(first, other), 3)})
    return pd.DataFrame(rows).set_index(["subset", "field"])
