"""A document's cleaned text, whether it is a plain-text article or an HTML page.

This is all ``clean`` needs; metadata types live in ``article``, so the pre-commit hook
imports neither them nor lxml (which is loaded only for HTML input).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import TYPE_CHECKING

from scrubwarc.clean.model import CleanOptions, CleanResult
from scrubwarc.clean.pipeline import clean_bytes, clean_text
from scrubwarc.read.sniff import refuse_binary

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["clean_document", "clean_html", "is_html"]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(
    rb"\s*+(?:<!--.{0,200}?-->\s*+)*(?:<!doctype\s+html|<html|<head)", re.I | re.S
)


def is_html(data: bytes, name: str | None = None) -> bool:
    """True for an HTML page: by its suffix, else by how its bytes begin.

    >>> is_html(b"<!DOCTYPE html><title>x</title>"), is_html(b"Headline\\n\\nBody")
    (True, False)
    """
    if name is not None and PurePath(name).suffix.lower() in _HTML_SUFFIXES:
        return True
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return _HTML_START.match(head) is not None


def clean_html(
    data: bytes, source: str | None, options: CleanOptions | None
) -> tuple[HtmlElement, CleanResult]:
    """Parse a page, extract its article and clean it; the tree stays for metadata."""
    from scrubwarc.read.html import detect_encoding, extract_text, parse_document  # lazy: lxml

    refuse_binary(data, source)  # lxml would parse a gzip stream or an executable as a page
    doc = parse_document(data, source=source)
    result = clean_text(extract_text(doc), options)
    encoding = detect_encoding(data)
    return doc, CleanResult(result.text, result.fired, result.removals, encoding, changed=True)


def clean_document(
    data: bytes, options: CleanOptions | None = None, source: str | None = None
) -> CleanResult:
    """Clean a text file, or extract and clean the article of an HTML page."""
    if is_html(data, source):
        return clean_html(data, source, options)[1]
    return clean_bytes(data, options, source)
