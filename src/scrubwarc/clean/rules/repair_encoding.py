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
_LATIN_HINT = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _codepage_hint(codepage: str, leads: bytes) -> str:
    """The pair a UTF-8 lead byte of ``leads`` and a continuation byte make when read as
    ``codepage``: Cyrillic UTF-8 read as cp1251 starts ``Р``/``С`` (bytes D0, D1), Greek read
    as cp1253 ``Ξ``/``Ο`` (CE, CF); ``в``/``β`` (E2) starts dashes, quotes and the euro.

    Continuations that are letters of the script (``і``, ``ё``, ``Ά``) are left out: real
    Ukrainian has ``ві`` and ``Сі`` on every line, and mojibake shows plenty of the others
    (``Р°`` for ``а``, ``С‚`` for ``т``, ``Ξ±`` for ``α``). ``µ`` stays (``Рµ`` is ``е``).

    >>> bool(re.search(_codepage_hint("cp1251", b"\\xd0\\xd1\\xe2"), "РџСЂРёРІРµС‚"))
    True
    >>> bool(re.search(_codepage_hint("cp1251", b"\\xd0\\xd1\\xe2"), "Сіль від Рёбра"))
    False
    """
    lead = leads.decode(codepage)
    follow = "".join(
        ch
        for ch in bytes(range(0x80, 0xC0)).decode(codepage, errors="ignore")
        if not ch.isalpha() or ch == "µ"
    )
    return f"[{re.escape(lead)}][{re.escape(follow)}]"


# The lead bytes' UTF-8 forms begin with one of these bytes (what the cheap check looks for).
_LEAD_BYTES = (b"\xc3", b"\xd0", b"\xce")
_MOJIBAKE_HINT = "|".join(
    (
        _LATIN_HINT,
        _codepage_hint("cp1251", b"\xd0\xd1\xe2"),  # UTF-8 read as Windows Cyrillic
        _codepage_hint("cp1253", b"\xce\xcf\xe2"),  # UTF-8 read as Windows Greek
    )
)


def _may_hold_mojibake(text: str) -> bool:
    """True if ``text`` may show the mojibake hint; False only when it cannot.

    Every lead character of the hint (U+00C2 to U+00F4; Р С в of cp1251; Ξ Ο β of cp1253) is
    encoded in UTF-8 as 0xC3, 0xD0 or 0xCE and a continuation byte. Encoding and searching for
    those bytes are C passes, about
    a quarter of the hint's own scan, which matters because most articles hold curly quotes
    (not ASCII) and no mojibake, and the rule runs in every pass of the pipeline.

    >>> _may_hold_mojibake("“fine”"), _may_hold_mojibake("itâ€™s"), _may_hold_mojibake("ok")
    (False, True, False)
    """
    if text.isascii():
        return False
    utf8 = text.encode("utf-8", "surrogatepass")
    if not any(lead in utf8 for lead in _LEAD_BYTES):
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
