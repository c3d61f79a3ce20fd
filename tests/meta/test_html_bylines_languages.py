"""Byline elements and author fields in other languages: the lead-in (``Von``, ``Par``,
``Autor:``, ``Автор:``) or the role word (``기자``, ``記者``) is no part of the name; nor is
an e-mail address beside it."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.meta.htmlauthors import names_from_author_text
from scrubwarc.read.html import parse_document


def authors(lang: str, head: str, body: str) -> tuple[str, ...]:
    page = f'<html lang="{lang}"><head>{head}</head><body><h1>Rain</h1>{body}<p>Story.</p>'
    return read_html_metadata(parse_document(f"{page}</body></html>".encode())).authors


@pytest.mark.parametrize(
    ("lang", "byline", "names"),
    [
        ("de", "Von Anna Lehmann und Bernd Christ", ("Anna Lehmann", "Bernd Christ")),
        ("fr", "Par Anne Lefèvre et Bruno Chapuis", ("Anne Lefèvre", "Bruno Chapuis")),
        ("es", "Por Ana López y Bruno Chávez", ("Ana López", "Bruno Chávez")),
        ("it", "di Anna Leone", ("Anna Leone",)),
        ("nl", "Door Anne de Vries en Piet Jansen", ("Anne de Vries", "Piet Jansen")),
        ("sv", "Av Anna Larsson och Bo Berg", ("Anna Larsson", "Bo Berg")),
        ("pl", "Autor: Anna Kowalska", ("Anna Kowalska",)),
        ("ru", "Автор: Анна Ли", ("Анна Ли",)),
        ("ko", "김철수 기자", ("김철수",)),
        ("ja", "記者 山田太郎", ("山田太郎",)),
        ("zh", "记者 王小明 李四", ("王小明", "李四")),
        # The newsroom credited as a whole.
        ("de", "Von der Redaktion", ("Redaktion",)),
        ("it", "di Redazione", ("Redazione",)),
    ],
)
def test_a_byline_element_in_another_language(
    lang: str, byline: str, names: tuple[str, ...]
) -> None:
    assert authors(lang, "", f'<p class="byline">{byline}</p>') == names
    assert authors(lang, f'<meta name="author" content="{byline}">', "") == names


@pytest.mark.parametrize(
    "field",
    ["Von Trapp", "Di Maio", "José Ortega y Gasset", "Av", "张三"],
)
def test_a_surname_that_opens_as_a_lead_in_stays(field: str) -> None:
    assert names_from_author_text(field) == [field]


def test_an_editor_credit_in_cjk_names_no_author() -> None:
    assert names_from_author_text("责任编辑：张三") == []


@pytest.mark.parametrize(
    ("field", "names"),
    [
        ("noreply@example.com (Ann Lee)", ["Ann Lee"]),  # as a feed's author
        ("Ann Lee <ann@example.com>", ["Ann Lee"]),
        ("[ann@example.com] Ann Lee", ["Ann Lee"]),
        ("ann.lee@example.com", ["ann.lee@example.com"]),  # how the page names its writer
    ],
)
def test_an_e_mail_address_beside_a_name_is_no_part_of_it(field: str, names: list[str]) -> None:
    assert names_from_author_text(field) == names
