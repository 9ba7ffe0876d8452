"""The engine's hot path, precompiled per (state, event).

When a :class:`~klachtrecht.Regime` is built, every allowed ``(state, event)``
pair gets a :class:`Plan`: its target state, guard, reducer and a *fast
acceptor* for each field of the event (a closure such as ``type(v) is str and
v.strip()``). :meth:`Plan.apply` moves the case when every check passes on
the fast path and no guard refuses, and answers None as soon as one does not
hold or the input is anything unusual (a ``str`` subclass, a missing field, a
naive moment, ...). The engine then takes the general path (:func:`advance`),
which runs every check in full and raises the exact error: a fast acceptor
only ever *accepts* what :meth:`Field.check <klachtrecht.Field.check>`
accepts, so no check is weakened (``tests/test_engine.py`` compares both
paths on random input).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import CodeType, MappingProxyType
from typing import Any

from klachtrecht._case import Case, EventRecord, Party, Role, _freeze, kept_as_is
from klachtrecht._definition import Definition, EventSpec, Field, Guard, GuardFinding
from klachtrecht._fast import slot_writes
from klachtrecht.deadlines import MAX_DATE, MIN_DATE, AtwCalendar
from klachtrecht.errors import EventDataError, GuardError, ReadOnlyError

__all__ = ["Plan", "advance", "compile_plans", "fast_acceptor"]

Acceptor = Callable[[Any], bool]

#: The types a Field.check treats specially; a field of any other single type
#: is accepted on ``type(value) is T``.
_SPECIAL = (str, int, date, Party, Decimal)


def _reject(value: object) -> bool:
    return False


def accept_source(field: Field, v: str, ns: dict[str, Any]) -> str | None:
    """A Python expression, true only for values of ``v`` that ``field.check``
    accepts (it may be false for some of those too: the general path decides
    then), or None if no value is accepted on the fast path; the names it uses
    are put in ``ns`` (suffixed with ``v``)."""
    types, choices, bounds, role = field.types, field.choices, field.bounds, field.role
    if len(types) != 1:
        return None
    kind = types[0]
    ns.update({"MIN_DATE": MIN_DATE, "MAX_DATE": MAX_DATE})
    ns.update({"date": date, "Party": Party, "Decimal": Decimal})
    if kind is str and bounds is None and role is None:
        if choices:
            ns[f"allowed_{v}"] = frozenset(c for c in choices if c.strip())
            return f"type({v}) is str and {v} in allowed_{v}"
        return f"type({v}) is str and bool({v}.strip())"
    if choices:
        return None
    if kind is bool and bounds is None and role is None:
        return f"type({v}) is bool"
    if kind is int and role is None:
        if bounds is None:
            return f"type({v}) is int"
        ns[f"low_{v}"], ns[f"high_{v}"] = bounds
        return f"type({v}) is int and low_{v} <= {v} <= high_{v}"
    if bounds is not None:
        return None
    if kind is date and role is None:
        return f"type({v}) is date and MIN_DATE <= {v} <= MAX_DATE"
    if kind is Party:
        if role is None:
            return f"type({v}) is Party"
        ns[f"role_{v}"] = role
        return f"type({v}) is Party and {v}.role is role_{v}"
    if kind is Decimal and role is None:
        return f"type({v}) is Decimal"
    if role is None and not issubclass(kind, (*_SPECIAL, bool, datetime)):
        ns[f"kind_{v}"] = kind
        return f"type({v}) is kind_{v}"
    return None


def fast_acceptor(field: Field) -> Acceptor:
    """A predicate that is True only for values ``field.check`` accepts (it may
    be False for some of those too: the general path decides then)."""
    ns: dict[str, Any] = {}
    source = accept_source(field, "v", ns)
    if source is None:
        return _reject
    accept: Acceptor = eval(f"lambda v: {source}", ns)  # noqa: S307
    return accept


#: Fixed-offset zones by offset, for a record's ``at`` (a few in practice;
#: bounded, so odd inputs cannot grow it).
_ZONES: dict[timedelta, timezone] = {}


def _fixed_zone(offset: timedelta) -> timezone:
    """``timezone(offset)``, shared."""
    zone = _ZONES.get(offset)
    if zone is None:
        zone = timezone(offset)
        if len(_ZONES) < 64:
            _ZONES[offset] = zone
    return zone


_Apply = Callable[..., "Case | None"]


class Plan:
    """Everything ``apply`` needs for one ``(state, event)``, precomputed.

    ``apply(case, at, by, data, calendar, judge=True)`` is the case after the
    event if every check passes on the fast path and, if ``judge``, the actor
    rule, the chronology and the guard accept it (as ``advance`` judges); else
    None (the general path raises the error). ``judge=False`` is replay's: a
    stored record is a fact. It is generated for the plan (see
    :func:`_generate`): the checks unrolled, the record and the moved case
    built by writing their slots (every value was checked here or comes from
    a checked case, so their constructors' checks are not run twice).
    """

    __slots__ = (
        "actors",
        "apply",
        "basis",
        "checks",
        "event",
        "frozen",
        "guard",
        "names",
        "parties",
        "personal",
        "reduce",
        "target",
    )

    event: str
    target: str
    guard: Guard | None
    reduce: Any
    basis: str
    actors: tuple[Role, ...]
    personal: frozenset[str]
    names: frozenset[str]
    checks: tuple[tuple[str, bool], ...]
    frozen: bool
    parties: tuple[str, ...]
    apply: _Apply

    def __init__(
        self, spec: EventSpec, target: str, guard: Guard | None, reduce: Any
    ) -> None:
        values: dict[str, Any] = {
            "event": spec.id,
            "target": target,
            "guard": guard,
            "reduce": reduce,
            "basis": spec.basis,
            "actors": tuple(spec.actors),  # identity tests: faster than hashing
            "personal": spec.personal,
            "names": spec.names,
            # (name, required) per field, in name order: the order apply checks
            # them in, so the accepted data is in EventRecord's order
            "checks": tuple(
                (f.name, f.required) for f in sorted(spec.fields, key=lambda f: f.name)
            ),
            # whether every value an acceptor passes is immutable as it is
            # (else EventRecord's converter freezes it: lists to tuples, ...)
            "frozen": all(
                type(f.name) is str and kept_as_is(f.types[0])
                for f in spec.fields
                if len(f.types) == 1
            ),
            # the fields that can hold a Party, sorted as EventRecord.data is
            "parties": tuple(sorted(f.name for f in spec.fields if Party in f.types)),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)
        fields = sorted(spec.fields, key=lambda f: f.name)
        object.__setattr__(self, "apply", _generate(self, fields))

    def __setattr__(self, name: str, value: object) -> None:
        raise ReadOnlyError(
            "a compiled plan is read-only: its attributes cannot be set"
        )

    def __delattr__(self, name: str) -> None:
        raise ReadOnlyError(
            "a compiled plan is read-only: its attributes cannot be deleted"
        )


_RECORD_VALUES = {
    "event": "event",
    "at": "at",
    "by": "by",
    "basis": "basis",
    "data": "data",
    "personal": "personal",
}
_CASE_VALUES = {
    "case_id": "case.case_id",
    "regime": "case.regime",
    "state": "target",
    "version": "case.version + 1",
    "history": "history",
    "parties": "parties",
    "settings": "case.settings",
    "facts": "case.facts",
}


#: The plan's values the generated ``apply`` reads as globals.
_NAMES = ("actors", "names", "event", "basis", "personal", "target", "guard", "reduce")


#: Compiled sources of generated functions (one per distinct source).
_CODE: dict[str, CodeType] = {}


def _generate(plan: Plan, fields: list[Field]) -> _Apply:
    """The plan's ``apply``, as source compiled once (as attrs generates
    ``__init__``): each line does what the comment in it says."""
    ns: dict[str, Any] = {
        "datetime": datetime,
        "timezone": timezone,
        "Role": Role,
        "MIN_DATE": MIN_DATE,
        "MAX_DATE": MAX_DATE,
        "fixed_zone": _fixed_zone,
        "zones_get": _ZONES.get,
        "frozen": MappingProxyType if plan.frozen else _freeze,
        "EventRecord": EventRecord,
        "Case": Case,
        "Party": Party,
        **{name: getattr(plan, name) for name in _NAMES},
    }
    lines = [
        "def apply(case, at, by, data, cal, judge=True):",
        "if type(at) is not datetime or type(by) is not Role:",
        "    return None",
        "if judge and by not in actors:",
        "    return None",
        "offset = at.utcoffset()",
        "if offset is None or not MIN_DATE <= at.date() <= MAX_DATE:",
        "    return None",
        "if not names.issuperset(data):",
        "    return None",
    ]
    clean = ["clean = {}"]
    for i, field in enumerate(fields):
        name, accept = field.name, accept_source(field, f"v{i}", ns) or "False"
        lines.append(f"v{i} = data.get({name!r})")
        if field.required:
            lines += [f"if v{i} is None or not ({accept}):", "    return None"]
            clean.append(f"clean[{name!r}] = v{i}")
        else:
            lines += [f"if v{i} is not None and not ({accept}):", "    return None"]
            clean += [f"if v{i} is not None:", f"    clean[{name!r}] = v{i}"]
    if all(f.required for f in fields):  # one dict display, in key order
        items = ", ".join(f"{f.name!r}: v{i}" for i, f in enumerate(fields))
        clean = [f"clean = {{{items}}}"]
    lines += [
        *clean,
        "data = frozen(clean)",
        "if type(at.tzinfo) is not timezone:  # as EventRecord's converter does",
        "    zone = zones_get(offset)",
        "    at = at.astimezone(fixed_zone(offset) if zone is None else zone)",
        "history = case.history",
        "if judge and history and at < history[-1].at:  # fixed offsets: instants",
        "    return None",
    ]
    raw = frozenset({"at", "data", "personal"})
    record = slot_writes(EventRecord, "record", _RECORD_VALUES, ns, raw=raw)
    lines += record or ["record = EventRecord(event, at, by, basis, clean, personal)"]
    if plan.guard is not None:
        lines += [
            "if judge and guard(case, record, cal) is not None:",
            "    return None",
        ]
    lines.append("parties = case.parties")
    if plan.parties:
        index = {field.name: i for i, field in enumerate(fields)}
        values = ", ".join(f"v{index[name]}" for name in plan.parties)
        lines += [
            f"added = tuple(v for v in ({values},) if isinstance(v, Party))",
            "if added:",
            "    parties = parties + added",
        ]
    lines.append("history = (*history, record)")
    moved = slot_writes(Case, "moved", _CASE_VALUES, ns)
    if moved is not None:
        # the reducer reads the moved case (new state and history, old
        # facts); nobody else has seen it yet, so its facts slot is filled
        # in place instead of building the case a second time
        ns["set_facts"] = getattr(Case, "facts").__set__  # noqa: B009
        lines += [*moved, "set_facts(moved, reduce(moved, record))"]
    else:  # Case is no slotted class any more: its __init__ runs
        values = ", ".join(_CASE_VALUES.values())
        lines += [
            f"moved = Case({values})",
            f"moved = Case({values.replace('case.facts', 'reduce(moved, record)')})",
        ]
    lines.append("return moved")
    source = "\n    ".join(lines)
    code = _CODE.get(source)
    if code is None:  # the plans of one event share their source (~0.5 ms)
        code = compile(source, f"<klachtrecht._plan {plan.event}>", "exec")
        _CODE[source] = code
    exec(code, ns)  # noqa: S102
    generated: _Apply = ns["apply"]
    return generated


def compile_plans(
    definition: Definition, table: Mapping[tuple[str, str], str]
) -> dict[tuple[str, str], Plan]:
    """A :class:`Plan` for every allowed ``(state, event)`` of ``table``."""
    specs = {spec.id: spec for spec in definition.events}
    guards = definition.guards
    return {
        (state, event): Plan(specs[event], target, guards.get(event), definition.reduce)
        for (state, event), target in table.items()
    }


def advance(
    definition: Definition,
    calendar: AtwCalendar,
    case: Case,
    record: EventRecord,
    target: str,
    judge: bool = True,
    findings: list[GuardFinding] | None = None,
) -> Case:
    """The general path of one event: chronology and guard judged (raising, or
    recorded in ``findings``), then the moved case with its reduced facts."""
    # EventRecord keeps ``at`` at a fixed UTC offset, so this compares
    # instants, not wall clocks (a DST change cannot reorder events). A
    # stored history is not refused for its order (events are facts):
    # rejudge() reports it.
    if judge and case.history and record.at < case.last_at:
        if findings is not None:
            findings.append(
                GuardFinding(
                    case.version + 1,
                    record.event,
                    case.state,
                    "'at' lies before the case's previous event",
                    "chronological history",
                )
            )
        else:
            raise EventDataError(
                "'at' lies before the case's previous event; history is chronological",
                case_id=case.case_id,
                state=case.state,
                event=record.event,
            )
    guard = definition.guards.get(record.event) if judge else None
    if guard is not None:
        reason = guard(case, record, calendar)
        if reason is not None and findings is not None:
            findings.append(
                GuardFinding(
                    case.version + 1, record.event, case.state, reason, record.basis
                )
            )
        elif reason is not None:
            raise GuardError(
                reason,
                case_id=case.case_id,
                state=case.state,
                event=record.event,
                source=record.basis,
            )
    new_parties = tuple(v for v in record.data.values() if isinstance(v, Party))
    parties = case.parties + new_parties if new_parties else case.parties
    history = (*case.history, record)
    version = case.version + 1
    # the constructor directly: attrs.evolve costs ~2.5 µs, this ~1 µs
    moved = Case(
        case.case_id,
        case.regime,
        target,
        version,
        history,
        parties,
        case.settings,
        case.facts,
    )
    facts = definition.reduce(moved, record)
    return Case(
        case.case_id,
        case.regime,
        target,
        version,
        history,
        parties,
        case.settings,
        facts,
    )
