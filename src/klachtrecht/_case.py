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
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone
from types import MappingProxyType
from typing import Any

import attrs

from klachtrecht import _capacities
from klachtrecht.deadlines import Deadline, receipt_date

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
    #: De rechter deciding a verzoekschrift (Wvggz art. 10:7; Wzd art. 56a).
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


@attrs.frozen(repr=False)
class Party:
    """A party to a case (partij).

    ``ref`` is the caller's opaque identifier (never a name or BSN). ``capacity``
    says in which capacity a klager complains, a code of the one vocabulary in
    :mod:`klachtrecht._capacities` (e.g. ``"client"``, ``"surviving_relative"``,
    ``"representative"``: Wkkgz art. 14 lid 1); an old stored word
    (``"nabestaande"``, ``"vertegenwoordiger"``) is read as its code.
    ``name`` and ``contact`` are personal data: stored, never shown.
    """

    role: Role
    ref: str
    capacity: str = attrs.field(default="", converter=_capacities.current)
    name: str = ""
    contact: str = ""

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


def _freeze(data: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(sorted(data.items())))


@attrs.frozen(repr=False)
class EventRecord:
    """One event in a case's history (gebeurtenis): what, when, by whom, on what basis.

    ``at`` is the aware moment the act legally happened (e.g. when the klager
    received the oordeel), kept at its fixed UTC offset so events order by
    instant, also across a DST change. ``data`` holds the event's fields, read-only.
    ``personal`` names the fields of ``data`` that are personal data.
    """

    event: str
    at: datetime = attrs.field(converter=_fixed_offset)
    by: Role
    basis: str
    data: Mapping[str, Any] = attrs.field(converter=_freeze, factory=dict, hash=False)
    personal: frozenset[str] = attrs.field(
        converter=_names, factory=frozenset, eq=False
    )

    @property
    def day(self) -> date:
        """The Dutch calendar date of ``at`` (Europe/Amsterdam)."""
        return receipt_date(self.at)

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
        """Met, late, pending or missed, as seen on day ``on``."""
        if self.met_on is not None:
            return Status.MET if self.met_on <= self.due else Status.LATE
        return Status.MISSED if on > self.due else Status.PENDING
