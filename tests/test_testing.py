"""The aimed strategies of klachtrecht.testing: aiming, settings, commands,
the date range edges, shrinking, and requests refused at definition time."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import serialize
from klachtrecht._validators import IntBetween
from klachtrecht.testing import (
    StrategyError,
    cases,
    commands,
    opened_cases,
    sample_walks,
    settings_for,
    walks,
)
from klachtrecht.testing._walk import settings_type
from klachtrecht.testing.plugin import LegalSuite

REGIMES = sorted(k.REGIMES)
WkkgzSettings = settings_type(k.regime("wkkgz"))
FEW = settings(
    max_examples=10,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
FIND = settings(
    max_examples=300,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.generate, Phase.shrink],
)


class TestRefusedAtDefinition:
    """Impossible requests raise the library's error when the strategy is made."""

    def test_unknown_state(self) -> None:
        """A state the regime does not have: StrategyError, a ValueError."""
        with pytest.raises(StrategyError, match="no state 'judged'") as info:
            cases("klp", state="judged")
        assert isinstance(info.value, k.KlachtrechtError)
        assert isinstance(info.value, ValueError)

    def test_final_state_with_final_false(self) -> None:
        """A final state cannot be asked for among open cases."""
        with pytest.raises(StrategyError, match="is final"):
            cases("wkkgz", state="closed", final=False)

    def test_start_outside_the_supported_range(self) -> None:
        """Cases opened before 2000 cannot be asked for."""
        with pytest.raises(StrategyError, match="supported range"):
            walks("wkkgz", start=(date(1999, 12, 1), date(2000, 2, 1)))

    def test_no_case_near_the_end_of_2099(self) -> None:
        """A Wkkgz case opened in the last half of 2099 has a geschil window
        beyond the supported range, so no case can be made there."""
        with pytest.raises(StrategyError, match="no walk of regime 'wkkgz'"):
            cases("wkkgz", start=(date(2099, 6, 1), date(2099, 12, 31)))

    def test_settings_of_another_regime(self) -> None:
        """Settings of the wrong class are a type error."""
        with pytest.raises(k.ArgumentTypeError, match="KlpSettings"):
            cases("klp", settings=WkkgzSettings())

    def test_settings_range_outside_bounds(self) -> None:
        """A narrowed range must lie within the validator's bounds."""
        with pytest.raises(k.InvalidSettingError, match=r"within 1\.\.120"):
            settings_for("wkkgz", geschil_window_months=(0, 12))

    def test_settings_value_outside_bounds(self) -> None:
        """A fixed value outside the bounds is refused by the settings class."""
        with pytest.raises(k.InvalidSettingError, match="from 1 to 52"):
            settings_for("jeugdwet", oordeel_weeks=53)

    def test_unknown_setting(self) -> None:
        """A setting the class does not have is named."""
        with pytest.raises(k.InvalidSettingError, match="no setting"):
            settings_for("wmo", oordeel_days=3)

    def test_choices_outside_the_field(self) -> None:
        """Choices for a string setting must be among its own."""
        with pytest.raises(k.InvalidSettingError, match="some of complaint, oordeel"):
            settings_for("wkkgz", geschil_window_from=["judgment"])

    def test_no_commands_for_a_final_case(self) -> None:
        """A final case has no valid event."""
        (case, _) = sample_walks("wkkgz", 1, state="withdrawn")[0]
        with pytest.raises(StrategyError, match="final state 'withdrawn'"):
            commands(case)


class TestAiming:
    """Aimed strategies give what they were asked for."""

    @pytest.mark.parametrize(
        ("name", "state"),
        [
            ("wkkgz", "judged"),
            ("wkkgz", "ruled"),
            ("jeugdwet", "judged"),
            ("jeugdwet", "mediated"),
            ("wmo", "commissie"),
            ("klp", "ruled"),
            ("klp", "with_provider"),
        ],
    )
    @FEW
    @given(data=st.data())
    def test_state(self, name: str, state: str, data: st.DataObject) -> None:
        """cases(state=X) gives cases in state X."""
        assert state == data.draw(cases(name, state=state)).state

    @pytest.mark.parametrize("name", REGIMES)
    @FEW
    @given(data=st.data())
    def test_final_and_open(self, name: str, data: st.DataObject) -> None:
        """final=True gives final cases, final=False open ones."""
        regime = k.regime(name)
        assert regime.is_final(data.draw(cases(name, final=True)))
        assert not regime.is_final(data.draw(cases(name, final=False)))

    @FEW
    @given(case=cases("wkkgz", settings=WkkgzSettings(geschil_window_months=6)))
    def test_given_settings(self, case: k.Case) -> None:
        """Cases are opened under the given settings."""
        assert 6 == case.settings.geschil_window_months

    @pytest.mark.parametrize("name", REGIMES)
    @FEW
    @given(data=st.data())
    def test_drawn_settings_within_bounds(self, name: str, data: st.DataObject) -> None:
        """Drawn settings respect every int validator's bounds."""
        case = data.draw(cases(name, settings=settings_for(name), max_steps=5))
        for field in attrs.fields(type(case.settings)):
            if isinstance(field.validator, IntBetween):
                value = getattr(case.settings, field.name)
                assert field.validator.low <= value <= field.validator.high

    @FEW
    @given(
        s=settings_for(
            "klp",
            max_event_age_years=(2, 3),
            geschil_fee=st.just(__import__("decimal").Decimal("60.00")),
        )
    )
    def test_narrowed_settings(self, s: object) -> None:
        """A narrowed range and a strategy for one field are used."""
        assert 2 <= s.max_event_age_years <= 3  # type: ignore[attr-defined]
        assert "60.00" == str(s.geschil_fee)  # type: ignore[attr-defined]

    @pytest.mark.parametrize("name", REGIMES)
    @FEW
    @given(data=st.data())
    def test_commands_are_accepted(self, name: str, data: st.DataObject) -> None:
        """A drawn command is accepted by the regime for that case."""
        regime = k.regime(name)
        case = data.draw(cases(name, final=False, max_steps=6))
        command = data.draw(commands(case))
        assert case.version + 1 == command.apply(regime, case).version


class TestEdges:
    """Near 2000 and 2099 every generated case is one the library accepts."""

    @pytest.mark.parametrize("name", REGIMES)
    @pytest.mark.parametrize(
        "start",
        [
            (date(2000, 1, 1), date(2000, 1, 31)),
            (date(2098, 6, 1), date(2099, 12, 31)),
        ],
    )
    @FEW
    @given(data=st.data())
    def test_cases_near_the_edges(
        self, name: str, start: tuple[date, date], data: st.DataObject
    ) -> None:
        """Deadlines compute and the case round-trips through serialize."""
        case = data.draw(cases(name, start=start))
        k.regime(name).deadlines(case)
        assert case == serialize.loads(serialize.dumps(case))
        assert start[0] <= case.history[0].day <= start[1]

    @FEW
    @given(case=opened_cases("jeugdwet", start=(date(2099, 12, 1), date(2099, 12, 31))))
    def test_opened_at_the_end_of_2099(self, case: k.Case) -> None:
        """An opened Jeugdwet case in December 2099 has computable deadlines."""
        assert k.regime("jeugdwet").deadlines(case)


class TestShrinking:
    """Counterexamples shrink to the shortest history."""

    def test_shortest_history_with_three_events(self) -> None:
        """The smallest Wkkgz case with three events has exactly three."""
        case = find(cases("wkkgz"), lambda c: c.version >= 3, settings=FIND)
        assert 3 == case.version

    def test_shortest_route_to_a_ruling(self) -> None:
        """The smallest ruled KLP case is open, admit, geschil, ruling."""
        case = find(cases("klp", state="ruled"), lambda c: True, settings=FIND)
        assert ["open", "admit", "submit_geschil", "rule"] == [
            r.event for r in case.history
        ]


class TestPlugin:
    """The pytest plugin's suite runner, used directly."""

    def test_loads_without_hypothesis(self) -> None:
        """Every pytest run loads the plugin: it must not need Hypothesis."""
        code = (
            "import sys; sys.modules['hypothesis'] = None; "
            "import klachtrecht.testing.plugin"
        )
        done = subprocess.run([sys.executable, "-c", code], check=False)
        assert 0 == done.returncode

    def test_expected_failure_that_holds_asks_for_removal(self) -> None:
        """A known bug that no longer fails makes the suite fail with a reminder."""
        suite = LegalSuite("wmo", None, None, 3, {("wmo", "versions_grow"): "old"})
        with pytest.raises(pytest.fail.Exception, match="remove its entry"):
            suite.run("versions_grow")

    def test_a_broken_store_is_found(self) -> None:
        """A store that loses the case's last event fails reloads_equal."""

        def lossy(case: k.Case) -> k.Case:
            regime = k.regime(case.regime)
            if case.version == 1:
                return attrs.evolve(case, case_id=case.case_id + "-x")
            return regime.replay(case.case_id, case.history[:-1])

        suite = LegalSuite("wkkgz", None, lossy, 5, {})
        with pytest.raises(AssertionError, match="reloads different"):
            suite.run("reloads_equal")
