"""A rule-based tagger that imitates the codebook on any English news text.

The tagger reads raw text only.  It splits it with the same segmenter as the
gold table (:func:`medialit.segment.split_sentences`), guesses each sentence's
page role, and applies the codebook's label rules in order:

* **L1** role: bylines, bios, disclaimers and web-page furniture are ``meta``;
* **L2** quotation: a sentence mostly inside quotation marks, or one that
  continues a quotation opened earlier in the paragraph, is ``attributed``;
* **L3** reporting frame: a cue (``said``, ``according to``, ``reportedly``,
  ``has faced allegations`` ...) that governs the main clause makes it
  ``attributed``; a cue inside a subordinate clause does not;
* **L4** advocacy: prescriptions, predictions, rhetorical questions,
  imperatives and the writer's evaluations make it ``advocacy``;
* **L5** otherwise ``fact``.

The word lists live in ``data/lexicons/`` (cues, hedges, boosters, modals,
loaded, naming); the grammar (which words open a subordinate clause, which
words are auxiliaries) lives here.  Nothing in this module refers to a
particular article: it is meant for articles that are not in the repository.
It is a teaching tool with known blind spots (see ``medialit.evaluate``), not
an oracle.

Speed (measure it with ``tools/benchmark_tagger.py``): every sentence is
lower-cased and split into words once; each word list becomes one prefix-tree
regex, and the span and advocacy word lists are searched in a single pass;
slow case-insensitive patterns run only when a plain substring test says they
could match; and the tables are built column by column, not row by row.  None
of this changes a label: the speed-ups give exactly the output of the plain
version.

>>> sentences = tag_text("Officials said the road was closed. The road should reopen.")
>>> sentences[["sent_id", "label", "cue", "source"]].values.tolist()
[['user-001', 'attributed', 'said', 'Officials'], ['user-002', 'advocacy', '', '']]
>>> spans = tag_spans("Critics argue it is clearly a regime.")
>>> spans[["text", "kind"]].values.tolist()
[['argue', 'cue'], ['clearly', 'booster'], ['regime', 'loaded']]
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import accusation, corpus, schema
from .implied_charge import names_inside
from .regex_dispatch import ascii_twin, prefix_tree, split_alternatives, split_anchored
from .segment import is_stamp, split_sentences

__all__ = [
    "TaggerInputError", "tag_text", "tag_spans", "tag", "tag_article", "tag_corpus", "TAGGER_VERSION",
    "MACHINE_COLUMNS", "CONFIDENCE",
]

#: How many "weak" evaluative markers (lexicon modals.csv, strength=weak) make a sentence advocacy.
#: One is not enough: a single evaluative word in a factual sentence stays fact (codebook L5).
WEAK_EVALUATION_THRESHOLD = 2

#: Bump when a rule changes, so saved outputs can say which tagger made them.
TAGGER_VERSION = "2.11"
#: Columns the tagger adds after the gold columns: how sure it is of the label, and why not.
MACHINE_COLUMNS = ("confidence", "confidence_reason")
CONFIDENCE = ("sure", "unsure")


class TaggerInputError(TypeError):
    """The tagger was given something it cannot read; the message says what to pass instead."""


# --------------------------------------------------------------------------------------------
# Grammar words (not vocabulary lists: these are closed classes of English).

_AUX = frozenset(
    "is are was were be been being am has have had will would can could may might must shall "
    "should do does did 's".split()
)
#: Words that open a subordinate or relative clause: a cue after them does not govern the sentence.
_SUBORDINATORS = frozenset(
    "despite although though while whilst because if unless whereas who which whom whose that "
    "as after before since when once until whether where so with".split()
)
#: Adverbs and particles that may sit between an auxiliary and its verb.
_INSERTS = frozenset(
    "not never also long now since already repeatedly consistently publicly strongly officially "
    "recently previously still just even yet further once again often frequently reportedly "
    "allegedly apparently been be being ever increasingly widely openly earlier today n't "
    "always firmly categorically vehemently emphatically explicitly formally clearly".split()
)
_PRONOUNS = frozenset("he she they we it i you".split())
#: Predicates that say an accusation exists or persists ("Accusations ... have persisted").
_PERSIST = frozenset(
    "persisted persist persists continue continued continues emerged emerge emerges surfaced "
    "resurfaced mounted grown grew made levelled leveled raised circulated abound abounded".split()
)
#: Verbs that take a speech-act noun as object ("has faced allegations", "rejected accusations").
_NOUN_TAKERS = frozenset(
    "faced face faces facing made make makes levelled leveled voiced raised rejected rejects "
    "denied denies dismissed repeated renewed".split()
)
_IMPERATIVES = frozenset(
    "allow adopt ensure stop let consider remember imagine take make end give support build hold "
    "enforce act demand think recognise recognize invest strengthen establish cooperate respect "
    "prevent reform protect stand join tell ask help keep start learn read listen look choose "
    "create provide put restore resume reject resist rethink review use vote".split()
)
_NOT_IMPERATIVE_NEXT = frozenset("of for from is was are were has have had 's to by".split())
_FINITE_HINTS = _AUX | frozenset(
    "says said has shows remains continues seems appears makes takes gives holds poses provides "
    "includes means lies stands exists goes comes".split()
)
_SOURCE_NOUN_TYPES = (
    ("document", r"\breports?\b|\bdocuments?\b|\bstud(?:y|ies)\b|\bsurveys?\b|\bassessments?\b|"
                 r"\bdossiers?\b|\bfindings\b|\bdata\b|\bstatements?\b|\bresolutions?\b"),
    ("anonymous", r"\b(?:a|one|local|the same local|an?) (?:local )?sources?\b|\blocal sources?\b|"
                  r"\ban? (?:senior )?official who\b|\bwho (?:asked|spoke) (?:not to be|on condition)"),
    ("named_expert", r"\bexperts?\b|\banalysts?\b|\bprofessor\b|\binstitute\b|\buniversity\b|"
                     r"\bcollege\b|\bthink[- ]tank\b|\bresearchers?\b|\bscholars?\b|\bacademics?\b"),
    ("named_official", r"\bminist(?:er|ry)\b|\bspokes(?:man|woman|person)\b|\bgovernment\b|\barmy\b|"
                       r"\bmilitary\b|\bpresident\b|\bprime minister\b|\bchief\b|\bgeneral\b|"
                       r"\bforces\b|\bpolice\b|\bauthorities\b|\bembassy\b|\bcouncil\b|\bfo\b|"
                       r"\bforeign office\b|\bofficials?\b|\bcommander\b|\bambassador\b|\bsecretary\b"),
)
_SOURCE_NOUN_TYPE_RES = tuple((stype, re.compile(pattern)) for stype, pattern in _SOURCE_NOUN_TYPES)
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()


# --------------------------------------------------------------------------------------------
# Compiled patterns (built once, on first use).

@dataclass
class _Rules:
    cue_terms: dict  # term -> (type, frame)
    cue_max_words: int
    spans: _Lexicon  # cue, hedge, booster, loaded, naming: the span kinds
    advocacy: _Lexicon  # prescription, prediction, evaluation, weak (modals.csv)
    naming: dict  # lower-case variant -> referent
    verb_cue_re: re.Pattern
    participle_re: re.Pattern
    parenthetical_re: re.Pattern
    noun_cues: frozenset = field(default_factory=frozenset)
    #: First word of every cue term: a token that is not one of these cannot start a cue.
    cue_first_words: frozenset = field(default_factory=frozenset)
    #: The leading ``\w+`` run of every verb cue (None if a verb cue starts otherwise): see :func:`_verb_cue`.
    verb_first_runs: frozenset | None = None
    #: Every cue term cut after any of its words ("has", "has faced", "has faced allegations"): a run of
    #: words that is not one of these starts no longer cue either (:func:`_cue_at` stops there).
    cue_prefixes: frozenset | None = None
    #: The tokens :func:`_main_clause_cue` acts on; it passes over any other token without a change.
    clause_tokens: frozenset | None = None
    #: ``verb_cue_re`` for ASCII sentences (:func:`medialit.regex_dispatch.ascii_twin`).
    verb_cue_ascii: re.Pattern | None = None


#: "Any of these terms, longest first", as a prefix tree (see :func:`medialit.regex_dispatch.prefix_tree`).
_alternation = prefix_tree


def _word_re(terms) -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + _alternation(terms) + r")(?![\w-])")


class _Lexicon:
    """Several word lists matched as whole words, in one pass over the sentence.

    ``find(low)`` returns, for each kind, exactly the matches ``_word_re(terms).finditer(low)``
    gives.  Instead of scanning the sentence once per kind, one combined zero-width
    pattern finds every position where a term of *any* kind starts (most sentences have
    one or two), and each kind's own pattern is tried only there, skipping positions
    inside its previous match as ``finditer`` does.

    >>> lex = _Lexicon({"hedge": ["apparently"], "booster": ["clearly", "clearly not"]})
    >>> {kind: [m.group() for m in found] for kind, found in lex.find("clearly not, apparently").items()}
    {'hedge': ['apparently'], 'booster': ['clearly not']}
    """

    def __init__(self, terms_by_kind: dict):
        self.patterns = {kind: _word_re(terms) for kind, terms in terms_by_kind.items()}
        every_term = [t for terms in terms_by_kind.values() for t in terms]
        self.empty = {kind for kind, terms in terms_by_kind.items() if not any(terms)}
        self.starts_re = re.compile(r"(?<![\w-])(?=(?:" + _alternation(every_term) + r")(?![\w-]))")
        # The same positions, found as "one character that is not [\w-], then a term": a pattern that
        # starts with a character class lets the regex engine skip every other character quickly,
        # where a leading lookbehind is tried at every position.  Searched in " " + low, so that a
        # match's end is the term's start in ``low`` (and the start of ``low`` counts as a gap).
        self._after_gap_re = re.compile(r"[^\w-](?=(?:" + _alternation(every_term) + r")(?![\w-]))")
        # The same patterns for ASCII sentences (most of them), where they find the same, faster.
        self._ascii = (ascii_twin(self._after_gap_re), {kind: ascii_twin(p) for kind, p in self.patterns.items()})
        self._last_low, self._last_found = None, {}

    def find(self, low: str) -> dict:
        if low is self._last_low:  # the same sentence asked twice (label, then confidence)
            return self._last_found
        self._last_low, self._last_found = low, self._find(low)
        return self._last_found

    def _find(self, low: str) -> dict:
        after_gap, patterns = self._ascii if low.isascii() else (self._after_gap_re, self.patterns)
        starts = [m.end() - 1 for m in after_gap.finditer(" " + low)]  # == starts_re's starts
        found = {}
        for kind, pattern in patterns.items():
            if kind in self.empty:  # an empty word list matches the empty string everywhere
                found[kind] = list(pattern.finditer(low))
                continue
            matches, end = [], 0
            for position in starts:
                if position >= end and (m := pattern.match(low, position)):
                    matches.append(m)
                    end = m.end()
            found[kind] = matches
        return found


@lru_cache(maxsize=4)
def _rules(folder: str | None = None) -> _Rules:
    """Read the lexicons and compile every pattern once (cached per data folder)."""
    def lex(name: str) -> pd.DataFrame:
        frame = corpus.load_lexicon(name, data_dir=folder)
        frame["term"] = frame["term"].str.strip().str.lower().str.replace("’", "'")
        return frame[frame["term"] != ""]

    cues = lex("cues")
    cue_terms = {row.term: (row.type, row.frame) for row in cues.itertuples()}
    modals = lex("modals")
    if "strength" not in modals.columns:
        modals["strength"] = "strong"
    by_signal = {s: modals.loc[modals.signal == s, "term"].tolist() for s in ("prescription", "prediction")}
    evaluative = modals[modals.signal == "evaluation"]
    by_signal["evaluation"] = evaluative.loc[evaluative.strength != "weak", "term"].tolist()
    by_signal["weak"] = evaluative.loc[evaluative.strength == "weak", "term"].tolist()
    span_terms = {
        "cue": list(cues.term),  # 'exclude' rows are matched so that they can be dropped
        "hedge": list(lex("hedges").term),
        "booster": list(lex("boosters").term),
        "loaded": list(lex("loaded").term),
    }
    naming: dict = {}
    try:
        names = corpus.load_lexicon("naming", data_dir=folder)
    except corpus.DataError:
        names = pd.DataFrame(columns=["referent", "variant"])
    for row in names.itertuples():
        variant = str(row.variant).strip().lower().replace("’", "'")
        if variant:
            naming.setdefault(variant, row.referent)
    if naming:
        span_terms["naming"] = list(naming)
    verbs = [t for t, (ty, fr) in cue_terms.items() if ty == "verb" and fr == "main"]
    participles = [t for t, (ty, fr) in cue_terms.items() if ty == "verb" and fr == "participle"]
    return _Rules(
        cue_terms=cue_terms,
        cue_max_words=max(len(t.split()) for t in cue_terms),
        spans=_Lexicon(span_terms),
        advocacy=_Lexicon({"prescription": by_signal["prescription"], "prediction": by_signal["prediction"],
                           "evaluation": by_signal["evaluation"], "weak": by_signal["weak"] or ["\x00"]}),
        naming=naming,
        verb_cue_re=_word_re(verbs),
        participle_re=re.compile(r",\s+(?:\w+ly\s+)?(?:" + _alternation(participles) + r")(?![\w-])(?!\s+(?:responsibility|the lives|lives|credit)\b)"),
        parenthetical_re=re.compile(
            r",\s+((?:[\w'.-]+\s+){1,5}?)(?:" + _alternation(verbs) + r")\s*,"),
        noun_cues=frozenset(t for t, (ty, _) in cue_terms.items() if ty == "noun"),
        cue_first_words=frozenset(t.split(" ")[0] for t in cue_terms),
        verb_first_runs=_first_runs(verbs),
        cue_prefixes=frozenset(t[:k] for t in cue_terms for k in range(1, len(t) + 1) if k == len(t) or t[k] == " "),
        clause_tokens=_CLAUSE_TOKENS | frozenset(t.split(" ")[0] for t in cue_terms),
        verb_cue_ascii=ascii_twin(_word_re(verbs)),
    )


def _first_runs(terms) -> frozenset | None:
    r"""The leading ``\w+`` run of each term, or None if any term does not start with one."""
    runs = [re.match(r"\w+", term) for term in terms]
    return None if not all(runs) else frozenset(run.group() for run in runs)


def _verb_cue(rules: _Rules, low: str, key: str | None = None):
    r"""``rules.verb_cue_re.search(low)``, skipped (None) when no word of the sentence can start a verb cue.

    ``key`` is the sentence's :func:`_norm_key`: its ``\w+`` runs, lower-cased, joined by spaces.
    A match starts where no ``[\w-]`` character comes before it, so a ``\w+`` run of the
    sentence starts there too, and it is exactly the leading run of the cue (that run ends
    where the cue has a character outside ``\w``, or where the cue ends and ``(?![\w-])``
    holds).  ``low`` has the same runs as the key (it only swaps curly apostrophes for
    straight ones).  So if none of the key's words is such a run, the search cannot match.

    >>> _verb_cue(_rules(), "talks failed.", "talks failed") is None
    True
    >>> _verb_cue(_rules(), "officials said so.", "officials said so").group()
    'said'
    """
    if key is not None and rules.verb_first_runs is not None and rules.verb_first_runs.isdisjoint(key.split()):
        return None
    if low.isascii() and rules.verb_cue_ascii is not None:
        return rules.verb_cue_ascii.search(low)
    return rules.verb_cue_re.search(low)


_TOKEN_RE = re.compile(r"[a-z0-9][a-z0-9'\-]*|[,;:()\"“”—–]")
_WRITER_FRAME_RE = re.compile(
    r"^(?:(?:however|moreover|furthermore|but|and|also),?\s+)?"
    r"(?:it may be (?:mentioned|noted|recalled)(?: here)?(?: that)?|it is worth (?:noting|mentioning|recalling)(?: that)?|"
    r"it (?:should|must) be (?:noted|mentioned|recalled)(?: here)?(?: that)?|"
    r"it is important to (?:note|acknowledge|remember|mention|recognise|recognize|recall)(?: that)?|"
    r"it is (?:noteworthy|notable|true)(?: that)?|needless to say|notably)\s*,?\s*"
)
_ACCORDING_RE = re.compile(r"(?<![\w-])(?:according to|as per)(?!\s+(?:plan|schedule|the plan|law|the law|rules|the rules|"
                           r"the constitution|the agreement|the deal|the accord|the treaty|usual|normal|routine|custom|tradition)\b)")
_ADVERB_CUE_RE = re.compile(r"(?<![\w-])(?:reportedly|purportedly|supposedly|allegedly(?!\s+\w+ing\b))(?![\w-])")
_SOURCE_SUBJECT_RE = re.compile(
    r"^(?:[a-z]+,\s+)?((?:[\w'-]+\s+){0,3}(?:sources|reports|documents|assessments|intelligence))\s+"
    r"((?:outline|outlined|indicate|indicated|show|showed|reveal|revealed|describe|described|detail|detailed|point to|pointed to))\b"
)
_QUESTION_END_RE = re.compile(r"\?[\s\"'”’)\]]*$")
_NUMBER_RE = re.compile(
    r"(?<![\w.])(?:(?:at least|more than|over|nearly|almost|about|around|some|up to|less than|fewer than)\s+)?"
    r"\d+(?:[.,]\d+)*(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?(?:\s+(?:million|billion|thousand|hundred|lakh|crore))?"
    r"(?![\w])"
)
_YEAR_RE = re.compile(r"^(?:1[6-9]|20)\d\d$")
_DIGIT_RE = re.compile(r"\d")
_NON_DIGIT_RE = re.compile(r"\D")
_NUMBERED_THING_RE = re.compile(r"(?:article|section|resolution|no\.)\s*$")  # "Article 370" is a name
_MONTH_BEFORE_RE = re.compile(r"(?:" + "|".join(_MONTHS) + r")\.?\s*$")  # "May 5" is a date
_DOUBLE_QUOTE_RE = re.compile(r"[\"“”]")
_FROM_SOURCE_RE = re.compile(r"\bfrom\s+([^,.;]+?)\s+(?:of|that|over|about|for|regarding)\b")
_NOUN_FRAME_RE = re.compile(
    r"(?<![\w-])the (?:claim|allegation|accusation) is that\b|\bthere (?:is|are|were|was|have been|has been) "
    r"(?:\w+ ){0,2}(?:claims|reports|allegations|accusations|unease|concerns?|fears?|speculation|"
    r"suspicions?|belief|talk|worries|warnings|perception|impression|feeling|view) that\b|"
    r"\bthere (?:are|were|have been|had been) (?:\w+ )?(?:reports|claims|allegations|accusations) of\b|"
    r"(?:^|,\s+)(?:but |and |yet )?it (?:is|was|has been|had been) (?:\w+ )?(?:believed|said|reported|alleged|claimed|thought|"
    r"feared|understood|rumou?red|suggested|argued|estimated|stated|asserted|maintained|reiterated|underscored|"
    r"stressed|emphasi[sz]ed|conveyed|announced|added) that\b|"
    r"\bthe impression (?:is|was|has been|had been) (?:created|given|conveyed) that\b"
)
_WE_I_BEFORE_RE = re.compile(r"(?:\bwe|\bi)\s+$")
_LETTERS_RE = re.compile(r"[a-z']+")


# --------------------------------------------------------------------------------------------
# Page roles.

# Case-insensitive searches over many alternatives are slow in Python's ``re``: it tries
# every alternative at every character.  So each such pattern below also lists literal
# pieces that every match must contain ("needles"; for a ``^``-anchored alternative, a
# prefix), and the full pattern runs only when one of them occurs in the folded sentence.
# Folding is ``lower()`` after mapping the only three characters that re.IGNORECASE treats
# as an ASCII letter but ``lower()`` does not (ſ -> s, İ -> i, ı -> i; checked over all of
# Unicode), so the filter never skips a sentence the pattern would match.
_FOLD = str.maketrans({"ſ": "s", "İ": "i", "ı": "i"})


def _fold(text: str) -> str:
    """Lower-case ``text`` the way re.IGNORECASE compares letters.

    >>> _fold("Cookie POLICY ſ İ")
    'cookie policy s i'
    """
    if "ſ" in text or "İ" in text or "ı" in text:  # rare: translate() is slower than lower()
        return text.translate(_FOLD).lower()
    return text.lower()


@dataclass(frozen=True)
class _Prefiltered:
    """A case-insensitive pattern that is only run when one of its needles or prefixes is present.

    The pattern runs as two: its ``^``-anchored alternatives tried at the start only, the others
    searched for (:func:`medialit.regex_dispatch.split_anchored`).  ``search`` returns a match exactly when
    ``regex.search`` would (though not necessarily the same one), else None.

    >>> p = _Prefiltered(re.compile(r"^read more|cookies?", re.IGNORECASE), needles=("cookie",), prefixes=("read more",))
    >>> bool(p.search("Read More", "read more")), bool(p.search("We use Cookies.", "we use cookies.")), p.search("Read on", "read on")
    (True, True, None)
    """

    regex: re.Pattern
    needles: tuple = ()
    prefixes: tuple = ()

    def __post_init__(self):
        anchored, floating = split_anchored(self.regex) or (None, self.regex)
        object.__setattr__(self, "_parts", (anchored, floating))
        # The floating alternatives one by one, each run only where the plain text it needs occurs
        # (:func:`medialit.regex_dispatch.split_alternatives`): a needle that let a line through
        # ("—", "tip") usually belongs to one or two of them, and the whole pattern is slow.
        object.__setattr__(self, "_floating", split_alternatives(floating) if floating is not None else ())
        # A needle that contains another one is present only where that one is: it need not be looked for.
        object.__setattr__(self, "_needles", tuple(n for n in self.needles
                                                   if not any(o != n and o in n for o in self.needles)))
        # The prefixes by their first character: a line can only start with those that share its own.
        by_first: dict = {}
        for prefix in self.prefixes:
            by_first.setdefault(prefix[:1], []).append(prefix)
        object.__setattr__(self, "_prefixes", {ch: tuple(group) for ch, group in by_first.items()})

    def search(self, text: str, folded: str):
        if not ("" in self._prefixes or folded.startswith(self._prefixes.get(folded[:1], ()))):
            for needle in self._needles:  # ``in`` is much faster than any regex over the sentence
                if needle in folded:
                    break
            else:
                return None
        anchored = self._parts[0]
        found = anchored.match(text) if anchored is not None else None
        if found is None:
            for literal, alternative in self._floating:
                if (literal is None or literal in folded) and (found := alternative.search(text)):
                    break
        return found


_FURNITURE_RE = re.compile(
    r"please enter your|leave a (?:reply|comment)|^read more\W*$|^must read\W*$|^also read|^related\b|"
    r"\bmin(?:ute)?s? read\b|cookies?\b|by using this (?:web)?site|privacy policy|data protection policy|"
    r"all rights reserved|^copyright|©|\bsubscribe\b|\bsign up\b|newsletter|become a member|becoming a member|"
    r"^share\b|^advertisement\W*$|click here|having issues with commenting|^tags?\s*:|"
    r"^(?:file )?(?:photo(?:graph)?|image|picture)s?\b|\bphoto\s*/|photo credit|getty images|"
    r"support (?:our|independent) journalism|skip to (?:the )?(?:main )?(?:content|navigation)\b|^skip navigation\b|^comments?\W*$|^loading\b|"
    # an account or log-in prompt
    r"^(?:don['’]t|do not) (?:you )?have an account\b|^already (?:have an account|a (?:subscriber|member))\b|"
    r"^(?:log|sign) ?in(?:\s+(?:to|with|or|here)\b|\W*$)|^create (?:an|a free|your) account\b|^register\W*$|^forgot (?:your )?password\b|"
    # a premium or membership prompt, a link to jump within the page, a prompt to follow the site
    r"\bpremium (?:access|membership|subscription|content|members?)\b|^unlock\b[^.]{0,60}\bpremium\b|member[- ]only benefits|"
    r"^click (?:to|on|below)\b|you must be logged in|logged in to (?:comment|post|reply)|\bour social media\b|"
    # an appeal for money, a search engine's prompt, an AI summary's label, a tracking pixel's name
    r"editorially independent|your contributions?,? however small|preferred source on google|"
    r"key points generated by ai|show quick read|scorecardresearch|(?-i:^Home(?=[A-Z][a-z]))",
    re.IGNORECASE,
)
#: Furniture a page inserts inside an article (an ad slot, a link to another story, a photo credit):
#: it is page furniture, but the article goes on after it.
_INSERT_RE = re.compile(r"^\W*(?:advertisement|also read|read more|read also|must read|related|share|photo|image|picture|"
                        r"file photo)\b", re.IGNORECASE)
_DISCLAIMER_RE = re.compile(
    r"views expressed|opinion piece|(?:do|does)(?: not|n't) necessarily (?:reflect|represent)|"
    r"neither endorses|(?:not|nor) (?:be )?(?:held )?responsible for (?:them|the views|the content|its content)|"
    r"author['’]s own|writer['’]s own",
    re.IGNORECASE,
)
_FURNITURE = _Prefiltered(
    _FURNITURE_RE,
    needles=("please enter your", "leave a ", " read", "cookie", "by using this ", "privacy policy", "premium",
             "member only", "member-only", "logged in", "social media",
             "data protection policy", "all rights reserved", "©", "subscribe", "sign up", "newsletter",
             "become a member", "becoming a member", "click here", "having issues with commenting",
             "photo", "getty images", " journalism", "skip to ", "skip navigation", "editorially independent",
             "your contribution", "preferred source", "key points generated", "quick read", "scorecardresearch"),
    prefixes=("read more", "must read", "also read", "related", "copyright", "share", "advertisement",
              "tag", "file ", "photo", "image", "picture", "comment", "loading", "home",
              "don", "do not", "already", "log", "sign", "create", "register", "forgot", "unlock", "click"),
)
_DISCLAIMER = _Prefiltered(
    _DISCLAIMER_RE,
    needles=("views expressed", "opinion piece", " necessarily ", "neither endorses", "responsible for ",
             "s own"),
)
#: Lines a web page adds around an article: date and update lines, "Published in <outlet>, <date>",
#: credit lines under photos, embedded-post signatures, related-story and share prompts, ad sizes.
#: Every alternative is either anchored at the start (its literal start is a prefix below) or
#: contains one of the needles, so the prefilter never skips a line the pattern would match.
_PAGE_LINE_RE = re.compile(
    r"^\(?(?:last |first )?(?:updated|published|posted|modified)(?:\s*(?:on|at|in|:|-|–|—|by)\b|\s*[:\-–—]|\s+\d)|"
    r"^dated?\s*:?\s*\d|\b(?:publish(?:ed)?|updated?|posted) date\s*:|^\((?:with|writing|reporting|editing|additional reporting|compiled)\b|"
    r"\b(?:pixabay|unsplash|shutterstock|istock(?:photo)?|wikimedia commons|flickr|alamy)\b|"
    r"^(?:latest|top|popular|trending|recommended|more|related) (?:stories|news|articles|posts|reads)\W*$|^sources?\s*:\s*(?:\S+\s*){0,4}$|^credits?\s*:|^courtesy\b|"
    r"^(?:read more|also read|see also|read also|recommended|more from|more on this|more stories|"
    r"related (?:stories|articles|news|coverage|topics))\b|^you (?:might|may) also (?:like|read)\b|"
    r"pic\.twitter\.com|https?://|www\.\w|"
    r"^breaking(?: news)?\W*$|^live(?: updates)?\W*$|comments are moderated|please see our|to see more,? visit|"
    r"\b(?:follow|like|join|find) (?:us|[\w&' ]{1,40}) on (?:facebook|twitter|instagram|whatsapp|telegram|youtube|linkedin)\b|"
    r"^total views\b|\b\d[\d,.]*\s*k?\s*views?\W*$|^more in [\w&' -]{1,30}$|^know more about this (?:story|issue|topic)\b|"
    r"^your tips?\b|\bsend us (?:a |your )?tips?\b|^(?:got|have) a (?:news )?tip\b|\b(?:inaccurate|an error|a mistake|a correction)\b[^.]{0,60}\blet us know\b|"
    r"zoom in|read later|^print\W*$|^listen(?: to)?(?: this)?(?: article)?\W*(?:\d|$)|"
    r"\|\s*(?:afp|reuters|ap|getty images|ani|pti|epa|xinhua|anadolu|file)\b|"
    r"^[—–-]\s*(?:afp|reuters|ap|ani|pti|epa|xinhua|anadolu|dawn|file|screengrab|photo|courtesy|twitter|x)\b|"
    r"^\(?(?:photo(?:graph)?|image|picture|file photo|screengrab|video grab)s?\s*(?::|by\b|via\b|courtesy\b|credit\b)|"
    r"\[(?:image|photo|picture)s?\s+(?:by|via|courtesy|credit)[^\]]*\]|screengrab|"
    r"^(?:this|the|a) (?:file )?(?:photo(?:graph)?|picture|image|handout(?: photo)?|video grab)\b[^.]{0,200}?\b(?:shows?|taken|released|dated)\b|"
    r"^[—–-]\s*[^()]{1,60}\(@\w+\)|^@\w+\W*$|\(@\w+\)|\bpublished\s+(?:on\s+)?(?:\d|" + "|".join(_MONTHS) + r")|"
    r"^(?:enhanced|powered|sponsored|presented) by\b|^back to top\b|^top of (?:the )?page\W*$|^table of contents\W*$|^(?:text|font) size\b|"
    # a link to another story ("Read: ...", "Read full story: ..."), an end mark ("END OF ARTICLE", "Endit"),
    # a comment counter, a text-size tool, a photo's credit in brackets at the end, "Representative image"
    r"^read(?:\s+(?:the\s+)?(?:full|more|also|next|this|our))?(?:\s+(?:story|article|report|here|analysis))?\s*:|"
    r"^(?:end of (?:the )?(?:article|story|report)|endit|-?\s*ends?\s*-|\(ends?\))\W*$|^comments?\s*[(\[]?\d+[)\]]?\W*$|"
    r"^(?:adjust|change|increase|decrease)\s+(?:the\s+)?(?:text|font) size\b|\b(?:text|font) size\s*:?\W*$|"
    r"\((?:file )?(?:photo|image|picture)s?\s*:\s*[^)]{1,40}\)\W*$|^representative (?:image|photo|picture|pic)s?\b|"
    # an agency's name alone or with its dateline ("AFP, KABUL"), a credit with a slash ("Pics/AFP",
    # "(A. Name/Agency)"), a reading time ("4 Min"), an image's name ("Rafale_edited"), a mirror's cut
    # mark ("The........"), a salutation ("Dear Friends,")
    r"^(?:afp|reuters|ap|ani|pti|ians|app|epa|xinhua|anadolu|getty images|ap photo|upi|dpa|efe|bloomberg)"
    r"(?:\s*[,/–—-]\s*(?-i:[A-Z][A-Z .'-]{2,30})|\s*/\s*[\w .'’-]{2,40})?\W*$|"
    r"^\(?(?:pics?|photos?|images?|file)\s*/\s*[\w .-]{2,30}\)?\W*$|^\([^()/]{2,50}/[^()/]{2,50}\)\W*$|"
    r"^\d+\s*min(?:ute)?s?(?:\s+read)?\W*$|^(?:\S+\s+){0,5}[a-z]+_[a-z0-9_]+\W*$|^\S{1,20}\.{4,}\W*$|"
    r"^(?:dear|respected)\s+[\w .'-]{1,40},?\s*$|"
    # "- Advertisement -", a desk or staff credit ("F.P. Report", "Web Desk"), a social link ("Facebook - Outlet"),
    # an archive's labels ("Journal : ...", "Page No. :", "Date :"), an illustration's credit
    r"^[-–—\s]*advertisement[-–—\s]*$|^(?:[\w.&'’-]+\s+){0,2}(?:web desk|news desk|desk report|staff reporter|"
    r"staff report|monitoring desk|monitoring report|our correspondent|special correspondent|report)\W*$|"
    r"^(?:facebook|twitter|youtube|instagram|linkedin|tiktok|telegram|whatsapp)\s*[-–—:|]\s*\S+(?:\s+\S+){0,3}\s*$|"
    r"^(?:journal|page(?: no\.?)?|section|edition)\s*:|^date\s*:\s*$|"
    r"^\(?(?:illustration|graphic|graphics|infographic|cartoon|map)s?\s*(?::|by\b|via\b|courtesy\b|credit\b)|"
    # an agency credit in brackets, a site's name, a row of pipe-separated labels, an image file's path
    r"^\((?:afp|reuters|ap|ani|pti|ians|app|upi|dpa|efe|bloomberg|epa|xinhua|anadolu|getty images|file)(?:\s*[/|]\s*[\w ]+)?\)\W*$|"
    r"^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|tv|pk|in|af|uk|info|news)\W*$|^[^|]{1,40}(?:\|[^|]{1,40}){2,}$|"
    r"\.(?:jpe?g|png|gif|webp|svg)\b|^[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3}\s*[—–─]\s*$|"
    r"\bin this\b[^.]{0,40}?\b(?:file )?(?:photo(?:graph)?|picture|image)\b|"
    r"^[^.!?]{1,40}?\S\s?[—–]\s?(?:afp|reuters|ap|ani|pti|epa|xinhua|anadolu|getty images|file|reuters/\w+)\W*$|^your email address will not be published|"
    r"^\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|hrs|ist|pkt|gmt|bst|utc|cet|et|est|edt|pst|aft)?\W*$|"
    r"\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago\b|^(?:show )?key events(?: only)?\W*$|"
    r"^pinned(?: post)?\W*$|^(?:e-?mail|twitter|x|follow (?:him|her|them|me))\s*:?\s*\S*@\S+|[\w.+-]+@[\w-]+\.[a-z]{2,}\b|"
    # breadcrumbs ("you are here: Home > News", "Home › World › Asia"), an agency line with a
    # handle ("Reuters @outlet"), section labels, press-release and media-contact lines
    r"^you are here\b|^(?:previous|next|prev|older|newer) (?:article|post|story|page)s?\W*$|\|\s*(?:by\s+[a-z]|published\b)|^(?:[^\s›»]+(?:\s+[^\s›»]+){0,2}\s*[›»]\s*){2,}|^(?:[\w.'’&-]+\s+){1,4}@\w+\W*$|"
    r"^(?:opinion|editorial|op-ed|analysis|comment|commentary|explainer|column|columns|blog|feature|features|"
    r"interview|letters?|world|news|latest news|top stories)\W*$|^press release\b|"
    r"^(?:for )?(?:media|press) (?:queries|enquiries|inquiries|contacts?)\b|"
    # a row of share buttons ("Share Facebook Twitter WhatsApp Email Print"), a breadcrumb from "Home"
    r"^(?:(?:share(?: this)?(?: article| story)?|facebook|twitter|x|whatsapp|e-?mail|print|telegram|linkedin|reddit|"
    r"pinterest|messenger|copy link|copy)[\s|·•,/]*){3,}$|"
    r"^home\s*[›»>/|]?\s*(?:news|world|editorials?|opinion|national|international|region|regional|politics|"
    r"business|sports?|columns?|latest|blogs?|analysis|features?|asia|south asia|middle east|pakistan|india|"
    r"afghanistan)\b",
    re.IGNORECASE,
)
_PAGE_LINE = _Prefiltered(
    _PAGE_LINE_RE,
    needles=("pic.twitter.com", "http://", "https://", "www.", "comments are moderated", "please see our",
             "to see more", "facebook", "twitter", "instagram", "whatsapp", "telegram", "youtube", "linkedin",
             "zoom in", "read later", "|", "[image", "[photo", "[picture", "screengrab", "(@", "published", "›", "»",
             " ago", "@", "photo", "picture", "image", "handout", "video grab", "view", "tip", "let us know",
             "—", "–", "─", ".com", ".net", ".org", ".tv", ".pk", ".in", ".af", ".uk", ".info", ".news",
             ".jp", ".png", ".gif", ".webp", ".svg", "date:", "date :", "pixabay", "unsplash", "shutterstock", "font size", "text size",
             "_", "....", "/", "istock", "wikimedia commons", "flickr", "alamy", "report", "desk", "correspondent"),
    prefixes=("last ", "first ", "updated", "published", "posted", "modified", "date", "source", "credit",
              "courtesy", "read more", "also read", "see also", "read also", "recommended", "more ", "related ",
              "know more", "your tip", "got a", "have a",
              "you might", "you may", "breaking", "live", "total views", "print", "listen", "—", "–", "-",
              "(", "photo", "image", "picture", "file photo", "screengrab", "video grab",
              "@", "enhanced by", "powered by", "sponsored by", "presented by", "back to top", "your email",
              "you are here", "previous ", "next ", "prev ", "older ", "newer ", "opinion", "editorial", "op-ed", "analysis", "comment", "explainer", "column",
              "blog", "feature", "interview", "letter", "world", "news", "latest news", "top stories",
              "top of", "table of", "text size", "font size", "latest ", "top ", "popular ", "trending ",
              "press release", "for media", "for press", "media ", "press ",
              "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "key events", "show key", "pinned", "e-mail",
              "email", "twitter", "x", "follow", "share", "facebook", "whatsapp", "home",
              "read", "end", "(end", "adjust", "change", "increase", "decrease", "representative",
              "afp", "reuters", "ap", "ani", "pti", "ians", "app", "epa", "xinhua", "anadolu", "getty", "upi", "dpa",
              "efe", "bloomberg", "pic", "file", "dear", "respected", "journal", "page", "section", "edition",
              "illustration", "graphic", "infographic", "cartoon", "map", "instagram", "tiktok"),
)
#: A line with no letters but digits (share counts, ad sizes "970x125", a bare date "2024-05-12"),
#: or with neither letters nor digits ("+", "* * *").
_NUMERIC_LINE_RE = re.compile(r"^[\W\d_]*\d[\W\d_]*(?:[x×][\W\d_]*\d[\W\d_]*)?$|^[\W_]+$")
#: A short line that starts with a dash and is not a sentence: a credit ("— Staff photo", "— AFP").
_DASH_CREDIT_RE = re.compile(r"^[—–─]\s*\S[^.!?;:]{0,50}$")
#: A credit line on its own, which makes the line before it a photo caption.
_CREDIT_LINE_RE = re.compile(
    r"^[—–─-]\s*\S|\|\s*(?:afp|reuters|ap|getty images|ani|pti|epa|xinhua|anadolu|file)\b|"
    r"^\(?(?:photo(?:graph)?|image|picture|file photo|screengrab)s?\s*(?::|by\b|via\b|courtesy\b|credit\b)|"
    r"^\(?(?:afp|reuters|ap|ani|pti|epa|xinhua|anadolu|getty images)(?:\s*(?:/|\|)\s*[\w .'’-]+)*\W*$|"
    r"^\([^()/]{2,50}/[^()/]{2,50}\)\W*$",
    re.IGNORECASE,
)
_BIO_RE = re.compile(
    r"^\(?(?:the (?:writer|author)|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}|he|she)\s+(?:is|was)\s+(?:a|an|the)\b"
    r"[^.]{0,100}?\b(?:journalist|writer|columnist|analyst|author|researcher|professor|correspondent|editor|"
    r"reporter|fellow|scholar|student|lawyer|commentator|contributor|academic|lecturer|diplomat|expert)",
    re.IGNORECASE,
)
#: A heading or bullet that ends by naming its source after a colon: "Five killed in blast: police",
#: "... repelled the attack: ISPR".  The source is a capitalised name (one to three words) or a word for one;
#: at least three words stand before the colon, the last ending in a letter or digit (see :func:`_colon_credit`).
_SOURCE_AFTER_COLON_RE = re.compile(
    r"\s*((?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})|(?:local |official |security |police )?"
    r"(?:sources?|officials?|police|report|reports|ministry|army|military|spokes(?:man|person|woman)))\s*$",
    re.IGNORECASE,
)
_WORD_END_RE = re.compile(r"\w[\"”’']?$")


def _colon_credit(text: str):
    """The match of the source named after the last colon of a heading or bullet, or None.

    Only the last colon can start the credit (a source has no colon in it), so the text is cut
    there once instead of being searched at every word.

    >>> _colon_credit("Three guards killed at the post: police").group(1)
    'police'
    >>> _colon_credit("Written by: Ada Kern") is None, _colon_credit("Talks resume: what next") is None
    (True, True)
    """
    colon = text.rfind(":")
    if colon < 0:
        return None
    before = text[:colon].rstrip()
    if len(before.split()) < 3 or not _WORD_END_RE.search(before):
        return None
    return _SOURCE_AFTER_COLON_RE.match(text, colon + 1)
#: A photo caption's marks: where a person stands in the picture ("Hafiz Saeed (C) speaks ...",
#: "(2nd L)"), or a credit in square brackets at the end ("... in Mumbai [Name/Reuters]").
_CAPTION_MARK_RE = re.compile(
    r"\((?:C|L|R|\d(?:st|nd|rd|th)? ?[LR]|L-R|R-L|(?i:centre|center|left|right|far left|far right|front|back))\)|"
    r"\[[^\]\n]{0,60}(?i:/|\b)(?i:reuters|afp|ap|getty images|epa|ani|pti|anadolu|xinhua|file|ap photo)\]\W*$"
)
#: A caption that ends with its credit after a dash, on one line; an image file's name or path.
_CAPTION_CREDIT_RE = re.compile(r"[.!?][\"”’]?\s+[—–─]\s*[\w.]+(?:\s+[\w.]+){0,2}\W*$")
_IMAGE_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg)\b", re.IGNORECASE)
_WRITER_IS_RE = re.compile(r"^\(?the (?:writer|author)\b", re.IGNORECASE)
_FOLLOW_RE = re.compile(
    r"^follow\b|\btweets? (?:at|as) @|\bemail (?:him|her|me|us|them) at\b|\bfollow (?:him|her|me|them|us) (?:on|at)\b",
    re.IGNORECASE,
)
_FOLLOW = _Prefiltered(_FOLLOW_RE, needles=("follow", "tweet", "email "))
_BYLINE_RE = re.compile(
    r"^(?:(?:written|reported|compiled|edited) )?by\s*:?\s+(?-i:[A-Z])|^author\s*:\s*(?-i:[A-Z])|^(?:by )?(?:the )?(?:associated press|reuters|afp|agence france-presse|pti|ani|ians|"
    r"press trust of india|bloomberg|xinhua|dpa|efe)\W*$",
    re.IGNORECASE,
)
_DATE_LINE_RE = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*|[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}(?:,\s*|\s+))?(?:(?:" + "|".join(_MONTHS) + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")\.?,?\s+\d{4})\W*(?:\d{1,2}[:.]\d\d.*)?$",
    re.IGNORECASE,
)
#: A byline that says it is one ("Written by: A. Writer", "By: A. Writer"), even on the first line.
_LABELLED_BYLINE_RE = re.compile(r"^(?:(?:written|reported|compiled|edited) by\b|by\s*:|author\s*:|"
                                 r"by\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z.]+){1,3})\s*$)", re.IGNORECASE)
#: A byline that goes on with its date after a separator: "by A. Writer • May 29, 2031 at 5:00 am".
_BYLINE_DATE_RE = re.compile(r"[•|·]\s*(?:\d|" + "|".join(_MONTHS) + r")", re.IGNORECASE)
#: A line that is only an outlet's name: capitalised words ending in a word newspapers and agencies use.
_OUTLET_LINE_RE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w'’.-]*,?\s+){0,5}(?i:Times|Post|News|Herald|Tribune|Express|Daily|Gazette|Chronicle|"
    r"Agency|Observer|Journal|Monitor|Telegraph|Standard|Mirror|Guardian|Hindu|Dawn)(?:\s+Agency)?\W*$")
_NAME_WORD_RE = re.compile(r"^[A-Z][a-z][A-Za-z.'’-]*$")
#: A lower-case letter followed by a capital inside a word: labels of a menu printed without spaces.
_GLUED_WORDS_RE = re.compile(r"[a-z][A-Z](?=[a-z])")
_FUNCTION_WORDS = frozenset(
    "a an the of for in on at to and or by with from as is are was be our your this that read more".split()
)
_FINAL_PUNCT = ".!?:;\"”’)…"


def _is_name_line(text: str) -> bool:
    """Two or three capitalised words ("Ada Kern"), or such names joined by "&" ("Ada Kern & Bo Lind"):
    a byline.  Not names joined by "and": that is how title-case subheadings read ("Economic Fallout
    and International Isolation").

    >>> _is_name_line("Ada Kern & Bo Lind"), _is_name_line("Economic Fallout and Trade Isolation")
    (True, False)
    """
    names = re.split(r"\s+&\s+", text.strip())
    return all(2 <= len(words := name.split()) <= 3 and all(
        _NAME_WORD_RE.match(w) and w.lower() not in _FUNCTION_WORDS for w in words) for name in names)


def _guess_roles(sents, paragraph_sizes, keys) -> list[str]:
    """Page role of every sentence; ``keys`` are the sentences' :func:`_norm_key` values."""
    n = len(sents)
    roles = ["body"] * n
    first_text = keys[0] if n else ""
    seen_short: dict = {}  # key -> how many sentences share it
    body_seen = False
    for key in keys:
        seen_short[key] = seen_short.get(key, 0) + 1
    headline_seen = False
    title_key = first_text
    for i, s in enumerate(sents):
        text = s.text
        folded = _fold(text)
        words = text.split()
        alone = paragraph_sizes[s.paragraph] == 1
        last_of_line = i + 1 == n or sents[i + 1].paragraph != s.paragraph
        short = alone and len(words) <= 14 and not text.rstrip().endswith((".", "!", ";"))
        late = n > 0 and i >= 0.6 * n
        if _DISCLAIMER.search(text, folded):
            roles[i] = "disclaimer"
        elif (alone or last_of_line and text.startswith("By ") and not text.rstrip().endswith(".")
              or text[:3] in ("By ", "BY ") and is_stamp(text)) \
                and _BYLINE_RE.match(text) and (len(words) <= 8 or len(words) <= 16 and _BYLINE_DATE_RE.search(text)
                                                or len(words) <= 30 and text[:6].lower().startswith("author")) \
                and (i > 0 or _LABELLED_BYLINE_RE.match(text)):
            roles[i] = "byline"  # also "By Name – Outlet" ending the headline's line
        elif _FURNITURE.search(text, folded) and (short or len(words) <= 14 or i > 0):
            roles[i] = "furniture"
        elif len(words) <= 25 and (_NUMERIC_LINE_RE.match(text) or _PAGE_LINE.search(text, folded)) or (
                alone and len(words) <= 7 and _DASH_CREDIT_RE.match(text)):
            roles[i] = "furniture"  # date lines, credits, share prompts, embedded-post signatures
        elif len(words) <= 60 and ("(" in text or "[" in text) and _CAPTION_MARK_RE.search(text):
            roles[i] = "furniture"  # a photo caption: "X (C) speaks to ...", "... [Name/Agency]"
        elif alone and i < 0.4 * n and (len(words) <= 30 and _CAPTION_CREDIT_RE.search(text) or short and i > 0
                                         and roles[i - 1] == "furniture" and _IMAGE_FILE_RE.search(sents[i - 1].text)):
            roles[i] = "furniture"  # a caption with its credit on the line ("... evidence. ─ Agency TV"), or under an image
        elif alone and len(words) <= 60 and i + 2 < n and paragraph_sizes[sents[i + 1].paragraph] == 1 \
                and len(sents[i + 1].text.split()) <= 12 and _CREDIT_LINE_RE.search(sents[i + 1].text):
            roles[i] = "furniture"  # a photo caption: the line after it is a credit line (not the agency credit ending the text)
        elif _FOLLOW.search(text, folded) or _WRITER_IS_RE.match(text) or (
            (late or text.startswith("(")) and _BIO_RE.match(text)
        ):
            roles[i] = "bio"
        elif alone and len(words) <= 8 and _DATE_LINE_RE.match(text.strip()):
            roles[i] = "furniture"  # a date line (or "Place, date"), even above the headline
        elif not headline_seen and not body_seen and alone and len(words) == 1 and i + 1 < n \
                and paragraph_sizes[sents[i + 1].paragraph] == 1 and len(sents[i + 1].text.split()) <= 25:
            roles[i] = "furniture"  # a masthead or section name above the title ("Afghanistan", "DailyPost")
        elif not headline_seen and not body_seen and alone and len(words) <= 25 \
                and not text.rstrip("”’\"' ").endswith((".", ":")) and (i == 0 or all(
                    r in schema.META_ROLES for r in roles[:i])):
            roles[i] = "headline"  # the first line that is not page furniture (a date line may come first)
        elif alone and _DATE_LINE_RE.match(text.strip()):
            roles[i] = "furniture"
        elif alone and _BYLINE_RE.match(text) and (len(words) <= 8 or len(words) <= 16 and _BYLINE_DATE_RE.search(text)):
            roles[i] = "byline"
        elif alone and len(words) <= 8 and _OUTLET_LINE_RE.match(text):
            roles[i] = "furniture"  # the outlet's name on a line of its own ("The Lakeside Times", "Kersk News Agency.")
        elif short and i > 0 and keys[i] in (first_text, title_key):
            roles[i] = "furniture"  # the title printed again
        elif short and len(_GLUED_WORDS_RE.findall(text)) >= 3:
            roles[i] = "furniture"  # menu labels run together ("KashmirPakHot NewsPopular Posts")
        elif short and (len(words) == 1 or len(words) <= 3 and text.rstrip().endswith(":")):
            roles[i] = "furniture"  # tags and section names; labels of page tools ("Trending:", "Text Size:")
        elif short and seen_short[keys[i]] > 1 and not _is_name_line(text):
            roles[i] = "furniture"  # blocks of links printed twice
        elif short and _is_name_line(text):
            roles[i] = "byline"
        elif short:
            roles[i] = "subheading"
        elif not body_seen and i > 0 and len(words) >= 5 and _title_case_share(words) >= 0.7 \
                and (i == 0 or sents[i - 1].paragraph != s.paragraph):
            roles[i] = "subheading"  # a run-in standfirst that lost its line break
        if roles[i] == "body":
            body_seen = True
        if roles[i] == "headline" and not headline_seen:
            headline_seen, title_key = True, keys[i]
    # A caption printed in one paragraph with its credit ("Protesters march in the capital. Photo: AFP"):
    # a short paragraph that ends in a credit line is the caption, not the article.
    for i in range(1, n):
        if roles[i] == "furniture" and sents[i - 1].paragraph == sents[i].paragraph and \
                (i + 1 == n or sents[i + 1].paragraph != sents[i].paragraph) and \
                paragraph_sizes[sents[i].paragraph] <= 3 and _CREDIT_LINE_RE.search(sents[i].text):
            j = i - 1
            while j >= 0 and sents[j].paragraph == sents[i].paragraph:
                roles[j] = "furniture"
                j -= 1
    # Footer: after a strong meta line late in the page, everything else is page furniture too.
    for i in range(n):
        # A short line guessed as a byline only from its capitalised words may be a subheading,
        # so it does not end the article; neither does a credit or date line.
        # An advertisement slot or an "Also read" link inside the article does not end it either.
        if i >= 0.6 * n and roles[i] in ("bio", "disclaimer", "byline", "furniture") and (
            roles[i] != "furniture" or (_FURNITURE_RE.search(sents[i].text) and not _INSERT_RE.match(sents[i].text))
        ) and (roles[i] != "byline" or _BYLINE_RE.match(sents[i].text)):
            for j in range(i + 1, n):
                if roles[j] in ("body", "subheading", "headline", "pullquote"):
                    same_para_bio = roles[j - 1] == "bio" and sents[j].paragraph == sents[j - 1].paragraph
                    roles[j] = "bio" if same_para_bio or _BIO_RE.match(sents[j].text) else "furniture"
            break
    return roles


def _title_case_share(words) -> float:
    content = [w for w in words if len(w) > 3]
    if not content:
        return 0.0
    return sum(w[0].isupper() for w in content) / len(content)


_WORD_RE = re.compile(r"\w+")
#: The same runs in ASCII text, where ``\w`` is ``[a-zA-Z0-9_]`` either way: a narrower class is faster to test.
_ASCII_WORD_RE = re.compile(r"\w+", re.ASCII)


def _norm_key(text: str) -> str:
    r"""The sentence's ``\w+`` runs, lower-cased, joined by single spaces.

    >>> _norm_key("Officials’ claims: “re-checked” 2x"), _norm_key("Üben, naïve!")
    ('officials claims re checked 2x', 'üben naïve')
    """
    if text.isascii():
        return " ".join(_ASCII_WORD_RE.findall(text.lower()))
    return " ".join(_WORD_RE.findall(text.lower()))


# --------------------------------------------------------------------------------------------
# Quotation tracking (L2).

_QUOTE_MARK_SPLIT_RE = re.compile(r'([“”"])')


def _quote_profile(text: str, open_at_start: bool) -> tuple[float, bool]:
    """(share of letters inside double quotes, quote open at the end).

    "Letters" are the characters for which ``str.isalnum()`` is true.

    >>> _quote_profile('“Go home,” he said.', False)
    (0.5, False)
    >>> _quote_profile('No quotation here.', True)
    (1.0, True)
    """
    if "“" not in text and "”" not in text and '"' not in text:
        # Most sentences: nothing opens or closes, so every letter is inside or none is.
        return (1.0 if open_at_start and any(map(str.isalnum, text)) else 0.0), open_at_start
    inside = open_at_start
    quoted = total = 0
    # split() with a group keeps the marks: [text, mark, text, mark, ..., text]
    pieces = _QUOTE_MARK_SPLIT_RE.split(text)
    for k in range(0, len(pieces), 2):
        if k:
            mark = pieces[k - 1]
            inside = True if mark == "“" else False if mark == "”" else not inside
        letters = sum(map(str.isalnum, pieces[k]))
        total += letters
        if inside:
            quoted += letters
    return (quoted / total if total else 0.0), inside


def _single_quoted_whole(text: str) -> bool:
    t = text.strip().rstrip(".!?,")
    return len(t) > 2 and t[0] in "‘'" and t[-1] in "’'" and len(t.split()) >= 3


def _outside_quotes(text: str, open_at_start: bool) -> str:
    """The sentence with quoted letters blanked out (same length), to look for cues outside quotes."""
    inside = open_at_start
    out = []
    for ch in text:
        if ch in "“”\"":
            if ch == "“":
                inside = True
            elif ch == "”":
                inside = False
            else:
                inside = not inside
            out.append(" ")
        else:
            out.append(" " if inside and not ch.isspace() else ch)
    return "".join(out)


# --------------------------------------------------------------------------------------------
# Reporting frames (L3).

@dataclass
class _Attribution:
    cue: str = ""
    source: str = ""
    how: str = ""


def _tokens(low: str):
    """(token, start, end) for every word and punctuation mark of a lower-cased sentence."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(low)]


def _cue_at(rules: _Rules, toks, i: int):
    """Longest cue term starting at token i: (term, type, frame, n_tokens) or None.

    ``toks`` are the token strings (``_TOKEN_RE.findall``); offsets are looked up only
    once a cue is found.
    """
    if toks[i] not in rules.cue_first_words:
        return None  # the common case: no cue term starts with this word
    best = None
    joined = ""
    prefixes = rules.cue_prefixes
    for k in range(i, min(len(toks), i + rules.cue_max_words)):
        w = toks[k]
        if not w[0].isalnum():
            break
        joined = f"{joined} {w}" if k > i else w  # the words from i to k, joined by spaces
        if prefixes is not None and joined not in prefixes:
            break  # no cue term starts with these words
        hit = rules.cue_terms.get(joined)
        if hit:
            best = (joined, hit[0], hit[1], k - i + 1)
    return best


#: Words after which a cue word is a noun or an adjective, not a verb ("the alleged plot",
#: "its declared aim", "of reports").
_NOT_A_SUBJECT = frozenset(
    "the a an its his her their our your my this these those every each no any some such of for in on at by "
    "with from into about to as than".split()
)
#: Words that can open the clause a verb of saying introduces without "that".
_CLAUSE_OPENERS = frozenset("there it he she they we i the a an this these those its his her their our".split())
#: Present-tense verbs that the lexicon lists as plural nouns ("the ministry claims the convoy ...").
_NOUN_OR_VERB = frozenset("claims reports charges".split())
#: Objects that make "claim" mean territory, lives or credit rather than saying.
_CLAIM_OBJECTS = frozenset(
    "region area territory territories land lands valley island islands lives life whole entire entirety "
    "ownership sovereignty parts part all victory credit seat seats title".split()
)
#: Subordinators that open a phrase rather than a clause: "but"/"and" after them can still
#: coordinate with the main verb ("offered to cooperate with X but warned ...").
_WEAK_SUBORDINATORS = frozenset("with as after before since despite once until".split())
#: Words after "claim" that make it mean territory held whole ("claimed in entirety by both states").
_CLAIM_WHOLE = frozenset("entirety entirely wholly jointly full".split())
_BE = frozenset("is are was were be been being".split())
#: Words that introduce what a protest is about (cue frame "content"): "lodged a protest over the firing".
_GRIEVANCE_AFTER = frozenset("over against about regarding that at".split())
#: Verbs after which "to" + a cue still reports: "continue to deny", "went on to say".
_CATENATIVES = frozenset("continue continues continued continuing keep keeps kept began begin begins started "
                         "start starts on".split())
#: Words that open a closing subordinate clause after "..., officials said on Monday,".
#: Participles that go on after a closing frame: '..., the ministry said, citing ...', '... he said adding that ...'.
_CLOSING_PARTICIPLES = frozenset("adding citing referring noting saying calling describing urging insisting "
                                 "pointing warning claiming accusing".split())
_CLOSING_SUBORDINATE = frozenset("while whereas as although though but and which using".split()) | _CLOSING_PARTICIPLES
#: Words after which a cue word is a noun ("a claim as baseless as ...").
_NOUN_MARKERS = frozenset("a an the this that these those its his her their our your my such".split())
#: "He said, ...", "The minister continued, ...": a speaker and a verb of saying, then a comma, open the sentence.
_OPENING_SAID_RE = re.compile(r"^(?:he|she|they|(?:the )?(?:\w+ ){0,3}(?:minister|spokesman|spokesperson|official|"
                              r"officials|president|chief|leader|general|secretary))\s+((?:also |further )?(?:said|added|"
                              r"continued|stated|maintained|observed|remarked|noted|stressed|emphasi[sz]ed|claimed|alleged))"
                              r"\s*,\s")
#: A participle right after a cue adverb: "..., reportedly targeting ...", "..., reportedly sourced from ...".
_PARTICIPLE_AFTER_RE = re.compile(r"\s+\w+(?:ing|ed)\b")
#: What may follow a closing "X said" and still leave it the frame: a phrase or clause of its own.
_CLOSING_THEN_RE = re.compile(r"\s+(?:as|when|while|whilst|after|before|during|in|at|on|from|outside|upon|following|"
                              r"amid|without|late|earlier|today|yesterday|last|this|and|"
                              + "|".join(sorted(_CLOSING_PARTICIPLES)) + r")\b")
#: "As reported, ...", "As was reported by the agency, ...", "As noted earlier, ..." (inside "as ... ,").
_AS_REPORTED_RE = re.compile(r"(?:was |has been |had been |widely |earlier )?(?:reported|mentioned|claimed|alleged)"
                             r"(?:\s+(?:earlier|widely|recently))?(?:\s+by\s+(.{2,60}))?\s*$")
#: After the cue of "As X said, ...": nothing, or only when and how ("As the minister said on Monday,").
_AS_SAID_REST_RE = re.compile(r"\s*(?:(?:earlier|recently|rightly|once|repeatedly|again|last \w+|on \w+|this \w+|"
                              r"in (?:a|an|its|his|her|their) [\w-]+(?: [\w-]+)?|yesterday|today)\s*)*$")
_PREPOSITIONS = frozenset("at in on during after before to with from outside inside".split())


def _possessive(token: str) -> bool:
    return token.endswith(("'s", "'")) and len(token) > 2


#: Modals before a cue verb that make it the writer's prescription ("X should not blame Y") ...
_PRESCRIBING_MODALS = frozenset("should must ought".split())
#: ... or the writer's hedge with an impersonal or first-person subject ("one could say", "this can be described as").
_HEDGING_MODALS = frozenset("could can may might would".split())
_WRITER_SUBJECTS = frozenset("one we i you this it what".split())


def _writer_frames_cue(toks, i: int) -> bool:
    """Whether the cue verb at ``toks[i]`` is the writer's own act rather than a report of someone's:
    after "should/must/ought (to) (not)", after "one/we/I/this could (be)", or with "I" or "we" as its
    subject outside a quotation.

    >>> _writer_frames_cue("pakistan should not blame afghanistan".split(), 3)
    True
    >>> _writer_frames_cue("this can be described as a gamble".split(), 3)
    True
    >>> _writer_frames_cue("we believe that talks help".split(), 1)
    True
    >>> _writer_frames_cue("officials said talks help".split(), 1)
    False
    """
    k = i - 1
    while k >= 0 and toks[k] in ("not", "n't", "to", "be", "also", "rightly", "fairly", "safely", "well", "only"):
        k -= 1
    if k < 0:
        return False
    if toks[k] in _PRESCRIBING_MODALS:
        return True
    if toks[k] in _HEDGING_MODALS and k >= 1 and toks[k - 1] in _WRITER_SUBJECTS:
        return True
    return k == i - 1 and toks[k] in ("we", "i") and '"' not in toks[:i] and "“" not in toks[:i]


def _negated(toks, i: int) -> bool:
    """Whether the cue verb at ``toks[i]`` is negated after an auxiliary ("did not condemn", "was not even
    mentioned", "hasn't said"): the writer reports that something was not said.

    >>> _negated("he did not condemn the attack".split(), 3), _negated("he did condemn it".split(), 3)
    (True, False)
    """
    k = i - 1
    while k >= 0 and toks[k] in ("even", "yet", "once", "ever", "publicly", "openly", "explicitly", "directly"):
        k -= 1
    return k >= 1 and toks[k] in ("not", "n't") and toks[k - 1] in _NEGATED_AUX


#: Auxiliaries before "not" that negate a cue verb.
_NEGATED_AUX = frozenset("did does do has have had was were is are been could would".split())


def _governs(rules: _Rules, toks, i: int, hit, after_aux: bool) -> bool:
    term, ctype, frame, length = hit
    j = i + length
    nxt = toks[j] if j < len(toks) else ""
    prev = toks[i - 1] if i > 0 else ""
    if frame == "exclude" or ctype == "noun":
        return False
    if prev in ("neither", "nor", "never") and ctype in ("verb", "phrase"):
        return False  # "neither condemned the killings nor described ...": an omission the writer reports
    if ctype == "adverb" and (nxt.endswith("ing") or prev in ("a", "an", "the")):
        return False  # "fighters allegedly operating", "a reportedly unprovoked attack": qualifies a noun
    if ctype in ("verb", "phrase") and _writer_frames_cue(toks, i):
        return False  # "Pakistan should not blame ...", "One could say ...", "We believe ...": the writer's own voice
    if ctype in ("verb", "phrase") and _negated(toks, i):
        return False  # "He did not condemn the attack", "It was not even mentioned": nothing was said
    if prev == "to" and not after_aux and not (i >= 2 and toks[i - 2] in _CATENATIVES):
        return False  # "struggling to assert control" (but "continue to deny", "went on to say" report)
    catenative = prev == "to" and i >= 2 and toks[i - 2] in _CATENATIVES
    if ctype in ("verb", "phrase") and not after_aux and not catenative and (
            prev in _NOT_A_SUBJECT or _possessive(prev) or (i == 0 and (
                term.split()[0].endswith("s") or frame in ("directive", "naming")))):
        # "its declared aim", "the alleged plot"; no subject at all: "Calls for new cadres"
        return False  # "its declared aim", "the alleged plot": an adjective, not the main verb
    if i == 0 and ctype == "verb" and term in ("alleged", "reported", "purported", "suspected", "claimed"):
        return False  # "Alleged strikes signal ...": an adjective before a noun, no speaker
    if term.startswith("claim") and any(t in _CLAIM_WHOLE for t in toks[j:j + 3]):
        return False  # "is claimed in entirety by both states": territory
    if term.startswith("claim") and (nxt in _CLAIM_OBJECTS or (
            nxt in ("the", "a", "this", "that", "these", "its", "their") and j + 1 < len(toks)
            and toks[j + 1] in _CLAIM_OBJECTS)):
        return False  # "both states claim the region": territory, not speech
    if frame == "participle":
        return after_aux  # "are warning that"
    if frame == "that":
        if term.startswith("demand") and nxt[:1].isalnum():
            return True  # "demanded Pakistan close down ...", "demands action": always a speech act
        if nxt in ("that", ",", ":", '"', "“"):
            return True
        if nxt in _PREPOSITIONS:  # "confirmed at a press conference ... that"
            return "that" in toks[j:j + 12]
        if nxt in _CLAUSE_OPENERS and j + 2 < len(toks) and (toks[j + 1] in _AUX or toks[j + 2] in _AUX):
            return True  # "maintains there is no ...": a clause without "that"
        return after_aux and ctype == "passive"
    if frame == "object":
        return bool(nxt) and nxt not in ("by", "to", "in", ".", "and", "or")
    if frame == "content":  # "lodged a protest over the firing": a protest that states its grievance
        return any(w in _GRIEVANCE_AFTER for w in toks[j:j + 8])
    if frame == "directive":  # "asked Kabul to act", "pressed for talks"
        if after_aux and term.endswith("ed") and any(t in _BE for t in toks[max(0, i - 3):i]) \
                and "by" not in toks[j:j + 12]:
            return False  # "Citizens are requested not to share ...": the writer's own request
        for w in toks[j:j + 8]:
            if w in ("to", "for", "that"):
                return True
            if not w[0].isalnum():
                return False
        return False
    if frame == "naming":  # "called the clashes a retaliation"; not "called on", "so-called"
        if nxt in ("on", "for", "off", "up", "in", "upon", "out", "back", "it", "him", "her") or prev in ("so",):
            return False
        window = toks[j + 1:j + 7]
        return any(w in ("a", "an", '"', "“") for w in window)
    return True


def _present_noun_verb(toks, i: int) -> bool:
    """"claims"/"reports" used as a present-tense verb: after a subject, before a clause or an object.

    >>> _present_noun_verb("the ministry claims the convoy was hit".split(), 2)
    True
    >>> _present_noun_verb("the claims of the ministry".split(), 1)
    False
    """
    if i == 0 or toks[i] not in _NOUN_OR_VERB:
        return False
    prev, nxt = toks[i - 1], (toks[i + 1] if i + 1 < len(toks) else "")
    if prev in _NOT_A_SUBJECT or _possessive(prev) or prev in _AUX or prev in ("and", "or", ",", "but"):
        return False
    return nxt == "that" or nxt in _CLAUSE_OPENERS or nxt in ("its", "his", "her", "their")


#: The tokens that :func:`_main_clause_cue` acts on, besides the first words of cue terms.
_CLAUSE_TOKENS = frozenset((",", ";", ":", "—", "–", "(", ")", "and", "but")) | _SUBORDINATORS | _AUX


def _main_clause_cue(rules: _Rules, toks):
    """Find a cue that governs the main clause; returns (token index, term) or None.

    Scans left to right.  Subordinators block until the next comma; the first
    auxiliary outside a blocked stretch is taken as the main predicate.  When that
    predicate is not a cue, a cue verb right after "and"/"but" (a second conjunct,
    "arrived in Kabul and told reporters ...") still governs.
    """
    first_words = rules.cue_first_words  # a token not in it starts no cue (_cue_at's own first test)
    acting = rules.clause_tokens  # any other token is passed over below without a change
    blocked = weak_block = False
    clause_start = 0
    subject_noun = False
    main_seen = False
    n = len(toks)
    # Any other token than these is passed over (every branch below just moves on from it): the loop
    # visits only these positions, going on from the first one at or after where the body left ``i``.
    visit = [k for k, w in enumerate(toks) if w in acting] if acting is not None else range(n)
    p, last = 0, len(visit)
    i = 0
    while True:
        while p < last and visit[p] < i:
            p += 1
        if p == last:
            break
        i = visit[p]
        w = toks[i]
        if w in (",", ";", ":", "—", "–", "(", ")"):
            if blocked:
                clause_start = i + 1
                subject_noun = False
            blocked = False
            i += 1
            continue
        if w in _SUBORDINATORS and not (w == "once" and i + 1 < n and toks[i + 1] in ("again", "more")):
            blocked = True  # ("once again", "once more" are adverbs, not the subordinator "once")
            weak_block = w in _WEAK_SUBORDINATORS
            i += 1
            continue
        if blocked and not (main_seen and weak_block and w in ("and", "but")):
            i += 1
            continue
        if main_seen:  # only a second conjunct can still carry a cue
            if w in ("and", "but") and i + 1 < n:
                k = i + 1
                while k < n and (toks[k] in _INSERTS or toks[k] in ("then", "later") or toks[k] in _AUX):
                    k += 1
                hit = _cue_at(rules, toks, k) if k < n else None
                if hit and hit[1] in ("verb", "phrase") and hit[2] != "participle" \
                        and _governs(rules, toks, k, hit, after_aux=True):
                    return k, k + hit[3] - 1, "verb"
            i += 1
            continue
        hit = _cue_at(rules, toks, i) if w in first_words else None
        if hit and hit[2] == "exclude":
            i += hit[3]
            continue
        if hit and hit[1] == "noun" and _present_noun_verb(toks, i):
            return i, i, "verb"
        if hit and hit[1] == "noun" and i - clause_start <= 4:
            subject_noun = True
        if hit and w not in _AUX and _governs(rules, toks, i, hit, after_aux=False):
            return i, i + hit[3] - 1, "verb"
        if w in _AUX:
            j = i + 1
            if hit and _governs(rules, toks, i, hit, after_aux=True):  # "is believed to"
                return i, i + hit[3] - 1, "verb"
            while j < n and (toks[j] in _INSERTS or toks[j].endswith("ly")):
                j += 1
            if j >= n:
                return None
            hit = _cue_at(rules, toks, j)
            if hit and hit[2] == "exclude":
                main_seen = True
                i = j + hit[3]
                continue
            if hit and _governs(rules, toks, j, hit, after_aux=True):
                return j, j + hit[3] - 1, "verb"
            vj = toks[j]
            if vj in _NOUN_TAKERS:
                for k in range(j + 1, min(n, j + 5)):
                    if toks[k] in rules.noun_cues:
                        return j, k, "noun"
            if vj in ("the",) and j + 2 < n and toks[j + 1] == "subject" and toks[j + 2] == "of":
                for k in range(j + 3, min(n, j + 7)):
                    if toks[k] in rules.noun_cues:
                        return j, k, "noun"
            if subject_noun and vj in _PERSIST:
                return j, j, "persist"
            main_seen = True
            i = j + 1
            continue
        i += 1
    return None


def _clean_source(raw_segment: str) -> str:
    seg = raw_segment.strip(" ,;:“”\"'’‘—–()")
    words = seg.split()
    while words and (words[-1].lower() in _AUX or words[-1].lower() in _INSERTS
                     or words[-1].lower().endswith("ly") or words[-1].lower() in ("also", "and", "but")):
        words.pop()
    lead = ("in", "on", "at", "during", "since", "after", "through", "despite", "for", "with", "last",
            "over", "meanwhile", "however", "but", "and", "yet", "so", "then", "now", "also")
    if words and words[0].lower() in lead:
        k = 1
        while k < len(words) and not words[k][:1].isupper():
            k += 1
        if k < len(words):
            words = words[k:]
        elif words[0].lower() in ("but", "and", "yet", "so", "meanwhile", "however"):
            words = words[1:]
    if len(words) > 4:
        starts = [k for k, w in enumerate(words)
                  if w.lower() in _DETERMINERS or (w[:1].isupper() and (k == 0 or not (
                      words[k - 1][:1].isupper() or (k >= 2 and words[k - 1] in ("of", "for", "and")
                                                    and words[k - 2][:1].isupper()))))]
        if starts and len(words) - starts[-1] <= 8:
            words = words[starts[-1]:]
    return " ".join(words).strip(" ,;:“”\"'’‘")


_DETERMINERS = frozenset("the a an some several many numerous these those its their his her our critics".split())


def _source_before(text: str, pos: int) -> str:
    """The noun phrase just before a cue: the comma segment before it, skipping an appositive."""
    parts = text[:pos].split(",")
    for back in (1, 3, 2):
        if len(parts) >= back:
            cand = _clean_source(parts[-back])
            if cand and (any(w[:1].isupper() for w in cand.split()) or cand.split()[0].lower() in _PRONOUNS
                         or len(cand.split()) <= 4):
                return cand
    return ""


_AFTER_STOP_RE = re.compile(r"[,.;:!?“”\"(]|\s(?:at|in|on|during|after|before|for|with|from|that|who|which|as|over|of)\s")


def _source_after(text: str, pos: int) -> str:
    rest = text[pos:]
    m = _AFTER_STOP_RE.search(" " + rest)
    seg = rest[: (m.start() - 1) if m else len(rest)]
    return _clean_source(seg)


def _subject(text: str, offsets, upto: int) -> str:
    """The words before the first auxiliary or past-tense verb of the sentence (its subject).

    >>> low = "the minister arrived in kabul and told reporters"
    >>> _subject("The minister arrived in Kabul and told reporters", _tokens(low), 5)
    'The minister'
    """
    first = 0
    for k, (tok, a, _) in enumerate(offsets[:upto]):
        if tok == ",":
            first = k + 1
        elif k > first and (tok in _AUX or (tok.endswith("ed") and len(tok) > 3)):
            return _clean_source(text[offsets[first][1]:a])
    return ""


#: A quotation that opens the sentence, then its speaker and a verb of saying: "'We lost everything,'
#: Khan said as he ...", "“We lost everything,” said Khan, ...".  Group 1 is what follows the closing mark.
_OPENING_QUOTE_RE = re.compile(r"^[“\"‘'](?:[^”\"’']|['’](?=\w))+?[,.!?—–-]?[”\"’']\s*,?\s+(.{0,70})")
#: "By India's count, ...", "By the army's own estimate, ...": a count credited to its owner.
_BY_COUNT_RE = re.compile(r"^by\s+((?:the\s+)?[\w .-]{2,40}?)['’]s?\s+(?:own\s+)?(?:count|counts|estimate|estimates|"
                          r"reckoning|account|tally|figures|admission)\s*,")
#: "X holds Y responsible for ...": a charge made by the subject.
_HOLDS_RESPONSIBLE_RE = re.compile(r"\bh(?:old|olds|eld|olding)\s+(?:[\w'’.-]+\s+){1,4}(?:responsible|accountable)\b")
#: "Name, an official with the ministry in Kersk, said ...": an apposition, no comma before the verb of saying.
_APPOSITION_SAID_RE = re.compile(
    r"^([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s+(?:an?|the)\s+[^,;“”\"]{3,120}?\s+"
    r"((?:also\s+)?(?:said|says|told|added|stated|claimed|alleged|noted|explained|confirmed|insisted))\b")
#: A heading or bullet that names its source before a colon: "Sources: Troops clash again".
_SOURCE_BEFORE_COLON_RE = re.compile(
    r"^\W*((?:local |security |official |diplomatic |police )?(?:sources?|officials?|police|witnesses|residents|"
    r"reports?))\s*:\s+\S+(?:\s+\S+){3,}", re.IGNORECASE)


def _opening_frame(rules: _Rules, text: str, low: str) -> _Attribution | None:
    """A frame that opens the sentence or heading: a quotation and its speaker, "By X's count,",
    "X holds Y responsible", "Name, an official ..., said", "Sources: ...".

    >>> _opening_frame(_rules(), "'We lost it all,' Khan said as he stood in the camp, tired.",
    ...                "'we lost it all,' khan said as he stood in the camp, tired.").source
    'Khan'
    >>> _opening_frame(_rules(), "The talks resumed.", "the talks resumed.") is None
    True
    """
    first = low[:1]
    if first in "“\"‘'":
        m = _OPENING_QUOTE_RE.match(low)
        rest = m.group(1) if m else ""
        cue = rest and _verb_cue(rules, rest)
        if cue and len(rest[:cue.start()].split()) <= 5 and not (set(rest[:cue.start()].split()) & _SUBORDINATORS):
            at = m.start(1) + cue.start()
            source = _clean_source(text[m.start(1):at]) or _source_after(text, m.start(1) + cue.end())
            return _Attribution(text[at:m.start(1) + cue.end()], source,
                                "L2 a quotation opens the sentence, then its speaker and cue")
    if first == "b" and (m := _BY_COUNT_RE.match(low)):
        return _Attribution(text[:m.end()].rstrip(", "), _clean_source(text[m.start(1):m.end(1)]), "L3 'By X's count' frame")
    if " responsible" in low or " accountable" in low:
        m = _HOLDS_RESPONSIBLE_RE.search(low)
        if m:
            return _Attribution(text[m.start():m.end()], _source_before(text, m.start()),
                                "L3 'X holds Y responsible' charges in X's voice")
    if ", " in text and (m := _APPOSITION_SAID_RE.match(text)):
        return _Attribution(m.group(2), m.group(1), "L3 'Name, an official ..., said' frame")
    if ":" in text and (m := _SOURCE_BEFORE_COLON_RE.match(text)):
        return _Attribution(text[m.start(1):m.end(1)], "", "L3 a heading or bullet credited to a source before a colon")
    return None


def _find_attribution(rules: _Rules, text: str, low: str) -> _Attribution | None:
    """L3: a reporting frame that governs the sentence, with its cue and source (best effort).

    Several patterns below can only match if a fixed piece of text is present ("according to",
    "-edly", commas, " that"); checking that with ``in`` first is much faster than letting the
    regex fail, and never changes the result.
    """
    m = ("according to" in low or "as per" in low) and _ACCORDING_RE.search(low)
    if m:
        src = _source_after(text, m.end())
        return _Attribution(text[m.start():m.end()], src, "L3 'according to' frame")
    found = _opening_frame(rules, text, low)
    if found:
        return found
    toks = _TOKEN_RE.findall(low)
    found = _main_clause_cue(rules, toks)
    if found:
        i, k, kind = found
        offsets = _tokens(low)
        start, end = offsets[i][1], offsets[k][2]
        cue, term = text[start:end], low[start:end]
        quoted_before = low[max(0, start - 4):start].strip().endswith((",", '"', "“", "”")) and \
            _DOUBLE_QUOTE_RE.search(low[max(0, start - 4):start])
        if term.endswith(" by") or quoted_before:
            src = _source_after(text, end)
        elif term.startswith(("reports ", "sources ")):
            src = _clean_source(_source_before(text, start) + " " + cue.split()[0])
        else:
            src = _source_before(text, start)
            if not src or src.lower() in ("the", "a"):
                src = _source_after(text, end)
        if kind == "verb" and i > 0 and toks[i - 1] in ("been", "being", "is", "are", "was", "were") \
                and term.endswith("ed") and not term.endswith(" by"):
            nxt = toks[k + 1] if k + 1 < len(toks) else ""
            src = _source_after(text, offsets[k + 1][2]) if nxt == "by" else ""  # "has been accused of": no speaker
        if i > 0 and toks[i - 1] in ("and", "but") and kind == "verb":
            src = _subject(text, offsets, i)  # a second conjunct: the speaker is the sentence's subject
        if src.lower() in ("it", "there", "this"):
            src = ""  # "it is widely believed that": no speaker named
        if kind == "noun":
            fm = _FROM_SOURCE_RE.search(text[start:])
            if fm:
                src = fm.group(1)
            elif toks[i] in ("faced", "face", "faces", "facing", "the"):
                src = ""  # "has faced allegations": the accusers are not named
        elif kind == "persist":
            src = ""
        return _Attribution(cue, src, f"L3 cue '{term}' governs the main clause")
    m = _SOURCE_SUBJECT_RE.search(low)
    if m:
        return _Attribution(text[m.start(2):m.end(2)], _clean_source(text[m.start(1):m.end(1)]),
                            "L3 a source ('sources', 'reports') is the subject of a reporting verb")
    m = _OPENING_SAID_RE.match(low)  # "He continued, the entire media ...": the frame opens the sentence
    if m:
        return _Attribution(text[m.start(1):m.end(1)], _clean_source(text[:m.start(1)]), "L3 'X said,' opens the sentence")
    m = "edly" in low and _ADVERB_CUE_RE.search(low)  # reportedly, purportedly, supposedly, allegedly
    if m and _PARTICIPLE_AFTER_RE.match(low, m.end()) and low[:m.start()].rstrip().endswith(","):
        m = None  # "..., reportedly targeting camps": the adverb qualifies a phrase, not the main claim
    if m and not low[max(0, m.start() - 4):m.start()].endswith(("a ", "an ", "the ")) \
            and low[:m.start()].split()[-1:] not in (["which"], ["who"], ["that"], ["whom"]):
        # "a reportedly unprovoked attack", "a raid, which allegedly cost ...": not the main claim
        return _Attribution(text[m.start():m.end()], "", "L3 adverb cue qualifies the main claim")
    commas = low.count(",")
    m = commas >= 2 and rules.parenthetical_re.search(low)  # ", X said,"
    if m:
        cue_start = m.end(1)
        cue = text[cue_start:m.end()].rstrip(" ,")
        return _Attribution(cue, _clean_source(text[m.start(1):m.end(1)]), "L3 parenthetical 'X said'")
    # "..., officials said." at the end of the sentence; or just before a closing subordinate clause
    # ("..., officials said on Monday, while ...").
    last_comma = low.rfind(",")
    after = low[last_comma + 1:last_comma + 12].split(maxsplit=1) if last_comma >= 0 else ()
    if after and after[0] in _CLOSING_SUBORDINATE:
        previous = low.rfind(",", 0, last_comma)
        if previous >= 0:
            tail = low[previous + 1:last_comma]
            m = (rules.verb_cue_ascii if tail.isascii() and rules.verb_cue_ascii else rules.verb_cue_re).search(tail)
            if m and len(tail.split()) <= 8 and not (set(tail.split()) & _SUBORDINATORS) \
                    and len(tail[m.end():].split()) <= 3 and len(tail[:m.start()].split()) <= 4:
                pos = previous + 1 + m.start()
                return _Attribution(text[pos:previous + 1 + m.end()], _clean_source(text[previous + 1:pos]),
                                    "L3 closing 'X said' before a subordinate clause")
    if last_comma >= 0:
        tail = low[last_comma + 1:]
        tail_toks = tail.split()
        if len(tail_toks) <= 10 and not (set(tail_toks) & _SUBORDINATORS):
            m = (rules.verb_cue_ascii if tail.isascii() and rules.verb_cue_ascii else rules.verb_cue_re).search(tail)
            if m and len(tail[m.end():].split()) <= 4:  # "..., officials said." / "..., said the minister."
                pos = last_comma + 1 + m.start()
                return _Attribution(text[pos:last_comma + 1 + m.end()],
                                    _clean_source(text[last_comma + 1:pos]) or _source_after(text, last_comma + 1 + m.end()),
                                    "L3 closing 'X said'")
    # "..., Khan said as he stood in the camp.": the closing frame goes on with a clause or phrase of
    # its own ("as", "when", "after", "in", "on" ...), which does not take the report away from him.
    m = last_comma >= 0 and _verb_cue(rules, low[last_comma + 1:])
    if m:
        tail = low[last_comma + 1:]
        head = tail[:m.start()].split()
        if 1 <= len(head) <= 4 and not (set(head) & _SUBORDINATORS) and head[-1] not in _NOUN_MARKERS \
                and head[-1] not in _AUX \
                and _CLOSING_THEN_RE.match(tail, m.end()):
            pos = last_comma + 1 + m.start()
            return _Attribution(text[pos:last_comma + 1 + m.end()], _clean_source(text[last_comma + 1:pos]),
                                "L3 closing 'X said' before a phrase of its own")
    # "As the spokesman stated, ...", "As reported by the agency, ...": the frame opens the sentence.
    if low.startswith("as "):
        comma = low.find(",")
        part = low[3:comma] if 3 < comma <= 90 else ""
        m = part and _AS_REPORTED_RE.match(part)
        if m:
            return _Attribution(text[:3 + m.end()], _clean_source(text[3 + m.start(1):3 + m.end(1)]) if m.group(1) else "",
                                "L3 'as reported' opens the sentence")
        m = part and _verb_cue(rules, part)
        if m and 1 <= len(part[:m.start()].split()) <= 7 and _AS_SAID_REST_RE.match(part, m.end()) \
                and not (set(part[:m.start()].split()) & _SUBORDINATORS):
            return _Attribution(text[3 + m.start():3 + m.end()], _clean_source(text[3:3 + m.start()]),
                                "L3 'As X said,' opens the sentence")
    m = commas >= 1 and rules.participle_re.search(low)  # ", accusing"
    if m:
        cue = text[m.start():m.end()].lstrip(", ").strip()
        before = text[:m.start()].split(",")
        subject = []
        for w in before[-1].split():
            if w.lower() in _AUX:
                break
            subject.append(w)
        src = _clean_source(" ".join(subject)) if len(subject) < len(before[-1].split()) else ""
        return _Attribution(cue, src or _source_before(text, m.start()),
                            "L3 participle cue (', accusing ...') reports someone's charge")
    m = ("there " in low or " is that" in low or "impression " in low
         or (" that" in low and (low.startswith(("it ", "but it ", "and it ", "yet it ")) or ", it " in low))) \
        and _NOUN_FRAME_RE.search(low)
    if m:
        return _Attribution(text[m.start():m.end()], "", "L3 speech-act noun frame")
    return None


def _source_type(source: str, how: str) -> str:
    s = source.lower()
    if not s:
        return "unnamed"
    for stype, pattern in _SOURCE_NOUN_TYPE_RES:
        if pattern.search(s):
            if stype == "document" and not any(w[:1].isupper() for w in source.split()[1:] + source.split()[:1]
                                               if w.lower() not in ("the", "a", "an", "numerous", "several")):
                return "unnamed"
            if stype in ("named_expert",) and not any(w[:1].isupper() for w in source.split()[1:]):
                return "unnamed"
            return stype
    words = source.split()
    if s.split()[0] in _PRONOUNS:
        return "unnamed" if s.split()[0] in ("they", "we") else "named_other"
    if any(w[:1].isupper() for w in words):
        return "named_other"
    return "unnamed"


# --------------------------------------------------------------------------------------------
# Advocacy (L4).

def _advocacy_reason(rules: _Rules, text: str, low: str) -> str:
    if _QUESTION_END_RE.search(text):
        return "L4 question in the writer's voice"
    if text.rstrip(" ”’\"')").endswith("!"):
        return "L4 exclamation in the writer's voice"
    toks = low.split(maxsplit=2)  # only the first two words are needed
    if toks:
        first = toks[0].strip(",.;:")
        second = toks[1] if len(toks) > 1 else ""
        if first in _IMPERATIVES and second not in _NOT_IMPERATIVE_NEXT and text[:1].isupper():
            return f"L4 imperative '{first}'"
    found = rules.advocacy.find(low)  # every marker of modals.csv, in one pass
    if found["prescription"]:
        return f"L4 prescription '{found['prescription'][0].group()}'"
    for m in found["prediction"]:
        if _is_month_may(text, m):
            continue
        if m.group() == "will" and _WE_I_BEFORE_RE.search(low[:m.start()]):
            continue  # "In this article we will ...": the writer's signposting, not a forecast
        if m.group() in ("may", "might", "could") and low.startswith(" have ", m.end()):
            continue  # "might have formed": how sure the writer is about the past, a hedge (codebook §8)
        if m.group() in ("could", "can") and _PERCEIVED_RE.match(low, m.end()):
            continue  # "could be heard", "could not be reached for comment": what was (not) perceived or done

        return f"L4 prediction '{m.group()}'"
    if found["evaluation"]:
        return f"L4 evaluation '{found['evaluation'][0].group()}'"
    weak = [m.group() for m in found["weak"]]
    if len(weak) >= WEAK_EVALUATION_THRESHOLD:
        return "L4 evaluation (" + ", ".join(f"'{w}'" for w in weak) + ")"
    m = (" is " in low or " are " in low or " was " in low or " were " in low or " remain" in low or " seem" in low
         or " appear" in low) and _JUDGING_PREDICATE_RE.search(low)
    if m:
        return f"L4 evaluation '{m.group().strip()}' (a judgement as the predicate)"
    m = _WRITER_HOPES_RE.match(low)
    if m:
        return f"L4 the writer's own hope or belief '{m.group().strip()}'"
    return ""


#: A judging adjective as what the sentence says of its subject: "the outcome is welcome", "this is
#: not acceptable", "the move was most encouraging" (general English adjectives of judgement).
_JUDGING_PREDICATE_RE = re.compile(
    r"\b(?:is|are|was|were|remains?|remained|seems?|seemed|appears?|appeared)\s+(?:not\s+)?"
    r"(?:\w+ly\s+|most\s+|very\s+|so\s+|quite\s+|too\s+)?(?:welcome|significant|astounding|remarkable|necessary|"
    r"important|crucial|right|wrong|good|bad|laudable|commendable|unfortunate|regrettable|deplorable|admirable|"
    r"encouraging|disappointing|alarming|worrying|troubling|heartening|appalling|shocking|unacceptable|untenable|"
    r"meaningless|pointless|futile|ironic|absurd|dangerous|reckless|irresponsible|misguided|understandable|justified|"
    r"unjustified|legitimate|illegitimate|essential|vital|critical)\b")
#: The writer (or the paper) saying what it hopes, believes or urges: "We hope that ...", "I believe ...".
_WRITER_HOPES_RE = re.compile(r"^\W*(?:and |but |so )?(?:we|i) (?:\w+ly )?(?:hope|believe|think|feel|urge|trust|wish|"
                              r"expect|fear|doubt|suggest|recommend|demand)\b")


#: After "could"/"can": perception or a reporter's attempt, a past fact rather than a prediction.
_PERCEIVED_RE = re.compile(r" (?:not |clearly |still |also |only )?(?:be |been )?(?:seen|heard|felt|spotted|observed|"
                           r"smelt|smelled|reached|contacted|independently (?:verified|confirmed)|verified|confirmed)\b")


def _is_month_may(text: str, m) -> bool:
    """'May' with a capital inside a sentence is the month, not the modal."""
    return m.group() == "may" and m.start() > 0 and text[m.start():m.start() + 3] == "May"


def _verbless(low: str) -> bool:
    """True if no finite verb appears before the first subordinator (a to-do list item)."""
    for w in _LETTERS_RE.findall(low):
        if w in _SUBORDINATORS:
            return True
        if w in _FINITE_HINTS or (w.endswith("ed") and len(w) > 4):
            return False
    return True


# --------------------------------------------------------------------------------------------
# The tagger.

def _check_text(text, article_id) -> None:
    if isinstance(text, bytes):
        raise TaggerInputError(
            "The tagger needs text (str), not bytes. Decode it first, e.g. raw.decode('utf-8')."
        )
    if not isinstance(text, str):
        raise TaggerInputError(
            f"The tagger needs the article's text as a str; got {type(text).__name__}. "
            "Pass the text itself, e.g. open(path, encoding='utf-8').read() or ml.load_raw('balakot')."
        )
    if not isinstance(article_id, str) or not article_id.strip():
        raise TaggerInputError(
            f"article_id must be a non-empty str such as 'user' or 'my-article'; got {article_id!r}."
        )


def _segment(text: str):
    try:
        return split_sentences(text)
    except Exception as error:  # the sentence breaker is a C library; report in our own words
        raise TaggerInputError(
            f"The sentence splitter could not read this text ({type(error).__name__}). "
            "Check that it is ordinary Unicode text (no binary data)."
        ) from error


#: Characters that change nothing a reader sees but split words for a pattern: zero-width
#: spaces and joiners, the soft hyphen, bidirectional marks, embeddings and isolates, the BOM.
_INVISIBLE_RE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _analyse(text: str, article_id: str, with_spans: bool = True):
    """Sentence rows and (if ``with_spans``) span rows; spans never change a sentence's row.

    Invisible characters (:data:`_INVISIBLE_RE`) are taken out before the rules run, so that
    "s\u200baid" is still "said"; every offset is then mapped back to the raw text.
    """
    _check_text(text, article_id)
    with _no_cycle_collection():
        if _INVISIBLE_RE.search(text):
            return _analyse_visible(text, article_id, with_spans)
        return _analyse_plain(text, article_id, with_spans)


@contextmanager
def _no_cycle_collection():
    """Pause Python's cycle collector while one text is tagged.

    Tagging makes many short-lived objects (match objects, tuples, lists) and no reference
    cycles; the collector would scan them again and again for nothing (about 4 % of the
    tagger's time).  It is switched back on afterwards, even after an error, unless it
    was already off; anything it would have collected meanwhile it collects then.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _analyse_visible(raw: str, article_id: str, with_spans: bool):
    """Tag ``raw`` without its invisible characters; offsets and texts index ``raw``.

    >>> rows, spans = _analyse("Officials s\u200baid the road was closed.", "x")
    >>> rows[0][8], rows[0][9], spans[0][2:5]
    ('attributed', 's\u200baid', (10, 15, 's\u200baid'))
    """
    keep = [i for i, ch in enumerate(raw) if not _INVISIBLE_RE.match(ch)]
    visible = "".join(raw[i] for i in keep)

    def start(a: int) -> int:
        return keep[a] if a < len(keep) else len(raw)

    def end(b: int) -> int:
        return keep[b - 1] + 1 if b > 0 else 0

    rows, spans = _analyse_plain(visible, article_id, with_spans)
    for row in rows:
        a, b = start(row[3]), end(row[4])
        for k, column in ((9, row[9]), (10, row[10])):  # cue and source, as printed in the raw text
            at = visible.find(column, row[3], row[4]) if column and not column.startswith("[") else -1
            if at >= 0:
                row[k] = raw[start(at):end(at + len(column))]
        row[3], row[4], row[5] = a, b, raw[a:b]
    mapped = []
    for span in spans:
        a, b = start(span[2]), end(span[3])
        mapped.append((span[0], span[1], a, b, raw[a:b], *span[5:]))
    return rows, mapped


def _analyse_plain(text: str, article_id: str, with_spans: bool = True):
    rules = _rules()
    sents = _segment(text)
    paragraph_sizes: dict = {}
    for s in sents:  # a date stamp or section label cut off the line does not count ("date 2019-02-14 By PTI")
        paragraph_sizes[s.paragraph] = paragraph_sizes.get(s.paragraph, 0) + (not is_stamp(s.text))
    paragraph_sizes = {p: max(1, size) for p, size in paragraph_sizes.items()}
    keys = [_norm_key(s.text) for s in sents]  # used for roles and for repeats
    roles = _guess_roles(sents, paragraph_sizes, keys)
    width = max(3, len(str(len(sents))))
    sids = [_sid(article_id, i, width) for i in range(len(sents))]

    # Repeats: the earlier sentence a later one copies (exactly, or most of its word triples).
    first_seen: dict = {}
    shingle_owner: dict = {}
    repeats = [""] * len(sents)
    for i, key in enumerate(keys):
        if key in first_seen and key:
            repeats[i] = first_seen[key]
        words = key.split()
        tri = set(zip(words, words[1:], words[2:]))  # the sentence's word triples
        new = tri.difference(shingle_owner)  # the triples no earlier sentence has
        # (unless earlier sentences have 60 % of its triples, no one of them can own 60 %)
        if not repeats[i] and len(tri) >= 5 and len(tri) - len(new) >= 0.6 * len(tri):
            counts: dict = {}
            for t in tri:
                if t in shingle_owner:
                    counts[shingle_owner[t]] = counts.get(shingle_owner[t], 0) + 1
            owner, hits = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
            if hits >= 0.6 * len(tri):
                repeats[i] = sids[owner]
        first_seen.setdefault(key, sids[i])
        shingle_owner.update(dict.fromkeys(new, i))  # each triple keeps the first sentence that had it
    for i, s in enumerate(sents):
        if repeats[i] and roles[i] == "body" and paragraph_sizes[s.paragraph] == 1:
            roles[i] = "pullquote"

    rows = []
    spans = []
    open_quote = False
    prev_para = None
    prev_label_reason = prev_attributed = ""
    for i, s in enumerate(sents):
        if s.paragraph != prev_para:
            open_quote = False
            prev_label_reason = prev_attributed = ""
        prev_para = s.paragraph
        text = s.text
        low = text.lower().replace("’", "'").replace("‘", "'")
        role = roles[i]
        started_inside = open_quote
        share, open_quote = _quote_profile(text, started_inside)
        label, cue, source, rationale = "fact", "", "", ""
        if role in schema.META_ROLES:
            label, rationale = "meta", f"L1 page role '{role}'"
        elif role in ("headline", "subheading") and (heading_cue := _heading_cue(rules, low)):
            label, cue, rationale = "attributed", text[heading_cue[0]:heading_cue[1]], \
                "L3 a heading that names a speech act (claim, accusation ...)"
            source = ""
        elif ":" in text and len(text.split()) <= 30 and (credit := _colon_credit(text)):
            label, cue, source = "attributed", "[colon credit]", credit.group(1)
            rationale = "L3 a heading or bullet credited to a source after a colon ('...: police')"
        elif started_inside or share >= 0.5 or _single_quoted_whole(text):
            label = "attributed"
            outside_text = _outside_quotes(text, started_inside)
            att = _find_attribution(rules, outside_text, outside_text.lower().replace("’", "'"))
            if att and att.cue:
                cue, source = att.cue, att.source
            if started_inside and not cue:
                cue, rationale = "[continued quotation]", "L2 continues a quotation opened earlier"
            elif not cue:
                cue, rationale = "[quotation marks]", "L2 direct quotation"
            else:
                rationale = "L2 direct quotation with its own cue"
        else:
            m = _WRITER_FRAME_RE.match(low)
            body_low = low[m.end():] if m else low
            body_text = text[m.end():] if m else text
            att = _find_attribution(rules, body_text, body_low)
            if not att and prev_attributed and _verbless(body_low) and not _QUESTION_END_RE.search(text) and (
                    body_low.startswith(("to ", "and to ", "not ", "and ", "or ", "nor ", "but not "))
                    or len(body_low.split()) <= 6):  # "To restore the ceasefire." after "X said its aim was ..."
                att = _Attribution("", prev_attributed, "L3 a verbless fragment continuing the reported speech before it")
            if att:
                label, cue, source, rationale = "attributed", att.cue, att.source, att.how
            else:
                reason = _advocacy_reason(rules, body_text, body_low)
                if not reason and prev_label_reason.startswith(("L4 prescription", "L4 imperative", "L4 list")) \
                        and _verbless(body_low):
                    reason = "L4 list item continuing a prescription"
                if reason:
                    label, rationale = "advocacy", reason
                else:
                    label, rationale = "fact", "L5 no cue, no advocacy marker: the writer's own statement"
                    if m:
                        rationale += " (opening frame is the writer's)"
        prev_label_reason = rationale if label == "advocacy" else ""
        prev_attributed = (source or "unnamed") if label == "attributed" and rationale.startswith("L3") else ""
        rows.append([article_id, sids[i], s.paragraph, s.start, s.end, text, role,
                     repeats[i], label, cue, source, rationale, started_inside, open_quote,
                     _confidence(rules, text, low, role, label, rationale, share, keys[i])])
        if with_spans:
            spans.extend(_sentence_spans(rules, article_id, sids[i], s, low, label))

    _fill_quotation_sources(rows)
    _opinion_piece_defaults(rows)
    _first_person_stance(rows)
    finder = accusation.AccusationFinder(names_inside(row[5] for row in rows))
    for row in rows:  # who accuses whom (codebook §4), with the sources the quotations now have
        sure = row.pop(14)
        row.extend(finder(row[5], label=row[8], source=row[10]))
        row.extend(sure)
    return rows, spans


#: A sentence with one of these has something a record could settle: a number, a date, a time.
_ANCHOR_RE = re.compile(r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                        r"tonight|ago|last (?:week|month|year|night)|earlier this|" + "|".join(_MONTHS[:12]) + r")\b")
_OPINION_LABEL_RE = re.compile(r"^(?:editorial|opinion|op-ed|comment|commentary|column|analysis|\w+ edit)\b", re.IGNORECASE)
#: A text reads as an opinion piece, without a line that says so, when at most this share of its
#: content sentences report someone's words (argued writing quotes little) ...
OPINION_MAX_ATTRIBUTED = 0.1
#: ... and at least this share carry a sign of advocacy, in a text of at least this many content sentences.
OPINION_MIN_ADVOCACY = 0.1
OPINION_MIN_SENTENCES = 6
#: Narration: a verb in the past ("India announced ...", "were targeted", "had gone") ...
#: Common irregular past forms (a fragment has none of these, no auxiliary and no "-ed" word;
#: narration has one of these or an "-ed" word).
_IRREGULAR_PAST = frozenset(
    "held made took went came said told met left fell rose gave won lost led fought began broke ran saw struck "
    "kept set put got hit shot sent built paid found sold stood brought bought thought felt knew grew drew "
    "spoke wrote chose froze hid fled sought spent lent meant flew threw withdrew heard caught cut".split()
)


_PAST_VERB_RE = re.compile(r"\b(?:was|were|had|did|\w{3,}ed|" + "|".join(sorted(_IRREGULAR_PAST)) + r")\b")
#: ... with no verb in the present and no word of stance, degree or modality, which would make it
#: a claim about how things are or should be rather than a report of what happened.
_PRESENT_OR_STANCE_RE = re.compile(
    r"\b(?:is|are|am|has|have|does|do|remains?|seems?|appears?|must|should|need|needs|cannot|can't|will|would|"
    r"could|may|might|very|so|too|more|most|less|least|only|even|just|merely|clearly|obviously|indeed|certainly|"
    r"truly|really|never|always|every|any|nothing|all|no one)\b"
)


#: The writer speaking as "I" or "we" outside any quotation: "We are in a weird tit for tat", "I can't watch ...".
_FIRST_PERSON_RE = re.compile(r"(?:^|[\s(—–-])(?:i|we|i'm|we're|i've|we've|i'd|we'd|i can't|we can't|let us|let's)\s", re.IGNORECASE)


#: The writer announcing what the article will do ("In this article, we will explore ..."): signposting, not a stance.
_SIGNPOST_RE = re.compile(r"\b(?:this|the following) (?:article|piece|essay|column|post|report|paper)\b|"
                          r"\b(?:we|i) (?:will|shall|'ll) (?:\w+ )?(?:delve|explore|discuss|examine|look|consider|"
                          r"analy[sz]e|review|outline|describe|explain|turn)\b")
#: The three stance patterns for a lower-cased ASCII sentence, finding the same there, faster: ASCII twins
#: (:func:`medialit.regex_dispatch.ascii_twin`), and the first-person pattern without case folding (its
#: letters are lower-case, and so is every letter of such a sentence); tests/test_tagger_shortcuts.py.
_STANCE_ASCII = (ascii_twin(_ANCHOR_RE), re.compile(_FIRST_PERSON_RE.pattern), ascii_twin(_SIGNPOST_RE))


def _first_person_stance(rows) -> None:
    """A body sentence in the writer's own voice that speaks as "I" or "we", with no number, date or
    time, is the writer taking a stance (codebook L4): advocacy, unsure.  Signposting about the
    article itself ("In this article, we will explore ...") is not."""
    for r in rows:
        if not (r[8] == "fact" and r[6] == "body" and r[11].startswith("L5")):
            continue  # lower-cased only for the sentences the patterns are asked about
        low = r[5].lower().replace("’", "'")
        anchor, first_person, signpost = _STANCE_ASCII if low.isascii() else (_ANCHOR_RE, _FIRST_PERSON_RE, _SIGNPOST_RE)
        # the rarest sign first: few sentences speak as "I" or "we" (the three tests have no side effects)
        if first_person.search(" " + low) and not anchor.search(low) and not signpost.search(low):
            r[8], r[11] = "advocacy", "L4 the writer speaks as 'I' or 'we': a stance"
            r[14] = ("unsure", f"{UNSURE_NO_RULE} (the writer speaks in the first person)")


#: An act reported in the present perfect ("has launched", "have been attacking", "had started"):
#: narration of events, like the simple past, when a party is named as well ("Norland has launched ...",
#: not "The quarrel has reached a new stage").
_PERFECT_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|not\s+|also\s+|yet again\s+|been\s+)*(?:\w{3,}ed|taken|made|given|begun|"
    r"fought|struck|sent|held|led|become|won|lost|shown|known|drawn|thrown|flown|fled|written|spoken|broken|chosen|"
    r"driven|brought|kept|left|met|paid|built|spent|set|put|cut|found|sought|told)\b")


def _opinion_piece_defaults(rows) -> None:
    """In an opinion piece, a sentence in the writer's voice with no number, date or time is the
    writer's interpretation (codebook L4) rather than a checkable fact: label it advocacy, unsure.
    Headings keep their own label: a title can describe as well as characterise; so does plain
    narration (a verb in the past, none in the present, no word of stance or degree: "The team
    was flown to the base."; or an act in the present perfect: "The army has launched raids"), which
    reports events a record could settle; and so does a sentence that charges a party with a wrong
    in the writer's own voice and no word of stance (fact with an accusation, as codebook §9 case 8,
    `regional-peace-018`).

    A text reads as an opinion piece when one of its first lines says so ("Editorial", "Opinion",
    "KT edit: ..."), or when it has at least :data:`OPINION_MIN_SENTENCES` content sentences, at
    most :data:`OPINION_MAX_ATTRIBUTED` of them attributed and at least
    :data:`OPINION_MIN_ADVOCACY` of them advocacy: an argument in the writer's own voice.
    A news report quotes or cites someone in most sentences, so it never qualifies.
    """
    content = [r for r in rows if r[8] != "meta"]
    if not content:
        return
    labelled = any(_OPINION_LABEL_RE.match(r[5]) for r in rows[:4])
    attributed = sum(r[8] == "attributed" for r in content) / len(content)
    advocacy = sum(r[8] == "advocacy" for r in content) / len(content)
    argued = len(content) >= OPINION_MIN_SENTENCES and attributed <= OPINION_MAX_ATTRIBUTED \
        and advocacy >= OPINION_MIN_ADVOCACY
    if not (labelled or argued):
        return
    for r in content:
        low = r[5].lower()
        if r[8] == "fact" and r[6] == "body" and r[11].startswith("L5") and not _ANCHOR_RE.search(low) \
                and len(r[5].split()) >= 6 and not (_PAST_VERB_RE.search(low) and not _PRESENT_OR_STANCE_RE.search(low)) \
                and not (_PERFECT_RE.search(low) and accusation.names(r[5])) and not accusation.find(r[5])[0]:
            r[8], r[11] = "advocacy", "L4 an opinion piece: the writer's claim with no number, date or time to check"
            r[14] = ("unsure", f"{UNSURE_NO_RULE} (an opinion piece: read as the writer's interpretation)")


#: Why a label may be wrong; the reader and the tables show it, and students check these first.
UNSURE_NO_RULE = "no rule fired: fact by default, but a sign of another label is there"
UNSURE_DISAGREE = "rules disagree"
UNSURE_FRAGMENT = "a fragment: too short or without a verb to judge"


def _confidence(rules: _Rules, text: str, low: str, role: str, label: str, rationale: str, share: float,
                key: str | None = None):
    """``(confidence, reason)``: ``("sure", "")`` or ``("unsure", why)``.  ``key``, the sentence's
    :func:`_norm_key`, lets the search for a cue verb be skipped when it cannot match.

    >>> _confidence(_rules(), "Talks failed.", "talks failed.", "body", "fact", "L5 ...", 0.0)
    ('unsure', 'a fragment: too short or without a verb to judge')
    >>> _confidence(_rules(), "Officials said the talks should resume.",
    ...             "officials said the talks should resume.", "body", "attributed", "L3 cue", 0.0)
    ('unsure', "rules disagree: a cue hands the claim to a source, and 'should' marks advocacy")
    """
    words = len(low.split())
    if label == "meta":
        if role == "furniture" and words > 25:
            return "unsure", f"{UNSURE_DISAGREE}: a long sentence read as page furniture"
        return "sure", ""
    if words < 4 or (words <= 12 and role != "headline" and not _has_verb(low)):
        return "unsure", UNSURE_FRAGMENT
    if label == "attributed" and rationale.startswith("L3"):
        found = rules.advocacy.find(low)
        strong = [m.group() for kind in ("prescription", "prediction", "evaluation") for m in found[kind]
                  if not _is_month_may(text, m)]
        if strong:
            return "unsure", f"{UNSURE_DISAGREE}: a cue hands the claim to a source, and '{strong[0]}' marks advocacy"
    elif label == "advocacy" and not rationale.startswith("L4 question"):
        m = _verb_cue(rules, low, key)
        if m:
            return "unsure", f"{UNSURE_DISAGREE}: '{rationale[3:]}' marks advocacy, and the cue '{m.group()}' is there too"
    elif label == "fact":
        if 0 < share < 0.5:
            return "unsure", f"{UNSURE_NO_RULE} (words in quotation marks)"
        m = _verb_cue(rules, low, key)
        if m:
            return "unsure", f"{UNSURE_NO_RULE} (the cue '{m.group()}' in a clause that does not govern)"
        weak = rules.advocacy.find(low)["weak"]
        if weak:
            return "unsure", f"{UNSURE_NO_RULE} (the evaluative word '{weak[0].group()}')"
    return "sure", ""


def _has_verb(low: str) -> bool:
    """Whether a sentence has a word that looks like a finite verb.

    >>> _has_verb("the truce held, despite the claims."), _has_verb("a new start for the valley.")
    (True, False)
    """
    for w in _LETTERS_RE.findall(low):
        if w in _FINITE_HINTS or w in _IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4):
            return True
    return False


def _heading_cue(rules: _Rules, low: str):
    """Offsets of a cue word (verb or speech-act noun) in a heading, or None."""
    for m in rules.spans.patterns["cue"].finditer(low):
        if m.start() == 0 and m.group().startswith(("calls", "call ", "alleged", "reported", "purported", "suspected")):
            continue  # "Calls for new cadres", "Alleged strikes signal ...": a noun or adjective, not a speech act
        if rules.cue_terms.get(m.group(), ("", ""))[1] != "exclude" and not (
                m.start() and _writer_frames_cue(low[:m.start()].split() + [m.group()], len(low[:m.start()].split()))):
            return m.start(), m.end()  # (not "Pakistan should not blame Kabul": the writer prescribes)
    return None


def _fill_quotation_sources(rows) -> None:
    """Share cue and source across a quotation.

    A multi-sentence quotation (sentences of one paragraph linked by an open
    quotation mark) takes its source from whichever sentence names it, and its
    opening sentence takes that sentence's cue.  A quotation with no source of its
    own takes the source of the previous quotation in the same paragraph.
    """
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j][13] and rows[j + 1][12] and rows[j + 1][2] == rows[i][2]:
            j += 1
        run = rows[i:j + 1]
        named = [r for r in run if r[9] and not r[9].startswith("[") and r[10]]
        if named:
            for r in run:
                if r[8] == "attributed" and not r[10]:
                    r[10] = named[0][10]
            if run[0][9] == "[quotation marks]":
                run[0][9] = named[0][9]
        i = j + 1
    last = {}
    for r in rows:
        if r[8] != "attributed":
            continue
        if r[11].startswith("L2") and not r[10] and last.get(r[2]):
            r[10] = last[r[2]]
        if r[11].startswith("L2") and r[10]:
            last[r[2]] = r[10]


#: Cue words that are often nouns or used in another sense: marked as a cue span only where
#: they work as a verb of saying (the frames "directive" and "naming" are checked the same way).
_SPAN_IF_VERB = frozenset(
    "calls for,call for,called upon,calls upon,call upon,brands,branded,hails,hailed,praises,"
    "quotes,quoted,cited,write,writes,posted on".split(",")
)


def _cue_span_governs(rules: _Rules, low: str, at: int, term: str, ctype: str, frame: str) -> bool:
    """Whether the cue word at ``at`` works as a verb of saying in its sentence.

    >>> rules = _rules()
    >>> low = "they met at a press conference. officials pressed kabul to act."
    >>> [_cue_span_governs(rules, low, low.index(w), w, "verb", "directive") for w in ("press", "pressed")]
    [False, True]
    """
    toks = _TOKEN_RE.findall(low[:at])
    i = len(toks)
    toks += _TOKEN_RE.findall(low[at:])
    hit = (term, ctype, frame, len(term.split()))
    return _governs(rules, toks, i, hit, after_aux=i > 0 and toks[i - 1] in _AUX)


def _sid(article_id: str, index: int, width: int) -> str:
    return f"{article_id}-{index + 1:0{width}d}"


def _sentence_spans(rules: _Rules, article_id: str, sent_id: str, s, low: str, label: str):
    out = []
    for kind, matches in rules.spans.find(low).items():
        for m in matches:
            term = m.group()
            referent = note = ""
            if kind == "cue":
                ctype, frame = rules.cue_terms.get(term, ("", ""))
                if frame == "exclude":
                    continue
                if (frame in ("directive", "naming", "present") or term in _SPAN_IF_VERB) and (
                        (m.start() > 0 and s.text[m.start()].isupper())  # "... projects Calls for ...": a heading
                        or not _cue_span_governs(rules, low, m.start(), term, ctype, frame)):
                    continue  # "a press conference", "the calls for reform": a noun, not a cue
            if kind == "hedge" and _is_month_may(s.text, m):
                continue
            if kind == "naming":
                referent = rules.naming.get(term, "")
            a, b = s.start + m.start(), s.start + m.end()
            out.append((article_id, sent_id, a, b, s.text[m.start():m.end()], kind, referent, note))
    for m in _NUMBER_RE.finditer(s.text) if _DIGIT_RE.search(s.text) else ():  # no digit, no number
        digits = _NON_DIGIT_RE.sub("", m.group().split()[-1] if m.group()[-1].isdigit() else m.group())
        before = s.text[max(0, m.start() - 12):m.start()].lower()
        if _YEAR_RE.match(m.group().strip()) or _NUMBERED_THING_RE.search(before):
            continue
        if _MONTH_BEFORE_RE.search(before) or not digits:
            continue
        note = "writer" if label != "attributed" else ""
        a, b = s.start + m.start(), s.start + m.end()
        out.append((article_id, sent_id, a, b, m.group(), "number", "", note))
    out.sort(key=lambda r: (r[2], r[3], r[5]))
    return out


# Building the tables.  pandas is fast per column but slow per row or per cell, so the
# rows are transposed into plain lists first and every column is built once, already in
# its final dtype (text -> pandas' string dtype, offsets -> nullable Int64, closed
# vocabularies -> categorical), then handed to a single DataFrame constructor.

@lru_cache(maxsize=1)
def _text_dtype():
    """The dtype pandas infers for a column of str (``str`` in pandas 3; its storage depends on
    whether pyarrow is installed), so the tables look exactly as if pandas had inferred them.
    Asked once per session: building a Series to ask is slow next to building a table.

    >>> _text_dtype() == pd.Series(["x"]).dtype
    True
    """
    return pd.Series(["x"]).dtype


def _strings(values, dtype):
    if dtype == object:
        return np.array(values, dtype=object)
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "python":
        try:  # the array as it is stored (pd.array would check and convert every value first)
            return pd.arrays.StringArray(np.array(values, dtype=object), dtype=dtype)
        except (TypeError, ValueError):  # a value that is not a str: let pandas convert it, as it always has
            pass
    return pd.array(values, dtype=dtype)


def _ints(values) -> pd.arrays.IntegerArray:
    """A nullable Int64 column without missing values."""
    data = np.asarray(values, dtype="int64")
    return pd.arrays.IntegerArray(data, np.zeros(len(data), dtype=bool))


def _text_column(values, dtype):
    # An empty table keeps pandas' default ``object`` columns, as it always has.
    return _strings(values, dtype) if values else np.array(values, dtype=object)


def _sentence_frame(rows, article_id: str) -> pd.DataFrame:
    n = len(rows)
    columns = list(zip(*rows)) if rows else [()] * 19  # every row: 12 columns, 2 quotation flags, 5 columns
    (article_ids, sent_ids, paragraphs, starts, ends, texts, roles, repeats,
     labels, cues, sources, rationales, _, _, accusations, accusers, accuseds, confidences, reasons) = \
        [list(c) for c in columns[:19]]
    types: dict = {}  # each source's type, worked out once per table
    source_types = [(types[src] if src in types else types.setdefault(src, _source_type(src, "")))
                    if lab == "attributed" else "none" for src, lab in zip(sources, labels)]
    text = _text_dtype()
    data = {
        "article_id": _text_column(article_ids, text),
        "sent_id": _text_column(sent_ids, text),
        "paragraph": _ints(paragraphs),
        "start": _ints(starts),
        "end": _ints(ends),
        "text": _text_column(texts, text),
        "role": _categorical(roles, schema.ROLES, text),
        "repeats": _text_column(repeats, text),
        "label": _categorical(labels, schema.LABELS, text),
        "accusation": _ints(accusations),
        "accuser": _strings(accusers, text),
        "accused": _strings(accuseds, text),
        "source": _text_column(sources, text),
        "source_type": _categorical(source_types, schema.SOURCE_TYPES, text),
        "cue": _text_column(cues, text),
        "conflict": _categorical([None] * n, schema.CONFLICTS, text),  # the tagger does not guess the conflict
        "rationale": _text_column(rationales, text),
    }
    data["confidence"] = _categorical(confidences, CONFIDENCE, text)
    data["confidence_reason"] = _text_column(reasons, text)
    names = (*schema.SENTENCE_COLUMNS, *MACHINE_COLUMNS)
    if n and text != object:  # every column is an extension array already in its final dtype
        return _frame_from_arrays([data[c] for c in names], names, n)
    return pd.DataFrame({c: data[c] for c in names}, copy=False)


def _frame_from_arrays(arrays, names, n: int) -> pd.DataFrame:
    """``pd.DataFrame(dict(zip(names, arrays)), copy=False)`` for columns that are extension arrays
    of length ``n``, without pandas checking and converting each one again (about a third of the
    time of building a table); tests/test_tagger_shortcuts.py checks the two give equal tables."""
    try:
        return pd.DataFrame._from_arrays(arrays, columns=_column_index(tuple(names)).copy(), index=pd.RangeIndex(n),
                                         verify_integrity=False)
    except (AttributeError, TypeError):  # a pandas without this constructor
        return pd.DataFrame(dict(zip(names, arrays)), copy=False)


@lru_cache(maxsize=8)
def _column_index(names: tuple) -> pd.Index:
    """``pd.Index(list(names))``, built once (pandas infers its dtype, which is slow next to building a
    small table); each table gets its own shallow copy, so renaming one table's columns changes no other."""
    return pd.Index(list(names))


@lru_cache(maxsize=32)
def _category_index(categories: tuple, text_dtype) -> tuple[dict, pd.CategoricalDtype]:
    """Code of each category and the dtype, built once per vocabulary (building a dtype is slow).

    ``text_dtype`` is part of the cache key because the categories are stored in it.
    """
    return {c: k for k, c in enumerate(categories)}, pd.CategoricalDtype(list(categories))


#: ``_category_index`` of each vocabulary, with the text dtype it was built for (hashing a dtype is slow).
_CATEGORY_INDEXES: dict = {}


def _categorical(values, categories, text_dtype) -> pd.Categorical:
    """Build a categorical from codes (much faster than matching strings for short tables)."""
    key = tuple(categories)
    known = _CATEGORY_INDEXES.get(key)
    if known is None or known[0] is not text_dtype:
        known = _CATEGORY_INDEXES[key] = (text_dtype, _category_index(key, text_dtype))
    index, dtype = known[1]
    get = index.get  # only a str equals a category, and every value here can be hashed
    codes = np.array([get(v, -1) for v in values], dtype=np.int8)
    return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)  # the codes are in range by construction


def _span_frame(spans) -> pd.DataFrame:
    columns = [list(c) for c in zip(*spans)] if spans else [[] for _ in schema.SPAN_COLUMNS]
    data = dict(zip(schema.SPAN_COLUMNS, columns))
    text = _text_dtype()
    for column in ("article_id", "sent_id", "text", "referent", "note"):
        data[column] = _text_column(data[column], text)
    for column in ("start", "end"):
        data[column] = _ints(data[column])
    data["kind"] = _categorical(data["kind"], schema.SPAN_KINDS, text)
    return pd.DataFrame(data, copy=False)


def tag(text: str, article_id: str = "user") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tag a text once and return ``(sentences, spans)``, in the columns of the gold files.

    Machine-filled columns: ``article_id, sent_id, paragraph, start, end, text, role,
    repeats, label, accusation, accuser, accused, source, source_type, cue, rationale``,
    and the machine's own ``confidence`` and ``confidence_reason``.  ``conflict`` is left
    empty (``<NA>``): the tagger does not guess it.

    >>> sentences, spans = tag("“We did nothing,” the minister said. Talks will likely fail.")
    >>> sentences.label.tolist()
    ['attributed', 'advocacy']
    >>> sentences.source.tolist()
    ['the minister', '']
    >>> spans.kind.tolist()
    ['cue', 'hedge']
    """
    rows, spans = _analyse(text, article_id)
    return _sentence_frame(rows, article_id), _span_frame(spans)


def tag_text(text: str, article_id: str = "user") -> pd.DataFrame:
    """One row per sentence of ``text``, with a guessed role and label (see :func:`tag`).

    ``raw[start:end] == text`` holds for every row, so the rows can be highlighted
    in the original.  ``rationale`` names the codebook rule that decided the label.

    >>> rows = tag_text("Pakistan has faced allegations of sponsoring militancy. Why?")
    >>> rows[["label", "cue", "rationale"]].values.tolist()[0]
    ['attributed', 'faced allegations', "L3 cue 'faced allegations' governs the main clause"]
    >>> tag_text("   ").empty
    True
    >>> tag_text(42)
    Traceback (most recent call last):
    ...
    medialit.tagger.TaggerInputError: The tagger needs the article's text as a str; got int. Pass the text itself, e.g. open(path, encoding='utf-8').read() or ml.load_raw('balakot').
    """
    rows, _ = _analyse(text, article_id, with_spans=False)  # same rows as tag(), without the span work
    return _sentence_frame(rows, article_id)


def tag_spans(text: str, article_id: str = "user") -> pd.DataFrame:
    """Cue, hedge, booster, loaded, naming and number spans the tagger sees, in ``spans.csv`` columns.

    Offsets are into ``text``.  Spans are found from the word lists in
    ``data/lexicons/``; numbers get ``note`` = ``writer`` unless the sentence is attributed.

    >>> spans = tag_spans("Apparently 35 people were hurt.")
    >>> spans[["start", "end", "text", "kind", "note"]].values.tolist()
    [[0, 10, 'Apparently', 'hedge', ''], [11, 13, '35', 'number', 'writer']]
    """
    return tag(text, article_id)[1]


def tag_article(article_id: str, *, data_dir: str | Path | None = None, spans: bool = False):
    """Tag one of the stored pieces from its raw text; sentence ids match the gold table's.

    With ``spans=True`` return ``(sentences, spans)``.

    >>> machine = tag_article("balakot")
    >>> gold = corpus.load_sentences()
    >>> machine.sent_id.tolist() == gold[gold.article_id == "balakot"].sent_id.tolist()
    True
    """
    if not isinstance(article_id, str):
        raise TaggerInputError(f"article_id must be a str such as 'balakot'; got {type(article_id).__name__}.")
    raw = corpus.load_raw(article_id, data_dir=data_dir)
    return tag(raw, article_id) if spans else tag_text(raw, article_id)


def tag_corpus(article_ids=None, *, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Tag every stored piece (or the ids given) and stack the sentence tables.

    >>> machine = tag_corpus(["ap-crackdown", "balakot"])
    >>> machine.article_id.unique().tolist()
    ['ap-crackdown', 'balakot']
    """
    ids = corpus.article_ids(data_dir=data_dir) if article_ids is None else list(article_ids)
    frames = [tag_article(a, data_dir=data_dir) for a in ids]
    return pd.concat(frames, ignore_index=True) if frames else _sentence_frame([], "user")
