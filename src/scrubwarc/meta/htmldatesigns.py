"""What a page's words and markup say of a date they show: a label that calls it the
publication or the revision (``Posted on``, ``Updated <time>``, ``itemprop="dateModified"``),
a comment's or an aside's ``<time>``, a date inside a sentence of the body (an event's).

Pure and total, as ``scrubwarc.meta.htmldates``, which weighs the dates these tell apart.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.dates import UPDATED
from scrubwarc.meta.textfields import is_prose

__all__ = [
    "PUBLISHED_LABEL",
    "UPDATED_LABEL",
    "in_a_sentence",
    "is_revision",
    "labels",
    "set_aside",
]

# A label that ends right before the publication date it introduces.
PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|publication date|date published)(?:\s+(?:on|at))?(?:\s+the)?\s*:?\s*$",
    re.IGNORECASE,
)
# What may stand right before such a label: a word that qualifies it, a separator.
_LABEL_QUALIFIER = re.compile(r"(?:^|\s)(?:first|originally|last)$", re.IGNORECASE)
_LABEL_SEPARATORS = ("|", "·", "•", "—", "–", "-", ":", "/")
# The words a date line's own lead opens with: a label or a byline ("Posted by admin on").
_LEAD_WORDS = frozenset(
    ("by", "posted", "published", "updated", "written", "filed", "dated", "on", "last")
) | frozenset(("first", "originally", "date", "modified"))
# How many words of a sentence (in lower case) lead to a date in it.
_SENTENCE_LEAD_WORDS = 3
# A label that ends right before the date of the page's last revision.
UPDATED_LABEL = re.compile(
    r"\b(?:updated|modified|revised)(?:\s+(?:on|at))?(?:\s+the)?\s*:?\s*$", re.IGNORECASE
)
# A class or id token of a comment or a list of them: "comment", "comments-area", "commentlist".
_COMMENT_HINT = re.compile(r"(?:^|\s)comment", re.IGNORECASE)


def set_aside(element: lxml_html.HtmlElement) -> bool:
    """Whether a ``<time>`` dates something beside the article: an ``<aside>`` or ``<nav>``
    holds it, or an element whose class or id is a comment's (``comment-list``, ``comments``;
    not the page's ``has-comments``)."""
    for parent in element.iterancestors():
        if parent.tag in ("aside", "nav"):
            return True
        if parent.tag in ("body", "html"):
            return False
        hints = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if "omment" in hints and _COMMENT_HINT.search(hints):
            return True
    return False


def is_revision(element: lxml_html.HtmlElement) -> bool:
    """Whether a ``<time>`` dates the page's revision: its markup says so
    (``itemprop="dateModified"``, ``class="updated"``), or the text just before it is a
    label that does (``Updated <time>``, ``<span>Last modified:</span> <time>``)."""
    marks = f"{element.get('itemprop') or ''} {element.get('class') or ''}"
    if UPDATED.search(marks):
        return "published" not in marks.lower()  # WordPress: "entry-date published updated"
    previous = element.getprevious()
    if previous is not None:
        before = f"{previous.text_content()}{previous.tail or ''}"
    else:
        parent = element.getparent()
        before = (parent.text if parent is not None else None) or ""
    return UPDATED_LABEL.search(before[-40:]) is not None


def labels(label: re.Pattern[str], text: str) -> bool:
    """Whether ``text`` ends with ``label`` set as a label: opening it, after a separator or
    a byline's name (``Posted on``, ``First published on``, ``By Ann Lee | Updated:``), not
    as a sentence's words (``The report, published on``: a date in the body, not the page's).

    >>> [labels(PUBLISHED_LABEL, t) for t in ("Posted on ", "First published on", "· Posted")]
    [True, True, True]
    >>> [labels(PUBLISHED_LABEL, t) for t in ("The report, published on ", "It was posted")]
    [False, False]
    """
    found = label.search(text)
    if found is None:
        return False
    head = _LABEL_QUALIFIER.sub("", text[: found.start()].rstrip())
    return not head or head.endswith(_LABEL_SEPARATORS) or _is_byline_head(head)


def _is_byline_head(head: str) -> bool:
    """A byline before a label: ``By Ann Lee,``, ``Ann Lee, Staff Writer``."""
    return parse_byline(head.rstrip(" ,")) is not None


def in_a_sentence(line: str, before: str) -> bool:
    """Whether a date ``line`` shows after ``before`` stands inside a sentence of the body, as
    an event's does ("The festival returns on March 1, 2024 in the park."): the line is
    prose and words of the sentence, not a label, a byline or a dateline, lead to the date.

    >>> line = "The festival returns on March 1, 2024 in the park."
    >>> in_a_sentence(line, "The festival returns on ")
    True
    >>> in_a_sentence("Posted by admin on March 1, 2024 in our news.", "Posted by admin on ")
    False
    >>> in_a_sentence("LONDON, March 1, 2024 — The festival returns to the park.", "LONDON, ")
    False
    """
    if not is_prose(line):
        return False
    words = before.split()
    if not words or words[0].strip(":,").casefold() in _LEAD_WORDS:
        return False
    return sum(1 for word in words if word[:1].islower()) >= _SENTENCE_LEAD_WORDS
