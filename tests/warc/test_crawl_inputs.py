"""Crawls as crawlers write them, odd corners included: each bad record is reported and the
run goes on, and what is written passes ``warcio check`` and ``scrubwarc verify``.

Real crawls of a local site on 127.0.0.1 (warcio's ``capture_http``) where a server's
headers matter; WARC bytes from warcio's writer, altered by hand where a crawler's fault is
the case.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.crawls import PNG, Page, record_warcio, serve
from tests.helpers import run
from tests.warc.test_crawl import _members

BIN = Path(sys.executable).parent
ARTICLE = (
    b"<html><body><article><h1>Ferry</h1><p>The ferry to the islands leaves at seven every "
    b"morning from the north pier, the operator said on Monday.</p></article></body></html>"
)
NOTES = b"Ferry notes\n\nThe ferry leaves at seven from the north pier.\n"


def _plain_record(url: str, body: bytes = ARTICLE, ctype: str = "text/html") -> bytes:
    """One ``response`` record as warcio writes it, uncompressed."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], "HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers the payload in a temporary file it leaves open
    return out.getvalue()


def _crawl(path: Path, *records: bytes) -> Path:
    """A ``.warc.gz`` of ``records``, one gzip member each, as crawlers write them."""
    path.write_bytes(b"".join(gzip.compress(r, mtime=0) for r in records))
    return path


def _assert_sound(out: Path) -> None:
    checked = subprocess.run(
        [BIN / "warcio", "check", out], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    verified = run("verify", out)
    assert (verified.returncode, verified.stderr) == (0, ""), verified.stderr


def test_content_encoding_lists_are_undone_last_first(tmp_path: Path) -> None:
    """RFC 9110 8.4: Content-Encoding lists the codings in the order applied; identity in
    the list changes nothing. Servers behind a compressing proxy send such lists."""
    body = ARTICLE
    pages = {
        "/with-identity.html": Page(
            200,
            (("Content-Type", "text/html"), ("Content-Encoding", "gzip, identity")),
            gzip.compress(body),
            body,
        ),
        "/twice.html": Page(
            200,
            (("Content-Type", "text/html"), ("Content-Encoding", "gzip, gzip")),
            gzip.compress(gzip.compress(body)),
            body,
        ),
    }
    with serve(pages) as base:
        path = record_warcio(tmp_path / "crawl.warc.gz", base, tuple(pages))
    done = run("meta", path, "--json")
    assert (done.returncode, done.stderr) == (0, "")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [d["crawl_url"] for d in lines] == [base + p for p in pages]
    assert all(d["word_count"] > 10 for d in lines)


def _with_content_length(record: bytes, length: int) -> bytes:
    """The record with its WARC header's Content-Length replaced (its block unchanged)."""
    head, sep, block = record.partition(b"\r\n\r\n")
    lines = [
        b"Content-Length: %d" % length if line.startswith(b"Content-Length:") else line
        for line in head.split(b"\r\n")
    ]
    return b"\r\n".join(lines) + sep + block


def test_a_record_whose_content_length_is_wrong_is_reported_not_copied(tmp_path: Path) -> None:
    """warcio reads on over a wrong WARC Content-Length; copied as it stands, the record
    made the output fail ``warcio check`` and ``verify``, and its page was cut or ran on."""
    first = _plain_record("http://news.example/first")
    record = _plain_record("http://news.example/long")
    block = len(record.partition(b"\r\n\r\n")[2]) - 4  # less the blank lines after it
    longer = _with_content_length(record, block + 40)
    shorter = _with_content_length(_plain_record("http://news.example/short"), block - 40)
    last = _plain_record("http://news.example/last")
    path = _crawl(tmp_path / "crawl.warc.gz", first, longer, shorter, last)
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 2
    assert (
        f"http://news.example/long: record is cut short: its Content-Length says {block + 40} "
    ) in done.stderr
    assert "http://news.example/short: record runs on past its Content-Length" in done.stderr
    assert "2 articles" in done.stderr
    _assert_sound(out)
    with out.open("rb") as handle:
        urls = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(handle)]
    assert "http://news.example/first" in urls and "http://news.example/last" in urls
    meta = run("meta", path, "--json")
    assert meta.returncode == 2 and len(meta.stdout.splitlines()) == 2
    assert meta.stderr.count("error: ") == 2


def test_clean_writes_every_page_it_can_when_one_path_cannot_be(tmp_path: Path) -> None:
    """A URL whose path the file system cannot hold (a name over 255 bytes, a page where
    another page needs a folder) fails that page alone; it stopped the whole crawl."""
    path = _crawl(
        tmp_path / "crawl.warc.gz",
        _plain_record("http://news.example/a/" + "x" * 300 + ".html"),
        _plain_record("http://news.example/notes.txt", NOTES, "text/plain"),
        _plain_record("http://news.example/notes.txt/more.html"),
        _plain_record("http://news.example/news/ferry.html"),
    )
    out = tmp_path / "texts"
    done = run("clean", "-o", out, path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2, done.stderr
    assert "offset 0: http://news.example/a/xxx" in errors[0]
    assert errors[0].endswith("cannot write: File name too long (not written)")
    assert "http://news.example/notes.txt/more.html: " in errors[1]
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["news.example/news/ferry.txt", "news.example/notes.txt"]


def test_copied_captures_are_judged_as_their_crawler_wrote_them(tmp_path: Path) -> None:
    """verify holds copied captures to the WARC standard, not to scrubwarc's own habits: a
    ``resource`` capture in WARC/1.0 without a warcinfo link (as warcio writes one) and a
    capture without the optional WARC-Block-Digest made archive's output fail verify."""
    resource = io.BytesIO()
    writer = WARCWriter(resource, gzip=False)
    record = writer.create_warc_record(
        "http://news.example/page.html", "resource", payload=io.BytesIO(ARTICLE),
        warc_content_type="text/html",
    )  # fmt: skip
    writer.write_record(record)
    record.raw_stream.close()
    undigested = b"".join(
        line
        for line in io.BytesIO(_plain_record("http://news.example/plain.html"))
        if not line.startswith(b"WARC-Block-Digest:")
    )
    path = _crawl(tmp_path / "crawl.warc.gz", resource.getvalue(), undigested)
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "2 articles" in done.stderr
    _assert_sound(out)
    # scrubwarc's own records are still held to carrying a block digest.
    stripped = [
        b"".join(line for line in io.BytesIO(m) if not line.startswith(b"WARC-Block-Digest:"))
        if b"urn:text:" in m[:400]
        else m
        for m in _members(out)
    ]
    _crawl(out, *stripped)
    assert "no WARC-Block-Digest" in run("verify", out).stderr


def test_untyped_binary_captures_are_counted_not_errors(tmp_path: Path) -> None:
    """A server that sends no Content-Type leaves the bytes to decide; an image or a PDF
    is then another type, counted, not a bad page that fails the run with exit code 2."""
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    pages = {
        "/photo": Page(200, (), PNG, PNG),
        "/report": Page(200, (), pdf, pdf),
        "/news/ferry": Page(200, (), ARTICLE, ARTICLE),
    }
    with serve(pages) as base:
        path = record_warcio(tmp_path / "crawl.warc.gz", base, tuple(pages))
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr
    assert "1 article" in done.stderr and "not archived as articles: other type 2" in done.stderr
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert [json.loads(line)["crawl_url"] for line in meta.stdout.splitlines()] == [
        base + "/news/ferry"
    ]


def test_an_empty_crawl_is_a_crawl_with_nothing_in_it(tmp_path: Path) -> None:
    """warcio's capture_http that fetched nothing leaves a 0-byte ``.warc.gz``; some tools
    leave an empty gzip member. Named as a crawl, each is one with no records: it was an
    empty text "article" (and ``clean -o`` wrote a file named ``*.warc.gz``), or an error."""
    from warcio.capture_http import capture_http

    folder = tmp_path / "crawls"
    folder.mkdir()
    with capture_http(str(folder / "nothing.warc.gz")):
        pass
    assert (folder / "nothing.warc.gz").stat().st_size == 0
    (folder / "member.warc.gz").write_bytes(gzip.compress(b""))
    _crawl(folder / "news.warc.gz", _plain_record("http://news.example/ferry.html"))
    out = tmp_path / "out.warc.gz"
    done = run("archive", folder, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "1 article," in done.stderr and "error" not in done.stderr
    _assert_sound(out)
    for empty in ("nothing.warc.gz", "member.warc.gz"):
        meta = run("meta", folder / empty, "--json")
        assert (meta.returncode, meta.stdout, meta.stderr) == (0, "", "")
        cleaned = run("clean", "-o", tmp_path / "texts", folder / empty)
        assert cleaned.returncode == 0, cleaned.stderr
        assert not (tmp_path / "texts").exists() or not any((tmp_path / "texts").iterdir())


def _cut_record(url: str, extra: dict[str, str], body: bytes = ARTICLE) -> bytes:
    """A ``response`` record whose WARC headers say its payload is not whole."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=extra
    )
    writer.write_record(record)
    record.raw_stream.close()
    return out.getvalue()


def test_a_capture_the_crawler_cut_short_is_archived_with_a_warning(tmp_path: Path) -> None:
    """ISO 28500 5.13: a crawler that stops reading a response (too long, too slow, the
    connection lost) says so with WARC-Truncated; a record split in segments is whole only
    with its continuations. Such a page is archived as found, and the run says its text
    may be cut (before, nothing told it from a whole page)."""
    cut = ARTICLE[: len(ARTICLE) // 2 + 40]
    crawl = _crawl(
        tmp_path / "cut.warc.gz",
        _plain_record("http://news.example/whole"),
        _cut_record("http://news.example/length", {"WARC-Truncated": "length"}, cut),
        _cut_record("http://news.example/time", {"WARC-Truncated": "time"}),
        _cut_record("http://news.example/segment", {"WARC-Segment-Number": "1"}),
    )
    out = tmp_path / "out.warc.gz"
    done = run("archive", crawl, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "4 articles" in done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 3, done.stderr
    assert all(line.endswith("its text may be cut (archived as found)") for line in warnings)
    assert (
        "news.example/length: the crawler cut the capture short (WARC-Truncated: length)"
        in (warnings[0])
    )
    assert "(WARC-Truncated: time)" in warnings[1] and "first segment" in warnings[2]
    assert "whole" not in done.stderr
    _assert_sound(out)
    shown = run("meta", crawl, "--json")
    assert shown.returncode == 0 and len(shown.stdout.splitlines()) == 4
    assert shown.stderr.count("its text may be cut") == 3
