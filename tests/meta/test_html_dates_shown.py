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
