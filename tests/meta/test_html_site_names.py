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
