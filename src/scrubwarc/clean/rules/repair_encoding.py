"""The ``repair-encoding`` rule: mojibake (``itâ€™s``) back to the text that was meant."""

from __future__ import annotations

import re
from collections.abc import Callable

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


# A no-break space (UTF-8 C2 A0) read as cp1252 is ``Â`` and a no-break space. Once the space has
# become a plain one, or was stripped at the end of a line, ftfy has no pair left to repair and
# ``Â`` stays glued to the word, figure or stop before it (``cats.Â``, ``5%Â of``, ``Â Â``
# for a run of them). A run of them goes when it follows a character that is neither a space
# nor a capital (a word in capitals may end in ``Â``: Turkish ``HÂLÂ``), or when it ends its
# line.
_LONE_A0 = re.compile(r"Â(?:[ \t]*+Â)*+(?=[ \t]|$)", re.MULTILINE)
_LINE_END = re.compile(r"[ \t]*+$", re.MULTILINE)


def _drop_lone_a0(text: str) -> str:
    """``text`` without the ``Â`` that a lost no-break space left behind (see ``_LONE_A0``).

    >>> _drop_lone_a0("It cost $5.Â Then 5%Â of it.Â")
    'It cost $5. Then 5% of it.'
    >>> _drop_lone_a0("HÂLÂ geldi, Âge d'or, Â llaw")
    "HÂLÂ geldi, Âge d'or, Â llaw"
    """

    def drop(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start else "\n"
        # After a space, a run that does not end its line may be a word (Welsh ``Â llaw``).
        keep = _LINE_END.match(text, end) is None if before.isspace() else before.isupper()
        return match.group(0) if keep else match.group(0).replace("Â", "")

    return _LONE_A0.sub(drop, text)


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
    hinted = _may_hold_mojibake(text)
    lone = "Â" in text and _LONE_A0.search(text) is not None
    if not hinted and not lone:
        return text, ()
    # A code sample quotes mojibake as its author typed it (`Ã©`): only the rest is fixed.
    fixed = _outside_code(text, _drop_lone_a0) if lone else text
    lines = fixed.split("\n")
    if hinted:
        spans = CodeSpans(fixed)  # found only if a line asks
        offset = 0
        for i, line in enumerate(lines):
            start, offset = offset, offset + len(line) + 1
            if re.search(_MOJIBAKE_HINT, line) is not None:
                lines[i] = _outside_code(fixed, _fix_pairs, spans, start, start + len(line))
    removals = tuple(
        Removal("repair-encoding", old, i + 1, 1, new)
        for i, (old, new) in enumerate(zip(text.split("\n"), lines, strict=True))
        if old != new
    )
    if not removals:
        return text, ()
    return "\n".join(lines), removals


def _outside_code(
    text: str,
    fix: Callable[[str], str],
    spans: CodeSpans | None = None,
    start: int = 0,
    end: int | None = None,
) -> str:
    """``text[start:end]`` with ``fix`` applied to each stretch outside code spans and blocks."""
    end = len(text) if end is None else end
    spans = CodeSpans(text) if spans is None else spans
    fixed, done = "", start
    for a, b in spans.outside(start, end):
        fixed += text[done:a] + fix(text[a:b])
        done = b
    return fixed + text[done:end]


def _fix_pairs(text: str) -> str:
    import ftfy  # lazy: see _MOJIBAKE_HINT

    return _fix_hebrew(_fix_armenian(ftfy.fix_encoding(text)))


# Armenian UTF-8 (U+0531..U+058A: lead bytes D4..D6) read as cp1252 is ``Ô``, ``Õ`` or ``Ö``,
# each followed by a continuation byte (``Ô±Õ¶Õ±Ö€Ö‡`` for ``Անձրև``); ftfy leaves it, since
# those three letters are Latin (Portuguese ``Õ``, German ``Ö``). A run of such pairs between
# non-letters is repaired when it reads as Armenian and holds a continuation that is no
# letter (``±``, ``€``): a Latin word is letters only, so it never matches.
# The five bytes cp1252 leaves undefined (81 8D 8F 90 9D) are read as C1 controls, as browsers
# do (``Ձ`` is D5 81).
_UNDEFINED = "\x81\x8d\x8f\x90\x9d"
_CONTINUATION = bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") + _UNDEFINED
_ARMENIAN_RUN = re.compile(rf"(?<![^\W\d_])(?:[ÔÕÖ][{re.escape(_CONTINUATION)}])++(?![^\W\d_])")
_ARMENIAN = re.compile("[\u0531-\u058a]+")


def _decode_pairs(run: str) -> str | None:
    """The UTF-8 text that ``run`` was before it was read as cp1252 (C1 controls standing
    for the bytes cp1252 leaves undefined, or for any byte read as latin-1), or None."""
    raw = b"".join(ch.encode("latin-1" if ch <= "\x9f" else "cp1252") for ch in run)
    try:
        return raw.decode("utf-8")
    except UnicodeError:
        return None


def _fix_armenian(text: str) -> str:
    """``text`` with its runs of Armenian mojibake (see ``_ARMENIAN_RUN``) repaired.

    >>> _fix_armenian("Ô±Õ¶Õ±Ö€Ö‡ Õ§ Õ£Õ¡Õ¬Õ«Õ½")
    'Անձրև է գալիս'
    >>> _fix_armenian("Ô¶Ö\x81 Õ\x81Õ¥Õ¼")
    'Զց Ձեռ'
    >>> _fix_armenian("ÖSTERREICH, São Paulo, ÕšÕž, Ö»")
    'ÖSTERREICH, São Paulo, ÕšÕž, Ö»'
    """
    if "Ô" not in text and "Õ" not in text and "Ö" not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        run = match.group(0)
        word = _decode_pairs(run)
        symbol = any(not ch.isalpha() for ch in run[1::2])
        return word if word and symbol and _ARMENIAN.fullmatch(word) else run

    runs = list(_ARMENIAN_RUN.finditer(text))
    if not any(len(m.group(0)) >= 4 and fix(m) != m.group(0) for m in runs):
        return text  # one pair alone ("Ö»") is no evidence; a line with a word of two is
    return _ARMENIAN_RUN.sub(fix, text)


# Hebrew UTF-8 (letters U+05D0..U+05EA, geresh and gershayim U+05F3..U+05F4: lead byte D7)
# read as cp1252 is ``×`` and a continuation (``×—×’`` for ``חג``). ftfy repairs whole
# lines, but leaves a short word where the line also holds what cp1252 cannot hold (an
# emoji, CJK, an arrow). ``×`` is no letter, and in prose it stands between
# figures ("3×4"), never before a dash or quote and again: a run of two pairs or more,
# between non-letters, that decodes to Hebrew is certain evidence. A lone pair ("×§") is not,
# nor a run next to "× " or "×" alone: "× " is "נ" whose no-break space became a space, or a
# letter that lost its C1 byte before a space, and a word is repaired whole or not at all.
_HEBREW_CONTINUATION = bytes([*range(0x90, 0xAB), 0xB3, 0xB4]).decode(
    "cp1252", errors="ignore"
) + "".join(map(chr, range(0x90, 0xA0)))
_HEBREW_RUN = re.compile(
    rf"(?<![^\W\d_])(?<!×[ {re.escape(_HEBREW_CONTINUATION)}])"
    rf"(?:×[{re.escape(_HEBREW_CONTINUATION)}]){{2,}}(?![^\W\d_]|×)"
)
_HEBREW = re.compile("[\u05d0-\u05ea\u05f3\u05f4]+")


def _fix_hebrew(text: str) -> str:
    """``text`` with its runs of Hebrew mojibake (see ``_HEBREW_RUN``) repaired.

    >>> _fix_hebrew("→ ×–×” ×”×›×œ, 😀 ×—×’")
    '→ זה הכל, 😀 חג'
    >>> _fix_hebrew("3×4 m, ×§, a × b, ×2, ×œ×›×•×œ× ×•, × ×ª× ×™×”×•")
    '3×4 m, ×§, a × b, ×2, ×œ×›×•×œ× ×•, × ×ª× ×™×”×•'
    """
    if "×" not in text:
        return text

    def fix(match: re.Match[str]) -> str:
        word = _decode_pairs(match.group(0))
        return word if word and _HEBREW.fullmatch(word) else match.group(0)

    return _HEBREW_RUN.sub(fix, text)
