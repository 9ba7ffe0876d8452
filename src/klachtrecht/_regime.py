"""The generic driver: one engine that runs every regime.

A regime is *defined* as a python-statemachine ``StateMachine`` class (states,
events and transitions, validated by python-statemachine when the class is
created: one initial state, finals without exits, no unreachable states, no dead
ends) plus data: the legal basis of each state and event, the fields each event
carries, guards (legal conditions) and the deadlines derived from a case's facts.

Cases are *run* without instantiating the machine: the class is compiled once
into a plain ``(state, event) -> target`` table, and each event becomes a new
frozen :class:`~klachtrecht.Case` via ``attrs.evolve`` (about 1 µs for the
table step, against ~150 µs to instantiate a machine and ~90 µs to send an
event through it). The test-suite checks that the table and the machine agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

import attrs
from statemachine import Event, StateMachine

from klachtrecht._case import Case, Due, EventRecord, Party, Role, Status
from klachtrecht.deadlines import AtwCalendar, check_date, default_calendar
from klachtrecht.errors import (
    ArgumentTypeError,
    DefinitionError,
    EventDataError,
    EventNotAllowedError,
    GuardError,
    InvalidDateError,
    VersionConflictError,
)

__all__ = [
    "Definition",
    "EventSpec",
    "Field",
    "GuardFinding",
    "Regime",
    "StateSpec",
]

OPEN = "open"


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
            return f"field {self.name!r} must be one of {', '.join(self.choices)}"
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


@attrs.frozen
class Definition:
    """Everything that defines a regime; see the regime modules for examples."""

    name: str
    title: str
    machine: type[StateMachine]
    state_basis: Mapping[str, str]
    open_event: EventSpec
    events: tuple[EventSpec, ...]
    settings_type: type
    initial_facts: Callable[[Any], Any]
    reduce: Callable[[Case, EventRecord], Any]
    deadlines: Callable[[Case, AtwCalendar], tuple[Due, ...]]
    guards: Mapping[str, Guard] = attrs.field(factory=dict)


def _compile(
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


class Regime:
    """A complaint regime (klachtregeling) compiled for fast, immutable use.

    Obtain one with :func:`klachtrecht.regime`. All methods are pure: they take a
    case and return a new one or a derived value.
    """

    __slots__ = (
        "_allowed",
        "_by_id",
        "_definition",
        "_initial",
        "_table",
        "calendar",
        "events",
        "states",
    )

    def __init__(
        self, definition: Definition, *, calendar: AtwCalendar | None = None
    ) -> None:
        self._definition = definition
        self.calendar = calendar if calendar is not None else default_calendar()
        table, states = _compile(definition)
        self._table = table
        self.states: tuple[StateSpec, ...] = tuple(states)
        self.events: tuple[EventSpec, ...] = definition.events
        self._by_id = {e.id: e for e in (definition.open_event, *definition.events)}
        self._initial = next(s.id for s in states if s.initial)
        allowed: dict[str, list[EventSpec]] = {s.id: [] for s in states}
        for state_id, event_id in table:
            allowed[state_id].append(self._by_id[event_id])
        self._allowed = {k: tuple(v) for k, v in allowed.items()}

    # -- description -----------------------------------------------------------

    @property
    def name(self) -> str:
        """The registry name, e.g. ``"wkkgz"``."""
        return self._definition.name

    @property
    def title(self) -> str:
        """The official name of the regime's legal basis."""
        return self._definition.title

    @property
    def machine(self) -> type[StateMachine]:
        """The python-statemachine class the regime is defined with."""
        return self._definition.machine

    @property
    def open_event(self) -> EventSpec:
        """The event that opens a case."""
        return self._definition.open_event

    @property
    def transitions(self) -> Mapping[tuple[str, str], str]:
        """The compiled ``(state, event) -> target`` table."""
        return dict(self._table)

    def target(self, state: str, event: str) -> str | None:
        """The state ``event`` leads to from ``state``, or None if not allowed."""
        return self._table.get((state, event))

    def event(self, event_id: str) -> EventSpec:
        """The spec of one event by id."""
        try:
            return self._by_id[event_id]
        except KeyError:
            raise ArgumentTypeError(
                f"regime {self.name!r} has no event {event_id!r}"
            ) from None

    def state(self, state_id: str) -> StateSpec:
        """The spec of one state by id."""
        for spec in self.states:
            if spec.id == state_id:
                return spec
        raise ArgumentTypeError(f"regime {self.name!r} has no state {state_id!r}")

    def __repr__(self) -> str:
        return f"Regime({self.name!r})"

    # -- cases -----------------------------------------------------------------

    def open(
        self,
        case_id: str,
        *,
        at: datetime,
        by: Role = Role.KLAGER,
        settings: Any = None,
        **data: Any,
    ) -> Case:
        """Open a case: the first event of its history (e.g. onvrede gemeld)."""
        if not isinstance(case_id, str) or not case_id.strip():
            raise ArgumentTypeError("case_id must be a non-empty str")
        if settings is None:
            settings = self._definition.settings_type()
        data["settings"] = settings
        record = self._record(case_id, "-", self.open_event, at, by, data)
        return self._open_with(case_id, record)

    def _open_with(
        self,
        case_id: str,
        record: EventRecord,
        judge: bool = True,
        findings: list[GuardFinding] | None = None,
    ) -> Case:
        settings = record.data["settings"]
        facts = self._definition.initial_facts(settings)
        blank = Case(case_id, self.name, "-", 0, (), (), settings, facts)
        return self._advance(blank, record, self._initial, judge, findings)

    def allowed(self, case: Case) -> tuple[EventSpec, ...]:
        """The events allowed in the case's current state (guards not evaluated)."""
        self._check_case(case)
        return self._allowed[case.state]

    def can(
        self, case: Case, event: str, *, at: datetime, by: Role, **data: Any
    ) -> bool:
        """Whether :meth:`apply` would accept this event now."""
        try:
            self.apply(case, event, at=at, by=by, **data)
        except (EventNotAllowedError, GuardError, EventDataError):
            return False
        return True

    def apply(
        self,
        case: Case,
        event: str,
        *,
        at: datetime,
        by: Role,
        expected_version: int | None = None,
        **data: Any,
    ) -> Case:
        """Apply ``event`` to ``case`` and return the new case.

        ``at`` is the aware moment the act legally happened; ``by`` the role that
        performed it. If ``expected_version`` is given and the case has moved on,
        :class:`~klachtrecht.VersionConflictError` is raised. On any error the
        given case is untouched (it is immutable) and nothing is recorded.
        """
        self._check_case(case)
        if not isinstance(event, str):
            raise ArgumentTypeError(f"event must be a str, got {type(event).__name__}")
        if expected_version is not None and expected_version != case.version:
            raise VersionConflictError(
                case_id=case.case_id,
                state=case.state,
                event=event,
                expected=expected_version,
                actual=case.version,
            )
        target = self._table.get((case.state, event))
        if target is None:
            raise EventNotAllowedError(
                case_id=case.case_id,
                state=case.state,
                event=event,
                allowed=(e.id for e in self._allowed[case.state]),
            )
        record = self._record(
            case.case_id, case.state, self._by_id[event], at, by, data
        )
        return self._advance(case, record, target)

    def replay(
        self, case_id: str, history: Iterable[EventRecord], *, judge: bool = False
    ) -> Case:
        """Rebuild a case from its event history; equal to the original case.

        A stored history is a record of what happened (*events are facts*): the
        transition table, every field's type and the chronological order are
        checked, but guards and the actor rules, which judge a *command* when it
        is given, are not re-run, so a record stays readable when a later
        release (or another calendar) would judge it differently. Pass
        ``judge=True`` to refuse, with the first :class:`~klachtrecht.GuardError`,
        a history that today's rules would not accept; :meth:`rejudge` lists
        every such event instead.
        """
        return self._replay(case_id, history, judge, None)

    def rejudge(self, case: Case) -> tuple[GuardFinding, ...]:
        """Every event of ``case``'s history that today's rules (guards, actors,
        this regime's calendar) would refuse, as findings; empty when none.

        Re-judging never refuses to read the record: the case is rebuilt from
        its events whatever the findings.
        """
        self._check_case(case)
        findings: list[GuardFinding] = []
        self._replay(case.case_id, case.history, True, findings)
        return tuple(findings)

    def _replay(
        self,
        case_id: str,
        history: Iterable[EventRecord],
        judge: bool,
        findings: list[GuardFinding] | None,
    ) -> Case:
        records = list(history)
        for record in records:
            if not isinstance(record, EventRecord):
                raise ArgumentTypeError(
                    f"case {case_id!r}: a history holds EventRecords, "
                    f"got {type(record).__name__}"
                )
        if not records or records[0].event != OPEN:
            raise EventDataError(
                "a history must start with the open event",
                case_id=case_id,
                state="-",
                event=records[0].event if records else "-",
            )
        first = self._rebuild(case_id, "-", records[0], judge, findings, 1)
        case = self._open_with(case_id, first, judge, findings)
        for record in records[1:]:
            target = self._table.get((case.state, record.event))
            if target is None:
                raise EventNotAllowedError(
                    case_id=case_id,
                    state=case.state,
                    event=record.event,
                    allowed=(e.id for e in self._allowed[case.state]),
                )
            rebuilt = self._rebuild(
                case_id, case.state, record, judge, findings, case.version + 1
            )
            case = self._advance(case, rebuilt, target, judge, findings)
        return case

    def _rebuild(
        self,
        case_id: str,
        state: str,
        record: EventRecord,
        judge: bool,
        findings: list[GuardFinding] | None,
        version: int,
    ) -> EventRecord:
        spec = self._by_id.get(record.event)
        if spec is None:
            raise EventDataError(
                "unknown event in history",
                case_id=case_id,
                state=state,
                event=record.event,
            )
        if findings is not None and record.by not in spec.actors:
            findings.append(
                GuardFinding(
                    version, spec.id, state, _actor_problem(spec, record.by), spec.basis
                )
            )
        return self._record(
            case_id,
            state,
            spec,
            record.at,
            record.by,
            dict(record.data),
            judge=judge and findings is None,
        )

    # -- deadlines ---------------------------------------------------------------

    def deadlines(self, case: Case) -> tuple[Due, ...]:
        """Every obligation of the case with its derived deadline, met or not."""
        self._check_case(case)
        return self._definition.deadlines(case, self.calendar)

    def overdue(self, case: Case, on: date) -> tuple[Due, ...]:
        """The obligations missed as seen on day ``on`` (not fulfilled, past due)."""
        check_date(on, "on")
        return tuple(d for d in self.deadlines(case) if d.status(on) is Status.MISSED)

    def pending(self, case: Case, on: date) -> tuple[Due, ...]:
        """The obligations still open on day ``on``, earliest due first."""
        check_date(on, "on")
        found = [d for d in self.deadlines(case) if d.status(on) is Status.PENDING]
        return tuple(sorted(found, key=lambda d: d.due))

    def is_final(self, case: Case) -> bool:
        """Whether the case is in a final state (nothing can happen any more)."""
        self._check_case(case)
        return not self._allowed[case.state]

    # -- internals ---------------------------------------------------------------

    def _check_case(self, case: object) -> None:
        if not isinstance(case, Case):
            raise ArgumentTypeError(f"expected a Case, got {type(case).__name__}")
        if case.regime != self.name:
            raise ArgumentTypeError(
                f"case {case.case_id!r} belongs to regime {case.regime!r}, "
                f"not {self.name!r}"
            )

    def _record(
        self,
        case_id: str,
        state: str,
        spec: EventSpec,
        at: object,
        by: object,
        data: dict[str, Any],
        *,
        judge: bool = True,
    ) -> EventRecord:
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
                _actor_problem(spec, by),
                case_id=case_id,
                state=state,
                event=spec.id,
                source=spec.basis,
            )
        unknown = sorted(set(data) - spec.names)
        if unknown:
            raise fail(f"unknown field(s) {', '.join(unknown)}")
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

    def _advance(
        self,
        case: Case,
        record: EventRecord,
        target: str,
        judge: bool = True,
        findings: list[GuardFinding] | None = None,
    ) -> Case:
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
                    "'at' lies before the case's previous event; "
                    "history is chronological",
                    case_id=case.case_id,
                    state=case.state,
                    event=record.event,
                )
        guard = self._definition.guards.get(record.event) if judge else None
        if guard is not None:
            reason = guard(case, record, self.calendar)
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
        facts = self._definition.reduce(moved, record)
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


def _actor_problem(spec: EventSpec, by: Role) -> str:
    actors = ", ".join(sorted(r.value for r in spec.actors))
    return f"performed by {by.value!r}, but only by {actors}"
