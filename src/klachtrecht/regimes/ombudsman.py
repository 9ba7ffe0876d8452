"""Awb titel 9.2 regime: a verzoekschrift to the ombudsman about a bestuursorgaan.

Official name: Algemene wet bestuursrecht (Awb), BWBR0005537, titel 9.2
(art. 9:17-9:36a), klachtbehandeling door een ombudsman.

More information:
https://wetten.overheid.nl/BWBR0005537/2026-01-01
https://www.nationaleombudsman.nl/
Encoding checklist: shared/domain/law-wvggz-wzd-awb.md §3 and §6.4.

Flow: a written verzoek (9:18), after a klacht at the orgaan unless that cannot
reasonably be asked (9:20; else only ground 9:23 h); repair of defects (9:28 lid
3); forwarding (9:18 lid 2, 9:19); mandatory (9:22) and discretionary (9:23,
9:24: one year, no Atw) grounds not to investigate, in a reasoned notice (9:25);
the investigation hears all sides (9:30), shares its findings (9:35) and ends in
a rapport with an optional recommendation (9:27, 9:36). No statutory term binds
the ombudsman. :func:`klachtrecht.routes.open_from_awb` opens this step from an
``awb`` case. See docs/regimes/ombudsman.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._definition import Definition, EventSpec, Field
from klachtrecht._validators import is_bool, one_of
from klachtrecht.deadlines import AtwCalendar, Deadline
from klachtrecht.regimes._awb import (
    ART_9_24_1,
    ART_9_24_2,
    BESTUURSORGAAN,
    OMBUDSMAN,
    OMBUDSMAN_KINDS,
    code,
    day,
    flag,
    lapse_at_end,
    lid_2_start,
    one_year_after,
    set_term,
    spec_maker,
    text,
)

__all__ = [
    "DEFINITION",
    "OmbudsmanFacts",
    "OmbudsmanMachine",
    "OmbudsmanSettings",
    "verzoek_window",
]

WITHDRAWAL = "not regulated in Awb titel 9.2 (practice)"
_ACTIVE = frozenset({"received", "repair", "investigation", "findings", "reported"})
_GROUNDS_23 = tuple(f"23{c}" for c in "abcdefghijklm")
_EXEMPTIONS = ("unreasonable", "about_klachtbehandeling")
_FORWARD = ("competent_ombudsman", "objection_body")
_JUDGMENTS = ("proper", "improper", "partly_improper")


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
    parallel_started_on: date | None = None
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
        filed = self.complaint_filed_on
        return (filed is not None and filed <= self.filed_on) or bool(self.exemption)


def initial_facts(settings: OmbudsmanSettings) -> OmbudsmanFacts:
    """Facts before the opening event is applied."""
    return OmbudsmanFacts(filed_on=date.min)


_OPEN_FACTS = (
    "awb_case_id",
    "complaint_filed_on",
    "klacht_ended_on",
    "exemption",
    "conduct_on",
    "parallel_started_on",
    "parallel_ended_on",
)


def reduce(case: Case, record: EventRecord) -> OmbudsmanFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: OmbudsmanFacts = case.facts
    day, data, event = record.day, record.data, record.event
    changes: dict[str, Any] = {}
    if event == "open":
        opened: dict[str, Any] = {name: data.get(name) for name in _OPEN_FACTS}
        return OmbudsmanFacts(
            filed_on=day,
            on_behalf_of_other=bool(data.get("on_behalf_of_other")),
            requisites_met=data["requisites_met"],
            **opened,
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
    started against it within a year of the conduct (``parallel_started_on``;
    without that date the later start is not used). A term in years: no Atw
    (art. 4 sub a).
    """
    if facts.exemption == "unreasonable":
        began, ended = facts.parallel_started_on, facts.parallel_ended_on
        start, source = lid_2_start(facts.conduct_on, began, ended, cal), ART_9_24_2
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
    final = frozenset(s.id for s in OmbudsmanMachine.states if s.final)
    return lapse_at_end(case, final, found, keep="verzoek_window")


# -- guards --------------------------------------------------------------------


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


def _guard_react(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    side = record.data["side"]
    if (side == "orgaan") != (record.by is BESTUURSORGAAN) and side != "beklaagde":
        return "art. 9:35 lid 2: the orgaan and the verzoeker each react for themselves"
    return None


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
_spec = spec_maker(OmbudsmanMachine)
_SIDE = code("side", ("orgaan", "beklaagde", "verzoeker"), "9:30 lid 1, 9:35 lid 1")
_NOTIFIED = flag("notified_orgaan", "9:25 lid 2 (not continuing)", required=False)
_DISCRETIONARY = (
    code("ground", (*_GROUNDS_23, "24"), "9:23 sub a-m or 9:24"),
    text("reasons", "the reasoned notice (9:25 lid 1)"),
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
        flag("requisites_met", "signed, with the items of 9:28 lid 1"),
        day("complaint_filed_on", "klacht at the orgaan (9:20)", required=False),
        day("klacht_ended_on", "9:24 lid 1 sub a/b", required=False),
        code("exemption", _EXEMPTIONS, "9:20 lid 1 (tenzij), lid 2", required=False),
        day("conduct_on", "the conduct (9:24 lid 2)", required=False),
        day("parallel_started_on", "9:24 lid 2: procedure begun", required=False),
        day("parallel_ended_on", "9:24 lid 2: procedure ended", required=False),
        flag("on_behalf_of_other", "9:23 sub d", required=False),
        Field("awb_case_id", (str,), required=False, doc="the awb case it follows"),
        text("summary", "what the verzoek is about", required=False),
    ),
)

_BASIS = {
    "request_repair": ("Awb art. 9:28 lid 3", {_M}),
    "repair_done": ("Awb art. 9:28 lid 3", {_V}),
    "forward": ("Awb art. 9:18 lid 2; art. 9:19 lid 1", {_M}),
    "start_investigation": ("Awb art. 9:18 lid 3; art. 9:20", {_M}),
    "hear_parties": ("Awb art. 9:30", {_M}),
    "share_findings": ("Awb art. 9:35", {_M}),
    "react": ("Awb art. 9:35 lid 2", {_V, _O}),
    "report": ("Awb art. 9:27, 9:36 lid 1-3", {_M}),
    "respond": ("Awb art. 9:36 lid 4", {_O}),
    "close_file": ("Awb art. 9:36 (practice of the ombudsman)", {_M}),
    "declare_incompetent": ("Awb art. 9:22; art. 9:25", {_M}),
    "decline": ("Awb art. 9:23, 9:24; art. 9:25 lid 1", {_M}),
    "discontinue": ("Awb art. 9:23, 9:24; art. 9:25 lid 2", {_M}),
    "withdraw": (WITHDRAWAL, {_V}),
}
_FIELDS: dict[str, tuple[Field, ...]] = {
    "request_repair": (day("until", "term set by the ombudsman (no Atw)"),),
    "forward": (code("to", _FORWARD, "bevoegde ombudsman (9:18) or 9:19 instance"),),
    "hear_parties": (_SIDE, code("form", ("written", "oral"), "9:30 lid 2")),
    "share_findings": (
        text("findings", "the findings, in writing (lid 1)"),
        day("reaction_until", "term to react (lid 2, no Atw)"),
    ),
    "react": (_SIDE, text("reaction", "the reaction", required=False)),
    "report": (
        code("judgment", _JUDGMENTS, "behoorlijk or not (9:27 lid 1)"),
        text("findings", "bevindingen en oordeel (9:36 lid 1)"),
        Field("violated", (str,), required=False, doc="vereiste (9:36 lid 2)"),
        text("recommendation", "aanbeveling (9:27 lid 3)", required=False),
    ),
    "respond": (
        flag("follows", "whether the orgaan follows it"),
        text("reasons", "how, or why not", required=False),
    ),
    "declare_incompetent": (
        code("ground", tuple("abcdef"), "9:22 sub a-f"),
        text("reasons", "the reasoned notice (9:25 lid 1)"),
        _NOTIFIED,
    ),
    "decline": _DISCRETIONARY,
    "discontinue": _DISCRETIONARY,
}
EVENTS = tuple(
    _spec(event, basis, actors, *_FIELDS.get(event, ()))
    for event, (basis, actors) in _BASIS.items()
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
        "request_repair": _guard_repair,
        "start_investigation": _guard_start,
        "share_findings": _guard_findings,
        "react": _guard_react,
        "report": _guard_report,
        "respond": _guard_respond,
        "declare_incompetent": _guard_incompetent,
        "decline": _guard_ground,
        "discontinue": _guard_ground,
    },
)
