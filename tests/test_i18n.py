"""Labels, catalogs, Dutch rendering of the deadline trail and findings, and
the locale-independent date, number and term formatters."""

from __future__ import annotations

import gettext
import itertools
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hypothesis import given
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import i18n
from klachtrecht.affiliations import Basis, Component, ProviderKind
from klachtrecht.compliance import Finding
from klachtrecht.deadlines import Term, TermKind, agreed_deadline, term_end
from klachtrecht.i18n import (
    MESSAGE_CODES,
    PARTY_CAPACITIES,
    REGIME_CHOICE_FIELDS,
    TERM_UNITS,
    UnknownLanguageError,
    format_date,
    format_number,
    format_term,
    has_label,
    label,
    languages,
    missing_labels,
    register_catalog,
)

LANGS = ("nl", "en")


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Forget catalogs registered by a test, so tests stay independent."""
    yield
    i18n.unregister_catalogs()


def _regime_codes() -> Iterator[tuple[str, str, str]]:
    """Every (regime, kind, code) a user can see in a registered regime."""
    for name in sorted(k.REGIMES):
        reg = k.regime(name)
        for state in reg.states:
            yield name, "state", state.id
        for event in (reg.open_event, *reg.events):
            yield name, "event", event.id
            for field in event.fields:
                for choice in field.choices:
                    yield name, f"choice:{field.name}", choice


class TestCompleteness:
    """Every user-visible code has a Dutch (and an English) text."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_every_regime_code_has_a_label(self, lang: str) -> None:
        """States, events and every field choice of every registered regime."""
        missing = [
            f"{name}:{kind}/{code}"
            for name, kind, code in _regime_codes()
            if not has_label(kind, code, lang=lang, regime=name)
        ]
        assert missing == []

    @pytest.mark.parametrize("lang", LANGS)
    def test_every_enum_and_unit_has_a_label(self, lang: str) -> None:
        """Roles, statuses, term kinds and units, components, capacities."""
        wanted = [
            *(("role", r.value) for r in k.Role),
            *(("status", s.value) for s in k.Status),
            *(("term_kind", t.value) for t in TermKind),
            *(("component", c.value) for c in Component),
            *(("provider_kind", p.value) for p in ProviderKind),
            *(("basis", b.value) for b in Basis),
            *(("term_unit", u) for u in TERM_UNITS),
            *(("choice:capacity", c) for c in PARTY_CAPACITIES),
        ]
        assert [w for w in wanted if not has_label(*w, lang=lang)] == []

    @pytest.mark.parametrize("lang", LANGS)
    def test_catalog_is_complete(self, lang: str) -> None:
        """The shipped catalog holds every entry the library extracts."""
        assert missing_labels(lang) == ()

    def test_dutch_labels_are_the_definitions_labels(self) -> None:
        """The catalog keeps the Dutch labels the definitions carry."""
        for name in k.REGIMES:
            reg = k.regime(name)
            for state in reg.states:
                assert label("state", state.id, regime=name) == state.label
            for event in (reg.open_event, *reg.events):
                assert label("event", event.id, regime=name) == event.label
        for role in k.Role:
            assert label("role", role.value) == role.label
        for component in Component:
            assert label("component", component.value) == component.label

    def test_awb_grounds_cite_their_own_articles(self) -> None:
        """The letters a-f and the other grounds of the awb and ombudsman
        regimes read as the Awb article they stand for, never as the Wkkgz
        art. 21 grounds the general context gives the same letters."""
        codes = {
            (name, f"choice:{field.name}", code)
            for name, fields in REGIME_CHOICE_FIELDS.items()
            for event in (k.regime(name).open_event, *k.regime(name).events)
            for field in event.fields
            if field.name in fields
            for code in field.choices
        }
        assert len(codes) == 3 + 7 + 6 + 14
        for (name, kind, code), lang in itertools.product(sorted(codes), LANGS):
            own = i18n._lookup(lang, f"{name}:{kind}", code)
            assert own, (name, kind, code, lang)
            assert label(kind, code, regime=name, lang=lang) == own
            assert own.startswith(("art. 9:", "Awb art. 9:")), own
        assert label("choice:ground", "a", regime="awb") == (
            "art. 9:10 lid 2 sub a Awb: de klacht is kennelijk ongegrond"
        )
        assert label("choice:ground", "1b", regime="awb") == (
            "art. 9:8 lid 1 sub b Awb: de gedraging vond langer dan een jaar voor "
            "indiening van de klacht plaats"
        )
        assert label("choice:ground", "f", regime="ombudsman") == (
            "art. 9:22 sub f Awb: gedraging waarop de rechterlijke macht toeziet"
        )
        assert label("choice:ground", "24", regime="ombudsman", lang="en") == (
            "Awb art. 9:24: the petition was filed later than one year"
        )
        assert label("choice:ground", "a", regime="wkkgz") == (
            "sub a: in strijd gehandeld met art. 13-17 Wkkgz"
        )

    def test_action_and_change_labels_are_the_modules_labels(self) -> None:
        """Action statuses, what refused an action, and change kinds read in
        Dutch as their modules label them, and have an English text."""
        from klachtrecht._actions import ACTION_LABELS
        from klachtrecht.changes import CHANGE_LABELS

        for kind, labels in (("action", ACTION_LABELS), ("change", CHANGE_LABELS)):
            for code, text in labels.items():
                assert label(kind, code) == text
                assert has_label(kind, code, lang="en")
        assert label("action", "depends_on_data", lang="en") == "Depends on the data"
        assert label("change", "obligation_moved", lang="en") == "Term changed"

    def test_regime_choice_labels_are_the_modules_labels(self) -> None:
        """A regime's own terms (CHOICE_LABELS: betrokkene in the Wvggz, cliënt
        in the Wzd) are its Dutch labels, and name only codes its fields accept."""
        from importlib import import_module

        checked = 0
        for name, module in k.REGIMES.items():
            own = getattr(import_module(module), "CHOICE_LABELS", {})
            reg = k.regime(name)
            choices: dict[str, set[str]] = {}
            for event in (reg.open_event, *reg.events):
                for field in event.fields:
                    choices.setdefault(field.name, set()).update(field.choices)
            for field_name, labels in own.items():
                assert set(labels) <= choices[field_name], (name, field_name)
                for code, text in labels.items():
                    assert label(f"choice:{field_name}", code, regime=name) == text
                    checked += 1
        assert checked > 40
        assert label("choice:capacity", "client", regime="wvggz") == "betrokkene"
        assert label("choice:capacity", "client", regime="wzd") == "cliënt"
        assert label("choice:to", "advocaat", regime="wzd") == (
            "advocaat van de indiener van de klacht"
        )

    def test_dwang_choices_have_the_modules_labels(self) -> None:
        """Grounds, subjects, outcomes, concerns and annulment read as the Dutch
        the Wvggz and Wzd modules give them; article numbers are cited."""
        from klachtrecht.regimes import _dwang, wvggz, wzd

        for field_name, labels in (
            ("ground", wvggz.GROUNDS),
            ("ground", wvggz.FORENSIC_GROUNDS),
            ("ground", wzd.SUBJECTS),
            ("outcome", _dwang.OUTCOME_LABELS),
            ("concerns", _dwang.CONCERNS_LABELS),
            ("annulment", _dwang.ANNULMENT_LABELS),
        ):
            for code, text in labels.items():
                assert label(f"choice:{field_name}", code) == text
                assert has_label(f"choice:{field_name}", code, lang="en")
        assert label("choice:ground", "8:4") == "art. 8:4 Wvggz (art. 10:3 lid 1 sub d)"
        assert label("choice:ground", "Bvt 44", regime="wvggz") == (
            "art. 44 Beginselenwet verpleging ter beschikking gestelden "
            "(Wvggz art. 10:3 lid 2)"
        )
        assert label("choice:outcome", "inadmissible", lang="en") == (
            "declared inadmissible"
        )

    def test_every_field_doc_in_dutch(self) -> None:
        """Each Field.doc has a Dutch text; the English text is the doc itself
        (so a changed doc fails here until the catalogs follow)."""
        checked = 0
        for name in sorted(k.REGIMES):
            reg = k.regime(name)
            for event in (reg.open_event, *reg.events):
                for field in event.fields:
                    if not field.doc:
                        continue
                    code = f"{event.id}.{field.name}"
                    assert label("doc", code, regime=name, lang="en") == field.doc
                    assert has_label("doc", code, regime=name), (name, code)
                    checked += 1
        assert checked > 100
        assert label("doc", "extend.weeks", regime="wkkgz") == (
            "verlenging in weken; ten hoogste vier (art. 17 lid 2)"
        )
        assert label("doc", "open.ground", regime="wzd") == (
            "het onderwerp van Wzd art. 55 waarover de klacht gaat"
        )

    def test_literal_labels(self) -> None:
        """A few labels a portal shows, literally."""
        assert label("choice:outcome", "partly_upheld") == "gedeeltelijk gegrond"
        assert label("choice:finding", "rejected") == "ongegrond"
        assert label("choice:capacity", "parent_without_authority") == (
            "ouder zonder gezag"
        )
        assert label("choice:channel", "phone") == "telefoon"
        assert label("status", "pending") == "openstaand"
        assert label("term_unit", "working_days") == "werkdagen"
        assert label("state", "closed", regime="jeugdwet") == "Afgehandeld"
        assert label("state", "closed", regime="wkkgz") == "Afgesloten"
        assert label("event", "accept", regime="klp", lang="en") == "Client agrees"
        assert label("state", "not_handled", regime="awb") == (
            "Niet in behandeling genomen"
        )
        assert label("role", "adviseur", lang="en") == "complaints adviser"
        assert label("choice:judgment", "partly_improper") == (
            "gedeeltelijk niet behoorlijk (art. 9:27 lid 1 Awb)"
        )
        assert label("doc", "adjourn.weeks", regime="awb") == (
            "verdaging in weken; ten hoogste vier (art. 9:11 lid 2)"
        )

    def test_unknown_code_comes_back_unchanged(self) -> None:
        """A code without a text is shown as itself, never as an empty string."""
        assert label("status", "no_such_code") == "no_such_code"
        assert not has_label("status", "no_such_code")


class TestCatalogFiles:
    """The shipped .mo files are the compiled .po sources."""

    @pytest.mark.parametrize("lang", LANGS)
    def test_mo_matches_po(self, lang: str) -> None:
        """Recompile with `pybabel compile` when this fails (docs/languages.md)."""
        folder = i18n.LOCALEDIR / lang / "LC_MESSAGES"
        with (folder / "klachtrecht.po").open("rb") as handle:
            po = read_po(handle)
        expected = {
            (m.context, m.id): m.string for m in po if m.id and m.string and not m.fuzzy
        }
        with (folder / "klachtrecht.mo").open("rb") as handle:
            mo = gettext.GNUTranslations(handle)
        compiled: dict[tuple[str | None, str], str] = {}
        for key, text in mo._catalog.items():  # type: ignore[attr-defined]
            if not key:
                continue
            context, _, code = key.rpartition("\x04")
            compiled[(context or None, code)] = text
        assert compiled == expected

    @pytest.mark.parametrize("lang", LANGS)
    def test_placeholders_agree_with_english(self, lang: str) -> None:
        """A translated message uses the same {placeholders} as the English one."""
        for context, codes in MESSAGE_CODES.items():
            for code in codes:
                nl = i18n._lookup(lang, context, code) or ""
                en = i18n._lookup("en", context, code) or ""
                assert set(re.findall(r"{(\w+)}", nl)) == set(
                    re.findall(r"{(\w+)}", en)
                ), (context, code)


class TestLanguages:
    """Unknown languages fail clearly; portals add and override catalogs."""

    def test_shipped_languages(self) -> None:
        """Dutch and English ship with the library."""
        assert {"nl", "en"} <= set(languages())

    @pytest.mark.parametrize("call", [
        lambda: label("status", "met", lang="de"),
        lambda: format_date(date(2026, 1, 1), lang="de"),
        lambda: k.term_end(
            date(2026, 1, 1), weeks=1, kind=TermKind.STATUTORY
        ).explain(lang="fr"),
        lambda: label("status", "met", lang="../etc"),
    ])  # fmt: skip
    def test_unknown_language(self, call: object) -> None:
        """A library error that is also a LookupError and lists the languages."""
        with pytest.raises(UnknownLanguageError) as info:
            call()  # type: ignore[operator]
        assert isinstance(info.value, k.KlachtrechtError)
        assert isinstance(info.value, LookupError)
        assert "available: en, nl" in str(info.value)

    def _compile(
        self, folder: Path, lang: str, texts: dict[tuple[str, str], str]
    ) -> Path:
        catalog = Catalog(locale="nl", domain="klachtrecht")
        for (context, code), text in texts.items():
            catalog.add(code, text, context=context)
        target = folder / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        with (target / "klachtrecht.mo").open("wb") as handle:
            write_mo(handle, catalog)
        return target / "klachtrecht.mo"

    @pytest.mark.usefixtures("clean_registry")
    def test_override_dutch_without_forking(self, tmp_path: Path) -> None:
        """A portal's catalog wins; the shipped one answers the rest."""
        self._compile(tmp_path, "nl", {("status", "missed"): "termijn gemist"})
        register_catalog("nl", tmp_path)
        assert label("status", "missed") == "termijn gemist"
        assert label("status", "met") == "nagekomen"

    @pytest.mark.usefixtures("clean_registry")
    def test_add_a_language(self, tmp_path: Path) -> None:
        """A new language becomes available from a single .mo file."""
        mo = self._compile(tmp_path, "de", {("status", "missed"): "versäumt"})
        register_catalog("de", mo)
        assert "de" in languages()
        assert label("status", "missed", lang="de") == "versäumt"
        assert label("status", "met", lang="de") == "met"  # no text: the code

    def test_language_must_be_a_str(self) -> None:
        """A non-str language is an ArgumentTypeError (a TypeError)."""
        with pytest.raises(k.ArgumentTypeError):
            label("status", "met", lang=["nl"])  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError):
            term_end(date(2026, 1, 1), weeks=1, kind=TermKind.STATUTORY).explain(
                lang=None  # type: ignore[arg-type]
            )

    def test_register_refuses_a_missing_catalog(self, tmp_path: Path) -> None:
        """No .mo at the path: a clear error, nothing registered."""
        with pytest.raises(UnknownLanguageError):
            register_catalog("de", tmp_path)
        assert "de" not in languages()


class TestFormatters:
    """Dates, numbers and terms in words, without the process locale."""

    @pytest.mark.parametrize(("day", "long", "short"), [
        (date(2026, 5, 18), "maandag 18 mei 2026", "ma 18 mei 2026"),
        (date(2026, 4, 2), "donderdag 2 april 2026", "do 2 april 2026"),
        (date(2027, 1, 3), "zondag 3 januari 2027", "zo 3 januari 2027"),
        (date(2028, 2, 29), "dinsdag 29 februari 2028", "di 29 februari 2028"),
    ])  # fmt: skip
    def test_dutch_dates(self, day: date, long: str, short: str) -> None:
        """Literal Dutch dates, long and short."""
        assert format_date(day) == long
        assert format_date(day, style="short") == short

    def test_english_short_matches_the_trail(self) -> None:
        """The English short style is the trail's ``Thu 14 May 2026``."""
        assert format_date(date(2026, 5, 14), lang="en", style="short") == (
            "Thu 14 May 2026"
        )
        assert format_date(date(2026, 9, 1), lang="en", style="short") == (
            "Tue 1 Sep 2026"
        )

    @given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    def test_date_parts_follow_the_calendar(self, day: date) -> None:
        """Weekday name by date.weekday(), then day number, month, year."""
        weekday, number, _month, year = format_date(day).split()
        names = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
        names += ["zaterdag", "zondag"]
        assert weekday == names[day.weekday()]
        assert (int(number), int(year)) == (day.day, day.year)
        assert format_date(day + timedelta(days=7)).split()[0] == weekday

    @pytest.mark.parametrize(("n", "nl", "en"), [
        (1, "één", "one"), (2, "twee", "two"), (6, "zes", "six"),
        (12, "twaalf", "twelve"), (13, "dertien", "thirteen"),
        (21, "eenentwintig", "twenty-one"), (22, "tweeëntwintig", "twenty-two"),
        (23, "drieëntwintig", "twenty-three"), (28, "achtentwintig", "twenty-eight"),
        (42, "tweeënveertig", "forty-two"), (90, "negentig", "ninety"),
        (100, "honderd", "one hundred"), (101, "honderdeen", "one hundred and one"),
        (365, "driehonderdvijfenzestig", "three hundred and sixty-five"),
        (1000, "1000", "1000"),
    ])  # fmt: skip
    def test_numbers(self, n: int, nl: str, en: str) -> None:
        """Numbers in words up to 999, digits beyond."""
        assert format_number(n) == nl
        assert format_number(n, lang="en") == en

    def test_terms(self) -> None:
        """Terms in words, singular and plural, from units or a Term."""
        assert format_term(weeks=6) == "zes weken"
        assert format_term(weeks=1) == "één week"
        assert format_term(months=12) == "twaalf maanden"
        assert format_term(years=5) == "vijf jaar"
        assert format_term(working_days=5) == "vijf werkdagen"
        assert format_term(days=28, lang="en") == "twenty-eight days"
        assert format_term(weeks=6, words=False) == "6 weken"
        term = Term(10, "weeks", TermKind.STATUTORY)
        assert format_term(term) == "tien weken"

    def test_term_needs_one_unit(self) -> None:
        """No unit or two units: an ArgumentTypeError."""
        with pytest.raises(k.ArgumentTypeError):
            format_term()
        with pytest.raises(k.ArgumentTypeError):
            format_term(weeks=1, days=1)


SIX_WEEKS_NL = (
    "do 2 april 2026: termijn van zes weken na do 2 april 2026 (Wkkgz art. 17 "
    "lid 1) gaat de volgende dag in -> do 14 mei 2026: kale einddatum van de "
    "termijn (zelfde dag van de week) -> do 14 mei 2026: is Hemelvaartsdag (Atw "
    "art. 3 lid 1) -> vr 15 mei 2026: is een gelijkgestelde dag (Atw art. 3 lid "
    "3; Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 "
    "april 2028 en 26 mei 2028 met een algemeen erkende feestdag) -> za 16 mei "
    "2026: is een zaterdag -> zo 17 mei 2026: is een zondag -> ma 18 mei 2026: "
    "verlengd tot de eerstvolgende werkdag (Atw art. 1 lid 1) -> ma 18 mei 2026: "
    "uiterste datum"
)


class TestTrail:
    """The deadline trail is data (code + params) rendered per language."""

    def test_dutch_explanation(self) -> None:
        """The six weeks of Wkkgz art. 17 across Hemelvaart, in Dutch."""
        d = term_end(
            date(2026, 4, 2),
            weeks=6,
            kind=TermKind.STATUTORY,
            source="Wkkgz art. 17 lid 1",
        )
        assert d.explain(lang="nl") == SIX_WEEKS_NL
        assert d.explain().startswith(
            "Thu 2 Apr 2026: term of 6 weeks after Thu 2 Apr 2026 (Wkkgz art. 17 lid 1)"
        )

    def test_steps_carry_codes_and_params(self) -> None:
        """A step is a code with parameters, not an English sentence."""
        d = term_end(date(2026, 4, 2), weeks=6, kind=TermKind.STATUTORY)
        first, *_, last = d.steps
        assert first.code == "start"
        assert dict(first.params) == {
            "amount": 6,
            "unit": "weeks",
            "start": date(2026, 4, 2),
        }
        assert last.code == "due"
        free = [s for s in d.steps if s.code == "free_day"]
        assert [dict(s.params)["weekend"] for s in free] == [
            "",
            "",
            "saturday",
            "sunday",
        ]

    def test_excluded_and_agreed_terms(self) -> None:
        """Atw art. 4 and 5 exclusions and agreed dates render in Dutch."""
        long = term_end(date(2026, 1, 2), months=6, kind=TermKind.STATUTORY)
        assert long.explain(lang="nl").endswith(
            "uiterste datum; een termijn van meer dan drie maanden: de Atw is niet "
            "van toepassing (Atw art. 4)"
        )
        agreed = agreed_deadline(date(2026, 1, 2), date(2026, 3, 1), source="KPZ 6")
        assert "afgesproken datum" in agreed.explain(lang="nl")

    @given(
        st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
        st.sampled_from(["days", "weeks", "months", "years", "working_days"]),
        st.integers(min_value=1, max_value=30),
        st.sampled_from(list(TermKind)),
    )
    def test_every_step_renders(
        self, start: date, unit: str, amount: int, kind: TermKind
    ) -> None:
        """Every step has a known code and renders fully in both languages."""
        d = term_end(start, kind=kind, **{unit: amount})  # type: ignore[arg-type]
        for step in d.steps:
            assert step.code in MESSAGE_CODES["step"]
            for lang in LANGS:
                text = step.render(lang)
                assert "{" not in text
                assert text
            assert str(step) == step.render("en")

    def test_trail_is_not_stored(self) -> None:
        """The trail is rendered on demand: a Deadline holds no steps."""
        names = {f.name for f in attrs.fields(k.Deadline)}
        assert "steps" not in names

    def test_steps_pickle_and_copy(self) -> None:
        """A step survives pickle and deepcopy unchanged (params stay read-only)."""
        import copy
        import pickle

        for step in term_end(date(2026, 4, 24), days=1, kind=TermKind.STATUTORY).steps:
            for clone in (pickle.loads(pickle.dumps(step)), copy.deepcopy(step)):
                assert clone == step
                assert str(clone) == str(step)
                with pytest.raises(TypeError):
                    clone.params["x"] = 1  # type: ignore[index]

    def test_steps_are_values(self) -> None:
        """Equal trails are equal and steps stay hashable."""
        a = term_end(date(2026, 4, 2), weeks=6, kind=TermKind.STATUTORY).steps
        b = term_end(date(2026, 4, 2), weeks=6, kind=TermKind.STATUTORY).steps
        assert a == b
        assert len({*a}) == len(set(b))


class TestFindings:
    """Compliance findings render as code + params."""

    def test_finding_in_dutch(self) -> None:
        """A missed obligation, in Dutch and in English."""
        finding = Finding(
            "C-1",
            "oordeel",
            "Schriftelijk oordeel ontvangen door klager",
            "Wkkgz art. 17 lid 1",
            k.Status.MISSED,
            date(2026, 5, 6),
            None,
        )
        assert finding.code == "missed"
        assert finding.render("nl") == (
            "Wkkgz art. 17 lid 1: Schriftelijk oordeel ontvangen door klager: "
            "verstreken: uiterlijk wo 6 mei 2026, niet nagekomen"
        )
        assert finding.render() == finding.message

    @pytest.mark.parametrize("status", list(k.Status))
    def test_every_status_renders_like_message(self, status: k.Status) -> None:
        """The English rendering equals the legacy message for every status."""
        met = (
            None if status in (k.Status.PENDING, k.Status.MISSED) else date(2026, 5, 7)
        )
        finding = Finding("C", "x", "L", "S", status, date(2026, 5, 6), met)
        assert finding.render("en") == finding.message
        assert "{" not in finding.render("nl")


def test_shipped_template_is_current() -> None:
    """locale/klachtrecht.pot lists exactly what the library extracts; rerun
    ``python -m klachtrecht.i18n.extract`` (docs/languages.md) when this fails."""
    from klachtrecht.i18n.extract import POT, template_catalog

    with POT.open("rb") as handle:
        shipped = {(m.context, m.id) for m in read_po(handle) if m.id}
    assert shipped == {(m.context, m.id) for m in template_catalog() if m.id}
