"""What the README shows a student is what the project has and prints now.

- The folder table names every guided notebook and every exercise (by name or in a range like
  ``01–07``), and nothing that does not exist.
- The example output of ``medialit check exercises/02_attribution.ipynb`` uses the header and the task
  titles the self-check prints for that exercise (the ``pytest --nbval-lax`` counts are checked in
  ``test_exercises.py``).
- Every ``medialit`` command the README prints is accepted by medialit's command line.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from medialit import checks
from medialit.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _row(folder: str) -> str:
    return next(line for line in README.splitlines() if line.startswith(f"| `{folder}/` |"))


def _numbers(text: str) -> set[str]:
    """Two-digit numbers a table cell names: `NN_stem` names and ranges such as 01–07."""
    named = set(re.findall(r"`(\d\d)_[a-z_]+`", text))
    for start, end in re.findall(r"\b(\d\d)[–-](\d\d)\b", text):
        named |= {f"{n:02d}" for n in range(int(start), int(end) + 1)}
    return named


def test_the_folder_table_lists_every_exercise_and_nothing_else():
    row = _row("exercises")
    have = {p.name[:2] for p in (ROOT / "exercises").glob("[0-9][0-9]_*.ipynb")}
    assert _numbers(row) == have
    for stem in re.findall(r"`(\d\d_[a-z_]+)`", row):
        assert (ROOT / "exercises" / f"{stem}.ipynb").is_file(), stem


def test_the_folder_table_names_the_first_and_last_guided_notebook():
    row = _row("notebooks")
    stems = sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    named = re.findall(r"`(\d\d_[a-z_]+)`", row)
    assert named == [stems[0], stems[-1]], (named, stems)


def test_the_self_check_example_is_what_it_prints_for_exercise_02():
    block = README[README.index("It runs the notebook the way the teacher's class check does"):]
    block = block[block.index("```") + 3:]
    block = block[: block.index("```")]
    lines = [line for line in block.strip().splitlines() if line.strip() != "…"]
    assert lines[0] == "02_attribution.ipynb (exercise 02_attribution)"
    tasks = checks.exercise("02").tasks
    words = {"✓": "right", "✗": "not yet", "–": "not answered"}
    for line in lines[1:]:
        match = re.fullmatch(r"  ([✓✗–]) Task (\d+)  (.+) — (right|not yet|not answered)", line)
        assert match, line
        mark, number, title, outcome = match.groups()
        assert title == tasks[int(number) - 1].title, line
        assert outcome == words[mark], line
    assert "medialit check exercises/02_attribution.ipynb" in README


@pytest.mark.parametrize("command", re.findall(r"^\.venv/bin/medialit (.+)$", README, re.MULTILINE))
def test_every_medialit_command_in_the_readme_is_accepted(command):
    try:
        build_parser().parse_args(shlex.split(command))
    except SystemExit:
        pytest.fail(f"the README's `medialit {command}` is not accepted by medialit's command line")
