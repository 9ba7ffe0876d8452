"""The legal property suite as plain functions a portal runs on its own cases.

Each check takes a case (and, where it needs them, the steps of the walk that
made it) and raises :class:`AssertionError` with a message naming the case,
the obligation and the source, never a personal value. Run them from any test
(with :func:`klachtrecht.testing.walks` or on the portal's own stored cases),
or let the pytest plugin (:mod:`klachtrecht.testing.plugin`) run them all over
every registered regime.

======================  ==============================================================
check                   invariant
======================  ==============================================================
atw_due_dates           a due date the Atw applies to is a working day and never before
                        the plain end of the term (Atw art. 1-2); others end exactly
                        at the plain end (Atw art. 4-5)
refusals_change_nothing a refused event raises the library's error and leaves the
                        case as it was
ended_case_owes_nothing a case in a final state has no obligation pending on the
                        day it ended
reloads_equal           a stored case reloads equal (``serialize`` or the portal's
                        own store)
no_personal_text        no repr, deadline trail, finding, error message or report
                        contains a personal value of the case
versions_grow           each applied event adds exactly one version
statutory_bounds        each regime's statutory terms (Wkkgz art. 17: six weeks,
                        at most ten with the lid 2 extension; art. 22: six months;
                        Jeugdwet art. 4.2.1 lid 5: one month; a commissie of at least
                        three members, lid 2 sub a) and the regeling's terms as set
======================  ==============================================================
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import klachtrecht as k
from klachtrecht.deadlines import TermKind, is_working_day, term_end
from klachtrecht.testing._walk import Step

if TYPE_CHECKING:
    from klachtrecht import Regime

__all__ = [
    "BOUNDS",
    "CHECKS",
    "RoundTrip",
    "atw_due_dates",
    "ended_case_owes_nothing",
    "no_personal_text",
    "personal_values",
    "refusals_change_nothing",
    "reloads_equal",
    "run_all",
    "statutory_bounds",
    "versions_grow",
]

#: A portal's storage round trip: store the case, read it back.
RoundTrip = Callable[[k.Case], k.Case]


def _reg(case: k.Case, regime: Regime | None) -> Regime:
    return regime if regime is not None else k.regime(case.regime)


def _fail(case: k.Case, what: str) -> AssertionError:
    return AssertionError(
        f"case {case.case_id!r} ({case.regime}, state {case.state!r}): {what}"
    )


def atw_due_dates(case: k.Case, *, regime: Regime | None = None) -> None:
    """Atw due dates land on working days and never before the plain term."""
    for item in _reg(case, regime).deadlines(case):
        d = item.deadline
        if d.atw_applied:
            if not is_working_day(d.due, calendar=d.calendar):
                raise _fail(case, f"{item.key} due {d.due} is no working day")
            if d.due < d.plain_end:
                raise _fail(case, f"{item.key} due {d.due} before the plain end")
        elif d.due != d.plain_end:
            raise _fail(case, f"{item.key}: the Atw moved a term it does not govern")


def refusals_change_nothing(
    case: k.Case, steps: Sequence[Step] = (), *, regime: Regime | None = None
) -> None:
    """A refused event raises the library's error and changes nothing: each
    refused step of the walk again, and every event the state does not allow."""
    reg = _reg(case, regime)
    tries: list[tuple[k.Case, str, Any, k.Role, dict[str, Any]]] = [
        (s.before, s.event, s.at, s.by, s.data)
        for s in steps
        if not s.applied and s.before is not None
    ]
    allowed = {e.id for e in reg.allowed(case)}
    later = case.last_at + timedelta(days=1)
    tries += [
        (case, e.id, later, k.Role.KLAGER, {})
        for e in reg.events
        if e.id not in allowed
    ]
    for before, event, at, by, data in tries:
        snapshot = pickle.dumps(before)
        try:
            reg.apply(before, event, at=at, by=by, **data)
        except k.KlachtrechtError:
            pass
        else:
            raise _fail(before, f"refused event {event!r} was accepted on a retry")
        if pickle.dumps(before) != snapshot:
            raise _fail(before, f"refused event {event!r} changed the case")


def ended_case_owes_nothing(case: k.Case, *, regime: Regime | None = None) -> None:
    """A case in a final state has no obligation pending on the day it ended."""
    reg = _reg(case, regime)
    if not reg.is_final(case):
        return
    ended = case.history[-1].day
    pending = reg.pending(case, ended)
    if pending:
        keys = ", ".join(f"{d.key} ({d.source})" for d in pending)
        raise _fail(case, f"ended on {ended} but still owes {keys}")


def _serialize_round_trip(case: k.Case) -> k.Case:
    from klachtrecht import serialize  # noqa: PLC0415 - cattrs only when used

    return serialize.loads(serialize.dumps(case))


def reloads_equal(case: k.Case, round_trip: RoundTrip | None = None) -> None:
    """A stored case reloads equal (default: ``serialize.dumps``/``loads``)."""
    back = (round_trip or _serialize_round_trip)(case)
    if back != case:
        raise _fail(case, "the stored case reloads different")
    if back.facts != case.facts or back.history != case.history:
        raise _fail(case, "the stored case reloads with other facts or history")


def personal_values(case: k.Case) -> frozenset[str]:
    """Every personal text of ``case``: fields marked personal, and the names
    and contact details of its parties (values shorter than four characters
    are left out: they would match by accident)."""
    found: set[str] = set()
    for record in case.history:
        for key, value in record.data.items():
            if key in record.personal and isinstance(value, str):
                found.add(value)
            if isinstance(value, k.Party):
                found.update((value.name, value.contact))
    for party in case.parties:
        found.update((party.name, party.contact))
    return frozenset(v for v in found if len(v.strip()) >= 4)


def _texts(case: k.Case, reg: Regime, steps: Sequence[Step]) -> Iterable[str]:
    from klachtrecht import compliance, reports  # noqa: PLC0415

    yield from (repr(case), str(case), repr(case.facts), repr(case.settings))
    yield from (repr(r) for r in case.history)
    yield from (repr(p) for p in case.parties)
    for item in reg.deadlines(case):
        yield repr(item)
        yield item.deadline.explain()
    yield from (f.message for f in compliance.check(case, case.history[-1].day))
    yield from (repr(f) for f in reg.rejudge(case))
    for step in steps:
        if not step.applied and step.before is not None:
            try:
                reg.apply(step.before, step.event, at=step.at, by=step.by, **step.data)
            except k.KlachtrechtError as exc:
                yield str(exc)
                yield repr(exc)
    year = case.history[0].day.year
    report = reports.overview([case], year, regime=case.regime, threshold=1)
    yield report.to_json()
    yield report.to_csv()


def no_personal_text(
    case: k.Case, steps: Sequence[Step] = (), *, regime: Regime | None = None
) -> None:
    """No repr, deadline trail, finding, error message or report shows a
    personal value of the case."""
    reg = _reg(case, regime)
    secrets = personal_values(case)
    for text in _texts(case, reg, steps):
        for secret in secrets:
            if secret in text:
                raise _fail(case, "a personal value appears in a message or report")


def versions_grow(case: k.Case, steps: Sequence[Step] = ()) -> None:
    """Each applied event adds exactly one version; refusals add none."""
    if case.version != len(case.history):
        raise _fail(case, "the version differs from the number of events")
    versions = [s.before.version for s in steps if s.before is not None]
    if versions != sorted(versions):
        raise _fail(case, "a version went down during the walk")
    applied = [s.before for s in steps if s.applied and s.before is not None]
    if not applied:
        return
    after = [*(b.version for b in applied[1:]), case.version]
    for before, version in zip(applied, after, strict=True):
        if version != before.version + 1:
            raise _fail(case, "an applied event did not add exactly one version")


# -- statutory bounds ---------------------------------------------------------------


def _months(start: date, months: int) -> date:
    return term_end(start, months=months, kind=TermKind.NON_STATUTORY).plain_end


def _dues(case: k.Case, reg: Regime) -> dict[str, k.Due]:
    return {d.key: d for d in reg.deadlines(case)}


def _wkkgz_bounds(case: k.Case, reg: Regime) -> None:
    """Wkkgz art. 17 lid 1-2 and art. 22 lid 1 (also owed by the KLP)."""
    dues = _dues(case, reg)
    oordeel = dues.get("oordeel")
    if oordeel is not None:
        days = (oordeel.deadline.plain_end - oordeel.deadline.start).days
        if not 42 <= days <= 70:
            raise _fail(
                case, "art. 17 term outside six to ten weeks (Wkkgz art. 17 lid 1-2)"
            )
        if oordeel.due < oordeel.deadline.plain_end:
            raise _fail(case, "art. 17 due date before the end of the term")
    notice = dues.get("extension_notice")
    if notice is not None:
        d = notice.deadline
        if (d.plain_end - d.start).days != 42:
            raise _fail(case, "extension notice not due at six weeks (art. 17 lid 2)")
    ruling = dues.get("uitspraak")
    if ruling is not None:
        d = ruling.deadline
        if d.plain_end != _months(d.start, 6) or d.due != d.plain_end:
            raise _fail(case, "uitspraak not due six months on (Wkkgz art. 22 lid 1)")


def _intake_bounds(case: k.Case, reg: Regime) -> None:
    """The regeling's terms as set (KPZ spelregel 5; Jeugdwet art. 4.2.1 lid 2
    sub c) and the commissie's size (lid 2 sub a; Wmo: the regeling's)."""
    dues = _dues(case, reg)
    facts, settings = case.facts, case.settings
    contact = dues.get("contact")
    if contact is not None:
        d = contact.deadline
        if (d.term.unit, d.term.amount) != (
            "working_days",
            settings.contact_working_days,
        ):
            raise _fail(case, "contact term differs from the regeling (spelregel 5)")
    oordeel = dues.get("oordeel")
    if oordeel is not None and not facts.oordeel_notices:
        d = oordeel.deadline
        if (d.plain_end - d.start).days != 7 * settings.oordeel_weeks:
            raise _fail(case, "oordeel term differs from the regeling (lid 2 sub c)")
    minimum = getattr(settings, "commissie_min_members", 3)
    if facts.composed_on is not None and facts.commissie_members < minimum:
        raise _fail(case, "klachtencommissie below its minimum size (lid 2 sub a)")


def _jeugdwet_bounds(case: k.Case, reg: Regime) -> None:
    """As the intake, plus the provider's one month (art. 4.2.1 lid 5)."""
    _intake_bounds(case, reg)
    response = _dues(case, reg).get("response")
    if response is not None and not case.facts.response_notices:
        d = response.deadline
        if d.plain_end != _months(case.facts.oordeel_on, 1):
            raise _fail(
                case, "position on measures not due one month after the oordeel"
            )


#: Per regime, the check of its statutory (and regeling) bounds. A regime
#: without an entry gets every other check; add one for a new regime.
BOUNDS: Mapping[str, Callable[[k.Case, Regime], None]] = {
    "wkkgz": _wkkgz_bounds,
    "klp": _wkkgz_bounds,
    "jeugdwet": _jeugdwet_bounds,
    "wmo": _intake_bounds,
}


def statutory_bounds(case: k.Case, *, regime: Regime | None = None) -> None:
    """Each regime's statutory terms hold (see :data:`BOUNDS`)."""
    check = BOUNDS.get(case.regime)
    if check is not None:
        check(case, _reg(case, regime))


#: Every check by name, as the plugin runs them.
CHECKS: Mapping[str, Callable[..., None]] = {
    "atw_due_dates": atw_due_dates,
    "refusals_change_nothing": refusals_change_nothing,
    "ended_case_owes_nothing": ended_case_owes_nothing,
    "reloads_equal": reloads_equal,
    "no_personal_text": no_personal_text,
    "versions_grow": versions_grow,
    "statutory_bounds": statutory_bounds,
}


def run_all(
    case: k.Case,
    steps: Sequence[Step] = (),
    *,
    round_trip: RoundTrip | None = None,
    skip: Iterable[str] = (),
) -> None:
    """Every check on one case (``skip`` names checks to leave out)."""
    skipped = set(skip)
    unknown = skipped - set(CHECKS)
    if unknown:
        raise k.ArgumentTypeError(f"unknown checks: {', '.join(sorted(unknown))}")
    runs: dict[str, Callable[[], None]] = {
        "atw_due_dates": lambda: atw_due_dates(case),
        "refusals_change_nothing": lambda: refusals_change_nothing(case, steps),
        "ended_case_owes_nothing": lambda: ended_case_owes_nothing(case),
        "reloads_equal": lambda: reloads_equal(case, round_trip),
        "no_personal_text": lambda: no_personal_text(case, steps),
        "versions_grow": lambda: versions_grow(case, steps),
        "statutory_bounds": lambda: statutory_bounds(case),
    }
    for name, run in runs.items():
        if name not in skipped:
            run()
