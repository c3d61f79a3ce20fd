"""Archiving a tree of articles into WARC: walk, process (in a pool if asked), write in order.

Paths stream from ``files.walk`` in sorted order and go to workers in batches. A worker
reads, cleans and encodes each article (``warcrecord.encode_article``: digests and the
formatted record tails); results come back in the same order and one writer in this
process adds record ids, dates and revisits, compresses and writes them, so the output
is the same bytes whatever ``jobs`` is, and this process has little to do per article.
Only a few batches are in flight at any time, so memory stays flat however large the corpus.

A file that cannot be read (missing, too large, not a regular file) is skipped. A file that
reads but cannot be processed (binary, undecodable, HTML that will not parse) is archived
raw, flagged with a ``scrubwarc-error`` field and no text record: the archive then holds
every input, and ``unpack`` restores the whole tree.

An input whose first bytes open a WARC or ARC is a crawl: one reader in this process goes
through it in order (``warc.crawl``) and its articles go to the workers like files do
(``crawljobs``); captures that are not articles are counted by reason, never archived as
articles.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from scrubwarc.article import process
from scrubwarc.clean.model import CleanOptions
from scrubwarc.crawljobs import CaptureJob, Crawls, process_capture
from scrubwarc.errors import InputError, OutputExistsError, display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES, Source, read_bytes, walk
from scrubwarc.signals import die_with_parent
from scrubwarc.warc.capture import EncodedCapture, encode_capture
from scrubwarc.warc.record import EncodedArticle, encode_article, encode_raw
from scrubwarc.warc.sniff import CRAWL_INCLUDE, sniff_crawl
from scrubwarc.warc.writer import Clock, RecordIds, WarcWriter

if TYPE_CHECKING:
    from scrubwarc.meta.sites import SuffixCounts

__all__ = [
    "BATCH_SIZE",
    "CRAWL_INCLUDE",
    "ArchiveSummary",
    "Progress",
    "Tally",
    "archive",
    "learns_sites",
    "list_inputs",
    "with_sites",
    "write_sources",
]

Progress = Callable[[int, int | None], None]
_T = TypeVar("_T")
# Big enough that pickling overhead is small, small enough that a batch's bytes are too.
BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """What a run did. ``skipped`` were not archived; ``flagged`` were archived raw.

    Both name each file by its path as given, with the reason.
    """

    articles: int
    records: int
    bytes_in: int
    bytes_out: int
    duplicates: int
    skipped: tuple[tuple[str, str], ...]
    flagged: tuple[tuple[str, str], ...]
    files: tuple[Path, ...]
    wacz: Path | None = None
    # Crawl captures that are not articles, counted by reason (redirect, image, ...).
    not_articles: tuple[tuple[str, int], ...] = ()
    # Crawl records left out for a reason that is no fault (a revisit of another crawl);
    # the first MAX_WARNINGS, all of them counted in not_articles.
    warnings: tuple[tuple[str, str], ...] = ()
    # The parts a cluster run wrote to URLs (``files`` holds local paths only).
    uploaded: tuple[str, ...] = ()


class _Outcome(NamedTuple):
    """One input after processing: its records, encoded for the writer, or why not.

    With ``encoded`` and an ``error`` the input is archived raw and flagged; without
    ``encoded`` it is skipped (``not_article`` says it was a page with nothing to extract).
    A tuple, and no article: cheap to send back from a worker.
    """

    relative: str
    source: str  # the path as given, for messages: relative paths repeat across inputs
    encoded: EncodedArticle | EncodedCapture | None
    error: str | None = None
    not_article: str | None = None


_Job = tuple[str, str] | CaptureJob


def _capture_outcome(job: CaptureJob, options: CleanOptions | None) -> _Outcome:
    done = process_capture(job, options)
    where = f"{done.info.source}: offset {done.info.offset}: {done.info.url}"
    if done.article is None:
        empty = None if done.error else "empty extraction"
        return _Outcome(done.info.url, where, None, done.error, empty)
    return _Outcome(done.info.url, where, encode_capture(done.article, done.info))


def _process_batch(
    batch: Sequence[_Job], options: CleanOptions | None, max_bytes: int
) -> list[_Outcome]:
    """The worker: read, process and encode each file (the costly half of writing it).

    Module-level so a pool can pickle it. Paths travel as strings: cheaper to pickle.
    """
    outcomes = []
    for job in batch:
        if isinstance(job, CaptureJob):
            outcomes.append(_capture_outcome(job, options))
            continue
        source, relative = job
        try:
            data = read_bytes(Path(source), max_bytes)
        except InputError as exc:
            outcomes.append(_Outcome(relative, source, None, exc.reason))
            continue
        try:
            article = process(data, relative, options)
        except InputError as exc:
            outcomes.append(
                _Outcome(relative, source, encode_raw(data, relative, exc.reason), exc.reason)
            )
        else:
            outcomes.append(_Outcome(relative, source, encode_article(article, relative)))
    return outcomes


def _batches(sources: Iterable[Source], size: int, crawls: Crawls) -> Iterator[list[_Job]]:
    def items() -> Iterator[_Job]:
        for s in sources:
            if sniff_crawl(s.path) is not None:
                yield from crawls.jobs(s.path)
            else:
                yield str(s.path), s.relative.as_posix()

    stream = items()
    while batch := list(islice(stream, size)):
        yield batch


def _ordered(
    batches: Iterator[list[_Job]],
    pool: ProcessPoolExecutor | None,
    jobs: int,
    options: CleanOptions | None,
    max_bytes: int,
) -> Iterator[_Outcome]:
    """Outcomes in input order."""
    if pool is None:
        for batch in batches:
            yield from _process_batch(batch, options, max_bytes)
        return
    yield from _in_pool(pool, jobs, _process_batch, batches, options, max_bytes)


def _in_pool(
    pool: ProcessPoolExecutor,
    jobs: int,
    work: Callable[..., list[_T]],
    batches: Iterable[object],
    *args: object,
) -> Iterator[_T]:
    """``work(batch, *args)`` for each batch in the pool, results in order. At most
    ``2 * jobs`` batches are in flight: ``Executor.map`` would submit them all up front."""
    pending: deque[Future[list[_T]]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(work, batch, *args))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


@contextlib.contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of ``jobs`` worker processes (None for one job), always shut down on exit.

    Each worker dies with this process, however this process ends. On an exception
    (Ctrl-C, SIGTERM, a write that failed) the queued batches are cancelled and each worker
    finishes the batch in hand, whose results are dropped. Terminating a worker instead
    could cut its result message in two and leave the pool's reader thread (which Python
    joins at exit) waiting forever for the rest.
    """
    if jobs <= 1:
        yield None
        return
    direct = multiprocessing.get_start_method() in ("fork", "spawn")
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid() if direct else None,)
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


@dataclass(slots=True)
class Tally:
    """What writing a run's inputs gave, besides the writer's own counts."""

    articles: int = 0
    bytes_in: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)


def write_sources(
    sources: Iterable[Source],
    writer: WarcWriter,
    crawls: Crawls,
    options: CleanOptions | None,
    max_bytes: int,
    pool: ProcessPoolExecutor | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Tally:
    """Process ``sources`` (in ``pool``, of ``jobs`` workers) and write them in order.

    The one loop from inputs to records, for a local run and for each partition of a
    cluster run (``cluster``); what ``crawls`` met besides articles stays in ``crawls``.
    """
    tally = Tally()
    held = _Held()
    batches = held.keep(_batches(sources, BATCH_SIZE, crawls))
    for outcome in map(held.restore, _ordered(batches, pool, jobs, options, max_bytes)):
        if outcome.not_article is not None:
            crawls.not_articles[outcome.not_article] += 1
            continue
        if outcome.encoded is None:
            tally.skipped.append((outcome.source, outcome.error or "unreadable"))
            continue
        if isinstance(outcome.encoded, EncodedCapture):
            writer.write_capture(outcome.encoded)
        else:
            writer.write_encoded(outcome.encoded)
        tally.bytes_in += outcome.encoded.size
        if outcome.error is not None:
            tally.flagged.append((outcome.source, outcome.error))
        tally.articles += 1
        if progress is not None:
            progress(tally.articles, None)
    return tally


class _Held:
    """The stored gzip members of captures whose jobs are with the workers, kept here.

    A member is copied as it is: sent to a worker and back it would cost two pickles and
    two trips through a pipe (tens of KB a page) for nothing. Plain records still go,
    the worker compresses them. One entry per job, in order: every job gives one outcome.
    """

    def __init__(self) -> None:
        self._records: deque[bytes | None] = deque()

    def keep(self, batches: Iterable[list[_Job]]) -> Iterator[list[_Job]]:
        """The batches, their captures' stored members taken out and kept."""
        for batch in batches:
            yield [self._take(job) for job in batch]

    def _take(self, job: _Job) -> _Job:
        if isinstance(job, CaptureJob) and job.info.gzipped and job.info.record is not None:
            self._records.append(job.info.record)
            return job._replace(info=job.info._replace(record=None))
        self._records.append(None)
        return job

    def restore(self, outcome: _Outcome) -> _Outcome:
        """The outcome of the next job in order, with its capture's member put back."""
        record = self._records.popleft()
        if record is not None and isinstance(outcome.encoded, EncodedCapture):
            return outcome._replace(encoded=outcome.encoded._replace(record=record))
        return outcome


def _own_output(output: Path) -> Callable[[Path], bool]:
    """A test for files this run writes (the WARC, its rolled parts, partials, the WACZ)."""
    folder = output.resolve().parent
    name = output.name
    stem, dot, ext = name.partition(".")
    rolled = re.compile(rf"\.?{re.escape(stem)}-\d{{5}}{re.escape(dot + ext)}(\.partial)?")
    mine = {name, f".{name}.partial", f"{stem}.wacz"}

    def check(path: Path) -> bool:
        # The name first: resolving every input path would cost a syscall per folder level.
        name = path.name
        return (name in mine or rolled.fullmatch(name) is not None) and (
            path.resolve().parent == folder
        )

    return check


def learns_sites(paths: Sequence[Path]) -> bool:
    """Whether a run learns its sites' names first: one over many files does."""
    return len(paths) > 1 or any(p.is_dir() for p in paths)


def with_sites(options: CleanOptions | None, learned: frozenset[str]) -> CleanOptions:
    """``options`` with the headline suffixes learned from the run's files as site names."""
    options = options or CleanOptions()
    return options._replace(site_names=options.site_names | learned)


def _count_sites(paths: Sequence[str], encoding: str | None) -> list[SuffixCounts]:
    """A worker: the headline suffixes of some files, counted (module-level so a pool can
    pickle it). The counts travel back, not the openings: this process only adds them up."""
    from scrubwarc.meta.sites import SuffixCounts, read_heads

    counts = SuffixCounts()
    for head in read_heads(map(Path, paths), encoding):
        counts.add(head)
    return [counts]


def _with_learned_sites(
    sources: Iterable[Source],
    options: CleanOptions | None,
    pool: ProcessPoolExecutor | None = None,
    jobs: int = 1,
) -> CleanOptions:
    """``options`` with the headline suffixes that recur across the run's files as sites.

    With a pool the workers read, decode and count the openings (decoding a legacy encoding
    is costly), so this pass runs in parallel too.
    """
    from scrubwarc.meta.sites import SuffixCounts

    encoding = options.encoding if options else None
    names = (str(s.path) for s in sources)  # cheaper to pickle than paths
    batches = iter(lambda: list(islice(names, BATCH_SIZE)), [])
    if pool is None:
        found: Iterable[SuffixCounts] = (c for b in batches for c in _count_sites(b, encoding))
    else:
        found = _in_pool(pool, jobs, _count_sites, batches, encoding)
    total = SuffixCounts()
    for counts in found:
        total.update(counts)
    return with_sites(options, total.sites())


def list_inputs(
    paths: Sequence[Path],
    output: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    walk_errors: list[InputError],
) -> Iterator[Source]:
    """The run's inputs, in order, without its own outputs; paths that cannot be walked
    go to ``walk_errors``."""
    out_dir = output.resolve().parent
    inputs = [p.resolve() for p in paths if p.is_dir()]
    # Skip the output folder when it sits inside an input tree, unless it is the tree's
    # root: the output files themselves are filtered out by name below.
    skip = [out_dir] if any(out_dir != p and out_dir.is_relative_to(p) for p in inputs) else []
    is_own = _own_output(output)
    return (s for s in walk(paths, include, exclude, skip, walk_errors) if not is_own(s.path))


def archive(
    paths: Sequence[Path],
    output: Path,
    *,
    options: CleanOptions | None = None,
    include: Sequence[str] = ARTICLE_INCLUDE,
    exclude: Sequence[str] = (),
    jobs: int = 1,
    max_size: int | None = None,
    wacz: bool = False,
    force: bool = False,
    append: bool = False,
    include_url: Sequence[str] = (),
    exclude_url: Sequence[str] = (),
    copy: bool = True,
    parents: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    clock: Clock | None = None,
    record_ids: RecordIds | None = None,
) -> ArchiveSummary:
    """Archive every matching file under ``paths`` into ``output``.

    ``clock`` and ``record_ids`` pin dates and ids (for byte-identical test output).
    ``progress(done, total)`` is called after each article; the total is None because
    counting would mean walking the tree twice (a caller that wants it counts first).
    Every precondition (the output's name, folder and existence) is checked before the work.
    Crawl inputs (WARC, ARC) give their articles: those whose URL ``include_url`` lets in
    and ``exclude_url`` leaves (regular expressions, searched), each with its capture
    copied unless ``copy`` is False.
    """
    if wacz:
        from scrubwarc.warc.wacz import wacz_path  # lazy: only runs when asked

        if wacz_path(output).exists() and not (force or append):
            raise OutputExistsError(f"{display_path(wacz_path(output))}: already exists")
    walk_errors: list[InputError] = []
    sources = list_inputs(paths, output, include, exclude, walk_errors)
    collector = None
    with contextlib.ExitStack() as stack:
        if wacz and not append:  # appending keeps records this run never saw: read them after
            from scrubwarc.warc.wacz import WaczCollector, wacz_path  # lazy: only when asked

            collector = WaczCollector(wacz_path(output).stem)
            stack.callback(collector.close)  # its temporary files, whatever happens
        writer = WarcWriter(
            output,
            max_size=max_size,
            append=append,
            force=force,
            clock=clock,
            record_ids=record_ids,
            parents=parents,
            observer=collector,
        )
        crawls = Crawls(include_url, exclude_url, max_bytes, copy, writer.add_source_info)
        with writer, _workers(jobs) as pool:
            if learns_sites(paths):  # a run over many files learns its sites' names first
                inputs = list_inputs(paths, output, include, exclude, [])
                options = _with_learned_sites(inputs, options, pool, jobs)
            tally = write_sources(sources, writer, crawls, options, max_bytes, pool, jobs, progress)
        package = None
        # The collector sees articles from files only: with crawls, read the WARCs after.
        if collector is not None and not crawls.seen:
            package = collector.write(writer.files, wacz_path(output), force=force)
        elif wacz:
            from scrubwarc.warc.wacz import build_wacz, wacz_path

            package = build_wacz(writer.files, wacz_path(output), force=True)
    skipped = [*tally.skipped, *((e.source or "", e.reason) for e in walk_errors)]
    skipped += crawls.problems
    return ArchiveSummary(
        tally.articles,
        writer.records,
        tally.bytes_in,
        writer.bytes_written,
        writer.duplicates,
        tuple(skipped),
        tuple(tally.flagged),
        writer.files,
        package,
        tuple(sorted(crawls.not_articles.items())),
        tuple(crawls.warnings),
    )
