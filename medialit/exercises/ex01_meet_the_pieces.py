"""Exercise 01 · Meet the pieces: the tasks of ``exercises/01_meet_the_pieces.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [(task.number, task.kind) for task in tasks()][:3]
[(1, 'role'), (2, 'role'), (3, 'role')]
"""

from __future__ import annotations

import pandas as pd

from .. import compare, schema
from . import gold
from .builders import article_choice_task, classify_task, ids_task, numbers_task, reflection_task
from .charts import bar_values, figure_task, is_horizontal, same_values
from .feedback import Task
from .readers import Choices

__all__ = ["tasks"]


ROLES_READER = Choices(schema.ROLES, {"pull quote": "pullquote", "pull-quote": "pullquote"}, "role")

ROLE_HINTS = {
    "headline": "the title of the piece",
    "subheading": "a section heading or a standfirst under the headline",
    "byline": "the author's or agency's name",
    "body": "running text of the article",
    "pullquote": "a sentence lifted from the body and shown again",
    "bio": "a note about the author",
    "disclaimer": "the publisher's statement about responsibility for the views",
    "furniture": "what the web page added around the article",
}


#: Task 2: the last sentences of three articles and the page around them (none shown with its role before).
ARTICLE_OR_PAGE = ["balakot-040", "balakot-046", "balakot-048", "balakot-050", "regional-peace-037",
                   "tit-for-tat-062"]
#: Task 3: three pull-quotes and three body sentences of tit-for-tat, two of them the pull-quotes' originals.
PULLQUOTE_OR_BODY = ["tit-for-tat-020", "tit-for-tat-028", "tit-for-tat-034", "tit-for-tat-043",
                     "tit-for-tat-045", "tit-for-tat-057"]


def _role_hint(given: str, expected: str, row: pd.Series) -> str:
    return (f"you chose {given} ({ROLE_HINTS[given]}); reread the table in codebook §2 and look at "
            "where the sentence sits in the raw text.")




def tasks() -> list[Task]:
    def roles_chart_checks(fig) -> list[tuple[bool, str]]:
        sentences = gold.sentences()
        counts = sentences[sentences.article_id == "tit-for-tat"].role.value_counts()
        counts = [float(c) for c in counts if c > 0]
        axes = fig.get_axes()
        ax = axes[0] if axes else None
        return [
            (len(axes) == 1, "draw on exactly one Axes"),
            (ax is not None and same_values(bar_values(ax), counts, 0.01),
             "one bar per role that occurs in tit-for-tat, as long as its number of sentences"),
            (ax is not None and bool(ax.get_title().strip() or fig.texts), "give the chart a title"),
            (ax is not None and bool((ax.get_ylabel() if not is_horizontal(ax) else ax.get_xlabel()).strip()),
             "label the axis along the bars (what is counted?)"),
        ]

    return [
        classify_task(1, "the role of six sentences",
                      ["balakot-003", "tit-for-tat-033", "ap-crackdown-002", "regional-peace-048",
                       "balakot-043", "militancy-bases-025"],
                      column="role", reader=ROLES_READER, hint=_role_hint, kind="role"),
        classify_task(2, "where the article ends and the page begins", ARTICLE_OR_PAGE,
                      column="role", reader=ROLES_READER, hint=_role_hint, kind="role",
                      why_prefix="The article's last sentences are body; what follows is the web page's: "),
        classify_task(3, "said twice: pull-quote or body?", PULLQUOTE_OR_BODY,
                      column="role", reader=ROLES_READER, hint=_role_hint, kind="role",
                      why_prefix="A pull-quote repeats words of the body in large type; only the body sentence "
                      "carries them where the writer put them: "),
        numbers_task(4, "body sentences per piece",
                     expected=lambda: {a: float(n) for a, n in
                                       compare.label_shares(gold.sentences())["total"].items()},
                     tolerance=0, share=False,
                     why=lambda t: "Body sentences: " + gold.fmt(t, 0) + ". Everything else is headline, "
                     "page furniture, bylines and the like (codebook §2).",
                     hint="Keep only the rows whose role is \"body\", then count the rows of each article."),
        article_choice_task(5, "the piece with the largest share of meta sentences",
                            scores=lambda: gold.shares(gold.sentences(), label="meta", roles=None),
                            why=lambda v, c: f"{c}: {v[c]:.2f} of its sentences are meta (bylines, bios, "
                            "furniture — rule L1). The shares: " + gold.fmt(v) + ". A web page wraps the text in "
                            "a lot that is not the article.",
                            hint="Compare shares, not counts: the pieces differ in length. "
                            "Try (sentences.label == \"meta\").groupby(sentences.article_id).mean(), or "
                            "ml.compare.label_shares(roles=None, normalize=True)."),
        ids_task(6, "sentences that repeat an earlier one in regional-peace", article="regional-peace",
                 expected=lambda s: s[(s.article_id == "regional-peace") & (s.repeats != "")].sent_id.tolist(),
                 why=lambda ids, s: "These rows have a value in the column repeats: "
                 + ", ".join(f"{i} repeats {gold.row(s, i).repeats}" for i in ids)
                 + ". The page printed a closing paragraph and the byline twice.",
                 hint_missing="Filter on the column repeats: a repeating sentence names the earlier one there.",
                 hint_extra="{ids}: the column repeats is empty there.",
                 pieces=("regional-peace",), kind="find"),
        figure_task(7, "a bar chart of tit-for-tat's sentences by role", roles_chart_checks,
                    why="One bar per role, with a title and a labelled axis: the chart can be read without you "
                    "next to it. Compare the furniture bar with the body bar.",
                    pieces=("tit-for-tat",)),
        reflection_task(8, "what two pages tell you about themselves", exercise="01_meet_the_pieces",
                        min_words=40,
                        cite=("militancy-bases", "regional-peace"), pieces=("militancy-bases", "regional-peace"),
                        kind="compare"),
    ]
