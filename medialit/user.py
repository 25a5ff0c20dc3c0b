"""Bring your own article: tag any text and compare it with the five pieces.

An article of your own is kept in a folder of its own, apart from the five
pieces (``data/user/<article_id>/`` unless you pass ``user_dir``), with the
same files the five have, so every table, chart and the highlighted reader
accept it next to them:

- ``raw.txt``        the text exactly as used (decoded, see below); all offsets point into it
- ``sentences.csv``  one row per sentence, the columns of ``data/sentences.csv`` plus
                     ``label_source`` (``machine``; ``none`` for a text that is not English)
                     and ``human_label`` (your corrections)
- ``spans.csv``      cues, hedges, boosters, loaded words, names and numbers the tagger found
- ``meta.json``      headline, byline, outlet, date, how the file was read, and the tagger's
                     measured accuracy

The labels are **machine labels** from :mod:`medialit.tagger`, which makes
mistakes; the accuracy it reached on the five hand-labelled pieces is
computed by :mod:`medialit.evaluate` when you add the article and shown next
to the labels.  Your own corrections go into ``human_label``, never over the
machine's ``label``.

How the file is read:

- **Encoding.** UTF-8; a UTF-8 or UTF-16 byte-order mark is removed; a file
  that is not UTF-8 is read as Windows-1252 (the usual "ANSI" of Windows,
  which includes Latin-1).  Which one was used is reported.
- **Line endings.** Windows (``\\r\\n``) and old Mac (``\\r``) line endings are
  changed to ``\\n``; ``raw.txt`` holds the text after that change, so
  ``raw[start:end] == text`` holds for every sentence and span.
- **Web pages and feeds.** A text that is markup — a whole HTML page (``<html>``,
  ``<body>``, a doctype), a fragment copied from one (``<p>``, ``<div>``, ``<br>``
  … at least two tags), or a news-feed item (RSS/Atom: ``<item>``, ``<entry>``,
  ``<?xml``) — has its text extracted with BeautifulSoup; scripts, styles and feed
  bookkeeping (links, ids, dates) are dropped, and HTML carried inside a feed's
  description is extracted too.  Pass ``html="extract"`` (CLI ``--html``) to
  always extract, ``html="text"`` (CLI ``--text``) to keep tags as text (shown as
  text by the reader, never run).
- **Other languages.** The tagger's rules are English.  A text that is not
  English is stored with its sentences and page roles but no labels, and a
  notice says so.
- **Refused**, with a message that says what to do: a missing file or a
  folder, an empty file, a binary file (PDF, Word, image, NUL bytes), a file
  larger than :data:`MAX_FILE_BYTES`, a text larger than
  :data:`MAX_TEXT_BYTES`, a web page larger than :data:`MAX_HTML_BYTES`
  (checked before it is parsed), an id that is taken or not of the form
  ``my-article-2``, a missing headline.

Nothing is written until the text has been read and tagged; the folder is
written under a temporary name and renamed into place, so a failure leaves
nothing half-written (a staging folder left by an add that was killed is
removed by the next add).  The input file is only read, never changed.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> added = add_text("Officials said the dam was closed. Both sides must talk.",
...                  "dam-story", "Dam closed", user_dir=folder)
>>> added.labels
{'fact': 0, 'attributed': 1, 'advocacy': 1, 'meta': 0}
>>> raw, sentences, spans = load_user_article("dam-story", user_dir=folder)
>>> sentences[["sent_id", "label", "label_source", "human_label"]].values.tolist()
[['dam-story-001', 'attributed', 'machine', ''], ['dam-story-002', 'advocacy', 'machine', '']]
>>> remove_article("dam-story", user_dir=folder)
>>> list_articles(user_dir=folder).empty
True
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import tempfile
import time
import unicodedata
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import corpus, schema

__all__ = [
    "UserArticleError", "AddedArticle", "MAX_FILE_BYTES", "MAX_TEXT_BYTES", "MAX_HTML_BYTES", "ID_PATTERN",
    "add_article", "add_text", "correct_labels", "load_user_article", "list_articles", "remove_article",
    "machine_accuracy", "accuracy_note", "user_dir", "sample_article", "practice_folder", "looks_english",
]

#: Largest file read at all (a saved web page carries a lot of markup around its text).
MAX_FILE_BYTES = 10_000_000
#: Largest text tagged (UTF-8 bytes after decoding and HTML extraction): about 150,000 words,
#: far longer than any news article.  Tagging a text of this size takes a few seconds.
MAX_TEXT_BYTES = 1_000_000
#: Largest web page parsed for its text (checked before parsing, which takes about 2 s per MB).
MAX_HTML_BYTES = 3_000_000
#: What an article id must look like: lower-case letters and digits in groups joined by "-".
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX_LENGTH = 40
#: Longest headline, byline, outlet or date accepted.
META_MAX_LENGTH = 300

#: Extra columns of a user article's sentences.csv, after the gold columns.
EXTRA_COLUMNS = ("label_source", "human_label")
#: The tagger's own columns after those: how sure it is of each label, and why not
#: (the same as ``medialit.tagger.MACHINE_COLUMNS``; a test checks that they agree).
MACHINE_COLUMNS = ("confidence", "confidence_reason")

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zipped file (a Word .docx, an OpenDocument .odt or a .zip)"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or Office file"),
    (b"{\\rtf", "a Rich Text (.rtf) document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)
_SAVE_AS_TEXT = ("Open it, copy the article's text into a plain-text editor and save it as .txt "
                 "(in Word: File → Save As → Plain Text, encoding UTF-8).")
_HTML_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
#: A feed (RSS, Atom) or any XML document.
_FEED_RE = re.compile(r"<\?xml\b|<rss[\s>]|<feed[\s>]|<channel[\s>]|<item[\s>]|<entry[\s>]", re.IGNORECASE)
#: A tag of the kind a fragment copied from a web page holds; two of them make the text markup.
_FRAGMENT_TAG_RE = re.compile(
    r"</?(?:p|div|br|span|a|em|strong|b|i|h[1-6]|li|ul|ol|blockquote|figure|figcaption|article|section|"
    r"header|footer|table|tr|td|img|description|title)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
#: Feed bookkeeping that is not text of the article.
_FEED_DROP = ("guid", "pubdate", "category", "enclosure", "comments", "media:content", "media:thumbnail",
              "media:credit", "dc:creator", "updated", "published", "id", "author", "source")
#: Short English function words: an English text has many of them, most other languages few.
_ENGLISH_WORDS = frozenset(
    "the of and to in is was that for on with as by at from it an be are were has have had this which "
    "not but or its their his her they he she we said will would".split()
)
_HTML_BLOCKS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "td", "th", "title", "tr", "ul",
)
_FEED_BLOCKS = ("item", "entry", "channel", "description", "summary", "content", "content:encoded", "subtitle")
_HTML_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "canvas")
_LABEL_ALIASES = {"attr": "attributed", "adv": "advocacy", "[fact]": "fact", "[attr]": "attributed",
                  "[adv]": "advocacy", "[meta]": "meta"}


class UserArticleError(ValueError):
    """An article of your own cannot be added, read, corrected or removed; the message says why
    and what to do."""


# ---------------------------------------------------------------------------
# where user articles live


def user_dir(folder: str | Path | None = None) -> Path:
    """The folder that holds your own articles: ``folder`` if given, else ``data/user/``.

    It is never inside the folders of the five pieces (``data/raw/`` and the
    annotation files): a folder inside ``data/`` other than ``data/user/`` is refused.

    >>> user_dir().relative_to(corpus.data_dir()).as_posix()
    'user'
    """
    if folder is None:
        try:
            return corpus.data_dir() / "user"
        except corpus.DataError as error:
            raise UserArticleError(
                f"{error} Or pass user_dir= with a folder of your own for your articles."
            ) from None
    if not isinstance(folder, (str, os.PathLike)):
        raise UserArticleError(f"user_dir must be a folder path (str or Path); got {type(folder).__name__}.")
    path = Path(folder)
    try:
        data = corpus.data_dir().resolve()
    except corpus.DataError:
        return path
    resolved = path.resolve()
    if (resolved == data or data in resolved.parents) and not (
            resolved == data / "user" or (data / "user") in resolved.parents):
        raise UserArticleError(
            "user_dir must not be inside the data folder of the five pieces (data/raw/ and the "
            "annotation files are never written to). Use data/user/ (the default) or a folder elsewhere."
        )
    return path


def sample_article() -> Path:
    """The invented sample article (``data/samples/invented_article.txt``) to practise with.

    Its countries, people and quotations are fictional, and its first line says so.

    >>> sample_article().read_text(encoding="utf-8").startswith("INVENTED ARTICLE")
    True
    """
    path = corpus.data_dir() / "samples" / "invented_article.txt"
    if not path.is_file():
        raise UserArticleError("The sample article data/samples/invented_article.txt is missing. "
                               "Run from a full copy of the repository.")
    return path


def practice_folder() -> tempfile.TemporaryDirectory:
    """A throw-away folder to practise in: pass ``folder.name`` as ``user_dir``.

    Nothing is written into ``data/user/``; call ``folder.cleanup()`` (or let Python do it)
    to delete it.

    >>> folder = practice_folder()
    >>> len(list_articles(user_dir=folder.name))
    0
    >>> folder.cleanup()
    """
    return tempfile.TemporaryDirectory(prefix="medialit-practice-")


def _check_id(article_id, *, new: bool) -> str:
    if not isinstance(article_id, str) or not article_id.strip():
        raise UserArticleError(
            "An article id is needed: a short name such as 'dam-dispute' (lower-case letters, "
            "digits and dashes)."
        )
    if not ID_PATTERN.match(article_id) or len(article_id) > ID_MAX_LENGTH:
        suggestion = re.sub(r"[^a-z0-9]+", "-", article_id.lower()).strip("-")[:ID_MAX_LENGTH].strip("-")
        hint = f" For example {suggestion!r}." if suggestion and ID_PATTERN.match(suggestion) else ""
        too_long = f" It has {len(article_id)} characters; the limit is {ID_MAX_LENGTH}." \
            if len(article_id) > ID_MAX_LENGTH else ""
        raise UserArticleError(
            f"The article id {article_id!r} cannot be used. An id is made of lower-case letters a-z and "
            f"digits, in groups joined by single dashes, at most {ID_MAX_LENGTH} characters: no spaces, "
            f"capitals, dots, slashes or other signs.{too_long}{hint}"
        )
    five = set(schema.ARTICLE_IDS)
    try:
        five |= set(corpus.article_ids())
    except corpus.DataError:
        pass
    if new and article_id in five:
        raise UserArticleError(
            f"{article_id!r} is one of the five pieces ({', '.join(schema.ARTICLE_IDS)}). "
            "Choose another id for your article, such as 'my-article'."
        )
    if new and any(re.fullmatch(re.escape(a) + r"-\d+", article_id) for a in five):
        raise UserArticleError(
            f"{article_id!r} looks like a sentence id of the five pieces. Choose an id that does not "
            "end in a dash and a number after a piece's id, such as 'my-article'."
        )
    if new and article_id in _WINDOWS_RESERVED:
        raise UserArticleError(f"{article_id!r} is a reserved file name on Windows. Choose another id.")
    return article_id


def _article_folder(article_id: str, folder: str | Path | None) -> Path:
    root = user_dir(folder)
    path = root / _check_id(article_id, new=False)
    if not (path / "meta.json").is_file():
        known = [a for a in _folder_ids(root)]
        listing = f" Your articles: {', '.join(known)}." if known else " You have not added any article yet."
        five = " It is one of the five pieces: load it with ml.load_sentences()." \
            if article_id in schema.ARTICLE_IDS else ""
        raise UserArticleError(f"There is no article of your own with id {article_id!r}.{five}{listing}")
    return path


def _folder_ids(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and (p / "meta.json").is_file())


# ---------------------------------------------------------------------------
# reading a file


def _read_file(path) -> tuple[bytes, str]:
    if not isinstance(path, (str, os.PathLike)):
        raise UserArticleError(f"Give the file as a path (str or Path); got {type(path).__name__}.")
    path = Path(path)
    name = path.name or str(path)
    if not str(path).strip():
        raise UserArticleError("No file name given. Pass the path of a plain-text file, like 'my_article.txt'.")
    if path.is_dir():
        raise UserArticleError(
            f"{name!r} is a folder, not a file. Pass the path of a plain-text file inside it, "
            "like 'folder/my_article.txt'."
        )
    if not path.is_file():
        raise UserArticleError(
            f"There is no file {str(path)!r}. Check the name and the folder: a relative path starts from "
            "the folder Python runs in (for a notebook, the notebook's folder)."
        )
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserArticleError(
            f"{name!r} is {_megabytes(size)}; the limit is {_megabytes(MAX_FILE_BYTES)}. "
            "Keep only the article's own text in the file and try again."
        )
    try:
        with open(path, "rb") as handle:   # read only: the file is never changed
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UserArticleError(
            f"{name!r} cannot be read ({error.strerror or type(error).__name__}). "
            "Check that it is not open in another program and that you may read it."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise UserArticleError(f"{name!r} is larger than {_megabytes(MAX_FILE_BYTES)}, the limit.")
    return data, name


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Bytes to text: (text, encoding used, notes)."""
    notes = []
    if not data.strip():
        raise UserArticleError(
            f"{name!r} is empty{' (it holds only spaces and blank lines)' if data else ''}. "
            "Paste the article's text into it, save, and try again."
        )
    for boms, codec, label in (((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE), "utf-16", "UTF-16"),):
        if data.startswith(boms):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise UserArticleError(
                    f"{name!r} starts like a UTF-16 text but cannot be read as one. Save it again as "
                    "plain text with the encoding UTF-8."
                ) from None
            notes.append(f"The file is UTF-16 text (it starts with a byte-order mark); it was read as {label}.")
            return text, label, notes
    encoding = "UTF-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        notes.append("The file starts with a UTF-8 byte-order mark (an invisible sign some editors add); "
                     "it was removed.")
        encoding = "UTF-8 (byte-order mark removed)"
        if not data.strip():
            raise UserArticleError(f"{name!r} is empty apart from a byte-order mark. Paste the article's "
                                   "text into it, save, and try again.")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UserArticleError(f"{name!r} is {what}, not plain text. {_SAVE_AS_TEXT}")
    if b"\x00" in data:
        raise UserArticleError(
            f"{name!r} contains NUL bytes, so it is not plain text: it may be a binary file (a Word "
            "document, a PDF, an image) or text saved as UTF-16 without a byte-order mark. "
            + _SAVE_AS_TEXT
        )
    try:
        return data.decode("utf-8"), encoding, notes
    except UnicodeDecodeError as error:
        position = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UserArticleError(
            f"{name!r} is neither UTF-8 nor Windows-1252 text (byte {position} cannot be read). It may be "
            "a binary file, or text in another encoding. Save it as plain text with the encoding UTF-8."
        ) from None
    notes.append(
        "The file is not UTF-8 (byte " f"{position} is not valid UTF-8); it was read as Windows-1252 "
        "(cp1252, the usual encoding of older Windows editors). If letters look wrong in the reader, "
        "save the file as UTF-8 and add it again."
    )
    return text, "Windows-1252", notes


def _odd_share(text: str) -> float:
    """Share of the non-space characters that are control codes, unassigned or replacement marks."""
    counted = odd = 0
    for ch in text:
        if ch.isspace():
            continue
        counted += 1
        if ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            odd += 1
    return odd / counted if counted else 0.0


def _markup_kind(text: str) -> str:
    """``"page"``, ``"feed"``, ``"fragment"`` or ``""`` (plain text).

    >>> _markup_kind("<p>Talks resumed.</p><p>They ended.</p>")
    'fragment'
    >>> _markup_kind("<item><title>Talks</title><description>They ended.</description></item>")
    'feed'
    >>> _markup_kind("Prices rose by <5% and fell again.")
    ''
    """
    if _HTML_RE.search(text):
        return "page"
    if _FEED_RE.search(text):
        return "feed"
    found = 0
    for _ in _FRAGMENT_TAG_RE.finditer(text):
        found += 1
        if found >= 2:
            return "fragment"
    return ""


def _extract_markup(text: str) -> str:
    """The text of a page, fragment or feed; markup left inside (a feed's escaped or CDATA
    HTML) is extracted in a second pass.

    >>> _extract_markup("<item><title>Border reopens</title><link>https://x.example/1</link>"
    ...                 "<description>&lt;p&gt;Trucks crossed on Monday.&lt;/p&gt;</description></item>")
    'Border reopens\\n\\nTrucks crossed on Monday.'
    """
    extracted = _extract_html(text)
    if _markup_kind(extracted):
        extracted = _extract_html(extracted)
    return extracted


def _extract_html(text: str) -> str:
    """The visible text of a web page, one block (paragraph, heading, list item ...) per paragraph.

    Scripts, styles and comments are dropped; runs of white space inside a block
    become one space (as a browser shows them, also inside ``<pre>``).  In a feed,
    the links, ids and dates are dropped.
    """
    from bs4 import BeautifulSoup, CData, NavigableString, Tag  # installed with the notebooks

    feed = bool(_FEED_RE.search(text))
    if feed:  # html.parser treats <link> as empty: its URL would become text
        text = re.sub(r"<link\b[^>]*>.*?</link>|<link\b[^>]*/>", " ", text, flags=re.IGNORECASE | re.DOTALL)
    with warnings.catch_warnings():  # a feed is XML; html.parser reads it well enough, so do not warn
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(text, "html.parser")
    parts: list[str] = []
    stack: list = [(soup, False)]       # an explicit stack: deeply nested pages cannot overflow it
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
        elif isinstance(node, Tag):
            if node.name in _HTML_DROP or (feed and node.name in _FEED_DROP):
                continue
            if node.name == "br":
                parts.append("\n")
                continue
            if node.name in _HTML_BLOCKS or (feed and node.name in _FEED_BLOCKS):
                parts.append("\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            parts.append(re.sub(r"[ \t\r\n\f]+", " ", str(node)))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _check_html_size(text: str, name: str) -> None:
    """Refuse a web page too large to parse, before parsing it."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_HTML_BYTES:
        raise UserArticleError(
            f"{name} is a web page (HTML) of {_megabytes(size)}; the limit for web pages is "
            f"{_megabytes(MAX_HTML_BYTES)}. Copy the article's text from the browser into a .txt file, "
            "or pass html='text' to keep the tags as text."
        )


def _prepare_text(text: str, name: str, html: str) -> tuple[str, list[str]]:
    """Normalise line endings, extract HTML, and refuse text that cannot be tagged."""
    notes = []
    if html not in ("auto", "extract", "text"):
        raise UserArticleError(f"html must be 'auto', 'extract' or 'text'; got {html!r}.")
    if text.startswith("\ufeff"):
        text = text[1:]
        if not any("byte-order mark" in n for n in notes):
            notes.append("A byte-order mark at the start of the text was removed.")
    if "\x00" in text:
        raise UserArticleError(
            f"{name} contains NUL characters, so it is not plain text. Remove them, or " + _SAVE_AS_TEXT[0].lower()
            + _SAVE_AS_TEXT[1:]
        )
    if "\r" in text:
        crlf = text.count("\r\n")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        kind = "Windows (\\r\\n)" if crlf else "old Mac (\\r)"
        notes.append(f"Line endings were {kind}; they were changed to \\n, and the stored raw.txt uses \\n.")
    kind = _markup_kind(text) if html == "auto" else ("page" if html == "extract" else "")
    if kind:
        _check_html_size(text, name)
        try:
            extracted = _extract_markup(text)
        except Exception as error:  # the parser is lenient; report anything it raises in our words
            raise UserArticleError(
                f"{name} looks like a web page (HTML), but its text could not be extracted "
                f"({type(error).__name__}). Copy the article's text from the browser into a .txt file."
            ) from None
        if not extracted.strip():
            raise UserArticleError(
                f"{name} is a web page (HTML) with no readable text once tags, scripts and styles are "
                "removed. Copy the article's text from the browser into a .txt file."
            )
        what = {"page": "a web page (HTML)", "fragment": "a piece of a web page (HTML tags such as <p>)",
                "feed": "a news-feed item (RSS/Atom XML)"}[kind]
        notes.append(
            f"This is {what}: its text was extracted with BeautifulSoup (scripts and styles "
            "dropped, tags removed). Menus and links come along as text; the tagger marks many of them "
            "as page furniture (meta). To keep tags as text instead, pass html='text' (command line: --text)."
        )
        text = extracted
    if not text.strip():
        raise UserArticleError(
            f"{name} holds only spaces and blank lines. Paste the article's text into it and try again."
        )
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_TEXT_BYTES:
        raise UserArticleError(
            f"{name} holds {_megabytes(size)} of text; the limit is {_megabytes(MAX_TEXT_BYTES)} "
            "(about 150,000 words, far longer than a news article). Keep only the article you want to "
            "read, or split it into several articles."
        )
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        raise UserArticleError(
            f"{name} contains broken characters (unpaired surrogates) that no file can store. "
            "Copy the text again from its source, or save it as UTF-8 and add the file."
        )
    if _odd_share(text) > 0.1:
        raise UserArticleError(
            f"{name} does not look like text: more than a tenth of its characters are control codes "
            "or unreadable signs. It may be a binary file. " + _SAVE_AS_TEXT
        )
    return text, notes


def looks_english(text: str) -> bool:
    """Whether ``text`` looks like English, from its script and its share of English function words.

    A rough test (no language model): most letters must be Latin, and a text of 20
    words or more must have at least one word in ten among the commonest English
    function words ("the", "of", "and" ...); English news prose has three or four.

    >>> looks_english("Officials said the border would reopen on Monday after talks.")
    True
    >>> looks_english("Las autoridades indias han acusado a Pakistán de violar el alto al fuego en la región "
    ...               "de Cachemira, tras reportarse múltiples incidentes de disparos en la Línea de Control.")
    False
    >>> looks_english("पाकिस्तान और अफगानिस्तान के बीच सीमा पर तनाव")
    False
    """
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4:  # too little to tell
        return True
    latin = sum(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)
    if latin / len(letters) < 0.6:
        return False
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 20:
        return True
    return sum(w in _ENGLISH_WORDS for w in words) / len(words) >= 0.1


def _clean_meta(value, what: str, *, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise UserArticleError(f"The {what} must be text (a str); got {type(value).__name__}.")
    value = " ".join(value.split())
    if required and not value:
        raise UserArticleError(
            f"A {what} is needed: type the article's {what} as printed, like headline=\"Dam talks collapse\"."
        )
    if len(value) > META_MAX_LENGTH:
        raise UserArticleError(f"The {what} has {len(value)} characters; the limit is {META_MAX_LENGTH}.")
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
        raise UserArticleError(f"The {what} contains control characters; type it as plain text.")
    return value


# ---------------------------------------------------------------------------
# the tagger's measured accuracy


#: Where the blind figures come from: hand-labelled texts the rules were not written against.
BLIND_FOLDER = ("transfer", "test")
#: Figures (no text) measured on real articles (news reports and opinion pieces) that are not in the repository, by the tagger
#: version that runs now (scored once, after its rules were frozen; a test checks the version).
REAL_FIGURES = ("evaluation", "real_articles_tagger211.csv")
#: Blind runs of earlier versions on other samples of real articles: the note shows their range too, so
#: that one sample's figure is not read as the rule (samples differ more than versions do).
REAL_FIGURES_EARLIER = (("evaluation", "real_articles_tagger29.csv"), ("evaluation", "real_articles_tagger210.csv"))


@lru_cache(maxsize=1)
def _measured() -> tuple:
    from . import evaluate, tagger

    blind = corpus.data_dir().joinpath(*BLIND_FOLDER)
    together = blind.parent  # or one folder for both halves, with a column that says which half
    found = None
    if (blind / "sentences.csv").is_file():
        found = evaluate.load_labelled_folder(blind)
    elif (together / "sentences.csv").is_file():
        try:
            found = evaluate.load_labelled_folder(together, half=BLIND_FOLDER[-1])
        except evaluate.EvaluationError:
            found = None
    if found is not None:
        texts, gold = found
        result = evaluate.score_labelled(texts, gold)
        summary, source, tuned = result["summary"], "the test half of the transfer texts", False
        per_label = result["per_label"]
    else:  # no blind texts here: the five pieces, which the rules were revised against
        comparison = evaluate.compare_labels()
        ev = evaluate.evaluate(comparison)
        summary, source, tuned, per_label = ev["summary"], "the five pieces", True, ev["per_label"]
    f1 = tuple((label, round(float(per_label.loc[label, "f1"]), 4)) for label in per_label.index
               if per_label.loc[label, "support"] > 0)
    return (tagger.TAGGER_VERSION, source, tuned, int(summary["sentences"]), float(summary["accuracy"]),
            float(summary["macro_f1_4"]), f1)


def _figures_in(parts: tuple) -> dict | None:
    path = corpus.data_dir().joinpath(*parts)
    if not path.is_file():
        return None
    table = pd.read_csv(path, keep_default_na=False)
    overall = table[table["label"] == ""].set_index("measure")["value"]
    return {"articles": int(overall.get("articles", 0)), "sentences": int(overall.get("sentences", 0)),
            "accuracy": float(overall.get("accuracy", 0)), "macro_f1": float(overall.get("macro_f1_4", 0))}


def _real_figures() -> dict | None:
    """The latest blind run on real articles, with ``earlier``: the accuracies of the earlier runs found."""
    latest = _figures_in(REAL_FIGURES)
    if latest is not None:
        earlier = [found["accuracy"] for parts in REAL_FIGURES_EARLIER if (found := _figures_in(parts))]
        latest["earlier"] = earlier
    return latest


def machine_accuracy() -> dict | None:
    """How well the tagger's labels match hand labels on text its rules were not written against.

    The figures are computed now from ``data/``: from the test half of the transfer
    texts (``data/transfer/test/``) when it is there, else from the five pieces —
    which the rules were revised against, so that figure is marked ``tuned``.
    ``real`` holds the figures measured on real articles that are not in the
    repository (``data/evaluation/real_articles_tagger23.csv``, written by
    ``tools/score_blind_tagger.py``), or ``None``.  Returns ``None`` when no hand
    labels are there to measure against.

    >>> result = machine_accuracy()
    >>> sorted(result)
    ['accuracy', 'f1', 'macro_f1', 'real', 'sentences', 'source', 'tagger_version', 'tuned']
    >>> 0 <= result["accuracy"] <= 1
    True
    """
    try:
        version, source, tuned, sentences, accuracy, macro, f1 = _measured()
    except corpus.DataError:
        return None
    return {"tagger_version": version, "source": source, "tuned": tuned, "sentences": sentences,
            "accuracy": accuracy, "macro_f1": macro, "f1": dict(f1), "real": _real_figures()}


def accuracy_note(accuracy: dict | None = None) -> str:
    """A plain note on how far to trust machine labels, from :func:`machine_accuracy`.

    >>> print(accuracy_note({"tagger_version": "2.0", "source": "the test half of the transfer texts",
    ...                      "tuned": False, "sentences": 200, "accuracy": 0.85, "macro_f1": 0.8,
    ...                      "f1": {"fact": 0.8, "attributed": 0.9, "advocacy": 0.7, "meta": 0.8},
    ...                      "real": {"articles": 5, "sentences": 120, "accuracy": 0.8, "macro_f1": 0.78}}))
    ... # doctest: +NORMALIZE_WHITESPACE
    Machine labels (tagger 2.0): on 200 hand-labelled sentences of the test half of the transfer texts,
    which its rules were not written against, the tagger agreed with the annotators on 85% (macro-F1 0.80;
    F1 per label: fact 0.80, attributed 0.90, advocacy 0.70, meta 0.80). On 120 sentences of 5 real articles
    (news reports and opinion pieces) not in this repository it agreed on 80% (macro-F1 0.78). Real web
    pages, opinion pieces and text that is not English score lower. Read every label, check the sentences
    marked "unsure" first, and correct the ones you disagree with.
    """
    if accuracy is None:
        accuracy = machine_accuracy()
    if not accuracy:
        return ("Machine labels: the tagger's accuracy could not be measured here (the hand-labelled "
                "files are missing). Read every label and correct the ones you disagree with.")
    per_label = ", ".join(f"{label} {value:.2f}" for label, value in accuracy.get("f1", {}).items())
    text = (f"Machine labels (tagger {accuracy['tagger_version']}): on {accuracy['sentences']} hand-labelled "
            f"sentences of {accuracy['source']}, ")
    text += ("which its rules were revised against (so this figure is optimistic), " if accuracy["tuned"]
             else "which its rules were not written against, ")
    text += (f"the tagger agreed with the annotators on {accuracy['accuracy']:.0%} (macro-F1 "
             f"{accuracy['macro_f1']:.2f}; F1 per label: {per_label}).")
    real = accuracy.get("real")
    if real:
        text += (f" On {real['sentences']} sentences of {real['articles']} real articles (news reports and opinion "
                 f"pieces) not in this repository it agreed on {real['accuracy']:.0%} (macro-F1 {real['macro_f1']:.2f}).")
        earlier = real.get("earlier") or []
        if earlier:
            low, high = min(earlier), max(earlier)
            span = f"{low:.0%}" if f"{low:.0%}" == f"{high:.0%}" else f"{low:.0%}–{high:.0%}"
            text += (f" On {len(earlier)} other sample{'s' if len(earlier) > 1 else ''} of real articles, earlier "
                     f"versions agreed on {span}: samples differ, so your article may score lower or higher.")
    return text + (" Real web pages, opinion pieces and text that is not English score lower. Read every "
                   "label, check the sentences marked \"unsure\" first, and correct the ones you disagree with.")


# ---------------------------------------------------------------------------
# adding


@dataclass(frozen=True)
class AddedArticle:
    """What :func:`add_article` stored; ``print()`` it for a friendly summary."""

    article_id: str
    headline: str
    sentences: int
    spans: int
    labels: dict
    roles: dict
    encoding: str
    notes: tuple
    accuracy: dict | None
    folder: Path = field(repr=False, compare=False)

    def summary(self) -> str:
        """The friendly summary (without the folder, which is machine-specific)."""
        labels = ", ".join(f"{k} {v}" for k, v in self.labels.items())
        lines = [
            f"Added {self.article_id!r} ({self.headline}): {self.sentences} sentence"
            f"{'s' if self.sentences != 1 else ''}, {self.spans} marked word{'s' if self.spans != 1 else ''}.",
            f"Read as {self.encoding}.",
            f"Labels guessed by the tagger (label_source = machine): {labels}." if any(self.labels.values())
            or not self.sentences else "No machine labels (see the notice below).",
            accuracy_note(self.accuracy) if self.accuracy is not None else accuracy_note({}),
        ]
        lines += self.notes
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def add_article(path, article_id: str, headline: str, *, byline: str = "", outlet: str = "", date: str = "",
                user_dir: str | Path | None = None, html: str = "auto") -> AddedArticle:
    """Read a plain-text file, tag every sentence, and store it as an article of your own.

    ``html``: ``"auto"`` extracts the text of a file that is a web page,
    ``"extract"`` always does, ``"text"`` never does (tags stay as text).
    Returns an :class:`AddedArticle`; raises :class:`UserArticleError` with a
    message that says what to do when the file, the id or the headline cannot
    be used.  See the module notes for how the file is read.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "note.txt").write_bytes("Talks will likely fail.\\r\\n".encode("cp1252"))
    >>> added = add_article(folder / "note.txt", "talks", "Talks", user_dir=folder / "user")
    >>> added.encoding, added.labels["advocacy"]
    ('UTF-8', 1)
    >>> added.notes[0][:40]
    'Line endings were Windows (\\\\r\\\\n); they w'
    >>> add_article(folder / "note.txt", "talks", "Talks", user_dir=folder / "user")
    Traceback (most recent call last):
    ...
    medialit.user.UserArticleError: You already have an article with id 'talks'. Choose another id, or remove the old one first with ml.user.remove_article('talks', user_dir=...) with the same user_dir as here.
    """
    article_id = _check_id(article_id, new=True)
    headline = _clean_meta(headline, "headline", required=True)
    data, name = _read_file(path)
    text, encoding, notes = _decode(data, name)
    return _add(text, article_id, headline, byline=byline, outlet=outlet, date=date, user_dir=user_dir,
                html=html, name=repr(name), encoding=encoding, notes=notes, source_file=name)


def add_text(text: str, article_id: str, headline: str, *, byline: str = "", outlet: str = "", date: str = "",
             user_dir: str | Path | None = None, html: str = "auto") -> AddedArticle:
    """Like :func:`add_article`, for text you already have as a Python string (pasted, say).

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> add_text("   ", "empty", "Nothing", user_dir=folder)
    Traceback (most recent call last):
    ...
    medialit.user.UserArticleError: The text holds only spaces and blank lines. Paste the article's text into it and try again.
    """
    article_id = _check_id(article_id, new=True)
    headline = _clean_meta(headline, "headline", required=True)
    if not isinstance(text, str):
        what = "bytes: decode them first, or save them to a file and use add_article()" \
            if isinstance(text, (bytes, bytearray)) else type(text).__name__
        raise UserArticleError(f"The text must be a str; got {what}.")
    return _add(text, article_id, headline, byline=byline, outlet=outlet, date=date, user_dir=user_dir,
                html=html, name="The text", encoding="text (a Python str)", notes=[], source_file="")


def _add(text, article_id, headline, *, byline, outlet, date, user_dir, html, name, encoding, notes,
         source_file) -> AddedArticle:
    from . import tagger

    byline = _clean_meta(byline, "byline", required=False)
    outlet = _clean_meta(outlet, "outlet", required=False)
    date = _clean_meta(date, "date", required=False)
    root = globals()["user_dir"](user_dir)
    target = root / article_id
    if target.exists():
        where = ")" if user_dir is None else ", user_dir=...) with the same user_dir as here"
        raise UserArticleError(
            f"You already have an article with id {article_id!r}. Choose another id, or remove the old one "
            f"first with ml.user.remove_article({article_id!r}{where}."
        )
    text, more_notes = _prepare_text(text, name, html)
    notes = list(notes) + more_notes
    try:
        sentences, spans = tagger.tag(text, article_id)
    except tagger.TaggerInputError as error:
        raise UserArticleError(f"{name} cannot be tagged: {error}") from None
    _check_offsets(text, sentences, spans)
    english = looks_english(text)
    sentences = sentences.assign(label_source="machine", human_label="")
    if not english:  # stored with its sentences and roles, but not labelled by English rules
        sentences = sentences.assign(
            label=pd.Categorical([None] * len(sentences), categories=list(schema.LABELS)),
            cue="", source="", label_source="none",
            source_type=pd.Categorical(["none"] * len(sentences), categories=list(schema.SOURCE_TYPES)),
            rationale="not labelled: the text is not English, and the tagger's rules are English",
            confidence=pd.Categorical(["unsure"] * len(sentences), categories=["sure", "unsure"]),
            confidence_reason="not English: the English rules do not apply",
            accusation=pd.array([pd.NA] * len(sentences), dtype="Int64"), accuser="", accused="",
        )
        spans = spans.iloc[0:0]
        notes.append(
            "This text does not look like English. The tagger's rules (cue words, modal verbs, word lists) "
            "are English, so its sentences were stored without labels rather than labelled wrongly. "
            "Label them yourself with ml.user.correct_labels(), or add an English version of the article."
        )
    accuracy = machine_accuracy()
    labels = {lab: int((sentences["label"].astype(str) == lab).sum()) for lab in schema.LABELS}
    roles = {role: int(n) for role, n in sentences["role"].astype(str).value_counts(sort=False).items()}
    meta = {
        "article_id": article_id, "headline": headline, "byline": byline, "outlet": outlet, "date": date,
        "source_file": source_file, "encoding": encoding, "notes": notes, "characters": len(text),
        "sentences": len(sentences), "spans": len(spans), "label_source": "machine" if english else "none",
        "tagger": accuracy if accuracy is not None else {"tagger_version": tagger.TAGGER_VERSION},
    }
    _write_folder(root, target, text, sentences, spans, meta)
    return AddedArticle(article_id, headline, len(sentences), len(spans), labels, roles, encoding, tuple(notes),
                        accuracy, target)


def _check_offsets(text: str, sentences: pd.DataFrame, spans: pd.DataFrame) -> None:
    for table in (sentences, spans):
        for start, end, piece in zip(table["start"], table["end"], table["text"]):
            if text[int(start):int(end)] != piece:
                raise RuntimeError(f"medialit bug: offsets {start}:{end} do not match {piece[:40]!r}; please report.")


def _remove_stale_staging(root: Path, *, max_age: float = 3600) -> None:
    """Remove staging folders of adds that were killed: their process is gone, or they are old."""
    for path in root.glob(".adding-*"):
        match = re.match(r"\.adding-(\d+)-", path.name)
        alive = False
        if match and int(match.group(1)) != os.getpid():
            try:
                os.kill(int(match.group(1)), 0)
                alive = True
            except ProcessLookupError:
                alive = False
            except OSError:       # exists, but not ours to signal
                alive = True
        try:
            old = time.time() - path.stat().st_mtime > max_age
        except OSError:
            continue
        if path.is_dir() and (old or not alive):
            shutil.rmtree(path, ignore_errors=True)


def _write_folder(root: Path, target: Path, text, sentences, spans, meta) -> None:
    """Write the article under a temporary name in ``root``, check it reads back, then rename it."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(root)
        staging = Path(tempfile.mkdtemp(prefix=f".adding-{os.getpid()}-{meta['article_id']}-", dir=root))
    except OSError as error:
        raise UserArticleError(
            f"The folder for your articles cannot be created ({error.strerror or type(error).__name__}). "
            "Pass user_dir= with a folder you may write to."
        ) from None
    try:
        with open(staging / "raw.txt", "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        _write_csv(sentences, staging / "sentences.csv")
        _write_csv(spans, staging / "spans.csv")
        with open(staging / "meta.json", "w", encoding="utf-8", newline="\n") as handle:
            json.dump(meta, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
        _read_folder(staging, meta["article_id"])   # reads back and checks every offset
        try:
            os.replace(staging, target)
        except OSError:
            raise UserArticleError(
                f"You already have an article with id {meta['article_id']!r} (it appeared while this one "
                "was being added). Choose another id."
            ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_csv(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


# ---------------------------------------------------------------------------
# loading


_SENTENCE_TYPES = {
    "paragraph": int, "start": int, "end": int, "accusation": int, "role": schema.ROLES, "label": schema.LABELS,
    "source_type": schema.SOURCE_TYPES, "conflict": schema.CONFLICTS,
}
_SPAN_TYPES = {"start": int, "end": int, "kind": schema.SPAN_KINDS}


def _read_table(path: Path, types: dict) -> pd.DataFrame:
    """A CSV of a user article with the dtypes of the gold loaders (empty cells become <NA>)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column, kind in types.items():
        if column not in frame.columns:
            continue
        if kind is int:
            frame[column] = pd.to_numeric(frame[column].replace("", None), errors="raise").astype("Int64")
        else:
            unknown = set(frame[column]) - set(kind) - {""}
            if unknown:
                raise ValueError(f"{path.name}: unknown {column} {sorted(unknown)[0]!r}")
            frame[column] = pd.Categorical(frame[column].replace("", None), categories=list(kind))
    return frame


def _read_folder(folder: Path, article_id: str, labels: str = "machine"):
    try:
        with open(folder / "raw.txt", encoding="utf-8", newline="") as handle:
            raw = handle.read()
        sentences = _read_table(folder / "sentences.csv", _SENTENCE_TYPES)
        spans = _read_table(folder / "spans.csv", _SPAN_TYPES)
    except (OSError, UnicodeDecodeError, ValueError, pd.errors.ParserError) as error:
        raise UserArticleError(
            f"The files of your article {article_id!r} cannot be read ({type(error).__name__}: {error}). "
            f"Remove it with ml.user.remove_article({article_id!r}) and add it again."
        ) from None
    for column in MACHINE_COLUMNS:  # articles added before the tagger said how sure it was
        if column not in sentences.columns:
            sentences[column] = ""
    missing = [c for c in (*schema.SENTENCE_COLUMNS, *EXTRA_COLUMNS) if c not in sentences.columns]
    missing += [f"spans.csv:{c}" for c in schema.SPAN_COLUMNS if c not in spans.columns]
    if missing:
        raise UserArticleError(
            f"The files of your article {article_id!r} lack the column(s) {', '.join(missing)}. "
            f"Remove it with ml.user.remove_article({article_id!r}) and add it again."
        )
    for what, table in (("sentences.csv", sentences), ("spans.csv", spans)):
        for line, (start, end, text) in enumerate(zip(table["start"], table["end"], table["text"]), start=2):
            if pd.isna(start) or pd.isna(end) or raw[int(start):int(end)] != text:
                raise UserArticleError(
                    f"{what} of your article {article_id!r}, line {line}: the offsets do not match raw.txt "
                    "(was a file edited by hand?). Remove the article with "
                    f"ml.user.remove_article({article_id!r}) and add it again."
                )
    sentences = sentences[[*schema.SENTENCE_COLUMNS, *EXTRA_COLUMNS, *MACHINE_COLUMNS]]
    if labels == "corrected":
        human = sentences["human_label"] != ""
        sentences = sentences.assign(
            label=pd.Categorical(sentences["human_label"].where(human, sentences["label"].astype(str)),
                                 categories=list(schema.LABELS)),
            label_source=sentences["label_source"].where(~human, "human"),
        )
    return raw, sentences, spans[list(schema.SPAN_COLUMNS)]


def load_user_article(article_id: str, *, user_dir: str | Path | None = None, labels: str = "machine"):
    """``(raw, sentences, spans)`` of an article of your own, in the columns of the gold files.

    ``sentences`` has the columns of ``data/sentences.csv`` plus ``label_source``
    and ``human_label``; concatenate it with ``ml.load_sentences()`` to compare
    your article with the five.  ``labels="machine"`` (the default) keeps the
    tagger's labels in ``label``; ``labels="corrected"`` puts your corrections
    (``human_label``) into ``label`` where you made one, and sets
    ``label_source`` to ``human`` for those rows.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = add_text("Talks will likely fail.", "talks", "Talks", user_dir=folder)
    >>> raw, sentences, spans = load_user_article("talks", user_dir=folder)
    >>> raw[sentences.start[0]:sentences.end[0]] == sentences.text[0]
    True
    >>> load_user_article("balakot", user_dir=folder)
    Traceback (most recent call last):
    ...
    medialit.user.UserArticleError: There is no article of your own with id 'balakot'. It is one of the five pieces: load it with ml.load_sentences(). Your articles: talks.
    """
    if labels not in ("machine", "corrected"):
        raise UserArticleError(f"labels must be 'machine' or 'corrected'; got {labels!r}.")
    folder = _article_folder(article_id, user_dir)
    return _read_folder(folder, article_id, labels)


def _read_meta(folder: Path) -> dict:
    try:
        with open(folder / "meta.json", encoding="utf-8") as handle:
            meta = json.load(handle)
    except (OSError, ValueError) as error:
        raise UserArticleError(
            f"meta.json of your article {folder.name!r} cannot be read ({type(error).__name__}). "
            f"Remove it with ml.user.remove_article({folder.name!r}) and add it again."
        ) from None
    if not isinstance(meta, dict):
        raise UserArticleError(f"meta.json of your article {folder.name!r} is not what medialit wrote.")
    return meta


def list_articles(*, user_dir: str | Path | None = None) -> pd.DataFrame:
    """Your articles, one row each: article_id, headline, byline, outlet, date, sentences,
    human_labels (how many sentences you corrected), encoding.

    >>> import tempfile
    >>> list_articles(user_dir=tempfile.mkdtemp()).columns.tolist()
    ['article_id', 'headline', 'byline', 'outlet', 'date', 'sentences', 'human_labels', 'encoding']
    """
    root = globals()["user_dir"](user_dir)
    rows = []
    for article_id in _folder_ids(root):
        folder = root / article_id
        meta = _read_meta(folder)
        try:
            table = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False,
                                usecols=["human_label"])
            corrected = int((table["human_label"] != "").sum())
        except (OSError, ValueError):
            corrected = 0
        rows.append([article_id, meta.get("headline", ""), meta.get("byline", ""), meta.get("outlet", ""),
                     meta.get("date", ""), meta.get("sentences", 0), corrected, meta.get("encoding", "")])
    return pd.DataFrame(rows, columns=["article_id", "headline", "byline", "outlet", "date", "sentences",
                                       "human_labels", "encoding"])


# ---------------------------------------------------------------------------
# correcting and removing


def _label_value(value, sent_id: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if not isinstance(value, str):
        raise UserArticleError(f"The label for {sent_id} must be text such as 'fact'; got {type(value).__name__}.")
    label = value.strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    if label and label not in schema.LABELS:
        raise UserArticleError(
            f"{value!r} (for {sent_id}) is not a label. Labels are {', '.join(schema.LABELS)}; "
            "use '' or None to remove a correction."
        )
    return label


def _corrections_from_csv(path) -> dict:
    data, name = _read_file(path)
    text, _, _ = _decode(data, name)
    from io import StringIO
    try:
        table = pd.read_csv(StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise UserArticleError(f"{name!r} cannot be read as a CSV table ({type(error).__name__}).") from None
    table.columns = [str(c).strip() for c in table.columns]
    column = "human_label" if "human_label" in table.columns else "label"
    if "sent_id" not in table.columns or column not in table.columns:
        raise UserArticleError(
            f"{name!r} needs two columns, sent_id and label (or human_label); it has "
            f"{', '.join(table.columns) or 'none'}."
        )
    if table["sent_id"].duplicated().any():
        twice = table.loc[table["sent_id"].duplicated(), "sent_id"].iloc[0]
        raise UserArticleError(f"{name!r} lists {twice} twice; keep one row per sentence.")
    return dict(zip(table["sent_id"].str.strip(), table[column]))


def correct_labels(article_id: str, corrections, *, user_dir: str | Path | None = None) -> pd.DataFrame:
    """Store your own labels for some sentences, next to (never over) the machine's.

    ``corrections`` is a dict ``{sent_id: label}`` or the path of a CSV file
    with the columns ``sent_id`` and ``label`` (or ``human_label``).  A label
    of ``""`` or ``None`` removes an earlier correction.  Returns the
    sentences you have corrected so far: sent_id, text, label (the machine's),
    human_label.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = add_text("Talks will likely fail. Rain fell.", "talks", "Talks", user_dir=folder)
    >>> correct_labels("talks", {"talks-002": "fact"}, user_dir=folder)[["sent_id", "label", "human_label"]]
         sent_id label human_label
    0  talks-002  fact        fact
    >>> correct_labels("talks", {"talks-009": "fact"}, user_dir=folder)
    Traceback (most recent call last):
    ...
    medialit.user.UserArticleError: No sentence talks-009 in your article 'talks'. Its sentence ids run from talks-001 to talks-002.
    """
    folder = _article_folder(article_id, user_dir)
    if isinstance(corrections, (str, os.PathLike)):
        corrections = _corrections_from_csv(corrections)
    if not isinstance(corrections, Mapping):
        raise UserArticleError(
            "Give the corrections as a dict like {'my-article-003': 'attributed'} or as the path of a CSV "
            "file with the columns sent_id and label."
        )
    _, sentences, _ = _read_folder(folder, article_id)
    known = sentences["sent_id"].tolist()
    wanted = {}
    for sent_id, value in corrections.items():
        sent_id = str(sent_id).strip()
        if sent_id not in set(known):
            raise UserArticleError(
                f"No sentence {sent_id} in your article {article_id!r}. Its sentence ids run from "
                f"{known[0]} to {known[-1]}." if known else f"Your article {article_id!r} has no sentences."
            )
        wanted[sent_id] = _label_value(value, sent_id)
    table = pd.read_csv(folder / "sentences.csv", dtype=str, keep_default_na=False, encoding="utf-8")
    table["human_label"] = [wanted.get(s, h) for s, h in zip(table["sent_id"], table["human_label"])]
    handle = tempfile.NamedTemporaryFile("w", dir=folder, prefix=".sentences-", suffix=".csv", delete=False,
                                         encoding="utf-8", newline="")
    try:
        with handle:
            table.to_csv(handle, index=False, lineterminator="\n")
        os.replace(handle.name, folder / "sentences.csv")
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    _, sentences, _ = _read_folder(folder, article_id)
    done = sentences[sentences["human_label"] != ""]
    return done[["sent_id", "text", "label", "human_label"]].reset_index(drop=True)


def remove_article(article_id: str, *, user_dir: str | Path | None = None) -> None:
    """Delete an article of your own (its whole folder).  The five pieces cannot be removed.

    >>> import tempfile
    >>> remove_article("balakot", user_dir=tempfile.mkdtemp())
    Traceback (most recent call last):
    ...
    medialit.user.UserArticleError: There is no article of your own with id 'balakot'. It is one of the five pieces: load it with ml.load_sentences(). You have not added any article yet.
    """
    folder = _article_folder(article_id, user_dir)
    meta = _read_meta(folder)
    if meta.get("article_id") != article_id:
        raise UserArticleError(
            f"The folder {article_id!r} holds meta.json for {meta.get('article_id')!r}, so it was not made by "
            "ml.user.add_article for this id; it was left alone. Delete it by hand if you are sure."
        )
    trash = Path(tempfile.mkdtemp(prefix=f".removing-{article_id}-", dir=folder.parent))
    os.replace(folder, trash / article_id)
    shutil.rmtree(trash, ignore_errors=True)
