# mypy: disable-error-code="arg-type"
"""Literal trails of the deadline engine: every sentence a user reads, pinned.

The trail is the legal explanation of a due date (which rule moved it, on which
day), so it is tested word for word; the dates were checked by hand against the
Atw (art. 1 lid 1, art. 2, art. 3, art. 4, art. 5 a contrario).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

import pytest

import klachtrecht as k
from klachtrecht.deadlines import (
    DEFAULT_BESLUITEN,
    AtwCalendar,
    Besluit,
    Deadline,
    Term,
    TermKind,
    add_working_days,
    agreed_deadline,
    default_calendar,
    fmt_day,
    is_working_day,
    receipt_date,
    term_end,
    working_days_between,
)

S, N = TermKind.STATUTORY, TermKind.NON_STATUTORY

TRAILS: list[tuple[str, Callable[[], Deadline], tuple[str, ...]]] = [
    (
        "six weeks over Hemelvaart",
        lambda: term_end(
            date(2026, 4, 2), weeks=6, kind=S, source="Wkkgz art. 17 lid 1"
        ),
        (
            "Thu 2 Apr 2026: term of 6 weeks after Thu 2 Apr 2026 (Wkkgz art. 17 lid 1) starts the next day",
            "Thu 14 May 2026: plain end of the term (same weekday)",
            "Thu 14 May 2026: is Hemelvaartsdag (Atw art. 3 lid 1)",
            "Fri 15 May 2026: is a gelijkgestelde dag (Atw art. 3 lid 3; Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag)",
            "Sat 16 May 2026: is a Saturday",
            "Sun 17 May 2026: is a Sunday",
            "Mon 18 May 2026: extended to the next working day (Atw art. 1 lid 1)",
            "Mon 18 May 2026: due",
        ),
    ),
    (
        "Atw art. 2",
        lambda: term_end(date(2026, 1, 1), days=3, kind=S),
        (
            "Thu 1 Jan 2026: term of 3 days after Thu 1 Jan 2026 starts the next day",
            "Sun 4 Jan 2026: plain end of the term (calendar days)",
            "Sun 4 Jan 2026: is a Sunday",
            "Mon 5 Jan 2026: extended to the next working day (Atw art. 1 lid 1)",
            "Tue 6 Jan 2026: extended so the term holds two working days (Atw art. 2)",
            "Tue 6 Jan 2026: due",
        ),
    ),
    (
        "Saturday and Tweede Kerstdag",
        lambda: term_end(date(2026, 12, 23), days=3, kind=S),
        (
            "Wed 23 Dec 2026: term of 3 days after Wed 23 Dec 2026 starts the next day",
            "Sat 26 Dec 2026: plain end of the term (calendar days)",
            "Sat 26 Dec 2026: is a Saturday and Tweede Kerstdag (Atw art. 3 lid 1)",
            "Sun 27 Dec 2026: is a Sunday",
            "Mon 28 Dec 2026: extended to the next working day (Atw art. 1 lid 1)",
            "Mon 28 Dec 2026: due",
        ),
    ),
    (
        "month to end of February",
        lambda: term_end(date(2026, 1, 31), months=1, kind=S),
        (
            "Sat 31 Jan 2026: term of 1 month after Sat 31 Jan 2026 starts the next day",
            "Sat 28 Feb 2026: plain end of the term (same date number (last day of the month if it does not exist))",
            "Sat 28 Feb 2026: is a Saturday",
            "Sun 1 Mar 2026: is a Sunday",
            "Mon 2 Mar 2026: extended to the next working day (Atw art. 1 lid 1)",
            "Mon 2 Mar 2026: due",
        ),
    ),
    (
        "provisional",
        lambda: term_end(date(2028, 12, 20), weeks=2, kind=S),
        (
            "Wed 20 Dec 2028: term of 2 weeks after Wed 20 Dec 2028 starts the next day",
            "Wed 3 Jan 2029: plain end of the term (same weekday)",
            "Wed 3 Jan 2029: due",
            "Wed 3 Jan 2029: provisional: no besluit gelijkstelling (Atw art. 3 lid 3) is known yet for a year of this term",
        ),
    ),
    (
        "Atw art. 4 months",
        lambda: term_end(date(2026, 4, 2), months=6, kind=S),
        (
            "Thu 2 Apr 2026: term of 6 months after Thu 2 Apr 2026 starts the next day",
            "Fri 2 Oct 2026: plain end of the term (same date number (last day of the month if it does not exist))",
            "Fri 2 Oct 2026: due; a term of more than three months: the Atw does not apply (Atw art. 4)",
        ),
    ),
    (
        "Atw art. 4 years",
        lambda: term_end(date(2026, 4, 2), years=1, kind=S),
        (
            "Thu 2 Apr 2026: term of 1 year after Thu 2 Apr 2026 starts the next day",
            "Fri 2 Apr 2027: plain end of the term (same date number (last day of the month if it does not exist))",
            "Fri 2 Apr 2027: due; a term in years: the Atw does not apply (Atw art. 4)",
        ),
    ),
    (
        "Atw art. 5",
        lambda: term_end(date(2026, 4, 2), weeks=6, kind=N, source="reglement art. 9"),
        (
            "Thu 2 Apr 2026: term of 6 weeks after Thu 2 Apr 2026 (reglement art. 9) starts the next day",
            "Thu 14 May 2026: plain end of the term (same weekday)",
            "Thu 14 May 2026: due; not a statutory term: the Atw does not apply (Atw art. 5, a contrario)",
        ),
    ),
    (
        "working days",
        lambda: term_end(date(2026, 4, 2), working_days=10, kind=N),
        (
            "Thu 2 Apr 2026: term of 10 working days after Thu 2 Apr 2026 starts the next day",
            "Mon 20 Apr 2026: 10 working days counted on the Atw calendar: Monday-Friday except feestdagen and gelijkgestelde dagen (law.md §6; UNCONFIRMED which days a reglement means by werkdagen)",
            "Mon 20 Apr 2026: due",
        ),
    ),
    (
        "agreed",
        lambda: agreed_deadline(
            date(2026, 4, 2), date(2026, 7, 1), source="KPZ spelregel 6"
        ),
        (
            "Thu 2 Apr 2026: term runs from here (KPZ spelregel 6)",
            "Wed 1 Jul 2026: due: date agreed between the parties (no Atw, Atw art. 5 a contrario)",
        ),
    ),
    (
        "one day",
        lambda: term_end(date(2026, 4, 30), days=1, kind=S),
        (
            "Thu 30 Apr 2026: term of 1 day after Thu 30 Apr 2026 starts the next day",
            "Fri 1 May 2026: plain end of the term (calendar days)",
            "Fri 1 May 2026: due",
        ),
    ),
]


@pytest.mark.parametrize(
    ("make", "trail"), [(m, t) for _, m, t in TRAILS], ids=[n for n, _, _ in TRAILS]
)
def test_trail(make: Callable[[], Deadline], trail: tuple[str, ...]) -> None:
    """The trail reads exactly as listed, and explain() joins it with arrows."""
    deadline = make()
    assert tuple(str(step) for step in deadline.steps) == trail
    assert deadline.explain() == " -> ".join(trail)


def test_agreed_deadline_values() -> None:
    """An agreed date is its own due date: no Atw, never provisional."""
    d = agreed_deadline(date(2029, 4, 2), date(2030, 7, 1), source="KPZ spelregel 6")
    assert d.term == Term(455, "agreed", N, "KPZ spelregel 6")
    assert (d.start, d.plain_end, d.due) == (
        date(2029, 4, 2),
        date(2030, 7, 1),
        date(2030, 7, 1),
    )
    assert not d.atw_applied
    assert not d.provisional
    assert d.calendar is default_calendar()
    assert str(d.term) == "455 days (agreed date)"
    same = agreed_deadline(date(2029, 4, 2), date(2029, 4, 2), source="x")
    assert same.due == date(2029, 4, 2)
    assert str(same.term) == "0 days (agreed date)"


def test_agreed_deadline_refusals() -> None:
    """An agreed date before its start, or outside the range, is refused."""
    with pytest.raises(k.InvalidTermError, match="2026-04-01 lies before 2026-04-02"):
        agreed_deadline(date(2026, 4, 2), date(2026, 4, 1), source="x")
    with pytest.raises(k.InvalidDateError, match="until"):
        agreed_deadline(date(2026, 4, 2), date(2100, 1, 1), source="x")
    with pytest.raises(k.ArgumentTypeError, match="start"):
        agreed_deadline("2026-04-02", date(2026, 4, 2), source="x")
    calendar = default_calendar().with_besluit(
        k.deadlines.Besluit("B", "c", 2090, 2090, ())
    )
    d = agreed_deadline(
        date(2026, 4, 2), date(2026, 5, 1), source="x", calendar=calendar
    )
    assert d.calendar is calendar


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        (1, "weeks", "1 week"),
        (2, "weeks", "2 weeks"),
        (1, "working_days", "1 working day"),
        (3, "years", "3 years"),
        (1, "months", "1 month"),
    ],
)
def test_term_text(amount: int, unit: str, text: str) -> None:
    """A term reads in the singular for one, the plural otherwise."""
    assert str(Term(amount, unit, S)) == text


def test_fmt_day() -> None:
    """Days are written without the locale."""
    assert fmt_day(date(2026, 12, 27)) == "Sun 27 Dec 2026"
    assert fmt_day(date(2000, 1, 3)) == "Mon 3 Jan 2000"


@pytest.mark.parametrize(
    ("start", "months", "plain"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 1, 30), 1, date(2026, 2, 28)),
        (date(2026, 1, 29), 1, date(2026, 2, 28)),
        (date(2028, 1, 29), 1, date(2028, 2, 29)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
        (date(2026, 12, 31), 12, date(2027, 12, 31)),
        (date(2098, 12, 31), 12, date(2099, 12, 31)),
    ],
)
def test_month_ends(start: date, months: int, plain: date) -> None:
    """A term in months ends on the same date number or the month's last day."""
    assert term_end(start, months=months, kind=N).plain_end == plain


def test_is_covered_calendar() -> None:
    """Coverage follows the besluiten, on the default and a custom calendar."""
    cal = default_calendar()
    assert [cal.is_covered(y) for y in (2022, 2023, 2025, 2026, 2028, 2029)] == [
        False,
        True,
        True,
        True,
        True,
        False,
    ]
    assert k.deadlines.is_covered(2028)
    assert not k.deadlines.is_covered(2029)
    assert k.deadlines.is_covered(
        2029, calendar=cal.with_besluit(k.deadlines.Besluit("B", "c", 2029, 2029, ()))
    )


_RANGE = "the supported range 2000-01-01..2099-12-31"
_ONE_UNIT = (
    "give exactly one positive unit (years, months, weeks, days or working_days)"
)

#: Every refusal of the deadline API, with its exact message: a message is
#: part of the interface (logged, shown to a clerk) and quotes no input text.
MESSAGES: list[tuple[Callable[[], object], type, str, dict[str, object]]] = [
    (
        lambda: term_end(date(2026, 1, 5), kind=S, days=10**5000),
        k.InvalidTermError,
        "days=a number that large: a term can be at most 36525 days, the supported range 2000-2099",
        {"unit": "days", "max": 36525},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, days=10**8),
        k.InvalidTermError,
        "days=100000000: a term can be at most 36525 days, the supported range 2000-2099",
        {"unit": "days", "max": 36525},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, days=-(10**9)),
        k.InvalidTermError,
        "days=a number that large: a term cannot be negative",
        {"unit": "days"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, days=-(10**9) + 1),
        k.InvalidTermError,
        "days=-999999999: a term cannot be negative",
        {"unit": "days"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=5219),
        k.InvalidTermError,
        "weeks=5219: a term can be at most 5218 weeks, the supported range 2000-2099",
        {"unit": "weeks", "max": 5218},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, years=101),
        k.InvalidTermError,
        "years=101: a term can be at most 100 years, the supported range 2000-2099",
        {"unit": "years", "max": 100},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, months=1201),
        k.InvalidTermError,
        "months=1201: a term can be at most 1200 months, the supported range 2000-2099",
        {"unit": "months", "max": 1200},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, working_days=36526),
        k.InvalidTermError,
        "working_days=36526: a term can be at most 36525 working_days, the supported range 2000-2099",
        {"unit": "working_days", "max": 36525},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=6, days=1),
        k.InvalidTermError,
        _ONE_UNIT + "; got {'weeks': 6, 'days': 1}",
        {"units": ("weeks", "days")},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S),
        k.InvalidTermError,
        _ONE_UNIT + "; got none",
        {"units": ()},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind="x", weeks=6),
        k.ArgumentTypeError,
        "kind must be TermKind.STATUTORY or TermKind.NON_STATUTORY, got str",
        {"what": "kind", "type": "str"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=6, source=1),
        k.ArgumentTypeError,
        "source must be a str, got int",
        {"what": "source", "type": "int"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=6, source=[1]),
        k.ArgumentTypeError,
        "source must be a str, got list",
        {"what": "source", "type": "list"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=True),
        k.ArgumentTypeError,
        "weeks must be an int, got bool",
        {"what": "weeks", "type": "bool"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=[6]),
        k.ArgumentTypeError,
        "weeks must be an int, got list",
        {"what": "weeks", "type": "list"},
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=6, calendar=1),
        k.ArgumentTypeError,
        "calendar must be an AtwCalendar, got int",
        {"what": "calendar", "type": "int"},
    ),
    (
        lambda: term_end(date(2099, 12, 1), kind=S, months=1),
        k.InvalidDateError,
        f"1 months after 2099-12-01 falls outside {_RANGE}",
        {
            "what": "1 months after 2099-12-01",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: term_end(date(2099, 12, 1), kind=S, weeks=5),
        k.InvalidDateError,
        f"end of the term of 5 weeks after 2099-12-01 falls outside {_RANGE}",
        {
            "what": "end of the term of 5 weeks after 2099-12-01",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: term_end(date(2099, 12, 1), kind=S, working_days=30),
        k.InvalidDateError,
        f"end of the term of 30 working days after 2099-12-01 falls outside {_RANGE}",
        {
            "what": "end of the term of 30 working days after 2099-12-01",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: term_end(datetime(2026, 1, 5, tzinfo=UTC), kind=S, weeks=6),
        k.ArgumentTypeError,
        "start must be a datetime.date, got a datetime; use receipt_date() to take its Dutch calendar date",
        {},
    ),
    (
        lambda: term_end(date(1999, 12, 31), kind=S, weeks=6),
        k.InvalidDateError,
        f"start 1999-12-31 is outside {_RANGE}",
        {
            "what": "start",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: add_working_days(date(2099, 12, 1), 30),
        k.InvalidDateError,
        f"30 working days from 2099-12-01 falls outside {_RANGE}",
        {
            "what": "30 working days from 2099-12-01",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: add_working_days(date(2000, 1, 5), -30),
        k.InvalidDateError,
        f"-30 working days from 2000-01-05 falls outside {_RANGE}",
        {
            "what": "-30 working days from 2000-01-05",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: add_working_days(date(2026, 1, 5), 10**10),
        k.InvalidDateError,
        f"a number that large working days from 2026-01-05 falls outside {_RANGE}",
        {
            "what": "a number that large working days from 2026-01-05",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: add_working_days(date(2026, 1, 5), True),
        k.ArgumentTypeError,
        "n must be an int, got bool",
        {"what": "n", "type": "bool"},
    ),
    (
        lambda: receipt_date(datetime(2026, 1, 5)),  # noqa: DTZ001
        k.InvalidDateError,
        "naive datetime 2026-01-05T00:00:00 refused: give a time zone (e.g. ZoneInfo('Europe/Amsterdam')) or pass a date",
        {},
    ),
    (
        lambda: receipt_date(
            datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5)))
        ),
        k.InvalidDateError,
        f"the moment falls outside {_RANGE}",
        {
            "what": "the moment",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: k.deadlines.is_covered("2026"),
        k.ArgumentTypeError,
        "year must be an int, got str",
        {"what": "year", "type": "str"},
    ),
    (
        lambda: default_calendar().is_covered("2026"),
        k.ArgumentTypeError,
        "year must be an int, got str",
        {"what": "year", "type": "str"},
    ),
    (
        lambda: k.deadlines.holidays(1999),
        k.InvalidDateError,
        "year 1999 is outside the supported range 2000..2099",
        {"what": "year", "min": 2000, "max": 2099},
    ),
    (
        lambda: k.deadlines.holidays(2100),
        k.InvalidDateError,
        "year 2100 is outside the supported range 2000..2099",
        {"what": "year", "min": 2000, "max": 2099},
    ),
    (
        lambda: k.deadlines.holidays(10**10),
        k.InvalidDateError,
        "year (a number that large) is outside the supported range 2000..2099",
        {"what": "year", "min": 2000, "max": 2099},
    ),
    (
        lambda: k.deadlines.holidays(-(10**10)),
        k.InvalidDateError,
        "year (a number that large) is outside the supported range 2000..2099",
        {"what": "year", "min": 2000, "max": 2099},
    ),
    (
        lambda: k.deadlines.holidays(10**9 - 1),
        k.InvalidDateError,
        "year 999999999 is outside the supported range 2000..2099",
        {"what": "year", "min": 2000, "max": 2099},
    ),
    (
        lambda: k.deadlines.holidays("2026"),
        k.ArgumentTypeError,
        "year must be an int, got str",
        {"what": "year", "type": "str"},
    ),
    (
        lambda: agreed_deadline(date(2026, 4, 2), date(2026, 4, 1), source="x"),
        k.InvalidTermError,
        "agreed date 2026-04-01 lies before 2026-04-02",
        {"start": date(2026, 4, 2), "until": date(2026, 4, 1)},
    ),
    (
        lambda: agreed_deadline(date(2026, 4, 2), date(2026, 4, 3), source=1),
        k.ArgumentTypeError,
        "source must be a str, got int",
        {"what": "source", "type": "int"},
    ),
    (
        lambda: Besluit("T", "c", 1999, 2000, ()),
        k.DefinitionError,
        "besluit 'T': period 1999-2000 is empty or outside 2000-2099",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2099, 2100, ()),
        k.DefinitionError,
        "besluit 'T': period 2099-2100 is empty or outside 2000-2099",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2001, 2000, ()),
        k.DefinitionError,
        "besluit 'T': period 2001-2000 is empty or outside 2000-2099",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2026, 2026, (date(2027, 1, 1),)),
        k.DefinitionError,
        "besluit 'T': 2027-01-01 lies outside its period 2026-2026",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2026, 2026, (date(2025, 12, 31),)),
        k.DefinitionError,
        "besluit 'T': 2025-12-31 lies outside its period 2026-2026",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2026, 2026, ("2026-01-01",)),
        k.DefinitionError,
        "besluit 'T': days must be datetime.date values, got str",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2026, "2026", ()),
        k.DefinitionError,
        "besluit 'T': years must be ints",
        {},
    ),
    (
        lambda: Besluit("T", "c", "2026", 2026, ()),
        k.DefinitionError,
        "besluit 'T': years must be ints",
        {},
    ),
    (
        lambda: Besluit(1, "c", 2026, 2026, ()),
        k.DefinitionError,
        "besluit title must be a str",
        {},
    ),
    (
        lambda: Besluit("T", 1, 2026, 2026, ()),
        k.DefinitionError,
        "besluit citation must be a str",
        {},
    ),
    (
        lambda: Besluit("T", "c", 2026, 2026, 5),
        k.DefinitionError,
        "besluit days must be an iterable of dates, got int",
        {},
    ),
    (
        lambda: AtwCalendar(besluiten=5),
        k.DefinitionError,
        "besluiten must be an iterable of Besluit, got int",
        {},
    ),
    (
        lambda: AtwCalendar(besluiten=(5,)),
        k.DefinitionError,
        "besluiten must hold Besluit values, got int",
        {},
    ),
    (
        lambda: AtwCalendar(
            besluiten=(
                Besluit("A", "c", 2026, 2027, ()),
                Besluit("B", "c", 2027, 2027, ()),
            )
        ),
        k.DefinitionError,
        "year 2027 is covered by two besluiten: 'A' and 'B'",
        {},
    ),
    (
        lambda: is_working_day(date(2100, 1, 1)),
        k.InvalidDateError,
        f"day 2100-01-01 is outside {_RANGE}",
        {
            "what": "day",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: is_working_day("2026-01-01"),
        k.ArgumentTypeError,
        "day must be a datetime.date, got str",
        {"what": "day", "type": "str"},
    ),
    (
        lambda: working_days_between(date(2026, 1, 1), date(2100, 1, 1)),
        k.InvalidDateError,
        f"end 2100-01-01 is outside {_RANGE}",
        {
            "what": "end",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: working_days_between(date(1999, 1, 1), date(2026, 1, 1)),
        k.InvalidDateError,
        f"start 1999-01-01 is outside {_RANGE}",
        {
            "what": "start",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
    (
        lambda: term_end(date(2026, 1, 5), kind=S, weeks=6).is_missed(date(2100, 1, 1)),
        k.InvalidDateError,
        f"when 2100-01-01 is outside {_RANGE}",
        {
            "what": "when",
            "min": date(2000, 1, 1),
            "max": date(2099, 12, 31),
        },
    ),
]


@pytest.mark.parametrize(("call", "error", "message", "params"), MESSAGES)
def test_messages(
    call: Callable[[], object], error: type, message: str, params: dict[str, object]
) -> None:
    """Each refusal raises its class with exactly this message and these
    params (what a portal renders its own message from)."""
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message
    assert isinstance(info.value, k.KlachtrechtError)
    assert dict(info.value.params) == params


def test_first_and_last_besluit_years() -> None:
    """A besluit may cover the first and the last year of the range."""
    assert Besluit("T", "c", 2000, 2099, ()).last_year == 2099


def test_holiday_table_2026() -> None:
    """The Atw feestdagen of 2026 with their names and sources, literally."""
    art_3_1, art_3_2 = "Atw art. 3 lid 1", "Atw art. 3 lid 2"
    besluit = (
        "Atw art. 3 lid 3; "
        + next(b for b in DEFAULT_BESLUITEN if b.first_year == 2026).title
    )
    assert [(h.day, h.name, h.source) for h in k.deadlines.holidays(2026)] == [
        (date(2026, 1, 1), "Nieuwjaarsdag", art_3_1),
        (date(2026, 1, 2), "gelijkgestelde dag", besluit),
        (date(2026, 4, 3), "Goede Vrijdag", art_3_2),
        (date(2026, 4, 6), "Tweede Paasdag", art_3_1),
        (date(2026, 4, 27), "Koningsdag", art_3_1),
        (date(2026, 5, 5), "Bevrijdingsdag (de vijfde mei)", art_3_1),
        (date(2026, 5, 14), "Hemelvaartsdag", art_3_1),
        (date(2026, 5, 15), "gelijkgestelde dag", besluit),
        (date(2026, 5, 25), "Tweede Pinksterdag", art_3_1),
        (date(2026, 12, 25), "Eerste Kerstdag", art_3_1),
        (date(2026, 12, 26), "Tweede Kerstdag", art_3_1),
    ]


@pytest.mark.parametrize(
    ("year", "day", "name"),
    [
        (2013, date(2013, 4, 30), "Koninginnedag"),
        (2014, date(2014, 4, 26), "Koningsdag"),  # 27 April a Sunday
        (2008, date(2008, 4, 30), "Koninginnedag"),
        (2006, date(2006, 4, 29), "Koninginnedag"),  # 30 April a Sunday
        (2025, date(2025, 4, 26), "Koningsdag"),  # 27 April a Sunday
    ],
)
def test_kings_day(year: int, day: date, name: str) -> None:
    """The King's (Queen's) day as celebrated: a Sunday moves to the Saturday."""
    found = [h for h in k.deadlines.holidays(year) if h.name == name]
    assert [(h.day, h.source) for h in found] == [(day, "Atw art. 3 lid 1")]
    assert k.deadlines.is_holiday(day)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Thu 8 Jan 2026 + 3 days = Sun 11 Jan -> Mon 12 Jan (art. 1); the
        # term holds Fri 9 and Mon 12: two working days, no art. 2 extension
        (date(2026, 1, 8), 3, date(2026, 1, 12)),
        # Thu 1 Jan 2026 + 3 days: Fri 2 Jan is gelijkgesteld, so only Mon 5
        # is a working day: art. 2 extends to Tue 6 Jan
        (date(2026, 1, 1), 3, date(2026, 1, 6)),
        # two calendar days: art. 2 does not apply (fewer than three days)
        (date(2026, 1, 1), 2, date(2026, 1, 5)),
    ],
)
def test_atw_art_2_boundary(start: date, days: int, due: date) -> None:
    """Atw art. 2 extends a term only when it holds fewer than two working days."""
    assert term_end(start, days=days, kind=S).due == due


@pytest.mark.parametrize(
    ("start", "n", "due", "provisional"),
    [
        (date(2023, 1, 2), 700, date(2025, 10, 14), False),  # 2023-2025 covered
        (date(2026, 1, 5), 700, date(2028, 10, 13), False),  # 2026-2028 covered
        (date(2026, 1, 5), 800, date(2029, 3, 7), True),  # 2029 not covered
        (date(2021, 6, 1), 600, date(2023, 10, 10), True),  # 2021, 2022 not
        (date(2022, 3, 1), 20, date(2022, 3, 29), True),
        (date(2025, 3, 3), 20, date(2025, 3, 31), False),
    ],
)
def test_working_day_terms_provisional(
    start: date, n: int, due: date, provisional: bool
) -> None:
    """A term in working days is provisional when a year it touches has no
    known besluit gelijkstelling; the Atw flag follows the kind."""
    d = term_end(start, working_days=n, kind=N)
    assert (d.due, d.plain_end, d.provisional) == (due, due, provisional)
    assert d.atw_applied is False
    assert d.calendar is default_calendar()
    assert term_end(start, working_days=n, kind=S).atw_applied is True


def test_non_statutory_never_provisional() -> None:
    """A reglement term does not depend on feestdagen: never provisional."""
    d = term_end(date(2035, 1, 1), weeks=6, kind=N)
    assert d.provisional is False
    assert d.atw_applied is False
    assert d.calendar is default_calendar()


def test_range_end_exactly() -> None:
    """Terms ending on the last day are computed; one day more is refused."""
    last = default_calendar().tables.work[-1]
    assert last == date(2099, 12, 31)
    assert term_end(date(2099, 12, 29), days=2, kind=N).due == date(2099, 12, 31)
    with pytest.raises(k.InvalidDateError):
        term_end(date(2099, 12, 30), days=2, kind=N)
    total = len(default_calendar().tables.work)
    assert term_end(date(2000, 1, 1), working_days=total, kind=N).due == last
    with pytest.raises(k.InvalidDateError):
        term_end(date(2000, 1, 1), working_days=total + 1, kind=N)
    with pytest.raises(k.InvalidDateError):
        add_working_days(last, 1)
    with pytest.raises(k.InvalidDateError):
        add_working_days(date(2000, 1, 1), -1)
    assert add_working_days(date(2000, 1, 1), 1) == date(2000, 1, 3)
    assert add_working_days(date(2000, 1, 4), -1) == date(2000, 1, 3)


@pytest.mark.parametrize("day", [date(2100, 1, 1), date(1999, 12, 31)])
def test_add_working_days_outside(day: date) -> None:
    """A day just outside the range is refused, in either direction."""
    for n in (1, -1, 0):
        with pytest.raises(k.InvalidDateError):
            add_working_days(day, n)


def test_add_working_days_types() -> None:
    """A datetime or a string day is refused with the day's own message."""
    with pytest.raises(k.ArgumentTypeError, match="got a datetime"):
        add_working_days(datetime(2026, 1, 5, tzinfo=UTC), 1)
    with pytest.raises(
        k.ArgumentTypeError, match=r"^day must be a datetime.date, got str$"
    ):
        add_working_days("2026-01-05", 1)


def test_is_missed_boundary() -> None:
    """An act on the due date is on time; the day after is too late."""
    d = term_end(date(2026, 4, 2), weeks=6, kind=S)
    assert d.is_missed(d.due) is False
    assert d.is_missed(date(2026, 5, 19)) is True


#: A calendar with an extra gelijkgestelde dag: Friday 11 May 2029, after
#: Hemelvaartsdag (Thursday 10 May 2029). Invented for the test.
EXTRA = default_calendar().with_besluit(
    Besluit("Testbesluit 2029", "test", 2029, 2029, (date(2029, 5, 11),))
)


def test_custom_calendar_everywhere() -> None:
    """Every query honours the calendar it is given, not the default."""
    friday = date(2029, 5, 11)
    assert is_working_day(friday)
    assert not is_working_day(friday, calendar=EXTRA)
    assert k.deadlines.is_holiday(friday, calendar=EXTRA)
    assert friday in [h.day for h in k.deadlines.holidays(2029, calendar=EXTRA)]
    assert friday not in [h.day for h in k.deadlines.holidays(2029)]
    assert add_working_days(date(2029, 5, 9), 1) == friday
    assert add_working_days(date(2029, 5, 9), 1, calendar=EXTRA) == date(2029, 5, 14)
    assert working_days_between(date(2029, 5, 9), date(2029, 5, 14)) == 2
    assert (
        working_days_between(date(2029, 5, 9), date(2029, 5, 14), calendar=EXTRA) == 1
    )
    d = term_end(date(2029, 3, 29), weeks=6, kind=S, calendar=EXTRA)
    assert d.due == date(2029, 5, 14)
    assert "is a gelijkgestelde dag (Atw art. 3 lid 3; Testbesluit 2029)" in d.explain()
    assert not d.provisional
    assert term_end(date(2029, 3, 29), weeks=6, kind=S).due == date(2029, 5, 11)


def test_two_feestdagen_on_one_day() -> None:
    """5 May 2005 was both Bevrijdingsdag and Hemelvaartsdag: both are kept."""
    names = [h.name for h in default_calendar().holidays_on(date(2005, 5, 5))]
    assert names == ["Bevrijdingsdag (de vijfde mei)", "Hemelvaartsdag"]


def test_last_years_have_feestdagen() -> None:
    """The day tables include the feestdagen of the last years of the range."""
    assert not is_working_day(date(2098, 12, 25))
    assert not is_working_day(date(2099, 12, 25))
    assert k.deadlines.is_holiday(date(2099, 1, 1))


class _NoOffset(tzinfo):
    """A time zone that does not know its offset (utcoffset returns None)."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_receipt_date_labels() -> None:
    """receipt_date refuses a tzinfo without an offset, and names what is out
    of range."""
    with pytest.raises(k.InvalidDateError, match="naive datetime"):
        receipt_date(datetime(2026, 1, 5, tzinfo=_NoOffset()))
    with pytest.raises(k.InvalidDateError, match=r"^receipt date 2100-01-01 is"):
        receipt_date(datetime(2100, 1, 1, 12, tzinfo=UTC))
    with pytest.raises(k.InvalidDateError, match=r"^moment 2100-01-01 is"):
        receipt_date(date(2100, 1, 1))
    with pytest.raises(k.ArgumentTypeError, match=r"^moment must be"):
        receipt_date("2026-01-05")


def test_argument_labels() -> None:
    """Type errors name the argument: start, until, year."""
    with pytest.raises(
        k.ArgumentTypeError, match=r"^start must be a datetime.date, got list"
    ):
        term_end([2026], kind=S, weeks=6)
    with pytest.raises(k.ArgumentTypeError, match=r"^start must be"):
        agreed_deadline("2026-04-02", date(2026, 4, 3), source="x")
    with pytest.raises(k.ArgumentTypeError, match=r"^until must be"):
        agreed_deadline(date(2026, 4, 2), "2026-04-03", source="x")
    d = agreed_deadline(date(2026, 4, 2), date(2026, 4, 3), source="x")
    assert d.atw_applied is False
    assert d.provisional is False


@pytest.mark.parametrize(
    ("kwargs", "exclusion"),
    [
        ({"weeks": 13}, "a term of more than twelve weeks"),
        ({"days": 91}, "a term of more than 90 days"),
        ({"months": 4}, "a term of more than three months"),
        ({"years": 1}, "a term in years"),
    ],
)
def test_atw_art_4_texts(kwargs: dict[str, int], exclusion: str) -> None:
    """Each Atw art. 4 exclusion is named in the trail."""
    d = term_end(date(2026, 4, 2), kind=S, **kwargs)
    assert (
        d.steps[-1].reason == f"due; {exclusion}: the Atw does not apply (Atw art. 4)"
    )


def test_deadline_repr() -> None:
    """A deadline's repr shows its dates and flags, readable in a log."""
    d = term_end(date(2026, 4, 2), weeks=6, kind=S)
    assert repr(d) == (
        "Deadline(start=2026-04-02, term='6 weeks', due=2026-05-18, "
        "atw_applied=True, provisional=False)"
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: term_end(date(2026, 1, 5), kind=S, days=10**9),
            "days=a number that large: a term can be at most 36525 days, the supported range 2000-2099",
        ),
        (
            lambda: term_end(date(2026, 1, 5), kind=S, days=10**9 - 1),
            "days=999999999: a term can be at most 36525 days, the supported range 2000-2099",
        ),
        (
            lambda: k.deadlines.holidays(10**9),
            "year (a number that large) is outside the supported range 2000..2099",
        ),
        (
            lambda: k.deadlines.holidays(-(10**9)),
            "year (a number that large) is outside the supported range 2000..2099",
        ),
        (
            lambda: k.deadlines.holidays(-(10**9) + 1),
            "year -999999999 is outside the supported range 2000..2099",
        ),
        (
            lambda: k.deadlines.holidays(-100),
            "year -100 is outside the supported range 2000..2099",
        ),
    ],
)
def test_large_numbers_in_messages(call: Callable[[], object], message: str) -> None:
    """Numbers of ten digits or more are not written out in a message."""
    with pytest.raises(k.KlachtrechtError) as info:
        call()
    assert str(info.value) == message
