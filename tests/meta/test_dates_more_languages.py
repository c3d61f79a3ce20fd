"""Date lines in more languages and abbreviations: Russian short months (``3 мар. 2024``),
German ``Mrz.``, Romanian, Greek (in capitals too) and Hungarian month names and labels."""

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
        # Greek capitals drop the accents (a diaeresis stays); a nominative ends in a sigma.
        ("el", "ΔΗΜΟΣΙΕΥΘΗΚΕ: 3 ΜΑΡΤΙΟΥ 2024, 10:00", "2024-03-03T10:00:00"),
        ("el", "3 ΜΑΪΟΥ 2024", "2024-05-03"),
        ("el", "3 ΜΑΙΟΥ 2024", "2024-05-03"),
        ("el", "Ιανουάριος 3, 2024", "2024-01-03"),
        # Hungarian writes the year first, each number with its dot.
        ("hu", "2024. március 3.", "2024-03-03"),
        ("hu", "Közzétéve: 2024. márc. 3., 14:05", "2024-03-03T14:05:00"),
        ("hu", "2024. MÁRCIUS 3. 14:05", "2024-03-03T14:05:00"),
        ("hu", "2024. március 3., vasárnap 14:05", "2024-03-03T14:05:00"),
        ("hu", "2024. 03. 03. 14:05", "2024-03-03T14:05:00"),
        ("el", "ΚΥΡΙΑΚΗ 3 ΜΑΡΤΙΟΥ 2024 10:00", "2024-03-03T10:00:00"),
        ("el", "Κυριακή 3 Μαρτίου 2024", "2024-03-03"),
    ],
)
def test_date_lines_in_more_languages(language: str, line: str, expected: str) -> None:
    assert read_date(line, "day-first", language).iso == expected
    assert [found for found, _ in ShownDates(language).dates(line)] == [expected]


@pytest.mark.parametrize(
    ("language", "line", "label"),
    [
        ("ro", "Actualizat: 5 martie 2024", "Updated "),
        ("ru", "Обновлено: 5 мар. 2024", "Updated "),
        ("hu", "Frissítve: 2024. március 5.", "Updated "),
        ("el", "ΕΝΗΜΕΡΩΘΗΚΕ: 5 ΜΑΡΤΙΟΥ 2024", "Updated "),
    ],
)
def test_a_revision_label_in_more_languages(language: str, line: str, label: str) -> None:
    assert [shown for _, shown in ShownDates(language).dates(line)] == [label]
