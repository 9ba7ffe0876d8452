"""Dates, numbers and terms in words, without the process locale."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from klachtrecht.errors import ArgumentTypeError
from klachtrecht.i18n._catalogs import UnknownLanguageError

if TYPE_CHECKING:
    from klachtrecht.deadlines import Term

__all__ = ["format_date", "format_number", "format_term"]

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
