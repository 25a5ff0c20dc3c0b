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
>>> len({s.css_decoration() for s in SPAN_STYLES.values()}) == len(SPAN_STYLES)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from . import schema

__all__ = [
    "OKABE_ITO", "LABEL_COLOURS", "LABEL_BACKGROUNDS", "LABEL_HATCHES", "SpanStyle", "SPAN_STYLES",
    "SPAN_HATCHES", "SOURCE_TYPE_COLOURS", "SOURCE_TYPE_HATCHES", "tint",
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
    """How one kind of span is marked: colour, CSS underline and a short text tag.

    ``line`` and ``style`` are CSS ``text-decoration-line`` / ``text-decoration-style``
    values; ``description`` says the same in words for legends and alt text.
    """

    colour: str
    line: str
    style: str
    tag: str
    description: str

    def css_decoration(self) -> str:
        """The inline CSS for this kind's underline (without a trailing semicolon).

        >>> SPAN_STYLES["cue"].css_decoration()
        'text-decoration-line:underline;text-decoration-style:solid;text-decoration-color:#D55E00;text-decoration-thickness:2px'
        """
        return (
            f"text-decoration-line:{self.line};text-decoration-style:{self.style};"
            f"text-decoration-color:{self.colour};text-decoration-thickness:2px"
        )


#: One style per span kind (``schema.SPAN_KINDS``); no two share colour or line style.
SPAN_STYLES = {
    "cue": SpanStyle(OKABE_ITO["vermillion"], "underline", "solid", "cue", "solid underline"),
    "hedge": SpanStyle(OKABE_ITO["sky_blue"], "underline", "dotted", "hedge", "dotted underline"),
    "booster": SpanStyle(OKABE_ITO["bluish_green"], "underline", "double", "boost", "double underline"),
    "loaded": SpanStyle(OKABE_ITO["reddish_purple"], "underline", "wavy", "loaded", "wavy underline"),
    "naming": SpanStyle(OKABE_ITO["blue"], "underline", "dashed", "name", "dashed underline"),
    "number": SpanStyle(OKABE_ITO["black"], "underline overline", "solid", "num", "line above and below"),
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
