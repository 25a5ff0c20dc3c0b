"""The package stays readable: no import cycles, no module much over 400 lines, every import declared.

The import graph is read from the source (``ast``), with imports inside functions
counted too, so a cycle cannot hide behind a late import.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "medialit"
MAX_LINES = 450
#: Modules that were already long before the limit was set (splitting each is its own piece of work);
#: every other module, and every new one, stays under MAX_LINES.
LONG_ALREADY = {"medialit.tagger", "medialit.user", "medialit.compare", "medialit.reader"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, level: int, name: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(module: str) -> tuple[set[str], set[str]]:
    """(modules of this package imported by ``module``, top-level outside packages it imports)."""
    path = MODULES[module]
    is_package = path.name == "__init__.py"
    inside, outside = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                (inside if alias.name.startswith("medialit") else outside).add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node.level, node.module) if node.level else node.module
            if not target.startswith("medialit"):
                outside.add(target)
                continue
            for alias in node.names:  # "from . import x" imports the module x when there is one
                candidate = f"{target}.{alias.name}"
                inside.add(candidate if candidate in MODULES else target)
    inside = {m for m in inside if m in MODULES and m != module}
    return inside, {m.split(".")[0] for m in outside}


GRAPH = {module: sorted(imports_of(module)[0]) for module in MODULES}


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in graph.get(node, []):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in graph:
        if node not in state:
            visit(node, [node])
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": ["b"], "b": ["c"], "c": ["a"]}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": ["b"], "b": []}) == []


def test_no_import_cycles_in_the_package():
    assert _cycles(GRAPH) == []


def test_the_exercise_machinery_is_one_subpackage_with_a_module_per_exercise():
    names = sorted(m.rsplit(".", 1)[1] for m in MODULES if m.startswith("medialit.exercises.ex"))
    solutions = sorted(p.stem for p in (ROOT / "exercises" / "solutions").glob("[0-9][0-9]_*.ipynb"))
    assert names == [f"ex{s}" for s in solutions]
    assert "medialit.exercise_tasks" not in MODULES
    assert not any(dep.startswith("medialit.exercises") for dep in GRAPH["medialit.exercises"])


def _lines(module: str) -> int:
    return len(MODULES[module].read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("module", sorted(set(MODULES) - LONG_ALREADY))
def test_no_module_is_much_over_400_lines(module):
    assert _lines(module) <= MAX_LINES, f"{module} has {_lines(module)} lines; split it by concern"


def test_the_list_of_long_modules_only_shrinks():
    assert all(_lines(m) > MAX_LINES for m in LONG_ALREADY), "a module got short: drop it from LONG_ALREADY"


def test_no_module_reaches_into_another_modules_private_names():
    offenders = []
    for module, path in MODULES.items():
        for match in re.finditer(r"\b(compare|corpus|tables|checks|reader|plots|tagger)\._[a-z]\w*", path.read_text(encoding="utf-8")):
            offenders.append(f"{module}: {match.group(0)}")
    assert offenders == []


def test_pyproject_declares_every_outside_package_the_code_imports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!~ \[]", d)[0].lower().replace("_", "-") for d in project["dependencies"]}
    import_to_distribution = {"bs4": "beautifulsoup4"}
    needed = set()
    for module in MODULES:
        for name in imports_of(module)[1]:
            if name not in sys.stdlib_module_names and name != "__future__":
                needed.add(import_to_distribution.get(name, name).lower())
    assert needed - declared == set(), needed - declared
