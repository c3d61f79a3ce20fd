"""Footnotes as a reader copies them. A note's reference is a raised number linked to the note
(WordPress, Pandoc, Ghost, Substack, GitHub, kramdown); read as its bare number it glues to
the word before it ("A claim.1 More."), so it reads as a marker: "A claim.[1] More.". The
link from the note back to its reference ("↩") is a control, not the note's text.
"""

from __future__ import annotations

import re

from scrubwarc.read.hints import Element, element_text

__all__ = ["is_backlink", "note_marker"]

# What a note's reference shows: a number, a letter, a small roman numeral or a symbol,
# bracketed or not. Anything longer ("[citation needed]") is left as the page wrote it.
_MARKER_RE = re.compile(r"\[?([0-9]{1,3}|[a-z]|[ivx]{1,4}|[*†‡§¶]{1,3})\]?", re.IGNORECASE)
# "footnote-anchor" is Substack's reference (a bare link, no ``<sup>``).
_REF_CLASS_RE = re.compile(r"footnote-?(?:ref|anchor)|fn-?ref|noteref")
_BACK_CLASS_RE = re.compile(r"backref|footnote-?back|reversefootnote|fn-?back|back-?link")
# A back-link shows an arrow (or a caret) and nothing else; emoji variation selectors aside.
_ARROWS = frozenset("↩↪↑⤴⤒⬆⇧↖↵⏎^")
_SELECTORS = frozenset("\ufe0e\ufe0f")


def _local(a: Element) -> bool:
    href = a.get("href")
    return href is not None and href.startswith("#") and len(href) > 1


def _marker(text: str) -> str | None:
    """``text`` as a note marker, or None when it is not one.

    >>> _marker(" 2 "), _marker("[iv]"), _marker("*"), _marker("note"), _marker("12345")
    ('[2]', '[iv]', '[*]', None, None)
    """
    match = _MARKER_RE.fullmatch(text.strip())
    return f"[{match.group(1)}]" if match else None


def _raised(a: Element) -> bool:
    """Whether a link shows only a raised text: ``<a href="#fn1"><sup>1</sup></a>``."""
    return len(a) == 1 and a[0].tag == "sup" and not (a.text or "").strip()


def _raised_in(a: Element) -> bool:
    """Whether a link is one of several in a raised text: ``<sup><a>1</a>, <a>2</a></sup>``."""
    parent = a.getparent()
    return parent is not None and parent.tag == "sup"


def _marked_ref(a: Element) -> bool:
    """Whether a link says it is a note's reference. Its address may be the page's own,
    written out in full (Substack: ``https://x.substack.com/p/post#footnote-1``)."""
    names = a.keys()
    if not names:
        return False
    href = a.get("href")
    if href is None or "#" not in href or href.endswith("#"):
        return False
    if a.get("role") == "doc-noteref" or "data-footnote-ref" in names:
        return True
    cls = a.get("class")
    return cls is not None and _REF_CLASS_RE.search(cls.lower()) is not None


def note_marker(el: Element) -> str | None:
    """The marker a footnote reference (a ``<sup>`` or an ``<a>``) reads as, or None for
    any other element: a raised number that links within the page, or a link within the page
    that shows a raised number alone or is marked as a note's reference (``role=doc-noteref``,
    ``class=footnote-ref``, ``data-footnote-ref``).
    An exponent (``x<sup>2</sup>``) links nowhere and stays as written.

    >>> from lxml.html import fragment_fromstring as f
    >>> note_marker(f('<sup><a href="#fn1">1</a></sup>'))
    '[1]'
    >>> note_marker(f('<a href="#fn:2" class="footnote-ref"><sup>2</sup></a>'))
    '[2]'
    >>> note_marker(f('<a href="#n3"><sup>3</sup></a>')), note_marker(f('<a href="#top">1</a>'))
    ('[3]', None)
    >>> note_marker(f('<sup><a href="#n1">1</a>, <a href="#n2">2</a></sup>')) is None
    True
    >>> note_marker(f('<sup>2</sup>')), note_marker(f('<sup><a href="/p">1</a></sup>'))
    (None, None)
    """
    if el.tag == "sup":
        if not any(_local(a) for a in el.iter("a")) and el.get("role") != "doc-noteref":
            return None
    elif el.tag == "a":
        if not _marked_ref(el) and not (_local(el) and (_raised(el) or _raised_in(el))):
            return None
    else:
        return None
    return _marker(element_text(el))


def is_backlink(a: Element) -> bool:
    """Whether a link is a footnote's way back to its reference: marked so
    (``role=doc-backlink``, ``class=footnote-backref``, ``data-footnote-backref``) or an arrow
    alone that links within the page.

    >>> from lxml.html import fragment_fromstring as f
    >>> is_backlink(f('<a href="#fnref1">↩︎</a>')), is_backlink(f('<a href="#fnref1">1</a>'))
    (True, False)
    >>> is_backlink(f('<a href="#r" class="footnote-backref">back</a>'))
    True
    """
    if not _local(a):
        return False
    if a.get("role") == "doc-backlink" or a.get("data-footnote-backref") is not None:
        return True
    cls = a.get("class")
    if cls is not None and _BACK_CLASS_RE.search(cls.lower()):
        return True
    shown = [c for c in element_text(a) if not c.isspace() and c not in _SELECTORS]
    return bool(shown) and all(c in _ARROWS for c in shown)
