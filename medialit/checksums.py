"""A SHA-256 checksum for every file in ``data/``, so any change to the released data shows.

``data/checksums.sha256`` lists one line per file, in the format of the
``sha256sum`` tool (``<64 hex digits>  <path relative to data/>``), so
``cd data && sha256sum -c checksums.sha256`` checks it too.  The listing
covers every file under ``data/`` except the manifest itself, hidden files
and folders (editor and Jupyter droppings) and ``data/user/`` (articles a
student adds).

:func:`differences` compares a folder with its manifest and names every
changed, missing or unlisted file; :func:`medialit.validate.validate` reports
them.  After a deliberate change to the data, regenerate the manifest with
the command in :data:`UPDATE_COMMAND` and commit it with the change.

>>> differences() == []
True
>>> sorted(compute())[:2]
['README.md', 'actors.csv']
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from . import corpus

__all__ = ["MANIFEST", "UPDATE_COMMAND", "EXCLUDED_FOLDERS", "compute", "read_manifest", "write_manifest",
           "differences", "digest_of"]

MANIFEST = "checksums.sha256"
#: The command that rewrites the manifest after a deliberate change (quoted in every message).
UPDATE_COMMAND = ".venv/bin/python tools/update_checksums.py"
#: Folders under data/ whose files are not released data.
EXCLUDED_FOLDERS = ("user",)

_LINE = re.compile(r"^(?P<digest>[0-9a-f]{64}) [ *](?P<path>.+)$")


def digest_of(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as 64 hex digits."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            sha.update(block)
    return sha.hexdigest()


def _listed(folder: Path) -> list[str]:
    names = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not (here == folder and d in EXCLUDED_FOLDERS) and d != "__pycache__")
        for name in files:
            relative = (here / name).relative_to(folder).as_posix()
            if not name.startswith(".") and relative != MANIFEST:
                names.append(relative)
    return sorted(names)


def compute(data_dir: str | Path | None = None) -> dict[str, str]:
    """Relative path -> SHA-256 for every file the manifest covers, as the folder is now."""
    folder = corpus.data_dir(data_dir)
    return {name: digest_of(folder / name) for name in _listed(folder)}


def read_manifest(data_dir: str | Path | None = None) -> dict[str, str] | None:
    """The stored manifest as relative path -> SHA-256, or None when the file is missing.

    Raises ``ValueError`` naming the line when a line is not ``<digest>  <path>``.
    """
    path = corpus.data_dir(data_dir) / MANIFEST
    if not path.is_file():
        return None
    stored = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            raise ValueError(f"{MANIFEST} line {number} is not '<sha256>  <file>': {line[:60]!r}")
        stored[match["path"]] = match["digest"]
    return stored


def write_manifest(data_dir: str | Path | None = None) -> Path:
    """Write the manifest for the folder as it is now; returns its path."""
    folder = corpus.data_dir(data_dir)
    lines = [f"{digest}  {name}\n" for name, digest in compute(folder).items()]
    path = folder / MANIFEST
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(lines)
    os.replace(temporary, path)
    return path


def differences(data_dir: str | Path | None = None, expected: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """``(file, what happened)`` for every file that differs from the manifest (or ``expected``).

    What happened is ``"changed"``, ``"missing"`` or ``"not listed"``; an empty
    list means the folder holds exactly the released files.  Without a stored
    manifest the answer is ``[("checksums.sha256", "missing")]``.
    """
    folder = corpus.data_dir(data_dir)
    if expected is None:
        expected = read_manifest(folder)
        if expected is None:
            return [(MANIFEST, "missing")]
    found = set(_listed(folder))
    out = []
    for name in sorted(found | set(expected)):
        if name not in found:
            out.append((name, "missing"))
        elif name not in expected:
            out.append((name, "not listed"))
        elif digest_of(folder / name) != expected[name]:
            out.append((name, "changed"))
    return out
