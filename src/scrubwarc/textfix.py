"""Character-level rules: mojibake, stray HTML entities and tags, whitespace.

Each rule takes text and options and returns the new text with what it removed; a rule
that changes nothing returns its input object unchanged.
"""

from __future__ import annotations

import re

from .model import CleanOptions, LineIndex, Removal, RuleOutput

__all__ = ["repair_encoding", "tidy_whitespace", "unescape_html"]

# A UTF-8 lead byte read as cp1252/latin-1 (Â..ô) followed by a continuation byte read the
# same way. Clean text almost never has this pair, so ftfy (about 45 ms to import) is only
# loaded for text that shows it, and the pre-commit hook stays fast.
# Compiled on first use (re caches it), so all-ASCII texts never pay for it.
_MOJIBAKE_HINT = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair_encoding(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Repair text that was decoded with the wrong encoding, line by line.

    Curly quotes are kept: ftfy's ``fix_encoding`` repairs mojibake and nothing else.

    >>> repair_encoding("itâ€™s “fine”\\n")[0]
    'it’s “fine”\\n'
    """
    if text.isascii() or re.search(_MOJIBAKE_HINT, text) is None:
        return text, ()
    import ftfy  # lazy: see _MOJIBAKE_HINT

    lines = text.split("\n")
    removals: list[Removal] = []
    for i, line in enumerate(lines):
        if re.search(_MOJIBAKE_HINT, line) is None:
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed != line:
            removals.append(Removal("repair-encoding", line, i + 1, 1, fixed))
            lines[i] = fixed
    if not removals:
        return text, ()
    return "\n".join(lines), tuple(removals)


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

    Block tags become line breaks so paragraphs survive; inline tags vanish.

    >>> unescape_html("AT&amp;T &#8220;hi&#8221;<br>R&D <b>bold</b>")[0]
    'AT&T “hi”\\nR&D bold'
    """
    if "&" not in text and "<" not in text:
        return text, ()
    removals: list[Removal] = []
    # Decoding can reveal new entities or tags ("&lt;b&gt;"), so repeat to a fixed point;
    # every pass shrinks the text, and three passes cover any realistic nesting.
    for _ in range(3):
        index = _LazyIndex(text)
        found: list[Removal] = []

        def entity(
            m: re.Match[str], index: _LazyIndex = index, found: list[Removal] = found
        ) -> str:
            import html  # lazy: a table of 2,000 names, which most texts never need

            new = html.unescape("&" + m.group(1))
            if new != m.group(0):
                found.append(index.removal("unescape", m.group(0), m.start(), new))
            return new

        def tag(m: re.Match[str], index: _LazyIndex = index, found: list[Removal] = found) -> str:
            new = "\n" if m.group("block") else ""
            found.append(index.removal("unescape", m.group(0), m.start(), new))
            return new

        new_text = _ENTITY.sub(entity, text)
        if "<" in new_text:  # compiled on first use: texts with "&" far outnumber those with "<"
            new_text = re.compile(_TAG, re.IGNORECASE).sub(tag, new_text)
        if not found:
            break
        removals.extend(found)
        text = new_text
    return text, tuple(removals)


# These three are compiled when first needed (re caches them): most texts never need them.
_BREAK = "\r\n|[\r\x0b\x0c\x85\u2028]|(?P<para>\u2029)"
# Characters that render as nothing (zero-width space, word joiner, BOM, soft hyphen) or are
# control codes; ZWJ and ZWNJ stay because emoji and Indic or Persian words need them.
_INVISIBLE = "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u2060\ufeff]+"
_SPACES = "[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]"
_INNER_RUN = re.compile(r"(?<=\S)[ ]{2,}+(?=\S)")
_TRAILING = re.compile(r"(?<![ ])[ ]++$", re.MULTILINE)
_BLANK_RUN = re.compile(r"\n{3,}+")


def tidy_whitespace(text: str, options: CleanOptions | None = None) -> RuleOutput:
    """Normalise line endings and spaces, keep paragraph breaks, end with one newline.

    Leading indentation is kept (quotes, verse); runs of spaces inside a line become one.

    >>> tidy_whitespace("Title\\r\\n\\r\\n\\r\\nBody\\u00a0 text  \\n\\n")[0]
    'Title\\n\\nBody text\\n'
    """
    new = text
    # Every character the first three patterns replace is unprintable, and most articles
    # have none, so one C-level check spares them three full scans; likewise the literal
    # tests below, each far cheaper than the scan it guards.
    if not new.replace("\n", " ").isprintable():
        new = re.sub(_BREAK, lambda m: "\n\n" if m.group("para") else "\n", new)
        new = re.sub(_INVISIBLE, "", new)
        new = re.sub(_SPACES, " ", new)
    if "  " in new:
        new = _INNER_RUN.sub(" ", new)
    if " \n" in new or new.endswith(" "):
        new = _TRAILING.sub("", new)
    if "\n\n\n" in new:
        new = _BLANK_RUN.sub("\n\n", new)
    new = new.strip("\n")
    new = new + "\n" if new else ""
    if new == text:
        return text, ()
    return new, ()
