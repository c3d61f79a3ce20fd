"""The client of a cluster run: list, partition, run the tasks, then index and package.

The client lists the inputs in sorted order and splits them into partitions bounded in
files and bytes. A first task per partition counts its headline suffixes, and the client
adds the counts up into the run's site names as they come back (as a local run's main
process learns them before it starts); then one task per partition writes its part. Each
partition's first task is submitted as soon as the listing has reached the partition's
end, so the workers count while the client still lists. The run-wide count holds every
distinct suffix, so it grows with the corpus; it stays with the client, which holds the
listing anyway, and no worker ever holds more than one partition's. Results come back as each
task ends (progress from the workers' events in between); the parts' indexes are merged
into ``STEM.cdxj``, and with ``wacz`` the parts are packaged. Parts of an earlier, longer
run are removed (with ``force``), and so are temporary files of attempts whose worker died.

A cluster started here (``workers``) runs with the workers' statistical profiler off: it
samples each worker's stack every 10 ms for the dashboard's profile page, which costs CPU
and keeps the last 1,000 one-second profiles in every worker, so that a worker's memory
grows for the first quarter-hour of a run; nobody asked for it.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import os
import re
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrubwarc.batch import ArchiveSummary, Progress, learns_sites, list_inputs
from scrubwarc.clean.model import CleanOptions
from scrubwarc.crawljobs import MAX_WARNINGS
from scrubwarc.errors import ConfigError, InputError, OutputExistsError, display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES
from scrubwarc.warc.writer import Clock, RecordIds, check_output, check_output_name

from .storage import Folder, is_url, list_urls, write_lines
from .task import (
    PROGRESS_TOPIC,
    Partition,
    PartResult,
    Settings,
    archive_partition,
    count_sites,
    index_name,
    learn_sites,
    partitions,
)

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["PARTITION_BYTES", "PARTITION_FILES", "archive_on_cluster"]

# A part of a thousand articles is a few megabytes: big enough that a task's overhead (a
# few milliseconds on the scheduler) is nothing, small enough that the last task does not
# keep the other workers waiting long and that a retried task loses little.
PARTITION_FILES = 1000
PARTITION_BYTES = 256 * 1024 * 1024


def archive_on_cluster(
    paths: Sequence[Path | str],
    output: Path | str,
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
    local cluster of ``workers`` single-threaded processes runs for the call. Inputs and
    output are local paths that every worker sees at the same place (shared storage), or
    fsspec URLs (all inputs URLs, or none). Parts are ``STEM-00000.warc.gz``, … beside
    ``output``, with ``STEM.cdxj`` indexing them all and, with ``wacz``, ``STEM.wacz``
    (local outputs only). ``dashboard(url)`` is told the dashboard's address. The summary
    counts as :func:`scrubwarc.batch.archive`'s does; for a URL output its ``files`` is
    empty and ``uploaded`` names the parts.
    """
    folder, name = _check_output(str(output), parents, wacz)
    stem = name.removesuffix(".warc.gz")
    existing = [
        n for n in folder.names() if re.fullmatch(rf"{re.escape(stem)}-\d{{5}}\.warc\.gz", n)
    ]
    if existing and not force:
        raise OutputExistsError(f"{display_path(folder.join(existing[0]))}: already exists")
    if wacz:
        from scrubwarc.warc.wacz import check_wacz_output

        check_wacz_output(Path(folder.join(stem + ".wacz")), force)
    walk_errors: list[InputError] = []
    names = [str(p) for p in paths]
    if any(is_url(p) for p in names):
        if not all(is_url(p) for p in names):
            raise ConfigError("inputs are all URLs or all local paths, not both")
        items: Iterator[tuple[str, str, int]] = list_urls(names, include, exclude, walk_errors)
    else:
        local = [Path(p) for p in names]
        sources = list_inputs(local, Path(folder.join(name)), include, exclude, walk_errors)
        # Paths go to the workers absolute: a worker's working folder is not this one's.
        items = ((str(s.path.absolute()), s.relative.as_posix(), _size(s.path)) for s in sources)
    parts = partitions(items, partition_files, partition_bytes)
    folder.make()
    settings = Settings(
        folder,
        name,
        options,
        tuple(include_url),
        tuple(exclude_url),
        copy,
        max_bytes,
        clock,
        record_ids,
    )
    learn = learns_sites([Path(p) for p in names]) or any(is_url(p) for p in names)
    results = _run(parts, settings, learn, scheduler, workers, progress, dashboard)
    written = [r.file for r in results]
    for stale in existing[len(results) :]:  # parts of an earlier, longer run (with --force)
        folder.remove(stale)
    _remove_partials(folder, stem)
    _merge_indexes(folder, written, stem + ".cdxj")
    files = () if folder.url else tuple(Path(folder.join(n)) for n in written)
    package = None
    if wacz and files:
        from scrubwarc.warc.wacz import build_wacz

        package = build_wacz(files, Path(folder.join(stem + ".wacz")), force=True)
    return _summary(results, walk_errors, files, package, folder)


def _check_output(output: str, parents: bool, wacz: bool) -> tuple[Folder, str]:
    """The output's folder and name, refused before any work if they cannot be written."""
    if is_url(output):
        folder, _, name = output.rstrip("/").rpartition("/")
        check_output_name(name, output)
        if wacz:
            raise ConfigError("--wacz writes a local file: give a local output to have one")
        return Folder(folder), name
    path = Path(output)
    check_output(path, parents=parents)
    return Folder(str(path.absolute().parent)), path.name


def _summary(
    results: Sequence[PartResult],
    walk_errors: Sequence[InputError],
    files: tuple[Path, ...],
    package: Path | None,
    folder: Folder,
) -> ArchiveSummary:
    """The run's summary: the parts' summaries added up."""
    parts = [r.summary for r in results]
    not_articles: Counter[str] = Counter()
    for part in parts:
        not_articles.update(dict(part.not_articles))
    return ArchiveSummary(
        sum(p.articles for p in parts),
        sum(p.records for p in parts),
        sum(p.bytes_in for p in parts),
        sum(p.bytes_out for p in parts),
        sum(p.duplicates for p in parts),
        (
            *(item for p in parts for item in p.skipped),
            *((e.source or "", e.reason) for e in walk_errors),
        ),
        tuple(item for p in parts for item in p.flagged),
        files,
        package,
        tuple(sorted(not_articles.items())),
        tuple(item for p in parts for item in p.warnings)[:MAX_WARNINGS],
        uploaded=tuple(folder.join(r.file) for r in results) if folder.url else (),
    )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # the task reports it when it cannot read it
        return 0


def _merge_indexes(folder: Folder, parts: Sequence[str], name: str) -> None:
    """One sorted CDXJ file over all parts (``STEM.cdxj``), from the parts' own indexes."""
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(folder.open_text(index_name(p))) for p in parts]
        if folder.url:
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            write_lines(scratch / name, heapq.merge(*handles))
            folder.put(scratch / name, name)
        else:
            write_lines(Path(folder.join(name)), heapq.merge(*handles))
    for part in parts:
        folder.remove(index_name(part))


def _remove_partials(folder: Folder, stem: str) -> None:
    """Temporary files of attempts that never finished (their worker was killed)."""
    pattern = re.compile(
        rf"\.\.?{re.escape(stem)}-\d{{5}}\.warc\.gz(\.cdxj)?(\.[0-9a-f]{{12}})?\.partial"
    )
    for name in folder.names():
        if pattern.fullmatch(name):
            folder.remove(name)


# Dask configuration of the clusters started here (see the module's docstring).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None, dashboard: bool) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers``
    single-threaded processes started and stopped here."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    # The workers' nannies copy the configuration as they are made, and hand it to their
    # worker processes.
    with dask.config.set(WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,  # processing is pure Python: threads would share one GIL
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0" if dashboard else None,
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        yield client


def _submit_all(
    client: Client, parts: Iterable[Partition], settings: Settings, learn: bool
) -> list[Future[PartResult]]:
    """Submit the tasks of every partition as the listing yields it: with ``learn``, its
    count of headline suffixes at once, the part after the run's site names are learned."""
    from distributed import as_completed

    run = uuid.uuid4().hex[:8]
    encoding = settings.options.encoding if settings.options else None
    listed: list[Partition] = []
    counts = []
    for part in parts:
        listed.append(part)
        if learn:
            key = f"scrubwarc-count-{run}-{part.number}"
            counts.append(client.submit(count_sites, part, encoding, key=key))
    if learn:  # added up here as they come, each released once added
        arriving = as_completed(counts)
        counts.clear()
        settings = learn_sites(settings, (future.result() for future in arriving))
    return [
        client.submit(archive_partition, part, settings, key=f"scrubwarc-{run}-{part.number}")
        for part in listed
    ]


def _run(
    parts: Iterator[Partition],
    settings: Settings,
    learn: bool,
    scheduler: str | None,
    workers: int | None,
    progress: Progress | None,
    dashboard: Callable[[str], None] | None,
) -> list[PartResult]:
    """Run the tasks of every partition and gather their results in partition order."""
    from distributed import as_completed

    first = next(parts, None)
    if first is None:  # nothing to do: no cluster to start
        return []
    with _client(scheduler, workers, dashboard is not None) as client:
        if dashboard is not None:
            dashboard(client.dashboard_link)
        running: dict[int, int] = {}  # articles done so far in each running task
        ended: set[int] = set()
        finished = 0

        def on_event(event: Any) -> None:
            _, (number, count) = event
            if number not in ended:  # a retried task starts again from 0
                running[number] = count
                if progress is not None:
                    progress(finished + sum(running.values()), None)

        if progress is not None:
            client.subscribe_topic(PROGRESS_TOPIC, on_event)
        futures = set(_submit_all(client, itertools.chain([first], parts), settings, learn))
        results: list[PartResult] = []
        try:
            for future in as_completed(futures):
                result: PartResult = future.result()
                futures.discard(future)  # released: the worker need not keep it
                results.append(result)
                ended.add(result.number)
                running.pop(result.number, None)
                finished += result.summary.articles
                if progress is not None:
                    progress(finished + sum(running.values()), None)
        finally:
            for future in futures:
                future.cancel()
            if progress is not None:
                client.unsubscribe_topic(PROGRESS_TOPIC)
    return sorted(results, key=lambda r: r.number)
