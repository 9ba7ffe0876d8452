"""Wkkgz art. 16 lid 3: the klager is kept informed of the handling's progress.

Official name: Wet kwaliteit, klachten en geschillen zorg (Wkkgz), BWBR0037173,
art. 16 lid 3: "De klager wordt op de hoogte gehouden van de voortgang van de
behandeling van de klacht."

More information:
https://wetten.overheid.nl/BWBR0037173/2026-01-01#Artikel16

Shared by the regimes that run a Wkkgz klachtenregeling (Wkkgz, KLP). The
article sets no term and no form, so ``inform_progress`` records each update
(a fact for compliance reports: how often and when the klager was told) and no
deadline is derived from it.
"""

from __future__ import annotations

from klachtrecht._case import Role
from klachtrecht._definition import EventSpec, Field

__all__ = ["ART_16_3", "progress_event"]

ART_16_3 = "Wkkgz art. 16 lid 3"


def progress_event(basis: str = ART_16_3) -> EventSpec:
    """The ``inform_progress`` event (Klager geïnformeerd over voortgang)."""
    return EventSpec(
        "inform_progress",
        "Klager geïnformeerd over voortgang",
        basis,
        frozenset({Role.PROVIDER, Role.KLACHTENFUNCTIONARIS, Role.KLACHTENLOKET}),
        (
            Field(
                "update",
                (str,),
                required=False,
                personal=True,
                doc="what the klager was told",
            ),
        ),
    )
