"""Shared pytest configuration."""

from __future__ import annotations

import os

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
