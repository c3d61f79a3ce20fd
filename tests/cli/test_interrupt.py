"""Hardening, interruption: Ctrl-C and kill -9 in the middle of `clean --in-place` and `archive`.

No file is ever half-written under its real name, every completed WARC passes `warcio check`,
and a rerun finishes the job. (SIGKILL in the library's archive loop is in test_batch.py.)
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scrubwarc import clean_text
from tests.helpers import DIRTY, SCRUBWARC, as_terminal_job, run

pytestmark = pytest.mark.slow

FILES = 3000


def make_tree(root: Path) -> list[Path]:
    paths = []
    for i in range(FILES):
        path = root / f"d{i % 10}" / f"f{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        # Long enough that a torn write would show; each file distinct.
        path.write_text(DIRTY + f"Paragraph {i}. " * 200 + "\n")
        paths.append(path)
    return paths


def start_and_stop(args: list[str | Path], sig: int, ready: Callable[[], bool]) -> int:
    """Start the command, wait until ``ready()``, send ``sig``; the exit code."""
    child = subprocess.Popen(
        [SCRUBWARC, *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=as_terminal_job,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None and not ready():
            time.sleep(0.005)
        assert child.poll() is None, "finished before it could be interrupted: grow the corpus"
        child.send_signal(sig)
        stderr = child.communicate(timeout=60)[1].decode()
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert "Traceback" not in stderr
    return child.returncode


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_clean_in_place_leaves_whole_files_and_a_rerun_finishes(
    tmp_path: Path, sig: int
) -> None:
    paths = make_tree(tmp_path / "tree")
    expected_clean = {p: clean_text(p.read_text()).text for p in paths}
    originals = {p: p.read_text() for p in paths}
    probe = paths[FILES // 3]

    code = start_and_stop(
        ["clean", "--in-place", tmp_path / "tree"],
        sig,
        lambda: probe.read_text() != originals[probe],
    )
    assert code == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    done = sum(p.read_text() == expected_clean[p] for p in paths)
    untouched = sum(p.read_text() == originals[p] for p in paths)
    assert done + untouched == FILES and 0 < done < FILES  # each file whole: old or new
    leftovers = [p for p in (tmp_path / "tree").rglob("*") if p.is_file() and p not in originals]
    if sig == signal.SIGINT:
        assert leftovers == []  # the temporary file of the interrupted write was removed
    else:
        assert all(p.name.startswith(".") and p.name.endswith(".tmp") for p in leftovers)

    r = run("clean", "--in-place", tmp_path / "tree")
    assert r.returncode == 0
    assert all(p.read_text() == expected_clean[p] for p in paths)
    assert run("clean", "--check", tmp_path / "tree").returncode == 0


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_interrupted_archive_keeps_complete_warcs_and_a_rerun_finishes(
    tmp_path: Path, sig: int
) -> None:
    make_tree(tmp_path / "tree")
    out = tmp_path / "out" / "news.warc.gz"
    out.parent.mkdir()
    args: list[str | Path] = ["archive", tmp_path / "tree", "-o", out, "--max-size", "500KB"]
    first_part = out.with_name("news-00001.warc.gz.partial")
    code = start_and_stop(args, sig, lambda: (out.parent / f".{first_part.name}").exists())
    assert code == (130 if sig == signal.SIGINT else -signal.SIGKILL)
    finished = sorted(out.parent.glob("news-*.warc.gz"))
    assert finished, "no part was complete when interrupted"
    warcio = shutil.which("warcio")
    assert warcio is not None
    for part in finished:  # a part with its final name is complete and valid
        check = subprocess.run([warcio, "check", str(part)], capture_output=True, check=False)
        assert check.returncode == 0, check.stdout
        assert run("verify", part).returncode == 0

    r = run(*args, "--force")
    assert r.returncode == 0, r.stderr
    assert not list(out.parent.glob(".*.partial"))
    parts = sorted(out.parent.glob("news-*.warc.gz"))
    assert run("verify", *parts).returncode == 0
    listed = sum(len(run("ls", part).stdout.splitlines()) for part in parts)
    assert listed == FILES
