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
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from klachtrecht._case import _IMMUTABLE, Case, EventRecord, Party, Role, _freeze
from klachtrecht._definition import Definition, EventSpec, Field, Guard, GuardFinding
from klachtrecht._fast import prechecked_builder
from klachtrecht.deadlines import MAX_DATE, MIN_DATE, AtwCalendar
from klachtrecht.errors import EventDataError, GuardError

__all__ = ["Plan", "advance", "compile_plans", "fast_acceptor"]

Acceptor = Callable[[Any], bool]

#: The types a Field.check treats specially; a field of any other single type
#: is accepted on ``type(value) is T``.
_SPECIAL = (str, int, date, Party, Decimal)


def _reject(value: object) -> bool:
    return False


def fast_acceptor(field: Field) -> Acceptor:
    """A predicate that is True only for values ``field.check`` accepts (it may
    be False for some of those too: the general path decides then)."""
    types, choices, bounds, role = field.types, field.choices, field.bounds, field.role
    if len(types) != 1:
        return _reject
    kind = types[0]
    if kind is str and bounds is None and role is None:
        if choices:
            allowed = frozenset(c for c in choices if c.strip())
            return lambda v: type(v) is str and v in allowed
        return lambda v: type(v) is str and bool(v.strip())
    if choices:
        return _reject
    if kind is bool and bounds is None and role is None:
        return lambda v: type(v) is bool
    if kind is int and role is None:
        if bounds is None:
            return lambda v: type(v) is int
        low, high = bounds
        return lambda v: type(v) is int and low <= v <= high
    if bounds is not None:
        return _reject
    if kind is date and role is None:
        return lambda v: type(v) is date and MIN_DATE <= v <= MAX_DATE
    if kind is Party:
        if role is None:
            return lambda v: type(v) is Party
        return lambda v: type(v) is Party and v.role is role
    if kind is Decimal and role is None:
        return lambda v: type(v) is Decimal
    if role is None and not issubclass(kind, (*_SPECIAL, bool, datetime)):
        return lambda v: type(v) is kind
    return _reject


# Every value the plan passes these is checked already (by the acceptors, or
# taken from a checked case), so the classes' own checks are not run twice;
# the record's data is passed frozen (a read-only dict in key order).
_new_record = prechecked_builder(EventRecord, raw=frozenset({"data"}))
_new_case = prechecked_builder(Case)
_set_facts = getattr(Case, "facts").__set__ if _new_case is not Case else None  # noqa: B009


class Plan:
    """Everything ``apply`` needs for one ``(state, event)``, precomputed."""

    __slots__ = (
        "actors",
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
    checks: tuple[tuple[str, bool, Acceptor], ...]
    frozen: bool
    parties: tuple[str, ...]

    def __init__(
        self, spec: EventSpec, target: str, guard: Guard | None, reduce: Any
    ) -> None:
        values = {
            "event": spec.id,
            "target": target,
            "guard": guard,
            "reduce": reduce,
            "basis": spec.basis,
            "actors": tuple(spec.actors),  # identity tests: faster than hashing
            "personal": spec.personal,
            "names": spec.names,
            # in name order: the accepted data is then in EventRecord's order
            "checks": tuple(
                (f.name, f.required, fast_acceptor(f))
                for f in sorted(spec.fields, key=lambda f: f.name)
            ),
            # whether every value an acceptor passes is immutable as it is
            # (else EventRecord's converter freezes it: lists to tuples, ...)
            "frozen": all(
                type(f.name) is str and f.types[0] in _IMMUTABLE
                for f in spec.fields
                if len(f.types) == 1
            ),
            # the fields that can hold a Party, sorted as EventRecord.data is
            "parties": tuple(sorted(f.name for f in spec.fields if Party in f.types)),
        }
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Plan is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Plan is immutable; cannot delete {name!r}")

    def apply(
        self, case: Case, at: object, by: object, data: Mapping[str, Any], cal: Any
    ) -> Case | None:
        """The case after the event if every check passes on the fast path and
        no guard refuses it; else None (the general path raises the error)."""
        if type(at) is not datetime or type(by) is not Role or by not in self.actors:
            return None
        if at.utcoffset() is None or not MIN_DATE <= at.date() <= MAX_DATE:
            return None
        if not self.names.issuperset(data):
            return None
        clean: dict[str, Any] = {}
        for name, required, accept in self.checks:
            value = data.get(name)
            if value is None:
                if required:
                    return None
            elif accept(value):
                clean[name] = value
            else:
                return None
        record = _new_record(
            self.event,
            at,
            by,
            self.basis,
            MappingProxyType(clean) if self.frozen else _freeze(clean),
            self.personal,
        )
        history = case.history
        # at a fixed offset, so this compares instants (see Regime._advance)
        if history and record.at < history[-1].at:
            return None
        guard = self.guard
        if guard is not None and guard(case, record, cal) is not None:
            return None
        parties = case.parties
        if self.parties:
            new = tuple(
                value
                for name in self.parties
                if isinstance(value := clean.get(name), Party)
            )
            parties = parties + new if new else parties
        history = (*history, record)
        target = self.target
        case_id, regime, version, settings = (
            case.case_id,
            case.regime,
            case.version + 1,
            case.settings,
        )
        moved: Case = _new_case(
            case_id, regime, target, version, history, parties, settings, case.facts
        )
        # the reducer reads the moved case (new state and history, old facts);
        # nobody else has seen it yet, so its facts slot is filled in place
        # instead of building the case a second time
        facts = self.reduce(moved, record)
        if _set_facts is None:  # Case is no plain class any more: __init__ runs
            return Case(
                case_id, regime, target, version, history, parties, settings, facts
            )
        _set_facts(moved, facts)
        return moved


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
