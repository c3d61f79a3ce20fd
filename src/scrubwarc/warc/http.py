"""HTTP messages as crawls store them: headers split off, chunks joined, compression undone.

warcio's readers do the work (zlib-ng inflates what is plainly gzip or deflate); this module
is the one place that knows which encodings they decode and turns a missing decoder into a
reason, not a page of compressed bytes.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from typing import Any, cast

from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException
from zlib_ng import zlib_ng

from scrubwarc.read.sniff import binary_reason

__all__ = ["content_type", "decode_http", "http_headers", "response_payload", "split_http"]

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
    among them ignored. Raises ``ValueError`` for an encoding there is no decoder for, unless
    the bytes are a plain page as they are (a crawler that stored the page decoded, and kept
    the header).
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
        if coding not in _IDENTITY:
            codings.append(coding)
    return codings


def _decode(body: bytes, encoding: str | None, *, chunked: bool) -> bytes:
    """``body`` with its chunks joined (if ``chunked``) and one coding undone."""
    if encoding is not None and encoding not in BufferedReader.get_supported_decompressors():
        joined = bytes(ChunkedDataReader(io.BytesIO(body)).read()) if chunked else body
        if _plain(joined):
            return joined  # not in that coding after all: a plain page, read as it is
        hint = " (install scrubwarc[brotli])" if encoding == "br" else ""
        raise ValueError(f"content encoding {encoding!r} is not supported{hint}")
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
        # warcio says on stderr, and reads on, when a stream stops decompressing midway.
        with contextlib.redirect_stderr(io.StringIO()) as said:
            out = bytes(stream.read())
    except (zlib.error, OSError) as exc:
        raise ValueError(f"{encoding} payload does not decompress: {exc}") from None
    if said.getvalue().strip():
        reason = said.getvalue().strip().splitlines()[0]
        raise ValueError(f"{encoding} payload stops decompressing midway: {reason}")
    if encoding and stream.decompressor is None and not _plain(out):
        # warcio passes on, as they are, bytes that do not decompress from the start (a
        # server that labels a plain page): taken only if they are a page by their content.
        raise ValueError(f"{encoding} payload does not decompress, and its bytes are no text")
    return out


def _plain(data: bytes) -> bool:
    """Whether bytes that were declared compressed are a plain page or text after all: no
    binary data, and markup (a ``<`` first) or UTF-8.

    >>> _plain(b" <!DOCTYPE html><p>Hi"), _plain("Grüße".encode()), _plain(b"\\x8b\\x02\\x80Hi")
    (True, True, False)
    """
    if binary_reason(data) is not None:
        return False
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _inflate(data: bytes, wbits: int) -> bytes | None:
    """``data`` inflated, when it holds complete streams; else None.

    gzip data may be several members one after another (RFC 1952, 2.2): all are the
    payload (warcio's reader stops after the first). Other bytes after the end are ignored,
    as browsers ignore them.

    >>> import gzip; _inflate(gzip.compress(b"ab") + gzip.compress(b"cd") + b"\\r\\n", 31)
    b'abcd'
    """
    parts = []
    rest = data
    while True:
        inflater = zlib_ng.decompressobj(wbits)
        try:
            parts.append(inflater.decompress(rest))
        except _INFLATE_ERROR:
            return None
        if not inflater.eof:
            return None  # cut short: the reader's way, which keeps what there is
        rest = inflater.unused_data
        if wbits != _INFLATE["gzip"] or not rest.startswith(b"\x1f\x8b"):
            return parts[0] if len(parts) == 1 else b"".join(parts)


def _parse_head(stream: Any) -> Any:
    """The status line and headers at the start of ``stream``; raises on what is not one."""
    return StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1", "HTTP/2"], verify=False).parse(stream)


def split_http(block: bytes) -> tuple[Any, bytes]:
    """A response record's block as (HTTP headers, body); the headers None if it has none."""
    stream = io.BytesIO(block)
    try:
        headers = _parse_head(stream)
    except (StatusAndHeadersParserException, ValueError):
        return None, block
    return headers, stream.read()


def content_type(headers: Any) -> str | None:
    """The Content-Type of an HTTP message (warcio's ``StatusAndHeaders``): the last one when
    a server sends several, as browsers take it (Fetch, "extract a MIME type").

    >>> from warcio.statusandheaders import StatusAndHeaders as H
    >>> content_type(H("200 OK", [("Content-Type", "text/plain"), ("content-type", "text/html")]))
    'text/html'
    """
    found = None
    for name, value in headers.headers:
        if name.lower() == "content-type":
            found = value
    return found


def http_headers(record: Any) -> Any:
    """The HTTP headers of a warcio record (``record.http_headers``), read by the record's
    type when warcio did not read them.

    warcio reads them only at a target URI spelt ``http:`` or ``https:``, in lower case;
    a scheme is case-insensitive (RFC 3986, 3.1) and crawlers store ``HTTPS://…`` as they
    met it. A response or revisit whose block is ``application/http`` holds an HTTP message
    whatever the URI's spelling. They are set on the record, so its content stream decodes.
    """
    if (
        record.http_headers is None
        and record.rec_type in ("response", "revisit")
        and (record.content_type or "").lstrip().lower().startswith("application/http")
    ):
        try:
            record.http_headers = _parse_head(record.raw_stream)
        except (StatusAndHeadersParserException, ValueError, EOFError):
            return None  # a revisit with no HTTP message, or none at all
    return record.http_headers


def response_payload(block: bytes) -> bytes:
    """The page in a ``response`` record's block, decoded; raises ``ValueError`` if it cannot be.

    >>> response_payload(b"HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n"
    ...                  b"3\\r\\nabc\\r\\n0\\r\\n\\r\\n")
    b'abc'
    """
    headers, body = split_http(block)
    return body if headers is None else decode_http(body, headers)
