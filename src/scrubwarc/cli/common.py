"""Shared pieces of the command-line layer: messages, exit codes, settings, common options.

Exit codes: 0 done (or nothing to do), 1 ``--check``/``--diff`` found changes (or
``--exit-non-zero-on-fix`` fixed some), 2 usage or input errors, after every other file
was processed. Data goes to stdout; status, warnings and errors to stderr.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.pipeline import check_options, rule_names
from scrubwarc.cli.config import Settings, find_pyproject, load_settings
from scrubwarc.errors import ConfigError
from scrubwarc.signals import exit_code, signal_name

EXIT_OK, EXIT_CHANGES, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

IncludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--include",
        help="Glob of files to take from directories (repeatable).",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude", help="Glob of files or folders to leave out (repeatable).", show_default=False
    ),
]
DisableOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--disable",
        help=f"Switch a rule off (repeatable): {', '.join(rule_names())}.",
        show_default=False,
    ),
]
MaxBytesOpt = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="pyproject.toml to read [tool.scrubwarc] from. [default: nearest]",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]


def status(message: str) -> None:
    """A status or error line on stderr; stdout is for data."""
    sys.stderr.write(message + "\n")


def count(n: int, noun: str) -> str:
    """``1 article``, ``2 articles``: summaries read as sentences."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def fail(message: str, hint: str | None = None) -> typer.Exit:
    """Report a usage error and return the exit to raise."""
    status(f"error: {message}")
    if hint:
        status(f"hint: {hint}")
    return typer.Exit(EXIT_ERROR)


def interrupted(exc: KeyboardInterrupt, keeps: str | None = None) -> typer.Exit:
    """Report a stop (Ctrl-C, SIGTERM, SIGHUP) in one line; the exit to raise: 128 + signal.

    ``keeps`` says what the user keeps.
    """
    by = f" by {signal_name(exc.signum)}" if hasattr(exc, "signum") else ""
    with contextlib.suppress(OSError):  # after a hang-up the terminal may be gone
        status(f"interrupted{by}" + (f": {keeps}" if keeps else ""))
    return typer.Exit(exit_code(exc))


def load_options(config: Path | None, disable: list[str] | None) -> tuple[Settings, CleanOptions]:
    """Settings from pyproject.toml merged with the command line, validated up front."""
    try:
        settings = load_settings(config if config else find_pyproject(Path.cwd()))
        options = CleanOptions(
            disable=frozenset((*settings.disable, *(disable or []))),
            extra_tracking_params=settings.extra_tracking_params,
            extra_boilerplate_prefixes=settings.extra_boilerplate_prefixes,
        )
        check_options(options)
    except ConfigError as exc:
        raise fail(str(exc)) from None
    return settings, options
