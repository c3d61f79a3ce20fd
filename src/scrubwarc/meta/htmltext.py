"""Text of an HTML page's elements, shared by its metadata readers: whitespace-normalised
values, ``<meta>`` tags, ``itemprop`` elements, and the lines that follow the headline laid
out as a browser shows them. Pure and total, as ``scrubwarc.meta.html``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from lxml import etree
from lxml import html as lxml_html
from lxml.html import defs

__all__ = [
    "DATE_IN_LINE",
    "MAX_DATE_LINE",
    "NEAR_HEADLINE_CHARS",
    "WORD",
    "MetaTags",
    "PageView",
    "body_texts",
    "clean_value",
    "dedupe",
    "element_texts",
    "itemprop",
    "lines_after_headline",
    "looks_like_url",
    "meta_tags",
    "word_set",
]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A date inside a short line (an ISO date with its time and offset, as a page may print its
# ``datetime``); ``parse_date`` then checks it.
DATE_IN_LINE = re.compile(
    rf"(?<!\w)(?:{_MONTH} [0-9]{{1,2}}(?:st|nd|rd|th)?,? [0-9]{{4}}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH},? [0-9]{{4}}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
    r"|(?:19|20)[0-9]{2}(?:/[0-9]{1,2}/|\.[0-9]{1,2}\.)[0-9]{1,2}(?!\.[0-9])"
    r"|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{4})(?!\w)",
    re.IGNORECASE,
)
# How much text after the headline is searched for its date line, and how long a line may be.
NEAR_HEADLINE_CHARS = 1500
MAX_DATE_LINE = 150
# How many wrappers of the <h1> are left to find the lines that follow it.
_HEADLINE_LEVELS = 3
WORD = re.compile(r"\w+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?)])")
# Elements a browser lays out as boxes of their own (lines apart from their neighbours).
_BOX_TAGS = defs.block_tags | {"article", "aside", "footer", "header", "nav", "section", "br"}
_URL_LIKE = re.compile(r"(?:https?:)?//|www\.|[\w-]+\.[a-z]{2,}/", re.IGNORECASE)


def clean_value(value: object) -> str | None:
    """Whitespace-normalised text, or None for non-strings and blank strings."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def dedupe(values: Iterable[str]) -> tuple[str, ...]:
    """Keep the first spelling of each value, compared case-insensitively."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)


def body_texts(root: lxml_html.HtmlElement) -> Iterator[str]:
    """The body's text pieces (each element's text and tail, whitespace-normalised, blanks
    left out) in reading order: an element's text, its children's, then its tail. What
    scripts, styles and ``<noscript>`` hold is not read; the text after them is.

    >>> page = lxml_html.fromstring("<p>By <b>Ann</b> Lee<script>x</script> in Rome</p>")
    >>> list(body_texts(page))
    ['By', 'Ann', 'Lee', 'in Rome']
    """
    body = next(root.iter("body"), root)
    return _texts_of(body, set(body.iter(*_UNREAD)))


_UNREAD = ("script", "style", "noscript")


def _texts_of(body: lxml_html.HtmlElement, unread: set[lxml_html.HtmlElement]) -> Iterator[str]:
    """``body_texts`` of ``body``, where ``unread`` holds its elements of the ``_UNREAD`` tags
    (and may hold others, of the page): told by identity, not by asking every element its tag."""
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if element in unread:
                walk.skip_subtree()  # its end still comes, with its tail
                continue
            piece = element.text
        else:
            piece = element.tail
        if piece and not piece.isspace():
            yield " ".join(piece.split())


def element_texts(
    elements: Iterable[lxml_html.HtmlElement], skipped: tuple[str, ...], *, backwards: bool = False
) -> Iterator[str]:
    """The text and then the tail of each element (the tail first ``backwards``), as
    ``clean_value`` gives them, blanks left out; elements of the ``skipped`` tags give none.

    ``clean_value``, inlined: this walks every element of the page. A piece that is all
    whitespace (most tails) is told by ``isspace`` before it is split.
    """
    for element in elements:
        if element.tag in skipped:
            continue
        first, second = (element.tail, element.text) if backwards else (element.text, element.tail)
        if first and not first.isspace():
            yield " ".join(first.split())
        if second and not second.isspace():
            yield " ".join(second.split())


# The elements the page's metadata is read from (``<head>`` matter, headings, the body,
# ``<time>``, and what ``body_texts`` leaves unread): one walk of the tree finds them all, where
# a walk per tag took as long each. lxml's iterator looks one match ahead, so even
# ``next(root.iter("body"))`` walks the whole body. The links are many, and wanted on half the
# pages: they are found by a walk of their own, when asked.
_INDEXED_TAGS = frozenset(
    ("script", "meta", "title", "link", "h1", "h2", "h3", "body", "time", *_UNREAD)
)


class PageView:
    """What the metadata readers of one page share, each found once and only when asked:
    the elements of ``_INDEXED_TAGS`` by tag, the links, ``body_texts`` as a list, and the
    elements by ``itemprop``."""

    __slots__ = ("_by_tag", "_indexed", "_itemprops", "_links", "_tags", "_texts", "root")

    def __init__(self, root: lxml_html.HtmlElement) -> None:
        self.root = root
        self._indexed: list[lxml_html.HtmlElement] | None = None
        self._tags: list[str] = []  # the tag of each indexed element
        self._by_tag: dict[str, list[lxml_html.HtmlElement]] = {}
        self._links: list[lxml_html.HtmlElement] | None = None
        self._texts: list[str] | None = None
        self._itemprops: dict[str, list[lxml_html.HtmlElement]] | None = None

    def iter(self, *tags: str) -> list[lxml_html.HtmlElement]:
        """``root.iter(*tags)`` for tags of ``_INDEXED_TAGS``: the elements in document order.

        >>> page = PageView(lxml_html.fromstring("<div><h3>a</h3><h2>b</h2><h1>c</h1></div>"))
        >>> [h.text for h in page.iter("h2", "h3")], [h.text for h in page.iter("h1")]
        (['a', 'b'], ['c'])
        """
        if not _INDEXED_TAGS.issuperset(tags):
            raise ValueError(f"not indexed: {sorted(set(tags) - _INDEXED_TAGS)}")
        if self._indexed is None:
            self._indexed = list(self.root.iter(*_INDEXED_TAGS))
            # Each tag read once: lxml makes a new string each time it is asked for one.
            self._tags = [str(element.tag) for element in self._indexed]
            for element, tag in zip(self._indexed, self._tags, strict=True):
                self._by_tag.setdefault(tag, []).append(element)
        if len(tags) == 1:
            return self._by_tag.get(tags[0], [])
        return [
            element for element, tag in zip(self._indexed, self._tags, strict=True) if tag in tags
        ]

    def links(self) -> list[lxml_html.HtmlElement]:
        """``root.iter("a")``: the page's links, in document order."""
        if self._links is None:
            self._links = list(self.root.iter("a"))
        return self._links

    @property
    def body(self) -> lxml_html.HtmlElement:
        """``next(root.iter("body"), root)``: the page's body, or the root when it has none."""
        return next(iter(self.iter("body")), self.root)

    def texts(self) -> list[str]:
        """``body_texts`` of the page."""
        if self._texts is None:
            self._texts = list(_texts_of(self.body, set(self.iter(*_UNREAD))))
        return self._texts

    def itemprop(self, name: str) -> list[lxml_html.HtmlElement]:
        """``itemprop(root, name)`` of the page, every name found in one pass."""
        if self._itemprops is None:
            self._itemprops = {}
            values = _ITEMPROPS(self.root)
            assert isinstance(values, list)
            for value in values:
                self._itemprops.setdefault(str(value), []).append(value.getparent())
        return self._itemprops.get(name, [])


def looks_like_url(value: str) -> bool:
    return _URL_LIKE.match(value) is not None


class MetaTags:
    """``<meta>`` values by lower-cased ``property``/``name``/``itemprop``/``http-equiv``."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[str, list[str]] = {}

    def add(self, key: str, value: str) -> None:
        self._values.setdefault(key, []).append(value)

    def first(self, key: str) -> str | None:
        values = self._values.get(key)
        return values[0] if values else None

    def all(self, key: str) -> list[str]:
        return self._values.get(key, [])

    def names(self) -> Iterable[str]:
        """The names, in the order the page first gives each."""
        return self._values.keys()


def meta_tags(page: PageView) -> MetaTags:
    tags = MetaTags()
    for meta in page.iter("meta"):
        value = clean_value(meta.get("content"))
        if value is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                tags.add(key.strip().lower(), value)
    return tags


def word_set(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


# The values of every ``itemprop``, found in C: half the cost of asking each element for one.
_ITEMPROPS = etree.XPath("descendant-or-self::*/@itemprop")


def itemprop(root: lxml_html.HtmlElement, name: str) -> Iterator[lxml_html.HtmlElement]:
    """``root`` and its descendants whose ``itemprop`` is ``name``, in document order."""
    values = _ITEMPROPS(root)
    assert isinstance(values, list)
    for value in values:
        if value == name:
            yield value.getparent()


def lines_after_headline(
    h1: lxml_html.HtmlElement | None, holds: Callable[[str], bool]
) -> Iterator[str]:
    """The short texts of the elements that follow the headline, within a budget of text,
    that ``holds`` the wanted words; each with its block-level boxes on lines of their own
    (see ``_box_text``).

    What ``holds`` looks for is words without anchors or boundaries: an element's text that
    does not hold it has no part that does, so the texts inside it are not read.
    """
    if h1 is None:
        return
    budget = 0
    following = (
        element
        for level in (h1, *list(h1.iterancestors())[:_HEADLINE_LEVELS])
        for element in level.itersiblings()
    )
    without: set[lxml_html.HtmlElement] = set()  # elements whose text does not hold it
    for element in following:
        for inner in element.iter(etree.Element):
            if inner.tag in ("script", "style"):
                continue
            budget += len(inner.text or "") + len(inner.tail or "")
            if budget > NEAR_HEADLINE_CHARS:
                return
            if inner.getparent() in without:
                without.add(inner)
                continue
            # ``text_content()``, serialised in C without evaluating an XPath expression.
            text = etree.tostring(inner, method="text", encoding=str, with_tail=False)
            if not holds(text):
                without.add(inner)
            elif len(text) <= MAX_DATE_LINE * 2:
                yield _box_text(inner)


def _box_text(element: lxml_html.HtmlElement) -> str:
    """The element's text as a browser lays it out: each block-level box on a line of its
    own, inline pieces apart by a space (``<a>Ann Lee</a><span>Updated</span>`` is not
    "Ann LeeUpdated"), no space left before punctuation that ends a piece."""
    pieces: list[str] = []

    def add(node: lxml_html.HtmlElement) -> None:
        block = node.tag in _BOX_TAGS
        pieces.append("\n" if block else " ")
        pieces.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str) and child.tag not in ("script", "style"):
                add(child)
            pieces.append(child.tail or "")
        pieces.append("\n" if block else " ")

    add(element)
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(_SPACE_BEFORE_PUNCTUATION.sub(r"\1", line) for line in lines if line)
