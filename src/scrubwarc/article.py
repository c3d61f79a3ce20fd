"""One article's journey: bytes → decoded text or HTML → cleaned text → metadata.

``process`` is a pure function of the input bytes (and options), so it runs the same in
one process, in a pool, or on a cluster. lxml is imported only for HTML input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from .model import CleanOptions, CleanResult, Removal
from .pipeline import clean_bytes, clean_text

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Article", "Metadata", "clean_document", "is_html", "process"]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(
    rb"\s*+(?:<!--.{0,200}?-->\s*+)*(?:<!doctype\s+html|<html|<head)", re.I | re.S
)


@dataclass(frozen=True, slots=True)
class Metadata:
    """An article's metadata. JSON names are these field names; absent is None or empty."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    language: str | None = None
    keywords: tuple[str, ...] = ()
    section: str | None = None
    related: tuple[str, ...] = ()
    tracking: tuple[tuple[str, str], ...] = ()
    removed: tuple[Removal, ...] = ()
    word_count: int = 0
    sha256: str = ""
    source_sha256: str = ""
    encoding: str | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping; ``tracking`` becomes an object, removals a list of objects."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "date": self.date,
            "url": self.url,
            "site_name": self.site_name,
            "description": self.description,
            "language": self.language,
            "keywords": list(self.keywords),
            "section": self.section,
            "related": list(self.related),
            "tracking": dict(self.tracking),
            "removed": [
                {
                    "rule": r.rule,
                    "text": r.text,
                    "line": r.line,
                    "column": r.column,
                    **({"replacement": r.replacement} if r.replacement else {}),
                }
                for r in self.removed
            ],
            "word_count": self.word_count,
            "sha256": self.sha256,
            "source_sha256": self.source_sha256,
            "encoding": self.encoding,
            "path": self.path,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """A processed article: the original bytes, the cleaned text and its metadata."""

    original: bytes
    text: str
    metadata: Metadata
    kind: Literal["text", "html"]
    fired: tuple[str, ...] = field(default=())

    @property
    def media_type(self) -> str:
        """The original's media type with the charset it was read with."""
        charset = (self.metadata.encoding or "utf-8").split("+")[0]
        base = "text/html" if self.kind == "html" else "text/plain"
        return f"{base}; charset={_http_charset(charset)}"


def _http_charset(codec: str) -> str:
    """Python codec names to the IANA names browsers know."""
    return {"cp1252": "windows-1252", "cp1251": "windows-1251", "cp932": "shift_jis"}.get(
        codec, codec.replace("_", "-")
    )


def is_html(data: bytes, name: str | None = None) -> bool:
    """True for an HTML page: by its suffix, else by how its bytes begin.

    >>> is_html(b"<!DOCTYPE html><title>x</title>"), is_html(b"Headline\\n\\nBody")
    (True, False)
    """
    if name is not None and PurePath(name).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def _clean_html(
    data: bytes, source: str | None, options: CleanOptions | None
) -> tuple[HtmlElement, CleanResult]:
    """Parse a page, extract its article and clean it; the tree stays for metadata."""
    from .htmlpage import detect_encoding, extract_text, parse_document  # lazy: lxml

    doc = parse_document(data, source=source)
    result = clean_text(extract_text(doc), options)
    encoding = detect_encoding(data)
    return doc, CleanResult(result.text, result.fired, result.removals, encoding, changed=True)


def clean_document(
    data: bytes, options: CleanOptions | None = None, source: str | None = None
) -> CleanResult:
    """Clean a text file, or extract and clean the article of an HTML page."""
    if is_html(data, source):
        return _clean_html(data, source, options)[1]
    return clean_bytes(data, options, source)


def process(data: bytes, path: str | None = None, options: CleanOptions | None = None) -> Article:
    """Clean one article and extract its metadata; the per-article unit of every batch."""
    from .metadata import html_metadata, text_metadata  # keeps `clean` free of metadata imports

    if is_html(data, path):
        doc, result = _clean_html(data, path, options)
        meta = html_metadata(doc, result, data, result.encoding, path, options)
        return Article(data, result.text, meta, "html", result.fired)
    result = clean_bytes(data, options, path)
    meta = text_metadata(result, data, result.encoding, path, options)
    return Article(data, result.text, meta, "text", result.fired)
