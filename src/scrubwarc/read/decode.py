"""Bytes to text: find the encoding from evidence in the bytes, never by a blind guess.

Order of evidence: a byte-order mark; the NUL pattern of BOM-less UTF-16; strict UTF-8;
UTF-8 with stray cp1252 bytes (files pasted together from two sources); and only then a
statistical detector for true legacy files. charset-normalizer is imported lazily because
most scraped text is UTF-8 and the pre-commit hook must start fast.
"""

from __future__ import annotations

import codecs
import re

from scrubwarc._tuples import NamedTuple
from scrubwarc.errors import DecodeError
from scrubwarc.read.sniff import refuse_binary, utf16_without_bom

__all__ = ["BOMS", "Decoded", "decode", "legacy_encoding", "pick_latin", "strip_bom"]

# Byte-order marks: the mark, the codec that reads past it, and the name users know.
BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)

# Single-byte Latin code pages differ from one another in a few dozen letters, which a
# statistical detector cannot tell apart on a short article; cp1252 is the WHATWG default
# for legacy Western pages, so these guesses collapse to it unless the language says otherwise.
_LATIN_GUESSES = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp775", "cp850", "cp852", "cp858",
        "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10",
        "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman",
        "mac_iceland", "mac_turkish", "cp437", "cp863", "cp865",
    }
)  # fmt: skip
_SNIFF = 4096
_MIXED = "scrubwarc.cp1252-fallback"
# Byte classes counted with C-level bytes methods, not per-byte Python loops (which cost
# more than the detector itself on a 50 KB file): bytes that are not letters of any
# single-byte code page, all high bytes, and the C1 range where cp1252 has its punctuation.
_NOT_LETTERS = bytes(range(0x41)) + b"[\\]^_`{|}~"
_HIGH = bytes(range(0x80, 0x100))
_C1 = re.compile(rb"[\x80-\x9f]")


class Decoded(NamedTuple):
    """Text, the encoding it was read with (a Python codec name, or ``utf-8+cp1252``) and
    how sure the choice is, from 0 to 1 (1 for a byte-order mark, valid UTF-8 or a stated
    encoding)."""

    text: str
    encoding: str
    confidence: float = 1.0


def _cp1252_fallback(err: UnicodeError) -> tuple[str, int]:
    """Decode one undecodable byte as cp1252 (latin-1 for its five holes)."""
    assert isinstance(err, UnicodeDecodeError)
    byte = err.object[err.start : err.start + 1]
    try:
        return byte.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), err.start + 1


codecs.register_error(_MIXED, _cp1252_fallback)


def _decode_strict(data: bytes, encoding: str, source: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} at byte {exc.start}: {exc.reason}", source) from None


def _mostly_utf8(data: bytes) -> bool:
    """True if well-formed UTF-8 sequences are at least half as common as stray bytes.

    A UTF-8 file with a pasted cp1252 passage passes; a legacy file (Shift-JIS, cp1252)
    holds a valid UTF-8 sequence only by accident, far outnumbered by invalid bytes.
    """
    text = data.decode("utf-8", "replace")
    stray = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - stray  # non-ASCII, not U+FFFD
    return valid > 0 and 2 * valid >= stray


# The Windows Latin pages in order of preference: where two read the bytes equally well,
# the first wins (cp1252 is the WHATWG default for legacy Western pages).
_LATIN_PAGES = ("cp1252", "cp1250", "cp1254", "cp1257", "iso8859_2")
# The accented letters of each language written with those pages. A page that reads the
# bytes as letters of one language is right; one that needs letters of several languages
# in one text ("Café Lumičre": French é with Czech č), or symbols inside words
# ("Pawe³"), is reading someone else's bytes.
_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "áâãàçéêíóôõú",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "áéëèïöüó",  # Dutch
        "àçèéíïòóúü·",  # Catalan
        "åäöé",  # Swedish, Finnish
        "æøåéó",  # Danish, Norwegian
        "áðéíóúýþæö",  # Icelandic
        "ąćęłńóśźż",  # Polish
        "áčďéěíňóřšťúůýž",  # Czech
        "áäčďéíĺľňóôŕšťúýž",  # Slovak
        "áéíóöőúüű",  # Hungarian
        "čćđšž",  # Croatian, Slovene, Bosnian
        "ăâîșțşţ",  # Romanian
        "çğıiöşü",  # Turkish (İ lower-cases to i)
        "āčēģīķļņšūž",  # Latvian
        "ąčęėįšųūž",  # Lithuanian
        "äõöüšž",  # Estonian
        "ëç",  # Albanian
    )
)
# Punctuation and signs of these pages that sit next to letters in real text.
_TYPOGRAPHY = frozenset("“”‘’„‚–—…•€£¥§©®°±·«»™¡¿‹›†‡¶ªº\u00a0\u00ad")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LATIN_SAMPLE = 1 << 16  # enough accented letters to tell pages apart; bounded work


def _latin_score(text: str) -> tuple[int, int]:
    """(score, accented letters): letters one language explains, less those it does not,
    less three for each sign glued to a letter that no language writes there."""
    letters: dict[str, int] = {}
    glued = 0
    for m in _NON_ASCII.finditer(text):  # only the non-ASCII characters are looked at
        ch, i = m.group(), m.start()
        if ch.isalpha():
            low = ch.lower()[:1]
            letters[low] = letters.get(low, 0) + 1
        elif ch not in _TYPOGRAPHY and not ch.isspace():
            near = text[i - 1 : i] + text[i + 1 : i + 2]
            glued += any(c.isalpha() for c in near)
    total = sum(letters.values())
    explained = max(
        (sum(n for ch, n in letters.items() if ch in alphabet) for alphabet in _ALPHABETS),
        default=0,
    )
    return explained - (total - explained) - 3 * glued, total


def pick_latin(data: bytes) -> tuple[str, float]:
    """The Windows Latin page that reads ``data`` as one language's letters, and how sure.

    >>> pick_latin("Café Lumière, “open”".encode("cp1252"))  # cp1250 reads "Lumičre"
    ('cp1252', 0.5)
    >>> pick_latin("Zażółć gęślą jaźń, powiedział Paweł.".encode("cp1250"))[0]
    'cp1250'
    """
    scored: list[tuple[int, int, str, str]] = []
    data = data[:_LATIN_SAMPLE]
    for rank, page in enumerate(_LATIN_PAGES):
        try:
            text = data.decode(page)  # single-byte pages: a cut sample splits no character
        except UnicodeDecodeError:
            continue
        score, total = _latin_score(text)
        scored.append((score, -rank, page, text))
    if not scored:
        return "cp1252", 0.0
    scored.sort(reverse=True)
    best, text = scored[0][2], scored[0][3]
    score, total = _latin_score(text)
    # Sure when the letters all belong to one language and no other page reads the bytes
    # as differently-spelled words that score as well.
    sure = max(0.0, score / total) if total else 1.0
    rivals = [t for s, _, _, t in scored[1:] if s == scored[0][0] and t != text]
    return best, round(sure / 2 if rivals else sure, 2)


def legacy_encoding(data: bytes) -> str:
    """Name the legacy encoding of bytes that are not UTF-8, from evidence in them.

    >>> legacy_encoding("Ein schöner Tag.".encode("latin-1"))
    'iso-8859-1'
    """
    return _legacy(data)[0]


def _legacy(data: bytes) -> tuple[str, float]:
    """The legacy encoding of ``data`` and how sure the choice is."""
    sample = data[: 1 << 20]
    # Non-Latin scripts in legacy encodings are mostly high bytes; Western text has a few
    # accented letters among ASCII. On few high bytes the detector's exotic guesses (UTF-16
    # for "café", Urdu cp1006 for "café au lait") are noise, so only Latin pages compete,
    # and the detector (milliseconds a file) is not asked.
    letters = len(sample.translate(None, _NOT_LETTERS))
    high = len(sample) - len(sample.translate(None, _HIGH))
    if high > 0.3 * max(letters, 1):
        import charset_normalizer  # lazy: about 30 ms to import, needed only for legacy files

        # Mac code pages are all but absent from the web; when the detector ranks one first,
        # the Windows page of the same script is the likelier truth ("С" is "—" in
        # mac_cyrillic).
        candidates = [m for m in charset_normalizer.from_bytes(sample) if m.encoding[:3] != "utf"]
        best = next((m for m in candidates if not m.encoding.startswith("mac_")), None)
        best = best or (candidates[0] if candidates else None)
        if best is not None and best.encoding not in _LATIN_GUESSES:
            return str(best.encoding), round(max(0.0, 1.0 - float(best.chaos)), 2)
    # Latin code pages differ in a few dozen letters, which a statistical detector cannot
    # tell apart on a short article: the page whose letters make one language wins.
    page, sure = pick_latin(sample)
    if page == "cp1252" and not _C1.search(data):
        return "iso-8859-1", sure  # the same characters; the name browsers report
    return page, sure


def decode(
    data: bytes,
    source: str | None = None,
    encoding: str | None = None,
    declared: str | None = None,
) -> Decoded:
    """Decode scraped bytes, naming the encoding that was detected (or the one stated).

    ``declared`` is a charset declared outside the bytes (an HTTP header): after a
    byte-order mark it wins, unless the bytes are not valid in it (then detection decides)
    or it says Latin-1/ASCII of bytes that are valid UTF-8 (a common server default).

    >>> decode("Привет".encode("cp1251"), declared="windows-1251")
    Decoded(text='Привет', encoding='cp1251', confidence=1.0)

    >>> decode("café".encode("cp1252"))
    Decoded(text='café', encoding='iso-8859-1', confidence=1.0)
    >>> decode("naïve “quotes”".encode("utf-8"))
    Decoded(text='naïve “quotes”', encoding='utf-8', confidence=1.0)

    Raises DecodeError for binary data (NUL bytes outside UTF-16), for invalid bytes
    after a byte-order mark, and for bytes the stated ``encoding`` cannot read.
    """
    refuse_binary(data, source)
    if encoding is not None:
        return _decode_stated(data, encoding, source)
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            return Decoded(_decode_strict(data, codec, source), name)
    by_header = _declared(data, declared)
    if by_header is not None:
        return by_header
    utf16 = utf16_without_bom(data[:_SNIFF])
    if utf16 is not None:
        return Decoded(_decode_strict(data, utf16, source), utf16)
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)", source)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return Decoded(data.decode("utf-8", _MIXED), "utf-8+cp1252", 0.9)
    found, sure = _legacy(data)
    try:
        return Decoded(data.decode(found), found, sure)
    except (UnicodeDecodeError, LookupError):
        return Decoded(data.decode("cp1252", _MIXED), "cp1252", 0.0)


def _decode_stated(data: bytes, encoding: str, source: str | None) -> Decoded:
    """Decode with the encoding a user stated; a byte-order mark is still dropped."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", source) from None
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return Decoded(_decode_strict(data, name, source), name)


_AS_UTF8_IF_VALID = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})


def _declared(data: bytes, label: str | None) -> Decoded | None:
    if not label:
        return None
    try:
        codec = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        return None  # binary: detection says so
    if codec in _AS_UTF8_IF_VALID:
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            codec = "cp1252"  # what browsers read these labels as
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        return None


def strip_bom(data: bytes) -> bytes:
    """The bytes without a leading byte-order mark.

    >>> strip_bom(b"\\xef\\xbb\\xbfHi")
    b'Hi'
    """
    for bom, _, _ in BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data
