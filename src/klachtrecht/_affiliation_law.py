"""Components, provider kinds and what each regime requires of a provider
(see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from klachtrecht._affiliation_checks import AffiliationError, _flag, _member, _text
from klachtrecht.errors import (
    ArgumentTypeError,
    UnknownRegimeError,
)


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
