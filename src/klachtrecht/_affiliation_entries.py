"""Per-provider indexes of an affiliation register and their validation
(see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final, NoReturn

import attrs

from klachtrecht._affiliation_checks import (
    AffiliationError,
    OverlapError,
    UnknownProviderError,
)
from klachtrecht._affiliation_law import (
    _COMPONENTS,
    _ORDER,
    Basis,
    Component,
    ProviderKind,
)
from klachtrecht._affiliation_records import Arrangement, Engagement, Provider
from klachtrecht.errors import (
    ArgumentTypeError,
    KlachtrechtError,
)

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
