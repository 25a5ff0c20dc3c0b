"""Labelling practice: the student labels a whole passage first, then sees why.

Used from exercise 02 on.  A passage is a run of whole paragraphs that no lesson, the
codebook or an earlier task has shown with its labels.  The student answers in one of
two ways, graded by the same function (:func:`grade`):

- typed: a dict ``{sent_id: label}`` in an answer cell (works everywhere);
- clicks: :func:`label_view` shows one row of buttons per sentence and a *check* button
  (ipywidgets; the typed dict stays the fallback where widgets do not render).

Then every sentence shows whether the student agrees with the annotators, the codebook
rule that decides it, its deciding words highlighted by the reader, the annotators'
note and any accusation (who → whom); the passage gets its agreement and Cohen's kappa
beside the two annotator passes' own kappa.  Printable worksheets without labels and
separate answer keys come from :mod:`medialit.practice.worksheets`.

>>> import medialit as ml
>>> print(ml.practice.show("02-a").text.splitlines()[0])
02-a · militancy-bases, paragraphs 2–8 · label every sentence marked [ ? ]

Modules: ``passages`` (which paragraphs), ``feedback`` (grading and explaining),
``summary`` (agreement and kappa, for a passage and a class), ``widgets`` (the click
view), ``worksheets`` (printable sheets and keys), ``exposure`` (which sentences a
student has already seen labelled, for the tests and tools), ``think_first`` (notebook 08:
label an article yourself, then see the machine's labels beside yours — no answer key there).
"""

from .answers import PracticeAnswerError
from .feedback import PracticeResult, grade
from .passages import PASSAGES, Passage, passage, passages_for
from .summary import class_agreement
from .think_first import label_first, machine_questions, side_by_side
from .view import show, check, label_view

__all__ = ["PASSAGES", "Passage", "PracticeAnswerError", "PracticeResult", "check", "class_agreement", "grade",
           "label_first", "label_view", "machine_questions", "passage", "passages_for", "show", "side_by_side"]
