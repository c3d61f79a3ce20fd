"""One article's journey: bytes → decoded text or HTML → cleaned text → metadata.

``process`` is a pure function of the input bytes (and options), so it runs the same in
one process, in a pool, or on a cluster. lxml is imported only for HTML input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from scrubwarc.clean.model import CleanOptions, Removal
from scrubwarc.clean.pipeline import clean_bytes
from scrubwarc.read.document import clean_document, clean_html, is_html

__all__ = ["Article", "Metadata", "clean_document", "is_html", "process"]


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
    tracking: tuple[tuple[str, tuple[str, ...]], ...] = ()  # every value of each name
    removed: tuple[Removal, ...] = ()
    word_count: int = 0
    sha256: str = ""
    source_sha256: str = ""
    encoding: str | None = None
    path: str | None = None
    encoding_confidence: float | None = None  # 0 to 1: how sure the encoding choice was
    date_assumed: str | None = None  # "month-first"/"day-first" when a date read both ways

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping; ``tracking`` an object of lists, removals a list of objects."""
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
            "tracking": {name: list(values) for name, values in self.tracking},
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
            "encoding_confidence": self.encoding_confidence,
            "date_assumed": self.date_assumed,
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


def process(data: bytes, path: str | None = None, options: CleanOptions | None = None) -> Article:
    """Clean one article and extract its metadata; the per-article unit of every batch."""
    from scrubwarc.meta.text import (  # keeps `clean` free of metadata imports
        html_metadata,
        text_metadata,
    )

    if is_html(data, path):
        doc, result = clean_html(data, path, options)
        meta = html_metadata(doc, result, data, result.encoding, path, options)
        return Article(data, result.text, meta, "html", result.fired)
    result = clean_bytes(data, options, path)
    meta = text_metadata(result, data, result.encoding, path, options)
    return Article(data, result.text, meta, "text", result.fired)
