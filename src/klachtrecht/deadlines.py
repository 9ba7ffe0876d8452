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
- Atw art. 4: not for terms over 90 days, twelve weeks or three months (e.g.
  Wkkgz art. 22, six months), nor for terms in years;
- Atw art. 5 (a contrario): not for terms set by a reglement, regeling, contract
  or policy.

Every function is pure: no ``today()``, no locale, no host time zone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Final

import attrs

from klachtrecht._atw_terms import (
    _UNITS,
    MAX_AMOUNT,
    Term,
    TermKind,
    _check_int,
    _check_kind_source,
    _out_of_range,
    _parse_term,
    _shown,
)
from klachtrecht._feestdagen import (
    BASE,
    DEFAULT_BESLUITEN,
    MAX_DATE,
    MIN_DATE,
    SPAN,
    AtwCalendar,
    Besluit,
    Holiday,
    Tables,
    check_date,
)
from klachtrecht.errors import ArgumentTypeError, InvalidDateError, InvalidTermError

__all__ = [
    "AMSTERDAM",
    "DEFAULT_BESLUITEN",
    "MAX_AMOUNT",
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
    "fmt_day",
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

#: The calendar with the besluiten shipped in DEFAULT_BESLUITEN (tables lazy).
_DEFAULT = AtwCalendar()


def fmt_day(day: date) -> str:
    """``Thu 14 May 2026``: locale-independent (never ``strftime('%a')``)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def default_calendar() -> AtwCalendar:
    """The calendar with the besluiten shipped in :data:`DEFAULT_BESLUITEN`."""
    return _DEFAULT


def _cal(calendar: object) -> AtwCalendar:
    if calendar is None:
        return _DEFAULT
    if not isinstance(calendar, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(calendar).__name__}",
            params={"what": "calendar", "type": type(calendar).__name__},
        )
    return calendar


# -- calendar queries -------------------------------------------------------------


def is_holiday(day: date, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether ``day`` is an algemeen erkende feestdag or gelijkgestelde dag.

    Atw art. 3 lid 1 (incl. 5 mei every year and Koningsdag as celebrated), lid 2
    (Goede Vrijdag) and lid 3 (days of a known besluit; see :func:`is_covered`).
    """
    check_date(day)
    return day.toordinal() in _cal(calendar).tables.named


def is_working_day(day: date, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether ``day`` is not a Saturday, Sunday or feestdag (Atw art. 1 and 3)."""
    check_date(day)
    return not _cal(calendar).tables.free[day.toordinal() - BASE]


def is_covered(year: int, *, calendar: AtwCalendar | None = None) -> bool:
    """Whether the gelijkgestelde dagen (Atw art. 3 lid 3) of ``year`` are known.

    With the shipped besluiten: 2017-2019 and 2023-2028; not 2020-2022 (no
    besluit found) nor 2029 on (see :meth:`AtwCalendar.is_covered`).
    """
    _check_int(year, "year")
    return _cal(calendar).is_covered(year)


def holidays(year: int, *, calendar: AtwCalendar | None = None) -> tuple[Holiday, ...]:
    """The Atw feestdagen and gelijkgestelde dagen of ``year``, with their source."""
    return _cal(calendar).holidays(year)


def add_working_days(day: date, n: int, *, calendar: AtwCalendar | None = None) -> date:
    """The ``n``-th working day after ``day`` (``day`` itself is not counted).

    A negative ``n`` counts backwards; ``0`` returns ``day``. Working days are
    Monday to Friday except feestdagen and gelijkgestelde dagen (law.md §6).

    >>> add_working_days(date(2026, 5, 13), 1)  # over Hemelvaart and 15 May
    datetime.date(2026, 5, 18)
    """
    # hot path: a plain date and int on the default calendar, answered from
    # the prefix counts without building any intermediate object
    if type(day) is not date:
        check_date(day)
    if type(n) is not int:
        _check_int(n, "n")
    t = (_DEFAULT if calendar is None else _cal(calendar)).tables
    i = day.toordinal() - BASE
    if not 0 <= i < SPAN:
        check_date(day)
    if n == 0:
        return day
    k = t.cum[i + 1] + n - 1 if n > 0 else t.cum[i] + n
    if 0 <= k < len(t.work):
        return t.work[k]
    raise _out_of_range(f"{_shown(n)} working days from {day.isoformat()}")


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
    cum = _cal(calendar).tables.cum
    return cum[end.toordinal() - BASE + 1] - cum[start.toordinal() - BASE + 1]


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
        try:
            local = moment.astimezone(_amsterdam())  # type: ignore[arg-type]
        except (OverflowError, ValueError):  # e.g. 9999-12-31T23:00-01:00
            raise _out_of_range("the moment") from None
        return check_date(local.date(), "receipt date")
    return check_date(moment, "moment")


# -- terms ------------------------------------------------------------------------


def _freeze_params(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen
class Step:
    """One step in the reasoning behind a due date: the day, and why.

    The why is data: a message ``code`` (see ``MESSAGE_CODES["step"]`` in
    :mod:`klachtrecht.i18n`) and its ``params`` (dates, numbers, citations), so
    a portal can render it in any language; :meth:`render` does so with the
    shipped catalogs. ``str(step)`` and :attr:`reason` are English.
    """

    day: date
    code: str
    params: Mapping[str, object] = attrs.field(
        factory=dict, converter=_freeze_params, hash=False
    )

    @property
    def reason(self) -> str:
        """Why, in English (e.g. ``extended to the next working day (...)``)."""
        return self.message("en")

    def message(self, lang: str = "en") -> str:
        """Why, in ``lang``, without the day."""
        from klachtrecht.i18n import render  # noqa: PLC0415 - lazy: cheap import

        return render("step", self.code, self.params, lang)

    def render(self, lang: str = "en") -> str:
        """The step as one line in ``lang``: ``day: why``."""
        from klachtrecht.i18n import format_date  # noqa: PLC0415

        return (
            f"{format_date(self.day, lang=lang, style='short')}: {self.message(lang)}"
        )

    def __str__(self) -> str:
        return f"{fmt_day(self.day)}: {self.reason}"

    def __getstate__(self) -> dict[str, object]:
        # a mappingproxy cannot be pickled or deep-copied: store a plain dict
        return {"day": self.day, "code": self.code, "params": dict(self.params)}

    def __setstate__(self, state: dict[str, object]) -> None:
        for key, value in state.items():
            if key == "params":
                assert isinstance(value, Mapping)
                value = _freeze_params(value)  # noqa: PLW2901
            object.__setattr__(self, key, value)


@attrs.frozen(repr=False)
class Deadline:
    """A legal due date with the trail of every rule that moved it.

    ``due`` is the last day of the term (the act is on time on that day).
    ``plain_end`` is the calendar end before any Atw extension. ``provisional``
    is true when a day between ``start`` and ``due`` falls in a year for which no
    besluit gelijkstelling is known: a later besluit may still move the date.
    The trail (:attr:`steps`, :meth:`explain`) is rendered on demand.
    """

    start: date
    term: Term
    plain_end: date
    due: date
    atw_applied: bool
    provisional: bool
    calendar: AtwCalendar = attrs.field(eq=False, hash=False)

    def __repr__(self) -> str:
        return (
            f"Deadline(start={self.start.isoformat()}, term={str(self.term)!r}, "
            f"due={self.due.isoformat()}, atw_applied={self.atw_applied}, "
            f"provisional={self.provisional})"
        )

    def is_missed(self, when: date) -> bool:
        """Whether an act on ``when`` is too late for this deadline."""
        check_date(when, "when")
        return when > self.due

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step of the reasoning, from the start to the due date."""
        from klachtrecht._atw_trail import _trail  # noqa: PLC0415 - not a hot path

        return _trail(self)

    def explain(self, lang: str = "en") -> str:
        """The trail as one readable line, e.g. for a portal or a log.

        ``lang="nl"`` renders it in Dutch (see :mod:`klachtrecht.i18n`).
        """
        if lang == "en":
            return " -> ".join(str(step) for step in self.steps)
        return " -> ".join(step.render(lang) for step in self.steps)


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

    >>> d = term_end(date(2026, 4, 2), weeks=6, kind=TermKind.STATUTORY)
    >>> d.due
    datetime.date(2026, 5, 18)
    """
    try:
        return _cached(
            start, kind, years, months, weeks, days, working_days, source, calendar
        )
    except TypeError as exc:  # an unhashable argument: report it properly
        if isinstance(exc, ArgumentTypeError):
            raise
        check_date(start, "start")
        _check_kind_source(kind, source)
        for unit, amount in zip(
            _UNITS, (years, months, weeks, days, working_days), strict=True
        ):
            _check_int(amount, unit)
        _cal(calendar)
        raise  # pragma: no cover - the checks above always raise


# Keyed on the raw arguments with their types (typed=True keeps True apart from
# 1 and datetime apart from date); invalid arguments raise and are not cached.
# 65,536 entries (about 450 bytes each, so at most ~30 MB) hold every start day
# of the supported range for one term, so a scan over all receipt dates cycles
# inside the cache instead of thrashing it.
@lru_cache(maxsize=1 << 16, typed=True)
def _cached(*args: object) -> Deadline:
    return _validated(*args)


def _validated(
    start: object,
    kind: object,
    *amounts: object,
) -> Deadline:
    *units, source, calendar = amounts
    day = check_date(start, "start")
    term, atw = _parse_term(kind, source, *units)
    return _compute(day, term, atw, _cal(calendar))


def _add_months(day: date, months: int) -> date:
    """Same date number ``months`` later, or that month's last day."""
    year, month0 = divmod(day.month - 1 + months, 12)
    year += day.year
    if year > MAX_DATE.year:
        raise _out_of_range(f"{months} months after {day.isoformat()}")
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month0 + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def _compute(start: date, term: Term, atw: bool, cal: AtwCalendar) -> Deadline:
    t = cal.tables
    s = start.toordinal() - BASE
    unit, amount = term.unit, term.amount
    if unit == "working_days":
        k = t.cum[s + 1] + amount - 1
        if k >= len(t.work):
            raise _out_of_range(f"end of the term of {term} after {start.isoformat()}")
        end = t.work[k]
        # a term in working days ends on a working day by construction, so Atw
        # art. 1 and 2 change nothing; atw_applied records whether they apply
        return Deadline(start, term, end, end, atw, _provisional(t, start, end), cal)
    if unit == "years":
        plain = _add_months(start, 12 * amount)
    elif unit == "months":
        plain = _add_months(start, amount)
    else:
        plain = start + timedelta(days=amount * 7 if unit == "weeks" else amount)
    e = plain.toordinal() - BASE
    if e >= SPAN:
        raise _out_of_range(f"end of the term of {term} after {start.isoformat()}")
    if not atw:
        return Deadline(start, term, plain, plain, False, False, cal)
    free = t.free
    while free[e]:  # Atw art. 1 lid 1
        e += 1
        if e >= SPAN:
            raise _out_of_range(f"Atw extension of the term after {start.isoformat()}")
    cum = t.cum
    if (plain - start).days >= 3 and cum[e + 1] - cum[s + 1] < 2:  # Atw art. 2
        k = cum[s + 1] + 1
        if k >= len(t.work):  # pragma: no cover - needs a term ending 31 Dec 2099
            raise _out_of_range(f"Atw extension of the term after {start.isoformat()}")
        due = t.work[k]
    else:
        due = t.work[cum[e]]  # day e is a working day: the cum[e]-th one
    return Deadline(start, term, plain, due, True, _provisional(t, start, due), cal)


def _provisional(t: Tables, start: date, end: date) -> bool:
    covered = t.covered
    first, last = start.year, end.year
    if last - first <= 1:
        return first not in covered or last not in covered
    return not all(y in covered for y in range(first, last + 1))


def agreed_deadline(
    start: date, until: date, *, source: str, calendar: AtwCalendar | None = None
) -> Deadline:
    """A due date fixed by agreement (e.g. a further extension agreed with the
    klager): not a term in a wet, so the Atw does not apply (Atw art. 5)."""
    check_date(start, "start")
    check_date(until, "until")
    if until < start:
        raise InvalidTermError(
            f"agreed date {until.isoformat()} lies before {start.isoformat()}",
            params={"start": start, "until": until},
        )
    if not isinstance(source, str):
        raise ArgumentTypeError(
            f"source must be a str, got {type(source).__name__}",
            params={"what": "source", "type": type(source).__name__},
        )
    term = Term((until - start).days, "agreed", TermKind.NON_STATUTORY, source)
    return Deadline(start, term, until, until, False, False, _cal(calendar))


# shown (and pickled) under this public module, where they are documented
Term.__module__ = TermKind.__module__ = __name__
