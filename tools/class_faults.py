"""The faults a class meets on a hub, each checked for lost work.

    python tools/class_load_test.py --faults        # runs all four (about two minutes)

1. **kernel killed** mid-lesson (out of memory, a crash): the kernel process is killed while a
   cell runs;
2. **hub restarted** while students work (an update, a crash of the hub process);
3. **course updated** while students have edited notebooks: the teacher pushes a new commit
   and students follow the nbgitpuller link again;
4. **two tabs** of one student saving the same notebook (through the REST API with JupyterLab's
   own check, and in headless Chromium when it is installed).

Each scenario returns what the student sees and whether anything they wrote was lost; it
fails (``ok: False``) when a student's saved work differs from what they saved.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import traceback
from pathlib import Path

import class_browser
from classroom import (
    DEFAULT_EXERCISE, DEFAULT_LESSON, DEFAULT_TASK, PASSWORD, ClassRun, Deadline, Student,
    StudentError, code_cells, hubrun, note_cell, run_notebook, source, start_class,
)


def _fresh_student(run: ClassRun, name: str) -> Student:
    student = Student(run.hub.url, name)
    student.login_and_pull(run.link, run.deadline)
    return student


def _kernel_process(run: ClassRun, kernel_id: str):
    for proc in hubrun.hub_processes(run.state):
        try:
            if any(f"kernel-{kernel_id}.json" in part for part in proc.cmdline()):
                return proc
        except Exception:  # noqa: BLE001 - a process that just ended
            continue
    raise StudentError(f"no process found for kernel {kernel_id}")


def _cells(notebook: dict) -> list:
    return [(c["cell_type"], source(c)) for c in notebook["cells"]]


# ---------------------------------------------------------------------------


def kernel_killed(run: ClassRun) -> dict:
    """The kernel process dies (SIGKILL) in the middle of a cell."""
    student = _fresh_student(run, "kill01")
    path = f"{hubrun.COURSE_DIR}/{run.lesson}"
    notebook = student.read_notebook(path)["content"]
    cells = code_cells(notebook)
    half = cells[: max(1, len(cells) // 2)]
    kernel = student.open_kernel(path)
    try:
        first = run_notebook(kernel, notebook, run.deadline, half)
        notebook["cells"].append(note_cell("kill01"))
        student.save_notebook(path, notebook)
        victim = _kernel_process(run, kernel.id)
        killer = threading.Timer(2.0, lambda: victim.send_signal(signal.SIGKILL))
        killer.start()
        interrupted = kernel.execute("import time\nfor step in range(30):\n    time.sleep(1)")
        killer.join()
        # JupyterLab shows "Kernel Restarting" and reconnects; the server restarts the kernel.
        seen = list(interrupted.kernel_states)
        restarted_at = time.monotonic()
        while time.monotonic() - restarted_at < 60:
            model = student.api("GET", f"kernels/{kernel.id}")
            if model.get("execution_state") in {"idle", "starting"}:
                break
            time.sleep(0.5)
        student.reconnect(kernel)
        probe = kernel.execute("print('still here:', 'sentences' in dir())")
        again = run_notebook(kernel, notebook, run.deadline)
    finally:
        kernel.close()
    on_disk = json.loads((run.home("kill01") / run.lesson).read_text(encoding="utf-8"))
    kept = _cells(on_disk) == _cells(notebook)
    return {
        "scenario": "a student's kernel is killed while a cell runs",
        "cells_run_before": len(first),
        "interrupted_cell": interrupted.status,
        "kernel_messages_seen": seen,
        "after_restart": probe.text().strip(),
        "rerun_from_top": f"{sum(r.status == 'ok' for r in again)} of {len(again)} cells ok",
        "student_sees": ("JupyterLab's dialog 'Kernel Restarting: The kernel for "
                         f"{path} appears to have died. It will restart automatically.'; the "
                         "running cell never finishes, every variable is gone, and the saved "
                         "notebook with the student's note is unchanged. Running the notebook "
                         "again from the top works."),
        "saved_work_kept": kept,
        "ok": kept and interrupted.status == "lost" and all(r.status == "ok" for r in again)
              and probe.text().strip() == "still here: False",
    }


def hub_restarted(run: ClassRun) -> dict:
    """The hub process is stopped and started again while two students are mid-lesson."""
    names = ["restart01", "restart02"]
    path = f"{hubrun.COURSE_DIR}/{run.lesson}"
    students, kernels, notebooks = {}, {}, {}
    for name in names:
        student = _fresh_student(run, name)
        notebook = student.read_notebook(path)["content"]
        kernel = student.open_kernel(path)
        run_notebook(kernel, notebook, run.deadline, code_cells(notebook)[:3])
        kernel.execute(f"my_answer = {name!r}")
        notebook["cells"].append(note_cell(name))
        student.save_notebook(path, notebook)
        students[name], kernels[name], notebooks[name] = student, kernel, notebook
    # restart01 has a cell running while the hub goes down and comes back
    busy = {}
    runner = threading.Thread(target=lambda: busy.update(
        run=kernels["restart01"].execute(
            "import time\ntime.sleep(6)\nfinished_during_restart = True\nprint('cell finished')")))
    runner.start()
    time.sleep(0.5)
    hubrun.stop_hub_only(run.state)
    try:
        during = students["restart02"].read_notebook(path) is not None
        during_note = "the notebook still opens and saves while the hub is down"
    except Exception as error:  # noqa: BLE001
        during, during_note = False, f"while the hub is down: {error}"
    started = time.perf_counter()
    run.hub = hubrun.start(run.state, run.hub.port, PASSWORD, restarting=True)
    downtime = time.perf_counter() - started
    runner.join(timeout=60)
    results = {}
    finished = "not checked"
    ok = True
    for name in names:
        # the open tab: its websocket went down with the old proxy; JupyterLab reconnects
        student = students[name]
        try:
            student.reconnect(kernels[name])
            survived = kernels[name].execute("print(my_answer)").text().strip() == name
            if name == "restart01":
                finished = kernels[name].execute("print(finished_during_restart)").text().strip()
        except Exception as error:  # noqa: BLE001
            survived = f"could not reconnect: {error}"
        # logging back in from a new browser session, following the course link again
        again = Student(run.hub.url, name)
        again.login_and_pull(run.link, run.deadline)
        on_server = again.read_notebook(path)["content"]
        kept = _cells(on_server) == _cells(notebooks[name])
        results[name] = {"kernel_kept_variables": survived, "saved_work_kept": kept}
        ok = ok and kept and survived is True
        kernels[name].close()
    cell = busy.get("run")
    return {
        "scenario": "the hub is restarted while students work",
        "hub_down_and_up_s": round(downtime, 1),
        "while_hub_down": during_note,
        "cell_running_through_restart": {
            "tab_got_its_output": bool(cell and cell.status == "ok"),
            "kernel_finished_it": finished == "True",
        },
        "students": results,
        "student_sees": ("Open tabs keep working: their server and kernel never stopped (the hub "
                         "leaves them running), the connection drops for a moment when the new hub "
                         "replaces the proxy and JupyterLab reconnects by itself; variables are "
                         "still defined. A cell that was running at that moment still finishes in "
                         "the kernel, but if the drop came before it finished, its output does not "
                         "appear in the tab: run it again. Logging in again and following the course link opens the "
                         "same files, unchanged."),
        "ok": ok and bool(during) and finished == "True",
    }


def course_updated(run: ClassRun) -> dict:
    """The teacher pushes a change while a student has edited notebooks; the student pulls again."""
    name = "update01"
    student = _fresh_student(run, name)
    lesson = f"{hubrun.COURSE_DIR}/{run.lesson}"
    notebook = student.read_notebook(lesson)["content"]
    first_code = code_cells(notebook)[1]
    mine = source(notebook["cells"][first_code]) + "\n# my own change to this cell"
    notebook["cells"][first_code]["source"] = mine
    notebook["cells"].append(note_cell(name))
    student.save_notebook(lesson, notebook)

    # The teacher's update: the lesson's title cell, the very cell the student changed, another
    # notebook the student never opened, and a new file.
    other = "notebooks/00_start_here.ipynb"
    work = Path(tempfile.mkdtemp(prefix="course-update-"))
    try:
        git = ["git", "-c", "user.name=Teacher", "-c", "user.email=teacher@example.invalid"]
        subprocess.run(["git", "clone", "--quiet", run.repo_url, str(work)], check=True)
        upstream = json.loads((work / run.lesson).read_text(encoding="utf-8"))
        upstream["cells"][0]["source"] = _text(upstream["cells"][0]["source"]) + "\n\n*Updated by your teacher.*"
        upstream["cells"][first_code]["source"] = _text(upstream["cells"][first_code]["source"]) + "\n# the teacher's fix"
        _write_nb(work / run.lesson, upstream)
        zero = json.loads((work / other).read_text(encoding="utf-8"))
        zero["cells"][0]["source"] = _text(zero["cells"][0]["source"]) + "\n\n*Updated by your teacher.*"
        _write_nb(work / other, zero)
        (work / "notebooks" / "whats_new.md").write_text("# What's new\n\nA new reading list.\n", encoding="utf-8")
        subprocess.run([*git, "commit", "--quiet", "-am", "Update the lesson", "--allow-empty"], check=True, cwd=work)
        subprocess.run([*git, "add", "notebooks/whats_new.md"], check=True, cwd=work)
        subprocess.run([*git, "commit", "--quiet", "-m", "Add what's new"], check=True, cwd=work)
        subprocess.run(["git", "push", "--quiet", "origin", "HEAD:main"], check=True, cwd=work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    again = Student(run.hub.url, name)
    times = again.login_and_pull(run.link, run.deadline)
    pulled = json.loads((run.home(name) / run.lesson).read_text(encoding="utf-8"))
    import nbformat

    valid = True
    try:
        nbformat.validate(nbformat.from_dict(pulled))
    except Exception:  # noqa: BLE001
        valid = False
    cell_now = source(pulled["cells"][first_code])
    title_now = source(pulled["cells"][0])
    zero_now = json.loads((run.home(name) / other).read_text(encoding="utf-8"))
    facts = {
        "lesson_is_valid_notebook": valid,
        "student_change_kept": "# my own change to this cell" in cell_now,
        "teacher_change_to_same_cell_shown": "# the teacher's fix" in cell_now,
        "student_note_kept": any("My notes (update01)" in source(c) for c in pulled["cells"]),
        "teacher_title_change_in_edited_lesson": "Updated by your teacher" in title_now,
        "other_notebook_updated": "Updated by your teacher" in source(zero_now["cells"][0]),
        "new_file_arrived": (run.home(name) / "notebooks" / "whats_new.md").exists(),
    }
    merge_lines = [e.get("output", "").strip() for e in times.get("pull_events", []) if e.get("output")]
    seen = [
        f"{run.lesson}: the student's own change and note are kept"
        + (", and the teacher's change to another part of it (the title) is merged in"
           if facts["teacher_title_change_in_edited_lesson"] else ", the teacher's changes to it are not shown")
        + ("; where both changed the same cell, the student's version wins and the teacher's fix is not shown"
           if not facts["teacher_change_to_same_cell_shown"] else ""),
        f"{other} (not edited by the student): the teacher's new version",
        "notebooks/whats_new.md: the new file is there",
    ]
    ok = (valid and facts["student_change_kept"] and facts["student_note_kept"]
          and facts["other_notebook_updated"] and facts["new_file_arrived"])
    return {"scenario": "the course is updated while a student has edited notebooks",
            "facts": facts, "student_sees": seen, "nbgitpuller_said": merge_lines[-4:], "ok": ok}


def two_tabs(run: ClassRun) -> dict:
    """One student has the same notebook open in two tabs and saves in both."""
    name = "tabs01"
    student = _fresh_student(run, name)
    path = f"{hubrun.COURSE_DIR}/{run.lesson}"

    def open_tab():
        model = student.api("GET", f"contents/{path}?type=notebook&content=1&hash=1")
        return {"notebook": model["content"], "hash": model.get("hash"), "last_modified": model["last_modified"]}

    def save_like_jupyterlab(tab) -> str:
        """JupyterLab 4's save: compare the file's hash on disk with the one the tab loaded."""
        disk = student.api("GET", f"contents/{path}?content=0&hash=1")
        if tab["hash"] is not None and disk.get("hash") is not None and disk["hash"] != tab["hash"]:
            return "File Changed dialog"
        saved = student.save_notebook(path, tab["notebook"])
        tab["hash"] = student.api("GET", f"contents/{path}?content=0&hash=1").get("hash")
        tab["last_modified"] = saved["last_modified"]
        return "saved"

    tab_a, tab_b = open_tab(), open_tab()
    tab_a["notebook"]["cells"].append(note_cell(name + " tab A"))
    tab_b["notebook"]["cells"].append(note_cell(name + " tab B"))
    first = save_like_jupyterlab(tab_a)
    second = save_like_jupyterlab(tab_b)
    on_disk = json.loads((run.home(name) / run.lesson).read_text(encoding="utf-8"))
    a_on_disk = _cells(on_disk) == _cells(tab_a["notebook"])
    ok = first == "saved" and second == "File Changed dialog" and a_on_disk
    return {
        "scenario": "two tabs of one student save the same notebook",
        "first_tab_save": first,
        "second_tab_save": second,
        "first_tab_work_on_disk": a_on_disk,
        "second_tab_work": "still in the second tab, not saved until the student chooses",
        "student_sees": ("The second tab's save shows JupyterLab's dialog 'File Changed: "
                         f"\"{Path(run.lesson).name}\" has changed on disk since the last time it "
                         "was opened or saved. Do you want to overwrite the file on disk with the "
                         "version open here, or load the version on disk (revert)?' with Cancel, "
                         "Revert and Overwrite. Nothing is lost unless the student picks one: "
                         "Overwrite replaces the other tab's saved work on disk (it is still open "
                         "in that tab), Revert drops this tab's unsaved change."),
        "ok": ok,
    }


def two_tabs_browser(run: ClassRun) -> dict:
    """The same in a real browser (headless Chromium), when one is installed."""
    reason = class_browser.browser_available()
    if reason:
        return {"scenario": "two browser tabs save the same notebook", "skipped": reason, "ok": None}
    return class_browser.two_tabs_in_browser(run, run.deadline)


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def _write_nb(path: Path, notebook: dict) -> None:
    import nbformat  # written as the repository's notebooks are (and as Jupyter saves them)

    nbformat.write(nbformat.from_dict(notebook), str(path))


SCENARIOS = [kernel_killed, hub_restarted, course_updated, two_tabs, two_tabs_browser]


def run_faults(deadline_s: float = 600, keep: bool = False, lesson: str = DEFAULT_LESSON,
               exercise: str = DEFAULT_EXERCISE, task: int = DEFAULT_TASK, only: list[str] | None = None) -> dict:
    """Every scenario on one fresh hub; always stops every process it started."""
    deadline = Deadline(deadline_s)
    state = Path(tempfile.mkdtemp(prefix="medialit-faults-")).resolve()
    report = {"faults": []}
    try:
        run = start_class(state, lesson, exercise, task, deadline)
        for scenario in SCENARIOS:
            if only and scenario.__name__ not in only:
                continue
            started = time.perf_counter()
            try:
                outcome = scenario(run)
            except Exception as error:  # noqa: BLE001 - one scenario's failure is its result
                outcome = {"scenario": scenario.__name__, "ok": False,
                           "error": f"{type(error).__name__}: {error}",
                           "trace": traceback.format_exc(limit=4)}
            outcome["seconds"] = round(time.perf_counter() - started, 1)
            report["faults"].append(outcome)
    except Exception as error:  # noqa: BLE001
        report["faults"].append({"scenario": "start the hub", "ok": False, "error": f"{type(error).__name__}: {error}"})
    finally:
        report["processes_stopped"] = hubrun.stop(state)
        report["processes_left"] = len(hubrun.hub_processes(state))
        if not keep:
            shutil.rmtree(state, ignore_errors=True)
    return report

