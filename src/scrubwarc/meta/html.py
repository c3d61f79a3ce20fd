"""Article metadata from an HTML page: JSON-LD first, then meta tags, then markup.

Publishers state the same facts several times with different care. JSON-LD
(schema.org ``NewsArticle`` and friends) is written for search engines and is the
most structured, so it is trusted first; OpenGraph and ``article:*`` tags come
next, then Twitter cards and classic ``<meta name=...>`` tags, and the visible
markup (``<title>``, ``<h1>``, ``<time>``, ``rel=author``) last. Each field is
taken from the first source that has a usable value, so one sloppy source cannot
blank out a good one.

Everything here is pure and total: broken JSON-LD, odd types where strings were
expected, or missing elements give absent fields (``None`` or ``()``), never an
exception and never an empty string.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from scrubwarc.clean.rules.repair_encoding import repair_encoding
from scrubwarc.meta.htmlauthors import names_from_author_text, read_authors
from scrubwarc.meta.htmldates import html_date
from scrubwarc.meta.htmltext import MetaTags, PageView, clean_value, dedupe, meta_tags
from scrubwarc.meta.htmltitles import agreed_headline, first_h1, title_and_site
from scrubwarc.read.jsonld import ARTICLE_TYPES, blocks, types_of, walk

__all__ = ["HtmlMetadata", "read_html_metadata", "with_heading"]

_ORGANISATION_TYPES = frozenset(("Organization", "NewsMediaOrganization", "Corporation"))


# A character reference left in a value the parser has decoded once: escaped twice.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class HtmlMetadata:
    """What a page says about its article; absent facts are ``None`` or ``()``."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601, see scrubwarc.meta.dates
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    language: str | None = None  # ISO 639-1, lower case
    keywords: tuple[str, ...] = ()
    section: str | None = None


def read_html_metadata(doc: lxml_html.HtmlElement, latest: str | None = None) -> HtmlMetadata:
    """Collect the article's metadata from a parsed page, most trusted source first; no date
    after ``latest`` (ISO day, see ``scrubwarc.meta.dates.latest_day``) is the page's.

    >>> page = lxml_html.fromstring(
    ...     b'<html lang="en-US"><head><title>Rain again - Daily Drip</title>'
    ...     b'<meta property="og:site_name" content="Daily Drip"></head></html>'
    ... )
    >>> meta = read_html_metadata(page)
    >>> meta.title, meta.site_name, meta.language
    ('Rain again', 'Daily Drip', 'en')
    """
    root = doc.getroottree().getroot()
    page = PageView(root)
    article, nodes_by_id, nodes = _find_jsonld_article(page)
    ld = _JsonLd(article, nodes_by_id, nodes)
    tags = meta_tags(page)

    # Every spelling of the site's name helps to strip it from the title.
    site_names = dedupe(
        name
        for name in (
            ld.publisher_name(),
            tags.first("og:site_name"),
            tags.first("application-name"),
            ld.website_name(),
        )
        if name
    )
    agreed = agreed_headline(page, ld, tags, site_names)
    headline = agreed if agreed is not None else first_h1(page)
    url = _url(page, ld, tags)
    locale = _language(root, ld, tags)  # "en-GB": the language, perhaps with a region
    language = locale[:2].lower() if locale else None
    title, suffix = title_and_site(page, ld, tags, site_names, agreed)
    return HtmlMetadata(
        title=_repaired(title),
        authors=tuple(
            repair_encoding(name)[0]
            for name in read_authors(
                page,
                tags,
                headline,
                ld.authors(),
                ld.authors(organisations=True),
                site_names,
                language,
            )
        ),
        date=html_date(page, ld, tags, headline, url, locale, latest),
        # As found: metadata.html_metadata strips tracking parameters and records them.
        url=url,
        site_name=site_names[0] if site_names else suffix,
        description=_repaired(
            _first(
                ld.text("description"),
                tags.first("og:description"),
                tags.first("twitter:description"),
                tags.first("description"),
            )
        ),
        language=language,
        keywords=_keywords(ld, tags),
        section=_first(
            ld.text("articleSection"), tags.first("article:section"), tags.first("section")
        ),
    )


def with_heading(meta: HtmlMetadata, body: str) -> str:
    """The article as a text article has it: headline, byline and date above the body.

    >>> print(with_heading(HtmlMetadata("Rain again", ("Ann Lee",), "2024-05-03"), "It rained."))
    Rain again
    <BLANKLINE>
    By Ann Lee
    <BLANKLINE>
    2024-05-03
    <BLANKLINE>
    It rained.
    """
    head = [meta.title] if meta.title else []
    if meta.authors:
        head.append("By " + _join_names(meta.authors))
    if meta.date:
        head.append(meta.date)
    if not head:
        return body
    return "\n\n".join(head) + ("\n\n" + body if body.strip() else "\n")


def _repaired(value: str | None) -> str | None:
    """A value the page itself holds as mojibake (``Investorâ\x80\x99s``), repaired as the
    article's text is (the ``repair-encoding`` rule), and with the character references a
    CMS escaped twice (``Rain &amp;amp; wind``, ``aren&amp;rsquo;t``) decoded; what the
    repair turns into space at either end (``Â\xa0``) is trimmed, as the value was before it.

    >>> _repaired("Â\xa0CafÃ©"), _repaired("Â\xa0"), _repaired("Rain &amp; wind&nbsp; &c.")
    ('Café', None, 'Rain & wind &c.')
    """
    if value is None:
        return None
    if "&" in value:
        value = " ".join(_ENTITY.sub(lambda found: html.unescape(found[0]), value).split())
    return repair_encoding(value)[0].strip() or None


def _join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------------------- text


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)


# ------------------------------------------------------------------------- JSON-LD


def _find_jsonld_article(
    page: PageView,
) -> tuple[dict[str, object] | None, dict[str, dict[str, object]], tuple[dict[str, object], ...]]:
    """The page's article-typed object (``_own_article``), every object by ``@id`` for
    references, and all objects."""
    articles: list[dict[str, object]] = []
    by_id: dict[str, dict[str, object]] = {}
    nodes: list[dict[str, object]] = []
    for block in blocks(page.iter("script", "meta")):
        for node in walk(block):
            nodes.append(node)
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                by_id.setdefault(node_id, node)
            if types_of(node) & ARTICLE_TYPES:
                articles.append(node)
    return _own_article(articles, page), by_id, tuple(nodes)


def _own_article(articles: list[dict[str, object]], page: PageView) -> dict[str, object] | None:
    """Of the article objects a page states, its own: the first whose address is the page's
    (``url``, ``mainEntityOfPage`` or ``@id``, as its canonical link or ``og:url`` gives it),
    else the first that gives no other page's address (a related story listed before the
    article names its own), else the first."""
    if len(articles) < 2:
        return articles[0] if articles else None
    own = _own_paths(page)
    elsewhere: list[dict[str, object]] = []
    for article in articles:
        paths = _paths_of(article)
        if paths & own:
            return article
        if paths and own:
            elsewhere.append(article)
    return next((a for a in articles if not any(a is e for e in elsewhere)), articles[0])


def _own_paths(page: PageView) -> set[str]:
    """The paths of the page's own address, as its canonical link and ``og:url`` state it."""
    found = [
        link.get("href")
        for link in page.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    ]
    found += [tag.get("content") for tag in page.iter("meta") if tag.get("property") == "og:url"]
    return {path for value in found if (path := _path_of(value))}


def _paths_of(article: dict[str, object]) -> set[str]:
    """The paths of the addresses an article object gives for itself."""
    values: list[object] = [article.get("url"), article.get("@id")]
    main = article.get("mainEntityOfPage")
    values.append(main.get("@id") or main.get("url") if isinstance(main, dict) else main)
    return {path for value in values if (path := _path_of(value))}


def _path_of(value: object) -> str | None:
    """An address's path without its trailing slash (``/news/rain``), None for no address.

    >>> _path_of("https://ex.com/news/rain/#article"), _path_of("#article"), _path_of(3)
    ('/news/rain', None, None)
    """
    if not isinstance(value, str):
        return None
    path = urlsplit(value.strip()).path.rstrip("/")
    return path or None


class _JsonLd:
    """Typed access to the article object; every getter tolerates any JSON shape."""

    __slots__ = ("_article", "_by_id", "_nodes")

    def __init__(
        self,
        article: dict[str, object] | None,
        by_id: dict[str, dict[str, object]],
        nodes: tuple[dict[str, object], ...] = (),
    ):
        self._article = article or {}
        self._by_id = by_id
        self._nodes = nodes

    def _resolve(self, value: object) -> object:
        """Follow a ``{"@id": ...}`` reference to the full node (Yoast's ``@graph``); a value
        object (``{"@value": "Ann Lee"}``) is its value."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            target = value.get("@id")
            if isinstance(target, str):
                return self._by_id.get(target, value)
        return _plain(value)

    def _values(self, key: str) -> list[object]:
        """The values of ``key``, those of lists nested in its list as well (``[[a, b]]``)."""
        return [self._resolve(item) for item in _flat(self._article.get(key))]

    def text(self, key: str) -> str | None:
        """A plain string property; a list gives its first string. Entities are
        decoded because JSON-LD is raw script text (``&amp;`` is common there)."""
        for value in self._values(key):
            text = clean_value(html.unescape(value) if isinstance(value, str) else None)
            if text:
                return text
        return None

    def strings(self, key: str) -> list[str]:
        found: list[str] = []
        for value in self._values(key):
            if isinstance(value, str):
                text = clean_value(html.unescape(value))
                if text:
                    found.append(text)
        return found

    def authors(self, *, organisations: bool = False) -> tuple[str, ...]:
        """Names of the ``author`` people (of the ``creator`` when no ``author`` is given);
        organisations only when asked (a byline on the page names a writer better than the
        publisher given as author)."""
        names: list[str] = []
        for value in self._values("author" if self._article.get("author") else "creator"):
            if isinstance(value, dict):
                if bool(types_of(value) & _ORGANISATION_TYPES) != organisations:
                    continue
                name = _name_of(value) or _person_name_of(value)
                if name:
                    names.extend(names_from_author_text(name))
            elif isinstance(value, str):
                names.extend(names_from_author_text(html.unescape(value)))
        return dedupe(names)

    def publisher_name(self) -> str | None:
        for value in self._values("publisher"):
            name = _name_of(value) if isinstance(value, dict) else value
            text = clean_value(html.unescape(name) if isinstance(name, str) else None)
            if text:
                return text
        return None

    def website_name(self) -> str | None:
        """The site's name as its ``WebSite`` object, or any object's publisher, states it (a
        page that types no article: Yoast's ``@graph`` of ``WebPage`` and ``WebSite``)."""
        for node in self._nodes:
            value = node.get("name") if "WebSite" in types_of(node) else None
            if value is None:
                value = self._resolve(node.get("publisher"))
                value = _name_of(value) if isinstance(value, dict) else value
            text = clean_value(html.unescape(value) if isinstance(value, str) else None)
            if text:
                return text
        return None

    def url(self) -> str | None:
        for key in ("mainEntityOfPage", "url"):
            for value in self._values(key):
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                text = clean_value(value)
                if text:
                    return text
        return None

    def any_published(self) -> str | None:
        """``datePublished`` of any JSON-LD object (a WebPage when no article is typed)."""
        for node in self._nodes:
            value = node.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value
        return None

    def language(self) -> str | None:
        for value in self._values("inLanguage"):
            if isinstance(value, dict):
                value = value.get("alternateName") or value.get("name")
            text = clean_value(value)
            if text:
                return text
        return None


def _person_name_of(node: dict[str, object]) -> str | None:
    """A person's name told in parts (``givenName``, ``familyName``), as some CMSs state it.

    >>> _person_name_of({"givenName": "Ann", "familyName": "Lee"}), _person_name_of({})
    ('Ann Lee', None)
    """
    parts = [node.get(key) for key in ("givenName", "additionalName", "familyName")]
    return clean_value(" ".join(html.unescape(part) for part in parts if isinstance(part, str)))


def _name_of(node: dict[str, object]) -> str | None:
    names = (item for item in map(_plain, _flat(node.get("name"))) if isinstance(item, str))
    return clean_value(html.unescape(next(names, "")))


def _plain(value: object) -> object:
    """A JSON-LD value object's value (``{"@value": "Ann Lee", "@language": "en"}``), or
    ``value``.

    >>> _plain({"@value": "Ann Lee", "@language": "en"}), _plain({"name": "Ann Lee"})
    ('Ann Lee', {'name': 'Ann Lee'})
    """
    return value.get("@value") if isinstance(value, dict) and "@value" in value else value


def _flat(value: object, depth: int = 0) -> list[object]:
    """``value`` as a list, the items of lists nested in it in their place (three deep).

    >>> _flat([["Ann", "Bo"], "Cy"]), _flat("Ann"), _flat(None)
    (['Ann', 'Bo', 'Cy'], ['Ann'], [None])
    """
    if not isinstance(value, list):
        return [value]
    if depth >= 3:
        return [item for item in value if not isinstance(item, list)]
    return [flat for item in value for flat in _flat(item, depth + 1)]


# ----------------------------------------------------------------------- meta tags


# -------------------------------------------------------------------------- fields


def _url(page: PageView, ld: _JsonLd, tags: MetaTags) -> str | None:
    canonical = next(
        (
            link.get("href")
            for link in page.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        None,
    )
    base = page.root.base_url
    stated = _address(ld.url(), base)
    own = next(
        (
            url
            for candidate in (tags.first("og:url"), canonical, tags.first("twitter:url"))
            if (url := _address(candidate, base))
        ),
        None,
    )
    if stated is not None and own is not None and _elsewhere(stated, own):
        return own
    return stated or own


def _address(candidate: str | None, base: str | None) -> str | None:
    """An absolute web address, resolved against the page's ``base``; a relative one with
    nothing to resolve it against is no address at all."""
    url = clean_value(candidate)
    if url is None:
        return None
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def _elsewhere(stated: str, own: str) -> bool:
    """Whether the address the JSON-LD states is not the page the page's own tags name:
    another site (a template's glued ``https://ex.comslug``, its placeholder) or a folder
    above it (the site's home, the section ``/news/`` of ``/news/rain.html``).

    >>> _elsewhere("https://ex.com/news/", "https://ex.com/news/rain.html")
    True
    >>> _elsewhere("https://ex.comrain", "https://ex.com/rain")
    True
    >>> _elsewhere("https://ex.com/rain", "https://www.ex.com/rain/")
    False
    >>> _elsewhere("https://ann.substack.com/p/rain", "https://substack.com/home/post/p-1")
    False
    """
    first, second = urlsplit(stated), urlsplit(own)
    one, other = (f".{part.netloc.casefold()}" for part in (first, second))
    if not (one.endswith(other) or other.endswith(one)):
        return True  # a subdomain ("social.", "www.", a writer's) is the same site
    above, below = first.path.rstrip("/"), second.path.rstrip("/")
    return len(above) < len(below) and below.startswith(above + "/")


def _language(root: lxml_html.HtmlElement, ld: _JsonLd, tags: MetaTags) -> str | None:
    candidates = (
        ld.language(),
        root.get("lang") if root.tag == "html" else None,
        root.get("{http://www.w3.org/XML/1998/namespace}lang") if root.tag == "html" else None,
        tags.first("og:locale"),
        tags.first("content-language"),
        tags.first("language"),
        tags.first("dc.language"),
    )
    for candidate in candidates:
        # "en-US", "en_GB", and content-language lists like "en, fr" (take the first).
        first = (candidate or "").split(",")[0].strip()
        if _LANGUAGE.fullmatch(first):
            return first
    return None


def _keywords(ld: _JsonLd, tags: MetaTags) -> tuple[str, ...]:
    sources = (
        ld.strings("keywords"),
        tags.all("article:tag"),
        tags.all("keywords"),
        tags.all("news_keywords"),
    )
    for source in sources:
        # A single string is a comma-separated list; a list holds one keyword each.
        words = [word.strip() for value in source for word in value.split(",")]
        kept = dedupe(word for word in words if word)
        if kept:
            return kept
    return ()
