"""The letters of Awb titel 9.1, the Wvggz and the Wzd.

Rendered only from the facts the case holds: the Awb kennisgeving (art. 9:12)
takes the ombudsman and the term the orgaan recorded with ``conclude``; the
decision letter of the klachtencommissie (Wvggz art. 10:6, Wzd art. 56b) names
the verzoekschrift term only when the regime's deadlines compute it (after the
decision was communicated to the indiener, ``notify``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from klachtrecht._case import Case, Role
from klachtrecht.i18n import format_term
from klachtrecht.letters import _Need, register_letter

if TYPE_CHECKING:
    from klachtrecht._engine import Regime

#: Which ombudsman (Awb art. 9:17 sub a-b), as the kennisgeving names it.
OMBUDSMAN_TEXT = {
    "national": "de Nationale ombudsman",
    "decentral": (
        "de ombudsman of ombudscommissie die voor ons bestuursorgaan is ingesteld "
        "krachtens de Gemeentewet, de Provinciewet, de Waterschapswet of de Wet "
        "gemeenschappelijke regelingen"
    ),
}


def _awb_receipt(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    from klachtrecht.regimes._awb import first_term  # noqa: PLC0415

    record = need.record("submit_klaagschrift")
    # the term of art. 9:11 lid 1 before any verdaging, as the regime counts it
    term = first_term(case, reg.calendar)
    return {
        "received_on": record.day,
        "weeks": format_term(weeks=term.term.amount),
        "due": term.due,
        "adviseur": bool(case.settings.advisory_procedure),
    }


def _awb_conclusion(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("conclude")
    data = record.data
    ombudsman = need(data.get("ombudsman"), "the ombudsman (field 'ombudsman')")
    follows = data.get("follows_advice")
    return {
        "concluded_on": record.day,
        "findings": need(data.get("findings"), "the findings (field 'findings')"),
        "judgment": need(data.get("judgment"), "the oordeel (field 'judgment')"),
        "reasons": need(data.get("reasons"), "the reasons (field 'reasons')"),
        "conclusions": data.get("conclusions"),
        "ombudsman": need(OMBUDSMAN_TEXT.get(ombudsman), "a known ombudsman"),
        "ombudsman_until": need(
            data.get("ombudsman_until"),
            "the term for the ombudsman (field 'ombudsman_until')",
        ),
        "follows_advice": follows,
        "deviation_reasons": (
            need(data.get("deviation_reasons"), "the reasons for the deviation")
            if follows is False
            else None
        ),
        "advice_enclosed": bool(data.get("advice_enclosed")),
    }


def _dwang_decision(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    from klachtrecht.regimes import wvggz, wzd  # noqa: PLC0415
    from klachtrecht.regimes._dwang_events import (  # noqa: PLC0415
        ANNULMENT_LABELS,
        OUTCOME_LABELS,
    )

    statute = wvggz.STATUTE if case.regime == "wvggz" else wzd.STATUTE
    record = need.record("decide")
    data = record.data
    outcome = need(OUTCOME_LABELS.get(data.get("outcome", "")), "the outcome")
    capacity = case.facts.capacity
    # the six weeks of the indiener, from the regime's deadlines (after notify)
    petition_due = next(
        (d.due for d in reg.deadlines(case) if d.key == f"petition_{capacity}"),
        None,
    )
    annulment = data.get("annulment")
    return {
        "law": statute.law,
        "outcome_article": statute.cite("outcome", "notify"),
        "petition_article": statute.cite("petition", "petition_term"),
        "decided_on": record.day,
        "outcome": outcome,
        "reasons": need(data.get("reasons"), "the reasons (field 'reasons')"),
        "annulment": ANNULMENT_LABELS.get(annulment) if annulment else None,
        "order": data.get("order"),
        "order_until": data.get("order_until"),
        "damages": data.get("damages_awarded"),
        "petition_due": petition_due,
    }


register_letter(
    "awb",
    "ontvangstbevestiging",
    subject="Ontvangstbevestiging van uw klaagschrift",
    basis=(
        "Awb art. 9:6 (bij afdeling 9.1.3: art. 9:15 lid 1); termijn: art. 9:11 lid 1"
    ),
    build=_awb_receipt,
    sender=Role.BESTUURSORGAAN,
)
register_letter(
    "awb",
    "conclusie",
    subject="Afhandeling van uw klacht",
    basis="Awb art. 9:12 (bij afdeling 9.1.3: art. 9:16); ombudsman: art. 9:17, 9:24",
    build=_awb_conclusion,
    sender=Role.BESTUURSORGAAN,
)
register_letter(
    "wvggz",
    "beslissing",
    subject="Beslissing van de klachtencommissie op uw klacht",
    basis="Wvggz art. 10:5 lid 2, art. 10:6; verzoekschrift: art. 10:7",
    build=_dwang_decision,
)
register_letter(
    "wzd",
    "beslissing",
    subject="Beslissing van de klachtencommissie op uw klacht",
    basis="Wzd art. 56a lid 2, art. 56b; verzoekschrift: art. 56c",
    build=_dwang_decision,
)
