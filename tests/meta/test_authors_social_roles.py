"""A social link's label beside a byline is no author; wire services' role credits name
the writers ("Reporting by", "Writing by") and not the editors or photographers."""

from __future__ import annotations

import pytest

from scrubwarc.article import process
from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document

FILLER = "<p>" + "Words of the story go on and on. " * 40 + "</p>"


def authors_of(head: str, body: str = "") -> tuple[str, ...]:
    page = f"<html><head><title>Rain</title>{head}</head><body><h1>Rain</h1>{body}{FILLER}"
    return read_html_metadata(parse_document(f"{page}</body></html>".encode())).authors


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta name="author" content="X, Li Sun">', ""),
        ('<meta name="author" content="Li Sun Follow on X">', ""),
        ('<meta name="author" content="Li Sun | Follow">', ""),
        ("", "<p>By X, Li Sun</p>"),
        ("", '<a rel="author" href="https://x.com/li">X</a> <a rel="author" href="/li">Li Sun</a>'),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
         '{"@type": "Person", "name": "Twitter"}, {"@type": "Person", "name": "Li Sun"}]}'
         "</script>", ""),
    ],
)  # fmt: skip
def test_a_social_label_is_no_author(head: str, body: str) -> None:
    assert authors_of(head, body) == ("Li Sun",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee; Editing by Bo Chan", ("Ann Lee",)),
        ("Reporting by Ann Lee; Writing by Bo Chan; Editing by Cy Díaz", ("Ann Lee", "Bo Chan")),
        ("By Ann Lee; additional reporting by Bo Chan", ("Ann Lee", "Bo Chan")),
        ("By Ann Lee, photos by Bo Chan", ("Ann Lee",)),
        ("By Ann Lee | Follow on X", ("Ann Lee",)),
        ("By Ann Lee, Follow @annlee", ("Ann Lee",)),
    ],
)  # fmt: skip
def test_writers_credited_beside_other_roles(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names
    assert authors_of("", f"<p>{line}</p>") == names


def test_a_person_named_like_a_network_word_stays() -> None:
    assert parse_byline("By Ann Follower and Xavier Mail") == ("Ann Follower", "Xavier Mail")


def test_text_article_byline_with_a_social_label() -> None:
    text = (
        b"Storm hits coast\n\nBy X, Li Sun\n\nIt rained all day in the valley, and the river rose."
    )
    assert process(text).metadata.authors == ("Li Sun",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Ann Lee, Li Sun", ("Ann Lee", "Li Sun")),
        ("By Ann Lee, Kim Post", ("Ann Lee", "Kim Post")),
        ("By Ann Lee, The Sun", ("Ann Lee",)),
        ("By Ann Lee, NY Post", ("Ann Lee",)),
        ("By Ann Lee, Chicago Sun-Times", ("Ann Lee",)),
    ],
)
def test_a_co_author_named_in_east_asian_order(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names
