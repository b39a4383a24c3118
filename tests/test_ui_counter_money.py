"""Money at the counter through the real dialogs: the hand-back says what to give back, the payment
form shows the change from cash tendered, and the detail view shows every amount in the one money
format."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import audit_count, make_actor, ui_context

from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.models import LineKind, PaymentKind, Role, WorkOrderStatus
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.printouts import ReceiptPrinter

S = WorkOrderStatus


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


@pytest.fixture
def ctx(services, clerk, tmp_path):
    return ui_context(services, clerk, tmp_path)


@pytest.fixture(autouse=True)
def previews(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        ReceiptPrinter, "show_preview", lambda self, pdf, title: shown.append(title)
    )
    return shown


def take_in(services, clerk, estimate="0", deposit="0.00"):
    order, _ = services.intake.take_in(
        clerk,
        IntakeInput(
            device=DeviceInput("phone", "Apple", "iPhone 12"),
            reported_fault="No power",
            new_customer=CustomerInput("王芳", ["138 0013 8000"]),
            estimate=estimate,
            deposit=deposit,
        ),
    )
    return order


def ready(services, clerk, tech, deposit, lines):
    order = take_in(services, clerk, deposit=deposit)
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    order, _ = services.work_orders.set_lines(tech, order.id, order.version, lines)
    return order


def detail_for(ctx, qtbot, order_id, monkeypatch):
    monkeypatch.setattr(WorkOrderDetail, "open_action", lambda self, dialog: None)
    detail = WorkOrderDetail(ctx, order_id)
    qtbot.addWidget(detail)
    return detail


def payment_cells(detail):
    table = detail.payments
    return [
        [table.item(row, column).text() for column in range(1, 4)]
        for row in range(table.rowCount())
    ]


def test_hand_back_says_how_much_to_give_back(services, clerk, tech, ctx, qtbot, monkeypatch):
    order = ready(services, clerk, tech, "33.33", [LineInput("fee", "Check", 1, "17.03")])
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    dialog = detail.open_hand_back()
    assert dialog.intro.text() == "Total 17.03, paid 33.33: nothing to collect."
    assert dialog.change.text() == "Give back 16.30 of the deposit to the customer (Cash)."
    assert dialog.change.isVisibleTo(dialog)
    assert not dialog.amount.isEnabled()  # nothing can be taken; only given back
    dialog.submit()
    assert detail.order.status is S.DELIVERED and detail.order.balance == 0
    assert payment_cells(detail)[-1] == ["Excess deposit returned", "Cash", "−16.30"]


def test_hand_back_shows_the_change_from_cash_tendered(
    services, clerk, tech, ctx, qtbot, monkeypatch
):
    order = ready(services, clerk, tech, "0", [LineInput("fee", "Repair", 1, "1005.19")])
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    dialog = detail.open_hand_back()
    assert dialog.amount.text() == "1,005.19" and not dialog.change.isVisibleTo(dialog)
    dialog.amount.setText("1100")
    assert dialog.change.text() == "Change: 94.81" and dialog.change.isVisibleTo(dialog)
    dialog.submit()
    paid = detail.order.payments[-1]
    assert (paid.amount, paid.tendered) == (Decimal("1005.19"), Decimal("1100.00"))


def test_payment_form_shows_change_live_and_books_the_balance(
    services, clerk, tech, ctx, qtbot, monkeypatch
):
    lines = [LineInput("fee", "Repair", 1, "427.10")]
    order = ready(services, clerk, tech, "100.00", lines)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    dialog = detail.open_payment()
    assert dialog.amount.text() == "327.10" and not dialog.change.isVisibleTo(dialog)
    dialog.amount.setText("377.10")
    assert dialog.change.text() == "Change: 50.00" and dialog.change.isVisibleTo(dialog)
    dialog.method.setCurrentIndex(dialog.method.findData("card"))
    assert not dialog.change.isVisibleTo(dialog)  # a card is charged exactly: no change
    before = audit_count(services)
    dialog.submit()  # ... and above the balance it is refused, naming the field
    assert dialog.error.text() == "Amount: 377.10 is more than the balance due (327.10)."
    assert audit_count(services) == before and len(detail.order.payments) == 1
    dialog.method.setCurrentIndex(dialog.method.findData("cash"))
    assert dialog.change.text() == "Change: 50.00"
    dialog.submit()
    assert detail.order.balance == 0 and detail.order.paid == Decimal("427.10")
    assert [p.kind for p in detail.order.payments] == [PaymentKind.DEPOSIT, PaymentKind.PAYMENT]
    assert payment_cells(detail)[-1] == [
        "Payment · cash tendered 377.10, change 50.00",
        "Cash",
        "327.10",
    ]


def test_a_further_deposit_before_any_bill_shows_no_change(
    services, clerk, ctx, qtbot, monkeypatch
):
    order = take_in(services, clerk, deposit="100.00")
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    dialog = detail.open_payment()
    dialog.amount.setText("300")
    assert not dialog.change.isVisibleTo(dialog)


def test_the_detail_shows_one_money_format(services, clerk, tech, tmp_path, qtbot, monkeypatch):
    order = take_in(services, clerk, estimate="1005.19")
    services.work_orders.set_lines(
        tech,
        order.id,
        order.version,
        [LineInput("part", "Screen", 1, "560"), LineInput("labour", "Fit", 30, "80")],
    )
    detail = detail_for(ui_context(services, tech, tmp_path), qtbot, order.id, monkeypatch)
    editor = detail.editor
    assert [editor.lines.item(row, 3).text() for row in range(2)] == ["560.00", "80.00"]
    assert [editor.lines.item(row, 4).text() for row in range(2)] == ["560.00", "40.00"]
    totals = editor.totals.text()
    assert "Discount" not in totals and "−0.00" not in totals and "600.00" in totals
    editor.discount.setText("20")
    assert "−20.00" in editor.totals.text()
    editor.discount.setText("0.00")
    assert "1,005.19" in detail.job_text.text() and "1005.19" not in detail.job_text.text()
    row = editor.add_line(LineKind.FEE, "Cleaning", "1", "1250")
    assert editor.lines.item(row, 3).text() == "1,250.00"
    detail.save_lines()  # the shown price is read back by the core's rule
    assert editor.lines_error.text() == ""
    assert services.work_orders.get(tech, order.id).lines[row].unit_price == Decimal("1250.00")
