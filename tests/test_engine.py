"""The engine's boundaries: immutable regimes and definitions, argument checks,
and a registry that builds each regime once under concurrent first use."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import Case, EventRecord, Role
from klachtrecht._examples import EXAMPLES
from klachtrecht._fast import builder, evolve, evolver, is_plain, prechecked_builder
from klachtrecht.deadlines import AtwCalendar

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wkkgz")
K, P = Role.KLAGER, Role.PROVIDER
NAIVE = datetime(2026, 4, 2, 10)  # noqa: DTZ001 - deliberately without a zone


def at(y: int, m: int, d: int) -> datetime:
    """An Amsterdam moment at ten in the morning."""
    return datetime(y, m, d, 10, tzinfo=AMS)


def opened() -> Case:
    """A Wkkgz case whose onvrede was raised on 30 March 2026."""
    return W.open(
        "E-1",
        at=at(2026, 3, 30),
        klager=k.Party(K, "p-1", "client"),
        provider=k.Party(P, "org-1"),
    )


def submitted() -> Case:
    """A Wkkgz case whose written complaint was received on 2 April 2026."""
    return W.apply(opened(), "submit_written", at=at(2026, 4, 2), by=K, complaint="x")


class TestImmutableRegime:
    """A regime is shared by every caller, so nobody can change it."""

    @pytest.mark.parametrize("attribute", ["calendar", "events", "states", "_table"])
    def test_attribute_cannot_be_set(self, attribute: str) -> None:
        """Setting any attribute of a regime raises ReadOnlyError, an
        AttributeError with the code read_only that does not quote the name."""
        before = getattr(W, attribute)
        with pytest.raises(k.ReadOnlyError, match="read-only") as info:
            setattr(W, attribute, None)
        assert isinstance(info.value, AttributeError)
        assert info.value.code == "read_only"
        assert attribute not in str(info.value)
        assert getattr(W, attribute) is before

    def test_plans_are_immutable(self) -> None:
        """The precompiled plans cannot lose their guard either."""
        plan = W._plans[("submitted", "extend")]
        with pytest.raises(k.ReadOnlyError, match="compiled plan is read-only"):
            plan.guard = None
        with pytest.raises(k.ReadOnlyError, match="cannot be deleted"):
            del plan.guard
        with pytest.raises(TypeError):
            del W._plans[("submitted", "extend")]  # type: ignore[attr-defined]
        assert plan.guard is not None

    def test_attribute_cannot_be_deleted(self) -> None:
        """Deleting the calendar is refused as well."""
        with pytest.raises(k.ReadOnlyError, match="cannot be deleted"):
            del W.calendar
        assert isinstance(W.calendar, AtwCalendar)

    def test_guards_are_read_only(self) -> None:
        """A definition's guard table cannot lose the art. 17 lid 2 check."""
        guards = W._definition.guards
        assert isinstance(guards, MappingProxyType)
        with pytest.raises(TypeError):
            del guards["extend"]  # type: ignore[attr-defined]
        assert "extend" in W._definition.guards

    def test_state_basis_is_read_only(self) -> None:
        """A definition's state basis cannot be edited either."""
        basis = W._definition.state_basis
        assert isinstance(basis, MappingProxyType)
        with pytest.raises(TypeError):
            basis["raised"] = "nothing"  # type: ignore[index]
        assert basis["raised"].startswith("KPZ spelregel 1")

    def test_definition_copies_its_mappings(self) -> None:
        """Changing the dict a definition was built from changes nothing."""
        guards = dict(W._definition.guards)
        definition = attrs.evolve(W._definition, guards=guards)
        guards.clear()
        assert "extend" in definition.guards

    def test_extension_guard_still_applies(self) -> None:
        """After all those attempts, a second extension is still refused."""
        case = W.apply(submitted(), "extend", at=at(2026, 4, 10), by=P, weeks=1)
        with pytest.raises(k.GuardError, match="one extension"):
            W.apply(case, "extend", at=at(2026, 4, 11), by=P, weeks=1)


class TestArguments:
    """Wrong argument types are refused with the library's own errors."""

    @pytest.mark.parametrize("version", [True, False, 2.0, "2"])
    def test_expected_version_must_be_int(self, version: object) -> None:
        """expected_version=True (or a float, or a str) is not a version."""
        with pytest.raises(k.ArgumentTypeError, match="expected_version must be"):
            W.apply(
                submitted(),
                "extend",
                at=at(2026, 4, 10),
                by=P,
                weeks=1,
                expected_version=version,  # type: ignore[arg-type]
            )

    def test_can_answers_false_on_version_conflict(self) -> None:
        """can() answers a version conflict instead of raising it."""
        case = submitted()
        kwargs = {"at": at(2026, 4, 10), "by": P, "weeks": 1}
        assert not W.can(case, "extend", expected_version=1, **kwargs)  # type: ignore[arg-type]
        assert W.can(case, "extend", expected_version=2, **kwargs)  # type: ignore[arg-type]

    def test_can_still_raises_on_wrong_types(self) -> None:
        """can() is no catch-all: a bool version is a caller's bug."""
        with pytest.raises(k.ArgumentTypeError):
            W.can(
                submitted(),
                "extend",
                at=at(2026, 4, 10),
                by=P,
                weeks=1,
                expected_version=True,
            )

    @pytest.mark.parametrize("case_id", [42, "", "   ", None])
    def test_replay_refuses_what_open_refuses(self, case_id: object) -> None:
        """replay() accepts the same case ids as open(): non-blank strings."""
        history = submitted().history
        with pytest.raises(k.ArgumentTypeError, match="case_id"):
            W.open(case_id, at=at(2026, 3, 30))  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError, match="case_id"):
            W.replay(case_id, history)  # type: ignore[arg-type]


class TestRegistry:
    """The registry builds each regime once, even under a first-use race."""

    def test_same_regime_from_many_threads(self) -> None:
        """In a fresh process, 16 threads asking at once get one Regime."""
        code = (
            "from concurrent.futures import ThreadPoolExecutor\n"
            "import klachtrecht as k\n"
            "with ThreadPoolExecutor(16) as pool:\n"
            "    got = list(pool.map(lambda _: k.regime('klp'), range(64)))\n"
            "print(len({id(r) for r in got}))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "1" == done.stdout.strip()

    def test_same_regime_in_this_process(self) -> None:
        """regime(x) is regime(x), for every registered name."""
        with ThreadPoolExecutor(8) as pool:
            for name in k.REGIMES:
                got = list(pool.map(lambda _, n=name: k.regime(n), range(16)))
                assert all(r is got[0] for r in got)

    def test_own_calendar_gives_own_regime(self) -> None:
        """A regime with its own calendar is another object, built once too."""
        calendar = AtwCalendar()
        first = k.regime("wkkgz", calendar=calendar)
        assert first is not W
        assert first is k.regime("wkkgz", calendar=calendar)
        assert first.calendar is calendar


def _outcome(call: Callable[[], Case]) -> object:
    """The case a call returns, or the type and text of what it raised."""
    try:
        return call()
    except k.KlachtrechtError as exc:
        return (type(exc), str(exc))


_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 40),
    st.text(max_size=3),
    st.sampled_from(["a", "b", "c", " ", "phone", "upheld"]),
    st.dates(date(1999, 12, 30), date(2100, 1, 2)),
    st.decimals(allow_nan=True, places=2, max_value=10**6),
    st.builds(k.Party, st.sampled_from(list(Role)), st.just("r-1")),
    st.just(datetime(2026, 4, 3, 10)),  # noqa: DTZ001 - a naive moment
)


class TestFastPath:
    """Regime.apply's precompiled fast path (klachtrecht._plan) accepts and
    refuses exactly what the general path does."""

    @settings(max_examples=300, deadline=None)
    @given(
        name=st.sampled_from(sorted(k.REGIMES)),
        data=st.data(),
        day=st.integers(-1, 120),
        by=st.sampled_from(list(Role)),
    )
    def test_same_outcome_as_general_path(
        self, name: str, data: st.DataObject, day: int, by: Role
    ) -> None:
        """For any event of the regime's examples, with fields fuzzed, the fast
        path and the general path give an equal case or the same error."""
        reg = k.regime(name)
        example = data.draw(
            st.sampled_from([e for e in EXAMPLES if e.regime == name]), label="ex"
        )
        case = reg.open(
            example.case_id, at=example.opened_at, **dict(example.open_data)
        )
        steps = example.steps[: data.draw(st.integers(0, len(example.steps) - 1))]
        for step in steps:
            case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
        spec = data.draw(st.sampled_from(reg.events), label="event")
        fields = {
            f.name: data.draw(_VALUES, label=f.name)
            for f in spec.fields
            if data.draw(st.booleans())
        }
        when = case.last_at + timedelta(days=day)

        def fast() -> Case:
            return reg.apply(case, spec.id, at=when, by=by, **fields)

        def general() -> Case:
            return reg._apply_general(case, spec.id, when, by, None, dict(fields))

        assert _outcome(fast) == _outcome(general)

    def test_fast_path_is_taken(self) -> None:
        """An ordinary event is built by the plan (it could silently not be)."""
        case = submitted()
        plan = W._plans[("submitted", "extend")]
        moved = plan.apply(case, at(2026, 4, 10), P, {"weeks": 1}, W.calendar)
        assert moved == W.apply(case, "extend", at=at(2026, 4, 10), by=P, weeks=1)

    def test_fast_path_declines_what_it_cannot_judge(self) -> None:
        """A str subclass, a naive moment or a missing field go the general way."""

        class Text(str):
            """A str subclass: judged by the general path only."""

        plan = W._plans[("raised", "submit_written")]
        case = opened()
        assert (
            plan.apply(case, at(2026, 4, 2), K, {"complaint": Text("x")}, None) is None
        )
        assert plan.apply(case, NAIVE, K, {"complaint": "x"}, None) is None
        assert plan.apply(case, at(2026, 4, 2), K, {}, None) is None
        assert plan.apply(case, at(2026, 4, 2), P, {"complaint": "x"}, None) is None


class TestFastConstruction:
    """klachtrecht._fast builds values equal to the classes' own constructors."""

    def test_builder_equals_constructor(self) -> None:
        """A record built through the slots equals one built by __init__ (the
        converters ran: a fixed offset, frozen sorted data)."""
        moment = at(2026, 4, 2)
        args = ("extend", moment, P, "b", {"weeks": 1, "days": 2}, {"days"})
        fast = builder(EventRecord)(*args)
        assert fast == EventRecord(*args)
        assert list(fast.data) == ["days", "weeks"]
        assert isinstance(fast.data, MappingProxyType)
        assert fast.personal == frozenset({"days"})

    def test_prechecked_builder_equals_constructor(self) -> None:
        """The engine's builders (checks skipped, the caller checked) give the
        values the constructors give, and are really the fast ones."""
        moment = at(2026, 4, 2)
        data = MappingProxyType({"days": 2, "weeks": 1})
        build = prechecked_builder(EventRecord, raw=frozenset({"data"}))
        assert build is not EventRecord
        record = build("extend", moment, P, "b", data, {"days"})
        expected = EventRecord("extend", moment, P, "b", dict(data), {"days"})
        assert record == expected
        assert record.at.tzinfo == expected.at.tzinfo
        assert record.personal == frozenset({"days"})
        case = submitted()
        fields = attrs.astuple(case, recurse=False)
        assert prechecked_builder(Case) is not Case
        assert prechecked_builder(Case)(*fields) == Case(*fields)

    def test_evolver_equals_attrs_evolve(self) -> None:
        """Evolving facts fast gives what attrs.evolve gives; the old value stays."""
        facts = submitted().facts
        new = evolve(facts, extension_days=7)
        assert new == attrs.evolve(facts, extension_days=7)
        assert facts.extension_days == 0
        with pytest.raises(TypeError, match="no field"):
            evolve(facts, no_such_field=1)

    def test_validated_class_keeps_its_constructor(self) -> None:
        """A class with a validator is not plain: its own __init__ still runs."""

        @attrs.frozen
        class Checked:
            """A value with a validator."""

            n: int = attrs.field(validator=attrs.validators.gt(0))

        assert not is_plain(Checked)
        assert builder(Checked) is Checked
        with pytest.raises(ValueError, match="n"):
            builder(Checked)(0)
        with pytest.raises(ValueError, match="n"):
            evolver(Checked)(Checked(1), n=0)
