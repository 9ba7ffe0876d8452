"""The affiliation register (aansluitingen; see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import attrs

from klachtrecht._affiliation_checks import (
    AffiliationError,
    PeriodError,
    RegimeMismatchError,
    UnknownProviderError,
    _day,
    _member,
    _nl,
    _nl_period,
    _text,
    _within,
)
from klachtrecht._affiliation_entries import (
    _ADDERS,
    _bulk,
    _Entry,
    _iterable,
    _valid_on,
)
from klachtrecht._affiliation_law import (
    _COMPONENTS,
    _ORDER,
    Component,
    ProviderKind,
    Requirement,
    _labels,
    _requirement,
)
from klachtrecht._affiliation_records import (
    Arrangement,
    Cover,
    Coverage,
    CoverageCheck,
    Engagement,
    Gap,
    Provider,
    _receipt_day,
)
from klachtrecht._case import Case, Role
from klachtrecht.deadlines import MAX_DATE
from klachtrecht.errors import (
    ArgumentTypeError,
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
