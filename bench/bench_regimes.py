"""Benchmark of the regime driver (klachtrecht.Regime) against python-statemachine.

This is a benchmark script, not a test: pytest does not collect it. Run it from
the repository root::

    .venv/bin/python bench/bench_regimes.py           # full run, about a minute
    .venv/bin/python bench/bench_regimes.py --quick   # smoke run for CI

``--quick`` uses tiny counts and single runs so every code path (the checks
included) is exercised in seconds; its timings mean nothing and the targets are
"not judged". A failed consistency check (below) exits with status 1 in both
modes; missed targets do not change the exit status.

Every regime in ``klachtrecht.REGIMES`` and every example in
``klachtrecht._examples.EXAMPLES`` present at run time is measured; a regime
without a built-in example is named in the checks and skipped.

Timing: a per-call figure is the median of 7 timed loops (``timeit`` with
``time.perf_counter_ns``, gc off during a loop), each loop of as many calls as
fill about 2 ms, after untimed warm-up and calibration loops. Where a row is
measured over several inputs (example steps, the cases of a lifecycle), that is
done per input and the median over the inputs is shown.

What is measured, by table section:

1. Per regime, ONE event applied to a case: ``Regime.apply`` on every step of
   every example of the regime (the case just before the step, the step's event,
   moment, actor and data), and on its self-transitions only (e.g. Wkkgz
   ``engage_functionaris``: raised -> raised). The anchor is python-statemachine
   used directly: instantiate the regime's machine class on a plain model already
   in the case's state and ``send`` the same event (the event id only; the
   machine has no callbacks for the data); the instantiation alone; ``send`` alone
   on a machine built before the timed loop (a pool of them: a machine that
   reached a final state is terminated and cannot be reset). Floors: a bare
   ``attrs.evolve`` of a Case, the Case constructor, and the dict lookup that the
   compiled ``(state, event) -> target`` table needs.
2. Per example, the full lifecycle per case (``Regime.open`` + every step) and
   the same through python-statemachine (instantiate + send each event, and send
   each event on a pre-built machine); ``Regime.replay(case_id, history)`` per
   case; ``Regime.deadlines(case)`` and ``Regime.allowed(case)`` per call over
   every case of the lifecycle (the deadline engine's cache is warm).
3. Per regime, throughput: 10,000 distinct cases through its longest example's
   lifecycle in one loop with gc on and the results kept (median of 3 passes
   after a warm-up pass); python-statemachine over 1,000 machines, same events.

Before timing, for every example: the state ``Regime.apply`` reaches after each
event must equal the state python-statemachine reaches for the same event
sequence (a fresh machine sent every event, and a machine started in the case's
state sent the one event); ``Regime.allowed`` must equal the machine's
``allowed_events``; ``Regime.replay`` must rebuild an equal case. An example
step that its regime refuses also fails the checks.

The ratio column is a row's time divided by its section's reference row (marked
``ref``, always klachtrecht): above 1 means klachtrecht is faster.

Targets: applying one event to a case, median, at least 10x faster than
instantiating the python-statemachine machine and sending the event:
``(instantiate + send) / Regime.apply >= 10`` for every regime; and for the
hot path of every portal, ``submit_written`` on a Wkkgz case (issue 11):
``Regime.apply`` at most 4 us, and at least 50x the same python-statemachine
anchor, measured in the same run as the fastest of 60 short alternating loops
(a median is meaningless on a machine shared with other processes).
"""

from __future__ import annotations

import gc
import math
import statistics
import time
import timeit
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

import attrs
from statemachine import StateMachine
from statemachine.exceptions import TransitionNotAllowed

import klachtrecht
from _common import (
    Checks,
    Section,
    machine_facts,
    print_table,
    print_targets,
    quick_flag,
)
from klachtrecht import Case, KlachtrechtError, Regime, Role
from klachtrecht._examples import EXAMPLES, Example

#: Used only if ``klachtrecht.REGIMES`` is empty (it never should be).
_FALLBACK_REGIMES: Final = ("wkkgz",)

#: The judged target: (instantiate + send) / apply, per regime.
_TARGET: Final = 10.0

#: The hot path of issue 11: ``submit_written`` on a Wkkgz case, at most
#: _HOT_US microseconds and at least _HOT_RATIO times python-statemachine.
_HOT_EVENT: Final = "submit_written"
_HOT_US: Final = 4.0
_HOT_RATIO: Final = 50.0


@dataclass(frozen=True)
class Config:
    """Counts for one run."""

    quick: bool
    repeat: int  # timed loops per per-call figure (median taken)
    loop_ns: int  # aim of one timed loop; 0: one call per loop
    cases: int  # klachtrecht cases in the throughput section
    psm_cases: int  # python-statemachine machines in the throughput section
    passes: int  # timed throughput passes (median taken)


FULL: Final = Config(
    quick=False,
    repeat=7,
    loop_ns=2_000_000,
    cases=10_000,
    psm_cases=1_000,
    passes=3,
)
QUICK: Final = Config(
    quick=True,
    repeat=1,
    loop_ns=0,
    cases=20,
    psm_cases=5,
    passes=1,
)


# -- python-statemachine, used directly ----------------------------------------------


class Model:
    """A plain mutable model: python-statemachine writes the state onto it."""

    def __init__(self, state: str | None = None) -> None:
        self.state = state


def psm_state(machine: StateMachine) -> str:
    """The id of the machine's one active state (``configuration``, not the
    deprecated ``current_state``)."""
    return "+".join(sorted(state.id for state in machine.configuration))


def psm_allowed(machine: StateMachine) -> set[str]:
    """The ids of the events the machine allows in its current state."""
    return {event.id for event in machine.allowed_events}


# -- examples as benchmark inputs ----------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One event of an example applied to the case just before it."""

    before: Case
    after: Case
    event: str
    at: datetime
    by: Role
    data: Mapping[str, Any]

    @property
    def self_transition(self) -> bool:
        return self.before.state == self.after.state


@dataclass(frozen=True)
class Run:
    """An example run through its regime: every case from open to the last step."""

    example: Example
    regime: Regime
    cases: tuple[Case, ...]  # after open, after each step
    steps: tuple[Step, ...]

    @property
    def events(self) -> tuple[str, ...]:
        return tuple(step.event for step in self.steps)

    @property
    def name(self) -> str:
        return f"{self.example.case_id} ({self.regime.name})"


def open_kwargs(example: Example) -> dict[str, Any]:
    """Keyword arguments of ``Regime.open`` for an example (after the case id)."""
    kwargs: dict[str, Any] = {"at": example.opened_at, **example.open_data}
    opened_by = getattr(example, "opened_by", None)  # if examples ever gain it
    if isinstance(opened_by, Role):
        kwargs["by"] = opened_by
    return kwargs


def lifecycle(reg: Regime, example: Example, case_id: str) -> Case:
    """Open a case and apply every step of the example; the final case."""
    case = reg.open(case_id, **open_kwargs(example))
    for step in example.steps:
        case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
    return case


def regime_names() -> list[str]:
    return list(klachtrecht.REGIMES) or list(_FALLBACK_REGIMES)


def build_runs(checks: Checks) -> dict[str, list[Run]]:
    """Every example run through its regime, by regime name (checked below)."""
    runs: dict[str, list[Run]] = {name: [] for name in regime_names()}
    for example in EXAMPLES:
        if example.regime not in runs:
            checks.info(
                f"example {example.case_id}: regime {example.regime!r} is not "
                "registered; skipped"
            )
            continue
        try:
            reg = klachtrecht.regime(example.regime)
        except ImportError as exc:  # a regime registered before its module exists
            checks.info(f"example {example.case_id}: regime not loadable ({exc})")
            continue
        cases: list[Case] = []
        try:
            cases.append(reg.open(example.case_id, **open_kwargs(example)))
            for step in example.steps:
                cases.append(
                    reg.apply(
                        cases[-1], step.event, at=step.at, by=step.by, **step.data
                    )
                )
        except KlachtrechtError as exc:
            checks.fail(
                f"example {example.case_id} ({example.regime}): step "
                f"{len(cases)} (0 = open) refused: {type(exc).__name__}: {exc}"
            )
            continue
        steps = tuple(
            Step(before, after, s.event, s.at, s.by, s.data)
            for before, after, s in zip(
                cases[:-1], cases[1:], example.steps, strict=True
            )
        )
        runs[example.regime].append(Run(example, reg, tuple(cases), steps))
    for name, found in runs.items():
        if not found:
            checks.info(f"regime {name!r} has no built-in example: not measured")
    return runs


def check_run(run: Run, checks: Checks) -> None:
    """Regime.apply against python-statemachine, allowed(), replay()."""
    reg, cases = run.regime, run.cases
    problems: list[str] = []
    machine = reg.machine(model=Model())
    for i, case in enumerate(cases):
        if i:
            step = run.steps[i - 1]
            try:
                machine.send(step.event)
            except TransitionNotAllowed:
                problems.append(f"python-statemachine refuses {step.event!r}")
                break
            try:
                alone = reg.machine(model=Model(step.before.state))
                alone.send(step.event)
                alone_state = psm_state(alone)
            except TransitionNotAllowed:
                alone_state = "(refused)"
            if alone_state != case.state:
                problems.append(
                    f"{step.event!r} from {step.before.state!r}: apply -> "
                    f"{case.state!r}, machine started there -> {alone_state!r}"
                )
        if psm_state(machine) != case.state:
            what = "open" if not i else repr(run.steps[i - 1].event)
            problems.append(
                f"after {what}: apply -> {case.state!r}, "
                f"python-statemachine -> {psm_state(machine)!r}"
            )
        allowed = {spec.id for spec in reg.allowed(case)}
        if allowed != psm_allowed(machine):
            problems.append(
                f"in {case.state!r}: allowed() {sorted(allowed)} != allowed_events "
                f"{sorted(psm_allowed(machine))}"
            )
    if reg.replay(run.example.case_id, cases[-1].history) != cases[-1]:
        problems.append("replay(case_id, history) differs from the case")
    if problems:
        checks.fail(f"{run.name}: " + "; ".join(problems[:3]))
    else:
        checks.ok(
            f"{run.name}: {len(cases)} events; state after each: Regime.apply == "
            "python-statemachine (fresh machine, and machine started in the "
            "case's state); allowed() == allowed_events; replay == case"
        )


# -- timing -------------------------------------------------------------------------


def per_call_ns(
    stmt: Callable[[], object],
    cfg: Config,
    prepare: Callable[[int], object] | None = None,
) -> float:
    """Median over ``cfg.repeat`` timed loops of (loop time / calls), in ns.

    Untimed warm-up and calibration loops come first; then each loop makes as
    many calls as take about ``cfg.loop_ns``. ``prepare(n)`` runs untimed before
    every loop of ``n`` calls. timeit switches gc off during a loop.
    """
    number = 1

    def setup() -> None:
        if prepare is not None:
            prepare(number)

    timer = timeit.Timer(stmt, setup=setup, timer=time.perf_counter_ns)
    elapsed = timer.timeit(number=1)  # warm-up
    while cfg.loop_ns and elapsed < cfg.loop_ns / 10 and number < 1_000_000:
        number *= 10
        elapsed = timer.timeit(number=number)
    if cfg.loop_ns:
        number = max(1, math.ceil(number * cfg.loop_ns / max(elapsed, 1)))
    else:
        number = 1
    return statistics.median(timer.repeat(repeat=cfg.repeat, number=number)) / number


def min_pair_ns(
    first: Callable[[], object], second: Callable[[], object], loops: int
) -> tuple[float, float]:
    """Per-call time of the fastest of ``loops`` short loops of each function,
    the two alternating (200 calls per loop of ``first``, 10 of ``second``)."""
    one = timeit.Timer(first, timer=time.perf_counter_ns)
    two = timeit.Timer(second, timer=time.perf_counter_ns)
    one.timeit(number=10)
    two.timeit(number=1)
    best_one = best_two = math.inf
    for _ in range(loops):
        best_one = min(best_one, one.timeit(number=200) / 200)
        best_two = min(best_two, two.timeit(number=10) / 10)
    return best_one, best_two


def median_over(
    inputs: Sequence[Any], make: Callable[[Any], Callable[[], object]], cfg: Config
) -> float:
    """Median over ``inputs`` of the per-call time of ``make(input)``."""
    return statistics.median(per_call_ns(make(item), cfg) for item in inputs)


def pooled_ns(
    build: Callable[[], StateMachine],
    use: Callable[[StateMachine], object],
    cfg: Config,
) -> float:
    """Per-call time of ``use(machine)`` on machines built before each timed loop.

    A machine that reached a final state is terminated (python-statemachine 3
    refuses every later event, even after ``current_state_value`` is reset), so
    each call gets a fresh pre-built one; the ``list.pop`` is included.
    """
    pool: list[StateMachine] = []

    def prepare(n: int) -> None:
        pool[:] = [build() for _ in range(n)]

    def stmt() -> None:
        use(pool.pop())

    return per_call_ns(stmt, cfg, prepare)


# -- sections -----------------------------------------------------------------------


def _apply_fn(reg: Regime, step: Step) -> Callable[[], object]:
    case, event, at, by, data = step.before, step.event, step.at, step.by, step.data
    return lambda: reg.apply(case, event, at=at, by=by, **data)


def _psm_one_fn(reg: Regime, step: Step) -> Callable[[], object]:
    machine, source, event = reg.machine, step.before.state, step.event
    return lambda: machine(model=Model(source)).send(event)


def _psm_new_fn(reg: Regime, step: Step) -> Callable[[], object]:
    machine, source = reg.machine, step.before.state
    return lambda: machine(model=Model(source))


def _psm_at_fn(reg: Regime, state: str) -> Callable[[], StateMachine]:
    machine = reg.machine
    return lambda: machine(model=Model(state))


def _send_fn(event: str) -> Callable[[StateMachine], object]:
    return lambda m: m.send(event)


def _evolve_fn(step: Step) -> Callable[[], object]:
    case, target, version = step.before, step.after.state, step.before.version + 1
    return lambda: attrs.evolve(case, state=target, version=version)


def _construct_fn(step: Step) -> Callable[[], object]:
    c, target = step.before, step.after.state
    return lambda: Case(
        c.case_id,
        c.regime,
        target,
        c.version + 1,
        c.history,
        c.parties,
        c.settings,
        c.facts,
    )


def _lookup_fn(table: Mapping[tuple[str, str], str], step: Step) -> Callable[[], str]:
    key = (step.before.state, step.event)
    return lambda: table[key]


def bench_one_event(name: str, runs: list[Run], cfg: Config) -> Section:
    reg = runs[0].regime
    steps = [step for run in runs for step in run.steps]
    selfs = [step for step in steps if step.self_transition]
    table = dict(reg.transitions)
    sec = Section(
        f"{name}: ONE event applied to a case (median over {len(steps)} steps of "
        f"{len(runs)} example(s), {len({s.event for s in steps})} distinct events)"
    )
    sec.add(
        "klachtrecht Regime.apply(case, event, at=, by=, **data)",
        median_over(steps, lambda s: _apply_fn(reg, s), cfg),
        ref=True,
        key="apply",
    )
    if selfs:
        names = ", ".join(sorted({s.event for s in selfs}))
        sec.add(
            f"klachtrecht Regime.apply, self-transitions only ({names})",
            median_over(selfs, lambda s: _apply_fn(reg, s), cfg),
        )
    sec.add(
        "python-statemachine: instantiate at the case's state + send",
        median_over(steps, lambda s: _psm_one_fn(reg, s), cfg),
        key="psm",
    )
    written = [s for s in steps if s.event == _HOT_EVENT]
    if written:
        # the hot path: fastest of many short loops, alternating klachtrecht
        # and python-statemachine, so a busy machine (other processes taking
        # the CPU mid-loop) inflates neither side of the ratio
        loops = 3 if cfg.quick else 60
        apply_ns, psm_ns = min_pair_ns(
            _apply_fn(reg, written[0]), _psm_one_fn(reg, written[0]), loops
        )
        sec.add(
            f"klachtrecht Regime.apply, {_HOT_EVENT} only (fastest loop)",
            apply_ns,
            key="apply_hot",
        )
        sec.add(
            f"python-statemachine: instantiate + send, {_HOT_EVENT} (fastest loop)",
            psm_ns,
            key="psm_hot",
        )
    sec.add(
        "python-statemachine: instantiate at the case's state alone",
        median_over(steps, lambda s: _psm_new_fn(reg, s), cfg),
    )
    sec.add(
        "python-statemachine: send alone, on a pre-built machine",
        statistics.median(
            pooled_ns(_psm_at_fn(reg, s.before.state), _send_fn(s.event), cfg)
            for s in steps
        ),
        key="send",
    )
    sec.add(
        "floor: attrs.evolve(case, state=, version=) alone",
        median_over(steps, _evolve_fn, cfg),
    )
    sec.add(
        "floor: Case(...) constructor, all 8 fields positional",
        median_over(steps, _construct_fn, cfg),
    )
    sec.add(
        "floor: dict lookup table[(state, event)]",
        median_over(steps, lambda s: _lookup_fn(table, s), cfg),
    )
    return sec


def bench_lifecycle(run: Run, cfg: Config) -> Section:
    reg, example = run.regime, run.example
    events = run.events
    machine = reg.machine
    final = run.cases[-1]

    def kr() -> object:
        return lifecycle(reg, example, example.case_id)

    def psm() -> None:
        m = machine(model=Model())
        for event in events:
            m.send(event)

    def send_all(m: StateMachine) -> None:
        for event in events:
            m.send(event)

    sec = Section(
        f"lifecycle of example {run.name}: open + {len(events)} steps -> {final.state}"
    )
    sec.add(
        f"klachtrecht open + {len(events)} x apply, per case",
        per_call_ns(kr, cfg),
        ref=True,
    )
    sec.add(
        "klachtrecht Regime.replay(case_id, history), per case",
        per_call_ns(lambda: reg.replay(example.case_id, final.history), cfg),
    )
    sec.add(
        f"python-statemachine: instantiate + {len(events)} x send, per case",
        per_call_ns(psm, cfg),
    )
    sec.add(
        f"python-statemachine: {len(events)} x send on a pre-built machine",
        pooled_ns(lambda: machine(model=Model()), send_all, cfg),
    )
    sec.add(
        f"klachtrecht Regime.deadlines(case), per call ({len(run.cases)} cases)",
        median_over(run.cases, lambda c: lambda: reg.deadlines(c), cfg),
    )
    sec.add(
        f"klachtrecht Regime.allowed(case), per call ({len(run.cases)} cases)",
        median_over(run.cases, lambda c: lambda: reg.allowed(c), cfg),
    )
    return sec


def _pass_ns(fn: Callable[[], object], passes: int) -> float:
    """Median wall time of ``fn`` over ``passes`` timed calls (gc on)."""
    times: list[int] = []
    for _ in range(passes):
        gc.collect()
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
    return statistics.median(times)


def fmt_rate(per_second: float, unit: str) -> str:
    if per_second >= 1e6:
        return f"{per_second / 1e6:.2f}M {unit}/s"
    if per_second >= 1e3:
        return f"{per_second / 1e3:.1f}k {unit}/s"
    return f"{per_second:.0f} {unit}/s"


def bench_throughput(name: str, runs: list[Run], cfg: Config) -> Section:
    run = max(runs, key=lambda r: len(r.steps))  # first of the longest
    reg, example, events = run.regime, run.example, run.events
    per_case = len(events) + 1  # open included
    ids = [f"{example.case_id}-{i:06d}" for i in range(cfg.cases)]
    kept: list[Case] = []

    def kr(case_ids: Sequence[str]) -> None:
        kept.clear()
        for case_id in case_ids:
            kept.append(lifecycle(reg, example, case_id))

    machine = reg.machine
    machines: list[StateMachine] = []

    def psm(count: int) -> None:
        machines.clear()
        for _ in range(count):
            m = machine(model=Model())
            for event in events:
                m.send(event)
            machines.append(m)

    kr(ids[: max(1, cfg.cases // 100)])  # warm-up
    psm(max(1, cfg.psm_cases // 100))
    kr_ns = _pass_ns(lambda: kr(ids), cfg.passes) / cfg.cases
    psm_ns = _pass_ns(lambda: psm(cfg.psm_cases), cfg.passes) / cfg.psm_cases
    kept.clear()
    machines.clear()
    sec = Section(
        f"{name} throughput: example {example.case_id}, {per_case} events per case "
        f"(gc on, results kept; median of {cfg.passes} pass(es))"
    )
    sec.add(
        f"klachtrecht: {cfg.cases:,} cases, open + {len(events)} x apply",
        kr_ns,
        ref=True,
        key="kr",
        rate=(
            f"{fmt_rate(1e9 / kr_ns, 'cases')}, "
            f"{fmt_rate(per_case * 1e9 / kr_ns, 'events')}"
        ),
    )
    sec.add(
        f"python-statemachine: {cfg.psm_cases:,} machines, "
        f"instantiate + {len(events)} x send",
        psm_ns,
        rate=fmt_rate(1e9 / psm_ns, "cases"),
    )
    return sec


def main(argv: Sequence[str] | None = None) -> int:
    quick = quick_flag(
        __doc__, argv, "smoke run: tiny counts, timings meaningless, targets not judged"
    )
    cfg = QUICK if quick else FULL

    print("klachtrecht regime benchmark (bench/bench_regimes.py)")
    print(machine_facts("klachtrecht", "python-statemachine", "attrs"))
    if cfg.quick:
        print("mode: --quick (smoke run: counts are tiny, timings mean nothing)")
    else:
        print(
            f"mode: full (per-call: median of {cfg.repeat} timed loops of ~"
            f"{cfg.loop_ns / 1e6:.0f} ms after warm-up; throughput: median of "
            f"{cfg.passes} passes after a warm-up pass)"
        )
    names = regime_names()
    print(f"regimes: {', '.join(names)}; examples: {len(EXAMPLES)}")

    checks = Checks()
    by_regime = build_runs(checks)
    for runs in by_regime.values():
        for run in runs:
            check_run(run, checks)
    measured = {name: runs for name, runs in by_regime.items() if runs}

    one = [bench_one_event(name, runs, cfg) for name, runs in measured.items()]
    life = [bench_lifecycle(run, cfg) for runs in measured.values() for run in runs]
    gc.collect()
    rate = [bench_throughput(name, runs, cfg) for name, runs in measured.items()]

    checks.print("checks (before timing)")
    print(
        "\nratio = time / the section's ref row (above 1: klachtrecht is faster); "
        "times are per call, in sections 2 and 3 per case."
    )
    print_table(
        [
            ("one event applied to a case, per regime", one),
            ("full lifecycle of each built-in example", life),
            ("throughput, per regime", rate),
        ]
    )

    targets = []
    for name, sec in zip(measured, one, strict=True):
        keyed = sec.keyed
        targets += [
            (
                f"{name}: psm instantiate + send / kr",
                keyed["psm"] / keyed["apply"],
                f">= {_TARGET:.0f}",
            ),
            (
                f"{name}: psm send alone / kr (info)",
                keyed["send"] / keyed["apply"],
                ">= 1",
            ),
        ]
        if "apply_hot" in keyed:
            targets += [
                (
                    f"{name}: {_HOT_EVENT}: Regime.apply (us)",
                    keyed["apply_hot"] / 1e3,
                    f"<= {_HOT_US:.0f}",
                ),
                (
                    f"{name}: {_HOT_EVENT}: psm instantiate + send / kr",
                    keyed["psm_hot"] / keyed["apply_hot"],
                    f">= {_HOT_RATIO:.0f}",
                ),
            ]
    print_targets(
        "targets (kr = klachtrecht Regime.apply, psm = python-statemachine, "
        "median per event)",
        targets,
        quick=cfg.quick,
    )
    for name in names:
        if name not in measured:
            print(f"  {name}: no built-in example, not judged")
    print()
    for name, sec in zip(measured, rate, strict=True):
        print(f"throughput {name}: {sec.rows[0].rate} (klachtrecht)")
    if checks.failed:
        print("\nFAILED: a consistency check failed (see checks)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
