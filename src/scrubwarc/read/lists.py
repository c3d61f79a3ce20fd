"""The marker a reader sees before an item of an ordered list ("1. ", "b. ", "iv. "): the
browser draws it, it is not in the page's text, yet "step 3" means nothing without it.

HTML's rules: ``<ol start>`` sets the first ordinal, ``reversed`` counts down from the number
of items, an item's ``value`` sets its own and the next count on from it; ``type`` picks
decimal, letters or roman numerals. An item whose text already starts with its number, and a
list styled ``list-style: none`` (or named so, ``list-unstyled``), show no marker of ours.
"""

from __future__ import annotations

import re

from scrubwarc.read.hints import Element, element_text

__all__ = ["item_marker"]

_NO_MARKER_RE = re.compile(r"list-style(?:-type)?\s*:\s*none")
# Class names of CSS frameworks for a list without markers (Bootstrap's ``list-unstyled``,
# Webflow's ``w-list-unstyled``, Tailwind's ``list-none``).
_UNSTYLED_RE = re.compile(r"unstyled|(?<![a-z])list-(?:style-)?none(?![a-z])|list-reset")
_NUMBERED_RE = re.compile(r"\s*[(\[]?\d+[.):\]]")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _integer(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _letters(n: int) -> str:
    """Spreadsheet-style letters: 1 a, 26 z, 27 aa.

    >>> _letters(1), _letters(26), _letters(28)
    ('a', 'z', 'ab')
    """
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(n: int) -> str:
    """Lower-case roman numerals.

    >>> _roman(4), _roman(1994)
    ('iv', 'mcmxciv')
    """
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _shown(n: int, kind: str) -> str:
    """``n`` written as a list of ``type=kind`` writes it (decimal outside what the others can
    write, as browsers do)."""
    if n > 0 and kind in ("a", "A"):
        text = _letters(n)
    elif 0 < n < 4000 and kind in ("i", "I"):
        text = _roman(n)
    else:
        return str(n)
    return text.upper() if kind.isupper() else text


def item_marker(item: Element, counts: dict[Element, int]) -> str | None:
    """The marker before ``item``, an ``<li>``, with its space; None outside an ``<ol>``.
    ``counts`` keeps each list's last ordinal while its items are read in order.

    >>> from lxml.html import fragment_fromstring as f
    >>> ol = f("<ol start=3 type=i><li>x<li value=9>y<li>z</ol>")
    >>> counts = {}
    >>> [item_marker(li, counts) for li in ol]
    ['iii. ', 'ix. ', 'x. ']
    >>> counts = {}
    >>> [item_marker(li, counts) for li in f("<ol reversed><li>x<li>2. y</ol>")]
    ['2. ', None]
    """
    ol = item.getparent()
    if ol is None or ol.tag != "ol":
        return None
    step = -1 if ol.get("reversed") is not None else 1
    last = counts.get(ol)
    if last is None:
        start = _integer(ol.get("start"))
        if start is None:
            start = len(ol.findall("li")) if step < 0 else 1
        last = start - step
    value = _integer(item.get("value"))
    counts[ol] = number = last + step if value is None else value
    style = ol.get("style")
    if style and _NO_MARKER_RE.search(style.lower()):
        return None
    names = ol.get("class")
    if names and _UNSTYLED_RE.search(names.lower()):
        return None
    if _NUMBERED_RE.match(element_text(item)[:16]):
        return None
    return f"{_shown(number, ol.get('type') or '1')}. "
