"""The JupyterLab that ``python tasks.py lab`` starts, checked through its own REST and websocket API.

Only runs with ``MEDIALIT_BROWSER=1`` (it starts a real server; see ``conftest.py``).  The
server is started with exactly the command line and environment of ``tasks.lab_command`` (plus
``--no-browser``, a free port, a token and throw-away Jupyter folders), and the test checks what
a student meets:

- the file browser shows the repository root (notebooks/, exercises/, data/, docs/) and the
  server opens notebook 00;
- a terminal opened in that server runs the project's ``python`` and ``pytest`` (``which
  python``, ``pytest --version``), even though the server's output is not a terminal, which
  makes Jupyter start a login shell whose /etc/profile resets PATH;
- starting a kernel logs no "Kernel is running over TCP without encryption" warning, and the
  kernel still runs code;
- the lab settings ask no "official Jupyter news?" question (``fetchNews`` is "false").
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_SECONDS = 90
ANSWER_SECONDS = 60


def _tasks():
    spec = importlib.util.spec_from_file_location("medialit_tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``python tasks.py lab --no-browser`` on a free port; yields (url, token, log path, runtime dir)."""
    tasks = _tasks()
    base = tmp_path_factory.mktemp("doors")
    port, token = _free_port(), secrets.token_hex(16)
    command, env = tasks.lab_command(tasks._venv_python(), [
        "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--LabApp.user_settings_dir={base / 'settings'}",
        f"--LabApp.workspaces_dir={base / 'workspaces'}"])
    env.update({"JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_DATA_DIR": str(base / "data"),
                "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "JUPYTER_PLATFORM_DIRS": "1"})
    log_path = base / "jupyterlab.log"
    log = open(log_path, "w", encoding="utf-8")
    # stdout is a file, not a terminal: the case in which Jupyter's default would be a login shell
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if process.poll() is not None:
                pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_SECONDS} s:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.5)
        yield url, token, log_path, base / "runtime"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)
        log.close()


def _run_async(coroutine_function):
    """Run an asyncio conversation in a thread of its own (Playwright's loop may own this one)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine_function()).result()


def _api(server, path: str, method: str = "GET", body: dict | None = None):
    url, token, _, _ = server
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"{url}{path}", data=data, method=method,
                                     headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=ANSWER_SECONDS) as answer:
        text = answer.read().decode()
    return json.loads(text) if text else None


def test_the_file_browser_shows_the_repository_root(server):
    names = {item["name"] for item in _api(server, "/api/contents")["content"]}
    assert {"notebooks", "exercises", "data", "docs", "README.md"} <= names, sorted(names)
    exercises = {item["name"] for item in _api(server, "/api/contents/exercises")["content"]}
    assert any(name.endswith(".ipynb") for name in exercises), sorted(exercises)


def test_the_server_opens_notebook_00(server):
    _, _, _, runtime = server
    opened = list(runtime.glob("*.html"))  # what the server hands the web browser to open
    text = "\n".join(p.read_text(encoding="utf-8") for p in opened)
    assert "/lab/tree/notebooks/00_start_here.ipynb" in text, f"{[p.name for p in opened]}: {text[:800]}"


def _run_in_terminal(server, commands: str, folder: str | None = None) -> str:
    """Open a terminal in the server, type ``commands`` and return what it printed.

    ``folder`` is the file browser's folder, which JupyterLab's launcher sends as ``cwd``.
    """
    from tornado.websocket import websocket_connect

    url, token, _, _ = server
    name = _api(server, "/api/terminals", "POST", {"cwd": folder} if folder else None)["name"]
    marker = f"done-{secrets.token_hex(4)}"

    async def talk() -> str:
        socket_url = url.replace("http://", "ws://") + f"/terminals/websocket/{name}?token={token}"
        connection = await websocket_connect(socket_url)
        seen = ""
        try:
            await connection.write_message(json.dumps(["stdin", f"{commands}; echo {marker[:5]}''{marker[5:]}\r"]))
            deadline = time.monotonic() + ANSWER_SECONDS
            while marker not in seen and time.monotonic() < deadline:
                message = await asyncio.wait_for(connection.read_message(), timeout=ANSWER_SECONDS)
                if message is None:
                    break
                kind, *content = json.loads(message)
                if kind == "stdout":
                    seen += content[0]
        finally:
            connection.close()
        return seen

    try:
        return _run_async(talk)
    finally:
        _api(server, f"/api/terminals/{name}", "DELETE")


def test_a_terminal_runs_the_projects_python_and_pytest(server):
    venv_bin = (ROOT / ".venv" / "bin").resolve()
    shown = _run_in_terminal(server, "which python; which pytest; pytest --version; echo VENV=$VIRTUAL_ENV")
    lines = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", line).strip() for line in shown.splitlines()]
    assert f"{venv_bin}/python" in lines, f"`which python` is not the project's:\n{shown[-2000:]}"
    assert f"{venv_bin}/pytest" in lines, f"`which pytest` is not the project's:\n{shown[-2000:]}"
    assert any(re.fullmatch(r"pytest \d+\.\d+\.\d+", line) for line in lines), f"pytest --version:\n{shown[-2000:]}"
    assert f"VENV={ROOT / '.venv'}" in lines, shown[-2000:]


def _printed_commands(relative: str) -> list[str]:
    """Terminal commands a notebook's markdown tells the student to type (``medialit check …``, ``pytest …``)."""
    import nbformat

    notebook = nbformat.read(ROOT / relative, as_version=4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    inline = re.findall(r"`((?:medialit|pytest) [^`]*(?:exercises|notebooks)/[^`]+\.ipynb)`", text)
    fenced = re.findall(r"^((?:medialit|pytest) [^\n`]*(?:exercises|notebooks)/\S+\.ipynb)$", text, re.MULTILINE)
    return list(dict.fromkeys(inline + fenced))


@pytest.mark.parametrize("relative", ["exercises/01_meet_the_pieces.ipynb", "notebooks/00_start_here.ipynb"])
def test_the_commands_a_notebook_prints_run_in_a_terminal(server, relative):
    """The commands exercise 01 and notebook 00 print (inline or in a code block), typed as printed
    in a terminal opened while the file browser shows exercises/: they run (and report unanswered
    tasks: none is answered yet)."""
    commands = _printed_commands(relative)
    assert commands, f"{relative} prints no command for the terminal"
    if relative.startswith("notebooks/00"):
        assert any(c.startswith("medialit check ") for c in commands), "notebook 00 should show `medialit check`"
    commands.append("pytest --nbval-lax exercises/01_meet_the_pieces.ipynb")  # README's route
    for command in commands:
        shown = _run_in_terminal(server, f"{command} 2>&1 | tail -n 4", folder="exercises")
        assert "command not found" not in shown and "No module named" not in shown, shown[-2000:]
        assert "not found" not in shown.lower() and "Traceback" not in shown, shown[-2000:]
        assert "without encryption" not in shown, shown[-2000:]
        if command.startswith("pytest"):
            assert re.search(r"\d+ failed, \d+ passed", shown), shown[-2000:]
        else:
            assert re.search(r"0 of \d+ tasks right", shown), shown[-2000:]


def _run_in_kernel(server, kernel_id: str, code: str) -> str:
    """Send ``code`` to a kernel through the server's websocket, as JupyterLab does; return its stdout."""
    from tornado.websocket import websocket_connect

    url, token, _, _ = server
    session, msg_id = secrets.token_hex(8), secrets.token_hex(8)
    request = {"header": {"msg_id": msg_id, "username": "test", "session": session, "date": "",
                          "msg_type": "execute_request", "version": "5.3"},
               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
               "content": {"code": code, "silent": False, "store_history": False,
                           "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}

    async def talk() -> str:
        socket_url = url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels?session_id={session}&token={token}"
        connection = await websocket_connect(socket_url)
        printed = ""
        try:
            await connection.write_message(json.dumps(request))
            while True:
                message = await asyncio.wait_for(connection.read_message(), timeout=ANSWER_SECONDS)
                assert message is not None, "the kernel's websocket closed"
                reply = json.loads(message)
                if reply.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if reply["msg_type"] == "stream":
                    printed += reply["content"]["text"]
                if reply["msg_type"] == "status" and reply["content"]["execution_state"] == "idle":
                    return printed
        finally:
            connection.close()

    return _run_async(talk)


def test_kernels_start_without_the_unencrypted_tcp_warning(server):
    _, _, log_path, _ = server
    kernel = _api(server, "/api/kernels", "POST", {"name": "python3"})
    try:
        assert _run_in_kernel(server, kernel["id"], "print(6 * 7)") == "42\n"
    finally:
        _api(server, f"/api/kernels/{kernel['id']}", "DELETE")
    log = log_path.read_text(encoding="utf-8")
    assert "Kernel started" in log, log[-2000:]
    assert "without encryption" not in log, log[-3000:]


def test_lab_settings_ask_no_news_question(server):
    """The project's defaults (jupyter-config/labconfig) replace "Ask" by "Never"; a student may still change it."""
    answer = _api(server, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    defaults = {key: value.get("default") for key, value in answer["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false", defaults
    assert defaults["checkForUpdates"] is False, defaults
    assert "fetchNews" not in answer["settings"], "no user setting should be needed"
