"""Test configuration: the Hypothesis profile and fixtures; shared helpers are in helpers.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import FIXTURES

settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("quick", max_examples=20, deadline=None)
# SCRUBWARC_HYPOTHESIS=dev (or quick) for shorter runs while developing; CI uses "ci".
settings.load_profile(os.environ.get("SCRUBWARC_HYPOTHESIS", "ci"))


@pytest.fixture
def seed_bytes() -> bytes:
    """The defining example, bundled in the golden fixtures so tests run without ../shared."""
    return (FIXTURES / "clean" / "seed.in.txt").read_bytes()
