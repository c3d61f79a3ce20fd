"""What a scraped text states above its article, as scrapers, feed readers and "save as text"
tools write it: labelled fields (``Title: …``, ``URL: …``, ``Tags: a, b``), the article's
address alone on the first line, and the page's breadcrumb trail (``Home > World > Europe``).
Which field a line states, and its value. Pure standard library.

A line is a field only when its label is one of ``_LABELS`` (in several languages) and its
value has the field's shape: a ``URL:`` or ``Source:`` field is one URL and nothing else (so
``Source: Reuters`` is not an address), a title no longer than a headline, a tag list of
short tags. Authors and dates are read by ``bylines`` and ``dates``, which know ``Author:``
and ``Date:`` already.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "MAX_HEADER",
    "Fields",
    "breadcrumb",
    "field_of",
    "is_above_headline",
    "is_kicker",
    "is_prose",
    "is_standfirst",
    "is_url",
    "read_fields",
]

# fmt: off
# The labels of each field, case-folded, words apart by one space.
_FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "title", "headline", "titre", "titel", "título", "titolo", "tytuł", "titul", "başlık",
        "заголовок", "标题", "標題", "タイトル", "제목",
    ),
    "url": (
        "url", "link", "permalink", "canonical", "canonical url", "canonical link", "source",
        "source url", "source link", "original", "original url", "original link",
        "original article", "article url", "page url", "web address", "quelle", "fuente",
        "fonte", "fonte originale", "lien", "enlace", "ссылка", "источник", "原文", "原文链接",
        "原文連結", "链接", "網址", "网址", "出典", "출처",
    ),
    "site_name": (
        "site", "site name", "website", "publication", "publisher", "outlet", "newspaper",
    ),
    "description": (
        "description", "summary", "abstract", "teaser", "standfirst", "résumé",
        "zusammenfassung", "resumen", "摘要", "要約", "요약",
    ),
    "keywords": (
        "keywords", "key words", "tags", "schlagwörter", "schlagworte", "mots-clés", "mots clés",
        "etiquetas", "palabras clave", "теги", "ключевые слова", "关键词", "關鍵詞", "标签", "標籤",
        "タグ", "키워드", "태그",
    ),
    "section": (
        "section", "category", "rubrik", "rubrique", "sección", "sezione", "ressort", "рубрика",
        "栏目", "欄目", "分类", "分類", "カテゴリー", "カテゴリ",
    ),
}
# fmt: on
_LABELS = {label: name for name, labels in _FIELD_LABELS.items() for label in labels}
# A label, its colon (full-width too) and a value; a label is at most four words.
_FIELD_LINE = re.compile(r"([^\W\d_](?:[^\W\d_]|[ '.-]){0,30}?)\s*[:：]\s*(\S.*)")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_TRAIL_MARK = re.compile(r"[>›»/|]")
_ARROWS = re.compile(r"\s+[>›»]\s+")  # spaced: «quotes» and »Zitate« are not arrows
_SLASHES = re.compile(r"\s+[/|]\s+")
_HOME_WORDS = frozenset(
    ("home", "start", "startseite", "accueil", "inicio", "portada", "início", "главная", "首页",
     "首頁", "ホーム", "홈", "news", "homepage", "front page")
)  # fmt: skip
_MAX_STEP_WORDS = 5
_SENTENCE_MARKS = re.compile(r"[?!:;。？！：；]")
_KEYWORD_SPLIT = re.compile(r"\s*[,;，、；|]\s*")
# What a value may be, at most, for the field to be taken (a longer one is prose).
_MAX_VALUE = {"title": 250, "site_name": 100, "section": 100, "description": 1000}
_MAX_KEYWORDS = 50
_MAX_KEYWORD = 100
# A line longer than this, or a sentence of more words, is the body's.
_MAX_OPENING_LINE = 250
_MIN_SENTENCE_WORDS = 6
_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", ".”", '."', "।")
# A kicker (a section label or a flag above the headline) is this short at most.
_MAX_KICKER_WORDS = 4
_MAX_KICKER = 40
# A standfirst summarises the article in a sentence or two.
_MIN_STANDFIRST_WORDS = 7
_MAX_STANDFIRST_WORDS = 60
_MAX_STANDFIRST = 400
# A photo's caption or credit, which may stand between the headline and the byline too.
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image|picture|foto|bild|credit)s?(?: by)? ?:|©|\bgetty images\b"
    r"|/(?:reuters|ap|afp|epa|getty)\b",
    re.IGNORECASE,
)
# A header block of fields is read to this many lines, whatever the opening block's size.
MAX_HEADER = 30


def is_url(line: str) -> bool:
    """True for a line that is one URL and nothing else.

    >>> is_url("https://ex.com/a?b=1"), is_url("www.ex.com/a"), is_url("see https://ex.com")
    (True, True, False)
    """
    return _URL.fullmatch(line.strip()) is not None


def breadcrumb(line: str) -> tuple[str, ...] | None:
    """The steps of a breadcrumb trail (``Home > World > Europe``), or None.

    Steps are short and apart by ``>``, ``›``, ``»`` (or ``/`` and ``|`` after a first step
    that names the home page); a headline holds none of those arrows between words.

    >>> breadcrumb("Home > World > Europe"), breadcrumb("Accueil / Monde / Europe")
    (('Home', 'World', 'Europe'), ('Accueil', 'Monde', 'Europe'))
    >>> breadcrumb("Rock / Paper / Scissors") is None, breadcrumb("Rates > 5% again") is None
    (True, True)
    >>> breadcrumb("Why 1 > 0 > -1") is None, breadcrumb("Python > Java > Rust? A ranking") is None
    (True, True)
    """
    if _TRAIL_MARK.search(line) is None:
        return None  # most lines: one C scan, no split
    steps = _ARROWS.split(line.strip())
    if len(steps) < 2:
        home = _SLASHES.split(line.strip())
        if len(home) < 2 or home[0].casefold() not in _HOME_WORDS:
            return None
        steps = home
    if not all(map(_is_step, steps)) or any(
        len(step.split()) > _MAX_STEP_WORDS for step in steps[:-1]
    ):
        return None
    if len(steps) == 2 and steps[0].casefold() not in _HOME_WORDS:
        return None  # "Rates > 5% again": a comparison, not a trail
    return tuple(steps)


def _is_step(step: str) -> bool:
    """A step of a trail names a page: it starts with a capital (or a letter of a script
    without case) and holds no sentence punctuation (``If x > y``, ``Rust? A ranking``)."""
    return step[:1].isalpha() and not step[:1].islower() and _SENTENCE_MARKS.search(step) is None


def is_above_headline(line: str) -> bool:
    """A line a scraper saves above the headline: the page's address (alone or as a ``URL:``
    field) or its breadcrumb trail."""
    return is_url(line) or (field_of(line) or ("",))[0] == "url" or breadcrumb(line) is not None


# The kinds of piece a page labels above a headline, in English and the lead-ins' languages.
_KINDS_OF_PIECE = frozenset(
    (
        "opinion", "analysis", "exclusive", "breaking", "breaking news", "live", "comment",
        "commentary", "review", "explainer", "editorial", "obituary", "interview", "sponsored",
        "fact check", "op-ed", "perspective", "investigation", "meinung", "kommentar",
        "analyse", "exklusiv", "tribune", "éditorial", "décryptage", "opinión", "análisis",
        "exclusiva", "opinião", "análise", "exclusivo", "opinione", "analisi", "commento",
        "esclusiva", "opinie",
    )
)  # fmt: skip


def is_kicker(line: str) -> bool:
    """A label in capitals that a page sets above its headline: the section (``WORLD``,
    ``US POLITICS``) or a flag (``EXCLUSIVE:``, ``BREAKING NEWS``). At most four words, no
    sentence punctuation: a headline in capitals says more.

    >>> is_kicker("BREAKING NEWS"), is_kicker("EXCLUSIVE:"), is_kicker("World")
    (True, True, False)
    >>> is_kicker("WAR IS OVER, UN SAYS"), is_kicker("STOCKS FALL!")
    (False, False)

    A label of the kind of piece is one in any case (``Opinion``, ``Analysis:``, ``Meinung``):
    no headline is that word alone.

    >>> is_kicker("Opinion"), is_kicker("Fact check:"), is_kicker("Storms")
    (True, True, False)
    """
    label = line.strip().removesuffix(":").rstrip()
    if label.casefold() in _KINDS_OF_PIECE:
        return True
    return (
        0 < len(label) <= _MAX_KICKER
        and label.isupper()
        and len(label.split()) <= _MAX_KICKER_WORDS
        and "," not in label
        and _SENTENCE_MARKS.search(label) is None
        and not label.endswith(_SENTENCE_ENDS)
    )


def is_standfirst(line: str) -> bool:
    """A line shaped as a standfirst: a summary of a sentence or two (seven words at least,
    sixty at most), no field, no trail. Where it stands decides whether it is one.

    >>> is_standfirst("Negotiators failed to agree on terms, leaving thousands at risk.")
    True
    >>> is_standfirst("Photo: Jane Roe/Reuters"), is_standfirst("Share this article")
    (False, False)
    >>> is_standfirst("Negotiators leave the hall in Geneva on Monday. Jane Roe/Reuters")
    False
    """
    words = len(line.split())
    return (
        _MIN_STANDFIRST_WORDS <= words <= _MAX_STANDFIRST_WORDS
        and len(line) <= _MAX_STANDFIRST
        and field_of(line) is None
        and breadcrumb(line) is None
        and not is_url(line)
        and _CREDIT.search(line) is None
    )


def field_of(line: str) -> tuple[str, str] | None:
    """The field a line states and its value, or None.

    >>> field_of("URL: https://ex.com/a"), field_of("Tags: rain, wind")
    (('url', 'https://ex.com/a'), ('keywords', 'rain, wind'))
    >>> field_of("Source: Reuters") is None, field_of("Note: it rained") is None
    (True, True)
    """
    if ":" not in line and "：" not in line:
        return None
    found = _FIELD_LINE.fullmatch(line.strip())
    if found is None:
        return None
    name = _LABELS.get(" ".join(found.group(1).casefold().split()))
    value = found.group(2).strip()
    if name is None:
        return None
    if name == "url":
        return (name, value) if is_url(value) else None
    if name == "keywords":
        return (name, value) if _keywords(value) else None
    return (name, value) if len(value) <= _MAX_VALUE[name] else None


def _keywords(value: str) -> tuple[str, ...]:
    words = tuple(w for w in _KEYWORD_SPLIT.split(value) if w)
    if len(words) > _MAX_KEYWORDS or any(len(w) > _MAX_KEYWORD for w in words):
        return ()
    return words


def is_prose(line: str) -> bool:
    """A line of the body: long, or a sentence of some words (a headline, byline or date line
    has no full stop)."""
    return len(line) > _MAX_OPENING_LINE or (
        line.endswith(_SENTENCE_ENDS) and len(line.split()) > _MIN_SENTENCE_WORDS
    )


class Fields(NamedTuple):
    """What a text's labelled fields state (the first value of each field)."""

    title: str | None = None
    url: str | None = None
    site_name: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    section: str | None = None


def read_fields(lines: list[str], top: int) -> Fields:
    """The fields stated by ``lines`` (a text's non-blank opening lines, stripped): those of
    the header block of field lines the text starts with, whatever its length, and those
    among the first ``top`` lines; an address alone on the first line, or on the second below
    the page's title (as "save as text" tools write them), is the ``url``. A field
    stated twice keeps its first value. Reading stops at the body's first sentence: a
    ``Source: https://…`` line below it cites a source of the article's.

    >>> read_fields(["https://ex.com/a", "Rain at last", "By Ann Lee"], 8).url
    'https://ex.com/a'
    >>> read_fields(["Rain at last - Ex", "https://ex.com/a", "By Ann Lee"], 8).url
    'https://ex.com/a'
    >>> lines = ["Rain at last", "It rained all day on Monday, they said.", "Link: x.com"]
    >>> read_fields(lines, 8).url is None
    True
    >>> fields = read_fields(["Title: Rain at last", "Tags: rain; weather", "It rained."], 8)
    >>> fields.title, fields.keywords
    ('Rain at last', ('rain', 'weather'))
    """
    found: dict[str, str] = {}
    header = True
    for i, line in enumerate(lines[:MAX_HEADER]):
        pair = field_of(line)
        if pair is None:
            if i <= 1 and is_url(line):  # above or below the first line, the title
                pair = ("url", line)
            elif (steps := breadcrumb(line)) is not None and len(steps) > 1:
                # The trail's last step may be the article itself: its section is the one
                # before, unless that is the home page.
                last = steps[-1] if len(steps[-1].split()) <= _MAX_STEP_WORDS else steps[-2]
                pair = None if last.casefold() in _HOME_WORDS else ("section", last)
            elif is_prose(line):
                break  # the body has begun: a field line further down is the article's
            else:
                header = False
        if pair is not None and (header or i < top):
            found.setdefault(*pair)
        if not header and i + 1 >= top:
            break
    return Fields(
        found.get("title"),
        found.get("url"),
        found.get("site_name"),
        found.get("description"),
        _keywords(found["keywords"]) if "keywords" in found else (),
        found.get("section"),
    )
