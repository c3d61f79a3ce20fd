"""Smoke tests: each benchmark runs on a tiny input. No timing is ever asserted here."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "benchmarks"


def load(name: str) -> ModuleType:
    # A package: benchmarks/html.py must never sit on sys.path as a second ``html``.
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"benchmarks.{name}")


corpus = load("corpus")
floor = load("floor")
bench = load("run")


def test_corpus_is_deterministic_and_varied(tmp_path: Path) -> None:
    first = list(corpus.articles(200, seed=3))
    assert [a.text for a in first] == [a.text for a in corpus.articles(200, seed=3)]
    texts = [a.text for a in first]
    sizes = sorted(len(t) for t in texts)
    assert sizes[0] >= corpus.MIN_BYTES and sizes[-1] <= corpus.MAX_BYTES + 1000
    assert any(b"\r\n" in t for t in texts)
    assert any(b"utm_" in t for t in texts) and any(b"RELATED" in t for t in texts)
    not_utf8 = 0
    for t in texts:
        try:
            t.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8 += 1
    assert not_utf8 > 0
    assert all(a.html.startswith(b"<!DOCTYPE html>") for a in first)


def test_corpus_is_cleaned_by_scrubwarc(tmp_path: Path) -> None:
    from scrubwarc import process_article as process

    corpus.write_corpus(tmp_path, 30, html=True)
    fired: set[str] = set()
    for path in sorted(tmp_path.rglob("*.*")):
        fired.update(process(path.read_bytes(), path.name).fired)
    assert {"whitespace", "tracking", "boilerplate", "headline"} <= fired


def test_floor_writes_three_records_per_file(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "c", 5)
    paths = sorted((tmp_path / "c").rglob("*.txt"))
    files, size = floor.write_floor(paths, tmp_path / "f.warc.gz")
    assert files == 5 and size == sum(p.stat().st_size for p in paths)
    from warcio.archiveiterator import ArchiveIterator

    with (tmp_path / "f.warc.gz").open("rb") as handle:
        assert sum(1 for _ in ArchiveIterator(handle)) == 15


def test_big_files(tmp_path: Path) -> None:
    corpus.write_big_text(tmp_path / "b.txt", 20_000)
    corpus.write_big_html(tmp_path / "b.html", 20_000)
    assert (tmp_path / "b.txt").stat().st_size >= 20_000
    assert (tmp_path / "b.html").read_bytes().endswith(b"</html>\n")


@pytest.mark.parametrize(
    "only",
    [["throughput"], ["stages"], ["wacz"], ["startup"], ["memory"], ["bigfile"], ["html"]],
    ids=str,
)
def test_each_benchmark_runs(
    only: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tiny = bench.Sizes(20, (10, 20), 50_000, 1, 2, stages=10)
    monkeypatch.setattr(bench, "QUICK", tiny)
    out = tmp_path / "r.json"
    args = ["--quick", "--repeat", "1", "--work", str(tmp_path / "w"), "--json", str(out)]
    assert bench.main([*args, "--only", *only]) == 0
    printed = capsys.readouterr().out
    assert "## Targets" in printed
    assert out.is_file()


def test_a_baseline_runs_in_the_same_rounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """This very install as the baseline: its rows are there, beside the others."""
    monkeypatch.setattr(bench, "QUICK", bench.Sizes(20, (10, 20), 50_000, 1, 2, stages=10))
    args = ["--quick", "--repeat", "1", "--work", str(tmp_path / "w"), "--baseline", sys.executable]
    assert bench.main([*args, "--only", "throughput", "startup"]) == 0
    printed = capsys.readouterr().out
    assert "baseline archive --jobs 2" in printed
    assert "baseline scrubwarc-hook --check (3 files)" in printed
    assert "baseline: jobs 2 / jobs 1:" in printed


def test_language_table_scores_the_detector(capsys: pytest.CaptureFixture[str]) -> None:
    language = load("language")
    assert language.main(["--samples", "2", "--only", "scrubwarc"]) == 0
    printed = capsys.readouterr().out
    assert "paragraphs (tests/languages.py) (46 samples, 46 languages)" in printed
    mixed = [language.Sample("de", "Die Regierung hat am Mittwoch ein neues Gesetz beschlossen.")]
    mixed += [language.Sample("fr", "Die Regierung hat am Mittwoch ein neues Gesetz beschlossen.")]
    score = language.score(lambda text: "DE", mixed)
    assert (score.right, score.wrong, score.none) == (1, 1, 0)
    assert language.score(lambda text: None, mixed).none == 2


def test_stages_cover_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    stages = load("stages")
    figures = stages.measure(5, seed=1)
    assert {"decode", "metadata", "encode + compress", "write"} <= set(figures)
    assert {f"rule: {name}" for name in ("tracking", "headline")} <= set(figures)
    assert all(ms >= 0 for ms in figures.values())
    assert "total" in stages.report(figures)
