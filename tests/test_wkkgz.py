"""Scenario tests for the Wkkgz regime: one test per legal path, real dates."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.regimes.wkkgz import WkkgzSettings

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wkkgz")
K, P = Role.KLAGER, Role.PROVIDER
NAME = "Jan Jansen"
CONTACT = "jan@example.nl"
COMPLAINT = "De fysiotherapeut heeft mijn knie verkeerd behandeld"


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def opened(when: datetime = datetime(2026, 3, 30, 10, tzinfo=AMS)) -> Case:
    """A Wkkgz case with onvrede raised on ``when``."""
    return W.open(
        "K-1",
        at=when,
        klager=k.Party(K, "p-1", "client", name=NAME, contact=CONTACT),
        provider=k.Party(P, "org-1", name="Praktijk De Knie"),
        summary=COMPLAINT,
    )


def submitted(received: datetime = datetime(2026, 4, 2, 10, tzinfo=AMS)) -> Case:
    """A case whose written complaint was received on ``received``."""
    return W.apply(
        opened(received), "submit_written", at=received, by=K, complaint=COMPLAINT
    )


def oordeel(case: Case, when: datetime) -> Case:
    """The klager receives the reasoned oordeel on ``when``."""
    return W.apply(
        case,
        "deliver_oordeel",
        at=when,
        by=P,
        judgment="gedeeltelijk gegrond",
        reasons="omdat",
        decisions="excuses",
        measures_term="binnen drie maanden",
    )


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of ``case``."""
    (found,) = [d for d in W.deadlines(case) if d.key == key]
    return found


class TestFormalClock:
    """The art. 17 clock starts at receipt of the written complaint."""

    def test_informal_onvrede_has_no_clock(self) -> None:
        """Onvrede raised informally sets no art. 17 deadline."""
        assert [d.key for d in W.deadlines(opened()) if d.key == "oordeel"] == []

    def test_due_six_weeks_after_receipt(self) -> None:
        """Received Thu 2 Apr 2026: due Mon 18 May 2026 (Hemelvaart, 15 May
        gelijkgesteld, weekend)."""
        deadline = due(submitted(), "oordeel")
        assert date(2026, 5, 18) == deadline.due
        assert "Wkkgz art. 17 lid 1" in deadline.deadline.explain()

    def test_receipt_late_evening_utc(self) -> None:
        """Receipt at 23:30 UTC on 1 Apr is 2 Apr in Amsterdam."""
        from datetime import UTC

        case = submitted(datetime(2026, 4, 1, 22, 30, tzinfo=UTC))
        assert date(2026, 4, 2) == case.facts.written_on

    def test_oordeel_on_due_day_is_met(self) -> None:
        """An oordeel received on the due day is on time."""
        case = oordeel(submitted(), at(2026, 5, 18, 16))
        assert due(case, "oordeel").status(date(2026, 6, 1)) == Status.MET

    def test_oordeel_day_after_is_late(self) -> None:
        """An oordeel received the day after the due date is late."""
        case = oordeel(submitted(), at(2026, 5, 19))
        assert due(case, "oordeel").status(date(2026, 6, 1)) == Status.LATE


class TestExtension:
    """Art. 17 lid 2: once, at most four weeks, notice before expiry."""

    def test_extension_granted(self) -> None:
        """Notice on the last day extends to ten weeks: Thu 11 Jun 2026."""
        case = W.apply(submitted(), "extend", at=at(2026, 5, 18), by=P, weeks=4)
        assert date(2026, 6, 11) == due(case, "oordeel").due
        assert due(case, "extension_notice").status(date(2026, 6, 1)) == Status.MET
        closed = W.apply(
            oordeel(case, at(2026, 6, 10)), "accept", at=at(2026, 6, 12), by=K
        )
        assert closed.state == "closed"
        assert due(closed, "oordeel").status(date(2026, 7, 1)) == Status.MET

    def test_extension_refused_as_late(self) -> None:
        """Notice the day after the six weeks expired is refused."""
        case = submitted()
        with pytest.raises(
            k.GuardError, match="after the six-week term expired"
        ) as info:
            W.apply(case, "extend", at=at(2026, 5, 19), by=P, weeks=2)
        assert "Wkkgz art. 17 lid 2" in str(info.value)
        assert case.state == "submitted"
        assert case.facts.extension_days == 0

    def test_extension_too_long_refused(self) -> None:
        """Five weeks is more than art. 17 lid 2 allows."""
        with pytest.raises(k.EventDataError, match="from 1 to 4"):
            W.apply(submitted(), "extend", at=at(2026, 5, 1), by=P, weeks=5)

    def test_second_extension_refused(self) -> None:
        """The provider may extend only once."""
        case = W.apply(submitted(), "extend", at=at(2026, 5, 1), by=P, weeks=2)
        with pytest.raises(k.GuardError, match="one extension"):
            W.apply(case, "extend", at=at(2026, 5, 2), by=P, weeks=2)

    def test_only_provider_extends(self) -> None:
        """The klager cannot extend the provider's term."""
        with pytest.raises(k.GuardError, match="only by provider"):
            W.apply(submitted(), "extend", at=at(2026, 5, 1), by=K, weeks=2)

    def test_agreed_further_extension(self) -> None:
        """After the statutory extension the klager agrees to 1 July 2026: the
        agreed date is tracked apart, and the statutory date stays (the Wkkgz
        does not provide for agreements, so an oordeel on 30 June is late
        under art. 17 but met under the agreement)."""
        case = W.apply(submitted(), "extend", at=at(2026, 5, 4), by=P, weeks=4)
        case = W.apply(
            case, "agree_extension", at=at(2026, 6, 5), by=K, until=date(2026, 7, 1)
        )
        agreed = due(case, "oordeel_agreed")
        assert date(2026, 7, 1) == agreed.due
        assert not agreed.deadline.atw_applied
        assert "spelregel 6" in agreed.source
        assert date(2026, 6, 11) == due(case, "oordeel").due
        judged = oordeel(case, at(2026, 6, 30))
        assert Status.MET == due(judged, "oordeel_agreed").status(date(2026, 7, 2))
        assert Status.LATE == due(judged, "oordeel").status(date(2026, 7, 2))

    def test_agreements_can_be_switched_off(self) -> None:
        """With allow_agreed_extension=False an agreement is refused."""
        from klachtrecht.regimes.wkkgz import WkkgzSettings

        case = W.open(
            "K-3",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p"),
            provider=k.Party(P, "o"),
            settings=WkkgzSettings(allow_agreed_extension=False),
        )
        case = W.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="x")
        with pytest.raises(k.GuardError, match="switched off"):
            W.apply(
                case, "agree_extension", at=at(2026, 4, 3), by=K, until=date(2026, 7, 1)
            )

    def test_extension_in_days(self) -> None:
        """Ten days' extension: 52 days from Thu 2 Apr 2026 is Sun 24 May,
        then Tweede Pinksterdag 25 May, so Tue 26 May 2026."""
        case = W.apply(submitted(), "extend", at=at(2026, 5, 1), by=P, days=10)
        assert date(2026, 5, 26) == due(case, "oordeel").due
        assert "Wkkgz art. 17 lid 1 and lid 2" == due(case, "oordeel").source

    def test_extension_needs_one_unit(self) -> None:
        """Weeks and days together, or neither, are refused."""
        with pytest.raises(k.GuardError, match="either"):
            W.apply(submitted(), "extend", at=at(2026, 5, 1), by=P, weeks=1, days=3)
        with pytest.raises(k.GuardError, match="either"):
            W.apply(submitted(), "extend", at=at(2026, 5, 1), by=P)

    def test_without_atw_setting(self) -> None:
        """atw_for_art17=False gives the stricter plain six weeks (Thu 14 May)."""
        from klachtrecht.regimes.wkkgz import WkkgzSettings

        case = W.open(
            "K-4",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p"),
            provider=k.Party(P, "o"),
            settings=WkkgzSettings(atw_for_art17=False),
        )
        case = W.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="x")
        assert date(2026, 5, 14) == due(case, "oordeel").due
        with pytest.raises(k.GuardError, match="after the six-week term"):
            W.apply(case, "extend", at=at(2026, 5, 16), by=P, weeks=1)

    def test_agreement_after_expiry_refused(self) -> None:
        """An agreement after the term expired does not undo the missed term."""
        with pytest.raises(k.GuardError, match="already expired"):
            W.apply(
                submitted(),
                "agree_extension",
                at=at(2026, 5, 19),
                by=K,
                until=date(2026, 7, 1),
            )

    def test_agreement_must_extend(self) -> None:
        """An agreed date before the current due date is no extension."""
        with pytest.raises(k.GuardError, match="not after"):
            W.apply(
                submitted(),
                "agree_extension",
                at=at(2026, 5, 1),
                by=K,
                until=date(2026, 5, 10),
            )


class TestGeschil:
    """Art. 21 lid 1: the grounds for a geschil, and art. 22's six months."""

    def test_missed_deadline_sub_a(self) -> None:
        """Received 24 Mar 2026, due Wed 6 May; on 7 May the klager may go to
        the geschilleninstantie under sub a without further motivation."""
        case = submitted(at(2026, 3, 24))
        assert due(case, "oordeel").status(date(2026, 5, 7)) == Status.MISSED
        assert [due(case, "oordeel")] == list(W.overdue(case, date(2026, 5, 7)))
        with pytest.raises(k.GuardError, match="motivation"):
            W.apply(case, "submit_geschil", at=at(2026, 5, 6), by=K, ground="a")
        moved = W.apply(case, "submit_geschil", at=at(2026, 5, 7), by=K, ground="a")
        assert moved.state == "dispute"
        assert moved.facts.geschil_ground == "a"

    def test_not_satisfied_sub_b(self) -> None:
        """After the oordeel the klager may submit under sub b; the instantie
        rules within six months, not extended by the Atw (art. 4)."""
        case = oordeel(submitted(), at(2026, 5, 11))
        case = W.apply(
            case,
            "submit_geschil",
            at=at(2026, 6, 20),
            by=K,
            ground="b",
            damages_claimed=Decimal("2500.00"),
        )
        ruling = due(case, "uitspraak")
        assert date(2026, 12, 20) == ruling.due  # a Sunday: no Atw extension
        assert not ruling.deadline.atw_applied
        ruled = W.apply(
            case,
            "rule",
            at=at(2026, 11, 30),
            by=Role.GESCHILLENINSTANTIE,
            outcome="partly_upheld",
            damages_awarded=Decimal("1000.00"),
        )
        assert ruled.state == "ruled"
        assert due(ruled, "uitspraak").status(date(2027, 1, 1)) == Status.MET
        assert W.is_final(ruled)

    def test_sub_a_before_written_complaint(self) -> None:
        """Sub a covers breaches of art. 13-17 that need no written complaint
        (e.g. no klachtenregeling), when the breach is named."""
        with pytest.raises(k.GuardError, match="naming the breach"):
            W.apply(opened(), "submit_geschil", at=at(2026, 4, 1), by=K, ground="a")
        moved = W.apply(
            opened(),
            "submit_geschil",
            at=at(2026, 4, 1),
            by=K,
            ground="a",
            motivation="geen klachtenregeling (art. 13)",
        )
        assert "dispute" == moved.state

    def test_window_from_oordeel(self) -> None:
        """An instantie counting from the oordeel: 12 months from 11 May 2026."""
        from klachtrecht.regimes.wkkgz import WkkgzSettings

        case = W.open(
            "K-5",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p"),
            provider=k.Party(P, "o"),
            settings=WkkgzSettings(geschil_window_from="oordeel"),
        )
        case = W.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="x")
        assert [] == [d for d in W.deadlines(case) if d.key == "geschil_window"]
        case = oordeel(case, at(2026, 5, 11))
        assert date(2027, 5, 11) == due(case, "geschil_window").due

    def test_sub_b_needs_oordeel(self) -> None:
        """Sub b is about an oordeel, so it needs one."""
        with pytest.raises(k.GuardError, match="needs an oordeel"):
            W.apply(submitted(), "submit_geschil", at=at(2026, 4, 20), by=K, ground="b")

    def test_direct_sub_c(self) -> None:
        """Sub c: directly to the instantie, with a reason, from onvrede."""
        case = opened()
        with pytest.raises(k.GuardError, match="motivation"):
            W.apply(case, "submit_geschil", at=at(2026, 4, 1), by=K, ground="c")
        moved = W.apply(
            case,
            "submit_geschil",
            at=at(2026, 4, 1),
            by=K,
            ground="c",
            motivation="bedreigd door de zorgaanbieder",
        )
        assert moved.state == "dispute"
        assert [d for d in W.deadlines(moved) if d.key == "oordeel"] == []

    def test_window_is_reglement_term(self) -> None:
        """The 12-month window comes from the instantie's reglement (no Atw)."""
        window = due(submitted(), "geschil_window")
        assert date(2027, 4, 2) == window.due
        assert not window.deadline.atw_applied

    def test_window_configurable(self) -> None:
        """A different instantie's window is a setting, stored in the case."""
        from klachtrecht.regimes.wkkgz import WkkgzSettings

        case = W.open(
            "K-2",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p"),
            provider=k.Party(P, "o"),
            settings=WkkgzSettings(geschil_window_months=6),
        )
        case = W.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="x")
        assert date(2026, 10, 2) == due(case, "geschil_window").due

    def test_archive_only_after_window(self) -> None:
        """A judged case is archived only after the geschil window passed."""
        case = oordeel(submitted(), at(2026, 5, 11))
        with pytest.raises(k.GuardError, match="until 2027-04-02"):
            W.apply(case, "archive", at=at(2027, 4, 2), by=P)
        assert W.apply(case, "archive", at=at(2027, 4, 3), by=P).state == "closed"


class TestFunctionarisAndWithdrawal:
    """Art. 15's klachtenfunctionaris and the klager's withdrawal."""

    def test_functionaris_stays_then_leaves(self) -> None:
        """One functionaris per case; they leave when the procedure ends."""
        functionaris = k.Party(Role.KLACHTENFUNCTIONARIS, "kf-1", name="Mr. Bemiddel")
        case = W.apply(
            submitted(),
            "engage_functionaris",
            at=at(2026, 4, 3),
            by=P,
            functionaris=functionaris,
        )
        assert functionaris == case.party(Role.KLACHTENFUNCTIONARIS)
        with pytest.raises(k.GuardError, match="already engaged"):
            W.apply(
                case,
                "engage_functionaris",
                at=at(2026, 4, 4),
                by=K,
                functionaris=functionaris,
            )
        case = oordeel(case, at(2026, 5, 11))
        case = W.apply(case, "submit_geschil", at=at(2026, 5, 20), by=K, ground="b")
        assert date(2026, 5, 20) == case.facts.functionaris_until

    def test_withdrawal_keeps_record(self) -> None:
        """A withdrawn geschil stays on record; the case is final."""
        case = oordeel(submitted(), at(2026, 5, 11))
        case = W.apply(case, "submit_geschil", at=at(2026, 5, 20), by=K, ground="b")
        withdrawn = W.apply(case, "withdraw", at=at(2026, 6, 1), by=K)
        assert withdrawn.state == "withdrawn"
        assert case.history == withdrawn.history[:-1]
        assert [r.event for r in withdrawn.history] == [
            "open",
            "submit_written",
            "deliver_oordeel",
            "submit_geschil",
            "withdraw",
        ]
        with pytest.raises(k.EventNotAllowedError, match="none"):
            W.apply(
                withdrawn,
                "rule",
                at=at(2026, 7, 1),
                by=Role.GESCHILLENINSTANTIE,
                outcome="upheld",
            )

    def test_resolved_informally(self) -> None:
        """Onvrede resolved without a written complaint closes the case."""
        closed = W.apply(opened(), "resolve", at=at(2026, 3, 31), by=K)
        assert closed.state == "closed"
        assert W.deadlines(closed) == ()


class TestRefusals:
    """A refused event raises, names case, state and event, and changes nothing."""

    def test_not_allowed_names_everything(self) -> None:
        """The error names case id, state, event and the allowed events."""
        case = opened()
        before = pickle.dumps(case)
        with pytest.raises(k.EventNotAllowedError) as info:
            W.apply(case, "deliver_oordeel", at=at(2026, 4, 1), by=P)
        message = str(info.value)
        for fragment in ("'K-1'", "'raised'", "'deliver_oordeel'", "submit_written"):
            assert fragment in message
        assert isinstance(info.value, ValueError)
        assert (
            info.value.case_id,
            info.value.state,
            info.value.event,
        ) == ("K-1", "raised", "deliver_oordeel")
        assert before == pickle.dumps(case)

    def test_errors_carry_no_personal_data(self) -> None:
        """No name, contact or complaint text appears in any error message."""
        case = submitted()
        attempts: list[Callable[[], object]] = [
            lambda: W.apply(case, "extend", at=at(2026, 6, 1), by=P, weeks=2),
            lambda: W.apply(
                case, "extend", at=at(2026, 5, 1), by=P, weeks=2, note=NAME
            ),
            lambda: W.apply(
                case, "deliver_oordeel", at=at(2026, 5, 1), by=P, judgment=NAME
            ),
            lambda: W.apply(case, "accept", at=at(2026, 5, 1), by=K),
            lambda: W.apply(
                case, "submit_geschil", at=at(2026, 5, 1), by=K, ground=NAME
            ),
            lambda: W.apply(case, "submit_geschil", at=at(2026, 5, 1), by=K, ground=3),
        ]
        for attempt in attempts:
            with pytest.raises(k.KlachtrechtError) as info:
                attempt()
            for secret in (NAME, CONTACT, COMPLAINT):
                assert secret not in str(info.value)

    def test_repr_hides_personal_data(self) -> None:
        """repr and str of case, parties and records never show personal data."""
        case = oordeel(submitted(), at(2026, 5, 11))
        shown = " ".join(
            [repr(case), str(case), repr(case.facts)]
            + [repr(p) for p in case.parties]
            + [repr(r) for r in case.history]
        )
        for secret in (
            NAME,
            CONTACT,
            COMPLAINT,
            "Praktijk De Knie",
            "gedeeltelijk gegrond",
        ):
            assert secret not in shown

    def test_version_conflict(self) -> None:
        """A caller holding an old version gets a conflict, nothing is lost."""
        case = submitted()
        assert case.version == 2
        with pytest.raises(k.VersionConflictError, match="expected version 1"):
            W.apply(
                case, "extend", at=at(2026, 5, 1), by=P, weeks=2, expected_version=1
            )
        moved = W.apply(
            case, "extend", at=at(2026, 5, 1), by=P, weeks=2, expected_version=2
        )
        assert moved.version == 3

    def test_naive_moment_refused(self) -> None:
        """A naive timestamp is refused, never guessed."""
        with pytest.raises(k.EventDataError, match="naive"):
            W.apply(
                opened(),
                "submit_written",
                at=datetime(2026, 4, 2, 10),  # noqa: DTZ001
                by=K,
                complaint="x",
            )

    def test_moment_before_history_refused(self) -> None:
        """History is chronological: an event cannot predate the last one."""
        with pytest.raises(k.EventDataError, match="chronological"):
            W.apply(opened(), "submit_written", at=at(2026, 3, 1), by=K, complaint="x")

    def test_missing_and_unknown_fields(self) -> None:
        """Missing and unknown fields are named, values are not."""
        with pytest.raises(k.EventDataError, match="missing field 'complaint'"):
            W.apply(opened(), "submit_written", at=at(2026, 4, 2), by=K)
        with pytest.raises(k.EventDataError, match="unknown field"):
            W.apply(opened(), "resolve", at=at(2026, 4, 2), by=K, mood="blij")

    def test_wrong_party_role(self) -> None:
        """The klager field must hold a party in the klager role."""
        with pytest.raises(k.EventDataError, match="role 'klager'"):
            W.open(
                "K-9",
                at=at(2026, 4, 2),
                klager=k.Party(P, "x"),
                provider=k.Party(P, "y"),
            )

    def test_unknown_regime(self) -> None:
        """An unknown regime name is a LookupError naming the known ones."""
        with pytest.raises(LookupError, match="wkkgz"):
            k.regime("no-such-regime")


class TestStatutoryExtensionAfterAgreement:
    """Art. 17 lid 2 stands on its own next to an agreed term (KPZ spelregel 6)."""

    def test_extension_after_agreement(self) -> None:
        """Received Thu 2 Apr 2026; agreed on 10 Apr to Mon 15 Jun; the
        provider still extends by four weeks on 15 May: the statutory date is
        Thu 11 Jun 2026, the agreed date stays 15 Jun, each with its source."""
        case = W.apply(
            submitted(),
            "agree_extension",
            at=at(2026, 4, 10),
            by=K,
            until=date(2026, 6, 15),
        )
        case = W.apply(case, "extend", at=at(2026, 5, 15), by=P, weeks=4)
        statutory, agreed, notice = (
            due(case, "oordeel"),
            due(case, "oordeel_agreed"),
            due(case, "extension_notice"),
        )
        assert date(2026, 6, 11) == statutory.due
        assert "Wkkgz art. 17 lid 1 and lid 2" == statutory.source
        assert date(2026, 6, 15) == agreed.due
        assert "spelregel 6" in agreed.source
        assert (date(2026, 5, 18), date(2026, 5, 15)) == (notice.due, notice.met_on)

    def test_oral_notice_refused(self) -> None:
        """An extension notice recorded as oral does not extend the term."""
        with pytest.raises(k.GuardError, match=r"schriftelijk.*art\. 17 lid 2"):
            W.apply(
                submitted(), "extend", at=at(2026, 5, 1), by=P, weeks=2, form="oral"
            )

    def test_written_notice_recorded(self) -> None:
        """A written notice of two weeks: received Thu 2 Apr 2026, due Thu 28
        May 2026."""
        case = W.apply(
            submitted(), "extend", at=at(2026, 5, 1), by=P, weeks=2, form="written"
        )
        assert date(2026, 5, 28) == due(case, "oordeel").due


class TestWhoMayComplain:
    """Art. 14 lid 1-2 and art. 21 lid 1-3: capacities and what each may ask."""

    def _open(self, capacity: str = "", **extra: Any) -> Case:
        return W.open(
            "K-9",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p-9", capacity, name=NAME),
            provider=k.Party(P, "org-1"),
            **extra,
        )

    @pytest.mark.parametrize(
        "capacity",
        ["client", "surviving_relative", "representative", "refused_representative"],
    )
    def test_art14_capacities(self, capacity: str) -> None:
        """Each person art. 14 names may complain; the capacity is a fact."""
        assert capacity == self._open(capacity=capacity).facts.capacity

    def test_old_party_word_read_as_code(self) -> None:
        """A Party.capacity in the old Dutch words reads as today's code."""
        assert "surviving_relative" == self._open("nabestaande").facts.capacity
        assert "representative" == self._open("vertegenwoordiger").facts.capacity

    def test_unknown_capacity_refused(self) -> None:
        """A neighbour is no person art. 14 names: refused with the article,
        no personal data in the message."""
        with pytest.raises(k.GuardError, match=r"Wkkgz art\. 14 lid 1 en 2") as info:
            self._open("buurman")
        assert NAME not in str(info.value)
        assert "buurman" not in str(info.value)

    def test_association_has_no_complaint(self) -> None:
        """A stichting or vereniging complains to no provider (art. 14), it
        puts a geschil (art. 21 lid 3)."""
        with pytest.raises(k.GuardError, match=r"art\. 21 lid 3"):
            self._open("association")

    def test_association_geschil_on_its_interest(self) -> None:
        """Wed 15 Apr 2026: a vereniging puts a geschil on the interest its
        statutes protect; the ruling is due six months later."""
        case = W.apply(
            self._open(),
            "submit_geschil",
            at=at(2026, 4, 15),
            by=K,
            capacity="association",
            ground="interest",
            motivation="(belang volgens de statuten)",
        )
        assert "dispute" == case.state
        assert date(2026, 10, 15) == due(case, "uitspraak").due

    @pytest.mark.parametrize(
        ("data", "article"),
        [
            ({"capacity": "association", "ground": "c", "motivation": "x"}, "lid 3"),
            ({"capacity": "association", "ground": "interest"}, "lid 3"),
            ({"ground": "interest", "motivation": "x"}, "lid 3"),
            ({"ground": "c", "motivation": "x", "form": "oral"}, "lid 1"),
        ],
    )
    def test_geschil_refusals(self, data: dict[str, Any], article: str) -> None:
        """A ground the capacity may not use, a missing interest or an oral
        geschil is refused with its article."""
        with pytest.raises(k.GuardError, match=rf"Wkkgz art\. 21 {article}"):
            W.apply(
                self._open("client"), "submit_geschil", at=at(2026, 4, 15), by=K, **data
            )

    def test_refused_representative_only_on_ground_b(self) -> None:
        """Art. 21 lid 2: the wrongly refused vertegenwoordiger goes to the
        instantie only when the oordeel does not take the complaint away."""
        case = W.apply(
            self._open("refused_representative"),
            "submit_written",
            at=at(2026, 4, 2),
            by=K,
            complaint=COMPLAINT,
        )
        with pytest.raises(k.GuardError, match=r"Wkkgz art\. 21 lid 2"):
            W.apply(
                case,
                "submit_geschil",
                at=at(2026, 4, 15),
                by=K,
                ground="c",
                motivation="x",
            )
        judged = oordeel(case, at(2026, 5, 11))
        disputed = W.apply(
            judged, "submit_geschil", at=at(2026, 5, 20), by=K, ground="b"
        )
        assert "dispute" == disputed.state


class TestProgress:
    """Art. 16 lid 3: the klager is kept informed; no term, so no deadline."""

    def test_progress_updates_are_recorded(self) -> None:
        """Two updates during the handling are facts in the history."""
        case = W.apply(submitted(), "inform_progress", at=at(2026, 4, 20), by=P)
        case = W.apply(
            case,
            "inform_progress",
            at=at(2026, 5, 4),
            by=Role.KLACHTENFUNCTIONARIS,
            update="(stand van zaken)",
        )
        assert ["inform_progress"] * 2 == [r.event for r in case.history[-2:]]
        assert "Wkkgz art. 16 lid 3" == case.history[-1].basis
        assert "inform_progress" not in [d.key for d in W.deadlines(case)]


class TestArt17AfterAnEnding:
    """What a geschil or withdrawal does to the art. 17 oordeel (art. 17, 21)."""

    def geschil_c(self, **settings: Any) -> Case:
        """Written Thu 2 Apr 2026 (oordeel due Mon 18 May 2026: Hemelvaart and
        a gelijkgestelde dag), geschil on ground c on Mon 20 Apr 2026."""
        case = W.open(
            "K-2",
            at=at(2026, 4, 2),
            klager=k.Party(K, "p-1", "client"),
            provider=k.Party(P, "org-1"),
            settings=WkkgzSettings(**settings),
        )
        case = W.apply(
            case, "submit_written", at=at(2026, 4, 2), by=K, complaint=COMPLAINT
        )
        return W.apply(
            case, "submit_geschil", at=at(2026, 4, 20), by=K, ground="c", motivation="m"
        )

    def test_oordeel_stays_owed_during_the_geschil(self) -> None:
        """By default art. 21 does not end art. 17: the oordeel due 18 May 2026
        is pending during the geschil and can be delivered then (15 May)."""
        case = self.geschil_c()
        assert date(2026, 5, 18) == due(case, "oordeel").due
        assert "oordeel" in {d.key for d in W.pending(case, date(2026, 5, 1))}
        case = oordeel(case, at(2026, 5, 15))
        assert ("dispute", date(2026, 5, 15)) == (
            case.state,
            due(case, "oordeel").met_on,
        )

    def test_oordeel_only_once(self) -> None:
        """A second oordeel while the geschil is pending is refused."""
        case = oordeel(self.geschil_c(), at(2026, 5, 15))
        with pytest.raises(k.GuardError):
            oordeel(case, at(2026, 5, 16))

    def test_setting_lapses(self) -> None:
        """``oordeel_after_geschil="lapses"``: no oordeel owed from 20 Apr 2026."""
        case = self.geschil_c(oordeel_after_geschil="lapses")
        assert "oordeel" not in {d.key for d in W.deadlines(case)}

    def test_withdrawal_keeps_a_missed_oordeel(self) -> None:
        """Withdrawn Mon 1 Jun 2026 after the oordeel due 18 May never came:
        it stays missed; withdrawn Mon 11 May 2026 it is no longer owed."""
        late = W.apply(submitted(), "withdraw", at=at(2026, 6, 1), by=K)
        assert Status.MISSED == due(late, "oordeel").status(date(2026, 6, 1))
        early = W.apply(submitted(), "withdraw", at=at(2026, 5, 11), by=K)
        assert "oordeel" not in {d.key for d in W.deadlines(early)}
