"""klachtrecht: Dutch complaint procedures in care as state machines.

Regimes: Wkkgz (zorg), Jeugdwet (jeugdhulp), Wmo 2015 (maatschappelijke
ondersteuning) and the Klachtenloket Paramedici. Deadlines follow the
Algemene termijnenwet; see :mod:`klachtrecht.deadlines`.
"""

from typing import TYPE_CHECKING, Any

from klachtrecht._case import Case, Due, EventRecord, Party, Role, Status
from klachtrecht.deadlines import Deadline, TermKind, receipt_date, term_end
from klachtrecht.errors import (
    ArgumentTypeError,
    CaseError,
    DefinitionError,
    EventDataError,
    EventNotAllowedError,
    GuardError,
    InvalidDateError,
    InvalidSettingError,
    InvalidTermError,
    KlachtrechtError,
    ReadOnlyError,
    SerializationError,
    UnknownRegimeError,
    VersionConflictError,
)
from klachtrecht.regimes import REGIMES, regime

if TYPE_CHECKING:
    from klachtrecht._actions import Action
    from klachtrecht._engine import EventSpec, Field, GuardFinding, Regime, StateSpec
    from klachtrecht.affiliations import (
        AffiliationError,
        Affiliations,
        Arrangement,
        Basis,
        Component,
        Engagement,
        OverlapError,
        PeriodError,
        Provider,
        ProviderKind,
        UnknownProviderError,
    )
    from klachtrecht.plans import Plan, PlanError

#: Names loaded on first access (PEP 562), by module: the regime layer imports
#: python-statemachine, which a deadline-only user should not pay for.
_LAZY = {
    "Action": "_actions",
    **dict.fromkeys(
        ("EventSpec", "Field", "GuardFinding", "Regime", "StateSpec"), "_engine"
    ),
    **dict.fromkeys(
        (
            "AffiliationError",
            "Affiliations",
            "Arrangement",
            "Basis",
            "Component",
            "Engagement",
            "OverlapError",
            "PeriodError",
            "Provider",
            "ProviderKind",
            "UnknownProviderError",
        ),
        "affiliations",
    ),
    **dict.fromkeys(("Plan", "PlanError"), "plans"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        import importlib  # noqa: PLC0415

        return getattr(importlib.import_module(f"klachtrecht.{module}"), name)
    raise AttributeError(f"module 'klachtrecht' has no attribute {name!r}")


__all__ = [
    "REGIMES",
    "Action",
    "AffiliationError",
    "Affiliations",
    "ArgumentTypeError",
    "Arrangement",
    "Basis",
    "Case",
    "CaseError",
    "Component",
    "Deadline",
    "DefinitionError",
    "Due",
    "Engagement",
    "EventDataError",
    "EventNotAllowedError",
    "EventRecord",
    "EventSpec",
    "Field",
    "GuardError",
    "GuardFinding",
    "InvalidDateError",
    "InvalidSettingError",
    "InvalidTermError",
    "KlachtrechtError",
    "OverlapError",
    "Party",
    "PeriodError",
    "Plan",
    "PlanError",
    "Provider",
    "ProviderKind",
    "ReadOnlyError",
    "Regime",
    "Role",
    "SerializationError",
    "StateSpec",
    "Status",
    "TermKind",
    "UnknownProviderError",
    "UnknownRegimeError",
    "VersionConflictError",
    "receipt_date",
    "regime",
    "term_end",
]
