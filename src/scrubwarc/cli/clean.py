"""``scrubwarc clean``: clean article files in place, to a directory, or to stdout.

The Typer signature only; what the command does is ``cleaning.run_clean``, shared with the
lean pre-commit entry point (``hook``).
"""

from pathlib import Path
from typing import Annotated

import typer

from scrubwarc.cli.cleaning import CleanArgs, run_clean
from scrubwarc.cli.common import Exit
from scrubwarc.cli.flags import CLEAN_FLAGS, CLEAN_PATHS_HELP
from scrubwarc.cli.options import (
    ConfigOpt,
    DebugOpt,
    DisableOpt,
    EncodingOpt,
    ExcludeOpt,
    ExcludeUrlOpt,
    IncludeOpt,
    IncludeUrlOpt,
    MaxBytesOpt,
    QuietOpt,
    option,
)
from scrubwarc.files import DEFAULT_MAX_BYTES

F = CLEAN_FLAGS


def clean(
    paths: Annotated[
        list[Path] | None, typer.Argument(help=CLEAN_PATHS_HELP, show_default=False)
    ] = None,
    in_place: Annotated[bool, option(F["in_place"])] = False,
    check: Annotated[bool, option(F["check"])] = False,
    diff: Annotated[bool, option(F["diff"])] = False,
    output: Annotated[Path | None, option(F["output"])] = None,
    show_explain: Annotated[bool, option(F["show_explain"])] = False,
    include: IncludeOpt = None,
    exclude: ExcludeOpt = None,
    include_url: IncludeUrlOpt = None,
    exclude_url: ExcludeUrlOpt = None,
    disable: DisableOpt = None,
    exit_non_zero_on_fix: Annotated[bool, option(F["exit_non_zero_on_fix"])] = False,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    encoding: EncodingOpt = None,
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
      scrubwarc clean -o cleaned/ crawl.warc.gz  # a crawl's articles, as HOST/PATH.txt
    """
    args = CleanArgs(paths or [], in_place, check, diff, output, show_explain, include,
                     exclude, include_url, exclude_url, disable, exit_non_zero_on_fix,
                     max_bytes, config, quiet, encoding, debug)  # fmt: skip
    raise Exit(run_clean(args))
