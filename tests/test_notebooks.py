"""Structure tests for every guided notebook (00–08) and the glossary.

They check the skeleton every guided notebook shares (see STYLE and the "Guided
notebooks" issue): the opening cell, one import cell, the closing cell, no data paths or
install cells, "Try it" prompts followed by code, that every sentence id cited in the
prose exists, belongs to a piece the notebook uses and is shown, and that stored outputs
come from one clean top-to-bottom run. Whether the outputs still match the code is
nbval's job (``pytest --nbval notebooks/``). Reading grades: tests/test_readability.py.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import medialit as ml
from medialit import schema

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
SENT_ID = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, schema.ARTICLE_IDS)) + r")-\d{3}\b")
ALLOWED_IMPORTS = {"medialit", "matplotlib.pyplot", "pandas"}
# Traces of one machine, one run or one moment that must not be stored in a notebook.
LEAKS = re.compile(r"0x[0-9a-fA-F]{6,}|/work/|/home/|/tmp/|/Users/|[A-Z]:\\\\|site-packages|Wall time|CPU times")


def load(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def code_cells(nb) -> list:
    return [c for c in nb.cells if c.cell_type == "code"]


def imports_in(source: str) -> list[str]:
    """Module names imported by a cell (empty if it has no import statement)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names.append(node.module or "")
    return names


def output_text(cell) -> str:
    """Everything a stored output shows as text (images left out)."""
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            for key, value in output.get("data", {}).items():
                if not key.startswith("image/"):
                    parts.append(value if isinstance(value, str) else "".join(value))
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
    return "\n".join(parts)


def pieces_used(nb) -> list[str]:
    """Article ids named on the 'Pieces used' line; 'all five' means every piece."""
    match = re.search(r"\*\*Pieces used\*\*\s*(.+)", nb.cells[0].source)
    assert match, "the first cell names no **Pieces used**"
    used = match.group(1).strip()
    if used.lower().startswith("all five"):
        return list(schema.ARTICLE_IDS)
    return [a for a in schema.ARTICLE_IDS if re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", used)]


@pytest.fixture(scope="module")
def sentences():
    return ml.load_sentences()


def test_the_lesson_path_is_complete():
    assert [n[:2] for n in NAMES] == [f"{i:02d}" for i in range(len(NAMES))]
    assert len(NAMES) >= 9


@pytest.mark.parametrize("name", NAMES)
def test_opening_cell_has_the_skeleton(name):
    first = load(name).cells[0]
    assert first.cell_type == "markdown"
    number = name[:2]
    assert re.fullmatch(rf"# {number} · \S.*", first.source.splitlines()[0]), f"title should read '# {number} · Title'"
    assert "**You will be able to**" in first.source
    objectives = first.source.split("**You will be able to**", 1)[1].split("**Time**", 1)[0]
    bullets = re.findall(r"^- \S.*$", objectives, flags=re.M)
    assert 2 <= len(bullets) <= 4, f"{len(bullets)} objectives; the skeleton asks for 2 to 4"
    assert re.search(r"\*\*Time\*\* about \d+ minutes", first.source)
    assert "**You need**" in first.source
    if number != "00":
        previous = f"{int(number) - 1:02d}"
        assert re.search(rf"\*\*You need\*\* notebook {previous}\b", first.source)
    assert pieces_used(load(name)), "the 'Pieces used' line names no piece"


@pytest.mark.parametrize("name", NAMES)
def test_closing_cell_has_key_points_next_and_glossary(name):
    last = load(name).cells[-1]
    assert last.cell_type == "markdown" and last.source.startswith("## Key points")
    points = last.source.split("**Next:**", 1)[0]
    assert len(re.findall(r"^- \S", points, flags=re.M)) >= 2, "Key points needs bullets"
    next_line = [line for line in last.source.splitlines() if line.startswith("**Next:**")]
    assert len(next_line) == 1 and "[Glossary](glossary.md)" in next_line[0]
    exercise = re.search(r"`exercises/(\d\d_[a-z_]+)\.ipynb`", next_line[0])
    if exercise:  # 01–07 have an exercise of the same name; 08 leads to the closing transfer exercise
        expected = "08_transfer" if name[:2] == "08" else name
        assert exercise.group(1) == expected, "the exercise should share the notebook's name"
        assert (ROOT / "exercises" / f"{expected}.ipynb").is_file()
        assert expected in ml.checks.exercise_names()
    else:
        assert name[:2] in ("00", "08"), "notebooks 01–07 name their exercise on the Next line"


@pytest.mark.parametrize("name", NAMES)
def test_relative_links_point_to_files_that_exist(name):
    for target in re.findall(r"\]\(([^)#\s]+)\)", markdown(load(name))):
        if not target.startswith(("http://", "https://")):
            assert (NOTEBOOKS / target).resolve().exists(), f"dead link to {target}"


@pytest.mark.parametrize("name", NAMES)
def test_exactly_one_import_cell_first_and_short(name):
    cells = code_cells(load(name))
    importing = [i for i, cell in enumerate(cells) if imports_in(cell.source)]
    assert importing == [0], f"import statements in code cells {importing}; the skeleton has one, first"
    lines = [line.strip() for line in cells[0].source.splitlines() if line.strip()]
    assert lines[0] == "import medialit as ml"
    assert set(imports_in(cells[0].source)) <= ALLOWED_IMPORTS
    rest = "\n".join(c.source for c in cells[1:])
    for module, alias in (("matplotlib.pyplot", "plt."), ("pandas", "pd.")):
        if module in imports_in(cells[0].source):
            assert alias in rest, f"{module} is imported but never used"


@pytest.mark.parametrize("name", NAMES)
def test_code_has_no_paths_installs_or_path_tricks(name):
    for cell in code_cells(load(name)):
        source = cell.source
        assert "../" not in source and "..\\" not in source, f"relative path in: {source!r}"
        assert "sys.path" not in source
        assert not re.search(r"(^|\s)[!%]?pip\s+install", source), "no install cells"
        assert not re.search(r"""["'][^"']*data/""", source), f"data path string in: {source!r}"


@pytest.mark.parametrize("name", NAMES)
def test_plotting_cells_end_with_plt_show(name):
    for cell in code_cells(load(name)):
        if "ml.plots." in cell.source or re.search(r"\bplt\.(subplots|bar|barh|plot|figure)\b", cell.source):
            assert cell.source.rstrip().endswith("plt.show()"), f"end with plt.show(): {cell.source!r}"


@pytest.mark.parametrize("name", NAMES)
def test_try_it_prompts_are_followed_by_code(name):
    nb = load(name)
    prompts = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "**Try it:**" in c.source]
    assert prompts, "each notebook has at least one Try it"
    for i in prompts:
        assert i + 1 < len(nb.cells) and nb.cells[i + 1].cell_type == "code", f"cell {i}: no code after Try it"


@pytest.mark.parametrize("name", NAMES)
def test_cited_sentence_ids_exist_and_belong_to_pieces_used(name, sentences):
    nb = load(name)
    known = dict(zip(sentences.sent_id, sentences.article_id))
    used = set(pieces_used(nb))
    cited = set(SENT_ID.findall(markdown(nb)))
    if name[:2] != "08":
        assert cited, "a guided notebook cites sentences by id"
    assert not sorted(cited - set(known)), "ids not in sentences.csv"
    assert not sorted(i for i in cited if known[i] not in used), "ids from pieces not under Pieces used"


@pytest.mark.parametrize("name", NAMES)
def test_sentences_the_prose_talks_about_are_shown(name):
    """Every id the prose cites is shown by a cell (reader or table) or printed in an output.

    Try-it prompts (ids a student is asked to type) and fenced examples are exempt.
    """
    nb = load(name)
    shown = "\n".join(c.source + "\n" + output_text(c) for c in code_cells(nb))
    prose = "\n".join(re.sub(r"```.*?```", "", c.source, flags=re.S) for c in nb.cells
                      if c.cell_type == "markdown" and "**Try it:**" not in c.source)
    not_shown = sorted(i for i in set(SENT_ID.findall(prose)) if i not in shown)
    assert not not_shown, f"cited in the prose but never shown: {not_shown}"


@pytest.mark.parametrize("name", NAMES)
def test_markdown_types_no_percentages(name):
    typed = re.findall(r"\d+(?:\.\d+)?\s?%", markdown(load(name)))
    assert not typed, f"percentages typed into markdown (compute them in a cell): {typed}"


@pytest.mark.parametrize("name", NAMES)
def test_stored_outputs_come_from_one_clean_run(name):
    cells = code_cells(load(name))
    counts = [cell.execution_count for cell in cells]
    assert counts == list(range(1, len(cells) + 1)), f"execution counts {counts}: run top to bottom"
    for cell in cells:
        for output in cell.outputs:
            assert output.output_type != "error", f"stored error in: {cell.source!r}"
            assert output.get("name") != "stderr", f"stored warning in: {cell.source!r}"
        leak = LEAKS.search(output_text(cell))
        assert not leak, f"machine- or run-specific text in a stored output: {leak.group()!r}"


def test_glossary_defines_the_core_terms_and_every_notebook_links_it():
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    defined = {term.lower() for term in re.findall(r"^\*\*([^*]+)\*\* —", glossary, flags=re.M)}
    for term in ("attribution", "cue", "source", "hedge", "booster", "loaded word", "framing",
                 "provenance", "lateral reading", "page furniture", "pull-quote", "paraphrase",
                 "direct quotation", "wire service"):
        assert term in defined, f"glossary lacks {term!r}"
    for name in NAMES:
        assert "[Glossary](glossary.md)" in load(name).cells[-1].source


# What notebook 07 says in prose about particular machine mistakes, checked against the tagger.
NB07_DISAGREEMENTS = {
    "militancy-bases-003": ("advocacy", "fact"),
    "regional-peace-005": ("advocacy", "fact"),
    "tit-for-tat-039": ("fact", "advocacy"),
    "militancy-bases-031": ("attributed", "fact"),
}


def test_notebook_07_prose_about_tagger_mistakes_still_holds():
    from medialit import evaluate

    prose = markdown(load("07_machine"))
    wrong = evaluate.disagreements().set_index("sent_id")
    for sent_id, (gold, predicted) in NB07_DISAGREEMENTS.items():
        assert sent_id in prose
        assert sent_id in wrong.index, f"{sent_id} is no longer a disagreement; update notebook 07"
        assert (wrong.at[sent_id, "gold"], wrong.at[sent_id, "predicted"]) == (gold, predicted)


def test_notebook_04_repeated_paragraph_is_where_the_prose_says(sentences):
    rows = sentences.set_index("sent_id")
    for later, earlier in zip(("043", "044", "045"), ("026", "027", "028")):
        assert rows.at[f"regional-peace-{later}", "repeats"] == f"regional-peace-{earlier}"
    assert rows.at["militancy-bases-025", "role"] == "subheading"
