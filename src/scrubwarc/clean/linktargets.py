"""Markdown links whose target holds tracking parameters (``[text](/a?utm_source=x)``).

The target is the URL between ``](`` and ``)`` (or between ``<`` and ``>`` there): it is
cleaned as a URL (its real parameters stay, and so do the ``>`` and ``)`` that close it, and
a title after it), and a target that was only tracking (``[text](?utm_source=x)``) leaves no
link at all, only its text: an empty target (``[text]()``) would be residue of its own. A
link with a title keeps it, so its target becomes the empty ``<>`` (``[text](<> "Title")``):
the title is its author's words, and a title in the target's place would be read as the
target.
"""

from __future__ import annotations

import re

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.params import clean_url

__all__ = ["clean_link_targets"]

# An inline link (not an image: "![alt](…)" keeps its brackets) with a target of URL
# characters only (no parenthesis: the closer is the link's own) or one in angle brackets,
# then perhaps a title in quotes or parentheses, set off by blanks.
_LINK = re.compile(
    r"""(?<!!)\[([^\[\]\n]*)\]\((?:<([^<>\n]*)>|([^()\s<][^()\s]*))"""
    r"""([ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))[ \t]*)?\)"""
)


def clean_link_targets(
    text: str, options: CleanOptions | None = None
) -> tuple[str, list[tuple[int, str, str]], list[tuple[int, int]]]:
    """``text`` with its links' targets cleaned, and ``(offset, piece, replacement)`` for
    each piece removed (offsets in ``text``): the target's tracking parameters, or a target
    that was only tracking whole with the link's brackets (or, before a title, replaced by
    ``<>``); and ``(end, shorter)`` for each link: where
    it ends in ``text`` and by how many characters it got shorter. Links in code spans are
    left to the caller.

    >>> clean_link_targets("See [a](?utm_source=x) and [b](/p?id=2&utm_source=x).")[0]
    'See a and [b](/p?id=2).'
    >>> clean_link_targets("[a](?id=3&utm_source=x) ![img](?utm_source=x)")[0]
    '[a](?id=3) ![img](?utm_source=x)'
    >>> clean_link_targets('[a](<?utm_source=x> "T") [b](<?utm_source=x>) [c](/?fbclid=1 (T))')[0]
    '[a](<> "T") b [c](/ (T))'
    """
    if "](" not in text:
        return text, [], []
    spans: CodeSpans | None = None
    out: list[str] = []
    changes: list[tuple[int, str, str]] = []
    moves: list[tuple[int, int]] = []
    pos = 0
    for link in _LINK.finditer(text):
        group = 3 if link.group(2) is None else 2
        target, removed = clean_url(link.group(group), options)
        if not removed:
            continue
        spans = CodeSpans(text) if spans is None else spans
        if spans.covers(link.start(), link.end()):
            continue
        at = link.start(group)
        if not target and link.group(4):
            # A title alone in the brackets would be read as the target: "<>" holds its place.
            empty = "" if group == 2 else "<>"
            out.append(text[pos:at] + empty + text[link.end(group) : link.end()])
            changes.append((at, link.group(group), empty))
        elif target:
            out.append(text[pos:at] + target + text[link.end(group) : link.end()])
            for piece in removed:
                at = text.find(piece, at)
                changes.append((at, piece, ""))
        else:
            out.append(text[pos : link.start()] + link.group(1))
            changes += [(link.start(), "[", ""), (link.end(1), "](", "")]
            if group == 2:
                changes.append((at - 1, "<", ""))
            changes.append((at, link.group(group), ""))
            changes.append((link.end(group), text[link.end(group) : link.end()], ""))
        moves.append((link.end(), link.end() - pos - len(out[-1])))
        pos = link.end()
    if not changes:
        return text, [], []
    out.append(text[pos:])
    return "".join(out), changes, moves
