"""Shared test helpers: paths to the repository, its fixtures and the shared data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")


@pytest.fixture
def seed_bytes() -> bytes:
    """The defining example, bundled in the golden fixtures so tests run without ../shared."""
    return (FIXTURES / "clean" / "seed.in.txt").read_bytes()
