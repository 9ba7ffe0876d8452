"""Awb titel 9.2 regime: a verzoekschrift to the ombudsman about a bestuursorgaan.

Official name: Algemene wet bestuursrecht (Awb), BWBR0005537, titel 9.2
(art. 9:17-9:36a), klachtbehandeling door een ombudsman.

More information:
https://wetten.overheid.nl/BWBR0005537/2026-01-01
https://www.nationaleombudsman.nl/
Encoding checklist: shared/domain/law-wvggz-wzd-awb.md §3 and §6.4.

Flow: anyone may ask the ombudsman in writing to investigate how an orgaan
behaved (9:18 lid 1), after first complaining to the orgaan unless that cannot
reasonably be asked (9:20; failing it is only the discretionary ground 9:23 h).
The ombudsman lets a defective verzoekschrift be repaired (9:28 lid 3), forwards
one it is not competent for (9:18 lid 2, 9:19), must not investigate on a ground
of 9:22 and may decline on a ground of 9:23 or after the year of 9:24 (a term in
years: no Atw, art. 4), in a reasoned written notice (9:25). An investigation
hears the orgaan, the beklaagde and the verzoeker (9:30), shares the findings
with a term to react (9:35) and ends in a rapport: behoorlijk or not, the
requirement violated, optionally a recommendation (9:27, 9:36), to which the
orgaan responds (9:36 lid 4). No statutory term binds the ombudsman itself.

:func:`open_from_awb` opens the ombudsman step from an ``awb`` case, so a portal
follows one complaint through both titles.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._errors import ArgumentTypeError, GuardError
from klachtrecht._regime import Definition, EventSpec, Field
from klachtrecht._validators import is_bool, one_of
from klachtrecht.deadlines import AtwCalendar, Deadline, receipt_date
from klachtrecht.regimes._awb import (
    ART_9_24_1,
    ART_9_24_2,
    BESTUURSORGAAN,
    OMBUDSMAN,
    OMBUDSMAN_KINDS,
    one_year_after,
    set_term,
)

__all__ = [
    "DEFINITION",
    "OmbudsmanFacts",
    "OmbudsmanMachine",
    "OmbudsmanSettings",
    "open_from_awb",
    "verzoek_window",
]

WITHDRAWAL = "not regulated in Awb titel 9.2 (practice)"
_ACTIVE = frozenset({"received", "repair", "investigation", "findings", "reported"})
_GROUNDS_23 = tuple(f"23{c}" for c in "abcdefghijklm")


# -- machine -------------------------------------------------------------------


class OmbudsmanMachine(StateMachine):
    """States and transitions of Awb titel 9.2 (art. 9:17-9:36)."""

    received = State("Verzoekschrift ontvangen", initial=True)
    repair = State("Herstel verzuim")
    investigation = State("Onderzoek")
    findings = State("Bevindingen meegedeeld")
    reported = State("Rapport uitgebracht")
    closed = State("Afgerond", final=True)
    forwarded = State("Doorgezonden", final=True)
    incompetent = State("Onbevoegd", final=True)
    declined = State("Geen onderzoek ingesteld", final=True)
    discontinued = State("Onderzoek niet voortgezet", final=True)
    withdrawn = State("Ingetrokken", final=True)

    request_repair = Event(received.to(repair), name="Herstel verzuim gevraagd")
    repair_done = Event(repair.to(received), name="Verzuim hersteld")
    forward = Event(received.to(forwarded), name="Verzoekschrift doorgezonden")
    start_investigation = Event(received.to(investigation), name="Onderzoek ingesteld")
    hear_parties = Event(investigation.to(investigation), name="Standpunt toegelicht")
    share_findings = Event(investigation.to(findings), name="Bevindingen meegedeeld")
    react = Event(findings.to(findings), name="Reactie op bevindingen")
    report = Event(findings.to(reported), name="Rapport uitgebracht")
    respond = Event(reported.to(closed), name="Reactie op aanbeveling")
    close_file = Event(reported.to(closed), name="Dossier gesloten")
    declare_incompetent = Event(
        received.to(incompetent)
        | repair.to(incompetent)
        | investigation.to(incompetent)
        | findings.to(incompetent),
        name="Onbevoegd verklaard",
    )
    decline = Event(
        received.to(declined) | repair.to(declined), name="Geen onderzoek ingesteld"
    )
    discontinue = Event(
        investigation.to(discontinued) | findings.to(discontinued),
        name="Onderzoek niet voortgezet",
    )
    withdraw = Event(
        received.to(withdrawn)
        | repair.to(withdrawn)
        | investigation.to(withdrawn)
        | findings.to(withdrawn),
        name="Verzoek ingetrokken",
    )


# -- settings ------------------------------------------------------------------


@attrs.frozen
class OmbudsmanSettings:
    """Choices of the ombudsman that the Awb leaves open (§6.4).

    - ``ombudsman`` (default ``"national"``): de Nationale ombudsman or a
      decentral ombudsman or ombudscommissie (art. 9:17 sub a/b).
    - ``enforce_art_9_20`` (default False): refuse to start an investigation
      while the verzoeker has not first complained to the orgaan (art. 9:20 lid
      1). The Awb makes that only a discretionary ground (9:23 sub h); True
      follows an ombudsman that always sends such a verzoek back first.
    """

    ombudsman: str = attrs.field(default="national", validator=one_of(*OMBUDSMAN_KINDS))
    enforce_art_9_20: bool = attrs.field(default=False, validator=is_bool)


# -- facts ---------------------------------------------------------------------


@attrs.frozen
class OmbudsmanFacts:
    """What titel 9.2 needs to know of a case, derived from its history.

    ``filed_on`` is the day the verzoekschrift was received; ``klacht_ended_on``
    the end of the klachtbehandeling by the orgaan (9:24 lid 1 sub a or b);
    ``awb_case_id`` links the case to the ``awb`` case it follows.
    """

    filed_on: date
    awb_case_id: str | None = None
    complaint_filed_on: date | None = None
    klacht_ended_on: date | None = None
    exemption: str | None = None
    conduct_on: date | None = None
    parallel_ended_on: date | None = None
    on_behalf_of_other: bool = False
    requisites_met: bool = True
    repair_from: date | None = None
    repair_until: date | None = None
    repaired_on: date | None = None
    investigation_on: date | None = None
    heard: tuple[str, ...] = ()
    findings_on: date | None = None
    reaction_until: date | None = None
    reacted: tuple[str, ...] = ()
    reacted_on: date | None = None
    reported_on: date | None = None
    judgment: str | None = None
    recommendation: bool = False
    responded_on: date | None = None
    ground: str | None = None
    ended_on: date | None = None

    @property
    def prerequisite_met(self) -> bool:
        """Art. 9:20: a klacht was first filed at the orgaan, or need not be."""
        return self.complaint_filed_on is not None or self.exemption is not None


def initial_facts(settings: OmbudsmanSettings) -> OmbudsmanFacts:
    """Facts before the opening event is applied."""
    return OmbudsmanFacts(filed_on=date.min)


_OPEN_FACTS = (
    "awb_case_id",
    "complaint_filed_on",
    "klacht_ended_on",
    "exemption",
    "conduct_on",
    "parallel_ended_on",
)


def reduce(case: Case, record: EventRecord) -> OmbudsmanFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: OmbudsmanFacts = case.facts
    day, data, event = record.day, record.data, record.event
    changes: dict[str, Any] = {}
    if event == "open":
        return OmbudsmanFacts(
            filed_on=day,
            on_behalf_of_other=bool(data.get("on_behalf_of_other")),
            requisites_met=data["requisites_met"],
            **{name: data.get(name) for name in _OPEN_FACTS},
        )
    if event == "request_repair":
        changes = {"repair_from": day, "repair_until": data["until"]}
    elif event == "repair_done":
        changes = {"repaired_on": day, "requisites_met": True}
    elif event == "start_investigation":
        changes = {"investigation_on": day}
    elif event == "hear_parties":
        changes = {"heard": (*facts.heard, data["side"])}
    elif event == "share_findings":
        changes = {"findings_on": day, "reaction_until": data["reaction_until"]}
    elif event == "react":
        changes = {"reacted": (*facts.reacted, data["side"]), "reacted_on": day}
    elif event == "report":
        changes = {
            "reported_on": day,
            "judgment": data["judgment"],
            "recommendation": "recommendation" in data,
        }
    elif event == "respond":
        changes = {"responded_on": day}
    elif "ground" in data:
        changes = {"ground": data["ground"]}
    if case.state not in _ACTIVE:
        changes["ended_on"] = day
    return attrs.evolve(facts, **changes) if changes else facts


# -- deadlines -----------------------------------------------------------------


def verzoek_window(facts: OmbudsmanFacts, cal: AtwCalendar) -> Deadline | None:
    """The year of art. 9:24 within which the ombudsman must take the verzoek,
    or None when its start is not known.

    Lid 1: from the kennisgeving of the orgaan (sub a) or the other or statutory
    end of the klachtbehandeling (sub b). Lid 2, when complaining first could not
    reasonably be asked: from the conduct, or from the end of a procedure
    started against it within that year. A term in years: no Atw (art. 4 sub a).
    """
    if facts.exemption == "unreasonable":
        start = facts.parallel_ended_on or facts.conduct_on
        source = ART_9_24_2
    else:
        start, source = facts.klacht_ended_on, ART_9_24_1
    if start is None:
        return None
    return one_year_after(start, source=source, cal=cal)


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The terms of an ombudsman case: the 9:24 year (met by filing, or late)
    and the terms the ombudsman sets (no Atw: not "in een wet gesteld")."""
    facts: OmbudsmanFacts = case.facts
    found: list[Due] = []
    window = verzoek_window(facts, cal)
    if window is not None:
        label = "Verzoekschrift binnen een jaar"
        source = window.term.source
        found.append(Due("verzoek_window", label, source, window, facts.filed_on))
    if facts.repair_from is not None and facts.repair_until is not None:
        source = "Awb art. 9:28 lid 3 (term set by the ombudsman)"
        term = set_term(facts.repair_from, facts.repair_until, source=source, cal=cal)
        label = "Verzuim herstellen"
        found.append(Due("repair", label, source, term, facts.repaired_on))
    if facts.findings_on is not None and facts.reaction_until is not None:
        source = "Awb art. 9:35 lid 2 (term set by the ombudsman)"
        term = set_term(facts.findings_on, facts.reaction_until, source=source, cal=cal)
        label = "Reactie op bevindingen"
        found.append(Due("findings_reaction", label, source, term, facts.reacted_on))
    return tuple(found)


# -- guards --------------------------------------------------------------------


def _guard_open(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    data = record.data
    for name in ("complaint_filed_on", *_OPEN_FACTS[2:]):
        if (
            name != "exemption"
            and data.get(name) is not None
            and data[name] > record.day
        ):
            return f"{name!r} lies after the verzoekschrift was received"
    filed, ended = data.get("complaint_filed_on"), data.get("klacht_ended_on")
    if ended is not None and (filed is None or ended < filed):
        return (
            "'klacht_ended_on' needs an earlier 'complaint_filed_on' (art. 9:24 lid 1)"
        )
    if data.get("exemption") == "unreasonable" and data.get("conduct_on") is None:
        return "art. 9:24 lid 2 counts from the conduct: give 'conduct_on'"
    return None


def _after(record: EventRecord, name: str) -> str | None:
    if record.data[name] <= record.day:
        return f"{name!r} must lie after the day the term is set"
    return None


def _guard_repair(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.requisites_met:
        return "art. 9:28 lid 3: the verzoekschrift meets the requirements of 9:28"
    return _after(record, "until")


def _guard_start(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.settings.enforce_art_9_20 and not case.facts.prerequisite_met:
        return (
            "art. 9:20 lid 1: the verzoeker first complains to the orgaan "
            "(setting enforce_art_9_20)"
        )
    return None


def _guard_findings(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    missing = {"orgaan", "verzoeker"} - set(case.facts.heard)
    if missing:
        return (
            "art. 9:30 lid 1: first give the orgaan, the beklaagde and the "
            "verzoeker the opportunity to explain (" + ", ".join(sorted(missing)) + ")"
        )
    return _after(record, "reaction_until")


def _guard_report(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: OmbudsmanFacts = case.facts
    assert facts.reaction_until is not None
    reacted = {"orgaan", "verzoeker"} <= set(facts.reacted)
    if record.day <= facts.reaction_until and not reacted:
        return (
            "art. 9:35 lid 2: the term to react on the findings runs until "
            f"{facts.reaction_until.isoformat()}"
        )
    if record.data["judgment"] != "proper" and not record.data.get("violated"):
        return "art. 9:36 lid 2: name the requirement of behoorlijkheid violated"
    return None


def _guard_respond(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if not case.facts.recommendation:
        return "art. 9:36 lid 4: the rapport made no recommendation"
    if not record.data["follows"] and not record.data.get("reasons"):
        return "art. 9:36 lid 4: not following a recommendation needs reasons"
    return None


def _notice_problem(case: Case, record: EventRecord) -> str | None:
    if case.state in ("investigation", "findings") and not record.data.get(
        "notified_orgaan"
    ):
        return "art. 9:25 lid 2: the notice also goes to the orgaan and the beklaagde"
    return None


def _guard_ground(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: OmbudsmanFacts = case.facts
    ground = record.data["ground"]
    if ground == "23a" and (
        facts.repair_until is None
        or facts.requisites_met
        or record.day <= facts.repair_until
    ):
        return "art. 9:23 sub a: only after the term to repair (9:28 lid 3) passed"
    if ground == "23d" and not facts.on_behalf_of_other:
        return "art. 9:23 sub d: the conduct was towards the verzoeker"
    if ground == "23h" and facts.prerequisite_met:
        return "art. 9:23 sub h: the requirement of art. 9:20 lid 1 is met"
    if ground == "24":
        window = verzoek_window(facts, cal)
        if window is None:
            return "art. 9:24: the start of the year is not known"
        if facts.filed_on <= window.due:
            return f"art. 9:24: the verzoek was filed within the year ({window.due})"
    return _notice_problem(case, record)


def _guard_incompetent(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return _notice_problem(case, record)


# -- definition ----------------------------------------------------------------

_V, _O, _M = Role.KLAGER, BESTUURSORGAAN, OMBUDSMAN
_TEXT = (str,)
_DATE = (date,)


def _text(name: str, doc: str, *, required: bool = True) -> Field:
    return Field(name, _TEXT, required=required, personal=True, doc=doc)


_NOTIFIED = Field(
    "notified_orgaan", (bool,), required=False, doc="9:25 lid 2, when discontinuing"
)
_DISCRETIONARY = (
    Field("ground", _TEXT, choices=(*_GROUNDS_23, "24"), doc="9:23 sub a-m or 9:24"),
    _text("reasons", "the reasoned notice (9:25 lid 1)"),
    _NOTIFIED,
)

OPEN_EVENT = EventSpec(
    "open",
    "Verzoekschrift ontvangen",
    "Awb art. 9:18 lid 1, 9:20, 9:28 lid 1",
    frozenset({_V}),
    (
        Field("verzoeker", (Party,), role=_V, doc="anyone (9:18 lid 1)"),
        Field("bestuursorgaan", (Party,), role=_O, doc="the orgaan concerned"),
        Field("settings", (OmbudsmanSettings,), doc="choices of the ombudsman"),
        Field("requisites_met", (bool,), doc="signed, with the items of 9:28 lid 1"),
        Field("complaint_filed_on", _DATE, required=False, doc="klacht (9:20 lid 1)"),
        Field("klacht_ended_on", _DATE, required=False, doc="9:24 lid 1 sub a/b"),
        Field(
            "exemption",
            _TEXT,
            required=False,
            choices=("unreasonable", "about_klachtbehandeling"),
            doc="9:20 lid 1 (tenzij) or lid 2",
        ),
        Field("conduct_on", _DATE, required=False, doc="the conduct (9:24 lid 2)"),
        Field("parallel_ended_on", _DATE, required=False, doc="9:24 lid 2, 2nd zin"),
        Field("on_behalf_of_other", (bool,), required=False, doc="9:23 sub d"),
        Field("awb_case_id", _TEXT, required=False, doc="the awb case it follows"),
        _text("summary", "what the verzoek is about", required=False),
    ),
)

EVENTS = (
    EventSpec(
        "request_repair",
        "Herstel verzuim gevraagd",
        "Awb art. 9:28 lid 3",
        frozenset({_M}),
        (Field("until", _DATE, doc="term set by the ombudsman (no Atw)"),),
    ),
    EventSpec(
        "repair_done", "Verzuim hersteld", "Awb art. 9:28 lid 3", frozenset({_V})
    ),
    EventSpec(
        "forward",
        "Verzoekschrift doorgezonden",
        "Awb art. 9:18 lid 2; art. 9:19 lid 1",
        frozenset({_M}),
        (
            Field(
                "to",
                _TEXT,
                choices=("competent_ombudsman", "objection_body"),
                doc="bevoegde ombudsman (9:18 lid 2) or bezwaar/beroep/beklag (9:19)",
            ),
        ),
    ),
    EventSpec(
        "start_investigation",
        "Onderzoek ingesteld",
        "Awb art. 9:18 lid 3; art. 9:20",
        frozenset({_M}),
    ),
    EventSpec(
        "hear_parties",
        "Standpunt toegelicht",
        "Awb art. 9:30",
        frozenset({_M}),
        (
            Field("side", _TEXT, choices=("orgaan", "beklaagde", "verzoeker")),
            Field("form", _TEXT, choices=("written", "oral"), doc="9:30 lid 2"),
        ),
    ),
    EventSpec(
        "share_findings",
        "Bevindingen meegedeeld",
        "Awb art. 9:35",
        frozenset({_M}),
        (
            _text("findings", "the findings, in writing (lid 1)"),
            Field("reaction_until", _DATE, doc="term to react (lid 2, no Atw)"),
        ),
    ),
    EventSpec(
        "react",
        "Reactie op bevindingen",
        "Awb art. 9:35 lid 2",
        frozenset({_V, _O}),
        (
            Field("side", _TEXT, choices=("orgaan", "beklaagde", "verzoeker")),
            _text("reaction", "the reaction", required=False),
        ),
    ),
    EventSpec(
        "report",
        "Rapport uitgebracht",
        "Awb art. 9:27, 9:36 lid 1-3",
        frozenset({_M}),
        (
            Field(
                "judgment",
                _TEXT,
                choices=("proper", "improper", "partly_improper"),
                doc="behoorlijk or not (9:27 lid 1)",
            ),
            _text("findings", "bevindingen en oordeel (9:36 lid 1)"),
            Field("violated", _TEXT, required=False, doc="vereiste (9:36 lid 2)"),
            _text("recommendation", "aanbeveling (9:27 lid 3)", required=False),
        ),
    ),
    EventSpec(
        "respond",
        "Reactie op aanbeveling",
        "Awb art. 9:36 lid 4",
        frozenset({_O}),
        (
            Field("follows", (bool,), doc="whether the orgaan follows it"),
            _text("reasons", "how, or why not", required=False),
        ),
    ),
    EventSpec(
        "close_file",
        "Dossier gesloten",
        "Awb art. 9:36 (practice of the ombudsman)",
        frozenset({_M}),
    ),
    EventSpec(
        "declare_incompetent",
        "Onbevoegd verklaard",
        "Awb art. 9:22; art. 9:25",
        frozenset({_M}),
        (
            Field("ground", _TEXT, choices=tuple("abcdef"), doc="9:22 sub a-f"),
            _text("reasons", "the reasoned notice (9:25 lid 1)"),
            _NOTIFIED,
        ),
    ),
    EventSpec(
        "decline",
        "Geen onderzoek ingesteld",
        "Awb art. 9:23, 9:24; art. 9:25 lid 1",
        frozenset({_M}),
        _DISCRETIONARY,
    ),
    EventSpec(
        "discontinue",
        "Onderzoek niet voortgezet",
        "Awb art. 9:23, 9:24; art. 9:25 lid 2",
        frozenset({_M}),
        _DISCRETIONARY,
    ),
    EventSpec("withdraw", "Verzoek ingetrokken", WITHDRAWAL, frozenset({_V})),
)

DEFINITION = Definition(
    name="ombudsman",
    title="Algemene wet bestuursrecht, titel 9.2 (BWBR0005537)",
    machine=OmbudsmanMachine,
    state_basis={
        "received": "Awb art. 9:18 lid 1, 9:20, 9:28",
        "repair": "Awb art. 9:28 lid 3",
        "investigation": "Awb art. 9:18 lid 3, 9:29-9:34",
        "findings": "Awb art. 9:35",
        "reported": "Awb art. 9:27, 9:36 lid 1-3",
        "closed": "Awb art. 9:36 lid 4",
        "forwarded": "Awb art. 9:18 lid 2, 9:19 lid 1",
        "incompetent": "Awb art. 9:22, 9:25",
        "declined": "Awb art. 9:23, 9:24, 9:25 lid 1",
        "discontinued": "Awb art. 9:23, 9:24, 9:25 lid 2",
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=OmbudsmanSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        "open": _guard_open,
        "request_repair": _guard_repair,
        "start_investigation": _guard_start,
        "share_findings": _guard_findings,
        "report": _guard_report,
        "respond": _guard_respond,
        "declare_incompetent": _guard_incompetent,
        "decline": _guard_ground,
        "discontinue": _guard_ground,
    },
)


# -- route from titel 9.1 ------------------------------------------------------


def open_from_awb(
    awb_case: Case,
    case_id: str,
    *,
    at: datetime,
    requisites_met: bool = True,
    settings: OmbudsmanSettings | None = None,
) -> Case:
    """Open the ombudsman step (titel 9.2) after an ``awb`` case (titel 9.1).

    Reads only the awb case's public values: its klager and orgaan, when the
    klacht was filed (art. 9:20 lid 1) and how the klachtbehandeling ended (art.
    9:24 lid 1): the kennisgeving or another end of a final case (sub a, b), or,
    for a case still open, the statutory end of its 9:11 term once passed (sub
    b: "beëindigd had moeten zijn"). A case still within its term is refused.
    """
    from klachtrecht._registry import regime  # noqa: PLC0415 - no import cycle

    if not isinstance(awb_case, Case) or awb_case.regime != "awb":
        raise ArgumentTypeError("open_from_awb needs a case of the 'awb' regime")
    awb = regime("awb")
    facts = awb_case.facts
    ended = facts.ended_on
    if not awb.is_final(awb_case):
        due = {d.key: d.due for d in awb.deadlines(awb_case)}.get("afhandeling")
        day = receipt_date(at) if isinstance(at, datetime) and at.tzinfo else None
        if due is None or (day is not None and day <= due):
            raise GuardError(
                "the klachtbehandeling has not ended and no statutory term of art. "
                "9:11 has passed (art. 9:24 lid 1 sub b)",
                case_id=awb_case.case_id,
                state=awb_case.state,
                event="open_from_awb",
                source=ART_9_24_1,
            )
        ended = due
    verzoeker = awb_case.party(Role.KLAGER)
    orgaan = awb_case.party(BESTUURSORGAAN)
    return regime("ombudsman").open(
        case_id,
        at=at,
        by=Role.KLAGER,
        settings=settings,
        verzoeker=verzoeker,
        bestuursorgaan=orgaan,
        requisites_met=requisites_met,
        complaint_filed_on=facts.opened_on,
        klacht_ended_on=ended,
        conduct_on=facts.conduct_on,
        awb_case_id=awb_case.case_id,
    )
