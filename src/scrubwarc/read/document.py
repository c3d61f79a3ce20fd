"""The read step: bytes to a ``Document``, the one place that decides what an input is.

Every path through scrubwarc (``clean``, ``meta``, ``archive``) reads its input here, so "is
this HTML?", the encoding and how it was found are decided once. lxml is imported only for
HTML input: the pre-commit hook reads text files and never loads it.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from scrubwarc._tuples import TYPE_CHECKING, NamedTuple
from scrubwarc.read.decode import decode
from scrubwarc.read.sniff import refuse_binary

if TYPE_CHECKING:
    from typing import Literal

    from lxml.html import HtmlElement

__all__ = ["Document", "is_html", "read"]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(
    rb"\s*+(?:<!--.{0,200}?-->\s*+)*(?:<!doctype\s+html|<html|<head)", re.I | re.S
)


class Document(NamedTuple):
    """An input as read: its kind, its text, the HTML tree when it is a page, the encoding.

    For a page, ``text`` is the extracted article (the tree stays for metadata). ``how`` says
    how the kind was decided (``suffix`` or ``content``).
    """

    kind: Literal["text", "html"]
    text: str
    encoding: str
    how: str
    tree: HtmlElement | None = None
    confidence: float = 1.0  # how sure the encoding is (0 to 1); 1 when stated or certain


def is_html(data: bytes, name: str | None = None) -> bool:
    """True for an HTML page: by its suffix, else by how its bytes begin.

    >>> is_html(b"<!DOCTYPE html><title>x</title>"), is_html(b"Headline\\n\\nBody")
    (True, False)
    """
    return _html_by(data, name) is not None


def _html_by(data: bytes, name: str | None) -> str | None:
    if name is not None and PurePath(name).suffix.lower() in _HTML_SUFFIXES:
        return "suffix"
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return "content" if _HTML_START.match(head) is not None else None


def read(
    data: bytes,
    name: str | None = None,
    encoding: str | None = None,
    *,
    declared: str | None = None,
    html: bool | None = None,
) -> Document:
    """Read one input: a text article is decoded, an HTML page parsed and its article extracted.

    ``declared`` is a charset declared outside the bytes (an HTTP ``Content-Type``): it wins
    over the page's own ``<meta>`` and over detection, as in a browser. ``html`` says what
    the input is when something outside the bytes knows (True: a page, False: text);
    None decides by the name's suffix, then the bytes.

    >>> read("Headline\\n\\nBody, café.".encode()).text
    'Headline\\n\\nBody, café.'
    >>> doc = read(b"<html><body><p>A paragraph long enough to be the article text here.</p>")
    >>> doc.kind, doc.how, doc.text
    ('html', 'content', 'A paragraph long enough to be the article text here.')

    ``encoding``, when given, is used instead of detecting one.
    Raises ``DecodeError`` (binary or undecodable bytes) or ``HtmlError``, naming ``name``.
    """
    how = _html_by(data, name) if html is None else ("declared" if html else None)
    if how is not None:
        from scrubwarc.read.html import read_html  # lazy: lxml, for HTML input only

        refuse_binary(data, name)  # lxml would parse a gzip stream or an executable as a page
        tree, found, text = read_html(data, source=name, encoding=encoding, declared=declared)
        return Document("html", text, found, how, tree)
    decoded = decode(data, name, encoding, declared)
    how = "declared" if html is False else "content"
    return Document("text", decoded.text, decoded.encoding, how, None, decoded.confidence)
