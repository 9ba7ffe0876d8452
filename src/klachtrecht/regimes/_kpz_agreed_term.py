"""Klachtenreglement KPZ Wkkgz, spelregel 6: a further term agreed with the klager.

Source: Klachtenportaal Zorg (KPZ), Klachtenreglement Wkkgz, spelregel 6 (seed
kpz-klachtenprocedure.txt). Not in the Wkkgz itself (law.md §1: UNCONFIRMED as
law); Awb 9:11 lid 3 has the same idea for bestuursorganen.

More information:
https://klachtenportaalzorg.nl/client-patient/

An agreed term is a separate, additional arrangement next to Wkkgz art. 17: it
never replaces the statutory due date (``oordeel``, lid 1 and 2) nor takes away
the provider's one statutory extension (lid 2); it shows as its own obligation
``oordeel_agreed`` with this source.
"""

from __future__ import annotations

from datetime import date

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field
from klachtrecht.deadlines import AtwCalendar, agreed_deadline

__all__ = ["KPZ_6", "agree_event", "agreed_due", "agreement_problem"]

KPZ_6 = "Klachtenreglement KPZ Wkkgz, spelregel 6 (not in the Wkkgz: UNCONFIRMED)"


def agree_event() -> EventSpec:
    """The ``agree_extension`` event: the klager agrees to a later date."""
    return EventSpec(
        "agree_extension",
        "Verdere verlenging afgesproken",
        KPZ_6,
        frozenset({Role.KLAGER}),
        (
            Field("until", (date,), doc="the agreed new due date"),
            Field(
                "reason", (str,), required=False, personal=True, doc="e.g. mediation"
            ),
        ),
    )


def agreed_due(start: date, until: date, met_on: date | None, cal: AtwCalendar) -> Due:
    """The ``oordeel_agreed`` obligation: the oordeel by the agreed date."""
    return Due(
        "oordeel_agreed",
        "Oordeel binnen de afgesproken verdere verlenging",
        KPZ_6,
        agreed_deadline(start, until, source=KPZ_6, calendar=cal),
        met_on,
    )


def agreement_problem(
    case: Case, record: EventRecord, statutory_due: date
) -> str | None:
    """Why an agreement is refused: switched off, after the term in force
    expired, or not later than it. ``statutory_due``: today's art. 17 date."""
    if not case.settings.allow_agreed_extension:
        return "agreed extensions are switched off (allow_agreed_extension=False)"
    agreed: date | None = case.facts.agreed_until
    current = statutory_due if agreed is None else max(statutory_due, agreed)
    until: date = record.data["until"]
    if record.day > current:
        return (
            f"the term already expired on {current.isoformat()}; an agreement "
            "afterwards does not undo the missed term (Wkkgz art. 21 lid 1 sub a)"
        )
    if until <= current:
        return (
            f"agreed date {until.isoformat()} is not after the current due date "
            f"{current.isoformat()} ({KPZ_6})"
        )
    return None
