"""Decoding: encodings are found from evidence in the bytes and reported."""

from __future__ import annotations

import codecs

import pytest

from scrubwarc import DecodeError, clean_bytes, decode
from tests.languages import PARAGRAPHS

WESTERN = "“It’s a café – naïve,” he said in Zürich."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (WESTERN.encode(), WESTERN, "utf-8"),
        (codecs.BOM_UTF8 + WESTERN.encode(), WESTERN, "utf-8"),
        (WESTERN.encode("utf-16"), WESTERN, "utf-16-le"),
        (WESTERN.encode("utf-16-be"), WESTERN, "utf-16-be"),
        (WESTERN.encode("utf-16-le"), WESTERN, "utf-16-le"),
        (codecs.BOM_UTF32_LE + WESTERN.encode("utf-32-le"), WESTERN, "utf-32-le"),
        (WESTERN.encode("cp1252"), WESTERN, "cp1252"),
        ("Ein schöner Tag.".encode("latin-1"), "Ein schöner Tag.", "iso-8859-1"),
        ("Сирийские войска начали наступление на город.".encode("cp1251"),
         "Сирийские войска начали наступление на город.", "cp1251"),
        ("シリア政府軍はアレッポで攻勢を開始した。".encode("shift_jis"),
         "シリア政府軍はアレッポで攻勢を開始した。", "cp932"),
        ("naïve ".encode() + "“mixed”".encode("cp1252"), "naïve “mixed”", "utf-8+cp1252"),
        (b"", "", "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-nobom", "utf16le-nobom", "utf32-bom", "cp1252",
         "latin1", "cp1251", "shift-jis", "mixed", "empty"],
)  # fmt: skip
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data)[:2] == (text, encoding)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"abc\x00def"])
def test_binary_is_refused_with_the_source_named(data: bytes) -> None:
    with pytest.raises(DecodeError, match=r"^photo\.txt: binary file"):
        decode(data, "photo.txt")


def test_invalid_bytes_after_bom_are_an_error() -> None:
    with pytest.raises(DecodeError, match="invalid utf-8-sig"):
        decode(codecs.BOM_UTF8 + b"ok \xff\xfe bad", "x.txt")


def test_clean_bytes_reports_encoding_and_change() -> None:
    result = clean_bytes(WESTERN.encode("cp1252") + b"\n")
    assert result.encoding == "cp1252"
    assert result.text == WESTERN + "\n"
    assert result.changed  # re-encoded to UTF-8, even though no rule fired
    assert result.fired == ()


def _high_share(data: bytes) -> float:
    """High bytes per letter, as ``legacy_encoding`` weighs them."""
    letters = sum(1 for b in data if b > 0x40 and b not in b"[\\]^_`{|}~")
    return sum(1 for b in data if b >= 0x80) / letters


@pytest.mark.parametrize(
    ("lang", "codec"), [("cs", "cp1250"), ("pl", "cp1250"), ("hu", "cp1250"), ("pl", "iso8859_2")]
)
def test_central_european_page_is_named_though_high_bytes_are_few(lang: str, codec: str) -> None:
    # Few high bytes, yet the detector is still needed: a Latin guess whose language is
    # Central European keeps its own code page instead of collapsing to cp1252.
    data = PARAGRAPHS[lang].encode(codec)
    assert _high_share(data) < 0.3
    assert decode(data)[:2] == (PARAGRAPHS[lang], codec)


@pytest.mark.parametrize(("lang", "codec"), [("el", "cp1253"), ("ru", "cp1251"), ("uk", "cp1251")])
def test_non_latin_page_where_high_bytes_dominate(lang: str, codec: str) -> None:
    data = PARAGRAPHS[lang].encode(codec)
    assert _high_share(data) > 0.3
    assert decode(data)[:2] == (PARAGRAPHS[lang], codec)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (PARAGRAPHS["de"], "iso-8859-1"),  # no byte in 0x80-0x9F
        (PARAGRAPHS["fr"] + " “Voilà” – dit-il.", "cp1252"),  # curly quotes and a dash
    ],
)
def test_western_page_collapses_to_cp1252_or_latin1(text: str, encoding: str) -> None:
    assert decode(text.encode("cp1252")) == (decode(b"").__class__(text, encoding))


def test_western_page_is_decoded_without_the_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its answer is not taken on few high bytes, so it is not asked (milliseconds a file).
    import charset_normalizer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the detector was asked")

    monkeypatch.setattr(charset_normalizer, "from_bytes", refuse)
    text = PARAGRAPHS["fr"] + " “Voilà” – dit-il."
    assert decode(text.encode("cp1252"))[:2] == (text, "cp1252")
    assert decode(PARAGRAPHS["pl"].encode("cp1250"))[:2] == (PARAGRAPHS["pl"], "cp1250")
