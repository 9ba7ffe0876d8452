"""The rows :class:`klachtrecht.sql.CaseStore` writes: a case's summary, events and
deadlines, and the calendar."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from klachtrecht._case import Case
from klachtrecht.deadlines import (
    AtwCalendar,
    Besluit,
)
from klachtrecht.projection import (
    calendar_fingerprint,
    calendar_rows,
    case_row,
    deadline_rows,
)
from klachtrecht.serialize import dump

if TYPE_CHECKING:
    from klachtrecht import Regime


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


def case_rows(
    case: Case, reg: Regime, calendar: AtwCalendar
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The summary row, the event rows and the deadline rows of ``case``."""
    document = dump(case, calendar=calendar)
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


def calendar_table_rows(
    first: int, last: int, calendar: AtwCalendar
) -> list[dict[str, Any]]:
    """The rows of the calendar table for the years ``first``..``last``."""
    return [
        {
            "day": r.day,
            "working": r.working,
            "why": r.why,
            "working_index": r.working_index,
        }
        for r in calendar_rows(first, last, calendar=calendar)
    ]


def calendar_meta_rows(
    calendar: AtwCalendar, first: int, last: int
) -> list[dict[str, str]]:
    """The rows of the meta table that record ``calendar``."""
    return [
        {"key": "calendar", "value": _calendar_json(calendar)},
        {"key": "calendar_fingerprint", "value": calendar_fingerprint(calendar)},
        {"key": "calendar_years", "value": f"{first}-{last}"},
    ]
