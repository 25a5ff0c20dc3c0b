"""The foundation: raw texts, gold tables and their validation.

Most tests read the real data in data/; the corruption tests copy it to a
temporary folder, break one thing, and assert validate()'s exact message.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import medialit as ml
from medialit import schema
from medialit.compare import count_words
from medialit.validate import Problem, ValidationError, check_data, segmentation_differences, validate

DATA = ml.corpus.data_dir()
SEEDS = DATA.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def sentences():
    return ml.load_sentences()


@pytest.fixture(scope="module")
def spans():
    return ml.load_spans()


# --- raw texts ---------------------------------------------------------------

def test_manifest_lists_the_five_pieces_in_order():
    manifest = ml.load_manifest()
    assert manifest.article_id.tolist() == list(schema.ARTICLE_IDS)
    assert manifest.seed_file.str[:3].tolist() == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("row", ml.load_manifest().to_dict("records"), ids=lambda r: r["article_id"])
def test_raw_file_matches_its_checksum(row):
    data = (DATA / "raw" / f"{row['article_id']}.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == row["sha256"]
    assert len(data) == row["bytes"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside this clone")
@pytest.mark.parametrize("row", ml.load_manifest().to_dict("records"), ids=lambda r: r["article_id"])
def test_raw_file_is_byte_identical_to_the_seed(row):
    assert (DATA / "raw" / f"{row['article_id']}.txt").read_bytes() == (SEEDS / row["seed_file"]).read_bytes()


# --- sentences ---------------------------------------------------------------

def test_every_sentence_text_is_the_raw_slice(sentences):
    for article, rows in sentences.groupby("article_id", observed=True):
        raw = ml.load_raw(article)
        for row in rows.itertuples():
            assert raw[row.start:row.end] == row.text, row.sent_id


def test_sentences_cover_every_non_blank_character_exactly_once(sentences):
    for article in schema.ARTICLE_IDS:
        raw = ml.load_raw(article)
        count = [0] * len(raw)
        for row in sentences[sentences.article_id == article].itertuples():
            for i in range(row.start, row.end):
                count[i] += 1
        assert all(c == 1 for i, c in enumerate(count) if not raw[i].isspace()), article
        assert all(c <= 1 for c in count), article


def test_sentences_are_in_reading_order_with_consecutive_ids(sentences):
    for article, rows in sentences.groupby("article_id", observed=True, sort=False):
        assert rows.start.is_monotonic_increasing
        assert rows.sent_id.tolist() == [f"{article}-{i:03d}" for i in range(1, len(rows) + 1)]


def test_gold_segmentation_is_the_segmenter_output():
    assert segmentation_differences() == []


def test_every_sentence_has_exactly_one_known_label(sentences):
    assert sentences.label.notna().all()
    assert set(sentences.label) <= set(schema.LABELS)
    for label in ("fact", "attributed", "advocacy", "meta"):
        assert (sentences.label == label).sum() > 0


@pytest.mark.parametrize("column, values", [
    ("role", schema.ROLES), ("label", schema.LABELS),
    ("source_type", schema.SOURCE_TYPES), ("conflict", schema.CONFLICTS),
])
def test_categorical_columns_use_the_codebook_vocabulary(sentences, column, values):
    assert sentences[column].notna().all(), f"{column} has a value outside {values}"
    assert list(sentences[column].cat.categories) == list(values)


def test_meta_exactly_for_page_furniture_roles(sentences):
    is_meta_role = sentences.role.isin(schema.META_ROLES)
    assert (is_meta_role == (sentences.label == "meta")).all()


def test_attributed_sentences_have_source_cue_and_type(sentences):
    attributed = sentences[sentences.label == "attributed"]
    assert (attributed.source != "").all()
    assert (attributed.cue != "").all()
    assert (attributed.source_type != "none").all()
    others = sentences[sentences.label != "attributed"]
    assert (others.source_type == "none").all() and (others.source == "").all()


def test_accusations_name_both_parties_with_known_actors(sentences):
    actors = set(ml.load_actors().actor_id)
    accusations = sentences[sentences.accusation == 1]
    assert len(accusations) > 0
    for row in accusations.itertuples():
        assert row.accused and row.accuser, row.sent_id
        assert set(row.accused.split(";")) <= actors, row.sent_id
        assert set(row.accuser.split(";")) <= actors | {"writer"}, row.sent_id


def test_repeats_point_to_another_sentence_of_the_same_piece(sentences):
    ids = dict(zip(sentences.sent_id, sentences.article_id))
    order = {sid: i for i, sid in enumerate(sentences.sent_id)}
    for row in sentences[sentences.repeats != ""].itertuples():
        assert ids[row.repeats] == row.article_id
        # Pull-quotes and duplicated paragraphs repeat what came before; a subheading may
        # quote a sentence further down (balakot-008 quotes balakot-013).
        if row.role != "subheading":
            assert order[row.repeats] < order[row.sent_id], row.sent_id


def test_every_pullquote_repeats_a_body_sentence(sentences):
    pullquotes = sentences[sentences.role == "pullquote"]
    assert len(pullquotes) > 0 and (pullquotes.repeats != "").all()


def test_the_pullquote_that_drops_an_attribution_is_labelled_by_its_own_words(sentences):
    by_id = sentences.set_index("sent_id")
    dropped = [row.sent_id for row in sentences[sentences.role == "pullquote"].itertuples()
               if by_id.at[row.repeats, "label"] == "attributed" and row.label != "attributed"]
    assert dropped == ["tit-for-tat-033"]
    assert by_id.at["tit-for-tat-033", "accuser"] == "writer"


def test_every_content_sentence_of_a_borderline_kind_has_a_rationale(sentences):
    content = sentences[sentences.label != "meta"]
    assert (content.rationale.str.len() > 0).all()


# --- spans -------------------------------------------------------------------

def test_span_text_is_the_raw_slice_and_inside_its_sentence(spans, sentences):
    by_id = sentences.set_index("sent_id")
    for row in spans.itertuples():
        assert ml.load_raw(row.article_id)[row.start:row.end] == row.text
        sentence = by_id.loc[row.sent_id]
        assert sentence.start <= row.start < row.end <= sentence.end


def test_every_span_kind_is_used_and_naming_referents_are_known(spans):
    assert set(spans.kind.dropna()) == set(schema.SPAN_KINDS)
    referents = set(ml.load_lexicon("naming").referent)
    naming = spans[spans.kind == "naming"]
    assert set(naming.referent) <= referents
    assert (spans[spans.kind != "naming"].referent == "").all()


def test_every_number_span_says_who_supplies_it(spans):
    actors = set(ml.load_actors().actor_id) | {"writer"}
    numbers = spans[spans.kind == "number"]
    assert len(numbers) > 0 and set(numbers.note) <= actors


def test_every_printed_naming_variant_is_marked(spans, sentences):
    """Naming spans are exhaustive: every lexicon variant printed in a content sentence is marked."""
    variants = ml.load_lexicon("naming").variant
    # Variants used in another sense (codebook §8): property, not fighters; the city, not the government.
    other_sense = {("ap-crackdown-005", "assets"), ("tit-for-tat-021", "Kabul"), ("tit-for-tat-033", "Kabul")}
    content = sentences[sentences.label != "meta"]
    marked = spans[spans.kind == "naming"]
    by_sentence = {sent_id: group for sent_id, group in marked.groupby(marked.sent_id.astype(str))}
    for variant in variants:
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, variant.split())) + r"(?![\w-])")
        for row in content.itertuples():
            mine = by_sentence.get(row.sent_id, marked.iloc[:0])
            if (row.sent_id, variant) in other_sense:
                assert mine[mine.text == variant].empty, f"{variant!r} in {row.sent_id} is used in another sense"
                continue
            for match in pattern.finditer(row.text):
                a, b = row.start + match.start(), row.start + match.end()
                assert ((mine.start < b) & (mine.end > a)).any(), f"{variant!r} in {row.sent_id} is not marked"


def test_attribution_cues_in_the_cue_column_are_marked_as_spans(spans, sentences):
    cue_spans = spans[spans.kind == "cue"]
    for row in sentences[(sentences.label == "attributed") & ~sentences.cue.str.startswith("[")].itertuples():
        assert (cue_spans.sent_id == row.sent_id).any(), row.sent_id


# --- other tables ------------------------------------------------------------

def test_actors_have_unique_ids_and_known_kinds():
    actors = ml.load_actors()
    assert actors.actor_id.is_unique
    assert actors.kind.notna().all()


def test_articles_word_count_is_computed_from_body_sentences(sentences):
    articles = ml.load_articles().set_index("article_id")
    body = sentences[sentences.role == "body"]
    for article, rows in body.groupby("article_id", observed=True):
        assert articles.at[article, "word_count"] == sum(count_words(t) for t in rows.text)


def test_articles_say_what_is_missing_and_ask_lateral_reading_questions():
    articles = ml.load_articles()
    assert articles.article_id.tolist() == list(schema.ARTICLE_IDS)
    assert (articles.missing.str.len() > 20).all()
    assert (articles.questions_to_verify.str.count(r"\?") >= 3).all()


def test_articles_fields_printed_on_the_page_occur_in_the_raw_text():
    for row in ml.load_articles().itertuples():
        raw = ml.load_raw(row.article_id)
        for value in (row.headline, row.byline, row.outlet, row.date_printed):
            assert value == "" or value in raw, (row.article_id, value)


def test_frames_cover_four_functions_per_article_with_own_evidence(sentences):
    frames = ml.load_frames()
    assert len(frames) == 4 * len(schema.ARTICLE_IDS)
    assert frames.groupby("article_id").function.nunique().eq(4).all()
    ids = dict(zip(sentences.sent_id, sentences.article_id))
    for row in frames.itertuples():
        evidence = row.evidence.split(";")
        assert evidence and all(ids.get(e) == row.article_id for e in evidence), row


# --- loaders -----------------------------------------------------------------

def test_loader_dtypes(sentences, spans):
    assert isinstance(sentences.label.dtype, pd.CategoricalDtype)
    assert isinstance(sentences.role.dtype, pd.CategoricalDtype)
    assert isinstance(spans.kind.dtype, pd.CategoricalDtype)
    assert str(sentences.start.dtype) == "Int64" and str(sentences.accusation.dtype) == "Int64"
    assert str(ml.load_articles().word_count.dtype) == "Int64"


def test_unknown_article_and_lexicon_give_clear_errors():
    with pytest.raises(ml.DataError, match="No raw text for article id 'nope'. Known ids: militancy-bases"):
        ml.load_raw("nope")
    with pytest.raises(ml.DataError, match="No lexicon called 'nope'. Available: "):
        ml.load_lexicon("nope")
    with pytest.raises(ml.DataError, match="No sentence with id 'balakot-999'"):
        ml.sentence("balakot-999")


def test_missing_data_folder_gives_a_clear_error(tmp_path):
    with pytest.raises(ml.DataError, match="Data folder not found"):
        ml.load_sentences(data_dir=tmp_path / "nowhere")


# --- agreement ---------------------------------------------------------------

def _sample_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("draw_agreement_sample", DATA.parent / "tools" / "draw_agreement_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("round_number, path", [(1, "sample.csv"), (2, "round2/sample.csv"), (3, "round3/sample.csv")])
def test_agreement_samples_are_reproducible_from_their_seeds(round_number, path):
    sample = pd.read_csv(DATA / "agreement" / path, dtype=str, keep_default_na=False)
    drawn = _sample_tool().draw(round_number)
    assert [row[0] for row in drawn] == sample.sent_id.tolist()
    assert not sample.role.isin(schema.META_ROLES).any()
    if round_number < 3:
        assert len(sample) >= 60
    else:  # round 3 is the whole pool of unused sentences
        assert len(sample) == len(_sample_tool().candidates(3)) >= 40


def test_round_two_shares_no_sentence_with_round_one():
    first = set(pd.read_csv(DATA / "agreement" / "sample.csv", dtype=str).sent_id)
    second = set(pd.read_csv(DATA / "agreement" / "round2" / "sample.csv", dtype=str).sent_id)
    assert not first & second


def test_round_three_uses_no_earlier_sentence_and_no_worked_example():
    def ids(path):
        return set(pd.read_csv(DATA / "agreement" / path, dtype=str).sent_id)

    third = ids("round3/sample.csv")
    assert third and not third & (ids("sample.csv") | ids("round2/sample.csv"))
    cited = ids("round3/codebook_examples_at_draw.csv")
    assert {"regional-peace-004", "regional-peace-040", "militancy-bases-056"} <= cited  # full, range, short form
    assert not third & cited


def test_agreement_figures_in_the_readme_match_the_files():
    from medialit.agreement import agreement_report

    report = agreement_report()
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for figure in report.kappa.round(2):
        assert f"{figure:.2f}" in readme


# --- validate on corrupted copies ----------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("user"))
    return target


def _edit_csv(path: Path, line: int, column: str, value: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[line - 2][column] = value
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def test_validate_passes_on_the_real_data():
    assert validate() == []
    check_data()


@pytest.mark.parametrize("file, line, column, value, message", [
    ("sentences.csv", 3, "label", "facts",
     "sentences.csv line 3, column label: unknown value 'facts'; expected one of fact, attributed, advocacy, meta"),
    ("sentences.csv", 3, "accused", "martians",
     "sentences.csv line 3, column accused: unknown actor 'martians' (see actors.csv)"),
    ("sentences.csv", 3, "text", "Pakistan Occupied Kashmir (POK), edited",
     "sentences.csv line 3, column text: text does not match raw[47:216]"),
    ("sentences.csv", 3, "accused", "",
     "sentences.csv line 3, column accused: an accusation needs an accused party"),
    ("sentences.csv", 27, "source", "",
     "sentences.csv line 27, column source: an attributed sentence needs a source"),
    ("sentences.csv", 27, "cue", "",
     "sentences.csv line 27, column cue: an attributed sentence needs a cue"),
    ("sentences.csv", 3, "end", "200",
     "sentences.csv line 4, column start: gap before this sentence: 'militant groups.' belongs to no sentence"),
    ("sentences.csv", 4, "start", "100",
     "sentences.csv line 4, column start: overlaps the previous sentence (ends at 216)"),
    ("spans.csv", 2, "end", "9999",
     "spans.csv line 2, column start: span 19..9999 is outside its sentence militancy-bases-001"),
    ("frames.csv", 2, "evidence", "balakot-001",
     "frames.csv line 2, column evidence: balakot-001 belongs to balakot, not militancy-bases"),
    ("sentences.csv", 2, "role", "furniture",
     "sentences.csv line 2, column label: a furniture sentence must be labelled meta"),
])
def test_validate_names_file_line_and_column(data_copy, file, line, column, value, message):
    _edit_csv(data_copy / file, line, column, value)
    problems = [str(p) for p in validate(data_copy)]
    assert message in problems, problems


def test_validate_reports_an_edited_raw_text(data_copy):
    path = data_copy / "raw" / "balakot.txt"
    path.write_bytes(path.read_bytes().replace(b"Balakot", b"Balakott", 1))
    problems = [str(p) for p in validate(data_copy)]
    assert ("manifest.csv line 5, column sha256: raw/balakot.txt has changed: "
            "the received texts must never be edited") in problems


def test_validate_reports_a_missing_file_and_check_data_raises(data_copy):
    (data_copy / "spans.csv").unlink()
    assert Problem("spans.csv", None, None, "file is missing") in validate(data_copy)
    with pytest.raises(ValidationError, match=r"2 problem\(s\) in the data:\n- spans.csv: is listed in "
                                              r"data/checksums.sha256 but missing.*\n- spans.csv: file is missing"):
        check_data(data_copy)


# --- the checksum manifest and the file format ------------------------------------

UPDATE = "If that change was deliberate, run `.venv/bin/python tools/update_checksums.py`"


def test_every_data_file_is_in_the_checksum_manifest():
    from medialit import checksums

    listed = checksums.read_manifest()
    on_disk = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*")
                     if p.is_file() and p.name != "checksums.sha256" and not p.name.startswith(".")
                     and p.relative_to(DATA).parts[0] != "user")
    assert sorted(listed) == on_disk
    assert checksums.differences() == []


def test_a_flipped_label_that_passes_every_other_rule_is_reported_by_name(data_copy):
    sentences = pd.read_csv(data_copy / "sentences.csv", dtype=str, keep_default_na=False)
    line = int(sentences.index[(sentences.label == "fact") & (sentences.role == "body")][0]) + 2
    _edit_csv(data_copy / "sentences.csv", line, "label", "advocacy")  # a legal value: only the checksum sees it
    problems = [str(p) for p in validate(data_copy)]
    assert problems == [f"sentences.csv: has changed since data/checksums.sha256 was written. {UPDATE} "
                        "and commit data/checksums.sha256 with it"]


def test_an_added_and_a_deleted_file_are_reported(data_copy):
    (data_copy / "lexicons" / "extra.csv").write_text("a\n1\n", encoding="utf-8")
    (data_copy / "samples" / "invented_article.txt").unlink()
    problems = [str(p) for p in validate(data_copy)]
    assert f"lexicons/extra.csv: is not listed in data/checksums.sha256. {UPDATE} and commit " \
           "data/checksums.sha256 with it" in problems
    assert any(p.startswith("samples/invented_article.txt: is listed in data/checksums.sha256 but missing")
               for p in problems)


def test_update_checksums_tool_records_a_deliberate_change_and_refuses_a_broken_folder(data_copy, monkeypatch):
    import subprocess
    import sys

    root = DATA.parent
    env = {**__import__("os").environ, "MEDIALIT_DATA": str(data_copy)}
    path = data_copy / "codebook.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA deliberate addition.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "tools/update_checksums.py"], cwd=root, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "updated: codebook.md." in run.stdout, run.stdout + run.stderr
    assert validate(data_copy) == []
    _edit_csv(data_copy / "sentences.csv", 3, "label", "facts")
    run = subprocess.run([sys.executable, "tools/update_checksums.py"], cwd=root, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "sentences.csv line 3, column label: unknown value 'facts'" in run.stdout
    assert "has changed since" not in run.stdout


def _add_column(data: bytes) -> bytes:
    lines = data.decode("utf-8").splitlines()
    return ("\n".join([lines[0] + ",extra", *(line + "," for line in lines[1:])]) + "\n").encode("utf-8")


def _ragged_line_4(data: bytes) -> bytes:
    lines = data.decode("utf-8").splitlines()
    lines[3] += ",one too many"
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("name, damage, message", [
    ("sentences.csv", lambda b: b"\xef\xbb\xbf" + b,
     "sentences.csv line 1: the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM "
     "(the first column name would not match)"),
    ("actors.csv", _add_column,
     "actors.csv line 1: unexpected column(s): extra; the columns are listed in data/README.md"),
    ("frames.csv", _ragged_line_4,
     "frames.csv line 4: 5 fields, but the header has 4 (a stray comma, or a field with a comma that needs quotes?)"),
    ("spans.csv", lambda b: b[:40] + b"\xff" + b[41:],
     "spans.csv line 1: invalid UTF-8 byte 0xff at byte 40 (column 41); save the file as UTF-8"),
    ("articles.csv", lambda b: b"",
     "articles.csv: the file is empty; it needs at least a header line"),
    ("lexicons/hedges.csv", lambda b: b + b"one,two,three,four,five,six,seven\n", None),
])
def test_a_badly_formed_csv_gets_a_clear_message(data_copy, name, damage, message):
    path = data_copy / name
    path.write_bytes(damage(path.read_bytes()))
    problems = [str(p) for p in validate(data_copy)]
    if message is None:  # a file validate knows only as a CSV: its ragged last line is named
        lines = path.read_bytes().count(b"\n")
        message = f"{name} line {lines}: 7 fields, but the header has"
        assert any(p.startswith(message) for p in problems), problems
    else:
        assert message in problems, problems
    assert f"{name}: has changed since data/checksums.sha256 was written. {UPDATE} and commit " \
           "data/checksums.sha256 with it" in problems


def test_tagger_figures_in_the_readme_match_the_evaluation():
    from medialit.evaluate import evaluate

    result = evaluate()
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    summary = result["summary"]
    rows = {
        "accuracy": summary["accuracy"], "macro-F1, four labels": summary["macro_f1_4"],
        "macro-F1, three content labels (meta left out)": summary["macro_f1_3"],
        "Cohen's kappa": summary["kappa"],
    }
    for name, value in rows.items():
        assert f"| {name} | {value:.2f} |" in readme, name
    for label, scores in result["per_label"].iterrows():
        line = f"| {label} | {scores.precision:.2f} | {scores.recall:.2f} | {scores.f1:.2f} |"
        assert line in readme, line


def test_data_folder_from_the_environment_variable(data_copy, monkeypatch):
    monkeypatch.setenv("MEDIALIT_DATA", str(data_copy))
    assert ml.corpus.data_dir() == data_copy


def test_data_folder_found_above_the_working_directory_for_a_plain_install(data_copy, monkeypatch):
    # A non-editable install has no data/ beside the package; a notebook run inside a
    # copy of the repository still finds it by looking upwards from where it runs.
    monkeypatch.delenv("MEDIALIT_DATA", raising=False)
    monkeypatch.setattr(ml.corpus, "_PACKAGE_ROOT", data_copy.parent / "site-packages")
    notebooks = data_copy.parent / "notebooks"
    notebooks.mkdir()
    monkeypatch.chdir(notebooks)
    assert ml.corpus.data_dir() == data_copy


# --- the codebook's examples agree with the gold data ------------------------

CODEBOOK = (DATA / "codebook.md").read_text(encoding="utf-8")


def test_codebook_label_examples_carry_that_gold_label(sentences):
    section = CODEBOOK[CODEBOOK.index("### Two or more worked examples per label"):CODEBOOK.index("## 4.")]
    labels = dict(zip(sentences.sent_id, sentences.label.astype(str)))
    found = 0
    for block in re.split(r"^- \*\*", section, flags=re.M)[1:]:
        label = block.split("**", 1)[0]
        examples = re.findall(r"^  - `([a-z-]+-\d{3})`", block, flags=re.M)
        assert len(examples) >= 2, f"fewer than two worked examples for {label}"
        for sent_id in examples:
            assert labels[sent_id] == label, f"codebook shows {sent_id} as {label}; the gold says {labels[sent_id]}"
            found += 1
    assert found >= 8


def test_codebook_span_examples_are_gold_spans_of_that_kind(spans):
    section = CODEBOOK[CODEBOOK.index("## 8. Spans"):CODEBOOK.index("## 9.")]
    checked = 0
    for kind in schema.SPAN_KINDS:
        line = next(l for l in section.splitlines() if l.startswith(f"| {kind} |"))
        examples = re.findall(r'"([^"]+)"(?: and "[^"]+")? \(`([a-z-]+-\d{3})`', line)
        assert len(examples) >= 2, f"fewer than two worked examples for {kind}"
        for words, sent_id in examples:
            mine = spans[(spans.sent_id == sent_id) & (spans.kind == kind)]
            assert (mine.text.str.replace("\xa0", " ") == words).any(), f"{words!r} is not a {kind} span of {sent_id}"
            checked += 1
    assert checked >= 12


# --- neutral article ids -------------------------------------------------------

def test_old_one_sided_article_id_appears_only_in_the_changelog():
    """The first piece's old id named the territory in one side's words; it was renamed.

    The old id may appear once: the data dictionary's changelog line that records the rename.
    """
    import subprocess
    root = DATA.parent
    old = "pok" + "-bases"  # spelled in two parts so this file does not count itself
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True)
        files = [root / name for name in listed.stdout.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        files = [p for p in root.rglob("*") if p.is_file() and ".venv" not in p.parts and ".git" not in p.parts]
    hits = []
    for path in files:
        if old in path.name.lower():
            hits.append(f"{path.relative_to(root)} (file name)")
        if not path.is_file():
            continue
        for number, line in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), 1):
            if old in line.lower() or ("pok" + "_") in line.lower():
                hits.append(f"{path.relative_to(root)}:{number}")
    changelog = [h for h in hits if h.startswith("data/README.md:")]
    assert len(changelog) == 1, hits
    line = (root / "data" / "README.md").read_text(encoding="utf-8").splitlines()[int(changelog[0].split(":")[1]) - 1]
    assert "renamed" in line and "militancy-bases" in line
    assert "## Changelog" in (root / "data" / "README.md").read_text(encoding="utf-8")
    assert hits == changelog, hits


# --- timeline ---------------------------------------------------------------------

def test_timeline_evidence_ids_exist_and_every_date_is_derived_or_cited(sentences):
    timeline = pd.read_csv(DATA / "timeline.csv", dtype=str, keep_default_na=False)
    assert list(timeline.columns) == ["event_id", "date", "event", "mentioned_in", "date_basis", "source"]
    assert timeline.event_id.is_unique
    known = set(sentences.sent_id)
    for row in timeline.itertuples():
        ids = [i.strip() for i in row.mentioned_in.split(";")]
        assert ids and set(ids) <= known, f"{row.event_id}: unknown sentence id(s) {set(ids) - known}"
        assert re.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?", row.date), f"{row.event_id}: date {row.date!r}"
        if row.date_basis == "cited":
            assert row.source.startswith("http"), f"{row.event_id}: a cited date needs a source URL"
        else:
            assert row.date_basis.startswith(("text:", "not printed")) and not row.source, row.event_id
            assert row.date_basis.startswith("not printed") == (row.date == ""), row.event_id
            for quoted in re.findall(r"\b[a-z]+(?:-[a-z]+)*-\d{3}\b", row.date_basis):
                assert quoted in known, f"{row.event_id}: {quoted} in date_basis does not exist"


def test_every_piece_has_a_probable_date_from_its_own_sentences():
    articles = ml.load_articles()
    assert (articles.probable_date != "").all() and (articles.standpoint_short != "").all()
    for row in articles.itertuples():
        ids = row.probable_date_evidence.split(";")
        assert ids and all(i.startswith(row.article_id + "-") for i in ids)
