"""Command-line flags as data: one definition for the Typer app and the lean pre-commit hook.

``options`` turns each into a Typer option; ``hook`` into an argparse argument. Neither the
names nor the help texts are written twice, so the two front ends cannot drift apart.
"""

from __future__ import annotations

from scrubwarc._tuples import TYPE_CHECKING, NamedTuple
from scrubwarc.clean.pipeline import rule_names

if TYPE_CHECKING:
    from typing import Literal

__all__ = [
    "CLEAN_FLAGS",
    "CLEAN_PATHS_HELP",
    "CONFIG",
    "DEBUG",
    "DISABLE",
    "ENCODING",
    "EXCLUDE",
    "EXCLUDE_URL",
    "INCLUDE",
    "INCLUDE_URL",
    "MAX_BYTES",
    "QUIET",
    "Flag",
]


class Flag(NamedTuple):
    """A flag: its names, its help, whether it is a switch or repeats, what its value is."""

    names: tuple[str, ...]
    help: str
    switch: bool = False  # takes no value
    repeat: bool = False  # may be given many times, each value kept
    metavar: str | None = None
    value: Literal["text", "path", "size"] = "text"  # a size: 64MiB, 100MB, 2000


INCLUDE = Flag(("--include",), "Glob of files to take from directories (repeatable).", repeat=True)
EXCLUDE = Flag(("--exclude",), "Glob of files or folders to leave out (repeatable).", repeat=True)
DISABLE = Flag(
    ("--disable",), f"Switch a rule off (repeatable): {', '.join(rule_names())}.", repeat=True
)
INCLUDE_URL = Flag(
    ("--include-url",),
    "From crawls, only pages whose URL matches this regular expression (repeatable).",
    repeat=True,
)
EXCLUDE_URL = Flag(
    ("--exclude-url",),
    "From crawls, leave out pages whose URL matches this regular expression (repeatable).",
    repeat=True,
)
MAX_BYTES = Flag(
    ("--max-bytes",),
    "Refuse input files larger than this (64MiB, 100MB, 2000). [default: 64MiB]",
    value="size",
)
CONFIG = Flag(
    ("--config",), "pyproject.toml to read [tool.scrubwarc] from. [default: nearest]", value="path"
)
ENCODING = Flag(
    ("--encoding",),
    "Read input files in this encoding (cp1252, utf-8, ...). [default: detected]",
    metavar="NAME",
)
QUIET = Flag(("--quiet", "-q"), "Print errors only.", switch=True)
DEBUG = Flag(("--debug",), "Show tracebacks of internal errors.", switch=True)

CLEAN_PATHS_HELP = "Files or directories to clean; - reads standard input."
# ``scrubwarc clean``'s flags by parameter name, in the order its help lists them.
CLEAN_FLAGS: dict[str, Flag] = {
    "in_place": Flag(("--in-place", "-i"), "Rewrite files that change, atomically.", switch=True),
    "check": Flag(
        ("--check",), "Write nothing; list files that would change; exit 1 if any.", switch=True
    ),
    "diff": Flag(("--diff",), "Print a unified diff of the changes; exit 1 if any.", switch=True),
    "output": Flag(
        ("--output", "-o"), "Write cleaned copies here, mirroring the input tree.", value="path"
    ),
    "show_explain": Flag(
        ("--explain",), "Show which rules fired and exactly what each removed.", switch=True
    ),
    "include": INCLUDE,
    "exclude": EXCLUDE,
    "include_url": INCLUDE_URL,
    "exclude_url": EXCLUDE_URL,
    "disable": DISABLE,
    "exit_non_zero_on_fix": Flag(
        ("--exit-non-zero-on-fix",), "Exit 1 when --in-place or -o changed a file.", switch=True
    ),
    "max_bytes": MAX_BYTES,
    "config": CONFIG,
    "quiet": QUIET,
    "encoding": ENCODING,
    "debug": DEBUG,
}
