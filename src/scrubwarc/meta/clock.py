"""The time of day a date line states, and its zone: ``3:45 PM ET``, ``14:32 GMT``,
``2019-11-05T14:32:00Z``, joined to the day ``dates`` read. A US generic zone (``ET``) is
resolved by the daylight-saving rules of its year, or left without an offset where they
cannot say (before 1987, or the hour the clocks change).
"""

from __future__ import annotations

import datetime as _dt
import re

__all__ = ["TIME", "with_time"]

_ZONE = (
    r"(?P<zone>z|(?:gmt|utc)[+-][0-9]{1,2}(?::?[0-9]{2})?|[+-][0-9]{2}(?::?[0-9]{2})?"
    r"|gmt|utc|ut|[ecmp][sd]t|[ecmp]t|bst|cest|cet)"
)
TIME = (
    r"(?P<h>[0-9]{1,2})(?:[:.](?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,][0-9]{1,9})?)?)?"
    rf"(?: ?(?P<ampm>[ap])\.?m\.?)?(?: ?{_ZONE})?"
)

# Offsets in minutes east of UTC.
_FIXED_ZONES = {
    "z": 0,
    "gmt": 0,
    "utc": 0,
    "ut": 0,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "bst": 60,
    "cet": 60,
    "cest": 120,
}
# US generic zones: standard offset; daylight time adds an hour.
_US_GENERIC_ZONES = {"et": -300, "ct": -360, "mt": -420, "pt": -480}


def with_time(date: _dt.date, match: re.Match[str]) -> str | None:
    """Join a checked date to the time (and zone) ``match`` captured with ``TIME``, or None
    for a time that is none (``25:00``, a bare number).

    >>> import datetime as dt, re
    >>> with_time(dt.date(2019, 11, 5), re.fullmatch(TIME, "2:32 pm est", re.I))
    '2019-11-05T14:32:00-05:00'
    """
    time = _time_from_match(match)
    if time is None:
        return None
    hour, minute, second = time
    local = _dt.datetime(date.year, date.month, date.day, hour, minute, second)
    valid, offset = _zone_offset(match["zone"], local)
    if not valid:
        return None
    stamp = local.isoformat()
    if offset is None:
        return stamp
    sign = "-" if offset < 0 else "+"
    hours, minutes = divmod(abs(offset), 60)
    return f"{stamp}{sign}{hours:02d}:{minutes:02d}"


def _time_from_match(match: re.Match[str]) -> tuple[int, int, int] | None:
    hour = int(match["h"])
    minute = int(match["mi"]) if match["mi"] is not None else None
    second = int(match["s"]) if match["s"] is not None else 0
    ampm = match["ampm"]
    if ampm is None:
        if minute is None or hour > 23:
            return None  # a bare number is not a time
    else:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    minute = minute or 0
    if minute > 59 or second > 59:
        return None
    return hour, minute, second


def _zone_offset(raw: str | None, local: _dt.datetime) -> tuple[bool, int | None]:
    """``(valid, minutes east of UTC)``; the offset is None when no zone was given
    or when a US generic zone cannot be resolved for that local time."""
    if raw is None:
        return True, None
    zone = raw.lower()
    if zone in _FIXED_ZONES:
        return True, _FIXED_ZONES[zone]
    if zone in _US_GENERIC_ZONES:
        return True, _us_generic_offset(local, zone)
    digits = zone.removeprefix("gmt").removeprefix("utc")
    sign = -1 if digits[0] == "-" else 1
    body = digits[1:].replace(":", "")
    if len(body) <= 2:
        hours, minutes = int(body), 0
    else:
        hours, minutes = int(body[:-2]), int(body[-2:])
    if hours > 14 or minutes > 59:
        return False, None
    return True, sign * (hours * 60 + minutes)


def _us_generic_offset(local: _dt.datetime, zone: str) -> int | None:
    """Resolve ``ET``/``CT``/``MT``/``PT`` to an offset, or None when unknowable.

    Daylight time starts at 02:00 local on its first day and ends at 02:00 daylight
    (01:00 standard) on its last; the hour skipped or repeated by the change-over
    cannot be pinned to one offset, so it gets none.
    """
    standard = _US_GENERIC_ZONES[zone]
    year = local.year
    if year >= 2007:
        start = _nth_sunday(year, 3, 2)
        end = _nth_sunday(year, 11, 1)
    elif year >= 1987:
        start = _nth_sunday(year, 4, 1)
        end = _nth_sunday(year, 10, -1)
    else:
        return None  # earlier rules had wartime and energy-crisis exceptions
    one_hour = _dt.timedelta(hours=1)
    starts = _dt.datetime(year, start.month, start.day, 2)
    ends = _dt.datetime(year, end.month, end.day, 1)
    if starts <= local < starts + one_hour or ends <= local < ends + one_hour:
        return None
    return standard + 60 if starts + one_hour <= local < ends else standard


def _nth_sunday(year: int, month: int, nth: int) -> _dt.date:
    """The ``nth`` Sunday of a month; ``nth=-1`` is the last one."""
    if nth > 0:
        first = _dt.date(year, month, 1)
        return first + _dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))
    following = _dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - _dt.timedelta(days=1)
    return last - _dt.timedelta(days=(last.weekday() - 6) % 7)
