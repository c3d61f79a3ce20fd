"""``scrubwarc clean``: clean article files in place, to a directory, or to stdout."""

import enum
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from scrubwarc.clean.model import CleanOptions, CleanResult
from scrubwarc.clean.report import explain, unified_diff
from scrubwarc.cli.common import (
    EXIT_CHANGES,
    EXIT_ERROR,
    EXIT_OK,
    ConfigOpt,
    DebugOpt,
    DisableOpt,
    ExcludeOpt,
    IncludeOpt,
    MaxBytesOpt,
    QuietOpt,
    count,
    fail,
    interrupted,
    load_options,
    status,
)
from scrubwarc.errors import InputError, ScrubwarcError, display_path
from scrubwarc.files import (
    DEFAULT_INCLUDE,
    DEFAULT_MAX_BYTES,
    Source,
    atomic_write,
    read_source,
    walk,
)
from scrubwarc.read.document import clean_document, is_html


class Mode(enum.Enum):
    STDOUT = "print"
    IN_PLACE = "--in-place"
    CHECK = "--check"
    DIFF = "--diff"
    OUTPUT = "-o"


class Tally:
    """What happened to the files of one run; decides the exit code."""

    __slots__ = ("changed", "errors", "quiet", "unchanged")

    def __init__(self, quiet: bool = False) -> None:
        self.changed = self.unchanged = self.errors = 0
        self.quiet = quiet

    def note(self, message: str) -> None:
        """A per-file status line, printed as it happens (runs can be millions of files)."""
        if not self.quiet:
            status(message)

    def exit_code(self, mode: Mode, exit_non_zero_on_fix: bool) -> int:
        if self.errors:
            return EXIT_ERROR
        if self.changed and mode in (Mode.CHECK, Mode.DIFF):
            return EXIT_CHANGES
        if self.changed and exit_non_zero_on_fix and mode in (Mode.IN_PLACE, Mode.OUTPUT):
            return EXIT_CHANGES
        return EXIT_OK


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


def clean(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or directories to clean; - reads standard input.", show_default=False
        ),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", "-i", help="Rewrite files that change, atomically.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option("--check", help="Write nothing; list files that would change; exit 1 if any."),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff of the changes; exit 1 if any.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write cleaned copies here, mirroring the input tree.",
            show_default=False,
        ),
    ] = None,
    show_explain: Annotated[
        bool,
        typer.Option("--explain", help="Show which rules fired and exactly what each removed."),
    ] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    disable: DisableOpt = None,
    exit_non_zero_on_fix: Annotated[
        bool,
        typer.Option("--exit-non-zero-on-fix", help="Exit 1 when --in-place or -o changed a file."),
    ] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Clean scraped article text: one headline, no tracking residue, tidy whitespace.

    \b
    Examples:
      scrubwarc clean article.txt            # cleaned text on stdout
      cat article.txt | scrubwarc clean -
      scrubwarc clean --in-place corpus/     # rewrite files that change
      scrubwarc clean --check corpus/        # exit 1 if any file would change
      scrubwarc clean --explain article.txt  # what each rule removed
      scrubwarc clean -o cleaned/ corpus/    # cleaned copies, mirroring the tree
    """
    paths = paths or []
    if not paths:
        raise fail("no input given", "pass files, directories, or - for standard input")
    mode = _pick_mode(in_place, check, diff, output)
    if show_explain and mode is Mode.DIFF:
        raise fail("--explain and --diff both print to stdout; choose one")
    settings, options = load_options(config, disable)

    stdin = [p for p in paths if str(p) == "-"]
    if stdin:
        if len(paths) > 1 or mode in (Mode.IN_PLACE, Mode.OUTPUT):
            raise fail("- (standard input) must be the only input and cannot be rewritten")
        raise typer.Exit(_run_stdin(mode, options, show_explain, exit_non_zero_on_fix))

    single_file = len(paths) == 1 and not paths[0].is_dir()
    if mode is Mode.STDOUT and not single_file and not show_explain:
        raise fail(
            "several inputs or a directory need a mode",
            "add --in-place, --check, --diff or -o DIR (or pass a single file to print it)",
        )
    globs = tuple(include or settings.include or DEFAULT_INCLUDE)
    errors: list[InputError] = []
    tally = Tally(quiet=quiet)
    skip = [output] if output is not None else []
    try:
        for source in walk(paths, globs, (*settings.exclude, *(exclude or [])), skip, errors):
            _one_file(source, mode, options, output, show_explain, max_bytes, tally, debug)
        # Inside the try: a Ctrl-C held back by the last write arrives here, and must still
        # exit 130 rather than fall through to click's generic "Aborted!".
        for err in errors:
            status(f"error: {err}")
        tally.errors += len(errors)
        if not quiet and not single_file:
            status(_summary(mode, tally))
    except KeyboardInterrupt as exc:
        raise interrupted(
            exc, "files already written are complete; no file is half-written"
        ) from None
    except BrokenPipeError:
        # The reader of stdout went away (``| head``): stop quietly, as other tools do.
        _silence_stdout()
        raise typer.Exit(EXIT_ERROR) from None
    raise typer.Exit(tally.exit_code(mode, exit_non_zero_on_fix))


def _one_file(
    source: Source,
    mode: Mode,
    options: CleanOptions,
    output: Path | None,
    show_explain: bool,
    max_bytes: int,
    tally: Tally,
    debug: bool,
) -> None:
    """Clean one file and act on the result; failures are counted, never raised."""
    path = source.path
    name = display_path(path)
    try:
        data, info = read_source(path, max_bytes)
        html = is_html(data, path.name)
        if html and mode in (Mode.IN_PLACE, Mode.CHECK, Mode.DIFF):
            raise InputError(f"an HTML page is not rewritten as text; use -o DIR ({mode.value})")
        result = clean_document(data, options, source=str(path))
        cleaned = result.text.encode("utf-8")
        if show_explain:
            sys.stdout.write(explain(name, result))
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
            target = output / (source.relative.with_suffix(".txt") if html else source.relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, cleaned)
        # Counted once the output is written: a file whose write failed counts as failed only.
        if result.changed:
            tally.changed += 1
        else:
            tally.unchanged += 1
    except BrokenPipeError:
        raise
    except ScrubwarcError as exc:
        tally.errors += 1
        status(f"error: {exc}")
    except OSError as exc:
        tally.errors += 1
        status(f"error: {name}: cannot write: {exc.strerror or exc}")
    except Exception as exc:  # an internal bug must not stop the other files
        tally.errors += 1
        status(f"error: {name}: internal error: {type(exc).__name__}: {exc} (rerun with --debug)")
        if debug:
            traceback.print_exc()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _run_stdin(
    mode: Mode, options: CleanOptions, show_explain: bool, exit_non_zero_on_fix: bool
) -> int:
    data = sys.stdin.buffer.read()
    try:
        result: CleanResult = clean_document(data, options, source="<stdin>")
    except ScrubwarcError as exc:
        status(f"error: {exc}")
        return EXIT_ERROR
    if show_explain:
        sys.stdout.write(explain("<stdin>", result))
    elif mode is Mode.DIFF:
        sys.stdout.write(unified_diff("<stdin>", data, result))
    elif mode is Mode.STDOUT:
        sys.stdout.buffer.write(result.text.encode("utf-8"))
    tally = Tally()
    tally.changed, tally.unchanged = int(result.changed), int(not result.changed)
    if mode is Mode.CHECK and result.changed:
        status("would fix <stdin>")
    return tally.exit_code(mode, exit_non_zero_on_fix)


def _summary(mode: Mode, tally: Tally) -> str:
    verb = {Mode.CHECK: "would fix", Mode.DIFF: "would fix", Mode.IN_PLACE: "fixed"}.get(
        mode, "changed"
    )
    total = tally.changed + tally.unchanged + tally.errors
    return (
        f"{count(total, 'file')}: {tally.changed} {verb}, "
        f"{tally.unchanged} unchanged, {tally.errors} failed"
    )
