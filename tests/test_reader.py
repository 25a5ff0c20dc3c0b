"""Tests for medialit.reader: escaping, determinism, inline-only styling, spans, errors, handouts."""

from __future__ import annotations

import pandas as pd
import pytest
import toolkit_fixtures as fx
from bs4 import BeautifulSoup

from medialit import compare, corpus, palette, reader, schema
from medialit.reader import UnknownSentenceError

DATA = corpus.data_dir()
needs_gold = pytest.mark.skipif(
    not all((DATA / f).is_file() for f in ("sentences.csv", "spans.csv")), reason="gold data not written yet"
)
ALLOWED_ATTRIBUTES = {"style", "title", "lang", "charset"}
NASTY = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def read_a(**kwargs):
    return reader.render_article("demo-a", sentences=fx.sentences(), spans=fx.spans(), **kwargs)


def nasty_article():
    """An article whose text, source, rationale and span contain HTML."""
    raw = f"Headline {NASTY[1]} here\n\nThey said {NASTY[0]} today. Plain & simple.\n"
    rows = []
    for number, piece in enumerate(fx.split_sentences(raw), start=1):
        rows.append({c: "" for c in schema.SENTENCE_COLUMNS} | {
            "article_id": "evil", "sent_id": f"evil-{number:03d}", "paragraph": piece.paragraph,
            "start": piece.start, "end": piece.end, "text": piece.text, "role": "body",
            "label": "attributed", "accusation": 0, "source": NASTY[1], "source_type": "unnamed", "cue": "said",
            "rationale": NASTY[0],
        })
    sentences = pd.DataFrame(rows)
    start = raw.index("<script>")
    spans = pd.DataFrame([{"article_id": "evil", "sent_id": "evil-002", "start": start, "end": start + 8,
                           "text": "<script>", "kind": "loaded", "referent": "", "note": ""}])
    return raw, sentences, spans


# ---------------------------------------------------------------- escaping and safety

@pytest.mark.parametrize("notes", [False, True])
def test_html_in_the_text_is_shown_as_text(notes):
    raw, sentences, spans = nasty_article()
    page = reader.render_article("evil", sentences=sentences, spans=spans, raw=raw, notes=notes, tags=False)
    assert 'title="loaded"' in page.html  # the span over "<script>" is drawn
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    text = soup.get_text()
    for nasty in NASTY:
        assert nasty in text
    assert "<script>" not in page.html and "<img" not in page.html
    assert "&lt;script&gt;" in page.html and "Plain &amp; simple." in page.html


def test_html_in_a_selection_and_handout_is_escaped(tmp_path):
    raw, sentences, spans = nasty_article()
    page = reader.render_sentences(["evil-002"], sentences=sentences, spans=spans, notes=True)
    assert BeautifulSoup(page.html, "html.parser").find("script") is None
    meta = pd.DataFrame([{"article_id": "evil", "headline": NASTY[0], "outlet": NASTY[1]}])
    out = reader.export_handout("evil", tmp_path / "evil.html", sentences=sentences, spans=spans, articles=meta,
                                title=NASTY[0])
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert soup.find("script") is None and soup.find("img") is None
    assert soup.title.get_text() == NASTY[0]
    assert NASTY[1] in soup.get_text()


def test_only_inline_styles_no_classes_ids_or_style_blocks(tmp_path):
    page = read_a(notes=True)
    out = reader.export_handout("demo-a", tmp_path / "a.html", sentences=fx.sentences(), spans=fx.spans(),
                                articles=fx.articles())
    for markup in (page.html, out.read_text(encoding="utf-8")):
        soup = BeautifulSoup(markup, "html.parser")
        assert soup.find("style") is None and soup.find("script") is None and soup.find("link") is None
        for tag in soup.find_all(True):
            assert set(tag.attrs) <= ALLOWED_ATTRIBUTES, (tag.name, tag.attrs)


# ---------------------------------------------------------------- determinism

def test_rendering_twice_gives_identical_html(tmp_path):
    assert read_a().html == read_a().html
    assert read_a(notes=True).html == read_a(notes=True).html
    a = reader.export_handout("demo-a", tmp_path / "1.html", sentences=fx.sentences(), spans=fx.spans(),
                              articles=fx.articles())
    b = reader.export_handout("demo-a", tmp_path / "2.html", sentences=fx.sentences(), spans=fx.spans(),
                              articles=fx.articles())
    assert a.read_bytes() == b.read_bytes()


def test_reading_displays_in_a_notebook():
    page = read_a()
    assert page._repr_html_() == page.html == str(page)


# ---------------------------------------------------------------- labels, ids, legend

def test_every_sentence_shows_id_tag_and_background():
    sentences = fx.sentences()
    page = read_a()
    text = BeautifulSoup(page.html, "html.parser").get_text()
    for row in sentences[sentences.article_id == "demo-a"].itertuples():
        assert f"{row.sent_id}" in text
        assert row.text in text.replace("cue", "").replace("hedge", "") or row.sent_id in text
        assert palette.LABEL_BACKGROUNDS[row.label] in page.html
    counts = sentences[sentences.article_id == "demo-a"].label.value_counts()
    legend = 1  # the legend shows every tag once
    for label, tag in schema.LABEL_TAGS.items():
        assert text.count(tag) == counts.get(label, 0) + legend


def test_readable_without_styles():
    """Strip every style: ids, tags and kind tags must still be there, in reading order."""
    page = read_a()
    soup = BeautifulSoup(page.html, "html.parser")
    for tag in soup.find_all(True):
        tag.attrs.pop("style", None)
    text = " ".join(soup.get_text(" ").split())
    assert "demo-a-004 [ATTR] “The camp is fully operative,” a local source told cue this writer." in text
    assert text.index("demo-a-003") < text.index("demo-a-004") < text.index("demo-a-008")


def test_paragraphs_follow_the_raw_text():
    page = read_a(legend=False)
    soup = BeautifulSoup(page.html, "html.parser")
    paragraphs = [p for p in soup.find_all("p")][1:]  # the first is the heading line
    assert len(paragraphs) == fx.sentences().query("article_id == 'demo-a'").paragraph.nunique()


def test_legend_lists_labels_and_chosen_kinds_only():
    page = read_a(kinds=("hedge",))
    assert "dotted underline" in page.html and "box around the words" not in page.html
    assert palette.SPAN_STYLES["loaded"].css_mark() not in page.html  # no loaded spans drawn either
    assert "[FACT]" in reader.legend_html(()) and "Marked words" not in reader.legend_html(())
    assert "[FACT]" not in read_a(legend=False).html.split("demo-a-001")[0]


def test_notes_show_source_cue_accusation_and_rationale():
    page = read_a(notes=True)
    soup = BeautifulSoup(page.html, "html.parser")
    text = soup.get_text(" ")
    assert "source: a local source (anonymous)" in text
    assert "cue: told" in text
    assert "accusation: unnamed-sources → ruritania" in text
    assert "rhetorical question" in text
    assert "rhetorical question" not in read_a().html


# ---------------------------------------------------------------- spans

def test_each_span_kind_has_its_own_line_drawn_with_borders():
    page = read_a()
    for kind in ("cue", "hedge", "loaded", "naming", "number"):
        assert palette.SPAN_STYLES[kind].css_mark() in page.html
    # JupyterLab strips text-decoration styles from untrusted notebooks; borders survive.
    assert "text-decoration" not in page.html
    soup = BeautifulSoup(page.html, "html.parser")
    marked = [s.get_text() for s in soup.find_all("span", title=True) if s["title"].startswith("hedge")]
    assert marked.count("may") == 1 and marked.count("apparently") == 1


def overlapping(extra):
    spans = fx.spans()
    sents = fx.sentences().set_index("sent_id")
    start = int(sents.loc["demo-a-005", "start"])
    text = sents.loc["demo-a-005", "text"]
    rows = []
    for piece, kind in extra:
        a = text.index(piece)
        rows.append({"article_id": "demo-a", "sent_id": "demo-a-005", "start": start + a,
                     "end": start + a + len(piece), "text": piece, "kind": kind, "referent": "", "note": ""})
    return pd.concat([spans, pd.DataFrame(rows)], ignore_index=True)


def test_nested_spans_nest():
    spans = overlapping([("Ruritania sponsored the attack", "loaded"), ("According to", "booster")])
    page = reader.render_sentences(["demo-a-005"], sentences=fx.sentences(), spans=spans, legend=False)
    soup = BeautifulSoup(page.html, "html.parser")
    loaded = soup.find("span", title="loaded")
    assert loaded.find("span", title="naming: ruritania") is not None
    cue = soup.find("span", title="cue")
    assert cue.find("span", title="booster") is not None  # same extent: nested in kind order
    assert page.skipped_spans == ()
    assert "padding-bottom:5px" in page.html  # the inner line sits lower


def test_crossing_spans_are_skipped_and_reported():
    spans = overlapping([("to officials", "loaded")])
    page = reader.render_sentences(["demo-a-005"], sentences=fx.sentences(), spans=spans, legend=False)
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.find("span", title="loaded") is None
    assert [s[:3] for s in page.skipped_spans] == [("demo-a-005", "loaded", "to officials")]
    assert "crosses" in page.skipped_spans[0][3]
    assert str(soup).count("<span") == str(soup).count("</span>")
    assert "According to officials, Ruritania sponsored the attack." in soup.get_text().replace("cue", "").replace(
        "name", "")


def test_span_with_wrong_offsets_is_found_by_text_or_skipped():
    spans = fx.spans()
    spans.loc[spans.text == "notorious", ["start", "end"]] = [0, 9]
    spans.loc[spans.text == "apparently", "text"] = "not in the sentence"
    page = reader.render_article("demo-a", sentences=fx.sentences(), spans=spans, legend=False)
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.find("span", title="loaded").get_text() == "notorious"
    assert [s[1:] for s in page.skipped_spans] == [("hedge", "not in the sentence", "not found in its sentence")]


def test_no_spans_when_kinds_is_empty_and_no_tags_when_asked():
    assert "title=" not in reader.render_article(
        "demo-a", sentences=fx.sentences(), spans=fx.spans(), kinds=(), legend=False).html
    assert "<sup" not in read_a(tags=False, legend=False).html


# ---------------------------------------------------------------- selections, errors, empty input

def test_render_sentences_keeps_the_given_order_and_accepts_frames():
    page = reader.render_sentences(["demo-b-002", "demo-a-003"], sentences=fx.sentences(), spans=fx.spans())
    assert page.html.index("demo-b-002") < page.html.index("demo-a-003")
    s = fx.sentences()
    frame = s[s.accusation == 1]
    page = reader.render_sentences(frame, spans=fx.spans())
    assert all(i in page.html for i in frame.sent_id)
    assert reader.render_sentences("demo-a-003", sentences=s, spans=fx.spans()).html.count("[FACT]") == 2


def test_article_without_attributed_sentences():
    page = reader.render_article("demo-b", sentences=fx.sentences(), spans=fx.spans(), legend=False)
    assert "[ATTR]" not in page.html and "[FACT]" in page.html


def test_unknown_ids_are_clear_errors():
    with pytest.raises(compare.UnknownArticleError, match="'nope'.*demo-a"):
        reader.render_article("nope", sentences=fx.sentences(), spans=fx.spans())
    with pytest.raises(UnknownSentenceError, match="'demo-a-999'"):
        reader.render_sentences(["demo-a-001", "demo-a-999"], sentences=fx.sentences(), spans=fx.spans())
    with pytest.raises(corpus.DataError, match="Unknown span kind"):
        read_a(kinds=("hedges",))


def test_raw_text_is_checked_against_the_offsets():
    good = reader.render_article("demo-a", sentences=fx.sentences(), spans=fx.spans(), raw=fx.RAW["demo-a"])
    assert good.html == read_a().html
    with pytest.raises(corpus.DataError, match="demo-a-001"):
        reader.render_article("demo-a", sentences=fx.sentences(), spans=fx.spans(), raw="X" + fx.RAW["demo-a"])


def test_empty_inputs():
    empty = fx.sentences().iloc[0:0]
    page = reader.render_sentences(empty, spans=fx.spans())
    assert "No sentences to show." in page.html
    page = reader.render_sentences([], sentences=fx.sentences(), spans=fx.spans().iloc[0:0])
    assert "No sentences to show." in page.html
    page = reader.render_article("demo-a", sentences=fx.sentences(), spans=pd.DataFrame())
    assert "[ATTR]" in page.html and page.skipped_spans == ()


def test_user_article_with_minimal_columns():
    raw = "My title\n\nIt is clear that they said so."
    sentences = pd.DataFrame({"article_id": ["mine", "mine"], "sent_id": ["mine-1", "mine-2"],
                              "text": ["My title", "It is clear that they said so."], "label": ["fact", "attributed"]})
    spans = pd.DataFrame({"sent_id": ["mine-2"], "start": [None], "end": [None], "text": ["said"], "kind": ["cue"]})
    page = reader.render_article("mine", sentences=sentences, spans=spans, legend=False)
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.find("span", title="cue").get_text() == "said"
    assert raw  # the raw text is optional when there are no offsets


# ---------------------------------------------------------------- handouts

def test_handout_is_a_standalone_printable_page(tmp_path):
    out = reader.export_handout("demo-a", tmp_path / "sub" / "a.html", sentences=fx.sentences(),
                                spans=fx.spans(), articles=fx.articles())
    assert out == tmp_path / "sub" / "a.html"
    markup = out.read_text(encoding="utf-8")
    assert markup.startswith("<!DOCTYPE html>")
    soup = BeautifulSoup(markup, "html.parser")
    assert soup.find("meta", charset="utf-8") is not None
    assert soup.h1.get_text() == "Reading: demo-a"
    text = soup.get_text(" ")
    assert "Outlet: Demo Times" in text and "Date printed: 1 March 2020" in text
    assert "color:#000000" in soup.body["style"]
    assert "[ATTR]" in text and "Key." in text


def test_handout_of_a_selection_lists_each_piece(tmp_path):
    out = reader.export_handout(["demo-b-002", "demo-a-005"], tmp_path / "sel.html", sentences=fx.sentences(),
                                spans=fx.spans(), articles=fx.articles())
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    items = [li.get_text() for li in soup.find("ul").find_all("li")]
    assert items[0].startswith("demo-b") and items[1].startswith("demo-a")
    assert soup.h1.get_text() == "Selected sentences"


def test_handout_without_provenance(tmp_path):
    out = reader.export_handout("demo-b", tmp_path / "b.html", sentences=fx.sentences(), spans=fx.spans(),
                                articles=pd.DataFrame())
    text = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").get_text()
    assert "demo-b" in text and "Outlet" not in text


@needs_gold
def test_gold_articles_render_with_every_sentence():
    gold = corpus.load_sentences()
    for article in corpus.article_ids():
        page = reader.render_article(article)
        ids = gold.loc[gold.article_id == article, "sent_id"]
        assert all(i in page.html for i in ids)
        assert BeautifulSoup(page.html, "html.parser").find("script") is None


@needs_gold
def test_gold_spans_are_all_drawn_or_reported():
    spans = corpus.load_spans()
    for article in corpus.article_ids():
        page = reader.render_article(article)
        soup = BeautifulSoup(page.html, "html.parser")
        drawn = len(soup.find_all("span", title=True)) - len(schema.SPAN_KINDS)  # minus the legend samples
        assert drawn + len(page.skipped_spans) == (spans.article_id == article).sum()


def test_a_direction_override_in_the_text_cannot_reverse_the_readers_ids_and_tags(tmp_path):
    """U+202E reverses everything after it up to the end of the paragraph unless the sentence is
    isolated; <bdi> ends its reach at the sentence (checked by eye in headless Chromium: without
    it the next sentences read "200-idib [VDA]")."""
    from medialit import user

    user.add_text("Officials said the \u202edam was closed. Both sides must talk. The river rose on Monday.",
                  "bidi", "Bidi", user_dir=tmp_path)
    raw, sentences, spans = user.load_user_article("bidi", user_dir=tmp_path)
    soup = BeautifulSoup(reader.render_article("bidi", sentences=sentences, spans=spans, raw=raw).html,
                         "html.parser")
    isolated = soup.find_all("bdi")
    assert len(isolated) == 1 and "\u202e" in isolated[0].get_text()
    assert isolated[0].get("dir") == "auto"
    small = isolated[0].find_previous("small")
    assert small.get_text() == "bidi-001"
    # the ids and tags of the other sentences stay outside any override's reach
    for tag in soup.find_all("small"):
        assert tag.find_parent("bdi") is None


def test_left_to_right_text_is_not_wrapped():
    page = reader.render_article("balakot").html
    assert "<bdi" not in page


def test_an_unsure_machine_label_says_so_in_words():
    from medialit import tagger
    raw = "Talks failed. Officials said the border would reopen on Monday."
    sentences, spans = tagger.tag(raw, "doubt")
    page = reader.render_article("doubt", sentences=sentences, spans=spans, raw=raw, notes=True)
    text = BeautifulSoup(page.html, "html.parser").get_text(" ")
    assert text.count("⚠") == 1 and text.count("unsure") == 1 and "fragment" in text
    assert "unsure" not in reader.render_article("doubt", sentences=sentences, spans=spans, raw=raw).html
