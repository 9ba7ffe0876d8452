"""Cases in a SQL database: SQLite embedded, PostgreSQL for a portal's load.

Install with ``pip install 'klachtrecht[sql]'`` (SQLAlchemy 2 Core; psycopg 3
for PostgreSQL). Nothing else in klachtrecht imports this module.

- :data:`METADATA` holds the tables; add it to your Alembic ``target_metadata``
  (or call :meth:`CaseStore.create_tables`):

  - ``klachtrecht_cases``: one row per case, the stored document (the record)
    and the per-case summary (:class:`klachtrecht.projection.CaseRow`);
  - ``klachtrecht_events``: append-only, one row per event, unique
    ``(case_id, version)``;
  - ``klachtrecht_deadlines``: one row per obligation
    (:class:`klachtrecht.projection.DeadlineRow`);
  - ``klachtrecht_calendar``: the Atw calendar, one row per day with a running
    working-day index (:class:`klachtrecht.projection.CalendarRow`);
  - ``klachtrecht_meta``: the calendar the projection was computed with.

- :class:`CaseStore` writes all of them in one transaction with a
  compare-and-swap on the version, loads cases with *the store's* calendar and
  answers "what is due" in SQL.

The calendar travels with the database: the besluiten gelijkstelling a
projection was computed with are stored in ``klachtrecht_meta``. A store opened
without ``calendar=`` uses the database's calendar, so a worker cannot forget
it; a store opened with a different calendar refuses to read or write
projections until :meth:`CaseStore.refresh` has adopted it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from klachtrecht._case import Case
from klachtrecht._sql_demo import demo
from klachtrecht._sql_rows import (
    _calendar_from_json,
    _head,
    calendar_meta_rows,
    calendar_table_rows,
    case_rows,
)
from klachtrecht._sql_tables import (
    _DELETE_DEADLINES,
    _INSERT_CASE,
    _INSERT_CASE_SQLITE,
    _SWAP_CASE,
    CALENDAR,
    CASES,
    DEADLINES,
    EVENTS,
    META,
    METADATA,
    due_query,
    overdue_query,
)
from klachtrecht._sqlfast import run
from klachtrecht.compliance import Reminder
from klachtrecht.deadlines import (
    AtwCalendar,
    add_working_days,
    check_date,
    default_calendar,
)
from klachtrecht.errors import (
    ArgumentTypeError,
    InvalidDateError,
    KlachtrechtError,
    VersionConflictError,
)
from klachtrecht.projection import (
    calendar_fingerprint,
    fingerprint,
)
from klachtrecht.regimes import REGIMES
from klachtrecht.regimes import regime as get_regime
from klachtrecht.serialize import load

if TYPE_CHECKING:
    from klachtrecht import Regime

__all__ = [
    "CALENDAR",
    "CASES",
    "DEADLINES",
    "EVENTS",
    "META",
    "METADATA",
    "CalendarMismatchError",
    "CaseNotFoundError",
    "CaseStore",
    "demo",
]

#: The store's fixed inserts, compiled once per dialect (``_sqlfast.run``).
_INSERT_EVENTS = EVENTS.insert()
_INSERT_DEADLINES = DEADLINES.insert()


class CaseNotFoundError(KlachtrechtError, LookupError):
    """No case with this id is stored."""


class CalendarMismatchError(KlachtrechtError, ValueError):
    """The database's projection was computed with another calendar."""


class CaseStore:
    """Cases, their events and their projection in one SQL database.

    ``engine`` is a SQLAlchemy engine (``sqlite:///file.db``,
    ``sqlite://`` for memory, ``postgresql+psycopg://...``). ``calendar`` is
    the Atw calendar deadlines are computed with; leave it out to use the one
    recorded in the database (the shipped one for a new database). ``years``
    is the range of the calendar table (all supported years by default).

    >>> import sqlalchemy as sa
    >>> store = CaseStore(sa.create_engine("sqlite://"))
    >>> store.create_tables()
    >>> store.count()
    0
    """

    def __init__(
        self,
        engine: Engine,
        *,
        calendar: AtwCalendar | None = None,
        years: tuple[int, int] = (2000, 2099),
    ) -> None:
        if not isinstance(engine, Engine):
            raise ArgumentTypeError(
                f"engine must be a SQLAlchemy Engine, got {type(engine).__name__}"
            )
        if calendar is not None and not isinstance(calendar, AtwCalendar):
            raise ArgumentTypeError(
                f"calendar must be an AtwCalendar, got {type(calendar).__name__}"
            )
        self.engine = engine
        self.years = years
        self._explicit = calendar
        self._calendar: AtwCalendar | None = calendar

    # -- the calendar ------------------------------------------------------------

    @property
    def calendar(self) -> AtwCalendar:
        """The calendar this store computes and loads with."""
        if self._calendar is None:
            with self.engine.connect() as conn:
                stored = self._stored_calendar(conn)
            self._calendar = default_calendar() if stored is None else stored
        return self._calendar

    def regime(self, name: str) -> Regime:
        """The regime ``name`` with this store's calendar."""
        return get_regime(name, calendar=self.calendar)

    @staticmethod
    def _stored_calendar(conn: Connection) -> AtwCalendar | None:
        try:
            text = conn.execute(
                sa.select(META.c.value).where(META.c.key == "calendar")
            ).scalar()
        except sa.exc.DBAPIError:  # no tables yet
            conn.rollback()
            return None
        return None if text is None else _calendar_from_json(text)

    def _fingerprint(self) -> str:
        # resolved before a connection is opened (the calendar may query)
        return calendar_fingerprint(self.calendar)

    def _check_calendar(self, conn: Connection, expected: str) -> None:
        stored = conn.execute(
            sa.select(META.c.value).where(META.c.key == "calendar_fingerprint")
        ).scalar()
        if stored is not None and stored != expected:
            if self._explicit is None:  # re-read the database's on the next call
                self._calendar = None
            raise CalendarMismatchError(
                "the database's deadlines were computed with another calendar "
                "than this store's: call refresh() to adopt this store's "
                "calendar, or open the store without calendar= to use the "
                "database's"
            )

    def _write_calendar(self, conn: Connection) -> None:
        cal = self.calendar
        first, last = self.years
        conn.execute(CALENDAR.delete())
        conn.execute(CALENDAR.insert(), calendar_table_rows(first, last, cal))
        conn.execute(META.delete().where(META.c.key.like("calendar%")))
        conn.execute(META.insert(), calendar_meta_rows(cal, first, last))

    def create_tables(self) -> None:
        """Create the tables (if missing) and fill the calendar table once."""
        METADATA.create_all(self.engine)
        self._fingerprint()
        with self.engine.begin() as conn:
            stored = conn.execute(
                sa.select(META.c.value).where(META.c.key == "calendar_fingerprint")
            ).scalar()
            if stored is None:
                self._write_calendar(conn)

    # -- writing -----------------------------------------------------------------

    def _rows(
        self, case: Case
    ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
        return case_rows(case, self.regime(case.regime), self.calendar)

    @staticmethod
    def _check_case(case: object) -> Case:
        if not isinstance(case, Case):
            raise ArgumentTypeError(f"expected a Case, got {type(case).__name__}")
        return case

    def _conflict(
        self, conn: Connection, case: Case, expected: int
    ) -> VersionConflictError:
        found = conn.execute(
            sa.select(CASES.c.version, CASES.c.state).where(
                CASES.c.case_id == case.case_id
            )
        ).first()
        actual, state = (0, "-") if found is None else (found[0], found[1])
        return VersionConflictError(
            case_id=case.case_id,
            state=state,
            event=case.history[-1].event,
            expected=expected,
            actual=actual,
        )

    def add(self, case: Case) -> None:
        """Store a new case (its document, events and projection) in one
        transaction; a case id already stored raises
        :class:`~klachtrecht.VersionConflictError` (expected version 0)."""
        self._check_case(case)
        summary, events, deadlines = self._rows(case)
        expected = self._fingerprint()
        try:
            with self.engine.begin() as conn:
                # one statement: the insert, only if the database holds this
                # store's calendar (INSERT ... SELECT ... WHERE NOT EXISTS)
                insert = (
                    _INSERT_CASE_SQLITE
                    if conn.dialect.name == "sqlite"
                    else _INSERT_CASE
                )
                done = run(conn, insert, [{**summary, "expected": expected}])
                if done.rowcount != 1:
                    self._check_calendar(conn, expected)
                run(conn, _INSERT_EVENTS, events)
                if deadlines:
                    run(conn, _INSERT_DEADLINES, deadlines)
        except sa.exc.IntegrityError:
            with self.engine.connect() as conn:
                raise self._conflict(conn, case, 0) from None

    def save(self, case: Case, *, expected_version: int) -> None:
        """Store ``case``, a successor of the stored version ``expected_version``.

        A compare-and-swap in one transaction: the stored row is updated only
        if it is still at ``expected_version`` with the same latest event as
        ``case`` has at that version; otherwise
        :class:`~klachtrecht.VersionConflictError` is raised and nothing is
        written. The new events are appended, the projection replaced.
        """
        self._check_case(case)
        if type(expected_version) is not int or expected_version < 1:
            raise ArgumentTypeError("expected_version must be a positive int")
        if case.version <= expected_version:
            raise ArgumentTypeError(
                f"case {case.case_id!r}: version {case.version} is not newer than "
                f"expected_version {expected_version}"
            )
        summary, events, deadlines = self._rows(case)
        head = _head(events[expected_version - 1]["record"])
        expected = self._fingerprint()
        try:
            self._swap(
                case, expected_version, head, expected, summary, events, deadlines
            )
        except sa.exc.IntegrityError:  # an event row in the way: someone appended
            with self.engine.connect() as conn:
                raise self._conflict(conn, case, expected_version) from None

    def _swap(
        self,
        case: Case,
        expected_version: int,
        head: str,
        expected: str,
        summary: dict[str, Any],
        events: list[dict[str, Any]],
        deadlines: list[dict[str, Any]],
    ) -> None:
        with self.engine.begin() as conn:
            # one statement: the compare-and-swap on version and latest event,
            # and the check that the database holds this store's calendar
            values = {k: v for k, v in summary.items() if k != "case_id"}
            done = run(
                conn,
                _SWAP_CASE,
                [
                    {
                        **values,
                        "w_case_id": case.case_id,
                        "w_version": expected_version,
                        "w_head": head,
                        "expected": expected,
                    }
                ],
            )
            if done.rowcount != 1:
                self._check_calendar(conn, expected)
                raise self._conflict(conn, case, expected_version)
            run(conn, _INSERT_EVENTS, events[expected_version:])
            run(conn, _DELETE_DEADLINES, [{"w_case_id": case.case_id}])
            if deadlines:
                run(conn, _INSERT_DEADLINES, deadlines)

    # -- reading -----------------------------------------------------------------

    def get(self, case_id: str) -> Case:
        """The stored case, rebuilt from its record with this store's calendar."""
        if not isinstance(case_id, str):
            raise ArgumentTypeError(
                f"case_id must be a str, got {type(case_id).__name__}"
            )
        with self.engine.connect() as conn:
            document = conn.execute(
                sa.select(CASES.c.document).where(CASES.c.case_id == case_id)
            ).scalar()
        if document is None:
            raise CaseNotFoundError(f"no case {case_id!r} is stored")
        return load(document, calendar=self.calendar)

    def count(self) -> int:
        """The number of stored cases."""
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(CASES)).scalar_one()
            )

    def _check_day(self, on: object) -> date:
        day = check_date(on, "on")
        first, last = self.years
        if not first <= day.year <= last:
            raise InvalidDateError(
                f"on falls outside the calendar table's years {first}-{last}"
            )
        return day

    def _reminders(self, query: sa.Select[Any]) -> tuple[Reminder, ...]:
        expected = self._fingerprint()
        with self.engine.connect() as conn:
            self._check_calendar(conn, expected)
            return tuple(Reminder(*row) for row in conn.execute(query))

    def due_within(
        self, on: date, working_days: int, *, key: str | None = None
    ) -> tuple[Reminder, ...]:
        """Open obligations due from ``on`` up to ``working_days`` working days
        after it (inclusive), earliest first; answered in SQL through the
        calendar table. ``key`` limits to one obligation (e.g. ``"oordeel"``)."""
        day = self._check_day(on)
        if type(working_days) is not int or working_days < 0:
            raise ArgumentTypeError("working_days must be an int >= 0")
        if (
            add_working_days(day, working_days, calendar=self.calendar).year
            > (self.years[1])
        ):
            raise InvalidDateError(
                "the horizon falls after the calendar table's last year "
                f"{self.years[1]}"
            )
        return self._reminders(due_query(day, working_days, key))

    def overdue(self, on: date, *, key: str | None = None) -> tuple[Reminder, ...]:
        """Obligations missed as seen on ``on`` (open and past due), earliest first."""
        day = check_date(on, "on")
        return self._reminders(overdue_query(day, key))

    # -- migrating ----------------------------------------------------------------

    def stale(self) -> int:
        """How many cases have a projection computed under other rules or
        another calendar than this store's (see :meth:`refresh`)."""
        self._fingerprint()
        with self.engine.connect() as conn:
            return int(conn.execute(self._stale_count()).scalar_one())

    def _stale_where(self) -> Any:
        return sa.or_(
            *(
                sa.and_(
                    CASES.c.regime == name,
                    CASES.c.fingerprint != fingerprint(self.regime(name)),
                )
                for name in sorted(REGIMES)
            )
        )

    def _stale_count(self) -> sa.Select[Any]:
        return sa.select(sa.func.count()).select_from(CASES).where(self._stale_where())

    def refresh(self, *, batch_size: int = 500) -> int:
        """Adopt this store's calendar and recompute every stale projection.

        Rewrites the calendar table when the calendar changed, then recomputes
        the summary and deadline rows of each case whose fingerprint differs
        (e.g. after a besluit gelijkstelling was added), in batches of
        ``batch_size`` cases per transaction. Each row is updated with a
        compare-and-swap on its version, so a concurrent save wins. Returns the
        number of cases refreshed.
        """
        expected = self._fingerprint()
        with self.engine.begin() as conn:
            stored = conn.execute(
                sa.select(META.c.value).where(META.c.key == "calendar_fingerprint")
            ).scalar()
            if stored != expected:
                self._write_calendar(conn)
        done = 0
        last = ""
        while True:
            with self.engine.begin() as conn:
                batch = conn.execute(
                    sa.select(CASES.c.case_id, CASES.c.version, CASES.c.document)
                    .where(self._stale_where(), CASES.c.case_id > last)
                    .order_by(CASES.c.case_id)
                    .limit(batch_size)
                ).all()
                if not batch:
                    return done
                for case_id, version, document in batch:
                    last = case_id
                    case = load(document, calendar=self.calendar)
                    summary, _, deadlines = self._rows(case)
                    updated = conn.execute(
                        CASES.update()
                        .where(CASES.c.case_id == case_id, CASES.c.version == version)
                        .values(
                            {
                                k: v
                                for k, v in summary.items()
                                if k not in {"case_id", "document", "head"}
                            }
                        )
                    )
                    if updated.rowcount != 1:  # pragma: no cover - a racing save
                        continue
                    conn.execute(
                        DEADLINES.delete().where(DEADLINES.c.case_id == case_id)
                    )
                    if deadlines:
                        conn.execute(DEADLINES.insert(), deadlines)
                    done += 1

    def add_all(self, cases: Iterable[Case]) -> int:
        """Store many new cases in one transaction (e.g. an import); returns
        how many. All or nothing."""
        all_cases, all_events, all_deadlines = [], [], []
        for case in cases:
            summary, events, deadlines = self._rows(self._check_case(case))
            all_cases.append(summary)
            all_events += events
            all_deadlines += deadlines
        if not all_cases:
            return 0
        expected = self._fingerprint()
        with self.engine.begin() as conn:
            self._check_calendar(conn, expected)
            conn.execute(CASES.insert(), all_cases)
            conn.execute(EVENTS.insert(), all_events)
            if all_deadlines:
                conn.execute(DEADLINES.insert(), all_deadlines)
        return len(all_cases)
