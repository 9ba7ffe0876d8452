"""Cases to and from JSON-compatible data, strictly.

A case is a fold over its history, so a document stores the history (with the
case's claimed ``state`` and ``version`` as a check) and loading *rebuilds* the
case from it. Events are facts: the transition table and every field's type are
checked strictly, but guards are not re-run (``load(..., strict=True)`` does, and
:meth:`klachtrecht.Regime.rejudge` lists what today's rules would refuse). A
history that does not rebuild the stored state is refused. Nothing is ever
half-loaded.

Document shape (``SCHEMA_VERSION`` 1)::

    {"schema": 1, "case_id": "K-1", "regime": "wkkgz", "state": "submitted",
     "version": 2, "history": [{"event": "open", "at": "2026-04-02T10:00:00+02:00",
     "by": "klager", "basis": "...", "data": {...}}, ...],
     "meta": {"release": "0.1.0", "fingerprint": "3f0c..."}}

``meta`` (optional; documents without it load) records what the document was
computed with: the klachtrecht release and the fingerprint of the calendar and
deadline rules (:func:`klachtrecht.projection.fingerprint`).

Values are (un)structured with cattrs: dates and aware datetimes as ISO 8601
strings, amounts (``Decimal``) as strings, roles by value, parties and settings
as objects with exactly their fields. ``basis`` is informational: on loading it
is recomputed from the regime, so a document stays loadable when a citation is
reworded in a later release.

Hostile input: a refused document raises :class:`~klachtrecht.SerializationError`
(also a ``ValueError``) naming the case and the field, never quoting a value
from the document. Deep or huge input is refused before it is replayed:
:data:`MAX_TEXT` characters of JSON, :data:`MAX_DEPTH` levels of nesting,
:data:`MAX_HISTORY` events, :data:`MAX_STRING` characters per string, integers
of at most 18 digits (docs/errors.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from typing import Any

from klachtrecht import _fastload
from klachtrecht._case import Case, EventRecord, Party, Role
from klachtrecht._convert import CONVERTER as _CONVERTER
from klachtrecht._convert import structure_datetime as _structure_datetime
from klachtrecht._upgrade import FIELDS as UPGRADED_FIELDS
from klachtrecht._upgrade import upgrade_history, upgrade_state
from klachtrecht.deadlines import AtwCalendar
from klachtrecht.errors import KlachtrechtError, SerializationError
from klachtrecht.regimes import REGIMES
from klachtrecht.regimes import regime as get_regime

__all__ = [
    "MAX_DEPTH",
    "MAX_HISTORY",
    "MAX_STRING",
    "MAX_TEXT",
    "SCHEMA_VERSION",
    "dump",
    "dumps",
    "load",
    "loads",
]

#: The document schema this release writes; loading refuses a newer one.
SCHEMA_VERSION = 1

#: The longest JSON text :func:`loads` reads (characters).
MAX_TEXT = 16 * 1024 * 1024
#: The deepest nesting of lists and objects in a document (the top object is 1).
MAX_DEPTH = 32
#: The most events a stored history may hold.
MAX_HISTORY = 10_000
#: The longest string in a document (characters), keys included.
MAX_STRING = 100_000
#: The longest case id shown in a message; a longer one is shown as ``'?'``.
_MAX_SHOWN_ID = 200
#: Integers in a document stay below this (18 digits).
_MAX_INT = 10**18

_TOP_KEYS = frozenset({"schema", "case_id", "regime", "state", "version", "history"})
#: Optional top-level keys: ``meta`` (what the document was computed with).
_OPTIONAL_KEYS = frozenset({"meta"})
_ALL_KEYS = _TOP_KEYS | _OPTIONAL_KEYS
_EVENT_KEYS = frozenset({"event", "at", "by", "basis", "data"})
_NO_META: dict[str, str] = {}


_ROLES = frozenset(r.value for r in Role)


def _problem(case_id: str, text: str, field: str = "") -> SerializationError:
    params: dict[str, Any] = {"case_id": case_id}
    if field:
        params["field"] = field
    return SerializationError(f"case {case_id!r}: {text}", params=params)


def _shown_id(raw: object) -> str:
    """The case id for messages: the document's, if it is a valid one."""
    if isinstance(raw, str) and raw.strip() and len(raw) <= _MAX_SHOWN_ID:
        return raw
    return "?"


def _check_json(document: Mapping[str, Any], case_id: str) -> None:
    """Refuse a document that is not plain JSON data of bounded size, before
    anything else reads it (no recursion: an explicit stack)."""
    stack: list[tuple[object, tuple[str | int, ...]]] = [(document, ())]
    while stack:
        value, path = stack.pop()
        kind = type(value)
        if kind is str:
            if len(value) > MAX_STRING:  # type: ignore[arg-type]
                raise _bad(case_id, path, f"a string longer than {MAX_STRING}")
        elif kind is int:
            if not -_MAX_INT < value < _MAX_INT:  # type: ignore[operator]
                raise _bad(case_id, path, "an integer of more than 18 digits")
        elif kind is bool or value is None:
            pass
        elif kind is float:
            if not math.isfinite(value):  # type: ignore[arg-type]
                raise _bad(case_id, path, "not a finite number")
        elif isinstance(value, (Mapping, list, tuple)):
            if len(path) >= MAX_DEPTH:
                raise _bad(case_id, path, f"nested deeper than {MAX_DEPTH} levels")
            if isinstance(value, (list, tuple)):
                if path == ("history",) and len(value) > MAX_HISTORY:
                    raise _bad(case_id, path, f"more than {MAX_HISTORY} events")
                stack.extend((v, (*path, i)) for i, v in enumerate(value))
                continue
            for key, item in value.items():
                if type(key) is not str:
                    raise _bad(case_id, path, f"a key of type {type(key).__name__}")
                if len(key) > MAX_STRING:
                    raise _bad(case_id, path, "a key too long")
                stack.append((item, (*path, key)))
        else:
            raise _bad(case_id, path, f"not a JSON value ({kind.__name__})")


def _bad(case_id: str, path: tuple[str | int, ...], what: str) -> SerializationError:
    where = _where(path)
    return _problem(case_id, f"{where or 'the document'}: {what}", where)


def _where(path: tuple[str | int, ...]) -> str:
    """A path for messages: indexes and known names; any other key is input
    and shown as ``?``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if part in _known_names() else "?"
            out += f".{name}" if out else name
    return out


_KNOWN: set[str] = set()


def _known_names() -> frozenset[str] | set[str]:
    """Names a message may show: document keys and the fields of every
    registered regime's events, parties and settings (never input values)."""
    if not _KNOWN:
        import attrs  # noqa: PLC0415

        names = set(_TOP_KEYS | _EVENT_KEYS)
        names.update(f.name for f in attrs.fields(Party))
        for regime_name in REGIMES:
            reg = get_regime(regime_name)
            for spec in (reg.open_event, *reg.events):
                for field in spec.fields:
                    names.add(field.name)
                    for kind in field.types:
                        if attrs.has(kind):
                            names.update(f.name for f in attrs.fields(kind))
        _KNOWN.update(names)
    return _KNOWN


def dump(case: Case, *, calendar: AtwCalendar | None = None) -> dict[str, Any]:
    """A JSON-compatible document of ``case`` (see the module docstring).

    ``meta`` records what the document was computed with: the klachtrecht
    release and the :func:`klachtrecht.projection.fingerprint` of the regime
    under ``calendar`` (pass the calendar the case's deadlines are computed
    with; informational, never needed to load).
    """
    if not isinstance(case, Case):
        raise SerializationError(f"expected a Case, got {type(case).__name__}")
    from klachtrecht.projection import fingerprint, release  # noqa: PLC0415

    try:
        reg = get_regime(case.regime, calendar=calendar)
    except KlachtrechtError as exc:
        raise _problem(case.case_id, str(exc)) from None
    return {
        "meta": {"release": release(), "fingerprint": fingerprint(reg)},
        "schema": SCHEMA_VERSION,
        "case_id": case.case_id,
        "regime": case.regime,
        "state": case.state,
        "version": case.version,
        "history": [_dump_event(record) for record in case.history],
    }


def _dump_event(record: EventRecord) -> dict[str, Any]:
    return {
        "event": record.event,
        "at": record.at.isoformat(),
        "by": record.by.value,
        "basis": record.basis,
        "data": {k: _CONVERTER.unstructure(v) for k, v in record.data.items()},
    }


def load(
    document: Mapping[str, Any],
    *,
    calendar: AtwCalendar | None = None,
    strict: bool = False,
) -> Case:
    """Rebuild a case from :func:`dump`'s document; all or nothing.

    The history is a record (*events are facts*): the transition table and
    every field's type are checked, guards are not re-run, so a case stored
    under an earlier release or another calendar still loads; list what
    today's rules would refuse with :meth:`klachtrecht.Regime.rejudge`.
    ``strict=True`` re-judges while loading and refuses such a history.
    ``calendar`` is the calendar of the regime the case is rebuilt with
    (``strict`` judges with it); a :class:`klachtrecht.sql.CaseStore` passes
    its own, so it cannot be forgotten.
    """
    if type(document) is not dict and not isinstance(document, Mapping):
        raise SerializationError(
            f"a case document must be a mapping, got {type(document).__name__}"
        )
    raw_id = document.get("case_id")
    case_id = _shown_id(raw_id)
    if type(document) is not dict or not _fastload.plain_json(
        document, MAX_DEPTH, MAX_STRING, MAX_HISTORY, _MAX_INT
    ):
        _check_json(document, case_id)  # names the problem, if there is one
    if type(document) is not dict or not _TOP_KEYS <= document.keys() <= _ALL_KEYS:
        unknown = len(set(document) - _ALL_KEYS)
        missing = sorted(_TOP_KEYS - set(document))
        if unknown or missing:  # an unknown key is never quoted: it is input
            raise _problem(case_id, f"{unknown} unknown key(s), missing keys {missing}")
    schema = document["schema"]
    if type(schema) is not int or schema < 1:
        raise _problem(case_id, "'schema' must be a positive int")
    if schema > SCHEMA_VERSION:
        raise _problem(
            case_id,
            f"schema {schema} is newer than this release reads ({SCHEMA_VERSION}); "
            "upgrade klachtrecht",
        )
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise _problem(case_id, "'case_id' must be a non-blank string", "case_id")
    name = document["regime"]
    if not isinstance(name, str):
        raise _problem(case_id, "'regime' must be a string", "regime")
    meta = document.get("meta", _NO_META)
    if not isinstance(meta, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in meta.items()
    ):
        raise _problem(
            case_id, "'meta' must be a mapping of strings to strings", "meta"
        )
    try:
        reg = get_regime(name, calendar=calendar)
    except KlachtrechtError:  # its message quotes the name: never passed on
        raise _problem(
            case_id,
            f"'regime' is not a known regime; known: {', '.join(sorted(REGIMES))}",
            "regime",
        ) from None
    if type(document["version"]) is not int or document["version"] < 1:
        raise _problem(case_id, "'version' must be a positive int", "version")
    if not isinstance(document["state"], str):
        raise _problem(case_id, "'state' must be a string", "state")
    stored = document["history"]
    case: Case | None = None
    history: Any = None
    fresh = type(stored) is list and bool(stored) and not UPGRADED_FIELDS.get(name)
    if fresh:  # no stored code needs an upgrade unless the fast path says so
        case = _fastload.replay(reg, case_id, stored, _hooks, strict, fresh=True)
    if case is None:
        history = upgrade_history(stored, name)  # old codes renamed
        if not isinstance(history, list) or not history:
            raise _problem(case_id, "'history' must be a non-empty list", "history")
        # one pass through the engine's plans; None on anything unusual, and
        # the general path below (every record read, then replayed) decides
        if not fresh or history is not stored:
            case = _fastload.replay(reg, case_id, history, _hooks, strict)
    if case is None:
        records = [_load_event(reg, case_id, i, raw) for i, raw in enumerate(history)]
        try:
            case = reg.replay(case_id, records, judge=strict)
        except KlachtrechtError as exc:
            raise _problem(case_id, f"history does not replay: {exc}") from None
    # old states read anew (the history as upgraded, or as stored)
    stated = upgrade_state(
        document["state"], stored if history is None else history, name
    )
    if case.state != stated or case.version != document["version"]:
        # the stated state is quoted only when it is one of the regime's states
        shown = (
            repr(stated)
            if stated in {s.id for s in reg.states}
            else "a state not in the regime,"
        )
        raise _problem(
            case_id,
            f"history replays to state {case.state!r} version {case.version}, "
            f"but the document says {shown} version {document['version']}",
            "state" if case.state != stated else "version",
        )
    return case


def _load_event(reg: Any, case_id: str, index: int, raw: object) -> EventRecord:
    where = f"history[{index}]"
    if not isinstance(raw, Mapping):
        raise _problem(case_id, f"{where} must be a mapping", where)
    unknown = len(set(raw) - _EVENT_KEYS)
    missing = sorted(_EVENT_KEYS - {"basis"} - set(raw))
    if unknown or missing:
        raise _problem(
            case_id, f"{where}: {unknown} unknown key(s), missing {missing}", where
        )
    event = raw["event"]
    if not isinstance(event, str):
        raise _problem(case_id, f"{where}: 'event' must be a string", f"{where}.event")
    try:
        spec = reg.open_event if event == "open" else reg.event(event)
    except KlachtrechtError:  # its message quotes the name: never passed on
        raise _problem(
            case_id,
            f"{where}: 'event' is not an event of regime {reg.name!r}",
            f"{where}.event",
        ) from None
    try:
        at = _structure_datetime(raw["at"], datetime)
    except (TypeError, ValueError) as exc:  # messages without the value
        raise _problem(case_id, f"{where}: 'at': {exc}", f"{where}.at") from None
    if type(raw["by"]) is not str or raw["by"] not in _ROLES:
        raise _problem(
            case_id,
            f"{where}: 'by' must be one of {', '.join(sorted(_ROLES))}",
            f"{where}.by",
        )
    by = Role(raw["by"])
    data = raw["data"]
    if not isinstance(data, Mapping):
        raise _problem(case_id, f"{where}: 'data' must be a mapping", f"{where}.data")
    fields = {f.name: f for f in spec.fields}
    values: dict[str, Any] = {}
    for key, value in data.items():
        field = fields.get(key)
        if field is None:  # an unknown key is never quoted: it is input
            raise _problem(
                case_id,
                f"{where}: an unknown field in the data of {event!r}",
                f"{where}.data",
            )
        values[key] = _structure_field(case_id, where, key, value, field.types)
    try:
        return EventRecord(event, at, by, spec.basis, values, spec.personal)
    except KlachtrechtError as exc:  # messages name fields, never values
        raise _problem(case_id, f"{where}: {exc}", where) from None


@lru_cache(maxsize=256)
def _hooks(types: tuple[type, ...]) -> tuple[tuple[type, Any], ...]:
    """The converter's structure hook of each type, looked up once (speed)."""
    return tuple((kind, _CONVERTER.get_structure_hook(kind)) for kind in types)


def _structure_field(
    case_id: str, where: str, key: str, value: object, types: tuple[type, ...]
) -> object:
    for kind, hook in _hooks(types):
        try:
            return hook(value, kind)
        except Exception:  # noqa: S112 - any failure of hostile data: try the next
            continue
    names = " or ".join(t.__name__ for t in types)
    # the value itself is never quoted: it may be personal data
    raise _problem(
        case_id,
        f"{where}: field {key!r} is not a valid {names}",
        f"{where}.data.{key}",
    )


def dumps(case: Case, *, calendar: AtwCalendar | None = None) -> str:
    """:func:`dump` as a JSON string (keys sorted, UTF-8 kept readable)."""
    import json  # noqa: PLC0415 - only here

    return json.dumps(dump(case, calendar=calendar), sort_keys=True, ensure_ascii=False)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > 18:
        raise ValueError("an integer too large")
    return int(text)


def _parse_constant(name: str) -> float:
    raise ValueError("not a finite number")


def loads(
    text: str | bytes, *, calendar: AtwCalendar | None = None, strict: bool = False
) -> Case:
    """:func:`load` from a JSON string (or UTF-8 bytes) of at most
    :data:`MAX_TEXT` characters."""
    import json  # noqa: PLC0415 - only here

    if not isinstance(text, (str, bytes, bytearray)):
        raise SerializationError(
            f"a case document must be JSON text, got {type(text).__name__}",
            params={"type": type(text).__name__},
        )
    if len(text) > MAX_TEXT:
        raise SerializationError(
            f"the JSON text is longer than {MAX_TEXT} characters",
            params={"limit": MAX_TEXT},
        )
    try:
        document = json.loads(
            text, parse_int=_parse_int, parse_constant=_parse_constant
        )
    except json.JSONDecodeError as exc:  # msg and position only, never the text
        raise SerializationError(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            params={"line": exc.lineno, "column": exc.colno},
        ) from None
    except UnicodeDecodeError:
        raise SerializationError("not valid JSON: not UTF-8 text") from None
    except RecursionError:
        raise SerializationError(
            f"not a case document: nested deeper than {MAX_DEPTH} levels",
            params={"limit": MAX_DEPTH},
        ) from None
    except ValueError as exc:  # from the hooks above; their text has no input
        raise SerializationError(f"not a case document: {exc}") from None
    return load(document, calendar=calendar, strict=strict)
