"""Wvggz regime: a klacht about compulsory ggz, to the klachtencommissie and
then the rechter.

Official name: Wet verplichte geestelijke gezondheidszorg (Wvggz), BWBR0040635,
hoofdstuk 10 Klachten en schadevergoeding (art. 10:1-10:11); text of
2025-07-01, terms unchanged since 2020-01-01.

More information:
https://wetten.overheid.nl/BWBR0040635/2025-07-01

The procedure is shared with the Wzd (:mod:`klachtrecht.regimes._dwang`); this
module says what is particular to the Wvggz: a klacht is about a beslissing or
the nakoming van een verplichting under one of the articles listed in art. 10:3
(by article number: their subjects were not read, so no topic labels); the
commissie must declare a klacht about the content of the crisismaatregel,
machtiging tot voortzetting or zorgmachtiging as such niet-ontvankelijk (10:6
lid 2); betrokkene, vertegenwoordiger, zorgaanbieder or nabestaande may file the
verzoekschrift (10:7 lid 1).
"""

from __future__ import annotations

import attrs

from klachtrecht._case import Case, EventRecord
from klachtrecht._validators import is_bool
from klachtrecht.deadlines import AtwCalendar
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
    "FORENSIC_GROUNDS",
    "GROUNDS",
    "STATUTE",
    "TERM_ARTICLES",
    "WvggzMachine",
    "WvggzSettings",
]

# -- machine -------------------------------------------------------------------

#: The Wvggz's own machine class, made by the shared factory (klachtencommissie,
#: then rechter: the transitions of regimes._dwang.machine_class).
WvggzMachine = machine_class("wvggz")

# -- settings ------------------------------------------------------------------


@attrs.frozen
class WvggzSettings(DwangSettings):
    """The shared Atw settings (:class:`DwangSettings`), plus:

    ``forensic_grounds`` (default True): whether the forensic grounds of art.
    10:3 lid 2 may be chosen. That lid was added after 2020-01-01 on a date not
    pinned (UNCONFIRMED which version); False follows the text of 2020-01-01.
    """

    forensic_grounds: bool = attrs.field(default=True, validator=is_bool)


# -- facts ---------------------------------------------------------------------
# The shared DwangFacts; ``facts.ground`` holds the article of art. 10:3.

#: Art. 10:3 lid 1 sub a-x: the articles whose beslissing or verplichting a
#: klacht may be about. Codes are the article numbers; the Dutch labels (in the
#: catalogs, context ``choice:ground``) cite the article and the sub of 10:3:
#: what each listed article regulates was not read, so no topic labels.
GROUNDS: dict[str, str] = {
    code: f"art. {code} Wvggz{note} (art. 10:3 lid 1 sub {sub})"
    for sub, code, note in (
        ("a", "1:5", ""),
        ("b", "4:1 lid 2", ""),
        ("c", "7:3", ", niet over de ambtenaar van politie"),
        ("d", "8:4", ""),
        ("e", "8:7", ""),
        ("f", "8:9", ""),
        ("g", "8:11", ""),
        ("h", "8:12", ""),
        ("i", "8:13", ""),
        ("j", "8:14", ""),
        ("k", "8:15", ""),
        ("l", "8:16 lid 1-3", ""),
        ("m", "8:17", ""),
        ("n", "8:18 lid 8 en 12", ""),
        ("o", "8:20", ""),
        ("p", "8:21", ""),
        (
            "q",
            "8:34",
            ", niet over de officier van justitie, de rechter, de psychiater van "
            "art. 5:7, de burgemeester of het college",
        ),
        ("r", "9:3", ""),
        ("s", "9:4", ""),
        ("t", "9:5", ""),
        ("u", "9:6", ""),
        ("v", "9:7", ""),
        ("w", "9:8", ""),
        ("x", "9:9", ""),
    )
}

_BVT = "Beginselenwet verpleging ter beschikking gestelden"
#: Art. 10:3 lid 2: forensic grounds, when art. 6:4 lid 4-5 is executed or the
#: situation of art. 8:12 lid 8 applies.
FORENSIC_GROUNDS: dict[str, str] = {
    code: f"{text} (Wvggz art. 10:3 lid 2)"
    for code, text in (
        ("Wfz 3.4 lid 1-2", "art. 3.4 lid 1 of 2 Wet forensische zorg"),
        ("Bvt 42 lid 5", f"art. 42 lid 5 {_BVT}"),
        ("Bvt 44", f"art. 44 {_BVT}"),
        ("Bvt V", f"hoofdstuk V {_BVT}"),
        ("Bvt VI", f"hoofdstuk VI {_BVT}"),
        ("Bvt VII", f"hoofdstuk VII {_BVT}"),
    )
}

# -- deadlines -----------------------------------------------------------------

#: The articles of the statutory terms: the commissie's 14 days, or four weeks
#: after a lapse; the verzoekschrift's six weeks; the rechter's four weeks.
#: regimes._dwang_rules.deadlines computes them (Atw per WvggzSettings).
TERM_ARTICLES: dict[str, str] = {
    "decide_14": "10:5 lid 2",
    "decide_4w": "10:5 lid 3",
    "petition_term": "10:7 lid 2",
    "court_term": "10:9 lid 2",
}

# -- guards --------------------------------------------------------------------


def _guard_open(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    """A forensic ground only when the setting allows art. 10:3 lid 2."""
    if record.data["ground"] in FORENSIC_GROUNDS and not getattr(
        record.data["settings"], "forensic_grounds", True
    ):
        return (
            "the forensic grounds of art. 10:3 lid 2 are switched off "
            "(setting forensic_grounds=False)"
        )
    return None


# -- definition ----------------------------------------------------------------

STATUTE = Statute(
    name="wvggz",
    machine=WvggzMachine,
    law="Wvggz",
    title=(
        "Wet verplichte geestelijke gezondheidszorg (BWBR0040635), hoofdstuk 10 "
        "Klachten en schadevergoeding"
    ),
    articles={
        "complaint": "10:3",
        "commissie": "10:1 lid 2",
        "hearing": "10:4 lid 2 sub b",
        "suspend": "10:5 lid 1",
        "set_aside": "10:5 lid 4",
        "outcome": "10:6 lid 1",
        "content": "10:6 lid 2",
        "annul": "10:6 lid 3",
        "order": "10:6 lid 4-5",
        "notify": "10:6 lid 6",
        "petition": "10:7 lid 1",
        "court_hear": "10:8 lid 1",
        "court_suspend": "10:9 lid 1",
        "no_appeal": "10:9 lid 3",
        "court_outcome": "10:10 lid 1",
        "court_annul": "10:10 lid 2",
        "court_order": "10:10 lid 3-5",
        "damages_commissie": "10:11 lid 1",
        "damages_court": "10:11 lid 2",
        "damages_hear": "10:11 lid 3",
        **TERM_ARTICLES,
    },
    ground=GroundField(
        "ground",
        (str,),
        choices=(*GROUNDS, *FORENSIC_GROUNDS),
        doc="the article of Wvggz art. 10:3 the klacht is about",
        citation="Wvggz art. 10:3 lid 1 en 2; other complaints: Wkkgz, art. 10:1 lid 2",
    ),
    capacities={
        "client": "betrokkene",
        "vertegenwoordiger": "vertegenwoordiger",
        "nabestaande": "nabestaande van betrokkene",
    },
    petitioners={
        "client": "betrokkene",
        "vertegenwoordiger": "vertegenwoordiger",
        "zorgaanbieder": "zorgaanbieder",
        "nabestaande": "nabestaande van betrokkene",
    },
    provider_side=frozenset({"zorgaanbieder"}),
    recipients={
        "indiener": "indiener van de klacht",
        "client": "betrokkene",
        "vertegenwoordiger": "vertegenwoordiger",
        "advocaat": "advocaat",
        "geneesheer_directeur": "geneesheer-directeur",
        "zorgaanbieder": "zorgaanbieder",
        "zorgverantwoordelijke": "zorgverantwoordelijke",
        "inspectie": "inspectie",
    },
    court_sides={
        "verzoeker": "verzoeker",
        "client": "betrokkene",
        "vertegenwoordiger": "vertegenwoordiger",
        "geneesheer_directeur": "geneesheer-directeur",
        "zorgverantwoordelijke": "zorgverantwoordelijke",
        "zorgaanbieder": "zorgaanbieder",
    },
    court_must_hear=(
        ("verzoeker",),
        ("client",),
        ("geneesheer_directeur", "zorgverantwoordelijke"),
    ),
    closing_notified=("indiener", "zorgaanbieder"),
    measure=(
        "the content of the crisismaatregel, machtiging tot voortzetting van de "
        "crisismaatregel or zorgmachtiging"
    ),
    settings_type=WvggzSettings,
    open_guard=_guard_open,
)

#: The Dutch labels of the statute's own terms for the choices of capacity,
#: petitioner, recipient and side (read by klachtrecht.i18n.catalog_entries).
CHOICE_LABELS = STATUTE.choice_labels()

DEFINITION = build(STATUTE)
