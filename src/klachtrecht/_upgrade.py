"""Upgrade a stored case document's history to today's codes, before replay.

Called by :func:`klachtrecht.serialize.load`. A document is a record of facts,
so an upgrade only renames codes whose meaning did not change; it never adds,
drops or judges an event. Today's one rename: the capacity of a party
(``Party.capacity``), which releases before the single capacity vocabulary
stored as the Dutch words ``nabestaande`` and ``vertegenwoordiger`` (see
:data:`klachtrecht._capacities.RENAMED`). A history that is not a list of
mappings is passed through unchanged, so :func:`load` reports it as before.

One stated *state* is read anew (:func:`upgrade_state`): a Jeugdwet case whose
history ends with ``respond`` stated ``closed`` before ``respond`` led to the
non-final ``responded`` (so that art. 4.2.2's report stays possible after the
provider's position); such a document loads as ``responded``. Its history, the
facts, is unchanged.

A regime whose capacity *field* moves to the vocabulary later (the Wvggz and
Wzd still take ``vertegenwoordiger`` and ``nabestaande`` as ``capacity``
choices) adds its (event, field) to :data:`FIELDS` in the same release.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from klachtrecht._capacities import RENAMED

__all__ = ["FIELDS", "STATES", "upgrade_history", "upgrade_state"]

#: Per regime: the (event, field) pairs whose stored codes were renamed, with
#: the renames. Empty today: no regime's field choices changed.
FIELDS: dict[str, dict[tuple[str, str], Mapping[str, str]]] = {}

#: Per regime: (last event, stated state) -> today's state, for documents
#: whose last event now leads to another state (Jeugdwet art. 4.2.1 lid 5 and
#: art. 4.2.2: ``respond`` leads to ``responded``, no longer to ``closed``).
STATES: dict[str, dict[tuple[str, str], str]] = {
    "jeugdwet": {("respond", "closed"): "responded"},
}

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


def upgrade_state(state: str, history: Any, regime: str = "") -> str:
    """The stated ``state`` of a document of ``regime`` in today's states:
    renamed when ``history`` (a list of stored events) ends with an event that
    now leads elsewhere (:data:`STATES`), ``state`` itself otherwise."""
    renames = STATES.get(regime)
    if not renames or not isinstance(history, list) or not history:
        return state
    last = history[-1]
    event = last.get("event") if isinstance(last, Mapping) else None
    if not isinstance(event, str):
        return state
    return renames.get((event, state), state)
