"""Grade a practice passage and explain every sentence: the rule, the deciding words, the note.

One function, :func:`grade`, grades both ways of answering — the typed dictionary and
the click view (:mod:`medialit.practice.widgets`).  It takes up to three parts:

- ``labels``: ``{sent_id: label}`` for every item of the passage;
- ``accusations``: the ids of the items that charge someone with something (``[]`` for none);
- ``sources``: ``{sent_id: source_type}`` for the items the annotators labelled attributed.

Only the parts given are graded and shown, so a typed exercise can ask for the labels
first and the accusations in the next task without giving the second away.  Nothing is
revealed until every item of a part is answered: an incomplete answer gets a message
that says what is missing and shows no label.  The expected answers are read from
``data/`` every time.

>>> from medialit.practice.passages import passage
>>> first = passage("02-a")
>>> answer = {sent_id: "fact" for sent_id in first.items()}
>>> answer[first.items()[-1]] = "meta"
>>> result = grade(first, labels=answer)
>>> result.complete, result.labels.n == len(first.items())
(True, True)
>>> grade(first, labels=dict.fromkeys(first.items(), "fact")).problem[:40]
'Every sentence has the same label, "fact'
>>> print(result.text().splitlines()[0][:2])
✓ 
>>> grade(first, labels={}).problem[:20]
'Label every sentence'
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Mapping

import pandas as pd

from .. import corpus, palette, reader
from .answers import PracticeAnswerError, read_accusations, read_labels, read_mapping, read_sources
from .passages import Passage
from .rules import Mark, deciding_marks, note_of, rule_of, rule_text
from .summary import LabelSummary, summarise_labels

__all__ = ["SentenceFeedback", "PracticeResult", "grade"]

_MARK = {True: "✓", False: "✗"}


# ---------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class SentenceFeedback:
    """What one sentence of a graded passage shows."""

    sent_id: str
    text: str
    gold: str
    rule: str
    note: str
    marks: tuple[Mark, ...]
    given: str | None = None
    source: str = ""
    source_type: str = ""
    accusation: bool = False
    accuser: str = ""
    accused: str = ""
    given_accusation: bool | None = None
    given_source_type: str | None = None

    @property
    def agrees(self) -> bool | None:
        return None if self.given is None else self.given == self.gold

    @property
    def accusation_agrees(self) -> bool | None:
        return None if self.given_accusation is None else self.given_accusation == self.accusation

    @property
    def source_type_agrees(self) -> bool | None:
        if self.given_source_type is None or self.gold != "attributed":
            return None
        return self.given_source_type == self.source_type

    def words_text(self) -> str:
        """``[said] (cue) · [should] (modal)`` — the deciding words in plain text."""
        return " · ".join(f"[{m.text}] ({m.kind})" for m in self.marks)

    def accusation_text(self) -> str:
        if not self.accusation:
            return "no accusation"
        return f"accusation: {self.accuser or '?'} → {self.accused or '?'}"


@dataclass(frozen=True)
class PracticeResult:
    """The graded passage: per-sentence feedback and, for the labels, a summary."""

    passage: Passage
    sentences: tuple[SentenceFeedback, ...] = ()
    context: tuple[str, ...] = ()
    labels: LabelSummary | None = None
    problem: str = ""
    parts: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.problem

    def accusation_counts(self) -> tuple[int, int]:
        graded = [s for s in self.sentences if s.accusation_agrees is not None]
        return sum(bool(s.accusation_agrees) for s in graded), len(graded)

    def source_counts(self) -> tuple[int, int]:
        graded = [s for s in self.sentences if s.source_type_agrees is not None]
        return sum(bool(s.source_type_agrees) for s in graded), len(graded)

    # -- plain text (what a check prints; also the widget's text fallback) --------------------

    def text(self) -> str:
        """The feedback as plain text, in the shape of STYLE.md's practice example."""
        if self.problem:
            return self.problem
        lines = []
        for item in self.sentences:
            if "labels" in self.parts and item.given is not None:
                if item.agrees:
                    lines.append(f"{_MARK[True]} {item.sent_id}  you: {item.given} · rule {item.rule}: {item.note}")
                else:
                    lines.append(f"{_MARK[False]} {item.sent_id}  you: {item.given} · annotators: {item.gold} · "
                                 f"rule {item.rule}")
                    if item.note:
                        lines.append(f"  {item.note}")
                extra = []
                if item.marks:
                    extra.append(f"Deciding words: {item.words_text()}")
                if item.gold == "attributed" and item.source:
                    extra.append(f"source: {item.source} ({item.source_type.replace('_', ' ')})")
                if extra:
                    lines.append("  " + " · ".join(extra))
            if "accusations" in self.parts and item.given_accusation is not None:
                said = "yes" if item.given_accusation else "no"
                lines.append(f"{_MARK[bool(item.accusation_agrees)]} {item.sent_id}  accusation? you: {said} · "
                             f"annotators: {item.accusation_text()}")
            if "sources" in self.parts and item.source_type_agrees is not None:
                lines.append(f"{_MARK[bool(item.source_type_agrees)]} {item.sent_id}  source type: you: "
                             f"{item.given_source_type} · annotators: {item.source_type} ({item.source})")
        lines.extend(self.summary_lines())
        return "\n".join(lines)

    def summary_lines(self) -> list[str]:
        lines = []
        if "labels" in self.parts and self.labels is not None:
            lines.extend(self.labels.sentences())
        if "accusations" in self.parts:
            right, n = self.accusation_counts()
            lines.append(f"Accusations: {right} of {n} sentences as the annotators saw them. An accusation is "
                         "a charge against an identifiable party (codebook §4), stated or reported.")
        if "sources" in self.parts:
            right, n = self.source_counts()
            if n:
                lines.append(f"Source types: {right} of {n} as the annotators typed them (codebook §5).")
        return lines

    def __repr__(self) -> str:
        return self.text()

    # -- HTML (the click view and notebooks that render HTML) ---------------------------------

    def html(self) -> str:
        """The feedback as HTML: every sentence with its deciding words highlighted by the reader."""
        if self.problem:
            return (f'<p style="font-family:sans-serif;border-left:4px solid {palette.OKABE_ITO["orange"]};'
                    f'padding:4px 8px">✗ {html.escape(self.problem)}</p>')
        rows = []
        for item in self.sentences:
            verdicts = []
            if "labels" in self.parts and item.given is not None:
                if item.agrees:
                    verdicts.append(f"{_MARK[True]} you: <b>{item.given}</b> · rule {item.rule}")
                else:
                    verdicts.append(f"{_MARK[False]} you: <b>{item.given}</b> · annotators: <b>{item.gold}</b>"
                                    f" · rule {item.rule}")
            if "accusations" in self.parts and item.given_accusation is not None:
                said = "yes" if item.given_accusation else "no"
                verdicts.append(f"{_MARK[bool(item.accusation_agrees)]} accusation? you: {said} · annotators: "
                                f"{html.escape(item.accusation_text())}")
            if "sources" in self.parts and item.source_type_agrees is not None:
                verdicts.append(f"{_MARK[bool(item.source_type_agrees)]} source type: you: "
                                f"{html.escape(str(item.given_source_type))} · annotators: "
                                f"{html.escape(item.source_type)}")
            agree = all(v.startswith(_MARK[True]) for v in verdicts) if verdicts else True
            border = palette.OKABE_ITO["bluish_green"] if agree else palette.OKABE_ITO["vermillion"]
            marked = reader.mark_words(item.text, [(m.start, m.end, m.kind) for m in item.marks])
            notes = []
            if "labels" in self.parts and item.note:
                notes.append(f"<i>{html.escape(item.note)}</i>")
            if "labels" in self.parts and item.gold == "attributed" and item.source:
                notes.append(f"source: {html.escape(item.source)} ({html.escape(item.source_type.replace('_', ' '))})")
            rows.append(
                f'<div style="border-left:4px {"solid" if agree else "dashed"} {border};padding:4px 8px;'
                f'margin:0 0 10px 0">'
                f'<div style="font-family:sans-serif;font-size:0.85em">'
                f'<small style="color:#333333">{html.escape(item.sent_id)}</small> '
                + " &nbsp;|&nbsp; ".join(verdicts) + "</div>"
                f'<div style="font-family:Georgia,serif;line-height:2.2">{marked}</div>'
                + (f'<div style="font-family:sans-serif;font-size:0.8em;color:#222222">{" · ".join(notes)}</div>'
                   if notes else "")
                + "</div>"
            )
        summary = "".join(f"<p style=\"margin:0.3em 0\">{html.escape(line)}</p>" for line in self.summary_lines())
        table = self.labels.html_table() if ("labels" in self.parts and self.labels is not None) else ""
        kinds = sorted({m.kind for s in self.sentences for m in s.marks})
        return (
            '<div style="color:#000000;background-color:#FFFFFF;max-width:52em;padding:8px">'
            f'<p style="font-family:sans-serif"><b>{html.escape(self.passage.passage_id)} · '
            f'{html.escape(self.passage.title)}</b></p>'
            + (reader.marks_legend_html(kinds) if kinds else "")
            + "".join(rows)
            + f'<div style="font-family:sans-serif">{summary}{table}</div></div>'
        )

    def _repr_html_(self) -> str:
        return self.html()


# ---------------------------------------------------------------------------
# Grading


def _actor_names(data_dir: str | None, transfer: bool = False) -> dict[str, str]:
    try:
        folder = corpus.data_dir(data_dir) / corpus.TRANSFER if transfer else data_dir
        actors = corpus.load_actors(data_dir=folder)
    except corpus.DataError:
        return {}
    return dict(zip(actors.actor_id.astype(str), actors.name.astype(str)))


def _names(ids: str, names: Mapping[str, str]) -> str:
    parts = [p for p in str(ids or "").split(";") if p]
    return ", ".join("the writer" if p == "writer" else names.get(p, p) for p in parts)


#: A passage this long is never answered well by one label for every sentence.
BLANKET_MIN_ITEMS = 4


def blanket_answer(items: list[str], labels: Mapping[str, str] | None, accusations: Any,
                   gold_labels: list[str], gold_accusations: list[bool]) -> str:
    """Why an answer that gives every sentence the same call is not graded, or "" if it is fine.

    One label for every sentence (or "accusation" for every sentence) is not a reading, and
    grading it would show the annotators' labels without a decision made. A passage
    whose sentences all really share the label is graded as usual.

    >>> ids = ["a-1", "a-2", "a-3", "a-4"]
    >>> print(blanket_answer(ids, dict.fromkeys(ids, "fact"), None, ["fact", "meta", "fact", "advocacy"], [False] * 4))
    Every sentence has the same label, "fact". Decide each sentence on its own (rules L1-L5), then check again; no label is shown for an answer like this.
    >>> blanket_answer(ids, dict.fromkeys(ids, "fact"), None, ["fact"] * 4, [False] * 4)
    ''
    >>> blanket_answer(ids, None, set(ids), ["fact"] * 4, [True, False, False, True])[:37]
    'You marked every sentence as carrying'
    >>> blanket_answer(ids, None, set(), ["fact"] * 4, [True, False, False, True])
    ''
    """
    if len(items) < BLANKET_MIN_ITEMS:
        return ""
    if labels and len(set(labels.values())) == 1 and len(set(gold_labels)) > 1:
        only = next(iter(labels.values()))
        return (f'Every sentence has the same label, "{only}". Decide each sentence on its own '
                "(rules L1-L5), then check again; no label is shown for an answer like this.")
    if accusations is not None and set(items) <= set(accusations) and not all(gold_accusations):
        return ("You marked every sentence as carrying an accusation. An accusation charges a named or "
                "unnamed party with a wrong (codebook §4): decide sentence by sentence, then check again.")
    return ""


def grade(passage: Passage, labels: Any = None, accusations: Any = None, sources: Any = None, *,
          sentences: pd.DataFrame | None = None, spans: pd.DataFrame | None = None,
          data_dir: str | None = None) -> PracticeResult:
    """Grade the given parts of an answer to one passage; never raises for a bad answer.

    An answer that cannot be graded yet comes back with ``problem`` set (and no label
    in it); otherwise every item gets a :class:`SentenceFeedback`.
    """
    sentences = passage.table(data_dir) if sentences is None else sentences
    spans = corpus.load_spans(data_dir=data_dir) if spans is None else spans
    items = passage.items(sentences)
    parts = tuple(name for name, value in (("labels", labels), ("accusations", accusations),
                                           ("sources", sources)) if value is not None)
    if not parts:
        return PracticeResult(passage, problem="Nothing to check yet: label the sentences first.")
    try:
        given_labels = read_labels(labels, passage, sentences, items=items) if labels is not None else {}
        given_accusations = (read_accusations(accusations, passage, sentences, items=items)
                             if accusations is not None else None)
    except PracticeAnswerError as problem:
        return PracticeResult(passage, problem=str(problem), parts=parts)
    content = passage.content(sentences)
    by_id = content.set_index(content.sent_id.astype(str))
    blanket = blanket_answer(items, given_labels if labels is not None else None, given_accusations,
                             [str(by_id.loc[i, "label"]) for i in items],
                             [str(by_id.loc[i].get("accusation", "0")) in ("1", "1.0", "True") for i in items])
    if blanket:
        return PracticeResult(passage, problem=blanket, parts=parts)
    gold_attributed = [i for i in items if str(by_id.loc[i, "label"]) == "attributed"]
    given_sources: dict[str, str] = {}
    if sources is not None:
        try:
            if labels is not None:
                # the click view: a source type for every sentence the student labelled attributed
                # (asking only where the annotators did would give their label away)
                chosen = [i for i in items if given_labels.get(i) == "attributed"]
                offered = {k: v for k, v in read_mapping(sources, "source types").items() if k in chosen}
                if chosen:
                    missing = [i for i in chosen if i not in offered]
                    if missing:
                        raise PracticeAnswerError("Choose a source type for every sentence you labelled "
                                                  f"attributed: {', '.join(missing)}.")
                    given_sources = read_sources(offered, chosen)
            else:
                given_sources = read_sources(sources, gold_attributed)
        except PracticeAnswerError as problem:
            return PracticeResult(passage, problem=str(problem), parts=parts)
    names = _actor_names(data_dir, passage.transfer)
    feedback = []
    for sent_id in items:
        row = by_id.loc[sent_id].to_dict()
        row["sent_id"] = sent_id
        gold = str(row["label"])
        accusation = str(row.get("accusation", "0")) in ("1", "1.0", "True")
        feedback.append(SentenceFeedback(
            sent_id=sent_id, text=str(row["text"]), gold=gold, rule=rule_of(row.get("rationale", ""), gold),
            note=note_of(row.get("rationale", "")) or rule_text(rule_of(row.get("rationale", ""), gold)), marks=tuple(deciding_marks(row, spans, data_dir=data_dir,
                                                                            cue_from_column=passage.transfer)),
            given=given_labels.get(sent_id),
            source=str(row.get("source", "") or ""), source_type=str(row.get("source_type", "") or ""),
            accusation=accusation, accuser=_names(row.get("accuser", ""), names),
            accused=_names(row.get("accused", ""), names),
            given_accusation=None if given_accusations is None else sent_id in given_accusations,
            given_source_type=given_sources.get(sent_id),
        ))
    summary = None
    if labels is not None:
        summary = summarise_labels([f.gold for f in feedback], [f.given for f in feedback], data_dir=data_dir)
    context = tuple(i for i in content.sent_id.astype(str) if i not in set(items))
    return PracticeResult(passage, tuple(feedback), context, summary, "", parts)
