"""The class check against hostile notebooks: each runs in its own sandbox, and only its answers count.

One class of small exercise-01 notebooks (correct ones and hostile ones) is checked once, three at a
time, with short limits; each test then reads its row.  Each hostile notebook tries one of the
attacks the class check must survive: forged verdicts, patched checks, rewritten data, deleting or
copying a classmate's notebook, a process left behind, killing the checker, an output flood, too much
memory, slow cells, and reading the teacher's environment (from a file whose name is a formula).
Hostile notebooks that never use the data or a chart start with ``LIGHT_SETUP`` (the exercise's
check without pandas and pyplot): half the start-up cost of a notebook, and no attack needs them.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

import medialit as ml
from medialit.exercises import answers, sandbox
from medialit.exercises.classcheck import ReportError, ReportExtension, check_class

ROOT = Path(__file__).resolve().parent.parent
ADA = nbformat.read(ROOT / "tests" / "fixtures" / "class" / "ada_correct.ipynb", as_version=4)
CORRECT = [c.source for c in ADA.cells if c.cell_type == "code"]
SETUP = CORRECT[0]
LIGHT_SETUP = 'import medialit as ml\ncheck = ml.checks.exercise("01_meet_the_pieces")'
FORMULA = '=HYPERLINK("evil.example")x.ipynb'
LIMITS = sandbox.Limits(cell_seconds=5, notebook_seconds=7, output_bytes=1_000_000)
#: Exercise 01's answer variables, task by task (the last task is the written reflection).
VARIABLES = {1: "roles", 2: "page_end", 3: "said_twice", 4: "body_counts", 5: "most_meta", 6: "repeating",
             7: "fig", 8: "reflection"}
LAST = max(VARIABLES)
TASKS = range(1, LAST + 1)
HEADER = "student,status," + ",".join(f"task_{n}" for n in TASKS)
BLANK_ANSWERS = [line for n, name in VARIABLES.items() for line in (f"{name} = ...", f"check.task_{n}({name})")]


def write(folder: Path, name: str, cells: list[str]) -> Path:
    path = folder / name
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), path)
    return path


def correct_until(task: int) -> list[str]:
    """The correct notebook's cells up to and including the check of ``task``."""
    end = next(i for i, c in enumerate(CORRECT) if c.strip() == f"check.task_{task}({_variable(task)})")
    return CORRECT[: end + 1]


def _variable(task: int) -> str:
    return VARIABLES[task]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Check the hostile class once; returns (results by name, report text, paths, summary text)."""
    base = tmp_path_factory.mktemp("hostile")
    teacher_data = base / "teacher-data"
    shutil.copytree(ml.corpus.data_dir(), teacher_data, ignore=shutil.ignore_patterns("user"))
    hand_ins = base / "hand-ins"
    hand_ins.mkdir()
    marks = base / "marks"
    marks.mkdir()
    victim = write(hand_ins, "a_correct.ipynb", CORRECT)     # sibling_delete deletes it (and every other one)
    write(hand_ins, "forged_print.ipynb", [
        LIGHT_SETUP, f"for n in range(1, {LAST + 1}):\n    print(f'✓ Task {{n}} — right. Well done.')",
        "roles = ...", "print('✓ Task 1 — right.')", "page_end = ...",
        "print('✓ Task 2 — right.')\ncheck.task_2(page_end)\nprint('✓ Task 2 — right.')",
    ])
    write(hand_ins, "patched_check.ipynb", [
        LIGHT_SETUP,
        "import medialit.exercises.answers, json, os\n"
        f"for n in range(1, {LAST + 1}):\n    setattr(check, f'task_{{n}}', lambda *a: print('✓ Task 1 — right.'))\n"
        "ml.checks.Exercise.result = lambda self, n, *a, **k: ml.checks.right('forged')\n"
        "ml.checks.format_message = lambda n, r: f'✓ Task {n} — right.'\n"
        "ml.checks.Task.run = lambda self, *a, **k: ml.checks.right('forged')\n"
        "channel = medialit.exercises.answers.CHANNEL\n"
        "medialit.exercises.answers.capture = lambda *a, **k: None\n"
        f"for n in range(1, {LAST + 1}):\n"
        "    os.write(channel, ('answer ' + json.dumps({'task': n, 'verdict': 'right', 'outcome': 'passed'})"
        " + '\\n').encode())",
        *BLANK_ANSWERS,
    ])
    write(hand_ins, "data_rewrite.ipynb", [
        LIGHT_SETUP,
        "import os, pathlib\n"
        "for folder in [ml.corpus.data_dir()]:\n"
        "    path = pathlib.Path(folder) / 'sentences.csv'\n"
        "    try:\n"
        "        os.chmod(folder, 0o755); os.chmod(path, 0o644)\n"
        "    except OSError:\n"
        "        pass\n"
        "    path.write_text(path.read_text(encoding='utf-8').replace(',fact,', ',advocacy,'), encoding='utf-8')",
        *BLANK_ANSWERS,
    ])
    write(hand_ins, "sibling_delete.ipynb", [
        LIGHT_SETUP,
        "import glob, os\n"
        "for pattern in ['*.ipynb', '../*.ipynb', '../../*.ipynb', '../../../*.ipynb', "
        f"{str(hand_ins / '*.ipynb')!r}]:\n"
        "    for path in glob.glob(pattern):\n"
        "        if 'sibling_delete' not in path:\n"
        "            os.remove(path)",
        *BLANK_ANSWERS,
    ])
    write(hand_ins, "sibling_copy.ipynb", [
        LIGHT_SETUP,
        "import glob, json, os, time\n"
        "time.sleep(1)   # let the classmates running alongside get going\n"
        "found = [p for pattern in ['*.ipynb', '../*.ipynb', '../../*.ipynb', '../**/*.ipynb', '../../**/*.ipynb', "
        "os.path.expanduser('~/**/*.ipynb')] for p in glob.glob(pattern, recursive=True)]\n"
        "leaks = [p for p in glob.glob('../../**/*', recursive=True) if os.path.isfile(p) and "
        "('answer' in p or p.endswith(('.json', '.ipynb')) and 'matplotlib' not in p and 'ipython' not in p)]\n"
        "peeks = []\n"
        "for pid in filter(str.isdigit, os.listdir('/proc')):\n"
        "    try:\n"
        "        if int(pid) != os.getpid() and b'medialit.exercises.worker' in open(f'/proc/{pid}/cmdline', 'rb').read():\n"
        "            peeks.append(os.readlink(f'/proc/{pid}/cwd'))\n"
        "    except OSError:\n"
        "        pass\n"
        "stolen = {}\n"
        "for path in found:\n"
        "    for cell in json.load(open(path))['cells']:\n"
        "        if 'roles = {' in ''.join(cell['source']):\n"
        "            exec(''.join(cell['source']), stolen)\n"
        "roles = stolen.get('roles', ...)",
        "check.task_1(roles)",
        "reflection = f'{len(found)} notebooks, {len(leaks)} code or answer files, {len(peeks)} processes: "
        "{found} {leaks} {peeks}'",
        f"check.task_{LAST}(reflection)",
    ])
    write(hand_ins, "orphan.ipynb", [
        SETUP,
        "import os, time\n"
        "if os.fork() == 0:\n"
        "    os.setsid()\n"
        "    if os.fork() == 0:\n"
        f"        open({str(marks / 'sleeper.pid')!r}, 'w').write(str(os.getpid()))\n"
        "        time.sleep(4)\n"
        f"        open({str(marks / 'rewritten-late')!r}, 'w').write('the report was rewritten')\n"
        "    os._exit(0)\n"
        "time.sleep(0.5)",
        *correct_until(1)[1:],
    ])
    write(hand_ins, "parent_kill.ipynb", [
        *correct_until(1),
        "import os, signal, medialit.exercises.answers as a\n"     # a forged status first, then the kill
        "os.write(a.CHANNEL, b'result {\"status\": \"ok\", \"cells_run\": 99, \"errors\": []}\\n')\n"
        "os.kill(os.getppid(), signal.SIGKILL)",
        *CORRECT[len(correct_until(1)):],
    ])
    write(hand_ins, "flood.ipynb", [*correct_until(1), "while True:\n    print('x' * 100_000)"])
    write(hand_ins, "memory_hog.ipynb", [*correct_until(1), "hog = bytearray(3_000_000_000)", *CORRECT[len(correct_until(1)):]])
    # named to be checked first (in name order): the others run beside its 7 s instead of after them
    write(hand_ins, "0_slow_cells.ipynb", [*correct_until(1), *["import time\ntime.sleep(2.5)"] * 4,
                                         *CORRECT[len(correct_until(1)):]])
    write(hand_ins, FORMULA, [LIGHT_SETUP, "import os\nreflection = repr(sorted(os.environ.items()))",
                              f"check.task_{LAST}(reflection)"])          # its name and its code both attack
    write(hand_ins, "z_correct_after.ipynb", CORRECT)
    out = base / "out" / "report.csv"
    out.parent.mkdir()
    old = os.environ.get("MEDIALIT_DATA")
    os.environ["MEDIALIT_DATA"] = str(teacher_data)
    os.environ["TEACHER_SECRET"] = "do-not-leak-42"
    lines: list[str] = []
    started = time.monotonic()
    try:
        results, written, text = check_class(hand_ins, "01_meet_the_pieces", out, jobs=3, limits=LIMITS,
                                             progress=lines.append)
    finally:
        os.environ.pop("TEACHER_SECRET")
        if old is None:
            os.environ.pop("MEDIALIT_DATA")
        else:
            os.environ["MEDIALIT_DATA"] = old
    return {"results": {r.student: r for r in results}, "text": text, "written": written, "lines": lines,
            "marks": marks, "started": started, "victim": victim, "hand_ins": hand_ins,
            "teacher_data": teacher_data, "out": out}


def row(checked, name):
    return checked["results"][name]


def test_correct_notebooks_pass_every_task_and_progress_is_shown(checked):
    for name in ("a_correct.ipynb", "z_correct_after.ipynb"):
        result = row(checked, name)
        assert result.status == "ok", result.status
        assert set(result.outcomes.values()) == {"passed"}, result.outcomes
    assert checked["lines"][0].startswith("Checking 13 notebooks of 01_meet_the_pieces, 3 at a time")
    assert any(line.startswith("[13/13] ") for line in checked["lines"])


def test_forged_verdicts_printed_by_the_notebook_count_for_nothing(checked):
    result = row(checked, "forged_print.ipynb")
    assert result.status.startswith("ok")
    # tasks 1-2 were left as ...; the later tasks never assigned their variable at all
    assert result.outcomes == {1: "not answered", 2: "not answered", **{n: "error" for n in TASKS if n > 2}}, \
        result.outcomes
    assert result.feedback[3] == "NameError before the check"


def test_patched_checks_and_forged_answer_files_count_for_nothing(checked):
    result = row(checked, "patched_check.ipynb")
    # the patches ran: its capture was switched off, and the forged files (verdicts, no value) were all it left
    assert result.answers == {n: None for n in TASKS}
    assert set(result.outcomes.values()) == {"not answered"}, result.outcomes


def test_a_notebook_that_rewrites_its_data_is_marked_and_nobody_else_is_affected(checked):
    result = row(checked, "data_rewrite.ipynb")
    assert result.status == "tampered: changed its copy of the data (data/sentences.csv (changed))"
    assert set(row(checked, "z_correct_after.ipynb").outcomes.values()) == {"passed"}
    assert "Your data/ folder changed" not in checked["text"]


def test_a_notebook_that_rewrites_the_teachers_own_data_is_named_and_grading_uses_a_copy(tmp_path, monkeypatch):
    teacher_data = tmp_path / "teacher-data"
    shutil.copytree(ml.corpus.data_dir(), teacher_data, ignore=shutil.ignore_patterns("user"))
    monkeypatch.setenv("MEDIALIT_DATA", str(teacher_data))
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    write(hand_ins, "a_writer.ipynb", [LIGHT_SETUP, "import pathlib\n"      # a student who guessed the path
                                       f"path = pathlib.Path({str(teacher_data)!r}) / 'sentences.csv'\n"
                                       "path.write_text(path.read_text().replace(',fact,', ',advocacy,'))"])
    write(hand_ins, "b_correct.ipynb", CORRECT)
    results, _, text = check_class(hand_ins, "01", tmp_path / "r.csv", jobs=1, limits=LIMITS)
    by_name = {r.student: r for r in results}
    assert by_name["a_writer.ipynb"].status == "ok; the teacher's data/ changed while it ran (data/sentences.csv)"
    assert by_name["b_correct.ipynb"].status == "ok"
    assert set(by_name["b_correct.ipynb"].outcomes.values()) == {"passed"}
    assert ("Your data/ folder changed during the check: sentences.csv. Grading used a copy made before the "
            "first notebook ran.") in text


def test_deleting_a_classmates_notebook_does_not_change_their_check(checked):
    assert not checked["victim"].exists()              # same user: the file itself could be deleted …
    victim = row(checked, "a_correct.ipynb")           # … but it was read before anything ran
    assert set(victim.outcomes.values()) == {"passed"}, victim.outcomes
    assert "Hand-ins changed during the check: " in checked["text"]
    assert "a_correct.ipynb (deleted)" in checked["text"]
    assert "Each notebook was checked as it was when the check began." in checked["text"]


def test_a_notebook_cannot_find_a_classmates_notebook_code_or_answers(checked):
    """Not next to it, not by listing the checker's folders, not through /proc (classmates ran alongside)."""
    result = row(checked, "sibling_copy.ipynb")
    assert result.outcomes[1] == "not answered"
    assert result.answers[LAST].startswith("0 notebooks, 0 code or answer files, ")
    if os.geteuid() != 0:   # root may look into any process; see the run-as test for an unprivileged account
        assert result.answers[LAST] == "0 notebooks, 0 code or answer files, 0 processes: [] [] []"


def test_no_process_survives_its_notebook(checked):
    marks = checked["marks"]
    pid = int((marks / "sleeper.pid").read_text())
    forked = (marks / "sleeper.pid").stat().st_mtime      # the sleeper would write 4 s after this
    time.sleep(max(0.0, forked + 5 - time.time()))
    assert not (marks / "rewritten-late").exists()
    try:
        os.kill(pid, 0)
        alive = Path(f"/proc/{pid}/stat").is_file() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except ProcessLookupError:
        alive = False
    assert not alive, f"the sleeper {pid} survived"
    assert row(checked, "orphan.ipynb").outcomes[1] == "passed"


def test_a_notebook_that_kills_its_parent_keeps_what_it_answered(checked):
    result = row(checked, "parent_kill.ipynb")
    assert result.status == "stopped: the notebook ended the process that ran it (signal 9)"
    assert result.outcomes == {1: "passed", **{n: "not run" for n in TASKS if n > 1}}


def test_an_output_flood_is_stopped(checked):
    result = row(checked, "flood.ipynb")
    assert result.status == "stopped: the notebook printed more than 1 MB of output"
    assert result.outcomes[1] == "passed" and result.outcomes[2] == "not run"


def test_a_notebook_that_asks_for_too_much_memory_gets_an_error_in_that_cell_only(checked):
    result = row(checked, "memory_hog.ipynb")
    assert result.status == "ok"
    assert set(result.outcomes.values()) == {"passed"}, result.outcomes


def test_slow_cells_are_stopped_by_the_limit_per_notebook(checked):
    result = row(checked, "0_slow_cells.ipynb")
    assert result.status == "timed out: the notebook ran longer than 7 s in total"
    assert result.outcomes[1] == "passed" and result.outcomes[LAST] == "not run"


def test_a_file_name_that_is_a_formula_is_written_as_text(checked):
    text = checked["out"].read_text(encoding="utf-8")
    assert "\n\"'=HYPERLINK(\"\"evil.example\"\")x.ipynb\",ok," in text
    assert "\n=" not in text and "\n\"=" not in text


def test_the_notebook_sees_a_clean_environment_and_its_own_data_copy(checked):
    seen = row(checked, FORMULA).answers[LAST]
    assert "TEACHER_SECRET" not in seen and "do-not-leak-42" not in seen
    assert "MEDIALIT_DATA" in seen and str(checked["teacher_data"]) not in seen
    assert re.search(r"\('HOME', '[^']*/box-[^'/]*/home'\)", seen), seen


def test_the_report_and_summary_are_complete(checked):
    rows = checked["out"].read_text(encoding="utf-8").splitlines()
    assert rows[0] == HEADER
    assert len(rows) == 14
    summary = (checked["out"].parent / "report-summary.csv").read_text(encoding="utf-8").splitlines()
    assert summary[0] == "task,passed,not yet,not answered,check error,error,not run"
    assert [p.name for p in checked["written"]] == ["report.csv", "report-summary.csv"]


# ---------------------------------------------------------------------------
# nothing lost


def test_an_unwritable_report_is_refused_before_any_notebook_runs(tmp_path):
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    marker = tmp_path / "ran"
    write(hand_ins, "a.ipynb", [SETUP, f"open({str(marker)!r}, 'w').write('ran')"])
    for out, message in ((tmp_path / "missing" / "r.csv", "does not exist"), (tmp_path, "is a folder")):
        with pytest.raises(ReportError, match=message):
            check_class(hand_ins, "01", out)
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    os.chmod(blocked, 0o500)
    try:
        if os.geteuid() != 0:                           # root may write anywhere
            with pytest.raises(ReportError, match="cannot write"):
                check_class(hand_ins, "01", blocked / "r.csv")
    finally:
        os.chmod(blocked, 0o700)
    assert not marker.exists()
    from medialit import cli

    assert cli.main(["check-class", str(hand_ins), "--exercise", "01", "--out", str(tmp_path / "no" / "r.csv")]) == 2


def test_a_notebook_that_kills_the_checker_leaves_the_rows_already_written(tmp_path):
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    write(hand_ins, "a_correct.ipynb", CORRECT)
    write(hand_ins, "b_killer.ipynb", [LIGHT_SETUP, "import os, signal\n"
                                       "monitor = os.getppid()\n"
                                       "checker = int(open(f'/proc/{monitor}/stat').read().rsplit(')', 1)[1].split()[1])\n"
                                       "os.kill(checker, signal.SIGKILL)\nimport time\ntime.sleep(5)"])
    write(hand_ins, "c_correct.ipynb", CORRECT)
    out = tmp_path / "report.csv"
    run = subprocess.run([str(Path(sys.executable).parent / "medialit"), "check-class", str(hand_ins),
                          "--exercise", "01", "--out", str(out), "--jobs", "1", "--timeout", "10"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8").splitlines() == [
        HEADER,
        "a_correct.ipynb,ok," + ",".join(["passed"] * LAST),
    ]
    assert not list(tmp_path.glob(".report.csv.*.tmp"))
    import tempfile

    left = [p for p in Path(tempfile.gettempdir()).glob("medialit-check-*-*") if (p / "reference").is_dir()
            and not Path(f"/proc/{p.name.split('-')[2]}").exists()]
    assert left, "the killed checker's folder should still be there"
    from medialit.exercises.classcheck import _remove_stale_runs

    _remove_stale_runs(Path(tempfile.gettempdir()))   # what the next check does first
    assert not any(p.exists() for p in left)


# ---------------------------------------------------------------------------
# answers out of the kernel, and the hook for other reports


def test_answers_survive_the_trip_out_of_the_kernel():
    import matplotlib.figure
    import numpy as np
    import pandas as pd

    figure = matplotlib.figure.Figure()
    ax = figure.subplots()
    ax.barh(["a", "b"], [3, 1])
    ax.set_title("Roles")
    ax.set_xlabel("sentences")
    figure.suptitle("Top")
    rebuilt = answers.decode(json.loads(json.dumps(answers.encode(figure))))
    from medialit.exercises.charts import bar_values, is_horizontal

    assert bar_values(rebuilt.get_axes()[0]) == [3.0, 1.0] and is_horizontal(rebuilt.get_axes()[0])
    assert rebuilt.get_axes()[0].get_title() == "Roles" and rebuilt.get_axes()[0].get_xlabel() == "sentences"
    assert answers.decode(answers.encode(ax)).__class__.__name__ == "Axes"
    frame = pd.DataFrame({"a": [1, 2]}, index=["x", "y"])
    assert answers.decode(answers.encode(frame)).equals(frame)
    assert answers.decode(answers.encode(np.float64(0.25))) == 0.25
    assert answers.decode(answers.encode({"k": {1, 2}, "t": (1, [2, ...])})) == {"k": {1, 2}, "t": (1, [2, ...])}
    assert answers.decode(answers.encode(list(range(300_000)))).__class__.__name__ == "too large" \
        or "too large" in repr(answers.decode(answers.encode(list(range(300_000)))))


def test_an_answer_that_fights_back_is_recorded_as_a_stand_in(tmp_path):
    class Exploding:
        def __repr__(self):
            raise SystemExit("no")

        def __iter__(self):
            raise KeyboardInterrupt

    answers.capture(1, lambda: Exploding(), str(tmp_path))
    value = answers.load(tmp_path / "answer_1.json")["value"]
    assert type(value).__name__ == "Exploding"
    result = ml.checks.exercise("01").result(1, value)
    assert result.verdict == ml.checks.NOT_ANSWERED and "you gave a Exploding" in result.text.replace("an E", "a E")
    answers.capture(2, lambda: undefined_name, str(tmp_path))  # noqa: F821
    assert answers.load(tmp_path / "answer_2.json") == {"task": 2, "error": "NameError"}
    (tmp_path / "answer_3.json").write_text('{"task": 3, "value": {"$": "pickle", "v": "cos\\nsystem"}}')
    with pytest.raises(answers.AnswerFileError):
        answers.load(tmp_path / "answer_3.json")


def test_the_report_gives_each_students_labelling_agreement_and_the_hardest_sentences(tmp_path, capsys):
    """Exercise 02 through the command line: agreement columns, the hardest-sentences CSV, the printed summary."""
    from medialit import cli

    gold = ml.load_sentences().set_index("sent_id").label
    first, second = ml.practice.passage("02-a").items(), ml.practice.passage("02-b").items()
    hard, other = first[1], {"fact": "advocacy", "attributed": "fact", "advocacy": "fact"}
    setup = 'import medialit as ml\ncheck = ml.checks.exercise("02_attribution")'
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    right = {i: gold[i] for i in first}
    write(hand_ins, "ada.ipynb", [setup, f"labels_a = {right!r}", "check.task_1(labels_a)",
                                  f"labels_b = {dict((i, gold[i]) for i in second)!r}", "check.task_3(labels_b)"])
    # half typed, one id written loosely, one value a formula and one not a label: only the labels count
    loose = first[2].rsplit("-", 1)[0].upper() + " " + str(int(first[2].rsplit("-", 1)[1]))
    partly = {hard: other[gold[hard]], loose: gold[first[2]], first[3]: "=cmd()",
              first[4]: "opinion"}
    write(hand_ins, "=ben.ipynb", [setup, f"labels_a = {partly!r}", "check.task_1(labels_a)"])
    out = tmp_path / "report.csv"
    assert cli.main(["check-class", str(hand_ins), "--exercise", "02", "--out", str(out), "--timeout", "20"]) == 0
    printed = capsys.readouterr().out
    rows = {r["student"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["ada.ipynb"]["labels_answered"] == str(len(first) + len(second))
    assert rows["ada.ipynb"]["labels_agree"] == rows["ada.ipynb"]["labels_kappa"] == "1.00"
    ben = rows["'=ben.ipynb"]
    assert ben["labels_answered"] == "2" and ben["labels_agree"] == "0.50"
    expected = ml.practice.summary.summarise_labels([gold[hard], gold[first[2]]], [other[gold[hard]], gold[first[2]]])
    assert ben["labels_kappa"] == f"{expected.kappa:.2f}"      # the figure the student sees under the passage
    assert ben[f"{gold[first[2]]}_agree"] == ("1.00" if gold[first[2]] != gold[hard] else "0.50")
    table = list(csv.reader((tmp_path / "report-hardest-sentences.csv").open(encoding="utf-8")))
    header, top = table[0], dict(zip(table[0], table[1]))
    assert header[:4] == ["rank", "sent_id", "passage", "gold"]
    assert (top["sent_id"], top["passage"], top["gold"]) == (hard, "02-a", gold[hard])
    assert (top["answered"], top["disagreed"], top["share disagreed"]) == ("2", "1", "0.50")
    assert top["most common wrong label"] == other[gold[hard]] and re.fullmatch(r"L[1-5]", top["rule"])
    assert len(table) == 1 + len(first) + len(second)
    assert not [c for row in table for c in row if c.startswith(("=", "+", "-", "@"))]
    assert "Labelling practice: 2 of 2 students" in printed and f"1. {hard}  1 of 2 disagreed" in printed
    assert "report-hardest-sentences.csv" in printed


# ---------------------------------------------------------------------------
# real isolation: a separate account (only where this test runs as root)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root to start notebooks as another account")
def test_run_as_another_account_cannot_read_the_class_folder_or_stop_the_checker(tmp_path):
    import pwd

    try:
        pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no account 'nobody'")
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    os.chmod(hand_ins, 0o700)
    write(hand_ins, "a_correct.ipynb", CORRECT)
    write(hand_ins, "b_prober.ipynb", [LIGHT_SETUP, "import os, signal, time\ntime.sleep(1)\nattempts = []\n"
                                       f"for action in [lambda: os.listdir({str(hand_ins)!r}),\n"
                                       f"               lambda: open({str(hand_ins / 'a_correct.ipynb')!r}).read(),\n"
                                       f"               lambda: os.kill({os.getpid()}, signal.SIGKILL),\n"
                                       "               lambda: open(os.path.join(os.environ['MEDIALIT_DATA'], "
                                       "'sentences.csv'), 'a').write('x'),\n"
                                       "               lambda: os.chmod(os.environ['MEDIALIT_DATA'], 0o777)]:\n"
                                       "    try:\n        action(); attempts.append('allowed')\n"
                                       "    except Exception as e:\n        attempts.append(type(e).__name__)\n"
                                       "peeks = []\n"
                                       "for pid in filter(str.isdigit, os.listdir('/proc')):\n"
                                       "    try:\n"
                                       "        if int(pid) != os.getpid() and b'medialit.exercises.worker' in "
                                       "open(f'/proc/{pid}/cmdline', 'rb').read():\n"
                                       "            peeks.append(os.readlink(f'/proc/{pid}/cwd'))\n"
                                       "    except OSError:\n"
                                       "        pass\n"
                                       "reflection = ' '.join(attempts) + f' uid {os.getuid()} peeks {peeks}'",
                                       f"check.task_{LAST}(reflection)"])
    results, _, _ = check_class(hand_ins, "01", tmp_path / "r.csv", limits=LIMITS, run_as="nobody", jobs=2)
    by_name = {r.student: r for r in results}
    assert set(by_name["a_correct.ipynb"].outcomes.values()) == {"passed"}
    uid = pwd.getpwnam("nobody").pw_uid
    # the classmate's worker and shell ran alongside, as the same account: /proc shows neither's folder
    assert by_name["b_prober.ipynb"].answers[LAST] == ("PermissionError PermissionError PermissionError "
                                                     f"PermissionError PermissionError uid {uid} peeks []")
    assert by_name["b_prober.ipynb"].status == "ok"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root to start notebooks as another account")
def test_run_as_an_account_that_cannot_read_the_project_stops_with_one_clear_message(tmp_path, capsys, monkeypatch):
    # a repository in a private home folder once gave every notebook a bare "Permission denied" row
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no account 'nobody'")
    assert sandbox.account_cannot_run(nobody.pw_uid, nobody.pw_gid) is None, "the test repository is readable"
    private = tmp_path / "home"
    private.mkdir()
    os.chmod(private, 0o700)
    (private / "python").symlink_to(sys.executable)
    problem = sandbox.account_cannot_run(nobody.pw_uid, nobody.pw_gid, str(private / "python"))
    assert problem and str(private / "python") in problem and "/opt/medialit" in problem
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    write(hand_ins, "a_correct.ipynb", CORRECT)
    from medialit import cli
    from medialit.exercises import classcheck

    monkeypatch.setattr(classcheck, "account_cannot_run", lambda uid, gid: problem)
    out = tmp_path / "report.csv"
    assert cli.main(["check-class", str(hand_ins), "--exercise", "01", "--out", str(out),
                     "--run-as", "nobody"]) == 2
    printed = capsys.readouterr()
    assert printed.err.strip() == f"medialit: --run-as nobody: {problem}" and "Traceback" not in printed.err
    assert not out.exists()


def test_the_hostile_class_uses_exercise_01_as_it_is():
    """The variables above are exercise 01's answer variables, one per task, in order."""
    solution = nbformat.read(ROOT / "exercises" / "solutions" / "01_meet_the_pieces.ipynb", as_version=4)
    calls = [re.fullmatch(r"check\.task_(\d+)\((\w+)\)", c.source.strip()) for c in solution.cells
             if c.cell_type == "code" and c.source.strip().startswith("check.task_")]
    assert {int(m.group(1)): m.group(2) for m in calls} == VARIABLES
