"""The practice passages: whole paragraphs a student labels before seeing any label.

A passage is a run of consecutive paragraphs of one piece.  Every content sentence in
it (headline, subheading, body, pull-quote) is a practice *item* — the student labels
it — unless it is listed in ``shown``: sentences that a lesson, the codebook or an
earlier task already showed with their label.  Those stay in the passage so it reads
as continuous text, but they are marked "already met" and not asked again
(``tests/test_practice.py`` checks that no item has been shown labelled before the
exercise that asks it).  Nothing here names a label: the answers are always read
from ``data/sentences.csv`` when a passage is checked.

>>> first = passage("02-a")
>>> first.article_id, first.paragraphs[:2]
('militancy-bases', (2, 3))
>>> len(first.items()) > 5
True
>>> [p.passage_id for p in passages_for("02_attribution")][:1]
['02-a']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import corpus

__all__ = ["ITEM_TAG", "MET_TAG", "CONTENT_ROLES", "Passage", "PASSAGES", "UnknownPassageError", "passage", "passages_for",
           "exercise_number"]

#: The text tag in front of a sentence the student labels, and of one met before (not asked).
ITEM_TAG = "[ ? ]"
MET_TAG = "(met before, not asked)"
#: Roles whose sentences carry a content label (meta roles are never practice items).
CONTENT_ROLES = ("headline", "subheading", "body", "pullquote")


class UnknownPassageError(LookupError):
    """A passage id was asked for that does not exist; the message lists the ones that do."""

    def __str__(self) -> str:  # KeyError-style quoting would hide the message
        return str(self.args[0]) if self.args else ""


def exercise_number(exercise: str) -> int:
    """The number of an exercise name: ``"02_attribution"`` → 2.

    >>> exercise_number("08_transfer")
    8
    """
    return int(str(exercise).split("_", 1)[0])


@dataclass(frozen=True)
class Passage:
    """A continuous run of paragraphs of one piece, used as one practice task."""

    passage_id: str
    exercise: str
    article_id: str
    paragraphs: tuple[int, ...]
    #: Sentences in these paragraphs met with their label before this exercise: shown, not asked.
    shown: tuple[str, ...] = ()
    #: One line for the student: what to look for in this passage.
    focus: str = ""
    #: True for a passage of an invented transfer text (``data/transfer/``), used only in exercise 08.
    transfer: bool = False

    @property
    def title(self) -> str:
        """``"militancy-bases, paragraphs 2–8"``; a transfer passage is a whole text: ``"live-updates, the whole text"``."""
        if self.transfer:
            return f"{self.article_id}, the whole text"
        first, last = self.paragraphs[0], self.paragraphs[-1]
        where = f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"
        return f"{self.article_id}, {where}"

    def table(self, data_dir: str | None = None) -> pd.DataFrame:
        """The sentences table the passage is cut from: ``sentences.csv``, or the transfer texts' own.

        >>> whole = passage("08-a")
        >>> whole.title, whole.items()[0], "split" in whole.table().columns
        ('live-updates, the whole text', 'live-updates-003', True)
        """
        if self.transfer:
            return corpus.load_transfer(data_dir=data_dir)
        return corpus.load_sentences(data_dir=data_dir)

    def _positions(self, sentences: pd.DataFrame, content: bool) -> list[int]:
        """Row positions of the passage's sentences (only content roles if ``content``), in reading order.

        Found from the few columns that decide it, so the whole table is copied once, not per step
        (the checks call this thousands of times in the tests).
        """
        mask = (sentences["article_id"].to_numpy(dtype=object) == self.article_id) \
            & np.isin(sentences["paragraph"].to_numpy(dtype="int64"), self.paragraphs)
        if content:
            mask &= np.isin(sentences["role"].to_numpy(dtype=object), list(CONTENT_ROLES))
        positions = mask.nonzero()[0]
        starts = sentences["start"].to_numpy(dtype="int64")[positions]
        return [int(p) for p in positions[np.argsort(starts, kind="stable")]]

    def rows(self, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
        """Every sentence of the passage's paragraphs, in reading order (meta rows included)."""
        sentences = self.table() if sentences is None else sentences
        return sentences.iloc[self._positions(sentences, content=False)].reset_index(drop=True)

    def content(self, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
        """The content sentences (no bylines, furniture …) of the passage, in reading order."""
        sentences = self.table() if sentences is None else sentences
        return sentences.iloc[self._positions(sentences, content=True)].reset_index(drop=True)

    def items(self, sentences: pd.DataFrame | None = None) -> list[str]:
        """The sentence ids the student labels: content sentences not in ``shown``."""
        sentences = self.table() if sentences is None else sentences
        shown = set(self.shown)
        ids = sentences.sent_id.astype(str).to_numpy()[self._positions(sentences, content=True)]
        return [str(i) for i in ids if i not in shown]


def _p(passage_id, exercise, article_id, first, last, shown=(), focus="", transfer=False):
    return Passage(passage_id, exercise, article_id, tuple(range(first, last + 1)), tuple(shown), focus, transfer)


#: What each exercise's passages ask the student to look for.
F02 = "Whose claim is each sentence: the writer's own, or someone else's that the writer reports?"
F03 = "Who is the source of each claim, and how much does the text let you know about them?"
F04 = "Where does the writer judge, predict or prescribe, and where does a loaded word sit inside a plain statement?"
F05 = "Read past the names: how does each sentence present its claim?"
F06 = "Which sentences define the problem, blame someone or judge, and how is each one presented?"
F07 = "Label it yourself first: later in this exercise you compare the machine with the annotators."
F08 = ("A text nobody in the course has seen: whose claim is each sentence, who is charged with what, and what "
       "does the text want you to believe?")

#: Every practice passage, in course order.  ``shown`` lists the sentences that lessons, the
#: codebook or earlier tasks already show with their label (``tools/count_decisions.py --plan``
#: prints what the scan finds, so this list can be kept right when a lesson changes).
PASSAGES = {p.passage_id: p for p in [
    _p("02-a", "02_attribution", "militancy-bases", 2, 8, focus=F02,
       shown=[
           "militancy-bases-002", "militancy-bases-003", "militancy-bases-004", "militancy-bases-005",
           "militancy-bases-010", "militancy-bases-016", "militancy-bases-017", "militancy-bases-020",
           "militancy-bases-021", "militancy-bases-022", "militancy-bases-024"]),
    _p("02-b", "02_attribution", "balakot", 4, 14, focus=F02,
       shown=[
           "balakot-004", "balakot-005", "balakot-006", "balakot-007", "balakot-008", "balakot-009",
           "balakot-010", "balakot-011",
           "balakot-012", "balakot-013", "balakot-014", "balakot-015", "balakot-017", "balakot-018",
           "balakot-019", "balakot-020", "balakot-022", "balakot-023", "balakot-025", "balakot-026"]),
    _p("02-c", "02_attribution", "tit-for-tat", 16, 22, focus=F02,
       shown=[
           "tit-for-tat-016", "tit-for-tat-018", "tit-for-tat-020", "tit-for-tat-021", "tit-for-tat-023",
           "tit-for-tat-026", "tit-for-tat-028", "tit-for-tat-031"]),
    _p("03-a", "03_sources_evidence", "militancy-bases", 10, 14, focus=F03,
       shown=[
           "militancy-bases-026", "militancy-bases-027", "militancy-bases-029", "militancy-bases-030",
           "militancy-bases-033", "militancy-bases-034", "militancy-bases-036"]),
    _p("03-b", "03_sources_evidence", "militancy-bases", 18, 23, focus=F03,
       shown=[
           "militancy-bases-047", "militancy-bases-048", "militancy-bases-052", "militancy-bases-053", "militancy-bases-054",
           "militancy-bases-058", "militancy-bases-060", "militancy-bases-063", "militancy-bases-064"]),
    _p("03-c", "03_sources_evidence", "regional-peace", 3, 8, focus=F03,
       shown=[
           "regional-peace-003", "regional-peace-004", "regional-peace-006", "regional-peace-007",
           "regional-peace-010", "regional-peace-011", "regional-peace-012",
           "regional-peace-013", "regional-peace-014", "regional-peace-016", "regional-peace-018",
           "regional-peace-019", "regional-peace-020", "regional-peace-021"]),
    _p("04-a", "04_advocacy_loaded_language", "regional-peace", 9, 14, focus=F04,
       shown=[
           "regional-peace-022", "regional-peace-023", "regional-peace-024", "regional-peace-026",
           "regional-peace-027", "regional-peace-028", "regional-peace-029", "regional-peace-030",
           "regional-peace-031", "regional-peace-033", "regional-peace-034", "regional-peace-035",
           "regional-peace-036", "regional-peace-037", "regional-peace-038", "regional-peace-042",
           "regional-peace-043", "regional-peace-044", "regional-peace-045"]),
    _p("04-b", "04_advocacy_loaded_language", "tit-for-tat", 24, 36, focus=F04,
       shown=[
           "tit-for-tat-034", "tit-for-tat-037", "tit-for-tat-039", "tit-for-tat-043", "tit-for-tat-044",
           "tit-for-tat-045", "tit-for-tat-046", "tit-for-tat-049", "tit-for-tat-051", "tit-for-tat-052",
           "tit-for-tat-055", "tit-for-tat-056", "tit-for-tat-057", "tit-for-tat-059", "tit-for-tat-061",
           "tit-for-tat-062", "tit-for-tat-063"]),
    _p("05-a", "05_naming", "ap-crackdown", 4, 12, focus=F05,
       shown=[
           "ap-crackdown-004", "ap-crackdown-005", "ap-crackdown-007", "ap-crackdown-008", "ap-crackdown-010",
           "ap-crackdown-012"]),
    _p("06-a", "06_frames", "militancy-bases", 15, 17, focus=F06,
       shown=[
           "militancy-bases-042", "militancy-bases-043", "militancy-bases-044"]),
    _p("07-a", "07_machine", "balakot", 15, 20, focus=F07,
       shown=[
           "balakot-027", "balakot-029", "balakot-031", "balakot-033", "balakot-032", "balakot-034", "balakot-035", "balakot-036",
           "balakot-037", "balakot-039", "balakot-040"]),
    # The transfer exercise: two invented texts, whole, in genres the five pieces lack
    # (data/transfer/; never shown in a lesson, see tests/test_practice.py).
    _p("08-a", "08_transfer", "live-updates", 1, 36, focus=F08, transfer=True),
    _p("08-b", "08_transfer", "odf-statement", 1, 22, focus=F08, transfer=True),
]}


def passage(passage_id: str) -> Passage:
    """One passage by its id (``"02-a"``).

    >>> passage("99-z")
    Traceback (most recent call last):
    medialit.practice.passages.UnknownPassageError: No practice passage '99-z'. Passages: 02-a, ...
    """
    key = str(passage_id).strip().lower()
    if key not in PASSAGES:
        listed = ", ".join(PASSAGES)
        raise UnknownPassageError(f"No practice passage {passage_id!r}. Passages: {listed}.")
    return PASSAGES[key]


def passages_for(exercise: str) -> list[Passage]:
    """The passages of one exercise (by name or number), in order.

    >>> passages_for("99")
    []
    """
    number = exercise_number(exercise) if "_" in str(exercise) else int(exercise)
    return [p for p in PASSAGES.values() if exercise_number(p.exercise) == number]
