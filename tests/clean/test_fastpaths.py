"""The fast paths give exactly what the plain code they replace gave (kept here as oracles)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from hypothesis import example, given
from hypothesis import strategies as st

from scrubwarc import RULES, CleanOptions, Removal, clean_text
from scrubwarc.clean.lines import LIST_MARK, drop_lines
from scrubwarc.clean.model import RuleOutput
from scrubwarc.clean.rules.boilerplate import _pattern, drop_cross_links, split_cross_link
from scrubwarc.clean.rules.headline import drop_duplicate_headline, same_headline
from scrubwarc.clean.rules.repair_encoding import _MOJIBAKE_HINT, _may_hold_mojibake
from scrubwarc.clean.rules.tracking import strip_tracking
from scrubwarc.clean.sitename import split_site_name
from scrubwarc.clean.trackkeys import equals_signs as _equals_signs
from scrubwarc.clean.trackkeys import token_bounds as _token_bounds
from scrubwarc.meta.dates import squeeze
from scrubwarc.meta.language import _WORD, _ascii_letters, _has_non_ascii_word_char
from scrubwarc.meta.text import _word_count

# Characters where the fast paths branch: whitespace of every kind, word characters that are
# not letters, non-ASCII letters, digits and marks, and the pieces of tracking residue.
CHARS = st.sampled_from(
    [
        *"ab Z_7\n\t\r=%&?|.’“”–éßİı٣²Ⅻ\u0301\u00a0\u2028\u3000\x1c\x85",
        *("utm_source=", "%3D", "%253d", "https://x.org/?", "gclid", "\n\n", "Storm hits"),
    ]
)
TEXT = st.lists(CHARS, max_size=60).map("".join)
LINE = st.sampled_from(["", "", " ", "\t", "Head", "Head - Site", "HEAD | Site", "Body text."])
LINES = st.lists(LINE, min_size=1, max_size=12)


def _drop_lines_oracle(text: str, doomed: Iterable[int], rule: str) -> RuleOutput:
    doomed = set(doomed)
    if not doomed:
        return text, ()
    lines = text.split("\n")
    removals = tuple(Removal(rule, lines[i], i + 1, 1) for i in sorted(doomed))
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in doomed:
            continue
        blank = not line.strip() and i != len(lines) - 1
        if blank and (not kept or not kept[-1].strip()):
            j = i - 1
            while j >= 0 and j not in doomed and not lines[j].strip():
                j -= 1
            if j < 0 or j in doomed:
                continue
        kept.append(line)
    while len(kept) > 1 and not kept[-2].strip() and kept[-1] == "":
        kept.pop(-2)
    return "\n".join(kept), removals


@given(LINES, st.data())
def test_drop_lines(lines: list[str], data: st.DataObject) -> None:
    text = "\n".join(lines)
    doomed = data.draw(st.sets(st.integers(0, len(lines) - 1)))
    assert drop_lines(text, doomed, "x") == _drop_lines_oracle(text, doomed, "x")


def _headline_oracle(text: str) -> RuleOutput:
    lines = text.split("\n")
    top = [i for i, line in enumerate(lines) if line.strip()]
    if not top or len(lines[top[0]]) > 400 or LIST_MARK.match(lines[top[0]]):
        return text, ()
    copies = 1
    while (
        copies < len(top)
        and same_headline(lines[top[0]], lines[top[copies]])
        and not LIST_MARK.match(lines[top[copies]])
    ):
        copies += 1
    # The lines each copy stands apart from the next non-blank line (none: infinitely far).
    apart = [(top[k + 1] if k + 1 < len(top) else math.inf) - top[k] for k in range(copies)]
    group = [top[0]]
    for k in range(1, copies):
        if apart[k] < apart[0]:
            break
        group.append(top[k])
    opener = top[len(group)] if len(group) < copies else None
    if apart[0] == 1 and len(group) > 1 and apart[-1] == 1 and copies < len(top):
        opener = group.pop()  # no blank lines: the last copy runs into the next line

    def suffixed(i: int) -> bool:
        return split_site_name(lines[i], guess=True)[1] is not None

    # The copy with the least residue stays: the block's opener when they tie.
    copies_ = group + ([opener] if opener is not None else [])
    keep = min(copies_, key=lambda i: (suffixed(i), lines[i].isupper(), i != opener, i))
    return _drop_lines_oracle(text, [i for i in copies_ if i != keep], "headline")


@given(LINES)
@example(["T", "", "", "T"])
def test_headline_reads_lines_lazily(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert drop_duplicate_headline(text) == _headline_oracle(text)


@given(TEXT, st.data())
@example("x" * 300 + " " + "y" * 2000, None)
def test_token_bounds(text: str, data: st.DataObject | None) -> None:
    for at in range(len(text)) if data is None else [data.draw(st.integers(0, len(text)))]:
        start = at
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = at
        while end < len(text) and not text[end].isspace():
            end += 1
        assert _token_bounds(text, at) == (start, end)


@given(TEXT)
def test_equals_signs(text: str) -> None:
    assert list(_equals_signs(text)) == [m.start() for m in re.finditer("=|%(?:25)?3[dD]", text)]


def test_tracking_in_a_long_url() -> None:
    # The URL's start lies beyond the first windows of the backwards search for the token.
    for size in (10, 255, 256, 1_100, 5_000):
        url = f"https://ex.org/{'a' * size}?id=5"
        out, removed = strip_tracking(f"See {url}&utm_source=rss now.\n")
        assert out == f"See {url} now.\n"
        assert [r.text for r in removed] == ["utm_source=rss"]


@given(TEXT)
def test_word_count(text: str) -> None:
    assert _word_count(text) == len(re.findall(r"\w+", text))


@given(TEXT)
def test_ascii_letters(text: str) -> None:
    non_ascii_word = any(ch.isalnum() for ch in text if not ch.isascii())
    assert _has_non_ascii_word_char(text) == non_ascii_word
    letters = _ascii_letters(text)
    assert (letters is None) == non_ascii_word
    if letters is not None:
        assert [w.decode() for w in letters.split()] == _WORD.findall(text)


@given(TEXT, st.integers(0, 30))
def test_squeeze(text: str, limit: int) -> None:
    line = " ".join(text.split())
    assert squeeze(text, limit) == (line if len(line) <= limit else None)


@given(st.lists(st.one_of(LINE, TEXT), max_size=10).map("\n".join))
@example("Storm hits\n\nStorm hits\n\nIt rained.|+News&utm_content=Reader")
def test_clean_text_skips_only_rules_that_would_change_nothing(text: str) -> None:
    # The plain fixed point: every rule on every pass.
    options, current = CleanOptions(), text
    fired: list[str] = []
    removals: list[Removal] = []
    for _ in range(16):
        before = current
        for rule in RULES:
            new, removed = rule.apply(current, options)
            if new != current:
                fired += [rule.name] if rule.name not in fired else []
                removals += removed
                current = new
        if current == before:
            break
    result = clean_text(text)
    assert (result.text, result.fired, result.removals) == (current, tuple(fired), tuple(removals))


# Lines that are cross-links, nearly so, or prose; labels in any case, after bullets and tabs.
CROSS_LINK = st.lists(
    st.sampled_from(
        [
            *"\t -►»*:–|[]()：_",
            "- ",
            "1. ",
            "**",
            *("Read more", "READ ALSO", "related", "Related", "RELATED", "more", "MORE"),
            *("Lire aussi", "另请阅读", "Читайте также"),
            *("See\talso", "don’t miss", "More from", "ſee also", "Kicker", "x", "Why it rose"),
        ]
    ),
    max_size=8,
).map("".join)


@given(st.lists(st.one_of(CROSS_LINK, LINE), max_size=10), st.sampled_from([(), ("kick",)]))
@example(["Body.", "", "Read more: Why it rose", "", "Body two."], ())
@example(["Tabs:", "", "- Home", "- More", "", "End."], ())
@example(["**Related:** Why it rose", "__More__", "1. More", "2. x"], ())
@example(["\tKicker: Why it rose"], (" kick", "", "ſ"))
def test_cross_links_are_found_by_their_opening(lines: list[str], extra: tuple[str, ...]) -> None:
    # The plain way: every line matched against the whole pattern; a bare label between two
    # non-blank lines is a line of a stanza.
    # A bare label marked as a list's item next to an item of the same list is the list's.
    text, options = "\n".join(lines), CleanOptions(extra_boilerplate_prefixes=extra)
    titles = [split_cross_link(line, options) for line in lines]
    marks = [m.group(1) if (m := LIST_MARK.match(line)) else None for line in lines]
    kinds = [None if m is None else "1" + m[-1] if m[0].isdigit() else m for m in marks]

    def listed(i: int) -> bool:
        near = [kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        return kinds[i] is not None and kinds[i] in near

    doomed = [
        i
        for i, title in enumerate(titles)
        if title is not None
        and (
            title
            or not (
                (0 < i < len(lines) - 1 and lines[i - 1].strip() and lines[i + 1].strip())
                or listed(i)
            )
        )
    ]
    assert drop_cross_links(text, options) == drop_lines(text, doomed, "boilerplate")


def test_text_without_a_label_does_not_compile_the_whole_pattern() -> None:
    # Its compilation is most of what the rule costs the pre-commit hook, file by file.
    _pattern.cache_clear()
    assert drop_cross_links("Storm hits\n\nIt rained; related news below.\n", None)[1] == ()
    assert _pattern.cache_info().currsize == 0
    assert drop_cross_links("Read more: Why it rose\n\nBody.\n", None)[0] == "Body.\n"
    assert _pattern.cache_info().currsize == 1


@given(TEXT.map(lambda t: t.replace("a", "Ã").replace("b", "\u0080").replace("Z", "â€™")))
@example("“fine” café")
@example("\ud800 itâ€™s")
def test_mojibake_hint_precheck(text: str) -> None:
    assert _may_hold_mojibake(text) == (re.search(_MOJIBAKE_HINT, text) is not None)
