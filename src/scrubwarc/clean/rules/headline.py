"""The headline printed twice at the top of a scraped article, kept once."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrubwarc.clean.lines import drop_lines
from scrubwarc.clean.model import CleanOptions, RuleOutput
from scrubwarc.clean.sitename import name_key, site_like, split_site_name, suffixes

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
    >>> same_headline("Peace talks - Live", "Peace talks - Analysis")
    False
    >>> same_headline("Storm hits | World | The Herald", "Storm hits")
    True
    """
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    (heads_a, site_a), (heads_b, site_b) = _heads(a, na), _heads(b, nb)
    if site_a is not None and site_b is not None and name_key(site_a) != name_key(site_b):
        return False  # one page names one site: different suffixes are different lines
    return not heads_a.isdisjoint(heads_b)


def _heads(line: str, norm: str) -> tuple[set[str], str | None]:
    """What ``line`` says before each suffix of site-like parts (``| World | Herald``),
    compared by their words, with the line itself (``norm``); and its last part if that is
    site-like, the site ``split_site_name`` guesses.

    >>> heads, site = _heads("Storm | World | The Herald", "storm world the herald")
    >>> sorted(heads), site
    (['storm', 'storm world', 'storm world the herald'], 'The Herald')
    """
    heads, site, end = {norm}, None, len(line)
    for start, part in reversed(suffixes(line)):
        name = line[part:end].strip()
        if not site_like(name):
            break
        site = site if site is not None else name
        heads.add(_norm(line[:start]))
        end = start
    return heads, site


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
