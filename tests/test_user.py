"""Tests for medialit.user: bring your own article, safely.

Every test writes into pytest's tmp_path (or a TemporaryDirectory), never into data/user/.
"""

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit import cli, compare, corpus, evaluate, plots, reader, schema, tagger, user
from medialit.user import UserArticleError, add_article, add_text

SAMPLE = corpus.data_dir() / "samples" / "invented_article.txt"

ARTICLE = (
    "Dam talks collapse\n\n"
    "Talks over the dam ended on Thursday without an agreement.\n\n"
    "“Our farmers are watching their fields turn to dust,” said the water minister.\n\n"
    "Both governments must return to the table.\n"
)


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def nothing_written(root: Path) -> bool:
    """True if the user folder does not exist or holds nothing (no staging folders either)."""
    return not root.exists() or not any(root.iterdir())


def refused(tmp_path, data: bytes, match: str, **kwargs):
    """Add a file that must be refused; check the message, that nothing was written, and that
    the input file is unchanged."""
    path = write(tmp_path, data)
    before = sha(path)
    root = tmp_path / "user"
    with pytest.raises(UserArticleError, match=match) as info:
        add_article(path, kwargs.pop("article_id", "my-article"), kwargs.pop("headline", "A headline"),
                    user_dir=root, **kwargs)
    assert sha(path) == before
    assert nothing_written(root)
    return str(info.value)


def check_offsets(raw, sentences, spans):
    for table in (sentences, spans):
        for start, end, text in zip(table["start"], table["end"], table["text"]):
            assert raw[int(start):int(end)] == text


# --- bad input: one test per case ---------------------------------------------------------------

def test_empty_file_is_refused(tmp_path):
    message = refused(tmp_path, b"", r"is empty")
    assert "Paste the article's text" in message


def test_whitespace_only_file_is_refused(tmp_path):
    refused(tmp_path, b"  \n\r\n\t \n", r"only spaces and blank lines")


def test_bom_only_file_is_refused(tmp_path):
    refused(tmp_path, b"\xef\xbb\xbf \n", r"empty apart from a byte-order mark")


def test_file_with_nul_bytes_is_refused_as_binary(tmp_path):
    message = refused(tmp_path, b"Some words\x00\x01\x02 more words", r"NUL bytes")
    assert "Plain Text" in message


@pytest.mark.parametrize("magic, what", [(b"%PDF-1.7\n%\xe2\xe3", "PDF"), (b"PK\x03\x04rest", "Word"),
                                         (b"\x89PNG\r\n\x1a\n", "PNG image")])
def test_known_binary_formats_are_named(tmp_path, magic, what):
    refused(tmp_path, magic + b"x" * 50, what)


def test_mostly_control_characters_are_refused(tmp_path):
    refused(tmp_path, bytes(range(1, 9)) * 20 + b"word", r"does not look like text")


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused(tmp_path):
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid as UTF-8 start bytes
    refused(tmp_path, b"Text \x81\x8d here.", r"neither UTF-8 nor Windows-1252")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(UserArticleError, match=r"There is no file .*Check the name"):
        add_article(tmp_path / "nope.txt", "my-article", "Headline", user_dir=tmp_path / "user")
    assert nothing_written(tmp_path / "user")


def test_directory_is_refused(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(UserArticleError, match=r"is a folder, not a file"):
        add_article(tmp_path / "folder", "my-article", "Headline", user_dir=tmp_path / "user")
    assert nothing_written(tmp_path / "user")


def test_text_over_the_limit_is_refused_quickly_with_the_limit_in_the_message(tmp_path):
    sentence = b"The river rose again on Monday, officials said. "
    data = sentence * (5_000_000 // len(sentence) + 1)          # about 5 MB of plain text
    started = time.perf_counter()
    message = refused(tmp_path, data, r"the limit is 1\.0 MB")
    assert time.perf_counter() - started < 5
    assert "5.0 MB" in message


def test_file_over_the_file_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(user.MAX_FILE_BYTES + 1)   # sparse: nothing to read
    with pytest.raises(UserArticleError, match=r"the limit is 10\.0 MB"):
        add_article(path, "huge", "Huge", user_dir=tmp_path / "user")
    assert nothing_written(tmp_path / "user")


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", "a\\b", "My Article", "a..b", "a.b", "café", "a-", "-a",
                                    "a--b", "UPPER", "x" * 41, "a b", "tab\tid"])
def test_bad_ids_are_refused_with_the_rule(tmp_path, bad_id):
    message = refused(tmp_path, ARTICLE.encode(), r"cannot be used\. An id is made of lower-case letters",
                      article_id=bad_id)
    if len(bad_id) > 40:
        assert "the limit is 40" in message


def test_bad_id_message_suggests_a_usable_id(tmp_path):
    message = refused(tmp_path, ARTICLE.encode(), r"cannot be used", article_id="My Dam Story!")
    assert "'my-dam-story'" in message


@pytest.mark.parametrize("missing", ["", "   ", None])
def test_missing_id_is_refused(tmp_path, missing):
    refused(tmp_path, ARTICLE.encode(), r"An article id is needed", article_id=missing)


@pytest.mark.parametrize("five", schema.ARTICLE_IDS)
def test_ids_of_the_five_pieces_are_refused(tmp_path, five):
    refused(tmp_path, ARTICLE.encode(), r"is one of the five pieces", article_id=five)


def test_id_that_looks_like_a_sentence_id_of_the_five_is_refused(tmp_path):
    refused(tmp_path, ARTICLE.encode(), r"looks like a sentence id", article_id="balakot-007")


def test_windows_reserved_name_is_refused(tmp_path):
    refused(tmp_path, ARTICLE.encode(), r"reserved file name on Windows", article_id="con")


def test_existing_user_id_is_refused_and_the_first_article_kept(tmp_path):
    path = write(tmp_path, ARTICLE.encode())
    root = tmp_path / "user"
    add_article(path, "dam", "Dam", user_dir=root)
    stored = sha(root / "dam" / "sentences.csv")
    with pytest.raises(UserArticleError, match=r"already have an article with id 'dam'.*remove_article"):
        add_article(path, "dam", "Another", user_dir=root)
    assert sha(root / "dam" / "sentences.csv") == stored
    assert sorted(p.name for p in root.iterdir()) == ["dam"]


@pytest.mark.parametrize("headline", ["", "  \n ", None])
def test_missing_headline_is_refused(tmp_path, headline):
    refused(tmp_path, ARTICLE.encode(), r"A headline is needed", headline=headline)


def test_overlong_or_non_text_metadata_is_refused(tmp_path):
    refused(tmp_path, ARTICLE.encode(), r"headline has 301 characters; the limit is 300", headline="h" * 301)
    refused(tmp_path, ARTICLE.encode(), r"byline must be text", byline=42)


def test_user_dir_inside_the_gold_data_is_refused(tmp_path):
    path = write(tmp_path, ARTICLE.encode())
    for inside in (corpus.data_dir(), corpus.data_dir() / "raw", corpus.data_dir() / "lexicons"):
        with pytest.raises(UserArticleError, match=r"must not be inside the data folder"):
            add_article(path, "dam", "Dam", user_dir=inside)
    assert not (corpus.data_dir() / "raw" / "dam").exists()


def test_a_failure_while_writing_leaves_nothing_half_written(tmp_path, monkeypatch):
    path = write(tmp_path, ARTICLE.encode())
    root = tmp_path / "user"
    calls = []

    def failing_write(frame, target):
        calls.append(target.name)
        if target.name == "spans.csv":
            raise OSError(28, "No space left on device")
        frame.to_csv(target, index=False)

    monkeypatch.setattr(user, "_write_csv", failing_write)
    with pytest.raises(OSError):
        add_article(path, "dam", "Dam", user_dir=root)
    assert calls == ["sentences.csv", "spans.csv"]      # it did fail half-way
    assert nothing_written(root)


# --- input that is accepted after a fix, with a note ----------------------------------------------

def test_windows_1252_with_curly_quotes_is_decoded_and_the_encoding_named(tmp_path):
    text = "“We will not move,” the minister said. Prices rose by 5 € — again."
    path = write(tmp_path, text.encode("cp1252"))
    before = sha(path)
    added = add_article(path, "cp", "Curly", user_dir=tmp_path / "user")
    assert sha(path) == before
    assert added.encoding == "Windows-1252"
    assert any("read as Windows-1252" in note for note in added.notes)
    raw, sentences, _ = user.load_user_article("cp", user_dir=tmp_path / "user")
    assert raw == text
    assert sentences.label.astype(str).tolist()[0] == "attributed"


def test_latin1_without_bytes_0x80_0x9f_is_read_too(tmp_path):
    path = write(tmp_path, "Café in Zürich.".encode("latin-1"))
    added = add_article(path, "latin", "Latin", user_dir=tmp_path / "user")
    assert added.encoding == "Windows-1252"
    assert user.load_user_article("latin", user_dir=tmp_path / "user")[0] == "Café in Zürich."


def test_utf8_byte_order_mark_is_removed_and_reported(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + ARTICLE.encode())
    added = add_article(path, "bom", "Bom", user_dir=tmp_path / "user")
    assert "byte-order mark removed" in added.encoding
    assert any("byte-order mark" in note for note in added.notes)
    raw, sentences, spans = user.load_user_article("bom", user_dir=tmp_path / "user")
    assert raw == ARTICLE and sentences.start.iloc[0] == 0
    check_offsets(raw, sentences, spans)


def test_utf16_with_byte_order_mark_is_read(tmp_path):
    path = write(tmp_path, ARTICLE.encode("utf-16"))
    added = add_article(path, "wide", "Wide", user_dir=tmp_path / "user")
    assert added.encoding == "UTF-16"
    assert user.load_user_article("wide", user_dir=tmp_path / "user")[0] == ARTICLE


@pytest.mark.parametrize("ending, kind", [("\r\n", "Windows"), ("\r", "old Mac")])
def test_crlf_and_cr_line_endings_become_newlines_and_offsets_hold(tmp_path, ending, kind):
    path = write(tmp_path, ARTICLE.replace("\n", ending).encode())
    added = add_article(path, "lines", "Lines", user_dir=tmp_path / "user")
    assert any(kind in note for note in added.notes)
    raw, sentences, spans = user.load_user_article("lines", user_dir=tmp_path / "user")
    assert raw == ARTICLE
    assert (tmp_path / "user" / "lines" / "raw.txt").read_bytes() == ARTICLE.encode()
    check_offsets(raw, sentences, spans)
    # same sentences as the \n version
    assert sentences.text.tolist() == [s.text for s in tagger.tag(ARTICLE)[0].itertuples()]


HTML_PAGE = """<!DOCTYPE html><html><head><title>Dam talks collapse</title>
<style>p { color: red }</style><script>var tracking = "alert(1)";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Dam talks collapse</h1>
<p>Talks over the dam ended on Thursday
   without an <em>agreement</em>.</p>
<p>&ldquo;Our fields turn to dust,&rdquo; said the water minister.<br>Both sides must talk.</p>
<!-- a comment --></body></html>"""


def test_html_page_text_is_extracted_without_scripts_and_reported(tmp_path):
    path = write(tmp_path, HTML_PAGE.encode(), "page.html")
    added = add_article(path, "page", "Page", user_dir=tmp_path / "user")
    assert any("web page (HTML)" in note for note in added.notes)
    raw, sentences, spans = user.load_user_article("page", user_dir=tmp_path / "user")
    assert "tracking" not in raw and "color" not in raw and "<" not in raw and "comment" not in raw
    assert "Talks over the dam ended on Thursday without an agreement." in raw.splitlines()
    assert "“Our fields turn to dust,” said the water minister." in raw.splitlines()
    check_offsets(raw, sentences, spans)


def test_html_page_with_no_text_is_refused(tmp_path):
    refused(tmp_path, b"<html><head><script>x()</script></head><body> </body></html>", r"no readable text")


def test_html_can_be_kept_as_text_on_request(tmp_path):
    path = write(tmp_path, HTML_PAGE.encode())
    add_article(path, "kept", "Kept", user_dir=tmp_path / "user", html="text")
    assert "<script>" in user.load_user_article("kept", user_dir=tmp_path / "user")[0]


def test_tags_in_a_plain_text_article_are_shown_as_text_by_the_reader(tmp_path):
    text = ("Hackers post code\n\nThe page showed <script>alert(1)</script> to readers, officials said.\n\n"
            "A second post held <img src=x onerror=alert(1)> in its caption.\n")
    path = write(tmp_path, text.encode())
    added = add_article(path, "xss", "Hackers", user_dir=tmp_path / "user")
    assert not any("HTML" in note for note in added.notes)       # plain text: tags kept as text
    raw, sentences, spans = user.load_user_article("xss", user_dir=tmp_path / "user")
    assert "<script>alert(1)</script>" in raw
    page = reader.render_article("xss", sentences=sentences, spans=spans, raw=raw).html
    assert "<script" not in page and "<img" not in page
    plain = reader.render_article("xss", sentences=sentences, spans=spans, raw=raw, kinds=()).html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in plain
    assert "&lt;img src=x onerror=alert(1)&gt;" in plain


def test_add_text_refuses_non_text(tmp_path):
    with pytest.raises(UserArticleError, match=r"must be a str; got bytes"):
        add_text(b"bytes", "b", "B", user_dir=tmp_path)
    with pytest.raises(UserArticleError, match=r"NUL characters"):
        add_text("a\x00b", "b", "B", user_dir=tmp_path)
    with pytest.raises(UserArticleError, match=r"unpaired surrogates"):
        add_text("broken \ud800 text", "b", "B", user_dir=tmp_path)
    assert nothing_written(tmp_path)


# --- round trip with the five ----------------------------------------------------------------

def test_round_trip_add_load_compare_correct_remove(tmp_path):
    root = tmp_path / "user"
    before = sha(SAMPLE)
    added = add_article(SAMPLE, "invented-dam", "Dam Talks Collapse", byline="Ada Lindqvist",
                        outlet="(invented)", user_dir=root)
    assert sha(SAMPLE) == before
    assert sorted(p.name for p in (root / "invented-dam").iterdir()) == \
        ["meta.json", "raw.txt", "sentences.csv", "spans.csv"]
    raw, sentences, spans = user.load_user_article("invented-dam", user_dir=root)
    assert raw == SAMPLE.read_text(encoding="utf-8")
    assert list(sentences.columns) == [*schema.SENTENCE_COLUMNS, "label_source", "human_label",
                                       *tagger.MACHINE_COLUMNS]
    assert user.MACHINE_COLUMNS == tagger.MACHINE_COLUMNS
    assert list(spans.columns) == list(schema.SPAN_COLUMNS)
    assert (sentences.label_source == "machine").all() and (sentences.human_label == "").all()
    assert added.sentences == len(sentences) and added.spans == len(spans)
    assert added.labels == sentences.label.astype(str).value_counts().reindex(schema.LABELS, fill_value=0).to_dict()
    check_offsets(raw, sentences, spans)
    gold = corpus.load_sentences()
    assert sentences.dtypes.astype(str).to_dict() == {
        **gold.dtypes.astype(str).to_dict(), "label_source": "str", "human_label": "str",
        "confidence": "str", "confidence_reason": "str"}
    # what the tagger would say on the same text
    machine = tagger.tag_text(raw, "invented-dam")
    assert sentences.label.astype(str).tolist() == machine.label.astype(str).tolist()

    # every comparison accepts it next to the five
    both = pd.concat([gold, sentences], ignore_index=True)
    shares = compare.label_shares(both, normalize=True)
    assert shares.index.tolist() == [*corpus.article_ids(), "invented-dam"]
    body = sentences[sentences.role == "body"]
    expected = body.label.astype(str).value_counts(normalize=True) * 100
    for label in ("fact", "attributed", "advocacy"):
        assert shares.loc["invented-dam", label] == pytest.approx(expected.get(label, 0))
    fig = plots.label_shares_chart(both)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][-1] == "invented-dam"
    assert "invented-dam" in fig.alt_text
    plt.close(fig)
    all_spans = pd.concat([corpus.load_spans(), spans], ignore_index=True)
    page = reader.render_article("invented-dam", sentences=both, spans=all_spans, raw=raw)
    assert "invented-dam-006" in page.html and "[ATTR]" in page.html and not page.skipped_spans
    sources = compare.sources_by_type(both)
    assert "invented-dam" in sources.index

    # corrections sit next to the machine labels, never over them
    target = sentences[sentences.label.astype(str) != "advocacy"].sent_id.iloc[-1]
    done = user.correct_labels("invented-dam", {target: "Advocacy"}, user_dir=root)
    assert done.sent_id.tolist() == [target] and done.human_label.tolist() == ["advocacy"]
    _, again, _ = user.load_user_article("invented-dam", user_dir=root)
    assert again.label.astype(str).tolist() == sentences.label.astype(str).tolist()
    assert again.set_index("sent_id").at[target, "human_label"] == "advocacy"
    _, corrected, _ = user.load_user_article("invented-dam", user_dir=root, labels="corrected")
    row = corrected.set_index("sent_id").loc[target]
    assert row.label == "advocacy" and row.label_source == "human"
    assert (corrected.label_source == "machine").sum() == len(corrected) - 1
    listing = user.list_articles(user_dir=root)
    assert listing.to_dict("records") == [{
        "article_id": "invented-dam", "headline": "Dam Talks Collapse", "byline": "Ada Lindqvist",
        "outlet": "(invented)", "date": "", "sentences": len(sentences), "human_labels": 1, "encoding": "UTF-8"}]
    # a correction can be removed again
    assert user.correct_labels("invented-dam", {target: None}, user_dir=root).empty

    user.remove_article("invented-dam", user_dir=root)
    assert nothing_written(root)
    assert user.list_articles(user_dir=root).empty


def test_corrections_from_a_csv_file(tmp_path):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    table = tmp_path / "fixes.csv"
    table.write_text("sent_id,label\ndam-002,attributed\ndam-004, fact \n", encoding="utf-8")
    done = user.correct_labels("dam", table, user_dir=root)
    assert done[["sent_id", "human_label"]].values.tolist() == [["dam-002", "attributed"], ["dam-004", "fact"]]


@pytest.mark.parametrize("corrections, match", [
    ({"dam-099": "fact"}, r"No sentence dam-099 in your article 'dam'\. Its sentence ids run from dam-001"),
    ({"dam-002": "facts"}, r"'facts' \(for dam-002\) is not a label\. Labels are fact, attributed"),
    ({"dam-002": 3}, r"must be text"),
    (["dam-002", "fact"], r"as a dict like"),
])
def test_bad_corrections_are_refused_and_change_nothing(tmp_path, corrections, match):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    before = sha(root / "dam" / "sentences.csv")
    with pytest.raises(UserArticleError, match=match):
        user.correct_labels("dam", corrections, user_dir=root)
    assert sha(root / "dam" / "sentences.csv") == before
    assert sorted(p.name for p in (root / "dam").iterdir()) == ["meta.json", "raw.txt", "sentences.csv", "spans.csv"]


def test_corrections_csv_without_the_columns_is_refused(tmp_path):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    table = tmp_path / "fixes.csv"
    table.write_text("id,value\ndam-002,fact\n", encoding="utf-8")
    with pytest.raises(UserArticleError, match=r"needs two columns, sent_id and label"):
        user.correct_labels("dam", table, user_dir=root)


def test_unknown_or_unsafe_ids_cannot_be_loaded_or_removed(tmp_path):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "meta.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UserArticleError, match=r"cannot be used"):
        user.remove_article("../outside", user_dir=root)
    assert (tmp_path / "outside" / "meta.json").exists()
    with pytest.raises(UserArticleError, match=r"no article of your own with id 'river'.*Your articles: dam"):
        user.load_user_article("river", user_dir=root)
    with pytest.raises(UserArticleError, match=r"one of the five pieces"):
        user.remove_article("balakot", user_dir=root)


def test_a_hand_edited_file_is_reported_not_a_pandas_traceback(tmp_path):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    raw = root / "dam" / "raw.txt"
    raw.write_text("X" + raw.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(UserArticleError, match=r"sentences\.csv of your article 'dam', line 2: the offsets"):
        user.load_user_article("dam", user_dir=root)


def test_machine_accuracy_is_computed_from_the_evaluation_and_stored(tmp_path):
    measured = user.machine_accuracy()
    if measured["tuned"]:  # no blind texts in this data folder: the five pieces
        expected = evaluate.evaluate()["summary"]
        assert measured["sentences"] == expected["sentences"] == len(corpus.load_sentences())
    else:  # the test half of the transfer texts
        texts, gold = evaluate.load_labelled_folder(corpus.data_dir() / "transfer", half="test")
        expected = evaluate.score_labelled(texts, gold)["summary"]
        assert measured["sentences"] == expected["sentences"] == len(gold)
    assert measured["accuracy"] == pytest.approx(expected["accuracy"])
    added = add_text(ARTICLE, "dam", "Dam", user_dir=tmp_path)
    meta = json.loads((tmp_path / "dam" / "meta.json").read_text(encoding="utf-8"))
    assert meta["tagger"] == measured and meta["label_source"] == "machine"
    assert f"{expected['accuracy']:.0%}" in str(added)
    assert str(tmp_path) not in str(added) and "folder" not in repr(added)


def test_sample_article_is_marked_as_invented():
    first = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("INVENTED ARTICLE") and "fictional" in first


def test_sample_article_gives_the_tagger_something_to_show():
    sentences, spans = tagger.tag(SAMPLE.read_text(encoding="utf-8"), "sample")
    cues = spans[spans.kind == "cue"].text.str.lower().tolist()
    assert {"said", "reportedly", "according to"} <= set(cues)
    assert {"hedge", "booster"} <= set(spans.kind.astype(str))
    assert {"fact", "attributed", "advocacy", "meta"} <= set(sentences.label.astype(str))
    assert sentences.rationale.str.contains("prescription").any()


# --- command line --------------------------------------------------------------------------

def test_cli_add_and_remove_article(tmp_path, capsys):
    root = tmp_path / "user"
    status = cli.main(["add-article", str(SAMPLE), "--id", "invented-dam", "--headline", "Dam Talks Collapse",
                       "--byline", "Ada Lindqvist", "--user-dir", str(root)])
    out = capsys.readouterr().out
    assert status == 0
    assert "Added 'invented-dam'" in out and "Machine labels" in out and "load_user_article('invented-dam')" in out
    status = cli.main(["add-article", str(SAMPLE), "--id", "invented-dam", "--headline", "Again",
                       "--user-dir", str(root)])
    assert status == 2 and "already have an article" in capsys.readouterr().err
    assert cli.main(["remove-article", "invented-dam", "--user-dir", str(root)]) == 0
    assert "Removed" in capsys.readouterr().out and nothing_written(root)
    assert cli.main(["remove-article", "invented-dam", "--user-dir", str(root)]) == 2
    assert "no article of your own" in capsys.readouterr().err


def test_cli_bad_file_gives_a_message_and_status_2(tmp_path, capsys):
    status = cli.main(["add-article", str(tmp_path / "none.txt"), "--id", "x", "--headline", "X",
                       "--user-dir", str(tmp_path / "user")])
    assert status == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: There is no file") and "Traceback" not in err


# --- properties ---------------------------------------------------------------------------

def add_or_refuse(text=None, data=None):
    """Add text (a str) or a file's bytes; return (raw, sentences, spans) or None if refused."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "user"
        try:
            if data is not None:
                path = Path(folder) / "in.txt"
                path.write_bytes(data)
                add_article(path, "prop", "Property", user_dir=root)
                assert path.read_bytes() == data
            else:
                add_text(text, "prop", "Property", user_dir=root)
        except UserArticleError as error:
            assert str(error) and len(str(error)) > 30      # a sentence, not a bare code
            assert nothing_written(root)
            return None
        raw, sentences, spans = user.load_user_article("prop", user_dir=root)
        check_offsets(raw, sentences, spans)
        assert "\r" not in raw
        labelled = sentences.label_source == "machine"  # "none": not English, stored without labels
        assert set(sentences.label[labelled].astype(str)) <= set(schema.LABELS)
        assert sentences.label[~labelled].isna().all()
        return raw, sentences, spans


TEXTISH = st.lists(st.sampled_from(["“", "”", '"', "’", "said", "according to", "reportedly", ".", "?", "\n", "\r\n",
                                    "\r", " ", "must", "<p>", "</p>", "<html>", "\x00", "\t", "Dam", "é", "\ufeff",
                                    "clearly", "may", "5"]), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300) | TEXTISH)
def test_any_text_is_stored_with_matching_offsets_or_refused_clearly(text):
    stored = add_or_refuse(text=text)
    if stored is not None and "<" not in text:      # plain text: stored exactly, line endings as \n
        expected = text.replace("\r\n", "\n").replace("\r", "\n")
        assert stored[0] == (expected[1:] if expected.startswith("\ufeff") else expected)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | TEXTISH.map(lambda t: t.encode("utf-8")) | TEXTISH.map(
    lambda t: t.encode("cp1252", "replace")))
def test_any_bytes_are_stored_with_matching_offsets_or_refused_clearly(data):
    add_or_refuse(data=data)


def test_refusals_never_leave_staging_folders(tmp_path):
    root = tmp_path / "user"
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    for bad in ("", "\x00", "\x01" * 40):
        with pytest.raises(UserArticleError):
            add_text(bad, "other", "Other", user_dir=root)
    assert sorted(os.listdir(root)) == ["dam"]


def test_large_and_deeply_nested_html_pages_are_handled_in_seconds(tmp_path):
    many = b"<html><body>" + b"<p>The river rose on <em>Monday</em>, officials said.</p>\n" * 15_000 + b"</body></html>"
    deep = b"<html><body>" + b"<div>" * 3000 + b"Deep text." + b"</div>" * 3000 + b"</body></html>"
    for name, data in (("many", many), ("deep", deep)):
        path = write(tmp_path, data, f"{name}.html")
        started = time.perf_counter()
        add_article(path, name, name, user_dir=tmp_path / "user")
        assert time.perf_counter() - started < 20
    raw = user.load_user_article("many", user_dir=tmp_path / "user")[0]
    assert raw.count("officials said.") == 15_000 and "<em>" not in raw
    assert user.load_user_article("deep", user_dir=tmp_path / "user")[0] == "Deep text."


def test_a_web_page_too_large_to_parse_is_refused_before_parsing(tmp_path, monkeypatch):
    page = b"<html><body>" + b"<p>The river rose on Monday, officials said.</p>\n" * 70_000 + b"</body></html>"
    assert user.MAX_HTML_BYTES < len(page) < user.MAX_FILE_BYTES

    def never(*args):
        raise AssertionError("the page was parsed before its size was checked")

    monkeypatch.setattr(user, "_extract_html", never)
    started = time.perf_counter()
    message = refused(tmp_path, page, r"is a web page \(HTML\) of 3\.4 MB; the limit for web pages is 3\.0 MB")
    assert time.perf_counter() - started < 5
    assert "html='text'" in message


def test_staging_folders_of_a_killed_add_are_removed_by_the_next_add(tmp_path):
    import subprocess
    import sys

    root = tmp_path / "user"
    root.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = root / f".adding-{dead.stdout.strip()}-dam-abc123"       # its process has ended
    left.mkdir()
    (left / "raw.txt").write_text("half written", encoding="utf-8")
    running = root / f".adding-{os.getppid()}-other-def456"         # a live process: still adding
    running.mkdir()
    ancient = root / ".adding-dam-old"                               # no pid, and old
    ancient.mkdir()
    os.utime(ancient, (time.time() - 7200, time.time() - 7200))
    add_text(ARTICLE, "dam", "Dam", user_dir=root)
    assert sorted(os.listdir(root)) == [running.name, "dam"]


# --- issue 12: markup fragments, feed items, --html/--text, other languages (own examples) ---------

def test_a_fragment_of_a_web_page_is_extracted(tmp_path):
    fragment = "<p>The ferry left at dawn.</p>\n<p>The harbour master said the sea was calm.</p>"
    added = add_text(fragment, "ferry", "Ferry", user_dir=tmp_path)
    raw, sentences, _ = user.load_user_article("ferry", user_dir=tmp_path)
    assert "<p>" not in raw and sentences.text.tolist() == [
        "The ferry left at dawn.", "The harbour master said the sea was calm."]
    assert any("piece of a web page" in note for note in added.notes)


def test_a_feed_item_is_extracted_without_its_bookkeeping(tmp_path):
    item = ("<?xml version='1.0'?><rss><channel><item><title>Ferry service resumes</title>"
            "<link>https://news.example/ferry</link><guid>ferry-1</guid>"
            "<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>"
            "<description><![CDATA[<p>The first ferry left the harbour at dawn.</p>]]></description>"
            "</item></channel></rss>")
    added = add_text(item, "ferry-feed", "Ferry", user_dir=tmp_path)
    raw, sentences, _ = user.load_user_article("ferry-feed", user_dir=tmp_path)
    assert sentences.text.tolist() == ["Ferry service resumes", "The first ferry left the harbour at dawn."]
    assert "ferry-1" not in raw and "https://" not in raw and "<" not in raw
    assert any("news-feed item" in note for note in added.notes)


def test_text_with_a_lone_angle_bracket_is_not_markup(tmp_path):
    raw = add_text("Inflation stayed <3% for a year. Prices rose.", "prices", "Prices", user_dir=tmp_path)
    assert not any("web page" in note for note in raw.notes)


def test_cli_html_and_text_flags(tmp_path, capsys):
    page = write(tmp_path, b"<div>The ferry left at dawn.</div>", "one-tag.txt")  # one tag: not markup by itself
    root = tmp_path / "user"
    assert cli.main(["add-article", str(page), "--id", "as-html", "--headline", "Ferry", "--html",
                     "--user-dir", str(root)]) == 0
    raw, _, _ = user.load_user_article("as-html", user_dir=root)
    assert raw == "The ferry left at dawn."
    two = write(tmp_path, b"<p>Keep the tags.</p><p>Really.</p>", "two.txt")
    assert cli.main(["add-article", str(two), "--id", "as-text", "--headline", "Tags", "--text",
                     "--user-dir", str(root)]) == 0
    raw, _, _ = user.load_user_article("as-text", user_dir=root)
    assert raw.startswith("<p>Keep")
    capsys.readouterr()
    assert cli.main(["add-article", str(two), "--id", "both", "--headline", "X", "--html", "--text",
                     "--user-dir", str(root)]) == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_non_english_text_is_stored_without_labels_and_with_a_notice(tmp_path):
    text = ("El gobierno anunció el lunes que la frontera permanecerá cerrada durante una semana más. "
            "Los comerciantes de la región dicen que las pérdidas son enormes y piden una solución rápida.")
    added = add_text(text, "frontera", "Frontera", user_dir=tmp_path)
    assert sum(added.labels.values()) == 0 and "does not look like English" in added.summary()
    _, sentences, spans = user.load_user_article("frontera", user_dir=tmp_path)
    assert sentences.label.isna().all() and set(sentences.label_source) == {"none"}
    assert spans.empty


def test_english_text_is_labelled_as_before(tmp_path):
    added = add_text(ARTICLE, "dam-english", "Dam", user_dir=tmp_path)
    assert sum(added.labels.values()) == 4 and "does not look like English" not in added.summary()


def test_confidence_is_stored_and_an_old_article_without_it_still_loads(tmp_path):
    add_text("Talks failed. Officials said the border would reopen on Monday.", "conf", "C", user_dir=tmp_path)
    _, sentences, _ = user.load_user_article("conf", user_dir=tmp_path)
    assert sentences.confidence.tolist() == ["unsure", "sure"]
    assert "fragment" in sentences.confidence_reason[0]
    table = tmp_path / "conf" / "sentences.csv"
    old = pd.read_csv(table, dtype=str, keep_default_na=False).drop(columns=list(tagger.MACHINE_COLUMNS))
    old.to_csv(table, index=False)
    _, sentences, _ = user.load_user_article("conf", user_dir=tmp_path)
    assert sentences.confidence.tolist() == ["", ""]


def test_accuracy_note_says_where_its_figure_comes_from_and_warns():
    note = user.accuracy_note()
    measured = user.machine_accuracy()
    assert measured["source"] in note and f"{measured['accuracy']:.0%}" in note
    assert "opinion pieces" in note and "not English" in note and "unsure" in note
    if measured["tuned"]:
        assert "optimistic" in note
    else:
        assert "not written against" in note


def test_the_figure_shown_comes_from_the_blind_half_and_real_articles_when_present(tmp_path, monkeypatch):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(corpus.data_dir(), data, ignore=shutil.ignore_patterns("user"))
    blind = data / "transfer" / "test"
    (blind / "raw").mkdir(parents=True)
    raw = "Officials said the ferry would run again. The port must reopen now.\n"
    (blind / "raw" / "ferry.txt").write_text(raw, encoding="utf-8")
    pd.DataFrame([("ferry", 0, 41, "attributed", 0), ("ferry", 42, 68, "advocacy", 0)],
                 columns=["article_id", "start", "end", "label", "accusation"]).to_csv(blind / "sentences.csv", index=False)
    (data / "evaluation").mkdir(exist_ok=True)
    pd.DataFrame([("sentences", "", 120), ("accuracy", "", 0.8), ("macro_f1_4", "", 0.78), ("articles", "", 5)],
                 columns=["measure", "label", "value"]).to_csv(data.joinpath(*user.REAL_FIGURES), index=False)
    monkeypatch.setenv("MEDIALIT_DATA", str(data))
    user._measured.cache_clear()
    try:
        measured = user.machine_accuracy()
        note = user.accuracy_note()
    finally:
        user._measured.cache_clear()
    assert measured["source"] == "the test half of the transfer texts" and not measured["tuned"]
    assert measured["sentences"] == 2 and measured["accuracy"] == 1.0
    real = dict(measured["real"])
    earlier = real.pop("earlier")
    assert real == {"articles": 5, "sentences": 120, "accuracy": 0.8, "macro_f1": 0.78}
    assert "not written against" in note and "5 real articles (news reports and opinion pieces)" in note and "80%" in note
    assert len(earlier) == len(user.REAL_FIGURES_EARLIER) and f"{min(earlier):.0%}" in note


def test_the_note_gives_the_range_of_earlier_samples():
    note = user.accuracy_note({"tagger_version": "2.0", "source": "the five pieces", "tuned": True, "sentences": 10,
                               "accuracy": 0.9, "macro_f1": 0.9, "f1": {"fact": 0.9},
                               "real": {"articles": 42, "sentences": 600, "accuracy": 0.79, "macro_f1": 0.78,
                                        "earlier": [0.73, 0.70]}})
    assert "it agreed on 79%" in note and "On 2 other samples of real articles, earlier versions agreed on 70%–73%" in note


def test_the_real_article_figures_shown_belong_to_the_tagger_that_runs():
    """A new tagger version must be scored once on a new blind set before its figures are shown."""
    from medialit.tagger import TAGGER_VERSION

    name = user.REAL_FIGURES[-1]
    assert name == f"real_articles_tagger{TAGGER_VERSION.replace('.', '')}.csv"
    assert corpus.data_dir().joinpath(*user.REAL_FIGURES).is_file()
