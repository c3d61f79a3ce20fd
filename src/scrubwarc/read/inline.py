"""Inline elements a reader sees as text that the page does not hold as text: an emoji drawn
as an image (WordPress, Twemoji and chat exports put ``<img class="emoji" alt="😀">`` where
the character was). Its ``alt`` is the character the writer typed.
"""

from __future__ import annotations

import re
import unicodedata

from scrubwarc.read.hints import Element

__all__ = ["emoji_text"]

_EMOJI_CLASS_RE = re.compile(r"emoji|smiley")
# Longer ``alt`` texts describe a picture; an emoji's is one character, or a few joined.
_MAX_EMOJI = 12
# Joiners and selectors inside a composed emoji (ZWJ, variation selectors, tags, keycap).
_EMOJI_GLUE = frozenset({"Mn", "Me", "Cf"})


def _is_symbols(text: str) -> bool:
    """Whether ``text`` is all pictographs and what joins them.

    >>> _is_symbols("👍🏽"), _is_symbols("❤️"), _is_symbols("Photo"), _is_symbols("-")
    (True, True, False, False)
    """
    kinds = {unicodedata.category(c) for c in text}
    return "So" in kinds and kinds <= {"So", "Sk"} | _EMOJI_GLUE


def emoji_text(img: Element) -> str | None:
    """The emoji an ``<img>`` stands for, or None for any other picture.

    >>> from lxml.html import fragment_fromstring as f
    >>> emoji_text(f('<img class="wp-smiley" alt=":)">')), emoji_text(f('<img alt="😀">'))
    (':)', '😀')
    >>> emoji_text(f('<img alt="A crowd in the square">')) is None
    True
    """
    alt = img.get("alt")
    if not alt:
        return None
    alt = alt.strip()
    if not alt or len(alt) > _MAX_EMOJI:
        return None
    names = img.get("class")
    if names and _EMOJI_CLASS_RE.search(names.lower()):
        return alt
    return alt if _is_symbols(alt) else None
