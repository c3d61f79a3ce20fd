"""The dates an HTML page shows and its address holds, read as the page writes them: in its
language, numbers that read both ways in its country's order, an address's ``/2023/10/03/``.

Pure and total, as ``scrubwarc.meta.htmldates``, which weighs them against what the page
states.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from scrubwarc.meta.clock import TIME
from scrubwarc.meta.dates import parse_date
from scrubwarc.meta.datewords import localise
from scrubwarc.meta.htmltext import DATE_IN_LINE

__all__ = ["ShownDates", "address_date", "slug_date"]

# The time a shown date states right after it: "2 December 2025 at 14:05", "March 3, 2024,
# 10:30 AM ET", "2025-12-03 14:05" (a number run on, "14.5 million", is none; nor a time in a
# zone not known, "01:00 AM IST", which would be told without its offset).
_TIME_AFTER = re.compile(
    rf"(?:,? ?(?:(?:at|@|[-–—|·•]) )?){TIME}(?![\w:]|[.,][0-9]|(?-i: [A-Z]{{2,5}}\b))",
    re.IGNORECASE | re.ASCII,
)
# A bare time with a dot, as an amount is written, followed by a word that no clock takes
# ("March 3, 2024 - 12.50 dollars", "9.45 per cent", "3.20 km") or by a sign of one ("12.50 %")
# is that amount; "14.05 Uhr", "14.05 hod.", "12.50pm", "10.30 GMT" and a line that ends are
# times, and so is one a label follows ("14.05 Updated 4 March").
_AMOUNT_AFTER = re.compile(
    r" ?(?:[%$€£¥]|(?!(?:uhr|uur|h|hs|hrs|hod|horas?|heures?|óra|sati|uri|val|ч"
    r"|published|updated)\b)[^\W\d_])",
    re.IGNORECASE,
)

# Where English writes the day first (language regions and country domains alike); the US,
# Canada and the Philippines write the month first, and so does English with no region.
_DAY_FIRST_ENGLISH = frozenset(("GB", "UK", "IE", "AU", "NZ", "IN", "ZA", "SG", "PK", "NG", "KE"))
# ``/2023/10/03/`` or ``/2023/october/03/``; ``parse_date`` then checks the month word.
_URL_DATE = re.compile(
    r"/((?:19|20)[0-9]{2})/([01]?[0-9]|[a-z]{3,9})/([0-3]?[0-9])/"
    # or ``/20231003/``, ``/2023-10-03/``, ``/2023-10-03-wine``: a segment that opens with it
    r"|/((?:19|20)[0-9]{2})(-?)([01][0-9])\5([0-3][0-9])(?=[/_.-]|$)",
    re.I,
)

# A date that is a whole part of a segment's slug, after its first ("rain-2024-03-03",
# "rain_20240303.html", "rain-2024-03-03-update"): an id's digits ("p-20240303123") are none.
_SLUG_DATE = re.compile(
    r"[_-]((?:199|20[0-9])[0-9])(-?)([01][0-9])\2([0-3][0-9])(?=[_-]|\.[a-z0-9]{2,6}$|$)", re.I
)


class ShownDates:
    """How the dates a page shows are read: in its language, numbers in its order."""

    __slots__ = ("language", "latest", "order")

    def __init__(
        self, locale: str | None, url: str | None = None, latest: str | None = None
    ) -> None:
        """``locale``: the page's language tag (``fr``, ``en-GB``); ``url``: its address;
        ``latest``: the last day (ISO) a publication can be dated, None for no bound.
        English is read day first where it is written so: a region or a country domain
        (``.co.uk``, ``.com.au``) of ``_DAY_FIRST_ENGLISH``."""
        self.latest = latest
        language = locale[:2].lower() if locale else None
        self.language = None if language == "en" else language
        region = (locale or "")[3:5].upper()
        host = (urlsplit(url).hostname or "") if url else ""
        country = host.rsplit(".", 1)[-1].upper() if "." in host else ""
        british = language in ("en", None) and bool({region, country} & _DAY_FIRST_ENGLISH)
        self.order = "day-first" if self.language or british else "month-first"

    def dates(self, line: str) -> Iterator[tuple[str, str]]:
        """Each date ``line`` shows, as ISO, with the line's text before it (in English:
        ``Publié le 3 mars 2024`` gives ``('2024-03-03', 'Published ')``).

        >>> list(ShownDates("fr").dates("Publié le 3 mars 2024, mis à jour le 04/03/2024"))
        [('2024-03-03', 'Published '), ('2024-03-04', ', Updated ')]
        >>> [list(ShownDates(tag).dates("04/03/2024")) for tag in ("en-GB", "en")]
        [[('2024-03-04', '')], [('2024-04-03', '')]]
        >>> list(ShownDates(None).dates("2024年3月4日 10:30"))
        [('2024-03-04T10:30:00', '')]

        A date after ``latest`` dates something to come (an event, a deadline), never the
        page: it is passed over.

        >>> list(ShownDates("en", latest="2026-12-04").dates("Posted 3 Dec 2026 - 1 May 2031"))
        [('2026-12-03', 'Posted ')]
        """
        if self.language is not None or not line.isascii():
            line = localise(line, self.language)
        since = 0  # what labels a date is what stands since the date before it
        for found in DATE_IN_LINE.finditer(line):
            parsed, end = self._with_time(line, found)
            if parsed:
                if self.possible(parsed):
                    yield parsed, line[since : found.start()]
                since = end

    def _with_time(self, line: str, found: re.Match[str]) -> tuple[str | None, int]:
        """The date ``found`` in ``line`` with the time that follows it, if it does, and
        where it ends.

        >>> shown = ShownDates("fr")
        >>> line = "Publié le mardi 2 décembre 2025 à 14h05"
        >>> list(shown.dates(line)), list(ShownDates("en").dates("May 2, 2024 at noon"))
        ([('2025-12-02T14:05:00', 'Published ')], [('2024-05-02', '')])
        """
        time = _TIME_AFTER.match(line, found.end())
        if time is not None and _is_amount(line, time):
            time = None
        if time is not None and "T" not in found.group(0):
            parsed = parse_date(line[found.start() : time.end()], self.order)
            if parsed:
                return parsed, time.end()
        return parse_date(found.group(0), self.order), found.end()

    def possible(self, date: str | None) -> bool:
        """Whether ``date`` (ISO) is no later than ``latest``, the last day it can be.

        >>> ShownDates(None, latest="2026-12-04").possible("2026-12-04T23:00:00-05:00")
        True
        >>> ShownDates(None, latest="2026-12-04").possible("2031-05-01")
        False
        """
        return date is not None and (self.latest is None or date[:10] <= self.latest)


def _is_amount(line: str, time: re.Match[str]) -> bool:
    """Whether the ``time`` matched in ``line`` is an amount written with a dot.

    >>> [_is_amount(line, _TIME_AFTER.match(line, 4)) for line in ("May 12.50 euros", "May 12.50")]
    [True, False]
    """
    bare = time["ampm"] is None and time["zone"] is None and time["mi"] is not None
    return bare and line[time.end("h")] == "." and bool(_AMOUNT_AFTER.match(line, time.end()))


def address_date(url: str | None) -> str | None:
    """A ``/YYYY/MM/DD/`` path in the page's address.

    >>> address_date("https://ex.com/blog/2023/october/03/wine/")
    '2023-10-03'
    >>> address_date("https://ex.com/20231003/wine"), address_date("https://ex.com/2023-10-03-wine")
    ('2023-10-03', '2023-10-03')
    >>> address_date("https://ex.com/20231003123/wine"), address_date("https://ex.com/2023-13-03/")
    (None, None)
    """
    found = _URL_DATE.search(urlsplit(url).path) if url else None
    if found is None:
        return None
    if found[1]:
        return _url_date(found[1], found[2], found[3])
    return _url_date(found[4], found[6], found[7])


def _url_date(year: str, month: str, day: str) -> str | None:
    """``/2023/10/03/`` or ``/2023/october/03/`` in an address, checked as a date.

    >>> _url_date("2023", "october", "3"), _url_date("2023", "02", "30")
    ('2023-10-03', None)
    """
    if not month.isdigit():
        return parse_date(f"{day} {month} {year}")
    return parse_date(f"{year}-{int(month):02d}-{int(day):02d}")


def slug_date(url: str | None) -> str | None:
    """A date written as a whole part of a slug in the page's address, after its first
    (``/rain-2024-03-03``, ``/rain-20240303.html``), the last segment's first; never one
    in the query (``?id=20240303``) nor digits that run on (``/p-20240303123``).

    >>> slug_date("https://ex.com/news/rain-2024-03-03"), slug_date("https://ex.com/rain_20240303.htm")
    ('2024-03-03', '2024-03-03')
    >>> slug_date("https://ex.com/p-20240303123"), slug_date("https://ex.com/rain-2024-13-03/")
    (None, None)
    """
    for segment in reversed(urlsplit(url).path.split("/") if url else ()):
        for found in _SLUG_DATE.finditer(segment):
            if date := _url_date(found[1], found[3], found[4]):
                return date
    return None
