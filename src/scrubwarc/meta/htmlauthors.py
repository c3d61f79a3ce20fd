"""Authors of an HTML page: JSON-LD people, author meta tags, ``itemprop``/``rel`` authors,
links to an author's page, byline elements, and the lines a reader sees near the headline.

The most deliberate statement that names a person wins (an outlet is the author only when no
statement names a person), except that a ``By`` line under the headline beats structured data
naming other people (a CMS account, the publisher, a name with a suffix): the reader sees the
byline, the structured data is written for machines. Pure and total, as ``scrubwarc.meta.html``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from scrubwarc.meta.affiliations import (
    NAME_TAIL,
    is_agency,
    is_organisation,
    is_organisation_author,
    is_social_label,
    social_tail,
)
from scrubwarc.meta.bylinehints import (
    OTHER_LEAD_IN_PIECE,
    has_any_lead_in_word,
    has_byline_hint,
    has_lead_in_word,
    shown_texts,
    slug_words,
)
from scrubwarc.meta.bylines import parse_byline, strip_lead_in
from scrubwarc.meta.bylinewords import HONORIFICS
from scrubwarc.meta.cjkbylines import cjk_byline
from scrubwarc.meta.htmltext import (
    DATE_IN_LINE,
    MetaTags,
    PageView,
    clean_value,
    dedupe,
    itemprop,
    lines_after_headline,
    looks_like_url,
    word_set,
)

__all__ = ["names_from_author_text", "read_authors"]

_MAX_AUTHOR_CHARS = 100
# "Analysis by", "Opinion by": the kind of piece, then its writer.
_AUTHOR_LEAD_IN = re.compile(
    r"^(?:(?:written|posted|published|reviewed|reporting|reported|analysis|opinion|commentary)"
    r"\s+)?by\b:?"
    r"|^(?:the\s+)?authors?\b:?"
    # An author's link labelled as one: "View all posts by", "More articles from", "Posts by".
    r"|^(?:(?:view|see|read|browse)\s+)?(?:(?:all|more)\s+)?(?:posts|articles|stories|entries)"
    r"\s+(?:by|from)\b:?|^more\s+from\b:?",
    re.I,
)
# An e-mail address in an author field, in its brackets if it has them, beside a name.
_MAIL = re.compile(r"[(<\[]? ?(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+ ?[)>\]]?", re.I)
_PLACEHOLDER_AUTHORS = frozenset({"admin", "administrator", "author", "unknown", "anonymous"})
# Folders of an author's page on a site ("/author/ann-lee/"), and the words of its name there.
_AUTHOR_FOLDERS = frozenset(
    {"author", "authors", "writer", "writers", "contributor", "contributors"}
    | {"autor", "autores", "autore", "autori", "auteur", "auteurs", "autorzy"}
)
# A CMS account rather than a person ("Site Admin", "NOC Admin"), and a template's key left
# unfilled ("page.meta.author"; a dotted handle such as "ann.b.lee" is a name).
_ACCOUNT_WORDS = frozenset({"admin", "administrator", "webmaster"})
_TEMPLATE_KEY = re.compile(r"(?:\w+\.){2,}(?:author|name)", re.IGNORECASE)
_BYLINE_NOISE = re.compile(r"avatar|image|photo|img|bio|description|box|comment|social|share", re.I)
# A class that says its element holds the author's name ("author-name", "author-box__name")
# names the writer wherever the element stands, in an author box too (not a commenter's).
_AUTHOR_NAME_HINT = re.compile(r"author[\w-]*name", re.IGNORECASE)
# Separators inside a byline element between the name and what follows (date, role, time).
_BYLINE_TAIL = re.compile(r"\s(?:[|•·/–—]|-\s)|\s+(?:on|updated|published)\s", re.IGNORECASE)
_MAX_BYLINE_CHARS = 60
# A byline piece that credits someone other than the writer: the name it introduces (in the
# same piece or the next) is not the author's. ("Reviewed by" stays an author's lead-in: a
# reviewed page often names only its reviewer.)
_OTHER_CREDIT = re.compile(
    r"^(?:last\s+)?(?:updated|edited|fact[- ]?checked"
    r"|photos?|photography|illustrations?|images?|video|translated)(?:\s+and\s+\w+)?\s+by\b:?",
    re.IGNORECASE,
)
# A label anywhere in the body that says who wrote the piece.
_WRITTEN_BY = re.compile(
    r"(?:(?:this\s+(?:post|article)\s+was\s+)?(?:written|authored|reported)|posted|article|story"
    r"|words|reporting)"
    r"\s+by\b\s*:?",
    re.IGNORECASE,
)
# A date's label alone in a byline element's piece, its date in the next: "Updated",
# "Last updated on:", "Published". A label, not a name.
_DATE_LABEL_PIECE = re.compile(
    r"(?:(?:last|first|originally)\s+)?(?:updated|posted|published|modified|created|date)"
    r"(?:\s+(?:on|at))?\s*:?",
    re.IGNORECASE,
)
# A heading or a label that is only "Author" (``<h3>Author</h3><p>Ann Lee</p>``): the name is
# the next text, and must be a full name (a form's "Author" field is followed by "Email").
_AUTHOR_LABEL = re.compile(r"authors?\s*:?", re.IGNORECASE)
# What stands between two names linked apart in a byline element.
_NAME_JOINS = frozenset({",", "and", "&", ", and", "und", "et", "y"})
# "... at" left when a date follows the name ("Posted by Ann Lee at May 3, 2024 11:15 AM").
_AT_TIME = re.compile(r"\s+at$", re.IGNORECASE)
# A byline piece that only introduces the name in the next one: "Text by", "Recipe by",
# "Authored by", "Insights from".
_LEAD_IN_PIECE = re.compile(r"(?:[\w-]+\s+){0,2}(?:by|from)\s*:?", re.IGNORECASE)


def names_from_author_text(value: str) -> list[str]:
    """Names from a field that is known to name the author: ``Jane Roe``, ``By Jane Roe``,
    ``Jane Roe and Al Li``, ``whova``, ``TOI Lifestyle Desk``.

    The field's purpose vouches for its value, so what ``parse_byline`` cannot read as personal
    names (a handle, a team, an organisation) is kept as written; a ``Name and Name`` list is
    split only when every part reads as a name. What follows people named in full is theirs, not
    an author: a role, a credential, an agency or an outlet (``Jill Disis, CNN Business`` is Jill
    Disis). URLs, e-mail-less addresses and CMS placeholders (``admin``) stay out.

    >>> names_from_author_text("MEG KINNARD and ERRIN HAINES, Associated Press")
    ['Meg Kinnard', 'Errin Haines']
    >>> names_from_author_text("Reuters"), names_from_author_text("Martin Luther King, Jr.")
    (['Reuters'], ['Martin Luther King Jr.'])
    """
    text = clean_value(value)
    if text is None or looks_like_url(text) or len(text) > _MAX_AUTHOR_CHARS:
        return []
    if text.startswith("@") or _OTHER_CREDIT.match(text):
        return []  # a social-media handle, or a credit to an editor, not a byline
    if "@" in text:
        # "ann@example.com (Ann Lee)", as a feed writes it, "Ann Lee <ann@example.com>": the
        # name the field gives beside the address; an address alone is how the page names
        # its writer ("By ann.lee@example.com"), and stays
        text = " ".join(_MAIL.sub(" ", text).split()).strip(" ()<>,;") or text
    text = social_tail(strip_lead_in(_AUTHOR_LEAD_IN.sub("", text))).strip(" ,:|-")
    if not text or text.casefold() in _PLACEHOLDER_AUTHORS or not any(c.isalpha() for c in text):
        return []
    if is_social_label(text):
        return []  # "X", "Follow on X": a link's label beside the byline
    if _TEMPLATE_KEY.fullmatch(text) or word_set(text) & _ACCOUNT_WORDS:
        return []
    if not text.isascii() and (cjk := cjk_byline(text)) is not None:
        return list(cjk)  # "김철수 기자", "記者 山田太郎": a role word beside the name
    names = parse_byline(f"By {text}")
    if names and (_covers(names, text) or _reads_as_people(names, text)):
        return list(names)
    if text.startswith("the ") and text[4:5].isupper():
        return [f"The {text[4:]}"]  # "the Associated Press" names an organisation
    return [text]


def _reads_as_people(names: tuple[str, ...], text: str) -> bool:
    """Whether what ``parse_byline`` dropped from an author field follows people named in full:
    a role, a credential, an agency, an outlet or a place (``Jill Disis, CNN Business``,
    ``TOM KRISHER, AP Auto Writer``, ``Ann Lee | The Herald``). Otherwise the field is kept as
    written: a one-word name may be a brand (``GURUS - Drupal``), an organisation's name its own
    (``Claight Corporation (Expert Market Research)``), a title is how the field writes the name
    (``Dr. Ann Lee``), and a second name cut before "at" is as likely a job the role words do
    not know (``Ann Lee, Trial Lead at Morgan & Morgan``).

    >>> _reads_as_people(("Jill Disis",), "Jill Disis, CNN Business")
    True
    >>> _reads_as_people(("Ann Lee",), "Dr. Ann Lee, MD"), _reads_as_people(("Gurus",), "GURUS - X")
    (False, False)
    """
    folded = text.casefold()
    for index, name in enumerate(names):
        start = folded.find(name.casefold())
        if len(name.split()) < 2 or start < 0 or is_organisation_author(name):
            return False
        before = folded[:start].split()
        if before and before[-1] in HONORIFICS:
            return False
        if index and NAME_TAIL.match(folded, start + len(name)):
            return False
    return True


def _covers(names: tuple[str, ...], text: str) -> bool:
    """Whether ``names`` keep every word of ``text`` except joining words."""
    kept = word_set(" ".join(names))
    return word_set(text) - kept <= {"and", "by", "und", "et", "y"}


def read_authors(
    page: PageView,
    tags: MetaTags,
    headline: lxml_html.HtmlElement | None,
    people: tuple[str, ...],
    organisations: tuple[str, ...],
    site_names: tuple[str, ...],
    language: str | None = None,
) -> tuple[str, ...]:
    """Authors from the most deliberate statement that names any: JSON-LD people, author meta
    tags, ``itemprop=author``, ``rel=author``, byline elements, a ``By ...`` line near the
    headline, and last an organisation given as the JSON-LD author.

    The site itself, an agency or a publication (``_is_outlet``) beside people is their outlet
    and dropped; a statement naming only outlets is kept only when no later one names a person
    (``USA TODAY`` as the author of a page bylined "By Brian Truitt"). A page in another
    ``language`` than English (ISO 639-1) is read for bylines in the lead-ins of its own
    (``Von Anna Lehmann``) under the headline as well."""
    sites = {name.casefold() for name in site_names}
    fallback: tuple[str, ...] = ()
    other_languages = language not in (None, "en")
    for names in _statements(page, tags, headline, people, other_languages):
        persons = tuple(name for name in names if not _is_outlet(name, sites))
        if persons:
            return persons  # an outlet beside people is their affiliation
        fallback = fallback or names
        if any(parse_byline(f"By {name}") for name in names):
            break  # a site named for its writer ("Rick Steves") may be the writer
    return fallback or organisations


def _is_outlet(name: str, sites: set[str]) -> bool:
    """The page's site, a news agency or a publication, as ``parse_byline`` drops one after a
    person's name (``Business Insider`` on Business Insider, ``Reuters``, ``The Herald``)."""
    return name.casefold() in sites or is_agency(name) or is_organisation(name)


def _statements(
    page: PageView,
    tags: MetaTags,
    headline: lxml_html.HtmlElement | None,
    people: tuple[str, ...],
    other_languages: bool = False,
) -> Iterator[tuple[str, ...]]:
    """The authors each source names, most deliberate first; each read only when those
    before it name no one (or only an outlet). The byline under the headline is read once,
    whichever of them asks for it first."""
    by_line: Callable[[], tuple[str, ...]] = functools.cache(
        lambda: tuple(_by_line_near_headline(headline, other_languages=other_languages))
    )
    if people:
        yield _visible_over_stated(people, by_line())
    for key in (
        "author",
        "article:author",
        "byl",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
    ):
        names = [name for value in tags.all(key) for name in names_from_author_text(value)]
        if names:
            yield _visible_over_stated(dedupe(names), by_line())
            break
    sources: tuple[Callable[[], Iterator[str]], ...] = (
        lambda: _itemprop_authors(page),
        lambda: _rel_authors(page.links()),
        lambda: _author_page_links(page.links()),
        lambda: _byline_elements(page.root),
        lambda: iter(by_line()),
        lambda: _written_by_line(page),
    )
    for source in sources:
        names = list(source())
        if names:
            yield dedupe(names)


def _visible_over_stated(stated: tuple[str, ...], shown: tuple[str, ...]) -> tuple[str, ...]:
    """The byline a reader sees under the headline (``shown``), where it names other people than
    the page's structured data (a CMS account, the publisher, a name with a site suffix). A
    one-word name there is as likely the account's handle ("By annlee") and does not win."""
    visible = dedupe(shown)
    if not visible or all(len(name.split()) < 2 for name in visible):
        return stated
    if word_set(" ".join(visible)) <= word_set(" ".join(stated)):
        return stated
    return visible


def _itemprop_authors(page: PageView) -> Iterator[str]:
    for element in page.itemprop("author"):
        named = next(itemprop(element, "name"), None)
        source = named if named is not None else element
        text = source.get("content") or source.text_content()
        if len(text) <= _MAX_BYLINE_CHARS * 2:
            yield from names_from_author_text(text)


def _rel_authors(links: list[lxml_html.HtmlElement]) -> Iterator[str]:
    for link in links:
        if _is_rel_author(link):
            yield from names_from_author_text(link.text_content())


def _author_page_links(links: list[lxml_html.HtmlElement]) -> Iterator[str]:
    """The first link to an author's page that is labelled with the name in its address
    (``<a href="/author/ann-lee/">Ann Lee</a>``): CMSs link every byline so."""
    for link in links:
        # A cheap first cut; the path is then read properly (and in any case).
        href = link.get("href")
        if href is None or not (
            "/author" in href
            or "/writer" in href
            or "/contributor" in href
            or "/aut" in href  # "/autor/", "/auteur/"
        ):
            continue
        path = urlsplit(href).path.casefold().strip("/").split("/")
        for folder, slug in itertools.pairwise(path):
            if folder in _AUTHOR_FOLDERS:
                text = clean_value(link.text_content())
                if text and slug_words(text) == slug_words(slug):
                    yield from names_from_author_text(text)
                    return


def _byline_elements(root: lxml_html.HtmlElement) -> Iterator[str]:
    """The name in the first element whose class or id says author or byline.

    The element's text pieces are read separately (``<span>By</span><a>Ann Lee</a><time>``
    must not run together as "ByAnn LeeMay 3"): the first piece after a lead-in ("By",
    "Written by", "The Author") is the name, cut before a date, role or reading time. Author
    boxes at the foot of the page (bios, avatars) and comment authors are not bylines.
    """
    for element in root.iter(etree.Element):
        # Class, then id: most elements have neither, and a hint never spans the two.
        cls = element.get("class")
        if not (cls is not None and has_byline_hint(cls)):
            ident = element.get("id")
            if ident is None or not has_byline_hint(ident):
                continue
        if element.tag in ("script", "style", "meta"):
            continue
        hints = f"{cls or ''} {element.get('id', '')}"
        noise = _BYLINE_NOISE.search(hints)
        if noise and (not _AUTHOR_NAME_HINT.search(hints) or "comment" in hints.lower()):
            continue
        name = _byline_name(element)
        if name:
            names = names_from_author_text(name)
            if names:
                yield from names
                return


def _byline_name(element: lxml_html.HtmlElement) -> str | None:
    pieces = [text for piece in shown_texts(element) if (text := clean_value(piece))]
    credited_other = False
    for index, text in enumerate(pieces):
        if _OTHER_CREDIT.match(text):
            # "Updated by" + name, or "Reviewed by Jo Kim": neither piece names the writer.
            credited_other = not _OTHER_CREDIT.sub("", text).strip(" ,:|-")
            continue
        if credited_other:
            credited_other = False
            continue
        if (
            _LEAD_IN_PIECE.fullmatch(text)
            or _DATE_LABEL_PIECE.fullmatch(text)
            or OTHER_LEAD_IN_PIECE.fullmatch(text)
        ):
            continue
        if DATE_IN_LINE.fullmatch(text):
            continue  # <span>Updated</span> <span>January 8, 2026</span> before the name
        text = _AUTHOR_LEAD_IN.sub("", text).strip(" ,:|-")
        if not text:
            continue  # the piece was only "By"
        text = _plain_name(text)
        return None if text is None else _with_co_authors(text, pieces[index + 1 :])
    return None


def _plain_name(text: str) -> str | None:
    """The name a byline piece opens with, cut before a date, role or reading time."""
    text = _BYLINE_TAIL.split(text, maxsplit=1)[0]
    text = DATE_IN_LINE.split(text, maxsplit=1)[0].strip(" ,:|-·•")
    if 2 <= len(text) <= _MAX_BYLINE_CHARS and not any(c.isdigit() for c in text):
        return text
    return None


def _with_co_authors(name: str, rest: list[str]) -> str:
    """The name with the names each linked apart after it: ``<a>Ann Lee</a>, <a>Bo Chen</a>
    and <a>Cy Diaz</a>`` reads as "Ann Lee, Bo Chen and Cy Diaz".

    >>> _with_co_authors("Ann Lee", [",", "Bo Chen", "and", "Cy Diaz", "May 3, 2024"])
    'Ann Lee, Bo Chen and Cy Diaz'
    """
    for join, piece in zip(rest[::2], rest[1::2], strict=False):
        following = _plain_name(piece)
        if join.lower() not in _NAME_JOINS or following is None or following != piece:
            break
        name += f"{join} {following}" if join.startswith(",") else f" {join} {following}"
    return name


def _by_line_near_headline(
    headline: lxml_html.HtmlElement | None, *, other_languages: bool = False
) -> Iterator[str]:
    """A ``By Ann Lee`` line among the first lines after the ``<h1>``; with
    ``other_languages``, a ``Von Anna Lehmann`` line as well."""
    holds = has_any_lead_in_word if other_languages else has_lead_in_word
    for text in lines_after_headline(headline, holds):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            lead_in = _AUTHOR_LEAD_IN.match(line)
            if len(line) > _MAX_BYLINE_CHARS * 2:
                continue
            if lead_in is None:
                if not other_languages or strip_lead_in(line) == line:
                    continue  # no lead-in of another language either ("Von Anna Lehmann")
            elif not line[lead_in.end() :].strip(" ,:|-") and i + 1 < len(lines):
                line = f"{line} {lines[i + 1]}"  # <div>Written by</div><div>Ann Lee</div>
            names = parse_byline(_BYLINE_TAIL.split(line, maxsplit=1)[0])
            if names:
                yield from names
                return


def _written_by_line(page: PageView) -> Iterator[str]:
    """The names after the first "Written by" label anywhere in the body.

    A label that says who wrote the piece ("Written by", "Posted by", "Article by") is
    deliberate wherever the page puts it (a meta line, the foot of the article); the name
    follows in the same text or in the next one (``<p>Written by</p><p>Ann Lee</p>``), as it
    follows a heading that is only "Author" (then a full name). A bare "By" is left to the
    lines near the headline: far from it, it is as often a credit or prose.
    """
    waiting = full = False
    for text in page.texts():
        if waiting:
            rest, waiting = text, False
        else:
            label = _WRITTEN_BY.match(text) if len(text) <= _MAX_BYLINE_CHARS * 2 else None
            if label is None:
                waiting = full = _AUTHOR_LABEL.fullmatch(text) is not None
                continue
            full = False
            rest = text[label.end() :].strip(" ,:|-")
            if not rest:
                waiting = True
                continue
        rest = _BYLINE_TAIL.split(rest, maxsplit=1)[0]
        rest = DATE_IN_LINE.split(rest, maxsplit=1)[0].strip(" ,:|-·•")
        rest = _AT_TIME.sub("", rest)
        names = (
            parse_byline(f"By {rest}", mononyms=not full)
            if len(rest) <= _MAX_BYLINE_CHARS
            else None
        )
        if names:
            yield from names
            return


def _is_rel_author(element: lxml_html.HtmlElement) -> bool:
    return "author" in (element.get("rel") or "").lower().split()
