"""Mermaid state diagrams generated from a regime's machine definition."""

from __future__ import annotations

from klachtrecht._regime import Regime

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
