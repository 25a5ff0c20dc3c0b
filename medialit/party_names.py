"""Parties a sentence names: the "identifiable party" of the codebook's §4.

A party is named when the text gives it a name: capitalised words, an acronym, a national
adjective with an institution ("Norland army").  "The government" alone is an institution but not
a named party; as the object of a charge verb ("accused the military of ...") it still points at
one (:data:`CHARGED_INSTITUTION_RE`).
"""

from __future__ import annotations

import re

from .accusation_words import _COMMON_ENDINGS, _COMMON_OPENERS, _NAME_RE, _NOT_NAMES, _strip_possessive

__all__ = ["names", "CHARGED_INSTITUTION_RE"]

#: An institution named by its kind, as the object of a charge verb ("accused the military of ...").
CHARGED_INSTITUTION_RE = re.compile(
    r"^the (?:\w+ )?(?:military|army|government|authorities|administration|regime|police|security forces|forces|"
    r"establishment|intelligence agencies|agencies|state|leadership|rulers)$")


def names(text: str) -> list[str]:
    """Identifiable parties named in ``text``: capitalised stretches that are not common starters.

    >>> names("The Norland army crossed the river."), names("The quarrel has reached a new stage.")
    (['Norland army'], [])
    """
    found = []
    for m in _NAME_RE.finditer(text):
        name = m.group().strip(" .’'")
        words = name.split()
        while words and (words[0].lower() in _NOT_NAMES or (m.start() == 0 and words[0].endswith("s")
                                                              and not words[0].isupper() and len(words) == 1)):
            words = words[1:]
        if m.start() == 0 and len(words) == 1 and not words[0].isupper() and (
                words[0].lower().endswith(_COMMON_ENDINGS) or words[0].lower() in _COMMON_OPENERS):
            words = []  # "Formed in 2007 ...", "Militancy ...", "Firstly, ...": not a name
        if not any(word[:1].isupper() for word in words):
            words = []  # "the government": an institution, but not named
        name = " ".join(words).strip(" .’'")
        if len(name) > 1 and name.lower() not in _NOT_NAMES:
            found.append(_strip_possessive(name))
    return found
