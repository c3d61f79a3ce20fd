"""Packaging WARCs as a WACZ 1.1.1 that ReplayWeb.page opens with one page per article.

A WACZ is a ZIP: the WARCs under ``archive/`` (stored, not compressed again), a sorted CDXJ
index under ``indexes/``, ``pages/pages.jsonl`` (url, ts, title and the cleaned text per
article, for the viewer's Pages list and full-text search), ``datapackage.json`` (sha256
and size of each file) and ``datapackage-digest.json`` (the hash of that). The WARCs are
stored, so each WARC record is readable at a known place in the ZIP; the index, the pages
(which hold every article's text) and the JSON files are deflated at level 1, as the spec
allows, which halves the WACZ for a few percent of the run's time.

While ``archive`` writes, a :class:`WaczCollector` is told where each record went, so the
WACZ costs a copy of the WARC and no second reading; :func:`build_wacz` reads existing
WARCs (``scan``) instead. Either way the bytes depend only on the input: ZIP times and
``created`` are the latest capture time, and the ZIP is written under a temporary name and
renamed into place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from scrubwarc._version import __version__
from scrubwarc.errors import ConfigError, InputError, OutputError, OutputExistsError
from scrubwarc.warc.cdxj import IndexEntry, SortedLines, cdxj_line
from scrubwarc.warc.record import EncodedArticle
from scrubwarc.warc.writer import WrittenArticle, WrittenRecord

if TYPE_CHECKING:  # scan needs warcio's reader, which `archive --wacz` does without
    from scrubwarc.warc.scan import Page

__all__ = [
    "WACZ_VERSION",
    "WaczCollector",
    "article_entries",
    "build_wacz",
    "check_wacz_output",
    "json_string",
    "wacz_path",
]

WACZ_VERSION = "1.1.1"
INDEX_PATH = "indexes/index.cdxj"
PAGES_PATH = "pages/pages.jsonl"
_CHUNK = 1 << 20
_CONTENT_TYPE = re.compile(rb"\r\nContent-Type: ([^\r]*)\r\n")
_CONTROL = re.compile(rb"[\x00-\x1f]")
_CONTROLS = bytes(range(32))
_JSON_ESCAPES = {i: b"\\u%04x" % i for i in range(32)} | {
    8: b"\\b",
    9: b"\\t",
    10: b"\\n",
    12: b"\\f",
    13: b"\\r",
}


def wacz_path(warc: Path) -> Path:
    """``news.warc.gz`` → ``news.wacz``, beside it.

    >>> wacz_path(Path("out/news.warc.gz")).as_posix()
    'out/news.wacz'
    """
    name = warc.name
    for suffix in (".warc.gz", ".warc", ".gz"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return warc.with_name(name[: -len(suffix)] + ".wacz")
    return warc.with_name(name + ".wacz")


def check_wacz_output(output: Path, force: bool) -> None:
    """Refuse to replace an existing WACZ unless ``force``: checked before any work."""
    if output.exists() and not force:
        raise OutputExistsError(f"{output}: already exists")


def _zip_time(date: str) -> tuple[int, int, int, int, int, int]:
    """A WARC-Date as a ZIP time (which cannot say years before 1980 or after 2107).

    >>> _zip_time("2024-05-01T12:00:00Z")
    (2024, 5, 1, 12, 0, 0)
    """
    digits = [int(d) for d in re.findall(r"\d+", date)[:6]]
    if len(digits) < 6:
        return (1980, 1, 1, 0, 0, 0)
    year, month, day, hour, minute, second = digits
    if year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    if year > 2107:
        return (2107, 12, 31, 23, 59, 58)
    return (year, month, day, hour, minute, min(second, 59))


class WaczCollector:
    """Index lines and pages gathered as records are written; :meth:`write` packages them.

    Pages go to a temporary file and index lines to :class:`SortedLines`, so memory stays
    flat however many articles come. Use it as a :class:`WarcWriter` ``observer``.
    """

    def __init__(self, title: str = "Pages") -> None:
        self.title = title
        self._index = SortedLines()
        self._pages: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
        header = {"format": "json-pages-1.0", "id": "pages", "title": title}
        self._pages.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
        self.pages = 0
        self.latest = ""

    def add_entry(self, entry: IndexEntry) -> None:
        self._index.add(cdxj_line(entry))
        self.latest = max(self.latest, entry.date)

    def add_page(self, page: Page) -> None:
        self._add_page(page.id, page.url, page.ts, page.title, page.text.encode("utf-8"))

    def _add_page(self, page_id: str, url: str, ts: str, title: str, text: bytes) -> None:
        """One line of pages.jsonl, as json.dumps would write it, from the text's UTF-8."""
        head = {"id": page_id, "url": url, "ts": ts, "title": title}
        line = json.dumps(head, ensure_ascii=False).encode("utf-8")
        self._pages.write(b"".join((line[:-1], b', "text": ', json_string(text), b"}\n")))
        self.pages += 1

    def __call__(
        self, written: WrittenArticle, encoded: EncodedArticle, records: tuple[WrittenRecord, ...]
    ) -> None:
        """Told by the writer where an article's records went."""
        for entry in article_entries(written, encoded, records):
            self.add_entry(entry)
        text = b"" if encoded.text is None else _tail_block(encoded.text.data)
        page_id = written.record_id.strip("<>").removeprefix("urn:uuid:")
        self._add_page(page_id, written.target, written.date, encoded.title, text)

    def write(self, warcs: Sequence[Path], output: Path, *, force: bool = False) -> Path:
        """Package ``warcs`` with what was gathered as ``output``; return its path."""
        try:
            check_wacz_output(output, force)
            latest = self.latest
            if not latest and warcs:  # no article: the warcinfo's date
                from scrubwarc.warc.scan import first_date

                latest = first_date(warcs[0])
            _write_zip(warcs, self._index, self._pages, output, self.title, latest)
        finally:
            self.close()
        return output

    def close(self) -> None:
        self._index.close()
        self._pages.close()


def article_entries(
    written: WrittenArticle, encoded: EncodedArticle, records: tuple[WrittenRecord, ...]
) -> tuple[IndexEntry, ...]:
    """The index entries of an article's records as written: the original and its text."""
    name = written.file.name
    original, *rest = records
    mime = "warc/revisit" if written.duplicate else _tail_mime(encoded.original.data)
    entries = [
        IndexEntry(
            written.target,
            written.date,
            mime,
            None,
            encoded.original.digest,
            original.length,
            original.offset,
            name,
        )
    ]
    if encoded.text is not None:
        record = rest[0]
        entries.append(
            IndexEntry(
                "urn:text:" + written.target,
                written.date,
                "text/plain",
                None,
                encoded.text.digest,
                record.length,
                record.offset,
                name,
            )
        )
    return tuple(entries)


def json_string(text: bytes) -> bytes:
    r"""UTF-8 text as a JSON string: the bytes of ``json.dumps(text, ensure_ascii=False)``.

    Working on the bytes spares decoding and encoding every article's text again.

    >>> sample = 'Café "quoted"\\\n\t\x01'
    >>> json_string(sample.encode()) == json.dumps(sample, ensure_ascii=False).encode()
    True
    """
    text = text.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")
    text = text.replace(b"\r", b"\\r").replace(b"\t", b"\\t")
    # bytes.translate is a plain C loop; a regex search would cost more than the rest.
    if len(text.translate(None, _CONTROLS)) != len(text):
        text = _CONTROL.sub(lambda m: _JSON_ESCAPES[m[0][0]], text)
    return b'"' + text + b'"'


def _tail_block(tail: bytes) -> bytes:
    """The block of a record tail (its header lines, blank line, block, CRLF CRLF)."""
    return tail[tail.index(b"\r\n\r\n") + 4 : -4]


def _tail_mime(tail: bytes) -> str:
    match = _CONTENT_TYPE.search(b"\r\n" + tail[: tail.index(b"\r\n\r\n") + 2])
    value = match[1].decode("ascii", "replace") if match else ""
    return value.split(";", 1)[0].strip().lower() or "unk"


def _member_names(warcs: Sequence[Path]) -> list[str]:
    names = [f"archive/{w.name}" for w in warcs]
    seen: set[str] = set()
    for warc, name in zip(warcs, names, strict=True):
        if name in seen:
            raise ConfigError(f"{warc}: two WARCs named {warc.name}; a WACZ keeps file names")
        seen.add(name)
    return names


def _copy(source: IO[bytes], archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict[str, object]:
    """Store ``source`` as ``info`` in ``archive``; its datapackage resource entry."""
    digest = hashlib.sha256()
    size = 0
    with archive.open(info, "w") as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
    name = info.filename.rsplit("/", 1)[-1].lower()
    hashed = f"sha256:{digest.hexdigest()}"
    return {"name": name, "path": info.filename, "hash": hashed, "bytes": size}


def _info(name: str, stamp: tuple[int, int, int, int, int, int], size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    if name.startswith("archive/"):
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 1  # type: ignore[attr-defined]  # public from Python 3.13
    info.create_system = 3  # the same bytes on every platform
    info.external_attr = 0o644 << 16
    info.file_size = size  # lets zipfile choose ZIP64 for a file over 4 GiB up front
    return info


def _write_zip(
    warcs: Sequence[Path],
    index: Iterable[str],
    pages: IO[bytes],
    output: Path,
    title: str,
    latest: str,
) -> None:
    names = _member_names(warcs)
    stamp = _zip_time(latest)
    created = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*stamp)
    temp = output.with_name(f".{output.name}.partial")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile() as sorted_index, temp.open("wb") as handle:
            for line in index:
                sorted_index.write(line.encode("utf-8"))
            with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
                resources = []
                for warc, name in zip(warcs, names, strict=True):
                    with warc.open("rb") as source:
                        size = os.fstat(source.fileno()).st_size
                        resources.append(_copy(source, archive, _info(name, stamp, size)))
                for stream, name in ((sorted_index, INDEX_PATH), (pages, PAGES_PATH)):
                    size = stream.tell()
                    stream.seek(0)
                    resources.append(_copy(stream, archive, _info(name, stamp, size)))
                package = {
                    "profile": "data-package",
                    "resources": resources,
                    "title": title,
                    "created": created,
                    "wacz_version": WACZ_VERSION,
                    "software": f"scrubwarc {__version__}",
                }
                data = json.dumps(package, indent=2, ensure_ascii=False).encode("utf-8")
                archive.writestr(_info("datapackage.json", stamp, len(data)), data)
                digest = {
                    "path": "datapackage.json",
                    "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                }
                data = json.dumps(digest, indent=2).encode("utf-8")
                archive.writestr(_info("datapackage-digest.json", stamp, len(data)), data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def build_wacz(warcs: Sequence[Path], output: Path | None = None, *, force: bool = False) -> Path:
    """Build ``output`` (default: beside the first WARC) from existing ``warcs``; its path.

    The WARCs are read once for their index and pages: ours give one page per article,
    anyone else's one per HTML response. A file that cannot be read raises ``InputError``.
    """
    from scrubwarc.warc.scan import Page, scan

    if not warcs:
        raise ConfigError("no WARC files to package")
    output = output or wacz_path(warcs[0])
    check_wacz_output(output, force)
    _member_names(warcs)
    for warc in warcs:
        if not warc.is_file():
            raise InputError("no such file", str(warc))
    collector = WaczCollector(output.stem)
    try:
        for warc in warcs:
            for item in scan(warc):
                if isinstance(item, Page):
                    collector.add_page(item)
                else:
                    collector.add_entry(item)
    except BaseException:
        collector.close()
        raise
    return collector.write(warcs, output, force=force)
