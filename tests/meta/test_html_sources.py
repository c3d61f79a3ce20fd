"""Authors, dates and titles from the many places a page states them."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata, with_heading
from scrubwarc.read.html import parse_document


def meta(html: str) -> HtmlMetadata:
    return read_html_metadata(parse_document(f"<html>{html}</html>".encode()))


LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        (LD.format('{"@type":"NewsArticle","author":{"@type":"Person","name":"Ann Lee"}}'),
         ("Ann Lee",)),
        (LD.format('{"@type":"Article","author":[{"@type":"Person","name":"Ann Lee"},'
                   '{"@type":"Person","name":"Bo Chen"}]}'), ("Ann Lee", "Bo Chen")),
        (LD.format('{"@graph":[{"@type":"BlogPosting","author":{"@id":"#p"}},'
                   '{"@id":"#p","@type":"Person","name":"Cy Diaz"}]}'), ("Cy Diaz",)),
        (LD.format('{"@type":"Article","author":{"@type":"Organization","name":"Acme Labs"}}'),
         ("Acme Labs",)),
        ('<meta name="author" content="whova">', ("whova",)),
        ('<meta property="article:author" content="https://facebook.com/x">'
         '<meta name="author" content="Ann Lee">', ("Ann Lee",)),
    ],
)  # fmt: skip
def test_authors_from_structured_sources(head: str, authors: tuple[str, ...]) -> None:
    assert meta(f"<head>{head}</head><body><p>x</p></body>").authors == authors


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        ('<span itemprop="author"><span itemprop="name">Ann Lee</span></span>', ("Ann Lee",)),
        ('<a rel="author" href="/a">Ann Lee</a>', ("Ann Lee",)),
        ('<div class="post-byline"><span>By</span><a class="author-name">Ann Lee</a>'
         "<time>March 3, 2024</time></div>", ("Ann Lee",)),
        ("<h1>Storm hits coast</h1><p>By Ann Lee and Bo Chen</p><p>It rained.</p>",
         ("Ann Lee", "Bo Chen")),
    ],
)  # fmt: skip
def test_authors_from_the_page(body: str, authors: tuple[str, ...]) -> None:
    head = "<head><title>Storm hits coast</title></head>"
    assert meta(f"{head}<body>{body}</body>").authors == authors


def test_an_organisation_author_waits_for_a_byline() -> None:
    head = LD.format('{"@type":"Article","author":{"@type":"Organization","name":"Acme"}}')
    body = '<h1>Rain</h1><div class="byline">By Ann Lee</div>'
    assert meta(f"<head>{head}</head><body>{body}</body>").authors == ("Ann Lee",)


def test_a_date_in_plus_nine_stays_on_its_own_day() -> None:
    head = LD.format('{"@type":"NewsArticle","datePublished":"2024-05-03T08:00:00+09:00"}')
    # 08:00 in Tokyo is the previous day in UTC; the page's day is kept.
    assert meta(f"<head>{head}</head>").date == "2024-05-03T08:00:00+09:00"


@pytest.mark.parametrize(
    ("html", "date"),
    [
        ('<head><meta property="article:published_time" content="2024-05-03"></head>',
         "2024-05-03"),
        (LD.format('{"@graph":[{"@type":"WebPage","datePublished":"2023-01-02T10:00:00Z"}]}'),
         "2023-01-02T10:00:00+00:00"),
        ('<body><span itemprop="datePublished" content="2022-07-08"></span></body>',
         "2022-07-08"),
        ("<body><h1>Rain</h1><div>By Ann Lee | Published August 7, 2023</div></body>",
         "2023-08-07"),
        ("<body><h1>Rain</h1><p>Updated March 9, 2024</p><p>Posted 2 March 2024</p></body>",
         "2024-03-02"),
        ("<body><h1>Rain</h1><p>Updated March 9, 2024</p></body>", "2024-03-09"),
        ('<body><time datetime="2021-11-12">Nov 12</time></body>', "2021-11-12"),
        ('<head><link rel="canonical" href="https://ex.com/2020/02/29/leap/"></head>',
         "2020-02-29"),
    ],
)  # fmt: skip
def test_dates_from_each_source(html: str, date: str) -> None:
    assert meta(html).date == date


def test_a_date_in_prose_far_below_the_headline_is_not_the_date() -> None:
    filler = "<p>" + "Words of the story go on and on. " * 80 + "</p>"
    body = f"<h1>Rain</h1>{filler}<p>It ended on June 3, 2019.</p>"
    assert meta(f"<body>{body}</body>").date is None


def test_the_title_is_the_h1_the_stated_titles_agree_with() -> None:
    head = ('<title>Garlic: how to plant it in 2025 | Garden Co</title>'
            '<meta property="og:title" content="How to plant garlic in 2025">')  # fmt: skip
    body = "<h1>Garden Co</h1><h1>How to plant garlic</h1><p>Text.</p>"
    assert meta(f"<head>{head}</head><body>{body}</body>").title == "How to plant garlic"


def test_a_short_description_is_not_the_title() -> None:
    # Wikipedia-style: the <h1> is the headline; a short description sits beside it.
    head = "<title>Garlic - Wikipedia</title>"
    body = ('<h1>Garlic</h1><div class="shortdescription">Species of flowering plant</div>'
            "<p>Garlic is a species of bulbous flowering plant.</p>")  # fmt: skip
    assert meta(f"<head>{head}</head><body>{body}</body>").title == "Garlic"


def test_with_heading_without_metadata_is_the_body() -> None:
    assert with_heading(HtmlMetadata(), "Body.") == "Body."
    assert with_heading(HtmlMetadata(title="T"), "") == "T\n"
