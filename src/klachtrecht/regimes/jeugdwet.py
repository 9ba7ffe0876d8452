"""Jeugdwet regime: complaints about jeugdhulp, from the klachtenloket to the
klachtencommissie.

Official name: Jeugdwet, BWBR0034925, paragraaf 4.2 (art. 4.2.1-4.2.3).

More information:
https://wetten.overheid.nl/BWBR0034925/2026-01-01
https://klachtenportaalzorg.nl/client-patient/
Seeds: Klachtenportaal Zorg (KPZ), "De spelregels voor de klachtenprocedure
klachten WMO en Jeugdzorg", spelregels 1-14 (kpz-klachtenprocedure.txt). The KPZ
reglement itself was not read, so its rules are cited by spelregel and its
article numbers and terms are UNCONFIRMED.

Flow (KPZ spelregels, shared with the Wmo regime: :mod:`._kpz_intake`): klacht
ontvangen -> eerste beoordeling by the klachtenloket -> geregistreerd en in
behandeling -> ontvangstbevestiging -> contact with the klager by phone or
e-mail within five working days -> route: bemiddeling, or direct to the
klachtencommissie (granted whenever the klager asks for it, spelregel 7) -> in
bemiddeling the zorgverlener is informed and gives its side, the klager hears
the outcome -> satisfied: afgehandeld; otherwise the klager may put the
complaint to the commissie -> hoor en wederhoor -> the commissie's written,
reasoned oordeel on (on)gegrondheid with optional aanbevelingen. The commissie
gives no judgment on liability or damages (spelregel 12): the oordeel has no
damages field.

Jeugdwet art. 4.2.1: a commissie of at least three members whose chair does not
work for or at the provider, without anyone whose conduct is complained about
(lid 2 sub a, b); the oordeel term is the regeling's (sub c), a deviation needs
a reasoned notice stating the new term (sub d); both sides may explain orally or
in writing (sub e), with bijstand (sub f). Then the provider tells klager and
commissie within one month whether and which measures it takes (lid 5, a
statutory term: the Atw applies), or sends a reasoned notice with a new term.
Who is told what (sub c: klager, beklaagde, aanbieder; sub d: the same; lid 5:
klager and commissie) is recorded with ``notify``. A complaint about a serious
situation of a structural nature is made known to the provider and, when no
measures appear, reported to the toezichthouders (art. 4.2.2:
``inform_structural``, ``report_toezicht``; no term). Both stay possible after
the provider's position (state ``responded``): the report is owed exactly when
the provider takes no measures; ``close`` (commissie or provider) then ends the
case, which the Jeugdwet does not regulate (the klachtenregeling's). Stored
cases from before ``responded`` (``respond`` led to ``closed``) are read as
``responded``: see :mod:`klachtrecht._upgrade`. Art. 4.2.3 (youth
involuntarily admitted under another act) is not a guard: those complaints
belong to the Wvggz and Wzd regimes. A klachtenfunctionaris is optional (the
Jeugdwet requires a vertrouwenspersoon instead, art. 4.1.9). Awb titel 9.1
does not apply (lid 8).

Clocks: the five working days run from receipt of the complaint (spelregel 5
names no start: our reading, the earliest possible start, so a due date is never
too late; UNCONFIRMED). The oordeel term runs "na indiening" (sub c), so by
default from receipt of the complaint too; a regeling that counts from the day
the complaint is put to the klachtencommissie (``refer_commissie`` or
``escalate``) can be followed with the setting ``oordeel_from="commissie"``
(UNCONFIRMED for the KPZ reglement, not read). Lid 5's month runs from
receiving the oordeel; we count from the ``at`` of ``give_oordeel``, the day the
commissie gave it, which is never later than the provider's receipt.
"""

from __future__ import annotations

from datetime import date

import attrs

from klachtrecht._capacities import JEUGDWET as JEUGDWET_CAPACITIES
from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import Definition, EventSpec, Field
from klachtrecht._fast import evolve
from klachtrecht._validators import int_between, is_bool, one_of
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end
from klachtrecht.regimes._kpz_intake import (
    DeviationNotice,
    IntakeFacts,
    IntakeRules,
    intake_dues,
    intake_guards,
    intake_machine,
    kpz,
    notice_problem,
    noticed,
    reduce_intake,
    stated_term,
)
from klachtrecht.regimes._kpz_intake_events import (
    INTAKE_STATE_BASIS,
    intake_events,
    open_event,
)

__all__ = ["DEFINITION", "JeugdwetFacts", "JeugdwetMachine", "JeugdwetSettings"]

ART_4_2_1 = "Jeugdwet art. 4.2.1"
ART_LID_5 = "Jeugdwet art. 4.2.1 lid 5"
ART_4_2_2 = "Jeugdwet art. 4.2.2"
CLOSING = f"klachtenregeling, after {ART_LID_5} and {ART_4_2_2}"
WITHDRAWAL = "not regulated in the Jeugdwet (klachtenregeling)"

#: Jeugdwet art. 4.2.1 lid 2 sub a: a klachtencommissie of at least three members.
JEUGDWET_MIN_MEMBERS = 3


# -- machine -------------------------------------------------------------------


JeugdwetMachine = intake_machine(
    "JeugdwetMachine",
    "States and transitions of the KPZ procedure under Jeugdwet art. 4.2.1.",
    __name__,
    measures_response=True,
)


# -- settings ------------------------------------------------------------------


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


# -- facts ---------------------------------------------------------------------


@attrs.frozen(slots=False)  # evolved by a dict copy (klachtrecht._fast)
class JeugdwetFacts(IntakeFacts):
    """The facts of the KPZ procedure plus the provider's answer to the
    oordeel (art. 4.2.1 lid 5)."""

    response_notices: tuple[DeviationNotice, ...] = ()
    response_on: date | None = None
    takes_measures: bool | None = None
    notified: tuple[tuple[str, str, date], ...] = ()
    structural_informed_on: date | None = None
    toezicht_reported_on: date | None = None


def initial_facts(settings: JeugdwetSettings) -> JeugdwetFacts:
    """Facts before the opening event is applied."""
    return JeugdwetFacts(received_on=date.min)


def reduce(case: Case, record: EventRecord) -> JeugdwetFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: JeugdwetFacts = reduce_intake(case, record, JeugdwetFacts)
    if record.event == "respond":
        return evolve(
            facts, response_on=record.day, takes_measures=record.data["takes_measures"]
        )
    if record.event == "defer_response":
        notice = DeviationNotice(record.day, record.data["until"])
        return evolve(facts, response_notices=(*facts.response_notices, notice))
    if record.event == "notify":
        sent = (record.data["of"], record.data["to"], record.day)
        return evolve(facts, notified=(*facts.notified, sent))
    if record.event == "inform_structural" and facts.structural_informed_on is None:
        return evolve(facts, structural_informed_on=record.day)
    if record.event == "report_toezicht" and facts.toezicht_reported_on is None:
        return evolve(facts, toezicht_reported_on=record.day)
    return facts


# -- deadlines -----------------------------------------------------------------


RULES = IntakeRules(
    oordeel_term=f"klachtenregeling ({ART_4_2_1} lid 2 sub c)",
    deviation=f"{ART_4_2_1} lid 2 sub d",
    composition=f"{ART_4_2_1} lid 2 sub a",
    hearing=f"{ART_4_2_1} lid 2 sub e",
    impartiality=f"{ART_4_2_1} lid 2 sub b",
    members=lambda settings: (JEUGDWET_MIN_MEMBERS, True),
)


def _response_terms(case: Case, cal: AtwCalendar) -> list[Deadline]:
    """Lid 5's month after the oordeel, then the term stated by each notice."""
    facts: JeugdwetFacts = case.facts
    assert facts.oordeel_on is not None
    if case.settings.atw_for_lid5:
        kind, source = TermKind.STATUTORY, ART_LID_5
    else:
        kind = TermKind.NON_STATUTORY
        source = f"{ART_LID_5} (Atw not applied: setting atw_for_lid5=False)"
    first = term_end(facts.oordeel_on, months=1, kind=kind, source=source, calendar=cal)
    stated = [
        stated_term(facts.oordeel_on, n.until, f"{ART_LID_5} (afwijking)", cal)
        for n in facts.response_notices
    ]
    return [first, *stated]


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a Jeugdwet case with their derived deadlines."""
    facts: JeugdwetFacts = case.facts
    found = intake_dues(case, RULES, cal)
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
        found += noticed(
            "response_deviation",
            "Gemotiveerde mededeling afwijking termijn standpunt",
            ART_LID_5,
            terms,
            facts.response_notices,
        )
    return tuple(found)


# -- guards --------------------------------------------------------------------


def _guard_respond(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if record.data["takes_measures"] and "measures" not in record.data:
        return f"measures are taken, so state which ({ART_LID_5})"
    return None


#: Who receives each written communication, and the article that says so.
RECIPIENTS: dict[str, tuple[tuple[str, ...], str]] = {
    "oordeel": (("klager", "beklaagde", "provider"), f"{ART_4_2_1} lid 2 sub c"),
    "deviation": (("klager", "beklaagde", "provider"), f"{ART_4_2_1} lid 2 sub d"),
    "response_deviation": (("klager", "commissie"), ART_LID_5),
}


def _guard_notify(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: JeugdwetFacts = case.facts
    of: str = record.data["of"]
    allowed, source = RECIPIENTS[of]
    if record.data["to"] not in allowed:
        return f"the {of} goes to {', '.join(allowed)} only ({source})"
    given = {
        "oordeel": facts.oordeel_on,
        "deviation": facts.oordeel_notices,
        "response_deviation": facts.response_notices,
    }[of]
    if not given:
        return f"no {of} has been given yet to tell anyone about ({source})"
    return None


def _guard_defer(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    current = _response_terms(case, cal)[-1]
    return notice_problem(current, record, f"{ART_LID_5} (afwijking)")


def _guard_report(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if case.facts.structural_informed_on is None:
        return (
            "the commissie first informs the provider of the serious structural "
            f"situation ({ART_4_2_2})"
        )
    if not record.data["no_measures_seen"]:
        return (
            "the commissie reports only when it has not seen the provider take "
            f"measures ({ART_4_2_2})"
        )
    return None


# -- definition ----------------------------------------------------------------


_TEXT = (str,)

OPEN_EVENT = open_event(
    f"{ART_4_2_1} lid 1 en 4; {kpz(1)}",
    JeugdwetSettings,
    Field(
        "capacity",
        _TEXT,
        choices=JEUGDWET_CAPACITIES,
        doc=(
            "jeugdige, ouder, ouder zonder gezag, voogd, mede-gezaghebber, "
            "pleegouder or nabestaande (art. 4.2.1 lid 1 en 4)"
        ),
    ),
)

EVENTS = (
    *intake_events(
        engage=(
            "Jeugdwet paragraaf 4.2 (optional: no klachtenfunctionaris "
            "required, cf. art. 4.1.9); KPZ practice"
        ),
        refer=f"{kpz(6, 7)}; {ART_4_2_1} lid 2 sub a",
        escalate=f"{kpz(11)}; {ART_4_2_1} lid 2 sub a",
        compose=f"{ART_4_2_1} lid 2 sub a en b, lid 3",
        hear=f"{ART_4_2_1} lid 2 sub e en f; {kpz(13)}",
        deviate=f"{ART_4_2_1} lid 2 sub d",
        oordeel=f"{ART_4_2_1} lid 2 sub c; {kpz(12, 13)}",
        withdraw=WITHDRAWAL,
    ),
    EventSpec(
        "respond",
        "Standpunt over maatregelen gegeven",
        ART_LID_5,
        frozenset({Role.PROVIDER}),
        (
            Field("takes_measures", (bool,), doc="whether it takes measures"),
            Field("measures", _TEXT, required=False, personal=True, doc="which"),
        ),
    ),
    EventSpec(
        "close",
        "Zaak afgesloten",
        CLOSING,
        frozenset({Role.KLACHTENCOMMISSIE, Role.PROVIDER}),
    ),
    EventSpec(
        "notify",
        "Schriftelijk meegedeeld",
        f"{ART_4_2_1} lid 2 sub c en d, lid 5",
        frozenset({Role.KLACHTENCOMMISSIE, Role.PROVIDER}),
        (
            Field(
                "of",
                _TEXT,
                choices=tuple(RECIPIENTS),
                doc="the oordeel (sub c), a deviation (sub d) or lid 5's deviation",
            ),
            Field(
                "to",
                _TEXT,
                choices=("klager", "beklaagde", "provider", "commissie"),
                doc="the recipient the article names",
            ),
        ),
    ),
    EventSpec(
        "inform_structural",
        "Aanbieder ingelicht over ernstige situatie",
        ART_4_2_2,
        frozenset({Role.KLACHTENCOMMISSIE}),
    ),
    EventSpec(
        "report_toezicht",
        "Klacht gemeld aan toezichthouders",
        ART_4_2_2,
        frozenset({Role.KLACHTENCOMMISSIE}),
        (
            Field(
                "no_measures_seen",
                (bool,),
                doc="the commissie saw no measures by the provider (art. 4.2.2)",
            ),
        ),
    ),
    EventSpec(
        "defer_response",
        "Afwijking termijn standpunt gemeld",
        f"{ART_LID_5} (afwijking)",
        frozenset({Role.PROVIDER}),
        (
            Field("reasons", _TEXT, personal=True, doc="why (met redenen omkleed)"),
            Field("until", (date,), doc="the term within which it takes a position"),
        ),
    ),
)

DEFINITION = Definition(
    name="jeugdwet",
    title="Jeugdwet (BWBR0034925), paragraaf 4.2 Klachtrecht",
    machine=JeugdwetMachine,
    state_basis={
        **INTAKE_STATE_BASIS,
        "commissie": f"{ART_4_2_1} lid 2 sub a; {kpz(7, 11)}",
        "judged": f"{ART_4_2_1} lid 2 sub c, lid 5",
        "responded": f"{ART_LID_5}; {ART_4_2_2}",
        "closed": f"{kpz(10)}; {CLOSING}",
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=JeugdwetSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards={
        **intake_guards(RULES),
        "respond": _guard_respond,
        "defer_response": _guard_defer,
        "notify": _guard_notify,
        "report_toezicht": _guard_report,
    },
)
