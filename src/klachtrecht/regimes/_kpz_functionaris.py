"""KPZ, the klachtenfunctionaris: one klachtenfunctionaris per case.

Source: Klachtenportaal Zorg (KPZ), page on the klachtenfunctionaris (seed
kpz-klachtenprocedure.txt): the klager keeps the same klachtenfunctionaris
throughout the procedure.

More information:
https://klachtenportaalzorg.nl/client-patient/

Shared by every regime whose facts have ``functionaris_from`` and that follows
this rule (the Wkkgz, Jeugdwet and Wmo regimes).
"""

from __future__ import annotations

from klachtrecht._case import Case, EventRecord
from klachtrecht.deadlines import AtwCalendar

__all__ = ["guard_same_functionaris"]


def guard_same_functionaris(
    case: Case, record: EventRecord, cal: AtwCalendar
) -> str | None:
    """One klachtenfunctionaris per case (KPZ, klachtenfunctionaris page)."""
    if case.facts.functionaris_from is not None:
        return (
            "a klachtenfunctionaris is already engaged; the klager keeps the same "
            "one throughout the procedure (KPZ, klachtenfunctionaris)"
        )
    return None
