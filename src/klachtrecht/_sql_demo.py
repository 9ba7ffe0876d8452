"""The store part of ``klachtrecht demo`` (see :func:`klachtrecht.sql.demo`)."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from klachtrecht.errors import VersionConflictError


def demo(say: Callable[[str], object] = print) -> None:
    """A store round trip on an in-memory SQLite database (used by the CLI demo)."""
    from klachtrecht._examples import EXAMPLES  # noqa: PLC0415
    from klachtrecht.deadlines import fmt_day  # noqa: PLC0415
    from klachtrecht.sql import CaseStore  # noqa: PLC0415 - sql imports this module

    store = CaseStore(sa.create_engine("sqlite://"))
    store.create_tables()
    example = EXAMPLES[0]
    reg = store.regime(example.regime)
    case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
    store.add(case)
    saved = case
    for step in example.steps[:2]:
        saved = reg.apply(saved, step.event, at=step.at, by=step.by, **step.data)
    store.save(saved, expected_version=case.version)
    loaded = store.get(example.case_id)
    say(f"  stored and reloaded {loaded!r}: equal to the saved case: {loaded == saved}")
    on = saved.history[-1].day
    for reminder in store.due_within(on, 30):
        say(
            f"  due within 30 werkdagen of {fmt_day(on)}: {reminder.label} "
            f"({reminder.source}) on {fmt_day(reminder.due)}"
        )
    try:
        store.save(saved, expected_version=case.version)
    except VersionConflictError:
        say("  a second save from the same stale version: refused (compare-and-swap)")
