"""Structure tests for the guided notebooks 04-07.

They check the skeleton every guided notebook shares (see ``STYLE``): the opening cell
(title, objectives, time, prerequisite, pieces used), one import cell, no data paths or
install cells, a closing cell with key points and a link to the exercise and glossary,
"Try it" prompts followed by an editable code cell, and stored outputs that were made by
one clean run.  They also check that every sentence id the prose cites exists and belongs
to a piece the notebook says it uses, and that what notebook 07's prose says about the
tagger's mistakes is still true of the tagger.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from medialit import corpus, schema

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = {
    "04": "04_advocacy_loaded_language",
    "05": "05_naming",
    "06": "06_frames",
    "07": "07_machine",
}
SENT_ID = re.compile(r"\b(?:" + "|".join(map(re.escape, schema.ARTICLE_IDS)) + r")-\d{3}\b")
ALLOWED_IMPORTS = {"medialit", "matplotlib.pyplot", "pandas"}
# Traces of one machine, one run or one moment that must not be stored in a notebook.
LEAKS = re.compile(r"0x[0-9a-fA-F]{6,}|/work/|/home/|/tmp/|/Users/|[A-Z]:\\\\|Wall time|CPU times|\d+\.\d+ ?s\b")


def load(number: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{NAMES[number]}.ipynb", as_version=4)


def markdown(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def imports_in(source: str) -> list[str]:
    """Module names imported by a cell (empty if it has no import statement)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def pieces_used(nb) -> list[str]:
    """Article ids named on the 'Pieces used' line; 'all five' means every piece."""
    line = next(l for l in nb.cells[0].source.splitlines() if "**Pieces used**" in l)
    used = line.split("**Pieces used**", 1)[1]
    if used.strip().startswith("all five"):
        return list(schema.ARTICLE_IDS)
    return [a for a in schema.ARTICLE_IDS if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", used)]


@pytest.fixture(scope="module")
def sentences():
    return corpus.load_sentences()


@pytest.mark.parametrize("number", list(NAMES))
def test_opening_cell_has_the_skeleton(number):
    nb = load(number)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    lines = first.source.splitlines()
    assert re.fullmatch(rf"# {number} · \S.*", lines[0]), f"title line should read '# {number} · Title'"
    assert "**You will be able to**" in first.source
    objectives = first.source.split("**You will be able to**", 1)[1].split("**Time**", 1)[0]
    bullets = [l for l in objectives.splitlines() if l.startswith("- ")]
    assert 2 <= len(bullets) <= 4, f"{len(bullets)} objectives; the style asks for 2 to 4"
    assert re.search(r"\*\*Time\*\* about \d+ minutes", first.source)
    previous = f"{int(number) - 1:02d}"
    assert re.search(rf"\*\*You need\*\* notebook {previous}\b", first.source)
    assert pieces_used(nb), "the 'Pieces used' line names no piece"


@pytest.mark.parametrize("number", list(NAMES))
def test_closing_cell_has_key_points_and_next_link(number):
    nb = load(number)
    last = nb.cells[-1]
    assert last.cell_type == "markdown"
    assert "## Key points" in last.source
    points = last.source.split("## Key points", 1)[1].split("**Next:**", 1)[0]
    assert len([l for l in points.splitlines() if l.startswith("- ")]) >= 3
    assert re.search(rf"\*\*Next:\*\* exercise `exercises/{NAMES[number]}\.ipynb`", last.source)
    assert "[Glossary](glossary.md)" in last.source


@pytest.mark.parametrize("number", list(NAMES))
def test_links_to_other_notebooks_resolve(number):
    nb = load(number)
    for text in markdown(nb):
        for target in re.findall(r"\]\(([^)#\s]+)\)", text):
            if target.startswith(("http://", "https://")):
                continue
            assert (NOTEBOOKS / target).is_file(), f"dead link to {target}"


@pytest.mark.parametrize("number", list(NAMES))
def test_exactly_one_import_cell_and_it_imports_medialit(number):
    nb = load(number)
    cells = code(nb)
    with_imports = [(i, imports_in(src)) for i, src in enumerate(cells) if imports_in(src)]
    assert len(with_imports) == 1, f"{len(with_imports)} code cells import something; expected exactly one"
    index, modules = with_imports[0]
    assert index == 0, "the import cell should be the first code cell"
    assert "import medialit as ml" in cells[0]
    assert set(modules) <= ALLOWED_IMPORTS, f"unexpected imports: {set(modules) - ALLOWED_IMPORTS}"


@pytest.mark.parametrize("number", list(NAMES))
def test_no_data_paths_path_tricks_or_installs(number):
    nb = load(number)
    for cell in nb.cells:
        assert "../" not in cell.source, "a '../' path; load data through medialit instead"
        if cell.cell_type == "code":
            assert "sys.path" not in cell.source
            assert not re.search(r"^\s*[%!]\s*pip\b|pip install", cell.source, re.MULTILINE)


@pytest.mark.parametrize("number", list(NAMES))
def test_cited_sentence_ids_exist_and_belong_to_pieces_used(number, sentences):
    nb = load(number)
    known = dict(zip(sentences.sent_id, sentences.article_id))
    used = set(pieces_used(nb))
    cited = {i for text in markdown(nb) for i in SENT_ID.findall(text)}
    assert cited, "the prose cites no sentence id"
    missing = sorted(cited - set(known))
    assert not missing, f"ids not in sentences.csv: {missing}"
    outside = sorted(i for i in cited if known[i] not in used)
    assert not outside, f"ids from pieces not listed under 'Pieces used': {outside}"


@pytest.mark.parametrize("number", list(NAMES))
def test_cited_ids_are_shown_in_a_code_cell(number):
    """Every id the prose cites is passed to the reader or a table somewhere in the notebook,
    or printed in a stored output."""
    nb = load(number)
    shown = " ".join(code(nb))
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            shown += " " + str(output.get("text", "")) + " " + str(output.get("data", {}))
    cited = {i for text in markdown(nb) for i in SENT_ID.findall(text)}
    not_shown = sorted(i for i in cited if i not in shown)
    assert not not_shown, f"cited in prose but never shown: {not_shown}"


@pytest.mark.parametrize("number", list(NAMES))
def test_try_it_prompts_are_followed_by_a_code_cell(number):
    nb = load(number)
    prompts = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "**Try it:**" in c.source]
    assert prompts, "no 'Try it' prompt"
    for i in prompts:
        assert i + 1 < len(nb.cells) and nb.cells[i + 1].cell_type == "code", f"cell {i}: no code cell after 'Try it'"


@pytest.mark.parametrize("number", list(NAMES))
def test_plotting_cells_end_with_plt_show(number):
    nb = load(number)
    for src in code(nb):
        if "ml.plots." in src or "plt.subplots" in src:
            assert src.rstrip().endswith("plt.show()"), f"plotting cell does not end with plt.show():\n{src}"


@pytest.mark.parametrize("number", list(NAMES))
def test_outputs_come_from_one_clean_run(number):
    nb = load(number)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), "execution counts jump: run the notebook top to bottom"
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"stored error: {output.get('ename')}"
            assert output.get("name") != "stderr", f"stored warning: {output.get('text', '')[:200]}"
            text = str(output.get("text", "")) + str({k: v for k, v in output.get("data", {}).items()
                                                       if not k.startswith("image/")})
            leak = LEAKS.search(text)
            assert not leak, f"machine- or run-specific text in a stored output: {leak.group()!r}"


# What notebook 07 says in prose about particular machine mistakes, checked against the tagger.
NB07_DISAGREEMENTS = {
    "pok-bases-003": ("advocacy", "fact"),
    "regional-peace-005": ("advocacy", "fact"),
    "tit-for-tat-039": ("fact", "advocacy"),
    "pok-bases-031": ("attributed", "fact"),
}


def test_notebook_07_prose_about_tagger_mistakes_still_holds():
    from medialit import evaluate

    prose = " ".join(markdown(load("07")))
    wrong = evaluate.disagreements().set_index("sent_id")
    for sent_id, (gold, predicted) in NB07_DISAGREEMENTS.items():
        assert sent_id in prose
        assert sent_id in wrong.index, f"{sent_id} is no longer a disagreement; update notebook 07's section 3"
        assert (wrong.at[sent_id, "gold"], wrong.at[sent_id, "predicted"]) == (gold, predicted)


def test_notebook_04_repeated_paragraph_is_where_the_prose_says(sentences):
    """Notebook 04 says regional-peace-043..045 repeat -026..-028 and pok-bases has one middle part."""
    rows = sentences.set_index("sent_id")
    for later, earlier in zip(("043", "044", "045"), ("026", "027", "028")):
        assert rows.at[f"regional-peace-{later}", "repeats"] == f"regional-peace-{earlier}"
    assert rows.at["pok-bases-025", "role"] == "subheading"
