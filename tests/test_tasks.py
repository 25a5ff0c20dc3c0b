"""``python tasks.py lab``: what it starts, checked without starting it (the real server: tests/browser/test_lab_doors.py)."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def tasks():
    spec = importlib.util.spec_from_file_location("medialit_tasks_lab", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _option(command, name):
    return [arg.split("=", 1)[1] for arg in command if arg.startswith(f"{name}=")]


def test_lab_serves_the_repository_root_and_opens_notebook_00(tasks, monkeypatch):
    monkeypatch.setattr(tasks, "_is_root", lambda: False)
    command, _ = tasks.lab_command(Path("py"), [])
    assert command[1:4] == ["-m", "jupyter", "lab"]
    assert _option(command, "--ServerApp.root_dir") == [str(ROOT)]
    assert command[-1] == "notebooks/00_start_here.ipynb" and (ROOT / command[-1]).is_file()
    assert "--allow-root" not in command


def test_extra_arguments_pass_through_and_a_named_notebook_replaces_00(tasks, monkeypatch):
    monkeypatch.setattr(tasks, "_is_root", lambda: False)
    command, _ = tasks.lab_command(Path("py"), ["--no-browser", "--port", "9999"])
    assert command[-3:] == ["--no-browser", "--port", "9999"]
    assert "notebooks/00_start_here.ipynb" in command
    command, _ = tasks.lab_command(Path("py"), ["exercises/02_attribution.ipynb"])
    assert command[-1] == "exercises/02_attribution.ipynb"
    assert "notebooks/00_start_here.ipynb" not in command


def test_as_root_lab_allows_root_and_says_so(tasks, monkeypatch, capsys):
    monkeypatch.setattr(tasks, "_is_root", lambda: True)
    monkeypatch.setattr(tasks, "setup", lambda: Path("python-from-venv"))
    calls = []
    monkeypatch.setattr(tasks.subprocess, "call", lambda args, **kw: calls.append((list(args), kw)) or 0)
    assert tasks.main(["lab", "--no-browser"]) == 0
    command, options = calls[0]
    assert command.count("--allow-root") == 1 and "--no-browser" in command
    assert "--allow-root" in capsys.readouterr().out
    assert options["cwd"] == tasks.ROOT
    assert tasks.lab_command(Path("py"), ["--allow-root"])[0].count("--allow-root") == 1


def test_the_server_sees_the_projects_environment_and_settings(tasks, monkeypatch):
    monkeypatch.setenv("PATH", os.pathsep.join(["/usr/bin", "/bin"]))
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/somewhere/else")
    monkeypatch.setenv("PYTHONHOME", "/wrong")
    _, env = tasks.lab_command(Path("py"), [])
    assert env["VIRTUAL_ENV"] == str(ROOT / ".venv")
    assert env["PATH"].split(os.pathsep)[0] == str(tasks._venv_bin())
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(ROOT / "jupyter-config"), "/somewhere/else"]
    assert "PYTHONHOME" not in env


def test_the_shipped_jupyter_settings_are_the_documented_ones():
    config = ROOT / "jupyter-config"
    overrides = json.loads((config / "labconfig" / "default_setting_overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    from traitlets.config.loader import PyFileConfigLoader

    loaded = PyFileConfigLoader("jupyter_server_config.py", path=str(config)).load_config()
    assert loaded.KernelManager.transport_encryption == "auto"
    if os.name != "nt":
        shell = loaded.ServerApp.terminado_settings["shell_command"]
        assert shell[:4] == ["/bin/sh", "-c", 'cd "$0" && exec "$@"', str(ROOT)]
        assert "-l" not in shell, "a login shell would reset PATH"


def test_the_suite_runs_in_parallel_keeping_each_file_on_one_worker(tasks):
    command = tasks.test_command(Path("py"), ["-k", "corpus"])
    assert command[1:4] == ["-m", "pytest", "--nbval"]
    assert command[command.index("-n") + 1] == "auto"
    assert "--dist" not in command  # xdist's default "load", which conftest.py makes keep each notebook whole
    assert command[-2:] == ["-k", "corpus"]
    assert command[command.index("-p") + 1] == "suite_startup"
    for own in (["-n", "0"], ["-n4"], ["--numprocesses=3"], ["-p", "no:xdist"], ["--dist", "load"]):
        assert "auto" not in tasks.test_command(Path("py"), own), own


def test_the_suite_may_write_bytecode_caches_even_where_the_shell_forbids_them(tasks, monkeypatch):
    """Else each worker re-parses every test module (pytest's assert rewriting) on every run."""
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("MEDIALIT_SOMETHING", "kept")
    monkeypatch.setattr(tasks, "setup", lambda: Path("python-from-venv"))
    calls = []
    monkeypatch.setattr(tasks.subprocess, "call", lambda args, **kw: calls.append((list(args), kw)) or 0)
    assert tasks.main(["test", "-k", "corpus"]) == 0
    command, options = calls[0]
    assert command == tasks.test_command(Path("python-from-venv"), ["-k", "corpus"])
    assert "PYTHONDONTWRITEBYTECODE" not in options["env"] and options["env"]["MEDIALIT_SOMETHING"] == "kept"
    assert options["cwd"] == tasks.ROOT


def test_pytest_xdist_is_pinned_for_the_parallel_run():
    pins = dict(line.split("#")[0].strip().split("==") for line in
                (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
                if "==" in line.split("#")[0])
    assert "pytest-xdist" in pins and "execnet" in pins


def test_parallel_runs_keep_each_notebook_whole_and_split_everything_else():
    spec = importlib.util.spec_from_file_location("medialit_root_conftest", ROOT / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    cells = [f"notebooks/02_attribution.ipynb::Cell {i}" for i in range(3)]
    assert {conftest.notebook_scope(c) for c in cells} == {"notebooks/02_attribution.ipynb"}
    solution = "exercises/solutions/04_advocacy_loaded_language.ipynb::Cell 12"
    assert conftest.notebook_scope(solution) == "exercises/solutions/04_advocacy_loaded_language.ipynb"
    tests = ["tests/test_tasks.py::test_a", "tests/test_tasks.py::test_b[x]", "medialit/corpus.py::medialit.corpus"]
    assert [conftest.notebook_scope(t) for t in tests] == tests
    # a file that builds a fixture once for all its tests stays on one worker
    shared = [p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "tests").glob("test_*.py"))
              if 'scope="module"' in p.read_text(encoding="utf-8")]
    assert shared, "no test file with a module-scoped fixture to check this on"
    assert conftest.notebook_scope(f"{shared[0]}::test_x") == shared[0]


def test_setup_hides_pip_chatter_but_shows_a_failure(tasks, monkeypatch, capsys):
    class Run:
        def __init__(self, returncode):
            self.returncode, self.stdout, self.stderr = returncode, "pip says a lot", "!! BuildBackendWarning"

    monkeypatch.setattr(tasks.subprocess, "run", lambda *a, **k: Run(0))
    tasks._pip(Path("py"), "install", "-r", "requirements.txt")
    assert capsys.readouterr() == ("", "")
    monkeypatch.setattr(tasks.subprocess, "run", lambda *a, **k: Run(1))
    with pytest.raises(SystemExit) as stop:
        tasks._pip(Path("py"), "install", "-r", "requirements.txt")
    assert "Installing failed (pip install -r requirements.txt)" in str(stop.value)
    assert "BuildBackendWarning" in capsys.readouterr().err


def test_the_suite_defers_a_slow_import_and_hands_over_on_first_use(monkeypatch):
    """suite_startup (loaded first by ``tasks.py test``) stands in for rfc3987_syntax until it is used."""
    spec = importlib.util.spec_from_file_location("medialit_suite_startup", ROOT / "suite_startup.py")
    startup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(startup)
    calls = []
    real = type("Real", (), {"is_valid_syntax": staticmethod(lambda term, value: calls.append((term, value)) or True),
                             "parse": "the real parse"})
    monkeypatch.setattr(startup, "_real", lambda: real)
    stand_in = startup._Deferred(startup.NAME)
    assert stand_in.is_valid_syntax("iri", "http://example.org/ä") is True
    assert calls == [("iri", "http://example.org/ä")]
    assert stand_in.parse == "the real parse"
    with pytest.raises(AttributeError):
        stand_in.__path__                 # the import system's question does not load it
    monkeypatch.setitem(sys.modules, startup.NAME, stand_in)
    assert startup.defer() is False       # never replaces a module already there
