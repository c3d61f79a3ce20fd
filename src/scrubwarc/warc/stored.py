"""A crawl's records as warcio reads them (its gzip members inflated by zlib-ng), and read
again from their offsets as stored, to be copied byte for byte (the scheme of a target URI
written in capitals excepted: ``lower_scheme``).
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from zlib_ng import zlib_ng

from scrubwarc.warc.http import http_headers

__all__ = ["ended_member", "lower_scheme", "records", "stored_record"]

# warcio reads 16 KiB at a time; a crawl's records are tens of KiB, so fewer, larger reads
# mean fewer turns of its Python read loop.
_BLOCK_SIZE = 64 * 1024
# The target field of a record's head, to its scheme; a head ends at its first empty line.
_TARGET = re.compile(rb"^(WARC-Target-URI:[ \t]*<?)([A-Za-z][A-Za-z0-9+.-]*):", re.I | re.M)
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def records(handle: io.BufferedReader, *, arc: bool = False) -> Any:
    """warcio's ArchiveIterator over ``handle``, its gzip members inflated by zlib-ng.

    zlib-ng inflates the same bytes as zlib in about 60% of the time, and inflating is the
    larger part of reading a crawl. The decompressor is chosen through warcio's reader's own
    table (read defensively: a warcio without it keeps zlib).
    """
    it = ArchiveIterator(handle, arc2warc=arc, block_size=_BLOCK_SIZE)
    reader: Any = getattr(it, "reader", None)
    table = getattr(reader, "DECOMPRESSORS", None)
    if isinstance(table, dict) and hasattr(reader, "set_decomp"):
        # On the instance: other users of warcio in this process keep zlib.
        reader.DECOMPRESSORS = {**table, "gzip": _gzip_inflater}
        reader.set_decomp("gzip")
    return it


def _gzip_inflater() -> Any:
    return zlib_ng.decompressobj(16 + zlib.MAX_WBITS)


def ended_member(it: Any) -> bool:
    """Whether warcio, having read a record to its end, stopped at the end of a gzip member
    with nothing of it left over: the record was that member, whole. (warcio starts a record
    where a member starts, or fails on it.) Then it need not be decompressed again to know."""
    # warcio's internals, read defensively: a version without them gets the full check.
    decompressor = getattr(getattr(it, "reader", None), "decompressor", None)
    return bool(decompressor is not None and getattr(decompressor, "eof", False)) and (
        not getattr(it, "next_line", b"?")
    )


def stored_record(
    again: io.BufferedReader,
    offset: int,
    length: int,
    gzipped: bool,
    fmt: str,
    record_id: str,
    whole: bool,
) -> bytes | str:
    """The record as stored, to copy byte for byte; an ARC record is written as WARC.

    ``whole`` says the reader found the record to be one gzip member, as it stands.
    """
    if fmt == "arc":
        return _as_warc(again, offset, record_id)
    again.seek(offset)
    stored = again.read(length)
    if gzipped:
        if whole:
            return stored
        member = zlib.decompressobj(zlib.MAX_WBITS + 16)
        try:
            member.decompress(stored)
        except zlib.error as exc:
            return f"record does not decompress: {exc}"
        if not member.eof or member.unused_data:
            return "record is not a gzip member of its own; cannot copy it"
        return stored
    # warcio counts the blank lines after a plain record as the next one's.
    return stored + b"\r\n\r\n"


def _as_warc(again: io.BufferedReader, offset: int, record_id: str) -> bytes | str:
    """An ARC record converted to a WARC ``response`` record by warcio, as one gzip member."""
    from warcio.warcwriter import WARCWriter

    again.seek(offset)
    out = io.BytesIO()
    with contextlib.redirect_stderr(io.StringIO()):
        record = next(iter(records(again, arc=True)), None)
        if record is None:
            return "ARC record cannot be read again"
        record.rec_headers.replace_header("WARC-Record-ID", record_id)
        target = record.rec_headers.get_header("WARC-Target-URI") or ""
        scheme, colon, rest = target.partition(":")
        if colon and not scheme.islower():
            # As ``lower_scheme`` does for a WARC's records; its HTTP message is read first,
            # so the payload digest written is that of the body after it.
            record.rec_headers.replace_header("WARC-Target-URI", f"{scheme.lower()}:{rest}")
            http_headers(record)
        WARCWriter(out, gzip=True, warc_version="1.1").write_record(record)
    return out.getvalue()


def lower_scheme(record: bytes, gzipped: bool) -> bytes | None:
    """The record (plain, not gzipped) with the scheme of its WARC-Target-URI in lower case;
    None when it is in lower case already, or the record cannot be read.

    A scheme is case-insensitive (RFC 3986, 3.1) and crawlers store ``HTTPS://…`` as they
    met it, but warcio looks for an HTTP message only at a URI spelt ``http:`` or ``https:``:
    ``warcio check`` then fails the payload digest, and pywb indexes and replays the message
    with its headers as the page. Lower case is the same URI (RFC 3986, 6.2.2.1), read right
    by all; the block, and with it both digests, is left as it was.

    >>> lower_scheme(b"WARC/1.1\\r\\nWARC-Target-URI: HTTPS://A.example/X\\r\\n\\r\\nHTTPS:", False)
    b'WARC/1.1\\r\\nWARC-Target-URI: https://A.example/X\\r\\n\\r\\nHTTPS:'
    >>> lower_scheme(b"WARC/1.1\\r\\nWARC-Target-URI: https://a/\\r\\n\\r\\n", False) is None
    True
    """
    if gzipped:
        member = zlib.decompressobj(zlib.MAX_WBITS + 16)
        try:
            record = member.decompress(record)
        except zlib.error:
            return None
    end = _HEAD_END.search(record)
    head = record[: end.start() if end else len(record)]
    found = _TARGET.search(head)
    if found is None or found.group(2).islower():
        return None
    at = found.start(2)
    return record[:at] + found.group(2).lower() + record[found.end(2) :]
