"""The ``unescape`` rule: stray HTML entities and tags that a scraper left behind.

A tag is markup residue by its structure: it carries attributes, or it is glued to the
text or tags around it (``<p>First``, ``end.</p>``, ``<b>bold</b>``, ``</p><p>``), or it
is alone on its line. A tag that stands as a word in a sentence (``the <p> tag``,
``<li> elements``, ``an <img> tag``) names markup and stays, escaped or not. So does markup
quoted in a sentence, as texts about HTML quote it: a tag between brackets or quotes
(``(<img src="a.svg">)``), and a word of tags holding an element that follows a word
(``renders <p>Hello</p>.``, ``Input: <table></table><li>``): a scraper's block tags stand
at the start of a line or after other markup, not after a word. A bare inline tag name glued
to the word before it, with no closing half in its paragraph, is a type argument or a
comparison (``Array<a>``, ``if a<b>c``).

Entities and tags between backticks (``write `&amp;` for "&"``) or in a fenced code block are
a code sample's characters, written on purpose, and stay; elsewhere an entity in plain text
is residue.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from scrubwarc.clean.lines import CodeSpans
from scrubwarc.clean.model import CleanOptions, LineIndex, Removal, RuleOutput

__all__ = ["unescape_html"]

# A named entity needs its semicolon here ("AT&T", "R&D" and "&copy2012" stay as written);
# a decimal one, which no word spells, may lack it where its digits end (``it&#8217s``; a
# hex one may not: in ``I&#x2019d`` the "d" would be read as a digit).
# A run of "&amp;" prefixes is one entity, so double-escaped text decodes in a single pass.
_ENTITY = re.compile(
    r"&(?:amp;|#0*38;|#[xX]0*26;)*(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};"
    r"|#[0-9]{2,7}+(?![0-9]))"
)


def _printable(char: str) -> bool:
    """True for a character that a reference without ``;`` may stand for: a printable one
    or a space, not a control code, an unassigned or private code point, or the replacement
    character for a number that names none.

    >>> _printable("’"), _printable("\\xa0"), _printable("\\x0c"), _printable("\\U000c8a1e")
    (True, True, False, False)
    """
    # str methods, not unicodedata: the pre-commit hook must not load it for this.
    return char != "\ufffd" and (char.isprintable() or (char.isspace() and char > "\x7f"))


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


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """True if only blanks stand beside the tag at ``text[start:end]`` on its line: indented
    or not, a lone tag is a line break left behind.

    >>> _alone_on_line("a\\n  <br>\\nb", 4, 8), _alone_on_line("the <p> tag", 4, 7)
    (True, False)
    """
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] in "\r\n")


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
    if _alone_on_line(text, start, end):
        return False
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if _unspaced(before) and _unspaced(after):
        return not _paired(text, start, end)
    return (before.isspace() or before in _WORD_BEFORE) and (
        after.isspace() or after in _WORD_AFTER
    )


_VOID_INLINE = frozenset({"br", "img", "wbr"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _type_argument(text: str, start: int, end: int) -> bool:
    """True if the inline tag at ``text[start:end]`` opens right after a word with no closing
    half after it: a type argument or a comparison (``Array<a>``, ``if a<b>c``), not markup.

    A scraper's inline tags come in pairs; a void tag (``line<br>next``) needs none.

    >>> _type_argument("Array<a> = []", 5, 8), _type_argument("if a<b>c", 4, 7)
    (True, True)
    >>> _type_argument("a<b>bold</b>", 1, 4), _type_argument("one<br>two", 3, 7)
    (False, False)
    >>> _type_argument("a<b>bold</b>", 8, 12), _type_argument("bold</b> then", 4, 8)
    (False, False)
    """
    before = text[start - 1] if start else ""
    if not (before.isalnum() or before == "_") or text[start + 1] == "/":
        return False
    m = _TAG_NAME.match(text, start, end)
    # Only a bare ``<name>``: a closing slash, attributes or spaces are markup's, not a type's.
    if m is None or m.end() != end - 1 or m.group(1).lower() in _VOID_INLINE:
        return False
    # The closing half may be on a later line of the paragraph: bold can span a line break.
    window = _PARAGRAPH_BREAK.split(text[end : end + _PAIR_WINDOW], 1)[0]
    return f"</{m.group(1).lower()}>" not in window.lower()


# Brackets and quotes whose pair around a tag quotes it.
_QUOTES = dict(zip("([{\"'“‘«`「（", ")]}\"'”’»`」）", strict=True))
# A block element written out whole inside a word of tags: ``<p>Hello</p>``, ``<td></td>``.
_ELEMENT = re.compile(rf"<({_BLOCK_TAGS})(?:\s[^<>]*)?>[^<>\s]{{0,40}}</\1>", re.IGNORECASE)
# What may end the text before quoted markup on its line: a word, or what introduces an example.
_INTRODUCES = frozenset(":,-–—•*")
_WORD_TAIL = re.compile(r"\S+\Z")
_WORD_HEAD = re.compile(r"\S+")
_PROSE_END = re.compile(r"([^\s])[ \t]*\Z")
_WORD_BEFORE_CHARS = "".join(_WORD_BEFORE)
_WORD_AFTER_CHARS = "".join(_WORD_AFTER)


def _quoted_markup(text: str, start: int, end: int) -> bool:
    """True if the tag at ``text[start:end]`` is part of markup quoted in a sentence.

    Looks no further than ``_PAIR_WINDOW`` characters either way: a quoted example is short,
    and a longer run without spaces is residue (or hostile), not a word.

    >>> _quoted_markup('scripts from (<img src="/a.svg">).', 14, 32)
    True
    >>> text = "the tree renders <p>Hello</p>. Then"
    >>> _quoted_markup(text, 17, 20), _quoted_markup(text, 25, 29)
    (True, True)
    >>> _quoted_markup("<p>Hello</p> is first", 0, 3), _quoted_markup("end. <p>Hi</p> x", 5, 8)
    (False, False)
    >>> _quoted_markup("a word\\n<p>Hi</p> x", 7, 10)  # at the start of its line
    False
    """
    before = text[start - 1] if start else ""
    if before in _QUOTES and text[end : end + 1] == _QUOTES[before]:
        return True
    lo = max(0, start - _PAIR_WINDOW)
    head = _WORD_TAIL.search(text, lo, start)  # the word's part before the tag
    left = head.start() if head else start
    if left == lo and lo > 0 and not text[lo - 1].isspace():
        return False
    hi = min(len(text), end + _PAIR_WINDOW)
    tail = _WORD_HEAD.match(text, end, hi)
    right = tail.end() if tail else end
    if right == hi < len(text) and not text[hi].isspace():
        return False
    word = text[left:right].lstrip(_WORD_BEFORE_CHARS).rstrip(_WORD_AFTER_CHARS)
    if not (word.startswith("<") and word.endswith(">") and _ELEMENT.search(word)):
        return False
    prose = _PROSE_END.search(text, lo, left)  # the line's last character before the word
    return prose is not None and (prose[1].isalnum() or prose[1] in _INTRODUCES)


_ENTITY_QUOTES = {k: v for k, v in _QUOTES.items() if k not in "([{（`"}


def _quoted_entity(m: re.Match[str]) -> bool:
    """True if the entity ``m`` stands alone between quotes (``"&amp;"``, ``“&nbsp;”``)."""
    start, end, text = m.start(), m.end(), m.string
    return start > 0 and _ENTITY_QUOTES.get(text[start - 1], "\0") == text[end : end + 1]


def _names_entities(text: str, spans: CodeSpans) -> bool:
    """True if every entity outside code in ``text`` stands alone between quotes: the text
    names them (``the string "&amp;" is an escaped "&"``), as a text about HTML does. Where
    any other entity shows that the text was escaped, a quoted one was escaped with it.

    >>> s, t = 'Write "&amp;" for "&".', 'AT&amp;T said "&amp;".'
    >>> _names_entities(s, CodeSpans(s)), _names_entities(t, CodeSpans(t))
    (True, False)
    """
    found = False
    for m in _ENTITY.finditer(text):
        if _quoted_entity(m):
            found = True
        elif not spans.covers(m.start(), m.end()):
            return False
    return found


class _Shifts:
    """Where one substitution pass moved text: offsets in its output back to its input."""

    __slots__ = ("_in_ends", "_in_starts", "_out_ends", "_out_starts", "_shift")

    def __init__(self) -> None:
        self._out_starts: list[int] = []
        self._out_ends: list[int] = []
        self._in_starts: list[int] = []
        self._in_ends: list[int] = []
        self._shift = 0  # input length minus output length so far

    def add(self, start: int, end: int, new: str) -> None:
        """Record ``input[start:end]`` replaced by ``new``."""
        out = start - self._shift
        self._in_starts.append(start)
        self._in_ends.append(end)
        self._out_starts.append(out)
        self._out_ends.append(out + len(new))
        self._shift += end - start - len(new)

    def back(self, offset: int) -> int:
        """The input offset of output ``offset`` (inside a replacement: where it began)."""
        k = bisect_right(self._out_starts, offset) - 1
        if k < 0:
            return offset
        if offset < self._out_ends[k]:
            return self._in_starts[k]
        return offset - self._out_ends[k] + self._in_ends[k]


def unescape_html(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Decode stray HTML entities and drop stray tags a scraper left behind.

    Block tags become line breaks so paragraphs survive; inline tags vanish; a tag named
    in prose stays. Each removal's line and column are in the text as given, whichever
    pass found it.

    >>> unescape_html("AT&amp;T &#8220;hi&#8221;<br>R&D <b>bold</b>")[0]
    'AT&T “hi”\\nR&D bold'
    >>> unescape_html("Use the &lt;p&gt; tag to start")[0]
    'Use the <p> tag to start'
    """
    if "&" not in text and "<" not in text:
        return text, ()
    given = text
    index: LineIndex | None = None  # built on the first removal: most texts have none
    removals: list[Removal] = []
    passes: list[_Shifts] = []  # every substitution pass so far, to map offsets back

    def removal(offset: int, old: str, new: str) -> Removal:
        nonlocal index
        for shifts in reversed(passes):
            offset = shifts.back(offset)
        index = index or LineIndex(given)
        return index.removal("unescape", old, offset, new)

    first_spans = CodeSpans(text)
    named = _names_entities(text, first_spans)
    # Decoding can reveal new entities or tags ("&lt;b&gt;"), so repeat to a fixed point;
    # every pass shrinks the text, and three passes cover any realistic nesting.
    for _ in range(3):
        count = len(removals)
        spans = first_spans if text is given else CodeSpans(text)  # found if a match asks
        decoded = _Shifts()

        def entity(m: re.Match[str], spans: CodeSpans = spans, decoded: _Shifts = decoded) -> str:
            import html  # lazy: a table of 2,000 names, which most texts never need

            if spans.covers(m.start(), m.end()) or (named and _quoted_entity(m)):
                return m.group(0)  # `&amp;` in a code sample is what its author wrote
            new = html.unescape("&" + m.group(1))
            if not m.group(1).endswith(";") and not _printable(new):
                return m.group(0)  # "&#12" without ";" would be a control code: as written
            if new != m.group(0):
                removals.append(removal(m.start(), m.group(0), new))
                decoded.add(m.start(), m.end(), new)
            return new

        new_text = _ENTITY.sub(entity, text)
        passes.append(decoded)
        tag_spans = CodeSpans(new_text)
        untagged = _Shifts()

        def tag(
            m: re.Match[str], spans: CodeSpans = tag_spans, untagged: _Shifts = untagged
        ) -> str:
            if (
                _named_in_prose(m.string, m.start(), m.end())
                or spans.covers(m.start(), m.end())
                or _quoted_markup(m.string, m.start(), m.end())
                or (not m.group("block") and _type_argument(m.string, m.start(), m.end()))
            ):
                return m.group(0)
            new = "\n" if m.group("block") else ""
            removals.append(removal(m.start(), m.group(0), new))
            untagged.add(m.start(), m.end(), new)
            return new

        if "<" in new_text:  # compiled on first use: texts with "&" far outnumber those with "<"
            new_text = re.compile(_TAG, re.IGNORECASE).sub(tag, new_text)
        passes.append(untagged)
        if len(removals) == count:
            break
        text = new_text
    return text, tuple(removals)
