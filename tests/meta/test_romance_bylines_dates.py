"""Bylines and dates as Spanish, Italian, Portuguese and French pages write them: the
writer's paper after the name ("da Folha"), months cut short ("02 dic 2025")."""

from __future__ import annotations

import pytest

from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.dates import read_date


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Por João Silva, da Folha", ("João Silva",)),
        ("Por Juan Pérez, de El País", ("Juan Pérez",)),
        ("di Mario Rossi, del Corriere della Sera", ("Mario Rossi",)),
        ("Par Jean Dupont, du Monde", ("Jean Dupont",)),
        ("Por Ana da Silva e Rui Costa", ("Ana da Silva", "Rui Costa")),
    ],
)
def test_the_writer_s_paper_after_the_name(line: str, names: tuple[str, ...]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("line", "language", "date"),
    [
        ("Madrid - 02 dic 2025 - 14:05", "es", None),  # a place then a date: not a date line
        ("02 dic. 2025", "es", "2025-12-02"),
        ("Actualizado 3 ago 2025", "es", "2025-08-03"),
        ("02 set 2025, 14:05", "it", "2025-09-02T14:05:00"),
        ("3 mag 2025", "it", "2025-05-03"),
        ("2 de ago. de 2025", "pt", "2025-08-02"),
        ("15 out 2024", "pt", "2024-10-15"),
    ],
)
def test_short_month_names(line: str, language: str, date: str | None) -> None:
    assert read_date(line, "day-first", language).iso == date


def test_a_short_month_name_dates_a_spanish_page() -> None:
    from scrubwarc.article import process

    body = "<h1>Lluvia</h1><p>Por Juan Pérez</p><p>Madrid - 02 dic 2025 - 14:05</p>"
    body += "<p>" + "Llovió todo el día en el valle y el río subió. " * 20 + "</p>"
    page = f'<html lang="es"><head><title>Lluvia</title></head><body>{body}</body></html>'
    meta = process(page.encode()).metadata
    assert (meta.authors, meta.date) == (("Juan Pérez",), "2025-12-02T14:05:00")
