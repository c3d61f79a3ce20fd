"""What a WACZ needs from WARCs already written: index entries and pages.

``scrubwarc wacz`` packages files it did not just write, ours or anyone's, so it reads them
once, streaming: each record's offset and length for the index, and the pages. In our
files a page is an article (its title from the metadata record, its cleaned text from the
``urn:text:`` record); in a foreign file it is an HTML response or resource, cleaned here
so that the viewer's full-text search works on it too.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from scrubwarc.errors import InputError, ScrubwarcError
from scrubwarc.warc.cdxj import IndexEntry
from scrubwarc.warc.fields import SOURCE_PATH_FIELD, decode_source_path, parse_fields
from scrubwarc.warc.http import content_type, http_headers
from scrubwarc.warc.reader import READ_ERRORS, load_reason, looks_like_warc

__all__ = ["INDEXED_TYPES", "Page", "first_date", "scan"]

# The record types a replay index holds (cdxj-indexer's default).
INDEXED_TYPES = frozenset({"response", "resource", "revisit"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Foreign HTML pages larger than this are indexed but not cleaned for search.
_MAX_PAGE_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Page:
    """One entry of a WACZ ``pages.jsonl``: where to replay the article and what it says."""

    url: str
    ts: str
    title: str
    text: str
    id: str


def _mime(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower() or "unk"


def _page_of_html(url: str, date: str, record_id: str, payload: bytes) -> Page | None:
    from scrubwarc.article import process  # lazy: only foreign files need cleaning

    if len(payload) > _MAX_PAGE_BYTES:
        return None
    try:
        article = process(payload, url, captured=date)
    except ScrubwarcError:
        return None
    title = article.metadata.title or url
    return Page(url, date, title, article.text, record_id.strip("<>").removeprefix("urn:uuid:"))


def _page_of_ours(block: bytes, target: str, date: str, original: str, text: str) -> Page | None:
    """The page of one of our articles, from its metadata record; None for a stranger's."""
    fields: dict[str, str] = {}
    for name, value in parse_fields(block):
        fields.setdefault(name, value)
    if "identifier" not in fields and SOURCE_PATH_FIELD not in fields:
        return None
    source = fields.get(SOURCE_PATH_FIELD)
    title = fields.get("title") or (decode_source_path(source) if source else None)
    page_id = original.strip("<>").removeprefix("urn:uuid:")
    return Page(target, date, title or target, text, page_id)


def first_date(path: Path) -> str:
    """The WARC-Date of the first record (the warcinfo), or "" if there is none."""
    try:
        with path.open("rb") as handle, contextlib.redirect_stderr(io.StringIO()):
            record = next(iter(ArchiveIterator(handle)), None)
            return (record.rec_headers.get_header("WARC-Date") or "") if record else ""
    except READ_ERRORS:
        return ""


def scan(path: Path) -> Iterator[IndexEntry | Page]:
    """The index entries and pages of the WARC at ``path``, in file order.

    Raises ``InputError`` naming the file and the offset where reading failed.
    """
    offset = 0
    ours = False
    texts: dict[str, str] = {}
    try:
        with path.open("rb") as handle:
            if not looks_like_warc(handle.read(5)):
                raise InputError("not a WARC file (neither gzip nor a WARC/ header)", str(path))
            handle.seek(0)
            it = ArchiveIterator(handle)
            records = iter(it)
            while True:
                # warcio prints warnings to stderr; the library never prints.
                with contextlib.redirect_stderr(io.StringIO()):
                    record = next(records, None)
                    if record is None:
                        return
                    rec_type = record.rec_type or ""
                    head = record.rec_headers
                    target = head.get_header("WARC-Target-URI") or ""
                    date = head.get_header("WARC-Date") or ""
                    record_id = head.get_header("WARC-Record-ID") or ""
                    http = http_headers(record)
                    mime = _mime(content_type(http) if http else record.content_type)
                    wanted = rec_type in ("warcinfo", "metadata") or (
                        target.startswith("urn:text:") if ours else mime in _HTML_TYPES
                    )
                    block = record.content_stream().read() if wanted else b""
                    while record.raw_stream.read(1 << 20):
                        pass
                    offset = it.get_record_offset()
                    length = it.get_record_length()
                found: list[IndexEntry | Page] = []
                if rec_type == "warcinfo" and not ours:
                    fields = dict(parse_fields(block))
                    ours = fields.get("software", "").startswith("scrubwarc/")
                elif rec_type in INDEXED_TYPES and target:
                    status = http.get_statuscode() if http else None
                    found.append(
                        IndexEntry(
                            target,
                            date,
                            "warc/revisit" if rec_type == "revisit" else mime,
                            status,
                            head.get_header("WARC-Payload-Digest"),
                            length,
                            offset,
                            path.name,
                        )
                    )
                    concurrent = head.get_header("WARC-Concurrent-To")
                    if ours and concurrent and target.startswith("urn:text:"):
                        texts = {concurrent: block.decode("utf-8", "replace")}
                    elif not ours and block and status in (None, "200"):
                        page = _page_of_html(target, date, record_id, block)
                        if page is not None:
                            found.append(page)
                elif rec_type == "metadata" and ours:
                    refers = head.get_header("WARC-Refers-To") or ""
                    page = _page_of_ours(block, target, date, refers, texts.pop(refers, ""))
                    if page is not None:
                        found.append(page)
                yield from found
                offset += length
    except READ_ERRORS as exc:
        raise InputError(
            f"unreadable WARC at offset {offset}: {load_reason(exc)}", str(path)
        ) from None
