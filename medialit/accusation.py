"""Who accuses whom: the codebook's §4 (``accusation``, ``accuser``, ``accused``) by rule.

A sentence carries an accusation when it states or reports a charge that an
**identifiable party** did something wrong (attacked, killed, harboured,
sponsored, violated, failed a duty ...).  The rules here are written from
general English, not from any article:

* a **charge frame** names the accused directly: "X accuses Y of ...",
  "X blamed Y for ...", "Y has been accused of ...", "accusations against Y",
  "X denied involvement in ..." (a denial that restates the charge);
* a **wrongdoing predicate** (a verb or noun of wrongdoing: *attacked*,
  *harbouring*, *violations*, *safe havens* ...) whose agent is a party:
  its subject ("The group attacked ..."), a "by"/"to" agent ("attacks
  carried out by Y", "attributed to Y"), or the owner of the act ("Y's
  involvement");
* a party is identifiable when it is named (capitalised words, an acronym,
  a national adjective with an institution: "Pakistani forces").  Generic
  "militants" or "gunmen" are not.  "The group", "it", "they" as the agent
  refer to the last party named in the sentences just before.

``accuser`` is the sentence's source when it is attributed (or the subject of
the charge verb), "unnamed" for a charge with no speaker, else ``writer``.
Names are printed as the text prints them, joined with "; ".

>>> find("Officials accused the Northern Front of shelling the bridge.", label="attributed", source="Officials")
(1, 'Officials', 'Northern Front')
>>> find("The river rose by two metres overnight.")
(0, '', '')
>>> find("Militants attacked a checkpoint on Monday.")  # no identifiable party
(0, '', '')
>>> find("Valdian troops shelled the border town, killing four people.")
(1, 'writer', 'Valdian troops')
"""

from __future__ import annotations

import re

__all__ = ["find", "AccusationFinder"]

# Wrongdoing: verbs (all forms) and nouns of acts a party is charged with.  General English
# and the vocabulary of armed conflict; nothing here names a particular conflict.
_WRONG_STEMS = (
    r"attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|bomb(?:s|ed|ing|ings)?|shell(?:s|ed|ing)|"
    r"kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|massacre(?:s|d)?|slaughter(?:s|ed)?|assassinat(?:e|es|ed|ing|ion)|"
    r"(?:opened|opens|open|opening) (?:\w+ )?fire|fired (?:on|at|upon)|struck|target(?:s|ed|ing)|raid(?:s|ed)|invad(?:e|es|ed|ing)|"
    r"invasion|occup(?:y|ies|ied|ying|ation)|harbou?r(?:s|ed|ing)?|(?:air|drone|missile)[ -]?strikes?|"
    r"infring(?:e|es|ed|ing|ement)|distort(?:s|ed|ing|ion)?|threaten(?:s|ed|ing)?|hurl(?:s|ed|ing)? threats|intimidat(?:e|es|ed|ion)|shelter(?:s|ed|ing)|sponsor(?:s|ed|ing|ship)?|"
    r"fund(?:s|ed|ing)|financ(?:e|es|ed|ing)|arm(?:s|ed|ing)(?= (?:militants|rebels|insurgents|groups|fighters))|"
    r"train(?:s|ed|ing)(?= (?:militants|fighters|insurgents|terrorists|recruits))|recruit(?:s|ed|ing)|"
    r"back(?:s|ed|ing)(?= (?:the )?(?:militants|insurgents|terror|gunmen|rebels|attackers|separatists|proxies))|"
    r"support(?:s|ed|ing)? (?:for )?(?:the )?(?:militants|insurgents|terror\w*|gunmen|rebels|attackers|separatists|proxies|the group)|"
    r"safe havens?|sanctuar(?:y|ies)|proxies|proxy war|infiltrat(?:e|es|ed|ing|ion)|"
    r"violat(?:e|es|ed|ing|ions?)|interfer(?:e|es|ed|ing|ence)|meddl(?:e|es|ed|ing)|sabotag(?:e|es|ed|ing)|"
    r"destabili[sz](?:e|es|ed|ing|ation)|lie[sd]|lying|deceiv(?:e|es|ed|ing)|cover(?:ed)? up|"
    r"fail(?:s|ed|ing|ure)? to (?:act|stop|prevent|protect|curb|rein|control|honou?r|keep|take|dismantle|address|deliver)|"
    r"(?:giv|provid|offer|extend|lend)(?:e|es|ed|ing|s)? (?:\w+ ){0,3}(?:training|sanctuary|shelter|refuge|"
    r"safe havens?|funds|funding|weapons|arms|patronage) (?:to|for)|"
    r"(?:support|train|fund|financ|arm|harbou?r|shelter|patronis|patroniz)(?:e|es|ed|ing|s)? (?:and \w+ )?(?:\w+ ){0,2}"
    r"(?:militant|terror\w*|extremist|insurgent|jihadi|armed|proxy|non-state)\s*(?:groups?|outfits?|organi[sz]ations?|actors?|"
    r"fighters|proxies|networks?)|"
    r"(?:is|are|was|were|been|being) (?:\w+ )?trained|military training|training (?:camps?|modules?|facilities)|"
    r"recruitment drive|campaign of (?:violence|terror)|violent campaign|terror patronage|patronage|refuge|hideouts?|"
    r"operat\w* from (?:\w+ ){0,2}(?:soil|territory|bases?)|"
    r"turn(?:s|ed|ing)? a blind eye|persecut(?:e|es|ed|ing|ion)|tortur(?:e|es|ed|ing)|abduct(?:s|ed|ing|ion)|"
    r"kidnap(?:s|ped|ping)?|atrocit(?:y|ies)|war crimes?|genocide|aggression|complicit|complicity|"
    r"involvement in|involved in|responsible for|behind the (?:attack|bombing|killing|blast|strike)s?|"
    r"mastermind(?:s|ed|ing)?|orchestrat(?:e|es|ed|ing)|plott(?:ed|ing)|"
    r"carr(?:y|ies|ied|ying) out (?:\w+ ){0,3}(?:attacks?|bombings?|strikes?|assaults?|raids?|killings?)|"
    r"claim(?:s|ed|ing)? responsibility|took credit|unprovoked|terror(?:ist)? attacks?|suicide (?:attack|bombing)s?|"
    r"claimed by|role in (?:the |a |an )?(?:\w+ ){0,2}(?:attacks?|bombings?|killings?|violence|terror\w*|insurgency|militancy)|"
    r"(?:sen[dt]|sending|sends|push(?:ed|es|ing)?|smuggl(?:e|es|ed|ing)) (?:\w+ ){0,2}(?:militants|fighters|terrorists|infiltrators|weapons|arms)|"
    r"firing"
)
_WRONG_RE = re.compile(r"(?<![\w-])(?:" + _WRONG_STEMS + r"|(?:launch|conduct|stag|mount|perpetrat)\w* (?:\w+ ){0,2}"
                       r"(?:attacks?|raids?|strikes?|assaults?|bombings?)|operat\w* from (?:\w+ )?(?:sanctuar|safe haven|hideout|base)\w*)"
                       r"(?![\w-])")
#: Wrongdoing words that are nouns here ("a deadly attack", "the bombing", "violations"): their agent
#: is a "by X" after them or a party named right before them ("TTP attacks", "Indian shelling"),
#: never simply the subject of the sentence.
_NOUN_WRONGS = re.compile(
    r"^(?:attacks?|assaults?|bombings?|raids?|killings?|massacres?|invasion|occupation|sponsorship|safe havens?|"
    r"sanctuar(?:y|ies)|proxies|proxy war|infiltration|violations?|interference|destabili[sz]ation|"
    r"persecution|torture|abduction|atrocit(?:y|ies)|war crimes?|genocide|aggression|complicity|"
    r"terror(?:ist)? attacks?|suicide (?:attack|bombing)s?|shelling|assassination|support .*|firing|"
    r"(?:air|drone|missile)[ -]?strikes?|occupation|infringement|distortion|intimidation)$"
)
_NOUN_BEFORE = frozenset(
    "a an the this that these those its their his her our recent latest deadly fresh new weekend last "
    "suicide terror terrorist cross-border border militant alleged suspected major twin multiple several "
    "frequent repeated further any such".split()
)
#: A party that can stand right before a noun of wrongdoing: an acronym or a national adjective.
_MODIFIER_PARTY = re.compile(r"^(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+(?:i|ian|an|ese|ish))$")
#: "TTP-linked violence", "state-sponsored", "Kabul-backed militants".
_LINKED_RE = re.compile(
    r"(?<![\w-])([A-Z][\w]*(?:-[A-Z][\w]*)?)-(?:linked|backed|sponsored|affiliated|led|supported|funded|trained)\s+"
    r"(?:\w+\s+){0,2}(?:violence|militancy|terrorism|insurgency|militants|attacks?|groups?|fighters|proxies|gunmen|insurgents)"
)
#: Verbs of charging someone: the party after them is the accused.
_CHARGE_RE = re.compile(
    r"(?<![\w-])(?P<verb>accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|implicat(?:e|es|ed|ing)|"
    r"h(?:old|olds|eld|olding))\s+(?P<object>.{1,80}?)\s+(?:of|for|with|responsible)\b",
)
#: Condemning a party or its act is a charge: "condemned Pakistan", "denounced Norland's actions as ...".
_CONDEMN_RE = re.compile(
    r"(?<![\w-])(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied)|slam(?:s|med|ming)?|"
    r"lambast(?:s|ed|ing)?)\s+(?P<object>[^,;.]{1,80})"
)
#: "blamed the attack on Y", "attributed the bombing to Y", "pointed the finger at Y".
_BLAME_ON_RE = re.compile(
    r"(?<![\w-])(?:blam(?:e|es|ed|ing)|pinn(?:ed|ing) the blame|attribut(?:e|es|ed|ing)|point(?:s|ed|ing)? the finger)"
    r"\s+(?:[^,;.]{0,50}?\s)?(?:on|to|at)\s+(?P<object>[^,;.]{1,60})"
)
_PASSIVE_CHARGE_RE = re.compile(
    r"(?:is|are|was|were|has been|have been|had been|being|stands?|stood)\s+(?:\w+ly\s+)?(?:accused|blamed|charged)\s+(?:of|for|with)\b"
)
_NOUN_CHARGE_RE = re.compile(
    r"(?<![\w-])(?:accusations?|allegations?|charges?|claims?|blame)\s+(?:\w+\s+){0,4}?(?:against|on|at)\s+(?P<object>[^,;.]{1,60}?)"
    r"(?:\s+(?:of|that|for|over|in)\b|$|[,;.])"
)
_DENIAL_RE = re.compile(
    r"(?<![\w-])(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:the\s+|any\s+|all\s+)?"
    r"(?:accusations?|allegations?|charges?|claims?|involvement|role|responsibility|links?|support)\b"
)
_AGENT_AFTER_RE = re.compile(
    r"(?<![\w-])(?:by|to|from)\s+(?P<agent>(?:the\s+)?(?:[A-Z][\w'’.-]*|[A-Z]{2,}[\w-]*)(?:\s+(?:of\s+|al-|e-|ul-|i-)?[A-Z][\w'’.-]*)*)"
)
#: A capitalised stretch: a name, an acronym, a national adjective with the noun after it.
_NAME_RE = re.compile(
    r"(?:[A-Z][\w’'.-]*|[A-Z]{2,}[\w-]*)(?:\s+(?:of\s+the\s+|of\s+|al-|e-|ul-|i-|and\s+(?=[A-Z]))?(?:[A-Z][\w’'.-]*))*"
    r"(?:\s+(?:forces|troops|army|military|government|authorities|officials|intelligence|police|soldiers|"
    r"security forces|establishment|regime|militia|agencies|agency|border guards|fighters|spokesman|spokesperson))?"
)
#: Capitalised words that are not names when they open a sentence (or a name on their own).
_NOT_NAMES = frozenset(
    "the a an this these those it its they their he she his her we our i you in on at after before during over "
    "since despite meanwhile however but and or so yet also last recent later earlier just while when if as "
    "both several many some most all few other such no every each one two three four five six seven eight nine "
    "ten monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow according following amid among "
    "unknown armed suspected local security earlier further there here what who why how where which".split()
)
#: Anaphoric agents that point back to the last party named.
_ANAPHORS = ("the group", "the outfit", "the organisation", "the organization", "the militant group",
             "the network", "the faction", "it", "they", "the militia", "the movement", "the regime",
             "these organizations", "these organisations", "these outfits", "these militants", "these cadres",
             "these fighters", "the fighters", "the militants", "the country", "its", "their", "the group's")
_GROUP_WORD = re.compile(r"\b(?:Taliban|State|Front|Army|Movement|Group|Brigade|Network|Organi[sz]ation|Party|Council|"
                         r"Tehreek|Tehrik|Lashkar|Jaish|Hizb\w*|Qaeda|Qaida|Mujahideen|Militia|Forces)\b")
#: Endings and words of capitalised sentence openers that are not names.
_COMMON_ENDINGS = ("ed", "ing", "ly", "ity", "ancy", "ency", "ness", "ment", "tion", "sion", "ism", "ance", "ence",
                   "ure", "ies", "ists", "ants", "ers", "men", "els", "ors", "ces", "ops")
_COMMON_OPENERS = frozenset(
    "new old adopt allow ensure take make stop end give build hold let consider remember imagine support create "
    "provide put restore resume reject resist review use act demand keep start strengthen establish cooperate "
    "prevent reform protect stand join tell ask help despite although though whereas because unless until "
    "meanwhile nevertheless moreover furthermore additionally similarly likewise instead still then thus hence "
    "indeed perhaps maybe border regions security violence terrorism militancy".split()
)
#: Word beginnings that every pattern above needs: a sentence without any of them is skipped at once.
_TRIGGER_STARTS = (
    "attack assault bomb shell kill murder massacr slaughter assassinat open fired struck target raid invad invasion "
    "occup harbo shelter sponsor fund financ armed arms arming trained training recruit backed backing backs support "
    "safe haven sanctuar prox infiltrat violat interfer meddl sabotag destabili lie lied lying deceiv cover fail giv "
    "provid offer extend lend patron campaign violent terror refuge hideout operat persecut tortur abduct kidnap "
    "atrocit war crime genocide aggression complicit involve responsible behind mastermind orchestrat plott carr "
    "claim took unprovoked suicide launch conduct stag mount perpetrat accus blam charg implicat hold held allegation "
    "deni deny reject dismiss military air drone missile strike infring distort threat hurl intimidat condemn denounc "
    "decr slam lambast attribut finger pinn role sen push smuggl firing"
).split()
#: A party the sentence points to without naming it: a state, government, agency or army (codebook §4,
#: "vague accused").  Generic militants, gunmen or terrorists are not in it.
_VAGUE_PARTY_RE = re.compile(
    r"\b(?:(?:its|their|the|some|certain|neighbou?ring|foreign|hostile|rival|state|regional)\s+){0,3}"
    r"(?:states|state actors|governments?|authorities|regimes?|intelligence agencies|spy agenc(?:y|ies)|establishment|"
    r"administration|security establishment)\b",
    re.IGNORECASE,
)
_SUBJECT_STOP = re.compile(r"[,;:()“”\"—–]|\b(?:who|which|that|when|after|before|while|as|since|because)\b")


_POSSESSIVE_END = re.compile(r"[’']s?$")
_AGENT_END = re.compile(r"[,;.:()“”\"]|\s(?:at|in|on|during|near|after|before|since|while|who|which|that)\s")
_INNER_ANAPHOR = re.compile(r"\b(?:this|that|the same) (?:organi[sz]ation|group|outfit|network|faction|militia)\b")
_ATTRIBUTIVE_NEXT = re.compile(r"(?:territor|area|land|region|part|portion|jammu|kashmir|palestin|zone)")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$")
_OF_THAT_IN = re.compile(r"\b(?:of|that|in)\b")
_BY_TO = re.compile(r"\b(?:by|to)\s+")
_OWNER_ANAPHOR = re.compile(r"(?:^|\s)(its|their|the group's|the group’s)\s+(?:\w+\s+){0,2}$")
_OWNER_NAME = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)[’']s\s+(?:\w+\s+){0,2}$")


#: Which patterns a sentence can match at all, from the word pieces each one needs; all found in one pass.
_NEEDLE_GROUPS: dict = {}
for _group, _needles in {
    "charge": ("accus", "blam", "charg", "implicat", "hold", "held"),
    "blame": ("blam", "attribut", "finger"),
    "condemn": ("condemn", "denounc", "decr", "slam", "lambast"),
    "passive": ("accused", "blamed", "charged"),
    "noun": ("accusation", "allegation", "charge", "claim", "blame"),
    "denial": ("deni", "deny", "reject", "dismiss"),
}.items():
    for _needle in _needles:
        _NEEDLE_GROUPS.setdefault(_needle, set()).add(_group)
# longer needles first, and every needle that a longer one contains is added to that one's groups
for _needle in list(_NEEDLE_GROUPS):
    for _other in _NEEDLE_GROUPS:
        if _other != _needle and _other in _needle:
            _NEEDLE_GROUPS[_needle] |= _NEEDLE_GROUPS[_other]
_NEEDLES_RE = re.compile("|".join(sorted(map(re.escape, _NEEDLE_GROUPS), key=len, reverse=True)))


def _trie(words) -> str:
    """A regex matching any of ``words`` as written, sharing common prefixes (fast to fail).

    >>> _trie(["bomb", "blame", "bombing"])
    '(?:b(?:lame|omb(?:ing)?))'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        tails = [re.escape(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if not tails:
            return ""
        body = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + branch(tree) + ")"


_TRIGGER = re.compile(r"(?<![\w-])" + _trie(_TRIGGER_STARTS))


def _names(text: str) -> list[str]:
    """Identifiable parties named in ``text`` (capitalised stretches that are not common starters)."""
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


def _strip_possessive(name: str) -> str:
    return _POSSESSIVE_END.sub("", name) if name.endswith(("s", "’", "'")) else name


class AccusationFinder:
    """Finds the accusation of each sentence in turn, remembering the sentences before it
    (so that "the group" or "it" can be resolved to the last party named)."""

    def __init__(self) -> None:
        self._previous: list[str] = []  # the two sentences before, whose names are read only when needed
        self._cached: tuple = ((), [])

    def reset(self) -> None:
        self._previous = []

    @property
    def last_parties(self) -> list[str]:
        """Parties named in the nearest sentence before that names any: groups and acronyms first."""
        key = tuple(self._previous)
        if key != self._cached[0]:
            self._cached = (key, self._find_last_parties())
        return self._cached[1]

    def _find_last_parties(self) -> list[str]:
        for text in reversed(self._previous):
            named = _names(text)
            if named:
                return sorted(named, key=lambda n: not (sum(c.isupper() for c in n) >= 2 and " " not in n
                                                        or _GROUP_WORD.search(n)))
        return []

    def __call__(self, text: str, *, label: str = "fact", source: str = "") -> tuple[int, str, str]:
        result = (0, "", "")
        if label != "meta":
            low = text.lower().replace("’", "'")
            if _TRIGGER.search(low) or ("-" in text and _LINKED_RE.search(text)):
                result = self._judge(text, low, label, source)
            self._previous = self._previous[-1:] + [text]
        return result

    def _judge(self, text: str, low: str, label: str, source: str) -> tuple[int, str, str]:
        default_accuser = (source or "unnamed") if label == "attributed" else "writer"
        # 1. "X accuses Y of ...", "X blamed Y for ..."
        wrongs = self._wrongs(low)
        present = {group for needle in _NEEDLES_RE.findall(low) for group in _NEEDLE_GROUPS[needle]}
        m = "charge" in present and _CHARGE_RE.search(low)
        if m:
            accused = _names(text[m.start("object"):m.end("object")]) or self._anaphor(low[m.start("object"):m.end("object")])
            if accused:
                subject = _names(text[:m.start()])
                accuser = subject[-1] if subject and label != "attributed" else default_accuser
                if label == "attributed" and not source and subject:
                    accuser = subject[-1]
                return 1, accuser, "; ".join(dict.fromkeys(accused))
        # 1a. "X blamed the attack on Y"
        m = "blame" in present and _BLAME_ON_RE.search(text)
        if m:
            accused = _names(_AGENT_END.split(m.group("object"), maxsplit=1)[0])
            if accused:
                subject = _names(text[:m.start()])
                accuser = default_accuser if label == "attributed" and source else (subject[-1] if subject else default_accuser)
                return 1, accuser, accused[0]
        # 1b. "X condemned Y's attack", "X denounced the strike" (the party named before, if none here)
        m = "condemn" in present and _CONDEMN_RE.search(text)
        if m:
            obj = m.group("object")
            accused = _names(obj)
            if not accused and self._wrongs(obj.lower()) and self.last_parties:
                accused = self.last_parties[:1]
            if accused:
                subject = _names(text[:m.start()])
                accuser = default_accuser if label == "attributed" and source else (subject[-1] if subject else default_accuser)
                return 1, accuser, "; ".join(dict.fromkeys(accused))
        # 2. "Y has been accused of ...": the subject is the accused, the accuser unnamed
        m = "passive" in present and _PASSIVE_CHARGE_RE.search(low)
        if m:
            accused = self._subject(text, m.start())
            if accused:
                return 1, source or "unnamed", accused
        # 3. "accusations against Y (of ...)"
        m = "noun" in present and _NOUN_CHARGE_RE.search(low)
        if m and (wrongs or " of " in low[m.end("object"):m.end("object") + 4]):
            accused = _names(text[m.start("object"):m.end("object")])
            if accused:
                return 1, default_accuser if label == "attributed" else "unnamed", "; ".join(accused)
        # 4. "TTP-linked violence", "Kabul-backed militants"
        m = _LINKED_RE.search(text)
        if m and m.group(1).lower() not in _NOT_NAMES and m.group(1).lower() not in ("state", "cross", "self"):
            return 1, default_accuser, m.group(1)
        # 5. a wrongdoing predicate with an identifiable agent
        for w in wrongs:
            agent = self._agent(text, low, w)
            if agent:
                accuser = default_accuser
                if w.group().startswith(("claim", "took credit")):
                    accuser = agent  # a claim of responsibility: the party accuses itself
                return 1, accuser, agent
        # 6. a denial that restates the charge: the denier is the accused
        m = "denial" in present and _DENIAL_RE.search(low)
        if m and (wrongs or _OF_THAT_IN.search(low[m.end():m.end() + 20])):
            accused = self._subject(text, m.start())
            if accused:
                return 1, "unnamed", accused
        return 0, "", ""

    @staticmethod
    def _wrongs(low: str) -> list:
        """The wrongdoing matches of ``low``, trying the big pattern only where a trigger word starts."""
        found, end = [], 0
        for start in _TRIGGER.finditer(low):
            if start.start() >= end and (m := _WRONG_RE.match(low, start.start())):
                if m.group() == "occupied":
                    before = low[:m.start()].split()[-1:]
                    if before and (before[0] in ("the", "an", "a") or before[0].endswith("ly")) or (
                            low[m.end():m.end() + 1] == " " and _ATTRIBUTIVE_NEXT.match(low, m.end() + 1)):
                        continue  # "the occupied territory", "illegally occupied Kashmir": part of a name
                found.append(m)
                end = m.end()
        return found

    def _subject(self, text: str, position: int) -> str:
        """The party named in the clause before ``position`` (or the one an anaphor points to)."""
        before = text[:position]
        stop = list(_SUBJECT_STOP.finditer(before))
        clause = before[stop[-1].end():] if stop else before
        names = _names(clause)
        if names:
            return names[0]
        resolved = self._anaphor(clause.lower().strip())
        if not resolved:
            vague = _VAGUE_PARTY_RE.search(clause)
            if vague:  # "its neighbouring states", "state actors": a party, though not named (codebook §4)
                return vague.group().strip()
        if resolved or not stop:
            return resolved
        first = clause.split()[:1]
        verbish = bool(first) and (first[0].lower() in ("has", "have", "had", "is", "are", "was", "were", "took", "also")
                                   or first[0].lower().endswith("ed"))
        opening = _NAME_RE.search(text[:min(position, 60)])  # "The X Front, in a statement, took credit ..."
        if verbish and opening and opening.start() <= 12:
            names = _names(opening.group())
            return names[0] if names else ""
        return ""

    def _anaphor(self, phrase: str) -> str:
        phrase = phrase.strip().lower()
        for word in ("these groups", "those groups") + _ANAPHORS:
            if phrase == word or phrase.startswith(word + " ") or phrase.endswith(" " + word):
                return self.last_parties[0] if self.last_parties else ""
        if _INNER_ANAPHOR.search(phrase):  # "terrorists from this organisation had ..."
            return self.last_parties[0] if self.last_parties else ""
        return ""

    def _agent(self, text: str, low: str, w: re.Match) -> str:
        """Who did the wrong: a "by/to/from" agent after it, the subject before it, or an owner ("Y's role")."""
        if w.group().startswith(("behind the", "responsible for")):  # the party is the noun right before
            names = _names(" ".join(text[:w.start()].split()[-4:]))
            return names[-1] if names else self._subject(text, w.start())
        noun = bool(_NOUN_WRONGS.match(w.group()))
        if noun:
            before = low[:w.start()].split()
            words = text[:w.start()].split()
            if words and _MODIFIER_PARTY.match(words[-1].strip(",;:")):
                return words[-1].strip(",;:")  # "TTP attacks", "Indian shelling"
            if before and w.group() in ("attack", "attacks", "raid", "raids", "bomb", "bombs") and (
                    before[-1].endswith("ly") or before[-1] in ("to", "they", "it", "who", "which", "that", "and")):
                noun = False  # "continues to attack", "it attacks": a verb
        after = _AGENT_AFTER_RE.match(text, w.end() + 1) if w.end() < len(text) else None
        if after is None:
            m = _BY_TO.search(text[w.end():w.end() + 60])
            if m and w.group() not in ("unprovoked",):
                after = _AGENT_AFTER_RE.match(text, w.end() + m.start())
        if after:
            tail = _AGENT_END.split(text[after.start("agent"):after.start("agent") + 80], maxsplit=1)[0]
            names = _names(tail) or _names(after.group("agent"))
            if names:
                return names[0]
        if not noun and not _PASSIVE_BEFORE.search(low[:w.start()]):  # "were targeted": the subject is the victim
            subject = self._subject(text, w.start())
            if subject:
                return subject
        if noun:  # "its failure to", "the group's persistent attacks": the owner is the subject or the last party
            owner = _OWNER_ANAPHOR.search(text[:w.start()].lower())
            if owner:
                subject = self._subject(text, w.start() - len(owner.group()))
                return subject or (self.last_parties[0] if self.last_parties else "")
        # "Y's involvement in", "Y-backed": the owner of the act
        owner = _OWNER_NAME.search(text[:w.start()]) if "s " in text[:w.start()] else None
        if owner and owner.group(1).lower() not in _NOT_NAMES:
            return owner.group(1)
        return ""


def find(text: str, *, label: str = "fact", source: str = "") -> tuple[int, str, str]:
    """``(accusation, accuser, accused)`` of one sentence read on its own.

    >>> find("The Western League has been accused of funding the rebels.")
    (1, 'unnamed', 'Western League')
    """
    return AccusationFinder()(text, label=label, source=source)
