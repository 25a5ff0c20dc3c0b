"""Rewrite data/checksums.sha256 after a deliberate change to the data.

    .venv/bin/python tools/update_checksums.py [--force]

The manifest lists a SHA-256 for every file in data/ (see medialit.checksums);
validate() reports any file that differs from it, so a changed label cannot go
unnoticed.  This script first validates the data with the manifest set aside
and refuses to record a folder that has other problems (--force records it
anyway).  Commit data/checksums.sha256 together with the data change.
"""

from __future__ import annotations

import sys

from medialit import checksums, corpus
from medialit.validate import validate


def main(argv: list[str]) -> int:
    folder = corpus.data_dir()
    problems = [p for p in validate(folder)
                if p.file != checksums.MANIFEST and "data/checksums.sha256" not in p.message]
    if problems and "--force" not in argv:
        print("Not written: fix these problems first (or pass --force):")
        for problem in problems:
            print(f"- {problem}")
        return 1
    before = checksums.read_manifest(folder) or {}
    path = checksums.write_manifest(folder)
    after = checksums.read_manifest(folder)
    changed = sorted(name for name in set(before) | set(after) if before.get(name) != after.get(name))
    print(f"Wrote {path.relative_to(folder.parent).as_posix()}: {len(after)} files"
          + (f"; updated: {', '.join(changed)}" if changed else "; nothing changed") + ".")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
