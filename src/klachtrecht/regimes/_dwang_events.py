"""The events of the compulsory-care klachtrecht (Wvggz hoofdstuk 10, Wzd
art. 53-56g), their fields and labels: the event specs that
:func:`klachtrecht.regimes._dwang.build` puts in each statute's definition."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from klachtrecht._case import Role
from klachtrecht._definition import EventSpec, Field

if TYPE_CHECKING:
    from klachtrecht.regimes._dwang import Statute


_K, _P, _C = Role.KLAGER, Role.PROVIDER, Role.KLACHTENCOMMISSIE

#: The role of the rechter's acts: only ``Role.RECHTER``, as the acts of the
#: geschilleninstantie and the ombudsman are theirs. A party that learns the
#: decision from the griffie's afschrift (10:10 lid 6, 56f lid 6) records it
#: ``by=Role.RECHTER``; neither party nor the commissie acts for the court.
COURT_ACTORS = frozenset({Role.RECHTER})

#: Codes of the decision of the commissie (10:6 lid 1) and the rechter (10:10
#: lid 1), with their Dutch labels.
OUTCOME_LABELS = {
    "no_jurisdiction": "onbevoegdverklaring",
    "inadmissible": "niet-ontvankelijkverklaring",
    "unfounded": "ongegrondverklaring",
    "founded": "gegrondverklaring",
}
#: Who the commissie gives the opportunity to be heard (10:4 lid 2 sub b; the
#: zorgaanbieder before damages, 10:11 lid 3), with Dutch labels.
HEARING_SIDES = {
    "klager": "klager",
    "beklaagde": "degene tegen wiens beslissing de klacht is gericht",
    "zorgaanbieder": "zorgaanbieder",
}
CONCERNS_LABELS = {
    "decision": "beslissing",
    "obligation": "nakoming van een verplichting",
}
ANNULMENT_LABELS = {"whole": "geheel vernietigd", "partial": "gedeeltelijk vernietigd"}
_TEXT = (str,)
_MONEY = (Decimal,)


def _choice(name: str, labels: dict[str, str], doc: str) -> Field:
    return Field(name, _TEXT, choices=tuple(labels), doc=doc)


def _events(s: Statute) -> tuple[EventSpec, ...]:
    decision = (
        _choice("outcome", OUTCOME_LABELS, "the decision (lid 1)"),
        Field("reasons", _TEXT, personal=True, doc="schriftelijk en gemotiveerd"),
        Field(
            "annulment",
            _TEXT,
            required=False,
            choices=tuple(ANNULMENT_LABELS),
            doc="geheel or gedeeltelijk vernietigd",
        ),
        Field("order", _TEXT, required=False, personal=True, doc="opdracht"),
        Field("order_until", (date,), required=False, doc="term set for the opdracht"),
        Field("damages_awarded", _MONEY, required=False, doc="euros, naar billijkheid"),
    )
    return (
        EventSpec(
            "hear",
            "Gelegenheid gehoord te worden",
            s.cite("hearing", "damages_hear"),
            frozenset({_C}),
            (
                _choice("side", HEARING_SIDES, "who had the opportunity"),
                Field("assisted", (bool,), required=False, doc="bijstand (sub d)"),
            ),
        ),
        EventSpec(
            "effect_lapsed",
            "Gevolg vervallen",
            s.cite("decide_4w"),
            frozenset({_C, _K, _P}),
            (Field("at_filing", (bool,), doc="no effect already when filed"),),
        ),
        EventSpec(
            "measure_content",
            "Klacht betreft de maatregel als zodanig",
            s.cite("content"),
            frozenset({_C}),
        ),
        EventSpec(
            "suspend",
            "Geschorst door klachtencommissie",
            s.cite("suspend"),
            frozenset({_C}),
        ),
        EventSpec(
            "put_aside",
            "Buiten behandeling gelaten",
            s.cite("set_aside"),
            frozenset({_C}),
            (Field("other_case", _TEXT, doc="the pending gelijke klacht (case id)"),),
        ),
        EventSpec(
            "decide",
            "Beslissing klachtencommissie",
            s.cite("outcome", "annul", "order", "damages_commissie"),
            frozenset({_C}),
            decision,
        ),
        EventSpec(
            "notify",
            "Beslissing meegedeeld",
            s.cite("notify"),
            frozenset({_C}),
            (_choice("to", s.recipients, "to whom (lid 6)"),),
        ),
        EventSpec(
            "petition",
            "Verzoekschrift ingediend",
            s.cite("petition", "damages_court"),
            frozenset({_K, _P}),
            (
                _choice("petitioner", s.petitioners, "who files"),
                Field(
                    "petition", _TEXT, personal=True, doc="schriftelijk en gemotiveerd"
                ),
                Field("damages_claimed", _MONEY, required=False, doc="euros"),
            ),
        ),
        EventSpec(
            "court_hear",
            "Gehoord door de rechter",
            s.cite("court_hear"),
            COURT_ACTORS,
            (_choice("side", s.court_sides, "who had the opportunity"),),
        ),
        EventSpec(
            "court_suspend",
            "Geschorst door de rechter",
            s.cite("court_suspend"),
            COURT_ACTORS,
        ),
        EventSpec(
            "court_damages",
            "Schadevergoeding door de rechter",
            s.cite("damages_court", "damages_hear"),
            COURT_ACTORS,
            (Field("damages_awarded", _MONEY, doc="euros, naar billijkheid"),),
        ),
        EventSpec(
            "court_decide",
            "Beslissing rechter",
            s.cite("court_outcome", "court_annul", "court_order", "no_appeal"),
            COURT_ACTORS,
            (
                *decision,
                Field(
                    "substitute", (bool,), required=False, doc="uitspraak in de plaats"
                ),
                Field("penalty", _MONEY, required=False, doc="dwangsom, euros"),
            ),
        ),
        EventSpec(
            "archive",
            "Afgesloten na termijn",
            f"{s.cite('petition_term')} (the term passed for every verzoeker)",
            frozenset({_C, _P}),
        ),
        EventSpec(
            "withdraw", "Ingetrokken", WITHDRAWAL.format(law=s.law), frozenset({_K, _P})
        ),
    )


WITHDRAWAL = "not regulated in the {law} (practice of the commissie and the court)"
