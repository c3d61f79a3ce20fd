"""Metadata from a cleaned article and what the rules removed from it.

Title, byline and date come only from the top of the article (never guessed from the body);
the URL, related links and tracking parameters come from the removals, so nothing a rule
took out is lost.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import unquote, unquote_plus

from .article import Metadata
from .boilerplate import split_cross_link
from .bylines import parse_byline
from .dates import parse_date
from .headline import split_site_suffix
from .model import CleanOptions, CleanResult, Removal
from .tracking import clean_url, is_tracking_param

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["html_metadata", "text_metadata", "tracking_pairs"]

_TOP_LINES = 8  # byline and date lines sit in the article's opening block
_MAX_TITLE = 250
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# Counting with bytes methods gives _WORDS's count when every word character is ASCII.
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHARS_ONLY = bytes(b if chr(b).isalnum() or b == 95 else 32 for b in range(128)) + (
    b" " * 128
)
# Feed links put UTM parameters in this order, so a key-less fragment cut off just before a
# key is the tail of the key that precedes it ("…Security%29&utm_content=" → utm_campaign).
_UTM_BEFORE = {
    "utm_content": "utm_campaign",
    "utm_term": "utm_campaign",
    "utm_campaign": "utm_medium",
    "utm_medium": "utm_source",
}


def tracking_pairs(
    pieces: Iterable[str], options: CleanOptions | None = None
) -> tuple[tuple[str, str], ...]:
    """Tracking parameters in removed residue, values decoded; a cut-off tail kept as found.

    >>> tracking_pairs(["|+Terrorism+%26+Security%29&utm_content=Google+Reader"])
    (('utm_campaign', '|+Terrorism+%26+Security%29'), ('utm_content', 'Google Reader'))
    """
    found: dict[str, str] = {}
    for piece in pieces:
        query = piece
        if _URL.match(query):
            query = query.partition("?")[2].replace("#", "&")
        elif "=" not in query and re.search("%3[dD]", query):
            query = unquote(query)  # a percent-encoded query: its separators are encoded too
        partial: str | None = None
        for i, segment in enumerate(re.split(r"&(?:amp;)?|;", query.lstrip("?&#"))):
            key, eq, value = segment.partition("=")
            if eq and is_tracking_param(key, options):
                name = unquote_plus(key).strip()
                found.setdefault(name, unquote_plus(value))
                if partial is not None:
                    before = _UTM_BEFORE.get(name.casefold())
                    if before and before not in found:
                        found[before] = partial
                    partial = None
            elif i == 0 and not eq and segment:
                partial = segment
    return tuple(sorted(found.items()))


def _related(removals: Iterable[Removal], options: CleanOptions | None) -> tuple[str, ...]:
    titles = (split_cross_link(r.text, options) for r in removals if r.rule == "boilerplate")
    return tuple(t for t in titles if t)


def _removed_url(removals: Iterable[Removal], options: CleanOptions | None) -> str | None:
    """The article's own URL, when a feed glued it to the text."""
    for r in removals:
        if r.rule == "tracking" and _URL.fullmatch(r.text):
            return clean_url(r.text, options)[0]
    return None


def _is_title(line: str) -> bool:
    words = len(_WORDS.findall(line))
    return (
        0 < words <= 40
        and len(line) <= _MAX_TITLE
        and not line.rstrip().endswith((":", ";", ","))
        and parse_byline(line) is None
        and parse_date(line) is None
        and _URL.fullmatch(line.strip()) is None
    )


def _top(text: str) -> list[str]:
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == _TOP_LINES:
                break
    return lines


def _word_count(text: str) -> int:
    """How many runs of word characters (``\\w+``) the text holds.

    >>> _word_count("It’s 2,000 people_here — café!")
    6
    """
    if not text.isascii() and any(ch.isalnum() for ch in set(_NON_ASCII.findall(text))):
        return len(_WORDS.findall(text))
    # Every non-ASCII character is a non-word character here, like the "?" that replaces it.
    return len(text.encode("ascii", "replace").translate(_WORD_CHARS_ONLY).split())


def _detect_language(text: str) -> str | None:
    from .language import detect_language  # per-article cost only on the metadata path

    return detect_language(text)


def _base(result: CleanResult, data: bytes, encoding: str | None, path: str | None) -> Metadata:
    """The fields every article has, whatever its form."""
    return Metadata(
        removed=result.removals,
        word_count=_word_count(result.text),
        sha256=hashlib.sha256(result.text.encode("utf-8")).hexdigest(),
        source_sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        path=path,
    )


def text_metadata(
    result: CleanResult,
    data: bytes,
    encoding: str | None,
    path: str | None = None,
    options: CleanOptions | None = None,
) -> Metadata:
    """Metadata of a plain-text article, from its opening lines and the rules' removals."""
    top = _top(result.text)
    title = site_name = None
    if top and _is_title(top[0]):
        title, site_name = split_site_suffix(top[0])
        for r in result.removals:  # a removed copy of the headline may carry the site's name
            if r.rule == "headline" and site_name is None:
                site_name = split_site_suffix(r.text)[1]
    authors = next((a for line in top if (a := parse_byline(line))), ())
    date = next((d for line in top if (d := parse_date(line))), None)
    tracking = tracking_pairs((r.text for r in result.removals if r.rule == "tracking"), options)
    return replace(
        _base(result, data, encoding, path),
        title=title,
        authors=authors,
        date=date,
        url=_removed_url(result.removals, options),
        site_name=site_name,
        language=_detect_language(result.text),
        related=_related(result.removals, options),
        tracking=tracking,
    )


def html_metadata(
    doc: HtmlElement,
    result: CleanResult,
    data: bytes,
    encoding: str | None,
    path: str | None = None,
    options: CleanOptions | None = None,
) -> Metadata:
    """Metadata of an HTML page: its markup first, the extracted text where markup is silent."""
    from .htmlmeta import read_html_metadata

    page = read_html_metadata(doc)
    from_text = text_metadata(result, data, encoding, path, options)
    url, stripped = clean_url(page.url, options) if page.url else (from_text.url, [])
    tracking = dict(from_text.tracking)
    tracking.update(tracking_pairs(["?" + "&".join(stripped)], options) if stripped else ())
    return replace(
        from_text,
        title=page.title or from_text.title,
        authors=page.authors or from_text.authors,
        date=page.date or from_text.date,
        url=url,
        site_name=page.site_name or from_text.site_name,
        description=page.description,
        language=page.language or from_text.language,
        keywords=page.keywords,
        section=page.section,
        tracking=tuple(sorted(tracking.items())),
    )
