"""The label of a ``<details>`` block: a control ("Show more", "Read more", "Click to expand")
or the heading of what it opens (an FAQ's question, a section's title). A control's words are
not the article's; a heading's are, and human gold keeps them (WCXB: every in-article
``<summary>`` of an FAQ or a course page). Only labels made of control words alone go.
"""

from __future__ import annotations

import re

from scrubwarc.read.hints import Element, element_text

__all__ = ["is_control_label"]

_WORD_RE = re.compile(r"[^\W\d_]+")
# A label's first word says what the reader does; "open" and "close" also start titles
# ("Open source licences") and are not counted.
_ACTIONS = frozenset(
    {"show", "see", "view", "read", "expand", "collapse", "hide", "toggle", "click", "tap",
     "more", "less", "details"}
)  # fmt: skip
_FILLERS = frozenset(
    {"more", "less", "all", "details", "detail", "full", "the", "rest", "to", "here", "text",
     "article", "story", "content", "transcript", "info", "information", "answer", "me",
     "this", "section"}
)  # fmt: skip


def is_control_label(summary: Element) -> bool:
    """Whether a ``<summary>`` holds only a control's words; a question never is one.

    >>> from lxml.html import fragment_fromstring as f
    >>> is_control_label(f("<summary>Show more ▾</summary>"))
    True
    >>> is_control_label(f("<summary>Click to expand</summary>"))
    True
    >>> is_control_label(f("<summary>What does the fee cover?</summary>"))
    False
    >>> is_control_label(f("<summary>Course materials</summary>"))
    False
    """
    text = element_text(summary).strip()
    if not text or text.endswith("?"):
        return False
    words = _WORD_RE.findall(text.lower())
    if not words or len(words) > 4 or words[0] not in _ACTIONS:
        return False
    return all(w in _FILLERS or w in _ACTIONS for w in words[1:])
