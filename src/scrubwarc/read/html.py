"""Safe HTML parsing and main-article-text extraction.

lxml first, on purpose: it parses an order of magnitude faster than BeautifulSoup, and this runs
once per archived page. Callers import this module lazily; it is not on the fast ``clean`` path.

BeautifulSoup earns its cost in one case: libxml2 (without ``huge_tree``, which would also lift
its limits on text size) stops at nesting depth 256 and silently drops the rest of the page. A
page that deep is parsed again with BeautifulSoup's ``html.parser``, which builds the tree
without recursion, then written out with its nesting capped and read back with lxml.
"""

from __future__ import annotations

import codecs
import html
import re
import string
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

import lxml.html
from lxml import etree

from scrubwarc.errors import DecodeError, HtmlError
from scrubwarc.read import blocks as score
from scrubwarc.read import jsonld
from scrubwarc.read.decode import BOMS, legacy_encoding, strip_bom

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

__all__ = [
    "EncodingChoice",
    "choose_encoding",
    "detect_encoding",
    "explain_page",
    "extract_text",
    "parse_document",
    "read_html",
]

# Browsers only look this far for a <meta charset> (the HTML spec's prescan reads 1024 bytes;
# real pages put long <script>s first, so we allow more).
_PRESCAN_BYTES = 4096
# ``[^<>]*`` cannot run past the next tag, so the scan stays linear however the bytes look.
_META_RE = re.compile(rb"<meta\b([^<>]*)", re.IGNORECASE)
_CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
# The WHATWG Encoding Standard decodes these labels as windows-1252, and so do browsers.
_AS_CP1252 = frozenset({"latin-1", "ascii", "iso8859-1", "cp1252"})
# Browsers decode these labels with a superset codec; pages rely on the extra characters.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "iso8859-9": "cp1254",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
}

_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
_parsers = threading.local()  # lxml advises against sharing one parser between threads


def _parser(encoding: str | None) -> lxml.html.HTMLParser:
    """One parser per thread and encoding; ``None`` parses an already-decoded ``str``."""
    cache: dict[str | None, lxml.html.HTMLParser] | None = getattr(_parsers, "cache", None)
    if cache is None:
        cache = _parsers.cache = {}
    parser = cache.get(encoding)
    if parser is None:
        # libxml2's HTML parser never loads a DTD or expands entities declared in one (it has no
        # ``resolve_entities`` switch to turn off); no_network and huge_tree=False keep it from
        # fetching anything and bound nesting depth and text size against hostile input.
        parser = lxml.html.HTMLParser(
            encoding=encoding,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            default_doctype=False,
            collect_ids=False,  # nothing here looks elements up by id; saves ~6% of parsing
        )
        # lxml.html picks each element's class in a Python callback (FormElement for <form>,
        # ...), which costs more than our whole tree walk; every element is a plain
        # HtmlElement here, chosen in C.
        parser.set_element_class_lookup(_LOOKUP)
        cache[encoding] = parser
    return parser


def _declared_encoding(head: bytes) -> str | None:
    for meta in _META_RE.finditer(head):
        found = _CHARSET_RE.search(meta.group(1))
        if found:
            try:
                return codecs.lookup(found.group(1).decode("ascii")).name
            except LookupError:
                continue  # an unknown label: keep looking, then fall back to sniffing
    return None


def _known(label: str | None) -> str | None:
    """The codec name of a charset label, or None for no label or one Python does not know.

    >>> _known("ISO-8859-1"), _known("x-unknown"), _known(None)
    ('iso8859-1', None, None)
    """
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class EncodingChoice(NamedTuple):
    """The codec a page is read with, what the page declared, and why the codec was chosen."""

    codec: str
    declared: str | None
    reason: str  # "bom", "declared", "utf-8 over declared", "undeclared utf-8", "sniffed"


def choose_encoding(data: bytes, declared: str | None = None) -> EncodingChoice:
    """The encoding a browser would pick, in the order BOM, ``<meta>`` declaration, UTF-8, sniff.

    ``declared`` (an HTTP header's charset) comes before the ``<meta>``, as in a browser; an
    unknown label is ignored.

    A declaration is checked against the bytes: non-ASCII bytes that are valid UTF-8 are read as
    UTF-8 whatever legacy charset the page declares. Legacy multi-byte text (GB2312, Shift_JIS,
    EUC-KR, cp1252 with accents) is practically never valid UTF-8, so such a page was saved as
    UTF-8 by a CMS that kept an old ``<meta>``; browsers' own sniffers and both peer extractors
    read it as UTF-8 too. An undeclared page that is not UTF-8 gets the same evidence-based legacy
    detection as text files (``decode.legacy_encoding``).

    >>> choose_encoding(b'<meta charset="ISO-8859-1"><p>caf\\xe9')
    EncodingChoice(codec='cp1252', declared='iso8859-1', reason='declared')
    >>> choose_encoding('<meta charset="gb2312"><p>中文'.encode())
    EncodingChoice(codec='utf-8', declared='gb2312', reason='utf-8 over declared')
    """
    for bom, _, name in BOMS:
        if data.startswith(bom):
            return EncodingChoice(name, None, "bom")
    declared = _known(declared) or _declared_encoding(data[:_PRESCAN_BYTES])
    if declared is not None:
        if declared.startswith(("utf-16", "utf-32")):
            # The bytes were ASCII-compatible enough to read the <meta>: not UTF-16.
            return EncodingChoice("utf-8", declared, "utf-8 over declared")
        if declared == "utf-8":
            return EncodingChoice("utf-8", declared, "declared")
        if not data.isascii() and _is_utf8(data):
            return EncodingChoice("utf-8", declared, "utf-8 over declared")
        codec = "cp1252" if declared in _AS_CP1252 else _SUPERSETS.get(declared, declared)
        return EncodingChoice(codec, declared, "declared")
    if _is_utf8(data):
        return EncodingChoice("utf-8", None, "undeclared utf-8")
    found = legacy_encoding(strip_bom(data))
    # Browsers read latin-1 as cp1252.
    return EncodingChoice("cp1252" if found == "iso-8859-1" else found, None, "sniffed")


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """The codec ``choose_encoding`` picks.

    >>> detect_encoding('<p>café'.encode())
    'utf-8'
    """
    return choose_encoding(data, declared).codec


def _stated(encoding: str, source: str | None) -> str:
    """The codec name of an encoding a user stated, or DecodeError naming the file."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}", source) from None


def read_html(
    data: bytes,
    *,
    source: str | None = None,
    encoding: str | None = None,
    declared: str | None = None,
) -> tuple[lxml.html.HtmlElement, str, str]:
    """A page's tree, its encoding (found once, or as stated) and its article text.

    ``declared`` is the charset of an HTTP header, if the page came with one; a stated
    ``encoding`` wins over everything.
    """
    encoding = _stated(encoding, source) if encoding else detect_encoding(data, declared)
    tree = parse_document(data, source=source, encoding=encoding)
    return tree, encoding, extract_text(tree)


def parse_document(
    data: bytes, *, source: str | None = None, encoding: str | None = None
) -> lxml.html.HtmlElement:
    """Parse untrusted bytes into an lxml tree without resolving entities or fetching anything.

    ``encoding`` is what ``detect_encoding`` found, when the caller has it already.
    Raises ``HtmlError`` naming ``source`` for empty input or input with no element at all.
    Nesting deeper than libxml2's limit (256 without ``huge_tree``) ends the parse there.
    """
    encoding = encoding or detect_encoding(data)
    body = strip_bom(data)
    if not body.strip():
        raise HtmlError("empty HTML document", source)
    try:
        if encoding == "utf-8":
            # Fast path: libxml2 decodes UTF-8 itself (invalid sequences in a page that declared
            # UTF-8 are replaced, as a browser would).
            root = lxml.html.document_fromstring(body, parser=_parser("utf-8"))
        else:
            text = body.decode(encoding, errors="replace")
            if not text.strip():
                raise HtmlError("empty HTML document", source)
            root = lxml.html.document_fromstring(text, parser=_parser(None))
        if _too_deep(_parser("utf-8" if encoding == "utf-8" else None)):
            root = _parse_flattened(body.decode(encoding, errors="replace"))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise HtmlError(f"cannot parse HTML: {exc}", source) from exc
    if root is None:
        raise HtmlError("no HTML elements found", source)
    return root


# Comfortably under libxml2's 256, leaving room for the <html> and <body> it adds.
_MAX_DEPTH = 200
# Raw text, written unescaped (so JSON-LD still parses), and elements whose content is text only.
_RAW_TEXT = frozenset({"script", "style"})
_TEXT_ONLY = frozenset({"title", "textarea", "noscript", "xmp"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9:_-]{0,63}")
_ATTR_NAME = re.compile(r"[^\s\"'<>/=\x00-\x1f]{1,64}")


def _too_deep(parser: lxml.html.HTMLParser) -> bool:
    """Whether libxml2 gave up descending in the last parse (it recovers, silently)."""
    return any("Excessive depth" in e.message for e in parser.error_log)


def _parse_flattened(text: str) -> lxml.html.HtmlElement:
    """Parse a page nested too deep for libxml2, keeping all of its text.

    Elements below ``_MAX_DEPTH`` become empty markers followed by their content, so block
    boundaries still split paragraphs; the content of raw-text elements stays inside them.
    """
    from bs4 import BeautifulSoup  # lazy: only for the rare page nested this deep

    markup = _flatten(BeautifulSoup(text, "html.parser"))
    return lxml.html.document_fromstring(markup, parser=_parser(None))


def _start_tag(name: str, attrs: dict[str, object]) -> str:
    parts = [name]
    for key, value in attrs.items():
        if _ATTR_NAME.fullmatch(key):
            joined = " ".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f'{key}="{html.escape(joined)}"')
    return "<" + " ".join(parts) + ">"


def _flatten(soup: BeautifulSoup) -> str:
    """Markup of ``soup`` with nesting capped at ``_MAX_DEPTH``, written without recursion."""
    from bs4.element import NavigableString, PreformattedString, Tag

    out: list[str] = []
    # Each level: the children still to write and the end tag that closes the level.
    stack: list[tuple[Iterator[object], str]] = [(iter(soup.contents), "")]
    while stack:
        children, closer = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            out.append(closer)
            continue
        if isinstance(node, Tag):
            name = node.name.lower()
            if not _TAG_NAME.fullmatch(name):
                stack.append((iter(node.contents), ""))  # keep the content, drop the tag
                continue
            start = _start_tag(name, dict(node.attrs))
            if name in _VOID:
                out.append(start)
            elif name in _RAW_TEXT or name in _TEXT_ONLY:
                content = "".join(str(s) for s in node.strings)
                if name in _RAW_TEXT:
                    content = content.replace("</", "<\\/")  # cannot end the element early
                else:
                    content = html.escape(content, quote=False)
                out.append(f"{start}{content}</{name}>")
            elif len(stack) < _MAX_DEPTH:
                out.append(start)
                stack.append((iter(node.contents), f"</{name}>"))
            else:
                out.append(f"{start}</{name}>")  # a marker; the content follows as siblings
                stack.append((iter(node.contents), f"{start}</{name}>"))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            out.append(html.escape(str(node), quote=False))
    return "".join(out)


def extract_text(doc: lxml.html.HtmlElement) -> str:
    """The main article body as plain text: one paragraph per block, separated by blank lines.

    Read-only: the tree is not modified, so ``doc`` can be reused (for metadata, or again here).

    >>> page = parse_document(b"<nav><a href=/>Home</a></nav><article><h1>Title</h1>"
    ...     b"<p>First   paragraph, with enough words to count as real article text.</p>"
    ...     b"<p>Second paragraph, also long enough to be article text, not chrome.</p>"
    ...     b"</article><footer>(c) 2024</footer>")
    >>> print(extract_text(page))
    First paragraph, with enough words to count as real article text.
    <BLANKLINE>
    Second paragraph, also long enough to be article text, not chrome.
    """
    paragraphs = score.extract(doc).paragraphs
    stated = _stated_body(doc, _letters(paragraphs, _MARKUP_ENOUGH))
    return "\n\n".join(paragraphs if stated is None else stated)


# A page whose markup holds fewer letters than a third of the article its JSON-LD states
# (at least _STATED_MIN_LETTERS) is filled in by a script: the stated article is its text.
# Markup with _MARKUP_ENOUGH letters is an article, whatever the JSON-LD says.
_STATED_MIN_LETTERS = 200
_STATED_GAIN = 3
_MARKUP_ENOUGH = 2000
_LETTER_CHUNK = 1024
_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def _letters(paragraphs: Iterable[str], enough: int) -> int:
    """How many letters ``paragraphs`` hold, counted until ``enough`` (then at least that).

    This runs for every page: an article's text is never read past its first letters, and
    those are counted in C, not one Python step per character: an ASCII chunk by deleting its
    letters (``bytes.translate``), any other by ``map(str.isalpha, …)``.

    >>> _letters(["ab1", "c d"], 100), _letters(["abc" * 1000], 5) >= 5
    (4, True)
    >>> _letters(["Ça va? ½", "x²"], 100)
    5
    """
    count = 0
    for paragraph in paragraphs:
        for start in range(0, len(paragraph), _LETTER_CHUNK):
            chunk = paragraph[start : start + _LETTER_CHUNK]
            if chunk.isascii():  # ASCII letters are A-Z and a-z: delete them and count the rest
                count += len(chunk) - len(chunk.encode("ascii").translate(None, _ASCII_LETTERS))
            else:
                count += sum(map(str.isalpha, chunk))
            if count >= enough:
                return count
    return count


def _stated_body(doc: lxml.html.HtmlElement, found: int) -> list[str] | None:
    """The paragraphs of the JSON-LD ``articleBody``, when the markup holds much less.

    Pages built by scripts (and crawled without running them) carry the article only in
    their JSON-LD; elsewhere the markup is what readers see and it wins, even where an
    ``articleBody`` states more (a teaser page, or a body the markup has split up).
    """
    if found >= _MARKUP_ENOUGH:
        return None
    stated = jsonld.article_body(doc)
    if stated is None:
        return None
    body, markup = stated
    if markup:
        try:
            fragment = parse_document(body.encode("utf-8"), encoding="utf-8")
        except HtmlError:
            return None  # markup with no element in it ("<!-- <br> -->"): no article stated
        lines = list(score.extract(fragment).paragraphs)
    else:
        lines = [" ".join(line.split()) for line in body.splitlines()]
    lines = [line for line in lines if line]
    letters = _letters(lines, max(_STATED_MIN_LETTERS, found * _STATED_GAIN))
    if letters < _STATED_MIN_LETTERS or letters < found * _STATED_GAIN:
        return None
    return lines


def explain_page(data: bytes, doc: lxml.html.HtmlElement) -> tuple[str, tuple[score.Dropped, ...]]:
    """How a page was read: its encoding choice in words, and what extraction left out and why.

    >>> page = b'<meta charset="gb2312"><article><p>' + "正文".encode() * 40 + b'</p>'
    >>> note, dropped = explain_page(page, parse_document(page))
    >>> note
    'utf-8 (declares gb2312, but the bytes are valid UTF-8)'
    """
    choice = choose_encoding(data)
    if choice.reason == "utf-8 over declared":
        note = f"utf-8 (declares {choice.declared}, but the bytes are valid UTF-8)"
    elif choice.reason == "declared":
        note = f"{choice.codec} (declared)"
    else:
        note = f"{choice.codec} ({choice.reason})"
    return note, score.extract(doc).dropped
