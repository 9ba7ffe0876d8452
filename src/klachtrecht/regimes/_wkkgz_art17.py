"""Wkkgz art. 17: the term of the provider's oordeel and its one extension.

Official name: Wet kwaliteit, klachten en geschillen zorg (Wkkgz), BWBR0037173,
art. 17 lid 1 and 2.

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01

Shared by every regime that runs a Wkkgz klachtenregeling (the Wkkgz itself
and the Klachtenloket Paramedici): the six weeks of lid 1, the extension of
lid 2 (once, at most four weeks, notice before expiry), its fields and the
obligations derived from them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field, Guard
from klachtrecht._fast import evolve
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end

__all__ = [
    "ART_17_1",
    "ART_17_2",
    "EXTENSION_FIELDS",
    "OORDEEL_FIELDS",
    "art17_deadline",
    "art17_dues",
    "art17_extension_guard",
    "art17_extension_problem",
    "extension_days",
    "extension_event",
    "reduce_extension",
]

ART_17_1 = "Wkkgz art. 17 lid 1"
ART_17_2 = "Wkkgz art. 17 lid 2"


def art17_deadline(
    start: date, extension_days: int, *, atw: bool, cal: AtwCalendar
) -> Deadline:
    """The art. 17 due date of the oordeel: six weeks from ``start``, or six
    weeks plus the extension (lid 2).

    The extension lengthens "de in het eerste lid genoemde termijn", so the whole
    term runs from receipt and the Atw applies to it once. ``atw=False`` gives
    the stricter plain term (whether the Atw applies is UNCONFIRMED in practice).
    """
    kind = TermKind.STATUTORY if atw else TermKind.NON_STATUTORY
    note = "" if atw else " (Atw not applied: setting atw_for_art17=False)"
    if not extension_days:
        return term_end(start, weeks=6, kind=kind, source=ART_17_1 + note, calendar=cal)
    source = f"{ART_17_1} and lid 2{note}"
    if extension_days % 7 == 0:
        weeks = 6 + extension_days // 7
        return term_end(start, weeks=weeks, kind=kind, source=source, calendar=cal)
    days = 42 + extension_days
    return term_end(start, days=days, kind=kind, source=source, calendar=cal)


def art17_extension_problem(
    start: date, extended_days: int, record: EventRecord, *, atw: bool, cal: AtwCalendar
) -> str | None:
    """Why an extension notice (art. 17 lid 2) is refused, or None.

    One extension, in ``weeks`` (1-4) or ``days`` (1-28), by notice given before
    the six weeks expire (on the last day is still before expiry).
    """
    if extended_days:
        return "the term was already extended; art. 17 lid 2 allows one extension"
    due = art17_deadline(start, 0, atw=atw, cal=cal)
    if record.day > due.due:
        return (
            f"notice given on {record.day.isoformat()}, after the six-week term "
            f"expired on {due.due.isoformat()}; notice must precede expiry"
        )
    # the data last: Regime.actions judges what the case and the day decide
    if record.data.get("form") == "oral":
        return (
            "an oral notice does not extend the term: the notice is schriftelijk "
            f"({ART_17_2})"
        )
    if ("weeks" in record.data) == ("days" in record.data):
        return "give the extension in either 'weeks' (1-4) or 'days' (1-28)"
    return None


def art17_extension_guard(start_fact: str) -> Guard:
    """The guard of ``extend``: :func:`art17_extension_problem` with the term
    running from the case's fact ``start_fact`` and the extension so far."""

    def guard(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        facts = case.facts
        return art17_extension_problem(
            getattr(facts, start_fact),
            facts.extension_days,
            record,
            atw=case.settings.atw_for_art17,
            cal=cal,
        )

    return guard


def extension_days(record: EventRecord) -> int:
    """The days an ``extend`` record adds (its weeks times seven, or its days)."""
    data = record.data
    return int(data["weeks"]) * 7 if "weeks" in data else int(data["days"])


def reduce_extension(facts: Any, record: EventRecord) -> Any:
    """The facts after an ``extend`` record: its days and the day of notice."""
    return evolve(
        facts, extension_days=extension_days(record), extension_notice_on=record.day
    )


def art17_dues(
    start: date,
    extended_days: int,
    notice_on: date | None,
    delivered_on: date | None,
    *,
    label: str,
    atw: bool,
    cal: AtwCalendar,
) -> list[Due]:
    """The ``oordeel`` obligation (lid 1 and 2) and, after an extension, the
    ``extension_notice`` obligation: the notice is due before the six weeks
    of lid 1 expire."""
    oordeel = art17_deadline(start, extended_days, atw=atw, cal=cal)
    found = [Due("oordeel", label, oordeel.term.source, oordeel, delivered_on)]
    if extended_days:
        found.append(
            Due(
                "extension_notice",
                "Schriftelijke mededeling verlenging",
                ART_17_2,
                art17_deadline(start, 0, atw=atw, cal=cal),
                notice_on,
            )
        )
    return found


#: The content of the oordeel (art. 17 lid 1): met redenen omkleed, sub a-c.
OORDEEL_FIELDS = (
    Field("judgment", (str,), personal=True, doc="the oordeel (sub a)"),
    Field("reasons", (str,), personal=True, doc="the reasons (met redenen omkleed)"),
    Field("decisions", (str,), personal=True, doc="decisions taken (sub b)"),
    Field(
        "measures_term",
        (str,),
        personal=True,
        doc="term within which measures are realised (sub c)",
    ),
)

#: The fields of an art. 17 lid 2 extension notice, shared by the regimes.
EXTENSION_FIELDS = (
    Field(
        "weeks",
        (int,),
        required=False,
        bounds=(1, 4),
        doc="extension in weeks; at most four (art. 17 lid 2)",
    ),
    Field(
        "days",
        (int,),
        required=False,
        bounds=(1, 28),
        doc="or in days; at most 28 (art. 17 lid 2)",
    ),
    Field(
        "reason",
        (str,),
        required=False,
        personal=True,
        doc="why (not required by the Wkkgz; some regelingen do, e.g. KPZ 5)",
    ),
    Field(
        "form",
        (str,),
        required=False,
        choices=("written", "oral"),
        doc="the notice is schriftelijk (art. 17 lid 2); 'oral' is refused",
    ),
)


def extension_event(basis: str = ART_17_2) -> EventSpec:
    """The ``extend`` event (Termijn verlengd): a notice by the provider."""
    return EventSpec(
        "extend",
        "Termijn verlengd",
        basis,
        frozenset({Role.PROVIDER}),
        EXTENSION_FIELDS,
    )
