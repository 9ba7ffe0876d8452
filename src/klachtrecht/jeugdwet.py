"""Jeugdwet and Wmo 2015 regimes: from the klachtenloket to the klachtencommissie.

Official names: Jeugdwet, BWBR0034925, paragraaf 4.2 (art. 4.2.1-4.2.3); Wet
maatschappelijke ondersteuning 2015 (Wmo 2015), BWBR0035362, art. 2.1.3 lid 2
sub d and art. 3.2 lid 1 sub a.

More information:
https://wetten.overheid.nl/BWBR0034925/2026-01-01
https://wetten.overheid.nl/BWBR0035362/2026-07-01
https://klachtenportaalzorg.nl/client-patient/
Seeds: Klachtenportaal Zorg (KPZ), "De spelregels voor de klachtenprocedure
klachten WMO en Jeugdzorg", spelregels 1-14 (kpz-klachtenprocedure.txt). The KPZ
reglement itself was not read, so its rules are cited by spelregel and its
article numbers and terms are UNCONFIRMED.

Flow (both regimes, KPZ spelregels): klacht ontvangen -> eerste beoordeling by
the klachtenloket -> geregistreerd en in behandeling -> ontvangstbevestiging ->
contact with the klager by phone or e-mail within five working days -> route:
bemiddeling, or direct to the klachtencommissie (granted whenever the klager asks
for it, spelregel 7) -> in bemiddeling the zorgverlener is informed and gives its
side, the klager hears the outcome -> satisfied: afgehandeld; otherwise the
klager may put the complaint to the commissie -> hoor en wederhoor -> the
commissie's written, reasoned oordeel on (on)gegrondheid with optional
aanbevelingen. The commissie gives no judgment on liability or damages
(spelregel 12): the oordeel has no damages field.

Jeugdwet art. 4.2.1: a commissie of at least three members whose chair does not
work for or at the provider, without anyone whose conduct is complained about
(lid 2 sub a, b); the oordeel term is the regeling's (sub c), a deviation needs
a reasoned notice stating the new term (sub d); both sides may explain orally or
in writing (sub e), with bijstand (sub f). Then the provider tells klager and
commissie within one month whether and which measures it takes (lid 5, a
statutory term: the Atw applies), or sends a reasoned notice with a new term. A
klachtenfunctionaris is optional (the Jeugdwet requires a vertrouwenspersoon
instead, art. 4.1.9). Awb titel 9.1 does not apply (lid 8).

Clocks: the five working days run from receipt of the complaint (spelregel 5
names no start: our reading, the earliest possible start, so a due date is never
too late; UNCONFIRMED). The oordeel term runs "na indiening" (sub c), so by
default from receipt of the complaint too; a regeling that counts from the day
the complaint is put to the klachtencommissie (``refer_commissie`` or
``escalate``) can be followed with the setting ``oordeel_from="commissie"``
(UNCONFIRMED for the KPZ reglement, not read). Lid 5's month runs from
receiving the oordeel; we count from the ``at`` of ``give_oordeel``, the day the
commissie gave it, which is never later than the provider's receipt.

Wmo 2015: a provider needs a klachtenregeling where the gemeentelijke
verordening says so (art. 2.1.3 lid 2 sub d, art. 3.2 lid 1 sub a). The Wmo sets
no procedure, term or commissie: every term and the commissie's composition come
from the regeling (:class:`WmoSettings`), and the case ends with the oordeel
(spelregel 14). Awb titel 9.1 governs complaints about the gemeente itself, not
complaints about a provider, so it is not part of this regime.
"""

from __future__ import annotations

from datetime import date

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht._regime import Definition, EventSpec, Field, Guard
from klachtrecht._validators import int_between, is_bool, one_of
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.wkkgz import guard_same_functionaris

__all__ = [
    "DEFINITION",
    "WMO_DEFINITION",
    "DeviationNotice",
    "IntakeFacts",
    "JeugdwetMachine",
    "JeugdwetSettings",
    "WmoMachine",
    "WmoSettings",
]

KPZ = "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg"
ART_4_2_1 = "Jeugdwet art. 4.2.1"
ART_LID_5 = "Jeugdwet art. 4.2.1 lid 5"
WMO_REGELING = "Wmo 2015 art. 3.2 lid 1 sub a"
WITHDRAWAL = "not regulated in the Jeugdwet (klachtenregeling)"
WMO_WITHDRAWAL = "not regulated in the Wmo 2015 (klachtenregeling)"

#: Jeugdwet art. 4.2.1 lid 2 sub a: a klachtencommissie of at least three members.
JEUGDWET_MIN_MEMBERS = 3


def _kpz(*rules: int) -> str:
    return f"{KPZ}, spelregel {' en '.join(str(r) for r in rules)}"


class JeugdwetMachine(StateMachine):
    """States and transitions of the KPZ procedure under Jeugdwet art. 4.2.1."""

    received = State("Klacht ontvangen", initial=True)
    assessed = State("Eerste beoordeling gedaan")
    registered = State("Geregistreerd en in behandeling")
    acknowledged = State("Ontvangst bevestigd")
    contacted = State("Contact met klager opgenomen")
    mediation = State("Bemiddeling")
    mediated = State("Uitkomst bemiddeling gemeld")
    commissie = State("Bij de klachtencommissie")
    judged = State("Oordeel gegeven")
    closed = State("Afgehandeld", final=True)
    withdrawn = State("Ingetrokken", final=True)

    assess = Event(received.to(assessed), name="Eerste beoordeling")
    register = Event(assessed.to(registered), name="Klacht geregistreerd")
    acknowledge = Event(
        registered.to(acknowledged), name="Ontvangstbevestiging verstuurd"
    )
    contact = Event(acknowledged.to(contacted), name="Contact opgenomen met klager")
    request_commissie = Event(
        received.to(received)
        | assessed.to(assessed)
        | registered.to(registered)
        | acknowledged.to(acknowledged)
        | contacted.to(contacted),
        name="Klager wenst klachtencommissie",
    )
    engage_functionaris = Event(
        received.to(received)
        | assessed.to(assessed)
        | registered.to(registered)
        | acknowledged.to(acknowledged)
        | contacted.to(contacted)
        | mediation.to(mediation)
        | mediated.to(mediated),
        name="Klachtenfunctionaris ingeschakeld",
    )
    choose_mediation = Event(contacted.to(mediation), name="Bemiddeling gekozen")
    refer_commissie = Event(
        contacted.to(commissie), name="Voorgedragen aan klachtencommissie"
    )
    inform_provider = Event(mediation.to(mediation), name="Zorgverlener geïnformeerd")
    provider_side = Event(
        mediation.to(mediation), name="Reactie zorgverlener ontvangen"
    )
    report_outcome = Event(mediation.to(mediated), name="Uitkomst aan klager gemeld")
    accept = Event(mediated.to(closed), name="Klager tevreden")
    escalate = Event(
        mediation.to(commissie) | mediated.to(commissie),
        name="Klacht voorgelegd aan klachtencommissie",
    )
    compose_commissie = Event(
        commissie.to(commissie), name="Klachtencommissie samengesteld"
    )
    hear = Event(commissie.to(commissie), name="Gelegenheid tot toelichting gegeven")
    deviate = Event(commissie.to(commissie), name="Afwijking termijn oordeel gemeld")
    give_oordeel = Event(commissie.to(judged), name="Oordeel klachtencommissie gegeven")
    respond = Event(judged.to(closed), name="Standpunt over maatregelen gegeven")
    defer_response = Event(judged.to(judged), name="Afwijking termijn standpunt gemeld")
    withdraw = Event(
        received.to(withdrawn)
        | assessed.to(withdrawn)
        | registered.to(withdrawn)
        | acknowledged.to(withdrawn)
        | contacted.to(withdrawn)
        | mediation.to(withdrawn)
        | mediated.to(withdrawn)
        | commissie.to(withdrawn),
        name="Klacht ingetrokken",
    )


class WmoMachine(StateMachine):
    """States and transitions of the KPZ procedure under a Wmo 2015 regeling.

    The same flow as :class:`JeugdwetMachine`, except that the oordeel ends the
    case (KPZ spelregel 14): the Wmo has no counterpart of Jeugdwet art. 4.2.1
    lid 5, so there is no ``judged`` state.
    """

    received = State("Klacht ontvangen", initial=True)
    assessed = State("Eerste beoordeling gedaan")
    registered = State("Geregistreerd en in behandeling")
    acknowledged = State("Ontvangst bevestigd")
    contacted = State("Contact met klager opgenomen")
    mediation = State("Bemiddeling")
    mediated = State("Uitkomst bemiddeling gemeld")
    commissie = State("Bij de klachtencommissie")
    closed = State("Afgehandeld", final=True)
    withdrawn = State("Ingetrokken", final=True)

    assess = Event(received.to(assessed), name="Eerste beoordeling")
    register = Event(assessed.to(registered), name="Klacht geregistreerd")
    acknowledge = Event(
        registered.to(acknowledged), name="Ontvangstbevestiging verstuurd"
    )
    contact = Event(acknowledged.to(contacted), name="Contact opgenomen met klager")
    request_commissie = Event(
        received.to(received)
        | assessed.to(assessed)
        | registered.to(registered)
        | acknowledged.to(acknowledged)
        | contacted.to(contacted),
        name="Klager wenst klachtencommissie",
    )
    engage_functionaris = Event(
        received.to(received)
        | assessed.to(assessed)
        | registered.to(registered)
        | acknowledged.to(acknowledged)
        | contacted.to(contacted)
        | mediation.to(mediation)
        | mediated.to(mediated),
        name="Klachtenfunctionaris ingeschakeld",
    )
    choose_mediation = Event(contacted.to(mediation), name="Bemiddeling gekozen")
    refer_commissie = Event(
        contacted.to(commissie), name="Voorgedragen aan klachtencommissie"
    )
    inform_provider = Event(mediation.to(mediation), name="Zorgverlener geïnformeerd")
    provider_side = Event(
        mediation.to(mediation), name="Reactie zorgverlener ontvangen"
    )
    report_outcome = Event(mediation.to(mediated), name="Uitkomst aan klager gemeld")
    accept = Event(mediated.to(closed), name="Klager tevreden")
    escalate = Event(
        mediation.to(commissie) | mediated.to(commissie),
        name="Klacht voorgelegd aan klachtencommissie",
    )
    compose_commissie = Event(
        commissie.to(commissie), name="Klachtencommissie samengesteld"
    )
    hear = Event(commissie.to(commissie), name="Gelegenheid tot toelichting gegeven")
    deviate = Event(commissie.to(commissie), name="Afwijking termijn oordeel gemeld")
    give_oordeel = Event(commissie.to(closed), name="Oordeel klachtencommissie gegeven")
    withdraw = Event(
        received.to(withdrawn)
        | assessed.to(withdrawn)
        | registered.to(withdrawn)
        | acknowledged.to(withdrawn)
        | contacted.to(withdrawn)
        | mediation.to(withdrawn)
        | mediated.to(withdrawn)
        | commissie.to(withdrawn),
        name="Klacht ingetrokken",
    )


# -- settings and facts -----------------------------------------------------------


@attrs.frozen
class JeugdwetSettings:
    """Terms of the jeugdhulpaanbieder's klachtenregeling, not of the Jeugdwet.

    ``contact_working_days``: working days after receipt within which the
    klachtenloket contacts the klager (KPZ spelregel 5: five; a regeling term:
    counted on the Atw calendar, without Atw art. 1/2 on top).

    ``oordeel_weeks``: weeks within which the klachtencommissie gives its
    oordeel. The Jeugdwet leaves the term to the regeling (art. 4.2.1 lid 2 sub
    c); the default of six weeks is the regeling's (a common term; UNCONFIRMED
    for the KPZ reglement), not the law's, so the Atw does not apply to it.

    ``oordeel_from``: ``"indiening"`` (default: from receipt of the complaint,
    as sub c says "na indiening"; the earliest start) or ``"commissie"`` (from
    the day the complaint is put to the commissie, for a regeling that says so;
    UNCONFIRMED).

    ``atw_for_lid5`` (default True): whether the Atw extends lid 5's month. It
    follows from the Atw's text (a term in a wet of at most three months), but
    is UNCONFIRMED in practice; False gives the stricter plain month.

    The commissie's composition (lid 2 sub a, b) and the provider's one month
    (lid 5) are the law's, so they are not settings.
    """

    contact_working_days: int = attrs.field(default=5, validator=int_between(1, 30))
    oordeel_weeks: int = attrs.field(default=6, validator=int_between(1, 52))
    oordeel_from: str = attrs.field(
        default="indiening", validator=one_of("indiening", "commissie")
    )
    atw_for_lid5: bool = attrs.field(default=True, validator=is_bool)


@attrs.frozen
class WmoSettings:
    """Terms of the Wmo provider's klachtenregeling; the Wmo 2015 sets none.

        ``contact_working_days``: as for the Jeugdwet (KPZ spelregel 5: five working
        days; a regeling term, Atw calendar, no Atw art. 1/2 on top).

        ``oordeel_weeks`` and ``oordeel_from``: as for the Jeugdwet; default six
        weeks from receipt of the complaint, the regeling's (UNCONFIRMED for the
        KPZ reglement).

        ``commissie_min_members`` and ``independent_chair``: the composition of the
        klachtencommissie under the regeling. The defaults (three members, a chair
        not working for the provider) assume KPZ's combined Wmo/Jeugd reglement
        uses the Jeugdwet composition for both: UNCONFIRMED. A member whose conduct
        is complained about is always excluded: impartiality under the klachtenregeling
    (UNCONFIRMED; cf. Jeugdwet art. 4.2.1 lid 2 sub b), not a setting.
    """

    contact_working_days: int = attrs.field(default=5, validator=int_between(1, 30))
    oordeel_weeks: int = attrs.field(default=6, validator=int_between(1, 52))
    oordeel_from: str = attrs.field(
        default="indiening", validator=one_of("indiening", "commissie")
    )
    commissie_min_members: int = attrs.field(default=3, validator=int_between(1, 15))
    independent_chair: bool = attrs.field(default=True, validator=is_bool)


@attrs.frozen
class DeviationNotice:
    """A reasoned notice of deviation from a term (mededeling van afwijking).

    ``given_on``: the day of the notice; ``until``: the new term it states.
    """

    given_on: date
    until: date


@attrs.frozen
class IntakeFacts:
    """What the KPZ procedure needs to know of a case, derived from its history."""

    received_on: date
    assessed_on: date | None = None
    registered_on: date | None = None
    acknowledged_on: date | None = None
    contacted_on: date | None = None
    commissie_wished_on: date | None = None
    functionaris_from: date | None = None
    functionaris_until: date | None = None
    route: str | None = None
    provider_informed_on: date | None = None
    provider_side_on: date | None = None
    outcome_reported_on: date | None = None
    commissie_on: date | None = None
    composed_on: date | None = None
    commissie_members: int = 0
    heard: tuple[str, ...] = ()
    oordeel_notices: tuple[DeviationNotice, ...] = ()
    oordeel_on: date | None = None
    finding: str | None = None
    response_notices: tuple[DeviationNotice, ...] = ()
    response_on: date | None = None
    takes_measures: bool | None = None
    closed_on: date | None = None


@attrs.frozen
class _Rules:
    """The citations and composition rules that differ between the regimes."""

    oordeel_term: str
    deviation: str
    composition: str
    hearing: str


_JEUGDWET = _Rules(
    oordeel_term=f"klachtenregeling ({ART_4_2_1} lid 2 sub c)",
    deviation=f"{ART_4_2_1} lid 2 sub d",
    composition=f"{ART_4_2_1} lid 2 sub a",
    hearing=f"{ART_4_2_1} lid 2 sub e",
)
_WMO = _Rules(
    oordeel_term=f"klachtenregeling ({WMO_REGELING})",
    deviation=f"klachtenregeling ({WMO_REGELING}; UNCONFIRMED)",
    composition=f"klachtenregeling ({WMO_REGELING}; UNCONFIRMED)",
    hearing=_kpz(13),
)


def _rules(case: Case) -> _Rules:
    return _JEUGDWET if isinstance(case.settings, JeugdwetSettings) else _WMO


_WITH_FUNCTIONARIS = frozenset(
    {
        "received",
        "assessed",
        "registered",
        "acknowledged",
        "contacted",
        "mediation",
        "mediated",
    }
)
_IN_HANDLING = frozenset(
    {
        "received",
        "assessed",
        "registered",
        "acknowledged",
        "contacted",
        "mediation",
        "mediated",
        "commissie",
        "judged",
    }
)
_SIDES = ("klager", "beklaagde")


# -- derived deadlines ------------------------------------------------------------


def _stated(start: date, until: date, source: str, cal: AtwCalendar) -> Deadline:
    """The new term stated in a notice of deviation, as a term in days.

    It is set by the notice, not by a wet: no Atw (Atw art. 5, a contrario).
    """
    return term_end(
        start,
        days=(until - start).days,
        kind=TermKind.NON_STATUTORY,
        source=source,
        calendar=cal,
    )


def _contact_deadline(case: Case, cal: AtwCalendar) -> Deadline:
    return term_end(
        case.facts.received_on,
        working_days=case.settings.contact_working_days,
        kind=TermKind.NON_STATUTORY,
        source=_kpz(5),
        calendar=cal,
    )


def _oordeel_terms(case: Case, cal: AtwCalendar) -> list[Deadline]:
    """The regeling's term, then the term stated by each deviation notice."""
    facts: IntakeFacts = case.facts
    assert facts.commissie_on is not None
    rules = _rules(case)
    start = (
        facts.received_on
        if case.settings.oordeel_from == "indiening"
        else facts.commissie_on
    )
    first = term_end(
        start,
        weeks=case.settings.oordeel_weeks,
        kind=TermKind.NON_STATUTORY,
        source=rules.oordeel_term,
        calendar=cal,
    )
    stated = [
        _stated(start, n.until, rules.deviation, cal) for n in facts.oordeel_notices
    ]
    return [first, *stated]


def _response_terms(case: Case, cal: AtwCalendar) -> list[Deadline]:
    """Lid 5's month after the oordeel, then the term stated by each notice."""
    facts: IntakeFacts = case.facts
    assert facts.oordeel_on is not None
    if case.settings.atw_for_lid5:
        kind, source = TermKind.STATUTORY, ART_LID_5
    else:
        kind = TermKind.NON_STATUTORY
        source = f"{ART_LID_5} (Atw not applied: setting atw_for_lid5=False)"
    first = term_end(facts.oordeel_on, months=1, kind=kind, source=source, calendar=cal)
    stated = [
        _stated(facts.oordeel_on, n.until, f"{ART_LID_5} (afwijking)", cal)
        for n in facts.response_notices
    ]
    return [first, *stated]


def _noticed(
    key: str,
    label: str,
    source: str,
    terms: list[Deadline],
    notices: tuple[DeviationNotice, ...],
) -> list[Due]:
    """One obligation per notice: given before the term then in force ran out."""
    return [
        Due(f"{key}_{n}", label, source, term, notice.given_on)
        for n, (notice, term) in enumerate(zip(notices, terms, strict=False), 1)
    ]


def _intake_dues(case: Case, cal: AtwCalendar) -> list[Due]:
    facts: IntakeFacts = case.facts
    rules = _rules(case)
    found: list[Due] = []
    if not (facts.contacted_on is None and case.state == "withdrawn"):
        found.append(
            Due(
                "contact",
                "Contact met klager per telefoon of e-mail",
                _kpz(5),
                _contact_deadline(case, cal),
                facts.contacted_on,
            )
        )
    if facts.commissie_on is not None and not (
        facts.oordeel_on is None and case.state == "withdrawn"
    ):
        terms = _oordeel_terms(case, cal)
        found.append(
            Due(
                "oordeel",
                "Schriftelijk, gemotiveerd oordeel van de klachtencommissie",
                rules.oordeel_term,
                terms[-1],
                facts.oordeel_on,
            )
        )
        found += _noticed(
            "oordeel_deviation",
            "Gemotiveerde mededeling afwijking termijn oordeel",
            rules.deviation,
            terms,
            facts.oordeel_notices,
        )
    return found


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a Jeugdwet case with their derived deadlines."""
    facts: IntakeFacts = case.facts
    found = _intake_dues(case, cal)
    if facts.oordeel_on is not None:
        terms = _response_terms(case, cal)
        found.append(
            Due(
                "response",
                "Standpunt zorgaanbieder over maatregelen",
                ART_LID_5,
                terms[-1],
                facts.response_on,
            )
        )
        found += _noticed(
            "response_deviation",
            "Gemotiveerde mededeling afwijking termijn standpunt",
            ART_LID_5,
            terms,
            facts.response_notices,
        )
    return tuple(found)


def wmo_deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a Wmo case with their derived deadlines."""
    return tuple(_intake_dues(case, cal))


# -- guards (legal conditions) ----------------------------------------------------


def _guard_mediation(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.commissie_wished_on is not None:
        return (
            "the klager asked for the klachtencommissie and that wish is granted; "
            f"refer the complaint to the commissie ({_kpz(7)})"
        )
    return None


def _guard_informed(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.provider_informed_on is None:
        return (
            "the zorgverlener has not been informed of the complaint yet and so has "
            f"had no chance to give its side ({_kpz(8)})"
        )
    return None


def _guard_compose(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    settings = case.settings
    rules = _rules(case)
    if isinstance(settings, JeugdwetSettings):
        minimum, independent = JEUGDWET_MIN_MEMBERS, True
    else:
        minimum, independent = (
            settings.commissie_min_members,
            settings.independent_chair,
        )
    members: int = record.data["members"]
    if members < minimum:
        return (
            f"a klachtencommissie of {members} member(s); at least {minimum} are "
            f"required ({rules.composition})"
        )
    if independent and record.data["chair_works_for_provider"]:
        return (
            "the chair works for or at the provider; the chair must not "
            f"({rules.composition})"
        )
    if record.data["member_complained_about"]:
        source = (
            f"{ART_4_2_1} lid 2 sub b"
            if rules is _JEUGDWET
            else (
                f"impartiality under the klachtenregeling ({WMO_REGELING}; "
                f"UNCONFIRMED; cf. {ART_4_2_1} lid 2 sub b)"
            )
        )
        return (
            "a member whose conduct is complained about may not handle the "
            f"complaint ({source})"
        )
    return None


def _guard_hear(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.composed_on is None:
        return (
            "the klachtencommissie is not composed yet; it hears the sides "
            f"({_rules(case).composition})"
        )
    return None


def _check_notice(current: Deadline, record: EventRecord, source: str) -> str | None:
    until: date = record.data["until"]
    if until <= current.due:
        return (
            f"the new term {until.isoformat()} is not after the term in force "
            f"({current.due.isoformat()}); a deviation notice states a later term "
            f"({source})"
        )
    if until <= record.day:
        return (
            f"the new term {until.isoformat()} does not lie after the notice of "
            f"{record.day.isoformat()} ({source})"
        )
    return None


def _guard_deviate(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return _check_notice(_oordeel_terms(case, cal)[-1], record, _rules(case).deviation)


def _guard_oordeel(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: IntakeFacts = case.facts
    rules = _rules(case)
    if facts.composed_on is None:
        return f"the klachtencommissie is not composed yet ({rules.composition})"
    missing = [side for side in _SIDES if side not in facts.heard]
    if missing:
        return (
            f"hoor en wederhoor: the {' and '.join(missing)} had no opportunity to "
            f"explain yet ({rules.hearing})"
        )
    return None


def _guard_respond(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if record.data["takes_measures"] and "measures" not in record.data:
        return f"measures are taken, so state which ({ART_LID_5})"
    return None


def _guard_defer(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    return _check_notice(
        _response_terms(case, cal)[-1], record, f"{ART_LID_5} (afwijking)"
    )


# -- reducer ----------------------------------------------------------------------


def initial_facts(settings: object) -> IntakeFacts:
    """Facts before the opening event is applied."""
    return IntakeFacts(received_on=date.min)


def reduce(case: Case, record: EventRecord) -> IntakeFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: IntakeFacts = case.facts
    day = record.day
    data = record.data
    event = record.event
    if event == "open":
        facts = IntakeFacts(received_on=day)
    elif event == "assess":
        facts = attrs.evolve(facts, assessed_on=day)
    elif event == "register":
        facts = attrs.evolve(facts, registered_on=day)
    elif event == "acknowledge":
        facts = attrs.evolve(facts, acknowledged_on=day)
    elif event == "contact":
        facts = attrs.evolve(facts, contacted_on=day)
    elif event == "inform_provider" and facts.provider_informed_on is None:
        facts = attrs.evolve(facts, provider_informed_on=day)
    elif event == "report_outcome":
        facts = attrs.evolve(facts, outcome_reported_on=day)
    elif event == "request_commissie" and facts.commissie_wished_on is None:
        facts = attrs.evolve(facts, commissie_wished_on=day)
    elif event == "engage_functionaris":
        facts = attrs.evolve(facts, functionaris_from=day)
    elif event == "choose_mediation":
        facts = attrs.evolve(facts, route="mediation")
    elif event == "refer_commissie":
        facts = attrs.evolve(facts, route="commissie", commissie_on=day)
    elif event == "provider_side" and facts.provider_side_on is None:
        facts = attrs.evolve(facts, provider_side_on=day)
    elif event == "escalate":
        facts = attrs.evolve(facts, commissie_on=day)
    elif event == "compose_commissie":
        facts = attrs.evolve(facts, composed_on=day, commissie_members=data["members"])
    elif event == "hear":
        facts = attrs.evolve(facts, heard=tuple(sorted({*facts.heard, data["side"]})))
    elif event == "deviate":
        notice = DeviationNotice(day, data["until"])
        facts = attrs.evolve(facts, oordeel_notices=(*facts.oordeel_notices, notice))
    elif event == "give_oordeel":
        facts = attrs.evolve(facts, oordeel_on=day, finding=data["finding"])
    elif event == "respond":
        facts = attrs.evolve(
            facts, response_on=day, takes_measures=data["takes_measures"]
        )
    elif event == "defer_response":
        notice = DeviationNotice(day, data["until"])
        facts = attrs.evolve(facts, response_notices=(*facts.response_notices, notice))
    # the functionaris takes no part in the commissie procedure (KPZ,
    # klachtenfunctionaris page) and leaves when the case ends
    if (
        case.state not in _WITH_FUNCTIONARIS
        and facts.functionaris_from is not None
        and facts.functionaris_until is None
    ):
        facts = attrs.evolve(facts, functionaris_until=day)
    if case.state not in _IN_HANDLING:
        facts = attrs.evolve(facts, closed_on=day)
    return facts


# -- events -----------------------------------------------------------------------

_K, _P = Role.KLAGER, Role.PROVIDER
_L, _F, _C = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS, Role.KLACHTENCOMMISSIE
_TEXT = (str,)


def _open_event(basis: str, settings_type: type, *extra: Field) -> EventSpec:
    return EventSpec(
        "open",
        "Klacht ontvangen",
        basis,
        frozenset({_K, _L}),
        (
            Field("klager", (Party,), role=_K, doc="the klager"),
            Field("provider", (Party,), role=_P, doc="the aanbieder complained about"),
            Field("settings", (settings_type,), doc="terms of the klachtenregeling"),
            Field("complaint", _TEXT, personal=True, doc="the complaint"),
            *extra,
        ),
    )


def _intake_events(
    *,
    engage: str,
    refer: str,
    escalate: str,
    compose: str,
    hear: str,
    deviate: str,
    oordeel: str,
    withdraw: str,
) -> tuple[EventSpec, ...]:
    """The events both regimes share; the arguments are the legal bases that differ."""
    return (
        EventSpec("assess", "Eerste beoordeling", _kpz(2), frozenset({_L})),
        EventSpec("register", "Klacht geregistreerd", _kpz(3), frozenset({_L})),
        EventSpec(
            "acknowledge", "Ontvangstbevestiging verstuurd", _kpz(4), frozenset({_L})
        ),
        EventSpec(
            "contact",
            "Contact opgenomen met klager",
            _kpz(5),
            frozenset({_L, _F}),
            (
                Field(
                    "channel", _TEXT, choices=("phone", "email"), doc="telefoon/e-mail"
                ),
            ),
        ),
        EventSpec(
            "request_commissie",
            "Klager wenst klachtencommissie",
            _kpz(7),
            frozenset({_K}),
        ),
        EventSpec(
            "engage_functionaris",
            "Klachtenfunctionaris ingeschakeld",
            engage,
            frozenset({_K, _P, _L}),
            (
                Field(
                    "functionaris",
                    (Party,),
                    role=_F,
                    doc="the independent klachtenfunctionaris",
                ),
            ),
        ),
        EventSpec(
            "choose_mediation", "Bemiddeling gekozen", _kpz(6, 8), frozenset({_L})
        ),
        EventSpec(
            "refer_commissie",
            "Voorgedragen aan klachtencommissie",
            refer,
            frozenset({_L}),
        ),
        EventSpec(
            "inform_provider",
            "Zorgverlener geïnformeerd",
            _kpz(8),
            frozenset({_L, _F}),
        ),
        EventSpec(
            "provider_side",
            "Reactie zorgverlener ontvangen",
            _kpz(8),
            frozenset({_P}),
            (Field("side", _TEXT, personal=True, doc="its side of the story"),),
        ),
        EventSpec(
            "report_outcome",
            "Uitkomst aan klager gemeld",
            _kpz(9),
            frozenset({_L, _F}),
            (Field("outcome", _TEXT, personal=True, doc="the proposed solution"),),
        ),
        EventSpec("accept", "Klager tevreden", _kpz(10), frozenset({_K})),
        EventSpec(
            "escalate",
            "Klacht voorgelegd aan klachtencommissie",
            escalate,
            frozenset({_K}),
        ),
        EventSpec(
            "compose_commissie",
            "Klachtencommissie samengesteld",
            compose,
            frozenset({_C}),
            (
                Field("commissie", (Party,), role=_C, doc="the klachtencommissie"),
                Field("members", (int,), bounds=(1, 15), doc="number of members"),
                Field(
                    "chair_works_for_provider",
                    (bool,),
                    doc="the chair works for or at the provider",
                ),
                Field(
                    "member_complained_about",
                    (bool,),
                    doc="a member's own conduct is complained about",
                ),
            ),
        ),
        EventSpec(
            "hear",
            "Gelegenheid tot toelichting gegeven",
            hear,
            frozenset({_C}),
            (
                Field("side", _TEXT, choices=_SIDES, doc="klager or beklaagde"),
                Field(
                    "form",
                    _TEXT,
                    choices=("oral", "written"),
                    doc="mondeling or schriftelijk",
                ),
                Field("assisted", (bool,), required=False, doc="with bijstand"),
                Field(
                    "statement",
                    _TEXT,
                    required=False,
                    personal=True,
                    doc="the explanation, if the side used the opportunity",
                ),
            ),
        ),
        EventSpec(
            "deviate",
            "Afwijking termijn oordeel gemeld",
            deviate,
            frozenset({_C}),
            (
                Field("reasons", _TEXT, personal=True, doc="why (met redenen omkleed)"),
                Field("until", (date,), doc="the new term, as a date"),
            ),
        ),
        EventSpec(
            "give_oordeel",
            "Oordeel klachtencommissie gegeven",
            oordeel,
            frozenset({_C}),
            (
                Field(
                    "finding",
                    _TEXT,
                    choices=("upheld", "partly_upheld", "rejected"),
                    doc="gegrond, gedeeltelijk gegrond or ongegrond",
                ),
                Field("reasons", _TEXT, personal=True, doc="met redenen omkleed"),
                Field(
                    "recommendations",
                    _TEXT,
                    required=False,
                    personal=True,
                    doc="aanbevelingen",
                ),
            ),
        ),
        EventSpec("withdraw", "Klacht ingetrokken", withdraw, frozenset({_K})),
    )


OPEN_EVENT = _open_event(
    f"{ART_4_2_1} lid 1 en 4; {_kpz(1)}",
    JeugdwetSettings,
    Field(
        "capacity",
        _TEXT,
        choices=(
            "youth",
            "parent",
            "parent_without_authority",
            "guardian",
            "co_custodian",
            "foster_parent",
            "surviving_relative",
        ),
        doc=(
            "jeugdige, ouder, ouder zonder gezag, voogd, mede-gezaghebber, "
            "pleegouder or nabestaande (art. 4.2.1 lid 1 en 4)"
        ),
    ),
)

EVENTS = (
    *_intake_events(
        engage=(
            "Jeugdwet paragraaf 4.2 (optional: no klachtenfunctionaris "
            "required, cf. art. 4.1.9); KPZ practice"
        ),
        refer=f"{_kpz(6, 7)}; {ART_4_2_1} lid 2 sub a",
        escalate=f"{_kpz(11)}; {ART_4_2_1} lid 2 sub a",
        compose=f"{ART_4_2_1} lid 2 sub a en b, lid 3",
        hear=f"{ART_4_2_1} lid 2 sub e en f; {_kpz(13)}",
        deviate=f"{ART_4_2_1} lid 2 sub d",
        oordeel=f"{ART_4_2_1} lid 2 sub c; {_kpz(12, 13)}",
        withdraw=WITHDRAWAL,
    ),
    EventSpec(
        "respond",
        "Standpunt over maatregelen gegeven",
        ART_LID_5,
        frozenset({_P}),
        (
            Field("takes_measures", (bool,), doc="whether it takes measures"),
            Field("measures", _TEXT, required=False, personal=True, doc="which"),
        ),
    ),
    EventSpec(
        "defer_response",
        "Afwijking termijn standpunt gemeld",
        f"{ART_LID_5} (afwijking)",
        frozenset({_P}),
        (
            Field("reasons", _TEXT, personal=True, doc="why (met redenen omkleed)"),
            Field("until", (date,), doc="the term within which it takes a position"),
        ),
    ),
)

_GUARDS: dict[str, Guard] = {
    "engage_functionaris": guard_same_functionaris,
    "choose_mediation": _guard_mediation,
    "provider_side": _guard_informed,
    "report_outcome": _guard_informed,
    "compose_commissie": _guard_compose,
    "hear": _guard_hear,
    "deviate": _guard_deviate,
    "give_oordeel": _guard_oordeel,
}

_STATE_BASIS = {
    "received": _kpz(1),
    "assessed": _kpz(2),
    "registered": _kpz(3),
    "acknowledged": _kpz(4),
    "contacted": _kpz(5),
    "mediation": _kpz(8),
    "mediated": _kpz(9),
    "closed": _kpz(10, 14),
}

DEFINITION = Definition(
    name="jeugdwet",
    title="Jeugdwet (BWBR0034925), paragraaf 4.2 Klachtrecht",
    machine=JeugdwetMachine,
    state_basis={
        **_STATE_BASIS,
        "commissie": f"{ART_4_2_1} lid 2 sub a; {_kpz(7, 11)}",
        "judged": f"{ART_4_2_1} lid 2 sub c, lid 5",
        "closed": f"{_kpz(10)}; {ART_LID_5}",
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=JeugdwetSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        **_GUARDS,
        "respond": _guard_respond,
        "defer_response": _guard_defer,
    },
)

WMO_OPEN_EVENT = _open_event(
    f"{WMO_REGELING}, art. 2.1.3 lid 2 sub d; {_kpz(1)}",
    WmoSettings,
    Field(
        "verordening",
        _TEXT,
        required=False,
        doc="the gemeentelijke verordening requiring the regeling (art. 2.1.3)",
    ),
)

WMO_EVENTS = _intake_events(
    engage=f"klachtenregeling ({WMO_REGELING}; optional); KPZ practice",
    refer=_kpz(6, 7),
    escalate=_kpz(11),
    compose=f"klachtenregeling ({WMO_REGELING}); {_kpz(11)} (composition UNCONFIRMED)",
    hear=_kpz(13),
    deviate=f"klachtenregeling ({WMO_REGELING}; deviation rule UNCONFIRMED)",
    oordeel=f"{_kpz(12, 13)}; {WMO_REGELING}",
    withdraw=WMO_WITHDRAWAL,
)

WMO_DEFINITION = Definition(
    name="wmo",
    title="Wet maatschappelijke ondersteuning 2015 (BWBR0035362), art. 3.2 lid 1 sub a",
    machine=WmoMachine,
    state_basis={
        **_STATE_BASIS,
        "commissie": _kpz(7, 11),
        "withdrawn": WMO_WITHDRAWAL,
    },
    open_event=WMO_OPEN_EVENT,
    events=WMO_EVENTS,
    settings_type=WmoSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=wmo_deadlines,
    guards=_GUARDS,
)
