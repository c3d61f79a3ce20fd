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

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.crawls import Page, record_warcio, serve
from tests.helpers import run

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
