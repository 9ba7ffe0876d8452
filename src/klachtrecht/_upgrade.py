"""Upgrade a stored case document's history to today's codes, before replay.

Called by :func:`klachtrecht.serialize.load`. A document is a record of facts,
so an upgrade only renames codes whose meaning did not change; it never adds,
drops or judges an event. Today's one rename: the capacity of a party
(``Party.capacity``), which releases before the single capacity vocabulary
stored as the Dutch words ``nabestaande`` and ``vertegenwoordiger`` (see
:data:`klachtrecht._capacities.RENAMED`). A history that is not a list of
mappings is passed through unchanged, so :func:`load` reports it as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from klachtrecht._capacities import RENAMED

__all__ = ["upgrade_history"]

_PARTY_KEYS = frozenset({"role", "ref", "capacity", "name", "contact"})


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


def _event(raw: object) -> object:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("data"), Mapping):
        return raw
    data = raw["data"]
    upgraded = {key: _party(value) for key, value in data.items()}
    if all(upgraded[key] is data[key] for key in data):
        return raw
    return {**raw, "data": upgraded}


def upgrade_history(history: Any) -> Any:
    """``history`` (a document's list of stored events) in today's codes; a
    new list when anything was renamed, the same object otherwise. The
    document itself is never changed."""
    if not isinstance(history, list):
        return history
    upgraded = [_event(raw) for raw in history]
    if all(new is old for new, old in zip(upgraded, history, strict=True)):
        return history
    return upgraded
