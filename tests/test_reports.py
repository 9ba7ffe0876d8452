"""Statutory reports: the Jeugdwet jaarverslag (art. 4.3.1 lid 2 sub d, f, h,
i, j), its publication deadline (art. 4.3.2 lid 1) and the yearly overview."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht.reports import (
    Category,
    ReportSettings,
    jeugdwet_jaarverslag,
    overview,
    publication,
)
from klachtrecht.testing._walk import settings_type

AMS = ZoneInfo("Europe/Amsterdam")
J = k.regime("jeugdwet")
JeugdwetSettings = settings_type(J)
L, C, P = k.Role.KLACHTENLOKET, k.Role.KLACHTENCOMMISSIE, k.Role.PROVIDER
SETTINGS = ReportSettings(
    aard=(
        Category("bejegening", "Bejegening"),
        Category("communicatie", "Communicatie"),
    ),
    measures=(Category("scholing", "Scholing medewerkers"),),
    description="Klachtenregeling van de aanbieder, via het KPZ",
    composition="Onafhankelijke voorzitter en twee leden",
)


def at(y: int, m: int, d: int) -> datetime:
    """An Amsterdam moment at 10:00."""
    return datetime(y, m, d, 10, tzinfo=AMS)


def handled(
    n: int, finding: str | None, *, measures: bool | None = None, advice: bool = False
) -> k.Case:
    """A Jeugdwet case received 2 Mar 2026, put to the commissie on 9 Mar and,
    if ``finding``, judged on 13 Apr; if ``measures`` is not None, the
    provider's position followed on 4 May."""
    case = J.open(
        f"JW-{n}",
        at=at(2026, 3, 2),
        klager=k.Party(k.Role.KLAGER, f"k{n}", name="PII-Jan Jansen"),
        provider=k.Party(P, "p"),
        complaint="PII-klacht over de begeleiding",
        capacity="parent",
    )
    for event in ("assess", "register", "acknowledge"):
        case = J.apply(case, event, at=at(2026, 3, 3), by=L)
    case = J.apply(case, "contact", at=at(2026, 3, 4), by=L, channel="phone")
    case = J.apply(case, "refer_commissie", at=at(2026, 3, 9), by=L)
    case = J.apply(
        case,
        "compose_commissie",
        at=at(2026, 3, 10),
        by=C,
        commissie=k.Party(C, "kc"),
        members=3,
        chair_works_for_provider=False,
        member_complained_about=False,
    )
    if finding is None:
        return case
    for side in ("klager", "beklaagde"):
        case = J.apply(case, "hear", at=at(2026, 3, 30), by=C, side=side, form="oral")
    extra: dict[str, Any] = {"recommendations": "PII-advies"} if advice else {}
    case = J.apply(
        case,
        "give_oordeel",
        at=at(2026, 4, 13),
        by=C,
        finding=finding,
        reasons="PII-redenen",
        **extra,
    )
    if measures is None:
        return case
    more: dict[str, Any] = {"measures": "PII-maatregel"} if measures else {}
    return J.apply(
        case, "respond", at=at(2026, 5, 4), by=P, takes_measures=measures, **more
    )


def cases() -> list[k.Case]:
    """Seven cases: six judged (five upheld) and one still at the commissie."""
    return [
        handled(1, "upheld", measures=True, advice=True),
        handled(2, "upheld", measures=True),
        handled(3, "upheld", measures=False),
        handled(4, "upheld", measures=True),
        handled(5, "upheld"),
        handled(6, "rejected"),
        handled(7, None),
    ]


def values(report_rows: object) -> dict[str, str]:
    """The rows of a report by key."""
    return {r.key: r.value for r in report_rows}  # type: ignore[attr-defined]


class TestPublication:
    """Art. 4.3.2 lid 1: ten days after adoption, at the latest before 1 June."""

    @pytest.mark.parametrize(
        ("year", "adopted", "due"),
        [
            (2026, date(2027, 3, 5), date(2027, 3, 15)),  # Fri + 10 = Mon 15 Mar
            (2026, date(2027, 4, 7), date(2027, 4, 19)),  # Sat 17 Apr -> Mon (Atw)
            (2026, date(2027, 5, 25), date(2027, 5, 31)),  # 4 Jun is after 31 May
            (2025, None, date(2026, 5, 31)),  # a Sunday: a fixed date, not moved
        ],
    )
    def test_due(self, year: int, adopted: date | None, due: date) -> None:
        """The publication date is the earlier of the two limits."""
        assert due == publication(year, adopted_on=adopted).due

    def test_sources(self) -> None:
        """Both limits cite art. 4.3.2 lid 1."""
        pub = publication(2026, adopted_on=date(2027, 4, 7))
        assert pub.ten_days is not None
        assert "Atw art. 1 lid 1" in pub.ten_days.explain()
        assert "Jeugdwet art. 4.3.2 lid 1" in pub.ten_days.term.source
        assert "uiterlijk voor 1 juni" in pub.latest.term.source

    def test_bad_year(self) -> None:
        """A year must be an int."""
        with pytest.raises(k.ArgumentTypeError):
            publication("2026")  # type: ignore[arg-type]


class TestJaarverslag:
    """The complaint section of the jaarverslag, anonymised."""

    def report(self) -> dict[str, str]:
        """The 2026 report of :func:`cases`, by key."""
        aard = {"JW-1": "bejegening", "JW-2": "communicatie"}
        result = jeugdwet_jaarverslag(
            cases(), 2026, settings=SETTINGS, classify=aard, adopted_on=date(2027, 3, 5)
        )
        return values(result.rows)

    def test_parts_d_and_f(self) -> None:
        """Sub d and f: the regeling's own texts and its terms as set."""
        rows = self.report()
        assert "Klachtenregeling van de aanbieder, via het KPZ" == rows["regeling"]
        assert (
            "contact binnen 5 werkdagen, oordeel binnen 6 weken na indiening"
            == rows["termijnen.1"]
        )
        assert "Onafhankelijke voorzitter en twee leden" == rows["samenstelling"]
        assert "3-3" == rows["leden"]

    def test_part_h_counts_and_aard(self) -> None:
        """Sub h: seven handled; one or two per category are shown as '< 5',
        and 'overig' (five) is hidden too, so nothing can be recomputed."""
        rows = self.report()
        assert "7" == rows["aantal"]
        assert "< 5" == rows["aard.bejegening"]
        assert "< 5" == rows["aard.communicatie"]
        assert "*" == rows["aard.overig"]
        assert "6" == rows["behandeld.oordeel"]
        assert "< 5" == rows["behandeld.lopend"]

    def test_part_i_with_secondary_suppression(self) -> None:
        """Sub i: five upheld, one rejected: the one is '< 5', and upheld is
        hidden ('*') since the total of six would give it away."""
        rows = self.report()
        assert "6" == rows["oordelen"]
        assert "*" == rows["oordeel.upheld"]
        assert "< 5" == rows["oordeel.rejected"]
        assert "0" == rows["oordeel.partly_upheld"]
        assert "< 5" == rows["aanbevelingen"]

    def test_part_j(self) -> None:
        """Sub j: four positions, three with measures, all small."""
        rows = self.report()
        assert "< 5" == rows["standpunten"]
        assert "< 5" == rows["maatregelen.ja"]
        assert "< 5" == rows["maatregel.overig"]

    def test_threshold_one_shows_everything(self) -> None:
        """With threshold 1 nothing is suppressed."""
        result = jeugdwet_jaarverslag(cases(), 2026, settings=SETTINGS, threshold=1)
        rows = values(result.rows)
        assert ("5", "1") == (rows["oordeel.upheld"], rows["oordeel.rejected"])

    def test_json_and_csv_hold_no_identifiers_or_texts(self) -> None:
        """Neither output holds a case id or a personal text."""
        result = jeugdwet_jaarverslag(cases(), 2026, settings=SETTINGS, threshold=1)
        for text in (result.to_json(), result.to_csv()):
            assert "JW-" not in text
            assert "PII" not in text

    def test_json_shape(self) -> None:
        """JSON with Dutch keys and the publication deadline."""
        result = jeugdwet_jaarverslag(
            cases(), 2026, settings=SETTINGS, adopted_on=date(2027, 3, 5)
        )
        doc = json.loads(result.to_json())
        assert "2027-03-15" == doc["openbaarmaking"]["uiterlijk"]
        assert "2027-05-31" == doc["openbaarmaking"]["voor_1_juni"]
        first = doc["rijen"][0]
        assert ["bron", "omschrijving", "onderdeel", "sleutel", "waarde"] == sorted(
            first
        )
        assert "Jeugdwet art. 4.3.1 lid 2 sub d" == first["bron"]

    def test_csv_shape(self) -> None:
        """CSV with a Dutch header, semicolon-separated."""
        text = jeugdwet_jaarverslag(cases(), 2026, settings=SETTINGS).to_csv()
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        assert ["onderdeel", "sleutel", "omschrijving", "waarde", "bron"] == rows[0]
        assert ["h", "aantal", "Aantal klachten", "7"] == rows[5][:4]

    def test_events_after_the_year_do_not_count(self) -> None:
        """The report over 2025 sees none of the 2026 cases."""
        rows = values(jeugdwet_jaarverslag(cases(), 2025, settings=SETTINGS).rows)
        assert "0" == rows["aantal"]

    def test_unknown_category(self) -> None:
        """A category code the regeling does not have is refused."""
        with pytest.raises(k.InvalidSettingError, match="JW-1"):
            jeugdwet_jaarverslag(
                cases(), 2026, settings=SETTINGS, classify={"JW-1": "geld"}
            )

    def test_bad_settings(self) -> None:
        """Categories must be Category values with unique codes."""
        with pytest.raises(k.InvalidSettingError):
            ReportSettings(aard=("bejegening",))
        with pytest.raises(k.InvalidSettingError):
            ReportSettings(aard=(Category("a", "A"), Category("a", "B")))

    def test_bad_threshold(self) -> None:
        """The threshold is an int of at least one."""
        with pytest.raises(k.ArgumentTypeError):
            jeugdwet_jaarverslag(cases(), 2026, settings=SETTINGS, threshold=0)


class TestOverview:
    """The yearly overview for regimes without a statutory report."""

    def test_wkkgz(self) -> None:
        """Received, ended and open Wkkgz cases of 2026, by Dutch label."""
        w = k.regime("wkkgz")
        made = []
        for n in range(6):
            case = w.open(
                f"W-{n}",
                at=at(2026, 2, 2),
                klager=k.Party(k.Role.KLAGER, "k"),
                provider=k.Party(P, "p"),
            )
            if n < 5:
                case = w.apply(case, "resolve", at=at(2026, 2, 9), by=k.Role.KLAGER)
            made.append(case)
        result = overview(made, 2026, regime="wkkgz")
        rows = values(result.rows)
        assert "Jaaroverzicht klachten" == result.title
        assert ("6", "6") == (rows["aantal"], rows["aard.overig"])
        assert ("5", "5") == (rows["afgesloten"], rows["afloop.closed"])
        assert "< 5" == rows["open"]
        labels = {r.key: r.label for r in result.rows}
        assert "Afgesloten" == labels["afloop.closed"]

    def test_only_the_regime_asked(self) -> None:
        """Cases of other regimes are left out."""
        rows = values(overview(cases(), 2026, regime="wkkgz").rows)
        assert "0" == rows["aantal"]


def test_settings_of_the_regeling_are_read() -> None:
    """Sub d states the terms of every settings value in use."""
    case = J.open(
        "JW-9",
        at=at(2026, 3, 2),
        klager=k.Party(k.Role.KLAGER, "k"),
        provider=k.Party(P, "p"),
        complaint="PII-x",
        capacity="youth",
        settings=JeugdwetSettings(oordeel_weeks=8, oordeel_from="commissie"),
    )
    rows = values(jeugdwet_jaarverslag([case], 2026, settings=SETTINGS).rows)
    assert "oordeel binnen 8 weken na voorlegging" in rows["termijnen.1"]
