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


_MUTMUT = bool(os.environ.get("KLACHTRECHT_MUTMUT")) or (
    "MUTANT_UNDER_TEST" in os.environ
)


@pytest.fixture(autouse=True)
def _cold_caches(request: pytest.FixtureRequest) -> None:
    """Under mutation testing every test starts with cold deadline caches:
    mutmut forks each run from a process whose caches earlier tests filled,
    and maps each function to the tests that *call* it, so a warm cache would
    hide a mutant in the code behind it. The day tables (~10 ms to build) are
    rebuilt only for the tests of test_deadline_trails.py."""
    if not _MUTMUT:
        return
    from klachtrecht import _atw_terms, deadlines

    deadlines._cached.cache_clear()
    _atw_terms._parse_term.cache_clear()
    if request.node.module.__name__.endswith("test_deadline_trails"):
        deadlines.default_calendar()._cache.clear()
