"""pytest on an exercise notebook: the summary names the task that is not right yet.

``pytest --nbval-lax exercises/02_attribution.ipynb`` runs every cell; a check cell whose
task is not right yet fails.  nbval names a failure by its cell ("Cell 7") and starts its
report with "Notebook cell execution failed"; this hook puts the check's own message
first, so the summary line reads
``FAILED exercises/02_attribution.ipynb::Cell 7 - ✗ Task 3 — not yet. 1 of your 2 ids …``.
"""

import pytest

from medialit.exercises.feedback import VERDICT_PATTERN


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and isinstance(report.longrepr, str):
        found = [m for m in VERDICT_PATTERN.finditer(report.longrepr) if m.group("mark") == "✗"]
        if found:
            first_line = report.longrepr[found[0].start():].split("\n", 1)[0]
            report.longrepr = f"{first_line}\n\n{report.longrepr}"
    return report
