"""The shortcuts extraction takes when it measures elements give what the slow forms give.

Extraction runs on every archived page, so its per-element facts are computed the cheap way
(text serialised in C, ASCII letters counted by deletion, class names matched after a
first-letter check); each test pins one shortcut to the plain computation it replaces.
"""

from __future__ import annotations

import random
import re
import sys

import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc.read import blocks, hints
from scrubwarc.read.html import _letters, parse_document

# The chrome words as they were matched before the first-letter check.
_PLAIN_NEGATIVE_RE = re.compile(hints._NEGATIVE_RE.pattern.split("(?:", 1)[1][: -len(")")])


def test_every_chrome_word_starts_with_a_listed_initial() -> None:
    body = hints._NEGATIVE_RE.pattern.split("(?:", 1)[1]
    initials = set(re.findall(r"[|:]([a-z])", body)) | {body[0]}
    assert initials <= set(hints._CHROME_INITIALS), initials - set(hints._CHROME_INITIALS)


_WORDS = re.findall(r"[a-z]{2,}", _PLAIN_NEGATIVE_RE.pattern)


@given(
    st.lists(st.one_of(st.sampled_from(_WORDS), st.text("abcxyzAD-_ 0123", max_size=6)), max_size=8)
)
def test_chrome_words_are_those_of_the_plain_pattern(parts: list[str]) -> None:
    name = "".join(parts)
    plain = tuple(m.group(0) for m in _PLAIN_NEGATIVE_RE.finditer(name))
    assert hints.chrome_words.__wrapped__(name) == plain


def test_hints_split_camel_case_and_keep_other_names() -> None:
    assert hints._hints_of("adCaption Main", "") == "ad-caption main "
    assert hints._hints_of("entry-content", "post-1") == "entry-content post-1"
    assert hints._hints_of("", "") == hints._NO_HINTS
    bare = lxml.html.fromstring("<div><span>x</span></div>")
    assert hints.element_hints(bare) is hints._NO_HINTS


def test_element_text_is_text_content() -> None:
    page = parse_document(
        "<div id=a>Caf\u00e9 <b>au <i>lait</i></b> &amp; tail<script>var x = '<p>';</script>"
        "<p>One<br>two\u00a0three</p><!-- gone -->after<svg><text>svg</text></svg>"
        "<pre>  code\n  more</pre></div><p>leaf</p>".encode()
    )
    for el in page.iter():
        assert hints.element_text(el) == el.text_content(), el.tag


def test_ascii_letters_are_counted_as_isalpha_counts_them() -> None:
    rng = random.Random(7)
    alphabet = "aZ09 _-.,\t\n\x7f!~`"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(3000)))
        expected = sum(map(str.isalpha, text))
        assert _letters([text], 10**6) == expected
        assert _letters([text[:500], text[500:]], 10**6) == expected


def test_the_alnum_pattern_is_str_isalnum() -> None:
    wrong = [
        c
        for c in range(sys.maxunicode + 1)
        if (blocks._ALNUM_RE.match(chr(c)) is not None) != chr(c).isalnum()
    ]
    assert wrong == []
