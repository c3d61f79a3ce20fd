"""Invariants of the whole pipeline, over generated text and bytes."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from scrubwarc import clean_bytes, clean_text

# Fragments that every rule reacts to, so generated text exercises the rules, not just noise.
FRAGMENTS = st.sampled_from(
    [
        "&amp;", "&#8220;", "&lt;b&gt;", "<p>", "</b>", "<br/>", "itâ€™s", "CafÃ©", "\u00a0",
        "\u200b", "\r\n", "\n\n\n", "  ", "?utm_source=rss", "&utm_medium=x", "|+A%29",
        "%3Futm_source%3Drss", "https://ex.org/a?id=1&fbclid=z", "www.ex.org/?gclid=1",
        "RELATED – ", "Read more: ", "See also: ", " - The Herald", " | Site", "By Jane Roe",
        "“", "”", ".", "!", "?", "&", "+", "|", "<", ">", ";", "=", "\t", "\u2029",
        "(?utm_source=x)", "[a](?fbclid=1 \"T\")", "](<?utm_source=x>)", "?ref=rss", "×—×’",
        "?utm_sou\nrce=x", "&utm_medi\num=y", "=\nfeed", "\"&amp;\"", "(?i)", "」",
        "http://feedproxy.google.com/~r/X/~3/a/",
    ]
)  # fmt: skip
WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
ARTICLE = st.lists(st.one_of(FRAGMENTS, WORDS, st.just("\n")), max_size=40).map("".join)
# Lines with no character any rule looks for: letters, digits, spaces and plain punctuation.
PLAIN_LINE = st.from_regex(r"[A-Za-z][A-Za-z0-9 ,']{0,60}[a-z0-9]", fullmatch=True)


@given(st.one_of(ARTICLE, st.text()))
@example("Head\n\nHead - Site\n\nHead\n")
@example("&am\u200bp;lt;")
@example("<<b>b>")
def test_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@given(st.binary(max_size=400))
def test_bytes_never_raise_unexpectedly(data: bytes) -> None:
    try:
        result = clean_bytes(data)
    except Exception as exc:  # only our own, named errors are allowed out
        from scrubwarc import ScrubwarcError

        assert isinstance(exc, ScrubwarcError), exc
        return
    result.text.encode("utf-8")  # valid UTF-8 text
    assert result.text == "" or result.text.endswith("\n")
    assert "\r" not in result.text


@given(st.lists(PLAIN_LINE, min_size=1, max_size=20, unique_by=lambda s: s.casefold()))
def test_plain_lines_are_never_removed(lines: list[str]) -> None:
    text = "\n\n".join(lines)
    out = clean_text(text).text.split("\n")
    for line in lines:
        assert re.sub(r" +", " ", line) in out


# Lines of words in any script: no headline copy (unique up to case and punctuation), no
# separator, no residue. A short line in a caseless script may read like a site's name.
# Latin-1 and Latin Extended letters are left out: "Ã©" there is mojibake, a decision.
_LETTER = st.characters(categories=("L", "N", "Mn", "Mc"), max_codepoint=0x7F) | st.characters(
    categories=("L", "N", "Mn", "Mc"), min_codepoint=0x300
)
_FIRST = st.characters(categories=["L"], max_codepoint=0x7F) | st.characters(
    categories=["L"], min_codepoint=0x300
)
_WORD = st.tuples(_FIRST, st.text(_LETTER, max_size=7)).map("".join)
ANY_SCRIPT_LINE = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)


def _words(line: str) -> str:
    return " ".join(re.findall(r"\w+", line.casefold()))


@given(st.lists(ANY_SCRIPT_LINE, min_size=1, max_size=12, unique_by=_words))
def test_lines_of_any_script_are_never_removed(lines: list[str]) -> None:
    text = "\n\n".join(lines) + "\n"
    assert clean_text(text).text == text


@given(ARTICLE)
def test_output_shape(text: str) -> None:
    out = clean_text(text).text
    assert out == "" or (out.endswith("\n") and not out.endswith("\n\n"))
    assert "\n\n\n" not in out and not out.startswith("\n")
    assert all(line == line.rstrip() for line in out.split("\n"))


def test_residue_chain_found_by_the_fuzzer_is_settled_in_one_call() -> None:
    # Each tracking removal joins pieces into a new stray tag that the next pass removes.
    once = clean_text("<s&utm_=<s&<s&utm_= >utm_= > >").text
    assert clean_text(once).text == once == ""


_MARKUP = st.sampled_from(["&amp;", "&#8220;", "&#10;", "&eacute;", "<b>", "</b>", "<p>", "<br/>"])


@given(st.lists(st.one_of(_MARKUP, st.sampled_from(["a", "b c", " ", "\n", "x."])), max_size=30))
def test_unescape_removals_are_where_the_text_had_them(parts: list[str]) -> None:
    """Markup written literally: each removal's text stands at its line and column."""
    from scrubwarc.clean.rules.unescape import unescape_html

    text = "".join(parts)
    lines = text.split("\n")
    for r in unescape_html(text)[1]:
        assert lines[r.line - 1][r.column - 1 :].startswith(r.text.split("\n")[0]), r


# What a code sample may quote: entities, tags, mojibake, written on purpose.
_CODE = st.sampled_from(
    ["&amp;", "&lt;p&gt;", "&#8217", "<b>x</b>", "<p>", "</div>", "<br/>", "cafÃ©", "itâ€™s"]
)
_CODE_LINE = st.lists(st.one_of(_CODE, st.sampled_from(["x", "=", "'", "(", ")"])), min_size=1)


@given(
    st.lists(st.tuples(_CODE_LINE, st.sampled_from([" ", "  ", "\t"])), min_size=1, max_size=5),
    st.sampled_from(["```", "~~~"]),
)
def test_fenced_code_keeps_what_its_author_typed(
    lines: list[tuple[list[str], str]], fence: str
) -> None:
    """Entities, tags, mojibake and the spaces and tabs that align code, as typed."""
    block = "\n".join([fence + "html", *(sep.join(words) for words, sep in lines), fence])
    text = f"Escaping\n\n{block}\n\nFish &amp; chips.\n"
    assert clean_text(text).text == f"Escaping\n\n{block}\n\nFish & chips.\n"


# Latin words with accents (Portuguese Õ, German Ö, French Ô, and every other Latin-1 and
# Latin Extended-A letter), set off by blanks and punctuation as prose sets them.
_LATIN_LETTER = st.characters(categories=["L"], max_codepoint=0x17F)
_LATIN_SEP = st.sampled_from([" ", ", ", ". ", " « ", " » ", " – ", "! ", "; ", " ("])


@given(st.lists(st.tuples(st.text(_LATIN_LETTER, min_size=1, max_size=9), _LATIN_SEP)))
@example([("ÖSTERREICH", " "), ("SÃO", " "), ("Õ", " » "), ("ÔµÕºÖƒ", " ")])
def test_latin_words_are_never_read_as_armenian_mojibake(
    words: list[tuple[str, str]],
) -> None:
    """The Armenian repair needs a continuation that is no letter (``±``, ``€``) inside a
    word: Latin words are letters only."""
    from scrubwarc.clean.rules.repair_encoding import _fix_armenian

    text = "".join(word + sep for word, sep in words)
    assert _fix_armenian(text) == text


# Prose where "×" is a multiplication sign: between figures, before one, alone between
# words, quoted ("the “×” key"), and next to the dashes, quotes and symbols that Hebrew
# mojibake pairs it with.
_TIMES_TOKEN = st.one_of(
    st.text(_LATIN_LETTER, min_size=1, max_size=9),
    st.sampled_from(["3×4", "×2", "10 × 20", "2 × 3", "x×y", "(×3)", "“×”", "‘×’", "×—"]),
)
_TIMES_SEP = st.sampled_from([" ", " – ", " — ", "’ ", " “", "” ", ", ", " • ", "™ ", "© ", "§ "])


@given(st.lists(st.tuples(_TIMES_TOKEN, _TIMES_SEP)))
@example([("2 × 3", "™ "), ("“×”", "© "), ("×—", " — "), ("Ôµ", " ")])
def test_latin_prose_with_times_signs_is_never_read_as_hebrew_mojibake(
    tokens: list[tuple[str, str]],
) -> None:
    """The Hebrew repair needs two "×" pairs in a row ("×—×’"); prose sets "×" between
    figures or words."""
    from scrubwarc.clean.rules.repair_encoding import _fix_hebrew

    text = "".join(token + sep for token, sep in tokens)
    assert _fix_hebrew(text) == text
