"""The exercise machinery: checks that give feedback, student notebooks, and the class check.

Notebooks ask for their checks through the public face :mod:`medialit.checks`
(``check = ml.checks.exercise("02_attribution")``).  The parts, in reading order:

- ``feedback``    verdicts, :class:`Task` and :class:`Exercise`, the message a student sees
- ``readers``     reading a student's answer into a clean shape (or saying why not)
- ``gold``        the data the checks read, fresh at every check
- ``builders``    task builders shared by several exercises; ``charts`` for chart tasks; ``models``
                  the model answer to a written task, read from its solution notebook
- ``ex01_meet_the_pieces`` … ``ex09_lateral_reading``  one module per exercise notebook, named like it
  (``ex08_transfer``: the closing transfer exercise on the invented texts)
- ``catalogue``   which exercises exist; ``exercise(name)``
- ``layout``      how an exercise notebook is laid out (tags, check calls)
- ``generate``    student notebooks from the solutions (``medialit make-exercises``)
- ``classcheck``  check a class: run each notebook, grade its answer values here (``medialit check-class``);
  ``sandbox`` the folder and limits of one run, ``worker`` the process that runs it, ``processes``
  killing all it started, ``answers`` answer values out of the notebook, ``report`` the CSVs
- ``selfcheck``   one student's notebook, one line per task (``medialit check``), on the class check's engine

Importing this package imports none of its modules; ``medialit.exercises.generate``
and the others load the first time they are used.
"""

from importlib import import_module

_MODULES = {
    "feedback", "readers", "gold", "builders", "charts", "models", "catalogue", "layout", "generate", "classcheck",
    "selfcheck", "answers", "processes", "report", "sandbox", "worker",
    "ex01_meet_the_pieces", "ex02_attribution", "ex03_sources_evidence", "ex04_advocacy_loaded_language",
    "ex05_naming", "ex06_frames", "ex07_machine", "ex08_transfer", "ex09_lateral_reading",
}

__all__ = sorted(_MODULES)


def __getattr__(name: str):
    """Import a module of the package the first time it is used (PEP 562)."""
    if name in _MODULES:
        module = import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module 'medialit.exercises' has no attribute {name!r}")
