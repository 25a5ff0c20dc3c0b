"""The classroom hub (hub/) and its end-to-end class test (tools/class_load_test.py).

The first tests need nothing running: the hub's configuration listens on loopback only, the
course link is right, the exercise machinery the simulated students use finds its cells.

The tests marked ``hub`` start a real JupyterHub on 127.0.0.1 with the proxy from npm and drive
a small class through it (5 students; about a minute with the faults).  They run when
``MEDIALIT_HUB=1`` (``.ci/run`` sets it after installing requirements-hub.txt and the proxy),
and skip with the reason when a part is not installed.  The full measurement is on demand:
``python tools/class_load_test.py --ramp 10,30,60`` (see docs/deployment.md).
"""

from __future__ import annotations

import doctest
import importlib.util
import ipaddress
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
HUB_CONFIG = ROOT / "hub" / "jupyterhub_config.py"
ENABLED = os.environ.get("MEDIALIT_HUB") == "1"

sys.path.insert(0, str(TOOLS))
import classroom  # noqa: E402  (tools/ is a folder of scripts, not a package)

hubrun = classroom.hubrun


def _hub_ready() -> None:
    if not ENABLED:
        pytest.skip("real-hub class test: set MEDIALIT_HUB=1 to run it (.ci/run does)")
    missing = hubrun.missing_parts()
    if missing:
        pytest.skip("the hub is not installed: " + "; ".join(missing) + " (python hub/run.py install)")


def _load_config(env: dict) -> dict:
    """Run hub/jupyterhub_config.py as JupyterHub does and return the settings it makes."""
    traitlets_config = pytest.importorskip("traitlets.config")
    config = traitlets_config.Config()
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        namespace = {"get_config": lambda: config, "__file__": str(HUB_CONFIG)}
        exec(compile(HUB_CONFIG.read_text(encoding="utf-8"), str(HUB_CONFIG), "exec"), namespace)
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return config


# ---------------------------------------------------------------------------
# no hub needed


def test_doctests_of_the_hub_script_and_the_class_tools():
    for module in (hubrun, classroom, _tool("class_load_test")):
        failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert tried > 0 and failures == 0, module.__name__


def test_every_address_in_the_hub_config_is_loopback(tmp_path):
    config = _load_config({"MEDIALIT_HUB_STATE": str(tmp_path), "MEDIALIT_HUB_PORT": "18123"})
    hosts = [
        re.match(r"https?://([^:/]+)", config.JupyterHub.bind_url).group(1),
        config.JupyterHub.hub_ip,
        re.match(r"https?://([^:/]+)", config.ConfigurableHTTPProxy.api_url).group(1),
        config.Spawner.ip,
    ]
    assert all(ipaddress.ip_address(h).is_loopback for h in hosts), hosts
    assert config.JupyterHub.bind_url == "http://127.0.0.1:18123"
    # each student in their own folder under the state folder, servers from the project's venv
    assert config.SimpleLocalProcessSpawner.home_dir_template == str(tmp_path / "home" / "{username}")
    assert config.Spawner.cmd == [str(ROOT / ".venv" / "bin" / "jupyterhub-singleuser")]
    assert config.JupyterHub.cleanup_servers is False
    culler = [s for s in config.JupyterHub.services if s["name"] == "idle-culler"]
    assert culler and "--timeout=3600" in culler[0]["command"]
    assert str(tmp_path) in config.JupyterHub.db_url


def test_the_shared_password_comes_from_the_environment(tmp_path):
    config = _load_config({"MEDIALIT_HUB_STATE": str(tmp_path), "MEDIALIT_HUB_PASSWORD": "a-class-pass"})
    assert config.SharedPasswordAuthenticator.user_password == "a-class-pass"


def test_the_course_link_opens_the_lesson_in_the_students_copy():
    link = hubrun.pull_link("http://127.0.0.1:8000", "file:///srv/course.git", notebook="notebooks/01_meet_the_pieces.ipynb")
    assert link.startswith("http://127.0.0.1:8000/hub/user-redirect/git-pull?")
    assert "urlpath=lab%2Ftree%2Fmedialit%2Fnotebooks%2F01_meet_the_pieces.ipynb" in link
    assert "targetpath=medialit" in link


def test_the_simulated_students_find_the_default_task_in_exercise_and_solution():
    exercise = nbformat.read(ROOT / "exercises" / f"{classroom.DEFAULT_EXERCISE}.ipynb", as_version=4)
    answer, check = classroom.exercise_task_cells(exercise, classroom.DEFAULT_TASK)
    assert answer < check
    assert f"check.task_{classroom.DEFAULT_TASK}(" in exercise.cells[check].source
    right = classroom.solution_answer(classroom.DEFAULT_EXERCISE, classroom.DEFAULT_TASK)
    wrong = classroom.wrong_answer(right)
    assert wrong.startswith(right) and wrong != right


def test_the_default_lesson_exists_and_has_code():
    notebook = nbformat.read(ROOT / classroom.DEFAULT_LESSON, as_version=4)
    assert len(classroom.code_cells(notebook)) >= 5


def test_the_hub_is_stopped_by_one_command_even_when_not_running(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "hub" / "run.py"), "stop", "--state", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Stopped the hub" in done.stdout
    assert "No hub was running there" in done.stdout and "same --state DIR" in done.stdout


# ---------------------------------------------------------------------------
# a real hub on loopback (MEDIALIT_HUB=1)


def test_start_and_stop_leave_nothing_running(tmp_path):
    _hub_ready()
    state = tmp_path / "state"
    port = hubrun.free_port_block(3)
    run = [sys.executable, str(ROOT / "hub" / "run.py")]
    started = subprocess.run([*run, "start", "--state", str(state), "--port", str(port)],
                             capture_output=True, text=True, timeout=180)
    try:
        assert started.returncode == 0, started.stderr + hubrun.tail(state / "jupyterhub.log")
        assert f"http://127.0.0.1:{port}" in started.stdout
        assert "git-pull?repo=file" in started.stdout
        assert f"python hub/run.py stop --state {state} --port {port}" in started.stdout   # not the default hub
        assert hubrun.hub_answers(f"http://127.0.0.1:{port}")
        assert len(hubrun.hub_processes(state)) >= 2  # the hub and its proxy
    finally:
        stopped = subprocess.run([*run, "stop", "--state", str(state)], capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 0, stopped.stderr
    assert hubrun.hub_processes(state) == []
    assert not hubrun.hub_answers(f"http://127.0.0.1:{port}")


@pytest.fixture(scope="module")
def class_report():
    _hub_ready()
    load_test = _tool("class_load_test")
    browser = 0 if _tool("class_browser").browser_available() else 1
    report = load_test.run_class(5, arrival=4, deadline_s=300, max_pss_gb=8, browser=browser)
    print(load_test.summary(report), report.get("peak_by_kind"), report.get("browser"))
    return report


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, TOOLS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_a_class_of_five_works_through_a_lesson_and_an_exercise(class_report):
    report = class_report
    assert report.get("error") is None, report.get("error")
    assert report["failed"] == [], report["failed"]
    assert report["finished"] == 5
    assert report["cell_latency"]["n"] > 5 * 14
    assert report["processes_left"] == 0


def test_every_process_of_the_hub_listened_on_loopback_only(class_report):
    addresses = class_report["listening_on"]
    assert addresses, "no listening socket was seen"
    assert all(ipaddress.ip_address(a).is_loopback for a in addresses), addresses


def test_students_see_feedback_that_explains(class_report):
    assert f"✗ Task {classroom.DEFAULT_TASK} — not yet" in class_report["feedback_wrong"]
    assert f"✓ Task {classroom.DEFAULT_TASK} — right" in class_report["feedback_right"]


def test_the_teachers_class_check_sees_every_students_answer(class_report):
    teacher = class_report["teacher_check"]
    assert teacher["returncode"] == 0, teacher["output_tail"]
    assert teacher["notebooks"] == 5 and teacher["task_passed"] == 5, teacher


def test_a_student_in_a_real_browser_runs_and_saves_the_lesson(class_report):
    if not class_report.get("browser"):
        pytest.skip("no browser student: " + (_tool("class_browser").browser_available() or "not run"))
    student = class_report["browser"][0]
    assert student["ok"], student


def test_faults_lose_no_student_work():
    _hub_ready()
    faults = _tool("class_faults")
    report = faults.run_faults(deadline_s=400)
    by_name = {f["scenario"]: f for f in report["faults"]}
    failed = [f for f in report["faults"] if f.get("ok") is False]
    assert not failed, failed
    assert len([f for f in report["faults"] if f.get("ok")]) >= 4, by_name
    assert report["processes_left"] == 0
