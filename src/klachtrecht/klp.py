"""KLP regime: the Klachtenloket Paramedici and the Geschillencommissie Paramedici.

Official name: Klachtenloket Paramedici (KLP) of the Kwaliteitsregister
Paramedici, a klachtenregeling and erkende geschillenregeling under the Wet
kwaliteit, klachten en geschillen zorg (Wkkgz, BWBR0037173, art. 13-22).

More information:
https://www.kwaliteitsregisterparamedici.nl/klp/default.aspx
https://wetten.overheid.nl/BWBR0037173/2026-01-01
https://www.huidklinieklinskens.nl/klachtenprocedure/
Seed: "Klachtenloket Paramedici - wat kunnen zij voor jou betekenen?"
(klachtenloket-paramedici.txt): werkwijze and geschillenregeling. The KLP's own
terms (two weeks, six weeks, one year, five years) are known only from member
practices' pages (law.md §7; the KLP reglement itself was not read, and when the
two- and six-week terms start is UNCONFIRMED); they are reglement terms (no
Atw: Atw art. 5, a contrario), configurable in :class:`KlpSettings`. As a Wkkgz
klachtenregeling the KLP also owes the statutory art. 17 term: the client
receives the closing letter (the reasoned mededeling of art. 17 lid 1) within
six weeks of filing, extendable once by at most four weeks (lid 2, ``extend``).

Flow: the client files the complaint with the KLP -> intake: only a paramedicus
who is a member of the beroepsvereniging and has a valid kwaliteitsregistratie
is covered; the loket refuses otherwise (``admit`` raises with the reason;
``decline`` records the refusal) -> an independent klachtenfunctionaris
analyses the complaint and discusses the options with the client (within two
weeks) -> either support in
wording the complaint, which the client then puts to the paramedicus, or
bemiddeling: the functionaris puts the complaint to the paramedicus, whose
reaction (within six weeks) is passed on to the client, optionally followed by
a bemiddelingsgesprek the functionaris may attend -> the client receives a
letter from the practitioner stating, with reasons, the conclusions, the
agreements or measures and the term for them -> satisfied: closed; if not, a
geschil at the Geschillencommissie Paramedici: a fee of EUR 50, or EUR 100 when
damages are claimed, payable whatever the outcome; bindend advies within six
months (Wkkgz art. 22 lid 1).

The geschil window (one year after receipt of the letter) and the five-year
limit (a condition for a *geschil*, law.md §7) are flagged as deadlines, not
refused, as in the Wkkgz regime: the Geschillencommissie decides admissibility
(``declare_inadmissible``). The intake does not refuse old events (no source
says the loket may); ``decline`` can still record that ground.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._regime import Definition, EventSpec, Field
from klachtrecht._validators import int_between, is_bool, non_negative_amount
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.wkkgz import (
    EXTENSION_FIELDS,
    art17_deadline,
    art17_extension_problem,
    extension_days,
)

__all__ = ["DEFINITION", "KlpFacts", "KlpMachine", "KlpSettings", "geschil_fee"]

WERKWIJZE = "Klachtenloket Paramedici, werkwijze"
GESCHIL = "Klachtenloket Paramedici, geschillenregeling"
TERMS = "Klachtenregeling KLP, per member practice pages (law.md §7; UNCONFIRMED)"
GESCHIL_TERMS = (
    "Geschillenregeling Paramedici, per member practice pages (law.md §7; UNCONFIRMED)"
)
ART_22 = "Wkkgz art. 22 lid 1"
ART_17_2 = "Wkkgz art. 17 lid 2"
WITHDRAWAL = "not regulated in the Wkkgz (regeling of the KLP or the commissie)"


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
        mediation.to(concluded) | with_provider.to(concluded),
        name="Afsluitende brief ontvangen",
    )
    extend = Event(
        admitted.to(admitted)
        | analysed.to(analysed)
        | support.to(support)
        | with_provider.to(with_provider)
        | mediation.to(mediation),
        name="Termijn verlengd",
    )
    accept = Event(concluded.to(closed), name="Cliënt akkoord")
    archive = Event(concluded.to(closed), name="Afgesloten na termijn geschil")
    submit_geschil = Event(
        admitted.to(dispute)
        | analysed.to(dispute)
        | support.to(dispute)
        | with_provider.to(dispute)
        | mediation.to(dispute)
        | concluded.to(dispute),
        name="Geschil voorgelegd",
    )
    rule = Event(dispute.to(ruled), name="Bindend advies uitgebracht")
    declare_inadmissible = Event(
        dispute.to(inadmissible), name="Geschil niet-ontvankelijk verklaard"
    )
    withdraw = Event(
        filed.to(withdrawn)
        | admitted.to(withdrawn)
        | analysed.to(withdrawn)
        | support.to(withdrawn)
        | with_provider.to(withdrawn)
        | mediation.to(withdrawn)
        | concluded.to(withdrawn)
        | dispute.to(withdrawn),
        name="Klacht ingetrokken",
    )


# -- settings and facts -----------------------------------------------------------


@attrs.frozen
class KlpSettings:
    """Terms and fees of the KLP regeling and the Geschillencommissie Paramedici.

    None of these is the law's; all are the regeling's as quoted by member
    practices (law.md §7; the KLP reglement was not read), so the Atw does not
    apply to them (Atw art. 5, a contrario):

    - ``functionaris_response_weeks`` (2): the klachtenfunctionaris responds
      within two weeks of the filing;
    - ``provider_reaction_weeks`` (6): the paramedicus reacts within six weeks
      of the complaint being put to it;
    - ``geschil_window_months`` (12): a geschil within one year of receiving the
      written oordeel (the closing letter);
    - ``max_event_age_years`` (5): a geschil about an event at most five years
      old (flagged, not refused);
    - ``atw_for_art17`` (True): whether the Atw extends the statutory art. 17
      term (as for :class:`~klachtrecht.wkkgz.WkkgzSettings`; UNCONFIRMED in
      practice).
    - ``geschil_fee`` (EUR 50) and ``geschil_fee_with_damages`` (EUR 100, when
      damages are claimed): stated in the seed, but law.md found no source for
      them: UNCONFIRMED.
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


def geschil_fee(settings: KlpSettings, *, damages_claimed: bool) -> Decimal:
    """The fee for a geschil (klachtengeld): owed whatever the outcome."""
    return (
        settings.geschil_fee_with_damages if damages_claimed else settings.geschil_fee
    )


@attrs.frozen
class KlpFacts:
    """What the KLP regeling needs to know of a case, derived from its history."""

    filed_on: date
    event_on: date = date.min
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


_FINAL = frozenset({"closed", "declined", "ruled", "inadmissible", "withdrawn"})


# -- derived deadlines ------------------------------------------------------------


def _age_limit(case: Case, cal: AtwCalendar) -> Deadline:
    """The last day on which the event complained about is young enough."""
    return term_end(
        case.facts.event_on,
        years=case.settings.max_event_age_years,
        kind=TermKind.NON_STATUTORY,
        source=GESCHIL_TERMS,
        calendar=cal,
    )


def _geschil_window(case: Case, cal: AtwCalendar) -> Deadline:
    assert case.facts.letter_on is not None
    return term_end(
        case.facts.letter_on,
        months=case.settings.geschil_window_months,
        kind=TermKind.NON_STATUTORY,
        source=GESCHIL_TERMS,
        calendar=cal,
    )


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a KLP case with their derived deadlines."""
    facts: KlpFacts = case.facts
    settings: KlpSettings = case.settings
    gone = case.state == "withdrawn"
    found: list[Due] = []
    if facts.admitted_on is not None and not (facts.analysed_on is None and gone):
        found.append(
            Due(
                "functionaris_response",
                "Reactie klachtenfunctionaris aan cliënt",
                TERMS,
                term_end(
                    facts.filed_on,
                    weeks=settings.functionaris_response_weeks,
                    kind=TermKind.NON_STATUTORY,
                    source=TERMS,
                    calendar=cal,
                ),
                facts.analysed_on,
            )
        )
    if facts.admitted_on is not None and not (facts.letter_on is None and gone):
        oordeel = art17_deadline(
            facts.filed_on,
            facts.extension_days,
            atw=settings.atw_for_art17,
            cal=cal,
        )
        found.append(
            Due(
                "oordeel",
                "Afsluitende brief (schriftelijk oordeel) ontvangen door cliënt",
                oordeel.term.source,
                oordeel,
                facts.letter_on,
            )
        )
        if facts.extension_days:
            found.append(
                Due(
                    "extension_notice",
                    "Schriftelijke mededeling verlenging",
                    ART_17_2,
                    art17_deadline(
                        facts.filed_on, 0, atw=settings.atw_for_art17, cal=cal
                    ),
                    facts.extension_notice_on,
                )
            )
    reacted = facts.reaction_on or facts.letter_on
    if facts.put_on is not None and not (reacted is None and gone):
        found.append(
            Due(
                "provider_reaction",
                "Reactie paramedicus op de klacht",
                TERMS,
                term_end(
                    facts.put_on,
                    weeks=settings.provider_reaction_weeks,
                    kind=TermKind.NON_STATUTORY,
                    source=TERMS,
                    calendar=cal,
                ),
                reacted,
            )
        )
    if case.state == "concluded" or facts.geschil_on is not None:
        if facts.letter_on is not None:
            found.append(
                Due(
                    "geschil_window",
                    "Geschil voorleggen binnen een jaar na de brief",
                    GESCHIL_TERMS,
                    _geschil_window(case, cal),
                    facts.geschil_on,
                )
            )
        found.append(
            Due(
                "event_age",
                "Geschil over een gebeurtenis van ten hoogste vijf jaar oud",
                GESCHIL_TERMS,
                _age_limit(case, cal),
                facts.geschil_on,
            )
        )
    if facts.geschil_on is not None and not gone:
        found.append(
            Due(
                "uitspraak",
                "Uitspraak Geschillencommissie Paramedici",
                ART_22,
                term_end(
                    facts.geschil_on,
                    months=6,
                    kind=TermKind.STATUTORY,
                    source=ART_22,
                    calendar=cal,
                ),
                facts.ruling_on,
            )
        )
    return tuple(found)


# -- guards (legal conditions) ----------------------------------------------------


def _age_problem(case: Case, cal: AtwCalendar) -> str | None:
    facts: KlpFacts = case.facts
    if facts.event_on > facts.filed_on:
        return (
            f"the event complained about ({facts.event_on.isoformat()}) lies after "
            f"the filing ({facts.filed_on.isoformat()})"
        )
    limit = _age_limit(case, cal)
    if facts.filed_on > limit.due:
        return (
            f"the event complained about is more than "
            f"{case.settings.max_event_age_years} years old: complaints were "
            f"possible until {limit.due.isoformat()} ({TERMS})"
        )
    return None


def _guard_admit(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if not record.data["member"]:
        return (
            "the paramedicus is not a member of the beroepsvereniging, so the KLP "
            f"does not cover the complaint ({WERKWIJZE})"
        )
    if not record.data["registration_valid"]:
        return (
            "the paramedicus has no valid kwaliteitsregistratie, so the KLP does "
            f"not cover the complaint ({WERKWIJZE})"
        )
    facts: KlpFacts = case.facts
    if facts.event_on > facts.filed_on:
        return (
            f"the event complained about ({facts.event_on.isoformat()}) lies after "
            f"the filing ({facts.filed_on.isoformat()})"
        )
    return None


def _guard_extend(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: KlpFacts = case.facts
    return art17_extension_problem(
        facts.filed_on,
        facts.extension_days,
        record,
        atw=case.settings.atw_for_art17,
        cal=cal,
    )


def _guard_decline(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if record.data["ground"] == "too_old" and _age_problem(case, cal) is None:
        return (
            "the event complained about is not more than "
            f"{case.settings.max_event_age_years} years old ({TERMS})"
        )
    return None


def _guard_pass_on(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.reaction_on is None:
        return f"no reaction of the paramedicus to pass on yet ({WERKWIJZE})"
    return None


def _guard_meeting(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.passed_on_on is None:
        return (
            "the client has not been told the paramedicus' reaction yet; the "
            f"bemiddelingsgesprek follows it ({WERKWIJZE})"
        )
    return None


def _guard_letter(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if "agreements" not in record.data and "measures" not in record.data:
        return (
            "the letter states the agreements made or the measures taken "
            f"({WERKWIJZE}; cf. Wkkgz art. 17 lid 1)"
        )
    return None


def _guard_geschil(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    damages: Decimal | None = record.data.get("damages_claimed")
    if damages is not None and (not damages.is_finite() or damages <= 0):
        return "damages claimed must be a positive amount; leave it out otherwise"
    fee: Decimal | None = record.data.get("fee")
    owed = geschil_fee(case.settings, damages_claimed=damages is not None)
    if fee is not None and fee != owed:
        with_or_without = "with" if damages is not None else "without"
        return (
            f"the fee {with_or_without} a damages claim is EUR {owed}, "
            f"not EUR {fee} ({GESCHIL}; amounts UNCONFIRMED)"
        )
    return None


def _guard_rule(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    awarded: Decimal | None = record.data.get("damages_awarded")
    if awarded is None:
        return None
    claimed = case.facts.damages_claimed
    if not awarded.is_finite() or awarded < 0:
        return "damages awarded must be a non-negative amount"
    if claimed is None:
        return (
            "no damages were claimed when the geschil was filed, so none can be "
            f"awarded ({GESCHIL_TERMS})"
        )
    if awarded > claimed:
        return f"damages awarded exceed the EUR {claimed} claimed"
    return None


def _guard_archive(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    window = _geschil_window(case, cal)
    if record.day <= window.due:
        return (
            f"the client may submit a geschil until {window.due.isoformat()}; "
            "close before that only when the client agrees (accept)"
        )
    return None


# -- reducer ----------------------------------------------------------------------


def initial_facts(settings: KlpSettings) -> KlpFacts:
    """Facts before the opening event is applied."""
    return KlpFacts(filed_on=date.min)


def reduce(case: Case, record: EventRecord) -> KlpFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: KlpFacts = case.facts
    day = record.day
    data = record.data
    event = record.event
    if event == "open":
        facts = KlpFacts(filed_on=day, event_on=data["event_on"])
    elif event == "admit":
        facts = attrs.evolve(facts, admitted_on=day, functionaris_from=day)
    elif event == "decline":
        facts = attrs.evolve(facts, decline_ground=data["ground"])
    elif event == "analyse":
        facts = attrs.evolve(facts, analysed_on=day)
    elif event == "offer_support":
        facts = attrs.evolve(facts, route="support")
    elif event == "mediate":
        facts = attrs.evolve(facts, route="mediation", put_on=day)
    elif event == "submit_to_provider":
        facts = attrs.evolve(facts, put_on=day)
    elif event == "provider_reaction" and facts.reaction_on is None:
        facts = attrs.evolve(facts, reaction_on=day)
    elif event == "pass_on_reaction" and facts.passed_on_on is None:
        facts = attrs.evolve(facts, passed_on_on=day)
    elif event == "hold_meeting":
        facts = attrs.evolve(facts, meetings=facts.meetings + 1)
    elif event == "send_letter":
        facts = attrs.evolve(facts, letter_on=day)
    elif event == "extend":
        facts = attrs.evolve(
            facts, extension_days=extension_days(record), extension_notice_on=day
        )
    elif event == "submit_geschil":
        damages = data.get("damages_claimed")
        facts = attrs.evolve(
            facts,
            geschil_on=day,
            damages_claimed=damages,
            fee=geschil_fee(case.settings, damages_claimed=damages is not None),
        )
    elif event in ("rule", "declare_inadmissible"):
        facts = attrs.evolve(
            facts, ruling_on=day, outcome=data.get("outcome", "inadmissible")
        )
    if case.state == "dispute" or case.state in _FINAL:
        if facts.functionaris_from is not None and facts.functionaris_until is None:
            facts = attrs.evolve(facts, functionaris_until=day)
        if case.state in _FINAL:
            facts = attrs.evolve(facts, closed_on=day)
    return facts


# -- events -----------------------------------------------------------------------

_K, _P = Role.KLAGER, Role.PROVIDER
_L, _F = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS
_G = Role.GESCHILLENINSTANTIE
_TEXT = (str,)

OPEN_EVENT = EventSpec(
    "open",
    "Klacht ingediend",
    f"{WERKWIJZE}; Wkkgz art. 13-14",
    frozenset({_K, _L}),
    (
        Field("klager", (Party,), role=_K, doc="the client (cliënt)"),
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
                "functionaris",
                (Party,),
                role=_F,
                doc="the independent klachtenfunctionaris the KLP engages",
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
    EventSpec(
        "mediate",
        "Bemiddeling gestart",
        WERKWIJZE,
        frozenset({_F}),
    ),
    EventSpec(
        "provider_reaction",
        "Reactie paramedicus ontvangen",
        f"{WERKWIJZE}; {TERMS}: six weeks",
        frozenset({_P}),
        (Field("reaction", _TEXT, personal=True, doc="the reaction to the complaint"),),
    ),
    EventSpec(
        "pass_on_reaction",
        "Reactie doorgegeven aan cliënt",
        WERKWIJZE,
        frozenset({_F}),
    ),
    EventSpec(
        "hold_meeting",
        "Bemiddelingsgesprek gehouden",
        WERKWIJZE,
        frozenset({_F}),
        (
            Field(
                "functionaris_present",
                (bool,),
                doc="whether the klachtenfunctionaris attended",
            ),
        ),
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
    EventSpec(
        "extend",
        "Termijn verlengd",
        f"{ART_17_2} (the KLP is a Wkkgz klachtenregeling)",
        frozenset({_P}),
        EXTENSION_FIELDS,
    ),
    EventSpec("accept", "Cliënt akkoord", WERKWIJZE, frozenset({_K})),
    EventSpec(
        "archive",
        "Afgesloten na termijn geschil",
        f"{GESCHIL_TERMS}: one year passed",
        frozenset({_L, _P}),
    ),
    EventSpec(
        "submit_geschil",
        "Geschil voorgelegd",
        f"{GESCHIL}; Wkkgz art. 21 lid 1",
        frozenset({_K}),
        (
            Field(
                "damages_claimed",
                (Decimal,),
                required=False,
                doc="euros; claimed when the geschil is filed",
            ),
            Field("fee", (Decimal,), required=False, doc="EUR 50, or 100 with damages"),
        ),
    ),
    EventSpec(
        "rule",
        "Bindend advies uitgebracht",
        f"{GESCHIL} (bindende uitspraak); Wkkgz art. 20, art. 22 lid 1",
        frozenset({_G}),
        (
            Field("outcome", _TEXT, choices=("upheld", "partly_upheld", "rejected")),
            Field("damages_awarded", (Decimal,), required=False, doc="euros (art. 20)"),
        ),
    ),
    EventSpec(
        "declare_inadmissible",
        "Geschil niet-ontvankelijk verklaard",
        GESCHIL_TERMS,
        frozenset({_G}),
        (Field("reason", _TEXT, personal=True),),
    ),
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
        "admit": _guard_admit,
        "decline": _guard_decline,
        "pass_on_reaction": _guard_pass_on,
        "hold_meeting": _guard_meeting,
        "send_letter": _guard_letter,
        "extend": _guard_extend,
        "submit_geschil": _guard_geschil,
        "rule": _guard_rule,
        "archive": _guard_archive,
    },
)
