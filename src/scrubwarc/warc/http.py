"""HTTP messages as crawls store them: headers split off, chunks joined, compression undone.

warcio's readers do the work (zlib-ng inflates what is plainly gzip or deflate); this module
is the one place that knows which encodings they decode and turns a missing decoder into a
reason, not a page of compressed bytes.
"""

from __future__ import annotations

import io
import zlib
from typing import Any, cast

from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException
from zlib_ng import zlib_ng

__all__ = ["decode_http", "response_payload", "split_http"]

_IDENTITY = frozenset({"", "identity", "none"})
_ALIASES = {"x-gzip": "gzip"}
# The window bits of the streams zlib-ng inflates: gzip, and deflate in its zlib wrapper.
_INFLATE = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}
# zlib-ng's stub types its error class as an instance.
_INFLATE_ERROR = cast("type[Exception]", zlib_ng.error)


def decode_http(body: bytes, headers: Any) -> bytes:
    """An HTTP payload as the page: chunks joined, Content-Encoding undone.

    ``headers`` is warcio's ``StatusAndHeaders`` of the response. Content-Encoding is a list
    of codings in the order applied (RFC 9110, 8.4): they are undone last first, ``identity``
    among them ignored. Raises ``ValueError`` for an encoding there is no decoder for.
    """
    te = (headers.get_header("Transfer-Encoding") or "").strip().lower()
    codings = _codings(headers.get_header("Content-Encoding") or "")
    body = _decode(body, codings.pop() if codings else None, chunked="chunked" in te)
    for coding in reversed(codings):
        body = _decode(body, coding, chunked=False)
    return body


def _codings(value: str) -> list[str]:
    """The content codings named in a Content-Encoding value, in order, identity left out.

    >>> _codings("gzip, identity"), _codings(" X-GZIP "), _codings("identity")
    (['gzip'], ['gzip'], [])
    """
    codings = []
    for name in value.lower().split(","):
        coding = _ALIASES.get(name.strip(), name.strip())
        if coding in _IDENTITY:
            continue
        if coding not in BufferedReader.get_supported_decompressors():
            hint = " (install scrubwarc[brotli])" if coding == "br" else ""
            raise ValueError(f"content encoding {coding!r} is not supported{hint}")
        codings.append(coding)
    return codings


def _decode(body: bytes, encoding: str | None, *, chunked: bool) -> bytes:
    """``body`` with its chunks joined (if ``chunked``) and one coding undone."""
    if encoding in _INFLATE:
        # zlib-ng inflates at about twice zlib's speed; a payload it does not take whole as
        # one clean stream goes the reader's way below, with its tolerance of odd servers.
        joined = bytes(ChunkedDataReader(io.BytesIO(body)).read()) if chunked else body
        inflated = _inflate(joined, _INFLATE[encoding])
        if inflated is not None:
            return inflated
    if chunked:
        stream: Any = ChunkedDataReader(io.BytesIO(body), decomp_type=encoding)
    elif encoding:
        stream = BufferedReader(io.BytesIO(body), decomp_type=encoding)
    else:
        return body
    try:
        return bytes(stream.read())
    except (zlib.error, OSError) as exc:
        raise ValueError(f"{encoding} payload does not decompress: {exc}") from None


def _inflate(data: bytes, wbits: int) -> bytes | None:
    """``data`` inflated, when it is exactly one complete stream; else None."""
    inflater = zlib_ng.decompressobj(wbits)
    try:
        out = inflater.decompress(data)
    except _INFLATE_ERROR:
        return None
    return out if inflater.eof and not inflater.unused_data else None


def split_http(block: bytes) -> tuple[Any, bytes]:
    """A response record's block as (HTTP headers, body); the headers None if it has none."""
    stream = io.BytesIO(block)
    try:
        headers = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1", "HTTP/2"], verify=False).parse(
            stream
        )
    except (StatusAndHeadersParserException, ValueError):
        return None, block
    return headers, stream.read()


def response_payload(block: bytes) -> bytes:
    """The page in a ``response`` record's block, decoded; raises ``ValueError`` if it cannot be.

    >>> response_payload(b"HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n"
    ...                  b"3\\r\\nabc\\r\\n0\\r\\n\\r\\n")
    b'abc'
    """
    headers, body = split_http(block)
    return body if headers is None else decode_http(body, headers)
