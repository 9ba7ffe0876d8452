"""Built-in example cases, used by ``klachtrecht demo`` and the docs.

Each example is data: a regime, an opening and a list of steps with real
Amsterdam dates chosen to cross feestdagen, so the demo shows the Atw at work.
No real person is described; the texts are placeholders.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from klachtrecht._case import Party, Role
from klachtrecht._example_base import (
    _FUNCTIONARIS,
    _K,
    _KLAGER,
    _P,
    _PROVIDER,
    Example,
    ExampleStep,
    _at,
)
from klachtrecht._examples_more import _AWB_EXAMPLES, _DWANG_EXAMPLES

__all__ = ["DEADLINE_EXAMPLES", "EXAMPLES", "Example", "ExampleStep"]

_OORDEEL = {
    "judgment": "(oordeel)",
    "reasons": "(redenen)",
    "decisions": "(beslissingen)",
    "measures_term": "(termijn maatregelen)",
}

_WKKGZ_EXAMPLES: tuple[Example, ...] = (
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

_L, _F, _C = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS, Role.KLACHTENCOMMISSIE
_COMMISSIE = {
    "commissie": Party(_C, "kc-001"),
    "members": 3,
    "chair_works_for_provider": False,
    "member_complained_about": False,
}
_INTAKE = ("assess", "register", "acknowledge")

_OTHER_EXAMPLES: tuple[Example, ...] = (
    Example(
        regime="jeugdwet",
        case_id="JEUGD-2026-001",
        title=(
            "Jeugdwet: the klager's wish for the commissie; "
            "lid 5 month ends after Koningsdag"
        ),
        opened_at=_at(2026, 3, 16),
        open_data={
            "klager": _KLAGER,
            "provider": _PROVIDER,
            "complaint": "(klacht)",
            "capacity": "parent",
        },
        steps=(
            ExampleStep("request_commissie", _at(2026, 3, 16, 11), _K),
            *(ExampleStep(e, _at(2026, 3, 17), _L) for e in _INTAKE),
            ExampleStep("contact", _at(2026, 3, 18), _L, {"channel": "phone"}),
            ExampleStep("refer_commissie", _at(2026, 3, 19), _L),
            ExampleStep("compose_commissie", _at(2026, 3, 20), _C, _COMMISSIE),
            ExampleStep(
                "hear", _at(2026, 3, 24), _C, {"side": "klager", "form": "oral"}
            ),
            ExampleStep(
                "hear",
                _at(2026, 3, 24),
                _C,
                {"side": "beklaagde", "form": "written", "assisted": True},
            ),
            ExampleStep(
                "give_oordeel",
                _at(2026, 3, 27),
                _C,
                {
                    "finding": "partly_upheld",
                    "reasons": "(redenen)",
                    "recommendations": "(aanbevelingen)",
                },
            ),
            ExampleStep(
                "respond",
                _at(2026, 4, 28),
                _P,
                {"takes_measures": True, "measures": "(maatregelen)"},
            ),
        ),
        check_on=date(2026, 5, 1),
    ),
    Example(
        regime="jeugdwet",
        case_id="JEUGD-2026-002",
        title=(
            "Jeugdwet: contact within five working days over Hemelvaart, "
            "bemiddeling, klager tevreden"
        ),
        opened_at=_at(2026, 5, 13),
        open_data={
            "klager": _KLAGER,
            "provider": _PROVIDER,
            "complaint": "(klacht)",
            "capacity": "youth",
        },
        steps=(
            *(ExampleStep(e, _at(2026, 5, 13, 14), _L) for e in _INTAKE),
            ExampleStep("contact", _at(2026, 5, 22), _L, {"channel": "email"}),
            ExampleStep("choose_mediation", _at(2026, 5, 26), _L),
            ExampleStep("inform_provider", _at(2026, 5, 26), _L),
            ExampleStep("provider_side", _at(2026, 6, 2), _P, {"side": "(reactie)"}),
            ExampleStep(
                "report_outcome", _at(2026, 6, 5), _L, {"outcome": "(oplossing)"}
            ),
            ExampleStep("accept", _at(2026, 6, 8), _K),
        ),
        check_on=date(2026, 6, 9),
    ),
    Example(
        regime="wmo",
        case_id="WMO-2026-001",
        title="Wmo: commissie, reasoned deviation past Kerst, oordeel closes the case",
        opened_at=_at(2026, 11, 9),
        open_data={"klager": _KLAGER, "provider": _PROVIDER, "complaint": "(klacht)"},
        steps=(
            *(ExampleStep(e, _at(2026, 11, 9, 14), _L) for e in _INTAKE),
            ExampleStep("contact", _at(2026, 11, 10), _L, {"channel": "phone"}),
            ExampleStep("refer_commissie", _at(2026, 11, 12), _L),
            ExampleStep("compose_commissie", _at(2026, 11, 13), _C, _COMMISSIE),
            ExampleStep(
                "hear", _at(2026, 12, 1), _C, {"side": "klager", "form": "oral"}
            ),
            ExampleStep(
                "hear", _at(2026, 12, 1), _C, {"side": "beklaagde", "form": "oral"}
            ),
            ExampleStep(
                "deviate",
                _at(2026, 12, 14),
                _C,
                {"reasons": "(redenen)", "until": date(2027, 1, 14)},
            ),
            ExampleStep(
                "give_oordeel",
                _at(2027, 1, 12),
                _C,
                {"finding": "upheld", "reasons": "(redenen)"},
            ),
        ),
        check_on=date(2027, 1, 15),
    ),
    Example(
        regime="klp",
        case_id="KLP-2026-001",
        title=(
            "KLP: bemiddeling with gesprek, art. 17 extension, letter, geschil "
            "with a damages claim (EUR 100)"
        ),
        opened_at=_at(2026, 3, 16),
        open_data={
            "klager": _KLAGER,
            "provider": _PROVIDER,
            "complaint": "(klacht)",
            "event_on": date(2026, 2, 10),
        },
        steps=(
            ExampleStep(
                "admit",
                _at(2026, 3, 17),
                _L,
                {
                    "member": True,
                    "registration_valid": True,
                    "functionaris": _FUNCTIONARIS,
                },
            ),
            ExampleStep("analyse", _at(2026, 3, 24), _F),
            ExampleStep("mediate", _at(2026, 4, 2), _F),
            ExampleStep(
                "provider_reaction", _at(2026, 4, 20), _P, {"reaction": "(reactie)"}
            ),
            ExampleStep("pass_on_reaction", _at(2026, 4, 21), _F),
            ExampleStep("extend", _at(2026, 4, 24), _P, {"weeks": 4}),
            ExampleStep(
                "hold_meeting", _at(2026, 4, 28), _F, {"functionaris_present": True}
            ),
            ExampleStep(
                "send_letter",
                _at(2026, 5, 18),
                _P,
                {
                    "conclusions": "(conclusies)",
                    "reasons": "(redenen)",
                    "agreements": "(afspraken)",
                    "measures_term": "(termijn)",
                },
            ),
            ExampleStep(
                "submit_geschil",
                _at(2026, 6, 1),
                _K,
                {
                    "ground": "b",
                    "damages_claimed": Decimal("2500.00"),
                    "fee": Decimal("100.00"),
                },
            ),
            ExampleStep(
                "rule",
                _at(2026, 11, 30),
                Role.GESCHILLENINSTANTIE,
                {"outcome": "partly_upheld", "damages_awarded": Decimal("1000.00")},
            ),
        ),
        check_on=date(2026, 12, 1),
    ),
)

EXAMPLES: tuple[Example, ...] = (
    _WKKGZ_EXAMPLES + _OTHER_EXAMPLES + _DWANG_EXAMPLES + _AWB_EXAMPLES
)

#: (description, start, keyword arguments of term_end) for the deadline demo.
DEADLINE_EXAMPLES: tuple[tuple[str, date, Mapping[str, Any]], ...] = (
    ("Wkkgz art. 17 lid 1, received Thu 2 Apr 2026", date(2026, 4, 2), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Tue 24 Mar 2026", date(2026, 3, 24), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Sat 14 Nov 2026", date(2026, 11, 14), {"weeks": 6}),
    ("Wkkgz art. 22 lid 1, geschil Mon 2 Nov 2026", date(2026, 11, 2), {"months": 6}),
    ("Three-day term, signed Wed 20 Dec 2017", date(2017, 12, 20), {"days": 3}),
)
