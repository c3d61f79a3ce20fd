"""A line that dates the publication and then its revision gives the publication, in every
language the date words know, written with the clock's word (``14:05 Uhr``) or a bar."""

from __future__ import annotations

import pytest

from scrubwarc.article import process
from scrubwarc.meta.dates import is_update, read_date

BODY = "It rained all day in the valley, and the river rose by a metre overnight."


@pytest.mark.parametrize(
    ("line", "language", "date"),
    [
        ("Veröffentlicht am 3. Dezember 2025, 14:05 Uhr, aktualisiert am 4. Dezember 2025",
         "de", "2025-12-03T14:05:00"),
        ("Veröffentlicht: 03.12.2025, 14:05 Uhr | Aktualisiert: 04.12.2025", "de",
         "2025-12-03T14:05:00"),
        ("Aktualisiert am 4. Dezember 2025, 09:00 Uhr", "de", "2025-12-04T09:00:00"),
        ("Pubblicato il 3 dicembre 2025 alle 14:05 - Aggiornato il 4 dicembre 2025", "it",
         "2025-12-03T14:05:00"),
        ("Publicado em 3 de dezembro de 2025 | Atualizado em 4 de dezembro de 2025", "pt",
         "2025-12-03"),
        ("Opublikowano 3 grudnia 2025 · aktualizacja 4 grudnia 2025", "pl", "2025-12-03"),
    ],
)  # fmt: skip
def test_the_publication_before_its_update(line: str, language: str, date: str) -> None:
    assert read_date(line, "day-first", language).iso == date


def test_a_german_text_article_is_dated_by_its_publication() -> None:
    line = "Veröffentlicht am 3. Dezember 2025, 14:05 Uhr, aktualisiert am 4. Dezember 2025"
    text = f"Sturm trifft die Küste\n\n{line}\n\nEs regnete den ganzen Tag im Tal."
    assert process(text.encode()).metadata.date == "2025-12-03T14:05:00"


@pytest.mark.parametrize(
    ("update", "published", "language"),
    [
        ("Actualisé le 4 décembre 2025", "Publié le 3 décembre 2025", "fr"),
        ("Dernière mise à jour le 4 décembre 2025", "Publié le 3 décembre 2025", "fr"),
        ("Última actualización: 4 de diciembre de 2025", "Publicado el 3 de diciembre de 2025",
         "es"),
        ("Ultimo aggiornamento: 4 dicembre 2025", "Pubblicato il 3 dicembre 2025", "it"),
        ("Última atualização: 4 de dezembro de 2025", "Publicado em 3 de dezembro de 2025",
         "pt"),
        ("Zuletzt aktualisiert am 4. Dezember 2025", "Veröffentlicht am 3. Dezember 2025", "de"),
        ("Laatst bijgewerkt op 4 december 2025", "Gepubliceerd op 3 december 2025", "nl"),
        ("Zaktualizowano: 4 grudnia 2025", "Opublikowano: 3 grudnia 2025", "pl"),
        ("Последнее обновление: 4 декабря 2025", "Опубликовано 3 декабря 2025", "ru"),
    ],
)  # fmt: skip
def test_an_update_line_above_the_publication(update: str, published: str, language: str) -> None:
    assert read_date(update, "day-first", language).iso == "2025-12-04"
    assert is_update(update, language)
    assert read_date(
        f"{published}, {update[0].lower()}{update[1:]}", "day-first", language
    ).iso == ("2025-12-03")
