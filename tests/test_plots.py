"""Tests for medialit.plots: every chart has a title, labels, alt text, palette and hatches, and is deterministic."""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import toolkit_fixtures as fx  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from medialit import compare, corpus, palette, plots  # noqa: E402

DATA = corpus.data_dir()
needs_gold = pytest.mark.skipif(
    not all((DATA / f).is_file() for f in ("sentences.csv", "spans.csv", "actors.csv")),
    reason="gold data not written yet",
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def charts(s, sp):
    return {
        "label_shares_chart": lambda: plots.label_shares_chart(s),
        "source_types_chart": lambda: plots.source_types_chart(s),
        "naming_heatmap": lambda: plots.naming_heatmap(sp, fx.naming_lexicon()),
        "hedge_booster_chart": lambda: plots.hedge_booster_chart(s, sp),
        "accusation_network": lambda: plots.accusation_network(s, actors=fx.naming_lexicon().iloc[0:0]),
    }


NAMES = list(charts(None, None))


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60, metadata={"Software": None})
    return buffer.getvalue()


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_has_title_labels_and_alt_text(name):
    fig = charts(fx.sentences(), fx.spans())[name]()
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_title()
    assert ax.get_xlabel()
    assert isinstance(fig.alt_text, str) and len(fig.alt_text) > 40
    assert "demo-a" in fig.alt_text


@pytest.mark.parametrize("name", NAMES)
def test_every_chart_is_deterministic(name):
    make = charts(fx.sentences(), fx.spans())[name]
    first, second = make(), make()
    assert png(first) == png(second)
    assert first.alt_text == second.alt_text


@pytest.mark.parametrize("name", NAMES)
def test_charts_leave_global_settings_alone(name):
    before = dict(matplotlib.rcParams)
    charts(fx.sentences(), fx.spans())[name]()
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("name", NAMES)
def test_empty_input_gives_a_figure_that_says_so(name):
    fig = charts(fx.sentences().iloc[0:0], fx.spans().iloc[0:0])[name]()
    assert "Nothing to show" in fig.axes[0].texts[0].get_text()
    assert fig.alt_text.startswith("Empty chart")


@pytest.mark.parametrize("call", [
    lambda s, sp: plots.label_shares_chart(s, articles="nope"),
    lambda s, sp: plots.source_types_chart(s, articles="nope"),
    lambda s, sp: plots.naming_heatmap(sp, fx.naming_lexicon(), articles="nope"),
    lambda s, sp: plots.hedge_booster_chart(s, sp, articles="nope"),
    lambda s, sp: plots.accusation_network(s, articles="nope"),
])
def test_unknown_article_is_a_clear_error(call):
    with pytest.raises(compare.UnknownArticleError, match="'nope'"):
        call(fx.sentences(), fx.spans())


def test_label_shares_chart_uses_palette_and_hatches():
    fig = plots.label_shares_chart(fx.sentences())
    bars = fig.axes[0].patches
    seen = {(to_hex(p.get_facecolor()).upper(), p.get_hatch() or "") for p in bars}
    for label in ("fact", "attributed", "advocacy"):
        assert (palette.LABEL_COLOURS[label], palette.LABEL_HATCHES[label]) in seen
    # widths of one article's bars add up to 100 %
    shares = compare.label_shares(fx.sentences(), normalize=True)
    assert "demo-a: fact {:.0f}%".format(shares.loc["demo-a", "fact"]) in fig.alt_text


def test_label_shares_chart_article_without_attributed_sentences():
    fig = plots.label_shares_chart(fx.sentences(), articles="demo-b")
    assert "attributed 0%" in fig.alt_text
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["demo-b"]


def test_source_types_chart_article_without_attributed_sentences_only():
    fig = plots.source_types_chart(fx.sentences(), articles="demo-b")
    assert "Nothing to show" in fig.axes[0].texts[0].get_text()


def test_naming_heatmap_prints_counts():
    fig = plots.naming_heatmap(fx.spans(), fx.naming_lexicon())
    numbers = sorted(t.get_text() for t in fig.axes[0].texts)
    table = compare.naming_table(fx.spans(), fx.naming_lexicon())
    assert numbers == sorted(str(c) for c in table["count"])


def test_hedge_booster_chart_bar_heights_are_the_rates():
    s, sp = fx.sentences(), fx.spans()
    fig = plots.hedge_booster_chart(s, sp, kinds=("hedge", "booster", "loaded"))
    rates = compare.rates_per_1000_words(s, sp)
    heights = sorted(round(p.get_height(), 6) for p in fig.axes[0].patches)
    expected = sorted(round(rates[f"{k}_per_1000"][a], 6) for k in ("hedge", "booster", "loaded") for a in rates.index)
    assert heights == expected
    hatches = {p.get_hatch() for p in fig.axes[0].patches}
    assert {palette.SPAN_HATCHES[k] for k in ("hedge", "booster", "loaded")} <= hatches


def test_accusation_network_line_styles_follow_voice():
    fig = plots.accusation_network(fx.sentences())
    arrows = [t for t in fig.axes[0].texts if getattr(t, "arrow_patch", None) is not None]
    styles = {to_hex(a.arrow_patch.get_edgecolor()).upper(): a.arrow_patch.get_linestyle() for a in arrows}
    table = compare.accusation_table(fx.sentences())
    pairs = table.groupby(["accuser", "accused"]).size()
    assert len(arrows) == len(pairs)
    assert styles[palette.OKABE_ITO["vermillion"]] in ("-", "solid")  # writer's own voice
    assert styles[palette.OKABE_ITO["blue"]] in ("--", "dashed")  # attributed to a source


def test_accusation_network_nodes_on_a_circle_in_sorted_order():
    fig = plots.accusation_network(fx.sentences())
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.texts if getattr(t, "arrow_patch", None) is None and not t.get_text().isdigit()]
    assert names == sorted(names)
    points = [line.get_xydata()[0] for line in ax.lines]
    assert all(math.isclose(math.hypot(x, y), 1) for x, y in points)
    assert points[0][0] == pytest.approx(0) and points[0][1] == pytest.approx(1)  # first node at the top


def test_accusation_network_self_accusation_is_a_ring():
    s = fx.sentences()
    s.loc[s.sent_id == "demo-b-002", "accuser"] = "army"
    fig = plots.accusation_network(s, articles="demo-b")
    assert any(type(p).__name__ == "Circle" for p in fig.axes[0].patches)
    assert "army accuses army" in fig.alt_text


@needs_gold
@pytest.mark.parametrize("name", ["label_shares_chart", "source_types_chart", "naming_heatmap",
                                  "hedge_booster_chart", "accusation_network"])
def test_gold_charts_render(name):
    fig = getattr(plots, name)()
    assert fig.alt_text and png(fig)
    for article in corpus.article_ids():
        assert article in fig.alt_text
