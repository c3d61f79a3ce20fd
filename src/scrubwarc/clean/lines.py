"""What the rules share about lines: removing whole lines tidily, finding code spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from scrubwarc.clean.model import Removal, RuleOutput

__all__ = ["LIST_MARK", "CodeSpans", "drop_lines", "fenced_blocks"]

# A line that opens with this is a list's item: a bullet or a number, then a blank.
LIST_MARK = re.compile(r"[ \t]*([-*+•·▶►]|\d{1,3}[.)])[ \t]")

_TICK_OR_BREAK = re.compile("[`\\n]")
# A line that opens or closes a fenced code block, as Markdown writes code of several lines:
# three or more backticks or tildes; an opening fence may name the language after them.
_FENCE = re.compile(r"^[ \t]*(`{3,}+|~{3,}+)([^\n]*)$", re.MULTILINE)


class CodeSpans:
    """The code spans of a text, code quoted literally, where entities and query strings are
    what the author wrote: what stands between a pair of backticks on one line, and a fenced
    code block from its opening fence to the line that closes it with the same fence.

    Found in one pass on the first question, so asking per match stays linear.

    >>> spans = CodeSpans("write `&amp;` here, it`s")
    >>> spans.covers(7, 12), spans.covers(23, 24)
    (True, False)
    >>> spans = CodeSpans("Code:\\n```html\\n<p>Hi</p>\\n```\\n<p>Bye</p>")
    >>> spans.covers(14, 17), spans.covers(28, 31)
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

    def outside(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of ``text[start:end]`` that no code span covers, as ``(start, end)``.

        >>> CodeSpans("a `b` c `d`").outside(0, 11)
        [(0, 3), (4, 9), (10, 11)]
        """
        starts = self._starts if self._starts is not None else self._find()
        parts: list[tuple[int, int]] = []
        i = max(0, bisect_right(starts, start) - 1)
        while i < len(starts) and starts[i] < end:
            if self._ends[i] > start:
                if starts[i] > start:
                    parts.append((start, starts[i]))
                start = max(start, self._ends[i])
            i += 1
        if start < end:
            parts.append((start, end))
        return parts

    def _find(self) -> list[int]:
        starts: list[int] = []
        text, pos = self._text, 0
        ticks = "`" in text
        for block_start, block_end in [*fenced_blocks(text), (len(text), len(text))]:
            opened = -1
            for mark in _TICK_OR_BREAK.finditer(text, pos, block_start) if ticks else ():
                if mark.group() == "\n":
                    opened = -1  # a span never crosses a line
                elif opened < 0:
                    opened = mark.end()
                else:
                    starts.append(opened)
                    self._ends.append(mark.start())
                    opened = -1
            if block_start < block_end:
                starts.append(block_start)
                self._ends.append(block_end)
            pos = block_end
        self._starts = starts
        return starts


def fenced_blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each closed fenced code block, fences included, in one pass.

    >>> fenced_blocks("a\\n```py\\nx = 1\\n```\\nb\\n~~~\\nopen")
    [(2, 17)]
    """
    if "```" not in text and "~~~" not in text:
        return []
    blocks: list[tuple[int, int]] = []
    opened: re.Match[str] | None = None
    for fence in _FENCE.finditer(text):
        if opened is None:
            if not (fence.group(1)[0] == "`" and "`" in fence.group(2)):  # not "```x``` y"
                opened = fence
        elif fence.group(1) == opened.group(1) and not fence.group(2).strip():
            blocks.append((opened.start(), fence.end()))
            opened = None
    return blocks


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
