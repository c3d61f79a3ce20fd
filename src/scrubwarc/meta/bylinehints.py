"""Where a byline may stand on a page, found cheaply: the lead-in words a line holds (``By``,
``Author``, and the lead-ins of other languages, ``Von``, ``Par``, ``Автор``), the hint a class
or id gives (``byline``, ``author``, ``autor``), the words of an author's address (``/author/
ann-lee/``) and the texts of an element a reader sees (no script's).

Pure and total, as ``scrubwarc.meta.htmlauthors``, which reads the names these point to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lxml import html as lxml_html

__all__ = [
    "BYLINE_HINTS",
    "LEAD_IN_WORD",
    "LEAD_IN_WORDS",
    "OTHER_LEAD_IN_PIECE",
    "has_any_lead_in_word",
    "has_byline_hint",
    "has_lead_in_word",
    "shown_texts",
    "slug_words",
]

# What a byline opens with; lines without it are not looked at closely. No word boundary:
# the text of ``<span>By</span><span>Ann Lee</span>`` runs together ("ByAnn Lee").
LEAD_IN_WORD = re.compile(r"by|author", re.IGNORECASE)
# The lead-ins of other languages (as ``parse_byline`` reads them), as words.
_OTHER_LEAD_INS = r"von|par|por|di|door|av|af|przez|od|autor\w*|auteurs?|автор\w*|текст|від"
_OTHER_LEAD_IN_WORD = re.compile(rf"\b(?:{_OTHER_LEAD_INS})\b", re.IGNORECASE)
# What ``has_lead_in_word`` finds, as one regex (the fast search is tested against it).
LEAD_IN_WORDS = re.compile(rf"by|author|\b(?:{_OTHER_LEAD_INS})\b", re.IGNORECASE)
# A byline piece that is only such a lead-in: "<span>Por</span> <a>Ana López</a>".
OTHER_LEAD_IN_PIECE = re.compile(rf"(?:{_OTHER_LEAD_INS})\s*:?", re.IGNORECASE)
_CODE_TAGS = frozenset(("script", "style", "template"))
_SLUG_WORD = re.compile(r"[^\W_]+")
# A byline element: its class or id names the author, the writer or the byline.
_BYLINE_HINT = re.compile(r"author|byline|writer", re.IGNORECASE)
_OTHER_BYLINE_HINT = re.compile(r"(?<![^\W_])(?:autor(?:e|es|a|as|in)?|auteurs?)(?![^\W_])", re.I)
# What ``has_byline_hint`` finds, as one regex (the fast search is tested against it).
BYLINE_HINTS = re.compile(f"{_BYLINE_HINT.pattern}|{_OTHER_BYLINE_HINT.pattern}", re.I)


def slug_words(text: str) -> list[str]:
    """The words of a name as an address writes them: folded, without accents.

    >>> slug_words("José García-Peña"), slug_words("jose-garcia-pena")
    (['jose', 'garcia', 'pena'], ['jose', 'garcia', 'pena'])
    """
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SLUG_WORD.findall(text.casefold())


def has_lead_in_word(text: str) -> bool:
    """Whether ``text`` holds ``LEAD_IN_WORD``, found as ``has_byline_hint`` finds its words
    (the text of a container after the headline runs to thousands of characters).

    >>> [has_lead_in_word(v) for v in ("Story BY", "AUTHORS", "b y", "Auteur \u00e9crit")]
    [True, True, False, False]
    """
    if text.isascii():
        text = text.lower()
        return "by" in text or "author" in text
    return LEAD_IN_WORD.search(text) is not None


def has_any_lead_in_word(text: str) -> bool:
    """Whether ``text`` holds ``LEAD_IN_WORDS``: ``LEAD_IN_WORD`` or a lead-in of another
    language as a word (read on a page in another language only: a regex over the text).

    >>> [has_any_lead_in_word(v) for v in ("Von Anna Lehmann", "Paris", "Автор: Анна")]
    [True, False, True]
    """
    return has_lead_in_word(text) or _OTHER_LEAD_IN_WORD.search(text) is not None


def has_byline_hint(value: str) -> bool:
    """Whether a class or id holds ``BYLINE_HINTS``; an ASCII one (nearly all) is lower-cased
    and searched for the words, four times as fast as the regex on every element of the page.
    Lower-casing matches the regex's case folding on ASCII; other text is left to the regex
    (its folding matches a dotless "ı" to "i", ``str.lower`` does not).

    >>> [has_byline_hint(v) for v in ("post-Author", "BYLINE", "wr\u0131ter", "writ-er")]
    [True, True, True, False]

    Or the author's word of another language, as a word of its own (``autor``, ``auteur``;
    not ``autoresize``).

    >>> [has_byline_hint(v) for v in ("post-autor", "auteur_nom", "autoresize")]
    [True, True, False]
    """
    if value.isascii():
        lowered = value.lower()
        if "author" in lowered or "byline" in lowered or "writer" in lowered:
            return True
        return "aut" in lowered and _OTHER_BYLINE_HINT.search(lowered) is not None
    return _BYLINE_HINT.search(value) is not None or _OTHER_BYLINE_HINT.search(value) is not None


def shown_texts(element: lxml_html.HtmlElement) -> Iterator[str]:
    """The texts of ``element`` a reader sees, in order: a script's or a style's is code
    (an ad slot's ``(adsbygoogle = window.adsbygoogle || []).push({})``), its tail is not.

    >>> list(shown_texts(lxml_html.fromstring("<p>By <script>x()</script>Ann <b>Lee</b></p>")))
    ['By ', 'Ann ', 'Lee']
    """
    if element.text and element.tag not in _CODE_TAGS:
        yield element.text
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _CODE_TAGS:
            yield from shown_texts(child)
        if child.tail:
            yield child.tail
