"""Tests for klachtrecht.deadlines: worked examples, properties and bad input."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

import klachtrecht
from klachtrecht.deadlines import (
    MAX_DATE,
    MIN_DATE,
    AtwCalendar,
    Besluit,
    TermKind,
    add_working_days,
    is_covered,
    is_holiday,
    is_working_day,
    receipt_date,
    term_end,
    working_days_between,
)

STATUTORY = TermKind.STATUTORY
NON_STATUTORY = TermKind.NON_STATUTORY

# Dates well inside the supported range, so terms never run past its end.
days_ = st.dates(min_value=date(2000, 1, 1), max_value=date(2097, 12, 31))
known_years = st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 6, 30))


class TestWorkedExamples:
    """Due dates from public sources and from law.md §4, one assertion each."""

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            # law.md §4, computed: six weeks after receipt, then Atw art. 1.
            (date(2026, 4, 2), date(2026, 5, 18)),  # Hemelvaart + gelijkgesteld
            (date(2026, 3, 24), date(2026, 5, 6)),  # 5 mei in a non-lustrum year
            (date(2026, 11, 14), date(2026, 12, 28)),  # Tweede Kerstdag, Saturday
            (date(2025, 3, 15), date(2025, 4, 28)),  # Koningsdag on Saturday 26 Apr
            # Plain weeks with no feestdag on the way: same weekday, 42 days.
            (date(2026, 9, 2), date(2026, 10, 14)),
        ],
    )
    def test_six_weeks(self, received: date, due: date) -> None:
        """Six weeks after receipt ends on the listed day under the Atw."""
        assert due == term_end(received, weeks=6, kind=STATUTORY).due

    @pytest.mark.parametrize(
        ("signed", "due"),
        [
            # staatsrechtpraktijk.nl: 3-day bedenktijd around Christmas 2017.
            (date(2017, 12, 19), date(2017, 12, 22)),
            (date(2017, 12, 20), date(2017, 12, 27)),
        ],
    )
    def test_three_days_christmas_2017(self, signed: date, due: date) -> None:
        """A three-day term across Christmas 2017 ends on the published day."""
        assert due == term_end(signed, days=3, kind=STATUTORY).due

    def test_thursday_before_easter_monday(self) -> None:
        """A 3-day term from a Thursday ends Saturday, runs to Monday, and
        past Tweede Paasdag to Tuesday (vdv-vh.nl); 2026: Easter is 5 April."""
        # 2026-04-01 Wednesday: first counted day Thursday 2 April; plain end
        # Saturday 4 April; Sunday 5; Monday 6 April is Tweede Paasdag.
        assert (
            date(2026, 4, 7) == term_end(date(2026, 4, 1), days=3, kind=STATUTORY).due
        )

    def test_trail_names_every_rule(self) -> None:
        """The trail of the Hemelvaart example names each rule that moved it."""
        deadline = term_end(
            date(2026, 4, 2), weeks=6, kind=STATUTORY, source="Wkkgz art. 17 lid 1"
        )
        text = deadline.explain()
        for fragment in (
            "Wkkgz art. 17 lid 1",
            "Thu 14 May 2026",
            "Hemelvaartsdag (Atw art. 3 lid 1)",
            "Fri 15 May 2026",
            "Atw art. 3 lid 3",
            "Besluit gelijkstelling",
            "Sat 16 May 2026",
            "Sun 17 May 2026",
            "Mon 18 May 2026",
            "Atw art. 1 lid 1",
        ):
            assert fragment in text
        assert date(2026, 5, 14) == deadline.plain_end
        assert deadline.atw_applied

    def test_wkkgz_extension_ten_weeks(self) -> None:
        """Six plus four weeks is ten weeks, still under the Atw (<= 12 weeks)."""
        deadline = term_end(date(2026, 4, 2), weeks=10, kind=STATUTORY)
        assert date(2026, 6, 11) == deadline.due
        assert deadline.atw_applied

    def test_one_month_end_of_month(self) -> None:
        """A month after 31 January ends on the last day of February."""
        deadline = term_end(date(2026, 1, 31), months=1, kind=NON_STATUTORY)
        assert date(2026, 2, 28) == deadline.due


class TestAtwScope:
    """Which terms get the Atw and which do not (art. 4 and 5)."""

    def test_six_months_not_extended(self) -> None:
        """Wkkgz art. 22's six months is excluded by Atw art. 4: no extension."""
        # 2 Nov 2026 + 6 months = Sunday 2 May 2027.
        deadline = term_end(date(2026, 11, 2), months=6, kind=STATUTORY)
        assert date(2027, 5, 2) == deadline.due
        assert not deadline.atw_applied
        assert "Atw art. 4" in deadline.explain()

    @pytest.mark.parametrize(
        ("unit", "amount", "applies"),
        [
            ("weeks", 12, True),
            ("weeks", 13, False),
            ("days", 90, True),
            ("days", 91, False),
            ("months", 3, True),
            ("months", 4, False),
            ("years", 1, False),
        ],
    )
    def test_art4_bounds(self, unit: str, amount: int, applies: bool) -> None:
        """Atw art. 4 excludes terms over 12 weeks, 90 days, 3 months, and years."""
        kwargs: dict[str, int] = {unit: amount}
        deadline = term_end(date(2026, 1, 5), kind=STATUTORY, **kwargs)  # type: ignore[arg-type]
        assert applies == deadline.atw_applied

    def test_reglement_term_not_extended(self) -> None:
        """A reglement term ending on Hemelvaartsdag stays there (Atw art. 5)."""
        deadline = term_end(date(2026, 4, 2), weeks=6, kind=NON_STATUTORY)
        assert date(2026, 5, 14) == deadline.due
        assert not deadline.atw_applied

    def test_working_days_term(self) -> None:
        """Five working days from the Wednesday before Hemelvaart 2026 skip
        Hemelvaart, the gelijkgestelde Friday and the weekend."""
        deadline = term_end(date(2026, 5, 13), working_days=5, kind=NON_STATUTORY)
        assert date(2026, 5, 22) == deadline.due


class TestProperties:
    """Invariants of the deadline engine, for every start date."""

    @given(days_, st.integers(1, 12))
    def test_due_is_working_day(self, start: date, weeks: int) -> None:
        """An Atw-term never ends on a Saturday, Sunday or feestdag."""
        due = term_end(start, weeks=weeks, kind=STATUTORY).due
        assert is_working_day(due)

    @given(days_, st.integers(1, 90))
    def test_never_before_plain_end(self, start: date, n: int) -> None:
        """The due date is never earlier than the plain calendar end."""
        deadline = term_end(start, days=n, kind=STATUTORY)
        assert deadline.due >= deadline.plain_end == start + timedelta(days=n)

    @given(days_, days_, st.integers(1, 12))
    def test_monotonic(self, a: date, b: date, weeks: int) -> None:
        """A later start never gives an earlier due date."""
        a, b = min(a, b), max(a, b)
        assert (
            term_end(a, weeks=weeks, kind=STATUTORY).due
            <= term_end(b, weeks=weeks, kind=STATUTORY).due
        )

    @given(days_, st.integers(3, 90))
    def test_art2_two_working_days(self, start: date, n: int) -> None:
        """A statutory term of at least three days holds two working days."""
        due = term_end(start, days=n, kind=STATUTORY).due
        assert working_days_between(start, due) >= 2

    @given(days_, st.integers(1, 90))
    def test_extension_is_minimal(self, start: date, n: int) -> None:
        """The Atw extends no further than art. 1 and art. 2 require."""
        deadline = term_end(start, days=n, kind=STATUTORY)
        due = deadline.due
        if due > deadline.plain_end:
            before = due - timedelta(days=1)
            # the day before the due date fails art. 1 or art. 2
            art1_fails = not is_working_day(before) or before < deadline.plain_end
            art2_fails = n >= 3 and working_days_between(start, before) < 2
            assert art1_fails or art2_fails

    @given(days_, st.integers(0, 400))
    def test_add_then_count(self, start: date, n: int) -> None:
        """Counting the working days back gives the number added."""
        assert n == working_days_between(start, add_working_days(start, n))

    @given(st.dates(date(2002, 1, 1), date(2099, 12, 31)), st.integers(1, 400))
    def test_add_backwards(self, start: date, n: int) -> None:
        """Going back n working days lands on a working day with n working
        days from it up to (not including) the start."""
        found = add_working_days(start, -n)
        one = timedelta(days=1)
        assert is_working_day(found)
        assert n == working_days_between(found - one, start - one)

    @given(days_, st.integers(1, 60))
    def test_add_lands_on_working_day(self, start: date, n: int) -> None:
        """add_working_days(d, n >= 1) is a working day, matching a naive loop."""
        found = add_working_days(start, n)
        day, left = start, n
        while left:
            day += timedelta(days=1)
            if is_working_day(day):
                left -= 1
        assert day == found

    @given(days_, days_)
    def test_between_antisymmetric(self, a: date, b: date) -> None:
        """Counting from b to a is minus counting from a to b."""
        assert working_days_between(a, b) == -working_days_between(b, a)

    @given(known_years, st.integers(1, 12))
    def test_known_years_not_provisional(self, start: date, weeks: int) -> None:
        """Deadlines wholly inside besluit years are final, not provisional."""
        deadline = term_end(start, weeks=weeks, kind=STATUTORY)
        assert not deadline.provisional


class TestCalendarConfiguration:
    """Gelijkgestelde dagen are data a caller can extend."""

    def test_unknown_year_is_provisional(self) -> None:
        """A deadline in 2030, with no besluit known yet, is flagged."""
        deadline = term_end(date(2030, 3, 1), weeks=6, kind=STATUTORY)
        assert deadline.provisional
        assert not is_covered(2030)

    def test_add_new_besluit(self) -> None:
        """A newly published besluit moves deadlines without editing the library."""
        besluit = Besluit(
            title="Besluit gelijkstelling (test) 2029-2031",
            citation="Stcrt. test",
            first_year=2029,
            last_year=2031,
            days=(date(2030, 5, 31),),  # Friday after Hemelvaart 30 May 2030
        )
        calendar = AtwCalendar().with_besluit(besluit)
        # 18 April 2030 + 6 weeks = Thursday 30 May 2030, Hemelvaartsdag.
        plain = term_end(date(2030, 4, 18), weeks=6, kind=STATUTORY)
        extended = term_end(
            date(2030, 4, 18), weeks=6, kind=STATUTORY, calendar=calendar
        )
        assert date(2030, 5, 31) == plain.due
        assert date(2030, 6, 3) == extended.due
        assert is_holiday(date(2030, 5, 31), calendar=calendar)
        assert not is_holiday(date(2030, 5, 31))
        assert is_covered(2030, calendar=calendar)

    def test_overlapping_besluiten_refused(self) -> None:
        """Two besluiten for the same year are a definition error."""
        clash = Besluit("x", "y", 2026, 2026, ())
        with pytest.raises(klachtrecht.DefinitionError, match="2026"):
            AtwCalendar().with_besluit(clash)

    def test_besluit_day_outside_period(self) -> None:
        """A besluit listing a day outside its own years is refused."""
        with pytest.raises(klachtrecht.DefinitionError, match="2031-01-02"):
            Besluit("x", "y", 2029, 2030, (date(2031, 1, 2),))

    def test_calendars_are_independent(self) -> None:
        """Extending one calendar does not change the default one."""
        AtwCalendar().with_besluit(Besluit("t", "c", 2040, 2040, (date(2040, 6, 1),)))
        assert is_working_day(date(2040, 6, 1))


class TestReceiptDate:
    """The Dutch calendar date of a moment of receipt."""

    def test_late_evening_utc_is_next_day_in_amsterdam(self) -> None:
        """23:30 UTC on 14 May 2026 is 15 May in Amsterdam (CEST, UTC+2)."""
        moment = datetime(2026, 5, 14, 23, 30, tzinfo=UTC)
        assert date(2026, 5, 15) == receipt_date(moment)

    def test_winter_offset(self) -> None:
        """22:59 UTC on 1 Dec 2026 is still 1 Dec in Amsterdam (CET, UTC+1)."""
        moment = datetime(2026, 12, 1, 22, 59, tzinfo=UTC)
        assert date(2026, 12, 1) == receipt_date(moment)
        later = datetime(2026, 12, 1, 23, 0, tzinfo=UTC)
        assert date(2026, 12, 2) == receipt_date(later)

    def test_amsterdam_moment(self) -> None:
        """An Amsterdam-aware moment keeps its own date."""
        moment = datetime(2026, 3, 29, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
        assert date(2026, 3, 29) == receipt_date(moment)

    def test_date_passes_through(self) -> None:
        """A plain date is returned unchanged."""
        assert date(2026, 1, 6) == receipt_date(date(2026, 1, 6))

    def test_naive_refused(self) -> None:
        """A naive datetime is refused, never guessed."""
        with pytest.raises(klachtrecht.InvalidDateError, match="naive"):
            receipt_date(datetime(2026, 5, 14, 12, 0))  # noqa: DTZ001

    def test_naive_is_value_error(self) -> None:
        """Callers catching ValueError catch the naive-datetime refusal."""
        with pytest.raises(ValueError, match="naive"):
            receipt_date(datetime(2026, 5, 14, 12, 0))  # noqa: DTZ001


class TestBadInput:
    """Bad input raises a clear KlachtrechtError, never a silently wrong date."""

    @pytest.mark.parametrize(
        "value", ["2026-05-14", 20260514, None, datetime(2026, 5, 14, tzinfo=UTC)]
    )
    def test_non_date_refused(self, value: object) -> None:
        """Strings, numbers, None and datetimes are not days."""
        with pytest.raises(klachtrecht.ArgumentTypeError):
            is_holiday(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            term_end(value, weeks=6, kind=STATUTORY)  # type: ignore[arg-type]

    @pytest.mark.parametrize("value", [True, 6.0, "6", None])
    def test_non_int_amount_refused(self, value: object) -> None:
        """Bools, floats and strings are not an amount of weeks."""
        with pytest.raises(klachtrecht.ArgumentTypeError, match="weeks"):
            term_end(date(2026, 1, 5), weeks=value, kind=STATUTORY)  # type: ignore[arg-type]
        with pytest.raises(klachtrecht.ArgumentTypeError):
            add_working_days(date(2026, 1, 5), value)  # type: ignore[arg-type]

    def test_negative_term_refused(self) -> None:
        """A negative term is refused."""
        with pytest.raises(klachtrecht.InvalidTermError, match="negative"):
            term_end(date(2026, 1, 5), weeks=-1, kind=STATUTORY)

    def test_mixed_units_refused(self) -> None:
        """A term must have exactly one unit."""
        with pytest.raises(klachtrecht.InvalidTermError, match="exactly one"):
            term_end(date(2026, 1, 5), weeks=6, days=2, kind=STATUTORY)
        with pytest.raises(klachtrecht.InvalidTermError, match="exactly one"):
            term_end(date(2026, 1, 5), kind=STATUTORY)

    def test_kind_required(self) -> None:
        """The caller must say whether a term is statutory."""
        with pytest.raises(TypeError):
            term_end(date(2026, 1, 5), weeks=6)  # type: ignore[call-arg]
        with pytest.raises(klachtrecht.ArgumentTypeError, match="TermKind"):
            term_end(date(2026, 1, 5), weeks=6, kind="statutory")  # type: ignore[arg-type]

    @pytest.mark.parametrize("day", [date(1999, 12, 31), date(2100, 1, 1)])
    def test_out_of_range_refused(self, day: date) -> None:
        """Dates outside the supported range are refused."""
        with pytest.raises(klachtrecht.InvalidDateError, match="supported range"):
            is_working_day(day)

    def test_result_past_range_refused(self) -> None:
        """A term running past the supported range is refused, not truncated."""
        with pytest.raises(klachtrecht.InvalidDateError, match="supported range"):
            term_end(MAX_DATE - timedelta(days=3), weeks=6, kind=STATUTORY)
        with pytest.raises(klachtrecht.InvalidDateError, match="supported range"):
            add_working_days(MIN_DATE + timedelta(days=3), -10)

    def test_all_errors_share_root(self) -> None:
        """Every public error derives from KlachtrechtError and from the builtin
        a caller expects (AttributeError for setting a read-only attribute)."""
        for name in klachtrecht.__all__:
            obj = getattr(klachtrecht, name)
            if isinstance(obj, type) and issubclass(obj, Exception):
                assert issubclass(obj, klachtrecht.KlachtrechtError)
                expected = (
                    AttributeError
                    if obj is klachtrecht.ReadOnlyError
                    else TypeError | ValueError | LookupError
                )
                assert obj is klachtrecht.KlachtrechtError or issubclass(obj, expected)
