"""Klachtenportaal plans: yearly cost with VAT, side-by-side comparison, and
monotonicity. Every plan here is an invented example, not a vendor's price."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import klachtrecht as k
from klachtrecht.plans import Cost, Plan, PlanError, compare

D = Decimal
VAT = D("0.21")

#: A low subscription with a high fee per case.
LOW = Plan(
    name="Laag abonnement",
    yearly_fee=D("60"),
    fee_per_complaint=D("250"),
    fee_per_geschil=D("400"),
    vat_rate=VAT,
)
#: A higher subscription with 2 complaints included (seed ben-leden: "een
#: abonnement waarbinnen bij 1-2 klachtzaken de kosten van inzet zijn gedekt").
INCLUDED = Plan(
    name="Twee klachtzaken inbegrepen",
    yearly_fee=D("180"),
    complaints_included=2,
    fee_per_complaint=D("150"),
    fee_per_geschil=D("400"),
    vat_rate=VAT,
)
#: A monthly price quoted including VAT (seed klachtenportaal-kiezen: a bundle
#: at "€ 10 per maand inclusief BTW").
MONTHLY = Plan(
    name="Per maand incl. btw",
    yearly_fee=D("10") * 12,
    vat_rate=VAT,
    prices_include_vat=True,
)


class TestYearlyCost:
    """The yearly cost of one plan, excl. and incl. VAT."""

    @pytest.mark.parametrize(
        ("complaints", "geschillen", "excl", "vat", "incl"),
        [
            (0, 0, "60.00", "12.60", "72.60"),
            (1, 0, "310.00", "65.10", "375.10"),
            (2, 1, "960.00", "201.60", "1161.60"),
        ],
    )
    def test_low_subscription(
        self, complaints: int, geschillen: int, excl: str, vat: str, incl: str
    ) -> None:
        """Every complaint and geschil is charged on top of the yearly fee."""
        cost = LOW.yearly_cost(complaints=complaints, geschillen=geschillen)
        assert (D(excl), D(vat), D(incl)) == (cost.excl_vat, cost.vat, cost.incl_vat)

    @pytest.mark.parametrize(
        ("complaints", "excl"),
        [(0, "180.00"), (1, "180.00"), (2, "180.00"), (3, "330.00"), (5, "630.00")],
    )
    def test_included_complaints(self, complaints: int, excl: str) -> None:
        """The first two complaints are covered by the yearly fee."""
        cost = INCLUDED.yearly_cost(complaints=complaints, geschillen=0)
        assert D(excl) == cost.excl_vat

    def test_included_geschillen(self) -> None:
        """Included geschillen are free; the next one costs the geschil fee."""
        plan = Plan(
            name="G",
            yearly_fee=D("100"),
            fee_per_geschil=D("300"),
            geschillen_included=1,
            vat_rate=D("0"),
        )
        costs = [plan.yearly_cost(complaints=0, geschillen=n).incl_vat for n in (1, 2)]
        assert [D("100.00"), D("400.00")] == costs

    def test_breakdown(self) -> None:
        """The breakdown keeps the quoted parts apart from the VAT totals."""
        expected = Cost(
            plan="Twee klachtzaken inbegrepen",
            complaints=3,
            geschillen=1,
            subscription=D("180"),
            complaint_fees=D("150"),
            geschil_fees=D("400"),
            prices_include_vat=False,
            excl_vat=D("730.00"),
            vat=D("153.30"),
            incl_vat=D("883.30"),
        )
        assert expected == INCLUDED.yearly_cost(complaints=3, geschillen=1)

    def test_vat_rounds_half_up(self) -> None:
        """21% of EUR 0.50 is 0.105, rounded half up to 0.11."""
        plan = Plan(name="Cent", yearly_fee=D("0.50"), vat_rate=VAT)
        assert D("0.11") == plan.yearly_cost(complaints=0, geschillen=0).vat

    def test_prices_including_vat(self) -> None:
        """EUR 120 incl. 21% VAT is EUR 99.17 plus EUR 20.83 VAT."""
        cost = MONTHLY.yearly_cost(complaints=4, geschillen=1)
        assert (D("99.17"), D("20.83"), D("120.00")) == (
            cost.excl_vat,
            cost.vat,
            cost.incl_vat,
        )

    def test_str(self) -> None:
        """The breakdown reads as one line, singular and plural right."""
        expected = (
            "Laag abonnement: 1 complaint, 0 geschillen: "
            "EUR 310.00 excl. VAT + EUR 65.10 VAT = EUR 375.10"
        )
        assert expected == str(LOW.yearly_cost(complaints=1, geschillen=0))


class TestCompare:
    """Plans side by side, cheapest first."""

    def test_no_complaints_favours_the_low_subscription(self) -> None:
        """In a quiet year the low subscriptions are cheapest."""
        expected = [
            "Laag abonnement",
            "Per maand incl. btw",
            "Twee klachtzaken inbegrepen",
        ]
        actual = [
            c.plan
            for c in compare([LOW, INCLUDED, MONTHLY], complaints=0, geschillen=0)
        ]
        assert expected == actual

    def test_two_complaints_favour_included_cases(self) -> None:
        """With two complaints the plan with cases included beats the low one."""
        costs = compare([LOW, INCLUDED], complaints=2, geschillen=0)
        assert ["Twee klachtzaken inbegrepen", "Laag abonnement"] == [
            c.plan for c in costs
        ]

    def test_ties_sorted_by_name(self) -> None:
        """Plans with equal totals are ordered by name."""
        a = Plan(name="B", yearly_fee=D("10"), vat_rate=VAT)
        b = Plan(name="A", yearly_fee=D("10"), vat_rate=VAT)
        assert ["A", "B"] == [
            c.plan for c in compare((a, b), complaints=0, geschillen=0)
        ]

    def test_empty(self) -> None:
        """Comparing no plans gives an empty tuple."""
        assert () == compare([], complaints=1, geschillen=0)

    def test_single_plan_is_not_an_iterable(self) -> None:
        """Passing one Plan instead of a list is refused."""
        with pytest.raises(k.ArgumentTypeError):
            compare(LOW, complaints=1, geschillen=0)  # type: ignore[arg-type]

    def test_non_plan_in_list(self) -> None:
        """A list with something else than a Plan is refused."""
        with pytest.raises(k.ArgumentTypeError, match="expected a Plan"):
            compare([LOW, "plan"], complaints=1, geschillen=0)  # type: ignore[list-item]


class TestErrors:
    """Amounts are Decimals, counts are ints, both non-negative."""

    @pytest.mark.parametrize("bad", [60.0, 60, "60", True, None])
    def test_yearly_fee_must_be_decimal(self, bad: Any) -> None:
        """Floats, ints, strings, bools and None are refused as a fee."""
        with pytest.raises(k.ArgumentTypeError, match="yearly_fee must be a Decimal"):
            Plan(name="X", yearly_fee=bad, vat_rate=VAT)

    def test_float_message_suggests_decimal(self) -> None:
        """A float is refused with a hint to use Decimal('...')."""
        with pytest.raises(TypeError, match=r"use Decimal\('...'\)"):
            Plan(name="X", yearly_fee=D("1"), vat_rate=0.21)  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", [D("-1"), D("NaN"), D("Infinity")])
    def test_fee_must_be_finite_and_non_negative(self, bad: Decimal) -> None:
        """Negative, NaN and infinite fees are a PlanError (a ValueError)."""
        with pytest.raises(PlanError, match="fee_per_complaint"):
            Plan(name="X", yearly_fee=D("1"), fee_per_complaint=bad, vat_rate=VAT)

    def test_vat_rate_is_a_fraction(self) -> None:
        """A VAT rate of 21 (percent) instead of 0.21 is refused."""
        with pytest.raises(ValueError, match="vat_rate is a fraction"):
            Plan(name="X", yearly_fee=D("1"), vat_rate=D("21"))

    @pytest.mark.parametrize("bad", [True, 1.0, "1"])
    def test_counts_must_be_ints(self, bad: Any) -> None:
        """Bools, floats and strings are refused as a number of complaints."""
        with pytest.raises(k.ArgumentTypeError, match="complaints must be an int"):
            LOW.yearly_cost(complaints=bad, geschillen=0)

    def test_counts_must_be_non_negative(self) -> None:
        """A negative number of geschillen is a PlanError."""
        with pytest.raises(PlanError, match="geschillen must be from 0"):
            LOW.yearly_cost(complaints=0, geschillen=-1)

    def test_included_must_be_int(self) -> None:
        """complaints_included refuses a bool."""
        with pytest.raises(k.ArgumentTypeError, match="complaints_included"):
            Plan(name="X", yearly_fee=D("1"), vat_rate=VAT, complaints_included=True)

    def test_name_required(self) -> None:
        """A plan needs a non-empty name."""
        with pytest.raises(k.ArgumentTypeError, match="name"):
            Plan(name="", yearly_fee=D("1"), vat_rate=VAT)

    def test_plan_error_is_a_klachtrecht_error(self) -> None:
        """PlanError derives from KlachtrechtError and ValueError."""
        assert issubclass(PlanError, k.KlachtrechtError)
        assert issubclass(PlanError, ValueError)


money = st.decimals(min_value=0, max_value=10_000, places=2, allow_nan=False)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A random plan with amounts in cents and a VAT rate of 0-25%."""
    return Plan(
        name=draw(st.sampled_from(["A", "B", "C"])),
        yearly_fee=draw(money),
        fee_per_complaint=draw(money),
        fee_per_geschil=draw(money),
        complaints_included=draw(st.integers(0, 5)),
        geschillen_included=draw(st.integers(0, 2)),
        vat_rate=draw(st.decimals(min_value=0, max_value=D("0.25"), places=3)),
        prices_include_vat=draw(st.booleans()),
    )


counts = st.integers(0, 50)


class TestProperties:
    """Costs are monotonic and consistent for any plan."""

    @given(plan=plans(), n=counts, g=counts)
    def test_monotonic_in_complaints(self, plan: Plan, n: int, g: int) -> None:
        """One more complaint never makes a year cheaper (excl. or incl. VAT)."""
        a = plan.yearly_cost(complaints=n, geschillen=g)
        b = plan.yearly_cost(complaints=n + 1, geschillen=g)
        assert a.excl_vat <= b.excl_vat
        assert a.incl_vat <= b.incl_vat

    @given(plan=plans(), n=counts, g=counts)
    def test_monotonic_in_geschillen(self, plan: Plan, n: int, g: int) -> None:
        """One more geschil never makes a year cheaper (excl. or incl. VAT)."""
        a = plan.yearly_cost(complaints=n, geschillen=g)
        b = plan.yearly_cost(complaints=n, geschillen=g + 1)
        assert a.excl_vat <= b.excl_vat
        assert a.incl_vat <= b.incl_vat

    @given(plan=plans(), n=counts, g=counts)
    def test_totals_add_up_in_cents(self, plan: Plan, n: int, g: int) -> None:
        """excl + VAT = incl, all in whole cents, with a non-negative VAT."""
        cost = plan.yearly_cost(complaints=n, geschillen=g)
        assert cost.incl_vat == cost.excl_vat + cost.vat
        for value in (cost.excl_vat, cost.vat, cost.incl_vat):
            assert value == value.quantize(D("0.01"))
        assert cost.vat >= 0

    @given(plan=plans(), n=counts, g=counts)
    def test_within_included_only_the_fee(self, plan: Plan, n: int, g: int) -> None:
        """Within the included cases the year costs only the yearly fee."""
        inside = plan.yearly_cost(
            complaints=min(n, plan.complaints_included),
            geschillen=min(g, plan.geschillen_included),
        )
        assert (D(0), D(0)) == (inside.complaint_fees, inside.geschil_fees)

    @given(chosen=st.lists(plans(), max_size=5), n=counts, g=counts)
    def test_compare_is_sorted(self, chosen: list[Plan], n: int, g: int) -> None:
        """compare returns every plan once, cheapest first."""
        costs = compare(chosen, complaints=n, geschillen=g)
        assert len(chosen) == len(costs)
        totals = [c.incl_vat for c in costs]
        assert sorted(totals) == totals
