"""KLP regime: the Klachtenloket Paramedici and the Geschillencommissie Paramedici.

Official name: Klachtenloket Paramedici (KLP) of the Kwaliteitsregister
Paramedici, a klachtenregeling and erkende geschillenregeling under the Wet
kwaliteit, klachten en geschillen zorg (Wkkgz, BWBR0037173, art. 13-22).

More information:
https://www.kwaliteitsregisterparamedici.nl/klp/default.aspx
https://wetten.overheid.nl/BWBR0037173/2026-01-01
https://www.huidklinieklinskens.nl/klachtenprocedure/
Seed: "Klachtenloket Paramedici - wat kunnen zij voor jou betekenen?"
(klachtenloket-paramedici.txt). The KLP's own terms are the regeling's (no Atw,
:class:`KlpSettings`, UNCONFIRMED). As a Wkkgz klachtenregeling the KLP owes
the art. 17 term too: the client receives the closing letter (the reasoned
mededeling of lid 1) within six weeks of filing, extendable once (lid 2).

Flow: the client files the complaint -> intake: only a paramedicus who is a
member of the beroepsvereniging with a valid kwaliteitsregistratie is covered
(``admit`` raises with the reason; ``decline`` records the refusal; old events
are not refused, no source says the loket may) -> a klachtenfunctionaris
analyses the complaint and discusses the options with the client (two weeks)
-> either support in wording the complaint, which the client puts to the
paramedicus, or bemiddeling: the functionaris puts it to the paramedicus, whose
reaction (six weeks) is passed on to the client, optionally followed by a
bemiddelingsgesprek -> the client receives a letter stating, with reasons, the
conclusions, the agreements or measures and their term -> satisfied: closed;
if not, a geschil at the Geschillencommissie Paramedici (fee, window and
five-year limit: :mod:`klachtrecht.regimes._geschillenregeling_paramedici`);
bindend advies within six months (Wkkgz art. 22 lid 1).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._definition import Definition, EventSpec, Field, each_to, requires
from klachtrecht._fast import day_of, evolver
from klachtrecht._validators import (
    int_between,
    is_bool,
    non_negative_amount,
    one_of,
)
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._geschillenregeling_paramedici import (
    GESCHIL,
    GESCHIL_EVENTS,
    GESCHIL_GUARDS,
    GESCHIL_TERMS,
    geschil_dues,
    geschil_fee,
    reduce_geschil,
)
from klachtrecht.regimes._klp_werkwijze import (
    TERMS,
    WERKWIJZE,
    guard_admit,
    guard_decline,
    guard_letter,
)
from klachtrecht.regimes._wkkgz_art16 import ART_16_3, progress_event
from klachtrecht.regimes._wkkgz_art17 import (
    ART_17_2,
    art17_dues,
    art17_extension_guard,
    extension_event,
    reduce_extension,
)
from klachtrecht.regimes._wkkgz_art21 import (
    CAPACITY_FIELD,
    guard_complaint_capacity,
    klager_capacity,
)
from klachtrecht.regimes._wkkgz_geschil import (
    AFTER_GESCHIL,
    lapsed_at_geschil,
    oordeel_once,
)

__all__ = ["DEFINITION", "KlpFacts", "KlpMachine", "KlpSettings", "geschil_fee"]

WITHDRAWAL = "not regulated in the Wkkgz (regeling of the KLP or the commissie)"


# -- machine -------------------------------------------------------------------


class KlpMachine(StateMachine):
    """States and transitions of the Klachtenloket Paramedici procedure."""

    filed = State("Klacht ingediend", initial=True)
    admitted = State("In behandeling genomen")
    analysed = State("Mogelijkheden besproken")
    support = State("Ondersteuning bij verwoorden")
    with_provider = State("Klacht bij paramedicus")
    mediation = State("Bemiddeling")
    concluded = State("Afsluitende brief ontvangen")
    dispute = State("Geschil aanhangig")
    closed = State("Afgesloten", final=True)
    declined = State("Niet in behandeling genomen", final=True)
    ruled = State("Bindend advies uitgebracht", final=True)
    inadmissible = State("Geschil niet-ontvankelijk", final=True)
    withdrawn = State("Ingetrokken", final=True)

    admit = Event(filed.to(admitted), name="Klacht in behandeling genomen")
    decline = Event(filed.to(declined), name="Klacht niet in behandeling genomen")
    analyse = Event(admitted.to(analysed), name="Klacht geanalyseerd en besproken")
    offer_support = Event(
        analysed.to(support), name="Ondersteuning bij verwoorden gekozen"
    )
    submit_to_provider = Event(
        support.to(with_provider), name="Klacht voorgelegd aan paramedicus"
    )
    mediate = Event(analysed.to(mediation), name="Bemiddeling gestart")
    provider_reaction = Event(
        mediation.to(mediation), name="Reactie paramedicus ontvangen"
    )
    pass_on_reaction = Event(
        mediation.to(mediation), name="Reactie doorgegeven aan cliënt"
    )
    hold_meeting = Event(mediation.to(mediation), name="Bemiddelingsgesprek gehouden")
    send_letter = Event(
        mediation.to(concluded) | with_provider.to(concluded) | dispute.to(dispute),
        name="Afsluitende brief ontvangen",
    )
    extend = Event(
        each_to(None, admitted, analysed, support, with_provider, mediation),
        name="Termijn verlengd",
    )
    inform_progress = Event(
        each_to(None, admitted, analysed, support, with_provider, mediation),
        name="Klager geïnformeerd over voortgang",
    )
    accept = Event(concluded.to(closed), name="Cliënt akkoord")
    archive = Event(concluded.to(closed), name="Afgesloten na termijn geschil")
    submit_geschil = Event(
        each_to(dispute, admitted, analysed, support, with_provider, mediation)
        | concluded.to(dispute),
        name="Geschil voorgelegd",
    )
    rule = Event(dispute.to(ruled), name="Bindend advies uitgebracht")
    declare_inadmissible = Event(
        dispute.to(inadmissible), name="Geschil niet-ontvankelijk verklaard"
    )
    withdraw = Event(
        each_to(withdrawn, filed, admitted, analysed, support, with_provider)
        | each_to(withdrawn, mediation, concluded, dispute),
        name="Klacht ingetrokken",
    )


# -- settings ------------------------------------------------------------------


@attrs.frozen
class KlpSettings:
    """Terms and fees of the KLP regeling and the Geschillencommissie Paramedici.

    All but ``atw_for_art17`` are the regeling's as quoted by member practices
    (law.md §7; the reglement was not read), so no Atw (art. 5, a contrario):

    - ``functionaris_response_weeks`` (2): the klachtenfunctionaris responds
      within two weeks of the filing;
    - ``provider_reaction_weeks`` (6): the paramedicus reacts within six weeks
      of the complaint being put to it;
    - ``atw_for_art17`` (True): whether the Atw extends the statutory art. 17
      term (as for :class:`~klachtrecht.regimes.wkkgz.WkkgzSettings`;
      UNCONFIRMED in practice);
    - ``oordeel_after_geschil`` ("owed"): the art. 17 letter stays owed while a
      geschil is pending (as for the Wkkgz; UNCONFIRMED);
    - of the geschillenregeling: ``geschil_window_months`` (12, from receipt
      of the closing letter), ``max_event_age_years`` (5; flagged, not
      refused), ``geschil_fee`` (EUR 50) and ``geschil_fee_with_damages``
      (EUR 100): stated in the seed, law.md found no source: UNCONFIRMED.
    """

    functionaris_response_weeks: int = attrs.field(
        default=2, validator=int_between(1, 12)
    )
    provider_reaction_weeks: int = attrs.field(default=6, validator=int_between(1, 26))
    geschil_window_months: int = attrs.field(default=12, validator=int_between(1, 120))
    max_event_age_years: int = attrs.field(default=5, validator=int_between(1, 30))
    geschil_fee: Decimal = attrs.field(
        default=Decimal("50.00"), validator=non_negative_amount
    )
    geschil_fee_with_damages: Decimal = attrs.field(
        default=Decimal("100.00"), validator=non_negative_amount
    )
    atw_for_art17: bool = attrs.field(default=True, validator=is_bool)
    oordeel_after_geschil: str = attrs.field(
        default="owed", validator=one_of(*AFTER_GESCHIL)
    )


# -- facts ---------------------------------------------------------------------


@attrs.frozen(slots=False)  # evolved by a dict copy (klachtrecht._fast)
class KlpFacts:
    """What the KLP regeling needs to know of a case, derived from its history."""

    filed_on: date
    event_on: date = date.min
    capacity: str = ""
    admitted_on: date | None = None
    functionaris_from: date | None = None
    functionaris_until: date | None = None
    analysed_on: date | None = None
    route: str | None = None
    put_on: date | None = None
    reaction_on: date | None = None
    passed_on_on: date | None = None
    meetings: int = 0
    letter_on: date | None = None
    extension_days: int = 0
    extension_notice_on: date | None = None
    geschil_on: date | None = None
    damages_claimed: Decimal | None = None
    fee: Decimal | None = None
    ruling_on: date | None = None
    outcome: str | None = None
    decline_ground: str | None = None
    closed_on: date | None = None


#: Events that record their day in a fact; the second table: the first time only.
_DAYS = {
    "analyse": "analysed_on",
    "submit_to_provider": "put_on",
    "send_letter": "letter_on",
}
_FIRST_DAYS = {"provider_reaction": "reaction_on", "pass_on_reaction": "passed_on_on"}
_evolve = evolver(KlpFacts)
_FINAL = frozenset({"closed", "declined", "ruled", "inadmissible", "withdrawn"})


def initial_facts(settings: KlpSettings) -> KlpFacts:
    """Facts before the opening event is applied."""
    return KlpFacts(filed_on=date.min)


def reduce(case: Case, record: EventRecord) -> KlpFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: KlpFacts = case.facts
    day = day_of(record)
    data = record.data
    event = record.event
    if event == "open":
        capacity = klager_capacity(data["klager"], data.get("capacity"))
        facts = KlpFacts(filed_on=day, event_on=data["event_on"], capacity=capacity)
    elif event == "admit":
        facts = _evolve(facts, admitted_on=day, functionaris_from=day)
    elif event == "decline":
        facts = _evolve(facts, decline_ground=data["ground"])
    elif event in _DAYS or (
        event in _FIRST_DAYS and getattr(facts, _FIRST_DAYS[event]) is None
    ):
        changes: dict[str, Any] = {(_DAYS | _FIRST_DAYS)[event]: day}
        facts = _evolve(facts, **changes)
    elif event == "offer_support":
        facts = _evolve(facts, route="support")
    elif event == "mediate":
        facts = _evolve(facts, route="mediation", put_on=day)
    elif event == "hold_meeting":
        facts = _evolve(facts, meetings=facts.meetings + 1)
    elif event == "extend":
        facts = reduce_extension(facts, record)
    else:
        facts = reduce_geschil(case, facts, record)
    if case.state == "dispute" or case.state in _FINAL:
        if facts.functionaris_from is not None and facts.functionaris_until is None:
            facts = _evolve(facts, functionaris_until=day)
        if case.state in _FINAL:
            facts = _evolve(facts, closed_on=day)
    return facts


# -- deadlines -----------------------------------------------------------------


def _weeks(start: date, weeks: int, cal: AtwCalendar) -> Deadline:
    """A term of the KLP regeling: no Atw (Atw art. 5, a contrario)."""
    kind = TermKind.NON_STATUTORY
    return term_end(start, weeks=weeks, kind=kind, source=TERMS, calendar=cal)


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a KLP case with their derived deadlines."""
    facts: KlpFacts = case.facts
    settings: KlpSettings = case.settings
    found: list[Due] = []
    if facts.admitted_on is not None:
        found.append(
            Due(
                "functionaris_response",
                "Reactie klachtenfunctionaris aan cliënt",
                TERMS,
                _weeks(facts.filed_on, settings.functionaris_response_weeks, cal),
                facts.analysed_on,
            )
        )
    if facts.admitted_on is not None:
        found += art17_dues(
            facts.filed_on,
            facts.extension_days,
            facts.extension_notice_on,
            facts.letter_on,
            label="Afsluitende brief (schriftelijk oordeel) ontvangen door cliënt",
            atw=settings.atw_for_art17,
            cal=cal,
        )
    reacted = facts.reaction_on or facts.letter_on
    if facts.put_on is not None:
        found.append(
            Due(
                "provider_reaction",
                "Reactie paramedicus op de klacht",
                TERMS,
                _weeks(facts.put_on, settings.provider_reaction_weeks, cal),
                reacted,
            )
        )
    # what an ending does (Wkkgz art. 21; _wkkgz_geschil)
    owed = settings.oordeel_after_geschil == "owed"
    found = lapsed_at_geschil(
        found, facts.geschil_on, ended_on=facts.closed_on, art17_owed=owed
    )
    return (*found, *geschil_dues(case, cal))


# -- guards --------------------------------------------------------------------


# -- definition ----------------------------------------------------------------


_K, _P = Role.KLAGER, Role.PROVIDER
_L, _F = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS
_TEXT = (str,)

OPEN_EVENT = EventSpec(
    "open",
    "Klacht ingediend",
    f"{WERKWIJZE}; Wkkgz art. 13-14",
    frozenset({_K, _L}),
    (
        Field("klager", (Party,), role=_K, doc="the client (cliënt)"),
        CAPACITY_FIELD,
        Field("provider", (Party,), role=_P, doc="the paramedicus complained about"),
        Field("settings", (KlpSettings,), doc="terms of the regeling"),
        Field("complaint", _TEXT, personal=True, doc="the complaint"),
        Field("event_on", (date,), doc="the day of the event complained about"),
    ),
)

EVENTS = (
    EventSpec(
        "admit",
        "Klacht in behandeling genomen",
        f"{WERKWIJZE} (lid beroepsvereniging, geldige kwaliteitsregistratie)",
        frozenset({_L}),
        (
            Field("member", (bool,), doc="member of the beroepsvereniging"),
            Field("registration_valid", (bool,), doc="valid kwaliteitsregistratie"),
            Field(
                "functionaris", (Party,), role=_F, doc="the KLP's klachtenfunctionaris"
            ),
        ),
    ),
    EventSpec(
        "decline",
        "Klacht niet in behandeling genomen",
        f"{WERKWIJZE}; {TERMS}",
        frozenset({_L}),
        (
            Field(
                "ground",
                _TEXT,
                choices=("not_member", "no_registration", "too_old"),
                doc="no member, no valid kwaliteitsregistratie, or too old",
            ),
        ),
    ),
    EventSpec(
        "analyse",
        "Klacht geanalyseerd en besproken",
        f"{WERKWIJZE}; {TERMS}: two weeks",
        frozenset({_F}),
    ),
    EventSpec(
        "offer_support",
        "Ondersteuning bij verwoorden gekozen",
        WERKWIJZE,
        frozenset({_F}),
    ),
    EventSpec(
        "submit_to_provider",
        "Klacht voorgelegd aan paramedicus",
        f"{WERKWIJZE}; Wkkgz art. 14 lid 1",
        frozenset({_K}),
        (Field("complaint", _TEXT, personal=True, doc="the worded complaint"),),
    ),
    EventSpec("mediate", "Bemiddeling gestart", WERKWIJZE, frozenset({_F})),
    EventSpec(
        "provider_reaction",
        "Reactie paramedicus ontvangen",
        f"{WERKWIJZE}; {TERMS}: six weeks",
        frozenset({_P}),
        (Field("reaction", _TEXT, personal=True, doc="the reaction to the complaint"),),
    ),
    EventSpec(
        "pass_on_reaction", "Reactie doorgegeven aan cliënt", WERKWIJZE, frozenset({_F})
    ),
    EventSpec(
        "hold_meeting",
        "Bemiddelingsgesprek gehouden",
        WERKWIJZE,
        frozenset({_F}),
        (Field("functionaris_present", (bool,), doc="the functionaris attended"),),
    ),
    EventSpec(
        "send_letter",
        "Afsluitende brief ontvangen",
        f"{WERKWIJZE} (brief met redenen omkleed); cf. Wkkgz art. 17 lid 1",
        frozenset({_P}),
        (
            Field("conclusions", _TEXT, personal=True, doc="the conclusions"),
            Field("reasons", _TEXT, personal=True, doc="met redenen omkleed"),
            Field("agreements", _TEXT, required=False, personal=True, doc="afspraken"),
            Field("measures", _TEXT, required=False, personal=True, doc="maatregelen"),
            Field(
                "measures_term",
                _TEXT,
                personal=True,
                doc="the term within which they are realised",
            ),
        ),
    ),
    extension_event(f"{ART_17_2} (the KLP is a Wkkgz klachtenregeling)"),
    progress_event(f"{ART_16_3} (the KLP is a Wkkgz klachtenregeling)"),
    EventSpec("accept", "Cliënt akkoord", WERKWIJZE, frozenset({_K})),
    *GESCHIL_EVENTS,
    EventSpec("withdraw", "Klacht ingetrokken", WITHDRAWAL, frozenset({_K})),
)

DEFINITION = Definition(
    name="klp",
    title="Klachtenloket Paramedici and Geschillencommissie Paramedici (Wkkgz)",
    machine=KlpMachine,
    state_basis={
        "filed": f"{WERKWIJZE}; Wkkgz art. 13-14",
        "admitted": WERKWIJZE,
        "analysed": WERKWIJZE,
        "support": WERKWIJZE,
        "with_provider": f"{WERKWIJZE}; Wkkgz art. 14 lid 1",
        "mediation": WERKWIJZE,
        "concluded": f"{WERKWIJZE}; cf. Wkkgz art. 17 lid 1",
        "dispute": f"{GESCHIL}; Wkkgz art. 21 lid 1",
        "closed": WERKWIJZE,
        "declined": f"{WERKWIJZE}; {TERMS}",
        "ruled": f"{GESCHIL}; Wkkgz art. 20, art. 22 lid 1",
        "inadmissible": GESCHIL_TERMS,
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=KlpSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        "open": guard_complaint_capacity,
        "admit": guard_admit,
        "decline": guard_decline,
        "pass_on_reaction": requires(
            "reaction_on",
            f"no reaction of the paramedicus to pass on yet ({WERKWIJZE})",
        ),
        "hold_meeting": requires(
            "passed_on_on",
            "the client has not been told the paramedicus' reaction yet; the "
            f"bemiddelingsgesprek follows it ({WERKWIJZE})",
        ),
        "send_letter": oordeel_once("letter_on", guard_letter),
        "extend": art17_extension_guard("filed_on"),
        **GESCHIL_GUARDS,
    },
)
