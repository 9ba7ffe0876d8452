"""Hypothesis strategies for compliance test suites, aimed at what a test needs.

Every strategy works through the generic regime interface, so one suite covers
every regime, and checks its request when it is *defined*: a state the regime
does not have, a state no walk reaches under the given settings, settings
outside their bounds or a date range outside 2000-2099 raise a
:class:`StrategyError` or :class:`~klachtrecht.InvalidSettingError` (both a
``KlachtrechtError`` and a ``ValueError``) at once, not a Hypothesis health
check failure in the middle of a run.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import reject
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht._validators import IntBetween, OneOf, is_bool, non_negative_amount
from klachtrecht.testing._walk import (
    MARKER,
    Aim,
    RandomChooser,
    Step,
    StrategyError,
    actors,
    event_data,
    fake_text,
    find_witness,
    make_aim,
    pick,
    settings_type,
    walk,
)

if TYPE_CHECKING:
    from klachtrecht import Regime

__all__ = [
    "Command",
    "Step",
    "StrategyError",
    "cases",
    "commands",
    "opened_cases",
    "personal_texts",
    "sample_walks",
    "settings_for",
    "walks",
]

DEFAULT_START = (date(2016, 1, 1), date(2030, 6, 30))


def personal_texts() -> st.SearchStrategy[str]:
    """Fake personal data: always contains the marker ``PII`` plus random text."""
    return st.builds(
        lambda a, b: f"{MARKER}-{a}-{b}",
        st.text("abcdefghijklmnopqrstuvwxyzéë", min_size=1, max_size=8),
        st.integers(0, 10**6),
    )


class _Draws:
    """A walk's choices drawn from Hypothesis: integers shrink towards 0, so
    towards shorter walks, the first option and the simplest data."""

    def __init__(self, draw: st.DrawFn) -> None:
        self._draw = draw

    def integer(self, low: int, high: int) -> int:
        return self._draw(_integers(low, high))

    def text(self) -> str:
        # one integer per text: few choices to shrink (personal_texts() draws
        # a character at a time)
        return fake_text(self._draw(st.integers(0, 10**6)))


@lru_cache(maxsize=512)
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


def _regime(value: object) -> Regime:
    if isinstance(value, k.Regime):
        return value
    if isinstance(value, str):
        return k.regime(value)
    raise k.ArgumentTypeError(
        f"regime must be a name or a Regime, got {type(value).__name__}"
    )


# -- settings -----------------------------------------------------------------------


def _field_strategy(
    cls: type, field: attrs.Attribute[Any], fixed: object
) -> st.SearchStrategy[Any]:
    """The values of one settings field within its validator's bounds, or
    narrowed by ``fixed`` (a value, a (low, high) pair, a sequence of choices
    or a strategy)."""
    name = f"{cls.__name__}.{field.name}"
    check = field.validator
    if isinstance(fixed, st.SearchStrategy):
        return fixed
    if isinstance(check, IntBetween):
        low, high = check.low, check.high
        if isinstance(fixed, tuple):
            if not (
                len(fixed) == 2
                and all(type(x) is int for x in fixed)
                and low <= fixed[0] <= fixed[1] <= high
            ):
                raise k.InvalidSettingError(
                    f"{name}: the range must lie within {low}..{high}, in order"
                )
            low, high = fixed
        elif fixed is not None:
            return st.just(_validated(cls, field, fixed))
        return st.integers(low, high)
    if isinstance(check, OneOf):
        choices = check.choices
        if isinstance(fixed, list | frozenset | set):
            if not fixed or not set(fixed) <= set(choices):
                raise k.InvalidSettingError(
                    f"{name}: the choices must be some of {', '.join(choices)}"
                )
            choices = tuple(c for c in choices if c in fixed)
        elif fixed is not None:
            return st.just(_validated(cls, field, fixed))
        return st.sampled_from(choices)
    if fixed is not None:
        return st.just(_validated(cls, field, fixed))
    if check is is_bool:
        return st.booleans()
    if check is non_negative_amount:
        return st.decimals(0, 1000, places=2, allow_nan=False, allow_infinity=False)
    # no bounds known for this field: keep its default (say so in docs)
    return st.just(field.default)


def _validated(cls: type, field: attrs.Attribute[Any], value: object) -> object:
    cls(**{field.name: value})  # raises InvalidSettingError when out of bounds
    return value


def settings_for(regime: str | Regime, **fixed: object) -> st.SearchStrategy[Any]:
    """Settings of ``regime``'s klachtenregeling drawn within their bounds.

    The bounds are read from the settings class's validators (ints within
    their range, strings among their choices, booleans, amounts). Narrow a
    field with ``name=value``, ``name=(low, high)`` for an int, a list of
    choices for a string, or any strategy. A field the class does not have or
    a value outside its bounds raises :class:`~klachtrecht.InvalidSettingError`
    here, not during the run.
    """
    cls = settings_type(_regime(regime))
    fields = {f.name: f for f in attrs.fields(cls)}
    unknown = sorted(set(fixed) - set(fields))
    if unknown:
        raise k.InvalidSettingError(
            f"{cls.__name__} has no setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(fields)}"
        )
    return st.builds(
        cls,
        **{n: _field_strategy(cls, f, fixed.get(n)) for n, f in fields.items()},
    )


# -- walks and cases ------------------------------------------------------------------


def _settings_strategy(reg: Regime, settings: object) -> tuple[Any, Any]:
    """(strategy of settings, one example for the witness search)."""
    cls = settings_type(reg)
    if settings is None:
        return st.just(cls()), cls()
    if isinstance(settings, st.SearchStrategy):
        return settings, cls()
    if isinstance(settings, cls):
        return st.just(settings), settings
    raise k.ArgumentTypeError(
        f"settings for regime {reg.name!r} must be a {cls.__name__} or a strategy, "
        f"got {type(settings).__name__}"
    )


@lru_cache(maxsize=256)
def _reachable(aim: Aim, settings: object) -> bool:
    return find_witness(aim, settings)


def _aim(
    reg: Regime,
    state: str | None,
    final: bool | None,
    max_steps: int,
    start: tuple[date, date],
    example: object,
) -> Aim:
    aim = make_aim(reg, state=state, final=final, max_steps=max_steps, start=start)
    if not _reachable(aim, example):
        what = f"state {state!r}" if state else "a final state" if final else "a case"
        raise StrategyError(
            f"no walk of regime {reg.name!r} reaches {what} from cases opened in "
            f"{start[0].isoformat()}..{start[1].isoformat()} under these settings "
            "(near 2099, deadlines may end after the supported range)"
        )
    return aim


def walks(
    regime: str | Regime,
    *,
    state: str | None = None,
    final: bool | None = None,
    settings: object = None,
    max_steps: int = 25,
    start: tuple[date, date] = DEFAULT_START,
) -> st.SearchStrategy[tuple[k.Case, Sequence[Step]]]:
    """Random walks: the final case and every step tried (applied or refused).

    ``state`` aims at one state, ``final=True`` at final cases only and
    ``final=False`` at open cases only. ``settings`` is a settings value or a
    strategy of them (see :func:`settings_for`); default: the regime's
    defaults. The walk takes up to ``max_steps`` free steps (drawn first, so
    a shrunk counterexample has the shortest history), then the fewest events
    that reach the aim. Refused steps (a guard said no, or data did not fit)
    leave the case as it was, so they double as negative tests.
    """
    reg = _regime(regime)
    drawn, example = _settings_strategy(reg, settings)
    aim = _aim(reg, state, final, max_steps, start, example)

    @st.composite
    def strategy(draw: st.DrawFn) -> tuple[k.Case, Sequence[Step]]:
        result = walk(_Draws(draw), aim, draw(drawn))
        if result is None:
            reject()
            raise AssertionError("unreachable")  # pragma: no cover
        return result

    return strategy()


def sample_walks(
    regime: str | Regime,
    count: int,
    *,
    state: str | None = None,
    final: bool | None = None,
    settings: object = None,
    max_steps: int = 25,
    start: tuple[date, date] = DEFAULT_START,
) -> list[tuple[k.Case, Sequence[Step]]]:
    """``count`` seeded walks without Hypothesis (seeds 0, 1, ...), aimed as
    in :func:`walks`: reproducible samples for sweeps and benchmarks. With a
    strategy of settings, the regime's defaults are used."""
    reg = _regime(regime)
    _, example = _settings_strategy(reg, settings)
    aim = _aim(reg, state, final, max_steps, start, example)
    found: list[tuple[k.Case, Sequence[Step]]] = []
    for seed in range(count):
        result = walk(RandomChooser(seed), aim, example)
        if result is not None:
            found.append(result)
    return found


def cases(
    regime: str | Regime,
    *,
    state: str | None = None,
    final: bool | None = None,
    settings: object = None,
    max_steps: int = 25,
    start: tuple[date, date] = DEFAULT_START,
) -> st.SearchStrategy[k.Case]:
    """Reachable cases of ``regime``, aimed as in :func:`walks`."""
    return walks(
        regime,
        state=state,
        final=final,
        settings=settings,
        max_steps=max_steps,
        start=start,
    ).map(lambda w: w[0])


def opened_cases(
    regime: str | Regime,
    *,
    settings: object = None,
    start: tuple[date, date] = DEFAULT_START,
) -> st.SearchStrategy[k.Case]:
    """A freshly opened case of ``regime``: just the opening event."""
    return cases(regime, settings=settings, max_steps=0, start=start)


# -- events valid now ---------------------------------------------------------


@attrs.frozen
class Command:
    """An event to apply to a case: what, when, by whom, with which data."""

    event: str
    at: datetime
    by: k.Role
    data: dict[str, Any]

    def apply(self, regime: Regime, case: k.Case) -> k.Case:
        """``regime.apply`` with this command."""
        return regime.apply(case, self.event, at=self.at, by=self.by, **self.data)


def commands(
    case: k.Case, *, regime: Regime | None = None, tries: int = 25
) -> st.SearchStrategy[Command]:
    """Events the regime accepts for ``case`` now (table, actors, data and
    guards), some days after its last event. A final case has none: that
    raises :class:`StrategyError` here."""
    if not isinstance(case, k.Case):
        raise k.ArgumentTypeError(f"expected a Case, got {type(case).__name__}")
    reg = regime if regime is not None else k.regime(case.regime)
    allowed = reg.allowed(case)
    if not allowed:
        raise StrategyError(
            f"case {case.case_id!r} is in final state {case.state!r}: "
            "no event is valid for it"
        )

    @st.composite
    def strategy(draw: st.DrawFn) -> Command:
        chooser = _Draws(draw)
        for _ in range(tries):
            spec = pick(chooser, allowed)
            at = case.last_at + timedelta(
                days=chooser.integer(0, 60), minutes=chooser.integer(0, 600)
            )
            by = pick(chooser, actors(spec))
            data = event_data(chooser, spec, at.date())
            try:
                if reg.can(case, spec.id, at=at, by=by, **data):
                    return Command(spec.id, at, by, data)
            except k.InvalidDateError:
                continue
        reject()
        raise AssertionError("unreachable")  # pragma: no cover - reject() raises

    return strategy()
