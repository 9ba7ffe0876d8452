"""One vocabulary for the capacity in which a klager complains (hoedanigheid).

The codes are stable English identifiers, stored in case documents and used the
same in every regime; each names the legal term and the article that lets that
person complain (see docs/glossary.md). A regime accepts the subset its statute
lists (e.g. :data:`WKKGZ_COMPLAINT` for Wkkgz art. 14).

Earlier releases stored the Wkkgz ``Party.capacity`` as the Dutch words
``nabestaande`` and ``vertegenwoordiger``; :data:`RENAMED` maps them to the
codes, and :mod:`klachtrecht._upgrade` rewrites them when a document is loaded.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "CAPACITIES",
    "JEUGDWET",
    "RENAMED",
    "WKKGZ_COMPLAINT",
    "WKKGZ_GESCHIL",
    "current",
]

#: Every capacity code: (the legal term, the article that names it).
CAPACITIES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "client": ("cliënt", "Wkkgz art. 14 lid 1, art. 21 lid 1"),
        "surviving_relative": (
            "nabestaande van de overleden cliënt of jeugdige",
            "Wkkgz art. 14 lid 1, art. 21 lid 1; Jeugdwet art. 4.2.1 lid 4",
        ),
        "representative": (
            "vertegenwoordiger van de cliënt",
            "Wkkgz art. 14 lid 1, art. 21 lid 1",
        ),
        "refused_representative": (
            "persoon die ten onrechte niet als vertegenwoordiger is beschouwd",
            "Wkkgz art. 14 lid 2, art. 21 lid 2",
        ),
        "association": (
            "stichting of vereniging met volledige rechtsbevoegdheid",
            "Wkkgz art. 21 lid 3",
        ),
        "youth": ("jeugdige", "Jeugdwet art. 4.2.1 lid 1"),
        "parent": ("ouder", "Jeugdwet art. 4.2.1 lid 1"),
        "parent_without_authority": ("ouder zonder gezag", "Jeugdwet art. 4.2.1 lid 1"),
        "guardian": ("voogd", "Jeugdwet art. 4.2.1 lid 1"),
        "co_custodian": ("mede-gezaghebber", "Jeugdwet art. 4.2.1 lid 1"),
        "foster_parent": ("pleegouder", "Jeugdwet art. 4.2.1 lid 1"),
    }
)

#: Who may complain to a Wkkgz provider (art. 14 lid 1 and 2).
WKKGZ_COMPLAINT: Final = (
    "client",
    "surviving_relative",
    "representative",
    "refused_representative",
)
#: Who may put a geschil to the geschilleninstantie (art. 21 lid 1, 2 and 3).
WKKGZ_GESCHIL: Final = (*WKKGZ_COMPLAINT, "association")
#: Who may complain under Jeugdwet art. 4.2.1 lid 1 and 4 (order of the text).
JEUGDWET: Final = (
    "youth",
    "parent",
    "parent_without_authority",
    "guardian",
    "co_custodian",
    "foster_parent",
    "surviving_relative",
)

#: Old stored capacity words and the code that replaced each.
RENAMED: Final[Mapping[str, str]] = MappingProxyType(
    {"nabestaande": "surviving_relative", "vertegenwoordiger": "representative"}
)


def current(capacity: str) -> str:
    """``capacity`` in today's vocabulary (an old stored word renamed);
    anything else, also a non-``str``, as it is."""
    if isinstance(capacity, str):
        return RENAMED.get(capacity, capacity)
    return capacity
