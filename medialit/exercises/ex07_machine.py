"""Exercise 07 · The machine: the tasks of ``exercises/07_machine.ipynb``.

Every expected answer is computed from ``data/`` when the check runs.

>>> [task.number for task in tasks()][:3]
[1, 2, 3]
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .. import corpus, schema
from ..compare import CONTENT_ROLES
from . import gold
from .builders import number_task, numbers_task, reflection_task, single_id_task
from .charts import bar_values, figure_task, is_horizontal, same_values
from .practice_tasks import with_practice_first
from .feedback import NotAnswered, Result, Task, not_yet, right
from .readers import read_numbers

__all__ = ["tasks", "cue_pattern", "rule_table"]


def cue_pattern() -> str:
    """The regular expression of the simple cue rule used in exercise 07.

    >>> import re
    >>> bool(re.search(cue_pattern(), "Officials said so.", re.IGNORECASE))
    True
    """
    cues = corpus.load_lexicon("cues")
    terms = sorted(cues[cues.frame != "exclude"].term, key=len, reverse=True)
    return r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b"


def rule_table() -> pd.DataFrame:
    """The content sentences with ``flagged`` (the cue rule fires) and ``gold`` (labelled attributed)."""
    sentences = gold.sentences()
    content = sentences[sentences.role.isin(CONTENT_ROLES)].copy()
    content["flagged"] = content.text.str.contains(cue_pattern(), case=False, regex=True)
    content["gold"] = content.label == "attributed"
    return content


def _precision_recall() -> dict[str, float]:
    table = rule_table()
    hits = float((table.flagged & table.gold).sum())
    return {"precision": hits / float(table.flagged.sum()), "recall": hits / float(table.gold.sum())}


def _recall_by_piece() -> dict[str, float]:
    table = rule_table()
    attributed = table[table.gold]
    return {a: float(attributed[attributed.article_id == a].flagged.mean()) for a in schema.ARTICLE_IDS}


def machine_tasks() -> list[Task]:
    """Think first, then meet the machine: predict the cue rule on passage 07-a, then judge its flags."""
    from ..practice.passages import passage
    from .readers import read_ids, read_mapping

    chosen = passage("07-a")

    def flags(ids: list[str]) -> dict[str, list[str]]:
        table = gold.sentences().set_index("sent_id")
        rule = re.compile(cue_pattern(), re.IGNORECASE)  # built once, not once per sentence
        return {i: rule.findall(str(table.at[i, "text"])) for i in ids}

    def predict(answer: Any) -> Result:
        items = chosen.items()
        given = [] if isinstance(answer, (list, tuple, set)) and not answer else read_ids(answer, items)
        flagged = {i: words for i, words in flags(items).items() if words}
        extra = [i for i in given if i not in flagged]
        missed = [i for i in flagged if i not in given]
        if not extra and not missed:
            found = "; ".join(f"{i}: {', '.join(repr(w) for w in words)}" for i, words in flagged.items()) or "none"
            return right(f"The rule flags what you predicted. Words it reacts to: {found}. Whether such a word "
                         "hands the claim to someone is the next task.")
        text = f"{len(given) - len(extra)} of your {len(given)} predictions are right" if given else "Not quite"
        text += f"; {len(missed)} flagged sentence(s) are missing." if missed else "."
        if extra:
            text += f" {', '.join(extra)}: no word of lexicons/cues.csv in it."
        return not_yet(text + " The rule matches every cue word of data/lexicons/cues.csv (frame other than "
                       "exclude), wherever it stands in the sentence.")

    def judge(answer: Any) -> Result:
        content = [str(i) for i in chosen.content().sent_id]
        flagged = [i for i, words in flags(content).items() if words]
        mapping = read_mapping(answer, flagged, what="sentence id")
        table = gold.sentences().set_index("sent_id")
        wrong = []
        for sent_id, value in mapping.items():
            if value is Ellipsis:
                raise NotAnswered(f"for {sent_id}: replace the ... with True or False.")
            if not isinstance(value, bool):
                raise NotAnswered(f"for {sent_id}: write True or False, without quotes.")
            if value != (table.at[sent_id, "label"] == "attributed"):
                wrong.append(sent_id)
        if wrong:
            return not_yet(f"{len(flagged) - len(wrong)} of {len(flagged)} right. Reread rule L3 for "
                           f"{', '.join(wrong)}: is the cue in the main clause, and does it hand the claim to "
                           "someone other than the writer?")
        alarms = [i for i in flagged if table.at[i, "label"] != "attributed"]
        return right(f"The rule flags {len(flagged)} sentence(s) of balakot's paragraphs 15–20; "
                     + (f"{', '.join(alarms)} {'is a false alarm' if len(alarms) == 1 else 'are false alarms'}: "
                        "the word is there, but the main claim is the writer's." if alarms else "none is a false alarm."))

    return [
        Task(0, "predict which sentences of passage 07-a the cue rule flags",
             "a list of ids of passage 07-a's [ ? ] sentences, or [] for none", predict,
             ("balakot",), "machine_prediction"),
        Task(0, "does each flagged cue word hand the claim to someone?",
             'a dict from each flagged sentence id to True or False, like {"balakot-032": True, …}', judge,
             ("balakot",), "cue_judgement"),
    ]


def tasks() -> list[Task]:
    def pr_task() -> Task:
        def grade(answer: Any) -> Result:
            values = read_numbers(answer, ["precision", "recall"], what="key", share=True)
            target = _precision_recall()
            wrong = [k for k in values if abs(values[k] - target[k]) > 0.005]
            if not wrong:
                return right(f"precision {target['precision']:.2f}, recall {target['recall']:.2f}. Precision: of "
                             "the flagged sentences, how many are attributed; recall: of the attributed "
                             "sentences, how many were flagged.")
            return not_yet(f"look again at {' and '.join(wrong)}. Precision divides the sentences both flagged and "
                           "attributed by all flagged ones; recall divides them by all attributed ones.")

        return Task(2, "precision and recall of the cue rule",
                    'a dict with keys "precision" and "recall", like {"precision": …, "recall": …}',
                    grade, schema.ARTICLE_IDS, "compute")

    def chart_checks(fig) -> list[tuple[bool, str]]:
        axes = fig.get_axes()
        ax = axes[0] if axes else None
        values = bar_values(ax) if ax is not None else []
        return [
            (len(axes) == 1, "draw on exactly one Axes"),
            (same_values(values, list(_recall_by_piece().values()), 0.005),
             "one bar per piece, as long as the rule's recall on that piece"),
            (ax is not None and bool(ax.get_title().strip()), "give the chart a title"),
            (ax is not None and bool((ax.get_xlabel() if is_horizontal(ax) else ax.get_ylabel()).strip()),
             "label the value axis"),
        ]

    return with_practice_first("07_machine", machine_tasks() + [
        number_task(1, "how many content sentences the cue rule flags",
                    expected=lambda: float(rule_table().flagged.sum()), tolerance=0, share=False,
                    why=lambda v: f"{v:g} sentences contain a word from the cue list. A word list cannot see "
                    "whose main clause it is in.",
                    hint="Use the given pattern with sentences.text.str.contains(pattern, case=False) on the "
                    "headline, subheading, body and pullquote sentences, then sum.",
                    pieces=schema.ARTICLE_IDS),
        pr_task(),
        numbers_task(3, "false alarms per piece",
                     expected=lambda: gold.counts_by_piece(rule_table().flagged & ~rule_table().gold, rule_table()),
                     tolerance=0, share=False,
                     why=lambda t: "Flagged but not attributed: " + gold.fmt(t, 0) + ". The cue word sits in a "
                     "subordinate clause, in a noun the writer judges (\"the Taliban's allegations have further "
                     "complicated …\"), or in the writer's own frame (rule L3).",
                     hint="Count, per piece, the content sentences where flagged is True and the gold label is "
                     "not attributed; a piece with none needs its 0."),
        single_id_task(4, "one attributed sentence the rule misses in balakot", article="balakot",
                       fits=lambda r, s: r.label == "attributed" and not re.search(cue_pattern(), str(r.text), re.I),
                       describe=lambda r: f"labelled {r.label}, cue in the data: {r.cue or '(none)'}",
                       hint="You want a sentence labelled attributed that contains no word of the cue list — "
                       "think of quotations (rule L2)."),
        figure_task(5, "a chart of the rule's recall per piece", chart_checks,
                    why="Compare the bars with what you know of each piece: where a quotation runs on over "
                    "several sentences without a cue word, the rule cannot see it.", pieces=schema.ARTICLE_IDS),
        reflection_task(6, "what the rule cannot see", exercise="07_machine",
                        min_words=50, cite=("tit-for-tat", "balakot"),
                        pieces=("tit-for-tat", "balakot")),
    ])
