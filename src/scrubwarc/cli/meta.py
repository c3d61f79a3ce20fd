"""``scrubwarc meta``: an article's metadata, as a readable summary or as JSON (Lines)."""

from __future__ import annotations  # Metadata is imported for type checking only

import json
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from scrubwarc.cli.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    ConfigOpt,
    DebugOpt,
    DisableOpt,
    ExcludeOpt,
    IncludeOpt,
    MaxBytesOpt,
    fail,
    load_options,
    status,
)
from scrubwarc.errors import InputError, ScrubwarcError, display_path
from scrubwarc.files import DEFAULT_MAX_BYTES, read_bytes, walk

if TYPE_CHECKING:
    from scrubwarc.article import Metadata

META_INCLUDE = ("*.txt", "*.text", "*.html", "*.htm")


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
        ("related", "; ".join(meta.related) or None),
        ("tracking", ", ".join(f"{k}={v}" for k, vs in meta.tracking for v in vs) or None),
        ("removed", f"{len(meta.removed)} item(s)" if meta.removed else None),
    ]
    head = f"{display_path(meta.path)}\n" if meta.path else ""
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
        bool, typer.Option("--json", help="JSON on stdout; JSON Lines for several files.")
    ] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    disable: DisableOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Show an article's metadata: title, authors, date, URL, site, language, and more.

    \b
    Examples:
      scrubwarc meta article.txt          # a readable summary
      scrubwarc meta article.txt --json   # one JSON object
      scrubwarc meta corpus/ --json       # JSON Lines, one object per file
      scrubwarc meta page.html --json     # the same fields from an HTML page
    """
    from scrubwarc.article import process  # lazy: metadata needs parsers the clean path does not

    paths = paths or []
    if not paths:
        raise fail("no input given", "pass files, directories, or - for standard input")
    settings, options = load_options(config, disable)
    several = len(paths) > 1 or any(p.is_dir() for p in paths)
    failures = 0
    sources: list[tuple[Path | None, str]]
    if [str(p) for p in paths] == ["-"]:
        sources = [(None, "<stdin>")]
    else:
        errors: list[InputError] = []
        globs = tuple(include or META_INCLUDE)
        found = walk(paths, globs, (*settings.exclude, *(exclude or [])), (), errors)
        sources = [(s.path, str(s.path)) for s in found]
        for err in errors:
            status(f"error: {err}")
        failures += len(errors)
    try:
        for path, name in sources:
            try:
                data = read_bytes(path, max_bytes) if path else sys.stdin.buffer.read()
                article = process(data, None if path is None else name, options)
            except ScrubwarcError as exc:
                failures += 1
                status(f"error: {exc}")
                continue
            except Exception as exc:  # an internal bug must not stop the other files
                failures += 1
                status(
                    f"error: {display_path(name)}: internal error: {type(exc).__name__}: {exc}"
                    " (rerun with --debug)"
                )
                if debug:
                    traceback.print_exc()
                continue
            if as_json:
                sys.stdout.write(_json_line(article.metadata.to_dict(), indent=not several))
            else:
                sys.stdout.write(summary(article.metadata) + ("\n" if several else ""))
    except KeyboardInterrupt:
        status("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # no second error when stdout is flushed
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(EXIT_ERROR if failures else EXIT_OK)
