"""Structure tests for the guided notebooks 00-03 and the glossary.

They check the skeleton every guided notebook shares (see shared STYLE and the
"Guided notebooks" issue): the opening cell, one import cell, the closing cell,
no data paths or install cells in code, that every sentence id cited in the
prose exists, belongs to a piece the notebook uses and is shown in an output,
and that the stored outputs come from one clean top-to-bottom run.  Whether the
outputs still match the code is nbval's job (``pytest --nbval notebooks/``).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

import medialit as ml

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["00_start_here", "01_meet_the_pieces", "02_attribution", "03_sources_evidence"]
ARTICLE_IDS = ml.article_ids()
SENT_ID = re.compile(r"\b(" + "|".join(map(re.escape, ARTICLE_IDS)) + r")-(\d{3})\b")
ALLOWED_IMPORTS = {"import medialit as ml", "import matplotlib.pyplot as plt", "import pandas as pd"}


def _load(name: str):
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def _markdown(nb) -> str:
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def _code_cells(nb):
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def _output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            for key in ("text/plain", "text/html"):
                value = output.get("data", {}).get(key, "")
                parts.append(value if isinstance(value, str) else "".join(value))
        elif output.output_type == "error":
            parts.append(f"{output.ename}: {output.evalue}")
    return "\n".join(parts)


def _pieces_used(nb) -> list[str]:
    match = re.search(r"\*\*Pieces used\*\*\s*(.+)", nb.cells[0].source)
    assert match, "the first cell names no **Pieces used**"
    value = match.group(1).strip()
    if value.lower().startswith("all five"):
        return list(ARTICLE_IDS)
    used = [a for a in ARTICLE_IDS if re.search(rf"\b{re.escape(a)}\b", value)]
    assert used, f"**Pieces used** names no known article id: {value!r}"
    return used


@pytest.fixture(scope="module")
def sentences():
    return ml.load_sentences()


@pytest.mark.parametrize("name", NAMES)
def test_opening_cell_has_the_skeleton(name):
    nb = _load(name)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    lines = first.source.splitlines()
    number = name[:2]
    assert re.fullmatch(rf"# {number} · \S.*", lines[0]), f"title line should read '# {number} · Title'"
    text = first.source
    assert "**You will be able to**" in text
    after = text.split("**You will be able to**", 1)[1]
    objectives = re.findall(r"^- \S.*$", after.split("**Time**", 1)[0], flags=re.M)
    assert 2 <= len(objectives) <= 4, f"{len(objectives)} objectives; the skeleton asks for 2 to 4"
    assert re.search(r"\*\*Time\*\* about \d+ minutes", text)
    assert "**You need**" in text
    if number != "00":
        previous = f"{int(number) - 1:02d}"
        assert re.search(rf"\*\*You need\*\* notebook {previous}\b", text), f"notebook {number} should need {previous}"
    _pieces_used(nb)


@pytest.mark.parametrize("name", NAMES)
def test_closing_cell_has_key_points_and_next(name):
    nb = _load(name)
    last = nb.cells[-1]
    assert last.cell_type == "markdown"
    assert last.source.startswith("## Key points")
    assert len(re.findall(r"^- \S", last.source, flags=re.M)) >= 2, "Key points needs bullets"
    next_line = [line for line in last.source.splitlines() if line.startswith("**Next:**")]
    assert len(next_line) == 1, "the last cell needs one **Next:** line"
    assert "[Glossary](glossary.md)" in next_line[0]
    number = name[:2]
    if number != "00":
        exercise = re.search(r"`exercises/(\d\d_[a-z_]+)\.ipynb`", next_line[0])
        assert exercise, "the Next line should name the exercise as `exercises/NN_topic.ipynb`"
        assert exercise.group(1) == name, "the exercise should share the notebook's name"
        assert exercise.group(1) in ml.checks.exercise_names(), "no checks exist for that exercise"


@pytest.mark.parametrize("name", NAMES)
def test_relative_links_point_to_files_that_exist(name):
    nb = _load(name)
    for target in re.findall(r"\]\(([^)#:]+)\)", _markdown(nb)):
        assert (NOTEBOOKS / target).is_file(), f"dead link to {target}"


@pytest.mark.parametrize("name", NAMES)
def test_exactly_one_import_cell_and_it_only_imports(name):
    nb = _load(name)
    code = _code_cells(nb)
    importing = [cell for cell in code if re.search(r"^\s*(import|from)\s", cell.source, flags=re.M)]
    assert len(importing) == 1, f"{len(importing)} cells import something; the skeleton has one import cell"
    cell = importing[0]
    assert cell is code[0], "the import cell should be the first code cell"
    lines = [line.strip() for line in cell.source.splitlines() if line.strip()]
    assert lines[0] == "import medialit as ml"
    assert set(lines) <= ALLOWED_IMPORTS, f"unexpected imports: {set(lines) - ALLOWED_IMPORTS}"
    rest = "\n".join(c.source for c in code[1:])
    for line, alias in (("import matplotlib.pyplot as plt", "plt."), ("import pandas as pd", "pd.")):
        if line in lines:
            assert alias in rest, f"{line!r} is imported but never used"


@pytest.mark.parametrize("name", NAMES)
def test_code_has_no_paths_installs_or_path_tricks(name):
    nb = _load(name)
    for cell in _code_cells(nb):
        source = cell.source
        assert "../" not in source and "..\\" not in source, f"relative data path in: {source!r}"
        assert "sys.path" not in source
        assert not re.search(r"(^|\s)[!%]?pip\s+install", source), "no install cells"
        assert not re.search(r"""["'][^"']*data/""", source), f"data path string in: {source!r}"


@pytest.mark.parametrize("name", NAMES)
def test_plotting_cells_end_with_plt_show(name):
    nb = _load(name)
    for cell in _code_cells(nb):
        if "ml.plots." in cell.source or re.search(r"\bplt\.(subplots|bar|barh|plot|figure)\b", cell.source):
            assert cell.source.rstrip().endswith("plt.show()"), f"end this plotting cell with plt.show(): {cell.source!r}"


@pytest.mark.parametrize("name", NAMES)
def test_try_it_prompts_are_followed_by_code(name):
    nb = _load(name)
    prompts = 0
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and "**Try it:**" in cell.source:
            prompts += 1
            assert index + 1 < len(nb.cells) and nb.cells[index + 1].cell_type == "code", \
                "a **Try it:** prompt should be followed by the code cell to change"
    assert prompts >= 1, "each notebook has at least one Try it"


@pytest.mark.parametrize("name", NAMES)
def test_cited_sentence_ids_exist_and_belong_to_pieces_used(name, sentences):
    nb = _load(name)
    used = set(_pieces_used(nb))
    known = set(sentences.sent_id)
    cited = sorted({f"{a}-{n}" for a, n in SENT_ID.findall(_markdown(nb))})
    assert cited, "a guided notebook should cite sentences by id"
    for sent_id in cited:
        assert sent_id in known, f"{sent_id} is cited but is not in sentences.csv"
        assert sent_id.rsplit("-", 1)[0] in used, f"{sent_id} is from a piece not listed under Pieces used"


@pytest.mark.parametrize("name", NAMES)
def test_sentences_the_prose_talks_about_are_shown_in_an_output(name):
    """Claims about a piece cite ids and show those sentences (reader or table).

    Try-it prompts (ids a student is asked to type) and fenced examples are exempt.
    """
    nb = _load(name)
    shown = "\n".join(_output_text(cell) for cell in _code_cells(nb))
    prose = "\n".join(
        re.sub(r"```.*?```", "", cell.source, flags=re.S)
        for cell in nb.cells
        if cell.cell_type == "markdown" and "**Try it:**" not in cell.source
    )
    for sent_id in sorted({f"{a}-{n}" for a, n in SENT_ID.findall(prose)}):
        assert sent_id in shown, f"{sent_id} is cited in the prose but no output shows it"


@pytest.mark.parametrize("name", NAMES)
def test_markdown_types_no_percentages(name):
    nb = _load(name)
    typed = re.findall(r"\d+(?:\.\d+)?\s?%", _markdown(nb))
    assert not typed, f"percentages typed into markdown (compute them in a cell): {typed}"


@pytest.mark.parametrize("name", NAMES)
def test_stored_outputs_come_from_one_clean_run(name):
    nb = _load(name)
    code = _code_cells(nb)
    counts = [cell.execution_count for cell in code]
    assert counts == list(range(1, len(code) + 1)), f"execution counts {counts}: run the notebook top to bottom"
    for cell in code:
        for output in cell.outputs:
            assert output.output_type != "error", f"stored error in: {cell.source!r}"
            assert output.get("name") != "stderr", f"stored warning in: {cell.source!r}"
        text = _output_text(cell)
        assert not re.search(r"/(home|Users|tmp|work)/|[A-Z]:\\\\|site-packages", text), "machine path in output"
        assert not re.search(r"\bat 0x[0-9a-fA-F]+", text), "memory address in output"
        assert not re.search(r"Wall time|CPU times", text), "timing in output"


def test_glossary_defines_the_core_terms_and_every_notebook_links_it():
    glossary = (NOTEBOOKS / "glossary.md").read_text(encoding="utf-8")
    defined = {term.lower() for term in re.findall(r"^\*\*([^*]+)\*\* —", glossary, flags=re.M)}
    assert len(defined) >= 20
    for term in ("attribution", "cue", "source", "booster", "page furniture", "lateral reading",
                 "provenance", "pull-quote", "wire service", "paraphrase", "direct quotation"):
        assert term in defined, f"glossary lacks {term!r}"
    for name in NAMES:
        assert "[Glossary](glossary.md)" in _load(name).cells[-1].source
