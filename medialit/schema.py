"""The fixed vocabularies of the data files (see ``data/README.md`` and the codebook).

Kept in one place so that loaders, validation, charts and checks agree.

>>> LABELS
('fact', 'attributed', 'advocacy', 'meta')
>>> ARTICLE_IDS[0]
'militancy-bases'
"""

ARTICLE_IDS = ("militancy-bases", "ap-crackdown", "regional-peace", "balakot", "tit-for-tat")

#: Which conflict each of the five pieces is mainly about (for side-by-side views).
ARTICLE_CONFLICT = {
    "militancy-bases": "india_pakistan",
    "ap-crackdown": "india_pakistan",
    "balakot": "india_pakistan",
    "regional-peace": "pakistan_afghanistan",
    "tit-for-tat": "pakistan_afghanistan",
}

LABELS = ("fact", "attributed", "advocacy", "meta")
ROLES = ("headline", "subheading", "byline", "body", "pullquote", "bio", "disclaimer", "furniture")
#: Roles whose sentences always carry the label ``meta``.
META_ROLES = ("byline", "bio", "disclaimer", "furniture")
SOURCE_TYPES = ("named_official", "named_expert", "named_other", "anonymous", "unnamed", "document", "none")
CONFLICTS = ("india_pakistan", "pakistan_afghanistan", "both", "none")
SPAN_KINDS = ("cue", "hedge", "booster", "loaded", "naming", "number")
ACTOR_KINDS = ("state", "government", "military", "agency", "armed_group", "person", "organisation", "group")
FRAME_FUNCTIONS = ("problem_definition", "causal_interpretation", "moral_evaluation", "treatment_recommendation")

SENTENCE_COLUMNS = (
    "article_id", "sent_id", "paragraph", "start", "end", "text", "role", "repeats", "label",
    "accusation", "accuser", "accused", "source", "source_type", "cue", "conflict", "rationale",
)
SPAN_COLUMNS = ("article_id", "sent_id", "start", "end", "text", "kind", "referent", "note")
ARTICLE_COLUMNS = (
    "article_id", "headline", "byline", "outlet", "date_printed", "outlet_clues", "date_clues",
    "genre_signals", "standpoint", "standpoint_evidence", "missing", "questions_to_verify", "word_count",
    "standpoint_short", "probable_date", "probable_date_evidence",
)
ACTOR_COLUMNS = ("actor_id", "name", "kind", "aliases")
FRAME_COLUMNS = ("article_id", "function", "paraphrase", "evidence")

#: Short text tags shown next to every highlighted sentence (readable without colour).
LABEL_TAGS = {"fact": "[FACT]", "attributed": "[ATTR]", "advocacy": "[ADV]", "meta": "[META]"}
