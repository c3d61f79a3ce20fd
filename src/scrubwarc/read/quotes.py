"""Pull quotes: a line of the story set again in large type beside it. The words are the
article's own, printed twice; read as text they repeat a sentence out of place. A block named
as a pull quote is left out only when its words stand elsewhere in the article too: a quote
printed once (an epigraph, a styled blockquote) is the article's text.
"""

from __future__ import annotations

import re

from lxml import etree

from scrubwarc.read.hints import Element, element_hints, element_text

__all__ = ["is_pull_quote", "repeats"]

_PULL_QUOTE_RE = re.compile(r"pull-?quote|pull_quote")
# The attribution under a pull quote ("— Jane Doe") is not part of the repeated words.
_ATTRIBUTION = frozenset({"cite", "figcaption", "footer"})
# Quotation marks and dashes a designer adds around the repeated words.
_FRAME = " \t\n\"'“”‘’«»„‚—–-…"
# Shorter quotes ("Yes.") repeat by chance.
_MIN_QUOTE = 20


def _words(text: str) -> str:
    return " ".join(text.split())


def _quoted(el: Element) -> str:
    """The text of ``el`` without its attribution, whitespace collapsed and unframed."""
    parts: list[str] = []
    _gather(el, parts)
    return _words(" ".join(parts)).strip(_FRAME)


def _gather(el: Element, parts: list[str]) -> None:
    parts.append(el.text or "")
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _ATTRIBUTION:
            _gather(child, parts)
        parts.append(child.tail or "")


def is_pull_quote(hints: str) -> bool:
    """Whether class and id words ``hints`` name a pull quote.

    >>> is_pull_quote("wp-block-pullquote "), is_pull_quote("quote ")
    (True, False)
    """
    return _PULL_QUOTE_RE.search(hints) is not None


def repeats(el: Element, root: Element) -> bool:
    """Whether the words of ``el``, a pull quote, stand elsewhere in the article under ``root``.

    >>> from lxml.html import fragment_fromstring as f
    >>> root = f("<div><p>He said the river rose faster than anyone feared.</p>"
    ...     "<blockquote class=pullquote>“The river rose faster than anyone feared”"
    ...     "<cite>Jo</cite></blockquote></div>")
    >>> repeats(root[1], root)
    True
    """
    quote = _quoted(el).lower()
    if len(quote) < _MIN_QUOTE:
        return False
    printed = _words(element_text(root)).lower().count(quote)
    if printed < 2:
        return False
    # Outside every pull quote (a page may print one twice, for wide and narrow screens).
    named = {o for o in root.iter(etree.Element) if is_pull_quote(element_hints(o))}
    for other in named:
        if not any(a in named for a in other.iterancestors()):
            printed -= _words(element_text(other)).lower().count(quote)
    return printed >= 1
