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

EXAMPLES: tuple[Example, ...] = _WKKGZ_EXAMPLES + _OTHER_EXAMPLES

#: (description, start, keyword arguments of term_end) for the deadline demo.
DEADLINE_EXAMPLES: tuple[tuple[str, date, Mapping[str, Any]], ...] = (
    ("Wkkgz art. 17 lid 1, received Thu 2 Apr 2026", date(2026, 4, 2), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Tue 24 Mar 2026", date(2026, 3, 24), {"weeks": 6}),
    ("Wkkgz art. 17 lid 1, received Sat 14 Nov 2026", date(2026, 11, 14), {"weeks": 6}),
    ("Wkkgz art. 22 lid 1, geschil Mon 2 Nov 2026", date(2026, 11, 2), {"months": 6}),
    ("Three-day term, signed Wed 20 Dec 2017", date(2017, 12, 20), {"days": 3}),
)

# -- Wvggz and Wzd (klachtencommissie -> rechter) ----------------------------------

_DWANG_OPEN = {
    "klager": _KLAGER,
    "provider": _PROVIDER,
    "capacity": "client",
    "concerns": "decision",
    "complaint": "(klacht)",
}
_R = Role.RECHTER  # the rechter's acts are recorded in its own role
_HEARD = tuple(
    ExampleStep("hear", _at(2026, 4, 28), _C, {"side": side})
    for side in ("klager", "beklaagde")
)

_DWANG_EXAMPLES: tuple[Example, ...] = (
    Example(
        regime="wvggz",
        case_id="WVGGZ-2026-001",
        title=(
            "Wvggz: 14 days past 5 mei, schorsing, gegrond, verzoekschrift, "
            "the rechter within four weeks"
        ),
        opened_at=_at(2026, 4, 21),
        open_data={**_DWANG_OPEN, "ground": "8:9"},
        steps=(
            ExampleStep("suspend", _at(2026, 4, 22), _C),
            *_HEARD,
            ExampleStep(
                "decide",
                _at(2026, 5, 4),
                _C,
                {"outcome": "founded", "reasons": "(redenen)", "annulment": "whole"},
            ),
            ExampleStep("notify", _at(2026, 5, 6), _C, {"to": "indiener"}),
            ExampleStep("notify", _at(2026, 5, 6), _C, {"to": "zorgaanbieder"}),
            ExampleStep(
                "petition",
                _at(2026, 6, 11),
                _P,
                {"petitioner": "zorgaanbieder", "petition": "(verzoekschrift)"},
            ),
            *(
                ExampleStep("court_hear", _at(2026, 6, 25), _R, {"side": side})
                for side in ("verzoeker", "client", "geneesheer_directeur")
            ),
            ExampleStep(
                "court_decide",
                _at(2026, 7, 8),
                _R,
                {"outcome": "unfounded", "reasons": "(redenen)"},
            ),
        ),
        check_on=date(2026, 7, 10),
    ),
    Example(
        regime="wzd",
        case_id="WZD-2026-001",
        title=(
            "Wzd: ontslag without effect (four weeks over Kerst), "
            "closed after six weeks"
        ),
        opened_at=_at(2026, 12, 11),
        open_data={**_DWANG_OPEN, "ground": "leave_discharge"},
        steps=(
            ExampleStep(
                "effect_lapsed", _at(2026, 12, 11, 11), _C, {"at_filing": True}
            ),
            *(
                ExampleStep("hear", _at(2026, 12, 22), _C, {"side": side})
                for side in ("klager", "beklaagde")
            ),
            ExampleStep(
                "decide",
                _at(2027, 1, 5),
                _C,
                {"outcome": "unfounded", "reasons": "(redenen)"},
            ),
            *(
                ExampleStep("notify", _at(2027, 1, 6), _C, {"to": to})
                for to in ("indiener", "zorgaanbieder", "beklaagde")
            ),
            ExampleStep("archive", _at(2027, 2, 18), _C),
        ),
        check_on=date(2027, 2, 18),
    ),
)

EXAMPLES = EXAMPLES + _DWANG_EXAMPLES

# -- Awb titel 9.1 and 9.2: one complaint, gemeente then ombudsman ---------------

_B = Role.BESTUURSORGAAN
_ORGAAN = Party(_B, "gemeente-001", name="(voorbeeldgemeente)")
_OMBUDSMAN = Role.OMBUDSMAN
_KLAAGSCHRIFT = {
    "towards_klager": True,
    "signed": True,
    "name_address": True,
    "dated": True,
    "description": True,
    "complaint": "(klaagschrift)",
}

_AWB_EXAMPLES: tuple[Example, ...] = (
    Example(
        regime="awb",
        case_id="AWB-2026-001",
        title="Awb 9.1: klacht over de gemeente, verdaging past Pinksteren, conclusie",
        opened_at=_at(2026, 4, 2),
        open_data={"klager": _KLAGER, "bestuursorgaan": _ORGAAN},
        steps=(
            ExampleStep("submit_klaagschrift", _at(2026, 4, 2, 11), _K, _KLAAGSCHRIFT),
            ExampleStep("acknowledge", _at(2026, 4, 3), _B),
            ExampleStep("send_copy", _at(2026, 4, 3), _B),
            ExampleStep(
                "hear", _at(2026, 4, 21), _B, {"side": "klager", "verslag": "(v)"}
            ),
            ExampleStep(
                "hear", _at(2026, 4, 22), _B, {"side": "beklaagde", "verslag": "(v)"}
            ),
            ExampleStep(
                "adjourn",
                _at(2026, 5, 13),
                _B,
                {"weeks": 2, "notified_beklaagde": True},
            ),
            ExampleStep(
                "conclude",
                _at(2026, 5, 27),
                _B,
                {
                    "findings": "(bevindingen)",
                    "judgment": "(oordeel)",
                    "reasons": "(motivering)",
                    "ombudsman": "national",
                    "ombudsman_until": date(2027, 5, 27),
                },
            ),
        ),
        check_on=date(2026, 6, 1),
    ),
    Example(
        regime="ombudsman",
        case_id="OMB-2026-001",
        title="Awb 9.2: the same complaint at the Nationale ombudsman, rapport",
        opened_at=_at(2026, 9, 1),
        open_data={
            "verzoeker": _KLAGER,
            "bestuursorgaan": _ORGAAN,
            "requisites_met": True,
            "complaint_filed_on": date(2026, 4, 2),
            "klacht_ended_on": date(2026, 5, 27),
            "awb_case_id": "AWB-2026-001",
        },
        steps=(
            ExampleStep("start_investigation", _at(2026, 9, 8), _OMBUDSMAN),
            *(
                ExampleStep(
                    "hear_parties",
                    _at(2026, 9, 29),
                    _OMBUDSMAN,
                    {"side": side, "form": "written"},
                )
                for side in ("orgaan", "verzoeker")
            ),
            ExampleStep(
                "share_findings",
                _at(2026, 11, 2),
                _OMBUDSMAN,
                {"findings": "(bevindingen)", "reaction_until": date(2026, 11, 28)},
            ),
            ExampleStep("react", _at(2026, 11, 20), _B, {"side": "orgaan"}),
            ExampleStep(
                "report",
                _at(2026, 12, 14),
                _OMBUDSMAN,
                {
                    "judgment": "improper",
                    "findings": "(rapport)",
                    "violated": "voortvarendheid",
                    "recommendation": "(aanbeveling)",
                },
            ),
            ExampleStep(
                "respond",
                _at(2027, 1, 25),
                _B,
                {"follows": True, "reasons": "(opvolging)"},
            ),
        ),
        check_on=date(2027, 2, 1),
    ),
)

EXAMPLES = EXAMPLES + _AWB_EXAMPLES
