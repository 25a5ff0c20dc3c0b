"""The pieces of the class test: a hub with its course, a simulated student, their kernel.

Used by tools/class_load_test.py (the class under load), tools/class_faults.py (the faults a
class meets), tools/class_browser.py (students in a real browser) and tests/test_hub.py.
A ``Student`` makes the same requests a browser makes on the hub (login form, nbgitpuller's
event stream, the Jupyter Server REST API, the kernel websocket), only to 127.0.0.1.
"""


from __future__ import annotations

import importlib.util
import json
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
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
    {'n': 3, 'median_s': 0.2, 'p95_s': 0.29, 'worst_s': 0.3}
    """
    if not values:
        return {"n": 0, "median_s": None, "p95_s": None, "worst_s": None}
    return {"n": len(values), "median_s": round(statistics.median(values), 3),
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
        self.deadline = student.deadline

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
            if self.deadline is not None:
                self.deadline.check(f"a cell in {self.path}")
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
        self.deadline: Deadline | None = None  # when set, a running cell stops waiting at it

    # -- hub ----------------------------------------------------------------
    def login_and_pull(self, link: str, deadline: Deadline, spawn_timeout: float = 300) -> dict:
        """Log in with ``link`` as the next page, wait for the server, run nbgitpuller."""
        times = {}
        self.deadline = deadline
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
        run = kernel.execute(source(cell))
        cell["outputs"] = run.outputs
        cell["execution_count"] = run.execution_count
        runs.append(run)
        if run.status != "ok":
            break
    return runs


def source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def tags(cell: dict) -> list:
    return cell.get("metadata", {}).get("tags", [])


def exercise_task_cells(notebook: dict, task: int) -> tuple[int, int]:
    """The answer cell and the check cell of ``task`` in an exercise notebook.

    The check cell is the code cell calling ``check.task_<task>(``; the answer cell is the
    nearest code cell before it tagged ``answer``.
    """
    pattern = re.compile(rf"\bcheck\.task_{task}\(")
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code" and pattern.search(source(cell)):
            for back in range(index - 1, -1, -1):
                prev = notebook["cells"][back]
                if prev["cell_type"] == "code" and "answer" in tags(prev):
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
    return source(solution["cells"][answer])


def wrong_answer(right: str) -> str:
    """A wrong answer of the right type: the solution's value replaced by its type's empty value."""
    name = answer_variable(right)
    return f"{right}\n{name} = type({name})()  # a wrong answer: the empty value of the right type"


# ---------------------------------------------------------------------------
# memory and CPU of everything the hub runs


def process_kind(cmdline: list[str]) -> str:
    """What a process of the hub is, from its command line.

    >>> process_kind(["/v/bin/python", "/v/bin/jupyterhub-singleuser", "--port=1"])
    'student server'
    >>> process_kind(["/v/bin/python", "-m", "ipykernel_launcher", "-f", "k.json"])
    'kernel'
    >>> process_kind(["node", "/x/node_modules/.bin/configurable-http-proxy"])
    'proxy'
    """
    text = " ".join(cmdline)
    for needle, kind in (("jupyterhub-singleuser", "student server"), ("ipykernel_launcher", "kernel"),
                         ("configurable-http-proxy", "proxy"), ("jupyterhub_idle_culler", "idle culler"),
                         ("jupyterhub", "hub")):
        if needle in text:
            return kind
    return "other"


class Sampler:
    """Samples the memory and CPU time of every process of one hub, once a second.

    Resident memory (RSS) counts shared libraries once per process, so the sum overstates what
    the machine needs; the proportional set size (PSS) shares them out and is the better
    sizing figure.  Both are reported, with the peak's breakdown by kind of process.
    """

    def __init__(self, state: Path, hub_pid_file: Path, interval: float = 1.0, max_pss_gb: float | None = None,
                 min_available_gb: float = 4.0):
        self.state = state
        self.hub_pid_file = hub_pid_file
        self.interval = interval
        self.max_pss = max_pss_gb * 2**30 if max_pss_gb else None
        self.min_available_limit = min_available_gb * 2**30
        self.guard_reason = ""
        self.listening = set()       # (kind, address) of every listening socket seen
        self._samples = 0
        self.peak_rss = 0
        self.peak_pss = 0
        self.peak_breakdown = {}
        self.peak_processes = 0
        self.cpu = {}                # pid -> latest user+system seconds
        self.kinds = {}              # pid -> kind
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

        total, pss, count, breakdown = 0, 0, 0, {}
        for proc in self.processes():
            try:
                with proc.oneshot():
                    if proc.pid not in self.kinds:
                        self.kinds[proc.pid] = process_kind(proc.cmdline())
                    memory = proc.memory_full_info()
                    times = proc.cpu_times()
                self.cpu[proc.pid] = times.user + times.system + times.children_user + times.children_system
            except psutil.Error:
                continue
            kind = self.kinds[proc.pid]
            if self._samples % 5 == 0:
                self._note_listeners(proc, kind)
            total += memory.rss
            pss += getattr(memory, "pss", memory.rss)
            row = breakdown.setdefault(kind, [0, 0, 0])
            row[0] += 1
            row[1] += memory.rss
            row[2] += getattr(memory, "pss", memory.rss)
            count += 1
        if total > self.peak_rss:
            self.peak_rss = total
            self.peak_breakdown = {k: {"processes": n, "rss_mb": round(r / 2**20), "pss_mb": round(q / 2**20)}
                                   for k, (n, r, q) in sorted(breakdown.items())}
        self._samples += 1
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_processes = max(self.peak_processes, count)
        available = psutil.virtual_memory().available
        self.min_available = available if self.min_available is None else min(self.min_available, available)
        if self.max_pss and pss > self.max_pss and not self.over_budget.is_set():
            self.guard_reason = f"the hub's processes reached {pss / 2**30:.1f} GB (PSS), over the {self.max_pss / 2**30:.1f} GB guard"
            self.over_budget.set()
        if available < self.min_available_limit and not self.over_budget.is_set():
            self.guard_reason = f"the machine had only {available / 2**30:.1f} GB of memory left"
            self.over_budget.set()
        return total

    def _note_listeners(self, proc, kind: str) -> None:
        import psutil

        try:
            for conn in proc.net_connections(kind="inet"):
                if conn.status == psutil.CONN_LISTEN:
                    self.listening.add((kind, conn.laddr.ip))
        except (psutil.Error, OSError):
            pass

    def listening_addresses(self) -> list[str]:
        """Every address a process of the hub listened on (all should be loopback)."""
        return sorted({ip for _, ip in self.listening})

    def cpu_by_kind(self) -> dict:
        out = {}
        for pid, seconds in self.cpu.items():
            kind = self.kinds.get(pid, "other")
            out[kind] = round(out.get(kind, 0) + seconds, 1)
        return out

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


def assert_saved(path: Path, notebook: dict, what: str) -> None:
    """The file on disk holds exactly the cells the student saved."""
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    mine = [(c["cell_type"], source(c)) for c in notebook["cells"]]
    theirs = [(c["cell_type"], source(c)) for c in on_disk["cells"]]
    if mine != theirs:
        raise StudentError(f"{what} on disk differs from what was saved: work lost")


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
        return f"{one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"
    except OSError:
        return "unknown"
