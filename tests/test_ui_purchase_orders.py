"""The Purchase orders tab and its dialogs, driven through real widgets on SQLite and PostgreSQL:
new order by search and scan, draft edits, place, cancel, receive by scanning and by typed
quantities, refusals that write nothing, repairs unblocked, and a clerk who may only look."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from conftest import audit_count, make_actor, ui_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from sqlalchemy import func, select
from test_work_orders import intake

from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.purchasing import PurchaseLineInput as Line
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import (
    PurchaseOrder,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    Role,
    StockMovement,
    WorkOrderStatus,
    utcnow,
)
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.purchase_order_dialogs import CancelOrderDialog, DraftFromLowStockDialog
from outletdesk.ui.parts.purchase_order_editor import PurchaseOrderDialog
from outletdesk.ui.parts.purchase_orders import EXPECTED_COLUMN, PurchaseOrdersTab
from outletdesk.ui.parts.purchase_receiving import ARRIVED, SCANNED, ReceiveDialog
from outletdesk.ui.scanner import ScannerFilter
from outletdesk.ui.table_model import WARNING

PO = PurchaseOrderStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def stock(services, manager):
    """A supplier with a 3-day lead time, a screen (with a barcode) and a battery."""
    supplier, _ = services.catalogue.create_supplier(
        manager, SupplierInput("深圳配件 Parts", lead_time_days=3)
    )
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12", "屏幕总成 iPhone 12", cost_price="300", supplier_id=supplier,
            barcodes=("6901234567892",),
        ),
    )  # fmt: skip
    battery, _ = services.catalogue.create_part(
        manager,
        PartInput("BAT-IP12", "Battery iPhone 12", cost_price="40.50", supplier_id=supplier),
    )
    cable, _ = services.catalogue.create_part(manager, PartInput("CBL-USBC", "USB-C cable"))
    return supplier, screen, battery, cable


def _page(services, actor, tmp_path, qtbot):
    page = PartsPage(ui_context(services, actor, tmp_path))
    qtbot.addWidget(page)
    tab = page.findChild(PurchaseOrdersTab)
    tab.opened = []
    tab.open_dialog = tab.opened.append  # keep dialogs for the test to drive
    return page, tab


@pytest.fixture
def tab(services, manager, stock, tmp_path, qtbot):
    return _page(services, manager, tmp_path, qtbot)[1]


def _placed(services, manager, supplier, lines):
    order, _ = services.purchasing.create(manager, supplier, lines)
    order, _ = services.purchasing.place(manager, order.id, order.version)
    return order


def _select(tab, number):
    numbers = [o.number for o in tab.model.rows]
    tab.table.selectRow(numbers.index(number))
    assert tab.selected().number == number


def _written(services):
    """Everything receiving may add: lines changed, movements, audit entries."""
    with services.db.read() as s:
        received = s.scalar(select(func.sum(PurchaseOrderLine.received)))
        moves = s.scalar(select(func.count()).select_from(StockMovement))
    return received, moves, audit_count(services)


def test_new_order_by_search_and_scan_then_place(tab, services, manager, stock, qtbot):
    supplier, screen, battery, _ = stock
    assert tab._page.tabs.tabText(3) == "Purchase orders"
    assert tab.model.rows == [] and "0 orders" in tab.count_label.text()
    dialog = tab.new_order()
    assert isinstance(dialog, PurchaseOrderDialog) and dialog.supplier.currentData() == supplier
    dialog.search.setText("6901234567892")  # the screen's barcode, as a scanner types it
    dialog.run_search(then_add=True)
    dialog.search.setText("6901234567892")  # scanned again: one more, not a second line
    dialog.run_search(then_add=True)
    dialog.search.setText("iphone 12")  # two parts match: nothing added until one is chosen
    dialog.run_search(then_add=True)
    assert [p.sku for p in dialog.results.rows] == ["BAT-IP12", "SCR-IP12"]
    assert dialog.lines.rowCount() == 1
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.results_table.setFocus()
    qtbot.keyClick(dialog.results_table, Qt.Key.Key_Return)  # adds the battery, saves nothing
    assert dialog.isVisible() and services.purchasing.list(manager) == []
    lines = dialog.input_lines()
    assert [(ln.part_id, ln.quantity, ln.unit_cost) for ln in lines] == [
        (screen.id, "2", "300.00"),  # the part's cost price by default
        (battery.id, "1", "40.50"),
    ]
    dialog.lines.item(1, 2).setText("10")
    dialog.lines.item(1, 3).setText("39.90")
    assert dialog.lines.item(1, 4).text() == "399.00" and "999.00" in dialog.total.text()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted

    (order,) = tab.model.rows
    assert tab.selected().id == order.id and order.status is PO.DRAFT
    assert [(ln.sku, ln.quantity, str(ln.unit_cost)) for ln in order.lines] == [
        ("SCR-IP12", 2, "300.00"),
        ("BAT-IP12", 10, "39.90"),
    ]
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert row == [order.number, "深圳配件 Parts", "Draft", "", "", "2", "", "999.00"]
    assert tab.edit_button.isEnabled() and tab.place_button.isEnabled()
    assert not tab.receive_button.isEnabled()

    tab.place_selected()
    order = tab.selected()
    assert order.status is PO.ORDERED and order.expected_on is not None
    assert order.expected_on == (order.ordered_at.astimezone().date() + timedelta(days=3))
    assert tab.model.index(0, EXPECTED_COLUMN).data() == order.expected_on.isoformat()
    assert tab.model.index(0, 6).data() == "12"  # units still to come
    assert tab.receive_button.isEnabled() and not tab.edit_button.isEnabled()
    assert services.stock.low_stock(manager) == []  # nothing is below a minimum here
    assert services.purchasing.get(manager, order.id).status is PO.ORDERED


def test_edit_a_draft_and_a_bad_quantity_writes_nothing(tab, services, manager, stock):
    supplier, screen, battery, cable = stock
    draft, _ = services.purchasing.create(manager, supplier, [Line(screen.id, 2)])
    tab.reload()
    _select(tab, draft.number)
    dialog = tab.edit_selected()
    assert not dialog.supplier.isEnabled() and dialog.lines.rowCount() == 1
    dialog.search.setText("CBL-USBC")
    dialog.run_search(then_add=True)
    dialog.lines.item(1, 2).setText("two")
    dialog.submit()
    assert "Quantity" in dialog.error.text() and "two" in dialog.error.text()
    assert dialog.lines.currentRow() == 1  # the line the message is about
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.purchasing.get(manager, draft.id).version == draft.version
    dialog.lines.item(1, 2).setText("5")
    dialog.lines.selectRow(0)
    dialog.remove_selected()
    dialog.note.setPlainText("call before delivery")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    order = services.purchasing.get(manager, draft.id)
    assert [(ln.sku, ln.quantity) for ln in order.lines] == [("CBL-USBC", 5)]
    assert order.note == "call before delivery" and tab.selected().lines == order.lines


def test_cancel_with_a_reason(tab, services, manager, stock):
    supplier, screen, _, _ = stock
    order = _placed(services, manager, supplier, [Line(screen.id, 1)])
    tab.reload()
    _select(tab, order.number)
    dialog = tab.cancel_selected()
    assert isinstance(dialog, CancelOrderDialog)
    dialog.reason.setPlainText("supplier out of stock")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    gone = services.purchasing.get(manager, order.id)
    assert gone.status is PO.CANCELLED and gone.cancel_reason == "supplier out of stock"
    # Shown (the filter widened to all orders) with the reason; nothing more can be done to it.
    assert tab.selected().id == order.id and "supplier out of stock" in tab.info.text()
    assert not any(b.isEnabled() for b in (tab.edit_button, tab.place_button, tab.cancel_button))
    tab.status_filter.setCurrentIndex(0)  # open ones only
    assert tab.model.rows == []


def test_receive_by_scanning_one_unit_at_a_time(tab, services, manager, stock, qtbot):
    supplier, screen, battery, cable = stock
    order = _placed(services, manager, supplier, [Line(screen.id, 2), Line(battery.id, 1)])
    tab.reload()
    _select(tab, order.number)
    dialog = tab.receive_selected()
    assert isinstance(dialog, ReceiveDialog)
    assert [dialog.table.item(0, c).text() for c in range(5)] == [
        "SCR-IP12", "屏幕总成 iPhone 12", "2", "0", "2",
    ]  # fmt: skip

    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.scan, "6901234567892")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)  # as the scanner ends its code
    assert dialog.isVisible()  # the Enter booked the unit and pressed no button
    assert dialog.table.item(0, 3).text() == "1" and dialog.table.item(0, 4).text() == "1"
    assert dialog.highlighted == (screen.id, SCANNED)
    assert dialog.table.item(0, 0).background().color() == SCANNED
    assert dialog.table.item(1, 0).background().style() == Qt.BrushStyle.NoBrush
    assert "1 × SCR-IP12 booked in: 1 of 2 received, 1 to come" in dialog.message.text()
    assert services.stock.on_hand(manager, screen.id) == 1
    assert dialog.scan.text() == ""  # ready for the next scan

    before = _written(services)
    dialog.scan.setText("CBL-USBC")  # in the catalogue, not on this order
    dialog.scan_entered()
    assert "CBL-USBC is not on purchase order" in dialog.message.text()
    dialog.scan.setText("NO-SUCH-CODE")
    dialog.scan_entered()
    assert "No part has the SKU or barcode “NO-SUCH-CODE”" in dialog.message.text()
    dialog.scan.setText("6901234567892")
    dialog.scan_entered()
    assert dialog.table.item(0, 4).text() == "0"
    after_second = _written(services)
    dialog.scan.setText("SCR-IP12")  # a third screen: only two were ordered
    dialog.scan_entered()
    assert "only 0 of the 2 ordered" in dialog.message.text()
    assert "Nothing was booked" in dialog.message.text()
    assert dialog.highlighted[0] == screen.id and dialog.highlighted[1] != SCANNED
    assert _written(services) == after_second != before
    assert services.stock.on_hand(manager, screen.id) == 2

    # The list behind the dialog follows every scan.
    assert tab.selected().status is PO.PARTLY_RECEIVED and tab.model.index(0, 6).data() == "1"
    dialog.scan.setText("BAT-IP12")
    dialog.scan_entered()
    assert "Everything on" in dialog.message.text()
    assert not dialog.scan.isEnabled() and not dialog.book_button.isEnabled()
    assert services.purchasing.get(manager, order.id).status is PO.RECEIVED


def test_receive_typed_quantities_and_an_over_receipt_writes_nothing(tab, services, manager, stock):
    supplier, screen, battery, _ = stock
    order = _placed(services, manager, supplier, [Line(screen.id, 5, "280"), Line(battery.id, 4)])
    tab.reload()
    _select(tab, order.number)
    dialog = tab.receive_selected()
    before = _written(services)
    dialog.table.item(0, ARRIVED).setText("6")  # one more screen than was ordered
    dialog.table.item(1, ARRIVED).setText("4")
    dialog.book_in()
    assert "only 5 of the 5 ordered" in dialog.message.text()
    assert dialog.highlighted[0] == screen.id
    assert _written(services) == before  # the battery line was not booked either
    assert dialog.typed() == {screen.id: "6", battery.id: "4"}  # kept to correct

    dialog.table.item(0, ARRIVED).setText("2")
    dialog.delivery_note.setText("DN 88")
    dialog.book_in()
    assert "Booked in 6 units on 2 lines." in dialog.message.text()
    assert dialog.typed() == {} and dialog.delivery_note.text() == ""
    # The line refused before was booked in now: it is no longer coloured as refused.
    assert dialog.highlighted is None
    assert dialog.table.item(0, 0).background().style() == Qt.BrushStyle.NoBrush
    assert [dialog.table.item(r, 4).text() for r in range(2)] == ["3", "0"]
    after = services.purchasing.get(manager, order.id)
    assert after.status is PO.PARTLY_RECEIVED and after.outstanding == 3
    assert services.stock.on_hand(manager, screen.id) == 2
    (move, *_) = services.stock.movements(manager, screen.id)
    assert move.reason == f"{order.number} DN 88"
    # The battery line is complete: nothing more can be typed there.
    assert not dialog.table.item(1, ARRIVED).flags() & Qt.ItemFlag.ItemIsEditable

    dialog.book_in()  # nothing typed: the core says so, in the dialog
    assert "nothing was entered" in dialog.message.text()

    # A quantity that is not a number is refused and its line marked, as an over-receipt is.
    dialog.table.item(0, ARRIVED).setText("abc")
    dialog.book_in()
    assert "is not a whole number" in dialog.message.text()
    assert dialog.highlighted is not None and dialog.highlighted[0] == screen.id


def test_after_receiving_it_tells_which_waiting_repairs_can_continue(
    tab, services, manager, clerk, stock
):
    supplier, screen, battery, _ = stock
    waiting, _ = intake(services, clerk)
    waiting, _ = services.work_orders.move(
        clerk, waiting.id, waiting.version, WorkOrderStatus.AWAITING_PARTS
    )
    waiting, _ = services.work_orders.set_lines(
        clerk, waiting.id, waiting.version,
        [LineInput("part", "part", 1, "560", part_id=screen.id)],
    )  # fmt: skip
    later, _ = intake(services, clerk)
    later, _ = services.work_orders.move(
        clerk, later.id, later.version, WorkOrderStatus.AWAITING_PARTS
    )
    later, _ = services.work_orders.set_lines(
        clerk, later.id, later.version,
        [LineInput("part", "part", 1, "560", part_id=screen.id),
         LineInput("part", "part", 1, "90", part_id=battery.id)],
    )  # fmt: skip
    order = _placed(services, manager, supplier, [Line(screen.id, 2)])
    tab.reload()
    _select(tab, order.number)
    dialog = tab.receive_selected()
    dialog.scan.setText("SCR-IP12")
    dialog.scan_entered()
    text = dialog.waiting_label.text()
    assert f"1 repairs waiting for these parts can now continue: {waiting.number}." in text
    assert "1 repairs waiting for these parts are still short" in text  # the later one
    assert [w.number for w in dialog.waiting] == [waiting.number, later.number]


def test_draft_from_the_low_stock_list_shows_it_in_the_tab(
    services, manager, stock, tmp_path, qtbot
):
    supplier, screen, battery, cable = stock
    services.stock.set_levels(manager, battery.id, min_level=3, reorder_qty=10)
    services.stock.set_levels(manager, cable.id, min_level=2, reorder_qty=5)  # no supplier
    page, tab = _page(services, manager, tmp_path, qtbot)
    page.tabs.setCurrentIndex(1)
    assert page.draft_order_button.isEnabled()
    page.low_table.selectRow(0)
    page.draft_order_button.click()
    dialog = tab.opened[-1]
    assert isinstance(dialog, DraftFromLowStockDialog)
    assert dialog.supplier.count() == 1 and dialog.supplier.currentData() == supplier
    assert "1 parts running low" in dialog.supplier.currentText()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert page.tabs.currentWidget() is tab
    order = tab.selected()
    assert order.status is PO.DRAFT and [(ln.sku, ln.quantity) for ln in order.lines] == [
        ("BAT-IP12", 10)
    ]
    again = tab.draft_from_low_stock(page.low_model.rows)
    again.submit()  # the battery is on a draft already: the core's message, no second draft
    assert "No order was made" in again.error.text()
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(PurchaseOrder)) == 1


def test_an_overdue_order_shows_its_expected_day_in_red(
    tab, services, manager, stock, qtmodeltester
):
    supplier, screen, _, _ = stock
    order = _placed(services, manager, supplier, [Line(screen.id, 1)])
    late = dataclasses.replace(order, expected_on=utcnow().astimezone().date() - timedelta(days=1))
    tab.model.set_rows([order, late])
    qtmodeltester.check(tab.model)
    on_time, overdue = tab.model.index(0, EXPECTED_COLUMN), tab.model.index(1, EXPECTED_COLUMN)
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == WARNING
    assert "Overdue" in overdue.data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None  # only that cell


def test_a_clerk_sees_orders_but_cannot_order_or_receive(
    services, manager, clerk, stock, tmp_path, qtbot
):
    supplier, screen, _, _ = stock
    order = _placed(services, manager, supplier, [Line(screen.id, 1)])
    page, tab = _page(services, clerk, tmp_path, qtbot)
    assert [o.number for o in tab.model.rows] == [order.number]
    _select(tab, order.number)
    for button in (*tab.action_buttons, page.draft_order_button):
        assert not button.isEnabled() and "manager" in button.toolTip()
    assert tab.receive_selected() is None and tab.new_order() is None
    assert tab.cancel_selected() is None and tab.draft_from_page_low_stock() is None
    assert tab.opened == []
    # The service refuses too, whatever the window does.
    before = _written(services)
    dialog = ReceiveDialog(tab._ctx, order, tab)
    qtbot.addWidget(dialog)
    dialog.scan.setText("SCR-IP12")
    dialog.scan_entered()
    assert "Your role (Counter clerk) may not do this" in dialog.message.text()
    dialog.table.item(0, ARRIVED).setText("1")
    dialog.book_in()
    assert "Your role (Counter clerk) may not do this" in dialog.message.text()
    assert _written(services) == before


def test_a_scan_in_an_open_dialog_goes_to_its_field_not_to_the_window(qapp, qtbot):
    """The app-wide scanner filter leaves a dialog's scan field its code and its Enter."""

    class Clock:
        now = 100.0

        def __call__(self):
            return self.now

    clock = Clock()
    scanner = ScannerFilter(clock=clock)
    got = []
    scanner.scanned.connect(got.append)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    entered = []
    field.returnPressed.connect(lambda: entered.append(field.text()))
    dialog.open()  # window-modal, as every dialog of the window is opened
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qapp.installEventFilter(scanner)
    try:
        for ch in "6901234567892":
            clock.now += 0.005
            qtbot.keyClick(field, ch)
        clock.now += 0.005
        qtbot.keyClick(field, Qt.Key.Key_Return)
    finally:
        qapp.removeEventFilter(scanner)
    assert got == [] and entered == ["6901234567892"]
