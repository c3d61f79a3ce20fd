"""Of the article objects a page's JSON-LD states (a related story, a list, a live blog's
posts), the page's own is read: the one its address names; and an author it names in parts."""

from __future__ import annotations

import json

import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata
from scrubwarc.read.html import parse_document

_OLD = {
    "@type": "NewsArticle",
    "headline": "Old story",
    "author": {"@type": "Person", "name": "Bo Chan"},
    "datePublished": "2020-01-01",
    "url": "https://ex.com/news/old-story",
}
_OWN = {
    "@type": "NewsArticle",
    "headline": "Rain again",
    "author": {"@type": "Person", "name": "Ann Lee"},
    "datePublished": "2024-03-03",
}


def meta(ld: object, head: str = "") -> HtmlMetadata:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    page = f"<html><head>{head}{script}</head><body><p>Story.</p></body></html>"
    return read_html_metadata(parse_document(page.encode()))


_CANONICAL = '<link rel="canonical" href="https://ex.com/news/rain-again/">'
_OG_URL = '<meta property="og:url" content="https://ex.com/news/rain-again">'


@pytest.mark.parametrize(
    ("own", "head"),
    [
        ({**_OWN, "url": "https://ex.com/news/rain-again"}, _CANONICAL),
        ({**_OWN, "mainEntityOfPage": {"@id": "https://ex.com/news/rain-again/"}}, _OG_URL),
        ({**_OWN, "@id": "https://ex.com/news/rain-again/#article"}, _CANONICAL),
        (_OWN, _CANONICAL),  # it gives no address; the related story gives another page's
    ],
)
def test_a_related_article_stated_first_is_not_the_page(own: dict[str, object], head: str) -> None:
    for ld in ([_OLD, own], {"@graph": [_OLD, own]}):
        found = meta(ld, head)
        assert (found.title, found.authors, found.date) == (
            "Rain again",
            ("Ann Lee",),
            "2024-03-03",
        )


def test_the_first_article_stands_when_no_address_tells() -> None:
    assert meta([_OLD, _OWN]).title == "Old story"


def test_a_live_blog_is_read_before_its_posts() -> None:
    post = {**_OLD, "@type": "BlogPosting", "url": "https://ex.com/news/rain-again#post-2"}
    blog = {**_OWN, "@type": "LiveBlogPosting", "url": "https://ex.com/news/rain-again"}
    assert meta([blog, post], _CANONICAL).title == "Rain again"


def test_an_author_named_in_parts() -> None:
    person = {"@type": "Person", "givenName": "Ann", "familyName": "Lee"}
    assert meta({**_OWN, "author": person}).authors == ("Ann Lee",)
    assert meta({**_OWN, "author": [person, {"@type": "Person", "name": "Bo Chan"}]}).authors == (
        "Ann Lee",
        "Bo Chan",
    )
