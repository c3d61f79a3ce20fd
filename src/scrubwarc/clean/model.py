"""Values that travel through the cleaning pipeline: options, removals and results.

Named tuples, not dataclasses: building a dataclass costs the pre-commit hook about 0.3 ms
of start-up each, and articles carry many removals, built, pickled and kept at tuple cost.
"""

from __future__ import annotations

from bisect import bisect_right

from scrubwarc._tuples import NamedTuple

__all__ = ["CleanOptions", "CleanResult", "LineIndex", "Removal", "RuleOutput"]


class Removal(NamedTuple):
    """One thing a rule took out of the text, so nothing is lost: it moves to metadata.

    ``line`` and ``column`` are 1-based positions in the text as that rule received it.
    ``replacement`` is what took its place (``""`` for a pure removal).
    """

    rule: str
    text: str
    line: int
    column: int
    replacement: str = ""


RuleOutput = tuple[str, tuple[Removal, ...]]


class CleanOptions(NamedTuple):
    """What a user can configure, on the command line or in ``[tool.scrubwarc]``.

    ``extra_tracking_params`` holds names or ``*`` globs (``pk_*``) added to the built-in
    tracking list; ``extra_boilerplate_prefixes`` holds labels like ``"More from us"``.
    ``encoding`` states the encoding of input files (else it is detected); ``site_names``
    are names a title may end with (`` | Site``); ``date_order`` reads slashed numeric
    dates such as ``04/05/2016``: ``"month-first"`` or ``"day-first"``; None, as the text's
    language writes them (day first but in English).
    """

    disable: frozenset[str] = frozenset()
    extra_tracking_params: tuple[str, ...] = ()
    extra_boilerplate_prefixes: tuple[str, ...] = ()
    encoding: str | None = None
    site_names: frozenset[str] = frozenset()
    date_order: str | None = None


class CleanResult(NamedTuple):
    """The cleaned text, the rules that changed it (in order) and what each removed."""

    text: str
    fired: tuple[str, ...]
    removals: tuple[Removal, ...]
    encoding: str | None = None
    changed: bool = False
    encoding_confidence: float | None = None


class LineIndex:
    """Offsets to 1-based (line, column), built once per text, only when a rule removes."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def removal(self, rule: str, text: str, offset: int, replacement: str = "") -> Removal:
        line, column = self.position(offset)
        return Removal(rule, text, line, column, replacement)
