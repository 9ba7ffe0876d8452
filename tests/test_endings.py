"""An ended case owes nothing: what an ending does to each obligation.

Per obligation (docs/legal-sources.md, "What an ending does"): fulfilled (met
or late), no longer owed (dropped from ``deadlines``), or already missed when
the case ended (a fact that stays). Nothing is pending in a final case, and
nothing becomes missed only because time passes after the end, unless the law
says the obligation survives the ending; such obligations are listed in
:data:`SURVIVES` with their reason (none today).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.regimes.wkkgz import WkkgzSettings
from klachtrecht.testing import walks

AMS = ZoneInfo("Europe/Amsterdam")

#: (regime, obligation key) -> why the law keeps it owed after the case ended.
SURVIVES: dict[tuple[str, str], str] = {}


def _unfinished(reg: k.Regime, case: k.Case) -> list[str]:
    """The obligations of a final case that are neither fulfilled nor
    already missed on the day the case ended."""
    end = case.history[-1].day
    return [
        d.key
        for d in reg.deadlines(case)
        if d.met_on is None and d.due >= end and (case.regime, d.key) not in SURVIVES
    ]


@pytest.mark.parametrize("name", sorted(k.REGIMES))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_final_case_owes_nothing(name: str, data: st.DataObject) -> None:
    """In every registered regime a final case has no pending obligation, on
    the day it ended or any day after, unless listed in SURVIVES."""
    reg = k.regime(name)
    case, _ = data.draw(walks(reg, max_steps=30))
    if not reg.is_final(case):
        return
    assert _unfinished(reg, case) == []
    later = case.history[-1].day + timedelta(days=data.draw(st.integers(0, 3000)))
    assert reg.pending(case, later) == ()


def at(y: int, m: int, d: int) -> datetime:
    """10:00 Amsterdam time on the given day."""
    return datetime(y, m, d, 10, tzinfo=AMS)


K, P, G = k.Role.KLAGER, k.Role.PROVIDER, k.Role.GESCHILLENINSTANTIE


def _wkkgz_geschil_before_oordeel(
    end: str, after: str = "owed"
) -> tuple[k.Regime, k.Case]:
    w = k.regime("wkkgz")
    case = w.open(
        "E-1",
        at=at(2026, 3, 2),
        klager=k.Party(K, "c"),
        provider=k.Party(P, "p"),
        capacity="client",
        settings=WkkgzSettings(oordeel_after_geschil=after),
    )
    case = w.apply(case, "submit_written", at=at(2026, 3, 2), by=K, complaint="x")
    case = w.apply(
        case,
        "submit_geschil",
        at=at(2026, 3, 20),
        by=K,
        ground="c",
        motivation="x",
    )
    data: dict[str, Any] = {"outcome": "upheld"} if end == "rule" else {"reason": "x"}
    return w, w.apply(case, end, at=at(2026, 7, 1), by=G, **data)


@pytest.mark.parametrize("end", ["rule", "declare_inadmissible"])
def test_wkkgz_ruled_case_shows_no_oordeel_when_it_lapses(end: str) -> None:
    """Setting "lapses": geschil Fri 20 Mar 2026 before the oordeel (due Mon 13
    Apr 2026): once ruled or declared inadmissible, the art. 17 oordeel is no
    longer owed and never shows as pending or missed."""
    w, case = _wkkgz_geschil_before_oordeel(end, "lapses")
    keys = [d.key for d in w.deadlines(case)]
    assert "oordeel" not in keys
    assert w.pending(case, date(2026, 4, 1)) == ()
    assert w.overdue(case, date(2027, 1, 1)) == ()


@pytest.mark.parametrize("end", ["rule", "declare_inadmissible"])
def test_wkkgz_oordeel_owed_during_geschil_by_default(end: str) -> None:
    """Default "owed": the geschil of Fri 20 Mar 2026 (ground c) does not end
    art. 17, so the oordeel due Mon 13 Apr 2026 and never given is missed;
    the ruling of 1 Jul 2026 leaves nothing pending."""
    w, case = _wkkgz_geschil_before_oordeel(end)
    (oordeel,) = [d for d in w.deadlines(case) if d.key == "oordeel"]
    assert date(2026, 4, 13) == oordeel.due
    assert k.Status.MISSED == oordeel.status(date(2026, 7, 1))
    assert w.pending(case, date(2027, 1, 1)) == ()


def test_wkkgz_missed_oordeel_stays_missed() -> None:
    """The oordeel was due Mon 13 Apr 2026 and never came; the geschil on
    ground a (Fri 24 Apr 2026) and the ruling keep it as missed: a fact."""
    w = k.regime("wkkgz")
    case = w.open(
        "E-2", at=at(2026, 3, 2), klager=k.Party(K, "c"), provider=k.Party(P, "p")
    )
    case = w.apply(case, "submit_written", at=at(2026, 3, 2), by=K, complaint="x")
    case = w.apply(case, "submit_geschil", at=at(2026, 4, 24), by=K, ground="a")
    case = w.apply(case, "rule", at=at(2026, 8, 1), by=G, outcome="upheld")
    (oordeel,) = [d for d in w.deadlines(case) if d.key == "oordeel"]
    assert date(2026, 4, 13) == oordeel.due
    assert k.Status.MISSED == oordeel.status(date(2026, 8, 1))
