"""Heuristics behind ``read.html.extract_text``: the article's text, read from the subtrees
``selection`` chose, skipping page chrome found by tag, class/id hints, visibility and link
density, and reporting each block it leaves out. Nothing here modifies the tree.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from scrubwarc.read.disclosure import is_control_label
from scrubwarc.read.grid import CELL, CELL_WRAPPERS, ROW_TAGS, is_grid, tabbed
from scrubwarc.read.hints import (
    BLOCK_TAGS,
    CHROME_TAGS,
    COMMENT_RE,
    DROP_TAGS,
    Element,
    element_hints,
    element_text,
    is_negative,
    is_positive,
    is_teaser,
    letters,
    link_density,
    link_letters,
    measured_len,
)
from scrubwarc.read.inline import emoji_text
from scrubwarc.read.lists import item_marker
from scrubwarc.read.notes import is_backlink, note_marker
from scrubwarc.read.quotes import is_pull_quote, repeats
from scrubwarc.read.selection import main_content
from scrubwarc.read.shadow import composed, is_shadow_root, slotting_host

__all__ = ["Dropped", "Extraction", "extract"]

_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_CODE_TAGS = frozenset({"pre", "code"})
# Dropped without a word of visible text: they never make a heading an orphan. A ruby's
# reading (``<rt>``, and ``<rp>`` parentheses) is shown above its characters, not in the line.
_SILENT_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "br", "rt", "rp"}
)
# Share of a paragraph's characters inside links above which it is a link, not prose.
_LINKED_PARAGRAPH = 0.8
# Hidden panels a reader opens in place, and hidden pop-ups that are not the article.
_PANEL_ROLES = frozenset({"region", "tabpanel"})
_POPUP_ROLES = frozenset({"dialog", "alertdialog", "menu", "tooltip", "listbox"})
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_URL_RE = re.compile(r"https?://|www\.")
_BLANK_LINES_RE = re.compile(r"\n{2,}")
# A line break in the page's source is a space, except between two wide (CJK) characters,
# where browsers join the lines (CSS Text 3, segment breaks): Chinese and Japanese pages
# wrapped in their source have no space there. The walk marks source breaks with "\r";
# "\n" is a ``<br>``, which always breaks. Hangul is spaced like Latin and is not joined.
_SOURCE_BREAK = "\r"
_WIDE = (
    "\u2e80-\u2fff\u3000-\u312f\u3190-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uff9f\uffe0-\uffe6\U00020000-\U0003ffff"
)
_WIDE_BREAK_RE = re.compile(rf"([{_WIDE}])[^\S\n]*\r[^\S\n]*(?=[{_WIDE}])")
_BACKTICKS_RE = re.compile(r"`{3,}")
# A character ``str.isalnum`` accepts: a word character (``\w``) that is not the underscore.
_ALNUM_RE = re.compile(r"[^\W_]")
# A block holding this share of the article region's text is never dropped for its name alone.
_BIG_SHARE = 0.5
# Letters a ``<noscript>`` must hold to be taken for the article of a page whose other text is
# shorter than that, and fewer than _PLACEHOLDER letters outside that ``<noscript>``'s copy:
# a placeholder ("Loading…") or a teaser of the copy, not a short article of its own.
_NOSCRIPT_ARTICLE = 200
_PLACEHOLDER = 40
# Dropped blocks are reported by their first characters.
_EXCERPT = 100


class Dropped(NamedTuple):
    """A block of the article's region that extraction left out, and why."""

    text: str  # whitespace collapsed, cut to ``_EXCERPT`` characters
    reason: str


def _fenced(text: str) -> str:
    """A ``<pre>``'s text as a fenced code block: its lines, indentation and spacing are the
    page's, and the cleaning rules leave a fenced block as written (a ``</div>`` or ``}``
    alone on a line of code is code, not residue). The fence is longer than any run of
    backticks inside, so no line of the text closes it.

    >>> print(_fenced("if a:\\n    b()"))
    ```
    if a:
        b()
    ```
    >>> _fenced("```py\\nx\\n```").split("\\n")[0]
    '````'
    """
    runs = _BACKTICKS_RE.findall(text) if "```" in text else ()
    fence = "`" * max(3, 1 + max(map(len, runs), default=0))
    return f"{fence}\n{text}\n{fence}"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _skip(
    el: Element, tag: object, root: Element, root_len: int, layout: frozenset[str]
) -> str | None:
    """Why a subtree inside the article is chrome (by tag, hints, visibility, links or a pull
    quote's repeated words), or None. ``tag`` is ``el.tag``, which the walk has read already.

    Class/id words weigh but never alone drop a block holding a large share of the article's
    prose: only together with links (a share bar or a list of related stories is mostly links).
    """
    if not isinstance(tag, str):
        return "markup"
    if tag == "h1":
        return "headline (shown above the text)"
    if tag in DROP_TAGS:
        if tag == "template" and is_shadow_root(el):
            return None
        if tag in CHROME_TAGS and _holds_article(el, root_len):
            return None  # a <header> or <aside> wrapped around the story itself
        return f"<{tag}>"
    if tag == "article" and is_teaser(el):
        return "teaser for another story"
    if tag == "summary" and is_control_label(el):
        return "control (a <details> block's label)"
    names = el.keys()  # one call, instead of a lookup for each attribute that is absent
    if names:
        if "hidden" in names or ("aria-hidden" in names and el.get("aria-hidden") == "true"):
            return None if _is_collapsed_panel(el) else "hidden"
        style = el.get("style") if "style" in names else None
        if style and _HIDDEN_STYLE_RE.search(style.lower()):
            return None if _is_collapsed_panel(el) else "hidden"
    if tag == "a":  # a link inside prose is prose, whatever its class ("textTag")
        return "footnote's link back" if is_backlink(el) else None
    hints = element_hints(el) if "class" in names or "id" in names else ""
    if len(hints) > 1 and is_negative(hints, layout):
        if el.get("itemprop") == "articleBody" or tag in ("article", "main"):
            return None
        if "pull" in hints and is_pull_quote(hints):  # left out only where it repeats
            return "pull quote (its words are in the article)" if repeats(el, root) else None
        if COMMENT_RE.search(hints):
            return "comments"
        # A negative word is decoration when the block holds much of the article's prose
        # ("article-body share-on", a layout wrapper named after the ads beside it).
        length = letters(element_text(el))
        big = length >= root_len * _BIG_SHARE or (length >= 500 and is_positive(hints))
        if not big or link_density(el, length) > 0.3:
            return f"class/id {' '.join(hints.split())[:40]!r}"
        return None
    if tag in ("ul", "ol", "div", "section", "table", "dl"):
        linked = link_letters(el)
        if not linked:  # no link text: no need to measure the block's
            return None
        length = letters(element_text(el))
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
    length = letters(element_text(el))
    return length >= root_len * _BIG_SHARE and link_density(el, length) <= 0.3


class _Collector:
    """Gathers inline text into paragraphs and judges each paragraph as it closes."""

    __slots__ = ("dropped", "headings", "link_depth", "linked", "marker", "out", "pieces")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.dropped: list[Dropped] = []
        self.headings: set[int] = set()  # indexes in ``out`` of paragraphs that were headings
        self.pieces: list[str] = []
        self.linked = 0
        self.link_depth = 0
        self.marker = ""  # an ordered list item's number, for the item's first paragraph

    def flush(self, heading: bool = False, preformatted: bool = False) -> None:
        pieces = self.pieces
        if not pieces:
            return
        raw = pieces[0] if len(pieces) == 1 else "".join(pieces)
        linked, self.linked = self.linked, 0
        pieces.clear()
        if raw.isspace():  # whitespace between blocks: nothing would be left of it below
            return
        if _SOURCE_BREAK in raw and not raw.isascii():
            raw = _WIDE_BREAK_RE.sub(r"\1", raw)
        # Collapse whitespace per line; an empty line (``<br><br>``) splits paragraphs.
        # (``str.split()`` splits on exactly what the regex ``\s`` matches, and is faster.)
        if preformatted:
            text = "\n".join(line.rstrip() for line in raw.split("\n")).strip("\n")
            length = letters(text)
        elif "\n" in raw:
            text = "\n".join(" ".join(line.split()) for line in raw.split("\n")).strip("\n")
            length = letters(text)
        else:
            words = raw.split()
            text = " ".join(words)
            length = len(text) - len(words) + 1  # ``letters``: one space between words
        if CELL in text:  # rows of a data table
            text = tabbed(text)
            length = letters(text)
        if length == 0:
            return
        # A paragraph that is nearly all link text is a teaser ("Read more: <a>...</a>"),
        # unless the link shows its address: that is a citation.
        if linked > _LINKED_PARAGRAPH * length and not _URL_RE.search(text):
            self.dropped.append(Dropped(_excerpt(text), "paragraph of links"))
            return
        if heading:
            self.headings.add(len(self.out))
        if self.marker:
            text, self.marker = self.marker + text, ""
        if preformatted:
            self.out.append(_fenced(text))
        elif "\n" in text:
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
        text = element_text(el)
        length = letters(text)
        if length:
            self.dropped.append(Dropped(_excerpt(text), reason))
        last = len(self.out) - 1
        if self.pieces or last not in self.headings:
            return
        if length >= 40 and (
            link_density(el, length) >= 0.5 or COMMENT_RE.search(element_hints(el)) is not None
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
    kept = tuple(p for p in out if _ALNUM_RE.search(p))
    if sum(map(letters, kept)) < _NOSCRIPT_ARTICLE:  # nothing, or a placeholder ("Loading…")
        kept = _for_readers_without_scripts(doc, layout, lengths, kept) or kept
    return Extraction(kept, tuple(collect.dropped))


def _for_readers_without_scripts(
    doc: Element, layout: frozenset[str], lengths: dict[Element, int], shown: tuple[str, ...]
) -> tuple[str, ...]:
    """The article a page shows only in ``<noscript>``, when the rest (``shown``) holds no
    more than a placeholder ("Loading…") besides parts of that copy: a page built by scripts
    that leaves a copy for readers (and crawlers) without them. A notice ("Please enable
    JavaScript") is too short to be an article and is not taken; nor is any ``<noscript>``
    beside a short article of its own, which is what a reader with scripts sees.
    """
    collect = _Collector()
    for el in doc.iter("noscript"):
        if not any(a.tag == "noscript" for a in el.iterancestors()):
            _walk(el, collect, layout, lengths)
    kept = tuple(p for p in collect.out if _ALNUM_RE.search(p))
    if sum(map(letters, kept)) < _NOSCRIPT_ARTICLE:
        return ()
    copy = " ".join(" ".join(kept).split())
    own = (p for p in shown if " ".join(p.split()) not in copy)
    return kept if sum(map(letters, own)) < _PLACEHOLDER else ()


def _walk(
    root: Element,
    collect: _Collector,
    layout: frozenset[str],
    lengths: dict[Element, int],
    within: int | None = None,
) -> None:
    """Text of the kept blocks under ``root``, whitespace collapsed; ``<br>`` is a line break.

    ``within`` is the length of the region when ``root`` is a part of it (a shadow host's
    composed copy, read in its place): shares of the article are shares of the region.
    """
    root_len = measured_len(root, lengths) if within is None else within
    walker = etree.iterwalk(root, events=("start", "end"))
    skipped: set[Element] = set()
    pieces = collect.pieces
    code = 0  # depth inside <pre>/<code>: a highlighter's classes ("hljs-comment") name tokens
    pre = 0  # depth inside <pre>: its text keeps its line breaks
    grid: Element | None = None  # the data table being read (``grid``): a row is a line
    cells = 0  # cells read in the current row of ``grid``
    numbers: dict[Element, int] = {}  # each ordered list's last item number (``item_marker``)
    host: Element | None = None  # a shadow host read as drawn: its children are read already
    drawn: set[Element] = set()  # its shadow root and children, skipped with their tails
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if host is not None and el.getparent() is host:
                skipped.add(el)
                drawn.add(el)
                walker.skip_subtree()
                continue
            reason = None if el is root or code else _skip(el, tag, root, root_len, layout)
            if reason is not None:
                skipped.add(el)
                walker.skip_subtree()
                collect.skipped(el, reason)
                continue
            marker = note_marker(el) if (tag == "sup" or tag == "a") and not code else None
            if marker is not None:
                pieces.append(marker)  # read in place of the reference; its tail follows
                skipped.add(el)
                walker.skip_subtree()
                continue
            if tag in _CODE_TAGS:
                code += 1
                pre += tag == "pre"
            if grid is not None and tag in ROW_TAGS:  # a row's cells stay on one line
                if tag == "tr":
                    cells = 0
                elif tag != "tbody" and tag != "thead" and tag != "tfoot":
                    if cells:
                        pieces.append(CELL)
                    cells += 1
            elif grid is not None and tag in CELL_WRAPPERS:
                pass  # a cell's value wrapped in a paragraph: the row goes on (``is_grid``)
            elif tag in BLOCK_TAGS:
                if tag == "table" and grid is None and is_grid(el):
                    grid = el
                if collect.pieces:  # most blocks open and close with nothing pending
                    collect.flush()
                if tag == "li":
                    parent = el.getparent()
                    if parent is not None and parent.tag == "ol":
                        collect.marker = item_marker(el, numbers) or ""
            elif tag == "br":
                pieces.append("\n" if grid is None else " ")  # a data table's row is a line
            elif tag == "a":
                collect.link_depth += 1
            elif tag == "img":
                emoji = emoji_text(el)
                if emoji:
                    pieces.append(emoji)
            elif tag == "template" and (slotting := slotting_host(el)) is not None:
                # Read the host as the browser draws it, its children where its slots are.
                host = slotting
                skipped.add(el)
                drawn.add(el)
                walker.skip_subtree()
                _walk(composed(host), collect, layout, lengths, root_len)
                continue
            text = el.text
            if text:
                pieces.append(text if pre else text.replace("\n", _SOURCE_BREAK))
                if collect.link_depth:
                    collect.linked += letters(text)
        else:
            if el in skipped:
                skipped.discard(el)
                if el in drawn:
                    drawn.discard(el)
                    continue
            else:
                if el is host:
                    host = None
                if grid is not None and tag in ROW_TAGS:
                    if tag == "tr":
                        pieces.append("\n")
                elif grid is not None and tag in CELL_WRAPPERS:
                    pass
                elif tag in BLOCK_TAGS:
                    if el is grid:
                        grid = None
                    if collect.pieces:
                        collect.flush(heading=tag in _HEADING_TAGS, preformatted=pre > 0)
                    if tag == "li":
                        collect.marker = ""  # an item without text shows no number alone
                elif tag == "a":
                    collect.link_depth -= 1
                if tag in _CODE_TAGS:
                    code -= 1
                    pre -= tag == "pre"
            text = el.tail
            if text and el is not root:
                pieces.append(text if pre else text.replace("\n", _SOURCE_BREAK))
                if collect.link_depth:
                    collect.linked += letters(text)
    if within is None:
        collect.flush()
