"""A site's name printed after a headline (``Storm hits coast | The Herald``): one splitter
for the headline rule, metadata from text and metadata from HTML.

A suffix is cut as a site name only on evidence: a name the caller knows (configured,
learned from the run, the byline's ``| Site``, the page's ``og:site_name``), or, when the
caller asks for a guess, a short title-case name. A multi-part suffix
(``| Daily News | Your Local Source``) goes whole from the first part that is the site.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

__all__ = [
    "SEPARATORS",
    "headline_suffixes",
    "name_key",
    "name_like",
    "site_like",
    "split_site_name",
    "suffixes",
]

# " - Site", " | Site", " – Site", " — Site", " :: Site", " · Site", " • Site", " » Site"
SEPARATORS = ("|", "-", "–", "—", "::", "·", "•", "»")
# Anchored at the start of a run of blanks and possessive: a long run of spaces is tried once.
_SEPARATOR = re.compile(r"(?<![ \t])[ \t]++(?:[-|–—·•»]|::)[ \t]+")
_SITE_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "on", "in", "at", "de", "la", "le", "el", "les", "du", "des"}
    | {"der", "die", "das", "y", "&", "+"}
)
_MAX_PARTS = 8  # separators looked at from the end; headlines have a few at most
_NOT_KEY = re.compile(r"[\W_]+")
# A full-width bar or colon sets off a site in CJK titles, with or without spaces
# ("東京で大雨｜毎日新聞", "東京で大雨：毎日新聞"), and a slash or an opening guillemet between
# spaces elsewhere ("Дожди / Лента.ру", WordPress's "Rain « Daily Drip"); each is cut only
# where a known name stands after (or before) it: they are also a headline's own marks.
_WIDE_SEPARATOR = re.compile(r"(?<![ \t])(?:[ \t]*+[｜：][ \t]*|[ \t]++[/«][ \t]+)")
_WIDE_MARKS = ("｜", "：", " / ", " « ")
# Separators that also set off a section before the site ("Rain | World news | The Herald"),
# where the same one stands twice; dashes and colons join a headline's own parts as often.
_SECTION_BARS = frozenset(("|", "｜", "·", "•", "/", "::", "»"))
_MAX_SECTION_WORDS = 3
_MAX_SECTION = 30  # characters
_SECTION_END = re.compile(r"[.!?:;,0-9]")
# The ending of a name spelled as its domain ("DailyDrip.com", "Example.co.uk").
_DOMAIN_ENDING = re.compile(r"(?:\.[a-z]{2,3})?\.[a-z]{2,6}$")


def name_key(name: str) -> str:
    """A site name compared without case, spaces, punctuation or a leading "The".

    >>> name_key("The Coastal Herald"), name_key("CSMonitor.com")
    ('coastalherald', 'csmonitorcom')
    """
    folded = name.casefold().strip()
    folded = folded.removeprefix("the ") if folded.startswith("the ") else folded
    return _NOT_KEY.sub("", folded)


def _keys(name: str) -> set[str]:
    """The name's key, and the key without a domain ending when it is spelled as a domain:
    ``DailyDrip.com`` is the site ``Daily Drip``.

    >>> sorted(_keys("DailyDrip.com")), _keys("Daily Drip"), _keys("St. Louis Today")
    (['dailydrip', 'dailydripcom'], {'dailydrip'}, {'stlouistoday'})
    """
    key = name_key(name)
    folded = name.strip().casefold()
    if " " in folded or not (bare := _DOMAIN_ENDING.sub("", folded)) or bare == folded:
        return {key}
    return {key, name_key(bare.removeprefix("www."))}


@functools.lru_cache(maxsize=64)
def _known(names: tuple[str, ...]) -> tuple[frozenset[str], _Short]:
    """The keys of the known names and their short forms (a page asks with the same names
    for each of its titles)."""
    keys = frozenset(key for name in names for key in _keys(name)) - {""}
    return keys, _Short(names, keys)


class _Short:
    """The short forms of known names of three words or more: their initials in capitals
    (``WFA`` for ``World Future Awards``, ``NYT`` for ``The New York Times``) and the name
    without its last word (``Thrive Internet Marketing`` for ``… Marketing Agency``).

    >>> short = _Short(["The New York Times", "Thrive Internet Marketing Agency"], set())
    >>> short.names("NYT"), short.names("Thrive Internet Marketing"), short.names("Nyt")
    (True, True, False)
    """

    __slots__ = ("_initials", "_shorter")

    def __init__(self, names: Iterable[str], keys: frozenset[str]) -> None:
        self._initials: set[str] = set()
        self._shorter: set[str] = set()
        for name in names:
            words = [w for w in name.split() if w.casefold() not in _SITE_CONNECTORS]
            if len(words) >= 3 and all(w[:1].isalpha() for w in words):
                self._initials.add("".join(w[0] for w in words).casefold())
                self._shorter.add(name_key(name.rsplit(None, 1)[0]))
        self._shorter -= keys

    def names(self, part: str) -> bool:
        if not (self._initials or self._shorter):
            return False
        key = name_key(part)
        return key in self._shorter or (key in self._initials and part.strip().isupper())


def site_like(suffix: str) -> bool:
    """True for a short name such as ``The Coastal Herald`` or ``CSMonitor.com``.

    >>> site_like("The Coastal Herald"), site_like("and then the rain came down on us all")
    (True, False)
    """
    words = suffix.split()
    if not 0 < len(words) <= 6 or len(suffix) > 60 or suffix.rstrip()[-1:] in ".!?:;,":
        return False
    return all(
        w[0].isupper() or w[0].isdigit() or "." in w or w.casefold() in _SITE_CONNECTORS
        for w in words
    )


def suffixes(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each separator in ``line``, from the first to the last.

    >>> suffixes("A - B | C")
    [(1, 4), (5, 8)]
    """
    found = [(m.start(), m.end()) for m in _SEPARATOR.finditer(line) if m.start() > 0]
    return found[-_MAX_PARTS:]


# Separators a title sets a site off with that the copy below a headline confirms: a spaced
# slash, a full-width bar or colon with or without spaces ("北京暴雨：新华网"), a dash set
# off by ideographic spaces or a full-width hyphen or bar ("大雨　－　毎日新聞"), and a
# hyphen or underscore between two CJK characters ("北京暴雨_新华网"; CJK sets no spaces).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_HEADLINE_SEPARATOR = re.compile(
    r"(?<![ \t\u3000])(?:[ \t\u3000]*+[｜：][ \t\u3000]*|[ \t\u3000]++[-－―–—|·•»/][ \t\u3000]+)"
    rf"|(?<=[{_CJK}])[-_](?=[{_CJK}])"
)
# What ends or splits a sentence in scripts without capitals: a site's name holds none.
_CLAUSE_MARKS = frozenset("。！？，、；：.!?,;:…")
_MAX_CASELESS_NAME = 24  # characters: "朝日新聞デジタル", "الجزيرة نت", "ไทยรัฐออนไลน์"


def headline_suffixes(line: str) -> list[tuple[int, int]]:
    """Like ``suffixes``, with the separators that only a headline's copy below confirms.

    >>> headline_suffixes("北京暴雨：新华网"), headline_suffixes("Storm / The Daily - X")
    ([(4, 5)], [(5, 8), (17, 20)])
    >>> headline_suffixes("北京暴雨_新华网"), headline_suffixes("COVID-19 in Tokyo")
    ([(4, 5)], [])
    """
    found = suffixes(line)
    # Asked of every top line: the pattern runs only where one of its separators may be.
    marked = any(mark in line for mark in ("｜", "：", " /", "\t/", "\u3000", "－", "―"))
    if marked or (("-" in line or "_" in line) and _CJK_CHAR.search(line) is not None):
        wide = [(m.start(), m.end()) for m in _HEADLINE_SEPARATOR.finditer(line) if m.start()]
        found = sorted(set(found + wide))[-_MAX_PARTS:]
    return found


def name_like(suffix: str) -> bool:
    """``site_like``, or a short name in a script without capitals ("新华网", "الجزيرة نت",
    "ไทยรัฐ"): a site's name, where a headline's copy without it stands below.

    >>> name_like("新华网"), name_like("朝日新聞デジタル"), name_like("交通受阻，多人被困")
    (True, True, False)
    """
    if site_like(suffix):
        return True
    words = suffix.split()
    return (
        0 < len(words) <= 4
        and len(suffix.strip()) <= _MAX_CASELESS_NAME
        and _CLAUSE_MARKS.isdisjoint(suffix)
        and all(w[0].isdigit() or (w[0].isalpha() and not w[0].isupper() and not w[0].islower())
                or w[0].isupper() for w in words)
    )  # fmt: skip


def split_site_name(
    line: str, known: Iterable[str] = (), *, guess: bool = False
) -> tuple[str, str | None]:
    """Split a site name off a headline: ``(headline, site)``, or ``(line, None)``.

    ``known`` names are cut wherever they stand after the headline, with anything after
    them (a tagline); a name before the headline (``Site | Headline``) goes too. With
    ``guess`` and no known name, a short title-case last part is taken for the site.

    >>> split_site_name("Storm hits coast - The Coastal Herald", guess=True)
    ('Storm hits coast', 'The Coastal Herald')
    >>> split_site_name("Storm | Daily News | Your Local Source", ["Daily News"])
    ('Storm', 'Daily News')
    >>> split_site_name("Storm - DailyNews.com", ["Daily News"])
    ('Storm', 'DailyNews.com')
    >>> split_site_name("嵐｜毎日", ["毎日"])
    ('嵐', '毎日')
    >>> split_site_name("Content Depth — Write Comprehensively About Your Core Topics")
    ('Content Depth — Write Comprehensively About Your Core Topics', None)
    """
    keys, short = _known(tuple(known))
    cuts = suffixes(line)
    if keys and any(mark in line for mark in _WIDE_MARKS):
        wide = [(m.start(), m.end()) for m in _WIDE_SEPARATOR.finditer(line) if m.start() > 0]
        cuts = sorted(cuts + wide)[-_MAX_PARTS:]
    if not cuts:
        return line, None
    if keys:
        ends = [end for _, end in cuts]
        starts = [start for start, _ in cuts]
        for k, end in enumerate(ends):
            # The earliest part that is the site, or the whole tail from there.
            part = line[end : starts[k + 1]] if k + 1 < len(cuts) else line[end:]
            if keys & _keys(part) or short.names(part):
                return _without_section(line, cuts, k), part.strip()
            if keys & _keys(line[end:]):
                return _without_section(line, cuts, k), line[end:].strip()
        lead = line[: starts[0]]
        if (keys & _keys(lead) or short.names(lead)) and line[ends[0] :].strip():
            return _after_section(line, cuts), lead.strip()
        return line, None
    if not guess:
        return line, None
    suffix = line[cuts[-1][1] :].strip()
    if not site_like(suffix):
        return line, None
    return _without_section(line, cuts, len(cuts) - 1), suffix


def _after_section(line: str, cuts: list[tuple[int, int]]) -> str:
    """The headline after the site that opens ``line`` and the section set off after it by
    the same bar (``The Herald | World | Storm hits the coast``), as ``_without_section``.

    >>> line = "The Herald | World news | Storm hits the coast"
    >>> _after_section(line, suffixes(line))
    'Storm hits the coast'
    >>> line = "The Herald | Review | Oppenheimer"
    >>> _after_section(line, suffixes(line))
    'Review | Oppenheimer'
    """
    # The same test as at the end, read from the other end.
    flipped = line[::-1]
    mirrored = [(len(line) - end, len(line) - start) for start, end in reversed(cuts)]
    return _without_section(flipped, mirrored, len(mirrored) - 1)[::-1].strip()


def _without_section(line: str, cuts: list[tuple[int, int]], k: int) -> str:
    """The headline before the site that ``cuts[k]`` sets off, without the sections set off
    before it by the same bar (``Rain | World news | The Herald``): a part of a few words
    with no sentence in it, at most half as long as the headline left.

    >>> cuts = suffixes("Storm hits the coast | World news | The Herald")
    >>> _without_section("Storm hits the coast | World news | The Herald", cuts, 1)
    'Storm hits the coast'
    >>> line = "Review | Oppenheimer | The Herald"
    >>> _without_section(line, suffixes(line), 1)
    'Review | Oppenheimer'
    """
    start = cuts[k][0]
    bar = line[cuts[k][0] : cuts[k][1]].strip()
    while k > 0 and bar in _SECTION_BARS:
        before, after = cuts[k - 1]
        section = line[after:start].strip()
        head = line[:before].strip()
        if (
            line[before:after].strip() != bar
            or len(section.split()) > _MAX_SECTION_WORDS
            or len(section) > _MAX_SECTION
            or _SECTION_END.search(section)
            or len(head) < 2 * len(section)
        ):
            break
        k, start = k - 1, before
    return line[:start].rstrip()
