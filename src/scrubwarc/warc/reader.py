"""Reading scrubwarc WARCs back: list their articles, unpack the originals, pages for a WACZ.

Every reader streams: a record's block is read inside the loop over ``ArchiveIterator``,
and at most one article's bytes are held at a time, so memory stays flat with file size.
A damaged or foreign file gives an ``InputError``, never a traceback. Checking a file
record by record is ``warcverify``'s job.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from scrubwarc.errors import InputError
from scrubwarc.files import atomic_write
from scrubwarc.warc.fields import (
    ERROR_FIELD,
    SOURCE_PATH_FIELD,
    decode_source_path,
    digest_hasher,
    digest_matches,
    parse_fields,
)

__all__ = [
    "READ_ERRORS",
    "Listing",
    "Page",
    "UnpackSummary",
    "list_articles",
    "looks_like_warc",
    "pages",
    "unpack",
]

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
class Page:
    """One entry of a WACZ ``pages.jsonl``: where to replay the article and what it says."""

    url: str
    ts: str
    title: str
    text: str
    id: str


@dataclass(frozen=True, slots=True)
class UnpackSummary:
    """Files restored (relative paths) and the ones refused, each with its reason."""

    restored: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]
    bytes_restored: int


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


def _records(path: Path, want: frozenset[str]) -> Iterator[_Record]:
    """The records of ``path`` with the blocks of the types in ``want`` read in full.

    Raises ``InputError`` naming the file and the offset where reading failed.
    """
    offset = 0
    try:
        with path.open("rb") as handle:
            if not looks_like_warc(handle.read(5)):
                raise InputError("not a WARC file (neither gzip nor a WARC/ header)", str(path))
            handle.seek(0)
            it = ArchiveIterator(handle, no_record_parse=True)
            records = iter(it)
            while True:
                # warcio prints warnings to stderr; the library never prints.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                    if record is None:
                        return
                    rec_type = record.rec_type or ""
                    if rec_type in want:
                        block = record.raw_stream.read()
                    else:
                        while record.raw_stream.read(1 << 20):
                            pass
                        block = b""
                    offset = it.get_record_offset()
                    headers = record.rec_headers
                    rec = _Record(
                        offset,
                        rec_type,
                        headers.get_header("WARC-Record-ID") or "",
                        headers.get_header("WARC-Target-URI") or "",
                        headers.get_header("WARC-Date") or "",
                        tuple(headers.headers),
                        block,
                    )
                    offset += it.get_record_length()
                yield rec
    except READ_ERRORS as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"unreadable WARC at offset {offset}: {reason}", str(path)) from None


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


def pages(path: Path) -> Iterator[Page]:
    """Each article's replay address, capture time, title and cleaned text, for a WACZ."""
    texts: dict[str, str] = {}
    for rec in _records(path, frozenset({"resource", "metadata"})):
        concurrent = rec.header("WARC-Concurrent-To")
        if rec.type == "resource" and concurrent and rec.target.startswith("urn:text:"):
            texts = {concurrent: rec.block.decode("utf-8", "replace")}
        elif rec.type == "metadata":
            fields = _fields(rec)
            original = rec.header("WARC-Refers-To") or ""
            source = _first(fields, SOURCE_PATH_FIELD)
            title = _first(fields, "title") or (decode_source_path(source) if source else None)
            yield Page(
                url=rec.target,
                ts=rec.date,
                title=title or rec.target,
                text=texts.pop(original, ""),
                id=original.strip("<>").removeprefix("urn:uuid:"),
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
    with path.open("rb") as handle:
        handle.seek(offset)
        it = ArchiveIterator(handle, no_record_parse=True)
        with contextlib.redirect_stderr(io.StringIO()):
            record = next(iter(it), None)
            if record is None:
                return None
            headers = record.rec_headers
            return _Record(
                offset,
                record.rec_type or "",
                headers.get_header("WARC-Record-ID") or "",
                headers.get_header("WARC-Target-URI") or "",
                headers.get_header("WARC-Date") or "",
                tuple(headers.headers),
                record.raw_stream.read(),
            )


def unpack(path: Path, out_dir: Path, *, force: bool = False) -> UnpackSummary:
    """Restore every archived original, byte for byte, to its source path under ``out_dir``.

    A path that is absolute, climbs out with ``..``, holds NUL or names a Windows device
    is refused, as is an existing file unless ``force``; the rest go on. A revisit restores
    the bytes of the record it refers to, read again from its offset in the file.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    offsets: dict[str, int] = {}
    pending: dict[str, _Record] = {}
    restored: list[str] = []
    refused: list[tuple[str, str]] = []
    total = 0
    for rec in _records(path, frozenset({"resource", "metadata", "response"})):
        copied = rec.type == "response"  # a capture copied from a crawl
        if copied or (rec.type in ("resource", "revisit") and not rec.header("WARC-Concurrent-To")):
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
    return UnpackSummary(tuple(restored), tuple(refused), total)


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
    dest = root.joinpath(*PurePosixPath(name).parts)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        # A symlink already in out_dir must not carry a write outside it.
        if not dest.parent.resolve().is_relative_to(root) or dest.is_symlink():
            return "path leaves the output folder"
        if dest.exists() and not force:
            return "file exists"
        atomic_write(dest, data)
    except OSError as exc:
        return f"cannot write: {exc.strerror or exc}"
    return None
