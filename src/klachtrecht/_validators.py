"""attrs validators shared by the regimes' settings classes.

They raise :class:`~klachtrecht.InvalidSettingError` (a ``KlachtrechtError`` and
a ``ValueError``), never a bare builtin, and never quote anything personal.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from klachtrecht.errors import InvalidSettingError

__all__ = [
    "IntBetween",
    "OneOf",
    "int_between",
    "is_bool",
    "non_negative_amount",
    "one_of",
    "schema_of",
]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

#: The JSON Schema fragment of each validator, what :mod:`klachtrecht.schema`
#: publishes for a setting: a bound is written once, here.
_SCHEMAS: dict[Validator, dict[str, Any]] = {}

#: The most digits before the decimal point of a ``non_negative_amount``.
_MAX_DIGITS = 12
#: A non-negative decimal string (``non_negative_amount`` as JSON): at most
#: twelve digits before the point, no exponent.
AMOUNT_PATTERN = r"^[0-9]{1,12}(\.[0-9]+)?$"


def schema_of(validator: object) -> dict[str, Any] | None:
    """The JSON Schema fragment of one of these validators, or None."""
    if isinstance(validator, IntBetween):
        return {"type": "integer", "minimum": validator.low, "maximum": validator.high}
    if isinstance(validator, OneOf):
        return {"type": "string", "enum": list(validator.choices)}
    found = _SCHEMAS.get(validator)  # type: ignore[call-overload]
    return None if found is None else dict(found)


def _fail(instance: object, attribute: attrs.Attribute[Any], what: str) -> None:
    raise InvalidSettingError(f"{type(instance).__name__}.{attribute.name} {what}")


@attrs.frozen
class IntBetween:
    """Validator: an int (not a bool) from ``low`` to ``high`` inclusive.

    A value, not a closure, so :mod:`klachtrecht.testing` can read the bounds.
    """

    low: int
    high: int

    def __call__(
        self, instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if type(value) is not int or not self.low <= value <= self.high:
            _fail(instance, attribute, f"must be an int from {self.low} to {self.high}")


@attrs.frozen
class OneOf:
    """Validator: one of the given strings (readable by :mod:`klachtrecht.testing`)."""

    choices: tuple[str, ...]

    def __call__(
        self, instance: object, attribute: attrs.Attribute[Any], value: object
    ) -> None:
        if value not in self.choices:
            _fail(instance, attribute, f"must be one of {', '.join(self.choices)}")


def int_between(low: int, high: int) -> Validator:
    """An int (not a bool) from ``low`` to ``high`` inclusive."""
    return IntBetween(low, high)


def is_bool(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A real bool (not 0 or 1)."""
    if type(value) is not bool:
        _fail(instance, attribute, "must be a bool")


def non_negative_amount(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """A finite, non-negative Decimal below 10^12 (floats would lose cents).

    Judged without decimal arithmetic, so an absurd exponent (``0E1000000``) is
    refused like any other bad amount instead of raising ``InvalidOperation``.
    """
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or (value.is_signed() and not value.is_zero())
        or (not value.is_zero() and value.adjusted() >= _MAX_DIGITS)
        or not -_MAX_DIGITS <= int(value.as_tuple().exponent) <= _MAX_DIGITS
    ):
        _fail(
            instance,
            attribute,
            f"must be a non-negative, finite Decimal below 10^{_MAX_DIGITS}",
        )


def one_of(*choices: str) -> Validator:
    """One of the given strings."""
    return OneOf(choices)


_SCHEMAS[is_bool] = {"type": "boolean"}
_SCHEMAS[non_negative_amount] = {"type": "string", "pattern": AMOUNT_PATTERN}
