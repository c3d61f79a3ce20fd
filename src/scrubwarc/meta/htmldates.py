"""The publication date of an HTML page: what it states (JSON-LD, meta tags, ``itemprop``),
what it shows by its headline, its ``<time>`` elements and its address, weighed against
each other. Pure and total, as ``scrubwarc.meta.html``: the date is kept in the page's own
offset, never moved to another day.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Protocol

from lxml import etree
from lxml import html as lxml_html

from scrubwarc.meta.dates import UPDATED, parse_date, read_date
from scrubwarc.meta.htmldatesigns import (
    PUBLISHED_LABEL,
    UPDATED_LABEL,
    in_a_sentence,
    is_revision,
    labels,
    set_aside,
)
from scrubwarc.meta.htmlshown import ShownDates, address_date, slug_date
from scrubwarc.meta.htmltext import (
    MAX_DATE_LINE,
    NEAR_HEADLINE_CHARS,
    MetaTags,
    PageView,
    element_texts,
)

__all__ = ["StatedDates", "html_date"]

# Meta tags that state the publication date (OpenGraph, Dublin Core, parsely, sailthru,
# Highwire/Google Scholar citations, and the common unprefixed names), most specific first.
_PUBLISHED_TAGS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "published",
    "published_date",
    "date_published",
    "pub_date",
    "article:published",
    "article_date_original",
    "original-publish-date",
    "rnews:datepublished",
    "cxenseparse:recs:publishtime",
)
_KNOWN_TAGS = frozenset(_PUBLISHED_TAGS)
# The words of a meta tag's name that say it dates the publication (``published-date``,
# ``og:pubdate``, ``article.published``, ``cdc:first_published``), and those that say it dates
# something else (``datelastpubbed``, ``x-wix-published-version``, ``article:publisher``).
_PUBLISHED_WORD = re.compile(r"pub(?:lish(?:ed)?)?(?:date|time)|published|publication")
_PUBLISH_WORD = re.compile(r"pub|publish")
_WHEN_WORDS = frozenset({"date", "time", "at", "on", "first"})
_OTHER_WORDS = frozenset(
    {"last", "modified", "updated", "update", "expiration", "expires", "version", "type"}
)
_NAME_WORDS = re.compile(r"[a-z]+")
_ASCII_DIGIT = re.compile(r"[0-9]")
# What a system stores for "no date" and prints as one: the least date of a type (year 1 of
# .NET, 1753 of SQL Server, 1900-01-01 of spreadsheets and SQL), or time 0 of Unix clocks
# (1970-01-01 at UTC, the evening before in the Americas). No web page was published then.
_PLACEHOLDER = re.compile(r"0[0-9]{3}|1[0-8][0-9]{2}|1900-01-01|1970-01-01|1969-12-31T")


class StatedDates(Protocol):
    """The page's structured data, as ``scrubwarc.meta.html`` reads its JSON-LD article."""

    def text(self, key: str) -> str | None: ...

    def any_published(self) -> str | None: ...


def html_date(
    page: PageView,
    ld: StatedDates,
    tags: MetaTags,
    headline: lxml_html.HtmlElement | None,
    url: str | None,
    locale: str | None = None,
    latest: str | None = None,
) -> str | None:
    """The article's date, most deliberate statement first, kept in the page's own offset.

    Structured data (JSON-LD, meta tags, ``itemprop``), then a dated line near the headline
    (a line labelled as an update only when nothing else is dated), then ``<time>``, then a
    ``/YYYY/MM/DD/`` path in the page's address. A line anywhere in the body that a label
    calls the publication date (``Published on ...``) counts as near the headline. The stated
    date yields to the one by the headline when it is also the modified time (``_stamped``)
    or days later (``_earlier``), and to a day more of the page's statements name
    (``_agreed_date``). A page that shows its modified day by the headline while no meta tag
    states a publication is dated by that revision (``_shown_revision``); one that nothing
    else dates, by a revision that a label dates anywhere in its body, and last by a date in
    its address's slug (``/rain-2024-03-03``, ``/rain-20240303.html``).

    The lines a page shows are read in the language of its ``locale`` (``3 mars 2024``,
    ``2024年3月4日``, ``Publié le …``), and a date in numbers that reads both ways day first
    unless the page is in English as the US writes it (``04/03/2024`` on a French page, an
    ``en-GB`` page or a ``.co.uk`` address is the 4th of March).

    No date after ``latest`` (ISO, the day after the page was captured or read) is taken, as
    stated or as shown: it dates an event to come or a typing error, never the publication.
    """
    shown = ShownDates(locale, url, latest)
    stated = _first_date(_published_candidates(page, ld, tags), latest)
    near = _date_near_headline(page, headline, shown) or _labelled_date(
        page, PUBLISHED_LABEL, shown
    )
    if stated and near and (revised := _shown_revision(stated, near, ld, tags, latest)):
        return revised
    if (
        stated
        and not _stamped(stated, _modified(ld, tags, latest))
        and not (near and _earlier(near, stated))
    ):
        return _agreed_date(stated, near, page, ld, tags, url, shown)
    if stated:
        return near or stated
    address = _address_date(url, shown)
    if near and address and _swapped(near, address):
        return address  # "03/10/2023" reads both ways; the address says which
    timed = _time_date(page, shown)
    if near and timed and timed[:10] == near[:10]:
        return max(near, timed, key=len)  # the line's <time> states its hour
    # Nothing dates the publication: a revision a label dates anywhere is the page's date,
    # and last a date in the address's slug ("/rain-2024-03-03").
    return (
        near
        or timed
        or address
        or _labelled_date(page, UPDATED_LABEL, shown)
        or _possible(slug_date(url), shown)
    )


def _swapped(read: str, other: str) -> bool:
    """Whether two dates are the same numbers with day and month swapped.

    >>> _swapped("2023-03-10", "2023-10-03"), _swapped("2023-03-10", "2023-03-10")
    (True, False)
    """
    return (
        read[:4] == other[:4]
        and read[5:7] == other[8:10]
        and read[8:10] == other[5:7]
        and (read[5:10] != other[5:10])
    )


def _agreed_date(
    stated: str,
    near: str | None,
    page: PageView,
    ld: StatedDates,
    tags: MetaTags,
    url: str | None,
    shown: ShownDates,
) -> str:
    """``stated``, unless more of the page's independent statements name another day: JSON-LD,
    the first publication meta tag, an invisible ``itemprop`` (``content=``), the date by the
    headline and the address each count once (sites copy one value into many meta tags; a
    visible ``<time>`` or ``itemprop`` is most often the very line by the headline)."""
    if near is None:
        return stated
    latest = shown.latest
    witnesses = (
        _first_date([ld.text("datePublished")], latest),
        _first_date((tags.first(key) for key in _publication_tags(tags)), latest),
        _first_date((e.get("content") for e in page.itemprop("datePublished")), latest),
        near,
        _address_date(url, shown),
    )
    days: dict[str, list[str]] = {}
    for found in witnesses:
        if found:
            days.setdefault(found[:10], []).append(found)
    best = max(days.values(), key=len)
    if len(best) >= 2 and len(best) > len(days.get(stated[:10], ())):
        return max(best, key=len)  # the most precise statement of that day
    return stated


def _time_date(page: PageView, shown: ShownDates) -> str | None:
    """The date of a ``<time>``: the one marked as the publication date first, then any
    but those of an ``<aside>`` or ``<nav>`` (related stories, a list of archives) or of a
    comment. A ``<time>`` a label or its markup calls the revision (``Updated <time>``,
    ``itemprop="dateModified"``) dates the page only when no other does."""
    times = [t for t in page.iter("time") if not set_aside(t)]
    marked = [t for t in times if t.get("pubdate") is not None]
    ambiguous: str | None = None
    revision: str | None = None
    for element in marked + times:
        for text in (element.get("datetime"), element.text_content()):
            parsed, assumed = read_date(text, shown.order, shown.language) if text else (None, None)
            if not shown.possible(parsed):
                continue
            if parsed and is_revision(element):
                revision = revision or parsed
            elif parsed and assumed:
                # "02-12-2025" reads both ways: a <time> that reads one way wins.
                ambiguous = ambiguous or parsed
            elif parsed:
                return parsed
    return ambiguous or revision


def _labelled_date(page: PageView, label: re.Pattern[str], shown: ShownDates) -> str | None:
    """The first date anywhere in the body that ``label`` names (``Published on: 15 August
    2025``, ``Posted on the 15/12/2025 at 19:00 by``, ``Last updated: May 2, 2024``), or that
    stands alone right after a label of its own."""
    lines = page.texts()
    # Every date ``DATE_IN_LINE`` finds has an ASCII digit: the lines that hold one are found
    # by one search of them all, joined (no line holds a newline), and only those are read.
    joined = "\n".join(lines)
    ends = list(itertools.accumulate(map((1).__add__, map(len, lines))))  # past each newline
    position = 0
    while digit := _ASCII_DIGIT.search(joined, position):
        index = bisect.bisect_right(ends, digit.start())
        line, position = lines[index], ends[index]
        if len(line) <= MAX_DATE_LINE:
            previous = lines[index - 1] if index else ""
            for parsed, before in shown.dates(line):
                if labels(label, before or previous):
                    return parsed
    return None


def _earlier(shown: str, stated: str) -> bool:
    """Whether the date shown by the headline is days before the stated one: the stated one
    then dates a republication or a migration, not the article (a day apart is a time zone).

    >>> _earlier("2022-11-02", "2025-06-12T10:00:00+00:00"), _earlier("2025-06-11", "2025-06-12")
    (True, False)
    """
    try:
        first = datetime.date.fromisoformat(shown[:10])
        second = datetime.date.fromisoformat(stated[:10])
    except ValueError:
        return False
    return (second - first).days > 1


def _modified(ld: StatedDates, tags: MetaTags, latest: str | None) -> str | None:
    return _first_date(
        (
            ld.text("dateModified"),
            tags.first("article:modified_time"),
            tags.first("og:updated_time"),
        ),
        latest,
    )


def _shown_revision(
    stated: str, shown: str, ld: StatedDates, tags: MetaTags, latest: str | None
) -> str | None:
    """The modified time, when the page dates itself by its revision: the headline shows the
    day the page says it was modified, not the day it says it was published, and no meta tag
    states a publication date (only the structured data does, as site builders and SEO
    plugins write it for pages kept up to date rather than posted once)."""
    modified = _modified(ld, tags, latest)
    if modified is None or modified[:10] != shown[:10] or modified[:10] == stated[:10]:
        return None
    if any(tags.first(key) for key in _publication_tags(tags)):
        return None
    return modified


def _nearest_before(h1: lxml_html.HtmlElement, budget: int) -> Iterator[tuple[str, str]]:
    """The lines the texts of the elements before ``h1`` make (scripts, styles and blank ones
    skipped), from the last back while their lengths add up to at most ``budget``, each with
    the line before it in reading order ("" for the first)."""
    lines = element_texts(_before(h1), ("script", "style"), backwards=True)
    line: str | None = next(lines, None)
    while line is not None:
        budget -= len(line)
        if budget < 0:
            break
        previous = next(lines, None)
        yield line, previous or ""
        line = previous


def _before(h1: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The elements before ``h1`` in document order (its ancestors and what precedes it),
    lazily from the nearest back: the walk stops where the budget of text does."""
    level: lxml_html.HtmlElement | None = h1
    while level is not None:
        for sibling in level.itersiblings(etree.Element, preceding=True):
            yield from reversed(list(sibling.iter(etree.Element)))
        level = level.getparent()
        if level is not None:
            yield level


def _after(h1: lxml_html.HtmlElement) -> Iterator[lxml_html.HtmlElement]:
    """The elements after ``h1`` in document order, lazily: its descendants, then what
    follows it and each of its ancestors (``descendant::* | following::*``)."""
    yield from h1.iterdescendants(etree.Element)
    for level in (h1, *h1.iterancestors()):
        for sibling in level.itersiblings(etree.Element):
            yield from sibling.iter(etree.Element)


def _stamped(stated: str, modified: str | None) -> bool:
    """Whether the stated publication time is also the modified time, to the minute: a CMS
    that writes both at once when it saves, imports or rebuilds a page, not when the article
    first came out. A date the page shows beside its headline is better evidence then.

    >>> _stamped("2025-06-24T10:02:58+00:00", "2025-06-24T10:02:07+00:00")
    True
    >>> _stamped("2025-06-24", "2025-06-24T10:02:07+00:00")
    False
    """
    if modified is None or len(modified) != len(stated):
        return False
    return modified[:16] == stated[:16] and modified[19:] == stated[19:]


def _first_date(candidates: Iterable[str | None], latest: str | None = None) -> str | None:
    """The first candidate that parses, as stated: a UTC time is never moved to another day.
    A placeholder a system writes for no date (``_PLACEHOLDER``) is no statement, nor is a
    date after ``latest`` (ISO day).

    >>> _first_date(["2031-05-04", "2024-03-04T10:00:00Z"], "2026-12-04")
    '2024-03-04T10:00:00+00:00'
    """
    return next(
        (
            parsed
            for c in candidates
            if c
            and (parsed := _stated_date(c))
            and not _PLACEHOLDER.match(parsed)
            and (latest is None or parsed[:10] <= latest)
        ),
        None,
    )


def _address_date(url: str | None, shown: ShownDates) -> str | None:
    return _possible(address_date(url), shown)


def _possible(found: str | None, shown: ShownDates) -> str | None:
    return found if shown.possible(found) else None


def _stated_date(value: str) -> str | None:
    """A stated date: a date line, or a Unix time in seconds or milliseconds (10 or 13
    digits: 2001 to 2286), at UTC.

    >>> _stated_date("1709546400"), _stated_date("1709546400123"), _stated_date("20240304")
    ('2024-03-04T10:00:00+00:00', '2024-03-04T10:00:00+00:00', None)
    """
    value = value.strip()
    if not (value.isascii() and value.isdigit() and len(value) in (10, 13)):
        return parse_date(value)
    seconds = int(value) // (1000 if len(value) == 13 else 1)
    return datetime.datetime.fromtimestamp(seconds, datetime.UTC).isoformat()


def _publication_tags(tags: MetaTags) -> Iterator[str]:
    """The meta tags that state the publication date: the known names, most specific first,
    then the names a site made up that read as one."""
    yield from _PUBLISHED_TAGS
    yield from _made_up_publication_tags(tags)


def _made_up_publication_tags(tags: MetaTags) -> Iterator[str]:
    return (key for key in tags.names() if key not in _KNOWN_TAGS and _names_publication(key))


@functools.lru_cache(maxsize=1024)
def _names_publication(key: str) -> bool:
    """Whether a meta tag's name says it dates the publication (asked three times a page of
    each name, and sites share most names).

    >>> [_names_publication(k) for k in ("w-published-date", "og:pubdate", "date-pub")]
    [True, True, True]
    >>> [_names_publication(k) for k in ("auto-publish", "article:publisher", "datelastpubbed")]
    [False, False, False]
    >>> _names_publication("cdc:last_published"), _names_publication("x-wix-published-version")
    (False, False)
    """
    words = _NAME_WORDS.findall(key)
    if any(word in _OTHER_WORDS for word in words):
        return False
    if any(_PUBLISHED_WORD.fullmatch(word) for word in words):
        return True
    return any(_PUBLISH_WORD.fullmatch(w) for w in words) and any(
        word in _WHEN_WORDS for word in words
    )


def _published_candidates(page: PageView, ld: StatedDates, tags: MetaTags) -> Iterator[str | None]:
    yield ld.text("datePublished")
    yield ld.text("dateCreated")
    for key in _PUBLISHED_TAGS:
        yield tags.first(key)
    # Names a site made up: the earliest day they state is the first publication (a page that
    # also stamps its build or its republication names that later).
    named = (_first_date([tags.first(key)]) for key in _made_up_publication_tags(tags))
    yield min((found for found in named if found), key=lambda found: found[:10], default=None)
    yield ld.any_published()
    for element in page.itemprop("datePublished"):
        yield element.get("content") or element.get("datetime") or element.text_content()


def _date_near_headline(
    page: PageView, h1: lxml_html.HtmlElement | None, shown: ShownDates
) -> str | None:
    """A date in a short line just after the page's ``<h1>`` (or, failing that, just before).

    Bylines put the date beside the headline ("By Ann Lee | March 3, 2024", "Published
    August 7, 2023"); a line saying "Updated ..." is taken only when no other line is dated.
    A page with no headline is read from the start of its body, where the headline would be.
    """
    if h1 is None:
        h1 = next(iter(page.iter("body")), None)
        if h1 is None:
            return None
    after: list[str] = []
    budget = 0
    skipped = set(page.iter("script", "style"))  # told by identity: a tag is a new string
    for element in _after(h1):
        if element in skipped:
            continue
        # ``clean_value`` of the text and the tail, inlined: this walks the page past the
        # headline, where most tails are whitespace alone.
        for text in (element.text, element.tail):
            if text and not text.isspace():
                after.append(line := " ".join(text.split()))
                budget += len(line)
        if budget > NEAR_HEADLINE_CHARS:
            break
    # Each line with the one before it in reading order (a label on a line of its own): the
    # lines after the headline, then those just before it, nearest first, within half the
    # budget.
    # The lines before it are read only when no line after it is dated.
    paired: Iterable[tuple[str, str]] = [
        (line, after[i - 1] if i else "") for i, line in enumerate(after)
    ]
    if h1.tag != "body":  # before <body>: the head's texts, not the page's
        paired = itertools.chain(paired, _nearest_before(h1, NEAR_HEADLINE_CHARS // 2))
    updated: str | None = None
    for line, previous in paired:
        # Every date ``DATE_IN_LINE`` finds has an ASCII digit: a cheap first cut.
        if len(line) > MAX_DATE_LINE or not _ASCII_DIGIT.search(line):
            continue
        for parsed, before in shown.dates(line):
            if in_a_sentence(line, before):
                continue  # "The festival returns on March 1, 2024 in the park."
            if UPDATED.search(before or previous):
                updated = updated or parsed
                continue
            return parsed
    return updated
