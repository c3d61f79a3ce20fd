"""The ``<time>`` elements that date a page: one a label or its markup calls the revision
dates it only when no other does, and a comment's never does. A label far in the body dates
the page where it is set as one, not as a sentence's words ("The report, published on …")."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document

FILLER = "<p>" + "Words of the story go on and on. " * 80 + "</p>"


def date(body: str) -> str | None:
    page = f"<html><body><h1>Rain again</h1>{body}{FILLER}</body></html>"
    return read_html_metadata(parse_document(page.encode())).date


_PUBLISHED = '<time datetime="2024-03-03">March 3</time>'
_UPDATED = '<time datetime="2024-03-05">March 5</time>'


@pytest.mark.parametrize(
    "line",
    [
        f"<p>Updated {_UPDATED} · Published {_PUBLISHED}</p>",
        f"<p><span>Last modified:</span> {_UPDATED} | <span>Posted</span> {_PUBLISHED}</p>",
        f"<p>{_UPDATED.replace('<time', '<time itemprop=dateModified')} {_PUBLISHED}</p>",
        f"<p>{_UPDATED.replace('<time', '<time class=updated')} {_PUBLISHED}</p>",
        f"<p>Published {_PUBLISHED}, updated {_UPDATED}</p>",
    ],
)
def test_the_published_time_beats_the_revision_before_it(line: str) -> None:
    assert date(line) == "2024-03-03"


@pytest.mark.parametrize(
    "line",
    [
        f"<p>Updated {_UPDATED}</p>",
        f"<p>{_UPDATED.replace('<time', '<time class=updated')}</p>",
        # WordPress marks a post never revised as both.
        '<p><time class="entry-date published updated" datetime="2024-03-05">5/3</time></p>',
    ],
)
def test_a_revision_alone_still_dates_the_page(line: str) -> None:
    assert date(line) == "2024-03-05"


@pytest.mark.parametrize(
    "comments",
    [
        f'<ol class="comment-list"><li><p>Nice.</p>{_UPDATED}</li></ol>',
        f'<div id="comments"><div class="comment-meta">{_UPDATED}</div></div>',
    ],
)
def test_a_comment_time_is_not_the_page_date(comments: str) -> None:
    assert date(f"<p>Body.</p>{comments}") is None
    assert date(f"<p>{_PUBLISHED}</p>{comments}") == "2024-03-03"


def test_a_page_that_has_comments_is_still_dated_by_its_time() -> None:
    page = f'<div class="has-comments post">{_PUBLISHED}</div>'
    assert date(page) == "2024-03-03"


_FAR = "<p>" + "Words of the story go on and on. " * 80 + "</p>"


@pytest.mark.parametrize(
    "line",
    [
        "<p>The report, published on March 1, 2024, found more rain.</p>",
        "<p>The study was first published March 1, 2024.</p>",
        "<p>Her post was posted on March 1, 2024 and shared widely.</p>",
    ],
)
def test_a_sentence_that_dates_something_published_is_not_the_label_of_the_page(
    line: str,
) -> None:
    assert date(f"{_FAR}{line}") is None


@pytest.mark.parametrize(
    "line",
    [
        "<p>Posted: March 1, 2024</p>",
        "<p>First published on March 1, 2024</p>",
        "<p>By Ann Lee | Published March 1, 2024</p>",
        "<p>By Ann Lee, published on March 1, 2024</p>",
    ],
)
def test_a_label_far_in_the_body_still_dates_the_page(line: str) -> None:
    assert date(f"{_FAR}{line}") == "2024-03-01"


@pytest.mark.parametrize(
    "line",
    [
        "<p>The festival returns on March 1, 2024 in the park by the river.</p>",
        "<p>Organisers said the event, first held on June 1, 2019, would return.</p>",
    ],
)
def test_an_event_date_in_a_sentence_under_the_headline_is_not_the_page_date(line: str) -> None:
    assert date(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>LONDON, March 1, 2024 — The festival returns to the park.</p>", "2024-03-01"),
        ("<p>Posted by admin on March 1, 2024 in our news for the week.</p>", "2024-03-01"),
        ("<p>By Ann Lee, March 1, 2024</p>", "2024-03-01"),
    ],
)  # fmt: skip
def test_a_dateline_or_a_byline_under_the_headline_still_dates_the_page(
    line: str, expected: str
) -> None:
    assert date(line) == expected
