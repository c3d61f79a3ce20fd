"""Where tracking keys stand in text, and the tokens around them: what the tracking rule reads
before it decides what goes. A key counts only followed by ``=`` (plain or percent-encoded):
the search is for the equals signs, then back to the key's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scrubwarc.clean.model import CleanOptions
from scrubwarc.clean.params import (
    HOST_SCOPED_NAMES,
    PAIR_SEPARATOR,
    URL_START,
    TrackingNames,
    host_tracking_names,
    key_names,
)

__all__ = [
    "BARE_OPENERS",
    "CLOSERS",
    "KEY_CHARS",
    "MAX_IRI",
    "SENTENCE_ENDS",
    "URL_CHARS",
    "after_sentence",
    "equals_signs",
    "next_visible",
    "non_space_end",
    "previous_visible",
    "token_bounds",
    "tracking_keys",
]

MAX_IRI = 2048  # characters a URL's non-ASCII host and path may take before its query
# What may open a scheme-less URL in prose.
BARE_OPENERS = "\"'(“‘<["

# The characters a URL or a query string is made of.
URL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%|"
)
# Closing quotes and brackets, of other scripts too, that may stand between a sentence's
# end and what is glued after it ("降った。」?utm_source=x").
CLOSERS = "\"'”’»›)]」』）】〉》"
# Sentence ends after which a glued key, query or URL is feed residue: the full stops and
# question marks of scripts other than Latin too (CJK, Arabic, Devanagari, Armenian,
# Ethiopic, Burmese, Khmer, Tibetan, full- and half-width forms).
SENTENCE_ENDS = frozenset(".!?…。！？؟।॥۔։።။។།．｡")
# Names too generic to count as tracking in a URL ("?ref=main" on a code host, "?source=2"),
# which a query glued to a sentence's end cannot use for anything else: no page is there.
GLUED_ONLY_NAMES = frozenset({"ref", "referrer", "source", "src", "from"})


def after_sentence(text: str, at: int) -> bool:
    """True if ``text[at:]`` starts straight after a sentence's end (closing quotes between).

    >>> after_sentence("降った。」?x", 5), after_sentence("a b", 2)
    (True, False)
    """
    i = at
    while i > 0 and text[i - 1] in CLOSERS:
        i -= 1
    return i > 0 and text[i - 1] in SENTENCE_ENDS


# Every tracking key is followed by "=" (plain or percent-encoded). Searching for "=" with
# str.find, and for "%" with a pattern that starts with that literal, is fast; the single
# alternation "=|%(?:25)?3[dD]" scans at a few ns a character, and a pattern that opens with
# the key alternation behind lookbehinds is tried at every position and took most of the
# cleaning time.
_ENCODED_EQUALS = re.compile("%(?:25)?3[dD]")
KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
# An encoded "&" or "?" that opens a key inside a percent-encoded query.
_ENCODED_OPENER = re.compile(r"(?:25)?(?:26|3[fF])")
_NON_SPACE_RUN = re.compile(r"\S*")


def tracking_keys(text: str, options: CleanOptions | None) -> Iterator[int]:
    """Offsets where a known tracking key starts a ``key=`` pair."""
    bare = key_names(options)
    scoped = _HostKeys(text)
    for equals in equals_signs(text):
        start = equals
        while start > 0 and text[start - 1] in KEY_CHARS:
            start -= 1
        if start > 0 and text[start - 1] == "%":
            opener = _ENCODED_OPENER.match(text, start, equals)
            if opener is None:
                continue
            start = opener.end()
        if start < equals and bare.match(text[start:equals]):
            if not _after_group(text, start):
                yield start
        elif (glued := _glued_after_full_stop(text, start, equals, bare)) is not None:
            yield glued
        elif scoped.tracks(start, equals) or _glued_query_opener(text, start, equals):
            yield start


def _after_group(text: str, start: int) -> bool:
    """True if a closing bracket that no sentence's end precedes stands right before a key:
    no query puts one there, a pattern does ("(?i)utm_source=\\w+").

    >>> _after_group("(?i)utm_source=x", 4), _after_group("(Done.)utm_source=x", 7)
    (True, False)
    """
    return start > 0 and text[start - 1] in ")]}" and not after_sentence(text, start)


def _glued_query_opener(text: str, start: int, equals: int) -> bool:
    """True if a generic name opens a query glued to a sentence's end ("It rained.?ref=rss").

    >>> _glued_query_opener("Rain.?ref=rss", 6, 9), _glued_query_opener("/a?ref=main", 3, 6)
    (True, False)
    """
    return (
        start > 1
        and text[start - 1] == "?"
        and text[start:equals].lower() in GLUED_ONLY_NAMES
        and after_sentence(text, start - 1)
    )


class _HostKeys:
    """Names that track on the host of the URL a key is in, the host read once per URL.

    >>> _HostKeys("Watch https://youtu.be/a?si=x").tracks(25, 27)
    True
    >>> _HostKeys("Search https://example.com/?s=rain").tracks(28, 29)
    False
    >>> _HostKeys("Hear (open.spotify.com/t/1?si=x)").tracks(27, 29)
    True
    """

    __slots__ = ("names", "text", "until")

    def __init__(self, text: str) -> None:
        self.text = text
        self.until = -1  # the last scoped key's offset: the URL up to it is read
        self.names: frozenset[str] = frozenset()

    def tracks(self, start: int, equals: int) -> bool:
        text = self.text
        name = text[start:equals].lower()
        if name not in HOST_SCOPED_NAMES or start == 0 or text[start - 1] not in "?&;#":
            return False
        # Each stretch of text is read once, so a long query costs its length: after a key
        # in the same token, only a URL that starts since can change the host.
        same_token = self.until >= 0 and _SPACE.search(text, self.until, start) is None
        low = self.until if same_token else _token_start(text, start)
        urls = list(URL_START.finditer(text, low, start))
        if urls or not same_token:
            at = urls[-1].start() if urls else low + (text[low] in BARE_OPENERS)
            self.names = host_tracking_names(text[at:start])
        self.until = start
        return name in self.names


def _token_start(text: str, at: int) -> int:
    """Where the token holding ``at`` starts, looked for within a URL's length before it
    (a short look first: most tokens are words or short URLs)."""
    for width in (64, MAX_IRI):
        low = max(0, at - width)
        run = non_space_end(text[low:at][::-1], 0)
        if run < at - low or low == 0:
            break
    return at - run


_SPACE = re.compile(r"\s")


def _glued_after_full_stop(text: str, start: int, equals: int, bare: TrackingNames) -> int | None:
    """A query glued to a sentence's full stop ("here.utm_source=x&utm_medium=y").

    Key characters include "." (``WT.mc_id``), so the word before is read as part of the
    name. Only a query of two or more tracking pairs that ends its line counts: "set
    params.utm_source=x in the config" and "x = a.utm_source=1" name a field.

    >>> s = "It ended.utm_source=a&utm_medium=b"
    >>> _glued_after_full_stop(s, 3, 19, key_names(None)), s[9:19]
    (9, 'utm_source')
    """
    dot = text.rfind(".", start, equals)
    for _ in range(3):  # names hold at most two dots ("wt.mc_id"); a long dotted run is not one
        if dot <= start:
            return None
        if bare.match(text[dot + 1 : equals]):
            run = _NON_SPACE_RUN.match(text, equals, equals + MAX_IRI)
            end = run.end() if run else equals
            if end == equals + MAX_IRI:
                return None  # longer than any feed's query: not one
            pairs = PAIR_SEPARATOR.split(text[dot + 1 : end])
            tracked = sum(bare.match(pair.partition("=")[0]) for pair in pairs)
            return dot + 1 if tracked > 1 and next_visible(text, end) in "\n" else None
        dot = text.rfind(".", start, dot)
    return None


def equals_signs(text: str) -> Iterator[int]:
    """Offsets of every "=" and percent-encoded "=" (``%3D``, ``%253D``), in order."""
    encoded = _ENCODED_EQUALS.finditer(text) if "%" in text else iter(())
    percent = next(encoded, None)
    equals = text.find("=")
    while equals != -1 or percent is not None:
        if percent is None or (equals != -1 and equals < percent.start()):
            yield equals
            equals = text.find("=", equals + 1)
        else:
            yield percent.start()
            percent = next(encoded, None)


def next_visible(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not a blank ("" at the end)."""
    while pos < len(text) and text[pos] != "\n" and text[pos].isspace():
        pos += 1
    return text[pos : pos + 1]


def previous_visible(text: str, pos: int) -> int:
    """The offset of the last character before ``pos`` that is not a blank (-1 at the start)."""
    pos -= 1
    while pos >= 0 and text[pos] != "\n" and text[pos].isspace():
        pos -= 1
    return pos


def token_bounds(text: str, at: int) -> tuple[int, int]:
    """The whitespace-delimited token around offset ``at``.

    The start is found by matching forwards in a reversed window that grows fourfold, so a
    token costs its own length in C, not a Python step per character.
    """
    end = non_space_end(text, at)
    width = 256
    while True:
        low = max(0, at - width)
        run = non_space_end(text[low:at][::-1], 0)
        if run < at - low or low == 0:
            return at - run, end
        width *= 4


def non_space_end(text: str, pos: int) -> int:
    """Where the run of non-whitespace (``not str.isspace()``, as ``\\S``) at ``pos`` ends."""
    match = _NON_SPACE_RUN.match(text, pos)
    return match.end() if match else pos
