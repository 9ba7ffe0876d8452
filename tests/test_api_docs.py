"""docs/api.md lists the whole public surface, so it cannot drift."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import klachtrecht
import klachtrecht.regimes

API = (Path(__file__).parent.parent / "docs" / "api.md").read_text(encoding="utf-8")


def _public_modules() -> list[str]:
    found = ["klachtrecht", "klachtrecht.regimes"]
    for package in (klachtrecht, klachtrecht.regimes):
        found += [
            f"{package.__name__}.{m.name}"
            for m in pkgutil.iter_modules(package.__path__)
            if not m.name.startswith("_") and m.name != "regimes"
        ]
    return sorted(found)


def _mentioned(name: str) -> bool:
    return re.search(rf"`[^`]*\b{re.escape(name)}\b[^`]*`", API) is not None


@pytest.mark.parametrize("module", _public_modules())
def test_every_exported_name_is_in_the_api_reference(module: str) -> None:
    """Each name in a public module's __all__ appears in docs/api.md."""
    exported = getattr(importlib.import_module(module), "__all__", None)
    assert exported is not None, f"{module} has no __all__"
    assert [n for n in exported if not _mentioned(n)] == []
    assert module in API or module == "klachtrecht"


def test_every_public_regime_member_is_in_the_api_reference() -> None:
    """Each public method and property of Regime appears in docs/api.md."""
    members = [n for n in dir(klachtrecht.Regime) if not n.startswith("_")]
    assert "open_event" in members
    assert [n for n in members if not _mentioned(n)] == []


def test_every_command_is_in_the_api_reference() -> None:
    """Each `python -m klachtrecht` subcommand appears in docs/api.md."""
    from klachtrecht.__main__ import _parser

    parser = _parser()
    commands: list[str] = next(
        list(a.choices) for a in parser._actions if isinstance(a.choices, dict)
    )
    line = next(
        x for x in API.splitlines() if x.startswith("| `python -m klachtrecht`")
    )
    assert [c for c in commands if f"`{c}" not in line] == []
