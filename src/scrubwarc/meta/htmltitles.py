"""The article's title on an HTML page: the visible headline that the stated titles agree
with, else the stated titles (JSON-LD ``headline``, og:title, twitter:title, ``<title>``)
without the site's name; and the site's name when the ``<title>`` is all that gives it.

Pure and total, as ``scrubwarc.meta.html``, which reads the page's statements for it.
"""

from __future__ import annotations

from typing import Protocol

from lxml import html as lxml_html

from scrubwarc.clean.sitename import split_site_name
from scrubwarc.meta.htmltext import MetaTags, PageView, clean_value, word_set

__all__ = ["StatedTitles", "agreed_headline", "first_h1", "title_and_site"]

# Title separators between a headline and the site name, widest first.
_TITLE_SEPARATORS = (" | ", " — ", " – ", " - ", " :: ", " · ", " • ")


# Share of its words an <h1> must share with a stated title to be taken for the headline.
_MIN_AGREEMENT = 0.5
_MAX_HEADLINE = 300
# A label before the headline (a kicker, a section, a date) has at most this many words; the
# stated title that the headline ends with at least this many.
_MAX_KICKER_WORDS = 4
_MIN_STATED_WORDS = 3
_KICKER_DEPTH = 3  # levels of first children looked at for a label that opens the headline


class StatedTitles(Protocol):
    """The page's structured data, as ``scrubwarc.meta.html`` reads its JSON-LD article."""

    def text(self, key: str) -> str | None: ...


def title_and_site(
    page: PageView,
    ld: StatedTitles,
    tags: MetaTags,
    site_names: tuple[str, ...],
    agreed: lxml_html.HtmlElement | None,
) -> tuple[str | None, str | None]:
    """The article's title, and the site's name when the title is all that gives it."""
    head = None if site_names else _head_title(page)
    suffix = split_site_name(head, guess=True)[1] if head else None
    if agreed is not None and agreed.tag == "h1":
        # A bar sets off what follows the headline (a section, a site, a tagline), never a
        # phrase of the headline itself.
        shown = clean_value(agreed.text_content())
        if shown:
            shown = split_site_name(shown.split(" | ", 1)[0], site_names)[0]
            shown = _without_kicker(agreed, shown, page, ld, tags, site_names)
        return shown, suffix
    return _stated_title(page, ld, tags, site_names), suffix


def _stated(ld: StatedTitles, tags: MetaTags) -> tuple[str | None, ...]:
    """The titles a page states for its article: JSON-LD, og:title, twitter:title."""
    return (ld.text("headline"), tags.first("og:title"), tags.first("twitter:title"))


def _without_kicker(
    h1: lxml_html.HtmlElement,
    shown: str,
    page: PageView,
    ld: StatedTitles,
    tags: MetaTags,
    site_names: tuple[str, ...],
) -> str:
    """The headline without a label set apart before it (``<span>EXCLUSIVE</span>``,
    ``<strong>Blog:</strong>``, a ``<time>``): the words a stated title (or ``<title>``)
    ends the shown one with, when the few words before them are an element of their own in
    the headline."""
    if len(h1) == 0 or (h1.text or "").strip():
        return shown  # nothing set apart opens the headline
    for text in (*_stated(ld, tags), _head_title(page)):
        if not text:
            continue
        title = split_site_name(text, site_names, guess=True)[0]
        lead = shown[: len(shown) - len(title)]
        if (
            len(title.split()) >= _MIN_STATED_WORDS
            and lead[-1:].isspace()
            and len(lead.split()) <= _MAX_KICKER_WORDS
            and shown[len(lead) :].casefold() == title.casefold()
            and _opens_with(h1, lead.strip())
        ):
            return shown[len(lead) :]
    return shown


def _opens_with(h1: lxml_html.HtmlElement, lead: str) -> bool:
    """Whether ``lead`` is the text of the element that opens ``h1`` (or of its first child,
    a few levels down: ``<a><time>``), the headline's own words in the elements' tails."""
    element = h1[0] if len(h1) else None
    for _ in range(_KICKER_DEPTH):
        if element is None or not isinstance(element.tag, str):
            return False
        if clean_value(element.text_content()) == lead:
            return True
        element = element[0] if len(element) and not (element.text or "").strip() else None
    return False


def _stated_title(
    page: PageView, ld: StatedTitles, tags: MetaTags, site_names: tuple[str, ...]
) -> str | None:
    h1 = _element_text(page, "h1")
    for candidate, guess in (
        (ld.text("headline"), False),
        (tags.first("og:title"), True),
        (tags.first("twitter:title"), True),
    ):
        if candidate:
            return split_site_name(candidate, site_names, guess=guess)[0]
    title = _head_title(page)
    if title:
        # The visible headline is the title without its decoration ("<h1> | Site"),
        # unless the <h1> is the site's logo.
        is_logo = h1 is not None and h1.casefold() in {name.casefold() for name in site_names}
        if h1 and _is_title_prefix(h1, title) and not is_logo:
            return h1
        return split_site_name(title, site_names, guess=True)[0]
    return ld.text("name") or h1


def agreed_headline(
    page: PageView, ld: StatedTitles, tags: MetaTags, site_names: tuple[str, ...]
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


def first_h1(page: PageView) -> lxml_html.HtmlElement | None:
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
