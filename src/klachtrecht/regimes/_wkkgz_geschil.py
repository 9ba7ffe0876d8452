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

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field, Guard
from klachtrecht._fast import evolve
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._wkkgz_art21 import ART_21

__all__ = [
    "AFTER_GESCHIL",
    "ART17_KEYS",
    "ART_21",
    "ART_22",
    "archive_problem",
    "geschil_window",
    "lapsed_at_geschil",
    "negative_damages",
    "oordeel_once",
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


#: The art. 17 obligations (and the KPZ 6 term agreed for the same oordeel).
ART17_KEYS = frozenset({"oordeel", "extension_notice", "oordeel_agreed"})

#: Choices of the ``oordeel_after_geschil`` setting (Wkkgz, KLP).
AFTER_GESCHIL = ("owed", "lapses")


def lapsed_at_geschil(
    dues: list[Due],
    geschil_on: date | None,
    *,
    ended_on: date | None = None,
    art17_owed: bool = True,
) -> list[Due]:
    """The complaint's obligations after an ending; an obligation already
    missed on the day it ended stays, missed (a fact: for art. 17 the breach
    of art. 21 lid 1 sub a), one met by then stays met.

    - Without a geschil, the ending is the case's (``ended_on``: resolved,
      accepted, withdrawn); obligations not met and not yet missed by then
      are no longer owed.
    - A geschil (art. 21) ends the regeling's own obligations on that day.
    - The art. 17 oordeel (:data:`ART17_KEYS`): art. 21 does not say that a
      geschil under ground a or c ends the provider's duty, so by default
      (``art17_owed``, setting ``oordeel_after_geschil="owed"``) it stays owed
      while the geschil is pending and lapses only when the case ends;
      ``"lapses"`` ends it at the geschil (UNCONFIRMED either way).
    """

    def cutoff(key: str) -> date | None:
        if geschil_on is None or (art17_owed and key in ART17_KEYS):
            return ended_on
        return geschil_on

    kept = []
    for due in dues:
        end = cutoff(due.key)
        if (
            end is None
            or due.due < end
            or (due.met_on is not None and due.met_on <= end)
        ):
            kept.append(due)
    return kept


def oordeel_once(fact: str, also: Guard | None = None) -> Guard:
    """The guard of the oordeel event: refused when the case's ``fact`` shows
    it was already received (art. 17 lid 1 asks for one mededeling; matters
    while a geschil is pending), else ``also`` (the regime's own guard)."""

    def guard(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        if getattr(case.facts, fact) is not None:
            return "the oordeel was already received (Wkkgz art. 17 lid 1)"
        return None if also is None else also(case, record, cal)

    return guard


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
