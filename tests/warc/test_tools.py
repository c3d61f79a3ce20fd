"""Our WARCs as the real tools see them: warcio, cdxj-indexer, pywb and py-wacz.

Each tool runs as a subprocess from this virtualenv, the way a user would run it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from scrubwarc import Article, Metadata, archive
from scrubwarc.warc.wacz import build_wacz
from tests.helpers import (
    FIXTURES,
    article,
    make_corpus,
    pinned_clock,
    pinned_ids,
    pinned_writer,
    pywb_server,
)

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
URL = "https://news.example/ärticle?id=1"
ASCII_URL = "https://news.example/%C3%A4rticle?id=1"
COPY_URL = "https://mirror.example/copy"


def run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command}: {done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three articles: non-ASCII URL, a copy of it at another URL (a revisit), no URL."""
    out = tmp_path_factory.mktemp("warc") / "news.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(article("Café opens\nWith “quotes”.\n", url=URL), "cafe.txt")
        writer.write(article("Café opens\nWith “quotes”.\n", url=COPY_URL), "copy/cafe.txt")
        plain = Article(b"No URL here\n", "No URL here\n", Metadata(title="No URL"), "text")
        writer.write(plain, "plain.txt")
    return out


def test_warcio_check_and_index(warc: Path) -> None:
    checked = run(BIN / "warcio", "check", "-v", warc)
    assert "digest pass" in checked and "fail" not in checked.lower()
    index = run(BIN / "warcio", "index", "-f", "warc-type,offset", warc)
    types = [json.loads(line)["warc-type"] for line in index.splitlines()]
    article_records = ["resource", "resource", "metadata"]
    assert types == [
        "warcinfo",
        *article_records,
        "revisit",
        *article_records[1:],
        *article_records,
    ]


def test_cdxj_indexer_skips_metadata(warc: Path) -> None:
    lines = run(BIN / "cdxj-indexer", warc).splitlines()
    entries = [json.loads(line.split(" ", 2)[2]) for line in lines]
    urls = sorted(e["url"] for e in entries)
    assert ASCII_URL in urls and "urn:text:" + ASCII_URL in urls
    assert COPY_URL in urls
    assert sum(u.startswith("urn:sha256:") for u in urls) == 1
    assert len(entries) == 6  # 2 originals + 1 revisit + 3 texts; never a metadata record
    assert all(e.get("mime") != "application/warc-fields" for e in entries)
    everything = run(BIN / "cdxj-indexer", "--records", "all", warc).splitlines()
    assert len(everything) > len(lines)  # metadata is there, skipped by the default only


@pytest.fixture(scope="module")
def wayback(warc: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A pywb collection ``C`` holding the WARC, served on 127.0.0.1 only."""
    root = tmp_path_factory.mktemp("pywb")
    run(BIN / "wb-manager", "init", "C", cwd=root)
    run(BIN / "wb-manager", "add", "C", warc, cwd=root)
    with pywb_server(root) as base:
        yield base


def fetch(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get("Content-Type", "")


def test_pywb_replays_original_and_text_byte_exact(wayback: str) -> None:
    original, kind = fetch(f"{wayback}/C/2id_/{ASCII_URL}")
    assert original == "Café opens\nWith “quotes”.\n\nRead more\n".encode()
    assert "charset=utf-8" in kind
    text, kind = fetch(f"{wayback}/C/2id_/urn:text:{ASCII_URL}")
    assert text == "Café opens\nWith “quotes”.\n".encode()
    assert "charset=utf-8" in kind


def test_pywb_resolves_the_revisit(wayback: str) -> None:
    original, _ = fetch(f"{wayback}/C/2id_/{COPY_URL}")
    assert original == "Café opens\nWith “quotes”.\n\nRead more\n".encode()


def test_pywb_cdx_has_one_capture_per_url(wayback: str) -> None:
    for url in (ASCII_URL, "urn:text:" + ASCII_URL):
        body, _ = fetch(f"{wayback}/C/cdx?url={urllib.parse.quote(url)}&output=json")
        captures = [json.loads(line) for line in body.decode().splitlines()]
        assert len(captures) == 1, captures
        assert captures[0]["url"] == url
        assert captures[0]["mime"] == "text/plain"


def test_wacz_validates_and_lists_titles(warc: Path, tmp_path: Path) -> None:
    package = build_wacz([warc], tmp_path / "news.wacz")
    assert "valid" in run(BIN / "wacz", "validate", "-f", package)
    with zipfile.ZipFile(package) as zipped:
        lines = zipped.read("pages/pages.jsonl").decode().splitlines()
        assert "archive/news.warc.gz" in zipped.namelist()
    header, *pages = (json.loads(line) for line in lines)
    assert header["format"] == "json-pages-1.0"
    assert [(p["url"], p["title"]) for p in pages] == [
        (ASCII_URL, "Café opens"),
        (COPY_URL, "Café opens"),
        (pages[2]["url"], "No URL"),
    ]
    assert pages[2]["url"].startswith("urn:sha256:")
    assert pages[0]["ts"] == "2024-05-01T12:00:00Z"
    assert pages[0]["text"] == "Café opens\nWith “quotes”.\n"


def test_archive_of_fixtures_with_wacz_and_rolling(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_corpus(src, 30)
    out = tmp_path / "out" / "news.warc.gz"
    summary = archive(
        [src, FIXTURES / "html"],
        out,
        include=("*.txt", "*.html"),
        max_size=5000,
        wacz=True,
        clock=pinned_clock,
        record_ids=pinned_ids(),
        parents=True,
    )
    assert len(summary.files) > 2
    for part in summary.files:
        checked = run(BIN / "warcio", "check", "-v", part)
        assert "fail" not in checked.lower()
    assert summary.wacz == out.with_name("news.wacz")
    assert "valid" in run(BIN / "wacz", "validate", "-f", summary.wacz)
    with zipfile.ZipFile(summary.wacz) as zipped:
        pages = zipped.read("pages/pages.jsonl").decode().splitlines()[1:]
    assert len(pages) == summary.articles
    assert all(json.loads(p)["title"] for p in pages)
