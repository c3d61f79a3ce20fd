"""One article's journey: bytes → decoded text or HTML → cleaned text → metadata.

``process`` is a pure function of the input bytes (and options), so it runs the same in
one process, in a pool, or on a cluster. lxml is imported only for HTML input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.pipeline import clean_document
from scrubwarc.meta.model import Metadata
from scrubwarc.read.document import read

__all__ = ["Article", "Metadata", "process"]


@dataclass(frozen=True, slots=True)
class Article:
    """A processed article: the original bytes, the cleaned text and its metadata."""

    original: bytes
    text: str
    metadata: Metadata
    kind: Literal["text", "html"]
    fired: tuple[str, ...] = field(default=())

    @property
    def media_type(self) -> str:
        """The original's media type with the charset it was read with."""
        charset = (self.metadata.encoding or "utf-8").split("+")[0]
        base = "text/html" if self.kind == "html" else "text/plain"
        return f"{base}; charset={_http_charset(charset)}"


def _http_charset(codec: str) -> str:
    """Python codec names to the IANA names browsers know."""
    return {"cp1252": "windows-1252", "cp1251": "windows-1251", "cp932": "shift_jis"}.get(
        codec, codec.replace("_", "-")
    )


def process(
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
    *,
    declared: str | None = None,
    html: bool | None = None,
) -> Article:
    """Read, clean and describe one article; the per-article unit of every batch.

    ``declared`` and ``html`` are what an HTTP response said of the bytes (see ``read``).

    >>> a = process(b"Storm hits\\n\\nStorm hits\\n\\nBy Ann Lee\\n\\nIt rained all day.")
    >>> a.metadata.title, a.metadata.authors, a.kind, a.fired
    ('Storm hits', ('Ann Lee',), 'text', ('whitespace', 'headline'))
    """
    from scrubwarc.meta.text import html_metadata, text_metadata  # lazy: language tables

    encoding = options.encoding if options else None
    doc = read(data, path, encoding, declared=declared, html=html)
    result = clean_document(doc, data, options)
    if doc.tree is not None:
        meta = html_metadata(doc.tree, result, data, path, options)
    else:
        meta = text_metadata(result, data, path, options)
    return Article(data, result.text, meta, doc.kind, result.fired)
