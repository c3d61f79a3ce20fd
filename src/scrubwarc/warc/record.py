"""One article's WARC records as bytes, in the form warcio writes them.

The target of an article is its URL, percent-encoded to ASCII (pywb cannot replay a
non-ASCII target). Without a usable http(s) URL it is ``urn:sha256:<hex>``, the SHA-256 of
the original bytes: the same bytes always get the same name, in any run, on any machine.

Everything here is a pure function, run in ``batch``'s workers; ``warc.WarcWriter`` adds
the header lines that depend on its state and writes. The field names and value formats of
the records are in ``warcfields``, shared with the readers.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import NamedTuple
from urllib.parse import quote, urlsplit, urlunsplit

from scrubwarc.article import Article
from scrubwarc.warc.deflate import SPLIT_FROM, Deflated, deflate, gzip_bytes, join_member
from scrubwarc.warc.fields import (
    ERROR_FIELD,
    article_fields,
    field_value,
    format_fields,
    sha1_digest,
)

__all__ = [
    "FIELDS_TYPE",
    "EncodedArticle",
    "RecordTail",
    "encode_article",
    "encode_raw",
    "gzip_member",
    "record_head",
    "record_tail",
    "target_uri",
]

TEXT_TYPE = "text/plain; charset=utf-8"
FIELDS_TYPE = "application/warc-fields"
RAW_TYPE = "application/octet-stream"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# RFC 3986 reserved and unreserved characters, plus "%" for escapes already present.
_URL_SAFE = "!#$&'()*+,/:;=?@[]~-._%"
_RECORD_END = b"\r\n\r\n"


def target_uri(url: str | None, original: bytes, sha256_hex: str | None = None) -> str:
    """The record target: the http(s) URL as ASCII, else ``urn:sha256:`` of the bytes.

    ``sha256_hex`` is the bytes' SHA-256 when the caller has computed it already.

    >>> target_uri("https://bücher.example/ä b?q=1#top", b"")
    'https://xn--bcher-kva.example/%C3%A4%20b?q=1'
    >>> target_uri(None, b"x")[:20]
    'urn:sha256:2d711642b'
    """
    ascii_url = _ascii_url(url) if url else None
    return ascii_url or "urn:sha256:" + (sha256_hex or hashlib.sha256(original).hexdigest())


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


class RecordTail(NamedTuple):
    """The end of a record, the same whatever the writer's state: made in a worker.

    The header fields from ``WARC-Target-URI`` (or the block digest) on, the blank line,
    the block and the closing CRLF CRLF; ``digest`` is the block's; ``deflated`` the same
    bytes compressed (in the worker) when they are long enough for that to pay. The writer
    puts the record's first header lines in front (see :func:`record_head`).
    """

    data: bytes
    digest: str
    deflated: Deflated | None


def record_tail(
    block: bytes, content_type: str | None, target: str | None, *, payload_digest: bool
) -> RecordTail:
    """A record's tail, its fields in the order warcio wrote them.

    ``payload_digest`` for a resource record only: it has no HTTP headers, so its payload
    is its block; metadata records have no payload digest (WARC 1.1, 5.9).
    """
    digest = sha1_digest(block)
    lines = [f"WARC-Target-URI: {target}\r\n"] if target is not None else []
    lines.append(f"WARC-Block-Digest: {digest}\r\n")
    if payload_digest:
        lines.append(f"WARC-Payload-Digest: {digest}\r\n")
    if content_type is not None:  # an empty block (a revisit) has none (WARC 1.1, 5.6)
        lines.append(f"Content-Type: {content_type}\r\n")
    lines.append(f"Content-Length: {len(block)}\r\n\r\n")
    data = b"".join(("".join(lines).encode("utf-8"), block, _RECORD_END))
    return RecordTail(data, digest, deflate(data) if len(data) >= SPLIT_FROM else None)


def record_head(rec_type: str, record_id: str, fields: Iterable[tuple[str, str]]) -> bytes:
    """The first lines of a record header, the ones only the writer knows."""
    lines = "".join(f"{name}: {value}\r\n" for name, value in fields)
    return f"WARC/1.1\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: {record_id}\r\n{lines}".encode()


def gzip_member(head: bytes, tail: RecordTail) -> bytes:
    """One record as one gzip member: the head joined to the deflated tail, else one stream."""
    if tail.deflated is None:
        return gzip_bytes(head + tail.data)
    return join_member(head, tail.deflated)


class EncodedArticle(NamedTuple):
    """An article's record tails, for :meth:`WarcWriter.write_encoded`; cheap to pickle."""

    target: str
    sha256: bytes
    size: int
    original: RecordTail
    text: RecordTail | None
    metadata: RecordTail
    title: str  # what a viewer lists the article by: its title, else its path or target


def encode_article(article: Article, source_path: str | None = None) -> EncodedArticle:
    """Everything of an article's records that does not depend on the writer's state.

    ``source_path`` defaults to ``metadata.path``.
    """
    path = source_path if source_path is not None else article.metadata.path
    return _encode(article.original, article, article.metadata.url, path, None)


def encode_raw(data: bytes, source_path: str, error: str) -> EncodedArticle:
    """Bytes that could not be processed, flagged with ``error``; no text record."""
    return _encode(data, None, None, source_path, error)


def _encode(
    data: bytes, article: Article | None, url: str | None, path: str | None, error: str | None
) -> EncodedArticle:
    # An article's metadata holds its original's hash already (process computed it).
    known = article.metadata.source_sha256 if article and article.original is data else ""
    sha256 = known or hashlib.sha256(data).hexdigest()
    target = target_uri(url, data, sha256)
    fields = article_fields(article, target, path, sha256)
    if error is not None:
        fields.append((ERROR_FIELD, field_value(error)))
    return EncodedArticle(
        target,
        bytes.fromhex(sha256),
        len(data),
        record_tail(data, article.media_type if article else RAW_TYPE, target, payload_digest=True),
        record_tail(
            article.text.encode("utf-8"), TEXT_TYPE, "urn:text:" + target, payload_digest=True
        )
        if article
        else None,
        record_tail(format_fields(fields), FIELDS_TYPE, target, payload_digest=False),
        (article.metadata.title if article else None) or path or target,
    )
