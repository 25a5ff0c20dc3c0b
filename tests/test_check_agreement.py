"""Every check agrees with its lesson: one test per defect found by trying the exercises (issue 10, §3).

Expected answers are computed from data/ by the checks; these tests feed them the answers
a student who follows the lessons would compute, with the same public helpers.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import nbformat
import pandas as pd
import pytest

import medialit as ml
from medialit import checks, palette
from medialit.exercises import ex02_attribution, ex04_advocacy_loaded_language, ex07_machine, models
from medialit.exercises.builders import numbers_task
from medialit.practice import passages

ROOT = Path(__file__).resolve().parent.parent
NAMES = checks.exercise_names()


def task_no(name: str, title: str) -> int:
    """The number of the task of exercise ``name`` whose title starts with ``title``.

    Tests name tasks by title, so adding a task (practice passages come first) does not
    silently point a test at another task.
    """
    found = [t.number for t in checks.exercise(name).tasks if t.title.startswith(title)]
    assert len(found) == 1, (name, title, found)
    return found[0]


def verdict(name: str, number: int, answer) -> tuple[str, str]:
    """(verdict, message) of a check, without printing or raising."""
    result = checks.exercise(name).result(number, answer)
    return result.verdict, checks.format_message(number, result)


def _sentences() -> pd.DataFrame:
    return ml.load_sentences()


def _cue_table() -> pd.DataFrame:
    """Exercise 07's setup cell: the content sentences, flagged by the cue-list rule."""
    cues = ml.load_lexicon("cues")
    terms = sorted(cues[cues.frame != "exclude"].term, key=len, reverse=True)
    pattern = r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b"
    sentences = _sentences()
    content = sentences[sentences.role.isin(["headline", "subheading", "body", "pullquote"])].copy()
    content["flagged"] = content.text.str.contains(pattern, case=False, regex=True)
    content["gold"] = content.label == "attributed"
    return content


def _own_remedy() -> pd.Series:
    """Notebook 06's way: explode the evidence column, join the labels."""
    frames, sentences = ml.load_frames(), _sentences()
    remedy = frames[frames.function == "treatment_recommendation"].copy()
    remedy["sent_id"] = remedy.evidence.str.split(";")
    remedy = remedy.explode("sent_id").merge(sentences[["sent_id", "label"]], on="sent_id")
    own = ~remedy.label.isin(["attributed", "meta"])
    return own.groupby(remedy.article_id).sum().reindex(ml.article_ids(), fill_value=0)


def _terrorists_share() -> pd.Series:
    table = ml.compare.naming_table()
    fighters = table[table.referent == "fighters"]
    called = fighters["count"].where(fighters.variant.str.lower() == "terrorists", 0)
    return called.groupby(fighters.article_id).sum() / fighters.groupby("article_id")["count"].sum()


def _writer_accusations() -> pd.Series:
    sentences = _sentences()
    own = (sentences.accusation == 1) & (sentences.accuser == "writer")
    return own.groupby(sentences.article_id).sum()


#: (exercise, task) -> the answer the lesson leads to, with the helpers the lessons use.
LESSON_ANSWERS = {
    ("01_meet_the_pieces", task_no("01_meet_the_pieces", "body sentences per piece")): lambda: ml.compare.label_shares()["total"],
    ("01_meet_the_pieces", task_no("01_meet_the_pieces", "the piece with the largest share of meta")): lambda: ml.compare.label_shares(roles=None, normalize=True)["meta"].idxmax(),
    ("02_attribution", task_no("02_attribution", "share of attributed body sentences")): lambda: ml.compare.label_shares(normalize=True).loc["ap-crackdown", "attributed"],
    ("02_attribution", task_no("02_attribution", "the piece that relies least")): lambda: ml.compare.label_shares(normalize=True)["attributed"].idxmin(),
    ("03_sources_evidence", task_no("03_sources_evidence", "share of balakot's attributed")): lambda: ml.compare.sources_by_type(normalize=True).loc["balakot", "anonymous"],
    ("03_sources_evidence", task_no("03_sources_evidence", "share of vague sources")): lambda: ml.compare.sources_by_type(normalize=True)[["anonymous", "unnamed"]]
    .sum(axis=1),
    ("03_sources_evidence", task_no("03_sources_evidence", "accusations in the writer's own voice")): _writer_accusations,
    ("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "loaded words per 1,000")): lambda: ml.compare.rates_per_1000_words(kinds=["loaded"]).loaded_per_1000,
    ("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "share of advocacy in two")): lambda: ml.compare.label_shares(normalize=True)["advocacy"],
    ("05_naming", task_no("05_naming", "how often fighters are called")): _terrorists_share,
    ("06_frames", task_no("06_frames", "treatment recommended in the writer")): _own_remedy,
    ("07_machine", task_no("07_machine", "how many content sentences")): lambda: int(_cue_table().flagged.sum()),
    ("07_machine", task_no("07_machine", "precision and recall")): lambda: {
        "precision": (lambda t: (t.flagged & t.gold).sum() / t.flagged.sum())(_cue_table()),
        "recall": (lambda t: (t.flagged & t.gold).sum() / t.gold.sum())(_cue_table())},
    ("07_machine", task_no("07_machine", "false alarms per piece")): lambda: (lambda t: (t.flagged & ~t.gold).groupby(t.article_id).sum())(_cue_table()),
}

NUMERIC = [(name, task.number) for name in NAMES for task in checks.exercise(name).tasks
           if task.kind == "compute" or (task.kind == "compare" and re.search(r"number|share", task.expects))]


def test_every_numeric_task_has_a_lesson_answer():
    assert sorted(NUMERIC) == sorted(LESSON_ANSWERS)


@pytest.mark.parametrize("name, number", sorted(LESSON_ANSWERS))
def test_the_helper_based_answer_a_lesson_leads_to_is_right(name, number):
    found, message = verdict(name, number, LESSON_ANSWERS[(name, number)]())
    assert found == checks.RIGHT, message


def test_04_task_4_accepts_the_rate_helper_notebook_04_teaches():
    rates = ml.compare.rates_per_1000_words(kinds=["loaded"]).loaded_per_1000
    assert verdict("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "loaded words per 1,000"), rates)[0] == checks.RIGHT


def test_one_word_counter_in_the_package_and_the_solutions():
    """Words of a text are counted by ml.compare.count_words everywhere (the tagger only splits its own
    lexicon terms and candidate phrases into tokens, which is not counting a text's words)."""
    offenders = []
    paths = [*ROOT.joinpath("medialit").rglob("*.py"), *ROOT.joinpath("exercises", "solutions").glob("*.ipynb"),
             *ROOT.joinpath("notebooks").glob("*.ipynb")]
    for path in [p for p in paths if p.name != "tagger.py"]:
        text = path.read_text(encoding="utf-8")
        if re.search(r"str\.split\(\)\.str\.len\(\)|len\(\s*\w+\.split\(\)\s*\)", text):
            offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


def test_a_share_task_reads_a_percentage_as_a_share():
    share = ml.compare.label_shares(normalize=True).loc["ap-crackdown", "attributed"]
    assert share > 1  # the helper gives percentages
    found, message = verdict("02_attribution", task_no("02_attribution", "share of attributed body sentences"), share)
    assert found == checks.RIGHT and "as percentages" in message


def _student(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)


def _task_text(name: str, number: int) -> str:
    """The markdown of task ``number`` and the placeholder of its answer cell, as the student sees them."""
    cells = _student(name).cells
    start = next(i for i, c in enumerate(cells) if c.cell_type == "markdown"
                 and c.source.startswith(f"## Task {number} "))
    end = next((i for i, c in enumerate(cells[start + 1:], start + 1) if c.cell_type == "markdown"
                and c.source.startswith("## ")), len(cells))
    return "\n".join(c.source for c in cells[start:end])


def test_04_task_3_lists_the_phrases_to_classify():
    text = _task_text("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "hedges and boosters"))
    for sent_id, phrase in ex04_advocacy_loaded_language.HEDGES_AND_BOOSTERS:
        assert phrase in text and sent_id in text, phrase
    found, message = verdict("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "hedges and boosters"), {"could": "hedge"})
    assert found == checks.NOT_ANSWERED and all(p in message for _, p in ex04_advocacy_loaded_language
                                                  .HEDGES_AND_BOOSTERS[:2])


def test_04_task_2_format_hint_works_when_followed():
    spans = ml.load_spans()
    marked = spans[(spans.sent_id == "militancy-bases-005") & (spans.kind == "loaded")].text.tolist()
    one_by_one = [word for phrase in marked for word in phrase.split()]  # "copy each word"
    for answer in (marked, one_by_one):
        assert verdict("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "the loaded words in"), answer)[0] == checks.RIGHT, answer
    expects = checks.exercise("04").tasks[task_no("04_advocacy_loaded_language", "the loaded words in") - 1].expects
    assert "words or phrases" in expects and "militancy-bases-005" in expects


def test_02_task_5_asks_for_the_lowest_and_says_lowest():
    shares = ml.compare.label_shares(normalize=True)["attributed"]
    found, message = verdict("02_attribution", task_no("02_attribution", "the piece that relies least"), shares.idxmax())
    assert found == checks.NOT_YET and "is not the lowest" in message
    assert "**lowest**" in _task_text("02_attribution", task_no("02_attribution", "the piece that relies least"))


def test_02_task_6_text_and_expected_answer_say_the_same_thing():
    sentences = _sentences()
    expected = sentences[(sentences.article_id == "balakot") & (sentences.cue == ex02_attribution.CONTINUED)]
    opens = expected[expected.text.str.lstrip().str[0].isin(["“", '"'])]
    text = " ".join(_task_text("02_attribution", task_no("02_attribution", "quoted sentences whose cue is in another")).split())
    assert "cue is in another sentence" in text
    if len(opens):  # some expected sentences open the quotation: the task must say so
        assert "open, continue or close" in text
    assert verdict("02_attribution", task_no("02_attribution", "quoted sentences whose cue is in another"), expected.sent_id.tolist())[0] == checks.RIGHT


def test_06_task_2_does_not_pass_sentences_that_carry_no_function():
    frames = ml.load_frames()
    cited = {i for e in frames[frames.article_id == "tit-for-tat"].evidence for i in e.split(";")}
    sentences = _sentences()
    spans = ml.load_spans()
    loaded = set(spans[spans.kind == "loaded"].sent_id)
    plain = sentences[(sentences.article_id == "tit-for-tat") & (sentences.label == "fact")
                      & ~sentences.sent_id.isin(cited) & ~sentences.sent_id.isin(loaded)
                      & ~sentences.text.str.contains(r"\b(?:should|must|need|urge|call)", case=False)].sent_id
    wrong = {f: [plain.iloc[k]] for k, f in enumerate(ml.schema.FRAME_FUNCTIONS)}
    found, message = verdict("06_frames", task_no("06_frames", "Entman's four functions"), wrong)
    assert found == checks.NOT_YET, message


def test_06_task_2_accepts_a_quoted_prescription_as_its_hint_says():
    from medialit.exercises.ex06_frames import _backs

    quoted = "“Kabul must act against these groups,” the spokesperson said."
    assert _backs("treatment_recommendation", "tit-for-tat-019", quoted, {}, set())
    assert not _backs("treatment_recommendation", "tit-for-tat-019", "The talks took place in May.", {}, set())
    text = " ".join(_task_text("06_frames", task_no("06_frames", "Entman's four functions")).split())
    assert "a prescription (written or quoted)" in text


@pytest.mark.parametrize("reading", ["moral_evaluation", "problem_definition"])
def test_06_task_1_accepts_both_readings_of_balakot_009_and_says_why(reading):
    answer = {"balakot-040": "treatment_recommendation", "balakot-012": "causal_interpretation",
              "balakot-009": reading, "balakot-001": "problem_definition"}
    found, message = verdict("06_frames", task_no("06_frames", "which function does each sentence"), answer)
    assert found == checks.RIGHT, message
    other = {"moral_evaluation", "problem_definition"} - {reading}
    flat = " ".join(message.split())
    assert f"{other.pop()} is also defensible" in flat


@pytest.mark.parametrize("name, number, answer, secret", [
    ("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "fact or advocacy?"),
     {"militancy-bases-004": "fact", "militancy-bases-010": "fact", "regional-peace-006": "advocacy",
      "tit-for-tat-027": "fact", "tit-for-tat-059": "advocacy", "balakot-023": "fact"}, "militancy-bases-004"),
    ("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "hedges and boosters"),
     {"For sure": "hedge", "Apparently": "hedge", "What is clear": "booster", "may": "hedge",
      "ample evidence": "booster", "seem": "hedge"}, "For sure"),
])
def test_with_two_choices_the_feedback_says_how_many_not_which(name, number, answer, secret):
    found, message = verdict(name, number, answer)
    assert found == checks.NOT_YET
    assert "5 of 6 are right; 1 is not" in " ".join(message.split())
    assert secret not in message


REFLECTIONS = [(name, t.number) for name in NAMES for t in checks.exercise(name).tasks
               if "your own text" in t.expects]


@pytest.mark.parametrize("name, number", REFLECTIONS)
def test_a_reflection_keeps_its_length_and_evidence_checks_and_then_shows_the_model_answer(name, number):
    task = next(t for t in checks.exercise(name).tasks if t.number == number)
    cite = re.search(r"from (.+)$", task.expects).group(1).split(" and ")
    blah = "blah " * 60 + " ".join(f"{piece}-001" for piece in cite)
    assert verdict(name, number, blah)[0] == checks.NOT_ANSWERED
    model = models.model_answer(name, number)
    assert model and len(model.split()) >= 40
    found, message = verdict(name, number, model)
    assert found == checks.RIGHT
    assert " ".join(model.split()) in " ".join(message.split())


def _example(expects: str):
    """The value after "like" in a task's expects, as Python, or None if it is not a literal."""
    match = re.search(r"\blike (.+)$", expects)
    if not match:
        return None
    text = re.sub(r",\s*…\s*([}\]])", r"\1", match.group(1)).replace("…", "None").replace("[...]", "None")
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return None


@pytest.mark.parametrize("name, number", [(n, t.number) for n in NAMES for t in checks.exercise(n).tasks])
def test_a_placeholder_example_is_never_the_right_answer(name, number):
    task = next(t for t in checks.exercise(name).tasks if t.number == number)
    assert not re.search(r"\d", re.sub(r"[a-z-]+-0\.\.|[a-z-]+-\d{3}|\d[\d,]*\s*words|1,000|0 and 1|1–4|"
                                       r"Figure|at least \d+|\b\d\d-[a-z]\b", "", task.expects)), task.expects
    example = _example(task.expects)
    if example is not None:
        assert verdict(name, number, example)[0] != checks.RIGHT, task.expects


def test_neutral_placeholders_in_03_task_5_and_07_task_3():
    for name, number in (("03_sources_evidence", task_no("03_sources_evidence", "accusations in the writer's own voice")), ("07_machine", task_no("07_machine", "false alarms per piece"))):
        placeholder = [c.source for c in _student(name).cells if "answer" in c.metadata.get("tags", [])][number - 1]
        assert not re.search(r":\s*\d", placeholder), placeholder


def test_a_numbers_task_example_shows_no_number():
    task = numbers_task(9, "demo", expected=lambda: {}, tolerance=0, share=False, why=str, hint="")
    assert not re.search(r"\d", task.expects.split("like", 1)[1])


def _shown_in(text: str) -> set[str]:
    return set(re.findall(r"\b(?:militancy-bases|ap-crackdown|regional-peace|balakot|tit-for-tat)-\d{3}\b", text))


def test_02_task_1_uses_sentences_never_shown_labelled_in_notebook_02_or_the_codebook():
    shown = _shown_in((ROOT / "notebooks" / "02_attribution.ipynb").read_text(encoding="utf-8"))
    shown |= _shown_in((ROOT / "data" / "codebook.md").read_text(encoding="utf-8"))
    assert set(ex02_attribution.LABEL_IDS).isdisjoint(shown), set(ex02_attribution.LABEL_IDS) & shown
    practice = {i for p in passages.PASSAGES.values() for i in p.items()}
    assert set(ex02_attribution.LABEL_IDS).isdisjoint(practice), set(ex02_attribution.LABEL_IDS) & practice


def test_04_task_7_model_answer_keeps_the_source_and_the_writers_voice():
    model = models.model_answer("04_advocacy_loaded_language", task_no("04_advocacy_loaded_language", "rewrite two loaded sentences"))
    sentences = _sentences().set_index("sent_id")
    assert sentences.at["regional-peace-013", "label"] == "attributed"
    assert "according to UN Security Council monitoring reports" in model
    assert sentences.at["balakot-039", "label"] != "attributed"
    assert "accused" not in model and "writer's claim" in model


def test_05_task_6_model_answer_only_says_a_piece_calls_when_the_piece_speaks():
    model = models.model_answer("05_naming", task_no("05_naming", "what a name takes for granted"))
    sentences = _sentences().set_index("sent_id")
    for sentence in re.split(r"(?<=[.;])\s", model):
        if re.search(r"\bcalls\b", sentence):
            for sent_id in _shown_in(sentence):
                assert sentences.at[sent_id, "label"] != "attributed", sentence


def _markdown(name: str) -> str:
    notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def test_notebook_04_describes_the_mark_the_reader_draws_for_loaded_words():
    text = " ".join(_markdown("04_advocacy_loaded_language").split())
    assert "wavy" not in text
    assert palette.SPAN_STYLES["loaded"].description.lower() in text.lower()


def test_notebook_04_counts_the_loaded_words_of_militancy_bases_002():
    spans = ml.load_spans()
    count = int(((spans.sent_id == "militancy-bases-002") & (spans.kind == "loaded")).sum())
    text = " ".join(_markdown("04_advocacy_loaded_language").split())
    assert "a single loaded word does not turn" not in text
    words = {1: "one", 2: "two", 3: "three"}
    assert f"`militancy-bases-002` is labelled **fact** even though it contains {words[count]} loaded words" in text


def _code_cell(name: str, start: str) -> str:
    notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    return next(c.source for c in notebook.cells if c.cell_type == "code" and c.source.startswith(start))


def test_notebook_07_try_it_explains_an_id_outside_the_table(capsys):
    source = _code_cell("07_machine", 'sent_id = "regional-peace-023"')
    wrong = pd.DataFrame({"sent_id": ["regional-peace-023"], "predicted": ["fact"]})
    exec(source.replace('"regional-peace-023"', '"tit-for-tat-999"', 1),
         {"wrong": wrong, "ml": ml, "display": print})
    printed = capsys.readouterr().out
    assert "is not in the table of disagreements" in printed


def test_notebook_08_try_it_prints_on_success_and_tidies_up(capsys):
    source = _code_cell("08_your_own_article", 'article_id = "balakot"')
    practice = ml.user.practice_folder()
    try:
        scope = {"ml": ml, "sample": ml.user.sample_article(), "practice": practice}
        for _ in range(2):  # twice: the second run must not find the first one's article
            exec(source.replace('"balakot"', '"dam-story"', 1), scope)
            printed = capsys.readouterr().out
            assert printed.startswith("Added 'dam-story'") and "Removed 'dam-story'" in printed
    finally:
        practice.cleanup()


def test_a_duplicate_id_message_suggests_a_removal_that_works():
    practice = ml.user.practice_folder()
    try:
        sample = ml.user.sample_article()
        ml.user.add_article(sample, "dam-story", "A headline", user_dir=practice.name)
        with pytest.raises(ml.user.UserArticleError, match=r"remove_article\('dam-story', user_dir="):
            ml.user.add_article(sample, "dam-story", "A headline", user_dir=practice.name)
    finally:
        practice.cleanup()


def test_exercise_07_pattern_is_the_notebooks_pattern():
    """The check's cue rule and the one the exercise notebook builds flag the same sentences."""
    assert _cue_table().flagged.sum() == ex07_machine.rule_table().flagged.sum()
