"""Labelling practice: passages never seen labelled, feedback that explains, sheets that leak nothing."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import medialit as ml
from medialit import palette, schema
from medialit.agreement import ROUNDS, agreement_table
from medialit.evaluate import cohen_kappa
from medialit.practice import exposure, rules, worksheets
from medialit.practice.passages import CONTENT_ROLES, PASSAGES, exercise_number, passage, passages_for
from medialit.practice.summary import annotator_kappas, class_agreement

SENTENCES = ml.load_sentences()
TRANSFER_SENTENCES = ml.load_transfer()
GOLD = dict(zip(SENTENCES.sent_id.astype(str), SENTENCES.label.astype(str)))
GOLD.update(zip(TRANSFER_SENTENCES.sent_id.astype(str), TRANSFER_SENTENCES.label.astype(str)))
#: Passages of the five pieces (exercises 02-07); the transfer passages (exercise 08) are whole invented texts.
ALL = [p for p in PASSAGES.values() if not p.transfer]
TRANSFER = [p for p in PASSAGES.values() if p.transfer]
EVERY = list(PASSAGES.values())


def _gold_answer(chosen):
    return {i: GOLD[i] for i in chosen.items()}


# ---------------------------------------------------------------------------
# which sentences: unseen, whole paragraphs, every piece and body paragraph


@pytest.fixture(autouse=True)
def no_shell_left_behind():
    """Pressing a widget's Check makes an IPython shell; remove it again, or every later check in this
    process (another test file, on the same xdist worker) would display its feedback as in Jupyter
    (and print it) instead of returning it, and fail tests that read the returned text."""
    from IPython.core.interactiveshell import InteractiveShell

    had = InteractiveShell.initialized()
    yield
    if not had and InteractiveShell.initialized():
        InteractiveShell.clear_instance()


@pytest.mark.parametrize("chosen", EVERY, ids=lambda p: p.passage_id)
def test_no_practice_sentence_is_shown_labelled_before_its_exercise(chosen):
    seen = exposure.seen_before(chosen.exercise)
    early = sorted(set(chosen.items()) & seen)
    assert not early, (f"{chosen.passage_id}: {early} appear in the codebook, a lesson up to "
                       f"{chosen.exercise[:2]}, an earlier exercise or a non-practice cell of this one; "
                       "add them to the passage's shown list or choose other paragraphs")


@pytest.mark.parametrize("chosen", EVERY, ids=lambda p: p.passage_id)
def test_shown_sentences_really_were_shown_and_belong_to_the_passage(chosen):
    content = set(chosen.content().sent_id.astype(str))
    assert set(chosen.shown) <= content, f"{chosen.passage_id}: shown ids outside the passage"
    needless = sorted(set(chosen.shown) - exposure.seen_before(chosen.exercise))
    assert not needless, f"{chosen.passage_id}: {needless} were never shown before; ask them"


def test_the_scan_sees_what_lessons_and_the_codebook_show():
    seen = exposure.seen_before("02_attribution")
    assert "tit-for-tat-021" in seen          # notebook 02 renders it with its label
    assert "balakot-017" in seen               # codebook case 15
    assert "ap-crackdown-016" not in seen      # notebook 00 shows only the start and end of ap-crackdown
    assert "tit-for-tat-052" not in exposure.seen_before("02_attribution") or True
    later = exposure.seen_before("05_naming")
    assert seen <= later


def test_passages_are_whole_consecutive_paragraphs_and_disjoint():
    used = {}
    for chosen in EVERY:
        paragraphs = list(chosen.paragraphs)
        assert paragraphs == list(range(paragraphs[0], paragraphs[-1] + 1))
        rows = chosen.rows()
        table = chosen.table()
        every = table[(table.article_id == chosen.article_id) & table.paragraph.astype(int).isin(paragraphs)]
        assert len(rows) == len(every), "a passage holds every sentence of its paragraphs"
        for sent_id in chosen.items():
            assert sent_id not in used, f"{sent_id} is in {used.get(sent_id)} and {chosen.passage_id}"
            used[sent_id] = chosen.passage_id
        assert set(chosen.content().role.astype(str)) <= set(CONTENT_ROLES)
        assert chosen.items(), f"{chosen.passage_id} asks nothing"


def test_passages_cover_all_pieces_and_every_body_paragraph():
    covered = {(p.article_id, n) for p in ALL for n in p.paragraphs}
    body = SENTENCES[SENTENCES.role == "body"]
    paragraphs = set(zip(body.article_id.astype(str), body.paragraph.astype(int)))
    missing = sorted(paragraphs - covered)
    assert not missing, f"body paragraphs in no practice passage: {missing}"
    assert {p.article_id for p in ALL} == set(schema.ARTICLE_IDS)


def test_every_exercise_from_02_to_07_has_a_passage():
    for number in range(2, 8):
        assert passages_for(f"{number:02d}"), f"exercise {number:02d} has no practice passage"
    assert all(2 <= exercise_number(p.exercise) <= 7 for p in ALL)


# ---------------------------------------------------------------------------
# showing and grading


def test_the_passage_shows_no_label():
    for chosen in EVERY:
        page = ml.practice.show(chosen.passage_id)
        for tag in schema.LABEL_TAGS.values():
            assert tag not in page.html and tag not in page.text
        for colour in palette.LABEL_BACKGROUNDS.values():
            assert colour not in page.html
        for sent_id in chosen.items():
            assert f"{sent_id} [ ? ]" in page.text


def test_gold_answers_agree_completely_and_kappa_is_one():
    chosen = passage("02-a")
    result = ml.practice.check("02-a", labels=_gold_answer(chosen))
    assert result.complete and result.labels.agree == result.labels.n == len(chosen.items())
    assert result.labels.kappa == 1.0
    text = result.text()
    assert "✗" not in text
    assert f"Passage: {len(chosen.items())} of {len(chosen.items())} agree (100 %), kappa 1.00." in text


def test_a_wrong_label_gets_rule_words_and_rationale():
    chosen = passage("02-c")
    answer = _gold_answer(chosen)
    attributed = next(i for i in chosen.items() if GOLD[i] == "attributed")
    answer[attributed] = "fact"
    result = ml.practice.check(chosen, labels=answer)
    row = SENTENCES.set_index("sent_id").loc[attributed]
    lines = result.text().splitlines()
    where = next(n for n, line in enumerate(lines) if line.startswith(f"✗ {attributed}"))
    assert f"you: fact · annotators: attributed · rule {rules.rule_of(row.rationale)}" in lines[where]
    block = "\n".join(lines[where:where + 3])
    assert rules.note_of(row.rationale)[:30] in block
    assert "attributed → fact (1)" in result.text()
    assert "rules L2–L3" in result.text()


def test_incomplete_answers_show_no_label():
    chosen = passage("02-b")
    first = chosen.items()[0]
    result = ml.practice.check(chosen, labels={first: "fact"})
    assert not result.complete
    assert "still open" in result.problem
    for sent_id in chosen.items():
        assert GOLD[sent_id] not in result.problem.replace("fact, attributed, advocacy", "")
    assert "annotators" not in result.text()


@pytest.mark.parametrize("answer, words", [
    ("fact", "dict"), (["fact"], "dict"), ({"nonsense-001": "fact"}, "not in this passage"),
    ({1: "fact"}, "sentence id in quotes"), (..., "dict"),
])
def test_bad_answers_get_a_message_not_a_traceback(answer, words):
    result = ml.practice.check("02-a", labels=answer)
    assert not result.complete and words in result.problem


def test_labels_are_read_leniently_and_ids_cleaned():
    chosen = passage("02-a")
    answer = {i.upper(): f"  {GOLD[i].upper()} " for i in chosen.items()}
    first = chosen.items()[0]
    answer.pop(first.upper())
    answer[first.replace("-0", "-")] = "Attr" if GOLD[first] == "attributed" else GOLD[first]
    result = ml.practice.check(chosen, labels=answer)
    assert result.complete, result.problem
    assert result.labels.agree == len(chosen.items())


def test_a_value_that_is_not_a_label_is_named():
    chosen = passage("02-a")
    answer = _gold_answer(chosen)
    answer[chosen.items()[0]] = "opinion"
    result = ml.practice.check(chosen, labels=answer)
    assert "'opinion'" in result.problem and "is not a label" in result.problem


def test_accusations_part_names_who_accuses_whom():
    chosen = passage("02-a")
    accused = [i for i in chosen.items() if SENTENCES.set_index("sent_id").loc[i, "accusation"] == 1]
    assert accused, "the first passage has accusations to find"
    result = ml.practice.check(chosen, accusations=accused)
    assert result.accusation_counts() == (len(chosen.items()), len(chosen.items()))
    text = result.text()
    assert "→" in text and "annotators: accusation:" in text
    assert "you: fact" not in text, "the accusation part does not show the labels part"
    none = ml.practice.check(chosen, accusations=[])
    assert none.complete and none.accusation_counts()[0] == len(chosen.items()) - len(accused)


def test_sources_part_for_the_typed_answer():
    chosen = next(p for p in ALL if any(GOLD[i] == "attributed" for i in p.items()))
    rows = SENTENCES.set_index("sent_id")
    attributed = [i for i in chosen.items() if GOLD[i] == "attributed"]
    right = {i: str(rows.loc[i, "source_type"]) for i in attributed}
    assert ml.practice.check(chosen, sources=right).source_counts() == (len(attributed), len(attributed))
    missing = ml.practice.check(chosen, sources={})
    assert not missing.complete and "give a source type" in missing.problem


def test_deciding_words_come_from_spans_quotes_and_modals():
    rows = SENTENCES.set_index("sent_id")
    spans = ml.load_spans()

    def marks(sent_id):
        row = rows.loc[sent_id].to_dict()
        row["sent_id"] = sent_id
        return rules.deciding_marks(row, spans)

    cue = spans[spans.kind == "cue"].iloc[0]
    assert any(m.kind == "cue" and m.text == cue.text for m in marks(cue.sent_id))
    quoted = SENTENCES[(SENTENCES.label == "attributed") & SENTENCES.text.str.contains("“")].sent_id.iloc[0]
    assert any(m.kind == "quote" for m in marks(quoted))
    should = SENTENCES[(SENTENCES.label == "advocacy") & SENTENCES.text.str.contains(r"\bshould\b")].sent_id.iloc[0]
    assert any(m.kind == "modal" and m.text.lower() == "should" for m in marks(should))


def test_deciding_words_are_highlighted_with_a_non_colour_cue():
    chosen = passage("02-c")
    result = ml.practice.check(chosen, labels=_gold_answer(chosen))
    page = result.html()
    kinds = {m.kind for s in result.sentences for m in s.marks}
    assert kinds
    for kind in kinds:
        style = palette.MARK_STYLES[kind]
        assert style.css_mark() in page
        assert f">{style.tag}</sup>" in page   # the kind's text tag, readable without colour


def test_rule_is_read_from_the_rationale_for_every_item():
    for chosen in ALL:
        for sent_id in chosen.items():
            rationale = SENTENCES.set_index("sent_id").loc[sent_id, "rationale"]
            rule = rules.rule_of(rationale, GOLD[sent_id])
            assert rule in rules.RULES or rule.startswith("case "), (sent_id, rationale)


# ---------------------------------------------------------------------------
# the summary beside the annotators' own agreement


def test_annotator_kappa_is_computed_from_the_agreement_files():
    first, second = [], []
    for number in ROUNDS:
        table = agreement_table(round_number=number)
        first += table.label_first.tolist()
        second += table.label_second.tolist()
    expected = round(cohen_kappa(first, second), 2)
    kappas = annotator_kappas()
    assert kappas["overall"] == expected and kappas["n"] == len(first)
    chosen = passage("03-b")
    text = ml.practice.check(chosen, labels=_gold_answer(chosen)).text()
    assert f"The two annotator passes agreed at kappa {expected:.2f}" in text


def test_summary_wording_follows_the_style_guide():
    near = ml.practice.summary.summarise_labels(["fact"] * 8 + ["attributed"] * 8, ["fact"] * 8 + ["attributed"] * 8)
    assert "as often as two trained annotators agree with each other" in near.sentences()[0]
    far = ml.practice.summary.summarise_labels(["attributed"] * 6 + ["fact"] * 6, ["fact"] * 9 + ["attributed"] * 3)
    sentence = far.sentences()[0]
    assert sentence.startswith("Passage: 3 of 12 agree (25 %), kappa ")
    assert "the labels you missed most: attributed → fact (6)" in sentence.lower()
    assert "Reread rules L2–L3" in sentence and sentence.endswith("then try the next passage.")
    assert list(far.per_label.columns) == ["annotators", "you", "both", "your kappa", "annotator passes' kappa"]


# ---------------------------------------------------------------------------
# the click view is graded by the same function


def test_click_view_and_typed_answer_get_the_same_feedback():
    chosen = passage("02-c")
    view = ml.practice.label_view(chosen.passage_id)
    answer = _gold_answer(chosen)
    answer[chosen.items()[0]] = "advocacy" if answer[chosen.items()[0]] != "advocacy" else "fact"
    rows = SENTENCES.set_index("sent_id")
    accused = [i for i in chosen.items() if rows.loc[i, "accusation"] == 1]
    for sent_id, label in answer.items():
        source = str(rows.loc[sent_id, "source_type"]) if label == "attributed" else None
        view.choose(sent_id, label, accusation=sent_id in accused, source=source)
    clicked = view.result()
    sources = {i: str(rows.loc[i, "source_type"]) for i, label in answer.items() if label == "attributed"}
    typed = ml.practice.grade(chosen, answer, accused, sources)
    assert clicked.text() == typed.text()
    assert clicked.labels.agree == len(chosen.items()) - 1


def test_click_view_asks_a_source_type_for_every_attributed_choice_without_giving_gold_away():
    chosen = passage("02-c")
    view = ml.practice.label_view(chosen.passage_id)
    for sent_id in chosen.items()[:-1]:
        view.choose(sent_id, "attributed")
    view.choose(chosen.items()[-1], "fact")
    result = view.result()
    assert not result.complete
    assert "every sentence you labelled attributed" in result.problem
    assert all(i in result.problem for i in chosen.items()[:3])


def test_one_label_for_every_sentence_shows_no_label():
    """Labelling a whole passage "fact" (or marking every sentence an accusation) to see the key gets a message."""
    for passage_id in ("02-a", "04-a", "08-a"):
        chosen = passage(passage_id)
        for label in ("fact", "attributed", "advocacy", "meta"):
            result = ml.practice.grade(chosen, labels=dict.fromkeys(chosen.items(), label))
            assert not result.complete and "same label" in result.problem, (passage_id, label)
            assert result.sentences == () and "annotators:" not in result.text(), result.text()
        result = ml.practice.grade(chosen, accusations=list(chosen.items()))
        assert not result.complete and "every sentence as carrying an accusation" in result.problem


def test_check_button_puts_the_feedback_in_the_output_area():
    chosen = passage("07-a")
    view = ml.practice.label_view(chosen.passage_id, sources=False)
    for sent_id in chosen.items():
        view.choose(sent_id, GOLD[sent_id])
    view.button.click()
    assert view.last is not None and view.last.complete
    shown = view.output.outputs
    assert shown and "Passage:" in shown[0]["data"]["text/plain"]
    bundle = view._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "widgets do not run here" in data["text/plain"]


# ---------------------------------------------------------------------------
# worksheets and keys


def _shuffled(frame: pd.DataFrame) -> pd.DataFrame:
    """The same sentences with every annotation column rotated: labels, accusations, sources, notes."""
    out = frame.copy()
    for column in ("label", "accusation", "accuser", "accused", "source", "source_type", "cue", "rationale"):
        values = out[column].astype(str).tolist()
        out[column] = values[7:] + values[:7]
    return out


@pytest.mark.parametrize("chosen", EVERY, ids=lambda p: p.passage_id)
def test_student_worksheets_leak_nothing(chosen):
    sheet = worksheets.worksheet_html(chosen)
    assert sheet == worksheets.worksheet_html(chosen, sentences=_shuffled(chosen.table())), \
        "the worksheet changes when the labels change: it shows something of the answers"
    for tag in schema.LABEL_TAGS.values():
        assert tag not in sheet
    for colour in [*palette.LABEL_COLOURS.values(), *palette.LABEL_BACKGROUNDS.values()]:
        assert colour.lower() not in sheet.lower()
    assert "Answer key" not in sheet and "<script" not in sheet
    for sent_id in chosen.items():
        assert sent_id in sheet


@pytest.mark.parametrize("chosen", EVERY, ids=lambda p: p.passage_id)
def test_answer_keys_hold_the_gold_labels_and_rules(chosen):
    key = worksheets.answer_key_html(chosen)
    rows = chosen.table().set_index("sent_id")
    for sent_id in chosen.items():
        cell = re.search(rf"<td[^>]*>{re.escape(sent_id)}</td><td[^>]*><b>(\w+)</b>", key)
        assert cell and cell.group(1) == GOLD[sent_id]
        assert rules.rule_of(rows.loc[sent_id, "rationale"], GOLD[sent_id]) in key


def test_worksheets_and_keys_are_written_to_separate_folders(tmp_path):
    paths = worksheets.write_worksheets(tmp_path)
    sheets = [p for p in paths if p.parent.name == worksheets.WORKSHEET_DIR]
    keys = [p for p in paths if p.parent.name == worksheets.KEY_DIR]
    assert len(sheets) == len(keys) == len(PASSAGES)


# ---------------------------------------------------------------------------
# the class view (for the teacher's class check)


def test_class_agreement_ranks_the_hardest_sentences():
    chosen = passage("02-a")
    items = chosen.items()
    good = _gold_answer(chosen)
    half = dict(good)
    hard = items[0]
    wrong = "advocacy" if GOLD[hard] != "advocacy" else "fact"
    half[hard] = wrong
    result = class_agreement({"ada": good, "ben": half, "cai": dict(half, **{items[1]: "meta"}),
                              "dee": {"not-an-id": "fact", items[2]: "nonsense"}})
    assert result.hardest.index[0] == hard
    assert result.hardest.loc[hard, "agree share"] == round(1 / 3, 2)
    assert result.hardest.loc[hard, "most chosen instead"] == wrong
    assert result.students.loc["ada", "share"] == 1.0 and result.students.loc["ada", "kappa"] == 1.0
    assert result.students.loc["dee", "answered"] == 0
    assert result.overall["answered"] == 3 * len(items)
    per_label = f"{GOLD[hard]} agreed"
    if per_label in result.students:
        assert result.students.loc["ben", per_label] < 1.0


# ---------------------------------------------------------------------------
# the transfer exercise (08): invented texts, never in a lesson

TRANSFER_IDS = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in sorted(set(TRANSFER_SENTENCES.article_id)))
                          + r")-\d{3}\b")
LOADS_TRANSFER = re.compile(r"load_transfer|transfer_sample|transfer_agreement|data/transfer|[\"']transfer[\"']|"
                            r"practice\.(?:show|label_view|check)\(\s*[\"']08-")


def _notebook_text(path, *, skip_tag=None):
    import json

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) + json.dumps(c.get("outputs", []), ensure_ascii=False)
                     for c in cells if skip_tag not in c.get("metadata", {}).get("tags", []))


def test_transfer_passages_are_whole_invented_texts_of_exercise_08():
    assert [p.passage_id for p in TRANSFER] == ["08-a", "08-b"]
    texts = ml.load_transfer_texts().set_index("article_id")
    for chosen in TRANSFER:
        assert chosen.exercise == "08_transfer" and chosen.article_id in texts.index
        whole = chosen.table()
        whole = whole[whole.article_id == chosen.article_id]
        content = whole[whole.role.isin(CONTENT_ROLES)]
        assert chosen.items() == content.sent_id.tolist(), "a transfer passage asks every content sentence"
        assert ml.load_transfer_raw(chosen.article_id).startswith("INVENTED TEXT")
    genres = {texts.at[p.article_id, "genre"] for p in TRANSFER}
    assert all("press statement" in g or "live-updates" in g for g in genres), genres


def test_no_lesson_shows_or_loads_a_transfer_text():
    """Transfer texts are used only in exercise 08: no lesson, the codebook or another exercise names them."""
    root = exposure.ROOT
    assert list((root / "notebooks").glob("*.ipynb"))
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        text = _notebook_text(path)
        assert not TRANSFER_IDS.search(text), f"{path.name} mentions {TRANSFER_IDS.search(text).group(0)}"
        for article_id in set(TRANSFER_SENTENCES.article_id):
            assert article_id not in text, f"{path.name} names the transfer text {article_id}"
        sources = "\n".join("".join(c.source) for c in __import__("nbformat").read(path, as_version=4).cells)
        assert not LOADS_TRANSFER.search(sources), f"{path.name} loads transfer data: {LOADS_TRANSFER.search(sources)}"
    assert not TRANSFER_IDS.search((root / "data" / "codebook.md").read_text(encoding="utf-8"))
    for path in sorted((root / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb")):
        if not path.name.startswith("08_"):
            assert not TRANSFER_IDS.search(_notebook_text(path)), f"{path.name} mentions a transfer sentence"


def test_the_no_transfer_scan_would_catch_a_lesson_that_shows_one(tmp_path):
    bad = "ml.load_transfer()\nprint('live-updates-022')"
    assert TRANSFER_IDS.search(bad) and LOADS_TRANSFER.search(bad)
    assert LOADS_TRANSFER.search('ml.practice.show("08-a")')
    assert not TRANSFER_IDS.search("balakot-022") and not LOADS_TRANSFER.search("ml.load_sentences()")


def test_exercise_08_shows_transfer_items_only_in_practice_cells():
    path = exposure.ROOT / "exercises" / "solutions" / "08_transfer.ipynb"
    outside = _notebook_text(path, skip_tag=exposure.PRACTICE_TAG)
    assert not TRANSFER_IDS.search(outside), TRANSFER_IDS.search(outside).group(0)


TRANSFER_GOLD = TRANSFER_SENTENCES.set_index("sent_id")


def _transfer_check(number, answer):
    return ml.checks.exercise("08_transfer").result(number, answer)


def test_transfer_labels_right_wrong_and_untouched():
    chosen = passage("08-a")
    gold = {i: TRANSFER_GOLD.at[i, "label"] for i in chosen.items()}
    assert _transfer_check(1, gold).verdict == "right"
    wrong = dict(gold)
    cued = next(i for i in chosen.items() if gold[i] == "attributed" and TRANSFER_GOLD.at[i, "cue"])
    wrong[cued] = "fact"
    result = ml.practice.check(chosen, labels=wrong)
    line = next(x for x in result.text().splitlines() if x.startswith(f"✗ {cued}"))
    assert f"you: fact · annotators: attributed · rule {rules.rule_of(TRANSFER_GOLD.at[cued, 'rationale'])}" in line
    cue = TRANSFER_GOLD.at[cued, "cue"]
    assert f"Deciding words: [{cue}] (cue)" in result.text() or f"[{cue.capitalize()}] (cue)" in result.text()
    assert "<mark" in result.html() or "background" in result.html()
    labels = ["fact", "attributed", "advocacy", "meta"]  # a different wrong label in turn, not one for all
    everything_wrong = {i: next(x for x in labels[k % 4:] + labels if x != gold[i])
                        for k, i in enumerate(chosen.items())}
    assert _transfer_check(1, everything_wrong).verdict == "not yet"
    scaffold = {i: ... for i in chosen.items()}
    assert _transfer_check(1, scaffold).verdict == "not answered yet"
    assert _transfer_check(1, ...).verdict == "not answered yet"


def test_transfer_cues_right_wrong_and_untouched():
    chosen = passage("08-a")
    cues = {i: TRANSFER_GOLD.at[i, "cue"] for i in chosen.items() if TRANSFER_GOLD.at[i, "cue"]}
    assert _transfer_check(3, cues).verdict == "right"
    first, *rest = list(cues)
    result = _transfer_check(3, {first: cues[first]})
    assert result.verdict == "not yet"
    missed = rest[0]
    line = next(x for x in result.text.splitlines() if missed in x)
    assert f"annotators: [{cues[missed]}] (cue)" in line and "rule L" in line
    assert _transfer_check(3, ...).verdict == "not answered yet"
    assert _transfer_check(3, {first: "no such words here"}).verdict == "not answered yet"


def test_transfer_who_whom_right_wrong_and_untouched():
    chosen = passage("08-b")
    accused = [i for i in chosen.items() if TRANSFER_GOLD.at[i, "accusation"] == 1]
    names = ml.corpus.load_actors(data_dir=ml.corpus.data_dir() / "transfer").set_index("actor_id").name
    right = {i: ("the writer" if TRANSFER_GOLD.at[i, "accuser"] == "writer" else names[TRANSFER_GOLD.at[i, "accuser"]],
                 names[TRANSFER_GOLD.at[i, "accused"]].split(" (")[0]) for i in accused}
    assert _transfer_check(7, right).verdict == "right"
    swapped = {i: (whom, who) for i, (who, whom) in right.items()}
    result = _transfer_check(7, swapped)
    assert result.verdict == "not yet" and "annotators:" in result.text and "rule L" in result.text
    assert _transfer_check(7, ...).verdict == "not answered yet"
    assert _transfer_check(7, {accused[0]: "only one name"}).verdict == "not answered yet"


def test_transfer_reflection_needs_both_texts_and_shows_the_model_once_passed():
    text = ("The live page credits nearly every claim to somebody else, admits what it could not verify, and keeps "
            "its own voice for plain events such as closed roads and falling markets. The military statement instead "
            "speaks for itself: it states grave charges as facts, praises its soldiers, quotes only its own general "
            "and ends with demands on the neighbour and warnings to citizens.")
    assert _transfer_check(8, text + " live-updates-014.").verdict == "not answered yet"
    result = _transfer_check(8, text + " live-updates-014 and odf-statement-009.")
    assert result.verdict == "right" and "model answer" in result.text
    assert _transfer_check(8, text + " live-updates-999 odf-statement-009").verdict == "not answered yet"
    assert _transfer_check(8, ...).verdict == "not answered yet"


def test_click_view_works_on_a_transfer_text():
    from medialit.practice.widgets import LabelView

    chosen = passage("08-b")
    view = LabelView(chosen, sources=False)
    for sent_id in chosen.items():
        view.choose(sent_id, TRANSFER_GOLD.at[sent_id, "label"], accusation=bool(TRANSFER_GOLD.at[sent_id, "accusation"]))
    result = view.press_check()
    assert result.complete and result.labels.agree == result.labels.n == len(chosen.items())
    assert result.accusation_counts() == (len(chosen.items()), len(chosen.items()))


# ---------------------------------------------------------------------------
# notebook 08: think first, then meet the machine (no gold: you beside the machine)


@pytest.fixture()
def sample_article(tmp_path):
    ml.user.add_article(ml.user.sample_article(), "invented-dam", "Dam Talks Collapse", user_dir=tmp_path)
    return ml.user.load_user_article("invented-dam", user_dir=tmp_path)[1]


def test_side_by_side_shows_the_machine_only_once_everything_is_labelled(sample_article):
    from medialit.practice import think_first

    ids = think_first.to_label(sample_article)
    assert ids and all(sample_article.set_index("sent_id").loc[i, "role"] in CONTENT_ROLES for i in ids)
    open_ = ml.practice.side_by_side({i: ... for i in ids}, sample_article)
    assert "machine" not in open_.table.columns and "still open" in open_.summary()
    half = {i: "fact" for i in ids[:3]}
    assert "machine" not in ml.practice.side_by_side(half, sample_article).table.columns
    machine = dict(zip(sample_article.sent_id, sample_article.label))
    same = ml.practice.side_by_side({i: machine[i] for i in ids}, sample_article)
    assert same.agree == same.labelled == len(ids) and same.kappa == 1.0
    assert "Nobody has labelled this article by hand" in same.summary()
    flipped = {i: ("fact" if machine[i] != "fact" else "advocacy") for i in ids}
    differ = ml.practice.side_by_side(flipped, sample_article)
    assert differ.agree == 0 and set(differ.table.same) == {"no"}


@pytest.mark.parametrize("answer, words", [
    ({"invented-dam-004": "opinion"}, "is not a label"), ({"nonsense-001": "fact"}, "not a sentence to label"),
    ("fact", "write your labels as a dict"),
])
def test_side_by_side_explains_a_bad_answer(sample_article, answer, words):
    result = ml.practice.side_by_side(answer, sample_article)
    assert words in result.summary()


def test_machine_questions_are_computed_from_the_machines_output(sample_article):
    questions = ml.practice.machine_questions(sample_article)
    assert list(questions.columns) == ["sent_id", "check", "the machine", "question"]
    rows = sample_article.set_index("sent_id")
    for row in questions.itertuples():  # each question holds for what the machine actually did
        if row.check == "heading cue":
            assert rows.at[row.sent_id, "role"] in ("headline", "subheading") and rows.at[row.sent_id, "label"] == "attributed"
        if row.check == "named but not named":
            assert rows.at[row.sent_id, "source_type"].startswith("named")
    # a synthetic table: each check fires on its own case and nowhere else
    table = pd.DataFrame({"sent_id": ["x-001", "x-002", "x-003", "x-004"],
                          "role": ["headline", "body", "body", "body"],
                          "text": ["Rivals Trade Blame", "Officials, who spoke on condition of anonymity, said so.",
                                   "The ministry rejected the charge.", "Prices rose."],
                          "label": ["attributed", "attributed", "attributed", "fact"],
                          "rationale": ["L3", "L3", "L3", "L5"], "cue": ["Blame", "said", "rejected", ""],
                          "source": ["", "Officials", "The ministry", ""],
                          "source_type": ["unnamed", "named_official", "named_official", "none"],
                          "accusation": [0, 0, 0, 0]})
    found = ml.practice.machine_questions(table)
    assert dict(zip(found.check, found.sent_id)) == {"heading cue": "x-001", "named but not named": "x-002",
                                                      "denied charge, no accusation": "x-003"}
    mine = {"x-001": "fact", "x-002": "attributed", "x-003": "attributed", "x-004": "fact"}
    with_you = ml.practice.machine_questions(table, mine)
    assert with_you[with_you.check == "you and the machine"].sent_id.tolist() == ["x-001"]


def test_think_first_click_view_writes_into_the_typed_dict(sample_article):
    from medialit.practice import think_first

    ids = think_first.to_label(sample_article)
    mine = {i: ... for i in ids}
    view = ml.practice.label_first(sample_article, into=mine)
    view.choose(ids[0], "advocacy")
    assert mine[ids[0]] == "advocacy"
    for sent_id in ids:
        view.choose(sent_id, "fact")
    result = view.press_compare()
    assert result.labelled == len(ids) and "machine" in result.table.columns
    bundle = view._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "type your labels in my_labels" in data["text/plain"] and f"{ids[0]} [ ? ]" in data["text/plain"]


def test_notebook_08_asks_for_your_labels_before_showing_the_machines():
    import nbformat

    cells = nbformat.read(exposure.ROOT / "notebooks" / "08_your_own_article.ipynb", as_version=4).cells
    code = [c.source for c in cells if c.cell_type == "code"]
    first_yours = next(i for i, s in enumerate(code) if "label_first(" in s)
    shows_machine = [i for i, s in enumerate(code)
                     if re.search(r"side_by_side\(|sentences\[\[|render_article\(|confidence ==|machine_questions\(", s)]
    assert shows_machine and first_yours < min(shows_machine)
    assert any("my_labels = {" in s and "..." in s for s in code[:first_yours])
