"""Tests for medialit.compare, on small hand-made tables and (when present) on the gold data."""

from __future__ import annotations

import math

import pandas as pd
import pytest
import toolkit_fixtures as fx

from medialit import compare, corpus, schema
from medialit.compare import MissingColumnsError, UnknownArticleError

DATA = corpus.data_dir()
needs_gold = pytest.mark.skipif(not (DATA / "sentences.csv").is_file(), reason="gold sentences.csv not written yet")
needs_spans = pytest.mark.skipif(not (DATA / "spans.csv").is_file(), reason="gold spans.csv not written yet")


@pytest.fixture
def sentences():
    return fx.sentences()


@pytest.fixture
def spans():
    return fx.spans()


def renamed(frame: pd.DataFrame, mapping: dict) -> pd.DataFrame:
    """The fixture with its article ids (and sentence ids) renamed, e.g. to real ids."""
    frame = frame.copy()
    frame["article_id"] = frame["article_id"].map(lambda a: mapping.get(a, a))
    if "sent_id" in frame:
        for old, new in mapping.items():
            frame["sent_id"] = frame["sent_id"].str.replace(old + "-", new + "-", regex=False)
    return frame


# ---------------------------------------------------------------- helpers

@pytest.mark.parametrize("text, cue, expected", [
    ("“We are ready,” he said.", "said", True),
    ('He said "enough".', "said", True),
    ("‘JeM Has Begun Training’", "[quotation marks]", True),
    ("The camp is operative.", "[continued quotation]", True),
    ("Pakistan’s army doesn’t agree, officials said.", "said", False),
    ("Officials said the camp had reopened.", "said", False),
    ("", "", False),
])
def test_is_quotation(text, cue, expected):
    assert compare.is_quotation(text, cue) is expected


@pytest.mark.parametrize("text, expected", [
    ("One two three.", 3),
    ("Jaish-e-Mohammed doesn’t", 2),
    ("4.5 million and 1,093 people", 5),
    ("— , ; !", 0),
    ("", 0),
    (None, 0),
])
def test_count_words(text, expected):
    assert compare.count_words(text) == expected


# ---------------------------------------------------------------- label_shares

def test_label_shares_counts_match_a_hand_count(sentences):
    table = compare.label_shares(sentences)
    for article in ("demo-a", "demo-b"):
        body = [r for r in fx._ANNOTATIONS[article] if r[0] == "body"]
        for label in ("fact", "attributed", "advocacy"):
            assert table.loc[article, label] == sum(1 for r in body if r[1] == label)
        assert table.loc[article, "total"] == len(body)
    assert table.columns.tolist() == ["fact", "attributed", "advocacy", "total"]
    assert "meta" in compare.label_shares(sentences, roles=("body", "byline"))
    assert table.index.name == "article_id"


def test_label_shares_percent_rows_sum_to_100(sentences):
    table = compare.label_shares(sentences, normalize=True)
    assert "total" not in table
    assert ((table.sum(axis=1) - 100).abs() < 1e-9).all()
    counts = compare.label_shares(sentences)
    assert table.loc["demo-a", "fact"] == pytest.approx(100 * counts.loc["demo-a", "fact"] / counts.loc["demo-a", "total"])


def test_label_shares_roles_none_counts_every_sentence(sentences):
    table = compare.label_shares(sentences, roles=None)
    assert table["total"].sum() == len(sentences)
    assert table.loc["demo-a", "meta"] == 2


def test_label_shares_article_without_sentences_of_the_role_gives_nan(sentences):
    table = compare.label_shares(sentences, roles=("furniture",), normalize=True)
    assert table.loc["demo-b"].isna().all()
    assert table.loc["demo-a", "meta"] == 100


def test_label_shares_reading_order_puts_known_ids_first(sentences):
    frame = renamed(sentences, {"demo-a": "tit-for-tat", "demo-b": "my-article"})
    frame = pd.concat([frame, renamed(sentences[sentences.article_id == "demo-a"], {"demo-a": "militancy-bases"})])
    assert compare.label_shares(frame).index.tolist() == ["militancy-bases", "tit-for-tat", "my-article"]


def test_label_shares_articles_argument_selects_and_orders(sentences):
    table = compare.label_shares(sentences, articles=["demo-b", "demo-a"])
    assert table.index.tolist() == ["demo-b", "demo-a"]
    assert compare.label_shares(sentences, articles="demo-b").index.tolist() == ["demo-b"]


def test_label_shares_accepts_plain_string_columns(sentences):
    plain = sentences.astype({"label": str, "role": str, "accusation": str})
    assert compare.label_shares(plain).equals(compare.label_shares(sentences))


# ---------------------------------------------------------------- errors and empty input

ALL_TABLES = [
    ("label_shares", lambda s, sp: compare.label_shares(s),
     ["fact", "attributed", "advocacy", "total"]),
    ("attribution_of_accusations", lambda s, sp: compare.attribution_of_accusations(s),
     ["accusations", "attributed", "not_attributed", "percent_attributed"]),
    ("accusation_table", lambda s, sp: compare.accusation_table(s),
     ["article_id", "accuser", "accused", "voice", "sentences", "sent_ids"]),
    ("sources_by_type", lambda s, sp: compare.sources_by_type(s),
     [t for t in schema.SOURCE_TYPES if t != "none"]),
    ("who_is_quoted", lambda s, sp: compare.who_is_quoted(s),
     ["article_id", "source", "source_type", "quote", "paraphrase", "total"]),
    ("naming_table", lambda s, sp: compare.naming_table(sp, fx.naming_lexicon()),
     ["article_id", "referent", "variant", "count", "connotation", "note"]),
    ("rates_per_1000_words", lambda s, sp: compare.rates_per_1000_words(s, sp),
     ["words", "hedge", "booster", "loaded", "hedge_per_1000", "booster_per_1000", "loaded_per_1000"]),
    ("numbers_table", lambda s, sp: compare.numbers_table(sp, s),
     ["article_id", "sent_id", "number", "supplied_by", "label", "source", "sentence"]),
]


@pytest.mark.parametrize("name, call, columns", ALL_TABLES, ids=[t[0] for t in ALL_TABLES])
def test_empty_input_gives_an_empty_well_formed_table(name, call, columns, sentences, spans):
    table = call(sentences.iloc[0:0], spans.iloc[0:0])
    assert isinstance(table, pd.DataFrame)
    assert len(table) == 0
    assert table.columns.tolist() == columns


@pytest.mark.parametrize("name, call, columns", ALL_TABLES, ids=[t[0] for t in ALL_TABLES])
def test_columnless_empty_frame_is_treated_as_empty(name, call, columns):
    table = call(pd.DataFrame(), pd.DataFrame())
    assert len(table) == 0 and table.columns.tolist() == columns


@pytest.mark.parametrize("call", [
    lambda s, sp: compare.label_shares(s, articles=["demo-a", "no-such-piece"]),
    lambda s, sp: compare.attribution_of_accusations(s, articles="no-such-piece"),
    lambda s, sp: compare.accusation_table(s, articles="no-such-piece"),
    lambda s, sp: compare.sources_by_type(s, articles="no-such-piece"),
    lambda s, sp: compare.who_is_quoted(s, articles="no-such-piece"),
    lambda s, sp: compare.naming_table(sp, fx.naming_lexicon(), articles="no-such-piece"),
    lambda s, sp: compare.rates_per_1000_words(s, sp, articles="no-such-piece"),
    lambda s, sp: compare.numbers_table(sp, s, articles="no-such-piece"),
    lambda s, sp: compare.frames_side_by_side(fx.frames(), articles="no-such-piece"),
])
def test_unknown_article_id_is_a_clear_error(call, sentences, spans):
    with pytest.raises(UnknownArticleError) as info:
        call(sentences, spans)
    message = str(info.value)
    assert "'no-such-piece'" in message and "demo-a" in message
    assert isinstance(info.value, corpus.DataError)


def test_missing_column_is_a_clear_error(sentences):
    with pytest.raises(MissingColumnsError, match="'label'"):
        compare.label_shares(sentences.drop(columns="label"))


def test_not_a_dataframe_is_a_clear_error():
    with pytest.raises(corpus.DataError, match="DataFrame"):
        compare.label_shares([1, 2, 3])


def test_unknown_role_and_kind_and_by_are_clear_errors(sentences, spans):
    with pytest.raises(corpus.DataError, match="Unknown role 'bdy'"):
        compare.label_shares(sentences, roles=("bdy",))
    with pytest.raises(corpus.DataError, match="Unknown span kind 'hedges'"):
        compare.rates_per_1000_words(sentences, spans, kinds=("hedges",))
    with pytest.raises(corpus.DataError, match="by must be"):
        compare.attribution_of_accusations(sentences, by="source")


def test_known_article_absent_from_the_table_gives_a_zero_row(sentences):
    # "balakot" is in the manifest; a user table without it still answers, with zeros
    table = compare.label_shares(sentences, articles=["balakot"])
    assert table.loc["balakot", "total"] == 0


# ---------------------------------------------------------------- accusations

def test_attribution_of_accusations_per_article(sentences):
    table = compare.attribution_of_accusations(sentences)
    body = sentences[(sentences.role == "body") & (sentences.accusation == 1)]
    for article, group in body.groupby("article_id"):
        assert table.loc[article, "accusations"] == len(group)
        assert table.loc[article, "attributed"] == (group.label == "attributed").sum()
    # demo-b has no attributed sentence at all: 0 %, not NaN, because it has accusations
    assert table.loc["demo-b", "attributed"] == 0
    assert table.loc["demo-b", "percent_attributed"] == 0
    assert table.loc["demo-a", "percent_attributed"] == pytest.approx(50)


def test_attribution_of_accusations_without_accusations_is_nan(sentences):
    quiet = sentences.assign(accusation=0)
    table = compare.attribution_of_accusations(quiet)
    assert (table["accusations"] == 0).all()
    assert table["percent_attributed"].isna().all()


def test_attribution_of_accusations_by_accuser_and_both(sentences):
    by_accuser = compare.attribution_of_accusations(sentences, by="accuser")
    assert by_accuser.index.tolist() == sorted(by_accuser.index)
    assert by_accuser.loc["writer", "attributed"] == 0
    assert by_accuser.loc["unnamed-sources", "percent_attributed"] == 100
    both = compare.attribution_of_accusations(sentences, by="both")
    assert both.index.names == ["article_id", "accuser"]
    assert both["accusations"].sum() == by_accuser["accusations"].sum()


def test_accusation_table_splits_accused_and_sets_voice(sentences):
    table = compare.accusation_table(sentences)
    both = table[(table.article_id == "demo-b") & (table.accused == "freedonia")]
    assert both.sent_ids.tolist() == [["demo-b-003"]]
    army = table[(table.article_id == "demo-b") & (table.accused == "army")].iloc[0]
    assert army.sent_ids == ["demo-b-002", "demo-b-003"] and army.sentences == 2
    assert set(table.loc[table.accuser == "writer", "voice"]) == {"writer"}
    assert set(table.loc[table.accuser != "writer", "voice"]) == {"source"}


# ---------------------------------------------------------------- sources

def test_sources_by_type_counts_attributed_only(sentences):
    table = compare.sources_by_type(sentences)
    assert table.loc["demo-a", "anonymous"] == 1 and table.loc["demo-a", "unnamed"] == 1
    assert table.loc["demo-b"].sum() == 0  # an article with no attributed sentences
    share = compare.sources_by_type(sentences, normalize=True)
    assert share.loc["demo-b"].isna().all()
    assert share.loc["demo-a"].sum() == pytest.approx(100)


def test_who_is_quoted_separates_quotes_and_paraphrases(sentences):
    table = compare.who_is_quoted(sentences)
    local = table[table.source == "a local source"].iloc[0]
    officials = table[table.source == "officials"].iloc[0]
    assert (local.quote, local.paraphrase) == (1, 0)
    assert (officials.quote, officials.paraphrase) == (0, 1)
    assert "demo-b" not in set(table.article_id)
    wide = compare.who_is_quoted(sentences, wide=True)
    assert wide.loc["a local source", ("demo-a", "quote")] == 1
    assert wide.columns.names == ["article_id", "mode"]


def test_who_is_quoted_continued_quotation_counts_as_quote(sentences):
    frame = sentences.copy()
    frame.loc[frame.sent_id == "demo-a-005", "cue"] = "[continued quotation]"
    table = compare.who_is_quoted(frame)
    assert table.loc[table.source == "officials", "quote"].item() == 1


# ---------------------------------------------------------------- spans

def test_naming_table_counts_and_connotation(spans):
    table = compare.naming_table(spans, fx.naming_lexicon())
    row = table[(table.article_id == "demo-a") & (table.variant == "Ruritania")].iloc[0]
    assert row["count"] == ((spans.kind == "naming") & (spans.text == "Ruritania") & (spans.article_id == "demo-a")).sum()
    assert row.connotation == "neutral"
    assert table.loc[table.variant == "militants", "connotation"].item() == "negative"


def test_naming_table_matches_case_insensitively_and_leaves_unknown_empty(spans):
    lexicon = fx.naming_lexicon()
    lexicon.loc[lexicon.variant == "militants", "variant"] = "Militants"
    lexicon = lexicon[lexicon.referent != "freedonia"]
    table = compare.naming_table(spans, lexicon)
    assert table.loc[table.variant == "militants", "connotation"].item() == "negative"
    assert set(table.loc[table.variant == "Freedonia", "connotation"]) == {""}


def test_rates_per_1000_words(sentences, spans):
    table = compare.rates_per_1000_words(sentences, spans)
    body_a = sentences[(sentences.article_id == "demo-a") & (sentences.role == "body")]
    words = sum(compare.count_words(t) for t in body_a.text)
    assert table.loc["demo-a", "words"] == words
    assert table.loc["demo-a", "hedge"] == 2
    assert table.loc["demo-a", "hedge_per_1000"] == pytest.approx(2 / words * 1000)
    assert table.loc["demo-b", "booster"] == 1
    assert table.loc["demo-b", "hedge_per_1000"] == 0


def test_rates_ignore_spans_outside_the_roles(sentences, spans):
    extra = spans.iloc[[0]].assign(sent_id="demo-a-001", kind="hedge")  # a hedge in the headline
    table = compare.rates_per_1000_words(sentences, pd.concat([spans, extra]))
    assert table.loc["demo-a", "hedge"] == 2
    with_headline = compare.rates_per_1000_words(sentences, pd.concat([spans, extra]), roles=("headline", "body"))
    assert with_headline.loc["demo-a", "hedge"] == 3


def test_rates_with_no_words_are_nan(sentences, spans):
    table = compare.rates_per_1000_words(sentences, spans, roles=("pullquote",))
    assert (table["words"] == 0).all() and table["hedge_per_1000"].isna().all()


def test_numbers_table(sentences, spans):
    table = compare.numbers_table(spans, sentences)
    assert table.number.tolist() == ["35", "12"]
    assert set(table.supplied_by) == {"writer"}
    first = table.iloc[0]
    assert first.number in first.sentence and first.label == "fact"


# ---------------------------------------------------------------- frames

def test_frames_side_by_side_shape_and_evidence():
    table = compare.frames_side_by_side(fx.frames())
    assert table.index.tolist() == list(schema.FRAME_FUNCTIONS)
    assert table.loc["causal_interpretation", ("other", "demo-a")] == "Ruritania is behind it. [demo-a-005]"
    assert table.loc["causal_interpretation", ("other", "demo-b")] == ""
    bare = compare.frames_side_by_side(fx.frames(), evidence=False)
    assert bare.loc["causal_interpretation", ("other", "demo-a")] == "Ruritania is behind it."


def test_frames_grouped_by_conflict():
    frames = renamed(fx.frames(), {"demo-a": "tit-for-tat", "demo-b": "balakot"})
    table = compare.frames_side_by_side(frames)
    assert table.columns.tolist() == [("india_pakistan", "balakot"), ("pakistan_afghanistan", "tit-for-tat")]
    only = compare.frames_side_by_side(frames, conflict="pakistan_afghanistan")
    assert only.columns.tolist() == [("pakistan_afghanistan", "tit-for-tat")]
    with pytest.raises(corpus.DataError, match="Unknown conflict"):
        compare.frames_side_by_side(frames, conflict="india-pakistan")


def test_frames_empty():
    table = compare.frames_side_by_side(fx.frames().iloc[0:0])
    assert table.index.tolist() == list(schema.FRAME_FUNCTIONS) and table.shape[1] == 0


# ---------------------------------------------------------------- gold data

@needs_gold
def test_gold_label_shares_cover_every_body_sentence():
    gold = corpus.load_sentences()
    table = compare.label_shares()
    assert table.index.tolist() == corpus.article_ids()
    assert table["total"].sum() == (gold.role == "body").sum()


@needs_gold
def test_gold_accusation_tables_agree():
    by_article = compare.attribution_of_accusations(roles=compare.CONTENT_ROLES)
    listing = compare.accusation_table()
    ids = {i for ids in listing.sent_ids for i in ids}
    assert by_article["accusations"].sum() == len(ids)
    assert not math.isnan(by_article["accusations"].sum())


@needs_gold
def test_gold_who_is_quoted_totals_match_attributed_sentences():
    gold = corpus.load_sentences()
    table = compare.who_is_quoted()
    assert table.total.sum() == ((gold.role == "body") & (gold.label == "attributed")).sum()
    assert compare.sources_by_type().to_numpy().sum() == table.total.sum()


@needs_spans
def test_gold_rates_and_numbers():
    rates = compare.rates_per_1000_words()
    assert (rates["words"] > 0).all()
    numbers = compare.numbers_table()
    assert (numbers.sentence != "").all()


def test_several_accusers_are_split(sentences):
    frame = sentences.copy()
    frame.loc[frame.sent_id == "demo-a-005", "accuser"] = "india;afghanistan"
    listing = compare.accusation_table(frame)
    pairs = set(zip(listing.accuser, listing.accused))
    assert {("india", "ruritania"), ("afghanistan", "ruritania")} <= pairs
    by_accuser = compare.attribution_of_accusations(frame, by="accuser")
    assert by_accuser.loc["india", "accusations"] == 1 and by_accuser.loc["afghanistan", "accusations"] == 1
    assert compare.attribution_of_accusations(frame).loc["demo-a", "accusations"] == 2


def test_naming_variants_differing_only_in_spaces_are_one_row(spans):
    extra = spans[spans.text == "militants"].assign(text="militants\u00a0")
    table = compare.naming_table(pd.concat([spans, extra]), fx.naming_lexicon())
    row = table[table.variant == "militants"]
    assert len(row) == 1 and row["count"].item() == 2 and row.connotation.item() == "negative"
