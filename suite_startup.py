"""Loaded first by ``python tasks.py test`` (``-p suite_startup``): a second saved in every pytest process.

nbval imports nbformat, nbformat imports jsonschema, and jsonschema imports ``rfc3987_syntax``
(installed with Jupyter) for its "iri" format check, which builds a Lark parser from a grammar
file as it is imported: about one second of CPU in the main process and again in each worker,
before a single test runs.  No test checks an IRI, so here the module is a stand-in whose
``is_valid_syntax`` (the one name jsonschema takes from it) imports the real module on its first
call and hands over to it; any other attribute does the same.  Nothing else changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

NAME = "rfc3987_syntax"


def _real() -> types.ModuleType:
    """The real module, imported now (the stand-in leaves sys.modules first)."""
    if isinstance(sys.modules.get(NAME), _Deferred):
        del sys.modules[NAME]
    return importlib.import_module(NAME)


class _Deferred(types.ModuleType):
    """Stands in for rfc3987_syntax until something uses it."""

    def __getattr__(self, name: str):
        if name.startswith("__"):          # the import system asks for __path__ etc.: not a reason to load
            raise AttributeError(name)
        return getattr(_real(), name)

    @staticmethod
    def is_valid_syntax(term: str, value: str) -> bool:
        return _real().is_valid_syntax(term, value)


def defer() -> bool:
    """Put the stand-in in place, unless the module is missing or already imported; True if it was."""
    if NAME in sys.modules:
        return False
    try:
        if importlib.util.find_spec(NAME) is None:
            return False
    except (ImportError, ValueError):
        return False
    sys.modules[NAME] = _Deferred(NAME)
    return True


defer()
