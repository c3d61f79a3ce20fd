"""Stop signals: SIGTERM and SIGHUP end a run as Ctrl-C does; no worker outlives its parent.

Each process test lists the run's child processes by PID (from /proc) before the signal and
checks, within a bounded wait, that every one of them is gone afterwards: a worker left
blocked on a pipe write would otherwise live on under init for good.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from scrubwarc.signals import (
    Interrupted,
    deferred,
    exit_code,
    signal_name,
    stop_signals_raise,
)
from tests.helpers import DIRTY, SCRUBWARC, as_terminal_job

linux_only = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="lists processes through /proc"
)
_GONE_WITHIN = 15.0


def _stat(pid: int) -> tuple[str, int, int] | None:
    """State, parent PID and start time of ``pid``, or None if there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # the name may hold spaces and brackets
    return fields[0], int(fields[1]), int(fields[19])


def _descendants(pid: int) -> dict[int, int]:
    """Every live process below ``pid``, mapped to its start time (to rule out PID reuse)."""
    found: dict[int, int] = {}
    parents = {pid}
    while parents:
        children: set[int] = set()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit() and (info := _stat(int(entry.name))) is not None:
                state, ppid, start = info
                if ppid in parents and state not in "ZX" and int(entry.name) not in found:
                    found[int(entry.name)] = start
                    children.add(int(entry.name))
        parents = children
    return found


def _alive(pid: int, start: int) -> bool:
    """True while the very process that started at ``start`` runs (a zombie has ended)."""
    info = _stat(pid)
    return info is not None and info[2] == start and info[0] not in "ZX"


def _survivors(processes: dict[int, int], within: float = _GONE_WITHIN) -> list[int]:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        left = [pid for pid, start in processes.items() if _alive(pid, start)]
        if not left:
            return []
        time.sleep(0.05)
    return left


def _reap(processes: dict[int, int]) -> None:
    """Leave nothing behind even when a test fails: kill what is left, by PID."""
    for pid, start in processes.items():
        if _alive(pid, start):
            os.kill(pid, signal.SIGKILL)


# -- the pieces ----------------------------------------------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_raises_interrupted_and_the_handler_comes_back(sig: int) -> None:
    before = signal.getsignal(sig)
    with pytest.raises(Interrupted) as caught, stop_signals_raise():
        os.kill(os.getpid(), sig)
        time.sleep(5)  # the handler raises in this thread long before
    assert isinstance(caught.value, KeyboardInterrupt)  # every Ctrl-C cleanup runs for it
    assert caught.value.signum == sig
    assert exit_code(caught.value) == 128 + sig
    assert signal.getsignal(sig) == before


def test_exit_codes_are_128_plus_the_signal() -> None:
    assert exit_code(KeyboardInterrupt()) == 130
    assert [exit_code(Interrupted(s)) for s in (signal.SIGTERM, signal.SIGHUP)] == [143, 129]
    assert signal_name(signal.SIGTERM) == "SIGTERM"


def test_deferred_holds_a_stop_signal_until_the_block_is_done() -> None:
    steps = []
    with pytest.raises(Interrupted), stop_signals_raise():
        with deferred():
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(0.05)
            steps.append("whole")  # not cut in two
        time.sleep(5)
    assert steps == ["whole"]


_ORPHAN = """
import os, sys, time
import scrubwarc.signals as signals
if sys.argv[1] == "watchdog":
    signals._kill_on_parent_death = lambda: False  # the portable fallback, on Linux too
parent = os.getpid()
worker = os.fork()
if worker == 0:
    signals.die_with_parent(parent)
    time.sleep(120)
    os._exit(0)
print(worker, flush=True)
time.sleep(120)
"""


@linux_only
@pytest.mark.parametrize("way", ["prctl", "watchdog"])
def test_a_worker_dies_when_its_parent_is_killed(way: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _ORPHAN, way], stdout=subprocess.PIPE, text=True
    ) as parent:
        try:
            assert parent.stdout is not None
            worker = int(parent.stdout.readline())
            info = _stat(worker)
            assert info is not None
            time.sleep(0.2)  # let the worker set itself up
            parent.kill()
            parent.wait()
            assert _survivors({worker: info[2]}) == []
        finally:
            parent.kill()
            _reap({worker: info[2]} if info else {})


# -- whole runs, stopped by a signal -------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("signals") / "corpus"
    for i in range(3000):
        path = root / f"d{i % 10}" / f"f{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DIRTY + f"Paragraph {i}. " * 200 + "\n")
    return root


def _stop_run(
    args: list[str | Path],
    sig: int,
    ready: Callable[[dict[int, int]], bool],
    group: bool = False,
) -> tuple[int, str, dict[int, int]]:
    """Run scrubwarc, wait until ``ready(children)``, send ``sig``; code, stderr, children.

    stderr goes to a file, not a pipe: a worker that outlives the run would hold a pipe
    open and hang the test instead of failing it.
    """
    children: dict[int, int] = {}
    with tempfile.TemporaryFile() as err:
        run = subprocess.Popen(
            [SCRUBWARC, *map(str, args)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            start_new_session=True,  # its own process group, as a shell gives a job
            preexec_fn=as_terminal_job,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and run.poll() is None:
                children = _descendants(run.pid)
                if ready(children):
                    break
                time.sleep(0.01)
            assert run.poll() is None, "finished before it could be stopped: grow the corpus"
            if group:  # Ctrl-C and a hang-up reach the terminal's whole foreground group
                os.killpg(run.pid, sig)
            else:
                os.kill(run.pid, sig)
            run.wait(timeout=60)
        except BaseException:
            _reap(children)
            raise
        finally:
            if run.poll() is None:
                run.kill()
                run.wait()
        err.seek(0)
        return run.returncode, err.read().decode(), children


STOPS = [
    pytest.param(signal.SIGINT, False, id="SIGINT"),
    pytest.param(signal.SIGINT, True, id="SIGINT-group"),
    pytest.param(signal.SIGTERM, False, id="SIGTERM"),
    pytest.param(signal.SIGHUP, False, id="SIGHUP"),
    pytest.param(signal.SIGHUP, True, id="SIGHUP-group"),
    pytest.param(signal.SIGKILL, False, id="SIGKILL"),
]


@linux_only
@pytest.mark.slow
@pytest.mark.parametrize(("sig", "group"), STOPS)
def test_archive_with_workers_leaves_no_process_and_no_partial(
    corpus: Path, tmp_path: Path, sig: int, group: bool
) -> None:
    out = tmp_path / "news.warc.gz"
    partial = tmp_path / ".news.warc.gz.partial"

    def ready(children: dict[int, int]) -> bool:
        return len(children) >= 2 and partial.exists() and partial.stat().st_size > 20_000

    code, stderr, children = _stop_run(["archive", corpus, "-o", out, "-j", "2"], sig, ready)
    try:
        assert len(children) >= 2, children
        assert _survivors(children) == [], f"workers outlived the run: {children}"
    finally:
        _reap(children)
    assert not out.exists()
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL
        return  # nothing can run after SIGKILL: the partial stays, a rerun overwrites it
    assert code == 128 + sig, stderr
    assert not partial.exists()
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("interrupted"), stderr
    if sig != signal.SIGINT:
        assert signal_name(sig) in lines[0]


@linux_only
@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_clean_in_place_stops_on_a_signal_with_whole_files(tmp_path: Path, sig: int) -> None:
    tree = tmp_path / "tree"
    paths = []
    for i in range(3000):
        path = tree / f"f{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(DIRTY + f"Paragraph {i}. " * 200 + "\n")
        paths.append(path)
    originals = {p: p.read_text() for p in paths}
    probe = paths[len(paths) // 3]

    code, stderr, _ = _stop_run(
        ["clean", "--in-place", "-q", tree], sig, lambda _: probe.read_text() != originals[probe]
    )
    assert code == 128 + sig
    assert stderr.splitlines() == [
        f"interrupted by {signal_name(sig)}: files already written are complete; "
        "no file is half-written"
    ]
    assert sorted(tree.iterdir()) == sorted(paths)  # no temporary file left


def test_library_archive_stops_its_workers_on_an_exception(tmp_path: Path) -> None:
    """A failure in the parent (here: Ctrl-C while writing) stops the pool at once."""
    script = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from scrubwarc.batch import archive

        seen = []
        def progress(done, total):
            if done == 200:
                seen.extend(p.pid for p in __import__("multiprocessing").active_children())
                print(" ".join(map(str, seen)), flush=True)
                raise KeyboardInterrupt
        try:
            archive([Path(sys.argv[1])], Path(sys.argv[2]), jobs=2, progress=progress)
        except KeyboardInterrupt:
            alive = [p.pid for p in __import__("multiprocessing").active_children()]
            print("alive", alive, flush=True)
        """
    )
    src = tmp_path / "src"
    for i in range(600):
        path = src / f"f{i:04d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(DIRTY + f"Paragraph {i}. " * 50 + "\n")
    out = tmp_path / "x.warc.gz"
    r = subprocess.run(
        [sys.executable, "-c", script, str(src), str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    workers, last = r.stdout.splitlines()
    assert len(workers.split()) == 2
    assert last == "alive []"
    assert not out.exists() and not (tmp_path / ".x.warc.gz.partial").exists()
