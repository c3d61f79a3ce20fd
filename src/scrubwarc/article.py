"""One article's journey: bytes → decoded text or HTML → cleaned text → metadata.

``process`` is a pure function of the input bytes (and options), so it runs the same in
one process, in a pool, or on a cluster. lxml is imported only for HTML input.
``article_text`` is the one place that says what an article's text is, for every output
(``clean``'s, the WARC text record, ``meta``'s hash and count, the WACZ page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from scrubwarc.clean.model import CleanOptions, CleanResult
from scrubwarc.clean.pipeline import clean_document
from scrubwarc.meta.model import Metadata
from scrubwarc.read.document import Document, read

if TYPE_CHECKING:
    from scrubwarc.meta.html import HtmlMetadata

__all__ = ["Article", "Metadata", "article_text", "process"]


@dataclass(frozen=True, slots=True)
class Article:
    """A processed article: the original bytes, the cleaned text and its metadata."""

    original: bytes
    text: str
    metadata: Metadata
    kind: Literal["text", "html"]
    fired: tuple[str, ...] = field(default=())
    # The cleaned main text alone, without the heading a page's ``text`` has above it; None
    # when it is not known apart from ``text``.
    body: str | None = None

    @property
    def empty(self) -> bool:
        """Nothing was extracted: a page's heading may be there, but no article below it."""
        return not (self.text if self.body is None else self.body).strip()

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


def article_text(doc: Document, result: CleanResult) -> str:
    """The article's text as every output gives it: for a page, the headline, byline and
    date it states above its cleaned main text (as a text article has them); for a text
    article, the cleaned text.

    >>> page = b"<html><head><title>Rain again</title></head><body><h1>Rain again</h1>"
    >>> page += b"<p>It rained all day in the valley, and the river rose by a metre.</p>"
    >>> doc = read(page)
    >>> print(article_text(doc, clean_document(doc, page)))
    Rain again
    <BLANKLINE>
    It rained all day in the valley, and the river rose by a metre.
    <BLANKLINE>
    """
    return _composed(doc, result)[0]


def _composed(
    doc: Document, result: CleanResult, latest: str | None = None
) -> tuple[str, HtmlMetadata | None]:
    """The article's text, and the page's own metadata (read once, for the heading and for
    ``meta``); None for a text article. No date after ``latest`` (ISO day) is the page's."""
    if doc.tree is None:
        return result.text, None
    from scrubwarc.meta.html import read_html_metadata, with_heading  # lazy: HTML input only

    page = read_html_metadata(doc.tree, latest)
    return with_heading(page, result.text), page


def process(
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
    *,
    declared: str | None = None,
    html: bool | None = None,
    captured: str | None = None,
) -> Article:
    """Read, clean and describe one article; the per-article unit of every batch.

    ``declared`` and ``html`` are what an HTTP response said of the bytes (see ``read``);
    ``captured`` when it was fetched (ISO, a WARC-Date). No article is dated after the day
    it was captured, or when that is not known, after today (``latest_day``).

    >>> a = process(b"Storm hits\\n\\nStorm hits\\n\\nBy Ann Lee\\n\\nIt rained all day.")
    >>> a.metadata.title, a.metadata.authors, a.kind, a.fired
    ('Storm hits', ('Ann Lee',), 'text', ('whitespace', 'headline'))

    ``text`` is ``article_text``'s; the metadata's hash and word count describe it.
    """
    from scrubwarc.meta.dates import latest_day
    from scrubwarc.meta.text import html_metadata, text_metadata  # lazy: language tables

    encoding = options.encoding if options else None
    doc = read(data, path, encoding, declared=declared, html=html)
    result = clean_document(doc, data, options)
    latest = latest_day(captured)
    text, page = _composed(doc, result, latest)
    if page is not None:
        meta = html_metadata(page, result, data, path, options, text=text, latest=latest)
    else:
        meta = text_metadata(result, data, path, options, latest)
    return Article(data, text, meta, doc.kind, result.fired, result.text)
