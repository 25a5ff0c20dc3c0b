"""The tagger's shortcuts for speed must never change what it finds: each is checked here against
the plain way of doing the same thing, on every stored sentence and on made-up lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from medialit import tagger
from medialit.segment import split_sentences

DATA = Path(__file__).resolve().parent.parent / "data"
STORED = sorted([*DATA.glob("raw/*.txt"), *DATA.glob("transfer/**/*.txt"), *DATA.glob("samples/*.txt")])
SENTENCES = [s.text for path in STORED for s in split_sentences(path.read_text(encoding="utf-8"))]
MADE_UP = [
    "Read more", "READ MORE:", "Tags: India, Pakistan", "© 2024 The Daily", "Photo: AFP", "Updated: May 5, 2024",
    "— AFP", "Follow us on Twitter", "Email him at x@example.com", "Home › News › Asia", "5 min read", "ſubscribe now",
    "İmage courtesy of the army", "The views expressed are the author's own.", "Last updated 3 hours ago",
    "She tweets at @someone.", "pic.twitter.com/abc", "Share Facebook Twitter WhatsApp Email Print",
]


def _lines() -> list[str]:
    rnd = random.Random(12)
    words = [w for line in SENTENCES + MADE_UP for w in line.split()] + [w for line in MADE_UP for w in line.split()] * 20
    shuffled = [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 9))) for _ in range(4000)]
    return SENTENCES + MADE_UP + shuffled


def test_there_are_stored_sentences():
    assert len(SENTENCES) > 400


@pytest.mark.parametrize("name", ["_DISCLAIMER", "_FURNITURE", "_PAGE_LINE", "_FOLLOW"])
def test_prefiltered_patterns_find_exactly_what_the_whole_pattern_finds(name):
    """Needles and prefixes never skip a line the pattern matches; the anchored/floating split
    matches exactly when the whole pattern does."""
    pattern = getattr(tagger, name)
    found = 0
    for line in _lines():
        expected = bool(pattern.regex.search(line))
        assert bool(pattern.search(line, tagger._fold(line))) == expected, line
        found += expected
    assert found >= 3  # the made-up lines do match


@pytest.mark.parametrize("which", ["spans", "advocacy"])
def test_word_list_starts_are_the_lookbehind_starts(which):
    lexicon = getattr(tagger._rules(), which)
    for line in _lines():
        low = line.lower().replace("’", "'")
        expected = [m.start() for m in lexicon.starts_re.finditer(low)]
        assert [m.end() - 1 for m in lexicon._after_gap_re.finditer(" " + low)] == expected, line


def test_tables_built_from_arrays_equal_tables_built_by_pandas():
    import numpy as np
    import pandas as pd

    from medialit import schema

    names = (*schema.SENTENCE_COLUMNS, *tagger.MACHINE_COLUMNS)
    for path in STORED[:6]:
        frame = tagger.tag_text(path.read_text(encoding="utf-8"), "x")
        plain = pd.DataFrame({c: pd.array(np.array(frame[c].tolist(), dtype=object), dtype=frame[c].dtype)
                              for c in names})
        pd.testing.assert_frame_equal(frame, plain, check_exact=True)
        assert frame.columns.dtype == plain.columns.dtype and isinstance(frame.index, pd.RangeIndex)
    text = tagger._text_dtype()
    assert tagger._strings(["a", "b"], text).tolist() == ["a", "b"]
    assert tagger._strings([1, "b"], text).tolist() == pd.array([1, "b"], dtype=text).tolist()  # converted as before


def test_the_cue_verb_search_is_skipped_only_when_it_cannot_match():
    rules = tagger._rules()
    assert rules.verb_first_runs  # the shortcut is on
    lines = _lines() + ["Officials said so.", "He re-said it", "They’ve claimed", "l'accused them", "said-so", "_said",
                        "Über said", "naïve claims", "x—said—y", "claimed", "Ministers' said"]
    skipped = 0
    for line in lines:
        low = line.lower().replace("’", "'").replace("‘", "'")
        expected = rules.verb_cue_re.search(low)
        found = tagger._verb_cue(rules, low, tagger._norm_key(line))
        assert (found and (found.span(), found.group())) == (expected and (expected.span(), expected.group())), line
        skipped += rules.verb_first_runs.isdisjoint(tagger._norm_key(line).split())
    assert skipped > 1000  # the shortcut is taken, and never where a cue verb is


def test_the_wrongdoing_search_by_first_character_finds_what_the_whole_pattern_finds():
    from medialit.accusation_words import _WRONG_RE, _WRONG_SEARCH

    found = 0
    for line in _lines() + ["a counter-attack", "-attack", "attack", "the attackers' bombing", "x—shelled y"]:
        low = line.lower().replace("’", "'")
        expected, got = _WRONG_RE.search(low), _WRONG_SEARCH(low)
        assert (got and (got.span(), got.group())) == (expected and (expected.span(), expected.group())), line
        found += expected is not None
    assert found > 300


def _cue_heavy_lines(seed: int, count: int = 3000) -> list[str]:
    """Made-up lines mostly of cue words, auxiliaries, subordinators and stops (the words the scan acts on)."""
    rules = tagger._rules()
    words = sorted({w for term in rules.cue_terms for w in term.split()}) + [
        "the", ",", "and", "but", "that", "is", "has", "been", "was", "officials", "not", "once", "again", "more",
        "to", "continue", "by", "subject", "of", "(", ")", ":", "said", "on", "the", "ministry", "allegedly"]
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 16))) for _ in range(count)]


def test_the_main_clause_scan_skips_only_tokens_it_does_not_act_on():
    """_main_clause_cue visits only the tokens it acts on, and _cue_at stops at a run of words no cue term
    starts with: both give what the plain scan (every token, every length) gives."""
    import dataclasses

    rules = tagger._rules()
    assert rules.clause_tokens and rules.cue_prefixes  # the shortcuts are on
    plain = dataclasses.replace(rules, cue_prefixes=None, clause_tokens=None)
    found = 0
    for line in _lines() + _cue_heavy_lines(7):
        toks = tagger._TOKEN_RE.findall(line.lower().replace("’", "'").replace("‘", "'"))
        expected = tagger._main_clause_cue(plain, toks)
        assert tagger._main_clause_cue(rules, toks) == expected, line
        assert [tagger._cue_at(rules, toks, i) for i in range(len(toks))] == \
            [tagger._cue_at(plain, toks, i) for i in range(len(toks))], line
        found += expected is not None
    assert found > 1000


def test_tables_do_not_share_their_column_index():
    first, second = tagger.tag_text("Talks failed. Both sides left.", "x"), tagger.tag_text("Talks resumed.", "y")
    first.columns.name = "renamed"
    first.columns = [c if c != "label" else "guess" for c in first.columns]
    assert second.columns.name is None and "label" in second.columns and "guess" not in second.columns
    assert list(tagger.tag_text("Talks.", "z").columns) == list(second.columns)


def test_a_floating_alternative_is_skipped_only_where_its_literal_cannot_be():
    """Each literal that gates a floating alternative is in every match of it, and any character that a
    case-insensitive pattern takes for one of its characters folds to that character (all of Unicode)."""
    import re
    import sys

    from medialit.regex_dispatch import split_alternatives

    chars = set()
    lines = _lines()
    for name in ("_DISCLAIMER", "_FURNITURE", "_PAGE_LINE", "_FOLLOW"):
        pattern = getattr(tagger, name)
        assert pattern._floating  # the alternatives are gated one by one
        for literal, alternative in pattern._floating:
            if literal is not None:
                chars |= set(literal)
                for line in lines:
                    found = alternative.search(line)
                    assert not found or literal in tagger._fold(found.group()), (literal, line)
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    any_of_them = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]", re.IGNORECASE)
    for other in {m.group() for m in any_of_them.finditer(every_char)}:
        for ch in chars:
            if re.fullmatch(re.escape(ch), other, re.IGNORECASE):
                assert tagger._fold(other) == ch, (ch, other)
    split = split_alternatives(re.compile(r"^a|b(?:c|d)e|\bsend us (?:a )?tips?|x?", re.IGNORECASE))
    assert [literal for literal, _ in split] == ["a", "b", "send us ", None]


def test_the_ascii_word_runs_are_the_unicode_word_runs():
    import re

    lines = _lines() + ["naïve Über", "x_y 2nd", "ſo", "İstanbul", "tab\there", "a\u00a0b", "under_score__"]
    for line in lines:
        assert tagger._norm_key(line) == " ".join(re.findall(r"\w+", line.lower())), line
    assert sum(line.isascii() for line in lines) > 1000  # the ASCII path is taken


def test_trigger_words_are_found_where_the_lookbehind_pattern_finds_them():
    from medialit.accusation_words import _TRIGGER, _TRIGGER_AT, _TRIGGER_STARTS

    rnd = random.Random(5)
    pieces = [*_TRIGGER_STARTS, "-", " ", ", ", "x", "un", "'", "’", "—"]
    made_up = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12))) for _ in range(3000)]
    found = 0
    for line in _lines() + made_up:
        low = line.lower().replace("’", "'")
        expected = [m.start() for m in _TRIGGER.finditer(low)]
        assert _TRIGGER_AT(low) == expected, line
        found += len(expected)
    assert found > 3000


def test_ascii_twins_find_what_the_unicode_patterns_find_in_ascii_text():
    """Word lists, verb cues and trigger words are searched with ASCII patterns in ASCII sentences."""
    import re

    from medialit.regex_dispatch import ascii_twin

    rules = tagger._rules()
    control = "".join(map(chr, range(32))) + "\x7f"
    rnd = random.Random(3)
    lines = _lines() + _cue_heavy_lines(9, 1000) + [
        line.replace(" ", rnd.choice(control)) for line in _lines()[:1500]]  # \x1c-\x1f are Unicode spaces
    ascii_lines = [line.lower().replace("’", "'") for line in lines if line.lower().replace("’", "'").isascii()]
    assert len(ascii_lines) > 5000
    for which in ("spans", "advocacy"):
        lexicon = getattr(rules, which)
        for low in ascii_lines:
            plain = {kind: [m.span() for m in pattern.finditer(low)] for kind, pattern in lexicon.patterns.items()}
            assert {kind: [m.span() for m in found] for kind, found in lexicon._find(low).items()} == plain, low
    for low in ascii_lines:
        expected = rules.verb_cue_re.search(low)
        got = rules.verb_cue_ascii.search(low)
        assert (got and got.span()) == (expected and expected.span()), low
    from medialit import implied_charge

    for pattern, twin in ((implied_charge.IMPLIED_WRONG_RE, implied_charge._IMPLIED_WRONG_ASCII),
                          (implied_charge._INSIDE_NAME, implied_charge._INSIDE_NAME_ASCII),
                          (implied_charge._PRESCRIPTION, implied_charge._PRESCRIPTION_ASCII)):
        assert twin.flags & re.ASCII
        for line in lines:
            for text in (line, line.lower().replace("’", "'")):
                if text.isascii():
                    assert [m.span() for m in twin.finditer(text)] == [m.span() for m in pattern.finditer(text)], text
    assert ascii_twin(re.compile(r"\s")).flags & re.ASCII == 0  # "\x1c" is a space only to Unicode
    assert ascii_twin(re.compile("k", re.IGNORECASE)).flags & re.ASCII == 0  # "k" takes the Kelvin sign


#: The colon credit as one pattern searched over the whole sentence (slow: it tries every word as a start).
_PLAIN_COLON_CREDIT = (
    r"(?:\S+\s+){2,}\S*\w[\"”’']?\s*:\s*((?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})|(?:local |official |security |police )?"
    r"(?:sources?|officials?|police|report|reports|ministry|army|military|spokes(?:man|person|woman)))\s*$")


def test_the_colon_credit_cut_at_the_last_colon_finds_what_the_plain_pattern_finds():
    import re

    plain = re.compile(_PLAIN_COLON_CREDIT, re.IGNORECASE)
    found = 0
    lines = _lines() + [f"{line}: police" for line in _lines()[:500]] + [
        "Three guards killed: police", "Two killed:  Local Sources ", "a b: c d: KNA", "one two three“: ISPR",
        "x y z : Red Front Unit", "a b c: d: e", "Written by: Ada Kern", "• 29 hurt in blast: Officials", "a  b\tc:KDF"]
    for line in lines:
        fast, slow = tagger._colon_credit(line), plain.search(line)
        assert (fast.group(1) if fast else None) == (slow.group(1) if slow else None), line
        found += bool(slow)
    assert found > 100


def test_the_inside_name_pattern_with_its_capital_first_finds_what_the_lookbehind_pattern_finds():
    """names_inside's pattern looks for a capital first and then behind it; the plain pattern looks behind
    at every character.  Same matches, in Unicode and in ASCII text."""
    import re

    from medialit import implied_charge

    plain = re.compile(r"(?<=[\w,;)] )([A-Z][\w'’-]*[a-z][\w'’-]*)")
    lines = _lines() + ["a Norland, Kersk) Valdia; Red Front", "Ünder Norland", "é Norland", "x  Norland", "_ Norland",
                        "(Norland) ; Norland", "1 Norland2 Ab ABc A-b’s Aé", "x\nNorland", "x\tNorland", "Norland"]
    found = 0
    for line in lines:
        expected = [m.span(1) for m in plain.finditer(line)]
        assert [m.span(1) for m in implied_charge._INSIDE_NAME.finditer(line)] == expected, line
        if line.isascii():
            assert [m.span(1) for m in implied_charge._INSIDE_NAME_ASCII.finditer(line)] == expected, line
        found += len(expected)
    assert found > 2000
    assert implied_charge.names_inside(lines) == frozenset(m.group(1) for line in lines for m in plain.finditer(line))


def test_the_stance_patterns_for_ascii_sentences_find_what_the_plain_patterns_find():
    """_first_person_stance searches a lower-cased ASCII sentence with ASCII twins of the anchor and
    signpost patterns and with the first-person pattern without case folding."""
    import re

    plain = (tagger._ANCHOR_RE, tagger._FIRST_PERSON_RE, tagger._SIGNPOST_RE)
    assert tagger._STANCE_ASCII[0].flags & re.ASCII and tagger._STANCE_ASCII[2].flags & re.ASCII
    assert not tagger._STANCE_ASCII[1].flags & (re.ASCII | re.IGNORECASE)
    control = "".join(map(chr, range(32))) + "\x7f"
    rnd = random.Random(5)
    made_up = ["I think so.", "We can't wait", "Let's go\x1cnow", "(we\x1fare", "—i am", "We'll explore it.", "In this article, we will look",
               "i\u2028am", "We\tare 3", "LET US pray", "They said I'd go", "we've-been", "on Monday we are",
               "This article explains", "the following report-shows", "I shall turn to it", "we'll briefly review"]
    lines = _lines() + made_up + [line.replace(" ", rnd.choice(control)) for line in _lines()[:1500] + made_up]
    found = [0, 0, 0]
    for line in lines:
        low = line.lower().replace("’", "'")
        if not low.isascii():
            continue
        for k, (fast, slow) in enumerate(zip(tagger._STANCE_ASCII, plain)):
            text = " " + low if k == 1 else low
            expected = [m.span() for m in slow.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == expected, (k, line)
            found[k] += bool(expected)
    assert min(found) > 5, found
