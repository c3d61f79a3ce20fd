"""Date lines to ISO 8601: every supported form, the ambiguity policy, rejections."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc.meta.dates import is_date_line, parse_date

ISO_8601 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[+-][0-9]{2}:[0-9]{2})?)?"
)

ACCEPTED = [
    # Issue 12: slashed dates follow the date order (month-first unless configured),
    # dotted ones are day-first.
    ("ambiguous-slashes-month-first", "Posted on 05/06/2018", "2018-05-06"),
    ("dots-day-first", "5.11.2019", "2019-11-05"),
    # Written-out months.
    ("mdy", "July 30, 2012", "2012-07-30"),
    ("mdy-abbreviated-dot", "Jul. 30, 2012", "2012-07-30"),
    ("mdy-no-comma", "July 30 2012", "2012-07-30"),
    ("mdy-sept", "Sept. 3, 2019", "2019-09-03"),
    ("mdy-ordinal", "November 5th, 2019", "2019-11-05"),
    ("dmy", "30 July 2012", "2012-07-30"),
    ("dmy-of", "30th of July 2012", "2012-07-30"),
    ("dmy-hyphens", "30-Jul-2012", "2012-07-30"),
    ("upper-case", "JULY 30, 2012", "2012-07-30"),
    ("weekday-dmy-time-gmt", "Tuesday, 5 November 2019, 14:32 GMT", "2019-11-05T14:32:00+00:00"),
    ("weekday-mdy", "Tuesday, November 5, 2019", "2019-11-05"),
    ("guardian-style", "Tue 5 Nov 2019 14.32 GMT", "2019-11-05T14:32:00+00:00"),
    ("extra-whitespace", "  July\u00a030,\t2012 \n", "2012-07-30"),
    # ISO and other year-first forms.
    ("iso-date", "2019-11-05", "2019-11-05"),
    ("iso-z", "2019-11-05T14:32:00Z", "2019-11-05T14:32:00+00:00"),
    ("iso-millis-offset", "2019-11-05T14:32:00.000+01:00", "2019-11-05T14:32:00+01:00"),
    ("iso-compact-offset", "2019-11-05T14:32:00+0530", "2019-11-05T14:32:00+05:30"),
    ("iso-hour-offset", "2019-11-05T14:32:00-05", "2019-11-05T14:32:00-05:00"),
    ("iso-no-seconds", "2019-11-05T14:32Z", "2019-11-05T14:32:00+00:00"),
    ("iso-space-no-zone", "2019-11-05 14:32", "2019-11-05T14:32:00"),
    ("ymd-slashes", "2019/11/05", "2019-11-05"),
    # Labels.
    ("label-published", "Published 14 June 2018", "2018-06-14"),
    ("label-updated-et-summer", "Updated: June 14, 2018 3:45 p.m. ET", "2018-06-14T15:45:00-04:00"),
    ("label-posted-on-dmy-proven", "Posted on 14/06/2018", "2018-06-14"),
    ("label-date-colon", "Date: 2012-07-30", "2012-07-30"),
    ("label-first-published-on", "First published on July 30, 2012", "2012-07-30"),
    ("label-last-updated", "Last updated: 30 July 2012", "2012-07-30"),
    # Times and zones.
    ("at-pm-no-zone", "Nov 5, 2019 at 2:32 PM", "2019-11-05T14:32:00"),
    ("am-noon-edge", "Nov 5, 2019 12:05 a.m.", "2019-11-05T00:05:00"),
    ("pm-hour-only", "Nov 5, 2019 2 PM", "2019-11-05T14:00:00"),
    ("dash-time", "July 30, 2012 - 14:32", "2012-07-30T14:32:00"),
    ("time-first", "14:32 GMT, 5 November 2019", "2019-11-05T14:32:00+00:00"),
    ("time-first-on", "3:45 PM ET on June 14, 2018", "2018-06-14T15:45:00-04:00"),
    ("utc", "5 November 2019 14:32 UTC", "2019-11-05T14:32:00+00:00"),
    ("gmt-plus", "5 November 2019, 14:32 GMT+1", "2019-11-05T14:32:00+01:00"),
    ("est", "Nov 5, 2019 9:00 AM EST", "2019-11-05T09:00:00-05:00"),
    ("edt", "June 14, 2018 9:00 AM EDT", "2018-06-14T09:00:00-04:00"),
    ("cst", "Nov 5, 2019 9:00 AM CST", "2019-11-05T09:00:00-06:00"),
    ("cdt", "June 14, 2018 9:00 AM CDT", "2018-06-14T09:00:00-05:00"),
    ("mst", "Nov 5, 2019 9:00 AM MST", "2019-11-05T09:00:00-07:00"),
    ("mdt", "June 14, 2018 9:00 AM MDT", "2018-06-14T09:00:00-06:00"),
    ("pst", "Nov 5, 2019 9:00 AM PST", "2019-11-05T09:00:00-08:00"),
    ("pdt", "June 14, 2018 9:00 AM PDT", "2018-06-14T09:00:00-07:00"),
    ("bst", "14 June 2018 09:00 BST", "2018-06-14T09:00:00+01:00"),
    ("cet", "5 November 2019 09:00 CET", "2019-11-05T09:00:00+01:00"),
    ("cest", "14 June 2018 09:00 CEST", "2018-06-14T09:00:00+02:00"),
    ("numeric-offset", "14 June 2018 09:00 +0200", "2018-06-14T09:00:00+02:00"),
    ("pt-winter-standard", "Nov 5, 2019 2:32 PM PT", "2019-11-05T14:32:00-08:00"),
    ("et-2006-rules", "April 1, 2006 3:00 PM ET", "2006-04-01T15:00:00-05:00"),
    ("et-2006-rules-dst", "April 2, 2006 3:00 PM ET", "2006-04-02T15:00:00-04:00"),
    # Ambiguity policy: a numeric date is read only when the numbers prove it.
    ("numeric-month-first-proven", "06/14/2018", "2018-06-14"),
    ("numeric-same-both-ways", "05/05/2018", "2018-05-05"),
    ("dotted-day-first-proven", "15.11.2019", "2019-11-15"),
    # Small trailing extras.
    ("reading-time", "July 30, 2012 | 5 min read", "2012-07-30"),
    ("reading-time-dash", "July 30, 2012 — 4 minutes read", "2012-07-30"),
    (
        "second-labelled-date",
        "Published June 14, 2018 | Updated June 15, 2018 4:00 PM EDT",
        "2018-06-14",
    ),
    ("seed-article", "July 30, 2012", "2012-07-30"),
]

REJECTED = [
    ("prose", "The meeting on July 30, 2012 was cancelled."),
    ("prose-after-date", "July 30, 2012 was a Monday"),
    ("prose-before-date", "Reports from July 30, 2012"),
    ("invalid-feb-30", "February 30, 2019"),
    ("invalid-iso", "2019-02-30"),
    ("invalid-month", "2019-13-01"),
    ("two-digit-year", "14/06/18"),
    ("month-year-only", "July 2012"),
    ("weekday-contradicts-date", "Monday, 5 November 2019"),
    ("hour-out-of-range", "July 30, 2012 25:00"),
    ("pm-hour-out-of-range", "July 30, 2012 13:00 PM"),
    ("bare-number-is-no-time", "July 30, 2012 14"),
    ("unknown-zone", "July 30, 2012 3:45 PM IST"),
    ("offset-out-of-range", "2019-11-05T14:32:00+19:00"),
    ("label-only", "Updated"),
    ("relative", "Updated 3 hours ago"),
    ("unknown-extra", "July 30, 2012 | Politics"),
    ("t-after-written-date", "July 30, 2012T14:32"),
    ("empty", ""),
    ("whitespace", "   "),
    ("too-long", "July 30, 2012 " + "| 5 min read " * 12),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED]
)
def test_parse_date_accepts(text: str, expected: str) -> None:
    assert parse_date(text) == expected
    assert is_date_line(text)


@pytest.mark.parametrize("text", [c[1] for c in REJECTED], ids=[c[0] for c in REJECTED])
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None
    assert not is_date_line(text)


# US generic zones resolve by the date's DST rules; a change-over hour gets no offset.
US_GENERIC = [
    ("before-spring-forward", "March 10, 2019 1:59 AM ET", "2019-03-10T01:59:00-05:00"),
    ("skipped-hour", "March 10, 2019 2:30 AM ET", "2019-03-10T02:30:00"),
    ("after-spring-forward", "March 10, 2019 3:00 AM ET", "2019-03-10T03:00:00-04:00"),
    ("repeated-hour", "Nov 3, 2019 1:30 AM ET", "2019-11-03T01:30:00"),
    ("after-fall-back", "Nov 3, 2019 2:00 AM ET", "2019-11-03T02:00:00-05:00"),
    ("last-sunday-october-2006", "October 29, 2006 3:00 AM CT", "2006-10-29T03:00:00-06:00"),
    ("before-1987-no-offset", "Jan 5, 1980 3:00 PM ET", "1980-01-05T15:00:00"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in US_GENERIC], ids=[c[0] for c in US_GENERIC]
)
def test_us_generic_zones(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@given(st.text(max_size=200))
def test_parse_date_total_and_iso(text: str) -> None:
    result = parse_date(text)
    assert result is None or ISO_8601.fullmatch(result)


@given(
    st.dates(min_value=dt.date(1000, 1, 1)),
    st.sampled_from(
        ["%B %d, %Y", "%d %B %Y", "%b. %d, %Y", "%A, %d %B %Y", "%Y-%m-%d", "Published %d %b %Y"]
    ),
)
def test_parse_date_round_trips_written_dates(day: dt.date, form: str) -> None:
    assert parse_date(day.strftime(form)) == day.isoformat()


def test_module_import_is_cheap() -> None:
    """dates.py must not pull in dateutil or lxml: it sits on the line-classification path."""
    code = (
        "import sys, scrubwarc.meta.dates, scrubwarc.meta.bylines; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dateutil', 'lxml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# Arbitrary text rarely looks like a date; soup made of date vocabulary reaches the
# zone, time and policy branches.
DATE_TOKENS = [
    "Published",
    "Updated:",
    "on",
    "Tuesday,",
    "July",
    "Nov.",
    "30",
    "5th",
    "of",
    "2012",
    "0000",
    "14/06/2018",
    "99.99.2019",
    "2019-11-05T14:32:00.000+01:00",
    "T",
    "at",
    "14:32",
    "3:45",
    "99:99",
    "p.m.",
    "AM",
    "GMT+14:99",
    "+2500",
    "ET",
    "Z",
    "|",
    "—",
    ",",
    "5 min read",
]


@given(st.lists(st.sampled_from(DATE_TOKENS), max_size=12))
def test_parse_date_total_on_date_vocabulary(tokens: list[str]) -> None:
    result = parse_date(" ".join(tokens))
    assert result is None or ISO_8601.fullmatch(result)
