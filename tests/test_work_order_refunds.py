"""Refunds after hand-back: asked for by the counter, approved or rejected by a manager, on SQLite
and PostgreSQL. Every refund names who approved it; a rejection tells the customer why."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select
from test_work_orders import intake

from outletdesk.core.errors import DomainError, PermissionDenied, StaleRecord, ValidationError
from outletdesk.core.work_orders import rules
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.core.work_orders.receipts import receipt_document
from outletdesk.models import (
    Payment,
    PaymentKind,
    RefundRequest,
    RefundStatus,
    Role,
    WorkOrderStatus,
)

S = WorkOrderStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def delivered(services, clerk):
    """A repair handed back and paid in full: 300.00 (100 deposit + 200 at hand-back)."""
    order, _ = intake(services, clerk, deposit="100.00")
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("fee", "Board repair", 1, "300.00")]
    )
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.READY)
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment="200.00"
    )
    assert order.status is S.DELIVERED and order.paid == order.total == Decimal("300.00")
    return order


def rows(services, model):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_partial_refund_requested_then_approved_names_the_approver(
    services, clerk, manager, delivered
):
    order, changes = services.refunds.request(
        clerk, delivered.id, "80.00", "cash", "Speaker still crackles; customer keeps the phone"
    )
    assert changes.work_orders
    (refund,) = order.refunds
    assert refund.status is RefundStatus.PENDING and refund.amount == Decimal("80.00")
    assert refund.requested_by == "Clerk"
    assert refund.review_due_at > refund.requested_at
    assert order.refundable == Decimal("220.00")
    assert order.paid == Decimal("300.00") and order.balance == 0  # nothing moves until approved
    assert [r.id for r in services.refunds.awaiting_review(manager)] == [refund.id]
    assert services.refunds.count_awaiting_review(manager, delivered.outlet_id) == 1

    order, _ = services.refunds.approve(manager, refund.id, refund.version)
    (refund,) = order.refunds
    assert refund.status is RefundStatus.APPROVED and refund.decided_by == "Boss"
    last = order.payments[-1]
    assert (last.kind, last.amount, last.approved_by) == (
        PaymentKind.REFUND,
        Decimal("80.00"),
        "Boss",
    )
    # The money went back and the bill is settled at the lower amount: nothing is due.
    assert order.paid == Decimal("220.00") and order.refunded == Decimal("80.00")
    assert order.balance == 0
    assert services.refunds.awaiting_review(manager) == []
    kinds = [e.kind for e in order.events]
    assert "refund_requested" in kinds and "refund_approved" in kinds


def test_rejection_tells_the_customer_why_and_moves_no_money(services, clerk, manager, delivered):
    order, _ = services.refunds.request(clerk, delivered.id, "300", "card", "Wants all back")
    with pytest.raises(ValidationError) as caught:
        services.refunds.reject(manager, order.refunds[0].id, order.refunds[0].version, "  ")
    assert caught.value.field == "Reason"
    order, _ = services.refunds.reject(
        manager,
        order.refunds[0].id,
        order.refunds[0].version,
        "Repair done as quoted; 90-day warranty applies",
    )
    (refund,) = order.refunds
    assert refund.status is RefundStatus.REJECTED
    assert refund.decision_note.startswith("Repair done as quoted")
    assert order.paid == Decimal("300.00") and order.refunded == 0
    assert all(p.kind is not PaymentKind.REFUND for p in order.payments)
    told = [e for e in order.events if e.kind in rules.CUSTOMER_EVENT_KINDS]
    assert told and "90-day warranty" in told[-1].text
    # The hand-back receipt (reprinted when the customer asks) carries the answer.
    doc = receipt_document(services, clerk, order.id, "handback")
    printed = repr(doc.blocks)
    assert "Refund declined" in printed and "90-day warranty" in printed


def test_only_a_manager_decides_and_a_clerk_cannot_approve(services, clerk, manager, delivered):
    tech = make_actor(services, delivered.outlet_id, Role.TECHNICIAN, "tech")
    order, _ = services.refunds.request(tech, delivered.id, "10", "cash", "Goodwill")
    refund = order.refunds[0]
    before = audit_count(services)
    for someone in (clerk, tech):
        with pytest.raises(PermissionDenied):
            services.refunds.approve(someone, refund.id, refund.version)
        with pytest.raises(PermissionDenied):
            services.refunds.reject(someone, refund.id, refund.version, "No")
    assert audit_count(services) == before
    admin = make_actor(services, delivered.outlet_id, Role.ADMIN, "root")
    services.refunds.approve(admin, refund.id, refund.version)


def test_whoever_asked_for_a_refund_does_not_approve_it(services, manager, delivered):
    order, _ = services.refunds.request(manager, delivered.id, "40", "cash", "Goodwill")
    refund = order.refunds[0]
    with pytest.raises(DomainError, match="another manager"):
        services.refunds.approve(manager, refund.id, refund.version)
    assert rows(services, Payment) == 2  # nothing moved
    other = make_actor(services, delivered.outlet_id, Role.MANAGER, "deputy")
    order, _ = services.refunds.approve(other, refund.id, refund.version)
    assert order.refunds[0].decided_by == "Deputy" and order.refunded == Decimal("40.00")


def test_the_outlets_review_limit_sets_when_the_answer_is_due(services, admin, clerk, delivered):
    from dataclasses import replace

    settings = services.work_order_settings.get(delivered.outlet_id)
    services.work_order_settings.save(
        admin, delivered.outlet_id, replace(settings, refund_review_days=1)
    )
    order, _ = services.refunds.request(clerk, delivered.id, "10", "cash", "Quick one")
    refund = order.refunds[0]
    assert refund.review_due_at == rules.add_working_days(refund.requested_at, 1)
    (listed,) = services.refunds.awaiting_review(admin)
    assert listed.review_due_at == refund.review_due_at


def test_a_request_decided_by_someone_else_is_stale(services, clerk, manager, delivered):
    order, _ = services.refunds.request(clerk, delivered.id, "50", "cash", "Partial refund")
    refund = order.refunds[0]
    services.refunds.approve(manager, refund.id, refund.version)
    with pytest.raises(StaleRecord):
        services.refunds.reject(manager, refund.id, refund.version, "Too late")
    with pytest.raises(StaleRecord):
        services.refunds.approve(manager, refund.id, refund.version)
    assert rows(services, Payment) == 3  # deposit, payment, one refund


@pytest.mark.parametrize(
    ("amount", "method", "reason", "field"),
    [
        ("", "cash", "x", "Amount"),
        ("abc", "cash", "x", "Amount"),
        ("0", "cash", "x", "Amount"),
        ("-5", "cash", "x", "Amount"),
        ("12.345", "cash", "x", "Amount"),
        ("300.01", "cash", "x", "Amount"),
        ("10", "bitcoin", "x", "Payment method"),
        ("10", "cash", "", "Reason"),
        ("10", "cash", "r" * 1001, "Reason"),
    ],
)
def test_bad_requests_name_the_field_and_write_nothing(
    services, clerk, delivered, amount, method, reason, field
):
    before = (rows(services, RefundRequest), audit_count(services))
    with pytest.raises(ValidationError) as caught:
        services.refunds.request(clerk, delivered.id, amount, method, reason)
    assert caught.value.field == field
    assert (rows(services, RefundRequest), audit_count(services)) == before


def test_requests_awaiting_review_count_against_what_is_refundable(services, clerk, delivered):
    services.refunds.request(clerk, delivered.id, "200", "cash", "First")
    with pytest.raises(ValidationError) as caught:
        services.refunds.request(clerk, delivered.id, "100.01", "cash", "Second")
    assert "100.00" in str(caught.value)
    order, _ = services.refunds.request(clerk, delivered.id, "100", "cash", "Second")
    assert order.refundable == 0


def test_an_open_or_cancelled_order_takes_no_refund_request(services, clerk):
    order, _ = intake(services, clerk, deposit="100.00")
    with pytest.raises(DomainError, match="cancelling the job"):
        services.refunds.request(clerk, order.id, "50", "cash", "Changed mind")
    order, _ = services.work_orders.cancel(clerk, order.id, order.version, "Customer withdrew")
    with pytest.raises(DomainError):
        services.refunds.request(clerk, order.id, "50", "cash", "Again")
    # The deposit given back by rule at cancel names who gave it back.
    assert order.payments[-1].kind is PaymentKind.REFUND
    assert order.payments[-1].approved_by == "Clerk"


def test_review_due_counts_working_days_only():
    friday = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    due = rules.add_working_days(friday, 3)
    assert due.astimezone().weekday() == 2  # Wednesday: the weekend does not count
    assert due.tzinfo is not None and (due - friday).days == 5
