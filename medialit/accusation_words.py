"""Word patterns for :mod:`medialit.accusation`: verbs and nouns of wrongdoing and of charging
someone, how parties are named, and the word pieces that let a sentence be skipped at once.

General English and the vocabulary of armed conflict; nothing here names a particular conflict
or comes from a text the tagger is evaluated on.

>>> bool(_WRONG_RE.match("harboured"))
True
"""

from __future__ import annotations

import re

from .regex_dispatch import _dispatch_by_first_char, _trie, search_by_first_char, word_starts

__all__ = [
    "_ADJECTIVE_ENDINGS",
    "_AGENT_AFTER_RE",
    "_AGENT_END",
    "_ANAPHORS",
    "_ARMED_TARGET",
    "_ATTRIBUTIVE_NEXT",
    "_BLAME_END_RE",
    "_BLAME_ON_RE",
    "_BY_TO",
    "_CHARGE_RE",
    "_COMMON_ENDINGS",
    "_COMMON_OPENERS",
    "_CONDEMN_RE",
    "_CONDUCT_RE",
    "_CONDUCT_STRONG_RE",
    "_CONTINUED_CHARGE_RE",
    "_COPULA_BEFORE",
    "_DEMAND_ACTION_RE",
    "_DEMAND_ACTS",
    "_DEMAND_VERBS",
    "_DENIAL_RE",
    "_FAILING_RE",
    "_GENERIC_DOERS",
    "_GIVER_BEFORE",
    "_GROUPISH",
    "_GROUP_WORD",
    "_HAVE_BEFORE",
    "_HOST_AFTER",
    "_HOST_NOUN",
    "_HOST_RE",
    "_INNER_ANAPHOR",
    "_LINKED_RE",
    "_LINKED_SUFFIXES",
    "_LINKED_TO_RE",
    "_MODIFIER_PARTY",
    "_NAME_RE",
    "_NEEDLES_RE",
    "_NEEDLE_GROUPS",
    "_NOT_CHARGED_PRESENCE",
    "_NOT_NAMES",
    "_NOUN_CHARGE_RE",
    "_NOUN_WRONGS",
    "_NO_LINK_RE",
    "_NO_SUBJECT",
    "_NO_SUBJECT_AFTER",
    "_OF_THAT_IN",
    "_OWNER_ANAPHOR",
    "_OWNER_NAME",
    "_PASSIVE_BEFORE",
    "_PASSIVE_CHARGE_RE",
    "_POSSESSIVE_END",
    "_PRESCRIPTION",
    "_STAY_RE",
    "_STRIKE_WORD",
    "_SUBJECT_STOP",
    "_TRIGGER",
    "_TRIGGER_STARTS",
    "_TRIGGER_AT",
    "_VAGUE_PARTY_RE",
    "_WRONG_BY_CHAR",
    "_WRONG_SEARCH",
    "_WRONG_RE",
    "_WRONG_STEMS",
    "_strip_possessive",
    "_trie",
]

# Wrongdoing: verbs (all forms) and nouns of acts a party is charged with.  General English
# and the vocabulary of armed conflict; nothing here names a particular conflict.
_WRONG_STEMS = (
    r"attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|bomb(?:s|ed|ing|ings)?|shell(?:s|ed|ing)|(?<=to )shell(?![\w-])|"
    r"kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|massacre(?:s|d)?|slaughter(?:s|ed)?|assassinat(?:e|es|ed|ing|ion)|"
    r"(?:opened|opens|open|opening) (?:\w+ )?fire|fired (?:on|at|upon)|struck|target(?:ed|ing)|(?<!potential )(?<!possible )(?<!likely )(?<!'s )(?<!of )targets(?= (?:the|a|an|its|their|his|her|civilian|civilians|security|police|soldiers|troops|people|government|military|minorit\w+|\w+ (?:forces|posts|positions|areas)))|raid(?:s|ed)|invad(?:e|es|ed|ing)|"
    r"invasion|occup(?:y|ies|ied|ying|ation)|harbou?r(?:s|ed|ing)?|(?:air|drone|missile)[ -]?strikes?|"
    r"infring(?:e|es|ed|ing|ement)|distort(?:s|ed|ing|ion)?|threaten(?:s|ed|ing)?|hurl(?:s|ed|ing)? threats|intimidat(?:e|es|ed|ion)|shelter(?:s|ed|ing)|sponsor(?:s|ed|ing|ship)?|"
    r"fund(?:s|ed|ing)|financ(?:e|es|ed|ing)|arm(?:s|ed|ing)(?= (?:militants|rebels|insurgents|groups|fighters))|"
    r"train(?:s|ed|ing)(?= (?:militants|fighters|insurgents|terrorists|recruits|killers|war criminals|jihadis|suicide bombers|infiltrators|terror))|recruit(?:s|ed|ing)|"
    r"back(?:s|ed|ing)(?= (?:the )?(?:militants|insurgents|terror|gunmen|rebels|attackers|separatists|proxies))|"
    r"support(?:s|ed|ing)? (?:for |to )?(?:the |these |those |such )?(?:(?:cross-border|transnational|jihadi|islamist|extremist|militant|armed|violent|proxy) )?(?:militants|insurgents|terror\w*|gunmen|rebels|attackers|separatists|proxies|extremists|jihadis|the group|"
    r"(?:militant |armed |extremist |jihadi )?groups)|"
    r"safe havens?|sanctuar(?:y|ies)|proxies|proxy war|infiltrat(?:e|es|ed|ing|ion)|"
    r"violat(?:e|es|ed|ing|ions?)|interfer(?:e|es|ed|ing|ence)|meddl(?:e|es|ed|ing)|sabotag(?:e|es|ed|ing)|"
    r"destabili[sz](?:e|es|ed|ing|ation)|lie[sd]|lying|deceiv(?:e|es|ed|ing)|cover(?:ed)? up|"
    r"fail(?:s|ed|ing|ure)? to (?:act|stop|prevent|protect|curb|rein|control|honou?r|keep|take|dismantle|address|deliver|acknowledge|condemn|"
    r"implement|enforce|fulfil|fulfill|comply|abide|check|crack|arrest|prosecute|punish|live up)|us(?:e|es|ed|ing) (?:\w+ ){0,2}as prox(?:y|ies)|"
    r"(?:giv|provid|offer|extend|lend)(?:e|es|ed|ing|s)? (?:\w+ ){0,3}(?:training|sanctuary|shelter|refuge|"
    r"safe havens?|funds|funding|weapons|arms|patronage) (?:to|for)|"
    r"(?:support|train|fund|financ|arm|harbou?r|shelter|patronis|patroniz)(?:e|es|ed|ing|s)? (?:and \w+ )?(?:\w+ ){0,2}"
    r"(?:militant|terror\w*|extremist|insurgent|jihadi|armed|proxy|non-state)\s*(?:groups?|outfits?|organi[sz]ations?|actors?|"
    r"fighters|proxies|networks?)|"
    r"(?:is|are|was|were|been|being) (?:\w+ )?trained|military training|training (?:camps?|modules?|facilities)|"
    r"recruitment drive|campaign of (?:violence|terror)|violent campaign|terror patronage|patronage|refuge|hideouts?|"
    r"operat\w* from (?:\w+ ){0,2}(?:soil|territory|bases?)|"
    r"turn(?:s|ed|ing)? a blind eye|persecut(?:e|es|ed|ing|ion)|tortur(?:e|es|ed|ing)|abduct(?:s|ed|ing|ion)|"
    # oppression and mistreatment of people, looting, an act of war named as such
    r"suppress(?:es|ed|ing|ion)?|oppress(?:es|ed|ing|ion)?|mistreat(?:s|ed|ing|ment)?|ill-treat(?:s|ed|ing|ment)?|"
    r"humiliat(?:e|es|ed|ing|ion)|harass(?:es|ed|ing|ment)?|loot(?:s|ed|ing)?|plunder(?:s|ed|ing)?|"
    r"act of (?:war|aggression|terror\w*)|(?:water|economic|hybrid|proxy) warfare|"
    r"kidnap(?:s|ped|ping)?|atrocit(?:y|ies)|war crimes?|genocide|aggression|complicit|complicity|"
    r"shot down|shoot(?:s|ing)? down|shot (?:at|dead)|hijack(?:s|ed|ing)?|subversi(?:on|ve)|espionage|terror(?:ist)? networks?|"
    r"involvement in|involved in|responsible for|behind the (?:attack|bombing|killing|blast|strike)s?|"
    r"mastermind(?:ed|ing)|orchestrat(?:e|es|ed|ing)|plott(?:ed|ing)|"
    r"carr(?:y|ies|ied|ying) out (?:\w+ ){0,3}(?:attacks?|bombings?|strikes?|assaults?|raids?|killings?)|"
    r"firing|claim(?:s|ed|ing)? (?:responsibility|credit)|collu(?:de|des|ded|ding|sion)|absolve (?:itself|themselves|himself|herself) of|terror(?:ist)? (?:factor(?:y|ies)|infrastructure|launch ?pads?|machinery)|(?:(?<=took )|(?<=taken )|(?<=take )|(?<=takes )|(?<=taking )|(?<=accepted )|(?<=owned ))credit|"
    r"(?:operat|roam)\w* (?:\w+ ){0,2}with (?:[\w-]+ )?impunity|"
    r"(?:breeding|training|recruiting) grounds? (?:for|of) (?:\w+ )?(?:terror\w*|militan\w*|extremis\w*|jihad\w*)|"
    r"(?:hotbed|nursery|epicent(?:re|er)|hub|cradle) of (?:\w+ )?(?:terror\w*|militan\w*|extremis\w*|jihad\w*)|"
    r"(?:terror\w*|militan\w*|jihad\w*|proxies|extremists?) (?:[\w,]+ ){0,5}as (?:a |an )?(?:\w+ )?(?:asset|tool|instrument|weapon|lever|policy)|unprovoked|terror(?:ist)? attacks?|suicide (?:attack|bombing)s?|"
    r"claimed by|role in (?:the |a |an )?(?:\w+ ){0,2}(?:attacks?|bombings?|killings?|violence|terror\w*|insurgency|militancy)|"
    r"(?:sen[dt]|sending|sends|push(?:ed|es|ing)?|smuggl(?:e|es|ed|ing)) (?:\w+ ){0,2}(?:militants|fighters|terrorists|infiltrators|weapons|arms)|"
    # added: using a country's soil or terror as a tool, patronage, radicalising, ordering attacks,
    # inaction and foot-dragging, looking away, ignoring warnings, provoking and inciting
    r"us(?:e|es|ed|ing) (?:\w+ ){0,3}(?:soil|territory|territories|land) (?:for|to|as)|us(?:e|es|ed|ing) terror\w*|"
    r"patroni[sz](?:e|es|ed|ing)|radicali[sz](?:e|es|ed|ing|ation)|"
    r"order(?:s|ed|ing)? (?:\w+ ){0,4}(?:attacks?|strikes?|killings?|bombings?|assaults?)|"
    r"(?:attacks?|bombings?|strikes?|assaults?|killings?) (?:were|was|had been|have been|has been) (?:\w+ )?"
    r"(?:coordinated|planned|directed|organi[sz]ed|ordered|masterminded|orchestrated)|"
    r"inaction|drag(?:s|ged|ging)? (?:its|their|his|her) feet|look(?:s|ed|ing)? the other way|"
    r"ignor(?:e|es|ed|ing) (?:\w+ ){0,2}warnings?|provok(?:e|es|ed|ing)|incit(?:e|es|ed|ing|ement)|"
    r"stir(?:s|red|ring)? up|plan(?:s|ned|ning)? (?:\w+ ){0,2}(?:attacks?|strikes?|bombings?|assaults?|killings?)|"
    r"extort\w*|(?:cross-border |state |state-sponsored )?terrorism(?= (?:by|from|of) )|presence (?:in|on|inside)|(?:is|are|was|were|been) operating (?:from|out of)|activit(?:y|ies)|refus(?:al|e|es|ed|ing) to (?:act|do anything|take action|rein|hand|stop|curb|control|contain|go after|crack|arrest|extradite|expel)|"
    r"(?:did not|didn't|failed to|never) keep (?:its |their |his |her )?(?:promises?|word|pledges?|commitments?)|(?:broke|breaking|broken|breaks) (?:its|their|his|her) (?:promises?|word|pledges?)|"
    r"(?:went|go|goes|going) back on (?:its|their|his|her) (?:word|promises?|pledges?)|(?:is|are|was|were) not going after|"
    r"under (?:the )?(?:protection|patronage|shelter|umbrella) of|"
    # added (tagger 2.2): an armed group's presence in a country, stated or reported (codebook §4 and case 28:
    # the host is charged with harbouring it); only when the doer is a group (see _STAY_GROUP)
    r"(?:present|based|stationed|headquartered|entrenched|holed (?:up|out)|hiding|sheltering|operating|"
    r"resid(?:e|es|ing)|(?:(?<=live )|(?<=lives )|(?<=living ))(?:freely|openly))(?= (?:in|inside|across|from|out of) )|"
    r"foothold (?:in|inside|on)|"
    # a group's own claim of an attack, in other words than "claimed responsibility"
    r"(?:(?<=take )|(?<=takes )|(?<=taken )|(?<=taking )|(?<=took )|(?<=accept )|(?<=accepts )|(?<=accepted ))responsibility|"
    # promises broken and duties left undone, where the trigger word comes after the negation
    r"(?:(?<=not )|(?<=n't )|(?<=never ))(?:keep|kept|honou?r(?:ed)?|fulfill?(?:ed)?) (?:its |their |his |her |the )?"
    r"(?:promises?|word|pledges?|commitments?|assurances?)|(?<=not )going after|"
    r"promis(?:e|es)? (?:that |which )?(?:[\w-]+ ){1,4}(?:did not|didn't|never|failed to|could not|couldn't) "
    r"(?:keep|fulfil|fulfill|honou?r|deliver)|"
    r"(?:unwilling(?:ness)?|reluctan(?:t|ce)) to (?:act|end|stop|curb|rein|control|contain|go after|crack|arrest|"
    r"hand|expel|extradite|take (?:\w+ )?action|dismantle|cut|sever|abandon|give up)|"
    r"refus(?:al|e|es|ed|ing) to (?:condemn|call out|acknowledge|cooperate|share|allow|recogni[sz]e|prosecute|punish|"
    r"investigate|withdraw|cease|honou?r|respect|abide|comply|end|cut|sever|abandon|give up|take (?:\w+ )?action)|"
    r"transgressions?|breach(?:es|ed|ing)? (?:of )?(?:the |its |their )?(?:ceasefire|truce|agreement|accord|sovereignty|airspace|border)|flout(?:s|ed|ing)?|"
    # an omission that the writer or a source holds against a party: not condemning an attack, no will to act
    r"(?:(?<=neither )|(?<=not )|(?<=never )|(?<=n't ))(?:condemn(?:ed|s)?|denounc(?:e|ed|es))|"
    r"(?:shown|show|shows|showed|showing) (?:little |no )(?:urgency|willingness|will|interest|seriousness|sincerity|intention)|"
    r"presence of (?:[\w()-]+ ){1,5}?(?:in|inside|across|on)(?= )|"
    r"collect(?:s|ed|ing)? [\"“'‘]?(?:taxes|extortion|protection money)|"
    # letting armed groups act from a territory: "allowed militant groups to operate openly within its borders"
    r"(?:allow|permit)(?:s|ed|ted|ing)? (?:[\w-]+ ){1,4}to (?:operate|use (?:its|their|the) (?:soil|territory|land)|"
    r"flourish|thrive|regroup|train|take refuge|find refuge|shelter|hide)"
)
_WRONG_RE = re.compile(r"(?<![\w-])(?:" + _WRONG_STEMS + r"|(?:launch|conduct|stag|mount|perpetrat|fir)\w* (?:\w+ ){0,2}"
                       r"(?:attacks?|raids?|strikes?|assaults?|bombings?|missiles?|rockets?|drones?|shells)|operat\w* from (?:\w+ )?(?:sanctuar|safe haven|hideout|base)\w*)"
                       r"(?![\w-])")
#: Wrongdoing words that are nouns here ("a deadly attack", "the bombing", "violations"): their agent
#: is a "by X" after them or a party named right before them ("TTP attacks", "Indian shelling"),
#: never simply the subject of the sentence.
_NOUN_WRONGS = re.compile(
    r"^(?:attacks?|assaults?|bombings?|raids?|killings?|massacres?|invasion|occupation|sponsorship|safe havens?|"
    r"sanctuar(?:y|ies)|proxies|proxy war|infiltration|violations?|interference|destabili[sz]ation|"
    r"persecution|torture|abduction|atrocit(?:y|ies)|war crimes?|genocide|aggression|complicity|"
    r"suppression|oppression|mistreatment|ill-treatment|harassment|humiliation|looting|plunder|"
    r"act of (?:war|aggression|terror\w*)|(?:water|economic|hybrid|proxy) warfare|"
    r"terror(?:ist)? attacks?|suicide (?:attack|bombing)s?|shelling|assassination|support .*|firing|"
    r"(?:air|drone|missile)[ -]?strikes?|occupation|infringement|distortion|intimidation|inaction|presence (?:in|on|inside)|"
    r"activit(?:y|ies)|(?:cross-border |state |state-sponsored )?terrorism|transgressions?|foothold (?:in|inside|on)|collusion|"
    r"terror(?:ist)? (?:factor(?:y|ies)|infrastructure|launch ?pads?|machinery|networks?)|hijacking|subversion|espionage)$"
)
#: A party that can stand right before a noun of wrongdoing: an acronym or a national adjective.
_MODIFIER_PARTY = re.compile(r"^(?:[A-Z]{2,}[\w-]*|[A-Z][a-z]+(?:ani|eli|aqi|shi|udi|eni|iti|ali|ari|ati|iri|abi|dhi|ini|ian|an|ese|ish))$")
#: "TTP-linked violence", "state-sponsored", "Kabul-backed militants".
_LINKED_RE = re.compile(
    r"(?<![\w-])([A-Z][\w]*(?:-[A-Z][\w]*)?)-(?:linked|backed|sponsored|affiliated|led|supported|funded|trained|plotted|planned|orchestrated|inspired|directed|armed)\s+"
    r"(?:\w+\s+){0,2}(?:violence|militancy|terror\w*|insurgency|militants|attacks?|groups?|fighters|proxies|gunmen|insurgents|carnage|massacre|bombings?|killings?|plots?|assaults?|outfits?|elements|networks?|cells?|operatives|jihadis?|militias?|separatists|rebels|infiltrat\w*|camps?|proxy war)"
)
#: Verbs of charging someone: the party after them is the accused.
_CHARGE_RE = re.compile(
    r"(?<![\w-])(?P<verb>accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|implicat(?:e|es|ed|ing)|"
    r"critici[sz](?:e|es|ed|ing)|censur(?:e|es|ed|ing)|rebuk(?:e|es|ed|ing)|faults?|faulted|"
    r"h(?:old|olds|eld|olding))\s+(?P<object>.{1,80}?)\s+(?:of|for|with|responsible)\b",
)
#: Condemning a party or its act is a charge: "condemned Pakistan", "denounced Norland's actions as ...".
_CONDEMN_RE = re.compile(
    r"(?<![\w-])(?:condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|decr(?:y|ies|ied)|slam(?:s|med|ming)?|"
    r"lambast(?:s|ed|ing)?|(?:lash(?:es|ed|ing)?|hit(?:s|ting)?) (?:out|back) at|castigat(?:e|es|ed|ing)|"
    r"rapp(?:ed|ing) (?:\w+ )?over)\s+(?P<object>[^,;.]{1,80})"
)
#: "blamed the attack on Y", "attributed the bombing to Y", "pointed the finger at Y".
_BLAME_ON_RE = re.compile(
    r"(?<![\w-])(?:blam(?:e|es|ed|ing)|pinn(?:ed|ing) the blame|attribut(?:e|es|ed|ing)|point(?:s|ed|ing)? (?:the|a) finger)"
    r"\s+(?:[^,;.]{0,50}?\s)?(?:on|to|at)\s+(?P<object>[^,;.]{1,60})"
)
_PASSIVE_CHARGE_RE = re.compile(
    r"(?:is|are|was|were|has been|have been|had been|being|stands?|stood)\s+(?:\w+ly\s+)?(?:accused|blamed|charged|suspected)\s+(?:of|for|with)\b"
)
_NOUN_CHARGE_RE = re.compile(
    r"(?<![\w-])(?:accusations?|allegations?|charges?|claims?|blame)\s+(?:\w+\s+){0,4}?(?:against|on|at)\s+(?P<object>[^,;.]{1,60}?)"
    r"(?:\s+(?:of|that|for|over|in)\b|$|[,;.])"
)
#: "has no connection with ...", "had nothing to do with ...": a denial that restates the charge.
_NO_LINK_RE = re.compile(r"\b(?:has|have|had) no (?:connection|links?|ties|role|involvement|hand) (?:with|to|in)\b|"
                         r"\b(?:has|have|had) nothing to do with\b")
_DENIAL_RE = re.compile(
    r"(?<![\w-])(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?)\s+(?:the\s+|any\s+|all\s+)?"
    r"(?:[\w()'-]+\s+){0,5}?(?P<what>accusations?|allegations?|charges?|claims?|involvement|role|responsibility|links?|support|presence|existence)\b"
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
    "unknown armed suspected local security earlier further there here what who why how where which "
    # auxiliaries and pronouns that open a question or a clause: "Did ...?", "Will ...?", "That ..."
    "did does do will would can could should shall must might is are was were has have had that whose whom "
    # prepositions and openers that are capitalised only because they open the sentence: "For years, X ..."
    "for with from by to of through among against under within without into upon toward towards across "
    "even another once "
    # generic doers: "Gunmen attacked ..." names no party (codebook §4)
    "gunmen militants insurgents terrorists attackers fighters rebels assailants jihadists".split()
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
    "allow permit attack assault bomb shell kill murder massacr slaughter assassinat open fired struck target raid invad invasion "
    "suppress oppress mistreat ill-treat humiliat harass loot plunder act water economic hybrid "
    "occup harbo shelter sponsor fund financ armed arms arming trained training recruit backed backing backs support "
    "safe haven sanctuar prox infiltrat violat interfer meddl sabotag destabili lie lied lying deceiv cover fail giv "
    "provid offer extend lend patron campaign violent terror refuge hideout operat persecut tortur abduct kidnap "
    "atrocit war crime genocide aggression complicit involve responsible behind mastermind orchestrat plott carr "
    "claim took unprovoked suicide launch conduct stag mount perpetrat accus blam charg implicat hold held allegation "
    "deni deny reject dismiss military air drone missile strike infring distort threat hurl intimidat condemn denounc "
    "decr slam lambast attribut finger pinn role sen push smuggl firing patroni radicali order inaction drag "
    "look ignor provok incit stir under suspect use using refus keep broke breaking broken breaks went going goes fir "
    "belligeren warmonger hegemon expansionis misadventur miscalculat propaganda jingois provocat reckless "
    "irresponsib complacen negligen duplicit double hypocri lip blind scapegoat chaos bully bulli arrogan "
    "intransigen obstinate aggressive nefarious sinister dastardly coward deceit deceptive dishonest betray "
    "presence activit operating existence plan extort connection nothing ties warlike war-like adventuris sham farce charade eyewash whitewash close shut dismantl hand extradit expel "
    "collu absolve breeding recruiting hotbed nursery epicent hub cradle roam credit jihad extremis militan rein crack action stop stationed headquartered entrenched holed resid foothold responsibility promis unwilling "
    "reluctan transgress breach flout presence collect critici censur rebuk fault castigat rapped lashed lashes lashing "
    "shot shoot hijack subversi espionage"
).split()
#: A party the sentence points to without naming it: a state, government, agency or army (codebook §4,
#: "vague accused").  Generic militants, gunmen or terrorists are not in it.
_VAGUE_PARTY_RE = re.compile(
    r"\b(?:(?:its|their|the|some|certain|neighbou?ring|foreign|hostile|rival|state|regional)\s+){0,3}"
    r"(?:states|state actors|governments?|authorities|regimes?|intelligence agencies|spy agenc(?:y|ies)|establishment|"
    r"(?<=neighbouring )(?:country|nation|state)|(?<=neighboring )(?:country|nation|state)|(?<=hostile )(?:country|nation|state)|"
    r"administration|security establishment)\b",
    re.IGNORECASE,
)
_SUBJECT_STOP = re.compile(r"[,;:()“”\"—–]|\b(?:who|which|that|when|after|before|while|as|since|because)\b")


_POSSESSIVE_END = re.compile(r"[’']s?$")
#: The words of a prescription, which says what a party should do, not what it did.
_PRESCRIPTION = re.compile(r"\b(?:must|should|need(?:s)? to|ought|crucial|essential|imperative|vital)\b")


def _strip_possessive(name: str) -> str:
    """ "Norland's" -> "Norland"; a name that does not end in a possessive is kept."""
    return _POSSESSIVE_END.sub("", name) if name.endswith(("s", "’", "'")) else name

_AGENT_END = re.compile(r"[,;.:()“”\"]|\s(?:at|in|on|during|near|after|before|since|while|who|which|that)\s")
_INNER_ANAPHOR = re.compile(r"\b(?:this|that|the same) (?:organi[sz]ation|group|outfit|network|faction|militia)\b|"
                            r"^(?:these|those|the same|such) (?:air ?strikes|strikes|attacks|raids|bombings|actions|violations)$")
#: "X has become a safe haven": the subject of a copula before a noun of wrongdoing is its owner.
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|become|becomes|became|remains?|remained|turned into|emerged as)\s+"
                            r"(?:(?:a|an|the)\s+)?(?:\w+\s+){0,2}$")
#: The writer's condemnation of a party's conduct in an evaluative sentence ("the belligerent policies of X",
#: "X keeps dragging its feet", "X's complacency"): general English words for blameworthy conduct.
_CONDUCT_RE = re.compile(
    r"(?<![\w-])(?:belligeren\w*|warmonger\w*|hegemon\w*|expansionis\w*|misadventures?|miscalculat\w*|"
    r"propaganda|jingois\w*|provocat\w*|reckless\w*|irresponsib\w*|complacen\w*|negligen\w*|duplicit\w*|"
    r"double game|blame games?|hypocri\w*|lip service|blind eye|the other way|scapegoat\w*|drag\w* (?:its|their) feet|"
    r"stir\w* up|chaos|destabili[sz]\w*|bully\w*|bulli\w*|arrogan\w*|intransigen\w*|obstinate|aggressive\w*|"
    r"nefarious|sinister|dastardly|cowardly|deceit\w*|deceptive|dishonest\w*|betray\w*|complicit\w*|"
    r"warlike|war-like|adventuris\w*|sham|farce|charade|eyewash|whitewash\w*|unilateral\w*|annex\w*|brinkmanship|"
    r"offensive postures?|arm(?:s|ed) race|provocations?|high-handed\w*|heavy-handed\w*|intransigence)(?![\w-])"
)
#: The strongest of these, which charge a party even in a sentence labelled fact.
_CONDUCT_STRONG_RE = re.compile(
    r"(?<![\w-])(?:nefarious|sinister|duplicit\w*|warmonger\w*|belligeren\w*|hegemonic|propaganda|complicit\w*|"
    r"betray\w*|deceit\w*|dishonest\w*)(?![\w-])"
)
#: "urged/demanded/asked X to close down the camps ...": a demand that presupposes X harbours them.
_DEMAND_ACTION_RE = re.compile(
    r"(?<![\w-])(?:demand\w*|urg\w*|ask\w*|press\w*|call\w* on|told|warn\w*|gave)\b.{0,60}?\b(?:to\s+)?"
    r"(?P<act>(?:close|shut) down|dismantle|hand over|extradite|expel|rein in|crack down on|act against|"
    r"take (?:\w+ )?action against|stop (?:supporting|sponsoring|harbou?ring|sheltering|using)|deny (?:sanctuary|safe haven))\b"
)
#: "blames Y" / "accuses Y" at the end of a headline or clause, with no "of"/"for" after it.
_BLAME_END_RE = re.compile(
    r"(?<![\w-])(?:accus|blam)(?:e|es|ed|ing)\s+(?P<object>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*(?:$|[,;:.]|\s+(?:over|after|as)\b)"
)
_LINKED_TO_RE = re.compile(r"\b(?:linked|affiliated|loyal|tied|allied|close)\s+(?:to|with)\s+"
                           r"(?P<agent>[A-Z][\w'’.-]*(?:\s+(?:al-|e-|ul-)?[A-Z][\w'’.-]*)*)")
_ATTRIBUTIVE_NEXT = re.compile(r"(?:territor|area|land|region|part|portion|jammu|kashmir|palestin|zone)")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$")
_OF_THAT_IN = re.compile(r"^\W*(?:of|that|in|about|over|regarding)\b")
_BY_TO = re.compile(r"\b(?:by|to)\s+")
_OWNER_ANAPHOR = re.compile(r"(?:^|\s)(its|their|the group's|the group’s)\s+(?:\w+\s+){0,2}$")
_OWNER_NAME = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)[’']s\s+(?:\w+\s+){0,2}$")


#: Which patterns a sentence can match at all, from the word pieces each one needs; all found in one pass.
_NEEDLE_GROUPS: dict = {}
for _group, _needles in {
    "charge": ("accus", "blam", "charg", "implicat", "hold", "held", "critici", "censur", "rebuk", "fault"),
    "blame": ("blam", "attribut", "finger"),
    "condemn": ("condemn", "denounc", "decr", "slam", "lambast", "out at", "back at", "castigat", "rapped"),
    "passive": ("accused", "blamed", "charged", "suspected"),
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


#: Trigger beginnings of two words: a common word that starts a pattern only before these prepositions.
_TRIGGER_STARTS += [f"{word} {prep}" for word in ("present", "based", "hiding", "freely", "openly")
                    for prep in ("in ", "inside", "across", "from", "out of")]
_TRIGGER_STARTS += [f"{word} {det}" for word in ("shown", "show", "shows", "showed", "showing") for det in ("no ", "little ")]
_TRIGGER_STARTS += [f"{word} {way} at" for word in ("hit", "hits", "hitting") for way in ("out", "back")]
_TRIGGER = re.compile(r"(?<![\w-])" + _trie(_TRIGGER_STARTS))
#: ``[m.start() for m in _TRIGGER.finditer(low)]``, found faster (see :func:`word_starts`).
_TRIGGER_AT = word_starts(_trie(_TRIGGER_STARTS))


#: :data:`_WRONG_RE` split by the first character of a match (see :func:`_dispatch_by_first_char`).
_WRONG_BY_CHAR = _dispatch_by_first_char(_WRONG_RE)
#: ``_WRONG_RE.search``, the same match found faster with :data:`_WRONG_BY_CHAR`.
_WRONG_SEARCH = search_by_first_char(_WRONG_RE, _WRONG_BY_CHAR)


# Used by the finder to decide who did a wrong and whether a sentence continues a charge.

#: A wrong referred to with a definite or demonstrative article, or a word of condemnation, with no party
#: named: it continues the charge of the sentence before.
_CONTINUED_CHARGE_RE = re.compile(
    r"\b(?:the|these|those|this|such|that|latest|its|their)\s+(?:\w+\s+){0,2}(?:air ?strikes?|strikes|attacks?|raids?|"
    r"bombings?|shelling|killings?|actions?|operations?|violations?|incursions?|aggression)\b|"
    r"\b(?:aggression|brutal|barbaric|cowardly|cowardice|atrocit\w+|war crimes?|massacre|condemn\w*)\b"
)
#: Predicates of an armed group's presence somewhere (a charge only when the doer is a group, case 28).
_STAY_RE = re.compile(r"(?:present|based|stationed|headquartered|entrenched|holed|hiding|sheltering|operating|"
                      r"resid|freely|openly|collect)")
#: Who is present somewhere without a charge: troops, diplomats, observers.
_NOT_CHARGED_PRESENCE = re.compile(r"\b(?:troops|forces|soldiers|personnel|diplomats|officials|observers|"
                                   r"peacekeepers|embassy|mission|refugees|journalists|aid)\b", re.IGNORECASE)
#: "X has a (strong) presence in", "X enjoys a foothold in": the haver is the one present.
_HAVE_BEFORE = re.compile(r"\b(?:has|have|had|enjoys?|enjoyed|maintains?|maintained|established)\s+(?:a |an )?(?:\w+\s+){0,2}$")
#: Stops after which a clause has no subject of its own: an opening quotation mark before the verb,
#: "while"/"as"/"when" before a participle or a noun phrase, "which"/"who" after the party they stand for.
_NO_SUBJECT_AFTER = frozenset(("“", '"', "while", "as", "when", "which", "who"))
#: Nouns of a refuge given to armed groups, and what can follow them to name the host.
_HOST_NOUN = re.compile(r"^(?:safe havens?|sanctuar(?:y|ies)|hideouts?|refuge)$")
_HOST_AFTER = re.compile(r"\s+(?:in|inside|within|on|across)\s+(?:(?P<own>its|their)\s+(?:own\s+)?(?:borders|soil|territory)|"
                         r"(?:the\s+)?(?:soil\s+of\s+|territory\s+of\s+)?(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))")
_HOST_RE = re.compile(r"soil|territor|bases?$|sanctuar|safe haven|hideout")
#: A doer that is an armed group: an acronym, a group word, or words of militancy.
_GROUPISH = re.compile(r"\b[A-Z]{2,}\b|\b(?:Taliban|Qaeda|Qaida|Lashkar|Jaish|Tehreek|Tehrik|Hizb\w*|Mujahideen|"
                       r"Front|Brigades?|Movement|Militia|State|Network|Group|Army)\b|\b(?:militants?|terrorists?|group|outfit)\b")
#: Words of refusal and failure: "this refusal", "such unwillingness" refer back to the party before.
_FAILING_RE = re.compile(r"(?:refus|unwilling|reluctan|inaction|fail)")
#: Verbs of demanding that :data:`_DEMAND_ACTION_RE` starts with (a cheap test before the pattern).
_DEMAND_VERBS = ("demand", "urg", "ask", "press", "call", "told", "warn", "gave")
#: A piece of text every act of :data:`_DEMAND_ACTION_RE` contains (a cheap test before the pattern).
_DEMAND_ACTS = ("close", "shut", "dismantle", "hand over", "extradite", "expel", "rein in", "crack down", "against",
                "stop ", "deny ")
#: The words after the hyphen in :data:`_LINKED_RE` ("TTP-linked"): without one, it cannot match.
_LINKED_SUFFIXES = tuple("-" + w for w in ("linked", "backed", "sponsored", "affiliated", "led", "supported", "funded",
                                           "trained", "plotted", "planned", "orchestrated", "inspired", "directed",
                                           "armed"))

#: First words of a clause that has no subject of its own (an auxiliary or verb after an apposition).
_NO_SUBJECT = frozenset("has have had is are was were will would can could may might must also then "
                        "continues continued remains remained".split())
_GENERIC_DOERS = frozenset("militants gunmen insurgents terrorists attackers fighters rebels assailants".split())
#: Endings of a sentence's capitalised first word that mark an adjective or adverb, not a name.
_ADJECTIVE_ENDINGS = ("ent", "al", "ive", "ous", "ful", "ic", "ed", "ing", "ly", "ble")
#: Acts of force ("struck", "targeted", "raided", "bombed") ...
_STRIKE_WORD = re.compile(r"(?:struck|strikes?|target\w*|raid\w*|bomb\w*|shell\w*|attack\w*|hit|hits|pounded|"
                          r"air ?strikes?|drone strikes?|missile strikes?)$")
#: ... whose object is an armed group's camp, hideout or fighters: the sentence reports force used against
#: armed groups, which is not by itself a charge of wrongdoing against the one who used it (codebook §4).
_ARMED_TARGET = re.compile(
    r"\s+(?:on |at |against )?(?:the |several |many |multiple |suspected |alleged |\w+ |\d+ )?(?:[\w-]+ ){0,2}?"
    r"(?:(?:terror\w*|militant|insurgent|jihadi|extremist)s?\s+(?:camps?|hideouts?|hide-outs?|infrastructure|bases?|"
    r"launch ?pads?|targets?|positions?|sites?|installations?|training|facilities|networks?|strongholds?)|"
    r"terrorists\b|militants\b|insurgents\b)"
)
#: A verb of giving, carrying out or starting just before a noun of wrongdoing: its subject did the wrong
#: ("provided sanctuary", "initiated firing", "resumed shelling").
_GIVER_BEFORE = re.compile(r"\b(?:provid|giv|gave|offer|extend|grant|lend|lent|carr|launch|conduct|stag|mount|"
                           r"perpetrat|maintain|run|running|ran|operat|commit|resort\w* to|initiat|resum|escalat|intensif|"
                           r"start|began|begun|begin)\w*\s+(?:[\w,.'-]+\s+){0,3}$")
