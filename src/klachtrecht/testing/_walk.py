"""The walk engine behind the strategies: one code path for Hypothesis draws
and for the definition-time witness search (a seeded :class:`random.Random`).

A walk is aimed at a set of target states. It first takes ``length`` free
steps (the length is drawn first, so Hypothesis shrinks towards shorter
histories by shrinking one integer), then navigates along the transition table
to the nearest target state, trying "staying" events (self-loops such as
composing the commissie) when a guard refuses progress.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

import attrs

import klachtrecht as k
from klachtrecht.deadlines import MAX_DATE, MIN_DATE

if TYPE_CHECKING:
    from klachtrecht import EventSpec, Field, Regime

__all__ = ["Step", "Steps", "StrategyError"]

AMS = ZoneInfo("Europe/Amsterdam")
MARKER = "PII"
_LETTERS = "abcdefghijklmnopqrstuvwxyzéë"
#: Gaps in days between events: same day, next day, around the six weeks of
#: Wkkgz art. 17 and beyond, so due dates are met, just met and missed.
GAPS = (0, 1, 2, 7, 20, 41, 42, 43, 60, 70, 200)


class StrategyError(k.KlachtrechtError, ValueError):
    """A strategy was asked for cases that cannot exist: a state the regime
    does not have or no walk reaches, a date range outside 2000-2099, or
    settings outside their bounds. Raised when the strategy is defined."""


@attrs.frozen(repr=False)
class Step:
    """One attempted event of a walk: what was tried and whether it applied.

    ``before`` is the case the event was tried on (not compared, not shown);
    the repr leaves out the data, which holds fake personal values.
    """

    event: str
    at: datetime
    by: k.Role
    data: dict[str, Any]
    applied: bool
    before: k.Case | None = attrs.field(default=None, eq=False)

    def __repr__(self) -> str:
        return (
            f"Step({self.event!r}, at={self.at.isoformat()}, by={self.by.value!r}, "
            f"fields={sorted(self.data)}, applied={self.applied})"
        )


class Chooser(Protocol):
    """Where a walk's choices come from."""

    def integer(self, low: int, high: int) -> int: ...

    def text(self) -> str: ...


class RandomChooser:
    """Choices from a seeded :class:`random.Random` (witness search)."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)  # noqa: S311 - test data, not security

    def integer(self, low: int, high: int) -> int:
        return self._rng.randint(low, high)

    def text(self) -> str:
        return fake_text(self._rng.randint(0, 10**6))


def fake_text(n: int) -> str:
    """A recognisable fake personal text made from one number, e.g. ``PII-bé-7``."""
    letters = _LETTERS[n % len(_LETTERS)] + _LETTERS[(n // 7) % len(_LETTERS)]
    return f"{MARKER}-{letters}-{n}"


def pick(chooser: Chooser, options: Sequence[Any]) -> Any:
    """One of ``options``; index 0 is where shrinking goes (no choice is
    drawn when there is only one)."""
    if len(options) == 1:
        return options[0]
    return options[chooser.integer(0, len(options) - 1)]


def actors(spec: EventSpec) -> list[k.Role]:
    return sorted(spec.actors, key=lambda r: r.value)


def settings_type(reg: Regime) -> type:
    """The regime's settings class (the type of its open event's settings)."""
    for field in reg.open_event.fields:
        if field.name == "settings":
            return field.types[0]
    raise StrategyError(
        f"regime {reg.name!r} has no settings field"
    )  # pragma: no cover


def party(chooser: Chooser, role: k.Role) -> k.Party:
    """A party whose ref, name and contact all come from one drawn number."""
    capacity = ""
    if role is k.Role.KLAGER:
        capacity = pick(chooser, ("client", "surviving_relative", "representative"))
    n = chooser.integer(1, 10**6)
    return k.Party(role, f"{role.value}-{n}", capacity, fake_text(n), fake_text(n + 1))


def value(
    chooser: Chooser, spec: Field, base: date, flip: bool = False, turn: int = 0
) -> Any:
    """A value for one event field, within its spec (choices, bounds, role).

    Where shrinking goes (every choice 0) is a value most guards accept: the
    ``turn``-th choice (``turn``: how often the event happened before, so the
    second hearing hears the other side), the middle of an int's bounds,
    False (True when ``flip``), the day of the event.
    """
    kinds = spec.types
    if spec.choices:
        n = len(spec.choices)
        return spec.choices[(chooser.integer(0, n - 1) + turn) % n]
    if k.Party in kinds:
        return party(chooser, spec.role or k.Role.KLAGER)
    if bool in kinds:
        return (chooser.integer(0, 1) == 1) != flip
    if int in kinds:
        low, high = spec.bounds or (0, 100)
        span = high - low + 1
        return low + (span // 2 + chooser.integer(0, span - 1)) % span
    if Decimal in kinds:
        return Decimal(chooser.integer(0, 5_000_000)) / 100
    if date in kinds:  # around the moment of the event: before or after it
        day = base + timedelta(days=chooser.integer(-400, 150))
        return min(max(day, MIN_DATE), MAX_DATE)
    if str in kinds:
        return chooser.text() if spec.personal else pick(chooser, ("x", "y"))
    raise StrategyError(  # pragma: no cover - every built-in field type is known
        f"field {spec.name!r}: no values known for {spec.type_names()}"
    )


def event_data(
    chooser: Chooser, spec: EventSpec, base: date, flip: bool = False, turn: int = 0
) -> dict[str, Any]:
    """Data for an event. Optional fields are given when the choice is 0 (left
    out when ``flip``): a retry with ``flip`` tries the other booleans and
    the other optional fields, e.g. no damages awarded when none were claimed."""
    data: dict[str, Any] = {}
    for field in spec.fields:
        if field.name == "settings":
            continue
        if field.required or (chooser.integer(0, 1) == 0) != flip:
            data[field.name] = value(chooser, field, base, flip, turn)
    return data


def moment(chooser: Chooser, lo: date, hi: date) -> datetime:
    day = lo + timedelta(days=chooser.integer(0, (hi - lo).days))
    minutes = chooser.integer(8 * 60, 18 * 60)
    return datetime(day.year, day.month, day.day, tzinfo=AMS) + timedelta(
        minutes=minutes
    )


def usable(reg: Regime, case: k.Case) -> bool:
    """Whether the library can compute everything of ``case`` (its deadlines
    may end after 2099 near the edge of the supported range)."""
    try:
        reg.deadlines(case)
    except k.InvalidDateError:
        return False
    return True


def distances(reg: Regime, targets: frozenset[str]) -> dict[str, int]:
    """Fewest events from each state to a state in ``targets`` (absent: never)."""
    back: dict[str, set[str]] = {}
    for (source, _), target in reg.transitions.items():
        back.setdefault(target, set()).add(source)
    dist = dict.fromkeys(targets, 0)
    queue = deque(targets)
    while queue:
        state = queue.popleft()
        for source in back.get(state, ()):
            if source not in dist:
                dist[source] = dist[state] + 1
                queue.append(source)
    return dist


def reachable(reg: Regime) -> frozenset[str]:
    """The states the table reaches from the initial state."""
    initial = next(s.id for s in reg.states if s.initial)
    seen = {initial}
    queue = deque([initial])
    while queue:
        state = queue.popleft()
        for (source, _), target in reg.transitions.items():
            if source == state and target not in seen:
                seen.add(target)
                queue.append(target)
    return frozenset(seen)


@attrs.frozen
class Aim:
    """What a walk aims at: target states (None: anywhere), the walk length
    bound, the opening range and the settings."""

    reg: Regime
    targets: frozenset[str] | None
    max_steps: int
    start: tuple[date, date]
    dist: Mapping[str, int] = attrs.field(eq=False)
    finals: frozenset[str] = attrs.field(eq=False)
    goals: Mapping[str, Mapping[str, int]] = attrs.field(eq=False, factory=dict)


def make_aim(
    reg: Regime,
    *,
    state: str | None,
    final: bool | None,
    max_steps: int,
    start: tuple[date, date],
) -> Aim:
    """Check a request at definition time and compile it to an :class:`Aim`."""
    if type(max_steps) is not int or max_steps < 0:
        raise StrategyError("max_steps must be an int of at least 0")
    lo, hi = start
    if not (isinstance(lo, date) and isinstance(hi, date)) or lo > hi:
        raise StrategyError("start must be a (first, last) pair of dates, in order")
    if lo < MIN_DATE or hi > MAX_DATE:
        raise StrategyError(
            f"start must lie within the supported range "
            f"{MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}"
        )
    finals = frozenset(s.id for s in reg.states if s.final)
    states = frozenset(s.id for s in reg.states)
    targets: frozenset[str] | None
    if state is not None:
        if state not in states:
            raise StrategyError(
                f"regime {reg.name!r} has no state {state!r}; "
                f"known: {', '.join(sorted(states))}"
            )
        if final is not None and (state in finals) != final:
            raise StrategyError(
                f"state {state!r} of regime {reg.name!r} is "
                f"{'final' if state in finals else 'not final'}, "
                f"but final={final} was asked"
            )
        if state not in reachable(reg):  # pragma: no cover - engine refuses these
            raise StrategyError(f"no walk reaches state {state!r} of {reg.name!r}")
        targets = frozenset({state})
    elif final is True:
        targets = finals
    elif final is False:
        targets = states - finals
    else:
        targets = None
    dist = distances(reg, targets) if targets is not None else {}
    # one goal per walk among several final targets, so every way a case
    # can end is generated (the nearest one would nearly always be withdrawal)
    goals = (
        {t: distances(reg, frozenset({t})) for t in sorted(targets)}
        if targets is not None and targets <= finals and len(targets) > 1
        else {}
    )
    return Aim(reg, targets, max_steps, (lo, hi), dist, finals, goals)


class Steps(tuple[Step, ...]):
    """The steps of a walk: a tuple with a short repr (a walk may try hundreds
    of events, and Hypothesis prints a failing example)."""

    __slots__ = ()

    def __repr__(self) -> str:
        applied = sum(1 for s in self if s.applied)
        return f"<{len(self)} steps: {applied} applied, {len(self) - applied} refused>"


Outcome = tuple[k.Case, Steps] | None


def walk(
    chooser: Chooser, aim: Aim, settings: Any, case_id: str | None = None
) -> Outcome:
    """One walk, or None when it did not end in a target state (or could not
    be opened within the supported range).

    When the free steps lead somewhere the aim cannot be reached from (a fact
    such as the klager's wish for the commissie rules out bemiddeling), the
    walk starts again from a fresh opening and navigates directly, once at
    most: the result is a shorter, still reachable case.
    """
    for round_ in range(2):
        case = open_case(chooser, aim, settings, case_id)
        if case is None:
            continue
        steps: list[Step] = []
        if round_ == 0:
            case = free_steps(chooser, aim, case, steps)
        if aim.targets is None:
            return case, Steps(steps)
        dist = aim.dist
        if aim.goals and round_ == 0:
            dist = aim.goals[pick(chooser, sorted(aim.goals))]
        case = navigate(chooser, aim, case, steps, dist)
        if case.state in aim.targets:
            return case, Steps(steps)
    return None


def free_steps(chooser: Chooser, aim: Aim, case: k.Case, steps: list[Step]) -> k.Case:
    """Up to a drawn number of applied steps (refused ones do not count)."""
    reg, targets, dist, finals = aim.reg, aim.targets, aim.dist, aim.finals
    length = chooser.integer(0, aim.max_steps)
    applied = 0
    attempts = 0
    while applied < length and attempts < 3 * length:
        attempts += 1
        allowed = reg.allowed(case)
        if not allowed:
            break
        last = applied == length - 1
        ending = [x for x in allowed if reg.target(case.state, x.id) in finals]
        if targets is None:
            # events that end the case are kept for the last step (half the
            # time), so walks go deep
            options = [x for x in allowed if x not in ending]
            if ending and (not options or (last and chooser.integer(0, 1))):
                options = ending
        else:
            options = [
                x
                for x in allowed
                if (reg.target(case.state, x.id) or "") in dist
                and (
                    x not in ending
                    or (last and reg.target(case.state, x.id) in targets)
                )
            ]
            if not options:
                break
        case, done = attempt(chooser, reg, case, pick(chooser, options), steps)
        applied += done
    return case


def navigate(
    chooser: Chooser,
    aim: Aim,
    case: k.Case,
    steps: list[Step],
    dist: Mapping[str, int],
) -> k.Case:
    """Events towards the nearest state at distance 0 in ``dist``; after a
    refusal, an event that stays as close (e.g. composing the commissie before
    its oordeel)."""
    reg, targets, finals = aim.reg, aim.targets, aim.finals
    assert targets is not None
    budget = 6 * dist.get(case.state, 0) + 24
    flipped: set[str] = set()  # states where flipped data was tried
    stays = 0  # stay attempts so far: rotates the stay events tried
    mode = "closer"  # after a refusal: "flip" (once per state), then "stay"
    while case.state not in targets and budget > 0:
        budget -= 1
        here = dist.get(case.state)
        if here is None or here == 0:
            break
        allowed = reg.allowed(case)
        closer = [
            x
            for x in allowed
            if dist.get(reg.target(case.state, x.id) or "", here) < here
        ]
        stay = [
            x
            for x in allowed
            if dist.get(reg.target(case.state, x.id) or "") == here
            and reg.target(case.state, x.id) not in finals
        ]
        if mode == "stay" and stay:
            spec = stay[(chooser.integer(0, len(stay) - 1) + stays) % len(stay)]
            stays += 1
            case, _ = attempt(chooser, reg, case, spec, steps)
            mode = "closer"
            continue
        if not closer:
            break
        flip = mode == "flip"
        if flip:
            flipped.add(case.state)
        case, done = attempt(chooser, reg, case, pick(chooser, closer), steps, flip)
        if done:
            mode = "closer"
        elif not flip and case.state not in flipped:
            mode = "flip"
        else:
            mode = "stay"
    return case


def open_case(
    chooser: Chooser, aim: Aim, settings: Any, case_id: str | None
) -> k.Case | None:
    reg = aim.reg
    spec = reg.open_event
    lo, hi = aim.start
    at = moment(chooser, lo, hi)
    by = pick(chooser, actors(spec))
    if case_id is None:
        case_id = f"K-{chooser.integer(1, 10**9)}"
    data = event_data(chooser, spec, at.date())
    for when in (at, datetime(lo.year, lo.month, lo.day, 9, tzinfo=AMS)):
        try:
            case = reg.open(case_id, at=when, by=by, settings=settings, **data)
        except (k.EventDataError, k.GuardError, k.InvalidDateError):
            continue  # e.g. an event date out of range; try the first day
        if usable(reg, case):
            return case
    return None


def attempt(
    chooser: Chooser,
    reg: Regime,
    case: k.Case,
    spec: EventSpec,
    steps: list[Step],
    flip: bool = False,
) -> tuple[k.Case, int]:
    """Try one event; record it; return the (new) case and 1 if it applied."""
    gap = pick(chooser, GAPS)
    # a few minutes after the previous event (or a later day): one choice less
    at = case.last_at + timedelta(days=gap, minutes=7)
    by = pick(chooser, actors(spec))
    turn = sum(1 for r in case.history if r.event == spec.id)
    data = event_data(chooser, spec, at.date(), flip, turn)
    try:
        moved = reg.apply(case, spec.id, at=at, by=by, **data)
    except (k.GuardError, k.EventDataError):
        steps.append(Step(spec.id, at, by, data, applied=False, before=case))
        return case, 0
    except k.InvalidDateError:
        return case, 0  # a guard near 2099 could not compute: not a refusal
    if not usable(reg, moved):
        return case, 0  # deadlines would end after 2099: not taken
    steps.append(Step(spec.id, at, by, data, applied=True, before=case))
    return moved, 1


def find_witness(aim: Aim, settings: Any, tries: int = 60) -> bool:
    """Whether some walk reaches the aim (seeded, deterministic search)."""
    for seed in range(tries):
        if walk(RandomChooser(seed), aim, settings) is not None:
            return True
    return False
