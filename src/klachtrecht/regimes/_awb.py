"""Algemene wet bestuursrecht hoofdstuk 9: rules shared by the awb and ombudsman
regimes.

Official name: Algemene wet bestuursrecht (Awb), BWBR0005537, titel 9.1
(klachtbehandeling door het bestuursorgaan) and titel 9.2 (klachtbehandeling
door een ombudsman).

More information:
https://wetten.overheid.nl/BWBR0005537/2026-01-01

The parties act in their own :class:`~klachtrecht.Role`: ``BESTUURSORGAAN``,
``ADVISEUR`` and ``OMBUDSMAN`` (aliases below).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from statemachine import StateMachine

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import EventSpec, Field
from klachtrecht.deadlines import (
    AtwCalendar,
    Deadline,
    TermKind,
    agreed_deadline,
    term_end,
)

__all__ = [
    "ADVISEUR",
    "ART_9_24_1",
    "ART_9_24_2",
    "BESTUURSORGAAN",
    "KLAAGSCHRIFT_REQUIREMENTS",
    "NOTICE_FIELDS",
    "OMBUDSMAN",
    "OMBUDSMAN_KINDS",
    "afhandeling",
    "code",
    "day",
    "first_term",
    "flag",
    "klaagschrift_problem",
    "lapse_at_end",
    "lid_2_start",
    "one_year_after",
    "set_term",
    "spec_maker",
    "stated_term_problem",
    "term_kind",
    "text",
]

#: Het bestuursorgaan (Awb art. 9:1).
BESTUURSORGAAN = Role.BESTUURSORGAAN
#: De persoon of commissie belast met de advisering (Awb art. 9:14).
ADVISEUR = Role.ADVISEUR
#: De ombudsman (Awb art. 9:17).
OMBUDSMAN = Role.OMBUDSMAN

#: Which ombudsman (Awb art. 9:17): a. de Nationale ombudsman; b. a decentral
#: ombudsman or ombudscommissie (Gemeentewet, Provinciewet, Waterschapswet, Wgr).
OMBUDSMAN_KINDS = ("national", "decentral")

ART_9_24_1 = "Awb art. 9:24 lid 1"
ART_9_24_2 = "Awb art. 9:24 lid 2"


def one_year_after(start: date, *, source: str, cal: AtwCalendar) -> Deadline:
    """The end of the one-year term of Awb art. 9:24 (or the look-back of 9:8
    lid 1 sub b) counted from ``start``.

    A term in a wet, but in years: Atw art. 4 sub a excludes it, so the plain
    calendar end is the due date (the trail says so).
    """
    return term_end(
        start, years=1, kind=TermKind.STATUTORY, source=source, calendar=cal
    )


def lid_2_start(
    conduct: date | None, began: date | None, ended: date | None, cal: AtwCalendar
) -> date | None:
    """Where the year of art. 9:24 lid 2 starts: the conduct, or the end of a
    court, bezwaar, beroep or beklag procedure begun against it within a year
    of the conduct (second sentence). Without the day it began, the later
    start is not used: the earlier due date is the safe one."""
    if conduct is None or began is None or ended is None:
        return conduct
    if began > one_year_after(conduct, source=ART_9_24_2, cal=cal).due:
        return conduct
    return max(conduct, ended)


def set_term(start: date, until: date, *, source: str, cal: AtwCalendar) -> Deadline:
    """A term set by the orgaan, adviseur or ombudsman itself, ending on ``until``
    ("een door hem gestelde termijn"): not "in een wet gesteld", so no Atw."""
    return term_end(
        start,
        days=(until - start).days,
        kind=TermKind.NON_STATUTORY,
        source=source,
        calendar=cal,
    )


# -- Awb art. 9:11: the term of the afhandeling ---------------------------------

ART_9_11_1 = "Awb art. 9:11 lid 1"
ART_9_11_3 = "Awb art. 9:11 lid 3"


def term_kind(settings: Any) -> TermKind:
    """Statutory (the Atw applies) unless the setting ``atw`` is off."""
    return TermKind.STATUTORY if settings.atw else TermKind.NON_STATUTORY


def first_term(case: Case, cal: AtwCalendar) -> Deadline:
    """Six weeks from receipt of the klaagschrift, or ten under afdeling 9.1.3
    (art. 9:11 lid 1), before any verdaging."""
    settings = case.settings
    start = case.facts.klaagschrift_on
    assert start is not None
    weeks = 10 if settings.advisory_procedure else 6
    source = ART_9_11_1 + (" (afdeling 9.1.3)" if weeks == 10 else "")
    kind = term_kind(settings)
    return term_end(start, weeks=weeks, kind=kind, source=source, calendar=cal)


def afhandeling(case: Case, cal: AtwCalendar) -> Deadline:
    """The due date of the afhandeling of an ``awb`` case (art. 9:11): the first
    term, adjourned by the verdaging (lid 2), moved to the date the klager
    consented to (lid 3). The ombudsman's year can run from it (9:24 lid 1 b)."""
    settings, facts = case.settings, case.facts
    first = due = first_term(case, cal)
    if facts.verdaging_days:
        source = f"{first.term.source} and lid 2"
        if settings.verdaging_counted == "from_original_end":
            start, total = first.due, facts.verdaging_days
        else:
            start, total = first.start, first.term.amount * 7 + facts.verdaging_days
        unit = {"weeks": total // 7} if total % 7 == 0 else {"days": total}
        kind = term_kind(settings)
        due = term_end(start, kind=kind, source=source, calendar=cal, **unit)
    until = facts.consented_until
    if until is not None and until > due.due:
        return agreed_deadline(first.start, until, source=ART_9_11_3, calendar=cal)
    return due


def stated_term_problem(record: EventRecord, cal: AtwCalendar) -> str | None:
    """Why the ombudsman term stated in a notice (art. 9:12 lid 2, also via 9:8
    lid 3) is wrong, or None. The notice must state it, and state the year of
    9:24 lid 1 from the notice: an earlier date cuts the klager's term short, a
    later one leads him past it (the ombudsman may then decline, 9:24)."""
    stated = record.data.get("ombudsman_until")
    term = one_year_after(record.day, source=ART_9_24_1, cal=cal)
    if stated is None:
        return (
            "art. 9:12 lid 2: the notice states within which term the klager can "
            "go to the ombudsman ('ombudsman_until')"
        )
    if stated != term.due:
        return (
            f"art. 9:12 lid 2: the stated term must end on {term.due.isoformat()}, "
            "the year of art. 9:24 lid 1 from this notice"
        )
    return None


#: The requirements of a klaagschrift for the formal track (art. 9:4).
KLAAGSCHRIFT_REQUIREMENTS = (
    ("towards_klager", "art. 9:4 lid 1: conduct towards the klager"),
    ("signed", "art. 9:4 lid 2: signed"),
    ("name_address", "art. 9:4 lid 2 sub a: naam en adres"),
    ("dated", "art. 9:4 lid 2 sub b: dagtekening"),
    ("description", "art. 9:4 lid 2 sub c: omschrijving van de gedraging"),
)


def klaagschrift_problem(
    case: Case, record: EventRecord, cal: AtwCalendar
) -> str | None:
    """Guard of ``submit_klaagschrift``: every requirement of art. 9:4 is met."""
    missing = [why for name, why in KLAAGSCHRIFT_REQUIREMENTS if not record.data[name]]
    if missing:
        return (
            "not a klaagschrift for the formal track (" + "; ".join(missing) + "); "
            "the complaint stays under art. 9:2 (handle_informally)"
        )
    return None


# -- event specs -----------------------------------------------------------------


def text(name: str, doc: str, *, required: bool = True) -> Field:
    """A free text field: personal data, never shown."""
    return Field(name, (str,), required=required, personal=True, doc=doc)


def flag(name: str, doc: str, *, required: bool = True) -> Field:
    """A yes/no field."""
    return Field(name, (bool,), required=required, doc=doc)


def day(name: str, doc: str, *, required: bool = True) -> Field:
    """A date field."""
    return Field(name, (date,), required=required, doc=doc)


def code(
    name: str, choices: tuple[str, ...], doc: str, *, required: bool = True
) -> Field:
    """A stored code, one of ``choices``."""
    return Field(name, (str,), required=required, choices=choices, doc=doc)


#: What a notice names after art. 9:12 lid 2 (also via 9:8 lid 3): which
#: ombudsman (9:17) and until when a verzoekschrift can be filed (9:24 lid 1).
#: The term is optional in the record (a stored event stays readable) but the
#: guard (:func:`stated_term_problem`) refuses a notice without it.
NOTICE_FIELDS = (
    code("ombudsman", OMBUDSMAN_KINDS, "which ombudsman (9:17, 9:12 lid 2)"),
    day("ombudsman_until", "the stated term (9:12 lid 2, 9:24 lid 1)", required=False),
)


def spec_maker(machine: type[StateMachine]) -> Callable[..., EventSpec]:
    """``make(event, basis, actors, *fields)``: an EventSpec labelled as the
    machine labels the event, so the two cannot differ."""
    labels = {e.id: str(e.name) for e in machine.events}  # type: ignore[attr-defined]

    def make(
        event: str, basis: str, actors: Iterable[Role], *fields: Field
    ) -> EventSpec:
        return EventSpec(event, labels[event], basis, frozenset(actors), fields)

    return make


def lapse_at_end(
    case: Case, final: frozenset[str], dues: Iterable[Due], *, keep: str = ""
) -> tuple[Due, ...]:
    """``dues`` without the procedural terms an ending makes moot.

    A term set within the procedure (a reaction to findings, art. 9:35 lid 2;
    repairing the verzoekschrift, art. 9:28 lid 3) serves that procedure: once
    the case has ended (withdrawn, discontinued, closed, ...) it is no longer
    owed. One already missed before the ending stays, as the record of a missed
    term. ``keep`` names a due that an ending does not touch.
    """
    if case.state not in final:
        return tuple(dues)
    ended = case.history[-1].day
    return tuple(
        d for d in dues if d.key == keep or d.met_on is not None or d.due < ended
    )
