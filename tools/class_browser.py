"""Students in a real browser: headless Chromium, driven by Playwright, on the class hub.

Used by ``tools/class_load_test.py --browser N`` and tests/test_hub.py.  Each browser student
has their own browser profile (their own cookies), opens the course link, logs in on the hub's
page, waits for JupyterLab to open the lesson that nbgitpuller copied, runs every cell with
*Run → Run All Cells*, saves with Ctrl+S, and the saved file must hold the outputs.  The two-tab
check opens one notebook in two tabs, saves in both, and expects JupyterLab's "File Changed"
dialog in the second.

It uses the system's Chromium (``apt-get install chromium``) and the ``playwright`` package
(requirements-browser.txt); it never downloads a browser.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from classroom import PASSWORD, ClassRun, Deadline, Student, hubrun

CHROMIUM = Path(os.environ.get("MEDIALIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PAGE_MS = 60_000
#: The first page after login waits for the student's server to start, as long as the hub allows
#: (Spawner.start_timeout is 180 s): a class starting at once on a small machine needs it.
FIRST_PAGE_MS = 300_000


def browser_available() -> str | None:
    """None when a browser student can run, else the reason it cannot."""
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401  (only whether it imports)
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-browser.txt)"
    return None


def _login(page, run: ClassRun, name: str, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector("input[name=username]")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("[type=submit]")


def _wait_notebook(page, timeout_ms: int = PAGE_MS) -> None:
    page.wait_for_selector(".jp-Notebook .jp-Cell", state="attached", timeout=timeout_ms)
    # the kernel has started when the toolbar's execution indicator says idle
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', state="attached", timeout=PAGE_MS)


def _menu(page, menu: str, item: str) -> None:
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()


def _code_counts(path: Path) -> list:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [c.get("execution_count") for c in notebook["cells"] if c["cell_type"] == "code"]


_PROMPTS = "[...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.innerText.trim())"


def _draw_every_cell(run: ClassRun, name: str) -> None:
    """Turn off JupyterLab's drawing of only the cells in view, in this student's settings.

    With it on, the page cannot show whether the last cell has run.  Done through the same
    settings API that Settings → Notebook uses, as the same student.
    """
    student = Student(run.hub.url, name)
    student.login_and_pull(run.link, run.deadline)
    response = student.http.put(
        f"{student.base}/lab/api/settings/@jupyterlab/notebook-extension:tracker",
        json={"raw": json.dumps({"windowingMode": "none"})}, headers=student._xsrf_header(), timeout=30)
    if response.status_code >= 400:
        raise RuntimeError(f"could not change the notebook setting: HTTP {response.status_code}")


def _run_all(page, timeout: float = 180) -> float:
    """Kernel → Restart Kernel and Clear Outputs, then Run → Run All Cells, timed until every
    code cell's prompt shows a number again (a cleared cell shows [ ], a waiting one [*])."""
    _menu(page, "Kernel", "Restart Kernel and Clear Outputs of All Cells…")
    page.locator(".jp-Dialog .jp-Dialog-button.jp-mod-accept").click()
    page.wait_for_function(f"() => {_PROMPTS}.every(p => !/\\d/.test(p))", timeout=60_000, polling=250)
    page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', state="attached", timeout=PAGE_MS)
    started = time.perf_counter()
    _menu(page, "Run", "Run All Cells")
    page.wait_for_function(
        f"() => {{ const p = {_PROMPTS}; return p.length > 0 && p.every(x => /^\\[\\d+\\]:$/.test(x)); }}",
        timeout=timeout * 1000, polling=250)
    return time.perf_counter() - started


def _save_and_wait(page, saved: Path, before: float, timeout: float = 30) -> None:
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    end = time.monotonic() + timeout
    while saved.stat().st_mtime <= before and time.monotonic() < end:
        time.sleep(0.3)
    if saved.stat().st_mtime <= before:
        raise RuntimeError("Ctrl+S did not save the notebook")


def browser_students(run: ClassRun, count: int, deadline: Deadline) -> list[dict]:
    """``count`` students, one after the other, each in a fresh browser profile."""
    reason = browser_available()
    if reason:
        return [{"skipped": reason}]
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as driver:
        for i in range(1, count + 1):
            name = f"browser{i:02d}"
            earlier = []
            for attempt in (1, 2):  # a second try in a fresh browser; the first error is reported
                result = {"student": name, "ok": False}
                started = time.perf_counter()
                with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
                    context = driver.chromium.launch_persistent_context(
                        profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
                        viewport={"width": 1280, "height": 900}, timeout=PAGE_MS)
                    context.set_default_timeout(PAGE_MS)
                    try:
                        deadline.check("browser student")
                        page = context.new_page()
                        _login(page, run, name, run.link)
                        _wait_notebook(page, FIRST_PAGE_MS)
                        result["link_to_notebook_s"] = round(time.perf_counter() - started, 1)
                        _draw_every_cell(run, name)
                        page.reload(wait_until="domcontentloaded")
                        _wait_notebook(page)
                        saved = run.home(name) / run.lesson
                        before = saved.stat().st_mtime
                        result["run_all_s"] = round(_run_all(page), 1)
                        _save_and_wait(page, saved, before)
                        notebook = json.loads(saved.read_text(encoding="utf-8"))
                        outputs = [o for c in notebook["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
                        result["error_outputs"] = sum(o["output_type"] == "error" for o in outputs)
                        counts = _code_counts(saved)
                        result["saved_with_outputs"] = counts == list(range(1, len(counts) + 1)) and bool(outputs)
                        result["ok"] = result["saved_with_outputs"] and result["error_outputs"] == 0
                        shot = run.state / f"{name}.png"
                        page.screenshot(path=str(shot))
                        result["screenshot"] = str(shot)
                    except Exception as error:  # noqa: BLE001 - reported per student
                        result["error"] = f"{type(error).__name__}: {str(error)[:400]}"
                        try:
                            result["prompts"] = page.evaluate(
                                "() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(p => p.innerText)")
                            page.screenshot(path=str(run.state / f"{name}-failed.png"))
                        except Exception:  # noqa: BLE001
                            pass
                    finally:
                        context.close()
                result["total_s"] = round(time.perf_counter() - started, 1)
                if result["ok"] or deadline.left() <= 0:
                    break
                earlier.append(result.get("error", "not ok"))
            if earlier:
                result["earlier_attempts_failed"] = earlier
            results.append(result)
    return results


def two_tabs_in_browser(run: ClassRun, deadline: Deadline) -> dict:
    """One student, one notebook, two tabs: the second save must ask before overwriting."""
    reason = browser_available()
    if reason:
        return {"skipped": reason}
    from playwright.sync_api import sync_playwright

    name = "browsertabs"
    notebook_url = f"{run.hub.url}/user/{name}/lab/tree/{hubrun.COURSE_DIR}/{run.lesson}"
    result = {"scenario": "two browser tabs save the same notebook", "ok": False}
    with sync_playwright() as driver, tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        context = driver.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900}, timeout=PAGE_MS)
        context.set_default_timeout(PAGE_MS)
        try:
            deadline.check("two tabs")
            first = context.new_page()
            _login(first, run, name, run.link)
            _wait_notebook(first, FIRST_PAGE_MS)
            second = context.new_page()
            second.goto(notebook_url, wait_until="domcontentloaded")
            _wait_notebook(second)
            for page, text in ((first, "written in tab A"), (second, "written in tab B")):
                page.bring_to_front()
                page.locator(".jp-Notebook .jp-Cell").last.click()
                page.keyboard.press("Escape")
                page.keyboard.press("b")
                page.keyboard.press("Enter")
                page.keyboard.type(f"# {text}")
                page.keyboard.press("Escape")
                page.keyboard.press("Control+s")
                page.wait_for_timeout(2500)
            dialog = second.locator(".jp-Dialog")
            result["dialog_title"] = dialog.locator(".jp-Dialog-header").inner_text() if dialog.count() else None
            result["dialog_buttons"] = [b.strip() for b in dialog.locator("button").all_inner_texts()] if dialog.count() else []
            saved = (run.home(name) / run.lesson).read_text(encoding="utf-8")
            result["tab_a_text_on_disk"] = "written in tab A" in saved
            result["tab_b_text_on_disk"] = "written in tab B" in saved
            shot = run.state / "two-tabs.png"
            second.screenshot(path=str(shot))
            result["screenshot"] = str(shot)
            result["ok"] = (result["dialog_title"] == "File Changed" and result["tab_a_text_on_disk"]
                            and not result["tab_b_text_on_disk"])
        except Exception as error:  # noqa: BLE001
            result["error"] = f"{type(error).__name__}: {str(error)[:400]}"
        finally:
            context.close()
    return result

