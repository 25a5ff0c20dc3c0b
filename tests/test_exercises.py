"""Student notebooks are generated from the solutions; the teacher's class check reads the checks' messages."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medialit import checks, cli
from medialit.exercises import generate

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "class"
SOLUTIONS = generate.solution_paths()
NAMES = [p.stem for p in SOLUTIONS]


def test_one_solution_and_one_student_notebook_per_exercise():
    assert NAMES == checks.exercise_names()
    assert sorted(p.name for p in (ROOT / "exercises").glob("*.ipynb")) == [f"{n}.ipynb" for n in NAMES]


def test_student_notebooks_are_exactly_what_the_generator_makes_now():
    stale = [p.name for p in generate.outdated_exercises()]
    assert stale == [], f"run `medialit make-exercises`; out of date: {stale}"


@pytest.mark.parametrize("name", NAMES)
def test_student_version_drops_teacher_cells_outputs_and_answers(name):
    solution = nbformat.read(ROOT / "exercises" / "solutions" / f"{name}.ipynb", as_version=4)
    student = nbformat.read(ROOT / "exercises" / f"{name}.ipynb", as_version=4)
    assert any("teacher" in c.metadata.get("tags", []) for c in solution.cells)
    assert not any("teacher" in c.metadata.get("tags", []) for c in student.cells)
    answers = [c for c in student.cells if "answer" in c.metadata.get("tags", [])]
    task_numbers = checks.exercise(name).numbers
    assert len(answers) == len(task_numbers)
    for cell in answers:
        if "scaffold" in cell.metadata.get("tags", []):  # a given line or dict with its blanks as ...
            assert "..." in cell.source and "# blank:" not in cell.source, cell.source
            continue
        last = cell.source.splitlines()[-1]
        assert re.fullmatch(r"\w+ = \.\.\.  # .+", last), last
        assert all(line.startswith("#") for line in cell.source.splitlines()[:-1])
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("name", NAMES)
def test_solution_has_a_passing_stored_check_for_every_task(name):
    solution = nbformat.read(ROOT / "exercises" / "solutions" / f"{name}.ipynb", as_version=4)
    code = [c for c in solution.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    passed = []
    for cell in code:
        if "check" in cell.metadata.get("tags", []):
            text = "".join(o.get("text", "") for o in cell.outputs)
            match = checks.VERDICT_PATTERN.match(text)
            assert match and match.group("verdict") == "right", text
            passed.append(int(match.group("task")))
    assert passed == checks.exercise(name).numbers
    raw = (ROOT / "exercises" / "solutions" / f"{name}.ipynb").read_text(encoding="utf-8")
    assert "/work/" not in raw and "/home/" not in raw and "Users\\\\" not in raw


def test_generator_refuses_an_answer_cell_without_its_check(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('import medialit as ml\ncheck = ml.checks.exercise("02_attribution")'),
        nbformat.v4.new_code_cell("labels = {}", metadata={"tags": ["answer"]}),
    ])
    path = tmp_path / "02_attribution.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(generate.ExerciseFormatError, match="has no check cell"):
        generate.render_student(path)


#: One kernel per test process for the untouched student notebooks (a kernel costs about a second of
#: CPU to start and import pandas and matplotlib), shut down when the tests end.  Before each notebook
#: it is made like a fresh kernel for it: no names defined, the medialit package imported anew (so its
#: state starts empty), no figures open, working folder exercises/.
_STUDENT_KERNEL: list = []
_AS_FRESH = f"""\
%reset -f
import os, sys
os.chdir({str(ROOT / "exercises")!r})
for name in [m for m in sys.modules if m == "medialit" or m.startswith("medialit.")]:
    del sys.modules[name]
if "matplotlib.pyplot" in sys.modules:
    sys.modules["matplotlib.pyplot"].close("all")
%reset -f
"""


def _run_in_the_student_kernel(notebook, folder: Path, config) -> None:
    if not _STUDENT_KERNEL:
        km = NotebookClient(notebook, kernel_name="python3").create_kernel_manager()
        _STUDENT_KERNEL.append(km)

        def shut_down() -> None:
            from jupyter_core.utils import run_sync

            if run_sync(km.is_alive)():
                run_sync(km.shutdown_kernel)(now=True)

        config.add_cleanup(shut_down)
    km = _STUDENT_KERNEL[0]
    fresh = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(_AS_FRESH)])
    for nb, errors_allowed in ((fresh, False), (notebook, True)):
        client = NotebookClient(nb, km=km, timeout=120, kernel_name="python3", allow_errors=errors_allowed,
                                resources={"metadata": {"path": str(folder)}})
        try:
            client.execute()
        finally:
            if client.kc is not None:
                client.kc.stop_channels()


@pytest.mark.parametrize("name", NAMES)
def test_untouched_student_notebook_reaches_every_check_and_is_only_not_answered(name, pytestconfig):
    path = ROOT / "exercises" / f"{name}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    _run_in_the_student_kernel(notebook, path.parent, pytestconfig)
    reached = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if "check" in cell.metadata.get("tags", []):
            assert len(errors) == 1, cell.source
            assert errors[0].ename == "CheckNotPassed"
            # Jupyter shows the feedback, not a stack trace through the package
            assert errors[0].traceback == errors[0].evalue.split("\n"), errors[0].traceback
            assert not [o for o in cell.outputs if o.output_type == "stream"]
            match = checks.VERDICT_PATTERN.match(errors[0].evalue)
            assert match and match.group("verdict") == checks.NOT_ANSWERED, errors[0].evalue
            reached.append(int(match.group("task")))
        else:
            assert errors == [], (cell.source, errors)
    assert reached == checks.exercise(name).numbers


EXPECTED_REPORT = """\
student,status,task_1,task_2,task_3,task_4,task_5,task_6,task_7,task_8
ada_correct.ipynb,ok,passed,passed,passed,passed,passed,passed,passed,passed
ben_partly_wrong.ipynb,ok,not yet,passed,not yet,passed,not yet,passed,passed,not answered
cai_blank.ipynb,ok,not answered,not answered,not answered,not answered,not answered,not answered,not answered,not answered
dee_corrupt.ipynb,unreadable: not a valid notebook (not JSON),,,,,,,,
eve_other_exercise.ipynb,wrong exercise: this is 02_attribution,,,,,,,,
fay_endless_loop.ipynb,timed out: a cell ran longer than 4 s (an endless loop?),passed,passed,passed,passed,passed,not run,not run,not run
"""

EXPECTED_SUMMARY = """\
task,passed,not yet,not answered,check error,error,not run
task_1,2,1,1,0,0,0
task_2,3,0,1,0,0,0
task_3,2,1,1,0,0,0
task_4,3,0,1,0,0,0
task_5,2,1,1,0,0,0
task_6,2,0,1,0,0,1
task_7,2,0,1,0,0,1
task_8,1,0,2,0,0,1
"""


def test_check_class_on_the_fixture_folder_writes_the_expected_csvs(tmp_path, capsys):
    out = tmp_path / "report.csv"
    status = cli.main(["check-class", str(FIXTURES), "--exercise", "01", "--out", str(out), "--timeout", "4"])
    assert status == 0
    assert out.read_text(encoding="utf-8") == EXPECTED_REPORT
    assert (tmp_path / "report-summary.csv").read_text(encoding="utf-8") == EXPECTED_SUMMARY
    printed = capsys.readouterr().out
    assert "6 notebooks checked." in printed
    assert "dee_corrupt.ipynb: unreadable" in printed


def test_cli_reports_bad_arguments_without_a_traceback(tmp_path, capsys):
    assert cli.main(["check-class", str(tmp_path), "--exercise", "99_none"]) == 2
    assert "No exercise called '99_none'" in capsys.readouterr().err
    assert cli.main(["check-class", str(tmp_path / "missing"), "--exercise", "01"]) == 2
    assert cli.main(["check-class", str(tmp_path), "--exercise", "01"]) == 2
    assert "no .ipynb files" in capsys.readouterr().err
    assert cli.main([]) == 2


def test_make_exercises_check_mode_passes_on_the_repository(capsys):
    assert cli.main(["make-exercises", "--check"]) == 0
    assert "All student notebooks match" in capsys.readouterr().out


def test_readme_describes_the_self_check_output_of_an_untouched_exercise():
    """The README quotes what `pytest --nbval-lax exercises/02_attribution.ipynb` prints untouched."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    # the README's command; suite_startup only spares this second pytest an import (tasks.py test loads it too)
    run = subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "exercises/02_attribution.ipynb",
                          "-p", "no:cacheprovider", "-p", "suite_startup", "-q"], capture_output=True, text=True,
                         cwd=root, timeout=300,
                         env={**os.environ, "COLUMNS": "120"})
    last = run.stdout.strip().splitlines()[-1]
    counts = re.match(r"(\d+ failed, \d+ passed)", last).group(1)
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"`{counts}`" in readme
    # the summary names each task that is not right yet (exercises/conftest.py), as the README says
    summary = [line for line in run.stdout.splitlines() if line.startswith("FAILED ")]
    named = [re.search(r"::Cell \d+ - ✗ Task (\d+) — not answered yet", line) for line in summary]
    assert all(named), summary
    assert [int(m.group(1)) for m in named] == checks.exercise("02").numbers
    example = re.search(r"::Cell \d+ - ✗ Task \d+ — ", readme)
    assert example and any(example.group(0) in line for line in summary), "the README's example line is stale"


@pytest.mark.parametrize("path", [*SOLUTIONS, *(ROOT / "exercises" / f"{n}.ipynb" for n in NAMES)],
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_exercise_title_renders_as_a_heading_not_a_code_block(path):
    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0]
    assert first.cell_type == "markdown"
    assert re.match(r"# Exercise \d\d · ", first.source), first.source[:60]
    assert not any(generate.indented_by_accident(c.source) for c in notebook.cells if c.cell_type == "markdown")


def test_generator_refuses_a_markdown_cell_that_would_render_as_code(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("    # Exercise 02 · Title"),
        nbformat.v4.new_code_cell('import medialit as ml\ncheck = ml.checks.exercise("02_attribution")'),
    ])
    path = tmp_path / "02_attribution.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(generate.ExerciseFormatError, match="renders as a code block"):
        generate.render_student(path)


def test_self_check_prints_one_line_per_task_from_the_class_checks_engine(capsys):
    """`medialit check FILE` gives the outcomes the class report gives for the same file."""
    path = FIXTURES / "ben_partly_wrong.ipynb"
    assert cli.main(["check", str(path), "--timeout", "30"]) == 1
    printed = capsys.readouterr().out.splitlines()
    row = next(line for line in EXPECTED_REPORT.splitlines() if line.startswith("ben_partly_wrong"))
    outcomes = row.split(",")[2:]
    titles = [task.title for task in checks.exercise("01").tasks]
    marks = {"passed": "✓", "not yet": "✗", "not answered": "–"}
    words = {"passed": "right", "not yet": "not yet", "not answered": "not answered"}
    assert printed[0] == "ben_partly_wrong.ipynb (exercise 01_meet_the_pieces)"
    assert printed[1:-1] == [f"  {marks[o]} Task {n}  {t} — {words[o]}"
                             for n, (o, t) in enumerate(zip(outcomes, titles), start=1)]
    assert printed[-1].startswith(f"{outcomes.count('passed')} of {len(outcomes)} tasks right.")


def test_self_check_of_a_finished_notebook_says_all_right(capsys):
    assert cli.main(["check", str(FIXTURES / "ada_correct.ipynb")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"All {len(checks.exercise('01').tasks)} tasks right."


@pytest.mark.parametrize("name, message", [
    ("missing.ipynb", "there is no file"),
    ("dee_corrupt.ipynb", "is not a notebook that can be read (its text is not notebook JSON: perhaps it was cut "
                          "short while saving or copying). Try opening it in JupyterLab; if that fails too, the "
                          "file is damaged: start again from a fresh copy of the exercise."),
    ("not_an_exercise.ipynb", "is not an exercise notebook"),
])
def test_self_check_explains_a_file_it_cannot_check(tmp_path, capsys, name, message):
    if name == "not_an_exercise.ipynb":
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), tmp_path / name)
    path = FIXTURES / name if name == "dee_corrupt.ipynb" else tmp_path / name
    assert cli.main(["check", str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err + captured.out
