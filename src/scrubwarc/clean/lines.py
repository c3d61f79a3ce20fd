"""What the rules share about lines: removing whole lines tidily, finding code spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from scrubwarc.clean.model import Removal, RuleOutput

__all__ = ["CodeSpans", "drop_lines"]

_TICK_OR_BREAK = re.compile("[`\\n]")


class CodeSpans:
    """The code spans of a text: what stands between a pair of backticks on one line, code
    quoted literally, where entities and query strings are what the author wrote.

    Found in one pass on the first question, so asking per match stays linear.

    >>> spans = CodeSpans("write `&amp;` here, it`s")
    >>> spans.covers(7, 12), spans.covers(23, 24)
    (True, False)
    """

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def covers(self, start: int, end: int) -> bool:
        """True if ``text[start:end]`` lies inside one code span."""
        starts = self._starts if self._starts is not None else self._find()
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= self._ends[i]

    def _find(self) -> list[int]:
        starts: list[int] = []
        if "`" in self._text:
            opened = -1
            for mark in _TICK_OR_BREAK.finditer(self._text):
                if mark.group() == "\n":
                    opened = -1  # a span never crosses a line
                elif opened < 0:
                    opened = mark.end()
                else:
                    starts.append(opened)
                    self._ends.append(mark.start())
                    opened = -1
        self._starts = starts
        return starts


def drop_lines(text: str, doomed: Iterable[int], rule: str) -> RuleOutput:
    """Remove the lines at the given 0-based indices and the blank line each leaves behind.

    Every index must be that of a line of ``text`` (``0 <= i < text.count("\\n") + 1``).

    >>> drop_lines("A\\n\\nx\\n\\nB\\n", [2], "demo")[0]
    'A\\n\\nB\\n'
    """
    doomed = set(doomed)
    if not doomed:
        return text, ()
    lines = text.split("\n")
    order = sorted(doomed)
    removals = tuple(Removal(rule, lines[i], i + 1, 1) for i in order)
    kept: list[str] = []
    i = after = 0  # order[after] is the first removed line at or after line i
    while i < len(lines):
        if after < len(order) and order[after] == i:
            i, after = i + 1, after + 1
            continue
        line = lines[i]
        if line.strip():
            # Up to the next removal every line stays, a blank one following this kept line:
            # only lines near removals are looked at one by one.
            end = order[after] if after < len(order) else len(lines)
            kept += lines[i:end]
            i = end
            continue
        # A blank line that now follows another blank line, or opens the text, was a separator
        # of the removed line; the final "" is the text's last newline and always stays.
        blank = i != len(lines) - 1
        if not (
            blank and (not kept or not kept[-1].strip()) and _follows_removal(i, doomed, lines)
        ):
            kept.append(line)
        i += 1
    while len(kept) > 1 and not kept[-2].strip() and kept[-1] == "":
        kept.pop(-2)
    return "\n".join(kept), removals


def _follows_removal(i: int, doomed: set[int], lines: list[str]) -> bool:
    """True if the nearest non-blank line above ``i`` was removed (or there is none left)."""
    j = i - 1
    while j >= 0 and j not in doomed and not lines[j].strip():
        j -= 1
    return j < 0 or j in doomed
