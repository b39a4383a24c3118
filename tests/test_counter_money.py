"""Money going back across the counter: the deposit above the bill at hand-back and the change
from cash tendered above the balance are change, not refunds; a deposit above the estimate is
a question, not a refusal. Services on a real database, receipts read back from the PDF."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor, needs_poppler
from sqlalchemy import func, select
from test_printouts import pdf_text

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import ValidationError
from outletdesk.core.work_orders import receipts, rules
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.models import AuditEntry, Payment, PaymentKind, PaymentMethod, Role, WorkOrderStatus

S = WorkOrderStatus


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


def ready(services, clerk, tech, deposit: str, fee: str, deposit_method: str = "cash"):
    """An order taken in with `deposit`, priced at one fee of `fee`, ready for pickup."""
    order, _ = services.intake.take_in(
        clerk,
        IntakeInput(
            device=DeviceInput("phone", "Apple", "iPhone 12"),
            reported_fault="No power",
            new_customer=CustomerInput("王芳", ["138 0013 8000"]),
            estimate="0",
            deposit=deposit,
            deposit_method=deposit_method,
        ),
    )
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("fee", "Repair", 1, fee)]
    )
    return order


def payment_rows(services, order_id):
    with services.db.read() as s:
        return s.scalar(
            select(func.count()).select_from(Payment).where(Payment.work_order_id == order_id)
        )


def last_audit(services, action):
    with services.db.read() as s:
        entry = s.scalar(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id.desc())
        )
        assert entry is not None, action
        return json.loads(entry.after)


# ---------------------------------------------------------------- the rules


def test_cash_above_the_balance_is_tendered_other_methods_are_not():
    d = Decimal
    assert rules.tender(d("327.10"), d("377.10"), cash=True) == rules.Tender(d("327.10"), d("50"))
    assert rules.tender(d("327.10"), d("100"), cash=False) == rules.Tender(d("100"), d("0"))
    assert rules.tender(d("327.10"), d("327.10"), cash=False) == rules.Tender(d("327.10"), d(0))
    assert rules.tender(d("327.10"), d("377.10"), cash=False) is None
    assert rules.tender(d("0.00"), d("5"), cash=True) is None  # nothing due: nothing to take
    assert rules.tender(d("-16.30"), d("0"), cash=True) == rules.Tender(d("0"), d("0"))
    assert rules.give_back(d("17.03"), d("33.33")) == d("16.30")
    assert rules.give_back(d("17.03"), d("10")) == 0


def test_the_tendered_note_reads_back():
    assert rules.tendered_in(rules.tendered_note(Decimal("377.10"))) == Decimal("377.10")
    note = rules.tendered_note(Decimal("377.10"), "paid by the son " * 30)
    assert len(note) == 200 and rules.tendered_in(note) == Decimal("377.10")
    assert rules.tendered_in("") is None and rules.tendered_in("cash tendered lots") is None
    assert rules.tendered_in("customer said cash tendered 5") is None


def test_a_deposit_above_a_given_estimate_is_to_be_asked_about():
    d = Decimal
    assert rules.deposit_above_estimate(d("100"), d("500"))
    assert not rules.deposit_above_estimate(d("100"), d("100"))
    assert not rules.deposit_above_estimate(d("0"), d("500"))  # no estimate: nothing to compare


# ---------------------------------------------------------------- the services


def test_the_deposit_above_the_bill_goes_back_as_change_at_hand_back(services, clerk, tech):
    order = ready(services, clerk, tech, deposit="33.33", fee="17.03")
    assert order.balance == Decimal("-16.30")
    before = audit_count(services)
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "王芳")
    back = order.payments[-1]
    assert (back.kind, back.amount, back.approved_by, back.goes_back) == (
        PaymentKind.CHANGE,
        Decimal("16.30"),
        "",  # no refund, so nobody "approved" it
        True,
    )
    assert (order.paid, order.balance, order.refunded) == (Decimal("17.03"), 0, 0)
    assert order.refundable == Decimal("17.03")  # a refund later is of the charged work only
    assert audit_count(services) > before
    assert last_audit(services, "hand_back_money")["excess_returned"] == "16.30"


def test_the_deposit_goes_back_the_way_it_was_paid(services, clerk, tech):
    """A deposit by card above the bill goes back to the card, whatever the hand-back dialog's
    method (a cash-up of the till would otherwise come out short)."""
    order = ready(services, clerk, tech, deposit="100.00", fee="60.00", deposit_method="card")
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "王芳", method="cash")
    back = order.payments[-1]
    assert (back.kind, back.method, back.amount) == (
        PaymentKind.CHANGE,
        PaymentMethod.CARD,
        Decimal("40.00"),
    )


def test_payments_above_a_repriced_bill_go_back_as_a_refund_not_as_change(services, clerk, tech):
    """Only the deposit's part of what goes back is change; what was paid for charged work
    above the bill (re-priced after payment) is a refund, naming who gave it back."""
    order = ready(services, clerk, tech, deposit="20.00", fee="100.00")
    order, _ = services.work_orders.add_payment(clerk, order.id, "80.00", "card")
    order, _ = services.work_orders.set_lines(
        tech, order.id, order.version, [LineInput("fee", "Repair", 1, "50.00")]
    )
    order, _ = services.work_orders.hand_back(clerk, order.id, order.version, "王芳", method="card")
    change, refund = order.payments[-2:]
    assert (change.kind, change.method, change.amount, change.approved_by) == (
        PaymentKind.CHANGE,
        PaymentMethod.CASH,
        Decimal("20.00"),
        "",
    )
    assert (refund.kind, refund.method, refund.amount) == (
        PaymentKind.REFUND,
        PaymentMethod.CARD,
        Decimal("30.00"),
    )
    assert refund.approved_by  # the clerk who gave it back
    assert (order.paid, order.balance) == (Decimal("50.00"), 0)
    audit = last_audit(services, "hand_back_money")
    assert (audit["deposit_returned"], audit["refunded"]) == ("20.00", "30.00")


def test_cash_over_the_balance_books_the_balance_and_records_the_tendered(services, clerk, tech):
    order = ready(services, clerk, tech, deposit="100.00", fee="427.10")
    assert order.balance == Decimal("327.10")
    order, _ = services.work_orders.add_payment(clerk, order.id, "377.10", "cash")
    paid = order.payments[-1]
    assert (paid.kind, paid.amount, paid.tendered, paid.change) == (
        PaymentKind.PAYMENT,
        Decimal("327.10"),
        Decimal("377.10"),
        Decimal("50.00"),
    )
    assert order.balance == 0 and not any(p.kind is PaymentKind.REFUND for p in order.payments)
    assert last_audit(services, "payment") == {
        "amount": "327.10",
        "change": "50.00",
        "kind": "payment",
        "method": "cash",
        "tendered": "377.10",
    }


@pytest.mark.parametrize("method", ["card", "transfer", "other"])
def test_other_methods_over_the_balance_stay_refused(services, clerk, tech, method):
    order = ready(services, clerk, tech, deposit="100.00", fee="427.10")
    rows, audits = payment_rows(services, order.id), audit_count(services)
    with pytest.raises(ValidationError, match="more than the balance due") as refused:
        services.work_orders.add_payment(clerk, order.id, "377.10", method)
    assert refused.value.field == "Amount"
    assert (payment_rows(services, order.id), audit_count(services)) == (rows, audits)


def test_cash_tendered_at_hand_back_and_nothing_taken_when_nothing_is_due(services, clerk, tech):
    order = ready(services, clerk, tech, deposit="50.00", fee="100.00")
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment="70", method="cash"
    )
    assert [(p.kind, p.amount, p.tendered) for p in order.payments] == [
        (PaymentKind.DEPOSIT, Decimal("50.00"), None),
        (PaymentKind.PAYMENT, Decimal("50.00"), Decimal("70.00")),
    ]
    assert order.balance == 0 and last_audit(services, "hand_back_money")["change"] == "20.00"

    paid_up = ready(services, clerk, tech, deposit="50.00", fee="20.00")
    with pytest.raises(ValidationError, match=r"more than the balance due \(0.00\)"):
        services.work_orders.hand_back(clerk, paid_up.id, paid_up.version, "X", payment="5")
    assert services.work_orders.get(clerk, paid_up.id).status is S.READY
    assert payment_rows(services, paid_up.id) == 1


@needs_poppler
@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_the_receipt_shows_change_not_a_refund(services, clerk, tech, paper, tmp_path):
    over = ready(services, clerk, tech, deposit="33.33", fee="17.03")
    services.work_orders.hand_back(clerk, over.id, over.version, "王芳")
    text = pdf_text(receipts.receipt_pdf(services, clerk, over.id, "handback", paper), tmp_path)
    assert "Excess deposit returned (cash)" in text and "-16.30" in text
    assert "Refund" not in text and "approved by" not in text

    cash = ready(services, clerk, tech, deposit="100.00", fee="427.10")
    cash, _ = services.work_orders.add_payment(clerk, cash.id, "377.10", "cash")
    services.work_orders.hand_back(clerk, cash.id, cash.version, "王芳")
    text = pdf_text(receipts.receipt_pdf(services, clerk, cash.id, "handback", paper), tmp_path)
    assert "cash tendered 377.10, change 50.00" in text and "327.10" in text
    assert "Refund" not in text and "-50.00" not in text


def test_a_card_payment_whose_note_reads_like_cash_tendered_shows_no_change(services, clerk, tech):
    """Only a cash payment's note is read for the cash tendered (rules.tendered_note)."""
    order = ready(services, clerk, tech, deposit="0.00", fee="100.00")
    order, _ = services.work_orders.add_payment(
        clerk, order.id, "10.00", "card", note="cash tendered 500"
    )
    (payment,) = [p for p in order.payments if p.kind is PaymentKind.PAYMENT]
    assert payment.tendered is None and payment.change == 0
