"""KPZ intake procedure: the events that the Jeugdwet and Wmo regimes share.

Source: Klachtenportaal Zorg (KPZ), "De spelregels voor de klachtenprocedure
klachten WMO en Jeugdzorg", spelregels 1-14 (seed kpz-klachtenprocedure.txt).

More information:
https://klachtenportaalzorg.nl/client-patient/

The labels, actors and fields of the events of :mod:`._kpz_intake`; the legal
bases that differ between the regimes are arguments.
"""

from __future__ import annotations

from datetime import date

from klachtrecht._case import Party, Role
from klachtrecht._definition import EventSpec, Field
from klachtrecht.regimes._kpz_intake import SIDES, kpz

__all__ = ["INTAKE_STATE_BASIS", "intake_events", "open_event"]

_K, _P = Role.KLAGER, Role.PROVIDER
_L, _F, _C = Role.KLACHTENLOKET, Role.KLACHTENFUNCTIONARIS, Role.KLACHTENCOMMISSIE
_TEXT = (str,)


def open_event(basis: str, settings_type: type, *extra: Field) -> EventSpec:
    """The opening event (Klacht ontvangen) with the regime's basis and extra fields."""
    return EventSpec(
        "open",
        "Klacht ontvangen",
        basis,
        frozenset({_K, _L}),
        (
            Field("klager", (Party,), role=_K, doc="the klager"),
            Field("provider", (Party,), role=_P, doc="the aanbieder complained about"),
            Field("settings", (settings_type,), doc="terms of the klachtenregeling"),
            Field("complaint", _TEXT, personal=True, doc="the complaint"),
            *extra,
        ),
    )


def intake_events(
    *,
    engage: str,
    refer: str,
    escalate: str,
    compose: str,
    hear: str,
    deviate: str,
    oordeel: str,
    withdraw: str,
) -> tuple[EventSpec, ...]:
    """The events both regimes share; the arguments are the legal bases that differ."""
    return (
        EventSpec("assess", "Eerste beoordeling", kpz(2), frozenset({_L})),
        EventSpec("register", "Klacht geregistreerd", kpz(3), frozenset({_L})),
        EventSpec(
            "acknowledge", "Ontvangstbevestiging verstuurd", kpz(4), frozenset({_L})
        ),
        EventSpec(
            "contact",
            "Contact opgenomen met klager",
            kpz(5),
            frozenset({_L, _F}),
            (
                Field(
                    "channel", _TEXT, choices=("phone", "email"), doc="telefoon/e-mail"
                ),
            ),
        ),
        EventSpec(
            "request_commissie",
            "Klager wenst klachtencommissie",
            kpz(7),
            frozenset({_K}),
        ),
        EventSpec(
            "engage_functionaris",
            "Klachtenfunctionaris ingeschakeld",
            engage,
            frozenset({_K, _P, _L}),
            (
                Field(
                    "functionaris",
                    (Party,),
                    role=_F,
                    doc="the independent klachtenfunctionaris",
                ),
            ),
        ),
        EventSpec(
            "choose_mediation", "Bemiddeling gekozen", kpz(6, 8), frozenset({_L})
        ),
        EventSpec(
            "refer_commissie",
            "Voorgedragen aan klachtencommissie",
            refer,
            frozenset({_L}),
        ),
        EventSpec(
            "inform_provider",
            "Zorgverlener geïnformeerd",
            kpz(8),
            frozenset({_L, _F}),
        ),
        EventSpec(
            "provider_side",
            "Reactie zorgverlener ontvangen",
            kpz(8),
            frozenset({_P}),
            (Field("side", _TEXT, personal=True, doc="its side of the story"),),
        ),
        EventSpec(
            "report_outcome",
            "Uitkomst aan klager gemeld",
            kpz(9),
            frozenset({_L, _F}),
            (Field("outcome", _TEXT, personal=True, doc="the proposed solution"),),
        ),
        EventSpec("accept", "Klager tevreden", kpz(10), frozenset({_K})),
        EventSpec(
            "escalate",
            "Klacht voorgelegd aan klachtencommissie",
            escalate,
            frozenset({_K}),
        ),
        EventSpec(
            "compose_commissie",
            "Klachtencommissie samengesteld",
            compose,
            frozenset({_C}),
            (
                Field("commissie", (Party,), role=_C, doc="the klachtencommissie"),
                Field("members", (int,), bounds=(1, 15), doc="number of members"),
                Field(
                    "chair_works_for_provider",
                    (bool,),
                    doc="the chair works for or at the provider",
                ),
                Field(
                    "member_complained_about",
                    (bool,),
                    doc="a member's own conduct is complained about",
                ),
            ),
        ),
        EventSpec(
            "hear",
            "Gelegenheid tot toelichting gegeven",
            hear,
            frozenset({_C}),
            (
                Field("side", _TEXT, choices=SIDES, doc="klager or beklaagde"),
                Field(
                    "form",
                    _TEXT,
                    choices=("oral", "written"),
                    doc="mondeling or schriftelijk",
                ),
                Field("assisted", (bool,), required=False, doc="with bijstand"),
                Field(
                    "statement",
                    _TEXT,
                    required=False,
                    personal=True,
                    doc="the explanation, if the side used the opportunity",
                ),
            ),
        ),
        EventSpec(
            "deviate",
            "Afwijking termijn oordeel gemeld",
            deviate,
            frozenset({_C}),
            (
                Field("reasons", _TEXT, personal=True, doc="why (met redenen omkleed)"),
                Field("until", (date,), doc="the new term, as a date"),
            ),
        ),
        EventSpec(
            "give_oordeel",
            "Oordeel klachtencommissie gegeven",
            oordeel,
            frozenset({_C}),
            (
                Field(
                    "finding",
                    _TEXT,
                    choices=("upheld", "partly_upheld", "rejected"),
                    doc="gegrond, gedeeltelijk gegrond or ongegrond",
                ),
                Field("reasons", _TEXT, personal=True, doc="met redenen omkleed"),
                Field(
                    "recommendations",
                    _TEXT,
                    required=False,
                    personal=True,
                    doc="aanbevelingen",
                ),
            ),
        ),
        EventSpec("withdraw", "Klacht ingetrokken", withdraw, frozenset({_K})),
    )


#: The legal basis of the intake states both regimes share (KPZ spelregels
#: 1-5, 8 and 9); each regime adds its commissie and closing states.
INTAKE_STATE_BASIS = {
    "received": kpz(1),
    "assessed": kpz(2),
    "registered": kpz(3),
    "acknowledged": kpz(4),
    "contacted": kpz(5),
    "mediation": kpz(8),
    "mediated": kpz(9),
}
