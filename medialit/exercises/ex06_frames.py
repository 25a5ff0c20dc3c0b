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
from .practice_tasks import with_practice_first
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import Choices, normalise_id, read_choice_mapping, read_ids, read_mapping

__all__ = ["tasks"]


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


def frame_function_task(number: int, title: str, ids: list[str],
                        also: dict[str, tuple[str, str]] | None = None) -> Task:
    """Name the Entman function each sentence serves.

    Right is any function whose evidence in ``frames.csv`` cites the sentence.  ``also``
    adds, for a sentence, a second function the codebook allows and why (Entman: one
    sentence can serve more than one function); the feedback then names the other reading.
    """
    article = ids[0].rsplit("-", 1)[0]
    also = also or {}

    def grade(answer: Any) -> Result:
        given = read_choice_mapping(answer, ids, FUNCTIONS_READER, what="sentence id", read_key=normalise_id)
        evidence = _frame_evidence(corpus.load_frames(), article)
        accepted = {}
        for sent_id in ids:
            functions = [f for f, cited in evidence.items() if sent_id in cited]
            if not functions:
                raise LookupError(f"{sent_id} is evidence for no function in frames.csv")
            accepted[sent_id] = functions + [also[sent_id][0]] if sent_id in also else functions
        wrong = [i for i in ids if given[i] not in accepted[i]]
        if not wrong:
            notes = []
            for sent_id, (other, why) in also.items():
                readings = [f for f in accepted[sent_id] if f != given[sent_id]]
                notes.append(f"{sent_id} can be read both ways: you chose {given[sent_id]}; "
                             f"{' or '.join(readings)} is also defensible — {why}")
            return right("; ".join(f"{i} {given[i]}" for i in ids) + ". " + " ".join(notes)
                         + " Entman (1993): a frame defines a problem, names its cause, judges, and recommends "
                         "a treatment.")
        first = wrong[0]
        return not_yet(f"{len(ids) - len(wrong)} of {len(ids)} are right. Look again at {first}"
                       + (f" (and then {', '.join(wrong[1:])})" if len(wrong) > 1 else "")
                       + f": you chose {given[first]} — {FUNCTION_HINTS[given[first]]} Does the sentence answer "
                       "that question, or another of the four?")

    return Task(number, title, f'a dict from each sentence id to one of {", ".join(schema.FRAME_FUNCTIONS)}, '
                f'like {{"{ids[0]}": "…", …}}', grade, (article,), "frames")


_PRESCRIPTION = re.compile(r"\b(should|must|need|needs|crucial|essential|imperative|requires|urged?|calls? on|"
                           r"called on|demand(?:s|ed)?)\b", re.I)


def _backs(function: str, sent_id: str, text: str, evidence: dict[str, list[str]], loaded: set[str]) -> bool:
    """Can this sentence carry the function? Evidence in frames.csv always can; a prescription (in the
    writer's voice or quoted) can carry a treatment, a loaded word a moral evaluation."""
    if sent_id in evidence.get(function, []):
        return True
    if function == "treatment_recommendation":
        return bool(_PRESCRIPTION.search(text))
    if function == "moral_evaluation":
        return sent_id in loaded
    return False


def entman_task(number: int, title: str, article: str) -> Task:
    """Fill Entman's four functions for one piece with 1–4 evidence ids each.

    A function is backed when one of its ids is among the annotators' evidence for it in
    ``frames.csv``, or (treatment) is a prescription, written or quoted, or (moral evaluation)
    holds a loaded word.  The feedback names the functions not yet backed, never the ids.
    """

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
        evidence = _frame_evidence(corpus.load_frames(), article)
        problems = []
        for function, ids in cited.items():
            meta = [i for i in ids if by_id.at[i, "label"] == "meta"]
            if meta:
                problems.append(f"{function}: {', '.join(meta)} {'is' if len(meta) == 1 else 'are'} page furniture, "
                                "not the writer's framing (rule L1)")
            elif not any(_backs(function, i, str(by_id.at[i, "text"]), evidence, loaded) for i in ids):
                problems.append(f"{function}: none of your sentences carries it — {FUNCTION_HINTS[function]} "
                                + FUNCTION_LOOK_FOR[function])
        if problems:
            return not_yet(f"{4 - len(problems)} of 4 functions are backed. " + "; ".join(problems) + ".")
        shared = sum(len(set(cited[f]) & set(evidence.get(f, []))) for f in schema.FRAME_FUNCTIONS)
        return right(f"Every function is backed by a sentence of {article} that carries it; {shared} of your ids "
                     "are among the annotators' evidence in frames.csv. Compare your reading with theirs "
                     "(ml.compare.frames_side_by_side()). Your teacher reads the rest.")

    example = '{"problem_definition": ["' + article + '-0.."], "causal_interpretation": [...], …}'
    return Task(number, title, f"a dict from each of the four functions to a list of 1–4 sentence ids, like {example}",
                grade, (article,), "frames")


#: Each hint follows a question in the feedback, and problems are joined with "; ": a capital, no full stop.
FUNCTION_LOOK_FOR = {
    "problem_definition": "Look for the sentences that say what is going wrong between the two sides",
    "causal_interpretation": "Look for who or what the piece blames, in its own voice or through a source",
    "moral_evaluation": "Look for an evaluation or a loaded word (codebook §8, rule L4)",
    "treatment_recommendation": "Look for a prescription — should, must, need, urged — in the writer's voice or "
                                "in a quotation (rule L4)",
}


def _own_voice_treatment() -> dict[str, float]:
    frames, sentences = corpus.load_frames(), gold.sentences()
    by_id = sentences.set_index("sent_id")
    out = {}
    for article in schema.ARTICLE_IDS:
        ids = _frame_evidence(frames, article).get("treatment_recommendation", [])
        out[article] = float(sum(by_id.at[i, "label"] not in ("attributed", "meta") for i in ids if i in by_id.index))
    return out


def _prescribes(row: pd.Series) -> bool:
    """An advocacy sentence that says what should be done (evidence for treatment, or a prescription word)."""
    if row.label != "advocacy":
        return False
    frames = corpus.load_frames()
    return row.sent_id in _frame_evidence(frames, row.article_id).get("treatment_recommendation", []) or bool(
        _PRESCRIPTION.search(str(row.text)))


def tasks() -> list[Task]:
    return with_practice_first("06_frames", [
        frame_function_task(1, "which function does each sentence serve?",
                            ["balakot-040", "balakot-012", "balakot-009", "balakot-001"],
                            also={"balakot-009": ("problem_definition", "its main clause, that the camp \"is again "
                                                  "in full swing\", states the problem the piece is about; the "
                                                  "annotators cite it for the judgement in \"pretending that "
                                                  "nothing had happened\" (moral_evaluation).")}),
        entman_task(2, "Entman's four functions for tit-for-tat", "tit-for-tat"),
        numbers_task(3, "treatment recommended in the writer's own voice",
                     expected=_own_voice_treatment, tolerance=0, share=False,
                     why=lambda t: "Evidence sentences for treatment_recommendation that are not attributed: "
                     + gold.fmt(t, 0) + ". Where it is 0, the piece recommends only through quoted voices.",
                     hint="Split the evidence column of the treatment_recommendation rows (str.split(\";\") and "
                     "explode), look up each id's label in sentences, and count those not attributed or meta."),
        pick_per_article_task(4, "a prescription in the writer's voice in two pieces",
                              ("militancy-bases", "regional-peace"), _prescribes,
                              describe=lambda r: f"labelled {r.label}",
                              hint="You want an advocacy sentence that says what should be done (rule L4, "
                              "prescription), not a report of what someone urged."),
        reflection_task(5, "two frames of one conflict", exercise="06_frames",
                        min_words=60, cite=("balakot", "tit-for-tat"),
                        pieces=("balakot", "tit-for-tat"), kind="compare"),
    ])
