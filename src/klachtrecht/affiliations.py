"""Aansluitingen: which klachtenregeling, klachtenfunctionaris, klachtencommissie
and geschilleninstantie cover a provider, over time, and under which law.

Official terms: klachtenregeling (Wkkgz art. 13; Jeugdwet art. 4.2.1 lid 1; Wmo
2015 art. 3.2 lid 1 sub a), klachtenfunctionaris (Wkkgz art. 15), klachtencommissie
(Jeugdwet art. 4.2.1 lid 2 sub a), aansluiting bij een erkende geschilleninstantie
(Wkkgz art. 18).

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01
https://wetten.overheid.nl/BWBR0034925/2026-01-01
https://wetten.overheid.nl/BWBR0035362/2026-07-01
Seeds: "Informatie voor BEN-leden over klachtenregeling" (the BEN arrangement
stopped on 31 December 2023; a mixed practice employs some practitioners and
lets others work as zzp'er through it), "Welk klachtenportaal als zzp in de zorg
moet je kiezen?" (bemiddelaars and opdrachtgevers ask for proof of affiliation).

Periods are inclusive: ``valid_from``..``valid_until``, where None is open-ended.

Precedence, per component and per day: (1) the provider's own arrangement (a
zzp'er is a zorgaanbieder himself); (2) otherwise the arrangement of a practice
the practitioner works through that day: employed before zzp, then the earliest
engagement, then the practice ref. Coverage is per person, not per treatment:
for care given in employment, ask about the practice itself.

Answers are per regime: a regime only ever shows the components its law knows
(:attr:`Requirement.offers`), so a Jeugdwet answer never names a
geschilleninstantie (Jeugdwet §4.2 has none). Which regimes a provider falls
under follows from its legal kinds (:data:`PROVIDER_REGIMES`).

Errors never echo an input value (no ref, name, text or date): they name the
field, and carry the provider ref as the attribute ``ref`` where there is one.
Strings are limited to :data:`MAX_TEXT` characters.

The register is stored as a strict JSON document (:func:`dump`, :func:`load`,
:func:`dumps`, :func:`loads`; ``SCHEMA_VERSION`` 1). Changing a register
(:meth:`Affiliations.add`, :meth:`Affiliations.end`) validates only what the
change touches, through per-provider indexes, so it costs about the same in a
register of 20,000 practices as in one of ten.
"""

from __future__ import annotations

from klachtrecht._affiliation_checks import (
    MAX_TEXT,
    AffiliationError,
    OverlapError,
    PeriodError,
    RegimeMismatchError,
    RegisterDocumentError,
    UnknownProviderError,
)
from klachtrecht._affiliation_document import (
    SCHEMA_VERSION,
    dump,
    dumps,
    load,
    loads,
)
from klachtrecht._affiliation_law import (
    PROVIDER_REGIMES,
    REQUIREMENTS,
    Basis,
    Component,
    KindRule,
    LegalKind,
    ProviderKind,
    Requirement,
    wmo_requirement,
)
from klachtrecht._affiliation_records import (
    Arrangement,
    Cover,
    Coverage,
    CoverageCheck,
    Engagement,
    Gap,
    Provider,
)
from klachtrecht._affiliation_register import Affiliations

__all__ = [
    "MAX_TEXT",
    "PROVIDER_REGIMES",
    "REQUIREMENTS",
    "SCHEMA_VERSION",
    "AffiliationError",
    "Affiliations",
    "Arrangement",
    "Basis",
    "Component",
    "Cover",
    "Coverage",
    "CoverageCheck",
    "Engagement",
    "Gap",
    "KindRule",
    "LegalKind",
    "OverlapError",
    "PeriodError",
    "Provider",
    "ProviderKind",
    "RegimeMismatchError",
    "RegisterDocumentError",
    "Requirement",
    "UnknownProviderError",
    "dump",
    "dumps",
    "load",
    "loads",
    "wmo_requirement",
]


# shown (and pickled) under this public module, wherever they are defined
for _public in (
    AffiliationError,
    Affiliations,
    Arrangement,
    Basis,
    Component,
    Cover,
    Coverage,
    CoverageCheck,
    Engagement,
    Gap,
    KindRule,
    LegalKind,
    OverlapError,
    PeriodError,
    Provider,
    ProviderKind,
    RegimeMismatchError,
    RegisterDocumentError,
    Requirement,
    UnknownProviderError,
):
    _public.__module__ = __name__
del _public
