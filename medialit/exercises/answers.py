"""A student's answer values, carried out of their kernel as plain data and rebuilt for grading.

The class check never trusts what a notebook prints.  After the student's code
has run, a cell it adds calls :func:`capture` in the student's notebook: the
value the student passes to ``check.task_N(...)`` is turned into plain JSON by
:func:`encode` and sent through a pipe to the worker, which hands it to the
checker (nothing lands in a file another notebook could find).  The checker
reads it with :func:`parse`, and :func:`decode` rebuilds a value that the
teacher's own checks can grade, in the checker's process:

- ``None``, ``...``, booleans, numbers, text, lists, tuples, sets and dicts as they were;
- numpy scalars as Python numbers, numpy arrays as arrays;
- pandas Series and DataFrames with their index and values;
- a matplotlib Figure (or Axes) as a new Figure holding what the checks look at:
  each Axes' bars (orientation and lengths), titles, axis labels and tick labels,
  and the figure's own texts;
- anything else as a stand-in of the same type name, which every check
  reports as "not answered" with the type it got.

Decoding builds only these types: nothing in the file can run code in the
checker, and a file larger than :data:`MAX_BYTES` or nested deeper than
:data:`MAX_DEPTH` is refused.

>>> decode(encode({"balakot": [1, 2.5, float("nan")], "x": (True, None, ...)}))
{'balakot': [1, 2.5, nan], 'x': (True, None, Ellipsis)}
>>> import pandas as pd
>>> decode(encode(pd.Series({"a": 1.0, "b": 2.0}, name="n"))).to_dict()
{'a': 1.0, 'b': 2.0}
>>> decode(encode(object())).__class__.__name__
'object'
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Callable

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_ITEMS", "CHANNEL", "RECORD_MARK", "AnswerFileError", "Unreadable",
           "encode", "decode", "record_text", "capture", "capture_cell", "parse", "load"]

#: Largest answer file read back (bytes).
MAX_BYTES = 5_000_000
#: Deepest nesting kept.
MAX_DEPTH = 12
#: Most items (list elements, dict entries, table cells, bars) kept in one answer.
MAX_ITEMS = 200_000
_MAX_TEXT = 200_000


class AnswerFileError(ValueError):
    """An answer file that cannot be read back (too large, not JSON, not in the format)."""


class _Budget:
    def __init__(self) -> None:
        self.items = 0

    def take(self, n: int = 1) -> None:
        self.items += n
        if self.items > MAX_ITEMS:
            raise OverflowError("answer too large")


def _type_name(value: Any) -> str:
    try:
        return str(type(value).__name__)[:60]
    except BaseException:
        return "object"


def _short_repr(value: Any) -> str:
    try:
        text = repr(value)
    except BaseException:
        text = f"a {_type_name(value)}"
    return " ".join(str(text).split())[:200]


def _plain(value: Any) -> Any:
    """A JSON scalar for text and numbers that JSON can hold."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"$": "float", "v": repr(value)}
    if isinstance(value, str):
        return value[:_MAX_TEXT]
    return value


def _figure(value: Any, given: str, index: int, budget: _Budget) -> dict:
    from matplotlib.container import BarContainer

    figure = value.figure if given == "axes" else value
    axes = []
    for ax in figure.get_axes()[:20]:
        bars = []
        for container in ax.containers:
            if isinstance(container, BarContainer):
                values = [float(v) for v in container.datavalues][:1000]
                budget.take(len(values))
                bars.append({"orientation": str(getattr(container, "orientation", "vertical")),
                             "values": [_plain(v) for v in values]})
        axes.append({
            "titles": {loc: str(ax.get_title(loc=loc))[:500] for loc in ("left", "center", "right")},
            "xlabel": str(ax.get_xlabel())[:500], "ylabel": str(ax.get_ylabel())[:500],
            "xticklabels": [str(t.get_text())[:200] for t in ax.get_xticklabels()][:200],
            "yticklabels": [str(t.get_text())[:200] for t in ax.get_yticklabels()][:200],
            "bars": bars,
        })
    suptitle = getattr(figure, "_suptitle", None)
    texts = [str(t.get_text())[:500] for t in figure.texts if t is not suptitle][:50]
    return {"$": "figure", "given": given, "index": index, "axes": axes, "texts": texts,
            "suptitle": str(suptitle.get_text())[:500] if suptitle is not None else None}


def encode(value: Any, depth: int = 0, budget: _Budget | None = None) -> Any:
    """``value`` as plain JSON data (runs in the student's kernel; never raises for a strange value).

    >>> encode([1, "a", None])
    {'$': 'list', 'v': [1, 'a', None]}
    """
    budget = budget or _Budget()
    budget.take()
    try:
        if depth > MAX_DEPTH:
            return {"$": "other", "type": "too deep", "repr": "an answer nested too deeply"}
        if value is None or isinstance(value, bool):
            return value
        if value is Ellipsis:
            return {"$": "ellipsis"}
        if type(value) in (int, float, str):
            if type(value) is int and abs(value) > 10 ** 300:
                return {"$": "other", "type": "int", "repr": "a very large number"}
            return _plain(value)
        module = type(value).__module__.split(".")[0]
        if module == "numpy":
            if getattr(value, "ndim", None) == 0 and hasattr(value, "item"):
                return encode(value.item(), depth + 1, budget)
            if hasattr(value, "tolist"):
                return {"$": "ndarray", "v": encode(value.tolist(), depth + 1, budget)}
        if module == "pandas":
            kind = type(value).__name__
            if kind == "Series":
                budget.take(2 * len(value))
                return {"$": "series", "name": encode(value.name, depth + 1, budget),
                        "index": [encode(k, depth + 1, budget) for k in value.index.tolist()],
                        "v": [encode(v, depth + 1, budget) for v in value.tolist()]}
            if kind == "DataFrame":
                budget.take(value.shape[0] * value.shape[1] + value.shape[0] + value.shape[1])
                return {"$": "frame", "columns": [encode(c, depth + 1, budget) for c in value.columns.tolist()],
                        "index": [encode(k, depth + 1, budget) for k in value.index.tolist()],
                        "v": [[encode(v, depth + 1, budget) for v in row] for row in value.values.tolist()]}
            if kind.endswith("Index") or kind in ("Categorical",):
                return {"$": "list", "v": [encode(v, depth + 1, budget) for v in list(value)]}
            if kind in ("NAType", "NaTType"):
                return None
        if module == "matplotlib":
            from matplotlib.axes import Axes
            from matplotlib.figure import Figure

            if isinstance(value, Figure):
                return _figure(value, "figure", 0, budget)
            if isinstance(value, Axes):
                return _figure(value, "axes", value.figure.get_axes().index(value), budget)
        if isinstance(value, (int, float, str)):        # subclasses: keep the plain value only
            return encode((int if isinstance(value, int) else float if isinstance(value, float) else str)(value),
                          depth, budget)
        if type(value) in (list, tuple, set, frozenset):
            items = list(value)
            budget.take(len(items))
            kind = {list: "list", tuple: "tuple", set: "set", frozenset: "set"}[type(value)]
            return {"$": kind, "v": [encode(v, depth + 1, budget) for v in items]}
        if type(value) is dict:
            budget.take(len(value))
            return {"$": "dict", "v": [[encode(k, depth + 1, budget), encode(v, depth + 1, budget)]
                                       for k, v in list(value.items())]}
    except OverflowError:
        if depth:
            raise
        return {"$": "other", "type": "too large", "repr": "an answer too large to check"}
    except BaseException:
        pass
    return {"$": "other", "type": _type_name(value), "repr": _short_repr(value)}


class Unreadable:
    """Stands in for an answer of a type the checker does not rebuild; its type name is kept."""

    def __init__(self, shown: str) -> None:
        self._shown = shown

    def __repr__(self) -> str:
        return self._shown


def _stand_in(type_name: str, shown: str) -> Unreadable:
    name = type_name if type_name.isidentifier() else "object"
    return type(name, (Unreadable,), {})(shown)


def _rebuild_figure(data: dict):
    from matplotlib.figure import Figure

    figure = Figure()
    axes = []
    for spec in data.get("axes", [])[:20]:
        ax = figure.add_subplot(len(data["axes"]), 1, len(axes) + 1)
        for bars in spec.get("bars", []):
            values = [float(decode(v)) for v in bars.get("values", [])]
            positions = range(len(values))
            if bars.get("orientation") == "horizontal":
                ax.barh(positions, values)
            else:
                ax.bar(positions, values)
        for loc, title in dict(spec.get("titles", {})).items():
            if loc in ("left", "center", "right") and title:
                ax.set_title(str(title), loc=loc)
        ax.set_xlabel(str(spec.get("xlabel", "")))
        ax.set_ylabel(str(spec.get("ylabel", "")))
        axes.append(ax)
    for text in data.get("texts", [])[:50]:
        figure.text(0.5, 0.5, str(text))
    if data.get("suptitle"):
        figure.suptitle(str(data["suptitle"]))
    if data.get("given") == "axes" and axes:
        index = data.get("index", 0)
        return axes[index] if isinstance(index, int) and 0 <= index < len(axes) else axes[0]
    return figure


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild a value from :func:`encode`'s data (runs in the checker; builds plain types only)."""
    if depth > MAX_DEPTH + 2:
        raise AnswerFileError("nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("$"), str):
        raise AnswerFileError(f"unexpected {type(data).__name__} in an answer file")
    kind = data["$"]
    items = data.get("v")
    if kind == "ellipsis":
        return ...
    if kind == "float":
        return float(data["v"]) if data["v"] in ("nan", "inf", "-inf") else math.nan
    if kind in ("list", "tuple", "set") and isinstance(items, list):
        values = [decode(v, depth + 1) for v in items]
        if kind == "set":
            try:
                return set(values)
            except TypeError:
                return values
        return tuple(values) if kind == "tuple" else values
    if kind == "dict" and isinstance(items, list):
        out = {}
        for pair in items:
            key, value = decode(pair[0], depth + 1), decode(pair[1], depth + 1)
            try:
                out[key] = value
            except TypeError:
                out[repr(key)] = value
        return out
    if kind == "ndarray":
        import numpy as np

        return np.array(decode(items, depth + 1), dtype=object if depth > MAX_DEPTH else None)
    if kind == "series":
        import pandas as pd

        return pd.Series([decode(v, depth + 1) for v in items],
                         index=[decode(k, depth + 1) for k in data.get("index", [])] or None,
                         name=decode(data.get("name"), depth + 1), dtype=None if items else float)
    if kind == "frame":
        import pandas as pd

        return pd.DataFrame([[decode(v, depth + 1) for v in row] for row in items],
                            columns=[decode(c, depth + 1) for c in data.get("columns", [])],
                            index=[decode(k, depth + 1) for k in data.get("index", [])] or None)
    if kind == "figure":
        return _rebuild_figure(data)
    if kind == "other":
        return _stand_in(str(data.get("type", "object")), str(data.get("repr", ""))[:200])
    raise AnswerFileError(f"unknown kind {kind!r} in an answer file")


#: Where :func:`capture` sends its records: a file descriptor the sandbox's shell sets (None elsewhere).
CHANNEL: int | None = None
#: The first word of a record line on the channel.
RECORD_MARK = "answer"


def record_text(number: int | str, get: Callable[[], Any]) -> str:
    """One answer as a line of JSON: ``{"task": N, "value": …}``, or ``{"task": N, "error": name}``.

    >>> record_text(2, lambda: [1, ...])
    '{"task": 2, "value": {"$": "list", "v": [1, {"$": "ellipsis"}]}}'
    """
    try:
        record = {"task": number, "value": encode(get())}
    except BaseException as problem:
        record = {"task": number, "error": _type_name(problem)}
    text = json.dumps(record, ensure_ascii=True, allow_nan=False)
    if len(text) > MAX_BYTES:
        text = json.dumps({"task": number, "value": {"$": "other", "type": "too large",
                                                     "repr": "an answer too large to check"}})
    return text


def capture(number: int | str, get: Callable[[], Any], folder: str | None = None) -> None:
    """Send an answer to the checker (runs in the student's notebook).

    ``number`` is a task number, or a name for another value a report wants
    (see :class:`~medialit.exercises.report.ReportExtension`); ``get`` returns the
    value.  In the sandbox the record goes through :data:`CHANNEL` to the worker,
    which hands it to the checker: it is never written to a file another notebook
    could find.  With ``folder`` it is written to ``folder/answer_<number>.json``.
    """
    text = record_text(number, get)
    if folder is None:
        if CHANNEL is None:
            raise RuntimeError("no channel to the checker")
        data = f"{RECORD_MARK} {text}\n".encode("ascii")
        while data:
            data = data[os.write(CHANNEL, data):]
        return
    path = Path(folder) / f"answer_{number}.json"
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(text)
    os.replace(temporary, path)


def capture_cell(number: int | str, expression: str) -> str:
    """The code of the cell the checker adds after a student's ``check.task_N(...)`` call.

    >>> print(capture_cell(3, "ids"))
    import medialit.exercises.answers as __medialit_answers
    __medialit_answers.capture(3, lambda: (ids))
    del __medialit_answers
    """
    return (f"import medialit.exercises.answers as __medialit_answers\n"
            f"__medialit_answers.capture({number!r}, lambda: ({expression}))\n"
            f"del __medialit_answers")


def parse(text: str) -> dict:
    """A record from :func:`record_text`, with its value rebuilt: ``{"task": N, "value": …}`` or ``"error"``.

    Raises :class:`AnswerFileError` for text that is too large or not in the format.
    """
    if len(text) > MAX_BYTES + 100:
        raise AnswerFileError(f"an answer larger than {MAX_BYTES} bytes")
    try:
        record = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as problem:
        raise AnswerFileError(f"not an answer record ({type(problem).__name__})") from None
    if not isinstance(record, dict) or not isinstance(record.get("task"), (int, str)):
        raise AnswerFileError("not an answer record")
    if "error" in record:
        return {"task": record["task"], "error": str(record["error"])[:60]}
    try:
        return {"task": record["task"], "value": decode(record.get("value"))}
    except (AnswerFileError, KeyError, IndexError, TypeError, ValueError, RecursionError) as problem:
        raise AnswerFileError(f"an answer that cannot be rebuilt ({type(problem).__name__})") from None


def load(path: str | Path) -> dict:
    """The record of one answer file written by :func:`capture` with a folder (see :func:`parse`)."""
    path = Path(path)
    if path.stat().st_size > MAX_BYTES + 100:
        raise AnswerFileError(f"{path.name} is larger than {MAX_BYTES} bytes")
    try:
        return parse(path.read_text(encoding="ascii"))
    except UnicodeDecodeError:
        raise AnswerFileError(f"{path.name} is not an answer file") from None
