"""The WARC vocabulary that the writer and the readers share.

The ``application/warc-fields`` block of a metadata record (which names, how a value is
made one line, how a source path survives any file name), and the ``name:value`` digests
of record headers. ``warc`` writes with these, ``warcread`` and ``warcverify`` read with
them, so what one side writes the other parses. No warcio here: plain bytes and strings.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

if TYPE_CHECKING:
    from scrubwarc.article import Article

__all__ = [
    "ERROR_FIELD",
    "SOURCE_PATH_FIELD",
    "article_fields",
    "decode_source_path",
    "digest_hasher",
    "digest_matches",
    "encode_source_path",
    "field_value",
    "format_fields",
    "json_value",
    "parse_fields",
    "sha1_digest",
]

SOURCE_PATH_FIELD = "scrubwarc-source-path"
ERROR_FIELD = "scrubwarc-error"
# Characters that end a line for some reader; a warc-fields value must not contain them.
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_JSON_BREAKS = re.compile(r"[\x7f\x85\u2028\u2029]")
_PATH_ESCAPE = re.compile(r"[%\x00-\x1f\x7f\x85\u2028\u2029\udc80-\udcff]")
_EDGE_SPACES = re.compile(r"^ +| +$")


def encode_source_path(path: str) -> str:
    """A relative path as a one-line field value that decodes back to the same name.

    ``%``, control characters and bytes that are not UTF-8 (kept by ``os.fsdecode`` as
    lone surrogates) become ``%XX``; everything else stays readable.

    >>> encode_source_path("a/100% b\\n.txt")
    'a/100%25 b%0A.txt'
    >>> decode_source_path(encode_source_path("x/\\udcff.txt")) == "x/\\udcff.txt"
    True
    """

    def escape(match: re.Match[str]) -> str:
        raw = match[0].encode("utf-8", "surrogateescape")
        return "".join(f"%{byte:02X}" for byte in raw)

    # Readers strip the spaces around a field value; keep a name's own.
    return _EDGE_SPACES.sub(lambda m: "%20" * len(m[0]), _PATH_ESCAPE.sub(escape, path))


def decode_source_path(value: str) -> str:
    """The inverse of :func:`encode_source_path`."""
    return unquote_to_bytes(value).decode("utf-8", "surrogateescape")


def field_value(value: str) -> str:
    """``value`` on one line: every run of line-ending characters becomes one space.

    >>> field_value(" A\\r\\nB\\u2028C ")
    'A B C'
    """
    # A printable value holds none of the line breaks (all of them unprintable): a C pass
    # spares nearly every value the pattern's scan.
    return (value if value.isprintable() else _LINE_BREAKS.sub(" ", value)).strip()


def json_value(value: object) -> str:
    """``value`` as compact JSON on one line, with the breaks JSON allows raw escaped.

    >>> json_value({"a": "x\\u2028y"})
    '{"a":"x\\\\u2028y"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if text.isprintable():  # as in field_value: no break to escape
        return text
    return _JSON_BREAKS.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def format_fields(fields: Iterable[tuple[str, str | None]]) -> bytes:
    """(name, value) pairs as an ``application/warc-fields`` block; None values are left out.

    >>> format_fields([("title", "A"), ("date", None)])
    b'title: A\\r\\n'
    """
    lines = (f"{name}: {value}\r\n" for name, value in fields if value is not None)
    return "".join(lines).encode("utf-8")


def parse_fields(block: bytes) -> list[tuple[str, str]]:
    """``application/warc-fields`` bytes to (name, value) pairs, in order, names lower-cased.

    >>> parse_fields(b"title: A\\r\\ncreator: B\\r\\ncreator: C\\r\\n")
    [('title', 'A'), ('creator', 'B'), ('creator', 'C')]
    """
    pairs = []
    for line in block.decode("utf-8", "replace").split("\r\n"):
        name, sep, value = line.partition(":")
        if sep:
            pairs.append((name.strip().lower(), value.strip(" \t")))
    return pairs


def article_fields(
    article: Article | None, target: str, source_path: str | None, sha256: str
) -> list[tuple[str, str | None]]:
    """An article's metadata record: Dublin Core names first, then scrubwarc's own.

    JSON for the nested values. Without an article (raw bytes) only the identifier,
    the digest of the bytes and the source path.
    """
    fields: list[tuple[str, str | None]] = []
    if article is not None:
        meta = article.metadata
        nested = meta.to_dict() if meta.tracking or meta.removed else {}
        fields += [("title", meta.title)]
        fields += [("creator", a) for a in meta.authors]
        fields += [
            ("date", meta.date),
            ("source", meta.url),
            ("identifier", target),
            ("language", meta.language),
            ("description", meta.description),
            ("format", article.media_type),
            ("site-name", meta.site_name),
            ("section", meta.section),
        ]
        fields += [("keywords", k) for k in meta.keywords]
        fields += [("related", r) for r in meta.related]
        fields += [
            ("word-count", str(meta.word_count)),
            ("sha256", meta.sha256),
            ("source-sha256", sha256),
            ("encoding", meta.encoding),
            ("tracking", json_value(nested["tracking"]) if meta.tracking else None),
            ("removed", json_value(nested["removed"]) if meta.removed else None),
            ("crawl-url", meta.crawl_url),
            ("crawl-date", meta.crawl_date),
            ("crawl-warc", meta.crawl_warc),
            ("crawl-offset", None if meta.crawl_offset is None else str(meta.crawl_offset)),
        ]
    else:
        fields += [("identifier", target), ("source-sha256", sha256)]
    fields = [(name, field_value(value) if value else None) for name, value in fields]
    if source_path is not None:
        fields.append((SOURCE_PATH_FIELD, encode_source_path(source_path)))
    return fields


def sha1_digest(data: bytes) -> str:
    """The WARC habit: ``sha1:`` and the digest in base32.

    >>> sha1_digest(b"")
    'sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ'
    """
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def digest_hasher(digest: str | None) -> hashlib._Hash | None:
    """A new hasher for the algorithm a ``name:value`` digest names, or None if unknown."""
    algorithm = (digest or "").partition(":")[0].lower().replace("-", "")
    return hashlib.new(algorithm) if algorithm in hashlib.algorithms_available else None


def digest_matches(hasher: hashlib._Hash, digest: str) -> bool:
    """A ``name:value`` digest in base32 (the WARC habit) or hex against ``hasher``.

    >>> digest_matches(hashlib.sha1(b""), "sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709")
    True
    """
    value = digest.partition(":")[2].strip()
    raw = hasher.digest()
    with contextlib.suppress(binascii.Error, ValueError):
        return value.upper() == base64.b32encode(raw).decode() or bytes.fromhex(value) == raw
    return False
