"""What runs on a worker: the tasks of a cluster run, one partition of inputs each.

``count_sites`` counts the headline suffixes of a partition's files and ``learn_sites``
adds the counts of all partitions up to what a local run learns first (on the client, as
the counts come back: no worker holds the run's); ``archive_partition`` processes the
partition with the code of a local run (``batch.write_sources``) into its own part, and
indexes it as it writes. Only flat values travel: partitions, settings and results.
Nothing is kept in a worker between tasks: a worker's memory does not grow with the number
of tasks it has run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, NamedTuple

from scrubwarc.batch import ArchiveSummary, Progress, with_sites, write_sources
from scrubwarc.clean.model import CleanOptions
from scrubwarc.crawljobs import Crawls
from scrubwarc.errors import ConfigError
from scrubwarc.files import Source
from scrubwarc.warc.writer import Clock, RecordIds, WarcWriter, part_name

from .storage import Folder, fetch, filesystem, is_url, write_lines

if TYPE_CHECKING:
    from scrubwarc.meta.sites import SuffixCounts
    from scrubwarc.warc.cdxj import SortedLines
    from scrubwarc.warc.record import EncodedArticle
    from scrubwarc.warc.writer import WrittenArticle, WrittenRecord

__all__ = [
    "PartResult",
    "Partition",
    "Settings",
    "archive_partition",
    "count_sites",
    "index_name",
    "learn_sites",
    "partitions",
]

# Progress from the workers: an event every this many articles.
PROGRESS_EVERY = 100
PROGRESS_TOPIC = "scrubwarc-progress"


class Partition(NamedTuple):
    """Inputs for one task, as (path or URL, path relative to its argument), in order."""

    number: int
    items: tuple[tuple[str, str], ...]


def partitions(
    items: Iterable[tuple[str, str, int]], max_files: int, max_bytes: int
) -> Iterator[Partition]:
    """Consecutive runs of ``(path, relative, size)`` items, each within both bounds.

    An item larger than ``max_bytes`` (a big crawl) makes a partition of its own.

    >>> [len(p.items) for p in partitions([("a", "a", 5)] * 5, 2, 100)]
    [2, 2, 1]
    >>> [len(p.items) for p in partitions([("a", "a", 60), ("b", "b", 200), ("c", "c", 1)],
    ...                                    10, 100)]
    [1, 1, 1]
    """
    if max_files < 1 or max_bytes < 1:
        raise ConfigError("a partition holds at least one file and one byte")
    batch: list[tuple[str, str]] = []
    size = number = 0
    for path, relative, length in items:
        if batch and (len(batch) >= max_files or size + length > max_bytes):
            yield Partition(number, tuple(batch))
            batch, size, number = [], 0, number + 1
        batch.append((path, relative))
        size += length
    if batch:
        yield Partition(number, tuple(batch))


class PartResult(NamedTuple):
    """What one task did: its part's name, and its summary as a local run's of that part
    (``files`` empty: a path on the worker means nothing to the client)."""

    number: int
    file: str
    summary: ArchiveSummary


@dataclass(frozen=True, slots=True)
class Settings:
    """What every task of a run shares."""

    folder: Folder
    name: str  # the output's name: parts are STEM-00000.warc.gz, ...
    options: CleanOptions | None
    include_url: tuple[str, ...]
    exclude_url: tuple[str, ...]
    copy: bool
    max_bytes: int
    clock: Clock | None
    record_ids: RecordIds | None


def index_name(part: str) -> str:
    """The hidden index of one part, which the client merges (``.news-00003.warc.gz.cdxj``)."""
    return f".{part}.cdxj"


def count_sites(part: Partition, encoding: str | None) -> SuffixCounts:
    """The headline suffixes of a partition's files, counted (the first task of a run)."""
    from scrubwarc.meta.sites import SuffixCounts, read_heads

    counts = SuffixCounts()
    urls = [path for path, _ in part.items if is_url(path)]
    local = [path for path, _ in part.items if not is_url(path)]
    for head in read_heads(local, encoding):
        counts.add(head)
    if urls:
        fs, _ = filesystem(urls[0])
        for head in read_heads(urls, encoding, opener=lambda url: fs.open(url, "rb")):
            counts.add(head)
    return counts


def learn_sites(settings: Settings, counts: Iterable[SuffixCounts]) -> Settings:
    """``settings`` with the site names that the partitions' counts, added up, give (each
    count may be dropped once added: only the run's total is kept)."""
    from scrubwarc.meta.sites import SuffixCounts

    total = SuffixCounts()
    for found in counts:
        total.update(found)
    return dataclasses.replace(settings, options=with_sites(settings.options, total.sites()))


def _worker_progress(number: int) -> Progress | None:
    """Tell the client (an event on the scheduler) how far this task is, now and then."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # run outside a worker (called directly)
        return None

    def report(done: int, total: int | None) -> None:
        if done % PROGRESS_EVERY == 0:
            worker.log_event(PROGRESS_TOPIC, (number, done))

    return report


class _Fetched:
    """A partition's inputs as local files: URLs are copied to a scratch folder first, and
    messages about a copy name its URL."""

    def __init__(self, items: Iterable[tuple[str, str]], scratch: Path) -> None:
        self._items = items
        self._scratch = scratch
        self.urls: dict[str, str] = {}
        self.failed: list[tuple[str, str]] = []

    def __iter__(self) -> Iterator[Source]:
        for source, rel in self._items:
            if not is_url(source):
                yield Source(Path(source), PurePosixPath(rel))
                continue
            local = self._scratch / "in" / rel
            try:
                fetch(source, local)
            except OSError as exc:
                self.failed.append((source, f"cannot read: {exc.strerror or exc}"))
                continue
            self.urls[str(local)] = source
            yield Source(local, PurePosixPath(rel))

    def named(self, found: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
        """``(where, reason)`` pairs with each copy's path (or ``PATH: offset …``) as its URL."""
        renamed = []
        for where, reason in found:
            head, sep, rest = where.partition(": ")
            renamed.append((self.urls.get(head, head) + sep + rest, reason))
        return tuple(renamed)


def archive_partition(part: Partition, settings: Settings) -> PartResult:
    """The task: archive one partition into its part, indexing it as it goes.

    The part replaces an earlier one of the same partition (a retry) whole, through a
    temporary name no other attempt shares; on a URL it is written locally, then uploaded.
    """
    from scrubwarc.warc.cdxj import SortedLines, cdxj_line
    from scrubwarc.warc.wacz import article_entries

    name = part_name(settings.name, part.number)
    lines = SortedLines()

    def index(
        written: WrittenArticle, encoded: EncodedArticle, records: tuple[WrittenRecord, ...]
    ) -> None:
        for entry in article_entries(written, encoded, records):
            lines.add(cdxj_line(entry))

    with contextlib.ExitStack() as stack:
        scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="scrubwarc-")))
        stack.callback(lambda: lines.close())
        staging = scratch if settings.folder.url else Path(settings.folder.location)
        crawls = Crawls(
            settings.include_url, settings.exclude_url, settings.max_bytes, settings.copy
        )
        writer = WarcWriter(
            staging / name,
            force=True,
            clock=settings.clock,
            record_ids=settings.record_ids,
            observer=index,
            attempt=uuid.uuid4().hex[:12],
        )
        crawls.on_source_info = writer.add_source_info
        sources = _Fetched(part.items, scratch)
        with writer:
            tally = write_sources(
                sources,
                writer,
                crawls,
                settings.options,
                settings.max_bytes,
                progress=_worker_progress(part.number),
            )
        if crawls.seen:  # the writer tells of file articles only: read the part instead
            lines.close()
            lines = _scanned(staging / name)
        write_lines(staging / index_name(name), lines)
        if settings.folder.url:
            settings.folder.put(staging / name, name)
            settings.folder.put(staging / index_name(name), index_name(name))
    summary = ArchiveSummary(
        tally.articles,
        writer.records,
        tally.bytes_in,
        writer.bytes_written,
        writer.duplicates,
        (*sources.failed, *sources.named((*tally.skipped, *crawls.problems))),
        sources.named(tally.flagged),
        files=(),
        not_articles=tuple(crawls.not_articles.items()),
        warnings=sources.named(crawls.warnings),
    )
    return PartResult(part.number, name, summary)


def _scanned(warc: Path) -> SortedLines:
    """The CDXJ lines of a part, read back from it (for crawled captures)."""
    from scrubwarc.warc.cdxj import SortedLines, cdxj_line
    from scrubwarc.warc.scan import Page, scan

    lines = SortedLines()
    try:
        for item in scan(warc):
            if not isinstance(item, Page):
                lines.add(cdxj_line(item))
    except BaseException:
        lines.close()
        raise
    return lines
