"""How well does the rule-based tagger agree with the hand-made (gold) labels?

Everything here compares two label columns sentence by sentence: the gold
``label`` of ``data/sentences.csv`` and the tagger's guess for the same
sentence (the tagger uses the same segmenter, so sentence *i* of the tagger is
gold sentence *i*).  Scores are computed, never typed in.

>>> scores = label_scores(["fact", "fact", "advocacy"], ["fact", "advocacy", "advocacy"])
>>> scores.loc["fact", ["precision", "recall", "f1", "support"]].tolist()
[1.0, 0.5, 0.6666666666666666, 2.0]
>>> round(cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]), 3)
0.5
"""

from __future__ import annotations

import pandas as pd

from . import corpus, schema, tagger
from .kappa import EvaluationError, as_label_lists, cohen_kappa

__all__ = [
    "EvaluationError", "label_scores", "macro_f1", "cohen_kappa", "confusion_matrix",
    "compare_labels", "disagreements", "evaluate", "leave_one_article_out", "CONTENT_LABELS",
    "align_by_offsets", "accusation_agreement", "confidence_table", "load_labelled_folder", "score_labelled",
]

#: The three labels that describe content (``meta`` is page furniture).
CONTENT_LABELS = ("fact", "attributed", "advocacy")


def label_scores(gold, predicted, labels=schema.LABELS) -> pd.DataFrame:
    """Precision, recall, F1 and support (gold count) for every label.

    A label the machine never predicts has precision 0 (not undefined); a label
    absent from gold has recall 0.  Rows are the labels, in the order given.

    >>> label_scores(["fact", "meta"], ["fact", "fact"]).round(2).to_dict("index")["fact"]
    {'precision': 0.5, 'recall': 1.0, 'f1': 0.67, 'support': 1.0, 'predicted': 2.0}
    """
    gold, predicted = as_label_lists(gold, predicted)
    rows = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        n_pred = sum(p == label for p in predicted)
        n_gold = sum(g == label for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[label] = {"precision": precision, "recall": recall, "f1": f1,
                       "support": float(n_gold), "predicted": float(n_pred)}
    return pd.DataFrame.from_dict(rows, orient="index")


def macro_f1(gold, predicted, labels=schema.LABELS) -> float:
    """Unweighted mean of the per-label F1 over those ``labels`` that occur.

    A label that occurs neither in gold nor in the prediction has no F1 and is
    left out of the mean (one article may have no quotation at all).  With
    ``labels=CONTENT_LABELS`` meta is left out of the average, but sentences
    whose gold or predicted label is meta still count as errors for the content
    labels they were confused with.

    >>> macro_f1(["fact", "advocacy"], ["fact", "advocacy"])  # meta, attributed absent
    1.0
    >>> macro_f1(["fact", "advocacy"], ["fact", "fact"])  # F1 fact 0.667, advocacy 0
    0.3333333333333333
    """
    scores = label_scores(gold, predicted, labels)
    present = scores[(scores["support"] > 0) | (scores["predicted"] > 0)]
    if present.empty:
        raise EvaluationError(f"None of the labels {list(labels)} occurs in gold or predicted.")
    return float(present["f1"].mean())


def confusion_matrix(gold, predicted, labels=schema.LABELS) -> pd.DataFrame:
    """Counts of sentences: gold labels as rows, predicted labels as columns.

    >>> confusion_matrix(["fact", "meta"], ["fact", "fact"]).loc["meta", "fact"]
    np.int64(1)
    """
    gold, predicted = as_label_lists(gold, predicted)
    labels = list(labels)
    extra = sorted((set(gold) | set(predicted)) - set(labels))
    labels += extra
    table = pd.DataFrame(0, index=pd.Index(labels, name="gold"),
                         columns=pd.Index(labels, name="predicted"), dtype="int64")
    for g, p in zip(gold, predicted):
        table.loc[g, p] += 1
    return table


def compare_labels(gold_sentences: pd.DataFrame | None = None,
                   predicted_sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence with both labels: sent_id, article_id, text, gold, predicted, rationale.

    Defaults: the gold table and the tagger run on the raw texts.  Rows are
    matched on ``sent_id``; an id in one table but not the other is an error.

    >>> both = compare_labels()
    >>> list(both.columns)
    ['article_id', 'sent_id', 'role', 'text', 'gold', 'predicted', 'predicted_role', 'rationale', 'gold_rationale']
    """
    gold = corpus.load_sentences() if gold_sentences is None else gold_sentences
    if predicted_sentences is None:
        predicted_sentences = tagger.tag_corpus(list(dict.fromkeys(gold["article_id"].astype(str))))
    pred = predicted_sentences
    for name, frame in (("gold", gold), ("predicted", pred)):
        missing = {"sent_id", "label"} - set(frame.columns)
        if missing:
            raise EvaluationError(f"The {name} table lacks the column(s) {sorted(missing)}.")
    left = set(gold["sent_id"]) ^ set(pred["sent_id"])
    if left:
        raise EvaluationError(
            f"{len(left)} sentence id(s) are in only one table, e.g. {sorted(left)[:3]}; "
            "tag the same raw texts the gold table was made from."
        )
    merged = gold[["article_id", "sent_id", "role", "text", "label", "rationale"]].merge(
        pred[["sent_id", "label", "role", "rationale"]].rename(
            columns={"label": "predicted", "role": "predicted_role", "rationale": "machine_rationale"}),
        on="sent_id", how="left",
    )
    merged = merged.rename(columns={"label": "gold", "rationale": "gold_rationale",
                                    "machine_rationale": "rationale"})
    for column in ("gold", "predicted"):
        merged[column] = merged[column].astype(str)
    return merged[["article_id", "sent_id", "role", "text", "gold", "predicted", "predicted_role",
                   "rationale", "gold_rationale"]]


def disagreements(comparison: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentences where the machine's label differs from gold, with the rule the machine used.

    Columns: sent_id, gold, predicted, text, rationale (the machine's), gold_rationale.

    >>> table = disagreements()
    >>> bool((table.gold != table.predicted).all())
    True
    """
    both = compare_labels() if comparison is None else comparison
    wrong = both[both["gold"] != both["predicted"]]
    return wrong[["sent_id", "gold", "predicted", "text", "rationale", "gold_rationale"]].reset_index(drop=True)


def _summary(gold, predicted) -> dict:
    return {
        "sentences": len(gold),
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / len(gold),
        "macro_f1_4": macro_f1(gold, predicted, schema.LABELS),
        "macro_f1_3": macro_f1(gold, predicted, CONTENT_LABELS),
        "kappa": cohen_kappa(gold, predicted),
    }


def evaluate(comparison: pd.DataFrame | None = None) -> dict:
    """Whole-corpus agreement: a dict with the summary, per-label scores and the confusion matrix.

    ``summary`` holds sentences, accuracy, macro_f1_4 (over fact, attributed,
    advocacy, meta), macro_f1_3 (over the three content labels) and kappa.

    >>> result = evaluate()
    >>> sorted(result)
    ['confusion', 'per_label', 'summary']
    >>> result["confusion"].shape
    (4, 4)
    """
    both = compare_labels() if comparison is None else comparison
    gold, predicted = both["gold"].tolist(), both["predicted"].tolist()
    return {
        "summary": _summary(gold, predicted),
        "per_label": label_scores(gold, predicted),
        "confusion": confusion_matrix(gold, predicted),
    }


def leave_one_article_out(comparison: pd.DataFrame | None = None) -> pd.DataFrame:
    """Scores on each article held out in turn.

    The tagger has **no trained parameters**: its rules and word lists were
    written from the codebook and general English, and nothing is fitted to the
    gold labels.  "Leave one article out" therefore cannot mean re-training;
    it means: score each article on its own, as if it were the unseen text, so
    you see how much the agreement varies from one piece (outlet, genre, page
    layout) to another instead of one pooled number that the largest pieces
    dominate.  The mean and the minimum over the five held-out articles are the
    honest estimate for a new article.  (Had any threshold been tuned on the
    data, it would have to be tuned on four articles and tested on the fifth;
    none is.)

    Returns one row per article plus ``mean`` and ``min`` rows; columns
    sentences, accuracy, macro_f1_4, macro_f1_3, kappa.  An article in which
    a label never occurs scores F1 0 for that label, which lowers its macro-F1.

    >>> table = leave_one_article_out()
    >>> table.index[-2:].tolist()
    ['mean', 'min']
    """
    both = compare_labels() if comparison is None else comparison
    rows = {}
    for article_id, part in both.groupby("article_id", sort=False):
        rows[article_id] = _summary(part["gold"].tolist(), part["predicted"].tolist())
    table = pd.DataFrame.from_dict(rows, orient="index")
    stats = table.drop(columns="sentences")
    table.loc["mean"] = [table["sentences"].sum(), *stats.mean().tolist()]
    table.loc["min"] = [table["sentences"].iloc[:-1].min(), *stats.iloc[:-1].min().tolist()]
    table["sentences"] = table["sentences"].astype(int)
    return table


def align_by_offsets(gold: pd.DataFrame, machine: pd.DataFrame) -> pd.DataFrame:
    """For each gold sentence, the machine sentence that covers most of its characters.

    Use it when the gold sentences were cut differently from the tagger's (a text
    labelled by hand, or with an older segmenter): both tables need ``start`` and
    ``end`` offsets into the same raw text.  Returns ``machine``'s rows, one per gold
    row, in gold order (index reset); a gold sentence no machine sentence touches
    gets the machine row that starts nearest to it.

    >>> gold = pd.DataFrame({"start": [0, 12], "end": [11, 30]})
    >>> machine = pd.DataFrame({"start": [0, 12, 20], "end": [11, 19, 30], "label": ["a", "b", "c"]})
    >>> align_by_offsets(gold, machine).label.tolist()
    ['a', 'c']
    """
    starts = [int(x) for x in machine["start"]]
    ends = [int(x) for x in machine["end"]]
    if not starts:
        raise EvaluationError("The machine table has no sentences to align with.")
    picked = []
    for a, b in zip(gold["start"], gold["end"]):
        a, b = int(a), int(b)
        overlaps = [max(0, min(b, e) - max(a, s)) for s, e in zip(starts, ends)]
        best = max(range(len(starts)), key=lambda k: (overlaps[k], -abs(starts[k] - a)))
        picked.append(best)
    return machine.iloc[picked].reset_index(drop=True)


def accusation_agreement(gold: pd.DataFrame | None = None, machine: pd.DataFrame | None = None) -> dict:
    """How often the tagger's ``accusation`` (0/1) matches the gold: kappa, agreement, counts.

    Defaults: the five pieces' gold table and the tagger run on their raw texts
    (sentence ids match).  ``gold`` and ``machine`` must list the same sentences in
    the same order.

    >>> result = accusation_agreement()
    >>> sorted(result)
    ['agreement', 'gold_accusations', 'kappa', 'machine_accusations', 'sentences']
    """
    if gold is None:
        gold = corpus.load_sentences()
    if machine is None:
        machine = tagger.tag_corpus(list(dict.fromkeys(gold["article_id"].astype(str))))
    g = [str(int(x)) if pd.notna(x) else "0" for x in gold["accusation"]]
    p = [str(int(x)) if pd.notna(x) else "0" for x in machine["accusation"]]
    g, p = as_label_lists(g, p)
    return {
        "sentences": len(g),
        "kappa": cohen_kappa(g, p),
        "agreement": sum(a == b for a, b in zip(g, p)) / len(g),
        "gold_accusations": g.count("1"),
        "machine_accusations": p.count("1"),
    }


def confidence_table(gold_labels, machine: pd.DataFrame) -> pd.DataFrame:
    """Share of correct labels among the sentences the tagger is sure and unsure of.

    >>> machine = pd.DataFrame({"label": ["fact", "fact", "advocacy"], "confidence": ["sure", "unsure", "unsure"]})
    >>> confidence_table(["fact", "advocacy", "advocacy"], machine).to_dict("index")["unsure"]
    {'sentences': 2, 'correct': 0.5}
    """
    gold, predicted = as_label_lists(gold_labels, machine["label"].astype(str))
    frame = pd.DataFrame({"confidence": machine["confidence"].astype(str).values,
                          "ok": [a == b for a, b in zip(gold, predicted)]})
    table = frame.groupby("confidence").ok.agg(sentences="size", correct="mean")
    return table.reindex([c for c in ("sure", "unsure") if c in table.index])


#: Column names that may say which half (development or test) a labelled text belongs to.
HALF_COLUMNS = ("half", "split", "set", "part")


def load_labelled_folder(folder, half: str | None = None) -> tuple[dict, pd.DataFrame]:
    """Raw texts and hand labels of a folder of labelled articles (not the five pieces).

    The folder holds the texts as ``<article_id>.txt`` (or in ``raw/`` or ``texts/``) and one
    table, ``sentences.csv`` (or ``gold.csv``) with at least ``article_id``, ``start``, ``end``,
    ``label`` (and ``accusation`` if scored).  With ``half`` (for example ``"test"``), only
    the rows whose ``half`` (or ``split``, ``set``, ``part``) column, in the table or in an
    ``articles.csv`` or ``texts.csv`` beside it, has that value are kept.  The sentences may be cut
    differently from the tagger's: they are matched by their offsets
    (:func:`align_by_offsets`).  Returns ``(texts by article id, gold table)``.
    """
    from pathlib import Path

    folder = Path(folder)
    table = next((folder / name for name in ("sentences.csv", "gold.csv") if (folder / name).is_file()), None)
    if table is None:
        raise EvaluationError(f"{folder} has no sentences.csv (or gold.csv) with the hand labels.")
    gold = pd.read_csv(table, dtype={"article_id": str, "label": str}, keep_default_na=False)
    if half is not None:
        column = next((c for c in HALF_COLUMNS if c in gold.columns), None)
        for listing in ("articles.csv", "texts.csv"):
            if column is None and (folder / listing).is_file():
                articles = pd.read_csv(folder / listing, dtype=str, keep_default_na=False)
                column = next((c for c in HALF_COLUMNS if c in articles.columns), None)
                if column is not None:
                    gold = gold.merge(articles[["article_id", column]], on="article_id", how="left")
        if column is None:
            raise EvaluationError(f"{folder} does not say which texts are in the {half!r} half "
                                  f"(no column {', '.join(HALF_COLUMNS)}).")
        gold = gold[gold[column].astype(str).str.lower() == half.lower()].reset_index(drop=True)
        if gold.empty:
            raise EvaluationError(f"{folder} has no labelled sentences in the {half!r} half.")
    missing = {"article_id", "start", "end", "label"} - set(gold.columns)
    if missing:
        raise EvaluationError(f"{table} lacks the column(s) {sorted(missing)}.")
    texts = {}
    for article_id in dict.fromkeys(gold["article_id"]):
        for candidate in (folder / f"{article_id}.txt", folder / "raw" / f"{article_id}.txt",
                          folder / "texts" / f"{article_id}.txt"):
            if candidate.is_file():
                texts[article_id] = candidate.read_text(encoding="utf-8")
                break
        else:
            raise EvaluationError(f"No text for {article_id!r} in {folder} (looked for {article_id}.txt and raw/).")
    return texts, gold


def score_labelled(texts: dict, gold: pd.DataFrame) -> dict:
    """Tag each text and score it against hand labels given with offsets (see :func:`load_labelled_folder`).

    Returns ``summary`` (as :func:`evaluate`'s, plus ``accusation_kappa`` when the gold
    has an ``accusation`` column), ``per_label``, ``per_article`` (macro-F1 and
    accuracy of each text) and ``confidence`` (:func:`confidence_table`).

    >>> text = "Officials said the bridge was closed. The bridge must reopen."
    >>> gold = pd.DataFrame({"article_id": ["x", "x"], "start": [0, 38], "end": [37, 61],
    ...                      "label": ["attributed", "advocacy"], "accusation": [0, 0]})
    >>> score_labelled({"x": text}, gold)["summary"]["macro_f1_4"]
    1.0
    """
    predicted, per_article, frames = [], {}, []
    for article_id, part in gold.groupby("article_id", sort=False):
        machine = align_by_offsets(part, tagger.tag_text(texts[article_id], str(article_id)))
        frames.append(machine)
        labels = machine["label"].astype(str).tolist()
        predicted += labels
        g = part["label"].astype(str).tolist()
        per_article[article_id] = {"sentences": len(g), "accuracy": sum(a == b for a, b in zip(g, labels)) / len(g),
                                   "macro_f1_4": macro_f1(g, labels)}
    machine = pd.concat(frames, ignore_index=True)
    g = gold["label"].astype(str).tolist()
    summary = _summary(g, predicted)
    if "accusation" in gold.columns:
        both = accusation_agreement(gold.reset_index(drop=True), machine)
        summary["accusation_kappa"] = both["kappa"]
    return {"summary": summary, "per_label": label_scores(g, predicted),
            "per_article": pd.DataFrame.from_dict(per_article, orient="index"),
            "confidence": confidence_table(g, machine)}
