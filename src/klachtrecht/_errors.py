"""Exceptions of klachtrecht.

Every exception derives from :class:`KlachtrechtError` and also from the builtin
exception a caller would already catch (``ValueError``, ``TypeError``,
``LookupError``), so ``except ValueError`` keeps working for code that does not
know this library.

Messages are built from stored, non-personal values only (case id, state, event,
dates, numbers): they are safe to log. No message ever contains a person's name,
contact details or the text of a complaint.
"""

from __future__ import annotations

from collections.abc import Iterable


class KlachtrechtError(Exception):
    """Root of every error raised by klachtrecht."""


class ArgumentTypeError(KlachtrechtError, TypeError):
    """An argument has the wrong type (a str or bool where a date or int belongs)."""


class InvalidDateError(KlachtrechtError, ValueError):
    """A date or moment is refused: naive datetime, or outside the supported range."""


class InvalidTermError(KlachtrechtError, ValueError):
    """A term (termijn) is refused: negative, empty, or mixing units."""


class InvalidSettingError(KlachtrechtError, ValueError):
    """A regime setting is refused (out of range, wrong type)."""


class DefinitionError(KlachtrechtError, TypeError):
    """A regime, calendar or besluit definition is inconsistent (a bug, not input)."""


class SerializationError(KlachtrechtError, ValueError):
    """A case document is refused: malformed, unknown, from the future, or its
    history does not replay to the stated case (nothing is half-loaded)."""


class UnknownRegimeError(KlachtrechtError, LookupError):
    """No regime is registered under the requested name."""


class CaseError(KlachtrechtError, ValueError):
    """Base of errors about applying an event to a case.

    Carries the non-personal coordinates of the failure so callers can log or
    display them: ``case_id``, ``state`` and ``event``.
    """

    def __init__(self, message: str, *, case_id: str, state: str, event: str) -> None:
        super().__init__(message)
        self.case_id = case_id
        self.state = state
        self.event = event


class EventNotAllowedError(CaseError):
    """The event is not allowed in the case's current state (nothing was changed)."""

    def __init__(
        self, *, case_id: str, state: str, event: str, allowed: Iterable[str]
    ) -> None:
        self.allowed = tuple(sorted(allowed))
        shown = ", ".join(self.allowed) or "none (the case is closed)"
        super().__init__(
            f"case {case_id!r}: event {event!r} is not allowed in state {state!r}; "
            f"allowed now: {shown}",
            case_id=case_id,
            state=state,
            event=event,
        )


class GuardError(CaseError):
    """The event is known in this state, but a legal condition for it is not met."""

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
        )


class EventDataError(CaseError):
    """The data given with an event is missing, unknown or of the wrong kind."""

    def __init__(self, problem: str, *, case_id: str, state: str, event: str) -> None:
        self.problem = problem
        super().__init__(
            f"case {case_id!r}: event {event!r} in state {state!r}: {problem}",
            case_id=case_id,
            state=state,
            event=event,
        )


class VersionConflictError(CaseError):
    """The case has moved on since the caller read it (optimistic concurrency)."""

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
        )
