"""The Dutch part of ``klachtrecht demo``: one explanation and one letter.

Built from the first Wkkgz example case. The example's parties are replaced by
placeholders first, so the demo prints no name (not even an example one).
"""

from __future__ import annotations

import attrs

from klachtrecht._case import EventRecord, Party, Role
from klachtrecht._examples import EXAMPLES
from klachtrecht.regimes import regime

__all__ = ["dutch_demo"]

#: The sender printed in the demo letter: a placeholder, not a name.
PLACEHOLDER_PROVIDER = "[naam zorgaanbieder]"


def _anonymous(record: EventRecord) -> EventRecord:
    data = dict(record.data)
    for key, value in data.items():
        if isinstance(value, Party):
            name = PLACEHOLDER_PROVIDER if value.role is Role.PROVIDER else ""
            data[key] = attrs.evolve(value, name=name, contact="")
    return attrs.evolve(record, data=data)


def dutch_demo() -> list[str]:
    """Lines: the Dutch trail of the six weeks of Wkkgz art. 17 lid 1 (across
    Hemelvaart) and the art. 17 lid 2 extension letter of the same case."""
    from klachtrecht.letters import render_letter  # noqa: PLC0415 - Jinja2 lazily

    example = next(e for e in EXAMPLES if e.regime == "wkkgz")
    reg = regime("wkkgz")
    case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
    for step in example.steps:
        if step.event == "deliver_oordeel":
            break
        case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
    case = reg.replay(case.case_id, [_anonymous(r) for r in case.history])
    six_weeks = next(d for d in reg.deadlines(case) if d.key == "extension_notice")
    lines = [
        "",
        "=" * 72,
        "In het Nederlands (klachtrecht.i18n, klachtrecht.letters)",
        f"\n* {six_weeks.label} ({six_weeks.source}): waarom deze datum?",
    ]
    lines += [f"    {step.render('nl')}" for step in six_weeks.deadline.steps]
    lines += ["", "* Brief: schriftelijke mededeling van de verlenging", ""]
    letter = render_letter(case, "verlenging", dated=case.history[-1].day)
    lines += [f"    {line}".rstrip() for line in letter.splitlines()]
    return lines
