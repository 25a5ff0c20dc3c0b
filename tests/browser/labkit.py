"""The JupyterLab server and the headless Chromium that every browser test shares.

``conftest.py`` makes ``lab`` and ``browser_context`` session fixtures from the two
generators here, so one server and one browser serve all browser tests.  The server serves a
fresh copy of every guided notebook and every exercise notebook, with its own Jupyter data
folder, so every notebook opens **untrusted**, as a student's fresh download would.
Screenshots go to ``test-artifacts/`` (git-ignored).  Every wait is bounded, and the server
is always stopped.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("MEDIALIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_START_SECONDS = 90
PAGE_SECONDS = 60

#: Every guided notebook.  00 and 02 hold the highlighted reader, 02 and 03 figures.
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
#: Every student exercise notebook (generated from exercises/solutions/).
EXERCISES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def lab_server(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 serving a fresh copy of the notebooks; yields (url, token, root, data dir)."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    for relative in NOTEBOOKS + EXERCISES:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / relative, target)
    settings = base / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # no news or update pop-ups in the screenshots (the server is offline anyway)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")
    # JupyterLab draws long notebooks lazily by default; draw every cell so all outputs can be checked
    tracker = base / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    env = {**os.environ,
           "JUPYTER_CONFIG_DIR": str(base / "config"), "JUPYTER_DATA_DIR": str(base / "data"),
           "JUPYTER_RUNTIME_DIR": str(base / "runtime"), "JUPYTER_PLATFORM_DIRS": "1"}
    port, token = _free_port(), secrets.token_hex(16)
    log = open(base / "jupyterlab.log", "w", encoding="utf-8")
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={base / 'settings'}", f"--LabApp.workspaces_dir={base / 'workspaces'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(f"JupyterLab exited with {server.returncode}:\n{(base / 'jupyterlab.log').read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_SECONDS} s:\n"
                            f"{(base / 'jupyterlab.log').read_text()[-3000:]}")
            time.sleep(0.5)
        yield url, token, root, base / "data"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=15)
        log.close()


def chromium_context(tmp_path_factory):
    """A headless Chromium (the system's) with a fresh profile, driven by Playwright."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install chromium` "
                    "(or set MEDIALIT_CHROMIUM to its path)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright package is not installed: pip install -r requirements-browser.txt")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, timeout=PAGE_SECONDS * 1000)
        context.set_default_timeout(PAGE_SECONDS * 1000)
        try:
            yield context
        finally:
            context.close()


def open_notebook(context, lab, relative: str):
    url, token, _, _ = lab
    notebook = nbformat.read(ROOT / relative, as_version=4)
    cells = len(notebook.cells)
    has_outputs = any(c.get("outputs") for c in notebook.cells if c.cell_type == "code")
    page = context.new_page()
    # a workspace of its own per notebook, so no tab from an earlier test is restored next to it
    workspace = relative.removesuffix(".ipynb").replace("/", "-")
    page.goto(f"{url}/lab/workspaces/{workspace}/tree/{relative}?token={token}", wait_until="domcontentloaded")
    try:
        page.wait_for_selector(".jp-Notebook .jp-Cell", state="attached")
        if has_outputs:
            page.wait_for_selector(".jp-OutputArea-output", state="attached")
        page.wait_for_function(f"() => document.querySelectorAll('.jp-Notebook .jp-Cell').length >= {cells}")
    except Exception:
        screenshot(page, f"{Path(relative).stem}-failed-to-open.png")
        raise
    return page


def screenshot(page, name: str, element=None) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    if element is not None:
        # the view as a student sees it, scrolled to the element (an element screenshot of an output
        # taller than the window comes out garbled, because JupyterLab scrolls inside its own panel)
        element.evaluate("(e) => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path


def cell_index(notebook, starts_with: str) -> int:
    """The index of the one code cell whose source starts with ``starts_with``."""
    found = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code" and c.source.startswith(starts_with)]
    assert len(found) == 1, f"{len(found)} code cells start with {starts_with!r}"
    return found[0]


def type_and_run(page, cell, text: str | None = None, *, wait: bool = False) -> None:
    """Put ``text`` in a code cell (if given) the way a student does, then run it with Shift+Enter.

    With ``wait``, return once the prompt shows the execution count ([*] while it runs).
    """
    cell.locator(".jp-InputArea-editor").click()
    if text is not None:
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(text)  # as pasted: no auto-closed brackets
    page.keyboard.press("Shift+Enter")
    if wait:
        cell.locator(".jp-InputPrompt").filter(has_text=re.compile(r"\[\d+\]")).wait_for()
