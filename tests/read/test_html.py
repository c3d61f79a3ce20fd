"""Safe parsing and main-text extraction: hand-written fixtures, encodings, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from scrubwarc import HtmlError
from scrubwarc.read.html import detect_encoding, extract_text, parse_document
from tests.helpers import FIXTURES

HTML_FIXTURES = FIXTURES / "html"
CASES = sorted(HTML_FIXTURES.glob("*.html"))

ARTICLE = "<p>{}</p>".format(
    "This paragraph is the article: long enough, with commas, to be chosen as the main text."
)


def extract(data: bytes) -> str:
    return extract_text(parse_document(data, source="test.html"))


def test_fixtures_exist() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("page", CASES, ids=[p.stem for p in CASES])
def test_fixture(page: Path) -> None:
    expected = page.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\n")
    assert extract(page.read_bytes()) == expected


def test_news_fixture_drops_chrome() -> None:
    text = extract((HTML_FIXTURES / "news_article.html").read_bytes())
    for chrome in ("Share on", "cookies", "Most popular", "commute", "newsletter", "©", "Photo:"):
        assert chrome not in text
    assert "Harbour bridge reopens after two years" not in text  # the <h1> headline
    assert "What changed" in text  # headings inside the body stay


def test_extract_is_repeatable_and_read_only() -> None:
    doc = parse_document((HTML_FIXTURES / "news_article.html").read_bytes())
    before = etree.tostring(doc)
    first = extract_text(doc)
    assert "What changed" in first  # a real extraction, not an empty one
    assert extract_text(doc) == first  # the same again: the tree was not consumed
    assert etree.tostring(doc) == before


def test_paragraph_whitespace_collapsed() -> None:
    text = extract(b"<body><p>  spaced \n\t out   words in a paragraph, long enough to count  </p>")
    assert text == "spaced out words in a paragraph, long enough to count"


# --- encodings --------------------------------------------------------------------------------

CAFE = "Café crème – “quoted” text costs 5 €, in a paragraph long enough to be an article."


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1252">',
        '<meta charset="ISO-8859-1">',  # browsers read Latin-1 labels as cp1252
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_cp1252_with_meta(head: str) -> None:
    page = f"<html><head>{head}</head><body><p>{CAFE}</p></body></html>".encode("cp1252")
    assert detect_encoding(page) == "cp1252"
    assert extract(page) == CAFE


def test_utf8_without_meta() -> None:
    page = f"<html><body><p>{CAFE}</p></body></html>".encode()
    assert detect_encoding(page) == "utf-8"
    assert extract(page) == CAFE


def test_undeclared_legacy_bytes_fall_back_to_cp1252() -> None:
    page = f"<html><body><p>{CAFE}</p></body></html>".encode("cp1252")
    assert detect_encoding(page) == "cp1252"
    assert extract(page) == CAFE


def test_meta_latin1_but_bytes_are_utf8() -> None:
    page = f'<meta charset="iso-8859-1"><p>{CAFE}</p>'.encode()
    assert extract(page) == CAFE


def test_declared_legacy_encoding() -> None:
    text = "Привет, мир: это абзац текста, достаточно длинный, чтобы считаться статьёй."
    page = f'<meta charset="koi8-r"><p>{text}</p>'.encode("koi8-r")
    assert detect_encoding(page) == "koi8-r"
    assert extract(page) == text


@pytest.mark.parametrize(("label", "codec"), [("gb2312", "gb18030"), ("Shift_JIS", "cp932")])
def test_labels_decode_with_the_browsers_superset(label: str, codec: str) -> None:
    assert detect_encoding(f'<meta charset="{label}">'.encode()) == codec


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_bom(codec: str) -> None:
    page = f"<html><body><p>{CAFE}</p></body></html>".encode(codec)
    if codec == "utf-16-be":
        page = b"\xfe\xff" + page
    assert extract(page) == CAFE


def test_bom_beats_meta() -> None:
    page = b"\xef\xbb\xbf" + f'<meta charset="windows-1252"><p>{CAFE}</p>'.encode()
    assert detect_encoding(page) == "utf-8"
    assert extract(page) == CAFE


# --- hostile input ----------------------------------------------------------------------------


def test_external_entity_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-4711", encoding="utf-8")
    for target in (secret.as_uri(), "file:///etc/passwd"):
        page = (
            f'<!DOCTYPE x [<!ENTITY e SYSTEM "{target}">]>'
            f"<html><body><p>Entity here: &e; and enough words for a paragraph.</p></body></html>"
        ).encode()
        doc = parse_document(page)
        dumped = etree.tostring(doc, encoding="unicode")
        assert "TOPSECRET" not in dumped
        assert "root:" not in dumped
        assert "TOPSECRET" not in extract_text(doc)


def test_external_dtd_is_not_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY ent "EXPANDED-FROM-DTD">', encoding="utf-8")
    page = (
        f'<!DOCTYPE html SYSTEM "{dtd.as_uri()}">'
        "<html><body><p>Entity &ent; in a paragraph long enough to be an article.</p></body></html>"
    ).encode()
    assert "EXPANDED" not in etree.tostring(parse_document(page), encoding="unicode")


def test_billion_laughs_is_not_expanded() -> None:
    defs = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    page = (
        f"<!DOCTYPE lolz [{defs}]><html><body>"
        "<p>Billion laughs: &lol9; and enough other words to be a paragraph.</p></body></html>"
    ).encode()
    text = extract(page)
    assert "lollol" not in text
    assert len(text) < 200


def test_deep_nesting_does_not_crash() -> None:
    page = b"<html><body>" + ARTICLE.encode() + b"<div>" * 10_000 + b"x" + b"</div>" * 10_000
    # libxml2 stops descending at depth 256 without huge_tree; what came before survives.
    assert extract(page + b"</body></html>").startswith("This paragraph is the article")


def test_megabytes_of_script_are_dropped() -> None:
    script = b"<script>" + b'var junk = "words, words, words, and more words";\n' * 80_000
    page = b"<html><head>" + script + b"</script></head><body>"
    page += script + b"</script>" + ARTICLE.encode() + b"</body></html>"
    assert len(page) > 4_000_000
    text = extract(page)
    assert "junk" not in text
    assert text.startswith("This paragraph is the article")


@pytest.mark.parametrize("data", [b"", b"   \n\t ", b"\xef\xbb\xbf"])
def test_empty_input_names_the_source(data: bytes) -> None:
    with pytest.raises(HtmlError, match=r"^page\.html: ") as info:
        parse_document(data, source="page.html")
    assert info.value.source == "page.html"


def test_no_elements_is_an_error() -> None:
    with pytest.raises(HtmlError):
        parse_document(b"<!-- only a comment -->", source="c.html")


def test_text_only_input_parses() -> None:
    assert extract(b"Just some words, with no markup at all, but long enough to count.") == (
        "Just some words, with no markup at all, but long enough to count."
    )


def test_undeclared_legacy_page_is_detected_not_read_as_cp1252() -> None:
    page = (
        "<html><body><p>Сирийские правительственные войска начали наступление на город "
        "Алеппо, сообщают активисты.</p></body></html>"
    )
    data = page.encode("cp1251")
    assert detect_encoding(data) == "cp1251"
    assert extract_text(parse_document(data)).startswith("Сирийские")
