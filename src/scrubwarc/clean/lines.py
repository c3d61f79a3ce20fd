"""What the rules share about lines: removing whole lines tidily, finding code spans."""

from __future__ import annotations

from collections.abc import Iterable

from scrubwarc.clean.model import Removal, RuleOutput

__all__ = ["drop_lines", "in_code_span"]


def in_code_span(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` lies between two backticks of its line: code, quoted
    literally, where entities and query strings are what the author wrote.

    >>> in_code_span("write `&amp;` here", 7, 12), in_code_span("it`s &amp; more", 5, 10)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("`", line_start, start) % 2 == 0:
        return False
    line_end = text.find("\n", end)
    return "`" in text[end : line_end if line_end != -1 else len(text)]


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
