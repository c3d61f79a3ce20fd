"""What every command shares: exit codes, settings and inputs, failure reports, one guard.

Exit codes, the same for every command (the README documents them once):

* 0 done, or nothing to do;
* 1 found something: ``--check``/``--diff`` found files that would change, ``verify`` found
  faults (or ``--exit-non-zero-on-fix`` fixed some);
* 2 usage or input errors, reported after every other input was processed;
* 123 an internal error (a bug in scrubwarc), as black uses it;
* 130 interrupted (Ctrl-C); 143 and 129 stopped by SIGTERM and SIGHUP: 128 + the signal.

Data goes to stdout; status, warnings and errors to stderr, one ``error: PATH: reason`` line
per failure.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from scrubwarc._tuples import NamedTuple
from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.pipeline import check_options
from scrubwarc.cli.config import Settings, find_pyproject, load_settings
from scrubwarc.errors import ConfigError, InputError, ScrubwarcError, display_path
from scrubwarc.files import Source, walk
from scrubwarc.signals import Interrupted, exit_code, signal_name

EXIT_OK, EXIT_FOUND, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 123, 130

_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([KMGT]?)(i?B?)\s*", re.IGNORECASE)
_UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}


def size_value(text: str) -> int:
    """Bytes from ``1GB``, ``500MB``, ``64MiB`` or a plain number: one syntax for every size.

    >>> size_value("1GB"), size_value("64MiB"), size_value("2000"), size_value("1.5k")
    (1000000000, 67108864, 2000, 1500)
    """
    m = _SIZE.fullmatch(str(text))
    if m is None or float(m.group(1)) <= 0:
        raise ValueError(f"{text!r} is not a size such as 1GB, 500MB or 64MiB")
    unit = m.group(2).upper()
    scale = 1024 ** " KMGT".index(unit) if m.group(3).lower().startswith("i") else _UNITS[unit]
    return max(1, int(float(m.group(1)) * scale))


def status(message: str) -> None:
    """A status or error line on stderr; stdout is for data."""
    sys.stderr.write(message + "\n")


def count(n: int, noun: str) -> str:
    """``1 article``, ``2,000 articles``: summaries read as sentences, one number format."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class Exit(SystemExit):
    """Leave a command with an exit code, from either front end (the Typer app, the hook)."""

    code: int


def fail(message: str, hint: str | None = None) -> Exit:
    """Report a usage error and return the exit to raise."""
    status(f"error: {message}")
    if hint:
        status(f"hint: {hint}")
    return Exit(EXIT_ERROR)


class Setup(NamedTuple):
    """A command's settings: config file, flags and defaults merged once, validated up front."""

    options: CleanOptions
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    settings: Settings


def setup(
    config: Path | None,
    disable: Sequence[str] | None,
    include: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    default_include: Sequence[str] = (),
    encoding: str | None = None,
) -> Setup:
    """Merge ``[tool.scrubwarc]`` with the command line: flags win, excludes add up."""
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(encoding)
        except LookupError:
            raise fail(f"unknown encoding {encoding!r}", "name a codec such as cp1252") from None
    try:
        settings = (
            load_settings(config)
            if config
            else load_settings(find_pyproject(Path.cwd()), named=False)
        )
        options = CleanOptions(
            disable=frozenset((*settings.disable, *(disable or []))),
            extra_tracking_params=settings.extra_tracking_params,
            extra_boilerplate_prefixes=settings.extra_boilerplate_prefixes,
            encoding=encoding or settings.encoding,
            site_names=frozenset(settings.site_names),
            date_order=settings.date_order,
        )
        check_options(options)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    return Setup(
        options,
        tuple(include or settings.include or default_include),
        (*settings.exclude, *(exclude or [])),
        settings,
    )


class Run:
    """One command's failures, reported as they happen; decides the exit code."""

    __slots__ = ("debug", "errors", "internal")

    def __init__(self, debug: bool = False) -> None:
        self.debug = debug
        self.errors = self.internal = 0

    def error(self, message: str) -> None:
        """One ``error: PATH: reason`` line; the run goes on."""
        self.errors += 1
        status(f"error: {message}")

    def internal_error(self, exc: BaseException, name: str | None = None) -> None:
        """A bug: say so (with the traceback under ``--debug``); the run goes on."""
        self.internal += 1
        where = f"{display_path(name)}: " if name else ""
        hint = "" if self.debug else " (rerun with --debug for the traceback)"
        status(f"error: {where}internal error: {type(exc).__name__}: {exc}{hint}")
        if self.debug:
            import traceback  # lazy: only a bug under --debug needs it (3 ms of every hook)

            traceback.print_exception(exc)

    @contextmanager
    def item(self, name: str) -> Iterator[None]:
        """Process one input: a failure is one line naming it, and the run goes on."""
        try:
            yield
        except (BrokenPipeError, KeyboardInterrupt):
            raise
        except InputError as exc:
            self.error(str(exc) if exc.source else f"{display_path(name)}: {exc}")
        except ScrubwarcError as exc:
            self.error(str(exc))
        except OSError as exc:  # reads fail as InputError: this is a write that failed
            self.error(f"{display_path(name)}: cannot write: {exc.strerror or exc}")
        except Exception as exc:  # a bug must not stop the other inputs
            self.internal_error(exc, name)

    def walk(
        self, paths: Sequence[Path], setup: Setup, skip: Sequence[Path] = ()
    ) -> Iterator[Source]:
        """The inputs under ``paths``, in sorted order; unreadable ones reported at the end."""
        errors: list[InputError] = []
        yield from walk(paths, setup.include, setup.exclude, skip, errors)
        for err in errors:
            self.error(str(err))

    def exit_code(self, found: bool = False) -> int:
        """123 for a bug, else 2 for failed inputs, else 1 if something was found, else 0."""
        if self.internal:
            return EXIT_INTERNAL
        if self.errors:
            return EXIT_ERROR
        return EXIT_FOUND if found else EXIT_OK


@contextmanager
def guard(run: Run, interrupted: str, cleanup: object = None) -> Iterator[None]:
    """Ctrl-C, a closed stdout, an error that ends the run, or a bug: one way for every command.

    ``interrupted`` says what the user keeps after Ctrl-C; ``cleanup`` (a callable) runs
    before any message, e.g. to clear a progress line.
    """
    try:
        yield
    except SystemExit:  # a command's own way out (``Exit``)
        raise
    except BaseException as exc:
        if callable(cleanup):
            cleanup()
        if isinstance(exc, KeyboardInterrupt):  # Ctrl-C, or SIGTERM/SIGHUP as Interrupted
            by = f" by {signal_name(exc.signum)}" if isinstance(exc, Interrupted) else ""
            with contextlib.suppress(OSError):  # after a hang-up the terminal may be gone
                status(f"interrupted{by}: {interrupted}")
            raise Exit(exit_code(exc)) from None
        if isinstance(exc, BrokenPipeError):
            # The reader of stdout went away (``| head``): stop quietly, as other tools do.
            _silence_stdout()
            raise Exit(EXIT_ERROR) from None
        if isinstance(exc, ScrubwarcError):
            raise fail(str(exc)) from None
        if isinstance(exc, OSError):  # disk full, a folder that cannot be created
            name = f"{display_path(exc.filename)}: " if exc.filename else ""
            raise fail(f"{name}{exc.strerror or exc}") from None
        if isinstance(exc, Exception):
            run.internal_error(exc)
            raise Exit(EXIT_INTERNAL) from None
        raise


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def check_url_patterns(*patterns: Sequence[str] | None) -> None:
    """A bad ``--include-url``/``--exclude-url`` is a usage error, found before any work."""
    if any(patterns):
        from scrubwarc.crawljobs import url_patterns  # lazy: warcio, only when patterns are given

        try:
            url_patterns([p for group in patterns for p in group or ()])
        except ConfigError as exc:
            raise fail(str(exc)) from None
