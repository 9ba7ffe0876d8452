"""Wmo 2015 regime: complaints about maatschappelijke ondersteuning, from the
klachtenloket to the klachtencommissie.

Official name: Wet maatschappelijke ondersteuning 2015 (Wmo 2015), BWBR0035362,
art. 2.1.3 lid 2 sub d and art. 3.2 lid 1 sub a.

More information:
https://wetten.overheid.nl/BWBR0035362/2026-07-01
https://klachtenportaalzorg.nl/client-patient/
Seeds: Klachtenportaal Zorg (KPZ), "De spelregels voor de klachtenprocedure
klachten WMO en Jeugdzorg", spelregels 1-14 (kpz-klachtenprocedure.txt). The KPZ
reglement itself was not read, so its rules are cited by spelregel and its
article numbers and terms are UNCONFIRMED.

A provider needs a klachtenregeling where the gemeentelijke verordening says so
(art. 2.1.3 lid 2 sub d, art. 3.2 lid 1 sub a). The Wmo sets no procedure, term
or commissie: the flow is the KPZ procedure shared with the Jeugdwet regime
(:mod:`._kpz_intake`), every term and the commissie's composition come from the
regeling (:class:`WmoSettings`), and the case ends with the oordeel (spelregel
14): the Wmo has no counterpart of Jeugdwet art. 4.2.1 lid 5. Awb titel 9.1
governs complaints about the gemeente itself, not complaints about a provider,
so it is not part of this regime.
"""

from __future__ import annotations

from datetime import date

import attrs

from klachtrecht._case import Case, Due, EventRecord
from klachtrecht._definition import Definition, Field
from klachtrecht._validators import int_between, is_bool, one_of
from klachtrecht.deadlines import AtwCalendar
from klachtrecht.regimes._kpz_intake import (
    IntakeFacts,
    IntakeRules,
    intake_dues,
    intake_guards,
    intake_machine,
    kpz,
    reduce_intake,
)
from klachtrecht.regimes._kpz_intake_events import (
    INTAKE_STATE_BASIS,
    intake_events,
    open_event,
)

__all__ = ["DEFINITION", "WmoMachine", "WmoSettings"]

WMO_REGELING = "Wmo 2015 art. 3.2 lid 1 sub a"
WITHDRAWAL = "not regulated in the Wmo 2015 (klachtenregeling)"
#: Jeugdwet art. 4.2.1 lid 2 sub b, by analogy (the Wmo has no such rule).
JEUGDWET_IMPARTIALITY = "Jeugdwet art. 4.2.1 lid 2 sub b"


# -- machine -------------------------------------------------------------------


WmoMachine = intake_machine(
    "WmoMachine",
    "States and transitions of the KPZ procedure under a Wmo 2015 regeling: "
    "the oordeel ends the case (KPZ spelregel 14), so there is no judged state.",
    __name__,
    measures_response=False,
)


# -- settings ------------------------------------------------------------------


@attrs.frozen
class WmoSettings:
    """Terms of the Wmo provider's klachtenregeling; the Wmo 2015 sets none.

    ``contact_working_days``: as for the Jeugdwet (KPZ spelregel 5: five working
    days; a regeling term, Atw calendar, no Atw art. 1/2 on top).

    ``oordeel_weeks`` and ``oordeel_from``: as for the Jeugdwet; default six
    weeks from receipt of the complaint, the regeling's (UNCONFIRMED for the
    KPZ reglement).

    ``commissie_min_members`` and ``independent_chair``: the composition of the
    klachtencommissie under the regeling; the Wmo sets none (art. 3.2 lid 1
    sub a). The defaults are the Jeugdwet's (art. 4.2.1 lid 2 sub a: three
    members, a chair not working for the provider), a decision: KPZ runs one
    procedure for Wmo and Jeugdzorg, and the stricter rule never lets a
    partial commissie pass unnoticed (UNCONFIRMED for the KPZ reglement). A
    member whose conduct is complained about is always excluded:
    impartiality under the klachtenregeling (UNCONFIRMED; cf. Jeugdwet art.
    4.2.1 lid 2 sub b), not a setting.
    """

    contact_working_days: int = attrs.field(default=5, validator=int_between(1, 30))
    oordeel_weeks: int = attrs.field(default=6, validator=int_between(1, 52))
    oordeel_from: str = attrs.field(
        default="indiening", validator=one_of("indiening", "commissie")
    )
    commissie_min_members: int = attrs.field(default=3, validator=int_between(1, 15))
    independent_chair: bool = attrs.field(default=True, validator=is_bool)


# -- facts ---------------------------------------------------------------------


def initial_facts(settings: WmoSettings) -> IntakeFacts:
    """Facts before the opening event is applied."""
    return IntakeFacts(received_on=date.min)


def reduce(case: Case, record: EventRecord) -> IntakeFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: IntakeFacts = reduce_intake(case, record, IntakeFacts)
    return facts


# -- deadlines -----------------------------------------------------------------


RULES = IntakeRules(
    oordeel_term=f"klachtenregeling ({WMO_REGELING})",
    deviation=f"klachtenregeling ({WMO_REGELING}; UNCONFIRMED)",
    composition=f"klachtenregeling ({WMO_REGELING}; UNCONFIRMED)",
    hearing=kpz(13),
    impartiality=(
        f"impartiality under the klachtenregeling ({WMO_REGELING}; "
        f"UNCONFIRMED; cf. {JEUGDWET_IMPARTIALITY})"
    ),
    members=lambda s: (s.commissie_min_members, s.independent_chair),
)


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a Wmo case with their derived deadlines."""
    return tuple(intake_dues(case, RULES, cal))


# -- guards --------------------------------------------------------------------


#: The Wmo adds no guard of its own to the KPZ procedure's.
GUARDS = intake_guards(RULES)


# -- definition ----------------------------------------------------------------


_TEXT = (str,)

OPEN_EVENT = open_event(
    f"{WMO_REGELING}, art. 2.1.3 lid 2 sub d; {kpz(1)}",
    WmoSettings,
    Field(
        "verordening",
        _TEXT,
        required=False,
        doc="the gemeentelijke verordening requiring the regeling (art. 2.1.3)",
    ),
)

EVENTS = intake_events(
    engage=f"klachtenregeling ({WMO_REGELING}; optional); KPZ practice",
    refer=kpz(6, 7),
    escalate=kpz(11),
    compose=f"klachtenregeling ({WMO_REGELING}); {kpz(11)} (composition UNCONFIRMED)",
    hear=kpz(13),
    deviate=f"klachtenregeling ({WMO_REGELING}; deviation rule UNCONFIRMED)",
    oordeel=f"{kpz(12, 13)}; {WMO_REGELING}",
    withdraw=WITHDRAWAL,
)

DEFINITION = Definition(
    name="wmo",
    title="Wet maatschappelijke ondersteuning 2015 (BWBR0035362), art. 3.2 lid 1 sub a",
    machine=WmoMachine,
    state_basis={
        **INTAKE_STATE_BASIS,
        "commissie": kpz(7, 11),
        "closed": kpz(10, 14),
        "withdrawn": WITHDRAWAL,
    },
    open_event=OPEN_EVENT,
    events=EVENTS,
    settings_type=WmoSettings,
    initial_facts=initial_facts,
    reduce=reduce,
    deadlines=deadlines,
    guards=GUARDS,
)
