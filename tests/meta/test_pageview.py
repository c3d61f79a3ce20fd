"""What the metadata readers of a page share (``PageView``) and the walks near the headline
give what the plain walks over the whole tree give, on the golden pages and on pages built to
reach the shortcuts (nested elements without the wanted word, headlines deep in the page)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from lxml import html as lxml_html

from scrubwarc.meta import bylinehints, htmlauthors, htmldates, htmldatesigns, htmlshown, htmltext
from scrubwarc.meta.htmltext import (
    DATE_IN_LINE,
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
    for more in (("body",), ("time",), ("script", "style", "noscript")):
        assert page.iter(*more) == list(root.iter(*more))
    assert page.body is next(root.iter("body"), root)
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
            holds = functools.partial(_holds, wanted)
            assert list(lines_after_headline(h1, holds)) == _reference_lines(h1, wanted)
        by_line = _reference_lines(h1, bylinehints.LEAD_IN_WORD)
        assert list(lines_after_headline(h1, bylinehints.has_lead_in_word)) == by_line
        by_line = _reference_lines(h1, bylinehints.LEAD_IN_WORDS)
        assert list(lines_after_headline(h1, bylinehints.has_any_lead_in_word)) == by_line


def _reference_labelled_date(page: PageView, label: re.Pattern[str]) -> str | None:
    """``_labelled_date`` as it searched every line for a digit."""
    previous = ""
    for line in page.texts():
        if len(line) <= MAX_DATE_LINE:
            for found in DATE_IN_LINE.finditer(line):
                prefix = line[: found.start()] or previous
                if htmldatesigns.labels(label, prefix) and (
                    parsed := _shown_with_time(line, found)
                ):
                    return parsed
        previous = line
    return None


def _shown_with_time(line: str, found: re.Match[str]) -> str | None:
    return htmlshown.ShownDates(None)._with_time(line, found)[0]


_LABELLED = [
    "<p>Posted on</p><p>12 May 2024</p><p>Updated 2024-06-01</p>",
    "<p>2023-01-02</p><p>Published: <b>"
    + "x" * 200
    + " 3 May 2024</b></p><p>Published 4 May 2024</p>",
    "<p>No 7 date</p><p>Published</p><p>" + "y" * 151 + " 1 June 2021</p><p>5/6/2022</p>",
]


@pytest.mark.parametrize("index", range(len(list(_pages())) + len(_LABELLED)))
def test_labelled_dates_are_those_of_the_line_by_line_search(index: int) -> None:
    pages = [
        *_pages(),
        *(parse_document(f"<html><body>{b}</body></html>".encode()) for b in _LABELLED),
    ]
    page = PageView(pages[index].getroottree().getroot())
    for label in (htmldatesigns.PUBLISHED_LABEL, htmldatesigns.UPDATED_LABEL):
        shown = htmlshown.ShownDates(None)
        assert htmldates._labelled_date(page, label, shown) == _reference_labelled_date(page, label)


def _holds(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


# Letters of the words, in both cases, with the letters the regex's case folding matches to
# them ("ı" and "İ" to "i", "ſ" to "s", the Kelvin sign to "k") and others that are not ASCII.
_NEAR_WORDS = st.text(
    st.sampled_from(
        "abyAUTHORthorBYLINElinewriterWRITER \u0131\u0130\u017f\u212a\u00e9-_vonVONpdiAVse"
        "\u0430\u0432\u0442\u043e\u0440"
    )
)


@given(_NEAR_WORDS)
def test_the_word_searches_find_what_their_regexes_find(text: str) -> None:
    assert bylinehints.has_lead_in_word(text) == _holds(bylinehints.LEAD_IN_WORD, text)
    assert bylinehints.has_any_lead_in_word(text) == _holds(bylinehints.LEAD_IN_WORDS, text)
    assert bylinehints.has_byline_hint(text) == _holds(bylinehints.BYLINE_HINTS, text)


@pytest.mark.parametrize("index", range(len(list(_pages()))))
def test_the_word_searches_agree_with_their_regexes_on_the_pages(index: int) -> None:
    root = list(_pages())[index].getroottree().getroot()
    for element in root.iter(etree.Element):
        for value in (element.get("class"), element.get("id"), element.text_content()):
            if value is not None:
                assert bylinehints.has_byline_hint(value) == _holds(bylinehints.BYLINE_HINTS, value)
                assert bylinehints.has_lead_in_word(value) == _holds(
                    bylinehints.LEAD_IN_WORD, value
                )
                assert bylinehints.has_any_lead_in_word(value) == _holds(
                    bylinehints.LEAD_IN_WORDS, value
                )


def test_a_page_without_a_body_reads_its_root() -> None:
    root = lxml_html.fragment_fromstring(
        "<div><p>By <b>Ann</b> Lee<script>x</script> in Rome</p></div>"
    )
    page = PageView(root)
    assert page.body is root
    assert page.texts() == list(body_texts(root)) == ["By", "Ann", "Lee", "in Rome"]


def test_the_byline_under_the_headline_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Structured data naming only an outlet, then no other statement: the byline under the
    headline is asked for by both the check of the stated names and the sources after them."""
    calls: list[object] = []
    read = htmlauthors._by_line_near_headline

    def counted(headline: lxml_html.HtmlElement | None, **options: bool) -> Iterator[str]:
        calls.append(headline)
        return read(headline, **options)

    monkeypatch.setattr(htmlauthors, "_by_line_near_headline", counted)
    root = parse_document(b"<html><body><h1>Storm hits</h1><p>Rain all day.</p></body></html>")
    page = PageView(root.getroottree().getroot())
    h1 = page.iter("h1")[0]
    meta = htmltext.meta_tags(page)
    assert htmlauthors.read_authors(page, meta, h1, ("Reuters",), (), ()) == ("Reuters",)
    assert calls == [h1]


def test_an_unindexed_tag_is_refused() -> None:
    with pytest.raises(ValueError, match="not indexed"):
        PageView(lxml_html.fromstring("<p>a</p>")).iter("p")
