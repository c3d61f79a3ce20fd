"""Crawl benchmark: ``scrubwarc archive`` on a crawl WARC against warcio + trafilatura.

The crawl is recorded, not synthesised: every page of ``../shared/aeb`` and
``../shared/wcxb-dev`` is served from 127.0.0.1 twice, once plain and once gzip-encoded
(every other one chunked), and fetched through warcio's ``capture_http``. The reference
reads the same WARC with warcio's ArchiveIterator, decodes each 2xx HTML response
(``content_stream``) and runs ``trafilatura.extract`` on it (text only), writing nothing; a
second reference row does the same work as scrubwarc's text and metadata, with
``trafilatura.bare_extraction(..., with_metadata=True)`` (title, author, date, ..., as
``benchmarks/html.py`` calls it). scrubwarc reads, cleans, extracts metadata and writes the
article WARC (capture, text, metadata).
Each contender runs in its own process, in turns, ``--repeat`` rounds; medians are printed
of wall seconds and of CPU seconds (user + system, the workers' included: steadier than wall
time on a shared machine), with peak RSS (``wait4``). Memory with crawl size: the same run
on the crawl written four times over into one file.

The readers alone, in the same turns: warcio and FastWARC (when installed, ``pip install
fastwarc``) iterating the crawl and reading each response's block, and scrubwarc's
``read_crawl`` (which also parses HTTP, decodes the payloads and keeps each capture's
record to copy): what a faster reader could save, against the whole run's cost. And a floor:
the reference's reading, lxml's parse of each page and one walk over its elements reading
each one's tag, text, tail, class, id and parent, deciding nothing and writing nothing: what
any extractor written in Python over lxml pays before its first decision.

    python benchmarks/crawl.py [--repeat N] [--limit PAGES] [--work DIR] [--stages N]
                               [--shared DIR]   # the folder of aeb/ and wcxb-dev/
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run as a script, this folder would come first on sys.path, and its html.py would shadow the
# standard library's ``html``; the repository root lets ``benchmarks`` import as a package.
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    sys.path[0] = str(HERE.parent)

import argparse  # noqa: E402
import gzip  # noqa: E402
import importlib.util  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

from benchmarks.run import (  # noqa: E402
    PY,
    SCRUBWARC,
    compile_package,
    interleave,
    median,
    run,
    table,
)

SHARED = HERE.parent.parent / "shared"
Served = dict[str, tuple[bytes, bool, bool]]  # path -> (page, gzip-encoded, chunked)
# The two references: trafilatura's text alone, and its text with the page's metadata.
TEXT_REF = "warcio + trafilatura"
META_REF = "warcio + trafilatura with metadata"
# Reading, parsing and one walk over the elements: the cost before any decision.
FLOOR = "floor: warcio + lxml parse + one walk"


def page_files(shared: Path) -> list[tuple[str, Path]]:
    """(corpus, file) of the AEB and WCXB dev pages under ``shared``, in a fixed order."""
    return [
        (corpus, path)
        for corpus in ("aeb", "wcxb-dev")
        for path in sorted((shared / corpus / "html").glob("*.html.gz"))
    ]


def real_pages(shared: Path, limit: int | None = None) -> list[tuple[str, bytes]]:
    """(name, HTML bytes) of the shared AEB and WCXB dev pages, in a fixed order."""
    files = page_files(shared)[:limit] if limit else page_files(shared)
    return [
        (f"{corpus}/{path.name.removesuffix('.html.gz')}", gzip.decompress(path.read_bytes()))
        for corpus, path in files
    ]


def site(pages: list[tuple[str, bytes]]) -> Served:
    served: Served = {}
    for i, (name, page) in enumerate(pages):
        served[f"/{name}.html"] = (page, False, False)
        served[f"/gz/{name}.html"] = (page, True, i % 2 == 0)
    return served


def _handler(served: Served) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            page, encoded, chunked = served[self.path]
            body = gzip.compress(page, mtime=0) if encoded else page
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if encoded:
                self.send_header("Content-Encoding", "gzip")
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(body), 8192):
                    piece = body[start : start + 8192]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(served: Served) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def record(path: Path, served: Served) -> int:
    """Fetch every served page through warcio's ``capture_http``; the number of captures."""
    from warcio.capture_http import capture_http

    with serve(served) as base, capture_http(str(path)):
        for page in served:
            urllib.request.urlopen(base + page, timeout=30).read()
    return len(served)


def reference(warc: str, with_metadata: bool = False) -> int:
    """warcio-iterate + trafilatura: decode and extract each 2xx HTML response; count them.

    ``with_metadata`` extracts title, author, date and the rest as well, as scrubwarc does.
    """
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    with open(warc, "rb") as handle:  # noqa: PTH123  (the reference is written as users write it)
        for rec in ArchiveIterator(handle):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode()
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if not status.startswith("2") or "html" not in ctype:
                continue
            page = rec.content_stream().read()
            if with_metadata:
                trafilatura.bare_extraction(page, include_comments=False, with_metadata=True)
            else:
                trafilatura.extract(page, include_comments=False)
            pages += 1
    return pages


def floor(warc: str) -> int:
    """What any Python extractor over lxml pays before it decides anything: the reference's
    reading (warcio, decoded payloads), lxml's parse of each 2xx HTML response, and one walk
    over every element reading its tag, text, tail, class, id and parent. Writes nothing."""
    import lxml.html
    from warcio.archiveiterator import ArchiveIterator

    pages = 0
    with open(warc, "rb") as handle:  # noqa: PTH123
        for rec in ArchiveIterator(handle):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            status = rec.http_headers.get_statuscode()
            if not status.startswith("2") or "html" not in (
                rec.http_headers.get_header("Content-Type") or ""
            ):
                continue
            root = lxml.html.document_fromstring(rec.content_stream().read())
            for element in root.iter():
                if isinstance(element.tag, str):
                    _ = (element.text, element.tail, element.get("class"), element.get("id"))
                    element.getparent()
            pages += 1
    return pages


def read_only(reader: str, warc: str) -> int:
    """Iterate the crawl with one reader, reading each response's block; count them."""
    if reader == "fastwarc":
        from fastwarc.warc import ArchiveIterator as FastIterator
        from fastwarc.warc import WarcRecordType

        with open(warc, "rb") as handle:  # noqa: PTH123
            records = FastIterator(handle, record_types=WarcRecordType.response, parse_http=True)
            return sum(bool(rec.reader.read()) or 1 for rec in records)
    if reader == "warcio":
        from warcio.archiveiterator import ArchiveIterator

        with open(warc, "rb") as handle:  # noqa: PTH123
            return sum(
                bool(rec.raw_stream.read()) or 1
                for rec in ArchiveIterator(handle)
                if rec.rec_type == "response"
            )
    from scrubwarc.warc.crawl import Capture, read_crawl

    return sum(isinstance(found, Capture) for found in read_crawl(Path(warc)))


def stages(warc: Path, limit: int) -> list[tuple[str, float]]:
    """CPU ms per capture of each step of ``archive`` on the crawl's first ``limit`` articles,
    in this process, one step after another (what a profile cannot say without its own
    overhead). Reading is timed over the whole crawl."""
    from scrubwarc.article import Article
    from scrubwarc.clean.pipeline import clean_document
    from scrubwarc.crawljobs import CaptureJob, capture_info
    from scrubwarc.meta.html import read_html_metadata, with_heading
    from scrubwarc.meta.text import html_metadata
    from scrubwarc.read.document import Document
    from scrubwarc.read.html import detect_encoding, extract_text, parse_document
    from scrubwarc.warc.capture import encode_capture, with_capture
    from scrubwarc.warc.crawl import Capture, read_crawl, url_path
    from scrubwarc.warc.writer import WarcWriter

    clock = time.process_time
    start = clock()
    captures = [f for f in read_crawl(warc) if isinstance(f, Capture)]
    read_ms = 1000 * (clock() - start) / len(captures)
    jobs = [CaptureJob(capture_info(c, warc), c.payload, c.declared, c.html) for c in captures]
    jobs = jobs[:limit]
    steps = ("charset", "parse", "extract", "clean rules", "page metadata",
             "text metadata, language", "encode records", "write records")  # fmt: skip
    spent = dict.fromkeys(steps, 0.0)
    with tempfile.TemporaryDirectory() as tmp, WarcWriter(Path(tmp) / "s.warc.gz") as writer:
        for job in jobs:
            t0 = clock()
            encoding = detect_encoding(job.payload, job.declared)
            t1 = clock()
            tree = parse_document(job.payload, encoding=encoding)
            t2 = clock()
            doc = Document("html", extract_text(tree), encoding, "declared", tree)
            t3 = clock()
            result = clean_document(doc, job.payload)
            t4 = clock()
            page = read_html_metadata(tree)
            text = with_heading(page, result.text)
            t5 = clock()
            path = url_path(job.info.url)
            meta = html_metadata(page, result, job.payload, path, text=text)
            t6 = clock()
            article = Article(job.payload, text, meta, "html", result.fired)
            encoded = encode_capture(with_capture(article, job.info, path), job.info)
            t7 = clock()
            writer.write_capture(encoded)
            t8 = clock()
            marks = (t0, t1, t2, t3, t4, t5, t6, t7, t8)
            for name, a, b in zip(spent, marks, marks[1:], strict=False):
                spent[name] += b - a
    rows = [("read the crawl (warcio, HTTP decoding, copies)", read_ms)]
    return rows + [(name, 1000 * value / len(jobs)) for name, value in spent.items()]


def _captures(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        return sum(r.rec_type == "response" for r in ArchiveIterator(handle))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="rounds per contender")
    parser.add_argument("--limit", type=int, help="use only this many distinct pages")
    parser.add_argument("--work", type=Path, help="keep the crawl here (default: a temp dir)")
    parser.add_argument(
        "--shared", type=Path, default=SHARED, help=f"the folder of aeb/ and wcxb-dev/ ({SHARED})"
    )
    parser.add_argument("--reference", help=argparse.SUPPRESS)  # child processes
    parser.add_argument("--with-metadata", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--read", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    parser.add_argument(
        "--stages",
        type=int,
        metavar="N",
        help="only split archive's CPU time by step over the crawl's first N articles",
    )
    args = parser.parse_args(argv)
    if args.reference:
        print(reference(args.reference, args.with_metadata))
        return 0
    if args.read:
        print(read_only(*args.read))
        return 0
    if args.floor:
        print(floor(args.floor))
        return 0
    if args.build:
        record(args.build, site(real_pages(args.shared, args.limit)))
        return 0
    if not page_files(args.shared):
        print(
            f"error: no pages in {args.shared}/aeb/html or {args.shared}/wcxb-dev/html "
            "(*.html.gz): pass --shared DIR, the folder that holds aeb/ and wcxb-dev/",
            file=sys.stderr,
        )
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="scrubwarc-crawl-"))
    work.mkdir(parents=True, exist_ok=True)
    crawl = work / f"crawl-{args.limit or 'all'}.warc.gz"
    if not crawl.is_file():
        # In a child: a parent that held the pages would lend its size to every measured
        # child's peak RSS (spawning children shares the parent's memory until exec).
        partial = crawl.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        limit = ["--limit", str(args.limit)] if args.limit else []
        me = [PY, str(Path(__file__).resolve())]
        built = run([*me, "--build", str(partial), "--shared", str(args.shared), *limit])
        if built.code != 0:
            print(f"recording the crawl failed: {built.stderr}")
            return 1
        partial.replace(crawl)
    big = work / f"{crawl.name.removesuffix('.warc.gz')}x4.warc.gz"
    if not big.is_file():
        with big.open("wb") as out_file:
            for _ in range(4):
                out_file.write(crawl.read_bytes())
    if args.stages:
        split = stages(crawl, args.stages)
        total = sum(ms for _, ms in split)
        print(
            table(
                ("step", "CPU ms/capture", "share"),
                [(n, ms, f"{ms / total:.0%}") for n, ms in split],
            )
        )
        return 0
    captures = _captures(crawl)
    print(f"crawl: {captures:,} captures of {captures // 2:,} real pages, "
          f"{crawl.stat().st_size / 2**20:.1f} MiB; {os.cpu_count()} CPUs")  # fmt: skip
    out = work / "out"
    out.mkdir(exist_ok=True)
    archive = [*SCRUBWARC, "archive", "--force", "-q"]
    commands = {
        TEXT_REF: [PY, str(Path(__file__).resolve()), "--reference", str(crawl)],
        META_REF: [
            PY,
            str(Path(__file__).resolve()),
            "--reference",
            str(crawl),
            "--with-metadata",
        ],
        "scrubwarc archive --jobs 1": [*archive, str(crawl), "-o", str(out / "j1.warc.gz")],
        "scrubwarc archive --jobs 2": [
            *archive,
            str(crawl),
            "-o",
            str(out / "j2.warc.gz"),
            "--jobs",
            "2",
        ],
        "scrubwarc archive --jobs 1, crawl x4": [*archive, str(big), "-o", str(out / "x4.warc.gz")],
        FLOOR: [PY, str(Path(__file__).resolve()), "--floor", str(crawl)],
    }
    me = [PY, str(Path(__file__).resolve()), "--read"]
    readers = {"read: warcio": [*me, "warcio", str(crawl)]}
    if importlib.util.find_spec("fastwarc") is not None:
        readers["read: fastwarc"] = [*me, "fastwarc", str(crawl)]
    readers["read: scrubwarc read_crawl"] = [*me, "scrubwarc", str(crawl)]
    commands.update(readers)
    compile_package()
    runs = interleave(commands, args.repeat)
    for name, done in runs.items():
        failed = [r for r in done if r.code != 0]
        if failed:
            print(f"{name} failed: {failed[0].stderr}")
            return 1
    rows = []
    rate = {}
    cpu_rate = {}
    for name, done in runs.items():
        n = captures * (4 if "x4" in name else 1)
        seconds, cpu = median(done), median(done, lambda r: r.cpu)
        rate[name], cpu_rate[name] = n / seconds, n / cpu
        peak = median(done, lambda r: r.peak_mib)
        rows.append((name, n, seconds, rate[name], cpu, 1000 * cpu / n, peak))
    header = ("contender", "pages", "seconds", "pages/s", "CPU s", "CPU ms/page", "peak MiB")
    print(table(header, rows))
    for reference_name in (TEXT_REF, META_REF):
        ref, cpu_ref = rate[reference_name], cpu_rate[reference_name]
        for name in ("scrubwarc archive --jobs 1", "scrubwarc archive --jobs 2"):
            print(
                f"{name} vs {reference_name}: {rate[name] / ref:.1f}x in pages/s "
                f"(target >= 5x), {cpu_rate[name] / cpu_ref:.1f}x in pages per CPU second"
            )
    budget = 1000 / cpu_rate[TEXT_REF] / 5
    spent = 1000 / cpu_rate[FLOOR]
    print(
        f"5x the text-only reference leaves {budget:.2f} CPU ms a page; reading, parsing and "
        f"one walk take {spent:.2f}, leaving {budget - spent:.2f} for extraction's decisions, "
        f"metadata, cleaning and writing (scrubwarc --jobs 1 spends "
        f"{1000 / cpu_rate['scrubwarc archive --jobs 1'] - spent:.2f})"
    )
    if "read: fastwarc" in runs:
        faster = cpu_rate["read: fastwarc"] / cpu_rate["read: warcio"]
        print(f"reading alone: fastwarc vs warcio {faster:.1f}x in pages per CPU second")
    one, four = (median(runs[k], lambda r: r.peak_mib) for k in (
        "scrubwarc archive --jobs 1", "scrubwarc archive --jobs 1, crawl x4"))  # fmt: skip
    print(f"peak RSS, crawl x4 vs x1: {four:.1f} vs {one:.1f} MiB: {four / one:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
