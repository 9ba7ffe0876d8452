"""Project conventions: README commands, CI, docs generated from code, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import klachtrecht as k
from klachtrecht.__main__ import main
from klachtrecht._diagram import sync

ROOT = Path(__file__).resolve().parent.parent


class TestReadmeAndCi:
    """The README's commands are the ones CI runs."""

    def test_ci_runs_readme_test_command(self) -> None:
        """.ci/run contains the README's test command verbatim."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        commands = re.findall(r"```sh\n(.+?)\n```", readme)
        assert 2 == len(commands)
        demo, test = commands
        assert demo.endswith("-m klachtrecht demo")
        assert "-e '.[sql]'" in demo  # the demo shows the SQLite store too
        assert test.endswith("-m pytest")
        assert test in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    def test_import_is_cheap(self) -> None:
        """`import klachtrecht` loads neither python-statemachine nor a regime
        nor holidays: those wait until first use (timing is left to bench/)."""
        code = (
            "import sys, klachtrecht; "
            "print(sorted(m for m in ('statemachine', 'holidays', "
            "'klachtrecht.regimes.wkkgz', 'klachtrecht._engine') if m in sys.modules))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "[]" == done.stdout.strip()

    def test_changelog_has_unreleased(self) -> None:
        """CHANGELOG.md follows Keep a Changelog with an Unreleased section."""
        text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
        assert "## [Unreleased]" in text
        assert "keepachangelog.com" in text

    def test_public_all_is_sorted(self) -> None:
        """klachtrecht.__all__ lists each name once (ruff RUF022 keeps it sorted)
        and every name exists."""
        assert len(set(k.__all__)) == len(k.__all__)
        for name in k.__all__:
            assert hasattr(k, name)


class TestDocsInSync:
    """Generated blocks in docs pages equal what the code generates."""

    @pytest.mark.parametrize("name", sorted(k.REGIMES))
    def test_regime_page(self, name: str) -> None:
        """The diagram and tables of each regime page are up to date; fix
        with `python -m klachtrecht diagram NAME --sync docs/regimes/NAME.md`."""
        page = ROOT / "docs" / "regimes" / f"{name}.md"
        text = page.read_text(encoding="utf-8")
        assert "<!-- generated:diagram -->" in text
        assert sync(text, k.regime(name)) == text

    def test_sync_replaces_stale_block(self) -> None:
        """A stale generated block is replaced, the prose around it is kept."""
        stale = "intro\n<!-- generated:diagram -->\nold\n<!-- /generated -->\nend\n"
        fresh = sync(stale, k.regime("wkkgz"))
        assert fresh.startswith("intro\n<!-- generated:diagram -->\n```mermaid\n")
        assert "old" not in fresh
        assert fresh.endswith("<!-- /generated -->\nend\n")


class TestCommandLine:
    """The klachtrecht command: output, JSON and exit codes."""

    def test_deadline_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`deadline --json` prints the due date and the trail."""
        assert 0 == main(["deadline", "2026-04-02", "--weeks", "6", "--json"])
        payload = json.loads(capsys.readouterr().out)
        assert "2026-05-18" == payload["due"]
        assert payload["atw_applied"]
        assert any("Hemelvaartsdag" in s["reason"] for s in payload["steps"])

    def test_deadline_non_statutory(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`--non-statutory` gives the plain end, without the Atw."""
        assert 0 == main(["deadline", "2026-04-02", "--weeks", "6", "--non-statutory"])
        assert "due: Thu 14 May 2026 (2026-05-14)" in capsys.readouterr().out

    def test_bad_term_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A negative term exits 2 with a one-line message."""
        assert 2 == main(["deadline", "2026-04-02", "--weeks", "-1"])
        assert "cannot be negative" in capsys.readouterr().err

    def test_bad_date_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An impossible date is refused by the argument parser (exit 2)."""
        with pytest.raises(SystemExit) as info:
            main(["deadline", "2026-02-30", "--weeks", "6"])
        assert 2 == info.value.code
        assert "YYYY-MM-DD" in capsys.readouterr().err

    def test_holidays_json_flags_unknown_year(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`holidays 2030 --json` lists 9 feestdagen and no known besluit."""
        assert 0 == main(["holidays", "2030", "--json"])
        payload = json.loads(capsys.readouterr().out)
        assert not payload["besluit_known"]
        assert 9 == len(payload["days"])

    def test_holidays_compare(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`holidays 2026 --compare` names the gelijkgestelde dagen that the
        holidays package lacks."""
        assert 0 == main(["holidays", "2026", "--compare"])
        out = capsys.readouterr().out
        assert "2026-05-15  only Atw:      gelijkgestelde dag" in out
        assert "2026-05-05" not in out  # optional category has 5 mei every year

    def test_diagram(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`diagram wkkgz` prints Mermaid with the initial state."""
        assert 0 == main(["diagram", "wkkgz"])
        out = capsys.readouterr().out
        assert out.startswith("stateDiagram-v2\n")
        assert "[*] --> raised" in out

    def test_unknown_regime_exit_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown regime exits 2 naming the known ones."""
        assert 2 == main(["diagram", "no-such-regime"])
        assert "wkkgz" in capsys.readouterr().err

    def test_demo_runs_as_module(self) -> None:
        """`python -m klachtrecht demo` walks every example and exits 0."""
        done = subprocess.run(
            [sys.executable, "-m", "klachtrecht", "demo"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 0 == done.returncode, done.stderr
        assert "Mon 18 May 2026" in done.stdout
        assert "Bindend advies uitgebracht" in done.stdout
        assert "(voorbeeld)" not in done.stdout  # party names never printed
        assert "refused (compare-and-swap)" in done.stdout  # the store section


class TestSettingsErrors:
    """Bad settings raise InvalidSettingError, a KlachtrechtError and ValueError."""

    @pytest.mark.parametrize(
        ("module", "cls", "field", "value"),
        [
            ("wkkgz", "WkkgzSettings", "geschil_window_months", 0),
            ("wkkgz", "WkkgzSettings", "geschil_window_months", True),
            ("wkkgz", "WkkgzSettings", "geschil_window_from", "ontvangst"),
            ("wkkgz", "WkkgzSettings", "atw_for_art17", 1),
            ("jeugdwet", "JeugdwetSettings", "oordeel_weeks", 53),
            ("wmo", "WmoSettings", "independent_chair", "yes"),
            ("klp", "KlpSettings", "geschil_fee", 50.0),
            ("awb", "AwbSettings", "advisory_procedure", 1),
            ("awb", "AwbSettings", "verdaging_counted", "from_notice"),
            ("ombudsman", "OmbudsmanSettings", "ombudsman", "municipal"),
        ],
    )
    def test_refused(self, module: str, cls: str, field: str, value: object) -> None:
        """Each out-of-range or wrongly typed setting is refused by name."""
        import importlib

        module_name = f"klachtrecht.regimes.{module}"
        settings_type = getattr(importlib.import_module(module_name), cls)
        with pytest.raises(k.InvalidSettingError, match=f"{cls}.{field}"):
            settings_type(**{field: value})


SRC = ROOT / "src" / "klachtrecht"
REGIME_SECTIONS = ("machine", "settings", "facts", "deadlines", "guards", "definition")
#: Regime modules that configure a procedure shared by several statutes: the
#: shared module's factories make their machine class and their DEFINITION.
_CONFIGURED = {
    "wvggz": "klachtrecht.regimes._dwang",
    "wzd": "klachtrecht.regimes._dwang",
}


def _regime_modules() -> list[Path]:
    return sorted(
        p for p in (SRC / "regimes").glob("*.py") if not p.name.startswith("_")
    )


def _imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, as absolute dotted names."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = "klachtrecht.regimes" if node.level == 1 else "klachtrecht"
                base = f"{package}.{base}" if base else package
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


class TestLayout:
    """The package layout of issue 11 (docs/architecture.md)."""

    @pytest.mark.parametrize(
        "path",
        sorted(SRC.rglob("*.py")),
        ids=lambda p: p.relative_to(SRC).as_posix(),
    )
    def test_module_under_500_lines(self, path: Path) -> None:
        """Every module under src/ has fewer than 500 lines."""
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines < 500, f"{path.name} has {lines} lines"

    def test_every_registered_regime_has_a_module(self) -> None:
        """Each registry entry names a module in klachtrecht.regimes whose file
        exists, so regime modules are the one place a regime is defined."""
        for module in k.REGIMES.values():
            package, _, stem = module.rpartition(".")
            assert package == "klachtrecht.regimes"
            assert not stem.startswith("_")
            assert (SRC / "regimes" / f"{stem}.py").is_file()

    @pytest.mark.parametrize("path", _regime_modules(), ids=lambda p: p.stem)
    def test_regimes_do_not_import_each_other(self, path: Path) -> None:
        """A regime module imports no other regime module; shared law lives in
        an underscore module of klachtrecht.regimes."""
        regimes = {f"klachtrecht.regimes.{p.stem}" for p in _regime_modules()}
        imported = _imported_modules(path) & regimes
        assert set() == imported - {f"klachtrecht.regimes.{path.stem}"}

    def test_import_check_sees_a_regime_import(self) -> None:
        """The import parser above finds both import forms (it could fail)."""
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            probe = Path(folder) / "probe.py"
            probe.write_text(
                "from klachtrecht.regimes import wkkgz\nfrom . import klp\n",
                encoding="utf-8",
            )
            found = _imported_modules(probe)
        assert {"klachtrecht.regimes.wkkgz", "klachtrecht.regimes.klp"} <= found

    @pytest.mark.parametrize("path", _regime_modules(), ids=lambda p: p.stem)
    def test_regime_sections_in_order(self, path: Path) -> None:
        """Each regime module has the same sections, in the same order, marked by
        the same comments, and exports DEFINITION; a configured regime (one
        statute of a shared procedure) fills each section with its own part and
        gets its machine class and DEFINITION from the shared factories."""
        text = path.read_text(encoding="utf-8")
        marks = re.findall(r"^# -- (\w+) -+$", text, flags=re.MULTILINE)
        assert REGIME_SECTIONS == tuple(marks)
        shared = _CONFIGURED.get(path.stem)
        if shared is None:
            assert re.search(r"^DEFINITION = Definition\(", text, flags=re.MULTILINE)
            return
        bodies = re.split(r"^# -- \w+ -+$", text, flags=re.MULTILINE)[1:]
        assert all(body.strip() for body in bodies)
        assert re.search(r"^\w+Machine = machine_class\(", bodies[0], re.MULTILINE)
        assert re.search(r"^DEFINITION = build\(STATUTE\)$", bodies[-1], re.MULTILINE)
        assert {f"{shared}.build", f"{shared}.machine_class"} <= _imported_modules(path)

    def test_core_never_imports_storage_or_regimes(self) -> None:
        """The engine and the case model import neither a regime module nor
        serialize (imports point down: regimes -> engine -> case)."""
        for name in ("_engine.py", "_case.py", "deadlines.py"):
            imported = _imported_modules(SRC / name)
            assert not any(m.startswith("klachtrecht.regimes") for m in imported)
            assert "klachtrecht.serialize" not in imported
