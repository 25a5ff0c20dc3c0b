"""Small, hand-made tables in the shape of data/*.csv, for testing compare, plots and reader.

Two invented pieces: ``demo-a`` has every label, quotations and all span kinds;
``demo-b`` has no attributed sentence at all.  Offsets are computed from the
raw texts with the package's own segmenter, so ``raw[start:end] == text`` holds
just as in the gold data.
"""

from __future__ import annotations

import pandas as pd

from medialit import schema
from medialit.segment import split_sentences

RAW = {
    "demo-a": (
        "Is the camp back?\n\nBy A. Writer\n\n"
        "The camp reopened in March, and 35 cadres arrived. "
        "“The camp is fully operative,” a local source told this writer. "
        "According to officials, Ruritania sponsored the attack. "
        "Ruritania must stop this notorious policy. "
        "It may apparently worsen.\n\n"
        "This website uses cookies.\n"
    ),
    "demo-b": (
        "Second piece\n\n"
        "The army killed 12 militants in Freedonia. "
        "Freedonia and the army shelled the border.\n\n"
        "It is clear that peace is needed.\n"
    ),
}

# role, label, accusation, accuser, accused, source, source_type, cue, conflict, rationale
_ANNOTATIONS = {
    "demo-a": [
        ("headline", "advocacy", 0, "", "", "", "none", "", "none", "rhetorical question"),
        ("byline", "meta", 0, "", "", "", "none", "", "none", "byline"),
        ("body", "fact", 0, "", "", "", "none", "", "india_pakistan", "an event"),
        ("body", "attributed", 0, "", "", "a local source", "anonymous", "told", "india_pakistan", "quotation"),
        ("body", "attributed", 1, "unnamed-sources", "ruritania", "officials", "unnamed", "According to",
         "india_pakistan", "according to"),
        ("body", "advocacy", 1, "writer", "ruritania", "", "none", "", "india_pakistan", "prescription"),
        ("body", "advocacy", 0, "", "", "", "none", "", "india_pakistan", "prediction"),
        ("furniture", "meta", 0, "", "", "", "none", "", "none", "cookie notice"),
    ],
    "demo-b": [
        ("headline", "fact", 0, "", "", "", "none", "", "none", "title"),
        ("body", "fact", 1, "writer", "army", "", "none", "", "both", "an event"),
        ("body", "fact", 1, "writer", "freedonia;army", "", "none", "", "both", "an event"),
        ("body", "advocacy", 0, "", "", "", "none", "", "both", "judgement"),
    ],
}

# (article, sentence number, text as printed, kind, referent, note)
_SPANS = [
    ("demo-a", 3, "35", "number", "", "writer"),
    ("demo-a", 4, "told", "cue", "", ""),
    ("demo-a", 5, "According to", "cue", "", ""),
    ("demo-a", 5, "Ruritania", "naming", "ruritania", ""),
    ("demo-a", 6, "Ruritania", "naming", "ruritania", ""),
    ("demo-a", 6, "notorious", "loaded", "", ""),
    ("demo-a", 7, "may", "hedge", "", ""),
    ("demo-a", 7, "apparently", "hedge", "", ""),
    ("demo-b", 2, "12", "number", "", "writer"),
    ("demo-b", 2, "militants", "naming", "militants", ""),
    ("demo-b", 2, "Freedonia", "naming", "freedonia", ""),
    ("demo-b", 3, "Freedonia", "naming", "freedonia", ""),
    ("demo-b", 4, "It is clear", "booster", "", ""),
]


def sentences() -> pd.DataFrame:
    rows = []
    for article, raw in RAW.items():
        pieces = split_sentences(raw)
        notes = _ANNOTATIONS[article]
        assert len(pieces) == len(notes), (article, [p.text for p in pieces])
        for number, (piece, note) in enumerate(zip(pieces, notes), start=1):
            role, label, acc, accuser, accused, source, stype, cue, conflict, why = note
            rows.append({
                "article_id": article, "sent_id": f"{article}-{number:03d}", "paragraph": piece.paragraph,
                "start": piece.start, "end": piece.end, "text": piece.text, "role": role, "repeats": "",
                "label": label, "accusation": acc, "accuser": accuser, "accused": accused, "source": source,
                "source_type": stype, "cue": cue, "conflict": conflict, "rationale": why,
            })
    frame = pd.DataFrame(rows, columns=list(schema.SENTENCE_COLUMNS))
    frame["role"] = pd.Categorical(frame["role"], categories=list(schema.ROLES))
    frame["label"] = pd.Categorical(frame["label"], categories=list(schema.LABELS))
    frame["source_type"] = pd.Categorical(frame["source_type"], categories=list(schema.SOURCE_TYPES))
    return frame


def spans() -> pd.DataFrame:
    sents = sentences().set_index("sent_id")
    rows = []
    for article, number, text, kind, referent, note in _SPANS:
        sent_id = f"{article}-{number:03d}"
        row = sents.loc[sent_id]
        offset = row.text.index(text)
        start = int(row.start) + offset
        assert RAW[article][start:start + len(text)] == text
        rows.append({"article_id": article, "sent_id": sent_id, "start": start, "end": start + len(text),
                     "text": text, "kind": kind, "referent": referent, "note": note})
    frame = pd.DataFrame(rows, columns=list(schema.SPAN_COLUMNS))
    frame["kind"] = pd.Categorical(frame["kind"], categories=list(schema.SPAN_KINDS))
    return frame


def naming_lexicon() -> pd.DataFrame:
    return pd.DataFrame([
        ("ruritania", "Ruritania", "neutral", "the country's own name"),
        ("freedonia", "Freedonia", "neutral", "the country's own name"),
        ("militants", "militants", "negative", "the writer's word for the other side"),
    ], columns=["referent", "variant", "connotation", "note"])


def frames() -> pd.DataFrame:
    return pd.DataFrame([
        ("demo-a", "problem_definition", "The camp is back.", "demo-a-003;demo-a-004"),
        ("demo-a", "causal_interpretation", "Ruritania is behind it.", "demo-a-005"),
        ("demo-a", "treatment_recommendation", "Ruritania must stop.", "demo-a-006"),
        ("demo-b", "problem_definition", "Fighting on the border.", "demo-b-002"),
        ("demo-b", "moral_evaluation", "Peace is needed.", "demo-b-004"),
    ], columns=list(schema.FRAME_COLUMNS))


def articles() -> pd.DataFrame:
    row = {c: "" for c in schema.ARTICLE_COLUMNS}
    a = dict(row, article_id="demo-a", headline="Is the camp back?", byline="A. Writer", outlet="Demo Times",
             date_printed="1 March 2020")
    b = dict(row, article_id="demo-b", headline="Second piece", outlet="Demo Post")
    return pd.DataFrame([a, b], columns=list(schema.ARTICLE_COLUMNS))


def empty_like(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0]
