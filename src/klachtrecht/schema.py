"""JSON Schema (draft 2020-12) of event payloads and of stored case documents.

Generated from the regime definitions (each :class:`~klachtrecht.Field`'s type,
choices, bounds and whether it is required; a settings class from its attrs
fields and their validators), so the schema and the library cannot disagree::

    >>> from klachtrecht.schema import event_schema
    >>> extend = event_schema("wkkgz", "extend")
    >>> {k: v for k, v in extend["properties"]["weeks"].items() if k != "description"}
    {'type': 'integer', 'minimum': 1, 'maximum': 4}
    >>> event_schema("wkkgz", "open")["required"]  # settings: open() fills them in
    ['klager', 'provider']

The schema is the published contract of :func:`klachtrecht.payload.parse` and
:func:`klachtrecht.serialize.load`: whatever it accepts they accept, apart
from what only a case can tell (guards, the state). Dates are RFC 3339
``YYYY-MM-DD`` strings in the supported years 2000-2099, amounts decimal
strings, and personal data is marked ``"x-personal": true``. The command line
prints them: ``klachtrecht schema document``,
``klachtrecht schema event wkkgz extend``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from klachtrecht._case import Party, Role
from klachtrecht._convert import CONVERTER
from klachtrecht._validators import schema_of
from klachtrecht.errors import ArgumentTypeError, EventDataError, UnknownRegimeError
from klachtrecht.regimes import REGIMES
from klachtrecht.regimes import regime as _get_regime

if TYPE_CHECKING:
    from klachtrecht._definition import EventSpec, Field
    from klachtrecht._engine import Regime

__all__ = ["DIALECT", "document_schema", "event_schema"]

#: The JSON Schema dialect of every schema here.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

_YEAR = "20[0-9]{2}"
_DAY = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
_TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?"
_OFFSET = "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
#: The end of the string in both ECMA 262 and Python (whose ``$`` also
#: matches before a final newline, which no ISO reader accepts).
_END = "(?!\n)$"
DATE: dict[str, Any] = {
    "type": "string",
    "format": "date",
    "pattern": f"^{_YEAR}-{_DAY}{_END}",
}
DATETIME: dict[str, Any] = {
    "type": "string",
    "format": "date-time",
    "pattern": f"^{_YEAR}-{_DAY}T{_TIME}{_OFFSET}{_END}",
}
TEXT: dict[str, Any] = {"type": "string", "pattern": r"\S"}
_ROLES = [r.value for r in Role]


def resolve(regime: object) -> Regime:
    """A :class:`~klachtrecht.Regime` or a registered name as a Regime."""
    if isinstance(regime, str):
        if regime not in REGIMES:  # the name is input: never quoted
            raise UnknownRegimeError(
                f"no such regime; known: {', '.join(sorted(REGIMES))}"
            )
        return _get_regime(regime)
    from klachtrecht._engine import Regime  # noqa: PLC0415 - lazy

    if not isinstance(regime, Regime):
        raise ArgumentTypeError(
            f"expected a Regime or a regime name, got {type(regime).__name__}"
        )
    return regime


def spec_of(reg: Regime, event: object) -> EventSpec:
    """The spec of ``event`` ("open" or one of ``reg.events``); an unknown
    event is refused without quoting it."""
    if not isinstance(event, str):
        raise ArgumentTypeError(f"event must be a str, got {type(event).__name__}")
    spec = reg.open_event if event == reg.open_event.id else None
    spec = spec or next((e for e in reg.events if e.id == event), None)
    if spec is None:
        known = ", ".join(e.id for e in (reg.open_event, *reg.events))
        raise EventDataError(
            f"regime {reg.name!r} has no such event; known: {known}",
            case_id="-",
            state="-",
            event="?",
        )
    return spec


def _type_schema(kind: type, role: Role | None = None) -> dict[str, Any]:
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is str:
        return dict(TEXT)
    if kind is datetime:
        return dict(DATETIME)
    if kind is date:
        return dict(DATE)
    if kind is Decimal:
        return {
            "type": "string",
            "pattern": r"^-?[0-9]+([.][0-9]+)?([eE][+-]?[0-9]+)?$",
        }
    if kind is Party:
        return _party_schema(role)
    if attrs.has(kind):
        return settings_schema(kind)
    raise ArgumentTypeError(f"no JSON Schema for type {kind.__name__}")


def _party_schema(role: Role | None) -> dict[str, Any]:
    personal = {"type": "string", "x-personal": True}
    return {
        "type": "object",
        "description": "a party: role, the caller's opaque ref (never a name)",
        "properties": {
            "role": {"const": role.value} if role else {"enum": list(_ROLES)},
            "ref": {"type": "string", "pattern": "\\S"},
            "capacity": {"type": "string"},
            "name": dict(personal),
            "contact": dict(personal),
        },
        "required": ["role", "ref"],
        "additionalProperties": False,
    }


def settings_schema(cls: type) -> dict[str, Any]:
    """The schema of a settings class: its attrs fields, each from its validator
    (bounds and choices written once, in the class) or else its type."""
    attrs.resolve_types(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        found = schema_of(attribute.validator)
        if found is None:
            found = _type_schema(attribute.type)
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
        else:
            found["default"] = CONVERTER.unstructure(attribute.default)
        properties[attribute.name] = found
    schema: dict[str, Any] = {
        "type": "object",
        "title": cls.__name__,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    return schema


def field_schema(field: Field) -> dict[str, Any]:
    """The schema of one event field."""
    if len(field.types) == 1:
        schema = _type_schema(field.types[0], field.role)
    else:
        schema = {"anyOf": [_type_schema(k, field.role) for k in field.types]}
    if field.choices:
        schema = {"enum": list(field.choices)}
    if field.bounds is not None:
        schema["minimum"], schema["maximum"] = field.bounds
    if field.doc:
        schema["description"] = field.doc
    if field.personal:
        schema["x-personal"] = True
    return schema


def payload_schema(
    reg: Regime, spec: EventSpec, *, stored: bool = False
) -> dict[str, Any]:
    """The schema of ``spec``'s data; ``stored``: as a document holds it (the
    open event's settings always present)."""
    optional = set() if stored or spec is not reg.open_event else {"settings"}
    return {
        "type": "object",
        "properties": {f.name: field_schema(f) for f in spec.fields},
        "required": [
            f.name for f in spec.fields if f.required and f.name not in optional
        ],
        "additionalProperties": False,
    }


def event_schema(regime: Regime | str, event: str) -> dict[str, Any]:
    """The JSON Schema of the payload of ``event`` (``"open"`` or an event id)
    of ``regime``: what :func:`klachtrecht.payload.parse` takes."""
    reg = resolve(regime)
    spec = spec_of(reg, event)
    return {
        "$schema": DIALECT,
        "title": f"{reg.name} {spec.id}: {spec.label}",
        "description": f"by {', '.join(sorted(r.value for r in spec.actors))}; "
        f"basis: {spec.basis}",
        **payload_schema(reg, spec),
    }


def _record_schema(reg: Regime, spec: EventSpec) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "event": {"const": spec.id},
            "at": dict(DATETIME),
            "by": {"enum": list(_ROLES)},
            "basis": {"type": "string"},
            "data": payload_schema(reg, spec, stored=True),
        },
        "required": ["event", "at", "by", "data"],
        "additionalProperties": False,
    }


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a stored case document (:func:`klachtrecht.serialize.dump`).

    Per regime, the history must start with its open event, hold only its
    events with their data, and ``state`` must be one of its states. Whether
    the history replays to ``state`` and ``version`` only loading can tell.
    """
    from klachtrecht.serialize import SCHEMA_VERSION  # noqa: PLC0415 - no cycle

    per_regime = []
    for name in sorted(REGIMES):
        reg = _get_regime(name)
        per_regime.append(
            {
                "if": {"properties": {"regime": {"const": name}}},
                "then": {
                    "properties": {
                        "state": {"enum": [s.id for s in reg.states]},
                        "history": {
                            "prefixItems": [_record_schema(reg, reg.open_event)],
                            "items": {
                                "oneOf": [_record_schema(reg, e) for e in reg.events]
                            },
                        },
                    }
                },
            }
        )
    return {
        "$schema": DIALECT,
        "title": "klachtrecht case document",
        "description": f"schema version {SCHEMA_VERSION}: a case as its history",
        "type": "object",
        "properties": {
            "schema": {"type": "integer", "minimum": 1, "maximum": SCHEMA_VERSION},
            "case_id": dict(TEXT),
            "regime": {"enum": sorted(REGIMES)},
            "state": {"type": "string"},
            "version": {"type": "integer", "minimum": 1},
            "history": {"type": "array", "minItems": 1},
            "meta": {
                "type": "object",
                "description": "release information (informational)",
                "additionalProperties": {"type": "string"},
            },
        },
        "required": ["schema", "case_id", "regime", "state", "version", "history"],
        "additionalProperties": False,
        "allOf": per_regime,
    }
