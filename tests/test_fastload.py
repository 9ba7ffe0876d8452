"""The fast path of serialize.load (klachtrecht._fastload) accepts only what the
general path accepts, and builds an equal case."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import _fastload, serialize
from klachtrecht._examples import EXAMPLES
from klachtrecht._upgrade import upgrade_history
from klachtrecht.serialize import dump, dumps, load
from klachtrecht.testing import cases

REGIMES = sorted(k.REGIMES)
CHECKED = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
LIMITS = (
    serialize.MAX_DEPTH,
    serialize.MAX_STRING,
    serialize.MAX_HISTORY,
    serialize._MAX_INT,
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner)
    ),
    max_leaves=20,
)


def _general(document: dict[str, Any], strict: bool) -> k.Case:
    """The general path: every record read, then Regime.replay."""
    reg = k.regime(document["regime"])
    case_id = document["case_id"]
    history = upgrade_history(document["history"], reg.name)
    records = [
        serialize._load_event(reg, case_id, i, raw) for i, raw in enumerate(history)
    ]
    return reg.replay(case_id, records, judge=strict)


def _fast(document: dict[str, Any], strict: bool) -> k.Case | None:
    reg = k.regime(document["regime"])
    history = upgrade_history(document["history"], reg.name)
    return _fastload.replay(reg, document["case_id"], history, serialize._hooks, strict)


def _example_cases() -> list[k.Case]:
    found = []
    for example in EXAMPLES:
        reg = k.regime(example.regime)
        case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
        found.append(case)
        for step in example.steps:
            case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
            found.append(case)
    return found


class TestSamePathResult:
    """Where the fast path answers, its case equals the general path's."""

    @pytest.mark.parametrize("strict", [False, True])
    def test_every_example_takes_the_fast_path(self, strict: bool) -> None:
        """Every case along every built-in example loads fast, equal to the
        general path's case (so the fast path is really taken)."""
        for case in _example_cases():
            document = json.loads(dumps(case))
            fast = _fast(document, strict)
            assert fast is not None, (case.case_id, case.state)
            assert fast == _general(document, strict) == case
            assert fast.history[-1].data == case.history[-1].data
            assert type(fast.history[-1].data) is type(case.history[-1].data)

    @CHECKED
    @given(name=st.sampled_from(REGIMES), data=st.data())
    def test_random_walks(self, name: str, data: st.DataObject) -> None:
        """Random reachable cases: the fast path loads them as the general path."""
        case = data.draw(cases(name, max_steps=8))
        document = json.loads(dumps(case))
        for strict in (False, True):
            fast = _fast(document, strict)
            try:
                general = _general(document, strict)
            except k.KlachtrechtError:
                assert fast is None
            else:
                assert fast is None or fast == general
        assert _fast(document, False) == case


class TestHostileDocuments:
    """The fast path never accepts what the general path refuses."""

    @CHECKED
    @given(
        name=st.sampled_from(REGIMES),
        data=st.data(),
        action=st.sampled_from(("replace", "delete", "add")),
        value=json_values,
    )
    def test_mutated_histories(
        self, name: str, data: st.DataObject, action: str, value: Any
    ) -> None:
        """One part of a stored history replaced, deleted or added to: the
        fast path answers None or the general path's case; it never raises."""
        case = data.draw(cases(name, max_steps=6))
        document = json.loads(dumps(case))
        history = document["history"]
        paths = [p for p in _paths(history) if p]
        path = data.draw(st.sampled_from(paths))
        *head, last = path
        parent: Any = history
        for part in head:
            parent = parent[part]
        if action == "replace":
            parent[last] = value
        elif action == "delete":
            del parent[last]
        elif isinstance(parent[last], dict):
            parent[last]["extra"] = value
        elif isinstance(parent[last], list):
            parent[last].append(value)
        for strict in (False, True):
            fast = _fast(copy.deepcopy(document), strict)
            try:
                general = _general(copy.deepcopy(document), strict)
            except k.KlachtrechtError:
                assert fast is None
            else:
                assert fast is None or fast == general

    def test_a_refused_guard_loads_by_the_general_path(self) -> None:
        """An extension given after the six weeks (today's guard refuses it)
        loads unjudged, and strict loading refuses it, as before."""
        case = next(c for c in _example_cases() if c.state == "submitted")
        document = json.loads(dumps(case))
        late = json.loads(json.dumps(document["history"][-1]))
        late.update(event="extend", by="provider", data={"weeks": 2})
        late["at"] = "2031-01-06T10:00:00+01:00"
        document["history"].append(late)
        document["version"] += 1
        assert _fast(document, True) is None
        loaded = load(document)
        assert loaded.history[-1].event == "extend"
        assert _fast(document, False) == loaded
        with pytest.raises(k.SerializationError):
            load(document, strict=True)

    @CHECKED
    @given(document=st.dictionaries(st.text(max_size=6), json_values))
    def test_plain_json_never_passes_what_the_check_refuses(
        self, document: dict[str, Any]
    ) -> None:
        """plain_json says True only for documents the full check accepts."""
        if _fastload.plain_json(document, *LIMITS):
            serialize._check_json(document, "?")

    def test_plain_json_limits(self) -> None:
        """Long strings and keys, big integers, deep nesting, NaN are not plain."""
        depth = serialize.MAX_DEPTH
        nested: Any = "x"
        for _ in range(depth):
            nested = [nested]
        for bad in (
            {"a": "x" * (serialize.MAX_STRING + 1)},
            {"x" * (serialize.MAX_STRING + 1): 1},
            {"a": 10**18},
            {"a": float("nan")},
            {"a": nested},
            {"a": (1, 2)},
        ):
            assert not _fastload.plain_json(bad, *LIMITS)
        assert _fastload.plain_json({"a": [1, {"b": None}], "c": 1.5}, *LIMITS)


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


def test_load_uses_the_fast_path_result() -> None:
    """load answers the fast path's case for an ordinary document (equal to a
    dump round trip)."""
    case = _example_cases()[-1]
    assert load(dump(case)) == case
