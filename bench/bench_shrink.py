"""Benchmark: how long a planted bug deep in KLP walks takes to find and shrink.

This is a benchmark script, not a test: pytest does not collect it. Run it from
the repository root::

    .venv/bin/python bench/bench_shrink.py           # full run, a few minutes
    .venv/bin/python bench/bench_shrink.py --quick   # smoke run for CI

The planted bug: a property that fails only for a KLP case ruled on by the
Geschillencommissie after a bemiddelingsgesprek (admit, analyse, mediate,
reaction, pass on, meeting, geschil, ruling: at least eight events after the
opening). Three strategies look for it, in the same run and with the same
Hypothesis seeds:

- ``old``: the strategy of klachtrecht 0.1 (``walks`` before issue 18), kept
  verbatim below as the anchor (``ref``);
- ``walks``: today's :func:`klachtrecht.testing.walks` (free walks);
- ``aimed``: ``walks("klp", state="ruled")``, aimed at the ruling, with
  Hypothesis's default phases and without its ``explain`` phase (which,
  after shrinking, re-runs the example to report which parts may vary: most
  of the time here).

Per strategy and seed, the time from the start of the Hypothesis run to the
shrunk counterexample (``max_examples=500``, no database, no deadline), as
wall time and as CPU time of this process (the CPU time is judged: it does not
depend on what else the machine runs), and the length of the shrunk history.
The figures are the median over the seeds; the ratio is ``old / row`` in CPU
time (above 1: faster than the old strategy); a strategy that does not find
the bug within the examples shows the time it spent looking.
``--quick`` runs one seed with few examples: its figures mean nothing.

Target (issue 18): the aimed strategy shrinks the KLP counterexample in at
most 5 s (the old one took about 60 s in the trial).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.testing import walks

# -- the anchor: klachtrecht 0.1's walk strategy, verbatim but for names -------------

_AMS = ZoneInfo("Europe/Amsterdam")


def _old_texts() -> st.SearchStrategy[str]:
    return st.builds(
        lambda a, b: f"PII-{a}-{b}",
        st.text("abcdefghijklmnopqrstuvwxyzéë", min_size=1, max_size=8),
        st.integers(0, 10**6),
    )


def _old_moments(lo: date, hi: date) -> st.SearchStrategy[datetime]:
    return st.builds(
        lambda d, minutes: (
            datetime(d.year, d.month, d.day, tzinfo=_AMS) + timedelta(minutes=minutes)
        ),
        st.dates(lo, hi),
        st.integers(8 * 60, 18 * 60),
    )


def _old_party(role: k.Role) -> st.SearchStrategy[k.Party]:
    capacity = (
        st.sampled_from(("client", "nabestaande", "vertegenwoordiger"))
        if role is k.Role.KLAGER
        else st.just("")
    )
    return st.builds(
        k.Party,
        role=st.just(role),
        ref=st.integers(1, 10**6).map(lambda n: f"{role.value}-{n}"),
        capacity=capacity,
        name=_old_texts(),
        contact=_old_texts(),
    )


def _old_value(spec: Any, base: date) -> st.SearchStrategy[Any]:
    kinds = spec.types
    if spec.choices:
        return st.sampled_from(spec.choices)
    if k.Party in kinds:
        return _old_party(spec.role or k.Role.KLAGER)
    if bool in kinds:
        return st.booleans()
    if int in kinds:
        low, high = spec.bounds or (0, 100)
        return st.integers(low, high)
    if Decimal in kinds:
        return st.decimals(0, 50_000, places=2, allow_nan=False, allow_infinity=False)
    if date in kinds:
        return st.integers(-400, 150).map(lambda n: base + timedelta(days=n))
    if str in kinds:
        return _old_texts() if spec.personal else st.sampled_from(("x", "y"))
    return st.nothing()


@st.composite
def _old_data(draw: st.DrawFn, spec: Any, base: date) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in spec.fields:
        if field.name == "settings":
            continue
        if field.required or draw(st.booleans()):
            data[field.name] = draw(_old_value(field, base))
    return data


@st.composite
def old_walks(
    draw: st.DrawFn, name: str, max_steps: int = 25
) -> tuple[k.Case, list[Any]]:
    reg = k.regime(name)
    spec = reg.open_event
    at = draw(_old_moments(date(2016, 1, 1), date(2030, 6, 30)))
    by = draw(st.sampled_from(sorted(spec.actors, key=lambda r: r.value)))
    case_id = draw(st.integers(1, 10**9).map(lambda n: f"K-{n}"))
    case = reg.open(case_id, at=at, by=by, **draw(_old_data(spec, at.date())))
    finals = {x.id for x in reg.states if x.final}
    steps: list[Any] = []
    wanted = draw(st.integers(0, max_steps))
    applied = 0
    for _ in range(3 * wanted):
        allowed = reg.allowed(case)
        if applied >= wanted or not allowed:
            break
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
        data = draw(_old_data(spec, at.date()))
        try:
            case = reg.apply(case, spec.id, at=at, by=by, **data)
        except (k.GuardError, k.EventDataError):
            steps.append((spec.id, False))
        else:
            steps.append((spec.id, True))
            applied += 1
    return case, steps


# -- the planted bug ------------------------------------------------------------------


def planted_bug(case: k.Case) -> bool:
    """True for the cases the planted bug breaks: ruled after a meeting."""
    return case.state == "ruled" and case.facts.meetings >= 1


def measure(
    strategy: st.SearchStrategy[Any],
    run_seed: int,
    examples: int,
    phases: Sequence[Phase] = tuple(Phase),
) -> tuple[float, float, int | None]:
    """Seconds (wall, CPU of this process) to find and shrink the planted bug,
    and the shrunk history length (None: not found within ``examples``)."""
    shrunk: list[int] = []

    @seed(run_seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=phases,
    )
    @given(strategy)
    def prop(walk: tuple[k.Case, Sequence[Any]]) -> None:
        case = walk[0]
        if planted_bug(case):
            shrunk.append(len(case.history))
            raise AssertionError("planted bug")

    start, cpu = time.perf_counter(), time.process_time()
    try:
        prop()
    except AssertionError:
        found: int | None = shrunk[-1]
    else:
        found = None
    return time.perf_counter() - start, time.process_time() - cpu, found


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    seeds = [0] if quick else [0, 1, 2]
    examples = 10 if quick else 500
    aimed = lambda: walks("klp", state="ruled")  # noqa: E731
    no_explain = tuple(p for p in Phase if p is not Phase.explain)
    rows: list[tuple[str, Callable[[], st.SearchStrategy[Any]], Sequence[Phase]]] = [
        ("old (klachtrecht 0.1 walks)", lambda: old_walks("klp"), tuple(Phase)),
        ("walks('klp')", lambda: walks("klp"), tuple(Phase)),
        ("walks('klp', state='ruled')", aimed, tuple(Phase)),
        ("  same, without Phase.explain", aimed, no_explain),
    ]
    print(f"planted bug: KLP case ruled after a bemiddelingsgesprek; seeds {seeds}")
    print(
        f"{'strategy':32} {'wall s':>7} {'cpu s':>7} {'found':>6} "
        f"{'history':>8} {'ratio':>7}"
    )
    cpus: dict[str, float] = {}
    for label, make, phases in rows:
        walls: list[float] = []
        times: list[float] = []
        lengths: list[int] = []
        for s in seeds:
            wall, cpu, length = measure(make(), s, examples, phases)
            walls.append(wall)
            times.append(cpu)
            if length is not None:
                lengths.append(length)
        cpus[label] = statistics.median(times)
        ratio = cpus[rows[0][0]] / cpus[label]
        history = str(min(lengths)) if lengths else "-"
        print(
            f"{label:32} {statistics.median(walls):7.2f} {cpus[label]:7.2f} "
            f"{len(lengths):>3}/{len(seeds)} {history:>8} {ratio:7.1f}"
            f"{'  ref' if label == rows[0][0] else ''}",
            flush=True,
        )
    for label, _, _ in rows[2:]:
        figure = cpus[label]
        verdict = (
            "not judged (--quick)" if quick else ("met" if figure <= 5 else "MISSED")
        )
        print(f"target: {label.strip()} <= 5 s (CPU): {figure:.2f} s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
