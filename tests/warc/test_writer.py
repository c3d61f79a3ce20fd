"""The WARC writer: record layout, byte-stable output, atomic files, rolling, dedup, append."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc import ConfigError, OutputError, WarcWriter, __version__, list_articles, verify
from scrubwarc.warc.fields import (
    decode_source_path,
    encode_source_path,
    field_value,
    json_value,
    parse_fields,
)
from scrubwarc.warc.record import target_uri
from tests.helpers import article, pinned_ids, pinned_writer, records, storm

GOLDEN = """\
WARC/1.1\r
WARC-Type: resource\r
WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000002>\r
WARC-Date: 2024-05-01T12:00:00Z\r
WARC-Warcinfo-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r
WARC-Target-URI: https://news.example/storm\r
WARC-Block-Digest: sha1:OPNBADRMR7SCDF5JHR23L44CP2OXJRO2\r
WARC-Payload-Digest: sha1:OPNBADRMR7SCDF5JHR23L44CP2OXJRO2\r
Content-Type: text/plain; charset=utf-8\r
Content-Length: 28\r
\r
Storm hits coast

Read more
\r
\r
WARC/1.1\r
WARC-Type: resource\r
WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000003>\r
WARC-Date: 2024-05-01T12:00:00Z\r
WARC-Warcinfo-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r
WARC-Concurrent-To: <urn:uuid:00000000-0000-0000-0000-000000000002>\r
WARC-Target-URI: urn:text:https://news.example/storm\r
WARC-Block-Digest: sha1:BYJOXYSAX2JIVDTNUBWVVXJARDB3QMMY\r
WARC-Payload-Digest: sha1:BYJOXYSAX2JIVDTNUBWVVXJARDB3QMMY\r
Content-Type: text/plain; charset=utf-8\r
Content-Length: 17\r
\r
Storm hits coast
\r
\r
WARC/1.1\r
WARC-Type: metadata\r
WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000004>\r
WARC-Date: 2024-05-01T12:00:00Z\r
WARC-Warcinfo-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r
WARC-Refers-To: <urn:uuid:00000000-0000-0000-0000-000000000002>\r
WARC-Target-URI: https://news.example/storm\r
WARC-Block-Digest: sha1:MJBLBLJ5TXSWNO7P4F37JM4FGFTA4MX6\r
Content-Type: application/warc-fields\r
Content-Length: 404\r
\r
title: Storm hits coast\r
creator: Ann Lee\r
date: 2024-04-30\r
source: https://news.example/storm\r
identifier: https://news.example/storm\r
format: text/plain; charset=utf-8\r
word-count: 2\r
sha256: x\r
source-sha256: 703af4bbe63bb5e37a81733a346558d20782cc5f518154a484c06b9d8db34d13\r
encoding: utf-8\r
removed: [{"rule":"boilerplate","text":"Read more","line":3,"column":1}]\r
scrubwarc-source-path: storm.txt\r
\r
\r
"""


def test_golden_article_records(tmp_path: Path) -> None:
    out = tmp_path / "g.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm(), "storm.txt")
    text = gzip.decompress(out.read_bytes()).decode("utf-8")
    warcinfo, _, rest = text.partition("\r\n\r\nWARC/1.1\r\nWARC-Type: resource")
    assert "WARC/1.1\r\nWARC-Type: resource" + rest == GOLDEN
    assert "WARC-Filename: g.warc.gz\r\n" in warcinfo
    assert f"software: scrubwarc/{__version__}\r\n" in warcinfo
    assert "format: WARC File Format 1.1\r\nconformsTo: http" in warcinfo


def test_output_is_byte_stable(tmp_path: Path) -> None:
    for name in ("a", "b"):
        with pinned_writer(tmp_path / name / "x.warc.gz") as writer:
            writer.write(storm(), "storm.txt")
            writer.write(article("Other news\n"), "other.txt")
    assert (tmp_path / "a/x.warc.gz").read_bytes() == (tmp_path / "b/x.warc.gz").read_bytes()


def test_one_gzip_member_per_record(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm(), "storm.txt")
    assert out.read_bytes().count(b"\x1f\x8b\x08") == 4
    assert writer.records == 4


def test_metadata_values_stay_on_one_line(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    tricky = article("Title\nwith\r\nbreaks\u2028here\n", description="a\nb", keywords=("k1", "k2"))
    with pinned_writer(out) as writer:
        writer.write(tricky, "dir/a b%.txt")
    metadata = records(out)[3].split("\r\n\r\n", 1)[1]
    fields = parse_fields(metadata.encode())
    assert ("title", "Title") in fields
    assert ("description", "a b") in fields
    assert [v for k, v in fields if k == "keywords"] == ["k1", "k2"]
    assert ("scrubwarc-source-path", "dir/a b%25.txt") in fields
    assert "WARC-Payload-Digest" not in records(out)[3]
    assert verify(out) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=c", "https://news.example/a?b=c"),
        ("https://bücher.example/ä b", "https://xn--bcher-kva.example/%C3%A4%20b"),
        ("HTTP://x.example/100%", "http://x.example/100%25"),
        ("https://x.example/%C3%A4#frag", "https://x.example/%C3%A4"),
        ("ftp://x.example/a", None),
        ("not a url", None),
        ("https://", None),
    ],
)
def test_target_uri(url: str, expected: str | None) -> None:
    # Without a usable URL the target names the bytes: stable across runs and machines.
    fallback = "urn:sha256:" + hashlib.sha256(b"bytes").hexdigest()
    assert target_uri(url, b"bytes") == (expected or fallback)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_source_path_encoding_round_trips(path: str) -> None:
    encoded = encode_source_path(path)
    assert "\r" not in encoded and "\n" not in encoded
    assert decode_source_path(encoded) == path


def test_exception_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pytest.raises(KeyboardInterrupt), pinned_writer(out) as writer:
        writer.write(storm(), "storm.txt")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    out.write_bytes(b"keep")
    with pytest.raises(OutputError, match="already exists"), pinned_writer(out):
        pass
    assert out.read_bytes() == b"keep"
    with pinned_writer(out, force=True) as writer:
        writer.write(storm(), "storm.txt")
    assert verify(out) == []


def test_records_share_a_date_and_name_their_warcinfo(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    ticks = iter(datetime(2024, 5, 1, 12, 0, s, tzinfo=UTC) for s in range(10))
    with WarcWriter(out, clock=lambda: next(ticks), record_ids=pinned_ids()) as writer:
        writer.write(storm(), "storm.txt")
    dates = [r.split("WARC-Date: ")[1][:20] for r in records(out)]
    assert dates == ["2024-05-01T12:00:00Z"] + ["2024-05-01T12:00:01Z"] * 3
    assert all("WARC-Warcinfo-ID: <urn:uuid:" in r for r in records(out)[1:])


def test_default_record_ids_are_distinct_random_uuids(tmp_path: Path) -> None:
    """Drawn in blocks from the random source: each a version-4 UUID, none repeated, across
    the blocks and across writers."""
    ids = []
    for name in ("a.warc.gz", "b.warc.gz"):
        with WarcWriter(tmp_path / name) as writer:
            for n in range(200):  # 601 ids a file: three blocks of 256
                writer.write(storm(), f"storm-{n}.txt")
        ids += [r.split("WARC-Record-ID: <urn:uuid:")[1][:36] for r in records(tmp_path / name)]
    assert len(ids) == len(set(ids)) == 2 * 601
    assert {uuid.UUID(i).version for i in ids} == {4}
    assert {uuid.UUID(i).variant for i in ids} == {uuid.RFC_4122}
    assert all(str(uuid.UUID(i)) == i for i in ids)


def test_duplicate_original_becomes_a_revisit(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pinned_writer(out) as writer:
        first = writer.write(storm(), "a.txt")
        second = writer.write(storm(), "b.txt")
    assert (first.duplicate, second.duplicate, writer.duplicates) == (False, True, 1)
    types = [r.split("WARC-Type: ")[1].split("\r\n")[0] for r in records(out)]
    article_records = ["resource", "resource", "metadata"]
    assert types == ["warcinfo", *article_records, "revisit", *article_records[1:]]
    revisit = records(out)[4]
    assert "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest" in (
        revisit
    )
    assert f"WARC-Refers-To: {first.record_id}\r\n" in revisit
    assert "WARC-Refers-To-Target-URI: https://news.example/storm\r\n" in revisit
    assert "WARC-Refers-To-Date: 2024-05-01T12:00:00Z\r\n" in revisit
    assert "Content-Length: 0\r\n" in revisit
    assert verify(out) == []


def test_rolling_never_splits_an_article(tmp_path: Path) -> None:
    out = tmp_path / "news.warc.gz"
    with pinned_writer(out, max_size=1500) as writer:
        for n in range(6):
            writer.write(article(f"Story {n}\n" + "word " * 50), f"s{n}.txt")
    names = [p.name for p in writer.files]
    assert names == [f"news-{n:05d}.warc.gz" for n in range(len(names))]
    assert len(names) >= 3
    assert sorted(p.name for p in tmp_path.iterdir()) == names
    listed = []
    for part in writer.files:
        assert verify(part) == [], part
        assert records(part)[0].startswith("WARC/1.1\r\nWARC-Type: warcinfo")
        assert f"WARC-Filename: {part.name}\r\n" in records(part)[0]
        listed += [a.path for a in list_articles(part)]
    assert listed == [f"s{n}.txt" for n in range(6)]


def test_append_adds_a_warcinfo_and_records(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm(), "a.txt")
    before = out.read_bytes()
    with WarcWriter(out, append=True) as writer:
        writer.write(article("Later\n"), "b.txt")
    after = out.read_bytes()
    assert after.startswith(before)
    assert [a.path for a in list_articles(out)] == ["a.txt", "b.txt"]
    assert sum("WARC-Type: warcinfo" in r for r in records(out)) == 2
    assert verify(out) == []


def test_append_interrupted_keeps_the_original(tmp_path: Path) -> None:
    out = tmp_path / "x.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm(), "a.txt")
    before = out.read_bytes()
    with pytest.raises(RuntimeError), WarcWriter(out, append=True) as writer:
        writer.write(article("Later\n"), "b.txt")
        raise RuntimeError("stop")
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["x.warc.gz"]


def test_append_and_rolling_do_not_mix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        WarcWriter(tmp_path / "x.warc.gz", append=True, max_size=10)


def test_max_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="max_size must be positive"):
        WarcWriter(tmp_path / "x.warc.gz", max_size=0)


def test_closed_writer_is_an_output_error(tmp_path: Path) -> None:
    writer = pinned_writer(tmp_path / "x.warc.gz")
    with pytest.raises(OutputError, match="closed"):
        writer.write(storm(), "storm.txt")
    assert list(tmp_path.iterdir()) == []


def test_a_line_break_in_the_output_name_stays_out_of_the_headers(tmp_path: Path) -> None:
    out = tmp_path / "bad\r\nWARC-Type: response.warc.gz"
    with pinned_writer(out) as writer:
        writer.write(storm())
    assert "WARC-Filename: bad WARC-Type: response.warc.gz\r\n" in records(out)[0]
    assert verify(out) == []


@given(st.text(st.sampled_from([*'a é\t\r\n\x00\x7f\x85\u2028\u2029\u00a0\u00ad\u200b"\\'])))
def test_field_and_json_values_skip_only_printable_text(value: str) -> None:
    # The plain way: every value through the patterns (printable ones hold no break).
    assert field_value(value) == re.sub(r"[\x00-\x1f\x7f\x85\u2028\u2029]+", " ", value).strip()
    plain = json.dumps({"v": value}, ensure_ascii=False, separators=(",", ":"))
    escaped = re.sub("[\x7f\x85\u2028\u2029]", lambda m: f"\\u{ord(m[0]):04x}", plain)
    assert json_value({"v": value}) == escaped
