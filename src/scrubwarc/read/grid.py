"""Data tables read as text: a row is a line, its cells separated by tabs (as a browser copies
a table, and as ``innerText`` reads one), so "Alice 10" stays a row, not two paragraphs.

A table is read this way only when it looks like data: two rows or more, cells of short inline
text without blocks, line breaks or tables inside. A layout table (cells holding paragraphs,
a column of links beside the story) keeps each block of a cell a paragraph of its own.
"""

from __future__ import annotations

import re

from scrubwarc.read.hints import BLOCK_TAGS, Element, element_text, letters

__all__ = ["CELL", "ROW_TAGS", "is_grid", "tabbed"]

# Marks a boundary between two cells in the collected text; a Unicode noncharacter, which no
# page text holds, and not whitespace, so collapsing spaces leaves it alone.
CELL = "\ufdd0"
# Inside a data table these structure its rows and cells; they do not start paragraphs.
ROW_TAGS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
# Block tags a data table may hold: its rows and cells, and a caption (a paragraph of its own).
_GRID_TAGS = ROW_TAGS | {"caption", "colgroup", "col"}
# Anything else that starts a line: prose, not a value.
_BLOCKS = (BLOCK_TAGS | {"br", "h1"}) - _GRID_TAGS
# A cell holding more than this is prose laid out in a table, not a value.
_CELL_LETTERS = 200
_CELL_RE = re.compile(f" ?{CELL} ?")


def is_grid(table: Element) -> bool:
    """Whether ``table`` is a data table: see the module docstring.

    >>> from lxml.html import fragment_fromstring as f
    >>> is_grid(f("<table><tr><th>Name<th>Score<tr><td>Alice<td>10</table>"))
    True
    >>> is_grid(f("<table><tr><td><p>Story</p><td>x<tr><td>a<td>b</table>"))
    False
    """
    rows = 0
    for el in table.iterdescendants():
        tag = el.tag
        if tag == "tr":
            rows += 1
        elif tag in ("td", "th"):
            if letters(element_text(el)) > _CELL_LETTERS:
                return False
        elif tag in _BLOCKS:
            return False
    return rows >= 2


def tabbed(text: str) -> str:
    """Collected rows with their cell marks as tabs; a row with no text is left out.

    >>> tabbed(f"Name {CELL} Score\\nAlice{CELL}10\\n{CELL}")
    'Name\\tScore\\nAlice\\t10'
    """
    lines = (_CELL_RE.sub("\t", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if not line.isspace() and line)
