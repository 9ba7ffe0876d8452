"""Properties every regime must have, over random allowed event sequences.

Uses the public strategies of :mod:`klachtrecht.testing`, so they are proven in
use. Parametrized over every registered regime: a new regime gets these for free.
"""

from __future__ import annotations

import pickle
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from statemachine.exceptions import TransitionNotAllowed

import klachtrecht as k
from klachtrecht.deadlines import is_working_day
from klachtrecht.testing import walks

REGIMES = sorted(k.REGIMES)
PROPERTY = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", REGIMES)
class TestInvariants:
    """Invariants of cases under random walks, for every regime."""

    @PROPERTY
    @given(data=st.data())
    def test_version_counts_history(self, name: str, data: st.DataObject) -> None:
        """The version equals the number of recorded events and grows by one."""
        case, steps = data.draw(walks(name))
        assert case.version == len(case.history)
        applied = [s for s in steps if s.applied]
        assert 1 + len(applied) == case.version

    @PROPERTY
    @given(data=st.data())
    def test_original_never_changes(self, name: str, data: st.DataObject) -> None:
        """Applying any event, allowed or not, leaves the original case equal."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))
        snapshot = pickle.dumps(case)
        for spec in regime.events:
            by = sorted(spec.actors, key=lambda r: r.value)[0]
            try:
                moved = regime.apply(
                    case, spec.id, at=case.last_at + timedelta(days=1), by=by
                )
            except k.KlachtrechtError:
                continue
            assert moved.version == case.version + 1
        assert snapshot == pickle.dumps(case)

    @PROPERTY
    @given(data=st.data())
    def test_finals_stay_final(self, name: str, data: st.DataObject) -> None:
        """A case in a final state refuses every event."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))
        if not regime.is_final(case):
            return
        assert regime.state(case.state).final
        for spec in regime.events:
            with pytest.raises(k.EventNotAllowedError):
                regime.apply(
                    case,
                    spec.id,
                    at=case.last_at + timedelta(days=1),
                    by=next(iter(spec.actors)),
                )

    @PROPERTY
    @given(data=st.data())
    def test_replay_rebuilds_case(self, name: str, data: st.DataObject) -> None:
        """Replaying the history gives an equal case."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))
        assert case == regime.replay(case.case_id, case.history)

    @PROPERTY
    @given(data=st.data())
    def test_pickle_round_trip(self, name: str, data: st.DataObject) -> None:
        """A case survives pickling (multiprocessing, Celery, Dask)."""
        case, _ = data.draw(walks(name))
        assert case == pickle.loads(pickle.dumps(case))

    @PROPERTY
    @given(data=st.data())
    def test_atw_deadlines_are_working_days(
        self, name: str, data: st.DataObject
    ) -> None:
        """Every deadline the Atw applies to ends on a working day; the others
        end exactly at their plain calendar end."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))
        for item in regime.deadlines(case):
            if item.deadline.atw_applied:
                assert is_working_day(item.due)
            else:
                assert item.due == item.deadline.plain_end

    @PROPERTY
    @given(data=st.data())
    def test_table_agrees_with_statemachine(
        self, name: str, data: st.DataObject
    ) -> None:
        """The compiled table and python-statemachine itself agree on every
        applied event's target state, and both refuse an event not allowed."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))

        class Model:
            state: str | None = None

        machine = regime.machine(model=Model())
        for record in case.history[1:]:
            machine.send(record.event)
        assert case.state == next(iter(machine.configuration)).id
        refused = sorted(
            {e.id for e in regime.events} - {e.id for e in regime.allowed(case)}
        )
        for event in refused:
            with pytest.raises(TransitionNotAllowed):
                machine.send(event)

    @PROPERTY
    @given(data=st.data())
    def test_errors_hide_personal_data(self, name: str, data: st.DataObject) -> None:
        """No generated personal value appears in repr, str or error messages."""
        regime = k.regime(name)
        case, steps = data.draw(walks(name))
        texts = [repr(case), str(case), repr(case.facts)]
        texts += [repr(r) for r in case.history] + [repr(p) for p in case.parties]
        for step in steps:
            if not step.applied:
                try:
                    regime.apply(case, step.event, at=step.at, by=step.by, **step.data)
                except k.KlachtrechtError as exc:
                    texts.append(str(exc))
        assert not any("PII-" in text for text in texts)


class TestContract:
    """The observable states and events of each regime are pinned."""

    def test_wkkgz_states(self) -> None:
        """Wkkgz: the states, their Dutch labels and which are final."""
        regime = k.regime("wkkgz")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("raised", "Onvrede gemeld", False),
            ("submitted", "Klacht in behandeling", False),
            ("judged", "Oordeel ontvangen", False),
            ("dispute", "Geschil aanhangig", False),
            ("closed", "Afgesloten", True),
            ("ruled", "Bindend advies uitgebracht", True),
            ("inadmissible", "Geschil niet-ontvankelijk", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_wkkgz_events(self) -> None:
        """Wkkgz: the events and the legal basis of each."""
        regime = k.regime("wkkgz")
        assert {e.id: e.basis for e in regime.events} == {
            "engage_functionaris": (
                "Wkkgz art. 15 ('geschikt te achten personen'); KPZ spelregel 2"
            ),
            "submit_written": "Wkkgz art. 14 lid 1, art. 17 lid 1; KPZ spelregel 3",
            "extend": "Wkkgz art. 17 lid 2",
            "agree_extension": (
                "Klachtenreglement KPZ Wkkgz, spelregel 6 "
                "(not in the Wkkgz: UNCONFIRMED)"
            ),
            "deliver_oordeel": "Wkkgz art. 17 lid 1",
            "accept": "Wkkgz art. 21 lid 1 (a contrario)",
            "resolve": "Wkkgz art. 16 lid 2; KPZ spelregel 1",
            "archive": ("reglement of the geschilleninstantie (window passed)"),
            "submit_geschil": "Wkkgz art. 21 lid 1",
            "rule": "Wkkgz art. 20, art. 22",
            "declare_inadmissible": "reglement of the geschilleninstantie",
            "withdraw": (
                "not regulated in the Wkkgz (klachtenregeling or reglement of the "
                "instantie)"
            ),
        }

    @pytest.mark.parametrize("name", REGIMES)
    def test_every_state_and_event_cites_a_source(self, name: str) -> None:
        """Each state and event has a Dutch label and a legal basis."""
        regime = k.regime(name)
        labelled: list[k.StateSpec | k.EventSpec] = [
            *regime.states,
            *regime.events,
            regime.open_event,
        ]
        for item in labelled:
            assert item.label.strip()
            assert item.basis.strip()
