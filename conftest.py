"""Run the suite in parallel, keeping each notebook on one worker (``python tasks.py test``).

``tasks.py test`` runs pytest with pytest-xdist (``-n auto``): the tests are shared out one
by one between as many workers as there are CPUs, so the slow ones spread evenly.  A
notebook run by nbval is the exception: its cells are items that share one kernel and must
run in order, on one worker; xdist's own ``load`` would split them.  So for ``--dist load``
(what ``-n`` means by default) this hook schedules each notebook as one unit, notebooks
first, largest first, and every other test on its own.  (``--dist loadgroup`` would be the
usual way, but it rewrites node ids in a way pytest 9 no longer reads.)  Without ``-n`` (a
plain ``pytest`` run, or a student's ``pytest --nbval-lax exercises/...``) nothing changes.
"""

from __future__ import annotations

import pytest


def notebook_scope(nodeid: str) -> str:
    """The unit of work a test belongs to: its notebook for an nbval cell, else the test itself.

    >>> notebook_scope("notebooks/02_attribution.ipynb::Cell 7")
    'notebooks/02_attribution.ipynb'
    >>> notebook_scope("tests/test_data.py::test_manifest_lists_the_five_pieces_in_order")
    'tests/test_data.py::test_manifest_lists_the_five_pieces_in_order'
    """
    path = nodeid.split("::", 1)[0]
    return path if path.endswith(".ipynb") else nodeid


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
