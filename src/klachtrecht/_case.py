"""Immutable complaint cases (klachtdossiers), their parties and event records.

A :class:`Case` is a frozen value: applying an event (see :mod:`klachtrecht._engine`)
returns a new case and leaves the old one untouched. Everything in a case is a
fold over its ``history``, so replaying the history rebuilds an equal case.

Privacy: names, contact details and free texts (the complaint, the oordeel) are
personal data under a duty of confidentiality (Wkkgz art. 23; AVG/GDPR). They
are kept, but never shown by ``repr``/``str`` and never put in error messages.
"""

from __future__ import annotations

import enum
from collections.abc import (
    Iterable,
    Mapping,
    MutableMapping,
    MutableSequence,
    MutableSet,
)
from datetime import date, datetime, timezone, tzinfo
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import attrs

from klachtrecht import _capacities
from klachtrecht.deadlines import (
    AMSTERDAM,
    MAX_DATE,
    MIN_DATE,
    Deadline,
    check_date,
    receipt_date,
)
from klachtrecht.errors import ArgumentTypeError, InvalidDateError

__all__ = ["Case", "Due", "EventRecord", "Party", "Role", "Status"]


class Role(enum.Enum):
    """The role in which a party acts in a complaint procedure."""

    #: De klager: cliënt, nabestaande or vertegenwoordiger (Wkkgz art. 14;
    #: Jeugdwet art. 4.2.1 lid 4).
    KLAGER = "klager"
    #: De zorgaanbieder / jeugdhulpaanbieder / aanbieder (the provider).
    PROVIDER = "provider"
    #: De klachtenfunctionaris (Wkkgz art. 15: "geschikt te achten personen").
    KLACHTENFUNCTIONARIS = "klachtenfunctionaris"
    #: Het klachtenloket (intake desk of a portal, e.g. KPZ or KLP).
    KLACHTENLOKET = "klachtenloket"
    #: De klachtencommissie (Jeugdwet art. 4.2.1 lid 2 sub a).
    KLACHTENCOMMISSIE = "klachtencommissie"
    #: De erkende geschilleninstantie (Wkkgz art. 18-22).
    GESCHILLENINSTANTIE = "geschilleninstantie"
    #: Het bestuursorgaan a complaint under Awb titel 9 is about (Awb art. 9:1).
    BESTUURSORGAAN = "bestuursorgaan"
    #: De adviseur: person or commissie advising on a complaint (Awb art. 9:14).
    ADVISEUR = "adviseur"
    #: De ombudsman: Nationale ombudsman or a decentral one (Awb art. 9:17).
    OMBUDSMAN = "ombudsman"
    #: De rechter deciding a verzoekschrift (Wvggz art. 10:7; Wzd art. 56c).
    RECHTER = "rechter"

    @property
    def label(self) -> str:
        """Dutch display label."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.KLAGER: "Klager",
    Role.PROVIDER: "Zorgaanbieder",
    Role.KLACHTENFUNCTIONARIS: "Klachtenfunctionaris",
    Role.KLACHTENLOKET: "Klachtenloket",
    Role.KLACHTENCOMMISSIE: "Klachtencommissie",
    Role.GESCHILLENINSTANTIE: "Geschilleninstantie",
    Role.BESTUURSORGAAN: "Bestuursorgaan",
    Role.ADVISEUR: "Adviseur",
    Role.OMBUDSMAN: "Ombudsman",
    Role.RECHTER: "Rechter",
}


def _role(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not Role:
        raise ArgumentTypeError(
            f"{type(instance).__name__}.{attribute.name} must be a Role, "
            f"got {type(value).__name__}",
            params={"field": attribute.name, "type": type(value).__name__},
        )


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not str:
        raise ArgumentTypeError(
            f"{type(instance).__name__}.{attribute.name} must be a str, "
            f"got {type(value).__name__}",
            params={"field": attribute.name, "type": type(value).__name__},
        )


def _ident(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _text(instance, attribute, value)
    if not value.strip():  # type: ignore[attr-defined]
        raise ArgumentTypeError(
            f"{type(instance).__name__}.{attribute.name} must not be blank",
            params={"field": attribute.name},
        )


@attrs.frozen(repr=False)
class Party:
    """A party to a case (partij).

    ``ref`` is the caller's opaque identifier (never a name or BSN). ``capacity``
    says in which capacity a klager complains, a code of the one vocabulary in
    :mod:`klachtrecht._capacities` (e.g. ``"client"``, ``"surviving_relative"``,
    ``"representative"``: Wkkgz art. 14 lid 1); an old stored word
    (``"nabestaande"``, ``"vertegenwoordiger"``) is read as its code.
    ``name`` and ``contact`` are personal data: stored, never shown.

    Every field is checked when the party is made: ``role`` a :class:`Role`,
    ``ref`` a non-blank ``str``, the others ``str``
    (:class:`~klachtrecht.errors.ArgumentTypeError` otherwise, naming the field
    but never its value).
    """

    role: Role = attrs.field(validator=_role)
    ref: str = attrs.field(validator=_ident)
    capacity: str = attrs.field(
        default="", converter=_capacities.current, validator=_text
    )
    name: str = attrs.field(default="", validator=_text)
    contact: str = attrs.field(default="", validator=_text)

    def __repr__(self) -> str:
        return f"Party(role={self.role.value!r}, <personal data hidden>)"

    __str__ = __repr__


def _names(names: Iterable[str]) -> frozenset[str]:
    return names if type(names) is frozenset else frozenset(names)


def _fixed_offset(at: datetime) -> datetime:
    """``at`` at its own fixed UTC offset: the same instant and wall clock, but
    compared and serialised by instant (a ZoneInfo time in a DST fold or gap
    compares by wall clock against times of the same zone)."""
    if isinstance(at, datetime):
        offset = at.utcoffset()
        if offset is not None and type(at.tzinfo) is not timezone:
            return at.astimezone(timezone(offset))
    return at


_MUTABLE = (dict, bytearray, set, MutableMapping, MutableSet, MutableSequence)
#: Types that need no check (the common ones, answered fast).
_IMMUTABLE = frozenset({str, int, bool, type(None), date, datetime, Decimal, Party})


def _frozen_value(key: str, value: Any, depth: int = 0) -> Any:
    """``value`` as an immutable value: lists become tuples; mutable
    containers (dict, set, bytearray, ...) are refused."""
    kind = type(value)
    if kind in _IMMUTABLE:
        return value
    if kind is list or kind is tuple:
        if depth >= 8:
            raise ArgumentTypeError(
                f"EventRecord.data[{key!r}] is nested too deeply",
                params={"field": key},
            )
        return tuple(_frozen_value(key, v, depth + 1) for v in value)
    if kind is set or kind is frozenset:
        return frozenset(_frozen_value(key, v, depth + 1) for v in value)
    if isinstance(value, _MUTABLE):
        raise ArgumentTypeError(
            f"EventRecord.data[{key!r}] must be an immutable value, "
            f"got {kind.__name__}",
            params={"field": key, "type": kind.__name__},
        )
    return value


def kept_as_is(kind: type) -> bool:
    """Whether :func:`_frozen_value` returns every value of exactly type
    ``kind`` as it is (the engine then skips it)."""
    if kind in _IMMUTABLE:
        return True
    return kind not in (list, tuple, set, frozenset) and not issubclass(kind, _MUTABLE)


def _freeze(data: Mapping[str, Any]) -> Mapping[str, Any]:
    if type(data) is not dict and not isinstance(data, Mapping):
        raise ArgumentTypeError(
            f"EventRecord.data must be a mapping, got {type(data).__name__}",
            params={"field": "data", "type": type(data).__name__},
        )
    items = []
    for key, value in data.items():
        if type(key) is not str:
            raise ArgumentTypeError(
                f"EventRecord.data keys must be str, got {type(key).__name__}",
                params={"field": "data", "type": type(key).__name__},
            )
        if type(value) not in _IMMUTABLE:
            value = _frozen_value(key, value)  # noqa: PLW2901
        items.append((key, value))
    return MappingProxyType(dict(sorted(items)))


def _moment(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, datetime):
        raise ArgumentTypeError(
            f"EventRecord.at must be an aware datetime, got {type(value).__name__}",
            params={"field": "at", "type": type(value).__name__},
        )
    if value.utcoffset() is None:
        raise InvalidDateError(
            "EventRecord.at is a naive datetime; give a time zone",
            params={"field": "at"},
        )


@attrs.frozen(repr=False)
class EventRecord:
    """One event in a case's history (gebeurtenis): what, when, by whom, on what basis.

    ``at`` is the aware moment the act legally happened (e.g. when the klager
    received the oordeel), kept at its fixed UTC offset so events order by
    instant, also across a DST change. ``data`` holds the event's fields, read-only.
    ``personal`` names the fields of ``data`` that are personal data.

    Checked when made: ``event`` a non-blank ``str``, ``at`` an aware
    ``datetime``, ``by`` a :class:`Role`, ``basis`` a ``str``, ``data`` a mapping
    with ``str`` keys whose values are immutable (lists become tuples; a dict,
    set or bytearray is refused).
    """

    event: str
    at: datetime = attrs.field(converter=_fixed_offset)
    by: Role
    basis: str
    data: Mapping[str, Any] = attrs.field(converter=_freeze, factory=dict, hash=False)
    personal: frozenset[str] = attrs.field(
        converter=_names, factory=frozenset, eq=False
    )

    def __attrs_post_init__(self) -> None:
        # inline checks (not attrs validators): made once per applied event
        event = self.event
        if type(event) is not str or not event.strip():
            _ident(self, _FIELDS.event, event)
        at = self.at
        if not isinstance(at, datetime) or at.utcoffset() is None:
            _moment(self, _FIELDS.at, at)
        if type(self.by) is not Role:
            _role(self, _FIELDS.by, self.by)
        if type(self.basis) is not str:
            _text(self, _FIELDS.basis, self.basis)

    @property
    def day(self) -> date:
        """The Dutch calendar date of ``at`` (Europe/Amsterdam)."""
        # ``at`` is aware and checked: receipt_date's own checks only for the
        # errors (out of range)
        try:
            day = self.at.astimezone(_amsterdam()).date()
        except (OverflowError, ValueError):
            return receipt_date(self.at)
        return day if MIN_DATE <= day <= MAX_DATE else receipt_date(self.at)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}=<hidden>" if k in self.personal else f"{k}={v!r}"
            for k, v in self.data.items()
        )
        return (
            f"EventRecord({self.event!r}, at={self.at.isoformat()}, "
            f"by={self.by.value!r}, basis={self.basis!r}, data={{{shown}}})"
        )

    __str__ = __repr__

    def __getstate__(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "at": self.at,
            "by": self.by,
            "basis": self.basis,
            "data": dict(self.data),
            "personal": self.personal,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for key, value in state.items():
            if key == "data":
                value = _freeze(value)  # noqa: PLW2901
            object.__setattr__(self, key, value)


_FIELDS = attrs.fields(EventRecord)


@lru_cache(maxsize=1)
def _amsterdam() -> tzinfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - lazy: keeps import cheap

    return ZoneInfo(AMSTERDAM)


@attrs.frozen(repr=False)
class Case:
    """A complaint case (klachtdossier): an immutable value.

    ``facts`` and ``settings`` are regime-specific frozen values; ``facts`` are
    what the law needs (receipt of the written complaint, notices, agreements,
    the oordeel), derived from ``history``. Deadlines are never stored: ask the
    regime (:meth:`klachtrecht.Regime.deadlines`).
    """

    case_id: str
    regime: str
    state: str
    version: int
    history: tuple[EventRecord, ...]
    parties: tuple[Party, ...]
    settings: Any
    facts: Any

    def __attrs_post_init__(self) -> None:
        # cheap checks: a Case is made twice per applied event
        case_id, history, parties = self.case_id, self.history, self.parties
        if type(case_id) is not str or not case_id.strip():
            raise ArgumentTypeError(
                "Case.case_id must be a non-blank str", params={"field": "case_id"}
            )
        if type(self.regime) is not str or type(self.state) is not str:
            raise ArgumentTypeError(
                "Case.regime and Case.state must be str",
                params={"field": "regime" if type(self.regime) is not str else "state"},
            )
        if type(self.version) is not int or self.version < 0:
            raise ArgumentTypeError(
                "Case.version must be an int >= 0", params={"field": "version"}
            )
        if type(history) is not tuple:
            history = _tuple_of(history, EventRecord, "history")
            object.__setattr__(self, "history", history)
        elif history and type(history[-1]) is not EventRecord:
            # the engine appends one record at a time: check the new one
            _tuple_of(history, EventRecord, "history")
        if type(parties) is not tuple or (parties and type(parties[-1]) is not Party):
            object.__setattr__(self, "parties", _tuple_of(parties, Party, "parties"))

    def party(self, role: Role) -> Party | None:
        """The current party in ``role``, or None."""
        for party in reversed(self.parties):
            if party.role is role:
                return party
        return None

    @property
    def last_at(self) -> datetime:
        """The moment of the latest event."""
        return self.history[-1].at

    def __repr__(self) -> str:
        return (
            f"Case(case_id={self.case_id!r}, regime={self.regime!r}, "
            f"state={self.state!r}, version={self.version})"
        )

    __str__ = __repr__


def _tuple_of(values: object, kind: type, name: str) -> tuple[Any, ...]:
    if not isinstance(values, (list, tuple)):
        raise ArgumentTypeError(
            f"Case.{name} must be a tuple, got {type(values).__name__}",
            params={"field": name, "type": type(values).__name__},
        )
    for value in values:
        if type(value) is not kind:
            raise ArgumentTypeError(
                f"Case.{name} holds {kind.__name__}s, got {type(value).__name__}",
                params={"field": name, "type": type(value).__name__},
            )
    return tuple(values)


class Status(enum.Enum):
    """The status of a legal obligation with a due date, on a given day."""

    MET = "met"  #: fulfilled on or before the due date
    LATE = "late"  #: fulfilled, but after the due date
    PENDING = "pending"  #: not yet fulfilled, due date not passed
    MISSED = "missed"  #: not fulfilled and the due date has passed


@attrs.frozen
class Due:
    """An obligation of a case with its derived deadline (verplichting met termijn).

    ``met_on`` is the date it was fulfilled, if it was.
    """

    key: str
    label: str
    source: str
    deadline: Deadline
    met_on: date | None = None

    @property
    def due(self) -> date:
        """The last day on which the obligation is on time."""
        return self.deadline.due

    def status(self, on: date) -> Status:
        """Met, late, pending or missed, as seen on day ``on`` (a plain date)."""
        if type(on) is not date:
            check_date(on, "on")
        if self.met_on is not None:
            return Status.MET if self.met_on <= self.due else Status.LATE
        return Status.MISSED if on > self.due else Status.PENDING
