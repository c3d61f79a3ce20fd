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
from scrubwarc.clean.sitename import split_site_name
from scrubwarc.meta.htmlauthors import names_from_author_text, read_authors
from scrubwarc.meta.htmldates import html_date
from scrubwarc.meta.htmltext import (
    MetaTags,
    PageView,
    clean_value,
    dedupe,
    meta_tags,
    word_set,
)
from scrubwarc.read.jsonld import ARTICLE_TYPES, blocks, types_of, walk

__all__ = ["HtmlMetadata", "read_html_metadata", "with_heading"]

_ORGANISATION_TYPES = frozenset(("Organization", "NewsMediaOrganization", "Corporation"))

# Title separators between a headline and the site name, widest first.
_TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " · ", " • ")


# Share of its words an <h1> must share with a stated title to be taken for the headline.
_MIN_AGREEMENT = 0.5
_MAX_HEADLINE = 300
# A label before the headline (a kicker, a section, a date) has at most this many words; the
# stated title that the headline ends with at least this many.
_MAX_KICKER_WORDS = 4
_MIN_STATED_WORDS = 3

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
    agreed = _agreed_headline(page, ld, tags, site_names)
    headline = agreed if agreed is not None else _first_h1(page)
    url = _url(page, ld, tags)
    locale = _language(root, ld, tags)  # "en-GB": the language, perhaps with a region
    language = locale[:2].lower() if locale else None
    title, suffix = _title(page, ld, tags, site_names, agreed)
    return HtmlMetadata(
        title=_repaired(title),
        authors=tuple(
            repair_encoding(name)[0]
            for name in read_authors(
                page, tags, headline, ld.authors(), ld.authors(organisations=True), site_names
            )
        ),
        date=html_date(page, ld, tags, headline, url, locale),
        # As found: metadata.html_metadata strips tracking parameters and records them.
        url=url,
        site_name=site_names[0] if site_names else suffix,
        description=_first(
            ld.text("description"),
            tags.first("og:description"),
            tags.first("twitter:description"),
            tags.first("description"),
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
    article's text is (the ``repair-encoding`` rule); what the repair turns into space at
    either end (``Â\xa0``) is trimmed, as the value was before it.

    >>> _repaired("Â\xa0CafÃ©"), _repaired("Â\xa0")
    ('Café', None)
    """
    return None if value is None else repair_encoding(value)[0].strip() or None


def _join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---------------------------------------------------------------------------- text


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)


# ------------------------------------------------------------------------- JSON-LD


def _find_jsonld_article(
    page: PageView,
) -> tuple[dict[str, object] | None, dict[str, dict[str, object]], tuple[dict[str, object], ...]]:
    """The first article-typed object, every object by ``@id`` for references, and all objects."""
    article: dict[str, object] | None = None
    by_id: dict[str, dict[str, object]] = {}
    nodes: list[dict[str, object]] = []
    for block in blocks(page.iter("script", "meta")):
        for node in walk(block):
            nodes.append(node)
            node_id = node.get("@id")
            if isinstance(node_id, str) and len(node) > 1:
                by_id.setdefault(node_id, node)
            if article is None and types_of(node) & ARTICLE_TYPES:
                article = node
    return article, by_id, tuple(nodes)


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
        """Names of the ``author`` people; organisations only when asked (a byline on the page
        names a writer better than the publisher given as author)."""
        names: list[str] = []
        for value in self._values("author"):
            if isinstance(value, dict):
                if bool(types_of(value) & _ORGANISATION_TYPES) != organisations:
                    continue
                name = _name_of(value)
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


def _name_of(node: dict[str, object]) -> str | None:
    name = node.get("name")
    if isinstance(name, list):
        name = next((item for item in name if isinstance(item, str)), None)
    return clean_value(html.unescape(name) if isinstance(name, str) else None)


# ----------------------------------------------------------------------- meta tags


# -------------------------------------------------------------------------- fields


def _title(
    page: PageView,
    ld: _JsonLd,
    tags: MetaTags,
    site_names: tuple[str, ...],
    agreed: lxml_html.HtmlElement | None,
) -> tuple[str | None, str | None]:
    """The article's title, and the site's name when the title is all that gives it."""
    title = _head_title(page)
    suffix = None if site_names or not title else split_site_name(title, guess=True)[1]
    if agreed is not None and agreed.tag == "h1":
        # A bar sets off what follows the headline (a section, a site, a tagline), never a
        # phrase of the headline itself.
        shown = clean_value(agreed.text_content())
        if shown:
            shown = split_site_name(shown.split(" | ", 1)[0], site_names)[0]
            shown = _without_kicker(agreed, shown, (*_stated(ld, tags), title), site_names)
        return shown, suffix
    return _stated_title(page, ld, tags, site_names, title), suffix


def _stated(ld: _JsonLd, tags: MetaTags) -> tuple[str | None, ...]:
    """The titles a page states for its article: JSON-LD, og:title, twitter:title."""
    return (ld.text("headline"), tags.first("og:title"), tags.first("twitter:title"))


def _without_kicker(
    h1: lxml_html.HtmlElement,
    shown: str,
    stated: tuple[str | None, ...],
    site_names: tuple[str, ...],
) -> str:
    """The headline without a label set apart before it (``<span>EXCLUSIVE</span>``,
    ``<strong>Blog:</strong>``, a ``<time>``): the words a stated title ends the shown one
    with, when the few words before them are an element of their own in the headline."""
    for text in stated:
        if not text:
            continue
        title = split_site_name(text, site_names, guess=True)[0]
        lead = shown[: len(shown) - len(title)]
        if (
            len(title.split()) >= _MIN_STATED_WORDS
            and lead[-1:].isspace()
            and len(lead.split()) <= _MAX_KICKER_WORDS
            and shown[len(lead) :].casefold() == title.casefold()
            and not (h1.text or "").strip()
            and any(clean_value(e.text_content()) == lead.strip() for e in h1.iterdescendants())
        ):
            return shown[len(lead) :]
    return shown


def _stated_title(
    page: PageView, ld: _JsonLd, tags: MetaTags, site_names: tuple[str, ...], title: str | None
) -> str | None:
    h1 = _element_text(page, "h1")
    for candidate, guess in (
        (ld.text("headline"), False),
        (tags.first("og:title"), True),
        (tags.first("twitter:title"), True),
    ):
        if candidate:
            return split_site_name(candidate, site_names, guess=guess)[0]
    if title:
        # The visible headline is the title without its decoration ("<h1> | Site"),
        # unless the <h1> is the site's logo.
        is_logo = h1 is not None and h1.casefold() in {name.casefold() for name in site_names}
        if h1 and _is_title_prefix(h1, title) and not is_logo:
            return h1
        return split_site_name(title, site_names, guess=True)[0]
    return _first(ld.text("name"), h1)


def _agreed_headline(
    page: PageView, ld: _JsonLd, tags: MetaTags, site_names: tuple[str, ...]
) -> lxml_html.HtmlElement | None:
    """The visible headline that the page's stated titles agree with.

    The headline a reader sees is the article's title; JSON-LD ``headline``, ``og:title`` and
    ``<title>`` are often rewritten for search and social ("... in 2025 | Site"). They serve as
    witnesses: an ``<h1>`` sharing most of its words with one of them is the headline, which
    tells it from a logo, a section label or a promo's ``<h1>``. A page without such an
    ``<h1>`` may set its headline in an ``<h2>`` or ``<h3>``.
    """
    stated = _stated(ld, tags)
    title = _head_title(page)
    witnesses = [
        word_set(split_site_name(text, site_names, guess=text is title)[0])
        for text in (*stated, title)
        if text
    ]
    if not witnesses:
        return None
    sites = {name.casefold() for name in site_names}
    for tags_ in (("h1",), ("h2", "h3")):
        best: lxml_html.HtmlElement | None = None
        best_agreement = _MIN_AGREEMENT
        for element in page.iter(*tags_):
            text = clean_value(element.text_content())
            if not text or len(text) > _MAX_HEADLINE or text.casefold() in sites:
                continue
            words = word_set(text)
            for witness in witnesses:
                agreement = len(words & witness) / max(1, min(len(words), len(witness)))
                if agreement > best_agreement:
                    best, best_agreement = element, agreement
        if best is not None:
            return best
    return None


def _first_h1(page: PageView) -> lxml_html.HtmlElement | None:
    return next((h for h in page.iter("h1") if clean_value(h.text_content())), None)


def _is_title_prefix(h1: str, title: str) -> bool:
    """Whether ``title`` is ``h1`` itself or ``h1`` followed by a separator."""
    # Compare slices, not casefolded strings: casefolding can change the length.
    if title[: len(h1)].casefold() != h1.casefold():
        return False
    rest = title[len(h1) :]
    return not rest or rest.startswith(_TITLE_SEPARATORS)


def _head_title(page: PageView) -> str | None:
    """``<title>`` of the document, not one inside inline SVG."""
    for element in page.iter("title"):
        if not any(ancestor.tag == "svg" for ancestor in element.iterancestors()):
            return clean_value(element.text_content())
    return None


def _element_text(page: PageView, tag: str) -> str | None:
    for element in page.iter(tag):
        text = clean_value(element.text_content())
        if text:
            return text
    return None


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
    for candidate in (ld.url(), tags.first("og:url"), canonical, tags.first("twitter:url")):
        url = clean_value(candidate)
        if url is None:
            continue
        if base:
            url = urljoin(base, url)
        # A relative URL with nothing to resolve it against is no address at all.
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc:
            return url
    return None


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
