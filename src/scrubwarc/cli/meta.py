"""``scrubwarc meta``: an article's metadata, as a readable summary or as JSON (Lines)."""

from __future__ import annotations  # Metadata is imported for type checking only

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from scrubwarc.cli.common import (
    Exit,
    Run,
    check_url_patterns,
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
)
from scrubwarc.errors import display_path
from scrubwarc.files import ARTICLE_INCLUDE, DEFAULT_MAX_BYTES, read_bytes
from scrubwarc.warc.sniff import CRAWL_INCLUDE, sniff_crawl

if TYPE_CHECKING:
    from scrubwarc.clean.model import CleanOptions
    from scrubwarc.meta.model import Metadata


def summary(meta: Metadata) -> str:
    """A few aligned lines for a person at a terminal; JSON carries everything."""
    rows = [
        ("title", meta.title),
        ("authors", ", ".join(meta.authors) or None),
        ("date", meta.date),
        ("url", meta.url),
        ("site", meta.site_name),
        ("language", meta.language),
        ("words", str(meta.word_count)),
        ("encoding", meta.encoding),
        (
            "crawled",
            f"{meta.crawl_date} {meta.crawl_warc}@{meta.crawl_offset}" if meta.crawl_url else None,
        ),
        ("related", "; ".join(meta.related) or None),
        ("tracking", ", ".join(f"{k}={v}" for k, vs in meta.tracking for v in vs) or None),
        ("removed", f"{len(meta.removed)} item(s)" if meta.removed else None),
    ]
    name = meta.crawl_url or meta.path
    head = f"{display_path(name)}\n" if name else ""
    return head + "".join(f"  {name:<9} {value}\n" for name, value in rows if value)


def _json_line(record: dict[str, object], *, indent: bool) -> str:
    """JSON that is valid UTF-8 whatever the record holds.

    A file name that is not valid UTF-8 reaches Python with surrogates in it; those go out as
    ``\\udcXX`` escapes (``json.loads`` then ``os.fsencode`` give the name's bytes back).
    """
    text = json.dumps(record, ensure_ascii=False, indent=2 if indent else None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(record, ensure_ascii=True, indent=2 if indent else None)
    return text + "\n"


def meta(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Article files (text or HTML) or directories; - reads standard input.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="JSON on stdout; JSON Lines for several files or a crawl."),
    ] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    include_url: IncludeUrlOpt = None,
    exclude_url: ExcludeUrlOpt = None,
    disable: DisableOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    config: ConfigOpt = None,
    encoding: EncodingOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show an article's metadata: title, authors, date, URL, site, language, and more.

    \b
    Examples:
      scrubwarc meta article.txt          # a readable summary
      scrubwarc meta article.txt --json   # one JSON object
      scrubwarc meta corpus/ --json       # JSON Lines, one object per file
      scrubwarc meta page.html --json     # the same fields from an HTML page
      scrubwarc meta crawl.warc.gz --json # JSON Lines, one per article page of a crawl
    """
    from scrubwarc.article import process  # lazy: metadata needs parsers the clean path does not
    from scrubwarc.meta.sites import learn_site_suffixes, read_heads

    paths = paths or []
    if not paths:
        raise fail("no input given", "pass files, directories, or - for standard input")
    conf = setup(config, disable, include, exclude, (*ARTICLE_INCLUDE, *CRAWL_INCLUDE), encoding)
    check_url_patterns(include_url, exclude_url)
    stdin = [str(p) for p in paths] == ["-"]
    several = len(paths) > 1 or any(p.is_dir() or sniff_crawl(p) for p in paths if not stdin)
    run = Run(debug)
    with guard(run, "the lines written so far are complete"):
        sources: list[Path | None] = [None]
        options = conf.options
        crawls: set[Path] = set()
        if not stdin:
            sources = [s.path for s in run.walk(paths, conf)]
            crawls = {p for p in sources if p and sniff_crawl(p)}  # each file sniffed once
            if several:  # a run over many files learns its sites' names first
                learned = learn_site_suffixes(
                    read_heads((p for p in sources if p and p not in crawls), options.encoding)
                )
                options = options._replace(site_names=options.site_names | learned)
        for path in sources:
            if path is not None and path in crawls:
                with run.item(str(path)):
                    _crawl(path, options, include_url, exclude_url, max_bytes, as_json, run)
                continue
            with run.item("<stdin>" if path is None else str(path)):
                data = read_bytes(path, max_bytes) if path else sys.stdin.buffer.read()
                article = process(data, None if path is None else str(path), options)
                if as_json:
                    sys.stdout.write(_json_line(article.metadata.to_dict(), indent=not several))
                else:
                    sys.stdout.write(summary(article.metadata) + ("\n" if several else ""))
    raise Exit(run.exit_code())


def _crawl(
    path: Path,
    options: CleanOptions,
    include_url: list[str] | None,
    exclude_url: list[str] | None,
    max_bytes: int,
    as_json: bool,
    run: Run,
) -> None:
    """One line (or summary) per article page of a crawl; pages with no text are left out."""
    from scrubwarc.crawljobs import crawl_articles  # lazy: warcio

    def report(where: str, reason: str, is_error: bool) -> None:
        if is_error:
            run.error(f"{display_path(where)}: {reason}")
        else:
            status(f"warning: {display_path(where)}: {reason}")

    found = crawl_articles(
        path,
        options=options,
        include_url=include_url or (),
        exclude_url=exclude_url or (),
        max_bytes=max_bytes,
        report=report,
    )
    for item in found:
        if item.article is None:
            if item.error:
                report(f"{path}: offset {item.info.offset}: {item.info.url}", item.error, True)
            continue
        meta = item.article.metadata
        if as_json:
            sys.stdout.write(_json_line(meta.to_dict(), indent=False))
        else:
            sys.stdout.write(summary(meta) + "\n")
