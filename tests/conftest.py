"""Shared pytest configuration."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# Mutation testing (scripts/mutation.sh) runs the same test methods from several
# executors in one process, and thousands of times: fixed, smaller examples.
settings.register_profile(
    "mutmut",
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
)
if os.environ.get("KLACHTRECHT_MUTMUT") or "MUTANT_UNDER_TEST" in os.environ:
    settings.load_profile("mutmut")


@pytest.fixture(autouse=True, scope="session")
def _cold_caches() -> None:
    """Under mutation testing every run starts with cold deadline caches: mutmut
    forks each run from a process whose caches the first test run filled, which
    would hide a mutant in the code that fills them."""
    if os.environ.get("KLACHTRECHT_MUTMUT") or "MUTANT_UNDER_TEST" in os.environ:
        from klachtrecht import deadlines

        deadlines._cached.cache_clear()
        deadlines._parse_term.cache_clear()
        deadlines.default_calendar()._cache.clear()
