"""The crawl benchmark runs end to end on a few pages (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, SHARED

pytestmark = pytest.mark.slow


def test_crawl_benchmark_smoke(tmp_path: Path) -> None:
    if importlib.util.find_spec("trafilatura") is None:
        pytest.skip("trafilatura (the bench extra) is not installed")
    if not (SHARED / "aeb" / "html").is_dir():
        pytest.skip(f"the shared pages are not at {SHARED}")
    script = ROOT / "benchmarks" / "crawl.py"
    done = subprocess.run(
        [sys.executable, script, "--limit", "3", "--repeat", "1", "--work", tmp_path],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "crawl: 6 captures of 3 real pages" in done.stdout
    assert "scrubwarc archive --jobs 1 vs warcio + trafilatura:" in done.stdout
    assert "scrubwarc archive --jobs 1 vs warcio + trafilatura with metadata:" in done.stdout
    assert "x in pages per CPU second" in done.stdout
    assert "read: warcio " in done.stdout and "read: scrubwarc read_crawl " in done.stdout
    assert "peak RSS, crawl x4 vs x1:" in done.stdout
    split = subprocess.run(
        [sys.executable, script, "--limit", "3", "--work", tmp_path, "--stages", "4"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert split.returncode == 0, split.stdout + split.stderr
    assert "read the crawl" in split.stdout and "extract" in split.stdout


def test_crawl_benchmark_without_the_shared_pages_says_so_in_one_line(tmp_path: Path) -> None:
    """A checkout with no ``../shared`` beside it (the default) is told where the pages were
    looked for and how to point at them: one line, exit 2, no crawl recorded."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "benchmarks", checkout / "benchmarks")
    work = tmp_path / "work"
    done = subprocess.run(
        [sys.executable, checkout / "benchmarks" / "crawl.py", "--limit", "2", "--work", work],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"error: no pages in {tmp_path / 'shared'}/aeb/html ")
    assert "--shared DIR" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not list(work.glob("*.warc.gz"))
