"""Cohen's kappa between two label columns, with no dependency on the tagger.

The annotators' agreement (:mod:`medialit.agreement`), a student's practice
summary (:mod:`medialit.practice`) and the tagger's scores
(:mod:`medialit.evaluate`, which re-exports both names) all use this one
function.  It lives apart from :mod:`medialit.evaluate` so that an exercise
notebook's checks do not load the tagger's rules only to compute a kappa.

>>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 3)
0.5
"""

from __future__ import annotations

from collections import Counter

__all__ = ["EvaluationError", "as_label_lists", "cohen_kappa"]


class EvaluationError(ValueError):
    """Two label lists cannot be compared; the message says why and what to pass."""


def as_label_lists(gold, predicted) -> tuple[list, list]:
    """Both columns as lists of strings of the same, non-zero length, or :class:`EvaluationError`.

    >>> as_label_lists(["fact"], ("fact", "meta"))
    Traceback (most recent call last):
    medialit.kappa.EvaluationError: gold has 1 labels but predicted has 2; compare the same sentences in the same order (match them on sent_id first).
    """
    try:
        gold, predicted = [str(x) for x in gold], [str(x) for x in predicted]
    except TypeError as error:
        raise EvaluationError("gold and predicted must be lists (or Series) of labels.") from error
    if len(gold) != len(predicted):
        raise EvaluationError(
            f"gold has {len(gold)} labels but predicted has {len(predicted)}; "
            "compare the same sentences in the same order (match them on sent_id first)."
        )
    if not gold:
        raise EvaluationError("There are no labels to compare (both lists are empty).")
    return gold, predicted


def cohen_kappa(gold, predicted) -> float:
    """Cohen's kappa: agreement corrected for the agreement expected by chance.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the observed share of
    agreement and p_e = sum over labels of (gold share x predicted share).
    Returns 1.0 when both raters use one and the same label throughout.

    >>> cohen_kappa(["x", "y"], ["x", "y"])
    1.0
    """
    gold, predicted = as_label_lists(gold, predicted)
    n = len(gold)
    p_o = sum(g == p for g, p in zip(gold, predicted)) / n
    g_counts, p_counts = Counter(gold), Counter(predicted)
    p_e = sum(g_counts[k] * p_counts[k] for k in set(g_counts) | set(p_counts)) / (n * n)
    if p_e == 1.0:
        return 1.0
    return (p_o - p_e) / (1 - p_e)
