"""Hardening, WARC reading through the command: damaged and foreign files, hostile paths.

The library-level cases (which fault, at which offset) are in ``tests/warc/test_reader.py``;
here every command must answer a user with one line per problem and no traceback.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import article, member_offsets, run, storm, write


def _truncated(good: bytes, offsets: list[int]) -> bytes:
    return good[: offsets[2] + 40]


def _corrupted(good: bytes, offsets: list[int]) -> bytes:
    bad = bytearray(good)
    bad[offsets[2] + 30] ^= 0xFF  # inside the compressed body of the third record
    return bytes(bad)


def _whole_gzip(good: bytes, offsets: list[int]) -> bytes:
    return gzip.compress(gzip.decompress(good))


DAMAGE: dict[str, Callable[[bytes, list[int]], bytes]] = {
    "truncated": _truncated,
    "corrupted": _corrupted,
    "whole-file-gzipped": _whole_gzip,
    "not-a-warc": lambda good, offsets: b"<html>not a WARC</html>\n",
    "empty": lambda good, offsets: b"",
    "gzip-garbage": lambda good, offsets: b"\x1f\x8b\x08garbage",
}


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(
        tmp_path / "good.warc.gz",
        (storm(), "a/storm.txt"),
        (article("Second story\n"), "b.txt"),
        (article("Third story\n"), "c.txt"),
    )


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_warc_through_verify_ls_and_unpack(
    good: Path, tmp_path: Path, damage: Callable[[bytes, list[int]], bytes]
) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(damage(good.read_bytes(), member_offsets(good)))

    r = run("verify", bad)
    assert r.returncode == 1 and r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines and all(
        re.fullmatch(rf"error: {bad}: offset \d+( record \S+)?: .+", x) for x in lines
    )

    commands: list[list[str | Path]] = [["ls", bad], ["unpack", bad, "-o", tmp_path / "out"]]
    for args in commands:
        r = run(*args)
        assert "Traceback" not in r.stderr
        errors = [x for x in r.stderr.splitlines() if x.startswith("error:")]
        if r.returncode == 0:  # a readable prefix, or nothing at all, was listed or restored
            assert errors == []
        else:
            assert r.returncode == 2 and errors and str(bad) in errors[0]


@pytest.mark.parametrize(
    "name", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "CON", "a/nul.txt", "C:/x.txt"]
)
def test_unpack_command_refuses_unsafe_stored_paths(tmp_path: Path, name: str) -> None:
    warc = write(tmp_path / "evil.warc.gz", (storm(), name), (article("Fine\n"), "ok.txt"))
    out = tmp_path / "deep" / "out"
    r = run("unpack", warc, "-o", out)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    refused = [x for x in r.stderr.splitlines() if x.endswith("(not restored)")]
    assert len(refused) == 1 and name in refused[0]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert written == ["deep", "deep/out", "deep/out/ok.txt", "evil.warc.gz"]
