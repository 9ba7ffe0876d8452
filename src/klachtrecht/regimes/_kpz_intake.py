"""KPZ intake procedure: from the klachtenloket to the klachtencommissie.

Source: Klachtenportaal Zorg (KPZ), "De spelregels voor de klachtenprocedure
klachten WMO en Jeugdzorg", spelregels 1-14 (seed kpz-klachtenprocedure.txt).
The KPZ reglement itself was not read, so its rules are cited by spelregel and
its article numbers and terms are UNCONFIRMED.

More information:
https://klachtenportaalzorg.nl/client-patient/

Shared by the Jeugdwet and Wmo 2015 regimes, which run the same KPZ flow:
klacht ontvangen -> eerste beoordeling -> geregistreerd -> ontvangstbevestiging
-> contact with the klager within five working days -> bemiddeling, or the
klachtencommissie (granted whenever the klager asks, spelregel 7) -> hoor en
wederhoor -> the commissie's reasoned oordeel. What differs per regime (the
citations, the commissie's composition, whether the provider answers the
oordeel) is a parameter: :class:`IntakeRules` and the machine factory
:func:`intake_machine`, which builds a fresh ``StateMachine`` class on every
call (python-statemachine 3.2 shares State objects between subclasses, so the
regimes cannot share a base class). The event specs are in
:mod:`klachtrecht.regimes._kpz_intake_events`.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from datetime import date
from typing import Any

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, Due, EventRecord
from klachtrecht._definition import Guard, each_to, requires
from klachtrecht._fast import day_of, evolver
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._kpz_functionaris import guard_same_functionaris

__all__ = [
    "KPZ",
    "SIDES",
    "DeviationNotice",
    "IntakeFacts",
    "IntakeRules",
    "intake_dues",
    "intake_guards",
    "intake_machine",
    "kpz",
    "notice_problem",
    "noticed",
    "oordeel_terms",
    "reduce_intake",
    "stated_term",
]

KPZ = "KPZ, spelregels klachtenprocedure Wmo en Jeugdzorg"
SIDES = ("klager", "beklaagde")


def kpz(*rules: int) -> str:
    """The citation of KPZ spelregel(s), e.g. ``kpz(6, 7)``."""
    return f"{KPZ}, spelregel {' en '.join(str(r) for r in rules)}"


# -- machine ----------------------------------------------------------------------


def intake_machine(
    name: str, doc: str, module: str, *, measures_response: bool
) -> type[StateMachine]:
    """A fresh ``StateMachine`` class of the KPZ procedure (new State objects
    on every call). With ``measures_response`` the oordeel leads to ``judged``
    where the provider states its measures (``respond``, ``defer_response``:
    Jeugdwet art. 4.2.1 lid 5), and the commissie records who it told
    (``notify``) and a serious structural situation (art. 4.2.2), also after
    the provider's position (``responded``, until ``close``); without, the
    oordeel ends the case."""
    received = State("Klacht ontvangen", initial=True)
    assessed = State("Eerste beoordeling gedaan")
    registered = State("Geregistreerd en in behandeling")
    acknowledged = State("Ontvangst bevestigd")
    contacted = State("Contact met klager opgenomen")
    mediation = State("Bemiddeling")
    mediated = State("Uitkomst bemiddeling gemeld")
    commissie = State("Bij de klachtencommissie")
    judged = State("Oordeel gegeven")
    responded = State("Standpunt gegeven")
    closed = State("Afgehandeld", final=True)
    withdrawn = State("Ingetrokken", final=True)
    intake = (received, assessed, registered, acknowledged, contacted)
    body: dict[str, Any] = {
        "__doc__": doc,
        "__module__": module,
        "received": received,
        "assessed": assessed,
        "registered": registered,
        "acknowledged": acknowledged,
        "contacted": contacted,
        "mediation": mediation,
        "mediated": mediated,
        "commissie": commissie,
    }
    if measures_response:
        body |= {"judged": judged, "responded": responded}
    body |= {
        "closed": closed,
        "withdrawn": withdrawn,
        "assess": Event(received.to(assessed), name="Eerste beoordeling"),
        "register": Event(assessed.to(registered), name="Klacht geregistreerd"),
        "acknowledge": Event(
            registered.to(acknowledged), name="Ontvangstbevestiging verstuurd"
        ),
        "contact": Event(
            acknowledged.to(contacted), name="Contact opgenomen met klager"
        ),
        "request_commissie": Event(
            each_to(None, *intake), name="Klager wenst klachtencommissie"
        ),
        "engage_functionaris": Event(
            each_to(None, *intake, mediation, mediated),
            name="Klachtenfunctionaris ingeschakeld",
        ),
        "choose_mediation": Event(contacted.to(mediation), name="Bemiddeling gekozen"),
        "refer_commissie": Event(
            contacted.to(commissie), name="Voorgedragen aan klachtencommissie"
        ),
        "inform_provider": Event(
            mediation.to(mediation), name="Zorgverlener geïnformeerd"
        ),
        "provider_side": Event(
            mediation.to(mediation), name="Reactie zorgverlener ontvangen"
        ),
        "report_outcome": Event(
            mediation.to(mediated), name="Uitkomst aan klager gemeld"
        ),
        "accept": Event(mediated.to(closed), name="Klager tevreden"),
        "escalate": Event(
            each_to(commissie, mediation, mediated),
            name="Klacht voorgelegd aan klachtencommissie",
        ),
        "compose_commissie": Event(
            commissie.to(commissie), name="Klachtencommissie samengesteld"
        ),
        "hear": Event(
            commissie.to(commissie), name="Gelegenheid tot toelichting gegeven"
        ),
        "deviate": Event(
            commissie.to(commissie), name="Afwijking termijn oordeel gemeld"
        ),
        "give_oordeel": Event(
            commissie.to(judged if measures_response else closed),
            name="Oordeel klachtencommissie gegeven",
        ),
    }
    if measures_response:
        body["respond"] = Event(
            judged.to(responded), name="Standpunt over maatregelen gegeven"
        )
        body["close"] = Event(responded.to(closed), name="Zaak afgesloten")
        body["defer_response"] = Event(
            judged.to(judged), name="Afwijking termijn standpunt gemeld"
        )
        # Jeugdwet art. 4.2.1 lid 2 sub c-d, lid 5 and art. 4.2.2 (jeugdwet.py)
        for event, label in (
            ("notify", "Schriftelijk meegedeeld"),
            ("inform_structural", "Aanbieder ingelicht over ernstige situatie"),
            ("report_toezicht", "Klacht gemeld aan toezichthouders"),
        ):
            body[event] = Event(each_to(None, commissie, judged, responded), name=label)
    body["withdraw"] = Event(
        each_to(withdrawn, *intake, mediation, mediated, commissie),
        name="Klacht ingetrokken",
    )
    machine = types.new_class(
        name, (StateMachine,), exec_body=lambda ns: ns.update(body)
    )
    assert issubclass(machine, StateMachine)
    return machine


# -- facts ------------------------------------------------------------------------


@attrs.frozen
class DeviationNotice:
    """A reasoned notice of deviation from a term (mededeling van afwijking).

    ``given_on``: the day of the notice; ``until``: the new term it states.
    """

    given_on: date
    until: date


@attrs.frozen(slots=False)  # evolved by a dict copy (klachtrecht._fast)
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
    closed_on: date | None = None


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
_IN_HANDLING = _WITH_FUNCTIONARIS | {"commissie", "judged", "responded"}

#: Events that record their day in a fact (``_FIRST``: only the first time).
_DAYS = {
    "assess": "assessed_on",
    "register": "registered_on",
    "acknowledge": "acknowledged_on",
    "contact": "contacted_on",
    "report_outcome": "outcome_reported_on",
    "engage_functionaris": "functionaris_from",
    "escalate": "commissie_on",
}
_FIRST = {
    "inform_provider": "provider_informed_on",
    "request_commissie": "commissie_wished_on",
    "provider_side": "provider_side_on",
}


def reduce_intake(case: Case, record: EventRecord, facts_type: type) -> Any:
    """The facts after ``record`` (already appended to ``case.history``);
    ``facts_type`` is the regime's facts class (``IntakeFacts`` or a subclass)."""
    facts = case.facts
    _evolve = evolver(facts_type)
    day = day_of(record)
    data = record.data
    event = record.event
    if event == "open":
        facts = facts_type(received_on=day)
    elif event in _DAYS:
        facts = _evolve(facts, **{_DAYS[event]: day})
    elif event in _FIRST:
        if getattr(facts, _FIRST[event]) is None:
            facts = _evolve(facts, **{_FIRST[event]: day})
    elif event == "choose_mediation":
        facts = _evolve(facts, route="mediation")
    elif event == "refer_commissie":
        facts = _evolve(facts, route="commissie", commissie_on=day)
    elif event == "compose_commissie":
        facts = _evolve(facts, composed_on=day, commissie_members=data["members"])
    elif event == "hear":
        facts = _evolve(facts, heard=tuple(sorted({*facts.heard, data["side"]})))
    elif event == "deviate":
        notice = DeviationNotice(day, data["until"])
        facts = _evolve(facts, oordeel_notices=(*facts.oordeel_notices, notice))
    elif event == "give_oordeel":
        facts = _evolve(facts, oordeel_on=day, finding=data["finding"])
    # the functionaris takes no part in the commissie procedure (KPZ,
    # klachtenfunctionaris page) and leaves when the case ends
    if (
        case.state not in _WITH_FUNCTIONARIS
        and facts.functionaris_from is not None
        and facts.functionaris_until is None
    ):
        facts = _evolve(facts, functionaris_until=day)
    if case.state not in _IN_HANDLING:
        facts = _evolve(facts, closed_on=day)
    return facts


# -- deadlines --------------------------------------------------------------------


@attrs.frozen
class IntakeRules:
    """What differs between the regimes that run the KPZ procedure: the
    citations of the oordeel term, a deviation, the commissie's composition,
    the hearing and impartiality, and the composition rule itself
    (``members(settings)``: the minimum number of members and whether the
    chair must be independent of the provider)."""

    oordeel_term: str
    deviation: str
    composition: str
    hearing: str
    impartiality: str
    members: Callable[[Any], tuple[int, bool]]


def stated_term(start: date, until: date, source: str, cal: AtwCalendar) -> Deadline:
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


def oordeel_terms(case: Case, rules: IntakeRules, cal: AtwCalendar) -> list[Deadline]:
    """The regeling's term, then the term stated by each deviation notice."""
    facts: IntakeFacts = case.facts
    assert facts.commissie_on is not None
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
    notices = facts.oordeel_notices
    return [
        first,
        *(stated_term(start, n.until, rules.deviation, cal) for n in notices),
    ]


def noticed(
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


def intake_dues(case: Case, rules: IntakeRules, cal: AtwCalendar) -> list[Due]:
    """The obligations every KPZ case has: contact within five working days
    (spelregel 5), the commissie's oordeel and each deviation notice."""
    facts: IntakeFacts = case.facts
    found: list[Due] = []
    contact = term_end(
        facts.received_on,
        working_days=case.settings.contact_working_days,
        kind=TermKind.NON_STATUTORY,
        source=kpz(5),
        calendar=cal,
    )
    found.append(
        Due(
            "contact",
            "Contact met klager per telefoon of e-mail",
            kpz(5),
            contact,
            facts.contacted_on,
        )
    )
    if facts.commissie_on is not None:
        terms = oordeel_terms(case, rules, cal)
        found.append(
            Due(
                "oordeel",
                "Schriftelijk, gemotiveerd oordeel van de klachtencommissie",
                rules.oordeel_term,
                terms[-1],
                facts.oordeel_on,
            )
        )
        found += noticed(
            "oordeel_deviation",
            "Gemotiveerde mededeling afwijking termijn oordeel",
            rules.deviation,
            terms,
            facts.oordeel_notices,
        )
    if case.state == "withdrawn":  # not met, not yet missed: no longer owed
        end = facts.closed_on or date.max
        found = [d for d in found if d.met_on is not None or d.due < end]
    return found


# -- guards -----------------------------------------------------------------------


def notice_problem(current: Deadline, record: EventRecord, source: str) -> str | None:
    """Why a deviation notice is refused: its new term (``until``) must lie
    after the term in force and after the notice itself."""
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


def _guard_mediation(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.commissie_wished_on is not None:
        return (
            "the klager asked for the klachtencommissie and that wish is granted; "
            f"refer the complaint to the commissie ({kpz(7)})"
        )
    return None


def intake_guards(rules: IntakeRules) -> dict[str, Guard]:
    """The guards of the KPZ procedure, with the regime's citations."""

    def compose(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        minimum, independent = rules.members(case.settings)
        members: int = record.data["members"]
        if members < minimum:
            return (
                f"a klachtencommissie of {members} member(s); at least {minimum} "
                f"are required ({rules.composition})"
            )
        if independent and record.data["chair_works_for_provider"]:
            return (
                "the chair works for or at the provider; the chair must not "
                f"({rules.composition})"
            )
        if record.data["member_complained_about"]:
            return (
                "a member whose conduct is complained about may not handle the "
                f"complaint ({rules.impartiality})"
            )
        return None

    def deviate(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        current = oordeel_terms(case, rules, cal)[-1]
        return notice_problem(current, record, rules.deviation)

    def oordeel(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        facts: IntakeFacts = case.facts
        if facts.composed_on is None:
            return f"the klachtencommissie is not composed yet ({rules.composition})"
        missing = [side for side in SIDES if side not in facts.heard]
        if missing:
            return (
                f"hoor en wederhoor: the {' and '.join(missing)} had no "
                f"opportunity to explain yet ({rules.hearing})"
            )
        return None

    informed = requires(
        "provider_informed_on",
        "the zorgverlener has not been informed of the complaint yet and so has "
        f"had no chance to give its side ({kpz(8)})",
    )
    return {
        "engage_functionaris": guard_same_functionaris,
        "choose_mediation": _guard_mediation,
        "provider_side": informed,
        "report_outcome": informed,
        "compose_commissie": compose,
        "hear": requires(
            "composed_on",
            "the klachtencommissie is not composed yet; it hears the sides "
            f"({rules.composition})",
        ),
        "deviate": deviate,
        "give_oordeel": oordeel,
    }
