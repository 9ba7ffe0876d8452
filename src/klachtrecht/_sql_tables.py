"""The tables and statements of :mod:`klachtrecht.sql` (SQLAlchemy Core)."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

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


def due_query(day: date, working_days: int, key: str | None) -> sa.Select[Any]:
    """Open obligations due from ``day`` up to ``working_days`` working days
    after it, through the calendar table (see :meth:`CaseStore.due_within`)."""
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
    return query.order_by(d.due, d.case_id, d.key)


def overdue_query(day: date, key: str | None) -> sa.Select[Any]:
    """Open obligations due before ``day`` (see :meth:`CaseStore.overdue`)."""
    d = DEADLINES.c
    query = sa.select(d.case_id, d.regime, d.key, d.label, d.source, d.due).where(
        d.met_on.is_(None), d.due < day
    )
    if key is not None:
        query = query.where(d.key == key)
    return query.order_by(d.due, d.case_id, d.key)
