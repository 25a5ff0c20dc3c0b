"""Which sentences a student has already seen *with their label* before a given exercise.

A practice sentence must be judged cold.  The course order is: lesson 00, lesson 01,
exercise 01, lesson 02, exercise 02, … lesson 07, exercise 07, lesson 08, transfer.
Before exercise N a student has read

- the codebook (always open beside the notebooks);
- lessons 00 … N (their sources and their stored outputs: the reader prints ids and labels);
- exercises 01 … N-1 (every cell, outputs included: feedback names ids and labels);
- the cells of exercise N that are not practice cells (cells tagged ``practice`` belong to
  one passage and show only that passage's sentences).

Any sentence id that appears in one of those is counted as *seen*: a conservative scan, since
an id printed without its label is counted too.  This module only reads the repository's
files; the package never calls it while a student works.

>>> seen = seen_before("02_attribution")
>>> "tit-for-tat-021" in seen          # lesson 02 shows it with its cue and label
True
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .. import corpus, schema
from .passages import exercise_number

__all__ = ["ROOT", "PRACTICE_TAG", "ids_in", "notebook_ids", "seen_before"]

ROOT = Path(__file__).resolve().parents[2]
PRACTICE_TAG = "practice"


@lru_cache(maxsize=1)
def _id_pattern() -> re.Pattern:
    """Ids of the five pieces and of the invented transfer texts (``data/transfer/texts.csv``)."""
    names = sorted({*schema.ARTICLE_IDS, *corpus.load_transfer_texts().article_id.astype(str)}, key=len, reverse=True)
    return re.compile(r"\b((?:" + "|".join(re.escape(n) for n in names) + r")-\d{3})\b")


def ids_in(text: str) -> set[str]:
    """Sentence ids of the five pieces and of the transfer texts mentioned in a text.

    >>> sorted(ids_in("see balakot-007 and tit-for-tat-033, not balakot-7, and live-updates-022"))
    ['balakot-007', 'live-updates-022', 'tit-for-tat-033']
    """
    return set(_id_pattern().findall(text))


def notebook_ids(path: str | Path, *, skip_tag: str | None = None) -> set[str]:
    """Ids in a notebook's cell sources and stored outputs (cells tagged ``skip_tag`` left out)."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    found: set[str] = set()
    for cell in notebook.get("cells", []):
        if skip_tag and skip_tag in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        found |= ids_in("".join(source) if isinstance(source, list) else source)
        for output in cell.get("outputs", []):
            found |= ids_in(json.dumps(output, ensure_ascii=False))
    return found


def _numbered(folder: Path) -> dict[int, list[Path]]:
    out: dict[int, list[Path]] = {}
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        out.setdefault(int(path.name[:2]), []).append(path)
    return out


def seen_before(exercise: str, root: str | Path = ROOT) -> set[str]:
    """Sentence ids a student has met (possibly with their label) before answering exercise ``exercise``'s practice."""
    root = Path(root)
    number = exercise_number(exercise)
    seen = ids_in((root / "data" / "codebook.md").read_text(encoding="utf-8"))
    for n, paths in _numbered(root / "notebooks").items():
        if n <= number:
            for path in paths:
                seen |= notebook_ids(path)
    for n, paths in _numbered(root / "exercises" / "solutions").items():
        for path in paths:
            if n < number:
                seen |= notebook_ids(path)
            elif n == number:
                seen |= notebook_ids(path, skip_tag=PRACTICE_TAG)
    return seen
