"""Date signals added in round 2 of issue 11: more meta-tag names, labelled dates anywhere."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata
from scrubwarc.read.html import parse_document


def meta(html: str) -> HtmlMetadata:
    return read_html_metadata(parse_document(f"<html>{html}</html>".encode()))


FILLER = "<p>" + "Words of the story go on and on. " * 80 + "</p>"


@pytest.mark.parametrize(
    ("name", "value", "date"),
    [
        ("sailthru.date", "2025-12-19 18:06:00", "2025-12-19T18:06:00"),
        ("citation_publication_date", "2019/04/01", "2019-04-01"),
        ("dcterms.issued", "2020-02-03", "2020-02-03"),
        ("publish_date", "2021-06-07", "2021-06-07"),
    ],
)  # fmt: skip
def test_dates_from_more_meta_tag_names(name: str, value: str, date: str) -> None:
    assert meta(f'<head><meta name="{name}" content="{value}"></head>').date == date


def test_a_modified_time_alone_is_not_the_publication_date() -> None:
    head = '<head><meta property="article:modified_time" content="2024-03-19"></head>'
    assert meta(head).date is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("<p>Published On: 15 August 2025</p>", "2025-08-15"),
        ("<div>Posted on the 15/12/2025 at 19:00 by <a>@gg</a></div>", "2025-12-15T19:00:00"),
        ('<p class="label">Published</p><p class="date">Feb 2, 2023</p>', "2023-02-02"),
    ],
)  # fmt: skip
def test_a_labelled_date_far_from_the_headline(line: str, date: str) -> None:
    assert meta(f"<body><h1>Rain</h1>{FILLER}{line}</body>").date == date


def test_an_unlabelled_date_far_from_the_headline_is_still_not_the_date() -> None:
    body = f"<h1>Rain</h1>{FILLER}<p>Rain fell on June 3, 2019.</p><p>March 4, 2020</p>"
    assert meta(f"<body>{body}</body>").date is None


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://ex.com/blog/2023/october/03/wine/", "2023-10-03"),
        ("https://ex.com/2019/1/5/snow/", "2019-01-05"),
        ("https://ex.com/2019/foo/5/snow/", None),
        ("https://ex.com/2019/02/30/snow/", None),
    ],
)  # fmt: skip
def test_a_date_in_the_address(url: str, date: str | None) -> None:
    assert meta(f'<head><link rel="canonical" href="{url}"></head>').date == date


def test_a_published_meta_tag() -> None:
    assert meta('<head><meta name="published" content="July 17, 2025"></head>').date == "2025-07-17"


def test_a_time_that_reads_one_way_beats_one_that_reads_both_ways() -> None:
    body = ('<body><time datetime="02-12-2025">02-12-2025</time>'
            '<time datetime="2025-12-02">December 02, 2025</time></body>')  # fmt: skip
    assert meta(body).date == "2025-12-02"


def test_an_ambiguous_time_alone_is_still_read() -> None:
    assert meta("<body><time>02/12/2025</time></body>").date == "2025-02-12"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Essay - Published: 2025.12.17 | essays", "2025-12-17"),
        ("Posted 2024/03/05", "2024-03-05"),
        ("Version 2025.1.7.3 released", None),
    ],
)  # fmt: skip
def test_a_year_first_date_with_dots_or_slashes_near_the_headline(
    line: str, date: str | None
) -> None:
    assert meta(f"<body><h1>Rain again</h1><p>{line}</p>{FILLER}</body>").date == date


def test_json_ld_carried_in_a_meta_tag() -> None:
    block = '{"@type": "Article", "datePublished": "2025-11-17T09:00:00-05:00"}'
    escaped = block.replace('"', "&quot;")
    head = f'<head><meta name="script:ld+json" content="{escaped}"></head>'
    assert meta(f"{head}<body>{FILLER}</body>").date == "2025-11-17T09:00:00-05:00"


def _stamped_page(published: str, modified: str, byline: str) -> str:
    block = f'{{"@type": "Article", "datePublished": "{published}", "dateModified": "{modified}"}}'
    head = f'<head><script type="application/ld+json">{block}</script></head>'
    return f"{head}<body><h1>Rain again</h1><p>{byline}</p>{FILLER}</body>"


@pytest.mark.parametrize(
    ("published", "modified", "date"),
    [
        # Written at once (to the minute, or the same bare day): a save, not the publication.
        ("2025-11-29T10:02:58Z", "2025-11-29T10:02:07Z", "2025-12-18"),
        ("Nov 29, 2025", "Nov 29, 2025", "2025-12-18"),
        # Edited later, or never: the stated publication time stands.
        ("2025-11-29T10:02:58Z", "2025-11-29T16:40:00Z", "2025-11-29T10:02:58+00:00"),
        ("2025-11-29T10:02:58Z", "", "2025-11-29T10:02:58+00:00"),
        ("2025-11-29T10:02:58Z", "2025-11-29", "2025-11-29T10:02:58+00:00"),
    ],
)  # fmt: skip
def test_a_published_time_that_is_the_modified_time_yields_to_the_byline_date(
    published: str, modified: str, date: str
) -> None:
    assert meta(_stamped_page(published, modified, "By Ann Lee | December 18, 2025")).date == date


def test_a_stamped_time_stands_when_no_date_is_shown() -> None:
    page = _stamped_page("2025-11-29T10:02:58Z", "2025-11-29T10:02:58Z", "By Ann Lee")
    assert meta(page).date == "2025-11-29T10:02:58+00:00"


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        # Shown days before the stated date: the stated one dates a republication.
        ("By Ann Lee | November 2, 2022", "2022-11-02"),
        # A day apart is a time zone; a later shown date is an update: the stated one stands.
        ("By Ann Lee | June 11, 2025", "2025-06-12T01:30:00+00:00"),
        ("By Ann Lee | August 14, 2025", "2025-06-12T01:30:00+00:00"),
        ("By Ann Lee", "2025-06-12T01:30:00+00:00"),
    ],
)  # fmt: skip
def test_a_date_shown_by_the_headline_days_before_the_stated_one_wins(
    byline: str, date: str
) -> None:
    page = _stamped_page("2025-06-12T01:30:00Z", "2025-09-01T08:00:00Z", byline)
    assert meta(page).date == date


def _witnessed(head: str, byline: str) -> str | None:
    return meta(f"<head>{head}</head><body><h1>Rain again</h1><p>{byline}</p>{FILLER}</body>").date


_LD_2018 = (
    '<script type="application/ld+json">{"@type": "Article", "datePublished": "2018-04-03"}'
    "</script>"
)
_UTC_META = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'


def test_a_day_two_independent_statements_name_beats_the_json_ld() -> None:
    tag = '<meta property="article:published_time" content="2025-12-19T13:06:00-05:00">'
    assert _witnessed(_LD_2018 + tag, "By Ann Lee | Dec 19, 2025") == "2025-12-19T13:06:00-05:00"


def test_the_address_and_the_byline_agree_on_the_local_day_of_a_utc_stamp() -> None:
    url = '<link rel="canonical" href="https://ex.com/2025/12/18/comfort-watches/">'
    assert _witnessed(_UTC_META + url, "Posted on December 18, 2025") == "2025-12-18"


@pytest.mark.parametrize(
    "byline",
    [
        "By Ann Lee | December 18, 2025",  # one witness against one: the stated one stands
        # A visible itemprop is the byline itself, not a second witness.
        '<span itemprop="datePublished">December 18, 2025</span>',
    ],
)  # fmt: skip
def test_one_disagreeing_statement_leaves_the_stated_date(byline: str) -> None:
    assert _witnessed(_UTC_META, byline) == "2025-12-19T02:41:41+00:00"


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://ex.com/blog/2023/october/03/wine/", "2023-10-03"),  # the address reads it
        ("https://ex.com/blog/wine/", "2023-03-10"),  # no address date: month first, as before
    ],
)  # fmt: skip
def test_a_byline_date_that_reads_both_ways_is_read_as_the_address_writes_it(
    url: str, date: str
) -> None:
    assert _witnessed(f'<link rel="canonical" href="{url}">', "03/10/2023") == date
