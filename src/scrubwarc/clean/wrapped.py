"""Tracking tails that a scraper wrapped at a fixed width: the rest of a tail on the line
below the one it was removed from ("It rained.?utm_source=rss&utm_medi" over "um=feed"),
or a tail cut inside its first key ("It rained.?utm_sou" over "rce=rss"). The line below
goes only when it closes its paragraph and is the tail's rest by its structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from scrubwarc.clean.lines import drop_lines
from scrubwarc.clean.model import CleanOptions, Removal, RuleOutput
from scrubwarc.clean.params import is_tracking_param
from scrubwarc.clean.trackkeys import CLOSERS, SENTENCE_ENDS, URL_CHARS

__all__ = ["CUT_KEY", "mend_wrapped"]

_LOWER_VALUE = re.compile(r"[a-z0-9_.-]+")
_QUERY_MATERIAL = re.compile(r"[&=]|%[0-9A-Fa-f]{2}|[^\W_]\+[^\W_%]")


def _rest_of_tail(tail: str, line: str) -> bool:
    """True if ``line``, alone below a query tail that ended its line, is the tail's rest,
    wrapped by a scraper at a fixed width: the tail was cut inside a key (the line holds its
    "="), after an "=", "&" or a "%", or inside a value (the line holds query material).

    >>> _rest_of_tail("?utm_source=rss&utm_medi", "um=feed"), _rest_of_tail("?utm_source=", "rss")
    (True, True)
    >>> _rest_of_tail("?utm_source=rss&utm_medium=fe", "ed"), _rest_of_tail("?x=1", "Reuters")
    (False, False)
    >>> _rest_of_tail("?utm_campaign=Feed%3A+ex", "ample+News%29"), _rest_of_tail("?x=", "AP")
    (True, False)
    >>> _rest_of_tail("?utm_source=x", "a=1&b=2"), _rest_of_tail("?utm_source=x", "&utm_medium=y")
    (False, True)
    """
    if not line or any(ch not in URL_CHARS for ch in line):
        return False
    last = re.split(r"[?&;|#]", tail)[-1]
    if "=" not in last or tail[-1] == "&":
        return "=" in line
    if tail[-1] == "%" or tail[-2:-1] == "%":
        return line[0] in "0123456789ABCDEFabcdef"
    if tail[-1] == "=" and _LOWER_VALUE.fullmatch(line):
        return True  # a value's words are lower case; a line of prose opens with a capital
    # The rest of a value, then perhaps more pairs: its first part is no pair ("a=1&b=2"
    # below a tail is a line of its own).
    return "=" not in re.split(r"[&;|]", line)[0] and _QUERY_MATERIAL.search(line) is not None


def _wrapped_rests(
    text: str, lines: list[str], removals: list[Removal]
) -> Iterator[tuple[int, str]]:
    """The lines (0-based, in ``lines``: the text's lines, cleaned) that hold only the rest
    of a tail removed from the end of the line above, closing its paragraph."""
    # Only a tail glued on (not a URL's own pairs, a line's query or a link) may be cut.
    tails = [r for r in removals if r.text[:1] in "?&|#%;+" and r.line < len(lines)]
    if not tails:
        return
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for removal in tails:
        number = removal.line  # the line below the removal's, 0-based
        line_end = starts[number] - 1
        at = starts[number - 1] + removal.column - 1
        if text[at : at + len(removal.text)] != removal.text or at + len(removal.text) != line_end:
            continue
        rest = lines[number].strip()
        if number + 1 < len(lines) and lines[number + 1].strip():
            continue  # the paragraph goes on: its last line is no tail's rest
        if _rest_of_tail(removal.text, rest):
            yield number, rest


# A query opener glued to a sentence's end, then the start of a key, ending its line.
_CUT_KEY_HEAD = re.compile(rf"(?<=[{re.escape(''.join(SENTENCE_ENDS) + CLOSERS)}])[?&]([\w.-]*)\Z")
_CUT_KEY_REST = re.compile(r"([\w.-]*)=")
# What a text with a key cut by a line break shows: a line that opens with the key's rest
# (a pattern that opens with a literal is searched for fast).
CUT_KEY = re.compile(r"\n[\w.-]*=")


def _cut_keys(
    text: str, lines: list[str], numbers: Iterable[int], options: CleanOptions | None
) -> Iterator[tuple[int, int]]:
    """Lines (0-based) that end with a query tail cut inside its first key by a scraper's
    wrap ("It rained.?utm_sou" over "rce=rss&…"), and where the tail starts: the key's two
    halves make a tracking name, and the line below holds only the tail's rest (what the
    rule left of it, or nothing) and closes its paragraph. Only ``numbers`` are looked at.

    >>> cut, prose = "Rain.?utm_sou\\nrce=rss\\n", "Rain.?utm_sou\\nrce is here\\n"
    >>> list(_cut_keys(cut, cut.split("\\n"), [0, 1], None))
    [(0, 5)]
    >>> list(_cut_keys(prose, prose.split("\\n"), [0, 1], None))
    []
    """
    given: list[str] = []  # the text's lines as given, split if a line asks
    for number in numbers:
        if "?" not in lines[number] and "&" not in lines[number]:
            continue
        head = _CUT_KEY_HEAD.search(lines[number])
        if head is None:
            continue
        given = given or text.split("\n")
        rest = _CUT_KEY_REST.match(given[number + 1])
        if rest is None or not is_tracking_param(head[1] + rest[1], options):
            continue
        below = lines[number + 1].strip()
        if any(ch not in URL_CHARS for ch in below):
            continue
        if number + 2 < len(lines) and lines[number + 2].strip():
            continue
        yield number, head.start()


def mend_wrapped(
    text: str,
    new_text: str,
    removals: list[Removal],
    emptied: set[int],
    options: CleanOptions | None,
) -> RuleOutput:
    """``new_text`` (``text`` with its tokens' residue gone, line for line) without the
    rests of tails that a scraper wrapped at a fixed width, and without the lines left
    blank (``emptied``), with their removals."""
    lines = new_text.split("\n")
    count = len(removals)
    for number, below in _wrapped_rests(text, lines, removals):
        removals.append(Removal("tracking", below, number + 1, lines[number].find(below) + 1))
        lines[number] = ""
        emptied.add(number)
    # A key cut at a line's end leaves a removal on the line below (its other pairs, or the
    # whole line) unless the tail held no other key: then the text is searched.
    numbers: Iterable[int] = sorted({r.line - 2 for r in removals[:count] if r.line > 1})
    if not count:
        numbers = range(len(lines) - 1) if CUT_KEY.search(text) is not None else ()
    if numbers:
        for number, cut in _cut_keys(text, lines, numbers, options):
            removals.append(Removal("tracking", lines[number][cut:], number + 1, cut + 1))
            lines[number] = lines[number][:cut]
            below = lines[number + 1].strip()
            if below:
                column = lines[number + 1].find(below) + 1
                removals.append(Removal("tracking", below, number + 2, column))
            lines[number + 1] = ""
            emptied.add(number + 1)
    if not removals:
        return text, ()
    if len(removals) > count:
        new_text = "\n".join(lines)
    blank = [i for i in emptied if i < len(lines) and not lines[i].strip()]
    new_text = drop_lines(new_text, blank, "tracking")[0] if blank else new_text
    return new_text, tuple(removals)
