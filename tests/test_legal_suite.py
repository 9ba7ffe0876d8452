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
KNOWN_BUGS = {
    ("wkkgz", "ended_case_owes_nothing"): (
        "issue 18: an ended Wkkgz case keeps pending obligations (e.g. the agreed "
        "oordeel date after a ruling); the regimes are being fixed"
    ),
    ("klp", "ended_case_owes_nothing"): (
        "issue 18: an ended KLP case keeps the art. 17 oordeel pending after a "
        "geschil ruling; the regimes are being fixed"
    ),
}


@pytest.fixture
def klachtrecht_expected_failures() -> Mapping[tuple[str, str], str]:
    """This project's known failures (see KNOWN_BUGS)."""
    return KNOWN_BUGS
