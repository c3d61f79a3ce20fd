"""What tests share: paths, sample articles, pinned WARC writers, and the CLI runners.

``run`` calls the command in this process with Typer's runner (fast; exit code, stdout and
stderr apart); ``run_process`` runs the installed ``scrubwarc`` as a user does, for what only
a real process shows (signals, start-up imports, the console script, file descriptors).
"""

from __future__ import annotations

import gzip
import itertools
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scrubwarc import Article, Metadata, Removal, WarcWriter

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


MOMENT = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def pinned_ids() -> WarcIds:
    """Record ids 1, 2, 3 … as UUIDs, so a test's output is the same bytes every run."""
    return WarcIds()


class WarcIds:
    def __init__(self) -> None:
        self._count = itertools.count(1)

    def __call__(self) -> str:
        return f"<urn:uuid:{uuid.UUID(int=next(self._count))}>"


def pinned_clock() -> datetime:
    return MOMENT


def pinned_writer(path: Path, **kwargs: object) -> WarcWriter:
    """A writer with pinned dates and ids; it creates the output's folder (not under test)."""
    kwargs.setdefault("parents", True)
    return WarcWriter(path, clock=pinned_clock, record_ids=pinned_ids(), **kwargs)  # type: ignore[arg-type]


def article(text: str = "Storm hits coast\n", url: str | None = None, **meta: object) -> Article:
    original = (text + "\nRead more\n").encode()
    fields = {"title": text.splitlines()[0], "url": url, "encoding": "utf-8", **meta}
    return Article(original, text, Metadata(**fields), "text")  # type: ignore[arg-type]


def records(path: Path) -> list[str]:
    """The decompressed records of a small file, split at record boundaries."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    first, *rest = text.split("\r\n\r\nWARC/1.1\r\n")
    return [first] + ["WARC/1.1\r\n" + r for r in rest]


def storm() -> Article:
    return article(
        url="https://news.example/storm",
        authors=("Ann Lee",),
        date="2024-04-30",
        word_count=2,
        sha256="x",
        removed=(Removal("boilerplate", "Read more", 3, 1),),
    )


def write(path: Path, *items: tuple[Article, str]) -> Path:
    with pinned_writer(path) as writer:
        for art, name in items:
            writer.write(art, name)
    return path


def member_offsets(path: Path) -> list[int]:
    """Where each gzip member, that is each record, starts."""
    data, starts, pos = path.read_bytes(), [], 0
    while pos < len(data):
        starts.append(pos)
        member = zlib.decompressobj(wbits=31)
        member.decompress(data[pos:])
        pos = len(data) - len(member.unused_data)
    return starts


WORDS = [
    "storm",
    "coast",
    "minister",
    "budget",
    "river",
    "city",
    "council",
    "school",
    "market",
    "harbour",
    "rail",
]


def make_corpus(root: Path, count: int, start: int = 0) -> list[Path]:
    """``count`` small text articles in nested folders, different but reproducible."""
    paths = []
    for n in range(start, start + count):
        words = [WORDS[(n * 7 + i * 3) % len(WORDS)] for i in range(40 + n % 60)]
        body = " ".join(words).capitalize() + "."
        text = f"Story {n}: {WORDS[n % len(WORDS)]} news\n\nBy Reporter {n % 13}\n\n{body}\n"
        path = root / f"d{n % 10}" / f"article-{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


DIRTY = "Storm hits coast\n\nStorm hits coast\n\nIt rained.|+News&utm_content=Reader\n"


CLEAN = "Storm hits coast\n\nIt rained.\n"


SCRUBWARC = shutil.which("scrubwarc") or pytest.fail("scrubwarc is not installed")


def as_terminal_job() -> None:
    """A child's ``preexec_fn``: Ctrl-C reaches it as it does a command typed at a terminal.

    A shell without job control starts background jobs with SIGINT ignored, and children
    inherit that; Python then installs no KeyboardInterrupt handler. Tests that interrupt a
    run must not depend on how the test suite itself was started (CI, ``nohup``, ``&``).
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run_process(
    *args: str | Path, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    """The installed ``scrubwarc`` in a child process, as a user runs it."""
    proc = subprocess.run(
        [SCRUBWARC, *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
        timeout=600,  # a hang guard, not a speed test
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@contextmanager
def _cwd(path: Path | None) -> Iterator[None]:
    before = Path.cwd()
    if path is not None:
        os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run(
    *args: str | Path, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[str]:
    """The command in this process, through Typer's runner: exit code, stdout, stderr apart."""
    from typer.testing import CliRunner

    from scrubwarc.cli.app import make_app, wanted

    argv = [str(a) for a in args]
    with _cwd(cwd):
        result = CliRunner().invoke(make_app(wanted(argv)), argv, input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a test failure, not a command's answer
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 (the only address tests serve on)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def pywb_server(root: Path) -> Iterator[str]:
    """pywb's ``wayback`` serving the collections under ``root`` on 127.0.0.1; its base URL.

    Waits until the server answers (at most 60 s) and always stops it.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [Path(sys.executable).parent / "wayback", "-b", "127.0.0.1", "-p", str(port)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "wayback exited"
            try:
                urllib.request.urlopen(f"{base}/C/cdx?url=x", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "wayback did not start in 60 s"
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)


def skip_unless_package_index(folder: Path) -> None:
    """Skip the test, saying why, when pip cannot fetch from the package index.

    pre-commit builds a hook's environment with pip, so its tests need the index; without it
    the README's ``pytest`` must still pass (offline machines), so they skip with the reason.
    """
    r = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder),
         "hatchling"],
        capture_output=True, check=False, timeout=300,
    )  # fmt: skip
    if r.returncode != 0:
        pytest.skip("the package index is unreachable: pre-commit builds the hook from it")
