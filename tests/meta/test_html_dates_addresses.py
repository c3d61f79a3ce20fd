"""HTML dates: Unix times stated in meta tags, compact dates in the address, a date in its
slug as the last resort, and the <time> of a related story set aside from the article."""

from __future__ import annotations

import lxml.html
import pytest

from scrubwarc.meta.html import read_html_metadata

_TEXT = "<p>" + "The council met again on the bridge works. " * 12 + "</p>"


def _date(head: str = "", body: str = "") -> str | None:
    page = (
        f'<html><head><meta charset="utf-8"><title>Rain | Drip</title>{head}</head>'
        f"<body><h1>Rain</h1>{_TEXT}{body}</body></html>"
    )
    return read_html_metadata(lxml.html.fromstring(page.encode())).date


@pytest.mark.parametrize("stamp", ["1709546400", "1709546400000"])
def test_a_unix_time_in_a_publication_tag(stamp: str) -> None:
    head = f'<meta name="publish-date" content="{stamp}">'
    assert _date(head) == "2024-03-04T10:00:00+00:00"


def test_a_number_that_is_no_unix_time_is_no_date() -> None:
    assert _date('<meta name="publish-date" content="170954640">') is None


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.com/news/20240304/rain",
        "https://ex.com/news/2024-03-04/rain",
        "https://ex.com/news/2024-03-04-rain-again",
    ],
)
def test_a_compact_date_in_the_address(url: str) -> None:
    assert _date(f'<link rel="canonical" href="{url}">') == "2024-03-04"


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.com/news/202403041/rain",
        "https://ex.com/p/20241304/",
        "https://ex.com/?d=20240304",
    ],
)
def test_numbers_in_the_address_that_are_no_date(url: str) -> None:
    assert _date(f'<link rel="canonical" href="{url}">') is None


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.com/news/rain-2024-03-04",
        "https://ex.com/news/rain-20240304.html",
        "https://ex.com/news/rain_2024-03-04-update/",
        "https://ex.com/2024-03-04/rain",
    ],
)
def test_a_date_in_the_slug_dates_a_page_nothing_else_dates(url: str) -> None:
    assert _date(f'<link rel="canonical" href="{url}">') == "2024-03-04"


def test_a_date_in_the_slug_comes_after_everything_the_page_states() -> None:
    canonical = '<link rel="canonical" href="https://ex.com/news/rain-2024-03-04">'
    updated = "<p>Updated 5 March 2024</p>"
    assert _date(canonical, updated) == "2024-03-05"
    stated = '<meta property="article:published_time" content="2024-03-01">'
    assert _date(canonical + stated) == "2024-03-01"


@pytest.mark.parametrize(
    "url",
    [
        "https://ex.com/news/rain-202403041",
        "https://ex.com/p-20240304123/",
        "https://ex.com/news/rain?id=20240304",
        "https://ex.com/news/rain-2024-02-30",
    ],
)
def test_numbers_in_a_slug_that_are_no_date(url: str) -> None:
    assert _date(f'<link rel="canonical" href="{url}">') is None


def test_a_date_in_the_slug_after_the_capture_is_none() -> None:
    canonical = '<link rel="canonical" href="https://ex.com/news/rain-2031-03-04">'
    page = f"<html><head>{canonical}</head><body><h1>Rain</h1>{_TEXT}</body></html>"
    assert read_html_metadata(lxml.html.fromstring(page), latest="2026-12-04").date is None


@pytest.mark.parametrize("box", ["aside", "nav"])
def test_the_time_of_a_related_story_set_aside(box: str) -> None:
    related = f'<{box}><h3>Related</h3><time datetime="2023-01-01">1 Jan</time></{box}>'
    assert _date(body=related) is None
    article = '<footer><time datetime="2024-03-04">4 March</time></footer>'
    assert _date(body=article + related) == "2024-03-04"
