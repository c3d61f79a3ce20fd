"""Authors a reader sees against what the structured data states (issue 11, round 3)."""

from __future__ import annotations

import json

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document


def authors(head: str, body: str) -> tuple[str, ...]:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_html_metadata(parse_document(page.encode())).authors


def jsonld_author(name: str) -> str:
    person = {"@type": "Person", "name": name}
    data = {"@type": "Article", "headline": "Rain again", "author": person}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "byline",
    [
        "<p>By Ann Lee</p>",
        '<div class="meta"><div>Written by</div><div><a href="/a">Ann Lee</a></div></div>',
        '<ul><li><span>By</span><a>Ann Lee</a></li><li>Updated May 3, 2024</li></ul>',
        "<p>By <a>Ann Lee</a> Updated on May 3, 2024</p>",
    ],
)  # fmt: skip
def test_the_by_line_under_the_headline_wins_over_a_different_stated_author(byline: str) -> None:
    for stated in (jsonld_author("Max Roe"), '<meta name="author" content="Daily Drip">'):
        found = authors(stated, f"<h1>Rain again</h1>{byline}<p>It rained all day.</p>")
        assert found == ("Ann Lee",), stated


def test_a_stated_author_the_by_line_agrees_with_is_kept() -> None:
    body = "<h1>Rain again</h1><p>By Ann Lee</p><p>It rained.</p>"
    assert authors(jsonld_author("Ann Lee Smith"), body) == ("Ann Lee Smith",)


def test_a_one_word_handle_under_the_headline_does_not_win() -> None:
    body = "<h1>Rain again</h1><p>By annlee77</p><p>It rained.</p>"
    assert authors(jsonld_author("Ann Lee"), body) == ("Ann Lee",)


def test_names_in_separate_boxes_do_not_run_together() -> None:
    """The box after a bare "By" holds the name; the next box is not glued to it."""
    names = "<ul><li><a>Ann Lee</a></li><li><a>Bo Chen</a></li></ul>"
    body = f"<h1>Rain again</h1><div>By {names}</div>"
    assert authors("", body) == ("Ann Lee",)


@pytest.mark.parametrize("value", ["NOC Admin", "site administrator", "page.head.extra.author"])
def test_an_account_or_an_unfilled_template_key_is_no_author(value: str) -> None:
    head = f'<meta name="author" content="{value}">'
    assert authors(head, '<h1>Rain</h1><div class="byline">Ann Lee</div>') == ("Ann Lee",)


def test_a_dotted_handle_is_a_name() -> None:
    assert authors('<meta name="author" content="ann.b.lee">', "<h1>Rain</h1>") == ("ann.b.lee",)


def test_an_author_name_class_counts_in_an_author_box() -> None:
    box = '<div class="author-box"><h4 class="author-box__name">Ann Lee</h4><p>Writer.</p></div>'
    assert authors("", f"<h1>Rain</h1><p>It rained.</p>{box}") == ("Ann Lee",)


def test_a_commenter_name_is_not_the_author() -> None:
    box = '<div class="comment-box"><b class="comment-author-name">Bo Chen</b></div>'
    assert authors("", f"<h1>Rain</h1><p>It rained.</p>{box}") == ()


@pytest.mark.parametrize(
    ("link", "names"),
    [
        ('<a href="https://x.test/author/ann-lee/">Ann Lee</a>', ("Ann Lee",)),
        ('<a href="/blog/authors/ann_lee">Ann Lee</a>', ("Ann Lee",)),
        ('<a href="/author/ann-lee/">More stories</a>', ()),
        ('<a href="/tags/ann-lee/">Ann Lee</a>', ()),
    ],
)  # fmt: skip
def test_a_link_to_the_author_page_labelled_with_its_name(
    link: str, names: tuple[str, ...]
) -> None:
    assert authors("", f"<h1>Rain</h1><p>It rained all day.</p><p>{link}</p>") == names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<div id="byline">Ann Lee</div>', ("Ann Lee",)),
        ('<div class="post-meta" id="author-name">Ann Lee</div>', ("Ann Lee",)),
        ('<div class="avatar" id="author">Ann Lee</div>', ()),
    ],
    ids=["hint in the id alone", "a name hint in the id", "noise in the class, hint in the id"],
)
def test_byline_elements_read_class_and_id_together(body: str, expected: tuple[str, ...]) -> None:
    text = "<p>It rained all day in the valley, and the river rose by a metre overnight.</p>"
    assert authors("", f"<h1>Rain</h1>{body}{text}") == expected
