"""Scenario tests for the ombudsman regime (Awb titel 9.2) and the route from
an awb case: one test per legal path, real dates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.regimes.ombudsman import OmbudsmanSettings
from klachtrecht.routes import open_from_awb

AMS = ZoneInfo("Europe/Amsterdam")
M = k.regime("ombudsman")
V = Role.KLAGER  # the verzoeker
B = Role.BESTUURSORGAAN
OM = Role.OMBUDSMAN
NAME = "Pieter de Vries"


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


FILED = datetime(2026, 9, 1, 10, tzinfo=AMS)


def opened(when: datetime = FILED, settings: Any = None, **data: Any) -> Case:
    """An ombudsman case: a verzoekschrift received on ``when``, after a klacht
    filed on 2 Mar 2026 and concluded by the orgaan on 3 Jul 2026."""
    facts: dict[str, Any] = {
        "requisites_met": True,
        "complaint_filed_on": date(2026, 3, 2),
        "klacht_ended_on": date(2026, 7, 3),
    }
    facts.update(data)
    return M.open(
        "OMB-1",
        at=when,
        verzoeker=k.Party(V, "p-2", "client", name=NAME),
        bestuursorgaan=k.Party(B, "gemeente-1"),
        settings=settings,
        **{key: value for key, value in facts.items() if value is not None},
    )


def investigating(case: Case | None = None) -> Case:
    """The investigation started and the orgaan and verzoeker were heard (9:30)."""
    case = M.apply(case or opened(), "start_investigation", at=at(2026, 9, 8), by=OM)
    for side in ("orgaan", "verzoeker"):
        case = M.apply(
            case, "hear_parties", at=at(2026, 10, 1), by=OM, side=side, form="written"
        )
    return case


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of the case."""
    return next(d for d in M.deadlines(case) if d.key == key)


class TestInvestigation:
    """Art. 9:30, 9:35, 9:36: from investigation to rapport."""

    def test_full_path_with_recommendation(self) -> None:
        """Findings with a term to react, a rapport judging the conduct not
        behoorlijk with a recommendation, the orgaan's reasoned response."""
        case = M.apply(
            investigating(),
            "share_findings",
            at=at(2026, 11, 2),
            by=OM,
            findings="bevindingen",
            reaction_until=date(2026, 11, 28),
        )
        reaction = due(case, "findings_reaction")
        assert (date(2026, 11, 28), False) == (
            reaction.due,
            reaction.deadline.atw_applied,
        )  # a Saturday: a term set by the ombudsman gets no Atw
        with pytest.raises(k.GuardError, match="for themselves"):
            M.apply(case, "react", at=at(2026, 11, 20), by=V, side="orgaan")
        case = M.apply(case, "react", at=at(2026, 11, 20), by=B, side="orgaan")
        case = M.apply(
            case,
            "report",
            at=at(2026, 12, 7),
            by=OM,
            judgment="improper",
            findings="oordeel",
            violated="voortvarendheid",
            recommendation="excuses",
        )
        with pytest.raises(k.GuardError, match="reasons"):
            M.apply(case, "respond", at=at(2027, 1, 11), by=B, follows=False)
        case = M.apply(
            case, "respond", at=at(2027, 1, 11), by=B, follows=False, reasons="omdat"
        )
        assert ("closed", True) == (case.state, M.is_final(case))

    def test_findings_need_both_sides_heard(self) -> None:
        """Art. 9:30 lid 1: the orgaan and the verzoeker explain first."""
        case = M.apply(opened(), "start_investigation", at=at(2026, 9, 8), by=OM)
        with pytest.raises(k.GuardError, match="9:30"):
            M.apply(
                case,
                "share_findings",
                at=at(2026, 10, 1),
                by=OM,
                findings="f",
                reaction_until=date(2026, 10, 22),
            )

    def test_report_waits_for_the_reaction_term(self) -> None:
        """Art. 9:35 lid 2: no rapport while the term to react runs, and a
        conduct judged not behoorlijk names the violated requirement (9:36)."""
        case = M.apply(
            investigating(),
            "share_findings",
            at=at(2026, 11, 2),
            by=OM,
            findings="f",
            reaction_until=date(2026, 11, 23),
        )
        with pytest.raises(k.GuardError, match="9:35 lid 2"):
            M.apply(
                case,
                "report",
                at=at(2026, 11, 23),
                by=OM,
                judgment="proper",
                findings="o",
            )
        with pytest.raises(k.GuardError, match="9:36 lid 2"):
            M.apply(
                case,
                "report",
                at=at(2026, 11, 24),
                by=OM,
                judgment="improper",
                findings="o",
            )
        case = M.apply(
            case, "report", at=at(2026, 11, 24), by=OM, judgment="proper", findings="o"
        )
        with pytest.raises(k.GuardError, match="no recommendation"):
            M.apply(case, "respond", at=at(2026, 12, 1), by=B, follows=True)
        assert "closed" == M.apply(case, "close_file", at=at(2026, 12, 1), by=OM).state


class TestOneYear:
    """Art. 9:24: the year, a term in years without the Atw (Atw art. 4)."""

    def test_year_from_kennisgeving_ends_on_a_saturday(self) -> None:
        """Kennisgeving Fri 3 Jul 2026: the year ends Sat 3 Jul 2027, not moved."""
        item = due(opened(), "verzoek_window")
        assert (date(2027, 7, 3), False, Status.MET) == (
            item.due,
            item.deadline.atw_applied,
            item.status(date(2027, 7, 3)),
        )
        assert "Atw art. 4" in item.deadline.explain()

    def test_late_verzoek_may_be_declined(self) -> None:
        """Filed Mon 5 Jul 2027, after the year: the ombudsman may decline."""
        case = opened(at(2027, 7, 5))
        assert Status.LATE is due(case, "verzoek_window").status(date(2027, 7, 5))
        case = M.apply(
            case, "decline", at=at(2027, 7, 12), by=OM, ground="24", reasons="r"
        )
        assert ("declined", "24") == (case.state, case.facts.ground)

    def test_timely_verzoek_not_declined_on_the_year(self) -> None:
        """Filed on the last day, Sat 3 Jul 2027: ground 9:24 is refused."""
        with pytest.raises(k.GuardError, match="within the year"):
            M.apply(
                opened(at(2027, 7, 3)),
                "decline",
                at=at(2027, 7, 5),
                by=OM,
                ground="24",
                reasons="r",
            )

    def test_direct_access_counts_from_the_conduct(self) -> None:
        """Lid 2: when complaining first cannot be asked, the year runs from
        the conduct (2 Sep 2025), or from the end of a procedure begun within
        a year of the conduct."""
        case = opened(
            complaint_filed_on=None,
            klacht_ended_on=None,
            exemption="unreasonable",
            conduct_on=date(2025, 9, 2),
        )
        item = due(case, "verzoek_window")
        assert (date(2026, 9, 2), "Awb art. 9:24 lid 2") == (item.due, item.source)
        later = opened(
            complaint_filed_on=None,
            klacht_ended_on=None,
            exemption="unreasonable",
            conduct_on=date(2025, 3, 2),
            parallel_started_on=date(2025, 6, 10),
            parallel_ended_on=date(2026, 1, 15),
        )
        assert date(2027, 1, 15) == due(later, "verzoek_window").due

    def test_procedure_begun_after_the_year_does_not_move_it(self) -> None:
        """Lid 2, second sentence: bezwaar made on 3 Mar 2026, more than a year
        after the conduct of 2 Mar 2025, leaves the end at 2 Mar 2026 (not a
        year after that procedure ended on 1 Oct 2026), and ground 24 may be
        used; without the day it began the procedure is not counted either."""
        late: dict[str, Any] = {
            "complaint_filed_on": None,
            "klacht_ended_on": None,
            "exemption": "unreasonable",
            "conduct_on": date(2025, 3, 2),
            "parallel_ended_on": date(2026, 10, 1),
        }
        case = opened(**late, parallel_started_on=date(2026, 3, 3))
        assert date(2026, 3, 2) == due(case, "verzoek_window").due
        assert date(2026, 3, 2) == due(opened(**late), "verzoek_window").due
        case = M.apply(
            case, "decline", at=at(2026, 9, 8), by=OM, ground="24", reasons="r"
        )
        assert ("declined", "24") == (case.state, case.facts.ground)
        within = opened(**late, parallel_started_on=date(2026, 3, 2))
        assert date(2027, 10, 1) == due(within, "verzoek_window").due


class TestPrerequisite:
    """Art. 9:20 and the discretionary ground 9:23 sub h."""

    def test_no_klacht_first_may_be_declined(self) -> None:
        """Without a klacht at the orgaan the ombudsman may decline (9:23 h)."""
        case = opened(complaint_filed_on=None, klacht_ended_on=None)
        assert not case.facts.prerequisite_met
        case = M.apply(
            case, "decline", at=at(2026, 9, 8), by=OM, ground="23h", reasons="r"
        )
        assert "declined" == case.state

    def test_klacht_filed_is_no_ground_h(self) -> None:
        """With a klacht filed first, ground 9:23 h is refused."""
        with pytest.raises(k.GuardError, match="9:20 lid 1 is met"):
            M.apply(
                opened(), "decline", at=at(2026, 9, 8), by=OM, ground="23h", reasons="r"
            )

    def test_enforce_setting_blocks_investigation(self) -> None:
        """Setting enforce_art_9_20: no investigation without a klacht first,
        unless it is about the klachtbehandeling itself (9:20 lid 2)."""
        strict = OmbudsmanSettings(enforce_art_9_20=True)
        bare = opened(settings=strict, complaint_filed_on=None, klacht_ended_on=None)
        with pytest.raises(k.GuardError, match="9:20 lid 1"):
            M.apply(bare, "start_investigation", at=at(2026, 9, 8), by=OM)
        about = opened(
            settings=strict,
            complaint_filed_on=None,
            klacht_ended_on=None,
            exemption="about_klachtbehandeling",
        )
        case = M.apply(about, "start_investigation", at=at(2026, 9, 8), by=OM)
        assert "investigation" == case.state


class TestGrounds:
    """Art. 9:22 (mandatory), 9:23 (discretionary), 9:25 (notice), 9:28 (repair)."""

    def test_repair_then_decline_sub_a(self) -> None:
        """A defective verzoekschrift: the ombudsman sets a term to repair
        (9:28 lid 3) and may decline on 9:23 sub a only after it passed."""
        case = opened(requisites_met=False)
        case = M.apply(
            case, "request_repair", at=at(2026, 9, 2), by=OM, until=date(2026, 9, 16)
        )
        with pytest.raises(k.GuardError, match="sub a"):
            M.apply(
                case, "decline", at=at(2026, 9, 16), by=OM, ground="23a", reasons="r"
            )
        done = M.apply(
            case, "decline", at=at(2026, 9, 17), by=OM, ground="23a", reasons="r"
        )
        assert Status.MISSED is due(done, "repair").status(date(2026, 9, 17))

    def test_repaired_returns_to_received(self) -> None:
        """Repair restores the verzoekschrift; no second repair is asked."""
        case = opened(requisites_met=False)
        case = M.apply(
            case, "request_repair", at=at(2026, 9, 2), by=OM, until=date(2026, 9, 16)
        )
        case = M.apply(case, "repair_done", at=at(2026, 9, 10), by=V)
        assert ("received", True) == (case.state, case.facts.requisites_met)
        assert Status.MET is due(case, "repair").status(date(2026, 9, 10))
        with pytest.raises(k.GuardError, match="9:28 lid 3"):
            M.apply(
                case,
                "request_repair",
                at=at(2026, 9, 11),
                by=OM,
                until=date(2026, 9, 25),
            )

    def test_incompetent_during_investigation_tells_the_orgaan(self) -> None:
        """Art. 9:22 bars continuing; the notice then also goes to the orgaan
        (9:25 lid 2)."""
        case = investigating()
        with pytest.raises(k.GuardError, match="9:25 lid 2"):
            M.apply(
                case,
                "declare_incompetent",
                at=at(2026, 10, 5),
                by=OM,
                ground="d",
                reasons="r",
            )
        case = M.apply(
            case,
            "declare_incompetent",
            at=at(2026, 10, 5),
            by=OM,
            ground="d",
            reasons="r",
            notified_orgaan=True,
        )
        assert "incompetent" == case.state

    def test_incompetent_at_once(self) -> None:
        """A verzoek about an algemeen verbindend voorschrift (9:22 sub b)."""
        case = M.apply(
            opened(),
            "declare_incompetent",
            at=at(2026, 9, 3),
            by=OM,
            ground="b",
            reasons="r",
        )
        assert ("incompetent", date(2026, 9, 3)) == (case.state, case.facts.ended_on)

    def test_discontinued_after_intervention(self) -> None:
        """9:23 sub l: the orgaan met the grievance after the ombudsman stepped in."""
        case = M.apply(
            investigating(),
            "discontinue",
            at=at(2026, 10, 5),
            by=OM,
            ground="23l",
            reasons="r",
            notified_orgaan=True,
        )
        assert "discontinued" == case.state

    def test_sub_d_only_for_another(self) -> None:
        """9:23 sub d only when the conduct was towards someone else."""
        with pytest.raises(k.GuardError, match="sub d"):
            M.apply(
                opened(), "decline", at=at(2026, 9, 8), by=OM, ground="23d", reasons="r"
            )
        other = opened(on_behalf_of_other=True)
        done = M.apply(
            other, "decline", at=at(2026, 9, 8), by=OM, ground="23d", reasons="r"
        )
        assert "declined" == done.state

    def test_forwarded_and_withdrawn(self) -> None:
        """Forwarding (9:18 lid 2, 9:19) and withdrawal end the case."""
        forwarded = M.apply(
            opened(), "forward", at=at(2026, 9, 2), by=OM, to="objection_body"
        )
        withdrawn = M.apply(investigating(), "withdraw", at=at(2026, 10, 2), by=V)
        assert ("forwarded", "withdrawn") == (forwarded.state, withdrawn.state)


class TestRouteFromAwb:
    """klachtrecht.routes.open_from_awb: one complaint through titel 9.1 and 9.2."""

    AWB = k.regime("awb")
    FORM: ClassVar[dict[str, Any]] = {
        "towards_klager": True,
        "signed": True,
        "name_address": True,
        "dated": True,
        "description": True,
    }

    def awb_case(self) -> Case:
        """An awb case whose klaagschrift arrived Thu 2 Apr 2026."""
        case = self.AWB.open(
            "AWB-9",
            at=at(2026, 4, 2),
            klager=k.Party(V, "p-2", "client", name=NAME),
            bestuursorgaan=k.Party(B, "gemeente-1"),
        )
        return self.AWB.apply(
            case, "submit_klaagschrift", at=at(2026, 4, 2), by=V, **self.FORM
        )

    def test_after_conclusion(self) -> None:
        """After the kennisgeving of Tue 12 May 2026, the year runs to 12 May
        2027 (9:24 lid 1 sub a) and the ombudsman case links back."""
        case = self.AWB.apply(self.awb_case(), "acknowledge", at=at(2026, 4, 3), by=B)
        case = self.AWB.apply(case, "send_copy", at=at(2026, 4, 3), by=B)
        case = self.AWB.apply(
            case, "waive_hearing", at=at(2026, 4, 9), by=B, ground="b"
        )
        case = self.AWB.apply(
            case,
            "conclude",
            at=at(2026, 5, 12),
            by=B,
            findings="f",
            judgment="ongegrond",
            reasons="r",
            ombudsman="national",
            ombudsman_until=date(2027, 5, 12),
        )
        omb = open_from_awb(case, "OMB-9", at=at(2026, 6, 1))
        assert ("AWB-9", date(2026, 4, 2)) == (
            omb.facts.awb_case_id,
            omb.facts.complaint_filed_on,
        )
        assert date(2027, 5, 12) == due(omb, "verzoek_window").due
        verzoeker = omb.party(V)
        assert verzoeker is not None
        assert NAME == verzoeker.name

    def test_within_the_term_refused(self) -> None:
        """While the 9:11 term runs (to Mon 18 May 2026) the route is refused."""
        with pytest.raises(k.GuardError, match="9:11"):
            open_from_awb(self.awb_case(), "OMB-9", at=at(2026, 5, 18))

    def test_after_the_missed_term(self) -> None:
        """Once the term passed unanswered, the year runs from its statutory end,
        Mon 18 May 2026 (9:24 lid 1 sub b: 'beëindigd had moeten zijn')."""
        omb = open_from_awb(self.awb_case(), "OMB-9", at=at(2026, 5, 19))
        assert (date(2026, 5, 18), date(2027, 5, 18)) == (
            omb.facts.klacht_ended_on,
            due(omb, "verzoek_window").due,
        )

    def test_informal_case_needs_an_end(self) -> None:
        """An informal case still open has no statutory end: refused; once the
        klager withdrew, the year runs from that other end (9:24 lid 1 sub b)."""
        case = self.AWB.open(
            "AWB-8",
            at=at(2026, 4, 2),
            klager=k.Party(V, "p-2"),
            bestuursorgaan=k.Party(B, "gemeente-1"),
        )
        with pytest.raises(k.GuardError, match="9:11"):
            open_from_awb(case, "OMB-8", at=at(2027, 1, 4))
        ended = self.AWB.apply(case, "withdraw", at=at(2026, 6, 1), by=V)
        strict = OmbudsmanSettings(enforce_art_9_20=True)
        omb = open_from_awb(ended, "OMB-8", at=at(2026, 7, 1), settings=strict)
        assert (date(2027, 6, 1), True) == (
            due(omb, "verzoek_window").due,
            omb.settings.enforce_art_9_20,
        )

    def test_only_awb_cases(self) -> None:
        """Another regime's case is refused with a TypeError."""
        with pytest.raises(TypeError):
            open_from_awb(opened(), "OMB-9", at=at(2026, 5, 19))
