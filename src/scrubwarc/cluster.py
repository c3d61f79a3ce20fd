"""Archiving on a Dask cluster (``archive --engine dask``): one task per partition of inputs.

The client lists the inputs in sorted order (as a local run does, learning the run's site
names first) and splits them into partitions of bounded size, in files and in bytes. Each
partition is one task: a worker reads, processes and writes its inputs with the same code
as a local run (``batch.write_sources``) into its own part, ``news-00000.warc.gz``,
``news-00001.warc.gz``, … named by the partition. The part is written under a temporary
name unique to the attempt and renamed when complete: the rename is the commit, so a task
that is retried or run twice (a worker killed mid-task) replaces its part whole and no
record is ever written twice. Each task also indexes its part; the client merges those
indexes into one CDXJ file and, if asked, packages the parts as a WACZ.

dask and distributed are imported here only, and only when a cluster run starts: the base
install and the ``clean`` path never import them (``pip install 'scrubwarc[dask]'``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import heapq
import os
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from scrubwarc.batch import (
    ArchiveSummary,
    Crawls,
    Progress,
    learns_sites,
    list_inputs,
    with_sites,
    write_sources,
)
from scrubwarc.clean.model import CleanOptions
from scrubwarc.errors import ConfigError, InputError, OutputExistsError, display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES, Source
from scrubwarc.signals import deferred
from scrubwarc.warc.writer import Clock, RecordIds, WarcWriter, check_output, part_name

if TYPE_CHECKING:
    from distributed import Client

    from scrubwarc.meta.sites import SuffixCounts
    from scrubwarc.warc.cdxj import SortedLines
    from scrubwarc.warc.record import EncodedArticle
    from scrubwarc.warc.writer import WrittenArticle, WrittenRecord

__all__ = [
    "PARTITION_BYTES",
    "PARTITION_FILES",
    "PartResult",
    "Partition",
    "archive_on_cluster",
    "archive_partition",
    "count_sites",
    "partitions",
]

# A part of a thousand articles is a few megabytes: big enough that a task's overhead (a
# few milliseconds on the scheduler) is nothing, small enough that the last task does not
# keep the other workers waiting long and that a retried task loses little.
PARTITION_FILES = 1000
PARTITION_BYTES = 256 * 1024 * 1024
# Progress from the workers: an event every this many articles (or at a partition's end).
_PROGRESS_EVERY = 100
_PROGRESS_TOPIC = "scrubwarc-progress"


class Partition(NamedTuple):
    """Inputs for one task, as (path, path relative to its argument) strings, in order."""

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
    size = index = 0
    for path, relative, length in items:
        if batch and (len(batch) >= max_files or size + length > max_bytes):
            yield Partition(index, tuple(batch))
            batch, size, index = [], 0, index + 1
        batch.append((path, relative))
        size += length
    if batch:
        yield Partition(index, tuple(batch))


class PartResult(NamedTuple):
    """What one task did: its part, the counts of the summary, the inputs it had to leave."""

    number: int
    file: str
    articles: int
    records: int
    bytes_in: int
    bytes_out: int
    duplicates: int
    skipped: tuple[tuple[str, str], ...]
    flagged: tuple[tuple[str, str], ...]
    not_articles: tuple[tuple[str, int], ...]
    warnings: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Settings:
    """What every task of a run shares (sent to the workers with each task)."""

    output: str
    options: CleanOptions | None
    include_url: tuple[str, ...]
    exclude_url: tuple[str, ...]
    copy: bool
    max_bytes: int
    clock: Clock | None
    record_ids: RecordIds | None


def _index_name(part: str) -> str:
    """The hidden per-part index that the client merges (``.news-00003.warc.gz.cdxj``)."""
    return f".{part}.cdxj"


def _worker_progress(index: int) -> Progress | None:
    """Tell the client (an event on the scheduler) how far this task is, now and then."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):  # run outside a worker (a test calling it directly)
        return None

    def report(done: int, total: int | None) -> None:
        if done % _PROGRESS_EVERY == 0:
            worker.log_event(_PROGRESS_TOPIC, (index, done))

    return report


def archive_partition(part: Partition, settings: _Settings) -> PartResult:
    """The task: archive one partition into its part, then index the part.

    Runs on a worker. The part is replaced whole if it exists (a retry), through a
    temporary name that no other attempt shares.
    """
    output = Path(settings.output)
    final = output.with_name(part_name(output.name, part.number))
    from scrubwarc.warc.cdxj import SortedLines, cdxj_line
    from scrubwarc.warc.wacz import article_entries

    crawls = Crawls(settings.include_url, settings.exclude_url, settings.max_bytes, settings.copy)
    lines = SortedLines()

    def index(
        written: WrittenArticle, encoded: EncodedArticle, records: tuple[WrittenRecord, ...]
    ) -> None:
        for entry in article_entries(written, encoded, records):
            lines.add(cdxj_line(entry))

    writer = WarcWriter(
        final,
        force=True,
        clock=settings.clock,
        record_ids=settings.record_ids,
        observer=index,
        attempt=uuid.uuid4().hex[:12],
    )
    crawls.on_source_info = writer.add_source_info
    sources = (Source(Path(path), PurePosixPath(rel)) for path, rel in part.items)
    progress = _worker_progress(part.number)
    try:
        with writer:
            tally = write_sources(
                sources, writer, crawls, settings.options, settings.max_bytes, 1, progress
            )
        if crawls.seen:  # the writer tells of file articles only: read the part instead
            lines.close()
            lines = _scan_index(final)
        _write_lines(final.with_name(_index_name(final.name)), lines)
    finally:
        lines.close()
    return PartResult(
        part.number,
        final.name,
        tally.articles,
        writer.records,
        tally.bytes_in,
        writer.bytes_written,
        writer.duplicates,
        (*tally.skipped, *crawls.problems),
        tuple(tally.flagged),
        tuple(crawls.not_articles.items()),
        tuple(crawls.warnings),
    )


def _scan_index(warc: Path) -> SortedLines:
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


def _write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write text lines to ``path`` through a temporary name unique to this writer."""
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        with temp.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
            handle.writelines(lines)
        with deferred():
            temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _merge_indexes(parts: Sequence[Path], output: Path) -> Path:
    """One sorted CDXJ file over all parts (``news.cdxj``), from the parts' own indexes."""
    index = output.with_name(_stem(output.name) + ".cdxj")
    sidecars = [p.with_name(_index_name(p.name)) for p in parts]
    with contextlib.ExitStack() as stack:
        handles = [
            stack.enter_context(s.open(encoding="utf-8", errors="surrogatepass", newline=""))
            for s in sidecars
        ]
        _write_lines(index, heapq.merge(*handles))
    for sidecar in sidecars:
        with contextlib.suppress(OSError):
            sidecar.unlink()
    return index


def _stem(name: str) -> str:
    return name.removesuffix(".warc.gz")


def _existing_parts(output: Path) -> list[Path]:
    pattern = re.compile(rf"{re.escape(_stem(output.name))}-\d{{5}}\.warc\.gz")
    folder = output.parent
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))


def _remove_partials(output: Path) -> None:
    """Temporary files of attempts that never finished (their worker was killed)."""
    stem = re.escape(_stem(output.name))
    pattern = re.compile(rf"\.\.?{stem}-\d{{5}}\.warc\.gz(\.cdxj)?\.[0-9a-f]{{12}}\.partial")
    for path in output.parent.iterdir():
        if pattern.fullmatch(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None, dashboard: bool) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers``
    single-threaded processes started and stopped here."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,  # processing is pure Python: threads would share one GIL
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0" if dashboard else None,
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def archive_on_cluster(
    paths: Sequence[Path],
    output: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    options: CleanOptions | None = None,
    include: Sequence[str] = ARTICLE_INCLUDE,
    exclude: Sequence[str] = (),
    wacz: bool = False,
    force: bool = False,
    include_url: Sequence[str] = (),
    exclude_url: Sequence[str] = (),
    copy: bool = True,
    parents: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    partition_files: int = PARTITION_FILES,
    partition_bytes: int = PARTITION_BYTES,
    progress: Progress | None = None,
    dashboard: Callable[[str], None] | None = None,
    clock: Clock | None = None,
    record_ids: RecordIds | None = None,
) -> ArchiveSummary:
    """Archive every matching file under ``paths`` on a Dask cluster, one part per partition.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); without it a
    local cluster of ``workers`` processes runs for the call. The workers must see the
    inputs and the output folder at the same paths as this process (shared storage).
    Parts are ``STEM-00000.warc.gz``, … beside ``output``, with ``STEM.cdxj`` indexing them
    all and, with ``wacz``, ``STEM.wacz``. ``dashboard(url)`` is told the dashboard's
    address. The summary counts as :func:`scrubwarc.batch.archive`'s does.
    """
    check_output(output, parents=parents)
    output = output.absolute()
    existing = _existing_parts(output)
    if existing and not force:
        raise OutputExistsError(f"{display_path(existing[0])}: already exists")
    if wacz:
        from scrubwarc.warc.wacz import check_wacz_output, wacz_path

        check_wacz_output(wacz_path(output), force)
    output.parent.mkdir(parents=True, exist_ok=True)
    walk_errors: list[InputError] = []
    sources = list_inputs(paths, output, include, exclude, walk_errors)
    # Paths go to the workers absolute: a worker's working folder is not this one's.
    items = ((str(s.path.absolute()), s.relative.as_posix(), _size(s.path)) for s in sources)
    parts = list(partitions(items, partition_files, partition_bytes))
    settings = _Settings(
        str(output),
        options,
        tuple(include_url),
        tuple(exclude_url),
        copy,
        max_bytes,
        clock,
        record_ids,
    )
    learn = learns_sites(paths)
    results = _run(parts, settings, learn, scheduler, workers, progress, dashboard)
    files = tuple(output.with_name(r.file) for r in results)
    for stale in existing[len(parts) :]:  # parts of an earlier, longer run (with --force)
        stale.unlink()
    _remove_partials(output)
    _merge_indexes(files, output)
    package = None
    if wacz and files:
        from scrubwarc.warc.wacz import build_wacz, wacz_path

        package = build_wacz(files, wacz_path(output), force=True)
    not_articles: Counter[str] = Counter()
    for r in results:
        not_articles.update(dict(r.not_articles))
    return ArchiveSummary(
        sum(r.articles for r in results),
        sum(r.records for r in results),
        sum(r.bytes_in for r in results),
        sum(r.bytes_out for r in results),
        sum(r.duplicates for r in results),
        (
            *(item for r in results for item in r.skipped),
            *((e.source or "", e.reason) for e in walk_errors),
        ),
        tuple(item for r in results for item in r.flagged),
        files,
        package,
        tuple(sorted(not_articles.items())),
        tuple(item for r in results for item in r.warnings)[:100],
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # the task reports it when it cannot read it
        return 0


def count_sites(part: Partition, encoding: str | None) -> SuffixCounts:
    """The first task on each partition: the headline suffixes of its files, counted.

    The counts of all partitions add up to the run's, from which the client learns the
    site names every partition is then cleaned with (as a local run learns them first).
    """
    from scrubwarc.meta.sites import SuffixCounts, read_heads

    counts = SuffixCounts()
    for head in read_heads((Path(path) for path, _ in part.items), encoding):
        counts.add(head)
    return counts


def _learned(client: Client, parts: Sequence[Partition], settings: _Settings) -> _Settings:
    """``settings`` with the site names learned from every partition's files."""
    from distributed import as_completed

    from scrubwarc.meta.sites import SuffixCounts

    encoding = settings.options.encoding if settings.options else None
    total = SuffixCounts()
    futures = [client.submit(count_sites, part, encoding, pure=False) for part in parts]
    for future in as_completed(futures):
        total.update(future.result())
    return dataclasses.replace(settings, options=with_sites(settings.options, total.sites()))


def _run(
    parts: Sequence[Partition],
    settings: _Settings,
    learn: bool,
    scheduler: str | None,
    workers: int | None,
    progress: Progress | None,
    dashboard: Callable[[str], None] | None,
) -> list[PartResult]:
    """Run one task per partition and gather their results in partition order."""
    from distributed import as_completed

    if not parts:
        return []
    with _client(scheduler, workers, dashboard is not None) as client:
        if dashboard is not None:
            dashboard(client.dashboard_link)
        running: dict[int, int] = {}  # articles done so far in each running task
        ended: set[int] = set()
        finished = 0

        def on_event(event: Any) -> None:
            _, (index, count) = event
            if index not in ended:  # a retried task starts again from 0
                running[index] = count
                if progress is not None:
                    progress(finished + sum(running.values()), None)

        if learn:
            settings = _learned(client, parts, settings)
        if progress is not None:
            client.subscribe_topic(_PROGRESS_TOPIC, on_event)
        run = uuid.uuid4().hex[:8]
        futures = [
            client.submit(archive_partition, part, settings, key=f"scrubwarc-{run}-{part.number}")
            for part in parts
        ]
        results: list[PartResult] = []
        try:
            for future in as_completed(futures):
                result: PartResult = future.result()
                results.append(result)
                ended.add(result.number)
                running.pop(result.number, None)
                finished += result.articles
                if progress is not None:
                    progress(finished + sum(running.values()), None)
        finally:
            for future in futures:
                future.cancel()
            if progress is not None:
                client.unsubscribe_topic(_PROGRESS_TOPIC)
    return sorted(results, key=lambda r: r.number)
