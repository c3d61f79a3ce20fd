"""What an element of a page says about itself: its tag, its class and id words, its text and
its links. The signals that ``selection`` (which subtree holds the article) and ``blocks``
(what inside it is chrome) weigh; nothing here decides alone.
"""

from __future__ import annotations

import functools
import re

import lxml.html
from lxml import etree

__all__ = [
    "BLOCK_TAGS",
    "CHROME_TAGS",
    "COMMENT_RE",
    "DROP_TAGS",
    "Element",
    "chrome_chain",
    "chrome_words",
    "class_weight",
    "direct_text",
    "element_hints",
    "element_text",
    "is_chrome",
    "is_negative",
    "is_positive",
    "is_teaser",
    "letters",
    "link_density",
    "link_letters",
    "measured_len",
]

Element = lxml.html.HtmlElement

# Never article text, wherever they are.
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
        "canvas", "video", "audio", "button", "select", "textarea", "input", "form", "nav",
        "aside", "footer", "header", "figcaption", "head", "title", "meta", "link",
        "label", "dialog", "menu", "h1", "picture", "map", "rt", "rp",
        # AMP's own elements for the same things (an ad's placeholder reads "Advertisement")
        "amp-ad", "amp-embed", "amp-sticky-ad", "amp-analytics", "amp-pixel", "amp-consent",
        "amp-user-notification", "amp-social-share", "amp-sidebar", "amp-iframe",
        "amp-video", "amp-audio",
    }
)  # fmt: skip
# Tags that end one paragraph and start the next.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
        "thead", "tfoot", "caption", "address", "hr", "center", "details", "summary", "body",
    }
)  # fmt: skip
# Page chrome: paragraphs inside these do not vote for a container.
CHROME_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "dialog", "figure"})

# Class/id words. A boundary is any non-letter, so "ad-slot" and "top_ad" hit but "head" doesn't.
# Every word starts with one of _CHROME_INITIALS: looking for one of those first lets the scan
# pass over the other letters without trying each word (a third faster; this runs on every new
# class name of every page).
_CHROME_INITIALS = "abcdfghmnoprstvw"
_NEGATIVE_RE = re.compile(
    rf"(?=[{_CHROME_INITIALS}])(?:"
    # Long, unambiguous words also hit inside run-together names ("inlinegallery").
    r"share|sharing|related|promo|newsletter|cookie|consent|sidebar|breadcrumb|advert|sponsor|"
    r"banner|popup|gallery|slideshow|carousel|outbrain|taboola|disqus|pagination|footer|"
    r"masthead|navbar|comment(?!ary)|visuallyhidden|pull-?quote|"
    # Short ones only as whole words: "ad" must not hit "header" or "load".
    r"(?<![a-z])(?:ads?|nav|navigation|menu|tags?|more|read-?more|meta|print|hidden|header|"
    r"author|byline|caption|credits?|rating|toolbar|trending|popular|teaser|modal|"
    r"pager|tooltip|widget|gdpr|recirc\w*|subscribe|subscription|signup|slider|"
    # Text for screen readers only (WordPress, Bootstrap); "visually-hidden" hits "hidden".
    r"sr-only|screen-reader(?:-text|-only)?)(?![a-z])"
    r")"
)
COMMENT_RE = re.compile(r"comment(?!ary)|disqus|(?<![a-z])(?:replies|respond)(?![a-z])")
_POSITIVE_RE = re.compile(
    r"(?<![a-z])(?:article|content|entry|post|story|body|main|text|blog|prose|richtext)"
)
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A heading's slug: lower-case words joined by hyphens, five or more, or four with a small word.
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")
_SLUG_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "and",
        "or",
        "how",
        "why",
        "what",
        "your",
        "you",
        "is",
    ]
)
# Characters of text an <article> inside another holds beyond a teaser's headline and line.
_TEASER_PROSE = 600
# Characters of prose a block needs for its class name's full bonus.
_NAMED_PROSE = 500


# ``element_hints`` of an element without class and id.
_NO_HINTS = " "


def element_hints(el: Element) -> str:
    """Class and id, lower case, camelCase split ("adCaption" -> "ad-caption").

    An id made of many words is an anchor slugged from a heading
    ("sharing-with-a-single-developer"), which says what the section is about, not what kind of
    block it is; it gives no hint.
    """
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:  # most elements: no need for the cache
        return _NO_HINTS
    return _hints_of(cls or "", ident or "")


@functools.lru_cache(maxsize=4096)
def _hints_of(cls: str, ident: str) -> str:
    """``element_hints`` of a class and an id; pages repeat a few of them on many elements."""
    if ident and _SLUG_RE.fullmatch(ident):
        words = ident.split("-")
        if len(words) >= 5 or _SLUG_SMALL_WORDS.intersection(words):
            ident = ""
    hints = f"{cls} {ident}"
    if hints.lower() == hints:  # no capital letter, so no camelCase to split (most names)
        return hints
    return _CAMEL_RE.sub("-", hints).lower()


@functools.lru_cache(maxsize=4096)
def chrome_words(hints: str) -> tuple[str, ...]:
    """The chrome words in ``hints``, in order; cached as ``_hints_of`` is."""
    return tuple(m.group(0) for m in _NEGATIVE_RE.finditer(hints))


@functools.lru_cache(maxsize=4096)
def is_positive(hints: str) -> bool:
    """Whether ``hints`` hold an article word."""
    return _POSITIVE_RE.search(hints) is not None


def is_negative(hints: str, layout: frozenset[str]) -> bool:
    """Whether ``hints`` hold a chrome word that is not this page's layout vocabulary."""
    words = chrome_words(hints)
    if not words or not layout:  # the common cases, without a generator
        return bool(words)
    return any(word not in layout for word in words)


def class_weight(el: Element, layout: frozenset[str], prose: int) -> float:
    """What class/id words add to a candidate's votes. A content-sounding name earns its full
    bonus only on a block holding ``_NAMED_PROSE`` characters of prose: on a one-line box
    ("text-content" around a date) a name alone would outvote the article."""
    hints = element_hints(el)
    if len(hints) < 2:
        return 0.0
    weight = 0.0
    if is_positive(hints):
        weight += 25.0 * min(1.0, prose / _NAMED_PROSE)
    if is_negative(hints, layout):
        weight -= 25.0
    if el.get("itemprop") == "articleBody":
        weight += 50.0 * min(1.0, prose / _NAMED_PROSE)
    return weight


def is_teaser(el: Element) -> bool:
    """Repeated ``<article>``s inside another are teasers for other stories (related posts),
    unless they hold prose of their own: a teaser is a headline, a line and links, while the
    items of a listicle or a product round-up are parts of the story."""
    if el.tag != "article" or next(el.iterancestors("article"), None) is None:
        return False
    parent = el.getparent()
    if parent is None or len(parent.findall("article")) < 2:
        return False
    length = letters(element_text(el))
    return length < _TEASER_PROSE or link_density(el, length) > 0.3


def is_chrome(el: Element, layout: frozenset[str] = frozenset()) -> bool:
    tag = el.tag
    if tag in CHROME_TAGS or (tag == "article" and is_teaser(el)):
        return True
    if tag in ("html", "body", "main", "article"):
        return False
    hints = element_hints(el)
    if hints is _NO_HINTS or not chrome_words(hints):  # the common cases: no ``itemprop``
        return False
    return (
        el.get("itemprop") != "articleBody"
        and is_negative(hints, layout)
        and not is_positive(hints)
    )


def chrome_chain(el: Element, memo: dict[Element, tuple[Element, ...]]) -> tuple[Element, ...]:
    """The chrome-looking elements among ``el`` and its ancestors; memoised up the tree."""
    pending: list[Element] = []
    node: Element | None = el
    chain: tuple[Element, ...] = ()
    while node is not None:
        known = memo.get(node)
        if known is not None:
            chain = known
            break
        pending.append(node)
        node = node.getparent()
    for node in reversed(pending):
        if is_chrome(node):
            chain = (*chain, node)
        memo[node] = chain
    return chain


def direct_text(el: Element) -> str:
    text = el.text or ""
    for child in el:
        tail = child.tail
        if tail:
            text += tail
    return text


def element_text(el: Element) -> str:
    """``el.text_content()``, without its XPath query: an element without children is read
    directly, any other is serialised as text in C (a third cheaper than the query)."""
    if len(el):
        return etree.tostring(el, method="text", encoding=str, with_tail=False)
    return el.text or ""


def letters(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def measured_len(el: Element, lengths: dict[Element, int]) -> int:
    """``letters`` of ``el``'s text, kept in ``lengths``: the scores, the widening and the
    walk each ask for the text of the winner and its ancestors."""
    length = lengths.get(el)
    if length is None:
        length = lengths[el] = letters(element_text(el))
    return length


def link_density(el: Element, text_len: int) -> float:
    if text_len <= 0:
        return 0.0
    return min(1.0, link_letters(el) / text_len)


def link_letters(el: Element) -> int:
    """``letters`` of the text of the links in ``el`` (a link inside a link counts twice)."""
    linked = 0
    for a in el.iter("a"):
        text = element_text(a)
        linked += len(text) - text.count(" ") - text.count("\n") - text.count("\t")  # letters
    return linked
