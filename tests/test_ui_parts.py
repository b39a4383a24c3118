"""Parts & stock page and its dialogs, driven through real widgets on a real database."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from test_work_orders import intake

from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.part_dialog import PartDialog, split_list
from outletdesk.ui.parts.stock_dialogs import StockAction, StockActionDialog


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def stocked(services, manager, cli_actor):
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("深圳配件 Parts"))
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12",
            "屏幕总成 iPhone 12",
            cost_price="300",
            sale_price="560",
            supplier_id=supplier,
            barcodes=("6901234567892",),
            models=("iPhone 12",),
        ),
    )
    battery, _ = services.catalogue.create_part(manager, PartInput("BAT-IP12", "Battery iPhone 12"))
    services.stock.receive(manager, screen.id, 5, "300")
    services.stock.set_levels(manager, battery.id, min_level=3, reorder_qty=10, bin_location="A-1")
    return screen, battery, other


@pytest.fixture
def page(services, manager, stocked, tmp_path, qtbot):
    widget = PartsPage(ui_context(services, manager, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    return widget


def _select(page, sku):
    skus = [r.sku for r in page.model.rows]
    page.table.selectRow(skus.index(sku))
    assert page.detail is not None and page.detail[0].sku == sku


def test_list_shows_stock_here_and_the_low_flag_and_details(page, stocked):
    rows = {r.sku: r for r in page.model.rows}
    assert rows["SCR-IP12"].here == 5 and rows["BAT-IP12"].low
    assert "2 parts" in page.count_label.text()
    _select(page, "SCR-IP12")
    html = page.details.toPlainText()
    assert "屏幕总成 iPhone 12" in html and "深圳配件 Parts" in html and "6901234567892" in html
    assert "Received" in html and "1,500.00" in html  # the receipt and the value 5 x 300
    assert "Low stock (1)" in page.tabs.tabText(1)
    assert page.low_model.rows[0].sku == "BAT-IP12" and page.low_model.rows[0].suggested == 10


def test_scan_of_a_barcode_finds_the_part(page):
    assert page.handle_scan("6901234567892")
    assert [r.sku for r in page.model.rows] == ["SCR-IP12"]
    assert page.detail is not None and page.detail[0].sku == "SCR-IP12"


def test_receive_through_the_dialog_and_bad_quantity_writes_nothing(page, services, stocked):
    screen = stocked[0]
    _select(page, "SCR-IP12")
    dialog = page.open_action(StockAction.RECEIVE)
    assert isinstance(dialog, StockActionDialog)
    assert dialog.unit_cost.text() == "300.00" and dialog.supplier.currentText() == "深圳配件 Parts"
    dialog.quantity.setText("three")
    dialog.submit()
    assert "Quantity" in dialog.error.text() and not dialog.error.isHidden()
    assert services.stock.on_hand(page._ctx.actor, screen.id) == 5
    dialog.quantity.setText("3")
    dialog.unit_cost.setText("310")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert {r.sku: r.here for r in page.model.rows}["SCR-IP12"] == 8


def test_adjust_needs_a_reason_and_scrap_cannot_go_below_zero(page, services, stocked):
    screen = stocked[0]
    _select(page, "SCR-IP12")
    dialog = page.open_action(StockAction.ADJUST)
    dialog.quantity.setText("-2")
    dialog.submit()
    assert "Reason" in dialog.error.text()
    dialog.reason.setPlainText("dropped two")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    scrap = page.open_action(StockAction.SCRAP)
    scrap.quantity.setText("9")
    scrap.reason.setPlainText("cracked")
    scrap.submit()
    assert "SCR-IP12" in scrap.error.text() and "3" in scrap.error.text()
    assert services.stock.on_hand(page._ctx.actor, screen.id) == 3


def test_transfer_then_book_in_at_the_other_outlet(page, services, stocked):
    screen, _, other = stocked
    _select(page, "SCR-IP12")
    dialog = page.open_action(StockAction.TRANSFER)
    assert dialog.to_outlet.count() == 1 and dialog.to_outlet.currentData() == other.id
    dialog.quantity.setText("2")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.outlet.setCurrentIndex(page.outlet.findData(other.id))
    assert "Transfers to book in (1)" in page.tabs.tabText(2)
    page.receive_selected_transfer()
    assert "Transfers to book in (0)" in page.tabs.tabText(2)
    assert services.stock.on_hand(page._ctx.actor, screen.id, other.id) == 2
    assert {r.sku: r.here for r in page.model.rows}["SCR-IP12"] == 2


def test_levels_dialog_fills_from_the_shelf_and_updates_the_low_list(page):
    _select(page, "BAT-IP12")
    dialog = page.open_action(StockAction.LEVELS)
    assert dialog.bin.text() == "A-1" and dialog.min_level.text() == "3"
    dialog.min_level.setText("0")
    dialog.submit()
    assert "Low stock (0)" in page.tabs.tabText(1)


def test_new_part_dialog_refuses_formula_text_then_creates(page, services, qtbot):
    dialog = PartDialog(page._ctx, None, page.suppliers, page)
    qtbot.addWidget(dialog)
    dialog.sku.setText("LCD-P30")
    dialog.name.setText("=cmd|' /C calc'!A0")
    dialog.submit()
    assert "Part name" in dialog.error.text()
    assert services.part_list.rows(page._ctx.actor, "LCD-P30").rows == []
    dialog.name.setText("LCD Huawei P30 屏幕")
    dialog.barcodes.setText("111; 222")
    dialog.models.setText("P30，P30 Pro")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    part = services.catalogue.find(page._ctx.actor, "222")
    assert part.sku == "LCD-P30" and part.models == ("P30", "P30 Pro")


def test_split_list_accepts_chinese_and_ascii_separators():
    assert split_list(" a; b,c，d；\n ") == ("a", "b", "c", "d")


def test_a_technician_sees_stock_but_cannot_change_it(services, outlet, stocked, tmp_path, qtbot):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    widget = PartsPage(ui_context(services, tech, tmp_path))
    qtbot.addWidget(widget)
    _select(widget, "SCR-IP12")
    assert not widget.receive_button.isEnabled() and not widget.new_button.isEnabled()
    assert "manager" in widget.receive_button.toolTip()
    assert widget.open_action(StockAction.RECEIVE) is None


def test_edit_a_part_and_a_stale_edit_is_refused(page, services, manager):
    _select(page, "SCR-IP12")
    page.edit_selected()
    dialog = page.opened[-1]
    assert isinstance(dialog, PartDialog)
    assert dialog.sku.text() == "SCR-IP12" and dialog.models.text() == "iPhone 12"
    assert dialog.supplier.currentText() == "深圳配件 Parts"
    stale = PartDialog(page._ctx, page.detail[0], page.suppliers, page)
    dialog.name.setText("屏幕总成 iPhone 12 (OLED)")
    dialog.sale.setText("599")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.detail[0].name == "屏幕总成 iPhone 12 (OLED)"
    assert [r.sku for r in page.model.rows] == ["SCR-IP12"]  # the saved part is found
    stale.sale.setText("1")
    stale.submit()  # opened before the save above: refused, nothing overwritten
    assert "changed by someone else" in stale.error.text()
    assert services.catalogue.find(manager, "SCR-IP12").sale_price == 599


def test_receiving_tells_which_waiting_repairs_can_continue(
    page, services, manager, clerk, stocked
):
    screen = stocked[0]
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(clerk, order.id, order.version, WorkOrderStatus.DIAGNOSING)
    line = LineInput("part", "Screen", 7, "560", part_id=screen.id)  # 5 on the shelf
    services.work_orders.set_lines(clerk, order.id, order.version, [line], wait_for_parts=True)
    _select(page, "SCR-IP12")
    dialog = page.open_action(StockAction.RECEIVE)
    dialog.quantity.setText("1")
    dialog.submit()
    assert page.notice.isHidden()  # 6 of 7: still short
    dialog = page.open_action(StockAction.RECEIVE)
    dialog.quantity.setText("1")
    dialog.submit()
    assert not page.notice.isHidden() and order.number in page.notice.text()


def test_add_a_van_receive_there_move_back_and_count_it(page, services, stocked, manager):
    screen = stocked[0]
    assert page.location.isHidden()  # only the main store: no picker to confuse anyone
    dialog = page.open_locations()
    assert dialog.model.rows[0].main and not dialog.retire_button.isEnabled()
    dialog.code.setText("VAN 1")
    dialog.name.setText("Van 1 流动车")
    dialog.add()
    assert "Location code" in dialog.error.text() and len(dialog.model.rows) == 1
    dialog.code.setText("VAN-1")
    dialog.add()
    assert [loc.code for loc in dialog.model.rows] == ["MAIN", "VAN-1"]
    assert dialog.error.isHidden() and dialog.code.text() == ""

    # The page's picker now offers the van; choosing it shows the van's shelf.
    assert not page.location.isHidden() and page.location.count() == 2
    page.location.setCurrentIndex(1)
    assert page.where_name() == "North Station 北站店 – Van 1 流动车"
    assert {r.sku: r.here for r in page.model.rows}["SCR-IP12"] == 0
    _select(page, "SCR-IP12")
    receive = page.open_action(StockAction.RECEIVE)
    assert "Van 1 流动车" in receive.head.text()
    receive.quantity.setText("2")
    receive.submit()
    assert receive.result() == receive.DialogCode.Accepted
    assert {r.sku: r.here for r in page.model.rows}["SCR-IP12"] == 2
    van_id = page.location.currentData()
    assert services.stock.on_hand(manager, screen.id, location_id=van_id) == 2
    assert services.stock.on_hand(manager, screen.id) == 5

    move = page.open_action(StockAction.MOVE)
    assert move.to_location.count() == 1 and move.to_location.currentText() == "Main store"
    move.quantity.setText("3")
    move.submit()
    assert "2 on hand, 3 asked for" in move.error.text()
    move.quantity.setText("1")
    move.submit()
    assert move.result() == move.DialogCode.Accepted
    assert services.stock.on_hand(manager, screen.id) == 6
    assert "N / VAN-1" in page.details.toPlainText()

    # A count started while the van is chosen counts the van.
    tab = page.tabs.widget(4)
    tab.reload()  # (loaded when shown; the page is not on screen here)
    assert "Van 1 流动车" in tab.intro.text()
    tab.start()
    assert tab.take is not None and tab.take.location_code == "VAN-1"

    # Back at the main store, Move offers the van; the picker remembers nothing stale.
    page.location.setCurrentIndex(0)
    assert page.location_id() is None
    move = page.open_action(StockAction.MOVE)
    assert move.to_location.currentText() == "VAN-1 – Van 1 流动车"


def test_move_without_a_second_location_says_how_to_add_one(page, stocked):
    _select(page, "SCR-IP12")
    move = page.open_action(StockAction.MOVE)
    move.quantity.setText("1")
    move.submit()
    assert "Locations…" in move.error.text()
    assert move.result() != move.DialogCode.Accepted


def test_retire_an_empty_van_from_the_dialog(page, services, stocked, manager):
    van, _ = services.locations.add(manager, manager.outlet_id, "VAN-2", "Van 2")
    services.stock.receive(manager, stocked[0].id, 1, "300", location_id=van.id)
    dialog = page.open_locations()
    dialog.table.selectRow(1)
    assert dialog.name.text() == "Van 2" and dialog.retire_button.isEnabled()
    dialog.toggle_selected()
    assert "still holds 1 units" in dialog.error.text()
    services.stock.move(manager, stocked[0].id, 1, van.id, dialog.model.rows[0].id)
    dialog.toggle_selected()
    assert not dialog.model.rows[1].active and dialog.retire_button.text() == "Back in &use"
    assert page.location.isHidden()  # only the main store is in use again


@pytest.mark.parametrize("action", list(StockAction))
def test_each_stock_dialog_shows_only_its_own_fields(page, action, qtbot):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    _select(page, "SCR-IP12")
    dialog = page.open_action(action)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.layout().itemAt(1).layout()
    in_form = {id(form.itemAt(n).widget()) for n in range(form.count())}
    fields = [
        w for kind in (QLineEdit, QComboBox, QPlainTextEdit) for w in dialog.findChildren(kind)
    ]
    assert fields
    for field in fields:
        if field.isVisible() and field.parent() is dialog:
            assert id(field) in in_form, f"{action}: a field outside the form is on screen"
    dialog.close()


def _waiting(services, clerk, part, quantity):
    """A repair set awaiting parts, its lines wanting `quantity` of the part."""
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(
        clerk, order.id, order.version, WorkOrderStatus.AWAITING_PARTS
    )
    line = LineInput("part", "Screen", quantity, "560", part_id=part.id)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line])
    return order


@pytest.mark.parametrize("action", [StockAction.SCRAP, StockAction.MOVE, StockAction.TRANSFER])
def test_a_taking_dialog_shows_what_is_held_and_takes_no_more_than_is_free(
    page, services, manager, clerk, stocked, action, qtbot
):
    screen, _, other = stocked
    _, changes = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1")
    page.refresh(changes)
    first = _waiting(services, clerk, screen, 2)  # 5 on the shelf: 3 free
    _select(page, "SCR-IP12")
    dialog = page.open_action(action)
    head = dialog.head.text()
    assert "5 pcs on hand, 2 held for orders awaiting parts" in head and "3 free" in head
    assert first.number in head and dialog.quantity.placeholderText() == "1 to 3"
    ledger = services.stock.movements(manager, screen.id)
    qtbot.keyClicks(dialog.quantity, "4")  # more than is free: typed, and refused on Save
    dialog.reason.setPlainText("cracked in the drawer")
    dialog.submit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Only 3 of 5 SCR-IP12" in dialog.error.text() and first.number in dialog.error.text()
    assert services.stock.movements(manager, screen.id) == ledger
    dialog.quantity.clear()
    qtbot.keyClicks(dialog.quantity, "3")
    if action is StockAction.MOVE:
        assert dialog.to_location.currentText() == "VAN-1 – Van 1"
    if action is StockAction.TRANSFER:
        assert dialog.to_outlet.currentData() == other.id
    dialog.reason.setPlainText("cracked in the drawer")

    # Meanwhile another repair starts waiting for the part: the service refuses, in the form.
    second = _waiting(services, clerk, screen, 1)
    ledger = services.stock.movements(manager, screen.id)
    dialog.submit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Only 2 of 5 SCR-IP12" in dialog.error.text() and second.number in dialog.error.text()
    assert dialog.quantity.styleSheet() != ""  # the Quantity field is outlined
    assert services.stock.movements(manager, screen.id) == ledger
    assert "3 held" in dialog.head.text() and "2 free" in dialog.head.text()  # read again
    dialog.quantity.clear()
    qtbot.keyClicks(dialog.quantity, "2")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.stock.on_hand(manager, screen.id) == 3

    # All that is left is held: nothing to cap at; the service says why if asked.
    again = page.open_action(action)
    assert "3 held for orders awaiting parts" in again.head.text() and "0 free" in again.head.text()
    assert again.quantity.placeholderText() == ""


def test_a_dialog_where_nothing_is_held_shows_the_plain_on_hand(
    page, services, manager, clerk, stocked, qtbot
):
    screen, _, other = stocked
    _waiting(services, clerk, screen, 1)
    services.stock.receive(manager, screen.id, 1, "300", outlet_id=other.id)
    _select(page, "SCR-IP12")
    page.outlet.setCurrentIndex(page.outlet.findData(other.id))  # held at North, not here
    _select(page, "SCR-IP12")
    scrap = page.open_action(StockAction.SCRAP)
    assert scrap.head.text().endswith("Shenzhen 2: 1 pcs on hand")
    assert scrap.quantity.placeholderText() == "1 to 1"
