"""Hardening, HTML and the whole bytes-to-article path: deep nesting and generated input.

Malformed markup, XXE, billion laughs, 10,000 nested tags and megabytes of script are in
``tests/read/test_html.py``; this file adds the pages libxml2 cannot nest and property tests.
"""

from __future__ import annotations

import lxml.html
from hypothesis import example, given
from hypothesis import strategies as st

from scrubwarc import ScrubwarcError, clean_text
from scrubwarc import process_article as process
from scrubwarc.read.html import _parser, extract_text, parse_document

STORY = (
    "<p>The council voted on Tuesday to close the old bridge, citing years of neglect.</p>"
    "<p>Residents said the detour would add twenty minutes to every trip into town.</p>"
)


def test_text_after_300_unclosed_tags_is_kept() -> None:
    # Old pages leave <font> and <b> open by the hundred; libxml2 stops at depth 256.
    page = ("<html><body>" + "<font>" * 300 + STORY + "</body></html>").encode()
    plain = lxml.html.document_fromstring(page, parser=_parser("utf-8"))
    assert "detour" not in plain.text_content()  # what lxml alone would lose
    text = extract_text(parse_document(page))
    assert "voted on Tuesday" in text and "twenty minutes" in text
    assert text.count("\n\n") == 1  # the two paragraphs stay two


def test_deep_fallback_keeps_metadata_and_drops_scripts() -> None:
    page = (
        '<html lang="en"><head><title>Bridge closed - The Herald</title>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bridge </b>'
        ' closed", "author": {"name": "Jane Roe"}}</script></head><body>'
        + "<div>" * 400
        + "<script>var junk = 'not article text';</script>"
        + STORY
    ).encode()
    article = process(page, "deep.html")
    assert "junk" not in article.text and "twenty minutes" in article.text
    assert article.metadata.authors == ("Jane Roe",)
    assert article.metadata.language == "en"


def test_hundred_thousand_nested_tags_need_no_recursion() -> None:
    page = ("<html><body>" + "<div><p>" * 50_000 + STORY).encode()
    assert "twenty minutes" in extract_text(parse_document(page))


TEXTY = st.lists(
    st.one_of(
        st.sampled_from(
            ["<p>", "</p>", "<div>", "<b>", "<script>x</script>", "&amp;", "&#8220;", "\n\n",
             "?utm_source=rss", "RELATED – ", "By Jane Roe\n", "July 30, 2012\n", "itâ€™s ",
             "<!DOCTYPE html>", "<html>", "<meta charset=cp1252>", "\u00a0", "\x00", "\r\n"]
        ),
        st.text(max_size=20),
    ),
    max_size=30,
).map("".join)  # fmt: skip


def _check(data: bytes, name: str | None) -> None:
    try:
        article = process(data, name)
    except ScrubwarcError:
        return  # refused with a reason, as designed (binary, empty page, ...)
    article.text.encode("utf-8")  # valid UTF-8, no lone surrogates
    assert article.text == "" or article.text.endswith("\n")
    assert clean_text(article.text).text == article.text  # cleaning is idempotent
    article.metadata.to_dict()


@given(st.binary(max_size=600), st.sampled_from([None, "a.txt", "a.html"]))
@example(b"<html>" + b"<b>" * 300 + b"x", "a.html")
@example(b"\xff\xfe<\x00p\x00>\x00", None)
@example(b"\xef\xbb\xbf", "a.html")
def test_process_never_raises_on_arbitrary_bytes(data: bytes, name: str | None) -> None:
    _check(data, name)


@given(TEXTY, st.sampled_from(["utf-8", "cp1252", "utf-16"]), st.booleans())
def test_process_never_raises_on_generated_articles(text: str, codec: str, html: bool) -> None:
    data = text.encode(codec, "replace")
    _check(data, "page.html" if html else "article.txt")
