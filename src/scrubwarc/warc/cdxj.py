"""CDXJ index lines, as pywb and ReplayWeb.page look records up in a WACZ.

A line is ``urlkey timestamp {json}``; the file is sorted as plain bytes so a reader can
bisect it. The urlkey is the SURT form of the URL that pywb computes for a lookup (the
Internet Archive's canonicalization: host reversed without ``www``, lower case, default port,
query arguments sorted, session ids dropped); a key that differs from pywb's is never found.
Lines are sorted in chunks that spill to temporary files, so memory stays flat.
"""

from __future__ import annotations

import functools
import heapq
import re
import socket
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from json.encoder import encode_basestring_ascii
from typing import IO, NamedTuple
from urllib.parse import quote_from_bytes, unquote_to_bytes

__all__ = ["IndexEntry", "SortedLines", "cdxj_line", "surt_key"]

_URL = re.compile(rb"^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?")
_SPACES = re.compile(rb"[\n\r\t]")
# A urn: with nothing to unescape, escape, split off or strip as a session id.
_PLAIN_URN = re.compile(r"urn:(?!//)(?!.*aspx)[!\"$&->@-~]{2,}(?<!/)/?", re.IGNORECASE)
_WWW = re.compile(rb"www\d*\.")
_DEFAULT_PORT = {b"http": 80, b"https": 443}
# Escaped by the canonicalization: controls, space, non-ASCII, "#" and "%".
_KEEP = b"!\"$&'()*+,-./:;<=>?@[\\]^_`{|}~"
_PATH_SESSION = (
    re.compile(rb"^(.*/)(\((?:[a-z]\([0-9a-z]{24}\))+\)/)([^?]+\.aspx.*)$", re.I),
    re.compile(rb"^(.*/)(\([0-9a-z]{24}\)/)([^?]+\.aspx.*)$", re.I),
)
_QUERY_SESSION = tuple(
    re.compile(rb"^(.*)(?:" + name + rb")(?:&(.*))?$", re.I)
    for name in (
        rb"jsessionid=[0-9a-zA-Z]{32}",
        rb"phpsessid=[0-9a-zA-Z]{32}",
        rb"sid=[0-9a-zA-Z]{32}",
        rb"ASPSESSIONID[a-zA-Z]{8}=[a-zA-Z]{24}",
        rb"cfid=[^&]+&cftoken=[^&]+",
    )
)
# Hosts a resolver reads as an IPv4 address (inet_aton: 1 to 4 parts, decimal or octal).
_NUMERIC_HOST = re.compile(rb"(?:[1-9][0-9]*(?:\.[0-9]+){0,3}|0[0-7]*(?:\.[0-7]+){0,3})")


def _unescape(value: bytes) -> bytes:
    while True:
        once = unquote_to_bytes(value)
        if once == value:
            return value
        value = once


def _escape(value: bytes) -> bytes:
    return quote_from_bytes(value, safe=_KEEP).encode("ascii")


def _ipv4(host: bytes) -> bytes | None:
    try:
        return socket.inet_ntoa(socket.inet_aton(host.decode("ascii"))).encode("ascii")
    except OSError:
        return None


def _split_netloc(netloc: bytes) -> tuple[bytes, int | None]:
    """The host and port as urllib reads them: after any ``user@``; a "[" anywhere opens the
    host, up to "]" (empty when unclosed)."""
    hostport = netloc.rstrip(b":").rpartition(b"@")[2]
    bracket, bracketed = hostport.partition(b"[")[1:]
    if bracket:
        host, _, rest = bracketed.partition(b"]")
        port_text = rest.partition(b":")[2]
    else:
        host, _, port_text = hostport.partition(b":")
    return host, (int(port_text) or None) if port_text.isdigit() else None  # ":0" is no port


def _canonical_host(host: bytes) -> bytes:
    host = _unescape(host)
    if not host.isascii():
        with suppress(UnicodeError):
            host = host.decode("utf-8", "ignore").encode("idna")
    host = host.replace(b"..", b".").strip(b".")
    if host.isdigit():
        number = int(host) & 0xFFFFFFFF
        host = b".".join(str(number >> s & 0xFF).encode() for s in (24, 16, 8, 0))
    elif _NUMERIC_HOST.fullmatch(host) and (address := _ipv4(host)) is not None:
        host = address
    else:
        host = _escape(host).lower()
    www = _WWW.match(host)
    return host[www.end() :] if www else host


def _normal_path(path: bytes) -> bytes:
    kept: list[bytes] = []
    for part in path.split(b"/")[1:]:
        if part == b"..":
            if kept:
                kept.pop()
            else:
                kept.append(part)
        elif part != b".":
            kept.append(part)
    if not kept:
        return b"/"
    return b"/" + b"".join(p + b"/" for p in kept[:-1] if p) + kept[-1]


def _query(query: bytes) -> bytes:
    query = _escape(_unescape(query))
    for pattern in _QUERY_SESSION:
        match = pattern.match(query)
        if match:
            query = match[1] + (match[2] or b"")
    query = query.lower()
    if len(query) <= 1:
        return query
    pairs = sorted(tuple(arg.split(b"=", 1)) for arg in query.split(b"&"))
    return b"&".join(b"=".join(pair) for pair in pairs)


def surt_key(url: str) -> str:
    """The key pywb looks ``url`` up by: its canonical SURT form, without the scheme.

    >>> surt_key("https://www.Example.com:443/News/?b=2&a=1#top")
    'com,example)/news?a=1&b=2'
    >>> surt_key("urn:text:urn:sha256:ABC")
    'urn:text:urn:sha256:abc'
    """
    if url.startswith("urn:") and _PLAIN_URN.fullmatch(url):
        # The common case of our own targets, by the same rules: only case and a last "/".
        lowered = url.lower()
        return lowered[:-1] if lowered.endswith("/") else lowered
    raw = _SPACES.sub(b"", url.strip().encode("utf-8"))
    if not re.match(rb"[a-zA-Z][a-zA-Z0-9+.-]*:", raw):
        raw = b"http://" + raw
    raw = re.sub(rb"^(https?://)+", lambda m: m[1], raw)
    match = _URL.match(raw)
    assert match is not None  # every group is optional
    scheme, netloc, path, query = match[1] or b"", match[2], match[3], match[4]
    host, port = _split_netloc(netloc) if netloc else (b"", None)
    if not host and path and scheme.startswith(b"http"):  # "http:////host/a"; as surt: not "HTTP"
        host, _, rest = path.lstrip(b"/").partition(b"/")
        path = b"/" + rest
    host = _canonical_host(host) if host else b""
    path = _unescape(path)
    if host:
        path = _normal_path(path)
    path = _escape(path).lower()
    for pattern in _PATH_SESSION:
        found = pattern.match(path)
        if found:
            path = found[1] + found[3]
    if len(path) > 1 and path.endswith(b"/"):
        path = path[:-1]
    query = _query(query) if query else None
    if host:
        key = b",".join(reversed(host.split(b".")))
        if port is not None and port != _DEFAULT_PORT.get(scheme.lower()):
            key += b":%d" % port
        key += b")"
    else:
        key = scheme + b":"
    if path:
        key += path
    elif query:
        key += b"/"
    if query:
        key += b"?" + query
    return key.decode("utf-8", "replace")


class IndexEntry(NamedTuple):
    """One record as an index line names it: where it is and what it holds."""

    url: str
    date: str  # the WARC-Date
    mime: str
    status: str | None
    digest: str | None
    length: int
    offset: int
    filename: str


@functools.lru_cache(maxsize=256)  # a run's records share a handful of dates
def _timestamp(date: str) -> str:
    """``2024-05-01T12:00:00Z`` → ``20240501120000`` (fractions dropped)."""
    return re.sub(r"\D", "", date)[:14].ljust(14, "0")


def cdxj_line(entry: IndexEntry) -> str:
    """The index line for ``entry``, fields in cdxj-indexer's order.

    >>> cdxj_line(IndexEntry("http://a.example/x", "2024-05-01T12:00:00Z", "text/html",
    ...                      "200", "sha1:AB", 10, 0, "news.warc.gz"))[:48]
    'example,a)/x 20240501120000 {"url": "http://a.ex'
    """
    # Formatted by hand: json.dumps of a dict costs more than the rest of the line.
    quote = encode_basestring_ascii
    parts = [f'{{"url": {quote(entry.url)}, "mime": {quote(entry.mime)}']
    if entry.status is not None:
        parts.append(f', "status": {quote(entry.status)}')
    if entry.digest is not None:
        parts.append(f', "digest": {quote(entry.digest)}')
    parts.append(f', "length": "{entry.length}", "offset": "{entry.offset}"')
    parts.append(f', "filename": {quote(entry.filename)}}}\n')
    return f"{surt_key(entry.url)} {_timestamp(entry.date)} " + "".join(parts)


class SortedLines:
    """Collect text lines and give them back sorted; chunks beyond ``chunk`` spill to disk.

    Lines compare as code points, which for UTF-8 is the byte order a CDXJ reader expects.
    """

    def __init__(self, chunk: int = 32_768) -> None:  # about 10 MB of index lines
        self._chunk = chunk
        self._lines: list[str] = []
        self._runs: list[IO[bytes]] = []

    def add(self, line: str) -> None:
        """Add one line, ending in a newline and holding no other."""
        self._lines.append(line)
        if len(self._lines) >= self._chunk:
            self._spill()

    def _spill(self) -> None:
        self._lines.sort()
        run = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        run.writelines(line.encode("utf-8", "surrogatepass") for line in self._lines)
        run.seek(0)
        self._runs.append(run)
        self._lines = []

    def __iter__(self) -> Iterator[str]:
        self._lines.sort()
        with ExitStack() as stack:
            for run in self._runs:
                stack.callback(run.close)
            runs = ((line.decode("utf-8", "surrogatepass") for line in run) for run in self._runs)
            yield from heapq.merge(self._lines, *runs)

    def close(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []
        self._lines = []
