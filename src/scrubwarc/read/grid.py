"""Data tables read as text: a row is a line, its cells separated by tabs (as a browser copies
a table, and as ``innerText`` reads one), so "Alice 10" stays a row, not two paragraphs.

A table is read this way only when it looks like data: two rows or more, cells of short inline
text without blocks or tables inside. A cell may wrap its value in one paragraph or heading
(``<td><p>Name</p></td>``, ``<th><h3>Plan</h3></th>``, as editors and word processors write
tables): a ``<p>``, ``<div>`` or ``<h2>``-``<h6>`` alone in its cell, or alone in such a
wrapper, is the cell's value. A line break inside a cell ("1 Main St<br>Springfield") is a
space, so the row stays one line. A layout table (cells holding several paragraphs, a column of
links beside the story) keeps each block of a cell a paragraph of its own.
"""

from __future__ import annotations

import re

from scrubwarc.read.hints import BLOCK_TAGS, Element, element_text, letters

__all__ = ["CELL", "CELL_WRAPPERS", "ROW_TAGS", "is_grid", "tabbed"]

# Marks a boundary between two cells in the collected text; a Unicode noncharacter, which no
# page text holds, and not whitespace, so collapsing spaces leaves it alone.
CELL = "\ufdd0"
# Inside a data table these structure its rows and cells; they do not start paragraphs.
ROW_TAGS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
# Block tags a data table may hold: its rows and cells, and a caption (a paragraph of its own).
_GRID_TAGS = ROW_TAGS | {"caption", "colgroup", "col"}
# Blocks a cell may wrap its value in, one alone: in a data table they do not start a line.
CELL_WRAPPERS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
# Anything else that starts a line: prose, not a value. (An <h1> is the page's headline.)
_BLOCKS = (BLOCK_TAGS | {"h1"}) - _GRID_TAGS
# A cell holding more than this is prose laid out in a table, not a value.
_CELL_LETTERS = 200
_CELL_RE = re.compile(f" ?{CELL} ?")


def is_grid(table: Element) -> bool:
    """Whether ``table`` is a data table: see the module docstring.

    >>> from lxml.html import fragment_fromstring as f
    >>> is_grid(f("<table><tr><th>Name<th>Score<tr><td>Alice<td>10</table>"))
    True
    >>> is_grid(f("<table><tr><td><p>Name</p><td><p>Score</p><tr><td>a<td>b</table>"))
    True
    >>> is_grid(f("<table><tr><td><p>Story</p><p>More</p><td>x<tr><td>a<td>b</table>"))
    False
    >>> is_grid(f("<table><tr><th><h3>Plan</h3><th>Hours<tr><td>A<td>9<br>5</table>"))
    True
    """
    rows = 0
    for el in table.iterdescendants():
        tag = el.tag
        if tag == "tr":
            rows += 1
        elif tag in _CELLS:
            if letters(element_text(el)) > _CELL_LETTERS:
                return False
        elif tag in _BLOCKS and not (tag in CELL_WRAPPERS and _wraps_cell(el)):
            return False
    return rows >= 2


def _wraps_cell(el: Element) -> bool:
    """Whether ``el`` is all there is of its parent, a cell or a wrapper alone in a cell: no
    text beside it and no other block. The walk meets the parent first and has judged it."""
    parent = el.getparent()
    if parent is None or (parent.tag not in _CELLS and parent.tag not in CELL_WRAPPERS):
        return False
    if (parent.text or "").strip():
        return False
    for child in parent:
        if (child.tail or "").strip() or (child is not el and child.tag in _BLOCKS):
            return False
    return True


def tabbed(text: str) -> str:
    """Collected rows with their cell marks as tabs; a row with no text is left out.

    >>> tabbed(f"Name {CELL} Score\\nAlice{CELL}10\\n{CELL}")
    'Name\\tScore\\nAlice\\t10'
    """
    lines = (_CELL_RE.sub("\t", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if not line.isspace() and line)
