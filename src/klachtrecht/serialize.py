"""Cases to and from JSON-compatible data, strictly.

A case is a fold over its history, so a document stores the history (with the
case's claimed ``state`` and ``version`` as a check) and loading *replays* it
through the regime: every guard and field check runs again, and a history that
does not rebuild the stored state is refused. Nothing is ever half-loaded.

Document shape (``SCHEMA_VERSION`` 1)::

    {"schema": 1, "case_id": "K-1", "regime": "wkkgz", "state": "submitted",
     "version": 2, "history": [{"event": "open", "at": "2026-04-02T10:00:00+02:00",
     "by": "klager", "basis": "...", "data": {...}}, ...]}

Values are (un)structured with cattrs: dates and aware datetimes as ISO 8601
strings, amounts (``Decimal``) as strings, roles by value, parties and settings
as objects with exactly their fields. ``basis`` is informational: on loading it
is recomputed from the regime, so a document stays loadable when a citation is
reworded in a later release.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import cattrs

from klachtrecht._case import Case, EventRecord, Role
from klachtrecht._convert import CONVERTER as _CONVERTER
from klachtrecht._convert import structure_datetime as _structure_datetime
from klachtrecht._errors import KlachtrechtError, SerializationError
from klachtrecht.regimes import regime as get_regime

__all__ = ["SCHEMA_VERSION", "dump", "dumps", "load", "loads"]

#: The document schema this release writes; loading refuses a newer one.
SCHEMA_VERSION = 1

_TOP_KEYS = frozenset({"schema", "case_id", "regime", "state", "version", "history"})
_EVENT_KEYS = frozenset({"event", "at", "by", "basis", "data"})


def _problem(case_id: str, text: str) -> SerializationError:
    return SerializationError(f"case {case_id!r}: {text}")


def dump(case: Case) -> dict[str, Any]:
    """A JSON-compatible document of ``case`` (see the module docstring)."""
    if not isinstance(case, Case):
        raise SerializationError(f"expected a Case, got {type(case).__name__}")
    return {
        "schema": SCHEMA_VERSION,
        "case_id": case.case_id,
        "regime": case.regime,
        "state": case.state,
        "version": case.version,
        "history": [_dump_event(record) for record in case.history],
    }


def _dump_event(record: EventRecord) -> dict[str, Any]:
    return {
        "event": record.event,
        "at": record.at.isoformat(),
        "by": record.by.value,
        "basis": record.basis,
        "data": {k: _CONVERTER.unstructure(v) for k, v in record.data.items()},
    }


def load(document: Mapping[str, Any]) -> Case:
    """Rebuild a case from :func:`dump`'s document; strict, all or nothing."""
    if not isinstance(document, Mapping):
        raise SerializationError(
            f"a case document must be a mapping, got {type(document).__name__}"
        )
    raw_id = document.get("case_id")
    case_id = raw_id if isinstance(raw_id, str) else "?"
    unknown = sorted(set(document) - _TOP_KEYS)
    missing = sorted(_TOP_KEYS - set(document))
    if unknown or missing:
        raise _problem(case_id, f"unknown keys {unknown}, missing keys {missing}")
    schema = document["schema"]
    if type(schema) is not int or schema < 1:
        raise _problem(case_id, "'schema' must be a positive int")
    if schema > SCHEMA_VERSION:
        raise _problem(
            case_id,
            f"schema {schema} is newer than this release reads ({SCHEMA_VERSION}); "
            "upgrade klachtrecht",
        )
    if not isinstance(raw_id, str) or not raw_id:
        raise _problem(case_id, "'case_id' must be a non-empty string")
    name = document["regime"]
    if not isinstance(name, str):
        raise _problem(case_id, "'regime' must be a string")
    try:
        reg = get_regime(name)
    except KlachtrechtError as exc:
        raise _problem(case_id, str(exc)) from None
    history = document["history"]
    if not isinstance(history, list) or not history:
        raise _problem(case_id, "'history' must be a non-empty list")
    records = [_load_event(reg, case_id, i, raw) for i, raw in enumerate(history)]
    try:
        case = reg.replay(case_id, records)
    except KlachtrechtError as exc:
        raise _problem(case_id, f"history does not replay: {exc}") from None
    if case.state != document["state"] or case.version != document["version"]:
        raise _problem(
            case_id,
            f"history replays to state {case.state!r} version {case.version}, "
            f"but the document says {document['state']!r} version "
            f"{document['version']!r}",
        )
    return case


def _load_event(reg: Any, case_id: str, index: int, raw: object) -> EventRecord:
    where = f"history[{index}]"
    if not isinstance(raw, Mapping):
        raise _problem(case_id, f"{where} must be a mapping")
    unknown = sorted(set(raw) - _EVENT_KEYS)
    missing = sorted(_EVENT_KEYS - {"basis"} - set(raw))
    if unknown or missing:
        raise _problem(case_id, f"{where}: unknown keys {unknown}, missing {missing}")
    event = raw["event"]
    if not isinstance(event, str):
        raise _problem(case_id, f"{where}: 'event' must be a string")
    try:
        spec = reg.open_event if event == "open" else reg.event(event)
    except KlachtrechtError:
        raise _problem(case_id, f"{where}: unknown event {event!r}") from None
    try:
        at = _structure_datetime(raw["at"], datetime)
        by = Role(raw["by"])
    except (TypeError, ValueError) as exc:
        raise _problem(case_id, f"{where}: {exc}") from None
    data = raw["data"]
    if not isinstance(data, Mapping):
        raise _problem(case_id, f"{where}: 'data' must be a mapping")
    fields = {f.name: f for f in spec.fields}
    values: dict[str, Any] = {}
    for key, value in data.items():
        field = fields.get(key)
        if field is None:
            raise _problem(case_id, f"{where}: unknown field {key!r} for {event!r}")
        values[key] = _structure_field(case_id, where, key, value, field.types)
    return EventRecord(event, at, by, spec.basis, values, spec.personal)


def _structure_field(
    case_id: str, where: str, key: str, value: object, types: tuple[type, ...]
) -> object:
    for kind in types:
        try:
            return _CONVERTER.structure(value, kind)
        except (TypeError, ValueError, KeyError, cattrs.BaseValidationError):
            continue
    names = " or ".join(t.__name__ for t in types)
    # the value itself is never quoted: it may be personal data
    raise _problem(case_id, f"{where}: field {key!r} is not a valid {names}")


def dumps(case: Case) -> str:
    """:func:`dump` as a JSON string (keys sorted, UTF-8 kept readable)."""
    import json  # noqa: PLC0415 - only here

    return json.dumps(dump(case), sort_keys=True, ensure_ascii=False)


def loads(text: str) -> Case:
    """:func:`load` from a JSON string."""
    import json  # noqa: PLC0415 - only here

    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SerializationError(f"not valid JSON: {exc.msg}") from None
    return load(document)
