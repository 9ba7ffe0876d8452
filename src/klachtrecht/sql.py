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

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection, Engine

from klachtrecht._case import Case
from klachtrecht._sqlfast import run
from klachtrecht.compliance import Reminder
from klachtrecht.deadlines import (
    AtwCalendar,
    Besluit,
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
    calendar_rows,
    case_row,
    deadline_rows,
    fingerprint,
)
from klachtrecht.regimes import REGIMES
from klachtrecht.regimes import regime as get_regime
from klachtrecht.serialize import dump, load

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


class CaseNotFoundError(KlachtrechtError, LookupError):
    """No case with this id is stored."""


class CalendarMismatchError(KlachtrechtError, ValueError):
    """The database's projection was computed with another calendar."""


_JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
_ID = sa.String(200)
_CODE = sa.String(80)

#: The tables of a case store; add to your Alembic ``target_metadata``.
METADATA = sa.MetaData()

CASES = sa.Table(
    "klachtrecht_cases",
    METADATA,
    sa.Column("case_id", _ID, primary_key=True),
    sa.Column("regime", _CODE, nullable=False),
    sa.Column("state", _CODE, nullable=False),
    sa.Column("state_label", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("final", sa.Boolean, nullable=False),
    sa.Column("opened_on", sa.Date, nullable=False),
    # UTC; SQLite returns it naive (in UTC), PostgreSQL as timestamptz
    sa.Column("last_event_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("next_key", _CODE),
    sa.Column("next_due", sa.Date),
    sa.Column("fingerprint", sa.String(32), nullable=False),
    # a hash of the latest event: the compare-and-swap also checks the history
    sa.Column("head", sa.String(32), nullable=False),
    sa.Column("document", _JSON, nullable=False),
    sa.Index("ix_klachtrecht_cases_fingerprint", "regime", "fingerprint"),
    sa.Index("ix_klachtrecht_cases_next_due", "next_due"),
)

EVENTS = sa.Table(
    "klachtrecht_events",
    METADATA,
    sa.Column(
        "case_id",
        _ID,
        sa.ForeignKey("klachtrecht_cases.case_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("event", _CODE, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("by", _CODE, nullable=False),
    sa.Column("record", _JSON, nullable=False),
    sa.PrimaryKeyConstraint("case_id", "version", name="uq_klachtrecht_events"),
)

DEADLINES = sa.Table(
    "klachtrecht_deadlines",
    METADATA,
    sa.Column(
        "case_id",
        _ID,
        sa.ForeignKey("klachtrecht_cases.case_id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("key", _CODE, nullable=False),
    sa.Column("regime", _CODE, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("due", sa.Date, nullable=False),
    sa.Column("met_on", sa.Date),
    sa.Column("term", _CODE, nullable=False),
    sa.Column("statutory", sa.Boolean, nullable=False),
    sa.Column("atw_applied", sa.Boolean, nullable=False),
    sa.Column("provisional", sa.Boolean, nullable=False),
    sa.PrimaryKeyConstraint("case_id", "key"),
)
# the open obligations by due date: what due_within and overdue scan
sa.Index(
    "ix_klachtrecht_deadlines_open_due",
    DEADLINES.c.due,
    DEADLINES.c.key,
    postgresql_where=DEADLINES.c.met_on.is_(None),
    sqlite_where=DEADLINES.c.met_on.is_(None),
)

CALENDAR = sa.Table(
    "klachtrecht_calendar",
    METADATA,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("working", sa.Boolean, nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("working_index", sa.Integer, nullable=False),
    sa.Index("ix_klachtrecht_calendar_index", "working_index", "working"),
)

META = sa.Table(
    "klachtrecht_meta",
    METADATA,
    sa.Column("key", _CODE, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def _calendar_matches() -> Any:
    return ~sa.exists().where(
        META.c.key == "calendar_fingerprint",
        META.c.value != sa.bindparam("expected", type_=sa.Text()),
    )


#: The compare-and-swap: UPDATE ... WHERE version and latest event are still
#: the expected ones and the database holds this store's calendar.
_SWAP_CASE = (
    CASES.update()
    .where(
        CASES.c.case_id == sa.bindparam("w_case_id"),
        CASES.c.version == sa.bindparam("w_version"),
        CASES.c.head == sa.bindparam("w_head"),
        _calendar_matches(),
    )
    .values(
        {c.name: sa.bindparam(c.name) for c in CASES.columns if c.name != "case_id"}
    )
)
_DELETE_DEADLINES = DEADLINES.delete().where(
    DEADLINES.c.case_id == sa.bindparam("w_case_id")
)


def _insert_case(cast: bool) -> Any:
    names = [c.name for c in CASES.columns]
    params = [sa.bindparam(c.name, type_=c.type) for c in CASES.columns]
    # PostgreSQL needs the types of the selected parameters; SQLite must not
    # get CAST(... AS JSON), which its type affinity turns into a number
    values = sa.select(*(sa.cast(p, p.type) if cast else p for p in params)).where(
        _calendar_matches()
    )
    return CASES.insert().from_select(names, values)


#: INSERT INTO klachtrecht_cases SELECT :values WHERE the calendar matches
_INSERT_CASE = _insert_case(cast=True)
_INSERT_CASE_SQLITE = _insert_case(cast=False)
_INSERT_EVENTS = EVENTS.insert()
_INSERT_DEADLINES = DEADLINES.insert()


def _calendar_json(calendar: AtwCalendar) -> str:
    return json.dumps(
        [
            {
                "title": b.title,
                "citation": b.citation,
                "first_year": b.first_year,
                "last_year": b.last_year,
                "days": [d.isoformat() for d in b.days],
            }
            for b in calendar.besluiten
        ]
    )


def _calendar_from_json(text: str) -> AtwCalendar:
    return AtwCalendar(
        besluiten=tuple(
            Besluit(
                b["title"],
                b["citation"],
                b["first_year"],
                b["last_year"],
                tuple(date.fromisoformat(d) for d in b["days"]),
            )
            for b in json.loads(text)
        )
    )


def _head(event: Mapping[str, Any]) -> str:
    text = json.dumps(event, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


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
        conn.execute(CALENDAR.delete())
        first, last = self.years
        rows = [
            {
                "day": r.day,
                "working": r.working,
                "why": r.why,
                "working_index": r.working_index,
            }
            for r in calendar_rows(first, last, calendar=cal)
        ]
        conn.execute(CALENDAR.insert(), rows)
        conn.execute(META.delete().where(META.c.key.like("calendar%")))
        conn.execute(
            META.insert(),
            [
                {"key": "calendar", "value": _calendar_json(cal)},
                {"key": "calendar_fingerprint", "value": calendar_fingerprint(cal)},
                {"key": "calendar_years", "value": f"{first}-{last}"},
            ],
        )

    # -- schema ------------------------------------------------------------------

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
        reg = self.regime(case.regime)
        document = dump(case, calendar=self.calendar)
        dues = reg.deadlines(case)
        row = case_row(case, reg, dues)
        history = document["history"]
        summary = {
            "case_id": case.case_id,
            "regime": case.regime,
            "state": row.state,
            "state_label": row.state_label,
            "version": case.version,
            "final": row.final,
            "opened_on": row.opened_on,
            "last_event_at": _utc(row.last_event_at),
            "next_key": row.next_key,
            "next_due": row.next_due,
            "fingerprint": row.fingerprint,
            "head": _head(history[-1]),
            "document": document,
        }
        events = [
            {
                "case_id": case.case_id,
                "version": i + 1,
                "event": record.event,
                "at": _utc(record.at),
                "by": record.by.value,
                "record": history[i],
            }
            for i, record in enumerate(case.history)
        ]
        deadlines = [
            {
                "case_id": case.case_id,
                "key": d.key,
                "regime": case.regime,
                "label": d.label,
                "source": d.source,
                "start": d.start,
                "due": d.due,
                "met_on": d.met_on,
                "term": d.term,
                "statutory": d.statutory,
                "atw_applied": d.atw_applied,
                "provisional": d.provisional,
            }
            for d in deadline_rows(case, reg, dues)
        ]
        return summary, events, deadlines

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
        d = DEADLINES.c
        if working_days == 0:
            horizon: Any = day
        else:
            index = (
                sa.select(CALENDAR.c.working_index)
                .where(CALENDAR.c.day == day)
                .scalar_subquery()
            )
            horizon = (
                sa.select(CALENDAR.c.day)
                .where(
                    CALENDAR.c.working_index == index + working_days,
                    CALENDAR.c.working.is_(True),
                )
                .scalar_subquery()
            )
        query = sa.select(d.case_id, d.regime, d.key, d.label, d.source, d.due).where(
            d.met_on.is_(None), d.due >= day, d.due <= horizon
        )
        if key is not None:
            query = query.where(d.key == key)
        return self._reminders(query.order_by(d.due, d.case_id, d.key))

    def overdue(self, on: date, *, key: str | None = None) -> tuple[Reminder, ...]:
        """Obligations missed as seen on ``on`` (open and past due), earliest first."""
        day = check_date(on, "on")
        d = DEADLINES.c
        query = sa.select(d.case_id, d.regime, d.key, d.label, d.source, d.due).where(
            d.met_on.is_(None), d.due < day
        )
        if key is not None:
            query = query.where(d.key == key)
        return self._reminders(query.order_by(d.due, d.case_id, d.key))

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


def demo(say: Callable[[str], object] = print) -> None:
    """A store round trip on an in-memory SQLite database (used by the CLI demo)."""
    from klachtrecht._examples import EXAMPLES  # noqa: PLC0415
    from klachtrecht.deadlines import fmt_day  # noqa: PLC0415

    store = CaseStore(sa.create_engine("sqlite://"))
    store.create_tables()
    example = EXAMPLES[0]
    reg = store.regime(example.regime)
    case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
    store.add(case)
    saved = case
    for step in example.steps[:2]:
        saved = reg.apply(saved, step.event, at=step.at, by=step.by, **step.data)
    store.save(saved, expected_version=case.version)
    loaded = store.get(example.case_id)
    say(f"  stored and reloaded {loaded!r}: equal to the saved case: {loaded == saved}")
    on = saved.history[-1].day
    for reminder in store.due_within(on, 30):
        say(
            f"  due within 30 werkdagen of {fmt_day(on)}: {reminder.label} "
            f"({reminder.source}) on {fmt_day(reminder.due)}"
        )
    try:
        store.save(saved, expected_version=case.version)
    except VersionConflictError:
        say("  a second save from the same stale version: refused (compare-and-swap)")
