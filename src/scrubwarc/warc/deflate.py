"""Gzip members made in two pieces, so that the costly piece is compressed in the workers.

A record's tail (its fields from ``WARC-Target-URI`` on and its block) is the same whatever
the writer's state: a worker deflates it to a finished raw-deflate stream. The writer, which
alone knows the record id, date and warcinfo, deflates the few header lines before it up to
a byte boundary (a sync flush) and joins: gzip header, head, tail, CRC-32 (combined from the
two pieces' CRCs, so the writer never scans the tail) and length. The result is one standard
gzip member (RFC 1952) that gzip, warcio, pywb and py-wacz read like any other.

Joining costs about 50 bytes a record (a second block's code tables; the tail cannot refer
back into the head), so only tails of ``SPLIT_FROM`` bytes or more are deflated apart: a
shorter record is compressed whole by the writer, cheaply. zlib-ng writes the same format as
zlib in less time: at level 6, over whole records, within 0.5% of warcio's size (zlib level 9);
joined, within 2% on the benchmark corpus (``tests/warc/test_deflate.py`` holds it to 5%).
Whole streams are made in one call (``compress``), not through a compressor object: the same
bytes in about half the time for a record of a few KiB, most of which is the object's set-up.
"""

from __future__ import annotations

import struct
from typing import NamedTuple

from zlib_ng import zlib_ng

__all__ = ["LEVEL", "SPLIT_FROM", "Deflated", "deflate", "gzip_bytes", "join_member"]

LEVEL = 6
SPLIT_FROM = 2048
_RAW = -15  # raw deflate: no zlib or gzip framing of its own
_GZIP = 31  # deflate in gzip framing
# Magic, deflate, no flags, no time, no extra flags, OS unknown (RFC 1952, 2.3).
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


class Deflated(NamedTuple):
    """Bytes as a finished raw-deflate stream, with their CRC-32 and length."""

    data: bytes
    crc: int
    size: int


def deflate(data: bytes) -> Deflated:
    """``data`` deflated, ready to end a gzip member.

    >>> import gzip; gzip.decompress(join_member(b"head ", deflate(b"tail")))
    b'head tail'
    """
    return Deflated(zlib_ng.compress(data, LEVEL, _RAW), zlib_ng.crc32(data), len(data))


def join_member(head: bytes, tail: Deflated) -> bytes:
    """One gzip member holding ``head`` followed by the bytes ``tail`` was made from."""
    # Level 1: on a few hundred bytes of header lines it is as small as 6, in half the time.
    compressor = zlib_ng.compressobj(1, zlib_ng.DEFLATED, _RAW)
    start = compressor.compress(head) + compressor.flush(zlib_ng.Z_SYNC_FLUSH)
    crc = zlib_ng.crc32_combine(zlib_ng.crc32(head), tail.crc, tail.size)
    trailer = struct.pack("<II", crc, (len(head) + tail.size) & 0xFFFFFFFF)
    return b"".join((_GZIP_HEADER, start, tail.data, trailer))


def gzip_bytes(data: bytes) -> bytes:
    """``data`` as one gzip member, compressed in one stream.

    >>> import gzip; gzip.decompress(gzip_bytes(b"WARC/1.0"))
    b'WARC/1.0'
    """
    return zlib_ng.compress(data, LEVEL, _GZIP)
