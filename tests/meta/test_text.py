"""Metadata: golden cases for text and HTML, the JSON contract, and the ``meta`` command."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scrubwarc import Metadata
from scrubwarc import process_article as process
from scrubwarc.clean.params import tracking_pairs
from tests.helpers import FIXTURES

CASES = sorted(p for p in (FIXTURES / "meta").iterdir() if p.suffix in {".txt", ".html"})
SCRUBWARC = shutil.which("scrubwarc") or pytest.fail("scrubwarc is not installed")
FIELDS = set(Metadata.__dataclass_fields__)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_golden_metadata(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
    assert set(expected) <= FIELDS, "the fixture names a field that does not exist"
    got = process(path.read_bytes(), path.name).metadata.to_dict()
    assert {key: got[key] for key in expected} == expected


def test_every_golden_input_has_expected_json() -> None:
    assert len(CASES) >= 12
    assert all(p.with_suffix(".json").is_file() for p in CASES)


def test_hashes_counts_and_provenance() -> None:
    data = (FIXTURES / "meta" / "seed.txt").read_bytes()
    article = process(data, "seed.txt")
    meta = article.metadata.to_dict()
    assert meta["source_sha256"] == hashlib.sha256(data).hexdigest()
    assert meta["sha256"] == hashlib.sha256(article.text.encode()).hexdigest()
    assert meta["word_count"] == len(re.findall(r"\w+", article.text)) == 598
    removed = meta["removed"]
    assert isinstance(removed, list)
    assert {r["rule"] for r in removed} == {"tracking", "boilerplate", "headline"}
    assert meta["path"] == "seed.txt"


def test_absent_is_null_or_empty_never_empty_string() -> None:
    meta = process(b"just a line of text\n").metadata.to_dict()
    assert "" not in meta.values()
    assert meta["authors"] == [] and meta["date"] is None and meta["url"] is None


@pytest.mark.parametrize(
    ("pieces", "expected"),
    [
        (["?utm_source=rss&utm_medium=rss"], (("utm_source", "rss"), ("utm_medium", "rss"))),
        (["%3Futm_source%3Drss%26utm_medium%3Dx"], (("utm_source", "rss"), ("utm_medium", "x"))),
        (["https://a.org/?id=1&fbclid=Z&utm_term=a+b"], (("fbclid", "Z"), ("utm_term", "a b"))),
        (["id=5&page=2"], ()),
    ],
)
def test_tracking_pairs(pieces: list[str], expected: tuple[tuple[str, str], ...]) -> None:
    assert tracking_pairs(pieces) == expected


def _meta(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SCRUBWARC, "meta", *map(str, args)], capture_output=True, text=True, check=False
    )


def test_meta_json_for_one_file() -> None:
    r = _meta(FIXTURES / "meta" / "seed.txt", "--json")
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout)
    assert record["authors"] == ["Ariel Zirulnick"] and record["date"] == "2012-07-30"
    assert record["tracking"]["utm_content"] == ["Google Reader"]


def test_meta_json_lines_for_a_directory(tmp_path: Path) -> None:
    for case in CASES[:4]:
        shutil.copy(case, tmp_path / case.name)
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    r = _meta(tmp_path, "--json")
    assert r.returncode == 2
    lines = r.stdout.splitlines()
    assert len(lines) == 4
    records = [json.loads(line) for line in lines]
    assert [rec["path"] for rec in records] == sorted(str(tmp_path / c.name) for c in CASES[:4])
    assert f"error: {tmp_path / 'broken.txt'}: binary file" in r.stderr


def test_meta_summary_for_people() -> None:
    r = _meta(FIXTURES / "meta" / "seed.txt")
    assert r.returncode == 0
    assert "  authors   Ariel Zirulnick\n" in r.stdout
    assert "  date      2012-07-30\n" in r.stdout


def test_clean_extracts_html_article(tmp_path: Path) -> None:
    page = FIXTURES / "meta" / "html-jsonld.html"
    r = subprocess.run([SCRUBWARC, "clean", str(page)], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    # Headline, byline and date above the body, as a text article has them.
    head, byline, date, first = r.stdout.split("\n\n")[:4]
    assert (head, byline) == ("Flood waters recede in valley", "By Jane Roe and John Doe")
    assert date.startswith("2019-11-05")
    assert first.startswith("Water levels in the valley fell overnight")
    assert "Privacy" not in r.stdout and "<" not in r.stdout
    out = tmp_path / "out"
    r = subprocess.run(
        [SCRUBWARC, "clean", "-o", str(out), str(page)], capture_output=True, text=True, check=False
    )
    assert (out / "html-jsonld.txt").is_file(), r.stderr
    r = subprocess.run(
        [SCRUBWARC, "clean", "-i", str(page)], capture_output=True, text=True, check=False
    )
    assert r.returncode == 2 and "not rewritten as text" in r.stderr


def _html_meta(page: object, text: str) -> Metadata:
    from scrubwarc.clean.model import CleanResult
    from scrubwarc.meta.text import html_metadata

    return html_metadata(page, CleanResult(text, (), ()), text.encode())  # type: ignore[arg-type]


_OPENING = "Storm hits the coast\n\nBy Ann Lee\n\n04/05/2020\n\nIt rained all day in the valley."


def test_a_page_s_own_fields_win_and_its_text_fills_the_rest() -> None:
    from scrubwarc.meta.html import HtmlMetadata

    silent = _html_meta(HtmlMetadata(), _OPENING)
    assert (silent.title, silent.authors, silent.date) == (
        "Storm hits the coast",
        ("Ann Lee",),
        "2020-04-05",
    )
    assert (silent.date_assumed, silent.language) == ("month-first", "en")
    page = HtmlMetadata(
        title="Storm", authors=("Bo Yu",), date="2021-06-07", site_name="Herald", language="de"
    )
    stated = _html_meta(page, _OPENING)
    assert (stated.title, stated.authors, stated.date, stated.site_name, stated.language) == (
        "Storm",
        ("Bo Yu",),
        "2021-06-07",
        "Herald",
        "de",
    )


@pytest.mark.parametrize(
    ("date", "assumed"),
    [("2020-04-05", "month-first"), ("2021-06-07", None)],
    ids=["the page states the date the text read both ways", "the page states another date"],
)
def test_date_assumed_describes_the_date_given(date: str, assumed: str | None) -> None:
    from scrubwarc.meta.html import HtmlMetadata

    page = HtmlMetadata(title="Storm", authors=("Bo Yu",), date=date, site_name="Herald")
    assert _html_meta(page, _OPENING).date_assumed == assumed
