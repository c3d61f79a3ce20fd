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
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from scrubwarc.clean.sitename import split_site_name
from scrubwarc.meta.bylines import parse_byline
from scrubwarc.meta.dates import parse_date

__all__ = ["HtmlMetadata", "read_html_metadata"]

# schema.org types whose properties describe the article itself.
_ARTICLE_TYPES = frozenset(
    (
        "Article",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "TechArticle",
        "ScholarlyArticle",
        "SatiricalArticle",
        "AdvertiserContentArticle",
        "Report",
    )
)
_ORGANISATION_TYPES = frozenset(("Organization", "NewsMediaOrganization", "Corporation"))
# How far to follow nesting (``@graph``, lists, ``mainEntity``) looking for the
# article: real pages need two or three levels; hostile ones get no recursion blow-up.
_MAX_JSONLD_DEPTH = 6
_MAX_JSONLD_CHARS = 1_000_000

# Title separators between a headline and the site name, widest first.
_TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " · ", " • ")

_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")
_URL_LIKE = re.compile(r"(?:https?:)?//|www\.|[\w-]+\.[a-z]{2,}/", re.IGNORECASE)


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


def read_html_metadata(doc: lxml_html.HtmlElement) -> HtmlMetadata:
    """Collect the article's metadata from a parsed page, most trusted source first.

    >>> page = lxml_html.fromstring(
    ...     b'<html lang="en-US"><head><title>Rain again - Daily Drip</title>'
    ...     b'<meta property="og:site_name" content="Daily Drip"></head></html>'
    ... )
    >>> meta = read_html_metadata(page)
    >>> meta.title, meta.site_name, meta.language
    ('Rain again', 'Daily Drip', 'en')
    """
    root = doc.getroottree().getroot()
    article, nodes_by_id = _find_jsonld_article(root)
    ld = _JsonLd(article, nodes_by_id)
    tags = _meta_tags(root)

    # Every spelling of the site's name helps to strip it from the title.
    site_names = _dedupe(
        name
        for name in (
            ld.publisher_name(),
            tags.first("og:site_name"),
            tags.first("application-name"),
        )
        if name
    )
    site_name = site_names[0] if site_names else None
    return HtmlMetadata(
        title=_title(root, ld, tags, site_names),
        authors=_authors(root, ld, tags),
        date=_date(root, ld, tags),
        # As found: metadata.html_metadata strips tracking parameters and records them.
        url=_url(root, ld, tags),
        site_name=site_name,
        description=_first(
            ld.text("description"),
            tags.first("og:description"),
            tags.first("twitter:description"),
            tags.first("description"),
        ),
        language=_language(root, ld, tags),
        keywords=_keywords(ld, tags),
        section=_first(
            ld.text("articleSection"), tags.first("article:section"), tags.first("section")
        ),
    )


# ---------------------------------------------------------------------------- text


def _clean(value: object) -> str | None:
    """Whitespace-normalised text, or None for non-strings and blank strings."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)


def _dedupe(values: Iterable[str]) -> tuple[str, ...]:
    """Keep the first spelling of each value, compared case-insensitively."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return tuple(kept)


def _looks_like_url(value: str) -> bool:
    return _URL_LIKE.match(value) is not None


# ------------------------------------------------------------------------- JSON-LD


def _jsonld_blocks(root: lxml_html.HtmlElement) -> Iterator[object]:
    """Each JSON-LD block that parses; a broken one is skipped, never fatal."""
    for script in root.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        # Some CMSs wrap the JSON in comment or CDATA markers for ancient browsers.
        for opener, closer in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>")):
            if raw.startswith(opener) and raw.endswith(closer):
                raw = raw[len(opener) : -len(closer)].strip()
        if not raw or len(raw) > _MAX_JSONLD_CHARS:
            continue
        try:
            yield json.loads(raw)
        except (ValueError, RecursionError):
            continue


def _types(node: dict[str, object]) -> set[str]:
    """``@type`` as bare names: ``"NewsArticle"``, ``["NewsArticle"]``,
    ``"https://schema.org/NewsArticle"`` and ``"schema:NewsArticle"`` all count."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {
        value.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for value in values if isinstance(value, str)
    }


def _walk(value: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """Every object reachable through lists, ``@graph`` and ``mainEntity``."""
    if depth > _MAX_JSONLD_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity"):
            if key in value:
                yield from _walk(value[key], depth + 1)


def _find_jsonld_article(
    root: lxml_html.HtmlElement,
) -> tuple[dict[str, object] | None, dict[str, dict[str, object]]]:
    """The first article-typed object, and every object by ``@id`` for references."""
    article: dict[str, object] | None = None
    by_id: dict[str, dict[str, object]] = {}
    for block in _jsonld_blocks(root):
        for node in _walk(block):
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                by_id.setdefault(node_id, node)
            if article is None and _types(node) & _ARTICLE_TYPES:
                article = node
    return article, by_id


class _JsonLd:
    """Typed access to the article object; every getter tolerates any JSON shape."""

    __slots__ = ("_article", "_by_id")

    def __init__(self, article: dict[str, object] | None, by_id: dict[str, dict[str, object]]):
        self._article = article or {}
        self._by_id = by_id

    def _resolve(self, value: object) -> object:
        """Follow a ``{"@id": ...}`` reference to the full node (Yoast's ``@graph``)."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"}:
            target = value.get("@id")
            if isinstance(target, str):
                return self._by_id.get(target, value)
        return value

    def _values(self, key: str) -> list[object]:
        raw = self._article.get(key)
        return [self._resolve(item) for item in (raw if isinstance(raw, list) else [raw])]

    def text(self, key: str) -> str | None:
        """A plain string property; a list gives its first string. Entities are
        decoded because JSON-LD is raw script text (``&amp;`` is common there)."""
        for value in self._values(key):
            text = _clean(html.unescape(value) if isinstance(value, str) else None)
            if text:
                return text
        return None

    def strings(self, key: str) -> list[str]:
        found: list[str] = []
        for value in self._values(key):
            if isinstance(value, str):
                text = _clean(html.unescape(value))
                if text:
                    found.append(text)
        return found

    def authors(self) -> tuple[str, ...]:
        names: list[str] = []
        for value in self._values("author"):
            if isinstance(value, dict):
                if _types(value) & _ORGANISATION_TYPES:
                    continue  # an organisation "author" is the publisher, not a writer
                name = _name_of(value)
                if name:
                    names.extend(_names_from_author_text(name))
            elif isinstance(value, str):
                names.extend(_names_from_author_text(html.unescape(value)))
        return _dedupe(names)

    def publisher_name(self) -> str | None:
        for value in self._values("publisher"):
            name = _name_of(value) if isinstance(value, dict) else value
            text = _clean(html.unescape(name) if isinstance(name, str) else None)
            if text:
                return text
        return None

    def url(self) -> str | None:
        for key in ("mainEntityOfPage", "url"):
            for value in self._values(key):
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                text = _clean(value)
                if text:
                    return text
        return None

    def language(self) -> str | None:
        for value in self._values("inLanguage"):
            if isinstance(value, dict):
                value = value.get("alternateName") or value.get("name")
            text = _clean(value)
            if text:
                return text
        return None


def _name_of(node: dict[str, object]) -> str | None:
    name = node.get("name")
    if isinstance(name, list):
        name = next((item for item in name if isinstance(item, str)), None)
    return _clean(html.unescape(name) if isinstance(name, str) else None)


def _names_from_author_text(value: str) -> list[str]:
    """Names from an author field: ``Jane Roe``, ``By Jane Roe``, ``Jane Roe and Al Li``.

    The field is known to name authors, so a bare name (which ``parse_byline``
    rightly refuses on a line of body text) is read as if it followed "By". What
    ``parse_byline`` still refuses is dropped, not passed through: that is how CMS
    placeholders (``admin``), site names, URLs and ``@handles`` stay out.
    """
    text = _clean(value)
    if text is None or _looks_like_url(text):
        return []
    names = parse_byline(text) or parse_byline(f"By {text}")
    return list(names) if names else []


# ----------------------------------------------------------------------- meta tags


class _MetaTags:
    """``<meta>`` values by lower-cased ``property``/``name``/``itemprop``/``http-equiv``."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[str, list[str]] = {}

    def add(self, key: str, value: str) -> None:
        self._values.setdefault(key, []).append(value)

    def first(self, key: str) -> str | None:
        values = self._values.get(key)
        return values[0] if values else None

    def all(self, key: str) -> list[str]:
        return self._values.get(key, [])


def _meta_tags(root: lxml_html.HtmlElement) -> _MetaTags:
    tags = _MetaTags()
    for meta in root.iter("meta"):
        value = _clean(meta.get("content"))
        if value is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if key:
                tags.add(key.strip().lower(), value)
    return tags


# -------------------------------------------------------------------------- fields


def _title(
    root: lxml_html.HtmlElement, ld: _JsonLd, tags: _MetaTags, site_names: tuple[str, ...]
) -> str | None:
    h1 = _element_text(root, "h1")
    for candidate in (ld.text("headline"), tags.first("og:title"), tags.first("twitter:title")):
        if candidate:
            return split_site_name(candidate, site_names)[0]
    title = _head_title(root)
    if title:
        # The visible headline is the title without its decoration ("<h1> | Site"),
        # unless the <h1> is the site's logo.
        is_logo = h1 is not None and h1.casefold() in {name.casefold() for name in site_names}
        if h1 and _is_title_prefix(h1, title) and not is_logo:
            return h1
        return split_site_name(title, site_names, guess=True)[0]
    return _first(ld.text("name"), h1)


def _is_title_prefix(h1: str, title: str) -> bool:
    """Whether ``title`` is ``h1`` itself or ``h1`` followed by a separator."""
    # Compare slices, not casefolded strings: casefolding can change the length.
    if title[: len(h1)].casefold() != h1.casefold():
        return False
    rest = title[len(h1) :]
    return not rest or rest.startswith(_TITLE_SEPARATORS)


def _head_title(root: lxml_html.HtmlElement) -> str | None:
    """``<title>`` of the document, not one inside inline SVG."""
    for element in root.iter("title"):
        if not any(ancestor.tag == "svg" for ancestor in element.iterancestors()):
            return _clean(element.text_content())
    return None


def _element_text(root: lxml_html.HtmlElement, tag: str) -> str | None:
    for element in root.iter(tag):
        text = _clean(element.text_content())
        if text:
            return text
    return None


def _authors(root: lxml_html.HtmlElement, ld: _JsonLd, tags: _MetaTags) -> tuple[str, ...]:
    found = ld.authors()
    if found:
        return found
    for key in (
        "article:author",
        "author",
        "byl",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
    ):
        names = [name for value in tags.all(key) for name in _names_from_author_text(value)]
        if names:
            return _dedupe(names)
    links = [_clean(link.text_content()) for link in root.iter("a", "link") if _is_rel_author(link)]
    return _dedupe(name for text in links if text for name in _names_from_author_text(text))


def _is_rel_author(element: lxml_html.HtmlElement) -> bool:
    return "author" in (element.get("rel") or "").lower().split()


def _date(root: lxml_html.HtmlElement, ld: _JsonLd, tags: _MetaTags) -> str | None:
    candidates = [
        ld.text("datePublished"),
        ld.text("dateCreated"),
        tags.first("article:published_time"),
        tags.first("og:published_time"),
        tags.first("datepublished"),
        tags.first("date"),
        tags.first("pubdate"),
        tags.first("publishdate"),
        tags.first("dc.date.issued"),
        tags.first("dc.date"),
        tags.first("dcterms.created"),
        tags.first("parsely-pub-date"),
    ]
    for candidate in candidates:
        parsed = parse_date(candidate) if candidate else None
        if parsed:
            return parsed
    # <time>: the one marked as the publication date first, then any.
    times = list(root.iter("time"))
    marked = [
        t for t in times if t.get("itemprop") == "datePublished" or t.get("pubdate") is not None
    ]
    for element in marked + times:
        for text in (element.get("datetime"), element.text_content()):
            parsed = parse_date(text) if text else None
            if parsed:
                return parsed
    return None


def _url(root: lxml_html.HtmlElement, ld: _JsonLd, tags: _MetaTags) -> str | None:
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        None,
    )
    base = root.base_url
    for candidate in (ld.url(), tags.first("og:url"), canonical, tags.first("twitter:url")):
        url = _clean(candidate)
        if url is None:
            continue
        if base:
            url = urljoin(base, url)
        # A relative URL with nothing to resolve it against is no address at all.
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc:
            return url
    return None


def _language(root: lxml_html.HtmlElement, ld: _JsonLd, tags: _MetaTags) -> str | None:
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
        match = _LANGUAGE.fullmatch(first)
        if match:
            return match[1].lower()
    return None


def _keywords(ld: _JsonLd, tags: _MetaTags) -> tuple[str, ...]:
    sources = (
        ld.strings("keywords"),
        tags.all("article:tag"),
        tags.all("keywords"),
        tags.all("news_keywords"),
    )
    for source in sources:
        # A single string is a comma-separated list; a list holds one keyword each.
        words = [word.strip() for value in source for word in value.split(",")]
        kept = _dedupe(word for word in words if word)
        if kept:
            return kept
    return ()
