"""Cross-link lines (``RELATED – …``, ``Read more: …``) that point away from the article."""

from __future__ import annotations

import re
from functools import cache

from scrubwarc.clean.lines import LIST_MARK, drop_lines
from scrubwarc.clean.model import CleanOptions, RuleOutput

__all__ = ["DEFAULT_PREFIXES", "drop_cross_links", "split_cross_link"]

DEFAULT_PREFIXES: tuple[str, ...] = (
    "related", "related articles", "related article", "related stories", "related story",
    "related coverage", "related content", "related links", "related link", "related reading",
    "related video", "related news", "read more", "read also", "also read", "read next",
    "see also", "more", "more from", "more on this", "more on this story", "further reading",
    "recommended", "recommended reading", "you may also like", "you might also like",
    "don't miss", "don’t miss", "must read", "editor's picks", "editor’s picks",
    "continue reading", "click here",
    # The same labels as pages in other languages print them.
    "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lesen sie auch",
    "mehr zum thema", "leer más", "lea también", "lee también", "ver también",
    "leia também", "leia mais", "veja também", "leggi anche", "lees ook", "czytaj też",
    "czytaj także", "zobacz też", "zobacz także", "читайте также", "читайте також",
    "смотрите также", "另请阅读", "延伸阅读", "相关阅读", "関連記事", "관련기사",
)  # fmt: skip
# Written in capitals these labels need no separator ("RELATED Five reasons ..."); "MORE"
# is not among them because a caps sentence may start with it.
_CAPS_LABELS = ("RELATED", "READ MORE", "READ ALSO", "ALSO READ", "SEE ALSO")
_MAX_LINE = 300  # a cross-link is a title; a longer line is prose
_MAX_TITLE_WORDS = 25
# A sentence ends with these (or trails off); a headline does not.
_SENTENCE_ENDINGS = (".", "…", ",", ";", ":", "。", "．", "،", "؛", "।", "۔")
_BULLET = r"(?:[►▶»>•*·-][ \t]*)?"
# A colon, or a dash, bar or arrow set off by spaces: "More-than-expected" is not a label.
_SEPARATOR = r"(?:[ \t]*[:：]|[ \t]+[–—|»>-]{1,3}+)[ \t]*"
# A cross-link line may stand in brackets: "[Read more: …]", "(READ MORE: …)".
_BRACKETS = {"[": "]", "(": ")"}
# Markdown emphasis around the label or the whole line: "**Related:** …", "__Read more:__ …".
_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(?=[^\s*_])")


def _labels(extra: tuple[str, ...]) -> list[str]:
    """The labels, case-folded, longest first (so that the longest label wins)."""
    return sorted({p.casefold() for p in (*DEFAULT_PREFIXES, *extra)}, key=len, reverse=True)


def _label_regex(label: str) -> str:
    return re.escape(label).replace(r"\ ", r"[ \t]+")


_CAPS = "|".join(map(_label_regex, _CAPS_LABELS))


@cache
def _pattern(extra: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(map(_label_regex, _labels(extra)))
    # The labels appear once: a label, then either a separator and a title or nothing
    # more. (Compiling the alternation is most of this pattern's cost, paid by every
    # hook run; and "RELATED ARTICLES" is a bare label, not a link titled "ARTICLES".)
    return re.compile(
        rf"[ \t]*{_BULLET}(?:(?i:(?:{alternation}))(?:{_SEPARATOR}(?P<a>.*)|[ \t]*[:：»>]?)"
        rf"|(?:{_CAPS})[ \t]+(?P<b>\S.*))"
    )


@cache
def _line_openings(extra: tuple[str, ...]) -> re.Pattern[str]:
    """A line break followed by how every cross-link line begins (``_pattern`` up to its
    label).

    A line that does not begin so is never a cross-link, and most lines do not: one search
    (for a literal first, which ``re`` finds by a fast scan) replaces splitting the text and
    matching every line. The labels are grouped by their first letter, so a line is tried
    against a few groups, not every label (a third of the time); the capitalised labels
    are among them, in any case.
    """
    groups: dict[str, list[str]] = {}
    for label in _labels((*extra, *_CAPS_LABELS)):
        groups.setdefault(label[:1], []).append(_label_regex(label[1:]))
    alternation = "|".join(f"{_label_regex(k)}(?:{'|'.join(v)})" for k, v in groups.items())
    return re.compile(rf"\n(?=[ \t]*{_BULLET}[\[(]?[*_]{{0,3}}(?i:{alternation}))")


def split_cross_link(line: str, options: CleanOptions | None = None) -> str | None:
    """The link title of a cross-link line (``""`` for a bare label), or None for prose.

    >>> split_cross_link("RELATED – Five reasons Syria may be at a tipping point")
    'Five reasons Syria may be at a tipping point'
    >>> split_cross_link("Related to the budget, the minister said little.") is None
    True
    >>> split_cross_link("Read more: the council's full report is due in May.") is None
    True
    >>> split_cross_link("[Lire aussi : Pourquoi la Seine monte]")
    'Pourquoi la Seine monte'
    >>> split_cross_link("**Related:** Why the river rose")
    'Why the river rose'
    """
    if len(line) > _MAX_LINE:
        return None
    extra = options.extra_boilerplate_prefixes if options else ()
    line = line.rstrip()
    opener = line.lstrip(" \t")[:1]
    bracketed = opener in _BRACKETS and line.endswith(_BRACKETS[opener])
    if bracketed:
        line = line.lstrip(" \t")[1:-1]
    line = _unemphasized(line)
    m = _pattern(tuple(extra)).fullmatch(line)
    if m is None:
        return None
    title = (m.group("a") or m.group("b") or "").strip()
    if not title:  # a bare label; in brackets it is a note ("(MORE)" in a script)
        return "" if _label_shaped(line) and not bracketed else None
    return title if _headline_shaped(title) else None


def _unemphasized(line: str) -> str:
    """The line without the Markdown emphasis that opens it and its closing mark, so a bold
    label is read as the plain one; a mark that nothing closes is left as it is.

    >>> _unemphasized("__Read more:__ Five reasons"), _unemphasized("**Related: Why it rose**")
    ('Read more: Five reasons', 'Related: Why it rose')
    >>> _unemphasized("*Related to the budget")
    '*Related to the budget'
    """
    indent = len(line) - len(line.lstrip(" \t"))
    m = _EMPHASIS.match(line, indent)
    if m is None:
        return line
    close = line.find(m.group(1), m.end())
    if close < 0:
        return line
    return line[:indent] + line[m.end() : close] + line[close + len(m.group(1)) :]


def _label_shaped(line: str) -> bool:
    """True for a bare label as a page shows it: capitalised, several words (``read more``),
    or marked with ":", "»", ">".

    A lone lower-case word (``more``, ``related``) is a line of verse or code.

    >>> _label_shaped("More"), _label_shaped("read more"), _label_shaped("    more")
    (True, True, False)
    """
    label = line.strip()
    words = [word for word in label.split() if any(ch.isalpha() for ch in word)]
    return len(words) > 1 or not words[0].islower() or label.endswith((":", "：", "»", ">"))


def _headline_shaped(title: str) -> bool:
    """True for a link title: words (not a number alone), short, no sentence ending, not
    opening in lower case.

    >>> _headline_shaped("Why the river rose"), _headline_shaped("the council's report…")
    (True, False)
    >>> _headline_shaped("10 ways to save"), _headline_shaped("5"), _headline_shaped("§ 12(3)")
    (True, False, False)
    """
    if len(title.split()) > _MAX_TITLE_WORDS or title.endswith(_SENTENCE_ENDINGS):
        return False
    first = next((ch for ch in title if ch.isalnum()), "")
    return not first.islower() and any(ch.isalpha() for ch in title)


def drop_cross_links(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Remove cross-link lines from the body; metadata records them as related links.

    A bare label (``More``) inside a stanza, between two other lines, is verse and stays.

    >>> drop_cross_links("Body one.\\n\\nRead more: Why it matters\\n\\nBody two.\\n")[0]
    'Body one.\\n\\nBody two.\\n'
    """
    extra = tuple(options.extra_boilerplate_prefixes) if options else ()
    openings = _line_openings(extra)
    # Only lines that a label opens are read (the first as if a line break came before it;
    # a longer line is prose), so a text without one never compiles the whole pattern.
    starts = [0] if openings.match("\n" + text[:_MAX_LINE]) else []
    starts += [m.end() for m in openings.finditer(text)]
    doomed: list[int] = []
    line = counted = 0  # line is the index of the line that starts at offset counted
    for start in starts:
        line += text.count("\n", counted, start)
        counted = start
        end = text.find("\n", start)
        title = split_cross_link(text[start:] if end < 0 else text[start:end], options)
        if title is not None and (title or not _inside_block(text, start, end)):
            doomed.append(line)
    return drop_lines(text, doomed, "boilerplate")


def _inside_block(text: str, start: int, end: int) -> bool:
    """True if the line at ``text[start:end]`` has non-blank lines right above and below it,
    or is an item of a list: marked as a list's item, and so is the line above or below it.

    A bare label heads the links below it or ends a teaser; a stanza's line ``More`` or
    ``Related`` stands between other lines of its stanza, a list's item ``- More`` (a menu an
    article describes) among its list's items.

    >>> text = "the moon\\nMore\\nthe sun\\n\\nMore\\n"
    >>> _inside_block(text, 9, 13), _inside_block(text, 23, 27)
    (True, False)
    >>> text = "Tabs:\\n\\n- Home\\n- More\\n\\nEnd."
    >>> _inside_block(text, 14, 20)
    True
    """
    above_start = text.rfind("\n", 0, start - 1) + 1 if start > 0 else start
    above = text[above_start : max(start - 1, 0)]
    below_end = text.find("\n", end + 1) if end >= 0 else -1
    below = "" if end < 0 else text[end + 1 :] if below_end < 0 else text[end + 1 : below_end]
    if above.strip() and below.strip():
        return True
    mark = LIST_MARK.match(text, start)
    if mark is None:
        return False
    kind = _list_kind(mark.group(1))
    return any(
        (m := LIST_MARK.match(near)) is not None and _list_kind(m.group(1)) == kind
        for near in (above, below)
    )


def _list_kind(mark: str) -> str:
    """A list's marker, numbers counted as one kind: ``1.`` and ``2.`` are one list's."""
    return "1" + mark[-1] if mark[0].isdigit() else mark
