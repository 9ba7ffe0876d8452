"""Legal due dates under the Algemene termijnenwet (Atw), and why.

Official name: Algemene termijnenwet, BWBR0002448.

More information:
https://wetten.overheid.nl/BWBR0002448/2010-10-10

Rules applied, each cited in the trail of a :class:`Deadline`:

- a term starts the day after the event that sets it running (dies a quo non
  computatur; cf. Awb art. 6:8 lid 1 - UNCONFIRMED as a rule stated for the Wkkgz,
  Jeugdwet and Awb title 9.1, see docs/deadlines.md);
- a term in weeks ends on the same weekday N weeks later (42 days for six weeks,
  CRvB 24-9-2014, ECLI:NL:CRVB:2014:3122); a term in months on the same date
  number, or the month's last day where that number does not exist;
- Atw art. 1 lid 1: a statutory term ending on a Saturday, Sunday or feestdag runs
  to the next day that is none of those;
- Atw art. 2: a statutory term of at least three days contains at least two such
  days;
- Atw art. 4: not for terms over 90 days, twelve weeks or three months, nor for
  terms in years (e.g. Wkkgz art. 22, six months);
- Atw art. 5: not for terms set by a reglement, regeling, contract or policy.

Every function is pure: no ``today()``, no locale, no host time zone.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from klachtrecht._errors import ArgumentTypeError, InvalidDateError, InvalidTermError
from klachtrecht._feestdagen import (
    DEFAULT_BESLUITEN,
    MAX_DATE,
    MIN_DATE,
    AtwCalendar,
    Besluit,
    Holiday,
    check_date,
)

__all__ = [
    "AMSTERDAM",
    "DEFAULT_BESLUITEN",
    "MAX_DATE",
    "MIN_DATE",
    "AtwCalendar",
    "Besluit",
    "Deadline",
    "Holiday",
    "Step",
    "Term",
    "TermKind",
    "add_working_days",
    "agreed_deadline",
    "check_date",
    "default_calendar",
    "holidays",
    "is_covered",
    "is_holiday",
    "is_working_day",
    "receipt_date",
    "term_end",
    "working_days_between",
]

#: The time zone in which a Dutch calendar date is taken (IANA name).
AMSTERDAM: Final = "Europe/Amsterdam"

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


def fmt_day(day: date) -> str:
    """``Thu 14 May 2026``: locale-independent (never ``strftime('%a')``)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


@lru_cache(maxsize=1)
def default_calendar() -> AtwCalendar:
    """The calendar with the besluiten shipped in :data:`DEFAULT_BESLUITEN`."""
    return AtwCalendar()


def _cal(calendar: AtwCalendar | None) -> AtwCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(calendar).__name__}"
        )
    return calendar


# -- calendar queries -------------------------------------------------------------


def is_holiday(day: date, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether ``day`` is an algemeen erkende feestdag or gelijkgestelde dag.

    Atw art. 3 lid 1 (incl. 5 mei every year and Koningsdag as celebrated), lid 2
    (Goede Vrijdag) and lid 3 (days of a known besluit; see :func:`is_covered`).
    """
    check_date(day)
    return bool(_cal(calendar).holidays_on(day))


def is_working_day(day: date, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether ``day`` is not a Saturday, Sunday or feestdag (Atw art. 1 and 3)."""
    check_date(day)
    return not _cal(calendar).index_is_free(day.toordinal())


def is_covered(year: int, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether the gelijkgestelde dagen (Atw art. 3 lid 3) of ``year`` are known."""
    if type(year) is not int:
        raise ArgumentTypeError(f"year must be an int, got {type(year).__name__}")
    return _cal(calendar).is_covered(year)


def holidays(year: int, *, calendar: AtwCalendar | None = None) -> tuple[Holiday, ...]:
    """The Atw feestdagen and gelijkgestelde dagen of ``year``, with their source."""
    return _cal(calendar).holidays(year)


def _check_int(value: object, what: str) -> int:
    if type(value) is not int:  # bool is refused on purpose
        raise ArgumentTypeError(f"{what} must be an int, got {type(value).__name__}")
    return value


def _from_ordinal(ordinal: int | None, what: str) -> date:
    if ordinal is None or not MIN_DATE.toordinal() <= ordinal <= MAX_DATE.toordinal():
        raise InvalidDateError(
            f"{what} falls outside the supported range "
            f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}"
        )
    return date.fromordinal(ordinal)


def add_working_days(day: date, n: int, *, calendar: AtwCalendar | None = None) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself is not counted).

    A negative ``n`` counts backwards; ``0`` returns ``day``. Working days are
    Monday to Friday except feestdagen and gelijkgestelde dagen (law.md §6).
    """
    check_date(day)
    _check_int(n, "n")
    if n == 0:
        return day
    cal = _cal(calendar)
    if n > 0:
        found = cal.nth_working_after(day.toordinal(), n)
    else:
        found = cal.nth_working_before(day.toordinal(), -n)
    return _from_ordinal(found, f"{n} working days from {day.isoformat()}")


def working_days_between(
    start: date, end: date, *, calendar: AtwCalendar | None = None
) -> int:
    """Working days after ``start`` up to and including ``end``.

    The inverse of :func:`add_working_days`:
    ``working_days_between(d, add_working_days(d, n)) == n``. Negative when
    ``end`` is before ``start``.
    """
    check_date(start, "start")
    check_date(end, "end")
    cal = _cal(calendar)
    a, b = start.toordinal(), end.toordinal()
    if b >= a:
        return cal.count_working(a + 1, b) if b > a else 0
    return -cal.count_working(b + 1, a)


# -- receipt ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _amsterdam() -> object:
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - lazy: keeps import cheap

    return ZoneInfo(AMSTERDAM)


def receipt_date(moment: date | datetime) -> date:
    """The Dutch calendar date (Europe/Amsterdam) of a moment of receipt.

    An aware ``datetime`` is converted to Amsterdam time; a ``date`` passes
    through; a naive ``datetime`` is refused, since its time zone would be a guess.
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise InvalidDateError(
                f"naive datetime {moment.isoformat()} refused: give a time zone "
                f"(e.g. ZoneInfo({AMSTERDAM!r})) or pass a date"
            )
        local = moment.astimezone(_amsterdam())  # type: ignore[arg-type]
        return check_date(local.date(), "receipt date")
    return check_date(moment, "moment")


# -- terms ------------------------------------------------------------------------


class TermKind(enum.Enum):
    """Where a term comes from, which decides whether the Atw applies."""

    #: A term set in a wet (or an AMvB, Atw art. 5): the Atw applies.
    #: Dutch: wettelijke termijn.
    STATUTORY = "statutory"
    #: A term set by a klachtenregeling, reglement, contract, agreement or
    #: policy: the Atw does not apply (Atw art. 5, a contrario).
    #: Dutch: termijn uit een regeling of reglement.
    NON_STATUTORY = "non_statutory"


_UNIT_NAMES = {
    "years": ("year", "years"),
    "months": ("month", "months"),
    "weeks": ("week", "weeks"),
    "days": ("day", "days"),
    "working_days": ("working day", "working days"),
}


@attrs.frozen
class Term:
    """A term (termijn): an amount of one unit, its kind, and its legal source."""

    amount: int
    unit: str
    kind: TermKind
    source: str = ""

    def __str__(self) -> str:
        singular, plural = _UNIT_NAMES[self.unit]
        return f"{self.amount} {singular if self.amount == 1 else plural}"

    def atw_exclusion(self) -> str | None:
        """Why the Atw does not apply to this term, or None when it does."""
        if self.kind is TermKind.NON_STATUTORY:
            return "not a statutory term: the Atw does not apply (Atw art. 5)"
        too_long = {
            "years": "a term in years",
            "months": "a term of more than three months" if self.amount > 3 else None,
            "weeks": "a term of more than twelve weeks" if self.amount > 12 else None,
            "days": "a term of more than 90 days" if self.amount > 90 else None,
        }.get(self.unit)
        if too_long:
            return f"{too_long}: the Atw does not apply (Atw art. 4)"
        return None


@attrs.frozen
class Step:
    """One step in the reasoning behind a due date: the day, and why."""

    day: date
    reason: str

    def __str__(self) -> str:
        return f"{fmt_day(self.day)}: {self.reason}"


@attrs.frozen
class Deadline:
    """A legal due date with the trail of every rule that moved it.

    ``due`` is the last day of the term (the act is on time on that day).
    ``plain_end`` is the calendar end before any Atw extension. ``provisional``
    is true when a day between ``start`` and ``due`` falls in a year for which no
    besluit gelijkstelling is known: a later besluit may still move the date.
    """

    start: date
    term: Term
    plain_end: date
    due: date
    atw_applied: bool
    steps: tuple[Step, ...]
    provisional: bool

    def is_missed(self, when: date) -> bool:
        """Whether an act on ``when`` is too late for this deadline."""
        check_date(when, "when")
        return when > self.due

    def explain(self) -> str:
        """The trail as one readable line, e.g. for a portal or a log."""
        return " -> ".join(str(step) for step in self.steps)


def _parse_term(kind: object, source: object, units: dict[str, object]) -> Term:
    if not isinstance(kind, TermKind):
        raise ArgumentTypeError(
            f"kind must be TermKind.STATUTORY or TermKind.NON_STATUTORY, got {kind!r}"
        )
    if not isinstance(source, str):
        raise ArgumentTypeError(f"source must be a str, got {type(source).__name__}")
    given = {}
    for unit, amount in units.items():
        _check_int(amount, unit)
        assert isinstance(amount, int)
        if amount < 0:
            raise InvalidTermError(f"{unit}={amount}: a term cannot be negative")
        if amount:
            given[unit] = amount
    if len(given) != 1:
        raise InvalidTermError(
            "give exactly one positive unit (years, months, weeks, days or "
            f"working_days); got {given or 'none'}"
        )
    ((unit, amount),) = given.items()
    return Term(amount, unit, kind, source)


def term_end(
    start: date,
    *,
    kind: TermKind,
    weeks: int = 0,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    working_days: int = 0,
    source: str = "",
    calendar: AtwCalendar | None = None,
) -> Deadline:
    """The last day of a term that starts the day after ``start``.

    Give exactly one unit. ``kind`` says whether the term is set by law (the Atw
    applies, subject to its art. 4) or by a reglement, regeling or agreement (it
    does not). ``source`` names the rule that sets the term, for the trail.

    >>> from datetime import date
    >>> d = term_end(date(2026, 4, 2), weeks=6, kind=TermKind.STATUTORY)
    >>> d.due
    datetime.date(2026, 5, 18)
    """
    check_date(start, "start")
    term = _parse_term(kind, source, {
        "years": years, "months": months, "weeks": weeks,
        "days": days, "working_days": working_days,
    })  # fmt: skip
    return _term_end(start, term, _cal(calendar))


@lru_cache(maxsize=1 << 16)
def _term_end(start: date, term: Term, cal: AtwCalendar) -> Deadline:
    origin = f"{term} after {fmt_day(start)}"
    if term.source:
        origin += f" ({term.source})"
    steps = [Step(start, f"term of {origin} starts the next day")]
    if term.unit == "working_days":
        found = cal.nth_working_after(start.toordinal(), term.amount)
        end = _from_ordinal(found, f"end of the term of {origin}")
        steps.append(Step(end, f"{term} counted on the Atw calendar (law.md §6)"))
        return Deadline(
            start, term, end, end, False, tuple(steps), _provisional(cal, start, end)
        )
    if term.unit in ("years", "months"):
        delta = relativedelta(**{term.unit: term.amount})  # type: ignore[arg-type]
        plain = start + delta
        rule = "same date number (last day of the month if it does not exist)"
    else:
        n_days = term.amount * (7 if term.unit == "weeks" else 1)
        plain = start + timedelta(days=n_days)
        rule = "same weekday" if term.unit == "weeks" else "calendar days"
    plain = _from_ordinal(plain.toordinal(), f"end of the term of {origin}")
    steps.append(Step(plain, f"plain end of the term ({rule})"))
    exclusion = term.atw_exclusion()
    if exclusion is not None:
        steps.append(Step(plain, f"due; {exclusion}"))
        return Deadline(start, term, plain, plain, False, tuple(steps), False)
    due = _atw_art1(cal, plain, steps)
    due = _atw_art2(cal, start, plain, due, steps)
    steps.append(Step(due, "due"))
    return Deadline(
        start, term, plain, due, True, tuple(steps), _provisional(cal, start, due)
    )


def _why_free(cal: AtwCalendar, day: date) -> str:
    names = [f"{h.name} ({h.source})" for h in cal.holidays_on(day)]
    if day.weekday() >= 5:
        names.insert(0, "a Saturday" if day.weekday() == 5 else "a Sunday")
    return " and ".join(names)


def _atw_art1(cal: AtwCalendar, end: date, steps: list[Step]) -> date:
    """Atw art. 1 lid 1: extend past Saturdays, Sundays and feestdagen."""
    moved = False
    ordinal = end.toordinal()
    while cal.index_is_free(ordinal):
        day = _from_ordinal(ordinal, "extension under Atw art. 1")
        steps.append(Step(day, f"is {_why_free(cal, day)}"))
        ordinal += 1
        moved = True
    due = _from_ordinal(ordinal, "extension under Atw art. 1")
    if moved:
        steps.append(Step(due, "extended to the next working day (Atw art. 1 lid 1)"))
    return due


def _atw_art2(
    cal: AtwCalendar, start: date, plain: date, due: date, steps: list[Step]
) -> date:
    """Atw art. 2: a term of at least three days holds at least two working days."""
    if (plain - start).days < 3:
        return due
    if cal.count_working(start.toordinal() + 1, due.toordinal()) >= 2:
        return due
    second = _from_ordinal(
        cal.nth_working_after(start.toordinal(), 2), "extension under Atw art. 2"
    )
    steps.append(
        Step(
            second,
            "extended so the term holds two working days (Atw art. 2)",
        )
    )
    return second


def _provisional(cal: AtwCalendar, start: date, end: date) -> bool:
    return not all(cal.is_covered(y) for y in range(start.year, end.year + 1))


def agreed_deadline(start: date, until: date, *, source: str) -> Deadline:
    """A due date fixed by agreement (e.g. a further extension agreed with the
    klager): not a term in a wet, so the Atw does not apply (Atw art. 5)."""
    check_date(start, "start")
    check_date(until, "until")
    if until < start:
        raise InvalidTermError(
            f"agreed date {until.isoformat()} lies before {start.isoformat()}"
        )
    term = Term((until - start).days, "days", TermKind.NON_STATUTORY, source)
    steps = (
        Step(start, f"term runs from here ({source})"),
        Step(until, "due: date agreed between the parties (no Atw, Atw art. 5)"),
    )
    return Deadline(start, term, until, until, False, steps, False)
