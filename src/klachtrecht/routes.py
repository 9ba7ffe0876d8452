"""Routes from one complaint regime to the next, by data only.

A regime module never imports another; a route reads the public values of a
finished (or overdue) case and opens the next step, carrying a link back
(``awb_case_id``), so a portal can follow one complaint through every step:

    klacht bij het bestuursorgaan (``awb``, Awb titel 9.1)
    -> verzoekschrift bij de ombudsman (``ombudsman``, Awb titel 9.2)
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from klachtrecht import regime
from klachtrecht._case import Case, Role
from klachtrecht.deadlines import AtwCalendar, default_calendar, receipt_date
from klachtrecht.errors import ArgumentTypeError, GuardError

if TYPE_CHECKING:
    from klachtrecht.regimes.ombudsman import OmbudsmanSettings

__all__ = ["open_from_awb"]


def open_from_awb(
    awb_case: Case,
    case_id: str,
    *,
    at: datetime,
    requisites_met: bool = True,
    settings: OmbudsmanSettings | None = None,
    calendar: AtwCalendar | None = None,
) -> Case:
    """Open the ombudsman step (Awb titel 9.2) after an ``awb`` case (titel 9.1).

    Reads only the awb case's public values: its klager (the verzoeker) and
    orgaan, the day the klacht was filed (art. 9:20 lid 1) and how the
    klachtbehandeling ended (art. 9:24 lid 1): the day of the kennisgeving (sub
    a) or another end (sub b) of a final case, or, for a case still open, the
    statutory end of its 9:11 term once that has passed (sub b: "beëindigd had
    moeten zijn"). A case still within its term, or on the informal track
    without an end, is refused: the klager can then open an ``ombudsman`` case
    directly (art. 9:20 lid 1 needs only that a klacht was filed).
    """
    from klachtrecht.regimes._awb import BESTUURSORGAAN, afhandeling  # noqa: PLC0415

    if not isinstance(awb_case, Case) or awb_case.regime != "awb":
        raise ArgumentTypeError("open_from_awb needs a case of the 'awb' regime")
    facts = awb_case.facts
    ended = facts.ended_on
    if ended is None:
        due = None
        if facts.klaagschrift_on is not None:
            due = afhandeling(awb_case, calendar or default_calendar()).due
        day = receipt_date(at) if isinstance(at, datetime) and at.tzinfo else None
        if due is None or (day is not None and day <= due):
            raise GuardError(
                "the klachtbehandeling has not ended and no statutory term of "
                "art. 9:11 has passed",
                case_id=awb_case.case_id,
                state=awb_case.state,
                event="open_from_awb",
                source="Awb art. 9:24 lid 1 sub b",
            )
        ended = due
    return regime("ombudsman", calendar=calendar).open(
        case_id,
        at=at,
        by=Role.KLAGER,
        settings=settings,
        verzoeker=awb_case.party(Role.KLAGER),
        bestuursorgaan=awb_case.party(BESTUURSORGAAN),
        requisites_met=requisites_met,
        complaint_filed_on=facts.opened_on,
        klacht_ended_on=ended,
        conduct_on=facts.conduct_on,
        awb_case_id=awb_case.case_id,
    )
