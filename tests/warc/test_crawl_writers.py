"""Crawls from other writers, round 2: what their records hold that warcio's reader does not
expect. WARC bytes from warcio's writer (the headers a crawler sets given by hand); each
case is read through the commands, and what ``archive`` writes passes ``scrubwarc verify``.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
import random
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.helpers import run
from tests.warc.test_crawl import _records
from tests.warc.test_crawl_inputs import ARTICLE, _assert_sound, _crawl

HTML = (("Content-Type", "text/html"),)


def _record(
    url: str,
    body: bytes = ARTICLE,
    headers: tuple[tuple[str, str], ...] = HTML,
    warc: dict[str, str] | None = None,
) -> bytes:
    """One ``response`` record as warcio writes it, uncompressed."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders("200 OK", list(headers), "HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http, warc_headers_dict=warc
    )
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers the payload in a temporary file it leaves open
    return out.getvalue()


def _urls(stdout: str) -> list[str]:
    return [json.loads(line)["crawl_url"] for line in stdout.splitlines()]


def test_a_scheme_in_capitals_is_read_and_copied_in_lower_case(tmp_path: Path) -> None:
    """A scheme is case-insensitive (RFC 3986, 3.1); warcio reads HTTP headers only at a
    lower-case ``http:``. The record's type (``application/http``) says what it holds."""
    urls = ("HTTPS://News.Example/ferry.html", "Http://news.example/ferry-2.html")
    path = _crawl(tmp_path / "crawl.warc.gz", *(_record(u) for u in urls))
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert _urls(meta.stdout) == list(urls)
    assert all(json.loads(line)["title"] == "Ferry" for line in meta.stdout.splitlines())
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "2 articles" in done.stderr
    # Copied with the scheme in lower case: warcio (so pywb and cdxj-indexer) reads the
    # HTTP message there, and both digests still hold; verify agrees with warcio check.
    assert run("verify", out).returncode == 0
    assert _tool("warcio", "check", out).returncode == 0
    index = [
        json.loads(line.split(" ", 2)[2]) for line in _tool("cdxj-indexer", out).stdout.splitlines()
    ]
    captures = [entry for entry in index if not entry["url"].startswith("urn:")]
    assert [c["url"] for c in captures] == [
        "https://News.Example/ferry.html",
        "http://news.example/ferry-2.html",
    ]
    assert {(c.get("mime"), c.get("status")) for c in captures} == {("text/html", "200")}
    # The crawl itself: warcio check fails it, and so does verify.
    assert _tool("warcio", "check", path).returncode != 0
    faults = run("verify", path).stderr
    assert "WARC-Target-URI scheme 'HTTPS' is not in lower case" in faults
    assert "WARC-Target-URI scheme 'Http' is not in lower case" in faults


def _tool(name: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """A tool installed beside this Python (warcio, cdxj-indexer), as a user runs it."""
    command = [str(Path(sys.executable).parent / name), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


def test_a_payload_that_does_not_decompress_is_an_error_not_an_article(tmp_path: Path) -> None:
    """Bytes under a Content-Encoding they are not in are judged by what they are: a plain
    page is taken as it is; garbage is an error, never archived as an article's text."""
    garbage = random.Random(1).randbytes(300)
    br, gz = (("Content-Encoding", "br"),), (("Content-Encoding", "gzip"),)
    whole = gzip.compress(ARTICLE)
    records = [
        _record("http://news.example/br.html", garbage, HTML + br),
        _record("http://news.example/short.html", b"\x8b\x02\x80Ferry leaves at 7", HTML + br),
        _record("http://news.example/gz.html", garbage, HTML + gz),
        _record("http://news.example/broken.html", whole[:40] + garbage + whole[40:], HTML + gz),
        _record("http://news.example/plain.html", ARTICLE, HTML + gz),  # a server's wrong label
    ]
    path = _crawl(tmp_path / "crawl.warc.gz", *records)
    meta = run("meta", path, "--json")
    assert meta.returncode == 2
    assert _urls(meta.stdout) == ["http://news.example/plain.html"]
    errors = meta.stderr.splitlines()
    assert len(errors) == 4, meta.stderr
    for error, name in zip(errors, ("br", "short", "gz", "broken"), strict=True):
        assert error.startswith(f"error: {path}: offset ")
        assert f"http://news.example/{name}.html: " in error
        assert "does not decompress" in error or "not supported" in error


def test_gzip_members_one_after_another_are_one_payload(tmp_path: Path) -> None:
    """RFC 1952 2.2: a gzip file is members one after another; warcio's reader stopped
    after the first, and the page was cut there without a word."""
    half = len(ARTICLE) // 2
    body = gzip.compress(ARTICLE[:half]) + gzip.compress(ARTICLE[half:])
    path = _crawl(
        tmp_path / "crawl.warc.gz",
        _record("http://news.example/two.html", body, (*HTML, ("Content-Encoding", "gzip"))),
        _record("http://news.example/plain.html"),
    )
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    two, plain = (json.loads(line) for line in meta.stdout.splitlines())
    assert two["sha256"] == plain["sha256"]  # the same page


def test_a_repeated_record_id_is_a_warning_and_no_capture_is_linked_to_another(
    tmp_path: Path,
) -> None:
    """Two captures in one crawl under one WARC-Record-ID (a writer's fault): each page is
    read as its own, with a warning; only the first record is copied, and the second page's
    text and metadata name their capture by URL and date, never the first one's id."""
    rid = {"WARC-Record-ID": "<urn:uuid:00000000-0000-0000-0000-00000000000a>"}
    beta = ARTICLE.replace(b"Ferry", b"Harbour")
    path = _crawl(
        tmp_path / "crawl.warc.gz",
        _record("http://news.example/a.html", warc=rid),
        _record("http://news.example/b.html", beta, warc=rid),
    )
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    warning = done.stderr.splitlines()[0]
    assert warning.startswith(f"warning: {path}: offset ")
    assert warning.endswith(
        ": http://news.example/b.html: WARC-Record-ID <urn:uuid:00000000-0000-0000-0000-"
        "00000000000a> also names the capture at offset 0 (record ids must be unique): read "
        "as found, its record not copied"
    )
    assert "2 articles" in done.stderr
    assert run("verify", out).returncode == 0
    records = _records(out)
    assert [t for t, _, _ in records].count("response") == 1
    for rec_type, head, _ in records:
        if rec_type == "metadata" and head.get("WARC-Refers-To") == rid["WARC-Record-ID"]:
            assert head["WARC-Target-URI"] == "http://news.example/a.html"
    metas = [h for t, h, _ in records if t == "metadata"]
    assert [h.get("WARC-Refers-To-Target-URI") for h in metas] == [
        None,
        "http://news.example/b.html",
    ]
    meta = run("meta", path, "--json")
    assert meta.returncode == 0 and meta.stderr.startswith("warning: ")
    assert _urls(meta.stdout) == ["http://news.example/a.html", "http://news.example/b.html"]


def test_a_damaged_gzip_member_midway_is_named_by_its_own_offset(tmp_path: Path) -> None:
    """The error names where the damaged record starts (it named the last good one's
    offset, 0) and says what is wrong in words (it quoted the member's binary bytes); the
    records after it are read (they were lost with it)."""
    members = [gzip.compress(_record(f"http://news.example/{n}.html"), mtime=0) for n in range(3)]
    damaged = members[1][:30] + bytes(20) + members[1][50:]
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(members[0] + damaged + members[2])
    meta = run("meta", path, "--json")
    assert meta.returncode == 2
    assert _urls(meta.stdout) == ["http://news.example/0.html", "http://news.example/2.html"]
    start, after = len(members[0]), len(members[0]) + len(damaged)
    assert meta.stderr.splitlines() == [
        f"error: {path}: unreadable WARC at offset {start} (read on at offset {after}): "
        "no WARC record here: damaged gzip member or data that is not WARC"
    ]


def test_of_several_content_types_the_last_is_the_page_type(tmp_path: Path) -> None:
    """Browsers take the last Content-Type a server sends; the first made this page text,
    its markup read as words."""
    types = (("Content-Type", "text/plain"), ("Content-Type", "text/html; charset=utf-8"))
    path = _crawl(tmp_path / "crawl.warc.gz", _record("http://news.example/a.html", ARTICLE, types))
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert json.loads(meta.stdout)["title"] == "Ferry"


def test_a_payload_that_does_not_match_its_digest_is_read_but_not_copied(
    tmp_path: Path,
) -> None:
    """A copy of a capture whose payload fails its WARC-Payload-Digest made archive's own
    output fail verify; the page is still read (a writer's wrong digest loses nothing)."""
    good = _record("http://news.example/good.html")
    bad = _record("http://news.example/bad.html").replace(
        b"WARC-Payload-Digest: sha1:", b"WARC-Payload-Digest: sha1:AAAA", 1
    )
    path = _crawl(tmp_path / "crawl.warc.gz", good, bad)
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    warning = done.stderr.splitlines()[0]
    assert warning.startswith(f"warning: {path}: offset ")
    assert (
        ": http://news.example/bad.html: its payload does not match its WARC-Payload-Digest "
        in warning
    )
    assert warning.endswith(": read as found, its record not copied")
    assert "2 articles" in done.stderr
    assert (run("verify", out).returncode, [t for t, _, _ in _records(out)].count("response")) == (
        0,
        1,
    )


def test_a_digest_is_checked_only_for_a_record_that_is_copied(tmp_path: Path) -> None:
    """Reading a page does not need its digest: with --no-copy (and in ``meta``) nothing is
    copied, so the payload is not hashed and no warning is given."""
    bad = _record("http://news.example/bad.html").replace(
        b"WARC-Payload-Digest: sha1:", b"WARC-Payload-Digest: sha1:AAAA", 1
    )
    path = _crawl(tmp_path / "crawl.warc.gz", bad)
    done = run("archive", path, "-o", tmp_path / "out.warc.gz", "--no-copy")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr and "1 article" in done.stderr
    meta = run("meta", path, "--json")
    assert meta.returncode == 0 and "warning" not in meta.stderr
    assert _urls(meta.stdout) == ["http://news.example/bad.html"]


def _wget_revisit(url: str, refers_to: str, digest: str) -> bytes:
    """A revisit as ``wget --warc-dedup`` writes it: WARC/1.0, the response's HTTP headers
    as its block, and ``WARC-Truncated: length`` (the payload is left out by design)."""
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        "WARC/1.0\r\nWARC-Type: revisit\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-0000000000b1>\r\n"
        f"WARC-Refers-To: {refers_to}\r\n"
        "WARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\n"
        f"WARC-Truncated: length\r\nWARC-Target-URI: {url}\r\n"
        "WARC-Date: 2024-05-02T08:00:00Z\r\n"
        f"WARC-Payload-Digest: {digest}\r\n"
        "Content-Type: application/http;msgtype=response\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def test_a_wget_dedup_revisit_is_whole_when_its_capture_is(tmp_path: Path) -> None:
    """A revisit's WARC-Truncated speaks of its own block, which holds no payload by design:
    the page it resolves to is cut only when the capture it names says so."""
    rid = "<urn:uuid:00000000-0000-0000-0000-0000000000a1>"
    digest = "sha1:" + base64.b32encode(hashlib.sha1(ARTICLE).digest()).decode()
    first = _record("http://news.example/a.html", warc={"WARC-Record-ID": rid})
    again = _wget_revisit("http://news.example/a.html", rid, digest)
    path = _crawl(tmp_path / "crawl.warc.gz", first, again)
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert _urls(meta.stdout) == ["http://news.example/a.html"] * 2
    out = tmp_path / "out.warc.gz"
    assert run("archive", path, "-o", out).stderr.startswith("2 articles")
    _assert_sound(out)
    cut = _record(
        "http://news.example/a.html", warc={"WARC-Record-ID": rid, "WARC-Truncated": "time"}
    )
    path = _crawl(tmp_path / "cut.warc.gz", cut, again)
    warnings = run("meta", path, "--json").stderr.splitlines()
    assert len(warnings) == 2 and all("(WARC-Truncated: time)" in w for w in warnings)


def test_a_response_with_nothing_in_it_is_counted_not_an_error(tmp_path: Path) -> None:
    """A 2xx with an empty body (a beacon, a keep-alive, a HEAD's answer; chunked or not)
    is no article, counted as a 204 is; the run's exit code stays 0."""
    chunked = (*HTML, ("Transfer-Encoding", "chunked"))
    path = _crawl(
        tmp_path / "crawl.warc.gz",
        _record("http://news.example/beacon", b""),
        _record("http://news.example/ping", b"0\r\n\r\n", chunked),
        _record("http://news.example/blank.txt", b" \r\n", (("Content-Type", "text/plain"),)),
        _record("http://news.example/a.html"),
    )
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert (
        done.stderr.splitlines()[0] == "3 crawled pages not archived as articles: empty response 3"
    )
    assert "1 article," in done.stderr
    meta = run("meta", path, "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert _urls(meta.stdout) == ["http://news.example/a.html"]


def test_an_error_in_a_crawl_names_the_crawl_by_its_path(tmp_path: Path) -> None:
    """Crawls are often named alike in their own folders: an error names the path given."""
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    paths = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        paths.append(_crawl(tmp_path / name / "crawl.warc.gz", _record("http://x.example/p", png)))
    for jobs in ("1", "2"):
        done = run("archive", *paths, "-o", tmp_path / f"out{jobs}.warc.gz", "--jobs", jobs)
        assert done.returncode == 2
        errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        assert [e.split(": offset 0: ")[0] for e in errors] == [f"error: {p}" for p in paths]


def test_a_content_type_list_is_read_as_browsers_read_it(tmp_path: Path) -> None:
    """Content-Type headers a server or proxy joined with a comma: the last type counts, with
    its charset, or with the charset of the same type before it (Fetch, extract a MIME type)."""
    page = "<html><body><article><h1>Паром</h1><p>Паром отходит в семь утра.</p></article>"
    body = page.encode("windows-1251")
    types = [
        "text/html, text/html; charset=windows-1251",
        "text/html; charset=windows-1251, text/html",
        'text/plain; x="a, b", text/html; charset=windows-1251',
    ]
    records = [
        _record(f"http://news.example/{n}", body, (("Content-Type", t),))
        for n, t in enumerate(types)
    ]
    meta = run("meta", _crawl(tmp_path / "crawl.warc.gz", *records), "--json")
    assert (meta.returncode, meta.stderr) == (0, "")
    assert [json.loads(line)["title"] for line in meta.stdout.splitlines()] == ["Паром"] * 3


def test_a_heritrix_1_crawl_in_a_draft_warc_version_is_archived_soundly(tmp_path: Path) -> None:
    """Heritrix 1.x wrote WARC/0.17 and WARC/0.18, which crawl archives still hold: the
    pages are read, and the output, which copies the captures as they are, verifies."""
    for version in (b"WARC/0.17", b"WARC/0.18"):
        record = _record("http://news.example/old.html")
        record = version + record[record.index(b"\r\n") :]
        path = _crawl(tmp_path / f"{version.decode()[5:]}.warc.gz", record)
        out = tmp_path / f"out-{version.decode()[5:]}.warc.gz"
        done = run("archive", path, "-o", out)
        assert (done.returncode, done.stderr.split(",")[0]) == (0, "1 article")
        _assert_sound(out)


def test_clean_keeps_each_text_of_a_page_crawled_again(tmp_path: Path) -> None:
    """Crawls hold one URL many times (crawled again, at http and https, as a folder and as
    its index.html), and each capture's text went to the same file, the last one left.
    A text already written is written once; another is kept beside it, by its date."""
    beta = ARTICLE.replace(b"seven", b"eight")
    path = _crawl(
        tmp_path / "crawl.warc.gz",
        _record("http://news.example/ferry"),
        _record("http://news.example/ferry", beta, warc={"WARC-Date": "2024-05-02T08:00:00Z"}),
        _record("https://news.example/ferry", beta, warc={"WARC-Date": "2024-05-02T08:00:00Z"}),
        _record("https://news.example/ferry"),
    )
    out = tmp_path / "texts"
    done = run("clean", "-o", out, path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "4 files: 2 changed, 2 unchanged, 0 failed"
    assert "news.example/ferry.txt holds another capture's text: " in done.stderr
    texts = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.txt")}
    assert sorted(texts) == ["news.example/ferry.20240502080000.txt", "news.example/ferry.txt"]
    assert "seven" in texts["news.example/ferry.txt"]
    assert "eight" in texts["news.example/ferry.20240502080000.txt"]


def test_clean_reports_a_text_it_has_no_name_left_for(tmp_path: Path) -> None:
    """Crawls given together may hold one URL at the same date and offset: a text for which
    every name is taken by another is an error naming the capture, never dropped quietly."""
    date = {"WARC-Date": "2024-05-02T08:00:00Z"}
    crawls = [
        _crawl(tmp_path / f"c{n}.warc.gz", _record("http://news.example/ferry", body, warc=date))
        for n, body in enumerate(
            ARTICLE.replace(b"seven", word) for word in (b"1", b"2", b"3", b"4")
        )
    ]
    out = tmp_path / "texts"
    done = run("clean", "-o", out, *crawls)
    assert done.returncode != 0
    assert len(list(out.rglob("*.txt"))) == 3
    lost = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(lost) == 1, done.stderr
    assert str(crawls[3]) in lost[0] and "names hold other captures' texts" in lost[0]


def test_a_record_cut_short_with_nothing_of_its_body_is_an_error_not_empty(
    tmp_path: Path,
) -> None:
    """An empty body is counted as no page only when the record is whole: a record cut
    right after its HTTP headers is reported as cut."""
    record = _record("http://news.example/cut.html")
    cut = record[: record.index(b"\r\n\r\n", record.index(b"HTTP/1.1")) + 4]
    path = _crawl(tmp_path / "crawl.warc.gz", _record("http://news.example/a.html"), cut)
    meta = run("meta", path, "--json")
    assert meta.returncode == 2
    assert "http://news.example/cut.html: record is cut short" in meta.stderr
