"""Exercise 08 · Transfer: the tasks of ``exercises/08_transfer.ipynb``.

The closing exercise, after notebook 08: two invented texts nobody in the course has
seen (``data/transfer/``, passages 08-a and 08-b), in genres the five pieces lack — a
live-updates page and a military press statement.  The student labels every sentence of
each (the practice activity: typed dict or click view, the same check), says which ones
carry an accusation, finds the cues, names who accuses whom, and writes what the texts
want the reader to believe.  Every expected answer is read from ``data/transfer/`` when
the check runs; the tagger never sees these texts here.

>>> [(t.number, t.kind) for t in tasks()][:3]
[(1, 'practice_labels'), (2, 'practice_accusations'), (3, 'transfer')]
>>> cue_agrees("accused", "has accused"), cue_agrees("the crossings", "says")
(True, False)
"""

from __future__ import annotations

import re
from typing import Any, Mapping

import pandas as pd

from .. import corpus
from ..practice.answers import clean_id
from ..practice.passages import Passage, passage
from ..practice.rules import note_of, rule_of
from .builders import reflection_task
from .feedback import NotAnswered, Result, Task, not_yet, right
from .practice_tasks import PASS_SHARE, accusations_task, labels_task
from .readers import norm_phrase

__all__ = ["tasks", "cue_agrees", "names_actor", "TEXTS"]

#: The two transfer passages of this exercise, in the order the student meets them.
TEXTS = ("08-a", "08-b")
#: Words that only carry tense in a cue ("has accused", "is reporting"): not needed in an answer.
_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "be", "been", "being"})
#: What a student may write for the text's own voice (codebook: the writer, or the issuing office).
_WRITER_WORDS = frozenset({"writer", "the writer", "author", "the author", "issuer", "the issuer", "the statement",
                           "statement", "the text", "the outlet", "outlet", "the page"})


def _content(chosen: Passage) -> pd.DataFrame:
    frame = chosen.content()
    return frame.set_index(frame.sent_id.astype(str))


def cue_agrees(given: str, cue: str) -> bool:
    """True when the words a student gives are the annotators' cue (tense auxiliaries may be left out).

    >>> cue_agrees("Is Reporting", "is reporting"), cue_agrees("says the crossings will", "says")
    (True, False)
    """
    given_words, cue_words = norm_phrase(given).split(), norm_phrase(cue).split()
    needed = [w for w in cue_words if w not in _AUXILIARIES] or cue_words
    return bool(given_words) and all(w in given_words for w in needed) and len(given_words) <= len(cue_words) + 1


def _actors() -> pd.DataFrame:
    return corpus.load_actors(data_dir=corpus.data_dir() / corpus.TRANSFER).set_index("actor_id")


def _norm(text: str) -> str:
    words = norm_phrase(text).replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "a", "an"))


def _aliases(actor_id: str, row: pd.Series) -> set[str]:
    names = {_norm(actor_id.replace("-", " ")), _norm(actor_id), _norm(str(row["name"]).split("(")[0])}
    return names | {_norm(a) for a in str(row["aliases"]).split(";") if a.strip()}


def _issuers(article_id: str) -> list[str]:
    """Actors named in the text's masthead (its credit lines before the headline): who "the writer" is.

    >>> _issuers("odf-statement"), _issuers("live-updates")
    (['orvenian-military'], [])
    """
    rows = corpus.load_transfer()
    rows = rows[rows.article_id == article_id]
    head = rows[rows.role == "headline"].paragraph.min()
    lines = [f" {_norm(t)} " for t in rows[(rows.paragraph < head) & rows.role.isin(["byline", "furniture"])].text]
    return [a for a, row in _actors().iterrows()
            if any(len(n) >= 3 and f" {n} " in line for n in _aliases(a, row) for line in lines)]


def names_actor(given: str, actor_id: str, article_id: str) -> bool:
    """True when ``given`` names the actor (its id, name or one of its aliases in ``actors.csv``).

    ``"writer"`` (the text's own voice) is named by "the writer" or by the issuer its masthead names.

    >>> names_actor("Daskar's intelligence service", "dbs", "live-updates")
    True
    >>> names_actor("the ODF", "writer", "odf-statement"), names_actor("Daskar", "dbs", "live-updates")
    (True, False)
    """
    text = _norm(given)
    if len(text) < 3:
        return False
    if actor_id == "writer":
        return given.strip().lower() in _WRITER_WORDS or text in _WRITER_WORDS \
            or any(names_actor(given, a, article_id) for a in _issuers(article_id))
    actors = _actors()
    if actor_id not in actors.index:
        return _norm(actor_id) == text
    names = _aliases(actor_id, actors.loc[actor_id])
    if text in names:
        return True
    if any(text in _aliases(a, row) for a, row in actors.iterrows() if a != actor_id):
        return False  # another actor's own name ("Daskar" is not Daskar's intelligence service)
    return any(len(n) >= 4 and (f" {n} " in f" {text} " or (len(text) >= 5 and f" {text} " in f" {n} "))
               for n in names)


def _display(actor_id: str) -> str:
    if actor_id == "writer":
        return "the writer (the text's own voice)"
    actors = _actors()
    return str(actors.at[actor_id, "name"]).split(" (")[0] if actor_id in actors.index else actor_id


def _read_ids_mapping(answer: Any, chosen: Passage, what: str) -> dict[str, Any]:
    if answer is Ellipsis:
        raise NotAnswered(f"replace the ... with a dict: {what}.")
    if not isinstance(answer, Mapping):
        raise NotAnswered(f"write a dict with {{ }}: {what}.")
    items = chosen.items()
    out = {}
    for key, value in answer.items():
        if not isinstance(key, str):
            raise NotAnswered("every key should be a sentence id in quotes, like \"" + items[0] + "\".")
        sent_id = clean_id(key)
        if sent_id not in items:
            raise NotAnswered(f"{key.strip()} is not one of the [ ? ] sentences of {chosen.passage_id} "
                              f"({items[0]} … {items[-1]}).")
        if value is Ellipsis or value is None or (isinstance(value, str) and not value.strip()):
            raise NotAnswered(f"{sent_id} has no answer yet: replace its ... (or leave the sentence out).")
        out[sent_id] = value
    return out


def _verdict(lines: list[str], good: int, total: int, tail: str) -> Result:
    text = "\n".join([*lines, f"{good} of {total} as the annotators saw them. {tail}"])
    return right(text) if total and good / total >= PASS_SHARE else not_yet(text)


def cues_task(number: int, chosen: Passage) -> Task:
    """Find every sentence in which a reporting word hands the claim to someone else, and copy that cue."""

    def grade(answer: Any) -> Result:
        given = _read_ids_mapping(answer, chosen, "one line per sentence with a cue, like "
                                  f'"{chosen.items()[0]}": "says"')
        rows = _content(chosen)
        for sent_id, words in given.items():
            if not isinstance(words, str):
                raise NotAnswered(f"the cue of {sent_id} should be words in quotes, copied from the sentence.")
            if norm_phrase(words) not in norm_phrase(rows.at[sent_id, "text"]):
                raise NotAnswered(f"{words.strip()!r} is not in {sent_id}: copy the cue as printed.")
        wanted = {i: str(rows.at[i, "cue"]) for i in chosen.items() if str(rows.at[i, "cue"] or "").strip()}
        lines, good = [], 0
        for sent_id in chosen.items():
            rule = rule_of(rows.at[sent_id, "rationale"], str(rows.at[sent_id, "label"]))
            note = note_of(rows.at[sent_id, "rationale"])
            if sent_id in wanted and sent_id in given and cue_agrees(given[sent_id], wanted[sent_id]):
                good += 1
                lines.append(f"✓ {sent_id}  cue [{wanted[sent_id]}] · rule {rule}")
            elif sent_id in wanted:
                you = f"you: [{given[sent_id].strip()}]" if sent_id in given else "you gave no cue"
                lines.append(f"✗ {sent_id}  {you} · annotators: [{wanted[sent_id]}] (cue) · rule {rule}: {note}")
            elif sent_id in given:
                lines.append(f"✗ {sent_id}  you: [{given[sent_id].strip()}] · annotators: no cue hands this "
                             f"claim over · rule {rule}: {note}")
        extra = [i for i in given if i not in wanted]
        return _verdict(lines, good, len(wanted) + len(extra),
                        "A cue is the reporting word in the main clause (says, reports, denies, has accused …): "
                        "it hands the claim to a source (rule L3). A quotation with its cue is rule L2.")

    return Task(number, f"cues in passage {chosen.passage_id}",
                'a dict from each sentence with a cue to its cue words as printed, like {"…": "says"}', grade,
                (chosen.article_id,), "transfer")


def _pair(value: Any, sent_id: str) -> tuple[str, str]:
    if isinstance(value, str):
        parts = re.split(r"\s*(?:→|->|=>)\s*", value.strip())
        if len(parts) == 2 and all(parts):
            return parts[0], parts[1]
    elif isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, str) and v.strip() for v in value):
        return value[0].strip(), value[1].strip()
    raise NotAnswered(f'for {sent_id}: give who and whom as two names in quotes, like ("who", "whom").')


def who_whom_task(number: int, chosen: Passage) -> Task:
    """For every sentence that carries an accusation: who accuses whom?"""

    def grade(answer: Any) -> Result:
        given = {i: _pair(v, i) for i, v in _read_ids_mapping(
            answer, chosen, 'one line per sentence that carries an accusation, like "…": ("who", "whom")').items()}
        rows = _content(chosen)
        wanted = [i for i in chosen.items() if str(rows.at[i, "accusation"]) in ("1", "True")]
        lines, good = [], 0
        for sent_id in chosen.items():
            accuser, accused = str(rows.at[sent_id, "accuser"] or ""), str(rows.at[sent_id, "accused"] or "")
            rule = rule_of(rows.at[sent_id, "rationale"], str(rows.at[sent_id, "label"]))
            theirs = f"{_display(accuser)} → {_display(accused)}"
            if sent_id in wanted and sent_id in given:
                who, whom = given[sent_id]
                hits = names_actor(who, accuser, chosen.article_id) + names_actor(whom, accused, chosen.article_id)
                good += hits
                mark = "✓" if hits == 2 else "✗"
                lines.append(f"{mark} {sent_id}  you: {who} → {whom}" + ("" if hits == 2 else f" · annotators: {theirs}")
                             + f" · rule {rule}")
            elif sent_id in wanted:
                lines.append(f"✗ {sent_id}  you left it out · annotators: {theirs} · rule {rule}: "
                             f"{note_of(rows.at[sent_id, 'rationale'])}")
            elif sent_id in given:
                lines.append(f"✗ {sent_id}  annotators: no accusation here · rule {rule}: "
                             f"{note_of(rows.at[sent_id, 'rationale'])}")
        extra = [i for i in given if i not in wanted]
        return _verdict(lines, good, 2 * (len(wanted) + len(extra)),
                        "Two names per sentence: who, and whom. An accusation charges an identifiable party (codebook §4); "
                        "when the text makes the charge in its own voice, the accuser is the writer.")

    return Task(number, f"who accuses whom in passage {chosen.passage_id}",
                'a dict from each sentence that carries an accusation to (who, whom), like {"…": ("…", "…")}',
                grade, (chosen.article_id,), "transfer")


def tasks() -> list[Task]:
    first, second = passage(TEXTS[0]), passage(TEXTS[1])
    pieces = (first.article_id, second.article_id)
    return [
        labels_task(1, first),
        accusations_task(2, first),
        cues_task(3, first),
        who_whom_task(4, first),
        labels_task(5, second),
        accusations_task(6, second),
        who_whom_task(7, second),
        reflection_task(8, "what each text wants its reader to believe", exercise="08_transfer", min_words=60,
                        cite=pieces, pieces=pieces, kind="reflection", table=corpus.load_transfer),
    ]
