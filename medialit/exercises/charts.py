"""Chart tasks: build one from a list of things the figure must have, and read the bars drawn.
"""

from __future__ import annotations

from typing import Any, Callable

from .feedback import Result, Task, not_yet, right
from .readers import read_figure

__all__ = ['figure_task', 'bar_values', 'is_horizontal', 'same_values']


def figure_task(number: int, title: str, checks: Callable[[Any], list[tuple[bool, str]]], *,
                why: str, pieces: tuple[str, ...], kind: str = "chart") -> Task:
    """Make or restyle a chart; ``checks(fig)`` returns (passed, what to fix) pairs."""

    def grade(answer: Any) -> Result:
        figure = read_figure(answer)
        results = checks(figure)
        failed = [message for passed, message in results if not passed]
        if failed:
            return not_yet(f"{len(results) - len(failed)} of {len(results)} things are in place. Still to do: "
                           + "; ".join(failed) + ".")
        return right(why)

    return Task(number, title, "a matplotlib Figure, like fig (from fig, ax = plt.subplots())", grade,
                pieces, kind)


def _bar_containers(ax) -> list:
    from matplotlib.container import BarContainer

    return [c for c in ax.containers if isinstance(c, BarContainer)]


def bar_values(ax) -> list[float]:
    """Bar lengths drawn on an Axes with ``bar``/``barh`` (or pandas ``.plot.bar``/``.plot.barh``).

    >>> import matplotlib.figure
    >>> ax = matplotlib.figure.Figure().subplots()
    >>> _ = ax.barh(["a", "b"], [3, 1])
    >>> bar_values(ax), is_horizontal(ax)
    ([3.0, 1.0], True)
    """
    return [float(v) for c in _bar_containers(ax) for v in c.datavalues]


def is_horizontal(ax) -> bool:
    """True when the bars on ``ax`` were drawn horizontally (``barh``)."""
    return any(getattr(c, "orientation", None) == "horizontal" for c in _bar_containers(ax))


def same_values(drawn: list[float], wanted: list[float], tolerance: float) -> bool:
    """True when the bars drawn have the wanted lengths, in any order.

    >>> same_values([1.0, 3.0], [3, 1], 0.01), same_values([1.0], [3, 1], 0.01)
    (True, False)
    """
    return len(drawn) == len(wanted) and all(
        abs(a - b) <= tolerance for a, b in zip(sorted(drawn), sorted(wanted)))
