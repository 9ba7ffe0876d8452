"""Wkkgz art. 20-22: the geschil before an erkende geschilleninstantie.

Official name: Wet kwaliteit, klachten en geschillen zorg (Wkkgz), BWBR0037173,
art. 20-22.

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01
https://www.degeschillencommissiezorg.nl/vragen/termijn-klacht-indienen/

Shared by every regime that ends in a Wkkgz geschilleninstantie (the Wkkgz
itself and the Geschillencommissie Paramedici of the KLP): the bindend advies
(art. 20) within six months (art. 22 lid 1, a statutory term: the Atw
applies), the ruling events and the geschil window of the instantie's
reglement, which bars closing the case before it has passed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from klachtrecht._case import Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field
from klachtrecht._fast import evolve
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._wkkgz_art21 import ART_21

__all__ = [
    "ART_21",
    "ART_22",
    "archive_problem",
    "geschil_window",
    "lapsed_at_geschil",
    "negative_damages",
    "reduce_ruling",
    "ruling_events",
    "uitspraak_due",
]

ART_22 = "Wkkgz art. 22 lid 1"


def uitspraak_due(
    geschil_on: date, ruling_on: date | None, *, label: str, cal: AtwCalendar
) -> Due:
    """The instantie's bindend advies within six months (art. 22 lid 1)."""
    term = term_end(
        geschil_on, months=6, kind=TermKind.STATUTORY, source=ART_22, calendar=cal
    )
    return Due("uitspraak", label, ART_22, term, ruling_on)


def lapsed_at_geschil(dues: list[Due], geschil_on: date | None) -> list[Due]:
    """The complaint's obligations once a geschil was put (art. 21): the
    instantie takes the complaint over and the provider can no longer fulfil
    them, so one not met by then is no longer owed and is dropped; one already
    missed before the geschil stays, missed (a fact: the breach of art. 21 lid
    1 sub a). An ending after that (bindend advies, niet-ontvankelijk,
    withdrawal) changes nothing more."""
    if geschil_on is None:
        return dues
    return [d for d in dues if d.met_on is not None or d.due < geschil_on]


def negative_damages(amount: Decimal | None, what: str) -> str | None:
    """Why an amount of damages (art. 20) is refused: not finite or negative."""
    if amount is not None and (not amount.is_finite() or amount < 0):
        return f"damages {what} must be a non-negative amount"
    return None


def geschil_window(
    start: date | None, months: int, source: str, cal: AtwCalendar
) -> Deadline | None:
    """The instantie's window for a geschil: ``months`` from ``start`` (None
    when the start has not happened yet). A reglement term: no Atw."""
    if start is None:
        return None
    return term_end(
        start, months=months, kind=TermKind.NON_STATUTORY, source=source, calendar=cal
    )


def archive_problem(
    window: Deadline | None, day: date, *, who: str, unless: str
) -> str | None:
    """Why a case cannot be closed yet: the geschil window is still open."""
    if window is not None and day <= window.due:
        return (
            f"the {who} may submit a geschil until {window.due.isoformat()}; "
            f"close before that only when {unless} (accept)"
        )
    return None


def ruling_events(*, rule: str, inadmissible: str) -> tuple[EventSpec, ...]:
    """The instantie's two endings: bindend advies and niet-ontvankelijk."""
    instantie = frozenset({Role.GESCHILLENINSTANTIE})
    return (
        EventSpec(
            "rule",
            "Bindend advies uitgebracht",
            rule,
            instantie,
            (
                Field(
                    "outcome", (str,), choices=("upheld", "partly_upheld", "rejected")
                ),
                Field(
                    "damages_awarded", (Decimal,), required=False, doc="euros (art. 20)"
                ),
            ),
        ),
        EventSpec(
            "declare_inadmissible",
            "Geschil niet-ontvankelijk verklaard",
            inadmissible,
            instantie,
            (Field("reason", (str,), personal=True),),
        ),
    )


def reduce_ruling(facts: Any, record: EventRecord) -> Any:
    """The facts after a ruling event (``ruling_on`` and ``outcome``)."""
    return evolve(
        facts, ruling_on=record.day, outcome=record.data.get("outcome", "inadmissible")
    )
