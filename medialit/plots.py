"""Charts of the comparison tables, readable in colour, in grayscale and by screen readers.

Every function builds its own figure (``plt.subplots``), never changes global
matplotlib settings, and returns the :class:`~matplotlib.figure.Figure`.  Each
figure has a title, axis labels, the Okabe–Ito colours of :mod:`medialit.palette`
plus hatch patterns or line styles (so it reads when printed in grayscale), and
an alt text describing what it shows, computed from the same numbers::

    fig = ml.plots.label_shares_chart()
    print(fig.alt_text)

The same input always gives the same picture (no randomness).  Empty input
gives a figure that says there is nothing to show.  The arguments are the
same as for the matching function in :mod:`medialit.compare`, whose errors
(unknown article id, missing column) they raise.

>>> fig = label_shares_chart()
>>> fig.axes[0].get_title()
'Who owns the claims? Sentence labels per piece (body sentences)'
>>> fig.alt_text.startswith("Stacked bar chart")
True
>>> plt.close(fig)
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from . import compare, palette, tables
from .corpus import DataError, load_actors

__all__ = [
    "label_shares_chart", "source_types_chart", "naming_heatmap", "hedge_booster_chart", "accusation_network",
]


def _roles_phrase(roles) -> str:
    if roles is None:
        return "all sentences"
    roles = [roles] if isinstance(roles, str) else list(roles)
    if list(roles) == ["body"]:
        return "body sentences"
    return "sentences with role " + ", ".join(roles)


def _finish(fig: Figure, alt_text: str) -> Figure:
    fig.alt_text = alt_text
    fig.tight_layout()
    return fig


def _nothing(title: str, what: str) -> Figure:
    fig, ax = plt.subplots(figsize=(6, 2))
    ax.set_title(title)
    ax.text(0.5, 0.5, f"Nothing to show: {what}.", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])
    return _finish(fig, f"Empty chart titled '{title}': {what}.")


def _stacked_bars(ax, table: pd.DataFrame, colours: dict, hatches: dict, show_values: str | None) -> None:
    """Horizontal stacked bars, one per row of ``table``, first row at the top."""
    rows = list(table.index)
    y = np.arange(len(rows))[::-1]
    left = np.zeros(len(rows))
    total = float(np.nansum(table.to_numpy(dtype=float))) if len(table) else 0.0
    for column in table.columns:
        values = np.nan_to_num(table[column].to_numpy(dtype=float))
        ax.barh(y, values, left=left, color=colours[column], hatch=hatches[column], edgecolor="black",
                linewidth=0.6, label=column.replace("_", " "))
        for yi, li, vi in zip(y, left, values):
            big_enough = vi >= (6 if show_values == "percent" else 0.5)
            if show_values and vi > 0 and big_enough and total > 0:
                text = f"{vi:.0f}%" if show_values == "percent" else f"{vi:.0f}"
                ax.text(li + vi / 2, yi, text, ha="center", va="center", fontsize=8,
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.85))
        left = left + values
    ax.set_yticks(y, labels=rows)


def label_shares_chart(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
) -> Figure:
    """Stacked bars: the share of each label among every article's sentences.

    Built from :func:`medialit.compare.label_shares` with ``normalize=True``;
    each segment carries its colour, hatch pattern and (if 6 % or more) its
    percentage.  "fact" means *stated in the writer's voice*, not *true*.

    >>> fig = label_shares_chart(articles=["balakot"])
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['balakot']
    >>> plt.close(fig)
    """
    shares = compare.label_shares(sentences, roles=roles, normalize=True, articles=articles)
    what = _roles_phrase(roles)
    title = f"Who owns the claims? Sentence labels per piece ({what})"
    shares = shares.dropna(how="all")
    if shares.empty:
        return _nothing(title, f"no {what} in the selection")
    # meta is shown only when some sentence has it; the three content labels always show
    shares = shares.loc[:, [lab for lab in shares.columns if lab != "meta" or shares[lab].fillna(0).sum() > 0]]
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(shares) + 1.8))
    _stacked_bars(ax, shares, palette.LABEL_COLOURS, palette.LABEL_HATCHES, "percent")
    ax.set_xlim(0, 100)
    ax.set_xlabel(f"Share of the piece's {what} (%)")
    ax.set_ylabel("Piece (article id)")
    ax.set_title(title)
    ax.legend(title="Label", loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.02 * len(shares)),
              ncol=len(shares.columns), frameon=False)
    parts = []
    for article, row in shares.iterrows():
        parts.append(f"{article}: " + ", ".join(f"{lab} {row[lab]:.0f}%" for lab in shares.columns))
    alt = (f"Stacked bar chart of the share of each sentence label among the {what} of "
           f"{len(shares)} piece(s). " + "; ".join(parts) + ".")
    return _finish(fig, alt)


def source_types_chart(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
) -> Figure:
    """Stacked bars: how many attributed sentences of each source type every article has.

    Built from :func:`medialit.compare.sources_by_type` (counts).

    >>> fig = source_types_chart()
    >>> fig.axes[0].get_xlabel()
    'Attributed sentences (count)'
    >>> plt.close(fig)
    """
    counts = compare.sources_by_type(sentences, roles=roles, articles=articles)
    title = f"Who is the source? Attributed sentences by source type ({_roles_phrase(roles)})"
    if counts.empty or counts.to_numpy().sum() == 0:
        return _nothing(title, "no attributed sentences in the selection")
    counts = counts.loc[:, [t for t in counts.columns if counts[t].sum() > 0]]
    fig, ax = plt.subplots(figsize=(8, 0.6 * len(counts) + 1.8))
    _stacked_bars(ax, counts, palette.SOURCE_TYPE_COLOURS, palette.SOURCE_TYPE_HATCHES, "count")
    ax.set_xlabel("Attributed sentences (count)")
    ax.set_ylabel("Piece (article id)")
    ax.set_title(title)
    ax.legend(title="Source type", loc="upper center", bbox_to_anchor=(0.5, -0.18 - 0.02 * len(counts)),
              ncol=min(3, len(counts.columns)), frameon=False)
    parts = []
    for article, row in counts.iterrows():
        listed = [f"{t.replace('_', ' ')} {int(row[t])}" for t in counts.columns if row[t] > 0]
        parts.append(f"{article}: " + (", ".join(listed) if listed else "none"))
    alt = ("Stacked bar chart of attributed sentences per piece, split by the type of source credited. "
           + "; ".join(parts) + ".")
    return _finish(fig, alt)


def naming_heatmap(
    spans: pd.DataFrame | None = None,
    lexicon: pd.DataFrame | None = None,
    *,
    articles: str | Iterable[str] | None = None,
) -> Figure:
    """Heatmap: how often each piece uses each name for a contested referent.

    Rows are ``referent: variant`` (as printed), columns are articles, from
    :func:`medialit.compare.naming_table`.  Every non-zero cell also shows its
    count as a number, so the chart reads without colour.

    >>> fig = naming_heatmap()
    >>> fig.axes[0].get_xlabel()
    'Piece (article id)'
    >>> plt.close(fig)
    """
    table = compare.naming_table(spans, lexicon, articles=articles)
    title = "What is it called? Names for contested referents per piece"
    if table.empty:
        return _nothing(title, "no naming spans in the selection")
    order = list(dict.fromkeys(table["article_id"]))
    table = table.assign(row=table["referent"] + ": " + table["variant"])
    grid = table.pivot_table(index="row", columns="article_id", values="count", aggfunc="sum", fill_value=0)
    grid = grid.reindex(columns=order, fill_value=0).sort_index()
    values = grid.to_numpy(dtype=float)
    fig, ax = plt.subplots(figsize=(1.3 * len(order) + 4, 0.32 * len(grid) + 1.8))
    colours = plt.get_cmap("cividis_r").with_extremes(bad="white")
    shown = np.ma.masked_equal(values, 0)  # a name a piece never uses stays white
    image = ax.imshow(shown, cmap=colours, aspect="auto", vmin=0, vmax=max(1.0, values.max()))
    ax.set_xticks(np.arange(len(order) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(grid) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="#DDDDDD", linewidth=0.8)
    ax.tick_params(which="minor", length=0)
    ax.set_xticks(range(len(order)), labels=order, rotation=30, ha="right")
    ax.set_yticks(range(len(grid)), labels=list(grid.index))
    threshold = values.max() / 2 if values.size else 0
    for (i, j), v in np.ndenumerate(values):
        if v > 0:
            ax.text(j, i, f"{int(v)}", ha="center", va="center", fontsize=8,
                    color="white" if v > threshold else "black")
    ax.set_xlabel("Piece (article id)")
    ax.set_ylabel("Referent: name as printed")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="Mentions (count)")
    parts = []
    for article in order:
        used = grid[article][grid[article] > 0]
        parts.append(f"{article}: " + ", ".join(f"{r} ({int(c)})" for r, c in used.items()))
    alt = (f"Heatmap of {len(grid)} names (rows, 'referent: name as printed') by {len(order)} piece(s) "
           "(columns); darker cells and the printed numbers are mention counts, empty cells mean no mention. " + "; ".join(parts) + ".")
    return _finish(fig, alt)


def hedge_booster_chart(
    sentences: pd.DataFrame | None = None,
    spans: pd.DataFrame | None = None,
    *,
    kinds: Iterable[str] = ("hedge", "booster"),
    roles: Iterable[str] | None = ("body",),
    articles: str | Iterable[str] | None = None,
) -> Figure:
    """Grouped bars: hedges and boosters (or any span kinds) per 1,000 words of each piece.

    Built from :func:`medialit.compare.rates_per_1000_words`; pass
    ``kinds=("hedge", "booster", "loaded")`` to add loaded words.

    >>> fig = hedge_booster_chart()
    >>> fig.axes[0].get_ylabel()
    'Per 1,000 words'
    >>> plt.close(fig)
    """
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    rates = compare.rates_per_1000_words(sentences, spans, kinds=kinds, roles=roles, articles=articles)
    words = [f"{k}s" if k != "loaded" else "loaded words" for k in kinds]
    names = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    title = f"How sure does the writer sound?\n{names[0].upper() + names[1:]} per 1,000 words"
    rates = rates[rates["words"] > 0]
    if rates.empty:
        return _nothing(title, f"no {_roles_phrase(roles)} in the selection")
    fig, ax = plt.subplots(figsize=(max(7.0, 1.4 * len(rates) + 3), 4.5))
    x = np.arange(len(rates))
    width = 0.8 / max(1, len(kinds))
    for i, kind in enumerate(kinds):
        style = palette.SPAN_STYLES[kind]
        ax.bar(x + (i - (len(kinds) - 1) / 2) * width, rates[f"{kind}_per_1000"].to_numpy(dtype=float), width,
               color=style.colour, hatch=palette.SPAN_HATCHES[kind], edgecolor="black", linewidth=0.6, label=kind)
    ax.set_xticks(x, labels=list(rates.index), rotation=30, ha="right")
    ax.set_xlabel("Piece (article id)")
    ax.set_ylabel("Per 1,000 words")
    ax.set_title(title)
    ax.legend(title="Span kind", frameon=False)
    parts = []
    for article, row in rates.iterrows():
        parts.append(f"{article} ({int(row['words'])} words): "
                     + ", ".join(f"{k} {row[f'{k}_per_1000']:.1f}" for k in kinds))
    alt = (f"Grouped bar chart of {names} per 1,000 words of {_roles_phrase(roles)}, one group per piece. "
           + "; ".join(parts) + ".")
    return _finish(fig, alt)


def _actor_names(actors: pd.DataFrame | None) -> dict[str, str]:
    if actors is None:
        try:
            actors = load_actors()
        except DataError:
            return {}
    if not {"actor_id", "name"} <= set(actors.columns):
        return {}
    return dict(zip(tables.as_text(actors["actor_id"]), tables.as_text(actors["name"])))


def accusation_network(
    sentences: pd.DataFrame | None = None,
    *,
    roles: Iterable[str] | None = compare.CONTENT_ROLES,
    articles: str | Iterable[str] | None = None,
    actors: pd.DataFrame | None = None,
) -> Figure:
    """Who accuses whom: arrows from accuser to accused.

    Built from :func:`medialit.compare.accusation_table`.  Nodes are the actor
    ids (plus ``writer``) placed on a circle in sorted order, starting at the
    top and going clockwise.  A **solid** arrow is a charge in the writer's own
    voice, a **dashed** arrow one attributed to a source; thicker arrows stand
    for more sentences, and each arrow is labelled with its count.  A charge a
    party makes against itself (rare) is drawn as a small ring beside the node.
    ``actors`` (default ``data/actors.csv``) only supplies the names used in
    the alt text.

    >>> fig = accusation_network(articles="tit-for-tat")
    >>> fig.axes[0].get_title()
    'Who accuses whom? tit-for-tat'
    >>> plt.close(fig)
    """
    table = compare.accusation_table(sentences, roles=roles, articles=articles)
    chosen = list(dict.fromkeys(table["article_id"])) if articles is None else (
        [articles] if isinstance(articles, str) else list(articles))
    title = "Who accuses whom? " + (", ".join(chosen) if len(chosen) <= 2 else f"{len(chosen)} pieces")
    if table.empty:
        return _nothing(title, "no accusation sentences in the selection")
    edges = (table.groupby(["accuser", "accused", "voice"], sort=True)["sentences"].sum().reset_index())
    nodes = sorted(set(edges["accuser"]) | set(edges["accused"]))
    angle = {n: math.pi / 2 - 2 * math.pi * i / len(nodes) for i, n in enumerate(nodes)}
    pos = {n: (math.cos(a), math.sin(a)) for n, a in angle.items()}
    side = 8 + 0.1 * max(0, len(nodes) - 8)
    fig, ax = plt.subplots(figsize=(side, side))
    biggest = max(edges["sentences"])
    for accuser, accused, voice, count in edges.itertuples(index=False):
        style = "solid" if voice == "writer" else "dashed"
        colour = palette.OKABE_ITO["vermillion"] if voice == "writer" else palette.OKABE_ITO["blue"]
        width = 1.0 + 2.5 * (count - 1) / max(1, biggest - 1)
        if accuser == accused:
            x, y = pos[accuser]
            ax.add_patch(Circle((x * 1.13, y * 1.13), 0.07, fill=False, linestyle=style, edgecolor=colour,
                                linewidth=width))
            ax.text(x * 1.27, y * 1.27, str(count), ha="center", va="center", fontsize=8)
            continue
        ax.annotate("", xy=pos[accused], xytext=pos[accuser],
                    arrowprops=dict(arrowstyle="-|>", color=colour, linestyle=style, linewidth=width,
                                    shrinkA=14, shrinkB=14, mutation_scale=14, connectionstyle="arc3,rad=0.12"))
        (x1, y1), (x2, y2) = pos[accuser], pos[accused]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        # the label sits on the arc's bulge (arc3 bends to the right of the direction of travel)
        dx, dy = x2 - x1, y2 - y1
        ax.text(mx + 0.12 * dy * 0.5, my - 0.12 * dx * 0.5, str(count), ha="center", va="center", fontsize=8,
                bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none", alpha=0.9))
    for node in nodes:
        x, y = pos[node]
        ax.plot([x], [y], marker="o", markersize=9, color="black" if node == "writer" else palette.OKABE_ITO["grey"],
                markeredgecolor="black", linestyle="none")
        ax.text(x * 1.09, y * 1.09, node, fontsize=9,
                ha="left" if x > 0.1 else ("right" if x < -0.1 else "center"),
                va="bottom" if y > 0.1 else ("top" if y < -0.1 else "center"))
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.5, 1.5)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("Arrows point from accuser to accused; numbers are sentences")
    ax.set_ylabel("")
    ax.set_title(title)
    ax.legend(handles=[
        Line2D([0], [0], color=palette.OKABE_ITO["vermillion"], linestyle="solid", label="writer's own voice"),
        Line2D([0], [0], color=palette.OKABE_ITO["blue"], linestyle="dashed", label="attributed to a source"),
    ], loc="lower center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False)
    names = _actor_names(actors)

    def called(node: str) -> str:
        return f"{node} ({names[node]})" if node in names and names[node] and names[node] != node else node

    parts = [f"{called(a)} accuses {called(b)} in {n} sentence(s), "
             + ("in the writer's own voice" if v == "writer" else "attributed to a source")
             for a, b, v, n in edges.itertuples(index=False)]
    alt = (f"Network diagram of accusations in {', '.join(chosen)}: {len(nodes)} parties on a circle, arrows "
           "from accuser to accused, solid for the writer's own voice, dashed for attributed charges. "
           + "; ".join(parts) + ".")
    return _finish(fig, alt)

