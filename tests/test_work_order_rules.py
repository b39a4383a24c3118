"""Pure work-order rules: transitions, time limits, warranty dates, money, IMEI check digits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from outletdesk.core.work_orders import rules
from outletdesk.models import LineKind, Priority, Warranty, WorkOrderStatus

S = WorkOrderStatus
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LIMITS = rules.TimeLimits()


def clock(
    status,
    priority=Priority.NORMAL,
    judged=None,
    ready=None,
    delivered=None,
    waited=timedelta(0),
    since=None,
    followed=False,
):
    return rules.Clock(status, priority, T0, judged, ready, delivered, waited, since, followed)


def test_only_sensible_moves():
    assert rules.can_move(S.RECEIVED, S.DIAGNOSING)
    assert rules.can_move(S.READY, S.DELIVERED)
    assert not rules.can_move(S.RECEIVED, S.DELIVERED)
    assert not rules.can_move(S.DELIVERED, S.IN_REPAIR)
    assert not rules.can_move(S.CANCELLED, S.RECEIVED)
    assert not rules.can_move(
        S.IN_REPAIR, S.CANCELLED
    )  # parts are in: finish or call it unrepairable
    for status in S:  # nothing moves to itself
        assert status not in rules.TRANSITIONS[status]


def test_judgement_limit_then_execution_limit():
    assert rules.next_deadline(clock(S.RECEIVED), LIMITS) == ("judge", T0 + timedelta(hours=2))
    assert rules.next_deadline(clock(S.DIAGNOSING), LIMITS) == ("judge", T0 + timedelta(hours=2))
    judged = T0 + timedelta(hours=1)
    assert rules.next_deadline(clock(S.IN_REPAIR, judged=judged), LIMITS) == (
        "execute",
        T0 + timedelta(hours=24),
    )


def test_urgent_orders_get_half_of_every_limit():
    assert rules.next_deadline(clock(S.RECEIVED, Priority.URGENT), LIMITS) == (
        "judge",
        T0 + timedelta(hours=1),
    )
    judged = T0 + timedelta(minutes=30)
    assert rules.next_deadline(clock(S.IN_REPAIR, Priority.URGENT, judged=judged), LIMITS)[
        1
    ] == T0 + timedelta(hours=12)
    delivered = T0 + timedelta(hours=10)
    assert rules.next_deadline(
        clock(S.DELIVERED, Priority.URGENT, judged, delivered, delivered), LIMITS
    ) == ("follow_up", delivered + timedelta(hours=24))


def test_waiting_for_approval_or_parts_stops_the_execution_clock():
    judged = T0 + timedelta(hours=1)
    waiting = clock(S.AWAITING_PARTS, judged=judged, since=T0 + timedelta(hours=2))
    assert rules.next_deadline(waiting, LIMITS) == (None, None)
    resumed = clock(S.IN_REPAIR, judged=judged, waited=timedelta(hours=30))
    assert rules.next_deadline(resumed, LIMITS) == ("execute", T0 + timedelta(hours=54))


def test_follow_up_due_after_hand_back_until_recorded():
    delivered = T0 + timedelta(hours=20)
    assert rules.next_deadline(clock(S.DELIVERED, delivered=delivered), LIMITS) == (
        "follow_up",
        delivered + timedelta(hours=48),
    )
    assert rules.next_deadline(clock(S.DELIVERED, delivered=delivered, followed=True), LIMITS) == (
        None,
        None,
    )
    assert rules.next_deadline(clock(S.CANCELLED), LIMITS) == (None, None)
    assert rules.next_deadline(clock(S.READY, judged=T0, ready=T0), LIMITS) == (None, None)
    # reopened after "ready" (the test failed): the repair limit is back
    reopened = clock(S.IN_REPAIR, judged=T0, ready=T0 + timedelta(hours=3))
    assert rules.next_deadline(reopened, LIMITS) == ("execute", T0 + timedelta(hours=24))


def test_deadline_colours():
    due = T0 + timedelta(hours=2)
    assert rules.deadline_state(due, T0, "judge", LIMITS, Priority.NORMAL) == "ok"
    assert (
        rules.deadline_state(due, due - timedelta(minutes=20), "judge", LIMITS, Priority.NORMAL)
        == "due_soon"
    )
    assert (
        rules.deadline_state(due, due + timedelta(seconds=1), "judge", LIMITS, Priority.NORMAL)
        == "overdue"
    )
    assert rules.deadline_state(None, T0, None, LIMITS, Priority.NORMAL) == ""


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 12, 15), 2, date(2026, 2, 15)),
        (date(2025, 5, 31), 12, date(2026, 5, 31)),
    ],
)
def test_month_arithmetic_keeps_month_ends(start, months, expected):
    assert rules.add_months(start, months) == expected


def test_warranty_at_intake():
    today = date(2026, 11, 22)
    bought = date(2026, 1, 10)
    assert rules.check_warranty(today, bought, 12, None, None).kind is Warranty.MANUFACTURER
    assert (
        rules.check_warranty(today, date(2025, 11, 22), 12, None, None).kind is Warranty.NONE
    )  # ended yesterday
    assert rules.check_warranty(today, date(2025, 11, 23), 12, None, None).until == date(
        2026, 11, 22
    )
    assert rules.check_warranty(today, None, 12, None, None).kind is Warranty.NONE
    rework = rules.check_warranty(today, None, 12, date(2026, 10, 1), date(2026, 12, 30))
    assert (rework.kind, rework.rework) == (Warranty.REPAIR, True)
    expired = rules.check_warranty(today, None, 12, date(2026, 1, 1), date(2026, 4, 1))
    assert expired.kind is Warranty.NONE


def test_line_amounts_and_warranty():
    assert rules.line_amount(LineKind.LABOUR, Decimal(45), Decimal("80.00"), False) == Decimal(
        "60.00"
    )
    assert rules.line_amount(LineKind.LABOUR, Decimal(7), Decimal("100.00"), False) == Decimal(
        "11.67"
    )
    assert rules.line_amount(LineKind.PART, Decimal(2), Decimal("180.00"), False) == Decimal(
        "360.00"
    )
    assert rules.line_amount(LineKind.PART, Decimal(2), Decimal("180.00"), True) == Decimal("0.00")
    assert rules.line_amount(LineKind.LABOUR, Decimal(60), Decimal("80.00"), True) == Decimal(
        "0.00"
    )
    assert rules.line_amount(LineKind.FEE, Decimal(1), Decimal("15.00"), True) == Decimal("15.00")


def test_totals_take_the_discount_before_tax():
    result = rules.totals([Decimal("100.00"), Decimal("60.00")], Decimal("10.00"), Decimal("13"))
    assert result == rules.Totals(
        Decimal("160.00"), Decimal("10.00"), Decimal("19.50"), Decimal("169.50")
    )
    capped = rules.totals([Decimal("5.00")], Decimal("10.00"), Decimal("0"))
    assert capped.total == Decimal("0.00")


@given(
    st.lists(st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False), max_size=20),
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False),
    st.decimals(min_value=0, max_value=30, places=2, allow_nan=False),
)
def test_totals_are_always_consistent(amounts, discount, rate):
    t = rules.totals(amounts, discount, rate)
    assert t.total == t.subtotal - t.discount + t.tax
    assert t.total >= 0 and t.discount <= t.subtotal
    for value in (t.subtotal, t.discount, t.tax, t.total):
        assert value == value.quantize(Decimal("0.01"))


def test_imei_check_digit():
    assert rules.luhn_ok("490154203237518")
    assert not rules.luhn_ok("490154203237517")
    assert rules.format_number("N", 123) == "N-000123"
