"""What a crawl's record says about itself that makes it unfit to copy whole, or its page
unfit to trust whole: a payload that fails its digest, a capture the crawler cut short or
split in segments, a block that is not the length its record declares. Pure: each takes what
warcio read and returns the reason in words, or None.
"""

from __future__ import annotations

from typing import Any

from scrubwarc.warc.fields import digest_hasher, digest_matches

__all__ = ["digest_fault", "misframed", "truncation"]


def digest_fault(headers: Any, payload: bytes) -> str | None:
    """Why a response's payload (as stored) does not match its WARC-Payload-Digest, or None.

    A digest of an algorithm not known here, or of a record split in segments (its digest
    covers them all), is not judged.
    """
    digest = headers.get_header("WARC-Payload-Digest")
    if not digest or headers.get_header("WARC-Segment-Number") is not None:
        return None
    hasher = digest_hasher(digest)
    if hasher is None:
        return None
    hasher.update(payload)
    if digest_matches(hasher, digest):
        return None
    return f"its payload does not match its WARC-Payload-Digest {digest.strip()}"


def truncation(headers: Any) -> str | None:
    """Why a capture's payload may not be whole, as its record says: the crawler cut it
    (``WARC-Truncated``, ISO 28500 5.13: length, time, disconnect, unspecified), or it is the
    first segment of a record split in several (its ``continuation`` records are not read).
    """
    cut = headers.get_header("WARC-Truncated")
    if cut is not None:
        return f"the crawler cut the capture short (WARC-Truncated: {cut.strip() or '?'})"
    segment = headers.get_header("WARC-Segment-Number")
    if segment is not None and segment.strip() == "1":
        return "the capture is the first segment of a record split in several"
    return None


def misframed(record: Any, overran: bool) -> str | None:
    """Why a WARC record's Content-Length is not the length of its block, or None.

    warcio reads on over both faults (it counts a record that is not followed by its blank
    lines); a copy would carry the fault into the output, and the page read is cut or ran on.
    """
    declared = record.rec_headers.get_header("Content-Length") or "?"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return f"record is cut short: its Content-Length says {declared} bytes"
    if overran:
        return f"record runs on past its Content-Length of {declared} bytes"
    return None
