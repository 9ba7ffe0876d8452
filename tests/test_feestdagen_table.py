"""Literal-table test of the Atw calendar (algemeen erkende feestdagen).

In the style of dateutil's ``tests/test_easter.py``: every date below is written
out by hand, never computed in this file (no ``dateutil.easter``, no formula), so
the table is an independent check of :mod:`klachtrecht._feestdagen`. It was
cross-checked at writing time against ``holidays`` 0.109 (``holidays.NL`` with
categories public + optional) and ``workalendar`` 17.0.0
(``workalendar.europe.Netherlands``) in a scratch script outside the test-suite.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Final

import holidays as holidays_pkg
import pytest

from klachtrecht import deadlines

NIEUWJAARSDAG: Final = "Nieuwjaarsdag"
GOEDE_VRIJDAG: Final = "Goede Vrijdag"
TWEEDE_PAASDAG: Final = "Tweede Paasdag"
KONINGSDAG: Final = "Koningsdag"
BEVRIJDINGSDAG: Final = "Bevrijdingsdag"
HEMELVAARTSDAG: Final = "Hemelvaartsdag"
TWEEDE_PINKSTERDAG: Final = "Tweede Pinksterdag"
EERSTE_KERSTDAG: Final = "Eerste Kerstdag"
TWEEDE_KERSTDAG: Final = "Tweede Kerstdag"
GELIJKGESTELD: Final = "gelijkgestelde dag"

# Source: Algemene termijnenwet (BWBR0002448, text 2010-10-10) art. 3 lid 1
# (Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen, Hemelvaartsdag,
# de dag waarop de verjaardag van de Koning wordt gevierd, de vijfde mei - every
# year) and art. 3 lid 2 (Goede Vrijdag); /work/shared/domain/law.md §4.
# Koningsdag is 27 April, or Saturday 26 April when 27 April is a Sunday (2014,
# 2025; koninklijkhuis.nl via law.md §4). Easter-derived dates hand-written and
# cross-checked against holidays 0.109 and workalendar 17.0.0 (see module doc).
ATW_ART3_LID1_2: Final[tuple[tuple[date, str], ...]] = (
    # 2014 (Eerste Paasdag 20 April; 27 April a Sunday)
    (date(2014, 1, 1), NIEUWJAARSDAG),
    (date(2014, 4, 18), GOEDE_VRIJDAG),
    (date(2014, 4, 21), TWEEDE_PAASDAG),
    (date(2014, 4, 26), KONINGSDAG),
    (date(2014, 5, 5), BEVRIJDINGSDAG),
    (date(2014, 5, 29), HEMELVAARTSDAG),
    (date(2014, 6, 9), TWEEDE_PINKSTERDAG),
    (date(2014, 12, 25), EERSTE_KERSTDAG),
    (date(2014, 12, 26), TWEEDE_KERSTDAG),
    # 2015 (Eerste Paasdag 5 April)
    (date(2015, 1, 1), NIEUWJAARSDAG),
    (date(2015, 4, 3), GOEDE_VRIJDAG),
    (date(2015, 4, 6), TWEEDE_PAASDAG),
    (date(2015, 4, 27), KONINGSDAG),
    (date(2015, 5, 5), BEVRIJDINGSDAG),
    (date(2015, 5, 14), HEMELVAARTSDAG),
    (date(2015, 5, 25), TWEEDE_PINKSTERDAG),
    (date(2015, 12, 25), EERSTE_KERSTDAG),
    (date(2015, 12, 26), TWEEDE_KERSTDAG),
    # 2016 (Eerste Paasdag 27 March; Hemelvaartsdag falls on the vijfde mei)
    (date(2016, 1, 1), NIEUWJAARSDAG),
    (date(2016, 3, 25), GOEDE_VRIJDAG),
    (date(2016, 3, 28), TWEEDE_PAASDAG),
    (date(2016, 4, 27), KONINGSDAG),
    (date(2016, 5, 5), BEVRIJDINGSDAG),
    (date(2016, 5, 5), HEMELVAARTSDAG),
    (date(2016, 5, 16), TWEEDE_PINKSTERDAG),
    (date(2016, 12, 25), EERSTE_KERSTDAG),
    (date(2016, 12, 26), TWEEDE_KERSTDAG),
    # 2017 (Eerste Paasdag 16 April)
    (date(2017, 1, 1), NIEUWJAARSDAG),
    (date(2017, 4, 14), GOEDE_VRIJDAG),
    (date(2017, 4, 17), TWEEDE_PAASDAG),
    (date(2017, 4, 27), KONINGSDAG),
    (date(2017, 5, 5), BEVRIJDINGSDAG),
    (date(2017, 5, 25), HEMELVAARTSDAG),
    (date(2017, 6, 5), TWEEDE_PINKSTERDAG),
    (date(2017, 12, 25), EERSTE_KERSTDAG),
    (date(2017, 12, 26), TWEEDE_KERSTDAG),
    # 2018 (Eerste Paasdag 1 April)
    (date(2018, 1, 1), NIEUWJAARSDAG),
    (date(2018, 3, 30), GOEDE_VRIJDAG),
    (date(2018, 4, 2), TWEEDE_PAASDAG),
    (date(2018, 4, 27), KONINGSDAG),
    (date(2018, 5, 5), BEVRIJDINGSDAG),
    (date(2018, 5, 10), HEMELVAARTSDAG),
    (date(2018, 5, 21), TWEEDE_PINKSTERDAG),
    (date(2018, 12, 25), EERSTE_KERSTDAG),
    (date(2018, 12, 26), TWEEDE_KERSTDAG),
    # 2019 (Eerste Paasdag 21 April)
    (date(2019, 1, 1), NIEUWJAARSDAG),
    (date(2019, 4, 19), GOEDE_VRIJDAG),
    (date(2019, 4, 22), TWEEDE_PAASDAG),
    (date(2019, 4, 27), KONINGSDAG),
    (date(2019, 5, 5), BEVRIJDINGSDAG),
    (date(2019, 5, 30), HEMELVAARTSDAG),
    (date(2019, 6, 10), TWEEDE_PINKSTERDAG),
    (date(2019, 12, 25), EERSTE_KERSTDAG),
    (date(2019, 12, 26), TWEEDE_KERSTDAG),
    # 2020 (Eerste Paasdag 12 April)
    (date(2020, 1, 1), NIEUWJAARSDAG),
    (date(2020, 4, 10), GOEDE_VRIJDAG),
    (date(2020, 4, 13), TWEEDE_PAASDAG),
    (date(2020, 4, 27), KONINGSDAG),
    (date(2020, 5, 5), BEVRIJDINGSDAG),
    (date(2020, 5, 21), HEMELVAARTSDAG),
    (date(2020, 6, 1), TWEEDE_PINKSTERDAG),
    (date(2020, 12, 25), EERSTE_KERSTDAG),
    (date(2020, 12, 26), TWEEDE_KERSTDAG),
    # 2021 (Eerste Paasdag 4 April)
    (date(2021, 1, 1), NIEUWJAARSDAG),
    (date(2021, 4, 2), GOEDE_VRIJDAG),
    (date(2021, 4, 5), TWEEDE_PAASDAG),
    (date(2021, 4, 27), KONINGSDAG),
    (date(2021, 5, 5), BEVRIJDINGSDAG),
    (date(2021, 5, 13), HEMELVAARTSDAG),
    (date(2021, 5, 24), TWEEDE_PINKSTERDAG),
    (date(2021, 12, 25), EERSTE_KERSTDAG),
    (date(2021, 12, 26), TWEEDE_KERSTDAG),
    # 2022 (Eerste Paasdag 17 April)
    (date(2022, 1, 1), NIEUWJAARSDAG),
    (date(2022, 4, 15), GOEDE_VRIJDAG),
    (date(2022, 4, 18), TWEEDE_PAASDAG),
    (date(2022, 4, 27), KONINGSDAG),
    (date(2022, 5, 5), BEVRIJDINGSDAG),
    (date(2022, 5, 26), HEMELVAARTSDAG),
    (date(2022, 6, 6), TWEEDE_PINKSTERDAG),
    (date(2022, 12, 25), EERSTE_KERSTDAG),
    (date(2022, 12, 26), TWEEDE_KERSTDAG),
    # 2023 (Eerste Paasdag 9 April)
    (date(2023, 1, 1), NIEUWJAARSDAG),
    (date(2023, 4, 7), GOEDE_VRIJDAG),
    (date(2023, 4, 10), TWEEDE_PAASDAG),
    (date(2023, 4, 27), KONINGSDAG),
    (date(2023, 5, 5), BEVRIJDINGSDAG),
    (date(2023, 5, 18), HEMELVAARTSDAG),
    (date(2023, 5, 29), TWEEDE_PINKSTERDAG),
    (date(2023, 12, 25), EERSTE_KERSTDAG),
    (date(2023, 12, 26), TWEEDE_KERSTDAG),
    # 2024 (Eerste Paasdag 31 March)
    (date(2024, 1, 1), NIEUWJAARSDAG),
    (date(2024, 3, 29), GOEDE_VRIJDAG),
    (date(2024, 4, 1), TWEEDE_PAASDAG),
    (date(2024, 4, 27), KONINGSDAG),
    (date(2024, 5, 5), BEVRIJDINGSDAG),
    (date(2024, 5, 9), HEMELVAARTSDAG),
    (date(2024, 5, 20), TWEEDE_PINKSTERDAG),
    (date(2024, 12, 25), EERSTE_KERSTDAG),
    (date(2024, 12, 26), TWEEDE_KERSTDAG),
    # 2025 (Eerste Paasdag 20 April; 27 April a Sunday)
    (date(2025, 1, 1), NIEUWJAARSDAG),
    (date(2025, 4, 18), GOEDE_VRIJDAG),
    (date(2025, 4, 21), TWEEDE_PAASDAG),
    (date(2025, 4, 26), KONINGSDAG),
    (date(2025, 5, 5), BEVRIJDINGSDAG),
    (date(2025, 5, 29), HEMELVAARTSDAG),
    (date(2025, 6, 9), TWEEDE_PINKSTERDAG),
    (date(2025, 12, 25), EERSTE_KERSTDAG),
    (date(2025, 12, 26), TWEEDE_KERSTDAG),
    # 2026 (Eerste Paasdag 5 April)
    (date(2026, 1, 1), NIEUWJAARSDAG),
    (date(2026, 4, 3), GOEDE_VRIJDAG),
    (date(2026, 4, 6), TWEEDE_PAASDAG),
    (date(2026, 4, 27), KONINGSDAG),
    (date(2026, 5, 5), BEVRIJDINGSDAG),
    (date(2026, 5, 14), HEMELVAARTSDAG),
    (date(2026, 5, 25), TWEEDE_PINKSTERDAG),
    (date(2026, 12, 25), EERSTE_KERSTDAG),
    (date(2026, 12, 26), TWEEDE_KERSTDAG),
    # 2027 (Eerste Paasdag 28 March)
    (date(2027, 1, 1), NIEUWJAARSDAG),
    (date(2027, 3, 26), GOEDE_VRIJDAG),
    (date(2027, 3, 29), TWEEDE_PAASDAG),
    (date(2027, 4, 27), KONINGSDAG),
    (date(2027, 5, 5), BEVRIJDINGSDAG),
    (date(2027, 5, 6), HEMELVAARTSDAG),
    (date(2027, 5, 17), TWEEDE_PINKSTERDAG),
    (date(2027, 12, 25), EERSTE_KERSTDAG),
    (date(2027, 12, 26), TWEEDE_KERSTDAG),
    # 2028 (Eerste Paasdag 16 April)
    (date(2028, 1, 1), NIEUWJAARSDAG),
    (date(2028, 4, 14), GOEDE_VRIJDAG),
    (date(2028, 4, 17), TWEEDE_PAASDAG),
    (date(2028, 4, 27), KONINGSDAG),
    (date(2028, 5, 5), BEVRIJDINGSDAG),
    (date(2028, 5, 25), HEMELVAARTSDAG),
    (date(2028, 6, 5), TWEEDE_PINKSTERDAG),
    (date(2028, 12, 25), EERSTE_KERSTDAG),
    (date(2028, 12, 26), TWEEDE_KERSTDAG),
    # 2029 (Eerste Paasdag 1 April)
    (date(2029, 1, 1), NIEUWJAARSDAG),
    (date(2029, 3, 30), GOEDE_VRIJDAG),
    (date(2029, 4, 2), TWEEDE_PAASDAG),
    (date(2029, 4, 27), KONINGSDAG),
    (date(2029, 5, 5), BEVRIJDINGSDAG),
    (date(2029, 5, 10), HEMELVAARTSDAG),
    (date(2029, 5, 21), TWEEDE_PINKSTERDAG),
    (date(2029, 12, 25), EERSTE_KERSTDAG),
    (date(2029, 12, 26), TWEEDE_KERSTDAG),
    # 2030 (Eerste Paasdag 21 April)
    (date(2030, 1, 1), NIEUWJAARSDAG),
    (date(2030, 4, 19), GOEDE_VRIJDAG),
    (date(2030, 4, 22), TWEEDE_PAASDAG),
    (date(2030, 4, 27), KONINGSDAG),
    (date(2030, 5, 5), BEVRIJDINGSDAG),
    (date(2030, 5, 30), HEMELVAARTSDAG),
    (date(2030, 6, 10), TWEEDE_PINKSTERDAG),
    (date(2030, 12, 25), EERSTE_KERSTDAG),
    (date(2030, 12, 26), TWEEDE_KERSTDAG),
)

# Source: Atw art. 3 lid 3 (besluiten gelijkstelling in the Staatscourant):
# 2017-2019 per art. 1 of the Besluit van 24 oktober 2016, nr. 2016001827
# (BWBR0038666), read verbatim (law-more.md §1b); 2023-2025 per sterfgeval.nl
# (UNCONFIRMED against the Staatscourant text), 2026-2028 per Stcrt. 2025, 24713
# (law.md §4). These are the days the library ships in DEFAULT_BESLUITEN; no
# besluit for 2020-2022 is known (law-more.md §1g).
ATW_ART3_LID3: Final[tuple[tuple[date, str], ...]] = (
    (date(2017, 4, 28), GELIJKGESTELD),
    (date(2017, 5, 26), GELIJKGESTELD),
    (date(2018, 5, 11), GELIJKGESTELD),
    (date(2018, 12, 24), GELIJKGESTELD),
    (date(2018, 12, 31), GELIJKGESTELD),
    (date(2019, 5, 31), GELIJKGESTELD),
    (date(2019, 12, 27), GELIJKGESTELD),
    (date(2023, 4, 28), GELIJKGESTELD),
    (date(2023, 5, 19), GELIJKGESTELD),
    (date(2024, 5, 10), GELIJKGESTELD),
    (date(2024, 12, 27), GELIJKGESTELD),
    (date(2025, 5, 30), GELIJKGESTELD),
    (date(2026, 1, 2), GELIJKGESTELD),
    (date(2026, 5, 15), GELIJKGESTELD),
    (date(2027, 5, 7), GELIJKGESTELD),
    (date(2028, 4, 28), GELIJKGESTELD),
    (date(2028, 5, 26), GELIJKGESTELD),
)

# Koninginnedag 2000-2013: 30 April, or Saturday 29 April when 30 April is a
# Sunday (2000, 2006); law.md §4 (Koningsdag) and §5.
KONINGINNEDAG: Final[tuple[date, ...]] = (
    date(2000, 4, 29),
    date(2001, 4, 30),
    date(2002, 4, 30),
    date(2003, 4, 30),
    date(2004, 4, 30),
    date(2005, 4, 30),
    date(2006, 4, 29),
    date(2007, 4, 30),
    date(2008, 4, 30),
    date(2009, 4, 30),
    date(2010, 4, 30),
    date(2011, 4, 30),
    date(2012, 4, 30),
    date(2013, 4, 30),
)

TABLE_YEARS: Final = range(2014, 2031)
COMPARE_YEARS: Final = range(2020, 2031)

ALL_DAYS: Final = ATW_ART3_LID1_2 + ATW_ART3_LID3


def _by_year(table: tuple[tuple[date, str], ...]) -> dict[int, frozenset[date]]:
    """Group a table's dates by year (every table year present, maybe empty)."""
    grouped: defaultdict[int, set[date]] = defaultdict(set)
    for day, _name in table:
        grouped[day.year].add(day)
    return {year: frozenset(grouped[year]) for year in TABLE_YEARS}


STATUTORY_BY_YEAR: Final = _by_year(ATW_ART3_LID1_2)
ALL_BY_YEAR: Final = _by_year(ALL_DAYS)


def _case_id(day: date, name: str) -> str:
    return f"{day.isoformat()}-{name.replace(' ', '-')}"


def _holidays_nl(
    year: int, categories: tuple[str, ...] | None = ("public", "optional")
) -> dict[date, str]:
    """``holidays.NL(years=year, categories=..., language="nl")`` as a plain dict.

    Built through the typed ``holidays.country_holidays("NL", ...)``, which makes
    the same ``holidays.NL`` object (mypy strict cannot see ``holidays.NL``).
    """
    nl = holidays_pkg.country_holidays(
        "NL", years=year, categories=categories, language="nl"
    )
    assert type(nl).__name__ == "NL"
    return dict(nl.items())


TABLE_CASES: Final = [
    pytest.param(day, id=_case_id(day, name)) for day, name in ALL_DAYS
]


class TestTableDates:
    """Every date in the literal table is a feestdag and not a working day."""

    @pytest.mark.parametrize("day", TABLE_CASES)
    def test_is_holiday(self, day: date) -> None:
        """The table date is an algemeen erkende feestdag or gelijkgestelde dag."""
        assert True is deadlines.is_holiday(day)

    @pytest.mark.parametrize("day", TABLE_CASES)
    def test_is_not_working_day(self, day: date) -> None:
        """The table date is not a working day under the Atw."""
        assert False is deadlines.is_working_day(day)


class TestHolidaysPerYear:
    """The library's list for a year is exactly the table, nothing more."""

    @pytest.mark.parametrize("year", TABLE_YEARS)
    def test_holidays_equal_table(self, year: int) -> None:
        """``holidays(year)`` holds exactly the table's days of that year."""
        expected = ALL_BY_YEAR[year]
        actual = frozenset(h.day for h in deadlines.holidays(year))
        assert expected == actual

    @pytest.mark.parametrize("year", TABLE_YEARS)
    def test_statutory_part_equals_table(self, year: int) -> None:
        """The days sourced from art. 3 lid 1 or 2 are exactly the table's."""
        expected = STATUTORY_BY_YEAR[year]
        actual = frozenset(
            h.day for h in deadlines.holidays(year) if "lid 3" not in h.source
        )
        assert expected == actual

    def test_table_size(self) -> None:
        """The table holds nine art. 3 lid 1/2 days a year and 17 lid 3 days."""
        assert (9 * len(TABLE_YEARS), 17) == (
            len(ATW_ART3_LID1_2),
            len(ATW_ART3_LID3),
        )


class TestNonHolidays:
    """Named days that are not feestdagen under the Atw."""

    @pytest.mark.parametrize(
        "day",
        [
            pytest.param(date(2024, 5, 6), id="2024-05-06-plain-Monday"),
            pytest.param(date(2026, 2, 16), id="2026-02-16-Carnaval-Monday"),
            pytest.param(date(2026, 3, 11), id="2026-03-11-Biddag"),
            pytest.param(date(2026, 5, 4), id="2026-05-04-Dodenherdenking"),
            pytest.param(date(2024, 12, 24), id="2024-12-24-Kerstavond"),
            pytest.param(date(2025, 12, 31), id="2025-12-31-Oudejaarsdag"),
            pytest.param(date(2025, 4, 28), id="2025-04-28-Monday-after-Koningsdag"),
        ],
    )
    def test_is_working_day(self, day: date) -> None:
        """A municipal closing day or ordinary weekday is a working day (law.md §4)."""
        expected = (False, True)
        actual = (deadlines.is_holiday(day), deadlines.is_working_day(day))
        assert expected == actual

    @pytest.mark.parametrize(
        "day",
        [
            pytest.param(date(2014, 4, 27), id="2014-04-27-Sunday"),
            pytest.param(date(2025, 4, 27), id="2025-04-27-Sunday"),
            pytest.param(date(2026, 4, 26), id="2026-04-26-Sunday"),
        ],
    )
    def test_sunday_near_koningsdag_is_no_feestdag(self, day: date) -> None:
        """A Sunday 26/27 April is a weekend day, not Koningsdag."""
        expected = (6, False, False)
        actual = (
            day.weekday(),
            deadlines.is_holiday(day),
            deadlines.is_working_day(day),
        )
        assert expected == actual

    def test_koningsdag_2026_is_monday(self) -> None:
        """In 2026 Koningsdag is Monday 27 April, not the Saturday before."""
        expected = (0, True, False)
        actual = (
            date(2026, 4, 27).weekday(),
            deadlines.is_holiday(date(2026, 4, 27)),
            deadlines.is_holiday(date(2026, 4, 25)),
        )
        assert expected == actual


class TestKoninginnedag:
    """Before 2014 the Queen's birthday was celebrated on 30 April."""

    @pytest.mark.parametrize(
        "day",
        [pytest.param(d, id=f"{d.isoformat()}-Koninginnedag") for d in KONINGINNEDAG],
    )
    def test_koninginnedag(self, day: date) -> None:
        """The library's Koninginnedag of that year is the table date."""
        expected = [day]
        actual = [
            h.day for h in deadlines.holidays(day.year) if h.name == "Koninginnedag"
        ]
        assert expected == actual

    @pytest.mark.parametrize(
        "day",
        [pytest.param(d, id=f"{d.isoformat()}-Koninginnedag") for d in KONINGINNEDAG],
    )
    def test_koninginnedag_is_holiday(self, day: date) -> None:
        """Koninginnedag is a feestdag and not a working day."""
        expected = (True, False)
        actual = (deadlines.is_holiday(day), deadlines.is_working_day(day))
        assert expected == actual

    @pytest.mark.parametrize("year", [2000, 2006])
    def test_sunday_30_april_is_not_koninginnedag(self, year: int) -> None:
        """When 30 April is a Sunday, that Sunday itself is not a feestdag."""
        expected = (6, False)
        actual = (date(year, 4, 30).weekday(), deadlines.is_holiday(date(year, 4, 30)))
        assert expected == actual


class TestCoverage:
    """Which years have a known besluit gelijkstelling (art. 3 lid 3)."""

    @pytest.mark.parametrize("year", [2017, 2018, 2019, *range(2023, 2029)])
    def test_covered(self, year: int) -> None:
        """A year settled by a shipped besluit is covered."""
        assert True is deadlines.is_covered(year)

    @pytest.mark.parametrize("year", [2000, 2016, 2020, 2021, 2022, 2029, 2099])
    def test_not_covered(self, year: int) -> None:
        """A year outside the shipped besluiten (2020-2022: none found) is not
        covered."""
        assert False is deadlines.is_covered(year)


class TestHolidaysPackage:
    """Comparison with the ``holidays`` package (law.md §5), which is not the Atw."""

    # holidays.NL lists Eerste Paas- en Pinksterdag, which are always Sundays and
    # not named in Atw art. 3 lid 1; everything else (with the "optional"
    # category, which adds Bevrijdingsdag every year) is art. 3 lid 1/2.
    SUNDAY_NAMES: Final = frozenset({"Eerste paasdag", "Eerste pinksterdag"})

    @pytest.mark.parametrize("year", COMPARE_YEARS)
    def test_public_and_optional_equal_statutory(self, year: int) -> None:
        """``holidays.NL`` public + optional, minus Easter/Whit Sunday, is lid 1/2."""
        nl = _holidays_nl(year)
        expected = STATUTORY_BY_YEAR[year]
        actual = frozenset(
            day for day, name in nl.items() if name not in self.SUNDAY_NAMES
        )
        assert expected == actual

    @pytest.mark.parametrize("year", COMPARE_YEARS)
    def test_dropped_days_are_sundays(self, year: int) -> None:
        """The two days left out of the comparison are both Sundays."""
        nl = _holidays_nl(year)
        expected = [6, 6]
        actual = [
            day.weekday() for day, name in nl.items() if name in self.SUNDAY_NAMES
        ]
        assert expected == actual

    @pytest.mark.parametrize("year", COMPARE_YEARS)
    def test_no_gelijkgestelde_dagen(self, year: int) -> None:
        """``holidays.NL`` knows none of the art. 3 lid 3 days."""
        nl = _holidays_nl(year)
        expected: frozenset[date] = frozenset()
        actual = (ALL_BY_YEAR[year] - STATUTORY_BY_YEAR[year]) & frozenset(nl)
        assert expected == actual

    def test_default_categories_lack_vijfde_mei_2026(self) -> None:
        """Default ``holidays.NL`` omits 5 May 2026, so it is not the Atw calendar."""
        nl = _holidays_nl(2026, categories=None)
        assert False is (date(2026, 5, 5) in nl)


class TestWorkalendar:
    """Comparison with ``workalendar.europe.Netherlands`` (benchmark extra)."""

    # workalendar lists Easter Sunday and Whit Sunday, which are not named in
    # Atw art. 3 lid 1; the rest is art. 3 lid 1/2 (5 May every year).
    SUNDAY_NAMES: Final = frozenset({"Easter Sunday", "Whit Sunday"})

    @pytest.mark.parametrize("year", COMPARE_YEARS)
    def test_equals_statutory(self, year: int) -> None:
        """workalendar, minus Easter/Whit Sunday, is exactly art. 3 lid 1/2."""
        europe = pytest.importorskip("workalendar.europe")
        cal = europe.Netherlands()
        expected = STATUTORY_BY_YEAR[year]
        actual = frozenset(
            day for day, name in cal.holidays(year) if name not in self.SUNDAY_NAMES
        )
        assert expected == actual

    @pytest.mark.parametrize("year", COMPARE_YEARS)
    def test_dropped_days_are_sundays(self, year: int) -> None:
        """The two days left out of the comparison are both Sundays."""
        europe = pytest.importorskip("workalendar.europe")
        cal = europe.Netherlands()
        expected = [6, 6]
        actual = [
            day.weekday()
            for day, name in cal.holidays(year)
            if name in self.SUNDAY_NAMES
        ]
        assert expected == actual
