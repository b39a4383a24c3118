"""Counter / Work orders: intake, the detail view's steps and money, scanning, list filters;
real widgets driven by qtbot on a real database, with the inline runner."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import audit_count, make_actor, ui_context
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from outletdesk.core.customers import CustomerInput
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput
from outletdesk.core.work_orders.queries import SortKey, WorkOrderQueries
from outletdesk.models import LineKind, Role, WorkOrder, WorkOrderStatus
from outletdesk.ui.context import AppContext, ChangeBus
from outletdesk.ui.tasks import TaskRunner
from outletdesk.ui.work_orders.detail import WorkOrderDetail
from outletdesk.ui.work_orders.intake_dialog import IntakeDialog
from outletdesk.ui.work_orders.list_model import COLUMNS
from outletdesk.ui.work_orders.page import WorkOrdersPage, looks_like_order_number
from outletdesk.ui.work_orders.printouts import ReceiptPrinter

S = WorkOrderStatus
IMEI = "490154203237518"


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


@pytest.fixture
def ctx(services, clerk, tmp_path):
    return ui_context(services, clerk, tmp_path)


@pytest.fixture
def previews(monkeypatch):
    """Receipts are rendered for real; the preview window is replaced by a list of what it got."""
    shown: list[tuple[str, bytes]] = []
    monkeypatch.setattr(
        ReceiptPrinter, "show_preview", lambda self, pdf, title: shown.append((title, pdf))
    )
    return shown


@pytest.fixture
def page(ctx, qtbot, monkeypatch):
    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    widget = WorkOrdersPage(ctx)
    qtbot.addWidget(widget)
    return widget


def take_in(services, actor, **changes):
    data = {
        "device": DeviceInput("phone", "Apple", "iPhone 12", serial="F2LXK0ABC", imei=IMEI),
        "reported_fault": "Screen cracked",
        "new_customer": CustomerInput("王芳", ["138 0013 8000"]),
        "estimate": "650.00",
        "deposit": "100.00",
    } | changes
    order, _ = services.intake.take_in(actor, IntakeInput(**data))
    return order


def order_count(services):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(WorkOrder))


def detail_for(ctx, qtbot, order_id, monkeypatch):
    monkeypatch.setattr(WorkOrderDetail, "open_action", lambda self, dialog: None)
    detail = WorkOrderDetail(ctx, order_id)
    qtbot.addWidget(detail)
    return detail


# ---------------------------------------------------------------- intake


def test_keyboard_intake_of_a_new_customer(ctx, qtbot, services, previews):
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # shortcuts (Ctrl+Enter saves) work in the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.search, "Maria Lopez")
    dialog.run_customer_search()  # nobody: the typed name becomes the new customer's name
    assert dialog.results.count() == 0
    assert dialog.new_name.text() == "Maria Lopez"
    qtbot.keyClicks(dialog.new_phone, "0612345678")
    assert dialog.device_type.count() >= 1 and dialog.device_type.currentData() == "phone"
    qtbot.keyClicks(dialog.brand, "Apple")
    qtbot.keyClicks(dialog.model, "iPhone 12")
    qtbot.keyClicks(dialog.imei, IMEI)
    dialog.run_device_lookup()
    assert dialog.seen_before.isHidden()
    assert "No warranty" in dialog.warranty_label.text()
    qtbot.keyClicks(dialog.fault, "Screen cracked")
    dialog.checklist[0][1].setChecked(True)
    qtbot.keyClicks(dialog.checklist[1][2], "scratch on the back")
    qtbot.keyClicks(dialog.passcode, "1234")
    assert dialog.passcode.echoMode() == dialog.passcode.EchoMode.Password
    qtbot.keyClicks(dialog.deposit, "50")
    dialog.urgent.setChecked(True)
    dialog.print_label.setChecked(True)
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.fault, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order = saved.args[0]
    assert order.number == "N-000001" and order.customer_name == "Maria Lopez"
    assert order.priority == "urgent" and order.has_passcode
    assert order.deposit == Decimal("50.00")
    assert order.condition == (
        ("屏幕完好 Screen intact", True, ""),
        ("外壳无凹痕 Housing without dents", False, "scratch on the back"),
    )
    assert not dialog.isVisible()


def test_intake_from_the_page_prints_receipt_and_label(page, qtbot, previews, services):
    page.open_dialog = lambda dialog: None
    dialog = page.new_intake()
    qtbot.addWidget(dialog)
    dialog.new_name.setText("李娜")  # QTest cannot type Chinese
    dialog.new_phone.setText("13800138000")
    dialog.brand.setText("Huawei")
    dialog.fault.setPlainText("No sound")
    dialog.print_intake.setChecked(True)
    dialog.print_label.setChecked(True)
    dialog.submit()
    assert [title for title, _ in previews] == [
        "Intake receipt N-000001",
        "Device label N-000001",
    ]
    assert all(pdf.startswith(b"%PDF") for _, pdf in previews)
    assert page.model.rowCount() == 1  # the list heard about it through the bus


def test_returning_customer_with_a_device_seen_before_is_a_rework(
    ctx, qtbot, services, clerk, tech, previews
):
    first = take_in(services, clerk, deposit="0")
    for step in (S.IN_REPAIR, S.READY):
        first, _ = services.work_orders.move(tech, first.id, first.version, step)
    services.work_orders.hand_back(clerk, first.id, first.version, "王芳")

    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "13800")
    dialog.run_customer_search()
    assert dialog.results.count() == 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.customer is not None and dialog.customer.name == "王芳"
    assert dialog.new_customer.isHidden()
    assert dialog.past_devices.count() == 1
    assert "N-000001" in dialog.past_orders.text()
    # clicking the past device fills the device fields, and the lookup recognises it
    dialog._past_device_chosen(dialog.past_devices.item(0))
    assert (dialog.brand.text(), dialog.imei.text()) == ("Apple", IMEI)
    dialog.run_device_lookup()
    assert dialog.seen_before.isVisibleTo(dialog)
    assert "Seen before" in dialog.seen_before.text() and "N-000001" in dialog.seen_before.text()
    assert dialog.warranty_label.text().startswith(
        "Rework: back within repair warranty of N-000001"
    )
    dialog.fault.setPlainText("Screen flickers again")
    dialog.print_intake.setChecked(False)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.submit()
    order = saved.args[0]
    assert order.is_rework and order.customer_id == first.customer_id
    assert order.device.id == first.device.id


def test_field_errors_are_highlighted_and_nothing_is_written(ctx, qtbot, services):
    before = (order_count(services), audit_count(services))
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_name.setText("Maria Lopez")
    dialog.new_phone.setText("0612345678")
    dialog.fault.setPlainText("Screen cracked")
    dialog.imei.setText("490154203237519")  # wrong check digit
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text().startswith("IMEI:")
    assert "border" in dialog.imei.styleSheet()
    assert dialog.isVisible() and dialog.save_button.isEnabled()

    dialog.imei.clear()
    dialog.fault.setPlainText("")
    dialog.submit()
    assert dialog.error.text().startswith("Reported fault:")
    assert "border" in dialog.fault.styleSheet() and dialog.imei.styleSheet() == ""

    dialog.fault.setPlainText("Screen cracked")
    dialog.new_phone.setText("call me")
    dialog.submit()
    assert dialog.error.text().startswith("Phone:")
    assert "border" in dialog.new_phone.styleSheet()
    assert (order_count(services), audit_count(services)) == before


# ---------------------------------------------------------------- detail


def test_moving_through_statuses_from_the_detail_view(
    services, tech, clerk, tmp_path, qtbot, monkeypatch
):
    order = take_in(services, clerk)
    ctx = ui_context(services, tech, tmp_path)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    assert "N-000001" in detail.header.text() and "Received" in detail.header.text()
    assert "1234" not in detail.job_text.text()
    assert set(detail.step_buttons) == {
        S.DIAGNOSING,
        S.AWAITING_APPROVAL,
        S.AWAITING_PARTS,
        S.IN_REPAIR,
    }
    assert not detail.hand_back_button.isEnabled() and detail.cancel_button.isEnabled()
    detail.step_buttons[S.DIAGNOSING].click()
    assert detail.order.status is S.DIAGNOSING
    qtbot.keyClicks(detail.step_note, "Quote sent: 560 + labour")
    detail.step_buttons[S.AWAITING_APPROVAL].click()
    assert detail.order.status is S.AWAITING_APPROVAL and detail.step_note.text() == ""
    assert any("Quote sent" in e.text for e in detail.order.events)
    detail.move_to(S.IN_REPAIR)
    detail.move_to(S.READY)
    assert set(detail.step_buttons) == {S.IN_REPAIR}
    assert detail.hand_back_button.isEnabled() and not detail.cancel_button.isEnabled()
    history = [detail.history.item(r, 2).text() for r in range(detail.history.rowCount())]
    assert history[-1] == "In repair → Ready for pickup"

    # a colleague moved it meanwhile: the stale step is refused and the order reloaded
    fresh = services.work_orders.get(clerk, order.id)
    services.work_orders.move(clerk, order.id, fresh.version, S.IN_REPAIR, "not yet")
    detail.step_buttons[S.IN_REPAIR].click()
    assert detail.banner.isVisibleTo(detail) and "reloaded" in detail.banner.text()
    assert detail.order.status is S.IN_REPAIR


def test_notes_internal_and_for_the_customer(services, clerk, ctx, qtbot, monkeypatch):
    order = take_in(services, clerk)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    qtbot.keyClicks(detail.note, "Customer wants a call first")
    qtbot.keyClick(detail.note, Qt.Key.Key_Return)
    detail.note_internal.setChecked(False)
    detail.note.setText("Ready on Friday")
    detail.add_note()
    kinds = [(e.kind, e.text) for e in detail.order.events[-2:]]
    assert kinds == [
        ("internal_note", "Customer wants a call first"),
        ("customer_note", "Ready on Friday"),
    ]
    assert detail.note.text() == ""


def test_lines_and_totals(services, clerk, tech, tmp_path, qtbot, monkeypatch):
    order = take_in(services, clerk)
    ctx = ui_context(services, tech, tmp_path)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    row = detail.editor.add_line(LineKind.PART, "Screen assembly", "1", "560.00")
    detail.editor.lines.item(row, 1).setText("Screen assembly 屏幕总成")
    detail.editor.add_line(LineKind.LABOUR, "Replace screen", "45", "80")
    detail.editor.add_line(LineKind.FEE, "Cleaning", "1", "10")
    assert detail.editor.lines.item(1, 4).text() == "60.00"
    detail.editor.discount.setText("20")
    assert "610.00" in detail.editor.totals.text()  # live preview before saving
    detail.save_lines()  # a discount needs a reason
    saved = services.work_orders.get(clerk, order.id)
    assert saved.lines == ()
    assert detail.editor.lines_error.text().startswith("Discount reason:")
    assert "border" in detail.editor.discount_reason.styleSheet()
    detail.editor.discount_reason.setText("Loyal customer")
    detail.save_lines()
    saved = services.work_orders.get(clerk, order.id)
    assert [line.amount for line in saved.lines] == [
        Decimal("560.00"),
        Decimal("60.00"),
        Decimal("10.00"),
    ]
    assert (saved.total, saved.paid, saved.balance) == (
        Decimal("610.00"),
        Decimal("100.00"),
        Decimal("510.00"),
    )
    assert "510.00" in detail.editor.totals.text()
    detail.editor.lines.setCurrentCell(2, 1)
    detail.editor.remove_line()
    detail.save_lines()
    assert services.work_orders.get(clerk, order.id).total == Decimal("600.00")


def test_payment_and_hand_back(services, clerk, tech, ctx, qtbot, monkeypatch, previews):
    order = take_in(services, clerk)
    services.work_orders.set_lines(
        tech, order.id, order.version, [*_lines()], discount="0", discount_reason=""
    )
    for step in (S.IN_REPAIR, S.READY):
        order = services.work_orders.get(tech, order.id)
        services.work_orders.move(tech, order.id, order.version, step)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    payment = detail.open_payment()
    assert payment.amount.text() == "100.00"  # the balance (200 less the deposit), prefilled
    payment.amount.setText("50")
    payment.method.setCurrentIndex(payment.method.findData("card"))
    payment.submit()
    assert detail.order.paid == Decimal("150.00")
    assert detail.payments.rowCount() == 2

    hand_back = detail.open_hand_back()
    assert hand_back.amount.text() == "50.00" and hand_back.collected_by.text() == "王芳"
    hand_back.amount.setText("20")
    hand_back.submit()  # 30 would still be due: refused in the form, nothing saved
    assert hand_back.error.text() and "still due" in hand_back.error.text()
    assert services.work_orders.get(clerk, order.id).status is S.READY
    hand_back.amount.setText("50.00")
    hand_back.submit()
    assert detail.order.status is S.DELIVERED and detail.order.balance == 0
    assert [title for title, _ in previews] == ["Hand-back receipt N-000001"]
    assert not detail.step_buttons and detail.follow_up_button.isEnabled()


def _lines():
    from outletdesk.core.work_orders.dto import LineInput

    yield LineInput("part", "Battery", 1, "150.00")
    yield LineInput("labour", "Replace battery", 30, "100.00")


def test_cancel_refunds_the_deposit(services, clerk, ctx, qtbot, monkeypatch):
    order = take_in(services, clerk)
    detail = detail_for(ctx, qtbot, order.id, monkeypatch)
    cancel = detail.open_cancel()
    assert "100.00" in cancel.intro.text()
    cancel.submit()  # no reason given
    assert cancel.error.text().startswith("Reason:") and "border" in cancel.reason.styleSheet()
    cancel.reason.setPlainText("Customer found it too expensive")
    cancel.method.setCurrentIndex(cancel.method.findData("transfer"))
    cancel.submit()
    assert detail.order.status is S.CANCELLED and detail.order.paid == 0
    assert detail.refunds.isHidden()  # refund requests are for handed-back orders
    assert detail.payments.item(1, 1).text() == "Refund"
    assert not detail.cancel_button.isEnabled() and not detail.step_buttons


def test_follow_up_after_delivery(services, clerk, tech, outlet, tmp_path, qtbot, monkeypatch):
    order = take_in(services, clerk, deposit="0")
    for step in (S.IN_REPAIR, S.READY):
        order, _ = services.work_orders.move(tech, order.id, order.version, step)
    services.work_orders.hand_back(clerk, order.id, order.version, "王芳")
    manager = make_actor(services, outlet.id, Role.MANAGER)
    ctx = ui_context(services, manager, tmp_path)
    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    page = WorkOrdersPage(ctx)
    qtbot.addWidget(page)
    assert page.follow_ups.count() == 1 and "N-000001" in page.follow_ups.item(0).text()
    assert page.flagged.isVisibleTo(page) and page.flagged.count() == 0
    page._task_chosen(page.follow_ups.item(0))
    monkeypatch.setattr(WorkOrderDetail, "open_action", lambda self, dialog: None)
    detail = page.detail
    follow_up = detail.open_follow_up()
    follow_up.scores["Service attitude"].setValue(5)
    follow_up.submit()  # efficiency etc. not given
    assert follow_up.error.text().startswith("Efficiency:")
    for field, score in (("Efficiency", 2), ("Problem solved", 4), ("Overall", 3)):
        follow_up.scores[field].setValue(score)
    follow_up.comment.setPlainText("Took too long")
    follow_up.submit()
    assert detail.order.follow_up.flagged and not detail.follow_up_button.isEnabled()
    assert page.follow_ups.count() == 0  # the page heard about it through the bus
    assert page.flagged.count() == 1 and "overall 3" in page.flagged.item(0).text()


# ---------------------------------------------------------------- page


def test_a_scan_opens_the_order(page, services, clerk):
    order = take_in(services, clerk)
    assert looks_like_order_number("N-000001") and not looks_like_order_number("13800138000")
    assert page.handle_scan("n-000001")
    assert page.detail is not None and page.detail.order.id == order.id
    assert not page.handle_scan("N-999999")  # the window falls back to the customer search


def test_a_scan_in_the_main_window_opens_the_order(services, clerk, tmp_path, qtbot, monkeypatch):
    from outletdesk.ui.main_window import MainWindow

    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    take_in(services, clerk)
    window = MainWindow(ui_context(services, clerk, tmp_path), "North")
    qtbot.addWidget(window)
    window.show_page(5)
    window.handle_scan("N-000001")
    assert window.pages.currentWidget() is window.work_orders
    assert window.work_orders.detail.order.number == "N-000001"
    window.handle_scan("N-000077")
    assert window.pages.currentWidget() is window.customers
    assert window.customers.search.text() == "N-000077"


def test_opening_the_page_reads_the_list_once_newest_first(
    ctx, qtbot, services, clerk, monkeypatch
):
    take_in(services, clerk)
    take_in(services, clerk, new_customer=CustomerInput("Maria Lopez", ["0612345678"]))
    reads = []
    original = WorkOrderQueries.count
    monkeypatch.setattr(
        WorkOrderQueries, "count", lambda self, *a, **k: reads.append(1) or original(self, *a, **k)
    )
    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    widget = WorkOrdersPage(ctx)
    qtbot.addWidget(widget)
    assert reads == [1]  # the view's own sort on setModel and the first filter: one read
    assert [widget.model.row(r).number for r in range(2)] == ["N-000002", "N-000001"]
    header = widget.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMNS.index(SortKey.RECEIVED)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_page_filters_and_search(tech, page, services, clerk, qtbot):
    first = take_in(services, clerk, technician_id=tech.user_id)
    take_in(
        services,
        clerk,
        device=DeviceInput("laptop", "Lenovo", "ThinkPad X1", serial="PF12345"),
        new_customer=CustomerInput("Maria Lopez", ["0612345678"]),
        priority="urgent",
    )
    services.work_orders.move(tech, first.id, first.version, S.IN_REPAIR)
    services.work_orders.add_note(clerk, first.id, "x", internal=True)
    page.refresh(type("C", (), {"work_orders": True, "database": False})())
    assert page.model.rowCount() == 2 and "2 work orders" in page.count_label.text()

    qtbot.keyClicks(page.search, "thinkpad")  # debounced search as you type
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row(0).customer_name == "Maria Lopez"
    page.search.setText("0612345678")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.search.clear()
    page.apply_filter()

    page.status.setCurrentIndex(page.status.findData("in_repair"))
    assert page.model.rowCount() == 1 and page.model.row(0).number == "N-000001"
    page.status.setCurrentIndex(page.status.findData("open"))
    page.technician.setCurrentIndex(page.technician.findData(tech.user_id))
    assert [page.model.row(r).number for r in range(page.model.rowCount())] == ["N-000001"]
    page.technician.setCurrentIndex(0)
    page.overdue.setChecked(True)
    assert page.model.rowCount() == 0  # nothing is late yet
    page.overdue.setChecked(False)
    page.due_today.setChecked(True)
    assert page.model.filter.due_today
    page.due_today.setChecked(False)
    from PySide6.QtCore import QDate

    page.date_from.setDate(QDate.currentDate().addDays(1))
    assert page.model.rowCount() == 0
    page.date_from.setDate(QDate(2000, 1, 1))
    assert page.model.filter.received_from is None and page.model.rowCount() == 2

    # Enter with one match opens it
    page.search.setText("N-000002")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.detail is not None and page.detail.order_id == page.model.row(0).id


def test_export_to_excel_uses_the_page_filter(page, services, clerk, tmp_path, monkeypatch):
    import openpyxl

    take_in(services, clerk)
    target = tmp_path / "orders.xlsx"
    told: list[str] = []
    monkeypatch.setattr(page, "ask_export_path", lambda: str(target))
    monkeypatch.setattr(page, "inform", told.append)
    admin = make_actor(services, clerk.outlet_id, Role.MANAGER, "boss")
    page._ctx.actor = admin
    page.export()
    assert told and "1 work orders" in told[0]
    book = openpyxl.load_workbook(target)
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "N-000001" in values


def test_unsaved_lines_stop_the_next_step_and_the_passcode_is_masked(
    services, outlet, tmp_path, qtbot
):
    """From the user test: lines typed but not saved vanished when the status changed."""
    from conftest import make_actor

    from outletdesk.core.customers import CustomerInput
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput
    from outletdesk.models import LineKind, Role, WorkOrderStatus
    from outletdesk.ui.work_orders.detail import WorkOrderDetail

    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech2")
    order, _ = services.intake.take_in(
        tech,
        IntakeInput(
            DeviceInput("phone"),
            "No sound",
            new_customer=CustomerInput("Lars Jensen", ["0612345678"]),
            passcode="2580",
        ),
    )
    order, _ = services.work_orders.move(tech, order.id, order.version, WorkOrderStatus.IN_REPAIR)
    ctx = AppContext(
        services,
        tech,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    detail = WorkOrderDetail(ctx, order.id)
    qtbot.addWidget(detail)
    assert "2580" not in detail.job_text.text() and "••••••" in detail.job_text.text()
    detail.toggle_passcode()
    assert "2580" in detail.job_text.text()
    detail.editor.add_line(LineKind.PART, "Speaker", "1", "45")
    assert detail.editor.lines_unsaved()
    detail.move_to(WorkOrderStatus.READY)
    assert services.work_orders.get(tech, order.id).status is WorkOrderStatus.IN_REPAIR
    assert "not saved" in detail.banner.text()
    detail.save_lines()
    assert not detail.editor.lines_unsaved()
    detail.move_to(WorkOrderStatus.READY)
    fresh = services.work_orders.get(tech, order.id)
    assert fresh.status is WorkOrderStatus.READY and fresh.total == Decimal("45.00")
    # from "ready" only "in repair" is a step, and it keeps its own key, Alt+4
    assert detail.step_buttons[WorkOrderStatus.IN_REPAIR].text().startswith("&4 ")


def test_enter_on_a_pick_list_picks_and_never_saves_the_intake(
    services, clerk, tmp_path, qtbot, monkeypatch
):
    """From the user test: Return on the customer list also pressed Save."""
    from PySide6.QtCore import Qt

    from outletdesk.core.customers import CustomerInput
    from outletdesk.ui.work_orders.intake_dialog import IntakeDialog

    services.customers.create(clerk, CustomerInput("Maria Lopez", ["0612345678"]))
    ctx = AppContext(
        services,
        clerk,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    calls = []
    monkeypatch.setattr(IntakeDialog, "submit", lambda self: calls.append("submit"))
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setText("maria")
    dialog.run_customer_search()
    dialog.results.setFocus()
    dialog.results.setCurrentRow(0)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert calls == []
    assert dialog.customer is not None and dialog.customer.name == "Maria Lopez"  # picked


def test_the_judgement_dialog_changes_the_warranty_with_a_reason(services, clerk, tmp_path, qtbot):
    from datetime import timedelta

    from outletdesk.core.customers import CustomerInput
    from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
    from outletdesk.models import Warranty, utcnow
    from outletdesk.ui.work_orders.actions import JudgementDialog

    bought = (utcnow().astimezone().date() - timedelta(days=10)).isoformat()
    order, _ = services.intake.take_in(
        clerk,
        IntakeInput(
            DeviceInput("phone", purchase_date=bought),
            "Dropped in water",
            customer_id=None,
            new_customer=CustomerInput("Omar Haddad", ["0612345678"]),
        ),
    )
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("part", "Board", 1, "250")]
    )
    ctx = AppContext(
        services,
        clerk,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    dialog = JudgementDialog(ctx, order)
    qtbot.addWidget(dialog)
    dialog.judgement.setCurrentIndex(dialog.judgement.findData("misuse"))
    dialog.warranty.setCurrentIndex(dialog.warranty.findData("none"))
    dialog.submit()
    assert dialog.error.text().startswith("Reason:")  # a reason is needed
    dialog.note.setText("Liquid damage")
    dialog.submit()
    fresh = services.work_orders.get(clerk, order.id)
    assert fresh.warranty is Warranty.NONE and fresh.total == Decimal("250.00")


def test_expedite_from_the_detail_view_and_device_notes_at_intake(services, clerk, tmp_path, qtbot):

    from outletdesk.core.customers import CustomerInput
    from outletdesk.models import Priority
    from outletdesk.ui.work_orders.detail import WorkOrderDetail
    from outletdesk.ui.work_orders.intake_dialog import IntakeDialog

    ctx = AppContext(
        services,
        clerk,
        TaskRunner(inline=True),
        ChangeBus(),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    services.customers.create(clerk, CustomerInput("Yuki Tanaka", ["0612345678"]))
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.search.setText("yuki")
    dialog.run_customer_search()
    dialog.choose_customer(dialog.results.item(0).data(0x0100))
    dialog.device_notes.setText("Engraved back: 'For Yuki'")
    assert dialog.device_input().notes == "Engraved back: 'For Yuki'"
    from outletdesk.core.work_orders.dto import IntakeInput

    order, _ = services.intake.take_in(
        clerk, IntakeInput(dialog.device_input(), "Cracked screen", customer_id=dialog.customer.id)
    )
    assert order.device.notes == "Engraved back: 'For Yuki'"
    detail = WorkOrderDetail(ctx, order.id)
    qtbot.addWidget(detail)
    assert not detail.urgent_button.isChecked()
    detail.toggle_urgent()
    fresh = services.work_orders.get(clerk, order.id)
    assert fresh.priority is Priority.URGENT and detail.urgent_button.isChecked()


def test_intake_refuses_an_over_long_new_customer_name_naming_it(ctx, qtbot, services):
    """Typed or pasted text is never cut to fit: the core's limit is said on the field."""
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.new_name.setText("W" * 300)
    dialog.new_phone.setText("13800138000")
    dialog.brand.setText("Huawei")
    dialog.fault.setPlainText("No sound")
    dialog.print_intake.setChecked(False)
    before = audit_count(services)
    dialog.submit()
    assert dialog.new_name.text() == "W" * 300
    assert "too long (300 characters" in dialog.error.text()
    assert audit_count(services) == before


def test_the_counter_list_arrives_with_the_settings_in_one_trip(ctx, services, clerk, qtbot):
    """At start the list's first page is read with the page's settings: the list is full after
    the first task on the worker (a second trip cost about 50 ms of every start)."""
    for _ in range(3):
        take_in(services, clerk)
    tasks: list[str] = []
    shown: list[int] = []
    run = ctx.runner.run

    def counted(work, on_done=None, on_error=None, **kw):
        tasks.append(work.__qualname__)
        if len(tasks) == 1:

            def done(result):
                on_done(result)
                shown.append(on_done.__self__.model.rowCount())  # the page's model

            return run(work, done, on_error, **kw)
        return run(work, on_done, on_error, **kw)

    ctx.runner.run = counted
    page = WorkOrdersPage(ctx)
    qtbot.addWidget(page)
    assert shown == [3] and page.count_label.text() == "3 work orders"
    assert not any(t.startswith("WorkOrderListModel.refresh") for t in tasks), tasks
    assert page.table.currentIndex().row() == 0  # the first is selected, as after a filter


def test_a_search_says_what_the_status_filter_hides_and_shows_it_in_one_click(
    page, services, clerk, qtbot
):
    """Tester's report item 8: a cancelled (closed) job searched among the open orders is not
    "0 work orders" with no word; the count says more match in other statuses and one click
    shows them."""
    gone = take_in(services, clerk, deposit="0.00")
    services.work_orders.cancel(clerk, gone.id, gone.version, "customer changed their mind")
    take_in(
        services,
        clerk,
        device=DeviceInput("laptop", "Lenovo", "ThinkPad X1", serial="PF12345"),
        new_customer=CustomerInput("Maria Lopez", ["0612345678"]),
    )
    qtbot.waitUntil(lambda: page.model is not None)
    assert page.status.currentData() == "open"
    page.apply_filter()
    assert page.model.rowCount() == 1
    assert page.show_all_button.isHidden()  # browsing: nothing searched, nothing counted

    page.search.setText(IMEI)  # the cancelled order's IMEI
    page.apply_filter()
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 work orders · 1 more in other statuses"
    assert not page.show_all_button.isHidden()

    qtbot.mouseClick(page.show_all_button, Qt.MouseButton.LeftButton)
    assert page.status.currentData() == "all"
    assert page.model.rowCount() == 1 and page.model.row(0).id == gone.id
    assert page.count_label.text().startswith("1 work order")
    assert page.show_all_button.isHidden()

    page.status.setCurrentIndex(page.status.findData("open"))
    page.search.setText("Maria")  # an open order: nothing hidden, no hint
    page.apply_filter()
    assert page.model.rowCount() == 1 and page.show_all_button.isHidden()
    assert "more" not in page.count_label.text()
