"""Faults a new user met (issue: orphans, silent truncation, …): preconditions, messages, sizes.

Each test reproduces one report against the real command and pins the fixed behaviour.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from scrubwarc.cli.archive import _Progress
from tests.helpers import DIRTY, run, run_process

PAGE = "<!DOCTYPE html><html><body><article><p>" + "A paragraph of article text. " * 8 + "</p>"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for n in range(3):
        (root / f"a{n}.txt").write_text(DIRTY)
    return root


def test_an_output_that_is_a_directory_is_refused_before_any_work(
    corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "existing.warc.gz"
    target.mkdir()
    r = run("archive", corpus, "-o", target, "--force")
    assert r.returncode == 2
    assert r.stderr == f"error: {target}: is a directory\n"  # no summary: nothing was done
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "existing.warc.gz"]


@pytest.mark.parametrize("name", ["t.warc", "t.txt", "t.gz"])
def test_the_output_suffix_must_say_warc_gz(corpus: Path, tmp_path: Path, name: str) -> None:
    r = run("archive", corpus, "-o", tmp_path / name)
    assert r.returncode == 2
    assert "a WARC output is gzip-compressed: name it t.warc.gz" in r.stderr
    assert not (tmp_path / name).exists()


def test_a_missing_output_folder_needs_parents(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "dir" / "t.warc.gz"
    r = run("archive", corpus, "-o", out)
    assert (r.returncode, r.stderr) == (2, f"error: {out.parent}: no such directory\n")
    assert not (tmp_path / "new").exists()
    r = run("archive", corpus, "-o", out, "--parents")
    assert r.returncode == 0 and out.is_file()


@pytest.mark.parametrize("mode", ["--check", "--in-place", "--diff"])
def test_an_html_page_in_a_txt_file_names_the_file(tmp_path: Path, mode: str) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    r = run("clean", mode, tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == (
        f"error: {page}: an HTML page is not rewritten as text; use -o DIR ({mode})"
    )
    assert page.read_text() == PAGE


@pytest.mark.parametrize("size", ["100MB", "64MiB", "1.5k", "2000"])
def test_every_size_option_takes_one_syntax(corpus: Path, tmp_path: Path, size: str) -> None:
    assert run("clean", "--check", "--max-bytes", size, corpus).returncode == 1
    assert run("meta", "--max-bytes", size, corpus / "a0.txt").returncode == 0
    out = tmp_path / "t.warc.gz"
    r = run("archive", corpus, "-o", out, "--max-bytes", size, "--max-size", size, "--force")
    assert r.returncode == 0, r.stderr


def test_a_size_limit_refuses_a_larger_file_with_one_line(corpus: Path) -> None:
    r = run("clean", "--check", "--max-bytes", "10B", corpus / "a0.txt")
    assert r.returncode == 2
    assert r.stderr.splitlines()[0] == (
        f"error: {corpus / 'a0.txt'}: file is {len(DIRTY)} bytes, over the 10-byte limit"
    )


def test_nonsense_sizes_are_usage_errors(corpus: Path) -> None:
    r = run("clean", "--check", "--max-bytes", "lots", corpus)
    assert r.returncode == 2 and "'lots' is not a size such as 1GB" in r.stderr


def test_one_number_format_in_summaries(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(1_005):
        (root / f"{n:04d}.txt").write_text(DIRTY)
    r = run("clean", "--check", root)
    assert r.stderr.splitlines()[-1] == "1,005 files: 1,005 would fix, 0 unchanged, 0 failed"


def test_an_output_run_of_one_file_ends_with_a_summary(corpus: Path, tmp_path: Path) -> None:
    r = run("clean", "-o", tmp_path / "out", corpus / "a0.txt")
    assert (r.returncode, r.stderr) == (0, "1 file: 1 changed, 0 unchanged, 0 failed\n")


def test_unpack_and_ls_speak_plainly(corpus: Path, tmp_path: Path) -> None:
    single = tmp_path / "single"
    single.mkdir()
    (single / "story.txt").write_text(DIRTY)
    warc = tmp_path / "one.warc.gz"
    assert run("archive", single, "-o", warc).returncode == 0
    r = run("unpack", warc, "-o", tmp_path / "restored")
    assert r.stderr.startswith("restored 1 file, ")
    r = run("unpack", warc, "-o", tmp_path / "restored")
    assert r.returncode == 2
    assert "story.txt: file exists (not restored)" in r.stderr
    assert "hint: pass --force to replace existing files" in r.stderr
    r = run("ls", warc)
    assert r.stdout.rstrip("\n").split("\t")[-1] == "story.txt"  # the source path


def test_an_existing_output_names_the_flags_that_replace_it(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.warc.gz"
    assert run("archive", corpus, "-o", out).returncode == 0
    r = run("archive", corpus, "-o", out)
    assert r.returncode == 2
    assert r.stderr.splitlines() == [
        f"error: {out}: already exists",
        "hint: pass --force to replace it, or --append to add to it",
    ]


def test_progress_shows_done_of_total_rate_and_time_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([100.0, 101.0, 102.0])
    monkeypatch.setattr("scrubwarc.cli.archive.time.monotonic", lambda: next(clock))
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    progress = _Progress(True, total=300)
    progress(50, None)
    progress(100, None)
    last = err.getvalue().split("\r")[-1]
    assert last == "\x1b[Karchived 100 of 300 (50/s, 4s left)"


def test_a_fifo_named_like_an_article_is_refused_not_waited_on(tmp_path: Path) -> None:
    root = tmp_path / "tree"
    root.mkdir()
    (root / "a.txt").write_text(DIRTY)
    os.mkfifo(root / "pipe.txt")  # nobody ever writes to it
    r = run_process("clean", "--check", root)  # a real process: a hang would hit the timeout
    assert r.returncode == 2
    assert f"error: {root / 'pipe.txt'}: not a regular file" in r.stderr
    assert "would fix" in r.stderr  # the other file was still checked


@pytest.mark.parametrize("command", ["clean", "meta"])
def test_a_bad_url_pattern_is_a_usage_error_before_any_work(
    corpus: Path, tmp_path: Path, command: str
) -> None:
    out = tmp_path / "out"
    args = ("clean", "-o", out) if command == "clean" else ("meta", "--json")
    r = run(*args, corpus, "--exclude-url", "(")
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr.startswith("error: ") and "(" in r.stderr.splitlines()[0]
    assert not out.exists()
