"""Split a raw text into paragraphs and sentences, keeping character offsets.

The raw text is never changed: every sentence is a pair of offsets
``(start, end)`` such that ``raw[start:end]`` is the sentence.  Paragraphs are
the non-blank lines of the file.  Inside a paragraph, sentence boundaries come
from BlingFire (a fast finite-state sentence breaker); each sentence runs up to
the start of the next one, minus trailing spaces, so every non-blank character
belongs to exactly one sentence.

>>> [s.text for s in split_sentences("One. Two?\\n\\nThree")]
['One.', 'Two?', 'Three']
>>> s = split_sentences("  Hello there.  Bye.")[1]
>>> (s.start, s.end, s.paragraph)
(16, 20, 1)

Repairs to BlingFire's boundaries, for what a reader sees as one unit:

* an elision mark ("[…]", "[...]", "(…)") does not end a sentence: a quotation
  with words left out stays one quotation;
* a heading glued to the sentence after it (a web page that lost the line
  break: "Talks stall in capital The delegates left on Monday.") is split
  before the capitalised word that starts the real sentence;
* two sentences run together with no space after the full stop ("... ended.Both sides
  ...") are split there, unless the word before the stop is an abbreviation ("Mr.Khan").

>>> [s.text for s in split_sentences("“We will respond […] Our forces are ready,” he said.")]
['“We will respond […] Our forces are ready,” he said.']
>>> [s.text for s in split_sentences("Border posts reopen after talks The crossing opened on Monday.")]
['Border posts reopen after talks', 'The crossing opened on Monday.']
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import blingfire

__all__ = ["Sentence", "is_stamp", "split_paragraphs", "split_sentences"]

# A paragraph: from the first non-space character of a line to its last one.
_PARAGRAPH = re.compile(r"[^\s](?:[^\r\n]*[^\s])?")
#: An elision mark at the end of a piece: BlingFire may start a new sentence after it.
_ELISION_END = re.compile(r"[\[(](?:…|\.\s?\.\s?\.)[\])]\W*$")
#: A piece that is only an elision mark.
_ELISION_ONLY = re.compile(r"^\W*[\[(](?:…|\.\s?\.\s?\.)[\])]\W*$")
#: A heading glued to the sentence after it: 2-11 words with at least two capitalised ones,
#: no punctuation, ending in a lower-case word, then a capitalised word that opens sentences.
_GLUED_HEADING = re.compile(
    r"^(?=(?:\S+ ){0,10}?[A-Z]\w*[ ](?:\S+ )*?[A-Z])(?:[\w'’-]+ ){1,10}[a-z][\w'’-]* "
    r"(?=(?:The|A|An|This|These|Those|It|He|She|They|We|Officials|Police)\s[a-z])"
)
#: A date stamp that opens a line and runs into a sentence after it ("date 2024-12-30 Kabul's ...",
#: "Updated: 2024-12-30 14:05 The talks ...", "date 2019-02-28 – Officials ..."), or a section label
#: glued to the first sentence ("EDITORIAL: The talks ..."): page data, cut off as its own unit.
_DATE_STAMP = re.compile(
    r"^(?:(?:(?:date|dated|updated|published|posted|last updated)\s*:?\s*)?\d{4}-\d\d-\d\d"
    r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?:\s+[–—-])?|"
    r"(?:editorial|opinion|op-ed|analysis|comment|commentary|explainer)\s*[:|–—-]|"
    r"by\s+(?:reuters|afp|ap|the associated press|associated press|pti|ani|ians|xinhua|anadolu|dpa|efe|bloomberg))\s+(?=(?-i:[A-Z“\"‘'(]))",
    re.IGNORECASE,
)
#: A wire agency's end mark after the last sentence ("... 40 soldiers. Endit"): a unit of its own.
_END_MARK = re.compile(r"(?<=[.!?\"”’)])\s+(?:Endit|ENDIT|ENDS|Ends|-Ends-|-ENDS-|\(End\)|\(END\))\W*$")
#: Two sentences a web page ran together without a space ("... Jaiswal.The attack ...",
#: "... failings”.According to ..."): a word of two or more letters, a full stop (after a closing
#: quotation mark, if any), then a capitalised word.  Group 1 is the word before the stop.
_GLUED_SENTENCE = re.compile(r"(?<![\w.])([A-Za-z][a-z]+)[”’\"]?[.!?][”’\"]?(?=[A-Z][a-z])")
_GLUED_HINT = re.compile(r"[a-z”’\"][.!?][”’\"]?[A-Z][a-z]")
#: Abbreviations that a capitalised name may follow with no space ("Mr.Khan", "Gen.Asim").
_ABBREVIATIONS = frozenset("mr mrs ms dr st gen lt col capt maj sgt prof rev no nos vs etc jr sr co inc ltd govt dept "
                           "sen rep gov brig adm cdr".split())
#: A whole unit that is such a stamp (it does not count as a sentence of its paragraph).
_STAMP_UNIT = re.compile(_DATE_STAMP.pattern.replace(r"\s+(?=(?-i:[A-Z“\"‘'(]))", r"\s*$"), re.IGNORECASE)


def is_stamp(text: str) -> bool:
    """Whether ``text`` is only a date stamp or section label that :func:`split_sentences` cut off a line.

    >>> is_stamp("date 2019-02-28 –"), is_stamp("EDITORIAL:"), is_stamp("The talks resumed.")
    (True, True, False)
    """
    return bool(_STAMP_UNIT.match(text))
_GLUE_NOT_BEFORE = frozenset("of in at to from by for with on and or the a an as than said says".split())
#: The capitalised words that can open the real sentence after a glued heading (as in the pattern).
_GLUE_OPENERS = frozenset("The A An This These Those It He She They We Officials Police".split())


@dataclass(frozen=True)
class Sentence:
    """One sentence: its offsets into the raw text and its paragraph number (from 1)."""

    start: int
    end: int
    paragraph: int
    text: str


def split_paragraphs(raw: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every non-blank line, with outer spaces trimmed.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``.

    >>> split_paragraphs("a\\n\\n  b c \\r\\nd")
    [(0, 1), (5, 8), (11, 12)]
    """
    return [match.span() for match in _PARAGRAPH.finditer(raw)]


#: A paragraph whose characters before the last are only these (letters, digits, spaces and
#: punctuation that never ends a sentence) is one sentence: BlingFire is not asked.
_ONE_SENTENCE = re.compile(r"[\w \t\u00a0,'\"“”‘’()\[\]{}<>/&%$#@+*=|~^`\-–—]*")


def _sentence_starts(paragraph: str) -> list[int]:
    """Offsets (inside ``paragraph``) where a sentence starts, after the two repairs.

    A paragraph with no sentence-ending mark before its last character (a headline, a
    caption, a one-sentence paragraph: about half of a news page's paragraphs) is one
    sentence without asking BlingFire, which would say the same
    (``tests/test_segment.py`` checks that on every stored text and on random text).

    >>> _sentence_starts("India and Pakistan trade fire across LoC")
    [0]
    >>> _sentence_starts("Talks failed. Both sides left.")
    [0, 14]
    """
    if _ONE_SENTENCE.fullmatch(paragraph, 0, len(paragraph) - 1):
        return _repair(paragraph, [0])
    return _repair(paragraph, _blingfire_starts(paragraph))


def _blingfire_starts(paragraph: str) -> list[int]:
    """Offsets (inside ``paragraph``) where BlingFire starts a sentence.

    BlingFire returns the sentences one per line; each is looked up in the paragraph
    from where the previous one ended.  Should BlingFire ever change a sentence's
    characters (so it cannot be found), its slower offsets function is used instead.
    """
    starts, position = [], 0
    for piece in _text_to_sentences(paragraph).split("\n"):
        found = paragraph.find(piece, position) if piece else -1
        if found < 0:
            _, offsets = blingfire.text_to_sentences_and_offsets(paragraph)
            starts = sorted({a for a, _ in offsets if 0 <= a < len(paragraph)})
            break
        starts.append(found)
        position = found + len(piece)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


#: Output buffer types by size class (powers of two), kept alive here.  ``blingfire.text_to_sentences``
#: makes a new ``c_char * n`` array type on every call; ctypes keeps such types only while something
#: refers to them, so once the cycle collector has run (between two texts) every call pays for a new
#: type again, slower than BlingFire's own work.
_BUFFER_TYPES: dict = {}


def _text_to_sentences(paragraph: str) -> str:
    """``blingfire.text_to_sentences(paragraph)``, the same call and result, without a new ctypes type.

    >>> _text_to_sentences("Talks failed. Both sides left.") == blingfire.text_to_sentences("Talks failed. Both sides left.")
    True
    """
    library = getattr(blingfire, "blingfire", None)  # the C library the wrapper loads
    if library is None:  # a BlingFire package laid out otherwise: its own wrapper, slower but the same
        return blingfire.text_to_sentences(paragraph)
    data = paragraph.encode("utf-8")
    size = len(data) * 2  # the output room BlingFire's own wrapper gives
    size_class = max(size, 64).bit_length()
    buffer_type = _BUFFER_TYPES.get(size_class)
    if buffer_type is None:
        buffer_type = _BUFFER_TYPES.setdefault(size_class, ctypes.c_char * (1 << size_class))
    out = buffer_type()  # a fresh zeroed buffer, as BlingFire's wrapper makes (thread-safe)
    length = library.TextToSentences(ctypes.c_char_p(data), ctypes.c_int(len(data)),
                                     ctypes.byref(out), ctypes.c_int(size))
    if length == -1 or length > size:
        return ""
    return out.value.decode("utf-8")


def _repair(paragraph: str, starts: list[int]) -> list[int]:
    """Drop boundaries after an elision mark; split a heading glued to the first sentence,
    and a date stamp that opens the line.

    >>> _repair("date 2024-12-30 Talks resumed in Doha.", [0])
    [0, 16]
    >>> _repair("EDITORIAL: Talks resumed in Doha.", [0])
    [0, 11]
    >>> _repair("The talks ended.Both sides left. Mr.Khan stayed.", [0, 33])
    [0, 16, 33]
    """
    if "…" in paragraph or "..." in paragraph or ". . ." in paragraph:
        kept = [starts[0]]
        for k, start in enumerate(starts[1:], start=1):
            before = paragraph[kept[-1]:start].rstrip()
            if _ELISION_END.search(before) and not _ELISION_ONLY.match(paragraph[start:(starts + [len(paragraph)])[k + 1]]):
                continue
            kept.append(start)
        starts = kept
    end = starts[1] if len(starts) > 1 else len(paragraph)
    # The pattern needs an opener word after a space, with whitespace after it and words before it:
    # a whitespace-separated word that is not the first.  Without one it cannot match.
    glued = not _GLUE_OPENERS.isdisjoint(paragraph[:end].split()[1:]) and _GLUED_HEADING.match(paragraph[:end])
    if glued and glued.group().split()[-1].lower() not in _GLUE_NOT_BEFORE:
        starts = [0, glued.end()] + starts[1:]
    if paragraph[:1].isdigit() or paragraph[:1] in "dDuUpPlLeEoOaAcCbB":
        stamp = _DATE_STAMP.match(paragraph)
        if stamp and (len(starts) == 1 or starts[1] > stamp.end()):
            starts = [0, stamp.end()] + starts[1:]
    if paragraph.endswith(("it", "IT", "ds", "DS", "-", ")")) and (end_mark := _END_MARK.search(paragraph)) \
            and end_mark.start() > starts[-1]:
        starts = starts + [end_mark.start()]
    glued = [m.end() for m in _GLUED_SENTENCE.finditer(paragraph)
             if m.group(1).lower() not in _ABBREVIATIONS] if _GLUED_HINT.search(paragraph) else []
    if glued:
        starts = sorted(set(starts) | set(glued))
    return starts


def split_sentences(raw: str) -> list[Sentence]:
    """Split ``raw`` into sentences that cover every non-blank character once."""
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(split_paragraphs(raw), start=1):
        paragraph = raw[p_start:p_end]
        starts = _sentence_starts(paragraph) + [len(paragraph)]
        for a, b in zip(starts, starts[1:]):
            while b > a and paragraph[b - 1].isspace():
                b -= 1
            while a < b and paragraph[a].isspace():
                a += 1
            if b > a:
                sentences.append(Sentence(p_start + a, p_start + b, number, paragraph[a:b]))
    return sentences
