"""medialit: helpers for the media-literacy notebook set.

The notebooks use it as ``import medialit as ml``:

>>> import medialit as ml
>>> ml.load_sentences().shape[1]
17
>>> ml.reader.__name__          # submodules load the first time you use them
'medialit.reader'

Importing this package has no side effects: no styles, seeds or options are set,
and the submodules (with pandas and matplotlib) are only imported when first used.

Modules, one per concern:

- ``corpus``      load the texts and tables (also available at the top level)
- ``segment``     split raw text into paragraphs and sentences with offsets
- ``validate``    check the data files and name every problem
- ``compare``     comparison tables computed from the data
- ``plots``       accessible matplotlib charts
- ``reader``      the highlighted reader and printable handouts
- ``tagger``      the rule tagger; ``evaluate`` measures it against the gold labels
- ``agreement``   inter-annotator agreement
- ``checks``      exercise feedback; the ``exercises`` subpackage holds the tasks, builds student
                  notebooks and checks a class
- ``tables``      how every function accepts a table (shared by compare, plots, reader)
- ``practice``    label a passage yourself, then see the rule and the deciding words
- ``environment`` a plain-language check of a student's setup
- ``readability`` reading grade of a text or a notebook
- ``user``        bring your own article
"""

from importlib import import_module

from .environment import environment_check

__version__ = "0.1.0"

_SUBMODULES = {
    "agreement", "checks", "compare", "corpus", "environment", "evaluate", "exercises",
    "palette", "plots", "practice", "readability", "reader", "schema", "segment", "tables", "tagger", "user", "validate",
}

#: The loaders, available as ``ml.load_sentences()`` etc. (they live in ``corpus``).
_CORPUS_NAMES = {
    "DataError", "article_ids", "load_actors", "load_articles", "load_frames", "load_lexicon",
    "load_manifest", "load_raw", "load_sentences", "load_spans", "load_timeline", "sentence",
    "load_transfer", "load_transfer_texts", "load_transfer_raw",
}


__all__ = ["environment_check", *sorted(_CORPUS_NAMES), *sorted(_SUBMODULES)]



def __getattr__(name: str):
    """Import a submodule, or a loader from ``corpus``, the first time it is used (PEP 562).

    Nothing heavy (pandas, matplotlib) is imported by ``import medialit`` itself, so that
    ``ml.environment_check()`` can still explain a missing package in plain words.
    """
    if name in _SUBMODULES:
        module = import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    if name in _CORPUS_NAMES:
        value = getattr(import_module(".corpus", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES)
