"""A page built by a script: its markup holds no article, its JSON-LD ``articleBody`` does.

Crawled without running the script (wget, warcio, Heritrix), such a page gave only its
heading. Its stated body is the text when the markup holds much less (none, a teaser); the
markup wins everywhere else, whatever the JSON-LD states.
"""

from __future__ import annotations

import json
from pathlib import Path

from scrubwarc import process_article
from scrubwarc.read.html import extract_text, parse_document
from tests.helpers import run_process

PARAGRAPHS = [
    "Heavy rain and winds of up to 90 mph hit the coast on Monday, officials said.",
    "Thousands of homes lost power as trees fell on lines across the region, the utility said.",
    "Crews were working around the clock, and some customers could wait until Wednesday.",
    "Forecasters warned that a second storm, expected on Thursday, could bring more flooding.",
    "Schools in three counties stayed closed, and rail services were cut back for the day.",
]


def _page(body: object, markup: str = '<div id="root"></div>', kind: str = "NewsArticle") -> bytes:
    ld: dict[str, object] = {"@context": "https://schema.org", "@type": kind}
    ld["headline"] = "Storm batters coast"
    if body is not None:
        ld["articleBody"] = body
    script = json.dumps({"@graph": [{"@type": "WebSite", "name": "Ex"}, ld]})
    return (
        "<!doctype html><html lang=en><head><title>Storm batters coast</title>"
        f'<script type="application/ld+json">{script}</script></head>'
        f"<body>{markup}<noscript>Please enable JavaScript.</noscript></body></html>"
    ).encode()


def _text(page: bytes) -> str:
    return extract_text(parse_document(page))


def test_a_script_built_page_gives_its_stated_body_paragraph_by_paragraph() -> None:
    assert _text(_page("\n".join(PARAGRAPHS))) == "\n\n".join(PARAGRAPHS)


def test_a_stated_body_with_markup_is_read_as_html() -> None:
    body = "".join(f"<p>{p.replace('mph', '<b>mph</b>')}</p>" for p in PARAGRAPHS) + "<br>"
    assert _text(_page(body)) == "\n\n".join(PARAGRAPHS)


def test_the_markup_wins_when_it_holds_the_article() -> None:
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    other = "A different text, stated in the JSON-LD. " * 12  # not three times the markup's
    assert _text(_page(other, f"<article>{story}</article>")) == "\n\n".join(PARAGRAPHS)
    long_story = f"<article>{story * 6}</article>"  # an article's worth of markup
    assert "different" not in _text(_page(other * 20, long_story))


def test_a_teaser_gives_way_to_the_whole_stated_article() -> None:
    teaser = f"<article><p>{PARAGRAPHS[0]}</p><p>Subscribe to read more.</p></article>"
    assert _text(_page("\n".join(PARAGRAPHS), teaser)) == "\n\n".join(PARAGRAPHS)


def test_no_stated_body_or_a_short_one_changes_nothing() -> None:
    assert _text(_page(None)) == _text(_page("Too short to be an article."))
    assert "Heavy rain" not in _text(_page("\n".join(PARAGRAPHS), kind="WebPage"))
    assert _text(_page(["not", "a", "string"])) == _text(_page(None))
    # Markup with no element in it states no article (it made the whole page an error).
    assert _text(_page("<!-- <br> " + "x" * 500 + " -->")) == _text(_page(None))


def test_the_real_command_cleans_and_describes_such_a_page(tmp_path: Path) -> None:
    page = tmp_path / "storm.html"
    page.write_bytes(_page("\n".join(PARAGRAPHS)))
    proc = run_process("clean", page)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Storm batters coast\n\n")
    assert all(p in proc.stdout for p in PARAGRAPHS)
    article = process_article(page.read_bytes(), "storm.html")
    assert article.metadata.word_count > 40
