"""What the metadata readers of a page share (``PageView``) and the walks near the headline
give what the plain walks over the whole tree give, on the golden pages and on pages built to
reach the shortcuts (nested elements without the wanted word, headlines deep in the page)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from scrubwarc.meta import htmldates
from scrubwarc.meta.htmltext import (
    MAX_DATE_LINE,
    NEAR_HEADLINE_CHARS,
    PageView,
    _box_text,
    body_texts,
    itemprop,
    lines_after_headline,
)
from scrubwarc.read.html import parse_document
from tests.helpers import FIXTURES

_BUILT = [
    "<html><head><title>T</title><script type='application/ld+json'>{}</script></head><body>"
    "<nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></nav>"
    "<div><section><h1>Storm hits the coast</h1><div class='meta'><span>By</span> "
    "<a rel='author' href='/author/ann-lee'>Ann Lee</a> <time>May 3, 2024</time></div>"
    "<div><p>It <em>rained <b>all</b> day</em>, said <i>the</i> mayor.</p>"
    "<p itemprop='articleBody'>Roads closed <span>at noon</span> on 2024-05-03.</p></div>"
    "</section><h2>More</h2><p>Words by <b>Bo Chen</b></p></div>"
    "<!-- a comment --><p>Posted on <span>4 May 2024</span></p></body></html>",
    "<html><body><div><div><div><p>" + "x " * 400 + "</p></div></div>"
    "<h1>Deep headline</h1><p>Updated: <b>June 1, 2023</b></p><p>by Al Li</p></div></body></html>",
]


def _pages() -> Iterator[lxml_html.HtmlElement]:
    for path in sorted(Path(FIXTURES).rglob("*.html")):
        yield parse_document(path.read_bytes())
    for page in _BUILT:
        yield parse_document(page.encode())


def _reference_lines(h1: lxml_html.HtmlElement, wanted: re.Pattern[str]) -> list[str]:
    """``lines_after_headline`` as it read every element's text."""
    found: list[str] = []
    budget = 0
    levels = (h1, *list(h1.iterancestors())[:3])
    for element in (e for level in levels for e in level.itersiblings()):
        for inner in element.iter():
            if not isinstance(inner.tag, str) or inner.tag in ("script", "style"):
                continue
            budget += len(inner.text or "") + len(inner.tail or "")
            if budget > NEAR_HEADLINE_CHARS:
                return found
            text = inner.text_content()
            if len(text) <= MAX_DATE_LINE * 2 and wanted.search(text):
                found.append(_box_text(inner))
    return found


@pytest.mark.parametrize("index", range(len(list(_pages()))))
def test_page_view_gives_what_the_tree_walks_give(index: int) -> None:
    root = list(_pages())[index].getroottree().getroot()
    page = PageView(root)
    for tags in (("script",), ("meta",), ("title",), ("link",), ("h1",), ("h2", "h3")):
        assert page.iter(*tags) == list(root.iter(*tags))
    assert page.iter("script", "meta") == list(root.iter("script", "meta"))
    assert page.links() == list(root.iter("a"))
    assert page.texts() == list(body_texts(root))
    for name in ("articleBody", "author", "datePublished", "name"):
        assert page.itemprop(name) == list(itemprop(root, name))


@pytest.mark.parametrize("index", range(len(list(_pages()))))
def test_walks_from_the_headline_match_the_walks_over_the_tree(index: int) -> None:
    root = list(_pages())[index].getroottree().getroot()
    elements = list(root.iter(etree.Element))
    for h1 in [*root.iter("h1", "h2", "p"), root]:
        position = elements.index(h1)
        assert list(htmldates._after(h1)) == elements[position + 1 :]
        assert list(htmldates._before(h1)) == elements[:position][::-1]
        for wanted in (re.compile(r"by|author", re.I), re.compile("rain")):
            assert list(lines_after_headline(h1, wanted)) == _reference_lines(h1, wanted)


def test_an_unindexed_tag_is_refused() -> None:
    with pytest.raises(ValueError, match="not indexed"):
        PageView(lxml_html.fromstring("<p>a</p>")).iter("p")
