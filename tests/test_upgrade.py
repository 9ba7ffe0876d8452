"""Stored documents with the old capacity words load, upgraded to the codes."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import serialize
from klachtrecht._capacities import CAPACITIES, RENAMED
from klachtrecht._upgrade import upgrade_history

AMS = ZoneInfo("Europe/Amsterdam")


def _document(regime: str, capacity: str) -> dict[str, Any]:
    """A document of a case opened 2 Apr 2026, its klager's Party.capacity
    set to ``capacity`` as an older release stored it."""
    reg = k.regime(regime)
    extra: dict[str, Any] = {}
    if regime == "klp":
        from datetime import date

        extra = {"complaint": "x", "event_on": date(2026, 3, 1)}
    case = reg.open(
        "OLD-1",
        at=datetime(2026, 4, 2, 10, tzinfo=AMS),
        klager=k.Party(k.Role.KLAGER, "p-1", "client", name="PII-naam"),
        provider=k.Party(k.Role.PROVIDER, "o-1"),
        **extra,
    )
    document = serialize.dump(case)
    document["history"][0]["data"]["klager"]["capacity"] = capacity
    return document


@pytest.mark.parametrize("regime", ["wkkgz", "klp"])
@pytest.mark.parametrize(("old", "new"), sorted(RENAMED.items()))
def test_old_words_load_as_codes(regime: str, old: str, new: str) -> None:
    """'nabestaande' and 'vertegenwoordiger' load as surviving_relative and
    representative; the stored document itself is not changed."""
    document = _document(regime, old)
    before = copy.deepcopy(document)
    case = serialize.load(document)
    assert document == before
    klager = case.party(k.Role.KLAGER)
    assert klager is not None
    assert new == klager.capacity == case.facts.capacity
    assert new == serialize.dump(case)["history"][0]["data"]["klager"]["capacity"]


def test_current_codes_pass_unchanged() -> None:
    """A history already in today's codes comes back as the same object."""
    history = _document("wkkgz", "surviving_relative")["history"]
    assert upgrade_history(history) is history


@pytest.mark.parametrize("history", [None, "x", [], [1, {"data": 2}]])
def test_malformed_history_passed_through(history: Any) -> None:
    """A malformed history is left for load() to refuse as before."""
    assert upgrade_history(history) is history


def test_only_parties_are_renamed() -> None:
    """A free text field that happens to read 'nabestaande' is a fact, kept."""
    history = [{"event": "x", "data": {"note": "nabestaande", "n": {"capacity": "x"}}}]
    assert upgrade_history(history) is history


def test_every_code_has_its_article() -> None:
    """Every capacity code names its legal term and the article behind it."""
    for code, (term, article) in CAPACITIES.items():
        assert code.isascii()
        assert code == code.lower()
        assert term
        assert "art." in article
    assert set(RENAMED.values()) <= set(CAPACITIES)


def test_field_renames_per_regime(monkeypatch: pytest.MonkeyPatch) -> None:
    """A regime's renamed field codes are rewritten for that regime only."""
    import klachtrecht._upgrade as up

    monkeypatch.setitem(up.FIELDS, "demo", {("open", "capacity"): RENAMED})
    history: Any = [{"event": "open", "data": {"capacity": "nabestaande", "note": "x"}}]
    upgraded: Any = upgrade_history(history, "demo")
    assert "surviving_relative" == upgraded[0]["data"]["capacity"]
    assert "nabestaande" == history[0]["data"]["capacity"]
    assert upgrade_history(history, "other") is history
