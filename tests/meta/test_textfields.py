"""Labelled fields at the top of a scraped text (``Title: …``, ``URL: …``, an address alone on
the first line): what each line states, how far down they are read, and what they give the
metadata. Written from the ways scrapers and "save as text" tools lay a header out, not from
one file.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc import clean_text
from scrubwarc import process_article as process
from scrubwarc.meta.textfields import breadcrumb, field_of, read_fields


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("URL: https://ex.com/a/b", ("url", "https://ex.com/a/b")),
        ("Original URL : www.ex.com/a", ("url", "www.ex.com/a")),
        ("Source: https://ex.com/a", ("url", "https://ex.com/a")),
        ("原文链接：https://ex.cn/a.html", ("url", "https://ex.cn/a.html")),
        ("Quelle: https://ex.de/a", ("url", "https://ex.de/a")),
        ("TITLE: Rain at last", ("title", "Rain at last")),
        ("Headline:Rain at last", ("title", "Rain at last")),
        ("Titre : La pluie, enfin", ("title", "La pluie, enfin")),
        ("标题：今天下雨", ("title", "今天下雨")),
        ("Tags: rain, wind", ("keywords", "rain, wind")),
        ("Category: Weather", ("section", "Weather")),
        ("Publication: The Daily Example", ("site_name", "The Daily Example")),
        ("Summary: It rained.", ("description", "It rained.")),
    ],
)
def test_a_field_line_names_its_field(line: str, expected: tuple[str, str]) -> None:
    assert field_of(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Source: Reuters",  # a source that is not an address names an agency, not the URL
        "URL: see https://ex.com/a for more",  # an address is the whole value
        "Link: ",
        "Note: it rained all day",  # not a field's label
        "Update: the storm has passed",
        "Warning: heavy rain",
        "The title: a story of rain",  # a label is the line's start, not a phrase
        "Title: " + "word " * 60,  # longer than a headline: prose
        "Tags: " + ", ".join(f"t{i}" for i in range(60)),  # more than a tag list holds
        "12:30 the storm hit",
        "https://ex.com/a",  # an address alone is the url only as the text's first line
    ],
)
def test_other_lines_name_no_field(line: str) -> None:
    assert field_of(line) is None


def test_a_header_block_is_read_whole_and_the_first_value_kept() -> None:
    lines = [
        "Title: Rain at last",
        "Title: A second title",
        *(f"Tags: t{i}" for i in range(10)),  # a block longer than the opening's 8 lines
        "Category: Weather",
        "It rained all day on Monday, the forecasters said.",
        "Link: https://ex.com/cited",
    ]
    fields = read_fields(lines, 8)
    assert (fields.title, fields.keywords, fields.section) == ("Rain at last", ("t0",), "Weather")
    assert fields.url is None  # below the body's first sentence: a link the article cites


def test_field_lines_below_the_headline_count_until_the_body_begins() -> None:
    lines = [
        "Rain at last",
        "By Ann Lee",
        "Source: https://ex.com/rain",
        "It rained all day on Monday, the forecasters said.",
        "Source: https://data.ex.org/rainfall",
    ]
    assert read_fields(lines, 8).url == "https://ex.com/rain"
    assert read_fields(lines[:2] + lines[3:], 8).url is None


def _meta(text: str) -> dict[str, object]:
    return process(text.encode(), "a.txt").metadata.to_dict()


def test_an_address_above_the_headline_is_the_url_and_the_headline_the_title() -> None:
    meta = _meta(
        "https://www.ex-news.com/uk/storm-123?utm_source=rss\n\nStorm hits coast | Ex News\n\n"
        "By Maria Lopez\n\nHeavy rain hit the coast on Monday, officials said.\n"
    )
    assert meta["url"] == "https://www.ex-news.com/uk/storm-123"
    assert meta["title"] == "Storm hits coast"  # the address's host is evidence for the suffix
    assert meta["authors"] == ["Maria Lopez"]


def test_a_labelled_line_is_never_the_title_with_its_label() -> None:
    meta = _meta("URL: https://ex.com/a\nAuthor: Ann Lee\n\nIt rained all day, they said.\n")
    assert meta["title"] is None
    assert meta["url"] == "https://ex.com/a"
    assert meta["authors"] == ["Ann Lee"]


def test_a_stated_address_comes_before_a_glued_feed_address() -> None:
    meta = _meta(
        "URL: https://ex.com/stated\n\nRain at last\n\nIt rained all day on Monday, they said."
        "https://feed.ex.com/glued?utm_source=rss\n"
    )
    assert meta["url"] == "https://ex.com/stated"


def test_the_header_stays_in_the_text() -> None:
    text = "Title: Rain at last\nURL: https://ex.com/a\n\nIt rained all day, they said.\n"
    assert clean_text(text).text == text  # fields are read, never removed


_HEADLINES = st.sampled_from(
    ["Storm batters coast", "Markets rally after rate cut", "Council approves new bridge"]
)
_ADDRESSES = st.from_regex(
    r"https://(www\.)?[a-z]{3,10}\.(com|org|de)/[a-z0-9-]{1,20}", fullmatch=True
)


@given(_HEADLINES, _ADDRESSES, st.sampled_from(["", "URL: ", "Link: ", "Permalink: "]))
def test_an_address_on_top_changes_nothing_else(headline: str, address: str, label: str) -> None:
    body = f"{headline}\n\nBy Ann Lee\n\nMarch 3, 2024\n\nIt rained all day on Monday, they said.\n"
    plain, topped = _meta(body), _meta(f"{label}{address}\n\n{body}")
    assert topped["url"] == address
    # (Not the language: an address's letters dilute a text this short.)
    for key in ("title", "authors", "date", "site_name", "description"):
        assert topped[key] == plain[key], key


@pytest.mark.parametrize(
    ("line", "steps"),
    [
        ("Home > World > Europe", ("Home", "World", "Europe")),
        ("Home > U.S. > Politics", ("Home", "U.S.", "Politics")),
        ("World › Europe › France", ("World", "Europe", "France")),
        ("Accueil / Monde / Europe", ("Accueil", "Monde", "Europe")),
        ("首页 > 国际 > 欧洲", ("首页", "国际", "欧洲")),
        ("News » Local", ("News", "Local")),
    ],
)
def test_a_breadcrumb_trail_is_read(line: str, steps: tuple[str, ...]) -> None:
    assert breadcrumb(line) == steps


@pytest.mark.parametrize(
    "line",
    [
        "Rates > 5% again",  # a comparison
        "Why 1 > 0 > -1",
        "If x > y then z > w",
        "Python > Java > Rust? A ranking",
        "Rock / Paper / Scissors",  # slashes count only after the home page
        "Macron : « Oui » et « Non »",  # spaced guillemets are quotes
        "»Wir schaffen das« – Merkel",
        "Storm batters coast",
    ],
)
def test_a_headline_is_no_breadcrumb(line: str) -> None:
    assert breadcrumb(line) is None


def test_a_breadcrumb_above_the_headline_gives_the_section_not_the_title() -> None:
    meta = _meta(
        "Home > World > Europe\n\nStorm batters coast\n\nBy Maria Lopez\nMarch 4, 2024\n\n"
        "Heavy rain hit the coast on Monday, officials said.\n"
    )
    assert (meta["title"], meta["section"]) == ("Storm batters coast", "Europe")
    assert (meta["authors"], meta["date"]) == (["Maria Lopez"], "2024-03-04")
    trail = _meta("Home > Europe > Storm batters coast as thousands lose power across it\n\nX\n")
    assert trail["section"] == "Europe"  # the last step was the article itself
