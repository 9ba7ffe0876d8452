"""The trail of a :class:`~klachtrecht.deadlines.Deadline`: each rule that moved
its due date, as steps (rendered on demand, never on the hot path)."""

from __future__ import annotations

from datetime import date, timedelta

from klachtrecht._atw_terms import Term
from klachtrecht._feestdagen import (
    AtwCalendar,
)
from klachtrecht.deadlines import Deadline, Step, TermKind, is_working_day


def _free_params(cal: AtwCalendar, day: date) -> dict[str, object]:
    """Why ``day`` is not a working day, as message parameters."""
    weekend = {5: "saturday", 6: "sunday"}.get(day.weekday(), "")
    named = tuple((h.name, h.source) for h in cal.holidays_on(day))
    return {"weekend": weekend, "holidays": named}


_PLAIN_END = {
    "years": "plain_end_months",
    "months": "plain_end_months",
    "weeks": "plain_end_weeks",
    "days": "plain_end_days",
}


def _exclusion_code(term: Term) -> str | None:
    """The message code of :meth:`Term.atw_exclusion`, or None."""
    if term.atw_exclusion() is None:
        return None
    return "non_statutory" if term.kind is TermKind.NON_STATUTORY else term.unit


def _trail(d: Deadline) -> tuple[Step, ...]:
    """The steps that lead from the start to the due date (rendered on demand)."""
    term, cal = d.term, d.calendar
    if term.unit == "agreed":
        return (
            Step(d.start, "agreed_start", {"source": term.source}),
            Step(d.due, "agreed_due"),
        )
    origin = {"amount": term.amount, "unit": term.unit, "start": d.start}
    if term.source:
        steps = [Step(d.start, "start_source", {**origin, "source": term.source})]
    else:
        steps = [Step(d.start, "start", origin)]
    if term.unit == "working_days":
        steps.append(
            Step(d.due, "working_days", {"amount": term.amount, "unit": term.unit})
        )
        steps.append(Step(d.due, "due"))
        return tuple(steps)
    steps.append(Step(d.plain_end, _PLAIN_END[term.unit]))
    exclusion = _exclusion_code(term)
    if exclusion is not None:
        steps.append(Step(d.plain_end, "due_excluded", {"exclusion": exclusion}))
        return tuple(steps)
    day = d.plain_end
    while not is_working_day(day, calendar=cal):
        steps.append(Step(day, "free_day", _free_params(cal, day)))
        day += timedelta(days=1)
    if day != d.plain_end:
        steps.append(Step(day, "atw_1"))
    if day != d.due:
        steps.append(Step(d.due, "atw_2"))
    steps.append(Step(d.due, "due"))
    if d.provisional:
        steps.append(Step(d.due, "provisional"))
    return tuple(steps)
