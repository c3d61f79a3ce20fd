"""Writing articles as WARC/1.1 records, the layout of ``WARC_LAYOUT.md``.

Per output file one ``warcinfo``; per article a ``resource`` holding the original bytes, a
``resource`` holding the cleaned text at ``urn:text:<target>`` and a ``metadata`` record of
``application/warc-fields``. Each record is its own gzip member, so readers can seek to it.

Writing is split in two so that most of it runs in the workers of ``batch``:
``warcrecord.encode_article`` (a pure function) digests the blocks and formats everything
that does not depend on the writer's state, and the one :class:`WarcWriter` here adds the
first header lines (record ids, date, warcinfo; a revisit for a repeated original) and
makes each record's gzip member (the workers deflated the long tails: ``deflate``). Only
flat tuples of bytes and strings cross between processes.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from scrubwarc._version import __version__
from scrubwarc.article import Article
from scrubwarc.errors import ConfigError, OutputError, OutputExistsError, display_path
from scrubwarc.warc.capture import EncodedCapture
from scrubwarc.warc.fields import field_value, format_fields
from scrubwarc.warc.record import (
    FIELDS_TYPE,
    EncodedArticle,
    encode_article,
    encode_raw,
    gzip_member,
    record_head,
    record_tail,
)

__all__ = [
    "REVISIT_PROFILE",
    "Clock",
    "RecordIds",
    "WarcWriter",
    "WriteObserver",
    "WrittenArticle",
    "WrittenRecord",
    "check_output",
    "check_output_name",
    "part_name",
]

Clock = Callable[[], datetime]
RecordIds = Callable[[], str]

REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
_SPEC = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"


def _random_ids() -> Iterator[str]:
    """Record ids: random UUIDs, version 4 as ``uuid.uuid4`` makes them, from one read of the
    system's random source per 256 ids (a read per id was a sixth of the writer's time)."""
    while True:
        block = os.urandom(16 * 256)
        for start in range(0, len(block), 16):
            raw = bytearray(block[start : start + 16])
            raw[6] = raw[6] & 0x0F | 0x40  # version 4
            raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
            h = raw.hex()
            yield f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"


def _now() -> datetime:
    return datetime.now(UTC)


def _warc_date(moment: datetime) -> str:
    """Second precision, UTC: pywb and CDX use 14-digit timestamps anyway."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class _FirstCopy(NamedTuple):
    """Where an original was first written in the current file, for its revisits."""

    record_id: str
    target: str
    date: str
    digest: str


class _Originals:
    """The first copy of each original in one output file, by the SHA-256 of its bytes.

    A private temporary SQLite database with a small page cache: memory stays flat however
    many articles a file holds (on disk, about 200 bytes an article). SQLite creates its
    file in the temporary folder only when the cache spills, unlinks it as soon as it is
    open (so even a killed run leaves nothing) and frees it on close. One transaction,
    never committed: nothing is ever synced.
    """

    CACHE_KIB = 2048

    def __init__(self) -> None:
        import sqlite3  # lazy: only `archive` writes WARC

        self._error = sqlite3.Error
        self._db = sqlite3.connect("", isolation_level=None)
        with self._failing_as_output_error():
            for pragma in (f"cache_size = -{self.CACHE_KIB}", "journal_mode = OFF"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute(
                "CREATE TABLE first (sha256 BLOB PRIMARY KEY, record_id TEXT, target TEXT,"
                " date TEXT, digest TEXT) WITHOUT ROWID"
            )
            # Captures copied from crawls, by record id: each is copied once per file.
            self._db.execute("CREATE TABLE copied (record_id TEXT PRIMARY KEY) WITHOUT ROWID")
            self._db.execute("BEGIN")

    @contextlib.contextmanager
    def _failing_as_output_error(self) -> Iterator[None]:
        """A full or unwritable temporary folder is an output problem, not a crash."""
        try:
            yield
        except self._error as exc:
            raise OutputError(f"index of originals in the temporary folder: {exc}") from None

    def claim(self, sha256: bytes, first: _FirstCopy) -> _FirstCopy | None:
        """Record ``first`` as the first copy of these bytes; the earlier one if there is one.

        One statement for a new original (nearly all), two for a repeated one.
        """
        with self._failing_as_output_error():
            insert = "INSERT OR IGNORE INTO first VALUES (?, ?, ?, ?, ?)"
            if self._db.execute(insert, (sha256, *first)).rowcount == 1:
                return None
            row = self._db.execute(
                "SELECT record_id, target, date, digest FROM first WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return _FirstCopy(*row)

    def copy_once(self, record_id: str) -> bool:
        """True the first time a capture is copied into this file, False after."""
        with self._failing_as_output_error():
            cursor = self._db.execute("INSERT OR IGNORE INTO copied VALUES (?)", (record_id,))
        return cursor.rowcount == 1

    def close(self) -> None:
        self._db.close()


@dataclass(frozen=True, slots=True)
class WrittenArticle:
    """Where an article went: its target, capture date, file and whether it was a revisit."""

    target: str
    date: str
    record_id: str
    file: Path
    duplicate: bool


class WrittenRecord(NamedTuple):
    """One record of an article as written: its type and where its gzip member lies."""

    type: str
    offset: int
    length: int


# Told of each article once its records are written (how ``wacz`` indexes as it goes).
WriteObserver = Callable[[WrittenArticle, EncodedArticle, tuple[WrittenRecord, ...]], None]


@dataclass(slots=True)
class _Part:
    """One output file being written under its temporary name."""

    final: Path
    temp: Path
    handle: io.BufferedWriter
    warcinfo_id: str
    originals: _Originals = field(default_factory=_Originals)
    source_infos: set[str] = field(default_factory=set)  # crawl warcinfos copied here
    articles: int = 0
    size: int = 0

    def close(self) -> None:
        self.originals.close()
        self.handle.close()


def part_name(name: str, index: int) -> str:
    """The name of part ``index`` of an output called ``name``.

    >>> part_name("news.warc.gz", 3)
    'news-00003.warc.gz'
    """
    stem, dot, ext = name.partition(".") if not name.startswith(".") else (name, "", "")
    return f"{stem}-{index:05d}{dot}{ext}"


def check_output_name(name: str, output: str) -> None:
    """Refuse an output ``name`` that does not end in ``.warc.gz``, naming ``output``."""
    if not name.endswith(".warc.gz") or name == ".warc.gz":
        stem = name.removesuffix(".gz").removesuffix(".warc")
        stem = (Path(stem).stem if stem == name else stem) or "news"
        raise ConfigError(
            f"{display_path(output)}: a WARC output is gzip-compressed: name it {stem}.warc.gz"
        )


def check_output(output: Path, *, parents: bool = False) -> None:
    """Refuse, before any work, an output that could not be written as a WARC file.

    The name must end in ``.warc.gz`` (each record is a gzip member; a ``.warc`` or ``.txt``
    name would promise another format); the output must not be a directory; its folder must
    exist unless ``parents`` asks to create it.

    >>> check_output(Path("news.warc"))
    Traceback (most recent call last):
    scrubwarc.errors.ConfigError: news.warc: a WARC output is gzip-compressed: name it news.warc.gz
    """
    check_output_name(output.name, str(output))
    if output.is_dir():
        raise OutputError(f"{display_path(output)}: is a directory")
    folder = output.parent
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{display_path(folder)}: not a directory")
    if not folder.exists() and not parents:
        raise OutputError(f"{display_path(folder)}: no such directory")


class WarcWriter:
    """Write articles to ``output`` atomically; a context manager.

    Records go to ``.NAME.partial`` beside the output and are renamed into place on a clean
    exit; an exception (or KeyboardInterrupt) removes the partial file. With ``max_size``
    the output rolls over into ``STEM-00000.warc.gz``, ``STEM-00001.warc.gz`` …, each a
    complete WARC with its own warcinfo. Identical originals are written once per file; a
    repeat becomes a ``revisit`` (per file, so every file can be read or unpacked alone).
    ``clock`` and ``record_ids`` exist so that tests produce byte-identical files;
    ``observer`` is told where each article's records went. ``attempt`` goes into the
    temporary name, so that two attempts at one file (a task run twice) never share it.
    """

    def __init__(
        self,
        output: Path,
        *,
        max_size: int | None = None,
        append: bool = False,
        force: bool = False,
        clock: Clock | None = None,
        record_ids: RecordIds | None = None,
        parents: bool = False,
        observer: WriteObserver | None = None,
        attempt: str | None = None,
        description: str = "News articles archived by scrubwarc: original, cleaned text, metadata",
    ) -> None:
        if append and max_size is not None:
            raise ConfigError("cannot append to a rolling output (use append or max_size)")
        if max_size is not None and max_size <= 0:
            raise ConfigError(f"max_size must be positive, not {max_size}")
        check_output(Path(output), parents=parents)
        self.output = Path(output)
        self._max_size = max_size
        self._append = append
        self._force = force
        self._clock = clock or _now
        # Each writer draws its own ids: none are shared with a process forked after it.
        self._ids = record_ids or functools.partial(next, _random_ids())
        self._observer = observer
        self._attempt = attempt
        self._description = description
        self._part: _Part | None = None
        self._files: list[Path] = []
        self._source_infos: dict[str, bytes] = {}
        self.records = 0
        self.duplicates = 0
        self.bytes_written = 0

    @property
    def files(self) -> tuple[Path, ...]:
        """The files completed so far, in order."""
        return tuple(self._files)

    def __enter__(self) -> WarcWriter:
        self._open_part()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _part_name(self, index: int) -> Path:
        if self._max_size is None:
            return self.output
        return self.output.with_name(part_name(self.output.name, index))

    def _open_part(self) -> None:
        final = self._part_name(len(self._files))
        if final.exists() and not (self._force or self._append):
            raise OutputExistsError(f"{final}: already exists")
        attempt = f".{self._attempt}" if self._attempt else ""
        temp = final.with_name(f".{final.name}{attempt}.partial")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            if self._append and final.exists():
                # Appending to a copy keeps the original intact until the rename.
                shutil.copyfile(final, temp)
            handle = temp.open("ab" if self._append else "wb")
        except OSError as exc:
            raise OutputError(f"{final}: cannot write: {exc.strerror or exc}") from None
        warcinfo_id = self._ids()
        try:
            self._part = _Part(final, temp, handle, warcinfo_id, size=handle.tell())
        except BaseException:  # the index could not be set up: leave nothing behind
            handle.close()
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        self._emit(self._warcinfo(final.name, warcinfo_id))

    def _finish_part(self) -> None:
        part = self._part
        assert part is not None
        part.handle.flush()
        os.fsync(part.handle.fileno())
        part.close()
        part.temp.replace(part.final)
        self._files.append(part.final)
        self._part = None

    def close(self) -> None:
        """Finish the current file and move it into place."""
        if self._part is not None:
            self._finish_part()

    def abort(self) -> None:
        """Drop the file being written; files completed before stay."""
        part, self._part = self._part, None
        if part is not None:
            part.close()
            with contextlib.suppress(OSError):
                part.temp.unlink()

    def write(self, article: Article, source_path: str | None = None) -> WrittenArticle:
        """Append one article's records; ``source_path`` defaults to ``metadata.path``."""
        return self.write_encoded(encode_article(article, source_path))

    def write_raw(self, data: bytes, source_path: str, error: str) -> WrittenArticle:
        """Archive bytes that could not be processed, flagged with ``error``, without text."""
        return self.write_encoded(encode_raw(data, source_path, error))

    def write_encoded(self, encoded: EncodedArticle) -> WrittenArticle:
        """Append the records of an article encoded by :func:`encode_article`."""
        part = self._part
        if part is None:
            raise OutputError("WarcWriter is closed; use it as a context manager")
        ids = (self._ids(), self._ids(), self._ids())
        date = _warc_date(self._clock())
        # Claimed before the write: a write that fails aborts the file, claim and all.
        copy = _FirstCopy(ids[0], encoded.target, date, encoded.original.digest)
        first = part.originals.claim(encoded.sha256, copy)
        members = self._article_members(encoded, ids, date, first)
        size = sum(len(m) for _, m in members)
        if self._max_size and part.articles and part.size + size > self._max_size:
            self._finish_part()
            self._open_part()
            assert self._part is not None
            part = self._part
            first = part.originals.claim(encoded.sha256, copy)  # None: a new part's first
            members = self._article_members(encoded, ids, date, first)
        offset = part.size
        self._emit(b"".join(m for _, m in members), len(members))
        part.articles += 1
        self.duplicates += first is not None
        written = WrittenArticle(encoded.target, date, ids[0], part.final, first is not None)
        if self._observer is not None:
            records = []
            for rec_type, member in members:
                records.append(WrittenRecord(rec_type, offset, len(member)))
                offset += len(member)
            self._observer(written, encoded, tuple(records))
        return written

    def add_source_info(self, record_id: str, member: bytes) -> None:
        """A crawl's warcinfo record (one gzip member), copied before the first capture naming it.

        Copied captures keep their ``WARC-Warcinfo-ID``; this keeps it pointing at a record
        of the same file, in every rolled part.
        """
        self._source_infos[record_id] = member

    def write_capture(self, encoded: EncodedCapture) -> WrittenArticle:
        """Append a crawled article: its capture as crawled (unless not copied), text, metadata.

        The three share the crawl's ``WARC-Date``. The text is concurrent to the capture and
        the metadata refers to it; a capture already copied into this file (the same record
        from two inputs) is linked, not copied again. Without a copy both point at the
        capture in its crawl by URL and date (``WARC-Refers-To-Target-URI``, ``-Date``).
        """
        part = self._part
        if part is None:
            raise OutputError("WarcWriter is closed; use it as a context manager")
        text_id, meta_id = self._ids(), self._ids()
        copy = encoded.record is not None and part.originals.copy_once(encoded.capture_id)
        blob, count = self._capture_blob(encoded, text_id, meta_id, copy)
        if self._max_size and part.articles and part.size + len(blob) > self._max_size:
            self._finish_part()
            self._open_part()
            assert self._part is not None
            part = self._part
            copy = encoded.record is not None and part.originals.copy_once(encoded.capture_id)
            blob, count = self._capture_blob(encoded, text_id, meta_id, copy)
        self._emit(blob, count)
        if copy and encoded.warcinfo_id is not None:
            part.source_infos.add(encoded.warcinfo_id)
        part.articles += 1
        return WrittenArticle(encoded.target, encoded.date, encoded.capture_id, part.final, False)

    def _capture_blob(
        self, encoded: EncodedCapture, text_id: str, meta_id: str, copy: bool
    ) -> tuple[bytes, int]:
        part = self._part
        assert part is not None
        common = (("WARC-Date", encoded.date), ("WARC-Warcinfo-ID", part.warcinfo_id))
        records = []
        if encoded.record is not None:
            info = encoded.warcinfo_id
            if copy:
                known = info is not None and info in self._source_infos
                if known and info not in part.source_infos:
                    assert info is not None
                    records.append(self._source_infos[info])
                records.append(encoded.record)
            text_link = ("WARC-Concurrent-To", encoded.capture_id)
            refers: tuple[tuple[str, str], ...] = (("WARC-Refers-To", encoded.capture_id),)
        else:
            text_link = ("WARC-Concurrent-To", meta_id)
            refers = (
                ("WARC-Refers-To-Target-URI", encoded.target),
                ("WARC-Refers-To-Date", encoded.date),
            )
        text_head = record_head("resource", text_id, (*common, text_link))
        records.append(gzip_member(text_head, encoded.text))
        records.append(
            gzip_member(record_head("metadata", meta_id, (*common, *refers)), encoded.metadata)
        )
        return b"".join(records), len(records)

    def _emit(self, blob: bytes, records: int = 1) -> None:
        assert self._part is not None
        self._part.handle.write(blob)
        self._part.size += len(blob)
        self.bytes_written += len(blob)
        self.records += records

    def _article_members(
        self,
        encoded: EncodedArticle,
        ids: tuple[str, str, str],
        date: str,
        first: _FirstCopy | None,
    ) -> list[tuple[str, bytes]]:
        """The article's records as (type, gzip member), to write in one piece."""
        assert self._part is not None
        common = (("WARC-Date", date), ("WARC-Warcinfo-ID", self._part.warcinfo_id))
        original_id, text_id, meta_id = ids
        if first is None:
            head = record_head("resource", original_id, common)
            records = [("resource", gzip_member(head, encoded.original))]
        else:
            revisit = (
                *common,
                ("WARC-Refers-To", first.record_id),
                ("WARC-Refers-To-Target-URI", first.target),
                ("WARC-Refers-To-Date", first.date),
                ("WARC-Profile", REVISIT_PROFILE),
                ("WARC-Payload-Digest", first.digest),
            )
            tail = record_tail(b"", None, encoded.target, payload_digest=False)
            records = [("revisit", gzip_member(record_head("revisit", original_id, revisit), tail))]
        if encoded.text is not None:
            linked = (*common, ("WARC-Concurrent-To", original_id))
            head = record_head("resource", text_id, linked)
            records.append(("resource", gzip_member(head, encoded.text)))
        refers = (*common, ("WARC-Refers-To", original_id))
        head = record_head("metadata", meta_id, refers)
        records.append(("metadata", gzip_member(head, encoded.metadata)))
        return records

    def _warcinfo(self, filename: str, record_id: str) -> bytes:
        block = format_fields(
            [
                ("software", f"scrubwarc/{__version__}"),
                ("format", "WARC File Format 1.1"),
                ("conformsTo", _SPEC),
                ("description", field_value(self._description)),
            ]
        )
        fields = (
            ("WARC-Date", _warc_date(self._clock())),
            ("WARC-Filename", field_value(filename)),
        )
        tail = record_tail(block, FIELDS_TYPE, None, payload_digest=False)
        return gzip_member(record_head("warcinfo", record_id, fields), tail)
