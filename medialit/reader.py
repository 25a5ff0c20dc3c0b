"""Read a piece with its annotations highlighted, in a notebook or as a printable handout.

Every sentence shows its label twice: a light background colour and a text tag
(``[FACT]``, ``[ATTR]``, ``[ADV]``, ``[META]``), plus its id in small print so
students can cite it.  Spans (cues, hedges, boosters, loaded words, names,
numbers) get a colour, their own line (solid, dotted, double or dashed
underline, a box, or lines above and below) and a small kind tag.  Lines are
drawn with CSS borders, which JupyterLab keeps in untrusted notebooks.  The
HTML uses inline styles only (no ``<style>`` blocks, classes or scripts), so
it displays in an untrusted notebook and still reads when styles are
stripped; every piece of text is escaped, and the output is the same every
time (no random ids, no dates).

**Overlapping spans.**  Spans are taken in order of start, longest first, then
in the order of ``schema.SPAN_KINDS``.  A span that lies inside another is
nested in it (its line is drawn a little lower so both stay visible);
a span with exactly the same extent as another nests inside it too (for
example a word marked both ``cue`` and ``booster``).  A span that *crosses*
an earlier one (starts inside it and ends outside) is not drawn; it is listed
in :attr:`Reading.skipped_spans` with the reason.  So are spans whose offsets
do not fall inside their sentence and whose text cannot be found in it.

>>> page = render_article("balakot")
>>> page.html.startswith("<div")
True
>>> "[ATTR]" in page.html and "balakot-004" in page.html
True
>>> render_article("balakot").html == page.html
True
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import compare, palette, schema, tables
from .corpus import DataError, load_articles, load_sentences, load_spans

__all__ = [
    "Reading", "UnknownSentenceError", "LABEL_MEANINGS", "SPAN_MEANINGS", "legend_html", "render_article",
    "render_sentences", "export_handout", "mark_words", "marks_legend_html", "MARK_MEANINGS",
]

#: What each label means, for the legend (a description of the sentence, never a verdict on truth).
LABEL_MEANINGS = {
    "fact": "stated in the writer's own voice as something checkable (not a verdict that it is true)",
    "attributed": "credited to a source: a quotation or a reported claim",
    "advocacy": "the writer's judgement, interpretation, prescription or prediction",
    "meta": "byline, bio, disclaimer or page furniture",
}
#: What each span kind marks, for the legend.
SPAN_MEANINGS = {
    "cue": "words that credit a claim to a source",
    "hedge": "the writer holds back from full commitment",
    "booster": "the writer closes down doubt",
    "loaded": "emotionally charged or one-sided word",
    "naming": "a name for a contested place, group or event",
    "number": "a quantity",
}

#: What the two practice-only marks mean (see ``palette.MARK_STYLES``).
MARK_MEANINGS = {
    **SPAN_MEANINGS,
    "quote": "a quotation: the words are someone else's",
    "modal": "a word of obligation, prediction or judgement (should, must, will likely, poses a threat)",
}

_ESC = html.escape


class UnknownSentenceError(compare.UnknownArticleError):
    """A sentence id was asked for that is not in the sentences table."""


@dataclass(frozen=True)
class Reading:
    """Highlighted HTML: shown by a notebook as it is, or read as the string ``.html``.

    ``skipped_spans`` lists ``(sent_id, kind, text, reason)`` for every span
    that could not be drawn (see the module notes on overlapping spans).

    >>> page = render_sentences("balakot-017", legend=False)
    >>> page._repr_html_() == page.html
    True
    >>> page.skipped_spans
    ()
    """

    html: str
    skipped_spans: tuple = field(default=())
    #: The same reading as plain text: id, label tag and sentence, one paragraph per block.
    #: This is what a notebook stores as ``text/plain`` and what shows where HTML is not rendered.
    text: str = ""

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text or "Reading (empty)"

    def __str__(self) -> str:
        return self.html


# ---------------------------------------------------------------------------
# spans inside one sentence


@dataclass(frozen=True)
class _Span:
    start: int  # relative to the sentence
    end: int
    kind: str
    title: str


def _span_rows(rows: pd.DataFrame) -> list[tuple]:
    """(start, end, text, kind, referent, note) of each span, the last four as text (missing: '')."""
    blank = [""] * len(rows)
    return list(zip(rows["start"], rows["end"], tables.as_text(rows["text"]), tables.as_text(rows["kind"]),
                    tables.as_text(rows["referent"]) if "referent" in rows else blank,
                    tables.as_text(rows["note"]) if "note" in rows else blank))


def _place_spans(sent_id: str, text: str, sent_start, rows: list[tuple], kinds) -> tuple[list[_Span], list]:
    """Spans (:func:`_span_rows`) as offsets into the sentence text, cleaned of crossing ones (see module notes)."""
    order = {k: i for i, k in enumerate(schema.SPAN_KINDS)}
    placed, skipped = [], []
    for start, end, span_text, kind, referent, note in rows:
        if kind not in kinds:
            continue
        rel = None
        try:
            a, b = int(start) - int(sent_start), int(end) - int(sent_start)
            if 0 <= a < b <= len(text) and (not span_text or text[a:b] == span_text):
                rel = (a, b)
        except (TypeError, ValueError):
            pass
        if rel is None and span_text and span_text in text:
            a = text.index(span_text)
            rel = (a, a + len(span_text))
        if rel is None:
            skipped.append((sent_id, kind, span_text, "not found in its sentence"))
            continue
        extra = referent if kind == "naming" else (f"supplied by {note}" if kind == "number" and note else "")
        title = kind + (f": {extra}" if extra else "")
        placed.append(_Span(rel[0], rel[1], kind, title))
    placed.sort(key=lambda s: (s.start, -s.end, order.get(s.kind, 99)))
    kept: list[_Span] = []
    for span in placed:
        crosses = [k for k in kept if k.start < span.start < k.end < span.end or span.start < k.start < span.end < k.end]
        if crosses:
            skipped.append((sent_id, span.kind, text[span.start:span.end],
                            f"crosses the {crosses[0].kind} span {text[crosses[0].start:crosses[0].end]!r}"))
        else:
            kept.append(span)
    return kept, skipped


def _span_open(span: _Span, depth: int) -> str:
    style = palette.MARK_STYLES[span.kind]
    css = style.css_mark(depth)
    return f'<span style="{css}" title="{_ESC(span.title)}">'


def _kind_tag(span: _Span) -> str:
    # dark grey, not the kind's colour: small coloured text would be hard to read and print
    tag = palette.MARK_STYLES[span.kind].tag
    return f'<sup style="font-size:0.6em;color:#333333;font-family:sans-serif">{_ESC(tag)}</sup>'



def _render_text(text: str, spans: list[_Span], tags: bool) -> str:
    def build(lo: int, hi: int, items: list[_Span], depth: int) -> str:
        out, pos, i = [], lo, 0
        while i < len(items):
            outer = items[i]
            j = i + 1
            while j < len(items) and items[j].start >= outer.start and items[j].end <= outer.end:
                j += 1
            out.append(_ESC(text[pos:outer.start]))
            out.append(_span_open(outer, depth) + build(outer.start, outer.end, items[i + 1:j], depth + 1) + "</span>")
            if tags:
                out.append(_kind_tag(outer))
            pos, i = outer.end, j
        out.append(_ESC(text[pos:hi]))
        return "".join(out)

    return build(0, len(text), spans, 0)


def mark_words(text: str, marks: Iterable[tuple[int, int, str]], *, tags: bool = True) -> str:
    """HTML of ``text`` with each ``(start, end, kind)`` mark drawn as the reader draws spans.

    ``kind`` is a span kind or one of the practice marks of ``palette.MARK_STYLES``
    (``quote``, ``modal``); offsets are into ``text``.  No sentence label is shown.
    A mark that crosses an earlier one, or falls outside the text, is left out.

    >>> html_text = mark_words("They should leave.", [(5, 11, "modal")])
    >>> "should</span>" in html_text and ">modal</sup>" in html_text
    True
    """
    rows = [(a, b, text[a:b] if 0 <= a < b <= len(text) else "", "" if pd.isna(k) else str(k), "", "")
            for a, b, k in marks]
    placed, _ = _place_spans("", text, 0, rows, tuple(palette.MARK_STYLES))
    return _render_text(text, placed, tags)


def marks_legend_html(kinds: Iterable[str]) -> str:
    """A one-line key for the marks drawn by :func:`mark_words` (line, tag and meaning of each kind).

    >>> "dashed box" in marks_legend_html(["quote"])
    True
    """
    items = []
    for kind in [k for k in palette.MARK_STYLES if k in set(kinds)]:
        sample = _Span(0, 0, kind, kind)
        items.append(f"{_span_open(sample, 0)}{_ESC(kind)}</span>{_kind_tag(sample)} "
                     f"{_ESC(palette.MARK_STYLES[kind].description)}: {_ESC(MARK_MEANINGS[kind])}")
    return ('<p style="font-family:sans-serif;font-size:0.8em;line-height:2;margin:0 0 0.6em 0">'
            "<b>Deciding words.</b> " + " · ".join(items) + "</p>")


# ---------------------------------------------------------------------------
# sentences


def _label_of(row) -> str:
    label = str(row["label"]) if pd.notna(row["label"]) else ""
    return label if label in schema.LABELS else ""


#: Bidirectional classes that can change the direction of the text around them.
_BIDI_CLASSES = frozenset({"R", "AL", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


def _isolated(text: str, text_html: str) -> str:
    """``text_html`` in a ``<bdi>`` when ``text`` holds right-to-left letters or direction controls.

    An override character (U+202E) in a sentence would otherwise reverse everything after it in
    the paragraph, including the reader's own ids and tags; ``<bdi>`` ends its reach at the
    sentence.  Left-to-right text is returned unchanged.

    >>> _isolated("plain", "plain")
    'plain'
    >>> _isolated("a\u202eb", "a\u202eb") == '<bdi dir="auto">a\u202eb</bdi>'
    True
    """
    if any(unicodedata.bidirectional(ch) in _BIDI_CLASSES for ch in text):
        return f'<bdi dir="auto">{text_html}</bdi>'
    return text_html


def _sentence_html(row, text_html: str) -> str:
    label = _label_of(row)
    background = palette.LABEL_BACKGROUNDS.get(label, "#FFFFFF")
    tag = schema.LABEL_TAGS.get(label, "[?]")
    role = str(row["role"]) if "role" in row and pd.notna(row["role"]) else ""
    ident = str(row["sent_id"])
    where = ident + (f" · {role}" if role and role != "body" else "")
    border = palette.LABEL_COLOURS.get(label, "#000000")
    return (
        f'<span style="background-color:{background};border-left:3px solid {border};'
        f'padding:2px 3px">'
        f'<small style="font-family:sans-serif;font-size:0.65em;color:#333">{_ESC(where)}</small> '
        f'<b style="font-family:sans-serif;font-size:0.75em">{_ESC(tag)}</b> '
        f"{text_html}</span>"
    )


def _note_html(row) -> str:
    parts = []
    label = _label_of(row)
    if label:
        parts.append(f"<b>{_ESC(label)}</b>")
    if row.get("confidence", "") == "unsure":  # the tagger's own doubt: a word, not only a colour
        reason = row.get("confidence_reason", "")
        parts.append("⚠ <b>unsure</b>" + (f" ({_ESC(reason)})" if isinstance(reason, str) and reason else ""))
    if label == "attributed":
        source = tables.as_text(pd.Series([row.get("source", "")])).iloc[0]
        stype = tables.as_text(pd.Series([row.get("source_type", "")])).iloc[0]
        cue = tables.as_text(pd.Series([row.get("cue", "")])).iloc[0]
        if source:
            parts.append("source: " + _ESC(source) + (f" ({_ESC(stype.replace('_', ' '))})" if stype else ""))
        if cue:
            parts.append("cue: " + _ESC(cue))
    accusation = pd.to_numeric(pd.Series([row.get("accusation", 0)]), errors="coerce").fillna(0).iloc[0]
    if accusation == 1:
        accuser = str(row.get("accuser", "") or "?")
        accused = ", ".join(p for p in str(row.get("accused", "") or "").split(";") if p) or "?"
        parts.append(f"accusation: {_ESC(accuser)} → {_ESC(accused)}")
    repeats = row.get("repeats", "")
    if isinstance(repeats, str) and repeats:
        parts.append("repeats " + _ESC(repeats))
    rationale = row.get("rationale", "")
    if isinstance(rationale, str) and rationale:
        parts.append("<i>" + _ESC(rationale) + "</i>")
    return " · ".join(parts)


def legend_html(kinds: Iterable[str] = schema.SPAN_KINDS) -> str:
    """The legend shown above every reading: label colours and tags, span underlines and tags.

    >>> "[FACT]" in legend_html() and "dotted underline" in legend_html()
    True
    """
    kinds = [k for k in schema.SPAN_KINDS if k in set(kinds)]
    items = []
    for label in schema.LABELS:
        items.append(
            f'<li><span style="background-color:{palette.LABEL_BACKGROUNDS[label]};'
            f'border-bottom:2px solid {palette.LABEL_COLOURS[label]};padding:1px 4px">'
            f"<b>{_ESC(schema.LABEL_TAGS[label])}</b> {_ESC(label)}</span> — {_ESC(LABEL_MEANINGS[label])}</li>"
        )
    spans = []
    for kind in kinds:
        style = palette.SPAN_STYLES[kind]
        sample = _Span(0, 0, kind, kind)
        spans.append(
            f"<li>{_span_open(sample, 0)}{_ESC(kind)}</span>{_kind_tag(sample)} — "
            f"{_ESC(style.description)}: {_ESC(SPAN_MEANINGS[kind])}</li>"
        )
    listing = '<ul style="margin:0.2em 0 0.4em 0;padding-left:1.2em;list-style:none">'
    return (
        '<div style="border:1px solid #999999;padding:6px 10px;margin:0 0 1em 0;font-family:sans-serif;'
        'font-size:0.85em;line-height:1.9;color:#000000;background-color:#FFFFFF">'
        "<b>Key.</b> Each sentence: small id, then its label tag. "
        "Labels describe how a sentence presents its claim, not whether the claim is true."
        f"{listing}{''.join(items)}</ul>"
        + (f"<b>Marked words</b>{listing}{''.join(spans)}</ul>" if spans else "")
        + "</div>"
    )


# ---------------------------------------------------------------------------
# assembling a reading


def _check_raw(frame: pd.DataFrame, raw) -> pd.DataFrame:
    """If raw texts are given, take each sentence's text from them, checking the offsets."""
    if raw is None:
        return frame
    frame = frame.copy()
    articles = tables.as_text(frame["article_id"])
    if isinstance(raw, str):
        present = list(dict.fromkeys(articles))
        if len(present) > 1:
            raise DataError("Pass raw as a dict {article_id: text} when the sentences come from several articles.")
        raw = {a: raw for a in present}
    if not isinstance(raw, Mapping):
        raise DataError("raw must be the article's text (a str) or a dict {article_id: text}.")
    texts = []
    for article, sent_id, start, end, text in zip(
        articles, tables.as_text(frame["sent_id"]), frame["start"], frame["end"], tables.as_text(frame["text"])
    ):
        if article not in raw:
            texts.append(text)
            continue
        try:
            piece = raw[article][int(start):int(end)]
        except (TypeError, ValueError):
            raise DataError(f"Sentence {sent_id} has no usable start/end offsets.") from None
        if text and piece != text:
            raise DataError(
                f"Sentence {sent_id}: raw[start:end] is {piece[:40]!r}, but the text column says {text[:40]!r}. "
                "Check that the offsets were computed on this raw text."
            )
        texts.append(piece)
    frame["text"] = texts
    return frame


def _load_spans(spans, kinds) -> pd.DataFrame:
    columns = ["sent_id", "start", "end", "text", "kind"]
    if not kinds:
        return pd.DataFrame(columns=columns)
    if spans is None:
        try:
            spans = load_spans()
        except DataError:
            return pd.DataFrame(columns=columns)
    return tables.prepare(spans, lambda: None, columns, "spans")


def _build(frame: pd.DataFrame, spans: pd.DataFrame, *, notes: bool, kinds, legend: bool, tags: bool,
           flow: bool, heading: str) -> Reading:
    kinds = tuple(kinds)
    bad = [k for k in kinds if k not in schema.SPAN_KINDS]
    if bad:
        raise DataError(f"Unknown span kind {', '.join(map(repr, bad))}; kinds are {', '.join(schema.SPAN_KINDS)}.")
    by_sentence: dict[str, list[tuple]] = {}       # each sentence's spans, read once for the whole table
    for sid, span in zip(tables.as_text(spans["sent_id"]), _span_rows(spans)) if len(spans) else ():
        by_sentence.setdefault(sid, []).append(span)
    skipped: list = []
    rendered = []  # (paragraph key, sentence html, note html)
    plain = []  # (paragraph key, plain-text line)
    for _, row in frame.iterrows():
        sent_id = str(row["sent_id"])
        text = "" if pd.isna(row["text"]) else str(row["text"])
        start = row["start"] if "start" in row else None
        placed, lost = _place_spans(sent_id, text, start if pd.notna(start) else -10**9,
                                    by_sentence.get(sent_id, []), kinds)
        skipped.extend(lost)
        body = _isolated(text, _render_text(text, placed, tags))
        paragraph = (str(row["article_id"]), row["paragraph"]) if flow and "paragraph" in row else sent_id
        rendered.append((paragraph, _sentence_html(row, body), _note_html(row) if notes else ""))
        label = _label_of(row)
        plain.append((paragraph, f"{sent_id} {schema.LABEL_TAGS.get(label, '')} {text}".replace("  ", " ")))

    blocks = []
    if not rendered:
        blocks.append('<p style="font-style:italic">No sentences to show.</p>')
    groups: list[list] = []
    for key, sent_html, note in rendered:
        if groups and groups[-1][0] == key:
            groups[-1][1].append((sent_html, note))
        else:
            groups.append([key, [(sent_html, note)]])
    for _, items in groups:
        if notes:
            rows = "".join(
                f'<tr><td style="vertical-align:top;text-align:left;padding:4px 8px 4px 0;line-height:2.3">{s}</td>'
                f'<td style="vertical-align:top;text-align:left;padding:4px 0 4px 8px;border-left:1px solid #999999;'
                f'font-family:sans-serif;font-size:0.8em;line-height:1.5;width:34%;color:#222222">{n}</td></tr>'
                for s, n in items
            )
            blocks.append(f'<table style="border-collapse:collapse;width:100%;margin:0 0 1em 0">{rows}</table>')
        else:
            blocks.append('<p style="margin:0 0 1em 0;line-height:2.4">' + " ".join(s for s, _ in items) + "</p>")
    head = f'<p style="font-family:sans-serif;font-size:0.9em;margin:0 0 0.5em 0"><b>{_ESC(heading)}</b></p>'
    html_text = (
        '<div style="font-family:Georgia,\'Times New Roman\',serif;color:#000000;background-color:#FFFFFF;'
        'max-width:52em;padding:8px">'
        + head + (legend_html(kinds) if legend else "") + "".join(blocks) + "</div>"
    )
    lines, previous = [heading], None
    for key, line in plain:
        if key != previous:
            lines.append("")
            previous = key
        lines.append(line)
    return Reading(html_text, tuple(skipped), "\n".join(lines) if plain else f"{heading}\n\nNo sentences to show.")


def render_article(
    article_id: str,
    *,
    sentences: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    raw: str | None = None,
    notes: bool = False,
    kinds: Iterable[str] = schema.SPAN_KINDS,
    legend: bool = True,
    tags: bool = True,
    roles: Iterable[str] | None = None,
) -> Reading:
    """One piece, paragraph by paragraph, with labels and spans highlighted.

    ``sentences`` and ``spans`` default to the gold tables (if ``spans.csv``
    is not there, no spans are drawn); pass your own tables with the same
    columns to read an article of your own, and its ``raw`` text to have every
    sentence's offsets checked against it.  ``notes=True`` adds a side note per
    sentence (label, source and cue, accusation, rationale).  ``kinds`` picks
    the span kinds to draw (``()`` for none); ``tags=False`` drops the small
    kind tags after each span; ``roles`` keeps only sentences with those roles.
    An unknown article id raises :class:`~medialit.compare.UnknownArticleError`.

    >>> page = render_article("balakot", notes=True, kinds=("cue",))
    >>> page.html.count("[META]") >= 1
    True
    """
    sentences = tables.prepare(sentences, load_sentences, ("article_id", "sent_id", "text", "label"), "sentences")
    order = tables.article_order(sentences, [article_id])
    frame = sentences[tables.as_text(sentences["article_id"]).isin(order)]
    if roles is not None:
        frame = tables.select_rows(frame, order, roles)
    if "start" in frame:
        frame = frame.assign(_start=pd.to_numeric(frame["start"], errors="coerce")).sort_values(
            "_start", kind="stable").drop(columns="_start")
    frame = _check_raw(frame, raw)
    count = len(frame)
    heading = f"{article_id} · {count} sentence{'s' if count != 1 else ''}"
    return _build(frame, _load_spans(spans, kinds), notes=notes, kinds=kinds, legend=legend, tags=tags,
                  flow=True, heading=heading)


def render_sentences(
    selection,
    *,
    sentences: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    raw: str | Mapping[str, str] | None = None,
    notes: bool = False,
    kinds: Iterable[str] = schema.SPAN_KINDS,
    legend: bool = True,
    tags: bool = True,
) -> Reading:
    """Some sentences, one per line, highlighted like :func:`render_article`.

    ``selection`` is a sentence id, a list of ids (shown in that order), or a
    DataFrame of sentence rows (for example ``sentences[sentences.accusation == 1]``).
    Ids that are not in ``sentences`` raise :class:`UnknownSentenceError`.

    >>> page = render_sentences(["balakot-004", "balakot-005"], notes=True)
    >>> page.html.index("balakot-004") < page.html.index("balakot-005")
    True
    """
    if isinstance(selection, pd.DataFrame):
        frame = tables.prepare(selection, lambda: None, ("article_id", "sent_id", "text", "label"), "sentences")
    else:
        ids = [selection] if isinstance(selection, str) else list(selection)
        sentences = tables.prepare(sentences, load_sentences, ("article_id", "sent_id", "text", "label"),
                                     "sentences")
        known = tables.as_text(sentences["sent_id"])
        missing = [i for i in ids if i not in set(known)]
        if missing:
            raise UnknownSentenceError(
                f"No sentence with id {', '.join(map(repr, missing))}; ids look like 'balakot-007' "
                "(article id, dash, three-digit number)."
            )
        indexed = sentences.assign(_key=known.to_numpy()).drop_duplicates("_key").set_index("_key")
        frame = indexed.loc[ids].reset_index(drop=True)
    frame = _check_raw(frame, raw)
    count = len(frame)
    heading = f"{count} selected sentence{'s' if count != 1 else ''}"
    return _build(frame, _load_spans(spans, kinds), notes=notes, kinds=kinds, legend=legend, tags=tags,
                  flow=False, heading=heading)


def _provenance(article_ids: list[str], articles: pd.DataFrame | None) -> str:
    if articles is None:
        try:
            articles = load_articles()
        except DataError:
            articles = None
    lines = []
    for article in article_ids:
        fields = []
        if articles is not None and "article_id" in articles:
            match = articles[tables.as_text(articles["article_id"]) == article]
            if len(match):
                row = match.iloc[0]
                for column, name in (("headline", "Headline"), ("byline", "Byline"), ("outlet", "Outlet"),
                                     ("date_printed", "Date printed")):
                    value = row.get(column, "")
                    if isinstance(value, str) and value.strip():
                        fields.append(f"{name}: {_ESC(value.strip())}")
        lines.append(f"<li><b>{_ESC(article)}</b>" + (" — " + " · ".join(fields) if fields else "") + "</li>")
    return '<ul style="margin:0 0 1em 0;padding-left:1.2em">' + "".join(lines) + "</ul>"


def export_handout(
    what,
    path: str | Path,
    *,
    sentences: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    raw: str | Mapping[str, str] | None = None,
    articles: pd.DataFrame | None = None,
    notes: bool = False,
    kinds: Iterable[str] = schema.SPAN_KINDS,
    title: str | None = None,
) -> Path:
    """Write a standalone, printable HTML handout and return its path.

    ``what`` is an article id (the whole piece, in paragraphs) or a selection
    as accepted by :func:`render_sentences`.  The page has a heading, the
    provenance of each piece from ``articles`` (default ``data/articles.csv``;
    left out if the file is not there), the legend, and the highlighted text
    in black on white; tags and underline styles survive black-and-white
    printing.  Folders in ``path`` are created if needed.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = export_handout("balakot", pathlib.Path(folder) / "balakot.html")
    ...     text = out.read_text(encoding="utf-8")
    >>> text.startswith("<!DOCTYPE html>") and "[FACT]" in text
    True
    """
    if isinstance(what, str) and not _looks_like_sentence_id(what, sentences):
        reading = render_article(what, sentences=sentences, spans=spans, raw=raw, notes=notes, kinds=kinds)
        shown = [what]
        heading = title or f"Reading: {what}"
    else:
        reading = render_sentences(what, sentences=sentences, spans=spans, raw=raw, notes=notes, kinds=kinds)
        if isinstance(what, pd.DataFrame):
            shown = list(dict.fromkeys(tables.as_text(what["article_id"])))
        else:
            ids = [what] if isinstance(what, str) else list(what)
            table = sentences if sentences is not None else load_sentences()
            lookup = dict(zip(tables.as_text(table["sent_id"]), tables.as_text(table["article_id"])))
            shown = list(dict.fromkeys(lookup[i] for i in ids))
        heading = title or "Selected sentences"
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_ESC(heading)}</title>\n</head>\n"
        '<body style="color:#000000;background-color:#FFFFFF;margin:2em;-webkit-print-color-adjust:exact;'
        'print-color-adjust:exact">\n'
        f'<h1 style="font-family:sans-serif;font-size:1.4em">{_ESC(heading)}</h1>\n'
        + _provenance(shown, articles)
        + reading.html
        + '\n<p style="font-family:sans-serif;font-size:0.75em;color:#000000">Annotations follow the codebook '
        "(data/codebook.md). A label says how a sentence presents its claim, never whether it is true.</p>\n"
        "</body>\n</html>\n"
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8", newline="\n")
    return path


def _looks_like_sentence_id(value: str, sentences: pd.DataFrame | None) -> bool:
    """True if ``value`` is a sentence id rather than an article id."""
    table = sentences if sentences is not None else load_sentences()
    return value in set(tables.as_text(table["sent_id"])) and value not in set(tables.as_text(table["article_id"]))
