"""Labels and messages in Dutch and English: gettext catalogs, dates and terms.

Codes stay stable English identifiers (they are stored); what a person reads is
looked up here. Every user-visible code has a label in the shipped catalogs
(``locale/<lang>/LC_MESSAGES/klachtrecht.mo``, read with the standard library's
:mod:`gettext`; Babel is only the tool that maintains them, see
docs/languages.md):

>>> label("status", "missed")
'verstreken'
>>> label("state", "submitted", regime="wkkgz")
'Klacht in behandeling'
>>> label("choice:outcome", "partly_upheld", lang="en")
'partly upheld'

Dates and terms are written without the process locale:

>>> from datetime import date
>>> format_date(date(2026, 5, 18))
'maandag 18 mei 2026'
>>> format_term(weeks=6)
'zes weken'

A portal adds or overrides a language with :func:`register_catalog`; an unknown
language raises :class:`UnknownLanguageError`, naming the available ones.
"""

from __future__ import annotations

import gettext
import itertools
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from klachtrecht._capacities import CAPACITIES
from klachtrecht._errors import ArgumentTypeError, KlachtrechtError

if TYPE_CHECKING:
    from klachtrecht.deadlines import Term

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "UnknownLanguageError",
    "catalog_entries",
    "format_date",
    "format_number",
    "format_term",
    "has_label",
    "label",
    "languages",
    "missing_labels",
    "register_catalog",
    "render",
    "unregister_catalogs",
]

#: The gettext domain of klachtrecht's catalogs.
DOMAIN: Final = "klachtrecht"
#: The shipped catalogs: ``LOCALEDIR/<lang>/LC_MESSAGES/klachtrecht.mo``.
LOCALEDIR: Final = Path(__file__).parent / "locale"


class UnknownLanguageError(KlachtrechtError, LookupError):
    """No catalog (or date table) is available for the requested language."""


# -- catalogs -------------------------------------------------------------------

_lock = threading.Lock()
_registered: dict[str, list[Path]] = {}
_loaded: dict[str, gettext.NullTranslations] = {}


def _shipped() -> set[str]:
    return {p.parent.parent.name for p in LOCALEDIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}


def languages() -> tuple[str, ...]:
    """The languages with a catalog: shipped (``en``, ``nl``) or registered."""
    return tuple(sorted(_shipped() | set(_registered)))


def register_catalog(lang: str, path: str | Path) -> None:
    """Add or override the catalog of ``lang`` without forking klachtrecht.

    ``path`` is a compiled catalog (a ``.mo`` file) or a locale directory
    holding ``<lang>/LC_MESSAGES/klachtrecht.mo``. Its messages take precedence;
    for anything it lacks, the shipped catalog of ``lang`` (if any) answers.
    Registering again for the same language adds another, stronger layer.
    """
    _check_lang(lang)
    file = Path(path)
    if file.is_dir():
        file = file / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not file.is_file():
        raise UnknownLanguageError(
            "no compiled catalog at the given path (expected a .mo file or "
            f"<dir>/<lang>/LC_MESSAGES/{DOMAIN}.mo)"
        )
    with _lock:
        _registered.setdefault(lang, []).append(file)
        _loaded.pop(lang, None)
        _translate.cache_clear()


_LANG = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")


def _check_lang(lang: object) -> None:
    if not isinstance(lang, str):
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if not _LANG.fullmatch(lang):
        raise UnknownLanguageError(
            f"not a language code; available: {', '.join(languages())}"
        )


def unregister_catalogs(lang: str | None = None) -> None:
    """Forget the catalogs registered for ``lang`` (all languages when None);
    the shipped catalogs stay."""
    with _lock:
        if lang is None:
            _registered.clear()
        else:
            _registered.pop(lang, None)
        _loaded.clear()
        _translate.cache_clear()


def _catalog(lang: str) -> gettext.NullTranslations:
    found = _loaded.get(lang)
    if found is not None:
        return found
    _check_lang(lang)
    with _lock:
        layers: list[gettext.NullTranslations] = []
        for file in reversed(_registered.get(lang, [])):
            with file.open("rb") as handle:
                layers.append(gettext.GNUTranslations(handle))
        shipped = LOCALEDIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if shipped.is_file():
            with shipped.open("rb") as handle:
                layers.append(gettext.GNUTranslations(handle))
        if not layers:
            raise UnknownLanguageError(
                "no catalog for the requested language; available: "
                f"{', '.join(languages())} (add one with register_catalog)"
            )
        for upper, lower in itertools.pairwise(layers):
            upper.add_fallback(lower)
        _loaded[lang] = layers[0]
        return layers[0]


_SEP = "\x04"  # gettext's context separator


def _lookup(lang: str, context: str, code: str) -> str | None:
    """The catalog text of ``code`` in ``context``, or None when missing."""
    return _translate(lang, context, code)


@lru_cache(maxsize=4096)
def _translate(lang: str, context: str, code: str) -> str | None:
    if not _has(lang, context, code):
        return None
    return _catalog(lang).pgettext(context, code)


def _has(lang: str, context: str, code: str) -> bool:
    cat: gettext.NullTranslations | None = _catalog(lang)
    key = f"{context}{_SEP}{code}"
    while cat is not None:
        if key in getattr(cat, "_catalog", {}):
            return True
        cat = getattr(cat, "_fallback", None)
    return False


def label(kind: str, code: str, *, lang: str = "nl", regime: str | None = None) -> str:
    """The display label of ``code`` of ``kind`` in ``lang``.

    Kinds: ``state`` and ``event`` (pass ``regime``: the same id may read
    differently per regime), ``role``, ``status``, ``term_kind``, ``term_unit``,
    ``component``, ``provider_kind``, ``basis`` and ``choice:<field>`` for the
    codes a field accepts (``choice:outcome``, ``choice:capacity``, ...). A
    regime-specific text (context ``<regime>:<kind>``) wins over a general one.
    A code without a label comes back unchanged (see :func:`missing_labels`).
    """
    if not isinstance(kind, str) or not isinstance(code, str):
        raise ArgumentTypeError("kind and code must be str")
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if regime is not None:
        found = _lookup(lang, f"{regime}:{kind}", code)
        if found is not None:
            return found
    found = _lookup(lang, kind, code)
    return code if found is None else found


def has_label(
    kind: str, code: str, *, lang: str = "nl", regime: str | None = None
) -> bool:
    """Whether :func:`label` finds a text for ``code`` (not just the code)."""
    if type(lang) is not str:
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    if regime is not None and _has(lang, f"{regime}:{kind}", code):
        return True
    return _has(lang, kind, code)


def catalog_entries() -> Iterator[tuple[str, str, str]]:
    """Every ``(context, code, default)`` a complete catalog translates.

    Built from the registered regimes (states, events and every field's
    choices, via :func:`klachtrecht.regime`), the enums and the message codes;
    ``default`` is the Dutch text the definition itself carries, or ``""``.
    The maintenance script extracts the template catalog from this, and the
    test-suite checks the shipped catalogs against it.
    """
    from klachtrecht import REGIMES, regime  # noqa: PLC0415 - avoid a cycle
    from klachtrecht._case import Role, Status  # noqa: PLC0415
    from klachtrecht.affiliations import Basis, Component, ProviderKind  # noqa: PLC0415
    from klachtrecht.deadlines import TermKind  # noqa: PLC0415

    seen: set[tuple[str, str]] = set()

    def once(context: str, code: str, default: str) -> Iterator[tuple[str, str, str]]:
        if (context, code) not in seen:
            seen.add((context, code))
            yield context, code, default

    for name in sorted(REGIMES):
        reg = regime(name)
        for state in reg.states:
            yield from once(f"{name}:state", state.id, state.label)
        for event in (reg.open_event, *reg.events):
            yield from once(f"{name}:event", event.id, event.label)
            for field in event.fields:
                for choice in field.choices:
                    yield from once(f"choice:{field.name}", choice, "")
    for role in Role:
        yield from once("role", role.value, role.label)
    for enum_kind, members in (
        ("status", Status),
        ("term_kind", TermKind),
        ("provider_kind", ProviderKind),
    ):
        for member in members:
            yield from once(enum_kind, member.value, "")
    for component in Component:
        yield from once("component", component.value, component.label)
    for basis in Basis:
        yield from once("basis", basis.value, basis.label)
    for unit in TERM_UNITS:
        yield from once("term_unit", unit, "")
    for capacity in PARTY_CAPACITIES:
        yield from once("choice:capacity", capacity, "")
    for context, codes in MESSAGE_CODES.items():
        for code in codes:
            yield from once(context, code, "")


def missing_labels(lang: str = "nl") -> tuple[str, ...]:
    """Every ``context/code`` of :func:`catalog_entries` without a text in
    ``lang`` (empty when the catalog is complete)."""
    return tuple(
        f"{context}/{code}"
        for context, code, _ in catalog_entries()
        if not _has(lang, context, code)
    )


#: Units of a term (klachtrecht.deadlines.Term.unit).
TERM_UNITS: Final = ("years", "months", "weeks", "days", "working_days", "agreed")
#: The one capacity vocabulary of every regime (klachtrecht._capacities).
PARTY_CAPACITIES: Final = tuple(CAPACITIES)
#: Codes of messages rendered from parameters, by context.
MESSAGE_CODES: Final[Mapping[str, tuple[str, ...]]] = {
    "step": (
        "agreed_start",
        "agreed_due",
        "start",
        "start_source",
        "working_days",
        "plain_end_months",
        "plain_end_weeks",
        "plain_end_days",
        "due",
        "due_excluded",
        "free_day",
        "atw_1",
        "atw_2",
        "provisional",
    ),
    "atw_exclusion": ("non_statutory", "years", "months", "weeks", "days"),
    "free_day": ("saturday", "sunday", "holiday", "holiday_lower", "and"),
    "finding": ("met", "late", "pending", "missed", "line"),
}


# -- rendering messages ---------------------------------------------------------


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


# -- dates, numbers and terms ---------------------------------------------------

_WEEKDAYS: Final = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
           "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
           "Sunday"),
}  # fmt: skip
_SHORT_WEEKDAYS: Final = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_MONTHS: Final = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"),
}  # fmt: skip


def _table_lang(lang: object) -> str:
    if lang in _WEEKDAYS:
        assert isinstance(lang, str)
        return lang
    if not isinstance(lang, str):
        raise ArgumentTypeError(f"lang must be a str, got {type(lang).__name__}")
    raise UnknownLanguageError(
        "no date and number tables for the requested language; available: "
        f"{', '.join(sorted(_WEEKDAYS))}"
    )


def format_date(day: date, *, lang: str = "nl", style: str = "long") -> str:
    """A calendar date in words, independent of the process locale.

    ``style``: ``long`` (``maandag 18 mei 2026``), ``short`` (``ma 18 mei
    2026``; in English ``Mon 18 May 2026``, as in the deadline trail) or
    ``date`` (``18 mei 2026``).

    >>> format_date(date(2026, 5, 18), lang="en")
    'Monday 18 May 2026'
    >>> format_date(date(2026, 5, 18), style="date")
    '18 mei 2026'
    """
    if not isinstance(day, date):
        raise ArgumentTypeError(f"day must be a date, got {type(day).__name__}")
    lang = _table_lang(lang)
    month = _MONTHS[lang][day.month - 1]
    if style == "date":
        return f"{day.day} {month} {day.year}"
    if style == "short":
        shown = month[:3] if lang == "en" else month
        return f"{_SHORT_WEEKDAYS[lang][day.weekday()]} {day.day} {shown} {day.year}"
    if style == "long":
        return f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {month} {day.year}"
    raise ArgumentTypeError("style must be 'long', 'short' or 'date'")


_NL_UNITS: Final = (
    "nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
    "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
    "zeventien", "achttien", "negentien",
)  # fmt: skip
_NL_TENS: Final = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig",
                   "zeventig", "tachtig", "negentig")  # fmt: skip
_EN_UNITS: Final = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_EN_TENS: Final = ("", "", "twenty", "thirty", "forty", "fifty", "sixty",
                   "seventy", "eighty", "ninety")  # fmt: skip


def _nl_words(n: int) -> str:
    if n < 20:
        return _NL_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        if not unit:
            return _NL_TENS[tens]
        word = _NL_UNITS[unit]
        joiner = "ën" if word.endswith("e") else "en"  # tweeëntwintig
        return f"{word}{joiner}{_NL_TENS[tens]}"
    hundreds, rest = divmod(n, 100)
    head = "honderd" if hundreds == 1 else f"{_NL_UNITS[hundreds]}honderd"
    return head + (_nl_words(rest) if rest else "")


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_EN_UNITS[hundreds]} hundred"
    return head + (f" and {_en_words(rest)}" if rest else "")


def format_number(n: int, *, lang: str = "nl") -> str:
    """A whole number in words up to 999 (digits beyond), as terms need.

    >>> format_number(42), format_number(22), format_number(1)
    ('tweeënveertig', 'tweeëntwintig', 'één')
    >>> format_number(42, lang="en")
    'forty-two'
    """
    if type(n) is not int:
        raise ArgumentTypeError(f"n must be an int, got {type(n).__name__}")
    lang = _table_lang(lang)
    if not 0 <= n <= 999:
        return str(n)
    if lang == "nl":
        return "één" if n == 1 else _nl_words(n)
    return _en_words(n)


_UNIT_WORDS: Final = {
    "nl": {
        "years": ("jaar", "jaar"),
        "months": ("maand", "maanden"),
        "weeks": ("week", "weken"),
        "days": ("dag", "dagen"),
        "working_days": ("werkdag", "werkdagen"),
        "agreed": ("dag (afgesproken datum)", "dagen (afgesproken datum)"),
    },
    "en": {
        "years": ("year", "years"),
        "months": ("month", "months"),
        "weeks": ("week", "weeks"),
        "days": ("day", "days"),
        "working_days": ("working day", "working days"),
        "agreed": ("day (agreed date)", "days (agreed date)"),
    },
}


def _term_text(amount: int, unit: str, lang: str, *, words: bool) -> str:
    lang = _table_lang(lang)
    singular, plural = _UNIT_WORDS[lang][unit]
    count = format_number(amount, lang=lang) if words else str(amount)
    return f"{count} {singular if amount == 1 else plural}"


def format_term(
    term: Term | None = None,
    *,
    years: int = 0,
    months: int = 0,
    weeks: int = 0,
    days: int = 0,
    working_days: int = 0,
    lang: str = "nl",
    words: bool = True,
) -> str:
    """A term in words: ``format_term(weeks=6)`` is ``'zes weken'``.

    Give a :class:`~klachtrecht.deadlines.Term` or exactly one unit.
    ``words=False`` writes the number in digits (``6 weken``).

    >>> format_term(weeks=4, lang="en"), format_term(months=1)
    ('four weeks', 'één maand')
    """
    if term is not None:
        return _term_text(term.amount, term.unit, lang, words=words)
    given = {
        unit: amount
        for unit, amount in (
            ("years", years),
            ("months", months),
            ("weeks", weeks),
            ("days", days),
            ("working_days", working_days),
        )
        if amount
    }
    if len(given) != 1:
        raise ArgumentTypeError("give a Term or exactly one unit")
    ((unit, amount),) = given.items()
    if type(amount) is not int or amount < 0:
        raise ArgumentTypeError(f"{unit} must be a non-negative int")
    return _term_text(amount, unit, lang, words=words)
