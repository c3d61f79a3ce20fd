"""The ``Metadata`` record: what scrubwarc knows about one article, as JSON names it."""

from __future__ import annotations

from dataclasses import dataclass

from scrubwarc.clean.model import Removal

__all__ = ["Metadata"]


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
    # Where a page read from a crawl was captured: URL, WARC-Date, the WARC and the offset.
    crawl_url: str | None = None
    crawl_date: str | None = None
    crawl_warc: str | None = None
    crawl_offset: int | None = None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping; ``tracking`` an object of lists, removals a list of objects.

        The ``crawl_*`` names appear only for a page read from a crawl.
        """
        crawl = {
            "crawl_url": self.crawl_url,
            "crawl_date": self.crawl_date,
            "crawl_warc": self.crawl_warc,
            "crawl_offset": self.crawl_offset,
        }
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
            **(crawl if self.crawl_url is not None else {}),
        }
