"""Reading WARCs back: verify finds damage, unpack restores originals and refuses bad paths."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc import Article, InputError, Metadata, list_articles, unpack, verify
from scrubwarc.warc.reader import unsafe_reason
from tests.helpers import article, member_offsets, storm, write


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(
        tmp_path / "good.warc.gz",
        (storm(), "a/storm.txt"),
        (article("Second story\n"), "b.txt"),
        (article("Third story\n"), "c/d/e.txt"),
    )


def test_good_file_verifies(good: Path) -> None:
    assert verify(good) == []


def test_flipped_byte_names_the_record(good: Path, tmp_path: Path) -> None:
    starts = member_offsets(good)
    assert len(starts) == 10
    data = bytearray(good.read_bytes())
    data[starts[4] + 40] ^= 0x01  # inside the gzip member of the second article's original
    bad = tmp_path / "flip.warc.gz"
    bad.write_bytes(bytes(data))
    faults = verify(bad)
    assert faults and faults[0].offset == starts[4]
    assert f"offset {starts[4]}" in str(faults[0])


def test_flipped_byte_in_uncompressed_block_is_a_digest_fault(good: Path, tmp_path: Path) -> None:
    plain = bytearray(gzip.decompress(good.read_bytes()))
    plain[plain.index(b"Second story")] = ord("X")
    bad = tmp_path / "flip.warc"
    bad.write_bytes(bytes(plain))
    faults = verify(bad)
    assert [f.reason.split(":")[0] for f in faults] == [
        "block digest mismatch or unknown algorithm",
        "payload digest mismatch or unknown algorithm",
    ]
    assert faults[0].record_id == "<urn:uuid:00000000-0000-0000-0000-000000000005>"


def test_truncated_file(good: Path, tmp_path: Path) -> None:
    data = good.read_bytes()
    bad = tmp_path / "cut.warc.gz"
    bad.write_bytes(data[: len(data) - 30])
    faults = verify(bad)
    assert faults and "truncated" in faults[-1].reason
    plain = tmp_path / "cut.warc"
    plain.write_bytes(gzip.decompress(data)[:-200])
    assert any("truncated" in f.reason for f in verify(plain))


def test_whole_file_gzip(good: Path, tmp_path: Path) -> None:
    bad = tmp_path / "whole.warc.gz"
    bad.write_bytes(gzip.compress(gzip.decompress(good.read_bytes())))
    faults = verify(bad)
    assert faults and "one gzip member per record" in faults[0].reason


@pytest.mark.parametrize("content", [b"", b"hello\n", b"\x1f\x8b\x08garbage", b"WARC/1.1\r\n"])
def test_non_warc_files_give_faults(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(content)
    faults = verify(bad)
    assert faults and faults[0].offset == 0


def test_missing_file_gives_a_fault(tmp_path: Path) -> None:
    assert "cannot read" in verify(tmp_path / "nope.warc.gz")[0].reason


def test_list_articles(good: Path) -> None:
    listed = list(list_articles(good))
    assert [a.path for a in listed] == ["a/storm.txt", "b.txt", "c/d/e.txt"]
    assert listed[0].title == "Storm hits coast"
    assert listed[0].url == listed[0].target == "https://news.example/storm"
    assert listed[0].date == "2024-04-30"
    assert listed[1].target.startswith("urn:sha256:")


def test_unpack_restores_originals(good: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = unpack(good, out)
    assert summary.restored == ("a/storm.txt", "b.txt", "c/d/e.txt")
    assert (out / "a/storm.txt").read_bytes() == storm().original
    assert (out / "c/d/e.txt").read_bytes() == article("Third story\n").original
    again = unpack(good, out)
    assert again.restored == () and len(again.refused) == 3
    assert unpack(good, out, force=True).restored == summary.restored


def test_unpack_restores_both_duplicates(tmp_path: Path) -> None:
    warc = write(tmp_path / "d.warc.gz", (storm(), "one.txt"), (storm(), "two/one.txt"))
    summary = unpack(warc, tmp_path / "out")
    assert summary.restored == ("one.txt", "two/one.txt")
    assert (tmp_path / "out/two/one.txt").read_bytes() == storm().original


@pytest.mark.parametrize(
    "name",
    ["../evil.txt", "a/../../evil.txt", "/etc/evil.txt", "C:/evil.txt", "c:evil.txt", "CON",
     "a/nul.txt", "a/Com1.txt", "lpt9", "a\\b.txt", "a\x00b.txt", "a//b.txt", "./a.txt", ""],
)  # fmt: skip
def test_unpack_refuses_unsafe_paths(tmp_path: Path, name: str) -> None:
    warc = write(tmp_path / "evil.warc.gz", (storm(), name), (article("Fine\n"), "ok.txt"))
    out = tmp_path / "deep" / "out"
    summary = unpack(warc, out)
    assert summary.restored == ("ok.txt",)
    assert summary.refused[0][0] == name and summary.refused[0][1]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert written == ["deep", "deep/out", "deep/out/ok.txt", "evil.warc.gz"]


def test_unpack_does_not_follow_a_symlink_out(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(outside)
    warc = write(tmp_path / "x.warc.gz", (storm(), "link/x.txt"))
    summary = unpack(warc, out)
    assert summary.restored == () and "leaves" in summary.refused[0][1]
    assert list(outside.iterdir()) == []


def test_unpack_refuses_a_damaged_original(good: Path, tmp_path: Path) -> None:
    plain = bytearray(gzip.decompress(good.read_bytes()))
    plain[plain.index(b"Second story")] = ord("X")
    bad = tmp_path / "bad.warc"
    bad.write_bytes(bytes(plain))
    summary = unpack(bad, tmp_path / "out")
    assert dict(summary.refused)["b.txt"].startswith("digest mismatch")


def test_unpack_of_a_non_warc_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.warc.gz"
    bad.write_bytes(b"not a warc at all\n")
    with pytest.raises(InputError, match=r"x\.warc\.gz"):
        unpack(bad, tmp_path / "out")


def test_unsafe_reason_allows_ordinary_names() -> None:
    for name in ("a.txt", "dir/sub/file.html", "con-tra.txt", "comma,1.txt", "…/ünï.txt"):
        assert unsafe_reason(name) is None, name


_SEGMENT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_characters="/\\\x00"), min_size=1, max_size=12
).filter(lambda s: unsafe_reason(s) is None and len(s.encode()) < 200)


@given(
    st.lists(
        st.tuples(st.binary(max_size=300), st.lists(_SEGMENT, min_size=1, max_size=3)),
        min_size=1,
        max_size=4,
        unique_by=lambda item: "/".join(item[1]).lower(),
    )
)
def test_unpack_round_trips_any_bytes_and_safe_paths(items: list[tuple[bytes, list[str]]]) -> None:
    names = ["/".join(parts) for _, parts in items]
    # A name that is also a folder of another name cannot exist on disk together with it.
    if any(a != b and b.startswith(a + "/") for a in names for b in names):
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        arts = [
            (Article(data, "", Metadata(), "text"), name)
            for (data, _), name in zip(items, names, strict=True)
        ]
        warc = write(root / "r.warc.gz", *arts)
        assert verify(warc) == []
        summary = unpack(warc, root / "out")
        assert summary.refused == ()
        for (data, _), name in zip(items, names, strict=True):
            assert (root / "out" / name).read_bytes() == data
