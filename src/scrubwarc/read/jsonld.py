"""JSON-LD in a page: the blocks that parse, the objects in them, and the article's own
``articleBody``. Read by the metadata (``scrubwarc.meta.html``) and, for a page whose markup
holds no article (a script fills it in), by the extraction. Never fatal: a broken block is
skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from lxml import html as lxml_html

__all__ = [
    "ARTICLE_TYPES",
    "article_body",
    "blocks",
    "types_of",
    "walk",
]

# schema.org types whose properties describe the article itself.
ARTICLE_TYPES = frozenset(
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
# How far to follow nesting (``@graph``, lists, ``mainEntity``) looking for the
# article: real pages need two or three levels; hostile ones get no recursion blow-up.
_MAX_DEPTH = 6
_MAX_CHARS = 1_000_000
# Some CMSs wrap the JSON in comment or CDATA markers for ancient browsers.
_WRAPPERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"))
_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|span|a|em|strong|b|i)\b", re.I)


def blocks(elements: Iterable[lxml_html.HtmlElement]) -> Iterator[object]:
    """Each JSON-LD block of ``elements`` (a page's ``<script>`` and ``<meta>`` elements)
    that parses.

    Besides ``<script type="application/ld+json">``, a head manager may carry the block in a
    meta tag named after that type (``<meta name="script:ld+json" content="{...}">``).
    """
    for element in elements:
        if element.tag == "meta":
            if not (element.get("name") or "").endswith("ld+json"):
                continue
            raw = (element.get("content") or "").strip()
        elif element.tag == "script":
            kind = (element.get("type") or "").split(";")[0].strip().lower()
            if kind != "application/ld+json":
                continue
            raw = (element.text or "").strip()
        else:
            continue
        for opener, closer in _WRAPPERS:
            if raw.startswith(opener) and raw.endswith(closer):
                raw = raw[len(opener) : -len(closer)].strip()
        if not raw or len(raw) > _MAX_CHARS:
            continue
        parsed = _loads(raw)
        if parsed is not _BROKEN:
            yield parsed


_BROKEN = object()
# A comma before a closing bracket, as templates leave after the last property in a loop.
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")


def _loads(raw: str) -> object:
    r"""The JSON ``raw`` holds, as CMSs write it: control characters inside strings (a newline
    in a description) and a comma after the last item (``{"name": "Ann Lee",}``) are taken;
    ``_BROKEN`` when it still does not parse.

    >>> _loads('{"name": "Ann\tLee",}'), _loads("{") is _BROKEN
    ({'name': 'Ann\tLee'}, True)
    """
    try:
        return json.loads(raw, strict=False)
    except RecursionError:
        return _BROKEN
    except ValueError:
        pass
    repaired = _TRAILING_COMMA.sub(r"\1", raw)
    if repaired == raw:
        return _BROKEN
    try:
        return json.loads(repaired, strict=False)
    except (ValueError, RecursionError):
        return _BROKEN


def types_of(node: dict[str, object]) -> set[str]:
    """``@type`` as bare names: ``"NewsArticle"``, ``["NewsArticle"]``,
    ``"https://schema.org/NewsArticle"`` and ``"schema:NewsArticle"`` all count."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {
        value.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for value in values if isinstance(value, str)
    }


def walk(value: object, depth: int = 0) -> Iterator[dict[str, object]]:
    """Every object reachable through lists, ``@graph`` and ``mainEntity``."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from walk(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity"):
            if key in value:
                yield from walk(value[key], depth + 1)


def article_body(root: lxml_html.HtmlElement) -> tuple[str, bool] | None:
    """The ``articleBody`` the page's first article object states, and whether it holds
    markup (``<p>`` and the like, which some CMSs leave in); None when it states none.

    >>> page = lxml_html.fromstring('<script type="application/ld+json">{"@type": '
    ...     '"NewsArticle", "articleBody": "It rained.\\\\nThe river rose."}</script>')
    >>> article_body(page)
    ('It rained.\\nThe river rose.', False)
    """
    for block in blocks(root.iter("script", "meta")):
        for node in walk(block):
            if types_of(node) & ARTICLE_TYPES:
                body = node.get("articleBody")
                if isinstance(body, str) and body.strip():
                    return body, _MARKUP.search(body) is not None
                return None  # the article object is the page's; its body is its word
    return None
