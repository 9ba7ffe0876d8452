"""Geschillenregeling Paramedici: a geschil at the Geschillencommissie Paramedici.

Official name: geschillenregeling of the Geschillencommissie Paramedici, the
erkende geschilleninstantie of the Klachtenloket Paramedici under the Wet
kwaliteit, klachten en geschillen zorg (Wkkgz, BWBR0037173, art. 18-22).

More information:
https://www.kwaliteitsregisterparamedici.nl/klp/default.aspx
https://www.huidklinieklinskens.nl/klachtenprocedure/
Seed: "Klachtenloket Paramedici - wat kunnen zij voor jou betekenen?"
(klachtenloket-paramedici.txt), geschillenregeling.

A geschil costs a fee of EUR 50, or EUR 100 when damages are claimed, payable
whatever the outcome (stated in the seed; law.md found no source: UNCONFIRMED).
The geschil window (one year after receipt of the closing letter) and the
five-year limit on the event complained about (a condition for a *geschil*,
law.md §7) are reglement terms (no Atw: Atw art. 5, a contrario), flagged as
deadlines, not refused: the Geschillencommissie decides admissibility
(``declare_inadmissible``). A geschil needs its Wkkgz art. 21 ground, checked
against the case as in the Wkkgz regime (:mod:`._wkkgz_art21`): sub b needs
the closing letter (the art. 17 mededeling), sub c a case without one, sub a a
breach (a missed art. 17 term, or a motivation). Records stored before this
check may lack the ground: they still load (events are facts). Damages can
be awarded only when claimed, and not beyond the claim. The bindend advies
itself follows the Wkkgz (:mod:`klachtrecht.regimes._wkkgz_geschil`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field, Guard
from klachtrecht._fast import evolve
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._wkkgz_art17 import art17_deadline
from klachtrecht.regimes._wkkgz_art21 import geschil_capacity_problem, ground_fields
from klachtrecht.regimes._wkkgz_geschil import (
    archive_problem,
    geschil_window,
    negative_damages,
    reduce_ruling,
    ruling_events,
    uitspraak_due,
)

__all__ = [
    "GESCHIL",
    "GESCHIL_EVENTS",
    "GESCHIL_GUARDS",
    "GESCHIL_TERMS",
    "GeschilSettings",
    "age_limit",
    "geschil_dues",
    "geschil_fee",
    "reduce_geschil",
]

GESCHIL = "Klachtenloket Paramedici, geschillenregeling"
GESCHIL_TERMS = (
    "Geschillenregeling Paramedici, per member practice pages (law.md §7; UNCONFIRMED)"
)


class GeschilSettings(Protocol):
    """The settings this regeling reads (see ``KlpSettings``)."""

    @property
    def geschil_fee(self) -> Decimal: ...
    @property
    def geschil_fee_with_damages(self) -> Decimal: ...
    @property
    def geschil_window_months(self) -> int: ...
    @property
    def max_event_age_years(self) -> int: ...


def geschil_fee(settings: GeschilSettings, *, damages_claimed: bool) -> Decimal:
    """The fee for a geschil (klachtengeld): owed whatever the outcome."""
    return (
        settings.geschil_fee_with_damages if damages_claimed else settings.geschil_fee
    )


def age_limit(event_on: date, years: int, cal: AtwCalendar) -> Deadline:
    """The last day on which the event complained about is young enough."""
    return term_end(
        event_on,
        years=years,
        kind=TermKind.NON_STATUTORY,
        source=GESCHIL_TERMS,
        calendar=cal,
    )


def geschil_dues(case: Case, cal: AtwCalendar) -> list[Due]:
    """The conditions of a geschil, once the letter is in or a geschil filed:
    ``geschil_window`` (one year after the letter), ``event_age`` (five years
    after the event) and, once filed, ``uitspraak`` (Wkkgz art. 22 lid 1)."""
    facts, settings = case.facts, case.settings
    found: list[Due] = []
    if case.state == "concluded" or facts.geschil_on is not None:
        window = geschil_window(
            facts.letter_on, settings.geschil_window_months, GESCHIL_TERMS, cal
        )
        if window is not None:
            found.append(
                Due(
                    "geschil_window",
                    "Geschil voorleggen binnen een jaar na de brief",
                    GESCHIL_TERMS,
                    window,
                    facts.geschil_on,
                )
            )
        found.append(
            Due(
                "event_age",
                "Geschil over een gebeurtenis van ten hoogste vijf jaar oud",
                GESCHIL_TERMS,
                age_limit(facts.event_on, settings.max_event_age_years, cal),
                facts.geschil_on,
            )
        )
    if facts.geschil_on is not None and case.state != "withdrawn":
        found.append(
            uitspraak_due(
                facts.geschil_on,
                facts.ruling_on,
                label="Uitspraak Geschillencommissie Paramedici",
                cal=cal,
            )
        )
    return found


def reduce_geschil(case: Case, facts: Any, record: EventRecord) -> Any:
    """The facts after a geschil event (``submit_geschil``, ``rule`` or
    ``declare_inadmissible``); other events leave them as they are."""
    if record.event == "submit_geschil":
        damages = record.data.get("damages_claimed")
        return evolve(
            facts,
            geschil_on=record.day,
            damages_claimed=damages,
            fee=geschil_fee(case.settings, damages_claimed=damages is not None),
        )
    if record.event in ("rule", "declare_inadmissible"):
        return reduce_ruling(facts, record)
    return facts


def _art17_missed(case: Case, day: date, cal: AtwCalendar) -> bool:
    """Whether the art. 17 term of the closing letter was missed, seen on ``day``."""
    facts = case.facts
    due = art17_deadline(
        facts.filed_on, facts.extension_days, atw=case.settings.atw_for_art17, cal=cal
    ).due
    letter: date | None = facts.letter_on
    return (letter is None and day > due) or (letter is not None and letter > due)


def _guard_geschil(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    ground = geschil_capacity_problem(
        case.facts.capacity,
        record.data,
        judged=case.facts.letter_on is not None,
        breach=lambda: _art17_missed(case, record.day, cal),
    )
    if ground is not None:
        return ground
    damages: Decimal | None = record.data.get("damages_claimed")
    if damages is not None and (not damages.is_finite() or damages <= 0):
        return "damages claimed must be a positive amount; leave it out otherwise"
    fee: Decimal | None = record.data.get("fee")
    owed = geschil_fee(case.settings, damages_claimed=damages is not None)
    if fee is not None and fee != owed:
        with_or_without = "with" if damages is not None else "without"
        return (
            f"the fee {with_or_without} a damages claim is EUR {owed}, "
            f"not EUR {fee} ({GESCHIL}; amounts UNCONFIRMED)"
        )
    return None


def _guard_rule(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    awarded: Decimal | None = record.data.get("damages_awarded")
    if awarded is None:
        return None
    negative = negative_damages(awarded, "awarded")
    if negative is not None:
        return negative
    claimed = case.facts.damages_claimed
    if claimed is None:
        return (
            "no damages were claimed when the geschil was filed, so none can be "
            f"awarded ({GESCHIL_TERMS})"
        )
    if awarded > claimed:
        return f"damages awarded exceed the EUR {claimed} claimed"
    return None


def _guard_archive(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    window = geschil_window(
        case.facts.letter_on, case.settings.geschil_window_months, GESCHIL_TERMS, cal
    )
    return archive_problem(window, record.day, who="client", unless="the client agrees")


#: The guards of the geschil phase, by event.
GESCHIL_GUARDS: dict[str, Guard] = {
    "submit_geschil": _guard_geschil,
    "rule": _guard_rule,
    "archive": _guard_archive,
}

_K, _G = Role.KLAGER, Role.GESCHILLENINSTANTIE

#: The events of the geschil phase: archive, submit_geschil, rule and
#: declare_inadmissible.
GESCHIL_EVENTS = (
    EventSpec(
        "archive",
        "Afgesloten na termijn geschil",
        f"{GESCHIL_TERMS}: one year passed",
        frozenset({Role.KLACHTENLOKET, Role.PROVIDER}),
    ),
    EventSpec(
        "submit_geschil",
        "Geschil voorgelegd",
        f"{GESCHIL}; Wkkgz art. 21 lid 1-3",
        frozenset({_K}),
        (
            *ground_fields(required=False),
            Field(
                "damages_claimed",
                (Decimal,),
                required=False,
                doc="euros; claimed when the geschil is filed",
            ),
            Field("fee", (Decimal,), required=False, doc="EUR 50, or 100 with damages"),
        ),
    ),
    *ruling_events(
        rule=f"{GESCHIL} (bindende uitspraak); Wkkgz art. 20, art. 22 lid 1",
        inadmissible=GESCHIL_TERMS,
    ),
)
