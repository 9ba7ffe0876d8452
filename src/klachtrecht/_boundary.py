"""The methods of :class:`klachtrecht.Regime` a portal talks through: the
settings class, actions (which buttons to show) and apply with its changes.

A mixin, so the engine module stays small; each method is thin and lazily
imports the module that does the work.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from klachtrecht._actions import Action
    from klachtrecht._case import Case, Role
    from klachtrecht._engine import Regime
    from klachtrecht.changes import Change

__all__ = ["PortalMethods"]


class PortalMethods:
    """Mixed into :class:`klachtrecht.Regime`."""

    __slots__ = ()

    @property
    def settings_type(self) -> type:
        """The regime's settings class (what ``open(settings=...)`` takes)."""
        return cast("Regime", self)._definition.settings_type

    def actions(
        self,
        case: Case,
        *,
        on: date | datetime,
        by: Role,
        every: bool = False,
    ) -> tuple[Action, ...]:
        """Each event of the case's state as an :class:`~klachtrecht.Action`
        for ``by`` on ``on`` (a day or an aware moment): ``allowed``,
        ``refused`` (with the reason and its source: the actor rule, the
        chronology or a guard) or ``depends_on_data`` (a guard reads the
        payload). Guards are evaluated as far as the case and the time decide
        them, so a UI can render its buttons from it. A day is judged at its
        first moment in Europe/Amsterdam (at the last event's moment when that
        lies on the same day). ``every=True`` adds the
        regime's other events, refused by the state. :meth:`allowed` stays
        what it was: the events of the state, nothing judged."""
        from klachtrecht._actions import actions  # noqa: PLC0415 - lazy

        return actions(cast("Regime", self), case, on, by, every)

    def apply_with_changes(
        self,
        case: Case,
        event: str,
        *,
        at: datetime,
        by: Role,
        expected_version: int | None = None,
        **data: Any,
    ) -> tuple[Case, tuple[Change, ...]]:
        """:meth:`apply`, plus what it changed (state, obligations added, moved,
        fulfilled, dropped) as values of :mod:`klachtrecht.changes`."""
        from klachtrecht.changes import diff  # noqa: PLC0415 - lazy

        regime = cast("Regime", self)
        new = regime.apply(
            case, event, at=at, by=by, expected_version=expected_version, **data
        )
        return new, diff(regime, case, new)
