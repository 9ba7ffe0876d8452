"""Algemeen erkende feestdagen in the sense of the Algemene termijnenwet (Atw).

Official name: Algemene termijnenwet, BWBR0002448, text of 2010-10-10.

More information:
https://wetten.overheid.nl/BWBR0002448/2010-10-10

- Atw art. 3 lid 1: Nieuwjaarsdag, Christelijke tweede Paas- en Pinksterdag, beide
  Kerstdagen, Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt
  gevierd, en de vijfde mei (every year, not only in lustrum years).
- Atw art. 3 lid 2: Goede Vrijdag is gelijkgesteld by the Act itself.
- Atw art. 3 lid 3: other days gelijkgesteld by besluit (Staatscourant); these are
  data (:class:`Besluit`), never a formula.

The ``holidays`` package is deliberately *not* the source of truth here: its
``holidays.NL`` has 5 mei only in lustrum years by default, had Goede Vrijdag
only in some versions, and knows no gelijkgestelde dagen. The test-suite
compares this module with it, so a difference is seen, never trusted blindly.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType

import attrs
from dateutil.easter import easter

from klachtrecht.errors import ArgumentTypeError, DefinitionError, InvalidDateError

__all__ = [
    "BASE",
    "DEFAULT_BESLUITEN",
    "MAX_DATE",
    "MIN_DATE",
    "SPAN",
    "AtwCalendar",
    "Besluit",
    "Holiday",
    "Tables",
    "check_date",
]

#: First date the calendar supports.
MIN_DATE = date(2000, 1, 1)
#: Last date the calendar supports.
MAX_DATE = date(2099, 12, 31)

_ATW_3_1 = "Atw art. 3 lid 1"
_ATW_3_2 = "Atw art. 3 lid 2"
_ATW_3_3 = "Atw art. 3 lid 3"


@attrs.frozen
class Holiday:
    """One algemeen erkende feestdag or gelijkgestelde dag (Atw art. 3).

    ``name`` is the Dutch name; ``source`` the article or besluit it comes from.
    """

    day: date
    name: str
    source: str


def _dates(days: Iterable[date]) -> tuple[date, ...]:
    try:
        return tuple(days)
    except TypeError:
        raise DefinitionError(
            f"besluit days must be an iterable of dates, got {type(days).__name__}"
        ) from None


def _besluiten(besluiten: Iterable[Besluit]) -> tuple[Besluit, ...]:
    try:
        return tuple(besluiten)
    except TypeError:
        raise DefinitionError(
            f"besluiten must be an iterable of Besluit, got {type(besluiten).__name__}"
        ) from None


@attrs.frozen
class Besluit:
    """A besluit gelijkstelling (Atw art. 3 lid 3): days equated with a feestdag.

    ``first_year``..``last_year`` is the period the besluit settles: a year in it
    is *covered*, meaning its gelijkgestelde dagen are known. ``citation`` names
    where it was published (Staatscourant).
    """

    title: str
    citation: str
    first_year: int
    last_year: int
    days: tuple[date, ...] = attrs.field(converter=_dates)

    def __attrs_post_init__(self) -> None:
        for name in ("title", "citation"):
            if type(getattr(self, name)) is not str:
                raise DefinitionError(f"besluit {name} must be a str")
        if type(self.first_year) is not int or type(self.last_year) is not int:
            raise DefinitionError(f"besluit {self.title!r}: years must be ints")
        if not MIN_DATE.year <= self.first_year <= self.last_year <= MAX_DATE.year:
            raise DefinitionError(
                f"besluit {self.title!r}: period {self.first_year}-{self.last_year} "
                f"is empty or outside {MIN_DATE.year}-{MAX_DATE.year}"
            )
        for day in self.days:
            if type(day) is not date:
                raise DefinitionError(
                    f"besluit {self.title!r}: days must be datetime.date values, "
                    f"got {type(day).__name__}"
                )
            if not self.first_year <= day.year <= self.last_year:
                raise DefinitionError(
                    f"besluit {self.title!r}: {day.isoformat()} lies outside "
                    f"its period {self.first_year}-{self.last_year}"
                )


#: The besluiten shipped with klachtrecht (law.md §4, law-more.md §1).
#:
#: - 2017-2019: article 1 read verbatim on wetten.overheid.nl (BWBR0038666,
#:   version 2016-11-01); its Staatscourant number was not on that page.
#: - 2023-2025 and 2026-2028: the day lists rest on the besluit titles (two
#:   independent secondary sources) and bailiffs' lists; the Staatscourant texts
#:   were not read: UNCONFIRMED until checked there.
#:
#: No besluit is shipped for 2020-2022: none was found in any source (only
#: bailiffs' pages name single days of 2021 and 2022, and nothing for 2020), so
#: those years are not covered and deadlines there are ``provisional``; the
#: same holds from 2029 on. Add a besluit with :meth:`AtwCalendar.with_besluit`,
#: or replace these with ``AtwCalendar(besluiten=...)``.
DEFAULT_BESLUITEN: tuple[Besluit, ...] = (
    Besluit(
        title=(
            "Besluit gelijkstelling van 28 april en 26 mei 2017, 11 mei en 24 en "
            "31 december 2018 en 31 mei en 27 december 2019 met een algemeen "
            "erkende feestdag"
        ),
        citation=(
            "Besluit van 24 oktober 2016, nr. 2016001827, art. 1; BWBR0038666, "
            "https://wetten.overheid.nl/BWBR0038666/2016-11-01 (Stcrt. number "
            "not read: UNCONFIRMED)"
        ),
        first_year=2017,
        last_year=2019,
        days=(
            date(2017, 4, 28),
            date(2017, 5, 26),
            date(2018, 5, 11),
            date(2018, 12, 24),
            date(2018, 12, 31),
            date(2019, 5, 31),
            date(2019, 12, 27),
        ),
    ),
    Besluit(
        title=(
            "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, "
            "27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag"
        ),
        citation=(
            "Stcrt. 2022, 7812 (cited by MinBZK RFC-011; list per the title on "
            "sterfgeval.nl; Staatscourant text not read: UNCONFIRMED)"
        ),
        first_year=2023,
        last_year=2025,
        days=(
            date(2023, 4, 28),
            date(2023, 5, 19),
            date(2024, 5, 10),
            date(2024, 12, 27),
            date(2025, 5, 30),
        ),
    ),
    Besluit(
        title=(
            "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, "
            "28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag"
        ),
        citation="Stcrt. 2025, 24713 (Staatscourant text not read: UNCONFIRMED)",
        first_year=2026,
        last_year=2028,
        days=(
            date(2026, 1, 2),
            date(2026, 5, 15),
            date(2027, 5, 7),
            date(2028, 4, 28),
            date(2028, 5, 26),
        ),
    ),
)


def _kings_day(year: int) -> Holiday:
    """The day the King's (Queen's) birthday is celebrated (Atw art. 3 lid 1).

    From 2014 Koningsdag, 27 April; before, Koninginnedag, 30 April. Since 1980
    a Sunday moves the celebration to the Saturday before (koninklijkhuis.nl).
    """
    if year >= 2014:
        day, name = date(year, 4, 27), "Koningsdag"
    else:
        day, name = date(year, 4, 30), "Koninginnedag"
    if day.weekday() == 6:
        day -= timedelta(days=1)
    return Holiday(day, name, _ATW_3_1)


def _statutory_holidays(year: int) -> list[Holiday]:
    """The feestdagen of Atw art. 3 lid 1 and lid 2 for one year."""
    e = easter(year)
    return [
        Holiday(date(year, 1, 1), "Nieuwjaarsdag", _ATW_3_1),
        Holiday(e - timedelta(days=2), "Goede Vrijdag", _ATW_3_2),
        Holiday(e + timedelta(days=1), "Tweede Paasdag", _ATW_3_1),
        _kings_day(year),
        Holiday(date(year, 5, 5), "Bevrijdingsdag (de vijfde mei)", _ATW_3_1),
        Holiday(e + timedelta(days=39), "Hemelvaartsdag", _ATW_3_1),
        Holiday(e + timedelta(days=50), "Tweede Pinksterdag", _ATW_3_1),
        Holiday(date(year, 12, 25), "Eerste Kerstdag", _ATW_3_1),
        Holiday(date(year, 12, 26), "Tweede Kerstdag", _ATW_3_1),
    ]


def check_date(value: object, what: str = "day") -> date:
    """Return ``value`` if it is a plain ``date`` inside the supported range."""
    if type(value) is not date:
        if isinstance(value, date):  # a datetime: which calendar day is ambiguous
            raise ArgumentTypeError(
                f"{what} must be a datetime.date, got a datetime; "
                "use receipt_date() to take its Dutch calendar date"
            )
        raise ArgumentTypeError(
            f"{what} must be a datetime.date, got {type(value).__name__}",
            params={"what": what, "type": type(value).__name__},
        )
    if not MIN_DATE <= value <= MAX_DATE:
        raise InvalidDateError(
            f"{what} {value.isoformat()} is outside the supported range "
            f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}",
            params={"what": what, "min": MIN_DATE, "max": MAX_DATE},
        )
    return value


#: Ordinal of MIN_DATE: index 0 of the day tables.
BASE = _BASE = MIN_DATE.toordinal()
#: Number of days in the supported range.
SPAN = _SPAN = MAX_DATE.toordinal() - _BASE + 1


class Tables:
    """Precomputed day tables of one calendar (internal, built on first use).

    Indexes are ``ordinal - MIN_DATE.toordinal()``.

    - ``free[i]``: 1 when day i is a Saturday, Sunday or feestdag (``bytes``);
    - ``cum[i]``: the number of working days among days ``0 .. i-1`` (tuple);
    - ``work[k]``: the k-th working day of the range, as a ``date`` (tuple);
    - ``named``: ordinal -> the feestdagen on that day (read-only mapping);
    - ``covered``: years with a known besluit gelijkstelling.

    Every table is immutable: the tables are shared by every caller of the
    calendar, across threads.
    """

    __slots__ = ("covered", "cum", "free", "named", "work")

    def __init__(self, calendar: AtwCalendar) -> None:
        named: dict[int, tuple[Holiday, ...]] = {}
        for year in range(MIN_DATE.year, MAX_DATE.year + 1):
            for holiday in calendar.holidays(year):
                ordinal = holiday.day.toordinal()
                named[ordinal] = (*named.get(ordinal, ()), holiday)
        # ordinal 1 (0001-01-01) is a Monday, so (ordinal - 1) % 7 is the weekday
        free = bytes(
            1 if (_BASE + i - 1) % 7 >= 5 or (_BASE + i) in named else 0
            for i in range(_SPAN)
        )
        self.free: bytes = free
        self.cum: tuple[int, ...] = (0, *itertools.accumulate(1 - f for f in free))
        self.work: tuple[date, ...] = tuple(
            date.fromordinal(_BASE + i) for i in range(_SPAN) if not free[i]
        )
        self.named: Mapping[int, tuple[Holiday, ...]] = MappingProxyType(named)
        self.covered = frozenset(
            year
            for besluit in calendar.besluiten
            for year in range(besluit.first_year, besluit.last_year + 1)
        )


#: Serialises the first build of a calendar's tables (a few ms, ~1 MB each).
_TABLES_LOCK = threading.Lock()


@attrs.frozen(cache_hash=True, getstate_setstate=False)
class AtwCalendar:
    """The Atw calendar: weekends, feestdagen (art. 3 lid 1-2) and besluiten (lid 3).

    Immutable; :meth:`with_besluit` returns a new calendar. The day tables are
    built on first use (a few ms) and cached on the instance, so create a
    calendar once and reuse it.
    """

    besluiten: tuple[Besluit, ...] = attrs.field(
        default=DEFAULT_BESLUITEN, converter=_besluiten
    )
    _cache: list[Tables] = attrs.field(
        init=False, factory=list, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        years: dict[int, str] = {}
        for besluit in self.besluiten:
            if not isinstance(besluit, Besluit):
                raise DefinitionError(
                    f"besluiten must hold Besluit values, got {type(besluit).__name__}"
                )
            for year in range(besluit.first_year, besluit.last_year + 1):
                if year in years:
                    raise DefinitionError(
                        f"year {year} is covered by two besluiten: "
                        f"{years[year]!r} and {besluit.title!r}"
                    )
                years[year] = besluit.title

    def __reduce__(self) -> tuple[type[AtwCalendar], tuple[tuple[Besluit, ...]]]:
        # pickle the besluiten only; the tables are rebuilt on first use
        return (AtwCalendar, (self.besluiten,))

    def with_besluit(self, besluit: Besluit) -> AtwCalendar:
        """Return a calendar that also knows ``besluit`` (e.g. one newly published)."""
        return AtwCalendar(besluiten=(*self.besluiten, besluit))

    @property
    def tables(self) -> Tables:
        """The precomputed day tables (built once, on first access, also when
        many threads ask at the same time)."""
        cache = self._cache
        if not cache:
            with _TABLES_LOCK:
                if not cache:
                    cache.append(Tables(self))
        return cache[0]

    # -- queries ---------------------------------------------------------------

    def is_covered(self, year: int) -> bool:
        """Whether a besluit gelijkstelling is known for ``year`` (art. 3 lid 3).

        Covered: 2017-2019, 2023-2025 and 2026-2028 (:data:`DEFAULT_BESLUITEN`).
        Not covered: 2000-2016 (besluiten not shipped), 2020-2022 (no besluit
        found in any source) and 2029 on. In a year that is not covered a
        gelijkgestelde dag may exist or still be published, so a deadline there
        may still move: it is flagged ``provisional``.
        """
        if type(year) is not int:
            raise ArgumentTypeError(
                f"year must be an int, got {type(year).__name__}",
                params={"what": "year", "type": type(year).__name__},
            )
        return any(b.first_year <= year <= b.last_year for b in self.besluiten)

    def holidays(self, year: int) -> tuple[Holiday, ...]:
        """All feestdagen and gelijkgestelde dagen of ``year``, sorted by day."""
        if type(year) is not int:
            raise ArgumentTypeError(
                f"year must be an int, got {type(year).__name__}",
                params={"what": "year", "type": type(year).__name__},
            )
        if not MIN_DATE.year <= year <= MAX_DATE.year:
            shown = year if -(10**9) < year < 10**9 else "(a number that large)"
            raise InvalidDateError(
                f"year {shown} is outside the supported range "
                f"{MIN_DATE.year}..{MAX_DATE.year}",
                params={"what": "year", "min": MIN_DATE.year, "max": MAX_DATE.year},
            )
        found = _statutory_holidays(year)
        for besluit in self.besluiten:
            found.extend(
                Holiday(day, "gelijkgestelde dag", f"{_ATW_3_3}; {besluit.title}")
                for day in besluit.days
                if day.year == year
            )
        return tuple(sorted(found, key=lambda h: (h.day, h.source)))

    def holidays_on(self, day: date) -> tuple[Holiday, ...]:
        """The feestdagen falling on ``day`` (usually none, sometimes two)."""
        check_date(day)
        return self.tables.named.get(day.toordinal(), ())
