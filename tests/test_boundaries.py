"""Bad input at every boundary: stable error codes, values that validate and stay
immutable, deadlines at the edges, and hostile case documents."""

from __future__ import annotations

import copy
import json
import pickle
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht import affiliations, errors
from klachtrecht.deadlines import (
    MAX_AMOUNT,
    MAX_DATE,
    MIN_DATE,
    AtwCalendar,
    Besluit,
    TermKind,
    add_working_days,
    agreed_deadline,
    default_calendar,
    holidays,
    is_covered,
    receipt_date,
    term_end,
)
from klachtrecht.plans import PlanError
from klachtrecht.serialize import (
    MAX_DEPTH,
    MAX_HISTORY,
    MAX_STRING,
    MAX_TEXT,
    dump,
    dumps,
    load,
    loads,
)

AMS = ZoneInfo("Europe/Amsterdam")
STATUTORY = TermKind.STATUTORY
SECRET = "Jan Jansen BSN 123456782"
DOCS = Path(__file__).parent.parent / "docs"

ERROR_CLASSES: list[type[k.KlachtrechtError]] = [
    obj
    for name in errors.__all__
    if isinstance(obj := getattr(errors, name), type)
    and issubclass(obj, k.KlachtrechtError)
]


def _wkkgz_case() -> k.Case:
    """A Wkkgz case with a written complaint holding personal data."""
    w = k.regime("wkkgz")
    case = w.open(
        "K-1",
        at=datetime(2026, 4, 2, 10, tzinfo=AMS),
        klager=k.Party(k.Role.KLAGER, "c-1", "client", name=SECRET),
        provider=k.Party(k.Role.PROVIDER, "p-1"),
    )
    return w.apply(
        case,
        "submit_written",
        at=datetime(2026, 4, 3, 10, tzinfo=AMS),
        by=k.Role.KLAGER,
        complaint=SECRET,
    )


#: Errors of public modules other than klachtrecht.errors, with their own codes.
OTHER_ERRORS: list[type[k.KlachtrechtError]] = [
    PlanError,
    affiliations.AffiliationError,
    affiliations.PeriodError,
    affiliations.OverlapError,
    affiliations.RegimeMismatchError,
    affiliations.UnknownProviderError,
    affiliations.RegisterDocumentError,
]


class TestErrorCodes:
    """klachtrecht.errors: public module, stable codes, params, one table."""

    @pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
    def test_public_module_name(self, cls: type) -> None:
        """Every error shows as klachtrecht.errors.X in a traceback."""
        assert cls.__module__ == "klachtrecht.errors"
        assert getattr(k, cls.__name__) is cls

    def test_codes_unique_and_stable(self) -> None:
        """Each class has its own code; the codes are the documented ones."""
        codes = {cls.__name__: cls.code for cls in (*ERROR_CLASSES, *OTHER_ERRORS)}
        assert len(set(codes.values())) == len(codes)
        assert codes == {
            "KlachtrechtError": "klachtrecht_error",
            "ArgumentTypeError": "argument_type",
            "CaseError": "case_error",
            "DefinitionError": "definition",
            "EventDataError": "invalid_event_data",
            "EventNotAllowedError": "event_not_allowed",
            "GuardError": "guard_refused",
            "InvalidDateError": "invalid_date",
            "InvalidSettingError": "invalid_setting",
            "InvalidTermError": "invalid_term",
            "SerializationError": "serialization",
            "UnknownRegimeError": "unknown_regime",
            "VersionConflictError": "version_conflict",
            "PlanError": "invalid_plan",
            "ReadOnlyError": "read_only",
            "AffiliationError": "affiliation",
            "PeriodError": "invalid_period",
            "OverlapError": "period_overlap",
            "RegimeMismatchError": "regime_mismatch",
            "UnknownProviderError": "unknown_provider",
            "RegisterDocumentError": "invalid_register_document",
        }

    def test_docs_table_lists_every_code(self) -> None:
        """docs/errors.md has one row per class with its code and an HTTP status."""
        text = (DOCS / "errors.md").read_text(encoding="utf-8")
        rows = {
            m.group(1): (m.group(2), m.group(3))
            for m in re.finditer(
                r"^\| `(\w+)`[^|]*\| `\w+` \| `(\w+)` \| (\d{3})", text, re.M
            )
        }
        classes: list[type[k.KlachtrechtError]] = [*ERROR_CLASSES, *OTHER_ERRORS]
        for cls in classes:
            code, status = rows[cls.__name__]
            assert code == cls.code
            assert 400 <= int(status) < 600

    def test_case_error_params(self) -> None:
        """A refused event carries code and params a portal can render from."""
        w = k.regime("wkkgz")
        case = _wkkgz_case()
        with pytest.raises(k.VersionConflictError) as info:
            w.apply(
                case,
                "extend",
                at=datetime(2026, 4, 4, tzinfo=AMS),
                by=k.Role.PROVIDER,
                weeks=4,
                expected_version=1,
            )
        assert info.value.code == "version_conflict"
        assert dict(info.value.params) == {
            "case_id": "K-1",
            "state": "submitted",
            "event": "extend",
            "expected": 1,
            "actual": 2,
        }
        with pytest.raises(TypeError):
            info.value.params["actual"] = 3  # type: ignore[index]

    @pytest.mark.parametrize(
        ("where", "expected"),
        [
            (("-", "-", "?"), "the problem"),
            (("-", "-", "open"), "event 'open': the problem"),
            (("K-1", "-", "?"), "case 'K-1': the problem"),
            (("K-1", "received", "?"), "case 'K-1': in state 'received': the problem"),
            (
                ("K-1", "received", "extend"),
                "case 'K-1': event 'extend' in state 'received': the problem",
            ),
        ],
    )
    def test_event_data_error_outside_a_case(
        self, where: tuple[str, str, str], expected: str
    ) -> None:
        """An EventDataError raised without a case, state or known event leaves
        those parts out instead of showing '-' or '?'."""
        case_id, state, event = where
        error = k.EventDataError(
            "the problem", case_id=case_id, state=state, event=event
        )
        assert expected == str(error)
        assert error.params["case_id"] == case_id  # params keep every coordinate

    def test_payload_error_reads_cleanly(self) -> None:
        """payload.parse without a case names the event, not 'case '-''."""
        from klachtrecht import payload

        with pytest.raises(k.EventDataError) as info:
            payload.parse("wkkgz", "submit_written", {"complaint": 5})
        assert str(info.value).startswith("event 'submit_written': field 'complaint'")
        with pytest.raises(k.EventDataError) as info:
            payload.parse("wkkgz", "teleport", {})
        assert str(info.value).startswith("regime 'wkkgz' has no such event")

    def test_pickle_round_trip(self) -> None:
        """Errors cross a process boundary with their class, message and params."""
        samples: list[k.KlachtrechtError] = [
            k.VersionConflictError(
                case_id="K", state="s", event="e", expected=1, actual=2
            ),
            k.EventNotAllowedError(case_id="K", state="s", event="e", allowed=["x"]),
            k.GuardError("r", case_id="K", state="s", event="e", source="src"),
            k.EventDataError("p", case_id="K", state="s", event="e"),
            k.InvalidTermError("t", params={"unit": "days"}),
        ]
        for error in samples:
            back = pickle.loads(pickle.dumps(error))
            assert type(back) is type(error)
            assert str(back) == str(error)
            assert dict(back.params) == dict(error.params)
            assert back.code == error.code


class TestValues:
    """Party, EventRecord and Case check their fields and hold immutable data."""

    @pytest.mark.parametrize(
        ("args", "kwargs"),
        [
            (("klager", "c-1"), {}),  # a plain string role
            ((k.Role.KLAGER, 42), {}),  # a non-string ref
            ((k.Role.KLAGER, "   "), {}),  # a blank ref
            ((k.Role.KLAGER, "c-1"), {"name": ["Jan", "Jansen"]}),
            ((k.Role.KLAGER, "c-1"), {"contact": b"jan@example.org"}),
            ((k.Role.KLAGER, "c-1"), {"capacity": None}),
        ],
    )
    def test_party_refuses(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """A party with a field of the wrong type is refused, without its value."""
        with pytest.raises(k.ArgumentTypeError) as info:
            k.Party(*args, **kwargs)
        assert "Jan" not in str(info.value)
        assert info.value.code == "argument_type"

    def test_record_lists_become_tuples(self) -> None:
        """A list in an event's data is stored as a tuple: the record is hashable."""
        record = k.EventRecord(
            "open",
            datetime(2026, 1, 5, tzinfo=UTC),
            k.Role.KLAGER,
            "b",
            {"x": [1, [2]]},
        )
        assert record.data["x"] == (1, (2,))
        assert hash(record) == hash(record)

    @pytest.mark.parametrize(
        "data",
        [{"x": {"a": 1}}, {"x": bytearray(b"a")}, {"x": [{"a": 1}]}, {1: "a"}, "x"],
        ids=["dict", "bytearray", "dict-in-list", "int-key", "not-a-mapping"],
    )
    def test_record_refuses_mutable_data(self, data: Any) -> None:
        """Mutable values or non-str keys in an event's data are refused."""
        with pytest.raises(k.ArgumentTypeError):
            k.EventRecord(
                "open", datetime(2026, 1, 5, tzinfo=UTC), k.Role.KLAGER, "b", data
            )

    @pytest.mark.parametrize(
        ("field", "value", "error"),
        [
            ("event", "", k.ArgumentTypeError),
            ("event", 3, k.ArgumentTypeError),
            ("at", date(2026, 1, 5), k.ArgumentTypeError),
            ("at", datetime(2026, 1, 5), k.InvalidDateError),  # noqa: DTZ001
            ("by", "klager", k.ArgumentTypeError),
            ("basis", None, k.ArgumentTypeError),
        ],
    )
    def test_record_fields(self, field: str, value: object, error: type) -> None:
        """Each field of an event record is checked when it is made."""
        args: dict[str, Any] = {
            "event": "open",
            "at": datetime(2026, 1, 5, tzinfo=UTC),
            "by": k.Role.KLAGER,
            "basis": "b",
        }
        args[field] = value
        with pytest.raises(error):
            k.EventRecord(**args)

    def test_case_fields(self) -> None:
        """A case refuses a blank id, a bool version and foreign history items,
        and turns a list history into a tuple."""
        record = _wkkgz_case().history[0]
        base: dict[str, Any] = {
            "case_id": "K",
            "regime": "wkkgz",
            "state": "raised",
            "version": 1,
            "history": [record],
            "parties": [],
            "settings": None,
            "facts": None,
        }
        case = k.Case(**base)
        assert case.history == (record,)
        assert case.parties == ()
        for field, value in [
            ("case_id", " "),
            ("case_id", 42),
            ("version", True),
            ("version", -1),
            ("history", ["x"]),
            ("history", (record, "x")),
            ("history", "abc"),
            ("parties", ("x",)),
            ("state", None),
        ]:
            with pytest.raises(k.ArgumentTypeError):
                k.Case(**{**base, field: value})

    def test_due_status_datetime(self) -> None:
        """Due.status with a datetime raises the library's error, not a raw one."""
        due = k.Due("a", "b", "c", term_end(date(2026, 1, 5), days=3, kind=STATUTORY))
        with pytest.raises(k.ArgumentTypeError):
            due.status(datetime(2026, 1, 6, tzinfo=UTC))
        assert due.status(date(2026, 1, 6)) is k.Status.PENDING


class TestDeadlineEdges:
    """Huge terms, edge dates and odd argument types at the deadline API."""

    @pytest.mark.parametrize("unit", sorted(MAX_AMOUNT))
    @pytest.mark.parametrize(
        "amount", [10**5000, 10**20, -(10**5000)], ids=["huge", "1e20", "-huge"]
    )
    def test_huge_terms(self, unit: str, amount: int) -> None:
        units: dict[str, Any] = {unit: amount}
        """A huge or hugely negative term is an InvalidTermError, never Overflow."""
        with pytest.raises(k.InvalidTermError) as info:
            term_end(date(2026, 1, 5), kind=STATUTORY, **units)
        assert len(str(info.value)) < 300

    @pytest.mark.parametrize("unit", sorted(MAX_AMOUNT))
    def test_longest_term_is_a_date_error(self, unit: str) -> None:
        longest: dict[str, Any] = {unit: MAX_AMOUNT[unit]}
        longer: dict[str, Any] = {unit: MAX_AMOUNT[unit] + 1}
        """The longest allowed term from the first day ends past the range: a date
        error; one more is a term error."""
        with pytest.raises(k.InvalidDateError):
            term_end(MAX_DATE, kind=STATUTORY, **longest)
        with pytest.raises(k.InvalidTermError):
            term_end(MIN_DATE, kind=STATUTORY, **longer)

    def test_longest_terms_from_the_start(self) -> None:
        """Terms just inside the range from 1 Jan 2000 are computed."""
        assert term_end(MIN_DATE, kind=STATUTORY, years=99).due == date(2099, 1, 1)
        assert term_end(MIN_DATE, kind=STATUTORY, days=36524).due == MAX_DATE

    @pytest.mark.parametrize(
        "n", [10**5000, -(10**5000), 10**9], ids=["huge", "-huge", "1e9"]
    )
    def test_huge_working_days(self, n: int) -> None:
        """add_working_days with a huge n is a date error with a short message."""
        with pytest.raises(k.InvalidDateError) as info:
            add_working_days(date(2026, 1, 5), n)
        assert len(str(info.value)) < 200

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"source": []},
            {"source": {"a": 1}},
            {"days": [1]},
            {"kind": ["statutory"]},
            {"calendar": []},
        ],
    )
    def test_unhashable_arguments(self, kwargs: dict[str, Any]) -> None:
        """Unhashable arguments are an ArgumentTypeError (and a TypeError)."""
        args: dict[str, Any] = {"kind": STATUTORY, "weeks": 6, **kwargs}
        if "days" in kwargs:
            del args["weeks"]
        with pytest.raises(k.ArgumentTypeError):
            term_end(date(2026, 1, 5), **args)

    def test_unhashable_start(self) -> None:
        """An unhashable start is refused as not a date."""
        with pytest.raises(k.ArgumentTypeError):
            term_end([2026], kind=STATUTORY, weeks=6)  # type: ignore[arg-type]

    def test_kind_not_echoed(self) -> None:
        """A wrong kind is named by its type, never by its value."""
        with pytest.raises(k.ArgumentTypeError) as info:
            term_end(date(2026, 1, 5), kind=SECRET, weeks=6)  # type: ignore[arg-type]
        assert SECRET not in str(info.value)

    @pytest.mark.parametrize(
        "moment",
        [
            datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
            datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-23))),
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-23, minutes=-59))),
            datetime.min.replace(tzinfo=timezone(timedelta(hours=23, minutes=59))),
            datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
            datetime(2100, 1, 1, 0, 30, tzinfo=UTC),
            datetime(1999, 12, 31, 22, tzinfo=UTC),
        ],
    )
    def test_receipt_outside_range(self, moment: datetime) -> None:
        """A moment whose Dutch date is outside the range is a date error."""
        with pytest.raises(k.InvalidDateError):
            receipt_date(moment)

    def test_receipt_at_the_edges(self) -> None:
        """The first and last moments of the range give its first and last day."""
        assert receipt_date(datetime(1999, 12, 31, 23, tzinfo=UTC)) == MIN_DATE
        last = datetime(2099, 12, 31, 22, 59, tzinfo=UTC)
        assert receipt_date(last) == MAX_DATE

    @pytest.mark.parametrize(
        "year",
        [10**5000, -(10**5000), 1999, 2100],
        ids=["huge", "-huge", "1999", "2100"],
    )
    def test_years_outside(self, year: int) -> None:
        """holidays(year) outside the range is a short date error."""
        with pytest.raises(k.InvalidDateError) as info:
            holidays(year)
        assert len(str(info.value)) < 200

    @pytest.mark.parametrize("year", ["2026", 2026.0, True, None])
    def test_year_types(self, year: object) -> None:
        """A year that is not an int is refused, also by AtwCalendar.is_covered."""
        with pytest.raises(k.ArgumentTypeError):
            is_covered(year)  # type: ignore[arg-type]
        with pytest.raises(k.ArgumentTypeError):
            default_calendar().is_covered(year)  # type: ignore[arg-type]

    def test_agreed_source_type(self) -> None:
        """agreed_deadline refuses a source that is not a str."""
        with pytest.raises(k.ArgumentTypeError):
            agreed_deadline(date(2026, 1, 5), date(2026, 2, 5), source=1)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "make",
        [
            lambda: AtwCalendar(besluiten=5),  # type: ignore[arg-type]
            lambda: Besluit("t", "c", "2026", 2026, ()),  # type: ignore[arg-type]
            lambda: Besluit("t", "c", 2026, 2026, 5),  # type: ignore[arg-type]
            lambda: Besluit(None, "c", 2026, 2026, ()),  # type: ignore[arg-type]
        ],
    )
    def test_definitions(self, make: Callable[[], object]) -> None:
        """A malformed calendar or besluit is a DefinitionError."""
        with pytest.raises(k.DefinitionError):
            make()

    def test_day_tables_immutable(self) -> None:
        """The shared day tables cannot be changed by a caller."""
        t = default_calendar().tables
        assert isinstance(t.free, bytes)
        assert isinstance(t.cum, tuple)
        assert isinstance(t.work, tuple)
        with pytest.raises(TypeError):
            t.named[0] = ()  # type: ignore[index]
        with pytest.raises(TypeError):
            t.free[0] = 1  # type: ignore[index]


def _doc() -> dict[str, Any]:
    return json.loads(dumps(_wkkgz_case()))  # type: ignore[no-any-return]


def _set_top(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda d: d.update({key: value})


def _deep(n: int) -> object:
    value: object = "x"
    for _ in range(n):
        value = [value]
    return value


#: Hostile edits of a valid document, each refused with a SerializationError.
ATTACKS: dict[str, Callable[[dict[str, Any]], None]] = {
    "5000-digit version": _set_top("version", 10**5000),
    "5000-digit schema": _set_top("schema", 10**5000),
    "version true": _set_top("version", True),
    "version float": _set_top("version", 2.0),
    "version NaN": _set_top("version", float("nan")),
    "blank case id": _set_top("case_id", "   "),
    "state a list": _set_top("state", ["submitted"]),
    "state echoed": _set_top("state", SECRET),
    "regime echoed": _set_top("regime", SECRET),
    "deep nesting": _set_top("history", _deep(MAX_DEPTH + 5)),
    "deep in data": lambda d: d["history"][1]["data"].update(
        complaint=_deep(MAX_DEPTH)
    ),
    "nested list in a field": lambda d: d["history"][1]["data"].update(
        complaint=[[SECRET]]
    ),
    "mixed-type keys": lambda d: d["history"][0]["data"].update({1: SECRET}),
    "mixed-type top keys": lambda d: d.__setitem__(2, "x"),  # type: ignore[index]
    "party as a string": lambda d: d["history"][0]["data"].update(klager=SECRET),
    "party as a list": lambda d: d["history"][0]["data"].update(klager=[SECRET]),
    "party with int ref": lambda d: d["history"][0]["data"]["klager"].update(ref=7),
    "party with blank ref": lambda d: d["history"][0]["data"]["klager"].update(ref=" "),
    "settings as a string": lambda d: d["history"][0]["data"].update(settings=SECRET),
    "timestamp with a name": lambda d: d["history"][1].update(
        at=f"2026-04-03T10:00:00+02:00 {SECRET}"
    ),
    "event echoed": lambda d: d["history"][1].update(event=SECRET),
    "role echoed": lambda d: d["history"][1].update(by=SECRET),
    "unknown key echoed": lambda d: d["history"][1].update({SECRET: 1}),
    "unknown field echoed": lambda d: d["history"][1]["data"].update({SECRET: 1}),
    "unknown top key echoed": lambda d: d.update({SECRET: 1}),
    "huge string": lambda d: d["history"][1]["data"].update(
        complaint=SECRET * (MAX_STRING // len(SECRET) + 1)
    ),
    "huge key": lambda d: d["history"][1]["data"].update({"k" * (MAX_STRING + 1): 1}),
    "too long history": lambda d: d.update(
        history=d["history"] * (MAX_HISTORY // 2 + 1)
    ),
    "infinite float": lambda d: d["history"][1]["data"].update(complaint=float("inf")),
    "not JSON value": lambda d: d["history"][1]["data"].update(complaint=object()),
    "date as a datetime": lambda d: d["history"][1].update(at=datetime.now(UTC)),
    "set value": lambda d: d.update(history={1, 2}),
}


class TestHostileDocuments:
    """serialize.load refuses hostile documents with SerializationError only,
    naming the case and field but never echoing a value."""

    @pytest.mark.parametrize("attack", sorted(ATTACKS))
    def test_refused(self, attack: str) -> None:
        """Each attack is a SerializationError without the secret in it."""
        document = copy.deepcopy(_doc())
        ATTACKS[attack](document)
        with pytest.raises(k.SerializationError) as info:
            load(document)
        message = str(info.value)
        assert SECRET not in message
        assert "Jansen" not in message
        assert info.value.code == "serialization"
        assert info.value.params["case_id"] in {"K-1", "?"}

    def test_field_named(self) -> None:
        """A malformed timestamp is reported by its place, not its text."""
        document = _doc()
        document["history"][1]["at"] = f"{SECRET}"
        with pytest.raises(k.SerializationError) as info:
            load(document)
        assert info.value.params["field"] == "history[1].at"
        assert "case 'K-1'" in str(info.value)

    def test_unknown_key_path(self) -> None:
        """An unknown key in a path is shown as '?', known names as themselves."""
        document = _doc()
        document["history"][0]["data"]["klager"][SECRET] = _deep(MAX_DEPTH)
        with pytest.raises(k.SerializationError) as info:
            load(document)
        assert info.value.params["field"].startswith("history[0].data.klager.?")

    @pytest.mark.parametrize(
        "text",
        [
            None,
            42,
            b"\xff\xfe",
            "[" * 100_000,
            '{"a": ' + "1" * 5000 + "}",
            '{"a": NaN}',
            '{"a": Infinity}',
            f'{{"{SECRET}": ',
            "x" * (MAX_TEXT + 1),
            json.dumps({"case_id": "K-9", SECRET: SECRET}),
        ],
        ids=[
            "None",
            "int",
            "not-utf8",
            "deep",
            "5000-digit",
            "NaN",
            "Infinity",
            "truncated",
            "too-long",
            "secret-id",
        ],
    )
    def test_loads_refuses(self, text: object) -> None:
        """loads refuses non-text, deep, huge and malformed JSON with the
        library's error, quoting none of it."""
        with pytest.raises(k.SerializationError) as info:
            loads(text)  # type: ignore[arg-type]
        assert "Jansen" not in str(info.value)
        assert len(str(info.value)) < 500

    def test_bytes_accepted(self) -> None:
        """UTF-8 bytes load like text."""
        case = _wkkgz_case()
        assert loads(dumps(case).encode()) == case

    def test_round_trip_still_works(self) -> None:
        """The checks do not refuse a valid document, Decimal amounts included."""
        w = k.regime("wkkgz")
        case = w.apply(
            _wkkgz_case(),
            "submit_geschil",
            at=datetime(2026, 4, 4, 10, tzinfo=AMS),
            by=k.Role.KLAGER,
            ground="c",
            motivation="x",
            damages_claimed=Decimal("1000.10"),
        )
        assert load(json.loads(json.dumps(dump(case)))) == case


class TestPlans:
    """plans: amounts and counts too large to be real are refused cleanly."""

    @pytest.mark.parametrize(
        ("fields", "question"),
        [
            ({"yearly_fee": Decimal("1e30")}, {}),
            ({"fee_per_complaint": Decimal("1e13")}, {}),
            ({"complaints_included": 10**5000}, {}),
            ({}, {"complaints": 10**5000}),
            ({}, {"geschillen": 10**7}),
            ({}, {"complaints": -1}),
            ({"vat_rate": Decimal(21)}, {}),
        ],
        ids=[
            "fee",
            "per-complaint",
            "included",
            "huge-count",
            "geschillen",
            "neg",
            "vat",
        ],
    )
    def test_refused(self, fields: dict[str, Any], question: dict[str, Any]) -> None:
        """Each is a PlanError (a ValueError) with a short message, no raw error."""
        args: dict[str, Any] = {
            "name": "A",
            "yearly_fee": Decimal(100),
            "vat_rate": Decimal("0.21"),
            **fields,
        }
        ask: dict[str, Any] = {"complaints": 1, "geschillen": 0, **question}
        with pytest.raises(PlanError) as info:
            k.Plan(**args).yearly_cost(**ask)
        assert info.value.code == "invalid_plan"
        assert len(str(info.value)) < 200

    def test_largest_plan_computes(self) -> None:
        """The largest amounts and counts still give an exact cost in cents."""
        plan = k.Plan(
            name="A",
            yearly_fee=Decimal(10**9),
            fee_per_complaint=Decimal(10**9),
            vat_rate=Decimal(1),
        )
        cost = plan.yearly_cost(complaints=10**6, geschillen=10**6)
        assert cost.excl_vat == Decimal(10**9) * (10**6 + 1)
        assert cost.incl_vat == 2 * cost.excl_vat


class TestAmountSettings:
    """A settings amount is judged without decimal arithmetic."""

    @pytest.mark.parametrize(
        "text",
        ["0E999999999999999999", "1E-999999999999999999", "1E12", "-0.01"],
    )
    def test_absurd_amounts_refused(self, text: str) -> None:
        """An absurd exponent is the library's error, never InvalidOperation."""
        from klachtrecht.regimes.klp import KlpSettings

        with pytest.raises(k.InvalidSettingError, match="geschil_fee"):
            KlpSettings(geschil_fee=Decimal(text))

    @pytest.mark.parametrize("text", ["0", "-0", "50.00", "1E3", "999999999999.99"])
    def test_ordinary_amounts_accepted(self, text: str) -> None:
        """Ordinary fees, zero included, are accepted as given."""
        from klachtrecht.regimes.klp import KlpSettings

        assert Decimal(text) == KlpSettings(geschil_fee=Decimal(text)).geschil_fee
