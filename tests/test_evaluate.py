"""Tests for medialit.evaluate: agreement between the tagger and the gold labels."""

import pandas as pd
import pytest

from medialit import corpus, schema
from medialit.evaluate import (
    CONTENT_LABELS, EvaluationError, cohen_kappa, compare_labels, confusion_matrix, disagreements,
    evaluate, label_scores, leave_one_article_out, macro_f1,
)

GOLD = ["fact", "fact", "fact", "attributed", "attributed", "advocacy", "advocacy", "meta", "meta", "fact"]
PRED = ["fact", "fact", "advocacy", "attributed", "fact", "advocacy", "advocacy", "meta", "fact", "fact"]


def test_kappa_against_hand_computed_example():
    # 2 raters, 10 items. Observed agreement p_o = 7/10.
    # Gold counts: fact 4, attributed 2, advocacy 2, meta 2; predicted: fact 5, attributed 1, advocacy 3, meta 1.
    # p_e = (4*5 + 2*1 + 2*3 + 2*1) / 100 = 30/100.  kappa = (0.70 - 0.30) / (1 - 0.30) = 0.4/0.7.
    assert cohen_kappa(GOLD, PRED) == pytest.approx(0.4 / 0.7)


def test_kappa_textbook_two_by_two():
    # Classic table: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o 0.7, p_e 0.5, kappa 0.4.
    gold = ["y"] * 25 + ["n"] * 25
    pred = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    assert cohen_kappa(gold, pred) == pytest.approx(0.4)


def test_kappa_perfect_and_chance_level():
    assert cohen_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "a", "b"]) == pytest.approx(0.0)


def test_per_label_precision_recall_f1_by_hand():
    scores = label_scores(GOLD, PRED)
    # fact: predicted 5, of which 3 right; gold 4 -> P 0.6, R 0.75, F1 2*0.6*0.75/1.35 = 2/3
    assert scores.loc["fact", "precision"] == pytest.approx(0.6)
    assert scores.loc["fact", "recall"] == pytest.approx(0.75)
    assert scores.loc["fact", "f1"] == pytest.approx(2 / 3)
    # meta: predicted once, right; gold 2 -> P 1, R 0.5
    assert scores.loc["meta", ["precision", "recall"]].tolist() == [1.0, 0.5]
    # advocacy: predicted 3, 2 right; gold 2 -> P 2/3, R 1, F1 0.8
    assert scores.loc["advocacy", "f1"] == pytest.approx(0.8)
    assert scores.index.tolist() == list(schema.LABELS)


def test_macro_f1_four_and_three_labels():
    scores = label_scores(GOLD, PRED)
    assert macro_f1(GOLD, PRED) == pytest.approx(scores["f1"].mean())
    assert macro_f1(GOLD, PRED, CONTENT_LABELS) == pytest.approx(scores.loc[list(CONTENT_LABELS), "f1"].mean())


def test_macro_f1_skips_labels_absent_from_both():
    assert macro_f1(["fact", "fact"], ["fact", "fact"]) == 1.0


def test_confusion_matrix_shape_and_counts():
    table = confusion_matrix(GOLD, PRED)
    assert table.shape == (4, 4)
    assert table.index.tolist() == list(schema.LABELS) == table.columns.tolist()
    assert table.to_numpy().sum() == len(GOLD)
    assert table.loc["meta", "fact"] == 1 and table.loc["fact", "advocacy"] == 1
    assert table.to_numpy().trace() == 7


def test_confusion_matrix_keeps_unknown_labels_visible():
    table = confusion_matrix(["fact"], ["opinion"])
    assert table.shape == (5, 5) and table.loc["fact", "opinion"] == 1


@pytest.mark.parametrize("gold, pred, message", [
    (["fact"], ["fact", "fact"], "same sentences"),
    ([], [], "no labels"),
])
def test_bad_inputs_raise_evaluation_error(gold, pred, message):
    with pytest.raises(EvaluationError, match=message):
        cohen_kappa(gold, pred)


def test_compare_labels_rejects_mismatched_tables():
    gold = pd.DataFrame({"article_id": ["a"], "sent_id": ["a-001"], "role": ["body"], "text": ["x"],
                         "label": ["fact"], "rationale": [""]})
    pred = pd.DataFrame({"sent_id": ["a-002"], "label": ["fact"], "role": ["body"], "rationale": [""]})
    with pytest.raises(EvaluationError, match="only one table"):
        compare_labels(gold, pred)
    with pytest.raises(EvaluationError, match="lacks"):
        compare_labels(gold, pred.drop(columns="label"))


def test_disagreements_are_exactly_the_mismatches():
    both = compare_labels()
    table = disagreements(both)
    assert len(table) == int((both["gold"] != both["predicted"]).sum())
    assert list(table.columns) == ["sent_id", "gold", "predicted", "text", "rationale", "gold_rationale"]
    gold_text = corpus.load_sentences().set_index("sent_id")["text"]
    assert all(gold_text[r.sent_id] == r.text for r in table.itertuples())


def test_evaluate_summary_is_consistent_with_its_parts():
    both = compare_labels()
    result = evaluate(both)
    summary = result["summary"]
    assert summary["sentences"] == len(corpus.load_sentences())
    assert summary["macro_f1_4"] == pytest.approx(result["per_label"]["f1"].mean())
    assert summary["accuracy"] == pytest.approx(result["confusion"].to_numpy().trace() / summary["sentences"])
    assert 0 <= summary["macro_f1_3"] <= 1 and -1 <= summary["kappa"] <= 1


def test_leave_one_article_out_has_one_row_per_article():
    table = leave_one_article_out()
    assert table.index.tolist() == corpus.article_ids() + ["mean", "min"]
    per_article = table.iloc[:-2]
    assert table.loc["mean", "macro_f1_4"] == pytest.approx(per_article["macro_f1_4"].mean())
    assert table.loc["min", "kappa"] == pytest.approx(per_article["kappa"].min())
    assert table.loc["mean", "sentences"] == len(corpus.load_sentences())


def test_the_data_dictionary_reports_the_figures_the_code_computes():
    """data/README.md's tagger tables are what the code computes now (rounded to two places)."""
    import re

    from medialit import evaluate

    text = (corpus.data_dir() / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## The rule tagger"):text.index("**Which figures")]
    table = dict(re.findall(r"^\| ([^|]+?) \| (\d\.\d\d) \|$", section, flags=re.M))
    summary = evaluate.evaluate()["summary"]
    assert float(table["accuracy"]) == round(summary["accuracy"], 2)
    assert float(table["macro-F1, four labels"]) == round(summary["macro_f1_4"], 2)
    assert float(table["macro-F1, three content labels (meta left out)"]) == round(summary["macro_f1_3"], 2)
    assert float(table["Cohen's kappa"]) == round(summary["kappa"], 2)
    assert float(table["accusation kappa"]) == round(evaluate.accusation_agreement()["kappa"], 2)
    per_label = evaluate.evaluate()["per_label"].round(2)
    for label, p, r, f in re.findall(r"^\| (fact|attributed|advocacy|meta) \| (\S+) \| (\S+) \| (\S+) \|$", section, re.M):
        assert [float(p), float(r), float(f)] == per_label.loc[label, ["precision", "recall", "f1"]].tolist()


def test_labelled_folder_is_scored_by_offsets_and_split_by_half(tmp_path):
    from medialit import evaluate

    raw = "Ferry talks\n\nOfficials said the ferry would run again. The port must reopen now.\n"
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "ferry.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "raw" / "bridge.txt").write_text("The bridge was closed in May.\n", encoding="utf-8")
    # hand sentences cut differently: the two body sentences as one unit
    rows = [("ferry", 0, 11, "fact", 0, "test"), ("ferry", 13, len(raw) - 1, "attributed", 0, "test"),
            ("bridge", 0, 29, "fact", 0, "dev")]
    pd.DataFrame(rows, columns=["article_id", "start", "end", "label", "accusation", "half"]).to_csv(
        tmp_path / "sentences.csv", index=False)
    texts, gold = evaluate.load_labelled_folder(tmp_path, half="test")
    assert sorted(texts) == ["ferry"] and len(gold) == 2
    result = evaluate.score_labelled(texts, gold)
    assert result["summary"]["sentences"] == 2 and result["summary"]["accuracy"] == 1.0
    assert "accusation_kappa" in result["summary"]
    with pytest.raises(evaluate.EvaluationError, match="no labelled sentences"):
        evaluate.load_labelled_folder(tmp_path, half="other")
    with pytest.raises(evaluate.EvaluationError, match="no sentences.csv"):
        evaluate.load_labelled_folder(tmp_path / "raw")
