"""The shared flags (``flags``) as Typer options, for the commands' signatures."""

from pathlib import Path
from typing import Annotated, Any

import typer

from scrubwarc.cli import flags
from scrubwarc.cli.common import size_value
from scrubwarc.cli.flags import Flag

__all__ = [
    "ConfigOpt",
    "DebugOpt",
    "DisableOpt",
    "EncodingOpt",
    "ExcludeOpt",
    "ExcludeUrlOpt",
    "IncludeOpt",
    "IncludeUrlOpt",
    "MaxBytesOpt",
    "QuietOpt",
    "option",
    "parse_size",
]


def option(flag: Flag) -> Any:
    """The Typer option for ``flag``; a flag with a value shows no default (help says it)."""
    first, *more = flag.names
    parser = parse_size if flag.value == "size" else None
    return typer.Option(
        first, *more, help=flag.help, show_default=flag.switch, metavar=flag.metavar, parser=parser
    )


def parse_size(text: str) -> int:
    """A size flag's value (``size_value``), a bad one reported as Typer reports values."""
    try:
        return size_value(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


IncludeOpt = Annotated[list[str] | None, option(flags.INCLUDE)]
ExcludeOpt = Annotated[list[str] | None, option(flags.EXCLUDE)]
DisableOpt = Annotated[list[str] | None, option(flags.DISABLE)]
IncludeUrlOpt = Annotated[list[str] | None, option(flags.INCLUDE_URL)]
ExcludeUrlOpt = Annotated[list[str] | None, option(flags.EXCLUDE_URL)]
MaxBytesOpt = Annotated[int, option(flags.MAX_BYTES)]
ConfigOpt = Annotated[Path | None, option(flags.CONFIG)]
EncodingOpt = Annotated[str | None, option(flags.ENCODING)]
QuietOpt = Annotated[bool, option(flags.QUIET)]
DebugOpt = Annotated[bool, option(flags.DEBUG)]
