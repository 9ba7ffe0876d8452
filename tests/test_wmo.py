"""Scenario tests for the Wmo 2015 regime: where it differs from the Jeugdwet."""

from __future__ import annotations

import pickle
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.regimes.jeugdwet import JeugdwetSettings
from klachtrecht.regimes.wmo import WmoSettings

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wmo")
K, P = Role.KLAGER, Role.PROVIDER
L, C = Role.KLACHTENLOKET, Role.KLACHTENCOMMISSIE
NAME = "Henk Smit"
COMPLAINT = "De thuisondersteuning stopte zonder bericht"
COMMISSIE = k.Party(C, "kc-wmo")


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def opened(when: datetime, settings: WmoSettings | None = None) -> Case:
    """A Wmo complaint received on ``when``."""
    return W.open(
        "W-1",
        at=when,
        klager=k.Party(K, "c-1", "client", name=NAME),
        provider=k.Party(P, "aanbieder-1"),
        complaint=COMPLAINT,
        verordening="Verordening maatschappelijke ondersteuning Utrecht 2026",
        settings=settings,
    )


def at_commissie(settings: WmoSettings | None = None) -> Case:
    """Received Mon 9 Nov 2026, referred to the commissie Thu 12 Nov 2026."""
    case = opened(at(2026, 11, 9), settings)
    for event in ("assess", "register", "acknowledge"):
        case = W.apply(case, event, at=at(2026, 11, 9), by=L)
    case = W.apply(case, "contact", at=at(2026, 11, 10), by=L, channel="email")
    return W.apply(case, "refer_commissie", at=at(2026, 11, 12), by=L)


def compose(case: Case, **data: Any) -> Case:
    """Compose the commissie on Fri 13 Nov 2026."""
    fields = {
        "members": 3,
        "chair_works_for_provider": False,
        "member_complained_about": False,
        **data,
    }
    return W.apply(
        case,
        "compose_commissie",
        at=at(2026, 11, 13),
        by=C,
        commissie=COMMISSIE,
        **fields,
    )


class TestDifferences:
    """The Wmo sets no procedure of its own: the regeling does."""

    def test_oordeel_ends_the_case(self) -> None:
        """No Jeugdwet art. 4.2.1 lid 5: after the oordeel the case is closed
        and no provider position is owed."""
        case = compose(at_commissie())
        for side in ("klager", "beklaagde"):
            case = W.apply(
                case, "hear", at=at(2026, 12, 1), by=C, side=side, form="oral"
            )
        case = W.apply(
            case,
            "give_oordeel",
            at=at(2026, 12, 18),
            by=C,
            finding="upheld",
            reasons="Geen overdracht",
        )
        assert "closed" == case.state
        assert W.is_final(case)
        assert ["contact", "oordeel"] == [d.key for d in W.deadlines(case)]

    def test_no_judged_state(self) -> None:
        """The Wmo regime has the Jeugdwet's states except 'judged' and
        'responded', and its events except lid 5's answer, the recipients,
        art. 4.2.2 and the close after the position."""
        jeugdwet = {s.id for s in k.regime("jeugdwet").states}
        assert jeugdwet - {"judged", "responded"} == {s.id for s in W.states}
        only_jeugdwet = {"respond", "defer_response", "notify", "close"}
        only_jeugdwet |= {"inform_structural", "report_toezicht"}
        assert only_jeugdwet == {e.id for e in k.regime("jeugdwet").events} - {
            e.id for e in W.events
        }

    def test_bases_cite_wmo_not_jeugdwet(self) -> None:
        """No Wmo state or event rests on the Jeugdwet."""
        items: list[k.StateSpec | k.EventSpec] = [*W.states, *W.events, W.open_event]
        for item in items:
            assert "Jeugdwet" not in item.basis

    def test_oordeel_term_from_the_regeling(self) -> None:
        """Received Mon 9 Nov 2026: the regeling's six weeks run from receipt
        and end on Mon 21 Dec 2026, without the Atw; counted from the referral
        (Thu 12 Nov, setting oordeel_from="commissie") on Thu 24 Dec."""
        deadline = next(d for d in W.deadlines(at_commissie()) if d.key == "oordeel")
        assert date(2026, 12, 21) == deadline.due
        later = at_commissie(WmoSettings(oordeel_from="commissie"))
        assert date(2026, 12, 24) == next(
            d.due for d in W.deadlines(later) if d.key == "oordeel"
        )
        assert not deadline.deadline.atw_applied
        assert "Wmo 2015 art. 3.2 lid 1 sub a" in deadline.source

    @pytest.mark.parametrize(
        ("received", "expected"),
        [
            (date(2026, 4, 23), date(2026, 5, 1)),  # Koningsdag Mon 27 Apr
            (date(2026, 4, 30), date(2026, 5, 8)),  # 5 mei, every year (Atw art. 3)
        ],
    )
    def test_five_working_days(self, received: date, expected: date) -> None:
        """A reglement term in working days of the Atw calendar, nothing more."""
        case = opened(at(received.year, received.month, received.day))
        contact = next(d for d in W.deadlines(case) if d.key == "contact")
        assert expected == contact.due
        assert not contact.deadline.atw_applied


class TestComposition:
    """The commissie's composition comes from the regeling (settings)."""

    def test_default_three_members(self) -> None:
        """By default (UNCONFIRMED for KPZ) two members are too few."""
        case = at_commissie()
        before = pickle.dumps(case)
        with pytest.raises(k.GuardError, match="at least 3") as info:
            compose(case, members=2)
        assert "klachtenregeling (Wmo 2015 art. 3.2 lid 1 sub a" in str(info.value)
        assert before == pickle.dumps(case)

    def test_default_is_the_jeugdwet_composition(self) -> None:
        """The Wmo sets no composition (art. 3.2 lid 1 sub a); the default is
        the Jeugdwet's (art. 4.2.1 lid 2 sub a: three members, independent
        chair), a documented decision, kept as a setting."""
        from klachtrecht.regimes.jeugdwet import JEUGDWET_MIN_MEMBERS

        defaults = WmoSettings()
        assert JEUGDWET_MIN_MEMBERS == defaults.commissie_min_members
        assert defaults.independent_chair
        with pytest.raises(k.GuardError, match="chair must not"):
            compose(at_commissie(), chair_works_for_provider=True)

    def test_regeling_may_allow_one_member(self) -> None:
        """A regeling with a single klachtbehandelaar who works for the provider."""
        settings = WmoSettings(commissie_min_members=1, independent_chair=False)
        case = compose(at_commissie(settings), members=1, chair_works_for_provider=True)
        assert 1 == case.facts.commissie_members

    def test_member_complained_about_always_excluded(self) -> None:
        """Whatever the regeling, nobody judges their own conduct."""
        settings = WmoSettings(commissie_min_members=1)
        with pytest.raises(k.GuardError, match="impartiality"):
            compose(at_commissie(settings), member_complained_about=True)


class TestOpening:
    """The Wmo opening records the verordening, not a Jeugdwet capacity."""

    def test_verordening_recorded(self) -> None:
        """The verordening requiring the regeling is kept with the opening."""
        case = opened(at(2026, 11, 9))
        assert "Utrecht" in case.history[0].data["verordening"]

    def test_no_jeugdwet_capacity(self) -> None:
        """The Jeugdwet's list of who may complain is not a Wmo field."""
        with pytest.raises(k.EventDataError, match="unknown field"):
            W.open(
                "W-2",
                at=at(2026, 11, 9),
                klager=k.Party(K, "c"),
                provider=k.Party(P, "a"),
                complaint="x",
                capacity="parent",
            )

    def test_jeugdwet_settings_refused(self) -> None:
        """A Wmo case carries Wmo settings."""
        with pytest.raises(k.EventDataError, match="WmoSettings"):
            W.open(
                "W-3",
                at=at(2026, 11, 9),
                klager=k.Party(K, "c"),
                provider=k.Party(P, "a"),
                complaint="x",
                settings=JeugdwetSettings(),
            )

    @pytest.mark.parametrize(
        "bad",
        [
            {"oordeel_weeks": 0},
            {"contact_working_days": True},
            {"commissie_min_members": 16},
            {"independent_chair": 1},
        ],
    )
    def test_settings_validated(self, bad: dict[str, Any]) -> None:
        """Out-of-range or mistyped settings are refused when made."""
        with pytest.raises(ValueError, match=next(iter(bad))):
            WmoSettings(**bad)


class TestSharedPaths:
    """The KPZ paths work the same as under the Jeugdwet."""

    def test_wish_for_commissie_granted(self) -> None:
        """Spelregel 7 holds for Wmo complaints too."""
        case = W.apply(
            opened(at(2026, 11, 9)), "request_commissie", at=at(2026, 11, 9), by=K
        )
        for event in ("assess", "register", "acknowledge"):
            case = W.apply(case, event, at=at(2026, 11, 9), by=L)
        case = W.apply(case, "contact", at=at(2026, 11, 10), by=L, channel="phone")
        with pytest.raises(k.GuardError, match="spelregel 7"):
            W.apply(case, "choose_mediation", at=at(2026, 11, 11), by=L)

    def test_deviation_notice(self) -> None:
        """The regeling's deviation notice moves the oordeel past Kerst."""
        case = W.apply(
            at_commissie(),
            "deviate",
            at=at(2026, 12, 14),
            by=C,
            reasons="Ziekte voorzitter",
            until=date(2027, 1, 14),
        )
        oordeel = next(d for d in W.deadlines(case) if d.key == "oordeel")
        assert date(2027, 1, 14) == oordeel.due
        notice = next(d for d in W.deadlines(case) if d.key == "oordeel_deviation_1")
        assert Status.MET == notice.status(date(2027, 1, 1))


class TestWithdrawal:
    """A withdrawal keeps an obligation already missed (shared KPZ intake)."""

    def test_missed_contact_stays_missed(self) -> None:
        """Received Mon 9 Nov 2026, contact due Mon 16 Nov 2026 never made;
        withdrawn Wed 18 Nov 2026: it stays missed, the record is a fact."""
        case = W.apply(opened(at(2026, 11, 9)), "withdraw", at=at(2026, 11, 18), by=K)
        (contact,) = [d for d in W.deadlines(case) if d.key == "contact"]
        assert date(2026, 11, 16) == contact.due
        assert Status.MISSED == contact.status(date(2026, 11, 18))

    def test_contact_not_yet_due_is_no_longer_owed(self) -> None:
        """Withdrawn Wed 11 Nov 2026, before contact was due: not owed."""
        case = W.apply(opened(at(2026, 11, 9)), "withdraw", at=at(2026, 11, 11), by=K)
        assert "contact" not in {d.key for d in W.deadlines(case)}
