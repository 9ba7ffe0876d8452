"""Flat rows of a case for databases and BI tools: pure, no database import.

A case is the source of truth; everything here is *derived* from it, so it can
be thrown away and recomputed. Three kinds of rows:

- :func:`case_row`: the per-case summary (regime, state and its Dutch label,
  version, final or not, opened on, last event, the next open obligation and
  its due date) with the :func:`fingerprint` it was computed with;
- :func:`deadline_rows`: one row per obligation with its due date and the
  inputs of its status (``due`` and ``met_on``: see :class:`klachtrecht.Status`);
- :func:`calendar_rows`: the Atw calendar as days with a running working-day
  index, so "due within N werkdagen" is a join in SQL.

The fingerprint is a short stable hash of what the deadline rows depend on
besides the case itself: the calendar's besluiten gelijkstelling, the
klachtrecht release and the regime's definition (states, events, their
legal basis). When a besluit is added or the rules change, the fingerprint
changes, so stale rows are found with one ``WHERE fingerprint <> ...``.

>>> from datetime import date
>>> rows = list(calendar_rows(2026, 2026))
>>> rows[0].day, rows[0].working, rows[0].why
(datetime.date(2026, 1, 1), False, 'Nieuwjaarsdag (Atw art. 3 lid 1)')
>>> [r.day.isoformat() for r in rows if r.working][:2]
['2026-01-05', '2026-01-06']
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from klachtrecht._case import Case, Due
from klachtrecht._feestdagen import BASE, MAX_DATE, MIN_DATE
from klachtrecht.deadlines import AtwCalendar, TermKind, default_calendar
from klachtrecht.errors import ArgumentTypeError, InvalidDateError

if TYPE_CHECKING:
    from klachtrecht import Regime

__all__ = [
    "CalendarRow",
    "CaseRow",
    "DeadlineRow",
    "calendar_fingerprint",
    "calendar_rows",
    "case_row",
    "deadline_rows",
    "fingerprint",
    "release",
]

#: Length in hex characters of a fingerprint (64 bits).
FINGERPRINT_LENGTH = 16


@lru_cache(maxsize=1)
def release() -> str:
    """The installed klachtrecht release (``"unknown"`` when not installed)."""
    try:
        return importlib.metadata.version("klachtrecht")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def _hash(parts: list[str]) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def _calendar_parts(calendar: AtwCalendar) -> list[str]:
    parts = ["calendar"]
    for besluit in calendar.besluiten:
        parts += [
            besluit.title,
            f"{besluit.first_year}-{besluit.last_year}",
            ",".join(day.isoformat() for day in besluit.days),
        ]
    return parts


@lru_cache(maxsize=64)
def _calendar_fingerprint(calendar: AtwCalendar) -> str:
    return _hash(_calendar_parts(calendar))


def calendar_fingerprint(calendar: AtwCalendar | None = None) -> str:
    """A short hash of the calendar's besluiten; changes when one is added.

    >>> from klachtrecht.deadlines import Besluit
    >>> new = default_calendar().with_besluit(Besluit("B", "Stcrt.", 2029, 2031, ()))
    >>> calendar_fingerprint() == calendar_fingerprint(new)
    False
    """
    cal = default_calendar() if calendar is None else calendar
    if not isinstance(cal, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(cal).__name__}"
        )
    return _calendar_fingerprint(cal)


@lru_cache(maxsize=64)
def _fingerprint(reg: Regime) -> str:
    parts = [release(), reg.name, reg.title]
    parts += [f"{s.id}|{s.final}|{s.basis}" for s in reg.states]
    parts += [f"{e.id}|{e.basis}" for e in (reg.open_event, *reg.events)]
    parts += [f"{s}|{e}|{t}" for (s, e), t in sorted(reg.transitions.items())]
    return _hash([*parts, *_calendar_parts(reg.calendar)])


def fingerprint(regime: Regime) -> str:
    """A short stable hash of what a regime's deadline rows depend on besides
    the case: the release, the regime's definition and its calendar.

    >>> import klachtrecht as k
    >>> from klachtrecht.deadlines import Besluit
    >>> new = default_calendar().with_besluit(Besluit("B", "Stcrt.", 2029, 2031, ()))
    >>> fingerprint(k.regime("wkkgz")) == fingerprint(k.regime("wkkgz", calendar=new))
    False
    >>> len(fingerprint(k.regime("wkkgz")))
    16
    """
    return _fingerprint(regime)


@attrs.frozen
class DeadlineRow:
    """One obligation of a case, flat: what is due, when, and whether met.

    Its status on a day ``on`` follows from ``due`` and ``met_on`` alone: met
    (``met_on <= due``), late (``met_on > due``), pending (no ``met_on``,
    ``on <= due``) or missed (no ``met_on``, ``on > due``).
    """

    case_id: str
    key: str
    label: str
    source: str
    start: date
    due: date
    met_on: date | None
    term: str
    statutory: bool
    atw_applied: bool
    provisional: bool


@attrs.frozen
class CaseRow:
    """The summary of one case, flat, with the fingerprint it was computed with.

    ``next_key``/``next_due`` name the open (not yet fulfilled) obligation due
    first, or None when none is open.
    """

    case_id: str
    regime: str
    state: str
    state_label: str
    version: int
    final: bool
    opened_on: date
    last_event_at: datetime
    next_key: str | None
    next_due: date | None
    fingerprint: str


def _deadline_row(case_id: str, item: Due) -> DeadlineRow:
    d = item.deadline
    return DeadlineRow(
        case_id,
        item.key,
        item.label,
        item.source,
        d.start,
        d.due,
        item.met_on,
        str(d.term),
        d.term.kind is TermKind.STATUTORY,
        d.atw_applied,
        d.provisional,
    )


def deadline_rows(
    case: Case, regime: Regime, dues: tuple[Due, ...] | None = None
) -> tuple[DeadlineRow, ...]:
    """One row per obligation of ``case``, computed by ``regime`` (and so with
    the regime's calendar). ``dues`` may pass ``regime.deadlines(case)`` when
    already computed."""
    items = regime.deadlines(case) if dues is None else dues
    return tuple(_deadline_row(case.case_id, item) for item in items)


def case_row(
    case: Case, regime: Regime, dues: tuple[Due, ...] | None = None
) -> CaseRow:
    """The summary row of ``case`` under ``regime`` (which holds the calendar)."""
    if case.regime != regime.name:
        raise ArgumentTypeError(
            f"case {case.case_id!r} belongs to regime {case.regime!r}, "
            f"not {regime.name!r}"
        )
    items = regime.deadlines(case) if dues is None else dues
    open_items = [d for d in items if d.met_on is None]
    nxt = min(open_items, key=lambda d: (d.due, d.key)) if open_items else None
    return CaseRow(
        case.case_id,
        case.regime,
        case.state,
        regime.state(case.state).label,
        case.version,
        regime.is_final(case),
        case.history[0].day,
        case.last_at,
        None if nxt is None else nxt.key,
        None if nxt is None else nxt.due,
        fingerprint(regime),
    )


@attrs.frozen
class CalendarRow:
    """One day of the Atw calendar.

    ``working_index`` counts the working days from 1 January 2000 up to and
    including ``day``, so the N-th working day after day ``d`` is the working
    day whose index is ``d.working_index + N`` (the same count as
    :func:`klachtrecht.deadlines.add_working_days`). ``why`` says why a day is
    not a working day (weekend, feestdag, gelijkgestelde dag), else ``""``.
    """

    day: date
    working: bool
    why: str
    working_index: int


def calendar_rows(
    first_year: int, last_year: int, *, calendar: AtwCalendar | None = None
) -> Iterator[CalendarRow]:
    """The days of ``first_year`` to ``last_year`` (inclusive) as rows."""
    for year in (first_year, last_year):
        if type(year) is not int:
            raise ArgumentTypeError(f"year must be an int, got {type(year).__name__}")
    if not MIN_DATE.year <= first_year <= last_year <= MAX_DATE.year:
        raise InvalidDateError(
            f"years {first_year}-{last_year}: empty or outside "
            f"{MIN_DATE.year}-{MAX_DATE.year}"
        )
    cal = default_calendar() if calendar is None else calendar
    if not isinstance(cal, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(cal).__name__}"
        )
    t = cal.tables
    start = date(first_year, 1, 1).toordinal()
    end = date(last_year, 12, 31).toordinal()
    for ordinal in range(start, end + 1):
        i = ordinal - BASE
        free = bool(t.free[i])
        why = ""
        if free:
            day = date.fromordinal(ordinal)
            names = [f"{h.name} ({h.source})" for h in t.named.get(ordinal, ())]
            if day.weekday() >= 5:
                names.insert(0, "Saturday" if day.weekday() == 5 else "Sunday")
            why = "; ".join(names)
        yield CalendarRow(date.fromordinal(ordinal), not free, why, t.cum[i + 1])
