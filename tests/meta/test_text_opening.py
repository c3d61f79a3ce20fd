"""Session 11's scraped-text openings: what stands above the headline (a kicker in capitals,
the address below the page's title), what stands between the headline and the byline (a
standfirst), a wire story's lede, the site a byline names, and a language read without
addresses. Each case failed before its fix; the kept cases say what the fixes must not take.
"""

from __future__ import annotations

import pytest

from scrubwarc import process_article as process
from scrubwarc.meta.textfields import is_kicker, is_standfirst

BODY = (
    "The talks collapsed on Monday after negotiators failed to agree on the terms of a "
    "ceasefire in the region, officials said."
)


def meta(*lines: str, body: bool = True) -> dict[str, object]:
    text = "\n\n".join((*lines, BODY) if body else lines) + "\n"
    return process(text.encode(), "a.txt").metadata.to_dict()


@pytest.mark.parametrize("kicker", ["WORLD", "POLITICS", "EXCLUSIVE:", "BREAKING NEWS", "US NEWS"])
def test_a_kicker_in_capitals_above_the_headline_is_not_the_title(kicker: str) -> None:
    got = meta(kicker, "Talks collapse as deadline passes", "By Jane Roe", "March 4, 2024")
    assert got["title"] == "Talks collapse as deadline passes"
    assert got["authors"] == ["Jane Roe"] and got["date"] == "2024-03-04"


@pytest.mark.parametrize(
    "lines",
    [
        ("TALKS COLLAPSE AS DEADLINE PASSES", "By Jane Roe"),  # a headline in capitals
        ("LIVE UPDATES", "By Jane Roe"),  # short, but nothing heads below it
        ("WAR IS OVER", "The fighting ended on Monday, officials said."),  # a standfirst below
        ("WAR IS OVER", "PEACE"),  # the line below, in capitals too, says less
    ],
)
def test_a_headline_in_capitals_alone_is_the_title(lines: tuple[str, ...]) -> None:
    assert meta(*lines)["title"] == lines[0]


def test_a_kicker_is_short_and_in_capitals() -> None:
    assert is_kicker("GIRLS BASKETBALL") and is_kicker("EXCLUSIVE:")
    assert not is_kicker("World") and not is_kicker("THE WAR IS OVER, AT LAST")


STANDFIRST = "Negotiators failed to agree on terms, leaving thousands at risk."


@pytest.mark.parametrize(
    "below",
    [("By Jane Roe", "March 4, 2024"), ("March 4, 2024",), ("By Jane Roe | March 4, 2024",)],
)
def test_a_standfirst_between_the_headline_and_the_byline_is_the_description(
    below: tuple[str, ...],
) -> None:
    got = meta("Talks collapse", STANDFIRST, *below)
    assert got["description"] == STANDFIRST and got["title"] == "Talks collapse"


@pytest.mark.parametrize(
    "lines",
    [
        ("Talks collapse", "By Jane Roe", "March 4, 2024", STANDFIRST),  # below the byline
        ("Talks collapse", STANDFIRST),  # no byline nor date: the body's first paragraph
        ("Talks collapse", "Photo: Jane Roe", "By Jane Roe"),  # a credit, not a summary
        ("Talks collapse", STANDFIRST, "Another paragraph of the body.", "By Jane Roe"),
        # A photo's caption with its credit.
        (
            "Talks",
            "Negotiators leave the hall in Geneva on Monday. (Photo: Jane Roe)",
            "By Tom Lee",
        ),
        ("Talks", "Negotiators leave the hall in Geneva on Monday. Jane Roe/Reuters", "By Tom Lee"),
    ],
)
def test_no_standfirst_no_description(lines: tuple[str, ...]) -> None:
    assert meta(*lines)["description"] is None


def test_a_byline_that_ends_a_text_of_one_paragraph_leaves_the_paragraph_the_body() -> None:
    assert meta("Talks collapse", STANDFIRST, "By Jane Roe", body=False)["description"] is None


def test_a_standfirst_above_a_name_over_its_role() -> None:
    got = meta("WORLD", "Talks collapse", STANDFIRST, "Jane Roe", "Senior Correspondent")
    assert got["description"] == STANDFIRST and got["authors"] == ["Jane Roe"]
    assert got["title"] == "Talks collapse"


def test_a_description_field_comes_before_a_standfirst() -> None:
    got = meta("Description: Stated summary", "Talks collapse", STANDFIRST, "By Jane Roe")
    assert got["description"] == "Stated summary"


def test_a_standfirst_is_a_sentence_or_two() -> None:
    assert is_standfirst(STANDFIRST)
    assert not is_standfirst("Share this article") and not is_standfirst(" ".join(["word"] * 61))


@pytest.mark.parametrize(
    "lines",
    [
        (
            "https://www.aljazeera.com/news/2024/3/4/talks",
            "Talks collapse",
            "By Jane Roe, Al Jazeera",
        ),
        ("Talks collapse | Al Jazeera", "By Jane Roe, Al Jazeera"),
        ("Site: Al Jazeera", "Talks collapse", "By Jane Roe and Al Jazeera"),
        ("Talks collapse", "https://edition.aljazeera.com/a", "Authors: Jane Roe, Al Jazeera"),
    ],
)
def test_the_texts_own_site_in_a_byline_is_no_author(lines: tuple[str, ...]) -> None:
    assert meta(*lines)["authors"] == ["Jane Roe"]


def test_the_byline_names_the_site_the_headline_ends_with() -> None:
    got = meta("Talks collapse | Honolulu Civil Beat", "By Jane Roe, Honolulu Civil Beat")
    assert (got["title"], got["site_name"]) == ("Talks collapse", "Honolulu Civil Beat")
    assert got["authors"] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        # With the site named nowhere else, a name after a comma is a co-author.
        (("Talks collapse", "By Jane Roe, Al Jazeera"), ["Jane Roe", "Al Jazeera"]),
        # Another site's name does not take a co-author.
        (("https://www.example.com/a", "Talks", "By Jane Roe, Tom Lee"), ["Jane Roe", "Tom Lee"]),
        # The site as the whole byline stays its author.
        (("https://www.aljazeera.com/a", "Talks collapse", "By Al Jazeera Staff"), []),
        (("https://www.reuters.com/a", "Talks collapse", "By Reuters"), ["Reuters"]),
        # A writer's own subdomain names no site: the co-author stays.
        (
            ("https://janeroe.substack.com/p/a", "Talks", "By Tom Lee and Jane Roe"),
            ["Tom Lee", "Jane Roe"],
        ),
    ],
)
def test_the_site_filter_keeps_co_authors(lines: tuple[str, ...], authors: list[str]) -> None:
    assert meta(*lines)["authors"] == authors


@pytest.mark.parametrize(
    "lede",
    [
        "WASHINGTON (AP) — The Senate passed a spending bill late Thursday, averting a shutdown.",
        "NEW YORK (Reuters) - Stocks fell on Monday as investors weighed the outlook for rates.",
        "ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a 6th fatality.",
        "LONDON, March 4 (Reuters) - British house prices rose in February, a survey showed.",
    ],
)
def test_a_wire_stories_lede_is_not_its_title(lede: str) -> None:
    assert meta(lede)["title"] is None


def test_an_address_below_the_page_title_is_the_url() -> None:
    got = meta("Talks collapse - Al Jazeera", "https://www.aljazeera.com/a", "By Jane Roe")
    assert got["url"] == "https://www.aljazeera.com/a"
    assert (got["title"], got["site_name"]) == ("Talks collapse", "Al Jazeera")


@pytest.mark.parametrize(
    "tail",
    [
        "Mehr: https://www.example.com/news/2024/03/04/the-rain-in-the-city-and-the-people-of-the-town",
        "Kontakt: the.weather.and.the.rain.of.the.city.for.the.people.in.the.town@example.com",
    ],
)
def test_addresses_do_not_vote_for_the_language(tail: str) -> None:
    text = f"Der Regen kam am Montag\nDer Regen kam am Montag, und die Leute waren froh.\n{tail}\n"
    assert process(text.encode(), "a.txt").metadata.language == "de"


@pytest.mark.parametrize(
    "lines",
    [
        ("CNN —",),  # a dateline alone on its line
        ("新华社北京3月4日电（记者张三）国务院新闻办公室4日举行发布会，介绍了有关情况。",),
    ],
)
def test_a_dateline_is_not_the_title(lines: tuple[str, ...]) -> None:
    assert meta(*lines)["title"] is None


def test_the_date_of_a_meta_line_between_bars() -> None:
    got = meta("Talks collapse", "Posted by admin | March 4, 2024 | 3 Comments")
    assert got["date"] == "2024-03-04" and got["authors"] == []


@pytest.mark.parametrize("role", ["Senior Reporter", "Correspondent in Moscow", "Staff Writer"])
def test_a_name_over_its_role_is_the_byline(role: str) -> None:
    got = meta("Talks collapse", "Jane Roe", role, "jane.roe@example.com", "March 4, 2024")
    assert got["authors"] == ["Jane Roe"]


@pytest.mark.parametrize(
    "lines",
    [
        # A quote's speaker in the body (a pull quote after the first paragraph).
        ("Talks", BODY, '"We will not give up on the talks," she said.', "Jane Roe", "President"),
        # The line below is a sentence that ends with a role noun, not a role.
        ("Talks", "Jane Roe", "The company named a new director"),
        # No headline: the quote that opens the text is the body's.
        (
            BODY + " " + BODY,
            '"We will not give up on the talks," she said.',
            "Jane Roe",
            "President",
        ),
        ("Talks", "Supreme Court", "March 4, 2024"),  # no role below: a bare name names nobody
    ],
)
def test_a_name_over_a_role_only_in_the_opening(lines: tuple[str, ...]) -> None:
    assert meta(*lines)["authors"] == []
