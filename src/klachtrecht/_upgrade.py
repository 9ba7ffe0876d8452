"""Upgrade a stored case document's history to today's codes, before replay.

Called by :func:`klachtrecht.serialize.load`. A document is a record of facts,
so an upgrade only renames codes whose meaning did not change; it never adds,
drops or judges an event. Today's one rename: the capacity of a party
(``Party.capacity``), which releases before the single capacity vocabulary
stored as the Dutch words ``nabestaande`` and ``vertegenwoordiger`` (see
:data:`klachtrecht._capacities.RENAMED`). A history that is not a list of
mappings is passed through unchanged, so :func:`load` reports it as before.

A regime whose capacity *field* moves to the vocabulary later (the Wvggz and
Wzd still take ``vertegenwoordiger`` and ``nabestaande`` as ``capacity``
choices) adds its (event, field) to :data:`FIELDS` in the same release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from klachtrecht._capacities import RENAMED

__all__ = ["FIELDS", "upgrade_history"]

#: Per regime: the (event, field) pairs whose stored codes were renamed, with
#: the renames. Empty today: no regime's field choices changed.
FIELDS: dict[str, dict[tuple[str, str], Mapping[str, str]]] = {}

_PARTY_KEYS = frozenset({"role", "ref", "capacity", "name", "contact"})
#: Stored values that are never a party (lists hold no parties in a document).
_SCALARS = frozenset({str, int, bool, list})


def _party(value: object) -> object:
    """A stored party with its capacity renamed; anything else as it is."""
    if (
        isinstance(value, Mapping)
        and "role" in value
        and "capacity" in value
        and set(value) <= _PARTY_KEYS
        and isinstance(value["capacity"], str)
        and value["capacity"] in RENAMED
    ):
        return {**value, "capacity": RENAMED[value["capacity"]]}
    return value


def _field(renames: Mapping[str, str] | None, value: object) -> object:
    if renames is not None and isinstance(value, str) and value in renames:
        return renames[value]
    return _party(value)


def _unchanged(data: dict[str, Any]) -> bool:
    """Whether no value of ``data`` is a party to rename (a fast check: False
    when unsure)."""
    for value in data.values():
        kind = type(value)
        if kind is dict:
            capacity = value.get("capacity")
            if isinstance(capacity, str) and capacity in RENAMED:
                return False
        elif kind not in _SCALARS and value is not None:
            return False
    return True


def _event(raw: object, fields: dict[tuple[str, str], Mapping[str, str]]) -> object:
    if type(raw) is dict and not fields:
        data = raw.get("data")
        if type(data) is dict and _unchanged(data):
            return raw
    if not isinstance(raw, Mapping) or not isinstance(raw.get("data"), Mapping):
        return raw
    data = raw["data"]
    event = raw.get("event")
    upgraded = {
        key: _field(fields.get((event, key)) if isinstance(event, str) else None, value)
        for key, value in data.items()
    }
    if all(upgraded[key] is data[key] for key in data):
        return raw
    return {**raw, "data": upgraded}


def upgrade_history(history: Any, regime: str = "") -> Any:
    """``history`` (a document's list of stored events of ``regime``) in
    today's codes; a new list when anything was renamed, the same object
    otherwise. The document itself is never changed."""
    if not isinstance(history, list):
        return history
    fields = FIELDS.get(regime, {})
    upgraded = [_event(raw, fields) for raw in history]
    if all(new is old for new, old in zip(upgraded, history, strict=True)):
        return history
    return upgraded
