"""Mermaid state diagrams generated from a regime's machine definition."""

from __future__ import annotations

from klachtrecht._engine import Regime

__all__ = ["mermaid"]


def mermaid(regime: Regime) -> str:
    """The regime's state diagram as Mermaid ``stateDiagram-v2`` text.

    Generated from the compiled definition, so docs cannot drift from code.
    Self-transitions (events that keep the state) are drawn as loops.
    """
    lines = ["stateDiagram-v2"]
    for state in regime.states:
        lines.append(f'    state "{state.label}" as {state.id}')
    initial = next(s.id for s in regime.states if s.initial)
    lines.append(f"    [*] --> {initial}")
    order = {s.id: i for i, s in enumerate(regime.states)}
    events = {e.id: i for i, e in enumerate(regime.events)}
    edges = sorted(
        regime.transitions.items(),
        key=lambda item: (order[item[0][0]], events[item[0][1]]),
    )
    for (source, event), target in edges:
        lines.append(f"    {source} --> {target}: {event}")
    for state in regime.states:
        if state.final:
            lines.append(f"    {state.id} --> [*]")
    return "\n".join(lines) + "\n"


def reference(regime: Regime) -> str:
    """Markdown tables of the regime's states and events with their legal basis."""
    lines = [
        "| state | label (nl) | final | basis |",
        "|---|---|---|---|",
    ]
    for state in regime.states:
        final = "yes" if state.final else ""
        lines.append(f"| `{state.id}` | {state.label} | {final} | {state.basis} |")
    lines += [
        "",
        "| event | label (nl) | by | fields | basis |",
        "|---|---|---|---|---|",
    ]
    for event in (regime.open_event, *regime.events):
        actors = ", ".join(sorted(r.value for r in event.actors))
        # open() fills in default settings: optional to the caller
        optional = {"settings"} if event is regime.open_event else set()
        fields = ", ".join(
            f"`{f.name}`{'' if f.required and f.name not in optional else '?'}"
            for f in event.fields
        )
        lines.append(
            f"| `{event.id}` | {event.label} | {actors} | {fields} | {event.basis} |"
        )
    return "\n".join(lines) + "\n"


_BLOCKS = {
    "diagram": lambda r: "```mermaid\n" + mermaid(r) + "```\n",
    "reference": reference,
}


def sync(text: str, regime: Regime) -> str:
    """Replace every generated block in a docs page with fresh output.

    Blocks are delimited by ``<!-- generated:KIND -->`` and ``<!-- /generated -->``
    where KIND is ``diagram`` or ``reference``.
    """
    out: list[str] = []
    rest = text
    while True:
        start = rest.find("<!-- generated:")
        if start < 0:
            out.append(rest)
            return "".join(out)
        head_end = rest.index("-->", start) + 3
        kind = rest[start + len("<!-- generated:") : head_end - 3].strip()
        end = rest.index("<!-- /generated -->", head_end)
        out.append(rest[:head_end] + "\n" + _BLOCKS[kind](regime))
        rest = rest[end:]
