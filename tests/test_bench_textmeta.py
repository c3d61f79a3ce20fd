"""The text-metadata benchmark: runs, prints its row, and the corpus it measures is right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_benchmarks import bench, corpus, load

textmeta = load("textmeta")


def test_textmeta_row_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "QUICK", bench.Sizes(20, (10, 20), 50_000, 1, 2, 60))
    out = tmp_path / "r.json"
    args = ["--quick", "--repeat", "1", "--work", str(tmp_path / "w"), "--json", str(out)]
    assert bench.main([*args, "--only", "textmeta"]) == 0
    printed = capsys.readouterr().out
    assert "Text metadata" in printed and "text metadata: title right" in printed
    figures = json.loads(out.read_text())["results"]["textmeta"]
    assert figures["articles"] == 60


def test_corpus_truth_covers_the_new_families() -> None:
    arts = list(corpus.articles(400, seed=5))
    texts = [a.text.decode("utf-8", "replace") for a in arts]
    assert any("Posted: " in t for t in texts) and any("Last Updated:" in t for t in texts)
    assert any(a.truth.authors and "Associated Press" in a.truth.authors[0] for a in arts)
    assert any(a.truth.title.count(" | ") == 0 and " | " in t.split("\n")[0]
               for a, t in zip(arts, texts, strict=True))  # fmt: skip


def test_metadata_on_the_generated_corpus_meets_the_bar() -> None:
    figures = textmeta.measure(600, seed=11)
    assert min(figures.title, figures.authors, figures.date) >= 0.995, figures.misses
    assert figures.residue_left == 0 and figures.body_lost == 0
