"""The affiliation register as a strict JSON document
(see :mod:`klachtrecht.affiliations`)."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, Final, NoReturn

from klachtrecht._affiliation_checks import MAX_TEXT, RegisterDocumentError
from klachtrecht._affiliation_entries import _bulk
from klachtrecht._affiliation_law import Basis, Component, LegalKind, ProviderKind
from klachtrecht._affiliation_records import Arrangement, Engagement, Provider
from klachtrecht._affiliation_register import Affiliations
from klachtrecht.deadlines import MAX_DATE, MIN_DATE
from klachtrecht.errors import (
    KlachtrechtError,
)

# -- the register as a document ----------------------------------------------------

#: The register document schema this release writes; loading refuses a newer one.
SCHEMA_VERSION: Final = 1
_DOCUMENT: Final = "klachtrecht.affiliations"
_TOP_KEYS: Final = frozenset(
    {"schema", "document", "providers", "arrangements", "engagements"}
)
_PROVIDER_KEYS: Final = ("ref", "kind", "name", "legal_kinds")
_ARRANGEMENT_KEYS: Final = (
    "provider",
    "component",
    "body",
    "valid_from",
    "valid_until",
    "contact",
    "reference",
)
_ENGAGEMENT_KEYS: Final = (
    "practitioner",
    "practice",
    "basis",
    "valid_from",
    "valid_until",
)
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def dump(register: Affiliations) -> dict[str, Any]:
    """A JSON-compatible document of ``register`` (schema ``SCHEMA_VERSION``).

    Every key is always written; dates are ISO strings, open ends ``None``,
    enums by value, legal kinds sorted.
    """
    if not isinstance(register, Affiliations):
        raise RegisterDocumentError(
            f"expected an Affiliations register, got {type(register).__name__}"
        )
    return {
        "schema": SCHEMA_VERSION,
        "document": _DOCUMENT,
        "providers": [
            {
                "ref": p.ref,
                "kind": p.kind.value,
                "name": p.name,
                "legal_kinds": sorted(k.value for k in p.legal_kinds),
            }
            for p in register.providers
        ],
        "arrangements": [
            {
                "provider": a.provider,
                "component": a.component.value,
                "body": a.body,
                "valid_from": a.valid_from.isoformat(),
                "valid_until": _iso(a.valid_until),
                "contact": a.contact,
                "reference": a.reference,
            }
            for a in register.arrangements
        ],
        "engagements": [
            {
                "practitioner": e.practitioner,
                "practice": e.practice,
                "basis": e.basis.value,
                "valid_from": e.valid_from.isoformat(),
                "valid_until": _iso(e.valid_until),
            }
            for e in register.engagements
        ],
    }


def _refuse(where: str, problem: str) -> NoReturn:
    raise RegisterDocumentError(f"register document: {where}: {problem}")


class _Reader:
    """Reads one entry's fields strictly, naming ``where`` in every error."""

    def __init__(self, where: str, raw: object, keys: tuple[str, ...]) -> None:
        if not isinstance(raw, Mapping):
            _refuse(where, f"must be an object, got {type(raw).__name__}")
        if any(type(k) is not str for k in raw):
            _refuse(where, "keys must be strings")
        unknown = len(set(raw) - set(keys))
        missing = sorted(set(keys) - set(raw))
        if unknown:
            _refuse(where, f"{unknown} unknown key(s); allowed: {', '.join(keys)}")
        if missing:
            _refuse(where, f"missing key(s): {', '.join(missing)}")
        self.where = where
        self.raw = raw

    def text(self, key: str, *, empty: bool = False) -> str:
        value = self.raw[key]
        if type(value) is not str:
            _refuse(f"{self.where}.{key}", f"must be a string, got {_json(value)}")
        if len(value) > MAX_TEXT:
            _refuse(f"{self.where}.{key}", f"longer than {MAX_TEXT} characters")
        if not empty and not value.strip():
            _refuse(f"{self.where}.{key}", "must not be empty")
        return value

    def enum(self, key: str, cls: type[enum.Enum]) -> Any:
        value = self.raw[key]
        for member in cls:
            if type(value) is str and member.value == value:
                return member
        known = ", ".join(str(m.value) for m in cls)
        _refuse(f"{self.where}.{key}", f"not a known {cls.__name__}; known: {known}")

    def day(self, key: str, *, open_end: bool = False) -> date | None:
        value = self.raw[key]
        if value is None and open_end:
            return None
        if type(value) is not str or not _ISO_DAY.fullmatch(value):
            _refuse(f"{self.where}.{key}", "must be a date written YYYY-MM-DD")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            _refuse(f"{self.where}.{key}", "is not a calendar date")
        if not MIN_DATE <= day <= MAX_DATE:
            _refuse(
                f"{self.where}.{key}",
                f"outside the supported range {MIN_DATE.isoformat()}.."
                f"{MAX_DATE.isoformat()}",
            )
        return day

    def kinds(self, key: str) -> frozenset[LegalKind]:
        value = self.raw[key]
        if not isinstance(value, list):
            _refuse(f"{self.where}.{key}", f"must be a list, got {_json(value)}")
        found = [
            _Reader(f"{self.where}.{key}", {"item": item}, ("item",)).enum(
                "item", LegalKind
            )
            for item in value
        ]
        if len(set(found)) != len(found):
            _refuse(f"{self.where}.{key}", "lists a legal kind twice")
        return frozenset(found)


def _json(value: object) -> str:
    """The JSON type of ``value`` (never the value)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def _entries_of(document: Mapping[Any, Any], key: str) -> list[Any]:
    value = document[key]
    if not isinstance(value, list):
        _refuse(key, f"must be a list, got {_json(value)}")
    return value


def _read_provider(r: _Reader) -> Provider:
    return Provider(
        r.text("ref"),
        r.enum("kind", ProviderKind),
        r.text("name", empty=True),
        r.kinds("legal_kinds"),
    )


def _read_arrangement(r: _Reader) -> Arrangement:
    return Arrangement(
        provider=r.text("provider"),
        component=r.enum("component", Component),
        body=r.text("body"),
        valid_from=r.day("valid_from"),  # type: ignore[arg-type]
        valid_until=r.day("valid_until", open_end=True),
        contact=r.text("contact", empty=True),
        reference=r.text("reference", empty=True),
    )


def _read_engagement(r: _Reader) -> Engagement:
    return Engagement(
        practitioner=r.text("practitioner"),
        practice=r.text("practice"),
        basis=r.enum("basis", Basis),
        valid_from=r.day("valid_from"),  # type: ignore[arg-type]
        valid_until=r.day("valid_until", open_end=True),
    )


def load(document: Mapping[str, Any]) -> Affiliations:
    """Rebuild a register from :func:`dump`'s document; strict, all or nothing.

    Refused with :class:`RegisterDocumentError` (a ``ValueError``): a document
    that is not an object, has unknown or missing keys, a newer ``schema``, a
    field of the wrong type, or entries that do not form a valid register
    (duplicate ref, overlap, ...). The message names the field, never a value.
    """
    if not isinstance(document, Mapping):
        _refuse("document", f"must be an object, got {_json(document)}")
    if any(type(k) is not str for k in document):
        _refuse("document", "keys must be strings")
    unknown = len(set(document) - _TOP_KEYS)
    missing = sorted(_TOP_KEYS - set(document))
    if unknown or missing:
        _refuse(
            "document",
            f"{unknown} unknown key(s); missing key(s): {', '.join(missing) or '-'}",
        )
    schema = document["schema"]
    if type(schema) is not int or schema < 1:
        _refuse("schema", "must be a positive integer")
    if schema > SCHEMA_VERSION:
        _refuse("schema", f"newer than this release reads ({SCHEMA_VERSION})")
    if document["document"] != _DOCUMENT:
        _refuse("document", f"must be {_DOCUMENT!r}")
    read: list[list[object]] = []
    for key, keys, reader in (
        ("providers", _PROVIDER_KEYS, _read_provider),
        ("arrangements", _ARRANGEMENT_KEYS, _read_arrangement),
        ("engagements", _ENGAGEMENT_KEYS, _read_engagement),
    ):
        records: list[object] = []
        for i, raw in enumerate(_entries_of(document, key)):
            where = f"{key}[{i}]"
            try:
                records.append(reader(_Reader(where, raw, keys)))
            except RegisterDocumentError:
                raise
            except KlachtrechtError as exc:
                _refuse(where, str(exc))
        read.append(records)
    try:
        entries = _bulk(*read)
    except KlachtrechtError as exc:
        _refuse(getattr(exc, "position", "document"), str(exc))
    return Affiliations._of(entries)


def dumps(register: Affiliations) -> str:
    """:func:`dump` as a JSON string (keys sorted, UTF-8 kept readable)."""
    import json  # noqa: PLC0415 - only here

    return json.dumps(dump(register), sort_keys=True, ensure_ascii=False)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        _refuse("document", "an object has a key twice")
    return found


def _no_constant(_: str) -> NoReturn:
    _refuse("document", "NaN and Infinity are not JSON")


def loads(text: str) -> Affiliations:
    """:func:`load` from a JSON string (duplicate keys, NaN and overly deep
    nesting refused)."""
    import json  # noqa: PLC0415 - only here

    if type(text) is not str:
        _refuse("document", f"must be a str, got {type(text).__name__}")
    try:
        document = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except RegisterDocumentError:
        raise
    except json.JSONDecodeError as exc:
        _refuse("document", f"not valid JSON (line {exc.lineno}, column {exc.colno})")
    except RecursionError:
        _refuse("document", "nested too deeply")
    except ValueError:  # e.g. an integer with more digits than Python converts
        _refuse("document", "not a valid JSON value")
    return load(document)
