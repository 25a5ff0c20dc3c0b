"""Open stored notebooks in a real JupyterLab in headless Chromium and check what a student sees.

Only runs with ``MEDIALIT_BROWSER=1`` (see ``conftest.py``).  The notebooks are
copied into a temporary folder that a fresh JupyterLab serves, with its own
Jupyter data folder, so every notebook opens **untrusted**, as a student's
fresh download would: JupyterLab then sanitises HTML outputs, and the
highlighted reader has to survive that.  For each notebook the test checks that

- every cell is there and no output is an error or a warning on stderr;
- the highlighted reader shows its label colours (the computed background of
  its sentences is one of ``medialit.palette.LABEL_BACKGROUNDS``), its tags
  (``[FACT]``, ``[ATTR]`` …) as visible text, and the underlines of its spans;
- every stored figure loads (an ``<img>`` with ``naturalWidth > 0``).

Screenshots go to ``test-artifacts/`` (git-ignored) for a person to look at.
Chromium is the system's (``/usr/bin/chromium``, from ``apt-get install chromium``);
Playwright's own browser download is never used.  Every wait is bounded, and
the server is always stopped.
"""

from __future__ import annotations

import json
import os
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
from nbformat.sign import NotebookNotary

from medialit import palette

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path(os.environ.get("MEDIALIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SERVER_START_SECONDS = 90
PAGE_SECONDS = 60

#: Every guided notebook.  00 and 02 hold the highlighted reader, 02 and 03 figures (asserted below).
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _stored(relative: str) -> dict:
    """What the stored outputs of a notebook hold: cells, outputs, reader outputs, figures."""
    notebook = nbformat.read(ROOT / relative, as_version=4)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    return {
        "cells": len(notebook.cells),
        "outputs": len(outputs),
        "reader": any("[ATTR]" in o.get("data", {}).get("text/html", "") for o in outputs),
        "figures": sum("image/png" in o.get("data", {}) for o in outputs),
    }


def test_the_checked_notebooks_include_the_reader_and_figures():
    assert {"notebooks/00_start_here.ipynb", "notebooks/02_attribution.ipynb",
            "notebooks/03_sources_evidence.ipynb"} <= set(NOTEBOOKS)
    assert _stored("notebooks/00_start_here.ipynb")["reader"]
    assert _stored("notebooks/02_attribution.ipynb")["reader"] and _stored("notebooks/02_attribution.ipynb")["figures"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _rgb(hex_colour: str) -> str:
    """A #RRGGBB colour as the browser reports a computed colour.

    >>> _rgb("#0072B2")
    'rgb(0, 114, 178)'
    """
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 serving a fresh copy of the notebooks; yields (url, token, root)."""
    base = tmp_path_factory.mktemp("lab")
    root = base / "root"
    for relative in NOTEBOOKS:
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


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
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


# JavaScript run in the page.  Outputs live in .jp-OutputArea-output elements.

_READER_FACTS = """
(output) => {
  const visible = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const spans = [...output.querySelectorAll('span')];
  const backgrounds = spans.map(s => getComputedStyle(s).backgroundColor)
                           .filter(c => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent');
  const marked = spans.filter(s => (s.title || '').length > 0);   // span kinds carry a title
  const underlined = marked.filter(s => getComputedStyle(s).textDecorationLine !== 'none'
                                        || getComputedStyle(s).borderBottomStyle !== 'none');
  const styles = underlined.map(s => getComputedStyle(s).textDecorationLine !== 'none'
                                     ? getComputedStyle(s).textDecorationStyle : getComputedStyle(s).borderBottomStyle);
  const tags = [...output.querySelectorAll('b, sup')].filter(visible).map(e => e.innerText.trim());
  const alignments = [...output.querySelectorAll('td')].map(td => getComputedStyle(td).textAlign);
  const box = output.getBoundingClientRect();
  return {alignments: [...new Set(alignments)], backgrounds: [...new Set(backgrounds)], marked: marked.length, underlined: underlined.length,
          lineStyles: [...new Set(styles)], tags: [...new Set(tags)], text: output.innerText,
          width: box.width, height: box.height};
}
"""

_IMAGE_FACTS = """
(img) => ({complete: img.complete, naturalWidth: img.naturalWidth,
           width: img.getBoundingClientRect().width, alt: img.alt})
"""


def _open(context, lab, relative: str):
    url, token, _, _ = lab
    cells = len(nbformat.read(ROOT / relative, as_version=4).cells)
    page = context.new_page()
    # a workspace of its own per notebook, so no tab from an earlier test is restored next to it
    page.goto(f"{url}/lab/workspaces/{Path(relative).stem}/tree/{relative}?token={token}", wait_until="domcontentloaded")
    try:
        page.wait_for_selector(".jp-Notebook .jp-Cell", state="attached")
        page.wait_for_selector(".jp-OutputArea-output", state="attached")
        page.wait_for_function(f"() => document.querySelectorAll('.jp-Notebook .jp-Cell').length >= {cells}")
    except Exception:
        _shot(page, f"{Path(relative).stem}-failed-to-open.png")
        raise
    return page


def _shot(page, name: str, element=None) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    if element is not None:
        # the view as a student sees it, scrolled to the element (an element screenshot of an output
        # taller than the window comes out garbled, because JupyterLab scrolls inside its own panel)
        element.evaluate("(e) => e.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path


@pytest.mark.parametrize("relative", NOTEBOOKS, ids=lambda r: Path(r).stem)
def test_stored_outputs_render_in_jupyterlab(lab, browser_context, relative):
    expected = _stored(relative)
    _, _, root, data_dir = lab
    notary = NotebookNotary(data_dir=str(data_dir))
    assert not notary.check_signature(nbformat.read(root / relative, as_version=4)), \
        "the copy should open untrusted, as a student's fresh download would"
    stem = Path(relative).stem
    page = _open(browser_context, lab, relative)
    try:
        _shot(page, f"{stem}-top.png")
        # every cell and every stored output is in the page
        cells = page.locator(".jp-Notebook .jp-Cell")
        assert cells.count() == expected["cells"], f"{cells.count()} cells shown, the notebook has {expected['cells']}"
        stored = expected["outputs"]
        shown = page.locator(".jp-OutputArea-output").count()
        assert shown >= stored > 0, f"{shown} outputs shown, {stored} stored"

        errors = page.locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.count() == 0, "error or stderr output shown:\n" + "\n".join(errors.all_inner_texts())[:2000]

        if expected["reader"]:
            readers = page.locator(".jp-OutputArea-output").filter(has_text="[ATTR]")
            assert readers.count() >= 1, "no highlighted reader output with an [ATTR] tag"
            first = readers.first
            first.scroll_into_view_if_needed()
            facts = first.evaluate(_READER_FACTS)
            _shot(page, f"{stem}-reader.png", first)
            label_colours = {_rgb(c) for c in palette.LABEL_BACKGROUNDS.values()}
            shown_colours = set(facts["backgrounds"]) & label_colours
            assert len(shown_colours) >= 2, (
                f"the reader's label colours did not survive rendering: computed backgrounds "
                f"{facts['backgrounds']}, expected some of {sorted(label_colours)}")
            assert facts["width"] > 200 and facts["height"] > 20, f"the reader output is not visible: {facts}"
            assert {"[FACT]", "[ATTR]"} <= set(facts["tags"]), f"label tags not shown as visible text: {facts['tags']}"
            if "Marked words" in facts["text"]:  # a reading with spans: their kind tags are the non-colour cue
                kind_tags = {style.tag for style in palette.SPAN_STYLES.values()}
                assert set(facts["tags"]) & kind_tags, f"no span kind tag (cue, name …) is visible: {facts['tags']}"

        images = page.locator(".jp-OutputArea-output img")
        stored_images = expected["figures"]
        assert images.count() == stored_images, f"{images.count()} images shown, {stored_images} stored"
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            page.wait_for_function("(img) => img.complete", arg=image.element_handle(), timeout=PAGE_SECONDS * 1000)
            facts = image.evaluate(_IMAGE_FACTS)
            assert facts["naturalWidth"] > 0 and facts["width"] > 0, f"figure {index} did not load: {facts}"
            if index == 0:
                _shot(page, f"{stem}-figure.png", image)
    finally:
        page.close()


def test_reader_span_underlines_survive_untrusted_rendering(lab, browser_context):
    relative = "notebooks/00_start_here.ipynb"
    page = _open(browser_context, lab, relative)
    try:
        reader = page.locator(".jp-OutputArea-output").filter(has_text="Marked words").first
        reader.scroll_into_view_if_needed()
        facts = reader.evaluate(_READER_FACTS)
        assert facts["marked"] > 0, "the reader shows no marked spans at all"
        assert facts["underlined"] == facts["marked"], (
            f"{facts['marked'] - facts['underlined']} of {facts['marked']} marked spans have no underline")
        assert len(facts["lineStyles"]) >= 3, f"span kinds should differ in line style; shown: {facts['lineStyles']}"
    finally:
        page.close()


def test_reader_notes_table_is_left_aligned(lab, browser_context):
    relative = "notebooks/02_attribution.ipynb"
    page = _open(browser_context, lab, relative)
    try:
        reader = page.locator(".jp-OutputArea-output").filter(has_text="Marked words").filter(
            has=page.locator("td")).first
        facts = reader.evaluate(_READER_FACTS)
        assert facts["alignments"], "no reading with side notes found"
        assert set(facts["alignments"]) <= {"left", "start"}, f"table cells are aligned {facts['alignments']}"
    finally:
        page.close()
