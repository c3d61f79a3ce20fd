"""Golden cases: every ``fixtures/clean/NAME.in.txt`` must clean to ``NAME.out.txt``.

A new case is two files; no code changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scrubwarc import clean_bytes, clean_text
from tests.helpers import FIXTURES

CASES = sorted((FIXTURES / "clean").glob("*.in.txt"))


def _expected(path: Path) -> str:
    return path.with_name(path.name.replace(".in.txt", ".out.txt")).read_text("utf-8")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".in.txt"))
def test_golden(path: Path) -> None:
    result = clean_bytes(path.read_bytes(), source=str(path))
    assert result.text == _expected(path)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name.removesuffix(".in.txt"))
def test_golden_output_is_stable(path: Path) -> None:
    expected = _expected(path)
    assert clean_text(expected).text == expected


def test_seed_headline_once_and_clean_ending(seed_bytes: bytes) -> None:
    text = clean_bytes(seed_bytes).text
    headline = "As Syrian government gains ground in Aleppo, it loses its people"
    assert text.count(headline) == 1
    assert text.endswith("These people are family.”\n")
    assert "utm_" not in text and "RELATED" not in text
