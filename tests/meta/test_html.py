"""HTML metadata: golden fixtures per source of truth, trust order, and robustness."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc.meta.html import HtmlMetadata, read_html_metadata
from tests.helpers import FIXTURES

HTMLMETA = FIXTURES / "htmlmeta"
PAGES = sorted(HTMLMETA.glob("*.html"))


def _read(page: bytes) -> HtmlMetadata:
    return read_html_metadata(lxml.html.fromstring(page))


def _as_json(meta: HtmlMetadata) -> dict[str, object]:
    return {
        key: list(value) if isinstance(value, tuple) else value
        for key, value in dataclasses.asdict(meta).items()
    }


def test_fixtures_are_present() -> None:
    assert len(PAGES) >= 5
    for page in PAGES:
        assert page.with_suffix(".json").is_file(), f"{page.name} has no expected .json"


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_golden_fixture(page: Path) -> None:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    assert _as_json(_read(page.read_bytes())) == expected


def _page(head: str = "", body: str = "", html_attrs: str = "") -> bytes:
    # The charset declaration keeps lxml from reading the UTF-8 bytes as Latin-1.
    charset = '<meta charset="utf-8">'
    return f"<html {html_attrs}><head>{charset}{head}</head><body>{body}</body></html>".encode()


def _jsonld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


SITE = '<meta property="og:site_name" content="Daily Drip">'
TITLES = [
    (
        "known-site-pipe",
        '<title>Rain again | Daily Drip</title><meta property="og:site_name" content="Daily Drip">',
        "",
        "Rain again",
    ),
    (
        "known-site-emdash",
        '<title>Rain again — Daily Drip</title><meta property="og:site_name" content="Daily Drip">',
        "",
        "Rain again",
    ),
    (
        "known-site-leading",
        '<title>Daily Drip | Rain again</title><meta property="og:site_name" content="Daily Drip">',
        "",
        "Rain again",
    ),
    (
        "known-site-keeps-other-dash",
        "<title>Rain - again | Daily Drip</title>" + SITE,
        "",
        "Rain - again",
    ),
    (
        "short-suffix-guessed",
        "<title>Rain falls on the city again - Drip</title>",
        "",
        "Rain falls on the city again",
    ),
    (
        "long-suffix-kept",
        "<title>Rain - falls on the city again and again today</title>",
        "",
        "Rain - falls on the city again and again today",
    ),
    ("no-separator", "<title>Rain again</title>", "", "Rain again"),
    (
        "h1-prefix-wins",
        "<title>Rain again: a story - Part 2 | Drip</title>",
        "<h1>Rain again: a story - Part 2</h1>",
        "Rain again: a story - Part 2",
    ),
    (
        "h1-site-logo-ignored",
        '<title>Rain again | Daily Drip</title><meta property="og:site_name" content="Daily Drip">',
        "<h1>Daily Drip</h1>",
        "Rain again",
    ),
    (
        "publisher-and-og-site-names",
        _jsonld({"@type": "NewsArticle", "publisher": {"name": "Drip Media Ltd"}})
        + '<meta property="og:title" content="Rain again | Daily Drip">'
        + SITE,
        "",
        "Rain again",
    ),
    ("h1-only", "", "<h1>Rain <em>again</em></h1>", "Rain again"),
    (
        "og-title-site-stripped",
        '<meta property="og:title" content="Rain again | Daily Drip">' + SITE,
        "",
        "Rain again",
    ),
    ("twitter-title", '<meta name="twitter:title" content="Rain again">', "", "Rain again"),
    (
        "jsonld-headline-first",
        _jsonld({"@type": "NewsArticle", "headline": "Rain &amp; wind"})
        + '<meta property="og:title" content="No">',
        "",
        "Rain & wind",
    ),
    ("svg-title-ignored", "", "<svg><title>icon</title></svg><h1>Rain again</h1>", "Rain again"),
    ("blank-title", "<title>   </title>", "", None),
]


@pytest.mark.parametrize(
    ("head", "body", "expected"), [c[1:] for c in TITLES], ids=[c[0] for c in TITLES]
)
def test_title(head: str, body: str, expected: str | None) -> None:
    assert _read(_page(head, body)).title == expected


LANGUAGES = [
    ("html-lang-region", "", 'lang="en-US"', "en"),
    ("html-lang-upper", "", 'lang="DE"', "de"),
    ("og-locale", '<meta property="og:locale" content="pt_BR">', "", "pt"),
    ("content-language-list", '<meta http-equiv="Content-Language" content="fr, en">', "", "fr"),
    ("jsonld-first", _jsonld({"@type": "Article", "inLanguage": "es-MX"}), 'lang="en"', "es"),
    (
        "jsonld-object",
        _jsonld({"@type": "Article", "inLanguage": {"@type": "Language", "alternateName": "it"}}),
        "",
        "it",
    ),
    ("three-letter-skipped", '<meta property="og:locale" content="eng">', 'lang="x-klingon"', None),
    ("absent", "", "", None),
]


@pytest.mark.parametrize(
    ("head", "attrs", "expected"), [c[1:] for c in LANGUAGES], ids=[c[0] for c in LANGUAGES]
)
def test_language(head: str, attrs: str, expected: str | None) -> None:
    assert _read(_page(head, html_attrs=attrs)).language == expected


AUTHORS = [
    ("jsonld-string", _jsonld({"@type": "NewsArticle", "author": "Jane Roe"}), "", ("Jane Roe",)),
    (
        "jsonld-string-two",
        _jsonld({"@type": "NewsArticle", "author": "By Jane Roe and Al Li"}),
        "",
        ("Jane Roe", "Al Li"),
    ),
    (
        "jsonld-object",
        _jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Roe"}}),
        "",
        ("Jane Roe",),
    ),
    (
        "jsonld-url-author-skipped",
        _jsonld({"@type": "NewsArticle", "author": "https://x.example/jane"})
        + '<meta name="author" content="Jane Roe">',
        "",
        ("Jane Roe",),
    ),
    (
        "jsonld-organisation-only",
        _jsonld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Reuters"}}),
        "",
        ("Reuters",),
    ),
    (
        "jsonld-in-list",
        _jsonld(
            [
                {"@type": "WebSite"},
                {"@type": "ReportageNewsArticle", "author": [{"name": "Jane Roe"}, "Al Li"]},
            ]
        ),
        "",
        ("Jane Roe", "Al Li"),
    ),
    (
        "article-author-url-skipped",
        '<meta property="article:author" content="https://facebook.com/jane">'
        '<meta name="author" content="Jane Roe">',
        "",
        ("Jane Roe",),
    ),
    ("meta-author-caps", '<meta name="author" content="JANE ROE">', "", ("Jane Roe",)),
    ("meta-byl", '<meta name="byl" content="By Jane Roe and Al Li">', "", ("Jane Roe", "Al Li")),
    (
        "rel-author-links",
        "",
        '<a rel="author" href="/a">Jane Roe</a> and <a rel="author nofollow" href="/b">Al Li</a>',
        ("Jane Roe", "Al Li"),
    ),
    ("twitter-handle-not-a-name", '<meta name="author" content="@janeroe">', "", ()),
    ("absent", "", "", ()),
]


@pytest.mark.parametrize(
    ("head", "body", "expected"), [c[1:] for c in AUTHORS], ids=[c[0] for c in AUTHORS]
)
def test_authors(head: str, body: str, expected: tuple[str, ...]) -> None:
    assert _read(_page(head, body)).authors == expected


DATES = [
    (
        "jsonld",
        _jsonld({"@type": "NewsArticle", "datePublished": "2019-11-05T14:32:00.000+01:00"}),
        "",
        "2019-11-05T14:32:00+01:00",
    ),
    (
        "jsonld-date-only",
        _jsonld({"@type": "NewsArticle", "datePublished": "2019-11-05"}),
        "",
        "2019-11-05",
    ),
    (
        "jsonld-bad-falls-back",
        _jsonld({"@type": "NewsArticle", "datePublished": "yesterday"})
        + '<meta property="article:published_time" content="2019-11-05T14:32:00Z">',
        "",
        "2019-11-05T14:32:00+00:00",
    ),
    (
        "article-published-time",
        '<meta property="article:published_time" content="2019-11-05T14:32:00Z">',
        "",
        "2019-11-05T14:32:00+00:00",
    ),
    ("meta-date", '<meta name="date" content="2019-11-05">', "", "2019-11-05"),
    ("itemprop-meta", '<meta itemprop="datePublished" content="2019-11-05">', "", "2019-11-05"),
    (
        "time-datetime",
        "",
        '<time datetime="2019-11-05T14:32:00Z">Nov 5</time>',
        "2019-11-05T14:32:00+00:00",
    ),
    ("time-text", "", "<time>July 30, 2012</time>", "2012-07-30"),
    (
        "time-marked-first",
        "",
        '<time datetime="2019-01-01">x</time><time pubdate datetime="2019-11-05">y</time>',
        "2019-11-05",
    ),
    (
        "modified-is-not-published",
        '<meta property="article:modified_time" content="2019-11-05">',
        "",
        None,
    ),
    ("absent", "", "", None),
]


@pytest.mark.parametrize(
    ("head", "body", "expected"), [c[1:] for c in DATES], ids=[c[0] for c in DATES]
)
def test_date(head: str, body: str, expected: str | None) -> None:
    assert _read(_page(head, body)).date == expected


URLS = [
    (
        "jsonld-main-entity-string",
        _jsonld({"@type": "NewsArticle", "mainEntityOfPage": "https://x.example/a"}),
        "https://x.example/a",
    ),
    (
        "jsonld-url",
        _jsonld({"@type": "NewsArticle", "url": "https://x.example/b"}),
        "https://x.example/b",
    ),
    (
        "og-before-canonical",
        '<meta property="og:url" content="https://x.example/og"><link rel="canonical" href="https://x.example/c">',
        "https://x.example/og",
    ),
    (
        "canonical",
        '<link rel="canonical" href="https://x.example/c?utm_source=x">',
        "https://x.example/c?utm_source=x",
    ),
    ("relative-without-base-skipped", '<link rel="canonical" href="/c">', None),
    ("not-http-skipped", '<meta property="og:url" content="javascript:alert(1)">', None),
    ("absent", "", None),
]


@pytest.mark.parametrize(("head", "expected"), [c[1:] for c in URLS], ids=[c[0] for c in URLS])
def test_url(head: str, expected: str | None) -> None:
    assert _read(_page(head)).url == expected


def test_relative_url_resolved_against_document_base() -> None:
    doc = lxml.html.fromstring(
        _page('<link rel="canonical" href="/c">'), base_url="https://x.example/a/b"
    )
    assert read_html_metadata(doc).url == "https://x.example/c"


KEYWORDS = [
    ("jsonld-string", _jsonld({"@type": "Article", "keywords": "a, b,, A"}), ("a", "b")),
    ("jsonld-list", _jsonld({"@type": "Article", "keywords": ["a", "b c"]}), ("a", "b c")),
    (
        "article-tags",
        '<meta property="article:tag" content="x"><meta property="article:tag" content="y">',
        ("x", "y"),
    ),
    ("meta-keywords", '<meta name="keywords" content=" x , y ">', ("x", "y")),
    ("news-keywords", '<meta name="news_keywords" content="x">', ("x",)),
    ("blank", '<meta name="keywords" content=" , ">', ()),
]


@pytest.mark.parametrize(
    ("head", "expected"), [c[1:] for c in KEYWORDS], ids=[c[0] for c in KEYWORDS]
)
def test_keywords(head: str, expected: tuple[str, ...]) -> None:
    assert _read(_page(head)).keywords == expected


def test_jsonld_wrapped_in_comment_markers_is_read() -> None:
    head = _jsonld({"@type": "NewsArticle", "headline": "Hi"}).replace("{", "<!-- {", 1)
    head = head.replace("</script>", " --></script>")
    assert _read(_page(head)).title == "Hi"


def test_jsonld_type_as_url_and_mime_parameters() -> None:
    head = (
        '<script type="Application/LD+JSON; charset=utf-8">'
        '{"@type": "https://schema.org/BlogPosting", "headline": "Hi"}</script>'
    )
    assert _read(_page(head)).title == "Hi"


def test_jsonld_deeply_nested_is_skipped() -> None:
    nested = "[" * 100_000 + "]" * 100_000
    head = f'<script type="application/ld+json">{nested}</script><title>T</title>'
    assert _read(_page(head)).title == "T"


def test_absent_is_never_empty_string() -> None:
    meta = _read(
        _page('<meta name="description" content="  "><meta property="og:title" content="">')
    )
    assert meta == HtmlMetadata()


def test_metadata_is_frozen() -> None:
    meta = HtmlMetadata(title="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.title = "y"  # type: ignore[misc]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "headline",
                    "author",
                    "name",
                    "datePublished",
                    "publisher",
                    "mainEntityOfPage",
                    "url",
                    "keywords",
                    "articleSection",
                    "inLanguage",
                    "mainEntity",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@given(JSON)
def test_any_jsonld_shape_is_tolerated(data: object) -> None:
    if isinstance(data, dict):
        data.setdefault("@type", "NewsArticle")
    meta = _read(_page(_jsonld(data) + _jsonld({"@graph": [data]})))
    for value in (
        meta.title,
        meta.date,
        meta.url,
        meta.site_name,
        meta.description,
        meta.language,
        meta.section,
    ):
        assert value is None or (isinstance(value, str) and value)
    assert all(isinstance(item, str) and item for item in meta.authors + meta.keywords)


@given(st.text(max_size=200))
def test_any_text_in_head_is_tolerated(text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    head = (
        f'<script type="application/ld+json">{text.replace("<", "")}</script>'
        f'<title>{escaped}</title><meta name="author" content="{escaped}">'
        f'<meta property="article:published_time" content="{escaped}">'
    )
    meta = _read(_page(head, f"<h1>{escaped}</h1>"))
    assert meta.title is None or meta.title.strip() == meta.title != ""


REFUSED_AUTHOR_FIELDS = [
    ("cms-placeholder", "admin"),
    ("url", "https://x.example/staff/jane"),
    ("www", "www.x.example/jane"),
    ("handle", "@janeroe"),
]


@pytest.mark.parametrize(
    "value", [c[1] for c in REFUSED_AUTHOR_FIELDS], ids=[c[0] for c in REFUSED_AUTHOR_FIELDS]
)
def test_author_fields_that_name_no_one_are_dropped(value: str) -> None:
    page = _page(
        _jsonld({"@type": "NewsArticle", "author": value})
        + f'<meta name="author" content="{value}">'
    )
    assert _read(page).authors == ()


@pytest.mark.parametrize("value", ["The Coastal Herald", "Reuters", "whova", "TOI Lifestyle Desk"])
def test_author_fields_naming_an_organisation_or_a_handle_are_kept_as_written(value: str) -> None:
    # The field's purpose vouches for it: the page names this author, person or not.
    page = _page(f'<meta name="author" content="{value}">')
    assert _read(page).authors == (value,)


def test_a_title_and_author_the_page_holds_as_mojibake_are_repaired() -> None:
    page = (
        "<html><head><title>A DIY Investor\u00e2\u0080\u0099s Guide | WCI</title>"
        '<meta name="author" content="Ren\u00c3\u00a9e Smith"></head><body>'
        "<h1>A DIY Investor\u00e2\u0080\u0099s Guide</h1><p>Words of the story.</p></body></html>"
    )
    meta = read_html_metadata(lxml.html.fromstring(page))
    assert (meta.title, meta.authors) == ("A DIY Investor\u2019s Guide", ("Ren\u00e9e Smith",))


@pytest.mark.parametrize(
    ("og_title", "title"),
    [
        # No site name is known: a short title-case last part is taken for it, as in <title>.
        ("How to Make a Good Game | GDevelop", "How to Make a Good Game"),
        # A long last part is the headline's own.
        ("Gym Workouts — Strength Training for Beginners", None),
    ],
)  # fmt: skip
def test_a_site_name_guessed_off_the_og_title(og_title: str, title: str | None) -> None:
    page = f'<html><head><meta property="og:title" content="{og_title}"></head><body></body></html>'
    assert _read(page.encode()).title == (title or og_title)


def test_a_bar_in_the_headline_sets_off_what_follows_it() -> None:
    page = (
        '<html><head><meta property="og:title" content="How sleep works | Opinion"></head>'
        "<body><h1>How sleep works | Opinion</h1><p>Words.</p></body></html>"
    )
    assert _read(page.encode()).title == "How sleep works"
