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
            "print(sorted(m for m in ('statemachine', 'holidays', 'klachtrecht.wkkgz', "
            "'klachtrecht._regime') if m in sys.modules))"
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
        assert 2 == main(["diagram", "awb"])
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
            ("jeugdwet", "WmoSettings", "independent_chair", "yes"),
            ("klp", "KlpSettings", "geschil_fee", 50.0),
        ],
    )
    def test_refused(self, module: str, cls: str, field: str, value: object) -> None:
        """Each out-of-range or wrongly typed setting is refused by name."""
        import importlib

        settings_type = getattr(importlib.import_module(f"klachtrecht.{module}"), cls)
        with pytest.raises(k.InvalidSettingError, match=f"{cls}.{field}"):
            settings_type(**{field: value})
