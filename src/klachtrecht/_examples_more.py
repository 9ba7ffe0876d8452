"""Built-in examples of the Wvggz/Wzd and Awb/ombudsman regimes
(collected in :data:`klachtrecht._examples.EXAMPLES`)."""

from __future__ import annotations

from datetime import date

from klachtrecht._case import Party, Role
from klachtrecht._example_base import (
    _K,
    _KLAGER,
    _P,
    _PROVIDER,
    Example,
    ExampleStep,
    _at,
)

# -- Wvggz and Wzd (klachtencommissie -> rechter) ----------------------------------

_DWANG_OPEN = {
    "klager": _KLAGER,
    "provider": _PROVIDER,
    "capacity": "client",
    "concerns": "decision",
    "complaint": "(klacht)",
}
_C = Role.KLACHTENCOMMISSIE
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
