"""Write data/transfer/agreement/sample.csv: every non-meta transfer sentence, no labels.

    .venv/bin/python tools/make_transfer_sample.py

A second annotator copies sample.csv to second_pass.csv and fills label, accusation,
accuser, accused and rationale from the codebook and data/transfer/raw/ only (never the
gold). ``medialit.agreement.transfer_agreement()`` then computes Cohen's kappa.
"""

from medialit import corpus
from medialit.agreement import transfer_sample


def main() -> None:
    path = corpus.data_dir() / corpus.TRANSFER / "agreement" / "sample.csv"
    path.parent.mkdir(exist_ok=True)
    transfer_sample().to_csv(path, index=False, lineterminator="\n")
    print(f"Wrote {path.relative_to(corpus.data_dir().parent)}")


if __name__ == "__main__":
    main()
