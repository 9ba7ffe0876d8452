"""What a complete catalog translates: every user-visible code."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import Final

from klachtrecht._capacities import CAPACITIES
from klachtrecht.i18n._catalogs import _has
from klachtrecht.i18n._error_text import ERROR_CODES

__all__ = [
    "MESSAGE_CODES",
    "PARTY_CAPACITIES",
    "REGIME_CHOICE_FIELDS",
    "TERM_UNITS",
    "catalog_entries",
    "missing_labels",
]


def catalog_entries() -> Iterator[tuple[str, str, str]]:
    """Every ``(context, code, default)`` a complete catalog translates.

    Built from the registered regimes (states, events, every field's choices
    and its ``Field.doc`` as ``<event>.<field>`` in the context
    ``<regime>:doc``, via :func:`klachtrecht.regime`; a regime module's optional
    ``CHOICE_LABELS``, ``{field: {code: Dutch label}}``, adds regime-specific
    choice texts in the context ``<regime>:choice:<field>``; the fields of
    :data:`REGIME_CHOICE_FIELDS` have their codes only there), the enums, the
    action statuses and change kinds (contexts ``action`` and ``change``) and
    the message codes; ``default`` is the Dutch text the definition or the
    regime module itself carries, or ``""``.
    The maintenance script extracts the template catalog from this, and the
    test-suite checks the shipped catalogs against it.
    """
    from klachtrecht import REGIMES, regime  # noqa: PLC0415 - avoid a cycle
    from klachtrecht._actions import ACTION_LABELS  # noqa: PLC0415
    from klachtrecht._case import Role, Status  # noqa: PLC0415
    from klachtrecht.affiliations import Basis, Component, ProviderKind  # noqa: PLC0415
    from klachtrecht.changes import CHANGE_LABELS  # noqa: PLC0415
    from klachtrecht.deadlines import TermKind  # noqa: PLC0415

    seen: set[tuple[str, str]] = set()

    def once(context: str, code: str, default: str) -> Iterator[tuple[str, str, str]]:
        if (context, code) not in seen:
            seen.add((context, code))
            yield context, code, default

    for name in sorted(REGIMES):
        reg = regime(name)
        own_fields = REGIME_CHOICE_FIELDS.get(name, frozenset())
        for state in reg.states:
            yield from once(f"{name}:state", state.id, state.label)
        for event in (reg.open_event, *reg.events):
            yield from once(f"{name}:event", event.id, event.label)
            for field in event.fields:
                prefix = f"{name}:" if field.name in own_fields else ""
                for choice in field.choices:
                    yield from once(f"{prefix}choice:{field.name}", choice, "")
                if field.doc:
                    yield from once(f"{name}:doc", f"{event.id}.{field.name}", "")
        own = getattr(import_module(REGIMES[name]), "CHOICE_LABELS", {})
        for field_name, labels in own.items():
            for choice, text in labels.items():
                yield from once(f"{name}:choice:{field_name}", choice, text)
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
    for code, text in ACTION_LABELS.items():
        yield from once("action", code, text)
    for code, text in CHANGE_LABELS.items():
        yield from once("change", code, text)
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


#: Choice fields whose codes mean something else in a regime than in the
#: general context ``choice:<field>``: their codes have a text only in
#: ``<regime>:choice:<field>`` (pass ``regime`` to :func:`label`). The letters
#: ``a``-``c`` of ``choice:ground`` are the grounds of Wkkgz art. 21 lid 1;
#: in the ``awb`` regime they are those of Awb art. 9:10 lid 2 (and ``1a``-``2``
#: those of art. 9:8), in the ``ombudsman`` regime ``a``-``f`` are those of Awb
#: art. 9:22 (and ``23a``-``24`` those of art. 9:23 and 9:24).
REGIME_CHOICE_FIELDS: Final[Mapping[str, frozenset[str]]] = {
    "awb": frozenset({"ground"}),
    "ombudsman": frozenset({"ground"}),
}
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
    "error": tuple(ERROR_CODES),
    "error_part": ("none_allowed",),
}
