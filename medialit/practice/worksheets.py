"""Printable worksheets for the practice passages, and separate answer keys for teachers.

A **worksheet** has the passage's sentence ids and text, and a labelling grid: three boxes
(fact, attributed, advocacy), an accusation column (who → whom) and a source-type column,
the same for every sentence.  It carries no label, tag, rationale or label colour:
``tests/test_practice.py`` makes the sheets again from data whose labels are shuffled and
checks that not one byte changes.  The **answer key** is a separate file for the teacher:
each sentence with its label, the rule, the deciding words (highlighted as in the
notebooks), the source, the accusation and the annotators' note.

>>> page = worksheet_html(passage("02-a"))
>>> "[FACT]" in page or "rationale" in page.lower()
False
>>> "militancy-bases-007" in page and "Answer key" not in page
True
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from .. import reader, schema
from .feedback import grade
from .rules import RULES
from .passages import PASSAGES, Passage, passage

__all__ = ["worksheet_html", "answer_key_html", "write_worksheets", "WORKSHEET_DIR", "KEY_DIR"]

WORKSHEET_DIR = "worksheets"
KEY_DIR = "answer-keys"
_ESC = html.escape
_BOX = "☐"
_PAGE = ('<body style="color:#000000;background-color:#FFFFFF;margin:2em;font-family:Georgia,\'Times New Roman\','
         'serif;-webkit-print-color-adjust:exact;print-color-adjust:exact">\n')
_CELL = "border:1px solid #000000;padding:4px 6px;vertical-align:top;text-align:left"


def _document(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{_ESC(title)}</title>\n</head>\n" + _PAGE
            + f'<h1 style="font-family:sans-serif;font-size:1.3em">{_ESC(title)}</h1>\n' + body
            + "\n</body>\n</html>\n")


def worksheet_html(chosen: Passage, *, sentences: pd.DataFrame | None = None) -> str:
    """The student's worksheet for one passage, as a standalone HTML page (no labels in it)."""
    sentences = chosen.table() if sentences is None else sentences
    rows = chosen.rows(sentences)
    items = chosen.items(sentences)
    text_blocks = []
    for _, group in rows.groupby(rows.paragraph.astype(int), sort=True):
        parts = []
        for row in group.itertuples():
            sent_id = str(row.sent_id)
            if sent_id in items:
                parts.append(f'<b style="font-family:sans-serif;font-size:0.75em">{_ESC(sent_id)}</b> {_ESC(str(row.text))}')
            else:
                parts.append(f'<span style="font-family:sans-serif;font-size:0.75em">({_ESC(sent_id)}, not asked)</span> '
                             f"{_ESC(str(row.text))}")
        text_blocks.append('<p style="line-height:1.8;margin:0 0 0.9em 0">' + " ".join(parts) + "</p>")
    head_cells = ["sentence", "fact", "attributed", "advocacy", "accusation? who → whom",
                  "if attributed: source type"]
    grid = ['<table style="border-collapse:collapse;width:100%;font-family:sans-serif;font-size:0.85em">',
            "<tr>" + "".join(f'<th style="{_CELL}">{_ESC(c)}</th>' for c in head_cells) + "</tr>"]
    for sent_id in items:
        grid.append(f'<tr><td style="{_CELL}">{_ESC(sent_id)}</td>'
                    + "".join(f'<td style="{_CELL};text-align:center">{_BOX}</td>' for _ in range(3))
                    + f'<td style="{_CELL};width:28%">&nbsp;</td><td style="{_CELL};width:18%">&nbsp;</td></tr>')
    grid.append("</table>")
    types = ", ".join(t.replace("_", " ") for t in schema.SOURCE_TYPES if t != "none")
    instructions = (
        '<p style="font-family:sans-serif;font-size:0.9em">Name: ______________________ &nbsp; Date: __________</p>'
        '<p style="font-family:sans-serif;font-size:0.9em">'
        f"<b>{_ESC(chosen.focus)}</b><br>Read the whole passage first. Then, for every sentence in the grid, tick "
        "<b>one</b> box: <i>fact</i> (stated in the writer's own voice as checkable — not a verdict that it is "
        "true), <i>attributed</i> (credited to someone else: a quotation or a reported claim) or <i>advocacy</i> "
        "(the writer's judgement, interpretation, prescription or prediction). If the sentence charges someone "
        "with something, write who accuses whom. If you ticked attributed, write the kind of source: "
        f"{_ESC(types)}. Sentences marked \"not asked\" are there so the passage reads whole. "
        "Use the codebook (rules L1–L5).</p>"
    )
    body = (instructions + '<div style="border:1px solid #000000;padding:8px 12px;margin:0 0 1em 0">'
            + "".join(text_blocks) + "</div>\n" + "".join(grid))
    return _document(f"Worksheet {chosen.passage_id} · {chosen.title}", body)


def answer_key_html(chosen: Passage, *, sentences: pd.DataFrame | None = None,
                    spans: pd.DataFrame | None = None) -> str:
    """The teacher's answer key for one passage (a separate file from the worksheet)."""
    result = grade(chosen, labels=None, accusations=[], sentences=sentences, spans=spans)
    rows = []
    for item in result.sentences:
        words = reader.mark_words(item.text, [(m.start, m.end, m.kind) for m in item.marks])
        source = (f"{_ESC(item.source)} ({_ESC(item.source_type.replace('_', ' '))})"
                  if item.gold == "attributed" and item.source else "–")
        rule = item.rule + (f": {RULES[item.rule]}" if item.rule in RULES else "")
        rows.append(
            f'<tr><td style="{_CELL}">{_ESC(item.sent_id)}</td>'
            f'<td style="{_CELL}"><b>{_ESC(item.gold)}</b> {_ESC(schema.LABEL_TAGS.get(item.gold, ""))}</td>'
            f'<td style="{_CELL};font-family:Georgia,serif;line-height:2">{words}</td>'
            f'<td style="{_CELL}">{_ESC(rule)}<br><i>{_ESC(item.note)}</i></td>'
            f'<td style="{_CELL}">{source}</td>'
            f'<td style="{_CELL}">{_ESC(item.accusation_text())}</td></tr>')
    kinds = sorted({m.kind for s in result.sentences for m in s.marks})
    head = ["sentence", "label", "deciding words", "rule and the annotators' note", "source", "accusation"]
    table = ('<table style="border-collapse:collapse;width:100%;font-family:sans-serif;font-size:0.85em">'
             + "<tr>" + "".join(f'<th style="{_CELL}">{_ESC(c)}</th>' for c in head) + "</tr>"
             + "".join(rows) + "</table>")
    context = ", ".join(result.context) or "none"
    body = ('<p style="font-family:sans-serif;font-size:0.9em"><b>For the teacher — do not hand out before the '
            f"students have labelled worksheet {_ESC(chosen.passage_id)}.</b> Labels describe how a sentence "
            "presents its claim, never whether it is true. Sentences of the passage not asked (met earlier "
            f"with their labels): {_ESC(context)}.</p>"
            + (reader.marks_legend_html(kinds) if kinds else "") + table)
    return _document(f"Answer key {chosen.passage_id} · {chosen.title}", body)


def write_worksheets(out_dir: str | Path) -> list[Path]:
    """Write every worksheet into ``out_dir/worksheets/`` and every key into ``out_dir/answer-keys/``."""
    out_dir = Path(out_dir)
    written = []
    for chosen in PASSAGES.values():
        for folder, name, make in ((WORKSHEET_DIR, f"{chosen.passage_id}.html", worksheet_html),
                                   (KEY_DIR, f"{chosen.passage_id}-key.html", answer_key_html)):
            path = out_dir / folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(make(chosen), encoding="utf-8", newline="\n")
            written.append(path)
    return written
