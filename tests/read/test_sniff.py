"""Input sniffing: binary data is refused whatever its suffix; text of every kind is not.

Binary inputs are built from the real thing where the machine has it (gzip, bzip2, xz and
zip from the standard library, an executable from /bin), else from the format's header.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import random
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrubwarc.errors import DecodeError
from scrubwarc.read.decode import decode
from scrubwarc.read.document import read
from scrubwarc.read.sniff import binary_reason
from tests.helpers import FIXTURES, run

PAGE = (FIXTURES / "html").glob("*.html").__next__().read_bytes()


def _zip(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("page.html", data)
    return buffer.getvalue()


def _executable() -> bytes:
    exe = Path(shutil.which("ls") or sys.executable).resolve()
    return exe.read_bytes()[:3000]


def _pe() -> bytes:
    header = bytearray(b"MZ" + b"\x90" * 0x3A + (0x80).to_bytes(4, "little"))
    header += b"This program cannot be run in DOS mode.\r\n".ljust(0x40, b" ")
    return bytes(header) + b"PE\x00\x00" + bytes(range(1, 200))


def _noise() -> bytes:
    """Random bytes without a single NUL: only the share of control bytes gives it away."""
    rng = random.Random(13)
    return bytes(rng.randrange(1, 256) for _ in range(3000))


BINARY = {
    "gzip data": lambda: gzip.compress(PAGE),
    "bzip2 data": lambda: bz2.compress(PAGE),
    "xz data": lambda: lzma.compress(PAGE),
    "zstd data": lambda: b"\x28\xb5\x2f\xfd\x24\x00" + PAGE[:200],
    "zip archive": lambda: _zip(PAGE),
    "ELF executable": _executable,
    "Windows executable (PE)": _pe,
    "Mach-O executable": lambda: b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + bytes(300),
    "PNG image": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "contains NUL bytes": lambda: b"<p>Hello\x00world</p>",
}


@pytest.mark.parametrize(("reason", "make"), BINARY.items(), ids=BINARY.keys())
def test_binary_kinds_are_named(reason: str, make: object) -> None:
    if reason == "ELF executable" and not sys.platform.startswith("linux"):
        pytest.skip("the executables here are not ELF")
    assert callable(make)
    assert binary_reason(make()) == reason


def test_random_bytes_without_nul_are_binary_by_their_control_bytes() -> None:
    reason = binary_reason(_noise())
    assert reason is not None and reason.endswith("control characters")


TEXT = {
    "utf-8": "Storm hits coast\n\nIt rained, said Zoë: “no”.\n".encode(),
    "utf-16": "Storm hits coast\n\nIt rained.\n".encode("utf-16"),
    "utf-16-le, no BOM": "Storm hits coast\n\nIt rained.\n".encode("utf-16-le"),
    "utf-32": "Storm hits coast\n".encode("utf-32"),
    "cp1252": "Café “quotes” — dash\n".encode("cp1252"),
    "shift_jis": "東京で雨が降った。\n".encode("shift_jis"),
    "iso-2022-jp (escape bytes)": "東京で雨が降った。ニュース\n".encode("iso2022_jp") * 20,
    "a stray control or two": b"Headline\x0c\n\nBody\x01 text that is long enough. " * 40,
    "starts like MZ": b"MZ Bank said on Tuesday that rates would rise.\n",
    "starts like BZh": b"BZh is not a word, but text can start with it.\n",
    "starts like PK": b"PK wins the final\n\nA report.\n",
}


@pytest.mark.parametrize("data", TEXT.values(), ids=TEXT.keys())
def test_text_of_every_kind_is_not_binary(data: bytes) -> None:
    assert binary_reason(data) is None


def test_no_fixture_is_binary() -> None:
    inputs = [p for p in FIXTURES.rglob("*") if p.is_file() and ".out." not in p.name]
    assert len(inputs) > 50
    assert [p.name for p in inputs if binary_reason(p.read_bytes()) is not None] == []


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=300))
def test_printable_text_is_never_binary(text: str) -> None:
    for encoding in ("utf-8", "utf-16", "utf-32"):
        assert binary_reason(text.encode(encoding)) is None


def test_decode_and_the_html_path_refuse_binary_naming_the_source() -> None:
    with pytest.raises(DecodeError, match=r"^page\.txt: binary file \(gzip data\)$"):
        decode(gzip.compress(b"Headline\n\nBody\n"), "page.txt")
    with pytest.raises(DecodeError, match=r"^page\.html: binary file \(gzip data\)$"):
        read(gzip.compress(PAGE), "page.html")
    with pytest.raises(DecodeError, match=r"^p\.html: binary file \(contains NUL bytes\)$"):
        read(b"<p>Hello\x00world</p>", "p.html")


@pytest.fixture
def disguised(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "page.html").write_bytes(gzip.compress(PAGE))
    (root / "tool.html").write_bytes(_pe())
    (root / "zero.html").write_bytes(b"<p>Hello\x00world</p>")
    (root / "notes.txt").write_bytes(bz2.compress(b"Headline\n\nBody\n"))
    (root / "fine.txt").write_text("Storm hits coast\n\nIt rained.\n")
    return root


def test_clean_and_meta_refuse_binary_with_the_reason(disguised: Path) -> None:
    for name, reason in [
        ("page.html", "gzip data"),
        ("tool.html", "Windows executable (PE)"),
        ("zero.html", "contains NUL bytes"),
        ("notes.txt", "bzip2 data"),
    ]:
        path = disguised / name
        commands: list[list[str | Path]] = [
            ["clean", path],
            ["meta", path],
            ["meta", "--json", path],
        ]
        for command in commands:
            r = run(*command)
            assert (r.returncode, r.stdout) == (2, ""), (command, r.stdout)
            assert r.stderr == f"error: {path}: binary file ({reason})\n"
    assert "Hello" not in run("clean", disguised / "zero.html").stdout


def test_archive_stores_binary_raw_and_flags_it(disguised: Path, tmp_path: Path) -> None:
    warc = tmp_path / "x.warc.gz"
    r = run("archive", disguised, "-o", warc)
    assert r.returncode == 2
    flagged = [x for x in r.stderr.splitlines() if x.endswith("(archived raw, flagged)")]
    assert len(flagged) == 4
    assert f"error: {disguised / 'page.html'}: binary file (gzip data) (archived raw, flagged)" in (
        flagged
    )
    assert "1 article" not in r.stderr  # all five are archived: four of them raw
    back = tmp_path / "back"
    assert run("unpack", warc, "-o", back).returncode == 0
    for path in disguised.iterdir():
        assert (back / path.name).read_bytes() == path.read_bytes()
