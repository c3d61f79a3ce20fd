"""Where a damaged crawl can be read again: the next WARC record after the damage.

A bit flipped in one gzip member (or a few bytes lost in a download) makes that record
unreadable, not the ones after it: each gzip member of a WARC is a whole record, so reading
goes on at the next member whose first bytes inflate to a WARC version line. In a plain
WARC, the next line that reads ``WARC/1.0`` or ``WARC/1.1`` and opens a header block with a
``WARC-Type`` and a ``Content-Length`` (a page quoting a record would also need those).

The search reads the file a chunk at a time: memory stays bounded whatever lies between.
"""

from __future__ import annotations

import re
import zlib
from typing import BinaryIO

__all__ = ["next_record", "past_end_lines", "read_on_at", "record_at"]

_GZIP_MAGIC = b"\x1f\x8b\x08"
_VERSION = b"WARC/1."
_CHUNK = 1 << 20
# Enough compressed bytes to inflate a record's version line; enough plain ones for its head.
_PROBE = 4096
_VERSION_LINE = re.compile(rb"WARC/1\.[01]\r?\n")
# A head's line: a field (a token, a colon) or the continuation of one.
_FIELD = re.compile(rb"[!#-'*+.0-9A-Z^-z|~-]+:|[ \t]")


def next_record(handle: BinaryIO, start: int, *, gzipped: bool) -> int | None:
    """The offset of the first WARC record that starts at or after ``start`` (at the start of
    a line, in a plain WARC), or None.

    >>> import gzip, io
    >>> record = b"WARC/1.0\\r\\nWARC-Type: resource\\r\\nContent-Length: 0\\r\\n\\r\\n\\r\\n\\r\\n"
    >>> data = b"\\x1f\\x8b\\x08damaged" + gzip.compress(record)
    >>> next_record(io.BytesIO(data), 1, gzipped=True)
    10
    >>> next_record(io.BytesIO(b"junk\\n" + record), 0, gzipped=False)
    5
    >>> next_record(io.BytesIO(b"junk\\nWARC/1.0 is a format\\n"), 0, gzipped=False) is None
    True
    """
    marker = _GZIP_MAGIC if gzipped else _VERSION
    pos = start
    while True:
        handle.seek(pos)
        # Overlap by the marker's length less one, so a marker across two chunks is found.
        chunk = handle.read(_CHUNK + len(marker) - 1)
        at = chunk.find(marker)
        while at != -1:
            if _opens_record(handle, pos + at, chunk, at, gzipped):
                return pos + at
            at = chunk.find(marker, at + 1)
        if len(chunk) < _CHUNK + len(marker) - 1:
            return None
        pos += _CHUNK


def record_at(handle: BinaryIO, offset: int, *, gzipped: bool) -> bool:
    """Whether a WARC record starts at ``offset``, whatever comes before it.

    >>> import io
    >>> record = b"WARC/1.0\\r\\nWARC-Type: resource\\r\\nContent-Length: 0\\r\\n\\r\\n\\r\\n\\r\\n"
    >>> record_at(io.BytesIO(b"</html>" + record), 7, gzipped=False)
    True
    """
    return _opens_record(handle, offset, b"", 0, gzipped)


def _opens_record(handle: BinaryIO, offset: int, chunk: bytes, at: int, gzipped: bool) -> bool:
    """Whether a WARC record starts at ``offset`` (``at`` in ``chunk``)."""
    if not gzipped and at > 0 and chunk[at - 1 : at] != b"\n":
        return False  # a version line starts a line
    handle.seek(offset)
    probe = handle.read(_PROBE)
    if gzipped:
        try:
            probe = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(probe, _PROBE)
        except zlib.error:
            return False
    version = _VERSION_LINE.match(probe)
    if version is None:
        return False
    names: set[bytes] = set()
    for line in probe[version.end() :].split(b"\n")[:-1]:  # the last may be cut short
        line = line.rstrip(b"\r")
        if not line:  # the head's end
            return {b"warc-type", b"content-length"} <= names
        if not _FIELD.match(line):
            return False
        names.add(line.split(b":", 1)[0].strip().lower())
    return False  # no head's end within the probe: not one a crawler wrote


def past_end_lines(again: BinaryIO, end: int) -> int:
    """Where the record after a plain one that ends at ``end`` starts: past the two CRLFs
    that close a record (warcio counts them with the next)."""
    again.seek(end)
    tail = again.read(4)
    return end + len(tail) - len(tail.lstrip(b"\r\n"))


def read_on_at(again: BinaryIO, last: int, where: int, *, gzipped: bool) -> int | None:
    """Where to read on after reading failed at ``where``: the first record after it.

    In a plain WARC, a record whose Content-Length is too long, or that lacks the blank lines
    that end it, puts warcio out of step with the record after it, which is whole: that one
    starts inside the record before (at ``last``) or where it ended, and is read from its start
    with a fresh reader (one damaged itself fails again there, and the search goes past it).
    In a gzipped WARC, a member whose compressed data is damaged may inflate on through the
    members after it (warcio reads them as its block): the search starts inside it too.
    Each search starts past the last record read, so reading always advances.
    """
    if where == last:
        return next_record(again, where + 1, gzipped=gzipped)
    found = next_record(again, last + 1, gzipped=gzipped)
    if gzipped or (found is not None and found <= where):
        return found
    if record_at(again, where, gzipped=False):
        return where  # a record not on a line of its own: the one before lacks its end
    return found
