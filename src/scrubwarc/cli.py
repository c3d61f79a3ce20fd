"""The ``scrubwarc`` command: a thin Typer layer; each command lives in its own module."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from . import __version__
from .cli_archive import archive, ls, unpack, verify
from .cli_clean import clean
from .cli_meta import meta

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Clean scraped news articles, extract their metadata, archive them as WARC.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command()(clean)
app.command()(meta)
app.command()(archive)
app.command()(verify)
app.command()(unpack)
app.command()(ls)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"scrubwarc {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Clean scraped news articles, extract their metadata, archive them as WARC."""


def main() -> None:
    """Console-script entry point."""
    app(prog_name="scrubwarc")
