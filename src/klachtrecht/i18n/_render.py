"""Messages as data: a code and its parameters, rendered per language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from klachtrecht.errors import ArgumentTypeError
from klachtrecht.i18n._catalogs import _lookup
from klachtrecht.i18n._formats import _term_text, format_date

__all__ = ["render"]


def render(context: str, code: str, params: Mapping[str, object], lang: str) -> str:
    """The message ``code`` of ``context`` in ``lang``, filled with ``params``.

    Parameters are formatted for the language first: a :class:`~datetime.date`
    with :func:`format_date` (``short`` style), ``amount`` and ``unit`` together
    as ``{term}``, and the parts of a free day (``weekend``, ``holidays``) as
    ``{what}``. A missing text falls back to the English catalog.
    """
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    template = _lookup(lang, context, code)
    if template is None:
        template = _lookup("en", context, code) or code
    return template.format_map(_formatted(params, lang))


def _formatted(params: Mapping[str, object], lang: str) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in params.items():
        out[key] = (
            format_date(value, lang=lang, style="short")
            if isinstance(value, date)
            else value
        )
    if "unit" in params and "amount" in params:
        amount, unit = params["amount"], params["unit"]
        assert isinstance(amount, int)
        assert isinstance(unit, str)
        out["term"] = _term_text(amount, unit, lang, words=lang != "en")
    if "weekend" in params or "holidays" in params:
        out["what"] = _free_day(params, lang)
    if "exclusion" in params:
        out["exclusion"] = render("atw_exclusion", str(params["exclusion"]), {}, lang)
    return out


def _free_day(params: Mapping[str, object], lang: str) -> str:
    parts: list[str] = []
    weekend = params.get("weekend")
    if weekend:
        parts.append(render("free_day", str(weekend), {}, lang))
    holidays = params.get("holidays", ())
    assert isinstance(holidays, Iterable)
    for name, source in holidays:
        code = "holiday_lower" if str(name).islower() else "holiday"
        parts.append(render("free_day", code, {"name": name, "source": source}, lang))
    joiner = render("free_day", "and", {}, lang)
    return f" {joiner} ".join(parts)
