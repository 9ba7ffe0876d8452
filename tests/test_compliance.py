"""Compliance checks, reminders and the anonymised yearly report."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.compliance import check, due_within, yearly_report
from klachtrecht.testing import cases

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wkkgz")


def at(y: int, m: int, d: int) -> datetime:
    """An Amsterdam moment at 10:00."""
    return datetime(y, m, d, 10, tzinfo=AMS)


def written(case_id: str, received: datetime) -> k.Case:
    """A Wkkgz case whose written complaint was received on ``received``."""
    case = W.open(
        case_id,
        at=received,
        klager=k.Party(k.Role.KLAGER, "p", name="PII-Naam Klager"),
        provider=k.Party(k.Role.PROVIDER, "o"),
    )
    return W.apply(
        case, "submit_written", at=received, by=k.Role.KLAGER, complaint="PII-klacht"
    )


class TestCheck:
    """Findings per obligation, with their source."""

    def test_missed_oordeel(self) -> None:
        """Received 24 Mar 2026, no oordeel by 7 May: art. 17 lid 1 missed."""
        (oordeel, window) = check(written("K-1", at(2026, 3, 24)), date(2026, 5, 7))
        assert k.Status.MISSED == oordeel.status
        assert (
            "Wkkgz art. 17 lid 1: Schriftelijk oordeel ontvangen door klager: "
            "missed: due Wed 6 May 2026, not fulfilled"
        ) == oordeel.message
        assert k.Status.PENDING == window.status

    def test_late_oordeel(self) -> None:
        """An oordeel received after the due date is reported late."""
        case = W.apply(
            written("K-2", at(2026, 3, 24)),
            "deliver_oordeel",
            at=at(2026, 5, 8),
            by=k.Role.PROVIDER,
            judgment="j",
            reasons="r",
            decisions="d",
            measures_term="m",
        )
        oordeel = check(case, date(2026, 5, 8))[0]
        assert k.Status.LATE == oordeel.status
        assert "after the due date Wed 6 May 2026" in oordeel.message


class TestDueWithin:
    """Reminders over many cases."""

    def test_next_five_working_days(self) -> None:
        """On Fri 8 May 2026 the next five working days run to Fri 15 May...
        no: 15 May is gelijkgesteld, so to Mon 18 May; only the case due on
        18 May is listed, the one due 26 May is not."""
        soon = written("K-soon", at(2026, 4, 2))  # due Mon 18 May 2026
        later = written("K-later", at(2026, 4, 14))  # due Tue 26 May 2026
        reminders = due_within([later, soon], date(2026, 5, 8), working_days=5)
        assert [("K-soon", "oordeel", date(2026, 5, 18))] == [
            (r.case_id, r.key, r.due) for r in reminders
        ]


class TestYearlyReport:
    """The anonymised export."""

    def test_counts(self) -> None:
        """Counts by regime, state and timeliness; cases from other years skipped."""
        cases_ = [
            written("K-1", at(2026, 3, 24)),
            written("K-2", at(2026, 4, 2)),
            written("K-3", at(2025, 4, 2)),
        ]
        report = yearly_report(cases_, 2026, on=date(2026, 5, 7))
        assert 2 == report["cases"]
        assert {"wkkgz": 2} == report["by_regime"]
        assert {"wkkgz/submitted": 2} == report["by_state"]
        timeliness = report["timeliness"]
        assert isinstance(timeliness, dict)
        assert 1 == timeliness["wkkgz/oordeel/missed"]
        assert 1 == timeliness["wkkgz/oordeel/pending"]

    @settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(cases("wkkgz"), max_size=5))
    def test_no_personal_data(self, generated: list[k.Case]) -> None:
        """The export holds no identifier, name, contact or text."""
        years = {c.history[0].day.year for c in generated} or {2026}
        for year in years:
            text = json.dumps(yearly_report(generated, year, on=date(2031, 1, 1)))
            assert "PII-" not in text
            for case in generated:
                assert case.case_id not in text
