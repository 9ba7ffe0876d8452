"""Wkkgz art. 14 and 21: who may complain, who may put a geschil, on which ground.

Official name: Wet kwaliteit, klachten en geschillen zorg (Wkkgz), BWBR0037173,
art. 14 lid 1-2 and art. 21 lid 1-3.

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01#Artikel21

Shared by every regime that runs a Wkkgz klachtenregeling and ends at a Wkkgz
geschilleninstantie (the Wkkgz itself and the Klachtenloket Paramedici):

- a complaint (art. 14): the cliënt, a nabestaande of the deceased cliënt, a
  vertegenwoordiger (lid 1), or a person the provider wrongly did not treat as
  vertegenwoordiger (lid 2);
- a geschil (art. 21): the same persons if the provider breached §1 (lid 1 sub
  a), the art. 17 mededeling does not take the complaint away (sub b) or
  complaining first cannot reasonably be asked (sub c); the wrongly refused
  vertegenwoordiger only on sub b's condition (lid 2); a stichting or vereniging
  with full legal capacity when an interest its statutes protect is at stake
  (lid 3, code ``interest``: no condition tied to §1, so no sub a-c).

Capacity codes are the library's one vocabulary (:mod:`klachtrecht._capacities`).
A capacity is checked when it is stated; a case opened without one (as before
the vocabulary) is read as not stated, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from klachtrecht._capacities import WKKGZ_COMPLAINT, WKKGZ_GESCHIL, current
from klachtrecht._case import Case, EventRecord, Party
from klachtrecht._definition import Field
from klachtrecht.deadlines import AtwCalendar

__all__ = [
    "ART_14",
    "ART_21",
    "ART_21_2",
    "ART_21_3",
    "CAPACITY_FIELD",
    "GROUNDS",
    "art21_ground_problem",
    "complaint_capacity_problem",
    "geschil_capacity_problem",
    "ground_fields",
    "guard_complaint_capacity",
    "klager_capacity",
]

ART_14 = "Wkkgz art. 14 lid 1 en 2"
ART_21 = "Wkkgz art. 21 lid 1"
ART_21_2 = "Wkkgz art. 21 lid 2"
ART_21_3 = "Wkkgz art. 21 lid 3"

#: The grounds of a geschil: art. 21 lid 1 sub a, b, c; ``interest``: lid 3.
GROUNDS = ("a", "b", "c", "interest")

#: The capacity in which the klager complains (art. 14 lid 1 and 2); a
#: stichting or vereniging has no complaint under art. 14, only a geschil.
CAPACITY_FIELD = Field(
    "capacity",
    (str,),
    required=False,
    choices=WKKGZ_COMPLAINT,
    doc=(
        "cliënt, nabestaande, vertegenwoordiger or a person wrongly not treated "
        f"as vertegenwoordiger ({ART_14})"
    ),
)


def ground_fields(*, required: bool) -> tuple[Field, ...]:
    """The fields of a geschil: its ground, motivation and who puts it.

    ``required=False`` for a regime whose stored records may lack the ground
    (the KLP before this check): its guard then requires it for new geschillen.
    """
    return (
        Field(
            "ground",
            (str,),
            required=required,
            choices=GROUNDS,
            doc=f"{ART_21} sub a, b or c; 'interest': {ART_21_3}",
        ),
        Field(
            "motivation", (str,), required=False, personal=True, doc="breach or reason"
        ),
        Field(
            "capacity",
            (str,),
            required=False,
            choices=WKKGZ_GESCHIL,
            doc=f"who puts the geschil ({ART_21}-3); default: the klager's capacity",
        ),
        Field(
            "form",
            (str,),
            required=False,
            choices=("written", "oral"),
            doc=f"a geschil is put schriftelijk ({ART_21}-3); 'oral' is refused",
        ),
    )


def klager_capacity(klager: Party, given: str | None) -> str:
    """The capacity a case is opened in: the ``capacity`` field, else the
    klager's ``Party.capacity`` (an old stored word read as its code), else
    ``""`` (not stated)."""
    return given or current(klager.capacity)


def complaint_capacity_problem(capacity: str) -> str | None:
    """Why a complaint in ``capacity`` is refused (art. 14), or None."""
    if not capacity or capacity in WKKGZ_COMPLAINT:
        return None
    if capacity == "association":
        return (
            "a stichting or vereniging has no complaint to the provider; it may "
            f"put a geschil ({ART_14}; {ART_21_3})"
        )
    return (
        "the klager's capacity must be client, surviving_relative, representative "
        f"or refused_representative ({ART_14})"
    )


def guard_complaint_capacity(
    case: Case, record: EventRecord, cal: AtwCalendar
) -> str | None:
    """The guard of ``open``: the klager's capacity is one art. 14 allows."""
    data = record.data
    return complaint_capacity_problem(
        klager_capacity(data["klager"], data.get("capacity"))
    )


def art21_ground_problem(
    ground: str, *, judged: bool, motivated: bool, breach: Callable[[], bool]
) -> str | None:
    """Why a geschil on ``ground`` (art. 21 lid 1 sub a, b or c) is refused.

    ``judged``: the provider's oordeel was received; ``motivated``: the klager
    gave a motivation; ``breach()``: whether a missed art. 17 term is visible,
    which is itself the breach of sub a.
    """
    if ground == "b" and not judged:
        return (
            "ground b (oordeel does not take the complaint away) needs an "
            f"oordeel ({ART_21})"
        )
    if ground == "c" and judged:
        return (
            "ground c (direct access) is for a complaint not yet judged by the "
            f"provider ({ART_21})"
        )
    if motivated or ground == "b":
        return None
    if ground == "a" and breach():
        return None  # the missed art. 17 term is the breach
    if ground == "a":
        return (
            f"ground a needs a 'motivation' naming the breach of art. 13-17 ({ART_21})"
        )
    return (
        "ground c needs a 'motivation': why complaining first is unreasonable "
        f"({ART_21})"
    )


def geschil_capacity_problem(
    klager: str,
    data: Mapping[str, Any],
    *,
    judged: bool,
    breach: Callable[[], bool],
) -> str | None:
    """Why a geschil with ``data`` (``ground``, ``motivation``, ``capacity``)
    is refused, or None; ``klager`` is the capacity the case was opened in.

    Lid 1: sub a, b or c (:func:`art21_ground_problem`). Lid 2: the wrongly
    refused vertegenwoordiger only on ground b. Lid 3: a stichting or
    vereniging only on the interest its statutes protect, named in the
    motivation; no other capacity uses that ground.
    """
    ground = data.get("ground")
    capacity = data.get("capacity") or klager
    motivated = "motivation" in data
    if data.get("form") == "oral":
        return f"a geschil is put to the geschilleninstantie schriftelijk ({ART_21})"
    if ground is None:
        return (
            f"a geschil needs its ground: a, b or c ({ART_21}) or 'interest' "
            f"({ART_21_3})"
        )
    if capacity == "association":
        if ground != "interest":
            return (
                "a stichting or vereniging puts a geschil on an interest its "
                f"statutes protect (ground 'interest', {ART_21_3}), not on lid 1"
            )
        if not motivated:
            return (
                f"name the interest its statutes protect in 'motivation' ({ART_21_3})"
            )
        return None
    if ground == "interest":
        return f"ground 'interest' is for a stichting or vereniging ({ART_21_3})"
    if capacity == "refused_representative" and ground != "b":
        return (
            "a person wrongly not treated as vertegenwoordiger may put a geschil "
            f"only on ground b ({ART_21_2})"
        )
    return art21_ground_problem(
        str(ground), judged=judged, motivated=motivated, breach=breach
    )
