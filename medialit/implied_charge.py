"""The last rule of :mod:`medialit.accusation`: a word of wrongdoing and a named party in one sentence.

The grammatical rules of :mod:`medialit.accusation` need to find who did the wrong (the subject of
"attacked", the "by" agent of "attacks", the object of "accused").  Real news and opinion writing
often charges a party less directly: "provocations from the Pakistani side", "the group's
training centres in these provinces", "a false flag narrative", "you failed to consult".  Human
annotators following the codebook (§4, including its vague and insinuated charges) mark such
sentences as accusations; on hand-labelled real articles the grammatical rules missed about half
of them.  This rule is the fallback for a sentence no other rule charged: when it holds

* a word of wrongdoing or blame (:data:`IMPLIED_WRONG_RE`: attacks, incursions, interference,
  harbouring, baseless, false flag, failure, exploitation, illegal ...) that is not the object of
  countering it ("to combat terrorism", "repelled the infiltration", "victims of terrorism") and
  not a passive that names no doer ("were killed");
* and a party named in it: a state, an institution or armed group ("Norland", "the Valdian side",
  "Red Front", "KDF"), not the sentence's own source, not a place after "in", "at", "across" ...,
  a dateline, a landmark, or a victim ("soldiers were martyred").  A town or a person named
  alone is not enough: the rule cannot tell a party from a place by its name,

the sentence is read as charging the party named nearest before the word (else the first one
after it).  Its guess is not passed on to the next sentence (see ``AccusationFinder``).  A prescription ("X must end ...") and a question are left alone, as in
:func:`medialit.accusation._judged_by_writer`.  The rule is deliberately loose: it trades some
precision for recall, and the tagger's figures on real articles (``data/README.md``) say how
often it agrees with people.

>>> implied_charge("Furthermore, the Norland army has repeatedly exploited the border for political gains.")
(1, 'writer', 'Norland army')
>>> implied_charge("Kersk has repeatedly exploited the border.")  # a town or a state? the rule cannot tell
(0, '', '')
>>> implied_charge("Incidents happen mostly because of provocations from the Valdian side.",
...                label="attributed", source="an official")
(1, 'an official', 'Valdian')
>>> implied_charge("Norland must continue its efforts to combat terrorism.")
(0, '', '')
>>> implied_charge("Two Norland soldiers were killed in the attack near Kerem.")
(0, '', '')
>>> implied_charge("The river rose by two metres in Kerem.")
(0, '', '')
"""

from __future__ import annotations

import re

from .accusation_words import (
    _ARMED_TARGET, _COMMON_ENDINGS, _COMMON_OPENERS, _MODIFIER_PARTY, _NAME_RE, _NOT_NAMES, _POSSESSIVE_END, _PRESCRIPTION,
    _STRIKE_WORD,
)
from .regex_dispatch import ascii_twin

__all__ = ["implied_charge", "names_inside", "IMPLIED_WRONG_RE"]

#: General English words of wrongdoing, hostility and blame (acts, failures, lies, sheltering armed groups).
IMPLIED_WRONG_RE = re.compile(
    r"(?<![\w-])(?:attack\w*|assault\w*|struck|shell(?:ed|ing|s)|fired|firing|bomb(?:ed|ing|ings)|kill(?:ed|ing|ings)|"
    r"massacre\w*|incursions?|intrusions?|infiltrat\w*|violat\w*|aggressi\w*|provocat\w*|interfer\w*|meddl\w*|"
    r"terroris[mt]s?|sponsor\w*|harbou?r\w*|sanctuar\w*|havens?|hideouts?|prox(?:y|ies)|"
    r"baseless|false[- ]flag|fabricat\w*|propaganda|lies|lying|blam\w*|finger\w*|failed|failure|fails|neglect\w*|"
    r"exploit\w*|undermin\w*|illegal\w*|unlawful\w*|encroach\w*|designs|complicit\w*|facilitat\w*|"
    r"training (?:camps?|centres?|centers?)|atrocit\w*|brutal\w*|barbar\w*|carnage|heinous|cowardly|dastardly|"
    r"hostile|hostility|duplicity|deceit\w*|betray\w*|arrogan\w*|irresponsib\w*)(?![\w-])"
)
#: The wrong is what someone counters or suffers: "to combat terrorism", "repelled the infiltration".
_COUNTERED = re.compile(
    r"\b(?:combat\w*|fight\w*|against|counter\w*|tackl\w*|defeat\w*|curb\w*|dismantl\w*|shut\w*|down on|eliminat\w*|"
    r"eradicat\w*|root out|end|ending|stop\w*|prevent\w*|victims? of|hit by|affected by|suffer\w*|losses to|"
    r"scourge of|menace of|threat of|war on|repuls\w*|repel\w*|foil\w*|thwart\w*|respon\w* to|"
    r"retaliat\w* (?:to|against)|verify|monitor\w*)\s+(?:[\w-]+\s+){0,3}$"
)
#: "were killed", "was attacked" with no "by" after it: the subject is the victim, no doer is named.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be|get|got)\s+(?:\w+ly\s+)?$")
_BY_AFTER = re.compile(r"\s+by\b")
#: A name right after one of these is a place, a target or a counterpart, not the doer.
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|on|into|inside|across|to|against|towards?|over|through|along|within|"
                           r"with|such|for)\s+(?:the\s+)?$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_LANDMARK = re.compile(r"\b(?:Range|Meadow|Valley|District|Province|Line|River|Mountains?|Hills?|Pass|Region|Sector|"
                       r"Road|Highway|Airport|Street|Square|Market|Bazaar|Camp|Crossing)\b")
#: Words that make a name a party: an institution, an armed group, a side.
_INSTITUTION = re.compile(r"\b(?:forces|troops|army|military|government|authorities|officials|intelligence|police|"
                          r"soldiers|establishment|regime|militia|agenc(?:y|ies)|Taliban|State|Front|Movement|Group|"
                          r"Brigade|Network|Party|Council|Tehreek|Tehrik|Lashkar|Jaish|Mujahideen|Emirate|Ministry|"
                          r"Office|side)\b", re.IGNORECASE)
#: The world's states by their common English names: a state is a party (codebook §4), a town or valley is not.
_STATES = frozenset("""
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|
Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|
China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czechia|Czech Republic|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|
France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|
Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
Kiribati|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|
Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|
Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saint Kitts and Nevis|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|
Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|
South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|
Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkiye|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|United Kingdom|Britain|United States|America|Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|
Yemen|Zambia|Zimbabwe
""".replace("\n", "").split("|"))
_VICTIM_AFTER = re.compile(r"[\s\w’']{0,20}?\b(?:were|was|have been|has been|had been|being)\s+(?:\w+ly\s+)?"
                           r"(?:killed|martyred|injured|wounded|targeted|attacked|hit|neutrali[sz]ed)\b")
_DATELINE = re.compile(r"[A-Z][A-Z ]{2,}[:,—–-]")
_ATTACK_AFTER = re.compile(r"\s+(?:attacks?|strikes?|massacres?|bombings?|blasts?|shelling|killings?)\b", re.IGNORECASE)
#: Capitalised words that open a sentence without being a name ("Even as ...", "Widespread support ...").
_OPENERS = _NOT_NAMES | _COMMON_OPENERS | frozenset(
    "even for another with once from through by to into since until although though because whereas given "
    "without within under among between about against these those unless now then thus hence moreover "
    "furthermore besides only indeed perhaps maybe nor neither either much more less allow firstly secondly "
    "finally increased widespread".split())
#: A capitalised word after a word character or ",;)" and a space: ``(?<=[\w,;)] )([A-Z][\w'’-]*[a-z][\w'’-]*)``
#: written with its capital first, so that ``re`` looks only at capitals instead of trying the lookbehind at
#: every character (the same matches: the lookbehind, moved after the capital, looks at the same two characters).
_INSIDE_NAME = re.compile(r"([A-Z](?<=[\w,;)] [A-Z])[\w'’-]*[a-z][\w'’-]*)")
#: The patterns that run on every sentence, for ASCII sentences (the same matches, faster: see ascii_twin).
_IMPLIED_WRONG_ASCII, _INSIDE_NAME_ASCII, _PRESCRIPTION_ASCII = (
    ascii_twin(pattern) for pattern in (IMPLIED_WRONG_RE, _INSIDE_NAME, _PRESCRIPTION))
_OPENER_ENDINGS = _COMMON_ENDINGS + ("ent", "ant", "ous", "ful", "ive", "ial", "ible", "able", "ical")


def names_inside(texts) -> frozenset:
    """Capitalised words that stand inside a sentence somewhere in ``texts`` (not first, not after a quotation
    mark or colon): in this article they are names, so one that opens a sentence is a name too.

    >>> sorted(names_inside(["Talks with Norland stalled.", "Norland denied it.", "Safe havens remain."]))
    ['Norland']
    """
    return frozenset(m.group(1) for text in texts
                     for m in (_INSIDE_NAME_ASCII if text.isascii() else _INSIDE_NAME).finditer(text))


def _parties(text: str, exclude: str, at: int, known: frozenset = frozenset(), low: str = "") -> list[str]:
    """Parties named in ``text``: the nearest before position ``at`` first, then those after it
    (``low``: ``text`` in lower case, if the caller has it).

    >>> text = "SRINAGAR: The Red Front said the Norland army was behind the attack in Kerem."
    >>> _parties(text, "", text.index("attack"))
    ['Norland army', 'Red Front']
    """
    before, after = [], []
    low = low or text.lower()
    dateline = _DATELINE.match(text)
    for m in _NAME_RE.finditer(text):
        if dateline and m.start() < dateline.end():
            continue
        words = m.group().strip(" .’'").split()
        while words and m.start() == 0 and (words[0].lower() in _OPENERS or (not words[0].isupper() and (
                words[0].lower().endswith(_OPENER_ENDINGS) or "-" in words[0] or (len(words) == 1 and words[0].endswith("s"))))):
            words = words[1:]  # "Widespread support ...", "Incidents like this ...": a capital only because it opens
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        name = _POSSESSIVE_END.sub("", " ".join(words)) if words else ""
        if len(name) < 2 or _LANDMARK.search(name) or (exclude and (name in exclude or exclude in name)):
            continue
        if m.start() == 0 and len(words) == 1 and not name.isupper() and name not in known:
            continue  # one capitalised word opening the sentence, never capitalised inside one: not sure it is a name
        party_like = bool(re.search(r"[A-Z]{2,}", name) or _INSTITUTION.search(name) or name in _STATES
                          or _MODIFIER_PARTY.match(words[0]) and (_INSTITUTION.match(text, m.end() + 1) or (
                              IMPLIED_WRONG_RE.match(low, m.end() + 1))))  # "Valdian side", "Valdian shelling"
        preceding = text[max(0, m.start() - 14):m.start()]
        if _PLACE_BEFORE.search(preceding) or (_FROM_BEFORE.search(preceding) and not party_like):
            continue
        if _VICTIM_AFTER.match(text, m.end()) or (_ATTACK_AFTER.match(text, m.end()) and not party_like
                                                  and not _MODIFIER_PARTY.match(name)):
            continue  # "23 soldiers were martyred"; "the Kerem attack" (a place)
        if party_like:
            (before if m.start() < at else after).append((m.start(), name))
    return [n for _, n in sorted(before, reverse=True)] + [n for _, n in sorted(after)]


def implied_charge(text: str, *, label: str = "fact", source: str = "",
                   known: frozenset = frozenset(), low: str | None = None) -> tuple[int, str, str]:
    """``(1, accuser, accused)`` when ``text`` pairs a word of wrongdoing with a named party
    (see the module's docstring), else ``(0, "", "")``.  Meant for a sentence that no
    grammatical rule charged.  ``known``: the article's :func:`names_inside`; ``low``:
    ``text.lower().replace("’", "'")``, if the caller has it already."""
    if low is None:
        low = text.lower().replace("’", "'")
    if label == "meta" or text.rstrip(" ”’\"'").endswith("?") or (
            _PRESCRIPTION_ASCII if low.isascii() else _PRESCRIPTION).search(low):
        return (0, "", "")
    for wrong in (_IMPLIED_WRONG_ASCII if low.isascii() else IMPLIED_WRONG_RE).finditer(low):
        if _STRIKE_WORD.match(wrong.group()) and _ARMED_TARGET.match(low, wrong.end()):
            return (0, "", "")  # "struck militant hideouts": force used against armed groups (codebook §4)
        before = low[max(0, wrong.start() - 30):wrong.start()]
        if _COUNTERED.search(before) or (_PASSIVE_BEFORE.search(before) and not _BY_AFTER.match(low, wrong.end())):
            continue
        parties = _parties(text, source, wrong.start(), known, low)
        if parties:
            return (1, (source or "unnamed") if label == "attributed" else "writer", parties[0])
        return (0, "", "")
    return (0, "", "")
