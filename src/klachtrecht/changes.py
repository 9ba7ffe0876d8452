"""Domain events out: what applying an event changed, as plain values.

A portal that must tell a provider "the oordeel is now due 11 June" or "the
obligation was dropped" gets it from :func:`diff` (or
:meth:`klachtrecht.Regime.apply_with_changes`) instead of comparing deadlines
itself. Every change is a frozen attrs value with a ``to_dict()`` JSON form,
ready for a transactional outbox table (see docs/backends.md). They carry the
case id and the case version they lead to, so ``(case_id, version, kind,
obligation)`` identifies a change (an idempotency key for consumers).

Kinds (with their Dutch labels in :data:`CHANGE_LABELS`):
``state_changed``, ``obligation_added``, ``obligation_moved`` (old and new due
date), ``obligation_fulfilled`` (on time or late) and ``obligation_dropped``.
Computing them costs a second deadline computation; plain ``apply`` never pays it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from klachtrecht._case import Case, Due
from klachtrecht.errors import ArgumentTypeError

if TYPE_CHECKING:
    from klachtrecht._engine import Regime

__all__ = [
    "CHANGE_LABELS",
    "Change",
    "ObligationAdded",
    "ObligationDropped",
    "ObligationFulfilled",
    "ObligationMoved",
    "StateChanged",
    "diff",
]

#: Dutch labels of the change kinds.
CHANGE_LABELS = {
    "state_changed": "Fase gewijzigd",
    "obligation_added": "Verplichting ontstaan",
    "obligation_moved": "Termijn gewijzigd",
    "obligation_fulfilled": "Verplichting nagekomen",
    "obligation_dropped": "Verplichting vervallen",
}


@attrs.frozen
class Change:
    """Base of the changes: the case and the version the change leads to."""

    kind: ClassVar[str] = ""
    case_id: str
    version: int

    @property
    def kind_label(self) -> str:
        """The Dutch label of the kind."""
        return CHANGE_LABELS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible form: ``kind`` plus every field, dates as ISO strings."""
        out: dict[str, Any] = {"kind": self.kind}
        for key, value in attrs.asdict(self).items():
            out[key] = value.isoformat() if isinstance(value, date) else value
        return out


@attrs.frozen
class StateChanged(Change):
    """The case moved to another state (fase); ``label`` is its Dutch label."""

    kind: ClassVar[str] = "state_changed"
    event: str
    old_state: str
    new_state: str
    label: str


@attrs.frozen
class _Obligation(Change):
    obligation: str
    label: str
    source: str


@attrs.frozen
class ObligationAdded(_Obligation):
    """A new obligation with its due date (e.g. the oordeel after a written
    complaint)."""

    kind: ClassVar[str] = "obligation_added"
    due: date


@attrs.frozen
class ObligationMoved(_Obligation):
    """An obligation's due date changed (e.g. after an extension notice)."""

    kind: ClassVar[str] = "obligation_moved"
    old_due: date
    new_due: date


@attrs.frozen
class ObligationFulfilled(_Obligation):
    """An obligation was met on ``on``: on time or late."""

    kind: ClassVar[str] = "obligation_fulfilled"
    due: date
    on: date
    on_time: bool


@attrs.frozen
class ObligationDropped(_Obligation):
    """An obligation no longer applies (e.g. the complaint was withdrawn)."""

    kind: ClassVar[str] = "obligation_dropped"
    due: date


def _keyed(dues: Sequence[Due]) -> dict[tuple[str, int], Due]:
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], Due] = {}
    for due in dues:
        n = seen.get(due.key, 0)
        seen[due.key] = n + 1
        out[due.key, n] = due
    return out


def diff(regime: Regime, old: Case, new: Case) -> tuple[Change, ...]:
    """What changed from ``old`` to ``new`` (the same case, later): the state
    change first, then the obligations in ``new``'s order, dropped ones last."""
    if not isinstance(old, Case) or not isinstance(new, Case):
        raise ArgumentTypeError("diff compares two Cases")
    if old.case_id != new.case_id:
        raise ArgumentTypeError("diff compares two versions of the same case")
    before = _keyed(regime.deadlines(old))
    after = _keyed(regime.deadlines(new))
    cid, version = new.case_id, new.version
    found: list[Change] = []
    if old.state != new.state:
        event = new.history[-1].event if new.history else "-"
        label = regime.state(new.state).label
        found.append(StateChanged(cid, version, event, old.state, new.state, label))
    for key, due in after.items():
        common = (cid, version, due.key, due.label, due.source)
        was = before.get(key)
        if was is None:
            found.append(ObligationAdded(*common, due.due))
        elif was.due != due.due:
            found.append(ObligationMoved(*common, was.due, due.due))
        if due.met_on is not None and (was is None or was.met_on is None):
            on_time = due.met_on <= due.due
            found.append(ObligationFulfilled(*common, due.due, due.met_on, on_time))
    for key, due in before.items():
        if key not in after:
            common = (cid, version, due.key, due.label, due.source)
            found.append(ObligationDropped(*common, due.due))
    return tuple(found)
