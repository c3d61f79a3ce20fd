"""What ``scrubwarc clean`` does, whichever front end read its flags (the Typer app's
``clean`` command or the lean ``scrubwarc-hook`` that pre-commit runs): one definition."""

import enum
import os
import sys
from pathlib import Path, PurePosixPath

from scrubwarc._tuples import TYPE_CHECKING, NamedTuple
from scrubwarc.clean.model import CleanOptions, CleanResult
from scrubwarc.clean.pipeline import clean_document
from scrubwarc.clean.report import explain, explain_extraction, unified_diff
from scrubwarc.cli.common import (
    Run,
    check_url_patterns,
    count,
    fail,
    guard,
    setup,
    status,
)
from scrubwarc.errors import InputError, OutputError, display_path
from scrubwarc.files import (
    DEFAULT_MAX_BYTES,
    TEXT_INCLUDE,
    Source,
    atomic_write,
    output_path,
    read_source,
)

if TYPE_CHECKING:
    from lxml.html import HtmlElement
from scrubwarc.read.document import Document, read
from scrubwarc.warc.sniff import sniff_crawl

__all__ = ["CleanArgs", "Mode", "run_clean"]


class CleanArgs(NamedTuple):
    """The command line of ``clean``, parsed: one field per flag of ``flags.CLEAN_FLAGS``."""

    paths: list[Path]
    in_place: bool = False
    check: bool = False
    diff: bool = False
    output: Path | None = None
    show_explain: bool = False
    include: list[str] | None = None
    exclude: list[str] | None = None
    include_url: list[str] | None = None
    exclude_url: list[str] | None = None
    disable: list[str] | None = None
    exit_non_zero_on_fix: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    config: Path | None = None
    quiet: bool = False
    encoding: str | None = None
    debug: bool = False


class Mode(enum.Enum):
    STDOUT = "print"
    IN_PLACE = "--in-place"
    CHECK = "--check"
    DIFF = "--diff"
    OUTPUT = "-o"


class Tally:
    """How many files changed or stayed as they were; failures are counted by ``Run``."""

    __slots__ = ("changed", "failed", "quiet", "unchanged", "written")

    def __init__(self, quiet: bool = False) -> None:
        self.changed = self.unchanged = 0
        self.quiet = quiet
        self.failed: list[str] = []  # inside a crawl: each reported by ``Run`` when it ends
        self.written: set[str] = set()  # the crawl pages' text files written in this run

    def note(self, message: str) -> None:
        """A per-file status line, printed as it happens (runs can be millions of files)."""
        if not self.quiet:
            status(message)

    def found(self, mode: Mode, exit_non_zero_on_fix: bool) -> bool:
        """Whether the run found something to report with exit code 1."""
        if mode in (Mode.CHECK, Mode.DIFF):
            return self.changed > 0
        return self.changed > 0 and exit_non_zero_on_fix and mode in (Mode.IN_PLACE, Mode.OUTPUT)


def _pick_mode(in_place: bool, check: bool, diff: bool, output: Path | None) -> Mode:
    chosen = [
        m
        for m, on in (
            (Mode.IN_PLACE, in_place),
            (Mode.CHECK, check),
            (Mode.DIFF, diff),
            (Mode.OUTPUT, output is not None),
        )
        if on
    ]
    if len(chosen) > 1:
        raise fail(f"choose one of {', '.join(m.value for m in chosen)}")
    return chosen[0] if chosen else Mode.STDOUT


class _UrlPatterns(NamedTuple):
    include: tuple[str, ...]
    exclude: tuple[str, ...]


def run_clean(args: CleanArgs) -> int:
    """Clean the files ``args`` names and act on each; the exit code (usage errors raise)."""
    (paths, in_place, check, diff, output, show_explain, include, exclude, include_url,
     exclude_url, disable, exit_non_zero_on_fix, max_bytes, config, quiet, encoding,
     debug) = args  # fmt: skip
    if not paths:
        raise fail("no input given", "pass files, directories, or - for standard input")
    mode = _pick_mode(in_place, check, diff, output)
    if show_explain and mode is Mode.DIFF:
        raise fail("--explain and --diff both print to stdout; choose one")
    conf = setup(config, disable, include, exclude, TEXT_INCLUDE, encoding)
    urls = _UrlPatterns(tuple(include_url or ()), tuple(exclude_url or ()))
    check_url_patterns(urls.include, urls.exclude)
    run = Run(debug)

    stdin = [p for p in paths if str(p) == "-"]
    if stdin:
        if len(paths) > 1 or mode in (Mode.IN_PLACE, Mode.OUTPUT):
            raise fail("- (standard input) must be the only input and cannot be rewritten")
        with guard(run, "nothing was written"):
            code = _run_stdin(mode, conf.options, show_explain, exit_non_zero_on_fix, run)
        return code

    single_file = len(paths) == 1 and not paths[0].is_dir()
    if mode is Mode.STDOUT and not single_file and not show_explain:
        raise fail(
            "several inputs or a directory need a mode",
            "add --in-place, --check, --diff or -o DIR (or pass a single file to print it)",
        )
    tally = Tally(quiet=quiet)
    skip = [output] if output is not None else []
    # Inside the guard: a Ctrl-C held back by the last write arrives here, and must still
    # exit 130 rather than fall through to click's generic "Aborted!".
    with guard(run, "files already written are complete; no file is half-written"):
        for source in run.walk(paths, conf, skip):
            with run.item(str(source.path)):
                _one_file(source, mode, conf.options, output, show_explain, max_bytes, tally, urls)
            for message in tally.failed:
                run.error(message)
            tally.failed.clear()
        # A summary for every run but printing one file's text (stdout holds the data).
        if not quiet and not (single_file and mode is Mode.STDOUT):
            status(_summary(mode, tally, run))
    return run.exit_code(tally.found(mode, exit_non_zero_on_fix))


def _one_file(
    source: Source,
    mode: Mode,
    options: CleanOptions,
    output: Path | None,
    show_explain: bool,
    max_bytes: int,
    tally: Tally,
    urls: _UrlPatterns,
) -> None:
    """Clean one file and act on the result; a failure raises, naming the file."""
    path = source.path
    name = display_path(path)
    if sniff_crawl(path):
        if mode is not Mode.OUTPUT or output is None:
            raise InputError(
                f"a crawl (WARC or ARC) is not rewritten as text; use -o DIR ({mode.value})"
            )
        return _crawl(path, options, output, max_bytes, tally, urls)
    data, info = read_source(path, max_bytes)
    doc = read(data, str(path), options.encoding)
    if doc.kind == "html" and mode in (Mode.IN_PLACE, Mode.CHECK, Mode.DIFF):
        raise InputError(f"an HTML page is not rewritten as text; use -o DIR ({mode.value})")
    result = clean_document(doc, data, options)
    cleaned = _article_text(doc, result).encode("utf-8")
    if show_explain:
        sys.stdout.write(explain(name, result))
        if doc.tree is not None:
            sys.stdout.write(_explain_page(data, doc.tree))
    if mode is Mode.STDOUT and not show_explain:
        sys.stdout.buffer.write(cleaned)
    elif mode is Mode.CHECK and result.changed:
        tally.note(f"would fix {name}")
    elif mode is Mode.DIFF and result.changed:
        sys.stdout.write(unified_diff(name, data, result))
    elif mode is Mode.IN_PLACE and result.changed:
        # Root may write anywhere; anyone else is told, as by an editor, not overruled.
        if not os.access(path, os.W_OK):
            raise InputError("read-only file; not rewritten", str(path))
        atomic_write(path, cleaned, like=info, unchanged=True)
        tally.note(f"fixed {name}")
    elif mode is Mode.OUTPUT:
        assert output is not None
        # An HTML page's cleaned article is text: name it so.
        html = doc.kind == "html"
        relative = source.relative.with_suffix(".txt") if html else source.relative
        target = output_path(output, relative)
        atomic_write(target, cleaned)
    # Counted once the output is written: a file whose write failed counts as failed only.
    if result.changed:
        tally.changed += 1
    else:
        tally.unchanged += 1


_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".php", ".asp", ".aspx")


def _crawl(
    path: Path,
    options: CleanOptions,
    output: Path,
    max_bytes: int,
    tally: Tally,
    urls: _UrlPatterns,
) -> None:
    """The cleaned text of each article page of a crawl, under a path built from its URL."""
    from scrubwarc.crawljobs import crawl_articles  # lazy: warcio
    from scrubwarc.warc.reader import unsafe_reason

    def report(where: str, reason: str, is_error: bool) -> None:
        if is_error:
            tally.failed.append(f"{display_path(where)}: {reason}")
        else:
            tally.note(f"warning: {display_path(where)}: {reason}")

    found = crawl_articles(
        path,
        options=options,
        include_url=urls.include,
        exclude_url=urls.exclude,
        max_bytes=max_bytes,
        report=report,
    )
    for item in found:
        where = f"{path}: offset {item.info.offset}: {item.info.url}"
        if item.article is None:
            if item.error:
                report(where, item.error, True)
            continue
        relative = item.article.metadata.path or ""
        unsafe = unsafe_reason(relative)
        if unsafe is not None:
            report(where, f"{relative}: {unsafe} (not written)", True)
            continue
        stem = relative
        if item.article.kind == "html" and stem.lower().endswith(_PAGE_SUFFIXES):
            stem = stem.rsplit(".", 1)[0]
        name = stem if stem.lower().endswith(".txt") else stem + ".txt"
        text = item.article.text.encode("utf-8")
        try:
            # A page crawled again, or at http and https: its text is written once; another
            # text is kept beside the first, named by its capture's date (and offset).
            first = name
            for name in _names(first, item.info.date, item.info.offset):
                target = output_path(output, PurePosixPath(name))
                if name not in tally.written or _holds(target, text):
                    break
            else:  # the same URL, date and offset in other crawls of this run, other texts
                report(where, f"{first}: its names hold other captures' texts (not written)", True)
                continue
            if name in tally.written:
                tally.unchanged += 1
                continue
            if name != first:
                tally.note(f"{display_path(where)}: {first} holds another capture's text: {name}")
            atomic_write(target, text)
            tally.written.add(name)
        except OutputError as exc:
            report(where, str(exc), True)
            continue
        except OSError as exc:
            # A path the file system cannot hold (a name too long, a file where a folder
            # must go): this page is not written, the crawl's other pages still are.
            report(where, f"{relative}: cannot write: {exc.strerror or exc} (not written)", True)
            continue
        tally.changed += 1


def _holds(path: Path, data: bytes) -> bool:
    """Whether the file at ``path`` holds ``data`` (read only when the sizes agree)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _names(name: str, date: str, offset: int) -> tuple[str, str, str]:
    """Where a crawled page's text goes: ``name``, or when another capture's text took it,
    beside it with the capture's date, then its offset in the crawl, before the suffix.

    >>> _names("a.example/s.txt", "2024-05-02T08:00:00Z", 716)[1:]
    ('a.example/s.20240502080000.txt', 'a.example/s.20240502080000-716.txt')
    """
    stem = name.removesuffix(".txt")
    when = "".join(c for c in date if c.isdigit())[:14] or "undated"
    return name, f"{stem}.{when}.txt", f"{stem}.{when}-{offset}.txt"


def _run_stdin(
    mode: Mode, options: CleanOptions, show_explain: bool, exit_non_zero_on_fix: bool, run: Run
) -> int:
    data = sys.stdin.buffer.read()
    tally = Tally()
    with run.item("<stdin>"):
        doc = read(data, "<stdin>", options.encoding)
        result = clean_document(doc, data, options)
        if show_explain:
            sys.stdout.write(explain("<stdin>", result))
            if doc.tree is not None:
                sys.stdout.write(_explain_page(data, doc.tree))
        elif mode is Mode.DIFF:
            sys.stdout.write(unified_diff("<stdin>", data, result))
        elif mode is Mode.STDOUT:
            sys.stdout.buffer.write(_article_text(doc, result).encode("utf-8"))
        tally.changed, tally.unchanged = int(result.changed), int(not result.changed)
        if mode is Mode.CHECK and result.changed:
            status("would fix <stdin>")
    return run.exit_code(tally.found(mode, exit_non_zero_on_fix))


def _article_text(doc: Document, result: CleanResult) -> str:
    """``article.article_text``, imported for a page only: the pre-commit hook cleans text
    files, and a text article's text is its cleaned text."""
    if doc.tree is None:
        return result.text
    from scrubwarc.article import article_text  # lazy: HTML input only

    return article_text(doc, result)


def _explain_page(data: bytes, tree: "HtmlElement") -> str:
    from scrubwarc.read.html import explain_page  # lazy: HTML input only

    encoding, dropped = explain_page(data, tree)
    return explain_extraction(encoding, dropped)


def _summary(mode: Mode, tally: Tally, run: Run) -> str:
    verb = {Mode.CHECK: "would fix", Mode.DIFF: "would fix", Mode.IN_PLACE: "fixed"}.get(
        mode, "changed"
    )
    failed = run.errors + run.internal
    total = tally.changed + tally.unchanged + failed
    return (
        f"{count(total, 'file')}: {tally.changed:,} {verb}, "
        f"{tally.unchanged:,} unchanged, {failed:,} failed"
    )
