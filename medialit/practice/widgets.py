"""The click view: label a passage with buttons, press *check*, read the feedback below.

Built with ipywidgets (pinned in ``requirements.txt``; JupyterLab 4 shows them with the
``jupyterlab_widgets`` extension that ipywidgets installs).  Each sentence to label gets
one row: its id and text, three label buttons, and — when asked — a box "carries an
accusation" and a source-type menu.  *Check* grades the answers with the same
:func:`~medialit.practice.feedback.grade` as the typed dictionary and shows the
feedback in an output area under the buttons.  Nothing is revealed until every
sentence has a label.

>>> from medialit.practice.passages import passage
>>> view = LabelView(passage("02-a"))
>>> first = passage("02-a").items()[0]
>>> view.choose(first, "fact")
>>> view.answers()["labels"][first]
'fact'
>>> view.result().complete        # the other sentences are still open
False
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from .. import schema
from .feedback import PracticeResult, grade
from .passages import ITEM_TAG, MET_TAG, Passage

__all__ = ["LabelView", "CHOICES", "NO_SOURCE"]

#: The label buttons, in the codebook's order (meta never applies to a passage's content).
CHOICES = ("fact", "attributed", "advocacy")
NO_SOURCE = "— (only if attributed)"


class LabelView:
    """One passage as rows of buttons, a *check* button and an output area for the feedback."""

    def __init__(self, passage: Passage, *, accusations: bool = True, sources: bool = True) -> None:
        self.passage = passage
        self.ask_accusations = accusations
        self.ask_sources = sources
        sentences = passage.table()
        rows = passage.rows(sentences)
        items = passage.items(sentences)
        self.labels: dict[str, widgets.ToggleButtons] = {}
        self.accusations: dict[str, widgets.Checkbox] = {}
        self.sources: dict[str, widgets.Dropdown] = {}
        children = [widgets.HTML(
            f"<b>{html.escape(passage.passage_id)} · {html.escape(passage.title)}</b><br>"
            + (f"{html.escape(passage.focus)}<br>" if passage.focus else "")
            + "Pick a label for every sentence marked " + html.escape(ITEM_TAG)
            + (", tick the box if it charges someone with something" if accusations else "")
            + (", and for the ones you label <i>attributed</i> choose the kind of source" if sources else "")
            + ". Then press <b>check</b>.")]
        for row in rows.itertuples():
            sent_id = str(row.sent_id)
            if sent_id not in items:
                note = MET_TAG if str(row.role) not in schema.META_ROLES else "(page furniture)"
                children.append(widgets.HTML(
                    f'<div style="color:#555555"><small>{html.escape(sent_id)} {html.escape(note)}</small> '
                    f"{html.escape(str(row.text))}</div>"))
                continue
            text = widgets.HTML(f"<div><small>{html.escape(sent_id)}</small> <b>{html.escape(ITEM_TAG)}</b> "
                                f"{html.escape(str(row.text))}</div>")
            buttons = widgets.ToggleButtons(options=list(CHOICES), value=None, description="",
                                            tooltips=[f"{sent_id}: {c}" for c in CHOICES],
                                            style={"button_width": "8em"},
                                            # keep the three buttons on one line beside the box and the menu
                                            layout=widgets.Layout(flex="0 0 auto"))
            buttons.add_class(f"practice-label-{sent_id}")
            self.labels[sent_id] = buttons
            line = [buttons]
            if accusations:
                box = widgets.Checkbox(value=False, description="carries an accusation", indent=False)
                box.add_class(f"practice-accusation-{sent_id}")
                self.accusations[sent_id] = box
                line.append(box)
            if sources:
                menu = widgets.Dropdown(options=[NO_SOURCE, *[s for s in schema.SOURCE_TYPES if s != "none"]],
                                        value=NO_SOURCE, description="source:")
                menu.add_class(f"practice-source-{sent_id}")
                self.sources[sent_id] = menu
                line.append(menu)
            children.append(widgets.VBox([text, widgets.HBox(line)],
                                         layout=widgets.Layout(margin="0 0 8px 0")))
        self.button = widgets.Button(description="check", button_style="", icon="check",
                                     tooltip="Check your labels against the annotators'")
        self.button.add_class("practice-check")
        self.output = widgets.Output()
        self.output.add_class("practice-feedback")
        self.button.on_click(lambda _button: self.press_check())
        self.widget = widgets.VBox([*children, self.button, self.output])
        self.last: PracticeResult | None = None

    # -- used by the buttons, and by tests without a browser ---------------------------------

    def choose(self, sent_id: str, label: str, *, accusation: bool | None = None, source: str | None = None) -> None:
        """Set a sentence's answer as a click would."""
        self.labels[sent_id].value = label
        if accusation is not None and sent_id in self.accusations:
            self.accusations[sent_id].value = accusation
        if source is not None and sent_id in self.sources:
            self.sources[sent_id].value = source

    def answers(self) -> dict:
        """The current answers, in the shape :func:`grade` reads (unset labels stay out)."""
        labels = {sent_id: b.value for sent_id, b in self.labels.items() if b.value is not None}
        out = {"labels": labels}
        if self.ask_accusations:
            out["accusations"] = [sent_id for sent_id, box in self.accusations.items() if box.value]
        if self.ask_sources:
            out["sources"] = {sent_id: menu.value for sent_id, menu in self.sources.items()
                              if menu.value != NO_SOURCE}
        return out

    def result(self) -> PracticeResult:
        """Grade the current answers (the same :func:`grade` as the typed answer), showing nothing."""
        answers = self.answers()
        return grade(self.passage, answers["labels"], answers.get("accusations"), answers.get("sources"))

    def typed(self) -> str:
        """The clicked answers as the typed cells hold them (clicks are not saved in the notebook file).

        >>> from medialit.practice.passages import passage
        >>> view = LabelView(passage("02-b"), sources=False)
        >>> for sent_id in passage("02-b").items():
        ...     view.choose(sent_id, "fact")
        >>> print(view.typed().splitlines()[1])
            "balakot-016": "fact",
        """
        answers = self.answers()
        text = "{\n" + "".join(f'    "{k}": "{v}",\n' for k, v in answers["labels"].items()) + "}"
        if self.ask_accusations:
            text += "\n[" + ", ".join(f'"{k}"' for k in answers["accusations"]) + "]"
        return text

    def press_check(self) -> PracticeResult:
        """Grade the answers and show the feedback in the output area; returns the result."""
        result = self.result()
        self.last = result
        self.output.clear_output()
        self.output.append_display_data(result)
        if result.complete:
            self.output.append_stdout(
                "To hand these answers in, paste them into the typed cells below (the class check reads "
                "typed answers; clicks are not saved in the notebook). Your labels"
                + (", then the sentences you ticked" if self.ask_accusations else "") + ":\n" + self.typed() + "\n")
        return result

    # -- display --------------------------------------------------------------------------------

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = (f"Click view of passage {self.passage.passage_id} ({len(self.labels)} sentences to "
                              "label). If you see this line instead of buttons, widgets do not run here: "
                              "use the typed answer in the next cells instead.")
        return bundle
