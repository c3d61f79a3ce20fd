"""Reading scrubwarc WARCs back: list their articles and unpack the originals.

Every reader streams: a record's block is read inside the loop over ``ArchiveIterator``,
and at most one article's bytes are held at a time, so memory stays flat with file size.
A damaged or foreign file gives an ``InputError``, never a traceback. Checking a file
record by record is ``warcverify``'s job.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from scrubwarc.errors import OutputError, WarcError
from scrubwarc.files import atomic_write, output_path
from scrubwarc.warc.fields import (
    ERROR_FIELD,
    SOURCE_PATH_FIELD,
    decode_source_path,
    digest_hasher,
    digest_matches,
    parse_fields,
)

__all__ = [
    "NOT_A_RECORD",
    "READ_ERRORS",
    "Listing",
    "UnpackSummary",
    "WarcRecord",
    "iter_records",
    "list_articles",
    "load_reason",
    "looks_like_warc",
    "unpack",
]

# What a reader finds where a record should start, when warcio finds nothing it can read.
NOT_A_RECORD = "no WARC record here: damaged gzip member or data that is not WARC"
# What warcio raises on a damaged or foreign file.
READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)
_DEVICE = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?", re.I)
# Originals whose metadata record never came (a foreign file) are forgotten after this many.
_MAX_PENDING = 16


@dataclass(frozen=True, slots=True)
class Listing:
    """One archived article: what ``scrubwarc list`` shows."""

    path: str | None
    title: str | None
    date: str | None
    url: str | None
    target: str
    captured: str
    duplicate: bool = False
    error: str | None = None


@dataclass(frozen=True, slots=True)
class UnpackSummary:
    """Files restored (relative paths) and the ones refused, each with its reason.

    ``stopped`` says why the WARC could not be read to its end (a truncated or damaged
    record): the files before that point were restored, each whole; the rest were not.
    """

    restored: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]
    bytes_restored: int
    stopped: WarcError | None = None


@dataclass(frozen=True, slots=True)
class _Record:
    offset: int
    type: str
    id: str
    target: str
    date: str
    headers: tuple[tuple[str, str], ...]
    block: bytes

    def header(self, name: str) -> str | None:
        lower = name.lower()
        return next((v for k, v in self.headers if k.lower() == lower), None)


class WarcRecord:
    """One record as :func:`iter_records` reads it: its header, and its block as a stream.

    The block can be read (in part or whole) only until the iterator moves on; the
    iterator then reads what is left and checks that the record was whole.
    """

    __slots__ = ("_raw", "headers", "offset", "path", "protocol", "size", "type")

    def __init__(self, path: Path, offset: int, record: Any) -> None:
        headers = record.rec_headers
        self.path = path
        self.offset = offset
        self.protocol: str = headers.protocol or ""
        self.headers: tuple[tuple[str, str], ...] = tuple(headers.headers)
        self.type: str = record.rec_type or ""
        self.size = 0  # block bytes read so far
        self._raw = record.raw_stream

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (any case), or None."""
        lower = name.lower()
        return next((v for k, v in self.headers if k.lower() == lower), None)

    @property
    def id(self) -> str:
        return self.header("WARC-Record-ID") or ""

    @property
    def content_length(self) -> int | None:
        """The declared block length, or None when the header lacks a valid one."""
        value = (self.header("Content-Length") or "").strip()
        return int(value) if value.isdigit() else None

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes of the block (all that is left with -1); b"" at its end."""
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                data: bytes = self._raw.read(size) if size >= 0 else self._raw.read()
        except READ_ERRORS as exc:
            raise WarcError(load_reason(exc), str(self.path), self.offset) from None
        self.size += len(data)
        return data


def iter_records(
    path: Path, *, start: int = 0, faults: list[WarcError] | None = None
) -> Iterator[WarcRecord]:
    """The records of a WARC file (gzipped per record or not), strictly, from ``start``.

    A record that is cut short (the file ends inside its header, its block or its gzip
    member) or that cannot be parsed raises :class:`WarcError` naming the file and the
    record's offset, once the reader moves past it: nothing is silently dropped. A record
    whose Content-Length is followed by something other than the two CRLFs that end it
    is a fault too; with ``faults`` given it is recorded there and reading goes on.
    """
    offset = start
    source = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise WarcError(f"cannot read: {exc.strerror or exc}", source, 0) from None
    try:
        with handle:
            if not looks_like_warc(handle.read(5)):
                raise WarcError("not a WARC file (neither gzip nor a WARC/ header)", source, 0)
            handle.seek(start)
            it = ArchiveIterator(handle, no_record_parse=True)
            records = iter(it)
            while True:
                offset = it.offset  # where the next record starts, for a message if it fails
                # warcio prints warnings to stderr; the library never prints.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                if record is None:
                    _check_end(handle, offset, source)
                    return
                warnings = it.err_count
                current = WarcRecord(path, offset, record)
                yield current
                with contextlib.redirect_stderr(io.StringIO()):
                    while current.read(1 << 20):
                        pass
                    it.read_to_end()
                _check_whole(it, current, warnings, faults)
    except READ_ERRORS as exc:
        raise WarcError(load_reason(exc), source, max(offset, 0)) from None


def _check_end(handle: BinaryIO, offset: int, source: str) -> None:
    """Raise WarcError if bytes after the last whole record are more than line ends.

    warcio ends its iteration quietly at a gzip member too short to yield a record.
    """
    size = os.fstat(handle.fileno()).st_size
    handle.seek(offset)
    if handle.read(64).strip(b"\r\n"):
        raise WarcError(
            f"truncated record: the file ends inside it ({size - offset:,} bytes from here to "
            "the end hold no complete record)",
            source,
            offset,
        )


def _check_whole(it: Any, rec: WarcRecord, warnings: int, faults: list[WarcError] | None) -> None:
    """Raise WarcError if ``rec`` (read to its end) was cut short or is misframed."""
    source, offset = str(rec.path), rec.offset
    declared = rec.content_length
    expected = f"Content-Length says {declared:,} bytes" if declared is not None else None
    decompressor = it.reader.decompressor if it.reader is not None else None
    if decompressor is not None and not decompressor.eof:
        found = f"{expected}, {rec.size:,} present" if expected else "its header is cut short"
        raise WarcError(f"truncated record: the file ends inside it ({found})", source, offset)
    if declared is None and decompressor is None and it.next_line is None:
        raise WarcError("truncated record: the file ends inside its header", source, offset)
    if declared is None:
        value = rec.header("Content-Length")
        found = "no Content-Length" if value is None else f"Content-Length {value!r}"
        raise WarcError(f"damaged record header: {found}", source, offset)
    if rec.size < declared:
        raise WarcError(f"truncated record: {expected}, {rec.size:,} present", source, offset)
    start, length = it.member_info
    if decompressor is None and it.next_line is None and it.offset - (start + length) < 4:
        raise WarcError(
            f"truncated record: {expected}, but the two CRLFs that end a record are missing",
            source,
            offset,
        )
    if it.err_count > warnings:
        fault = WarcError(
            f"{expected}, but two CRLFs do not follow them (wrong Content-Length?)", source, offset
        )
        if faults is None:
            raise fault
        faults.append(fault)


def load_reason(exc: BaseException) -> str:
    """What warcio's exception means, in one line."""
    text = str(exc).strip()
    if "non-chunked gzip" in text:
        return "gzipped as one stream, not one gzip member per record (warcio recompress)"
    if text.startswith(("Invalid WARC record", "Unknown archive format")):
        # warcio quotes the offending bytes, binary garbage when a gzip member is damaged.
        return NOT_A_RECORD
    if isinstance(exc, zlib.error):
        return f"damaged gzip member: {text}"
    return text.splitlines()[0] if text else type(exc).__name__


def _records(path: Path, want: frozenset[str], start: int = 0) -> Iterator[_Record]:
    """The records of ``path`` with the blocks of the types in ``want`` read in full.

    Each is yielded only once the reader has checked that it is whole: a record cut short
    never reaches the caller (a truncated metadata record would name the wrong file).
    """
    held: _Record | None = None
    for rec in iter_records(path, start=start):
        if held is not None:
            yield held
        held = _Record(
            rec.offset,
            rec.type,
            rec.id,
            rec.header("WARC-Target-URI") or "",
            rec.header("WARC-Date") or "",
            rec.headers,
            rec.read() if rec.type in want else b"",
        )
    if held is not None:
        yield held


def looks_like_warc(head: bytes) -> bool:
    """Gzip or a WARC version line; warcio would try anything else as ARC and mislead."""
    return head.startswith((b"\x1f\x8b", b"WARC/")) or not head


def _fields(record: _Record) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, value in parse_fields(record.block):
        fields.setdefault(name, []).append(value)
    return fields


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def list_articles(path: Path) -> Iterator[Listing]:
    """Each article's source path, title, publication date, URL and capture date."""
    revisits: set[str] = set()
    for rec in _records(path, frozenset({"metadata"})):
        if rec.type == "revisit":
            revisits.add(rec.id)
        elif rec.type == "metadata":
            fields = _fields(rec)
            if "identifier" not in fields and SOURCE_PATH_FIELD not in fields:
                continue  # not one of ours
            source = _first(fields, SOURCE_PATH_FIELD)
            yield Listing(
                path=decode_source_path(source) if source is not None else None,
                title=_first(fields, "title"),
                date=_first(fields, "date"),
                url=_first(fields, "source"),
                target=rec.target,
                captured=rec.date,
                duplicate=rec.header("WARC-Refers-To") in revisits,
                error=_first(fields, ERROR_FIELD),
            )


def unsafe_reason(path: str) -> str | None:
    """Why ``path`` must not be written under an output folder, or None if it is safe.

    >>> [unsafe_reason(p) for p in ("a/b.txt", "../x", "/etc/x", "C:x", "d/con.txt")]
    [None, "'..' in path", 'absolute path', 'drive letter', 'Windows device name']
    """
    if not path:
        return "empty path"
    if "\x00" in path:
        return "NUL byte in path"
    if "\\" in path:
        return "backslash in path"
    if path.startswith("/"):
        return "absolute path"
    if re.match(r"[A-Za-z]:", path):
        return "drive letter"
    for part in path.split("/"):
        if part in ("", "."):
            return "empty or '.' path component"
        if part == "..":
            return "'..' in path"
        # Windows ignores trailing dots and spaces: "CON. " opens the console too.
        if _DEVICE.fullmatch(part.rstrip(" .")):
            return "Windows device name"
    return None


def _digest_ok(rec: _Record) -> bool:
    # A response's payload digest covers the body only; its block digest, the whole block.
    payload = None if rec.type == "response" else rec.header("WARC-Payload-Digest")
    expected = payload or rec.header("WARC-Block-Digest")
    hasher = digest_hasher(expected)
    if hasher is None:
        return True
    hasher.update(rec.block)
    return digest_matches(hasher, expected or "")


def _block_at(path: Path, offset: int) -> _Record | None:
    return next(_records(path, frozenset({"resource"}), offset), None)


def unpack(path: Path, out_dir: Path, *, force: bool = False) -> UnpackSummary:
    """Restore every archived original, byte for byte, to its source path under ``out_dir``.

    A path that is absolute, climbs out with ``..``, holds NUL or names a Windows device
    is refused, as is an existing file unless ``force``; the rest go on. A revisit restores
    the bytes of the record it refers to, read again from its offset in the file.

    A damaged WARC is restored up to the damaged record: every file written is whole (it is
    written atomically, after its digest was checked) and ``stopped`` says where and why
    reading ended; nothing is removed, so what could be saved is kept. A file with no
    readable record raises :class:`WarcError`.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    offsets: dict[str, int] = {}
    pending: dict[str, _Record] = {}
    restored: list[str] = []
    refused: list[tuple[str, str]] = []
    total = 0
    stopped = None
    try:
        for rec in _records(path, frozenset({"resource", "metadata", "response"})):
            copied = rec.type == "response"  # a capture copied from a crawl
            original_kind = rec.type in ("resource", "revisit")
            if copied or (original_kind and not rec.header("WARC-Concurrent-To")):
                offsets[rec.id] = rec.offset
                pending[rec.id] = rec
                if len(pending) > _MAX_PENDING:
                    del pending[next(iter(pending))]
                continue
            if rec.type != "metadata":
                continue
            source = _first(_fields(rec), SOURCE_PATH_FIELD)
            original = pending.pop(rec.header("WARC-Refers-To") or "", None)
            if source is None:
                continue
            name = decode_source_path(source)
            data, reason = _original_bytes(path, original, offsets)
            if original is None and rec.header("WARC-Refers-To-Target-URI"):
                reason = "the capture was not copied here; it stays in its crawl"
            reason = unsafe_reason(name) or reason
            if reason is None:
                reason = _restore(root, name, data, force)
            if reason is None:
                restored.append(name)
                total += len(data)
            else:
                refused.append((name, reason))
    except WarcError as exc:
        if not offsets and not restored and not refused:
            raise  # nothing readable at all: not a WARC, or damaged from its first record
        stopped = exc
    return UnpackSummary(tuple(restored), tuple(refused), total, stopped)


def _original_bytes(
    path: Path, original: _Record | None, offsets: dict[str, int]
) -> tuple[bytes, str | None]:
    if original is None:
        return b"", "no original record before its metadata"
    if original.type == "revisit":
        first = offsets.get(original.header("WARC-Refers-To") or "")
        loaded = _block_at(path, first) if first is not None else None
        if loaded is None:
            return b"", "revisit refers to a record not in this file"
        original = loaded
    if not _digest_ok(original):
        return b"", f"digest mismatch in the record at offset {original.offset}"
    if original.type == "response":
        from scrubwarc.warc.http import response_payload

        try:
            return response_payload(original.block), None
        except ValueError as exc:
            return b"", f"record at offset {original.offset}: {exc}"
    return original.block, None


def _restore(root: Path, name: str, data: bytes, force: bool) -> str | None:
    try:
        # A symlink already in out_dir must not carry a write outside it.
        dest = output_path(root, PurePosixPath(name))
        if dest.is_symlink():
            return "path leaves the output folder"
        if dest.exists() and not force:
            return "file exists"
        atomic_write(dest, data)
    except OutputError:
        return "path leaves the output folder"
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    return None
