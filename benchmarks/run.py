"""Run every benchmark side by side and print tables, ratios and the targets (issue 17's
speed targets, where they replaced issue 5's).

The machine is shared and noisy, so each comparison runs its contenders in turns within one
run and reports medians. ``--quick`` uses small sizes (minutes, not the full run's ~10);
``--json OUT`` writes the figures for comparison across commits.

    python benchmarks/run.py [--quick] [--json OUT] [--repeat N] [--only NAME ...]
                             [--baseline PYTHON]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Run as a script, this folder would come first on sys.path, and its html.py would shadow the
# standard library's ``html``; the repository root lets ``benchmarks`` import as a package.
if sys.path and Path(sys.path[0] or ".").resolve() == HERE:
    sys.path[0] = str(HERE.parent)

import scrubwarc  # noqa: E402
from benchmarks import corpus  # noqa: E402

PY = sys.executable
SCRUBWARC = [PY, "-m", "scrubwarc"]
BENCHMARKS = (
    *("throughput", "stages", "wacz", "startup", "memory", "bigfile", "html", "textmeta"),
)


@dataclass(frozen=True, slots=True)
class Sizes:
    articles: int  # throughput corpus
    memory: tuple[int, int]  # the two corpus sizes compared for peak RSS
    big_bytes: int  # the one large text and HTML file
    startup_runs: int
    html_limit: int | None  # pages of each HTML set
    textmeta: int = 10_000  # generated articles compared with their truth
    stages: int = 2_000  # generated articles timed stage by stage


FULL = Sizes(10_000, (10_000, 100_000), 200 * 1024 * 1024, 21, None)
QUICK = Sizes(500, (500, 5_000), 4 * 1024 * 1024, 7, 20, 1_000, 200)


@dataclass(frozen=True, slots=True)
class Run:
    """One process: wall seconds, peak RSS in MiB, exit code, the tail of its stderr and
    its CPU seconds (user + system, its children's included)."""

    seconds: float
    peak_mib: float
    code: int
    stderr: str
    cpu: float = 0.0


def run(cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` and measure its own peak RSS (its children's included, as wait4 reports).

    ``env`` adds to this process's environment."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env} if env else None,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, err.strip()[-400:], cpu)


def interleave(
    commands: dict[str, list[str]], repeat: int, cwd: Path | None = None
) -> dict[str, list[Run]]:
    """Run the commands in turns, ``repeat`` rounds, so noise hits each alike."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(run(cmd, cwd))
    return runs


def median(runs: list[Run], key: Callable[[Run], float] = lambda r: r.seconds) -> float:
    return statistics.median(key(r) for r in runs)


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(h) for h in header]] + [
        [f"{c:,.2f}" if isinstance(c, float) else str(c) for c in row] for row in rows
    ]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(pairs))
        for pairs in (zip(r, widths, strict=True) for r in cells)
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def ensure_corpus(root: Path, count: int, html: bool = False) -> tuple[Path, int]:
    """The text corpus of ``count`` articles under ``root`` (made once); (dir, bytes)."""
    text = root / "text"
    marker = root / "done.json"
    if not marker.is_file():
        shutil.rmtree(root, ignore_errors=True)
        size = corpus.write_corpus(root, count, seed=0, html=html)
        marker.write_text(json.dumps({"count": count, "bytes": size}))
    return text, int(json.loads(marker.read_text())["bytes"])


def baseline_command(python: str | None) -> list[str] | None:
    """``python -m scrubwarc`` of another install (``--baseline``), its package byte-compiled
    as this one's is: a before/after comparison in the same rounds."""
    if python is None:
        return None
    where = "import os, scrubwarc; print(os.path.dirname(scrubwarc.__file__))"
    package = subprocess.run([python, "-c", where], capture_output=True, text=True, check=True)
    compile_package(Path(package.stdout.strip()), python)
    return [python, "-m", "scrubwarc"]


def compile_package(package: Path | None = None, python: str = PY) -> None:
    """Byte-compile scrubwarc (``package``: this one's by default) as ``pip install`` does: an
    editable install, or a shell with PYTHONDONTWRITEBYTECODE set, would otherwise compile our
    modules again in every timed process (tens of ms each), which an installed package and
    the peers, byte-compiled in site-packages, never do."""
    package = package or Path(scrubwarc.__file__).parent
    command = [python, "-m", "compileall", "-q", str(package)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def bench_throughput(
    work: Path, articles: int, repeat: int, baseline: list[str] | None = None
) -> dict[str, object]:
    """Archive --jobs 1 and --jobs 2 against the bare-warcio floor (and ``baseline``'s), in
    turns."""
    text, size = ensure_corpus(work / f"corpus-{articles}", articles)
    out = work / "out"
    out.mkdir(exist_ok=True)
    compile_package()
    archive = [*SCRUBWARC, "archive", str(text), "--force", "-q", "-o"]
    commands = {
        "warcio floor": [PY, str(HERE / "floor.py"), str(text), str(out / "floor.warc.gz")],
        "archive --jobs 1": [*archive, str(out / "j1.warc.gz"), "--jobs", "1"],
        "archive --jobs 2": [*archive, str(out / "j2.warc.gz"), "--jobs", "2"],
    }
    if baseline is not None:
        before = [*baseline, "archive", str(text), "--force", "-q", "-o"]
        for jobs in (1, 2):
            name = f"baseline archive --jobs {jobs}"
            commands[name] = [*before, str(out / f"b{jobs}.warc.gz"), "--jobs", str(jobs)]
    runs = interleave(commands, repeat)
    failed = {n: r[-1].stderr for n, r in runs.items() if any(x.code for x in r)}
    if failed:
        raise RuntimeError(f"throughput: failed runs: {failed}")
    rates = {n: articles / median(r) for n, r in runs.items()}
    rows = [
        (n, median(r), rates[n], size / median(r) / 1e6, median(r, lambda x: x.peak_mib))
        for n, r in runs.items()
    ]
    print(f"\n## Archive throughput: {articles:,} articles, {size / 1e6:,.1f} MB, "
          f"median of {repeat}")  # fmt: skip
    print(table(("run", "seconds", "articles/s", "MB/s", "peak MiB"), rows))
    floor_ratio = rates["archive --jobs 1"] / rates["warcio floor"]
    jobs_ratio = rates["archive --jobs 2"] / rates["archive --jobs 1"]
    print(f"jobs 1 / floor: {floor_ratio:.2f}   jobs 2 / jobs 1: {jobs_ratio:.2f}")
    if baseline is not None:
        before_ratio = rates["baseline archive --jobs 2"] / rates["baseline archive --jobs 1"]
        print(f"baseline: jobs 2 / jobs 1: {before_ratio:.2f}")
    return {
        "articles": articles,
        "bytes": size,
        "seconds": {n: [x.seconds for x in r] for n, r in runs.items()},
        "cpu_seconds": {n: [x.cpu for x in r] for n, r in runs.items()},
        "articles_per_s": rates,
        "jobs1_over_floor": floor_ratio,
        "jobs2_over_jobs1": jobs_ratio,
    }


def bench_wacz(work: Path, articles: int, repeat: int) -> dict[str, object]:
    """``archive --wacz`` against ``archive`` alone (--jobs 1), in turns: what the WACZ costs."""
    text, size = ensure_corpus(work / f"corpus-{articles}", articles)
    out = work / "out"
    archive = [*SCRUBWARC, "archive", str(text), "--force", "-q", "--jobs", "1", "-o"]
    commands = {
        "archive": [*archive, str(out / "plain.warc.gz")],
        "archive --wacz": [*archive, str(out / "packed.warc.gz"), "--wacz"],
    }
    runs = interleave(commands, repeat)
    failed = {n: r[-1].stderr for n, r in runs.items() if any(x.code for x in r)}
    if failed:
        raise RuntimeError(f"wacz: failed runs: {failed}")
    warc_mb = (out / "packed.warc.gz").stat().st_size / 1e6
    wacz_mb = (out / "packed.wacz").stat().st_size / 1e6
    rows = [
        (n, median(r), median(r, lambda x: x.cpu), median(r, lambda x: x.peak_mib))
        for n, r in runs.items()
    ]
    print(f"\n## WACZ: {articles:,} articles, {size / 1e6:,.1f} MB in, WARC {warc_mb:,.1f} MB, "
          f"WACZ {wacz_mb:,.1f} MB, median of {repeat}")  # fmt: skip
    print(table(("run", "wall s", "CPU s", "peak MiB"), rows))
    ratio = median(runs["archive --wacz"]) / median(runs["archive"])
    cpu_ratio = median(runs["archive --wacz"], lambda x: x.cpu) / median(
        runs["archive"], lambda x: x.cpu
    )
    # On a shared machine wall time swings from round to round; CPU time much less.
    print(f"archive --wacz / archive: wall {ratio:.3f}, CPU {cpu_ratio:.3f}")
    return {
        "articles": articles,
        "seconds": {n: [x.seconds for x in r] for n, r in runs.items()},
        "cpu_seconds": {n: [x.cpu for x in r] for n, r in runs.items()},
        "wacz_mb": wacz_mb,
        "wacz_over_warc": ratio,
        "wacz_over_warc_cpu": cpu_ratio,
    }


def bench_startup(work: Path, runs: int, baseline: list[str] | None = None) -> dict[str, object]:
    """The pre-commit hook and ``clean --check`` on three small files, against ``pass`` and
    ``import typer`` (and ``baseline``'s hook), run where pre-commit runs hooks: at the root
    of a repository of text files with no project file; once more with settings named by
    ``--config``, the cost of reading them."""
    files = work / "hook"
    (files / ".git").mkdir(parents=True, exist_ok=True)
    settings = files / "settings.toml"
    settings.write_text('[tool.scrubwarc]\ndisable = ["boilerplate"]\n')
    paths = []
    for i, article in enumerate(corpus.articles(3, seed=7)):
        path = files / f"{i}.txt"
        path.write_bytes(article.text[:1500])
        paths.append(str(path))
    script = Path(PY).with_name("scrubwarc")
    cli = [str(script)] if script.is_file() else SCRUBWARC
    hook_script = Path(PY).with_name("scrubwarc-hook")
    hook = [str(hook_script)] if hook_script.is_file() else [PY, "-m", "scrubwarc.cli.hook"]
    commands = {
        "python -c pass": [PY, "-c", "pass"],
        "python -c 'import typer'": [PY, "-c", "import typer"],
        "scrubwarc-hook --check (3 files)": [*hook, "--check", *paths],
        "scrubwarc-hook --check --config (3 files)": [
            *hook,
            "--check",
            "--config",
            str(settings),
            *paths,
        ],
        "scrubwarc clean --check (3 files)": [*cli, "clean", "--check", *paths],
    }
    if baseline is not None:
        hook_module = [baseline[0], "-m", "scrubwarc.cli.hook"]
        before = Path(baseline[0]).with_name("scrubwarc-hook")
        hook_before = [str(before)] if before.is_file() else hook_module
        commands["baseline scrubwarc-hook --check (3 files)"] = [*hook_before, "--check", *paths]
    compile_package()
    interleave(commands, 1, files)  # warm the file cache
    results = interleave(commands, runs, files)
    ms = {n: median(r) * 1000 for n, r in results.items()}
    cpu_ms = {n: median(r, lambda x: x.cpu) * 1000 for n, r in results.items()}
    typer_ms, pass_ms = ms["python -c 'import typer'"], ms["python -c pass"]
    print(f"\n## Hook start-up: median of {runs}")
    rows = [(n, v, cpu_ms[n], v - pass_ms, v / typer_ms) for n, v in ms.items()]
    print(table(("command", "wall ms", "CPU ms", "wall - pass", "x typer"), rows))
    hook_over_pass = ms["scrubwarc-hook --check (3 files)"] - pass_ms
    ratio = ms["scrubwarc clean --check (3 files)"] / typer_ms
    print(f"hook - python -c pass: {hook_over_pass:.1f} ms   clean --check / import typer: "
          f"{ratio:.2f}")  # fmt: skip
    if baseline is not None:
        before_ms = ms["baseline scrubwarc-hook --check (3 files)"] - pass_ms
        before_cpu = cpu_ms["baseline scrubwarc-hook --check (3 files)"] - cpu_ms["python -c pass"]
        hook_cpu = cpu_ms["scrubwarc-hook --check (3 files)"] - cpu_ms["python -c pass"]
        print(f"baseline hook - python -c pass: {before_ms:.1f} ms; CPU over pass: "
              f"{hook_cpu:.1f} ms, baseline {before_cpu:.1f} ms")  # fmt: skip
    return {
        "ms": ms,
        "cpu_ms": cpu_ms,
        "clean_over_typer": ratio,
        "hook_over_pass_ms": hook_over_pass,
    }


def bench_stages(count: int) -> dict[str, object]:
    """Milliseconds per article of each stage of ``archive --jobs 1`` (``stages.py``)."""
    from benchmarks import stages

    figures = stages.measure(count, seed=5)
    print(f"\n## Stages of archive --jobs 1: {count:,} generated articles, mean ms per article")
    print(stages.report(figures))
    return {"articles": count, "ms_per_article": figures}


def bench_memory(work: Path, sizes: tuple[int, int]) -> dict[str, object]:
    """Peak RSS of ``archive --jobs 1`` and ``--jobs 2`` over a small and a ten-times larger
    corpus (with workers, the peak is the largest of the processes, as wait4 reports it)."""
    small, large = sizes
    rows = []
    peaks: dict[str, dict[int, float]] = {"1": {}, "2": {}}
    for count in (small, large):
        text, size = ensure_corpus(work / f"corpus-{count}", count)
        for jobs, found in peaks.items():
            out = work / "out" / f"mem-{count}-{jobs}.warc.gz"
            r = run([*SCRUBWARC, "archive", str(text), "--force", "-q", "--jobs", jobs,
                     "-o", str(out)])  # fmt: skip
            if r.code:
                raise RuntimeError(f"memory: archive of {count} (--jobs {jobs}) failed: {r.stderr}")
            found[count] = r.peak_mib
            rows.append((f"{count:,}", f"--jobs {jobs}", size / 1e6, r.seconds, r.peak_mib))
    print("\n## Memory with corpus size: archive")
    print(table(("articles", "run", "MB in", "seconds", "peak MiB"), rows))
    ratios = {jobs: found[large] / found[small] for jobs, found in peaks.items()}
    for jobs, ratio in ratios.items():
        print(f"--jobs {jobs}: peak RSS {large:,} / {small:,}: {ratio:.2f}")
    return {
        "peak_mib": peaks["1"],
        "large_over_small": ratios["1"],
        "peak_mib_jobs2": peaks["2"],
        "large_over_small_jobs2": ratios["2"],
    }


def bench_bigfile(work: Path, size: int) -> dict[str, dict[str, object]]:
    """One large text file and one large HTML page: refused by default, then with the
    limit raised (``--max-bytes``) processed, with peak RSS against the file size."""
    big = work / "big"
    big.mkdir(exist_ok=True)
    text, page = big / "big.txt", big / "big.html"
    if not text.is_file():
        corpus.write_big_text(text, size)
    if not page.is_file():
        corpus.write_big_html(page, size)
    rows = []
    figures: dict[str, dict[str, object]] = {}
    for path in (text, page):
        mib = path.stat().st_size / 2**20
        raised = ["--max-bytes", str(2**31)]
        for label, extra in (("default limit", []), ("--max-bytes raised", raised)):
            out = work / "out" / f"{path.suffix[1:]}-{len(extra)}.warc.gz"
            r = run([*SCRUBWARC, "archive", str(path), "--force", "-q", "-o", str(out), *extra])
            message = r.stderr.splitlines()[0] if r.code and r.stderr else ""
            figures[f"{path.name} {label}"] = {
                "seconds": r.seconds, "peak_mib": r.peak_mib, "exit": r.code,
                "x_size": r.peak_mib / mib, "message": message,
            }  # fmt: skip
            rows.append((f"{path.name} ({mib:,.0f} MiB)", label, r.code, r.seconds,
                         r.peak_mib, r.peak_mib / mib))  # fmt: skip
            if message:
                print(f"  {path.name}, {label}: exit {r.code}: {message}")
    print("\n## One large file: archive")
    print(table(("file", "run", "exit", "seconds", "peak MiB", "x size"), rows))
    return figures


def bench_html(limit: int | None, whole_runs: int) -> dict[str, object]:
    """The HTML benchmark (``html.py``) on both sets, scrubwarc beside trafilatura."""
    from benchmarks import html as html_bench

    present = [name for name, ok in html_bench.available().items() if ok]
    if not present:
        print(f"\n## HTML: skipped, no data in {html_bench.SHARED}")
        return {"skipped": True}
    tools = html_bench.extractors(["scrubwarc", "trafilatura"])
    print("\n## HTML articles (benchmarks/html.py)")
    runs = html_bench.run_sets(present, tools, limit=limit, whole_runs=whole_runs)
    return {
        "sets": {
            name: {r.name: dict(r.figures) for r in set_runs} for name, set_runs in runs.items()
        },
        "targets": [list(row) for row in html_bench.targets(runs)],
    }


def bench_textmeta(count: int) -> dict[str, object]:
    """Title, authors and date against the generated corpus's truth (``textmeta.py``)."""
    from benchmarks import textmeta

    figures = textmeta.measure(count, seed=0)
    print(f"\n## Text metadata: {figures.articles:,} generated articles against their truth")
    rows = [(f, f"{100 * getattr(figures, f):.2f}%") for f in ("title", "authors", "date")]
    rows += [("articles with residue left", str(figures.residue_left))]
    rows += [("articles that lost body text", str(figures.body_lost))]
    print(table(("figure", "value"), rows))
    return {
        "articles": figures.articles,
        "title": figures.title,
        "authors": figures.authors,
        "date": figures.date,
        "residue_left": figures.residue_left,
        "body_lost": figures.body_lost,
    }


def targets(results: dict[str, dict[str, object]]) -> list[tuple[str, str, str, str]]:
    """(what, target, measured, met) for each target whose benchmark ran."""
    rows: list[tuple[str, str, str, str]] = []

    def add(what: str, target: str, value: float, ok: bool, fmt: str = "{:.2f}") -> None:
        rows.append((what, target, fmt.format(value), "yes" if ok else "NO"))

    if "throughput" in results:
        t = results["throughput"]
        floor, jobs = float(str(t["jobs1_over_floor"])), float(str(t["jobs2_over_jobs1"]))
        add("archive --jobs 1 / warcio floor", ">= 1.0", floor, floor >= 1.0)
        add("archive --jobs 2 / --jobs 1", ">= 1.8", jobs, jobs >= 1.8)
    if "wacz" in results:
        w = float(str(results["wacz"]["wacz_over_warc"]))
        c = float(str(results["wacz"]["wacz_over_warc_cpu"]))
        add("archive --wacz / archive (wall time)", "<= 1.1", w, w <= 1.1, "{:.3f}")
        add("archive --wacz / archive (CPU time)", "<= 1.1", c, c <= 1.1, "{:.3f}")
    if "startup" in results:
        h = float(str(results["startup"]["hook_over_pass_ms"]))
        add("hook on 3 files - python -c pass (ms)", "<= 40", h, h <= 40, "{:.1f}")
    if "memory" in results:
        for key, run_name in (("large_over_small", "1"), ("large_over_small_jobs2", "2")):
            m = float(str(results["memory"][key]))
            add(f"peak RSS, 10x corpus / 1x (--jobs {run_name})", "<= 1.2", m, m <= 1.2)
    if "bigfile" in results:
        big = results["bigfile"]
        for name in ("big.txt", "big.html"):
            refused = big.get(f"{name} default limit")
            raised = big.get(f"{name} --max-bytes raised")
            if isinstance(refused, dict) and isinstance(raised, dict):
                x = float(raised["x_size"])
                ok = x <= 4 or (refused["exit"] == 2 and bool(refused["message"]))
                add(f"{name}: peak RSS / size (limit raised)", "<= 4, or refused", x, ok)
    if "html" in results and "targets" in results["html"]:
        found = results["html"]["targets"]
        assert isinstance(found, list)
        for what, wanted, value, met in found:
            fmt = "{:.0f}" if "empty" in what else "{:.3f}"
            add(str(what), str(wanted), float(value), bool(met), fmt)
    if "textmeta" in results:
        tm = results["textmeta"]
        for field in ("title", "authors", "date"):
            value = 100 * float(str(tm[field]))
            add(f"text metadata: {field} right", ">= 99.5%", value, value >= 99.5, "{:.2f}%")
        left = float(str(tm["residue_left"]))
        add("text: articles with residue left", "0", left, left == 0, "{:.0f}")
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a quick look")
    parser.add_argument("--json", type=Path, help="write all figures here")
    parser.add_argument("--repeat", type=int, default=None, help="rounds per comparison")
    parser.add_argument("--only", nargs="+", choices=BENCHMARKS, help="run only these")
    parser.add_argument("--work", type=Path, help="keep corpora here (default: a temp dir)")
    parser.add_argument("--articles", type=int, help="override the throughput corpus size")
    parser.add_argument(
        "--baseline",
        metavar="PYTHON",
        help="another install's python (say, main's venv): its archive and hook run in the "
        "same rounds as this one's (throughput, startup)",
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    repeat = args.repeat or (3 if args.quick else 5)
    chosen = args.only or BENCHMARKS
    baseline = baseline_command(args.baseline)
    work = args.work or Path(tempfile.mkdtemp(prefix="scrubwarc-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    (work / "out").mkdir(exist_ok=True)
    print(f"scrubwarc benchmarks ({'quick' if args.quick else 'full'}), {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}, work dir {work}")  # fmt: skip
    results: dict[str, dict[str, object]] = {}
    try:
        if "throughput" in chosen:
            results["throughput"] = bench_throughput(
                work, args.articles or sizes.articles, repeat, baseline
            )
        if "stages" in chosen:
            results["stages"] = bench_stages(sizes.stages)
        if "wacz" in chosen:
            results["wacz"] = bench_wacz(work, args.articles or sizes.articles, repeat)
        if "startup" in chosen:
            results["startup"] = bench_startup(work, sizes.startup_runs, baseline)
        if "memory" in chosen:
            results["memory"] = bench_memory(work, sizes.memory)
        if "bigfile" in chosen:
            results["bigfile"] = dict(bench_bigfile(work, sizes.big_bytes))
        if "html" in chosen:
            results["html"] = bench_html(sizes.html_limit, 1 if args.quick else 3)
        if "textmeta" in chosen:
            results["textmeta"] = bench_textmeta(sizes.textmeta)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\n## Targets")
    print(table(("target", "wanted", "measured", "met"), targets(results)))
    if args.json:
        payload = {"sizes": asdict(sizes), "repeat": repeat, "results": results}
        args.json.write_text(json.dumps(payload, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
