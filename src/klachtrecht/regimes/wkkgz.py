"""Wkkgz regime: complaint handling in healthcare, from onvrede to geschil.

Official name: Wet kwaliteit, klachten en geschillen zorg (Wkkgz), BWBR0037173,
hoofdstuk 3 (art. 13-22).

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01
https://www.degeschillencommissiezorg.nl/vragen/termijn-klacht-indienen/
Seeds: Klachtenreglement KPZ Wkkgz, spelregels 1-8 (kpz-klachtenprocedure.txt).

Flow: onvrede raised (informally) by a cliënt, nabestaande, vertegenwoordiger
or wrongly refused vertegenwoordiger (art. 14, ``capacity``) -> written
complaint received (the art. 17 clock starts; the klager is kept informed,
art. 16 lid 3) -> optional extension by the provider (art. 17 lid 2, once, at
most four weeks, written notice before expiry, also after an agreement) and a
further term agreed with the klager (KPZ spelregel 6; not in the Wkkgz itself,
UNCONFIRMED as law; a separate deadline)
-> the klager receives the reasoned oordeel -> satisfied: closed; not satisfied:
geschil (art. 21 lid 1 sub b). A geschil is also open after a breach of art.
13-17 such as a missed deadline (sub a), and directly (sub c); the wrongly
refused vertegenwoordiger only on sub b (lid 2), a stichting or vereniging on an
interest its statutes protect (lid 3): :mod:`._wkkgz_art21`. The art. 17
oordeel stays owed while the geschil is pending (``oordeel_after_geschil``).
The instantie rules by
bindend advies (art. 20) within six months (art. 22 lid 1; no Atw, Atw art. 4).
A klachtenfunctionaris (art. 15) may be engaged at any point before closure and
leaves when the complaint procedure ends.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._definition import Definition, EventSpec, Field
from klachtrecht._fast import day_of, evolver
from klachtrecht._validators import int_between, is_bool, one_of
from klachtrecht.deadlines import (
    AtwCalendar,
    Deadline,
)
from klachtrecht.regimes._kpz_agreed_term import (
    agree_event,
    agreed_due,
    agreement_problem,
)
from klachtrecht.regimes._kpz_functionaris import guard_same_functionaris
from klachtrecht.regimes._wkkgz_art16 import ART_16_3, progress_event
from klachtrecht.regimes._wkkgz_art17 import (
    ART_17_1,
    OORDEEL_FIELDS,
    art17_deadline,
    art17_dues,
    art17_extension_guard,
    extension_event,
    reduce_extension,
)
from klachtrecht.regimes._wkkgz_art21 import (
    ART_21,
    CAPACITY_FIELD,
    geschil_capacity_problem,
    ground_fields,
    guard_complaint_capacity,
    klager_capacity,
)
from klachtrecht.regimes._wkkgz_geschil import (
    AFTER_GESCHIL,
    archive_problem,
    geschil_window,
    lapsed_at_geschil,
    negative_damages,
    oordeel_once,
    reduce_ruling,
    ruling_events,
    uitspraak_due,
)

__all__ = ["DEFINITION", "WkkgzFacts", "WkkgzMachine", "WkkgzSettings"]

WITHDRAWAL = (
    "not regulated in the Wkkgz (klachtenregeling or reglement of the instantie)"
)
REGLEMENT = "reglement of the geschilleninstantie"


# -- machine -------------------------------------------------------------------


class WkkgzMachine(StateMachine):
    """States and transitions of the Wkkgz complaint procedure (art. 13-22)."""

    raised = State("Onvrede gemeld", initial=True)
    submitted = State("Klacht in behandeling")
    judged = State("Oordeel ontvangen")
    dispute = State("Geschil aanhangig")
    closed = State("Afgesloten", final=True)
    ruled = State("Bindend advies uitgebracht", final=True)
    inadmissible = State("Geschil niet-ontvankelijk", final=True)
    withdrawn = State("Ingetrokken", final=True)

    engage_functionaris = Event(
        raised.to(raised) | submitted.to(submitted) | judged.to(judged),
        name="Klachtenfunctionaris inschakelen",
    )
    submit_written = Event(raised.to(submitted), name="Klacht schriftelijk ingediend")
    extend = Event(submitted.to(submitted), name="Termijn verlengd")
    agree_extension = Event(
        submitted.to(submitted), name="Verdere verlenging afgesproken"
    )
    inform_progress = Event(
        submitted.to(submitted), name="Klager geïnformeerd over voortgang"
    )
    deliver_oordeel = Event(
        submitted.to(judged) | dispute.to(dispute),
        name="Schriftelijk oordeel ontvangen",
    )
    accept = Event(judged.to(closed), name="Klager tevreden")
    resolve = Event(raised.to(closed) | submitted.to(closed), name="Onvrede opgelost")
    archive = Event(judged.to(closed), name="Afgesloten na termijn geschil")
    submit_geschil = Event(
        raised.to(dispute) | submitted.to(dispute) | judged.to(dispute),
        name="Geschil voorgelegd",
    )
    rule = Event(dispute.to(ruled), name="Bindend advies uitgebracht")
    declare_inadmissible = Event(
        dispute.to(inadmissible), name="Geschil niet-ontvankelijk verklaard"
    )
    withdraw = Event(
        raised.to(withdrawn)
        | submitted.to(withdrawn)
        | judged.to(withdrawn)
        | dispute.to(withdrawn),
        name="Klacht ingetrokken",
    )


# -- settings ------------------------------------------------------------------


@attrs.frozen
class WkkgzSettings:
    """Choices that are not settled by the Wkkgz text itself (law.md §1).

    - ``geschil_window_months`` (default 12) and ``geschil_window_from``
      (``"complaint"``, default: counted from the written complaint, as De
      Geschillencommissie Zorg does; ``"oordeel"``: from the day the klager
      received the oordeel, as Commissie Ziekenhuizen and the Geschillencommissie
      Paramedici do): the instantie's reglement, not the law; no Atw.
    - ``atw_for_art17`` (default True): whether the Atw extends the art. 17
      terms. It follows from the Atw's text, but is UNCONFIRMED in practice;
      False gives the stricter plain six (or 6 + N) weeks.
    - ``allow_agreed_extension`` (default True): whether a further extension
      agreed with the klager can be recorded (KPZ spelregel 6; not in the
      Wkkgz, UNCONFIRMED as law). It never replaces the statutory due date.
    - ``oordeel_after_geschil`` (default ``"owed"``): the art. 17 oordeel
      stays owed while a geschil (ground a or c) is pending, as art. 21 does
      not end it; ``"lapses"``: no longer owed from the geschil. UNCONFIRMED.
    """

    geschil_window_months: int = attrs.field(default=12, validator=int_between(1, 120))
    geschil_window_from: str = attrs.field(
        default="complaint", validator=one_of("complaint", "oordeel")
    )
    atw_for_art17: bool = attrs.field(default=True, validator=is_bool)
    allow_agreed_extension: bool = attrs.field(default=True, validator=is_bool)
    oordeel_after_geschil: str = attrs.field(
        default="owed", validator=one_of(*AFTER_GESCHIL)
    )


# -- facts ---------------------------------------------------------------------


@attrs.frozen(slots=False)  # evolved by a dict copy (klachtrecht._fast)
class WkkgzFacts:
    """What the Wkkgz needs to know of a case, derived from its history."""

    opened_on: date
    capacity: str = ""
    written_on: date | None = None
    functionaris_from: date | None = None
    functionaris_until: date | None = None
    extension_days: int = 0
    extension_notice_on: date | None = None
    agreed_until: date | None = None
    oordeel_on: date | None = None
    geschil_on: date | None = None
    geschil_ground: str | None = None
    damages_claimed: Decimal | None = None
    ruling_on: date | None = None
    outcome: str | None = None
    closed_on: date | None = None


_evolve = evolver(WkkgzFacts)
_PROCEDURE_OPEN = frozenset({"raised", "submitted", "judged"})


def initial_facts(settings: WkkgzSettings) -> WkkgzFacts:
    """Facts before the opening event is applied."""
    return WkkgzFacts(opened_on=date.min)


def reduce(case: Case, record: EventRecord) -> WkkgzFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: WkkgzFacts = case.facts
    day = day_of(record)
    data = record.data
    event = record.event
    if event == "open":
        capacity = klager_capacity(data["klager"], data.get("capacity"))
        facts = WkkgzFacts(opened_on=day, capacity=capacity)
    elif event == "engage_functionaris":
        facts = _evolve(facts, functionaris_from=day)
    elif event == "submit_written":
        facts = _evolve(facts, written_on=day)
    elif event == "extend":
        facts = reduce_extension(facts, record)
    elif event == "agree_extension":
        facts = _evolve(facts, agreed_until=data["until"])
    elif event == "deliver_oordeel":
        facts = _evolve(facts, oordeel_on=day)
    elif event == "submit_geschil":
        facts = _evolve(
            facts,
            geschil_on=day,
            geschil_ground=data["ground"],
            damages_claimed=data.get("damages_claimed"),
        )
    elif event in ("rule", "declare_inadmissible"):
        facts = reduce_ruling(facts, record)
    if case.state not in _PROCEDURE_OPEN:
        if facts.functionaris_from is not None and facts.functionaris_until is None:
            facts = _evolve(facts, functionaris_until=day)
        if (
            facts.closed_on is None and case.state in ("closed", "withdrawn")
        ) or case.state in ("ruled", "inadmissible"):
            facts = _evolve(facts, closed_on=day)
    return facts


# -- deadlines -----------------------------------------------------------------


def _oordeel_deadline(case: Case, cal: AtwCalendar) -> Deadline:
    """The statutory due date of the oordeel (art. 17 lid 1 and 2)."""
    facts: WkkgzFacts = case.facts
    assert facts.written_on is not None
    return art17_deadline(
        facts.written_on,
        facts.extension_days,
        atw=case.settings.atw_for_art17,
        cal=cal,
    )


def _geschil_window(case: Case, cal: AtwCalendar) -> Deadline | None:
    facts: WkkgzFacts = case.facts
    start = (
        facts.oordeel_on
        if case.settings.geschil_window_from == "oordeel"
        else facts.written_on or facts.opened_on
    )
    return geschil_window(start, case.settings.geschil_window_months, REGLEMENT, cal)


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a Wkkgz case with their derived deadlines.

    An agreed further extension adds ``oordeel_agreed``; the statutory
    ``oordeel`` due date stays, since the Wkkgz does not provide for agreements.
    """
    facts: WkkgzFacts = case.facts
    found: list[Due] = []
    if facts.written_on is not None:
        found += art17_dues(
            facts.written_on,
            facts.extension_days,
            facts.extension_notice_on,
            facts.oordeel_on,
            label="Schriftelijk oordeel ontvangen door klager",
            atw=case.settings.atw_for_art17,
            cal=cal,
        )
        if facts.agreed_until is not None:
            found.insert(
                1,
                agreed_due(facts.written_on, facts.agreed_until, facts.oordeel_on, cal),
            )
    found = lapsed_at_geschil(
        found,
        facts.geschil_on,
        ended_on=facts.closed_on,
        art17_owed=case.settings.oordeel_after_geschil == "owed",
    )
    window = _geschil_window(case, cal)
    if window is not None and (
        case.state in ("submitted", "judged") or facts.geschil_on is not None
    ):
        found.append(
            Due(
                "geschil_window",
                "Geschil voorleggen aan de geschilleninstantie",
                REGLEMENT,
                window,
                facts.geschil_on,
            )
        )
    if facts.geschil_on is not None and case.state != "withdrawn":
        found.append(
            uitspraak_due(
                facts.geschil_on,
                facts.ruling_on,
                label="Uitspraak geschilleninstantie",
                cal=cal,
            )
        )
    return tuple(found)


# -- guards --------------------------------------------------------------------


#: Art. 17 lid 2 stands on its own: an agreed term (KPZ spelregel 6) never
#: takes the statutory extension away.
_guard_extend = art17_extension_guard("written_on")


def _guard_agree(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return agreement_problem(case, record, _oordeel_deadline(case, cal).due)


def _guard_archive(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return archive_problem(
        _geschil_window(case, cal),
        record.day,
        who="klager",
        unless="the klager is satisfied",
    )


def _guard_geschil(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return negative_damages(
        record.data.get("damages_claimed"), "claimed"
    ) or geschil_capacity_problem(
        case.facts.capacity,
        record.data,
        judged=case.state == "judged",
        breach=lambda: _visible_breach(case, record.day, cal),
    )


def _visible_breach(case: Case, day: date, cal: AtwCalendar) -> bool:
    """Whether the statutory art. 17 term was missed, as seen on ``day``."""
    facts: WkkgzFacts = case.facts
    if facts.written_on is None:
        return False
    due = _oordeel_deadline(case, cal).due
    oordeel = facts.oordeel_on
    return (oordeel is None and day > due) or (oordeel is not None and oordeel > due)


def _guard_rule(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return negative_damages(record.data.get("damages_awarded"), "awarded")


# -- definition ----------------------------------------------------------------


_K, _P = Role.KLAGER, Role.PROVIDER
_TEXT = (str,)

OPEN_EVENT = EventSpec(
    "open",
    "Onvrede gemeld",
    "Wkkgz art. 13 lid 1; Klachtenreglement KPZ Wkkgz, spelregel 1",
    frozenset({_K, _P, Role.KLACHTENFUNCTIONARIS}),
    (
        Field("klager", (Party,), role=_K, doc="the klager (art. 14 lid 1)"),
        CAPACITY_FIELD,
        Field("provider", (Party,), role=_P, doc="the zorgaanbieder"),
        Field("settings", (WkkgzSettings,), doc="reglement terms"),
        Field(
            "summary",
            _TEXT,
            required=False,
            personal=True,
            doc="what the onvrede is about",
        ),
    ),
)

EVENTS = (
    EventSpec(
        "engage_functionaris",
        "Klachtenfunctionaris inschakelen",
        "Wkkgz art. 15 ('geschikt te achten personen'); KPZ spelregel 2",
        frozenset({_K, _P}),
        (
            Field(
                "functionaris",
                (Party,),
                role=Role.KLACHTENFUNCTIONARIS,
                doc="the independent klachtenfunctionaris",
            ),
        ),
    ),
    EventSpec(
        "submit_written",
        "Klacht schriftelijk ingediend",
        "Wkkgz art. 14 lid 1, art. 17 lid 1; KPZ spelregel 3",
        frozenset({_K}),
        (Field("complaint", _TEXT, personal=True, doc="the written complaint"),),
    ),
    extension_event(),
    agree_event(),
    progress_event(),
    EventSpec(
        "deliver_oordeel",
        "Schriftelijk oordeel ontvangen",
        ART_17_1,
        frozenset({_P}),
        OORDEEL_FIELDS,
    ),
    EventSpec("accept", "Klager tevreden", ART_21 + " (a contrario)", frozenset({_K})),
    EventSpec(
        "resolve",
        "Onvrede opgelost",
        "Wkkgz art. 16 lid 2; KPZ spelregel 1",
        frozenset({_K}),
    ),
    EventSpec(
        "archive",
        "Afgesloten na termijn geschil",
        "reglement of the geschilleninstantie (window passed)",
        frozenset({_P, Role.KLACHTENFUNCTIONARIS}),
    ),
    EventSpec(
        "submit_geschil",
        "Geschil voorgelegd",
        f"{ART_21}-3",
        frozenset({_K}),
        (
            *ground_fields(required=True),
            Field("damages_claimed", (Decimal,), required=False, doc="euros (art. 20)"),
        ),
    ),
    *ruling_events(
        rule="Wkkgz art. 20, art. 22",
        inadmissible=REGLEMENT,
    ),
    EventSpec("withdraw", "Klacht ingetrokken", WITHDRAWAL, frozenset({_K})),
)

DEFINITION = Definition(
    name="wkkgz",
    title="Wet kwaliteit, klachten en geschillen zorg (BWBR0037173)",
    machine=WkkgzMachine,
    state_basis={
        "raised": "KPZ spelregel 1 (informal onvrede); Wkkgz art. 13 lid 1",
        "submitted": f"Wkkgz art. 14, 16 (progress: {ART_16_3}), 17 lid 1",
        "judged": ART_17_1,
        "dispute": ART_21,
        "closed": "Wkkgz art. 16 lid 2, art. 17",
        "ruled": "Wkkgz art. 20, art. 22",
        "inadmissible": REGLEMENT,
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=WkkgzSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        "open": guard_complaint_capacity,
        "engage_functionaris": guard_same_functionaris,
        "extend": _guard_extend,
        "agree_extension": _guard_agree,
        "deliver_oordeel": oordeel_once("oordeel_on"),
        "archive": _guard_archive,
        "submit_geschil": _guard_geschil,
        "rule": _guard_rule,
    },
)
