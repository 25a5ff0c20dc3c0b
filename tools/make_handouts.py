"""Write the printable handouts: one highlighted HTML page per piece, and the practice worksheets.

    python tools/make_handouts.py            # write handouts/<article_id>.html and <article_id>-notes.html,
                                             # handouts/worksheets/<passage>.html, handouts/answer-keys/<passage>-key.html
    python tools/make_handouts.py --check    # write nothing; exit 1 if a stored handout is out of date
    python tools/make_handouts.py --out DIR  # write somewhere else

Each page is made by ``medialit.reader.export_handout`` from the gold data: the
piece's provenance as printed, the key, and every sentence with its label
colour, label tag ([FACT], [ATTR], [ADV], [META]), id, and the marked words.
The ``-notes`` version adds the side notes (source, cue, accusation, rule
applied) for the teacher.  The practice worksheets (no labels) and their separate
answer keys come from ``medialit.practice.worksheets``.  The output has no dates or random ids, so running
this twice gives the same bytes; tests/test_deployment.py fails when the
stored handouts differ from a fresh run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import medialit as ml
from medialit.practice.worksheets import write_worksheets
from medialit.reader import export_handout

ROOT = Path(__file__).resolve().parent.parent
HANDOUTS = ROOT / "handouts"
_SUFFIXES = {False: "", True: "-notes"}


def handout_name(article_id: str, notes: bool) -> str:
    """The file name of one handout, e.g. ``balakot-notes.html``."""
    return f"{article_id}{_SUFFIXES[notes]}.html"


def make_handouts(out_dir: str | Path = HANDOUTS) -> list[Path]:
    """Write every handout into ``out_dir`` and return the paths, in reading order of the pieces."""
    out_dir = Path(out_dir)
    written = []
    for article_id in ml.article_ids():
        for notes in (False, True):
            title = f"Reading: {article_id}" + (" — with the annotators' notes" if notes else "")
            written.append(export_handout(article_id, out_dir / handout_name(article_id, notes),
                                          notes=notes, title=title))
    written += write_worksheets(out_dir)
    return written


def outdated_handouts(stored: str | Path = HANDOUTS) -> list[str]:
    """Paths (relative to ``stored``) of handouts that are missing there or differ from a fresh run."""
    stored = Path(stored)
    with tempfile.TemporaryDirectory() as folder:
        fresh = make_handouts(folder)
        names = [path.relative_to(folder).as_posix() for path in fresh]
        stale = [name for name, path in zip(names, fresh)
                 if not (stored / name).is_file() or (stored / name).read_bytes() != path.read_bytes()]
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HANDOUTS, help="folder to write into (default: handouts/)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a handout is out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = outdated_handouts(args.out)
        for name in stale:
            print(f"out of date: {name}")
        if stale:
            print("Run `python tools/make_handouts.py` to regenerate them.")
            return 1
        print("All handouts match the data.")
        return 0
    for path in make_handouts(args.out):
        print(f"wrote {path.relative_to(args.out).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
