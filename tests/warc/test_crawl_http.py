"""Decoding crawled HTTP payloads and charsets, and telling crawls from other files.

Real warcio objects throughout: its header parser and its de-chunking and decompressing
readers, fed the bytes crawlers store.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader

from scrubwarc.read.document import read
from scrubwarc.read.sniff import binary_reason
from scrubwarc.warc.http import response_payload
from scrubwarc.warc.sniff import crawl_format


def _chunked(body: bytes, size: int) -> bytes:
    size = max(size, 1)
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def _response(body: bytes, *headers: str) -> bytes:
    head = "".join(f"{h}\r\n" for h in headers)
    return f"HTTP/1.1 200 OK\r\n{head}\r\n".encode() + body


@given(st.binary(max_size=5000), st.integers(1, 700), st.sampled_from(["", "gzip", "deflate"]))
def test_chunked_and_compressed_payloads_come_back_whole(
    page: bytes, size: int, encoding: str
) -> None:
    body = {"": page, "gzip": gzip.compress(page), "deflate": zlib.compress(page)}[encoding]
    headers = ["Transfer-Encoding: chunked"] + (
        [f"Content-Encoding: {encoding}"] if encoding else []
    )
    assert response_payload(_response(_chunked(body, size), *headers)) == page


def _whole_streams(body: bytes, encoding: str) -> bytes | None:
    """``body`` inflated by zlib when it holds complete streams (gzip: members one after
    another); what follows the last is ignored. None when a stream is cut or damaged."""
    wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
    out, rest = b"", body
    while True:
        inflater = zlib.decompressobj(wbits)
        try:
            out += inflater.decompress(rest)
        except zlib.error:
            return None
        if not inflater.eof:
            return None
        rest = inflater.unused_data
        if encoding != "gzip" or not rest.startswith(b"\x1f\x8b"):
            return out


def _expected(body: bytes, encoding: str, chunked: bool) -> bytes | str:
    """The payload, or "error": whole streams as zlib inflates them; the rest as warcio's
    readers decode it, but an error where they stop midway (and say so on stderr) or pass
    on bytes that do not decompress and are no page."""
    joined = bytes(ChunkedDataReader(io.BytesIO(body)).read()) if chunked else body
    whole = _whole_streams(joined, encoding)
    if whole is not None:
        return whole
    said = io.StringIO()
    reader = (ChunkedDataReader if chunked else BufferedReader)(
        io.BytesIO(body), decomp_type=encoding
    )
    try:
        with contextlib.redirect_stderr(said):
            out = bytes(reader.read())
    except (zlib.error, OSError):
        return "error"
    if said.getvalue():
        return "error"
    if reader.decompressor is None and not _a_page(out):
        return "error"  # passed on as they are, and no page: markup first, or UTF-8
    return out


def _a_page(data: bytes) -> bool:
    if binary_reason(data) is not None:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    return True


@given(
    st.binary(max_size=3000),
    st.sampled_from(["gzip", "deflate"]),
    st.booleans(),
    st.integers(-40, 40),
    st.binary(max_size=20),
)
def test_odd_compressed_payloads_decode_as_warcio_decodes_them(
    page: bytes, encoding: str, chunked: bool, cut: int, extra: bytes
) -> None:
    """What is not whole streams (cut short, damaged) is decoded as warcio's readers decode
    it, except that a stream they give up on midway, or bytes under a coding they are not
    in that are no page, are an error, never a page."""
    body = gzip.compress(page) if encoding == "gzip" else zlib.compress(page)
    body = (body[:cut] if cut < 0 else body) + extra
    if cut > 20:
        body += body  # two members
    sent = _chunked(body, 512) if chunked else body
    headers = [f"Content-Encoding: {encoding}"] + (
        ["Transfer-Encoding: chunked"] if chunked else []
    )
    try:
        got: bytes | str = response_payload(_response(sent, *headers))
    except ValueError as exc:
        assert "decompress" in str(exc)
        got = "error"
    assert got == _expected(sent, encoding, chunked)


def test_raw_deflate_x_gzip_and_identity() -> None:
    page = b"<p>Ferry leaves at seven.</p>"
    raw = zlib.compressobj(wbits=-15)
    deflated = raw.compress(page) + raw.flush()
    assert response_payload(_response(deflated, "Content-Encoding: deflate")) == page
    assert response_payload(_response(gzip.compress(page), "Content-Encoding: x-gzip")) == page
    assert response_payload(_response(page, "Content-Encoding: identity")) == page


def test_an_encoding_without_decoder_is_a_reason_not_garbage() -> None:
    with pytest.raises(ValueError, match="content encoding 'zstd' is not supported"):
        response_payload(_response(b"\x28\xb5\x2f\xfd", "Content-Encoding: zstd"))


def test_br_is_decoded_when_a_brotli_module_is_installed() -> None:
    brotli = pytest.importorskip(
        "brotli", reason="no brotli module (pip install scrubwarc[brotli])"
    )
    page = "<p>Fähre um sieben.</p>".encode()
    assert response_payload(_response(brotli.compress(page), "Content-Encoding: br")) == page


def test_a_server_that_lies_about_gzip_gets_its_bytes_read_as_sent() -> None:
    page = b"<p>Not compressed after all.</p>"
    assert response_payload(_response(page, "Content-Encoding: gzip")) == page


@pytest.mark.parametrize(
    ("data", "declared", "expected", "encoding"),
    [
        # Only the header knows: without it this would be read as something else.
        ("<p>Привет, мир! Это проверка.</p>".encode("cp1251"), "windows-1251", "Привет", "cp1251"),
        # The header wins over the page's <meta>, as in a browser.
        ('<meta charset="windows-1252"><p>café</p>'.encode(), "utf-8", "café", "utf-8"),
        # A server default of ISO-8859-1 on a UTF-8 page: the bytes say UTF-8.
        ("<p>naïve café</p>".encode(), "ISO-8859-1", "naïve café", "utf-8"),
        ("<p>naïve café</p>".encode("cp1252"), "iso-8859-1", "naïve café", "cp1252"),
        # An unknown label is no evidence; a byte-order mark beats any label.
        ("<p>café</p>".encode(), "x-no-such-charset", "café", "utf-8"),
        (b"\xef\xbb\xbf" + "<p>café</p>".encode(), "windows-1251", "café", "utf-8"),
    ],
)
def test_the_http_charset_comes_first(
    data: bytes, declared: str, expected: str, encoding: str
) -> None:
    body = data + b"<p>" + b"A paragraph long enough to be the article text of the page. " * 2
    doc = read(body, "page", declared=declared, html=True)
    assert expected in doc.text and doc.encoding == encoding


def test_text_with_a_declared_charset() -> None:
    data = "Шторм на побережье\n\nСвет отключён в сорока тысячах домов.\n".encode("koi8-r")
    doc = read(data, "notes", declared="KOI8-R", html=False)
    assert doc.text.startswith("Шторм") and doc.encoding == "koi8-r"
    # Bytes that are not valid in the declared charset: detection decides instead.
    doc = read("Grüße aus Köln\n".encode(), "notes", declared="ascii", html=False)
    assert doc.text == "Grüße aus Köln\n" and doc.encoding == "utf-8"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n" + b"x" * 5000)[:300], "warc"),
        (b"filedesc://x.arc 0.0.0.0 20240501000000 text/plain 70\n", "arc"),
        (gzip.compress(b"filedesc://x.arc 0.0.0.0 20240501000000 text/plain 70\n"), "arc"),
        (b"", None),
        (b"WARC is a format for web archives.\n", None),
        (gzip.compress(b"<html><body>WARC/1.0</body></html>"), None),
        (b"\x1f\x8b\x08\x00garbage", None),
    ],
)
def test_crawls_are_told_by_their_first_bytes(head: bytes, expected: str | None) -> None:
    assert crawl_format(head) == expected


def test_a_plain_page_under_an_encoding_without_decoder_is_read_as_it_is() -> None:
    """A crawler that stored the page decoded but kept its header (``zstd``, which browsers
    now take): the bytes are the page. Bytes that are no page stay an error."""
    page = "<p>Fähre um sieben.</p>".encode()
    for header in ("Content-Encoding: zstd", "Content-Encoding: gzip, zstd"):
        assert response_payload(_response(page, header)) == page
    chunked = _response(
        b"%x\r\n" % len(page) + page + b"\r\n0\r\n\r\n",
        "Content-Encoding: zstd",
        "Transfer-Encoding: chunked",
    )
    assert response_payload(chunked) == page
