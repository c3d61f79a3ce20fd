"""A title's section between the headline and the site goes with the site; the separators
of other scripts and of WordPress set off a site the page names."""

from __future__ import annotations

import pytest

from scrubwarc.article import process
from scrubwarc.clean.sitename import split_site_name
from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document


def title_of(title: str, site: str) -> str | None:
    head = f'<title>{title}</title><meta property="og:site_name" content="{site}">'
    page = f"<html><head>{head}</head><body><p>Words.</p></body></html>"
    return read_html_metadata(parse_document(page.encode())).title


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Storm hits the coast | World news | The Herald", "The Herald", "Storm hits the coast"),
        ("Storm hits the coast · Weather · Daily Drip", "Daily Drip", "Storm hits the coast"),
        ("Storm hits the coast • US • Politics • Daily Drip", "Daily Drip",
         "Storm hits the coast"),
        ("東京で大雨が続く ｜ 天気 ｜ 毎日新聞", "毎日新聞", "東京で大雨が続く"),
        ("Storm hits the coast / Weather / Daily Drip", "Daily Drip", "Storm hits the coast"),
        ("Дожди в Москве / Лента.ру", "Лента.ру", "Дожди в Москве"),
        ("東京で大雨が続く：毎日新聞", "毎日新聞", "東京で大雨が続く"),
        ("Storm hits the coast « Daily Drip", "Daily Drip", "Storm hits the coast"),
    ],
)  # fmt: skip
def test_a_section_and_the_site_leave_the_title(title: str, site: str, expected: str) -> None:
    assert title_of(title, site) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Review | Oppenheimer",  # the "section" is as long as the headline: a part of it
        "Storm hits the coast - Weather",  # dashes join a headline's own parts
        "Storm hits the coast | Six things we learned on Monday",  # a sentence
        "Storm hits the coast | 2024",
        "Rates: a 5 / 10 year view",  # a slash with no site after it
    ],
)
def test_what_is_not_a_section_stays(title: str) -> None:
    assert title_of(title + " | Daily Drip", "Daily Drip") == title


def test_a_guessed_site_takes_its_section_along() -> None:
    assert split_site_name("Storm hits the coast | Weather | Daily Drip", guess=True) == (
        "Storm hits the coast",
        "Daily Drip",
    )


def test_a_text_article_title_loses_its_section() -> None:
    text = b"Storm hits the coast | World news | The Herald\n\nBy Ann Lee | The Herald\n\nRain."
    assert process(text).metadata.title == "Storm hits the coast"


def test_a_site_and_section_before_the_headline_leave_the_title() -> None:
    assert title_of("The Herald | World news | Storm hits the coast", "The Herald") == (
        "Storm hits the coast"
    )
    assert title_of("The Herald | Review | Oppenheimer", "The Herald") == "Review | Oppenheimer"
