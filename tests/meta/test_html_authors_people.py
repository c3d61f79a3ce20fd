"""HTML author fields give the people, not "Name, Agency" or "Name, MD" (session 9, s9d).

An author field was split into names only when the split kept every word, so a role, a
credential, a desk or an outlet after a name stayed in the author ("Jill Disis, CNN Business",
"TOM KRISHER, AP Auto Writer"), an outlet beside people was listed as one of them ("Emily Baron
Cadloff", "Modern Farmer"), and the site given as the author hid the byline naming the writer.
The cases are the real-world families of AEB and WCXB pages, with their names changed where
they are not public figures.
"""

from __future__ import annotations

import json

import pytest

from scrubwarc.meta.html import read_html_metadata
from scrubwarc.read.html import parse_document


def authors(
    head: str, body: str = "<h1>Rain again</h1><p>It rained all day.</p>"
) -> tuple[str, ...]:
    page = f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return read_html_metadata(parse_document(page.encode())).authors


def jsonld(*names: str, kind: str = "Person") -> str:
    people = [{"@type": kind, "name": name} for name in names]
    data = {"@type": "NewsArticle", "headline": "Rain again", "author": people}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta_author(value: str) -> str:
    return f'<meta name="author" content="{value}">'


def site(name: str) -> str:
    return f'<meta property="og:site_name" content="{name}">'


PEOPLE_IN_FIELDS = [
    ("Jill Disis, CNN Business", ("Jill Disis",)),
    ("Sandee LaMotte, CNN", ("Sandee LaMotte",)),
    ("TOM KRISHER, AP Auto Writer", ("Tom Krisher",)),
    ("Troy L. Smith, Cleveland.com", ("Troy L. Smith",)),
    ("Victor Tangermann, Futurism", ("Victor Tangermann",)),
    ("Amy Kuperinsky | NJ Advance Media for NJ.com", ("Amy Kuperinsky",)),
    ("Ann Lee | The Coastal Herald", ("Ann Lee",)),
    ("David Jackson - FullStack Editorial Team", ("David Jackson",)),
    ("Ann Lee - Staff Writer", ("Ann Lee",)),
    ("Matthew Frankel, CFP", ("Matthew Frankel",)),
    ("Ilana Muhlstein, MS, RDN", ("Ilana Muhlstein",)),
    ("Genevieve Carlton, Ph.D.", ("Genevieve Carlton",)),
    ("By Ann Lee, Senior Editor", ("Ann Lee",)),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ("Chris Cillizza",)),
    ("MEG KINNARD and ERRIN HAINES, Associated Press", ("Meg Kinnard", "Errin Haines")),
    ("Ann Lee, Staff Writer, and Bo Chen, Senior Editor", ("Ann Lee", "Bo Chen")),
    ("Manoj Jain and Jo Li, The Commercial Appeal", ("Manoj Jain", "Jo Li")),
    # Particles and generational suffixes are the name's own.
    ("John Smith III, Staff Writer", ("John Smith III",)),
    ("Nick van Mead, Guardian Staff", ("Nick van Mead",)),
    ("Martin Luther King, Jr.", ("Martin Luther King Jr.",)),
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), PEOPLE_IN_FIELDS)
@pytest.mark.parametrize("field", [meta_author, jsonld], ids=["meta", "jsonld"])
def test_an_author_field_gives_the_people_without_their_roles_and_outlets(
    field: object, value: str, expected: tuple[str, ...]
) -> None:
    assert callable(field)
    assert authors(field(value)) == expected


KEPT_AS_WRITTEN = [
    # An organisation, a wire service or a desk that is the only author is the author.
    "Reuters",
    "The Associated Press",
    "JERUSALEM POST STAFF",
    "TOI Lifestyle Desk",
    # What parse_byline would read as a name less something that may be part of it.
    "GURUS - Drupal",  # a one-word name may be a brand
    "Claight Corporation (Expert Market Research)",  # an organisation's own name
    "Dr. Ann Lee, MD",  # the field writes the name with the title
]


@pytest.mark.parametrize("value", KEPT_AS_WRITTEN)
def test_an_author_field_that_names_no_person_in_full_is_kept_as_written(value: str) -> None:
    assert authors(meta_author(value.replace("&", "&amp;"))) == (value,)


def test_the_site_beside_a_person_is_not_an_author() -> None:
    head = site("Modern Farmer") + jsonld("Emily Baron Cadloff", "Modern Farmer")
    assert authors(head) == ("Emily Baron Cadloff",)


def test_the_site_after_a_name_in_the_byline_under_the_headline_is_not_an_author() -> None:
    body = "<h1>Rain again</h1><p>by Emily Baron Cadloff, Modern Farmer</p><p>It rained.</p>"
    assert authors(site("Modern Farmer") + meta_author("Emily Baron Cadloff"), body) == (
        "Emily Baron Cadloff",
    )


def test_a_publication_beside_a_person_is_not_an_author() -> None:
    head = jsonld("Arlene Marturano", "South Carolina Garden-based Learning Network on Facebook")
    assert authors(head) == ("Arlene Marturano",)


def test_the_site_as_the_stated_author_gives_way_to_the_writer_the_page_credits() -> None:
    text = "".join(f"<p>It rained all day, {n} times over.</p>" for n in range(6))
    body = f'<h1>Rain again</h1>{text}<p><a rel="author" href="/staff/">Brian Truitt</a></p>'
    assert authors(site("USA TODAY") + jsonld("USA TODAY"), body) == ("Brian Truitt",)
    assert authors(site("Rapid7") + meta_author("Rapid7"), body) == ("Brian Truitt",)


def test_the_site_as_the_only_author_is_kept() -> None:
    assert authors(site("USA TODAY") + jsonld("USA TODAY")) == ("USA TODAY",)


def test_a_site_named_for_its_writer_stays_the_author() -> None:
    """A blog named for its writer is no outlet hiding a byline: the next source (here a
    credit in a byline-classed box) is not read."""
    body = '<h1>Rain again</h1><div class="byline">Photos: Cameron Hewitt</div><p>It rained.</p>'
    assert authors(site("Rick Steves") + meta_author("Rick Steves"), body) == ("Rick Steves",)
