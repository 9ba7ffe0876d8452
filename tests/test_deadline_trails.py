"""Literal trails of the deadline engine: every sentence a user reads, pinned.

The trail is the legal explanation of a due date (which rule moved it, on which
day), so it is tested word for word; the dates were checked by hand against the
Atw (art. 1 lid 1, art. 2, art. 3, art. 4, art. 5 a contrario).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

import klachtrecht as k
from klachtrecht.deadlines import (
    Deadline,
    Term,
    TermKind,
    agreed_deadline,
    default_calendar,
    fmt_day,
    term_end,
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
        agreed_deadline("2026-04-02", date(2026, 4, 2), source="x")  # type: ignore[arg-type]
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
