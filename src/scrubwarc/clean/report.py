"""Human-readable renderings of a cleaning result: the explanation and the diff."""

from __future__ import annotations

from collections.abc import Iterable

from scrubwarc.clean.model import CleanResult

__all__ = ["explain", "explain_extraction", "unified_diff"]

_SHOWN = 120  # characters of removed text shown per line; the JSON output carries it all


def _clip(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 1] + "…"


def explain(name: str, result: CleanResult) -> str:
    """Which rules fired and what each removed, in pipeline order.

    >>> from scrubwarc import clean_text
    >>> print(explain("a.txt", clean_text("Hi\\n\\nHi\\n")), end="")
    a.txt (1 removal)
      headline      3:1     removed 'Hi'
    """
    encoding = f", read as {result.encoding}" if result.encoding else ""
    count = len(result.removals)
    lines = [f"{name} ({count} removal{'s' if count != 1 else ''}{encoding})"]
    if not result.fired:
        lines.append("  no rule fired")
    reported = {r.rule for r in result.removals}
    for rule in result.fired:
        if rule not in reported:
            lines.append(f"  {rule:<13} tidied")
    for r in result.removals:
        where = f"{r.line}:{r.column}"
        action = (
            f"replaced {_clip(r.text)} with {_clip(r.replacement)}"
            if r.replacement
            else f"removed {_clip(r.text)}"
        )
        lines.append(f"  {r.rule:<13} {where:<7} {action}")
    return "\n".join(lines) + "\n"


def explain_extraction(encoding: str, dropped: Iterable[tuple[str, str]]) -> str:
    """What reading an HTML page decided: its encoding, and each block left out, with why.

    >>> print(explain_extraction("utf-8 (declared)", [("Share this", "class/id 'share'")]), end="")
      page read as utf-8 (declared)
      dropped       class/id 'share'          'Share this'
    """
    lines = [f"  page read as {encoding}"]
    lines.extend(f"  dropped       {reason:<25} {_clip(text)}" for text, reason in dropped)
    return "\n".join(lines) + "\n"


def unified_diff(name: str, original: bytes, result: CleanResult) -> str:
    """A unified diff from the original (as decoded) to the cleaned text."""
    import difflib  # lazy: only --diff needs it

    before = original.decode(result.encoding or "utf-8", "replace").splitlines(keepends=True)
    after = result.text.splitlines(keepends=True)
    text = "".join(difflib.unified_diff(before, after, name, name))
    if not text and result.changed:
        # Only the bytes changed (encoding or a missing final newline): say so in diff form.
        text = f"--- {name}\n+++ {name}\n# re-encoded from {result.encoding} to utf-8\n"
    return text
