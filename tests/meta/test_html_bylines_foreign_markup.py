"""Bylines in other languages as pages mark them up: a lead-in of its own (``<span>Por</span>
<a>…</a>``), a class or an author's folder in the page's language (``autor``, ``/auteur/``),
a line under the headline that names more writers than the structured data; and an
author's link labelled "View all posts by"."""

from __future__ import annotations

import json

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document

FILLER = "<p>" + "Words of the story go on and on. " * 80 + "</p>"


def authors(body: str, head: str = "", lang: str = "en") -> tuple[str, ...]:
    page = f'<html lang="{lang}"><head>{head}</head><body><h1>Rain</h1>{body}{FILLER}</body>'
    return read_html_metadata(parse_document(f"{page}</html>".encode())).authors


@pytest.mark.parametrize(
    ("lang", "byline"),
    [
        ("es", '<div class="autor">Por <a href="/p/ana">Ana López</a></div>'),
        ("es", '<p class="post-autor"><span>Por:</span> <b>Ana López</b></p>'),
        ("fr", '<div class="auteur"><span>Par</span> <a href="/p/ana">Ana López</a></div>'),
        ("pt", '<p>Texto de <a href="/autor/ana-lopez/">Ana López</a></p>'),
        ("fr", '<p><a href="/auteur/ana-lopez">Ana López</a></p>'),
    ],
)
def test_a_byline_marked_up_in_another_language(lang: str, byline: str) -> None:
    assert authors(byline, lang=lang) == ("Ana López",)


def test_an_ad_slot_whose_id_says_autor_names_no_one() -> None:
    slot = '<div id="autor-242388140"><script>(adsbygoogle = window.adsbygoogle || []).push({});'
    assert authors(f"{slot}</script></div>", lang="pt") == ()


def test_the_line_under_the_headline_names_more_writers_than_the_structured_data() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Anna Lehmann"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    byline = "<p>Von Anna Lehmann und Bernd Christ</p>"
    assert authors(byline, head, "de") == ("Anna Lehmann", "Bernd Christ")


@pytest.mark.parametrize(
    "label", ["View all posts by Ann Lee", "More articles from Ann Lee", "Posts by Ann Lee"]
)
def test_an_author_link_labelled_as_one(label: str) -> None:
    assert authors(f'<p><a rel="author" href="/p/ann">{label}</a></p>') == ("Ann Lee",)
