"""Issue 12: every example of the issue, and the invariant that prose is never touched.

The clean examples also live as golden pairs (``fixtures/clean/issue12-*``); here they
are checked rule by rule and through metadata, with the reason in each case's id.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from scrubwarc import CleanOptions, clean_text
from scrubwarc.article import process
from scrubwarc.clean.rules.boilerplate import split_cross_link
from scrubwarc.clean.rules.headline import drop_duplicate_headline
from scrubwarc.clean.rules.repair_encoding import repair_encoding
from scrubwarc.clean.rules.unescape import _TAG
from scrubwarc.clean.rules.whitespace import tidy_whitespace
from scrubwarc.clean.trackkeys import tracking_keys as _tracking_keys
from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.dates import read_date
from scrubwarc.read.decode import decode

CLEAN = [
    ("em-dash-ends-url", "Visit https://example.com/n?utm_source=rss—and more text here.",
     "Visit https://example.com/n—and more text here."),
    ("cjk-after-url", "詳しくは https://example.jp/n?utm_source=rssをご覧ください。",
     "詳しくは https://example.jp/nをご覧ください。"),
    ("url-glued-to-cjk", "詳しくはhttps://example.jp/n?utm_source=rss をご覧ください。",
     "詳しくはhttps://example.jp/n をご覧ください。"),
    # The URL ends at the first character that is not a URL character: 春 is prose.
    ("fullwidth-bracket-after-url", "記事はhttps://example.jp/a?id=5&utm_campaign=春（続報）にある。",
     "記事はhttps://example.jp/a?id=5春（続報）にある。"),
    ("prose-names-parameters",
     "Marketers should add utm_source=newsletter and utm_medium=email to every link",
     "Marketers should add utm_source=newsletter and utm_medium=email to every link"),
    ("escaped-tag-in-prose", "Use the &lt;p&gt; tag to start", "Use the <p> tag to start"),
    ("tag-in-prose", "There is an <img> tag in the controlled document.",
     "There is an <img> tag in the controlled document."),
    ("read-more-sentence", "Body.\n\nRead more: the council's full report…\n\nEnd.",
     "Body.\n\nRead more: the council's full report…\n\nEnd."),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CLEAN], ids=[c[0] for c in CLEAN])
def test_issue_clean_examples(text: str, expected: str) -> None:
    assert clean_text(text + "\n").text == expected + "\n"


def test_short_cp1252_article_is_not_read_as_cp1250() -> None:
    data = b"The Caf\xe9 Lumi\xe8re opened on Monday. \x93We are happy,\x94 said its owner.\n"
    decoded = decode(data)
    assert decoded.text == "The Café Lumière opened on Monday. “We are happy,” said its owner.\n"
    assert decoded.encoding == "cp1252" and 0 < decoded.confidence <= 1


def test_stated_encoding_wins_and_is_reported() -> None:
    data = "Zażółć gęślą jaźń.".encode("cp1250")
    article = process(data, "a.txt", CleanOptions(encoding="cp1250"))
    assert article.text == "Zażółć gęślą jaźń.\n"
    assert article.metadata.encoding == "cp1250" and article.metadata.encoding_confidence == 1.0


def _meta(text: str, options: CleanOptions | None = None) -> dict[str, object]:
    return process(text.encode(), "a.txt", options).metadata.to_dict()


@pytest.mark.parametrize(
    "title",
    [
        "Content Depth — Write Comprehensively About Your Core Topics",
        "Abel Hernandez Redondo – Who Has Lived In",
    ],
)
def test_one_off_subtitle_stays_in_the_title(title: str) -> None:
    assert _meta(f"{title}\n\nBy Jane Roe\n\nBody text of the article.")["title"] == title


def test_multi_part_suffix_goes_whole_on_evidence() -> None:
    text = "Storm hits | Daily News | Your Local Source\n\nBY JANE ROE | Daily News\n\nBody."
    meta = _meta(text)
    assert meta["title"] == "Storm hits" and meta["site_name"] == "Daily News"
    learned = CleanOptions(site_names=frozenset({"Daily News | Your Local Source"}))
    meta = _meta("Storm hits | Daily News | Your Local Source\n\nBody text.", learned)
    assert meta["title"] == "Storm hits"


def test_site_suffix_matching_the_url_domain_is_cut() -> None:
    text = "Storm hits - CSMonitor.com\n\nBody.”https://www.csmonitor.com/a?utm_source=rss\n"
    meta = _meta(text)
    assert meta["title"] == "Storm hits" and meta["site_name"] == "CSMonitor.com"


@pytest.mark.parametrize(
    ("line", "order", "iso", "assumed"),
    [
        ("Posted: 01.12.2020", "month-first", "2020-12-01", None),
        ("11/04/2016", "month-first", "2016-11-04", "month-first"),
        ("11/04/2016", "day-first", "2016-04-11", "day-first"),
        ("25/04/2016", "month-first", "2016-04-25", None),
        ("2023年4月1日", "month-first", "2023-04-01", None),
        ("2023年4月1日（土） 10時30分", "month-first", "2023-04-01T10:30:00", None),
        ("발행 2023.04.01 10:30", "month-first", "2023-04-01T10:30:00", None),
        ("Updated 04.01.2023 10:30", "month-first", "2023-01-04T10:30:00", None),
    ],
)
def test_numeric_and_cjk_dates(line: str, order: str, iso: str, assumed: str | None) -> None:
    assert read_date(line, order) == (iso, assumed)
    meta = _meta(f"Headline\n\n{line}\n\nBody.", CleanOptions(date_order=order))
    assert (meta["date"], meta["date_assumed"]) == (iso, assumed)


@pytest.mark.parametrize(
    ("line", "language", "iso"),
    [
        ("Publié le 1er avril 2023", "fr", "2023-04-01"),
        ("Veröffentlicht am 3. März 2021, 14:30 Uhr", "de", "2021-03-03T14:30:00"),
        ("3 апреля 2023 г.", "ru", "2023-04-03"),
        ("12 de octubre de 2019", "es", "2019-10-12"),
    ],
)
def test_month_names_of_the_texts_language(line: str, language: str, iso: str) -> None:
    assert read_date(line, language=language).iso == iso
    assert read_date(line).iso is None  # a month name is read only in its language


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By The Associated Press", ("The Associated Press",)),
        ("By Dipl.-Ing. Karolina Junck", ("Karolina Junck",)),
        ("By pani Apolonia Dukat", ("Apolonia Dukat",)),
        ("By Yrd. Doç. Dr. Ayşe Kaya", ("Ayşe Kaya",)),
        ("By Organization for Transformative Works", ("Organization for Transformative Works",)),
        ("作者：张三", ("张三",)),
        ("记者 李四 王五", ("李四", "王五")),
        ("文/记者 张三", ("张三",)),
        ("[서울=뉴스1] 김철수 기자", ("김철수",)),
        ("Von Dr. Hans Müller", ("Hans Müller",)),
        ("Por María García", ("María García",)),
        ("Par Jean Dupont", ("Jean Dupont",)),
        ("Автор: проф. Иван Петров", ("Иван Петров",)),
        ("Von Berlin nach Hamburg fahren viele Züge.", None),
        ("Par exemple, la ville a changé.", None),
        ("Last Updated: January 7, 2025", None),
        ("Posted: 01.12.2020", None),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...] | None) -> None:
    assert parse_byline(line, organisations=True) == authors


def test_last_updated_line_is_the_date_not_a_byline() -> None:
    meta = _meta("Headline\n\nLast Updated: January 7, 2025\n\nBody of the article.")
    assert meta["authors"] == [] and meta["date"] == "2025-01-07"


def test_tracking_keeps_every_value() -> None:
    text = (
        "A https://a.org/x?utm_source=one here.\n\nB https://a.org/y?utm_source=two here.\n\n"
        "End.?utm_source=three\n"
    )
    assert _meta(text)["tracking"] == {"utm_source": ["one", "two", "three"]}


# Text with none of what a rule removes: words of several scripts, URLs without trackers,
# key=value pairs with real keys, comparisons, dashes and quotes.
TOKENS = st.sampled_from(
    [
        "東京", "は", "雨", "。", "서울", "กรุงเทพฯ", "القاهرة", "،", "Москва", "Київ", "word",
        "The", "café", "—", "–", "-", "“", "”", "«", "»", "(", ")", "（", "）", ".", ",", "!",
        "?", "&", "|", "+", "%", "=", "id=5", "page=2&sort=new", "source=home", "a<b", "c>d",
        "3 < 4", "https://example.org/a?id=1&page=2", "www.example.com/x?q=rain", "x=5;y=6",
        "utm", "UTM coordinates", "fbclid", "Read more about it, she said.",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "", "\n", "\n\n", "  ", "\t"])
PROSE = st.lists(st.tuples(TOKENS, SEPARATORS), max_size=40).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)
_ENTITY = re.compile(r"&#?\w+;")


@settings(max_examples=300)
@given(PROSE)
@example("Москва — столица. x=5 & y=7 | z\n\nRead more about it, she said.")
def test_prose_comes_out_as_its_whitespace_tidied_self(text: str) -> None:
    assume(not list(_tracking_keys(text, None)))
    assume(re.search(_TAG, text, re.IGNORECASE) is None and not _ENTITY.search(text))
    assume(all(split_cross_link(line) is None for line in text.split("\n")))
    assume(repair_encoding(text)[0] == text and drop_duplicate_headline(text)[0] == text)
    assert clean_text(text).text == tidy_whitespace(text)[0]
