"""What the benchmark scripts share: result rows and sections, agreement
checks, timing helpers, the table printer, the target verdicts and the line
describing the machine.

Not a benchmark itself (the CI loop runs ``bench/bench_*.py`` only). The
scripts import it as ``_common``: Python puts the script's folder first on
``sys.path``.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import statistics
import time
import timeit
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Checks",
    "Row",
    "Section",
    "fmt_ns",
    "fmt_ratio",
    "machine_facts",
    "median_ns",
    "print_table",
    "print_targets",
    "quick_flag",
]


@dataclass
class Row:
    """One line of a table; ``rate`` is shown for throughput rows."""

    label: str
    ns: float
    ref: bool = False
    rate: str = ""


@dataclass
class Section:
    """A titled group of rows; ratios are against the row marked ``ref``.

    ``key`` names a row for the target verdicts.
    """

    title: str
    rows: list[Row] = field(default_factory=list)
    keyed: dict[str, float] = field(default_factory=dict)

    def add(
        self, label: str, ns: float, *, ref: bool = False, key: str = "", rate: str = ""
    ) -> None:
        self.rows.append(Row(label, ns, ref, rate))
        if key:
            self.keyed[key] = ns

    def ref_ns(self) -> float | None:
        return next((row.ns for row in self.rows if row.ref), None)


class Checks:
    """Agreement checks: printed, and any failure makes the exit status 1."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.failed = False

    def ok(self, line: str) -> None:
        self.lines.append(f"ok   {line}")

    def info(self, line: str) -> None:
        self.lines.append(f"info {line}")

    def fail(self, line: str) -> None:
        self.lines.append(f"FAIL {line}")
        self.failed = True

    def print(self, heading: str) -> None:
        print(f"\n{heading}")
        for line in self.lines:
            print(f"  {line}")


def quick_flag(doc: str | None, argv: Sequence[str] | None, help_text: str) -> bool:
    """Parse the scripts' one option, ``--quick`` (a smoke run for CI)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    parser.add_argument("--quick", action="store_true", help=help_text)
    return bool(parser.parse_args(argv).quick)


def median_ns(fn: Callable[[], object], repeat: int) -> float:
    """Median time of one call of ``fn`` over ``repeat`` timed calls, in ns,
    after one untimed warm-up call (timeit switches gc off while timing)."""
    timer = timeit.Timer(fn, timer=time.perf_counter_ns)
    timer.timeit(number=1)
    return statistics.median(timer.repeat(repeat=repeat, number=1))


def fmt_ns(ns: float) -> str:
    if ns < 1e3:
        return f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} us"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def fmt_ratio(ratio: float) -> str:
    if ratio >= 10:
        return f"{ratio:.1f}"
    if ratio >= 1:
        return f"{ratio:.2f}"
    return f"{ratio:.3f}"


def print_table(parts: Sequence[tuple[str, Sequence[Section]]]) -> None:
    """The result table: numbered parts (a heading, or ``""`` for a part that is
    one section), their sections, and per row time, ratio to the section's
    ``ref`` row and rate."""
    sections = [sec for _, secs in parts for sec in secs]
    if not sections:
        print("(nothing measured)")
        return
    width = max(len(row.label) for sec in sections for row in sec.rows) + 2
    print(f"{'case':<{width}}{'time':>11}  {'ratio':>7}")
    for part, (heading, secs) in enumerate(parts, 1):
        if heading:
            print(f"\n{part}. {heading}")
        for number, sec in enumerate(secs, 1):
            title = f"{part}.{number}" if heading else f"{part}."
            print(f"\n{title} {sec.title}")
            ref = sec.ref_ns()
            for row in sec.rows:
                ratio = "" if ref is None else fmt_ratio(row.ns / ref)
                mark = "  ref" if row.ref else "     "
                rate = f"  {row.rate}" if row.rate else ""
                line = (
                    f"  {row.label:<{width - 2}}{fmt_ns(row.ns):>11}  "
                    f"{ratio:>7}{mark}{rate}"
                )
                print(line.rstrip())


def print_targets(
    heading: str,
    targets: Sequence[tuple[str, float, str]],
    *,
    quick: bool,
    width: int = 44,
) -> None:
    """One verdict per target: ``(what, value, bound)`` with a bound such as
    ``">= 50"`` or ``"<= 4"``; not judged in a ``--quick`` run."""
    print(f"\n{heading}")
    for what, value, bound in targets:
        sign, limit = bound.split()
        met = value >= float(limit) if sign == ">=" else value <= float(limit)
        status = "not judged (--quick)" if quick else ("MET" if met else "NOT MET")
        print(f"  {what:<{width}}{value:>8.2f}   target {bound:<7} {status}")


def machine_facts(*dists: str) -> str:
    """Python, platform, CPUs and the versions of ``dists``."""

    def version(dist: str) -> str:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return "?"

    versions = ", ".join(f"{dist} {version(dist)}" for dist in dists)
    return (
        f"python {platform.python_version()} ({platform.python_implementation()}) | "
        f"{platform.platform()} | {platform.machine()} | {os.cpu_count()} CPUs | "
        f"{versions}"
    )
