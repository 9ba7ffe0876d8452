"""The affiliations register as a strict JSON document: round trips, literal
refusals, and a fuzzer (arbitrary JSON and mutations of valid documents) that
must end in the library's error or an equal register, never echoing input.

Every string the fuzzer puts into a document carries the marker ``MARK``, so
"no input in a message" is checked as "no MARK in a message"; the dates of a
document are checked one by one (minus the constant supported-range text)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.affiliations import (
    MAX_TEXT,
    SCHEMA_VERSION,
    Affiliations,
    Arrangement,
    Basis,
    Component,
    Engagement,
    LegalKind,
    Provider,
    ProviderKind,
    RegisterDocumentError,
    dump,
    dumps,
    load,
    loads,
)

MARK: Final = "\u2603"
RANGE: Final = "2000-01-01..2099-12-31"
ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def register() -> Affiliations:
    """A small register whose every free string holds the marker."""
    return Affiliations().add(
        Provider(f"{MARK}pr", ProviderKind.PRACTICE, f"{MARK} Praktijk Jansen",
                 {LegalKind.ZORGAANBIEDER, LegalKind.JEUGDHULPAANBIEDER}),
        Provider(f"{MARK}zv", ProviderKind.PRACTITIONER, "",
                 {LegalKind.PARAMEDICUS}),
        Arrangement(provider=f"{MARK}pr", component=Component.REGELING,
                    body=f"{MARK} Portaal", valid_from=date(2023, 1, 1),
                    valid_until=date(2023, 12, 31), contact=f"{MARK}@example.nl",
                    reference=f"{MARK}-17"),
        Arrangement(provider=f"{MARK}pr", component=Component.REGELING,
                    body=f"{MARK} Portaal 2", valid_from=date(2024, 1, 1)),
        Arrangement(provider=f"{MARK}zv", component=Component.FUNCTIONARIS,
                    body=f"{MARK} KLP", valid_from=date(2024, 3, 1)),
        Engagement(practitioner=f"{MARK}zv", practice=f"{MARK}pr",
                   basis=Basis.ZZP, valid_from=date(2024, 1, 1),
                   valid_until=date(2024, 6, 30)),
    )  # fmt: skip


def strings(value: object) -> list[str]:
    """Every string (keys and values) in a JSON-like value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k_, v in value.items() for s in (*strings(k_), *strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def assert_no_echo(error: Exception, document: object) -> None:
    """The message holds no marked string and no date from the document."""
    message = str(error)
    assert MARK not in message
    scrubbed = message.replace(RANGE, "")
    for text in strings(document):
        for day in ISO.findall(text):
            assert day not in scrubbed


def attempt(fn: Callable[[], Affiliations]) -> Affiliations | RegisterDocumentError:
    """The register ``fn`` returns, or the RegisterDocumentError it raises
    (any other exception propagates and fails the test)."""
    try:
        return fn()
    except RegisterDocumentError as error:
        return error


def load_or_refuse(document: object) -> Affiliations | RegisterDocumentError:
    """The contract: an equal register back, or RegisterDocumentError (a
    SerializationError and ValueError) that echoes nothing."""
    outcome = attempt(lambda: load(document))  # type: ignore[arg-type]
    if isinstance(outcome, Affiliations):
        assert outcome == load(dump(outcome))
        assert outcome == loads(dumps(outcome))
    else:
        assert isinstance(outcome, k.SerializationError)
        assert isinstance(outcome, ValueError)
        assert_no_echo(outcome, document)
    return outcome


class TestRoundTrip:
    """dump/load and dumps/loads give an equal register."""

    def test_round_trip(self) -> None:
        """A register survives dump and load, and dumps and loads."""
        reg = register()
        assert reg == load(dump(reg))
        assert reg == loads(dumps(reg))

    def test_document_shape(self) -> None:
        """The document is versioned and writes every key."""
        doc = dump(register())
        assert (SCHEMA_VERSION, "klachtrecht.affiliations") == (
            doc["schema"],
            doc["document"],
        )
        assert ["jeugdhulpaanbieder", "zorgaanbieder"] == doc["providers"][0][
            "legal_kinds"
        ]
        assert {
            "provider": f"{MARK}pr",
            "component": "regeling",
            "body": f"{MARK} Portaal 2",
            "valid_from": "2024-01-01",
            "valid_until": None,
            "contact": "",
            "reference": "",
        } == doc["arrangements"][1]

    def test_empty_register(self) -> None:
        """An empty register round-trips."""
        assert Affiliations() == loads(dumps(Affiliations()))

    def test_dump_refuses_other_things(self) -> None:
        """dump() of something else is the library's error."""
        with pytest.raises(RegisterDocumentError):
            dump({"providers": []})  # type: ignore[arg-type]


def valid() -> dict[str, Any]:
    """A fresh valid document."""
    return dump(register())


def refused(document: object, where: str) -> RegisterDocumentError:
    """Load ``document``, expect a refusal naming ``where``, return it."""
    with pytest.raises(RegisterDocumentError) as info:
        load(document)  # type: ignore[arg-type]
    assert where in str(info.value)
    assert_no_echo(info.value, document)
    return info.value


class TestRefusals:
    """Malformed documents are refused with the field named, nothing echoed."""

    def test_not_a_mapping(self) -> None:
        """A list is not a document."""
        refused([], "document")

    def test_unknown_top_key(self) -> None:
        """An unknown key is refused without naming it."""
        doc = valid()
        doc[f"{MARK}extra"] = 1
        refused(doc, "1 unknown key")

    def test_newer_schema(self) -> None:
        """A document from a newer release is refused."""
        doc = valid()
        doc["schema"] = SCHEMA_VERSION + 1
        refused(doc, "newer than this release")

    @pytest.mark.parametrize("schema", [True, 0, "1", 1.0, None])
    def test_schema_must_be_a_positive_int(self, schema: object) -> None:
        """``schema: true`` is not version 1 (bool is not int here)."""
        doc = valid()
        doc["schema"] = schema
        refused(doc, "schema")

    def test_unknown_entry_key(self) -> None:
        """An unknown key in an arrangement is refused with its position."""
        doc = valid()
        doc["arrangements"][1][MARK] = "x"
        refused(doc, "arrangements[1]: 1 unknown key")

    def test_missing_entry_key(self) -> None:
        """A missing key is named (keys are vocabulary, not input)."""
        doc = valid()
        del doc["providers"][1]["legal_kinds"]
        refused(doc, "providers[1]: missing key(s): legal_kinds")

    @pytest.mark.parametrize(
        "value", ["2024-1-1", "20240101", "2024-02-30", "1999-12-31", 20240101, None]
    )
    def test_bad_dates(self, value: object) -> None:
        """Only real YYYY-MM-DD dates inside the range are read."""
        doc = valid()
        doc["arrangements"][0]["valid_from"] = value
        refused(doc, "arrangements[0].valid_from")

    def test_inverted_period(self) -> None:
        """An arrangement ending before it starts is refused, dates unquoted."""
        doc = valid()
        doc["arrangements"][0]["valid_until"] = "2022-12-31"
        refused(doc, "arrangements[0]: Arrangement: valid_until is before")

    def test_overlap_located(self) -> None:
        """An overlap names the later arrangement's position."""
        doc = valid()
        doc["arrangements"][0]["valid_until"] = "2024-01-01"
        refused(doc, "arrangements[1]: two klachtenregeling arrangements")

    def test_duplicate_ref(self) -> None:
        """A provider ref listed twice is refused; the ref is not quoted."""
        doc = valid()
        doc["providers"].append(copy.deepcopy(doc["providers"][0]))
        refused(doc, "providers[2]: Provider.ref is registered twice")

    def test_unknown_enum_value(self) -> None:
        """An unknown component is refused, naming the known ones."""
        doc = valid()
        doc["arrangements"][0]["component"] = f"{MARK}raad"
        refused(doc, "known: regeling, functionaris")

    def test_legal_kind_twice(self) -> None:
        """A legal kind listed twice is refused."""
        doc = valid()
        doc["providers"][1]["legal_kinds"] = ["paramedicus", "paramedicus"]
        refused(doc, "providers[1].legal_kinds")

    def test_too_long_text(self) -> None:
        """A string over MAX_TEXT characters is refused before it is used."""
        doc = valid()
        doc["arrangements"][0]["body"] = MARK * (MAX_TEXT + 1)
        refused(doc, "arrangements[0].body")

    def test_non_string_keys(self) -> None:
        """Mixed-type keys are refused."""
        doc: dict[Any, Any] = valid()
        doc["providers"][0][1] = "x"
        refused(doc, "keys must be strings")

    @pytest.mark.parametrize(
        ("text", "where"),
        [
            ("[" * 100_000, "nested too deeply"),
            ('{"a": ' + "9" * 5000 + "}", "not a valid JSON value"),
            ('{"schema": NaN}', "NaN"),
            ('{"schema": 1, "schema": 1}', "key twice"),
            (f'{{"{MARK}": 1', "not valid JSON"),
            ("null", "must be an object"),
        ],
    )
    def test_loads_refusals(self, text: str, where: str) -> None:
        """Deep, huge, NaN, duplicate-key and broken JSON are the library's error."""
        with pytest.raises(RegisterDocumentError, match=where) as info:
            loads(text)
        assert MARK not in str(info.value)

    @pytest.mark.parametrize("text", [None, b"{}", 42])
    def test_loads_needs_a_str(self, text: object) -> None:
        """loads(None) or bytes is the library's error, not a TypeError."""
        with pytest.raises(RegisterDocumentError, match="must be a str"):
            loads(text)  # type: ignore[arg-type]


# -- the fuzzer -------------------------------------------------------------------

KEYS: Final = (
    "schema", "document", "providers", "arrangements", "engagements", "ref",
    "kind", "name", "legal_kinds", "provider", "component", "body", "valid_from",
    "valid_until", "contact", "reference", "practitioner", "practice", "basis",
)  # fmt: skip
marked = st.text(max_size=6).map(lambda t: MARK + t)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | marked
    | st.sampled_from(
        ["2024-01-01", "2024-02-30", "practice", "regeling", "zzp", "", " "]
    )
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | marked, inner, max_size=5)
    ),
    max_leaves=25,
)


def paths(value: object, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path into a JSON-like value (the root included)."""
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*here, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths(item, (*here, i))
    return found


def mutate(document: dict[str, Any], data: st.DataObject) -> object:
    """One to three random edits of a copy of ``document``."""
    doc: Any = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(doc)))
        action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
        if not path:
            if action == "replace":
                doc = data.draw(json_values)
            continue
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "replace":
            parent[last] = data.draw(json_values)
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][data.draw(st.sampled_from(KEYS) | marked)] = data.draw(
                json_values
            )
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
    return doc


class TestFuzz:
    """Arbitrary and mutated documents: the library's error or an equal register."""

    @settings(max_examples=300, deadline=None)
    @given(document=json_values)
    def test_arbitrary_json(self, document: object) -> None:
        """Any JSON value loads to an equal register or is refused cleanly."""
        load_or_refuse(document)

    @settings(max_examples=300, deadline=None)
    @given(data=st.data())
    def test_mutated_documents(self, data: st.DataObject) -> None:
        """A mutated valid document loads to an equal register or is refused
        cleanly, never echoing a marked string or a date."""
        load_or_refuse(mutate(valid(), data))

    @settings(max_examples=200, deadline=None)
    @given(data=st.data())
    def test_mutated_text(self, data: st.DataObject) -> None:
        """The same through ``loads`` on the JSON text."""
        document = mutate(valid(), data)
        text = json.dumps(document)
        outcome = attempt(lambda: loads(text))
        if isinstance(outcome, Affiliations):
            assert outcome == loads(dumps(outcome))
        else:
            assert_no_echo(outcome, document)

    @settings(max_examples=200, deadline=None)
    @given(text=st.text(max_size=40))
    def test_arbitrary_text(self, text: str) -> None:
        """Any text is a register or the library's error."""
        outcome = attempt(lambda: loads(text))
        assert isinstance(outcome, Affiliations | RegisterDocumentError)
