"""Benchmark of the SQL case store (klachtrecht.sql.CaseStore).

A benchmark script, not a test. Run from the repository root::

    .venv/bin/python bench/bench_store.py           # full run (minutes)
    .venv/bin/python bench/bench_store.py --quick   # smoke run for CI

PostgreSQL rows run when ``KLACHTRECHT_PG_URL`` is set (start a throw-away
server with ``eval "$(.ci/postgres.sh start)"``); otherwise they are skipped.
``--quick`` uses tiny counts, so its timings mean nothing; it checks that the
SQL answers equal the in-memory ones (exit 1 if not).

What is measured (targets from issue 13), each as a median of timed calls:

1. ``CaseStore.due_within(on, 5)`` over N stored cases (N = 100,000) on SQLite
   (memory and file) and PostgreSQL, against the naive path in the same run:
   read every stored document, ``serialize.load`` it and ask
   ``compliance.due_within``. Targets: <= 50 ms, naive/store >= 250x.
2. Loading a stored four-event case: ``serialize.load`` of its parsed document
   (and of its JSON text) against ``pickle.loads`` of the same case. Target:
   load no slower than pickle.
3. Saving: ``CaseStore.add`` (document, events and projection in one
   transaction) and ``CaseStore.save`` against a bare insert of the document
   into a one-table database, each its own transaction. Target: <= 2x.
4. Full run only, with PostgreSQL: ``due_within`` over 1,000,000 cases.

Cases are generated through the public API (``Regime.open``/``apply``) from a
few real Wkkgz and Jeugdwet paths, with distinct ids and receipt dates spread
over 2026-2028 (in --quick: fewer).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import sqlalchemy as sa

import klachtrecht as k
from klachtrecht import compliance
from klachtrecht.serialize import dump, load
from klachtrecht.sql import METADATA, CaseStore

AMS = ZoneInfo("Europe/Amsterdam")
ON = date(2027, 6, 14)


def _median(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Median seconds per call over ``repeat`` loops of ``number`` calls."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t0) / number)
    return statistics.median(times)


def generate(n: int, prefix: str = "B") -> Iterator[k.Case]:
    """``n`` distinct cases along five real paths, receipt dates spread over
    three years."""
    w, j = k.regime("wkkgz"), k.regime("jeugdwet")
    klager = k.Party(k.Role.KLAGER, "client", "client")
    provider = k.Party(k.Role.PROVIDER, "praktijk")
    base = datetime(2026, 1, 5, 10, tzinfo=AMS)
    for i in range(n):
        at = base + timedelta(days=(i * 7919) % 1095, minutes=i % 600)
        path = i % 5
        case_id = f"{prefix}-{i:07}"
        if path == 4:
            yield j.open(
                case_id,
                at=at,
                klager=klager,
                provider=provider,
                complaint="...",
                capacity="parent",
            )
            continue
        case = w.open(case_id, at=at, klager=klager, provider=provider)
        case = w.apply(case, "submit_written", at=at, by=k.Role.KLAGER, complaint="...")
        if path >= 1:
            case = w.apply(
                case, "extend", at=at + timedelta(days=30), by=k.Role.PROVIDER, weeks=2
            )
        if path >= 2:
            case = w.apply(
                case,
                "deliver_oordeel",
                at=at + timedelta(days=50),
                by=k.Role.PROVIDER,
                judgment="...",
                reasons="...",
                decisions="...",
                measures_term="...",
            )
        yield case


def fill(store: CaseStore, cases: Iterable[k.Case], batch: int = 5000) -> None:
    buf: list[k.Case] = []
    for case in cases:
        buf.append(case)
        if len(buf) == batch:
            store.add_all(buf)
            buf = []
    if buf:
        store.add_all(buf)


def naive_due_within(engine: sa.Engine) -> tuple[compliance.Reminder, ...]:
    from klachtrecht.sql import CASES

    with engine.connect() as conn:
        documents = conn.execute(sa.select(CASES.c.document)).scalars().all()
    return compliance.due_within((load(d) for d in documents), ON, working_days=5)


def row(name: str, seconds: float, ref: float | None = None, note: str = "") -> None:
    ratio = "" if ref is None else f"{ref / seconds:10.1f}x"
    print(f"  {name:<52} {seconds * 1e3:12.3f} ms {ratio:>12} {note}")


def bench_due_within(
    label: str,
    engine: sa.Engine,
    cases: Iterable[k.Case],
    repeat: int,
    naive: bool,
    fresh: bool = True,
) -> bool:
    store = CaseStore(engine)
    if fresh:
        METADATA.drop_all(engine)
        store.create_tables()
    t0 = time.perf_counter()
    fill(store, cases)
    n = store.count()
    print(f"\n{label}: {n:,} cases stored in {time.perf_counter() - t0:.1f} s")
    fast = _median(lambda: store.due_within(ON, 5), repeat)
    found = store.due_within(ON, 5)
    ok = True
    if naive:
        t0 = time.perf_counter()
        expected = naive_due_within(engine)
        slow = time.perf_counter() - t0
        ok = expected == found
        row("naive: load every document + compliance.due_within", slow)
        row(
            f"CaseStore.due_within ({len(found)} reminders)",
            fast,
            slow,
            "target <= 50 ms, >= 250x",
        )
    else:
        row(
            f"CaseStore.due_within ({len(found)} reminders)",
            fast,
            None,
            "target <= 50 ms",
        )
    if not ok:
        print("  CHECK FAILED: the store's answer differs from the naive one")
    return ok


def bench_load(repeat: int, number: int) -> None:
    case = next(c for c in generate(10) if c.version == 4)
    document = dump(case)
    text = json.dumps(document)
    blob = pickle.dumps(case)
    assert load(document) == case == pickle.loads(blob)
    ref = _median(lambda: pickle.loads(blob), repeat, number)
    print(f"\nloading a stored four-event case ({case.regime}, {case.state})")
    row("pickle.loads", ref, ref)
    row(
        "serialize.load(document)",
        _median(lambda: load(document), repeat, number),
        ref,
        "target >= 1.0x",
    )
    row(
        "serialize.load(json.loads(text))",
        _median(lambda: load(json.loads(text)), repeat, number),
        ref,
    )


def bench_save(label: str, engine: sa.Engine, n: int, repeat: int) -> None:
    METADATA.drop_all(engine)
    store = CaseStore(engine)
    store.create_tables()
    bare_meta = sa.MetaData()
    bare = sa.Table(
        "bare_documents",
        bare_meta,
        sa.Column("case_id", sa.String(200), primary_key=True),
        sa.Column(
            "document",
            sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql"),
        ),
    )
    bare_meta.drop_all(engine)
    bare_meta.create_all(engine)
    cases = [c for c in generate(n, prefix="S") if c.version == 3]
    w = k.regime("wkkgz")
    later = [
        w.apply(
            c,
            "deliver_oordeel",
            at=c.last_at + timedelta(days=3),
            by=k.Role.PROVIDER,
            judgment="...",
            reasons="...",
            decisions="...",
            measures_term="...",
        )
        for c in cases
    ]
    it_bare = iter(cases)
    it_add = iter(cases)
    it_save = iter(later)

    def insert_bare() -> None:
        case = next(it_bare)
        with engine.begin() as conn:
            conn.execute(
                bare.insert(), {"case_id": case.case_id, "document": dump(case)}
            )

    per = max(1, len(cases) // (repeat + 1))
    ref = _median(insert_bare, repeat, per)
    add = _median(lambda: store.add(next(it_add)), repeat, per)
    save = _median(lambda: store.save(next(it_save), expected_version=3), repeat, per)
    print(f"\nsaving on {label} (each its own transaction)")
    row("bare insert of the document (dump + insert)", ref, ref)
    row("CaseStore.add (document, events, projection)", add, ref, "target >= 0.5x")
    row("CaseStore.save (compare-and-swap, +1 event)", save, ref, "target >= 0.5x")
    bare_meta.drop_all(engine)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run for CI")
    quick = parser.parse_args(argv).quick
    n = 300 if quick else 100_000
    repeat = 3 if quick else 15
    pg_url = os.environ.get("KLACHTRECHT_PG_URL")
    print(
        f"bench_store ({'quick: timings mean nothing' if quick else 'full'}); "
        f"due_within on {ON.isoformat()}, 5 werkdagen"
    )
    ok = True
    bench_load(repeat, 50 if quick else 2000)
    with tempfile.TemporaryDirectory() as tmp:
        engines = {
            "SQLite :memory:": sa.create_engine("sqlite://"),
            "SQLite file": sa.create_engine(f"sqlite:///{Path(tmp) / 'bench.db'}"),
        }
        if pg_url:
            engines["PostgreSQL"] = sa.create_engine(pg_url)
        else:
            print("\n(PostgreSQL skipped: KLACHTRECHT_PG_URL is not set)")
        for label, engine in engines.items():
            bench_save(label, engine, 60 if quick else 1500, repeat)
        t0 = time.perf_counter()
        cases = list(generate(n))
        print(f"\n{n:,} cases generated ({time.perf_counter() - t0:.1f} s)")
        for label, engine in engines.items():
            ok &= bench_due_within(label, engine, cases, repeat, naive=True)
        if pg_url and not quick:  # 900,000 more on top of the 100,000
            ok &= bench_due_within(
                "PostgreSQL, 1,000,000 cases",
                engines["PostgreSQL"],
                generate(1_000_000 - n, prefix="M"),
                repeat,
                naive=False,
                fresh=False,
            )
        for engine in engines.values():
            if engine.dialect.name == "postgresql":
                METADATA.drop_all(engine)
            engine.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
