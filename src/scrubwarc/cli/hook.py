"""``scrubwarc-hook``: ``scrubwarc clean`` for pre-commit, without the Typer app's start-up.

pre-commit starts the hook on every commit, and importing and building a Typer app costs
several times what cleaning a few files does. This entry point reads the same flags (from
``flags.CLEAN_FLAGS``) and runs the same ``cleaning.run_clean``: the same output and exit
codes as ``scrubwarc clean``. Only a malformed command line (an unknown flag, a missing
value) is worded by argparse rather than by Typer, with the same exit code 2.

The command lines pre-commit passes (whole flag names, then paths) are read by
:func:`plain_args`; argparse, whose import and parser cost the hook about as much as
cleaning its files, is loaded only for the rest: ``--help``, and lines to refuse or to word
an error for. :func:`plain_args` reads a line only when argparse would read it the same way
(``tests/cli/test_hook.py`` compares the two on generated lines).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from scrubwarc._tuples import TYPE_CHECKING
from scrubwarc.cli.cleaning import CleanArgs, run_clean
from scrubwarc.cli.common import EXIT_ERROR, Exit, size_value
from scrubwarc.cli.flags import CLEAN_FLAGS, CLEAN_PATHS_HELP, Flag
from scrubwarc.signals import stop_signals_raise

if TYPE_CHECKING:
    import argparse
    from typing import Any

__all__ = ["main", "parser", "plain_args"]

PROG = "scrubwarc-hook"

# A flag's value from its text; ValueError for a value that argparse would refuse.
_VALUES: dict[str, Callable[[str], object]] = {"text": str, "path": Path, "size": size_value}
# Each name a flag is given by (``--in-place``, ``-i``), with its parameter name.
_NAMES: dict[str, tuple[str, Flag]] = {
    name: (dest, flag) for dest, flag in CLEAN_FLAGS.items() for name in flag.names
}


def plain_args(argv: Sequence[str]) -> CleanArgs | None:
    """``argv`` read as argparse reads it, or None unless it is a plain command line.

    Plain: words that do not start with ``-`` (or are ``-``, standard input) are paths;
    the others are whole flag names, with a value after ``=`` or in the next word (one that
    does not start with ``-``) for a flag that takes one. Anything else (``--help``,
    ``--``, an unknown or abbreviated flag, ``-iq``, a value missing or refused) is None.

    >>> plain_args(["--check", "a.txt", "--disable", "headline", "b.txt"]).disable
    ['headline']
    >>> plain_args(["--check", "--help"]) is None
    True
    """
    paths: list[Path] = []
    found: dict[str, Any] = {}  # CleanArgs fields, each of its own type
    words = iter(argv)
    for word in words:
        if word == "-" or not word.startswith("-"):
            paths.append(Path(word))
            continue
        name, equals, value = word.partition("=")
        known = _NAMES.get(name)
        if known is None:
            return None
        dest, flag = known
        if flag.switch:
            if equals:
                return None
            found[dest] = True
            continue
        if not equals:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        if flag.repeat:
            repeated = found.setdefault(dest, [])
            assert isinstance(repeated, list)
            repeated.append(value)
            continue
        try:
            found[dest] = _VALUES[flag.value](value)
        except ValueError:
            return None
    return CleanArgs(paths)._replace(**found)


def parser() -> argparse.ArgumentParser:
    """The command line of ``scrubwarc clean``, as argparse reads it."""
    import argparse  # lazy: only for --help and the lines plain_args leaves to it

    def size(text: str) -> int:
        try:
            return size_value(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

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
                type=size if flag.value == "size" else _VALUES[flag.value],
                metavar=flag.metavar,
                help=flag.help,
            )
    defaults = CleanArgs([])._asdict()
    found.set_defaults(**{dest: defaults[dest] for dest in CLEAN_FLAGS})
    return found


def parse(argv: Sequence[str]) -> CleanArgs:
    """The command line read: by :func:`plain_args`, else by argparse (which may exit)."""
    plain = plain_args(argv)
    if plain is not None:
        return plain
    return CleanArgs(**vars(parser().parse_intermixed_args(argv)))


def main(argv: Sequence[str] | None = None) -> int:
    """Console-script entry point: clean as ``scrubwarc clean`` would; the exit code."""
    try:
        with stop_signals_raise():
            return run_clean(parse(sys.argv[1:] if argv is None else list(argv)))
    except Exit as exc:
        return exc.code
    except SystemExit as exc:  # argparse on a malformed command line, or --help
        return EXIT_ERROR if exc.code else 0


if __name__ == "__main__":
    sys.exit(main())
