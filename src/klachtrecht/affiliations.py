"""Aansluitingen: which klachtenregeling, klachtenfunctionaris, klachtencommissie
and geschilleninstantie cover a zorgaanbieder, over time.

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
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

import attrs

from klachtrecht._case import Case, Role
from klachtrecht.deadlines import check_date
from klachtrecht.errors import ArgumentTypeError, KlachtrechtError, UnknownRegimeError

__all__ = [
    "REQUIREMENTS",
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
    "OverlapError",
    "PeriodError",
    "Provider",
    "ProviderKind",
    "Requirement",
    "UnknownProviderError",
    "wmo_requirement",
]


class AffiliationError(KlachtrechtError, ValueError):
    """An affiliation record or query is refused (duplicate ref, wrong kind, ...)."""


class PeriodError(AffiliationError):
    """A validity period is inverted: it ends before it starts."""


class OverlapError(PeriodError):
    """Two periods of one provider overlap for the same component or practice."""


class UnknownProviderError(KlachtrechtError, LookupError):
    """No provider is registered under the requested ref."""


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


_COMPONENT_LABELS: Final = {
    Component.REGELING: "klachtenregeling",
    Component.FUNCTIONARIS: "klachtenfunctionaris",
    Component.COMMISSIE: "klachtencommissie",
    Component.GESCHILLENINSTANTIE: "geschilleninstantie",
}
_ORDER: Final = {c: i for i, c in enumerate(Component)}


def _sorted(components: Iterable[Component]) -> list[Component]:
    return sorted(components, key=_ORDER.__getitem__)


def _labels(components: Iterable[Component]) -> str:
    return ", ".join(c.label for c in _sorted(components))


def _repr_set(components: frozenset[Component]) -> str:
    """A repr in component order, independent of hash randomisation."""
    inner = ", ".join(f"Component.{c.name}" for c in _sorted(components))
    return f"frozenset({{{inner}}})" if inner else "frozenset()"


class ProviderKind(enum.Enum):
    """What kind of zorgaanbieder a provider is."""

    PRACTICE = "practice"  #: een praktijk of instelling
    PRACTITIONER = "practitioner"  #: een zorgverlener (in dienst of zzp'er)


class Basis(enum.Enum):
    """On what basis a practitioner works through a practice."""

    EMPLOYED = "employed"  #: in dienst van de praktijk
    ZZP = "zzp"  #: als zzp'er via de praktijk

    @property
    def label(self) -> str:
        """Dutch description."""
        return "in dienst" if self is Basis.EMPLOYED else "als zzp'er via de praktijk"


@attrs.frozen
class Requirement:
    """What a regime requires a provider to have arranged (wettelijke vereisten).

    ``needs`` pairs each required component with its source; ``file_with`` is
    the component with which a client files a complaint.
    """

    regime: str
    title: str
    needs: tuple[tuple[Component, str], ...]
    file_with: Component | None
    note: str = ""

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

#: The requirements per regime name (as in ``klachtrecht.REGIMES``).
_WMO_SOURCE = "Wmo 2015 art. 3.2 lid 1 sub a jo. art. 2.1.3 lid 2 sub d"

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
            "no klachtenfunctionaris (a vertrouwenspersoon instead, art. 4.1.9) "
            "and no geschilleninstantie in Jeugdwet §4.2",
        ),
        "klp": Requirement(
            "klp",
            "Wkkgz (Klachtenloket Paramedici)",
            _WKKGZ_NEEDS,
            Component.REGELING,
            "the Klachtenloket Paramedici is a Wkkgz klachtenregeling "
            "(seed klachtenloket-paramedici.txt, Wkkgz section)",
        ),
        "wkkgz": Requirement("wkkgz", "Wkkgz", _WKKGZ_NEEDS, Component.REGELING),
        "wmo": Requirement(
            "wmo",
            "Wmo 2015",
            ((Component.REGELING, _WMO_SOURCE),),
            Component.REGELING,
            "only where the gemeentelijke verordening requires a klachtenregeling "
            "for the voorziening; otherwise use "
            "wmo_requirement(verordening_requires=False)",
        ),
    }
)


def wmo_requirement(*, verordening_requires: bool) -> Requirement:
    """The Wmo 2015 requirement for a voorziening: a klachtenregeling only where
    the gemeentelijke verordening requires one (art. 2.1.3 lid 2 sub d jo. art.
    3.2 lid 1 sub a); otherwise nothing is required."""
    if type(verordening_requires) is not bool:
        raise ArgumentTypeError("verordening_requires must be a bool")
    if verordening_requires:
        return REQUIREMENTS["wmo"]
    return Requirement(
        "wmo",
        "Wmo 2015",
        (),
        Component.REGELING,
        "the verordening requires no klachtenregeling for this voorziening "
        "(Wmo 2015 art. 2.1.3 lid 2 sub d)",
    )


def _requirement(regime: object) -> Requirement:
    if isinstance(regime, Requirement):
        return regime
    if not isinstance(regime, str):
        raise ArgumentTypeError(
            f"regime must be a str or Requirement, got {type(regime).__name__}"
        )
    if regime not in REQUIREMENTS:
        raise UnknownRegimeError(
            f"no requirements for regime {regime!r}; known: {', '.join(REQUIREMENTS)}"
        )
    return REQUIREMENTS[regime]


# -- validation helpers -----------------------------------------------------------


def _text(value: object, what: str, *, empty: bool = False) -> str:
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what} must be a str, got {type(value).__name__}")
    if not empty and not value.strip():
        raise AffiliationError(f"{what} must not be empty")
    return value


def _member(value: object, cls: type[enum.Enum], what: str) -> None:
    if not isinstance(value, cls):
        raise ArgumentTypeError(
            f"{what} must be a {cls.__name__}, got {type(value).__name__}"
        )


def _span(start: date, until: date | None) -> str:
    return f"{start.isoformat()}..{until.isoformat() if until else 'open'}"


def _period(who: str, what: str, start: object, until: object) -> None:
    check_date(start, f"valid_from of {what} of {who}")
    if until is not None:
        check_date(until, f"valid_until of {what} of {who}")
        assert isinstance(start, date)
        assert isinstance(until, date)
        if until < start:
            raise PeriodError(
                f"{who}: {what} ends on {until.isoformat()}, "
                f"before it starts on {start.isoformat()}"
            )


def _within(day: date, start: date, until: date | None) -> bool:
    return start <= day and (until is None or day <= until)


_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def _nl(day: date) -> str:
    """``1 januari 2024``: locale-independent."""
    return f"{day.day} {_MAANDEN[day.month - 1]} {day.year}"


def _nl_period(start: date, until: date | None) -> str:
    if until is None:
        return f"vanaf {_nl(start)}, zonder einddatum"
    return f"van {_nl(start)} tot en met {_nl(until)}"


# -- records ----------------------------------------------------------------------


@attrs.frozen(repr=False)
class Provider:
    """A zorgaanbieder: a practice (praktijk, instelling) or a practitioner.

    ``ref`` is the caller's opaque identifier. ``name`` is a display name: it
    appears only in :meth:`Affiliations.client_text` and
    :meth:`Affiliations.proof`, never in repr or errors.
    """

    ref: str
    kind: ProviderKind
    name: str = ""

    def __attrs_post_init__(self) -> None:
        _text(self.ref, "provider ref")
        _member(self.kind, ProviderKind, f"kind of provider {self.ref!r}")
        _text(self.name, f"name of provider {self.ref!r}", empty=True)

    def __repr__(self) -> str:
        return f"Provider(ref={self.ref!r}, kind={self.kind.value!r}, <name hidden>)"

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
        who = f"provider {_text(self.provider, 'provider ref')!r}"
        _member(self.component, Component, f"component of {who}")
        what = f"{self.component.label} arrangement"
        _text(self.body, f"body of the {what} of {who}")
        _text(self.contact, f"contact of the {what} of {who}", empty=True)
        _text(self.reference, f"reference of the {what} of {who}", empty=True)
        _period(who, what, self.valid_from, self.valid_until)

    def covers(self, day: date) -> bool:
        """Whether the arrangement is valid on ``day``."""
        return _within(check_date(day), self.valid_from, self.valid_until)

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
        who = f"practitioner {_text(self.practitioner, 'practitioner ref')!r}"
        what = f"engagement with practice {_text(self.practice, 'practice ref')!r}"
        _member(self.basis, Basis, f"basis of the {what} of {who}")
        _period(who, what, self.valid_from, self.valid_until)
        if self.practice == self.practitioner:
            raise AffiliationError(f"{who} cannot be engaged with itself")


@attrs.frozen
class Cover:
    """How one component is covered on a day: the arrangement, and through
    which engagement (None: the provider's own arrangement)."""

    arrangement: Arrangement
    via: Engagement | None = None

    @property
    def component(self) -> Component:
        """The component covered."""
        return self.arrangement.component


@attrs.frozen
class Coverage:
    """What covers a provider on one day, per component (in component order)."""

    ref: str
    day: date
    covers: tuple[Cover, ...]

    @property
    def components(self) -> frozenset[Component]:
        """The components covered."""
        return frozenset(c.component for c in self.covers)

    def get(self, component: Component) -> Cover | None:
        """The cover of ``component``, or None."""
        return next((c for c in self.covers if c.component is component), None)

    def missing(self, regime: str | Requirement) -> frozenset[Component]:
        """The components ``regime`` requires that are not covered."""
        return _requirement(regime).components - self.components

    def file_with(self, regime: str | Requirement) -> Cover | None:
        """Where a client files a complaint under ``regime``, or None."""
        component = _requirement(regime).file_with
        return None if component is None else self.get(component)


@attrs.frozen
class Gap:
    """A maximal period in which the same required components are missing."""

    start: date
    end: date
    missing: frozenset[Component] = attrs.field(repr=_repr_set)

    @property
    def days(self) -> int:
        """Length in days (inclusive)."""
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return f"{_span(self.start, self.end)}: missing {_labels(self.missing)}"


@attrs.frozen
class CoverageCheck:
    """Whether a provider's coverage on a day is complete for a regime."""

    ref: str
    day: date
    requirement: Requirement
    coverage: Coverage
    missing: frozenset[Component] = attrs.field(repr=_repr_set)

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
    return written if isinstance(written, date) else case.history[0].day


def _tuple(items: Iterable[object]) -> tuple[object, ...]:
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise ArgumentTypeError(f"expected an iterable, got {type(items).__name__}")
    return tuple(items)


# -- the register -----------------------------------------------------------------


@attrs.frozen
class Affiliations:
    """A register of providers, their arrangements and engagements (aansluitingen).

    Immutable: :meth:`add` and :meth:`end` return a new register. Validated on
    construction: unique refs, known providers, engagements from a practitioner
    to a practice, and no overlapping periods for one component of one provider
    or one practitioner-practice pair.
    """

    providers: tuple[Provider, ...] = attrs.field(default=(), converter=_tuple)
    arrangements: tuple[Arrangement, ...] = attrs.field(default=(), converter=_tuple)
    engagements: tuple[Engagement, ...] = attrs.field(default=(), converter=_tuple)
    _by_ref: Mapping[str, Provider] = attrs.field(init=False, eq=False, repr=False)
    _own: Mapping[tuple[str, Component], tuple[Arrangement, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _works: Mapping[str, tuple[Engagement, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        for cls, items in (
            (Provider, self.providers),
            (Arrangement, self.arrangements),
            (Engagement, self.engagements),
        ):
            for item in items:
                if not isinstance(item, cls):
                    raise ArgumentTypeError(
                        f"expected {cls.__name__}, got {type(item).__name__}"
                    )
        by_ref: dict[str, Provider] = {}
        for p in self.providers:
            if p.ref in by_ref:
                raise AffiliationError(f"provider {p.ref!r} is registered twice")
            by_ref[p.ref] = p
        own: dict[tuple[str, Component], list[Arrangement]] = {}
        for a in self.arrangements:
            if a.provider not in by_ref:
                raise UnknownProviderError(
                    f"arrangement for unregistered provider {a.provider!r}"
                )
            own.setdefault((a.provider, a.component), []).append(a)
        for (ref, component), arranged in own.items():
            arranged.sort(key=lambda a: a.valid_from)
            _no_overlap(
                f"provider {ref!r}",
                f"{component.label} arrangements",
                [(a.valid_from, a.valid_until) for a in arranged],
            )
        works: dict[str, list[Engagement]] = {}
        for e in self.engagements:
            for ref, kind in ((e.practitioner, ProviderKind.PRACTITIONER),
                              (e.practice, ProviderKind.PRACTICE)):  # fmt: skip
                if ref not in by_ref:
                    raise UnknownProviderError(
                        f"engagement names unregistered provider {ref!r}"
                    )
                if by_ref[ref].kind is not kind:
                    raise AffiliationError(
                        f"engagement of {e.practitioner!r} with {e.practice!r}: "
                        f"{ref!r} is not a {kind.value}"
                    )
            works.setdefault(e.practitioner, []).append(e)
        for ref, engaged in works.items():
            for practice in sorted({e.practice for e in engaged}):
                same = sorted(
                    (
                        (e.valid_from, e.valid_until)
                        for e in engaged
                        if e.practice == practice
                    ),
                    key=lambda period: period[0],
                )
                _no_overlap(
                    f"practitioner {ref!r}",
                    f"engagements with practice {practice!r}",
                    same,
                )
            engaged.sort(
                key=lambda e: (e.basis is not Basis.EMPLOYED, e.valid_from, e.practice)
            )
        object.__setattr__(self, "_by_ref", by_ref)
        object.__setattr__(self, "_own", {k: tuple(v) for k, v in own.items()})
        object.__setattr__(self, "_works", {k: tuple(v) for k, v in works.items()})

    # -- building --------------------------------------------------------------

    def add(self, *items: Provider | Arrangement | Engagement) -> Affiliations:
        """A new register with ``items`` added (validated as a whole)."""
        return Affiliations(
            (*self.providers, *(i for i in items if isinstance(i, Provider))),
            (*self.arrangements, *(i for i in items if isinstance(i, Arrangement))),
            (
                *self.engagements,
                *(i for i in items if not isinstance(i, Provider | Arrangement)),
            ),
        )

    def end(self, ref: str, component: Component, *, on: date) -> Affiliations:
        """A new register in which ``ref``'s ``component`` arrangement valid on
        ``on`` ends on that day (e.g. the BEN arrangement on 31 December 2023)."""
        current = self._own_on(ref, component, check_date(on, "on"))
        if current is None:
            raise AffiliationError(
                f"provider {ref!r} has no {component.label} arrangement on "
                f"{on.isoformat()} to end"
            )
        ended = attrs.evolve(current, valid_until=on)
        return Affiliations(
            self.providers,
            tuple(ended if a is current else a for a in self.arrangements),
            self.engagements,
        )

    # -- queries ---------------------------------------------------------------

    def provider(self, ref: str) -> Provider:
        """The provider registered as ``ref``."""
        _text(ref, "provider ref")
        try:
            return self._by_ref[ref]
        except KeyError:
            raise UnknownProviderError(f"no provider {ref!r} is registered") from None

    def _own_on(self, ref: str, component: Component, day: date) -> Arrangement | None:
        for a in self._own.get((ref, component), ()):
            if _within(day, a.valid_from, a.valid_until):
                return a
        return None

    def coverage_on(self, ref: str, day: date) -> Coverage:
        """Which arrangement covers ``ref`` on ``day``, per component (see the
        module docstring for the precedence)."""
        self.provider(ref)
        check_date(day)
        working = [
            e
            for e in self._works.get(ref, ())
            if _within(day, e.valid_from, e.valid_until)
        ]
        covers = []
        for component in Component:
            own = self._own_on(ref, component, day)
            if own is not None:
                covers.append(Cover(own))
                continue
            for e in working:
                found = self._own_on(e.practice, component, day)
                if found is not None:
                    covers.append(Cover(found, e))
                    break
        return Coverage(ref, day, tuple(covers))

    def gaps(
        self, ref: str, start: date, end: date, *, regime: str | Requirement
    ) -> tuple[Gap, ...]:
        """The maximal periods in ``start``..``end`` (inclusive) in which the
        same components ``regime`` requires are missing, in date order."""
        requirement = _requirement(regime)
        self.provider(ref)
        check_date(start, "start")
        check_date(end, "end")
        if end < start:
            raise PeriodError(
                f"provider {ref!r}: gaps asked for {end.isoformat()}, "
                f"before {start.isoformat()}"
            )
        engaged = self._works.get(ref, ())
        periods: list[tuple[date, date | None]] = [
            (e.valid_from, e.valid_until) for e in engaged
        ]
        for owner in {ref, *(e.practice for e in engaged)}:
            periods += [
                (a.valid_from, a.valid_until)
                for c in Component
                for a in self._own.get((owner, c), ())
            ]
        points = {start}
        for first, last in periods:
            points.add(first)
            if last is not None:
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

    def check(
        self, ref: str, *, regime: str | Requirement, receipt_day: date
    ) -> CoverageCheck:
        """Whether ``ref``'s coverage on ``receipt_day`` is complete for ``regime``."""
        requirement = _requirement(regime)
        coverage = self.coverage_on(ref, check_date(receipt_day, "receipt_day"))
        return CoverageCheck(
            ref, receipt_day, requirement, coverage, coverage.missing(requirement)
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
                raise AffiliationError(
                    f"case {case.case_id!r} has no provider party; pass ref="
                )
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
        incomplete. Optional components that are covered are mentioned too.
        """
        result = self.check(ref, regime=regime, receipt_day=day)
        if not result.complete:
            raise AffiliationError(
                f"provider {ref!r} on {day.isoformat()}: no complete "
                f"{result.requirement.title} coverage (missing "
                f"{_labels(result.missing)}); arrange it before publishing"
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
        lines += ["", f"Deze informatie geldt op {_nl(day)}."]
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
            f"Peildatum: {_nl(day)}",
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


def _no_overlap(who: str, what: str, periods: list[tuple[date, date | None]]) -> None:
    """Raise OverlapError for the first overlapping pair (``periods`` sorted)."""
    for (start, until), (later, last) in itertools.pairwise(periods):
        if until is None or until >= later:
            raise OverlapError(
                f"{who}: {what} overlap: {_span(start, until)} and "
                f"{_span(later, last)}; end the first before the second starts"
            )
