"""The ``repair-encoding`` rule: mojibake (``itâ€™s``) back to the text that was meant."""

from __future__ import annotations

import re

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.model import CleanOptions, Removal, RuleOutput

__all__ = ["repair_encoding"]

# A UTF-8 lead byte read as cp1252/latin-1 (Â..ô) followed by a continuation byte read the
# same way. Clean text almost never has this pair, so ftfy (about 45 ms to import) is only
# loaded for text that shows it, and the pre-commit hook stays fast.
# Compiled on first use (re caches it), so all-ASCII texts never pay for it.
_MOJIBAKE_HINT = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _may_hold_mojibake(text: str) -> bool:
    """True if ``text`` may show the mojibake hint; False only when it cannot.

    Every lead character of the hint (U+00C2 to U+00F4) is encoded in UTF-8 as the byte
    0xC3 and a continuation byte. Encoding and searching for that byte are C passes, about
    a quarter of the hint's own scan, which matters because most articles hold curly quotes
    (not ASCII) and no mojibake, and the rule runs in every pass of the pipeline.

    >>> _may_hold_mojibake("“fine”"), _may_hold_mojibake("itâ€™s"), _may_hold_mojibake("ok")
    (False, True, False)
    """
    if text.isascii() or b"\xc3" not in text.encode("utf-8", "surrogatepass"):
        return False
    return re.search(_MOJIBAKE_HINT, text) is not None


def repair_encoding(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Repair text that was decoded with the wrong encoding, line by line.

    Curly quotes are kept: ftfy's ``fix_encoding`` repairs mojibake and nothing else;
    mojibake quoted in a code span or block stays as written.

    >>> repair_encoding("itâ€™s “fine”\\n")[0]
    'it’s “fine”\\n'
    >>> repair_encoding("`Ã©` shows where cafÃ© went wrong\\n")[0]
    '`Ã©` shows where café went wrong\\n'
    """
    if not _may_hold_mojibake(text):
        return text, ()
    import ftfy  # lazy: see _MOJIBAKE_HINT

    lines = text.split("\n")
    removals: list[Removal] = []
    spans = CodeSpans(text)  # found only if a line asks
    offset = 0
    for i, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        if re.search(_MOJIBAKE_HINT, line) is None:
            continue
        # A code sample quotes mojibake as its author typed it (`Ã©`): only the rest is fixed.
        fixed, end = "", start
        for a, b in spans.outside(start, start + len(line)):
            fixed += text[end:a] + ftfy.fix_encoding(text[a:b])
            end = b
        fixed += text[end : start + len(line)]
        if fixed != line:
            removals.append(Removal("repair-encoding", line, i + 1, 1, fixed))
            lines[i] = fixed
    if not removals:
        return text, ()
    return "\n".join(lines), tuple(removals)
