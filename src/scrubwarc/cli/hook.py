"""``scrubwarc-hook``: ``scrubwarc clean`` for pre-commit, without the Typer app's start-up.

pre-commit starts the hook on every commit, and importing and building a Typer app costs
several times what cleaning a few files does. This entry point reads the same flags (from
``flags.CLEAN_FLAGS``) with argparse and runs the same ``cleaning.run_clean``: the same
output and exit codes as ``scrubwarc clean``. Only a malformed command line (an unknown
flag, a missing value) is worded by argparse rather than by Typer, with the same exit code 2.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from scrubwarc.cli.cleaning import CleanArgs, run_clean
from scrubwarc.cli.common import EXIT_ERROR, Exit, size_value
from scrubwarc.cli.flags import CLEAN_FLAGS, CLEAN_PATHS_HELP
from scrubwarc.signals import stop_signals_raise

__all__ = ["main", "parser"]

PROG = "scrubwarc-hook"


def _size(text: str) -> int:
    try:
        return size_value(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_VALUES: dict[str, Callable[[str], object]] = {"text": str, "path": Path, "size": _size}


def parser() -> argparse.ArgumentParser:
    """The command line of ``scrubwarc clean``, as argparse reads it."""
    found = argparse.ArgumentParser(
        prog=PROG,
        description="Clean scraped article text, as `scrubwarc clean` does (for pre-commit).",
        allow_abbrev=False,  # Typer takes only whole flag names
    )
    found.add_argument("paths", nargs="*", type=Path, help=CLEAN_PATHS_HELP)
    for dest, flag in CLEAN_FLAGS.items():
        if flag.switch:
            found.add_argument(*flag.names, dest=dest, action="store_true", help=flag.help)
        elif flag.repeat:
            found.add_argument(*flag.names, dest=dest, action="append", help=flag.help)
        else:
            found.add_argument(
                *flag.names,
                dest=dest,
                type=_VALUES[flag.value],
                metavar=flag.metavar,
                help=flag.help,
            )
    defaults = CleanArgs([])._asdict()
    found.set_defaults(**{dest: defaults[dest] for dest in CLEAN_FLAGS})
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point: clean as ``scrubwarc clean`` would; the exit code."""
    try:
        with stop_signals_raise():
            args = parser().parse_intermixed_args(sys.argv[1:] if argv is None else list(argv))
            return run_clean(CleanArgs(**vars(args)))
    except Exit as exc:
        return exc.code
    except SystemExit as exc:  # argparse on a malformed command line, or --help
        return EXIT_ERROR if exc.code else 0


if __name__ == "__main__":
    sys.exit(main())
