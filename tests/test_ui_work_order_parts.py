"""Parts from stock on a work order through the window: the picker, issue on save, return on removal."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import Qt
from test_ui_work_orders import detail_for, take_in

from outletdesk.core.changes import Changes
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import LineKind, Role, WorkOrderStatus
from outletdesk.ui.work_orders.page import WorkOrdersPage
from outletdesk.ui.work_orders.part_picker import PartPickerDialog


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    part, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12", "屏幕总成 Screen", sale_price="560", barcodes=("690111",),
            models=("iPhone 12",),
        ),
    )  # fmt: skip
    services.stock.receive(manager, part.id, 2, "300")
    return part


@pytest.fixture
def detail(services, clerk, outlet, tmp_path, qtbot, monkeypatch):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    order = take_in(services, clerk)  # an iPhone 12
    return detail_for(ui_context(services, tech, tmp_path), qtbot, order.id, monkeypatch)


def test_picker_offers_what_fits_the_device_and_the_save_takes_it_off_the_shelf(
    detail, services, manager, screen
):
    picker = detail.pick_part()
    assert isinstance(picker, PartPickerDialog)
    assert picker.search.text() == "iPhone 12"
    assert [r.sku for r in picker.model.rows] == ["SCR-IP12"]
    assert "<b>2</b>" in picker.availability.text()  # on the shelf here
    picker.choose()
    inputs = detail.editor.line_inputs()
    assert inputs[-1].kind == LineKind.PART.value and inputs[-1].part_id == screen.id
    assert inputs[-1].unit_price == "560.00" and inputs[-1].quantity == "1"
    detail.save_lines()
    assert services.stock.on_hand(manager, screen.id) == 1
    saved = services.work_orders.get(manager, detail.order.id)
    assert saved.lines[-1].part_id == screen.id
    # shown again, the line keeps its part: saving it unchanged moves no stock
    assert not detail.editor.lines_unsaved()
    detail.editor.lines.setCurrentCell(len(saved.lines) - 1, 1)
    detail.editor.remove_line()
    detail.save_lines()
    assert services.stock.on_hand(manager, screen.id) == 2  # back on the shelf


def test_a_scanned_barcode_adds_the_part_at_once(detail, screen):
    picker = detail.pick_part()
    picker.search.setText("690111")
    picker._on_return()
    assert picker.result() == picker.DialogCode.Accepted
    assert detail.editor.line_inputs()[-1].part_id == screen.id


def test_taking_more_than_the_shelf_holds_is_refused_and_nothing_saved(
    detail, services, manager, screen
):
    picker = detail.pick_part()
    picker.choose()
    row = detail.editor.lines.rowCount() - 1
    detail.editor.lines.item(row, 2).setText("3")
    detail.save_lines()
    message = detail.editor.lines_error.text()
    assert "SCR-IP12" in message and "2" in message and "3" in message
    assert services.work_orders.get(manager, detail.order.id).lines == ()
    assert services.stock.on_hand(manager, screen.id) == 2


def test_a_part_not_in_the_catalogue_is_a_free_text_line(detail, screen):
    picker = detail.pick_part()
    picker.free_button.click()
    assert detail.editor.line_inputs()[-1].part_id is None
    assert detail.editor.line_inputs()[-1].kind == LineKind.PART.value


def test_short_lines_can_wait_for_parts_and_the_counter_hears_when_they_arrive(
    detail, services, manager, screen, tmp_path, qtbot, monkeypatch
):
    picker = detail.pick_part()
    picker.choose()
    row = detail.editor.lines.rowCount() - 1
    detail.editor.lines.item(row, 2).setText("3")
    detail.save_lines()
    assert not detail.editor.wait_button.isHidden()  # short: the order may wait instead
    detail.editor.wait_button.click()
    order = services.work_orders.get(manager, detail.order.id)
    assert order.status is WorkOrderStatus.AWAITING_PARTS
    assert services.stock.on_hand(manager, screen.id) == 2  # held, not taken
    note = detail.editor.parts_note.text()
    assert "2 of 3 held, 1 short" in note and not detail.editor.parts_note.isHidden()

    monkeypatch.setattr(WorkOrdersPage, "open_dialog", lambda self, dialog: None)
    counter = WorkOrdersPage(detail._ctx)
    qtbot.addWidget(counter)
    assert counter.parts_arrived.isHidden()
    services.stock.receive(manager, screen.id, 1, "300")
    detail._ctx.bus.publish(Changes(parts=True))
    assert counter.parts_arrived.count() == 1 and not counter.parts_arrived.isHidden()
    assert order.number in counter.parts_arrived.item(0).text()
    assert "(1)" in counter.parts_arrived_title.text()
    detail.reload()
    assert "continue" in detail.editor.parts_note.text()


@pytest.mark.parametrize("typed", ["", "SCR-IP"])
def test_one_enter_in_the_picker_adds_one_part(services, clerk, screen, tmp_path, qtbot, typed):
    """With the real worker: Enter used to reach the dialog's default button too, adding the
    highlighted part at once and again when the search came back (from a tester)."""
    from dataclasses import replace

    from outletdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    ctx = replace(ui_context(services, clerk, tmp_path), runner=runner)
    picker = PartPickerDialog(ctx, clerk.outlet_id, "iPhone 12")
    qtbot.addWidget(picker)
    picked = []
    picker.picked.connect(picked.append)
    picker.show()
    qtbot.waitUntil(lambda: picker.model.rows != [])
    if typed:
        picker.search.clear()
        qtbot.keyClicks(picker.search, typed)  # Enter before the search has run
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.result() == picker.DialogCode.Accepted)
    qtbot.wait(300)  # a second pick would arrive with the search's answer
    assert [row.sku for row in picked] == ["SCR-IP12"]
    runner.shutdown()


def test_the_upkeep_picker_does_not_offer_to_wait_for_parts(services, clerk, tmp_path, qtbot):
    services.catalogue.create_part(
        make_actor(services, clerk.outlet_id, Role.MANAGER, "boss"),
        PartInput("TIP-900", "Soldering tip 烙铁头", models=("T12",)),
    )
    ctx = ui_context(services, clerk, tmp_path)
    for_order = PartPickerDialog(ctx, clerk.outlet_id, "TIP-900")
    upkeep = PartPickerDialog(ctx, clerk.outlet_id, "TIP-900", for_order=False)
    for picker in (for_order, upkeep):
        qtbot.addWidget(picker)
    assert "wait for parts" in for_order.availability.text()
    assert "None free at this outlet" in upkeep.availability.text()
    assert "wait for parts" not in upkeep.availability.text()
