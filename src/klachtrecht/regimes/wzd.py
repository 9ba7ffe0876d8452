"""Wzd regime: a klacht about involuntary care, to the klachtencommissie and
then the rechter.

Official name: Wet zorg en dwang psychogeriatrische en verstandelijk
gehandicapte cliënten (Wzd), BWBR0040632, art. 53-56g; text of 2025-07-01,
terms unchanged since 2020-01-01.

More information:
https://wetten.overheid.nl/BWBR0040632/2025-07-01

The procedure is shared with the Wvggz (:mod:`klachtrecht.regimes._dwang`);
this module says what is particular to the Wzd: a klacht is about one of the
subjects of art. 55 lid 1 sub a-f, or a beslissing or verplichting of the
Wzd-functionaris (lid 2); the commissie must declare a klacht about a besluit
tot opname en verblijf, a rechterlijke machtiging or a beschikking tot
inbewaringstelling niet-ontvankelijk (56b lid 2); besides the cliënt,
vertegenwoordiger, zorgaanbieder and nabestaande, also "degene op wie de klacht
betrekking heeft" may file the verzoekschrift (56c lid 1), is informed of the
decision (56b lid 6) and heard by the rechter (56d lid 1). That person acts in
the role ``provider`` (the engine has no role of its own for it).
"""

from __future__ import annotations

import attrs

from klachtrecht.regimes._dwang import (
    DwangSettings,
    GroundField,
    Statute,
    build,
    machine_class,
)

__all__ = [
    "CHOICE_LABELS",
    "DEFINITION",
    "STATUTE",
    "SUBJECTS",
    "TERM_ARTICLES",
    "WzdMachine",
    "WzdSettings",
]

# -- machine -------------------------------------------------------------------

#: The Wzd's own machine class, made by the shared factory (klachtencommissie,
#: then rechter: the transitions of regimes._dwang.machine_class).
WzdMachine = machine_class("wzd")

# -- settings ------------------------------------------------------------------


@attrs.frozen
class WzdSettings(DwangSettings):
    """The shared Atw settings (:class:`DwangSettings`); the Wzd adds none."""


# -- facts ---------------------------------------------------------------------
# The shared DwangFacts; ``facts.ground`` holds the subject of art. 55.

#: Art. 55: what a klacht may be about (English codes, Dutch labels from the
#: text of 2025-07-01).
SUBJECTS: dict[str, str] = {
    "capacity": (
        "Wzd art. 55 lid 1 sub a: of de cliënt tot een redelijke waardering van zijn "
        "belangen in staat kan worden geacht (art. 3 lid 2, art. 22 lid 10 sub c)"
    ),
    "care_plan": (
        "Wzd art. 55 lid 1 sub b: onvrijwillige zorg in het zorgplan, instemming "
        "en informeren (art. 10 en 11)"
    ),
    "plan_execution": (
        "Wzd art. 55 lid 1 sub c: uitvoeren van het zorgplan voor zover "
        "onvrijwillige zorg (art. 12 en 13)"
    ),
    "unforeseen": "Wzd art. 55 lid 1 sub d: zorg in onvoorziene situaties (art. 15)",
    "record": (
        "Wzd art. 55 lid 1 sub e: bijhouden van het dossier voor zover "
        "onvrijwillige zorg (art. 16)"
    ),
    "leave_discharge": "Wzd art. 55 lid 1 sub f: verlof of ontslag (art. 47 en 48)",
    "wzd_functionaris": (
        "Wzd art. 55 lid 2: beslissing of verplichting van de Wzd-functionaris"
    ),
}

# -- deadlines -----------------------------------------------------------------

#: The articles of the statutory terms: the commissie's 14 days, or four weeks
#: after a lapse; the verzoekschrift's six weeks; the rechter's four weeks.
#: regimes._dwang_rules.deadlines computes them (Atw per WzdSettings).
TERM_ARTICLES: dict[str, str] = {
    "decide_14": "56a lid 2",
    "decide_4w": "56a lid 3",
    "petition_term": "56c lid 2",
    "court_term": "56e lid 2",
}

# -- guards --------------------------------------------------------------------
# The shared guards (regimes._dwang_rules, each citing the article of STATUTE);
# the subject of art. 55 is checked by the ground field itself.

# -- definition ----------------------------------------------------------------

_BEKLAAGDE = "degene op wie de klacht betrekking heeft"

STATUTE = Statute(
    name="wzd",
    machine=WzdMachine,
    law="Wzd",
    title=(
        "Wet zorg en dwang psychogeriatrische en verstandelijk gehandicapte "
        "cliënten (BWBR0040632), art. 53-56g"
    ),
    articles={
        "complaint": "55",
        "commissie": "53 lid 2",
        "hearing": "56 lid 2 sub b",
        "suspend": "56a lid 1",
        "set_aside": "56a lid 4",
        "outcome": "56b lid 1",
        "content": "56b lid 2",
        "annul": "56b lid 3",
        "order": "56b lid 4-5",
        "notify": "56b lid 6",
        "petition": "56c lid 1",
        "court_hear": "56d lid 1",
        "court_suspend": "56e lid 1",
        "no_appeal": "56e lid 3",
        "court_outcome": "56f lid 1",
        "court_annul": "56f lid 2",
        "court_order": "56f lid 3-5",
        "damages_commissie": "56g lid 1",
        "damages_court": "56g lid 2",
        "damages_hear": "56g lid 3",
        **TERM_ARTICLES,
    },
    ground=GroundField(
        "ground",
        (str,),
        choices=tuple(SUBJECTS),
        doc="the subject of Wzd art. 55 the klacht is about",
        citation="Wzd art. 55 lid 1 en 2; other complaints: Wkkgz, art. 53 lid 2",
    ),
    capacities={
        "client": "cliënt",
        "vertegenwoordiger": "vertegenwoordiger",
        "nabestaande": "nabestaande van de cliënt",
    },
    petitioners={
        "client": "cliënt",
        "vertegenwoordiger": "vertegenwoordiger",
        "zorgaanbieder": "zorgaanbieder",
        "beklaagde": _BEKLAAGDE,
        "nabestaande": "nabestaande van de cliënt",
    },
    provider_side=frozenset({"zorgaanbieder", "beklaagde"}),
    recipients={
        "indiener": "indiener van de klacht",
        "client": "cliënt",
        "vertegenwoordiger": "vertegenwoordiger",
        "advocaat": "advocaat van de indiener van de klacht",
        "zorgaanbieder": "zorgaanbieder",
        "zorgverantwoordelijke": "zorgverantwoordelijke",
        "beklaagde": _BEKLAAGDE,
        "inspectie": "inspectie",
    },
    court_sides={
        "verzoeker": "verzoeker",
        "client": "cliënt",
        "vertegenwoordiger": "vertegenwoordiger",
        "zorgaanbieder": "zorgaanbieder",
        "beklaagde": _BEKLAAGDE,
        "zorgverantwoordelijke": "zorgverantwoordelijke",
    },
    court_must_hear=(
        ("verzoeker",),
        ("client",),
        ("zorgaanbieder",),
        ("beklaagde",),
        ("zorgverantwoordelijke",),
    ),
    closing_notified=("indiener", "zorgaanbieder", "beklaagde"),
    measure=(
        "a besluit tot opname en verblijf, a rechterlijke machtiging tot opname en "
        "verblijf or voortzetting van verblijf, or a beschikking tot "
        "inbewaringstelling"
    ),
    settings_type=WzdSettings,
)

#: The Dutch labels of the statute's own terms for the choices of capacity,
#: petitioner, recipient and side (read by klachtrecht.i18n.catalog_entries).
CHOICE_LABELS = STATUTE.choice_labels()

DEFINITION = build(STATUTE)
