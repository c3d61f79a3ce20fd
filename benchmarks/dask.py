"""Dask benchmark: ``archive --engine dask`` against a local ``--jobs 2`` run, 1 vs 2 workers,
and the peak memory of each worker as the corpus grows.

Throughput runs on the generated corpus (``benchmarks/corpus.py``, 10,000 articles by
default). The clusters are started once, as a user's would be: a ``dask scheduler`` with two
single-threaded ``dask worker`` processes and another with one, all on 127.0.0.1; each
contender is the ``scrubwarc archive`` command, run in turns, ``--repeat`` rounds, medians
printed. Wall time is the figure asked for; CPU seconds (the client's, plus the scheduler's
and the workers' over the run, from ``psutil``) show what the engine costs on top. A
``--workers 2`` run (a LocalCluster started and stopped by the command) is timed too.

Memory: a fresh cluster of two workers per corpus size (10,000 and 100,000 articles); the
peak RSS of each worker is its ``VmHWM`` after the run (``/proc/PID/status``). Each size runs
twice: with Dask's defaults, and with the workers' statistical profiler off
(``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``), whose history of the last 1,000
one-second cycles grows a worker's memory for as long as a run lasts.

    python benchmarks/dask.py [--articles N] [--memory N M] [--repeat N] [--work DIR]
                              [--only throughput memory]
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
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator, Sequence  # noqa: E402
from contextlib import contextmanager  # noqa: E402

from benchmarks.run import SCRUBWARC, Run, ensure_corpus, median, run, table  # noqa: E402
from scrubwarc.signals import kill_on_parent_death  # noqa: E402

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
        peaks = []
        for proc in self.workers:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            kib = next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")
            )
            peaks.append(kib / 1024)
        return peaks

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


@contextmanager
def cluster(workers: int, log: Path, env: dict[str, str] | None = None) -> Iterator[Cluster]:
    started = Cluster(workers, log, env)
    try:
        yield started
    finally:
        started.stop()


def _timed(cmd: Sequence[str], engine: Cluster | None) -> tuple[Run, float]:
    """The run and its CPU seconds: the command's, plus its cluster's over the run."""
    before = engine.cpu() if engine else 0.0
    result = run(cmd)
    if result.code:
        raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr}")
    return result, result.cpu + (engine.cpu() - before if engine else 0.0)


def bench_throughput(work: Path, articles: int, repeat: int) -> dict[str, object]:
    text, size = ensure_corpus(work / f"corpus-{articles}", articles)
    out = work / "out"
    out.mkdir(exist_ok=True)
    archive = [*SCRUBWARC, "archive", str(text), "--force", "-q", "-o"]
    log = work / "logs"
    log.mkdir(exist_ok=True)
    with cluster(2, log) as two, cluster(1, log) as one:
        contenders: dict[str, tuple[list[str], Cluster | None]] = {
            "local --jobs 2": ([*archive, str(out / "j2.warc.gz"), "--jobs", "2"], None),
            "dask, 2 workers": (
                [
                    *archive,
                    str(out / "d2" / "n.warc.gz"),
                    "--parents",
                    "--engine",
                    "dask",
                    "--scheduler",
                    two.address,
                ],
                two,
            ),
            "dask, 1 worker": (
                [
                    *archive,
                    str(out / "d1" / "n.warc.gz"),
                    "--parents",
                    "--engine",
                    "dask",
                    "--scheduler",
                    one.address,
                ],
                one,
            ),
            "dask --workers 2 (starts its cluster)": (
                [
                    *archive,
                    str(out / "l2" / "n.warc.gz"),
                    "--parents",
                    "--engine",
                    "dask",
                    "--workers",
                    "2",
                ],
                None,
            ),
        }
        runs: dict[str, list[tuple[Run, float]]] = {name: [] for name in contenders}
        for _ in range(repeat):  # in turns, so that noise hits each alike
            for name, (cmd, engine) in contenders.items():
                runs[name].append(_timed(cmd, engine))
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
    return {
        "articles": articles,
        "bytes": size,
        "wall": {n: [r.seconds for r, _ in rs] for n, rs in runs.items()},
        "cpu": {n: [c for _, c in rs] for n, rs in runs.items()},
        "articles_per_s": rates,
        "dask2_over_jobs2": vs_local,
        "dask2_over_dask1": two_over_one,
    }


PROFILER_OFF = {"DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}


def bench_memory(work: Path, sizes: Sequence[int]) -> dict[str, object]:
    rows = []
    peaks: dict[str, dict[int, float]] = {"defaults": {}, "profiler off": {}}
    log = work / "logs"
    log.mkdir(exist_ok=True)
    for count in sizes:
        text, size = ensure_corpus(work / f"corpus-{count}", count)
        for setting, env in (("defaults", None), ("profiler off", PROFILER_OFF)):
            with cluster(2, log, env) as engine:
                output = work / "out" / f"mem-{count}" / "n.warc.gz"
                cmd = [
                    *SCRUBWARC,
                    "archive",
                    str(text),
                    "--force",
                    "-q",
                    "--parents",
                    "-o",
                    str(output),
                    "--engine",
                    "dask",
                    "--scheduler",
                    engine.address,
                ]
                result, _ = _timed(cmd, engine)
                workers = engine.peak_mib()
            shutil.rmtree(output.parent)
            peaks[setting][count] = max(workers)
            row = (f"{count:,}", setting, size / 1e6, result.seconds, max(workers), result.peak_mib)
            rows.append(row)
    print("\n## Memory with corpus size: archive --engine dask, 2 workers")
    header = ("articles", "workers", "MB in", "wall s", "peak MiB per worker", "client MiB")
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
    args = parser.parse_args(argv)
    only = set(args.only or ("throughput", "memory"))
    work = args.work or Path(tempfile.mkdtemp(prefix="scrubwarc-dask-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    start = time.perf_counter()
    if "throughput" in only:
        results["throughput"] = bench_throughput(work, args.articles, args.repeat)
    if "memory" in only:
        results["memory"] = bench_memory(work, args.memory)
    print(f"\n(total {time.perf_counter() - start:,.0f} s; work in {work})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
