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

The package is split by concern: ``_catalogs`` (catalogs and labels),
``_entries`` (what a complete catalog holds), ``_render`` (messages as code and
parameters), ``_error_text`` (error messages) and ``_formats`` (dates,
numbers, terms); import from ``klachtrecht.i18n``, not from those modules.

Errors render in Dutch from their ``code`` and ``params``
(:func:`render_error`); without a text for them, ``str(exc)``.
"""

from __future__ import annotations

from klachtrecht.i18n._catalogs import (
    DOMAIN,
    LOCALEDIR,
    UnknownLanguageError,
    has_label,
    label,
    languages,
    register_catalog,
    unregister_catalogs,
)
from klachtrecht.i18n._entries import (
    MESSAGE_CODES,
    PARTY_CAPACITIES,
    REGIME_CHOICE_FIELDS,
    TERM_UNITS,
    catalog_entries,
    missing_labels,
)
from klachtrecht.i18n._error_text import ERROR_CODES, render_error
from klachtrecht.i18n._formats import format_date, format_number, format_term
from klachtrecht.i18n._render import render

# i18n._lookup stays reachable (private; used by the test-suite)
from klachtrecht.i18n._catalogs import _lookup as _lookup  # isort: skip

__all__ = [
    "DOMAIN",
    "ERROR_CODES",
    "LOCALEDIR",
    "MESSAGE_CODES",
    "PARTY_CAPACITIES",
    "REGIME_CHOICE_FIELDS",
    "TERM_UNITS",
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
    "render_error",
    "unregister_catalogs",
]

# Errors raised here read as klachtrecht.i18n.UnknownLanguageError.
UnknownLanguageError.__module__ = __name__
