"""The klachtrecht of compulsory care: klachtencommissie, then rechter.

One procedure for Wvggz hoofdstuk 10 (BWBR0040635, art. 10:1-10:11) and Wzd
art. 53-56g (BWBR0040632), whose texts are almost word for word the same;
each regime module configures it with a :class:`Statute` (what may be
complained about, who may file the verzoekschrift, whom the commissie informs
and the rechter hears). The flow, the terms and the settings are described in
docs/regimes/wvggz.md; the deadlines and guards are in ``_dwang_rules``.

The rechter's acts are recorded in the role ``Role.RECHTER`` only
(:data:`COURT_ACTORS`), whoever types them in.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
from statemachine import Event, State, StateMachine

from klachtrecht._case import Case, EventRecord, Party
from klachtrecht._definition import Definition, EventSpec, Field, Guard
from klachtrecht._validators import is_bool
from klachtrecht.regimes._dwang_events import (
    _C,
    _K,
    _MONEY,
    _P,
    _TEXT,
    ANNULMENT_LABELS,
    CONCERNS_LABELS,
    COURT_ACTORS,
    HEARING_SIDES,
    OUTCOME_LABELS,
    WITHDRAWAL,
    _choice,
    _events,
)
from klachtrecht.regimes._dwang_rules import (
    STATUTES,
    GroundField,
    deadlines,
    guard_archive,
    guard_court_damages,
    guard_court_decide,
    guard_decide,
    guard_once,
    guard_petition,
    guard_suspend,
    guard_withdraw,
)

__all__ = [
    "ANNULMENT_LABELS",
    "CONCERNS_LABELS",
    "COURT_ACTORS",
    "HEARING_SIDES",
    "OUTCOME_LABELS",
    "WITHDRAWAL",
    "DwangFacts",
    "DwangSettings",
    "GroundField",
    "Statute",
    "build",
    "machine_class",
]

_OPEN_STATES = frozenset({"received", "decided", "court"})


# -- machine


def machine_class(name: str) -> type[StateMachine]:
    """A fresh machine class for one statute (python-statemachine 3.2 shares
    State objects between subclasses, so each regime gets its own class)."""

    class DwangMachine(StateMachine):
        """klachtencommissie -> rechter (Wvggz hoofdstuk 10, Wzd art. 53-56g)."""

        received = State("Klacht ontvangen", initial=True)
        decided = State("Beslissing klachtencommissie genomen")
        court = State("Verzoekschrift bij de rechter")
        set_aside = State("Buiten behandeling gelaten", final=True)
        archived = State("Afgesloten na termijn verzoekschrift", final=True)
        court_decided = State("Beslissing rechter genomen", final=True)
        withdrawn = State("Ingetrokken", final=True)

        hear = Event(received.to(received), name="Gelegenheid gehoord te worden")
        effect_lapsed = Event(received.to(received), name="Gevolg vervallen")
        measure_content = Event(
            received.to(received), name="Klacht betreft de maatregel als zodanig"
        )
        suspend = Event(received.to(received), name="Geschorst door klachtencommissie")
        put_aside = Event(received.to(set_aside), name="Buiten behandeling gelaten")
        decide = Event(received.to(decided), name="Beslissing klachtencommissie")
        notify = Event(decided.to(decided), name="Beslissing meegedeeld")
        petition = Event(
            received.to(court) | decided.to(court), name="Verzoekschrift ingediend"
        )
        court_hear = Event(court.to(court), name="Gehoord door de rechter")
        court_suspend = Event(court.to(court), name="Geschorst door de rechter")
        court_damages = Event(court.to(court), name="Schadevergoeding door de rechter")
        court_decide = Event(court.to(court_decided), name="Beslissing rechter")
        archive = Event(decided.to(archived), name="Afgesloten na termijn")
        withdraw = Event(
            received.to(withdrawn) | court.to(withdrawn), name="Ingetrokken"
        )

    DwangMachine.__name__ = DwangMachine.__qualname__ = f"{name.capitalize()}Machine"
    return DwangMachine


# -- settings


@attrs.frozen
class DwangSettings:
    """Per-term choice: does the Atw extend the term?

    Atw art. 4 sub c excludes "termijnen van vrijheidsbeneming". These are
    decision terms on a complaint, not terms of the deprivation of liberty
    itself, so by our reading the Atw applies (default True); no case law or
    commentary confirming it was found (UNCONFIRMED). False gives the plain
    calendar term, which never ends later.

    - ``atw_decision``: the commissie's 14 days / four weeks (10:5 lid 2-3,
      Wzd 56a lid 2-3);
    - ``atw_petition``: the six weeks for the verzoekschrift (10:7 lid 2, 56c
      lid 2);
    - ``atw_court``: the rechter's four weeks (10:9 lid 2, 56e lid 2);
    - ``late_lapse_extends`` (default False): an effect that lapses after the
      14 days ended (not at filing) still gives four weeks (10:5 lid 3 read
      literally). False keeps the 14 days, whose end had already opened the
      verzoekschrift "niet tijdig" (10:7): never a later due (UNCONFIRMED).
    """

    atw_decision: bool = attrs.field(default=True, validator=is_bool)
    atw_petition: bool = attrs.field(default=True, validator=is_bool)
    atw_court: bool = attrs.field(default=True, validator=is_bool)
    late_lapse_extends: bool = attrs.field(default=False, validator=is_bool)


@attrs.frozen
class Statute:
    """What differs between the statutes that share this procedure.

    ``machine`` is the statute's own class from :func:`machine_class`;
    ``articles`` maps a rule key to its article (``"10:5 lid 2"``); ``cite``
    prefixes the law. ``petitioners``: who may file the verzoekschrift, with
    Dutch labels; ``recipients``: to whom the commissie communicates its decision;
    ``court_sides``: whom the rechter hears, and ``court_must_hear`` the groups
    of which at least one must have had the opportunity; ``closing_notified``:
    whose mededeling must be recorded before the case is closed.
    """

    name: str
    machine: type[StateMachine]
    law: str
    title: str
    articles: dict[str, str]
    ground: Field
    capacities: dict[str, str]
    petitioners: dict[str, str]
    provider_side: frozenset[str]
    recipients: dict[str, str]
    court_sides: dict[str, str]
    court_must_hear: tuple[tuple[str, ...], ...]
    closing_notified: tuple[str, ...]
    measure: str
    settings_type: type[DwangSettings]
    open_guard: Guard | None = None

    def cite(self, *keys: str) -> str:
        """``Wvggz art. 10:5 lid 2``; several keys: ``art. 10:3, 10:5 lid 2 en
        10:11 lid 1``."""
        parts = [self.articles[k] for k in keys]
        joined = ", ".join(parts[:-1]) + " en " if len(parts) > 1 else ""
        return f"{self.law} art. {joined}{parts[-1]}"

    def choice_labels(self) -> dict[str, dict[str, str]]:
        """Dutch labels of the choices whose term differs per statute (context
        ``<name>:choice:<field>``). Wzd ``side`` ``beklaagde``: the rechter's
        wider term (56d lid 1) also covers the commissie's (56 lid 2 sub b)."""
        return {
            "capacity": dict(self.capacities),
            "petitioner": dict(self.petitioners),
            "to": dict(self.recipients),
            "side": {**HEARING_SIDES, **self.court_sides},
        }


# -- facts


@attrs.frozen
class DwangFacts:
    """What the procedure needs to know of a case, derived from its history."""

    received_on: date
    capacity: str = ""
    ground: str = ""
    concerns: str = ""
    damages_claimed: Decimal | None = None
    heard: tuple[str, ...] = ()
    effect_lapsed_on: date | None = None
    lapsed_at_filing: bool = False
    measure_content_on: date | None = None
    suspended_on: date | None = None
    decided_on: date | None = None
    outcome: str | None = None
    order_until: date | None = None
    damages_awarded: Decimal | None = None
    notified: tuple[tuple[str, date], ...] = ()
    petition_on: date | None = None
    petitioner: str | None = None
    court_heard: tuple[str, ...] = ()
    court_suspended_on: date | None = None
    court_damages_on: date | None = None
    court_damages_awarded: Decimal | None = None
    court_decided_on: date | None = None
    court_outcome: str | None = None
    court_order_until: date | None = None
    closed_on: date | None = None

    def notified_on(self, code: str) -> date | None:
        """The first day the decision was communicated to ``code``; the
        indiener counts for the capacity the klacht was filed in."""
        days = [d for who, d in self.notified if who == code]
        if code == self.capacity:
            days += [d for who, d in self.notified if who == "indiener"]
        return min(days, default=None)


def initial_facts(settings: object) -> DwangFacts:
    """Facts before the opening event is applied."""
    return DwangFacts(received_on=date.min)


def reduce(case: Case, record: EventRecord) -> DwangFacts:
    """The facts after ``record`` (already appended to ``case.history``)."""
    facts: DwangFacts = case.facts
    day, data, event = record.day, record.data, record.event
    changes: dict[str, Any] = {}
    if event == "open":
        facts = DwangFacts(
            received_on=day,
            capacity=data["capacity"],
            ground=data["ground"],
            concerns=data["concerns"],
            damages_claimed=data.get("damages_claimed"),
        )
    elif event == "hear":
        changes["heard"] = tuple(sorted({*facts.heard, data["side"]}))
    elif event == "effect_lapsed":
        changes.update(effect_lapsed_on=day, lapsed_at_filing=data["at_filing"])
    elif event == "measure_content":
        changes["measure_content_on"] = day
    elif event == "suspend":
        changes["suspended_on"] = day
    elif event == "decide":
        changes.update(
            decided_on=day,
            outcome=data["outcome"],
            order_until=data.get("order_until"),
            damages_awarded=data.get("damages_awarded"),
        )
    elif event == "notify":
        changes["notified"] = (*facts.notified, (data["to"], day))
    elif event == "petition":
        changes.update(petition_on=day, petitioner=data["petitioner"])
    elif event == "court_hear":
        changes["court_heard"] = tuple(sorted({*facts.court_heard, data["side"]}))
    elif event == "court_suspend":
        changes["court_suspended_on"] = day
    elif event == "court_damages":
        changes.update(
            court_damages_on=day, court_damages_awarded=data["damages_awarded"]
        )
    elif event == "court_decide":
        changes.update(
            court_decided_on=day,
            court_outcome=data["outcome"],
            court_order_until=data.get("order_until"),
        )
        if "damages_awarded" in data:
            changes["court_damages_awarded"] = data["damages_awarded"]
    if case.state not in _OPEN_STATES:
        changes["closed_on"] = day
    return attrs.evolve(facts, **changes) if changes else facts


# -- deadlines
# In _dwang_rules: deadlines, decision_deadline, petition_windows.

# -- guards
# In _dwang_rules: GroundField and guard_* (each refusal cites the article).

# -- definition
# In _dwang_events: the event specs, their fields and labels.


def build(statute: Statute) -> Definition:
    """The :class:`~klachtrecht._definition.Definition` of one statute."""
    STATUTES[statute.name] = statute
    s = statute
    open_event = EventSpec(
        "open",
        "Klacht ontvangen",
        s.cite("complaint", "decide_14", "damages_commissie"),
        frozenset({_K, _C}),
        (
            Field("klager", (Party,), role=_K, doc="the indiener of the klacht"),
            Field("provider", (Party,), role=_P, doc="the zorgaanbieder"),
            Field("settings", (s.settings_type,), doc="Atw per term"),
            _choice("capacity", s.capacities, "in which capacity the klager complains"),
            s.ground,
            _choice(
                "concerns",
                CONCERNS_LABELS,
                "a beslissing or the nakoming of a verplichting",
            ),
            Field("complaint", _TEXT, personal=True, doc="schriftelijk en gemotiveerd"),
            Field("damages_claimed", _MONEY, required=False, doc="euros"),
        ),
    )
    guards: dict[str, Guard] = {
        "effect_lapsed": guard_once("effect_lapsed_on", "the lapse", "decide_4w"),
        "measure_content": guard_once("measure_content_on", "the finding", "content"),
        "suspend": guard_suspend,
        "court_suspend": guard_suspend,
        "decide": guard_decide,
        "petition": guard_petition,
        "court_damages": guard_court_damages,
        "court_decide": guard_court_decide,
        "archive": guard_archive,
        "withdraw": guard_withdraw,
    }
    if s.open_guard is not None:
        guards["open"] = s.open_guard
    return Definition(
        name=s.name,
        title=s.title,
        machine=s.machine,
        state_basis={
            "received": s.cite("commissie", "complaint"),
            "decided": s.cite("outcome"),
            "court": s.cite("petition"),
            "set_aside": s.cite("set_aside"),
            "archived": f"{s.cite('petition_term')} (no verzoekschrift in time)",
            "court_decided": s.cite("court_outcome", "court_term", "no_appeal"),
            "withdrawn": WITHDRAWAL.format(law=s.law),
        },
        open_event=open_event,
        events=_events(s),
        settings_type=s.settings_type,
        initial_facts=initial_facts,
        reduce=reduce,
        deadlines=deadlines,
        guards=guards,
    )
