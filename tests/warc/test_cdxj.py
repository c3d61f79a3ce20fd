"""CDXJ keys and sorting: our SURT keys against the `surt` package pywb looks URLs up with."""

from __future__ import annotations

from pathlib import Path

import pytest
import surt  # the judge: pywb's own canonicalizer (a dev dependency, through pywb)
from hypothesis import given, settings
from hypothesis import strategies as st

from scrubwarc.warc.cdxj import SortedLines, surt_key
from scrubwarc.warc.record import target_uri
from tests.helpers import FIXTURES

CASES = [
    "https://www.Example.com:443/News/?b=2&a=1#top",
    "http://www2.example.com/a/./b/../../c?",
    "https://example.com:8080/a/",
    "https://example.com",
    "https://user:pw@example.com/%7Ea%41%2f",
    "https://example.com/a?jsessionid=0123456789abcdef0123456789abcdef&x=1",
    "https://example.com/a?x=1&PHPSESSID=0123456789abcdef0123456789abcdef",
    "https://example.com/(S(abcdefghijklmnopqrstuvwx))/page.aspx?q=1",
    "https://xn--bcher-kva.example/%C3%A4%20b?q=1",
    "https://example.com/%25%32%35",
    "http://example.com/a?x&y=&a",
    "https://example.com/a//b/",
    "https://1.2.3.4/a",
    "http://3232235777/x",
    "urn:sha256:ABCDEF0123",
    "urn:text:https://a.example/?b=1&a=2",
    "urn:text:https://a.example/B/",
    "urn://host.example/a",
    "urn:a//",
    "urn:(a(abcdefghijklmnopqrstuvwx))/p.aspx",
    "urn:a%41",
    "urn:a b",
    "urn:text:https://www.Example.com/A?b=1&a=2",
    "mailto:someone@example.com",
    "example.com/no-scheme",
    "HTTP://EXAMPLE.COM/UPPER",
    # Malformed authorities, read as urllib reads a netloc: "[" opens the host wherever it is.
    "urn://0[",
    "urn://x[/y",
    "urn://u@a[b]:8/c",
    "http://0[/x",
    "http://a[b/c?x=1",
    "http://[::1]:8080/x",
    "http:///x",
    "http://:80/x",
]


@pytest.mark.parametrize("url", CASES)
def test_known_cases_match_surt(url: str) -> None:
    assert surt_key(url) == surt.surt(url)


def test_every_fixture_url_matches_surt() -> None:
    import re

    urls = set()
    for path in FIXTURES.rglob("*"):
        if path.is_file():
            text = path.read_text("utf-8", "replace")
            urls.update(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert len(urls) > 10
    for url in sorted(urls):
        target = target_uri(url, b"")
        assert surt_key(target) == surt.surt(target), target


_label = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=8)
_segment = st.text("abcXYZ019-._~!$&'()*+,;=:@%/ äé" + "\u4e2d", min_size=0, max_size=12)
_query_part = st.text("abcXYZ019-._~%+,/:@ ", min_size=0, max_size=8)


@st.composite
def _urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTPS"]))
    host = ".".join(draw(st.lists(_label, min_size=1, max_size=4)))
    if draw(st.booleans()):
        host = draw(st.sampled_from(["www.", "WWW.", "www3."])) + host
    port = draw(st.sampled_from(["", ":80", ":443", ":8080"]))
    path = "/".join(draw(st.lists(_segment, max_size=4)))
    url = f"{scheme}://{host}{port}/{path}"
    pairs = draw(st.lists(st.tuples(_query_part, _query_part), max_size=4))
    if pairs:
        url += "?" + "&".join(f"{k}={v}" if v else k for k, v in pairs)
    if draw(st.booleans()):
        url += "#" + draw(_segment)
    return url


@settings(max_examples=400, deadline=None)
@given(_urls())
def test_generated_urls_match_surt(url: str) -> None:
    """As written (any bytes a foreign WARC may hold) and as our writer targets them."""
    assert surt_key(url) == surt.surt(url)
    target = target_uri(url, b"")
    assert surt_key(target) == surt.surt(target)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["http://", "https://", "urn://", "urn:text:http://"]),
    st.text("ab0A%:@[]./", max_size=10),
    st.text("ab/?=&", max_size=6),
)
def test_malformed_authorities_match_surt(scheme: str, authority: str, rest: str) -> None:
    url = scheme + authority + ("/" + rest if rest else "")
    try:
        expected = surt.surt(url)
    except ValueError:  # a port urllib refuses: pywb cannot look it up; we only must not fail
        surt_key(url)
        return
    assert surt_key(url) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=20))
def test_generated_urns_match_surt(rest: str) -> None:
    for url in ("urn:" + rest, "urn:text:https://a.example/" + rest):
        assert surt_key(url) == surt.surt(url)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=6).map(lambda t: t.replace("\n", "\r") + "\n"), max_size=60))
def test_sorted_lines_spill_and_merge(lines: list[str]) -> None:
    collected = SortedLines(chunk=7)
    for line in lines:
        collected.add(line)
    assert list(collected) == sorted(lines)
    collected.close()


def test_sorted_lines_leave_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    collected = SortedLines(chunk=2)
    for line in ("c\n", "a\n", "b\n", "d\n", "e\n"):
        collected.add(line)
    assert "".join(collected) == "a\nb\nc\nd\ne\n"
    collected.close()
    assert list(tmp_path.iterdir()) == []
