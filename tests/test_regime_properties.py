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
            "inform_progress": "Wkkgz art. 16 lid 3",
            "deliver_oordeel": "Wkkgz art. 17 lid 1",
            "accept": "Wkkgz art. 21 lid 1 (a contrario)",
            "resolve": "Wkkgz art. 16 lid 2; KPZ spelregel 1",
            "archive": ("reglement of the geschilleninstantie (window passed)"),
            "submit_geschil": "Wkkgz art. 21 lid 1-3",
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

    def test_jeugdwet_states(self) -> None:
        """Jeugdwet: the states, Dutch labels and which are final."""
        regime = k.regime("jeugdwet")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("received", "Klacht ontvangen", False),
            ("assessed", "Eerste beoordeling gedaan", False),
            ("registered", "Geregistreerd en in behandeling", False),
            ("acknowledged", "Ontvangst bevestigd", False),
            ("contacted", "Contact met klager opgenomen", False),
            ("mediation", "Bemiddeling", False),
            ("mediated", "Uitkomst bemiddeling gemeld", False),
            ("commissie", "Bij de klachtencommissie", False),
            ("judged", "Oordeel gegeven", False),
            ("responded", "Standpunt gegeven", False),
            ("closed", "Afgehandeld", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_jeugdwet_events(self) -> None:
        """Jeugdwet: the events and the legal basis of each."""
        regime = k.regime("jeugdwet")
        assert {e.id: e.basis for e in regime.events} == {
            "assess": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 2",
            "register": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 3",
            "acknowledge": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 4",
            "contact": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 5",
            "request_commissie": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 7",
            "engage_functionaris": (
                "Jeugdwet paragraaf 4.2 (optional: no klachtenfunctionaris required, "
                "cf. art. 4.1.9); KPZ practice"
            ),
            "choose_mediation": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 6 en 8",
            "refer_commissie": (
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 6 en 7; "
                "Jeugdwet art. 4.2.1 lid 2 sub a"
            ),
            "inform_provider": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 8",
            "provider_side": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 8",
            "report_outcome": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 9",
            "accept": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 10",
            "escalate": (
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 11; "
                "Jeugdwet art. 4.2.1 lid 2 sub a"
            ),
            "compose_commissie": "Jeugdwet art. 4.2.1 lid 2 sub a en b, lid 3",
            "hear": (
                "Jeugdwet art. 4.2.1 lid 2 sub e en f; "
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 13"
            ),
            "deviate": "Jeugdwet art. 4.2.1 lid 2 sub d",
            "give_oordeel": (
                "Jeugdwet art. 4.2.1 lid 2 sub c; "
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 12 en 13"
            ),
            "withdraw": "not regulated in the Jeugdwet (klachtenregeling)",
            "respond": "Jeugdwet art. 4.2.1 lid 5",
            "close": (
                "klachtenregeling, after Jeugdwet art. 4.2.1 lid 5 "
                "and Jeugdwet art. 4.2.2"
            ),
            "defer_response": "Jeugdwet art. 4.2.1 lid 5 (afwijking)",
            "notify": "Jeugdwet art. 4.2.1 lid 2 sub c en d, lid 5",
            "inform_structural": "Jeugdwet art. 4.2.2",
            "report_toezicht": "Jeugdwet art. 4.2.2",
        }

    def test_wmo_states(self) -> None:
        """Wmo 2015: the states, Dutch labels and which are final."""
        regime = k.regime("wmo")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("received", "Klacht ontvangen", False),
            ("assessed", "Eerste beoordeling gedaan", False),
            ("registered", "Geregistreerd en in behandeling", False),
            ("acknowledged", "Ontvangst bevestigd", False),
            ("contacted", "Contact met klager opgenomen", False),
            ("mediation", "Bemiddeling", False),
            ("mediated", "Uitkomst bemiddeling gemeld", False),
            ("commissie", "Bij de klachtencommissie", False),
            ("closed", "Afgehandeld", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_wmo_events(self) -> None:
        """Wmo 2015: the events and the legal basis of each."""
        regime = k.regime("wmo")
        assert {e.id: e.basis for e in regime.events} == {
            "assess": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 2",
            "register": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 3",
            "acknowledge": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 4",
            "contact": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 5",
            "request_commissie": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 7",
            "engage_functionaris": (
                "klachtenregeling (Wmo 2015 art. 3.2 lid 1 sub a; optional); "
                "KPZ practice"
            ),
            "choose_mediation": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 6 en 8",
            "refer_commissie": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 6 en 7",
            "inform_provider": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 8",
            "provider_side": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 8",
            "report_outcome": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 9",
            "accept": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 10",
            "escalate": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 11",
            "compose_commissie": (
                "klachtenregeling (Wmo 2015 art. 3.2 lid 1 sub a); "
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 11 (composition "
                "UNCONFIRMED)"
            ),
            "hear": "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 13",
            "deviate": (
                "klachtenregeling (Wmo 2015 art. 3.2 lid 1 sub a; "
                "deviation rule UNCONFIRMED)"
            ),
            "give_oordeel": (
                "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg, spelregel 12 en 13; "
                "Wmo 2015 art. 3.2 lid 1 sub a"
            ),
            "withdraw": "not regulated in the Wmo 2015 (klachtenregeling)",
        }

    def test_klp_states(self) -> None:
        """KLP: the states, Dutch labels and which are final."""
        regime = k.regime("klp")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("filed", "Klacht ingediend", False),
            ("admitted", "In behandeling genomen", False),
            ("analysed", "Mogelijkheden besproken", False),
            ("support", "Ondersteuning bij verwoorden", False),
            ("with_provider", "Klacht bij paramedicus", False),
            ("mediation", "Bemiddeling", False),
            ("concluded", "Afsluitende brief ontvangen", False),
            ("dispute", "Geschil aanhangig", False),
            ("closed", "Afgesloten", True),
            ("declined", "Niet in behandeling genomen", True),
            ("ruled", "Bindend advies uitgebracht", True),
            ("inadmissible", "Geschil niet-ontvankelijk", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_klp_events(self) -> None:
        """KLP: the events and the legal basis of each."""
        regime = k.regime("klp")
        assert {e.id: e.basis for e in regime.events} == {
            "admit": "Klachtenloket Paramedici, werkwijze (lid beroepsvereniging, geldige kwaliteitsregistratie)",
            "decline": "Klachtenloket Paramedici, werkwijze; Klachtenregeling KLP, per member practice pages (law.md §7; UNCONFIRMED)",
            "analyse": "Klachtenloket Paramedici, werkwijze; Klachtenregeling KLP, per member practice pages (law.md §7; UNCONFIRMED): two weeks",
            "offer_support": "Klachtenloket Paramedici, werkwijze",
            "submit_to_provider": "Klachtenloket Paramedici, werkwijze; Wkkgz art. 14 lid 1",
            "mediate": "Klachtenloket Paramedici, werkwijze",
            "provider_reaction": "Klachtenloket Paramedici, werkwijze; Klachtenregeling KLP, per member practice pages (law.md §7; UNCONFIRMED): six weeks",
            "pass_on_reaction": "Klachtenloket Paramedici, werkwijze",
            "hold_meeting": "Klachtenloket Paramedici, werkwijze",
            "send_letter": "Klachtenloket Paramedici, werkwijze (brief met redenen omkleed); cf. Wkkgz art. 17 lid 1",
            "extend": "Wkkgz art. 17 lid 2 (the KLP is a Wkkgz klachtenregeling)",
            "inform_progress": "Wkkgz art. 16 lid 3 (the KLP is a Wkkgz klachtenregeling)",
            "accept": "Klachtenloket Paramedici, werkwijze",
            "archive": "Geschillenregeling Paramedici, per member practice pages (law.md §7; UNCONFIRMED): one year passed",
            "submit_geschil": "Klachtenloket Paramedici, geschillenregeling; Wkkgz art. 21 lid 1-3",
            "rule": "Klachtenloket Paramedici, geschillenregeling (bindende uitspraak); Wkkgz art. 20, art. 22 lid 1",
            "declare_inadmissible": "Geschillenregeling Paramedici, per member practice pages (law.md §7; UNCONFIRMED)",
            "withdraw": "not regulated in the Wkkgz (regeling of the KLP or the commissie)",
        }

    @pytest.mark.parametrize("name", ["wvggz", "wzd"])
    def test_dwang_states(self, name: str) -> None:
        """Wvggz and Wzd share one machine: the states, Dutch labels, finals."""
        regime = k.regime(name)
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("received", "Klacht ontvangen", False),
            ("decided", "Beslissing klachtencommissie genomen", False),
            ("court", "Verzoekschrift bij de rechter", False),
            ("set_aside", "Buiten behandeling gelaten", True),
            ("archived", "Afgesloten na termijn verzoekschrift", True),
            ("court_decided", "Beslissing rechter genomen", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_dwang_one_procedure(self) -> None:
        """Wvggz and Wzd run the same procedure: equal transition tables and
        Dutch event labels, only the citations differ."""
        wvggz, wzd = k.regime("wvggz"), k.regime("wzd")
        assert wvggz.transitions == wzd.transitions
        assert [e.label for e in wvggz.events] == [e.label for e in wzd.events]
        assert [e.basis for e in wvggz.events] != [e.basis for e in wzd.events]

    def test_dwang_machines_are_separate(self) -> None:
        """Each regime gets its own machine class (python-statemachine 3.2
        shares State objects between subclasses)."""
        wvggz, wzd = k.regime("wvggz").machine, k.regime("wzd").machine
        assert wvggz is not wzd
        assert wvggz.states[0] is not wzd.states[0]

    def test_wvggz_citations(self) -> None:
        """Wvggz: the legal basis of each state and event."""
        regime = k.regime("wvggz")
        assert {s.id: s.basis for s in regime.states} == {
            "received": "Wvggz art. 10:1 lid 2 en 10:3",
            "decided": "Wvggz art. 10:6 lid 1",
            "court": "Wvggz art. 10:7 lid 1",
            "set_aside": "Wvggz art. 10:5 lid 4",
            "archived": "Wvggz art. 10:7 lid 2 (no verzoekschrift in time)",
            "court_decided": "Wvggz art. 10:10 lid 1, 10:9 lid 2 en 10:9 lid 3",
            "withdrawn": "not regulated in the Wvggz (practice of the commissie and the court)",
        }
        assert {e.id: e.basis for e in (regime.open_event, *regime.events)} == {
            "open": "Wvggz art. 10:3, 10:5 lid 2 en 10:11 lid 1",
            "hear": "Wvggz art. 10:4 lid 2 sub b en 10:11 lid 3",
            "effect_lapsed": "Wvggz art. 10:5 lid 3",
            "measure_content": "Wvggz art. 10:6 lid 2",
            "suspend": "Wvggz art. 10:5 lid 1",
            "put_aside": "Wvggz art. 10:5 lid 4",
            "decide": "Wvggz art. 10:6 lid 1, 10:6 lid 3, 10:6 lid 4-5 en 10:11 lid 1",
            "notify": "Wvggz art. 10:6 lid 6",
            "petition": "Wvggz art. 10:7 lid 1 en 10:11 lid 2",
            "court_hear": "Wvggz art. 10:8 lid 1",
            "court_suspend": "Wvggz art. 10:9 lid 1",
            "court_damages": "Wvggz art. 10:11 lid 2 en 10:11 lid 3",
            "court_decide": "Wvggz art. 10:10 lid 1, 10:10 lid 2, 10:10 lid 3-5 en 10:9 lid 3",
            "archive": "Wvggz art. 10:7 lid 2 (the term passed for every verzoeker)",
            "withdraw": "not regulated in the Wvggz (practice of the commissie and the court)",
        }

    def test_wzd_citations(self) -> None:
        """Wzd: the legal basis of each state and event."""
        regime = k.regime("wzd")
        assert {s.id: s.basis for s in regime.states} == {
            "received": "Wzd art. 53 lid 2 en 55",
            "decided": "Wzd art. 56b lid 1",
            "court": "Wzd art. 56c lid 1",
            "set_aside": "Wzd art. 56a lid 4",
            "archived": "Wzd art. 56c lid 2 (no verzoekschrift in time)",
            "court_decided": "Wzd art. 56f lid 1, 56e lid 2 en 56e lid 3",
            "withdrawn": "not regulated in the Wzd (practice of the commissie and the court)",
        }
        assert {e.id: e.basis for e in (regime.open_event, *regime.events)} == {
            "open": "Wzd art. 55, 56a lid 2 en 56g lid 1",
            "hear": "Wzd art. 56 lid 2 sub b en 56g lid 3",
            "effect_lapsed": "Wzd art. 56a lid 3",
            "measure_content": "Wzd art. 56b lid 2",
            "suspend": "Wzd art. 56a lid 1",
            "put_aside": "Wzd art. 56a lid 4",
            "decide": "Wzd art. 56b lid 1, 56b lid 3, 56b lid 4-5 en 56g lid 1",
            "notify": "Wzd art. 56b lid 6",
            "petition": "Wzd art. 56c lid 1 en 56g lid 2",
            "court_hear": "Wzd art. 56d lid 1",
            "court_suspend": "Wzd art. 56e lid 1",
            "court_damages": "Wzd art. 56g lid 2 en 56g lid 3",
            "court_decide": "Wzd art. 56f lid 1, 56f lid 2, 56f lid 3-5 en 56e lid 3",
            "archive": "Wzd art. 56c lid 2 (the term passed for every verzoeker)",
            "withdraw": "not regulated in the Wzd (practice of the commissie and the court)",
        }

    @pytest.mark.parametrize(
        ("name", "prefix"), [("wvggz", "Wvggz art. 10:"), ("wzd", "Wzd art. 5")]
    )
    @PROPERTY
    @given(data=st.data())
    def test_dwang_deadlines_cite_their_article(
        self, name: str, prefix: str, data: st.DataObject
    ) -> None:
        """Every deadline of a random Wvggz/Wzd case cites its article, and
        the commissie's term is 14 days or four weeks after ontvangst."""
        regime = k.regime(name)
        case, _ = data.draw(walks(name))
        items = regime.deadlines(case)
        assert all(d.source.startswith(prefix) for d in items)
        for item in items:
            if item.key == "decision":
                assert item.deadline.start == case.facts.received_on
                assert str(item.deadline.term) in ("14 days", "4 weeks")

    def test_awb_states(self) -> None:
        """Awb titel 9.1: the states, Dutch labels and which are final."""
        regime = k.regime("awb")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("received", "Klacht ontvangen", False),
            ("informal", "Informele behandeling", False),
            ("formal", "Klaagschrift in behandeling", False),
            ("advice", "Bij de klachtadviseur", False),
            ("advised", "Advies uitgebracht", False),
            ("concluded", "Klacht afgehandeld", True),
            ("not_handled", "Niet in behandeling genomen", True),
            ("resolved", "Naar tevredenheid opgelost", True),
            ("closed_informal", "Informeel afgehandeld", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_awb_events(self) -> None:
        """Awb titel 9.1: the events and the legal basis of each."""
        regime = k.regime("awb")
        assert {e.id: e.basis for e in regime.events} == {
            "submit_klaagschrift": "Awb art. 9:4 lid 1 en 2",
            "handle_informally": "Awb art. 9:2",
            "close_informal": "Awb art. 9:2",
            "acknowledge": "Awb art. 9:6; art. 9:15 lid 1",
            "assign_handler": "Awb art. 9:7",
            "send_copy": "Awb art. 9:9",
            "refer_adviseur": "Awb art. 9:13, 9:14",
            "hear": "Awb art. 9:10 lid 1 en 3; art. 9:15 lid 2",
            "waive_hearing": "Awb art. 9:10 lid 2; art. 9:15 lid 3",
            "report_advice": "Awb art. 9:15 lid 4",
            "adjourn": "Awb art. 9:11 lid 2",
            "consent_delay": "Awb art. 9:11 lid 3",
            "decline": "Awb art. 9:8; art. 9:12 lid 2",
            "conclude": "Awb art. 9:12; art. 9:16",
            "resolve": "Awb art. 9:5",
            "withdraw": "not regulated in Awb titel 9.1 (practice)",
        }

    def test_ombudsman_states(self) -> None:
        """Awb titel 9.2 (ombudsman): the states, Dutch labels and which are final."""
        regime = k.regime("ombudsman")
        assert [(s.id, s.label, s.final) for s in regime.states] == [
            ("received", "Verzoekschrift ontvangen", False),
            ("repair", "Herstel verzuim", False),
            ("investigation", "Onderzoek", False),
            ("findings", "Bevindingen meegedeeld", False),
            ("reported", "Rapport uitgebracht", False),
            ("closed", "Afgerond", True),
            ("forwarded", "Doorgezonden", True),
            ("incompetent", "Onbevoegd", True),
            ("declined", "Geen onderzoek ingesteld", True),
            ("discontinued", "Onderzoek niet voortgezet", True),
            ("withdrawn", "Ingetrokken", True),
        ]

    def test_ombudsman_events(self) -> None:
        """Awb titel 9.2 (ombudsman): the events and the legal basis of each."""
        regime = k.regime("ombudsman")
        assert {e.id: e.basis for e in regime.events} == {
            "request_repair": "Awb art. 9:28 lid 3",
            "repair_done": "Awb art. 9:28 lid 3",
            "forward": "Awb art. 9:18 lid 2; art. 9:19 lid 1",
            "start_investigation": "Awb art. 9:18 lid 3; art. 9:20",
            "hear_parties": "Awb art. 9:30",
            "share_findings": "Awb art. 9:35",
            "react": "Awb art. 9:35 lid 2",
            "report": "Awb art. 9:27, 9:36 lid 1-3",
            "respond": "Awb art. 9:36 lid 4",
            "close_file": "Awb art. 9:36 (practice of the ombudsman)",
            "declare_incompetent": "Awb art. 9:22; art. 9:25",
            "decline": "Awb art. 9:23, 9:24; art. 9:25 lid 1",
            "discontinue": "Awb art. 9:23, 9:24; art. 9:25 lid 2",
            "withdraw": "not regulated in Awb titel 9.2 (practice)",
        }
