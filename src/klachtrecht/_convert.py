"""The one strict cattrs converter of klachtrecht: JSON-compatible values to
Python values and back.

Used by :mod:`klachtrecht.serialize` (stored documents) and
:mod:`klachtrecht.payload` (an event's JSON payload), so both read values by
the same rules: dates and aware datetimes as ISO 8601 strings, amounts
(``Decimal``) as strings (a float would silently lose cents), roles by value,
parties and settings as objects with exactly their fields, and no bool for an
int nor an int for a str.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn

__all__ = [
    "CONVERTER",
    "STRUCTURE_ERRORS",
    "structure_date",
    "structure_datetime",
    "structure_decimal",
]


def structure_date(value: object, _: type) -> date:
    """An ISO date string as a date."""
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    try:
        return date.fromisoformat(value)
    except ValueError:  # its message quotes the text: never passed on
        raise ValueError("not an ISO 8601 date") from None


def structure_datetime(value: object, _: type) -> datetime:
    """An ISO datetime string with a UTC offset as an aware datetime."""
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO datetime string, got {type(value).__name__}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:  # its message quotes the text: never passed on
        raise ValueError("not an ISO 8601 datetime") from None
    if moment.utcoffset() is None:
        raise ValueError("naive datetime: a UTC offset is required")
    return moment


def structure_decimal(value: object, _: type) -> Decimal:
    """A decimal string as a finite Decimal."""
    if not isinstance(value, str):  # floats would silently lose cents
        raise TypeError(f"expected a decimal string, got {type(value).__name__}")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError("not a decimal number") from None
    if not amount.is_finite():
        raise ValueError("not a finite amount")
    return amount


def _strict_scalar(kind: type) -> Any:
    def structure(value: object, _: type) -> object:
        if type(value) is not kind:  # no bool for int, no int for str
            raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    return structure


def _attrs_hook(conv: cattrs.Converter) -> Callable[[type], Any]:
    """Structure attrs classes (parties, settings) from mappings only: a
    string or a list is a TypeError, not an AttributeError from inside cattrs."""

    def factory(cls: type) -> Callable[[object, type], object]:
        inner: Callable[[Any, type], object] = make_dict_structure_fn(cls, conv)

        def structure(value: object, kind: type) -> object:
            if not isinstance(value, Mapping):
                raise TypeError(
                    f"expected an object for {cls.__name__}, got {type(value).__name__}"
                )
            return inner(value, kind)

        return structure

    return factory


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook_factory(attrs.has, _attrs_hook(conv))
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(datetime, datetime.isoformat)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(date, structure_date)
    conv.register_structure_hook(datetime, structure_datetime)
    conv.register_structure_hook(Decimal, structure_decimal)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict_scalar(kind))
    return conv


#: The shared converter (thread-safe once built: hooks are only read).
CONVERTER = _make_converter()

#: What structuring a malformed value can raise (a settings validator raises
#: ``InvalidSettingError``, a ``ValueError``).
STRUCTURE_ERRORS: tuple[type[Exception], ...] = (
    TypeError,
    ValueError,
    KeyError,
    cattrs.BaseValidationError,
)
