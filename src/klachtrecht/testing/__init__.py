"""Compliance suites as a product: aimed Hypothesis strategies, a ready-made
legal property suite and its opt-in pytest plugin.

Requires the ``test`` extra (``pip install klachtrecht[test]``)::

    from hypothesis import given
    from klachtrecht.testing import cases

    @given(cases("wkkgz", state="judged"))
    def test_every_case_has_a_history(case):
        assert case.version == len(case.history)

Cases are made by walking random *allowed* event sequences from the opening
event, with aware Europe/Amsterdam timestamps (2016-2030 by default, any range
within 2000-2099 on request; a walk never keeps a case whose deadlines the
library cannot compute). Events a guard refuses are recorded and skipped, so
every generated case is reachable. Personal fields (names, contact details,
complaint texts) are filled with recognisable fake values from
:func:`personal_texts`, so privacy tests can search for them.

- :mod:`klachtrecht.testing.strategies`: :func:`cases`, :func:`walks`,
  :func:`opened_cases`, :func:`settings_for`, :func:`commands`,
  :func:`personal_texts`;
- :mod:`klachtrecht.testing.properties`: the legal property suite as plain
  functions;
- :mod:`klachtrecht.testing.plugin`: the same suite as a pytest plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from klachtrecht.testing.strategies import (
        Command,
        Step,
        StrategyError,
        cases,
        commands,
        opened_cases,
        personal_texts,
        sample_walks,
        settings_for,
        walks,
    )

__all__ = [
    "Command",
    "Step",
    "StrategyError",
    "cases",
    "commands",
    "opened_cases",
    "personal_texts",
    "sample_walks",
    "settings_for",
    "walks",
]


def __getattr__(name: str) -> Any:
    # Hypothesis is imported on first use: the pytest plugin (loaded by every
    # pytest run where klachtrecht is installed) must not need it
    if name in __all__:
        from klachtrecht.testing import strategies  # noqa: PLC0415

        return getattr(strategies, name)
    raise AttributeError(f"module 'klachtrecht.testing' has no attribute {name!r}")
