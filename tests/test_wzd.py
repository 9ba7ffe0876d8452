"""Scenario tests for the Wzd regime (art. 53-56g): the paths where the Wzd
differs from the Wvggz, and the shared ones under Wzd citations; real dates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import Case, Role, Status
from klachtrecht.regimes.wzd import SUBJECTS, WzdSettings
from klachtrecht.serialize import dumps, loads

AMS = ZoneInfo("Europe/Amsterdam")
W = k.regime("wzd")
K, P, C, R = Role.KLAGER, Role.PROVIDER, Role.KLACHTENCOMMISSIE, Role.RECHTER


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def received(
    when: datetime = datetime(2026, 12, 11, 10, tzinfo=AMS), **extra: Any
) -> Case:
    """A klacht about the care plan received on Fri 11 Dec 2026."""
    data: dict[str, Any] = {
        "klager": k.Party(K, "c-1", "vertegenwoordiger", name="Mentor Jansen"),
        "provider": k.Party(P, "vg-1"),
        "capacity": "vertegenwoordiger",
        "ground": "care_plan",
        "concerns": "decision",
        "complaint": "onvrijwillige zorg zonder instemming",
    }
    data.update(extra)
    return W.open("WZD-1", at=when, by=C, **data)


def decided(case: Case, when: datetime, **data: Any) -> Case:
    """Both sides heard, then the commissie decides on ``when``."""
    for side in ("klager", "beklaagde"):
        case = W.apply(case, "hear", at=when, by=C, side=side)
    data.setdefault("outcome", "unfounded")
    return W.apply(case, "decide", at=when, by=C, reasons="omdat", **data)


def due(case: Case, key: str) -> k.Due:
    """The obligation ``key`` of ``case``."""
    (found,) = [d for d in W.deadlines(case) if d.key == key]
    return found


class TestSubjects:
    """Art. 55: subjects by name, lid 2 the Wzd-functionaris."""

    def test_each_subject_opens(self) -> None:
        """Each subject of art. 55 lid 1 sub a-f and lid 2 opens a case."""
        assert 7 == len(SUBJECTS)
        for subject in SUBJECTS:
            assert received(ground=subject).facts.ground == subject

    def test_other_subject_refused_with_article(self) -> None:
        """A klacht about something else (e.g. a Wvggz article) is refused
        citing Wzd art. 55 and the Wkkgz route (art. 53 lid 2)."""
        with pytest.raises(k.EventDataError) as info:
            received(ground="8:9")
        assert "Wzd art. 55 lid 1 en 2" in str(info.value)
        assert "art. 53 lid 2" in str(info.value)

    def test_measure_is_opname_en_verblijf(self) -> None:
        """A klacht about a besluit tot opname en verblijf is niet-ontvankelijk
        (56b lid 2)."""
        case = W.apply(received(), "measure_content", at=at(2026, 12, 14), by=C)
        with pytest.raises(k.GuardError, match=r"opname en verblijf.*56b lid 2"):
            decided(case, at(2026, 12, 17))


class TestTerms:
    """Art. 56a, 56c, 56e: the same terms as the Wvggz, Wzd citations."""

    def test_fourteen_days_past_kerst(self) -> None:
        """Received Fri 11 Dec 2026: 14 days end on Eerste Kerstdag, so the
        commissie decides by Mon 28 Dec 2026 (56a lid 2)."""
        deadline = due(received(), "decision")
        assert date(2026, 12, 28) == deadline.due
        assert "Wzd art. 56a lid 2" == deadline.source

    def test_four_weeks_56a_lid_3(self) -> None:
        """Effect lapsed: four weeks from ontvangst, Fri 8 Jan 2027."""
        case = W.apply(
            received(), "effect_lapsed", at=at(2026, 12, 14), by=P, at_filing=False
        )
        assert date(2027, 1, 8) == due(case, "decision").due
        assert "Wzd art. 56a lid 3" == due(case, "decision").source

    def test_petition_and_court_without_atw(self) -> None:
        """With the Atw off for the verzoekschrift and the rechter (settings),
        the plain ends apply and are marked in the source."""
        settings = WzdSettings(atw_petition=False, atw_court=False)
        case = decided(received(settings=settings), at(2026, 12, 17))
        case = W.apply(case, "notify", at=at(2026, 12, 18), by=C, to="indiener")
        petition = due(case, "petition_vertegenwoordiger")
        assert date(2027, 1, 29) == petition.due
        assert "atw_petition=False" in petition.source
        case = W.apply(
            case,
            "petition",
            at=at(2027, 1, 2),
            by=K,
            petitioner="vertegenwoordiger",
            petition="verzoek",
        )
        court = due(case, "court_decision")
        assert date(2027, 1, 30) == court.due  # a Saturday: no Atw
        assert "Wzd art. 56e lid 2" in court.source


class TestDegeneOpWieDeKlachtBetrekkingHeeft:
    """Art. 56b lid 6, 56c lid 1, 56d lid 1: the person complained about."""

    def _decided(self) -> Case:
        return decided(received(), at(2026, 12, 17))

    def test_may_file_in_provider_role(self) -> None:
        """Degene op wie de klacht betrekking heeft may file the verzoekschrift,
        in the provider's role; its term runs from its own mededeling."""
        case = W.apply(
            self._decided(), "notify", at=at(2026, 12, 21), by=C, to="beklaagde"
        )
        assert date(2027, 2, 1) == due(case, "petition_beklaagde").due
        with pytest.raises(k.GuardError, match="56c lid 1"):
            W.apply(
                case,
                "petition",
                at=at(2027, 1, 5),
                by=K,
                petitioner="beklaagde",
                petition="verzoek",
            )
        moved = W.apply(
            case,
            "petition",
            at=at(2027, 1, 5),
            by=P,
            petitioner="beklaagde",
            petition="verzoek",
        )
        assert moved.state == "court"

    def test_archive_needs_mededeling_to_beklaagde(self) -> None:
        """The case closes only after the decision was also communicated to
        degene op wie de klacht betrekking heeft."""
        case = self._decided()
        for to in ("indiener", "zorgaanbieder", "client"):
            case = W.apply(case, "notify", at=at(2026, 12, 18), by=C, to=to)
        with pytest.raises(k.GuardError, match="degene op wie de klacht"):
            W.apply(case, "archive", at=at(2027, 3, 1), by=C)
        case = W.apply(case, "notify", at=at(2026, 12, 18), by=C, to="beklaagde")
        assert W.apply(case, "archive", at=at(2027, 3, 1), by=C).state == "archived"

    def test_archive_waits_for_the_clients_six_weeks(self) -> None:
        """The vertegenwoordiger complained: the cliënt, told on Mon 4 Jan 2027,
        may file until Mon 15 Feb 2027, so the case closes on 16 Feb at the
        earliest (56b lid 6, 56c lid 2)."""
        case = self._decided()
        for to in ("indiener", "zorgaanbieder", "beklaagde"):
            case = W.apply(case, "notify", at=at(2026, 12, 18), by=C, to=to)
        with pytest.raises(k.GuardError, match="not yet communicated to the cliënt"):
            W.apply(case, "archive", at=at(2027, 3, 1), by=C)
        case = W.apply(case, "notify", at=at(2027, 1, 4), by=C, to="client")
        assert date(2027, 2, 15) == due(case, "petition_client").due
        with pytest.raises(k.GuardError, match="until 2027-02-15"):
            W.apply(case, "archive", at=at(2027, 2, 15), by=C)
        assert W.apply(case, "archive", at=at(2027, 2, 16), by=C).state == "archived"

    def test_rechter_hears_five(self) -> None:
        """The rechter hears verzoeker, cliënt, zorgaanbieder, degene op wie de
        klacht betrekking heeft and zorgverantwoordelijke (56d lid 1)."""
        case = W.apply(
            self._decided(), "notify", at=at(2026, 12, 18), by=C, to="indiener"
        )
        case = W.apply(
            case,
            "petition",
            at=at(2027, 1, 4),
            by=K,
            petitioner="vertegenwoordiger",
            petition="verzoek",
        )
        for side in ("verzoeker", "client", "zorgaanbieder", "zorgverantwoordelijke"):
            case = W.apply(case, "court_hear", at=at(2027, 1, 18), by=R, side=side)
        with pytest.raises(k.GuardError, match="degene op wie de klacht"):
            W.apply(
                case,
                "court_decide",
                at=at(2027, 1, 25),
                by=R,
                outcome="unfounded",
                reasons="x",
            )
        case = W.apply(case, "court_hear", at=at(2027, 1, 18), by=R, side="beklaagde")
        done = W.apply(
            case,
            "court_decide",
            at=at(2027, 1, 25),
            by=R,
            outcome="founded",
            reasons="x",
            annulment="partial",
            order="nieuwe beslissing",
            order_until=date(2027, 2, 8),
            damages_awarded=Decimal("300.00"),
        )
        assert done.state == "court_decided"
        assert due(done, "court_decision").status(date(2027, 2, 1)) is Status.MET

    def test_rechter_awards_no_damages_when_not_reaching_klacht(self) -> None:
        """The rechter's niet-ontvankelijkverklaring of the verzoek on Mon 25 Jan
        2027 awards no damages (56f lid 1, 56g lid 2)."""
        case = W.apply(
            self._decided(), "notify", at=at(2026, 12, 18), by=C, to="indiener"
        )
        case = W.apply(
            case,
            "petition",
            at=at(2027, 1, 4),
            by=K,
            petitioner="vertegenwoordiger",
            petition="verzoek",
        )
        for side in ("verzoeker", "client", "zorgaanbieder", "beklaagde"):
            case = W.apply(case, "court_hear", at=at(2027, 1, 18), by=R, side=side)
        case = W.apply(
            case, "court_hear", at=at(2027, 1, 18), by=R, side="zorgverantwoordelijke"
        )
        with pytest.raises(k.GuardError, match=r"56f lid 1 en 56g lid 2"):
            W.apply(
                case,
                "court_decide",
                at=at(2027, 1, 25),
                by=R,
                outcome="inadmissible",
                reasons="x",
                damages_awarded=Decimal("5.00"),
            )

    def test_round_trip(self) -> None:
        """A Wzd case survives dumps/loads unchanged, settings included."""
        case = W.apply(
            received(settings=WzdSettings(atw_decision=False)),
            "suspend",
            at=at(2026, 12, 12),
            by=C,
        )
        assert case == loads(dumps(case))
