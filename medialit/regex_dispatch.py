"""Building and matching big alternations of words fast: a prefix tree of words, and a pattern
split by the first character a match can start with.  Used by :mod:`medialit.accusation_words`.

>>> _trie(["bomb", "blame", "bombing"])
'(?:b(?:lame|omb(?:ing)?))'
>>> table = _dispatch_by_first_char(re.compile(r"(?<![\\w-])(?:attack|bomb|arm(?:s|ed))(?![\\w-])"))
>>> sorted(table), bool(table["b"].match("bomb")), table["a"].match("bomb")
(['a', 'b'], True, None)
"""

from __future__ import annotations

import re

__all__ = ["prefix_tree", "split_anchored", "split_alternatives", "search_by_first_char", "word_starts",
           "_dispatch_by_first_char", "_trie"]


def prefix_tree(terms) -> str:
    """A regex for "any of ``terms``, longest first", written as a prefix tree (empty terms are ignored).

    ``re`` tries the branches of ``a|b|c`` one after another, so a flat list of 200
    words is slow.  Sharing prefixes lets it give up after a character or two.  Every
    optional tail is greedy, so, exactly like a flat list sorted longest first, the
    longest term that fits the rest of the pattern is the one matched.

    >>> prefix_tree(["says", "said", "say", "claim"])
    '(?:claim|sa(?:id|y(?:s)?))'
    """
    tree: dict = {}
    for term in {t for t in terms if t}:
        node = tree
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}  # a term ends here

    def branch(node: dict) -> str:
        tails = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not tails:
            return ""
        body = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


def _trie(words) -> str:
    """:func:`prefix_tree` as one group.

    >>> _trie(["bomb", "blame", "bombing"])
    '(?:b(?:lame|omb(?:ing)?))'
    """
    return "(?:" + prefix_tree(words) + ")"


def _first_chars(items) -> set | None:
    """The characters a parsed regex (a sequence of ``re._parser`` items) can start with; None if
    any character could (a class, a category) or if it can match the empty string."""
    found = _first_of_sequence(items)
    return None if found is None or found[1] else found[0]


def _first_of_sequence(items):
    """``(first characters, can be empty)`` of a sequence of parsed items, or None if unknown."""
    chars: set = set()
    for item in items:
        found = _first_of_item(*item)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _first_of_item(op, av):
    from re import _constants as c

    if op is c.LITERAL:
        return {chr(av)}, False
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # consumes nothing: the next item starts the match
    if op is c.SUBPATTERN:
        return _first_of_sequence(av[-1])
    if op is c.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:
            found = _first_of_sequence(branch)
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
        return chars, empty
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return {chr(v) for _, v in av}, False
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        found = _first_of_sequence(av[2])
        return None if found is None else (found[0], found[1] or av[0] == 0)
    return None


def _dispatch_by_first_char(pattern: re.Pattern) -> dict:
    """For a pattern ``(?<![\\w-])(?:A|B|C ...)(?![\\w-])``, one pattern per first character holding
    only the branches that can start with it, in their order: at a position, the branch tried first
    that matches is the same as in the whole pattern, so ``match`` gives the same result, faster."""
    from re import _constants as c, _parser

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    body = [item for item in parsed if item[0] is c.BRANCH]
    if len(body) != 1:
        return {}
    source = pattern.pattern
    head, tail = r"(?<![\w-])(?:", r")(?![\w-])"
    if not (source.startswith(head) and source.endswith(tail)):
        return {}
    branches = _split_top(source[len(head):-len(tail)])
    parsed_branches = body[0][1][1]
    if len(branches) != len(parsed_branches):
        return {}
    starts = [_first_chars(b) for b in parsed_branches]
    if any(s is None for s in starts):
        return {}
    table = {}
    for ch in set().union(*starts):
        chosen = [b for b, s in zip(branches, starts) if ch in s]
        table[ch] = re.compile(head + "|".join(chosen) + tail, pattern.flags)
    return table


def split_anchored(pattern: re.Pattern):
    """``(anchored, floating)``: the top-level alternatives of ``pattern`` that start with ``^`` and
    the others, each as one pattern with the same flags (None where there are none); None if the
    pattern cannot be split.

    Without MULTILINE, ``^`` matches only at the start, so ``pattern.search(s)`` finds a match
    exactly when ``anchored.match(s)`` or ``floating.search(s)`` does, and the anchored
    alternatives are no longer tried at every character.

    >>> anchored, floating = split_anchored(re.compile(r"^read more|cookies?|^tags?:", re.IGNORECASE))
    >>> anchored.pattern, floating.pattern
    ('^read more|^tags?:', 'cookies?')
    >>> bool(anchored.match("Tags: India")), bool(floating.search("We use COOKIES")), anchored.match("x tags:")
    (True, True, None)
    """
    from re import _constants as c, _parser

    if pattern.flags & re.MULTILINE:
        return None
    parsed = list(_parser.parse(pattern.pattern, pattern.flags))
    sources = _split_top(pattern.pattern)
    if len(sources) == 1:
        items = [parsed]
    elif len(parsed) == 1 and parsed[0][0] is c.BRANCH and len(parsed[0][1][1]) == len(sources):
        items = parsed[0][1][1]
    else:
        return None
    anchored = [src for src, item in zip(sources, items) if list(item[:1]) == [(c.AT, c.AT_BEGINNING)]]
    floating = [src for src, item in zip(sources, items) if list(item[:1]) != [(c.AT, c.AT_BEGINNING)]]
    return tuple(re.compile("|".join(part), pattern.flags) if part else None for part in (anchored, floating))


def ascii_twin(pattern: re.Pattern) -> re.Pattern:
    r"""``pattern`` compiled with ``re.ASCII``, for ASCII text only (``text.isascii()``), where it finds
    exactly what ``pattern`` finds, faster (``\w`` is then a table look-up, not up to four Unicode
    tests a character); ``pattern`` itself where that cannot be promised.

    On ASCII text ``\w``, ``\d`` and ``\b`` mean the same either way; ``\s`` does not (Unicode counts
    ``\x1c``-``\x1f`` as spaces) and neither does case-insensitive matching (a pattern's "k" also takes
    the Kelvin sign), so patterns with those keep their own flags.

    >>> twin = ascii_twin(re.compile(r"(?<![\w-])said"))
    >>> bool(twin.flags & re.ASCII), twin.search("he said").start()
    (True, 3)
    >>> pattern = re.compile(r"\s+said")
    >>> ascii_twin(pattern) is pattern
    True
    """
    if pattern.flags & re.IGNORECASE or re.search(r"\\[sS]|\(\?[aLmsux-]*i", pattern.pattern):
        return pattern
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


def word_starts(alternatives: str):
    r"""A function giving ``[m.start() for m in re.finditer(r"(?<![\w-])" + alternatives, text)]``, faster.

    A pattern that opens with a lookbehind is tried at every character.  This one, "a character
    outside ``[\w-]``, then the alternatives" searched in ``" " + text``, is tried only after such a
    character; every place is found (the matches may overlap), and a place inside the previous
    match is then dropped, as ``finditer`` never starts a match there.

    >>> starts = word_starts("attack|war crime|crime")
    >>> starts("a war crime, counter-attack; attacks"), [m.start() for m in re.finditer(r"(?<![\w-])(?:attack|war crime|crime)", "a war crime, counter-attack; attacks")]
    ([2, 29], [2, 29])
    """
    places = re.compile(r"[^\w-](?=(" + alternatives + "))")
    ascii_places = ascii_twin(places)

    def starts(text: str) -> list:
        found, end = [], 0
        for place in (ascii_places if text.isascii() else places).finditer(" " + text):
            at = place.start()  # where the alternative starts, in ``text``
            if at >= end:
                found.append(at)
                end = place.end(1) - 1
        return found

    return starts


def split_alternatives(pattern: re.Pattern) -> tuple:
    """``((literal, alternative), ...)``: each top-level alternative of ``pattern`` compiled on its own
    (same flags), with the longest run of plain characters that every match of it contains, lower-cased
    (None when it has none, or when a character of the run has a case outside ASCII).

    ``pattern.search(s)`` finds a match exactly when one of the alternatives does; an alternative can
    only match where its literal occurs in ``s`` (for a case-insensitive pattern: in ``s`` lower-cased
    after mapping the three letters ``lower()`` leaves apart, as the tagger's page-role filters fold
    it), so the others need not be run.

    >>> [(literal, alternative.pattern) for literal, alternative in split_alternatives(re.compile("Send us (?:a )?tips?|[0-9]+ ago|x?"))]
    [('send us ', 'Send us (?:a )?tips?'), (' ago', '[0-9]+ ago'), (None, 'x?')]
    """
    return tuple((_required_literal(source, pattern.flags), re.compile(source, pattern.flags))
                 for source in _split_top(pattern.pattern))


def _required_literal(source: str, flags: int) -> str | None:
    """The longest run of literal characters at the top level of ``source`` (so in every match), lower-cased."""
    from re import _constants as c, _parser

    runs, run = [], ""
    for op, av in _parser.parse(source, flags):
        if op is c.LITERAL:
            run += chr(av)
        else:
            runs.append(run)
            run = ""
    best = max([*runs, run], key=len)
    if not best or not all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in best):
        return None
    return best.lower()


def search_by_first_char(pattern: re.Pattern, table: dict):
    r"""A function giving ``pattern.search(text)`` for a pattern ``(?<![\w-])(?:A|B ...)(?![\w-])`` and its
    :func:`_dispatch_by_first_char` table: at each place a match could start (after a character
    outside ``[\w-]``, on a character the table knows) only the branches that can start with that
    character are tried; the first place where they match is where ``pattern.search`` matches,
    and ``pattern`` itself then gives the match there.  With an empty table, plain ``pattern.search``.

    >>> words = re.compile(r"(?<![\w-])(?:attack\w*|bomb)(?![\w-])")
    >>> search = search_by_first_char(words, _dispatch_by_first_char(words))
    >>> search("a counter-attack, then attacks").span(), words.search("a counter-attack, then attacks").span()
    ((23, 30), (23, 30))
    """
    if not table:
        return pattern.search
    places = re.compile(r"[^\w-](?=[" + "".join(re.escape(ch) for ch in sorted(table)) + r"])")
    get = table.get

    def search(text: str):
        for place in places.finditer(" " + text):  # searched in " " + text: the start counts as a gap
            at = place.start()  # the character after the gap, in ``text``
            if get(text[at]).match(text, at):
                return pattern.match(text, at)
        return None

    return search


def _split_top(source: str) -> list:
    """Split a regex source at its top-level ``|`` (not inside groups or classes)."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1:i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts
