"""Archiving trees: order and bytes independent of jobs, bad input, dedup, rolling, kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scrubwarc import OutputError, archive, list_articles, unpack, verify
from scrubwarc.batch import BATCH_SIZE
from tests.helpers import FIXTURES, make_corpus, pinned_clock, pinned_ids


def test_archives_the_fixtures(tmp_path: Path) -> None:
    out = tmp_path / "news.warc.gz"
    seen: list[int] = []
    summary = archive(
        [FIXTURES],
        out,
        include=("*.in.txt", "*.html"),
        progress=lambda done, total: seen.append(done),
    )
    inputs = sorted(FIXTURES.rglob("*.in.txt")) + sorted(FIXTURES.rglob("*.html"))
    assert summary.articles == len(inputs) == len(seen) == seen[-1]
    assert summary.records >= 3 * summary.articles - len(summary.flagged) + 1
    assert summary.bytes_in == sum(p.stat().st_size for p in inputs)
    assert summary.bytes_out == out.stat().st_size
    assert summary.files == (out,)
    assert verify(out) == []
    restored = unpack(out, tmp_path / "back")
    assert restored.refused == ()
    for name in restored.restored:
        assert (tmp_path / "back" / name).read_bytes() == (FIXTURES / name).read_bytes()


def test_bad_input_is_flagged_or_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_corpus(src, 3)
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (src / "huge.txt").write_bytes(b"x" * 5000)
    out = tmp_path / "out.warc.gz"
    summary = archive([src], out, max_bytes=4000)
    assert summary.articles == 4
    assert [p for p, _ in summary.flagged] == [str(src / "binary.txt")]
    assert "binary" in summary.flagged[0][1]
    assert [p for p, _ in summary.skipped] == [str(src / "huge.txt")]
    assert "limit" in summary.skipped[0][1]
    flagged = [a for a in list_articles(out) if a.error]
    assert [a.path for a in flagged] == ["binary.txt"]
    unpack(out, tmp_path / "back")
    assert (tmp_path / "back/binary.txt").read_bytes() == (src / "binary.txt").read_bytes()


def test_jobs_do_not_change_the_bytes(tmp_path: Path) -> None:
    make_corpus(tmp_path / "src", 3 * BATCH_SIZE + 5)
    outs = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}" / "news.warc.gz"
        archive(
            [tmp_path / "src"],
            out,
            jobs=jobs,
            clock=pinned_clock,
            record_ids=pinned_ids(),
            parents=True,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_jobs_do_not_change_the_bytes_with_repeats_raw_files_and_rolling(tmp_path: Path) -> None:
    src = tmp_path / "src"
    paths = make_corpus(src, 2 * BATCH_SIZE)
    (src / "copies").mkdir()
    for n, path in enumerate(paths[::9]):  # repeats, some in other batches than their first
        (src / "copies" / f"{n}.txt").write_bytes(path.read_bytes())
    (src / "copies" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    parts = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}" / "news.warc.gz"
        summary = archive(
            [src],
            out,
            jobs=jobs,
            max_size=40_000,
            clock=pinned_clock,
            record_ids=pinned_ids(),
            parents=True,
        )
        assert summary.duplicates > 0 and len(summary.files) > 2 and len(summary.flagged) == 1
        parts.append([p.read_bytes() for p in summary.files])
    assert parts[0] == parts[1]


def test_identical_originals_are_stored_once(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (first,) = make_corpus(src, 1)
    (src / "copy").mkdir()
    (src / "copy/same.txt").write_bytes(first.read_bytes())
    out = tmp_path / "x.warc.gz"
    summary = archive([src], out)
    assert (summary.articles, summary.duplicates) == (2, 1)
    listed = list(list_articles(out))
    assert [(a.path, a.duplicate) for a in listed] == [
        ("copy/same.txt", False),
        ("d0/article-000000.txt", True),
    ]
    back = unpack(out, tmp_path / "back")
    assert sorted(back.restored) == ["copy/same.txt", "d0/article-000000.txt"]
    assert (tmp_path / "back/copy/same.txt").read_bytes() == first.read_bytes()


def test_output_inside_the_input_tree_is_never_read_back(tmp_path: Path) -> None:
    for name in ("news.warc.gz", "archive/news.warc.gz"):
        root = tmp_path / name.replace("/", "-")
        make_corpus(root, 4)
        for _ in range(2):
            summary = archive(
                [root], root / name, include=("*",), force=True, wacz=True, parents=True
            )
            assert summary.articles == 4, name


def test_rolling_output(tmp_path: Path) -> None:
    make_corpus(tmp_path / "src", 40)
    summary = archive([tmp_path / "src"], tmp_path / "news.warc.gz", max_size=6000)
    assert len(summary.files) > 2
    assert summary.bytes_out == sum(p.stat().st_size for p in summary.files)
    paths = []
    for part in summary.files:
        assert verify(part) == []
        paths += [a.path for a in list_articles(part)]
    assert len(paths) == len(set(paths)) == 40


def test_refuses_existing_output(tmp_path: Path) -> None:
    make_corpus(tmp_path / "src", 1)
    out = tmp_path / "x.warc.gz"
    out.write_bytes(b"mine")
    with pytest.raises(OutputError, match="already exists"):
        archive([tmp_path / "src"], out)
    assert out.read_bytes() == b"mine"


def test_append_mode(tmp_path: Path) -> None:
    make_corpus(tmp_path / "one", 2)
    make_corpus(tmp_path / "two", 2, start=100)
    out = tmp_path / "x.warc.gz"
    archive([tmp_path / "one"], out)
    archive([tmp_path / "two"], out, append=True)
    assert verify(out) == []
    assert len(list(list_articles(out))) == 4


_KILLABLE = """
import sys
from pathlib import Path
from scrubwarc import archive
archive([Path(sys.argv[1])], Path(sys.argv[2]), jobs=2)
"""


@pytest.mark.slow
def test_sigkill_mid_archive_leaves_no_half_file(tmp_path: Path) -> None:
    make_corpus(tmp_path / "src", 3000)
    out = tmp_path / "out" / "news.warc.gz"
    partial = out.with_name(".news.warc.gz.partial")
    out.parent.mkdir()
    child = subprocess.Popen([sys.executable, "-c", _KILLABLE, str(tmp_path / "src"), str(out)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if partial.exists() and partial.stat().st_size > 20_000:
                break
            time.sleep(0.01)
        assert child.poll() is None, "finished before it could be killed: grow the corpus"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert not out.exists()
    # The writer never renames a partial file; a later run simply overwrites it.
    summary = archive([tmp_path / "src"], out, jobs=2)
    assert summary.articles == 3000
    assert verify(out) == []
    assert not partial.exists()
