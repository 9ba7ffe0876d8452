"""The regimes and their registry: ``klachtrecht.regime(name)``.

One module per regime (:mod:`~klachtrecht.regimes.wkkgz`,
:mod:`~klachtrecht.regimes.jeugdwet`, :mod:`~klachtrecht.regimes.wmo`,
:mod:`~klachtrecht.regimes.klp`), each exporting ``DEFINITION``; law that
several regimes share lives in an underscore module named after that law
(e.g. ``_wkkgz_art17``, ``_kpz_intake``). Regime modules never import each
other. They are imported on first use, so ``import klachtrecht`` stays cheap
(python-statemachine alone takes ~70 ms to import).
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

from klachtrecht.deadlines import AtwCalendar
from klachtrecht.errors import ArgumentTypeError, UnknownRegimeError

if TYPE_CHECKING:
    from klachtrecht._engine import Regime

__all__ = ["REGIMES", "regime"]

#: Registered regime names and the module that defines each (its ``DEFINITION``).
REGIMES: dict[str, str] = {
    "awb": "klachtrecht.regimes.awb",
    "jeugdwet": "klachtrecht.regimes.jeugdwet",
    "klp": "klachtrecht.regimes.klp",
    "ombudsman": "klachtrecht.regimes.ombudsman",
    "wkkgz": "klachtrecht.regimes.wkkgz",
    "wmo": "klachtrecht.regimes.wmo",
    "wvggz": "klachtrecht.regimes.wvggz",
    "wzd": "klachtrecht.regimes.wzd",
}

#: How many (regime, calendar) pairs are kept; the default calendar's are never
#: evicted, the oldest entry with an own calendar is.
_MAX_CACHED = 32
_cache: dict[tuple[str, AtwCalendar | None], Regime] = {}
_lock = threading.RLock()


def _load(name: str, calendar: AtwCalendar | None) -> Regime:
    key = (name, calendar)
    found = _cache.get(key)
    if found is not None:
        return found
    # one builder at a time: under a first-use race every thread gets the
    # same Regime, built once
    with _lock:
        found = _cache.get(key)
        if found is not None:
            return found
        # imported here: python-statemachine costs ~50 ms, paid on first use only
        from klachtrecht._engine import Definition, Regime  # noqa: PLC0415

        module = importlib.import_module(REGIMES[name])
        definition = module.DEFINITION
        assert isinstance(definition, Definition)
        found = Regime(definition, calendar=calendar)
        if len(_cache) >= _MAX_CACHED:
            own = next((k for k in _cache if k[1] is not None), None)
            if own is not None:
                del _cache[own]
        _cache[key] = found
        return found


def regime(name: str, *, calendar: AtwCalendar | None = None) -> Regime:
    """The regime registered as ``name`` (``"wkkgz"``, ...), compiled once.

    Pass ``calendar`` to compute deadlines with extra besluiten gelijkstelling.
    Safe under concurrent first use: ``regime(x) is regime(x)`` in every thread.
    """
    if not isinstance(name, str):
        raise ArgumentTypeError(f"regime name must be a str, got {type(name).__name__}")
    if name not in REGIMES:
        raise UnknownRegimeError(  # the name is input: never quoted
            f"no such regime; known: {', '.join(sorted(REGIMES))}"
        )
    if calendar is not None and not isinstance(calendar, AtwCalendar):
        raise ArgumentTypeError(
            f"calendar must be an AtwCalendar, got {type(calendar).__name__}"
        )
    return _load(name, calendar)
