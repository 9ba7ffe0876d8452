"""Klachtenloket Paramedici, werkwijze: which complaints the loket takes on.

Official name: werkwijze of the Klachtenloket Paramedici (KLP), a Wkkgz
klachtenregeling (Wkkgz, BWBR0037173, art. 13).

More information:
https://www.kwaliteitsregisterparamedici.nl/klp/default.aspx
Seed: klachtenloket-paramedici.txt (werkwijze).

The intake guards of :mod:`klachtrecht.regimes.klp`: only a paramedicus who is a
member of the beroepsvereniging with a valid kwaliteitsregistratie is covered;
a complaint is declined as too old only when the event really lies beyond the
regeling's age limit; the closing letter states agreements or measures.
"""

from __future__ import annotations

from typing import Any

from klachtrecht._case import Case, EventRecord
from klachtrecht.deadlines import AtwCalendar
from klachtrecht.regimes._geschillenregeling_paramedici import age_limit

__all__ = ["TERMS", "WERKWIJZE", "guard_admit", "guard_decline", "guard_letter"]

WERKWIJZE = "Klachtenloket Paramedici, werkwijze"
TERMS = "Klachtenregeling KLP, per member practice pages (law.md §7; UNCONFIRMED)"


def _after_filing(facts: Any) -> str | None:
    """Why the filing is impossible: the event lies after it."""
    if facts.event_on > facts.filed_on:
        return (
            f"the event complained about ({facts.event_on.isoformat()}) lies after "
            f"the filing ({facts.filed_on.isoformat()})"
        )
    return None


def guard_admit(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if not record.data["member"]:
        return (
            "the paramedicus is not a member of the beroepsvereniging, so the KLP "
            f"does not cover the complaint ({WERKWIJZE})"
        )
    if not record.data["registration_valid"]:
        return (
            "the paramedicus has no valid kwaliteitsregistratie, so the KLP does "
            f"not cover the complaint ({WERKWIJZE})"
        )
    return _after_filing(case.facts)


def guard_decline(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: Any = case.facts
    years = case.settings.max_event_age_years
    if record.data["ground"] != "too_old" or _after_filing(facts) is not None:
        return None
    if facts.filed_on > age_limit(facts.event_on, years, cal).due:
        return None
    return f"the event complained about is not more than {years} years old ({TERMS})"


def guard_letter(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    if "agreements" not in record.data and "measures" not in record.data:
        return (
            "the letter states the agreements made or the measures taken "
            f"({WERKWIJZE}; cf. Wkkgz art. 17 lid 1)"
        )
    return None
