"""Crawl WARCs in, article WARCs out: real crawls of a local site, judged by real readers.

The crawls are recorded from ``tests.crawls``' site on 127.0.0.1 by warcio's
``capture_http`` (and by ``wget --warc-file`` when Debian's wget is installed); the outputs
are read back with warcio, ``scrubwarc verify``, ``unpack``, ``meta`` and ``clean``.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrubwarc import archive
from tests.crawls import ARTICLES, record_warcio, record_wget, serve, site
from tests.helpers import pinned_clock, pinned_ids, pywb_server, run
from tests.warc.test_tools import run as tool

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Every page of the site, fetched once through warcio's ``capture_http``."""
    folder = tmp_path_factory.mktemp("crawl")
    with serve() as base:
        path = record_warcio(folder / "crawl.warc.gz", base)
    return path, base


@pytest.fixture(scope="module")
def archived(crawl: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "articles.warc.gz"
    done = run("archive", crawl[0], "-o", out)
    assert done.returncode == 0, done.stderr
    return out


def _records(path: Path) -> list[tuple[str, dict[str, str], bytes]]:
    """(type, headers, block) of every record, as warcio reads them."""
    found = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle, no_record_parse=True):
            headers = dict(record.rec_headers.headers)
            found.append((record.rec_type, headers, record.raw_stream.read()))
    return found


def _members(path: Path) -> list[bytes]:
    """Each gzip member of a file, decompressed: one record each."""
    data, out = path.read_bytes(), []
    while data:
        member = zlib.decompressobj(zlib.MAX_WBITS + 16)
        out.append(member.decompress(data))
        data = member.unused_data
    return out


def test_archive_of_a_crawl_passes_warcio_check_and_verify(archived: Path) -> None:
    checked = subprocess.run(
        [BIN / "warcio", "check", "-v", archived], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0 and "fail" not in checked.stdout.lower(), checked.stdout
    verified = run("verify", archived)
    assert (verified.returncode, verified.stderr) == (0, ""), verified.stderr


def test_each_article_is_its_capture_then_text_then_metadata(
    archived: Path, crawl: tuple[Path, str]
) -> None:
    records = _records(archived)
    assert records[0][0] == "warcinfo"
    urls = [h["WARC-Target-URI"] for t, h, _ in records if t == "response"]
    base = crawl[1]
    # The article pages, in crawl order (the storm page was fetched twice: redirect target).
    assert sorted(set(urls)) == sorted(base + p for p in ARTICLES)
    assert urls.count(base + "/news/storm.html") == 2
    for i, (rec_type, headers, _) in enumerate(records):
        if rec_type != "response":
            continue
        text_type, text, _ = records[i + 1]
        meta_type, meta, _ = records[i + 2]
        assert (text_type, meta_type) == ("resource", "metadata")
        assert text["WARC-Target-URI"] == "urn:text:" + headers["WARC-Target-URI"]
        assert text["WARC-Concurrent-To"] == headers["WARC-Record-ID"]
        assert meta["WARC-Refers-To"] == headers["WARC-Record-ID"]
        assert text["WARC-Date"] == meta["WARC-Date"] == headers["WARC-Date"]


def test_captures_are_copied_byte_for_byte(archived: Path, crawl: tuple[Path, str]) -> None:
    source = {m for m in _members(crawl[0]) if b"WARC-Type: response" in m[:200]}
    copied = [m for m in _members(archived) if b"WARC-Type: response" in m[:200]]
    assert copied and all(m in source for m in copied)


def _assert_texts_are_what_clean_prints(archived: Path, base: str, tmp_path: Path) -> None:
    """Each article page's text record is, whole, what `scrubwarc clean page.html` prints for
    the decoded page: the page's headline (byline, date) above the article (one function
    composes both, article.article_text)."""
    pages = site()
    texts = {
        h["WARC-Target-URI"].removeprefix("urn:text:"): block
        for t, h, block in _records(archived)
        if t == "resource"
    }
    assert len(texts) == len(ARTICLES)
    for path in ARTICLES:
        page = tmp_path / ("page.txt" if path.endswith(".txt") else "page.html")
        page.write_bytes(pages[path].decoded)
        cleaned = run("clean", page)
        assert cleaned.returncode == 0, cleaned.stderr
        assert texts[base + path].decode("utf-8") == cleaned.stdout, path


def test_text_records_equal_scrubwarc_clean_of_the_decoded_page(
    archived: Path, crawl: tuple[Path, str], tmp_path: Path
) -> None:
    _assert_texts_are_what_clean_prints(archived, crawl[1], tmp_path)


def test_charset_only_in_the_http_header_is_used(archived: Path, crawl: tuple[Path, str]) -> None:
    texts = {h["WARC-Target-URI"]: b for t, h, b in _records(archived) if t == "resource"}
    text = texts[f"urn:text:{crawl[1]}/news/cyrillic.html"].decode("utf-8")
    assert "Во вторник на побережье обрушился шторм" in text
    meta = next(b for t, h, b in _records(archived) if t == "metadata" and b"cyrillic" in b)
    assert b"encoding: cp1251" in meta


def test_metadata_names_the_crawl_date_file_and_offset(
    archived: Path, crawl: tuple[Path, str]
) -> None:
    source_offsets = {}
    with crawl[0].open("rb") as handle:
        it = ArchiveIterator(handle)
        for record in it:
            if record.rec_type == "response":
                record.raw_stream.read()
                rid = record.rec_headers.get_header("WARC-Record-ID")
                source_offsets[rid] = (
                    it.get_record_offset(),
                    record.rec_headers.get_header("WARC-Date"),
                )
    records = _records(archived)
    metas = [(h, b.decode()) for t, h, b in records if t == "metadata"]
    assert metas
    for headers, block in metas:
        offset, date = source_offsets[headers["WARC-Refers-To"]]
        assert f"crawl-date: {date}\r\n" in block
        assert "crawl-warc: crawl.warc.gz\r\n" in block
        assert f"crawl-offset: {offset}\r\n" in block
        assert f"crawl-url: {headers['WARC-Target-URI']}\r\n" in block


def test_non_articles_are_counted_not_archived(crawl: tuple[Path, str], tmp_path: Path) -> None:
    done = run("archive", crawl[0], "-o", tmp_path / "out.warc.gz")
    assert done.returncode == 0, done.stderr
    assert "8 articles" in done.stderr
    counts = done.stderr.split("not archived as articles: ")[1].splitlines()[0]
    # The front page and the menu have no article text; then one of each other kind.
    assert counts == (
        "empty extraction 2, error page 1, image 1, redirect 1, script 1, stylesheet 1"
    )


def test_no_copy_writes_text_and_metadata_pointing_at_the_crawl(
    crawl: tuple[Path, str], tmp_path: Path
) -> None:
    out = tmp_path / "out.warc.gz"
    done = run("archive", crawl[0], "-o", out, "--no-copy")
    assert done.returncode == 0, done.stderr
    records = _records(out)
    assert {t for t, _, _ in records} == {"warcinfo", "resource", "metadata"}
    source: dict[str, set[str]] = {}
    for t, h, _ in _records(crawl[0]):
        if t == "response":
            source.setdefault(h["WARC-Target-URI"], set()).add(h["WARC-Date"])
    metas = [h for t, h, _ in records if t == "metadata"]
    assert len(metas) == 8
    for headers in metas:
        assert "WARC-Refers-To" not in headers
        assert headers["WARC-Refers-To-Date"] in source[headers["WARC-Refers-To-Target-URI"]]
    assert run("verify", out).returncode == 0
    unpacked = run("unpack", out, "-o", tmp_path / "pages")
    assert "the capture was not copied here; it stays in its crawl" in unpacked.stderr


def test_meta_json_is_one_line_per_article_with_its_url(crawl: tuple[Path, str]) -> None:
    done = run("meta", crawl[0], "--json")
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 8
    assert {d["crawl_url"] for d in lines} == {crawl[1] + p for p in ARTICLES}
    assert all(d["url"] and d["crawl_warc"] == "crawl.warc.gz" for d in lines)
    storm = next(d for d in lines if d["crawl_url"].endswith("storm.html"))
    assert storm["title"] == "Storm hits the coast"


def test_clean_output_writes_each_article_under_its_url(
    crawl: tuple[Path, str], archived: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cleaned"
    done = run("clean", "-o", out, crawl[0])
    assert done.returncode == 0, done.stderr
    host = crawl[1].removeprefix("http://")
    texts = {h["WARC-Target-URI"]: b for t, h, b in _records(archived) if t == "resource"}
    budget = (out / host / "news" / "budget.txt").read_bytes()
    assert budget == texts[f"urn:text:{crawl[1]}/news/budget.html"]
    assert (out / host / "notes.txt").is_file()
    assert not (out / host / "photo.png.txt").exists()
    refused = run("clean", "--check", crawl[0])
    assert refused.returncode == 2 and "use -o DIR" in refused.stderr


def test_unpack_writes_the_decoded_pages_under_their_urls(
    archived: Path, crawl: tuple[Path, str], tmp_path: Path
) -> None:
    done = run("unpack", archived, "-o", tmp_path / "pages")
    host = crawl[1].removeprefix("http://")
    pages = site()
    for path in ARTICLES:
        assert (tmp_path / "pages" / host / path.lstrip("/")).read_bytes() == pages[path].decoded
    # The storm page was captured twice: the second copy finds the first one there.
    assert done.returncode == 2 and "storm.html: file exists" in done.stderr


def _response(writer: WARCWriter, url: str, body: bytes, **headers: str) -> str:
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers.items()], "HTTP/1.1"
    )
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    _write(writer, record)
    return str(record.rec_headers.get_header("WARC-Date"))


def _write(writer: WARCWriter, record: Any) -> None:
    writer.write_record(record)
    record.raw_stream.close()  # warcio buffers the payload in a temporary file it leaves open


ARTICLE = (
    b"<html><body><article><h1>Ferry</h1><p>The ferry to the islands leaves at seven every "
    b"morning from the north pier, the operator said on Monday.</p></article></body></html>"
)


def test_revisits_resolve_within_the_input_or_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "dedup.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        date = _response(writer, "http://news.example/ferry", ARTICLE)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        with path.open("rb") as again:
            first = next(iter(ArchiveIterator(again)))
            payload_digest = first.rec_headers.get_header("WARC-Payload-Digest")
        same = writer.create_revisit_record(
            "http://news.example/ferry-again", payload_digest, "http://news.example/ferry", date,
            http_headers=http,
        )  # fmt: skip
        other = writer.create_revisit_record(
            "http://news.example/old", "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "http://news.example/older", "2020-01-01T00:00:00Z", http_headers=http,
        )  # fmt: skip
        bare = writer.create_revisit_record(  # no HTTP headers, as WARC 1.0 crawlers write
            "http://news.example/ferry-bare", payload_digest, "http://news.example/ferry", date
        )
        unknown = writer.create_revisit_record(
            "http://news.example/logo", "sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
            "http://news.example/logo", "2020-01-01T00:00:00Z",
        )  # fmt: skip
        for record in (same, other, bare, unknown):
            _write(writer, record)
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "3 articles" in done.stderr
    assert "http://news.example/old: revisit of a capture that is not in this input" in (
        done.stderr
    )
    # Without HTTP headers nothing says the unknown one was a page: counted, not warned of.
    assert "revisit of a non-article or another crawl 1" in done.stderr
    assert "logo" not in done.stderr
    texts = [b for t, h, b in _records(out) if t == "resource"]
    assert len(texts) == 3 and len(set(texts)) == 1 and b"north pier" in texts[0]
    assert run("verify", out).returncode == 0


def test_url_patterns_choose_the_pages(crawl: tuple[Path, str], tmp_path: Path) -> None:
    out = tmp_path / "out.warc.gz"
    done = run(
        "archive", crawl[0], "-o", out, "--include-url", r"/news/", "--exclude-url", r"rail|market"
    )
    assert done.returncode == 0, done.stderr
    urls = {h["WARC-Target-URI"] for t, h, _ in _records(out) if t == "response"}
    base = crawl[1]
    expected = {"/news/storm.html", "/news/budget.html", "/news/harbour.html"}
    expected.add("/news/cyrillic.html")
    assert urls == {base + p for p in expected}
    assert "excluded URL" in done.stderr
    bad = run("archive", crawl[0], "-o", tmp_path / "x.warc.gz", "--include-url", "(")
    assert bad.returncode == 2 and "URL pattern '('" in bad.stderr
    assert not (tmp_path / "x.warc.gz").exists()


def test_same_bytes_for_any_number_of_jobs(crawl: tuple[Path, str], tmp_path: Path) -> None:
    outputs = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}" / "out.warc.gz"
        out.parent.mkdir()
        archive([crawl[0]], out, jobs=jobs, clock=pinned_clock, record_ids=pinned_ids())
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_stored_members_stay_in_this_process(crawl: tuple[Path, str], tmp_path: Path) -> None:
    """A copied capture's gzip member does not travel to a worker and back; a plain
    record does (the worker compresses it). Put back, each member is the one read."""
    from scrubwarc.batch import _Held, _Job, _process_batch
    from scrubwarc.crawljobs import CaptureJob, Crawls
    from scrubwarc.warc.capture import EncodedCapture

    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(crawl[0].read_bytes()))
    for path, stays in ((crawl[0], True), (plain, False)):
        jobs = list(Crawls((), (), 2**26, copy=True).jobs(path))
        assert jobs and all(j.info.record for j in jobs)
        held = _Held()
        sent = [job for batch in held.keep([list[_Job](jobs)]) for job in batch]
        assert all(isinstance(j, CaptureJob) and (j.info.record is None) == stays for j in sent)
        outcomes = list(map(held.restore, _process_batch(sent, None, 2**26)))
        done = [(j, o.encoded) for j, o in zip(jobs, outcomes, strict=True) if o.encoded]
        assert len(done) >= 2  # the rest: pages with nothing to extract
        for job, encoded in done:
            assert isinstance(encoded, EncodedCapture) and encoded.record and job.info.record
            if stays:
                assert encoded.record == job.info.record
            else:
                assert gzip.decompress(encoded.record) == job.info.record


def test_crawls_are_found_by_content_not_name(crawl: tuple[Path, str], tmp_path: Path) -> None:
    renamed = tmp_path / "in" / "capture.dat"
    renamed.parent.mkdir()
    renamed.write_bytes(crawl[0].read_bytes())
    plain = tmp_path / "in" / "plain.warc"  # a crawl, uncompressed
    plain.write_bytes(gzip.decompress(crawl[0].read_bytes()))
    fake = tmp_path / "in" / "notes.warc.gz"  # a WARC by name only
    fake.write_text("Ferry notes\n\nThe ferry leaves at seven from the north pier.\n")
    out = tmp_path / "out.warc.gz"
    done = run("archive", renamed, plain, fake, "-o", out)
    assert done.returncode == 0, done.stderr
    assert "17 articles" in done.stderr  # 8 + 8 pages, and the text file as itself
    assert run("verify", out).returncode == 0
    copies = [m for m in _members(out) if b"WARC-Type: response" in m[:200]]
    # The same capture from two inputs is copied once; both texts link to it.
    assert len(copies) == len(set(copies)) == 8
    records = _records(out)
    captures = {h["WARC-Record-ID"] for t, h, _ in records if t == "response"}
    links = [h.get("WARC-Concurrent-To") for t, h, _ in records if t == "resource"]
    assert len([c for c in links if c in captures]) == 16 and len(captures) == 8


def test_a_damaged_crawl_is_an_error_naming_file_and_offset(
    crawl: tuple[Path, str], tmp_path: Path
) -> None:
    data = crawl[0].read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) // 2] + b"\x1f\x8bgarbage")
    out = tmp_path / "out.warc.gz"
    done = run("archive", cut, "-o", out)
    assert done.returncode == 2
    assert "cut.warc.gz: unreadable WARC at offset" in done.stderr
    assert run("verify", out).returncode == 0  # what came before the damage is archived


@pytest.mark.slow
def test_wget_crawl(tmp_path: Path) -> None:
    with serve() as base:
        warc = record_wget(tmp_path, base)
    out = tmp_path / "out.warc.gz"
    done = run("archive", warc, "-o", out)
    assert done.returncode == 0, done.stderr
    urls = [h["WARC-Target-URI"] for t, h, _ in _records(out) if t == "response"]
    assert sorted(set(urls)) == sorted(base + p for p in ARTICLES)
    assert run("verify", out).returncode == 0
    # wget's own log and manifest are resource/metadata records, not captures.
    assert all(u.startswith("http://127.0.0.1") for u in urls)
    assert "redirect 1" in done.stderr and "image 1" in done.stderr
    _assert_texts_are_what_clean_prints(out, base, tmp_path)


@pytest.fixture(scope="module")
def replay(archived: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """pywb serving the crawl-derived WARC on 127.0.0.1, collection ``C``."""
    root = tmp_path_factory.mktemp("pywb")
    tool("wb-manager", "init", "C", cwd=root)
    tool("wb-manager", "add", "C", archived, cwd=root)
    with pywb_server(root) as base:
        yield base


def _replayed(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body


@pytest.mark.slow
def test_pywb_replays_the_capture_and_its_text(
    replay: str, crawl: tuple[Path, str], archived: Path
) -> None:
    pages = site()
    texts = {h["WARC-Target-URI"]: b for t, h, b in _records(archived) if t == "resource"}
    dates = {
        h["WARC-Target-URI"]: h["WARC-Date"] for t, h, _ in _records(archived) if t == "response"
    }
    for path in ("/news/storm.html", "/news/budget.html", "/news/harbour.html", "/notes.txt"):
        url = crawl[1] + path
        stamp = "".join(c for c in dates[url] if c.isdigit())[:14]
        # id_: the page as captured, at its crawl date; then the text beside it.
        assert _replayed(f"{replay}/C/{stamp}id_/{url}") == pages[path].decoded, path
        assert _replayed(f"{replay}/C/{stamp}id_/urn:text:{url}") == texts["urn:text:" + url]
    cdx = _replayed(f"{replay}/C/cdx?url={crawl[1]}/news/budget.html&output=json")
    entries = [json.loads(line) for line in cdx.splitlines()]
    assert [e["mime"] for e in entries] == ["text/html"]  # the capture; metadata is skipped
    assert entries[0]["status"] == "200"


def _arc(*records: tuple[str, str, bytes]) -> list[bytes]:
    """An ARC (version 1) file: its header then one member per record, as Heritrix wrote."""
    info = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    parts = [b"filedesc://t.arc 0.0.0.0 20240501120000 text/plain %d\n%s\n" % (len(info), info)]
    for url, date, body in records:
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
        head = f"{url} 127.0.0.1 {date} text/html {len(http)}\n".encode()
        parts.append(head + http + b"\n")
    return parts


@pytest.mark.parametrize("compressed", [False, True], ids=["arc", "arc.gz"])
def test_arc_files_are_read_and_their_captures_copied_as_warc(
    tmp_path: Path, compressed: bool
) -> None:
    parts = _arc(("http://news.example/ferry", "20240501120000", ARTICLE))
    path = tmp_path / ("t.arc.gz" if compressed else "t.arc")
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if compressed else b"".join(parts))
    out = tmp_path / "out.warc.gz"
    done = run("archive", path, "-o", out)
    assert done.returncode == 0, done.stderr
    records = _records(out)
    assert [t for t, _, _ in records] == ["warcinfo", "response", "resource", "metadata"]
    capture = records[1][1]
    assert capture["WARC-Target-URI"] == "http://news.example/ferry"
    assert capture["WARC-Date"] == "2024-05-01T12:00:00Z"
    assert b"north pier" in records[2][2]
    assert run("verify", out).returncode == 0
    again = tmp_path / "again.warc.gz"
    run("archive", path, "-o", again)
    assert _records(again)[1][1]["WARC-Record-ID"] == capture["WARC-Record-ID"]


def _capture(writer: WARCWriter, url: str, status: str, ctype: str, body: bytes) -> None:
    protocol = "HTTP/2" if url.endswith("/h2") else "HTTP/1.1"
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol)
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    _write(writer, record)


def test_which_captures_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, ctype in [
            ("https://a.example/h2", "200", 'Text/HTML; Charset="UTF-8"'),
            ("https://a.example/x.xhtml", "200 OK", "application/xhtml+xml"),
            ("https://a.example/notes", "200 OK", "text/plain; charset=utf-8"),
            ("https://a.example/untyped", "200 OK", ""),
            ("https://a.example/range", "206 Partial Content", "text/html"),
            ("https://a.example/same", "304 Not Modified", "text/html"),
            ("https://a.example/gone", "410 Gone", "text/html"),
            ("https://a.example/oops", "500 Internal Server Error", "text/html"),
            ("https://a.example/feed", "200 OK", "application/rss+xml"),
            ("https://a.example/app.js", "200 OK", "text/plain"),
            ("https://a.example/robots.txt", "200 OK", "text/plain"),
            ("https://a.example/font.woff2", "200 OK", "font/woff2"),
        ]:
            _capture(writer, url, status, ctype, ARTICLE)
    done = run("meta", path, "--json")
    assert done.returncode == 0, done.stderr
    urls = [json.loads(line)["crawl_url"] for line in done.stdout.splitlines()]
    assert urls == [
        "https://a.example/h2",
        "https://a.example/x.xhtml",
        "https://a.example/notes",
        "https://a.example/untyped",
    ]
    summary = run("archive", path, "-o", tmp_path / "out.warc.gz")
    assert summary.returncode == 0, summary.stderr
    assert "4 articles" in summary.stderr
    assert (
        "8 crawled pages not archived as articles: error page 2, not modified 1, other type 2, "
        "partial content 1, robots.txt 1, script 1"
    ) in summary.stderr


def test_unpack_refuses_unsafe_paths_built_from_urls(tmp_path: Path) -> None:
    path = tmp_path / "dots.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _capture(writer, "http://h.example/a/../../../etc/x.html", "200 OK", "text/html", ARTICLE)
        _capture(writer, "http://h.example/news/ferry.html", "200 OK", "text/html", ARTICLE)
    out = tmp_path / "out.warc.gz"
    assert run("archive", path, "-o", out).returncode == 0
    done = run("unpack", out, "-o", tmp_path / "pages")
    assert done.returncode == 2
    assert "h.example/a/../../../etc/x.html: '..' in path (not restored)" in done.stderr
    assert (tmp_path / "pages" / "h.example" / "news" / "ferry.html").read_bytes() == ARTICLE
    assert not (tmp_path / "etc").exists()
    cleaned = run("clean", "-o", tmp_path / "texts", path)
    assert cleaned.returncode == 2 and "'..' in path (not written)" in cleaned.stderr
    assert (tmp_path / "texts" / "h.example" / "news" / "ferry.txt").is_file()


def test_a_capture_is_copied_as_its_own_gzip_member_up_to_a_shared_one(tmp_path: Path) -> None:
    """Copies are the gzip members as stored; a crawl gzipped as one stream after its first
    member is an error at that member, after the capture before it."""
    from scrubwarc.errors import InputError
    from scrubwarc.warc.crawl import Capture, read_crawl

    records = []
    for url in ("https://a.example/one", "https://a.example/two", "https://a.example/three"):
        plain = io.BytesIO()
        _capture(WARCWriter(plain, gzip=False), url, "200 OK", "text/html", ARTICLE)
        records.append(plain.getvalue())
    first = gzip.compress(records[0], mtime=0)
    path = tmp_path / "shared.warc.gz"
    path.write_bytes(first + gzip.compress(b"".join(records[1:]), mtime=0))
    found: list[Any] = []
    with pytest.raises(InputError, match=f"unreadable WARC at offset {len(first)}: "):
        found.extend(read_crawl(path))
    assert len(found) == 1 and isinstance(found[0], Capture)
    assert found[0].record == first and found[0].gzipped


def test_crawl_members_are_inflated_by_zlib_ng_and_known_whole(crawl: tuple[Path, str]) -> None:
    """The fast path is the one taken: warcio's reader inflates the crawl with zlib-ng, and
    each record it reads is seen to be one whole gzip member, so its copy is not inflated
    a second time to check."""
    from zlib_ng import zlib_ng

    from scrubwarc.warc.stored import ended_member, records

    inflater = type(zlib_ng.decompressobj(31))
    ends = []
    with crawl[0].open("rb") as handle:
        it = records(handle)
        for record in it:
            record.raw_stream.read()
            it.read_to_end()
            assert type(it.reader.decompressor) is inflater
            ends.append(ended_member(it))
    assert len(ends) > 8 and all(ends)


def test_a_crawl_damaged_inside_a_member_is_an_error_not_a_crash(
    crawl: tuple[Path, str], tmp_path: Path
) -> None:
    data = bytearray(crawl[0].read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # zeros in the middle of a member's deflate data
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(bytes(data))
    out = tmp_path / "out.warc.gz"
    done = run("archive", bad, "-o", out)
    assert done.returncode == 2, done.stderr
    assert "bad.warc.gz" in done.stderr and "Traceback" not in done.stderr
    assert run("verify", out).returncode == 0


def test_an_arc_capture_at_a_scheme_in_capitals_is_written_as_a_sound_warc(
    tmp_path: Path,
) -> None:
    """warcio converts an ARC record at ``HTTP://…`` without reading its HTTP message, so
    the payload digest it wrote covered the headers: our verify failed it, and once the
    scheme is written in lower case warcio check would too. Both pass now."""
    parts = _arc(("HTTP://News.Example/ferry", "20240501120000", ARTICLE))
    path = tmp_path / "t.arc.gz"
    path.write_bytes(b"".join(gzip.compress(p) for p in parts))
    out = tmp_path / "out.warc.gz"
    assert run("archive", path, "-o", out).returncode == 0
    assert _records(out)[1][1]["WARC-Target-URI"] == "http://News.Example/ferry"
    assert "digest pass" in tool(Path(sys.executable).parent / "warcio", "check", "-v", out)
    assert run("verify", out).returncode == 0
