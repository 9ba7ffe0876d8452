"""Affiliations (aansluitingen) over time: scenarios with real periods (the BEN
end date, a mixed practice), texts, errors, and day-by-day properties."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import Case, Role
from klachtrecht.affiliations import (
    PROVIDER_REGIMES,
    REQUIREMENTS,
    AffiliationError,
    Affiliations,
    Arrangement,
    Basis,
    Component,
    Cover,
    Engagement,
    Gap,
    LegalKind,
    OverlapError,
    PeriodError,
    Provider,
    ProviderKind,
    RegimeMismatchError,
    Requirement,
    UnknownProviderError,
    wmo_requirement,
)

AMS = ZoneInfo("Europe/Amsterdam")
R, F = Component.REGELING, Component.FUNCTIONARIS
C, G = Component.COMMISSIE, Component.GESCHILLENINSTANTIE
PRACTICE, PRACTITIONER = ProviderKind.PRACTICE, ProviderKind.PRACTITIONER
BEN_END = date(2023, 12, 31)
NAME = "Echopraktijk Anna de Vries"
SECRET = "Anna de Vries"


def arr(
    ref: str,
    component: Component,
    body: str,
    start: date,
    until: date | None = None,
    **extra: str,
) -> Arrangement:
    """A short way to write an arrangement."""
    return Arrangement(
        provider=ref,
        component=component,
        body=body,
        valid_from=start,
        valid_until=until,
        **extra,
    )


def ben_member(functionaris_from: date | None = None) -> Affiliations:
    """A solo BEN member: own regeling and geschilleninstantie, the BEN
    klachtenfunctionaris (Klacht&Company) until 31 December 2023, and
    optionally a new one from ``functionaris_from``."""
    items: list[Provider | Arrangement | Engagement] = [
        Provider("echo-1", PRACTITIONER, name=SECRET),
        arr("echo-1", R, "Eigen klachtenregeling", date(2017, 1, 1)),
        arr("echo-1", F, "Klacht&Company (via BEN)", date(2017, 1, 1), BEN_END),
        arr("echo-1", G, "Geschilleninstantie X", date(2017, 1, 1)),
    ]
    if functionaris_from is not None:
        items.append(arr("echo-1", F, "Klachtenportaal Y", functionaris_from))
    return Affiliations().add(*items)


def mixed_practice() -> Affiliations:
    """A mixed practice (seed ben-leden): one echoscopist employed, one working
    as zzp'er through the practice with her own klachtenfunctionaris."""
    return Affiliations().add(
        Provider("praktijk-1", PRACTICE, name=NAME),
        Provider("echo-in-dienst", PRACTITIONER),
        Provider("echo-zzp", PRACTITIONER, name=SECRET),
        arr("praktijk-1", R, "Klachtenportaal A", date(2024, 1, 1), contact="www.a.nl"),
        arr("praktijk-1", F, "Klachtenportaal A", date(2024, 1, 1), reference="A-17"),
        arr("praktijk-1", G, "Geschillencommissie B", date(2024, 1, 1)),
        arr("echo-zzp", F, "Klachtenportaal Z", date(2024, 3, 1)),
        Engagement(
            practitioner="echo-in-dienst",
            practice="praktijk-1",
            basis=Basis.EMPLOYED,
            valid_from=date(2024, 1, 1),
            valid_until=date(2024, 6, 30),
        ),
        Engagement(
            practitioner="echo-zzp",
            practice="praktijk-1",
            basis=Basis.ZZP,
            valid_from=date(2024, 1, 1),
        ),
    )


def at(y: int, m: int, d: int) -> datetime:
    """An Amsterdam moment at ten o'clock."""
    return datetime(y, m, d, 10, tzinfo=AMS)


def wkkgz_case(written: datetime, provider: str = "echo-1") -> Case:
    """A Wkkgz case opened a week before its written complaint on ``written``."""
    wkkgz = k.regime("wkkgz")
    case = wkkgz.open(
        "K-1",
        at=written - timedelta(days=7),
        klager=k.Party(Role.KLAGER, "c-1", "client", name="Klager"),
        provider=k.Party(Role.PROVIDER, provider, name=NAME),
        summary="onvrede",
    )
    return wkkgz.apply(
        case, "submit_written", at=written, by=Role.KLAGER, complaint="x"
    )


class TestBenEndDate:
    """The BEN arrangement stopped on 31 December 2023 (seed ben-leden)."""

    def test_complete_on_the_last_day(self) -> None:
        """On 31 December 2023 the BEN member is fully covered under the Wkkgz."""
        check = ben_member().check("echo-1", regime="wkkgz", receipt_day=BEN_END)
        assert frozenset() == check.missing
        assert check.complete

    def test_functionaris_missing_from_new_year(self) -> None:
        """On 1 January 2024 only the klachtenfunctionaris is missing."""
        check = ben_member().check(
            "echo-1", regime="wkkgz", receipt_day=date(2024, 1, 1)
        )
        assert frozenset({F}) == check.missing

    def test_gap_opens_on_1_january_2024(self) -> None:
        """With nothing new arranged, one gap runs from 1 January 2024 on."""
        expected = (Gap(date(2024, 1, 1), date(2024, 12, 31), frozenset({F})),)
        actual = ben_member().gaps(
            "echo-1", date(2023, 1, 1), date(2024, 12, 31), regime="wkkgz"
        )
        assert expected == actual

    def test_late_new_functionaris_leaves_a_january_gap(self) -> None:
        """A new klachtenfunctionaris from 1 February 2024 leaves January uncovered."""
        expected = (Gap(date(2024, 1, 1), date(2024, 1, 31), frozenset({F})),)
        actual = ben_member(date(2024, 2, 1)).gaps(
            "echo-1", date(2023, 1, 1), date(2024, 12, 31), regime="wkkgz"
        )
        assert expected == actual

    def test_seamless_switch_has_no_gap(self) -> None:
        """A new klachtenfunctionaris from 1 January 2024 leaves no gap."""
        actual = ben_member(date(2024, 1, 1)).gaps(
            "echo-1", date(2023, 1, 1), date(2024, 12, 31), regime="wkkgz"
        )
        assert () == actual

    def test_end_closes_an_open_arrangement(self) -> None:
        """Ending an open arrangement on 31 December 2023 equals recording the end."""
        open_ended = Affiliations().add(
            Provider("echo-1", PRACTITIONER, name=SECRET),
            arr("echo-1", R, "Eigen klachtenregeling", date(2017, 1, 1)),
            arr("echo-1", F, "Klacht&Company (via BEN)", date(2017, 1, 1)),
            arr("echo-1", G, "Geschilleninstantie X", date(2017, 1, 1)),
        )
        assert ben_member() == open_ended.end("echo-1", F, on=BEN_END)

    def test_case_received_in_january_is_incomplete(self) -> None:
        """A written Wkkgz complaint received 15 January 2024 finds no functionaris."""
        check = ben_member().check_case(wkkgz_case(at(2024, 1, 15)))
        assert (date(2024, 1, 15), frozenset({F})) == (check.day, check.missing)

    def test_case_uses_the_written_complaint_date(self) -> None:
        """The receipt date is the written complaint's, not the onvrede's."""
        check = ben_member().check_case(wkkgz_case(at(2024, 1, 3)))
        assert date(2024, 1, 3) == check.day
        assert not check.complete

    def test_case_received_in_december_is_complete(self) -> None:
        """A written complaint received 20 December 2023 is fully covered."""
        assert ben_member().check_case(wkkgz_case(at(2023, 12, 20))).complete

    def test_case_provider_can_be_overridden(self) -> None:
        """``ref=`` checks another provider than the case's provider party."""
        aff = ben_member().add(Provider("other", PRACTICE))
        check = aff.check_case(wkkgz_case(at(2023, 12, 20)), ref="other")
        assert frozenset({R, F, G}) == check.missing

    def test_check_str_cites_the_article(self) -> None:
        """The check's text names the missing component with its article."""
        check = ben_member().check(
            "echo-1", regime="wkkgz", receipt_day=date(2024, 1, 1)
        )
        expected = (
            "provider 'echo-1' on 2024-01-01 (Wkkgz): "
            "missing klachtenfunctionaris (Wkkgz art. 15)"
        )
        assert expected == str(check)


class TestMixedPractice:
    """Some echoscopists are employed, some work as zzp'er via the practice."""

    def test_employee_is_covered_by_the_practice(self) -> None:
        """An employee falls under all three of the practice's arrangements."""
        cov = mixed_practice().coverage_on("echo-in-dienst", date(2024, 2, 1))
        assert ["praktijk-1"] * 3 == [c.arrangement.provider for c in cov.covers]
        assert all(c.via is not None for c in cov.covers)

    def test_zzp_own_functionaris_takes_precedence(self) -> None:
        """From 1 March 2024 the zzp'er's own functionaris comes first."""
        cov = mixed_practice().coverage_on("echo-zzp", date(2024, 3, 1))
        cover = cov.get(F)
        assert cover is not None
        assert ("Klachtenportaal Z", None) == (cover.arrangement.body, cover.via)

    def test_zzp_falls_back_on_the_practice(self) -> None:
        """Before her own arrangement starts, the zzp'er uses the practice's."""
        cover = mixed_practice().coverage_on("echo-zzp", date(2024, 2, 29)).get(F)
        assert cover is not None
        assert "praktijk-1" == cover.arrangement.provider

    def test_union_per_component(self) -> None:
        """Own functionaris, the practice's regeling and geschilleninstantie."""
        cov = mixed_practice().coverage_on("echo-zzp", date(2024, 4, 1))
        expected = [("praktijk-1", R), ("echo-zzp", F), ("praktijk-1", G)]
        assert expected == [(c.arrangement.provider, c.component) for c in cov.covers]

    def test_employment_end_opens_a_gap(self) -> None:
        """After the employment ends on 30 June 2024 nothing covers the employee."""
        expected = (Gap(date(2024, 7, 1), date(2024, 12, 31), frozenset({R, F, G})),)
        actual = mixed_practice().gaps(
            "echo-in-dienst", date(2024, 1, 1), date(2024, 12, 31), regime="wkkgz"
        )
        assert expected == actual

    def test_practice_itself_has_no_engagement_fallback(self) -> None:
        """A practice is covered by its own arrangements only."""
        gaps = mixed_practice().gaps(
            "praktijk-1", date(2023, 12, 1), date(2024, 1, 31), regime="wkkgz"
        )
        assert (Gap(date(2023, 12, 1), date(2023, 12, 31), frozenset({R, F, G})),) == (
            gaps
        )

    def test_employed_before_zzp_between_practices(self) -> None:
        """Working through two practices, the employer's arrangement comes first."""
        aff = mixed_practice().add(
            Provider("praktijk-2", PRACTICE),
            arr("praktijk-2", R, "Klachtenportaal C", date(2024, 1, 1)),
            Engagement(
                practitioner="echo-zzp",
                practice="praktijk-2",
                basis=Basis.EMPLOYED,
                valid_from=date(2024, 5, 1),
            ),
        )
        cover = aff.coverage_on("echo-zzp", date(2024, 5, 1)).get(R)
        assert cover is not None
        assert "praktijk-2" == cover.arrangement.provider

    def test_where_to_file_under_the_wkkgz(self) -> None:
        """Under the Wkkgz a complaint is filed under the klachtenregeling."""
        cov = mixed_practice().coverage_on("echo-in-dienst", date(2024, 2, 1))
        cover = cov.file_with("wkkgz")
        assert cover is not None
        assert (R, "www.a.nl") == (cover.component, cover.arrangement.contact)

    def test_where_to_file_under_the_jeugdwet(self) -> None:
        """Under the Jeugdwet the klachtencommissie is where a complaint goes."""
        aff = mixed_practice().add(
            arr("praktijk-1", C, "Klachtencommissie D", date(2024, 1, 1))
        )
        cover = aff.coverage_on("echo-zzp", date(2024, 2, 1)).file_with("jeugdwet")
        assert cover is not None
        assert "Klachtencommissie D" == cover.arrangement.body


class TestRequirements:
    """What each regime requires, as data with its source."""

    @pytest.mark.parametrize(
        ("regime", "expected"),
        [
            (
                "wkkgz",
                ((R, "Wkkgz art. 13"), (F, "Wkkgz art. 15"), (G, "Wkkgz art. 18")),
            ),
            ("klp", ((R, "Wkkgz art. 13"), (F, "Wkkgz art. 15"), (G, "Wkkgz art. 18"))),
            (
                "jeugdwet",
                (
                    (R, "Jeugdwet art. 4.2.1 lid 1"),
                    (C, "Jeugdwet art. 4.2.1 lid 2 sub a"),
                ),
            ),
            ("wmo", ((R, "Wmo 2015 art. 3.2 lid 1 sub a jo. art. 2.1.3 lid 2 sub d"),)),
        ],
    )
    def test_needs_per_regime(
        self, regime: str, expected: tuple[tuple[Component, str], ...]
    ) -> None:
        """Each regime requires exactly these components, with these sources."""
        assert expected == REQUIREMENTS[regime].needs

    def test_jeugdwet_needs_a_commissie_not_a_functionaris(self) -> None:
        """A Wkkgz-complete provider still lacks a klachtencommissie (Jeugdwet)."""
        check = ben_member().check("echo-1", regime="jeugdwet", receipt_day=BEN_END)
        assert frozenset({C}) == check.missing

    def test_wmo_needs_only_a_regeling(self) -> None:
        """Under the Wmo 2015 a regeling alone is complete."""
        aff = Affiliations().add(
            Provider("wmo-1", PRACTICE), arr("wmo-1", R, "Regeling", date(2024, 1, 1))
        )
        assert aff.check("wmo-1", regime="wmo", receipt_day=date(2024, 1, 1)).complete

    def test_wmo_without_verordening_duty(self) -> None:
        """Where the verordening requires nothing, nothing is missing."""
        nothing = Requirement("wmo", "Wmo 2015", (), None, "no verordening duty")
        aff = Affiliations().add(Provider("wmo-1", PRACTICE))
        assert () == aff.gaps(
            "wmo-1", date(2024, 1, 1), date(2024, 12, 31), regime=nothing
        )

    def test_unknown_regime(self) -> None:
        """An unknown regime name is a LookupError naming the known ones."""
        with pytest.raises(k.UnknownRegimeError, match="known: jeugdwet"):
            ben_member().check("echo-1", regime="awb", receipt_day=BEN_END)


class TestTexts:
    """The client-facing text and the proof of affiliation (Dutch)."""

    def test_client_text(self) -> None:
        """The published text names each body, its contact and the practice."""
        expected = "\n".join(
            [
                "Klachten",
                "",
                "Bent u niet tevreden? Bespreek het eerst met ons. Komen we er "
                "samen niet uit, dan kunt u een klacht indienen.",
                "",
                "- Klachtenregeling: deze zorgverlener valt onder de "
                f"klachtenregeling van Klachtenportaal A (www.a.nl), geregeld via "
                f"{NAME}. Daarin staat hoe u een klacht indient.",
                f"- Klachtenfunctionaris: Klachtenportaal A, geregeld via {NAME}. "
                "De klachtenfunctionaris geeft u gratis advies en helpt u bij het "
                "indienen van uw klacht.",
                "- Geschilleninstantie: bent u niet tevreden over de afhandeling "
                "van uw klacht, dan kunt u het geschil voorleggen aan "
                f"Geschillencommissie B, geregeld via {NAME}.",
                "",
                "Deze informatie geldt op 29 februari 2024.",
            ]
        )
        actual = mixed_practice().client_text(
            "echo-in-dienst", day=date(2024, 2, 29), regime="wkkgz"
        )
        assert expected == actual

    def test_client_text_refused_while_incomplete(self) -> None:
        """No client text is produced for a day with a gap."""
        with pytest.raises(AffiliationError, match="missing klachtenfunctionaris"):
            ben_member().client_text("echo-1", day=date(2024, 1, 1), regime="wkkgz")

    def test_proof_lists_missing_components(self) -> None:
        """The proof marks a missing component and concludes incomplete."""
        proof = ben_member().proof("echo-1", day=date(2024, 1, 1), regime="wkkgz")
        assert "Klachtenfunctionaris (Wkkgz art. 15): ONTBREEKT" in proof.splitlines()
        assert proof.endswith("Conclusie: ONVOLLEDIG; ontbreekt: klachtenfunctionaris.")

    def test_proof_of_a_complete_affiliation(self) -> None:
        """The proof gives body, aansluitnummer, periods and the engagement."""
        expected = "\n".join(
            [
                "Bewijs van aansluiting",
                f"Zorgaanbieder: {NAME} (kenmerk praktijk-1)",
                "Peildatum: 1 januari 2024",
                "Wettelijk kader: Wkkgz",
                "",
                "Klachtenregeling (Wkkgz art. 13): Klachtenportaal A, geldig "
                "vanaf 1 januari 2024, zonder einddatum",
                "Klachtenfunctionaris (Wkkgz art. 15): Klachtenportaal A, "
                "aansluitnummer A-17, geldig vanaf 1 januari 2024, zonder einddatum",
                "Geschilleninstantie (Wkkgz art. 18): Geschillencommissie B, "
                "geldig vanaf 1 januari 2024, zonder einddatum",
                "",
                "Conclusie: volledig aangesloten (Wkkgz).",
            ]
        )
        actual = mixed_practice().proof(
            "praktijk-1", day=date(2024, 1, 1), regime="wkkgz"
        )
        assert expected == actual

    def test_proof_shows_the_engagement(self) -> None:
        """A cover through a practice states the basis and its period."""
        proof = mixed_practice().proof(
            "echo-in-dienst", day=date(2024, 6, 30), regime="wkkgz"
        )
        expected = (
            f"; via {NAME} (kenmerk praktijk-1), in dienst van 1 januari 2024 "
            "tot en met 30 juni 2024"
        )
        assert proof.splitlines()[5].endswith(expected)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (date(2024, 1, 1), "1 januari 2024"),
            (date(2024, 2, 29), "29 februari 2024"),
            (date(2024, 3, 31), "31 maart 2024"),
            (date(2024, 5, 5), "5 mei 2024"),
            (date(2024, 8, 15), "15 augustus 2024"),
            (date(2023, 12, 31), "31 december 2023"),
        ],
    )
    def test_dutch_dates(self, day: date, expected: str) -> None:
        """Peildata are written in Dutch without the locale."""
        aff = Affiliations().add(Provider("p", PRACTICE))
        assert f"Peildatum: {expected}" in aff.proof("p", day=day, regime="wkkgz")

    def test_jeugdwet_text_mentions_the_commissie(self) -> None:
        """A Jeugdwet text names the klachtencommissie and no geschilleninstantie."""
        aff = Affiliations().add(
            Provider("jh-1", PRACTICE),
            arr("jh-1", R, "Regeling J", date(2024, 1, 1)),
            arr("jh-1", C, "Commissie J", date(2024, 1, 1)),
        )
        text = aff.client_text("jh-1", day=date(2024, 1, 1), regime="jeugdwet")
        assert (
            "- Klachtencommissie: uw klacht wordt beoordeeld door de "
            "klachtencommissie van Commissie J."
        ) in text.splitlines()
        assert "Geschilleninstantie" not in text

    def test_names_stay_out_of_repr(self) -> None:
        """A display name is never shown by repr or str."""
        aff = mixed_practice()
        shown = (
            repr(aff) + str(aff.provider("echo-zzp")) + repr(aff.provider("praktijk-1"))
        )
        assert SECRET not in shown
        assert NAME not in shown


class TestErrors:
    """Clear errors for inverted and overlapping periods and wrong types: the
    field is named, the ref is kept in ``.ref``, no input value is echoed."""

    def test_inverted_arrangement(self) -> None:
        """An arrangement ending before it starts names the fields, not the dates."""
        with pytest.raises(PeriodError) as info:
            arr("echo-1", F, "X", date(2024, 1, 1), date(2023, 12, 31))
        expected = "Arrangement: valid_until is before valid_from"
        assert (expected, "echo-1") == (str(info.value), info.value.ref)

    def test_inverted_engagement(self) -> None:
        """An engagement ending before it starts is refused without its dates."""
        with pytest.raises(PeriodError) as info:
            Engagement(
                practitioner="echo-1",
                practice="praktijk-1",
                basis=Basis.ZZP,
                valid_from=date(2024, 1, 1),
                valid_until=date(2023, 1, 1),
            )
        assert "Engagement: valid_until is before valid_from" == str(info.value)
        assert "2023" not in str(info.value)

    def test_overlapping_arrangements(self) -> None:
        """Two functionaris arrangements sharing a day are refused; the error
        holds both records, the message neither."""
        with pytest.raises(OverlapError) as info:
            ben_member(date(2023, 12, 31))
        expected = (
            "two klachtenfunctionaris arrangements of one provider overlap "
            "(see .first and .second); end the first before the second starts"
        )
        assert expected == str(info.value)
        assert "echo-1" == info.value.ref
        first, second = info.value.first, info.value.second
        assert isinstance(first, Arrangement)
        assert isinstance(second, Arrangement)
        assert (BEN_END, date(2023, 12, 31)) == (first.valid_until, second.valid_from)

    def test_open_ended_arrangement_overlaps_a_later_one(self) -> None:
        """An open-ended arrangement overlaps any later one for that component."""
        with pytest.raises(OverlapError) as info:
            Affiliations().add(
                Provider("p", PRACTICE),
                arr("p", G, "A", date(2017, 1, 1)),
                arr("p", G, "B", date(2030, 1, 1)),
            )
        first = info.value.first
        assert isinstance(first, Arrangement)
        assert ("A", None) == (first.body, first.valid_until)

    def test_overlap_is_also_a_value_error(self) -> None:
        """Callers catching ValueError or KlachtrechtError catch an overlap."""
        assert issubclass(OverlapError, ValueError)
        assert issubclass(OverlapError, k.KlachtrechtError)

    def test_overlapping_engagements_with_one_practice(self) -> None:
        """Two overlapping engagements with the same practice are refused."""
        second = Engagement(
            practitioner="echo-zzp",
            practice="praktijk-1",
            basis=Basis.EMPLOYED,
            valid_from=date(2025, 1, 1),
        )
        with pytest.raises(OverlapError, match="two engagements") as info:
            mixed_practice().add(second)
        assert "echo-zzp" == info.value.ref

    def test_different_components_may_share_days(self) -> None:
        """Periods of different components never overlap each other."""
        assert 3 == len(ben_member().arrangements)

    def test_duplicate_provider(self) -> None:
        """A ref registered twice is refused; the ref is in ``.ref`` only."""
        with pytest.raises(AffiliationError, match="registered twice") as info:
            Affiliations().add(Provider("p-77", PRACTICE), Provider("p-77", PRACTICE))
        assert "p-77" == info.value.ref
        assert "p-77" not in str(info.value)

    def test_unknown_provider_in_arrangement(self) -> None:
        """An arrangement for an unregistered provider is refused."""
        with pytest.raises(UnknownProviderError) as info:
            Affiliations().add(arr("ghost", R, "X", date(2024, 1, 1)))
        assert "ghost" == info.value.ref
        assert "ghost" not in str(info.value)

    def test_unknown_provider_in_query(self) -> None:
        """Asking about an unregistered ref is a LookupError."""
        with pytest.raises(LookupError, match="no provider") as info:
            ben_member().coverage_on("ghost", BEN_END)
        assert "ghost" not in str(info.value)

    def test_engagement_must_point_at_a_practice(self) -> None:
        """A practitioner cannot work through another practitioner."""
        aff = Affiliations().add(
            Provider("a", PRACTITIONER), Provider("b", PRACTITIONER)
        )
        with pytest.raises(AffiliationError) as info:
            aff.add(
                Engagement(
                    practitioner="a",
                    practice="b",
                    basis=Basis.ZZP,
                    valid_from=date(2024, 1, 1),
                )
            )
        assert "Engagement.practice is not a practice" == str(info.value)
        assert "b" == info.value.ref

    @pytest.mark.parametrize(
        "bad",
        [datetime(2024, 1, 1, tzinfo=AMS), "2024-01-01", True, 20240101, None],
    )
    def test_dates_must_be_plain_dates(self, bad: Any) -> None:
        """Datetimes, strings, bools, ints and None are refused as valid_from."""
        with pytest.raises(k.ArgumentTypeError, match="valid_from") as info:
            arr("p", R, "X", bad)
        assert "2024" not in str(info.value)

    def test_query_day_must_be_a_date(self) -> None:
        """coverage_on refuses a datetime."""
        with pytest.raises(k.ArgumentTypeError):
            ben_member().coverage_on("echo-1", datetime(2024, 1, 1, tzinfo=AMS))

    def test_dates_outside_the_supported_range(self) -> None:
        """A date outside 2000..2099 is an InvalidDateError without the date."""
        with pytest.raises(k.InvalidDateError) as info:
            arr("p", R, "X", date(1999, 12, 31))
        assert "1999" not in str(info.value)

    def test_wrong_component_type(self) -> None:
        """A component given as a string is refused."""
        with pytest.raises(k.ArgumentTypeError, match="component"):
            Arrangement(
                provider="p",
                component="regeling",  # type: ignore[arg-type]
                body="X",
                valid_from=date(2024, 1, 1),
            )

    def test_empty_ref(self) -> None:
        """An empty provider ref is refused."""
        with pytest.raises(AffiliationError, match=r"Provider\.ref"):
            Provider(" ", PRACTICE)

    def test_gaps_with_inverted_range(self) -> None:
        """Asking for gaps with the end before the start is refused."""
        with pytest.raises(PeriodError, match="end is before start") as info:
            ben_member().gaps(
                "echo-1", date(2024, 1, 2), date(2024, 1, 1), regime="wkkgz"
            )
        assert "echo-1" == info.value.ref

    def test_end_without_arrangement(self) -> None:
        """Ending an arrangement that is not valid that day is refused."""
        with pytest.raises(AffiliationError, match="no klachtencommissie"):
            ben_member().end("echo-1", C, on=BEN_END)

    def test_case_must_be_a_case(self) -> None:
        """check_case refuses something that is not a Case."""
        with pytest.raises(k.ArgumentTypeError):
            ben_member().check_case("K-1")  # type: ignore[arg-type]

    def test_errors_hold_no_names(self) -> None:
        """A display name never appears in an error message."""
        aff = Affiliations().add(Provider("p", PRACTICE, name=SECRET))
        with pytest.raises(AffiliationError) as info:
            aff.add(Provider("p", PRACTITIONER, name=SECRET))
        assert SECRET not in str(info.value)


# -- properties -------------------------------------------------------------------

BASE = date(2023, 11, 1)
WINDOW = 100
REFS = ("pr-1", "pr-2", "zv-1")
KINDS = {"pr-1": PRACTICE, "pr-2": PRACTICE, "zv-1": PRACTITIONER}


@st.composite
def periods(draw: st.DrawFn) -> list[tuple[date, date | None]]:
    """Non-overlapping, sorted inclusive periods inside the window; the last
    may be open-ended."""
    found: list[tuple[date, date | None]] = []
    cursor = draw(st.integers(0, 30))
    for _ in range(draw(st.integers(0, 3))):
        start = BASE + timedelta(days=cursor)
        length = draw(st.integers(1, 40))
        found.append((start, start + timedelta(days=length - 1)))
        cursor += length + draw(st.integers(0, 20))
    open_ended = draw(st.booleans())
    if found and open_ended:
        found[-1] = (found[-1][0], None)
    return found


@st.composite
def registers(draw: st.DrawFn) -> Affiliations:
    """A random register: two practices and a practitioner working through them."""
    items: list[Provider | Arrangement | Engagement] = [
        Provider(ref, KINDS[ref]) for ref in REFS
    ]
    for ref in REFS:
        for component in Component:
            for start, until in draw(periods()):
                items.append(
                    arr(ref, component, f"{ref}-{component.value}", start, until)
                )
    for practice in ("pr-1", "pr-2"):
        for start, until in draw(periods()):
            items.append(
                Engagement(
                    practitioner="zv-1",
                    practice=practice,
                    basis=draw(st.sampled_from(Basis)),
                    valid_from=start,
                    valid_until=until,
                )
            )
    return Affiliations().add(*items)


def within(day: date, start: date, until: date | None) -> bool:
    """Whether ``day`` lies in the inclusive period."""
    return start <= day and (until is None or day <= until)


def brute_cover(
    aff: Affiliations, ref: str, component: Component, day: date
) -> Cover | None:
    """The precedence rule, evaluated naively for one day."""

    def own(owner: str) -> Arrangement | None:
        return next(
            (
                a
                for a in aff.arrangements
                if a.provider == owner
                and a.component is component
                and within(day, a.valid_from, a.valid_until)
            ),
            None,
        )

    mine = own(ref)
    if mine is not None:
        return Cover(mine)
    engaged = sorted(
        (
            e
            for e in aff.engagements
            if e.practitioner == ref and within(day, e.valid_from, e.valid_until)
        ),
        key=lambda e: (e.basis is not Basis.EMPLOYED, e.valid_from, e.practice),
    )
    for e in engaged:
        theirs = own(e.practice)
        if theirs is not None:
            return Cover(theirs, e)
    return None


def days(start: date, end: date) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive."""
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


class TestProperties:
    """Coverage queries agree with a brute-force day-by-day check."""

    @settings(max_examples=60, deadline=None)
    @given(aff=registers(), ref=st.sampled_from(REFS))
    def test_coverage_matches_brute_force(self, aff: Affiliations, ref: str) -> None:
        """Every day's cover per component is the naive precedence rule's."""
        for day in days(BASE, BASE + timedelta(days=WINDOW)):
            cov = aff.coverage_on(ref, day)
            expected = [brute_cover(aff, ref, c, day) for c in Component]
            assert expected == [cov.get(c) for c in Component]

    @settings(max_examples=60, deadline=None)
    @given(
        aff=registers(),
        ref=st.sampled_from(REFS),
        regime=st.sampled_from(sorted(REQUIREMENTS)),
        offsets=st.tuples(st.integers(0, WINDOW), st.integers(0, WINDOW)),
    )
    def test_gaps_partition_the_incomplete_days(
        self, aff: Affiliations, ref: str, regime: str, offsets: tuple[int, int]
    ) -> None:
        """Gaps cover exactly the incomplete days, each with that day's missing
        set, sorted, disjoint and maximal."""
        start, end = (BASE + timedelta(days=o) for o in sorted(offsets))
        gaps = aff.gaps(ref, start, end, regime=regime)
        by_day = {}
        for gap in gaps:
            assert start <= gap.start <= gap.end <= end
            assert gap.missing
            for day in days(gap.start, gap.end):
                assert day not in by_day
                by_day[day] = gap.missing
        for day in days(start, end):
            expected = aff.coverage_on(ref, day).missing(regime)
            assert expected == by_day.get(day, frozenset())
        for before, after in itertools.pairwise(gaps):
            assert before.end < after.start
            if after.start - before.end == timedelta(days=1):
                assert before.missing != after.missing
        assert sum(g.days for g in gaps) == len(by_day)

    @settings(max_examples=100, deadline=None)
    @given(
        spans=st.lists(
            st.tuples(st.integers(0, 60), st.none() | st.integers(0, 30)),
            min_size=1,
            max_size=4,
        )
    )
    def test_overlap_error_iff_days_shared(
        self, spans: list[tuple[int, int | None]]
    ) -> None:
        """Registering periods raises OverlapError exactly when two share a day."""
        periods = [
            (
                BASE + timedelta(days=s),
                None if n is None else BASE + timedelta(days=s + n),
            )
            for s, n in spans
        ]
        far = BASE + timedelta(days=1000)
        sets = [set(days(s, u or far)) for s, u in periods]
        shared = any(a & b for i, a in enumerate(sets) for b in sets[i + 1 :])
        items = [arr("p", G, f"G{i}", s, u) for i, (s, u) in enumerate(periods)]
        try:
            Affiliations().add(Provider("p", PRACTICE), *items)
        except OverlapError:
            assert shared
        else:
            assert not shared


class TestWmoRequirement:
    """The Wmo requires a klachtenregeling only where the verordening does."""

    def test_not_required(self) -> None:
        """Without a verordening requirement nothing is missing."""
        from klachtrecht.affiliations import wmo_requirement

        free = wmo_requirement(verordening_requires=False)
        assert frozenset() == free.components
        assert "art. 2.1.3 lid 2 sub d" in free.note
        required = wmo_requirement(verordening_requires=True)
        assert "art. 2.1.3 lid 2 sub d" in required.source(Component.REGELING)

    def test_bool_only(self) -> None:
        """A non-bool is refused."""
        from klachtrecht.affiliations import wmo_requirement

        with pytest.raises(k.ArgumentTypeError):
            wmo_requirement(verordening_requires=1)  # type: ignore[arg-type]


class TestLegalKinds:
    """Which regimes a provider falls under, by its legal kinds (with sources)."""

    @pytest.mark.parametrize(
        ("kind", "regimes", "article"),
        [
            (LegalKind.ZORGAANBIEDER, ("wkkgz",), "Wkkgz art. 1 lid 1"),
            (LegalKind.PARAMEDICUS, ("klp", "wkkgz"), "Wkkgz art. 1 lid 1"),
            (LegalKind.JEUGDHULPAANBIEDER, ("jeugdwet",), "Jeugdwet art. 1.1"),
            (LegalKind.GECERTIFICEERDE_INSTELLING, ("jeugdwet",), "Jeugdwet art. 1.1"),
            (LegalKind.WMO_AANBIEDER, ("wmo",), "Wmo 2015 art. 1.1.1"),
        ],
    )
    def test_table(
        self, kind: LegalKind, regimes: tuple[str, ...], article: str
    ) -> None:
        """Each legal kind maps to its regimes and cites its article."""
        rule = PROVIDER_REGIMES[kind]
        assert regimes == rule.regimes
        assert article in rule.source

    def test_every_kind_and_only_known_regimes(self) -> None:
        """The table covers every legal kind and names only shipped regimes."""
        assert set(LegalKind) == set(PROVIDER_REGIMES)
        named = {r for rule in PROVIDER_REGIMES.values() for r in rule.regimes}
        assert named <= set(REQUIREMENTS)
        assert named <= set(k.REGIMES)

    def test_provider_with_two_kinds(self) -> None:
        """An instelling giving zorg and jeugdhulp falls under both acts."""
        p = Provider(
            "ggz",
            PRACTICE,
            legal_kinds=[LegalKind.JEUGDHULPAANBIEDER, LegalKind.ZORGAANBIEDER],
        )
        assert ("jeugdwet", "wkkgz") == p.regimes
        assert isinstance(p.legal_kinds, frozenset)

    def test_no_kind_recorded(self) -> None:
        """Without legal kinds nothing is known and every regime may be asked."""
        aff = ben_member()
        assert () == aff.regimes("echo-1")
        check = aff.check("echo-1", regime="jeugdwet", receipt_day=BEN_END)
        assert frozenset({C}) == check.missing

    def test_mismatch_refused(self) -> None:
        """A jeugdhulpaanbieder is not asked about the Wkkgz."""
        aff = Affiliations().add(
            Provider("jh", PRACTICE, legal_kinds={LegalKind.JEUGDHULPAANBIEDER})
        )
        with pytest.raises(RegimeMismatchError, match="under jeugdwet") as info:
            aff.check("jh", regime="wkkgz", receipt_day=BEN_END)
        assert "jh" == info.value.ref
        assert isinstance(info.value, ValueError)

    def test_kind_must_be_a_legal_kind(self) -> None:
        """A legal kind given as a string is refused."""
        with pytest.raises(k.ArgumentTypeError, match="legal_kinds"):
            Provider("p", PRACTICE, legal_kinds={"zorgaanbieder"})


def ggz_with_geschilleninstantie() -> Affiliations:
    """A provider with every component, including a geschilleninstantie."""
    return Affiliations().add(
        Provider("ggz", PRACTICE),
        arr("ggz", R, "Regeling", date(2024, 1, 1)),
        arr("ggz", F, "Functionaris", date(2024, 1, 1)),
        arr("ggz", C, "Commissie", date(2024, 1, 1)),
        arr("ggz", G, "Geschilleninstantie X", date(2024, 1, 1)),
    )


class TestAnswersPerRegime:
    """A regime shows only the components its law knows."""

    @pytest.mark.parametrize("regime", ["jeugdwet", "wmo"])
    def test_no_geschilleninstantie(self, regime: str) -> None:
        """A Jeugdwet or Wmo answer never names a geschilleninstantie."""
        aff = ggz_with_geschilleninstantie()
        day = date(2024, 2, 1)
        check = aff.check("ggz", regime=regime, receipt_day=day)
        assert G not in check.coverage.components
        assert aff.coverage_on("ggz", day, regime=regime).get(G) is None
        assert "eschilleninstantie" not in aff.client_text(
            "ggz", day=day, regime=regime
        )
        assert "eschilleninstantie" not in aff.proof("ggz", day=day, regime=regime)

    def test_wkkgz_shows_the_geschilleninstantie(self) -> None:
        """The Wkkgz answer does show it (art. 18), and the optional commissie."""
        check = ggz_with_geschilleninstantie().check(
            "ggz", regime="wkkgz", receipt_day=date(2024, 2, 1)
        )
        assert frozenset({R, F, C, G}) == check.coverage.components

    def test_klp_has_no_commissie(self) -> None:
        """The Klachtenloket Paramedici answer shows no klachtencommissie."""
        check = ggz_with_geschilleninstantie().check(
            "ggz", regime="klp", receipt_day=date(2024, 2, 1)
        )
        assert frozenset({R, F, G}) == check.coverage.components

    @pytest.mark.parametrize("regime", sorted(REQUIREMENTS))
    def test_offers_include_the_required(self, regime: str) -> None:
        """Every regime offers what it requires and where complaints are filed."""
        req = REQUIREMENTS[regime]
        assert req.components <= req.offers
        assert req.file_with in req.offers

    def test_jeugdwet_never_offers_a_geschilleninstantie(self) -> None:
        """Jeugdwet §4.2 has no geschilleninstantie, whatever the settings."""
        assert G not in REQUIREMENTS["jeugdwet"].offers
        assert G not in wmo_requirement(verordening_requires=False).offers

    def test_requirement_offers_must_cover_needs(self) -> None:
        """A hand-made requirement that offers less than it needs is refused."""
        with pytest.raises(AffiliationError, match="offers"):
            Requirement("x", "X", ((R, "src"),), R, "", frozenset({F}))


class TestChanges:
    """add, end and end_engagement change only what they touch."""

    def test_end_engagement(self) -> None:
        """Ending the zzp engagement on 30 April: May is no longer covered."""
        aff = mixed_practice().end_engagement(
            "echo-zzp", "praktijk-1", on=date(2024, 4, 30)
        )
        assert aff.coverage_on("echo-zzp", date(2024, 4, 30)).get(R) is not None
        assert aff.coverage_on("echo-zzp", date(2024, 5, 1)).get(R) is None
        assert mixed_practice().coverage_on("echo-zzp", date(2024, 5, 1)).get(R)

    def test_end_engagement_without_one(self) -> None:
        """Ending an engagement that does not exist on that day is refused."""
        with pytest.raises(AffiliationError, match="no engagement"):
            mixed_practice().end_engagement(
                "echo-zzp", "praktijk-1", on=date(2023, 1, 1)
            )

    def test_failed_add_leaves_the_register(self) -> None:
        """A refused add changes nothing: the old register is as it was."""
        aff = ben_member()
        before = (aff.providers, aff.arrangements, aff.engagements)
        with pytest.raises(OverlapError):
            aff.add(Provider("new", PRACTICE), arr("echo-1", F, "Y", date(2023, 6, 1)))
        assert before == (aff.providers, aff.arrangements, aff.engagements)
        assert "new" not in aff

    def test_add_rejects_other_things(self) -> None:
        """add() takes records only."""
        with pytest.raises(k.ArgumentTypeError, match="add"):
            ben_member().add("echo-2")  # type: ignore[arg-type]

    def test_equal_whatever_the_order(self) -> None:
        """Registers with the same records are equal and hash alike."""
        items: list[Provider | Arrangement | Engagement] = [
            Provider("a", PRACTICE),
            Provider("b", PRACTICE),
            arr("a", R, "X", date(2024, 1, 1), date(2024, 6, 30)),
            arr("a", R, "Y", date(2024, 7, 1)),
        ]
        one = Affiliations().add(*items)
        other = Affiliations().add(*reversed(items))
        assert one == other
        assert hash(one) == hash(other)

    def test_register_is_immutable(self) -> None:
        """No attribute of a register can be set or deleted."""
        aff = ben_member()
        with pytest.raises(AttributeError):
            aff.providers = ()  # type: ignore[misc]
        with pytest.raises(AttributeError):
            del aff._entries
        assert isinstance(aff.providers, tuple)

    def test_pickle_round_trip(self) -> None:
        """A pickled register loads as an equal register."""
        import pickle

        aff = mixed_practice()
        assert aff == pickle.loads(pickle.dumps(aff))

    def test_repr_counts_only(self) -> None:
        """The repr gives counts, never refs or names."""
        assert "Affiliations(<3 providers, 4 arrangements, 2 engagements>)" == repr(
            mixed_practice()
        )


@st.composite
def change_sequences(draw: st.DrawFn) -> list[Provider | Arrangement | Engagement]:
    """Records drawn like ``registers``, in a random order and possibly clashing."""
    items: list[Provider | Arrangement | Engagement] = [
        Provider(ref, KINDS[ref]) for ref in REFS
    ]
    for _ in range(draw(st.integers(0, 12))):
        start = BASE + timedelta(days=draw(st.integers(0, 60)))
        length = draw(st.none() | st.integers(0, 40))
        until = None if length is None else start + timedelta(days=length)
        if draw(st.booleans()):
            items.append(
                arr(draw(st.sampled_from(REFS)), draw(st.sampled_from(Component)),
                    "b", start, until)
            )  # fmt: skip
        else:
            items.append(
                Engagement(
                    practitioner="zv-1",
                    practice=draw(st.sampled_from(("pr-1", "pr-2"))),
                    basis=draw(st.sampled_from(Basis)),
                    valid_from=start,
                    valid_until=until,
                )
            )
    return draw(st.permutations(items))


class TestIncrementalEqualsBulk:
    """Adding one record at a time agrees with validating the whole register."""

    @settings(max_examples=150, deadline=None)
    @given(items=change_sequences())
    def test_same_register_or_same_refusal(
        self, items: list[Provider | Arrangement | Engagement]
    ) -> None:
        """Step-by-step add and the bulk constructor accept the same records and
        build equal registers, or both refuse with the same error class."""
        providers = [i for i in items if isinstance(i, Provider)]
        arrangements = [i for i in items if isinstance(i, Arrangement)]
        engagements = [i for i in items if isinstance(i, Engagement)]
        try:
            bulk: Affiliations | type[Exception] = Affiliations(
                providers, arrangements, engagements
            )
        except k.KlachtrechtError as exc:
            bulk = type(exc)
        step: Affiliations | type[Exception] = Affiliations()
        try:
            ordered: list[Provider | Arrangement | Engagement] = [
                *providers,
                *arrangements,
                *engagements,
            ]
            for item in ordered:
                assert isinstance(step, Affiliations)
                step = step.add(item)
        except k.KlachtrechtError as exc:
            step = type(exc)
        assert bulk == step


M = "\u2603geheim"  # a marked input value that must never appear in a message
D1 = date(2024, 1, 1)


def _aff() -> Affiliations:
    """The mixed practice, for the attack table."""
    return mixed_practice()


ATTACKS: list[tuple[str, Any]] = [
    ("Provider ref int", lambda: Provider(7, PRACTICE)),  # type: ignore[arg-type]
    ("Provider ref long", lambda: Provider(M * 200, PRACTICE)),
    ("Provider kind str", lambda: Provider(M, M)),  # type: ignore[arg-type]
    ("Provider name list", lambda: Provider(M, PRACTICE, [M])),  # type: ignore[arg-type]
    ("Provider kinds unhashable", lambda: Provider(M, PRACTICE, legal_kinds=[[M]])),
    ("Provider kinds str", lambda: Provider(M, PRACTICE, legal_kinds=M)),
    ("Arrangement body blank", lambda: arr(M, R, " ", D1)),
    ("Arrangement contact bytes", lambda: arr(M, R, M, D1, contact=b"x")),  # type: ignore[arg-type]
    ("Arrangement until str", lambda: arr(M, R, M, D1, M)),  # type: ignore[arg-type]
    ("Engagement basis str", lambda: Engagement(
        practitioner=M, practice="p", basis=M, valid_from=D1)),  # type: ignore[arg-type]
    ("Engagement with itself", lambda: Engagement(
        practitioner=M, practice=M, basis=Basis.ZZP, valid_from=D1)),
    ("Requirement needs str", lambda: Requirement(M, M, M, None)),
    ("Requirement needs triple", lambda: Requirement(M, M, [(R, M, M)], None)),
    ("Requirement offers unhashable", lambda: Requirement(M, M, (), None, "", [[M]])),
    ("Cover of a str", lambda: Cover(M)),  # type: ignore[arg-type]
    ("Coverage covers str", lambda: k_coverage(M)),
    ("Gap inverted", lambda: Gap(date(2024, 2, 1), D1, frozenset())),
    ("Gap missing str", lambda: Gap(D1, D1, M)),
    ("Affiliations providers str", lambda: Affiliations(M)),  # type: ignore[arg-type]
    ("Affiliations providers dict", lambda: Affiliations({M: M})),  # type: ignore[dict-item]
    ("Affiliations arrangement int", lambda: Affiliations((), [7])),  # type: ignore[list-item]
    ("add str", lambda: _aff().add(M)),  # type: ignore[arg-type]
    ("end unknown ref", lambda: _aff().end(M, R, on=D1)),
    ("end ref int", lambda: _aff().end(7, R, on=D1)),  # type: ignore[arg-type]
    ("end component str", lambda: _aff().end("praktijk-1", M, on=D1)),  # type: ignore[arg-type]
    ("end on str", lambda: _aff().end("praktijk-1", R, on=M)),  # type: ignore[arg-type]
    ("end_engagement practice int", lambda: _aff().end_engagement(
        "echo-zzp", 7, on=D1)),  # type: ignore[arg-type]
    ("provider None", lambda: _aff().provider(None)),  # type: ignore[arg-type]
    ("provider unknown", lambda: _aff().provider(M)),
    ("regimes unknown", lambda: _aff().regimes(M)),
    ("coverage_on day str", lambda: _aff().coverage_on("echo-zzp", M)),  # type: ignore[arg-type]
    ("coverage_on regime int", lambda: _aff().coverage_on("echo-zzp", D1, regime=7)),  # type: ignore[arg-type]
    ("coverage_on regime unknown",
     lambda: _aff().coverage_on("echo-zzp", D1, regime=M)),
    ("gaps end str", lambda: _aff().gaps("echo-zzp", D1, M, regime="wkkgz")),  # type: ignore[arg-type]
    ("gaps out of range", lambda: _aff().gaps(
        "echo-zzp", D1, date(2100, 1, 1), regime="wkkgz")),
    ("check regime unknown", lambda: _aff().check(M, regime=M, receipt_day=D1)),
    ("check day None", lambda: _aff().check(
        "echo-zzp", regime="wkkgz", receipt_day=None)),  # type: ignore[arg-type]
    ("check_case str", lambda: _aff().check_case(M)),  # type: ignore[arg-type]
    ("client_text unknown ref", lambda: _aff().client_text(M, day=D1, regime="wkkgz")),
    ("client_text incomplete", lambda: _aff().client_text(
        "echo-zzp", day=date(2023, 1, 1), regime="wkkgz")),
    ("proof day datetime", lambda: _aff().proof(
        "echo-zzp", day=datetime(2024, 1, 1, tzinfo=AMS), regime="wkkgz")),
    ("Coverage.get str", lambda: _aff().coverage_on("echo-zzp", D1).get(M)),  # type: ignore[arg-type]
    ("Coverage.missing unknown", lambda: _aff().coverage_on("echo-zzp", D1).missing(M)),
    ("Arrangement.covers str", lambda: arr("p", R, "X", D1).covers(M)),  # type: ignore[arg-type]
    ("wmo_requirement int", lambda: wmo_requirement(verordening_requires=1)),  # type: ignore[arg-type]
]  # fmt: skip


def k_coverage(covers: object) -> object:
    """A Coverage built from ``covers``."""
    from klachtrecht.affiliations import Coverage

    return Coverage("p", D1, covers)


class TestAttack:
    """Every public entry point refuses bad input with the library's error (and
    the builtin a caller expects), never echoing the input."""

    @pytest.mark.parametrize(("name", "call"), ATTACKS, ids=[a[0] for a in ATTACKS])
    def test_refused_cleanly(self, name: str, call: Any) -> None:
        """The call raises a KlachtrechtError that is also a builtin error, and
        its message holds no input value."""
        with pytest.raises(k.KlachtrechtError) as info:
            call()
        assert isinstance(info.value, TypeError | ValueError | LookupError)
        assert "geheim" not in str(info.value)
        assert "2023-01-01" not in str(info.value)

    def test_values_are_immutable(self) -> None:
        """Records hold tuples and frozensets; setting an attribute fails."""
        aff = mixed_practice()
        provider = Provider("x", PRACTICE, legal_kinds=[LegalKind.ZORGAANBIEDER])
        assert isinstance(provider.legal_kinds, frozenset)
        req = Requirement("x", "X", [(R, "src")], R)
        assert isinstance(req.needs, tuple)
        assert isinstance(req.needs[0], tuple)
        with pytest.raises(AttributeError):
            provider.ref = "y"  # type: ignore[misc]
        with pytest.raises(TypeError):
            REQUIREMENTS["awb"] = req  # type: ignore[index]
        with pytest.raises(TypeError):
            PROVIDER_REGIMES[LegalKind.ZORGAANBIEDER] = None  # type: ignore[index]
        cov = aff.coverage_on("echo-zzp", D1)
        assert isinstance(cov.covers, tuple)
