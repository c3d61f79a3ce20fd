"""benchmarks/html.py: its scoring, and a real run on a few pages of each development set."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks import html as bench

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "html.py"


def test_aeb_shingles_ignore_punctuation_not_case() -> None:
    m = bench.match_page("One two three four five.", "one two three four five")
    assert m.tp < 1.0 and not m.exact
    exact = bench.match_page("a, b; c d e!", "a b c d e")
    assert exact.exact and exact.tp == 1.0


def test_aeb_averages_over_pages_and_empty_predictions() -> None:
    perfect = bench.match_page("a b c d", "a b c d")
    empty = bench.match_page("a b c d", "")
    s = bench.score([perfect, empty])
    # An empty prediction has no precision to average (as in the benchmark), only recall 0.
    assert s.precision == 1.0
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 / 3)


def test_wcxb_bag_of_words_is_case_blind_and_empty_scores_zero() -> None:
    assert bench.bag_scores("The cat. THE hat", "the CAT the hat") == (1.0, 1.0, 1.0)
    assert bench.bag_scores("words here", "") == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("gold", "found", "right"),
    [
        ("Ann Lee", ["Ann Lee"], True),
        ("Ann Lee", ["By Ann Lee"], True),
        ("Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"], True),
        ("Ann Lee and Bo Chen", ["Ann Lee"], False),
        ("Dylan Bailey, MS, RD", ["Dylan Bailey"], True),
        ("Ann Lee", ["Bo Chen"], False),
        ("Ann Lee", [], False),
    ],
)
def test_author_matching(gold: str, found: list[str], right: bool) -> None:
    assert bench.author_right(gold, found) is right


def test_date_is_the_pages_own_day() -> None:
    assert bench.date_right("2024-05-03", "2024-05-03T01:00:00+09:00")
    assert not bench.date_right("2024-05-03", "2024-05-02T16:00:00+00:00")
    assert not bench.date_right("2024-05-03", None)


def test_missing_data_dir_fails_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--aeb", str(tmp_path / "nope"), "--sets", "aeb"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_runs_on_a_few_pages_of_each_set_and_prints_figures() -> None:
    present = bench.available()
    if not all(present.values()):
        pytest.skip(f"development sets not found under {bench.SHARED}")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--limit", "3", "--whole-runs", "1",
         "--tools", "scrubwarc", "trafilatura"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )  # fmt: skip
    out = result.stdout
    assert "## AEB: 3 pages" in out and "## WCXB dev articles: 3 pages" in out
    rows = [line.split() for line in out.splitlines() if line.startswith("scrubwarc ")]
    assert len(rows) == 2
    aeb_row, wcxb_row = rows
    # F1 prec recall empty [title author date] ms/page whole-s ratio: all real numbers.
    assert 0.0 < float(aeb_row[1]) <= 1.0 and float(aeb_row[-2]) > 0.0
    assert 0.0 < float(wcxb_row[1]) <= 1.0 and len(wcxb_row) == len(aeb_row) + 3
    assert "## Targets (issue 11)" in out
    # The peer is in the bench extra: compared when installed, and said to be missing if not.
    if importlib.util.find_spec("trafilatura") is not None:
        assert any(line.startswith("trafilatura ") for line in out.splitlines())
    else:
        assert "trafilatura" in out + result.stderr
