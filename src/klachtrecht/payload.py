"""An event's JSON payload as the keyword arguments of ``apply`` and ``open``.

A portal receives an event as JSON; :func:`parse` turns its object into the
exact values :meth:`klachtrecht.Regime.apply` takes (parties, settings, dates,
amounts), by the same strict rules as :mod:`klachtrecht.serialize` (one
converter): dates as ISO 8601 strings, amounts as decimal strings (a float
would lose cents), no bool for an int, no number for a string, no ``null``
(leave an optional field out), no unknown fields. Its published contract is
:func:`klachtrecht.schema.event_schema`.

>>> from datetime import datetime
>>> from zoneinfo import ZoneInfo
>>> import klachtrecht
>>> from klachtrecht import payload
>>> wkkgz = klachtrecht.regime("wkkgz")
>>> at = datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
>>> body = {"klager": {"role": "klager", "ref": "c-1"},
...         "provider": {"role": "provider", "ref": "p-1"},
...         "settings": {"geschil_window_from": "oordeel"}}
>>> data = payload.parse(wkkgz, "open", body)
>>> data["settings"].geschil_window_from
'oordeel'
>>> case = wkkgz.open("K-1", at=at, by=klachtrecht.Role.KLAGER, **data)
>>> try:
...     payload.parse(wkkgz, "extend", {"weeks": "4"}, case=case)
... except klachtrecht.EventDataError as exc:
...     print(exc.problem)
field 'weeks' must be a valid int, got string

A refused payload raises :class:`~klachtrecht.EventDataError` naming the event
and the field (with ``case``: the case and its state too), never the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import cattrs

from klachtrecht._case import Case
from klachtrecht._convert import CONVERTER
from klachtrecht._definition import unknown_fields
from klachtrecht.errors import ArgumentTypeError, EventDataError, KlachtrechtError
from klachtrecht.schema import resolve, spec_of

if TYPE_CHECKING:
    from klachtrecht._definition import Field
    from klachtrecht._engine import Regime

__all__ = ["parse"]


def parse(
    regime: Regime | str,
    event: str,
    data: object,
    *,
    case: Case | None = None,
) -> dict[str, Any]:
    """The keyword arguments ``regime.apply(case, event, at=..., by=..., **kw)``
    (or ``regime.open(case_id, at=..., by=..., **kw)`` for ``"open"``) take,
    parsed from the JSON object ``data``.

    For ``"open"``, ``settings`` is parsed into ``regime.settings_type``; when
    left out, ``open()`` fills in the defaults. ``case`` only adds its id and
    state to error messages. Only the payload is judged here; the state, the
    actor and the guards are judged by ``apply``.
    """
    reg = resolve(regime)
    if case is not None and not isinstance(case, Case):
        raise ArgumentTypeError(f"case must be a Case, got {type(case).__name__}")
    spec = spec_of(reg, event)
    case_id, state = ("-", "-") if case is None else (case.case_id, case.state)

    def fail(problem: str) -> EventDataError:
        return EventDataError(problem, case_id=case_id, state=state, event=spec.id)

    if not isinstance(data, Mapping) or not all(isinstance(k, str) for k in data):
        raise fail(f"the payload must be a JSON object, got {type(data).__name__}")
    fields = {f.name: f for f in spec.fields}
    unknown = len(set(data) - set(fields))
    if unknown:  # unknown names are input: counted, never quoted
        raise fail(unknown_fields(unknown, spec))
    optional = {"settings"} if spec is reg.open_event else set()
    parsed: dict[str, Any] = {}
    for field in spec.fields:
        if field.name not in data:
            if field.required and field.name not in optional:
                raise fail(f"missing field {field.name!r} ({field.doc})")
            continue
        value = _structure(field, data[field.name], fail)
        problem = field.check(value)
        if problem:
            raise fail(problem)
        parsed[field.name] = value
    return parsed


def _structure(field: Field, raw: object, fail: Any) -> object:
    if raw is None:
        raise fail(f"field {field.name!r} is null; leave an optional field out")
    detail = f", got {_json_type(raw)}"
    for kind in field.types:
        try:
            return CONVERTER.structure(raw, kind)
        except KlachtrechtError as exc:  # a settings validator: safe to show
            detail = f": {exc}"
        except Exception as exc:  # any refusal is the same answer
            detail = _where(exc) or detail
    raise fail(f"field {field.name!r} must be a valid {field.type_names()}{detail}")


def _json_type(raw: object) -> str:
    """The JSON type of a value (never the value)."""
    if isinstance(raw, bool):
        return "boolean"
    if isinstance(raw, int | float):
        return "number"
    if isinstance(raw, str):
        return "string"
    if isinstance(raw, list | tuple):
        return "array"
    return "object" if isinstance(raw, Mapping) else type(raw).__name__


def _where(exc: BaseException) -> str:
    """Which attribute of a party or settings object is wrong, without values."""
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        known = ", ".join(a.name for a in attrs.fields(exc.cl))
        return f": unknown key(s); it takes: {known}"
    if isinstance(exc, cattrs.ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            name = getattr(note, "name", "?")
            if isinstance(sub, KeyError):
                return f": missing {name!r}"
            if isinstance(sub, KlachtrechtError):
                return f": {sub}"
            return f": {name!r} has the wrong type or value"
        for sub in without:
            if isinstance(sub, KlachtrechtError):
                return f": {sub}"
            return _where(sub)
    return ""
