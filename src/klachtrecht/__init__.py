"""klachtrecht: Dutch complaint procedures in care as state machines.

Regimes: Wkkgz (zorg), Jeugdwet (jeugdhulp), Wmo 2015 (maatschappelijke
ondersteuning) and the Klachtenloket Paramedici. Deadlines follow the
Algemene termijnenwet; see :mod:`klachtrecht.deadlines`.
"""

from typing import TYPE_CHECKING, Any

from klachtrecht._case import Case, Due, EventRecord, Party, Role, Status
from klachtrecht._errors import (
    ArgumentTypeError,
    CaseError,
    DefinitionError,
    EventDataError,
    EventNotAllowedError,
    GuardError,
    InvalidDateError,
    InvalidTermError,
    KlachtrechtError,
    SerializationError,
    UnknownRegimeError,
    VersionConflictError,
)
from klachtrecht._registry import REGIMES, regime
from klachtrecht.deadlines import Deadline, TermKind, receipt_date, term_end

if TYPE_CHECKING:
    from klachtrecht._regime import EventSpec, Field, Regime, StateSpec

#: Names loaded on first access (PEP 562): the regime layer imports
#: python-statemachine, which a deadline-only user should not pay for.
_LAZY = frozenset({"EventSpec", "Field", "Regime", "StateSpec"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from klachtrecht import _regime  # noqa: PLC0415

        return getattr(_regime, name)
    raise AttributeError(f"module 'klachtrecht' has no attribute {name!r}")


__all__ = [
    "REGIMES",
    "ArgumentTypeError",
    "Case",
    "CaseError",
    "Deadline",
    "DefinitionError",
    "Due",
    "EventDataError",
    "EventNotAllowedError",
    "EventRecord",
    "EventSpec",
    "Field",
    "GuardError",
    "InvalidDateError",
    "InvalidTermError",
    "KlachtrechtError",
    "Party",
    "Regime",
    "Role",
    "SerializationError",
    "StateSpec",
    "Status",
    "TermKind",
    "UnknownRegimeError",
    "VersionConflictError",
    "receipt_date",
    "regime",
    "term_end",
]
