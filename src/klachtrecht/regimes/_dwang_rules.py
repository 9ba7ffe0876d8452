"""Deadlines and guards of the compulsory-care klachtrecht (see
:mod:`klachtrecht.regimes._dwang`, whose definitions use them).

Each citation comes from the case's :class:`~klachtrecht.regimes._dwang.Statute`,
so one rule serves the Wvggz and the Wzd with their own article numbers.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from klachtrecht._case import Case, Due, EventRecord, Role
from klachtrecht._definition import Field, Guard
from klachtrecht.deadlines import AtwCalendar, Deadline, TermKind, term_end

if TYPE_CHECKING:
    from klachtrecht.regimes._dwang import DwangFacts, Statute

__all__ = [
    "STATUTES",
    "GroundField",
    "deadlines",
    "decision_deadline",
    "guard_archive",
    "guard_court_damages",
    "guard_court_decide",
    "guard_decide",
    "guard_once",
    "guard_petition",
    "guard_suspend",
    "guard_withdraw",
    "petition_windows",
]

_K, _P = Role.KLAGER, Role.PROVIDER

#: The statute of each registered regime name (filled by ``_dwang.build``).
STATUTES: dict[str, Statute] = {}


def _statute(case: Case) -> Statute:
    return STATUTES[case.regime]


# -- deadlines


def _kind(atw: bool, setting: str, source: str) -> tuple[TermKind, str]:
    if atw:
        return TermKind.STATUTORY, source
    return TermKind.NON_STATUTORY, (
        f"{source} (Atw not applied: setting {setting}=False, Atw art. 4 sub c "
        "UNCONFIRMED)"
    )


def decision_deadline(case: Case, cal: AtwCalendar) -> Deadline:
    """The commissie's term: 14 days after ontvangst, or four weeks once the
    decision complained about has or gets no effect (10:5 lid 2-3)."""
    facts: DwangFacts = case.facts
    statute = _statute(case)
    kind, source = _kind(
        case.settings.atw_decision, "atw_decision", statute.cite("decide_14")
    )
    short = term_end(facts.received_on, days=14, kind=kind, source=source, calendar=cal)
    lapsed = facts.effect_lapsed_on
    if lapsed is None:
        return short
    if lapsed > short.due and not (
        facts.lapsed_at_filing or case.settings.late_lapse_extends
    ):
        # The 14 days had ended, opening the verzoekschrift (10:7 lid 1-2):
        # a later lapse does not move that start (setting late_lapse_extends).
        note = " (effect lapsed after it ended: setting late_lapse_extends=False)"
        return term_end(
            facts.received_on, days=14, kind=kind, source=source + note, calendar=cal
        )
    kind, source = _kind(
        case.settings.atw_decision, "atw_decision", statute.cite("decide_4w")
    )
    return term_end(facts.received_on, weeks=4, kind=kind, source=source, calendar=cal)


def _petition_term(case: Case, start: date, cal: AtwCalendar) -> Deadline:
    kind, source = _kind(
        case.settings.atw_petition, "atw_petition", _statute(case).cite("petition_term")
    )
    return term_end(start, weeks=6, kind=kind, source=source, calendar=cal)


def _not_in_time(case: Case, cal: AtwCalendar) -> Deadline | None:
    """Six weeks after the day the commissie had to decide at the latest,
    when it did not decide by then (10:7 lid 2, second start)."""
    facts: DwangFacts = case.facts
    due = decision_deadline(case, cal).due
    if facts.decided_on is not None and facts.decided_on <= due:
        return None
    return _petition_term(case, due, cal)


def petition_windows(case: Case, cal: AtwCalendar) -> list[Due]:
    """The six weeks of each verzoeker to whom the decision was communicated,
    and the window opened by a decision not taken in time (10:7 lid 2)."""
    facts: DwangFacts = case.facts
    statute = _statute(case)
    label = "Verzoekschrift bij de rechter indienen"
    found: list[Due] = []
    for code, name in statute.petitioners.items():
        start = facts.notified_on(code)
        if start is None or (facts.petitioner not in (None, code)):
            continue
        met = facts.petition_on if facts.petitioner == code else None
        term = _petition_term(case, start, cal)
        found.append(
            Due(f"petition_{code}", f"{label} ({name})", term.term.source, term, met)
        )
    late = _not_in_time(case, cal) if case.state != "set_aside" else None
    if late is not None:
        met = facts.petition_on if facts.petitioner is not None else None
        found.append(
            Due(
                "petition_not_in_time",
                f"{label} (beslissing niet tijdig)",
                late.term.source,
                late,
                met,
            )
        )
    return found


def deadlines(case: Case, cal: AtwCalendar) -> tuple[Due, ...]:
    """The obligations of a case with their derived deadlines."""
    facts: DwangFacts = case.facts
    statute = _statute(case)
    found: list[Due] = []
    if facts.decided_on is not None or case.state not in ("set_aside", "withdrawn"):
        term = decision_deadline(case, cal)
        found.append(
            Due(
                "decision",
                "Schriftelijke, gemotiveerde beslissing van de klachtencommissie",
                term.term.source,
                term,
                facts.decided_on,
            )
        )
    if case.state in ("received", "decided") or facts.petition_on is not None:
        found += petition_windows(case, cal)
    if facts.petition_on is not None and not (
        facts.court_decided_on is None and case.state == "withdrawn"
    ):
        kind, source = _kind(
            case.settings.atw_court, "atw_court", statute.cite("court_term")
        )
        term = term_end(
            facts.petition_on, weeks=4, kind=kind, source=source, calendar=cal
        )
        found.append(
            Due(
                "court_decision",
                "Beslissing van de rechter op het verzoekschrift",
                source,
                term,
                facts.court_decided_on,
            )
        )
    return tuple(found)


# -- guards


@attrs.frozen
class GroundField(Field):
    """A choice field whose refusal cites the article that lists the choices.

    A complaint about anything else is not one the klachtencommissie decides
    on: it stays with the Wkkgz route (Wvggz 10:1 lid 2, Wzd 53 lid 2).
    """

    citation: str = ""

    def check(self, value: object) -> str | None:
        """Why ``value`` does not fit, or None; never quotes the value."""
        problem = super().check(value)
        if problem and isinstance(value, str) and value not in self.choices:
            return (
                f"field {self.name!r} names nothing a klacht to the "
                f"klachtencommissie may be about ({self.citation}); choose one "
                f"of {', '.join(self.choices)}"
            )
        return problem


def _money(value: Decimal | None, what: str) -> str | None:
    if value is not None and (not value.is_finite() or value < 0):
        return f"{what} must be a non-negative amount"
    return None


def _result_problem(
    case: Case, record: EventRecord, *, annul: str, order: str
) -> str | None:
    """The parts of a decision that depend on its outcome (10:6 lid 3-5,
    10:10 lid 2-4)."""
    data = record.data
    founded = data["outcome"] == "founded"
    against_decision = case.facts.concerns == "decision"
    if founded and against_decision and "annulment" not in data:
        return (
            "a founded klacht against a beslissing annuls it wholly or partly "
            f"({annul})"
        )
    if "annulment" in data and not (founded and against_decision):
        return f"only a founded klacht against a beslissing annuls it ({annul})"
    if data.get("substitute") and "annulment" not in data:
        return f"the uitspraak can only replace an annulled beslissing ({annul})"
    if not founded and ({"order", "order_until", "penalty"} & set(data)):
        return f"an opdracht, term or dwangsom follows only a founded klacht ({order})"
    if "order_until" in data:
        if "order" not in data:
            return f"a term is set for an opdracht: give the opdracht ({order})"
        if data["order_until"] <= record.day:
            return f"the term set must lie after the decision ({order})"
    return _money(data.get("penalty"), "a dwangsom")


def _damages_outcome(record: EventRecord, cite: str) -> str | None:
    """Damages come with a decision on the klacht itself: not with an
    onbevoegd- or niet-ontvankelijkverklaring, which does not reach it."""
    if "damages_awarded" in record.data and record.data["outcome"] in (
        "no_jurisdiction",
        "inadmissible",
    ):
        return f"no damages with a decision that does not reach the klacht ({cite})"
    return None


def guard_once(fact: str, what: str, key: str) -> Guard:
    def guard(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
        if getattr(case.facts, fact) is not None:
            return f"{what} is already recorded ({_statute(case).cite(key)})"
        return None

    return guard


def guard_suspend(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    statute = _statute(case)
    key = "suspend" if record.event == "suspend" else "court_suspend"
    if case.facts.concerns != "decision":
        return (
            "only a beslissing can be suspended; this klacht concerns the "
            f"nakoming van een verplichting ({statute.cite(key)})"
        )
    done = (
        case.facts.suspended_on if key == "suspend" else case.facts.court_suspended_on
    )
    if done is not None:
        return f"the beslissing is already suspended ({statute.cite(key)})"
    return None


def guard_decide(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: DwangFacts = case.facts
    statute = _statute(case)
    outcome = record.data["outcome"]
    if facts.measure_content_on is not None and outcome != "inadmissible":
        return (
            f"a klacht about {statute.measure} as such must be declared "
            f"niet-ontvankelijk ({statute.cite('content')})"
        )
    if outcome in ("founded", "unfounded"):
        missing = [s for s in ("klager", "beklaagde") if s not in facts.heard]
        if missing:
            return (
                f"the {' and '.join(missing)} had no opportunity to be heard yet "
                f"({statute.cite('hearing')})"
            )
    problem = _result_problem(
        case, record, annul=statute.cite("annul"), order=statute.cite("order")
    )
    if problem is not None:
        return problem
    awarded = record.data.get("damages_awarded")
    problem = _damages_outcome(record, statute.cite("outcome", "damages_commissie"))
    if problem is not None:
        return problem
    if awarded is not None and "zorgaanbieder" not in facts.heard:
        return (
            "the zorgaanbieder is heard before damages are awarded "
            f"({statute.cite('damages_hear')})"
        )
    return _money(awarded, "damages awarded")


def guard_petition(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    statute = _statute(case)
    petitioner = record.data["petitioner"]
    provider_side = petitioner in statute.provider_side
    if provider_side != (record.by is _P):
        role = "provider" if provider_side else "klager"
        return (
            f"a verzoekschrift of the {statute.petitioners[petitioner]} is filed in "
            f"the role {role!r} ({statute.cite('petition')})"
        )
    if case.state == "received":
        due = decision_deadline(case, cal).due
        if record.day <= due:
            return (
                f"the klachtencommissie may decide until {due.isoformat()}; before "
                "its decision a verzoekschrift needs that term to have passed "
                f"({statute.cite('petition')})"
            )
    return _money(record.data.get("damages_claimed"), "damages claimed")


def guard_court_damages(
    case: Case, record: EventRecord, cal: AtwCalendar
) -> str | None:
    facts: DwangFacts = case.facts
    statute = _statute(case)
    if facts.court_damages_on is not None:
        return (
            f"the rechter already decided on damages ({statute.cite('damages_court')})"
        )
    if "zorgaanbieder" not in facts.court_heard:
        return (
            "the zorgaanbieder is heard before damages are awarded "
            f"({statute.cite('damages_hear')})"
        )
    return _money(record.data.get("damages_awarded"), "damages awarded")


def guard_court_decide(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: DwangFacts = case.facts
    statute = _statute(case)
    heard = set(facts.court_heard)
    if facts.petitioner in heard:
        heard.add("verzoeker")
    if facts.petitioner is not None and "verzoeker" in heard:
        heard.add(facts.petitioner)
    groups = statute.court_must_hear
    if "vertegenwoordiger" in (facts.capacity, facts.petitioner):
        # The rechter hears "de vertegenwoordiger" (10:8 lid 1, 56d lid 1);
        # the case knows there is one when he complained or filed.
        groups = (*groups, ("vertegenwoordiger",))
    for group in groups:
        if not heard & set(group):
            names = " or ".join(statute.court_sides[s] for s in group)
            return (
                f"the rechter gives the {names} the opportunity to be heard before "
                f"deciding ({statute.cite('court_hear')})"
            )
    problem = _result_problem(
        case,
        record,
        annul=statute.cite("court_annul"),
        order=statute.cite("court_order"),
    )
    if problem is None:
        cite = statute.cite("court_outcome", "damages_court")
        problem = _damages_outcome(record, cite)
    if problem is not None or "damages_awarded" not in record.data:
        return problem
    return guard_court_damages(case, record, cal)


def guard_archive(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    facts: DwangFacts = case.facts
    statute = _statute(case)
    needed = list(statute.closing_notified)
    if facts.capacity != "nabestaande" and "client" not in needed:
        # Betrokkene / the cliënt is told the decision (10:6 lid 6, 56b lid 6)
        # and may file (10:7, 56c): his six weeks must have run too. A
        # nabestaande complains when he is deceased.
        needed.append("client")
    missing = [statute.recipients[c] for c in needed if facts.notified_on(c) is None]
    if missing:
        return (
            f"the decision was not yet communicated to the {', '.join(missing)}; the "
            f"six weeks run from that mededeling ({statute.cite('petition_term')})"
        )
    for item in petition_windows(case, cal):
        if record.day <= item.due:
            return (
                f"a verzoekschrift may be filed until {item.due.isoformat()} "
                f"({statute.cite('petition_term')})"
            )
    return None


def guard_withdraw(case: Case, record: EventRecord, cal: AtwCalendar) -> str | None:
    """Only the klager withdraws his klacht; at the rechter only the side of
    the verzoeker withdraws the verzoekschrift (not regulated: practice)."""
    facts: DwangFacts = case.facts
    statute = _statute(case)
    if case.state == "court" and facts.petitioner is not None:
        own = _P if facts.petitioner in statute.provider_side else _K
        what = f"the verzoekschrift of the {statute.petitioners[facts.petitioner]}"
    else:
        own, what = _K, "the klacht"
    if record.by is not own:
        return f"only who filed it withdraws {what} (role {own.value!r})"
    return None
