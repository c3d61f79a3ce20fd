"""A date line's time as each language writes it: the hour's word (``14 h``, ``14 Uhr``,
``2시``), the word before it (``godz.``, ``alle ore``, ``v``), a month between dots
(``02.dez.2025``), a CJK list of dated labels, and the time a page shows after its date."""

from __future__ import annotations

import pytest

from scrubwarc.meta.dates import read_date
from scrubwarc.meta.htmlshown import ShownDates


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        (
            "Publié le 3 décembre 2025 à 14 h, mis à jour le 4 décembre 2025 à 9 h",
            "fr",
            "2025-12-03T14:00:00",
        ),
        ("3 décembre 2025 à 14 h 05", "fr", "2025-12-03T14:05:00"),
        ("3. Dezember 2025, 14 Uhr", "de", "2025-12-03T14:00:00"),
        ("3 december 2025 om 14.05 uur", "nl", "2025-12-03T14:05:00"),
        ("02.dez.2025 às 14h05", "pt", "2025-12-02T14:05:00"),
        ("2.Dezember.2025", "de", "2025-12-02"),
        ("3 grudnia 2025 godz. 14:05", "pl", "2025-12-03T14:05:00"),
        ("3. desember 2025 kl. 14", "no", "2025-12-03T14:00:00"),
        ("3 grudnia 2025, godz. 9", "pl", "2025-12-03T09:00:00"),
        ("3 grudnia 2025 o godz. 14:05", "pl", "2025-12-03T14:05:00"),
        ("3 dicembre 2025 alle ore 14:05", "it", "2025-12-03T14:05:00"),
        ("3. prosince 2025 v 14:05", "cs", "2025-12-03T14:05:00"),
        ("3 грудня 2025 о 14:05", "uk", "2025-12-03T14:05:00"),
        ("2025년 12월 3일 오후 2시", "ko", "2025-12-03T14:00:00"),
        ("2025.12.03. 오후 2시", "ko", "2025-12-03T14:00:00"),
        ("2025年12月3日 午後2時", "ja", "2025-12-03T14:00:00"),
        ("2025年12月3日 14:05 公開、12月4日 更新", "ja", "2025-12-03T14:05:00"),
        ("2025-12-03 14:05 发布，2025-12-04 更新", "zh", "2025-12-03T14:05:00"),
        ("3 de diciembre de 2025 - 14:05 hs", "es", "2025-12-03T14:05:00"),
        ("3 décembre 2025 à 14 heures", "fr", "2025-12-03T14:00:00"),
    ],
)
def test_time_words(line: str, language: str, expected: str) -> None:
    assert read_date(line, "day-first", language).iso == expected


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Publié le 3 décembre 2025, il y a 2 h", "fr"),  # two hours ago: prose
        ("2025年12月3日 3時間前", "ja"),  # three hours ago
        ("2025년 12월 3일 3시간 전", "ko"),
    ],
)
def test_hours_ago_are_no_time(line: str, language: str) -> None:
    assert read_date(line, "day-first", language).iso is None


def test_yearless_update_after_new_year_is_the_next_year() -> None:
    line = "2025年12月30日 14:05 更新、1月2日 更新"
    # Both are revisions: the line is read as one, and never dated before its first day.
    assert read_date(line, "day-first", "ja").iso == "2025-12-30T14:05:00"


@pytest.mark.parametrize(
    ("locale", "line", "expected"),
    [
        ("fr", "Publié le mardi 2 décembre 2025 à 14h05", [("2025-12-02T14:05:00", "Published ")]),
        (
            "fr",
            "Publié le 3 décembre 2025 à 14 h, mis à jour le 4 décembre 2025 à 9 h",
            [("2025-12-03T14:00:00", "Published "), ("2025-12-04T09:00:00", ", Updated ")],
        ),
        ("en", "Posted March 3, 2024 at 10:30 AM ET", [("2024-03-03T10:30:00-05:00", "Posted ")]),
        ("en", "March 3, 2024, 12.5 million views", [("2024-03-03", "")]),
        ("en", "March 3, 2024 10 comments", [("2024-03-03", "")]),
        # An amount written with a dot is no time: a word no clock takes, or a sign, follows it.
        ("en", "March 3, 2024 - 12.50 dollars", [("2024-03-03", "")]),
        ("en", "March 3, 2024: 9.45 per cent", [("2024-03-03", "")]),
        ("en", "March 3, 2024 - 12.50 %", [("2024-03-03", "")]),
        ("de", "3. März 2024 - 12.50 Euro", [("2024-03-03", "")]),
        ("en-GB", "3 March 2024 - 12.50", [("2024-03-03T12:50:00", "")]),
        ("en-GB", "3 March 2024 12.50 Updated", [("2024-03-03T12:50:00", "")]),
        ("de", "3. März 2024, 12.50 Uhr", [("2024-03-03T12:50:00", "")]),
        ("cs", "3. března 2024 12.50 hod.", [("2024-03-03T12:50:00", "")]),
        ("en", "Last Updated: Dec 19, 2025, 01:00:00 AM IST", [("2025-12-19", "Last Updated: ")]),
    ],
)
def test_shown_dates_keep_their_time(
    locale: str, line: str, expected: list[tuple[str, str]]
) -> None:
    assert list(ShownDates(locale).dates(line)) == expected
