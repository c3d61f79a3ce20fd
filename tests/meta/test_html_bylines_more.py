"""Byline elements whose pieces introduce the name, or credit someone else (issue 11, round 2)."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document


def authors(body: str) -> tuple[str, ...]:
    return read_html_metadata(parse_document(f"<html><body>{body}</body></html>".encode())).authors


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="byline"><span>Text by</span> <a href="/a">Ann Lee</a></div>',
        '<p class="article-author"><em>Recipe by</em><strong>Ann Lee</strong></p>',
        '<div class="author"><span>Insights from</span><b>Ann Lee</b></div>',
        '<div class="byline"><span>Authored by:</span><a>Ann Lee</a></div>',
    ],
)  # fmt: skip
def test_a_lead_in_piece_is_not_the_name(byline: str) -> None:
    assert authors(f"<h1>Rain</h1>{byline}<p>Story.</p>") == ("Ann Lee",)


@pytest.mark.parametrize(
    "credit",
    [
        '<div class="byline"><span>Updated by</span> <a>Jo Kim</a></div>',
        '<div class="byline-editor">Edited by Jo Kim</div>',
        '<div class="author-credit"><span>Photos by</span><a>Jo Kim</a></div>',
    ],
)  # fmt: skip
def test_a_credit_to_someone_else_is_passed_over(credit: str) -> None:
    body = f'<h1>Rain</h1>{credit}<div class="author-name">Ann Lee</div><p>Story.</p>'
    assert authors(body) == ("Ann Lee",)


FILLER = "<p>" + "Words of the story go on and on. " * 80 + "</p>"


@pytest.mark.parametrize(
    ("foot", "names"),
    [
        ('<div><p>Written by</p><p class="name">Ann Lee</p></div>', ("Ann Lee",)),
        ("<h3>Written by Ann Lee</h3><p>Ann Lee writes about money.</p>", ("Ann Lee",)),
        ('<p>Written by<!-- --> <a href="/a">Ann Lee and Bo Chen</a></p>', ("Ann Lee", "Bo Chen")),
        ("<span>Posted by Ann Lee at December 16, 2025 11:15 AM</span>", ("Ann Lee",)),
        ("<h2>Article by</h2><div>Ann Lee</div>", ("Ann Lee",)),
    ],
)  # fmt: skip
def test_a_written_by_label_anywhere(foot: str, names: tuple[str, ...]) -> None:
    assert authors(f"<h1>Rain</h1>{FILLER}{foot}") == names


@pytest.mark.parametrize(
    "foot",
    [
        "<p>Photo by Ann Lee</p>",
        "<p>By the way, nobody wrote this.</p>",
        "<p>Written by our team of experts</p>",
    ],
)  # fmt: skip
def test_no_author_from_other_by_lines_far_from_the_headline(foot: str) -> None:
    assert authors(f"<h1>Rain</h1>{FILLER}{foot}") == ()


def test_an_itemprop_author_that_credits_an_editor_is_passed_over() -> None:
    body = ('<h1>Rain</h1><span itemprop="author">Updated by Jo Kim</span>'
            '<div class="byline">By Ann Lee</div><p>Story.</p>')  # fmt: skip
    assert authors(body) == ("Ann Lee",)
