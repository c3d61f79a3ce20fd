"""A date line in another language that names the revision first and the publication after
it ("Mis à jour le …, publié le …") is dated by the publication, as in English; the year's
word before a time (``г.,``, ``r.,``) and Finnish date lines read as well."""

from __future__ import annotations

import pytest

from scrubwarc.meta.dates import read_date
from scrubwarc.meta.htmlshown import ShownDates


@pytest.mark.parametrize(
    ("language", "line", "expected"),
    [
        ("es", "Actualizado el 5 de marzo de 2024 | Publicado el 3 de marzo de 2024", "2024-03-03"),
        ("de", "Aktualisiert am 5. März 2024, veröffentlicht am 3. März 2024", "2024-03-03"),
        (
            "fr",
            "Mis à jour le 5 mars 2024 à 10h00, publié le 3 mars 2024 à 09h00",
            "2024-03-03T09:00:00",
        ),
        ("pt", "Atualizado em 5 de março de 2024 | Publicado em 3 de março de 2024", "2024-03-03"),
        ("ru", "Опубликовано: 3 марта 2024 г., 10:00", "2024-03-03T10:00:00"),
        ("ru", "3 марта 2024 г. 10:00", "2024-03-03T10:00:00"),
        ("pl", "3 marca 2024 r., godz. 10:00", "2024-03-03T10:00:00"),
        ("fi", "Julkaistu 3.3.2024 klo 10.00", "2024-03-03T10:00:00"),
        ("fi", "Julkaistu 3. maaliskuuta 2024", "2024-03-03"),
        ("fi", "Päivitetty 5.3.2024, julkaistu 3.3.2024 klo 10.00", "2024-03-03T10:00:00"),
    ],
)  # fmt: skip
def test_the_publication_after_the_revision(language: str, line: str, expected: str) -> None:
    assert read_date(line, "day-first", language).iso == expected


@pytest.mark.parametrize(
    ("language", "line"),
    [
        # "le", "el" open a date line, never a later one: prose after a date stays prose.
        ("fr", "Le 3 mars 2024, le président a parlé"),
        ("fr", "Publié le 3 mars 2024 | le 5 mars 2024"),
    ],
)
def test_a_bare_label_after_a_date_is_no_publication(language: str, line: str) -> None:
    assert read_date(line, "day-first", language).iso is None


def test_a_page_shows_the_publication_after_the_revision() -> None:
    line = "Aktualisiert am 5. März 2024, veröffentlicht am 3. März 2024"
    assert [label for _, label in ShownDates("de").dates(line)] == ["Updated ", ", Published "]
