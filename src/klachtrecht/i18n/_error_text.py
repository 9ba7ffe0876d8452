"""Error messages in a language, rendered from an error's ``code`` and ``params``.

An error of klachtrecht carries a stable ``code`` and a mapping ``params`` of the
non-personal values its message was built from (case id, state, event, dates,
numbers, citations). :func:`render_error` looks the code up in the catalog
(context ``error``) and fills in the parameters; whatever it cannot render
(an unknown code, a missing parameter, an error without a code) comes back as
``str(exc)``, the English message, never as a gap.

The four case errors (:class:`~klachtrecht.EventNotAllowedError`,
:class:`~klachtrecht.GuardError`, :class:`~klachtrecht.EventDataError`,
:class:`~klachtrecht.VersionConflictError`) render also when they carry no
``code`` yet: their code and parameters are read from the attributes they have
always had (``case_id``, ``state``, ``event`` and their own). A guard's
``reason`` and an event-data ``problem`` are English sentences built by the
regimes; a catalog may translate one literally (context ``error_reason``), else
it is kept in English.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from datetime import date

from klachtrecht.errors import ArgumentTypeError
from klachtrecht.i18n._catalogs import _catalog, _lookup, label
from klachtrecht.i18n._formats import format_date

__all__ = ["ERROR_CODES", "error_code", "render_error"]

#: Error codes with a message template in the catalogs (context ``error``), and
#: the parameters each template uses.
ERROR_CODES: dict[str, tuple[str, ...]] = {
    "event_not_allowed": ("case_id", "state", "event", "allowed"),
    "guard_refused": ("case_id", "state", "event", "reason", "source"),
    "invalid_event_data": ("case_id", "state", "event", "problem"),
    "version_conflict": ("case_id", "state", "event", "expected", "actual"),
}

#: For errors without a ``code`` attribute: the class name, its code and the
#: attributes that hold its parameters besides case_id, state and event.
_BY_CLASS: dict[str, tuple[str, tuple[str, ...]]] = {
    "EventNotAllowedError": ("event_not_allowed", ("allowed",)),
    "GuardError": ("guard_refused", ("reason", "source")),
    "EventDataError": ("invalid_event_data", ("problem",)),
    "VersionConflictError": ("version_conflict", ("expected", "actual")),
}
_CASE = ("case_id", "state", "event")


def error_code(exc: BaseException) -> tuple[str | None, dict[str, object]]:
    """The ``(code, params)`` of an error: its own, or for a case error without
    a code, read from its attributes; ``(None, {})`` when it has none."""
    code = getattr(exc, "code", None)
    params = getattr(exc, "params", None)
    if not isinstance(code, str):
        legacy = next(
            (
                _BY_CLASS[cls.__name__]
                for cls in type(exc).__mro__
                if cls.__name__ in _BY_CLASS
                and cls.__module__.startswith("klachtrecht.")
            ),
            None,
        )
        if legacy is None:
            return None, {}
        code, names = legacy
        params = {n: getattr(exc, n) for n in (*_CASE, *names) if hasattr(exc, n)}
    return code, dict(params) if isinstance(params, Mapping) else {}


def render_error(
    exc: BaseException, lang: str = "nl", *, regime: str | None = None
) -> str:
    """The message of ``exc`` in ``lang``, from its ``code`` and ``params``.

    With ``regime``, states and events show their labels in that regime
    (``'Klacht in behandeling'``); without it, their codes. Falls back to
    ``str(exc)`` when the error has no code, the catalog of ``lang`` has no
    text for it, or a parameter the text needs is missing. An unknown
    language raises :class:`UnknownLanguageError`, as :func:`label` does.
    """
    if not isinstance(exc, BaseException):
        raise ArgumentTypeError(f"exc must be an exception, got {type(exc).__name__}")
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    _catalog(lang)  # an unknown language is refused, also when falling back
    code, params = error_code(exc)
    if code is None:
        return str(exc)
    template = _lookup(lang, "error", code)
    if template is None:
        return str(exc)
    try:  # a portal's catalog may hold a malformed text: never raise for it
        needed = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        if not needed <= set(params):
            return str(exc)
        values = _formatted(params, needed, lang, regime)
        return str(exc) if values is None else template.format_map(values)
    except (ValueError, LookupError, TypeError):
        return str(exc)


def _formatted(
    params: Mapping[str, object], needed: set[str], lang: str, regime: str | None
) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for name in needed:
        value = params[name]
        if name in ("state", "event") and isinstance(value, str):
            shown = (
                value
                if regime is None
                else label(name, value, lang=lang, regime=regime)
            )
            out[name] = repr(shown)
        elif name == "allowed" and isinstance(value, Iterable):
            if isinstance(value, str):
                return None
            events = [str(v) for v in value]
            if regime is not None:
                events = [label("event", v, lang=lang, regime=regime) for v in events]
            none = _lookup(lang, "error_part", "none_allowed")
            if not events and none is None:
                return None
            out[name] = ", ".join(events) or str(none)
        elif name == "case_id" and isinstance(value, str):
            out[name] = repr(value)
        elif name in ("reason", "problem") and isinstance(value, str):
            out[name] = _lookup(lang, "error_reason", value) or value
        elif isinstance(value, date):
            out[name] = format_date(value, lang=lang, style="short")
        elif isinstance(value, (str, int)):
            out[name] = str(value)
        else:
            return None
    return out
