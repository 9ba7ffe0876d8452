"""The shape of the built-in examples and the parties they share
(see :mod:`klachtrecht._examples`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from klachtrecht._case import Party, Role

_AMS = ZoneInfo("Europe/Amsterdam")


def _at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return datetime(y, m, d, hour, tzinfo=_AMS)


@attrs.frozen
class ExampleStep:
    """One step of an example: event, moment, actor and data."""

    event: str
    at: datetime
    by: Role
    data: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class Example:
    """A worked example case: what it shows, how it opens, its steps."""

    regime: str
    case_id: str
    title: str
    opened_at: datetime
    open_data: Mapping[str, Any]
    steps: tuple[ExampleStep, ...]
    check_on: date


_K, _P = Role.KLAGER, Role.PROVIDER
_KLAGER = Party(_K, "client-001", "client", name="(voorbeeld)")
_PROVIDER = Party(_P, "praktijk-001", name="(voorbeeldpraktijk)")
_FUNCTIONARIS = Party(Role.KLACHTENFUNCTIONARIS, "kf-001")
