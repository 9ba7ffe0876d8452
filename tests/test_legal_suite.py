"""The ready-made legal property suite, run against every built-in regime.

Enabled the way a portal enables it: one import line (the pytest11 entry point
provides the fixtures).
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from klachtrecht.testing.plugin import TestLegalSuite  # noqa: F401

#: Known bugs, reported as xfail; remove an entry once the regime is fixed (the
#: suite then fails with "remove its entry" as a reminder).
#: This project's known failures, each with its reason; empty since the
#: endings of every regime were settled (issue 15 item 4).
KNOWN_BUGS: dict[tuple[str, str], str] = {}


@pytest.fixture
def klachtrecht_expected_failures() -> Mapping[tuple[str, str], str]:
    """This project's known failures (see KNOWN_BUGS)."""
    return KNOWN_BUGS
