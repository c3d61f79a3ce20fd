"""The headline printed twice at the top of a scraped article, kept once."""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrubwarc.clean.lines import LIST_MARK, drop_lines
from scrubwarc.clean.model import CleanOptions, RuleOutput
from scrubwarc.clean.sitename import headline_suffixes, name_key, name_like, site_like

__all__ = ["copy_site_name", "drop_duplicate_headline", "same_headline"]

_MAX_HEADLINE = 400  # characters; a longer first line is a paragraph, not a headline
_WORD = re.compile(r"\w+")


def _norm(line: str) -> str:
    """Compare headlines by their words alone: case, punctuation and spacing do not count."""
    return " ".join(_WORD.findall(line.casefold()))


def same_headline(a: str, b: str, known: frozenset[str] = frozenset()) -> bool:
    """True if two lines are the same headline, up to case, punctuation and a site's name
    (``known`` names are sites wherever they stand).

    >>> same_headline("Storm Hits Coast", "STORM HITS COAST | Herald")
    True
    >>> same_headline("Storm hits coast", "Storm hits coast, and thousands flee inland.")
    False
    >>> same_headline("Peace talks - Live", "Peace talks - Analysis")
    False
    >>> same_headline("Storm hits | World | The Herald", "Storm hits")
    True
    >>> same_headline("北京暴雨致多处积水 - 新华网", "北京暴雨致多处积水")
    True
    >>> same_headline("BBC News - Storm Hits Coast", "Storm Hits Coast")
    True
    >>> same_headline("東京で大雨 - 朝日新聞", "東京で大雨", frozenset({"朝日新聞"}))
    True
    """
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    (heads_a, site_a), (heads_b, site_b) = _heads(a, na), _heads(b, nb)
    if site_a is not None and site_b is not None and name_key(site_a) != name_key(site_b):
        return False  # one page names one site: different suffixes are different lines
    if not heads_a.isdisjoint(heads_b):
        return True
    # A part of one equal to the other: the shorter's words stand in the longer's.
    if nb in na:
        return _site_beside(a, nb, known) is not None
    return na in nb and _site_beside(b, na, known) is not None


def _site_beside(line: str, copy: str, known: frozenset[str] = frozenset()) -> str | None:
    """The site's name that ``line`` sets off beside a part equal to ``copy`` (compared by
    words): a known name on either side, or a name before the copy and shorter than it.

    The copy is the evidence that its part is the headline where ``_heads`` read the ends
    the other way (a title-case headline after the site, ``BBC News - Storm Hits Coast``);
    a longer part beside it stays the headline (``Storm Hits Coast | The Herald`` over a
    line ``The Herald``: the site's name, printed under the title). A caseless site longer
    than the headline (``東京で大雨 - 朝日新聞デジタル``) looks the same as a headline after
    its site's name printed under it (``新华网 - 北京暴雨`` over ``新华网``): only a known
    name tells them apart.

    >>> _site_beside("BBC News - Storm Hits Coast", "storm hits coast")
    'BBC News'
    >>> _site_beside("東京で大雨 - 朝日新聞デジタル", "東京で大雨") is None
    True
    >>> _site_beside("東京で大雨 - 朝日新聞デジタル", "東京で大雨", frozenset({"朝日新聞デジタル"}))
    '朝日新聞デジタル'
    """
    keys = {name_key(name) for name in known}
    for start, end in headline_suffixes(line):
        head, rest = line[:start].strip(), line[end:].strip()
        if _norm(head) == copy and name_key(rest) in keys:
            return rest
        if (
            _norm(rest) == copy
            and name_like(head)
            and (len(head) < len(rest) or name_key(head) in keys)
        ):
            return head
    return None


def _heads(line: str, norm: str) -> tuple[set[str], str | None]:
    """What ``line`` says before each suffix of site-like parts (``| World | Herald``),
    or after a site-like first part, compared by their words, with the line itself
    (``norm``); and the site: its last part if that is site-like, else its first.

    >>> heads, site = _heads("Storm | World | The Herald", "storm world the herald")
    >>> sorted(heads), site
    (['storm', 'storm world', 'storm world the herald'], 'The Herald')
    >>> heads, site = _heads("新华网 - 北京暴雨致多处积水", "")
    >>> sorted(heads), site
    (['', '北京暴雨致多处积水'], '新华网')
    """
    heads, site, end = {norm}, None, len(line)
    cuts = headline_suffixes(line)
    for start, part in reversed(cuts):
        name = line[part:end].strip()
        if not name_like(name) or (not site_like(name) and len(name) >= start):
            break  # in a script without capitals the site is the shorter end
        site = site if site is not None else name
        heads.add(_norm(line[:start]))
        end = start
    if cuts and site is None:
        # "The Herald | Storm hits coast": a site before the headline, shorter than it (so
        # "Storm Hits Coast | The Herald" never reads as the site "Storm Hits Coast").
        lead, rest = line[: cuts[0][0]].strip(), line[cuts[0][1] :].strip()
        if name_like(lead) and len(rest) > len(lead):
            heads.add(_norm(rest))
            site = lead
    return heads, site


def drop_duplicate_headline(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Keep one copy of a headline repeated at the top, preferring one without a site suffix,
    then one not in capitals (a style; the other copy keeps the words' own case).

    Only consecutive copies at the very top count; a sentence repeated in the body stays.
    A copy that opens the block below it (no blank line between them, where the first copy
    stands apart) is that block's first line: a poem titled by its first line, a headline
    with the byline right under it. Of the copies, the one with the least residue stays, the
    block's own line when they tie, so the block is never cut.

    >>> drop_duplicate_headline("Storm hits\\n\\nStorm hits - Herald\\n\\nBody.\\n")[0]
    'Storm hits\\n\\nBody.\\n'
    >>> drop_duplicate_headline("STORM HITS\\n\\nStorm hits\\n\\nBody.\\n")[0]
    'Storm hits\\n\\nBody.\\n'
    >>> drop_duplicate_headline("Rain\\n\\nRain\\nfalls on the roof\\n")[0]
    'Rain\\nfalls on the roof\\n'
    >>> drop_duplicate_headline("Rain - Herald\\n\\nRain\\nBy Ann Lee\\n")[0]
    'Rain\\nBy Ann Lee\\n'
    >>> drop_duplicate_headline("Rain\\n\\nRain - Herald\\nBy Ann Lee\\n")[0]
    'Rain\\n\\nBy Ann Lee\\n'
    >>> drop_duplicate_headline("Rain\\nRain –\\nfalls on the roof\\n")[0]
    'Rain –\\nfalls on the roof\\n'
    >>> drop_duplicate_headline("Heavy rain\\n\\nUK\\n\\nHeavy rain\\n\\nBody.\\n")[0]
    'UK\\n\\nHeavy rain\\n\\nBody.\\n'
    """
    # However many copies a scraper printed, they all go in one pass (idempotence).
    known = options.site_names if options is not None else frozenset()
    top = _non_blank_lines(text)
    first = next(top, None)
    if first is None or len(first[1]) > _MAX_HEADLINE or LIST_MARK.match(first[1]):
        return text, ()
    group = [first]
    opener: tuple[int, str] | None = None  # a copy that opens the block below it
    apart = 0  # how far the first copy stands from the next line (1: no blank line between)
    last = first[0]  # the line before the next one: a copy, or the kicker
    kicker = False
    for index, line in top:
        gap, last = index - last, index
        copy = _copy(first[1], line, known)
        if len(group) > 1 and (gap < apart or (gap == apart == 1 and not copy)):
            # In text without blank lines the last copy runs straight into the next line
            # too: it is that line's block as much as any copy is, so it wins a tie.
            opener = group.pop()
            break
        apart = apart or gap
        if not copy and not kicker and len(group) == 1 and gap > 1 and _kicker(first[1], line):
            # "Storm hits coast", "WEATHER", "Storm hits coast": the page's title stands apart
            kicker = True
            continue
        if not copy:
            break
        group.append((index, line))
    if kicker:
        group = group[1:] + group[:1]  # the copy under the kicker wins a tie: the page's order
    if opener is not None:
        group.insert(0, opener)  # first: it wins a tie, and its block stays whole
    if len(group) == 1:
        return text, ()  # no copy: nothing to weigh
    keep = _least_residue(group)
    return drop_lines(text, (i for i, _ in group if i != keep[0]), "headline")


def _copy(first: str, line: str, known: frozenset[str] = frozenset()) -> bool:
    """True if ``line`` is a copy of the first line: the same headline, and not a list's
    item (``- Politics`` under a heading ``Politics`` is the list's; a list's items repeat).
    """
    return LIST_MARK.match(line) is None and same_headline(first, line, known)


_KICKER_WORDS = 4  # a section label over a headline is a word or a few
_MAX_KICKER = 60  # characters, blanks around it included
_SENTENCE_END = tuple(".!?。！？…")


def _kicker(headline: str, line: str) -> bool:
    """True if ``line`` may be a section label printed between a headline's two copies
    (``WEATHER``): a few words, not in lower case, no sentence, at most half the headline's
    length, so a list of section names (``Politics``, ``Sports``, ``Politics``) is never
    one; and the headline is no sentence either (a refrain around a short line stays).

    >>> _kicker("Storm hits coast", "WEATHER"), _kicker("Politics", "Sports")
    (True, False)
    >>> _kicker("I love you.", "Oh"), _kicker("Let it be", "whisper")
    (False, False)
    """
    if len(line) > _MAX_KICKER:
        return False  # most lines here are the body's first paragraph: not read further
    words = _norm(line)
    return (
        LIST_MARK.match(line) is None
        and 0 < len(line.split()) <= _KICKER_WORDS
        and not line.lstrip()[0].islower()
        and not line.rstrip().endswith(_SENTENCE_END)
        and not headline.rstrip().endswith(_SENTENCE_END)
        and 0 < 2 * len(words) <= len(_norm(headline))
    )


def _least_residue(group: list[tuple[int, str]]) -> tuple[int, str]:
    """The copy to keep: the first without a site suffix (residue) and not in capitals (a
    style that lost the words' own case), else the first without a suffix, else the first.

    >>> _least_residue([(0, "STORM HITS"), (2, "Storm hits - Herald"), (4, "Storm hits")])
    (4, 'Storm hits')
    """
    best, keep = (True, True), group[0]
    for copy in group:
        caps = copy[1].isupper()
        if (False, caps) >= best:
            continue  # no better than the copy kept so far, whatever its suffix
        found = (_suffixed(copy[1]), caps)
        if found < best:
            best, keep = found, copy
        if best == (False, False):
            break
    return keep


def copy_site_name(
    line: str, headline: str | None = None, known: frozenset[str] = frozenset()
) -> str | None:
    """The site's name a copy of the headline ends with (or opens with), on this rule's
    evidence: beside the part equal to ``headline`` (the copy kept), if given.

    >>> copy_site_name("北京暴雨致多处积水 - 新华网"), copy_site_name("Storm hits coast")
    ('新华网', None)
    >>> copy_site_name("BBC News - Storm Hits Coast", "Storm Hits Coast")
    'BBC News'
    """
    if headline is not None and (site := _site_beside(line, _norm(headline), known)):
        return site
    return _heads(line, "")[1]


def _suffixed(line: str) -> bool:
    """True if a site's name follows the headline (``Storm hits - The Herald``)."""
    return copy_site_name(line) is not None


def _non_blank_lines(text: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines with their indices in ``text.split("\\n")``, found lazily.

    The check reads the first two or three lines; splitting a long article costs more.
    """
    start = index = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.strip():
            yield index, line
        if end == -1:
            return
        start, index = end + 1, index + 1
