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

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from klachtrecht._case import Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field
from klachtrecht._fast import evolve
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end

__all__ = [
    "ART_21",
    "ART_22",
    "GROUND_FIELDS",
    "archive_problem",
    "art21_ground_problem",
    "geschil_window",
    "negative_damages",
    "reduce_ruling",
    "ruling_events",
    "uitspraak_due",
]

ART_21 = "Wkkgz art. 21 lid 1"
ART_22 = "Wkkgz art. 22 lid 1"

#: The art. 21 lid 1 ground of a geschil and its motivation.
GROUND_FIELDS = (
    Field("ground", (str,), choices=("a", "b", "c"), doc="art. 21 lid 1 sub a, b or c"),
    Field("motivation", (str,), required=False, personal=True, doc="breach or reason"),
)


def art21_ground_problem(
    ground: str, *, judged: bool, motivated: bool, breach: Callable[[], bool]
) -> str | None:
    """Why a geschil on ``ground`` (art. 21 lid 1 sub a, b or c) is refused.

    ``judged``: the provider's oordeel was received; ``motivated``: the klager
    gave a motivation; ``breach()``: whether a missed art. 17 term is visible,
    which is itself the breach of sub a.
    """
    if ground == "b" and not judged:
        return "ground b (oordeel does not take the complaint away) needs an oordeel"
    if ground == "c" and judged:
        return (
            "ground c (direct access) is for a complaint not yet judged by the provider"
        )
    if motivated or ground == "b":
        return None
    if ground == "a" and breach():
        return None  # the missed art. 17 term is the breach
    if ground == "a":
        return "ground a needs a 'motivation' naming the breach of art. 13-17"
    return "ground c needs a 'motivation': why complaining first is unreasonable"


def uitspraak_due(
    geschil_on: date, ruling_on: date | None, *, label: str, cal: AtwCalendar
) -> Due:
    """The instantie's bindend advies within six months (art. 22 lid 1)."""
    term = term_end(
        geschil_on, months=6, kind=TermKind.STATUTORY, source=ART_22, calendar=cal
    )
    return Due("uitspraak", label, ART_22, term, ruling_on)


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
