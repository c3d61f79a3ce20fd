"""``archive --engine dask``: a real scheduler and workers on 127.0.0.1, and a LocalCluster.

The records equal a local run's, every part verifies, ``unpack`` of the parts restores the
tree, a worker killed with SIGKILL mid-run loses no input and duplicates none. Skipped
without the ``dask`` extra, except under CI, which must run them.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from scrubwarc import archive, list_articles, unpack, verify
from tests.crawls import record_warcio, serve
from tests.helpers import make_corpus, pinned_clock, run

try:
    import distributed
except ImportError:  # pragma: no cover - depends on the extras installed
    if os.environ.get("CI"):
        pytest.fail("CI must run the Dask tests: pip install -e '.[dev,dask]'")
    pytest.skip("the dask extra is not installed", allow_module_level=True)

from benchmarks.dask import Cluster
from benchmarks.dask import cluster as start_cluster

from scrubwarc.cluster import archive_on_cluster, partitions
from scrubwarc.files import ARTICLE_INCLUDE
from scrubwarc.warc.sniff import CRAWL_INCLUDE

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

INCLUDE = (*ARTICLE_INCLUDE, *CRAWL_INCLUDE)


def _records(parts: tuple[Path, ...]) -> list[tuple[str, str, str]]:
    """(type, target, payload digest) of every record but the warcinfos, in order."""
    from warcio.archiveiterator import ArchiveIterator

    found = []
    for part in parts:
        with part.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "warcinfo":
                    head = record.rec_headers
                    digest = head.get_header("WARC-Payload-Digest") or head.get_header(
                        "WARC-Block-Digest"
                    )
                    found.append((record.rec_type, head.get_header("WARC-Target-URI"), digest))
    return found


def _restored(parts: tuple[Path, ...], into: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for part in parts:
        summary = unpack(part, into)
        assert summary.refused == ()
        for name in summary.restored:
            assert name not in files  # every input in one part only
            files[name] = (into / name).read_bytes()
    return files


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_partitions_keep_order_and_bounds() -> None:
    items = [(f"f{i}", f"f{i}", 10 + i % 7) for i in range(100)]
    parts = list(partitions(items, 9, 60))
    assert [p.number for p in parts] == list(range(len(parts)))
    assert [path for p in parts for path, _ in p.items] == [i[0] for i in items]
    sizes = {path: size for path, _, size in items}
    assert all(len(p.items) <= 9 and sum(sizes[x] for x, _ in p.items) <= 60 for p in parts)
    # Never one item short of a bound: each partition ends because the next item did not fit.
    for part, following in itertools.pairwise(parts):
        nxt = sizes[following.items[0][0]]
        assert len(part.items) == 9 or sum(sizes[x] for x, _ in part.items) + nxt > 60


def test_records_equal_a_local_run(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", 57)
    # A site's name after the headline, in files of different partitions: learned from all.
    for n, place in enumerate(("harbour", "market", "school")):
        head = f"Storm hits the {place} | The Daily Bugle"
        body = f"{head}\n\nBy Jo Kim\n\nThe storm reached the {place} at noon.\n"
        (tmp_path / "corpus" / f"d{n * 4}" / f"bugle-{n}.txt").write_text(body)
    local = archive(
        [tmp_path / "corpus"],
        tmp_path / "local" / "news.warc.gz",
        jobs=2,
        parents=True,
        clock=pinned_clock,
    )
    seen: list[int] = []
    dist = archive_on_cluster(
        [tmp_path / "corpus"],
        tmp_path / "dask" / "news.warc.gz",
        workers=2,
        parents=True,
        partition_files=7,
        clock=pinned_clock,
        progress=lambda done, total: seen.append(done),
    )
    assert len(dist.files) == 9  # 60 files, 7 a partition
    assert [p.name for p in dist.files] == [f"news-{i:05d}.warc.gz" for i in range(9)]
    assert _records(dist.files) == _records(local.files)
    titles = [a.title or "" for p in dist.files for a in list_articles(p)]
    assert sorted(t for t in titles if "Storm" in t) == [
        f"Storm hits the {p}" for p in ("harbour", "market", "school")
    ]
    assert (dist.articles, dist.bytes_in, dist.duplicates) == (
        local.articles,
        local.bytes_in,
        local.duplicates,
    )
    assert dist.records == local.records + len(dist.files) - 1  # a warcinfo in each part
    assert dist.bytes_out == sum(p.stat().st_size for p in dist.files)
    assert seen and seen[-1] == 60
    assert all(verify(part) == [] for part in dist.files)
    assert _restored(dist.files, tmp_path / "back") == _tree(tmp_path / "corpus")
    # One index over every part, sorted, two lines (original and text) per article.
    lines = (tmp_path / "dask" / "news.cdxj").read_text().splitlines(keepends=True)
    assert lines == _scanned_index(dist.files) and len(lines) == 2 * 60
    files = {re.search(r'"filename": "([^"]+)"', line)[1] for line in lines}  # type: ignore[index]
    assert files == {p.name for p in dist.files}
    assert sorted(p.name for p in (tmp_path / "dask").iterdir()) == sorted(
        [*(p.name for p in dist.files), "news.cdxj"]
    )


def _scanned_index(parts: tuple[Path, ...]) -> list[str]:
    """The index lines that reading the parts back gives."""
    from scrubwarc.warc.cdxj import cdxj_line
    from scrubwarc.warc.scan import Page, scan

    return sorted(cdxj_line(i) for p in parts for i in scan(p) if not isinstance(i, Page))


def test_crawl_inputs_on_a_local_cluster(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", 12)
    with serve() as base:
        record_warcio(tmp_path / "corpus" / "d5" / "crawl.warc.gz", base)
    local = archive(
        [tmp_path / "corpus"],
        tmp_path / "local" / "news.warc.gz",
        parents=True,
        clock=pinned_clock,
        include=INCLUDE,
    )
    dist = archive_on_cluster(
        [tmp_path / "corpus"],
        tmp_path / "dask" / "news.warc.gz",
        workers=2,
        parents=True,
        partition_files=4,
        include=INCLUDE,
        clock=pinned_clock,
    )
    assert _records(dist.files) == _records(local.files)
    assert dist.not_articles == local.not_articles and dist.not_articles
    assert (dist.articles, dist.skipped, dist.flagged) == (
        local.articles,
        local.skipped,
        local.flagged,
    )
    assert all(verify(part) == [] for part in dist.files)
    index = (tmp_path / "dask" / "news.cdxj").read_text().splitlines(keepends=True)
    assert index == _scanned_index(dist.files)
    assert any('"status": "200"' in line for line in index)  # the copied captures


def test_cli_local_cluster_reports_failures_and_exit_code(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 30)
    (corpus / "d3" / "zz-binary.txt").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))
    out = tmp_path / "out" / "news.warc.gz"
    args: list[str | Path] = [
        "archive",
        corpus,
        "-o",
        out,
        "--engine",
        "dask",
        "--workers",
        "2",
        "--parents",
    ]
    r = run(*args, "--partition", "10", "--wacz", "--dashboard")
    assert r.returncode == 2, r.stderr
    assert re.search(r"^dashboard: http://127\.0\.0\.1:\d+/status$", r.stderr, re.M)
    assert re.search(
        r"^error: .*zz-binary\.txt: binary file \(gzip data\) \(archived raw, flagged\)$",
        r.stderr,
        re.M,
    )
    assert "31 articles" in r.stderr and "1 flagged" in r.stderr
    parts = sorted(out.parent.glob("news-*.warc.gz"))
    assert len(parts) == 4
    assert run("verify", *parts).returncode == 0
    assert (out.parent / "news.wacz").is_file()
    # A second run does not replace the parts without --force, and says so before any work.
    again = run(*args)
    assert again.returncode == 2
    assert "news-00000.warc.gz: already exists" in again.stderr
    assert run(*args, "--force", "--partition", "20").returncode == 2  # still the flagged file
    assert sorted(p.name for p in out.parent.glob("news-*.warc.gz")) == [
        "news-00000.warc.gz",
        "news-00001.warc.gz",
    ]  # the parts of the longer first run are gone


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--max-size", "1MB"], "--max-size does not go with --engine dask"),
        (["--engine", "dask", "--jobs", "2"], "--jobs does not go with --engine dask"),
        (["--engine", "dask", "--append"], "--append does not go with --engine dask"),
        (["-o", "s3://bucket/n.warc.gz"], "s3://bucket/n.warc.gz: URLs need --engine dask"),
    ],
)
def test_options_that_do_not_go_with_the_engine_are_refused(
    tmp_path: Path, args: list[str], message: str
) -> None:
    make_corpus(tmp_path / "c", 2)
    r = run("archive", tmp_path / "c", "-o", tmp_path / "n.warc.gz", *args)
    assert r.returncode == 2
    assert f"error: {message}" in r.stderr
    assert list(tmp_path.glob("n*")) == []


def test_file_urls_in_and_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 25)
    (corpus / "d1" / "skip.md").write_text("not an article\n")
    out = f"file://{tmp_path}/out/news.warc.gz"
    r = run("archive", f"file://{corpus}", f"file://{tmp_path}/gone", "-o", out,
            "--engine", "dask", "--workers", "2", "--partition", "10")  # fmt: skip
    assert r.returncode == 2, r.stderr  # the missing input
    assert f"error: file://{tmp_path}/gone: no such file or directory (skipped)" in r.stderr
    assert f"-> file://{tmp_path}/out/news-00000.warc.gz, " in r.stderr
    parts = tuple(sorted((tmp_path / "out").glob("news-*.warc.gz")))
    assert len(parts) == 3 and all(verify(p) == [] for p in parts)
    # Several URL folders keep their names on top, as local folders do.
    assert _restored(parts, tmp_path / "back") == {
        f"corpus/{name}": data for name, data in _tree(corpus).items() if name.endswith(".txt")
    }
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "news-00000.warc.gz", "news-00001.warc.gz", "news-00002.warc.gz", "news.cdxj",
    ]  # fmt: skip


def test_memory_urls_with_workers_in_one_process(tmp_path: Path) -> None:
    """fsspec's memory:// lives in one process: the workers are threads of a child process
    (an in-process cluster leaves a thread behind, which would take the stop signals that
    ``signals.deferred`` holds back in this one)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as child:
        child.submit(_memory_urls_round_trip, tmp_path).result(timeout=600)


def _memory_urls_round_trip(tmp_path: Path) -> None:
    import fsspec
    from distributed import LocalCluster

    fs = fsspec.filesystem("memory")
    make_corpus(tmp_path / "corpus", 20)
    for path in sorted((tmp_path / "corpus").rglob("*.txt")):
        fs.pipe_file(
            f"/corpus/{path.relative_to(tmp_path / 'corpus').as_posix()}", path.read_bytes()
        )
    local = archive([tmp_path / "corpus"], tmp_path / "local.warc.gz", clock=pinned_clock)
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                          dashboard_address=None) as engine:  # fmt: skip
            dist = archive_on_cluster(["memory://corpus"], "memory://out/news.warc.gz",
                                      scheduler=engine.scheduler_address, partition_files=8,
                                      clock=pinned_clock)  # fmt: skip
        assert dist.files == () and len(dist.uploaded) == 3
        copies = []
        for url in dist.uploaded:
            copy = tmp_path / url.rsplit("/", 1)[1]
            copy.write_bytes(fs.cat_file(url))
            copies.append(copy)
        assert _records(tuple(copies)) == _records(local.files)
        assert all(verify(c) == [] for c in copies)
        lines = fs.cat_file("memory://out/news.cdxj").decode().splitlines(keepends=True)
        assert lines == _scanned_index(tuple(copies))
        assert sorted(fs.ls("/out", detail=False)) == [
            *(f"/out/news-0000{i}.warc.gz" for i in range(3)), "/out/news.cdxj",
        ]  # fmt: skip
    finally:
        fs.rm("/corpus", recursive=True)
        if fs.exists("/out"):
            fs.rm("/out", recursive=True)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    log = tmp_path / "logs"
    log.mkdir()
    with start_cluster(2, log) as started:  # each process in its own group, killed at the end
        yield started


def _periodic(client: distributed.Client) -> list[list[str]]:
    """The names of each worker's periodic callbacks."""
    found = client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks))
    return list(found.values())


def test_workers_started_here_do_not_profile_themselves(cluster: Cluster) -> None:
    """A cluster started for the run (``--workers``) has the workers' statistical profiler
    off (a sample every 10 ms, and a history that grows a worker's memory); the workers of a
    user's scheduler keep their own configuration (Dask's default: on)."""
    from distributed import Client

    from scrubwarc.cluster.engine import _client

    with _client(None, 2, False) as client:
        ours = _periodic(client)
    with Client(cluster.address) as client:
        theirs = _periodic(client)
    assert len(ours) == 2 and all("heartbeat" in names for names in ours)
    assert not any("profile" in names or "profile-cycle" in names for names in ours)
    assert all("profile" in names and "profile-cycle" in names for names in theirs)


def test_cli_on_a_scheduler_with_two_workers(tmp_path: Path, cluster: Cluster) -> None:
    make_corpus(tmp_path / "corpus", 40)
    out = tmp_path / "out" / "news.warc.gz"
    r = run(
        "archive",
        tmp_path / "corpus",
        "-o",
        out,
        "--parents",
        "--engine",
        "dask",
        "--scheduler",
        cluster.address,
        "--partition",
        "15",
    )
    assert r.returncode == 0, r.stderr
    parts = tuple(sorted(out.parent.glob("news-*.warc.gz")))
    assert [p.name for p in parts] == [
        "news-00000.warc.gz",
        "news-00001.warc.gz",
        "news-00002.warc.gz",
    ]
    assert run("verify", *parts).stdout.count("ok ") == 3
    assert _restored(parts, tmp_path / "back") == _tree(tmp_path / "corpus")
    assert "40 articles, 123 records" in r.stderr  # 3 per article and a warcinfo per part


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    tmp_path: Path, cluster: Cluster
) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 1500)
    out = tmp_path / "out" / "news.warc.gz"
    out.parent.mkdir()
    result: list[object] = []

    def work() -> None:
        try:
            result.append(
                archive_on_cluster([corpus], out, scheduler=cluster.address, partition_files=50)
            )
        except BaseException as exc:  # handed to the test's thread
            result.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    # Kill the first worker while it is writing a part and other parts are still to come.
    from distributed import Client

    with Client(cluster.address) as client:
        info = client.scheduler_info()["workers"]
        victim = next(address for address, w in info.items() if w["name"] == "w0")
        deadline = time.monotonic() + 120
        in_hand: tuple[str, ...] = ()
        while time.monotonic() < deadline:
            writing = list(out.parent.glob(".news-*.partial"))
            in_hand = tuple(client.processing(workers=[victim]).get(victim, ()))
            if writing and in_hand:
                break
            time.sleep(0.005)
    assert in_hand, "the worker never took a task"
    written_before = len(list(out.parent.glob("news-*.warc.gz")))
    os.killpg(cluster.workers[0].pid, signal.SIGKILL)
    thread.join(timeout=300)
    assert not thread.is_alive()
    summary = result[0]
    assert not isinstance(summary, BaseException), summary
    assert written_before < 30  # the kill came mid-run
    parts = summary.files  # type: ignore[attr-defined]
    assert len(parts) == 30
    assert summary.articles == 1500  # type: ignore[attr-defined]
    assert all(verify(part) == [] for part in parts)
    assert _restored(parts, tmp_path / "back") == _tree(corpus)
    leftovers = sorted(p.name for p in out.parent.iterdir() if p.name.startswith("."))
    assert leftovers == []  # the killed attempt's temporary files were removed


@pytest.mark.slow
def test_benchmark_runs_on_a_tiny_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks import dask as bench

    assert bench.main(["--articles", "40", "--memory", "20", "40", "--repeat", "1",
                       "--work", str(tmp_path)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert re.search(r"dask 2 workers / local --jobs 2: \d+\.\d\d", out)
    for setting in bench.MEMORY_SETTINGS:
        assert re.search(rf"worker peak RSS 40 / 20 \({re.escape(setting)}\): \d+\.\d\d", out)


_HOLD_A_CLUSTER = """
import sys, time
from pathlib import Path
from benchmarks.dask import Cluster
started = Cluster(1, Path(sys.argv[1]))
print(*(p.pid for p in started.procs), flush=True)
time.sleep(600)
"""


@pytest.mark.slow
def test_a_killed_benchmark_leaves_no_scheduler_or_worker(tmp_path: Path) -> None:
    """The benchmark's (and these tests') cluster processes die with the process that
    started them, even when it is killed with SIGKILL and cannot stop them itself."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_A_CLUSTER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None
    pids = [int(pid) for pid in holder.stdout.readline().split()]
    assert len(pids) == 2  # the scheduler and its one worker
    assert all(Path(f"/proc/{pid}").exists() for pid in pids)
    holder.kill()
    holder.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in pids if _alive(pid)] == []


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not yet reaped by init, is not alive)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False
