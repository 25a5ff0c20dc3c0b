"""The sentence splitter's shortcut: a paragraph with no sentence-ending mark before its last
character is one sentence without asking BlingFire.  It must give exactly what BlingFire gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medialit import segment

DATA = Path(__file__).resolve().parent.parent / "data"
STORED = sorted([*DATA.glob("raw/*.txt"), *DATA.glob("transfer/**/*.txt"), *DATA.glob("samples/*.txt")])


def _paragraphs(raw: str) -> list[str]:
    return [raw[a:b] for a, b in segment.split_paragraphs(raw)]


def test_there_are_stored_texts_to_check():
    assert len(STORED) >= 12  # the five, the transfer texts, the invented sample


@pytest.mark.parametrize("path", STORED, ids=lambda p: p.name)
def test_shortcut_agrees_with_blingfire_on_every_stored_paragraph(path):
    for paragraph in _paragraphs(path.read_text(encoding="utf-8")):
        assert segment._sentence_starts(paragraph) == segment._repair(paragraph, segment._blingfire_starts(paragraph))


def test_shortcut_is_taken_for_headlines_and_not_for_two_sentences():
    assert segment._ONE_SENTENCE.fullmatch("Pakistan, India trade fire across LoC: officials") is None  # a colon
    headline = "Pakistan and India trade fire across the LoC"
    assert segment._ONE_SENTENCE.fullmatch(headline, 0, len(headline) - 1)
    two = "Talks failed. Both sides left."
    assert not segment._ONE_SENTENCE.fullmatch(two, 0, len(two) - 1)
    taken = sum(bool(segment._ONE_SENTENCE.fullmatch(p, 0, len(p) - 1))
                for path in STORED for p in _paragraphs(path.read_text(encoding="utf-8")))
    assert taken >= 50


@pytest.mark.parametrize("mark", [".", "?", "!", "…", ";", ":", "。", "؟", "।", "\u2028", "\x85", "\n"])
def test_a_sentence_mark_before_the_end_means_blingfire_is_asked(mark):
    paragraph = f"The talks failed{mark} Both sides left"
    assert not segment._ONE_SENTENCE.fullmatch(paragraph, 0, len(paragraph) - 1)


_WORD = st.text(alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Lo")), min_size=1, max_size=12)
_GAP = st.sampled_from([" ", " ", " ", ", ", " “", "” ", " (", ") ", " - ", " — ", "'s ", "’ ", " / ", " & ", "\t",
                        "\u00a0", " [", "] ", " 5% ", " #", " @"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_WORD, _GAP), min_size=1, max_size=30), st.sampled_from(["", ".", "?", "!", "”", "…", ":"]))
def test_blingfire_never_splits_a_paragraph_the_shortcut_takes(pieces, end):
    paragraph = ("".join(word + gap for word, gap in pieces).strip() + end).strip()
    if not paragraph or not segment._ONE_SENTENCE.fullmatch(paragraph, 0, len(paragraph) - 1):
        return
    assert segment._blingfire_starts(paragraph) == [0]


def test_our_blingfire_call_gives_what_blingfires_own_wrapper_gives():
    import blingfire

    texts = [p for path in STORED for p in _paragraphs(path.read_text(encoding="utf-8"))]
    texts += ["", " ", "\x00", "One. Two.\nThree", "a" * 5000 + ". " + "b" * 70]
    assert len(texts) > 100
    for text in texts:
        assert segment._text_to_sentences(text) == blingfire.text_to_sentences(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. ?!\n\u00e9\u4e2d\x00\U0001F600\"'“”…")), max_size=80))
def test_our_blingfire_call_agrees_on_random_text(text):
    import blingfire

    assert segment._text_to_sentences(text) == blingfire.text_to_sentences(text)


_HEADING_WORD = st.sampled_from(["Talks", "stall", "in", "capital", "The", "A", "An", "It", "Officials", "police", "We",
                                 "delegates", "left", "on", "Monday.", "Border", "posts", "reopen", "after", "talks", "x"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_HEADING_WORD, st.sampled_from([" ", " ", " ", "\u00a0", "\t", "  "])), min_size=1, max_size=14))
def test_the_glued_heading_pattern_is_only_skipped_where_it_cannot_match(pieces):
    first = "".join(word + gap for word, gap in pieces)
    if segment._GLUED_HEADING.match(first):
        assert not segment._GLUE_OPENERS.isdisjoint(first.split()[1:])


def test_the_glued_heading_shortcut_changes_no_stored_paragraph():
    for path in STORED:
        for paragraph in _paragraphs(path.read_text(encoding="utf-8")):
            if segment._GLUED_HEADING.match(paragraph):
                assert not segment._GLUE_OPENERS.isdisjoint(paragraph.split()[1:])
    assert segment._repair("Border posts reopen after talks The crossing opened on Monday.", [0]) == [0, 32]
