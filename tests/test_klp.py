"""Scenario tests for the Klachtenloket Paramedici regime: one test per path,
real dates, plus properties over guided random walks."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.deadlines import is_working_day
from klachtrecht.regimes.klp import KlpSettings, geschil_fee
from klachtrecht.testing import personal_texts

AMS = ZoneInfo("Europe/Amsterdam")
KL = k.regime("klp")
K, P = Role.KLAGER, Role.PROVIDER
L, F, G = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS, Role.GESCHILLENINSTANTIE
NAME = "Pieter Bakker"
CONTACT = "pieter@example.nl"
COMPLAINT = "De logopedist heeft mijn dossier aan mijn werkgever gegeven"
SECRETS = (NAME, CONTACT, COMPLAINT, "Logopedie De Stem")
FUNCTIONARIS = k.Party(F, "kf-7", name="Mw. Onpartijdig")
FILED = datetime(2026, 3, 16, 10, tzinfo=AMS)
LETTER: dict[str, Any] = {
    "conclusions": "Gedeeltelijk terecht",
    "reasons": "Toestemming ontbrak",
    "measures": "Nieuwe privacyprocedure",
    "measures_term": "binnen twee maanden",
}


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def opened(when: datetime = FILED, *, event_on: date = date(2026, 2, 10)) -> Case:
    """A complaint filed with the KLP on ``when`` about an event on ``event_on``."""
    return KL.open(
        "KLP-1",
        at=when,
        klager=k.Party(K, "c-1", "client", name=NAME, contact=CONTACT),
        provider=k.Party(P, "para-1", name="Logopedie De Stem"),
        complaint=COMPLAINT,
        event_on=event_on,
    )


def admit(case: Case, when: datetime, **data: Any) -> Case:
    """The loket admits the complaint (member, valid registration by default)."""
    fields = {"member": True, "registration_valid": True, **data}
    return KL.apply(case, "admit", at=when, by=L, functionaris=FUNCTIONARIS, **fields)


def analysed() -> Case:
    """Filed Mon 16 Mar 2026, admitted 17 Mar, options discussed 24 Mar."""
    case = admit(opened(), at(2026, 3, 17))
    return KL.apply(case, "analyse", at=at(2026, 3, 24), by=F)


def mediating() -> Case:
    """Bemiddeling: the complaint put to the paramedicus on Thu 2 Apr 2026."""
    return KL.apply(analysed(), "mediate", at=at(2026, 4, 2), by=F)


def concluded() -> Case:
    """Mediation with reaction, then the closing letter received Mon 18 May 2026."""
    case = KL.apply(
        mediating(), "provider_reaction", at=at(2026, 4, 20), by=P, reaction="x"
    )
    return KL.apply(case, "send_letter", at=at(2026, 5, 18), by=P, **LETTER)


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of ``case``."""
    (found,) = [d for d in KL.deadlines(case) if d.key == key]
    return found


def refused(
    case: Case, event: str, error: type[k.CaseError], **kwargs: Any
) -> k.CaseError:
    """Apply an event that must be refused; check the case stayed the same."""
    before = pickle.dumps(case)
    with pytest.raises(error) as info:
        KL.apply(case, event, **kwargs)
    assert before == pickle.dumps(case)
    assert (case.case_id, case.state, event) == (
        info.value.case_id,
        info.value.state,
        info.value.event,
    )
    for fragment in (repr(case.case_id), repr(case.state), repr(event)):
        assert fragment in str(info.value)
    for secret in SECRETS:
        assert secret not in str(info.value)
    return info.value


class TestIntake:
    """Only members with a valid kwaliteitsregistratie, events up to five years."""

    def test_member_admitted(self) -> None:
        """A member with a valid registration: in behandeling, functionaris on."""
        case = admit(opened(), at(2026, 3, 17))
        assert "admitted" == case.state
        assert FUNCTIONARIS == case.party(F)
        assert date(2026, 3, 17) == case.facts.functionaris_from

    def test_non_member_refused(self) -> None:
        """A paramedicus outside the beroepsvereniging is not covered."""
        error = refused(
            opened(),
            "admit",
            k.GuardError,
            at=at(2026, 3, 17),
            by=L,
            functionaris=FUNCTIONARIS,
            member=False,
            registration_valid=True,
        )
        assert "not a member of the beroepsvereniging" in str(error)

    def test_no_valid_registration_refused(self) -> None:
        """A member without a valid kwaliteitsregistratie is not covered."""
        error = refused(
            opened(),
            "admit",
            k.GuardError,
            at=at(2026, 3, 17),
            by=L,
            functionaris=FUNCTIONARIS,
            member=True,
            registration_valid=False,
        )
        assert "no valid kwaliteitsregistratie" in str(error)

    def test_refusal_recorded(self) -> None:
        """The loket records why it does not take the complaint: final."""
        case = KL.apply(
            opened(), "decline", at=at(2026, 3, 17), by=L, ground="not_member"
        )
        assert "declined" == case.state
        assert "not_member" == case.facts.decline_ground
        assert KL.is_final(case)
        assert () == KL.deadlines(case)

    @pytest.mark.parametrize(
        ("event_on", "admitted"),
        [
            (date(2021, 3, 16), True),  # exactly five years before the filing
            (date(2021, 3, 15), True),  # older: a geschil condition, not intake
            (date(2026, 3, 16), True),  # the same day
            (date(2026, 3, 17), False),  # after the filing: impossible
        ],
    )
    def test_event_date_at_intake(self, event_on: date, admitted: bool) -> None:
        """Filed Mon 16 Mar 2026: the intake refuses only an event dated after
        the filing; the five-year limit is a geschil condition (law.md §7),
        flagged later, not an intake refusal."""
        case = opened(event_on=event_on)
        allowed = KL.can(
            case,
            "admit",
            at=at(2026, 3, 17),
            by=L,
            functionaris=FUNCTIONARIS,
            member=True,
            registration_valid=True,
        )
        assert admitted == allowed

    def test_old_event_flagged_at_geschil(self) -> None:
        """An event of 15 Mar 2021 is admitted; at the geschil the five-year
        limit shows as missed, for the commissie to judge."""
        case = KL.apply(
            opened(event_on=date(2021, 3, 15)),
            "admit",
            at=at(2026, 3, 17),
            by=L,
            functionaris=FUNCTIONARIS,
            member=True,
            registration_valid=True,
        )
        case = KL.apply(
            case,
            "submit_geschil",
            at=at(2026, 3, 18),
            by=K,
            fee=Decimal("50.00"),
            ground="c",
            motivation="(reden)",
        )
        age = due(case, "event_age")
        assert date(2026, 3, 15) == age.due
        assert Status.LATE == age.status(date(2026, 3, 18))

    def test_decline_too_old_must_be_true(self) -> None:
        """'Too old' is checked against the event's date."""
        refused(
            opened(),
            "decline",
            k.GuardError,
            at=at(2026, 3, 17),
            by=L,
            ground="too_old",
        )
        case = KL.apply(
            opened(event_on=date(2020, 1, 6)),
            "decline",
            at=at(2026, 3, 17),
            by=L,
            ground="too_old",
        )
        assert "declined" == case.state

    def test_functionaris_responds_within_two_weeks(self) -> None:
        """Filed Mon 13 Apr 2026: due Mon 27 Apr, Koningsdag, not moved (a
        regeling term, no Atw)."""
        case = admit(opened(at(2026, 4, 13)), at(2026, 4, 14))
        deadline = due(case, "functionaris_response").deadline
        assert date(2026, 4, 27) == deadline.due
        assert not deadline.atw_applied
        late = KL.apply(case, "analyse", at=at(2026, 4, 28), by=F)
        assert Status.LATE == due(late, "functionaris_response").status(
            date(2026, 5, 1)
        )


class TestSupportPath:
    """Support in wording the complaint, which the client puts to the paramedicus."""

    def test_support_only(self) -> None:
        """Worded complaint put to the paramedicus Thu 2 Apr 2026; the letter of
        Wed 13 May is within six weeks; the client agrees: closed."""
        case = KL.apply(analysed(), "offer_support", at=at(2026, 3, 24), by=F)
        case = KL.apply(
            case, "submit_to_provider", at=at(2026, 4, 2), by=K, complaint=COMPLAINT
        )
        assert "with_provider" == case.state
        reaction = due(case, "provider_reaction").deadline
        assert date(2026, 5, 14) == reaction.due  # Hemelvaart: no Atw
        assert not reaction.atw_applied
        case = KL.apply(case, "send_letter", at=at(2026, 5, 13), by=P, **LETTER)
        closed = KL.apply(case, "accept", at=at(2026, 5, 20), by=K)
        assert "closed" == closed.state
        assert "support" == closed.facts.route
        assert Status.MET == due(closed, "provider_reaction").status(date(2026, 6, 1))
        assert date(2026, 5, 20) == closed.facts.functionaris_until

    def test_reaction_term_configurable(self) -> None:
        """Another regeling term: four weeks."""
        case = KL.open(
            "KLP-2",
            at=FILED,
            klager=k.Party(K, "c"),
            provider=k.Party(P, "p"),
            complaint="x",
            event_on=date(2026, 2, 10),
            settings=KlpSettings(provider_reaction_weeks=4),
        )
        case = KL.apply(
            admit(case, at(2026, 3, 17)), "analyse", at=at(2026, 3, 24), by=F
        )
        case = KL.apply(case, "mediate", at=at(2026, 4, 2), by=F)
        assert date(2026, 4, 30) == due(case, "provider_reaction").due


class TestMediationPath:
    """Bemiddeling: reaction, passed on, optional gesprek, closing letter."""

    def test_mediation_with_meeting(self) -> None:
        """Reaction 20 Apr, passed on 21 Apr, gesprek with the functionaris
        present 28 Apr, letter 18 May 2026: concluded."""
        case = KL.apply(
            mediating(), "provider_reaction", at=at(2026, 4, 20), by=P, reaction="x"
        )
        case = KL.apply(case, "pass_on_reaction", at=at(2026, 4, 21), by=F)
        case = KL.apply(
            case, "hold_meeting", at=at(2026, 4, 28), by=F, functionaris_present=True
        )
        case = KL.apply(case, "send_letter", at=at(2026, 5, 18), by=P, **LETTER)
        assert "concluded" == case.state
        assert 1 == case.facts.meetings
        assert Status.MET == due(case, "provider_reaction").status(date(2026, 6, 1))
        assert date(2027, 5, 18) == due(case, "geschil_window").due

    def test_pass_on_needs_a_reaction(self) -> None:
        """Nothing to pass on before the paramedicus reacted."""
        refused(mediating(), "pass_on_reaction", k.GuardError, at=at(2026, 4, 3), by=F)

    def test_meeting_follows_the_reaction(self) -> None:
        """The gesprek comes after the client heard the reaction."""
        case = KL.apply(
            mediating(), "provider_reaction", at=at(2026, 4, 20), by=P, reaction="x"
        )
        refused(
            case,
            "hold_meeting",
            k.GuardError,
            at=at(2026, 4, 21),
            by=F,
            functionaris_present=False,
        )

    def test_letter_states_agreements_or_measures(self) -> None:
        """A letter with neither agreements nor measures is refused."""
        data = {key: v for key, v in LETTER.items() if key != "measures"}
        error = refused(
            mediating(), "send_letter", k.GuardError, at=at(2026, 5, 1), by=P, **data
        )
        assert "agreements made or the measures taken" in str(error)

    def test_letter_needs_reasons(self) -> None:
        """The letter is met redenen omkleed: reasons are required."""
        data = {key: v for key, v in LETTER.items() if key != "reasons"}
        refused(
            mediating(),
            "send_letter",
            k.EventDataError,
            at=at(2026, 5, 1),
            by=P,
            **data,
        )

    def test_late_reaction(self) -> None:
        """No reaction by Thu 14 May 2026: the regeling's six weeks are
        missed, and so is the statutory art. 17 term (filed Mon 16 Mar 2026,
        due Tue 28 Apr 2026 after Koningsdag)."""
        overdue = {d.key: d.due for d in KL.overdue(mediating(), date(2026, 5, 15))}
        assert {
            "oordeel": date(2026, 4, 28),
            "provider_reaction": date(2026, 5, 14),
        } == overdue

    def test_statutory_extension(self) -> None:
        """The paramedicus extends art. 17's term by four weeks on the last day
        (Tue 28 Apr 2026): due Tue 26 May 2026 (Tweede Pinksterdag is 25 May);
        a second extension is refused."""
        case = KL.apply(mediating(), "extend", at=at(2026, 4, 28), by=P, weeks=4)
        assert date(2026, 5, 26) == due(case, "oordeel").due
        assert Status.MET == due(case, "extension_notice").status(date(2026, 5, 1))
        refused(case, "extend", k.GuardError, at=at(2026, 4, 29), by=P, days=3)


class TestGeschil:
    """The Geschillencommissie Paramedici: fee, window, five years, ruling."""

    @pytest.mark.parametrize(
        ("damages", "fee"),
        [(None, Decimal("50.00")), (Decimal("2500.00"), Decimal("100.00"))],
    )
    def test_fee(self, damages: Decimal | None, fee: Decimal) -> None:
        """EUR 50, or EUR 100 when damages are claimed."""
        extra: dict[str, Any] = {} if damages is None else {"damages_claimed": damages}
        case = KL.apply(
            concluded(), "submit_geschil", at=at(2026, 6, 1), by=K, ground="b", **extra
        )
        assert "dispute" == case.state
        assert fee == case.facts.fee
        assert fee == geschil_fee(KlpSettings(), damages_claimed=damages is not None)

    def test_wrong_fee_refused(self) -> None:
        """Paying EUR 50 with a damages claim is refused."""
        error = refused(
            concluded(),
            "submit_geschil",
            k.GuardError,
            at=at(2026, 6, 1),
            by=K,
            damages_claimed=Decimal("300"),
            fee=Decimal("50"),
            ground="b",
        )
        assert "EUR 100.00, not EUR 50" in str(error)

    def test_fee_amounts_configurable(self) -> None:
        """The amounts are settings (UNCONFIRMED as published)."""
        custom = KlpSettings(geschil_fee=Decimal("52.50"))
        assert Decimal("52.50") == geschil_fee(custom, damages_claimed=False)
        with pytest.raises(ValueError, match="geschil_fee"):
            KlpSettings(geschil_fee=Decimal("-1"))

    def test_ruling_within_six_months(self) -> None:
        """Geschil Sat 20 Jun 2026: ruling due Sun 20 Dec 2026 (Wkkgz art. 22,
        no Atw: art. 4); damages awarded within the claim."""
        case = KL.apply(
            concluded(),
            "submit_geschil",
            at=at(2026, 6, 20),
            by=K,
            ground="b",
            damages_claimed=Decimal("2500.00"),
            fee=Decimal("100.00"),
        )
        ruling = due(case, "uitspraak").deadline
        assert date(2026, 12, 20) == ruling.due
        assert not ruling.atw_applied
        ruled = KL.apply(
            case,
            "rule",
            at=at(2026, 11, 30),
            by=G,
            outcome="partly_upheld",
            damages_awarded=Decimal("1000.00"),
        )
        assert "ruled" == ruled.state
        assert Status.MET == due(ruled, "uitspraak").status(date(2027, 1, 1))
        assert Decimal("100.00") == ruled.facts.fee

    def test_no_damages_without_claim(self) -> None:
        """Damages not claimed at filing cannot be awarded."""
        case = KL.apply(
            concluded(), "submit_geschil", at=at(2026, 6, 1), by=K, ground="b"
        )
        error = refused(
            case,
            "rule",
            k.GuardError,
            at=at(2026, 9, 1),
            by=G,
            outcome="upheld",
            damages_awarded=Decimal("10"),
        )
        assert "no damages were claimed" in str(error)

    def test_no_more_than_claimed(self) -> None:
        """The award stays within the claim."""
        case = KL.apply(
            concluded(),
            "submit_geschil",
            at=at(2026, 6, 1),
            by=K,
            ground="b",
            damages_claimed=Decimal("500"),
        )
        refused(
            case,
            "rule",
            k.GuardError,
            at=at(2026, 9, 1),
            by=G,
            outcome="upheld",
            damages_awarded=Decimal("500.01"),
        )

    def test_window_flagged_not_refused(self) -> None:
        """A geschil a year and a day after the letter is accepted, reported
        late, and the commissie declares it inadmissible; the fee stays due."""
        case = KL.apply(
            concluded(), "submit_geschil", at=at(2027, 5, 19), by=K, ground="b"
        )
        assert Status.LATE == due(case, "geschil_window").status(date(2027, 6, 1))
        assert not due(case, "geschil_window").deadline.atw_applied
        case = KL.apply(
            case, "declare_inadmissible", at=at(2027, 6, 10), by=G, reason="te laat"
        )
        assert "inadmissible" == case.state
        assert Decimal("50.00") == case.facts.fee

    def test_five_years_flagged_at_geschil(self) -> None:
        """Event 10 Feb 2026: a geschil is possible until 10 Feb 2031."""
        assert date(2031, 2, 10) == due(concluded(), "event_age").due

    def test_geschil_before_the_letter(self) -> None:
        """The client who disagrees may go on during the handling (no window
        runs without a letter)."""
        case = KL.apply(
            mediating(),
            "submit_geschil",
            at=at(2026, 5, 20),
            by=K,
            ground="c",
            motivation="(reden)",
        )
        assert "dispute" == case.state
        assert "geschil_window" not in [d.key for d in KL.deadlines(case)]
        assert date(2026, 5, 20) == case.facts.functionaris_until

    def test_archive_after_window(self) -> None:
        """Without a geschil, the case is archived only after the year."""
        case = concluded()
        error = refused(case, "archive", k.GuardError, at=at(2027, 5, 18), by=L)
        assert "until 2027-05-18" in str(error)
        assert "closed" == KL.apply(case, "archive", at=at(2027, 5, 19), by=L).state

    def test_withdrawn_geschil(self) -> None:
        """A withdrawn geschil keeps the record; no ruling is due."""
        case = KL.apply(
            concluded(), "submit_geschil", at=at(2026, 6, 1), by=K, ground="b"
        )
        withdrawn = KL.apply(case, "withdraw", at=at(2026, 7, 1), by=K)
        assert "withdrawn" == withdrawn.state
        assert "uitspraak" not in [d.key for d in KL.deadlines(withdrawn)]
        assert case.history == withdrawn.history[:-1]


class TestPrivacy:
    """No personal data in repr, str or error messages."""

    def test_repr_hides_personal_data(self) -> None:
        """Case, facts, parties and records hide names and texts."""
        case = concluded()
        shown = " ".join(
            [repr(case), repr(case.facts)]
            + [repr(p) for p in case.parties]
            + [repr(r) for r in case.history]
        )
        for secret in (*SECRETS, *LETTER.values(), "Mw. Onpartijdig"):
            assert secret not in shown

    def test_errors_hide_personal_data(self) -> None:
        """Refusals with personal data in their arguments do not echo it."""
        case = mediating()
        attempts: list[Callable[[], object]] = [
            lambda: KL.apply(
                case, "send_letter", at=at(2026, 5, 1), by=P, reasons=NAME
            ),
            lambda: KL.apply(
                case, "provider_reaction", at=at(2026, 5, 1), by=K, reaction=NAME
            ),
            lambda: KL.apply(case, "submit_geschil", at=at(2026, 5, 1), by=K, fee=NAME),
        ]
        for attempt in attempts:
            with pytest.raises(k.KlachtrechtError) as info:
                attempt()
            for secret in SECRETS:
                assert secret not in str(info.value)


# -- guided random walks ---------------------------------------------------------

DataFn = Callable[[st.DrawFn, Case], dict[str, Any]]


def _text(*names: str) -> DataFn:
    return lambda draw, _c: {n: draw(personal_texts()) for n in names}


def _geschil(draw: st.DrawFn, case: Case) -> dict[str, Any]:
    judged = case.facts.letter_on is not None
    data: dict[str, Any] = {"ground": "b"} if judged else {"ground": "c"}
    data["motivation"] = draw(personal_texts())
    if draw(st.booleans()):
        data["damages_claimed"] = draw(st.sampled_from((Decimal(0), Decimal("750.00"))))
    if draw(st.booleans()):
        data["fee"] = draw(st.sampled_from((Decimal(50), Decimal(100))))
    return data


def _rule(draw: st.DrawFn, case: Case) -> dict[str, Any]:
    data: dict[str, Any] = {"outcome": draw(st.sampled_from(("upheld", "rejected")))}
    if draw(st.booleans()):
        data["damages_awarded"] = draw(st.sampled_from((Decimal(0), Decimal(900))))
    return data


VALID: Mapping[str, DataFn] = {
    "admit": lambda draw, _c: {
        "member": draw(st.sampled_from((True, True, False))),
        "registration_valid": draw(st.sampled_from((True, True, False))),
        "functionaris": k.Party(F, "kf", name=draw(personal_texts())),
    },
    "decline": lambda draw, _c: {
        "ground": draw(st.sampled_from(("not_member", "no_registration", "too_old")))
    },
    "submit_to_provider": _text("complaint"),
    "provider_reaction": _text("reaction"),
    "hold_meeting": lambda draw, _c: {"functionaris_present": draw(st.booleans())},
    "send_letter": lambda draw, _c: {
        **{
            n: draw(personal_texts())
            for n in ("conclusions", "reasons", "measures_term")
        },
        draw(st.sampled_from(("agreements", "measures"))): draw(personal_texts()),
    },
    "submit_geschil": _geschil,
    "rule": _rule,
    "declare_inadmissible": _text("reason"),
}


def _weight(event: str) -> int:
    return 1 if event == "submit_geschil" else 4


@st.composite
def guided_walks(
    draw: st.DrawFn,
) -> tuple[Case, list[tuple[str, datetime, Role, dict[str, Any]]]]:
    """A random KLP walk with mostly valid data: forward moves (the geschil
    less often) and loops, then perhaps one ending."""
    start = draw(st.dates(date(2016, 1, 1), date(2030, 6, 30)))
    age = draw(st.sampled_from((0, 30, 1826, 1827, 3000)))
    case = KL.open(
        f"G-{draw(st.integers(1, 99))}",
        at=datetime(start.year, start.month, start.day, 9, tzinfo=AMS),
        klager=k.Party(K, "c", "client", name=draw(personal_texts())),
        provider=k.Party(P, "p", name=draw(personal_texts())),
        complaint=draw(personal_texts()),
        event_on=start - timedelta(days=age),
    )
    finals = {s.id for s in KL.states if s.final}
    refusals: list[tuple[str, datetime, Role, dict[str, Any]]] = []
    steps = draw(st.integers(0, 30))
    for step in range(steps + 1):
        allowed = KL.allowed(case)
        targets = {spec.id: KL.target(case.state, spec.id) for spec in allowed}
        endings = [s for s in allowed if targets[s.id] in finals]
        loops = [s for s in allowed if targets[s.id] == case.state]
        forward = [s for s in allowed if s not in loops and s not in endings]
        if step == steps or not (forward or loops):  # an ending, perhaps
            pool = endings if draw(st.booleans()) else []
        else:  # the geschil is open from most states: drawn less often
            pool = [*loops, *(s for s in forward for _ in range(_weight(s.id)))]
        if not pool:
            break
        spec = draw(st.sampled_from(pool))
        gap = draw(st.sampled_from((0, 1, 14, 42, 366)))
        moment = case.last_at + timedelta(days=gap)
        by = draw(st.sampled_from(sorted(spec.actors, key=lambda r: r.value)))
        make = VALID.get(spec.id)
        data = make(draw, case) if make else {}
        try:
            case = KL.apply(case, spec.id, at=moment, by=by, **data)
        except (k.GuardError, k.EventDataError):
            refusals.append((spec.id, moment, by, data))
    return case, refusals


DEEP = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


class TestGuidedWalks:
    """Invariants over random walks that reach the geschil."""

    @DEEP
    @given(walk=guided_walks())
    def test_case_invariants(
        self, walk: tuple[Case, list[tuple[str, datetime, Role, dict[str, Any]]]]
    ) -> None:
        """Replay and pickling rebuild the case; the machine agrees on the
        state; Atw deadlines end on working days, others at their plain end."""
        case, _ = walk
        assert case == KL.replay(case.case_id, case.history)
        assert case == pickle.loads(pickle.dumps(case))
        machine = KL.machine()
        for record in case.history[1:]:
            machine.send(record.event)
        assert case.state == next(iter(machine.configuration)).id
        for item in KL.deadlines(case):
            if item.deadline.atw_applied:
                assert is_working_day(item.due)
            else:
                assert item.due == item.deadline.plain_end

    @DEEP
    @given(walk=guided_walks())
    def test_regeling_rules_hold(
        self, walk: tuple[Case, list[tuple[str, datetime, Role, dict[str, Any]]]]
    ) -> None:
        """Admitted cases concern events before the filing; a geschil about an
        event over five years old shows the limit as not met; the fee is EUR
        100 exactly when damages were claimed; awards stay within claims."""
        case, _ = walk
        facts = case.facts
        if facts.admitted_on is not None:
            assert facts.event_on <= facts.filed_on
        if facts.geschil_on is not None and case.state != "withdrawn":
            (age,) = [d for d in KL.deadlines(case) if d.key == "event_age"]
            too_old = facts.geschil_on > age.due
            assert too_old == (age.status(facts.geschil_on) is not Status.MET)
        if facts.geschil_on is not None:
            expected = Decimal(100) if facts.damages_claimed else Decimal(50)
            assert expected == facts.fee
        awarded = case.history[-1].data.get("damages_awarded")
        if case.state == "ruled" and awarded is not None:
            assert facts.damages_claimed is not None
            assert awarded <= facts.damages_claimed

    @DEEP
    @given(walk=guided_walks())
    def test_refusals_hide_personal_data(
        self, walk: tuple[Case, list[tuple[str, datetime, Role, dict[str, Any]]]]
    ) -> None:
        """No generated personal value shows in reprs or in refusals."""
        case, refusals = walk
        texts = [repr(case), repr(case.facts)]
        texts += [repr(r) for r in case.history] + [repr(p) for p in case.parties]
        for event, moment, by, fields in refusals:
            try:
                KL.apply(case, event, at=moment, by=by, **fields)
            except k.KlachtrechtError as exc:
                texts.append(str(exc))
        assert not any("PII-" in text for text in texts)


class TestArt21Ground:
    """The KLP geschil needs its Wkkgz art. 21 ground, checked against the case."""

    def test_geschil_needs_a_ground(self) -> None:
        """A geschil without a ground is refused, citing art. 21."""
        error = refused(
            mediating(), "submit_geschil", k.GuardError, at=at(2026, 4, 10), by=K
        )
        assert "Wkkgz art. 21 lid 1" in str(error)

    def test_ground_b_needs_the_letter(self) -> None:
        """Ground b (the mededeling does not take the complaint away) needs the
        closing letter, the art. 17 mededeling."""
        error = refused(
            mediating(),
            "submit_geschil",
            k.GuardError,
            at=at(2026, 4, 10),
            by=K,
            ground="b",
        )
        assert "needs an oordeel" in str(error)

    def test_ground_c_not_after_the_letter(self) -> None:
        """Direct access (c) is for a complaint not yet answered."""
        refused(
            concluded(),
            "submit_geschil",
            k.GuardError,
            at=at(2026, 6, 1),
            by=K,
            ground="c",
            motivation="(reden)",
        )

    def test_ground_a_on_the_missed_term(self) -> None:
        """Filed Mon 16 Mar 2026: the letter was due Tue 28 Apr 2026
        (Koningsdag). On Mon 4 May the missed term is itself the breach (sub
        a); it stays missed after the ruling, a fact."""
        case = KL.apply(
            mediating(), "submit_geschil", at=at(2026, 5, 4), by=K, ground="a"
        )
        ruled = KL.apply(case, "rule", at=at(2026, 9, 1), by=G, outcome="upheld")
        oordeel = due(ruled, "oordeel")
        assert date(2026, 4, 28) == oordeel.due
        assert Status.MISSED == oordeel.status(date(2026, 9, 1))

    def test_ground_a_before_the_term_needs_motivation(self) -> None:
        """Before 28 Apr no breach is visible: ground a names one."""
        refused(
            mediating(),
            "submit_geschil",
            k.GuardError,
            at=at(2026, 4, 10),
            by=K,
            ground="a",
        )

    def test_ruled_case_owes_nothing(self) -> None:
        """Geschil Fri 10 Apr 2026 on ground c, ruled 1 Sep: the paramedicus'
        reaction (due 14 May) is no longer owed, the letter (art. 17, due 28
        Apr) stays owed during the geschil and was missed; the functionaris'
        response (24 Mar) stays met."""
        case = KL.apply(
            mediating(),
            "submit_geschil",
            at=at(2026, 4, 10),
            by=K,
            ground="c",
            motivation="(reden)",
        )
        ruled = KL.apply(case, "rule", at=at(2026, 9, 1), by=G, outcome="rejected")
        keys = {d.key for d in KL.deadlines(ruled)}
        assert "provider_reaction" not in keys
        assert Status.MISSED == due(ruled, "oordeel").status(date(2026, 9, 1))
        assert Status.MET == due(ruled, "functionaris_response").status(
            date(2027, 1, 1)
        )
        assert KL.pending(ruled, date(2027, 1, 1)) == ()

    def test_old_geschil_without_ground_still_loads(self) -> None:
        """A record stored before the check (no ground) replays: events are facts."""
        case = KL.apply(
            concluded(), "submit_geschil", at=at(2026, 6, 1), by=K, ground="b"
        )
        records = list(case.history)
        old = records[-1]
        data = {key: v for key, v in old.data.items() if key != "ground"}
        records[-1] = k.EventRecord(old.event, old.at, old.by, old.basis, data)
        assert "dispute" == KL.replay(case.case_id, records).state


class TestKlpCapacity:
    """Wkkgz art. 14 for the KLP: who may file a complaint."""

    def test_capacity_recorded(self) -> None:
        """A nabestaande files; the capacity is a fact of the case."""
        case = KL.open(
            "KLP-2",
            at=FILED,
            klager=k.Party(K, "c-2"),
            provider=k.Party(P, "para-1"),
            complaint=COMPLAINT,
            event_on=date(2026, 2, 10),
            capacity="surviving_relative",
        )
        assert "surviving_relative" == case.facts.capacity

    def test_association_files_no_complaint(self) -> None:
        """A vereniging has no complaint under art. 14: refused with the article."""
        with pytest.raises(k.GuardError, match=r"Wkkgz art\. 14"):
            KL.open(
                "KLP-3",
                at=FILED,
                klager=k.Party(K, "c-3", "association"),
                provider=k.Party(P, "para-1"),
                complaint=COMPLAINT,
                event_on=date(2026, 2, 10),
            )

    def test_progress_update(self) -> None:
        """Wkkgz art. 16 lid 3 also binds the KLP: updates are recorded."""
        case = KL.apply(mediating(), "inform_progress", at=at(2026, 4, 20), by=F)
        assert "mediation" == case.state
        assert "Wkkgz art. 16 lid 3" in case.history[-1].basis


class TestArt17AfterAnEnding:
    """The closing letter (art. 17) after a geschil or a withdrawal."""

    def test_letter_during_the_geschil(self) -> None:
        """Geschil Fri 10 Apr 2026 on ground c; the letter due Tue 28 Apr 2026
        stays owed and is delivered Fri 24 Apr 2026, in time."""
        case = KL.apply(
            mediating(),
            "submit_geschil",
            at=at(2026, 4, 10),
            by=K,
            ground="c",
            motivation="(reden)",
        )
        case = KL.apply(case, "send_letter", at=at(2026, 4, 24), by=P, **LETTER)
        assert "dispute" == case.state
        assert Status.MET == due(case, "oordeel").status(date(2026, 5, 1))

    def test_withdrawal_keeps_a_missed_letter(self) -> None:
        """Withdrawn Mon 4 May 2026: the letter due 28 Apr stays missed, the
        paramedicus' reaction due Thu 14 May 2026 is no longer owed."""
        case = KL.apply(mediating(), "withdraw", at=at(2026, 5, 4), by=K)
        assert Status.MISSED == due(case, "oordeel").status(date(2026, 5, 4))
        assert "provider_reaction" not in {d.key for d in KL.deadlines(case)}
