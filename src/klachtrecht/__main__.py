"""Command line: ``klachtrecht`` or ``python -m klachtrecht``.

Subcommands: ``demo``, ``deadline``, ``holidays``, ``diagram``. Exit codes: 0 on
success; 2 on bad input, with one line on stderr and never a traceback; 141
when the reader of the output went away (``klachtrecht demo | head -1``), quietly;
70 for an internal error (a bug: please report it), with one line on stderr.

Files are written atomically: the new text goes to a temporary file in the same
folder, which then replaces the page; a failure leaves the page byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from typing import Any, NoReturn

from klachtrecht._diagram import mermaid, reference, sync
from klachtrecht._examples import DEADLINE_EXAMPLES, EXAMPLES
from klachtrecht.deadlines import (
    TermKind,
    fmt_day,
    holidays,
    is_covered,
    term_end,
)
from klachtrecht.errors import ArgumentTypeError, KlachtrechtError
from klachtrecht.regimes import regime

__all__ = ["main"]


#: Exit codes (see the module docstring).
EXIT_BAD_INPUT = 2
EXIT_PIPE = 141
EXIT_INTERNAL = 70


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error (no usage block) and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_BAD_INPUT,
            f"{self.prog}: error: {message} (see {self.prog} --help)\n",
        )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not a date in the form YYYY-MM-DD"
        ) from None


def _int(text: str) -> int:
    """A whole number of at most 9 digits (a larger one is no term or year)."""
    digits = text.strip().removeprefix("-").removeprefix("+")
    if not digits.isdigit() or not digits.isascii() or len(digits) > 9:
        raise argparse.ArgumentTypeError(
            f"{text[:40]!r} is not a whole number of at most 9 digits"
        )
    return int(text)


def write_atomic(path: str, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), atomically.

    The text goes to a temporary file in the same folder (so the rename stays
    on one file system), is flushed to disk, and then replaces ``path`` with
    ``os.replace``; the file keeps its permission bits, and a symbolic link
    keeps pointing at the (new) file. On any failure the old file is left byte
    for byte and the temporary file is removed.
    """
    path = os.path.realpath(path)  # a symlinked page: replace its target
    folder = os.path.dirname(path)
    try:
        mode: int | None = os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below
        "w",
        encoding="utf-8",
        newline="",
        dir=folder,
        prefix=f".{os.path.basename(path)}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise


def _print(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _demo(_: argparse.Namespace) -> int:
    _print("klachtrecht demo: built-in example data, no personal data")
    _print("=" * 72)
    _print("Deadlines under the Algemene termijnenwet")
    for title, start, units in DEADLINE_EXAMPLES:
        deadline = term_end(start, kind=TermKind.STATUTORY, **units)
        _print(f"\n* {title}: due {fmt_day(deadline.due)}")
        for trail_step in deadline.steps:
            _print(f"    {trail_step}")
    for example in EXAMPLES:
        reg = regime(example.regime)
        _print("\n" + "=" * 72)
        _print(f"{example.title}\n  regime: {reg.title}")
        case = reg.open(example.case_id, at=example.opened_at, **example.open_data)
        _print(f"  {fmt_day(case.history[0].day)}  {reg.open_event.label}")
        for step in example.steps:
            case = reg.apply(case, step.event, at=step.at, by=step.by, **step.data)
            record = case.history[-1]
            state = reg.state(case.state)
            _print(
                f"  {fmt_day(record.day)}  {reg.event(step.event).label}"
                f" [{record.basis}] -> {state.label}"
            )
        _print(f"  Obligations as seen on {fmt_day(example.check_on)}:")
        for item in reg.deadlines(case):
            status = item.status(example.check_on).value
            _print(f"    - {item.label} ({item.source})")
            _print(f"      due {fmt_day(item.due)}: {status}")
            _print(f"        {item.deadline.explain()}")
    from klachtrecht._demo_nl import dutch_demo  # noqa: PLC0415 - Jinja2 lazily

    for line in dutch_demo():
        _print(line)
    _print("\n" + "=" * 72 + "\nA case store on SQLite (klachtrecht.sql)")
    try:
        from klachtrecht.sql import demo as store_demo  # noqa: PLC0415
    except ImportError:
        _print("  skipped: install 'klachtrecht[sql]' (SQLAlchemy) to see it")
    else:
        store_demo(_print)
    return 0


def _deadline(args: argparse.Namespace) -> int:
    kind = TermKind.NON_STATUTORY if args.non_statutory else TermKind.STATUTORY
    units = {
        name: getattr(args, name)
        for name in ("weeks", "days", "months", "years", "working_days")
        if getattr(args, name)
    }
    deadline = term_end(args.start, kind=kind, source=args.source, **units)
    if args.json:
        payload: dict[str, Any] = {
            "start": deadline.start.isoformat(),
            "due": deadline.due.isoformat(),
            "plain_end": deadline.plain_end.isoformat(),
            "atw_applied": deadline.atw_applied,
            "provisional": deadline.provisional,
            "steps": [
                {"day": s.day.isoformat(), "reason": s.reason} for s in deadline.steps
            ],
        }
        _print(json.dumps(payload, indent=2))
        return 0
    _print(f"due: {fmt_day(deadline.due)} ({deadline.due.isoformat()})")
    for step in deadline.steps:
        _print(f"  {step}")
    return 0


def _compare(year: int) -> int:
    """Where ``holidays.NL`` (public + optional) differs from the Atw calendar."""
    import holidays as holidays_package  # noqa: PLC0415 - only this command needs it

    atw = {h.day: h.name for h in holidays(year)}
    other = dict(
        holidays_package.country_holidays(
            "NL", years=year, categories=("public", "optional"), language="nl"
        ).items()
    )
    version = importlib.metadata.version("holidays")
    _print(f"holidays {version} NL vs the Atw, {year}:")
    for day in sorted(set(atw) | set(other)):
        if day in atw and day not in other:
            _print(f"  {day.isoformat()}  only Atw:      {atw[day]}")
        elif day in other and day not in atw:
            note = " (a Sunday)" if day.weekday() == 6 else ""
            _print(f"  {day.isoformat()}  only holidays: {other[day]}{note}")
    return 0


def _holidays(args: argparse.Namespace) -> int:
    if args.compare:
        return _compare(args.year)
    found = holidays(args.year)
    covered = is_covered(args.year)
    if args.json:
        payload = {
            "year": args.year,
            "besluit_known": covered,
            "days": [
                {"day": h.day.isoformat(), "name": h.name, "source": h.source}
                for h in found
            ],
        }
        _print(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    for item in found:
        _print(f"{item.day.isoformat()}  {fmt_day(item.day):<16} {item.name}")
        _print(f"{'':28}({item.source})")
    if not covered:
        _print(
            "note: no besluit gelijkstelling (Atw art. 3 lid 3) is known for "
            f"{args.year}; more days may be equated"
        )
    return 0


class _RefusedError(Exception):
    """Bad input found by the CLI itself: one line, exit code 2."""


def _read_page(path: str) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise _RefusedError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise _RefusedError(f"{path}: is a directory, not a page") from None
    except UnicodeDecodeError:
        raise _RefusedError(f"{path}: not a UTF-8 text file") from None
    except OSError as exc:
        raise _RefusedError(f"{path}: cannot be read ({exc.strerror})") from None


def _diagram(args: argparse.Namespace) -> int:
    reg = regime(args.regime)
    if args.sync:
        # every page is read and rewritten in memory first: nothing is written
        # unless all pages sync, and each write is atomic
        pages = []
        for path in args.sync:
            text = _read_page(path)
            try:
                pages.append((path, sync(text, reg)))
            except (ValueError, KeyError):
                raise _RefusedError(
                    f"{path}: a malformed generated block (expected "
                    "'<!-- generated:diagram|reference -->' ... "
                    "'<!-- /generated -->'); nothing was written"
                ) from None
        for path, new in pages:
            try:
                write_atomic(path, new)
            except OSError as exc:
                raise _RefusedError(
                    f"{path}: cannot be written ({exc.strerror}); it is unchanged"
                ) from None
        return 0
    sys.stdout.write(reference(reg) if args.markdown else mermaid(reg))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from klachtrecht import schema  # noqa: PLC0415 - only here

    if args.what == "document":
        if args.names:
            raise ArgumentTypeError("'schema document' takes no arguments")
        found = schema.document_schema()
    elif len(args.names) != 2:
        raise ArgumentTypeError("'schema event' takes REGIME EVENT")
    else:
        found = schema.event_schema(*args.names)
    sys.stdout.write(json.dumps(found, indent=2, ensure_ascii=False) + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="klachtrecht",
        description="Dutch complaint procedures in care: deadlines and regimes.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="walk the built-in example cases")
    demo.set_defaults(func=_demo)

    deadline = sub.add_parser("deadline", help="compute a term and explain it")
    deadline.add_argument("start", type=_date, help="the day the term is counted from")
    for unit in ("weeks", "days", "months", "years"):
        deadline.add_argument(f"--{unit}", type=_int, default=0)
    deadline.add_argument("--working-days", dest="working_days", type=_int, default=0)
    deadline.add_argument(
        "--non-statutory",
        action="store_true",
        help="a reglement or agreed term: the Atw does not apply",
    )
    deadline.add_argument("--source", default="", help="the rule that sets the term")
    deadline.add_argument("--json", action="store_true", help="machine-readable output")
    deadline.set_defaults(func=_deadline)

    hol = sub.add_parser("holidays", help="the Atw feestdagen of a year")
    hol.add_argument("year", type=_int)
    hol.add_argument("--json", action="store_true", help="machine-readable output")
    hol.add_argument(
        "--compare",
        action="store_true",
        help="show where the holidays package's NL calendar differs",
    )
    hol.set_defaults(func=_holidays)

    diagram = sub.add_parser("diagram", help="a regime's Mermaid state diagram")
    diagram.add_argument("regime")
    diagram.add_argument(
        "--markdown", action="store_true", help="tables of states and events instead"
    )
    diagram.add_argument(
        "--sync",
        nargs="+",
        metavar="PAGE",
        help="rewrite the generated blocks of these docs pages in place",
    )
    diagram.set_defaults(func=_diagram)

    schema = sub.add_parser("schema", help="JSON Schema of a document or a payload")
    schema.add_argument("what", choices=("document", "event"))
    schema.add_argument("names", nargs="*", metavar="REGIME EVENT")
    schema.set_defaults(func=_schema)
    return parser


def _pipe_closed() -> int:
    """The reader went away: send the rest of the output nowhere, quietly."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return EXIT_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (never raises, but for
    ``--help`` and argument errors, which exit through ``SystemExit``)."""
    args = _parser().parse_args(argv)
    try:
        result: int = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _pipe_closed()
    except (KlachtrechtError, _RefusedError) as exc:
        sys.stderr.write(f"klachtrecht: error: {exc}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: one line, never a traceback
        sys.stderr.write(
            f"klachtrecht: internal error ({type(exc).__name__}); please report it\n"
        )
        return EXIT_INTERNAL
    return result


if __name__ == "__main__":
    raise SystemExit(main())
