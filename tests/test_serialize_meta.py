"""Stored documents record what they were computed with, load without the
current rules re-judging them, and carry the calendar they need."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import klachtrecht as k
from klachtrecht.compliance import check, due_within, yearly_report
from klachtrecht.deadlines import DEFAULT_BESLUITEN, AtwCalendar, Besluit
from klachtrecht.projection import fingerprint, release
from klachtrecht.serialize import dump, dumps, load, loads

AMS = ZoneInfo("Europe/Amsterdam")

#: A document written by klachtrecht 0.1.0.dev0 before ``meta`` existed.
OLD_DOCUMENT = (
    '{"case_id": "K-old", "history": [{"at": "2026-03-24T09:00:00+01:00", '
    '"basis": "Wkkgz art. 13 lid 1; Klachtenreglement KPZ Wkkgz, spelregel 1", '
    '"by": "klager", "data": {"klager": {"capacity": "client", "contact": "", '
    '"name": "", "ref": "client-7", "role": "klager"}, "provider": {"capacity": "", '
    '"contact": "", "name": "", "ref": "praktijk-1", "role": "provider"}, '
    '"settings": {"allow_agreed_extension": true, "atw_for_art17": true, '
    '"geschil_window_from": "complaint", "geschil_window_months": 12}}, '
    '"event": "open"}, {"at": "2026-03-24T09:00:00+01:00", "basis": "Wkkgz art. 14 '
    'lid 1, art. 17 lid 1; KPZ spelregel 3", "by": "klager", "data": {"complaint": '
    '"..."}, "event": "submit_written"}], "regime": "wkkgz", "schema": 1, '
    '"state": "submitted", "version": 2}'
)


def moved_calendar() -> AtwCalendar:
    """The shipped calendar with Mon 18 May 2026 also gelijkgesteld."""
    old = next(b for b in DEFAULT_BESLUITEN if b.first_year == 2026)
    new = Besluit(old.title, old.citation, 2026, 2028, (*old.days, date(2026, 5, 18)))
    others = tuple(b for b in DEFAULT_BESLUITEN if b is not old)
    return AtwCalendar(besluiten=(*others, new))


def extended_on_custom_day() -> k.Case:
    """Written 2 Apr 2026; extended on 19 May, in time only when 18 May is a
    gelijkgestelde dag (the six weeks then end on 19 May)."""
    reg = k.regime("wkkgz", calendar=moved_calendar())
    case = reg.open(
        "K-cal",
        at=datetime(2026, 4, 2, 10, tzinfo=AMS),
        klager=k.Party(k.Role.KLAGER, "p"),
        provider=k.Party(k.Role.PROVIDER, "o"),
    )
    case = reg.apply(
        case,
        "submit_written",
        at=datetime(2026, 4, 2, 10, tzinfo=AMS),
        by=k.Role.KLAGER,
        complaint="PII-klacht",
    )
    return reg.apply(
        case,
        "extend",
        at=datetime(2026, 5, 19, 10, tzinfo=AMS),
        by=k.Role.PROVIDER,
        weeks=1,
    )


class TestMeta:
    """The document says what it was computed with."""

    def test_old_document_loads(self) -> None:
        """A document written before ``meta`` existed still loads, and dumps
        again with ``meta`` added and nothing else changed."""
        case = loads(OLD_DOCUMENT)
        assert (case.case_id, case.state, case.version) == ("K-old", "submitted", 2)
        again = dump(case)
        meta = again.pop("meta")
        expected = json.loads(OLD_DOCUMENT)
        # a setting added since is dumped with its default
        expected["history"][0]["data"]["settings"]["oordeel_after_geschil"] = "owed"
        assert again == expected
        assert meta == {
            "release": release(),
            "fingerprint": fingerprint(k.regime("wkkgz")),
        }

    def test_meta_names_the_calendar(self) -> None:
        """The fingerprint in ``meta`` follows the calendar passed to dump."""
        case = extended_on_custom_day()
        custom = dump(case, calendar=moved_calendar())["meta"]["fingerprint"]
        assert custom != dump(case)["meta"]["fingerprint"]

    @pytest.mark.parametrize("meta", [[], {"release": 1}, "x"])
    def test_bad_meta_refused(self, meta: object) -> None:
        """A ``meta`` that is not a mapping of strings is refused."""
        document = json.loads(OLD_DOCUMENT)
        document["meta"] = meta
        with pytest.raises(k.SerializationError, match="'meta'"):
            load(document)


class TestCalendarTravels:
    """Events are facts: the record loads whatever today's calendar says."""

    def test_custom_calendar_case_loads(self) -> None:
        """A case extended on a day only a custom calendar allows loads with
        the default calendar too; strict loading refuses it there and accepts
        it with its own calendar."""
        case = extended_on_custom_day()
        text = dumps(case, calendar=moved_calendar())
        assert loads(text) == case
        with pytest.raises(k.SerializationError, match="does not replay"):
            loads(text, strict=True)
        assert loads(text, calendar=moved_calendar(), strict=True) == case
        assert k.regime("wkkgz").rejudge(loads(text))

    def test_compliance_uses_the_calendar(self) -> None:
        """check, due_within and yearly_report use the calendar they are given:
        with 18 May gelijkgesteld the oordeel is due on 19 May, not 18 May."""
        history = extended_on_custom_day().history[:2]
        case = k.regime("wkkgz").replay("K-cal", history)
        cal = moved_calendar()
        on = date(2026, 5, 13)
        due = {f.key: f.due for f in check(case, on)}
        due_custom = {f.key: f.due for f in check(case, on, calendar=cal)}
        assert (due["oordeel"], due_custom["oordeel"]) == (
            date(2026, 5, 18),
            date(2026, 5, 19),
        )
        # from Wed 13 May: 18 May is the first werkdag on the default calendar,
        # 19 May the first on the custom one (18 May is then gelijkgesteld)
        assert [r.due for r in due_within([case], on, working_days=1)] == [
            date(2026, 5, 18)
        ]
        reminders = due_within([case], on, working_days=1, calendar=cal)
        assert [r.due for r in reminders] == [date(2026, 5, 19)]
        report = yearly_report([case], 2026, on=date(2026, 5, 19), calendar=cal)
        assert report["timeliness"]["wkkgz/oordeel/pending"] == 1  # type: ignore[index]

    def test_bad_calendar_refused(self) -> None:
        """A calendar that is not an AtwCalendar is a type error."""
        case = extended_on_custom_day()
        with pytest.raises(k.ArgumentTypeError):
            check(case, date(2026, 5, 20), calendar="default")  # type: ignore[arg-type]
