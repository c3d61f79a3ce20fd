"""JSON-LD as some CMSs shape it: the ``creator`` named when no ``author`` is, names as value
objects (``{"@value": "Ann Lee"}``), author lists nested inside a list."""

from __future__ import annotations

import json

import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata
from scrubwarc.read.html import parse_document

_ARTICLE = {"@type": "NewsArticle", "headline": "Rain again", "datePublished": "2024-03-03"}
_ANN = {"@type": "Person", "name": "Ann Lee"}
_BO = {"@type": "Person", "name": "Bo Chan"}


def meta(ld: object) -> HtmlMetadata:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    page = f"<html><head>{script}</head><body><p>Story.</p></body></html>"
    return read_html_metadata(parse_document(page.encode()))


@pytest.mark.parametrize("creator", [_ANN, [_ANN], "Ann Lee", {"@value": "Ann Lee"}])
def test_the_creator_when_no_author_is_named(creator: object) -> None:
    assert meta({**_ARTICLE, "creator": creator}).authors == ("Ann Lee",)


def test_the_author_before_the_creator() -> None:
    assert meta({**_ARTICLE, "author": _BO, "creator": _ANN}).authors == ("Bo Chan",)


@pytest.mark.parametrize(
    "name",
    [
        {"@value": "Ann Lee"},
        {"@value": "Ann Lee", "@language": "en"},
        [{"@value": "Ann Lee", "@language": "en"}],
    ],
)
def test_a_name_as_a_value_object(name: object) -> None:
    assert meta({**_ARTICLE, "author": {"@type": "Person", "name": name}}).authors == ("Ann Lee",)


@pytest.mark.parametrize("authors", [[[_ANN, _BO]], [[_ANN], [_BO]], [_ANN, [[_BO]]]])
def test_author_lists_nested_in_a_list(authors: object) -> None:
    assert meta({**_ARTICLE, "author": authors}).authors == ("Ann Lee", "Bo Chan")


def test_a_date_as_a_value_object() -> None:
    published = {"@value": "2024-03-04", "@type": "xsd:date"}
    assert meta({**_ARTICLE, "datePublished": published}).date == "2024-03-04"


def test_an_organisation_as_creator_is_no_person() -> None:
    organisation = {"@type": "Organization", "name": "Drip News"}
    assert meta({**_ARTICLE, "creator": organisation}).authors == ("Drip News",)
