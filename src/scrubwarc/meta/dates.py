"""Turn a publication-date line from a news page into ISO 8601, or refuse.

Scraped articles carry their date as a short line of its own (``July 30, 2012``,
``Updated: June 14, 2018 3:45 p.m. ET``) or as an ISO string in HTML metadata.
Metadata that is wrong is worse than metadata that is missing, so the parser is
deliberately strict:

* The *whole* line must be a date line: an optional label (``Published``,
  ``Updated on``, ``Date:`` ...) or dateline place in capitals (``WASHINGTON,``), an
  optional weekday, the date, an optional time
  and zone, and at most two small trailing extras after ``|``, ``·`` or a spaced
  dash (a reading time such as ``5 min read``, or a second labelled date such as
  ``Updated June 15, 2018``). Prose that merely contains a date is refused.
* Dates are checked (no 30 February) and a weekday, when given, must agree.
* Numeric dates: ``Y-M-D`` (or ``Y/M/D``, ``Y.M.D``) is always year-month-day.
  Dotted ``a.b.YYYY`` is day-first, as everywhere that writes dates with dots.
  Slashed (or dashed) ``a/b/YYYY`` is read as the numbers prove when they do
  (``14/06/2018`` is day-first, ``06/14/2018`` month-first) and otherwise in the
  ``order`` the caller gives (``month-first`` by default), which ``read_date``
  reports as assumed. Two-digit years give ``None``.
* CJK dates (``2023年4月1日``, ``2023년 4월 1일``) and, for a text in another
  language, its month names and labels (``1er avril 2023``, ``1. April 2023``,
  ``1 апреля 2023 г.``; see ``meta.datewords``).
* Zones: ``GMT``/``UTC``/``UT``/``Z`` and ``GMT+1``-style offsets, numeric offsets,
  and the abbreviations EST EDT CST CDT MST MDT PST PDT BST CET CEST (``CST`` is the
  US one). The US generic ``ET``/``CT``/``MT``/``PT`` resolve to standard or daylight
  time with the US rules in force since 1987; in the skipped or repeated hour of a
  change-over, or before 1987, the time is returned without an offset rather than
  with a guessed one. Any other zone word makes the line unparseable.
* A time without a zone gives a time without an offset. Fractions of a second are
  dropped: nobody needs them for an article date.

No third-party parser is used: general-purpose date parsers accept prose and guess
at ambiguous input, which is exactly what this module must not do. The module
imports only the standard library so it stays cheap on the line-classification
fast path. All regexes are anchored and free of nested quantifiers, and input is
whitespace-normalised and length-capped first, so matching is linear.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from scrubwarc.meta.clock import TIME, with_time
from scrubwarc.meta.datewords import localise

__all__ = [
    "DATE_ORDERS",
    "UPDATED",
    "DateReading",
    "is_date_line",
    "is_update",
    "latest_day",
    "parse_date",
    "read_date",
    "squeeze",
]

# A real date line is short; anything longer is prose (and capping keeps us fast).
_MAX_LINE = 120
# At most this many ``| extra`` segments are peeled off the end of a line.
_MAX_EXTRAS = 2

# After whitespace normalisation every space run is one ASCII space, so patterns use
# " " / " ?" and never need ``\s*`` (which could backtrack against its neighbours).
_FLAGS = re.IGNORECASE | re.ASCII

# The words that make a dated line an update rather than the publication.
UPDATED = re.compile(r"updated|modified|revised", re.IGNORECASE)
_UPDATE_LINE = re.compile(rf"\W*(?:last )?(?:{UPDATED.pattern})", re.IGNORECASE)
_LABEL = re.compile(
    r"(?:(?:first|originally|last) )?"
    r"(?:published|updated|posted|modified|created|dated|date|publication date"
    r"|publish(?:ing)? date)(?: on| at)?(?:: ?| )",
    _FLAGS,
)
# A dateline: the place in capitals, a comma, the date ("WASHINGTON, March 3, 2024").
_DATELINE = re.compile(r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}, ", re.ASCII)
# Or in the place's own case and letters, as most languages write it ("Madrid, 2 de diciembre
# de 2025", "São Paulo, 2 de dezembro de 2025", "Roma, 2 dicembre 2025").
_PLACE = re.compile(r"[^\W\d_][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3}, ")
_WEEKDAY = (
    r"(?P<wd>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,? "
)
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"
_YEAR_DIGITS = re.compile("[0-9]{4}")
_WEEKDAY_ALONE = re.compile(_WEEKDAY, _FLAGS)

# Each date form is matched at the start of the (label-stripped) line; what follows
# must then be nothing, or a time.
_MDY = re.compile(rf"(?:{_WEEKDAY})?{_MONTH} {_DAY},? {_YEAR}", _FLAGS)
_DMY = re.compile(rf"(?:{_WEEKDAY})?{_DAY}(?: of | |-){_MONTH}(?:,? |-){_YEAR}", _FLAGS)
_YMD = re.compile(
    rf"(?:{_WEEKDAY})?{_YEAR}(?P<sep>[-/.])(?P<m>[0-9]{{1,2}})(?P=sep)(?P<d>[0-9]{{1,2}})(?![0-9])",
    _FLAGS,
)
_NUMERIC = re.compile(
    rf"(?:{_WEEKDAY})?(?P<a>[0-9]{{1,2}})(?P<sep>[-/.])(?P<b>[0-9]{{1,2}})(?P=sep){_YEAR}",
    _FLAGS,
)

# Date first, then time: "July 30, 2012 3:45 PM", "5 November 2019, 14:32 GMT",
# "Nov 5, 2019 at 2:32 PM", "2019-11-05T14:32:00Z".
_TIME_AFTER_DATE = re.compile(rf"(?:T|,? ?(?:(?:at|@|[-–—|·•]) )?){TIME}", _FLAGS)
# Time first, then date: "14:32 GMT, 5 November 2019", "3:45 PM ET on June 14, 2018".
_TIME_BEFORE_DATE = re.compile(rf"{TIME}(?:,? (?:on )?|, ?| ?[-–—|·•] )", _FLAGS)

_READING_TIME = re.compile(r"[0-9]{1,3} ?(?:min|mins|minutes?)(?: read)?", _FLAGS)
# An update after the date told as a time ago or a time of the same day: an extra ("March 4,
# 2024 Updated 2 hours ago", "Published 4 March 2024 at 10:00, updated at 12:00").
_UPDATE_EXTRA = re.compile(
    r"(?:last )?updated:?(?: at)? (?:[0-9]{1,3} (?:sec|min|hour|hr|day|week)\w{0,4} ago"
    r"|just now|[0-9]{1,2}[:.][0-9]{2}(?: ?[ap]\.?m\.?)?(?: [a-z]{2,4})?)",
    _FLAGS,
)
_EXTRA_SEPARATORS = (" | ", "|", " · ", " • ", " - ", " – ", " — ", " / ")
# A second labelled date run on after a space: "Published Mar 3, 2024 Updated Mar 4, 2024".
# It follows the date or time (a digit, "AM", "ET", "a.m."), perhaps with a comma ("…
# 10:00, Updated 4 March 2024 at 12:00"), never a separator or "Last".
_RUN_ON_LABEL = re.compile(
    r"(?<=[0-9a-z.])(?<!first)(?<!originally)(?<!last)"
    r",? (?=(?:(?:first|originally|last) )?(?:published|updated)\b)",
    _FLAGS,
)

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_WEEKDAYS = {
    name: number for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}

DATE_ORDERS = ("month-first", "day-first")


class DateReading(NamedTuple):
    """A date line's ISO form and, when its numbers read both ways, the order assumed."""

    iso: str | None
    assumed: str | None = None


class _Context:
    """The order to read ambiguous slashed dates in, and whether it had to be assumed; and
    whether a dateline's place may be in its own case (``places``: a language other than
    English, where "Madrid, 2 de diciembre de 2025" is how datelines are written; in English
    "Washington, March 3, 2024" is as likely prose)."""

    __slots__ = ("assumed", "order", "places")

    def __init__(self, order: str, places: bool = False) -> None:
        self.order = order
        self.assumed: str | None = None
        self.places = places


def read_date(text: str, order: str = "month-first", language: str | None = None) -> DateReading:
    """Read a date line: its ISO form and the order assumed if ``a/b/YYYY`` was ambiguous.

    >>> read_date("Posted: 11/04/2016")
    DateReading(iso='2016-11-04', assumed='month-first')
    >>> read_date("11/04/2016", "day-first")
    DateReading(iso='2016-04-11', assumed='day-first')
    >>> read_date("Posted: 01.12.2020").iso, read_date("2023年4月1日").iso
    ('2020-12-01', '2023-04-01')
    >>> read_date("Publié le 1er avril 2023", language="fr").iso
    '2023-04-01'
    """
    line = squeeze(text, _MAX_LINE)
    if not line or _YEAR_DIGITS.search(line) is None:
        return DateReading(None)
    return _read_squeezed(line, order, language)


def _read_squeezed(line: str, order: str, language: str | None) -> DateReading:
    """``read_date`` of a line already squeezed that holds four digits."""
    places = language is not None and language != "en"
    if places or not line.isascii():
        line = localise(line, language)
        if _YEAR_DIGITS.search(line) is None:
            return DateReading(None)
    context = _Context(order, places)
    iso = _parse_with_extras(line, _MAX_EXTRAS, context)
    return DateReading(iso, context.assumed if iso else None)


def parse_date(text: str, order: str = "month-first", language: str | None = None) -> str | None:
    """Return the ISO 8601 form of a date line, or ``None`` if it is not one.

    Used on candidate lines of scraped text and on HTML metadata values; the
    module docstring lists the accepted forms and the ambiguity policy.

    >>> parse_date("Updated: June 14, 2018 3:45 p.m. ET")
    '2018-06-14T15:45:00-04:00'
    >>> parse_date("The meeting on July 30, 2012 was cancelled.") is None
    True
    """
    line = squeeze(text, _MAX_LINE)
    if not line or _YEAR_DIGITS.search(line) is None:
        return None  # every date form has a four-digit year: most lines are refused here
    return _read_squeezed(line, order, language).iso


def squeeze(text: str, limit: int) -> str | None:
    """``text`` with whitespace runs as single spaces, trimmed; None if longer than ``limit``.

    A prefix squeezes to a prefix of the whole, so a long paragraph is refused after
    splitting its first ``limit + 2`` characters, not all its words.

    >>> squeeze("  Updated:\tJune 14,  2018 ", 40), squeeze("a b c", 4)
    ('Updated: June 14, 2018', None)
    """
    if len(text) > limit + 2 and len(" ".join(text[: limit + 2].split())) > limit:
        return None
    line = " ".join(text.split())
    return line if len(line) <= limit else None


def latest_day(captured: str | None, today: _dt.date | None = None) -> str:
    """The last day (ISO) a page can be dated: the day after it was captured (``captured``,
    ISO, a WARC-Date), or else after ``today`` (the day it is read; the clock's when None).
    No page was published after it was fetched; a day more allows for the time zones.

    >>> latest_day("2024-03-04T23:59:00Z"), latest_day(None, _dt.date(2024, 12, 31))
    ('2024-03-05', '2025-01-01')
    >>> latest_day("not a date", _dt.date(2024, 3, 4))
    '2024-03-05'
    """
    try:
        day = _dt.date.fromisoformat(captured[:10]) if captured else None
    except ValueError:
        day = None
    day = day or today or _dt.datetime.now(_dt.UTC).date()
    return (day + _dt.timedelta(days=1)).isoformat()


def is_update(text: str, language: str | None = None) -> bool:
    """Whether a date line is labelled as a revision, in English or the text's language.

    >>> is_update("Last updated: June 15, 2018"), is_update("Published June 14, 2018")
    (True, False)
    >>> is_update("Aktualisiert am 4. März 2024", "de")
    True
    """
    if not text.isascii() or (language is not None and language != "en"):
        text = localise(text, language)
    return _UPDATE_LINE.match(text) is not None


def is_date_line(text: str) -> bool:
    """Whether ``text`` is a date line, for callers that only classify lines.

    >>> is_date_line("July 30, 2012"), is_date_line("By July 30, 2012 we knew.")
    (True, False)
    """
    return parse_date(text) is not None


def _parse_with_extras(line: str, extras_left: int, context: _Context) -> str | None:
    """Parse ``line``, peeling small extras (``| 5 min read``, ``Updated 2 hours ago``) if
    needed: trailing ones, or a reading time before the date (``5 min read · Mar 3, 2024``).

    Of an update and the publication on one line, the publication is the line's date:
    ``Updated: June 15, 2018 | Published: June 14, 2018`` is June 14.
    """
    result = _parse_core(line, context)
    if result is not None or extras_left == 0:
        return result
    # Split at the right-most separator; the tail must be an extra we recognise.
    cut, width = -1, 0
    for separator in _EXTRA_SEPARATORS:
        index = line.rfind(separator)
        if index > cut:
            cut, width = index, len(separator)
    for run_on in _RUN_ON_LABEL.finditer(line, cut + 1):
        cut, width = run_on.start(), run_on.end() - run_on.start()
    if cut <= 0:
        return None
    tail = line[cut + width :].strip()
    extra = _labelled_date(tail, context.order)
    if extra is None and not _READING_TIME.fullmatch(tail) and not _UPDATE_EXTRA.fullmatch(tail):
        return _after_reading_time(line, extras_left, context)
    head = _parse_with_extras(line[:cut].rstrip(), extras_left - 1, context)
    if head is not None and extra is not None and _is_update(line) and not _is_update(tail):
        context.assumed = extra[1].assumed
        return extra[0]
    return head


def _labelled_date(tail: str, order: str) -> tuple[str, _Context] | None:
    """A second *labelled* date such as ``Updated June 15, 2018``, and how it was read."""
    if _LABEL.match(tail) is None:
        return None
    context = _Context(order)
    date = _parse_core(tail, context)
    return None if date is None else (date, context)


def _is_update(line: str) -> bool:
    label = _LABEL.match(line)
    return label is not None and UPDATED.search(label.group()) is not None


def _after_reading_time(line: str, extras_left: int, context: _Context) -> str | None:
    """The date after a leading reading time: ``5 min read · Mar 3, 2024``."""
    for separator in _EXTRA_SEPARATORS:
        head, found, rest = line.partition(separator)
        if found and _READING_TIME.fullmatch(head.strip()):
            return _parse_with_extras(rest.strip(), extras_left - 1, context)
    return None


def _parse_core(line: str, context: _Context) -> str | None:
    """Parse label + date + optional time (either order), with nothing else."""
    label = _LABEL.match(line) or _dateline(line, places=context.places)
    if label:
        line = line[label.end() :]
    for pattern in (_YMD, _MDY, _DMY, _NUMERIC):
        match = pattern.match(line)
        if match is None:
            continue
        date = _date_from_match(match, context)
        if date is None:
            return None
        rest = line[match.end() :]
        if not rest:
            return date.isoformat()
        time_match = _TIME_AFTER_DATE.fullmatch(rest)
        if time_match is None:
            return None
        # "T" only joins an ISO date to its time.
        if rest.startswith(("T", "t")) and pattern is not _YMD:
            return None
        return with_time(date, time_match)
    time_match = _TIME_BEFORE_DATE.match(line)
    if time_match is None:
        return None
    rest = line[time_match.end() :]
    for pattern in (_MDY, _DMY, _YMD, _NUMERIC):
        match = pattern.fullmatch(rest)
        if match is not None:
            date = _date_from_match(match, context)
            return None if date is None else with_time(date, time_match)
    return None


def _dateline(line: str, *, places: bool = False) -> re.Match[str] | None:
    """The place of a dateline before its date, never a weekday (``MONDAY, March 3``).

    >>> _dateline("NEW YORK, March 3, 2024").group(), _dateline("MONDAY, March 3, 2024")
    ('NEW YORK, ', None)
    >>> _dateline("São Paulo, 2 December 2025", places=True).group()
    'São Paulo, '
    >>> _dateline("Tuesday, 2 December 2025", places=True), _dateline("Roma, 2 December 2025")
    (None, None)
    """
    place = _DATELINE.match(line)
    if place is None and places and line[:1].isupper():
        place = _PLACE.match(line)
    if place is None or _WEEKDAY_ALONE.fullmatch(place.group()):
        return None
    return place


def _date_from_match(match: re.Match[str], context: _Context) -> _dt.date | None:
    """Build and check the date, applying the numeric order policy."""
    groups = match.groupdict()
    year = int(match["y"])
    if groups.get("mon") is not None:
        month = _MONTHS[match["mon"][:3].lower()]
        day = int(match["d"])
    elif groups.get("a") is not None:
        first, second = int(match["a"]), int(match["b"])
        if match["sep"] == "." or first > 12 or first == second:
            day, month = first, second  # dots are day-first wherever they are written
        elif second > 12:
            month, day = first, second
        elif (told := _weekday_order(match, first, second)) is not None:
            day, month = told  # "Tuesday 02/12/2025": only one reading is a Tuesday
        else:
            context.assumed = context.order  # both readings valid: say which was taken
            day, month = (first, second) if context.order == "day-first" else (second, first)
    else:
        month, day = int(match["m"]), int(match["d"])
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    weekday = groups.get("wd")
    if weekday is not None and _WEEKDAYS[weekday[:3].lower()] != date.weekday():
        return None  # the line contradicts itself
    return date


def _weekday_order(match: re.Match[str], first: int, second: int) -> tuple[int, int] | None:
    """``(day, month)`` of numbers that read both ways when the line's weekday fits only one
    reading; None without a weekday, or when it fits both or neither.

    >>> m = _NUMERIC.match("Tuesday 02/12/2025")
    >>> _weekday_order(m, 2, 12), _weekday_order(_NUMERIC.match("02/12/2025"), 2, 12)
    ((2, 12), None)
    """
    weekday = match["wd"]
    if weekday is None:
        return None
    wanted = _WEEKDAYS[weekday[:3].lower()]
    year = int(match["y"])
    if not (first and second):
        return None  # "00/12/2025" is no date either way
    fits = [
        (day, month)
        for day, month in ((first, second), (second, first))
        if _dt.date(year, month, day).weekday() == wanted
    ]
    return fits[0] if len(fits) == 1 else None
