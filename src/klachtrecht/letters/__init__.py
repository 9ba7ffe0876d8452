"""Letters and notices the regimes require, rendered from a case (Jinja2).

Each letter is identified by its regime and a kind, e.g. ``("wkkgz", "oordeel")``
and is rendered from the facts the case already holds: the dates of its events,
the derived deadlines and the texts recorded with the events (the oordeel's
reasons). It cites its legal basis. A letter never invents a fact: when the case
lacks what the letter needs, :class:`MissingFactError` names what is missing
(never a value).

Templates live in ``templates/<regime>/<kind>.txt`` (plain text) and
``.html`` (autoescaped), and extend ``_base.txt``/``_base.html``; undefined
values fail loudly (``StrictUndefined``). A portal applies its house style by
passing ``templates=`` (a folder, a list of folders searched before the shipped
ones, or a ``jinja2.BaseLoader``). A new regime adds letters with
:func:`register_letter`. See docs/languages.md for rendered examples.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import attrs

from klachtrecht._case import Case, EventRecord, Role
from klachtrecht.errors import ArgumentTypeError, KlachtrechtError
from klachtrecht.i18n import format_date, format_term

if TYPE_CHECKING:
    import jinja2

    from klachtrecht._engine import Regime

__all__ = [
    "FORMATS",
    "LetterSpec",
    "MissingFactError",
    "UnknownLetterError",
    "format_amount",
    "letter_kinds",
    "letter_spec",
    "register_letter",
    "render_letter",
]

#: The output formats: plain text and (autoescaped) HTML.
FORMATS = ("text", "html")
_EXTENSIONS = {"text": "txt", "html": "html"}


class UnknownLetterError(KlachtrechtError, LookupError):
    """No letter of that kind is registered for the case's regime."""


class MissingFactError(KlachtrechtError, ValueError):
    """The case does not hold a fact the letter needs (nothing is invented).

    ``missing`` describes what is missing, e.g. ``"the written complaint (event
    submit_written)"``; it never contains a value from the case.
    """

    def __init__(self, message: str, *, case_id: str, letter: str, missing: str):
        super().__init__(message)
        self.case_id = case_id
        self.letter = letter
        self.missing = missing


Builder = Callable[[Case, "Regime", "_Need"], Mapping[str, Any]]


@attrs.frozen
class LetterSpec:
    """A registered letter: subject line, legal basis and the context builder.

    ``build(case, regime, need)`` returns the template values; it calls
    ``need(value, "what")`` for every fact the letter cannot do without.
    """

    regime: str
    kind: str
    subject: str
    basis: str
    build: Builder = attrs.field(repr=False)
    sender: Role = Role.PROVIDER


_LETTERS: dict[tuple[str, str], LetterSpec] = {}


def register_letter(
    regime: str,
    kind: str,
    *,
    subject: str,
    basis: str,
    build: Builder,
    sender: Role = Role.PROVIDER,
) -> LetterSpec:
    """Register (or replace) the letter ``kind`` of ``regime``.

    ``sender`` is the role of the party whose name signs the letter (the
    provider; the bestuursorgaan under the Awb). Its templates are
    ``<regime>/<kind>.txt`` and ``.html``, in the shipped folder or in the
    folders a caller passes as ``templates=``.
    """
    for name, value in (("regime", regime), ("kind", kind)):
        if not isinstance(value, str) or not value.isidentifier():
            raise ArgumentTypeError(f"{name} must be an identifier str")
    spec = LetterSpec(regime, kind, subject, basis, build, sender)
    _LETTERS[(regime, kind)] = spec
    return spec


def letter_kinds(regime: str) -> tuple[str, ...]:
    """The letter kinds registered for ``regime``, sorted."""
    return tuple(sorted(k for r, k in _LETTERS if r == regime))


def letter_spec(regime: str, kind: str) -> LetterSpec:
    """The registered letter ``kind`` of ``regime``."""
    spec = _LETTERS.get((regime, kind))
    if spec is None:
        known = ", ".join(letter_kinds(regime)) or "none"
        raise UnknownLetterError(
            f"no such letter for regime {regime!r}; known: {known}"
        )
    return spec


class _Need:
    """Raises :class:`MissingFactError` for a missing fact, naming it."""

    def __init__(self, case: Case, letter: str) -> None:
        self.case = case
        self.letter = letter

    def __call__(self, value: Any, what: str) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.missing(what)
        return value

    def missing(self, what: str) -> MissingFactError:
        return MissingFactError(
            f"case {self.case.case_id!r}: letter {self.letter!r} needs {what}, "
            "which the case does not hold",
            case_id=self.case.case_id,
            letter=self.letter,
            missing=what,
        )

    def record(self, event: str) -> EventRecord:
        """The latest record of ``event`` in the case's history."""
        for record in reversed(self.case.history):
            if record.event == event:
                return record
        raise self.missing(f"a recorded {event!r} event")

    def due(self, regime: Regime, key: str) -> date:
        """The due date of the case's obligation ``key``."""
        for item in regime.deadlines(self.case):
            if item.key == key:
                return item.due
        raise self.missing(f"the obligation {key!r} and its due date")


# -- rendering --------------------------------------------------------------------


def render_letter(
    case: Case,
    kind: str,
    *,
    format: str = "text",
    dated: date | None = None,
    templates: Any = None,
) -> str:
    """The letter ``kind`` for ``case``, as plain text or HTML, in Dutch.

    ``dated`` is the letter's own date; without it the letter carries no date
    line (the case does not know when the letter is sent). ``templates``
    overrides the house style: a folder or list of folders searched before the
    shipped templates, or a ``jinja2.BaseLoader``.
    """
    if not isinstance(case, Case):
        raise ArgumentTypeError(f"expected a Case, got {type(case).__name__}")
    if format not in FORMATS:
        raise ArgumentTypeError(f"format must be one of {', '.join(FORMATS)}")
    if dated is not None and not isinstance(dated, date):
        raise ArgumentTypeError(f"dated must be a date, got {type(dated).__name__}")
    from klachtrecht.regimes import regime as get_regime  # noqa: PLC0415

    spec = letter_spec(case.regime, kind)
    reg = get_regime(case.regime)
    name = f"{case.regime}/{kind}"
    need = _Need(case, name)
    provider = case.party(spec.sender)
    sender = (
        "the provider's name"
        if spec.sender is Role.PROVIDER
        else f"the name of the {spec.sender.value}"
    )
    klager = case.party(Role.KLAGER)
    values: dict[str, Any] = {
        "case_id": case.case_id,
        "regime_title": reg.title,
        "subject": spec.subject,
        "basis": spec.basis,
        "dated": dated,
        "provider": need(provider.name if provider else None, sender),
        "klager": klager.name if klager and klager.name.strip() else None,
    }
    values.update(spec.build(case, reg, need))
    env = _environment(templates)
    import jinja2  # noqa: PLC0415 - lazy: only letters need Jinja2

    template_name = f"{name}.{_EXTENSIONS[format]}"
    try:
        template = env.get_template(template_name)
    except jinja2.TemplateNotFound:
        raise UnknownLetterError(
            f"no template {template_name!r} in the given or shipped templates"
        ) from None
    try:
        return template.render(values)
    except jinja2.UndefinedError as exc:
        # Jinja names the undefined variable, never a value of the case
        raise MissingFactError(
            f"case {case.case_id!r}: template {template_name!r} uses a value the "
            f"letter does not provide ({exc.message})",
            case_id=case.case_id,
            letter=name,
            missing=str(exc.message),
        ) from None


def _environment(templates: Any) -> jinja2.Environment:
    if templates is None:
        return _default_environment()
    import jinja2  # noqa: PLC0415

    if isinstance(templates, jinja2.BaseLoader):
        user: jinja2.BaseLoader = templates
    elif isinstance(templates, (str, os.PathLike)):
        user = jinja2.FileSystemLoader(templates)
    elif isinstance(templates, Sequence):
        user = jinja2.FileSystemLoader(list(templates))
    else:
        raise ArgumentTypeError(
            "templates must be a folder, a list of folders or a jinja2.BaseLoader"
        )
    return _make_environment(jinja2.ChoiceLoader([user, _shipped_loader()]))


@lru_cache(maxsize=1)
def _shipped_loader() -> jinja2.BaseLoader:
    import jinja2  # noqa: PLC0415

    return jinja2.PackageLoader("klachtrecht.letters", "templates")


@lru_cache(maxsize=1)
def _default_environment() -> jinja2.Environment:
    return _make_environment(_shipped_loader())


def _make_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    import jinja2  # noqa: PLC0415

    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html",), default_for_string=False, default=False
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = lambda day: format_date(day, style="long")
    env.filters["datum_kort"] = lambda day: format_date(day, style="date")
    env.filters["alineas"] = _paragraphs
    env.filters["bedrag"] = format_amount
    return env


def format_amount(amount: Decimal) -> str:
    """An amount in euros, Dutch style: ``€ 1.250,00``.

    >>> format_amount(Decimal("50"))
    '€ 50,00'
    """
    if not isinstance(amount, Decimal | int) or isinstance(amount, bool):
        raise ArgumentTypeError(
            f"amount must be a Decimal, got {type(amount).__name__}"
        )
    text = f"{Decimal(amount):,.2f}"  # 1,250.00
    return "€ " + text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _paragraphs(text: str) -> Any:
    """HTML paragraphs of a personal text, every part escaped."""
    from markupsafe import Markup  # noqa: PLC0415

    parts = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in parts)


# -- the letters ------------------------------------------------------------------


def _extension_text(record: EventRecord) -> str:
    data = record.data
    if "weeks" in data:
        return format_term(weeks=int(data["weeks"]))
    return format_term(days=int(data["days"]))


def _wkkgz_receipt(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("submit_written")
    dues = {item.key: item.due for item in reg.deadlines(case)}
    # the six weeks of art. 17 lid 1 before any extension
    due = dues.get("extension_notice", dues.get("oordeel"))
    return {
        "received_on": record.day,
        "due": need(due, "the art. 17 lid 1 due date of the oordeel"),
    }


def _extension(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("extend")
    return {
        "notice_on": record.day,
        "extension": _extension_text(record),
        "old_due": need.due(reg, "extension_notice"),
        "new_due": need.due(reg, "oordeel"),
        "reason": record.data.get("reason"),
    }


def _geschil_due(case: Case, reg: Regime) -> date | None:
    for item in reg.deadlines(case):
        if item.key == "geschil_window":
            return item.due
    return None


def _wkkgz_oordeel(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("deliver_oordeel")
    data = record.data
    return {
        "judgment": need(data.get("judgment"), "the oordeel (field 'judgment')"),
        "reasons": need(data.get("reasons"), "the reasons (field 'reasons')"),
        "decisions": need(data.get("decisions"), "the decisions (field 'decisions')"),
        "measures_term": need(
            data.get("measures_term"), "the term of the measures ('measures_term')"
        ),
        "geschil_due": _geschil_due(case, reg),
    }


def _jeugdwet_deviation(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("deviate")
    count = sum(1 for r in case.history if r.event == "deviate")
    return {
        "given_on": record.day,
        "until": need(record.data.get("until"), "the new term (field 'until')"),
        "reasons": need(record.data.get("reasons"), "the reasons (field 'reasons')"),
        "old_due": need.due(reg, f"oordeel_deviation_{count}"),
    }


def _klp_closing(case: Case, reg: Regime, need: _Need) -> dict[str, Any]:
    record = need.record("send_letter")
    data = record.data
    settings = case.settings
    return {
        "conclusions": need(data.get("conclusions"), "the conclusions"),
        "reasons": need(data.get("reasons"), "the reasons (field 'reasons')"),
        "agreements": data.get("agreements"),
        "measures": data.get("measures"),
        "measures_term": need(
            data.get("measures_term"), "the term of the measures ('measures_term')"
        ),
        "window": format_term(months=settings.geschil_window_months),
        "fee": settings.geschil_fee,
        "fee_with_damages": settings.geschil_fee_with_damages,
    }


register_letter(
    "wkkgz",
    "ontvangstbevestiging",
    subject="Ontvangstbevestiging van uw klacht",
    basis=(
        "Wkkgz art. 17 lid 1 (de termijn van zes weken); een ontvangstbevestiging "
        "schrijft de Wkkgz niet voor, de klachtenregeling (art. 13 lid 1) wel"
    ),
    build=_wkkgz_receipt,
)
register_letter(
    "wkkgz",
    "verlenging",
    subject="Verlenging van de termijn voor ons oordeel",
    basis="Wkkgz art. 17 lid 2",
    build=_extension,
)
register_letter(
    "klp",
    "verlenging",
    subject="Verlenging van de termijn voor de afsluitende brief",
    basis="Wkkgz art. 17 lid 2 (het KLP is een klachtenregeling onder de Wkkgz)",
    build=_extension,
)
register_letter(
    "wkkgz",
    "oordeel",
    subject="Ons oordeel over uw klacht",
    basis="Wkkgz art. 17 lid 1 (schriftelijk en met redenen omkleed); art. 21 lid 1",
    build=_wkkgz_oordeel,
)
register_letter(
    "jeugdwet",
    "afwijking",
    subject="Afwijking van de termijn voor het oordeel van de klachtencommissie",
    basis="Jeugdwet art. 4.2.1 lid 2 sub d",
    build=_jeugdwet_deviation,
)
register_letter(
    "klp",
    "afsluitende_brief",
    subject="Afsluitende brief over uw klacht",
    basis=(
        "Klachtenloket Paramedici, werkwijze (brief met redenen omkleed); "
        "Wkkgz art. 17 lid 1; geschil: geschillenregeling, Wkkgz art. 21 lid 1"
    ),
    build=_klp_closing,
)

# the letters of Awb titel 9.1, the Wvggz and the Wzd (registered on import)
from klachtrecht.letters import _newer  # noqa: E402, F401
