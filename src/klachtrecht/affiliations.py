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

import bisect
import enum
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any, Final, NoReturn

import attrs

from klachtrecht._case import Case, Role
from klachtrecht.deadlines import MAX_DATE, MIN_DATE
from klachtrecht.errors import (
    ArgumentTypeError,
    InvalidDateError,
    KlachtrechtError,
    SerializationError,
    UnknownRegimeError,
)

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

#: The longest string accepted in any field (ref, name, body, contact, reference).
MAX_TEXT: Final = 1000


class AffiliationError(KlachtrechtError, ValueError):
    """An affiliation record or query is refused (duplicate ref, wrong kind, ...).

    ``ref`` is the provider ref concerned, when there is one; it is kept out of
    the message, which names fields only.
    """

    def __init__(self, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.ref = ref


class PeriodError(AffiliationError):
    """A validity period is inverted: it ends before it starts."""


class OverlapError(PeriodError):
    """Two periods of one provider overlap for the same component or practice.

    ``first`` and ``second`` are the two records (earliest start first).
    """

    def __init__(
        self, message: str, *, ref: str | None, first: object, second: object
    ) -> None:
        super().__init__(message, ref=ref)
        self.first = first
        self.second = second


class RegimeMismatchError(AffiliationError):
    """The provider's legal kinds do not bring it under the regime asked about."""


class UnknownProviderError(KlachtrechtError, LookupError):
    """No provider is registered under the requested ref (kept in ``ref``)."""

    def __init__(self, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.ref = ref


class RegisterDocumentError(AffiliationError, SerializationError):
    """A register document is refused: malformed, unknown keys, from a newer
    release, or its entries do not form a valid register. The message names
    the field (e.g. ``arrangements[3].valid_until``), never its value."""


class Component(enum.Enum):
    """A part of a provider's complaint arrangement (onderdeel klachtenregeling)."""

    #: De klachtenregeling (Wkkgz art. 13; Jeugdwet art. 4.2.1 lid 1; Wmo 2015
    #: art. 3.2 lid 1 sub a): says where and how a complaint is filed.
    REGELING = "regeling"
    #: De klachtenfunctionaris (Wkkgz art. 15): free advice and help to the klager.
    FUNCTIONARIS = "functionaris"
    #: De klachtencommissie (Jeugdwet art. 4.2.1 lid 2 sub a).
    COMMISSIE = "commissie"
    #: Aansluiting bij een erkende geschilleninstantie (Wkkgz art. 18).
    GESCHILLENINSTANTIE = "geschilleninstantie"

    @property
    def label(self) -> str:
        """Dutch name, e.g. ``klachtenfunctionaris``."""
        return _COMPONENT_LABELS[self]


_COMPONENT_LABELS: Final = MappingProxyType(
    {
        Component.REGELING: "klachtenregeling",
        Component.FUNCTIONARIS: "klachtenfunctionaris",
        Component.COMMISSIE: "klachtencommissie",
        Component.GESCHILLENINSTANTIE: "geschilleninstantie",
    }
)
_COMPONENTS: Final = tuple(Component)
_ORDER: Final = MappingProxyType({c: i for i, c in enumerate(Component)})


def _sorted(components: Iterable[Component]) -> list[Component]:
    return sorted(components, key=_ORDER.__getitem__)


def _labels(components: Iterable[Component]) -> str:
    return ", ".join(c.label for c in _sorted(components))


def _repr_set(components: frozenset[Component]) -> str:
    """A repr in component order, independent of hash randomisation."""
    inner = ", ".join(f"Component.{c.name}" for c in _sorted(components))
    return f"frozenset({{{inner}}})" if inner else "frozenset()"


class ProviderKind(enum.Enum):
    """What kind of provider a register entry is, structurally."""

    PRACTICE = "practice"  #: een praktijk of instelling
    PRACTITIONER = "practitioner"  #: een zorgverlener (in dienst of zzp'er)


class LegalKind(enum.Enum):
    """What a provider is in law: which act calls it a provider (aanbieder).

    One provider may be several (an instelling giving both zorg and
    jeugdhulp). See :data:`PROVIDER_REGIMES` for the regimes and sources.
    """

    ZORGAANBIEDER = "zorgaanbieder"
    PARAMEDICUS = "paramedicus"
    JEUGDHULPAANBIEDER = "jeugdhulpaanbieder"
    GECERTIFICEERDE_INSTELLING = "gecertificeerde_instelling"
    WMO_AANBIEDER = "wmo_aanbieder"

    @property
    def label(self) -> str:
        """Dutch name, e.g. ``jeugdhulpaanbieder``."""
        return PROVIDER_REGIMES[self].label


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError("KindRule.regimes must be an iterable of str")
    return tuple(value)


@attrs.frozen
class KindRule:
    """Which regimes a legal kind of provider falls under, and why."""

    kind: LegalKind
    label: str
    regimes: tuple[str, ...] = attrs.field(converter=_names)
    source: str
    note: str = ""

    def __attrs_post_init__(self) -> None:
        _member(self.kind, LegalKind, "KindRule.kind")
        _text(self.label, "KindRule.label")
        for regime in self.regimes:
            _text(regime, "KindRule.regimes item")
        _text(self.source, "KindRule.source")
        _text(self.note, "KindRule.note", empty=True)


class Basis(enum.Enum):
    """On what basis a practitioner works through a practice."""

    EMPLOYED = "employed"  #: in dienst van de praktijk
    ZZP = "zzp"  #: als zzp'er via de praktijk

    @property
    def label(self) -> str:
        """Dutch description."""
        return "in dienst" if self is Basis.EMPLOYED else "als zzp'er via de praktijk"


# -- validation helpers -----------------------------------------------------------


def _text(value: object, what: str, *, empty: bool = False) -> str:
    if type(value) is not str:
        raise ArgumentTypeError(f"{what} must be a str, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise AffiliationError(f"{what} is longer than {MAX_TEXT} characters")
    if not empty and not value.strip():
        raise AffiliationError(f"{what} must not be empty")
    return value


def _member(value: object, cls: type[enum.Enum], what: str) -> None:
    if not isinstance(value, cls):
        raise ArgumentTypeError(
            f"{what} must be a {cls.__name__}, got {type(value).__name__}"
        )


def _member_of(value: object, cls: type, what: str) -> None:
    if not isinstance(value, cls):
        raise ArgumentTypeError(
            f"{what} must be a {cls.__name__}, got {type(value).__name__}"
        )


def _flag(value: object, what: str) -> bool:
    if type(value) is not bool:
        raise ArgumentTypeError(f"{what} must be a bool, got {type(value).__name__}")
    return value


def _day(value: object, what: str) -> date:
    """A plain date inside the supported range; the value is never quoted."""
    if type(value) is not date:
        hint = "; take its calendar date first" if isinstance(value, date) else ""
        raise ArgumentTypeError(
            f"{what} must be a datetime.date, got {type(value).__name__}{hint}"
        )
    if not MIN_DATE <= value <= MAX_DATE:
        raise InvalidDateError(
            f"{what} is outside the supported range "
            f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}"
        )
    return value


def _period(what: str, start: object, until: object, ref: str) -> None:
    first = _day(start, f"{what}.valid_from")
    if until is not None and _day(until, f"{what}.valid_until") < first:
        raise PeriodError(f"{what}: valid_until is before valid_from", ref=ref)


def _span(start: date, until: date | None) -> str:
    return f"{start.isoformat()}..{until.isoformat() if until else 'open'}"


def _within(day: date, start: date, until: date | None) -> bool:
    return start <= day and (until is None or day <= until)


def _nl(day: date) -> str:
    """``1 januari 2024``: locale-independent (:func:`klachtrecht.i18n.format_date`)."""
    from klachtrecht.i18n import format_date  # noqa: PLC0415 - lazy: cheap import

    return format_date(day, style="date")


def _nl_period(start: date, until: date | None) -> str:
    if until is None:
        return f"vanaf {_nl(start)}, zonder einddatum"
    return f"van {_nl(start)} tot en met {_nl(until)}"


#: Legal kind -> the regimes (names as in ``klachtrecht.REGIMES``) it falls under.
PROVIDER_REGIMES: Final[Mapping[LegalKind, KindRule]] = MappingProxyType(
    {
        LegalKind.ZORGAANBIEDER: KindRule(
            LegalKind.ZORGAANBIEDER,
            "zorgaanbieder",
            ("wkkgz",),
            "Wkkgz art. 1 lid 1 (zorgaanbieder); art. 13-22 (hoofdstuk 3)",
            "not for keuringen in opdracht van een ander (Wkkgz art. 1 lid 4)",
        ),
        LegalKind.PARAMEDICUS: KindRule(
            LegalKind.PARAMEDICUS,
            "paramedicus",
            ("klp", "wkkgz"),
            "Wkkgz art. 1 lid 1 (a paramedicus is a zorgaanbieder); the "
            "Klachtenloket Paramedici is a Wkkgz klachtenregeling (seed "
            "klachtenloket-paramedici.txt)",
            "klp for members of an affiliated beroepsvereniging with a valid "
            "kwaliteitsregistratie (KLP werkwijze); otherwise the Wkkgz directly",
        ),
        LegalKind.JEUGDHULPAANBIEDER: KindRule(
            LegalKind.JEUGDHULPAANBIEDER,
            "jeugdhulpaanbieder",
            ("jeugdwet",),
            "Jeugdwet art. 1.1 (jeugdhulpaanbieder); art. 4.2.1 lid 1",
            "no geschilleninstantie: Jeugdwet §4.2 has none; not art. 4.2.1-4.2.2 "
            "for youth admitted involuntarily under another act (art. 4.2.3)",
        ),
        LegalKind.GECERTIFICEERDE_INSTELLING: KindRule(
            LegalKind.GECERTIFICEERDE_INSTELLING,
            "gecertificeerde instelling",
            ("jeugdwet",),
            "Jeugdwet art. 1.1 (gecertificeerde instelling); art. 4.2.1 lid 1",
            "no geschilleninstantie: Jeugdwet §4.2 has none",
        ),
        LegalKind.WMO_AANBIEDER: KindRule(
            LegalKind.WMO_AANBIEDER,
            "aanbieder (Wmo 2015)",
            ("wmo",),
            "Wmo 2015 art. 1.1.1 (aanbieder); art. 3.2 lid 1 sub a jo. art. "
            "2.1.3 lid 2 sub d",
            "a regeling only where the gemeentelijke verordening requires one; "
            "the Wmo sets no geschilleninstantie (the Wkkgz applies too where "
            "the aanbieder also gives zorg)",
        ),
    }
)


# -- requirements -----------------------------------------------------------------


def _needs(value: object) -> tuple[tuple[Component, str], ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError("Requirement.needs must be an iterable of pairs")
    needs = []
    for pair in value:
        if isinstance(pair, str | bytes) or not isinstance(pair, Iterable):
            raise ArgumentTypeError("Requirement.needs must hold (Component, source)")
        items = tuple(pair)
        if len(items) != 2:
            raise ArgumentTypeError("Requirement.needs must hold (Component, source)")
        _member(items[0], Component, "Requirement.needs component")
        needs.append((items[0], _text(items[1], "Requirement.needs source")))
    return tuple(needs)


def _components(value: object) -> frozenset[Component] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError("Requirement.offers must be an iterable of Component")
    found = tuple(value)
    for c in found:
        _member(c, Component, "Requirement.offers item")
    return frozenset(found)


@attrs.frozen
class Requirement:
    """What a regime requires a provider to have arranged (wettelijke vereisten).

    ``needs`` pairs each required component with its source; ``file_with`` is
    the component with which a client files a complaint. ``offers`` are the
    components the regime's procedure knows at all: required or optional
    (default: the required ones and ``file_with``). Answers for the regime show
    only those: a Jeugdwet answer never names a geschilleninstantie.
    """

    regime: str
    title: str
    needs: tuple[tuple[Component, str], ...] = attrs.field(converter=_needs)
    file_with: Component | None
    note: str = ""
    offers: frozenset[Component] = attrs.field(
        default=None, converter=_components, repr=_repr_set
    )

    def __attrs_post_init__(self) -> None:
        _text(self.regime, "Requirement.regime")
        _text(self.title, "Requirement.title")
        _text(self.note, "Requirement.note", empty=True)
        if self.file_with is not None:
            _member(self.file_with, Component, "Requirement.file_with")
        implied = self.components | (
            {self.file_with} if self.file_with is not None else set()
        )
        if self.offers is None:
            object.__setattr__(self, "offers", frozenset(implied))
        elif not implied <= self.offers:
            raise AffiliationError(
                "Requirement.offers must include every required component and file_with"
            )

    @property
    def components(self) -> frozenset[Component]:
        """The required components."""
        return frozenset(c for c, _ in self.needs)

    def source(self, component: Component) -> str:
        """The source requiring ``component``, or ``""`` when it is optional."""
        return dict(self.needs).get(component, "")


_WKKGZ_NEEDS = (
    (Component.REGELING, "Wkkgz art. 13"),
    (Component.FUNCTIONARIS, "Wkkgz art. 15"),
    (Component.GESCHILLENINSTANTIE, "Wkkgz art. 18"),
)
_WMO_SOURCE = "Wmo 2015 art. 3.2 lid 1 sub a jo. art. 2.1.3 lid 2 sub d"
_NO_GESCHIL = frozenset(
    {Component.REGELING, Component.FUNCTIONARIS, Component.COMMISSIE}
)

#: The requirements per regime name (as in ``klachtrecht.REGIMES``).
REQUIREMENTS: Final[Mapping[str, Requirement]] = MappingProxyType(
    {
        "jeugdwet": Requirement(
            "jeugdwet",
            "Jeugdwet",
            (
                (Component.REGELING, "Jeugdwet art. 4.2.1 lid 1"),
                (Component.COMMISSIE, "Jeugdwet art. 4.2.1 lid 2 sub a"),
            ),
            Component.COMMISSIE,
            "no klachtenfunctionaris (a vertrouwenspersoon instead, art. 4.1.9; "
            "a portal may offer one) and no geschilleninstantie in Jeugdwet §4.2",
            _NO_GESCHIL,
        ),
        "klp": Requirement(
            "klp",
            "Wkkgz (Klachtenloket Paramedici)",
            _WKKGZ_NEEDS,
            Component.REGELING,
            "the Klachtenloket Paramedici is a Wkkgz klachtenregeling "
            "(seed klachtenloket-paramedici.txt, Wkkgz section)",
        ),
        "wkkgz": Requirement(
            "wkkgz",
            "Wkkgz",
            _WKKGZ_NEEDS,
            Component.REGELING,
            "a klachtencommissie is the regeling's own choice",
            frozenset(Component),
        ),
        "wmo": Requirement(
            "wmo",
            "Wmo 2015",
            ((Component.REGELING, _WMO_SOURCE),),
            Component.REGELING,
            "only where the gemeentelijke verordening requires a klachtenregeling "
            "for the voorziening; otherwise use "
            "wmo_requirement(verordening_requires=False); the Wmo 2015 knows no "
            "geschilleninstantie",
            _NO_GESCHIL,
        ),
    }
)


def wmo_requirement(*, verordening_requires: bool) -> Requirement:
    """The Wmo 2015 requirement for a voorziening: a klachtenregeling only where
    the gemeentelijke verordening requires one (art. 2.1.3 lid 2 sub d jo. art.
    3.2 lid 1 sub a); otherwise nothing is required."""
    if _flag(verordening_requires, "verordening_requires"):
        return REQUIREMENTS["wmo"]
    return Requirement(
        "wmo",
        "Wmo 2015",
        (),
        Component.REGELING,
        "the verordening requires no klachtenregeling for this voorziening "
        "(Wmo 2015 art. 2.1.3 lid 2 sub d)",
        _NO_GESCHIL,
    )


def _requirement(regime: object) -> Requirement:
    if isinstance(regime, Requirement):
        return regime
    if not isinstance(regime, str):
        raise ArgumentTypeError(
            f"regime must be a str or Requirement, got {type(regime).__name__}"
        )
    found = REQUIREMENTS.get(regime)
    if found is None:
        raise UnknownRegimeError(
            f"no requirements for this regime; known: {', '.join(REQUIREMENTS)}"
        )
    return found


# -- records ----------------------------------------------------------------------


def _legal_kinds(value: object) -> frozenset[LegalKind]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError("Provider.legal_kinds must be an iterable of LegalKind")
    found = tuple(value)
    for kind in found:
        _member(kind, LegalKind, "Provider.legal_kinds item")
    return frozenset(found)


@attrs.frozen(repr=False)
class Provider:
    """A provider: a practice (praktijk, instelling) or a practitioner.

    ``ref`` is the caller's opaque identifier. ``name`` is a display name: it
    appears only in :meth:`Affiliations.client_text` and
    :meth:`Affiliations.proof`, never in repr or errors. ``legal_kinds`` says
    what the provider is in law (empty: not recorded, every regime may be
    asked about).
    """

    ref: str
    kind: ProviderKind
    name: str = ""
    legal_kinds: frozenset[LegalKind] = attrs.field(
        default=frozenset(), converter=_legal_kinds
    )

    def __attrs_post_init__(self) -> None:
        _text(self.ref, "Provider.ref")
        _member(self.kind, ProviderKind, "Provider.kind")
        _text(self.name, "Provider.name", empty=True)

    @property
    def regimes(self) -> tuple[str, ...]:
        """The regimes the provider falls under by its legal kinds, in a fixed
        order (empty when no legal kind is recorded)."""
        found = {r for k in self.legal_kinds for r in PROVIDER_REGIMES[k].regimes}
        return tuple(sorted(found))

    def __repr__(self) -> str:
        kinds = ", ".join(sorted(k.value for k in self.legal_kinds))
        return (
            f"Provider(ref={self.ref!r}, kind={self.kind.value!r}, "
            f"legal_kinds=[{kinds}], <name hidden>)"
        )

    __str__ = __repr__


@attrs.frozen(kw_only=True, repr=False)
class Arrangement:
    """One component arranged with one body over a period (aansluiting).

    ``body`` is the organisation (e.g. a klachtenportaal); ``contact`` says where
    and how to reach it (web form, address); ``reference`` is the membership or
    aansluitnummer for a proof of affiliation. ``contact`` is hidden from repr.
    """

    provider: str
    component: Component
    body: str
    valid_from: date
    valid_until: date | None = None
    contact: str = ""
    reference: str = ""

    def __attrs_post_init__(self) -> None:
        ref = _text(self.provider, "Arrangement.provider")
        _member(self.component, Component, "Arrangement.component")
        _text(self.body, "Arrangement.body")
        _text(self.contact, "Arrangement.contact", empty=True)
        _text(self.reference, "Arrangement.reference", empty=True)
        _period("Arrangement", self.valid_from, self.valid_until, ref)

    def covers(self, day: date) -> bool:
        """Whether the arrangement is valid on ``day``."""
        return _within(_day(day, "day"), self.valid_from, self.valid_until)

    def __repr__(self) -> str:
        return (
            f"Arrangement(provider={self.provider!r}, "
            f"component={self.component.value!r}, body={self.body!r}, "
            f"{_span(self.valid_from, self.valid_until)})"
        )

    __str__ = __repr__


@attrs.frozen(kw_only=True)
class Engagement:
    """A practitioner working through a practice over a period (dienstverband
    or werken als zzp'er via de praktijk)."""

    practitioner: str
    practice: str
    basis: Basis
    valid_from: date
    valid_until: date | None = None

    def __attrs_post_init__(self) -> None:
        ref = _text(self.practitioner, "Engagement.practitioner")
        _text(self.practice, "Engagement.practice")
        _member(self.basis, Basis, "Engagement.basis")
        _period("Engagement", self.valid_from, self.valid_until, ref)
        if self.practice == self.practitioner:
            raise AffiliationError(
                "Engagement: a practitioner cannot be engaged with itself", ref=ref
            )


def _cover_via(value: object) -> None:
    if value is not None and not isinstance(value, Engagement):
        raise ArgumentTypeError(
            f"Cover.via must be an Engagement or None, got {type(value).__name__}"
        )


@attrs.frozen
class Cover:
    """How one component is covered on a day: the arrangement, and through
    which engagement (None: the provider's own arrangement)."""

    arrangement: Arrangement
    via: Engagement | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.arrangement, Arrangement):
            raise ArgumentTypeError(
                "Cover.arrangement must be an Arrangement, "
                f"got {type(self.arrangement).__name__}"
            )
        _cover_via(self.via)

    @property
    def component(self) -> Component:
        """The component covered."""
        return self.arrangement.component


def _covers(value: object) -> tuple[Cover, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ArgumentTypeError("Coverage.covers must be an iterable of Cover")
    covers = tuple(value)
    for cover in covers:
        if not isinstance(cover, Cover):
            raise ArgumentTypeError(
                f"Coverage.covers must hold Cover, got {type(cover).__name__}"
            )
    return covers


@attrs.frozen
class Coverage:
    """What covers a provider on one day, per component (in component order)."""

    ref: str
    day: date
    covers: tuple[Cover, ...] = attrs.field(converter=_covers)

    def __attrs_post_init__(self) -> None:
        _text(self.ref, "Coverage.ref")
        _day(self.day, "Coverage.day")

    @property
    def components(self) -> frozenset[Component]:
        """The components covered."""
        return frozenset(c.component for c in self.covers)

    def get(self, component: Component) -> Cover | None:
        """The cover of ``component``, or None."""
        _member(component, Component, "component")
        return next((c for c in self.covers if c.component is component), None)

    def missing(self, regime: str | Requirement) -> frozenset[Component]:
        """The components ``regime`` requires that are not covered."""
        return _requirement(regime).components - self.components

    def file_with(self, regime: str | Requirement) -> Cover | None:
        """Where a client files a complaint under ``regime``, or None."""
        component = _requirement(regime).file_with
        return None if component is None else self.get(component)

    def for_regime(self, regime: str | Requirement) -> Coverage:
        """Only the covers of components ``regime`` knows (e.g. no
        geschilleninstantie under the Jeugdwet)."""
        offers = _requirement(regime).offers
        return Coverage(
            self.ref, self.day, tuple(c for c in self.covers if c.component in offers)
        )


def _missing(value: object) -> frozenset[Component]:
    found = _components(value)
    return frozenset() if found is None else found


@attrs.frozen
class Gap:
    """A maximal period in which the same required components are missing."""

    start: date
    end: date
    missing: frozenset[Component] = attrs.field(converter=_missing, repr=_repr_set)

    def __attrs_post_init__(self) -> None:
        if _day(self.end, "Gap.end") < _day(self.start, "Gap.start"):
            raise PeriodError("Gap: end is before start")

    @property
    def days(self) -> int:
        """Length in days (inclusive)."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{_span(self.start, self.end)}: missing {_labels(self.missing)}"


@attrs.frozen
class CoverageCheck:
    """Whether a provider's coverage on a day is complete for a regime.

    ``coverage`` holds only the components the regime knows.
    """

    ref: str
    day: date
    requirement: Requirement
    coverage: Coverage
    missing: frozenset[Component] = attrs.field(converter=_missing, repr=_repr_set)

    def __attrs_post_init__(self) -> None:
        _text(self.ref, "CoverageCheck.ref")
        _day(self.day, "CoverageCheck.day")
        _member_of(self.requirement, Requirement, "CoverageCheck.requirement")
        _member_of(self.coverage, Coverage, "CoverageCheck.coverage")

    @property
    def complete(self) -> bool:
        """True when nothing the regime requires is missing."""
        return not self.missing

    def __str__(self) -> str:
        title = self.requirement.title
        head = f"provider {self.ref!r} on {self.day.isoformat()} ({title})"
        if self.complete:
            return f"{head}: complete"
        why = ", ".join(
            f"{c.label} ({self.requirement.source(c)})" for c in _sorted(self.missing)
        )
        return f"{head}: missing {why}"


def _receipt_day(case: Case) -> date:
    """The day the complaint was received: the written complaint under the
    Wkkgz (``facts.written_on``), else the opening event's day."""
    written = getattr(case.facts, "written_on", None)
    return written if type(written) is date else case.history[0].day


# -- the register -----------------------------------------------------------------


def _starts(items: tuple[Any, ...]) -> list[date]:
    return [i.valid_from for i in items]


def _insert_period(
    items: tuple[Any, ...], new: Any, *, ref: str, what: str
) -> tuple[Any, ...]:
    """``items`` (sorted by valid_from, disjoint) with ``new`` inserted; an
    OverlapError when ``new`` shares a day with a neighbour."""
    at = bisect.bisect_right(_starts(items), new.valid_from)
    if at > 0:
        before = items[at - 1]
        if before.valid_until is None or before.valid_until >= new.valid_from:
            _overlap(ref, what, before, new)
    if at < len(items):
        after = items[at]
        if new.valid_until is None or new.valid_until >= after.valid_from:
            _overlap(ref, what, new, after)
    return (*items[:at], new, *items[at:])


def _overlap(ref: str, what: str, first: object, second: object) -> NoReturn:
    raise OverlapError(
        f"{what} overlap (see .first and .second); end the first before the "
        "second starts",
        ref=ref,
        first=first,
        second=second,
    )


def _valid_on(items: tuple[Arrangement, ...], day: date) -> Arrangement | None:
    """The arrangement of ``items`` (sorted by start, disjoint) valid on ``day``."""
    at = bisect.bisect_right(_starts(items), day)
    if at == 0:
        return None
    found = items[at - 1]
    return found if found.valid_until is None or day <= found.valid_until else None


def _precedence(e: Engagement) -> tuple[bool, date, str]:
    return (e.basis is not Basis.EMPLOYED, e.valid_from, e.practice)


@attrs.frozen(repr=False)
class _Entry:
    """One provider with its own arrangements (per component, sorted by start)
    and, for a practitioner, its engagements (in precedence order)."""

    provider: Provider
    own: tuple[tuple[Arrangement, ...], ...] = ((), (), (), ())
    works: tuple[Engagement, ...] = ()

    def arranged(self, component: Component) -> tuple[Arrangement, ...]:
        return self.own[_ORDER[component]]

    def with_arrangement(self, a: Arrangement) -> _Entry:
        i = _ORDER[a.component]
        arranged = _insert_period(
            self.own[i],
            a,
            ref=a.provider,
            what=f"two {a.component.label} arrangements of one provider",
        )
        own = (*self.own[:i], arranged, *self.own[i + 1 :])
        return _Entry(self.provider, own, self.works)

    def with_engagement(self, e: Engagement) -> _Entry:
        same = tuple(
            sorted(
                (w for w in self.works if w.practice == e.practice),
                key=lambda w: w.valid_from,
            )
        )
        _insert_period(
            same,
            e,
            ref=e.practitioner,
            what="two engagements of one practitioner with one practice",
        )
        works = [*self.works, e]
        works.sort(key=_precedence)
        return _Entry(self.provider, self.own, tuple(works))


def _iterable(value: object, what: str) -> Iterable[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ArgumentTypeError(
            f"{what} must be an iterable, got {type(value).__name__}"
        )
    return value


def _add_provider_ref(by_ref: dict[str, Any], p: object) -> None:
    if not isinstance(p, Provider):
        raise ArgumentTypeError(f"expected a Provider, got {type(p).__name__}")
    if p.ref in by_ref:
        raise AffiliationError("Provider.ref is registered twice", ref=p.ref)
    by_ref[p.ref] = p


def _add_provider(entries: dict[str, _Entry], p: object) -> None:
    _add_provider_ref(entries, p)
    assert isinstance(p, Provider)
    entries[p.ref] = _Entry(p)


def _add_arrangement(entries: dict[str, _Entry], a: object) -> None:
    if not isinstance(a, Arrangement):
        raise ArgumentTypeError(f"expected an Arrangement, got {type(a).__name__}")
    entry = entries.get(a.provider)
    if entry is None:
        raise UnknownProviderError(
            "Arrangement.provider is not a registered provider", ref=a.provider
        )
    entries[a.provider] = entry.with_arrangement(a)


def _check_engagement(by_ref: Mapping[str, Any], e: object) -> None:
    """Both ends registered, from a practitioner to a practice."""
    if not isinstance(e, Engagement):
        raise ArgumentTypeError(f"expected an Engagement, got {type(e).__name__}")
    for field, ref, kind in (
        ("practitioner", e.practitioner, ProviderKind.PRACTITIONER),
        ("practice", e.practice, ProviderKind.PRACTICE),
    ):
        found = by_ref.get(ref)
        if found is None:
            raise UnknownProviderError(
                f"Engagement.{field} is not a registered provider", ref=ref
            )
        provider = found.provider if isinstance(found, _Entry) else found
        if provider.kind is not kind:
            raise AffiliationError(f"Engagement.{field} is not a {kind.value}", ref=ref)


def _add_engagement(entries: dict[str, _Entry], e: object) -> None:
    _check_engagement(entries, e)
    assert isinstance(e, Engagement)
    entries[e.practitioner] = entries[e.practitioner].with_engagement(e)


def _at(exc: KlachtrechtError, where: str, index: int) -> KlachtrechtError:
    """Mark ``exc`` with the position of the record it is about."""
    exc.position = f"{where}[{index}]"  # type: ignore[attr-defined]
    return exc


def _bulk(
    providers: list[object], arrangements: list[object], engagements: list[object]
) -> dict[str, _Entry]:
    """The per-provider index of a whole register, validated in one pass per
    kind of record (sorting, then comparing neighbours)."""
    by_ref: dict[str, Provider] = {}
    for i, p in enumerate(providers):
        try:
            _add_provider_ref(by_ref, p)
        except KlachtrechtError as exc:
            raise _at(exc, "providers", i) from None
    own: dict[str, list[list[tuple[int, Arrangement]]]] = {}
    for i, a in enumerate(arrangements):
        if not isinstance(a, Arrangement):
            raise _at(
                ArgumentTypeError(f"expected an Arrangement, got {type(a).__name__}"),
                "arrangements",
                i,
            )
        if a.provider not in by_ref:
            raise _at(
                UnknownProviderError(
                    "Arrangement.provider is not a registered provider", ref=a.provider
                ),
                "arrangements",
                i,
            )
        lists = own.get(a.provider)
        if lists is None:
            lists = own[a.provider] = [[], [], [], []]
        lists[_ORDER[a.component]].append((i, a))
    for ref, lists in own.items():
        for component, arranged in zip(_COMPONENTS, lists, strict=True):
            arranged.sort(key=lambda ia: ia[1].valid_from)
            for (_, before), (j, after) in itertools.pairwise(arranged):
                if before.valid_until is None or before.valid_until >= after.valid_from:
                    try:
                        _overlap(
                            ref,
                            f"two {component.label} arrangements of one provider",
                            before,
                            after,
                        )
                    except OverlapError as exc:
                        raise _at(exc, "arrangements", j) from None
    works: dict[str, list[tuple[int, Engagement]]] = {}
    for i, e in enumerate(engagements):
        try:
            _check_engagement(by_ref, e)
        except KlachtrechtError as exc:
            raise _at(exc, "engagements", i) from None
        assert isinstance(e, Engagement)
        works.setdefault(e.practitioner, []).append((i, e))
    for ref, engaged in works.items():
        engaged.sort(key=lambda ie: (ie[1].practice, ie[1].valid_from))
        for (_, earlier), (j, later) in itertools.pairwise(engaged):
            if earlier.practice == later.practice and (
                earlier.valid_until is None or earlier.valid_until >= later.valid_from
            ):
                try:
                    _overlap(
                        ref,
                        "two engagements of one practitioner with one practice",
                        earlier,
                        later,
                    )
                except OverlapError as exc:
                    raise _at(exc, "engagements", j) from None
        engaged.sort(key=lambda ie: _precedence(ie[1]))
    empty: list[list[tuple[int, Arrangement]]] = [[], [], [], []]
    return {
        ref: _Entry(
            p,
            tuple(tuple(a for _, a in arranged) for arranged in own.get(ref, empty)),
            tuple(e for _, e in works.get(ref, ())),
        )
        for ref, p in by_ref.items()
    }


_ADDERS: Final[Mapping[type, Callable[[dict[str, _Entry], object], None]]] = (
    MappingProxyType(
        {
            Provider: _add_provider,
            Arrangement: _add_arrangement,
            Engagement: _add_engagement,
        }
    )
)


class Affiliations:
    """A register of providers, their arrangements and engagements (aansluitingen).

    Immutable: :meth:`add` and :meth:`end` return a new register and validate
    only what they change (unique refs, known providers, engagements from a
    practitioner to a practice, no overlapping periods for one component of one
    provider or one practitioner-practice pair). Two registers are equal when
    they hold the same records, whatever the order they were added in; the
    tuples :attr:`providers`, :attr:`arrangements` and :attr:`engagements` list
    them in registration order of the providers.
    """

    __slots__ = ("_entries", "_flat", "_hash")
    _entries: dict[str, _Entry]
    _flat: list[tuple[tuple[Any, ...], ...]]
    _hash: list[int]

    def __init__(
        self,
        providers: Iterable[Provider] = (),
        arrangements: Iterable[Arrangement] = (),
        engagements: Iterable[Engagement] = (),
    ) -> None:
        self._init(
            _bulk(
                list(_iterable(providers, "providers")),
                list(_iterable(arrangements, "arrangements")),
                list(_iterable(engagements, "engagements")),
            )
        )

    def _init(self, entries: dict[str, _Entry]) -> None:
        # private and never changed after construction: changes copy it
        object.__setattr__(self, "_entries", entries)
        object.__setattr__(self, "_flat", [])
        object.__setattr__(self, "_hash", [])

    @classmethod
    def _of(cls, entries: dict[str, _Entry]) -> Affiliations:
        new = cls.__new__(cls)
        new._init(entries)
        return new

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __reduce__(self) -> tuple[type[Affiliations], tuple[tuple[Any, ...], ...]]:
        return (Affiliations, self._views())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Affiliations):
            return NotImplemented
        return self._entries == other._entries

    def __hash__(self) -> int:
        if not self._hash:
            self._hash.append(hash(frozenset(self._entries.values())))
        return self._hash[0]

    def __repr__(self) -> str:
        providers, arrangements, engagements = self._views()
        return (
            f"Affiliations(<{len(providers)} providers, {len(arrangements)} "
            f"arrangements, {len(engagements)} engagements>)"
        )

    def _views(self) -> tuple[tuple[Any, ...], ...]:
        if not self._flat:
            entries = self._entries.values()
            self._flat.append(
                (
                    tuple(e.provider for e in entries),
                    tuple(a for e in entries for arranged in e.own for a in arranged),
                    tuple(w for e in entries for w in e.works),
                )
            )
        return self._flat[0]

    @property
    def providers(self) -> tuple[Provider, ...]:
        """Every provider, in registration order."""
        return self._views()[0]

    @property
    def arrangements(self) -> tuple[Arrangement, ...]:
        """Every arrangement, per provider, per component, by start."""
        return self._views()[1]

    @property
    def engagements(self) -> tuple[Engagement, ...]:
        """Every engagement, per practitioner, in precedence order."""
        return self._views()[2]

    def __len__(self) -> int:
        """The number of providers."""
        return len(self._entries)

    # -- building --------------------------------------------------------------

    def add(self, *items: Provider | Arrangement | Engagement) -> Affiliations:
        """A new register with ``items`` added: providers first, then
        arrangements, then engagements; all or nothing."""
        ordered: tuple[list[object], ...] = ([], [], [])
        for item in items:
            slot = {Provider: 0, Arrangement: 1, Engagement: 2}.get(type(item))
            if slot is None:
                raise ArgumentTypeError(
                    "add() takes Provider, Arrangement or Engagement, "
                    f"got {type(item).__name__}"
                )
            ordered[slot].append(item)
        entries = self._entries.copy()
        for kind, batch in zip(
            (Provider, Arrangement, Engagement), ordered, strict=True
        ):
            for added in batch:
                _ADDERS[kind](entries, added)
        return Affiliations._of(entries)

    def end(self, ref: str, component: Component, *, on: date) -> Affiliations:
        """A new register in which ``ref``'s ``component`` arrangement valid on
        ``on`` ends on that day (e.g. the BEN arrangement on 31 December 2023)."""
        entry = self._entry(ref)
        _member(component, Component, "component")
        day = _day(on, "on")
        current = _valid_on(entry.arranged(component), day)
        if current is None:
            raise AffiliationError(
                f"no {component.label} arrangement is valid on the day to end it",
                ref=ref,
            )
        i = _ORDER[component]
        arranged = tuple(
            attrs.evolve(a, valid_until=day) if a is current else a
            for a in entry.own[i]
        )
        own = (*entry.own[:i], arranged, *entry.own[i + 1 :])
        entries = self._entries.copy()
        entries[ref] = _Entry(entry.provider, own, entry.works)
        return Affiliations._of(entries)

    def end_engagement(
        self, practitioner: str, practice: str, *, on: date
    ) -> Affiliations:
        """A new register in which the engagement of ``practitioner`` with
        ``practice`` valid on ``on`` ends on that day."""
        entry = self._entry(practitioner)
        _text(practice, "practice")
        day = _day(on, "on")
        current = next(
            (
                w
                for w in entry.works
                if w.practice == practice and _within(day, w.valid_from, w.valid_until)
            ),
            None,
        )
        if current is None:
            raise AffiliationError(
                "no engagement with that practice is valid on the day to end it",
                ref=practitioner,
            )
        works = tuple(
            attrs.evolve(w, valid_until=day) if w is current else w for w in entry.works
        )
        entries = self._entries.copy()
        entries[practitioner] = _Entry(entry.provider, entry.own, works)
        return Affiliations._of(entries)

    # -- queries ---------------------------------------------------------------

    def _entry(self, ref: object) -> _Entry:
        found = self._entries.get(_text(ref, "ref"))
        if found is None:
            assert isinstance(ref, str)
            raise UnknownProviderError("no provider is registered under ref", ref=ref)
        return found

    def __contains__(self, ref: object) -> bool:
        return isinstance(ref, str) and ref in self._entries

    def provider(self, ref: str) -> Provider:
        """The provider registered as ``ref``."""
        return self._entry(ref).provider

    def regimes(self, ref: str) -> tuple[str, ...]:
        """The regimes ``ref`` falls under by its legal kinds (see
        :data:`PROVIDER_REGIMES`); empty when no legal kind is recorded."""
        return self.provider(ref).regimes

    def _own_on(self, ref: str, component: Component, day: date) -> Arrangement | None:
        entry = self._entries.get(ref)
        return None if entry is None else _valid_on(entry.arranged(component), day)

    def coverage_on(
        self, ref: str, day: date, *, regime: str | Requirement | None = None
    ) -> Coverage:
        """Which arrangement covers ``ref`` on ``day``, per component (see the
        module docstring for the precedence); with ``regime``, only the
        components that regime knows."""
        entry = self._entry(ref)
        _day(day, "day")
        requirement = None if regime is None else _requirement(regime)
        working = [w for w in entry.works if _within(day, w.valid_from, w.valid_until)]
        covers = []
        for component in _COMPONENTS:
            if requirement is not None and component not in requirement.offers:
                continue
            own = _valid_on(entry.arranged(component), day)
            if own is not None:
                covers.append(Cover(own))
                continue
            for w in working:
                found = self._own_on(w.practice, component, day)
                if found is not None:
                    covers.append(Cover(found, w))
                    break
        return Coverage(ref, day, tuple(covers))

    def gaps(
        self, ref: str, start: date, end: date, *, regime: str | Requirement
    ) -> tuple[Gap, ...]:
        """The maximal periods in ``start``..``end`` (inclusive) in which the
        same components ``regime`` requires are missing, in date order."""
        requirement = self._requirement_for(ref, regime)
        entry = self._entry(ref)
        _day(start, "start")
        _day(end, "end")
        if end < start:
            raise PeriodError("gaps: end is before start", ref=ref)
        periods: list[tuple[date, date | None]] = [
            (w.valid_from, w.valid_until) for w in entry.works
        ]
        for owner in {ref, *(w.practice for w in entry.works)}:
            periods += [
                (a.valid_from, a.valid_until)
                for arranged in self._entries[owner].own
                for a in arranged
            ]
        points = {start}
        for first, last in periods:
            points.add(first)
            if last is not None and last < MAX_DATE:
                points.add(last + timedelta(days=1))
        cuts = sorted(p for p in points if start <= p <= end)
        found: list[Gap] = []
        for i, cut in enumerate(cuts):
            stop = cuts[i + 1] - timedelta(days=1) if i + 1 < len(cuts) else end
            missing = self.coverage_on(ref, cut).missing(requirement)
            if (
                found
                and found[-1].missing == missing
                and found[-1].end == cut - timedelta(days=1)
            ):
                found[-1] = attrs.evolve(found[-1], end=stop)
            elif missing:
                found.append(Gap(cut, stop, missing))
        return tuple(found)

    def _requirement_for(self, ref: str, regime: object) -> Requirement:
        """The requirement of ``regime``, refused when ``ref``'s recorded legal
        kinds do not bring it under that regime."""
        requirement = _requirement(regime)
        falls_under = self.provider(ref).regimes
        if falls_under and requirement.regime not in falls_under:
            raise RegimeMismatchError(
                f"the provider's legal kinds bring it under "
                f"{', '.join(falls_under)}, not under this regime",
                ref=ref,
            )
        return requirement

    def check(
        self, ref: str, *, regime: str | Requirement, receipt_day: date
    ) -> CoverageCheck:
        """Whether ``ref``'s coverage on ``receipt_day`` is complete for
        ``regime``; the coverage holds only the components that regime knows."""
        requirement = self._requirement_for(ref, regime)
        day = _day(receipt_day, "receipt_day")
        coverage = self.coverage_on(ref, day, regime=requirement)
        return CoverageCheck(
            ref, day, requirement, coverage, coverage.missing(requirement)
        )

    def check_case(self, case: Case, *, ref: str | None = None) -> CoverageCheck:
        """:meth:`check` for a case: its regime, on the day its complaint was
        received (the written complaint under the Wkkgz, else the opening day).

        ``ref`` defaults to the ref of the case's provider party.
        """
        if not isinstance(case, Case):
            raise ArgumentTypeError(f"case must be a Case, got {type(case).__name__}")
        if ref is None:
            party = case.party(Role.PROVIDER)
            if party is None:
                raise AffiliationError("the case has no provider party; pass ref=")
            ref = party.ref
        return self.check(ref, regime=case.regime, receipt_day=_receipt_day(case))

    # -- texts -----------------------------------------------------------------

    def _subject(self, ref: str) -> str:
        p = self.provider(ref)
        if p.name:
            return p.name
        return (
            "deze praktijk" if p.kind is ProviderKind.PRACTICE else "deze zorgverlener"
        )

    def _by(self, cover: Cover) -> str:
        text = cover.arrangement.body
        if cover.arrangement.contact:
            text += f" ({cover.arrangement.contact})"
        if cover.via is not None:
            practice = self.provider(cover.via.practice)
            text += f", geregeld via {practice.name or 'de praktijk'}"
        return text

    def client_text(self, ref: str, *, day: date, regime: str | Requirement) -> str:
        """The client-facing text (Dutch) ``ref`` must publish, as of ``day``.

        Refused while a required component is missing: publish nothing
        incomplete. Optional components the regime knows are mentioned when
        covered; components it does not know never are.
        """
        result = self.check(ref, regime=regime, receipt_day=day)
        if not result.complete:
            raise AffiliationError(
                f"no complete {result.requirement.title} coverage on that day "
                f"(missing {_labels(result.missing)}); arrange it before publishing",
                ref=ref,
            )
        subject = self._subject(ref)
        lines = [
            f"Klachten over {subject}" if self.provider(ref).name else "Klachten",
            "",
            "Bent u niet tevreden? Bespreek het eerst met ons. Komen we er samen "
            "niet uit, dan kunt u een klacht indienen.",
            "",
        ]
        templates = {
            Component.REGELING: (
                "Klachtenregeling: {s} valt onder de klachtenregeling van {by}. "
                "Daarin staat hoe u een klacht indient."
            ),
            Component.FUNCTIONARIS: (
                "Klachtenfunctionaris: {by}. De klachtenfunctionaris geeft u gratis "
                "advies en helpt u bij het indienen van uw klacht."
            ),
            Component.COMMISSIE: (
                "Klachtencommissie: uw klacht wordt beoordeeld door de "
                "klachtencommissie van {by}."
            ),
            Component.GESCHILLENINSTANTIE: (
                "Geschilleninstantie: bent u niet tevreden over de afhandeling van "
                "uw klacht, dan kunt u het geschil voorleggen aan {by}."
            ),
        }
        for cover in result.coverage.covers:
            lines.append(
                "- " + templates[cover.component].format(s=subject, by=self._by(cover))
            )
        lines += ["", f"Deze informatie geldt op {_nl(result.day)}."]
        return "\n".join(lines)

    def proof(self, ref: str, *, day: date, regime: str | Requirement) -> str:
        """A proof-of-affiliation summary (bewijs van aansluiting, Dutch) for a
        bemiddelaar or opdrachtgever: every component with its body, reference
        and period, and whether the coverage is complete on ``day``."""
        result = self.check(ref, regime=regime, receipt_day=day)
        requirement = result.requirement
        p = self.provider(ref)
        who = f"{p.name} (kenmerk {ref})" if p.name else f"kenmerk {ref}"
        lines = [
            "Bewijs van aansluiting",
            f"Zorgaanbieder: {who}",
            f"Peildatum: {_nl(result.day)}",
            f"Wettelijk kader: {requirement.title}",
            "",
        ]
        for component in Component:
            source = requirement.source(component)
            cover = result.coverage.get(component)
            if cover is None and not source:
                continue
            head = component.label.capitalize() + (f" ({source})" if source else "")
            if cover is None:
                lines.append(f"{head}: ONTBREEKT")
                continue
            a = cover.arrangement
            line = f"{head}: {a.body}"
            if a.reference:
                line += f", aansluitnummer {a.reference}"
            line += f", geldig {_nl_period(a.valid_from, a.valid_until)}"
            if cover.via is not None:
                practice = self.provider(cover.via.practice)
                name = practice.name or "praktijk"
                line += (
                    f"; via {name} (kenmerk {practice.ref}), {cover.via.basis.label} "
                    f"{_nl_period(cover.via.valid_from, cover.via.valid_until)}"
                )
            lines.append(line)
        lines.append("")
        if result.complete:
            lines.append(f"Conclusie: volledig aangesloten ({requirement.title}).")
        else:
            lines.append(
                f"Conclusie: ONVOLLEDIG; ontbreekt: {_labels(result.missing)}."
            )
        return "\n".join(lines)


# -- the register as a document ----------------------------------------------------

#: The register document schema this release writes; loading refuses a newer one.
SCHEMA_VERSION: Final = 1
_DOCUMENT: Final = "klachtrecht.affiliations"
_TOP_KEYS: Final = frozenset(
    {"schema", "document", "providers", "arrangements", "engagements"}
)
_PROVIDER_KEYS: Final = ("ref", "kind", "name", "legal_kinds")
_ARRANGEMENT_KEYS: Final = (
    "provider",
    "component",
    "body",
    "valid_from",
    "valid_until",
    "contact",
    "reference",
)
_ENGAGEMENT_KEYS: Final = (
    "practitioner",
    "practice",
    "basis",
    "valid_from",
    "valid_until",
)
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def dump(register: Affiliations) -> dict[str, Any]:
    """A JSON-compatible document of ``register`` (schema ``SCHEMA_VERSION``).

    Every key is always written; dates are ISO strings, open ends ``None``,
    enums by value, legal kinds sorted.
    """
    if not isinstance(register, Affiliations):
        raise RegisterDocumentError(
            f"expected an Affiliations register, got {type(register).__name__}"
        )
    return {
        "schema": SCHEMA_VERSION,
        "document": _DOCUMENT,
        "providers": [
            {
                "ref": p.ref,
                "kind": p.kind.value,
                "name": p.name,
                "legal_kinds": sorted(k.value for k in p.legal_kinds),
            }
            for p in register.providers
        ],
        "arrangements": [
            {
                "provider": a.provider,
                "component": a.component.value,
                "body": a.body,
                "valid_from": a.valid_from.isoformat(),
                "valid_until": _iso(a.valid_until),
                "contact": a.contact,
                "reference": a.reference,
            }
            for a in register.arrangements
        ],
        "engagements": [
            {
                "practitioner": e.practitioner,
                "practice": e.practice,
                "basis": e.basis.value,
                "valid_from": e.valid_from.isoformat(),
                "valid_until": _iso(e.valid_until),
            }
            for e in register.engagements
        ],
    }


def _refuse(where: str, problem: str) -> NoReturn:
    raise RegisterDocumentError(f"register document: {where}: {problem}")


class _Reader:
    """Reads one entry's fields strictly, naming ``where`` in every error."""

    def __init__(self, where: str, raw: object, keys: tuple[str, ...]) -> None:
        if not isinstance(raw, Mapping):
            _refuse(where, f"must be an object, got {type(raw).__name__}")
        if any(type(k) is not str for k in raw):
            _refuse(where, "keys must be strings")
        unknown = len(set(raw) - set(keys))
        missing = sorted(set(keys) - set(raw))
        if unknown:
            _refuse(where, f"{unknown} unknown key(s); allowed: {', '.join(keys)}")
        if missing:
            _refuse(where, f"missing key(s): {', '.join(missing)}")
        self.where = where
        self.raw = raw

    def text(self, key: str, *, empty: bool = False) -> str:
        value = self.raw[key]
        if type(value) is not str:
            _refuse(f"{self.where}.{key}", f"must be a string, got {_json(value)}")
        if len(value) > MAX_TEXT:
            _refuse(f"{self.where}.{key}", f"longer than {MAX_TEXT} characters")
        if not empty and not value.strip():
            _refuse(f"{self.where}.{key}", "must not be empty")
        return value

    def enum(self, key: str, cls: type[enum.Enum]) -> Any:
        value = self.raw[key]
        for member in cls:
            if type(value) is str and member.value == value:
                return member
        known = ", ".join(str(m.value) for m in cls)
        _refuse(f"{self.where}.{key}", f"not a known {cls.__name__}; known: {known}")

    def day(self, key: str, *, open_end: bool = False) -> date | None:
        value = self.raw[key]
        if value is None and open_end:
            return None
        if type(value) is not str or not _ISO_DAY.fullmatch(value):
            _refuse(f"{self.where}.{key}", "must be a date written YYYY-MM-DD")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            _refuse(f"{self.where}.{key}", "is not a calendar date")
        if not MIN_DATE <= day <= MAX_DATE:
            _refuse(
                f"{self.where}.{key}",
                f"outside the supported range {MIN_DATE.isoformat()}.."
                f"{MAX_DATE.isoformat()}",
            )
        return day

    def kinds(self, key: str) -> frozenset[LegalKind]:
        value = self.raw[key]
        if not isinstance(value, list):
            _refuse(f"{self.where}.{key}", f"must be a list, got {_json(value)}")
        found = [
            _Reader(f"{self.where}.{key}", {"item": item}, ("item",)).enum(
                "item", LegalKind
            )
            for item in value
        ]
        if len(set(found)) != len(found):
            _refuse(f"{self.where}.{key}", "lists a legal kind twice")
        return frozenset(found)


def _json(value: object) -> str:
    """The JSON type of ``value`` (never the value)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _entries_of(document: Mapping[Any, Any], key: str) -> list[Any]:
    value = document[key]
    if not isinstance(value, list):
        _refuse(key, f"must be a list, got {_json(value)}")
    return value


def _read_provider(r: _Reader) -> Provider:
    return Provider(
        r.text("ref"),
        r.enum("kind", ProviderKind),
        r.text("name", empty=True),
        r.kinds("legal_kinds"),
    )


def _read_arrangement(r: _Reader) -> Arrangement:
    return Arrangement(
        provider=r.text("provider"),
        component=r.enum("component", Component),
        body=r.text("body"),
        valid_from=r.day("valid_from"),  # type: ignore[arg-type]
        valid_until=r.day("valid_until", open_end=True),
        contact=r.text("contact", empty=True),
        reference=r.text("reference", empty=True),
    )


def _read_engagement(r: _Reader) -> Engagement:
    return Engagement(
        practitioner=r.text("practitioner"),
        practice=r.text("practice"),
        basis=r.enum("basis", Basis),
        valid_from=r.day("valid_from"),  # type: ignore[arg-type]
        valid_until=r.day("valid_until", open_end=True),
    )


def load(document: Mapping[str, Any]) -> Affiliations:
    """Rebuild a register from :func:`dump`'s document; strict, all or nothing.

    Refused with :class:`RegisterDocumentError` (a ``ValueError``): a document
    that is not an object, has unknown or missing keys, a newer ``schema``, a
    field of the wrong type, or entries that do not form a valid register
    (duplicate ref, overlap, ...). The message names the field, never a value.
    """
    if not isinstance(document, Mapping):
        _refuse("document", f"must be an object, got {_json(document)}")
    if any(type(k) is not str for k in document):
        _refuse("document", "keys must be strings")
    unknown = len(set(document) - _TOP_KEYS)
    missing = sorted(_TOP_KEYS - set(document))
    if unknown or missing:
        _refuse(
            "document",
            f"{unknown} unknown key(s); missing key(s): {', '.join(missing) or '-'}",
        )
    schema = document["schema"]
    if type(schema) is not int or schema < 1:
        _refuse("schema", "must be a positive integer")
    if schema > SCHEMA_VERSION:
        _refuse("schema", f"newer than this release reads ({SCHEMA_VERSION})")
    if document["document"] != _DOCUMENT:
        _refuse("document", f"must be {_DOCUMENT!r}")
    read: list[list[object]] = []
    for key, keys, reader in (
        ("providers", _PROVIDER_KEYS, _read_provider),
        ("arrangements", _ARRANGEMENT_KEYS, _read_arrangement),
        ("engagements", _ENGAGEMENT_KEYS, _read_engagement),
    ):
        records: list[object] = []
        for i, raw in enumerate(_entries_of(document, key)):
            where = f"{key}[{i}]"
            try:
                records.append(reader(_Reader(where, raw, keys)))
            except RegisterDocumentError:
                raise
            except KlachtrechtError as exc:
                _refuse(where, str(exc))
        read.append(records)
    try:
        entries = _bulk(*read)
    except KlachtrechtError as exc:
        _refuse(getattr(exc, "position", "document"), str(exc))
    return Affiliations._of(entries)


def dumps(register: Affiliations) -> str:
    """:func:`dump` as a JSON string (keys sorted, UTF-8 kept readable)."""
    import json  # noqa: PLC0415 - only here

    return json.dumps(dump(register), sort_keys=True, ensure_ascii=False)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        _refuse("document", "an object has a key twice")
    return found


def _no_constant(_: str) -> NoReturn:
    _refuse("document", "NaN and Infinity are not JSON")


def loads(text: str) -> Affiliations:
    """:func:`load` from a JSON string (duplicate keys, NaN and overly deep
    nesting refused)."""
    import json  # noqa: PLC0415 - only here

    if type(text) is not str:
        _refuse("document", f"must be a str, got {type(text).__name__}")
    try:
        document = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except RegisterDocumentError:
        raise
    except json.JSONDecodeError as exc:
        _refuse("document", f"not valid JSON (line {exc.lineno}, column {exc.colno})")
    except RecursionError:
        _refuse("document", "nested too deeply")
    except ValueError:  # e.g. an integer with more digits than Python converts
        _refuse("document", "not a valid JSON value")
    return load(document)
