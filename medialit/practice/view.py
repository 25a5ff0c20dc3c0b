"""What a notebook calls: show a passage unlabelled, check a typed answer, open the click view.

>>> page = show("02-a")
>>> "[FACT]" in page.html or "[ATTR]" in page.html or "[ADV]" in page.html
False
>>> result = check("02-a", labels={})
>>> result.complete
False
"""

from __future__ import annotations

import html
from typing import Any

import pandas as pd


from ..reader import Reading
from .feedback import PracticeResult, grade
from .passages import ITEM_TAG, MET_TAG, Passage, passage as get_passage

__all__ = ["show", "check", "label_view"]



def _passage(which: str | Passage) -> Passage:
    return which if isinstance(which, Passage) else get_passage(which)


def show(which: str | Passage, *, sentences: pd.DataFrame | None = None) -> Reading:
    """The passage as continuous text, paragraph by paragraph, with ids and no labels.

    Sentences to label carry ``[ ? ]``; sentences met earlier in the course with their label
    are printed in grey with "(met before, not asked)", so the passage still reads whole.
    """
    chosen = _passage(which)
    sentences = chosen.table() if sentences is None else sentences
    rows = chosen.rows(sentences)
    items = set(chosen.items(sentences))
    head = f"{chosen.passage_id} · {chosen.title} · label every sentence marked {ITEM_TAG}"
    blocks, lines = [], [head]
    if chosen.focus:
        lines.append(chosen.focus)
    for _, group in rows.groupby(rows.paragraph.astype(int), sort=True):
        parts, lines_here = [], []
        for row in group.itertuples():
            sent_id = str(row.sent_id)
            text = html.escape(str(row.text))
            if sent_id in items:
                parts.append(f'<small style="font-family:sans-serif;font-size:0.7em;color:#333333">{sent_id}</small> '
                             f'<b style="font-family:sans-serif;font-size:0.75em">{ITEM_TAG}</b> {text}')
                lines_here.append(f"{sent_id} {ITEM_TAG} {row.text}")
            else:
                why = MET_TAG if str(row.role) not in ("byline", "bio", "disclaimer", "furniture") else "(page furniture)"
                parts.append(f'<span style="color:#555555"><small style="font-family:sans-serif;font-size:0.7em">'
                             f'{sent_id} {html.escape(why)}</small> {text}</span>')
                lines_here.append(f"{sent_id} {why} {row.text}")
        blocks.append('<p style="margin:0 0 1em 0;line-height:2">' + " ".join(parts) + "</p>")
        lines += [""] + lines_here
    focus = (f'<p style="font-family:sans-serif;font-size:0.9em;margin:0 0 0.6em 0">{html.escape(chosen.focus)}</p>'
             if chosen.focus else "")
    page = ('<div style="font-family:Georgia,\'Times New Roman\',serif;color:#000000;background-color:#FFFFFF;'
            'max-width:52em;padding:8px">'
            f'<p style="font-family:sans-serif;font-size:0.9em;margin:0 0 0.5em 0"><b>{html.escape(head)}</b></p>'
            + focus + "".join(blocks) + "</div>")
    return Reading(page, (), "\n".join(lines))


def check(which: str | Passage, labels: Any = None, accusations: Any = None, sources: Any = None) -> PracticeResult:
    """Grade a typed answer to a passage and return the feedback (shown by the notebook).

    The same :func:`~medialit.practice.feedback.grade` grades the click view.
    """
    return grade(_passage(which), labels, accusations, sources)


def label_view(which: str | Passage, *, accusations: bool = True, sources: bool = True):
    """The click view of a passage: one row of buttons per sentence and a *check* button.

    Needs ipywidgets (in ``requirements.txt``); where widgets do not render, answer with a
    typed dict and :func:`check` instead.
    """
    from .widgets import LabelView

    return LabelView(_passage(which), accusations=accusations, sources=sources)
