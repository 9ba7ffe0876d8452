"""Benchmark of the Algemene termijnenwet deadline engine (klachtrecht.deadlines).

This is a benchmark script, not a test: pytest does not collect it. Run it from
the repository root with the ``bench`` extra installed (workalendar, numpy)::

    .venv/bin/python bench/bench_deadlines.py           # full run, under a minute
    .venv/bin/python bench/bench_deadlines.py --quick   # smoke run for CI

``--quick`` uses small counts and single runs so every code path (the checks
included) is exercised in seconds; its timings mean nothing and the targets are
not judged. A disagreement between klachtrecht and numpy or the naive loop exits
with status 1 in both modes; missed targets do not change the exit status.

What is measured, by table section (per-call times are the median over repeated
passes, each pass timed with ``timeit`` and ``time.perf_counter_ns`` after one
warm-up pass, so the one-off building of the Atw day tables is excluded; section
6 reports it):

1-2. ``add_working_days(day, n)`` for n = 5 and n = 60 against
   ``workalendar.europe.Netherlands().add_working_days``, ``numpy.busday_offset``
   called per scalar with a ``busdaycalendar`` of klachtrecht's exact holiday set,
   and a naive day-by-day Python loop over that same set (a frozenset). Inputs:
   every day of 2024..2028 (1,827 distinct dates) in a fixed scrambled order.
3. ``term_end(day, weeks=6, kind=TermKind.STATUTORY)`` against the anchors' way
   of doing the same: day + 42 days, then forward to the next working day. Cold
   = ``_cached.cache_clear()`` before every pass (all inputs are distinct, so
   every call is a cache miss); warm = every call is a cache hit.
4. ``term_end`` over 1,000,000 receipt dates cycling through every day of
   2000..2098, timed at 10k, 100k and 1M calls (gc enabled, as in a long-running
   service), and numpy's vectorised ``busday_offset`` over the same array.
5. Import cost in fresh interpreters (median of 5): the dependencies first, then
   what ``import klachtrecht`` adds on top of them in the same process; any other
   third-party package klachtrecht loads is named in the checks.
6. One-off costs: first calls in a fresh interpreter, the anchors' set-up.

Before timing, the results are compared on the same inputs: numpy and the naive
loop must equal klachtrecht exactly; for workalendar (5 mei every year, but no
gelijkgestelde dagen) the differences are only counted.

The ratio column is a row's time divided by the section's reference row (marked
``ref``): above 1 means klachtrecht is faster.

Targets: workalendar / klachtrecht >= 30 for ``add_working_days(day, 5)``;
workalendar / klachtrecht >= 10 for ``term_end``; ``import klachtrecht`` adds
<= 30 ms over its dependencies (attrs, dateutil.relativedelta, dateutil.easter,
and statemachine, which the regime modules import).
"""

from __future__ import annotations

import gc
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

import numpy as np
import numpy.typing as npt
from workalendar.europe import Netherlands

import _common
from _common import (
    Section,
    machine_facts,
    median_ns,
    print_table,
    print_targets,
    quick_flag,
)
from klachtrecht import deadlines
from klachtrecht.deadlines import (
    DEFAULT_BESLUITEN,
    MAX_DATE,
    MIN_DATE,
    TermKind,
    add_working_days,
    holidays,
    term_end,
)

_ONE_DAY: Final = timedelta(days=1)
_SIX_WEEKS: Final = timedelta(weeks=6)
_STATUTORY: Final = TermKind.STATUTORY

#: Inputs of sections 1 and 2: every day of 2024..2028, visited in the order
#: i * _STRIDE mod 1827 (a fixed permutation: _STRIDE is coprime with 1827).
_FIRST: Final = date(2024, 1, 1)
_LAST: Final = date(2028, 12, 31)
_STRIDE: Final = 7919

#: Receipt dates of section 3: every day of 2000..2098 (the 6-week end of the
#: last one still lies inside klachtrecht's supported range).
_BATCH_FIRST: Final = date(2000, 1, 1)
_BATCH_LAST: Final = date(2098, 12, 31)

_DayFn = Callable[[date], object]


@dataclass(frozen=True)
class Config:
    """Counts for one run."""

    quick: bool
    inputs: int  # how many of the 1,827 input dates to use
    repeat: int  # measured passes per per-call figure (median taken)
    batch: tuple[int, int, int]  # checkpoints of section 3
    batch_repeat: int
    processes: int  # fresh interpreters per import / first-call figure


FULL: Final = Config(
    quick=False,
    inputs=1827,
    repeat=7,
    batch=(10_000, 100_000, 1_000_000),
    batch_repeat=3,
    processes=5,
)
QUICK: Final = Config(
    quick=True,
    inputs=40,
    repeat=1,
    batch=(100, 1_000, 5_000),
    batch_repeat=1,
    processes=1,
)


# -- inputs and anchors -----------------------------------------------------------


@dataclass(frozen=True)
class Anchors:
    """What the anchors need: workalendar, numpy's calendar, the holiday sets."""

    workalendar: Netherlands
    busdaycal: np.busdaycalendar
    free: frozenset[date]  # klachtrecht's exact holiday set
    free_no_besluit: frozenset[date]  # the same without the gelijkgestelde dagen


def input_dates(count: int) -> list[date]:
    """The first ``count`` dates of the fixed scrambled walk over 2024..2028."""
    span = (_LAST - _FIRST).days + 1
    return [_FIRST + timedelta(days=i * _STRIDE % span) for i in range(count)]


def atw_free_days() -> frozenset[date]:
    """klachtrecht's exact holiday set (feestdagen and gelijkgestelde dagen)."""
    return frozenset(
        h.day
        for year in range(MIN_DATE.year, MAX_DATE.year + 1)
        for h in holidays(year)
    )


def besluit_days() -> frozenset[date]:
    """The gelijkgestelde dagen (Atw art. 3 lid 3), which workalendar lacks."""
    return frozenset(day for besluit in DEFAULT_BESLUITEN for day in besluit.days)


def numpy_calendar(free: frozenset[date]) -> np.busdaycalendar:
    """A Monday-Friday ``busdaycalendar`` without the days in ``free``."""
    return np.busdaycalendar(holidays=np.array(sorted(free), dtype="datetime64[D]"))


def naive_add_working_days(day: date, n: int, free: frozenset[date]) -> date:
    """The n-th working day after ``day`` (n >= 1), walking one day at a time."""
    while n:
        day += _ONE_DAY
        if day.weekday() < 5 and day not in free:
            n -= 1
    return day


def naive_term_end(start: date, free: frozenset[date]) -> date:
    """start + 6 weeks, then forward past weekends and days in ``free``."""
    end = start + _SIX_WEEKS
    while end.weekday() >= 5 or end in free:
        end += _ONE_DAY
    return end


def workalendar_term_end(cal: Netherlands, start: date) -> date:
    """start + 6 weeks, then forward while workalendar says it is no working day.

    ``find_following_working_day`` is not used: by its own docstring it skips
    weekends only, not holidays.
    """
    end = start + _SIX_WEEKS
    while not cal.is_working_day(end):
        end += _ONE_DAY
    return end


def workalendar_atw_term_end(cal: Netherlands, start: date) -> date:
    """The same legal job as ``term_end`` done with workalendar's own tools:
    start + 6 weeks, Atw art. 1 (forward past non-working days), then Atw art. 2
    (at least two working days in the term, counted by workalendar)."""
    end = workalendar_term_end(cal, start)
    if cal.get_working_days_delta(start, end) < 2:
        end = cal.add_working_days(start, 2)
    return end


def as_date(value: object) -> date:
    """A ``datetime.date`` from a date or a numpy ``datetime64[D]`` scalar."""
    if isinstance(value, np.datetime64):
        value = value.item()
    if type(value) is not date:
        raise TypeError(f"expected a date, got {value!r}")
    return value


# -- timing -----------------------------------------------------------------------


def per_call_ns(
    fn: _DayFn,
    days: Sequence[date],
    repeat: int,
    setup: Callable[[], object] | None = None,
) -> float:
    """Median over ``repeat`` timed passes of (pass time / calls), in ns.

    One untimed warm-up pass comes first. ``setup`` runs untimed before every
    pass. timeit switches gc off during a pass.
    """

    def one_pass() -> None:
        for day in days:
            fn(day)

    timer = timeit.Timer(one_pass, setup=setup or "pass", timer=time.perf_counter_ns)
    timer.timeit(number=1)
    return statistics.median(timer.repeat(repeat=repeat, number=1)) / len(days)


def fresh_python(code: str, runs: int) -> list[float]:
    """Run ``code`` in ``runs`` fresh interpreters; median of each integer printed
    on its first line of output.

    One extra run first (not counted) makes sure the bytecode caches exist.
    """
    samples: list[list[int]] = []
    for _ in range(runs + 1):
        out = subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        samples.append([int(word) for word in out.splitlines()[0].split()])
    return [float(statistics.median(col)) for col in zip(*samples[1:], strict=True)]


def importtime_ns(runs: int) -> tuple[float, float]:
    """``-X importtime``: klachtrecht's cumulative time and its modules' self time."""
    totals: list[int] = []
    selfs: list[int] = []
    for i in range(runs + 1):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import klachtrecht"],
            check=True,
            capture_output=True,
            text=True,
        ).stderr
        total = own = 0
        for line in err.splitlines():
            parts = line.removeprefix("import time:").split("|")
            if len(parts) != 3 or not parts[0].strip().isdigit():
                continue
            name = parts[2].strip()
            if name == "klachtrecht":
                total = int(parts[1])
            if name == "klachtrecht" or name.startswith("klachtrecht."):
                own += int(parts[0])
        if i:  # the first run only warms the bytecode caches
            totals.append(total)
            selfs.append(own)
    return statistics.median(totals) * 1e3, statistics.median(selfs) * 1e3


# -- sections ---------------------------------------------------------------------


class Checks(_common.Checks):
    """Agreement checks: printed, and any failure makes the exit status 1."""

    def exact(self, what: str, expected: list[date], **anchors: list[date]) -> None:
        """Anchors that must agree with klachtrecht on every input."""
        for name, got in anchors.items():
            bad = [
                i for i, (e, g) in enumerate(zip(expected, got, strict=True)) if e != g
            ]
            if bad:
                self.failed = True
                i = bad[0]
                self.lines.append(
                    f"FAIL {what}: {name} differs from klachtrecht on {len(bad)} of "
                    f"{len(expected)} inputs (first: {expected[i]} != {got[i]})"
                )
            else:
                self.lines.append(
                    f"ok   {what}: {name} == klachtrecht on all {len(expected)} inputs"
                )

    def loose(
        self, what: str, expected: list[date], got: list[date], explained: list[date]
    ) -> None:
        """workalendar: report differences, never fail.

        ``explained`` is the result on the Atw calendar without the gelijkgestelde
        dagen; a difference is explained when workalendar agrees with it.
        """
        diff = [i for i, (e, g) in enumerate(zip(expected, got, strict=True)) if e != g]
        other = [i for i in diff if got[i] != explained[i]]
        self.lines.append(
            f"info {what}: workalendar differs from klachtrecht on {len(diff)} of "
            f"{len(expected)} inputs; {len(diff) - len(other)} explained by the "
            f"gelijkgestelde dagen it lacks, {len(other)} otherwise"
        )


def bench_add_working_days(
    n: int, days: list[date], cfg: Config, anc: Anchors, checks: Checks
) -> Section:
    wl, bdc, free = anc.workalendar, anc.busdaycal, anc.free
    candidates: dict[str, _DayFn] = {
        "klachtrecht": lambda d: add_working_days(d, n),
        "workalendar": lambda d: wl.add_working_days(d, n),
        "numpy": lambda d: np.busday_offset(d, n, roll="backward", busdaycal=bdc),
        "naive": lambda d: naive_add_working_days(d, n, free),
    }
    results = {name: [as_date(fn(d)) for d in days] for name, fn in candidates.items()}
    what = f"add_working_days(day, {n})"
    checks.exact(what, results["klachtrecht"], numpy=results["numpy"])
    checks.exact(what, results["klachtrecht"], naive=results["naive"])
    checks.loose(
        what,
        results["klachtrecht"],
        results["workalendar"],
        [naive_add_working_days(d, n, anc.free_no_besluit) for d in days],
    )

    sec = Section(f"add_working_days(day, {n}) over {len(days)} dates in 2024..2028")
    t = {name: per_call_ns(fn, days, cfg.repeat) for name, fn in candidates.items()}
    sec.add("klachtrecht add_working_days", t["klachtrecht"], ref=True, key="kr")
    sec.add("workalendar Netherlands().add_working_days", t["workalendar"], key="wl")
    sec.add("numpy busday_offset, per scalar (date in)", t["numpy"])
    sec.add("naive day-by-day loop, frozenset of holidays", t["naive"])
    if n == 5:
        sec.add(
            "(loop + call overhead: lambda d: d)",
            per_call_ns(lambda d: d, days, cfg.repeat),
        )
    return sec


def bench_term_end(
    days: list[date], cfg: Config, anc: Anchors, checks: Checks
) -> Section:
    wl, bdc, free = anc.workalendar, anc.busdaycal, anc.free
    if len(set(days)) != len(days):
        raise SystemExit("bench bug: the term_end inputs must be distinct")

    def kr(d: date) -> object:
        return term_end(d, weeks=6, kind=_STATUTORY)

    anchors: dict[str, _DayFn] = {
        "workalendar": lambda d: workalendar_term_end(wl, d),
        "numpy": lambda d: np.busday_offset(
            d + _SIX_WEEKS, 0, roll="forward", busdaycal=bdc
        ),
        "naive": lambda d: naive_term_end(d, free),
    }
    due = [term_end(d, weeks=6, kind=_STATUTORY).due for d in days]
    results = {name: [as_date(fn(d)) for d in days] for name, fn in anchors.items()}
    what = "term_end(day, weeks=6)"
    checks.exact(what, due, numpy=results["numpy"], naive=results["naive"])
    checks.loose(
        what,
        due,
        results["workalendar"],
        [naive_term_end(d, anc.free_no_besluit) for d in days],
    )

    clear = deadlines._cached.cache_clear
    sec = Section(f"term_end(day, weeks=6, STATUTORY) over {len(days)} distinct dates")
    sec.add(
        "klachtrecht term_end, cold (cache cleared per pass)",
        per_call_ns(kr, days, cfg.repeat, clear),
        ref=True,
        key="cold",
    )
    sec.add(
        "klachtrecht term_end, warm (every call a cache hit)",
        per_call_ns(kr, days, cfg.repeat),
        key="warm",
    )
    sec.add(
        "workalendar, same job: +42 days, Atw art. 1 and art. 2",
        per_call_ns(lambda d: workalendar_atw_term_end(wl, d), days, cfg.repeat),
        key="wl",
    )
    sec.add(
        "workalendar, art. 1 only: +42 days, is_working_day loop",
        per_call_ns(anchors["workalendar"], days, cfg.repeat),
        key="wl_art1",
    )
    sec.add(
        "numpy busday_offset(end, 0, 'forward'), per scalar",
        per_call_ns(anchors["numpy"], days, cfg.repeat),
    )
    sec.add(
        "naive: +42 days, frozenset loop",
        per_call_ns(anchors["naive"], days, cfg.repeat),
    )
    return sec


def bench_batch(cfg: Config, bdc: np.busdaycalendar, checks: Checks) -> Section:
    span = (_BATCH_LAST - _BATCH_FIRST).days + 1
    distinct = [_BATCH_FIRST + timedelta(days=i) for i in range(span)]
    total = cfg.batch[-1]
    batch = [distinct[i % span] for i in range(total)]
    chunks = [batch[a:b] for a, b in zip((0, *cfg.batch), cfg.batch, strict=False)]

    def kr(d: date) -> object:
        return term_end(d, weeks=6, kind=_STATUTORY)

    # correctness on every distinct date, against numpy's vectorised result
    deadlines._cached.cache_clear()
    due = np.array(
        [term_end(d, weeks=6, kind=_STATUTORY).due for d in distinct],
        dtype="datetime64[D]",
    )
    arr_distinct = np.array(distinct, dtype="datetime64[D]")
    np_due = np.busday_offset(
        arr_distinct + np.timedelta64(42, "D"), 0, roll="forward", busdaycal=bdc
    )
    bad = int(np.count_nonzero(due != np_due))
    checks.lines.append(
        f"FAIL term_end batch: numpy vectorised differs from klachtrecht on {bad} "
        f"of {span} dates 2000..2098"
        if bad
        else f"ok   term_end batch: numpy vectorised == klachtrecht on all {span} "
        "dates 2000..2098"
    )
    checks.failed |= bad > 0

    # klachtrecht: cumulative time at each checkpoint, cache cleared per pass
    passes: list[list[int]] = []
    for _ in range(cfg.batch_repeat):
        deadlines._cached.cache_clear()
        marks: list[int] = []
        t0 = time.perf_counter_ns()
        for chunk in chunks:
            for d in chunk:
                kr(d)
            marks.append(time.perf_counter_ns() - t0)
        passes.append(marks)
    cum = [statistics.median(col) for col in zip(*passes, strict=True)]

    arr: npt.NDArray[np.datetime64] = np.array(batch, dtype="datetime64[D]")
    offset = np.timedelta64(42, "D")

    def vectorised() -> object:
        return np.busday_offset(arr + offset, 0, roll="forward", busdaycal=bdc)

    np_ns = median_ns(vectorised, max(cfg.repeat, 3))
    convert_ns = median_ns(
        lambda: np.array(batch, dtype="datetime64[D]"), cfg.batch_repeat
    )

    a, b, c = cfg.batch
    late_misses = max(0, min(c, span) - b)
    sec = Section(
        f"term_end over {c:,} receipt dates cycling 2000..2098 "
        f"({span:,} distinct; gc on)"
    )
    sec.add(f"klachtrecht, first {a:,} calls ({min(a, span):,} misses)", cum[0] / a)
    sec.add(f"klachtrecht, first {b:,} calls ({min(b, span):,} misses)", cum[1] / b)
    sec.add(
        f"klachtrecht, all {c:,} calls ({min(c, span):,} misses)", cum[2] / c, ref=True
    )
    sec.add(
        f"klachtrecht, calls {b:,}..{c:,} only ({late_misses:,} misses)",
        (cum[2] - cum[1]) / (c - b),
    )
    sec.add("numpy busday_offset, vectorised (datetime64 array in)", np_ns / c)
    sec.add("numpy: list of date -> datetime64 array (per element)", convert_ns / c)
    return sec


#: klachtrecht's runtime dependencies as it imports them (python-statemachine is
#: imported by the regime modules).
_BRIEF_DEPS: Final = ("attrs", "dateutil.relativedelta", "dateutil.easter")
_DEPS: Final = (*_BRIEF_DEPS, "statemachine")

_DEPS_CODE: Final = """\
import sys, time
t0 = time.perf_counter_ns()
import {deps}
t1 = time.perf_counter_ns()
loaded = set(sys.modules)
import klachtrecht
t2 = time.perf_counter_ns()
new = {{m.partition(".")[0] for m in set(sys.modules) - loaded}}
extra = new - {{"klachtrecht"}} - set(sys.stdlib_module_names)
print(t1 - t0, t2 - t1)
print(" ".join(sorted(extra)) or "none")
"""

_FIRST_CALL_CODE: Final = """\
import time
from datetime import date
from klachtrecht import deadlines as d
k = d.TermKind.STATUTORY
t0 = time.perf_counter_ns()
d.add_working_days(date(2025, 1, 1), 5)
t1 = time.perf_counter_ns()
d.add_working_days(date(2025, 1, 2), 5)
t2 = time.perf_counter_ns()
d.term_end(date(2025, 1, 1), weeks=6, kind=k)
t3 = time.perf_counter_ns()
d.term_end(date(2025, 1, 2), weeks=6, kind=k)
t4 = time.perf_counter_ns()
print(t1 - t0, t2 - t1, t3 - t2, t4 - t3)
"""

_WORKALENDAR_FIRST_CODE: Final = """\
import time
from datetime import date
from workalendar.europe import Netherlands
t0 = time.perf_counter_ns()
Netherlands().add_working_days(date(2025, 1, 1), 5)
t1 = time.perf_counter_ns()
print(t1 - t0)
"""


def import_code(deps: Sequence[str]) -> str:
    """Code timing ``import deps`` then ``import klachtrecht`` in one process.

    Its second line of output names the third-party top-level packages that
    klachtrecht loads beyond ``deps``.
    """
    return _DEPS_CODE.format(deps=", ".join(deps))


def bench_import(cfg: Config, checks: Checks) -> Section:
    out = subprocess.run(
        [sys.executable, "-c", import_code(_DEPS)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    checks.lines.append(
        f"info import: third-party packages klachtrecht loads beyond "
        f"{', '.join(_DEPS)}: {out.splitlines()[1]}"
    )
    deps_ns, adds_ns = fresh_python(import_code(_DEPS), cfg.processes)
    _, adds_brief_ns = fresh_python(import_code(_BRIEF_DEPS), cfg.processes)
    total_ns, own_ns = importtime_ns(cfg.processes)
    sec = Section(f"import cost, fresh interpreter (median of {cfg.processes})")
    sec.add(f"import {', '.join(_DEPS)}", deps_ns)
    sec.add("import klachtrecht after them (what it adds)", adds_ns, key="adds")
    sec.add(
        "import klachtrecht after attrs + dateutil only (incl. statemachine)",
        adds_brief_ns,
    )
    sec.add("-X importtime: klachtrecht cumulative, incl. deps", total_ns)
    sec.add("-X importtime: self time of klachtrecht.* modules", own_ns)
    return sec


def bench_one_off(cfg: Config, free: frozenset[date]) -> Section:
    first_awd, second_awd, first_te, second_te = fresh_python(
        _FIRST_CALL_CODE, cfg.processes
    )
    (wl_first,) = fresh_python(_WORKALENDAR_FIRST_CODE, cfg.processes)
    sec = Section(
        f"one-off costs excluded above (fresh interpreter, median of {cfg.processes})"
    )
    sec.add("klachtrecht first add_working_days (builds day tables)", first_awd)
    sec.add("klachtrecht second add_working_days, same process", second_awd)
    sec.add("klachtrecht first term_end, tables built", first_te)
    sec.add("klachtrecht second term_end, same process", second_te)
    sec.add("workalendar Netherlands() + first add_working_days", wl_first)
    sec.add(
        "numpy busdaycalendar of the holiday set (in this process)",
        median_ns(lambda: numpy_calendar(free), cfg.repeat),
    )
    sec.add(
        "frozenset of klachtrecht.holidays(2000..2099) (in this process)",
        median_ns(atw_free_days, cfg.repeat),
    )
    return sec


def main(argv: Sequence[str] | None = None) -> int:
    quick = quick_flag(__doc__, argv, "smoke run: small counts, timings meaningless")
    cfg = QUICK if quick else FULL

    print("klachtrecht deadline benchmark (bench/bench_deadlines.py)")
    print(machine_facts("klachtrecht", "workalendar", "numpy"))
    if cfg.quick:
        print("mode: --quick (smoke run: counts are tiny, timings mean nothing)")
    else:
        print(f"mode: full (median of {cfg.repeat} passes after 1 warm-up pass)")

    days = input_dates(cfg.inputs)
    free = atw_free_days()
    anc = Anchors(Netherlands(), numpy_calendar(free), free, free - besluit_days())
    checks = Checks()

    sections = [
        bench_add_working_days(5, days, cfg, anc, checks),
        bench_add_working_days(60, days, cfg, anc, checks),
        bench_term_end(days, cfg, anc, checks),
    ]
    gc.collect()
    sections.append(bench_batch(cfg, anc.busdaycal, checks))
    sections += [bench_import(cfg, checks), bench_one_off(cfg, free)]

    checks.print("checks (same inputs for every row of a section)")
    print(
        "\nratio = time / the section's ref row (above 1: klachtrecht is faster); "
        "times are per call, in sections 5 and 6 per run (no ratio)."
    )
    print_table([("", [sec]) for sec in sections])

    awd, te, imp = sections[0].keyed, sections[2].keyed, sections[4].keyed
    adds_ms = imp["adds"] / 1e6
    targets = [
        ("add_working_days(day, 5): wl / kr", awd["wl"] / awd["kr"], ">= 30"),
        ("term_end cold cache: wl / kr", te["wl"] / te["cold"], ">= 10"),
        ("term_end warm cache: wl / kr", te["wl"] / te["warm"], ">= 10"),
        ("term_end warm vs wl art. 1 only (info)", te["wl_art1"] / te["warm"], ">= 1"),
        ("import klachtrecht adds (ms)", adds_ms, "<= 30"),
    ]
    print_targets(
        "targets (wl = workalendar, kr = klachtrecht)",
        targets,
        quick=cfg.quick,
        width=36,
    )
    print(
        f"\nimport klachtrecht adds {adds_ms:.1f} ms over its dependencies "
        f"({', '.join(_DEPS)})"
    )
    if checks.failed:
        print(
            "\nFAILED: an anchor that must agree with klachtrecht does not (see checks)"
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
