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

from scrubwarc.clean.model import CleanOptions, CleanResult, Removal
from scrubwarc.clean.rules.boilerplate import split_cross_link
from scrubwarc.clean.rules.headline import split_site_suffix
from scrubwarc.clean.rules.tracking import clean_url, is_tracking_param
from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.dates import parse_date
from scrubwarc.meta.model import Metadata

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["html_metadata", "text_metadata", "tracking_pairs"]

_TOP_LINES = 8  # byline and date lines sit in the article's opening block
_MAX_TITLE = 250
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# Counting with bytes methods gives _WORDS's count when every word character is ASCII: word
# characters become "a", the rest " ", and each word starts at one " a" (no str per word).
_ASCII_BYTES = bytes(range(128))
_WORD_MARKS = bytes(97 if chr(b).isalnum() or b == 95 else 32 for b in range(128)) + b" " * 128
_QUERY_SEPARATOR = re.compile(r"&(?:amp;)?|;")
_ENCODED_EQUALS = re.compile("%3[dD]")
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
        elif "=" not in query and _ENCODED_EQUALS.search(query):
            query = unquote(query)  # a percent-encoded query: its separators are encoded too
        partial: str | None = None
        for i, segment in enumerate(_QUERY_SEPARATOR.split(query.lstrip("?&#"))):
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


def _is_title(line: str, byline: tuple[str, ...] | None, date: str | None) -> bool:
    """True for a headline: a short line that is not a byline, date line or URL.

    The line's byline and date are passed in: the search for those reads it too.
    """
    words = len(_WORDS.findall(line))
    return (
        0 < words <= 40
        and len(line) <= _MAX_TITLE
        and not line.rstrip().endswith((":", ";", ","))
        and byline is None
        and date is None
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
    if not text.isascii():
        # Deleting the ASCII bytes of the UTF-8 form leaves the other characters (C passes).
        utf8 = text.encode("utf-8", "surrogatepass")
        others = utf8.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if any(ch.isalnum() for ch in set(others)):
            return len(_WORDS.findall(text))
    # Every non-ASCII character is a non-word character here, like the "?" that replaces it.
    return (b" " + text.encode("ascii", "replace").translate(_WORD_MARKS)).count(b" a")


def _detect_language(text: str) -> str | None:
    from scrubwarc.meta.language import (
        detect_language,  # per-article cost only on the metadata path
    )

    return detect_language(text)


def text_metadata(
    result: CleanResult,
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
) -> Metadata:
    """Metadata of a plain-text article, from its opening lines and the rules' removals."""
    top = _top(result.text)
    title = site_name = authors = date = None
    if top:
        authors, date = parse_byline(top[0]), parse_date(top[0])
        if _is_title(top[0], authors, date):
            title, site_name = split_site_suffix(top[0])
            for r in result.removals:  # a removed copy of the headline may carry the site's name
                if r.rule == "headline" and site_name is None:
                    site_name = split_site_suffix(r.text)[1]
    authors = authors or next((a for line in top[1:] if (a := parse_byline(line))), ())
    date = date or next((d for line in top[1:] if (d := parse_date(line))), None)
    tracking = tracking_pairs((r.text for r in result.removals if r.rule == "tracking"), options)
    return Metadata(
        title=title,
        authors=authors,
        date=date,
        url=_removed_url(result.removals, options),
        site_name=site_name,
        language=_detect_language(result.text),
        related=_related(result.removals, options),
        tracking=tracking,
        removed=result.removals,
        word_count=_word_count(result.text),
        sha256=hashlib.sha256(result.text.encode("utf-8")).hexdigest(),
        source_sha256=hashlib.sha256(data).hexdigest(),
        encoding=result.encoding,
        path=path,
    )


def html_metadata(
    doc: HtmlElement,
    result: CleanResult,
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
) -> Metadata:
    """Metadata of an HTML page: its markup first, the extracted text where markup is silent."""
    from scrubwarc.meta.html import read_html_metadata

    page = read_html_metadata(doc)
    from_text = text_metadata(result, data, path, options)
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
