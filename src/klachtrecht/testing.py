"""Hypothesis strategies for compliance test suites.

Requires the ``test`` extra (``pip install klachtrecht[test]``). Every strategy
works through the generic regime interface, so one suite covers every regime::

    from hypothesis import given
    from klachtrecht.testing import cases

    @given(cases("wkkgz"))
    def test_every_case_has_a_history(case):
        assert case.version == len(case.history)

Cases are made by walking random *allowed* event sequences from the opening
event, with aware Europe/Amsterdam timestamps in 2016-2030 (across feestdagen
and years with and without a known besluit gelijkstelling). Events a guard
refuses are skipped, so every generated case is reachable. Personal fields
(names, contact details, complaint texts) are filled with recognisable fake
values from :func:`personal_texts`, so privacy tests can search for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import attrs
from hypothesis import strategies as st

from klachtrecht._case import Case, Party, Role
from klachtrecht._engine import EventSpec, Field, Regime
from klachtrecht.errors import EventDataError, GuardError
from klachtrecht.regimes import regime as get_regime

__all__ = ["Step", "cases", "opened_cases", "personal_texts", "walks"]

_AMS = ZoneInfo("Europe/Amsterdam")
_MARKER = "PII"


def personal_texts() -> st.SearchStrategy[str]:
    """Fake personal data: always contains the marker ``PII`` plus random text."""
    return st.builds(
        lambda a, b: f"{_MARKER}-{a}-{b}",
        st.text("abcdefghijklmnopqrstuvwxyzéë", min_size=1, max_size=8),
        st.integers(0, 10**6),
    )


@attrs.frozen
class Step:
    """One attempted event of a walk: what was tried and whether it applied."""

    event: str
    at: datetime
    by: Role
    data: dict[str, Any]
    applied: bool


def _regime(value: str | Regime) -> Regime:
    return value if isinstance(value, Regime) else get_regime(value)


def _moments(lo: date, hi: date) -> st.SearchStrategy[datetime]:
    return st.builds(
        lambda d, minutes: (
            datetime(d.year, d.month, d.day, tzinfo=_AMS) + timedelta(minutes=minutes)
        ),
        st.dates(lo, hi),
        st.integers(8 * 60, 18 * 60),
    )


def _party(role: Role) -> st.SearchStrategy[Party]:
    capacity = (
        st.sampled_from(("client", "nabestaande", "vertegenwoordiger"))
        if role is Role.KLAGER
        else st.just("")
    )
    return st.builds(
        Party,
        role=st.just(role),
        ref=st.integers(1, 10**6).map(lambda n: f"{role.value}-{n}"),
        capacity=capacity,
        name=personal_texts(),
        contact=personal_texts(),
    )


def _value(spec: Field, base: date) -> st.SearchStrategy[Any]:
    kinds = spec.types
    if spec.choices:
        return st.sampled_from(spec.choices)
    if Party in kinds:
        return _party(spec.role or Role.KLAGER)
    if bool in kinds:
        return st.booleans()
    if int in kinds:
        low, high = spec.bounds or (0, 100)
        return st.integers(low, high)
    if Decimal in kinds:
        return st.decimals(0, 50_000, places=2, allow_nan=False, allow_infinity=False)
    if date in kinds:  # around the moment of the event: before or after it
        return st.integers(-400, 150).map(lambda n: base + timedelta(days=n))
    if str in kinds:
        return personal_texts() if spec.personal else st.sampled_from(("x", "y"))
    return st.nothing()


@st.composite
def _data(draw: st.DrawFn, spec: EventSpec, base: date) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in spec.fields:
        if field.name == "settings":
            continue
        if field.required or draw(st.booleans()):
            data[field.name] = draw(_value(field, base))
    return data


@st.composite
def opened_cases(
    draw: st.DrawFn,
    regime: str | Regime,
    *,
    start: tuple[date, date] = (date(2016, 1, 1), date(2030, 6, 30)),
) -> Case:
    """A freshly opened case of ``regime``: just the opening event."""
    reg = _regime(regime)
    spec = reg.open_event
    at = draw(_moments(*start))
    by = draw(st.sampled_from(sorted(spec.actors, key=lambda r: r.value)))
    case_id = draw(st.integers(1, 10**9).map(lambda n: f"K-{n}"))
    return reg.open(case_id, at=at, by=by, **draw(_data(spec, at.date())))


@st.composite
def walks(
    draw: st.DrawFn,
    regime: str | Regime,
    *,
    max_steps: int = 25,
    start: tuple[date, date] = (date(2016, 1, 1), date(2030, 6, 30)),
) -> tuple[Case, Sequence[Step]]:
    """A random walk: the final case and every step tried (applied or refused).

    Refused steps (a guard said no, or data did not fit) leave the case as it
    was, so they double as negative tests.
    """
    reg = _regime(regime)
    case = draw(opened_cases(reg, start=start))
    finals = {x.id for x in reg.states if x.final}
    steps: list[Step] = []
    wanted = draw(st.integers(0, max_steps))
    applied = 0
    # refused steps do not count, but attempts are bounded
    for _ in range(3 * wanted):
        allowed = reg.allowed(case)
        if applied >= wanted or not allowed:
            break
        # events that end the case are kept for the last step (half the
        # time), so walks go deep; a shrunk walk simply has fewer steps
        ending = [x for x in allowed if reg.target(case.state, x.id) in finals]
        going = [x for x in allowed if x not in ending]
        last = applied == wanted - 1
        if ending and (not going or (last and draw(st.booleans()))):
            spec = draw(st.sampled_from(ending))
        else:
            spec = draw(st.sampled_from(going))
        gap = draw(st.sampled_from((0, 1, 2, 7, 20, 41, 42, 43, 60, 70, 200)))
        at = case.last_at + timedelta(days=gap, minutes=draw(st.integers(0, 600)))
        by = draw(st.sampled_from(sorted(spec.actors, key=lambda r: r.value)))
        data = draw(_data(spec, at.date()))
        try:
            case = reg.apply(case, spec.id, at=at, by=by, **data)
        except (GuardError, EventDataError):
            steps.append(Step(spec.id, at, by, data, applied=False))
        else:
            steps.append(Step(spec.id, at, by, data, applied=True))
            applied += 1
    return case, steps


def cases(
    regime: str | Regime,
    *,
    max_steps: int = 25,
    start: tuple[date, date] = (date(2016, 1, 1), date(2030, 6, 30)),
) -> st.SearchStrategy[Case]:
    """Reachable cases of ``regime``, made by random walks of allowed events."""
    return walks(regime, max_steps=max_steps, start=start).map(lambda w: w[0])
