"""JSON-LD as CMSs write it, not quite JSON: a raw newline or tab inside a string, a comma
after the last item. The block is read; one still broken is skipped, never fatal. What such
a block states for the page's address yields to the page's own where it names another."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document
from scrubwarc.read.jsonld import blocks


def _script(raw: str) -> str:
    return f'<script type="application/ld+json">{raw}</script>'


@pytest.mark.parametrize(
    "raw",
    [
        '{"@type": "NewsArticle", "headline": "Rain", "author": {"name": "Ann Lee"},}',
        '{"@type": "NewsArticle", "headline": "Rain", "author": [{"name": "Ann Lee"},],}',
        '{"@type": "NewsArticle", "headline": "Rain",\n "description": "Line one\nline two",'
        ' "author": {"name": "Ann\tLee"}}',
    ],
)
def test_a_block_as_cms_write_it_is_read(raw: str) -> None:
    page = f"<html><head>{_script(raw)}</head><body><p>Story.</p></body></html>"
    assert read_html_metadata(parse_document(page.encode())).authors == ("Ann Lee",)


def test_a_block_still_broken_is_skipped() -> None:
    broken = _script('{"a": ,}')
    root = parse_document(("<html><head>" + broken + "</head></html>").encode())
    assert list(blocks(root.iter("script"))) == []


@pytest.mark.parametrize(
    ("stated", "own", "url"),
    [
        # A template's glued host, its placeholder, the section or the home: the page's own.
        ("https://www.ex.comrain-again", "https://www.ex.com/news/rain-again", "own"),
        ("https://google.com/article", "https://www.ex.com/news/rain-again", "own"),
        ("https://www.ex.com/news/", "https://www.ex.com/news/rain-again.html", "own"),
        ("https://www.ex.com", "https://www.ex.com/news/rain-again", "own"),
        # The same page, or another address of the same site: the JSON-LD's stands.
        ("https://www.ex.com/news/rain-again", "https://www.ex.com/news/rain-again/", "stated"),
        ("https://ann.substack.com/p/rain", "https://substack.com/home/post/p-1", "stated"),
        ("https://ex.com/2019/rain/", "https://social.ex.com/2019/rain/", "stated"),
    ],
)
def test_the_address_stated_for_another_page_yields_to_the_page_own(
    stated: str, own: str, url: str
) -> None:
    ld = '{"@type": "NewsArticle", "headline": "Rain", "mainEntityOfPage": {"@id": "%s"}}'
    head = _script(ld % stated) + f'<link rel="canonical" href="{own}">'
    page = f"<html><head>{head}</head><body><p>Story.</p></body></html>"
    found = read_html_metadata(parse_document(page.encode())).url
    assert found == (own if url == "own" else stated)
