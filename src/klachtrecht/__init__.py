"""klachtrecht: Dutch complaint procedures in care as state machines.

Regimes: Wkkgz (zorg), Jeugdwet (jeugdhulp), Wmo 2015 (maatschappelijke
ondersteuning) and the Klachtenloket Paramedici. Deadlines follow the
Algemene termijnenwet; see :mod:`klachtrecht.deadlines`.
"""

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
    UnknownRegimeError,
    VersionConflictError,
)
from klachtrecht.deadlines import Deadline, TermKind, receipt_date, term_end

__all__ = [
    "ArgumentTypeError",
    "CaseError",
    "Deadline",
    "DefinitionError",
    "EventDataError",
    "EventNotAllowedError",
    "GuardError",
    "InvalidDateError",
    "InvalidTermError",
    "KlachtrechtError",
    "TermKind",
    "UnknownRegimeError",
    "VersionConflictError",
    "receipt_date",
    "term_end",
]
