"""A whole class on a real JupyterHub, end to end, on this computer (loopback only).

    python tools/class_load_test.py                     # 30 students, lesson 01, exercise 02 task 4
    python tools/class_load_test.py --students 5        # the small run that CI does (tests/test_hub.py)
    python tools/class_load_test.py --ramp 10,30,60     # grow the class until something breaks
    python tools/class_load_test.py --faults            # the faults a class meets (see below)
    python tools/class_load_test.py --browser 2         # also 2 students in headless Chromium

Each run starts its own hub (hub/jupyterhub_config.py, via hub/run.py) in a fresh temporary
folder on free ports of 127.0.0.1, publishes the current commit of this repository as a bare
``file://`` git repository (the school's copy of the course), and then every simulated student,
in their own thread:

1. logs in on the hub's login page (shared class password) with the nbgitpuller link as the
   page to go to next, waits for their server to start, and lets nbgitpuller copy the course
   into their own folder (the same requests a browser makes);
2. opens the lesson notebook in their own kernel through the server's REST API and runs every
   code cell, top to bottom, over the kernel websocket, timing each cell; writes a note of
   their own into the notebook and saves it;
3. opens the exercise notebook, answers one task wrong (the empty value of the right type),
   runs its check cell and reads the feedback (must be a ✗ with an explanation), then answers
   it right (the solution's answer cell) and reads ✓; saves the notebook.

Then the teacher's class check (``medialit check-class``) runs over every student's exercise
notebook and must report that task as passed for everyone.  Nothing a student saved may differ
on disk from what they saved: that is asserted for every student.

The report gives per-cell latency (median, p95, worst), the time until the whole class was done,
peak memory (sum of the resident memory of the hub, the proxy, every student server and kernel,
sampled every second), their CPU time, and the machine's load.  ``--ramp`` runs classes of
growing size, each on a fresh hub, and stops at the first size where a student could not
finish, reporting what broke first.

Faults (``--faults``, a few students): a student's kernel killed mid-lesson; the hub restarted
while students work; the course repository updated while students have edited notebooks; two
tabs of one student saving the same notebook.  Each says what the student sees and asserts that
nothing the student wrote is lost.

Every run is bounded: ``--deadline`` seconds in all (default 900), timeouts on every request,
``--max-pss-gb`` and the machine's free memory as a memory guard; whatever happens, the hub, the proxy and every student
server and kernel are stopped at the end.  It only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import ipaddress
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from classroom import (  # noqa: E402 - tools/ is not a package
    DEFAULT_EXERCISE, DEFAULT_LESSON, DEFAULT_TASK, ROOT, ClassRun, Deadline, Sampler, Student,
    StudentError, StudentResult, assert_saved, code_cells, exercise_task_cells, hubrun,
    latency_summary, load_average, note_cell, run_notebook, solution_answer, start_class, tags,
    wrong_answer,
)
from class_browser import browser_students  # noqa: E402
from class_faults import run_faults  # noqa: E402

def student_lesson(run: ClassRun, name: str, result: StudentResult, start_delay: float) -> StudentResult:
    """Everything one student does in the class test."""
    time.sleep(start_delay)
    t0 = time.perf_counter()
    student = Student(run.hub.url, name)
    try:
        result.step = "login and course copy"
        result.times.update(student.login_and_pull(run.link, run.deadline))
        result.times.pop("pull_events", None)
        lesson_path = f"{hubrun.COURSE_DIR}/{run.lesson}"
        result.step = "lesson"
        notebook = student.read_notebook(lesson_path)["content"]
        kernel = student.open_kernel(lesson_path)
        try:
            runs = run_notebook(kernel, notebook, run.deadline)
            # the helper package must come from the student's own copy of the course
            where = kernel.execute("import medialit\nprint(medialit.__file__)").text().strip()
            if not where.startswith(str(run.home(name))):
                raise StudentError(f"{name}'s kernel imports medialit from {where}, not from their own copy")
        finally:
            kernel.close()
        result.cell_seconds = [r.seconds for r in runs]
        failed = [r for r in runs if r.status != "ok"]
        if failed:
            raise StudentError(f"a lesson cell failed ({failed[0].status}): {failed[0].text()[-300:]}")
        notebook["cells"].append(note_cell(name))
        student.save_notebook(lesson_path, notebook)
        assert_saved(run.home(name) / run.lesson, notebook, f"{name}'s lesson notebook")
        result.times["lesson_done_s"] = time.perf_counter() - t0

        result.step = "exercise"
        ex_path = f"{hubrun.COURSE_DIR}/exercises/{run.exercise}.ipynb"
        exercise = student.read_notebook(ex_path)["content"]
        answer_index, check_index = exercise_task_cells(exercise, run.task)
        right = solution_answer(run.exercise, run.task)
        kernel = student.open_kernel(ex_path)
        try:
            # the cells before the task that are neither an answer nor a check (imports, readings)
            setup = [i for i in code_cells(exercise) if i < answer_index
                     and not {"answer", "check"} & set(tags(exercise["cells"][i]))]
            runs = run_notebook(kernel, exercise, run.deadline, setup)
            if any(r.status != "ok" for r in runs):
                raise StudentError("the exercise's first cells failed: " + runs[-1].text()[-300:])
            exercise["cells"][answer_index]["source"] = wrong_answer(right)
            wrong = run_notebook(kernel, exercise, run.deadline, [answer_index, check_index])
            result.wrong_feedback = wrong[-1].text()
            if "✗" not in result.wrong_feedback or len(wrong) < 2:
                raise StudentError(f"a wrong answer to task {run.task} did not get ✗ feedback: {result.wrong_feedback[:300]!r}")
            exercise["cells"][answer_index]["source"] = right
            fixed = run_notebook(kernel, exercise, run.deadline, [answer_index, check_index])
            result.right_feedback = fixed[-1].text()
            if "✓" not in result.right_feedback or fixed[-1].status != "ok":
                raise StudentError(f"the right answer to task {run.task} did not get ✓: {result.right_feedback[:300]!r}")
            result.cell_seconds += [r.seconds for r in runs + wrong + fixed]
        finally:
            kernel.close()
        student.save_notebook(ex_path, exercise)
        assert_saved(run.home(name) / "exercises" / f"{run.exercise}.ipynb", exercise, f"{name}'s exercise")
        result.ok = True
        result.step = "done"
    except Exception as error:  # noqa: BLE001 - every failure is reported per student
        result.error = f"{type(error).__name__}: {error}"
        if not isinstance(error, StudentError):
            result.error += "\n" + traceback.format_exc(limit=3)
    finally:
        result.finished_at = time.perf_counter()
        student.http.close()
    return result


def teacher_check(run: ClassRun, names: list[str], out_dir: Path, timeout: float) -> dict:
    """Collect every student's exercise notebook and run ``medialit check-class`` over them."""
    folder = out_dir / "handed-in"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = run.home(name) / "exercises" / f"{run.exercise}.ipynb"
        if source.exists():
            shutil.copy(source, folder / f"{name}.ipynb")
    report = out_dir / "class-report.csv"
    started = time.perf_counter()
    medialit = Path(sys.executable).parent / "medialit"
    done = subprocess.run([str(medialit), "check-class", str(folder), "--exercise", run.exercise,
                           "--out", str(report)], capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    seconds = time.perf_counter() - started
    rows = list(csv.DictReader(report.open(encoding="utf-8"))) if report.exists() else []
    column = f"task_{run.task}"
    passed = sorted(r["student"] for r in rows if r.get(column) == "passed")
    return {"returncode": done.returncode, "seconds": round(seconds, 1), "notebooks": len(rows),
            "task_passed": len(passed), "not_passed": sorted(set(r["student"] for r in rows) - set(passed)),
            "output_tail": (done.stdout + done.stderr)[-600:]}


def run_class(students: int, *, lesson: str = DEFAULT_LESSON, exercise: str = DEFAULT_EXERCISE,
              task: int = DEFAULT_TASK, arrival: float = 20.0, deadline_s: float = 900,
              max_pss_gb: float = 10.0, browser: int = 0, keep: bool = False, workdir: Path | None = None,
              teacher: bool = True) -> dict:
    """One class of ``students`` on a fresh hub; always stops every process it started."""
    deadline = Deadline(deadline_s)
    state = Path(workdir or tempfile.mkdtemp(prefix="medialit-class-")).resolve()
    report = {"students": students, "browser_students": browser, "lesson": lesson,
              "exercise": f"{exercise} task {task}", "arrival_window_s": arrival,
              "load_before": load_average()}
    run = None
    sampler = None
    try:
        t0 = time.perf_counter()
        run = start_class(state, lesson, exercise, task, deadline)
        report["hub_start_s"] = round(time.perf_counter() - t0, 2)
        sampler = Sampler(state, state / "jupyterhub.pid", max_pss_gb=max_pss_gb).start()
        names = [f"student{i:02d}" for i in range(1, students + 1)]
        results = [StudentResult(n) for n in names]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, students)) as pool:
            futures = [pool.submit(student_lesson, run, n, r, arrival * i / max(1, students))
                       for i, (n, r) in enumerate(zip(names, results))]
            browser_results = []
            if browser:
                browser_results = browser_students(run, browser, deadline)
            while not all(f.done() for f in futures):
                if sampler.over_budget.is_set():
                    deadline.end = time.monotonic()  # every student stops at its next step
                time.sleep(0.5)
        done_at = max((r.finished_at or started) for r in results)
        report["class_done_s"] = round(done_at - started, 1)
        report["failed"] = [{"student": r.name, "step": r.step, "error": r.error[:500]} for r in results if not r.ok]
        report["finished"] = sum(r.ok for r in results)
        cells = [s for r in results for s in r.cell_seconds]
        report["cell_latency"] = latency_summary(cells)
        ready = [r.times["server_ready_s"] for r in results if "server_ready_s" in r.times]
        report["login_to_server_ready"] = latency_summary(ready)
        report["lesson_done"] = latency_summary([r.times["lesson_done_s"] for r in results if "lesson_done_s" in r.times])
        ok = next((r for r in results if r.ok), None)
        if ok:
            report["feedback_wrong"] = ok.wrong_feedback.strip()
            report["feedback_right"] = ok.right_feedback.strip()
        if browser:
            report["browser"] = browser_results
        sampler.sample()
        report["peak_rss_mb"] = round(sampler.peak_rss / 2**20)
        report["peak_pss_mb"] = round(sampler.peak_pss / 2**20)
        report["peak_by_kind"] = sampler.peak_breakdown
        report["peak_processes"] = sampler.peak_processes
        report["cpu_seconds"] = round(sampler.cpu_seconds(), 1)
        report["cpu_seconds_by_kind"] = sampler.cpu_by_kind()
        report["listening_on"] = sampler.listening_addresses()
        if sampler.over_budget.is_set():
            report["stopped_by_memory_guard"] = sampler.guard_reason
        if teacher and report["finished"]:
            report["teacher_check"] = teacher_check(run, [r.name for r in results if r.ok], state / "teacher",
                                                    timeout=max(60.0, deadline.left()))
        report["load_after"] = load_average()
        report["min_available_mb"] = round((sampler.min_available or 0) / 2**20)
    except Exception as error:  # noqa: BLE001 - reported, then everything is cleaned up
        report["error"] = f"{type(error).__name__}: {error}"
    finally:
        if sampler:
            sampler.stop()
            report["peak_rss_mb"] = round(sampler.peak_rss / 2**20)
        report["processes_stopped"] = hubrun.stop(state)
        report["processes_left"] = len(hubrun.hub_processes(state))
        if not keep:
            shutil.rmtree(state, ignore_errors=True)
    return report


def class_ok(report: dict) -> bool:
    """Did every student (browser ones too) finish, did the teacher's check see everyone's task
    as passed, and was every process stopped?"""
    teacher = report.get("teacher_check", {})
    return (not report.get("error") and report.get("finished") == report["students"]
            and (not teacher or (teacher["returncode"] == 0 and teacher["task_passed"] == report["students"]))
            and all(b.get("ok") or "skipped" in b for b in report.get("browser", []))
            and all(ipaddress.ip_address(ip).is_loopback for ip in report.get("listening_on", []))
            and report.get("processes_left") == 0)


def summary(report: dict) -> str:
    """A few lines for a person: who finished, how fast, how much memory.

    >>> print(summary({"students": 2, "finished": 2, "class_done_s": 30.0, "peak_rss_mb": 900,
    ...               "cell_latency": {"n": 40, "median_s": 0.05, "p95_s": 0.3, "worst_s": 0.7},
    ...               "load_before": "1.00 1.00 1.00 on 2 cores"}))
    2 of 2 students finished in 30.0 s; cells: median 0.05 s, p95 0.3 s, worst 0.7 s (40 cells); peak memory 900 MB; load before 1.00 1.00 1.00 on 2 cores
    """
    cells = report.get("cell_latency") or {}
    return (f"{report.get('finished', 0)} of {report['students']} students finished in "
            f"{report.get('class_done_s')} s; cells: median {cells.get('median_s')} s, p95 {cells.get('p95_s')} s, "
            f"worst {cells.get('worst_s')} s ({cells.get('n')} cells); peak memory {report.get('peak_rss_mb')} MB; "
            f"load before {report.get('load_before')}")


def ramp(sizes: list[int], **kwargs) -> dict:
    """Run classes of growing size until one does not pass; say what broke first."""
    runs = []
    first_break = None
    for size in sizes:
        report = run_class(size, **kwargs)
        runs.append(report)
        print(summary(report), flush=True)
        if not class_ok(report):
            first_break = {"students": size, "what": report.get("error") or report.get("stopped_by_memory_guard")
                           or (report["failed"][0] if report.get("failed") else report.get("teacher_check"))}
            break
    return {"runs": runs, "first_break": first_break}


# ---------------------------------------------------------------------------
# command line


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--ramp", default="", help="comma-separated class sizes, e.g. 10,30,60")
    parser.add_argument("--lesson", default=DEFAULT_LESSON)
    parser.add_argument("--exercise", default=DEFAULT_EXERCISE)
    parser.add_argument("--task", type=int, default=DEFAULT_TASK)
    parser.add_argument("--arrival", type=float, default=20.0, help="students log in spread over this many seconds")
    parser.add_argument("--deadline", type=float, default=900, help="seconds allowed for each class run")
    parser.add_argument("--max-pss-gb", type=float, default=10.0,
                        help="stop a run when the hub's processes use more than this (PSS), or the machine has under 4 GB left")
    parser.add_argument("--browser", type=int, default=0, help="also run this many students in headless Chromium")
    parser.add_argument("--faults", action="store_true", help="run the fault scenarios instead")
    parser.add_argument("--out", type=Path, default=None, help="write the report as JSON here")
    parser.add_argument("--keep", action="store_true", help="keep the hub's folder (students' files, logs)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    missing = hubrun.missing_parts()
    if missing:
        print("class test: not installed: " + "; ".join(missing) + ". Run: python hub/run.py install", file=sys.stderr)
        return 2
    common = dict(lesson=args.lesson, exercise=args.exercise, task=args.task, arrival=args.arrival,
                  deadline_s=args.deadline, max_pss_gb=args.max_pss_gb, browser=args.browser, keep=args.keep)
    if args.faults:
        report = run_faults(deadline_s=args.deadline, keep=args.keep, lesson=args.lesson,
                            exercise=args.exercise, task=args.task)
        ok = all(f.get("ok") is not False for f in report["faults"])  # None: skipped
    elif args.ramp:
        report = ramp([int(s) for s in args.ramp.split(",") if s.strip()], **common)
        ok = True
    else:
        report = run_class(args.students, **common)
        ok = class_ok(report)
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
