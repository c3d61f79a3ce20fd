"""Dask benchmark: ``archive --engine dask`` against a local ``--jobs 2`` run, 1 vs 2 workers,
and the peak memory of each worker as the corpus grows.

Throughput runs on the generated corpus (``benchmarks/corpus.py``, 10,000 articles by
default). The clusters are started once, as a user's would be: a ``dask scheduler`` with two
single-threaded ``dask worker`` processes and another with one, all on 127.0.0.1; each
contender is the ``scrubwarc archive`` command, run in turns, ``--repeat`` rounds, medians
printed. Wall time is the figure asked for; CPU seconds (the client's, plus the scheduler's
and the workers' over the run, from ``psutil``) show what the engine costs on top. A
``--workers 2`` run (a LocalCluster started and stopped by the command) is timed too.

Memory: for each corpus size (10,000 and 100,000 articles), the peak RSS of each worker
(its ``VmHWM``), in the clusters a user gets: ``--workers 2`` (a LocalCluster that the
command starts, with the workers' profiler off; its worker processes are sampled while the
command runs), and a fresh scheduler with two ``dask worker`` processes, both with Dask's
defaults and with the profiler off (``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``,
as the README tells ``--scheduler`` users). The profiler keeps the last 1,000 one-second
profiles, which grows a worker's memory for as long as a run lasts, up to ~17 minutes.

``--baseline DIR`` adds the throughput contenders of another checkout (``DIR/src`` first
on ``PYTHONPATH``, for the command and for clusters of its own), for a before/after in turns
in one run.

    python benchmarks/dask.py [--articles N] [--memory N M] [--repeat N] [--work DIR]
                              [--only throughput memory] [--baseline DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run as a script, this folder would come first on sys.path, and its html.py would shadow the
# standard library's ``html``; the repository root lets ``benchmarks`` import as a package.
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    sys.path[0] = str(HERE.parent)

import argparse  # noqa: E402
import contextlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

from benchmarks.run import SCRUBWARC, Run, ensure_corpus, median, run, table  # noqa: E402
from scrubwarc.signals import kill_on_parent_death  # noqa: E402

if TYPE_CHECKING:
    import psutil

DASK = shutil.which("dask") or str(Path(sys.executable).with_name("dask"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Cluster:
    """A scheduler and ``workers`` single-threaded worker processes on 127.0.0.1."""

    def __init__(self, workers: int, log: Path, env: dict[str, str] | None = None) -> None:
        self.env = {**os.environ, **(env or {})}
        self.address = f"tcp://127.0.0.1:{_free_port()}"
        self.procs: list[subprocess.Popen[bytes]] = []
        port = self.address.rsplit(":", 1)[1]
        self._start(
            log,
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            port,
            "--dashboard-address",
            "127.0.0.1:0",
            "--no-show",
        )
        self.scheduler = self.procs[0]
        self.workers = [
            self._start(
                log,
                "worker",
                self.address,
                "--nthreads",
                "1",
                "--no-nanny",
                "--host",
                "127.0.0.1",
                "--no-dashboard",
                "--name",
                f"w{i}",
            )
            for i in range(workers)
        ]
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(workers, timeout=120)

    def _start(self, log: Path, *args: str) -> subprocess.Popen[bytes]:
        out = (log / f"{self.address.rsplit(':', 1)[1]}-{len(self.procs)}.log").open("wb")
        proc = subprocess.Popen(
            [DASK, *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=self.env,
            # Killed with this process however it ends (a SIGKILL of the benchmark or test
            # leaves no scheduler or worker behind, which stop() alone cannot promise).
            preexec_fn=kill_on_parent_death,
        )
        self.procs.append(proc)
        return proc

    def cpu(self) -> float:
        """CPU seconds (user + system) of the scheduler and workers so far."""
        import psutil

        total = 0.0
        for proc in self.procs:
            times = psutil.Process(proc.pid).cpu_times()
            total += times.user + times.system
        return total

    def peak_mib(self) -> list[float]:
        """Each worker's peak resident memory so far (VmHWM), in MiB."""
        return [_vmhwm_mib(proc.pid) for proc in self.workers]

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def _vmhwm_mib(pid: int) -> float:
    """The peak resident memory of a process so far (VmHWM), in MiB."""
    status = Path(f"/proc/{pid}/status").read_text()
    return next(int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmHWM:")) / 1024


@contextmanager
def cluster(workers: int, log: Path, env: dict[str, str] | None = None) -> Iterator[Cluster]:
    started = Cluster(workers, log, env)
    try:
        yield started
    finally:
        started.stop()


def _timed(
    cmd: Sequence[str], engine: Cluster | None, env: dict[str, str] | None = None
) -> tuple[Run, float]:
    """The run and its CPU seconds: the command's, plus its cluster's over the run."""
    before = engine.cpu() if engine else 0.0
    result = run(cmd, env=env)
    if result.code:
        raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr}")
    return result, result.cpu + (engine.cpu() - before if engine else 0.0)


def _dask_archive(archive: list[str], output: Path, *engine: str) -> list[str]:
    return [*archive, str(output), "--parents", "--engine", "dask", *engine]


def bench_throughput(
    work: Path, articles: int, repeat: int, baseline: Path | None = None
) -> dict[str, object]:
    text, size = ensure_corpus(work / f"corpus-{articles}", articles)
    out = work / "out"
    out.mkdir(exist_ok=True)
    archive = [*SCRUBWARC, "archive", str(text), "--force", "-q", "-o"]
    log = work / "logs"
    log.mkdir(exist_ok=True)
    with contextlib.ExitStack() as stack:
        two = stack.enter_context(cluster(2, log))
        one = stack.enter_context(cluster(1, log))
        contenders: dict[str, tuple[list[str], Cluster | None, dict[str, str] | None]] = {
            "local --jobs 2": ([*archive, str(out / "j2.warc.gz"), "--jobs", "2"], None, None),
            "dask, 2 workers": (
                _dask_archive(archive, out / "d2" / "n.warc.gz", "--scheduler", two.address),
                two,
                None,
            ),
            "dask, 1 worker": (
                _dask_archive(archive, out / "d1" / "n.warc.gz", "--scheduler", one.address),
                one,
                None,
            ),
            "dask --workers 2 (starts its cluster)": (
                _dask_archive(archive, out / "l2" / "n.warc.gz", "--workers", "2"),
                None,
                None,
            ),
        }
        if baseline is not None:
            env = {"PYTHONPATH": str(baseline.resolve() / "src")}
            two_b = stack.enter_context(cluster(2, log, env))
            one_b = stack.enter_context(cluster(1, log, env))
            contenders["baseline: dask, 2 workers"] = (
                _dask_archive(archive, out / "b2" / "n.warc.gz", "--scheduler", two_b.address),
                two_b,
                env,
            )
            contenders["baseline: dask, 1 worker"] = (
                _dask_archive(archive, out / "b1" / "n.warc.gz", "--scheduler", one_b.address),
                one_b,
                env,
            )
        runs: dict[str, list[tuple[Run, float]]] = {name: [] for name in contenders}
        for _ in range(repeat):  # in turns, so that noise hits each alike
            for name, (cmd, engine, extra) in contenders.items():
                runs[name].append(_timed(cmd, engine, extra))
    walls = {n: median([r for r, _ in rs]) for n, rs in runs.items()}
    cpus = {n: sorted(c for _, c in rs)[len(rs) // 2] for n, rs in runs.items()}
    rates = {n: articles / w for n, w in walls.items()}
    rows = [(n, walls[n], rates[n], cpus[n]) for n in runs]
    print(
        f"\n## archive on Dask: {articles:,} articles, {size / 1e6:,.1f} MB, "
        f"median of {repeat}, load average {os.getloadavg()[0]:.1f}"
    )
    print(table(("run", "wall s", "articles/s", "CPU s (all processes)"), rows))
    vs_local = rates["dask, 2 workers"] / rates["local --jobs 2"]
    two_over_one = rates["dask, 2 workers"] / rates["dask, 1 worker"]
    print(f"dask 2 workers / local --jobs 2: {vs_local:.2f} (target >= 0.85)")
    print(f"dask 2 workers / 1 worker: {two_over_one:.2f} (target >= 1.7)")
    figures: dict[str, object] = {
        "articles": articles,
        "bytes": size,
        "wall": {n: [r.seconds for r, _ in rs] for n, rs in runs.items()},
        "cpu": {n: [c for _, c in rs] for n, rs in runs.items()},
        "articles_per_s": rates,
        "dask2_over_jobs2": vs_local,
        "dask2_over_dask1": two_over_one,
    }
    if baseline is not None:
        base = rates["baseline: dask, 2 workers"] / rates["baseline: dask, 1 worker"]
        print(f"baseline: dask 2 workers / 1 worker: {base:.2f}")
        print(
            "dask 2 workers, this tree / baseline: "
            f"{rates['dask, 2 workers'] / rates['baseline: dask, 2 workers']:.2f}"
        )
        figures["baseline_dask2_over_dask1"] = base
    return figures


PROFILER_OFF = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}


def _spawned_workers() -> list[psutil.Process]:
    """This process's descendants that multiprocessing spawned: the workers of a
    LocalCluster (its resource tracker is not one)."""
    import psutil

    found = []
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "spawn_main" in " ".join(proc.cmdline()):
                found.append(proc)
    return found


@contextmanager
def watch_spawned_workers(every: float = 0.1) -> Iterator[dict[int, float]]:
    """Peak RSS (VmHWM, MiB) of each spawned worker process, sampled every ``every`` s
    while the block runs (the peak reached in a worker's last moments may be missed)."""
    peaks: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(every):
            for proc in _spawned_workers():
                with contextlib.suppress(OSError, StopIteration):
                    peaks[proc.pid] = max(peaks.get(proc.pid, 0.0), _vmhwm_mib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield peaks
    finally:
        done.set()
        sampler.join()


PROFILER_OFF = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
MEMORY_SETTINGS = (
    "--workers 2 (profiler off)",
    "dask worker, defaults",
    "dask worker, profiler off",
)


def _memory_run(work: Path, text: Path, setting: str) -> tuple[Run, list[float]]:
    """One run of ``setting`` over ``text``: the run, and each worker's peak RSS in MiB."""
    output = work / "out" / "mem" / "n.warc.gz"
    archive = [*SCRUBWARC, "archive", str(text), "--force", "-q", "-o"]
    try:
        if setting.startswith("--workers"):
            with watch_spawned_workers() as peaks:
                result, _ = _timed(_dask_archive(archive, output, "--workers", "2"), None)
            return result, list(peaks.values())
        env = PROFILER_OFF if setting.endswith("profiler off") else None
        log = work / "logs"
        log.mkdir(exist_ok=True)
        with cluster(2, log, env) as engine:
            cmd = _dask_archive(archive, output, "--scheduler", engine.address)
            result, _ = _timed(cmd, engine)
            return result, engine.peak_mib()
    finally:
        shutil.rmtree(output.parent, ignore_errors=True)


def bench_memory(work: Path, sizes: Sequence[int]) -> dict[str, object]:
    rows = []
    peaks: dict[str, dict[int, float]] = {setting: {} for setting in MEMORY_SETTINGS}
    for count in sizes:
        text, size = ensure_corpus(work / f"corpus-{count}", count)
        for setting in MEMORY_SETTINGS:
            result, workers = _memory_run(work, text, setting)
            # More than two: a worker restarted by its nanny, or one of an earlier cluster in
            # this process still exiting (seen once in a loaded test run); each is shown.
            if len(workers) < 2:
                raise RuntimeError(f"{setting}: {len(workers)} worker processes seen, not 2")
            peaks[setting][count] = max(workers)
            per_worker = " / ".join(f"{w:,.1f}" for w in workers)
            rows.append((f"{count:,}", setting, size / 1e6, result.seconds, per_worker,
                         result.peak_mib))  # fmt: skip
    print("\n## Memory with corpus size: archive --engine dask, 2 workers "
          f"(load average {os.getloadavg()[0]:.1f})")  # fmt: skip
    header = ("articles", "workers", "MB in", "wall s", "peak MiB of each worker", "command MiB")
    print(table(header, rows))
    small, large = sizes[0], sizes[-1]
    ratios = {}
    for setting, by_size in peaks.items():
        ratios[setting] = by_size[large] / by_size[small]
        print(f"worker peak RSS {large:,} / {small:,} ({setting}): {ratios[setting]:.2f}"
              " (target: flat)")  # fmt: skip
    return {"worker_peak_mib": peaks, "large_over_small": ratios}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--memory", type=int, nargs=2, default=(10_000, 100_000))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="corpora and outputs (default: a temp dir)")
    parser.add_argument("--only", nargs="+", choices=("throughput", "memory"))
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--baseline", type=Path, help="another checkout to compare against")
    args = parser.parse_args(argv)
    only = set(args.only or ("throughput", "memory"))
    work = args.work or Path(tempfile.mkdtemp(prefix="scrubwarc-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    start = time.perf_counter()
    if "throughput" in only:
        results["throughput"] = bench_throughput(work, args.articles, args.repeat, args.baseline)
    if "memory" in only:
        results["memory"] = bench_memory(work, args.memory)
    print(f"\n(total {time.perf_counter() - start:,.0f} s; work in {work})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
