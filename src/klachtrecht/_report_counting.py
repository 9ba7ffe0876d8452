"""Counting cases for the statutory reports (:mod:`klachtrecht.reports`):
each case as it stood on a day, classified, in anonymised rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

import attrs

import klachtrecht as k
from klachtrecht.deadlines import check_date

__all__ = ["OTHER", "Classify", "Row"]

#: The category of a complaint that fits none of the regeling's categories.
OTHER = "overig"
#: How a report classifies a case: a function or a mapping of case ids to codes.
Classify = Callable[[k.Case], str | None] | Mapping[str, str]


@attrs.frozen
class Row:
    """One line of a report: its part (e.g. ``h``), a stable key, the Dutch
    label, the shown value and the source."""

    part: str
    key: str
    label: str
    value: str
    source: str


def _as_of(case: k.Case, day: date) -> k.Case | None:
    """The case as it stood at the end of ``day`` (its events up to then)."""
    records = [r for r in case.history if r.day <= day]
    if not records:
        return None
    if len(records) == len(case.history):
        return case
    return k.regime(case.regime).replay(case.case_id, records)


def _classify(case: k.Case, how: Classify | None, codes: set[str]) -> str:
    if how is None:
        return OTHER
    code = how.get(case.case_id) if isinstance(how, Mapping) else how(case)
    if code is None:
        return OTHER
    if code not in codes:
        raise k.InvalidSettingError(
            f"case {case.case_id!r}: category code not among the regeling's"
        )
    return code


class _Rows:
    """Collects rows, suppressing small counts per group."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.rows: list[Row] = []

    def text(self, part: str, key: str, label: str, value: str, source: str) -> None:
        self.rows.append(Row(part, key, label, value, source))

    def group(
        self,
        part: str,
        source: str,
        total: tuple[str, str, int] | None,
        cells: list[tuple[str, str, int]],
    ) -> None:
        """Counts of one group; ``total`` (key, label, n) is shown first."""
        t = self.threshold
        shown = {key: self._count(n) for key, _, n in cells}
        small = [key for key, _, n in cells if 0 < n < t]
        if total is not None and small:
            # hide one more count, so the small ones cannot be recomputed
            # from the total
            others = sorted((n, key) for key, _, n in cells if n >= t)
            if others:
                shown[others[0][1]] = "*"
        if total is not None:
            self.text(part, total[0], total[1], self._count(total[2]), source)
        for key, label, _ in cells:
            self.text(part, key, label, shown[key], source)

    def _count(self, n: int) -> str:
        return f"< {self.threshold}" if 0 < n < self.threshold else str(n)


def _check_args(year: object, threshold: object) -> None:
    if type(year) is not int:
        raise k.ArgumentTypeError(f"year must be an int, got {type(year).__name__}")
    check_date(date(year, 1, 1), "year")
    if type(threshold) is not int or threshold < 1:
        raise k.ArgumentTypeError("threshold must be an int of at least 1")


def _snapshots(
    cases: Iterable[k.Case], regime: str, year: int
) -> list[tuple[k.Case, k.Case]]:
    """(case at the end of ``year``, the full case) for the regime's cases."""
    out = []
    end = date(year, 12, 31)
    for case in cases:
        if not isinstance(case, k.Case):
            raise k.ArgumentTypeError(
                f"expected Case objects, got {type(case).__name__}"
            )
        if case.regime != regime:
            continue
        then = _as_of(case, end)
        if then is not None:
            out.append((then, case))
    return out
