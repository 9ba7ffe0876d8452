"""Scenario tests for the Jeugdwet regime (KPZ flow): one test per legal path,
real dates, plus properties over guided random walks (Jeugdwet and Wmo)."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import Case, Role, Status, serialize
from klachtrecht.deadlines import is_working_day
from klachtrecht.regimes.jeugdwet import JeugdwetSettings
from klachtrecht.testing import personal_texts

AMS = ZoneInfo("Europe/Amsterdam")
J = k.regime("jeugdwet")
K, P = Role.KLAGER, Role.PROVIDER
L, F, C = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS, Role.KLACHTENCOMMISSIE
NAME = "Sanne de Vries"
CONTACT = "sanne@example.nl"
COMPLAINT = "De begeleider van mijn zoon kwam drie keer niet opdagen"
SECRETS = (NAME, CONTACT, COMPLAINT, "Jeugdhulp De Brug")
COMMISSIE = k.Party(C, "kc-1")
LAWFUL = {"members": 3, "chair_works_for_provider": False}


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


RECEIVED = at(2026, 3, 16)
PUT = at(2026, 4, 2)


def opened(when: datetime = RECEIVED, **extra: Any) -> Case:
    """A Jeugdwet complaint received on ``when``."""
    return J.open(
        "J-1",
        at=when,
        klager=k.Party(K, "p-1", "client", name=NAME, contact=CONTACT),
        provider=k.Party(P, "org-1", name="Jeugdhulp De Brug"),
        complaint=COMPLAINT,
        capacity="parent",
        **extra,
    )


def contacted(case: Case, when: datetime) -> Case:
    """Assessed, registered, acknowledged and contacted, all on ``when``."""
    for event in ("assess", "register", "acknowledge"):
        case = J.apply(case, event, at=when, by=L)
    return J.apply(case, "contact", at=when, by=L, channel="phone")


def at_commissie(put: datetime = PUT) -> Case:
    """A complaint received, taken in and referred directly to the
    klachtencommissie, all on ``put`` (so the oordeel term, counted from
    receipt, and the referral start on the same day)."""
    case = contacted(opened(put), put)
    return J.apply(case, "refer_commissie", at=put, by=L)


def composed(case: Case, when: datetime, **data: Any) -> Case:
    """The klachtencommissie composed on ``when`` (lawfully unless overridden)."""
    fields = {**LAWFUL, "member_complained_about": False, **data}
    return J.apply(
        case, "compose_commissie", at=when, by=C, commissie=COMMISSIE, **fields
    )


def heard(case: Case, when: datetime, *sides: str) -> Case:
    """The given sides had the opportunity to explain, on ``when``."""
    for side in sides:
        case = J.apply(case, "hear", at=when, by=C, side=side, form="oral")
    return case


def oordeel(case: Case, when: datetime, regime: k.Regime = J) -> Case:
    """The commissie's reasoned oordeel, given on ``when``."""
    return regime.apply(
        case,
        "give_oordeel",
        at=when,
        by=C,
        finding="partly_upheld",
        reasons="Afspraken niet nagekomen",
        recommendations="Vaste vervanger regelen",
    )


def ready() -> Case:
    """Put to the commissie Thu 2 Apr 2026, composed, both sides heard 20 Apr."""
    case = composed(at_commissie(), at(2026, 4, 3))
    return heard(case, at(2026, 4, 20), "klager", "beklaagde")


def judged(when: datetime, **extra: Any) -> Case:
    """A case whose oordeel reached the provider on ``when``: received six
    weeks earlier, referred, composed and both sides heard in between."""
    received = when - timedelta(weeks=6)
    case = contacted(opened(received, **extra), received)
    case = J.apply(case, "refer_commissie", at=when - timedelta(weeks=5), by=L)
    case = composed(case, when - timedelta(weeks=5))
    case = heard(case, when - timedelta(weeks=1), "klager", "beklaagde")
    return oordeel(case, when)


def due(case: Case, key: str, regime: k.Regime = J) -> k.Due:
    """The obligation ``key`` of ``case``."""
    (found,) = [d for d in regime.deadlines(case) if d.key == key]
    return found


def keys(case: Case, regime: k.Regime = J) -> list[str]:
    """The keys of the case's obligations."""
    return [d.key for d in regime.deadlines(case)]


def refused(
    case: Case, event: str, error: type[k.CaseError], **kwargs: Any
) -> k.CaseError:
    """Apply an event that must be refused; check the case stayed the same."""
    before = pickle.dumps(case)
    with pytest.raises(error) as info:
        J.apply(case, event, **kwargs)
    assert before == pickle.dumps(case)
    message = str(info.value)
    assert (case.case_id, case.state, event) == (
        info.value.case_id,
        info.value.state,
        info.value.event,
    )
    for fragment in (repr(case.case_id), repr(case.state), repr(event)):
        assert fragment in message
    for secret in SECRETS:
        assert secret not in message
    return info.value


class TestIntake:
    """KPZ spelregels 1-5: receipt to contact within five working days."""

    @pytest.mark.parametrize(
        ("received", "expected"),
        [
            (date(2026, 5, 13), date(2026, 5, 22)),  # Hemelvaart, 15 May gelijkgesteld
            (date(2026, 5, 22), date(2026, 6, 1)),  # Tweede Pinksterdag 25 May
            (date(2026, 12, 21), date(2026, 12, 29)),  # both Kerstdagen
        ],
    )
    def test_contact_due_after_five_working_days(
        self, received: date, expected: date
    ) -> None:
        """Five working days on the Atw calendar, feestdagen not counted."""
        case = opened(at(received.year, received.month, received.day))
        deadline = due(case, "contact").deadline
        assert expected == deadline.due
        assert not deadline.atw_applied
        assert deadline.plain_end == deadline.due

    def test_full_intake_on_time(self) -> None:
        """Received Wed 13 May 2026, contacted Fri 22 May: on time."""
        case = contacted(opened(at(2026, 5, 13)), at(2026, 5, 22, 16))
        assert "contacted" == case.state
        assert Status.MET == due(case, "contact").status(date(2026, 6, 1))
        assert date(2026, 5, 22) == case.facts.acknowledged_on

    def test_contact_after_five_working_days_is_late(self) -> None:
        """Contact on Mon 25 May 2026 (Tweede Pinksterdag) is late."""
        case = contacted(opened(at(2026, 5, 13)), at(2026, 5, 25))
        assert Status.LATE == due(case, "contact").status(date(2026, 6, 1))

    def test_contact_term_configurable(self) -> None:
        """The regeling may set another number of working days."""
        case = opened(
            at(2026, 5, 13), settings=JeugdwetSettings(contact_working_days=3)
        )
        assert date(2026, 5, 20) == due(case, "contact").due

    def test_steps_in_seed_order(self) -> None:
        """Contact comes after the ontvangstbevestiging (spelregel 4 before 5)."""
        error = refused(
            opened(),
            "contact",
            k.EventNotAllowedError,
            at=at(2026, 3, 17),
            by=L,
            channel="email",
        )
        assert "assess" in str(error)

    def test_channel_is_phone_or_email(self) -> None:
        """Spelregel 5: contact by telephone or e-mail."""
        case = opened()
        for event in ("assess", "register", "acknowledge"):
            case = J.apply(case, event, at=at(2026, 3, 16), by=L)
        refused(
            case,
            "contact",
            k.EventDataError,
            at=at(2026, 3, 17),
            by=L,
            channel="letter",
        )

    def test_capacity_required(self) -> None:
        """Who complains is recorded: jeugdige, ouder, voogd, ... (lid 1 en 4)."""
        with pytest.raises(k.EventDataError, match="capacity"):
            J.open(
                "J-2",
                at=at(2026, 3, 16),
                klager=k.Party(K, "p"),
                provider=k.Party(P, "o"),
                complaint="x",
            )


class TestMediation:
    """KPZ spelregels 6-11: bemiddeling, its outcome, then satisfied or not."""

    def mediating(self) -> Case:
        """A case in bemiddeling since Wed 18 Mar 2026, provider informed."""
        case = contacted(opened(), at(2026, 3, 17))
        case = J.apply(case, "choose_mediation", at=at(2026, 3, 18), by=L)
        return J.apply(case, "inform_provider", at=at(2026, 3, 18), by=L)

    def test_mediation_then_satisfied(self) -> None:
        """Mediation, the zorgverlener's side, the outcome, the klager satisfied:
        closed without a commissie."""
        case = self.mediating()
        case = J.apply(case, "provider_side", at=at(2026, 3, 25), by=P, side="Excuses")
        case = J.apply(
            case, "report_outcome", at=at(2026, 3, 30), by=L, outcome="Vaste begeleider"
        )
        closed = J.apply(case, "accept", at=at(2026, 4, 1), by=K)
        assert "closed" == closed.state
        assert J.is_final(closed)
        assert "mediation" == closed.facts.route
        assert date(2026, 4, 1) == closed.facts.closed_on
        assert ["contact"] == keys(closed)

    def test_mediation_then_commissie(self) -> None:
        """Not satisfied: the klager puts the complaint to the commissie on
        Thu 2 Apr 2026. The regeling's six weeks run "na indiening" (sub c),
        from receipt on Mon 16 Mar 2026, and end on Koningsdag itself (Mon 27
        Apr 2026), since the Atw does not apply to a regeling term."""
        case = J.apply(
            self.mediating(), "report_outcome", at=at(2026, 3, 30), by=L, outcome="x"
        )
        case = J.apply(case, "escalate", at=at(2026, 4, 2), by=K)
        assert "commissie" == case.state
        deadline = due(case, "oordeel").deadline
        assert date(2026, 4, 27) == deadline.due
        assert not deadline.atw_applied
        assert "klachtenregeling (Jeugdwet art. 4.2.1 lid 2 sub c)" in (
            deadline.explain()
        )

    def test_oordeel_from_commissie_setting(self) -> None:
        """A regeling counting from the referral (oordeel_from="commissie"):
        six weeks from Thu 2 Apr 2026 end on Hemelvaart, Thu 14 May 2026."""
        case = opened(settings=JeugdwetSettings(oordeel_from="commissie"))
        case = contacted(case, at(2026, 3, 17))
        case = J.apply(case, "refer_commissie", at=at(2026, 4, 2), by=L)
        assert date(2026, 5, 14) == due(case, "oordeel").due

    def test_escalate_during_mediation(self) -> None:
        """The klager may break off the mediation and go to the commissie."""
        case = J.apply(self.mediating(), "escalate", at=at(2026, 3, 20), by=K)
        assert "commissie" == case.state

    def test_outcome_needs_informed_provider(self) -> None:
        """The zorgverlener is told of the complaint before any outcome."""
        case = contacted(opened(), at(2026, 3, 17))
        case = J.apply(case, "choose_mediation", at=at(2026, 3, 18), by=L)
        error = refused(
            case,
            "report_outcome",
            k.GuardError,
            at=at(2026, 3, 19),
            by=L,
            outcome="x",
        )
        assert "spelregel 8" in str(error)

    def test_direct_commissie_on_klagers_wish(self) -> None:
        """The klager asks for the commissie at receipt; the loket refers it."""
        case = J.apply(opened(), "request_commissie", at=at(2026, 3, 16, 11), by=K)
        case = contacted(case, at(2026, 3, 17))
        case = J.apply(case, "refer_commissie", at=at(2026, 3, 18), by=L)
        assert "commissie" == case.state
        assert "commissie" == case.facts.route
        assert date(2026, 3, 16) == case.facts.commissie_wished_on

    def test_mediation_refused_when_commissie_asked(self) -> None:
        """Spelregel 7: the wish for the commissie is granted, so the loket
        cannot choose bemiddeling instead."""
        case = J.apply(opened(), "request_commissie", at=at(2026, 3, 16, 11), by=K)
        case = contacted(case, at(2026, 3, 17))
        error = refused(
            case, "choose_mediation", k.GuardError, at=at(2026, 3, 18), by=L
        )
        assert "spelregel 7" in str(error)
        assert "spelregel 6 en 8" in str(error)  # the event's basis


class TestCommissie:
    """Jeugdwet art. 4.2.1 lid 2: composition, hoor en wederhoor, the oordeel."""

    @pytest.mark.parametrize(
        ("data", "rule"),
        [
            (
                {"members": 2},
                "at least 3 are required (Jeugdwet art. 4.2.1 lid 2 sub a)",
            ),
            ({"chair_works_for_provider": True}, "lid 2 sub a"),
            ({"member_complained_about": True}, "lid 2 sub b"),
        ],
    )
    def test_unlawful_composition_refused(
        self, data: Mapping[str, Any], rule: str
    ) -> None:
        """Too few members, a chair working for the provider, or a member whose
        conduct is complained about: refused, citing sub a or b."""
        case = at_commissie()
        fields = {**LAWFUL, "member_complained_about": False, **data}
        error = refused(
            case,
            "compose_commissie",
            k.GuardError,
            at=at(2026, 4, 3),
            by=C,
            commissie=COMMISSIE,
            **fields,
        )
        assert rule in str(error)

    def test_hearing_needs_a_commissie(self) -> None:
        """Only a composed commissie hears the sides."""
        refused(
            at_commissie(),
            "hear",
            k.GuardError,
            at=at(2026, 4, 3),
            by=C,
            side="klager",
            form="written",
        )

    def test_oordeel_before_both_heard_refused(self) -> None:
        """Sub e: an oordeel after hearing only the klager is refused."""
        case = heard(composed(at_commissie(), at(2026, 4, 3)), at(2026, 4, 8), "klager")
        error = refused(
            case,
            "give_oordeel",
            k.GuardError,
            at=at(2026, 4, 20),
            by=C,
            finding="upheld",
            reasons="x",
        )
        assert "beklaagde had no opportunity" in str(error)
        assert "Jeugdwet art. 4.2.1 lid 2 sub e" in str(error)

    def test_hearing_in_writing_with_assistance(self) -> None:
        """Sub e and f: in writing, with bijstand, statement kept private."""
        case = composed(at_commissie(), at(2026, 4, 3))
        case = J.apply(
            case,
            "hear",
            at=at(2026, 4, 8),
            by=C,
            side="beklaagde",
            form="written",
            assisted=True,
            statement=COMPLAINT,
        )
        assert ("beklaagde",) == case.facts.heard
        assert COMPLAINT not in repr(case.history[-1])

    def test_oordeel_has_no_damages(self) -> None:
        """Spelregel 12: no judgment on liability or damages."""
        case = heard(
            composed(at_commissie(), at(2026, 4, 3)),
            at(2026, 4, 8),
            "klager",
            "beklaagde",
        )
        error = refused(
            case,
            "give_oordeel",
            k.EventDataError,
            at=at(2026, 4, 20),
            by=C,
            finding="upheld",
            reasons="x",
            damages_awarded=100,
        )
        assert "1 unknown field; 'give_oordeel' takes: finding," in str(error)
        assert "damages_awarded" not in str(error)  # a name given is input

    def test_oordeel_on_time(self) -> None:
        """Put to the commissie Thu 2 Apr 2026, oordeel Thu 14 May: on time."""
        case = oordeel(ready(), at(2026, 5, 14))
        assert "judged" == case.state
        assert "partly_upheld" == case.facts.finding
        assert Status.MET == due(case, "oordeel").status(date(2026, 6, 1))

    def test_oordeel_after_regeling_term_late(self) -> None:
        """Fri 15 May 2026 is a gelijkgestelde dag, but the regeling's term
        is not extended by the Atw: the oordeel is late."""
        assert Status.LATE == due(oordeel(ready(), at(2026, 5, 15)), "oordeel").status(
            date(2026, 6, 1)
        )

    def test_oordeel_term_configurable(self) -> None:
        """A regeling with eight weeks: received Mon 16 Mar 2026, due Mon 11
        May 2026."""
        case = opened(settings=JeugdwetSettings(oordeel_weeks=8))
        case = J.apply(
            contacted(case, at(2026, 3, 17)), "refer_commissie", at=at(2026, 4, 2), by=L
        )
        assert date(2026, 5, 11) == due(case, "oordeel").due


class TestDeviation:
    """Sub d: a reasoned notice of deviation that states the new term."""

    @pytest.mark.parametrize("missing", ["reasons", "until"])
    def test_notice_needs_reasons_and_term(self, missing: str) -> None:
        """A notice without reasons or without the new term is refused."""
        data = {"reasons": "Deskundige gehoord", "until": date(2026, 6, 4)}
        del data[missing]
        error = refused(
            at_commissie(),
            "deviate",
            k.EventDataError,
            at=at(2026, 5, 11),
            by=C,
            **data,
        )
        assert f"missing field {missing!r}" in str(error)

    def test_new_term_must_be_later(self) -> None:
        """The stated term must lie after the term in force (14 May 2026)."""
        error = refused(
            at_commissie(),
            "deviate",
            k.GuardError,
            at=at(2026, 5, 11),
            by=C,
            reasons="x",
            until=date(2026, 5, 14),
        )
        assert "not after the term in force (2026-05-14)" in str(error)

    def test_deviation_moves_the_oordeel(self) -> None:
        """Notice on Mon 11 May 2026 with a new term of Thu 4 Jun: the oordeel
        of 3 Jun is on time and the notice came before the regeling's term."""
        case = J.apply(
            at_commissie(),
            "deviate",
            at=at(2026, 5, 11),
            by=C,
            reasons="Deskundige gehoord",
            until=date(2026, 6, 4),
        )
        deadline = due(case, "oordeel").deadline
        assert date(2026, 6, 4) == deadline.due
        assert not deadline.atw_applied
        notice = due(case, "oordeel_deviation_1")
        assert date(2026, 5, 14) == notice.due
        assert Status.MET == notice.status(date(2026, 6, 1))
        case = heard(
            composed(case, at(2026, 5, 12)), at(2026, 5, 20), *("klager", "beklaagde")
        )
        assert Status.MET == due(oordeel(case, at(2026, 6, 3)), "oordeel").status(
            date(2026, 7, 1)
        )

    def test_second_deviation(self) -> None:
        """A second notice must go beyond the first new term."""
        case = J.apply(
            at_commissie(),
            "deviate",
            at=at(2026, 5, 11),
            by=C,
            reasons="x",
            until=date(2026, 6, 4),
        )
        case = J.apply(
            case,
            "deviate",
            at=at(2026, 6, 1),
            by=C,
            reasons="y",
            until=date(2026, 6, 25),
        )
        assert date(2026, 6, 25) == due(case, "oordeel").due
        assert date(2026, 6, 4) == due(case, "oordeel_deviation_2").due

    def test_late_notice_recorded_as_late(self) -> None:
        """The Jeugdwet does not say the notice must precede expiry; a notice
        after the term is accepted but reported late."""
        case = J.apply(
            at_commissie(),
            "deviate",
            at=at(2026, 5, 18),
            by=C,
            reasons="x",
            until=date(2026, 6, 4),
        )
        assert Status.LATE == due(case, "oordeel_deviation_1").status(date(2026, 6, 1))


class TestProviderResponse:
    """Lid 5: within one month of the oordeel, whether and which measures."""

    @pytest.mark.parametrize(
        ("received", "expected"),
        [
            (date(2026, 3, 27), date(2026, 4, 28)),  # 27 Apr: Koningsdag (Monday)
            (date(2026, 4, 14), date(2026, 5, 18)),  # Hemelvaart, 15 May, weekend
            (date(2026, 9, 3), date(2026, 10, 5)),  # Sat 3 Oct
            (date(2026, 11, 25), date(2026, 12, 28)),  # Eerste Kerstdag, weekend
            (date(2026, 10, 26), date(2026, 11, 26)),  # a working day: unchanged
        ],
    )
    def test_one_month_under_the_atw(self, received: date, expected: date) -> None:
        """A statutory month: a weekend or feestdag end moves (Atw art. 1)."""
        case = judged(at(received.year, received.month, received.day))
        deadline = due(case, "response").deadline
        assert expected == deadline.due
        assert deadline.atw_applied

    def test_atw_can_be_switched_off(self) -> None:
        """With atw_for_lid5=False the plain month applies: Koningsdag itself."""
        settings = JeugdwetSettings(atw_for_lid5=False)
        deadline = due(judged(at(2026, 3, 27), settings=settings), "response").deadline
        assert date(2026, 4, 27) == deadline.due
        assert not deadline.atw_applied
        assert "atw_for_lid5=False" in deadline.explain()

    def test_response_leaves_the_case_open(self) -> None:
        """The provider takes measures and says which: responded, on time."""
        case = J.apply(
            judged(at(2026, 3, 27)),
            "respond",
            at=at(2026, 4, 28),
            by=P,
            takes_measures=True,
            measures="Vaste vervanger",
        )
        assert "responded" == case.state
        assert case.facts.takes_measures is True
        assert Status.MET == due(case, "response").status(date(2026, 5, 1))

    def test_measures_must_be_named(self) -> None:
        """Taking measures without saying which is refused."""
        error = refused(
            judged(at(2026, 3, 27)),
            "respond",
            k.GuardError,
            at=at(2026, 4, 10),
            by=P,
            takes_measures=True,
        )
        assert "Jeugdwet art. 4.2.1 lid 5" in str(error)

    def test_no_measures(self) -> None:
        """Deciding to take no measures is a position too."""
        case = J.apply(
            judged(at(2026, 3, 27)),
            "respond",
            at=at(2026, 4, 10),
            by=P,
            takes_measures=False,
        )
        assert case.facts.takes_measures is False

    def test_deferred_position(self) -> None:
        """A reasoned notice with a new term: the stated date, no Atw."""
        case = J.apply(
            judged(at(2026, 3, 27)),
            "defer_response",
            at=at(2026, 4, 20),
            by=P,
            reasons="Raad van toezicht beslist",
            until=date(2026, 5, 14),
        )
        deadline = due(case, "response").deadline
        assert date(2026, 5, 14) == deadline.due
        assert not deadline.atw_applied
        assert Status.MET == due(case, "response_deviation_1").status(date(2026, 5, 1))

    def test_no_withdrawal_after_oordeel(self) -> None:
        """After the oordeel the provider's duty stands; no withdrawal."""
        refused(
            judged(at(2026, 3, 27)),
            "withdraw",
            k.EventNotAllowedError,
            at=at(2026, 4, 1),
            by=K,
        )


class TestFunctionarisAndWithdrawal:
    """The optional klachtenfunctionaris, and the klager's withdrawal."""

    def test_functionaris_optional_and_single(self) -> None:
        """One functionaris per case; they leave when the case ends."""
        functionaris = k.Party(F, "kf-1", name="Mr. Bemiddel")
        case = J.apply(
            opened(),
            "engage_functionaris",
            at=at(2026, 3, 16, 12),
            by=K,
            functionaris=functionaris,
        )
        assert functionaris == case.party(F)
        refused(
            case,
            "engage_functionaris",
            k.GuardError,
            at=at(2026, 3, 17),
            by=P,
            functionaris=functionaris,
        )
        withdrawn = J.apply(case, "withdraw", at=at(2026, 3, 20), by=K)
        assert date(2026, 3, 20) == withdrawn.facts.functionaris_until

    def test_withdrawal_at_the_commissie(self) -> None:
        """A withdrawn case keeps its record and drops the open oordeel term."""
        case = at_commissie()
        withdrawn = J.apply(case, "withdraw", at=at(2026, 4, 10), by=K)
        assert "withdrawn" == withdrawn.state
        assert case.history == withdrawn.history[:-1]
        assert ["contact"] == keys(withdrawn)
        assert J.is_final(withdrawn)

    def test_withdrawal_before_contact_drops_contact_term(self) -> None:
        """Withdrawn before any contact: nothing is owed any more."""
        assert [] == keys(J.apply(opened(), "withdraw", at=at(2026, 3, 16, 12), by=K))


class TestPrivacy:
    """No personal data in repr, str or error messages."""

    def test_repr_hides_personal_data(self) -> None:
        """Case, facts, parties and records hide names and texts."""
        case = judged(at(2026, 5, 14))
        shown = " ".join(
            [repr(case), repr(case.facts)]
            + [repr(p) for p in case.parties]
            + [repr(r) for r in case.history]
        )
        for secret in (*SECRETS, "Afspraken niet nagekomen", "Vaste vervanger"):
            assert secret not in shown

    def test_errors_hide_personal_data(self) -> None:
        """Refusals with personal data in their arguments do not echo it."""
        case = at_commissie()
        attempts: list[Callable[[], object]] = [
            lambda: J.apply(case, "deviate", at=at(2026, 5, 1), by=C, reasons=NAME),
            lambda: J.apply(
                case, "hear", at=at(2026, 5, 1), by=C, side=NAME, form="oral"
            ),
            lambda: J.apply(
                case,
                "give_oordeel",
                at=at(2026, 5, 1),
                by=C,
                finding=NAME,
                reasons=NAME,
            ),
        ]
        for attempt in attempts:
            with pytest.raises(k.KlachtrechtError) as info:
                attempt()
            for secret in SECRETS:
                assert secret not in str(info.value)


# -- guided random walks ---------------------------------------------------------

DataFn = Callable[[st.DrawFn, k.Regime, Case], dict[str, Any]]


def _until(key: str) -> DataFn:
    """A new term after the term in force for ``key`` (sometimes too early)."""

    def data(draw: st.DrawFn, regime: k.Regime, case: Case) -> dict[str, Any]:
        current = next(d.due for d in regime.deadlines(case) if d.key == key)
        days = draw(st.sampled_from((-3, 0, 1, 14, 40)))
        return {
            "reasons": draw(personal_texts()),
            "until": current + timedelta(days=days),
        }

    return data


def _text(*names: str) -> DataFn:
    return lambda draw, _r, _c: {n: draw(personal_texts()) for n in names}


VALID: Mapping[str, DataFn] = {
    "contact": lambda draw, _r, _c: {
        "channel": draw(st.sampled_from(("phone", "email")))
    },
    "engage_functionaris": lambda draw, _r, _c: {
        "functionaris": k.Party(F, "kf", name=draw(personal_texts()))
    },
    "provider_side": _text("side"),
    "report_outcome": _text("outcome"),
    "compose_commissie": lambda draw, _r, _c: {
        "commissie": COMMISSIE,
        "members": draw(st.integers(2, 7)),
        "chair_works_for_provider": draw(st.sampled_from((False, False, True))),
        "member_complained_about": draw(st.sampled_from((False, False, True))),
    },
    "hear": lambda draw, _r, _c: {
        "side": draw(st.sampled_from(("klager", "beklaagde"))),
        "form": draw(st.sampled_from(("oral", "written"))),
        "assisted": draw(st.booleans()),
        "statement": draw(personal_texts()),
    },
    "deviate": _until("oordeel"),
    "give_oordeel": lambda draw, _r, _c: {
        "finding": draw(st.sampled_from(("upheld", "partly_upheld", "rejected"))),
        "reasons": draw(personal_texts()),
    },
    "respond": lambda draw, _r, _c: {
        "takes_measures": draw(st.booleans()),
        **({"measures": draw(personal_texts())} if draw(st.booleans()) else {}),
    },
    "defer_response": _until("response"),
}


@st.composite
def guided_walks(
    draw: st.DrawFn, name: str
) -> tuple[Case, list[tuple[str, datetime, Role, dict[str, Any]]]]:
    """A random walk with mostly valid data, so it reaches the commissie and
    beyond: forward moves and loops (weighed 3:1), then perhaps one ending."""
    regime = k.regime(name)
    start = draw(st.dates(date(2016, 1, 1), date(2030, 6, 30)))
    extra: dict[str, Any] = {"capacity": "youth"} if name == "jeugdwet" else {}
    case = regime.open(
        f"G-{draw(st.integers(1, 99))}",
        at=datetime(start.year, start.month, start.day, 9, tzinfo=AMS),
        klager=k.Party(K, "p", "client", name=draw(personal_texts())),
        provider=k.Party(P, "o", name=draw(personal_texts())),
        complaint=draw(personal_texts()),
        **extra,
    )
    finals = {s.id for s in regime.states if s.final}
    refusals: list[tuple[str, datetime, Role, dict[str, Any]]] = []
    steps = draw(st.integers(0, 50))
    for step in range(steps + 1):
        allowed = regime.allowed(case)
        targets = {spec.id: regime.target(case.state, spec.id) for spec in allowed}
        endings = [s for s in allowed if targets[s.id] in finals]
        if step == steps:  # the last step may end the case
            pool = endings if draw(st.booleans()) else []
        else:
            loops = [s for s in allowed if targets[s.id] == case.state]
            forward = [s for s in allowed if s not in loops and s not in endings]
            pool = [*forward * 3, *loops]
        if not pool:
            break
        spec = draw(st.sampled_from(pool))
        moment = case.last_at + timedelta(days=draw(st.sampled_from((0, 1, 5, 30))))
        by = draw(st.sampled_from(sorted(spec.actors, key=lambda r: r.value)))
        make = VALID.get(spec.id)
        data = make(draw, regime, case) if make else {}
        try:
            case = regime.apply(case, spec.id, at=moment, by=by, **data)
        except (k.GuardError, k.EventDataError):
            refusals.append((spec.id, moment, by, data))
    return case, refusals


DEEP = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.mark.parametrize("name", ["jeugdwet", "wmo"])
class TestGuidedWalks:
    """Invariants over random walks that reach the klachtencommissie."""

    @DEEP
    @given(data=st.data())
    def test_case_invariants(self, name: str, data: st.DataObject) -> None:
        """Replay and pickling rebuild the case; the machine agrees on the
        state; Atw deadlines end on working days, others at their plain end."""
        regime = k.regime(name)
        case, _ = data.draw(guided_walks(name))
        assert case == regime.replay(case.case_id, case.history)
        assert case == pickle.loads(pickle.dumps(case))
        machine = regime.machine()
        for record in case.history[1:]:
            machine.send(record.event)
        assert case.state == next(iter(machine.configuration)).id
        for item in regime.deadlines(case):
            if item.deadline.atw_applied:
                assert is_working_day(item.due)
            else:
                assert item.due == item.deadline.plain_end

    @DEEP
    @given(data=st.data())
    def test_no_oordeel_without_lawful_hearing(
        self, name: str, data: st.DataObject
    ) -> None:
        """Every oordeel came from a commissie of at least three that heard
        both sides; bemiddeling never follows a wish for the commissie."""
        case, _ = data.draw(guided_walks(name))
        facts = case.facts
        if facts.oordeel_on is not None:
            assert ("beklaagde", "klager") == facts.heard
            assert facts.commissie_members >= 3
        assert not (facts.route == "mediation" and facts.commissie_wished_on)

    @DEEP
    @given(data=st.data())
    def test_refusals_hide_personal_data(self, name: str, data: st.DataObject) -> None:
        """No generated personal value shows in reprs or in refusals."""
        regime = k.regime(name)
        case, refusals = data.draw(guided_walks(name))
        texts = [repr(case), repr(case.facts)]
        texts += [repr(r) for r in case.history] + [repr(p) for p in case.parties]
        for event, moment, by, fields in refusals:
            try:
                regime.apply(case, event, at=moment, by=by, **fields)
            except k.KlachtrechtError as exc:
                texts.append(str(exc))
        assert not any("PII-" in text for text in texts)


class TestFunctionarisLeaves:
    """The klachtenfunctionaris takes no part in the commissie procedure."""

    def test_leaves_at_referral(self) -> None:
        """Engaged on 17 Mar 2026, the functionaris leaves when the complaint
        goes to the klachtencommissie on 2 Apr (KPZ, klachtenfunctionaris)."""
        case = J.apply(
            opened(),
            "engage_functionaris",
            at=at(2026, 3, 17),
            by=K,
            functionaris=k.Party(Role.KLACHTENFUNCTIONARIS, "kf-1"),
        )
        case = J.apply(
            contacted(case, at(2026, 3, 18)), "refer_commissie", at=PUT, by=L
        )
        assert date(2026, 4, 2) == case.facts.functionaris_until


class TestRecipients:
    """Art. 4.2.1 lid 2 sub c/d and lid 5: who is told, as recorded recipients."""

    def test_oordeel_told_to_the_three(self) -> None:
        """Oordeel Tue 28 Apr 2026, told to klager, beklaagde and provider."""
        case = judged(at(2026, 4, 28))
        for to in ("klager", "beklaagde", "provider"):
            case = J.apply(
                case, "notify", at=at(2026, 4, 28), by=C, of="oordeel", to=to
            )
        assert [
            ("oordeel", t, date(2026, 4, 28))
            for t in ("klager", "beklaagde", "provider")
        ] == list(case.facts.notified)

    def test_oordeel_not_to_the_commissie(self) -> None:
        """Sub c names klager, beklaagde and provider: the commissie is refused."""
        error = refused(
            judged(at(2026, 4, 28)),
            "notify",
            k.GuardError,
            at=at(2026, 4, 28),
            by=C,
            of="oordeel",
            to="commissie",
        )
        assert "Jeugdwet art. 4.2.1 lid 2 sub c" in str(error)

    def test_no_notice_before_the_oordeel(self) -> None:
        """Nothing to tell before the oordeel is given."""
        refused(
            ready(),
            "notify",
            k.GuardError,
            at=at(2026, 4, 21),
            by=C,
            of="oordeel",
            to="klager",
        )

    def test_deviation_told(self) -> None:
        """A deviation notice (sub d) of Mon 20 Apr 2026 is told to the beklaagde."""
        case = J.apply(
            ready(),
            "deviate",
            at=at(2026, 4, 20),
            by=C,
            reasons="(redenen)",
            until=date(2026, 6, 1),
        )
        case = J.apply(
            case, "notify", at=at(2026, 4, 20), by=C, of="deviation", to="beklaagde"
        )
        assert ("deviation", "beklaagde", date(2026, 4, 20)) == case.facts.notified[-1]

    def test_response_deviation_to_klager_and_commissie(self) -> None:
        """Lid 5: the provider's deviation notice goes to klager and commissie,
        not to the beklaagde."""
        case = J.apply(
            judged(at(2026, 4, 28)),
            "defer_response",
            at=at(2026, 5, 20),
            by=P,
            reasons="(redenen)",
            until=date(2026, 6, 30),
        )
        case = J.apply(
            case,
            "notify",
            at=at(2026, 5, 20),
            by=P,
            of="response_deviation",
            to="commissie",
        )
        error = refused(
            case,
            "notify",
            k.GuardError,
            at=at(2026, 5, 20),
            by=P,
            of="response_deviation",
            to="beklaagde",
        )
        assert "Jeugdwet art. 4.2.1 lid 5" in str(error)


class TestStructuralSituation:
    """Art. 4.2.2: a serious situation of a structural nature."""

    def test_inform_then_report(self) -> None:
        """The commissie informs the provider (Mon 20 Apr 2026), sees no
        measures and reports to the toezichthouders (Mon 1 Jun 2026)."""
        case = J.apply(ready(), "inform_structural", at=at(2026, 4, 20), by=C)
        case = J.apply(
            case, "report_toezicht", at=at(2026, 6, 1), by=C, no_measures_seen=True
        )
        assert (date(2026, 4, 20), date(2026, 6, 1)) == (
            case.facts.structural_informed_on,
            case.facts.toezicht_reported_on,
        )

    def test_report_needs_the_provider_informed(self) -> None:
        """The provider is informed first (art. 4.2.2)."""
        error = refused(
            ready(),
            "report_toezicht",
            k.GuardError,
            at=at(2026, 4, 21),
            by=C,
            no_measures_seen=True,
        )
        assert "Jeugdwet art. 4.2.2" in str(error)

    def test_no_report_when_measures_seen(self) -> None:
        """Measures taken by the provider: no melding."""
        case = J.apply(ready(), "inform_structural", at=at(2026, 4, 20), by=C)
        refused(
            case,
            "report_toezicht",
            k.GuardError,
            at=at(2026, 6, 1),
            by=C,
            no_measures_seen=False,
        )


class TestWithdrawalKeepsWhatWasMissed:
    """A withdrawal ends what is not yet due; a missed obligation stays missed."""

    def test_missed_oordeel_stays_missed(self) -> None:
        """Oordeel due Thu 14 May 2026 (sub c, the regeling's six weeks), never
        given; withdrawn Mon 18 May 2026: it stays missed."""
        case = J.apply(at_commissie(), "withdraw", at=at(2026, 5, 18), by=K)
        assert Status.MISSED == due(case, "oordeel").status(date(2026, 5, 18))

    def test_oordeel_not_yet_due_is_no_longer_owed(self) -> None:
        """Withdrawn Mon 11 May 2026, before the oordeel was due: not owed."""
        case = J.apply(at_commissie(), "withdraw", at=at(2026, 5, 11), by=K)
        assert "oordeel" not in keys(case)

    def test_missed_contact_stays_missed(self) -> None:
        """Received Mon 16 Mar 2026, contact due Mon 23 Mar (five working
        days) never made; withdrawn Wed 25 Mar 2026: it stays missed."""
        case = J.apply(opened(), "withdraw", at=at(2026, 3, 25), by=K)
        assert date(2026, 3, 23) == due(case, "contact").due
        assert Status.MISSED == due(case, "contact").status(date(2026, 3, 25))


class TestReportAfterPosition:
    """Art. 4.2.2 after lid 5: the provider's position does not end the case."""

    def test_report_after_no_measures(self) -> None:
        """Oordeel Fri 27 Mar 2026, provider informed Mon 30 Mar, no measures
        Tue 28 Apr, reported Mon 4 May, closed Tue 5 May: nothing owed."""
        case = J.apply(
            judged(at(2026, 3, 27)), "inform_structural", at=at(2026, 3, 30), by=C
        )
        case = J.apply(case, "respond", at=at(2026, 4, 28), by=P, takes_measures=False)
        case = J.apply(
            case, "notify", at=at(2026, 4, 28), by=C, of="oordeel", to="klager"
        )
        case = J.apply(
            case, "report_toezicht", at=at(2026, 5, 4), by=C, no_measures_seen=True
        )
        case = J.apply(case, "close", at=at(2026, 5, 5), by=C)
        assert ("closed", date(2026, 5, 4), date(2026, 5, 5)) == (
            case.state,
            case.facts.toezicht_reported_on,
            case.facts.closed_on,
        )
        assert [Status.MET] == [
            d.status(date(2026, 12, 31))
            for d in J.deadlines(case)
            if d.key == "response"
        ]

    def test_inform_after_position(self) -> None:
        """The provider may first be informed after its position (Wed 6 May 2026)."""
        case = J.apply(
            judged(at(2026, 3, 27)),
            "respond",
            at=at(2026, 4, 28),
            by=P,
            takes_measures=False,
        )
        case = J.apply(case, "inform_structural", at=at(2026, 5, 6), by=C)
        assert date(2026, 5, 6) == case.facts.structural_informed_on

    def test_no_second_position(self) -> None:
        """A position given is given: no second respond or deferral."""
        case = J.apply(
            judged(at(2026, 3, 27)),
            "respond",
            at=at(2026, 4, 28),
            by=P,
            takes_measures=False,
        )
        assert {"close", "notify", "inform_structural", "report_toezicht"} == {
            spec.id for spec in J.allowed(case)
        }

    def test_close_only_after_position(self) -> None:
        """A judged case without the provider's position cannot be closed."""
        refused(
            judged(at(2026, 3, 27)),
            "close",
            k.EventNotAllowedError,
            at=at(2026, 4, 1),
            by=C,
        )


_PARTY = {"capacity": "", "name": "", "contact": ""}
_OLD_EVENTS: list[tuple[str, str, str, dict[str, Any]]] = [
    (
        "open",
        "2026-03-02T10:00:00+01:00",
        "klager",
        {
            "capacity": "parent",
            "complaint": "(klacht)",
            "klager": {**_PARTY, "role": "klager", "ref": "p-1", "capacity": "client"},
            "provider": {**_PARTY, "role": "provider", "ref": "o-1"},
            "settings": {
                "contact_working_days": 5,
                "oordeel_weeks": 6,
                "oordeel_from": "indiening",
                "atw_for_lid5": True,
            },
        },
    ),
    ("assess", "2026-03-02T10:00:00+01:00", "klachtenloket", {}),
    ("register", "2026-03-02T10:00:00+01:00", "klachtenloket", {}),
    ("acknowledge", "2026-03-02T10:00:00+01:00", "klachtenloket", {}),
    ("contact", "2026-03-03T10:00:00+01:00", "klachtenloket", {"channel": "phone"}),
    ("refer_commissie", "2026-03-03T10:00:00+01:00", "klachtenloket", {}),
    (
        "compose_commissie",
        "2026-03-04T10:00:00+01:00",
        "klachtencommissie",
        {
            "chair_works_for_provider": False,
            "commissie": {**_PARTY, "role": "klachtencommissie", "ref": "kc-1"},
            "member_complained_about": False,
            "members": 3,
        },
    ),
    (
        "hear",
        "2026-03-20T10:00:00+01:00",
        "klachtencommissie",
        {"form": "oral", "side": "klager"},
    ),
    (
        "hear",
        "2026-03-20T10:00:00+01:00",
        "klachtencommissie",
        {"form": "written", "side": "beklaagde"},
    ),
    (
        "give_oordeel",
        "2026-03-27T10:00:00+01:00",
        "klachtencommissie",
        {"finding": "upheld", "reasons": "(redenen)"},
    ),
    ("respond", "2026-04-28T10:00:00+02:00", "provider", {"takes_measures": False}),
]


def old_document() -> dict[str, Any]:
    """A Jeugdwet document as stored before ``responded`` existed: its history
    ends with ``respond`` (Tue 28 Apr 2026) and it states ``closed``."""
    return {
        "schema": 1,
        "case_id": "J-OLD",
        "regime": "jeugdwet",
        "state": "closed",
        "version": 11,
        "history": [
            {"event": e, "at": when, "by": by, "data": data}
            for e, when, by, data in _OLD_EVENTS
        ],
    }


class TestOldDocument:
    """A stored case closed by ``respond`` loads as ``responded``."""

    def test_old_closed_document_loads_as_responded(self) -> None:
        """The old document's history replays to responded; it still loads,
        and the report to the toezichthouders can follow (Mon 4 May 2026)."""
        document = old_document()
        case = serialize.load(document)
        assert ("responded", 11) == (case.state, case.version)
        assert "closed" == document["state"]
        case = J.apply(case, "inform_structural", at=at(2026, 5, 4), by=C)
        case = J.apply(
            case, "report_toezicht", at=at(2026, 5, 4), by=C, no_measures_seen=True
        )
        assert date(2026, 5, 4) == case.facts.toezicht_reported_on
        assert "responded" == serialize.load(serialize.dump(case)).state

    def test_other_states_are_not_read_anew(self) -> None:
        """Only (respond, closed) is renamed: a document saying judged is refused."""
        document = {**old_document(), "state": "judged"}
        with pytest.raises(k.KlachtrechtError, match="replays to state 'responded'"):
            serialize.load(document)
