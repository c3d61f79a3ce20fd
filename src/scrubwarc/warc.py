"""Writing articles as WARC/1.1 records, the layout of ``WARC_LAYOUT.md``.

Per output file one ``warcinfo``; per article a ``resource`` holding the original bytes, a
``resource`` holding the cleaned text at ``urn:text:<target>`` and a ``metadata`` record of
``application/warc-fields``. Each record is its own gzip member, so readers can seek to it.

The target of an article is its URL, percent-encoded to ASCII (pywb cannot replay a
non-ASCII target). Without a usable http(s) URL it is ``urn:sha256:<hex>``, the SHA-256 of
the original bytes: the same bytes always get the same name, in any run, on any machine.

The field names and value formats of the records are in ``warcfields``, shared with the
readers. warcio's untyped objects stay in this module, ``warcread`` and ``warcverify``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from urllib.parse import quote, urlsplit, urlunsplit

from warcio.warcwriter import WARCWriter

from ._version import __version__
from .article import Article
from .errors import ConfigError, OutputError
from .warcfields import ERROR_FIELD, article_fields, field_value, format_fields, sha1_digest

__all__ = [
    "REVISIT_PROFILE",
    "Clock",
    "RecordIds",
    "WarcWriter",
    "WrittenArticle",
    "target_uri",
]

Clock = Callable[[], datetime]
RecordIds = Callable[[], str]

REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
TEXT_TYPE = "text/plain; charset=utf-8"
FIELDS_TYPE = "application/warc-fields"
_SPEC = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# RFC 3986 reserved and unreserved characters, plus "%" for escapes already present.
_URL_SAFE = "!#$&'()*+,/:;=?@[]~-._%"


def _new_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _now() -> datetime:
    return datetime.now(UTC)


def _warc_date(moment: datetime) -> str:
    """Second precision, UTC: pywb and CDX use 14-digit timestamps anyway."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def target_uri(url: str | None, original: bytes) -> str:
    """The record target: the http(s) URL as ASCII, else ``urn:sha256:`` of the bytes.

    >>> target_uri("https://bücher.example/ä b?q=1#top", b"")
    'https://xn--bcher-kva.example/%C3%A4%20b?q=1'
    >>> target_uri(None, b"x")[:20]
    'urn:sha256:2d711642b'
    """
    ascii_url = _ascii_url(url) if url else None
    return ascii_url or "urn:sha256:" + hashlib.sha256(original).hexdigest()


def _ascii_url(url: str) -> str | None:
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not host:
        return None
    try:
        # The idna codec rejects empty or over-long labels: no usable URL then.
        netloc = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if ":" in netloc:
        netloc = f"[{netloc}]"
    if port is not None:
        netloc += f":{port}"
    if parts.username is not None:
        userinfo = quote(parts.username, safe="")
        if parts.password is not None:
            userinfo += ":" + quote(parts.password, safe="")
        netloc = f"{userinfo}@{netloc}"
    path, query = (_LONE_PERCENT.sub("%25", quote(p, safe=_URL_SAFE)) for p in parts[2:4])
    # The fragment never reaches a server, so it is not part of what was captured.
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


@dataclass(frozen=True, slots=True)
class WrittenArticle:
    """Where an article went: its target, capture date, file and whether it was a revisit."""

    target: str
    date: str
    record_id: str
    file: Path
    duplicate: bool


@dataclass(slots=True)
class _Part:
    """One output file being written under its temporary name."""

    final: Path
    temp: Path
    handle: io.BufferedWriter
    warcinfo_id: str
    articles: int = 0
    size: int = 0


class WarcWriter:
    """Write articles to ``output`` atomically; a context manager.

    Records go to ``.NAME.partial`` beside the output and are renamed into place on a clean
    exit; an exception (or KeyboardInterrupt) removes the partial file. With ``max_size``
    the output rolls over into ``STEM-00000.warc.gz``, ``STEM-00001.warc.gz`` …, each a
    complete WARC with its own warcinfo. Identical originals are written once per file; a
    repeat becomes a ``revisit`` (per file, so every file can be read or unpacked alone).
    ``clock`` and ``record_ids`` exist so that tests produce byte-identical files.
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
        description: str = "News articles archived by scrubwarc: original, cleaned text, metadata",
    ) -> None:
        if append and max_size is not None:
            raise ConfigError("cannot append to a rolling output (use append or max_size)")
        if max_size is not None and max_size <= 0:
            raise ConfigError(f"max_size must be positive, not {max_size}")
        self.output = Path(output)
        self._max_size = max_size
        self._append = append
        self._force = force
        self._clock = clock or _now
        self._ids = record_ids or _new_id
        self._description = description
        self._warcio = WARCWriter(None, gzip=True, warc_version="1.1")
        # The spec (WARC 1.1, 5.9) gives metadata records no payload digest; warcio would.
        self._warcio.NO_PAYLOAD_DIGEST_TYPES = ("warcinfo", "revisit", "metadata")
        self._part: _Part | None = None
        self._seen: dict[str, tuple[str, str, str, str]] = {}
        self._files: list[Path] = []
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
        name = self.output.name
        stem, dot, ext = name.partition(".") if not name.startswith(".") else (name, "", "")
        return self.output.with_name(f"{stem}-{index:05d}{dot}{ext}")

    def _open_part(self) -> None:
        final = self._part_name(len(self._files))
        if final.exists() and not (self._force or self._append):
            raise OutputError(f"{final}: already exists; pass force (--force) to replace it")
        temp = final.with_name(f".{final.name}.partial")
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            if self._append and final.exists():
                # Appending to a copy keeps the original intact until the rename.
                shutil.copyfile(final, temp)
            handle = temp.open("ab" if self._append else "wb")
        except OSError as exc:
            raise OutputError(f"{final}: cannot write: {exc.strerror or exc}") from None
        warcinfo_id = self._ids()
        self._part = _Part(final, temp, handle, warcinfo_id)
        self._emit(self._warcinfo(final.name, warcinfo_id))

    def _finish_part(self) -> None:
        part = self._part
        assert part is not None
        part.handle.flush()
        os.fsync(part.handle.fileno())
        part.handle.close()
        part.temp.replace(part.final)
        self._files.append(part.final)
        self._part = None
        self._seen.clear()

    def close(self) -> None:
        """Finish the current file and move it into place."""
        if self._part is not None:
            self._finish_part()

    def abort(self) -> None:
        """Drop the file being written; files completed before stay."""
        part, self._part = self._part, None
        if part is not None:
            part.handle.close()
            with contextlib.suppress(OSError):
                part.temp.unlink()

    def write(self, article: Article, source_path: str | None = None) -> WrittenArticle:
        """Append one article's records; ``source_path`` defaults to ``metadata.path``."""
        path = source_path if source_path is not None else article.metadata.path
        return self._write(article.original, article, path, None)

    def write_raw(self, data: bytes, source_path: str, error: str) -> WrittenArticle:
        """Archive bytes that could not be processed, flagged with ``error``, without text."""
        return self._write(data, None, source_path, error)

    def _write(
        self, data: bytes, article: Article | None, path: str | None, error: str | None
    ) -> WrittenArticle:
        if self._part is None:
            raise OutputError("WarcWriter is closed; use it as a context manager")
        ids = (self._ids(), self._ids(), self._ids())
        date = _warc_date(self._clock())
        sha256 = hashlib.sha256(data).hexdigest()
        target = target_uri(article.metadata.url if article else None, data)
        blob, count = self._article_blob(data, article, path, error, ids, date, sha256, target)
        part = self._part
        if self._max_size and part.articles and part.size + len(blob) > self._max_size:
            self._finish_part()
            self._open_part()
            blob, count = self._article_blob(data, article, path, error, ids, date, sha256, target)
        duplicate = sha256 in self._seen
        self._emit(blob, count)
        if not duplicate:
            self._seen[sha256] = (ids[0], target, date, sha1_digest(data))
        assert self._part is not None
        self._part.articles += 1
        self.duplicates += duplicate
        return WrittenArticle(target, date, ids[0], self._part.final, duplicate)

    def _emit(self, blob: bytes, records: int = 1) -> None:
        assert self._part is not None
        self._part.handle.write(blob)
        self._part.size += len(blob)
        self.bytes_written += len(blob)
        self.records += records

    def _article_blob(
        self,
        data: bytes,
        article: Article | None,
        path: str | None,
        error: str | None,
        ids: tuple[str, str, str],
        date: str,
        sha256: str,
        target: str,
    ) -> tuple[bytes, int]:
        """The article's records as gzip members, ready to write in one piece."""
        assert self._part is not None
        common = {"WARC-Date": date, "WARC-Warcinfo-ID": self._part.warcinfo_id}
        original_id, text_id, meta_id = ids
        seen = self._seen.get(sha256)
        if seen is None:
            media_type = article.media_type if article else "application/octet-stream"
            records = [self._record("resource", original_id, target, data, media_type, common)]
        else:
            first_id, first_target, first_date, digest = seen
            revisit = {
                **common,
                "WARC-Refers-To": first_id,
                "WARC-Refers-To-Target-URI": first_target,
                "WARC-Refers-To-Date": first_date,
                "WARC-Profile": REVISIT_PROFILE,
                "WARC-Payload-Digest": digest,
            }
            records = [self._record("revisit", original_id, target, b"", None, revisit)]
        if article is not None:
            text = article.text.encode("utf-8")
            linked = {**common, "WARC-Concurrent-To": original_id}
            records.append(
                self._record("resource", text_id, "urn:text:" + target, text, TEXT_TYPE, linked)
            )
        fields = article_fields(article, target, path, sha256)
        if error is not None:
            fields.append((ERROR_FIELD, field_value(error)))
        block = format_fields(fields)
        refers = {**common, "WARC-Refers-To": original_id}
        records.append(self._record("metadata", meta_id, target, block, FIELDS_TYPE, refers))
        return b"".join(records), len(records)

    def _warcinfo(self, filename: str, record_id: str) -> bytes:
        block = format_fields(
            [
                ("software", f"scrubwarc/{__version__}"),
                ("format", "WARC File Format 1.1"),
                ("conformsTo", _SPEC),
                ("description", field_value(self._description)),
            ]
        )
        headers = {"WARC-Date": _warc_date(self._clock()), "WARC-Filename": filename}
        return self._record("warcinfo", record_id, None, block, FIELDS_TYPE, headers)

    def _record(
        self,
        rec_type: str,
        record_id: str,
        target: str | None,
        block: bytes,
        content_type: str | None,
        headers: dict[str, str],
    ) -> bytes:
        """One record as a gzip member; digests computed here, so warcio adds none."""
        ordered = {"WARC-Type": rec_type, "WARC-Record-ID": record_id, **headers}
        if target is not None:
            ordered["WARC-Target-URI"] = target
        ordered["WARC-Block-Digest"] = sha1_digest(block)
        if rec_type == "resource":
            # No HTTP headers in a resource record: the payload is the whole block.
            ordered["WARC-Payload-Digest"] = ordered["WARC-Block-Digest"]
        record = self._warcio.create_warc_record(
            target or "",
            rec_type,
            payload=io.BytesIO(block),
            length=len(block),
            warc_content_type=content_type or "",
            warc_headers_dict=ordered,
        )
        # An empty block (a revisit) needs no Content-Type (WARC 1.1, 5.6).
        record.content_type = content_type
        out = io.BytesIO()
        self._warcio.out = out
        self._warcio.write_record(record)
        return out.getvalue()
