"""Numbers that read both ways are read as the text's language writes them, unless the user
configured an order."""

from __future__ import annotations

import pytest

from scrubwarc.article import process
from scrubwarc.clean.model import CleanOptions

FRENCH = (
    "Tempête sur la côte\n\nPar Jean Dupont\n02/12/2025\n\n"
    + "Il a plu toute la journée dans la vallée, et la rivière a monté d'un mètre. " * 3
)
ENGLISH = (
    "Storm hits the coast\n\nBy Ann Lee\n02/12/2025\n\n"
    + "It rained all day in the valley, and the river rose by a metre overnight. " * 3
)


@pytest.mark.parametrize(
    ("text", "options", "date", "assumed"),
    [
        (FRENCH, None, "2025-12-02", "day-first"),
        (ENGLISH, None, "2025-02-12", "month-first"),
        (FRENCH, CleanOptions(date_order="month-first"), "2025-02-12", "month-first"),
        (ENGLISH, CleanOptions(date_order="day-first"), "2025-12-02", "day-first"),
    ],
)
def test_the_order_of_a_date_that_reads_both_ways(
    text: str, options: CleanOptions | None, date: str, assumed: str
) -> None:
    meta = process(text.encode(), options=options).metadata
    assert (meta.language, meta.date, meta.date_assumed) == (
        "fr" if text is FRENCH else "en",
        date,
        assumed,
    )


@pytest.mark.parametrize(
    ("line", "language", "date"),
    [
        ("Madrid, 2 de diciembre de 2025", "es", "2025-12-02"),
        ("São Paulo, 2 de dezembro de 2025, 14h05", "pt", "2025-12-02T14:05:00"),
        ("Roma, 2 dicembre 2025", "it", "2025-12-02"),
        ("Rio de Janeiro, 2 de dezembro de 2025", "pt", "2025-12-02"),
        # In English a place in its own case is as likely prose; a weekday is no place.
        ("Washington, March 3, 2024", "en", None),
        ("Martes, 2 de diciembre de 2025", "es", "2025-12-02"),
    ],
)
def test_a_dateline_in_the_place_s_own_case(line: str, language: str, date: str | None) -> None:
    from scrubwarc.meta.dates import read_date

    assert read_date(line, "day-first", language).iso == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Tuesday 02/12/2025", "2025-12-02"),  # 12 February 2025 was a Wednesday
        ("Wednesday 02/12/2025", "2025-02-12"),
        ("Tue, 02/12/2025 14:05", "2025-12-02T14:05:00"),
        ("Monday 02/12/2025", None),  # neither reading is a Monday
        ("Tuesday 00/12/2025", None),
    ],
)
def test_a_weekday_tells_which_way_numbers_read(line: str, date: str | None) -> None:
    from scrubwarc.meta.dates import read_date

    for order in ("month-first", "day-first"):
        assert read_date(line, order) == (date, None)
