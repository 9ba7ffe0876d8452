"""Awb titel 9.1 regime: a complaint about the conduct of a bestuursorgaan.

Official name: Algemene wet bestuursrecht (Awb), BWBR0005537, titel 9.1
(art. 9:1-9:16), klachtbehandeling door het bestuursorgaan.

More information:
https://wetten.overheid.nl/BWBR0005537/2026-01-01
Encoding checklist: shared/domain/law-wvggz-wzd-awb.md §3 and §6.3.

Flow: any complaint, oral or written, gets a behoorlijke behandeling (art. 9:2;
informal, no statutory terms). A signed klaagschrift about conduct towards the
klager with naam, adres, dagtekening and omschrijving (9:4) opens the formal
track: confirmation (9:6), an uninvolved handler (9:7), a copy to the beklaagde
(9:9), hearing (9:10), afhandeling within six weeks, ten with an adviseur (9:11,
afdeling 9.1.3), one verdaging of at most four weeks, further only with the
klager's written consent; a reasoned conclusion naming the ombudsman and the
term (9:12), or a notice not to handle it (9:8). Resolved to the klager's
satisfaction at any moment (9:5). Then the ombudsman: docs/regimes/awb.md.
"""

from __future__ import annotations

from datetime import date

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._definition import Definition, EventSpec, Field
from klachtrecht._validators import is_bool, one_of
from klachtrecht.deadlines import AtwCalendar, term_end
from klachtrecht.regimes._awb import (
    ADVISEUR,
    ART_9_11_3,
    BESTUURSORGAAN,
    KLAAGSCHRIFT_REQUIREMENTS,
    NOTICE_FIELDS,
    afhandeling,
    code,
    day,
    first_term,
    flag,
    klaagschrift_problem,
    one_year_after,
    spec_maker,
    stated_term_problem,
    term_kind,
    text,
)

__all__ = ["DEFINITION", "AwbFacts", "AwbMachine", "AwbSettings", "afhandeling"]

ART_9_8 = "Awb art. 9:8"
ART_9_11_2 = "Awb art. 9:11 lid 2"
WITHDRAWAL = "not regulated in Awb titel 9.1 (practice)"
FORMAL = frozenset({"formal", "advice", "advised"})
OPEN = frozenset({"received", "informal"}) | FORMAL
_STAMPS = {"acknowledge": "acknowledged_on", "send_copy": "copy_sent_on"}


# -- machine -------------------------------------------------------------------


class AwbMachine(StateMachine):
    """States and transitions of Awb titel 9.1 (art. 9:1-9:16)."""

    received = State("Klacht ontvangen", initial=True)
    informal = State("Informele behandeling")
    formal = State("Klaagschrift in behandeling")
    advice = State("Bij de klachtadviseur")
    advised = State("Advies uitgebracht")
    concluded = State("Klacht afgehandeld", final=True)
    not_handled = State("Niet in behandeling genomen", final=True)
    resolved = State("Naar tevredenheid opgelost", final=True)
    closed_informal = State("Informeel afgehandeld", final=True)
    withdrawn = State("Ingetrokken", final=True)

    _open = (received, informal, formal, advice, advised)

    submit_klaagschrift = Event(
        formal.from_(received, informal), name="Klaagschrift ontvangen"
    )
    handle_informally = Event(received.to(informal), name="Informele behandeling")
    close_informal = Event(informal.to(closed_informal), name="Informeel afgehandeld")
    acknowledge = Event(
        formal.to(formal) | advice.to(advice), name="Ontvangst bevestigd"
    )
    assign_handler = Event(formal.to(formal), name="Behandelaar aangewezen")
    send_copy = Event(formal.to(formal), name="Afschrift aan beklaagde gezonden")
    refer_adviseur = Event(formal.to(advice), name="Voorgelegd aan klachtadviseur")
    hear = Event(formal.to(formal) | advice.to(advice), name="Gehoord")
    waive_hearing = Event(
        formal.to(formal) | advice.to(advice), name="Afgezien van horen klager"
    )
    report_advice = Event(advice.to(advised), name="Rapport en advies uitgebracht")
    adjourn = Event(
        formal.to(formal) | advice.to(advice) | advised.to(advised),
        name="Afhandeling verdaagd",
    )
    consent_delay = Event(
        formal.to(formal) | advice.to(advice) | advised.to(advised),
        name="Klager stemt in met verder uitstel",
    )
    decline = Event(
        not_handled.from_(formal, advice), name="Klacht niet in behandeling genomen"
    )
    conclude = Event(concluded.from_(formal, advised), name="Kennisgeving afhandeling")
    resolve = Event(resolved.from_(*_open), name="Naar tevredenheid opgelost")
    withdraw = Event(withdrawn.from_(*_open), name="Klacht ingetrokken")


# -- settings ------------------------------------------------------------------


@attrs.frozen
class AwbSettings:
    """Choices the Awb text leaves to the orgaan or does not settle (§6.3).

    - ``advisory_procedure`` (False): afdeling 9.1.3 applies by wettelijk
      voorschrift or besluit (art. 9:13): ten weeks, an adviseur hears, advises.
    - ``atw`` (True): the Atw extends the 9:8 lid 3 and 9:11 terms (Atw art. 1,
      2, 4); False gives the stricter plain terms.
    - ``verdaging_counted`` (``"from_receipt"``): one term of 6 (10) weeks plus
      the verdaging from receipt, the Atw once where art. 4 allows it (not for
      14 weeks: UNCONFIRMED, the earlier date); ``"from_original_end"``: the
      verdaging counted on from the Atw-extended end of the first term.
    - ``notice_before_expiry`` (True): a verdaging or consent is given before
      the current term expires: our reading (UNCONFIRMED; cf. Wkkgz 17 lid 2).
    """

    advisory_procedure: bool = attrs.field(default=False, validator=is_bool)
    atw: bool = attrs.field(default=True, validator=is_bool)
    verdaging_counted: str = attrs.field(
        default="from_receipt", validator=one_of("from_receipt", "from_original_end")
    )
    notice_before_expiry: bool = attrs.field(default=True, validator=is_bool)


# -- facts ---------------------------------------------------------------------


@attrs.frozen
class AwbFacts:
    """What titel 9.1 needs to know of a case, derived from its history.

    ``klaagschrift_on`` is the day of receipt that starts the 9:11 term;
    ``ended_on`` the day the klachtbehandeling ended in any way (art. 9:24 lid 1
    counts the ombudsman's year from it).
    """

    opened_on: date
    klaagschrift_on: date | None = None
    conduct_on: date | None = None
    acknowledged_on: date | None = None
    copy_sent_on: date | None = None
    klager_heard_on: date | None = None
    hearing_waived: str | None = None
    beklaagde_heard_on: date | None = None
    verdaging_days: int = 0
    verdaging_notice_on: date | None = None
    consented_until: date | None = None
    declined_on: date | None = None
    decline_ground: str | None = None
    concluded_on: date | None = None
    ombudsman: str | None = None
    ombudsman_until: date | None = None
    ended_on: date | None = None


def initial_facts(settings: AwbSettings) -> AwbFacts:
    """Facts before the opening event is applied."""
    return AwbFacts(opened_on=date.min)


def reduce(case: Case, record: EventRecord) -> AwbFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: AwbFacts = case.facts
    day, data, event = record.day, record.data, record.event
    changes: dict[str, object] = {}
    if event == "open":
        return AwbFacts(opened_on=day)
    if event == "submit_klaagschrift":
        changes = {"klaagschrift_on": day, "conduct_on": data.get("conduct_on")}
    elif event == "hear":
        side = "klager" if data["side"] == "klager" else "beklaagde"
        changes = {f"{side}_heard_on": day}
    elif event == "waive_hearing":
        changes = {"hearing_waived": data["ground"]}
    elif event == "adjourn":
        days = data["weeks"] * 7 if "weeks" in data else data["days"]
        changes = {"verdaging_days": days, "verdaging_notice_on": day}
    elif event == "consent_delay":
        changes = {"consented_until": data["until"]}
    elif event in ("decline", "conclude"):
        changes = {
            f"{event}d_on": day,
            "ombudsman": data["ombudsman"],
            "ombudsman_until": data.get("ombudsman_until"),
        }
        if event == "decline":
            changes["decline_ground"] = data["ground"]
    elif event in _STAMPS:
        changes = {_STAMPS[event]: day}
    if case.state not in OPEN:
        changes["ended_on"] = day
    return attrs.evolve(facts, **changes) if changes else facts  # type: ignore[arg-type]


# -- deadlines -----------------------------------------------------------------


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of an Awb titel 9.1 case with their derived deadlines.

    None on the informal track (art. 9:2 sets no terms); the 9:11 duty lapses
    when the complaint is resolved (9:5), withdrawn or not handled (9:8).
    """
    facts: AwbFacts = case.facts
    settings: AwbSettings = case.settings
    if facts.klaagschrift_on is None:
        return ()
    found: list[Due] = []
    if case.state in FORMAL or case.state == "concluded":
        term = afhandeling(case, cal)
        met = facts.concluded_on
        label = "Klacht afgehandeld"
        found.append(Due("afhandeling", label, term.term.source, term, met))
    if facts.verdaging_days and settings.notice_before_expiry:
        first, met = first_term(case, cal), facts.verdaging_notice_on
        label = "Schriftelijke mededeling verdaging"
        found.append(Due("verdaging_notice", label, ART_9_11_2, first, met))
    if facts.declined_on is not None:
        source, kind = f"{ART_9_8} lid 3", term_kind(settings)
        start = facts.klaagschrift_on
        notice = term_end(start, weeks=4, kind=kind, source=source, calendar=cal)
        label = "Mededeling niet in behandeling nemen"
        found.append(Due("decline_notice", label, source, notice, facts.declined_on))
    return tuple(found)


# -- guards --------------------------------------------------------------------

_DECLINE = ("1a", "1b", "1c", "1d", "1e", "1f", "2")


def _guard_acknowledge(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.acknowledged_on is not None:
        return "receipt was already confirmed (art. 9:6)"
    if case.settings.advisory_procedure and not record.data.get("mentions_adviseur"):
        return "art. 9:15 lid 1: the confirmation must say that an adviseur will advise"
    return None


def _guard_handler(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if record.data["involved"] and not record.data.get("conduct_of_orgaan_itself"):
        return "art. 9:7 lid 1: the handler must not have been involved in the conduct"
    return None


def _guard_refer(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if not case.settings.advisory_procedure:
        return "afdeling 9.1.3 does not apply (art. 9:13; setting advisory_procedure)"
    return None


def _guard_hear(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    """Who hears and decides on waiving: the adviseur under 9.1.3 (9:15 lid 2-3)."""
    if case.state == "advice" and record.by is not ADVISEUR:
        return "art. 9:15 lid 2-3: the adviseur hears and decides on not hearing"
    if case.state == "formal" and record.by is not BESTUURSORGAAN:
        return "art. 9:10: the bestuursorgaan hears (the adviseur only under 9.1.3)"
    if case.state == "formal" and case.settings.advisory_procedure:
        return "art. 9:15 lid 2: under afdeling 9.1.3 the adviseur hears (refer first)"
    return None


def _guard_waive(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    until = record.data.get("term_until")
    if record.data["ground"] == "c" and (until is None or record.day <= until):
        return (
            "art. 9:10 lid 2 sub c needs the term set for the klager ('term_until') "
            "and that term passed without an answer"
        )
    return _guard_hear(case, record, cal)


def _guard_heard(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    """The klager was heard or a ground of art. 9:10 lid 2 recorded."""
    facts: AwbFacts = case.facts
    if facts.klager_heard_on is None and facts.hearing_waived is None:
        return "art. 9:10: the klager was not heard and no ground of lid 2 was recorded"
    return None


def _expired_problem(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    due = afhandeling(case, cal).due
    if case.settings.notice_before_expiry and record.day > due:
        return (
            f"the term already expired on {due.isoformat()}; our reading of art. "
            "9:11 is that it is extended before expiry (setting notice_before_expiry)"
        )
    return None


def _guard_adjourn(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: AwbFacts = case.facts
    data = record.data
    if ("weeks" in data) == ("days" in data):
        return "give the verdaging in either 'weeks' (1-4) or 'days' (1-28)"
    if not data["notified_beklaagde"]:
        return "art. 9:11 lid 2: the klager and the beklaagde are told in writing"
    if facts.verdaging_days:
        return "art. 9:11 lid 2: one verdaging; further only with consent (lid 3)"
    if facts.consented_until is not None:
        return "a further delay was already consented to (art. 9:11 lid 3)"
    return _expired_problem(case, record, cal)


def _guard_consent(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    due = afhandeling(case, cal).due
    if record.data["until"] <= due:
        return f"the consented date is not after the current due date {due.isoformat()}"
    return _expired_problem(case, record, cal)


def _guard_decline(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: AwbFacts = case.facts
    if record.data["ground"] == "1b":
        conduct = facts.conduct_on
        if conduct is None:
            return "art. 9:8 lid 1 sub b needs the date of the conduct (conduct_on)"
        year = one_year_after(conduct, source=f"{ART_9_8} lid 1 sub b", cal=cal)
        if facts.opened_on <= year.due:
            return "art. 9:8 lid 1 sub b: the conduct is not more than a year old"
    return stated_term_problem(record, cal)


def _guard_conclude(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: AwbFacts = case.facts
    data = record.data
    if case.state == "formal" and case.settings.advisory_procedure:
        return "afdeling 9.1.3 applies: the adviseur reports first (art. 9:15 lid 4)"
    if facts.acknowledged_on is None:
        return "art. 9:6: receipt of the klaagschrift was not confirmed"
    if facts.copy_sent_on is None:
        return "art. 9:9: no copy of the klaagschrift was sent to the beklaagde"
    heard = _guard_heard(case, record, cal)
    if heard:
        return heard
    if case.state == "advised":
        follows = data.get("follows_advice")
        if follows is None:
            return "art. 9:16: say whether the conclusions follow the advice"
        if not follows and not (
            data.get("deviation_reasons") and data.get("advice_enclosed")
        ):
            return "art. 9:16: a deviation states its reason and encloses the advice"
    return stated_term_problem(record, cal)


# -- definition ----------------------------------------------------------------

_K, _O, _A = Role.KLAGER, BESTUURSORGAAN, ADVISEUR
_spec = spec_maker(AwbMachine)

OPEN_EVENT = EventSpec(
    "open",
    "Klacht ontvangen",
    "Awb art. 9:1, 9:2",
    frozenset({_K, _O}),
    (
        Field("klager", (Party,), role=_K, doc="who complains (art. 9:1)"),
        Field("bestuursorgaan", (Party,), role=_O, doc="the orgaan complained about"),
        Field("settings", (AwbSettings,), doc="choices of the orgaan"),
        text("summary", "what the complaint is about", required=False),
    ),
)

_BASIS = {
    "submit_klaagschrift": ("Awb art. 9:4 lid 1 en 2", {_K}),
    "handle_informally": ("Awb art. 9:2", {_O}),
    "close_informal": ("Awb art. 9:2", {_O}),
    "acknowledge": ("Awb art. 9:6; art. 9:15 lid 1", {_O}),
    "assign_handler": ("Awb art. 9:7", {_O}),
    "send_copy": ("Awb art. 9:9", {_O}),
    "refer_adviseur": ("Awb art. 9:13, 9:14", {_O}),
    "hear": ("Awb art. 9:10 lid 1 en 3; art. 9:15 lid 2", {_O, _A}),
    "waive_hearing": ("Awb art. 9:10 lid 2; art. 9:15 lid 3", {_O, _A}),
    "report_advice": ("Awb art. 9:15 lid 4", {_A}),
    "adjourn": (ART_9_11_2, {_O}),
    "consent_delay": (ART_9_11_3, {_K}),
    "decline": ("Awb art. 9:8; art. 9:12 lid 2", {_O}),
    "conclude": ("Awb art. 9:12; art. 9:16", {_O}),
    "resolve": ("Awb art. 9:5", {_K, _O}),
    "withdraw": (WITHDRAWAL, {_K}),
}
_FIELDS: dict[str, tuple[Field, ...]] = {
    "submit_klaagschrift": (
        *(flag(name, why) for name, why in KLAAGSCHRIFT_REQUIREMENTS),
        day("conduct_on", "date of the conduct (9:8 lid 1 sub b)", required=False),
        text("complaint", "the klaagschrift", required=False),
    ),
    "acknowledge": (flag("mentions_adviseur", "9:15 lid 1", required=False),),
    "assign_handler": (
        flag("involved", "the handler was involved in the conduct"),
        flag("conduct_of_orgaan_itself", "9:7 lid 2", required=False),
    ),
    "refer_adviseur": (
        Field("adviseur", (Party,), role=_A, doc="person or commissie (9:14)"),
    ),
    "hear": (
        code("side", ("klager", "beklaagde"), "who is heard"),
        text("verslag", "report of the hearing (9:10 lid 3)"),
    ),
    "waive_hearing": (
        code("ground", ("a", "b", "c"), "9:10 lid 2 sub a-c"),
        day("term_until", "term set for the klager (sub c)", required=False),
    ),
    "report_advice": (
        text("findings", "rapport van bevindingen, with the verslag"),
        text("advice", "the advice"),
        text("recommendations", "eventuele aanbevelingen", required=False),
    ),
    "adjourn": (
        Field("weeks", (int,), required=False, bounds=(1, 4), doc="at most four"),
        Field("days", (int,), required=False, bounds=(1, 28), doc="or in days"),
        flag("notified_beklaagde", "notice also to the beklaagde"),
    ),
    "consent_delay": (day("until", "date consented to in writing"),),
    "decline": (
        code("ground", _DECLINE, "9:8 lid 1 sub a-f or lid 2"),
        text("reasons", "the written notice", required=False),
        *NOTICE_FIELDS,
    ),
    "conclude": (
        text("findings", "bevindingen van het onderzoek"),
        text("judgment", "oordeel"),
        text("reasons", "gemotiveerd"),
        text("conclusions", "eventuele conclusies", required=False),
        *NOTICE_FIELDS,
        flag("follows_advice", "9:16", required=False),
        text("deviation_reasons", "9:16", required=False),
        flag("advice_enclosed", "9:16", required=False),
    ),
}
EVENTS = tuple(
    _spec(event, basis, actors, *_FIELDS.get(event, ()))
    for event, (basis, actors) in _BASIS.items()
)

DEFINITION = Definition(
    name="awb",
    title="Algemene wet bestuursrecht, titel 9.1 (BWBR0005537)",
    machine=AwbMachine,
    state_basis={
        "received": "Awb art. 9:1, 9:2",
        "informal": "Awb art. 9:2",
        "formal": "Awb art. 9:4 lid 1, 9:6, 9:7, 9:9, 9:10, 9:11",
        "advice": "Awb art. 9:13, 9:14, 9:15",
        "advised": "Awb art. 9:15 lid 4",
        "concluded": "Awb art. 9:12, 9:16 (no beroep: art. 9:3)",
        "not_handled": "Awb art. 9:8",
        "resolved": "Awb art. 9:5",
        "closed_informal": "Awb art. 9:2",
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=AwbSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        "submit_klaagschrift": klaagschrift_problem,
        "acknowledge": _guard_acknowledge,
        "assign_handler": _guard_handler,
        "refer_adviseur": _guard_refer,
        "hear": _guard_hear,
        "waive_hearing": _guard_waive,
        "report_advice": _guard_heard,
        "adjourn": _guard_adjourn,
        "consent_delay": _guard_consent,
        "decline": _guard_decline,
        "conclude": _guard_conclude,
    },
)
