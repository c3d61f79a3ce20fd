"""Checking a WARC file: framing, digests, WARC/1.1 and the links between records.

:func:`verify` reads the file once, hashing each block as it streams past, and reports
every problem as a :class:`Fault` with the record's offset: a damaged or foreign file
gives faults, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from scrubwarc.warc.fields import digest_hasher, digest_matches
from scrubwarc.warc.reader import READ_ERRORS, looks_like_warc

__all__ = ["Fault", "verify"]


@dataclass(frozen=True, slots=True)
class Fault:
    """A problem in a WARC file: the record's offset, its id if known, and what is wrong."""

    offset: int
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"offset {self.offset}: {self.record_id or '(no record id)'}: {self.reason}"


def _load_reason(exc: BaseException) -> str:
    text = str(exc).strip()
    if "non-chunked gzip" in text:
        return "gzipped as one stream, not one gzip member per record (warcio recompress)"
    if text.startswith(("Invalid WARC record", "Unknown archive format")):
        # warcio quotes the offending bytes, binary garbage when a gzip member is damaged.
        return "no WARC record here: damaged gzip member or data that is not WARC"
    return text.splitlines()[0] if text else type(exc).__name__


def verify(path: Path) -> list[Fault]:
    """Check framing, digests, WARC/1.1 and the links between records; [] means sound.

    Reads the file once, hashing each block as it streams past.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
    except OSError as exc:
        return [Fault(0, None, f"cannot read: {exc.strerror or exc}")]
    if not looks_like_warc(head):
        return [Fault(0, None, "not a WARC file (neither gzip nor a WARC/ header)")]
    check = _Checker()
    offset = 0
    with path.open("rb") as handle, contextlib.redirect_stderr(io.StringIO()):
        it = ArchiveIterator(handle, no_record_parse=True)
        try:
            for record in it:
                block, payload, size = check.hash_block(record)
                offset = it.get_record_offset()
                check.record(offset, record, block, payload, size, it.err_count)
                offset += it.get_record_length()
        except READ_ERRORS as exc:
            check.faults.append(Fault(max(offset, 0), None, _load_reason(exc)))
            return check.faults
        # An uncompressed WARC ends with the CRLFs after the last record; gzip members don't.
        handle.seek(offset)
        rest = handle.read(8)
    if rest.strip(b"\r\n") or not check.ids:
        check.fault(offset, None, "truncated: no complete record from here to the end")
    check.links()
    return check.faults


class _Checker:
    """The state of one ``verify`` pass: ids seen, links to resolve, faults found."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []
        self.ids: dict[str, tuple[str, str | None]] = {}  # id -> (type, payload digest)
        self._links: list[tuple[int, str, str, str]] = []
        self._warnings = 0

    def fault(self, offset: int, record_id: str | None, reason: str) -> None:
        self.faults.append(Fault(offset, record_id, reason))

    def hash_block(self, record: Any) -> tuple[hashlib._Hash | None, hashlib._Hash | None, int]:
        """Hash the block and the payload (after any HTTP headers) as they stream past."""
        headers = record.rec_headers
        block = digest_hasher(headers.get_header("WARC-Block-Digest"))
        payload = digest_hasher(headers.get_header("WARC-Payload-Digest"))
        target = headers.get_header("WARC-Target-URI") or ""
        http = record.rec_type in ("response", "request") and target.startswith("http")
        head, size = b"", 0
        while chunk := record.raw_stream.read(1 << 20):
            size += len(chunk)
            if block:
                block.update(chunk)
            if http:
                head += chunk
                end = head.find(b"\r\n\r\n")
                if end < 0:
                    continue
                chunk, head, http = head[end + 4 :], b"", False
            if payload:
                payload.update(chunk)
        return block, payload, size

    def record(
        self,
        offset: int,
        record: Any,
        block: hashlib._Hash | None,
        payload: hashlib._Hash | None,
        size: int,
        warnings: int,
    ) -> None:
        headers = record.rec_headers
        rec_type: str = record.rec_type or ""
        rid: str = headers.get_header("WARC-Record-ID") or ""
        bad = self.fault
        if not self.ids and rec_type != "warcinfo":
            bad(offset, rid, f"first record is {rec_type!r}, not warcinfo")
        copied = _copied(rec_type, headers, first=not self.ids)
        if headers.protocol != "WARC/1.1" and not (copied and headers.protocol == "WARC/1.0"):
            bad(offset, rid, f"{headers.protocol} record, not WARC/1.1")
        if rid in self.ids:
            bad(offset, rid, "duplicate WARC-Record-ID")
        length = headers.get_header("Content-Length") or ""
        if not length.isdigit() or int(length) != size:
            # The rest of a cut-off record is noise: report the cut only.
            return bad(offset, rid, f"truncated: {size} bytes, Content-Length says {length!r}")
        if warnings > self._warnings:
            bad(offset, rid, "record not followed by two CRLFs (wrong Content-Length?)")
        self._warnings = warnings
        block_digest = headers.get_header("WARC-Block-Digest")
        payload_digest = headers.get_header("WARC-Payload-Digest")
        if block_digest is None:
            bad(offset, rid, "no WARC-Block-Digest")
        elif block is None or not digest_matches(block, block_digest):
            bad(offset, rid, f"block digest mismatch or unknown algorithm: {block_digest}")
        if (
            payload_digest
            and rec_type != "revisit"
            and not (payload and digest_matches(payload, payload_digest))
        ):
            bad(offset, rid, f"payload digest mismatch or unknown algorithm: {payload_digest}")
        self.ids[rid] = (rec_type, payload_digest)
        target = headers.get_header("WARC-Target-URI") or ""
        warcinfo = headers.get_header("WARC-Warcinfo-ID")
        if rec_type != "warcinfo" and not (copied and warcinfo is None):
            self._link(offset, rid, "WARC-Warcinfo-ID", warcinfo)
        refers = headers.get_header("WARC-Refers-To")
        by_uri = headers.get_header("WARC-Refers-To-Target-URI") and headers.get_header(
            "WARC-Refers-To-Date"
        )
        # A record may point outside the file by URL and date (a capture in its source crawl).
        if (rec_type == "metadata" or rec_type == "revisit") and not (
            refers is None and (by_uri or copied)
        ):
            self._link(offset, rid, "WARC-Refers-To", refers)
        if target.startswith("urn:text:"):
            self._link(offset, rid, "WARC-Concurrent-To", headers.get_header("WARC-Concurrent-To"))

    def _link(self, offset: int, rid: str, name: str, value: str | None) -> None:
        if value is None:
            self.fault(offset, rid, f"no {name}")
        else:
            self._links.append((offset, rid, name, value))

    def links(self) -> None:
        """Every link names a record in this file, of the right kind."""
        for offset, rid, name, value in self._links:
            linked = self.ids.get(value)
            if linked is None:
                self.fault(offset, rid, f"{name} {value} is not in this file")
            elif name == "WARC-Warcinfo-ID" and linked[0] != "warcinfo":
                self.fault(offset, rid, f"{name} {value} is a {linked[0]} record")
            elif (
                name == "WARC-Refers-To"
                and self.ids[rid][0] == "revisit"
                and (linked[1] != self.ids[rid][1])
            ):
                self.fault(offset, rid, f"revisit digest differs from that of {value}")


def _copied(rec_type: str, headers: Any, *, first: bool) -> bool:
    """A record scrubwarc copies from a crawl as it was (which WARC version it was written in).

    scrubwarc itself writes no ``response`` or ``request`` record, no revisit with HTTP
    headers, and only its own warcinfo first.
    """
    if rec_type in ("response", "request"):
        return True
    if rec_type == "warcinfo":
        return not first
    content_type = headers.get_header("Content-Type") or ""
    return rec_type == "revisit" and content_type.startswith("application/http")
