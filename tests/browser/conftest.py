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
