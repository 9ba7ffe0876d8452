"""Actions (which buttons to show) and domain events out (what changed)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht._actions import ACTION_LABELS, ALLOWED, DEPENDS_ON_DATA, REFUSED
from klachtrecht.changes import (
    CHANGE_LABELS,
    ObligationAdded,
    ObligationDropped,
    ObligationFulfilled,
    ObligationMoved,
    StateChanged,
    diff,
)
from klachtrecht.testing import cases
from klachtrecht.testing._walk import event_data

AMS = ZoneInfo("Europe/Amsterdam")
REGIMES = sorted(k.REGIMES)
ROLES = list(k.Role)
PROPERTY = settings(
    max_examples=25, suppress_health_check=[HealthCheck.too_slow], deadline=None
)


def _submitted(day: date = date(2026, 3, 2)) -> k.Case:
    wkkgz = k.regime("wkkgz")
    at = datetime(day.year, day.month, day.day, 10, tzinfo=AMS)
    case = wkkgz.open(
        "K-1",
        at=at,
        klager=k.Party(k.Role.KLAGER, "c"),
        provider=k.Party(k.Role.PROVIDER, "p"),
    )
    return wkkgz.apply(
        case, "submit_written", at=at, by=k.Role.KLAGER, complaint="tekst"
    )


def _by_event(actions: tuple[k.Action, ...]) -> dict[str, k.Action]:
    return {a.event: a for a in actions}


def test_extend_is_offered_until_the_six_weeks_run_out_and_refused_after() -> None:
    """Wkkgz art. 17 lid 2: the extension notice is offered on the last day of
    the six weeks (13 April 2026; whether in weeks or days depends on the
    data) and refused, with its source, the day after."""
    wkkgz = k.regime("wkkgz")
    case = _submitted()
    last = _by_event(wkkgz.actions(case, on=date(2026, 4, 13), by=k.Role.PROVIDER))
    assert last["extend"].status == DEPENDS_ON_DATA
    assert last["extend"].required == ()
    late = _by_event(wkkgz.actions(case, on=date(2026, 4, 14), by=k.Role.PROVIDER))
    assert late["extend"].status == REFUSED
    assert late["extend"].refused_by == "guard"
    assert late["extend"].source == "Wkkgz art. 17 lid 2"
    assert "2026-04-13" in (late["extend"].reason or "")


def test_actions_report_the_actor_rule_the_chronology_and_the_state() -> None:
    """A klager cannot extend; a day before the last event is refused; every=True
    adds the events of other states, refused by the state."""
    wkkgz = k.regime("wkkgz")
    case = _submitted()
    klager = _by_event(wkkgz.actions(case, on=date(2026, 3, 3), by=k.Role.KLAGER))
    assert klager["extend"].refused_by == "actor"
    assert klager["withdraw"].allowed
    earlier = wkkgz.actions(case, on=date(2026, 3, 1), by=k.Role.KLAGER)
    assert {a.refused_by for a in earlier} <= {"chronology", "actor"}
    every = _by_event(
        wkkgz.actions(case, on=date(2026, 3, 3), by=k.Role.KLAGER, every=True)
    )
    assert every["rule"].refused_by == "state"
    assert set(every) == {e.id for e in wkkgz.events}
    assert every["withdraw"].status_label == ACTION_LABELS[ALLOWED]
    assert json.loads(json.dumps(every["extend"].to_dict()))["status"] == REFUSED


def test_a_payload_guard_is_reported_as_depending_on_the_data() -> None:
    """submit_geschil's guard reads the ground: depends_on_data, not a guess."""
    wkkgz = k.regime("wkkgz")
    actions = _by_event(
        wkkgz.actions(_submitted(), on=date(2026, 3, 3), by=k.Role.KLAGER)
    )
    assert actions["submit_geschil"].status == DEPENDS_ON_DATA
    assert actions["submit_geschil"].reason is None


def test_allowed_is_unchanged_and_a_final_case_has_no_actions() -> None:
    """allowed() still lists the state's events unjudged; a closed case has no
    actions."""
    wkkgz = k.regime("wkkgz")
    case = _submitted()
    assert [
        a.event for a in wkkgz.actions(case, on=date(2026, 3, 3), by=k.Role.KLAGER)
    ] == [e.id for e in wkkgz.allowed(case)]
    closed = wkkgz.apply(case, "withdraw", at=case.last_at, by=k.Role.KLAGER)
    assert wkkgz.actions(closed, on=date(2026, 3, 3), by=k.Role.KLAGER) == ()


@pytest.mark.parametrize(
    ("on", "by", "error"),
    [
        ("2026-03-03", k.Role.KLAGER, k.ArgumentTypeError),
        (datetime(2026, 3, 3), k.Role.KLAGER, k.InvalidDateError),  # noqa: DTZ001
        (date(2150, 1, 1), k.Role.KLAGER, k.InvalidDateError),
        (
            datetime(9999, 12, 31, 23, tzinfo=timezone(-timedelta(hours=23))),
            k.Role.KLAGER,
            k.InvalidDateError,
        ),
        (
            datetime(1, 1, 1, 1, tzinfo=timezone(timedelta(hours=23))),
            k.Role.KLAGER,
            k.InvalidDateError,
        ),
        (date(2026, 3, 3), "klager", k.ArgumentTypeError),
    ],
)
def test_bad_action_requests_raise_the_librarys_own_error(
    on: Any, by: Any, error: type[Exception]
) -> None:
    """A wrong day or actor raises a KlachtrechtError, never a raw builtin one."""
    with pytest.raises(error) as info:
        k.regime("wkkgz").actions(_submitted(), on=on, by=by)
    assert isinstance(info.value, k.KlachtrechtError)
    with pytest.raises(k.ArgumentTypeError):
        k.regime("wkkgz").actions("case", on=date(2026, 3, 3), by=k.Role.KLAGER)  # type: ignore[arg-type]


def _first_moment(case: k.Case, day: date) -> datetime:
    """The moment actions judge a day at: the last event's, on its own day."""
    if k.receipt_date(case.last_at) == day:
        return case.last_at
    return datetime.combine(day, datetime.min.time(), AMS)


class _DrawChooser:
    """The walk's choices drawn from hypothesis (so they shrink)."""

    def __init__(self, data: st.DataObject) -> None:
        self._data = data

    def integer(self, low: int, high: int) -> int:
        return self._data.draw(st.integers(low, high))

    def text(self) -> str:
        return self._data.draw(st.text("abcdefg", min_size=1, max_size=6))


@pytest.mark.parametrize("name", REGIMES)
@PROPERTY
@given(data=st.data())
def test_actions_agree_with_apply(name: str, data: st.DataObject) -> None:
    """An allowed action is never refused by a guard or actor rule when applied
    with fitting data; a refused one is refused whatever the data."""
    regime = k.regime(name)
    case = data.draw(cases(name, max_steps=6))
    gap = data.draw(st.sampled_from((-1, 0, 1, 20, 42, 43, 60, 200)))
    at = case.last_at + timedelta(days=gap, minutes=data.draw(st.integers(0, 300)))
    by = data.draw(st.sampled_from(ROLES))
    on: date | datetime = data.draw(st.sampled_from((at, at.astimezone(AMS).date())))
    for action in regime.actions(case, on=on, by=by):
        body = event_data(_DrawChooser(data), regime.event(action.event), at.date())
        moment = at if isinstance(on, datetime) else _first_moment(case, on)
        try:
            regime.apply(case, action.event, at=moment, by=by, **body)
        except k.GuardError:
            assert action.status != ALLOWED, action
        except k.EventDataError:
            assert action.refused_by != "actor", action
        else:
            assert action.status != REFUSED, action


def test_changes_of_an_extension_and_a_late_oordeel() -> None:
    """Extension notice: the oordeel moves from 13 to 28 April 2026 and the
    notice is met (27 April is Koningsdag: Atw art. 1 moves it to the 28th);
    an oordeel on 20 May is fulfilled late, in state judged."""
    wkkgz = k.regime("wkkgz")
    case = _submitted()
    extended, changes = wkkgz.apply_with_changes(
        case, "extend", at=case.last_at, by=k.Role.PROVIDER, weeks=2
    )
    assert extended == wkkgz.apply(
        case, "extend", at=case.last_at, by=k.Role.PROVIDER, weeks=2
    )
    moved = [c for c in changes if isinstance(c, ObligationMoved)]
    assert [(c.obligation, c.old_due, c.new_due) for c in moved] == [
        ("oordeel", date(2026, 4, 13), date(2026, 4, 28))
    ]
    assert any(
        isinstance(c, ObligationFulfilled) and c.obligation == "extension_notice"
        for c in changes
    )
    oordeel: dict[str, Any] = {
        f.name: "tekst" if f.types == (str,) else True
        for f in wkkgz.event("deliver_oordeel").fields
        if f.required
    }
    _, changes = wkkgz.apply_with_changes(
        extended,
        "deliver_oordeel",
        at=datetime(2026, 5, 20, 9, tzinfo=AMS),
        by=k.Role.PROVIDER,
        **oordeel,
    )
    state = next(c for c in changes if isinstance(c, StateChanged))
    assert (state.new_state, state.label) == ("judged", "Oordeel ontvangen")
    late = next(c for c in changes if isinstance(c, ObligationFulfilled))
    assert (late.obligation, late.on_time) == ("oordeel", False)
    assert late.to_dict()["on"] == "2026-05-20"


@pytest.mark.parametrize("name", REGIMES)
@PROPERTY
@given(data=st.data())
def test_changes_account_for_every_difference(name: str, data: st.DataObject) -> None:
    """Replaying a walk, the changes of each step turn the old obligations into
    the new ones: added and moved dues are there, dropped ones are gone."""
    regime = k.regime(name)
    case = data.draw(cases(name, max_steps=8))
    previous = regime.replay(case.case_id, case.history[:1])
    for n in range(2, len(case.history) + 1):
        current = regime.replay(case.case_id, case.history[:n])
        changes = diff(regime, previous, current)
        now = {(d.key, d.due) for d in regime.deadlines(current)}
        before = {(d.key, d.due) for d in regime.deadlines(previous)}
        for change in changes:
            assert change.kind in CHANGE_LABELS
            assert change.version == current.version
            json.dumps(change.to_dict())
            if isinstance(change, ObligationAdded):
                assert (change.obligation, change.due) in now
            if isinstance(change, ObligationMoved):
                assert (change.obligation, change.new_due) in now
            if isinstance(change, ObligationDropped):
                assert (change.obligation, change.due) in before
        assert (previous.state != current.state) == any(
            isinstance(c, StateChanged) for c in changes
        )
        if now != before:
            assert any(not isinstance(c, StateChanged) for c in changes)
        previous = current


def test_diff_refuses_two_different_cases() -> None:
    """diff compares versions of one case only."""
    wkkgz = k.regime("wkkgz")
    case = _submitted()
    other = k.regime("wkkgz").replay("K-2", case.history)
    with pytest.raises(k.ArgumentTypeError):
        diff(wkkgz, case, other)


@given(
    on=st.none()
    | st.integers()
    | st.text()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones()),
    by=st.none() | st.text() | st.sampled_from(ROLES),
)
@PROPERTY
def test_junk_action_requests_raise_only_the_librarys_own_error(
    on: Any, by: Any
) -> None:
    """Any `on` and `by` give actions or a KlachtrechtError, never a raw error."""
    found: tuple[k.Action, ...] | k.KlachtrechtError
    try:
        found = k.regime("wkkgz").actions(_submitted(), on=on, by=by)
    except k.KlachtrechtError as exc:
        found = exc
    if isinstance(found, k.KlachtrechtError):
        assert isinstance(found, TypeError | ValueError)
    else:
        assert all(a.status in ACTION_LABELS for a in found)
