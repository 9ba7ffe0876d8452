"""Terms (termijnen) and their checks, for :mod:`klachtrecht.deadlines`."""

from __future__ import annotations

import enum
from functools import lru_cache
from typing import Final

import attrs

from klachtrecht._feestdagen import (
    MAX_DATE,
    MIN_DATE,
    SPAN,
)
from klachtrecht.errors import ArgumentTypeError, InvalidDateError, InvalidTermError


def _out_of_range(what: str) -> InvalidDateError:
    return InvalidDateError(
        f"{what} falls outside the supported range "
        f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}",
        params={"what": what, "min": MIN_DATE, "max": MAX_DATE},
    )


def _check_int(value: object, what: str) -> int:
    if type(value) is not int:  # bool is refused on purpose
        raise ArgumentTypeError(
            f"{what} must be an int, got {type(value).__name__}",
            params={"what": what, "type": type(value).__name__},
        )
    return value


def _shown(n: int) -> str:
    """``n`` for a message, unless it is too long to show (or to convert)."""
    return str(n) if -(10**9) < n < 10**9 else "a number that large"


#: The longest term per unit: the whole supported range 2000-2099. A longer
#: term cannot end inside it, so it is refused as a term (InvalidTermError).
MAX_AMOUNT: Final = {
    "years": MAX_DATE.year - MIN_DATE.year + 1,
    "months": 12 * (MAX_DATE.year - MIN_DATE.year + 1),
    "weeks": SPAN // 7 + 1,
    "days": SPAN,
    "working_days": SPAN,
}


class TermKind(enum.Enum):
    """Where a term comes from, which decides whether the Atw applies."""

    # members are singletons: identity hashing is correct and much faster than
    # Enum's Python-level __hash__ (this enum is part of the term_end cache key)
    __hash__ = object.__hash__

    #: A term set in a wet (or an AMvB, Atw art. 5): the Atw applies.
    #: Dutch: wettelijke termijn.
    STATUTORY = "statutory"
    #: A term set by a klachtenregeling, reglement, contract, agreement or
    #: policy: the Atw does not apply (Atw art. 5, a contrario).
    #: Dutch: termijn uit een regeling of reglement.
    NON_STATUTORY = "non_statutory"


_UNITS = ("years", "months", "weeks", "days", "working_days")
_UNIT_NAMES = {
    "years": ("year", "years"),
    "months": ("month", "months"),
    "weeks": ("week", "weeks"),
    "days": ("day", "days"),
    "working_days": ("working day", "working days"),
    "agreed": ("day (agreed date)", "days (agreed date)"),
}


@attrs.frozen(cache_hash=True)
class Term:
    """A term (termijn): an amount of one unit, its kind, and its legal source.

    ``unit`` is one of years, months, weeks, days, working_days, or ``agreed``
    for a date fixed by agreement (amount = days from the start).
    """

    amount: int
    unit: str
    kind: TermKind
    source: str = ""

    def __str__(self) -> str:
        singular, plural = _UNIT_NAMES[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"

    def atw_exclusion(self) -> str | None:
        """Why the Atw does not apply to this term, or None when it does."""
        if self.kind is TermKind.NON_STATUTORY:
            return (
                "not a statutory term: the Atw does not apply (Atw art. 5, a contrario)"
            )
        too_long = {
            "years": "a term in years",
            "months": "a term of more than three months" if self.amount > 3 else None,
            "weeks": "a term of more than twelve weeks" if self.amount > 12 else None,
            "days": "a term of more than 90 days" if self.amount > 90 else None,
        }.get(self.unit)
        if too_long:
            return f"{too_long}: the Atw does not apply (Atw art. 4)"
        return None


def _check_kind_source(kind: object, source: object) -> tuple[TermKind, str]:
    if not isinstance(kind, TermKind):
        raise ArgumentTypeError(
            "kind must be TermKind.STATUTORY or TermKind.NON_STATUTORY, "
            f"got {type(kind).__name__}",
            params={"what": "kind", "type": type(kind).__name__},
        )
    if not isinstance(source, str):
        raise ArgumentTypeError(
            f"source must be a str, got {type(source).__name__}",
            params={"what": "source", "type": type(source).__name__},
        )
    return kind, source


@lru_cache(maxsize=256, typed=True)
def _parse_term(kind: object, source: object, *amounts: object) -> tuple[Term, bool]:
    """The Term for these arguments, and whether the Atw applies to it.

    The amounts are separate arguments so that ``typed=True`` keeps ``True``
    apart from ``1`` (inside one tuple argument they would compare equal).
    """
    kind, source = _check_kind_source(kind, source)
    given = {}
    for unit, amount in zip(_UNITS, amounts, strict=True):
        value = _check_int(amount, unit)
        if value < 0:
            raise InvalidTermError(
                f"{unit}={_shown(value)}: a term cannot be negative",
                params={"unit": unit},
            )
        if value > MAX_AMOUNT[unit]:
            raise InvalidTermError(
                f"{unit}={_shown(value)}: a term can be at most {MAX_AMOUNT[unit]} "
                f"{unit}, the supported range {MIN_DATE.year}-{MAX_DATE.year}",
                params={"unit": unit, "max": MAX_AMOUNT[unit]},
            )
        if value:
            given[unit] = value
    if len(given) != 1:
        raise InvalidTermError(
            "give exactly one positive unit (years, months, weeks, days or "
            f"working_days); got {given or 'none'}",
            params={"units": tuple(given)},
        )
    ((unit, amount),) = given.items()
    term = Term(amount, unit, kind, source)
    return term, term.atw_exclusion() is None
