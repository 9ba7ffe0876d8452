"""Exceptions of klachtrecht (public: ``klachtrecht.errors``).

Every exception derives from :class:`KlachtrechtError` and also from the builtin
exception a caller would already catch (``ValueError``, ``TypeError``,
``LookupError``), so ``except ValueError`` keeps working for code that does not
know this library.

Each class has a stable, machine-readable :attr:`~KlachtrechtError.code` (e.g.
``"version_conflict"``) and each error a :attr:`~KlachtrechtError.params`
mapping with the non-personal values its message was built from, so a portal
can map errors to HTTP statuses and render its own (e.g. Dutch) messages. The
table of codes is in docs/errors.md.

Messages are built from stored, non-personal values only (case id, state, event,
field names, type names, dates, numbers): they are safe to log. No message ever
contains a person's name, contact details, the text of a complaint, or any other
string given as input.

>>> from klachtrecht.errors import InvalidTermError
>>> InvalidTermError.code
'invalid_term'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, ClassVar

__all__ = [
    "ArgumentTypeError",
    "CaseError",
    "DefinitionError",
    "EventDataError",
    "EventNotAllowedError",
    "GuardError",
    "InvalidDateError",
    "InvalidSettingError",
    "InvalidTermError",
    "KlachtrechtError",
    "ReadOnlyError",
    "SerializationError",
    "UnknownRegimeError",
    "VersionConflictError",
]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _restore(
    cls: type[KlachtrechtError], args: tuple[Any, ...], state: dict[str, Any]
) -> KlachtrechtError:
    """Unpickle an error without calling its (keyword-only) ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    params = state.pop("params", {})
    error.__dict__.update(state)
    error.params = MappingProxyType(dict(params))
    return error


class KlachtrechtError(Exception):
    """Root of every error raised by klachtrecht.

    ``code`` is stable across releases (a class attribute); ``params`` holds the
    non-personal values the message was built from (read-only).
    """

    #: Stable machine-readable code of this class of error.
    code: ClassVar[str] = "klachtrecht_error"

    params: Mapping[str, Any]

    def __init__(self, message: str = "", *, params: Mapping[str, Any] | None = None):
        super().__init__(message)
        self.params = MappingProxyType(dict(params)) if params else _EMPTY

    def __reduce__(self) -> tuple[Any, ...]:
        state = dict(self.__dict__)
        state["params"] = dict(self.params)
        return (_restore, (type(self), self.args, state))


class ArgumentTypeError(KlachtrechtError, TypeError):
    """An argument has the wrong type (a str or bool where a date or int belongs)."""

    code = "argument_type"


class InvalidDateError(KlachtrechtError, ValueError):
    """A date or moment is refused: naive datetime, or outside the supported range."""

    code = "invalid_date"


class InvalidTermError(KlachtrechtError, ValueError):
    """A term (termijn) is refused: negative, empty, too long, or mixing units."""

    code = "invalid_term"


class InvalidSettingError(KlachtrechtError, ValueError):
    """A regime setting is refused (out of range, wrong type)."""

    code = "invalid_setting"


class DefinitionError(KlachtrechtError, TypeError):
    """A regime, calendar or besluit definition is inconsistent (a bug, not input)."""

    code = "definition"


class SerializationError(KlachtrechtError, ValueError):
    """A case document is refused: malformed, unknown, from the future, too large,
    or its history does not replay to the stated case (nothing is half-loaded)."""

    code = "serialization"


class UnknownRegimeError(KlachtrechtError, LookupError):
    """No regime is registered under the requested name."""

    code = "unknown_regime"


class ReadOnlyError(KlachtrechtError, AttributeError):
    """An attribute of a shared, read-only object (a :class:`~klachtrecht.Regime`,
    a compiled plan of its events) was set or deleted; every caller in the
    process shares these objects, so they cannot be changed."""

    code = "read_only"


#: What stands for "no case", "no state" or "no known event" in a CaseError:
#: left out of its message.
_NONE = frozenset({"", "-", "?"})


def _where(case_id: str, state: str, event: str) -> str:
    """``case 'K-1': event 'extend' in state 'submitted': `` without the parts
    an error raised outside a case does not have."""
    case = "" if case_id in _NONE else f"case {case_id!r}: "
    at = "" if state in _NONE else f"in state {state!r}"
    if event in _NONE:
        return f"{case}{at}: " if at else case
    return f"{case}event {event!r}{' ' + at if at else ''}: "


class CaseError(KlachtrechtError, ValueError):
    """Base of errors about applying an event to a case.

    Carries the non-personal coordinates of the failure so callers can log or
    display them: ``case_id``, ``state`` and ``event`` (also in ``params``).
    """

    code = "case_error"

    def __init__(
        self,
        message: str,
        *,
        case_id: str,
        state: str,
        event: str,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(
            message,
            params={
                "case_id": case_id,
                "state": state,
                "event": event,
                **(params or {}),
            },
        )
        self.case_id = case_id
        self.state = state
        self.event = event


class EventNotAllowedError(CaseError):
    """The event is not allowed in the case's current state (nothing was changed)."""

    code = "event_not_allowed"

    def __init__(
        self,
        *,
        case_id: str,
        state: str,
        event: str,
        allowed: Iterable[str],
        regime: str | None = None,
    ) -> None:
        self.allowed = tuple(sorted(allowed))
        shown = ", ".join(self.allowed) or "none (the case is closed)"
        # with ``regime``: the event is not one of that regime's, so its name
        # is input and is never quoted; ``event`` then holds "?"
        what = (
            f"event {event!r}"
            if regime is None
            else (f"an event not in regime {regime!r}")
        )
        super().__init__(
            f"case {case_id!r}: {what} is not allowed in state {state!r}; "
            f"allowed now: {shown}",
            case_id=case_id,
            state=state,
            event=event if regime is None else "?",
            params={"allowed": self.allowed},
        )


class GuardError(CaseError):
    """The event is known in this state, but a legal condition for it is not met."""

    code = "guard_refused"

    def __init__(
        self, reason: str, *, case_id: str, state: str, event: str, source: str
    ) -> None:
        self.reason = reason
        self.source = source
        super().__init__(
            f"case {case_id!r}: event {event!r} refused in state {state!r}: "
            f"{reason} ({source})",
            case_id=case_id,
            state=state,
            event=event,
            params={"reason": reason, "source": source},
        )


class EventDataError(CaseError):
    """The data given with an event is missing, unknown or of the wrong kind."""

    code = "invalid_event_data"

    def __init__(self, problem: str, *, case_id: str, state: str, event: str) -> None:
        self.problem = problem
        super().__init__(
            f"{_where(case_id, state, event)}{problem}",
            case_id=case_id,
            state=state,
            event=event,
            params={"problem": problem},
        )


class VersionConflictError(CaseError):
    """The case has moved on since the caller read it (optimistic concurrency)."""

    code = "version_conflict"

    def __init__(
        self, *, case_id: str, state: str, event: str, expected: int, actual: int
    ) -> None:
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"case {case_id!r}: event {event!r} expected version {expected}, "
            f"but the case is at version {actual} (state {state!r}); "
            "reload the case and try again",
            case_id=case_id,
            state=state,
            event=event,
            params={"expected": expected, "actual": actual},
        )
