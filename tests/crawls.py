"""Real crawls for the tests: a local web site on 127.0.0.1, recorded by warcio or wget.

The site serves what crawls are full of: an article page, a gzip-, a deflate- and (when a
``brotli`` module is installed) a br-encoded page, a chunked page, a page whose charset is
only in the HTTP header, a text article, a redirect, an image, a script, a stylesheet, a 404
and a page with nothing to extract. ``PAGES`` holds each page's bytes as the browser sees
them once decoded, for comparing with ``scrubwarc clean``.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

import pytest


def _page(title: str, *paragraphs: str, charset: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body>"
        f'<nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>© 2024 The Local Herald</footer></body></html>"
    )


STORM = _page(
    "Storm hits the coast",
    "A storm with winds of 120 km/h hit the coast on Tuesday, cutting power to 40,000 homes.",
    "The council said schools would stay closed until engineers had checked every building.",
    "“We have never seen the river this high,” said a farmer who has lived there for 50 years.",
)
BUDGET = _page(
    "Council passes the budget",
    "The city council passed next year’s budget by nine votes to four on Monday evening.",
    "Spending on libraries rises by 3 percent, while road repairs get €2.1 million more.",
)
HARBOUR = _page(
    "Harbour reopens after repairs",
    "The harbour reopened on Friday after eight months of repairs to the north pier.",
    "Fishing boats were the first to return, followed by the ferry to the islands at noon.",
)
RAIL = _page(
    "Rail line gets new timetable",
    "Trains on the coast line will run every 20 minutes from June, the operator said.",
    "The new timetable adds late trains on Fridays and Saturdays for the summer season.",
)
MARKET = _page(
    "Market square gets a fountain",
    "A fountain will stand in the market square by autumn, the mayor announced today.",
    "Its design was chosen by residents from six proposals in a vote that closed last week.",
)
# windows-1251 with the charset only in the HTTP header: UTF-8 would be mojibake.
CYRILLIC = _page(
    "Шторм на побережье",
    "Во вторник на побережье обрушился шторм, без света остались сорок тысяч домов.",
    "Городской совет сообщил, что школы будут закрыты до проверки всех зданий инженерами.",
    charset=None,
)
NOTES = (
    "Ferry timetable changes\n\nFrom Monday the morning ferry leaves at 7:15 instead of 7:00.\n"
    "The evening crossing is unchanged, the operator said in a statement.\n"
)
EMPTY = (
    "<!DOCTYPE html><html><head><title>Menu</title></head>"
    '<body><nav><a href="/">Home</a></nav></body></html>'
)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
INDEX = (
    "<!DOCTYPE html><html><head><title>The Local Herald</title>"
    '<link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head><body>'
    '<a href="/news/storm.html">Storm</a> <a href="/news/budget.html">Budget</a> '
    '<a href="/news/harbour.html">Harbour</a> <a href="/news/rail.html">Rail</a> '
    '<a href="/news/market.html">Market</a> <a href="/news/cyrillic.html">Шторм</a> '
    '<a href="/notes.txt">Notes</a> <a href="/old-storm">Old</a> <a href="/missing.html">Gone</a> '
    '<a href="/menu.html">Menu</a> <img src="/photo.png"></body></html>'
)


def _brotli() -> Any:
    try:
        import brotli
    except ImportError:
        return None
    return brotli


class Page(NamedTuple):
    """What the site serves at a path: status, headers, body as sent, body once decoded."""

    status: int
    headers: tuple[tuple[str, str], ...]
    sent: bytes
    decoded: bytes
    chunked: bool = False


def _html(body: str, encoding: str | None = None, charset: str = "utf-8") -> Page:
    raw = body.encode(charset)
    ctype = f"text/html; charset={charset}"
    if encoding == "gzip":
        return Page(
            200, (("Content-Type", ctype), ("Content-Encoding", "gzip")), gzip.compress(raw), raw
        )
    if encoding == "deflate":
        return Page(
            200, (("Content-Type", ctype), ("Content-Encoding", "deflate")), zlib.compress(raw), raw
        )
    if encoding == "br":
        brotli = _brotli()
        assert brotli is not None
        sent = brotli.compress(raw)
        return Page(200, (("Content-Type", ctype), ("Content-Encoding", "br")), sent, raw)
    return Page(200, (("Content-Type", ctype),), raw, raw)


def site() -> dict[str, Page]:
    pages = {
        "/": _html(INDEX),
        "/news/storm.html": _html(STORM),
        "/news/budget.html": _html(BUDGET, "gzip"),
        "/news/harbour.html": _html(HARBOUR)._replace(chunked=True),
        "/news/rail.html": _html(RAIL, "deflate"),
        "/news/cyrillic.html": _html(CYRILLIC, charset="windows-1251"),
        "/notes.txt": Page(
            200, (("Content-Type", "text/plain; charset=utf-8"),), NOTES.encode(), NOTES.encode()
        ),
        "/menu.html": _html(EMPTY),
        "/old-storm": Page(
            301,
            (("Location", "/news/storm.html"), ("Content-Type", "text/html")),
            b"moved",
            b"moved",
        ),
        "/missing.html": Page(
            404,
            (("Content-Type", "text/html"),),
            b"<html><body><h1>Not Found</h1>"
            b"<p>The page you asked for is not here, sorry about that.</p></body></html>",
            b"",
        ),
        "/photo.png": Page(200, (("Content-Type", "image/png"),), PNG, PNG),
        "/style.css": Page(200, (("Content-Type", "text/css"),), b"body{margin:0}", b""),
        "/app.js": Page(200, (("Content-Type", "application/javascript"),), b"var x=1;", b""),
    }
    if _brotli() is not None:
        pages["/news/market.html"] = _html(MARKET, "br")
    else:
        pages["/news/market.html"] = _html(MARKET, "gzip")._replace(chunked=True)
    return pages


ARTICLES = ("/news/storm.html", "/news/budget.html", "/news/harbour.html", "/news/rail.html",
            "/news/market.html", "/news/cyrillic.html", "/notes.txt")  # fmt: skip


def _handler(pages: dict[str, Page]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            page = pages.get(self.path.split("?")[0]) or pages["/missing.html"]
            self.send_response(page.status)
            for name, value in page.headers:
                self.send_header(name, value)
            if page.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                body = page.sent
                for start in range(0, len(body), 37):
                    piece = body[start : start + 37]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.send_header("Content-Length", str(len(page.sent)))
                self.end_headers()
                self.wfile.write(page.sent)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(pages: dict[str, Page] | None = None) -> Iterator[str]:
    """The site on 127.0.0.1 at a free port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(pages or site()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def record_warcio(path: Path, base: str, paths: tuple[str, ...] | None = None) -> Path:
    """Fetch ``paths`` (every page of the site) through warcio's ``capture_http``."""
    from warcio.capture_http import capture_http

    with capture_http(str(path)):
        for page in paths or tuple(site()):
            with suppress(urllib.error.HTTPError):
                urllib.request.urlopen(base + page, timeout=10).read()
    return path


def record_wget(folder: Path, base: str) -> Path:
    """Crawl the site from its front page with ``wget --warc-file`` (recursive, 2 levels)."""
    wget = shutil.which("wget")
    if wget is None:
        pytest.skip("wget is not installed (apt-get install wget) to record a crawl with it")
    subprocess.run(
        [wget, "--warc-file=crawl", "-r", "-l", "2", "-e", "robots=off", "-q", "-P", "mirror",
         "--no-warc-keep-log", "--timeout=10", "--tries=1", f"{base}/"],
        cwd=folder, check=False, capture_output=True, timeout=120,
    )  # fmt: skip
    return folder / "crawl.warc.gz"
