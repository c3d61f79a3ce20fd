"""HTML titles and site names: the site's name in its other spellings, and where a page without
og:site_name states it (its JSON-LD WebSite or publisher, the suffix of its title)."""

from __future__ import annotations

import json

import lxml.html
import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata


def _read(head: str, body: str = "") -> HtmlMetadata:
    page = f'<html><head><meta charset="utf-8">{head}</head><body>{body}<p>Text.</p></body></html>'
    return read_html_metadata(lxml.html.fromstring(page.encode()))


def _site(name: str) -> str:
    return f'<meta property="og:site_name" content="{name}">'


@pytest.mark.parametrize(
    ("title", "site", "headline"),
    [
        ("Rain falls again | DailyDrip.com", "Daily Drip", "Rain falls again"),
        ("Rain falls again - dailydrip.co.uk", "Daily Drip", "Rain falls again"),
        ("Rain falls again – The Daily Drip", "DailyDrip.com", "Rain falls again"),
        ("東京で大雨｜毎日新聞", "毎日新聞", "東京で大雨"),
        ("毎日新聞 ｜ 東京で大雨", "毎日新聞", "東京で大雨"),
    ],
)
def test_a_known_site_in_another_spelling_leaves_the_title(
    title: str, site: str, headline: str
) -> None:
    assert _read(f"<title>{title}</title>{_site(site)}").title == headline


def test_a_full_width_bar_without_a_known_site_stays() -> None:
    assert _read("<title>東京で大雨｜毎日新聞</title>").title == "東京で大雨｜毎日新聞"


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "head",
    [
        _ld({"@graph": [{"@type": "WebPage"}, {"@type": "WebSite", "name": "Daily Drip"}]}),
        _ld({"@type": "WebPage", "publisher": {"@type": "Organization", "name": "Daily Drip"}}),
        "",  # the title's suffix
    ],
)
def test_the_site_name_without_og_site_name(head: str) -> None:
    meta = _read(f"<title>Rain falls again | Daily Drip</title>{head}")
    assert (meta.title, meta.site_name) == ("Rain falls again", "Daily Drip")


def test_a_title_with_no_site_suffix_names_no_site() -> None:
    assert _read("<title>Rain falls again</title>").site_name is None


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Rain falls again | WFA", "World Future Awards"),
        ("Rain falls again - NYT", "The New York Times"),
        ("Rain falls again | Thrive Internet Marketing", "Thrive Internet Marketing Agency"),
    ],
)
def test_a_known_site_by_its_initials_or_without_its_last_word(title: str, site: str) -> None:
    assert _read(f"<title>{title}</title>{_site(site)}").title == "Rain falls again"


def test_a_short_form_needs_a_name_of_three_words_and_capitals() -> None:
    assert _read(f"<title>Rain falls again | Dd</title>{_site('Daily Drip')}").title == (
        "Rain falls again | Dd"
    )
    assert _read(f"<title>Rain falls again | Wfa</title>{_site('World Future Awards')}").title == (
        "Rain falls again | Wfa"
    )


def test_the_headline_shown_with_the_known_site_after_it() -> None:
    head = "<title>Best art of 2025 – Artlyst - Artlyst</title>" + _site("Artlyst")
    assert _read(head, "<h1>Best art of 2025 – Artlyst</h1>").title == "Best art of 2025"


@pytest.mark.parametrize(
    "kicker",
    [
        "<span>EXCLUSIVE</span>",
        "<strong>Blog:</strong>",
        '<time datetime="2025-12-18">Dec 18 2025</time>',
    ],
)
def test_a_label_set_apart_before_the_headline(kicker: str) -> None:
    head = '<meta property="og:title" content="Rain falls again on the coast">'
    meta = _read(head, f"<h1>{kicker} Rain falls again on the coast</h1>")
    assert meta.title == "Rain falls again on the coast"


def test_words_of_the_headline_itself_before_the_stated_title_stay() -> None:
    head = '<meta property="og:title" content="Best Home Security Cameras of 2026">'
    meta = _read(head, "<h1>The Best Home Security Cameras of 2026</h1>")
    assert meta.title == "The Best Home Security Cameras of 2026"
