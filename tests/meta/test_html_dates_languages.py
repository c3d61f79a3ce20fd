"""HTML dates: the lines a page shows read in its language, and placeholders stated for no date."""

from __future__ import annotations

import lxml.html
import pytest

from scrubwarc.meta.html import read_html_metadata

_TEXT = "<p>" + "The council met again on the bridge works. " * 12 + "</p>"


def _date(body: str, lang: str = "", head: str = "") -> str | None:
    page = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Rain | Drip</title>{head}'
        f"</head><body><h1>Rain</h1>{body}{_TEXT}</body></html>"
    )
    return read_html_metadata(lxml.html.fromstring(page.encode())).date


@pytest.mark.parametrize(
    ("lang", "line", "date"),
    [
        ("fr", "Publié le 3 mars 2024 à 10h30", "2024-03-03T10:30:00"),
        ("fr-CA", "3 mars 2024", "2024-03-03"),
        ("de", "Veröffentlicht am 3. März 2024", "2024-03-03"),
        ("es", "3 de marzo de 2024", "2024-03-03"),
        ("pt-BR", "3 de março de 2024", "2024-03-03"),
        ("ru", "4 марта 2024, 10:30", "2024-03-04T10:30:00"),
        ("pl", "3 marca 2024", "2024-03-03"),
        ("ja", "2024年3月4日 10:30", "2024-03-04T10:30:00"),
        ("", "2024年3月4日", "2024-03-04"),  # CJK dates are read in any page
    ],
)
def test_a_dateline_in_the_pages_language(lang: str, line: str, date: str) -> None:
    assert _date(f"<div>{line}</div>", lang) == date


def test_a_month_of_another_language_is_no_date_in_english() -> None:
    assert _date("<div>3 mars 2024</div>", "en") is None


@pytest.mark.parametrize(
    ("lang", "date"), [("fr", "2024-03-04"), ("en", "2024-04-03"), ("", "2024-04-03")]
)
def test_numbers_that_read_both_ways_read_day_first_outside_english(lang: str, date: str) -> None:
    assert _date("<div>04/03/2024</div>", lang) == date


def test_a_shown_date_keeps_the_hour_its_time_element_states() -> None:
    line = 'Publié le <time datetime="2019-11-05T14:32:00Z">5 novembre 2019</time>'
    assert _date(f"<p>{line}</p>", "fr") == "2019-11-05T14:32:00+00:00"


@pytest.mark.parametrize(
    "stated",
    ["0001-01-01T00:00:00Z", "1753-01-01", "1900-01-01T00:00:00", "1970-01-01T00:00:00Z",
     "1969-12-31T19:00:00-05:00"],
)  # fmt: skip
def test_a_placeholder_stated_for_no_date_gives_way(stated: str) -> None:
    head = f'<meta property="article:published_time" content="{stated}">'
    assert _date("", "en", head) is None
    assert _date("<div>March 4, 2024</div>", "en", head) == "2024-03-04"


def test_a_real_date_of_1970_is_kept() -> None:
    head = '<meta property="article:published_time" content="1970-03-04">'
    assert _date("", "en", head) == "1970-03-04"


@pytest.mark.parametrize(
    ("lang", "url", "date"),
    [
        ("en-GB", "", "2024-03-04"),
        ("en_AU", "", "2024-03-04"),
        ("en", "https://www.example.co.uk/news/rain", "2024-03-04"),
        ("en-US", "", "2024-04-03"),
        ("en", "https://www.example.com/news/rain", "2024-04-03"),
    ],
)
def test_english_numbers_in_the_order_of_the_pages_country(lang: str, url: str, date: str) -> None:
    head = f'<link rel="canonical" href="{url}">' if url else ""
    assert _date("<div>04/03/2024</div>", lang, head) == date


def test_a_publication_after_an_update_on_one_line() -> None:
    line = "<div>Updated 5 March 2024, Published 4 March 2024</div>"
    assert _date(line, "en") == "2024-03-04"
