"""HTML author fields and bylines without outlets, roles, employers and date labels (s10b).

Session 10's red-team round on authors: an author field named an outlet the word lists did not
know (``Jane Roe, Kansas City Star``), a role (``Executive Director``), a role's employer
(``CEO, Atlas Van Lines``) or an organisation (``Harvard University``) as a second author, or
was kept whole for an organisation with "of" (``Voice of America``); a byline element gave
the label of its date (``Updated``) as the author, or nothing when the date came first; an
"Author" heading over the name was not read, and of names linked apart in a byline element
only the first was read.
"""

from __future__ import annotations

import pytest

from tests.meta.test_html_authors_people import authors, jsonld
from tests.meta.test_html_authors_people import meta_author as _meta_author


def meta_author(value: str) -> str:
    return _meta_author(value.replace("&", "&amp;"))


FIELDS = [
    ("Jane Roe, Kansas City Star", ("Jane Roe",)),
    ("JANE ROE, CHICAGO SUN-TIMES", ("Jane Roe",)),
    ("Jane Roe, Harvard University", ("Jane Roe",)),
    ("Jane Roe, University of Michigan", ("Jane Roe",)),
    ("Jane Roe, Voice of America", ("Jane Roe",)),
    ("Jane Roe, Executive Director", ("Jane Roe",)),
    ("Jane Roe, Director of Research", ("Jane Roe",)),
    ("Jane Roe CFP", ("Jane Roe",)),
    ("Jane A. Roe CPP, PSP", ("Jane A. Roe",)),
    ("Ann Lee, Trial Attorney at Morgan & Morgan", ("Ann Lee",)),
    ("Ann Lee, Senior Director, Acme Institute", ("Ann Lee",)),
    ("Ann Lee, Sr. Director of Operations, Atlas Van Lines - 10+ Years", ("Ann Lee",)),
    ("Ann Lee, Head of Marketing and Community Development", ("Ann Lee",)),
    ("Ann Lee, Mark Post and Bo Chen", ("Ann Lee", "Mark Post", "Bo Chen")),
]


@pytest.mark.parametrize(("value", "expected"), FIELDS)
@pytest.mark.parametrize("field", [meta_author, jsonld], ids=["meta", "jsonld"])
def test_an_author_field_drops_outlets_roles_and_employers(
    field: object, value: str, expected: tuple[str, ...]
) -> None:
    assert callable(field)
    assert authors(field(value)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Kept: co-authors, and what the role words do not know stays as written.
        ("Jane Roe, Li Sun and Bo Chen", ("Jane Roe", "Li Sun", "Bo Chen")),
        ("Jane Roe, Sun Li", ("Jane Roe", "Sun Li")),
        ("Ann Lee, Trial Lead at Morgan & Morgan", ("Ann Lee, Trial Lead at Morgan & Morgan",)),
        # By design: after a bar or a slash stands the site, not a second author.
        ("Jane Roe | John Doe", ("Jane Roe",)),
        ("Jane Roe / John Doe", ("Jane Roe",)),
    ],
)
def test_an_author_field_keeps_its_people(value: str, expected: tuple[str, ...]) -> None:
    assert authors(meta_author(value)) == expected


@pytest.mark.parametrize("field", [meta_author, lambda v: jsonld(v, kind="Organization")])
def test_an_organisation_author_opening_with_the_is_capitalised(field: object) -> None:
    assert callable(field)
    assert authors(field("the Associated Press")) == ("The Associated Press",)


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="author"><div class="date">Updated <span>January 8, 2026</span></div>'
        '<a href="/people/ann-lee">Ann Lee</a></div>',
        '<div class="byline"><time>Dec 17, 2025</time><span>Ann Lee</span></div>',
        '<div class="post-author"><span>Last updated:</span> <span>2026-01-08</span> '
        "<span>Ann Lee</span></div>",
    ],
)
def test_a_byline_element_passes_over_its_date_and_label(byline: str) -> None:
    assert authors("", f"<h1>Rain again</h1>{byline}<p>It rained all day.</p>") == ("Ann Lee",)


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        ("<h3>Author</h3><p>Lisa D. Ellis</p>", ("Lisa D. Ellis",)),
        ("<h3>Authors:</h3><p>Ann Lee and Bo Chen</p>", ("Ann Lee", "Bo Chen")),
        # A form's "Author" field, and a one-word name after the heading, name nobody.
        ("<form><label>Author</label><input><label>Email</label></form>", ()),
        ("<h3>Author</h3><p>Annlee</p>", ()),
    ],
)
def test_a_heading_that_is_only_author_names_the_writer_after_it(
    foot: str, expected: tuple[str, ...]
) -> None:
    assert authors("", f"<h1>Rain again</h1><p>It rained all day.</p>{foot}") == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        (
            '<div class="byline">By <a href="/p/1">Ann Lee</a>, <a href="/p/2">Bo Chen</a> and '
            '<a href="/p/3">Cy Diaz</a> <time>May 3, 2024</time></div>',
            ("Ann Lee", "Bo Chen", "Cy Diaz"),
        ),
        (
            '<div class="authors"><span>Authors:</span><a>Ann Lee</a>, <a>Bo Chen</a></div>',
            ("Ann Lee", "Bo Chen"),
        ),
        # Kept: a role or an outlet in its own element after the name is no co-author.
        (
            '<div class="byline">By <a>Ann Lee</a>, <span>Executive Director</span></div>',
            ("Ann Lee",),
        ),
        (
            '<div class="byline">By <a>Ann Lee</a> | <span>The Coastal Herald</span></div>',
            ("Ann Lee",),
        ),
    ],
)
def test_a_byline_element_reads_the_names_linked_apart(
    byline: str, expected: tuple[str, ...]
) -> None:
    assert authors("", f"<h1>Rain again</h1>{byline}<p>It rained all day.</p>") == expected
