"""Open stored notebooks in a real JupyterLab in headless Chromium and check what a student sees.

Only runs with ``MEDIALIT_BROWSER=1`` (see ``conftest.py``).  The notebooks are
copied into a temporary folder that a fresh JupyterLab serves, with its own
Jupyter data folder, so every notebook opens **untrusted**, as a student's
fresh download would: JupyterLab then sanitises HTML outputs, and the
highlighted reader has to survive that.  For each notebook the test checks that

- every cell is there and no output is an error or a warning on stderr;
- the highlighted reader shows its label colours (the computed background of
  its sentences is one of ``medialit.palette.LABEL_BACKGROUNDS``), its tags
  (``[FACT]``, ``[ATTR]`` …) as visible text, and the underlines of its spans;
- every stored figure loads (an ``<img>`` with ``naturalWidth > 0``).

Screenshots go to ``test-artifacts/`` (git-ignored) for a person to look at.
Chromium is the system's (``/usr/bin/chromium``, from ``apt-get install chromium``);
Playwright's own browser download is never used.  Every wait is bounded, and
the server is always stopped.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from labkit import NOTEBOOKS, ROOT, open_notebook as _open, screenshot as _shot
from nbformat.sign import NotebookNotary

from medialit import palette

pytestmark = pytest.mark.browser

PAGE_SECONDS = 60
# The server and the browser (fixtures ``lab`` and ``browser_context``) are shared by every
# browser test: tests/browser/labkit.py, made fixtures in conftest.py.


def _stored(relative: str) -> dict:
    """What the stored outputs of a notebook hold: cells, outputs, reader outputs, figures."""
    notebook = nbformat.read(ROOT / relative, as_version=4)
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    return {
        "cells": len(notebook.cells),
        "outputs": len(outputs),
        "reader": any("[ATTR]" in o.get("data", {}).get("text/html", "") for o in outputs),
        "figures": sum("image/png" in o.get("data", {}) for o in outputs),
    }


def test_the_checked_notebooks_include_the_reader_and_figures():
    assert {"notebooks/00_start_here.ipynb", "notebooks/02_attribution.ipynb",
            "notebooks/03_sources_evidence.ipynb"} <= set(NOTEBOOKS)
    assert _stored("notebooks/00_start_here.ipynb")["reader"]
    assert _stored("notebooks/02_attribution.ipynb")["reader"] and _stored("notebooks/02_attribution.ipynb")["figures"]


def _rgb(hex_colour: str) -> str:
    """A #RRGGBB colour as the browser reports a computed colour.

    >>> _rgb("#0072B2")
    'rgb(0, 114, 178)'
    """
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


# JavaScript run in the page.  Outputs live in .jp-OutputArea-output elements.

_READER_FACTS = """
(output) => {
  const visible = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const spans = [...output.querySelectorAll('span')];
  const backgrounds = spans.map(s => getComputedStyle(s).backgroundColor)
                           .filter(c => c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent');
  const marked = spans.filter(s => (s.title || '').length > 0);   // span kinds carry a title
  const underlined = marked.filter(s => getComputedStyle(s).textDecorationLine !== 'none'
                                        || getComputedStyle(s).borderBottomStyle !== 'none');
  const styles = underlined.map(s => getComputedStyle(s).textDecorationLine !== 'none'
                                     ? getComputedStyle(s).textDecorationStyle : getComputedStyle(s).borderBottomStyle);
  const tags = [...output.querySelectorAll('b, sup')].filter(visible).map(e => e.innerText.trim());
  const alignments = [...output.querySelectorAll('td')].map(td => getComputedStyle(td).textAlign);
  const box = output.getBoundingClientRect();
  return {alignments: [...new Set(alignments)], backgrounds: [...new Set(backgrounds)], marked: marked.length, underlined: underlined.length,
          lineStyles: [...new Set(styles)], tags: [...new Set(tags)], text: output.innerText,
          width: box.width, height: box.height};
}
"""

_IMAGE_FACTS = """
(img) => ({complete: img.complete, naturalWidth: img.naturalWidth,
           width: img.getBoundingClientRect().width, alt: img.alt})
"""


@pytest.mark.parametrize("relative", NOTEBOOKS, ids=lambda r: Path(r).stem)
def test_stored_outputs_render_in_jupyterlab(lab, browser_context, relative):
    expected = _stored(relative)
    _, _, root, data_dir = lab
    notary = NotebookNotary(data_dir=str(data_dir))
    assert not notary.check_signature(nbformat.read(root / relative, as_version=4)), \
        "the copy should open untrusted, as a student's fresh download would"
    stem = Path(relative).stem
    page = _open(browser_context, lab, relative)
    try:
        _shot(page, f"{stem}-top.png")
        # every cell and every stored output is in the page
        cells = page.locator(".jp-Notebook .jp-Cell")
        assert cells.count() == expected["cells"], f"{cells.count()} cells shown, the notebook has {expected['cells']}"
        stored = expected["outputs"]
        shown = page.locator(".jp-OutputArea-output").count()
        assert shown >= stored > 0, f"{shown} outputs shown, {stored} stored"

        errors = page.locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')
        assert errors.count() == 0, "error or stderr output shown:\n" + "\n".join(errors.all_inner_texts())[:2000]

        if expected["reader"]:
            readers = page.locator(".jp-OutputArea-output").filter(has_text="[ATTR]")
            assert readers.count() >= 1, "no highlighted reader output with an [ATTR] tag"
            first = readers.first
            first.scroll_into_view_if_needed()
            facts = first.evaluate(_READER_FACTS)
            _shot(page, f"{stem}-reader.png", first)
            label_colours = {_rgb(c) for c in palette.LABEL_BACKGROUNDS.values()}
            shown_colours = set(facts["backgrounds"]) & label_colours
            assert len(shown_colours) >= 2, (
                f"the reader's label colours did not survive rendering: computed backgrounds "
                f"{facts['backgrounds']}, expected some of {sorted(label_colours)}")
            assert facts["width"] > 200 and facts["height"] > 20, f"the reader output is not visible: {facts}"
            assert {"[FACT]", "[ATTR]"} <= set(facts["tags"]), f"label tags not shown as visible text: {facts['tags']}"
            if "Marked words" in facts["text"]:  # a reading with spans: their kind tags are the non-colour cue
                kind_tags = {style.tag for style in palette.SPAN_STYLES.values()}
                assert set(facts["tags"]) & kind_tags, f"no span kind tag (cue, name …) is visible: {facts['tags']}"

        images = page.locator(".jp-OutputArea-output img")
        stored_images = expected["figures"]
        assert images.count() == stored_images, f"{images.count()} images shown, {stored_images} stored"
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            page.wait_for_function("(img) => img.complete", arg=image.element_handle(), timeout=PAGE_SECONDS * 1000)
            facts = image.evaluate(_IMAGE_FACTS)
            assert facts["naturalWidth"] > 0 and facts["width"] > 0, f"figure {index} did not load: {facts}"
            if index == 0:
                _shot(page, f"{stem}-figure.png", image)
    finally:
        page.close()


def test_reader_span_underlines_survive_untrusted_rendering(lab, browser_context):
    relative = "notebooks/00_start_here.ipynb"
    page = _open(browser_context, lab, relative)
    try:
        reader = page.locator(".jp-OutputArea-output").filter(has_text="Marked words").first
        reader.scroll_into_view_if_needed()
        facts = reader.evaluate(_READER_FACTS)
        assert facts["marked"] > 0, "the reader shows no marked spans at all"
        assert facts["underlined"] == facts["marked"], (
            f"{facts['marked'] - facts['underlined']} of {facts['marked']} marked spans have no underline")
        assert len(facts["lineStyles"]) >= 3, f"span kinds should differ in line style; shown: {facts['lineStyles']}"
    finally:
        page.close()


def test_reader_notes_table_is_left_aligned(lab, browser_context):
    relative = "notebooks/02_attribution.ipynb"
    page = _open(browser_context, lab, relative)
    try:
        reader = page.locator(".jp-OutputArea-output").filter(has_text="Marked words").filter(
            has=page.locator("td")).first
        facts = reader.evaluate(_READER_FACTS)
        assert facts["alignments"], "no reading with side notes found"
        assert set(facts["alignments"]) <= {"left", "start"}, f"table cells are aligned {facts['alignments']}"
    finally:
        page.close()
