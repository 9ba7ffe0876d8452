"""Error messages rendered in Dutch from an error's code and params
(klachtrecht.i18n.render_error), with str(exc) as the fallback."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from hypothesis import given
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht import i18n
from klachtrecht.i18n import ERROR_CODES, render_error

AT = datetime(2026, 4, 2, 10, tzinfo=UTC)
LATER = datetime(2026, 4, 3, 9, tzinfo=UTC)


@pytest.fixture
def clean_registry() -> Iterator[None]:
    """Forget catalogs registered by a test."""
    yield
    i18n.unregister_catalogs()


def _case() -> k.Case:
    return k.regime("wkkgz").open(
        "K-1",
        at=AT,
        klager=k.Party(k.Role.KLAGER, "c-1", "client"),
        provider=k.Party(k.Role.PROVIDER, "p-1"),
    )


def _raised(event: str, **data: Any) -> k.KlachtrechtError:
    """The error the Wkkgz raises for ``event`` on a freshly opened case."""
    by = data.pop("by", k.Role.KLAGER)
    with pytest.raises(k.KlachtrechtError) as info:
        k.regime("wkkgz").apply(_case(), event, at=LATER, by=by, **data)
    return info.value


class _StubError(Exception):
    """A stand-in for an error that carries code and params (issue 16)."""

    def __init__(self, code: str, params: Mapping[str, object]) -> None:
        super().__init__("english fallback")
        self.code = code
        self.params = MappingProxyType(dict(params))


class TestRealErrors:
    """The case errors of today render in Dutch from their attributes."""

    def test_event_not_allowed(self) -> None:
        """Dutch, with codes; with the regime, with the Wkkgz labels."""
        exc = _raised("deliver_oordeel", by=k.Role.PROVIDER)
        assert isinstance(exc, k.EventNotAllowedError)
        assert render_error(exc) == (
            "zaak 'K-1': gebeurtenis 'deliver_oordeel' is niet toegestaan in status "
            "'raised'; nu toegestaan: engage_functionaris, resolve, submit_geschil, "
            "submit_written, withdraw"
        )
        assert render_error(exc, regime="wkkgz").startswith(
            "zaak 'K-1': gebeurtenis 'Schriftelijk oordeel ontvangen' is niet "
            "toegestaan in status 'Onvrede gemeld'; nu toegestaan: "
            "Klachtenfunctionaris inschakelen, "
        )

    def test_version_conflict(self) -> None:
        """The numbers of an optimistic-concurrency conflict, in Dutch."""
        exc = _raised("submit_written", complaint="...", expected_version=7)
        assert isinstance(exc, k.VersionConflictError)
        assert render_error(exc) == (
            "zaak 'K-1': gebeurtenis 'submit_written' verwachtte versie 7, maar de "
            "zaak is bij versie 1 (status 'raised'); laad de zaak opnieuw en probeer "
            "het nog eens"
        )

    def test_event_data_problem_stays_english(self) -> None:
        """The frame is Dutch; the problem sentence of the engine is kept."""
        exc = _raised("submit_written")
        assert isinstance(exc, k.EventDataError)
        assert render_error(exc) == (
            "zaak 'K-1': gebeurtenis 'submit_written' in status 'raised': "
            f"{exc.problem}"
        )

    def test_guard_refused(self) -> None:
        """A guard refusal names its source; the reason is the guard's text."""
        exc = k.GuardError(
            "the term has passed",
            case_id="K-2",
            state="assessed",
            event="extend",
            source="Wkkgz art. 17 lid 2",
        )
        assert render_error(exc) == (
            "zaak 'K-2': gebeurtenis 'extend' geweigerd in status 'assessed': "
            "the term has passed (Wkkgz art. 17 lid 2)"
        )

    @pytest.mark.parametrize(
        "make",
        [
            lambda: _raised("deliver_oordeel", by=k.Role.PROVIDER),
            lambda: _raised("submit_written", complaint="...", expected_version=3),
            lambda: _raised("submit_written"),
            lambda: k.GuardError("r", case_id="C", state="s", event="e", source="x"),
            lambda: k.EventNotAllowedError(case_id="C", state="closed", event="e",
                                           allowed=()),
        ],
    )  # fmt: skip
    def test_english_is_the_message(self, make: Any) -> None:
        """Rendered in English, an error reads exactly as str(exc)."""
        exc = make()
        assert render_error(exc, "en") == str(exc)
        assert render_error(exc, "nl") != str(exc)

    def test_closed_case_allows_nothing(self) -> None:
        """No allowed events: the Dutch says the case is closed."""
        exc = k.EventNotAllowedError(
            case_id="C", state="closed", event="withdraw", allowed=()
        )
        assert render_error(exc).endswith("nu toegestaan: geen (de zaak is afgesloten)")

    @given(st.text())
    def test_no_input_value_is_echoed(self, secret: str) -> None:
        """The Dutch message for a refused value does not depend on the value."""
        exc = _raised("submit_written", complaint=[secret])
        other = _raised("submit_written", complaint=[0])
        assert isinstance(exc, k.EventDataError)
        assert render_error(exc) == render_error(other)
        assert render_error(exc) != str(exc)


class TestCodeAndParams:
    """Errors that carry code and params (as after the error-code work)."""

    def test_stand_in_renders_from_params(self) -> None:
        """A code with a Dutch text and all its params renders in Dutch."""
        exc = _StubError(
            "version_conflict",
            {"case_id": "Z-9", "state": "raised", "event": "extend", "expected": 2,
             "actual": 4},
        )  # fmt: skip
        assert render_error(exc) == (
            "zaak 'Z-9': gebeurtenis 'extend' verwachtte versie 2, maar de zaak is "
            "bij versie 4 (status 'raised'); laad de zaak opnieuw en probeer het nog "
            "eens"
        )

    def test_own_params_win_over_attributes(self) -> None:
        """A real class with code and params (the later shape) uses its params."""

        class Coded(k.EventNotAllowedError):
            code: ClassVar[str] = "event_not_allowed"

        exc = Coded(case_id="A", state="raised", event="x", allowed=("y",))
        exc.params = MappingProxyType(
            {"case_id": "B", "state": "raised", "event": "x", "allowed": ("z",)}
        )
        assert render_error(exc).startswith("zaak 'B': ")
        assert render_error(exc).endswith("nu toegestaan: z")

    @pytest.mark.parametrize(
        "exc",
        [
            _StubError("no_such_code", {"case_id": "C"}),
            _StubError("version_conflict", {"case_id": "C", "state": "s",
                                             "event": "e"}),
            _StubError("version_conflict", {"case_id": "C", "state": "s", "event": "e",
                                       "expected": [1], "actual": 2}),
            _StubError("event_not_allowed", {"case_id": "C", "state": "s", "event": "e",
                                        "allowed": "abc"}),
            ValueError("plain"),
            k.UnknownRegimeError("no regime"),
        ],
        ids=["unknown-code", "missing-param", "odd-param", "str-list", "foreign",
             "no-text"],
    )  # fmt: skip
    def test_falls_back_to_str(self, exc: Exception) -> None:
        """Unknown code, missing or odd parameter, no code: str(exc)."""
        assert render_error(exc) == str(exc)

    def test_dates_render_in_dutch(self) -> None:
        """A date parameter is written as in the Dutch trail."""
        exc = _StubError(
            "guard_refused",
            {"case_id": "C", "state": "s", "event": "e", "reason": "r",
             "source": date(2026, 5, 18)},
        )  # fmt: skip
        assert render_error(exc).endswith("r (ma 18 mei 2026)")

    def test_every_code_has_dutch_with_the_same_params(self) -> None:
        """Each error code has a Dutch text using exactly its parameters."""
        for code, names in ERROR_CODES.items():
            params: dict[str, object] = dict.fromkeys(names, "v")
            params["allowed"] = ("a",)
            text = render_error(_StubError(code, params))
            assert text != "english fallback", code
            assert text.startswith("zaak 'v'")

    @pytest.mark.usefixtures("clean_registry")
    def test_malformed_text_falls_back(self, tmp_path: Path) -> None:
        """A portal text with a broken placeholder gives str(exc), no crash."""
        catalog = Catalog(locale="nl", domain="klachtrecht")
        catalog.add("guard_refused", "zaak {case_id: kapot {", context="error")
        with (tmp_path / "broken.mo").open("wb") as handle:
            write_mo(handle, catalog)
        i18n.register_catalog("nl", tmp_path / "broken.mo")
        exc = k.GuardError("r", case_id="C", state="s", event="e", source="x")
        assert render_error(exc) == str(exc)

    @pytest.mark.usefixtures("clean_registry")
    def test_portal_translates_a_reason(self, tmp_path: Path) -> None:
        """A portal's catalog may translate a guard reason literally."""
        catalog = Catalog(locale="nl", domain="klachtrecht")
        catalog.add("the term has passed", "de termijn is verstreken",
                    context="error_reason")  # fmt: skip
        with (tmp_path / "mine.mo").open("wb") as handle:
            write_mo(handle, catalog)
        i18n.register_catalog("nl", tmp_path / "mine.mo")
        exc = k.GuardError(
            "the term has passed", case_id="C", state="s", event="e", source="x"
        )
        assert render_error(exc).endswith(": de termijn is verstreken (x)")


class TestBadInput:
    """Unknown languages and non-errors are refused like elsewhere in i18n."""

    def test_unknown_language(self) -> None:
        """An unknown language lists the available ones."""
        with pytest.raises(i18n.UnknownLanguageError, match="available: en, nl"):
            render_error(ValueError("x"), "de")

    def test_not_an_exception(self) -> None:
        """Only exceptions render; a language must be a str."""
        with pytest.raises(k.ArgumentTypeError):
            render_error("case 'C'")  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError):
            render_error(ValueError("x"), None)  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError):
            render_error(ValueError("x"), ["nl"])  # type: ignore[arg-type]
