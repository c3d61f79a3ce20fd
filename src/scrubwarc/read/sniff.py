"""Is this input text at all? Binary data is refused whatever the file's name says.

A compressed stream, an archive, an executable or an image has a signature in its first
bytes; other binary data shows NUL bytes or many control characters. Text in UTF-16 or
UTF-32 holds NUL bytes by design and is left to the decoder. Cleaning binary data as text
would "clean" it into garbage, so every reader of input asks here first.
"""

from __future__ import annotations

import codecs

from scrubwarc.errors import DecodeError

__all__ = ["binary_reason", "refuse_binary", "utf16_without_bom"]

# Signatures at offset 0, longest first where one is a prefix of another.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),  # followed by a block size digit and the block magic, checked below
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"PK\x07\x08", "zip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x04\x22\x4d\x18", "lz4 data"),
    (b"\x7fELF", "ELF executable"),
    (b"\xfe\xed\xfa\xce", "Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Mach-O universal binary or Java class"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SAMPLE = 64 * 1024
# C0 controls that no text uses; tab, line feed, vertical tab, form feed, carriage return
# and escape (ISO-2022 switches character sets with it) are left out.
_CONTROLS = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1b") + b"\x7f"
# Scraped text may carry a stray control character or two; binary data has about one
# byte in ten. Above this share, it is not text.
_CONTROL_SHARE = 0.05


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is binary rather than text (a short phrase), or None if it may be text.

    >>> binary_reason(b"\\x1f\\x8b\\x08\\x00rest of a gzip stream")
    'gzip data'
    >>> binary_reason(b"<p>Hello\\x00world</p>")
    'contains NUL bytes'
    >>> binary_reason("Storm hits coast\\n\\nIt rained.\\n".encode("utf-16"))  # text, wide
    >>> binary_reason(b"Headline\\n\\nBody text.\\n")
    """
    head = data[:64]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if magic == b"BZh" and not (head[3:4].isdigit() and head[4:10] == b"1AY&SY"):
                continue  # "BZh" is also how some text begins
            return name
    if head.startswith(b"MZ") and _is_pe(data):
        return "Windows executable (PE)"
    if head.startswith(_WIDE_BOMS) or utf16_without_bom(data[:4096]) is not None:
        return None  # NUL bytes are part of UTF-16/32; the decoder checks the rest
    sample = data[:_SAMPLE]
    if b"\x00" in data:
        return "contains NUL bytes"
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    if sample and controls / len(sample) > _CONTROL_SHARE:
        return f"{controls / len(sample):.0%} control characters"
    return None


def refuse_binary(data: bytes, source: str | None = None) -> None:
    """Raise DecodeError (``binary file (gzip data)``) unless ``data`` may be text."""
    reason = binary_reason(data)
    if reason is not None:
        raise DecodeError(f"binary file ({reason})", source)


def _is_pe(data: bytes) -> bool:
    """An MZ header whose pointer at 0x3C leads to the ``PE\\0\\0`` signature."""
    if len(data) < 0x40:
        return False
    pointer = int.from_bytes(data[0x3C:0x40], "little")
    return data[pointer : pointer + 4] == b"PE\x00\x00" or b"\x00" in data[:0x40]


def utf16_without_bom(head: bytes) -> str | None:
    """BOM-less UTF-16 by the zero high bytes of mostly-ASCII text: its byte order, or None.

    >>> utf16_without_bom("Storm hits".encode("utf-16-le")), utf16_without_bom(b"Storm hits")
    ('utf-16-le', None)
    """
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even_zero = head[0 : pairs * 2 : 2].count(0)
    odd_zero = head[1 : pairs * 2 : 2].count(0)
    if odd_zero > 0.4 * pairs and even_zero < 0.05 * pairs:
        return "utf-16-le"
    if even_zero > 0.4 * pairs and odd_zero < 0.05 * pairs:
        return "utf-16-be"
    return None
