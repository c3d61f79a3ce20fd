"""A publication date is never after the page was captured, nor far in the future."""

from __future__ import annotations

import pytest

from scrubwarc.article import process
from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document

FILLER = "<p>" + "Words of the story go on and on. " * 40 + "</p>"
LATEST = "2026-12-04"


def date_of(head: str, body: str, latest: str | None = LATEST) -> str | None:
    page = f"<html><head>{head}</head><body>{body}{FILLER}</body></html>"
    return read_html_metadata(parse_document(page.encode()), latest).date


def ld(published: str) -> str:
    return (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{published}"}}</script>'
    )


@pytest.mark.parametrize(
    ("head", "body", "date"),
    [
        # A stated date to come gives way to the next statement, or to the shown one.
        (ld("2031-05-04") + '<meta property="article:published_time" content="2024-03-04">',
         "<h1>Rain</h1>", "2024-03-04"),
        (ld("2099-01-01"), "<h1>Rain</h1><p>March 3, 2024</p>", "2024-03-03"),
        ('<meta name="date" content="2031-05-04">', "<h1>Rain</h1>", None),
        # An event's date by the headline, an "Updated 2031" revision, a <time>, an address.
        ("", "<h1>Rain</h1><p>The festival opens on 12 May 2031.</p>", None),
        ("", "<h1>Rain</h1><p>Concert: 12 May 2031</p><p>Posted 3 March 2024</p>",
         "2024-03-03"),
        ("", f"<h1>Rain</h1>{FILLER}<p>Last updated: 2 May 2031</p>", None),
        ("", '<h1>Rain</h1><time datetime="2030-01-02">Jan 2</time>', None),
        # The day after the bound is a time zone away from it, not the future.
        ("", "<h1>Rain</h1><p>December 4, 2026</p>", "2026-12-04"),
    ],
)  # fmt: skip
def test_a_date_after_the_latest_day_is_not_the_publication(
    head: str, body: str, date: str | None
) -> None:
    assert date_of(head, body) == date


def test_without_a_bound_a_stated_date_is_taken_as_before() -> None:
    assert date_of(ld("2031-05-04"), "<h1>Rain</h1>", latest=None) == "2031-05-04"


def test_the_capture_date_bounds_the_page() -> None:
    page = (
        f"<html><head><title>Rain</title>{ld('2024-03-06')}</head>"
        f"<body><h1>Rain</h1>{FILLER}</body></html>"
    ).encode()
    assert process(page, html=True).metadata.date == "2024-03-06"
    assert process(page, html=True, captured="2024-03-04T10:00:00Z").metadata.date is None
    assert process(page, html=True, captured="2024-03-05T10:00:00Z").metadata.date == "2024-03-06"


def test_a_text_article_dated_far_in_the_future_has_no_date() -> None:
    text = b"Storm hits coast\n\nBy Ann Lee\n\nMay 2, 2099\n\nIt rained all day in the valley."
    assert process(text).metadata.date is None
    assert process(text.replace(b"2099", b"2024")).metadata.date == "2024-05-02"
