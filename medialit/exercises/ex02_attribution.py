"""Exercise 02 · Attribution: the tasks of ``exercises/02_attribution.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from . import gold
from .builders import (
    SOURCE_TYPE_HINTS, article_choice_task, classify_task, ids_task, label_row_hint, number_task, reflection_task,
)
from .practice_tasks import with_practice_first
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import LABELS_READER, SOURCE_TYPES_READER, norm_phrase, read_choice, read_mapping

__all__ = ["tasks"]


def attribution_task(number: int, sent_id: str) -> Task:
    """Name the cue, the source and the source type of one attributed sentence."""
    article = sent_id.rsplit("-", 1)[0]
    keys = ["cue", "source", "source_type"]

    def grade(answer: Any) -> Result:
        row = gold.row(gold.sentences(), sent_id)
        if row.label != "attributed":
            raise LookupError(f"{sent_id} is no longer labelled attributed in the data")
        mapping = read_mapping(answer, keys, what="key", read_key=lambda k: k.strip().lower().replace(" ", "_"))
        for key in ("cue", "source"):
            if not isinstance(mapping[key], str) or not mapping[key].strip():
                raise NotAnswered(f"{key} should be words copied from the sentence, in quotes.")
        source_type = read_choice(mapping["source_type"], SOURCE_TYPES_READER)
        text = norm_phrase(row.text)
        problems = []
        cue = norm_phrase(mapping["cue"])
        cues = [norm_phrase(c) for c in str(row.cue).split(";") if c.strip()]
        if cue not in text:
            problems.append(f"the cue \"{mapping['cue'].strip()}\" is not in the sentence (copy it as printed)")
        elif not any(cue == c or (len(cue) >= 4 and (cue in c or c in cue)) for c in cues):
            problems.append("your cue is in the sentence but is not the word that hands the claim to "
                            "someone (codebook §6 lists cue words)")
        source = norm_phrase(mapping["source"])
        credited = norm_phrase(re.sub(r"\(.*?\)", "", str(row.source)))
        if source not in text:
            problems.append(f"the source \"{mapping['source'].strip()}\" is not in the sentence (copy the name as printed)")
        elif not (len(source) >= 3 and (source in credited or credited in source)):
            problems.append("your source is in the sentence but is not who the claim is credited to "
                            "(ask: who says it?)")
        if source_type != row.source_type:
            problems.append(f"source type {source_type} means {SOURCE_TYPE_HINTS[source_type]}; "
                            "reread the table in codebook §5")
        if problems:
            correct = 3 - len(problems)
            return not_yet(f"{correct} of 3 parts {'is' if correct == 1 else 'are'} right: " + "; ".join(problems) + ".")
        return right(f"{sent_id}: the cue \"{row.cue}\" hands the claim to {row.source} "
                     f"({row.source_type}: {SOURCE_TYPE_HINTS[row.source_type]}).")

    return Task(number, f"cue, source and source type of {sent_id}",
                'a dict with keys "cue", "source" and "source_type", like {"cue": "said", "source": "…", '
                '"source_type": "named_official"}', grade, (article,), "attribution")

def _dropped_attribution(sentences: pd.DataFrame, article: str) -> list[str]:
    by_id = sentences.set_index("sent_id")
    rows = sentences[(sentences.article_id == article) & (sentences.repeats != "")]
    return [r.sent_id for r in rows.itertuples()
            if r.repeats in by_id.index and by_id.at[r.repeats, "label"] == "attributed"
            and r.label != "attributed"]

#: Task 1's sentences: none is shown with its label in notebook 02 or in the codebook, and none is a
#: labelling-practice item (medialit.practice).
LABEL_IDS = ["tit-for-tat-061", "regional-peace-022", "balakot-034", "ap-crackdown-012", "militancy-bases-034",
             "tit-for-tat-062"]
#: The cue the codebook (§6) gives a sentence inside a quotation whose cue is in another sentence.
CONTINUED = "[continued quotation]"


def tasks() -> list[Task]:
    return with_practice_first("02_attribution", [
        classify_task(1, "label six sentences",
                      LABEL_IDS,
                      column="label", reader=LABELS_READER, hint=label_row_hint, kind="label"),
        attribution_task(2, "ap-crackdown-010"),
        ids_task(3, "the pull-quote that drops an attribution", article="tit-for-tat",
                 expected=lambda s: _dropped_attribution(s, "tit-for-tat"),
                 why=lambda ids, s: " ".join(
                     f"{i} repeats {gold.row(s, i).repeats} but drops its cue (\"{gold.row(s, gold.row(s, i).repeats).cue}\"): "
                     f"on the page the allegation now reads as the writer's own statement, labelled "
                     f"{gold.row(s, i).label} (codebook §9, case 5)." for i in ids),
                 hint_missing="Look for a sentence that says the same thing as an attributed one, without a cue "
                 "(the column repeats links them).",
                 hint_extra="{ids}: still has its cue, or repeats nothing attributed.",
                 pieces=("tit-for-tat",), kind="dropped_attribution"),
        number_task(4, "share of attributed body sentences in ap-crackdown",
                    expected=lambda: gold.shares(gold.sentences(), label="attributed")["ap-crackdown"],
                    tolerance=0.005, share=True,
                    why=lambda v: f"{v:.2f} of ap-crackdown's body sentences hand their claim to someone else "
                    "(an official, an analyst, \"critics\"): the reader hears the writer report, not assert.",
                    hint="Keep the body sentences of ap-crackdown, then take the mean of "
                    "(label == \"attributed\"); or read it from ml.compare.label_shares(normalize=True).",
                    pieces=("ap-crackdown",)),
        article_choice_task(5, "the piece that relies least on other people's words",
                            scores=lambda: gold.shares(gold.sentences(), label="attributed"), lowest=True,
                            why=lambda v, c: f"{c}: {v[c]:.2f} of its body sentences are attributed. All shares: "
                            + gold.fmt(v) + ". A low share means the writer states more "
                            "in their own voice — which says nothing about whether it is true.",
                            hint="Compute the share of attributed body sentences for every piece and take the "
                            "lowest (ml.compare.label_shares(normalize=True), or groupby article_id, then mean)."),
        ids_task(6, "quoted sentences whose cue is in another sentence, in balakot", article="balakot",
                 expected=lambda s: s[(s.article_id == "balakot") & (s.cue == CONTINUED)].sent_id.tolist(),
                 why=lambda ids, s: f"{gold.plural(len(ids), 'sentence')} carry no cue of their own: each opens, "
                 "continues or closes a quotation whose cue (\"he had said\", \"According to\") sits in another "
                 "sentence (rule L2), so each is attributed to the source named there.",
                 hint_missing=f"Filter balakot's sentences on the column cue: the codebook (§6) writes {CONTINUED} "
                 "for a sentence inside a quotation whose cue is in another sentence, before or after it.",
                 hint_extra="{ids}: has a cue of its own, or is not a quotation.",
                 pieces=("balakot",), kind="find"),
        reflection_task(7, "what changes when the cue is dropped", exercise="02_attribution",
                        min_words=40,
                        cite=("tit-for-tat",), pieces=("tit-for-tat",)),
    ])
