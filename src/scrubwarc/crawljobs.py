"""Crawl inputs as jobs: each article capture of a crawl, for a worker; the rest, counted.

One reader in the archiving process goes through a crawl in order (``warc.crawl``); its
articles become jobs the workers process like files, and what is not an article (a
redirect, an image, a revisit of another crawl) or cannot be read is counted or reported
here, for the run's summary. ``crawl_articles`` is the same reading for ``meta`` and
``clean``, processed in this process, in file order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from scrubwarc.article import Article, process
from scrubwarc.clean.model import CleanOptions
from scrubwarc.errors import ConfigError, InputError
from scrubwarc.files import DEFAULT_MAX_BYTES
from scrubwarc.warc.capture import CaptureInfo, with_capture
from scrubwarc.warc.crawl import Capture, NotArticle, Problem, SourceInfo, read_crawl, url_path
from scrubwarc.warc.deflate import gzip_bytes

__all__ = [
    "MAX_WARNINGS",
    "CaptureJob",
    "CrawlArticle",
    "Crawls",
    "capture_info",
    "crawl_articles",
    "process_capture",
    "url_patterns",
]

# Revisits of captures in other crawls named in the summary; the rest are only counted.
MAX_WARNINGS = 100


class CaptureJob(NamedTuple):
    """A crawled article for a worker: where it was captured and its decoded payload."""

    info: CaptureInfo
    payload: bytes
    declared: str | None
    html: bool | None


class CrawlArticle(NamedTuple):
    """A crawled page as processed: the article (None if nothing was extracted), or why not."""

    info: CaptureInfo
    article: Article | None
    error: str | None = None


def url_patterns(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    """Compile ``--include-url``/``--exclude-url`` regular expressions, naming a bad one."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(f"URL pattern {pattern!r}: {exc}") from None
    return tuple(compiled)


def process_capture(job: CaptureJob, options: CleanOptions | None) -> CrawlArticle:
    info = job.info
    path = url_path(info.url)
    try:
        article = process(
            job.payload, path, options, declared=job.declared, html=job.html, captured=info.date
        )
    except InputError as exc:
        return CrawlArticle(info, None, exc.reason)
    if article.empty:
        return CrawlArticle(info, None)
    return CrawlArticle(info, with_capture(article, info, path))


class Crawls:
    """What the reader of crawl inputs found besides articles, for the summary."""

    def __init__(
        self,
        include_url: Sequence[str],
        exclude_url: Sequence[str],
        max_bytes: int,
        copy: bool,
        on_source_info: Callable[[str, bytes], None] | None = None,
    ) -> None:
        self.include_url = url_patterns(include_url)
        self.exclude_url = url_patterns(exclude_url)
        self.max_bytes = max_bytes
        self.copy = copy
        self.on_source_info = on_source_info
        self.not_articles: Counter[str] = Counter()
        self.seen = False  # whether any crawl was read
        self.problems: list[tuple[str, str]] = []
        self.warnings: list[tuple[str, str]] = []

    def jobs(self, path: Path) -> Iterator[CaptureJob]:
        """The articles of one crawl, as jobs; the rest counted or reported here."""
        self.seen = True
        try:
            for found in read_crawl(
                path,
                include_url=self.include_url,
                exclude_url=self.exclude_url,
                max_bytes=self.max_bytes,
                copy=self.copy,
            ):
                if isinstance(found, Capture):
                    if found.truncated is not None and len(self.warnings) < MAX_WARNINGS:
                        reason = f"{found.truncated}: its text may be cut (archived as found)"
                        self.warnings.append((_where(path, found), reason))
                    if found.uncopied is not None and len(self.warnings) < MAX_WARNINGS:
                        reason = f"{found.uncopied}: read as found, its record not copied"
                        self.warnings.append((_where(path, found), reason))
                    yield CaptureJob(
                        capture_info(found, path), found.payload, found.declared, found.html
                    )
                elif isinstance(found, NotArticle):
                    self.not_articles[found.reason] += 1
                elif isinstance(found, SourceInfo):
                    if self.on_source_info is not None and found.record is not None:
                        self.on_source_info(found.record_id, _as_member(found))
                elif isinstance(found, Problem):
                    where = _where(path, found)
                    if found.reason.startswith("revisit of a capture that is not"):
                        # Common in deduplicated crawls: counted, and the first few named.
                        self.not_articles["revisit of another crawl"] += 1
                        if len(self.warnings) < MAX_WARNINGS:
                            self.warnings.append((where, f"{found.reason} (skipped)"))
                    else:
                        self.problems.append((where, found.reason))
        except InputError as exc:
            self.problems.append((exc.source or str(path), exc.reason))


def _where(path: Path, found: Capture | Problem) -> str:
    """Where a capture stands, for a message: the crawl file, the offset, the URL (a damaged
    stretch of the file, which has no URL, says its offset in its reason)."""
    return f"{path}: offset {found.offset}: {found.url}" if found.url else str(path)


def capture_info(found: Capture, path: Path) -> CaptureInfo:
    return CaptureInfo(
        found.url,
        found.date,
        found.record_id,
        path.name,
        found.offset,
        found.record,
        found.gzipped,
        found.warcinfo_id,
        str(path),
    )


def _as_member(found: SourceInfo) -> bytes:
    return found.record if found.gzipped else gzip_bytes(found.record)


def crawl_articles(
    path: Path,
    *,
    options: CleanOptions | None = None,
    include_url: Sequence[str] = (),
    exclude_url: Sequence[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    report: Callable[[str, str, bool], None] | None = None,
) -> Iterator[CrawlArticle]:
    """The articles of one crawl, processed in file order (for ``meta`` and ``clean``).

    A page whose extraction is empty comes with ``article`` None; one that cannot be read
    with an ``error``. Records that cannot be read, and a file that stops being readable,
    go to ``report(where, reason, is_error)`` as they are met, as do (not as errors)
    revisits of captures that are not in this file and captures whose record says they were
    cut short (each reason ends with what became of the capture).
    """
    crawls = Crawls(include_url, exclude_url, max_bytes, copy=False)

    def flush() -> None:
        if report is not None:
            for where, reason in crawls.problems:
                report(where, reason, True)
            for where, reason in crawls.warnings:
                report(where, reason, False)
        crawls.problems.clear()
        crawls.warnings.clear()

    for job in crawls.jobs(path):
        flush()
        yield process_capture(job, options)
    flush()
