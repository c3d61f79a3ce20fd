"""``scrubwarc wacz`` through the real entry point: exit codes, stdout and stderr apart."""

from __future__ import annotations

import zipfile
from pathlib import Path

from tests.helpers import FIXTURES, run


def _warc(tmp_path: Path) -> Path:
    warc = tmp_path / "news.warc.gz"
    r = run("archive", FIXTURES / "html", "-o", warc, "-q")
    assert r.returncode == 0, r.stderr
    return warc


def test_packages_a_warc_beside_it_or_where_asked(tmp_path: Path) -> None:
    warc = _warc(tmp_path)
    r = run("wacz", warc)
    assert (r.returncode, r.stdout) == (0, "")
    assert r.stderr == f"wrote {tmp_path / 'news.wacz'}\n"
    r = run("wacz", warc, "-o", tmp_path / "sub" / "x.wacz", "-q")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    with zipfile.ZipFile(tmp_path / "sub" / "x.wacz") as wacz:
        assert wacz.read("archive/news.warc.gz") == warc.read_bytes()
    assert (tmp_path / "news.wacz").read_bytes() != b""


def test_existing_output_needs_force(tmp_path: Path) -> None:
    warc = _warc(tmp_path)
    out = tmp_path / "news.wacz"
    out.write_bytes(b"keep")
    r = run("wacz", warc, "-o", out)
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == f"error: {out}: already exists\nhint: pass --force to replace it\n"
    assert out.read_bytes() == b"keep"
    r = run("wacz", warc, "-o", out, "--force", "-q")
    assert r.returncode == 0 and zipfile.is_zipfile(out)


def test_bad_inputs_are_one_line_each_and_nothing_written(tmp_path: Path) -> None:
    warc = _warc(tmp_path)
    text = tmp_path / "notes.txt"
    text.write_text("not a WARC\n", encoding="utf-8")
    for bad, reason in (
        (tmp_path / "missing.warc.gz", "no such file"),
        (text, "not a WARC file (neither gzip nor a WARC/ header)"),
    ):
        r = run("wacz", warc, bad, "-o", tmp_path / "out.wacz")
        assert (r.returncode, r.stdout) == (2, "")
        assert r.stderr == f"error: {bad}: {reason}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.warc.gz", "notes.txt"]


def test_help_has_an_example() -> None:
    r = run("wacz", "--help")
    assert r.returncode == 0 and "scrubwarc wacz news.warc.gz -o news.wacz" in r.stdout
