"""Gzip members joined from a head and a tail deflated apart: standard gzip, whatever the
bytes, and no more than 5% larger than warcio's members for the same records. (warcio,
pywb, cdxj-indexer and py-wacz read the writer's output in ``test_tools.py``.)"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc import archive
from scrubwarc.warc.deflate import deflate, gzip_bytes, join_member
from tests.helpers import FIXTURES, make_corpus, pinned_clock, pinned_ids


def members(data: bytes) -> list[bytes]:
    """Each gzip member of ``data``, decompressed, strictly one after another."""
    found = []
    while data:
        member = zlib.decompressobj(zlib.MAX_WBITS + 16)
        found.append(member.decompress(data))
        assert member.eof, "a member was cut short"
        data = member.unused_data
    return found


@given(head=st.binary(max_size=2000), tail=st.binary(max_size=70_000))
def test_a_joined_member_is_one_standard_join_member(head: bytes, tail: bytes) -> None:
    member = join_member(head, deflate(tail))
    assert members(member) == [head + tail]
    assert gzip.decompress(member) == head + tail


@given(st.binary(max_size=5000))
def test_gzip_bytes_round_trips(data: bytes) -> None:
    assert members(gzip_bytes(data)) == [data]


def test_members_read_the_same_in_any_order() -> None:
    parts = [join_member(b"WARC/1.1\r\n", deflate(bytes([n]) * n)) for n in (1, 200, 3)]
    assert members(b"".join(reversed(parts))) == [
        b"WARC/1.1\r\n" + bytes([n]) * n for n in (3, 200, 1)
    ]


def archived(tmp_path: Path, inputs: list[Path]) -> Path:
    out = tmp_path / "out.warc.gz"
    archive(inputs, out, clock=pinned_clock, record_ids=pinned_ids())
    return out


@pytest.mark.parametrize("corpus", ["fixtures", "generated"])
def test_no_more_than_5_percent_larger_than_warcio(tmp_path: Path, corpus: str) -> None:
    """warcio compresses each whole record at zlib level 9: recompress ours that way."""
    inputs = [FIXTURES] if corpus == "fixtures" else [tmp_path / "in"]
    if corpus == "generated":
        make_corpus(tmp_path / "in", 300)
    ours = archived(tmp_path, inputs).read_bytes()
    records = members(ours)
    assert len(records) > 100
    theirs = 0
    for record in records:
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        theirs += len(compressor.compress(record) + compressor.flush())
    assert len(ours) <= 1.05 * theirs


@pytest.mark.skipif(shutil.which("gzip") is None, reason="no gzip command")
def test_gzip_command_accepts_the_archive(tmp_path: Path) -> None:
    out = archived(tmp_path, [FIXTURES])
    done = subprocess.run(["gzip", "-t", str(out)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    listed = subprocess.run(["gzip", "-dc", str(out)], capture_output=True, check=True).stdout
    assert listed == b"".join(members(out.read_bytes()))
