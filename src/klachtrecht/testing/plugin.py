"""pytest plugin: the legal property suite over every registered regime.

Installed with klachtrecht (entry point ``pytest11``: ``klachtrecht``), the
plugin only adds fixtures; nothing runs until a portal enables the suite with
one line in one of its test modules::

    from klachtrecht.testing.plugin import TestLegalSuite  # noqa: F401

(with plugin autoloading switched off, also pass ``-p
klachtrecht.testing.plugin``). The suite runs each check of
:mod:`klachtrecht.testing.properties` over random walks of every registered
regime (``klachtrecht.REGIMES``, or the names in the ini option
``klachtrecht_regimes``), so a new regime is covered automatically.

A portal runs it against its own configuration by overriding fixtures in its
``conftest.py``:

- ``klachtrecht_settings(klachtrecht_regime)``: its regeling's settings for
  that regime, or a strategy of them (:func:`~klachtrecht.testing.settings_for`);
  default: the regime's defaults;
- ``klachtrecht_round_trip``: a function storing a case and reading it back
  (its dump/load or its store); default: ``serialize.dumps``/``loads``;
- ``klachtrecht_examples``: examples per check and regime (default 20);
- ``klachtrecht_expected_failures``: ``{(regime, check): reason}`` for known
  bugs; such a check is reported as xfail when it fails and as a failure
  ("remove the expected failure") once it passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

import klachtrecht as k
from klachtrecht.testing.properties import CHECKS, RoundTrip, run_all

__all__ = ["LegalSuite", "TestLegalSuite"]


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ini option ``klachtrecht_regimes``."""
    parser.addini(
        "klachtrecht_regimes",
        "regimes the klachtrecht legal suite runs over (default: all registered)",
        type="args",
        default=[],
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrise every test that takes ``klachtrecht_regime`` over the regimes."""
    if "klachtrecht_regime" in metafunc.fixturenames:
        names = metafunc.config.getini("klachtrecht_regimes") or sorted(k.REGIMES)
        metafunc.parametrize("klachtrecht_regime", names)


@pytest.fixture
def klachtrecht_settings(klachtrecht_regime: str) -> object:
    """The regeling's settings (or a strategy of them); None: the defaults."""
    return None


@pytest.fixture
def klachtrecht_round_trip() -> RoundTrip | None:
    """Store a case and read it back; None: ``serialize``."""
    return None


@pytest.fixture
def klachtrecht_examples() -> int:
    """Hypothesis examples per check and regime."""
    return 20


@pytest.fixture
def klachtrecht_expected_failures() -> Mapping[tuple[str, str], str]:
    """Known failures: ``{(regime, check): reason}``."""
    return {}


class LegalSuite:
    """One regime under one portal configuration; runs a check by name."""

    def __init__(
        self,
        regime: str,
        settings: object,
        round_trip: RoundTrip | None,
        examples: int,
        expected: Mapping[tuple[str, str], str],
    ) -> None:
        self.regime = regime
        self.settings = settings
        self.round_trip = round_trip
        self.examples = examples
        self.expected = expected

    def run(self, check: str) -> None:
        """Run ``check`` over random walks (final cases for the closing check)."""
        # imported here: loading the plugin must not need Hypothesis
        from hypothesis import HealthCheck, Phase, given  # noqa: PLC0415
        from hypothesis import settings as hypothesis_settings  # noqa: PLC0415

        from klachtrecht.testing.strategies import (  # noqa: PLC0415
            sample_walks,
            walks,
        )

        reason = self.expected.get((self.regime, check))
        final = True if check == "ended_case_owes_nothing" else None
        strategy = walks(self.regime, final=final, settings=self.settings)
        skip = set(CHECKS) - {check}
        options: dict[str, Any] = {
            "max_examples": self.examples,
            "deadline": None,
            "suppress_health_check": [HealthCheck.too_slow],
        }
        if reason is not None:
            # a known bug: look harder, deterministically, and do not shrink
            options.update(
                max_examples=5 * self.examples,
                derandomize=True,
                database=None,
                report_multiple_bugs=False,
                phases=[Phase.explicit, Phase.generate],
            )

        @hypothesis_settings(**options)
        @given(strategy)
        def holds(walk: Any) -> None:
            case, steps = walk
            run_all(case, steps, round_trip=self.round_trip, skip=skip)

        if reason is None:
            holds()
            return
        try:
            holds()
            # and a reproducible sweep of seeded walks, so the verdict is stable
            for case, steps in sample_walks(
                self.regime, 10 * self.examples, final=final, settings=self.settings
            ):
                run_all(case, steps, round_trip=self.round_trip, skip=skip)
        except AssertionError:
            pytest.xfail(reason)
        pytest.fail(
            f"{check} now holds for regime {self.regime!r}: "
            "remove its entry from klachtrecht_expected_failures"
        )


@pytest.fixture
def klachtrecht_suite(
    klachtrecht_regime: str,
    klachtrecht_settings: object,
    klachtrecht_round_trip: RoundTrip | None,
    klachtrecht_examples: int,
    klachtrecht_expected_failures: Mapping[tuple[str, str], str],
) -> LegalSuite:
    """The suite for one regime, configured by the fixtures above."""
    return LegalSuite(
        klachtrecht_regime,
        klachtrecht_settings,
        klachtrecht_round_trip,
        klachtrecht_examples,
        klachtrecht_expected_failures,
    )


class TestLegalSuite:
    """The legal property suite of klachtrecht, for every regime."""

    def test_atw_due_dates(self, klachtrecht_suite: LegalSuite) -> None:
        """Atw due dates land on working days, never before the plain term."""
        klachtrecht_suite.run("atw_due_dates")

    def test_refusals_change_nothing(self, klachtrecht_suite: LegalSuite) -> None:
        """A refused event raises the library's error and changes nothing."""
        klachtrecht_suite.run("refusals_change_nothing")

    def test_ended_case_owes_nothing(self, klachtrecht_suite: LegalSuite) -> None:
        """A case in a final state has no obligation pending."""
        klachtrecht_suite.run("ended_case_owes_nothing")

    def test_reloads_equal(self, klachtrecht_suite: LegalSuite) -> None:
        """A stored case reloads equal."""
        klachtrecht_suite.run("reloads_equal")

    def test_no_personal_text(self, klachtrecht_suite: LegalSuite) -> None:
        """No message, trail or report shows a personal value."""
        klachtrecht_suite.run("no_personal_text")

    def test_versions_grow(self, klachtrecht_suite: LegalSuite) -> None:
        """Each applied event adds exactly one version."""
        klachtrecht_suite.run("versions_grow")

    def test_statutory_bounds(self, klachtrecht_suite: LegalSuite) -> None:
        """Each regime's statutory terms hold."""
        klachtrecht_suite.run("statutory_bounds")
