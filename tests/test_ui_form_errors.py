"""A form's error (the field outlined in red, the message below) goes as soon as the user edits
that field, in every form that shows errors with FormErrors: the upkeep log, a new part, a
customer. Editing another field leaves it; nothing is saved on the bad input."""

from __future__ import annotations

import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import Qt

from outletdesk.core.equipment.register import AssetInput
from outletdesk.models import RecordKind, Role
from outletdesk.ui.customer_dialog import CustomerDialog
from outletdesk.ui.equipment.page import EquipmentPage
from outletdesk.ui.parts.part_dialog import PartDialog
from outletdesk.ui.settings.forms import INVALID_STYLE


def outlined(widget) -> bool:
    return INVALID_STYLE in widget.styleSheet()


@pytest.fixture
def keeper(services, outlet):
    return make_actor(services, outlet.id, Role.MAINTENANCE, "keeper")


def test_upkeep_log_error_goes_when_the_time_spent_is_corrected(
    services, keeper, outlet, tmp_path, qtbot
):
    tools = next(c.id for c in services.equipment.categories(keeper) if c.name.startswith("Tools"))
    station, _ = services.equipment.create(
        keeper, AssetInput("热风枪 Hot air station", tools, outlet.id, make="Quick")
    )
    page = EquipmentPage(ui_context(services, keeper, tmp_path))
    page.open_dialog = lambda dialog: None  # the test drives the dialog
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.detail is not None and page.detail.id == station.id
    page.log_selected(RecordKind.REPAIR)
    dialog = page.log_dialog
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.minutes.setText("abc")
    dialog.submit()
    assert "Time spent" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert outlined(dialog.minutes)
    assert services.maintenance.records(keeper, asset_id=station.id) == []
    dialog.notes.setPlainText("Replaced the heater")  # another field: the error stays
    assert dialog.error.isVisibleTo(dialog) and outlined(dialog.minutes)
    dialog.minutes.setFocus()
    dialog.minutes.selectAll()
    qtbot.keyClicks(dialog.minutes, "30")
    assert dialog.minutes.text() == "30"
    assert not dialog.error.isVisibleTo(dialog) and dialog.error.text() == ""
    assert not outlined(dialog.minutes)
    # A second error on the same field is shown, and goes again when the field is edited.
    dialog.minutes.setText("-5")
    dialog.submit()
    assert dialog.error.isVisibleTo(dialog) and outlined(dialog.minutes)
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Backspace)
    assert not dialog.error.isVisibleTo(dialog) and not outlined(dialog.minutes)
    dialog.minutes.setText("30")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [r.minutes for r in services.maintenance.records(keeper, asset_id=station.id)] == [30]


def test_new_part_error_goes_when_the_name_is_corrected(services, outlet, tmp_path, qtbot):
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    dialog = PartDialog(ui_context(services, manager, tmp_path), None, [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.sku.setText("LCD-P30")
    dialog.name.setText("=cmd|' /C calc'!A0")
    dialog.submit()
    assert "Part name" in dialog.error.text() and dialog.error.isVisibleTo(dialog)
    assert outlined(dialog.name)
    assert services.part_list.rows(manager, "LCD-P30").rows == []
    qtbot.keyClicks(dialog.sku, "X")  # another field: the error stays
    assert dialog.error.isVisibleTo(dialog) and outlined(dialog.name)
    dialog.name.clear()  # the user empties the name: the old complaint no longer applies
    assert not dialog.error.isVisibleTo(dialog) and not outlined(dialog.name)
    qtbot.keyClicks(dialog.name, "LCD Huawei P30")  # keyClicks types no Chinese
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_customer_error_goes_when_the_phone_is_corrected(services, outlet, tmp_path, qtbot):
    clerk = make_actor(services, outlet.id, Role.CLERK, "desk")
    dialog = CustomerDialog(ui_context(services, clerk, tmp_path), None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("李娜 Li Na")
    dialog.phones[0].setText("abc")
    dialog.submit()
    assert dialog.error.text().startswith("Phone:") and dialog.error.isVisibleTo(dialog)
    assert outlined(dialog.phones[0])
    qtbot.keyClicks(dialog.phones[0], "1")
    assert not dialog.error.isVisibleTo(dialog) and not outlined(dialog.phones[0])
    assert services.customers.search(clerk).total == 0
