"""The engine's boundaries: immutable regimes and definitions, argument checks,
and a registry that builds each regime once under concurrent first use."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from types import MappingProxyType
from zoneinfo import ZoneInfo

import attrs
import pytest

import klachtrecht as k
from klachtrecht import Case, Role
from klachtrecht.deadlines import AtwCalendar

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wkkgz")
K, P = Role.KLAGER, Role.PROVIDER


def at(y: int, m: int, d: int) -> datetime:
    """An Amsterdam moment at ten in the morning."""
    return datetime(y, m, d, 10, tzinfo=AMS)


def submitted() -> Case:
    """A Wkkgz case whose written complaint was received on 2 April 2026."""
    case = W.open(
        "E-1",
        at=at(2026, 3, 30),
        klager=k.Party(K, "p-1", "client"),
        provider=k.Party(P, "org-1"),
    )
    return W.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="x")


class TestImmutableRegime:
    """A regime is shared by every caller, so nobody can change it."""

    @pytest.mark.parametrize("attribute", ["calendar", "events", "states", "_table"])
    def test_attribute_cannot_be_set(self, attribute: str) -> None:
        """Setting any attribute of a regime raises AttributeError."""
        before = getattr(W, attribute)
        with pytest.raises(AttributeError, match="immutable"):
            setattr(W, attribute, None)
        assert getattr(W, attribute) is before

    def test_attribute_cannot_be_deleted(self) -> None:
        """Deleting the calendar is refused as well."""
        with pytest.raises(AttributeError, match="immutable"):
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
