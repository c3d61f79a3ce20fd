"""Hardening, input files: degenerate articles, huge lines and input crafted against each rule.

Hostile inputs run in a child process with a generous hang guard rather than a time limit:
speed goals live in ``benchmarks/``; these tests only prove that every rule finishes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run

# Articles with nothing (or nearly nothing) in them, and what `clean` makes of each.
DEGENERATE = {
    "empty": (b"", b""),
    "whitespace-only": (b"  \n\t\n\r\n \xc2\xa0\n", b""),
    "only-a-headline": (b"Storm hits coast\n", b"Storm hits coast\n"),
    "only-a-headline-twice": (b"Storm hits coast\n\nSTORM HITS COAST\n", b"Storm hits coast\n"),
    "only-residue": (b"?utm_source=rss&utm_medium=feed\n", b""),
    "only-a-cross-link": ("RELATED – Five reasons\n".encode(), b""),
    "only-entities-and-tags": (b"&amp;amp;<p></p><br/>\n", b"&\n"),
}


@pytest.mark.parametrize(("data", "expected"), DEGENERATE.values(), ids=DEGENERATE.keys())
def test_degenerate_articles_through_clean_meta_and_archive(
    tmp_path: Path, data: bytes, expected: bytes
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(data)

    r = run("clean", src / "a.txt")
    assert (r.returncode, r.stdout.encode(), r.stderr) == (0, expected, "")
    r = run("clean", "-o", tmp_path / "out", src)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert (tmp_path / "out" / "a.txt").read_bytes() == expected

    r = run("meta", "--json", src / "a.txt")
    assert (r.returncode, r.stderr) == (0, "")
    record = json.loads(r.stdout)
    assert record["title"] in (None, "Storm hits coast", "&")
    assert record["word_count"] == len(re.findall(r"\w+", expected.decode()))

    warc = tmp_path / "a.warc.gz"
    r = run("archive", src, "-o", warc)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert run("verify", warc).returncode == 0
    r = run("unpack", warc, "-o", tmp_path / "restored")
    assert r.returncode == 0
    assert (tmp_path / "restored" / "a.txt").read_bytes() == data


# A child that cleans (and extracts metadata from) one generated text, in a fresh process so a
# hang can be stopped; prints nothing on success.
_CHILD = """
import sys
from scrubwarc import process_article as process
unit, size = sys.argv[1], int(sys.argv[2])
text = (unit * (size // len(unit) + 1))[:size]
article = process(text.encode("utf-8", "surrogatepass"), "hostile.txt")
article.text.encode("utf-8")
"""

# Each unit is repeated to 1 MB, aimed at one regex or loop of a rule (module: what it targets).
HOSTILE = {
    "tracking-ampersands": "?utm_a=&&&&",
    # Many keys in one token that give no removal: once rescanned per key (50 KB took 15 s).
    "tracking-keys-in-one-token": "éutm_a=",
    "tracking-keys-after-slash": "/utm_a=",
    "tracking-bare-keys": "utm_a=",
    "tracking-encoded-equals": "%3D",
    "tracking-encoded-opener": "a%26utm_a%3D",
    "tracking-plus-bars": "++++|||",
    "tracking-urls": "http://",
    "tracking-bare-hosts": "www.a.b/",
    "tracking-glued-sentences": "end.?fbclid=x ",
    "unescape-double-escaped": "&amp;amp;",
    "unescape-numeric": "&#0",
    "unescape-angle-runs": "<<<<b>",
    "unescape-open-tags": "<b ",
    "unescape-attributes": '<a href="',
    "unescape-unclosed-attr": "<p x=",
    "whitespace-spaces": " ",
    "whitespace-tabs-nbsp": "x\t\u00a0 \u200b",
    "whitespace-blank-lines": "\n",
    "whitespace-crlf": "\r\n\r",
    "boilerplate-related": "RELATED – ",
    "boilerplate-bullets": "» » » ",
    "boilerplate-labels": "Read more: ",
    "headline-repeated": "Headline\n",
    "headline-repeated-suffix": "Headline - The Herald\n\n",
    "headline-separators": " - | – ",
    "mojibake": "itâ€™s ",
    "bylines": "By Jane Roe, ",
    "dates": "July 30, 2012 ",
    # One control byte in 25: many more would make the input binary, refused before any rule.
    "controls-and-line-breaks": "\x01\x1b\u2028\ufeff\x85 and some text ",
    # Structural residue checks, tag context, headline-shaped cross-links, the site-name
    # splitter, CJK dates and bylines (the faithful-cleaning rules).
    "tracking-prose-keys": "utm_a=x ",
    "tracking-keys-between-blanks": "utm_a=  \t ",
    "tracking-glued-to-cjk": "東utm_a=x東",
    "tracking-runs-in-one-token": "é?utm_a=é",
    "tracking-url-runs-cjk": "見https://a.b/?utm_a=1見",
    "tracking-sentence-ends": "。utm_a=。",
    "unescape-tags-in-prose": "the <p> tag ",
    "unescape-glued-tags": "a<b>b</b>",
    "unescape-cjk-glued-tags": "は<b>",
    "unescape-quoted-markup": "x <p>a</p> (<b x=1>) ",
    "boilerplate-sentences": "Read more: the report.\n",
    "sitename-separators": "A | B - C — D · ",
    "dates-cjk": "2023年4月1日 ",
    "bylines-cjk": "作者：张三 ",
    "bylines-titles": "By Dr. Prof. Dipl.-Ing. ",
    # The adversarial audit's additions: URLs with non-ASCII paths, queries set off in
    # quotes or code spans, entities in code spans, tab tables, credentials in bylines.
    "tracking-iri-runs": "https://п.рф/п?id=1&utm_a=1п",
    "tracking-quoted-queries": '"?utm_a=" `?utm_a=1` ',
    "tracking-question-tails": "Why?|+a&utm_a=1 ",
    "unescape-code-spans": "`&amp;` <b>`",
    "whitespace-tab-tables": "a\tb\n",
    "bylines-credentials": "By Jane Roe, MD, Jr., ",
    # Host-scoped share ids in one long query, and dotted keys glued to full stops.
    "tracking-host-scoped-keys": "https://x.com/a?&s=1&t=2",
    "tracking-host-scoped-tokens": "youtu.be/a?si=1 ",
    "tracking-host-scoped-short-tokens": "&s=1 ",
    "tracking-dotted-keys": "x.utm_a=1&",
    "tracking-query-punctuation": "5%.+2+2;&utm_a=1",
    # Round 2 of the faithfulness audit: addresses' queries, words glued to a value, e-mail
    # tags, indented lone tags, bracketed and foreign cross-links, caps and stanza copies.
    "tracking-address-queries": "mailto:a@b:/?utm_a=1&",
    "tracking-glued-words": "https://a.b/?utm_a=x,y--z,",
    "tracking-email-tags": "a+utm_a=1@b.co ",
    "unescape-indented-lone-tags": " \t<br>\n",
    "boilerplate-bracketed-labels": "[Read more: A]\n(",
    "boilerplate-foreign-labels": "另请阅读：",
    "headline-caps-copies": "HEADLINE\n",
    "headline-stanza-copies": "Head\n\nHead\nx\n",
    # Round 3: words glued to a value (matched backwards), bold labels, list items, tracked
    # URLs glued inside sentences, copies without blank lines.
    "tracking-glued-word-runs": "?utm_a=x,a;b--c-d",
    "tracking-glued-urls-in-sentences": "。https://a.b/?utm_a=1見",
    "tracking-glued-urls-before-closers": "。https://a.b/?utm_a=1」",
    "boilerplate-bold-labels": "**Related:** __",
    "boilerplate-list-labels": "- More\n",
    "headline-list-copies": "- Head\n",
    "headline-copies-without-blanks": "Head\nHead –\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("unit", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_megabyte_finishes(unit: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, unit, str(1_000_000)],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard: linear rules take well under a second here
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.slow
def test_indented_headline_copy_is_linear() -> None:
    # Once quadratic in the site-suffix separator: 100 KB of indentation took 33 s.
    code = (
        "from scrubwarc.clean.pipeline import clean_text\n"
        "clean_text('Head\\n\\n' + ' ' * 1_000_000 + 'Head x\\n')\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=True)


@pytest.mark.slow
def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    line = ("Word, another word; itâ€™s &amp; more|+x " * 250_000)[:10_000_000]
    (tmp_path / "big.txt").write_text(line, "utf-8")
    proc = subprocess.run(
        ["scrubwarc", "clean", tmp_path / "big.txt"],
        capture_output=True,
        timeout=300,  # hang guard
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout.decode("utf-8")
    assert out.count("\n") == 1 and "it’s & more" in out


# Found by fuzz/fuzz_clean.py: the headline rule once looked at the first 200 lines only, so a
# headline repeated ~600+ times lost 200 copies per pass and cleaning was not idempotent.
def test_deeply_repeated_headline_is_cleaned_in_one_run() -> None:
    from scrubwarc import clean_text

    once = clean_text("Storm hits coast\n\n" * 700 + "It rained.\n").text
    assert once == "Storm hits coast\n\nIt rained.\n"
    assert clean_text(once).text == once


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_200_megabyte_file_is_refused_by_the_default_limit(tmp_path: Path, name: str) -> None:
    big = tmp_path / "in" / name
    big.parent.mkdir()
    with big.open("wb") as handle:  # sparse: 200 MB on paper, no disk used
        handle.truncate(200 * 1024 * 1024)
    (tmp_path / "in" / "ok.txt").write_text("Head\n\nBody.\n")
    clean = subprocess.run(
        ["scrubwarc", "clean", "--check", big], capture_output=True, text=True, check=False
    )
    assert clean.returncode == 2
    assert clean.stderr.startswith(f"error: {big}: file is 209,715,200 bytes, over the ")
    warc = tmp_path / "out.warc.gz"
    archive = subprocess.run(
        ["scrubwarc", "archive", tmp_path / "in", "-o", warc],
        capture_output=True,
        text=True,
        check=False,
    )
    assert archive.returncode == 2
    assert f"error: {big}: file is 209,715,200 bytes" in archive.stderr
    assert "1 article, " in archive.stderr and "Traceback" not in archive.stderr


_LEGACY = """
import sys
from scrubwarc import process_article as process
unit = sys.argv[1]
data = (unit * (1_000_000 // len(unit) + 1)).encode("cp1250")[:1_000_000]
process(data, "legacy.txt")
"""


@pytest.mark.slow
def test_megabyte_legacy_file_finishes() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _LEGACY, "Zażółć gęślą jaźń. "],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
