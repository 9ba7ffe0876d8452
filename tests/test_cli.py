"""The command line: one clear line for every bad argument, atomic file writes,
and a quiet exit when the reader of its output goes away."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from klachtrecht import __main__ as cli

PAGE = "intro\n<!-- generated:diagram -->\nold\n<!-- /generated -->\nend\n"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code (also through SystemExit), stdout, stderr."""
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "argv",
    [
        ("deadline", "2026-01-05", "--days", "9" * 5000),
        ("deadline", "2026-01-05", "--days", "99999999"),
        ("deadline", "2026-01-05", "--weeks", "-5"),
        ("deadline", "2026-01-05"),
        ("deadline", "2026-01-05", "--weeks", "6", "--days", "3"),
        ("deadline", "2099-12-30", "--weeks", "6"),
        ("deadline", "1999-12-31", "--weeks", "6"),
        ("deadline", "not-a-date", "--weeks", "6"),
        ("deadline", "2026-01-05", "--weeks", "six"),
        ("holidays", "99999"),
        ("holidays", "9" * 5000),
        ("holidays", "１２"),  # full-width digits
        ("diagram", "no-such-regime"),
        ("nonsense",),
        (),
    ],
)
def test_bad_arguments(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    """Every bad argument gives exit code 2 and exactly one line on stderr."""
    code, _, err = _run(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("klachtrecht")
    assert "Traceback" not in err
    assert len(err) < 400


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b"\xff\xfe\x00bad"), "not a UTF-8"),
        (lambda p: p.write_text("<!-- generated:diagram -->\nold\n"), "malformed"),
        (
            lambda p: p.write_text("<!-- generated:unknown -->\n<!-- /generated -->"),
            "malformed",
        ),
    ],
    ids=["missing", "directory", "not-utf8", "unclosed-block", "unknown-kind"],
)
def test_sync_bad_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make: object, expected: str
) -> None:
    """A page that cannot be synced gives one line, and is left byte for byte."""
    page = tmp_path / "page.md"
    make(page)  # type: ignore[operator]
    before = page.read_bytes() if page.is_file() else None
    code, _, err = _run(capsys, "diagram", "wkkgz", "--sync", str(page))
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1
    if before is not None:
        assert page.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == (
        [] if expected == "no such file" else ["page.md"]
    )


def test_sync_all_or_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """When the second page is malformed, the first is not written either."""
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(PAGE, encoding="utf-8")
    bad.write_text("<!-- generated:diagram -->\n", encoding="utf-8")
    code, _, _ = _run(capsys, "diagram", "wkkgz", "--sync", str(good), str(bad))
    assert code == 2
    assert good.read_text(encoding="utf-8") == PAGE


def test_sync_rewrites(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A good page is rewritten in place, keeps its mode, leaves no temp file."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    page.chmod(0o640)
    code, _, err = _run(capsys, "diagram", "wkkgz", "--sync", str(page))
    assert (code, err) == (0, "")
    text = page.read_text(encoding="utf-8")
    assert "stateDiagram-v2" in text
    assert "old" not in text
    assert text.startswith("intro\n")
    assert text.endswith("end\n")
    assert page.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["page.md"]


def test_write_failure_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure during the write leaves the old file and no temporary file."""
    page = tmp_path / "page.md"
    page.write_bytes(PAGE.encode())

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="No space"):
        cli.write_atomic(str(page), "new text")
    assert page.read_bytes() == PAGE.encode()
    assert os.listdir(tmp_path) == ["page.md"]


def test_write_failure_via_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI reports a failed write in one line; the page is unchanged."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    code, _, err = _run(capsys, "diagram", "wkkgz", "--sync", str(page))
    assert code == 2
    assert "unchanged" in err
    assert page.read_text(encoding="utf-8") == PAGE


def test_internal_error_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unexpected exception (a bug) is one line and exit code 70."""

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(cli, "term_end", boom)
    code, _, err = _run(capsys, "deadline", "2026-01-05", "--weeks", "6")
    assert code == 70
    assert err.count("\n") == 1
    assert "secret detail" not in err


def test_closed_pipe_is_quiet() -> None:
    """`klachtrecht demo | head -1`: the first line, then a quiet exit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "klachtrecht", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    code = proc.wait(timeout=60)
    proc.stderr.close()
    assert first.startswith(b"klachtrecht demo")
    assert err == b""
    assert code in (0, cli.EXIT_PIPE)


def test_deadline_ok(capsys: pytest.CaptureFixture[str]) -> None:
    """A good deadline question still answers with exit code 0."""
    code, out, err = _run(capsys, "deadline", "2026-04-02", "--weeks", "6")
    assert (code, err) == (0, "")
    assert out.startswith("due: Mon 18 May 2026")


def test_write_through_symlink(tmp_path: Path) -> None:
    """A symlinked page stays a symlink; its target gets the new text."""
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    cli.write_atomic(str(link), "new")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(tmp_path)) == ["link.md", "real.md"]
