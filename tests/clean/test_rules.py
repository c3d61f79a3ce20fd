"""Each rule alone: what it changes, what it must leave, what it records, idempotence."""

from __future__ import annotations

import pytest

from scrubwarc import RULES, CleanOptions, Removal, clean_text, clean_url, is_tracking_param
from scrubwarc.clean.model import RuleOutput
from scrubwarc.clean.rules.boilerplate import drop_cross_links, split_cross_link
from scrubwarc.clean.rules.headline import drop_duplicate_headline
from scrubwarc.clean.rules.repair_encoding import repair_encoding
from scrubwarc.clean.rules.tracking import strip_tracking
from scrubwarc.clean.rules.unescape import unescape_html
from scrubwarc.clean.rules.whitespace import tidy_whitespace
from scrubwarc.clean.sitename import split_site_name

RULE_CASES: list[tuple[str, str, str]] = [
    ("repair-encoding", "itâ€™s\n", "it’s\n"),
    ("repair-encoding", "“curly” stays\n", "“curly” stays\n"),
    ("unescape", "a &amp; b &lt;i&gt;x&lt;/i&gt;\n", "a & b x\n"),
    ("unescape", "&copy2012 AT&T &unknown;\n", "&copy2012 AT&T &unknown;\n"),
    ("whitespace", "a\r\nb  \n\n\n\nc", "a\nb\n\nc\n"),
    ("whitespace", "a\u2029b\u2028c\x07d\n", "a\n\nb\ncd\n"),
    ("tracking", "x.”|+A%29&utm_content=B\n", "x.”\n"),
    ("tracking", "https://a.org/?q=1&gclid=2\n", "https://a.org/?q=1\n"),
    ("tracking", "utm_source=rss&utm_medium=rss\n\nBody.\n", "Body.\n"),
    ("boilerplate", "A.\n\nSee also: B\n\nC.\n", "A.\n\nC.\n"),
    ("boilerplate", "A.\n\nSee also the appendix.\n", "A.\n\nSee also the appendix.\n"),
    ("headline", "T\n\nT - Site Name\n\nBody.\n", "T\n\nBody.\n"),
    ("headline", "T - Site Name\n\nT\n\nBody.\n", "T\n\nBody.\n"),
]
_APPLY = {rule.name: rule.apply for rule in RULES}


@pytest.mark.parametrize(("rule", "before", "after"), RULE_CASES)
def test_rule_alone(rule: str, before: str, after: str) -> None:
    new, _ = _APPLY[rule](before, None)
    assert new == after
    again, removed = _APPLY[rule](new, None)
    assert again == new, "rule is not idempotent"
    assert removed == ()


@pytest.mark.parametrize("rule", [r.name for r in RULES])
def test_rule_returns_input_object_when_nothing_changes(rule: str) -> None:
    text = "A plain paragraph.\n\nAnother one.\n"
    out: RuleOutput = _APPLY[rule](text, None)
    assert out[0] is text and out[1] == ()


def test_removals_say_rule_text_and_place() -> None:
    text = "Head\n\nHead\n\nBody one.\n\nRELATED – Elsewhere\n\nEnd.|+X%29&utm_content=Y\n"
    result = clean_text(text)
    assert Removal("headline", "Head", 3, 1) in result.removals
    assert Removal("boilerplate", "RELATED – Elsewhere", 7, 1) in result.removals
    assert Removal("tracking", "|+X%29&utm_content=Y", 9, 5) in result.removals
    assert result.fired == ("tracking", "boilerplate", "headline")


def test_repair_encoding_records_replacement() -> None:
    _, removed = repair_encoding("fine\nitâ€™s\n")
    assert removed == (Removal("repair-encoding", "itâ€™s", 2, 1, "it’s"),)


def test_unescape_records_each_entity() -> None:
    _, removed = unescape_html("a &amp; b\n")
    assert removed == (Removal("unescape", "&amp;", 1, 3, "&"),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tag after entities on its line: its column in the text as given, not as decoded
        ("&amp;&amp;&amp; <b>x</b>", [("&amp;", 1, 1), ("&amp;", 1, 6), ("&amp;", 1, 11),
                                     ("<b>", 1, 17), ("</b>", 1, 21)]),
        # a decoded newline does not move the lines of what follows
        ("a&#10;b <b>c</b>", [("&#10;", 1, 2), ("<b>", 1, 9), ("</b>", 1, 13)]),
        # a tag spelled with entities is found where its first entity began
        ("q\n&lt;b&gt;bold&lt;/b&gt;", [("&lt;", 2, 1), ("&gt;", 2, 6), ("&lt;", 2, 14),
                                       ("&gt;", 2, 20), ("<b>", 2, 1), ("</b>", 2, 14)]),
        # an entity that a removed tag split, decoded by the second pass
        ("xy &<b></b>amp; z", [("<b>", 1, 5), ("</b>", 1, 8), ("&amp;", 1, 4)]),
    ],
)  # fmt: skip
def test_unescape_positions_are_in_the_text_as_given(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    _, removed = unescape_html(text)
    assert [(r.text, r.line, r.column) for r in removed] == expected


def test_whitespace_keeps_zwj_for_emoji() -> None:
    family = "👨\u200d👩\u200d👧"
    assert tidy_whitespace(family + "\n")[0] == family + "\n"


@pytest.mark.parametrize(
    ("name", "tracking"),
    [("utm_source", True), ("UTM_Medium", True), ("utm_content", True), ("fbclid", True),
     ("WT.mc_id", True), ("wt.mc_ev", True), ("__twitter_impression", True), ("utm%5Fsource", True),
     ("source", False), ("keywords", False), ("medium", False), ("reference", False),
     ("ref", False), ("id", False), ("utm", False), ("campaign", False)],
)  # fmt: skip
def test_is_tracking_param(name: str, tracking: bool) -> None:
    assert is_tracking_param(name) is tracking


def test_extra_tracking_params_with_globs() -> None:
    options = CleanOptions(extra_tracking_params=("ns_*", "trk"))
    assert is_tracking_param("ns_foo", options) and is_tracking_param("trk", options)
    assert not is_tracking_param("trk")
    url = "https://a.org/?id=1&trk=x&ns_cat=y"
    assert clean_url(url, options) == ("https://a.org/?id=1", ["trk=x", "ns_cat=y"])
    assert strip_tracking(f"See {url} now.\n", options)[0] == "See https://a.org/?id=1 now.\n"


def test_clean_url_keeps_balanced_parenthesis_and_order() -> None:
    url = "https://en.wikipedia.org/wiki/Foo_(bar)?b=2&utm_source=x&a=1"
    assert clean_url(url)[0] == "https://en.wikipedia.org/wiki/Foo_(bar)?b=2&a=1"


def test_tracking_token_opening_a_line_leaves_no_space() -> None:
    assert strip_tracking("?utm_source=a two\n")[0] == "two\n"
    assert strip_tracking("one\n?utm_source=a\n\ntwo\n")[0] == "one\n\ntwo\n"


def test_a_removed_token_takes_its_ideographic_space() -> None:
    # CJK sets words apart with U+3000, which the whitespace rule keeps: once the residue
    # after it goes, it would be a blank left at the line's end.
    text = "記事。\u3000?utm_source=rss&utm_medium=feed\n\n次。\n"
    assert clean_text(text).text == "記事。\n\n次。\n"


def test_a_feed_link_with_a_full_stop_after_it_is_the_sentences() -> None:
    # A feed appends its link bare; a stop after the link makes it a sentence of the text.
    text = "詳細。https://ex.jp/a?utm_source=feedburner。\n"
    assert clean_text(text).text == "詳細。https://ex.jp/a。\n"


def test_query_between_words_is_quoted_prose() -> None:
    # Residue is glued to a sentence or ends a line; a sentence may quote a whole query.
    assert strip_tracking("one ?utm_source=a two\n")[0] == "one ?utm_source=a two\n"


def test_extra_boilerplate_prefix() -> None:
    options = CleanOptions(extra_boilerplate_prefixes=("More from the Herald",))
    text = "A.\n\nMore from the Herald: Tides\n\nB.\n"
    assert drop_cross_links(text, options)[0] == "A.\n\nB.\n"
    assert drop_cross_links(text)[0] == text


@pytest.mark.parametrize(
    ("line", "title"),
    [("RELATED – Five reasons", "Five reasons"), ("Read more: Why", "Why"),
     ("READ MORE The dam", "The dam"), ("» See also: Maps", "Maps"), ("Related Articles", ""),
     ("RELATED ARTICLES", ""), ("SEE ALSO >", ""),
     ("More than 200 people", None), ("Related to that, he left.", None), ("Watch: x" * 60, None)],
)  # fmt: skip
def test_split_cross_link(line: str, title: str | None) -> None:
    assert split_cross_link(line) == title


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Storm - The Coastal Herald", ("Storm", "The Coastal Herald")),
     ("Storm | CSMonitor.com", ("Storm", "CSMonitor.com")),
     ("Storm — Le Monde", ("Storm", "Le Monde")),
     ("Storm - what happened next.", ("Storm - what happened next.", None)),
     ("- Site", ("- Site", None))],
)  # fmt: skip
def test_split_site_suffix(line: str, expected: tuple[str, str | None]) -> None:
    assert split_site_name(line, guess=True) == expected


def test_headline_only_at_top() -> None:
    text = "Title\n\nBody.\n\nTitle\n\nTitle\n"
    assert drop_duplicate_headline(text)[0] == text


def test_disable_rule() -> None:
    text = "Head\n\nHead\n\nBody.\n"
    assert clean_text(text, CleanOptions(disable=frozenset({"headline"}))).text == text
