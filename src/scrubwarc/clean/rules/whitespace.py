"""The ``whitespace`` rule: line endings, invisible characters, spaces and blank lines."""

from __future__ import annotations

import re
from collections.abc import Callable

from scrubwarc.clean.lines import fenced_blocks
from scrubwarc.clean.model import CleanOptions, RuleOutput

__all__ = ["tidy_whitespace"]

# These three are compiled when first needed (re caches them): most texts never need them.
_BREAK = "\r\n|[\r\x0b\x0c\x85\u2028]|(?P<para>\u2029)"
# Characters that render as nothing (zero-width space, word joiner, BOM, soft hyphen) or are
# control codes; ZWJ and ZWNJ stay because emoji and Indic or Persian words need them.
_INVISIBLE = "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff]+"
_SPACES = "[\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_INNER_RUN = re.compile(r"(?<=\S)[ ]{2,}+(?=\S)")
_TRAILING = re.compile(r"(?<![ \t])[ \t]++$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}+")


def tidy_whitespace(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Normalise line endings and spaces, keep paragraph breaks, end with one newline.

    Leading indentation is kept (quotes, verse); runs of spaces inside a line become one,
    except in a fenced code block, whose spaces and tabs align code.

    >>> tidy_whitespace("Title\\r\\n\\r\\n\\r\\nBody\\u00a0 text  \\n\\n")[0]
    'Title\\n\\nBody text\\n'
    """
    new = text
    # Every character the first three patterns replace is unprintable, and most articles
    # have none, so one C-level check spares them three full scans; likewise the literal
    # tests below, each far cheaper than the scan it guards.
    if not new.replace("\n", " ").isprintable():
        new = re.sub(_BREAK, lambda m: "\n\n" if m.group("para") else "\n", new)
        new = re.sub(_INVISIBLE, "", new)
        new = re.sub(_SPACES, " ", new)
        if "\t" in new:
            new = _outside_code_blocks(new, _loose_tabs_to_spaces)
    if "  " in new:
        new = _outside_code_blocks(new, _single_spaces)
    if " \n" in new or "\t\n" in new or new.endswith((" ", "\t")):
        new = _TRAILING.sub("", new)
    if "\n\n\n" in new:
        new = _BLANK_RUN.sub("\n\n", new)
    new = new.strip("\n")
    new = new + "\n" if new else ""
    if new == text:
        return text, ()
    return new, ()


def _single_spaces(text: str) -> str:
    return _INNER_RUN.sub(" ", text)


def _outside_code_blocks(text: str, tidy: Callable[[str], str]) -> str:
    """Apply ``tidy`` to the text around its fenced code blocks, leaving the blocks as typed.

    >>> _outside_code_blocks("a  b\\n```\\nx  = 1\\n```\\n", _single_spaces)
    'a b\\n```\\nx  = 1\\n```\\n'
    """
    parts, end = [], 0
    for start, stop in fenced_blocks(text):
        parts += [tidy(text[end:start]), text[start:stop]]
        end = stop
    return "".join(parts) + tidy(text[end:]) if parts else tidy(text)


def _loose_tabs_to_spaces(text: str) -> str:
    """Turn a tab inside a line into a space, unless it lays out a table.

    A tab that indents a line stays, and so do the tabs of a table: two or more lines in a
    row with a tab between their words. A lone line's inner tab is the page source's
    whitespace (``Storm hits\\tcoast``), a space in the article.

    >>> _loose_tabs_to_spaces("Storm\\tcoast\\n\\nName\\tAge\\nAnn\\t10\\n\\tcode\\n")
    'Storm coast\\n\\nName\\tAge\\nAnn\\t10\\n\\tcode\\n'
    """
    lines = text.split("\n")
    inner = ["\t" in line.strip(" \t") for line in lines]
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if inner[i] and not ((i > 0 and inner[i - 1]) or (i < last and inner[i + 1])):
            body = line.lstrip(" \t")
            lines[i] = line[: len(line) - len(body)] + body.replace("\t", " ")
    return "\n".join(lines)
