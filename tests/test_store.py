"""The SQL case store on SQLite (file and memory) and PostgreSQL, and the
projection rows it is built on."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import compliance
from klachtrecht._examples import EXAMPLES
from klachtrecht.deadlines import (
    DEFAULT_BESLUITEN,
    AtwCalendar,
    Besluit,
    add_working_days,
    default_calendar,
)
from klachtrecht.projection import (
    calendar_fingerprint,
    calendar_rows,
    case_row,
    deadline_rows,
    fingerprint,
)
from klachtrecht.sql import (
    EVENTS,
    METADATA,
    CalendarMismatchError,
    CaseNotFoundError,
    CaseStore,
)
from klachtrecht.testing import cases as case_strategy

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wkkgz")
YEARS = (2025, 2032)


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def written(case_id: str, received: datetime, reg: k.Regime = W) -> k.Case:
    """A Wkkgz case whose written complaint was received at ``received``."""
    case = reg.open(
        case_id,
        at=received,
        klager=k.Party(k.Role.KLAGER, "p", name="PII-Naam"),
        provider=k.Party(k.Role.PROVIDER, "o"),
    )
    return reg.apply(
        case, "submit_written", at=received, by=k.Role.KLAGER, complaint="PII-klacht"
    )


def example_cases() -> list[k.Case]:
    """Every built-in example case, fully played."""
    found = []
    for ex in EXAMPLES:
        reg = k.regime(ex.regime)
        case = reg.open(ex.case_id, at=ex.opened_at, **ex.open_data)
        for step in ex.steps:
            case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
        found.append(case)
    return found


def _pg_engine() -> sa.Engine:
    url = os.environ.get("KLACHTRECHT_PG_URL")
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    if not url:
        reason = (
            "PostgreSQL tests need KLACHTRECHT_PG_URL; start a throw-away server "
            'with eval "$(.ci/postgres.sh start)" (see docs/backends.md)'
        )
        if in_ci:
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.OperationalError:
        if in_ci:
            pytest.fail("CI=true: the PostgreSQL server at KLACHTRECHT_PG_URL is down")
        pytest.skip("the PostgreSQL server at KLACHTRECHT_PG_URL is not reachable")
    return engine


@pytest.fixture(params=["sqlite-memory", "sqlite-file", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """An empty database of each supported kind."""
    if request.param == "sqlite-memory":
        eng = sa.create_engine("sqlite://")
    elif request.param == "sqlite-file":
        eng = sa.create_engine(f"sqlite:///{tmp_path / 'cases.db'}")
    else:
        eng = _pg_engine()
        METADATA.drop_all(eng)
    yield eng
    if request.param == "postgresql":
        METADATA.drop_all(eng)
    eng.dispose()


@pytest.fixture
def store(engine: sa.Engine) -> CaseStore:
    """A store with its tables created, on the default calendar."""
    s = CaseStore(engine, years=YEARS)
    s.create_tables()
    return s


def moved_calendar(day: date) -> AtwCalendar:
    """The shipped calendar with ``day`` (2026-2028) also gelijkgesteld."""
    old = next(b for b in DEFAULT_BESLUITEN if b.first_year == 2026)
    new = Besluit(
        old.title, old.citation, old.first_year, old.last_year, (*old.days, day)
    )
    others = tuple(b for b in DEFAULT_BESLUITEN if b is not old)
    return AtwCalendar(besluiten=(*others, new))


class TestRoundTrip:
    """add, get and save keep the record exact."""

    def test_examples_round_trip(self, store: CaseStore) -> None:
        """Every example case comes back equal, with its projection stored."""
        cases = example_cases()
        for case in cases:
            store.add(case)
        assert store.count() == len(cases)
        for case in cases:
            assert store.get(case.case_id) == case

    def test_events_are_appended(self, store: CaseStore) -> None:
        """save appends the new events; the events table holds one row per
        version."""
        case = written("K-1", at(2026, 4, 2))
        store.add(case)
        later = W.apply(case, "extend", at=at(2026, 5, 11), by=k.Role.PROVIDER, weeks=2)
        store.save(later, expected_version=case.version)
        with store.engine.connect() as conn:
            versions = conn.execute(
                sa.select(EVENTS.c.version)
                .where(EVENTS.c.case_id == "K-1")
                .order_by(EVENTS.c.version)
            ).scalars()
            assert list(versions) == [1, 2, 3]
        assert store.get("K-1") == later

    def test_missing_case(self, store: CaseStore) -> None:
        """An unknown id raises CaseNotFoundError, also a LookupError."""
        with pytest.raises(CaseNotFoundError) as info:
            store.get("K-404")
        assert isinstance(info.value, LookupError)
        assert isinstance(info.value, k.KlachtrechtError)


class TestConcurrency:
    """The compare-and-swap: a stale writer never overwrites."""

    def test_two_workers_same_version(self, store: CaseStore) -> None:
        """Two workers that both read version 2: the second save is refused
        and the first one's case stays stored."""
        store.add(written("K-2", at(2026, 4, 2)))
        first = store.get("K-2")
        second = store.get("K-2")
        a = W.apply(first, "extend", at=at(2026, 5, 11), by=k.Role.PROVIDER, weeks=2)
        b = W.apply(second, "extend", at=at(2026, 5, 12), by=k.Role.PROVIDER, weeks=4)
        store.save(a, expected_version=2)
        with pytest.raises(k.VersionConflictError) as info:
            store.save(b, expected_version=2)
        assert (info.value.expected, info.value.actual) == (2, 3)
        assert store.get("K-2") == a

    def test_diverging_history_refused(self, store: CaseStore) -> None:
        """A case whose history up to expected_version differs from the stored
        one is refused, even at the right version number."""
        store.add(written("K-3", at(2026, 4, 2)))
        other = written("K-3", at(2026, 4, 3))
        later = W.apply(
            other, "extend", at=at(2026, 5, 11), by=k.Role.PROVIDER, weeks=2
        )
        with pytest.raises(k.VersionConflictError):
            store.save(later, expected_version=2)
        assert store.get("K-3").version == 2

    def test_add_twice_refused(self, store: CaseStore) -> None:
        """Adding a case id that is stored raises a conflict at version 0."""
        case = written("K-4", at(2026, 4, 2))
        store.add(case)
        with pytest.raises(k.VersionConflictError) as info:
            store.add(case)
        assert (info.value.expected, info.value.actual) == (0, 2)

    def test_failed_save_is_all_or_nothing(self, store: CaseStore) -> None:
        """A save that fails after its update (an event row is in the way)
        leaves the previous version and projection intact."""
        case = written("K-5", at(2026, 4, 2))
        store.add(case)
        before = store.due_within(date(2026, 5, 11), 5)
        with store.engine.begin() as conn:
            conn.execute(
                EVENTS.insert(),
                {
                    "case_id": "K-5",
                    "version": 3,
                    "event": "x",
                    "at": datetime(2026, 5, 1, tzinfo=AMS),
                    "by": "provider",
                    "record": {},
                },
            )
        later = W.apply(case, "extend", at=at(2026, 5, 11), by=k.Role.PROVIDER, weeks=2)
        with pytest.raises(k.VersionConflictError):
            store.save(later, expected_version=2)
        assert store.get("K-5") == case
        assert store.due_within(date(2026, 5, 11), 5) == before

    def test_bad_expected_version(self, store: CaseStore) -> None:
        """expected_version must be a positive int below the case's version."""
        case = written("K-6", at(2026, 4, 2))
        store.add(case)
        for bad in (0, 2, True):
            with pytest.raises(k.ArgumentTypeError):
                store.save(case, expected_version=bad)


class TestQueries:
    """due_within and overdue in SQL agree with the in-memory answers."""

    def test_due_within_matches_compliance(self, store: CaseStore) -> None:
        """For many days and horizons the SQL answer equals
        compliance.due_within over the loaded cases."""
        cases = example_cases()
        cases += [
            written(f"G-{i:03}", at(2026, 3, 1) + timedelta(days=3 * i))
            for i in range(60)
        ]
        for case in cases:
            store.add(case)
        for on in (date(2026, 4, 30), date(2026, 5, 2), date(2026, 12, 24)):
            for n in (0, 1, 5, 20):
                expected = compliance.due_within(cases, on, working_days=n)
                assert store.due_within(on, n) == expected, (on, n)
        oordeel = store.due_within(date(2026, 4, 30), 20, key="oordeel")
        assert oordeel
        assert {r.key for r in oordeel} == {"oordeel"}

    def test_literal_due_within(self, store: CaseStore) -> None:
        """Written on Thu 2 Apr 2026: the oordeel is due Mon 18 May 2026 (over
        Hemelvaart and the gelijkgestelde 15 May); from Mon 11 May that is the
        third werkdag (12, 13, 18 May), not the fifth calendar day."""
        store.add(written("K-7", at(2026, 4, 2)))
        assert [r.due for r in store.due_within(date(2026, 5, 11), 3)] == [
            date(2026, 5, 18)
        ]
        assert store.due_within(date(2026, 5, 11), 2) == ()

    def test_overdue_matches_check(self, store: CaseStore) -> None:
        """overdue lists exactly the missed obligations compliance.check finds."""
        cases = example_cases()
        for case in cases:
            store.add(case)
        on = date(2027, 1, 4)
        expected = sorted(
            (f.case_id, f.key, f.due)
            for case in cases
            for f in compliance.check(case, on)
            if f.status is k.Status.MISSED
        )
        found = [(r.case_id, r.key, r.due) for r in store.overdue(on)]
        assert found == sorted(found, key=lambda t: (t[2], t[0], t[1]))
        assert sorted(found) == expected
        assert expected

    def test_day_outside_calendar_table(self, store: CaseStore) -> None:
        """A day outside the calendar table's years is refused, not answered
        with nothing."""
        with pytest.raises(k.InvalidDateError):
            store.due_within(date(2040, 1, 1), 5)
        with pytest.raises(k.InvalidDateError):
            store.due_within(date(YEARS[1], 12, 28), 5)


class TestQueryProperty:
    """Generated cases of every regime: SQL and memory agree."""

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        data=st.data(),
        on=st.dates(date(2016, 1, 1), date(2031, 11, 30)),
        n=st.integers(0, 25),
    )
    def test_store_agrees_with_compliance(
        self, data: st.DataObject, on: date, n: int
    ) -> None:
        """due_within and overdue from the SQLite tables equal the answers of
        compliance over the same generated cases, and every case loads back."""
        name = data.draw(st.sampled_from(sorted(k.REGIMES)))
        drawn = data.draw(st.lists(case_strategy(name, max_steps=8), max_size=6))
        unique = list({c.case_id: c for c in drawn}.values())
        store = CaseStore(sa.create_engine("sqlite://"), years=(2016, 2031))
        store.create_tables()
        store.add_all(unique)
        assert store.due_within(on, n) == compliance.due_within(
            unique, on, working_days=n
        )
        missed = sorted(
            (f.case_id, f.key)
            for c in unique
            for f in compliance.check(c, on)
            if f.status is k.Status.MISSED
        )
        assert sorted((r.case_id, r.key) for r in store.overdue(on)) == missed
        for case in unique:
            assert store.get(case.case_id) == case


class TestCalendar:
    """The calendar travels with the database; refresh adopts a new one."""

    def test_refresh_after_new_besluit(self, store: CaseStore) -> None:
        """When 18 May 2026 becomes a gelijkgestelde dag the oordeel moves to
        19 May: a store with the new calendar refuses stale rows until refresh,
        which recomputes them."""
        store.add(written("K-8", at(2026, 4, 2)))
        store.add(written("K-9", at(2026, 1, 5)))
        new = CaseStore(store.engine, calendar=moved_calendar(date(2026, 5, 18)))
        new.years = YEARS
        assert new.stale() == 2
        with pytest.raises(CalendarMismatchError):
            new.due_within(date(2026, 5, 11), 5)
        assert new.refresh() == 2
        assert new.stale() == 0
        assert [r.due for r in new.due_within(date(2026, 5, 11), 5)] == [
            date(2026, 5, 19)
        ]
        # a worker opened without calendar= now uses the database's calendar
        worker = CaseStore(store.engine, years=YEARS)
        assert worker.calendar == new.calendar
        assert worker.due_within(date(2026, 5, 11), 5) == new.due_within(
            date(2026, 5, 11), 5
        )

    def test_stale_writer_refused(self, store: CaseStore) -> None:
        """A store holding another calendar than the database's cannot write."""
        other = CaseStore(store.engine, calendar=moved_calendar(date(2026, 5, 18)))
        with pytest.raises(CalendarMismatchError):
            other.add(written("K-10", at(2026, 4, 2)))
        assert store.count() == 0

    def test_load_with_store_calendar(self, engine: sa.Engine) -> None:
        """A case extended on a day only the custom calendar allows is stored
        and read back by a store holding that calendar."""
        cal = moved_calendar(date(2026, 5, 18))
        reg = k.regime("wkkgz", calendar=cal)
        case = written("K-11", at(2026, 4, 2), reg)
        case = reg.apply(
            case, "extend", at=at(2026, 5, 19), by=k.Role.PROVIDER, weeks=1
        )
        s = CaseStore(engine, calendar=cal, years=YEARS)
        s.create_tables()
        s.add(case)
        assert s.get("K-11") == case
        assert CaseStore(engine, years=YEARS).get("K-11") == case


class TestProjection:
    """The pure rows."""

    def test_calendar_rows_match_add_working_days(self) -> None:
        """The N-th working day after d is the working day with index
        d.index + N, as add_working_days counts."""
        rows = list(calendar_rows(2026, 2027))
        by_index = {r.working_index: r.day for r in rows if r.working}
        for row in rows[::7]:
            for n in (1, 5, 10):
                if row.working_index + n in by_index:
                    assert by_index[row.working_index + n] == add_working_days(
                        row.day, n
                    )
        why = {r.day: r.why for r in rows}
        assert why[date(2026, 5, 15)].startswith("gelijkgestelde dag (Atw art. 3 lid 3")
        assert why[date(2026, 5, 16)] == "Saturday"
        assert why[date(2026, 5, 18)] == ""

    def test_case_row(self) -> None:
        """The summary names the next open obligation and its due date."""
        case = written("K-12", at(2026, 4, 2))
        row = case_row(case, W)
        assert (row.state, row.version, row.final) == ("submitted", 2, False)
        assert (row.next_key, row.next_due) == ("oordeel", date(2026, 5, 18))
        assert row.opened_on == date(2026, 4, 2)
        assert row.fingerprint == fingerprint(W)
        rows = deadline_rows(case, W)
        assert [(r.key, r.statutory, r.atw_applied) for r in rows] == [
            ("oordeel", True, True),
            ("geschil_window", False, False),
        ]

    def test_fingerprints_change_with_calendar(self) -> None:
        """Adding a besluit changes both fingerprints; equal calendars agree."""
        extra = Besluit("B 2029", "Stcrt.", 2029, 2031, (date(2029, 5, 11),))
        new = default_calendar().with_besluit(extra)
        assert calendar_fingerprint(new) != calendar_fingerprint()
        assert calendar_fingerprint(AtwCalendar()) == calendar_fingerprint()
        assert fingerprint(k.regime("wkkgz", calendar=new)) != fingerprint(W)
        assert fingerprint(k.regime("jeugdwet")) != fingerprint(W)


def test_core_never_imports_sql() -> None:
    """Importing klachtrecht and every core module loads neither
    klachtrecht.sql nor SQLAlchemy."""
    code = (
        "import sys, klachtrecht, klachtrecht.serialize, klachtrecht.compliance, "
        "klachtrecht.projection, klachtrecht.testing, klachtrecht.__main__\n"
        "for name in klachtrecht.REGIMES: klachtrecht.regime(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
        "'psycopg', 'klachtrecht.sql'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
