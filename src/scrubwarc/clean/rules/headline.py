"""The headline printed twice at the top of a scraped article, kept once."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrubwarc.clean.lines import drop_lines
from scrubwarc.clean.model import CleanOptions, RuleOutput
from scrubwarc.clean.sitename import split_site_name

__all__ = ["drop_duplicate_headline", "same_headline"]

_MAX_HEADLINE = 400  # characters; a longer first line is a paragraph, not a headline
_WORD = re.compile(r"\w+")


def _norm(line: str) -> str:
    """Compare headlines by their words alone: case, punctuation and spacing do not count."""
    return " ".join(_WORD.findall(line.casefold()))


def same_headline(a: str, b: str) -> bool:
    """True if two lines are the same headline, up to case, punctuation and a site suffix.

    >>> same_headline("Storm Hits Coast", "STORM HITS COAST | Herald")
    True
    >>> same_headline("Storm hits coast", "Storm hits coast, and thousands flee inland.")
    False
    """
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    return _norm(split_site_name(a, guess=True)[0]) == _norm(split_site_name(b, guess=True)[0])


def drop_duplicate_headline(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Keep one copy of a headline repeated at the top, preferring one without a site suffix.

    Only consecutive copies at the very top count; a sentence repeated in the body stays.

    >>> drop_duplicate_headline("Storm hits\\n\\nStorm hits - Herald\\n\\nBody.\\n")[0]
    'Storm hits\\n\\nBody.\\n'
    """
    # However many copies a scraper printed, they all go in one pass (idempotence).
    top = _non_blank_lines(text)
    first = next(top, None)
    if first is None or len(first[1]) > _MAX_HEADLINE:
        return text, ()
    group = [first]
    for item in top:
        if not same_headline(first[1], item[1]):
            break
        group.append(item)
    if len(group) == 1:
        return text, ()
    keep = next((i for i, line in group if split_site_name(line, guess=True)[1] is None), first[0])
    return drop_lines(text, (i for i, _ in group if i != keep), "headline")


def _non_blank_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines with their indices in ``text.split("\\n")``, found lazily.

    The check reads the first two or three lines; splitting a long article costs more.
    """
    start = index = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.strip():
            yield index, line
        if end == -1:
            return
        start, index = end + 1, index + 1
