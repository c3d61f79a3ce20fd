"""Reading crawl WARCs (and ARCs): the captures that hold articles, decoded, in file order.

One pass over the file with warcio (its gzip members inflated by zlib-ng). ``response``
records (and ``resource`` records at an http(s) URL) are captures; a capture is an article
when it is a 2xx HTML or text page that the URL patterns let through; anything else is
counted by its reason and its payload is skipped unread. An article's HTTP payload is
de-chunked and decompressed (gzip, deflate, and br when a ``brotli`` module is installed);
its charset comes from the HTTP header.
A ``revisit`` is resolved to the earlier capture it names when that is in the same file
(found again by its offset), otherwise reported and skipped.

For copying, each article's record is read again from its offset as stored: a gzip member
as it is, a plain record as its bytes. Memory holds one record at a time; the index of
captures a revisit may point to lives in a small temporary SQLite database.
"""

from __future__ import annotations

import contextlib
import io
import re
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple, cast
from urllib.parse import urlsplit

from zlib_ng import zlib_ng

from scrubwarc.errors import InputError
from scrubwarc.read.sniff import binary_reason
from scrubwarc.warc.http import content_type, decode_http, http_headers
from scrubwarc.warc.integrity import digest_fault, misframed, truncation
from scrubwarc.warc.pagekind import media_type, page_kind, status_reason
from scrubwarc.warc.reader import NOT_A_RECORD, READ_ERRORS, load_reason
from scrubwarc.warc.resync import past_end_lines, read_on_at
from scrubwarc.warc.sniff import crawl_format, is_empty, resume_offset
from scrubwarc.warc.stored import ended_member, lower_scheme, records, stored_record

__all__ = [
    "Capture",
    "Found",
    "NotArticle",
    "Problem",
    "SourceInfo",
    "read_crawl",
    "url_path",
]

_NO_TARGET = "record head without a WARC-Target-URI (or cut short before it)"
# What zlib-ng raises where zlib would raise zlib.error (its own class, no subclass).
_READ_ERRORS = (*READ_ERRORS, cast("type[Exception]", zlib_ng.error))


class Capture(NamedTuple):
    """One article as crawled: where and when, its decoded payload, and its record to copy.

    ``record`` is the record as stored (a gzip member when ``gzipped``), or None when not
    asked for; ``warcinfo_id`` the crawl's warcinfo it names, if any; ``truncated`` why the
    payload may not be whole (the record says it was cut), else None. ``uncopied`` says
    why the record, though read, must not be copied: its id names an earlier capture too (ids
    must be unique, ISO 28500 5.2), or its payload does not match its digest; a copy would
    put the fault in the output.
    """

    url: str
    date: str
    record_id: str
    offset: int
    payload: bytes
    declared: str | None
    html: bool | None
    record: bytes | None
    gzipped: bool
    warcinfo_id: str | None
    truncated: str | None = None  # why the payload may be partial, as the record says
    uncopied: str | None = None  # why its record is not to be copied, though it is read


class SourceInfo(NamedTuple):
    """A warcinfo record of the crawl, kept so copied captures keep their link to it."""

    record_id: str
    record: bytes
    gzipped: bool


class NotArticle(NamedTuple):
    """A capture that is not an article, and the category it is counted under."""

    url: str
    reason: str


class Problem(NamedTuple):
    """A capture that should have been read but could not: reported, then skipped."""

    url: str
    offset: int
    reason: str


Found = Capture | SourceInfo | NotArticle | Problem


def url_path(url: str) -> str:
    """A relative file path built from a URL, as ``wget -x`` lays out a mirror.

    Host (and port), the path, ``index.html`` for a folder, the query after a ``?``. Not
    made safe: ``..`` and the like stay, for the writer of the path to refuse.

    >>> url_path("https://news.example/world/storm.html?page=2#top")
    'news.example/world/storm.html?page=2'
    >>> url_path("http://news.example:8080/"), url_path("http://h/a/../b")
    ('news.example:8080/index.html', 'h/a/../b')
    """
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith("/"):
        path += "index.html"
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.rpartition('@')[2]}{path}{query}"


class _Index:
    """Captures a revisit may name: by record id, by URL and date, by payload digest."""

    def __init__(self) -> None:
        self._db = sqlite3.connect("", isolation_level=None)
        self._db.execute("PRAGMA cache_size = -2048")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("CREATE TABLE c (key TEXT PRIMARY KEY, offset INTEGER) WITHOUT ROWID")
        self._db.execute("BEGIN")

    def add(self, offset: int, *keys: str | None) -> None:
        for key in keys:
            if key:
                self._db.execute("INSERT OR IGNORE INTO c VALUES (?, ?)", (key, offset))

    def find(self, *keys: str | None) -> int | None:
        for key in keys:
            if key:
                row = self._db.execute("SELECT offset FROM c WHERE key = ?", (key,)).fetchone()
                if row is not None:
                    return int(row[0])
        return None

    def close(self) -> None:
        self._db.close()


def _url_allowed(
    url: str, include: Sequence[re.Pattern[str]], exclude: Sequence[re.Pattern[str]]
) -> bool:
    if include and not any(p.search(url) for p in include):
        return False
    return not any(p.search(url) for p in exclude)


def read_crawl(
    path: Path,
    *,
    include_url: Sequence[re.Pattern[str]] = (),
    exclude_url: Sequence[re.Pattern[str]] = (),
    max_bytes: int = 64 * 1024 * 1024,
    copy: bool = True,
) -> Iterator[Found]:
    """Everything of note in the crawl at ``path``, in file order.

    A record that cannot be read is a ``Problem`` at its offset, and reading goes on at the
    next record (``resync``). Raises ``InputError`` naming the file and offset where the file
    stops being readable, when no record follows (or in an ARC); what was yielded stands.
    """
    try:
        with path.open("rb") as first:
            head = first.read(4096)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    fmt = crawl_format(head, path.name)
    # A WARC by its name alone: empty, or its first record damaged (``sniff_crawl``), when
    # a record starts after the damage (found once: the sniff that came first found it).
    resume = resume_offset(path, head) if fmt is None else None
    if fmt is None and resume is None:
        raise InputError("not a WARC or ARC file", str(path))
    fmt = fmt or "warc"
    damaged_head = crawl_format(head) is None
    if damaged_head and is_empty(head):
        return
    read = _Read(include_url, exclude_url, max_bytes, copy, path.name)
    index = _Index()
    at = _At()
    try:
        with path.open("rb") as handle, path.open("rb") as again:
            gzipped = handle.read(2) == b"\x1f\x8b"
            # A damaged first member may have lost its magic bytes: the name says.
            gzipped = gzipped or (damaged_head and path.name.lower().endswith(".gz"))
            start: int | None = 0
            if resume is not None:
                reason = f"unreadable WARC at offset 0 (read on at offset {resume})"
                yield Problem("", 0, f"{reason}: {NOT_A_RECORD}")
                start, at = resume, _At(resume, resume)
            while start is not None:
                try:
                    handle.seek(start)
                    yield from _read_from(handle, again, at, fmt, gzipped, index, read)
                    start = None
                except _READ_ERRORS as exc:
                    # The record that fails starts where the last one read ended (or, if
                    # warcio gave its offset before it failed, there).
                    where = max(at.offset, at.end)
                    if not gzipped and where > at.offset:
                        where = past_end_lines(again, where)
                    reason = f"unreadable {fmt.upper()} at offset {where}"
                    # A gzip member read whole holds no record to read again: a WARC captured
                    # in it (stored verbatim) is its payload, not records of this crawl.
                    last = where if gzipped and at.whole else at.offset
                    start = (
                        None if fmt == "arc" else read_on_at(again, last, where, gzipped=gzipped)
                    )
                    if start is None:
                        raise InputError(f"{reason}: {load_reason(exc)}", str(path)) from None
                    if start < where:
                        overrun = f"the record at offset {at.offset} runs into the next one"
                        cause = "damaged compressed data" if gzipped else "wrong Content-Length"
                        yield Problem("", at.offset, f"{overrun}, at offset {start} ({cause}?)")
                    elif start > where:  # at ``where``: the record before was reported
                        yield Problem(
                            "", where, f"{reason} (read on at offset {start}): {load_reason(exc)}"
                        )
                    at = _At(start, start)
    finally:
        index.close()


class _At:
    """Where reading stands: the last record's offset, where it ended, and whether it was one
    gzip member, whole (then nothing after it was read as its block)."""

    __slots__ = ("end", "offset", "whole")

    def __init__(self, offset: int = 0, end: int = 0) -> None:
        self.offset = offset
        self.end = end
        self.whole = True


class _Read(NamedTuple):
    """What ``read_crawl`` was asked to read, as ``_one`` takes it."""

    include: Sequence[re.Pattern[str]]
    exclude: Sequence[re.Pattern[str]]
    max_bytes: int
    copy: bool
    name: str  # the file's name, for the ids of ARC records


def _read_from(
    handle: io.BufferedReader,
    again: io.BufferedReader,
    at: _At,
    fmt: str,
    gzipped: bool,
    index: _Index,
    read: _Read,
) -> Iterator[Found]:
    """The records from ``handle``'s position to the end; ``at`` follows the reading."""
    it = records(handle, arc=fmt == "arc")
    reading = iter(it)
    while True:
        # warcio prints warnings to stderr; the library never prints.
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                record = next(reading, None)
            except (AttributeError, TypeError):
                # warcio's parser meets a head it does not expect: a response with no
                # target URI, or a head cut off before it (a crawler killed mid-write).
                raise EOFError(_NO_TARGET) from None
            if record is None:
                break
            if fmt == "warc" and not record.rec_headers.protocol.startswith("WARC/"):
                # warcio reads on through a member that does not inflate as data with no
                # head, to the end of the file: the records after it would be lost in it.
                raise EOFError(NOT_A_RECORD)
            found, keys = _one(
                record, read.include, read.exclude, read.max_bytes, index, again, read.copy
            )
            warned = it.err_count
            # Only known once the record is read to its end.
            offset, length = it.get_record_offset(), it.get_record_length()
            whole = gzipped and ended_member(it)
        at.offset, at.end, at.whole = offset, offset + length, whole or not gzipped
        if found is None:
            continue
        if isinstance(found, Capture | Problem):
            found = found._replace(offset=offset)
        damaged = fmt == "warc" and misframed(record, it.err_count > warned)
        if isinstance(found, Capture | SourceInfo) and damaged:
            yield Problem(getattr(found, "url", ""), offset, damaged)
            continue
        if isinstance(found, Capture) and fmt == "arc":
            # warcio gives a converted ARC record a random id each time it reads it.
            found = found._replace(record_id=_arc_record_id(read.name, offset))
        index.add(offset, *keys)
        if isinstance(found, Capture):
            found = _unique(found, index, offset)
        if isinstance(found, Capture | SourceInfo) and read.copy and not _repeated(found):
            record_id = getattr(found, "record_id", "")
            stored = stored_record(again, offset, length, gzipped, fmt, record_id, whole)
            if isinstance(stored, str):
                found = Problem(getattr(found, "url", ""), offset, stored)
            else:
                found = _with_record(found, stored, gzipped or fmt == "arc")
        yield found
    # warcio ends quietly at a cut-off gzip member or trailing garbage.
    again.seek(at.end)
    rest = again.read(64)
    if rest.strip(b"\r\n"):
        raise EOFError("truncated record or data that is not a record")


def _with_record(found: Capture | SourceInfo, stored: bytes, gzipped: bool) -> Found:
    """``found`` with its record to copy: as stored, or with its target's scheme in lower
    case when the crawler wrote it in capitals (``lower_scheme``)."""
    if isinstance(found, Capture) and not found.url.partition(":")[0].islower():
        relabelled = lower_scheme(stored, gzipped)
        if relabelled is not None:
            return found._replace(record=relabelled, gzipped=False)
    return found._replace(record=stored, gzipped=gzipped)


def _one(
    record: Any,
    include: Sequence[re.Pattern[str]],
    exclude: Sequence[re.Pattern[str]],
    max_bytes: int,
    index: _Index,
    again: io.BufferedReader,
    copy: bool,
) -> tuple[Found | None, tuple[str | None, ...]]:
    """What one record is, and the keys to find it by if it is a capture a revisit may name.

    The payload is read only for an article; offsets are filled in by the caller. Its digest
    is checked only when its record is to be ``copy``-ed: reading the page does not need it.
    """
    found = _what(record, include, exclude, max_bytes, index, again, copy)
    if isinstance(found, Capture) and record.rec_type == "response":
        headers = record.rec_headers
        digest = headers.get_header("WARC-Payload-Digest")
        return found, (found.record_id, f"{found.url} {found.date}", digest)
    return found, ()


def _what(
    record: Any,
    include: Sequence[re.Pattern[str]],
    exclude: Sequence[re.Pattern[str]],
    max_bytes: int,
    index: _Index,
    again: io.BufferedReader,
    copy: bool,
) -> Found | None:
    headers = record.rec_headers
    rec_type = record.rec_type or ""
    record_id = headers.get_header("WARC-Record-ID") or ""
    if rec_type == "warcinfo":
        return SourceInfo(record_id, b"", False) if record_id else None
    offset = 0  # filled in by the caller
    if rec_type not in ("response", "resource", "revisit"):
        return None
    url = headers.get_header("WARC-Target-URI") or ""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        return None  # a crawler's log, a screenshot, an extracted text: not a web capture
    http = http_headers(record)
    resolved = None
    if rec_type == "revisit" and http is None:
        # A revisit without HTTP headers (WARC 1.0 crawlers): only the capture it names can
        # say what it was, and only article captures are indexed.
        resolved = _revisited(headers, index, again)
        if isinstance(resolved, str):
            return NotArticle(url, "revisit of a non-article or another crawl")
        http = resolved.http
    if rec_type == "resource":
        media, declared = media_type(headers.get_header("Content-Type"))
    elif http is None:
        return NotArticle(url, "no HTTP headers")
    else:
        reason = status_reason(_status(http))
        if reason is not None:
            return NotArticle(url, reason)
        media, declared = media_type(content_type(http))
    html, category = page_kind(url, media)
    if category is not None:
        return NotArticle(url, category)
    if not _url_allowed(url, include, exclude):
        return NotArticle(url, "excluded URL")
    length = headers.get_header("Content-Length") or "0"
    if length.isdigit() and int(length) > max_bytes:
        return Problem(
            url, offset, f"record is {int(length):,} bytes, over the {max_bytes:,}-byte limit"
        )
    date = headers.get_header("WARC-Date") or ""
    if rec_type == "revisit":
        body = resolved or _revisited(headers, index, again)
        if isinstance(body, str):
            return Problem(url, offset, body)
    else:
        body = _Body(record.raw_stream.read(), http, truncation(headers))
    raw, body_headers, cut = body
    try:
        payload = decode_http(raw, body_headers) if body_headers is not None else raw
    except ValueError as exc:
        return Problem(url, offset, str(exc))
    if (not payload or payload.isspace()) and cut is None and not misframed(record, False):
        # A 200 with nothing in it (a beacon, a keep-alive, a HEAD's answer) is no page, as
        # a 204 is none; one whose record was cut is reported as cut.
        return NotArticle(url, "empty response")
    if html is None and binary_reason(payload) is not None:
        # No type, and the bytes are no text: an image or a PDF from a server that did not
        # say so, counted with the other types rather than reported as a bad page.
        return NotArticle(url, "other type")
    info = headers.get_header("WARC-Warcinfo-ID")
    fault = digest_fault(headers, raw) if copy and rec_type == "response" else None
    return Capture(
        url, date, record_id, offset, payload, declared, html, None, False, info, cut, fault
    )


def _unique(found: Capture, index: _Index, offset: int) -> Capture:
    """The capture, not to be copied if an earlier capture has its record id."""
    key = f"id {found.record_id}"
    first = index.find(key)
    if first is None:
        index.add(offset, key)
        return found
    reason = (
        f"WARC-Record-ID {found.record_id} also names the capture at offset {first} "
        "(record ids must be unique)"
    )
    if found.uncopied is not None:
        reason = f"{found.uncopied}; {reason}"
    return found._replace(uncopied=reason)


def _repeated(found: Capture | SourceInfo) -> bool:
    return isinstance(found, Capture) and found.uncopied is not None


def _status(http: Any) -> int:
    code = str(http.get_statuscode() or "")
    return int(code) if code.isdigit() else 0


class _Body(NamedTuple):
    """A capture's HTTP body as stored, its HTTP headers, and why it may be cut short."""

    raw: bytes
    http: Any
    cut: str | None


def _revisited(headers: Any, index: _Index, again: io.BufferedReader) -> _Body | str:
    """The body of the capture a revisit names, or why it cannot be had.

    Whether it was cut short is the capture's to say: a revisit's own record is cut by
    design (wget writes ``WARC-Truncated: length`` on each, its payload left out).
    """
    target = headers.get_header("WARC-Refers-To-Target-URI")
    date = headers.get_header("WARC-Refers-To-Date")
    found = index.find(
        headers.get_header("WARC-Refers-To"),
        f"{target} {date}" if target and date else None,
        headers.get_header("WARC-Payload-Digest"),
    )
    if found is None:
        return "revisit of a capture that is not in this input"
    again.seek(found)
    with contextlib.redirect_stderr(io.StringIO()):
        original = next(iter(records(again)), None)
        head = None if original is None else http_headers(original)
        if original is None or head is None:
            return "revisit of a capture that cannot be read again"
        return _Body(original.raw_stream.read(), head, truncation(original.rec_headers))


def _arc_record_id(name: str, offset: int) -> str:
    """A record id for an ARC record, the same whenever the same file is read."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'arc:{name}#{offset}')}>"
