"""Benchmark of the portal boundary: payload parsing, actions and changes.

This is a benchmark script, not a test: pytest does not collect it. Run it from
the repository root::

    .venv/bin/python bench/bench_boundary.py           # full run, seconds
    .venv/bin/python bench/bench_boundary.py --quick   # smoke run for CI

What is measured, on a Wkkgz case with a written complaint (per call, the
median of timed single calls after a warm-up; ``--quick`` times nothing
meaningful):

1. ``payload.parse`` of the open event's JSON (two parties and settings)
   against ``serialize``'s converter structuring the same values directly (the
   anchor: parse adds the field checks and error paths around it).
2. ``Regime.apply`` of ``extend`` (the anchor) against
   ``Regime.apply_with_changes`` (apply plus a second deadline computation) and
   ``Regime.actions`` for the provider (every event of the state judged).
3. ``schema.event_schema`` and ``schema.document_schema`` (built per call).

Check before timing: ``apply_with_changes`` returns the case ``apply`` returns,
and ``parse`` the values the converter builds. The ratio column is the row's
time divided by its section's anchor (``ref``): above 1 means the row costs
more than the anchor.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

import klachtrecht as k
from _common import (
    Checks,
    Section,
    machine_facts,
    median_ns,
    print_table,
    quick_flag,
)
from klachtrecht import payload, schema
from klachtrecht._convert import CONVERTER


def main(argv: Sequence[str] | None = None) -> int:
    quick = quick_flag(__doc__, argv, "smoke run: tiny counts, timings meaningless")
    repeat = 3 if quick else 2001
    wkkgz = k.regime("wkkgz")
    at = datetime(2026, 3, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    body = {
        "klager": {"role": "klager", "ref": "c-1"},
        "provider": {"role": "provider", "ref": "p-1"},
        "settings": {"geschil_window_months": 6},
    }
    case = wkkgz.open("K-1", at=at, **payload.parse(wkkgz, "open", body))
    case = wkkgz.apply(
        case, "submit_written", at=at, by=k.Role.KLAGER, complaint="tekst"
    )

    checks = Checks()
    direct = {
        "klager": CONVERTER.structure(body["klager"], k.Party),
        "provider": CONVERTER.structure(body["provider"], k.Party),
        "settings": CONVERTER.structure(body["settings"], wkkgz.settings_type),
    }
    parsed_ok = payload.parse(wkkgz, "open", body) == direct
    (checks.ok if parsed_ok else checks.fail)("parse builds what the converter builds")
    new, _ = wkkgz.apply_with_changes(
        case, "extend", at=at, by=k.Role.PROVIDER, weeks=2
    )
    same = new == wkkgz.apply(case, "extend", at=at, by=k.Role.PROVIDER, weeks=2)
    (checks.ok if same else checks.fail)("apply_with_changes returns apply's case")

    parse = Section("JSON in: the open event's payload")
    parse.add(
        "converter.structure (3 values)",
        median_ns(
            lambda: (
                CONVERTER.structure(body["klager"], k.Party),
                CONVERTER.structure(body["provider"], k.Party),
                CONVERTER.structure(body["settings"], wkkgz.settings_type),
            ),
            repeat,
        ),
        ref=True,
    )
    parse.add(
        "payload.parse", median_ns(lambda: payload.parse(wkkgz, "open", body), repeat)
    )

    apply = Section("one event: extend")
    apply.add(
        "Regime.apply",
        median_ns(
            lambda: wkkgz.apply(case, "extend", at=at, by=k.Role.PROVIDER, weeks=2),
            repeat,
        ),
        ref=True,
    )
    apply.add(
        "Regime.apply_with_changes",
        median_ns(
            lambda: wkkgz.apply_with_changes(
                case, "extend", at=at, by=k.Role.PROVIDER, weeks=2
            ),
            repeat,
        ),
    )
    apply.add(
        "Regime.actions (provider)",
        median_ns(
            lambda: wkkgz.actions(case, on=date(2026, 3, 3), by=k.Role.PROVIDER),
            repeat,
        ),
    )

    schemas = Section("JSON Schema, built per call")
    reps = 3 if quick else 21
    schemas.add(
        "event_schema(wkkgz, open)",
        median_ns(lambda: schema.event_schema(wkkgz, "open"), reps),
        ref=True,
    )
    schemas.add("document_schema()", median_ns(schema.document_schema, reps))

    print(machine_facts("attrs", "cattrs"))
    print_table([("", [parse]), ("", [apply]), ("", [schemas])])
    checks.print("checks")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
