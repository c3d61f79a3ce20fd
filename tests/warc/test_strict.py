"""The strict record reader behind ls, unpack and verify: a cut-off WARC never reads as whole.

Every prefix of a WARC that does not end at a record boundary is an error naming the file
and the offset of the record cut in two; every prefix that does is a shorter, valid WARC.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from scrubwarc.batch import archive
from scrubwarc.errors import WarcError
from scrubwarc.warc.reader import iter_records, list_articles, unpack
from scrubwarc.warc.verify import verify
from tests.helpers import FIXTURES, article, member_offsets, run, storm, write


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write(tmp_path / "small.warc.gz", (storm(), "a/storm.txt"), (article("Two\n"), "b.txt"))


def _uncompressed(warc: Path) -> tuple[Path, list[int]]:
    """The same WARC without gzip, and where each of its records ends."""
    plain = warc.with_name(warc.name.removesuffix(".gz"))
    data = gzip.decompress(warc.read_bytes())
    plain.write_bytes(data)
    ends = [*[r.offset for r in iter_records(plain)][1:], len(data)]
    return plain, ends


def _read_all(path: Path) -> int:
    count = 0
    for rec in iter_records(path):
        rec.read()
        count += 1
    return count


@pytest.mark.parametrize("form", ["gzip", "plain"])
def test_every_prefix_is_whole_records_or_an_error_at_the_cut(
    small: Path, tmp_path: Path, form: str
) -> None:
    if form == "gzip":
        data = small.read_bytes()
        ends = [*member_offsets(small)[1:], len(data)]
    else:
        plain, ends = _uncompressed(small)
        data = plain.read_bytes()
    starts = [0, *ends[:-1]]
    cut = tmp_path / f"cut.{form}"
    # Every 5th byte, and every byte near a record boundary: the cuts most likely to slip.
    near = {n + d for s in starts for n in (s,) for d in range(-8, 9)}
    for n in sorted({*range(1, len(data), 5), *near} & set(range(1, len(data)))):
        cut.write_bytes(data[:n])
        if n in ends:
            assert _read_all(cut) == ends.index(n) + 1
            continue
        with pytest.raises(WarcError) as caught:
            _read_all(cut)
        record = max(i for i, s in enumerate(starts) if s <= n)
        assert caught.value.offset == starts[record], n
        assert str(caught.value).startswith(f"{cut}: offset {starts[record]}: ")


@pytest.fixture
def fixtures_warc(tmp_path: Path) -> Path:
    """An archive of the repository's fixtures, as the issue's reproduction makes it."""
    out = tmp_path / "b.warc.gz"
    archive([FIXTURES], out)
    return out


def test_truncated_archive_fails_ls_unpack_and_verify_with_the_offset(
    fixtures_warc: Path, tmp_path: Path
) -> None:
    trunc = tmp_path / "trunc.warc.gz"
    cut_at = max(s for s in member_offsets(fixtures_warc) if s < 5000)
    # head -c, as the issue did, but 120 bytes into the member that byte 5000 falls in, so the
    # file ends inside that record's header whatever fixtures come before it.
    trunc.write_bytes(fixtures_warc.read_bytes()[: cut_at + 120])

    r = run("ls", trunc)
    assert r.returncode == 2
    assert r.stderr.splitlines()[-1].startswith(f"error: {trunc}: offset {cut_at}: truncated")

    r = run("unpack", trunc, "-o", tmp_path / "out")
    assert r.returncode == 2, r.stderr
    lines = r.stderr.splitlines()
    assert lines[0].startswith(f"error: {trunc}: offset {cut_at}: truncated record")
    restored = sorted(p for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert restored and lines[1].startswith(f"restored {len(restored)} file")
    assert f"stopped at offset {cut_at}" in lines[1]
    for path in restored:  # what was restored is whole, byte for byte
        assert path.read_bytes() == (FIXTURES / path.relative_to(tmp_path / "out")).read_bytes()

    r = run("verify", trunc)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        f"error: {trunc}: offset {cut_at}: truncated record: the file ends inside it "
        "(its header is cut short)"
    ]


def test_verify_says_what_content_length_promised_and_what_is_there(
    small: Path, tmp_path: Path
) -> None:
    plain, ends = _uncompressed(small)
    data = plain.read_bytes()
    second = ends[0]
    header_end = data.index(b"\r\n\r\n", second) + 4
    declared = int(data[second:header_end].split(b"Content-Length: ")[1].split(b"\r\n")[0])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: header_end + 10])
    [fault] = verify(cut)
    assert fault.offset == second
    assert fault.reason == f"truncated record: Content-Length says {declared:,} bytes, 10 present"


def test_unpack_keeps_what_it_restored_before_the_damage(small: Path, tmp_path: Path) -> None:
    starts = member_offsets(small)
    trunc = tmp_path / "trunc.warc.gz"
    trunc.write_bytes(small.read_bytes()[: starts[-1] + 30])  # the last metadata record cut
    summary = unpack(trunc, tmp_path / "out")
    assert summary.restored == ("a/storm.txt",)  # b.txt's metadata never arrived whole
    assert summary.stopped is not None and summary.stopped.offset == starts[-1]
    with pytest.raises(WarcError):
        list(list_articles(trunc))


def test_a_truncated_metadata_record_never_names_a_file(small: Path, tmp_path: Path) -> None:
    """Cut inside the metadata block: its source path may be cut too, so it is not used."""
    plain, ends = _uncompressed(small)
    data = plain.read_bytes()
    meta_start = ends[-2]
    cut_at = data.index(b"b.txt", meta_start) + 1  # the path reads "b" once cut
    trunc = tmp_path / "trunc.warc"
    trunc.write_bytes(data[:cut_at])
    summary = unpack(trunc, tmp_path / "out")
    assert summary.restored == ("a/storm.txt",)
    assert not (tmp_path / "out" / "b").exists()
