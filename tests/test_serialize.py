"""Serialization: round trips, and strict refusal of corrupted documents."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.serialize import SCHEMA_VERSION, dump, dumps, load, loads
from klachtrecht.testing import cases

REGIMES = sorted(k.REGIMES)
PROPERTY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])

Doc = dict[str, Any]


def _naive_at(doc: Doc) -> None:
    doc["history"][0]["at"] = doc["history"][0]["at"][:19]


def _bool_for_party(doc: Doc) -> None:
    first = doc["history"][0]["data"]
    first[next(iter(first))] = True


def _extra_party_key(doc: Doc) -> None:
    data = doc["history"][0]["data"]
    party = next(v for v in data.values() if isinstance(v, dict) and "role" in v)
    party["bsn"] = "123"


#: Each mutation corrupts a valid document in one way; every one must be refused.
MUTATIONS: dict[str, Callable[[Doc], None]] = {
    "unknown top key": lambda d: d.update(extra=1),
    "missing top key": lambda d: d.pop("state"),
    "schema from the future": lambda d: d.update(schema=SCHEMA_VERSION + 1),
    "schema not an int": lambda d: d.update(schema="1"),
    "unknown regime": lambda d: d.update(regime="no-such-regime"),
    "unknown state": lambda d: d.update(state="limbo"),
    "wrong version": lambda d: d.update(version=d["version"] + 1),
    "empty history": lambda d: d.update(history=[]),
    "history not starting with open": lambda d: d["history"].pop(0),
    "event dropped at the end": lambda d: d["history"].pop(),
    "unknown event": lambda d: d["history"][-1].update(event="teleport"),
    "unknown event key": lambda d: d["history"][0].update(colour="red"),
    "naive datetime": _naive_at,
    "unknown role": lambda d: d["history"][0].update(by="judge"),
    "unknown data field": lambda d: d["history"][0]["data"].update(mood="x"),
    "wrong type for a party": _bool_for_party,
    "extra key in a party": _extra_party_key,
    "case_id not a string": lambda d: d.update(case_id=7),
}


@pytest.mark.parametrize("name", REGIMES)
class TestRoundTrip:
    """dump -> JSON -> load is the identity, for every regime."""

    @PROPERTY
    @given(data=st.data())
    def test_round_trip(self, name: str, data: st.DataObject) -> None:
        """A generated case survives dump, JSON and load unchanged."""
        case = data.draw(cases(name))
        document = json.loads(json.dumps(dump(case)))
        assert case == load(document)
        assert case == loads(dumps(case))

    @PROPERTY
    @given(data=st.data(), mutation=st.sampled_from(sorted(MUTATIONS)))
    def test_corrupted_refused(
        self, name: str, data: st.DataObject, mutation: str
    ) -> None:
        """Every kind of corruption of a valid document is refused, with a
        SerializationError (also a ValueError) naming no personal data."""
        case = data.draw(cases(name))
        document = copy.deepcopy(dump(case))
        MUTATIONS[mutation](document)
        with pytest.raises(k.SerializationError) as info:
            load(document)
        assert isinstance(info.value, ValueError)
        assert "PII-" not in str(info.value)


class TestStrictness:
    """Specific refusals and their messages."""

    def test_future_schema_message(self) -> None:
        """A document from a newer release says to upgrade."""
        with pytest.raises(k.SerializationError, match="upgrade klachtrecht"):
            load({
                "schema": 99, "case_id": "K", "regime": "wkkgz",
                "state": "raised", "version": 1, "history": [],
            })  # fmt: skip

    def test_not_json(self) -> None:
        """Text that is not JSON is refused."""
        with pytest.raises(k.SerializationError, match="not valid JSON"):
            loads("{")

    def test_not_a_mapping(self) -> None:
        """A list is not a case document."""
        with pytest.raises(k.SerializationError, match="mapping"):
            load([])  # type: ignore[arg-type]

    def test_float_amount_refused(self) -> None:
        """An amount as a JSON number (float) is refused: cents would be lost."""
        from datetime import datetime
        from decimal import Decimal
        from zoneinfo import ZoneInfo

        ams = ZoneInfo("Europe/Amsterdam")
        w = k.regime("wkkgz")
        case = w.open(
            "K-1",
            at=datetime(2026, 4, 2, 10, tzinfo=ams),
            klager=k.Party(k.Role.KLAGER, "p"),
            provider=k.Party(k.Role.PROVIDER, "o"),
        )
        case = w.apply(
            case,
            "submit_geschil",
            at=datetime(2026, 4, 3, 10, tzinfo=ams),
            by=k.Role.KLAGER,
            ground="c",
            motivation="x",
            damages_claimed=Decimal("1000.10"),
        )
        document = dump(case)
        assert "1000.10" == document["history"][1]["data"]["damages_claimed"]
        document["history"][1]["data"]["damages_claimed"] = 1000.1
        with pytest.raises(k.SerializationError, match="damages_claimed"):
            load(document)
