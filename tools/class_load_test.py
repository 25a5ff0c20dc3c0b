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
``--max-rss-gb`` as a memory guard; whatever happens, the hub, the proxy and every student
server and kernel are stopped at the end.  It only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PASSWORD = "class-test-password"
DEFAULT_LESSON = "notebooks/01_meet_the_pieces.ipynb"
DEFAULT_EXERCISE = "02_attribution"
DEFAULT_TASK = 4
CELL_TIMEOUT = 180.0
REQUEST_TIMEOUT = 60.0


def load_hub_module():
    """hub/run.py as a module (it is a script, not part of the medialit package)."""
    spec = importlib.util.spec_from_file_location("medialit_hub_run", ROOT / "hub" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


hubrun = load_hub_module()


class StudentError(RuntimeError):
    """A step of a student's lesson did not work; the message says which and why."""


class Deadline:
    """A point in time every step checks against, so a run always stops."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def check(self, what: str) -> None:
        if self.left() <= 0:
            raise StudentError(f"run deadline reached during: {what}")


# ---------------------------------------------------------------------------
# percentiles


def percentile(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0–100) by linear interpolation between closest ranks.

    >>> percentile([1, 2, 3, 4], 50)
    2.5
    >>> percentile([5.0], 95)
    5.0
    >>> round(percentile(list(range(1, 101)), 95), 2)
    95.05
    """
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_summary(values: list[float]) -> dict:
    """Median, p95 and worst of a list of seconds, rounded to milliseconds.

    >>> latency_summary([0.1, 0.2, 0.3])
    {'cells': 3, 'median_s': 0.2, 'p95_s': 0.29, 'worst_s': 0.3}
    """
    if not values:
        return {"cells": 0, "median_s": None, "p95_s": None, "worst_s": None}
    return {"cells": len(values), "median_s": round(statistics.median(values), 3),
            "p95_s": round(percentile(values, 95), 3), "worst_s": round(max(values), 3)}


# ---------------------------------------------------------------------------
# one student's browser-like session


def _message(msg_type: str, content: dict, session: str, channel: str = "shell") -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "student",
                   "session": session, "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                   "version": "5.3"},
        "parent_header": {}, "metadata": {}, "content": content, "channel": channel, "buffers": [],
    }


@dataclass
class CellRun:
    """What running one code cell gave the student."""

    seconds: float
    status: str             # "ok", "error", or "lost" (no reply: the kernel died or restarted)
    outputs: list
    execution_count: int | None
    kernel_states: list     # kernel status messages seen while it ran ("busy", "restarting", ...)

    def text(self) -> str:
        """Everything the cell showed as text (streams, results, errors)."""
        parts = []
        for out in self.outputs:
            if out.get("output_type") == "stream":
                parts.append(out.get("text", ""))
            elif out.get("output_type") in {"execute_result", "display_data"}:
                parts.append(out.get("data", {}).get("text/plain", ""))
            elif out.get("output_type") == "error":
                parts.append(f"{out.get('ename')}: {out.get('evalue')}")
        return "".join(parts)


class Kernel:
    """A notebook's kernel, driven over the server's websocket like JupyterLab drives it."""

    def __init__(self, student: "Student", path: str, session_json: dict, ws):
        self.student = student
        self.path = path
        self.id = session_json["kernel"]["id"]
        self.session_id = session_json["id"]
        self.client_session = uuid.uuid4().hex
        self.ws = ws

    def execute(self, code: str, timeout: float = CELL_TIMEOUT) -> CellRun:
        import websocket

        msg = _message("execute_request", {"code": code, "silent": False, "store_history": True,
                                           "user_expressions": {}, "allow_stdin": False,
                                           "stop_on_error": True}, self.client_session)
        msg_id = msg["header"]["msg_id"]
        started = time.perf_counter()
        self.ws.send(json.dumps(msg))
        outputs, states, status, count, replied, idle = [], [], None, None, False, False
        end = time.monotonic() + timeout
        while not (replied and idle):
            left = end - time.monotonic()
            if left <= 0:
                raise StudentError(f"a cell in {self.path} gave no answer within {timeout:.0f} s")
            self.ws.settimeout(min(left, 10))
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketConnectionClosedException, ConnectionError, OSError) as err:
                return CellRun(time.perf_counter() - started, "lost", outputs, count, states + [f"closed: {err}"])
            if not raw or isinstance(raw, bytes):
                continue
            reply = json.loads(raw)
            kind = reply.get("msg_type") or reply["header"]["msg_type"]
            if kind == "status" and reply["content"]["execution_state"] in {"restarting", "dead", "starting", "autorestarting"}:
                states.append(reply["content"]["execution_state"])
                if reply["content"]["execution_state"] in {"restarting", "dead", "autorestarting"}:
                    return CellRun(time.perf_counter() - started, "lost", outputs, count, states)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "status":
                states.append(reply["content"]["execution_state"])
                idle = reply["content"]["execution_state"] == "idle"
            elif kind == "execute_reply":
                replied = True
                status = reply["content"]["status"]
                count = reply["content"].get("execution_count")
            elif kind in {"stream", "display_data", "execute_result", "error"}:
                outputs.append(_output(kind, reply["content"]))
            elif kind == "clear_output":
                outputs.clear()
        return CellRun(time.perf_counter() - started, status or "ok", outputs, count, states)

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:  # noqa: BLE001 - closing a socket that may already be gone
            pass


def _output(kind: str, content: dict) -> dict:
    """An nbformat output from a kernel message's content."""
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind == "error":
        return {"output_type": "error", "ename": content["ename"], "evalue": content["evalue"],
                "traceback": content["traceback"]}
    out = {"output_type": kind, "data": content.get("data", {}), "metadata": content.get("metadata", {})}
    if kind == "execute_result":
        out["execution_count"] = content.get("execution_count")
    return out


class Student:
    """One student with their own browser session (cookies) on the hub."""

    def __init__(self, hub_url: str, name: str, password: str = PASSWORD):
        import requests

        self.hub_url = hub_url
        self.name = name
        self.password = password
        self.http = requests.Session()
        self.base = f"{hub_url}/user/{name}"

    # -- hub ----------------------------------------------------------------
    def login_and_pull(self, link: str, deadline: Deadline, spawn_timeout: float = 300) -> dict:
        """Log in with ``link`` as the next page, wait for the server, run nbgitpuller."""
        times = {}
        started = time.perf_counter()
        page = self._get(f"{self.hub_url}/hub/login")
        xsrf = self.http.cookies.get("_xsrf", path="/hub/")
        path = link[len(self.hub_url):]
        response = self.http.post(f"{self.hub_url}/hub/login?next={urllib.parse.quote(path, safe='')}",
                                  data={"username": self.name, "password": self.password, "_xsrf": xsrf},
                                  timeout=REQUEST_TIMEOUT, allow_redirects=True)
        if "/hub/login" in response.url and response.status_code != 200 or "Invalid username or password" in response.text:
            raise StudentError(f"login refused for {self.name}: HTTP {response.status_code}")
        times["login_s"] = time.perf_counter() - started
        end = time.monotonic() + spawn_timeout
        while "/hub/spawn-pending/" in response.url or "/hub/spawn/" in response.url or response.status_code in {424, 502, 503}:
            deadline.check("waiting for the server to start")
            if time.monotonic() > end:
                raise StudentError(f"{self.name}'s server did not start within {spawn_timeout:.0f} s "
                                   f"(last page: {response.status_code} {response.url})")
            if "failed" in response.text.lower() and "spawn" in response.text.lower() and response.status_code >= 500:
                raise StudentError(f"{self.name}'s server failed to start: HTTP {response.status_code}")
            time.sleep(1.0)
            response = self.http.get(response.url, timeout=REQUEST_TIMEOUT)
        if "/git-pull" not in response.url or response.status_code != 200:
            raise StudentError(f"{self.name} did not reach the nbgitpuller page: HTTP {response.status_code} {response.url}")
        times["server_ready_s"] = time.perf_counter() - started
        query = urllib.parse.urlsplit(response.url).query
        events = self.pull(query)
        times["course_copied_s"] = time.perf_counter() - started
        times["pull_events"] = events
        del page
        return times

    def pull(self, query: str) -> list[dict]:
        """What nbgitpuller's page does: read its event stream until it finishes."""
        events = []
        with self.http.get(f"{self.base}/git-pull/api?{query}", stream=True, timeout=REQUEST_TIMEOUT,
                           headers=self._xsrf_header()) as stream:
            if stream.status_code != 200:
                raise StudentError(f"nbgitpuller answered HTTP {stream.status_code} for {self.name}")
            for line in stream.iter_lines():
                if line.startswith(b"data:"):
                    event = json.loads(line[5:])
                    events.append(event)
                    if event.get("phase") in {"finished", "error"}:
                        break
        if not events or events[-1].get("phase") != "finished":
            raise StudentError(f"nbgitpuller did not finish for {self.name}: {events[-1:]}")
        return events

    # -- single-user server --------------------------------------------------
    def _xsrf_header(self) -> dict:
        token = self.http.cookies.get("_xsrf", path=f"/user/{self.name}/")
        return {"X-XSRFToken": token} if token else {}

    def _get(self, url: str, **kwargs):
        return self.http.get(url, timeout=REQUEST_TIMEOUT, **kwargs)

    def api(self, method: str, path: str, **kwargs):
        response = self.http.request(method, f"{self.base}/api/{path}", timeout=REQUEST_TIMEOUT,
                                     headers=self._xsrf_header(), **kwargs)
        if response.status_code >= 400:
            raise StudentError(f"{method} /api/{path} for {self.name}: HTTP {response.status_code} {response.text[:200]}")
        return response.json() if response.content else None

    def read_notebook(self, path: str) -> dict:
        return self.api("GET", f"contents/{urllib.parse.quote(path)}?type=notebook&content=1")

    def save_notebook(self, path: str, notebook: dict) -> dict:
        return self.api("PUT", f"contents/{urllib.parse.quote(path)}",
                        json={"type": "notebook", "format": "json", "content": notebook})

    def open_kernel(self, path: str) -> Kernel:
        import websocket

        session = self.api("POST", "sessions", json={"path": path, "type": "notebook", "name": "",
                                                     "kernel": {"name": "python3"}})
        return Kernel(self, path, session, self.connect(session["kernel"]["id"]))

    def connect(self, kernel_id: str):
        import websocket

        url = self.base.replace("http://", "ws://", 1) + f"/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.http.cookies
                            if f"/user/{self.name}/".startswith(c.path) or c.path == "/")
        return websocket.create_connection(url, cookie=cookies, header=self._xsrf_header() and
                                           [f"X-XSRFToken: {self._xsrf_header()['X-XSRFToken']}"] or [],
                                           timeout=REQUEST_TIMEOUT, origin=self.hub_url)

    def reconnect(self, kernel: Kernel) -> None:
        kernel.close()
        kernel.ws = self.connect(kernel.id)


# ---------------------------------------------------------------------------
# the lesson and the exercise


def code_cells(notebook: dict) -> list[int]:
    return [i for i, cell in enumerate(notebook["cells"]) if cell["cell_type"] == "code"]


def run_notebook(kernel: Kernel, notebook: dict, deadline: Deadline, cells: list[int] | None = None) -> list[CellRun]:
    """Run code cells in order, storing outputs as JupyterLab would; stop at the first error."""
    runs = []
    for index in cells if cells is not None else code_cells(notebook):
        deadline.check(f"running {kernel.path}")
        cell = notebook["cells"][index]
        run = kernel.execute(_source(cell))
        cell["outputs"] = run.outputs
        cell["execution_count"] = run.execution_count
        runs.append(run)
        if run.status != "ok":
            break
    return runs


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _tags(cell: dict) -> list:
    return cell.get("metadata", {}).get("tags", [])


def exercise_task_cells(notebook: dict, task: int) -> tuple[int, int]:
    """The answer cell and the check cell of ``task`` in an exercise notebook.

    The check cell is the code cell calling ``check.task_<task>(``; the answer cell is the
    nearest code cell before it tagged ``answer``.
    """
    pattern = re.compile(rf"\bcheck\.task_{task}\(")
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code" and pattern.search(_source(cell)):
            for back in range(index - 1, -1, -1):
                prev = notebook["cells"][back]
                if prev["cell_type"] == "code" and "answer" in _tags(prev):
                    return back, index
            raise StudentError(f"no answer cell before the check cell of task {task}")
    raise StudentError(f"no check cell calls check.task_{task}(...)")


def answer_variable(source: str) -> str:
    """The name a task's answer cell assigns last.

    >>> answer_variable('# hint\\nshares = 1\\nshare_attributed = round(0.5, 2)\\nshare_attributed')
    'share_attributed'
    """
    names = re.findall(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=", source, flags=re.M)
    if not names:
        raise StudentError("the answer cell assigns no variable")
    return names[-1]


def solution_answer(exercise: str, task: int) -> str:
    """The right answer for ``task``: the solution notebook's answer cell."""
    import nbformat

    solution = nbformat.read(ROOT / "exercises" / "solutions" / f"{exercise}.ipynb", as_version=4)
    answer, _ = exercise_task_cells(solution, task)
    return _source(solution["cells"][answer])


def wrong_answer(right: str) -> str:
    """A wrong answer of the right type: the solution's value replaced by its type's empty value."""
    name = answer_variable(right)
    return f"{right}\n{name} = type({name})()  # a wrong answer: the empty value of the right type"


# ---------------------------------------------------------------------------
# memory and CPU of everything the hub runs


class Sampler:
    """Samples the resident memory and CPU time of every process of one hub, once a second."""

    def __init__(self, state: Path, hub_pid_file: Path, interval: float = 1.0, max_rss_gb: float | None = None):
        self.state = state
        self.hub_pid_file = hub_pid_file
        self.interval = interval
        self.max_rss = max_rss_gb * 2**30 if max_rss_gb else None
        self.peak_rss = 0
        self.peak_processes = 0
        self.cpu = {}                # pid -> latest user+system seconds
        self.min_available = None
        self.over_budget = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def processes(self) -> list:
        import psutil

        procs = {p.pid: p for p in hubrun.hub_processes(self.state)}
        pid = hubrun.read_pid(self.hub_pid_file)
        if pid:
            try:
                hub = psutil.Process(pid)
                for p in [hub, *hub.children(recursive=True)]:
                    procs.setdefault(p.pid, p)
            except psutil.Error:
                pass
        return list(procs.values())

    def sample(self) -> int:
        import psutil

        total, count = 0, 0
        for proc in self.processes():
            try:
                with proc.oneshot():
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system + times.children_user + times.children_system
                count += 1
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, total)
        self.peak_processes = max(self.peak_processes, count)
        available = psutil.virtual_memory().available
        self.min_available = available if self.min_available is None else min(self.min_available, available)
        if self.max_rss and total > self.max_rss:
            self.over_budget.set()
        return total

    def _run(self):
        while not self._stop.wait(self.interval):
            try:
                self.sample()
            except Exception:  # noqa: BLE001 - a sampling hiccup must not end the run
                pass

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join(timeout=10)
        try:
            self.sample()
        except Exception:  # noqa: BLE001
            pass

    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())


# ---------------------------------------------------------------------------
# a class


@dataclass
class StudentResult:
    name: str
    ok: bool = False
    error: str = ""
    step: str = ""
    cell_seconds: list = field(default_factory=list)
    times: dict = field(default_factory=dict)
    wrong_feedback: str = ""
    right_feedback: str = ""
    finished_at: float | None = None


@dataclass
class ClassRun:
    """A running hub with its course repository: the setting of every scenario."""

    hub: object
    repo_url: str
    state: Path
    lesson: str
    exercise: str
    task: int
    deadline: Deadline

    @property
    def link(self) -> str:
        return hubrun.pull_link(self.hub.url, self.repo_url, "main", self.lesson)

    def home(self, name: str) -> Path:
        return self.hub.home(name) / hubrun.COURSE_DIR


def start_class(state: Path, lesson: str, exercise: str, task: int, deadline: Deadline,
                cull_timeout: int = 3600) -> ClassRun:
    port = hubrun.free_port_block(3)
    repo = hubrun.course_repository(state)
    hub = hubrun.start(state, port, PASSWORD, cull_timeout)
    return ClassRun(hub, repo, state, lesson, exercise, task, deadline)


def note_cell(name: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "id": uuid.uuid4().hex[:8],
            "source": f"My notes ({name}): the piece credits its claims to named officials."}


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
        finally:
            kernel.close()
        result.cell_seconds = [r.seconds for r in runs]
        failed = [r for r in runs if r.status != "ok"]
        if failed:
            raise StudentError(f"a lesson cell failed ({failed[0].status}): {failed[0].text()[-300:]}")
        notebook["cells"].append(note_cell(name))
        student.save_notebook(lesson_path, notebook)
        _assert_saved(run.home(name) / run.lesson, notebook, f"{name}'s lesson notebook")
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
                     and not {"answer", "check"} & set(_tags(exercise["cells"][i]))]
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
        _assert_saved(run.home(name) / "exercises" / f"{run.exercise}.ipynb", exercise, f"{name}'s exercise")
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


def _assert_saved(path: Path, notebook: dict, what: str) -> None:
    """The file on disk holds exactly the cells the student saved."""
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    mine = [(c["cell_type"], _source(c)) for c in notebook["cells"]]
    theirs = [(c["cell_type"], _source(c)) for c in on_disk["cells"]]
    if mine != theirs:
        raise StudentError(f"{what} on disk differs from what was saved: work lost")


def teacher_check(run: ClassRun, names: list[str], out_dir: Path, timeout: float) -> dict:
    """Collect every student's exercise notebook and run ``medialit check-class`` over them."""
    import csv

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


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
        return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
    except OSError:
        return "unknown"


def run_class(students: int, *, lesson: str = DEFAULT_LESSON, exercise: str = DEFAULT_EXERCISE,
              task: int = DEFAULT_TASK, arrival: float = 20.0, deadline_s: float = 900,
              max_rss_gb: float = 12.0, browser: int = 0, keep: bool = False, workdir: Path | None = None,
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
        sampler = Sampler(state, state / "jupyterhub.pid", max_rss_gb=max_rss_gb).start()
        names = [f"student{i:02d}" for i in range(1, students + 1)]
        results = [StudentResult(n) for n in names]
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, students)) as pool:
            futures = [pool.submit(student_lesson, run, n, r, arrival * i / max(1, students))
                       for i, (n, r) in enumerate(zip(names, results))]
            browser_results = []
            if browser:
                from class_browser import browser_students  # noqa: PLC0415 - optional part
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
        report["peak_processes"] = sampler.peak_processes
        report["cpu_seconds_during_lesson"] = round(sampler.cpu_seconds(), 1)
        if sampler.over_budget.is_set():
            report["stopped_by_memory_guard"] = f"more than {max_rss_gb} GB resident"
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
    """Did every student finish, and did the teacher's check see everyone's task as passed?"""
    teacher = report.get("teacher_check", {})
    return (not report.get("error") and report.get("finished") == report["students"]
            and (not teacher or (teacher["returncode"] == 0 and teacher["task_passed"] == report["students"]))
            and report.get("processes_left") == 0)


def ramp(sizes: list[int], **kwargs) -> dict:
    """Run classes of growing size until one does not pass; say what broke first."""
    runs = []
    first_break = None
    for size in sizes:
        report = run_class(size, **kwargs)
        runs.append(report)
        print(json.dumps(report, indent=1, ensure_ascii=False), flush=True)
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
    parser.add_argument("--max-rss-gb", type=float, default=12.0, help="stop a run above this much resident memory")
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
                  deadline_s=args.deadline, max_rss_gb=args.max_rss_gb, browser=args.browser, keep=args.keep)
    if args.faults:
        from class_faults import run_faults  # noqa: PLC0415

        report = run_faults(deadline_s=args.deadline, keep=args.keep, lesson=args.lesson,
                            exercise=args.exercise, task=args.task)
        ok = all(f.get("ok") for f in report["faults"])
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
