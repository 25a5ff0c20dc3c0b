"""Think first, then meet the machine: label an article yourself, then see the machine's labels beside yours.

Used in notebook 08 with the invented sample article (and with any article a student adds).
Nobody has labelled these articles by hand, so there is **no answer key**: the comparison is
between the student and the machine, and where the two disagree the codebook decides.

The student answers in one of two ways, and both feed the same dict:

- typed: ``my_labels = {"invented-dam-002": "fact", …}`` (``...`` for a sentence not done yet);
- clicks: :func:`label_first` shows the article with one row of buttons per sentence, and every
  click writes into that same dict (``into=my_labels``).

Then :func:`side_by_side` sets the student's labels beside the machine's (once every sentence
has the student's label: think first), and
:func:`machine_questions` turns what the machine did into questions to discuss: checks of the
machine's own output against the codebook (a heading labelled attributed on a cue word with no
source, a source typed *named* in a sentence that says it is not named, a denial of a charge
where no accusation was found), plus every sentence where the student and the machine disagree.
Nothing here is typed in for the sample: the questions are computed from the tagger's output.

>>> import pandas as pd
>>> table = pd.DataFrame({"sent_id": ["x-001", "x-002"], "role": ["headline", "body"],
...     "text": ["Rivals Trade Blame", "Officials, who spoke on condition of anonymity, said so."],
...     "label": ["attributed", "attributed"], "rationale": ["L3 heading", "L3 cue 'said'"],
...     "cue": ["Blame", "said"], "source": ["", "Officials"], "source_type": ["unnamed", "named_official"],
...     "accusation": [0, 0]})
>>> list(side_by_side({"x-001": "fact", "x-002": ...}, table).table.columns)   # no machine label yet
['sent_id', 'text', 'you']
>>> side_by_side({"x-001": "fact", "x-002": "attributed"}, table).agree
1
>>> sorted(machine_questions(table).check)
['heading cue', 'named but not named']
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Mapping, MutableMapping

import pandas as pd

from ..kappa import cohen_kappa
from .answers import PracticeAnswerError, read_label, shown
from .passages import CONTENT_ROLES, ITEM_TAG

__all__ = ["to_label", "SideBySide", "side_by_side", "machine_questions", "label_first", "ANONYMITY"]

#: Words by which a text says that its source is not named (codebook §5: anonymous or unnamed).
ANONYMITY = re.compile(r"anonymity|anonymous|not to be named|not be named|declined to be named|without being named|"
                       r"not authori[sz]ed to speak|unnamed", re.IGNORECASE)
_OPEN = "—"


def to_label(sentences: pd.DataFrame) -> list[str]:
    """The ids of the sentences a student labels: headline, subheading, body and pull-quote, in order."""
    rows = sentences[sentences.role.astype(str).isin(CONTENT_ROLES)]
    return rows.sent_id.astype(str).tolist()


@dataclass(frozen=True)
class SideBySide:
    """The student's labels beside the machine's, with how often they agree (no gold: nobody is the key)."""

    table: pd.DataFrame
    agree: int
    labelled: int
    total: int
    kappa: float | None
    problems: tuple[str, ...] = ()

    def summary(self) -> str:
        lines = list(self.problems)
        if self.labelled < self.total:
            lines.append(f"{self.total - self.labelled} of {self.total} sentences are still open ({_OPEN}). The "
                         "machine's labels appear here once you have labelled every sentence: fill in my_labels (or "
                         "use the buttons) and run this cell again.")
        else:
            kappa = f", kappa {self.kappa:.2f}" if self.kappa is not None else ""
            lines.append(f"You and the machine agree on {self.agree} of the {self.labelled} sentences you labelled"
                         f"{kappa}.")
        lines.append("Nobody has labelled this article by hand, so neither column is the answer: where you and the "
                     "machine disagree, the codebook decides.")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary() + "\n\n" + self.table.to_string(index=False)

    def _repr_html_(self) -> str:
        head = "".join(f"<p style=\"margin:0.3em 0\">{html.escape(line)}</p>" for line in self.summary().splitlines())
        return f'<div style="font-family:sans-serif">{head}</div>' + self.table.to_html(index=False, escape=True)


def side_by_side(yours: Any, sentences: pd.DataFrame) -> SideBySide:
    """Your label beside the machine's for every sentence to label; never raises for a bad answer."""
    ids = to_label(sentences)
    problems: list[str] = []
    given: dict[str, str] = {}
    if isinstance(yours, Mapping):
        for key, value in yours.items():
            if not isinstance(key, str) or key.strip().lower() not in ids:
                problems.append(f"{shown(key)} is not a sentence to label here; the ids run from {ids[0]} to "
                                f"{ids[-1]}.")
                continue
            if value is Ellipsis or value is None:
                continue
            try:
                given[key.strip().lower()] = read_label(value, key)
            except PracticeAnswerError as problem:
                problems.append(str(problem))
    elif yours is not Ellipsis and yours is not None:
        problems.append(f"write your labels as a dict, one line per sentence, like {{\"{ids[0]}\": \"fact\"}}; you "
                        f"gave {shown(yours)}.")
    rows = sentences.set_index(sentences.sent_id.astype(str))
    table = pd.DataFrame({
        "sent_id": ids,
        "text": [str(rows.at[i, "text"]) for i in ids],
        "you": [given.get(i, _OPEN) for i in ids],
        "machine": [str(rows.at[i, "label"]) for i in ids],
        "machine's rule": [str(rows.at[i, "rationale"]) for i in ids],
    })
    table["same"] = ["" if y == _OPEN else ("yes" if y == m else "no") for y, m in zip(table.you, table.machine)]
    done = table[table.you != _OPEN]
    if len(done) < len(ids):  # think first: no machine label until every sentence has yours
        return SideBySide(table[["sent_id", "text", "you"]], 0, len(done), len(ids), None, tuple(problems))
    kappa = round(cohen_kappa(done.you.tolist(), done.machine.tolist()), 2)
    return SideBySide(table, int((done.you == done.machine).sum()), len(done), len(ids), kappa, tuple(problems))


def _question(rows: list, sent_id: str, check: str, machine: str, question: str) -> None:
    rows.append({"sent_id": sent_id, "check": check, "the machine": machine, "question": question})


def machine_questions(sentences: pd.DataFrame, yours: Any = None) -> pd.DataFrame:
    """Questions to discuss, computed from what the machine did (and, given ``yours``, where you disagree).

    Each row: the sentence, which check raised it, what the machine did, and the question.
    """
    from ..accusation_words import _DENIAL_RE   # here: its patterns take 0.1 s to compile, and an exercise
                                               # check that never asks these questions need not wait for them
    rows: list[dict] = []
    found = int(sum(str(v) in ("1", "1.0", "True") for v in sentences.get("accusation", [])))
    for row in sentences.itertuples():
        sent_id, text = str(row.sent_id), str(row.text)
        label, cue = str(row.label), str(getattr(row, "cue", "") or "")
        source, source_type = str(getattr(row, "source", "") or ""), str(getattr(row, "source_type", "") or "")
        if str(row.role) in ("headline", "subheading") and label == "attributed" and not source:
            _question(rows, sent_id, "heading cue", f"attributed, on the word '{cue}', with no source",
                      f"Does '{cue}' hand a claim to someone here, or does the writer report, in their own voice, "
                      "what people do or say to each other? A cue must govern the main clause and name whose claim "
                      "it is (rule L3).")
        if source_type.startswith("named") and ANONYMITY.search(text):
            _question(rows, sent_id, "named but not named", f"source '{source}' typed {source_type}",
                      f"The sentence says its source is not named ('{ANONYMITY.search(text).group(0)}'). Which type "
                      "does codebook §5 give a source the text does not name: anonymous (one informant) or unnamed "
                      "(a vague group)?")
        if str(getattr(row, "accusation", 0)) in ("0", "0.0", "False") and _DENIAL_RE.search(text):
            _question(rows, sent_id, "denied charge, no accusation",
                      f"no accusation found here ({found} in the whole article)",
                      "This sentence rejects a charge. Which sentence makes that charge, who accuses whom there, and "
                      "did the machine find it (codebook §4)?")
    compared = side_by_side(yours, sentences).table if yours is not None else pd.DataFrame()
    if "same" in compared:  # only once every sentence has your label
        for row in compared[compared.same == "no"].to_dict("records"):
            _question(rows, row["sent_id"], "you and the machine", row["machine"] + " (" + row["machine's rule"] + ")",
                      f"You said {row['you']}, the machine {row['machine']}. Apply rules L1–L5 in order: which one "
                      "decides, and what are its deciding words?")
    return pd.DataFrame(rows, columns=["sent_id", "check", "the machine", "question"])


class LabelFirst:
    """The click view: the article with one row of buttons per sentence; clicks write into ``into``."""

    def __init__(self, sentences: pd.DataFrame, into: MutableMapping | None = None) -> None:
        import ipywidgets as widgets

        from .widgets import CHOICES

        self.sentences = sentences
        self.into = {} if into is None else into
        self.ids = to_label(sentences)
        self.buttons: dict[str, Any] = {}
        children = [widgets.HTML("Pick a label for every sentence marked " + html.escape(ITEM_TAG) + ", then press "
                                 "<b>compare</b> to see the machine's labels beside yours.")]
        for row in sentences.itertuples():
            sent_id, text = str(row.sent_id), html.escape(str(row.text))
            if sent_id not in self.ids:
                children.append(widgets.HTML(f'<div style="color:#555555"><small>{sent_id} (page furniture)</small> '
                                             f"{text}</div>"))
                continue
            current = self.into.get(sent_id)
            buttons = widgets.ToggleButtons(options=list(CHOICES), value=current if current in CHOICES else None,
                                            style={"button_width": "8em"})
            buttons.add_class(f"think-first-{sent_id}")
            buttons.observe(lambda change, key=sent_id: self._store(key, change["new"]), names="value")
            self.buttons[sent_id] = buttons
            children.append(widgets.VBox([widgets.HTML(f"<div><small>{sent_id}</small> <b>{ITEM_TAG}</b> {text}</div>"),
                                          buttons], layout=widgets.Layout(margin="0 0 8px 0")))
        self.button = widgets.Button(description="compare", icon="columns")
        self.button.add_class("think-first-compare")
        self.output = widgets.Output()
        self.button.on_click(lambda _button: self.press_compare())
        self.widget = widgets.VBox([*children, self.button, self.output])

    def _store(self, sent_id: str, value: str | None) -> None:
        self.into[sent_id] = ... if value is None else value

    def choose(self, sent_id: str, label: str) -> None:
        """Set a sentence's label as a click would."""
        self.buttons[sent_id].value = label

    def press_compare(self) -> SideBySide:
        """Show your labels beside the machine's in the output area; returns the comparison."""
        result = side_by_side(self.into, self.sentences)
        self.output.clear_output()
        self.output.append_display_data(result)
        return result

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        lines = [f"{str(r.sent_id)} {ITEM_TAG if str(r.sent_id) in self.ids else '(page furniture)'} {r.text}"
                 for r in self.sentences.itertuples()]
        data["text/plain"] = (f"Click view ({len(self.ids)} sentences to label). If you see this text instead of "
                              "buttons, widgets do not run here: type your labels in my_labels instead.\n\n"
                              + "\n".join(lines))
        return bundle


def label_first(sentences: pd.DataFrame, into: MutableMapping | None = None) -> LabelFirst:
    """The article to label with buttons before any machine label is shown; clicks fill ``into``.

    Needs ipywidgets; where widgets do not render, the text of the article with its ids is shown
    instead, and the typed dict is the way to answer.
    """
    return LabelFirst(sentences, into)
