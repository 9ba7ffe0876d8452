"""Built-in example cases, used by ``klachtrecht demo`` and the docs.

Each example is data: a regime, an opening and a list of steps with real
Amsterdam dates chosen to cross feestdagen, so the demo shows the Atw at work.
No real person is described; the texts are placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from klachtrecht._case import Party, Role

__all__ = ["DEADLINE_EXAMPLES", "EXAMPLES", "Example", "ExampleStep"]

_AMS = ZoneInfo("Europe/Amsterdam")


def _at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return datetime(y, m, d, hour, tzinfo=_AMS)


@attrs.frozen
class ExampleStep:
    """One step of an example: event, moment, actor and data."""

    event: str
    at: datetime
    by: Role
    data: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Example:
    """A worked example case: what it shows, how it opens, its steps."""

    regime: str
    case_id: str
    title: str
    opened_at: datetime
    open_data: Mapping[str, Any]
    steps: tuple[ExampleStep, ...]
    check_on: date


_K, _P = Role.KLAGER, Role.PROVIDER
_KLAGER = Party(_K, "client-001", "client", name="(voorbeeld)")
_PROVIDER = Party(_P, "praktijk-001", name="(voorbeeldpraktijk)")
_FUNCTIONARIS = Party(Role.KLACHTENFUNCTIONARIS, "kf-001")
_OORDEEL = {
    "judgment": "(oordeel)",
    "reasons": "(redenen)",
    "decisions": "(beslissingen)",
    "measures_term": "(termijn maatregelen)",
}

EXAMPLES: tuple[Example, ...] = (
    Example(
        regime="wkkgz",
        case_id="WKKGZ-2026-001",
        title="Wkkgz: extension around Hemelvaart, oordeel on time, geschil (sub b)",
        opened_at=_at(2026, 3, 30),
        open_data={"klager": _KLAGER, "provider": _PROVIDER},
        steps=(
            ExampleStep(
                "engage_functionaris",
                _at(2026, 3, 31),
                _K,
                {"functionaris": _FUNCTIONARIS},
            ),
            ExampleStep(
                "submit_written", _at(2026, 4, 2), _K, {"complaint": "(klacht)"}
            ),
            ExampleStep("extend", _at(2026, 5, 18), _P, {"weeks": 4}),
            ExampleStep("deliver_oordeel", _at(2026, 6, 10), _P, _OORDEEL),
            ExampleStep(
                "submit_geschil",
                _at(2026, 7, 1),
                _K,
                {"ground": "b", "damages_claimed": Decimal("1500.00")},
            ),
            ExampleStep(
                "rule",
                _at(2026, 12, 15),
                Role.GESCHILLENINSTANTIE,
                {"outcome": "partly_upheld", "damages_awarded": Decimal("750.00")},
            ),
        ),
        check_on=date(2027, 1, 4),
    ),
    Example(
        regime="wkkgz",
        case_id="WKKGZ-2026-002",
        title="Wkkgz: deadline missed on 5 mei, geschil under art. 21 lid 1 sub a",
        opened_at=_at(2026, 3, 24),
        open_data={"klager": _KLAGER, "provider": _PROVIDER},
        steps=(
            ExampleStep(
                "submit_written", _at(2026, 3, 24), _K, {"complaint": "(klacht)"}
            ),
            ExampleStep("submit_geschil", _at(2026, 5, 7), _K, {"ground": "a"}),
        ),
        check_on=date(2026, 5, 7),
    ),
)

#: (description, start, keyword arguments of term_end) for the deadline demo.
DEADLINE_EXAMPLES: tuple[tuple[str, date, Mapping[str, Any]], ...] = (
    ("Wkkgz art. 17 lid 1, received Thu 2 Apr 2026", date(2026, 4, 2), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Tue 24 Mar 2026", date(2026, 3, 24), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Sat 14 Nov 2026", date(2026, 11, 14), {"weeks": 6}),
    ("Wkkgz art. 22 lid 1, geschil Mon 2 Nov 2026", date(2026, 11, 2), {"months": 6}),
    ("Three-day term, signed Wed 20 Dec 2017", date(2017, 12, 20), {"days": 3}),
)
