"""The generic driver: one engine that runs every regime.

A regime is defined (:mod:`klachtrecht._definition`) as a python-statemachine
``StateMachine`` class plus data. Cases are *run* without instantiating the
machine: the class is compiled once into a plain ``(state, event) -> target``
table, and each event becomes a new frozen :class:`~klachtrecht.Case` (a few
µs, against ~150 µs to instantiate a machine and ~90 µs to send an event
through it). The test-suite checks that the table and the machine agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from statemachine import StateMachine

from klachtrecht._boundary import PortalMethods
from klachtrecht._case import Case, Due, EventRecord, Role, Status
from klachtrecht._definition import (
    OPEN,
    Definition,
    EventSpec,
    Field,
    Guard,
    GuardFinding,
    StateSpec,
    actor_problem,
    build_record,
    check_case_id,
    compile_definition,
    each_to,
    requires,
)
from klachtrecht._plan import Plan, advance, compile_plans
from klachtrecht.deadlines import AtwCalendar, check_date, default_calendar
from klachtrecht.errors import (
    ArgumentTypeError,
    EventDataError,
    EventNotAllowedError,
    GuardError,
    ReadOnlyError,
    VersionConflictError,
)

__all__ = [
    "Definition",
    "EventSpec",
    "Field",
    "Guard",
    "GuardFinding",
    "Regime",
    "StateSpec",
    "each_to",
    "requires",
]


class Regime(PortalMethods):
    """A complaint regime (klachtregeling) compiled for fast, immutable use.

    Obtain one with :func:`klachtrecht.regime`. All methods are pure: they take a
    case and return a new one or a derived value. A regime is shared by every
    caller in the process, so it is immutable: setting or deleting any
    attribute (``regime("wkkgz").calendar = ...``) raises ``AttributeError``.
    """

    __slots__ = (
        "_allowed",
        "_by_id",
        "_calendar",
        "_definition",
        "_events",
        "_initial",
        "_name",
        "_plans",
        "_states",
        "_table",
    )

    _definition: Definition
    _calendar: AtwCalendar
    _table: Mapping[tuple[str, str], str]
    _states: tuple[StateSpec, ...]
    _events: tuple[EventSpec, ...]
    _by_id: Mapping[str, EventSpec]
    _initial: str
    _allowed: Mapping[str, tuple[EventSpec, ...]]
    _name: str
    _plans: Mapping[tuple[str, str], Plan]

    def __init__(
        self, definition: Definition, *, calendar: AtwCalendar | None = None
    ) -> None:
        table, states = compile_definition(definition)
        by_id = {e.id: e for e in (definition.open_event, *definition.events)}
        allowed: dict[str, list[EventSpec]] = {s.id: [] for s in states}
        for state_id, event_id in table:
            allowed[state_id].append(by_id[event_id])
        init = object.__setattr__
        init(self, "_definition", definition)
        init(self, "_calendar", default_calendar() if calendar is None else calendar)
        init(self, "_table", MappingProxyType(table))
        init(self, "_name", definition.name)
        init(self, "_plans", MappingProxyType(compile_plans(definition, table)))
        init(self, "_states", tuple(states))
        init(self, "_events", definition.events)
        init(self, "_by_id", MappingProxyType(by_id))
        init(self, "_initial", next(s.id for s in states if s.initial))
        init(
            self,
            "_allowed",
            MappingProxyType({k: tuple(v) for k, v in allowed.items()}),
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise ReadOnlyError("a Regime is read-only: its attributes cannot be set")

    def __delattr__(self, name: str) -> None:
        raise ReadOnlyError("a Regime is read-only: its attributes cannot be deleted")

    # -- description -----------------------------------------------------------

    @property
    def calendar(self) -> AtwCalendar:
        """The Atw calendar the regime's deadlines are computed with."""
        return self._calendar

    @property
    def states(self) -> tuple[StateSpec, ...]:
        """The states (fasen), in the machine's order."""
        return self._states

    @property
    def events(self) -> tuple[EventSpec, ...]:
        """The events (gebeurtenissen) after the opening one, in definition order."""
        return self._events

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
                f"regime {self.name!r} has no such event"  # the id is input
            ) from None

    def state(self, state_id: str) -> StateSpec:
        """The spec of one state by id."""
        for spec in self.states:
            if spec.id == state_id:
                return spec
        # the id is input: never quoted
        raise ArgumentTypeError(f"regime {self.name!r} has no such state")

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
        check_case_id(case_id)
        if settings is None:
            settings = self._definition.settings_type()
        data["settings"] = settings
        record = build_record(case_id, "-", self.open_event, at, by, data)
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
        return advance(
            self._definition,
            self._calendar,
            blank,
            record,
            self._initial,
            judge,
            findings,
        )

    def allowed(self, case: Case) -> tuple[EventSpec, ...]:
        """The events allowed in the case's current state (guards not evaluated)."""
        self._check_case(case)
        return self._allowed[case.state]

    def can(
        self,
        case: Case,
        event: str,
        *,
        at: datetime,
        by: Role,
        expected_version: int | None = None,
        **data: Any,
    ) -> bool:
        """Whether :meth:`apply` would accept this event now: False when the
        event is not allowed, a guard refuses it, its data is wrong or the case
        is not at ``expected_version``. Wrong argument types still raise."""
        try:
            self.apply(
                case, event, at=at, by=by, expected_version=expected_version, **data
            )
        except (EventNotAllowedError, GuardError, EventDataError, VersionConflictError):
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
        # the fast path (see klachtrecht._plan): taken only when every check
        # passes; anything else goes the general way below, which raises
        if (
            type(case) is Case
            and type(event) is str
            and case.regime == self._name
            and (
                expected_version is None
                or (type(expected_version) is int and expected_version == case.version)
            )
        ):
            plan = self._plans.get((case.state, event))
            if plan is not None:
                moved = plan.apply(case, at, by, data, self._calendar)
                if moved is not None:
                    return moved
        return self._apply_general(case, event, at, by, expected_version, data)

    def _apply_general(
        self,
        case: Case,
        event: str,
        at: object,
        by: object,
        expected_version: object,
        data: dict[str, Any],
    ) -> Case:
        """``apply`` with every check run in full: the errors come from here."""
        self._check_case(case)
        if not isinstance(event, str):
            raise ArgumentTypeError(f"event must be a str, got {type(event).__name__}")
        if expected_version is not None and (
            isinstance(expected_version, bool) or not isinstance(expected_version, int)
        ):
            kind = type(expected_version).__name__
            raise ArgumentTypeError(f"expected_version must be an int, got {kind}")
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
            raise self._not_allowed(case.case_id, case.state, event)
        record = build_record(
            case.case_id, case.state, self._by_id[event], at, by, data
        )
        return advance(self._definition, self._calendar, case, record, target)

    def _not_allowed(
        self, case_id: str, state: str, event: str
    ) -> EventNotAllowedError:
        """The refusal of ``event`` in ``state``; an event the regime does not
        know is input, so its name is not quoted."""
        return EventNotAllowedError(
            case_id=case_id,
            state=state,
            event=event,
            allowed=(e.id for e in self._allowed[state]),
            regime=None if event in self._by_id else self._name,
        )

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
        check_case_id(case_id)
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
                raise self._not_allowed(case_id, case.state, record.event)
            rebuilt = self._rebuild(
                case_id, case.state, record, judge, findings, case.version + 1
            )
            case = advance(
                self._definition, self._calendar, case, rebuilt, target, judge, findings
            )
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
        if spec is None:  # the name is input: never quoted
            raise EventDataError(
                f"an event not in regime {self._name!r} in the history",
                case_id=case_id,
                state=state,
                event="?",
            )
        if findings is not None and record.by not in spec.actors:
            findings.append(
                GuardFinding(
                    version, spec.id, state, actor_problem(spec, record.by), spec.basis
                )
            )
        return build_record(
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
