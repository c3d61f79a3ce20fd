"""Markdown links whose target holds tracking parameters (``[text](/a?utm_source=x)``).

The target is the URL between ``](`` and ``)``: it is cleaned as a URL (its real parameters
stay, and so does the ``)`` that closes it), and a target that was only tracking
(``[text](?utm_source=x)``) leaves no link at all, only its text: an empty target
(``[text]()``) would be residue of its own.
"""

from __future__ import annotations

import re

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.params import clean_url

__all__ = ["clean_link_targets"]

# An inline link (not an image: "![alt](…)" keeps its brackets) with a target of URL
# characters only: no blank (a title), no parenthesis (the closer is the link's own).
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^()\s]+)\)")


def clean_link_targets(
    text: str, options: CleanOptions | None = None
) -> tuple[str, list[tuple[int, str]], list[tuple[int, int]]]:
    """``text`` with its links' targets cleaned, and ``(offset, piece)`` for each piece
    removed (offsets in ``text``): the target's tracking parameters, or a target that was
    only tracking whole with the link's brackets; and ``(end, shorter)`` for each link: where
    it ends in ``text`` and by how many characters it got shorter. Links in code spans are
    left to the caller.

    >>> clean_link_targets("See [a](?utm_source=x) and [b](/p?id=2&utm_source=x).")[0]
    'See a and [b](/p?id=2).'
    >>> clean_link_targets("[a](?id=3&utm_source=x) ![img](?utm_source=x)")[0]
    '[a](?id=3) ![img](?utm_source=x)'
    """
    if "](" not in text:
        return text, [], []
    spans: CodeSpans | None = None
    out: list[str] = []
    changes: list[tuple[int, str]] = []
    moves: list[tuple[int, int]] = []
    pos = 0
    for link in _LINK.finditer(text):
        target, removed = clean_url(link.group(2), options)
        if not removed:
            continue
        spans = CodeSpans(text) if spans is None else spans
        if spans.covers(link.start(), link.end()):
            continue
        at = link.start(2)
        if target:
            out.append(f"{text[pos:at]}{target})")
            for piece in removed:
                at = text.find(piece, at)
                changes.append((at, piece))
        else:
            out.append(text[pos : link.start()] + link.group(1))
            changes += [(link.start(), "["), (at - 2, "]("), (at, link.group(2))]
            changes.append((link.end() - 1, ")"))
        moves.append((link.end(), link.end() - pos - len(out[-1])))
        pos = link.end()
    if not changes:
        return text, [], []
    out.append(text[pos:])
    return "".join(out), changes, moves
