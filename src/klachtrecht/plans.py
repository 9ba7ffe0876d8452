"""Klachtenportaal plans (abonnementen) as data, and their expected yearly cost.

A klachtenportaal sells the klachtenfunctionaris (Wkkgz art. 15) and the
aansluiting bij een erkende geschilleninstantie (Wkkgz art. 18) as a
subscription. Plans are "lastig te vergelijken": a low yearly fee may come with
a high fee per complaint, a higher one with complaints included.

More information:
Seeds: "Welk klachtenportaal als zzp in de zorg moet je kiezen?"
(klachtenportaal-kiezen-zzp.txt) and "Informatie voor BEN-leden over
klachtenregeling" (ben-leden-klachtenregeling.txt: "een abonnement waarbinnen
bij 1-2 klachtzaken de kosten van inzet zijn gedekt").

No vendor prices are built in: every plan is the caller's data. A fee a
geschilleninstantie charges the client (klachtengeld) is not a provider's plan
cost and does not belong here.

Amounts are :class:`~decimal.Decimal` only (floats are refused), at most
``MAX_AMOUNT``; counts at most ``MAX_COUNT``. Totals are rounded to cents with
ROUND_HALF_UP in a private decimal context (the caller's context does not
matter), and VAT (btw) is always shown apart. Errors name the field, never the
plan's name or an amount.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Final

import attrs

from klachtrecht.errors import ArgumentTypeError, KlachtrechtError

__all__ = ["MAX_AMOUNT", "MAX_COUNT", "Cost", "Plan", "PlanError", "compare"]

CENT: Final = Decimal("0.01")
_ZERO: Final = Decimal(0)
#: The largest amount accepted (one billion euro).
MAX_AMOUNT: Final = Decimal(10) ** 9
#: The largest number of complaints, geschillen or inclusions accepted.
MAX_COUNT: Final = 10**6
# wide enough for MAX_AMOUNT * MAX_COUNT to the cent, whatever the caller's context
_CONTEXT: Final = Context(prec=40, rounding=ROUND_HALF_UP)


class PlanError(KlachtrechtError, ValueError):
    """A plan or a cost question is refused: negative amount, VAT rate out of range."""

    code = "invalid_plan"


def _amount(value: object, what: str) -> Decimal:
    if type(value) is not Decimal:
        raise ArgumentTypeError(
            f"{what} must be a Decimal, got {type(value).__name__}"
            + (
                "; floats are inexact, use Decimal('...')"
                if type(value) is float
                else ""
            )
        )
    if not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise PlanError(f"{what} must be a finite amount from 0 to {MAX_AMOUNT}")
    return value


def _count(value: object, what: str) -> int:
    if type(value) is not int:  # bool is refused on purpose
        raise ArgumentTypeError(f"{what} must be an int, got {type(value).__name__}")
    if not 0 <= value <= MAX_COUNT:
        raise PlanError(f"{what} must be from 0 to {MAX_COUNT}")
    return value


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@attrs.frozen(kw_only=True)
class Cost:
    """The yearly cost of a plan for a number of complaints and geschillen.

    ``subscription``, ``complaint_fees`` and ``geschil_fees`` are as quoted by
    the plan (including VAT when ``prices_include_vat``); ``excl_vat``, ``vat``
    and ``incl_vat`` are the totals, rounded to cents.
    """

    plan: str
    complaints: int
    geschillen: int
    subscription: Decimal
    complaint_fees: Decimal
    geschil_fees: Decimal
    prices_include_vat: bool
    excl_vat: Decimal
    vat: Decimal
    incl_vat: Decimal

    def __attrs_post_init__(self) -> None:
        if type(self.plan) is not str:
            raise ArgumentTypeError("Cost.plan must be a str")
        _count(self.complaints, "Cost.complaints")
        _count(self.geschillen, "Cost.geschillen")
        for name in ("subscription", "complaint_fees", "geschil_fees", "excl_vat",
                     "vat", "incl_vat"):  # fmt: skip
            value = getattr(self, name)
            if type(value) is not Decimal or not value.is_finite():
                raise ArgumentTypeError(f"Cost.{name} must be a finite Decimal")
        if type(self.prices_include_vat) is not bool:
            raise ArgumentTypeError("Cost.prices_include_vat must be a bool")

    def __str__(self) -> str:
        complaints = "complaint" if self.complaints == 1 else "complaints"
        geschillen = "geschil" if self.geschillen == 1 else "geschillen"
        return (
            f"{self.plan}: {self.complaints} {complaints}, {self.geschillen} "
            f"{geschillen}: EUR {self.excl_vat} excl. VAT + EUR {self.vat} VAT "
            f"= EUR {self.incl_vat}"
        )


@attrs.frozen(kw_only=True)
class Plan:
    """A klachtenportaal plan (abonnement): fees, inclusions and VAT.

    ``complaints_included`` and ``geschillen_included`` are the cases per year
    the yearly fee covers; each case beyond them costs ``fee_per_complaint`` or
    ``fee_per_geschil``. ``vat_rate`` (e.g. ``Decimal("0.21")``) has no
    default on purpose; ``prices_include_vat`` says whether the fees are
    quoted including it.
    """

    name: str
    yearly_fee: Decimal
    vat_rate: Decimal
    fee_per_complaint: Decimal = _ZERO
    fee_per_geschil: Decimal = _ZERO
    complaints_included: int = 0
    geschillen_included: int = 0
    prices_include_vat: bool = False

    def __attrs_post_init__(self) -> None:
        if type(self.name) is not str:
            raise ArgumentTypeError(
                f"Plan.name must be a str, got {type(self.name).__name__}"
            )
        if not self.name.strip() or len(self.name) > 200:
            raise PlanError(
                "Plan.name must be a non-empty str of at most 200 characters"
            )
        what = "Plan."
        _amount(self.yearly_fee, f"{what}yearly_fee")
        _amount(self.fee_per_complaint, f"{what}fee_per_complaint")
        _amount(self.fee_per_geschil, f"{what}fee_per_geschil")
        if _amount(self.vat_rate, f"{what}vat_rate") > 1:
            raise PlanError(f"{what}vat_rate is a fraction from 0 to 1 (0.21)")
        _count(self.complaints_included, f"{what}complaints_included")
        _count(self.geschillen_included, f"{what}geschillen_included")
        if type(self.prices_include_vat) is not bool:
            raise ArgumentTypeError(f"{what}prices_include_vat must be a bool")

    def yearly_cost(self, *, complaints: int, geschillen: int) -> Cost:
        """The cost of one year with ``complaints`` complaints and ``geschillen``
        geschillen, as a breakdown excl./incl. VAT."""
        complaints = _count(complaints, "complaints")
        geschillen = _count(geschillen, "geschillen")
        with localcontext(_CONTEXT):
            return self._cost(complaints, geschillen)

    def _cost(self, complaints: int, geschillen: int) -> Cost:
        complaint_fees = self.fee_per_complaint * max(
            0, complaints - self.complaints_included
        )
        geschil_fees = self.fee_per_geschil * max(
            0, geschillen - self.geschillen_included
        )
        quoted = _cents(self.yearly_fee + complaint_fees + geschil_fees)
        if self.prices_include_vat:
            incl = quoted
            excl = _cents(incl / (1 + self.vat_rate))
            vat = incl - excl
        else:
            excl = quoted
            vat = _cents(excl * self.vat_rate)
            incl = excl + vat
        return Cost(
            plan=self.name,
            complaints=complaints,
            geschillen=geschillen,
            subscription=self.yearly_fee,
            complaint_fees=complaint_fees,
            geschil_fees=geschil_fees,
            prices_include_vat=self.prices_include_vat,
            excl_vat=excl,
            vat=vat,
            incl_vat=incl,
        )


def compare(
    plans: Iterable[Plan], *, complaints: int, geschillen: int
) -> tuple[Cost, ...]:
    """The yearly cost of each plan, cheapest first (incl. VAT, then name)."""
    if isinstance(plans, Plan) or not isinstance(plans, Iterable):
        raise ArgumentTypeError("plans must be an iterable of Plan")
    costs = []
    for plan in plans:
        if not isinstance(plan, Plan):
            raise ArgumentTypeError(f"expected a Plan, got {type(plan).__name__}")
        costs.append(plan.yearly_cost(complaints=complaints, geschillen=geschillen))
    return tuple(sorted(costs, key=lambda c: (c.incl_vat, c.plan)))
