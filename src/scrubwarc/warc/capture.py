"""An article read from a crawl, as the records the writer adds: capture, text, metadata.

The capture is copied as it was crawled (one gzip member: stored members stay as they are,
plain records are compressed here, in the worker); the text and metadata records are
formatted as for any article, and the writer links them to the capture by its own record
id (or, with no copy, by its URL and date). A pure function: it runs in the workers.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import NamedTuple

from scrubwarc.article import Article
from scrubwarc.warc.deflate import gzip_bytes
from scrubwarc.warc.fields import article_fields, format_fields
from scrubwarc.warc.record import FIELDS_TYPE, TEXT_TYPE, RecordTail, record_tail, target_uri

__all__ = ["CaptureInfo", "EncodedCapture", "encode_capture", "with_capture"]


class CaptureInfo(NamedTuple):
    """Where and when a page was crawled, and its record as stored (None: not copied)."""

    url: str
    date: str
    record_id: str
    warc: str
    offset: int
    record: bytes | None
    gzipped: bool
    warcinfo_id: str | None
    source: str  # the crawl's path as given, for messages (``warc`` is its name alone)


class EncodedCapture(NamedTuple):
    """A crawled article's records for :meth:`WarcWriter.write_capture`; cheap to pickle."""

    target: str
    date: str
    capture_id: str
    record: bytes | None  # the capture as one gzip member, or None with no copy
    warcinfo_id: str | None
    size: int
    text: RecordTail
    metadata: RecordTail


def with_capture(article: Article, info: CaptureInfo, path: str) -> Article:
    """The article with where it was crawled in its metadata; the URL too if the page had none."""
    meta = replace(
        article.metadata,
        url=article.metadata.url or info.url,
        path=path,
        crawl_url=info.url,
        crawl_date=info.date,
        crawl_warc=info.warc,
        crawl_offset=info.offset,
    )
    return replace(article, metadata=meta)


def encode_capture(article: Article, info: CaptureInfo) -> EncodedCapture:
    """Everything of a crawled article's records that does not depend on the writer.

    The text and metadata are at the capture's URL (``urn:text:`` for the text), so pywb
    finds them beside the page as captured.
    """
    # The metadata holds it already; it is of the same bytes.
    sha256 = article.metadata.source_sha256 or hashlib.sha256(article.original).hexdigest()
    target = target_uri(info.url, article.original, sha256)
    fields = article_fields(article, target, article.metadata.path, sha256)
    record = info.record
    if record is not None and not info.gzipped:
        record = gzip_bytes(record)
    return EncodedCapture(
        target,
        info.date,
        info.record_id,
        record,
        info.warcinfo_id,
        len(article.original),
        record_tail(
            article.text.encode("utf-8"), TEXT_TYPE, "urn:text:" + target, payload_digest=True
        ),
        record_tail(format_fields(fields), FIELDS_TYPE, target, payload_digest=False),
    )
