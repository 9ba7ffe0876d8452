"""Letters and notices rendered from cases: content, legal basis, missing facts,
escaping, strict templates and house-style overrides."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.letters import (
    MissingFactError,
    UnknownLetterError,
    format_amount,
    letter_kinds,
    letter_spec,
    render_letter,
)
from klachtrecht.testing import cases

AMS = ZoneInfo("Europe/Amsterdam")
K, P, C = k.Role.KLAGER, k.Role.PROVIDER, k.Role.KLACHTENCOMMISSIE
KLAGER = k.Party(K, "c-1", "client", name="PII-Naam Klager")
PROVIDER = k.Party(P, "p-1", name="Praktijk De Linde")
OORDEEL: dict[str, Any] = {
    "judgment": "PII-oordeel: de klacht is deels terecht.",
    "reasons": "PII-redenen <script>alert(1)</script>",
    "decisions": "PII-beslissingen",
    "measures_term": "PII-binnen drie maanden",
}


def at(y: int, m: int, d: int, hour: int = 10) -> datetime:
    """An Amsterdam moment."""
    return datetime(y, m, d, hour, tzinfo=AMS)


def wkkgz_case(*, extend: bool = True, oordeel: bool = True) -> k.Case:
    """Written complaint on Thu 2 April 2026, four weeks' extension on 18 May,
    oordeel received on 10 June 2026."""
    w = k.regime("wkkgz")
    case = w.open("W-1", at=at(2026, 3, 30), klager=KLAGER, provider=PROVIDER)
    case = w.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="PII")
    if extend:
        case = w.apply(case, "extend", at=at(2026, 5, 18), by=P, weeks=4)
    if oordeel:
        case = w.apply(case, "deliver_oordeel", at=at(2026, 6, 10), by=P, **OORDEEL)
    return case


def jeugdwet_case() -> k.Case:
    """A case at the klachtencommissie with one reasoned deviation notice."""
    j = k.regime("jeugdwet")
    case = j.open(
        "J-1",
        at=at(2026, 3, 16),
        klager=KLAGER,
        provider=PROVIDER,
        complaint="PII",
        capacity="parent",
    )
    for event in ("assess", "register", "acknowledge"):
        case = j.apply(case, event, at=at(2026, 3, 17), by=k.Role.KLACHTENLOKET)
    case = j.apply(
        case, "contact", at=at(2026, 3, 18), by=k.Role.KLACHTENLOKET, channel="phone"
    )
    case = j.apply(case, "refer_commissie", at=at(2026, 3, 19), by=k.Role.KLACHTENLOKET)
    case = j.apply(
        case,
        "compose_commissie",
        at=at(2026, 3, 20),
        by=C,
        commissie=k.Party(C, "kc-1"),
        members=3,
        chair_works_for_provider=False,
        member_complained_about=False,
    )
    return j.apply(
        case,
        "deviate",
        at=at(2026, 4, 20),
        by=C,
        reasons="PII-een getuige is pas in mei beschikbaar",
        until=date(2026, 6, 15),
    )


def klp_case() -> k.Case:
    """The KLP example case up to the closing letter (from the demo data)."""
    from klachtrecht._examples import EXAMPLES

    example = next(e for e in EXAMPLES if e.regime == "klp")
    reg = k.regime("klp")
    case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
    for step in example.steps:
        case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
        if step.event == "send_letter":
            break
    return case


class TestWkkgz:
    """The three Wkkgz communications."""

    def test_receipt_names_the_six_weeks(self) -> None:
        """The acknowledgement states receipt and the art. 17 lid 1 due date."""
        text = render_letter(
            wkkgz_case(extend=False, oordeel=False), "ontvangstbevestiging"
        )
        assert "donderdag 2 april 2026 hebben wij uw schriftelijke klacht" in text
        assert "uiterlijk op maandag 18 mei 2026 (artikel 17 lid 1" in text
        assert "Wettelijke grondslag: Wkkgz art. 17 lid 1" in text
        assert "Geachte PII-Naam Klager," in text

    def test_extension_states_the_new_due_date(self) -> None:
        """Art. 17 lid 2: old date, extension in words, new due date, notice day."""
        text = render_letter(wkkgz_case(oordeel=False), "verlenging")
        assert "uiterlijk op\nmaandag 18 mei 2026 ontvangen" in text
        assert "verlengen deze termijn daarom met vier weken" in text
        assert "nu uiterlijk op\ndonderdag 11 juni 2026." in text
        assert "Wettelijke grondslag: Wkkgz art. 17 lid 2" in text

    def test_oordeel_letter_is_reasoned(self) -> None:
        """Art. 17 lid 1 sub a-c: oordeel, reasons, decisions, term of measures."""
        text = render_letter(wkkgz_case(), "oordeel", dated=date(2026, 6, 8))
        for value in OORDEEL.values():
            assert value in text
        assert "8 juni 2026" in text
        assert "artikel 21 lid 1 sub b Wkkgz" in text
        assert "tot en met\nvrijdag 2 april 2027." in text  # geschil window (reglement)
        assert text.rstrip().endswith(
            "Wkkgz art. 17 lid 1 (schriftelijk en met redenen omkleed); art. 21 lid 1"
        )

    def test_html_escapes_personal_text(self) -> None:
        """HTML is autoescaped: a text from the case cannot inject markup."""
        html = render_letter(wkkgz_case(), "oordeel", format="html")
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert html.startswith("<!DOCTYPE html>")
        assert '<p class="grondslag">Wettelijke grondslag: Wkkgz art. 17' in html

    def test_text_is_not_escaped(self) -> None:
        """The plain-text variant keeps the text as written."""
        text = render_letter(wkkgz_case(), "oordeel")
        assert "<script>alert(1)</script>" in text

    def test_no_date_line_without_dated(self) -> None:
        """The case does not know when a letter is sent: no invented date."""
        text = render_letter(wkkgz_case(), "oordeel")
        assert text.splitlines()[1] == "Kenmerk: W-1"


class TestOtherRegimes:
    """Jeugdwet afwijkingsmededeling and the KLP closing letter."""

    def test_jeugdwet_deviation(self) -> None:
        """Art. 4.2.1 lid 2 sub d: reasoned, with the new term."""
        text = render_letter(jeugdwet_case(), "afwijking")
        assert "PII-een getuige is pas in mei beschikbaar" in text
        assert "uiterlijk op maandag 15 juni 2026." in text
        # six weeks of the regeling from receipt (no Atw: Koningsdag stays)
        assert "uiterlijk op\nmaandag 27 april 2026 geven" in text
        assert "Wettelijke grondslag: Jeugdwet art. 4.2.1 lid 2 sub d" in text
        assert "De klachtencommissie, namens Praktijk De Linde" in text

    def test_klp_closing_letter(self) -> None:
        """The KLP letter: conclusions, reasons, term, geschil window and fee."""
        text = render_letter(klp_case(), "afsluitende_brief")
        assert "twaalf maanden na ontvangst van deze brief" in text
        assert "€ 50,00, of € 100,00" in text
        assert "Wkkgz art. 17 lid 1" in text

    def test_every_letter_has_both_templates(self) -> None:
        """Each registered letter ships a text and an HTML template."""
        root = Path(k.__file__).parent / "letters" / "templates"
        for regime in k.REGIMES:
            for kind in letter_kinds(regime):
                assert (root / regime / f"{kind}.txt").is_file()
                assert (root / regime / f"{kind}.html").is_file()
                assert letter_spec(regime, kind).basis


class TestMissingFacts:
    """A letter never invents a fact: it names what is missing."""

    def test_oordeel_before_the_oordeel(self) -> None:
        """No deliver_oordeel yet: the error names the event, not a value."""
        with pytest.raises(MissingFactError) as info:
            render_letter(wkkgz_case(oordeel=False), "oordeel")
        assert isinstance(info.value, k.KlachtrechtError)
        assert isinstance(info.value, ValueError)
        assert "deliver_oordeel" in info.value.missing
        assert "PII" not in str(info.value)

    def test_extension_without_extension(self) -> None:
        """No extend event: no extension letter."""
        with pytest.raises(MissingFactError, match="'extend'"):
            render_letter(wkkgz_case(extend=False), "verlenging")

    def test_provider_without_name(self) -> None:
        """The sender must be known; an empty name is missing, not blank."""
        w = k.regime("wkkgz")
        case = w.open(
            "W-2", at=at(2026, 3, 30), klager=KLAGER, provider=k.Party(P, "x")
        )
        case = w.apply(case, "submit_written", at=at(2026, 4, 2), by=K, complaint="c")
        with pytest.raises(MissingFactError) as info:
            render_letter(case, "ontvangstbevestiging")
        assert info.value.missing == "the provider's name"
        assert "PII" not in str(info.value)

    def test_unknown_letter(self) -> None:
        """An unknown kind is a LookupError listing the known ones."""
        with pytest.raises(UnknownLetterError) as info:
            render_letter(wkkgz_case(), "no_such_letter")
        assert isinstance(info.value, LookupError)
        assert "ontvangstbevestiging, oordeel, verlenging" in str(info.value)

    def test_bad_arguments(self) -> None:
        """Wrong types: ArgumentTypeError."""
        with pytest.raises(k.ArgumentTypeError):
            render_letter("W-1", "oordeel")  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError):
            render_letter(wkkgz_case(), "oordeel", format="pdf")


B = k.Role.BESTUURSORGAAN
ORGAAN = k.Party(B, "g-1", name="Gemeente Zaanstad")
KLAAGSCHRIFT: dict[str, Any] = {
    "towards_klager": True,
    "signed": True,
    "name_address": True,
    "dated": True,
    "description": True,
    "complaint": "PII-klaagschrift",
}
CONCLUSIE: dict[str, Any] = {
    "findings": "PII-bevindingen",
    "judgment": "PII-oordeel <b>gegrond</b>",
    "reasons": "PII-motivering",
    "ombudsman": "national",
    "ombudsman_until": date(2027, 5, 27),
}


def awb_case(*, conclude: dict[str, Any] | None = None) -> k.Case:
    """Klaagschrift on Thu 2 April 2026 (six weeks end on Hemelvaart, Thu 14 May
    2026: the regime's Atw count gives Mon 18 May), concluded on Wed 27 May 2026
    when given."""
    a = k.regime("awb")
    case = a.open("A-1", at=at(2026, 4, 2), klager=KLAGER, bestuursorgaan=ORGAAN)
    case = a.apply(
        case, "submit_klaagschrift", at=at(2026, 4, 2, 11), by=K, **KLAAGSCHRIFT
    )
    if conclude is None:
        return case
    steps: tuple[tuple[str, dict[str, Any]], ...] = (
        ("acknowledge", {}),
        ("send_copy", {}),
        ("hear", {"side": "klager", "verslag": "PII-verslag"}),
    )
    for event, data in steps:
        case = a.apply(case, event, at=at(2026, 4, 21), by=B, **data)
    return a.apply(case, "conclude", at=at(2026, 5, 27), by=B, **conclude)


def dwang_case(regime: str, ground: str, *, notify: bool = True) -> k.Case:
    """Klacht on Tue 21 April 2026, founded on Mon 4 May, told to the indiener
    on Wed 6 May 2026 (when ``notify``)."""
    reg = k.regime(regime)
    case = reg.open(
        "D-1",
        at=at(2026, 4, 21),
        klager=KLAGER,
        provider=PROVIDER,
        capacity="client",
        concerns="decision",
        complaint="PII-klacht",
        ground=ground,
    )
    for side in ("klager", "beklaagde", "zorgaanbieder"):
        case = reg.apply(case, "hear", at=at(2026, 4, 28), by=C, side=side)
    case = reg.apply(
        case,
        "decide",
        at=at(2026, 5, 4),
        by=C,
        outcome="founded",
        reasons="PII-redenen <i>x</i>",
        annulment="whole",
        order="PII-opdracht",
        order_until=date(2026, 6, 1),
        damages_awarded=Decimal("250"),
    )
    if notify:
        case = reg.apply(case, "notify", at=at(2026, 5, 6), by=C, to="indiener")
    return case


class TestAwb:
    """Awb titel 9.1: ontvangstbevestiging (9:6) and kennisgeving (9:12)."""

    def test_receipt_states_receipt_and_term(self) -> None:
        """Art. 9:6 in writing; the 9:11 lid 1 term as the regime counts it."""
        text = render_letter(awb_case(), "ontvangstbevestiging")
        assert text.startswith("Gemeente Zaanstad\n")
        assert "Op donderdag 2 april 2026 hebben wij uw klaagschrift ontvangen." in text
        assert (
            "Wij handelen uw klacht af binnen zes weken na ontvangst van het\n"
            "klaagschrift, dus uiterlijk op maandag 18 mei 2026 (artikel 9:11 lid 1"
        ) in text
        assert "9:15" not in text.split("Wettelijke grondslag")[0]
        assert text.rstrip().endswith(
            "Wettelijke grondslag: Awb art. 9:6 (bij afdeling 9.1.3: art. 9:15 lid 1); "
            "termijn: art. 9:11 lid 1"
        )

    def test_receipt_mentions_the_adviseur(self) -> None:
        """Afdeling 9.1.3: ten weeks, and the receipt says an adviseur advises."""
        a = k.regime("awb")
        case = a.open(
            "A-2",
            at=at(2026, 4, 2),
            klager=KLAGER,
            bestuursorgaan=ORGAAN,
            settings=a.settings_type(advisory_procedure=True),
        )
        case = a.apply(
            case, "submit_klaagschrift", at=at(2026, 4, 2), by=K, **KLAAGSCHRIFT
        )
        text = render_letter(case, "ontvangstbevestiging")
        assert "persoon of commissie adviseren (artikel 9:15 lid 1" in text
        assert "binnen tien weken" in text
        assert "donderdag 11 juni 2026" in text

    def test_conclusie_names_ombudsman_and_term(self) -> None:
        """Art. 9:12: findings, oordeel, reasons; the ombudsman and the term."""
        text = render_letter(
            awb_case(conclude=CONCLUSIE), "conclusie", dated=date(2026, 5, 27)
        )
        for key in ("findings", "judgment", "reasons"):
            assert CONCLUSIE[key] in text
        assert "27 mei 2026\nKenmerk: A-1" in text
        assert (
            "verzoekschrift indienen bij de Nationale ombudsman, uiterlijk op\n"
            "donderdag 27 mei 2027 (artikel 9:12 lid 2"
        ) in text
        assert "Onze conclusies:" not in text  # none recorded, none invented
        assert text.rstrip().splitlines()[-1] == (
            "Wettelijke grondslag: Awb art. 9:12 (bij afdeling 9.1.3: art. 9:16); "
            "ombudsman: art. 9:17, 9:24"
        )

    def test_conclusie_deviating_from_the_advice(self) -> None:
        """Afdeling 9.1.3, art. 9:16: the reason for deviating and the enclosed
        advice are stated; the ombudsman term comes from the record."""
        a = k.regime("awb")
        adv = k.Role.ADVISEUR
        case = a.open(
            "A-4",
            at=at(2026, 4, 2),
            klager=KLAGER,
            bestuursorgaan=ORGAAN,
            settings=a.settings_type(advisory_procedure=True),
        )
        case = a.apply(
            case, "submit_klaagschrift", at=at(2026, 4, 2), by=K, **KLAAGSCHRIFT
        )
        case = a.apply(
            case, "acknowledge", at=at(2026, 4, 3), by=B, mentions_adviseur=True
        )
        case = a.apply(case, "send_copy", at=at(2026, 4, 3), by=B)
        case = a.apply(
            case,
            "refer_adviseur",
            at=at(2026, 4, 7),
            by=B,
            adviseur=k.Party(adv, "adv-1"),
        )
        case = a.apply(
            case,
            "hear",
            at=at(2026, 4, 28),
            by=adv,
            side="klager",
            verslag="PII-verslag",
        )
        case = a.apply(
            case,
            "report_advice",
            at=at(2026, 5, 20),
            by=adv,
            findings="PII-rapport",
            advice="PII-advies",
        )
        data = {
            **CONCLUSIE,
            "ombudsman": "decentral",
            "ombudsman_until": date(2027, 6, 3),
            "conclusions": "PII-conclusies",
            "follows_advice": False,
            "deviation_reasons": "PII-afwijking",
            "advice_enclosed": True,
        }
        case = a.apply(case, "conclude", at=at(2026, 6, 3), by=B, **data)
        text = render_letter(case, "conclusie")
        assert "Onze conclusies:\nPII-conclusies" in text
        assert "De reden daarvoor:\nPII-afwijking" in text
        assert "met deze kennisgeving mee (artikel 9:16 Awb)." in text
        assert "ombudscommissie die voor ons bestuursorgaan is ingesteld" in text
        assert "donderdag 3 juni 2027" in text

    def test_conclusie_html_escapes(self) -> None:
        """Recorded texts are escaped in HTML."""
        html = render_letter(awb_case(conclude=CONCLUSIE), "conclusie", format="html")
        assert "<b>gegrond</b>" not in html
        assert "&lt;b&gt;gegrond&lt;/b&gt;" in html
        assert '<p class="grondslag">Wettelijke grondslag: Awb art. 9:12' in html

    def test_conclusie_without_stated_term(self) -> None:
        """A stored conclude without 'ombudsman_until' (readable, the guard now
        refuses it): the letter names the missing term, not a value."""
        data = {k_: v for k_, v in CONCLUSIE.items() if k_ != "ombudsman_until"}
        case = awb_case(conclude=CONCLUSIE)
        record = case.history[-1]
        bare = attrs.evolve(
            case, history=(*case.history[:-1], attrs.evolve(record, data=data))
        )
        with pytest.raises(MissingFactError) as info:
            render_letter(bare, "conclusie")
        assert "ombudsman_until" in info.value.missing
        assert "PII" not in str(info.value)

    def test_conclusie_before_conclude(self) -> None:
        """No conclude event: the error names it."""
        with pytest.raises(MissingFactError, match="'conclude'") as info:
            render_letter(awb_case(), "conclusie")
        assert "PII" not in str(info.value)

    def test_orgaan_without_name(self) -> None:
        """The bestuursorgaan signs: without its name the letter names that."""
        a = k.regime("awb")
        case = a.open(
            "A-3", at=at(2026, 4, 2), klager=KLAGER, bestuursorgaan=k.Party(B, "g-2")
        )
        case = a.apply(
            case, "submit_klaagschrift", at=at(2026, 4, 2), by=K, **KLAAGSCHRIFT
        )
        with pytest.raises(MissingFactError) as info:
            render_letter(case, "ontvangstbevestiging")
        assert info.value.missing == "the name of the bestuursorgaan"


class TestDwang:
    """The commissie's reasoned decision (Wvggz art. 10:6, Wzd art. 56b)."""

    def test_wvggz_decision_with_petition_term(self) -> None:
        """Founded, annulled, order with term, damages; six weeks from the
        notice of Wed 6 May 2026 to the rechter: Wed 17 June 2026."""
        text = render_letter(dwang_case("wvggz", "8:9"), "beslissing")
        assert text.startswith(
            "De klachtencommissie (Wvggz), zorgaanbieder: Praktijk De Linde\n"
        )
        assert (
            "De klachtencommissie heeft op maandag 4 mei 2026 schriftelijk en" in text
        )
        assert "De beslissing strekt tot gegrondverklaring." in text
        assert "De bestreden beslissing is geheel vernietigd." in text
        assert "termijn gesteld tot en met\nmaandag 1 juni 2026." in text
        assert "schadevergoeding toe van € 250,00." in text
        assert (
            "uiterlijk op\nwoensdag 17 juni 2026 een schriftelijk en gemotiveerd "
            "verzoekschrift\nindienen bij de rechter "
            "(Wvggz art. 10:7 lid 1 en 10:7 lid 2)."
        ) in text
        assert text.rstrip().endswith(
            "Wettelijke grondslag: Wvggz art. 10:5 lid 2, art. 10:6; "
            "verzoekschrift: art. 10:7"
        )

    def test_no_petition_term_before_notice(self) -> None:
        """Not yet told to the indiener: the regime computes no term, so the
        letter names none (never computed in the template)."""
        text = render_letter(dwang_case("wvggz", "8:9", notify=False), "beslissing")
        assert "verzoekschrift indienen" not in text
        assert "gegrondverklaring" in text

    def test_wzd_decision(self) -> None:
        """The Wzd letter cites art. 56b and 56c."""
        text = render_letter(dwang_case("wzd", "leave_discharge"), "beslissing")
        assert "(Wzd art. 56b lid 1 en 56b lid 6)" in text
        assert "indienen bij de rechter (Wzd art. 56c lid 1 en 56c lid 2)." in text
        assert "woensdag 17 juni 2026" in text

    def test_html_escapes_reasons(self) -> None:
        """The commissie's reasons are escaped in HTML."""
        html = render_letter(
            dwang_case("wzd", "leave_discharge"), "beslissing", format="html"
        )
        assert "<i>x</i>" not in html
        assert "&lt;i&gt;x&lt;/i&gt;" in html

    def test_before_the_decision(self) -> None:
        """No decide event: MissingFactError naming it, no personal data."""
        reg = k.regime("wvggz")
        case = reg.open(
            "D-2",
            at=at(2026, 4, 21),
            klager=KLAGER,
            provider=PROVIDER,
            capacity="client",
            concerns="decision",
            complaint="PII-klacht",
            ground="8:9",
        )
        with pytest.raises(MissingFactError) as info:
            render_letter(case, "beslissing")
        assert "'decide'" in info.value.missing
        assert "PII" not in str(info.value)


class TestHouseStyle:
    """A portal overrides templates without forking."""

    def test_override_the_base(self, tmp_path: Path) -> None:
        """A folder's _base.txt wins; the body still comes from the shipped one."""
        (tmp_path / "_base.txt").write_text(
            "HUISSTIJL {{ provider }} | {{ subject }}\n{% block body %}{% endblock %}"
            "Grondslag: {{ basis }}\n",
            encoding="utf-8",
        )
        text = render_letter(wkkgz_case(), "verlenging", templates=tmp_path)
        assert text.startswith("HUISSTIJL Praktijk De Linde | Verlenging")
        assert "verlengen deze termijn daarom met vier weken" in text

    def test_strict_undefined(self, tmp_path: Path) -> None:
        """A template using a value the letter lacks fails loudly, never blank."""
        folder = tmp_path / "wkkgz"
        folder.mkdir()
        (folder / "oordeel.txt").write_text("Uw BSN: {{ bsn }}\n", encoding="utf-8")
        with pytest.raises(MissingFactError, match="bsn"):
            render_letter(wkkgz_case(), "oordeel", templates=[tmp_path])

    def test_loader(self) -> None:
        """A jinja2 loader works as well."""
        import jinja2

        loader = jinja2.DictLoader({"wkkgz/oordeel.txt": "{{ case_id }}"})
        assert render_letter(wkkgz_case(), "oordeel", templates=loader) == "W-1"


def test_format_amount() -> None:
    """Euros in Dutch notation."""
    assert format_amount(Decimal("1250.5")) == "€ 1.250,50"
    assert format_amount(Decimal("50.00")) == "€ 50,00"


def test_dutch_demo_prints_explanation_and_letter() -> None:
    """The demo's Dutch part: the Atw trail in Dutch and the art. 17 lid 2 letter,
    with placeholders instead of the example's party names."""
    from klachtrecht._demo_nl import dutch_demo

    text = "\n".join(dutch_demo())
    assert "ma 18 mei 2026: verlengd tot de eerstvolgende werkdag" in text
    assert "nu uiterlijk op\n    donderdag 11 juni 2026." in text
    assert "Wettelijke grondslag: Wkkgz art. 17 lid 2" in text
    assert "(voorbeeld" not in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["wkkgz", "jeugdwet", "klp", "awb", "wvggz", "wzd"]).flatmap(cases),
    st.data(),
)
def test_any_case_renders_or_names_what_is_missing(
    case: k.Case, data: st.DataObject
) -> None:
    """For any reachable case, every letter renders in both formats with its
    legal basis, or raises MissingFactError without any personal value."""
    kind = data.draw(st.sampled_from(letter_kinds(case.regime)))
    for fmt in ("text", "html"):
        problem: MissingFactError | None = None
        text = ""
        try:
            text = render_letter(case, kind, format=fmt, dated=date(2026, 1, 5))
        except MissingFactError as exc:
            problem = exc
        if problem is not None:
            assert "PII" not in str(problem)
            assert "PII" not in problem.missing
        else:
            assert letter_spec(case.regime, kind).basis in text
            assert "None" not in text
            assert "5 januari 2026" in text
