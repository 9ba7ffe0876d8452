"""Statutory reports on complaints, anonymised for publication.

Jeugdwet (BWBR0034925) art. 4.3.1 lid 2: the jaarverslag of a
jeugdhulpaanbieder states, among other things, "d. een beknopte beschrijving
van de klachtenregeling", "f. de samenstelling van de klachtencommissie", "h.
het aantal en de aard van de door de klachtencommissie behandelde klachten",
"i. de strekking van de oordelen en aanbevelingen van de klachtencommissie" and
"j. de aard van de maatregelen, bedoeld in artikel 4.2.1, vijfde lid".
Art. 4.3.2 lid 1: published "binnen tien dagen na vaststelling van het verslag
(...), doch uiterlijk voor 1 juni van het jaar volgend op het jaar waarop het
verslag ziet" (:func:`publication`).

More information:
https://wetten.overheid.nl/BWBR0034925/2026-01-01#Artikel4.3.1

The Wkkgz, the Wmo 2015 and the KLP: the sources read (law.md, law-more.md)
contain no statutory yearly complaint report; where a klachtenregeling or a
gemeentelijke verordening asks for a yearly overview, :func:`overview` gives
one in the same shape (UNCONFIRMED what a given regeling requires).

Anonymised: a report holds counts, the regeling's own category labels and
texts the provider supplies in :class:`ReportSettings` (which must not name
anyone); never a case id, a name or a complaint text. A count from 1 up to
``threshold - 1`` is shown as ``"< 5"`` (for the default threshold of five),
and when a group shows its total, one more count is hidden (``"*"``) so the
suppressed ones cannot be recomputed from the total. This is simple
suppression, not a full disclosure-control method: a provider publishing very
small numbers should still read the report before publishing it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from datetime import date

import attrs

import klachtrecht as k
from klachtrecht._report_counting import (
    OTHER,
    Classify,
    Row,
    _check_args,
    _classify,
    _Rows,
    _snapshots,
)
from klachtrecht.deadlines import Deadline, TermKind, check_date, term_end

__all__ = [
    "ART_4_3_1",
    "ART_4_3_2",
    "Category",
    "Publication",
    "Report",
    "ReportSettings",
    "Row",
    "jeugdwet_jaarverslag",
    "overview",
    "publication",
]

ART_4_3_1 = "Jeugdwet art. 4.3.1 lid 2"
ART_4_3_2 = "Jeugdwet art. 4.3.2 lid 1"
OVERVIEW = "klachtenregeling (jaaroverzicht; geen wettelijk voorschrift gevonden)"


@attrs.frozen
class Category:
    """A category of the regeling (e.g. of the aard of complaints): a stored
    code and its Dutch label."""

    code: str
    label: str


def _categories(value: object) -> tuple[Category, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise k.InvalidSettingError("ReportSettings categories must be a tuple")
    given = tuple(value)
    items = tuple(c for c in given if isinstance(c, Category))
    if len(items) != len(given):
        raise k.InvalidSettingError("ReportSettings categories must be Category values")
    codes = [c.code for c in items]
    if len(set(codes)) != len(codes) or OTHER in codes:
        raise k.InvalidSettingError(
            f"ReportSettings category codes must be unique and not {OTHER!r}"
        )
    return items


def _text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise k.InvalidSettingError(f"ReportSettings.{attribute.name} must be a str")


@attrs.frozen
class ReportSettings:
    """What the regeling itself says, for the report.

    ``aard``: the regeling's categories of the nature of complaints (art. 4.3.1
    lid 2 sub h); ``measures``: its categories of measures (sub j). A case
    without a category counts as ``overig``. ``description`` (sub d) and
    ``composition`` (sub f) are the provider's own short texts; they are
    published as given, so they must not name anyone.
    """

    aard: tuple[Category, ...] = attrs.field(default=(), converter=_categories)
    measures: tuple[Category, ...] = attrs.field(default=(), converter=_categories)
    description: str = attrs.field(default="", validator=_text)
    composition: str = attrs.field(default="", validator=_text)


@attrs.frozen
class Publication:
    """When the jaarverslag must be public (Jeugdwet art. 4.3.2 lid 1).

    ``ten_days``: ten days after adoption (a statutory term: the Atw
    applies), when the adoption date is known; ``latest``: 31 May of the next
    year ("uiterlijk voor 1 juni"). ``due`` is the earlier of the two.
    """

    latest: Deadline
    ten_days: Deadline | None

    @property
    def due(self) -> date:
        """The last day on which publication is on time."""
        if self.ten_days is None:
            return self.latest.due
        return min(self.ten_days.due, self.latest.due)


def publication(year: int, *, adopted_on: date | None = None) -> Publication:
    """The publication deadline of the jaarverslag over ``year``.

    "Uiterlijk voor 1 juni" is a fixed date, not a term counted from an event:
    whether Atw art. 1 would move it off a weekend is UNCONFIRMED, so it is
    not moved (the stricter reading: never too late). It is computed as five
    months after 31 December, which ends on 31 May.
    """
    if type(year) is not int:
        raise k.ArgumentTypeError(f"year must be an int, got {type(year).__name__}")
    latest = term_end(
        date(year, 12, 31),
        months=5,
        kind=TermKind.NON_STATUTORY,
        source=(
            f"{ART_4_3_2}: uiterlijk voor 1 juni van het jaar volgend op het "
            "verslagjaar (a fixed date; Atw not applied, UNCONFIRMED)"
        ),
    )
    ten_days = None
    if adopted_on is not None:
        check_date(adopted_on, "adopted_on")
        ten_days = term_end(
            adopted_on,
            days=10,
            kind=TermKind.STATUTORY,
            source=f"{ART_4_3_2}: binnen tien dagen na vaststelling",
        )
    return Publication(latest, ten_days)


@attrs.frozen
class Report:
    """An anonymised report: rows of counts and the regeling's own texts."""

    title: str
    regime: str
    year: int
    threshold: int
    rows: tuple[Row, ...]
    publication: Publication | None = None

    def to_dict(self) -> dict[str, object]:
        """JSON-compatible, with Dutch keys for publication."""
        out: dict[str, object] = {
            "titel": self.title,
            "regime": self.regime,
            "jaar": self.year,
            "drempel": self.threshold,
            "rijen": [
                {
                    "onderdeel": r.part,
                    "sleutel": r.key,
                    "omschrijving": r.label,
                    "waarde": r.value,
                    "bron": r.source,
                }
                for r in self.rows
            ],
        }
        if self.publication is not None:
            pub = self.publication
            out["openbaarmaking"] = {
                "uiterlijk": pub.due.isoformat(),
                "voor_1_juni": pub.latest.due.isoformat(),
                "tien_dagen_na_vaststelling": (
                    pub.ten_days.due.isoformat() if pub.ten_days else None
                ),
                "bron": ART_4_3_2,
            }
        return out

    def to_json(self) -> str:
        """:meth:`to_dict` as a JSON string (UTF-8 kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_csv(self, *, delimiter: str = ";") -> str:
        """The rows as CSV (``;`` by default, as Dutch spreadsheets expect)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(("onderdeel", "sleutel", "omschrijving", "waarde", "bron"))
        for r in self.rows:
            writer.writerow((r.part, r.key, r.label, r.value, r.source))
        return buffer.getvalue()


def overview(
    cases: Iterable[k.Case],
    year: int,
    *,
    regime: str,
    settings: ReportSettings | None = None,
    classify: Classify | None = None,
    threshold: int = 5,
) -> Report:
    """A yearly overview of one regime's complaints, for a regeling that asks
    for one (no statute found that does; see the module docstring).

    Counts the complaints received in ``year`` by the regeling's categories of
    aard (``classify``: a function of the case or a mapping case id -> code),
    the cases that ended in ``year`` by how they ended, the cases still open on
    31 December, and the obligations due in ``year`` by timeliness, all as the
    cases stood at the end of the year.
    """
    _check_args(year, threshold)
    reg = k.regime(regime)
    settings = settings if settings is not None else ReportSettings()
    rows = _Rows(threshold)
    snaps = _snapshots(cases, regime, year)
    received = [c for c, _ in snaps if c.history[0].day.year == year]
    _aard_group(rows, "aantal", OVERVIEW, received, settings, classify)
    ended: Counter[str] = Counter(
        c.state for c, _ in snaps if reg.is_final(c) and c.history[-1].day.year == year
    )
    rows.group(
        "afloop",
        OVERVIEW,
        ("afgesloten", "Afgesloten in het jaar", sum(ended.values())),
        [(f"afloop.{s.id}", s.label, ended[s.id]) for s in reg.states if s.final],
    )
    still = sum(1 for c, _ in snaps if not reg.is_final(c))
    rows.group(
        "open", OVERVIEW, None, [("open", "In behandeling op 31 december", still)]
    )
    timeliness: Counter[tuple[str, str]] = Counter()
    labels: dict[str, str] = {}
    for then, _ in snaps:
        for item in reg.deadlines(then):
            if item.due.year == year:
                labels[item.key] = item.label
                timeliness[item.key, item.status(date(year, 12, 31)).value] += 1
    status_nl = {"met": "op tijd", "late": "te laat", "missed": "niet gehaald"}
    for key in sorted(labels):
        rows.group(
            "termijnen",
            OVERVIEW,
            None,
            [
                (
                    f"termijn.{key}.{status}",
                    f"{labels[key]}: {nl}",
                    timeliness[key, status],
                )
                for status, nl in status_nl.items()
            ],
        )
    return Report("Jaaroverzicht klachten", regime, year, threshold, tuple(rows.rows))


def _aard_group(
    rows: _Rows,
    part: str,
    source: str,
    cases: list[k.Case],
    settings: ReportSettings,
    classify: Classify | None,
) -> None:
    codes = {c.code for c in settings.aard}
    aard = Counter(_classify(c, classify, codes) for c in cases)
    rows.group(
        part,
        source,
        ("aantal", "Aantal klachten", len(cases)),
        [(f"aard.{c.code}", c.label, aard[c.code]) for c in settings.aard]
        + [(f"aard.{OTHER}", "Overig", aard[OTHER])],
    )


def jeugdwet_jaarverslag(
    cases: Iterable[k.Case],
    year: int,
    *,
    settings: ReportSettings,
    classify: Classify | None = None,
    classify_measures: Classify | None = None,
    adopted_on: date | None = None,
    threshold: int = 5,
) -> Report:
    """The complaint section of the Jeugdwet jaarverslag over ``year``
    (art. 4.3.1 lid 2 sub d, f, h, i, j) with its publication deadline
    (art. 4.3.2 lid 1).

    The complaints "behandeld door de klachtencommissie" (sub h) are those
    put to the commissie and not ended before ``year``, as they stood on 31
    December; their aard follows the regeling's categories
    (``settings.aard``, ``classify``). Sub i counts the oordelen given in the
    year by finding and those with aanbevelingen; sub j the providers'
    positions on measures (lid 5) given in the year, by the regeling's
    categories of measures when ``classify_measures`` is given.
    """
    _check_args(year, threshold)
    if not isinstance(settings, ReportSettings):
        raise k.ArgumentTypeError("settings must be a ReportSettings")
    rows = _Rows(threshold)
    snaps = _snapshots(cases, "jeugdwet", year)
    # d: the regeling, as the provider describes it, and its terms as set
    terms = {c.settings for c, _ in snaps}
    rows.text(
        "d",
        "regeling",
        "Beknopte beschrijving klachtenregeling",
        settings.description,
        f"{ART_4_3_1} sub d",
    )
    for n, s in enumerate(sorted(terms, key=repr), 1):
        rows.text(
            "d",
            f"termijnen.{n}",
            "Termijnen van de regeling",
            f"contact binnen {s.contact_working_days} werkdagen, oordeel binnen "
            f"{s.oordeel_weeks} weken na "
            f"{'indiening' if s.oordeel_from == 'indiening' else 'voorlegging'}",
            f"{ART_4_3_1} sub d en art. 4.2.1 lid 2 sub c",
        )
    # f: composition (the provider's text, and the sizes recorded this year)
    rows.text(
        "f",
        "samenstelling",
        "Samenstelling klachtencommissie",
        settings.composition,
        f"{ART_4_3_1} sub f",
    )
    sizes = sorted(
        c.facts.commissie_members
        for c, _ in snaps
        if c.facts.composed_on is not None and c.facts.composed_on.year == year
    )
    if sizes:
        rows.text(
            "f",
            "leden",
            "Aantal leden per samenstelling (min-max)",
            f"{sizes[0]}-{sizes[-1]}",
            f"{ART_4_3_1} sub f en art. 4.2.1 lid 2 sub a",
        )
    # h: number and aard of the complaints the commissie handled
    handled = [
        c
        for c, _ in snaps
        if c.facts.commissie_on is not None
        and (c.facts.closed_on is None or c.facts.closed_on.year >= year)
    ]
    _aard_group(rows, "h", f"{ART_4_3_1} sub h", handled, settings, classify)
    states = Counter(
        "oordeel"
        if c.facts.oordeel_on is not None
        else "ingetrokken"
        if c.state == "withdrawn"
        else "lopend"
        for c in handled
    )
    rows.group(
        "h",
        f"{ART_4_3_1} sub h",
        None,
        [
            ("behandeld.oordeel", "Met oordeel", states["oordeel"]),
            ("behandeld.ingetrokken", "Ingetrokken", states["ingetrokken"]),
            ("behandeld.lopend", "In behandeling op 31 december", states["lopend"]),
        ],
    )
    # i: purport of oordelen and aanbevelingen given this year
    judged = [
        c for c in handled if c.facts.oordeel_on and c.facts.oordeel_on.year == year
    ]
    finding = Counter(c.facts.finding for c in judged)
    rows.group(
        "i",
        f"{ART_4_3_1} sub i",
        ("oordelen", "Oordelen", len(judged)),
        [
            ("oordeel.upheld", "Gegrond", finding["upheld"]),
            ("oordeel.partly_upheld", "Gedeeltelijk gegrond", finding["partly_upheld"]),
            ("oordeel.rejected", "Ongegrond", finding["rejected"]),
        ],
    )
    advised = sum(
        1
        for c in judged
        if any(
            r.event == "give_oordeel" and "recommendations" in r.data for r in c.history
        )
    )
    rows.group(
        "i",
        f"{ART_4_3_1} sub i",
        None,
        [("aanbevelingen", "Oordelen met aanbevelingen", advised)],
    )
    # j: the nature of the measures (lid 5)
    responded = [
        c for c, _ in snaps if c.facts.response_on and c.facts.response_on.year == year
    ]
    taken = [c for c in responded if c.facts.takes_measures]
    source_j = f"{ART_4_3_1} sub j en art. 4.2.1 lid 5"
    rows.group(
        "j",
        source_j,
        ("standpunten", "Standpunten over maatregelen", len(responded)),
        [
            ("maatregelen.ja", "Maatregelen getroffen", len(taken)),
            ("maatregelen.nee", "Geen maatregelen", len(responded) - len(taken)),
        ],
    )
    codes = {c.code for c in settings.measures}
    kinds = Counter(_classify(c, classify_measures, codes) for c in taken)
    rows.group(
        "j",
        source_j,
        None,
        [(f"maatregel.{c.code}", c.label, kinds[c.code]) for c in settings.measures]
        + [(f"maatregel.{OTHER}", "Overig", kinds[OTHER])],
    )
    return Report(
        "Jaarverslag: klachten (Jeugdwet art. 4.3.1 lid 2 sub d, f, h, i, j)",
        "jeugdwet",
        year,
        threshold,
        tuple(rows.rows),
        publication(year, adopted_on=adopted_on),
    )
