"""What a person may do now: each event of a case's state, judged as far as
the case, the day and the actor allow (:meth:`klachtrecht.Regime.actions`).

A guard (a legal condition) is a pure function of the case, the event's record
(moment, actor, data) and the calendar. To judge it before the data is known,
it is run once with data that cannot be read: every access to
``record.data`` stops the guard. A guard that decides without reading the data
decides the same for every payload, so its verdict is exact (``allowed`` or
``refused`` with its reason and source); a guard that reads the data is
reported as ``depends_on_data``. Guards therefore check the case and the time
before they look at the data wherever the law allows either order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import attrs

from klachtrecht._case import Case, EventRecord, Role
from klachtrecht._definition import actor_problem
from klachtrecht.deadlines import check_date, receipt_date
from klachtrecht.errors import ArgumentTypeError, InvalidDateError

if TYPE_CHECKING:
    from klachtrecht._definition import EventSpec
    from klachtrecht._engine import Regime

__all__ = [
    "ACTION_LABELS",
    "ALLOWED",
    "DEPENDS_ON_DATA",
    "REFUSED",
    "Action",
    "actions",
]

ALLOWED = "allowed"
REFUSED = "refused"
DEPENDS_ON_DATA = "depends_on_data"

#: Dutch labels of the status codes and of what refused an action.
ACTION_LABELS = {
    ALLOWED: "Toegestaan",
    REFUSED: "Niet toegestaan",
    DEPENDS_ON_DATA: "Hangt af van de gegevens",
    "state": "Niet mogelijk in deze fase",
    "actor": "Niet door deze partij",
    "chronology": "Ligt vóór de vorige gebeurtenis",
    "guard": "Wettelijke voorwaarde niet vervuld",
}

CHRONOLOGY = "chronological history"


@attrs.frozen
class Action:
    """One event as a button: may ``by`` perform it on day ``on``, and if not, why.

    ``status`` is ``"allowed"`` (the data still has to fit the event's fields),
    ``"refused"`` or ``"depends_on_data"`` (a guard reads the payload).
    ``refused_by`` says what refused it (``"state"``, ``"actor"``,
    ``"chronology"`` or ``"guard"``), ``reason`` and ``source`` why and on
    what legal basis; ``required`` names the fields the event needs. Like
    every message of klachtrecht, ``reason`` holds no personal data.
    """

    event: str
    label: str
    status: str
    reason: str | None = None
    source: str | None = None
    refused_by: str | None = None
    required: tuple[str, ...] = ()

    @property
    def allowed(self) -> bool:
        """Whether the event may be performed (``status == "allowed"``)."""
        return self.status == ALLOWED

    @property
    def status_label(self) -> str:
        """The Dutch label of ``status``."""
        return ACTION_LABELS[self.status]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible form (e.g. an HTTP response)."""
        return {**attrs.asdict(self), "required": list(self.required)}


class _DataRead(BaseException):
    """Raised when a probed guard reads the data (a BaseException: a guard's
    own ``except Exception`` cannot swallow it)."""


class _Unreadable(Mapping[str, Any]):
    """Event data that stops whoever reads it."""

    def __getitem__(self, key: str) -> Any:
        raise _DataRead

    def __iter__(self) -> Iterator[str]:
        raise _DataRead

    def __len__(self) -> int:
        raise _DataRead

    def __contains__(self, key: object) -> bool:
        raise _DataRead


def _moment(case: Case, on: object) -> datetime:
    """The moment an action on ``on`` is judged at: a datetime as given; a
    date as its first moment in Amsterdam, or the case's last event's moment
    when that lies on the same day."""
    if isinstance(on, datetime):
        if on.utcoffset() is None:
            raise InvalidDateError("'on' is a naive datetime; give a time zone")
        check_date(on.date(), "'on'")  # first: far-off moments cannot convert
        receipt_date(on)  # its Dutch day in the supported range too
        return on
    day = check_date(on, "on")
    if receipt_date(case.last_at) == day:
        return case.last_at
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - tzdata is a dependency

    return datetime.combine(day, time(), ZoneInfo("Europe/Amsterdam"))


def actions(
    regime: Regime, case: Case, on: date | datetime, by: Role, every: bool
) -> tuple[Action, ...]:
    """See :meth:`klachtrecht.Regime.actions`."""
    open_ones = regime.allowed(case)  # checks the case
    if not isinstance(by, Role):
        raise ArgumentTypeError(f"'by' must be a Role, got {type(by).__name__}")
    at = _moment(case, on)
    found = [_judge(regime, case, spec, at, by) for spec in open_ones]
    if every:
        here = {spec.id for spec in open_ones}
        basis = regime.state(case.state).basis
        found += [
            Action(
                spec.id,
                spec.label,
                REFUSED,
                f"not allowed in state {case.state!r}",
                basis,
                "state",
                _required(spec),
            )
            for spec in regime.events
            if spec.id not in here
        ]
    return tuple(found)


def _required(spec: EventSpec) -> tuple[str, ...]:
    return tuple(f.name for f in spec.fields if f.required)


def _judge(
    regime: Regime, case: Case, spec: EventSpec, at: datetime, by: Role
) -> Action:
    needs = _required(spec)
    if by not in spec.actors:
        reason = actor_problem(spec, by)
        return Action(spec.id, spec.label, REFUSED, reason, spec.basis, "actor", needs)
    if at < case.last_at:
        reason = "'at' lies before the case's previous event"
        return Action(
            spec.id, spec.label, REFUSED, reason, CHRONOLOGY, "chronology", needs
        )
    guard = regime._definition.guards.get(spec.id)
    if guard is None:
        return Action(spec.id, spec.label, ALLOWED, required=needs)
    record = EventRecord(spec.id, at, by, spec.basis, {}, spec.personal)
    object.__setattr__(record, "data", _Unreadable())
    try:
        verdict = guard(case, record, regime.calendar)
    except _DataRead:
        return Action(spec.id, spec.label, DEPENDS_ON_DATA, required=needs)
    except Exception:  # a guard that cannot be judged without its data
        return Action(spec.id, spec.label, DEPENDS_ON_DATA, required=needs)
    if verdict is None:
        return Action(spec.id, spec.label, ALLOWED, required=needs)
    return Action(spec.id, spec.label, REFUSED, verdict, spec.basis, "guard", needs)
