"""The repository installs and runs the way docs/deployment.md says it does.

Binder (repo2docker), a JupyterHub, and ``python tasks.py`` all install from the one
root ``requirements.txt``.  These tests check that that file is complete and exact:

- every notebook imports only the standard library and packages that
  ``requirements.txt`` names directly (not ones that happen to come along);
- every requirement is pinned with ``==`` (except ``-e .``, the helper package);
- the package's own dependencies in ``pyproject.toml`` are in the requirements,
  at versions they accept;
- the README's two commands exist in ``tasks.py``, and ``.ci/run`` runs the
  README's test command;
- the printable handouts in ``handouts/`` match a fresh run of
  ``tools/make_handouts.py``.

Installing the requirements into a fresh environment takes minutes, so that test
only runs with ``MEDIALIT_SLOW=1``.  ``.ci/run`` performs exactly that install on
every CI run (it deletes ``.venv`` and runs ``python3 tasks.py test``).
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

import medialit as ml

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
PYPROJECT = ROOT / "pyproject.toml"
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
TASKS = ROOT / "tasks.py"
HANDOUTS = ROOT / "handouts"

_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[A-Za-z0-9.+!_-]+)$")
#: ``python tasks.py lab`` and the like, with ``python3`` or ``py`` too; arguments up to the end of the line.
_TASKS_COMMAND = re.compile(r"\b(?:python3?|py)\s+tasks\.py\s+(?P<command>[a-z][a-z-]*)(?P<rest>[^\n`#]*)")


def _notebooks() -> list[Path]:
    found = list((ROOT / "notebooks").glob("*.ipynb")) + list((ROOT / "exercises").rglob("*.ipynb"))
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


def _load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------
# requirements.txt


def requirement_lines(text: str) -> list[str]:
    """The non-blank lines of a requirements file, comments removed.

    >>> requirement_lines("# notebooks\\njupyterlab==4.6.6  # the app\\n\\n-e .\\n")
    ['jupyterlab==4.6.6', '-e .']
    """
    lines = []
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def pinned_requirements(text: str) -> dict[str, str]:
    """Canonical distribution name -> pinned version, for the ``name==version`` lines.

    >>> pinned_requirements("Pillow==13.0.0\\n-e .\\n")
    {'pillow': '13.0.0'}
    """
    pins = {}
    for line in requirement_lines(text):
        match = _PIN.match(line)
        if match:
            pins[canonicalize_name(match["name"])] = match["version"]
    return pins


def _own_package() -> tuple[str, list[str]]:
    """The project's distribution name and the import packages it provides (for ``-e .``)."""
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    name = canonicalize_name(config["project"]["name"])
    packages = config.get("tool", {}).get("setuptools", {}).get("packages", [config["project"]["name"]])
    return name, [p.split(".")[0] for p in packages]


def test_every_requirement_is_pinned_exactly():
    lines = requirement_lines(REQUIREMENTS.read_text(encoding="utf-8"))
    assert lines, "requirements.txt has no requirements"
    loose = [line for line in lines if line != "-e ." and not _PIN.match(line)]
    assert not loose, (
        "Every line of requirements.txt must pin one exact version with ==, so stored notebook "
        f"outputs stay reproducible. Not pinned: {loose}"
    )
    assert lines.count("-e .") == 1, "requirements.txt must install the helper package once, with the line '-e .'"
    names = [canonicalize_name(_PIN.match(line)["name"]) for line in lines if line != "-e ."]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"requirements.txt names these more than once: {duplicates}"


def test_extra_requirement_files_are_pinned_too():
    extras = sorted(ROOT.glob("requirements-*.txt"))
    for path in extras:
        lines = requirement_lines(path.read_text(encoding="utf-8"))
        assert lines, f"{path.name} is empty"
        loose = [line for line in lines if not _PIN.match(line)]
        assert not loose, f"{path.name}: every line must pin one exact version with ==; not pinned: {loose}"
        clash = sorted(set(pinned_requirements(path.read_text(encoding="utf-8")))
                       & set(pinned_requirements(REQUIREMENTS.read_text(encoding="utf-8"))))
        assert not clash, f"{path.name} pins again what requirements.txt already pins: {clash}"


def test_package_dependencies_are_pinned_in_requirements():
    pins = pinned_requirements(REQUIREMENTS.read_text(encoding="utf-8"))
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    dependencies = [Requirement(d) for d in config["project"].get("dependencies", [])]
    assert dependencies, "pyproject.toml lists no dependencies; the package needs at least pandas"
    problems = []
    for requirement in dependencies:
        name = canonicalize_name(requirement.name)
        if name not in pins:
            problems.append(f"{requirement.name} (pyproject) is not pinned in requirements.txt")
        elif not requirement.specifier.contains(pins[name], prereleases=True):
            problems.append(f"requirements.txt pins {requirement.name}=={pins[name]}, "
                            f"outside pyproject's range {requirement.specifier}")
    assert not problems, "; ".join(problems)


# ---------------------------------------------------------------------------
# Binder (repo2docker)


def test_binder_configuration_installs_the_pins_editable_on_a_supported_python():
    """What repo2docker needs, read from its Python build pack (releases from late 2025 on).

    Without a ``binder/`` folder, repo2docker reads the root files, uses its default Python unless
    ``runtime.txt`` says otherwise (older than the 3.11 the pins need), and because
    ``pyproject.toml`` declares ``[project]`` and ``[build-system]`` it then also runs
    ``pip install .``: a plain copy in site-packages replaces the editable install.  With a
    ``binder/`` folder it reads only that folder and installs no copy.
    """
    binder = ROOT / "binder"
    fix = ("add binder/requirements.txt containing the one line `-r ../requirements.txt` and "
           "binder/runtime.txt containing `python-3.11` (see docs/deployment.md, Binder)")
    assert binder.is_dir(), f"no binder/ folder: Binder would use repo2docker's default Python (older than the pins need) and reinstall medialit as a plain copy; {fix}"
    runtime = binder / "runtime.txt"
    assert runtime.is_file(), f"binder/runtime.txt is missing; {fix}"
    match = re.fullmatch(r"python-(\d+\.\d+)", runtime.read_text(encoding="utf-8").strip())
    assert match, f"binder/runtime.txt should be one line like `python-3.11`, not {runtime.read_text()!r}"
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    supported = SpecifierSet(config["project"]["requires-python"])
    assert match[1] + ".0" in supported, f"binder/runtime.txt asks for Python {match[1]}; the package needs {supported}"
    lines = requirement_lines((binder / "requirements.txt").read_text(encoding="utf-8")) \
        if (binder / "requirements.txt").is_file() else []
    assert lines == ["-r ../requirements.txt"], (
        f"binder/requirements.txt should only include the root file (`-r ../requirements.txt`), "
        f"so there is one list of pins; it has {lines}")
    others = sorted(p.name for p in binder.iterdir())
    assert set(others) <= {"requirements.txt", "runtime.txt"}, \
        f"binder/ has other configuration files that change what repo2docker does: {others}"


# ---------------------------------------------------------------------------
# notebook imports


def imported_modules(source: str) -> set[str]:
    """Top-level names imported by a code cell (IPython magics and shell lines allowed).

    >>> sorted(imported_modules("%matplotlib inline\\nimport medialit as ml\\nfrom matplotlib import pyplot"))
    ['matplotlib', 'medialit']
    >>> sorted(imported_modules("import os.path, json\\nfrom . import x"))
    ['.', 'json', 'os']
    """
    python = TransformerManager().transform_cell(source)
    names = set()
    for node in ast.walk(ast.parse(python)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." if node.level else node.module.split(".")[0])
    return names


def test_notebooks_are_found():
    names = {p.relative_to(ROOT).as_posix() for p in _notebooks()}
    assert "notebooks/00_start_here.ipynb" in names, "the first notebook is missing"
    assert any(n.startswith("exercises/") for n in names), "no exercise notebooks found"


@functools.cache
def _installed_distributions() -> dict[str, list[str]]:
    """Import name -> the installed distributions that provide it (scanning them takes 0.1 s: once per run)."""
    return importlib.metadata.packages_distributions()


@pytest.mark.parametrize("notebook", _notebooks(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_imports_only_what_requirements_install(notebook):
    pins = pinned_requirements(REQUIREMENTS.read_text(encoding="utf-8"))
    own_name, own_packages = _own_package()
    provided = set(pins) | {own_name}
    distributions = _installed_distributions()
    stdlib = set(sys.stdlib_module_names)
    problems = []
    for index, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
        if cell.cell_type != "code":
            continue
        try:
            modules = imported_modules(cell.source)
        except SyntaxError as error:
            problems.append(f"cell {index}: not valid Python ({error.msg}, line {error.lineno})")
            continue
        for module in sorted(modules):
            if module == ".":
                problems.append(f"cell {index}: a relative import cannot work in a notebook")
            elif module in stdlib or module in own_packages:
                continue
            elif module not in distributions:
                problems.append(f"cell {index}: imports {module!r}, which is not installed here at all")
            elif not provided & {canonicalize_name(d) for d in distributions[module]}:
                problems.append(f"cell {index}: imports {module!r} (from {', '.join(distributions[module])}), "
                                "which requirements.txt does not name; add it with an exact pin")
    assert not problems, f"{notebook.relative_to(ROOT).as_posix()}:\n" + "\n".join(problems)


# ---------------------------------------------------------------------------
# README, tasks.py and .ci/run agree


def readme_commands(text: str) -> list[tuple[str, str]]:
    """``(command, arguments)`` for every ``python tasks.py …`` in a text, in order, without repeats.

    >>> readme_commands("Run `python tasks.py lab`, then\\n    python3 tasks.py test -k corpus\\n")
    [('lab', ''), ('test', '-k corpus')]
    """
    found = []
    for match in _TASKS_COMMAND.finditer(text):
        item = (match["command"], match["rest"].strip())
        if item not in found:
            found.append(item)
    return found


def _readme_text() -> str:
    assert README.is_file(), "README.md is missing; it must give the two commands `python tasks.py lab` and `test`"
    return README.read_text(encoding="utf-8")


def test_readme_commands_exist_in_tasks(monkeypatch):
    commands = readme_commands(_readme_text())
    names = {command for command, _ in commands}
    assert {"lab", "test"} <= names, f"the README should give `python tasks.py lab` and `python tasks.py test`; found {commands}"
    tasks = _load_module(TASKS, "medialit_tasks_under_test")
    calls = []
    monkeypatch.setattr(tasks, "setup", lambda: Path("python-from-venv"))  # never create a venv here
    monkeypatch.setattr(tasks.subprocess, "call", lambda args, **kw: calls.append(list(map(str, args))) or 0)
    for command, rest in commands:
        calls.clear()
        status = tasks.main([command, *shlex.split(rest)])
        assert status == 0, f"`python tasks.py {command} {rest}` is not a command tasks.py knows (it printed its usage)"
        if command == "lab":
            assert calls and calls[0][1:4] == ["-m", "jupyter", "lab"], f"`tasks.py lab` ran {calls}"
        if command == "test":
            assert calls and calls[0][1:3] == ["-m", "pytest"], f"`tasks.py test` ran {calls}"


def test_ci_runs_the_readme_test_command():
    tests = [(c, r) for c, r in readme_commands(_readme_text()) if c == "test"]
    assert tests, "the README gives no `python tasks.py test` command"
    script = [line.split("#", 1)[0] for line in CI_RUN.read_text(encoding="utf-8").splitlines()]
    in_ci = readme_commands("\n".join(script))
    assert tests[0] in in_ci, f".ci/run should run the README's test command `python tasks.py test {tests[0][1]}`; it runs {in_ci}"
    assert re.search(r"^\s*rm -rf \.venv\b", "\n".join(script), re.MULTILINE), \
        ".ci/run should delete .venv first, so every CI run installs requirements.txt from scratch"


# ---------------------------------------------------------------------------
# handouts


@pytest.fixture(scope="module")
def fresh_handouts(tmp_path_factory) -> dict[str, bytes]:
    """One run of tools/make_handouts.py into a new folder: page name -> bytes (shared by the tests below)."""
    folder = tmp_path_factory.mktemp("handouts")
    tool = _load_module(ROOT / "tools" / "make_handouts.py", "make_handouts_under_test")
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in tool.make_handouts(folder)}


def test_handouts_are_up_to_date(fresh_handouts):
    fresh = fresh_handouts
    pieces = [name for name in fresh if "/" not in name]
    assert len(pieces) == 2 * len(ml.article_ids())
    assert len([n for n in fresh if n.startswith("worksheets/")]) == len(ml.practice.PASSAGES)
    assert len([n for n in fresh if n.startswith("answer-keys/")]) == len(ml.practice.PASSAGES)
    stale = [name for name, content in fresh.items() if not (HANDOUTS / name).is_file()
             or (HANDOUTS / name).read_bytes() != content]
    assert not stale, f"handouts/ is out of date ({', '.join(stale)}); run `python tools/make_handouts.py`"
    stored = {p.relative_to(HANDOUTS).as_posix() for p in HANDOUTS.rglob("*.html")}
    extra = sorted(stored - set(fresh))
    assert not extra, f"handouts/ has pages the tool no longer makes: {extra}; delete them"


def test_handouts_are_deterministic(fresh_handouts, tmp_path):
    """A second run, into another folder, writes the same bytes as the first."""
    tool = _load_module(ROOT / "tools" / "make_handouts.py", "make_handouts_under_test")
    first = fresh_handouts
    second = {p.relative_to(tmp_path / "b").as_posix(): p.read_bytes() for p in tool.make_handouts(tmp_path / "b")}
    assert first == second
    page = first["balakot.html"].decode("utf-8")
    assert "[FACT]" in page and "balakot-001" in page and "<script" not in page


# ---------------------------------------------------------------------------
# a fresh install (slow)


@pytest.mark.skipif(os.environ.get("MEDIALIT_SLOW") != "1",
                    reason="installs requirements.txt into a fresh venv (minutes); set MEDIALIT_SLOW=1 to run. "
                           ".ci/run does this install on every CI run.")
def test_requirements_install_in_a_fresh_environment(tmp_path):
    venv.EnvBuilder(with_pip=True).create(tmp_path / "venv")
    python = tmp_path / "venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = subprocess.run([python, "-m", "pip", "install", "--quiet", "-r", REQUIREMENTS.name],
                             cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert install.returncode == 0, install.stderr[-3000:]
    check = subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    pins = pinned_requirements(REQUIREMENTS.read_text(encoding="utf-8"))
    probe = ("import importlib.metadata as m, json, sys; import medialit;"
             "print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))")
    versions = subprocess.run([python, "-c", probe, *pins], capture_output=True, text=True, cwd=tmp_path)
    assert versions.returncode == 0, versions.stderr[-3000:]
    installed = {canonicalize_name(k): v for k, v in json.loads(versions.stdout).items()}
    assert installed == pins


# ---------------------------------------------------------------------------
# the teacher guide and this page point at things that exist

DOCS = ROOT / "docs"
_LINK = re.compile(r"\]\(([^)\s]+)\)")


def heading_anchor(heading: str) -> str:
    """The anchor GitHub gives a markdown heading.

    >>> heading_anchor("Binder (mybinder.org, or your own BinderHub)")
    'binder-mybinderorg-or-your-own-binderhub'
    """
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("name", ["teacher_guide.md", "deployment.md"])
def test_doc_links_and_anchors_resolve(name):
    text = (DOCS / name).read_text(encoding="utf-8")
    anchors = {heading_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    problems = []
    for target in _LINK.findall(text):
        if target.startswith(("http://", "https://")):
            continue
        path, _, anchor = target.partition("#")
        if path and not (DOCS / path).exists():
            problems.append(f"link to a missing file: {target}")
        if anchor and not path and anchor not in anchors:
            problems.append(f"link to a missing heading: #{anchor}")
    assert not problems, f"docs/{name}: " + "; ".join(problems)


def test_teacher_guide_names_real_sentences_notebooks_handouts_and_commands():
    from medialit.checks import ids_in_text
    from medialit.cli import build_parser

    text = (DOCS / "teacher_guide.md").read_text(encoding="utf-8")
    known_ids = set(ml.load_sentences().sent_id)
    # ids of notebook 08's invented sample article are checked in test_teacher_guide_answers.py
    cited = [i for i in ids_in_text(text) if not i.startswith("invented-dam-")]
    assert cited, "the guide cites no sentence ids"
    assert not [i for i in cited if i not in known_ids], f"ids not in sentences.csv: {[i for i in cited if i not in known_ids]}"

    stems = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")} | {p.stem for p in (ROOT / "exercises").glob("*.ipynb")}
    named = set(re.findall(r"`(\d\d_[a-z_]+)`", text))
    assert {"00_start_here", "02_attribution"} <= named, "the lesson table should name the notebooks"
    assert not named - stems, f"notebooks or exercises the guide names that do not exist: {sorted(named - stems)}"

    pages = set(re.findall(r"`(?:handouts/)?([a-z][a-z-]*?(?:-notes)?\.html)`", text))
    assert pages, "the guide names no handouts"
    assert not {p for p in pages if not (HANDOUTS / p).is_file()}, \
        f"handouts the guide names that do not exist: {sorted(p for p in pages if not (HANDOUTS / p).is_file())}"

    commands = re.findall(r"^\.venv/bin/medialit (.+)$", text, re.MULTILINE)
    assert any(c.startswith("check-class") for c in commands), "the guide should show the class-check command"
    parser = build_parser()
    for command in commands:
        words = shlex.split(command.split("  #", 1)[0])
        try:
            parser.parse_args(words)
        except SystemExit:
            pytest.fail(f"the guide's command `medialit {command}` is not accepted by medialit's command line")
