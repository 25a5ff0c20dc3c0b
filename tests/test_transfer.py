"""The invented transfer texts (issue 11 §4): loader, validation, split, second-pass tools."""

from __future__ import annotations

import csv
import re
import shutil

import pandas as pd
import pytest

import medialit as ml
from medialit import schema
from medialit.agreement import transfer_agreement, transfer_sample
from medialit.segment import split_sentences
from medialit.validate import validate

DATA = ml.corpus.data_dir()
TRANSFER = DATA / "transfer"


@pytest.fixture(scope="module")
def gold():
    return ml.load_transfer()


def test_same_columns_as_the_five_plus_the_split(gold):
    assert list(gold.columns) == [*schema.SENTENCE_COLUMNS, "split"]
    assert gold.split.notna().all()
    assert set(ml.load_transfer("dev").article_id).isdisjoint(ml.load_transfer("test").article_id)
    assert len(ml.load_transfer("dev")) + len(ml.load_transfer("test")) == len(gold)


def test_at_least_four_texts_and_every_label_in_both_halves(gold):
    assert gold.article_id.nunique() >= 4
    for half in ("dev", "test"):
        labels = set(gold[gold.split == half].label.astype(str))
        assert labels == set(schema.LABELS), half
        assert (gold[gold.split == half].accusation == 1).sum() >= 10


def test_every_text_is_marked_invented_and_names_no_real_party(gold):
    real = set()
    for aliases in ml.load_actors().aliases:
        real |= {a.strip() for a in aliases.split(";") if len(a.strip()) > 3 and a.strip()[0].isupper()}
    for article in gold.article_id.unique():
        raw = ml.load_transfer_raw(article)
        assert raw.startswith("INVENTED TEXT"), article
        found = [name for name in real if re.search(rf"\b{re.escape(name)}\b", raw)]
        assert found == [], (article, found)
        assert gold[gold.article_id == article].iloc[0].role == "disclaimer"


def test_the_units_are_the_package_segmentation(gold):
    for article, rows in gold.groupby("article_id", sort=False):
        produced = [(s.start, s.end) for s in split_sentences(ml.load_transfer_raw(article))]
        assert produced == list(zip(rows.start, rows.end)), (
            f"{article}: medialit.segment no longer gives the units the transfer gold was frozen on")


def test_rationales_start_with_the_deciding_rule(gold):
    assert gold.rationale.str.match(r"^L[1-5]\b").all()


def test_unknown_split_is_refused():
    with pytest.raises(ml.DataError, match="split must be"):
        ml.load_transfer("train")
    with pytest.raises(ml.DataError, match="Known ids: halvik-wire"):
        ml.load_transfer_raw("nope")


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("user"))
    return target


def _edit(path, line, column, value):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[line - 2][column] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _problems(folder):
    return [str(p) for p in validate(folder) if "checksums.sha256" not in str(p)]


def test_validation_names_transfer_problems(data_copy):
    sentences = data_copy / "transfer" / "sentences.csv"
    _edit(sentences, 5, "accused", "pakistan")
    _edit(sentences, 6, "text", "changed")
    _edit(sentences, 7, "label", "facts")
    _edit(data_copy / "transfer" / "texts.csv", 2, "split", "train")
    problems = _problems(data_copy)
    assert "transfer/sentences.csv line 5, column accused: unknown actor 'pakistan' (see actors.csv)" in problems
    assert "transfer/sentences.csv line 6, column text: text does not match raw[" in " ".join(problems)
    assert any(p.startswith("transfer/sentences.csv line 7, column label: unknown value 'facts'") for p in problems)
    assert any(p.startswith("transfer/texts.csv line 2, column split: unknown value 'train'") for p in problems)


def test_validation_sees_an_uncovered_raw_text(data_copy):
    raw = data_copy / "transfer" / "raw" / "ledger-oped.txt"
    raw.write_text(raw.read_text(encoding="utf-8") + "\nAn added line.\n", encoding="utf-8")
    assert _problems(data_copy) == [
        "transfer/sentences.csv: ledger-oped: text after the last sentence is not covered: 'An added line.'"]


def test_the_agreement_sample_is_every_content_sentence_without_labels(gold):
    stored = pd.read_csv(TRANSFER / "agreement" / "sample.csv", dtype=str, keep_default_na=False)
    pd.testing.assert_frame_equal(stored, transfer_sample())
    content = gold[~gold.role.isin(schema.META_ROLES)]
    assert stored.sent_id.tolist() == content.sent_id.tolist()
    assert (stored[["label", "accusation", "accuser", "accused", "rationale"]] == "").all().all()


def test_transfer_kappa_against_a_second_pass(gold):
    content = gold[gold.label != "meta"][["sent_id", "label", "accusation"]].astype(str).reset_index(drop=True)
    assert transfer_agreement(content).kappa.tolist() == [1.0] * 6
    changed = content.copy()
    changed.loc[changed.label == "fact", "label"] = "advocacy"
    report = transfer_agreement(changed)
    assert report.loc[("all", "label"), "kappa"] < 0.9
    assert report.loc[("all", "accusation"), "kappa"] == 1.0
    with pytest.raises(ValueError, match="no label for 1 sentence"):
        transfer_agreement(content.iloc[1:])
    bad = content.copy()
    bad.loc[0, "label"] = "opinion"
    with pytest.raises(ValueError, match="Labels must be one of"):
        transfer_agreement(bad)


def test_the_data_dictionary_records_the_split_and_the_freeze(gold):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Transfer texts", 1)[1].split("\n## ", 1)[0]
    assert re.search(r"\b[0-9a-f]{40}\b", section)
    for row in ml.load_transfer_texts().itertuples():
        assert re.search(rf"`{row.article_id}`.*\|\s*{row.split}\s*\|", section), row.article_id


def test_the_sentence_counts_in_the_data_dictionary_match(gold):
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Transfer texts", 1)[1].split("\n## ", 1)[0]
    for article, rows in gold.groupby("article_id"):
        line = next(x for x in section.splitlines() if x.startswith(f"| `{article}` |"))
        assert line.endswith(f"| {len(rows)} |"), line


SECOND_PASS = TRANSFER / "agreement" / "second_pass.csv"


def test_the_second_pass_labels_every_sampled_sentence_with_valid_values():
    sample = pd.read_csv(TRANSFER / "agreement" / "sample.csv", dtype=str, keep_default_na=False)
    second = pd.read_csv(SECOND_PASS, dtype=str, keep_default_na=False)
    assert list(second.columns) == list(sample.columns)
    pd.testing.assert_frame_equal(second[["sent_id", "role", "text"]], sample[["sent_id", "role", "text"]])
    actors = set(pd.read_csv(TRANSFER / "actors.csv", dtype=str).actor_id) | {"writer"}
    for row in second.itertuples():
        assert row.label in schema.LABELS, (row.sent_id, row.label)
        assert row.accusation in ("0", "1"), (row.sent_id, row.accusation)
        parties = [p for column in (row.accuser, row.accused) for p in column.split(";") if p]
        if row.accusation == "1":
            assert row.accuser and row.accused, row.sent_id
            assert set(parties) <= actors, (row.sent_id, set(parties) - actors)
        else:
            assert parties == [], row.sent_id
        # the deciding rule first: L1–L5, or the codebook's tie-break (§3)
        assert re.match(r"(L[1-5]\b|Tie-break:)", row.rationale), (row.sent_id, row.rationale[:40])


def _agreement_rows():
    report = transfer_agreement()
    return [f"| {subset} | {field} | {int(row.n)} | {row.agreement:.2f} | {row.kappa:.2f} |"
            for (subset, field), row in report.iterrows()]


def test_the_transfer_agreement_figures_in_both_readmes_match_the_files():
    rows = _agreement_rows()
    assert len(rows) == 6
    for readme in (DATA / "README.md", TRANSFER / "agreement" / "README.md"):
        text = readme.read_text(encoding="utf-8")
        for line in rows:
            assert line in text, f"{readme.relative_to(DATA.parent)} lacks {line!r}; recompute with transfer_agreement()"


def test_where_the_two_passes_differ_lists_exactly_the_disagreements(gold):
    second = pd.read_csv(SECOND_PASS, dtype=str, keep_default_na=False).set_index("sent_id")
    first = gold.set_index("sent_id").loc[second.index]
    differ = {field: {i for i in second.index if str(first.at[i, field]) != second.at[i, field]}
              for field in ("label", "accusation")}
    text = (TRANSFER / "agreement" / "README.md").read_text(encoding="utf-8")
    section = text.split("## Where the two passes differ", 1)[1]
    labels, accusations = section.split("**Accusations", 1)
    listed = {name: set(re.findall(r"^\| ([a-z-]+-\d{3}) \|", part, flags=re.M))
              for name, part in (("label", labels), ("accusation", accusations))}
    assert listed == differ
    assert f"**Labels ({len(differ['label'])}," in section
    assert f"**Accusations ({len(differ['accusation'])};" in section
