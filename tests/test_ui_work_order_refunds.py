"""Refunds after hand-back and the outlet picker, through the real widgets with the inline runner."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import make_actor, ui_context
from test_ui_work_orders import detail_for, take_in

from outletdesk.core.auth import Actor
from outletdesk.core.customers import CustomerInput
from outletdesk.core.outlets import OutletInput
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import RefundStatus, Role, WorkOrderStatus
from outletdesk.ui.work_orders.page import WorkOrdersPage

S = WorkOrderStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def delivered(services, clerk):
    order = take_in(services, clerk, deposit="0")
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("fee", "Board repair", 1, "300.00")]
    )
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.READY)
    order, _ = services.work_orders.hand_back(
        clerk, order.id, order.version, "王芳", payment="300.00"
    )
    return order


def page_for(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    widget = WorkOrdersPage(ctx)
    qtbot.addWidget(widget)
    return widget


def test_clerk_asks_manager_approves_from_the_review_list(
    services, clerk, manager, delivered, tmp_path, qtbot, monkeypatch
):
    clerk_ctx = ui_context(services, clerk, tmp_path)
    detail = detail_for(clerk_ctx, qtbot, delivered.id, monkeypatch)
    panel = detail.refunds
    assert panel.request_button.isEnabled()
    assert panel.approve_button.isHidden()  # a clerk asks; only a manager decides
    dialog = panel.open_request()
    assert "300.00" in dialog.intro.text() and "3 working days" in dialog.intro.text()
    dialog.amount.setText("500")
    dialog.reason.setPlainText("Speaker still crackles")
    dialog.submit()
    assert dialog.error.text().startswith("Amount:") and "border" in dialog.amount.styleSheet()
    assert services.work_orders.get(clerk, delivered.id).refunds == ()
    dialog.amount.setText("80")
    dialog.submit()
    assert [r.status for r in detail.order.refunds] == [RefundStatus.PENDING]
    assert panel.table.rowCount() == 1 and "Awaiting review" in panel.table.item(0, 3).text()

    manager_ctx = ui_context(services, manager, tmp_path)
    page = page_for(manager_ctx, qtbot, monkeypatch)
    assert not page.refunds_button.isHidden()
    assert "(1)" in page.refunds_button.text()
    review = page.open_refunds()
    assert review.table.rowCount() == 1 and review.table.item(0, 0).text() == delivered.number
    review.open_selected()
    assert page.detail is not None and page.detail.order_id == delivered.id

    manager_detail = detail_for(manager_ctx, qtbot, delivered.id, monkeypatch)
    decide = manager_detail.refunds.open_decision(approve=True)
    assert decide is not None and "Speaker still crackles" in decide.intro.text()
    decide.submit()
    order = manager_detail.order
    assert order.refunds[0].status is RefundStatus.APPROVED
    assert order.refunded == Decimal("80.00") and order.balance == 0
    totals = manager_detail.editor.totals.text()
    assert "Refunded after hand-back" in totals and "<b>0.00</b>" in totals
    last = manager_detail.payments.rowCount() - 1
    assert manager_detail.payments.item(last, 1).text() == "Refund"
    assert "approved by Boss" in manager_detail.payments.item(last, 4).text()
    assert not manager_detail.refunds.approve_button.isEnabled()
    assert review.table.rowCount() == 0  # the open review list heard of the decision
    assert "No refund request" in review.empty.text()
    page.refresh_follow_ups()
    assert "(1)" not in page.refunds_button.text()


def test_manager_declines_with_a_reason_the_customer_is_told(
    services, clerk, manager, delivered, tmp_path, qtbot, monkeypatch
):
    services.refunds.request(clerk, delivered.id, "300", "cash", "Wants everything back")
    detail = detail_for(ui_context(services, manager, tmp_path), qtbot, delivered.id, monkeypatch)
    decide = detail.refunds.open_decision(approve=False)
    decide.submit()  # a decline needs the reason the customer will hear
    assert decide.error.text().startswith("Reason:")
    decide.note.setPlainText("Repair done as quoted; the 90-day repair warranty covers it")
    decide.submit()
    assert detail.order.refunds[0].status is RefundStatus.REJECTED
    assert detail.order.paid == Decimal("300.00")
    history = [detail.history.item(r, 2).text() for r in range(detail.history.rowCount())]
    assert "Refund declined" in history


def test_a_manager_cannot_approve_their_own_request(
    services, manager, delivered, tmp_path, qtbot, monkeypatch
):
    services.refunds.request(manager, delivered.id, "30", "cash", "Goodwill")
    detail = detail_for(ui_context(services, manager, tmp_path), qtbot, delivered.id, monkeypatch)
    assert not detail.refunds.approve_button.isEnabled()
    assert "another manager" in detail.refunds.approve_button.toolTip()
    assert detail.refunds.reject_button.isEnabled()
    assert detail.refunds.open_decision(approve=True) is None


def test_the_outlet_picker_shows_another_outlets_orders(
    services, clerk, tmp_path, qtbot, monkeypatch, outlet
):
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202", "TAX-2")
    )
    south_clerk = make_actor(services, south.id, Role.CLERK, "southclerk")
    take_in(services, clerk)
    take_in(services, south_clerk, new_customer=CustomerInput("李雷", ["139 0000 0000"]))
    page = page_for(ui_context(services, clerk, tmp_path), qtbot, monkeypatch)
    assert page.outlet.currentData() == outlet.id  # the signed-in outlet first
    assert [page.model.row(r).number for r in range(page.model.rowCount())] == ["N-000001"]
    page.outlet.setCurrentIndex(page.outlet.findData(south.id))
    assert [page.model.row(r).number for r in range(page.model.rowCount())] == ["S-000001"]
    page.outlet.setCurrentIndex(page.outlet.findData(None))
    assert page.model.rowCount() == 2
    assert "S – South 南店" in [page.outlet.itemText(i) for i in range(page.outlet.count())]
