"""Compliance checks over cases: what is met, pending or missed, and what is due.

Built on each regime's derived deadlines (:meth:`klachtrecht.Regime.deadlines`),
so it works for every regime without regime-specific code. Everything here is
pure and takes the day to judge on explicitly: no ``today()``.

Every function takes ``calendar=``: the :class:`~klachtrecht.deadlines.AtwCalendar`
the deadlines are computed with (default: the shipped besluiten). Pass the same
calendar everywhere (a :class:`klachtrecht.sql.CaseStore` does so itself).

- :func:`check`: every legal obligation of one case, with its source and a
  one-line finding such as ``"Wkkgz art. 17 lid 1: missed: due Wed 6 May 2026,
  not fulfilled by Thu 7 May 2026"``.
- :func:`due_within`: across many cases, the obligations due in the next N
  working days (for reminders and dashboards), earliest first.
- :func:`yearly_report`: an anonymised export for yearly reporting: counts by
  regime, final state and timeliness, with no personal data at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

import attrs

from klachtrecht._case import Case, Due, Status
from klachtrecht.deadlines import AtwCalendar, add_working_days, check_date, fmt_day
from klachtrecht.errors import ArgumentTypeError
from klachtrecht.regimes import regime as get_regime

__all__ = ["Finding", "Reminder", "check", "due_within", "yearly_report"]


@attrs.frozen
class Finding:
    """One obligation of a case as judged on a day (bevinding)."""

    case_id: str
    key: str
    label: str
    source: str
    status: Status
    due: date
    met_on: date | None

    @property
    def message(self) -> str:
        """A one-line finding naming the source; no personal data."""
        if self.status is Status.MET:
            assert self.met_on is not None
            what = f"met on {fmt_day(self.met_on)} (due {fmt_day(self.due)})"
        elif self.status is Status.LATE:
            assert self.met_on is not None
            what = (
                f"late: fulfilled on {fmt_day(self.met_on)}, "
                f"after the due date {fmt_day(self.due)}"
            )
        elif self.status is Status.PENDING:
            what = f"pending: due {fmt_day(self.due)}"
        else:
            what = f"missed: due {fmt_day(self.due)}, not fulfilled"
        return f"{self.source}: {self.label}: {what}"

    @property
    def code(self) -> str:
        """The message code of this finding: its status (``met``, ``missed``, ...)."""
        return self.status.value

    @property
    def params(self) -> dict[str, object]:
        """The parameters of the message: source, label, due and met_on."""
        return {
            "source": self.source,
            "label": self.label,
            "due": self.due,
            "met_on": self.met_on,
        }

    def render(self, lang: str = "en") -> str:
        """The finding as one line in ``lang`` (``"nl"``: Dutch)."""
        from klachtrecht.i18n import render  # noqa: PLC0415 - lazy: cheap import

        what = render("finding", self.code, self.params, lang)
        return render("finding", "line", {**self.params, "what": what}, lang)


def _finding(case: Case, item: Due, on: date) -> Finding:
    return Finding(
        case.case_id,
        item.key,
        item.label,
        item.source,
        item.status(on),
        item.due,
        item.met_on,
    )


def _calendar(calendar: object) -> AtwCalendar | None:
    if calendar is not None and not isinstance(calendar, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(calendar).__name__}"
        )
    return calendar


def check(
    case: Case, on: date, *, calendar: AtwCalendar | None = None
) -> tuple[Finding, ...]:
    """Every obligation of ``case`` judged on day ``on``, in the regime's order."""
    if not isinstance(case, Case):
        raise ArgumentTypeError(f"expected a Case, got {type(case).__name__}")
    check_date(on, "on")
    reg = get_regime(case.regime, calendar=_calendar(calendar))
    return tuple(_finding(case, item, on) for item in reg.deadlines(case))


@attrs.frozen
class Reminder:
    """An obligation due soon: which case, what, and by when."""

    case_id: str
    regime: str
    key: str
    label: str
    source: str
    due: date


def due_within(
    cases: Iterable[Case],
    on: date,
    *,
    working_days: int,
    calendar: AtwCalendar | None = None,
) -> tuple[Reminder, ...]:
    """Pending obligations due from ``on`` up to ``working_days`` working days
    after it (inclusive), over many cases, earliest due first."""
    check_date(on, "on")
    cal = _calendar(calendar)
    horizon = add_working_days(on, working_days, calendar=cal)
    found: list[Reminder] = []
    for case in cases:
        if not isinstance(case, Case):
            raise ArgumentTypeError(f"expected Case objects, got {type(case).__name__}")
        reg = get_regime(case.regime, calendar=cal)
        for item in reg.deadlines(case):
            if item.status(on) is Status.PENDING and item.due <= horizon:
                found.append(
                    Reminder(
                        case.case_id,
                        case.regime,
                        item.key,
                        item.label,
                        item.source,
                        item.due,
                    )
                )
    return tuple(sorted(found, key=lambda r: (r.due, r.case_id, r.key)))


def yearly_report(
    cases: Iterable[Case],
    year: int,
    *,
    on: date,
    calendar: AtwCalendar | None = None,
) -> dict[str, object]:
    """An anonymised yearly export: counts only, never identifiers or texts.

    Counts the cases opened in ``year`` by regime and by current state, and
    the timeliness of each obligation (met, late, pending, missed) as judged on
    ``on``. The result is JSON-compatible.
    """
    if type(year) is not int:
        raise ArgumentTypeError(f"year must be an int, got {type(year).__name__}")
    check_date(on, "on")
    cal = _calendar(calendar)
    by_regime: Counter[str] = Counter()
    by_state: Counter[str] = Counter()
    timeliness: Counter[str] = Counter()
    for case in cases:
        if not isinstance(case, Case):
            raise ArgumentTypeError(f"expected Case objects, got {type(case).__name__}")
        if case.history[0].day.year != year:
            continue
        by_regime[case.regime] += 1
        by_state[f"{case.regime}/{case.state}"] += 1
        for item in get_regime(case.regime, calendar=cal).deadlines(case):
            timeliness[f"{case.regime}/{item.key}/{item.status(on).value}"] += 1
    return {
        "year": year,
        "judged_on": on.isoformat(),
        "cases": sum(by_regime.values()),
        "by_regime": dict(sorted(by_regime.items())),
        "by_state": dict(sorted(by_state.items())),
        "timeliness": dict(sorted(timeliness.items())),
    }
