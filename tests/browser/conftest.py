"""Real-browser checks: skipped unless MEDIALIT_BROWSER=1.

They start JupyterLab and drive the system's Chromium with Playwright, which
takes about a minute and needs ``/usr/bin/chromium`` and the ``playwright``
package (see ``requirements-browser.txt`` or docs/deployment.md).  ``.ci/run``
runs them after the main suite with::

    MEDIALIT_BROWSER=1 .venv/bin/python -m pytest tests/browser -p no:cacheprovider
"""

from __future__ import annotations

import os

import pytest
from labkit import chromium_context, lab_server

ENABLED = os.environ.get("MEDIALIT_BROWSER") == "1"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: opens the stored notebooks in JupyterLab in headless Chromium (MEDIALIT_BROWSER=1)")


def pytest_collection_modifyitems(config, items):
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="real-browser check: set MEDIALIT_BROWSER=1 to run it (.ci/run does)")
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """One JupyterLab for every browser test (see labkit.lab_server)."""
    yield from lab_server(tmp_path_factory)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One headless Chromium for every browser test (see labkit.chromium_context)."""
    yield from chromium_context(tmp_path_factory)
