"""Which date a page shows: its revision when only structured data states a publication."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document

FILLER = "<p>" + "Words of the story go on and on. " * 80 + "</p>"
_LD = (
    '<script type="application/ld+json">{"@type": "Article", '
    '"datePublished": "2021-03-02T09:00:00+00:00", "dateModified": "2025-06-18T16:35:02+00:00"}'
    "</script>"
)
_MODIFIED_TAG = '<meta property="article:modified_time" content="2025-06-18T16:35:02+00:00">'
_PUBLISHED_TAG = '<meta property="article:published_time" content="2021-03-02T09:00:00+00:00">'


def _date(head: str, byline: str) -> str | None:
    page = f"<html><head>{head}</head><body><h1>Rain again</h1><p>{byline}</p>{FILLER}</body>"
    return read_html_metadata(parse_document(f"{page}</html>".encode())).date


@pytest.mark.parametrize(
    ("head", "byline", "date"),
    [
        # Only the structured data states a publication; the headline shows the revision.
        (_LD, "By Ann Lee | Updated June 18, 2025", "2025-06-18T16:35:02+00:00"),
        (_LD + _MODIFIED_TAG, "June 18, 2025", "2025-06-18T16:35:02+00:00"),
        # A meta tag states the publication too: the stated date stands.
        (_LD + _PUBLISHED_TAG, "By Ann Lee | Updated June 18, 2025", "2021-03-02T09:00:00+00:00"),
        # The headline shows the publication, or another day, or nothing: it stands as well.
        (_LD, "By Ann Lee | March 2, 2021", "2021-03-02T09:00:00+00:00"),
        (_LD, "By Ann Lee | July 1, 2025", "2021-03-02T09:00:00+00:00"),
        (_LD, "By Ann Lee", "2021-03-02T09:00:00+00:00"),
    ],
)  # fmt: skip
def test_a_page_that_shows_its_revision_is_dated_by_it(head: str, byline: str, date: str) -> None:
    assert _date(head, byline) == date


def _page(body: str) -> str | None:
    page = f"<html><body>{body}{FILLER}</body></html>"
    return read_html_metadata(parse_document(page.encode())).date


def test_a_date_before_the_headline_is_not_taken_for_the_update_that_follows_it() -> None:
    dateline = "<div><span>March 3, 2021</span><span>Updated: June 2, 2025</span></div>"
    assert _page(f"{dateline}<h1>Rain again</h1>") == "2021-03-03"


def test_a_label_before_the_headline_still_marks_the_update_it_introduces() -> None:
    dateline = "<div><span>Updated:</span><span>June 2, 2025</span></div>"
    assert _page(f"{dateline}<h1>Rain again</h1><p>By Ann Lee, March 3, 2021</p>") == "2021-03-03"


def test_an_iso_time_printed_by_the_headline_is_read_in_its_own_offset() -> None:
    byline = "<p>Nick van Mead</p><p><span>2022-11-23T08:10+02:00 </span></p>"
    assert _page(f"<h1>Rain again</h1>{byline}") == "2022-11-23T08:10:00+02:00"


def _head(tags: str) -> str | None:
    page = f"<html><head>{tags}</head><body><h1>Rain again</h1>{FILLER}</body></html>"
    return read_html_metadata(parse_document(page.encode())).date


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("w-published-date", "2025-05-27"),
        ("og:pubdate", "2025-05-27"),
        ("cdc:first_published", "2025-05-27"),
        ("article.published", "2025-05-27"),
        # Names that date something else, or nothing.
        ("cdc:last_published", None),
        ("modified-date", None),
        ("auto-publish", None),
    ],
)  # fmt: skip
def test_a_meta_tag_a_site_named_for_the_publication_date(name: str, date: str | None) -> None:
    assert _head(f'<meta name="{name}" content="2025-05-27">') == date


def test_the_earliest_of_the_made_up_publication_tags_is_the_first_publication() -> None:
    tags = (
        '<meta name="published-time" content="2026-03-09T08:45:32.183Z">'
        '<meta name="published-date" content="2021-02-16">'
    )
    assert _head(tags) == "2021-02-16"


def test_a_page_with_no_headline_is_dated_from_the_start_of_its_body() -> None:
    page = "<html><head><title>News 2019-01-01</title></head><body>"
    page += f"<h4>Rain again</h4><div>20 December, 2025</div>{FILLER}</body></html>"
    assert read_html_metadata(parse_document(page.encode())).date == "2025-12-20"


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        # Nothing else dates the page: the revision a label dates, however far down, does.
        ("By Ann Lee", "2025-11-13"),
        # A date by the headline still wins over it.
        ("By Ann Lee | May 2, 2024", "2024-05-02"),
    ],
)  # fmt: skip
def test_a_labelled_revision_anywhere_dates_a_page_nothing_else_dates(
    byline: str, date: str
) -> None:
    updated = "<p>Last updated: November 13, 2025</p>"
    assert _page(f"<h1>Rain again</h1><p>{byline}</p>{FILLER}{updated}") == date
