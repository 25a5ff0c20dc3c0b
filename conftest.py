"""Run the suite in parallel, keeping each notebook on one worker (``python tasks.py test``).

``tasks.py test`` runs pytest with pytest-xdist (``-n auto``): the tests are shared out one
by one between as many workers as there are CPUs, so the slow ones spread evenly.  A
notebook run by nbval is the exception: its cells are items that share one kernel and must
run in order, on one worker; xdist's own ``load`` would split them.  So for ``--dist load``
(what ``-n`` means by default) this hook schedules each notebook as one unit, and each test
file with a module-scoped fixture as one unit (else every worker would build the fixture),
largest first, and every other test on its own.  (``--dist loadgroup`` would be the
usual way, but it rewrites node ids in a way pytest 9 no longer reads.)  Without ``-n`` (a
plain ``pytest`` run, or a student's ``pytest --nbval-lax exercises/...``) nothing changes.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
_SHARED_FIXTURE = re.compile(r"""@pytest\.fixture\([^)]*scope\s*=\s*["'](module|session)["']""")


@functools.cache
def _has_shared_fixture(path: str) -> bool:
    """Whether a test file defines a module- or session-scoped fixture (built once per worker)."""
    try:
        return bool(_SHARED_FIXTURE.search((ROOT / path).read_text(encoding="utf-8")))
    except OSError:
        return False


def notebook_scope(nodeid: str) -> str:
    """The unit of work a test belongs to: its notebook for an nbval cell, its file when that
    file builds a fixture once for all its tests (so only one worker pays for it), else the test.

    >>> notebook_scope("notebooks/02_attribution.ipynb::Cell 7")
    'notebooks/02_attribution.ipynb'
    >>> notebook_scope("tests/test_reader.py::test_gold_articles_render_with_every_sentence")
    'tests/test_reader.py::test_gold_articles_render_with_every_sentence'
    >>> notebook_scope("tests/test_data.py::test_manifest_lists_the_five_pieces_in_order")  # module fixtures
    'tests/test_data.py'
    """
    path = nodeid.split("::", 1)[0]
    if path.endswith(".ipynb") or (path.endswith(".py") and _has_shared_fixture(path)):
        return path
    return nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getoption("dist") != "load":
        return None  # loadfile, loadscope, ... keep their own meaning
    from xdist.scheduler import LoadScopeScheduling

    class NotebookScheduling(LoadScopeScheduling):
        """xdist's scope scheduler whose scopes are notebooks and single tests (largest first)."""

        def _split_scope(self, nodeid: str) -> str:
            return notebook_scope(nodeid)

    return NotebookScheduling(config, log)
