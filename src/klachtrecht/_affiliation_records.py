"""The records of an affiliation register and the answers about coverage
(see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from klachtrecht._affiliation_checks import (
    AffiliationError,
    PeriodError,
    _day,
    _member,
    _member_of,
    _period,
    _span,
    _text,
    _within,
)
from klachtrecht._affiliation_law import (
    PROVIDER_REGIMES,
    Basis,
    Component,
    LegalKind,
    ProviderKind,
    Requirement,
    _components,
    _labels,
    _repr_set,
    _requirement,
    _sorted,
)
from klachtrecht._case import Case
from klachtrecht.errors import (
    ArgumentTypeError,
)

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
