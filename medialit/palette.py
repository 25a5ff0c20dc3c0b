"""Colours, underline styles and hatch patterns shared by every chart and highlight.

All colours come from the Okabe–Ito palette, which stays distinguishable for
the common forms of colour-blindness.  Colour is never the only cue: every
label also has a text tag (``schema.LABEL_TAGS``) and a hatch pattern for bar
charts, and every span kind has its own underline style, so pages and charts
still read when printed in grayscale.

>>> LABEL_COLOURS["fact"]
'#0072B2'
>>> SPAN_STYLES["hedge"].style
'dotted'
>>> len({s.css_mark() for s in SPAN_STYLES.values()}) == len(SPAN_STYLES)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema

__all__ = [
    "OKABE_ITO", "LABEL_COLOURS", "LABEL_BACKGROUNDS", "LABEL_HATCHES", "SpanStyle", "SPAN_STYLES",
    "SPAN_HATCHES", "SOURCE_TYPE_COLOURS", "SOURCE_TYPE_HATCHES", "tint", "MARK_STYLES",
]

#: The eight Okabe–Ito colours plus the grey that R's ``palette.colors("Okabe-Ito")`` adds.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "grey": "#999999",
}


def tint(colour: str, amount: float = 0.75) -> str:
    """Mix a ``#RRGGBB`` colour with white; ``amount`` is the share of white (0 to 1).

    Used for sentence backgrounds, so black text on them keeps a high contrast.

    >>> tint("#0072B2", 0.5)
    '#80B8D8'
    >>> tint("#000000", 0)
    '#000000'
    """
    if not (isinstance(colour, str) and len(colour) == 7 and colour.startswith("#")):
        raise ValueError(f"Expected a colour like '#0072B2', got {colour!r}.")
    if not 0 <= amount <= 1:
        raise ValueError(f"amount must be between 0 and 1, got {amount!r}.")
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in channels]
    return "#" + "".join(f"{c:02X}" for c in mixed)


#: One colour per sentence label, used in every chart and in the reader.
LABEL_COLOURS = {
    "fact": OKABE_ITO["blue"],
    "attributed": OKABE_ITO["orange"],
    "advocacy": OKABE_ITO["reddish_purple"],
    "meta": OKABE_ITO["grey"],
}
#: Light versions of the label colours, for sentence backgrounds behind black text.
LABEL_BACKGROUNDS = {label: tint(colour, 0.75) for label, colour in LABEL_COLOURS.items()}
#: Matplotlib hatch pattern per label, so stacked bars read without colour.
LABEL_HATCHES = {"fact": "", "attributed": "//", "advocacy": "xx", "meta": ".."}


@dataclass(frozen=True)
class SpanStyle:
    """How one kind of span is marked: colour, a line drawn with CSS borders, and a short text tag.

    ``edges`` says where the line goes (``bottom``, ``top bottom`` or ``box``) and ``style``
    is a CSS border style (solid, dotted, dashed, double). Borders, not ``text-decoration``:
    JupyterLab keeps border styles when it shows a notebook that is not trusted, but strips
    ``text-decoration-style``. ``description`` says the same in words for legends.
    """

    colour: str
    edges: str
    style: str
    tag: str
    description: str

    def css_mark(self, depth: int = 0) -> str:
        """The inline CSS that draws this kind's line (no trailing semicolon).

        ``depth`` > 0 moves the line lower, for a span nested in another one.

        >>> SPAN_STYLES["cue"].css_mark()
        'border-bottom:2px solid #D55E00;padding-bottom:1px'
        >>> SPAN_STYLES["hedge"].css_mark(depth=1)
        'border-bottom:2px dotted #56B4E9;padding-bottom:5px'
        """
        width = 3 if self.style == "double" else 2
        line = f"{width}px {self.style} {self.colour}"
        below = 1 + 4 * depth
        if self.edges == "box":
            return f"border:{line};padding:0 1px {below}px 1px"
        if self.edges == "top bottom":
            return f"border-top:{line};border-bottom:{line};padding-bottom:{below}px"
        return f"border-bottom:{line};padding-bottom:{below}px"


#: One style per span kind (``schema.SPAN_KINDS``); no two share colour or line.
SPAN_STYLES = {
    "cue": SpanStyle(OKABE_ITO["vermillion"], "bottom", "solid", "cue", "solid underline"),
    "hedge": SpanStyle(OKABE_ITO["sky_blue"], "bottom", "dotted", "hedge", "dotted underline"),
    "booster": SpanStyle(OKABE_ITO["bluish_green"], "bottom", "double", "boost", "double underline"),
    "loaded": SpanStyle(OKABE_ITO["reddish_purple"], "box", "solid", "loaded", "box around the words"),
    "naming": SpanStyle(OKABE_ITO["blue"], "bottom", "dashed", "name", "dashed underline"),
    "number": SpanStyle(OKABE_ITO["black"], "top bottom", "solid", "num", "line above and below"),
}
#: Every kind of mark the reader can draw: the span kinds, plus two that practice feedback uses
#: to show the words that decide a label (a quotation; a modal or evaluative phrase).
MARK_STYLES = {
    **SPAN_STYLES,
    "quote": SpanStyle(OKABE_ITO["orange"], "box", "dashed", "quote", "dashed box"),
    "modal": SpanStyle(OKABE_ITO["orange"], "top bottom", "dotted", "modal", "dotted lines above and below"),
}

#: Matplotlib hatch pattern per span kind, for bar charts of span counts and rates.
SPAN_HATCHES = {"cue": "", "hedge": "..", "booster": "//", "loaded": "xx", "naming": "--", "number": "++"}

#: Colour per source type (``schema.SOURCE_TYPES``); ``none`` is grey.
SOURCE_TYPE_COLOURS = {
    "named_official": OKABE_ITO["blue"],
    "named_expert": OKABE_ITO["bluish_green"],
    "named_other": OKABE_ITO["sky_blue"],
    "anonymous": OKABE_ITO["vermillion"],
    "unnamed": OKABE_ITO["orange"],
    "document": OKABE_ITO["reddish_purple"],
    "none": OKABE_ITO["grey"],
}
#: Hatch pattern per source type, so the source chart reads in grayscale.
SOURCE_TYPE_HATCHES = {
    "named_official": "",
    "named_expert": "//",
    "named_other": "\\\\",
    "anonymous": "xx",
    "unnamed": "..",
    "document": "oo",
    "none": "",
}

assert set(LABEL_COLOURS) == set(schema.LABELS)
assert set(SPAN_STYLES) == set(schema.SPAN_KINDS)
assert set(SOURCE_TYPE_COLOURS) == set(schema.SOURCE_TYPES)
