"""Bylines to author names: every supported form, capitals handling, rejections."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc.meta.bylines import parse_byline

ACCEPTED = [
    ("seed-article", "By Ariel Zirulnick", ("Ariel Zirulnick",)),
    ("by-lower", "by Jane Roe", ("Jane Roe",)),
    ("by-colon", "By: Jane Roe", ("Jane Roe",)),
    ("by-all-caps-name", "BY JOHN SMITH", ("John Smith",)),
    ("two-names", "By Jane Roe and John Smith", ("Jane Roe", "John Smith")),
    ("ampersand", "By Jane Roe & John Smith", ("Jane Roe", "John Smith")),
    ("three-names", "By Ann Lee, Bob Ray and Cy Zed", ("Ann Lee", "Bob Ray", "Cy Zed")),
    ("oxford-comma", "By Ann Lee, Bob Ray, and Cy Zed", ("Ann Lee", "Bob Ray", "Cy Zed")),
    ("role-without-by", "Jane Roe, Staff Writer", ("Jane Roe",)),
    ("role-senior-editor", "By Jane Roe, Senior Editor", ("Jane Roe",)),
    ("role-correspondent", "By Jane Roe, Middle East Correspondent", ("Jane Roe",)),
    ("role-contributor", "By Jane Roe, Contributor", ("Jane Roe",)),
    ("role-for-agency", "By Jane Roe, For The Associated Press", ("Jane Roe",)),
    ("agency-ap", "By Jane Roe, Associated Press", ("Jane Roe",)),
    ("agency-afp", "By Jane Roe, AFP", ("Jane Roe",)),
    ("agency-parenthetical", "By Jane Roe (AP)", ("Jane Roe",)),
    ("agency-slash", "By Jane Roe/Reuters", ("Jane Roe",)),
    ("two-names-agency", "By Jane Roe and John Smith, Reuters", ("Jane Roe", "John Smith")),
    ("pipe-site", "By Jane Roe | Coastal Site", ("Jane Roe",)),
    ("pipe-site-all-caps", "BY JOHN SMITH | The Coastal Herald", ("John Smith",)),
    ("comma-publication", "By Jane Roe, The Coastal Herald", ("Jane Roe",)),
    ("comma-domain", "By Jane Roe, herald.example", ("Jane Roe",)),
    ("written-by", "Written by Jane Roe", ("Jane Roe",)),
    ("authors-label", "Authors: Jane Roe, John Smith", ("Jane Roe", "John Smith")),
    ("honorific-dr", "By Dr. Jane Roe", ("Jane Roe",)),
    ("honorific-prof", "By Prof Jane Roe", ("Jane Roe",)),
    ("location", "By Jane Roe in Beirut", ("Jane Roe",)),
    ("location-per-name", "By Jane Roe in Beirut and Al Li in Cairo", ("Jane Roe", "Al Li")),
    ("role-and-location", "By Jane Roe, Reuters, in Beirut", ("Jane Roe",)),
    ("trailing-date-pipe", "By Jane Roe | July 30, 2012", ("Jane Roe",)),
    ("trailing-date-on", "By Jane Roe on July 30, 2012", ("Jane Roe",)),
    ("trailing-date-comma", "By Jane Roe, July 30, 2012", ("Jane Roe",)),
    ("duplicate-name", "By Jane Roe and Jane Roe", ("Jane Roe",)),
    # Capitals are title-cased with care; mixed case is kept as written.
    ("caps-mc", "BY MARY MCDONALD", ("Mary McDonald",)),
    ("caps-apostrophe", "BY CONAN O'BRIEN", ("Conan O'Brien",)),
    ("caps-curly-apostrophe", "BY DAVID O’NEILL", ("David O’Neill",)),
    ("caps-hyphen", "BY JEAN-PAUL SMITH-JONES", ("Jean-Paul Smith-Jones",)),
    ("caps-particle", "BY LUDWIG VAN BEETHOVEN", ("Ludwig van Beethoven",)),
    ("caps-initials-suffix", "BY J.R. SMITH JR.", ("J.R. Smith Jr.",)),
    ("caps-roman-numeral", "BY JOHN SMITH III", ("John Smith III",)),
    ("caps-and", "BY JOHN SMITH AND MARY JONES", ("John Smith", "Mary Jones")),
    ("caps-mixed-line", "BY JOHN SMITH and Mary O'Brien, Reuters", ("John Smith", "Mary O'Brien")),
    ("mixed-case-kept", "By John SMITH", ("John SMITH",)),
    ("mixed-case-mc-kept", "By Mary Macdonald", ("Mary Macdonald",)),
    ("initials", "By J.R. Smith", ("J.R. Smith",)),
    ("particles", "By Jean-Paul de la Fontaine", ("Jean-Paul de la Fontaine",)),
    ("prefix-particle", "By Ahmed al-Assad", ("Ahmed al-Assad",)),
    ("unicode-name", "By Zoë Çelik", ("Zoë Çelik",)),
    ("extra-whitespace", "  By   Jane\u00a0Roe \n", ("Jane Roe",)),
]

REJECTED = [
    ("prose-by-the-end", "By the end of the war, the city had fallen."),
    ("prose-by-year", "By 2030 the population will double"),
    ("prose-by-now", "By now, everyone knew."),
    ("prose-headline-case", "By The Numbers: How The City Voted"),
    ("prose-long", "By " + "Jane Roe and " * 20 + "John Smith"),
    ("prose-by-the-time", "By the time Jane Roe arrived, John Smith had left"),
    ("prose-by-the-way", "By the way, Jane Roe wrote this"),
    ("publication-as-name", "By Coastal Herald"),
    ("bare-name", "Ariel Zirulnick"),
    ("agency-only", "By Reuters"),
    ("staff-only", "By Staff"),
    ("publication-only", "By The Associated Press"),
    ("organisation-without-role", "Jane Roe, Reuters"),
    ("weekday", "By Monday"),
    ("by-alone", "By"),
    ("dangling-and", "By Jane Roe and"),
    ("punctuation-only", "By , ,"),
    ("handle", "By @janeroe"),
    ("email", "By jane@herald.example"),
    ("sentence-period", "By Jane Roe. She wrote this."),
    ("byron", "Byron Smith"),
    ("empty", ""),
    ("date-line", "July 30, 2012"),
]


@pytest.mark.parametrize(
    ("line", "expected"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED]
)
def test_parse_byline_accepts(line: str, expected: tuple[str, ...]) -> None:
    assert parse_byline(line) == expected


@pytest.mark.parametrize("line", [c[1] for c in REJECTED], ids=[c[0] for c in REJECTED])
def test_parse_byline_rejects(line: str) -> None:
    assert parse_byline(line) is None


BYLINE_TOKENS = [
    "By",
    "BY",
    "Written by",
    "Jane",
    "ROE",
    "McDONALD",
    "O'",
    "-",
    "de",
    "Dr.",
    "and",
    ",",
    "&",
    "|",
    "/",
    "(AP)",
    "(",
    "in",
    "Beirut",
    "Staff Writer",
    "Reuters",
    "the",
    "July 30, 2012",
    "2030",
    "J.R.",
    "’",
]


@given(st.text(max_size=300))
def test_parse_byline_total(line: str) -> None:
    result = parse_byline(line)
    assert result is None or (result and all(name and name == name.strip() for name in result))


@given(st.lists(st.sampled_from(BYLINE_TOKENS), max_size=14))
def test_parse_byline_total_on_byline_vocabulary(tokens: list[str]) -> None:
    result = parse_byline(" ".join(tokens))
    assert result is None or (result and all(name and name == name.strip() for name in result))
