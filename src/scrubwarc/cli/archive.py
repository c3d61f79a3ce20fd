"""``scrubwarc archive``, ``wacz``, ``verify``, ``unpack``, ``ls``: articles into WARC and back."""

import enum
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from scrubwarc.cli.common import (
    Exit,
    Run,
    count,
    fail,
    guard,
    setup,
    status,
)
from scrubwarc.cli.options import (
    ConfigOpt,
    DebugOpt,
    DisableOpt,
    EncodingOpt,
    ExcludeOpt,
    ExcludeUrlOpt,
    IncludeOpt,
    IncludeUrlOpt,
    MaxBytesOpt,
    QuietOpt,
    parse_size,
)
from scrubwarc.errors import OutputExistsError, display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES, walk
from scrubwarc.warc.sniff import CRAWL_INCLUDE, sniff_crawl

WarcsArg = Annotated[list[Path], typer.Argument(help="WARC files.", show_default=False)]


class _Progress:
    """A line on stderr, only on a terminal: done of total, rate, time left; 5 updates a second."""

    def __init__(self, enabled: bool, total: int | None = None) -> None:
        self.enabled = enabled
        self.total = total
        self.start = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int | None) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        total = total or self.total
        rate = done / max(now - self.start, 1e-9)
        line = f"archived {done:,}" + (f" of {total:,}" if total else "") + f" ({rate:,.0f}/s"
        if total and total >= done and rate > 0:
            line += f", {_duration((total - done) / rate)} left"
        sys.stderr.write(f"\r\x1b[K{line})")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled and self.last:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _duration(seconds: float) -> str:
    """``42s``, ``3m05s``, ``2h10m``: time left, as precise as it is worth.

    >>> _duration(42.4), _duration(185), _duration(7830)
    ('42s', '3m05s', '2h10m')
    """
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60:02d}s"
    return f"{s // 3600}h{s % 3600 // 60:02d}m"


class Engine(enum.StrEnum):
    """Where ``archive`` runs."""

    local = "local"
    dask = "dask"


def _check_engine(
    on_cluster: bool,
    scheduler: str | None,
    workers: int | None,
    dashboard: bool,
    jobs: int,
    max_size: str | None,
    append: bool,
) -> None:
    """Refuse, before any work, options that do not go with the engine chosen."""
    if not on_cluster:
        for given, name in (
            (scheduler, "--scheduler"),
            (workers, "--workers"),
            (dashboard, "--dashboard"),
        ):
            if given:
                raise fail(f"{name} needs --engine dask")
        return
    if scheduler is not None and workers is not None:
        raise fail("choose one of --scheduler and --workers")
    for given, name, why in (
        (jobs > 1, "--jobs", "use --workers, or the workers of --scheduler"),
        (max_size, "--max-size", "parts are per partition: use --partition"),
        (append, "--append", "parts are written whole, never appended to"),
    ):
        if given:
            raise fail(f"{name} does not go with --engine dask", why)
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise fail(
            "--engine dask needs Dask's distributed scheduler",
            "pip install 'scrubwarc[dask]'",
        ) from None


def archive(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files or directories (with --engine dask, or URLs).",
            show_default=False,
            metavar="PATHS...",
        ),
    ],
    to: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="The WARC file to write (.warc.gz; with --engine dask, a URL)."
        ),
    ],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    max_size: Annotated[
        str | None,
        typer.Option(
            "--max-size",
            help="Roll over to NAME-00000.warc.gz, NAME-00001… at this size (1GB, 500MiB).",
            show_default=False,
        ),
    ] = None,
    wacz: Annotated[
        bool, typer.Option("--wacz", help="Also write NAME.wacz for ReplayWeb.page.")
    ] = False,
    parents: Annotated[
        bool, typer.Option("--parents", help="Create the output's folder if it does not exist.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output.")] = False,
    append: Annotated[
        bool,
        typer.Option("--append", help="Add a new warcinfo and records to an existing output."),
    ] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    include_url: IncludeUrlOpt = None,
    exclude_url: ExcludeUrlOpt = None,
    no_copy: Annotated[
        bool,
        typer.Option(
            "--no-copy",
            help="From crawls, write only text and metadata, pointing at the capture in its crawl.",
        ),
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this machine (--jobs); dask: a Dask cluster, one part per partition.",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: a running scheduler (tcp://HOST:8786).",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="With --engine dask and no --scheduler: local worker processes (default: cores).",
            show_default=False,
        ),
    ] = None,
    partition: Annotated[
        int | None,
        typer.Option(
            "--partition",
            min=1,
            help="With --engine dask: files per partition, each its own part [default: 1000].",
            show_default=False,
        ),
    ] = None,
    dashboard: Annotated[
        bool, typer.Option("--dashboard", help="With --engine dask: print the dashboard's URL.")
    ] = False,
    disable: DisableOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    encoding: EncodingOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Archive articles (text, HTML, or the pages of crawl WARCs) as WARC, linked records.

    Each article: its original (for a crawl, the capture as crawled), its cleaned text and
    its metadata.

    \b
    Examples:
      scrubwarc archive corpus/ -o news.warc.gz
      scrubwarc archive corpus/ -o news.warc.gz --jobs 4
      scrubwarc archive corpus/ -o news.warc.gz --max-size 1GB   # news-00000.warc.gz, ...
      scrubwarc archive corpus/ -o news.warc.gz --wacz           # also news.wacz
      scrubwarc archive crawl.warc.gz -o articles.warc.gz        # the articles of a crawl
      scrubwarc archive crawl.warc.gz -o a.warc.gz --include-url '/news/' --no-copy
      scrubwarc archive corpus/ -o out/news.warc.gz --engine dask --workers 4
      scrubwarc archive corpus/ -o /shared/news.warc.gz --engine dask --scheduler tcp://h:8786
    """
    from scrubwarc.batch import archive as run_archive  # lazy: warcio is not on the clean path
    from scrubwarc.cluster.storage import is_url

    if force and append:
        raise fail("choose one of --force and --append")
    on_cluster = engine is Engine.dask
    _check_engine(on_cluster, scheduler, workers, dashboard, jobs, max_size, append)
    urls = [name for name in (*inputs, to) if is_url(name)]
    if urls and not on_cluster:
        raise fail(f"{urls[0]}: URLs need --engine dask")
    paths, output = [Path(p) for p in inputs], Path(to)
    conf = setup(config, disable, include, exclude, (*ARTICLE_INCLUDE, *CRAWL_INCLUDE), encoding)
    size = parse_size(max_size) if max_size else None
    run = Run(debug)
    progress = _Progress(sys.stderr.isatty() and not quiet)
    if progress.enabled and not urls:  # the total costs a walk: only worth it on a terminal
        total: int | None = 0
        for source in walk(paths, conf.include, conf.exclude):
            if sniff_crawl(source.path):
                total = None  # a crawl holds an unknown number of articles
                break
            total = (total or 0) + 1
        progress.total = total
    with guard(
        run, "completed WARC files are valid; no partial file has a final name", progress.clear
    ):
        try:
            if on_cluster:
                from scrubwarc.cluster import PARTITION_FILES, archive_on_cluster

                summary = archive_on_cluster(
                    inputs,
                    to,
                    scheduler=scheduler,
                    workers=workers,
                    options=conf.options,
                    include=conf.include,
                    exclude=conf.exclude,
                    wacz=wacz,
                    force=force,
                    include_url=include_url or (),
                    exclude_url=exclude_url or (),
                    copy=not no_copy,
                    parents=parents,
                    max_bytes=max_bytes,
                    partition_files=partition or PARTITION_FILES,
                    progress=progress,
                    dashboard=(lambda url: status(f"dashboard: {url}")) if dashboard else None,
                )
            else:
                summary = run_archive(
                    paths,
                    output,
                    options=conf.options,
                    include=conf.include,
                    exclude=conf.exclude,
                    jobs=jobs,
                    max_size=size,
                    wacz=wacz,
                    force=force,
                    append=append,
                    include_url=include_url or (),
                    exclude_url=exclude_url or (),
                    copy=not no_copy,
                    parents=parents,
                    max_bytes=max_bytes,
                    progress=progress,
                )
        except OutputExistsError as exc:
            raise fail(str(exc), "pass --force to replace it, or --append to add to it") from None
        except OSError as exc:  # disk full, a write error, a folder that cannot be created
            progress.clear()
            raise fail(
                f"{display_path(output)}: cannot write: {exc.strerror or exc}; "
                "no output has its final name unless it was complete"
            ) from None
    progress.clear()
    for path, reason in summary.skipped:
        run.error(f"{display_path(path)}: {reason} (skipped)")
    for path, reason in summary.flagged:
        run.error(f"{display_path(path)}: {reason} (archived raw, flagged)")
    for path, reason in summary.warnings:
        if not quiet:
            status(f"warning: {display_path(path)}: {reason}")
    if not quiet and summary.not_articles:
        reasons = ", ".join(f"{reason} {n:,}" for reason, n in summary.not_articles)
        total = sum(n for _, n in summary.not_articles)
        status(f"{count(total, 'crawled page')} not archived as articles: {reasons}")
    if not quiet:
        written = ", ".join(
            display_path(p)
            for p in (*summary.files, *summary.uploaded, summary.wacz)
            if p is not None
        )
        status(
            f"{count(summary.articles, 'article')}, {count(summary.records, 'record')}, "
            f"{summary.bytes_in:,} bytes in, {summary.bytes_out:,} bytes out, "
            f"{count(summary.duplicates, 'duplicate original')} written as revisits, "
            f"{len(summary.skipped):,} skipped, {len(summary.flagged):,} flagged -> {written}"
        )
    raise Exit(run.exit_code())


def wacz(
    warcs: WarcsArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The WACZ to write (default: NAME.wacz beside the first WARC)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Package WARC files as a WACZ for ReplayWeb.page: index, pages with their text, hashes.

    Pages are the articles of scrubwarc's WARCs, and the HTML responses of anyone else's.

    \b
    Examples:
      scrubwarc wacz news.warc.gz -o news.wacz
      scrubwarc wacz news-00000.warc.gz news-00001.warc.gz -o news.wacz
    """
    from scrubwarc.warc.wacz import build_wacz  # lazy: warcio

    run = Run()
    with guard(run, "no WACZ has its final name unless it was complete"):
        try:
            package = build_wacz(warcs, output, force=force)
        except OutputExistsError as exc:
            raise fail(str(exc), "pass --force to replace it") from None
    if not quiet:
        status(f"wrote {display_path(package)}")
    raise Exit(run.exit_code())


def verify(warcs: WarcsArg) -> None:
    """Check WARC files: framing, digests, WARC/1.1, links between records; exit 1 on a fault.

    \b
    Example:
      scrubwarc verify news.warc.gz
    """
    from scrubwarc.warc.verify import verify as check  # lazy: warcio

    faulty = 0
    run = Run()
    with guard(run, "the files checked so far were reported"):
        for warc in warcs:
            with run.item(str(warc)):
                faults = check(warc)
                for f in faults:
                    rid = f" record {f.record_id}" if f.record_id else ""
                    status(f"error: {display_path(warc)}: offset {f.offset}{rid}: {f.reason}")
                if faults:
                    faulty += 1
                else:
                    sys.stdout.write(f"ok {display_path(warc)}\n")
    raise Exit(run.exit_code(found=faulty > 0))


def unpack(
    warc: Annotated[Path, typer.Argument(help="The WARC file.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="Directory to restore into.")],
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
) -> None:
    """Restore the archived originals, byte for byte, in their original tree.

    \b
    Example:
      scrubwarc unpack news.warc.gz -o restored/
    """
    from scrubwarc.warc.reader import unpack as restore  # lazy: warcio

    run = Run()
    with guard(run, "the files restored so far are complete"):
        summary = restore(warc, output, force=force)
    for path, reason in summary.refused:
        run.error(f"{display_path(warc)}: {display_path(path)}: {reason} (not restored)")
    if any(reason == "file exists" for _, reason in summary.refused):
        status("hint: pass --force to replace existing files")
    restored = (
        f"restored {count(len(summary.restored), 'file')}, {count(summary.bytes_restored, 'byte')}"
    )
    if summary.stopped is not None:  # a damaged WARC: never a success for part of a file
        run.error(str(summary.stopped))
        status(
            f"{restored}, each whole; stopped at offset {summary.stopped.offset}: "
            "the rest of the WARC was not read"
        )
    else:
        status(restored)
    raise Exit(run.exit_code())


def ls(warcs: WarcsArg) -> None:
    """One line per archived article: date, title, URL, source path (tab-separated).

    \b
    Example:
      scrubwarc ls news.warc.gz
    """
    from scrubwarc.warc.reader import list_articles  # lazy: warcio

    run = Run()
    with guard(run, "the lines written so far are complete"):
        for warc in warcs:
            with run.item(str(warc)):
                for item in list_articles(warc):
                    fields = (
                        item.date or "-",
                        item.title or "-",
                        item.url or item.target,
                        display_path(item.path) if item.path else "-",
                    )
                    sys.stdout.write("\t".join(fields) + "\n")
    raise Exit(run.exit_code())
