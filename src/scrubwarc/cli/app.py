"""The ``scrubwarc`` command: a thin Typer layer; each command lives in its own module.

Only the command being run is imported and built: a pre-commit hook that calls ``clean``
on every commit should not pay for importing ``archive`` (warcio) or building its options.
Command modules do without ``from __future__ import annotations``: Typer would evaluate
each annotation string again when it builds the command (about 1 ms of every hook run).
"""

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from scrubwarc._version import __version__

__all__ = ["COMMANDS", "main", "make_app"]

HELP = "Clean scraped news articles, extract their metadata, archive them as WARC."
# Command name -> module defining a function of that name, in the order help lists them.
COMMANDS: dict[str, str] = {
    "clean": "scrubwarc.cli.clean",
    "meta": "scrubwarc.cli.meta",
    "archive": "scrubwarc.cli.archive",
    "wacz": "scrubwarc.cli.archive",
    "verify": "scrubwarc.cli.archive",
    "unpack": "scrubwarc.cli.archive",
    "ls": "scrubwarc.cli.archive",
}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"scrubwarc {__version__}\n")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Clean scraped news articles, extract their metadata, archive them as WARC."""


def make_app(commands: Sequence[str] = tuple(COMMANDS)) -> typer.Typer:
    """The Typer app with ``commands`` registered (all by default)."""
    app = typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        help=HELP,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root)
    for name in commands:
        module = importlib.import_module(COMMANDS[name])
        app.command()(getattr(module, name))
    return app


def wanted(argv: Sequence[str]) -> tuple[str, ...]:
    """The command named first on ``argv`` alone; all of them for help, --version or a typo."""
    if argv and argv[0] in COMMANDS:
        return (argv[0],)
    return tuple(COMMANDS)


def main() -> None:
    """Console-script entry point."""
    from scrubwarc.signals import stop_signals_raise

    # SIGTERM and SIGHUP stop a run as Ctrl-C does: the same cleanup, exit 128 + signal.
    with stop_signals_raise():
        make_app(wanted(sys.argv[1:]))(prog_name="scrubwarc")


def __getattr__(name: str) -> typer.Typer:
    # ``scrubwarc.cli.app`` for tools that want the whole app (typer's docs generator).
    if name == "app":
        return make_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
