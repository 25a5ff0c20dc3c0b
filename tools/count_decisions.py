"""Count the labelling decisions and the judgement tasks of every exercise.

    python tools/count_decisions.py           # the table
    python tools/count_decisions.py --plan    # per passage: items, and sentences the scan finds already shown

A *decision* is one sentence judged in a practice passage: its label, whether it carries
an accusation (yes or no), and — in the source tasks — the type of source of each sentence
the annotators labelled attributed (``medialit.exercises.practice_tasks.decisions``).
A *judgement task* asks the student to judge text by the codebook (labels, roles, cues,
sources, names, frames, accusations, or writing about what a text does); the other tasks
compute, filter or chart the gold columns with pandas.  The kinds counted as judgement are
listed in :data:`JUDGEMENT_KINDS`; a task whose answer is the student's own text counts as
judgement too.  ``tests/test_practice_counts.py`` asserts the thresholds with the same code.
"""

from __future__ import annotations

import argparse
import sys

import medialit as ml
from medialit.exercises.catalogue import exercise, exercise_names
from medialit.exercises.practice_tasks import PRACTICE_KINDS, decisions
from medialit.practice import exposure
from medialit.practice.passages import PASSAGES

#: Task kinds in which the student judges text by the codebook.
JUDGEMENT_KINDS = frozenset({
    *PRACTICE_KINDS, "label", "role", "attribution", "source_type", "loaded", "hedge_booster", "naming",
    "frames", "reflection", "machine_prediction", "cue_judgement", "transfer",
})
MIN_DECISIONS = 150
MIN_JUDGEMENT_SHARE = 0.5


def is_judgement(task) -> bool:
    """True for a task that asks for a judgement of text (see the module notes)."""
    return task.kind in JUDGEMENT_KINDS or str(task.expects).startswith("your own text")


def table() -> list[dict]:
    """One row per exercise: tasks, judgement tasks, their share, practice passages and decisions."""
    rows = []
    for name in exercise_names():
        tasks = exercise(name).tasks
        judged = [t for t in tasks if is_judgement(t)]
        rows.append({
            "exercise": name, "tasks": len(tasks), "judgement": len(judged),
            "share": len(judged) / len(tasks) if tasks else 0.0,
            "passages": sum(1 for p in PASSAGES.values() if p.exercise == name),
            "decisions": sum(decisions(t) for t in tasks),
            "label decisions": sum(decisions(t) for t in tasks if t.kind == "practice_labels"),
        })
    return rows


def coverage() -> tuple[set, set]:
    """(body paragraphs of the five pieces, those inside a practice passage)."""
    sentences = ml.load_sentences()
    body = sentences[sentences.role == "body"]
    paragraphs = set(zip(body.article_id.astype(str), body.paragraph.astype(int)))
    covered = {(p.article_id, n) for p in PASSAGES.values() if not p.transfer for n in p.paragraphs}
    return paragraphs, covered & paragraphs


def _print_table() -> None:
    rows = table()
    head = ["exercise", "tasks", "judgement", "share", "passages", "label decisions", "decisions"]
    print("  ".join(f"{h:>16}" if i else f"{h:<28}" for i, h in enumerate(head)))
    for row in rows:
        cells = [row["exercise"], row["tasks"], row["judgement"], f"{row['share']:.0%}", row["passages"],
                 row["label decisions"], row["decisions"]]
        print("  ".join(f"{c!s:>16}" if i else f"{c!s:<28}" for i, c in enumerate(cells)))
    print(f"{'total':<28}  {sum(r['tasks'] for r in rows):>16}  {sum(r['judgement'] for r in rows):>16}  "
          f"{'':>16}  {sum(r['passages'] for r in rows):>16}  {sum(r['label decisions'] for r in rows):>16}  "
          f"{sum(r['decisions'] for r in rows):>16}")
    paragraphs, covered = coverage()
    pieces = sorted({p.article_id for p in PASSAGES.values() if not p.transfer})
    transfer = [f"{p.article_id} ({p.passage_id})" for p in PASSAGES.values() if p.transfer]
    print(f"\nBody paragraphs in a practice passage: {len(covered)} of {len(paragraphs)}; "
          f"pieces: {len(pieces)} of {len(ml.article_ids())}.")
    print(f"Invented transfer texts labelled whole (exercise 08 only): {', '.join(transfer) or 'none'}.")


def _print_plan() -> None:
    for chosen in PASSAGES.values():
        seen = exposure.seen_before(chosen.exercise)
        content = [str(i) for i in chosen.content().sent_id]
        print(f"{chosen.passage_id}  {chosen.title}: {len(chosen.items())} items")
        print(f"    shown before {chosen.exercise}: {[i for i in content if i in seen]}")
        stale = [i for i in chosen.items() if i in seen]
        if stale:
            print(f"    ! asked but already shown: {stale}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", action="store_true", help="per passage: items and sentences already shown")
    args = parser.parse_args(argv)
    if args.plan:
        _print_plan()
    else:
        _print_table()
    return 0


if __name__ == "__main__":
    sys.exit(main())
