"""The ``unescape`` rule: stray HTML entities and tags that a scraper left behind.

A tag is markup residue by its structure: it carries attributes, or it is glued to the
text or tags around it (``<p>First``, ``end.</p>``, ``<b>bold</b>``, ``</p><p>``), or it
is alone on its line. A tag that stands as a word in a sentence (``the <p> tag``,
``<li> elements``, ``an <img> tag``) names markup and stays, escaped or not.

Entities and tags between backticks (``write `&amp;` for "&"``) are a code sample's
characters, written on purpose, and stay; elsewhere an entity in plain text is residue.
"""

from __future__ import annotations

import re

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.model import CleanOptions, LineIndex, Removal, RuleOutput

__all__ = ["unescape_html"]

# An entity needs its semicolon here ("AT&T", "R&D" and "&copy2012" stay as written), and
# a run of "&amp;" prefixes is one entity, so double-escaped text decodes in a single pass.
_ENTITY = re.compile(
    r"&(?:amp;|#0*38;|#[xX]0*26;)*(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
)
_BLOCK_TAGS = (
    "p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|thead|tbody|tr|td|th"
    "|section|article|header|footer|aside|figure|figcaption|nav|main"
)
_INLINE_TAGS = (
    "a|abbr|b|big|cite|code|del|em|font|i|img|ins|kbd|mark|q|s|small|span|strike|strong"
    "|sub|sup|tt|u|wbr"
)
# A tag with attributes must have an "=" in them, so prose such as "if a<b and c>d" stays.
_ATTRS = r"(?:\s[^<>=]{0,200}=[^<>]{0,2000})?\s*+/?>"
_TAG = rf"</?(?:(?P<block>{_BLOCK_TAGS})|(?:{_INLINE_TAGS}))(?![\w-]){_ATTRS}"
# What may stand before and after a tag used as a word in prose.
_WORD_BEFORE = frozenset("([{\"'“‘«„`「『【〈《（")
_WORD_AFTER = frozenset(",.;:!?)]}\"'”’»`」』】〉》）、。，！？：；")
_PAIR_WINDOW = 200  # characters searched for the other half of a pair: the same sentence
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _unspaced(ch: str) -> bool:
    """A letter of a script written without spaces (CJK, kana, Hangul, Thai, Lao...)."""
    return ch.isalpha() and (ord(ch) >= 0x2E80 or 0x0E00 <= ord(ch) <= 0x0EFF)


def _paired(text: str, start: int, end: int) -> bool:
    """True if the tag at ``text[start:end]`` has its other half nearby on its line."""
    m = _TAG_NAME.match(text, start, end)
    if m is None:
        return False
    name = m.group(1).lower()
    if text[start + 1] == "/":
        window = text[max(0, start - _PAIR_WINDOW) : start]
        window = window[window.rfind("\n") + 1 :].lower()
        return f"<{name}>" in window or f"<{name} " in window
    window = text[end : end + _PAIR_WINDOW]
    return f"</{name}>" in window.split("\n", 1)[0].lower()


def _named_in_prose(text: str, start: int, end: int) -> bool:
    """True if the tag at ``text[start:end]`` stands as a word in a sentence.

    In scripts written without spaces a tag named in a sentence touches letters on both
    sides (``段落は<p>タグで始める``); it is markup only when its other half is near.

    >>> _named_in_prose("the <p> tag", 4, 7), _named_in_prose("<p>First", 0, 3)
    (True, False)
    >>> _named_in_prose("段落は<p>タグ", 3, 6), _named_in_prose("は<b>重要</b>だ", 1, 4)
    (True, False)
    """
    if "=" in text[start:end]:
        return False  # attributes: markup, never a name
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "\n" and after in "\r\n":
        return False  # alone on its line
    if _unspaced(before) and _unspaced(after):
        return not _paired(text, start, end)
    return (before.isspace() or before in _WORD_BEFORE) and (
        after.isspace() or after in _WORD_AFTER
    )


class _LazyIndex:
    """A LineIndex built on the first removal: most texts with an "&" have no entity."""

    __slots__ = ("_index", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._index: LineIndex | None = None

    def removal(self, rule: str, text: str, offset: int, replacement: str = "") -> Removal:
        if self._index is None:
            self._index = LineIndex(self._text)
        return self._index.removal(rule, text, offset, replacement)


def unescape_html(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Decode stray HTML entities and drop stray tags a scraper left behind.

    Block tags become line breaks so paragraphs survive; inline tags vanish; a tag named
    in prose stays.

    >>> unescape_html("AT&amp;T &#8220;hi&#8221;<br>R&D <b>bold</b>")[0]
    'AT&T “hi”\\nR&D bold'
    >>> unescape_html("Use the &lt;p&gt; tag to start")[0]
    'Use the <p> tag to start'
    """
    if "&" not in text and "<" not in text:
        return text, ()
    removals: list[Removal] = []
    # Decoding can reveal new entities or tags ("&lt;b&gt;"), so repeat to a fixed point;
    # every pass shrinks the text, and three passes cover any realistic nesting.
    for _ in range(3):
        index = _LazyIndex(text)
        found: list[Removal] = []
        spans = CodeSpans(text)  # found only if a match asks

        def entity(
            m: re.Match[str],
            index: _LazyIndex = index,
            found: list[Removal] = found,
            spans: CodeSpans = spans,
        ) -> str:
            import html  # lazy: a table of 2,000 names, which most texts never need

            if spans.covers(m.start(), m.end()):
                return m.group(0)  # `&amp;` in a code sample is what its author wrote
            new = html.unescape("&" + m.group(1))
            if new != m.group(0):
                found.append(index.removal("unescape", m.group(0), m.start(), new))
            return new

        new_text = _ENTITY.sub(entity, text)
        tag_spans = CodeSpans(new_text)

        def tag(
            m: re.Match[str],
            index: _LazyIndex = index,
            found: list[Removal] = found,
            spans: CodeSpans = tag_spans,
        ) -> str:
            if _named_in_prose(m.string, m.start(), m.end()) or spans.covers(m.start(), m.end()):
                return m.group(0)
            new = "\n" if m.group("block") else ""
            found.append(index.removal("unescape", m.group(0), m.start(), new))
            return new

        if "<" in new_text:  # compiled on first use: texts with "&" far outnumber those with "<"
            new_text = re.compile(_TAG, re.IGNORECASE).sub(tag, new_text)
        if not found:
            break
        removals.extend(found)
        text = new_text
    return text, tuple(removals)
