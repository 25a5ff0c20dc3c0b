"""Exercise 06 · Frames: the tasks of ``exercises/06_frames.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .. import corpus, schema
from . import gold
from .builders import numbers_task, pick_per_article_task, reflection_task
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import Choices, normalise_id, read_choice_mapping, read_ids, read_mapping

__all__ = ['tasks']


def _frame_evidence(frames: pd.DataFrame, article: str) -> dict[str, list[str]]:
    rows = frames[frames.article_id == article]
    return {str(r.function): [i.strip() for i in str(r.evidence).split(";") if i.strip()] for r in rows.itertuples()}


FUNCTIONS_READER = Choices(schema.FRAME_FUNCTIONS, {
    "problem": "problem_definition", "cause": "causal_interpretation", "causal": "causal_interpretation",
    "moral": "moral_evaluation", "treatment": "treatment_recommendation", "remedy": "treatment_recommendation",
}, "framing function")

FUNCTION_HINTS = {
    "problem_definition": "what is the problem, and who is affected?",
    "causal_interpretation": "who or what causes it?",
    "moral_evaluation": "who is good or bad, victim or culprit?",
    "treatment_recommendation": "what should be done, by whom?",
}


def frame_function_task(number: int, title: str, ids: list[str]) -> Task:
    """Name the Entman function each sentence serves (from the evidence in frames.csv)."""
    article = ids[0].rsplit("-", 1)[0]

    def grade(answer: Any) -> Result:
        given = read_choice_mapping(answer, ids, FUNCTIONS_READER, what="sentence id", read_key=normalise_id)
        evidence = _frame_evidence(corpus.load_frames(), article)
        expected = {}
        for sent_id in ids:
            functions = [f for f, cited in evidence.items() if sent_id in cited]
            if len(functions) != 1:
                raise LookupError(f"{sent_id} is evidence for {len(functions)} functions in frames.csv")
            expected[sent_id] = functions[0]
        wrong = [i for i in ids if given[i] != expected[i]]
        if not wrong:
            return right("; ".join(f"{i} {expected[i]}" for i in ids) + ". Entman (1993): a frame defines a "
                         "problem, names its cause, judges, and recommends a treatment.")
        first = wrong[0]
        return not_yet(f"{len(ids) - len(wrong)} of {len(ids)} are right. Look again at {first}"
                       + (f" (and then {', '.join(wrong[1:])})" if len(wrong) > 1 else "")
                       + f": you chose {given[first]} — {FUNCTION_HINTS[given[first]]} Does the sentence answer "
                       "that question, or another of the four?")

    return Task(number, title, f'a dict from sentence id to framing function, like {{"{ids[0]}": '
                '"problem_definition", …}', grade, (article,), "frames")


def entman_task(number: int, title: str, article: str) -> Task:
    """Fill Entman's four functions for one piece with evidence ids (checked: substance only)."""

    def grade(answer: Any) -> Result:
        sentences = gold.sentences()
        mapping = read_mapping(answer, schema.FRAME_FUNCTIONS, what="function",
                               read_key=lambda k: FUNCTIONS_READER.read(k) or k)
        cited = {}
        for function, value in mapping.items():
            try:
                ids = read_ids(value, sentences.sent_id, article=article)
            except NotAnswered as problem:
                raise NotAnswered(f"for {function}: {problem}") from None
            if len(ids) > 4:
                raise NotAnswered(f"for {function}: cite at most 4 sentences, the clearest ones.")
            cited[function] = ids
        by_id = sentences.set_index("sent_id")
        spans = gold.spans()
        loaded = set(spans[spans.kind == "loaded"].sent_id)
        problems = []
        for function, ids in cited.items():
            meta = [i for i in ids if by_id.at[i, "label"] == "meta"]
            if meta:
                problems.append(f"{function}: {', '.join(meta)} is page furniture, not the writer's framing (rule L1)")
        if not any(by_id.at[i, "label"] == "advocacy" for i in cited["treatment_recommendation"]):
            problems.append("treatment_recommendation: none of your sentences is a prescription in the writer's "
                            "voice or a quoted one; look for should, must, need (rule L4)")
        if not any(by_id.at[i, "label"] in ("advocacy", "attributed") or i in loaded
                   for i in cited["moral_evaluation"]):
            problems.append("moral_evaluation: none of your sentences judges anyone — look for loaded words or "
                            "an evaluation (codebook §8, rule L4)")
        if problems:
            return not_yet(f"{4 - len({p.split(':')[0] for p in problems})} of 4 functions are backed. "
                           + "; ".join(problems) + ".")
        evidence = _frame_evidence(corpus.load_frames(), article)
        shared = sum(len(set(cited[f]) & set(evidence.get(f, []))) for f in schema.FRAME_FUNCTIONS)
        return right(f"Every function is backed by sentences of {article} that can carry it. {shared} of your "
                     "ids are also among the annotators' evidence in frames.csv; compare your reading with "
                     "theirs. Your teacher reads the rest.")

    example = '{"problem_definition": ["' + article + '-0.."], "causal_interpretation": [...], …}'
    return Task(number, title, f"a dict from each of the four functions to a list of 1–4 sentence ids, like {example}",
                grade, (article,), "frames")

def _own_voice_treatment() -> dict[str, float]:
    frames, sentences = corpus.load_frames(), gold.sentences()
    by_id = sentences.set_index("sent_id")
    out = {}
    for article in schema.ARTICLE_IDS:
        ids = _frame_evidence(frames, article).get("treatment_recommendation", [])
        out[article] = float(sum(by_id.at[i, "label"] not in ("attributed", "meta") for i in ids if i in by_id.index))
    return out


def _prescribes(row: pd.Series, sentences: pd.DataFrame) -> bool:
    if row.label != "advocacy":
        return False
    frames = corpus.load_frames()
    return row.sent_id in _frame_evidence(frames, row.article_id).get("treatment_recommendation", []) or bool(
        re.search(r"\b(should|must|need|needs|crucial|essential|imperative|requires)\b", str(row.text), re.I))


def tasks() -> list[Task]:
    return [
        frame_function_task(1, "which function does each sentence serve?",
                            ["balakot-040", "balakot-012", "balakot-009", "balakot-001"]),
        entman_task(2, "Entman's four functions for tit-for-tat", "tit-for-tat"),
        numbers_task(3, "treatment recommended in the writer's own voice",
                     expected=_own_voice_treatment, tolerance=0, share=False,
                     why=lambda t: "Evidence sentences for treatment_recommendation that are not attributed: "
                     + gold.fmt(t, 0) + ". Where it is 0, the piece recommends only through quoted voices.",
                     hint="Split the evidence column of the treatment_recommendation rows (str.split(\";\") and "
                     "explode), look up each id's label in sentences, and count those not attributed or meta."),
        pick_per_article_task(4, "a prescription in the writer's voice in two pieces",
                              ("militancy-bases", "regional-peace"), lambda r: _prescribes(r, None),
                              describe=lambda r: f"labelled {r.label}",
                              hint="You want an advocacy sentence that says what should be done (rule L4, "
                              "prescription), not a report of what someone urged."),
        reflection_task(5, "two frames of one conflict", min_words=60, cite=("balakot", "tit-for-tat"),
                        pieces=("balakot", "tit-for-tat"), kind="compare"),
    ]
