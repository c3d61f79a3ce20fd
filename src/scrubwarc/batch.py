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
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from scrubwarc.article import process
from scrubwarc.clean.model import CleanOptions
from scrubwarc.errors import InputError, OutputExistsError, display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES, Source, read_bytes, walk
from scrubwarc.signals import die_with_parent
from scrubwarc.warc.record import EncodedArticle, encode_article, encode_raw
from scrubwarc.warc.writer import Clock, RecordIds, WarcWriter

__all__ = ["BATCH_SIZE", "ArchiveSummary", "Progress", "archive"]

Progress = Callable[[int, int | None], None]
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


class _Outcome(NamedTuple):
    """One input after processing: its records, encoded for the writer, or why not.

    With ``encoded`` and an ``error`` the input is archived raw and flagged; without
    ``encoded`` it is skipped. A tuple, and no article: cheap to send back from a worker.
    """

    relative: str
    source: str  # the path as given, for messages: relative paths repeat across inputs
    encoded: EncodedArticle | None
    error: str | None = None


def _process_batch(
    batch: Sequence[tuple[str, str]], options: CleanOptions | None, max_bytes: int
) -> list[_Outcome]:
    """The worker: read, process and encode each file (the costly half of writing it).

    Module-level so a pool can pickle it. Paths travel as strings: cheaper to pickle.
    """
    outcomes = []
    for source, relative in batch:
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


def _batches(sources: Iterable[Source], size: int) -> Iterator[list[tuple[str, str]]]:
    items = ((str(s.path), s.relative.as_posix()) for s in sources)
    while batch := list(islice(items, size)):
        yield batch


def _ordered(
    batches: Iterator[list[tuple[str, str]]],
    pool: ProcessPoolExecutor | None,
    jobs: int,
    options: CleanOptions | None,
    max_bytes: int,
) -> Iterator[_Outcome]:
    """Outcomes in input order. With a pool, at most ``2 * jobs`` batches are in flight:
    ``Executor.map`` would submit the whole corpus up front."""
    if pool is None:
        for batch in batches:
            yield from _process_batch(batch, options, max_bytes)
        return
    pending: deque[Future[list[_Outcome]]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_process_batch, batch, options, max_bytes))
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


def _with_learned_sites(
    paths: Sequence[Path],
    include: Sequence[str],
    exclude: Sequence[str],
    skip: list[Path],
    is_own: Callable[[Path], bool],
    options: CleanOptions | None,
) -> CleanOptions:
    """``options`` with the headline suffixes that recur across the run's files as sites."""
    from scrubwarc.meta.sites import learn_site_suffixes, read_heads

    sources = (s.path for s in walk(paths, include, exclude, skip, []) if not is_own(s.path))
    options = options or CleanOptions()
    learned = learn_site_suffixes(read_heads(sources, options.encoding))
    return options._replace(site_names=options.site_names | learned)


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
    """
    if wacz:
        from scrubwarc.warc.wacz import wacz_path  # lazy: only runs when asked

        if wacz_path(output).exists() and not (force or append):
            raise OutputExistsError(f"{display_path(wacz_path(output))}: already exists")
    out_dir = output.resolve().parent
    inputs = [p.resolve() for p in paths if p.is_dir()]
    # Skip the output folder when it sits inside an input tree, unless it is the tree's
    # root: the output files themselves are filtered out by name below.
    skip = [out_dir] if any(out_dir != p and out_dir.is_relative_to(p) for p in inputs) else []
    is_own = _own_output(output)
    if len(paths) > 1 or inputs:  # a run over many files learns its sites' names first
        options = _with_learned_sites(paths, include, exclude, skip, is_own, options)
    walk_errors: list[InputError] = []
    sources = (s for s in walk(paths, include, exclude, skip, walk_errors) if not is_own(s.path))
    skipped: list[tuple[str, str]] = []
    flagged: list[tuple[str, str]] = []
    articles = bytes_in = 0
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
        with writer, _workers(jobs) as pool:
            batches = _batches(sources, BATCH_SIZE)
            for outcome in _ordered(batches, pool, jobs, options, max_bytes):
                if outcome.encoded is None:
                    skipped.append((outcome.source, outcome.error or "unreadable"))
                    continue
                writer.write_encoded(outcome.encoded)
                bytes_in += outcome.encoded.size
                if outcome.error is not None:
                    flagged.append((outcome.source, outcome.error))
                articles += 1
                if progress is not None:
                    progress(articles, None)
        package = None
        if collector is not None:
            package = collector.write(writer.files, wacz_path(output), force=force)
        elif wacz:
            from scrubwarc.warc.wacz import build_wacz, wacz_path

            package = build_wacz(writer.files, wacz_path(output), force=True)
    skipped += [(e.source or "", e.reason) for e in walk_errors]
    return ArchiveSummary(
        articles,
        writer.records,
        bytes_in,
        writer.bytes_written,
        writer.duplicates,
        tuple(skipped),
        tuple(flagged),
        writer.files,
        package,
    )
