"""A wire story no one signs is credited to the agency its lede names, as ``By AP`` would."""

from __future__ import annotations

import pytest

from scrubwarc.article import process

LEDES = [
    ("WASHINGTON (AP) — The Senate voted late on Tuesday to keep the agency open.", "AP"),
    ("LONDON, March 4 (Reuters) - Shares fell on Monday as the pound slid again.", "Reuters"),
    ("BEIRUT, Lebanon (AFP) – Protesters gathered in the square for a third night.", "AFP"),
]


@pytest.mark.parametrize(("lede", "agency"), LEDES)
def test_a_text_wire_story_is_the_agency_s(lede: str, agency: str) -> None:
    text = f"Storm hits the coast\n\n{lede}\n\nMore words of the story follow here."
    assert process(text.encode()).metadata.authors == (agency,)


@pytest.mark.parametrize(("lede", "agency"), LEDES)
def test_an_html_wire_story_is_the_agency_s(lede: str, agency: str) -> None:
    body = f"<h1>Storm hits the coast</h1><p>{lede}</p>" + "<p>More words follow.</p>" * 5
    page = f"<html><head><title>Storm hits the coast</title></head><body>{body}</body></html>"
    assert process(page.encode(), html=True).metadata.authors == (agency,)


def test_a_signed_wire_story_keeps_its_writer() -> None:
    lede = LEDES[0][0]
    text = f"Storm hits the coast\n\nBy Ann Lee\n\n{lede}\n\nMore words of the story follow."
    assert process(text.encode()).metadata.authors == ("Ann Lee",)


def test_a_dateline_credit_that_is_no_agency_is_no_author() -> None:
    text = "Storm hits the coast\n\nPARIS (Ann Lee) - It rained again.\n\nMore words follow."
    assert process(text.encode()).metadata.authors == ()
