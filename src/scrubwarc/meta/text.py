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
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from scrubwarc.clean.model import CleanOptions, CleanResult, Removal
from scrubwarc.clean.params import clean_url, tracking_pairs
from scrubwarc.clean.rules.boilerplate import split_cross_link
from scrubwarc.clean.rules.headline import copy_site_name
from scrubwarc.clean.sitename import name_key, split_site_name, suffixes
from scrubwarc.meta.affiliations import is_agency, is_role
from scrubwarc.meta.bylines import byline_date, byline_site, parse_byline
from scrubwarc.meta.dates import DateReading, is_update, read_date
from scrubwarc.meta.model import Metadata
from scrubwarc.meta.textfields import (
    MAX_HEADER,
    Fields,
    field_of,
    is_above_headline,
    is_kicker,
    is_prose,
    is_standfirst,
    read_fields,
)

if TYPE_CHECKING:
    from scrubwarc.meta.html import HtmlMetadata

__all__ = ["group_tracking", "html_metadata", "text_metadata"]

_TOP_LINES = 8  # byline and date lines sit in the article's opening block
_MAX_TITLE = 250
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORDS = re.compile(r"\w+")
# What names no language: addresses and e-mail addresses (their letters are a host's).
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# A wire story's lede opens with its dateline: "WASHINGTON (AP) —", "LONDON, March 4
# (Reuters) -", "BEIRUT, Lebanon (AFP) –". It is the body's first sentence, never a headline.
_WIRE_LEDE = re.compile(
    r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}"  # the place in capitals
    r"(?:, [A-Z][\w.]*(?: [\w.]+){0,3})?"  # its state or country, or the date
    r" \((?P<agency>[^()]{1,30})\) ?[—–-]"  # the agency, a dash
    r"|[\u4e00-\u9fff]{2,20}[0-9]{1,2}月[0-9]{1,2}日电"  # "新华社北京3月4日电"
)
# A meta line's pieces ("Posted by admin | March 4, 2024 | 3 Comments"), at most this many.
_META_BAR = re.compile(r" [|·•] ")
_MAX_PIECES = 6
_MAX_ROLE_WORDS = 4  # "Senior Reporter", "Correspondent in Moscow" alone on a line
_LANGUAGE_SAMPLE = 6_000  # twice what detect_language reads, for the addresses taken out
# Counting with bytes methods gives _WORDS's count when every word character is ASCII: word
# characters become "a", the rest " ", and each word starts at one " a" (no str per word).
_ASCII_BYTES = bytes(range(128))
_WORD_MARKS = bytes(97 if chr(b).isalnum() or b == 95 else 32 for b in range(128)) + b" " * 128


def group_tracking(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every value of each tracking parameter, names sorted, values in the order found.

    >>> group_tracking([("utm_source", "a"), ("fbclid", "x"), ("utm_source", "b")])
    (('fbclid', ('x',)), ('utm_source', ('a', 'b')))
    """
    grouped: dict[str, list[str]] = {}
    for name, value in pairs:
        grouped.setdefault(name, []).append(value)
    return tuple((name, tuple(values)) for name, values in sorted(grouped.items()))


def _related(removals: Iterable[Removal], options: CleanOptions | None) -> tuple[str, ...]:
    titles = (split_cross_link(r.text, options) for r in removals if r.rule == "boilerplate")
    return tuple(t for t in titles if t)


def _removed_url(removals: Iterable[Removal], options: CleanOptions | None) -> str | None:
    """The article's own URL, when a feed glued it to the text."""
    for r in removals:
        if r.rule == "tracking" and _URL.fullmatch(r.text):
            return clean_url(r.text, options)[0]
    return None


def _site_evidence(top: list[str], url: str | None, options: CleanOptions | None) -> set[str]:
    """Names a title's suffix may be cut as: configured or learned from the run (in
    ``options.site_names``), a byline's ``| Site``, the article URL's host."""
    known = set(options.site_names) if options else set()
    known.update(site for line in top[1:] if (site := byline_site(line)))
    if url:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        host = host.removeprefix("www.")
        known.update((host, host.rpartition(".")[0]) if "." in host else ())
    return known


def _is_title(line: str, byline: tuple[str, ...] | None, date: str | None) -> bool:
    """True for a headline: a short line that is not a byline, date line, URL or a wire
    story's lede (``WASHINGTON (AP) — The Senate …``).

    The line's byline and date are passed in: the search for those reads it too.
    """
    words = len(_WORDS.findall(line))
    return (
        0 < words <= 40
        and len(line) <= _MAX_TITLE
        and not line.rstrip().endswith((":", ";", ",", "—", "–", "-"))  # "CNN —": a dateline
        and byline is None
        and date is None
        and _URL.fullmatch(line.strip()) is None
        and _WIRE_LEDE.match(line.strip()) is None
    )


def _date_order(options: CleanOptions | None, language: str | None) -> str:
    """How numbers that read both ways (``02/12/2025``) are read: as configured, else as the
    text's language writes them, day first in every language but English (a text in English
    has no region to tell the US's order from the rest's: month first, as before).

    >>> _date_order(None, "fr"), _date_order(None, "en"), _date_order(None, None)
    ('day-first', 'month-first', 'month-first')
    >>> _date_order(CleanOptions(date_order="month-first"), "fr")
    'month-first'
    """
    if options is not None and options.date_order:
        return options.date_order
    return "day-first" if language not in (None, "en") else "month-first"


def _wire_credit(lines: list[str]) -> tuple[str, ...]:
    """The news agency a wire story's lede credits (``WASHINGTON (AP) — …``), as a byline
    ``By AP`` names it: the author of a story no one else signs.

    >>> _wire_credit(["Storm hits", "LONDON, March 4 (Reuters) - It rained."])
    ('Reuters',)
    >>> _wire_credit(["Storm hits", "PARIS (Ann Lee) - It rained."]), _wire_credit(["Storm"])
    ((), ())
    """
    for line in lines:
        lede = _WIRE_LEDE.match(line.strip())
        if lede is not None:
            agency = (lede["agency"] or "").strip()
            return (agency,) if agency and is_agency(agency) else ()
    return ()


def _top_date(lines: list[str], order: str, language: str | None) -> DateReading | None:
    """The publication date of the opening lines: a date line's, the date a byline ends
    with (``By X | March 3, 2020``) or a piece of a meta line between bars holds (``Posted
    by admin | March 4, 2024 | 3 Comments``); a date marked as an update (``Updated: ...``) only
    when no other line is dated, as on HTML pages.
    """
    update = None
    for line in lines:
        dated = line
        reading = read_date(line, order, language)
        if reading.iso is None and (tail := byline_date(line)) is not None:
            dated, reading = tail, read_date(tail, order, language)
        if reading.iso is None and _META_BAR.search(line):
            dated, reading = _dated_piece(line, order, language)
        if reading.iso is None:
            continue
        if not is_update(dated, language):
            return reading
        update = update or reading
    return update


def _dated_piece(line: str, order: str, language: str | None) -> tuple[str, DateReading]:
    """The first piece of a meta line between bars that is a date line, and its reading.

    >>> _dated_piece("Posted by admin | March 4, 2024 | 3 Comments", "month-first", None)[0]
    'March 4, 2024'
    """
    for piece in _META_BAR.split(line, maxsplit=_MAX_PIECES)[:_MAX_PIECES]:
        if (reading := read_date(piece, order, language)).iso is not None:
            return piece, reading
    return line, DateReading(None)


def _name_over_role(lines: list[str], *, headed: bool = True) -> tuple[str, ...]:
    """A name alone on a line with its role on the next, as an author box lays them out
    (``Jane Roe`` over ``Senior Reporter``): the byline ``Jane Roe, Senior Reporter``.
    Only above the body's first sentence (a standfirst may stand first below a headline,
    which ``headed`` says there is).

    >>> _name_over_role(["Talks", "Jane Roe", "Senior Reporter"]), _name_over_role(["Jane Roe"])
    (('Jane Roe',), ())
    """
    for index, (line, below) in enumerate(pairwise(lines)):
        if is_prose(line) and not (index == 0 and headed and is_standfirst(line)):
            break  # the body has begun: a name over a role below is a quote's speaker
        words = below.split()
        if (
            len(words) <= _MAX_ROLE_WORDS
            and all(w[:1].isupper() or w in ("in", "of", "for", "at") for w in words)
            and is_role(below)
            and (names := parse_byline(f"{line}, {below}", mononyms=False)) is not None
            and len(names) == 1
        ):
            return names
    return ()


def _top(text: str, count: int = _TOP_LINES) -> list[str]:
    """The first ``count`` non-blank lines, stripped."""
    lines: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            lines.append(line.strip())
            if len(lines) == count:
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
    """The text's language, read without its addresses: a URL line's slug or an e-mail
    address would vote with words of no language (or of a language not the text's)."""
    from scrubwarc.meta.language import (
        detect_language,  # per-article cost only on the metadata path
    )

    sample = text[:_LANGUAGE_SAMPLE]
    if "://" in sample or "www." in sample or "@" in sample:
        sample = _ADDRESS.sub(" ", sample)
    return detect_language(sample)


class _Opening(NamedTuple):
    """What an article's opening lines state."""

    title: str | None
    site_name: str | None
    authors: tuple[str, ...]
    reading: DateReading
    url: str | None = None
    fields: Fields = Fields()


def _opening(
    result: CleanResult,
    url: str | None,
    options: CleanOptions | None,
    language: str | None,
    latest: str | None = None,
) -> _Opening:
    """What the opening lines state. ``url`` is the address found elsewhere (a glued feed
    URL); an address the opening states (``URL: …``, or alone on the first line) comes
    first. A date after ``latest`` (ISO day) dates something to come, not the article."""
    lines = _top(result.text, MAX_HEADER)
    fields = read_fields(lines, _TOP_LINES)
    url = _stated_url(fields, options) or url
    top = lines[:_TOP_LINES]
    while top and is_above_headline(top[0]):
        top = top[1:]  # the address or breadcrumb trail above the headline
    order = _date_order(options, language)
    if len(top) > 1 and is_kicker(top[0]) and _heads(top[0], top[1], order, language):
        top = top[1:]  # "WORLD", "EXCLUSIVE:" above the headline
    title = site_name = authors = None
    description = fields.description
    reading = DateReading(None)
    if top:
        authors, reading = (
            parse_byline(top[0], organisations=True, mononyms=False),
            read_date(top[0], order, language),
        )
        if fields.title is not None:
            title, site_name = split_site_name(fields.title, _site_evidence(top, url, options))
        elif field_of(top[0]) is None and _is_title(top[0], authors, reading.iso):
            title, site_name = split_site_name(top[0], _site_evidence(top, url, options))
        if title is not None:
            known = options.site_names if options is not None else frozenset()
            for r in result.removals:  # a removed copy of the headline may carry the site's name
                if r.rule == "headline" and site_name is None:
                    site_name = copy_site_name(r.text, title, known)
    authors = authors or next(
        (a for line in top[1:] if (a := parse_byline(line, organisations=True, mononyms=False))),
        (),
    )
    authors = authors or _name_over_role(top[1:], headed=title is not None) or _wire_credit(top)
    if len(authors) > 1:
        sites = _site_evidence(top, url, options) | {fields.site_name or "", site_name or ""}
        named, authors = authors, _not_the_site(authors, sites, top[0], url)
        if title is not None and site_name is None and len(named) > len(authors):
            # The byline named the site the headline ends with: "… | Civil Beat".
            title, site_name = split_site_name(title, set(named) - set(authors))
    reading = _possible(reading, latest)
    if reading.iso is None:
        reading = _possible(_top_date(top[1:], order, language) or reading, latest)
    if description is None and title is not None and _stands_first(top, order, language):
        description = top[1]
    return _Opening(
        title,
        fields.site_name or site_name,
        authors,
        reading,
        url,
        fields._replace(description=description),
    )


# Second-level labels under a country's domain: "bbc.co.uk" is the BBC's.
_SECOND_LEVEL = frozenset(("co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"))


def _host_name(host: str) -> str:
    """The label a host is registered under, the site's name squashed: a subdomain
    (``edition.cnn.com``, a writer's ``janeroe.substack.com``) names no site.

    >>> _host_name("edition.cnn.com"), _host_name("www.bbc.co.uk"), _host_name("localhost")
    ('cnn', 'bbc', '')
    """
    labels = host.casefold().split(".")[:-1]
    while len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return labels[-1] if labels else ""


def _is_credit_line(line: str, order: str, language: str | None) -> bool:
    """A byline or a date line."""
    return (
        parse_byline(line, organisations=True, mononyms=False) is not None
        or read_date(line, order, language).iso is not None
        or byline_date(line) is not None
    )


def _heads(kicker: str, line: str, order: str, language: str | None) -> bool:
    """Whether ``line``, below a kicker in capitals, is the headline: a title that is no
    sentence of the body and, in capitals too, says more than the kicker (else the line in
    capitals is the headline itself)."""
    if field_of(line) is not None or line.rstrip().endswith((".", "!", "?", "。")):
        return False
    if line.isupper() and len(line.split()) <= len(kicker.split()):
        return False
    return not _is_credit_line(line, order, language) and _is_title(line, None, None)


def _stands_first(top: list[str], order: str, language: str | None) -> bool:
    """Whether ``top[1]`` is a standfirst: the one line between the headline and the byline
    or date line, shaped as a summary, with the body below them. Below the byline it cannot
    be told from the body's first paragraph, which is the article's, not its description;
    above a byline that ends the text it is the body."""
    return (
        len(top) > 3
        and is_standfirst(top[1])
        and not _is_credit_line(top[1], order, language)
        and (_is_credit_line(top[2], order, language) or bool(_name_over_role(top[2:4])))
    )


def _not_the_site(
    authors: tuple[str, ...], sites: set[str], headline: str, url: str | None
) -> tuple[str, ...]:
    """The authors without the text's own site after the first (``By Jane Roe, Al
    Jazeera`` on aljazeera.com): a name whose letters are the site's, as its address, its
    ``Site:`` field, a byline's ``| Site`` or the headline's suffix states it.

    >>> _not_the_site(("Jane Roe", "Al Jazeera"), set(), "Talks", "https://www.aljazeera.com/a")
    ('Jane Roe',)
    >>> _not_the_site(("Jane Roe", "Civil Beat"), set(), "Talks | Civil Beat", None)
    ('Jane Roe',)
    >>> _not_the_site(("Jane Roe", "Li Sun"), {"Daily Sun"}, "Talks", None)
    ('Jane Roe', 'Li Sun')
    """
    keys = {name_key(site) for site in sites}
    keys.update(name_key(headline[end:]) for _, end in suffixes(headline))
    if url:
        keys.add(_host_name(urlsplit(url if "//" in url else "//" + url).hostname or ""))
    keys.discard("")
    return authors[:1] + tuple(a for a in authors[1:] if name_key(a) not in keys)


def _possible(reading: DateReading, latest: str | None) -> DateReading:
    """``reading``, or none when it dates a day after ``latest``.

    >>> _possible(DateReading("2031-05-04"), "2026-12-04"), _possible(DateReading("x"), None)
    (DateReading(iso=None, assumed=None), DateReading(iso='x', assumed=None))
    """
    if reading.iso is not None and latest is not None and reading.iso[:10] > latest:
        return DateReading(None)
    return reading


def _stated_url(fields: Fields, options: CleanOptions | None) -> str | None:
    return clean_url(fields.url, options)[0] if fields.url else None


def _metadata(
    result: CleanResult,
    data: bytes,
    path: str | None,
    options: CleanOptions | None,
    given: str,
    url: str | None,
    opening: _Opening,
    language: str | None,
    extra_tracking: Iterable[tuple[str, str]] = (),
) -> Metadata:
    """The fields every article has beside its opening's: removals, counts and hashes; the
    description, keywords and section its opening's labelled fields state."""
    pairs = tracking_pairs((r.text for r in result.removals if r.rule == "tracking"), options)
    return Metadata(
        title=opening.title,
        authors=opening.authors,
        date=opening.reading.iso,
        date_assumed=opening.reading.assumed,
        url=url,
        site_name=opening.site_name,
        description=opening.fields.description,
        keywords=opening.fields.keywords,
        section=opening.fields.section,
        language=language,
        related=_related(result.removals, options),
        tracking=group_tracking([*pairs, *extra_tracking]),
        removed=result.removals,
        word_count=_word_count(given),
        sha256=hashlib.sha256(given.encode("utf-8")).hexdigest(),
        source_sha256=hashlib.sha256(data).hexdigest(),
        encoding=result.encoding,
        encoding_confidence=result.encoding_confidence,
        path=path,
    )


def text_metadata(
    result: CleanResult,
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
    latest: str | None = None,
) -> Metadata:
    """Metadata of a plain-text article, from its opening lines and the rules' removals; no
    date after ``latest`` (ISO day) is the article's."""
    language = _detect_language(result.text)
    removed_url = _removed_url(result.removals, options)
    opening = _opening(result, removed_url, options, language, latest)
    return _metadata(result, data, path, options, result.text, opening.url, opening, language)


_NOTHING = _Opening(None, None, (), DateReading(None))
# Where the opening lines may hold a date that reads both ways ("04/05/2020"; dots read
# day-first, never assumed).
_MAY_ASSUME = re.compile(r"[0-9][-/][0-9]")


def html_metadata(
    page: HtmlMetadata,
    result: CleanResult,
    data: bytes,
    path: str | None = None,
    options: CleanOptions | None = None,
    *,
    text: str | None = None,
    latest: str | None = None,
) -> Metadata:
    """Metadata of an HTML page: its markup first (``page``, what ``read_html_metadata``
    found), the extracted text's opening lines where markup is silent. ``text`` is the
    article's text as given out (the heading above the cleaned body), which the hash and word
    count describe; None: the cleaned body.

    The text is read only for what the page leaves unsaid: its language is detected when the
    page names none or its opening lines' dates must be read in it.
    """
    removed_url = _removed_url(result.removals, options)
    need_opening = not (page.title and page.authors and page.date and page.site_name) or (
        _MAY_ASSUME.search("\n".join(_top(result.text))) is not None  # for date_assumed
    )
    detected = _detect_language(result.text) if need_opening or not page.language else None
    opening = _opening(result, removed_url, options, detected, latest) if need_opening else _NOTHING
    reading = opening.reading
    if page.date:  # an order assumed in reading the opening's date holds if it is that date
        reading = DateReading(page.date, reading.assumed if reading.iso == page.date else None)
    url, stripped = clean_url(page.url, options) if page.url else (removed_url, [])
    meta = _metadata(
        result,
        data,
        path,
        options,
        result.text if text is None else text,
        url,
        _Opening(
            page.title or opening.title,
            page.site_name or opening.site_name,
            page.authors or opening.authors,
            reading,
        ),
        page.language or detected,
        tracking_pairs(["?" + "&".join(stripped)], options) if stripped else (),
    )
    return replace(meta, description=page.description, keywords=page.keywords, section=page.section)
