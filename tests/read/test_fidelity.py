"""Text fidelity of extraction: the article's words as a reader sees them, exactly.

F1 over words hides these faults (a ruby reading glued into a word, a space inside a Chinese
sentence, a table's row scattered over paragraphs); each page here checks the text itself.
"""

from __future__ import annotations

from scrubwarc.read.html import extract_text, parse_document

P = "<p>{} sentence of the story, with enough words and commas, to read like real prose.</p>"


def _story(n: int, label: str = "Story") -> str:
    return "".join(P.format(f"{label} {i}") for i in range(n))


def _text(body: str) -> str:
    nav = "<nav>" + "".join(f"<a href=/s{i}>Section {i}</a>" for i in range(8)) + "</nav>"
    page = f"<html><body>{nav}{body}<footer>(c) Site</footer></body></html>"
    return extract_text(parse_document(page.encode()))


def test_a_ruby_reading_is_not_read_into_the_line() -> None:
    line = "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>の文章{}です。" \
        "これは十分に長い日本語の文章であり、本文として扱われるべきものです。</p>"  # fmt: skip
    text = _text("<article>" + "".join(line.format(i) for i in range(4)) + "</article>")
    assert text.split("\n\n")[0] == ("漢字の文章0です。これは十分に長い日本語の文章であり、"
                                     "本文として扱われるべきものです。")  # fmt: skip
