"""Checking a WARC file: framing, digests, WARC/1.1 and the links between records.

:func:`verify` reads the file once, hashing each block as it streams past, and reports
every problem as a :class:`Fault` with the record's offset: a damaged or foreign file
gives faults, never a traceback.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from scrubwarc.errors import WarcError
from scrubwarc.warc.fields import digest_hasher, digest_matches
from scrubwarc.warc.reader import WarcRecord, iter_records

__all__ = ["Fault", "verify"]


@dataclass(frozen=True, slots=True)
class Fault:
    """A problem in a WARC file: the record's offset, its id if known, and what is wrong."""

    offset: int
    record_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"offset {self.offset}: {self.record_id or '(no record id)'}: {self.reason}"


def verify(path: Path) -> list[Fault]:
    """Check framing, digests, WARC/1.1 and the links between records; [] means sound.

    Reads the file once with the strict reader, hashing each block as it streams past. A
    record is judged once the reader has found it whole; a cut-off one gives one fault,
    saying what its header promised and what the file holds.
    """
    check = _Checker()
    framing: list[WarcError] = []
    held: tuple[WarcRecord, _Hashes] | None = None
    try:
        for rec in iter_records(path, faults=framing):
            if held is not None:
                check.record(*held)
            held = rec, check.hash_block(rec)
        if held is not None:
            check.record(*held)
    except WarcError as exc:
        whole_header = held and held[0].offset == exc.offset and held[0].content_length is not None
        rid = held[0].id if held and whole_header else None
        check.fault(exc.offset, rid, exc.detail)
        return _sorted(check.faults, framing)
    except OSError as exc:
        return [Fault(0, None, f"cannot read: {exc.strerror or exc}")]
    if not check.ids:
        check.fault(0, None, "no WARC record in the file")
    check.links()
    return _sorted(check.faults, framing)


def _sorted(faults: list[Fault], framing: list[WarcError]) -> list[Fault]:
    """The checker's faults and the reader's framing faults, in file order."""
    extra = [Fault(f.offset, None, f.detail) for f in framing]
    return sorted(faults + extra, key=lambda f: f.offset)


# The versions before 1.1 a copied capture may be in: WARC/1.0, and the drafts Heritrix 1.x
# wrote (0.17, 0.18) that crawl archives still hold.
_CRAWLED = frozenset({"WARC/1.0", "WARC/0.18", "WARC/0.17"})


class _Hashes(NamedTuple):
    block: hashlib._Hash | None
    payload: hashlib._Hash | None


class _Checker:
    """The state of one ``verify`` pass: ids seen, links to resolve, faults found."""

    def __init__(self) -> None:
        self.faults: list[Fault] = []
        self.ids: dict[str, tuple[str, str | None]] = {}  # id -> (type, payload digest)
        self._links: list[tuple[int, str, str, str]] = []

    def fault(self, offset: int, record_id: str | None, reason: str) -> None:
        self.faults.append(Fault(offset, record_id, reason))

    def hash_block(self, record: WarcRecord) -> _Hashes:
        """Hash the block and the payload (after any HTTP headers) as they stream past."""
        block = digest_hasher(record.header("WARC-Block-Digest"))
        payload = digest_hasher(record.header("WARC-Payload-Digest"))
        target = record.header("WARC-Target-URI") or ""
        # Hashed as written (a scheme is case-insensitive); a scheme in capitals is a fault
        # of its own (``record``), not a digest mismatch too.
        http = record.type in ("response", "request") and target[:4].lower() == "http"
        head = b""
        while chunk := record.read(1 << 20):
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
        return _Hashes(block, payload)

    def record(self, record: WarcRecord, hashes: _Hashes) -> None:
        offset, rid, rec_type = record.offset, record.id, record.type
        block, payload = hashes
        bad = self.fault
        if not self.ids and rec_type != "warcinfo":
            bad(offset, rid, f"first record is {rec_type!r}, not warcinfo")
        copied = _copied(record, first=not self.ids)
        if record.protocol != "WARC/1.1" and not (copied and record.protocol in _CRAWLED):
            bad(offset, rid, f"{record.protocol} record, not WARC/1.1")
        if rid in self.ids:
            bad(offset, rid, "duplicate WARC-Record-ID")
        block_digest = record.header("WARC-Block-Digest")
        payload_digest = record.header("WARC-Payload-Digest")
        if block_digest is None:
            # Optional in WARC (ISO 28500, 5.8); scrubwarc writes one on each of its records.
            if not copied:
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
        target = record.header("WARC-Target-URI") or ""
        if _misread_scheme(record.type, target):
            scheme = target.partition(":")[0]
            bad(
                offset,
                rid,
                f"WARC-Target-URI scheme {scheme!r} is not in lower case: "
                "warcio and pywb do not read the HTTP message in the record",
            )
        warcinfo = record.header("WARC-Warcinfo-ID")
        if rec_type != "warcinfo" and not (copied and warcinfo is None):
            self._link(offset, rid, "WARC-Warcinfo-ID", warcinfo)
        refers = record.header("WARC-Refers-To")
        by_uri = record.header("WARC-Refers-To-Target-URI") and record.header("WARC-Refers-To-Date")
        # A record may point outside the file by URL and date (a capture in its source crawl).
        if (rec_type == "metadata" or rec_type == "revisit") and not (
            refers is None and (by_uri or copied)
        ):
            self._link(offset, rid, "WARC-Refers-To", refers)
        if target.startswith("urn:text:"):
            self._link(offset, rid, "WARC-Concurrent-To", record.header("WARC-Concurrent-To"))

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


def _copied(record: WarcRecord, *, first: bool) -> bool:
    """A record scrubwarc copies from a crawl as it was (which WARC version it was written in).

    scrubwarc itself writes no ``response`` or ``request`` record, no revisit with HTTP
    headers, only its own warcinfo first, and every record in WARC/1.1: a ``resource``
    record in an earlier version is a crawl's capture (warcio writes WARC/1.0 by default).
    """
    if record.type in ("response", "request"):
        return True
    if record.type == "resource":
        return record.protocol in _CRAWLED
    if record.type == "warcinfo":
        return not first
    content_type = record.header("Content-Type") or ""
    return record.type == "revisit" and content_type.startswith("application/http")


def _misread_scheme(rec_type: str, target: str) -> bool:
    """Whether a record holds an HTTP message at a target whose scheme is not spelt in lower
    case: warcio, and pywb and cdxj-indexer with it, take its block for the payload.

    >>> _misread_scheme("response", "HTTPS://a.example/"), _misread_scheme("resource", "HTTP://a")
    (True, False)
    """
    scheme = target.partition(":")[0]
    http = rec_type in ("response", "request", "revisit")
    return http and scheme.lower() in ("http", "https") and not scheme.islower()
