"""Heuristics behind ``htmlpage.extract_text``: which subtree holds the article, what to skip.

Readability-style: text blocks vote for their ancestors (more and longer sentences, more votes),
votes are discounted by link density, and the winner plus its article-like siblings is walked
for text, skipping page chrome found by tag, class/id hints and link density. Nothing here
modifies the tree.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import lxml.html
from lxml import etree

Element = lxml.html.HtmlElement

# Never article text, wherever they are.
_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
        "canvas", "video", "audio", "button", "select", "textarea", "input", "form", "nav",
        "aside", "footer", "header", "figcaption", "head", "title", "meta", "link",
        "label", "dialog", "menu", "h1", "picture", "map",
    }
)  # fmt: skip
# Page chrome: paragraphs inside these do not vote for a container.
_CHROME_TAGS = frozenset({"nav", "aside", "footer", "header", "menu", "dialog", "figure"})
# Tags that end one paragraph and start the next.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
        "thead", "tfoot", "caption", "address", "hr", "center", "details", "summary", "body",
    }
)  # fmt: skip
_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CODE_TAGS = frozenset({"pre", "code"})
# Dropped without a word of visible text: they never make a heading an orphan.
_SILENT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "br"})
# Share of a paragraph's characters inside links above which it is a link, not prose.
_LINKED_PARAGRAPH = 0.8
# Shorter blocks are captions, labels and buttons: they do not vote.
_MIN_VOTER_LEN = 25
_VOTERS = ("p", "pre", "td", "div", "blockquote", "li", "dd")
_DIRECT_TEXT_VOTERS = frozenset({"div", "td", "li", "dd", "blockquote"})

# Class/id words. A boundary is any non-letter, so "ad-slot" and "top_ad" hit but "head" doesn't.
_NEGATIVE_RE = re.compile(
    # Long, unambiguous words also hit inside run-together names ("inlinegallery").
    r"share|sharing|related|promo|newsletter|cookie|consent|sidebar|breadcrumb|advert|sponsor|"
    r"banner|popup|gallery|slideshow|carousel|outbrain|taboola|disqus|pagination|footer|"
    r"masthead|navbar|comment(?!ary)|"
    # Short ones only as whole words: "ad" must not hit "header" or "load".
    r"(?<![a-z])(?:ads?|nav|navigation|menu|tags?|more|read-?more|meta|print|hidden|header|"
    r"author|byline|caption|credits?|rating|toolbar|trending|popular|teaser|modal|"
    r"pager|tooltip|widget|gdpr|recirc\w*|subscribe|subscription|signup|slider)(?![a-z])"
)
_COMMENT_RE = re.compile(r"comment(?!ary)|disqus|(?<![a-z])(?:replies|respond)(?![a-z])")
_POSITIVE_RE = re.compile(
    r"(?<![a-z])(?:article|content|entry|post|story|body|main|text|blog|prose|richtext)"
)
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Hidden panels a reader opens in place, and hidden pop-ups that are not the article.
_PANEL_ROLES = frozenset({"region", "tabpanel"})
_POPUP_ROLES = frozenset({"dialog", "alertdialog", "menu", "tooltip", "listbox"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
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
_URL_RE = re.compile(r"https?://|www\.")
_BLANK_LINES_RE = re.compile(r"\n{2,}")
_SENTENCE_END_RE = re.compile(r"[.!?。！？]['\"”’)]?\s*$")

# A chrome-looking wrapper holding more than this share of the page's prose is layout.
_LAYOUT_SHARE = 0.6
# A chrome word on the wrappers of this share of the page's prose is the page's layout vocabulary.
_WORD_SHARE = 0.4
# A block holding this share of the article region's text is never dropped for its name alone.
_BIG_SHARE = 0.5
# Characters of text an <article> inside another holds beyond a teaser's headline and line.
_TEASER_PROSE = 600
# Dropped blocks are reported by their first characters.
_EXCERPT = 100
# Characters of prose a block needs for its class name's full bonus.
_NAMED_PROSE = 500
# How far up ``_widen`` looks, and what a character of non-prose costs against one of prose.
_WIDEN_LEVELS = 8
_OTHER_COST = 1.5
# An ancestor holding this many times the prose, and more prose than else, holds the article.
_SPLIT_GAIN = 3
# How far above the top candidate the parts of a split article may meet: page builders nest
# each part eight or more wrappers down its own row.
_CHUNK_LEVELS = 10

# Readability's head start by tag: containers of prose up, lists and forms down.
_TAG_PRIOR = {
    "article": 10.0, "main": 5.0, "div": 5.0, "section": 3.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "ol": -3.0, "ul": -3.0, "li": -3.0, "dl": -3.0, "form": -3.0, "th": -5.0,
}  # fmt: skip


def _hints(el: Element) -> str:
    """Class and id, lower case, camelCase split ("adCaption" -> "ad-caption").

    An id made of many words is an anchor slugged from a heading
    ("sharing-with-a-single-developer"), which says what the section is about, not what kind of
    block it is; it gives no hint.
    """
    return _hints_of(el.get("class", ""), el.get("id", ""))


@functools.lru_cache(maxsize=4096)
def _hints_of(cls: str, ident: str) -> str:
    """``_hints`` of a class and an id; pages repeat a few of them on many elements."""
    if ident and _SLUG_RE.fullmatch(ident):
        words = ident.split("-")
        if len(words) >= 5 or _SLUG_SMALL_WORDS.intersection(words):
            ident = ""
    return _CAMEL_RE.sub("-", f"{cls} {ident}").lower()


@functools.lru_cache(maxsize=4096)
def _chrome_words(hints: str) -> tuple[str, ...]:
    """The chrome words in ``hints``, in order; cached as ``_hints_of`` is."""
    return tuple(m.group(0) for m in _NEGATIVE_RE.finditer(hints))


@functools.lru_cache(maxsize=4096)
def _positive(hints: str) -> bool:
    """Whether ``hints`` hold an article word."""
    return _POSITIVE_RE.search(hints) is not None


def _negative(hints: str, layout: frozenset[str]) -> bool:
    """Whether ``hints`` hold a chrome word that is not this page's layout vocabulary."""
    words = _chrome_words(hints)
    if not words or not layout:  # the common cases, without a generator
        return bool(words)
    return any(word not in layout for word in words)


def _class_weight(el: Element, layout: frozenset[str], prose: int) -> float:
    """What class/id words add to a candidate's votes. A content-sounding name earns its full
    bonus only on a block holding ``_NAMED_PROSE`` characters of prose: on a one-line box
    ("text-content" around a date) a name alone would outvote the article."""
    hints = _hints(el)
    if len(hints) < 2:
        return 0.0
    weight = 0.0
    if _positive(hints):
        weight += 25.0 * min(1.0, prose / _NAMED_PROSE)
    if _negative(hints, layout):
        weight -= 25.0
    if el.get("itemprop") == "articleBody":
        weight += 50.0 * min(1.0, prose / _NAMED_PROSE)
    return weight


def _is_teaser(el: Element) -> bool:
    """Repeated ``<article>``s inside another are teasers for other stories (related posts),
    unless they hold prose of their own: a teaser is a headline, a line and links, while the
    items of a listicle or a product round-up are parts of the story."""
    if el.tag != "article" or next(el.iterancestors("article"), None) is None:
        return False
    parent = el.getparent()
    if parent is None or len(parent.findall("article")) < 2:
        return False
    length = _text_len(el.text_content())
    return length < _TEASER_PROSE or _link_density(el, length) > 0.3


def _is_chrome(el: Element, layout: frozenset[str] = frozenset()) -> bool:
    tag = el.tag
    if tag in _CHROME_TAGS or (tag == "article" and _is_teaser(el)):
        return True
    if tag in ("html", "body", "main", "article"):
        return False
    hints = _hints(el)
    if not _chrome_words(hints):  # the common case: no need to read ``itemprop``
        return False
    return el.get("itemprop") != "articleBody" and _negative(hints, layout) and not _positive(hints)


def _chrome_chain(el: Element, memo: dict[Element, tuple[Element, ...]]) -> tuple[Element, ...]:
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
        if _is_chrome(node):
            chain = (*chain, node)
        memo[node] = chain
    return chain


def _direct_text(el: Element) -> str:
    text = el.text or ""
    for child in el:
        tail = child.tail
        if tail:
            text += tail
    return text


def _text(el: Element) -> str:
    """``el.text_content()``; an element without children is read directly, since
    ``text_content`` is an XPath query, which costs many times reading ``.text``."""
    if len(el):
        return el.text_content()
    return el.text or ""


def _text_len(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def _measured(el: Element, lengths: dict[Element, int]) -> int:
    """``_text_len`` of ``el``'s text, kept in ``lengths``: the scores, the widening and the
    walk each ask for the text of the winner and its ancestors."""
    length = lengths.get(el)
    if length is None:
        length = lengths[el] = _text_len(el.text_content())
    return length


def _link_density(el: Element, text_len: int) -> float:
    if text_len <= 0:
        return 0.0
    return min(1.0, _link_len(el) / text_len)


def _link_len(el: Element) -> int:
    """``_text_len`` of the text of the links in ``el`` (a link inside a link counts twice)."""
    linked = 0
    for a in el.iter("a"):
        text = _text(a)
        linked += len(text) - text.count(" ") - text.count("\n") - text.count("\t")  # _text_len
    return linked


class _Votes(NamedTuple):
    scores: dict[Element, float]
    layout: frozenset[str]
    prose: dict[Element, int]  # characters of voting prose under each element, at any depth


def _votes(doc: Element) -> _Votes:
    """Each text block votes for its parent, and less for grandparents, by how prose-like it is.

    Blocks inside page chrome do not vote, but a chrome-looking wrapper that holds most of the
    page's prose is a layout wrapper ("page-ad-margins", an off-canvas "pusher"), not chrome; so
    is a class that wraps most of the prose in many pieces (a page builder's
    "elementor-widget-container" around every paragraph). Those classes are returned too, so
    the walk does not drop them either. Comment sections never earn that pardon: a long thread
    can outweigh a short story.
    """
    memo: dict[Element, tuple[Element, ...]] = {}
    prose: dict[Element, int] = {}
    by_hints: dict[str, int] = {}
    # Chains are shared tuples (kept alive by ``memo``): what follows from one is worked out once.
    chain_words: dict[int, frozenset[str]] = {}
    blocks: list[tuple[Element, float, int, tuple[Element, ...]]] = []
    total = 0
    for block in doc.iter(*_VOTERS):
        text = _direct_text(block) if block.tag in _DIRECT_TEXT_VOTERS else _text(block)
        if len(text) < _MIN_VOTER_LEN:  # cheap pre-check: most elements are empty wrappers
            continue
        length = _text_len(text)
        if length < _MIN_VOTER_LEN:
            continue
        chrome = _chrome_chain(block, memo)
        total += length
        for wrapper in chrome:
            prose[wrapper] = prose.get(wrapper, 0) + length
        words = chain_words.get(id(chrome))
        if words is None:
            words = frozenset(word for w in chrome for word in _chrome_words(_hints(w)))
            chain_words[id(chrome)] = words
        for word in words:
            by_hints[word] = by_hints.get(word, 0) + length
        commas = text.count(",")
        if not text.isascii():  # constant time: a full-width comma needs a non-ASCII text
            commas += text.count("，")
        vote = 1.0 + commas + min(length / 100.0, 3.0)
        blocks.append((block, vote, length, chrome))
    pardon = total * _LAYOUT_SHARE
    beside = _beside_main(doc, {w for _, _, _, chrome in blocks for w in chrome})
    layout = frozenset(
        w for w, n in by_hints.items() if n >= total * _WORD_SHARE and not _COMMENT_RE.search(w)
    )
    scores: dict[Element, float] = {}
    under: dict[Element, int] = {}
    excluded: dict[int, bool] = {}
    for block, vote, length, chrome in blocks:
        out = excluded.get(id(chrome))
        if out is None:
            out = excluded[id(chrome)] = any(
                ((prose[w] < pardon or w in beside) and _is_chrome(w, layout))
                or _COMMENT_RE.search(_hints(w))
                for w in chrome
            )
        if out:
            continue
        under[block] = under.get(block, 0) + length
        node = block if block.tag in _DIRECT_TEXT_VOTERS else block.getparent()
        for divisor in (1.0, 2.0, 3.0):
            if node is None or not isinstance(node.tag, str):
                break
            scores[node] = scores.get(node, 0.0) + vote / divisor
            node = node.getparent()
    # Each block's prose counts for all its ancestors too. ``memo`` holds every ancestor of
    # every block, each after its parent: backwards, children are summed before parents.
    for node in reversed(memo):
        count = under.get(node)
        if count:
            parent = node.getparent()
            if parent is not None:
                under[parent] = under.get(parent, 0) + count
    # Tag and name count once a candidate's prose is known.
    for node in scores:
        prior = _TAG_PRIOR.get(str(node.tag), 0.0)
        scores[node] += prior + _class_weight(node, layout, under.get(node, 0))
    return _Votes(scores, layout, under)


def _beside_main(doc: Element, wrappers: set[Element]) -> set[Element]:
    """The chrome-tag wrappers (``<footer>``, ``<aside>``...) outside the page's ``<main>``:
    the page itself says they are not its content, however much text they hold."""
    main = next(doc.iter("main"), None)
    if main is None:
        return set()
    around = set(main.iterancestors())
    return {
        w
        for w in wrappers
        if w.tag in _CHROME_TAGS and w not in around and main not in set(w.iterancestors())
    }


class _Scores:
    """Votes discounted by link density, computed only for the candidates that get asked about:
    measuring link text means walking each candidate's whole subtree."""

    __slots__ = ("_final", "_lengths", "votes")

    def __init__(self, votes: dict[Element, float], lengths: dict[Element, int]) -> None:
        self.votes = votes
        self._lengths = lengths
        self._final: dict[Element, float] = {}

    def __contains__(self, el: Element) -> bool:
        return el in self.votes

    def __getitem__(self, el: Element) -> float:
        value = self._final.get(el)
        if value is None:
            density = _link_density(el, _measured(el, self._lengths))
            value = self._final[el] = self.votes.get(el, 0.0) * (1.0 - density)
        return value

    def top(self) -> Element:
        """The best candidate; a discount only lowers a positive vote, so stop early."""
        best: Element | None = None
        best_value = 0.0
        for el in sorted(self.votes, key=self.votes.__getitem__, reverse=True):
            if best is not None and self.votes[el] <= best_value:
                break
            value = self[el]
            if best is None or value > best_value:
                best, best_value = el, value
        assert best is not None
        return best


def _siblings(top: Element, scores: _Scores) -> list[Element]:
    """``top`` and those of its siblings that read like more of the same article."""
    parent = top.getparent()
    if parent is None:
        return [top]
    top_score = scores[top]
    threshold = max(10.0, top_score * 0.2)
    top_class = top.get("class")
    chosen: list[Element] = []
    for sibling in parent:
        if sibling is top:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or sibling.tag in _DROP_TAGS:
            continue
        bonus = top_score * 0.2 if top_class and sibling.get("class") == top_class else 0.0
        if sibling in scores and scores[sibling] + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p":
            text = _text(sibling)
            length = _text_len(text)
            density = _link_density(sibling, length)
            if (length > 80 and density < 0.25) or (
                length > 0 and density == 0 and _SENTENCE_END_RE.search(text)
            ):
                chosen.append(sibling)
    return chosen


def _chunks(top: Element, scores: _Scores) -> list[Element]:
    """Containers built like ``top`` (same tag and class) near it: an article split into parts.

    Sites interleave ads and callouts by closing the body container and opening an identical
    one; sibling merging misses the parts when each sits in its own wrapper.
    """
    top_class = top.get("class")
    if not top_class:
        return []
    nearby = list(top.iterancestors())[:_CHUNK_LEVELS]
    if not nearby:
        return []
    floor = max(10.0, scores[top] * 0.1)
    found: list[Element] = []
    for el in scores.votes:
        if el is top or el.tag != top.tag or el.get("class") != top_class or scores[el] < floor:
            continue
        ancestors = set(el.iterancestors())
        if top in ancestors or el in nearby:
            continue
        if any(a in ancestors for a in nearby):
            found.append(el)
    return found


def _widen(top: Element, prose: dict[Element, int], lengths: dict[Element, int]) -> Element:
    """The ancestor of ``top`` that best holds the whole article: most prose, least else.

    Votes reach three levels up, so an article in sub-headed sections, steps or "page" blocks
    elects one section. Going up gains the sibling sections' prose and costs whatever else the
    wider element holds (menus, link lists, labels, chrome, which do not vote); the ancestor
    with the best balance wins, or one that holds ``_SPLIT_GAIN`` times the prose of the best so
    far and more prose than else (a round-up whose reviews sit deep in product cards beside
    lists of specs: the cards' votes never reach the container that holds them all).
    """
    length = _measured(top, lengths)
    best, best_value = top, float(prose.get(top, 0)) - _OTHER_COST * _other(top, prose, length)
    child = top
    for level, node in enumerate(top.iterancestors()):
        if level >= _WIDEN_LEVELS or node.tag in ("body", "html"):
            break
        known = lengths.get(node)
        length = lengths[node] = _grown_len(node, child, lengths[child]) if known is None else known
        held, other = prose.get(node, 0), _other(node, prose, length)
        value = float(held) - _OTHER_COST * other
        if value > best_value or (held >= _SPLIT_GAIN * prose.get(best, 0) and other <= held):
            best, best_value = node, value
        child = node
    return best


def _grown_len(node: Element, child: Element, child_len: int) -> int:
    """``_text_len`` of ``node``'s text from that of one child: its own text, its other
    children's and every tail are measured, the child's text is not read again (going up a
    deep chain, reading each ancestor's whole text would read the bottom one over and over)."""
    length = _text_len(node.text or "")
    for other in node:
        if other is child:
            length += child_len
        elif isinstance(other.tag, str):
            length += _text_len(_text(other))
        if other.tail:
            length += _text_len(other.tail)
    return length


def _other(el: Element, prose: dict[Element, int], length: int) -> int:
    """Characters of ``el`` (``length`` of them) outside voting prose, links counted as such."""
    return max(0, length - prose.get(el, 0))


def main_content(
    doc: Element, lengths: dict[Element, int] | None = None
) -> tuple[list[Element], frozenset[str]]:
    """The elements that together hold the article, in document order, and the page's layout
    classes (chrome-sounding class names that wrap most of its prose). ``lengths`` keeps the
    text lengths measured on the way (``_measured``), for the caller that reads the article."""
    lengths = {} if lengths is None else lengths
    votes, layout, prose = _votes(doc)
    if not votes:
        body = doc.find("body")
        return [body if body is not None else doc], layout
    scores = _Scores(votes, lengths)
    top = _widen(scores.top(), prose, lengths)
    chosen = _siblings(top, scores)
    chunks = _chunks(top, scores)
    if not chunks:
        return chosen, layout
    candidates = set(chosen).union(chunks)
    roots = [r for r in candidates if not any(a in candidates for a in r.iterancestors())]
    order = {el: i for i, el in enumerate(doc.iter())}
    return sorted(roots, key=order.__getitem__), layout


class Dropped(NamedTuple):
    """A block of the article's region that extraction left out, and why."""

    text: str  # whitespace collapsed, cut to ``_EXCERPT`` characters
    reason: str


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _skip(el: Element, root_len: int, layout: frozenset[str]) -> str | None:
    """Why a subtree inside the article is chrome (by tag, hints, visibility or links), or None.

    Class/id words weigh but never alone drop a block holding a large share of the article's
    prose: only together with links (a share bar or a list of related stories is mostly links).
    """
    tag = el.tag
    if not isinstance(tag, str):
        return "markup"
    if tag == "h1":
        return "headline (shown above the text)"
    if tag in _DROP_TAGS:
        if tag in _CHROME_TAGS and _holds_article(el, root_len):
            return None  # a <header> or <aside> wrapped around the story itself
        return f"<{tag}>"
    if tag == "article" and _is_teaser(el):
        return "teaser for another story"
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return None if _is_collapsed_panel(el) else "hidden"
    style = el.get("style")
    if style and _HIDDEN_STYLE_RE.search(style.lower()):
        return None if _is_collapsed_panel(el) else "hidden"
    if tag == "a":  # a link inside prose is prose, whatever its class ("textTag")
        return None
    hints = _hints(el)
    if len(hints) > 1 and _negative(hints, layout):
        if el.get("itemprop") == "articleBody" or tag in ("article", "main"):
            return None
        if _COMMENT_RE.search(hints):
            return "comments"
        # A negative word is decoration when the block holds much of the article's prose
        # ("article-body share-on", a layout wrapper named after the ads beside it).
        length = _text_len(el.text_content())
        big = length >= root_len * _BIG_SHARE or (length >= 500 and _positive(hints))
        if not big or _link_density(el, length) > 0.3:
            return f"class/id {' '.join(hints.split())[:40]!r}"
        return None
    if tag in ("ul", "ol", "div", "section", "table", "dl"):
        linked = _link_len(el)
        if not linked:  # no link text: no need to measure the block's
            return None
        length = _text_len(el.text_content())
        density = min(1.0, linked / length) if length else 0.0
        if density > 0.5:
            return f"links {density:.0%}"
    return None


def _is_collapsed_panel(el: Element) -> bool:
    """Whether a hidden element is a section the reader opens in place: an accordion's or a
    tab's panel (WAI-ARIA: ``role=region`` or ``tabpanel``, labelled by its toggle), not a
    dialog, a menu or a copy kept for another screen size."""
    role = el.get("role")
    if role in _PANEL_ROLES:
        return True
    return el.get("aria-labelledby") is not None and role not in _POPUP_ROLES


def _holds_article(el: Element, root_len: int) -> bool:
    """Whether ``el`` holds a large share of the region's text, and not as links."""
    length = _text_len(el.text_content())
    return length >= root_len * _BIG_SHARE and _link_density(el, length) <= 0.3


class _Collector:
    """Gathers inline text into paragraphs and judges each paragraph as it closes."""

    __slots__ = ("dropped", "headings", "link_depth", "linked", "out", "pieces")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.dropped: list[Dropped] = []
        self.headings: set[int] = set()  # indexes in ``out`` of paragraphs that were headings
        self.pieces: list[str] = []
        self.linked = 0
        self.link_depth = 0

    def flush(self, heading: bool = False) -> None:
        if not self.pieces:
            return
        raw = "".join(self.pieces)
        linked, self.linked = self.linked, 0
        self.pieces.clear()
        if raw.isspace():  # whitespace between blocks: nothing would be left of it below
            return
        # Collapse whitespace per line; an empty line (``<br><br>``) splits paragraphs.
        # (``str.split()`` splits on exactly what the regex ``\s`` matches, and is faster.)
        if "\n" in raw:
            text = "\n".join(" ".join(line.split()) for line in raw.split("\n")).strip("\n")
            length = _text_len(text)
        else:
            words = raw.split()
            text = " ".join(words)
            length = len(text) - len(words) + 1  # ``_text_len``: one space between words
        if length == 0:
            return
        # A paragraph that is nearly all link text is a teaser ("Read more: <a>...</a>"),
        # unless the link shows its address: that is a citation.
        if linked > _LINKED_PARAGRAPH * length and not _URL_RE.search(text):
            self.dropped.append(Dropped(_excerpt(text), "paragraph of links"))
            return
        if heading:
            self.headings.add(len(self.out))
        if "\n" in text:
            self.out.extend(p.strip("\n") for p in _BLANK_LINES_RE.split(text))
        else:
            self.out.append(text)

    def skipped(self, el: Element, reason: str) -> None:
        """Record a dropped block; a heading directly followed by dropped links or comments
        titled them, not the story ("You may also like", "3 comments"). An ad or a video
        between a heading and its paragraphs does not count.
        """
        if el.tag in _SILENT_TAGS:
            return
        text = _text(el)
        length = _text_len(text)
        if length:
            self.dropped.append(Dropped(_excerpt(text), reason))
        last = len(self.out) - 1
        if self.pieces or last not in self.headings:
            return
        if length >= 40 and (
            _link_density(el, length) >= 0.5 or _COMMENT_RE.search(_hints(el)) is not None
        ):
            self.dropped.append(Dropped(_excerpt(self.out.pop()), "heading of a dropped block"))
            self.headings.discard(last)


class Extraction(NamedTuple):
    """The article's paragraphs, and what was left out of its region with the reasons."""

    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...]


def extract(doc: Element) -> Extraction:
    """Find the article in a parsed page and read its text; see the module docstring."""
    lengths: dict[Element, int] = {}
    roots, layout = main_content(doc, lengths)
    collect = _Collector()
    for root in roots:
        _walk(root, collect, layout, lengths)
    out = collect.out
    while out and len(out) - 1 in collect.headings:  # a closing heading has nothing to head
        collect.headings.discard(len(out) - 1)
        collect.dropped.append(Dropped(_excerpt(out.pop()), "heading with nothing after it"))
    kept = tuple(p for p in out if any(ch.isalnum() for ch in p))
    return Extraction(kept, tuple(collect.dropped))


def _walk(
    root: Element, collect: _Collector, layout: frozenset[str], lengths: dict[Element, int]
) -> None:
    """Text of the kept blocks under ``root``, whitespace collapsed; ``<br>`` is a line break."""
    root_len = _measured(root, lengths)
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[Element] = set()
    pieces = collect.pieces
    code = 0  # depth inside <pre>/<code>: a highlighter's classes ("hljs-comment") name tokens
    for event, el in walker:
        tag = el.tag
        if event == "start":
            reason = None if el is root or code else _skip(el, root_len, layout)
            if reason is not None:
                skipped.add(el)
                walker.skip_subtree()
                collect.skipped(el, reason)
                continue
            if tag in _CODE_TAGS:
                code += 1
            if tag in _BLOCK_TAGS:
                if collect.pieces:  # most blocks open and close with nothing pending
                    collect.flush()
            elif tag == "br":
                pieces.append("\n")
            elif tag == "a":
                collect.link_depth += 1
            text = el.text
            if text:
                pieces.append(text.replace("\n", " "))
                if collect.link_depth:
                    collect.linked += _text_len(text)
        else:
            if tag in _CODE_TAGS and el not in skipped:
                code -= 1
            if el in skipped:
                skipped.discard(el)
            elif tag in _BLOCK_TAGS:
                if collect.pieces:
                    collect.flush(heading=tag in _HEADING_TAGS)
            elif tag == "a":
                collect.link_depth -= 1
            text = el.tail
            if text and el is not root:
                pieces.append(text.replace("\n", " "))
                if collect.link_depth:
                    collect.linked += _text_len(text)
    collect.flush()
