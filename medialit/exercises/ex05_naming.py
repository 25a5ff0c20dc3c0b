"""Exercise 05 · Naming: the tasks of ``exercises/05_naming.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import compare, corpus, schema
from . import gold
from .builders import numbers_task, reflection_task, single_id_task
from .practice_tasks import with_practice_first
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import article_key, norm_phrase, read_mapping, read_phrases

__all__ = ["tasks"]


def _naming() -> pd.DataFrame:
    spans = gold.spans()
    naming = spans[spans.kind == "naming"].copy()
    naming["variant"] = naming.text.str.lower()
    return naming


def _terrorists_share() -> dict[str, float]:
    """Per piece, the share of its names for fighters that are "terrorists" (from :func:`compare.naming_table`)."""
    table = compare.naming_table(gold.spans(), corpus.load_lexicon("naming"))
    fighters = table[table.referent == "fighters"]
    called = fighters["count"].where(fighters.variant.str.lower() == "terrorists", 0)
    share = called.groupby(fighters.article_id).sum() / fighters.groupby("article_id")["count"].sum()
    return {a: float(share.get(a, 0.0)) for a in schema.ARTICLE_IDS}


def _top_variants(article: str, referent: str) -> tuple[list[str], pd.Series]:
    naming = _naming()
    counts = naming[(naming.article_id == article) & (naming.referent == referent)].variant.value_counts()
    if counts.empty:
        raise LookupError(f"{article} has no naming spans for {referent}")
    return counts[counts == counts.max()].index.tolist(), counts


def _death_names(sent_id: str) -> pd.Series:
    naming = _naming()
    return naming[(naming.sent_id == sent_id) & (naming.referent == "deaths")].text


def naming_variants_task(number: int, title: str, article: str, referent: str) -> Task:
    def grade(answer: Any) -> Result:
        phrases = read_phrases(answer)
        naming = _naming()
        names = sorted(set(naming[(naming.article_id == article) & (naming.referent == referent)].variant))
        if not names:
            raise LookupError(f"{article} has no naming spans for {referent}")
        given = {norm_phrase(p) for p in phrases}
        wanted = {norm_phrase(g) for g in names}
        if given == wanted:
            lexicon = corpus.load_lexicon("naming")
            notes = {str(r.variant).lower(): r.connotation for r in lexicon.itertuples() if r.referent == referent}
            return right(" · ".join(f'"{g}": {notes.get(g, "")}'.rstrip(": ") for g in names) + ".")
        extra = len(given - wanted)
        text = f"{len(given & wanted)} of {len(wanted)} names found"
        text += f"; {extra} of yours {'is' if extra == 1 else 'are'} not a name for this place in {article}" if extra else ""
        return not_yet(text + ". Search the text for every mention of the area, including abbreviations; "
                       "count different spellings once (capitals do not matter).")

    return Task(number, title, 'a list of names as printed, like ["…", "…"]', grade, (article,), "naming")


def tasks() -> list[Task]:
    def most_used(row_pieces=("regional-peace", "tit-for-tat")):
        def grade(answer: Any) -> Result:
            mapping = read_mapping(answer, row_pieces, what="article id", read_key=article_key)
            wrong, why = [], []
            for piece, value in mapping.items():
                if not isinstance(value, str) or not value.strip():
                    raise NotAnswered(f"for {piece}: give the name as printed, in quotes.")
                top, counts = _top_variants(piece, "afghan-govt")
                if norm_phrase(value) not in {norm_phrase(t) for t in top}:
                    wrong.append(piece)
                why.append(f"{piece}: " + ", ".join(f"{v} ×{c}" for v, c in counts.items()))
            if wrong:
                return not_yet(f"{len(row_pieces) - len(wrong)} of {len(row_pieces)} right; look again at "
                               f"{', '.join(wrong)}. Count the naming spans with referent afghan-govt per name "
                               "(value_counts on the lower-cased text).")
            return right("; ".join(why) + ". See lexicons/naming.csv for what each name implies.")

        return Task(4, "the most used name for the Afghan government, in two pieces",
                    'a dict from article id to a name, like {"regional-peace": "…", "tit-for-tat": "…"}',
                    grade, row_pieces, "compare")

    return with_practice_first("05_naming", [
        naming_variants_task(1, "every name militancy-bases prints for the Pakistan-administered part of Kashmir",
                             "militancy-bases", "pak-kashmir"),
        naming_variants_task(2, "the names balakot prints for the same area", "balakot", "pak-kashmir"),
        numbers_task(3, "how often fighters are called 'terrorists'",
                     expected=_terrorists_share, tolerance=0.005, share=True,
                     why=lambda t: "Share of the mentions of fighters that say \"terrorists\": " + gold.fmt(t)
                     + ". Name calling (SemEval-2020 Task 11) condemns by the name itself.",
                     hint="Keep the naming spans with referent \"fighters\"; per piece, take the mean of "
                     "(text.str.lower() == \"terrorists\") (ml.compare.naming_table() has the same counts)."),
        most_used(),
        single_id_task(5, "the sentence that names the dead of each side differently",
                       article="regional-peace",
                       fits=lambda r, s: _death_names(r.sent_id).str.lower().nunique() >= 2,
                       describe=lambda r: "names for the dead: " + (", ".join(_death_names(r.sent_id)) or "none"),
                       hint="Look for one sentence that names the deaths of one side with one word and of the "
                       "other side with another (spans with referent deaths).", kind="naming"),
        reflection_task(6, "what a name takes for granted", exercise="05_naming",
                        min_words=50,
                        cite=("militancy-bases", "regional-peace"), pieces=("militancy-bases", "regional-peace"),
                        kind="compare"),
    ], sources=True)
