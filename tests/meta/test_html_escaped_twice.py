"""Titles and descriptions a CMS escaped twice (``&amp;amp;``, ``&amp;rsquo;``) read as
the page shows them."""

from __future__ import annotations

import pytest

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata
from scrubwarc.read.html import parse_document


def meta(head: str) -> HtmlMetadata:
    page = f"<html><head>{head}</head><body><p>Story.</p></body></html>"
    return read_html_metadata(parse_document(page.encode()))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Rain &amp;amp; wind again", "Rain & wind again"),
        ("Homeowners aren&amp;rsquo;t ready", "Homeowners aren’t ready"),
        ("It&amp;#8217;s raining&amp;nbsp; again", "It’s raining again"),
        ("Rain &amp; wind &amp;c. again", "Rain & wind &c. again"),  # no reference: as written
    ],
)
def test_a_value_escaped_twice_is_decoded(value: str, expected: str) -> None:
    head = f'<meta property="og:title" content="{value}">'
    head += f'<meta name="description" content="{value}">'
    found = meta(head)
    assert (found.title, found.description) == (expected, expected)
