"""The besluit gelijkstelling 2017-2019 as data, and 2020-2022 as provisional years.

Every date below is written out by hand. Source of the days: article 1 of the
"Besluit van 24 oktober 2016, nr. 2016001827, houdende gelijkstelling van 28
april en 26 mei 2017, 11 mei en 24 en 31 december 2018 en 31 mei en 27 december
2019 met een algemeen erkende feestdag" (BWBR0038666, read verbatim on
wetten.overheid.nl, version 2016-11-01; law-more.md §1b). Bailiffs' lists of
explootvrije dagen name 31 May and 27 December 2019 too (law-more.md §1f).
For 2020-2022 no besluit was found (law-more.md §1g): those years are computed
without gelijkgestelde dagen and flagged provisional.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import pytest

from klachtrecht.deadlines import (
    DEFAULT_BESLUITEN,
    AtwCalendar,
    TermKind,
    holidays,
    is_covered,
    is_holiday,
    is_working_day,
    term_end,
)

STATUTORY: Final = TermKind.STATUTORY
TITLE: Final = (
    "Besluit gelijkstelling van 28 april en 26 mei 2017, 11 mei en 24 en "
    "31 december 2018 en 31 mei en 27 december 2019 met een algemeen erkende "
    "feestdag"
)

#: The seven days of art. 1, with the weekday and why (weekday checked below).
BESLUIT_2016_DAYS: Final = (
    (date(2017, 4, 28), 4),  # Friday after Koningsdag (Thursday 27 April)
    (date(2017, 5, 26), 4),  # Friday after Hemelvaartsdag (25 May)
    (date(2018, 5, 11), 4),  # Friday after Hemelvaartsdag (10 May)
    (date(2018, 12, 24), 0),  # Monday before Eerste Kerstdag (Tuesday)
    (date(2018, 12, 31), 0),  # Monday before Nieuwjaarsdag 2019 (Tuesday)
    (date(2019, 5, 31), 4),  # Friday after Hemelvaartsdag (30 May)
    (date(2019, 12, 27), 4),  # Friday after Tweede Kerstdag (Thursday)
)


def _id(value: object) -> str:
    """A test id: dates in ISO form, weekdays as their number."""
    return value.isoformat() if isinstance(value, date) else str(value)


class TestBesluit2016:
    """The besluit of 24 October 2016 is shipped as data, with its citation."""

    def test_shipped_first(self) -> None:
        """The first shipped besluit is the 2017-2019 one, with these seven days."""
        besluit = DEFAULT_BESLUITEN[0]
        expected = (TITLE, 2017, 2019, tuple(d for d, _ in BESLUIT_2016_DAYS))
        assert expected == (
            besluit.title,
            besluit.first_year,
            besluit.last_year,
            besluit.days,
        )

    def test_citation_names_the_besluit_and_its_gap(self) -> None:
        """The citation names the besluit, the BWB id and that the Stcrt. is unread."""
        citation = DEFAULT_BESLUITEN[0].citation
        assert "Besluit van 24 oktober 2016, nr. 2016001827" in citation
        assert "BWBR0038666" in citation
        assert "UNCONFIRMED" in citation

    @pytest.mark.parametrize(("day", "weekday"), BESLUIT_2016_DAYS, ids=_id)
    def test_day_is_gelijkgesteld(self, day: date, weekday: int) -> None:
        """Each day of art. 1 is a feestdag (art. 3 lid 3), never a working day."""
        assert weekday == day.weekday()
        assert (True, False) == (is_holiday(day), is_working_day(day))
        sources = [h.source for h in holidays(day.year) if h.day == day]
        assert [f"Atw art. 3 lid 3; {TITLE}"] == sources

    @pytest.mark.parametrize("year", [2017, 2018, 2019])
    def test_years_covered(self, year: int) -> None:
        """2017, 2018 and 2019 are covered by the besluit."""
        assert is_covered(year)

    @pytest.mark.parametrize(
        "day",
        [
            date(2017, 12, 27),  # Wednesday after Christmas 2017: not in art. 1
            date(2019, 12, 24),  # Tuesday before Christmas 2019: not in art. 1
            date(2018, 4, 26),  # Thursday before Koningsdag 2018 (Friday)
        ],
        ids=_id,
    )
    def test_other_days_are_working_days(self, day: date) -> None:
        """Days the besluit does not name stay working days (never a pattern)."""
        assert is_working_day(day)


#: A six-week statutory term (e.g. Wkkgz art. 17 lid 1) whose plain end is a
#: gelijkgestelde dag of 2017-2019: (received, plain end, due). Atw art. 1 lid 1
#: moves it to the next working day.
SIX_WEEKS: Final = (
    (date(2017, 3, 17), date(2017, 4, 28), date(2017, 5, 1)),
    (date(2017, 4, 14), date(2017, 5, 26), date(2017, 5, 29)),
    (date(2018, 3, 30), date(2018, 5, 11), date(2018, 5, 14)),
    (date(2018, 11, 12), date(2018, 12, 24), date(2018, 12, 27)),
    (date(2018, 11, 19), date(2018, 12, 31), date(2019, 1, 2)),
    (date(2019, 4, 19), date(2019, 5, 31), date(2019, 6, 3)),
    (date(2019, 11, 15), date(2019, 12, 27), date(2019, 12, 30)),
)


class TestTermsEndingOnAGelijkgesteldeDag:
    """Terms of 2017-2019 are exact: a gelijkgestelde dag moves the due date."""

    @pytest.mark.parametrize(("received", "plain", "due"), SIX_WEEKS, ids=_id)
    def test_six_weeks(self, received: date, plain: date, due: date) -> None:
        """Six weeks ending on a gelijkgestelde dag run to the next working day."""
        deadline = term_end(received, weeks=6, kind=STATUTORY)
        assert (plain, due, False) == (
            deadline.plain_end,
            deadline.due,
            deadline.provisional,
        )

    @pytest.mark.parametrize(("received", "plain", "due"), SIX_WEEKS, ids=_id)
    def test_without_the_besluit_it_would_be_earlier(
        self, received: date, plain: date, due: date
    ) -> None:
        """Without the besluit the due date would be the plain end (too early)."""
        bare = AtwCalendar(besluiten=DEFAULT_BESLUITEN[1:])
        deadline = term_end(received, weeks=6, kind=STATUTORY, calendar=bare)
        assert (plain, True) == (deadline.due, deadline.provisional)
        assert plain < due

    def test_christmas_2018_three_days(self) -> None:
        """Three days from Thursday 20 December 2018 end Sunday 23; Monday 24
        (gelijkgesteld) and both Kerstdagen push the due date to Thursday 27."""
        deadline = term_end(date(2018, 12, 20), days=3, kind=STATUTORY)
        assert date(2018, 12, 27) == deadline.due

    def test_christmas_2019_three_days(self) -> None:
        """Three days from Monday 23 December 2019 end on Tweede Kerstdag; Friday
        27 (gelijkgesteld) and the weekend push the due date to Monday 30."""
        deadline = term_end(date(2019, 12, 23), days=3, kind=STATUTORY)
        assert date(2019, 12, 30) == deadline.due

    def test_trail_cites_the_besluit(self) -> None:
        """The trail names the besluit that made the day a feestdag."""
        deadline = term_end(date(2018, 11, 12), weeks=6, kind=STATUTORY)
        expected = (
            f"Mon 24 Dec 2018: is a gelijkgestelde dag (Atw art. 3 lid 3; {TITLE})"
        )
        assert expected in [str(step) for step in deadline.steps]


class TestProvisionalYears2020To2022:
    """No besluit for 2020-2022 is known: computed without one, and flagged."""

    @pytest.mark.parametrize("year", [2020, 2021, 2022])
    def test_not_covered(self, year: int) -> None:
        """2020, 2021 and 2022 are not covered."""
        assert not is_covered(year)

    @pytest.mark.parametrize(
        ("received", "due"),
        [
            # day after Hemelvaartsdag 2020 (no source at all)
            (date(2020, 4, 10), date(2020, 5, 22)),
            # 14 May 2021: only bailiffs' pages (law-more.md §1f)
            (date(2021, 4, 2), date(2021, 5, 14)),
            # 27 May 2022: one law firm's page (law.md §4, law-more.md §1c)
            (date(2022, 4, 15), date(2022, 5, 27)),
        ],
        ids=_id,
    )
    def test_attested_days_not_shipped(self, received: date, due: date) -> None:
        """A term ending on a day only secondary pages call gelijkgesteld ends
        there (early, never late) and is flagged provisional."""
        deadline = term_end(received, weeks=6, kind=STATUTORY)
        assert (due, True) == (deadline.due, deadline.provisional)
        assert not is_holiday(due)

    def test_term_from_2019_into_2020_is_provisional(self) -> None:
        """A term starting in a covered year and ending in 2020 is provisional."""
        deadline = term_end(date(2019, 12, 20), weeks=3, kind=STATUTORY)
        assert (date(2020, 1, 10), True) == (deadline.due, deadline.provisional)

    def test_term_from_2022_into_2023_is_provisional(self) -> None:
        """A term from 2022 into the covered 2023 stays provisional."""
        deadline = term_end(date(2022, 12, 1), weeks=6, kind=STATUTORY)
        assert deadline.provisional

    def test_term_inside_2019_is_final(self) -> None:
        """A term wholly inside 2019 is not provisional."""
        deadline = term_end(date(2019, 1, 7), weeks=6, kind=STATUTORY)
        assert (date(2019, 2, 18), False) == (deadline.due, deadline.provisional)
