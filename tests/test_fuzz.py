"""Property tests that attack: fuzzed documents and payloads, DST transitions,
and concurrent use from threads and processes."""

from __future__ import annotations

import concurrent.futures
import copy
import json
import multiprocessing
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.deadlines import TermKind, term_end
from klachtrecht.serialize import dump, dumps, load, loads
from klachtrecht.testing import cases, opened_cases

AMS = ZoneInfo("Europe/Amsterdam")
REGIMES = sorted(k.REGIMES)
#: Every string the fuzzers make holds this marker; no message may show it.
MARK = "ZQX"
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

marked = st.text(max_size=12).map(lambda t: f"{MARK}{t}")
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    marked,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(marked, inner, max_size=4),
    ),
    max_leaves=20,
)


def _assert_clean(error: BaseException) -> None:
    """The library's error, showing no fuzzed string and no personal data."""
    assert isinstance(error, k.KlachtrechtError), repr(error)
    message = str(error)
    assert MARK not in message
    assert "PII" not in message


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON value (dict keys and list indexes)."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*path, i))
    return found


class TestFuzzDocuments:
    """load/loads answer any input with SerializationError or an equal case."""

    @FUZZ
    @given(document=json_values)
    def test_arbitrary_json(self, document: Any) -> None:
        """Arbitrary JSON (as text and as data) is refused cleanly."""
        with pytest.raises(k.SerializationError) as info:
            loads(json.dumps(document))
        _assert_clean(info.value)
        with pytest.raises(k.SerializationError) as info:
            load(document)
        _assert_clean(info.value)

    @FUZZ
    @given(
        name=st.sampled_from(REGIMES),
        data=st.data(),
        action=st.sampled_from(("replace", "delete", "add")),
        value=json_values,
    )
    def test_mutated_documents(
        self, name: str, data: st.DataObject, action: str, value: Any
    ) -> None:
        """A valid document with one part replaced, deleted or added to loads to
        a case that round-trips, or is refused without echoing anything."""
        case = data.draw(cases(name, max_steps=6))
        document = json.loads(dumps(case))
        paths = [p for p in _paths(document) if p and p != ("case_id",)]
        path = data.draw(st.sampled_from(paths))
        *head, last = path
        parent: Any = document
        for part in head:
            parent = parent[part]
        if action == "replace":
            parent[last] = value
        elif action == "delete":
            del parent[last]
        else:
            target = parent[last]
            assume(isinstance(target, dict | list))
            if isinstance(target, dict):
                target[f"{MARK}key"] = value
            else:
                target.append(value)
        try:
            loaded = load(copy.deepcopy(document))
        except Exception as exc:
            _assert_clean(exc)
        else:
            assert load(dump(loaded)) == loaded
            assert loads(dumps(loaded)) == loaded


class TestFuzzPayloads:
    """Regime.apply answers any payload with the library's error or a case."""

    @FUZZ
    @given(name=st.sampled_from(REGIMES), data=st.data())
    def test_event_payloads(self, name: str, data: st.DataObject) -> None:
        """Each known field given an arbitrary value: a clean error or a case
        that round-trips through serialize."""
        reg = k.regime(name)
        case = data.draw(opened_cases(name))
        spec = data.draw(st.sampled_from(reg.allowed(case)))
        payload: dict[str, Any] = {
            field.name: data.draw(
                st.one_of(json_values, st.just(case.parties[0]), st.dates())
            )
            for field in spec.fields
            if data.draw(st.booleans())
        }
        by = data.draw(st.sampled_from(sorted(k.Role, key=lambda r: r.value)))
        at = case.last_at + timedelta(days=data.draw(st.integers(0, 60)))
        try:
            new = reg.apply(case, spec.id, at=at, by=by, **payload)
        except Exception as exc:
            _assert_clean(exc)
        else:
            assert new.version == case.version + 1
            assert loads(dumps(new)) == new


def _last_sunday(year: int, month: int) -> date:
    """The last Sunday of ``month``: the day Amsterdam changes its clocks."""
    day = date(year, month, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


class TestDaylightSaving:
    """Cases across the DST transitions of 2000-2099 round-trip to equal cases."""

    @settings(max_examples=40, deadline=None)
    @given(
        year=st.integers(2000, 2098),
        month=st.sampled_from((3, 10)),
        minutes=st.integers(0, 180),
        gap=st.integers(1, 120),
        fold=st.integers(0, 1),
    )
    def test_round_trip_across_transition(
        self, year: int, month: int, minutes: int, gap: int, fold: int
    ) -> None:
        """A case opened at a local wall time between 01:00 and 04:00 on a
        transition day (in the spring gap or the autumn fold, either fold), then
        an event minutes later by instant, orders by instant and round-trips."""
        w = k.regime("wkkgz")
        day = _last_sunday(year, month)
        wall = datetime(day.year, day.month, day.day, 1) + timedelta(minutes=minutes)  # noqa: DTZ001 - a wall clock, zoned below
        opened = wall.replace(tzinfo=AMS, fold=fold)
        later = (opened.astimezone(UTC) + timedelta(minutes=gap)).astimezone(AMS)
        case = w.open(
            "K-DST",
            at=opened,
            klager=k.Party(k.Role.KLAGER, "c"),
            provider=k.Party(k.Role.PROVIDER, "p"),
        )
        case = w.apply(
            case, "submit_written", at=later, by=k.Role.KLAGER, complaint="x"
        )
        first, second = case.history
        assert second.at - first.at == timedelta(minutes=gap)
        assert first.at.timestamp() == opened.timestamp()  # the same instant
        assert loads(dumps(case)) == case
        assert load(json.loads(json.dumps(dump(case)))) == case

    def test_spring_gap_example(self) -> None:
        """The issue's example: opened at 02:30 on 30 March 2025 (a time that
        does not exist), then an event at 03:40 summer time, reloads equal."""
        w = k.regime("wkkgz")
        case = w.open(
            "K-GAP",
            at=datetime(2025, 3, 30, 2, 30, tzinfo=AMS),
            klager=k.Party(k.Role.KLAGER, "c"),
            provider=k.Party(k.Role.PROVIDER, "p"),
        )
        case = w.apply(
            case,
            "submit_written",
            at=datetime(2025, 3, 30, 3, 40, tzinfo=AMS),
            by=k.Role.KLAGER,
            complaint="x",
        )
        assert case.history[0].at.isoformat() == "2025-03-30T02:30:00+01:00"
        assert loads(dumps(case)) == case


def _work(n: int) -> tuple[Any, ...]:
    """A fixed piece of work: deadlines and a case, from the built-in examples."""
    from klachtrecht._examples import EXAMPLES

    start = date(2026, 1, 1) + timedelta(days=n)
    deadlines = (
        term_end(start, kind=TermKind.STATUTORY, weeks=6).due,
        term_end(start, kind=TermKind.STATUTORY, days=6).due,
        term_end(start, kind=TermKind.STATUTORY, months=6).due,
        term_end(start, kind=TermKind.NON_STATUTORY, working_days=6).due,
    )
    example = EXAMPLES[n % len(EXAMPLES)]
    reg = k.regime(example.regime)
    case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
    for step in example.steps:
        case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
    return deadlines, dumps(case)


class TestConcurrency:
    """Concurrent first use and work give the single-threaded results."""

    def test_thread_pool_first_use(self) -> None:
        """In a fresh interpreter, 8 threads importing and working at once get
        what one thread gets, and the day tables are built once."""
        script = textwrap.dedent(
            """
            import concurrent.futures, sys, threading
            barrier = threading.Barrier(8)

            def job(n):
                barrier.wait()
                import klachtrecht
                from tests.test_fuzz import _work
                from klachtrecht.deadlines import default_calendar
                return _work(n), id(default_calendar().tables)

            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                results = list(pool.map(job, range(8)))
            from tests.test_fuzz import _work
            assert [r[0] for r in results] == [_work(n) for n in range(8)]
            assert len({r[1] for r in results}) == 1
            from klachtrecht.deadlines import default_calendar
            assert len(default_calendar()._cache) == 1
            print("ok")
            """
        )
        done = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "ok"

    def test_process_pool(self) -> None:
        """Two fresh worker processes give the single-process results."""
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(2, mp_context=context) as pool:
            results = list(pool.map(_work, range(6)))
        assert results == [_work(n) for n in range(6)]

    def test_threads_share_results(self) -> None:
        """Threads applying events and computing terms in this process agree
        with a sequential run."""
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            results = list(pool.map(_work, range(16)))
        assert results == [_work(n) for n in range(16)]
