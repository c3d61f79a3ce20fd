"""Removing whole lines while keeping paragraph spacing tidy."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Removal, RuleOutput

__all__ = ["drop_lines"]


def drop_lines(text: str, doomed: Iterable[int], rule: str) -> RuleOutput:
    """Remove the lines at the given 0-based indices and the blank line each leaves behind.

    >>> drop_lines("A\\n\\nx\\n\\nB\\n", [2], "demo")[0]
    'A\\n\\nB\\n'
    """
    doomed = set(doomed)
    if not doomed:
        return text, ()
    lines = text.split("\n")
    removals = tuple(Removal(rule, lines[i], i + 1, 1) for i in sorted(doomed))
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in doomed:
            continue
        # A blank line that now follows another blank line, or opens the text, was a separator
        # of the removed line; the final "" is the text's last newline and always stays.
        blank = not line.strip() and i != len(lines) - 1
        if blank and (not kept or not kept[-1].strip()) and _follows_removal(i, doomed, lines):
            continue
        kept.append(line)
    while len(kept) > 1 and not kept[-2].strip() and kept[-1] == "":
        kept.pop(-2)
    return "\n".join(kept), removals


def _follows_removal(i: int, doomed: set[int], lines: list[str]) -> bool:
    """True if the nearest non-blank line above ``i`` was removed (or there is none left)."""
    j = i - 1
    while j >= 0 and j not in doomed and not lines[j].strip():
        j -= 1
    return j < 0 or j in doomed
