"""What a regime is made of: its definition and the specs of its parts.

A regime is *defined* as a python-statemachine ``StateMachine`` class (states,
events and transitions, validated by python-statemachine when the class is
created: one initial state, finals without exits, no unreachable states, no dead
ends) plus data: the legal basis of each state and event, the fields each event
carries, guards (legal conditions) and the deadlines derived from a case's facts.
:func:`compile_definition` turns it into the plain table the engine
(:mod:`klachtrecht._engine`) runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import attrs
from statemachine import Event, State, StateMachine
from statemachine.transition_list import TransitionList

from klachtrecht._case import Case, Due, EventRecord, Party, Role
from klachtrecht.deadlines import AtwCalendar, check_date
from klachtrecht.errors import (
    ArgumentTypeError,
    DefinitionError,
    EventDataError,
    GuardError,
    InvalidDateError,
)

__all__ = [
    "OPEN",
    "Definition",
    "EventSpec",
    "Field",
    "Guard",
    "GuardFinding",
    "StateSpec",
    "actor_problem",
    "build_record",
    "check_case_id",
    "compile_definition",
    "each_to",
    "requires",
]

OPEN = "open"


def each_to(target: State | None, *sources: State) -> TransitionList:
    """The transitions from each of ``sources`` to ``target`` (``None``: each
    source to itself), e.g. ``Event(each_to(withdrawn, raised, submitted))``."""
    lists: list[TransitionList] = [
        s.to(s if target is None else target) for s in sources
    ]
    combined = lists[0]
    for more in lists[1:]:
        combined = combined | more
    return combined


@attrs.frozen
class Field:
    """A field of an event's data: its name, accepted types and meaning.

    ``personal`` marks personal data (hidden from repr, logs and errors).
    ``role`` constrains a :class:`~klachtrecht.Party` field to parties in that role.
    """

    name: str
    types: tuple[type, ...]
    required: bool = True
    personal: bool = False
    choices: tuple[str, ...] = ()
    role: Role | None = None
    bounds: tuple[int, int] | None = None
    doc: str = ""

    def check(self, value: object) -> str | None:
        """Why ``value`` does not fit, or None. Never quotes the value itself."""
        if isinstance(value, bool) and bool not in self.types:
            return f"field {self.name!r} must be {self.type_names()}, got bool"
        if isinstance(value, datetime):
            if datetime not in self.types:
                return f"field {self.name!r} must be {self.type_names()}, got datetime"
            if value.utcoffset() is None:
                return f"field {self.name!r} must be an aware datetime, got a naive one"
        if not isinstance(value, self.types):
            return (
                f"field {self.name!r} must be {self.type_names()}, "
                f"got {type(value).__name__}"
            )
        if isinstance(value, date) and not isinstance(value, datetime):
            try:
                check_date(value, self.name)
            except InvalidDateError as exc:
                return str(exc)
        if self.bounds is not None and isinstance(value, int):
            low, high = self.bounds
            if not low <= value <= high:
                return f"field {self.name!r} must be from {low} to {high} ({self.doc})"
        if self.choices and value not in self.choices:
            about = f" ({self.doc})" if self.doc else ""
            return (
                f"field {self.name!r} must be one of {', '.join(self.choices)}{about}"
            )
        if isinstance(value, str) and not value.strip():
            return f"field {self.name!r} must not be empty"
        if (
            self.role is not None
            and isinstance(value, Party)
            and value.role is not self.role
        ):
            return f"field {self.name!r} must be a party with role {self.role.value!r}"
        return None

    def type_names(self) -> str:
        """The accepted types, e.g. ``'date or None'``."""
        return " or ".join(t.__name__ for t in self.types)


@attrs.frozen
class EventSpec:
    """An event of a regime (gebeurtenis): Dutch label, legal basis, actors, fields."""

    id: str
    label: str
    basis: str
    actors: frozenset[Role]
    fields: tuple[Field, ...] = ()

    personal: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    names: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # computed once: apply() reads them for every event
        object.__setattr__(
            self, "personal", frozenset(f.name for f in self.fields if f.personal)
        )
        object.__setattr__(self, "names", frozenset(f.name for f in self.fields))


@attrs.frozen
class StateSpec:
    """A state of a regime (fase): Dutch label, whether final, legal basis."""

    id: str
    label: str
    final: bool
    initial: bool
    basis: str


@attrs.frozen
class GuardFinding:
    """A recorded event that today's rules would have refused (see
    :meth:`Regime.rejudge`): where in the history, which event, and why.

    ``version`` is the case version the event produced (its 1-based position in
    the history). Like every message of klachtrecht, ``reason`` holds no
    personal data.
    """

    version: int
    event: str
    state: str
    reason: str
    source: str


Guard = Callable[[Case, EventRecord, AtwCalendar], str | None]
"""A legal condition: returns why the event is refused, or None when it is allowed."""


def _read_only(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy: a definition cannot be changed behind its back."""
    return MappingProxyType(dict(mapping))


@attrs.frozen
class Definition:
    """Everything that defines a regime; see the regime modules for examples.

    ``state_basis`` and ``guards`` are kept as read-only copies
    (``MappingProxyType``), so no caller can drop a legal check from a regime.
    """

    name: str
    title: str
    machine: type[StateMachine]
    state_basis: Mapping[str, str] = attrs.field(converter=_read_only)
    open_event: EventSpec
    events: tuple[EventSpec, ...]
    settings_type: type
    initial_facts: Callable[[Any], Any]
    reduce: Callable[[Case, EventRecord], Any]
    deadlines: Callable[[Case, AtwCalendar], tuple[Due, ...]]
    guards: Mapping[str, Guard] = attrs.field(factory=dict, converter=_read_only)


def requires(fact: str, reason: str) -> Guard:
    """A guard that refuses the event, for ``reason``, while the case's fact
    ``fact`` is still None (something that must have happened first)."""

    def guard(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        return reason if getattr(case.facts, fact) is None else None

    guard.__name__ = guard.__qualname__ = f"requires_{fact}"
    return guard


def compile_definition(
    definition: Definition,
) -> tuple[dict[tuple[str, str], str], list[StateSpec]]:
    machine = definition.machine
    table: dict[tuple[str, str], str] = {}
    states: list[StateSpec] = []
    for state in machine.states:
        basis = definition.state_basis.get(state.id)
        if not basis:
            raise DefinitionError(
                f"regime {definition.name!r}: state {state.id!r} has no legal basis"
            )
        states.append(
            StateSpec(state.id, str(state.name), state.final, state.initial, basis)
        )
        for transition in state.transitions:
            target = transition.target
            if target is None:  # pragma: no cover - internal transitions unused
                continue
            for event in transition.events:
                key = (state.id, event.id)
                if key in table and table[key] != target.id:
                    raise DefinitionError(
                        f"regime {definition.name!r}: event {event.id!r} is ambiguous "
                        f"in state {state.id!r}"
                    )
                table[key] = target.id
    events: list[Event] = list(machine.events)  # type: ignore[call-overload]
    machine_events = {e.id: str(e.name) for e in events}
    specs = {e.id: e for e in definition.events}
    if set(machine_events) != set(specs):
        raise DefinitionError(
            f"regime {definition.name!r}: machine events {sorted(machine_events)} "
            f"differ from event specs {sorted(specs)}"
        )
    for event_id, label in machine_events.items():
        if specs[event_id].label != label:
            raise DefinitionError(
                f"regime {definition.name!r}: event {event_id!r} label "
                f"{specs[event_id].label!r} differs from the machine's {label!r}"
            )
    extra = set(definition.state_basis) - {s.id for s in states}
    if extra or OPEN in specs:
        raise DefinitionError(
            f"regime {definition.name!r}: unknown states {sorted(extra)} "
            f"or an event named {OPEN!r}"
        )
    return table, states


def check_case_id(case_id: object) -> None:
    """``open`` and ``replay`` accept the same case ids: non-blank strings."""
    if not isinstance(case_id, str) or not case_id.strip():
        raise ArgumentTypeError("case_id must be a non-empty str")


def unknown_fields(count: int, spec: EventSpec) -> str:
    """The problem of ``count`` unknown field names given to ``spec``; the
    names are input, so they are counted, never quoted."""
    takes = ", ".join(f.name for f in spec.fields) or "no fields"
    noun = "field" if count == 1 else "fields"
    return f"{count} unknown {noun}; {spec.id!r} takes: {takes}"


def actor_problem(spec: EventSpec, by: Role) -> str:
    actors = ", ".join(sorted(r.value for r in spec.actors))
    return f"performed by {by.value!r}, but only by {actors}"


def build_record(
    case_id: str,
    state: str,
    spec: EventSpec,
    at: object,
    by: object,
    data: dict[str, Any],
    *,
    judge: bool = True,
) -> EventRecord:
    """Check an event's ``at``, ``by`` and data against ``spec`` and build its
    record; ``judge=False`` skips the actor rule (a stored record is a fact)."""

    def fail(problem: str) -> EventDataError:
        return EventDataError(problem, case_id=case_id, state=state, event=spec.id)

    if not isinstance(at, datetime):
        raise fail(f"'at' must be an aware datetime, got {type(at).__name__}")
    if at.utcoffset() is None:
        raise fail("'at' is a naive datetime; give a time zone")
    try:
        check_date(at.date(), "'at'")
    except InvalidDateError as exc:
        raise fail(str(exc)) from None
    if not isinstance(by, Role):
        raise fail(f"'by' must be a Role, got {type(by).__name__}")
    if judge and by not in spec.actors:
        raise GuardError(
            actor_problem(spec, by),
            case_id=case_id,
            state=state,
            event=spec.id,
            source=spec.basis,
        )
    unknown = len(set(data) - spec.names)
    if unknown:  # the names are input: counted, never quoted
        raise fail(unknown_fields(unknown, spec))
    clean: dict[str, Any] = {}
    for field in spec.fields:
        value = data.get(field.name)
        if value is None:
            if field.required:
                raise fail(f"missing field {field.name!r} ({field.doc})")
            continue
        problem = field.check(value)
        if problem:
            raise fail(problem)
        clean[field.name] = value
    return EventRecord(spec.id, at, by, spec.basis, clean, spec.personal)
