"""Parts from the van on a work order through the window (SQLite and PostgreSQL): the picker's
"Take from" and the lines' From column, chosen with the keyboard; a van short shown on its line;
nothing new for an outlet with only a main store."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from test_ui_work_orders import detail_for, take_in

from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.ui.work_orders.lines_editor import COL_FROM, COL_QUANTITY


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    part, _ = services.catalogue.create_part(
        manager,
        PartInput("SCR-IP12", "屏幕总成 Screen", sale_price="560", models=("iPhone 12",)),
    )
    services.stock.receive(manager, part.id, 3, "300")
    return part


@pytest.fixture
def van(services, manager, screen):
    created, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Service van 1")
    main = services.locations.list(manager, manager.outlet_id)[0]
    services.stock.move(manager, screen.id, 1, main.id, created.id)
    return created


@pytest.fixture
def detail(services, clerk, outlet, tmp_path, qtbot, monkeypatch):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    order = take_in(services, clerk)  # an iPhone 12
    return detail_for(ui_context(services, tech, tmp_path), qtbot, order.id, monkeypatch)


def van_stock(services, manager, part, van):
    return services.stock.on_hand(manager, part.id, location_id=van.id)


def test_the_van_is_chosen_in_the_picker_and_the_save_takes_it_from_the_van(
    services, manager, screen, van, detail, qtbot
):
    detail.reload()
    editor = detail.editor
    assert not editor.lines.isColumnHidden(COL_FROM)
    picker = detail.pick_part()
    assert picker.source.isVisibleTo(picker)
    assert [picker.source.itemText(i) for i in range(picker.source.count())] == [
        "Main store: 2 free",
        "Service van 1: 1 free",
    ]
    qtbot.keyClick(picker.source, Qt.Key.Key_Down)  # Alt+F, Down: the van
    assert picker.location_id() == van.id
    picker.choose()
    row = editor.lines.rowCount() - 1
    assert editor.lines.item(row, COL_FROM).text() == "Service van 1"
    assert editor.line_inputs()[-1].location_id == van.id
    detail.save_lines()
    assert van_stock(services, manager, screen, van) == 0
    assert services.stock.on_hand(manager, screen.id) == 2  # the store did not give it
    assert services.work_orders.get(manager, detail.order.id).lines[-1].location_id == van.id
    # The next part starts at the van too, unless the clerk chooses otherwise; the van has no
    # screen left now, so this one would come from the main store.
    picker = detail.pick_part()
    assert picker.preferred_location_id() == van.id and picker.location_id() is None


def test_a_saved_line_moves_to_the_van_with_the_keyboard(
    services, manager, screen, van, detail, qtbot
):
    detail.reload()
    editor = detail.editor
    detail.pick_part().choose()  # from the main store
    detail.save_lines()
    assert services.stock.on_hand(manager, screen.id) == 1
    row = editor.lines.rowCount() - 1
    detail.show()
    editor.lines.setCurrentCell(row, COL_FROM)  # Tab onto the cell opens its combo
    editor.lines.editItem(editor.lines.item(row, COL_FROM))
    (combo,) = editor.lines.viewport().findChildren(QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["Main store", "Service van 1"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)  # commits and moves on
    assert editor.line_inputs()[-1].location_id == van.id
    assert editor.lines_unsaved()
    detail.save_lines()
    assert (
        services.stock.on_hand(manager, screen.id),
        van_stock(services, manager, screen, van),
    ) == (
        2,
        0,
    )


def test_a_van_short_is_shown_on_its_line_and_offers_no_waiting(
    services, manager, screen, van, detail
):
    detail.reload()
    editor = detail.editor
    picker = detail.pick_part()
    picker.source.setCurrentIndex(1)
    assert "None in" not in picker.availability.text()
    picker.choose()
    row = editor.lines.rowCount() - 1
    editor.lines.item(row, COL_QUANTITY).setText("2")
    detail.save_lines()
    message = editor.lines_error.text()
    assert "only 1 SCR-IP12" in message and "Service van 1 (VAN-1)" in message
    cell = editor.lines.item(row, COL_FROM)
    assert "only 1 SCR-IP12" in cell.toolTip() and cell.background().color().name() == "#fdecea"
    assert editor.wait_button.isHidden()  # waiting for parts does not fill a van
    assert services.work_orders.get(manager, detail.order.id).lines == ()
    assert van_stock(services, manager, screen, van) == 1
    editor.set_line_location(row, None)  # from the store instead: the mark goes
    assert cell.background().color().name() != "#fdecea"
    detail.save_lines()
    assert services.stock.on_hand(manager, screen.id) == 0


def test_an_outlet_with_only_a_main_store_sees_nothing_new(services, manager, screen, detail):
    detail.reload()
    assert detail.editor.lines.isColumnHidden(COL_FROM)
    picker = detail.pick_part()
    assert not picker.source.isVisibleTo(picker) and picker.location_id() is None
    picker.choose()
    assert detail.editor.line_inputs()[-1].location_id is None


def pick(detail, text):
    """The picker opened on the order, showing the one part `text` names."""
    picker = detail.pick_part()
    picker.search.setText(text)
    picker.run_search()
    picker.table.selectRow(0)
    return picker


def test_a_part_the_van_has_none_of_comes_from_the_main_store_and_can_wait(
    services, manager, screen, van, detail
):
    """The picker remembers the van; a part neither the van nor the store has is taken from the
    main store (saying so), so the order can wait for it; the next part starts at the van."""
    battery, _ = services.catalogue.create_part(
        manager, PartInput("BAT-IP12", "电池 Battery", sale_price="120")
    )
    detail.reload()
    editor = detail.editor
    picker = pick(detail, "SCR-IP12")
    picker.source.setCurrentIndex(1)  # the van
    picker.choose()
    detail.save_lines()
    assert van_stock(services, manager, screen, van) == 0

    picker = pick(detail, "BAT-IP12")
    assert picker.preferred_location_id() == van.id
    assert picker.location_id() is None  # the main store
    assert picker.source.currentText() == "Main store: 0 free"
    text = picker.availability.text()
    assert "Service van 1 has no BAT-IP12 free: it is taken from the main store." in text
    assert "None free at this outlet: save the line and let the order wait for parts" in text
    assert "None in" not in text and "move stock into the van" not in text
    picker.choose()
    assert editor.line_inputs()[-1].location_id is None
    assert editor.default_location == van.id  # the next part starts at the van again
    detail.save_lines()
    assert not editor.wait_button.isHidden()
    editor.wait_button.click()
    order = services.work_orders.get(manager, detail.order.id)
    assert order.status is WorkOrderStatus.AWAITING_PARTS
    assert [line.location_id for line in order.lines] == [van.id, None]

    # The van restocked: the picker takes from it again.
    main = services.locations.list(manager, manager.outlet_id)[0]
    services.stock.receive(manager, screen.id, 1, "300")
    services.stock.move(manager, screen.id, 1, main.id, van.id)
    picker = pick(detail, "SCR-IP12")
    assert picker.location_id() == van.id
    assert "taken from the main store" not in picker.availability.text()


def test_a_store_with_none_names_the_van_that_has_some(services, manager, screen, van, detail):
    main = services.locations.list(manager, manager.outlet_id)[0]
    services.stock.move(manager, screen.id, 2, main.id, van.id)  # all three in the van
    detail.reload()
    picker = pick(detail, "SCR-IP12")
    assert picker.location_id() is None
    text = picker.availability.text()
    assert "None free in the main store" in text and "take it from Service van 1" in text
    assert "None free at this outlet" not in text
    picker.source.setCurrentIndex(1)
    assert picker.location_id() == van.id and "None free" not in picker.availability.text()
