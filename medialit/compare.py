"""Comparison tables across the pieces, computed from the annotations in ``data/``.

Every function takes the annotation tables as arguments and loads the gold
files when you leave them out, so the same calls work for an article of your
own that has the same columns::

    compare.label_shares()                 # the five pieces
    compare.label_shares(my_sentences)     # your own sentences table

How the functions treat unusual input (the same everywhere):

- **Empty input** (a table with no rows) gives an empty table with the usual
  columns, never an error.
- **Unknown article id** in ``articles=`` raises :class:`UnknownArticleError`,
  whose message lists the ids that exist.
- **A missing column** raises :class:`MissingColumnsError`, naming the column.
- Articles come out in reading order: the order of ``article_ids()`` for the
  five pieces, then any other ids in the order they first appear.

Nothing here judges whether a claim is true: "fact" means "stated in the
writer's own voice", as in the codebook.

>>> table = label_shares()
>>> table.columns.tolist()
['fact', 'attributed', 'advocacy', 'total']
>>> table.index.tolist() == article_ids()
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from . import schema
from .corpus import DataError, article_ids, load_frames, load_lexicon, load_sentences, load_spans
from .tables import MissingColumnsError, UnknownArticleError, article_order, as_text, prepare, select_rows

__all__ = [
    "UnknownArticleError", "MissingColumnsError", "CONTENT_ROLES", "QUOTATION_MARKS",
    "is_quotation", "words", "count_words", "label_shares", "attribution_of_accusations", "sources_by_type",
    "who_is_quoted", "accusation_table", "naming_table", "rates_per_1000_words", "numbers_table",
    "frames_side_by_side",
]

#: Roles whose sentences carry the content of a piece (everything but page furniture).
CONTENT_ROLES = ("headline", "subheading", "body", "pullquote")
#: Characters that mark a direct quotation.  The right single quote (’) is left out
#: on purpose: it is also the apostrophe in "doesn’t" or "Pakistan’s".
QUOTATION_MARKS = ('"', "“", "”", "„", "«", "»", "‘")
#: ``cue`` values that say a sentence is (part of) a direct quotation.
QUOTATION_CUES = ("[continued quotation]", "[quotation marks]")

_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:[’'\-‐‑][^\W_]+)*")


def _squash(text: str) -> str:
    """Runs of whitespace (also no-break spaces) as one plain space, ends trimmed."""
    return " ".join(str(text).split())


def _split_ids(value: str) -> list[str]:
    """A ';'-separated list of actor ids as a list (empty entries dropped)."""
    return [p.strip() for p in str(value).split(";") if p.strip()]


def _flag(series: pd.Series) -> pd.Series:
    """A 0/1 column (ints or strings) as booleans."""
    return pd.to_numeric(series, errors="coerce").fillna(0).astype(int).eq(1)


def _count_by_article(frame: pd.DataFrame, column: str, order: list[str], values: list[str]) -> pd.DataFrame:
    """Articles (rows, in ``order``) × ``values`` of ``column`` (columns): how many rows have each."""
    if len(frame):
        counts = pd.crosstab(as_text(frame["article_id"]), as_text(frame[column]))
    else:
        counts = pd.DataFrame()
    counts = counts.reindex(index=order, columns=values, fill_value=0).fillna(0).astype(int)
    counts.index.name = "article_id"
    counts.columns.name = column
    return counts


def _percent_of_row(counts: pd.DataFrame) -> pd.DataFrame:
    """Each count as a percentage of its row's total (NaN for an empty row)."""
    totals = counts.sum(axis=1)
    return (counts.div(totals.where(totals > 0), axis=0) * 100).astype(float)


def is_quotation(text: str, cue: str = "") -> bool:
    """True if a sentence is (part of) a direct quotation.

    The rule: the sentence contains a quotation mark (one of ``QUOTATION_MARKS``),
    or its cue is ``[continued quotation]`` or ``[quotation marks]``.  Scare quotes
    around a single word count too, so check borderline sentences by reading them.

    >>> is_quotation("“We are ready,” he said.")
    True
    >>> is_quotation("Pakistan’s army said it was ready.")
    False
    >>> is_quotation("The camp is operative.", "[continued quotation]")
    True
    """
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    cue = "" if cue is None or (isinstance(cue, float) and pd.isna(cue)) else str(cue)
    return cue.strip() in QUOTATION_CUES or any(mark in text for mark in QUOTATION_MARKS)


def words(text: str) -> list[str]:
    """The words of ``text``, as :func:`count_words` counts them (the package's one word rule).

    >>> words("Jaish-e-Mohammed doesn’t host 4.5 million — or 1,093?")
    ['Jaish-e-Mohammed', 'doesn’t', 'host', '4.5', 'million', 'or', '1,093']
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return []
    return _WORD.findall(str(text))


def count_words(text: str) -> int:
    """Number of words in ``text``.

    A word is a run of letters or digits; hyphens and apostrophes inside it do not
    split it ("Jaish-e-Mohammed", "doesn’t" are one word each), and a number with
    a decimal point or thousands comma is one word ("4.5", "1,093").  Punctuation
    and dashes standing alone are not words.

    >>> count_words("Jaish-e-Mohammed doesn’t host 4.5 million — or 1,093?")
    7
    >>> count_words("")
    0
    """
    return len(words(text))


# ---------------------------------------------------------------------------
# labels


def label_shares(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = ("body",),
    normalize: bool = False,
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How many sentences of each label every article has.

    One row per article (reading order), one column per label in the codebook's
    order (``fact, attributed, advocacy``, plus ``meta`` when ``roles`` is
    None or includes a role whose sentences are meta: byline, bio, disclaimer,
    furniture).  With ``normalize=False`` the
    cells are counts and a ``total`` column is added; with ``normalize=True``
    they are percentages of the article's sentences that have the given
    ``roles`` (each row sums to 100; an article with none of those sentences
    gets NaN).  ``roles=None`` counts every sentence.

    >>> counts = label_shares()
    >>> counts.columns.tolist()
    ['fact', 'attributed', 'advocacy', 'total']
    >>> label_shares(roles=None).columns.tolist()
    ['fact', 'attributed', 'advocacy', 'meta', 'total']
    >>> percent = label_shares(normalize=True)
    >>> bool(((percent.sum(axis=1) - 100).abs() < 1e-9).all())
    True
    """
    sentences = prepare(sentences, load_sentences, ("article_id", "role", "label"), "sentences")
    order = article_order(sentences, articles)
    body = select_rows(sentences, order, roles)
    labels = list(schema.LABELS)
    if roles is not None and not set([roles] if isinstance(roles, str) else roles) & set(schema.META_ROLES):
        labels.remove("meta")  # these roles never carry the label meta (codebook rule L1)
    counts = _count_by_article(body, "label", order, labels)
    if normalize:
        return _percent_of_row(counts)
    counts["total"] = counts.sum(axis=1)
    return counts


# ---------------------------------------------------------------------------
# accusations


def attribution_of_accusations(
    sentences: pd.DataFrame | None = None,
    *,
    by: str = "article",
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How many accusation sentences carry attribution (label ``attributed``).

    ``by`` is ``"article"`` (one row per article), ``"accuser"`` (one row per
    accuser, sorted, ``writer`` included) or ``"both"`` (article × accuser).
    Columns: ``accusations`` (sentences with ``accusation`` = 1),
    ``attributed`` (of those, labelled attributed), ``not_attributed`` and
    ``percent_attributed`` (NaN where there are no accusations).  A sentence
    with several accusers (``india;afghanistan``) counts once for each of them
    in the per-accuser rows, and once in its article's row.  By default
    only body sentences count; pass ``roles=CONTENT_ROLES`` to include
    headlines and pull-quotes, which can repeat a body sentence.

    >>> table = attribution_of_accusations()
    >>> table.columns.tolist()
    ['accusations', 'attributed', 'not_attributed', 'percent_attributed']
    >>> attribution_of_accusations(by="accuser").index.name
    'accuser'
    """
    keys = {"article": ["article_id"], "accuser": ["accuser"], "both": ["article_id", "accuser"]}
    if by not in keys:
        raise DataError(f"by must be 'article', 'accuser' or 'both', not {by!r}.")
    sentences = prepare(
        sentences, load_sentences, ("article_id", "role", "label", "accusation", "accuser"), "sentences"
    )
    order = article_order(sentences, articles)
    chosen = select_rows(sentences, order, roles)
    chosen = chosen[_flag(chosen["accusation"])]
    work = pd.DataFrame({
        "article_id": as_text(chosen["article_id"]),
        "accuser": [_split_ids(a) or ["(not given)"] for a in as_text(chosen["accuser"])],
        "attributed": as_text(chosen["label"]).eq("attributed").astype(int),
    })
    if by == "article":
        work["accuser"] = ""
    else:  # a sentence with two accusers ('india;afghanistan') counts once for each
        work = work.explode("accuser", ignore_index=True)
    columns = ["accusations", "attributed", "not_attributed", "percent_attributed"]
    grouped = work.groupby(keys[by], sort=False).agg(
        accusations=("attributed", "size"), attributed=("attributed", "sum")
    )
    if by == "article":
        grouped = grouped.reindex(order, fill_value=0)
        grouped.index.name = "article_id"
    elif by == "accuser":
        grouped = grouped.sort_index()
    else:
        rank = {a: i for i, a in enumerate(order)}
        grouped = grouped.sort_index(key=lambda s: s.map(rank) if s.name == "article_id" else s)
    grouped = grouped.astype(int)
    grouped["not_attributed"] = grouped["accusations"] - grouped["attributed"]
    total = grouped["accusations"].where(grouped["accusations"] > 0)
    grouped["percent_attributed"] = (grouped["attributed"] / total * 100).astype(float)
    return grouped[columns]


def accusation_table(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = CONTENT_ROLES,
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Who accuses whom: one row per article, accuser, accused and voice.

    ``accuser`` and ``accused`` lists are split at ``;`` so each pair of
    accuser and accused party gets its own row.
    ``voice`` is ``writer`` when the writer makes the charge in their own voice
    (accuser ``writer``) and ``source`` when it is credited to someone else.
    Columns: ``article_id, accuser, accused, voice, sentences`` (how many) and
    ``sent_ids`` (a list, to look the sentences up).  Headlines, subheadings and
    pull-quotes count by default, because a pull-quote can change the voice.

    >>> table = accusation_table()
    >>> table.columns.tolist()
    ['article_id', 'accuser', 'accused', 'voice', 'sentences', 'sent_ids']
    >>> sorted(set(table.voice))
    ['source', 'writer']
    """
    columns = ["article_id", "accuser", "accused", "voice", "sentences", "sent_ids"]
    sentences = prepare(
        sentences, load_sentences, ("article_id", "sent_id", "role", "accusation", "accuser", "accused"),
        "sentences",
    )
    order = article_order(sentences, articles)
    chosen = select_rows(sentences, order, roles)
    chosen = chosen[_flag(chosen["accusation"])]
    rows = []
    for article, sent_id, accuser, accused in zip(
        as_text(chosen["article_id"]), as_text(chosen["sent_id"]), as_text(chosen["accuser"]), as_text(chosen["accused"])
    ):
        for one in _split_ids(accuser) or ["(not given)"]:
            for party in _split_ids(accused) or ["(not given)"]:
                rows.append((article, one, party, "writer" if one == "writer" else "source", sent_id))
    if not rows:
        empty = pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
        empty["sentences"] = empty["sentences"].astype(int)
        return empty
    long = pd.DataFrame(rows, columns=["article_id", "accuser", "accused", "voice", "sent_id"])
    table = (
        long.groupby(["article_id", "accuser", "accused", "voice"], sort=False)["sent_id"]
        .agg(lambda ids: list(dict.fromkeys(ids)))
        .rename("sent_ids")
        .reset_index()
    )
    table["sentences"] = table["sent_ids"].map(len)
    rank = {a: i for i, a in enumerate(order)}
    table = table.assign(_rank=table["article_id"].map(rank)).sort_values(
        ["_rank", "accuser", "accused", "voice"], kind="stable"
    )
    return table[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------
# sources


def sources_by_type(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = ("body",),
    normalize: bool = False,
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Attributed sentences per article and source type.

    One row per article, one column per source type of the codebook (§5) except
    ``none``.  Cells are counts of attributed sentences; with
    ``normalize=True``, percentages of the article's attributed sentences
    (NaN for an article with none).

    >>> table = sources_by_type()
    >>> table.columns.tolist()
    ['named_official', 'named_expert', 'named_other', 'anonymous', 'unnamed', 'document']
    """
    sentences = prepare(sentences, load_sentences, ("article_id", "role", "label", "source_type"), "sentences")
    order = article_order(sentences, articles)
    chosen = select_rows(sentences, order, roles)
    chosen = chosen[as_text(chosen["label"]).eq("attributed")]
    types = [t for t in schema.SOURCE_TYPES if t != "none"]
    counts = _count_by_article(chosen, "source_type", order, types)
    return _percent_of_row(counts) if normalize else counts


def who_is_quoted(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
    wide: bool = False,
) -> pd.DataFrame:
    """Every source as printed, per article, with direct quotations and paraphrases counted.

    Only attributed sentences count.  A sentence is a ``quote`` when
    :func:`is_quotation` says so (a quotation mark in the sentence, or the cue
    ``[continued quotation]`` / ``[quotation marks]``), otherwise a
    ``paraphrase``.  Sources are grouped exactly as printed ("a local source"
    and "local sources" stay separate).

    Long form (default): columns ``article_id, source, source_type, quote,
    paraphrase, total``, articles in reading order and the most-cited sources
    first.  ``wide=True``: one row per source, columns (article, quote/paraphrase).

    >>> table = who_is_quoted()
    >>> table.columns.tolist()
    ['article_id', 'source', 'source_type', 'quote', 'paraphrase', 'total']
    >>> bool((table.quote + table.paraphrase == table.total).all())
    True
    """
    columns = ["article_id", "source", "source_type", "quote", "paraphrase", "total"]
    sentences = prepare(
        sentences, load_sentences, ("article_id", "role", "label", "source", "source_type", "cue", "text"),
        "sentences",
    )
    order = article_order(sentences, articles)
    chosen = select_rows(sentences, order, roles)
    chosen = chosen[as_text(chosen["label"]).eq("attributed")]
    quote = [is_quotation(t, c) for t, c in zip(as_text(chosen["text"]), as_text(chosen["cue"]))]
    work = pd.DataFrame({
        "article_id": as_text(chosen["article_id"]),
        "source": as_text(chosen["source"]).str.strip().replace("", "(not given)"),
        "source_type": as_text(chosen["source_type"]),
        "quote": pd.Series(quote, index=chosen.index, dtype=bool).astype(int),
    })
    work["paraphrase"] = 1 - work["quote"]
    if len(work):
        table = work.groupby(["article_id", "source", "source_type"], sort=False)[["quote", "paraphrase"]].sum()
        table = table.reset_index()
    else:
        table = pd.DataFrame({c: pd.Series(dtype="object") for c in columns[:3]})
        table["quote"] = pd.Series(dtype=int)
        table["paraphrase"] = pd.Series(dtype=int)
    table["total"] = table["quote"] + table["paraphrase"]
    rank = {a: i for i, a in enumerate(order)}
    table = table.assign(_rank=table["article_id"].map(rank), _neg=-table["total"]).sort_values(
        ["_rank", "_neg", "source"], kind="stable"
    )[columns].reset_index(drop=True)
    if not wide:
        return table
    pivot = table.pivot_table(
        index="source", columns="article_id", values=["quote", "paraphrase"], aggfunc="sum", fill_value=0
    )
    present = [a for a in order if a in set(table["article_id"])]
    pivot = pivot.swaplevel(axis=1).reindex(
        columns=pd.MultiIndex.from_product([present, ["quote", "paraphrase"]], names=["article_id", "mode"]),
        fill_value=0,
    )
    return pivot.astype(int)


# ---------------------------------------------------------------------------
# spans


def naming_table(
    spans: pd.DataFrame | None = None,
    lexicon: pd.DataFrame | None = None,
    *,
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """How each piece names the contested referents, with the naming lexicon's notes.

    One row per article, referent and variant *as printed* (the span's text,
    with runs of spaces, including no-break spaces, written as one plain
    space), with ``count`` and the ``connotation`` and ``note`` that
    ``data/lexicons/naming.csv`` gives for that variant (matched exactly, then
    ignoring case; empty if the lexicon does not list it).  Sorted by article
    (reading order), referent, then most frequent variant.

    >>> table = naming_table()
    >>> table.columns.tolist()
    ['article_id', 'referent', 'variant', 'count', 'connotation', 'note']
    """
    columns = ["article_id", "referent", "variant", "count", "connotation", "note"]
    spans = prepare(spans, load_spans, ("article_id", "kind", "text", "referent"), "spans")
    lexicon = prepare(
        lexicon, lambda: load_lexicon("naming"), ("referent", "variant", "connotation", "note"), "lexicons/naming"
    )
    order = article_order(spans, articles)
    chosen = select_rows(spans, order)
    chosen = chosen[as_text(chosen["kind"]).eq("naming")]
    work = pd.DataFrame({
        "article_id": as_text(chosen["article_id"]),
        "referent": as_text(chosen["referent"]),
        "variant": as_text(chosen["text"]).map(_squash),
    })
    if len(work):
        table = work.groupby(["article_id", "referent", "variant"], sort=False).size().rename("count").reset_index()
    else:
        table = pd.DataFrame({c: pd.Series(dtype="object") for c in columns[:3]})
        table["count"] = pd.Series(dtype=int)
    exact = {(r, v): (c, n) for r, v, c, n in zip(
        as_text(lexicon["referent"]), as_text(lexicon["variant"]), as_text(lexicon["connotation"]), as_text(lexicon["note"])
    )}
    folded = {}
    for (r, v), value in exact.items():
        folded.setdefault((r, _squash(v).casefold()), value)
    notes = [exact.get((r, v)) or folded.get((r, _squash(v).casefold())) or ("", "")
             for r, v in zip(table["referent"], table["variant"])]
    table["connotation"] = [c for c, _ in notes]
    table["note"] = [n for _, n in notes]
    rank = {a: i for i, a in enumerate(order)}
    table = table.assign(_rank=table["article_id"].map(rank), _neg=-table["count"]).sort_values(
        ["_rank", "referent", "_neg", "variant"], kind="stable"
    )
    table["count"] = table["count"].astype(int)
    return table[columns].reset_index(drop=True)


def rates_per_1000_words(
    sentences: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    *,
    kinds: Iterable[str] = ("hedge", "booster", "loaded"),
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Hedges, boosters and loaded words per 1,000 words of each article's body.

    ``words`` is the number of words in the article's sentences with the given
    ``roles`` (body by default), counted by :func:`count_words`: a word is a run
    of letters or digits, with inner hyphens and apostrophes ("Jaish-e-Mohammed",
    "doesn’t") and numbers like "4.5" counted as one word.  Spans count when they
    sit in one of those sentences.  Columns: ``words``, then the count of each
    kind, then ``<kind>_per_1000`` = count / words × 1000 (NaN if no words).

    >>> table = rates_per_1000_words()
    >>> table.columns.tolist()
    ['words', 'hedge', 'booster', 'loaded', 'hedge_per_1000', 'booster_per_1000', 'loaded_per_1000']
    """
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    bad = [k for k in kinds if k not in schema.SPAN_KINDS]
    if bad:
        raise DataError(f"Unknown span kind {', '.join(map(repr, bad))}; kinds are {', '.join(schema.SPAN_KINDS)}.")
    sentences = prepare(sentences, load_sentences, ("article_id", "sent_id", "role", "text"), "sentences")
    spans = prepare(spans, load_spans, ("article_id", "sent_id", "kind"), "spans")
    order = article_order(sentences, articles)
    chosen = select_rows(sentences, order, roles)
    words = pd.Series([count_words(t) for t in as_text(chosen["text"])], index=chosen.index, dtype=int)
    words = words.groupby(as_text(chosen["article_id"])).sum().reindex(order, fill_value=0).astype(int)
    in_chosen = as_text(spans["sent_id"]).isin(set(as_text(chosen["sent_id"])))
    picked = spans[in_chosen & as_text(spans["kind"]).isin(kinds)]
    if len(picked):
        counts = pd.crosstab(as_text(picked["article_id"]), as_text(picked["kind"]))
    else:
        counts = pd.DataFrame()
    counts = counts.reindex(index=order, columns=kinds, fill_value=0).fillna(0).astype(int)
    table = pd.concat([words.rename("words"), counts], axis=1)
    table.index.name = "article_id"
    per_word = table["words"].where(table["words"] > 0)
    for kind in kinds:
        table[f"{kind}_per_1000"] = (table[kind] / per_word * 1000).astype(float)
    table.columns.name = None
    return table


def numbers_table(
    spans: pd.DataFrame | None = None,
    sentences: pd.DataFrame | None = None,
    *,
    articles: str | Iterable[str] | None = None,
) -> pd.DataFrame:
    """Every number span, the sentence it sits in and who supplies it.

    Columns: ``article_id, sent_id, number`` (as printed), ``supplied_by``
    (the span's note: ``writer`` or an actor id), the sentence's ``label`` and
    ``source``, and the ``sentence`` text.  In reading order.

    >>> table = numbers_table()
    >>> table.columns.tolist()
    ['article_id', 'sent_id', 'number', 'supplied_by', 'label', 'source', 'sentence']
    """
    columns = ["article_id", "sent_id", "number", "supplied_by", "label", "source", "sentence"]
    spans = prepare(spans, load_spans, ("article_id", "sent_id", "start", "text", "kind", "note"), "spans")
    sentences = prepare(sentences, load_sentences, ("sent_id", "label", "source", "text"), "sentences")
    order = article_order(spans, articles)
    chosen = select_rows(spans, order)
    chosen = chosen[as_text(chosen["kind"]).eq("number")]
    lookup = pd.DataFrame({
        "sent_id": as_text(sentences["sent_id"]),
        "label": as_text(sentences["label"]),
        "source": as_text(sentences["source"]),
        "sentence": as_text(sentences["text"]),
    }).drop_duplicates("sent_id")
    table = pd.DataFrame({
        "article_id": as_text(chosen["article_id"]),
        "sent_id": as_text(chosen["sent_id"]),
        "number": as_text(chosen["text"]),
        "supplied_by": as_text(chosen["note"]),
        "_start": pd.to_numeric(chosen["start"], errors="coerce"),
    })
    table = table.merge(lookup, on="sent_id", how="left")
    for column in ("label", "source", "sentence"):
        table[column] = table[column].fillna("")
    rank = {a: i for i, a in enumerate(order)}
    table = table.assign(_rank=table["article_id"].map(rank)).sort_values(["_rank", "_start"], kind="stable")
    return table[columns].reset_index(drop=True)


# ---------------------------------------------------------------------------
# frames


def frames_side_by_side(
    frames: pd.DataFrame | None = None,
    *,
    conflict: str | None = None,
    articles: str | Iterable[str] | None = None,
    evidence: bool = True,
) -> pd.DataFrame:
    """Entman's four framing functions as rows, articles as columns, grouped by conflict.

    Columns are a two-level index (conflict, article_id); the conflict of each
    of the five pieces comes from ``schema.ARTICLE_CONFLICT`` and any other
    article is grouped under ``other``.  ``conflict="india_pakistan"`` (or any
    value of ``schema.CONFLICTS``) keeps only that group.  Each cell is the
    paraphrase, followed by its evidence sentence ids in brackets when
    ``evidence=True``; an empty cell means the piece does not perform that
    function in the annotation.

    >>> table = frames_side_by_side()
    >>> table.index.tolist()
    ['problem_definition', 'causal_interpretation', 'moral_evaluation', 'treatment_recommendation']
    >>> table.columns.names
    FrozenList(['conflict', 'article_id'])
    """
    if conflict is not None and conflict not in schema.CONFLICTS and conflict != "other":
        raise DataError(f"Unknown conflict {conflict!r}; use one of {', '.join(schema.CONFLICTS)}.")
    frames = prepare(frames, load_frames, ("article_id", "function", "paraphrase", "evidence"), "frames")
    order = article_order(frames, articles)
    chosen = select_rows(frames, order)
    group_of = {a: schema.ARTICLE_CONFLICT.get(a, "other") for a in order}
    group_rank = {g: i for i, g in enumerate(list(schema.CONFLICTS) + ["other"])}
    ordered = sorted(order, key=lambda a: (group_rank[group_of[a]], order.index(a)))
    if conflict is not None:
        ordered = [a for a in ordered if group_of[a] == conflict]
    cells: dict[tuple[str, str], list[str]] = {}
    for article, function, paraphrase, ids in zip(
        as_text(chosen["article_id"]), as_text(chosen["function"]), as_text(chosen["paraphrase"]), as_text(chosen["evidence"])
    ):
        text = paraphrase.strip()
        ids = "; ".join(i.strip() for i in ids.split(";") if i.strip())
        if evidence and ids:
            text = f"{text} [{ids}]"
        cells.setdefault((function, article), []).append(text)
    data = {
        (group_of[a], a): [" / ".join(cells.get((f, a), [])) for f in schema.FRAME_FUNCTIONS] for a in ordered
    }
    table = pd.DataFrame(data, index=list(schema.FRAME_FUNCTIONS), dtype="object")
    table.columns = pd.MultiIndex.from_arrays(
        [[g for g, _ in data], [a for _, a in data]], names=["conflict", "article_id"]
    )
    table.index.name = "function"
    return table
