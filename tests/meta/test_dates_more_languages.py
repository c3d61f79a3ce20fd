"""Date lines in more languages and abbreviations: Russian short months (``3 мар. 2024``),
German ``Mrz.``, Romanian and Greek month names and labels."""

from __future__ import annotations

import pytest

from scrubwarc.meta.dates import read_date
from scrubwarc.meta.htmlshown import ShownDates


@pytest.mark.parametrize(
    ("language", "line", "expected"),
    [
        ("ru", "3 мар 2024", "2024-03-03"),
        ("ru", "3 мар. 2024, 10:00", "2024-03-03T10:00:00"),
        ("ru", "12 сент. 2024", "2024-09-12"),
        ("de", "3. Mrz. 2024", "2024-03-03"),
        ("ro", "3 martie 2024", "2024-03-03"),
        ("ro", "Publicat la 3 martie 2024, ora 10:00", "2024-03-03T10:00:00"),
        ("el", "3 Μαρτίου 2024", "2024-03-03"),
        ("el", "Δημοσιεύθηκε: 3 Μαρτίου 2024, 10:00", "2024-03-03T10:00:00"),
    ],
)
def test_date_lines_in_more_languages(language: str, line: str, expected: str) -> None:
    assert read_date(line, "day-first", language).iso == expected
    assert [found for found, _ in ShownDates(language).dates(line)] == [expected]


@pytest.mark.parametrize(
    ("language", "line", "label"),
    [("ro", "Actualizat: 5 martie 2024", "Updated "), ("ru", "Обновлено: 5 мар. 2024", "Updated ")],
)
def test_a_revision_label_in_more_languages(language: str, line: str, label: str) -> None:
    assert [shown for _, shown in ShownDates(language).dates(line)] == [label]
