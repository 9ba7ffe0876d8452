"""Names given as input (unknown fields, events, regimes) never appear in an
error's message or params (issue 12): they are counted or described instead."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import payload
from klachtrecht._case import EventRecord

AMS = ZoneInfo("Europe/Amsterdam")
K, P = k.Role.KLAGER, k.Role.PROVIDER
W = k.regime("wkkgz")
AT = datetime(2026, 4, 2, 10, tzinfo=AMS)

#: A name given as input: a marker no message contains by itself, then
#: arbitrary text (any characters a JSON key or a keyword could hold).
NAMES = st.builds(lambda tail: f"ZQX{tail}", st.text(max_size=30))


def _opened() -> k.Case:
    return W.open(
        "K-1",
        at=datetime(2026, 3, 30, 10, tzinfo=AMS),
        klager=k.Party(K, "p-1", "client"),
        provider=k.Party(P, "org-1"),
    )


def _clean(error: BaseException, *names: str) -> None:
    """Neither the message nor the params of ``error`` hold any of ``names``."""
    shown = f"{error} {dict(getattr(error, 'params', {}))!r}"
    for name in names:
        assert name not in shown


@settings(max_examples=60, deadline=None)
@given(names=st.lists(NAMES, min_size=1, max_size=3, unique=True))
def test_unknown_fields_are_counted_not_named(names: list[str]) -> None:
    """apply() with unknown keyword fields says how many, and which fields the
    event takes, never the names given."""
    extra: dict[str, Any] = dict.fromkeys(names, 1)
    with pytest.raises(k.EventDataError) as info:
        W.apply(_opened(), "submit_written", at=AT, by=K, complaint="x", **extra)
    _clean(info.value, *names)
    noun = "field" if len(names) == 1 else "fields"
    assert f"{len(names)} unknown {noun}; 'submit_written' takes: " in str(info.value)


@settings(max_examples=60, deadline=None)
@given(name=NAMES)
def test_unknown_payload_keys_are_counted_not_named(name: str) -> None:
    """payload.parse with an unknown JSON key says so without quoting it."""
    with pytest.raises(k.EventDataError) as info:
        payload.parse("wkkgz", "submit_written", {"complaint": "x", name: 1})
    _clean(info.value, name)
    assert "1 unknown field" in str(info.value)


@settings(max_examples=60, deadline=None)
@given(name=NAMES)
def test_unknown_event_is_not_named(name: str) -> None:
    """An event the regime does not know is refused as "an event not in
    regime 'wkkgz'"; its name is in neither message, params nor attribute."""
    case = _opened()
    with pytest.raises(k.EventNotAllowedError) as info:
        W.apply(case, name, at=AT, by=K)
    _clean(info.value, name)
    assert "an event not in regime 'wkkgz'" in str(info.value)
    assert info.value.event == "?"
    assert info.value.allowed  # still says what is allowed now
    assert not W.can(case, name, at=AT, by=K)


def test_known_event_in_the_wrong_state_is_still_named() -> None:
    """A regime's own event (vocabulary, not input) keeps its name."""
    with pytest.raises(k.EventNotAllowedError) as info:
        W.apply(_opened(), "deliver_oordeel", at=AT, by=P)
    assert "event 'deliver_oordeel' is not allowed in state" in str(info.value)
    assert info.value.event == "deliver_oordeel"


@settings(max_examples=40, deadline=None)
@given(name=NAMES)
def test_unknown_event_in_a_history_is_not_named(name: str) -> None:
    """replay() of a history holding an unknown event does not quote it."""
    case = _opened()
    stranger = EventRecord(name, AT, K, "-", {})
    with pytest.raises(k.CaseError) as info:
        W.replay("K-1", (*case.history, stranger))
    _clean(info.value, name)
    assert "not in regime 'wkkgz'" in str(info.value)


@settings(max_examples=60, deadline=None)
@given(name=NAMES)
def test_unknown_regime_is_not_named(name: str) -> None:
    """regime(name) for an unknown name lists the known ones, not the name."""
    with pytest.raises(k.UnknownRegimeError) as info:
        k.regime(name)
    _clean(info.value, name)
    assert str(info.value).startswith("no such regime; known: ")
    assert "wkkgz" in str(info.value)


@settings(max_examples=40, deadline=None)
@given(name=NAMES)
def test_unknown_event_or_state_spec_is_not_named(name: str) -> None:
    """Regime.event(id) and Regime.state(id) do not quote an unknown id."""
    with pytest.raises(k.ArgumentTypeError) as info:
        W.event(name)
    _clean(info.value, name)
    with pytest.raises(k.ArgumentTypeError) as info:
        W.state(name)
    _clean(info.value, name)


def test_choice_outside_the_list_names_the_fields_doc() -> None:
    """A value outside a field's choices is refused with the field's doc (its
    article), like a value outside its bounds; the value is not quoted."""
    with pytest.raises(k.EventDataError) as info:
        W.open(
            "K-1",
            at=AT,
            klager=k.Party(K, "p-1", "client"),
            provider=k.Party(P, "org-1"),
            capacity="ZQXneighbour",
        )
    field = next(f for f in W.open_event.fields if f.name == "capacity")
    assert field.choices
    assert "art. 14" in field.doc
    expected = (
        f"field 'capacity' must be one of {', '.join(field.choices)} ({field.doc})"
    )
    assert expected in str(info.value)
    _clean(info.value, "ZQXneighbour")
