"""Check the data files against each other and against the raw texts.

:func:`validate` returns a list of :class:`Problem`, each naming the file, the
line (as a spreadsheet or text editor shows it: the header is line 1), the
column and what is wrong.  An empty list means the data is consistent.
:func:`check_data` raises :class:`ValidationError` with every problem listed.

>>> validate()
[]
>>> str(Problem("sentences.csv", 3, "label", "unknown value 'facts'"))
"sentences.csv line 3, column label: unknown value 'facts'"
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from . import checksums, corpus, schema
from .segment import split_sentences

__all__ = ["Problem", "ValidationError", "validate", "check_data", "csv_format_problems", "segmentation_differences"]

SENT_ID = re.compile(r"^(?P<article>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<number>\d{3})$")
SPECIAL_CUES = ("[continued quotation]", "[quotation marks]")


@dataclass(frozen=True)
class Problem:
    """One problem in one cell of one data file."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f" line {self.line}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class ValidationError(ValueError):
    """Raised by :func:`check_data`; its message lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"- {p}" for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the data:\n{shown}{more}")


def csv_format_problems(data: bytes, name: str) -> list[Problem]:
    """What stops a CSV file's bytes from being read as plain UTF-8 CSV (empty list: nothing).

    Checks, in order: an empty file, a UTF-8 byte-order mark, an invalid UTF-8
    byte (with its position), and rows with more or fewer fields than the header
    (with their line).

    >>> [str(p) for p in csv_format_problems(b"a,b\\n1,2,3\\n", "x.csv")]
    ['x.csv line 2: 3 fields, but the header has 2 (a stray comma, or a field with a comma that needs quotes?)']
    >>> [str(p) for p in csv_format_problems(b"a,b\\n1,\\xff\\n", "x.csv")]
    ['x.csv line 2: invalid UTF-8 byte 0xff at byte 6 (column 3); save the file as UTF-8']
    """
    if not data.strip():
        return [Problem(name, None, None, "the file is empty; it needs at least a header line")]
    if data.startswith(b"\xef\xbb\xbf"):
        return [Problem(name, 1, None, "the file starts with a byte-order mark (BOM); save it as "
                                       "UTF-8 without BOM (the first column name would not match)")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return [Problem(name, line, None, f"invalid UTF-8 byte 0x{data[error.start]:02x} at byte {error.start} "
                                          f"(column {column}); save the file as UTF-8")]
    problems = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
        start = reader.line_num + 1
        for row in reader:
            if row and len(row) != len(header):
                problems.append(Problem(name, start, None,
                                        f"{len(row)} field{'s' if len(row) != 1 else ''}, but the header has "
                                        f"{len(header)} (a stray comma, or a field with a comma that needs quotes?)"))
            elif not row:
                problems.append(Problem(name, start, None, "an empty line inside the table"))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(name, reader.line_num, None, f"cannot be read as CSV: {error}"))
    return problems


def _read(folder: Path, name: str, columns: tuple[str, ...], problems: list[Problem]) -> pd.DataFrame | None:
    path = folder / name
    if not path.is_file():
        problems.append(Problem(name, None, None, "file is missing"))
        return None
    format_problems = csv_format_problems(path.read_bytes(), name)
    if format_problems:
        problems.extend(format_problems)
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        problems.append(Problem(name, None, None, f"cannot be read as UTF-8 CSV ({error.__class__.__name__})"))
        return None
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        problems.append(Problem(name, 1, None, f"missing column(s): {', '.join(missing)}"))
        return None
    extra = [c for c in frame.columns if c not in columns]
    if extra:
        problems.append(Problem(name, 1, None, f"unexpected column(s): {', '.join(extra)}; the columns are "
                                               "listed in data/README.md"))
        return None
    frame.index = range(2, len(frame) + 2)  # index = line number in the file
    return frame


def _check_checksums(folder: Path, problems: list[Problem]) -> None:
    try:
        found = checksums.differences(folder)
    except ValueError as error:
        problems.append(Problem(checksums.MANIFEST, None, None, str(error)))
        return
    what = {"changed": "has changed since data/checksums.sha256 was written",
            "missing": "is listed in data/checksums.sha256 but missing",
            "not listed": "is not listed in data/checksums.sha256"}
    for name, happened in found:
        if name == checksums.MANIFEST:
            problems.append(Problem(name, None, None, "file is missing; create it with "
                                                      f"`{checksums.UPDATE_COMMAND}`"))
            continue
        problems.append(Problem(name, None, None,
                                f"{what[happened]}. If that change was deliberate, run "
                                f"`{checksums.UPDATE_COMMAND}` and commit data/checksums.sha256 with it"))


def _check_other_csv_files(folder: Path, checked: set[str], problems: list[Problem]) -> None:
    for path in sorted(folder.rglob("*.csv")):
        relative = path.relative_to(folder).as_posix()
        if relative in checked or relative.split("/")[0] in checksums.EXCLUDED_FOLDERS \
                or any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        problems.extend(csv_format_problems(path.read_bytes(), relative))


def _vocabulary(frame, name, column, allowed, problems, *, empty_ok=False):
    for line, value in frame[column].items():
        if value == "" and empty_ok:
            continue
        if value not in allowed:
            problems.append(Problem(name, line, column,
                                    f"unknown value {value!r}; expected one of {', '.join(allowed)}"))


class _Row(dict):
    """One CSV row as column -> text, also readable as ``row.column``."""

    __slots__ = ()

    def __getattr__(self, column: str) -> str:
        try:
            return self[column]
        except KeyError:
            raise AttributeError(column) from None


def _rows(frame: pd.DataFrame):
    """(line, row) for each row, as ``DataFrame.iterrows`` gives them but without a Series per row.

    The frames here hold only text (``_read`` reads every column as str), so the values are the same.

    >>> [(line, row.b) for line, row in _rows(pd.DataFrame({"a": ["x", "y"], "b": ["1", "2"]}, index=[2, 3]))]
    [(2, '1'), (3, '2')]
    """
    columns = list(frame.columns)
    for line, values in zip(frame.index, zip(*(frame[c].tolist() for c in columns))):
        yield line, _Row(zip(columns, values))


def _integer(value: str) -> int | None:
    return int(value) if value.isdigit() else None


def _loose_in(phrase: str, text: str) -> bool:
    """True if ``phrase`` occurs in ``text``, ignoring case and the kind of white space."""
    words = phrase.split()
    return bool(words) and re.search(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE) is not None


def _check_manifest(folder, problems) -> list[str]:
    manifest = _read(folder, "manifest.csv", ("seed_file", "article_id", "sha256", "bytes"), problems)
    if manifest is None:
        return []
    for line, row in _rows(manifest):
        path = folder / "raw" / f"{row.article_id}.txt"
        if not path.is_file():
            problems.append(Problem("manifest.csv", line, "article_id", f"raw/{row.article_id}.txt is missing"))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != row.sha256:
            problems.append(Problem("manifest.csv", line, "sha256",
                                    f"raw/{row.article_id}.txt has changed: the received texts must never be edited"))
    return manifest.article_id.tolist()


def _check_sentences(folder, articles, actor_ids, problems):
    name = "sentences.csv"
    frame = _read(folder, name, schema.SENTENCE_COLUMNS, problems)
    if frame is None:
        return None
    _vocabulary(frame, name, "article_id", articles, problems)
    _vocabulary(frame, name, "role", schema.ROLES, problems)
    _vocabulary(frame, name, "label", schema.LABELS, problems)
    _vocabulary(frame, name, "source_type", schema.SOURCE_TYPES, problems)
    _vocabulary(frame, name, "conflict", schema.CONFLICTS, problems)
    _vocabulary(frame, name, "accusation", ("0", "1"), problems)
    ids = set(frame.sent_id)
    duplicated = frame.sent_id[frame.sent_id.duplicated()]
    for line, value in duplicated.items():
        problems.append(Problem(name, line, "sent_id", f"duplicate id {value!r}"))
    parties = set(actor_ids) | {"writer"}
    for line, row in _rows(frame):
        match = SENT_ID.match(row.sent_id)
        if not match or match["article"] != row.article_id:
            problems.append(Problem(name, line, "sent_id",
                                    f"{row.sent_id!r} should look like '{row.article_id}-001'"))
        if row.repeats and row.repeats not in ids:
            problems.append(Problem(name, line, "repeats", f"no sentence with id {row.repeats!r}"))
        if row.role in schema.META_ROLES and row.label != "meta":
            problems.append(Problem(name, line, "label", f"a {row.role} sentence must be labelled meta"))
        if row.label == "meta" and row.role not in schema.META_ROLES:
            problems.append(Problem(name, line, "label", f"meta is only for {', '.join(schema.META_ROLES)}; "
                                                         f"a {row.role} sentence gets a content label"))
        if row.label == "attributed":
            if not row.source:
                problems.append(Problem(name, line, "source", "an attributed sentence needs a source"))
            if not row.cue:
                problems.append(Problem(name, line, "cue", "an attributed sentence needs a cue"))
            if row.source_type == "none":
                problems.append(Problem(name, line, "source_type", "an attributed sentence needs a source type"))
            for part in row.cue.split(";"):
                part = part.strip()
                if part and part not in SPECIAL_CUES and not _loose_in(part, row.text):
                    problems.append(Problem(name, line, "cue", f"cue {part!r} does not occur in the sentence"))
        elif row.label in schema.LABELS and (row.source or row.cue or row.source_type != "none"):
            problems.append(Problem(name, line, "source",
                                    "only attributed sentences have a source and cue (source_type none)"))
        if row.accusation == "1":
            if not row.accused:
                problems.append(Problem(name, line, "accused", "an accusation needs an accused party"))
            if not row.accuser:
                problems.append(Problem(name, line, "accuser", "an accusation needs an accuser"))
        elif row.accusation == "0" and (row.accused or row.accuser):
            problems.append(Problem(name, line, "accused", "accuser and accused stay empty when accusation is 0"))
        for column, allowed in (("accuser", parties), ("accused", set(actor_ids))):
            for actor in filter(None, row[column].split(";")):
                if actor not in allowed:
                    problems.append(Problem(name, line, column, f"unknown actor {actor!r} (see actors.csv)"))
    return frame


def _check_offsets(folder, frame, articles, problems):
    name = "sentences.csv"
    for article in articles:
        path = folder / "raw" / f"{article}.txt"
        if not path.is_file():
            continue
        raw = corpus.load_raw(article, data_dir=folder)
        rows = frame[frame.article_id == article]
        previous_end = 0
        for line, row in _rows(rows):
            start, end = _integer(row.start), _integer(row.end)
            if start is None or end is None or not 0 <= start < end <= len(raw):
                problems.append(Problem(name, line, "start", f"offsets {row.start!r}..{row.end!r} are not inside the text"))
                continue
            if raw[start:end] != row.text:
                problems.append(Problem(name, line, "text", f"text does not match raw[{start}:{end}]"))
            if start < previous_end:
                problems.append(Problem(name, line, "start", f"overlaps the previous sentence (ends at {previous_end})"))
            gap = raw[previous_end:start]
            if gap.strip():
                problems.append(Problem(name, line, "start",
                                        f"gap before this sentence: {gap.strip()[:40]!r} belongs to no sentence"))
            previous_end = max(previous_end, end)
        tail = raw[previous_end:]
        if tail.strip():
            problems.append(Problem(name, None, None, f"{article}: text after the last sentence is not covered: {tail.strip()[:40]!r}"))


def _check_spans(folder, sentences, naming, problems):
    name = "spans.csv"
    frame = _read(folder, name, schema.SPAN_COLUMNS, problems)
    if frame is None or sentences is None:
        return
    _vocabulary(frame, name, "kind", schema.SPAN_KINDS, problems)
    by_id = sentences.set_index("sent_id")
    raws: dict[str, str] = {}
    for line, row in _rows(frame):
        if row.sent_id not in by_id.index:
            problems.append(Problem(name, line, "sent_id", f"no sentence with id {row.sent_id!r}"))
            continue
        sent = by_id.loc[row.sent_id]
        if sent.article_id != row.article_id:
            problems.append(Problem(name, line, "article_id", f"{row.sent_id} belongs to {sent.article_id}"))
        start, end = _integer(row.start), _integer(row.end)
        s_start, s_end = _integer(sent.start), _integer(sent.end)
        if None in (start, end, s_start, s_end) or not s_start <= start < end <= s_end:
            problems.append(Problem(name, line, "start", f"span {row.start}..{row.end} is outside its sentence {row.sent_id}"))
            continue
        if row.article_id not in raws:
            raws[row.article_id] = corpus.load_raw(row.article_id, data_dir=folder)
        if raws[row.article_id][start:end] != row.text:
            problems.append(Problem(name, line, "text", f"text does not match raw[{start}:{end}]"))
        if row.kind == "naming" and row.referent not in naming:
            problems.append(Problem(name, line, "referent", f"unknown referent {row.referent!r} (see lexicons/naming.csv)"))
        if row.kind == "number" and not row.note:
            problems.append(Problem(name, line, "note", "a number needs who supplies it ('writer' or an actor id)"))


def _check_evidence(name, frame, column, sentences, problems):
    ids = dict(zip(sentences.sent_id, sentences.article_id))
    for line, row in _rows(frame):
        for sent_id in filter(None, (s.strip() for s in row[column].split(";"))):
            if sent_id not in ids:
                problems.append(Problem(name, line, column, f"no sentence with id {sent_id!r}"))
            elif ids[sent_id] != row.article_id:
                problems.append(Problem(name, line, column, f"{sent_id} belongs to {ids[sent_id]}, not {row.article_id}"))


TRANSFER_FILES = ("transfer/texts.csv", "transfer/actors.csv", "transfer/sentences.csv")


def _check_transfer(folder: Path, problems: list[Problem]) -> None:
    """The invented transfer texts: the same rules as the five, their own actors, a dev/test split."""
    found: list[Problem] = []
    sub = folder / corpus.TRANSFER
    texts = _read(sub, "texts.csv", ("article_id", "genre", "split", "headline"), found)
    actors = _read(sub, "actors.csv", schema.ACTOR_COLUMNS, found)
    if texts is not None and actors is not None:
        _vocabulary(texts, "texts.csv", "split", ("dev", "test"), found)
        _vocabulary(actors, "actors.csv", "kind", schema.ACTOR_KINDS, found)
        ids = texts.article_id.tolist()
        for line, article in texts.article_id.items():
            if not (sub / "raw" / f"{article}.txt").is_file():
                found.append(Problem("texts.csv", line, "article_id", f"raw/{article}.txt is missing"))
        sentences = _check_sentences(sub, ids, actors.actor_id.tolist(), found)
        if sentences is not None:
            _check_offsets(sub, sentences, ids, found)
    problems.extend(replace(p, file=f"{corpus.TRANSFER}/{p.file}") for p in found)


def validate(data_dir: str | Path | None = None) -> list[Problem]:
    """Every problem in the data folder, as a list (empty when all is well)."""
    folder = corpus.data_dir(data_dir)
    problems: list[Problem] = []
    _check_checksums(folder, problems)
    _check_other_csv_files(folder, {"manifest.csv", "actors.csv", "sentences.csv", "spans.csv", "frames.csv",
                                    "articles.csv", *TRANSFER_FILES}, problems)
    articles = _check_manifest(folder, problems)
    actors = _read(folder, "actors.csv", schema.ACTOR_COLUMNS, problems)
    actor_ids = [] if actors is None else actors.actor_id.tolist()
    if actors is not None:
        _vocabulary(actors, "actors.csv", "kind", schema.ACTOR_KINDS, problems)
    naming_path = folder / "lexicons" / "naming.csv"
    naming = set()
    if naming_path.is_file() and not csv_format_problems(naming_path.read_bytes(), "lexicons/naming.csv"):
        naming = set(pd.read_csv(naming_path, dtype=str, keep_default_na=False).get("referent", []))
    sentences = _check_sentences(folder, articles, actor_ids, problems)
    if sentences is not None:
        _check_offsets(folder, sentences, articles, problems)
        _check_spans(folder, sentences, naming, problems)
        frames = _read(folder, "frames.csv", schema.FRAME_COLUMNS, problems)
        if frames is not None:
            _vocabulary(frames, "frames.csv", "function", schema.FRAME_FUNCTIONS, problems)
            _check_evidence("frames.csv", frames, "evidence", sentences, problems)
        article_table = _read(folder, "articles.csv", schema.ARTICLE_COLUMNS, problems)
        if article_table is not None:
            _check_evidence("articles.csv", article_table, "standpoint_evidence", sentences, problems)
            _check_evidence("articles.csv", article_table, "probable_date_evidence", sentences, problems)
    if (folder / corpus.TRANSFER).is_dir():
        _check_transfer(folder, problems)
    return problems


def check_data(data_dir: str | Path | None = None) -> None:
    """Raise :class:`ValidationError` listing every problem, or return quietly."""
    problems = validate(data_dir)
    if problems:
        raise ValidationError(problems)


def segmentation_differences(data_dir: str | Path | None = None) -> list[str]:
    """Sentence ids whose offsets differ from what :mod:`medialit.segment` produces now.

    The gold table uses the segmenter's output unchanged, so this is empty;
    a hand correction of a boundary would show up here (and in the codebook).

    >>> segmentation_differences()
    []
    """
    sentences = corpus.load_sentences(data_dir=data_dir)
    differences = []
    for article, rows in sentences.groupby("article_id", observed=True, sort=False):
        produced = [(s.start, s.end) for s in split_sentences(corpus.load_raw(article, data_dir=data_dir))]
        stored = list(zip(rows.start.astype(int), rows.end.astype(int)))
        for sent_id, got, want in zip(rows.sent_id, stored, produced):
            if got != want:
                differences.append(sent_id)
        if len(stored) != len(produced):
            differences.append(f"{article}: {len(stored)} sentences stored, {len(produced)} produced")
    return differences
