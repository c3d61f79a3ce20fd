"""``scrubwarc clean page.html``: the article as a text article has it, and --explain."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run

PAGE = (
    '<html><head><meta charset="gb2312"><title>Storm hits coast | Daily Drip</title>'
    '<meta name="author" content="Ann Lee">'
    '<meta property="article:published_time" content="2024-05-03T08:00:00+09:00"></head>'
    "<body><nav><a href=/>Home</a><a href=/w>World</a></nav><article><h1>Storm hits coast</h1>"
    + "<p>The storm reached the coast at dawn, flooding streets and closing schools.</p>"
    * 4
    + '<div class="share-tools"><a href=/f>Share on Facebook</a></div>'
    "<p>Officials said the water would recede by Friday, 日本語 included.</p></article>"
    "</body></html>"
)


def test_clean_shows_headline_byline_and_date_above_the_body(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("utf-8"))
    r = run("clean", page)
    assert r.returncode == 0, r.stderr
    head, *body = r.stdout.split("\n\n")
    assert head == "Storm hits coast"
    assert body[:2] == ["By Ann Lee", "2024-05-03T08:00:00+09:00"]
    assert body[2].startswith("The storm reached the coast")
    assert "日本語" in r.stdout and "Share on Facebook" not in r.stdout


def test_explain_reports_what_extraction_dropped_and_the_encoding(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(PAGE.encode("utf-8"))
    r = run("clean", "--explain", page)
    assert r.returncode == 0, r.stderr
    assert "page read as utf-8 (declares gb2312, but the bytes are valid UTF-8)" in r.stdout
    dropped = [line for line in r.stdout.splitlines() if line.strip().startswith("dropped")]
    assert len(dropped) == 2
    assert "headline" in dropped[0] and "Storm hits coast" in dropped[0]
    assert "class/id 'share-tools'" in dropped[1] and "Share on Facebook" in dropped[1]
