"""medialit: helpers for the media-literacy notebook set.

Importing this package has no side effects: no styles, seeds or options are set.
The notebooks use it as ``import medialit as ml``.
"""

from .corpus import (
    DataError,
    article_ids,
    load_actors,
    load_articles,
    load_frames,
    load_lexicon,
    load_manifest,
    load_raw,
    load_sentences,
    load_spans,
    sentence,
)

__version__ = "0.1.0"
