"""Benchmark of changing a large affiliations register (klachtrecht.affiliations).

This is a benchmark script, not a test: pytest does not collect it. Run it from
the repository root::

    .venv/bin/python bench/bench_affiliations.py           # full run, ~20,000 practices
    .venv/bin/python bench/bench_affiliations.py --quick   # smoke run for CI

``--quick`` uses 500 practices and few repeats so every code path (the checks
included) runs in a second or two; its timings mean nothing and the target is
not judged. A disagreement between the incremental change and the anchor exits
with status 1 in both modes; a missed target does not change the exit status.

The register: N practices, each with its own klachtenregeling,
klachtenfunctionaris and geschilleninstantie (three arrangements), plus N/4
practitioners each working through one practice (an engagement).

What is measured (median per call over repeated passes, after a warm-up):

1. ``register.add(Provider(...))`` - a new practice.
2. ``register.add(Arrangement(...))`` - a new klachtencommissie for an
   existing practice.
3. ``register.add(Engagement(...))`` - a new zzp engagement.
4. ``register.end(ref, FUNCTIONARIS, on=...)`` - ending a practice's
   klachtenfunctionaris (the BEN case).
5. ``register.end_engagement(...)``.

Each against the anchor ``full``: the same change made the old way, by building
the register again from its three flat tuples so every record is validated
again (what ``add`` and ``end`` did before the per-provider indexes; about
0.15 s at 20,000 practices). Both results are compared for equality first.
Also shown, once: building the register, ``dump`` + ``load`` of it.

The ratio column is the anchor's time divided by the row's: above 1 means the
incremental change is faster. Target: every change <= 1 ms at 20,000 practices.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Final

from klachtrecht.affiliations import (
    Affiliations,
    Arrangement,
    Basis,
    Component,
    Engagement,
    Provider,
    ProviderKind,
    dump,
    load,
)

TARGET_MS: Final = 1.0
START: Final = date(2020, 1, 1)


def build(practices: int) -> Affiliations:
    """A register of ``practices`` practices and practices/4 practitioners."""
    providers = [Provider(f"pr-{i}", ProviderKind.PRACTICE) for i in range(practices)]
    providers += [
        Provider(f"zv-{i}", ProviderKind.PRACTITIONER) for i in range(practices // 4)
    ]
    arrangements = [
        Arrangement(
            provider=f"pr-{i}",
            component=component,
            body=f"body {component.value} {i % 17}",
            valid_from=START,
        )
        for i in range(practices)
        for component in (
            Component.REGELING,
            Component.FUNCTIONARIS,
            Component.GESCHILLENINSTANTIE,
        )
    ]
    engagements = [
        Engagement(
            practitioner=f"zv-{i}",
            practice=f"pr-{i * 4}",
            basis=Basis.EMPLOYED,
            valid_from=START,
        )
        for i in range(practices // 4)
    ]
    return Affiliations(providers, arrangements, engagements)


def full(register: Affiliations, *extra: object) -> Affiliations:
    """The anchor: rebuild the register from flat tuples (validates it all)."""
    providers = [*register.providers, *(x for x in extra if isinstance(x, Provider))]
    arrangements = [
        *register.arrangements,
        *(x for x in extra if isinstance(x, Arrangement)),
    ]
    engagements = [
        *register.engagements,
        *(x for x in extra if isinstance(x, Engagement)),
    ]
    return Affiliations(providers, arrangements, engagements)


def per_call(fn: Callable[[], object], repeats: int) -> float:
    """Median seconds per call of ``fn`` over ``repeats`` timed calls."""
    fn()  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t0)
    return statistics.median(times) / 1e9


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 1 when a result disagrees with the anchor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run for CI")
    args = parser.parse_args(argv)
    practices = 500 if args.quick else 20_000
    repeats, anchor_repeats = (5, 2) if args.quick else (200, 5)

    t0 = time.perf_counter()
    register = build(practices)
    built = time.perf_counter() - t0
    t0 = time.perf_counter()
    document = dump(register)
    dumped = time.perf_counter() - t0
    t0 = time.perf_counter()
    loaded = load(document)
    loaded_s = time.perf_counter() - t0

    new_practice = Provider("pr-new", ProviderKind.PRACTICE)
    commissie = Arrangement(
        provider=f"pr-{practices // 2}",
        component=Component.COMMISSIE,
        body="commissie",
        valid_from=date(2024, 1, 1),
    )
    zzp = Engagement(
        practitioner="zv-1",
        practice=f"pr-{practices - 1}",
        basis=Basis.ZZP,
        valid_from=date(2024, 1, 1),
    )
    ref = f"pr-{practices // 3}"
    on = date(2023, 12, 31)

    def ended_full() -> Affiliations:
        arrangements = [
            Arrangement(
                provider=a.provider,
                component=a.component,
                body=a.body,
                valid_from=a.valid_from,
                valid_until=on,
            )
            if a.provider == ref and a.component is Component.FUNCTIONARIS
            else a
            for a in register.arrangements
        ]
        return Affiliations(register.providers, arrangements, register.engagements)

    def ended_engagement_full() -> Affiliations:
        engagements = [
            Engagement(
                practitioner=e.practitioner,
                practice=e.practice,
                basis=e.basis,
                valid_from=e.valid_from,
                valid_until=on,
            )
            if e.practitioner == "zv-2"
            else e
            for e in register.engagements
        ]
        return Affiliations(register.providers, register.arrangements, engagements)

    rows: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("add(Provider)", lambda: register.add(new_practice),
         lambda: full(register, new_practice)),
        ("add(Arrangement)", lambda: register.add(commissie),
         lambda: full(register, commissie)),
        ("add(Engagement)", lambda: register.add(zzp), lambda: full(register, zzp)),
        ("end(ref, FUNCTIONARIS)",
         lambda: register.end(ref, Component.FUNCTIONARIS, on=on), ended_full),
        ("end_engagement(...)",
         lambda: register.end_engagement("zv-2", "pr-8", on=on),
         ended_engagement_full),
    ]  # fmt: skip

    failures = 0
    if loaded != register:
        print("CHECK FAILED: load(dump(register)) != register")
        failures += 1
    for name, incremental, anchor in rows:
        if incremental() != anchor():
            print(f"CHECK FAILED: {name} differs from the full rebuild")
            failures += 1

    print(
        f"register: {practices:,} practices, {len(register.providers):,} providers, "
        f"{len(register.arrangements):,} arrangements, "
        f"{len(register.engagements):,} engagements"
    )
    print(
        f"one-off: build {built * 1e3:.1f} ms, dump {dumped * 1e3:.1f} ms, "
        f"load {loaded_s * 1e3:.1f} ms"
    )
    print()
    print(f"{'change':<26}{'incremental':>14}{'full (ref)':>14}{'ratio':>10}  target")
    slowest = 0.0
    for name, incremental, anchor in rows:
        fast = per_call(incremental, repeats)
        slow = per_call(anchor, anchor_repeats)
        slowest = max(slowest, fast)
        met = "met" if fast * 1e3 <= TARGET_MS else "MISSED"
        print(
            f"{name:<26}{fast * 1e6:>11.1f} us{slow * 1e3:>11.1f} ms"
            f"{slow / fast:>10.0f}  {met if not args.quick else '-'}"
        )
    print()
    if args.quick:
        print("quick run: timings not judged")
    else:
        verdict = "met" if slowest * 1e3 <= TARGET_MS else "MISSED"
        print(f"target: every change <= {TARGET_MS} ms: {verdict}")
    print("checks:", "all agree" if not failures else f"{failures} FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
