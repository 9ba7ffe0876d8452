"""JSON in and out: payload parsing and the generated JSON Schemas agree."""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

import klachtrecht as k
from klachtrecht import payload
from klachtrecht.schema import document_schema, event_schema
from klachtrecht.serialize import dump
from klachtrecht.testing import cases

REGIMES = sorted(k.REGIMES)
PAIRS = [
    (name, spec.id)
    for name in REGIMES
    for spec in (k.regime(name).open_event, *k.regime(name).events)
]
PROPERTY = settings(
    max_examples=30,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
MARKER = "PII-zz-7731"


@cache
def _validator(name: str, event: str | None) -> Draft202012Validator:
    schema = document_schema() if event is None else event_schema(name, event)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


@cache
def _payloads(name: str, event: str) -> st.SearchStrategy[Any]:
    return _from_schema(event_schema(name, event))


def _from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values valid for the subset of JSON Schema klachtrecht generates
    (hypothesis-jsonschema 0.23 does not work with this hypothesis)."""
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema["type"]
    if kind == "object":
        required = schema.get("required", [])
        optional = [p for p in schema["properties"] if p not in required]
        return st.fixed_dictionaries(
            {p: _from_schema(schema["properties"][p]) for p in required},
            optional={p: _from_schema(schema["properties"][p]) for p in optional},
        )
    if kind == "integer":
        return st.integers(schema.get("minimum"), schema.get("maximum"))
    if kind == "boolean":
        return st.booleans()
    if schema.get("format") == "date":
        return st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(date.isoformat)
    return st.from_regex(schema.get("pattern", ""), fullmatch=False)


def test_every_schema_is_valid_draft_2020_12() -> None:
    """Every event schema and the document schema are valid JSON Schemas."""
    for name, event in PAIRS:
        assert _validator(name, event).schema["$schema"].endswith("2020-12/schema")
    assert "meta" in _validator("-", None).schema["properties"]


@pytest.mark.parametrize("name", REGIMES)
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_documents_of_generated_cases_fit_the_document_schema(
    name: str, data: st.DataObject
) -> None:
    """A stored document of any reachable case validates against the schema."""
    case = data.draw(cases(name, max_steps=8))
    document = json.loads(json.dumps(dump(case)))
    errors = [e.message for e in _validator("-", None).iter_errors(document)]
    assert errors == []
    document["meta"] = {"release": "0.1", "fingerprint": "abc"}
    assert _validator("-", None).is_valid(document)


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda d: d.update(extra=1),
        lambda d: d.pop("state"),
        lambda d: d.update(state="nowhere"),
        lambda d: d.update(regime="nowhere"),
        lambda d: d["history"][0].update(event="extend"),
        lambda d: d["history"][0].update(at="2026-04-02T10:00:00"),
        lambda d: d["history"][0]["data"].update(unknown="x"),
        lambda d: d["history"][0]["data"].pop("settings"),
        lambda d: d.update(meta={"release": 1}),
        lambda d: d["history"][0].update(at=d["history"][0]["at"] + "\n"),
        lambda d: d["history"][0].update(at="1999-12-31T10:00:00+01:00"),
    ],
)
def test_the_document_schema_refuses_corrupted_documents(corrupt: Any) -> None:
    """Each corruption of a valid document is refused by the schema."""
    wkkgz = k.regime("wkkgz")
    case = wkkgz.open(
        "K-1",
        at=datetime(2026, 4, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam")),
        klager=k.Party(k.Role.KLAGER, "c"),
        provider=k.Party(k.Role.PROVIDER, "p"),
    )
    document = json.loads(json.dumps(dump(case)))
    assert _validator("-", None).is_valid(document)
    corrupt(document)
    assert not _validator("-", None).is_valid(document)


@PROPERTY
@given(pair=st.sampled_from(PAIRS), data=st.data())
def test_payloads_the_schema_accepts_are_parsed(
    pair: tuple[str, str], data: st.DataObject
) -> None:
    """Every payload generated from an event's schema is accepted by parse."""
    name, event = pair
    body = data.draw(_payloads(name, event))
    assert _validator(name, event).is_valid(body)
    parsed = payload.parse(name, event, body)
    assert set(parsed) == set(body)


def _valid_body(name: str, event: str) -> dict[str, Any]:
    """A minimal valid payload, built from the schema's required fields."""
    schema = event_schema(name, event)
    return {
        key: _example(schema["properties"][key]) for key in schema.get("required", [])
    }


def _example(schema: dict[str, Any]) -> Any:
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema["type"]
    if kind == "object":
        return {
            key: _example(schema["properties"][key])
            for key in schema.get("required", [])
        }
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if schema.get("format") == "date":
        return "2026-04-02"
    if "pattern" in schema and schema["pattern"].startswith("^-?[0-9]"):
        return "12.50"
    return "tekst"


WRONG_VALUES = [None, True, 7, 1.5, [], {}, MARKER, {"x": MARKER}, [MARKER]]


@PROPERTY
@given(
    pair=st.sampled_from(PAIRS),
    wrong=st.sampled_from(WRONG_VALUES),
    which=st.integers(0, 50),
    mode=st.sampled_from(["replace", "drop", "unknown", "extra_in_object"]),
)
def test_parse_and_schema_refuse_the_same_broken_payloads(
    pair: tuple[str, str], wrong: Any, which: int, mode: str
) -> None:
    """A broken payload is refused by both the schema and parse, with an
    EventDataError naming the event (and field) and never quoting the input."""
    name, event = pair
    body = _valid_body(name, event)
    assert _validator(name, event).is_valid(body)
    assert payload.parse(name, event, body) is not None
    fields = sorted(event_schema(name, event)["properties"])
    if not fields and mode != "unknown":
        mode = "unknown"
    key = fields[which % len(fields)] if fields else ""
    if mode == "replace":
        body[key] = wrong
    elif mode == "drop":
        if key not in body or key not in event_schema(name, event)["required"]:
            return
        del body[key]
    elif mode == "unknown":
        body[MARKER] = wrong
    else:
        if not isinstance(body.get(key), dict):
            return
        body[key][MARKER] = wrong
    schema_ok = _validator(name, event).is_valid(body)
    error = _refusal(name, event, body)
    if error is None:
        assert schema_ok, (name, event, mode, key, type(wrong).__name__)
    else:
        assert not schema_ok
        assert MARKER not in str(error)
        assert error.event == event
        if mode in ("replace", "drop", "extra_in_object"):
            assert repr(key) in str(error)


def _refusal(name: str, event: str, body: object) -> k.EventDataError | None:
    try:
        payload.parse(name, event, body)
    except k.EventDataError as exc:
        return exc
    return None


MARKED = st.text(max_size=5).map(lambda t: MARKER + t)
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | MARKED,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(MARKED | st.sampled_from(["role", "ref"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(
    junk=JUNK,
    pair=st.sampled_from(PAIRS),
    where=st.integers(0, 50),
    nested=st.booleans(),
)
@PROPERTY
def test_parse_of_junk_raises_only_the_librarys_own_error(
    junk: Any, pair: tuple[str, str], where: int, nested: bool
) -> None:
    """Junk anywhere in a payload (the whole body, a field, a party's or the
    settings' attribute) is parsed or refused with EventDataError naming the
    event, never a raw error, and never quoting the input."""
    name, event = pair
    body: Any = _valid_body(name, event)
    fields = sorted(event_schema(name, event)["properties"])
    if not fields:
        body = junk
    else:
        key = fields[where % len(fields)]
        if nested and isinstance(body.get(key), dict):
            body[key]["ref" if "ref" in body[key] else "x"] = junk
        else:
            body[key] = junk
    error = _refusal(name, event, body)
    assert error is None or (error.event == event and MARKER not in str(error))


def test_unknown_regime_and_event_are_refused_without_quoting_them() -> None:
    """An unknown regime or event name is refused and not echoed."""
    with pytest.raises(k.UnknownRegimeError) as regime_error:
        payload.parse(MARKER, "open", {})
    assert MARKER not in str(regime_error.value)
    with pytest.raises(k.EventDataError) as event_error:
        event_schema("wkkgz", MARKER)
    assert MARKER not in str(event_error.value)
    with pytest.raises(k.ArgumentTypeError):
        payload.parse("wkkgz", 3, {})  # type: ignore[arg-type]


def test_open_settings_are_optional_and_parsed_into_the_settings_class() -> None:
    """For open, settings may be left out; given, they become the settings class."""
    wkkgz = k.regime("wkkgz")
    body = _valid_body("wkkgz", "open")
    assert "settings" not in body
    assert "settings" not in payload.parse(wkkgz, "open", body)
    body["settings"] = {"geschil_window_months": 6}
    parsed = payload.parse(wkkgz, "open", body)
    assert isinstance(parsed["settings"], wkkgz.settings_type)
    settings: Any = parsed["settings"]
    assert settings.geschil_window_months == 6
    body["settings"] = {"geschil_window_months": 0}
    with pytest.raises(k.EventDataError, match="geschil_window_months"):
        payload.parse(wkkgz, "open", body)


def test_cli_prints_the_schemas_and_refuses_bad_requests_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`klachtrecht schema` prints JSON; a bad request is one line and exit 2."""
    from klachtrecht.__main__ import main

    assert main(["schema", "event", "wkkgz", "extend"]) == 0
    assert json.loads(capsys.readouterr().out) == event_schema("wkkgz", "extend")
    assert main(["schema", "document"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "klachtrecht case document"
    for argv in (["schema", "event", "wkkgz", MARKER], ["schema", "event", "wkkgz"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert MARKER not in err


def test_generated_event_tables_mark_open_settings_optional() -> None:
    """The docs' event tables list `settings` of open as optional."""
    from klachtrecht._diagram import reference

    for name in REGIMES:
        table = reference(k.regime(name))
        open_row = next(r for r in table.splitlines() if r.startswith("| `open`"))
        assert "`settings`?" in open_row
