"""The headline printed twice, in every script and with a kicker between: one copy goes, and
lines that only resemble a copy stay (round 4 of the red team)."""

from __future__ import annotations

import pytest

from scrubwarc import clean_text

# (the top of a scraped article, the headline kept): the page's title with a site suffix
# over the headline itself, in scripts without capitals and with separators CJK titles use.
COPIES = [
    ("北京暴雨致多处积水 - 新华网", "北京暴雨致多处积水"),
    ("北京暴雨致多处积水：新华网", "北京暴雨致多处积水"),
    ("北京暴雨致多处积水｜新华网", "北京暴雨致多处积水"),
    ("東京都心で記録的な大雨 - 朝日新聞デジタル", "東京都心で記録的な大雨"),
    ("新华网 - 北京暴雨致多处积水", "北京暴雨致多处积水"),
    ("北京暴雨致多处积水_新华网", "北京暴雨致多处积水"),
    ("北京暴雨致多处积水\u3000-\u3000新华网", "北京暴雨致多处积水"),
    ("東京で記録的な大雨 － 毎日新聞", "東京で記録的な大雨"),
    ("東京で記録的な大雨 ― 毎日新聞", "東京で記録的な大雨"),
    ("서울에 폭우 - 연합뉴스", "서울에 폭우"),
    ("Шторм у берега - РИА Новости", "Шторм у берега"),
    ("عاصفة على الساحل - الجزيرة نت", "عاصفة على الساحل"),
    ("סערה בחוף - הארץ", "סערה בחוף"),
    ("Καταιγίδα στην ακτή | Καθημερινή", "Καταιγίδα στην ακτή"),
    ("พายุถล่มชายฝั่ง - ไทยรัฐ", "พายุถล่มชายฝั่ง"),
    ("Storm hits coast / The Daily", "Storm hits coast"),
    ("Storm hits coast · The Daily", "Storm hits coast"),
    # The copy is the evidence: a site in title case before a longer title-case headline.
    ("BBC News - Storm Hits Coast", "Storm Hits Coast"),
    ("BBC News | Storm Hits Coast", "Storm Hits Coast"),
]


@pytest.mark.parametrize(("title", "headline"), COPIES)
@pytest.mark.parametrize("order", ["title first", "title second"])
def test_a_title_over_its_headline_leaves_the_headline(
    title: str, headline: str, order: str
) -> None:
    top = [title, headline] if order == "title first" else [headline, title]
    text = "\n\n".join([*top, "记者 张三", "Body."]) + "\n"
    assert clean_text(text).text == f"{headline}\n\n记者 张三\n\nBody.\n"


@pytest.mark.parametrize(
    "text",
    [
        # A suffix that is a clause, not a name: the line is the headline's own.
        "北京暴雨 - 交通受阻，多人被困\n\n北京暴雨\n\n正文。\n",
        "Storm hits coast / and then it rained\n\nStorm hits coast\n\nBody.\n",
        # One page names one site: two lines naming two are two headlines.
        "和谈 - 直播\n\n和谈 - 分析\n\n正文。\n",
        # Without capitals the site is the shorter end: a line of the site's name under the
        # title is no copy of the headline, whichever end the site stands at.
        "新华网 - 北京暴雨致多处积水\n\n新华网\n\n正文。\n",
        "北京暴雨致多处积水 - 新华网\n\n新华网\n\n正文。\n",
        "Storm Hits Coast | The Herald\n\nThe Herald\n\nBody.\n",
        # A hyphen between Latin letters is a word's own.
        "COVID-19 in Tokyo\n\nCOVID\n\nBody.\n",
        # A list of section names whose first comes back is a list, not a headline.
        "Politics\n\nSports\n\nPolitics\n\nBody.\n",
        # A refrain around a short line, a sentence around a word, a label too long.
        "Let it be\n\nwhisper\n\nLet it be\n",
        "I love you.\n\nOh\n\nI love you.\n",
        "Storm hits coast\n\nWEATHER AND CLIMATE NEWS\n\nStorm hits coast\n",
        # Without blank lines the short line may be verse: nothing goes.
        "Storm hits coast\nWEATHER\nStorm hits coast\n",
    ],
)
def test_lines_that_only_resemble_a_copy_or_a_kicker_stay(text: str) -> None:
    assert clean_text(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Storm hits coast\n\nWEATHER\n\nStorm hits coast\n\nBy Ann Lee\n\nBody.\n",
            "WEATHER\n\nStorm hits coast\n\nBy Ann Lee\n\nBody.\n",
        ),
        (
            "Storm hits coast - The Herald\n\nWeather\nStorm hits coast\nBy Ann Lee\n\nBody.\n",
            "Weather\nStorm hits coast\nBy Ann Lee\n\nBody.\n",
        ),
        (
            "北京暴雨致多处积水 - 新华网\n\n天气\n\n北京暴雨致多处积水\n\n正文。\n",
            "天气\n\n北京暴雨致多处积水\n\n正文。\n",
        ),
    ],
)
def test_a_kicker_between_the_copies_stays_over_the_headline(text: str, expected: str) -> None:
    assert clean_text(text).text == expected


@pytest.mark.parametrize(("title", "headline"), COPIES)
def test_the_removed_copy_names_the_site(title: str, headline: str) -> None:
    from scrubwarc.article import process

    text = f"{title}\n\n{headline}\n\nBody text of the article.\n"
    meta = process(text.encode(), "a.txt").metadata
    assert (meta.title, meta.site_name) == (
        headline,
        title.replace(headline, "").strip(" -_|/·：｜\u3000－―"),
    )


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("東京で大雨 - 朝日新聞デジタル", "東京で大雨"),
        ("朝日新聞デジタル - 東京で大雨", "東京で大雨"),
    ],
)
def test_a_known_site_longer_than_the_headline_goes(title: str, headline: str) -> None:
    """Only a known name tells a site longer than the headline from a headline over a line
    of its site's name (``新华网 - 北京暴雨`` over ``新华网`` stays)."""
    from scrubwarc import CleanOptions

    site = title.replace(headline, "").strip(" -")
    text = f"{title}\n\n{headline}\n\nBody.\n"
    assert clean_text(text).text == text
    options = CleanOptions(site_names=frozenset({site}))
    assert clean_text(text, options=options).text == f"{headline}\n\nBody.\n"
