"""Scenario tests for the Wvggz regime (hoofdstuk 10): one test per legal path,
real 2026 dates."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.regimes.wvggz import WvggzSettings
from klachtrecht.serialize import dumps, loads

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wvggz")
K, P, C, R = Role.KLAGER, Role.PROVIDER, Role.KLACHTENCOMMISSIE, Role.RECHTER
NAME = "Piet Pieters"
COMPLAINT = "De separatie op 14 april was niet nodig"


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def received(
    when: datetime = datetime(2026, 4, 21, 10, tzinfo=AMS), **extra: Any
) -> Case:
    """A klacht about an art. 8:9 decision received on ``when`` (Tue 21 Apr)."""
    data: dict[str, Any] = {
        "klager": k.Party(K, "p-1", "client", name=NAME),
        "provider": k.Party(P, "ggz-1", name="GGZ Instelling"),
        "capacity": "client",
        "ground": "8:9",
        "concerns": "decision",
        "complaint": COMPLAINT,
    }
    data.update(extra)
    return W.open("WV-1", at=when, by=K, **data)


def heard(case: Case, when: datetime, *sides: str) -> Case:
    """The commissie gave each side the opportunity to be heard."""
    for side in sides or ("klager", "beklaagde"):
        case = W.apply(case, "hear", at=when, by=C, side=side)
    return case


def decided(
    case: Case, when: datetime, outcome: str = "unfounded", **data: Any
) -> Case:
    """The commissie's written, reasoned decision on ``when``."""
    return W.apply(
        case, "decide", at=when, by=C, outcome=outcome, reasons="omdat", **data
    )


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of ``case``."""
    (found,) = [d for d in W.deadlines(case) if d.key == key]
    return found


def keys(case: Case) -> list[str]:
    """The keys of the case's obligations."""
    return [d.key for d in W.deadlines(case)]


class TestCommissieTerm:
    """Art. 10:5 lid 2-3: 14 days, or four weeks without (further) effect."""

    def test_fourteen_days_past_bevrijdingsdag(self) -> None:
        """Received Tue 21 Apr 2026: 14 days end on 5 mei, an Atw feestdag, so
        the commissie decides by Wed 6 May 2026."""
        deadline = due(received(), "decision")
        assert date(2026, 5, 6) == deadline.due
        assert "Wvggz art. 10:5 lid 2" == deadline.source
        assert "Bevrijdingsdag" in deadline.deadline.explain()

    def test_four_weeks_when_effect_lapsed(self) -> None:
        """Received Thu 16 Apr 2026, the decision lapses while pending: four
        weeks end on Hemelvaart (14 May), 15 May is gelijkgesteld, so Mon 18 May."""
        case = received(at(2026, 4, 16))
        assert date(2026, 4, 30) == due(case, "decision").due
        case = W.apply(case, "effect_lapsed", at=at(2026, 4, 24), by=C, at_filing=False)
        assert date(2026, 5, 18) == due(case, "decision").due
        assert "Wvggz art. 10:5 lid 3" == due(case, "decision").source

    def test_no_effect_already_at_filing(self) -> None:
        """A decision without effect at indiening also gives four weeks from
        ontvangst, whoever records it."""
        case = W.apply(
            received(), "effect_lapsed", at=at(2026, 4, 21, 11), by=K, at_filing=True
        )
        assert date(2026, 5, 19) == due(case, "decision").due

    def test_lapse_recorded_once(self) -> None:
        """The switch to four weeks happens once."""
        case = W.apply(
            received(), "effect_lapsed", at=at(2026, 4, 22), by=C, at_filing=False
        )
        with pytest.raises(k.GuardError, match="already recorded"):
            W.apply(case, "effect_lapsed", at=at(2026, 4, 23), by=C, at_filing=False)

    def test_lapse_after_the_fourteen_days_keeps_them(self) -> None:
        """Received Tue 21 Apr 2026, its 14 days ended Wed 6 May; an effect
        that lapses on Fri 8 May keeps that end and the verzoekschrift term
        to Wed 17 Jun; the literal setting gives Tue 19 May and Tue 30 Jun."""
        lapse: dict[str, Any] = {"at": at(2026, 5, 8), "by": C, "at_filing": False}
        case = W.apply(received(), "effect_lapsed", **lapse)
        assert date(2026, 5, 6) == due(case, "decision").due
        assert "late_lapse_extends=False" in due(case, "decision").source
        assert date(2026, 6, 17) == due(case, "petition_not_in_time").due
        literal = received(settings=WvggzSettings(late_lapse_extends=True))
        literal = W.apply(literal, "effect_lapsed", **lapse)
        assert date(2026, 5, 19) == due(literal, "decision").due
        assert date(2026, 6, 30) == due(literal, "petition_not_in_time").due

    def test_no_effect_at_filing_recorded_late(self) -> None:
        """No effect already at indiening, recorded Fri 8 May 2026: the four
        weeks applied from the start, so the commissie decides by Tue 19 May."""
        case = W.apply(
            received(), "effect_lapsed", at=at(2026, 5, 8), by=C, at_filing=True
        )
        assert date(2026, 5, 19) == due(case, "decision").due
        assert "Wvggz art. 10:5 lid 3" == due(case, "decision").source

    def test_without_atw_setting(self) -> None:
        """With atw_decision=False (Atw art. 4 sub c, UNCONFIRMED) the plain
        14 days end on Tue 5 May 2026, a feestdag, and the trail says why."""
        case = received(settings=WvggzSettings(atw_decision=False))
        deadline = due(case, "decision")
        assert date(2026, 5, 5) == deadline.due
        assert not deadline.deadline.atw_applied
        assert "atw_decision=False" in deadline.source

    def test_provisional_without_besluit(self) -> None:
        """A term running into 2029, for which no besluit gelijkstelling is
        known, is flagged provisional."""
        case = received(at(2028, 12, 22))
        deadline = due(case, "decision").deadline
        assert date(2029, 1, 5) == deadline.due
        assert deadline.provisional
        assert "provisional" in deadline.explain()

    def test_decision_on_due_day_met_and_day_after_late(self) -> None:
        """A decision on the due day is met; the day after is late."""
        on_time = decided(heard(received(), at(2026, 4, 28)), at(2026, 5, 6))
        late = decided(heard(received(), at(2026, 4, 28)), at(2026, 5, 7))
        assert due(on_time, "decision").status(date(2026, 6, 1)) is Status.MET
        assert due(late, "decision").status(date(2026, 6, 1)) is Status.LATE


class TestWhatMayBeComplainedAbout:
    """Art. 10:3: only the listed articles; the rest stays with the Wkkgz."""

    def test_unlisted_article_refused_with_article(self) -> None:
        """A klacht under an article not listed in 10:3 is refused, citing the
        article and the Wkkgz route, without echoing the value."""
        with pytest.raises(k.EventDataError) as info:
            received(ground="8:99")
        message = str(info.value)
        assert "Wvggz art. 10:3 lid 1 en 2" in message
        assert "Wkkgz" in message
        assert "8:99" not in message

    def test_every_listed_article_accepted(self) -> None:
        """Each of the 24 articles of lid 1 (sub a-x) opens a case."""
        from klachtrecht.regimes.wvggz import GROUNDS

        assert 24 == len(GROUNDS)
        for ground in GROUNDS:
            assert received(ground=ground).facts.ground == ground

    def test_forensic_ground_and_setting(self) -> None:
        """A forensic ground (lid 2) is accepted by default and refused when
        the setting follows the 2020 text without lid 2."""
        assert received(ground="Bvt 44").state == "received"
        with pytest.raises(k.GuardError, match="forensic_grounds=False"):
            received(ground="Bvt 44", settings=WvggzSettings(forensic_grounds=False))

    def test_who_may_complain(self) -> None:
        """Only betrokkene, vertegenwoordiger or nabestaande complain (lid 1)."""
        with pytest.raises(k.EventDataError, match="capacity"):
            received(capacity="zorgaanbieder")


class TestCommissieDecision:
    """Art. 10:4 and 10:6: hearing, outcome, vernietiging, opdracht."""

    def test_founded_annuls_with_opdracht(self) -> None:
        """A founded klacht against a beslissing annuls it, with an opdracht
        and a term set by the commissie (not statutory: no Atw)."""
        case = decided(
            heard(received(), at(2026, 4, 28)),
            at(2026, 5, 4),
            outcome="founded",
            annulment="whole",
            order="nieuwe beslissing",
            order_until=date(2026, 5, 18),
        )
        assert case.state == "decided"
        assert case.facts.outcome == "founded"
        assert date(2026, 5, 18) == case.facts.order_until

    def test_founded_needs_annulment(self) -> None:
        """Founded without vernietiging is refused (10:6 lid 3)."""
        case = heard(received(), at(2026, 4, 28))
        with pytest.raises(k.GuardError, match="10:6 lid 3"):
            decided(case, at(2026, 5, 4), outcome="founded")

    def test_obligation_is_not_annulled(self) -> None:
        """A klacht about the nakoming van een verplichting has nothing to annul."""
        case = heard(received(concerns="obligation"), at(2026, 4, 28))
        with pytest.raises(k.GuardError, match="only a founded klacht"):
            decided(case, at(2026, 5, 4), outcome="founded", annulment="whole")
        assert decided(case, at(2026, 5, 4), outcome="founded").state == "decided"

    def test_opdracht_only_when_founded(self) -> None:
        """An opdracht follows only a founded klacht (10:6 lid 4-5)."""
        case = heard(received(), at(2026, 4, 28))
        with pytest.raises(k.GuardError, match="10:6 lid 4-5"):
            decided(case, at(2026, 5, 4), order="iets")

    def test_hearing_both_sides_first(self) -> None:
        """On the merits the klager and the beklaagde must have had the
        opportunity to be heard (10:4 lid 2 sub b)."""
        case = heard(received(), at(2026, 4, 28), "klager")
        with pytest.raises(k.GuardError, match="beklaagde had no opportunity"):
            decided(case, at(2026, 5, 4))
        assert decided(case, at(2026, 5, 4), outcome="no_jurisdiction").state == (
            "decided"
        )

    def test_content_of_measure_mandatory_inadmissible(self) -> None:
        """A klacht about the zorgmachtiging as such must be declared
        niet-ontvankelijk (10:6 lid 2)."""
        case = W.apply(received(), "measure_content", at=at(2026, 4, 22), by=C)
        case = heard(case, at(2026, 4, 28))
        with pytest.raises(k.GuardError, match="10:6 lid 2"):
            decided(case, at(2026, 5, 4))
        assert decided(case, at(2026, 5, 4), outcome="inadmissible").state == (
            "decided"
        )

    def test_damages_after_hearing_provider(self) -> None:
        """Damages (10:11 lid 1) only after the zorgaanbieder was heard (lid 3)."""
        case = heard(received(damages_claimed=Decimal("500.00")), at(2026, 4, 28))
        data = {"outcome": "founded", "annulment": "partial"}
        with pytest.raises(k.GuardError, match="10:11 lid 3"):
            decided(case, at(2026, 5, 4), damages_awarded=Decimal("250.00"), **data)
        case = heard(case, at(2026, 4, 29), "zorgaanbieder")
        done = decided(case, at(2026, 5, 4), damages_awarded=Decimal("250.00"), **data)
        assert Decimal("250.00") == done.facts.damages_awarded

    def test_no_damages_without_reaching_the_klacht(self) -> None:
        """An onbevoegd- or niet-ontvankelijkverklaring awards no damages
        (10:6 lid 1, 10:11 lid 1)."""
        case = heard(received(damages_claimed=Decimal("500.00")), at(2026, 4, 28))
        case = heard(case, at(2026, 4, 29), "zorgaanbieder")
        for outcome in ("no_jurisdiction", "inadmissible"):
            with pytest.raises(k.GuardError, match=r"10:6 lid 1 en 10:11 lid 1"):
                decided(case, at(2026, 5, 4), outcome, damages_awarded=Decimal("1.00"))
        assert decided(case, at(2026, 5, 4), "inadmissible").facts.damages_awarded is (
            None
        )

    def test_schorsing_of_a_decision_only(self) -> None:
        """The commissie may suspend a beslissing (10:5 lid 1), not an
        obligation, and once."""
        case = W.apply(received(), "suspend", at=at(2026, 4, 22), by=C)
        assert date(2026, 4, 22) == case.facts.suspended_on
        with pytest.raises(k.GuardError, match="already suspended"):
            W.apply(case, "suspend", at=at(2026, 4, 23), by=C)
        with pytest.raises(k.GuardError, match="only a beslissing"):
            W.apply(
                received(concerns="obligation"), "suspend", at=at(2026, 4, 22), by=C
            )

    def test_put_aside_same_complaint_pending(self) -> None:
        """A gelijke klacht of the same person pending: buiten behandeling
        (10:5 lid 4), final, without a decision obligation."""
        case = W.apply(
            received(), "put_aside", at=at(2026, 4, 23), by=C, other_case="WV-0"
        )
        assert case.state == "set_aside"
        assert W.is_final(case)
        assert "decision" not in keys(case)


class TestVerzoekschrift:
    """Art. 10:7: six weeks from the mededeling, or from the commissie's last day."""

    def _decided(self) -> Case:
        case = decided(heard(received(at(2026, 4, 1)), at(2026, 4, 8)), at(2026, 4, 10))
        return W.apply(case, "notify", at=at(2026, 4, 13), by=C, to="indiener")

    def test_six_weeks_from_mededeling_past_pinksteren(self) -> None:
        """Communicated Mon 13 Apr 2026: six weeks end on 2e Pinksterdag
        (25 May), so Tue 26 May 2026."""
        deadline = due(self._decided(), "petition_client")
        assert date(2026, 5, 26) == deadline.due
        assert "Wvggz art. 10:7 lid 2" == deadline.source

    def test_each_verzoeker_own_term(self) -> None:
        """The zorgaanbieder's term runs from its own mededeling."""
        case = W.apply(
            self._decided(), "notify", at=at(2026, 4, 20), by=C, to="zorgaanbieder"
        )
        assert date(2026, 6, 1) == due(case, "petition_zorgaanbieder").due

    def test_petition_then_rechter_within_four_weeks(self) -> None:
        """Filed Thu 16 Apr 2026: the rechter decides by Mon 18 May 2026
        (Hemelvaart and 15 May gelijkgesteld), 10:9 lid 2."""
        case = W.apply(
            self._decided(),
            "petition",
            at=at(2026, 4, 16),
            by=K,
            petitioner="client",
            petition="verzoek",
        )
        assert case.state == "court"
        assert date(2026, 5, 18) == due(case, "court_decision").due
        assert due(case, "petition_client").status(date(2026, 6, 1)) is Status.MET

    def test_zorgaanbieder_files_as_provider(self) -> None:
        """The zorgaanbieder may file (10:7 lid 1), in its own role only."""
        case = self._decided()
        with pytest.raises(k.GuardError, match="role 'provider'"):
            W.apply(
                case,
                "petition",
                at=at(2026, 4, 16),
                by=K,
                petitioner="zorgaanbieder",
                petition="verzoek",
            )
        moved = W.apply(
            case,
            "petition",
            at=at(2026, 4, 16),
            by=P,
            petitioner="zorgaanbieder",
            petition="verzoek",
        )
        assert moved.facts.petitioner == "zorgaanbieder"

    def test_not_in_time_opens_the_rechter(self) -> None:
        """No decision by Wed 6 May 2026: from Thu 7 May the verzoekschrift is
        possible; its six weeks run from 6 May, to Wed 17 Jun 2026."""
        case = received()
        with pytest.raises(k.GuardError, match="may decide until 2026-05-06"):
            W.apply(
                case,
                "petition",
                at=at(2026, 5, 6, 18),
                by=K,
                petitioner="client",
                petition="verzoek",
            )
        assert date(2026, 6, 17) == due(case, "petition_not_in_time").due
        moved = W.apply(
            case,
            "petition",
            at=at(2026, 5, 7),
            by=K,
            petitioner="client",
            petition="verzoek",
        )
        assert moved.state == "court"
        assert due(moved, "decision").status(date(2026, 5, 7)) is Status.MISSED

    def test_late_petition_recorded_and_flagged(self) -> None:
        """A verzoekschrift after six weeks is a fact: recorded, shown late
        (the rechter judges its admissibility)."""
        case = W.apply(
            self._decided(),
            "petition",
            at=at(2026, 5, 27),
            by=K,
            petitioner="client",
            petition="verzoek",
        )
        assert due(case, "petition_client").status(date(2026, 6, 1)) is Status.LATE

    def test_archive_after_every_term(self) -> None:
        """The case closes only when the indiener and zorgaanbieder were
        informed and every six weeks passed."""
        case = self._decided()
        with pytest.raises(k.GuardError, match="not yet communicated"):
            W.apply(case, "archive", at=at(2026, 6, 1), by=C)
        case = W.apply(case, "notify", at=at(2026, 4, 14), by=C, to="zorgaanbieder")
        with pytest.raises(k.GuardError, match="until 2026-05-26"):
            W.apply(case, "archive", at=at(2026, 5, 26), by=C)
        closed = W.apply(case, "archive", at=at(2026, 5, 27), by=C)
        assert closed.state == "archived"
        assert keys(closed) == ["decision"]


class TestRechter:
    """Art. 10:8-10:11: hearing, schorsing, outcome, damages; no hoger beroep."""

    def _court(self) -> Case:
        case = decided(heard(received(at(2026, 4, 1)), at(2026, 4, 8)), at(2026, 4, 10))
        case = W.apply(case, "notify", at=at(2026, 4, 13), by=C, to="indiener")
        return W.apply(
            case,
            "petition",
            at=at(2026, 4, 16),
            by=K,
            petitioner="client",
            petition="verzoek",
            damages_claimed=Decimal("1000.00"),
        )

    def _hear_all(self, case: Case) -> Case:
        for side in ("client", "zorgverantwoordelijke", "zorgaanbieder"):
            case = W.apply(case, "court_hear", at=at(2026, 5, 4), by=R, side=side)
        return case

    def test_hearing_required(self) -> None:
        """The rechter hears the verzoeker, betrokkene and the
        geneesheer-directeur or zorgverantwoordelijke first (10:8 lid 1)."""
        case = W.apply(
            self._court(), "court_hear", at=at(2026, 5, 4), by=R, side="client"
        )
        with pytest.raises(k.GuardError, match="geneesheer-directeur or"):
            W.apply(
                case,
                "court_decide",
                at=at(2026, 5, 11),
                by=R,
                outcome="unfounded",
                reasons="omdat",
            )

    def test_founded_with_substitution_and_dwangsom(self) -> None:
        """Founded: vernietiging, the uitspraak in de plaats, a dwangsom and
        damages (10:10, 10:11 lid 2); the case ends (no hoger beroep)."""
        case = W.apply(self._court(), "court_suspend", at=at(2026, 4, 20), by=R)
        case = W.apply(
            self._hear_all(case),
            "court_decide",
            at=at(2026, 5, 11),
            by=R,
            outcome="founded",
            reasons="omdat",
            annulment="whole",
            substitute=True,
            order="andere handeling",
            penalty=Decimal("100.00"),
            damages_awarded=Decimal("750.00"),
        )
        assert case.state == "court_decided"
        assert W.is_final(case)
        assert due(case, "court_decision").status(date(2026, 6, 1)) is Status.MET
        assert Decimal("750.00") == case.facts.court_damages_awarded

    def test_damages_decided_separately_once(self) -> None:
        """The rechter may decide on damages separately (10:11 lid 2), once,
        after hearing the zorgaanbieder."""
        with pytest.raises(k.GuardError, match="10:11 lid 3"):
            W.apply(
                self._court(),
                "court_damages",
                at=at(2026, 5, 4),
                by=R,
                damages_awarded=Decimal("10.00"),
            )
        case = W.apply(
            self._hear_all(self._court()),
            "court_damages",
            at=at(2026, 5, 5),
            by=R,
            damages_awarded=Decimal("10.00"),
        )
        with pytest.raises(k.GuardError, match="already decided"):
            W.apply(
                case,
                "court_decide",
                at=at(2026, 5, 11),
                by=R,
                outcome="unfounded",
                reasons="x",
                damages_awarded=Decimal("1"),
            )

    def test_late_rechter_reported(self) -> None:
        """A decision after the four weeks is recorded and shown late."""
        case = W.apply(
            self._hear_all(self._court()),
            "court_decide",
            at=at(2026, 5, 19),
            by=R,
            outcome="inadmissible",
            reasons="x",
        )
        assert due(case, "court_decision").status(date(2026, 6, 1)) is Status.LATE

    def test_withdrawal_keeps_record(self) -> None:
        """A withdrawn verzoekschrift ends the case; the record stays."""
        case = W.apply(self._court(), "withdraw", at=at(2026, 4, 20), by=K)
        assert case.state == "withdrawn"
        assert "court_decision" not in keys(case)
        assert case.history[-1].event == "withdraw"

    def test_only_the_filer_withdraws(self) -> None:
        """The zorgaanbieder cannot withdraw the klager's klacht, nor the klager
        the zorgaanbieder's verzoekschrift (role of who filed it)."""
        with pytest.raises(k.GuardError, match="only who filed it"):
            W.apply(received(), "withdraw", at=at(2026, 4, 22), by=P)
        case = decided(heard(received(at(2026, 4, 1)), at(2026, 4, 8)), at(2026, 4, 10))
        case = W.apply(
            case,
            "petition",
            at=at(2026, 4, 16),
            by=P,
            petitioner="zorgaanbieder",
            petition="verzoek",
        )
        with pytest.raises(k.GuardError, match="role 'provider'"):
            W.apply(case, "withdraw", at=at(2026, 4, 20), by=K)
        assert W.apply(case, "withdraw", at=at(2026, 4, 20), by=P).state == (
            "withdrawn"
        )

    def test_known_vertegenwoordiger_heard(self) -> None:
        """A klacht filed by the vertegenwoordiger: the rechter also hears him
        before deciding on 11 May 2026 (10:8 lid 1)."""
        case = received(at(2026, 4, 1), capacity="vertegenwoordiger")
        case = decided(heard(case, at(2026, 4, 8)), at(2026, 4, 10))
        case = W.apply(case, "notify", at=at(2026, 4, 13), by=C, to="client")
        case = W.apply(
            case,
            "petition",
            at=at(2026, 4, 16),
            by=K,
            petitioner="client",
            petition="verzoek",
        )
        for side in ("client", "zorgverantwoordelijke"):
            case = W.apply(case, "court_hear", at=at(2026, 5, 4), by=R, side=side)
        decide: dict[str, Any] = {"outcome": "unfounded", "reasons": "omdat"}
        with pytest.raises(k.GuardError, match=r"vertegenwoordiger.*10:8 lid 1"):
            W.apply(case, "court_decide", at=at(2026, 5, 11), by=R, **decide)
        case = W.apply(
            case, "court_hear", at=at(2026, 5, 4), by=R, side="vertegenwoordiger"
        )
        done = W.apply(case, "court_decide", at=at(2026, 5, 11), by=R, **decide)
        assert done.state == "court_decided"

    def test_rechter_acts_in_its_own_role(self) -> None:
        """The rechter's decision is recorded by Role.RECHTER only, not by a
        party or the commissie."""
        case = self._hear_all(self._court())
        for role in (K, P, C):
            with pytest.raises(k.GuardError, match="only by rechter"):
                W.apply(
                    case,
                    "court_decide",
                    at=at(2026, 5, 11),
                    by=role,
                    outcome="unfounded",
                    reasons="omdat",
                )


class TestRecordAndPrivacy:
    """Serialization round trip; nothing personal in repr or errors."""

    def test_round_trip(self) -> None:
        """A case at the rechter survives dumps/loads unchanged."""
        case = TestRechter()._court()
        assert case == loads(dumps(case))
        assert json.loads(dumps(case))["regime"] == "wvggz"

    def test_no_personal_data_shown(self) -> None:
        """Names and the complaint never show in repr or error messages."""
        case = received()
        texts = [repr(case), repr(case.facts), *(repr(r) for r in case.history)]
        try:
            W.apply(
                case,
                "decide",
                at=at(2026, 5, 4),
                by=C,
                outcome="founded",
                reasons=COMPLAINT,
            )
        except k.KlachtrechtError as exc:
            texts.append(str(exc))
        assert not any(NAME in t or COMPLAINT in t for t in texts)

    def test_settings_refused_by_name(self) -> None:
        """A non-bool setting is refused with InvalidSettingError."""
        with pytest.raises(k.InvalidSettingError, match=r"WvggzSettings\.atw_court"):
            WvggzSettings(atw_court=1)  # type: ignore[arg-type]
