"""The article-extraction benchmark script: its scoring on hand-computed cases, and a smoke run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "aeb.py"
DATA = REPO.parent / "shared" / "aeb"


def load_aeb() -> ModuleType:
    spec = importlib.util.spec_from_file_location("aeb", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["aeb"] = module  # dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


aeb = load_aeb()


def test_tokens_are_case_sensitive() -> None:
    m = aeb.match_page("One two three four five.", "one two three four five")
    # Tokens are case-sensitive: "One" != "one", so the first shingle differs.
    assert (m.tp, m.fp, m.fn) == (pytest.approx(1 / 3), pytest.approx(1 / 3), pytest.approx(1 / 3))
    exact = aeb.match_page("a, b; c d e!", "a b c d e")
    assert (exact.tp, exact.fp, exact.fn, exact.exact) == (1.0, 0.0, 0.0, True)


def test_hand_computed_page() -> None:
    # truth shingles: (a b c d), (b c d e), (c d e f); prediction: (a b c d), (b c d x)
    m = aeb.match_page("a b c d e f", "a b c d x")
    assert (m.tp, m.fp, m.fn) == (pytest.approx(1 / 4), pytest.approx(1 / 4), pytest.approx(2 / 4))
    s = aeb.score([m])
    assert s.precision == pytest.approx(0.5)
    assert s.recall == pytest.approx(1 / 3)
    assert s.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert s.accuracy == 0.0


def test_repeated_shingles_count_with_multiplicity() -> None:
    m = aeb.match_page("x y z w x y z w", "x y z w")
    # truth: (x y z w) twice plus 3 others; prediction: (x y z w) once.
    assert (m.tp, m.fp, m.fn) == (pytest.approx(1 / 5), 0.0, pytest.approx(4 / 5))


def test_short_texts_make_one_shingle() -> None:
    assert aeb.shingles(["a", "b"]) == {("a", "b"): 1}
    assert aeb.shingles([]) == {}


def test_averages_over_pages_and_empty_predictions() -> None:
    perfect = aeb.match_page("a b c d", "a b c d")
    empty = aeb.match_page("a b c d", "")
    s = aeb.score([perfect, empty])
    # An empty prediction has no precision to average (as in the benchmark), only recall 0.
    assert s.precision == 1.0
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 / 3)
    assert s.accuracy == 0.5


def test_missing_data_dir_fails_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1


def test_smoke_run() -> None:
    if not (DATA / "ground-truth.json").is_file():
        pytest.skip(f"benchmark data not found at {DATA}")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--limit", "3", "--repeat", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "F1" in result.stdout
    assert "scrubwarc" in result.stdout
