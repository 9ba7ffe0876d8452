"""Affiliation errors and field checks (see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

import enum
from datetime import date
from typing import Final

from klachtrecht.deadlines import MAX_DATE, MIN_DATE
from klachtrecht.errors import (
    ArgumentTypeError,
    InvalidDateError,
    KlachtrechtError,
    SerializationError,
)

#: The longest string accepted in any field (ref, name, body, contact, reference).
MAX_TEXT: Final = 1000


class AffiliationError(KlachtrechtError, ValueError):
    """An affiliation record or query is refused (duplicate ref, wrong kind, ...).

    ``ref`` is the provider ref concerned, when there is one; it is kept out of
    the message, which names fields only.
    """

    code = "affiliation"

    def __init__(self, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.ref = ref


class PeriodError(AffiliationError):
    """A validity period is inverted: it ends before it starts."""

    code = "invalid_period"


class OverlapError(PeriodError):
    """Two periods of one provider overlap for the same component or practice.

    ``first`` and ``second`` are the two records (earliest start first).
    """

    code = "period_overlap"

    def __init__(
        self, message: str, *, ref: str | None, first: object, second: object
    ) -> None:
        super().__init__(message, ref=ref)
        self.first = first
        self.second = second


class RegimeMismatchError(AffiliationError):
    """The provider's legal kinds do not bring it under the regime asked about."""

    code = "regime_mismatch"


class UnknownProviderError(KlachtrechtError, LookupError):
    """No provider is registered under the requested ref (kept in ``ref``)."""

    code = "unknown_provider"

    def __init__(self, message: str, *, ref: str | None = None) -> None:
        super().__init__(message)
        self.ref = ref


class RegisterDocumentError(AffiliationError, SerializationError):
    """A register document is refused: malformed, unknown keys, from a newer
    release, or its entries do not form a valid register. The message names
    the field (e.g. ``arrangements[3].valid_until``), never its value."""

    code = "invalid_register_document"


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
