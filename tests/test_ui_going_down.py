"""The forms of going down, in English and Chinese: the upkeep log's note sits on its row with no
blank gap around it, and "put under repair" is off, greyed and explained for an asset already
under repair or out of service; the Status dialog asks for the reason when the asset is taken
out of service and puts a refusal on that field; the history shows the import's cause in the
window's language."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor, ui_context
from test_equipment_import import write_xlsx

from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.models import AssetStatus, RecordKind, Role
from outletdesk.ui.equipment.page import EquipmentPage

WORDS = {
    "en": {"already": "already", "required": "(required)", "imported": "by import"},
    "zh_CN": {"already": "已", "required": "必填", "imported": "由导入设为停用"},
}


@pytest.fixture
def page(services, staff, station, tmp_path, qtbot, language):
    widget = EquipmentPage(ui_context(services, staff, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append
    qtbot.addWidget(widget)
    widget.table.selectRow([r.tag for r in widget.model.rows].index(station.tag))
    return widget


@pytest.mark.parametrize("status", ["under_repair", "out_of_service"])
def test_the_log_form_of_an_asset_already_down(page, services, staff, station, qtbot, language,
                                               status):  # fmt: skip
    _, _, changes = services.equipment.set_status(
        staff, station.id, station.version, status, "No heat 不加热"
    )
    page.refresh(changes)
    page.table.selectRow([r.tag for r in page.model.rows].index(station.tag))
    assert page.detail.status is AssetStatus(status)
    page.log_selected(RecordKind.BREAKDOWN)
    form = page.log_dialog
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    # Down already: nothing to put under repair, and the form says so beside the box.
    assert not form.put_under_repair.isChecked() and not form.put_under_repair.isEnabled()
    assert form.already_down.isVisible()
    assert WORDS[language]["already"] in form.already_down.text()
    # The note about the open downtime is as tall as its lines, with no gap around it.
    note = form.down_note
    assert note.isVisible() and note.height() == note.heightForWidth(note.width())
    gap = form.notes.geometry().top() - note.geometry().bottom()
    assert gap <= form.layout().spacing() + 12
    # A repair order may still be opened; the box stays off.
    form.open_order.setChecked(True)
    assert not form.put_under_repair.isChecked() and form.order_fault.isEnabled()
    form.open_order.setChecked(False)
    form.cause.setText("Heater open 发热芯断路")
    form.submit()
    assert form.result() == form.DialogCode.Accepted
    (row,) = services.maintenance.records(staff, asset_id=station.id)  # filled in: one record
    assert row.still_down and row.failure_cause == "Heater open 发热芯断路"
    assert services.equipment.get(staff, station.id).status is AssetStatus(status)


def test_the_status_dialog_asks_for_the_reason_when_taking_it_out(
    page, services, staff, station, qtbot, language
):
    dialog = page.change_status()
    qtbot.addWidget(dialog)
    assert WORDS[language]["required"] not in dialog.reason.placeholderText()  # in service
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.UNDER_REPAIR.value))
    assert WORDS[language]["required"] in dialog.reason.placeholderText()
    dialog.show()
    before = audit_count(services)
    dialog.reason.setPlainText("  ")
    dialog.submit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert station.tag in dialog.error.text() and "c62828" in dialog.reason.styleSheet()
    assert audit_count(services) == before
    assert services.equipment.get(staff, station.id).status is AssetStatus.IN_SERVICE
    # The refusal's lines do not squeeze the note above them.
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.reason.setPlainText("No heat 不加热")
    assert "c62828" not in dialog.reason.styleSheet()  # gone as it is edited
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    (row,) = services.maintenance.records(staff, asset_id=station.id)
    assert row.still_down and row.failure_cause == "No heat 不加热"


def test_the_history_shows_the_imports_cause_in_the_windows_language(
    page, services, staff, station, tmp_path, language
):
    boss = make_actor(services, station.outlet_id, Role.MANAGER, "boss")
    path = write_xlsx(tmp_path / "register.xlsx",
                      [[station.tag, station.name, station.category, "Out of service"]],
                      ["Tag", "Name", "Category", "Status"])  # fmt: skip
    report, changes = EquipmentImporter(services.db).run(boss, path)
    assert report.written
    page.refresh(changes)
    page.table.selectRow([r.tag for r in page.model.rows].index(station.tag))
    assert WORDS[language]["imported"] in page.details.toPlainText()
