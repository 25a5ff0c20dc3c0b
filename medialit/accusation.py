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
  refer to the last party named in the sentences just before;
* last, for a sentence none of these charged, :mod:`medialit.implied_charge` (a word of
  wrongdoing and a named party in the same sentence).

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

from .accusation_words import (
    _ADJECTIVE_ENDINGS, _AGENT_AFTER_RE, _AGENT_END, _ANAPHORS, _ARMED_TARGET, _ATTRIBUTIVE_NEXT, _BLAME_END_RE,
    _BLAME_ON_RE, _BY_TO, _CHARGE_RE, _CONDEMN_RE, _CONDUCT_RE,
    _CONDUCT_STRONG_RE, _CONTINUED_CHARGE_RE, _COPULA_BEFORE, _DEMAND_ACTION_RE, _DEMAND_ACTS, _DEMAND_VERBS,
    _DENIAL_RE, _FAILING_RE, _GENERIC_DOERS, _GIVER_BEFORE, _GROUPISH, _GROUP_WORD, _HAVE_BEFORE, _HOST_AFTER,
    _HOST_NOUN, _HOST_RE, _INNER_ANAPHOR, _LINKED_RE, _LINKED_SUFFIXES, _LINKED_TO_RE, _MODIFIER_PARTY, _NAME_RE,
    _NEEDLE_GROUPS, _NOT_CHARGED_PRESENCE, _NOT_NAMES, _NOUN_CHARGE_RE, _NOUN_WRONGS, _NO_LINK_RE, _NO_SUBJECT,
    _NO_SUBJECT_AFTER, _OF_THAT_IN, _OWNER_ANAPHOR, _OWNER_NAME, _PASSIVE_BEFORE, _PASSIVE_CHARGE_RE,
    _POSSESSIVE_END, _PRESCRIPTION, _STAY_RE, _STRIKE_WORD, _SUBJECT_STOP, _TRIGGER_AT, _VAGUE_PARTY_RE,
    _WRONG_BY_CHAR, _WRONG_RE, _WRONG_SEARCH, _strip_possessive,
)

from .implied_charge import implied_charge
from .party_names import CHARGED_INSTITUTION_RE, names
from .party_names import names as _names

__all__ = ["find", "names", "AccusationFinder"]


def _linked_hint(text: str) -> bool:
    return any(suffix in text for suffix in _LINKED_SUFFIXES)


#: Wrongs that are acts (force, violation, failure, lies), as opposed to states ("presence", "safe havens") ...
_ACT_WRONG = re.compile(r"^(?:attack|assault|strike|air strike|bomb|kill|massacre|shell|fir|target|violat|infiltrat|"
                        r"proxy war|threat|fail|invasion|occupation|terror(?:ist)? attack|suicide|hijack|shot|shoot|lie)")


def _judged_by_writer(text: str, low: str) -> tuple[int, str, str]:
    """The writer's own judgement (an advocacy sentence) that names an act of wrongdoing and a
    party: a charge in the writer's voice, even when the party is not the grammatical doer
    ("an act of desperation that bears the stamp of the usual suspect, Pakistan").  The accused is
    the party named nearest before the wrong, else its "by" agent (a party named after it is more
    often its target).  A prescription ("X must end its attacks") or a question is not read this
    way: it says what should be done, or asks.

    >>> _judged_by_writer("Again the valley bears Norland's reckless shelling.", "again the valley bears norland's reckless shelling.")
    (1, 'writer', 'Norland')
    >>> _judged_by_writer("This cowardly attack on the market by the Red Front shames us.", "this cowardly attack on the market by the red front shames us.")
    (1, 'writer', 'Red Front')
    >>> _judged_by_writer("Did the Red Front plan this attack?", "did the red front plan this attack?")
    (0, '', '')
    >>> _judged_by_writer("Norland's shelling must end.", "norland's shelling must end.")
    (0, '', '')
    >>> _judged_by_writer("Militancy bases in Norland are a grave worry.", "militancy bases in norland are a grave worry.")
    (0, '', '')
    """
    wrong = not (text.rstrip(" ”’\"'").endswith("?") or _PRESCRIPTION.search(low)) and _WRONG_SEARCH(low)
    if not wrong or not _ACT_WRONG.match(wrong.group()):
        return (0, "", "")
    before = _names(text[:wrong.start()])
    by_at = text.find(" by ", wrong.end(), wrong.end() + 60)
    by = _AGENT_AFTER_RE.match(text, by_at + 1) if by_at >= 0 and "," not in text[wrong.end():by_at] else None
    party = before[-1] if before else _strip_possessive(by.group("agent").removeprefix("the ")) if by else ""
    return (1, "writer", party) if party else (0, "", "")


class AccusationFinder:
    """Finds the accusation of each sentence in turn, remembering the sentences before it
    (so that "the group" or "it" can be resolved to the last party named)."""

    def __init__(self, names: frozenset = frozenset()) -> None:  # names: implied_charge.names_inside(article)
        self._names = names
        self._previous: list[str] = []  # the two sentences before, whose names are read only when needed
        self._charge = ("", 99)  # the party charged last, and how many sentences ago
        self._cached: tuple = ((), [])

    def reset(self) -> None:
        self._previous = []
        self._charge = ("", 99)

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
            starts = _TRIGGER_AT(low)
            if starts or ("-" in text and _linked_hint(text) and _LINKED_RE.search(text)):
                result = self._judge(text, low, label, source, starts)
            if not result[0] and label == "advocacy" and starts:
                result = _judged_by_writer(text, low)
            accused, ago = self._charge
            if not result[0] and accused and ago <= 1 and _CONTINUED_CHARGE_RE.search(low) and (
                    label == "attributed" or not _names(text)):
                # "The strikes killed 15 ...", "... condemned the airstrikes as a cowardly act" right after a
                # sentence that charged a party: the same charge, its party named the sentence before (§4)
                result = (1, (source or "unnamed") if label == "attributed" else "writer", accused)
            self._charge = (result[2], 0) if result[0] else (accused, ago + 1)
            result = result if result[0] else implied_charge(text, label=label, source=source, known=self._names,
                                                             low=low)
            self._previous = self._previous[-1:] + [text]
        return result

    def _judge(self, text: str, low: str, label: str, source: str, starts=None) -> tuple[int, str, str]:
        default_accuser = (source or "unnamed") if label == "attributed" else "writer"
        # 1. "X accuses Y of ...", "X blamed Y for ..."
        wrongs = self._wrongs(low, starts)
        # which charge patterns can match at all: a plain substring test per word piece (a superset of
        # what a scan for the pieces finds, and each pattern still decides for itself)
        present = set()
        for needle, groups in _NEEDLE_GROUPS.items():
            if needle in low:
                present |= groups
        m = "charge" in present and _CHARGE_RE.search(low)
        if m:
            obj = low[m.start("object"):m.end("object")]
            anaphor = self._anaphor(obj)
            accused = _names(text[m.start("object"):m.end("object")]) or ([anaphor] if anaphor else []) \
                or self._charged_object(text, m.start(), obj)
            if accused:
                subject = _names(text[:m.start()])
                accuser = subject[-1] if subject and label != "attributed" else default_accuser
                if label == "attributed" and not source and subject:
                    accuser = subject[-1]
                return 1, accuser, "; ".join(dict.fromkeys(accused))
        m = "charge" in present and _BLAME_END_RE.search(text)
        if m:  # "Orvenia blames Daskar" (a headline), "accused Norland, ..."
            accused = _names(m.group("object"))
            if accused:
                subject = _names(text[:m.start()])
                accuser = default_accuser if label == "attributed" and source else (subject[-1] if subject else default_accuser)
                return 1, accuser, accused[0]
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
            accused = _names(_AGENT_END.split(obj, maxsplit=1)[0])  # "the attacks on tourists in X": X is a place
            if not accused and (self._wrongs(obj.lower()) or (wrongs and obj.lower().startswith(
                    ("these ", "this ", "those ", "such ", "the attack", "the strike")))) and self.last_parties:
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
        m = "-" in text and _linked_hint(text) and _LINKED_RE.search(text)
        if m and m.group(1).lower() not in _NOT_NAMES and m.group(1).lower() not in ("state", "cross", "self"):
            return 1, default_accuser, m.group(1)
        # 4a. "demanded X close down the camps", "urged X to take action against ...": X is charged
        m = any(verb in low for verb in _DEMAND_VERBS) and any(act in low for act in _DEMAND_ACTS) \
            and _DEMAND_ACTION_RE.search(text)
        if m:
            named = _names(text[m.start():m.start("act")])
            target = named[-1] if named else ""
            if not target and self.last_parties and re.search(r"\b(?:it|them|its|their)\b", low[m.start():m.start("act")]):
                target = self.last_parties[0]
            if target:
                subject = _names(text[:m.start()])
                accuser = default_accuser if label == "attributed" and source else (subject[-1] if subject else default_accuser)
                return 1, accuser, target
        # 5. a wrongdoing predicate with an identifiable agent
        skip_to = -1
        for w in wrongs:
            if w.start() < skip_to:
                continue  # "hideouts" in "struck militant hideouts": part of the target skipped below
            target = _STRIKE_WORD.match(w.group()) and _ARMED_TARGET.match(low, w.end())
            if target:
                skip_to = target.end()
                continue  # "struck terror camps", "targeted militant hideouts": force against armed groups, no charge
            agent = self._agent(text, low, w)
            if agent:
                accuser = default_accuser
                if w.group().startswith("claim") or w.group().endswith(("responsibility", "credit")):
                    accuser = "writer"  # a claim of responsibility: the writer reports the group's own claim (case 37)
                return 1, accuser, agent
        # 5a. the writer's condemnation of a party's conduct in an evaluative sentence
        if (label == "advocacy" and _CONDUCT_RE.search(low)) or (label == "fact" and _CONDUCT_STRONG_RE.search(low)):
            named = [n for n in _names(text) if not (text.startswith(n) and " " not in n
                                                       and n.lower().endswith(_ADJECTIVE_ENDINGS))]
            if not named and re.search(r"\b(?:its|their|it|they)\b", low) and self.last_parties:
                named = self.last_parties[:1]
            if named:
                return 1, "writer", named[0]
        # 6. a denial that restates the charge: the denier is the accused
        m = "denial" in present and _DENIAL_RE.search(low)
        if m and (wrongs or _OF_THAT_IN.search(low[m.end():m.end() + 20]) or m.group("what") in (
                "involvement", "role", "responsibility", "links", "link", "support", "presence")):
            accused = self._subject(text, m.start())
            if not accused and source and re.search(r"\b(?:we|i)\s+(?:\w+\s+)?$", low[:m.start()]):
                accused = source  # "we reject the claim that ...", in a quotation: the speaker
            if accused:
                return 1, "unnamed", accused
        # 6a. "X has no connection with the attack": the denier is the accused
        m = (" no " in low or "nothing" in low) and _NO_LINK_RE.search(low)
        if m:
            accused = self._subject(text, m.start()) or (_names(text[:m.start()]) or [""])[-1]
            if accused:
                return 1, "unnamed", accused
        return 0, "", ""

    @staticmethod
    def _wrongs(low: str, starts=None) -> list:
        """The wrongdoing matches of ``low``, trying the big pattern only where a trigger word starts
        (``starts``: those positions, when the caller has found them already)."""
        found, end = [], 0
        if starts is None:
            starts = _TRIGGER_AT(low)
        for start in starts:
            if start >= end and (pattern := _WRONG_BY_CHAR.get(low[start]) if _WRONG_BY_CHAR else _WRONG_RE) \
                    and (m := pattern.match(low, start)):
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
        if stop and " " not in clause.strip() and stop[-1].group().lower() in _NO_SUBJECT_AFTER:
            # X "bombed civilian homes" (a quotation that starts at the verb), "X talks peace while training
            # ...", "X's role as a breeding ground": the clause has no subject of its own; the one before has
            inner = list(_SUBJECT_STOP.finditer(before[:stop[-1].start()]))
            piece = before[inner[-1].end() if inner else 0:stop[-1].start()]
            names = _names(piece)
            if names:
                return names[-1]
            resolved = self._anaphor(piece.lower().strip())
            if resolved:
                return resolved
        head = clause.split()[:1]
        if len(stop) >= 2 and (not head or head[0].lower() in _NO_SUBJECT):
            # "X (IS-K), a militant group ..., is plotting", "the agency (ISI) has been ...": skip the apposition
            for k in range(len(stop) - 1, max(-1, len(stop) - 5), -1):
                piece = before[stop[k - 1].end() if k > 0 else 0:stop[k].start()]
                if piece.strip().lower().startswith(("a ", "an ", "one ")):
                    continue
                names = _names(piece)
                if names:
                    return names[0]
                if k == 0 or stop[k - 1].group().lower() in ("that", "who", "which", "when"):
                    break
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

    def _charged_object(self, text: str, verb_at: int, obj: str) -> list[str]:
        """The object of a charge verb that names no party but is one all the same: "each other" (the
        subject's parties, or the last ones named), or an institution with "the" ("accused the
        military of ..."): the last party named, else the phrase.

        >>> AccusationFinder()._charged_object("He accused the military of fleeing.", 3, "the military")
        ['the military']
        """
        obj = obj.strip()
        if obj in ("each other", "one another"):
            return _names(text[:verb_at]) or self.last_parties[:2]
        if CHARGED_INSTITUTION_RE.match(obj):
            return self.last_parties[:1] or [text[text.lower().find(obj, verb_at):][:len(obj)]]
        return []

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
        word = w.group()
        if _STAY_RE.match(word) and not _HOST_RE.search(word):  # "the TTP is based in ...": a group's presence
            subject = self._subject(text, w.start())
            return subject if subject and _GROUPISH.search(subject) else ""
        if word.startswith("presence of"):  # "the presence of terror outfits including X in ...": a group named
            named = [n for n in _names(text[w.start():w.end()]) if _GROUPISH.search(n)]
            return named[0] if named and not _NOT_CHARGED_PRESENCE.search(word) else ""
        if word.startswith("promis"):  # "a promise that the X leadership did not keep": the promiser
            names = _names(text[w.start():w.end()])
            return names[0] if names else ""
        if _FAILING_RE.match(word) and re.search(r"\b(?:this|that|such|the|its|their)\s+(?:\w+\s+)?$",
                                                  low[max(0, w.start() - 24):w.start()]):
            subject = self._subject(text, w.start())  # "This refusal to act", "such unwillingness to ...": the party before
            return subject or (self.last_parties[0] if self.last_parties else "")
        if w.group().startswith("under"):  # "under the protection of Y"
            names = _names(_AGENT_END.split(text[w.end():w.end() + 80], maxsplit=1)[0])
            return names[0] if names else ""
        if w.group().startswith(("behind the", "responsible for")):  # the party is the noun right before
            if low[:w.start()].split()[-1:] and low[:w.start()].split()[-1] in _GENERIC_DOERS:
                return ""  # "the militants behind the attack": no party
            names = _names(" ".join(text[:w.start()].split()[-4:]))
            return names[-1] if names else self._subject(text, w.start())
        noun = bool(_NOUN_WRONGS.match(w.group()))
        if noun and word.startswith(("presence", "foothold")):
            have = _HAVE_BEFORE.search(low, max(0, w.start() - 40), w.start())
            if have:
                subject = self._subject(text, have.start())
                if subject and _GROUPISH.search(subject):
                    return subject
        if noun:
            before = low[:w.start()].split()
            words = text[:w.start()].split()
            if words and _MODIFIER_PARTY.match(words[-1].strip(",;:")):
                return words[-1].strip(",;:")  # "TTP attacks", "Indian shelling"
            if _GIVER_BEFORE.search(low[:w.start()]):  # "X has provided sanctuary ...": the giver
                subject = self._subject(text, _GIVER_BEFORE.search(low[:w.start()]).start())
                if subject:
                    return subject
            if _COPULA_BEFORE.search(low[:w.start()]):  # "X has become a safe haven"
                subject = self._subject(text, _COPULA_BEFORE.search(low[:w.start()]).start())
                if subject:
                    return subject
            if before and w.group() in ("attack", "attacks", "raid", "raids", "bomb", "bombs") and (
                    before[-1].endswith("ly") or before[-1] in ("to", "they", "it", "who", "which", "that", "and")):
                noun = False  # "continues to attack", "it attacks": a verb
        after = _AGENT_AFTER_RE.match(text, w.end() + 1) if w.end() < len(text) else None
        if after is None:
            m = _BY_TO.search(text[w.end():w.end() + 60])
            if m and w.group() not in ("unprovoked",):
                after = _AGENT_AFTER_RE.match(text, w.end() + m.start())
        if after is None and _BY_TO.search(text[w.end():w.end() + 30]):  # "by groups linked to Y"
            linked = _LINKED_TO_RE.search(text, w.end(), w.end() + 120)
            if linked:
                names = _names(linked.group("agent"))
                if names:
                    return names[0]
        if after:
            tail = _AGENT_END.split(text[after.start("agent"):after.start("agent") + 80], maxsplit=1)[0]
            names = _names(tail) or _names(after.group("agent"))
            if names:
                return names[0]
        if not noun and (w.group().split()[0].endswith("ing") or not _PASSIVE_BEFORE.search(low[:w.start()])):  # "were targeted": the subject is the victim
            subject = self._subject(text, w.start())
            if subject:
                return subject
        if noun:  # "its failure to", "the group's persistent attacks": the owner is the subject or the last party
            owner = _OWNER_ANAPHOR.search(text[:w.start()].lower())
            if owner:
                subject = self._subject(text, w.start() - len(owner.group()))
                return subject or (self.last_parties[0] if self.last_parties else "")
        if _HOST_NOUN.match(word):  # "safe havens in Y", "sanctuaries within its borders": the host (case 28)
            host = _HOST_AFTER.match(text, w.end())
            if host and host.group("name"):
                names = _names(host.group("name"))
                if names:
                    return names[0]
            elif host and host.group("own"):  # "within its borders": the party the sentence is about
                return self._subject(text, w.start()) or (self.last_parties[0] if self.last_parties else "")
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
