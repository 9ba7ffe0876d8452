"""Scenario tests for the Awb titel 9.1 regime: one test per legal path, real dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.deadlines import add_working_days
from klachtrecht.regimes.awb import AwbSettings

AMS = ZoneInfo("Europe/Amsterdam")
A = k.regime("awb")
K = Role.KLAGER
B = Role.BESTUURSORGAAN
ADV = Role.ADVISEUR  # the adviseur of afdeling 9.1.3
NAME = "Fatima el Amrani"
COMPLAINT = "De consulent heeft mijn Wmo-aanvraag zes maanden laten liggen"
OK_KLAAGSCHRIFT: dict[str, Any] = {
    "towards_klager": True,
    "signed": True,
    "name_address": True,
    "dated": True,
    "description": True,
}
CONCLUSION: dict[str, Any] = {
    "findings": "bevindingen",
    "judgment": "gegrond",
    "reasons": "omdat",
    "ombudsman": "national",
}


def notice(y: int, m: int, d: int, **data: Any) -> dict[str, Any]:
    """A conclusion given on ``y-m-d``, stating the year of art. 9:24 lid 1."""
    return {**CONCLUSION, "ombudsman_until": date(y + 1, m, d), **data}


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


RECEIVED = datetime(2026, 4, 2, 10, tzinfo=AMS)


def opened(when: datetime = RECEIVED, **settings: Any) -> Case:
    """An awb case: a complaint received by the gemeente on ``when``."""
    return A.open(
        "AWB-1",
        at=when,
        klager=k.Party(K, "p-1", "client", name=NAME, contact="fatima@example.nl"),
        bestuursorgaan=k.Party(B, "gemeente-1", name="College van B&W"),
        settings=AwbSettings(**settings),
        summary=COMPLAINT,
    )


def formal(when: datetime = RECEIVED, **settings: Any) -> Case:
    """A case whose klaagschrift (meeting art. 9:4) was received on ``when``."""
    case = opened(when, **settings)
    return A.apply(case, "submit_klaagschrift", at=when, by=K, **OK_KLAAGSCHRIFT)


def heard(case: Case, when: datetime) -> Case:
    """Receipt confirmed (9:6), a copy sent to the beklaagde (9:9) and the
    klager and beklaagde heard (9:10)."""
    case = A.apply(case, "acknowledge", at=when, by=B)
    case = A.apply(case, "send_copy", at=when, by=B)
    for side in ("klager", "beklaagde"):
        case = A.apply(case, "hear", at=when, by=B, side=side, verslag="verslag")
    return case


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of the case."""
    return next(d for d in A.deadlines(case) if d.key == key)


class TestTracks:
    """Art. 9:2 (informal) against art. 9:4 (formal)."""

    def test_oral_complaint_informal_track(self) -> None:
        """An oral complaint gets a behoorlijke behandeling (9:2), no terms."""
        case = A.apply(opened(), "handle_informally", at=at(2026, 4, 3), by=B)
        case = A.apply(case, "close_informal", at=at(2026, 4, 20), by=B)
        assert "closed_informal" == case.state
        assert () == A.deadlines(case)
        assert date(2026, 4, 20) == case.facts.ended_on

    def test_klaagschrift_after_informal_starts_the_clock(self) -> None:
        """A klaagschrift after informal handling starts the 9:11 term on its
        own day of receipt: Tue 24 Mar 2026 is due Wed 6 May (5 mei, Atw)."""
        case = A.apply(
            opened(at(2026, 3, 10)), "handle_informally", at=at(2026, 3, 11), by=B
        )
        case = A.apply(
            case, "submit_klaagschrift", at=at(2026, 3, 24), by=K, **OK_KLAAGSCHRIFT
        )
        assert "formal" == case.state
        assert date(2026, 5, 6) == due(case, "afhandeling").due

    @pytest.mark.parametrize(
        ("missing", "article"),
        [
            ("signed", "art. 9:4 lid 2: signed"),
            ("name_address", "lid 2 sub a"),
            ("dated", "lid 2 sub b"),
            ("description", "lid 2 sub c"),
            ("towards_klager", "art. 9:4 lid 1"),
        ],
    )
    def test_klaagschrift_missing_requirement_refused(
        self, missing: str, article: str
    ) -> None:
        """A klaagschrift lacking one 9:4 requirement is refused, citing it."""
        data = {**OK_KLAAGSCHRIFT, missing: False}
        with pytest.raises(k.GuardError, match=article) as info:
            A.apply(opened(), "submit_klaagschrift", at=at(2026, 4, 2), by=K, **data)
        assert NAME not in str(info.value)


class TestAfhandeling:
    """Art. 9:6, 9:10, 9:11 lid 1 and 9:12: the formal track to its conclusion."""

    def test_conclusion_on_time_over_hemelvaart(self) -> None:
        """Received Thu 2 Apr 2026: six weeks end on Hemelvaartsdag, the Atw
        moves the due date past the gelijkgestelde 15 May to Mon 18 May."""
        case = heard(formal(), at(2026, 4, 20))
        case = A.apply(
            case, "conclude", at=at(2026, 5, 18), by=B, **notice(2026, 5, 18)
        )
        item = due(case, "afhandeling")
        assert "concluded" == case.state
        assert date(2026, 5, 18) == item.due
        assert Status.MET is item.status(date(2026, 6, 1))
        assert "Awb art. 9:11 lid 1" == item.source

    def test_without_atw_setting_plain_six_weeks(self) -> None:
        """With the setting atw=False the plain six weeks end Thu 14 May."""
        assert date(2026, 5, 14) == due(formal(atw=False), "afhandeling").due

    def test_missed_term_is_reported(self) -> None:
        """A conclusion after the term is recorded and reported late."""
        case = heard(formal(), at(2026, 4, 20))
        case = A.apply(
            case, "conclude", at=at(2026, 5, 19), by=B, **notice(2026, 5, 19)
        )
        assert Status.LATE is due(case, "afhandeling").status(date(2026, 5, 19))

    def test_conclusion_needs_acknowledgement(self) -> None:
        """Art. 9:6: no conclusion before receipt was confirmed in writing."""
        case = A.apply(
            formal(), "hear", at=at(2026, 4, 9), by=B, side="klager", verslag="v"
        )
        with pytest.raises(k.GuardError, match="9:6"):
            A.apply(case, "conclude", at=at(2026, 4, 20), by=B, **notice(2026, 4, 20))

    def test_conclusion_needs_hearing_or_ground(self) -> None:
        """Art. 9:10: the klager is heard unless a ground of lid 2 is recorded."""
        case = A.apply(formal(), "acknowledge", at=at(2026, 4, 3), by=B)
        case = A.apply(case, "send_copy", at=at(2026, 4, 3), by=B)
        with pytest.raises(k.GuardError, match="9:10"):
            A.apply(case, "conclude", at=at(2026, 4, 20), by=B, **notice(2026, 4, 20))
        waived = A.apply(case, "waive_hearing", at=at(2026, 4, 9), by=B, ground="b")
        done = A.apply(
            waived, "conclude", at=at(2026, 4, 20), by=B, **notice(2026, 4, 20)
        )
        assert "b" == done.facts.hearing_waived

    def test_waiver_sub_c_after_the_set_term(self) -> None:
        """Art. 9:10 lid 2 sub c: only once the term the orgaan set has passed."""
        case = formal()
        with pytest.raises(k.GuardError, match="sub c"):
            A.apply(
                case,
                "waive_hearing",
                at=at(2026, 4, 16),
                by=B,
                ground="c",
                term_until=date(2026, 4, 16),
            )
        later = A.apply(
            case,
            "waive_hearing",
            at=at(2026, 4, 17),
            by=B,
            ground="c",
            term_until=date(2026, 4, 16),
        )
        assert "c" == later.facts.hearing_waived

    def test_stated_ombudsman_term_too_short_refused(self) -> None:
        """Art. 9:12 lid 2: a stated term shorter than the year of 9:24 is refused."""
        case = heard(formal(), at(2026, 4, 20))
        short = {**CONCLUSION, "ombudsman_until": date(2027, 1, 1)}
        with pytest.raises(k.GuardError, match="9:12 lid 2"):
            A.apply(case, "conclude", at=at(2026, 5, 4), by=B, **short)
        right = {**CONCLUSION, "ombudsman_until": date(2027, 5, 4)}
        done = A.apply(case, "conclude", at=at(2026, 5, 4), by=B, **right)
        assert date(2027, 5, 4) == done.facts.ombudsman_until

    def test_notice_without_term_refused(self) -> None:
        """Art. 9:12 lid 2 (and 9:8 lid 3): a conclusion or a notice of not
        handling that does not state the ombudsman's term is refused."""
        case = heard(formal(), at(2026, 4, 20))
        with pytest.raises(k.GuardError, match="9:12 lid 2") as info:
            A.apply(case, "conclude", at=at(2026, 5, 4), by=B, **CONCLUSION)
        assert "ombudsman_until" in str(info.value)
        with pytest.raises(k.GuardError, match="9:12 lid 2"):
            A.apply(
                formal(), "decline", at=at(2026, 4, 20), by=B, ground="2",
                ombudsman="national",
            )  # fmt: skip

    def test_stated_ombudsman_term_too_long_refused(self) -> None:
        """Art. 9:12 lid 2: a conclusion of Mon 4 May 2026 stating 5 May 2027,
        a day past the year of 9:24 lid 1 (4 May 2027, no Atw), is refused."""
        case = heard(formal(), at(2026, 4, 20))
        late = {**CONCLUSION, "ombudsman_until": date(2027, 5, 5)}
        with pytest.raises(k.GuardError, match="must end on 2027-05-04"):
            A.apply(case, "conclude", at=at(2026, 5, 4), by=B, **late)
        assert "formal" == case.state

    def test_stored_notice_without_term_is_read_and_rejudged(self) -> None:
        """Events are facts: a stored conclusion without the term replays, and
        rejudge names art. 9:12 lid 2."""
        case = heard(formal(), at(2026, 4, 20))
        done = A.apply(case, "conclude", at=at(2026, 5, 4), by=B, **notice(2026, 5, 4))
        last = done.history[-1]
        data = {key: v for key, v in last.data.items() if key != "ombudsman_until"}
        stored = (*done.history[:-1], attrs.evolve(last, data=data))
        replayed = A.replay("AWB-1", stored)
        assert "concluded" == replayed.state
        assert ["conclude"] == [f.event for f in A.rejudge(replayed)]
        assert "9:12 lid 2" in A.rejudge(replayed)[0].reason

    def test_conclusion_needs_copy_to_beklaagde(self) -> None:
        """Art. 9:9: no conclusion before a copy of the klaagschrift went to the
        beklaagde."""
        case = A.apply(formal(), "acknowledge", at=at(2026, 4, 3), by=B)
        case = A.apply(case, "waive_hearing", at=at(2026, 4, 9), by=B, ground="b")
        with pytest.raises(k.GuardError, match="9:9"):
            A.apply(case, "conclude", at=at(2026, 4, 20), by=B, **notice(2026, 4, 20))
        case = A.apply(case, "send_copy", at=at(2026, 4, 10), by=B)
        assert date(2026, 4, 10) == case.facts.copy_sent_on
        done = A.apply(
            case, "conclude", at=at(2026, 4, 20), by=B, **notice(2026, 4, 20)
        )
        assert "concluded" == done.state

    def test_handler_involved_refused(self) -> None:
        """Art. 9:7: a handler involved in the conduct is refused, unless the
        complaint is about the orgaan itself (lid 2)."""
        with pytest.raises(k.GuardError, match="9:7 lid 1"):
            A.apply(formal(), "assign_handler", at=at(2026, 4, 3), by=B, involved=True)
        case = A.apply(
            formal(),
            "assign_handler",
            at=at(2026, 4, 3),
            by=B,
            involved=True,
            conduct_of_orgaan_itself=True,
        )
        assert "formal" == case.state


class TestVerdaging:
    """Art. 9:11 lid 2 and 3: one verdaging, then only with consent."""

    def test_four_weeks_from_receipt(self) -> None:
        """Received 2 Apr 2026 and adjourned by four weeks: ten weeks from
        receipt, Thu 11 Jun; the notice is due by the first term's end."""
        case = A.apply(
            formal(),
            "adjourn",
            at=at(2026, 5, 11),
            by=B,
            weeks=4,
            notified_beklaagde=True,
        )
        assert date(2026, 6, 11) == due(case, "afhandeling").due
        notice = due(case, "verdaging_notice")
        assert (date(2026, 5, 18), Status.MET) == (
            notice.due,
            notice.status(date(2026, 6, 1)),
        )

    def test_counted_from_original_end_setting(self) -> None:
        """Setting from_original_end: four weeks after Mon 18 May, Mon 15 Jun."""
        case = A.apply(
            formal(verdaging_counted="from_original_end"),
            "adjourn",
            at=at(2026, 5, 11),
            by=B,
            weeks=4,
            notified_beklaagde=True,
        )
        assert date(2026, 6, 15) == due(case, "afhandeling").due

    def test_fourteen_weeks_no_atw(self) -> None:
        """Ten plus four weeks is over twelve weeks: received Sat 14 Nov 2026 the
        combined term ends Sat 20 Feb 2027 without the Atw (art. 4; the earlier
        reading), from the original end Mon 22 Feb 2027."""
        for counted, expected in [
            ("from_receipt", date(2027, 2, 20)),
            ("from_original_end", date(2027, 2, 22)),
        ]:
            case = formal(
                at(2026, 11, 14), advisory_procedure=True, verdaging_counted=counted
            )
            case = A.apply(
                case,
                "adjourn",
                at=at(2026, 12, 1),
                by=B,
                weeks=4,
                notified_beklaagde=True,
            )
            assert expected == due(case, "afhandeling").due

    def test_second_verdaging_refused(self) -> None:
        """Only one verdaging (lid 2); further delay needs the klager (lid 3)."""
        case = A.apply(
            formal(),
            "adjourn",
            at=at(2026, 5, 1),
            by=B,
            days=7,
            notified_beklaagde=True,
        )
        with pytest.raises(k.GuardError, match="one verdaging"):
            A.apply(
                case,
                "adjourn",
                at=at(2026, 5, 4),
                by=B,
                days=7,
                notified_beklaagde=True,
            )

    def test_verdaging_after_expiry_refused(self) -> None:
        """Our reading (setting notice_before_expiry): not after the term expired."""
        with pytest.raises(k.GuardError, match="expired on 2026-05-18"):
            A.apply(
                formal(),
                "adjourn",
                at=at(2026, 5, 19),
                by=B,
                weeks=2,
                notified_beklaagde=True,
            )

    def test_verdaging_needs_notice_to_beklaagde(self) -> None:
        """The verdaging is told in writing to klager and beklaagde (lid 2)."""
        with pytest.raises(k.GuardError, match="beklaagde"):
            A.apply(
                formal(),
                "adjourn",
                at=at(2026, 5, 1),
                by=B,
                weeks=2,
                notified_beklaagde=False,
            )

    def test_consent_moves_the_due_date(self) -> None:
        """The klager's written consent (lid 3) sets a new due date, no Atw."""
        case = A.apply(
            formal(), "consent_delay", at=at(2026, 5, 12), by=K, until=date(2026, 6, 27)
        )
        item = due(case, "afhandeling")
        assert (date(2026, 6, 27), False) == (item.due, item.deadline.atw_applied)
        with pytest.raises(k.GuardError, match="not after"):
            A.apply(
                formal(),
                "consent_delay",
                at=at(2026, 5, 12),
                by=K,
                until=date(2026, 5, 18),
            )


class TestAdvisory:
    """Afdeling 9.1.3: a person or commissie hears and advises (9:13-9:16)."""

    def test_refer_needs_the_setting(self) -> None:
        """Art. 9:13: no adviseur unless the procedure applies."""
        adviseur = k.Party(ADV, "commissie-1")
        with pytest.raises(k.GuardError, match="9:13"):
            A.apply(
                formal(), "refer_adviseur", at=at(2026, 4, 3), by=B, adviseur=adviseur
            )

    def test_full_advisory_path_with_deviation(self) -> None:
        """Ten weeks (Thu 11 Jun 2026); the adviseur hears and reports; a
        conclusion deviating from the advice states why and encloses it (9:16)."""
        case = formal(advisory_procedure=True)
        with pytest.raises(k.GuardError, match="9:15 lid 1"):
            A.apply(case, "acknowledge", at=at(2026, 4, 3), by=B)
        case = A.apply(
            case, "acknowledge", at=at(2026, 4, 3), by=B, mentions_adviseur=True
        )
        case = A.apply(case, "send_copy", at=at(2026, 4, 3), by=B)
        with pytest.raises(k.GuardError, match="9:15 lid 2"):
            A.apply(case, "hear", at=at(2026, 4, 9), by=B, side="klager", verslag="v")
        case = A.apply(
            case,
            "refer_adviseur",
            at=at(2026, 4, 7),
            by=B,
            adviseur=k.Party(ADV, "commissie-1"),
        )
        with pytest.raises(k.GuardError, match="9:10"):
            A.apply(
                case,
                "report_advice",
                at=at(2026, 5, 1),
                by=ADV,
                findings="f",
                advice="a",
            )
        case = A.apply(
            case, "hear", at=at(2026, 4, 21), by=ADV, side="klager", verslag="v"
        )
        case = A.apply(
            case, "report_advice", at=at(2026, 5, 20), by=ADV, findings="f", advice="a"
        )
        deviating = {**CONCLUSION, "follows_advice": False}
        with pytest.raises(k.GuardError, match="9:16"):
            A.apply(case, "conclude", at=at(2026, 6, 1), by=B, **deviating)
        case = A.apply(
            case,
            "conclude",
            at=at(2026, 6, 11),
            by=B,
            deviation_reasons="omdat",
            advice_enclosed=True,
            **{**deviating, "ombudsman_until": date(2027, 6, 11)},
        )
        item = due(case, "afhandeling")
        assert (date(2026, 6, 11), Status.MET) == (item.due, item.status(item.due))
        assert "afdeling 9.1.3" in item.source


class TestNotHandling:
    """Art. 9:8: the power not to handle, with a notice within four weeks."""

    def test_old_conduct_declined_in_time(self) -> None:
        """Conduct of 2 Mar 2025 is more than a year before 2 Apr 2026 (9:8
        lid 1 sub b, no Atw); notice due Thu 30 Apr 2026."""
        case = opened()
        case = A.apply(
            case,
            "submit_klaagschrift",
            at=at(2026, 4, 2),
            by=K,
            conduct_on=date(2025, 3, 2),
            **OK_KLAAGSCHRIFT,
        )
        case = A.apply(
            case,
            "decline",
            at=at(2026, 4, 28),
            by=B,
            ground="1b",
            ombudsman="national",
            ombudsman_until=date(2027, 4, 28),
        )
        notice = due(case, "decline_notice")
        assert "not_handled" == case.state
        assert (date(2026, 4, 30), Status.MET) == (
            notice.due,
            notice.status(notice.due),
        )
        assert "afhandeling" not in {d.key for d in A.deadlines(case)}

    def test_recent_conduct_not_a_ground(self) -> None:
        """Conduct within the year before the klacht is no ground b."""
        case = A.apply(
            opened(),
            "submit_klaagschrift",
            at=at(2026, 4, 2),
            by=K,
            conduct_on=date(2025, 4, 2),
            **OK_KLAAGSCHRIFT,
        )
        with pytest.raises(k.GuardError, match="sub b"):
            A.apply(
                case,
                "decline",
                at=at(2026, 4, 8),
                by=B,
                ground="1b",
                ombudsman="national",
            )

    def test_late_notice_reported(self) -> None:
        """A notice after four weeks is recorded, and reported late."""
        case = A.apply(
            formal(),
            "decline",
            at=at(2026, 5, 4),
            by=B,
            ground="2",
            ombudsman="decentral",
            ombudsman_until=date(2027, 5, 4),
        )
        assert Status.LATE is due(case, "decline_notice").status(date(2026, 5, 4))


class TestEnds:
    """Art. 9:5 and withdrawal end the case at any moment."""

    def test_resolved_to_satisfaction_lapses_duties(self) -> None:
        """Art. 9:5: once resolved, the 9:11 term no longer binds."""
        case = A.apply(formal(), "resolve", at=at(2026, 4, 10), by=K)
        assert ("resolved", ()) == (case.state, A.deadlines(case))
        assert A.is_final(case)

    def test_withdrawn(self) -> None:
        """The klager withdraws; the record stays."""
        case = A.apply(formal(), "withdraw", at=at(2026, 4, 10), by=K)
        assert ("withdrawn", 3) == (case.state, case.version)

    def test_privacy(self) -> None:
        """Names and complaint texts never show in repr."""
        case = heard(formal(), at(2026, 4, 20))
        text = repr(case) + repr(case.history) + repr(case.facts)
        assert NAME not in text
        assert COMPLAINT not in text


class TestProperties:
    """Invariants of the 9:11 term over random formal-track histories."""

    @settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
    @given(
        received=st.dates(date(2024, 1, 1), date(2029, 12, 31)),
        advisory=st.booleans(),
        counted=st.sampled_from(("from_receipt", "from_original_end")),
        verdaging=st.one_of(st.none(), st.integers(1, 28)),
        notice_gap=st.integers(0, 80),
    )
    def test_afhandeling_bounds(
        self,
        received: date,
        advisory: bool,
        counted: str,
        verdaging: int | None,
        notice_gap: int,
    ) -> None:
        """The due date is never before the plain six (ten) weeks, never after
        the Atw-extended first term plus the verdaging and the Atw again, and a
        verdaging is accepted exactly when noticed by the first term's end."""
        when = datetime(received.year, received.month, received.day, 9, tzinfo=AMS)
        case = formal(when, advisory_procedure=advisory, verdaging_counted=counted)
        first = due(case, "afhandeling")
        weeks = 10 if advisory else 6
        assert first.due >= received + timedelta(weeks=weeks)
        if verdaging is None:
            return
        notice = when + timedelta(days=notice_gap)
        try:
            moved = A.apply(
                case,
                "adjourn",
                at=notice,
                by=B,
                days=verdaging,
                notified_beklaagde=True,
            )
        except k.GuardError:
            assert notice.date() > first.due
            return
        assert notice.date() <= first.due
        item = due(moved, "afhandeling")
        assert first.due <= item.due  # a day of verdaging may vanish in the Atw
        assert item.due >= received + timedelta(weeks=weeks, days=verdaging)
        latest = add_working_days(first.due + timedelta(days=verdaging - 1), 2)
        assert item.due <= latest

    def test_provisional_without_besluit(self) -> None:
        """A term in a year without a known besluit gelijkstelling (2030) is
        flagged provisional."""
        assert due(formal(at(2030, 3, 4)), "afhandeling").deadline.provisional
        assert not due(formal(), "afhandeling").deadline.provisional
