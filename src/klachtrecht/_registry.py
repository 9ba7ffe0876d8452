"""The regime registry: ``klachtrecht.regime(name)``.

Regime modules are imported on first use, so ``import klachtrecht`` stays cheap
(python-statemachine alone takes ~70 ms to import).
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from klachtrecht.deadlines import AtwCalendar
from klachtrecht.errors import ArgumentTypeError, UnknownRegimeError

if TYPE_CHECKING:
    from klachtrecht._regime import Regime

__all__ = ["REGIMES", "regime"]

#: Registered regime names and the module that defines each, as
#: ``"module"`` (its ``DEFINITION``) or ``"module:ATTRIBUTE"``.
REGIMES: dict[str, str] = {
    "jeugdwet": "klachtrecht.jeugdwet",
    "klp": "klachtrecht.klp",
    "wkkgz": "klachtrecht.wkkgz",
    "wmo": "klachtrecht.jeugdwet:WMO_DEFINITION",
}


@lru_cache(maxsize=32)
def _load(name: str, calendar: AtwCalendar | None) -> Regime:
    # imported here: python-statemachine costs ~50 ms, paid on first use only
    from klachtrecht._regime import Definition, Regime  # noqa: PLC0415

    module_name, _, attribute = REGIMES[name].partition(":")
    module = importlib.import_module(module_name)
    definition = getattr(module, attribute or "DEFINITION")
    assert isinstance(definition, Definition)
    return Regime(definition, calendar=calendar)


def regime(name: str, *, calendar: AtwCalendar | None = None) -> Regime:
    """The regime registered as ``name`` (``"wkkgz"``, ...), compiled once.

    Pass ``calendar`` to compute deadlines with extra besluiten gelijkstelling.
    """
    if not isinstance(name, str):
        raise ArgumentTypeError(f"regime name must be a str, got {type(name).__name__}")
    if name not in REGIMES:
        raise UnknownRegimeError(
            f"no regime {name!r}; known: {', '.join(sorted(REGIMES))}"
        )
    if calendar is not None and not isinstance(calendar, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(calendar).__name__}"
        )
    return _load(name, calendar)
