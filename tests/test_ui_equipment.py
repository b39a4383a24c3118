"""Equipment & maintenance page and its dialogs, driven through real widgets on a real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from conftest import make_actor, ui_context

from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.outlets import OutletInput
from outletdesk.models import AssetStatus, RecordKind, Role
from outletdesk.ui.equipment.asset_dialog import AssetDialog
from outletdesk.ui.equipment.page import EquipmentPage
from outletdesk.ui.equipment.register_dialogs import (
    CategoriesDialog,
    MeterDialog,
    ReadingDialog,
    StatusDialog,
)
from outletdesk.ui.equipment.tags import looks_like_asset_tag
from outletdesk.ui.main_window import MainWindow


@pytest.fixture
def keeper(services, outlet):
    return make_actor(services, outlet.id, Role.MAINTENANCE, "keeper")


@pytest.fixture
def assets(services, keeper, cli_actor, outlet):
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    cats = {c.name.split()[0]: c.id for c in services.equipment.categories(keeper)}
    station, _ = services.equipment.create(
        keeper,
        AssetInput(
            "热风枪 Hot air station", cats["Tools"], outlet.id, make="Quick", model="861DW",
            serial="QK-1001", location="Bench 1", purchase_cost="1200", purchase_date="2024-03-01",
        ),
    )  # fmt: skip
    scope, _ = services.equipment.create(
        keeper,
        AssetInput("Oscilloscope 示波器", cats["Test"], outlet.id, make="Rigol", model="DS1054Z"),
    )
    van, _ = services.equipment.create(
        keeper, AssetInput("Service van 上门服务车", cats["Vehicles"], other.id, model="Wuling")
    )
    return station, scope, van, other


@pytest.fixture
def page(services, keeper, assets, tmp_path, qtbot):
    widget = EquipmentPage(ui_context(services, keeper, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    return widget


def _select(page, tag):
    tags = [r.tag for r in page.model.rows]
    page.table.selectRow(tags.index(tag))
    assert page.detail is not None and page.detail.tag == tag


def test_list_is_this_outlets_with_filters_and_details(page, assets):
    station, scope, van, other = assets
    assert [r.tag for r in page.model.rows] == [station.tag, scope.tag]  # the keeper's outlet
    assert "2 assets" in page.count_label.text()
    page.outlet.setCurrentIndex(page.outlet.findData(0))  # all outlets
    assert len(page.model.rows) == 3
    page.category.setCurrentIndex(page.category.findData(van.category_id))
    assert [r.tag for r in page.model.rows] == [van.tag]
    page.category.setCurrentIndex(0)
    page.search.setText("rigol")
    page.run_search()
    assert [r.tag for r in page.model.rows] == [scope.tag]
    page.search.setText("QK-1001")  # serial
    page.run_search()
    assert [r.tag for r in page.model.rows] == [station.tag]
    text = page.details.toPlainText()
    for expected in ("热风枪 Hot air station", station.tag, "In service", "Quick", "861DW",
                     "1,200.00", "2024-03-01", "Bench 1"):  # fmt: skip
        assert expected in text
    assert "In service" in text.split("History")[1]  # the registration is in its history


def test_new_asset_refuses_bad_input_then_creates(page, services, keeper):
    before = len(services.equipment.search(keeper, include_retired=True))
    listed = len(page.model.rows)
    dialog = page.new_asset()
    assert isinstance(dialog, AssetDialog)
    dialog.name.setText("Multimeter 万用表")
    dialog.purchase_date.setText("2024-02-30")
    dialog.submit()
    assert "Purchase date" in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.purchase_date.styleSheet()  # the field named is outlined
    dialog.purchase_date.setText("2024-02-01")
    dialog.warranty_end.setText("2023-01-01")
    dialog.submit()
    assert "Warranty end" in dialog.error.text()
    assert len(services.equipment.search(keeper, include_retired=True)) == before
    dialog.warranty_end.setText("2026-02-01")
    dialog.purchase_cost.setText("180")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.detail is not None and page.detail.name == "Multimeter 万用表"
    assert page.detail.tag.startswith("EQ-N-") and str(page.detail.purchase_cost) == "180.00"
    assert page.selected().tag == page.detail.tag and len(page.model.rows) == listed + 1


def test_a_customers_equipment_is_linked_to_them_and_back_to_the_outlet(
    page, services, keeper, assets, outlet
):
    from outletdesk.core.customers import CustomerInput

    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    lab, _ = services.customers.create(manager, CustomerInput("Li Lab 李实验室", ["13800138000"]))
    services.customers.create(manager, CustomerInput("Lin Wei", ["13900139000"]))
    scope = assets[1]
    _select(page, scope.tag)
    listed = [r.id for r in page.model.rows]
    dialog = page.edit_selected()
    assert dialog.owner.currentData() == 0 and dialog.owner.count() == 1  # the outlet's own
    dialog.owner_search.setText("1380013")  # by phone
    dialog.find_owner()
    assert [dialog.owner.itemData(i) for i in range(dialog.owner.count())] == [0, lab.id]
    dialog.owner.setCurrentIndex(1)
    dialog.owner_search.setText("Lin")
    dialog.find_owner()  # the one chosen stays while others are looked for
    assert dialog.owner.currentData() == lab.id and dialog.owner.count() == 3
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.detail.customer_id == lab.id and "Li Lab" in page.details.toPlainText()
    assert [r.id for r in page.model.rows] == listed and page.search.text() == ""  # list kept

    again = page.edit_selected()
    assert again.owner.currentData() == lab.id and "Li Lab" in again.owner.currentText()
    again.owner.setCurrentIndex(again.owner.findData(0))
    again.submit()
    assert services.equipment.get(keeper, scope.id).customer_id is None


def test_edit_and_a_stale_edit_is_refused(page, services, keeper, assets):
    station = assets[0]
    _select(page, station.tag)
    dialog = page.edit_selected()
    assert dialog.name.text() == station.name and dialog.serial.text() == "QK-1001"
    services.equipment.update(
        keeper, station.id, station.version, replace(station.input(), location="Bench 2")
    )  # a colleague's change while the dialog is open
    dialog.location.setText("Bench 3")
    dialog.submit()
    assert "changed by someone else" in dialog.error.text()
    assert services.equipment.get(keeper, station.id).location == "Bench 2"
    page.show_selected()  # opened again, with the colleague's change
    fresh = page.edit_selected()
    assert fresh.location.text() == "Bench 2"
    fresh.location.setText("Bench 3")
    fresh.submit()
    assert fresh.result() == fresh.DialogCode.Accepted
    assert "Bench 3" in page.details.toPlainText()


def test_retire_needs_a_reason_then_hides_the_asset(page, services, keeper, assets):
    station = assets[0]
    _select(page, station.tag)
    dialog = page.change_status()
    assert isinstance(dialog, StatusDialog)
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.RETIRED.value))
    assert not dialog.retired_on.isHidden()
    dialog.submit()
    assert "Reason" in dialog.error.text()
    assert services.equipment.get(keeper, station.id).status is AssetStatus.IN_SERVICE
    dialog.reason.setPlainText("Heater burnt out 发热芯烧坏")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert station.tag not in [r.tag for r in page.model.rows]
    page.show_retired.setChecked(True)
    _select(page, station.tag)
    text = page.details.toPlainText()
    assert "Retired" in text and "Heater burnt out" in text


def test_under_repair_shows_in_its_colour(page, assets):
    scope = assets[1]
    _select(page, scope.tag)
    dialog = page.change_status()
    assert dialog.retired_on.isHidden()
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.UNDER_REPAIR.value))
    dialog.reason.setPlainText("No trace on channel 2")
    dialog.submit()
    row = [r.tag for r in page.model.rows].index(scope.tag)
    from PySide6.QtCore import Qt

    colour = page.model.data(page.model.index(row, 2), Qt.ItemDataRole.ForegroundRole).color()
    assert colour.name() == "#c62828" and page.model.rows[row].status is AssetStatus.UNDER_REPAIR
    assert page.model.data(page.model.index(row, 2)) == "Under repair"


def test_meter_and_readings_that_only_go_up(page, services, keeper, assets):
    station = assets[0]
    _select(page, station.tag)
    assert not page.reading_button.isEnabled()  # no meter yet
    dialog = page.add_meter()
    assert isinstance(dialog, MeterDialog)
    dialog.submit()
    assert "Meter" in dialog.error.text()
    dialog.name.setText("Operating hours")
    dialog.unit.setText("h")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.reading_button.isEnabled()
    reading = page.add_reading()
    assert isinstance(reading, ReadingDialog) and reading.last.text() == "none yet"
    reading.value.setText("120.5")
    reading.submit()
    assert reading.result() == reading.DialogCode.Accepted
    lower = page.add_reading()
    assert lower.last.text().startswith("120.5 h")
    lower.value.setText("100")
    lower.submit()
    assert "lower than an earlier reading" in lower.error.text()
    meter = services.equipment.get(keeper, station.id).meters[0]
    assert str(meter.value) == "120.50"
    text = page.details.toPlainText()
    assert "Operating hours" in text and "120.5 h" in text and "Reading: Operating hours" in text


def test_categories_add_rename_retire(page, services, keeper):
    dialog = page.open_categories()
    assert isinstance(dialog, CategoriesDialog) and dialog.list.count() == 5
    dialog.name.setText("Tools 工具")
    dialog.add()
    assert "already exists" in dialog.error.text() and dialog.list.count() == 5
    dialog.name.setText("Cleaning 清洁设备")
    dialog.add()
    assert dialog.list.count() == 6
    names = [c.name for c in dialog.categories]
    dialog.list.setCurrentRow(names.index("Cleaning 清洁设备"))
    dialog.name.setText("Cleaning & ESD 清洁防静电")
    dialog.rename()
    dialog.list.setCurrentRow(
        [c.name for c in dialog.categories].index("Cleaning & ESD 清洁防静电")
    )
    dialog.toggle_active()
    assert dialog.list.count() == 5
    assert page.category.findText("Cleaning & ESD 清洁防静电") < 0  # the page's filter follows
    dialog.show_retired.setChecked(True)
    assert any("(retired)" in dialog.list.item(i).text() for i in range(dialog.list.count()))


def test_a_clerk_sees_the_register_but_changes_nothing(services, outlet, assets, tmp_path, qtbot):
    clerk = make_actor(services, outlet.id, Role.CLERK, "clerk")
    widget = EquipmentPage(ui_context(services, clerk, tmp_path))
    qtbot.addWidget(widget)
    assert len(widget.model.rows) == 2 and widget.detail is not None
    for button in (widget.new_button, widget.edit_button, widget.status_button,
                   widget.meter_button, widget.reading_button, widget.categories_button):  # fmt: skip
        assert not button.isEnabled() and button.toolTip()
    assert widget.edit_selected() is None and widget.change_status() is None


def test_a_technician_is_not_offered_retirement(services, outlet, assets, tmp_path, qtbot):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    dialog = StatusDialog(ui_context(services, tech, tmp_path), assets[0])
    qtbot.addWidget(dialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["in_service", "out_of_service", "under_repair"]


def test_a_technician_may_take_an_asset_out_but_not_edit_it(
    services, outlet, assets, tmp_path, qtbot
):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    widget = EquipmentPage(ui_context(services, tech, tmp_path))
    qtbot.addWidget(widget)
    assert widget.status_button.isEnabled() and not widget.edit_button.isEnabled()
    dialog = StatusDialog(widget._ctx, widget.detail, widget)
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.RETIRED.value))
    dialog.reason.setPlainText("old")
    dialog.submit()
    assert dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    assert services.equipment.get(tech, widget.detail.id).status is AssetStatus.IN_SERVICE


def test_asset_tags_are_recognised():
    assert looks_like_asset_tag("EQ-N-000012") and looks_like_asset_tag(" eq-sz2-000001 ")
    assert not looks_like_asset_tag("N-000012") and not looks_like_asset_tag("EQ-000012")


def test_a_scanned_tag_opens_the_asset_at_any_outlet(services, keeper, assets, tmp_path, qtbot):
    van = assets[2]
    window = MainWindow(ui_context(services, keeper, tmp_path), "North")
    qtbot.addWidget(window)
    window.handle_scan(van.tag.lower())
    page = window.equipment
    assert window.pages.currentWidget() is page
    assert page.detail is not None and page.detail.id == van.id
    assert page.outlet.currentData() == van.outlet_id
    window.handle_scan("EQ-N-999999")
    assert "EQ-N-999999" in page.notice.text() and not page.notice.isHidden()


@pytest.fixture
def planned(services, keeper, assets):
    from datetime import date, timedelta

    from outletdesk.core.equipment.maintenance import ItemInput, PlanInput

    station = assets[0]
    meter, _ = services.equipment.add_meter(keeper, station.id, "Operating hours", "h")
    plan, _ = services.maintenance.create_plan(
        keeper,
        PlanInput(
            "Monthly check 月检", asset_id=station.id, interval_count=1, interval_unit="month",
            start_date=date.today() - timedelta(days=2), estimated_minutes=15,
            items=(
                ItemInput("check", "Cable intact"),
                ItemInput("number", "Tip temperature", "°C", "340", "360"),
                ItemInput("text", "Remarks"),
            ),
        ),
    )  # fmt: skip
    return station, plan, meter


def test_due_list_logs_a_task_with_its_checklist(page, services, keeper, planned):
    station, plan, meter = planned
    page.tabs.setCurrentWidget(page.due_tab)
    due = page.due_tab
    assert [t.plan_id for t in due.model.rows] == [plan.id]
    assert due.model.data(due.model.index(0, 0)) == "Overdue"
    assert "1 overdue" in due.summary.text() and page.tabs.tabText(1) == "Due (1)"
    due.log_selected()
    dialog = page.log_dialog
    assert dialog.plan.currentData() == plan.id and len(dialog.answers) == 3
    cable, temperature, _remarks = dialog.answers.values()
    temperature.setText("372")
    assert "c62828" in temperature.styleSheet()  # out of range, shown as typed
    temperature.setText("350")
    assert temperature.styleSheet() == ""
    dialog.submit()  # the check is unanswered
    assert "Cable intact" in dialog.error.text() and not dialog.error.isHidden()
    assert services.maintenance.records(keeper, asset_id=station.id) == []
    cable.setCurrentIndex(cable.findData("ok"))
    dialog.reading_edits[meter.id].setText("12")
    dialog.minutes.setText("20")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    records = services.maintenance.records(keeper, asset_id=station.id)
    assert len(records) == 1 and records[0].passed and records[0].minutes == 20
    assert due.model.rows == []  # next month's is not due yet
    assert services.equipment.get(keeper, station.id).meters[0].value == 12


def test_breakdown_puts_the_asset_under_repair_and_counts_in_the_figures(
    page, services, keeper, assets, qtbot
):
    """A breakdown put under repair is still down by default: no end time is made up, MTTR waits
    for the repair, and the downtime ends when the asset is set back in service."""
    scope = assets[1]
    _select(page, scope.tag)
    page.log_selected(RecordKind.BREAKDOWN)
    dialog = page.log_dialog
    assert dialog.down.isChecked() and dialog.put_under_repair.isChecked()
    assert dialog.still_down.isChecked() and dialog.still_down.isEnabled()
    assert dialog.down_from.isEnabled() and not dialog.down_to.isEnabled()
    assert not dialog.cause.isHidden() and dialog.plan.isHidden()
    dialog.submit()
    assert "Failure cause" in dialog.error.text()
    dialog.cause.setText("No trace 无波形")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    (row,) = services.maintenance.records(keeper, asset_id=scope.id)
    assert row.still_down and row.downtime_hours is None
    assert page.detail.status is AssetStatus.UNDER_REPAIR
    text = page.details.toPlainText()
    assert "Breakdown" in text and "still down since" in text
    page.tabs.setCurrentWidget(page.figures_tab)
    figures = page.figures_tab
    row = next(r for r in figures.model.rows if r.key and r.failures)
    assert row.failures == 1 and row.mttr_hours is None  # not repaired yet
    assert row.downtime_hours > 0 and row.availability < 1  # down for the last hour
    assert "Compliance" in figures.compliance_label.text()
    figures.group.setCurrentIndex(figures.group.findData("model"))
    assert any("DS1054Z" in r.label for r in figures.model.rows)

    page.tabs.setCurrentIndex(0)
    dialog = page.change_status()
    assert not dialog.down_note.isHidden() and "down since" in dialog.down_note.text()
    assert "ends when it is back in service" in dialog.down_note.text()
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.IN_SERVICE.value))
    (row,) = services.maintenance.records(keeper, asset_id=scope.id)
    assert row.number in dialog.down_note.text() and "ends now" in dialog.down_note.text()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())
    dialog.reason.setPlainText("Probe replaced")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    (row,) = services.maintenance.records(keeper, asset_id=scope.id)
    assert not row.still_down and row.downtime_hours is not None
    notice = page.notice.text()
    assert not page.notice.isHidden() and notice.startswith("Back in service; down 1.0 h since ")
    assert notice.endswith(f"({row.number}).") and page.detail.down is None
    dialog = page.change_status()  # nothing open any more
    assert dialog.down_note.isHidden()
    text = page.details.toPlainText()
    assert "still down" not in text and "down 1.0 h" in text
    figures.group.setCurrentIndex(figures.group.findData("asset"))
    figures.load()
    row = next(r for r in figures.model.rows if r.key == scope.tag)
    assert (
        row.mttr_hours == services.maintenance.records(keeper, asset_id=scope.id)[0].downtime_hours
    )


def test_still_down_follows_put_under_repair_and_a_closed_downtime_still_logs(
    page, services, keeper, assets, qtbot
):
    station = assets[0]
    _select(page, station.tag)
    page.log_selected(RecordKind.BREAKDOWN)
    dialog = page.log_dialog
    dialog.put_under_repair.setChecked(False)  # it keeps working: not still down
    assert not dialog.still_down.isChecked() and dialog.down_to.isEnabled()
    dialog.still_down.setChecked(True)  # while it stays in service: refused, naming the field
    dialog.cause.setText("Fan noisy 风扇异响")
    dialog.submit()
    assert "Down until" in dialog.error.text() and station.tag in dialog.error.text()
    assert "c62828" in dialog.down_to.styleSheet()
    assert services.maintenance.records(keeper, asset_id=station.id) == []
    dialog.put_under_repair.setChecked(True)
    assert dialog.still_down.isChecked() and not dialog.down_to.isEnabled()
    dialog.still_down.setChecked(False)  # repaired on the spot: an hour, as entered
    assert dialog.down_to.isEnabled()
    data = dialog.input()
    assert data.down_to is not None and data.down_to - data.down_from == timedelta(hours=1)
    dialog.kind.setCurrentIndex(dialog.kind.findData(RecordKind.REPAIR.value))
    assert not dialog.still_down.isEnabled() and not dialog.still_down.isChecked()
    assert dialog.down_to.isEnabled() and dialog.input().down_to is not None  # it has an end
    dialog.kind.setCurrentIndex(dialog.kind.findData(RecordKind.BREAKDOWN.value))
    assert dialog.still_down.isChecked() and dialog.input().down_to is None
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    # A second breakdown while it is still down: the form says so before saving, and this one
    # has no downtime of its own by default, nor may it be still down (one open downtime).
    (first,) = services.maintenance.records(keeper, asset_id=station.id)
    page.log_selected(RecordKind.BREAKDOWN)
    again = page.log_dialog
    assert not again.down_note.isHidden() and first.number in again.down_note.text()
    assert "a failure found meanwhile has no downtime of its own" in again.down_note.text()
    qtbot.addWidget(again)
    again.show()  # the wrapped line does not push Notes under the buttons
    assert again.height() >= again.layout().totalHeightForWidth(again.width())
    assert again.down.isEnabled() and not again.down.isChecked()  # enabled for an earlier one
    assert not again.still_down.isEnabled() and not again.still_down.isChecked()
    # Under repair already: nothing to put under repair, and the form says why.
    assert not again.put_under_repair.isChecked() and not again.put_under_repair.isEnabled()
    assert not again.already_down.isHidden() and "already" in again.already_down.text()
    again.put_under_repair.setChecked(False)
    again.put_under_repair.setChecked(True)  # still down follows; not while it is off
    assert not again.still_down.isChecked() and again.input().down_from is None
    again.kind.setCurrentIndex(again.kind.findData(RecordKind.REPAIR.value))
    assert again.down.isEnabled() and "ends when it is back in service" in again.down_note.text()
    again.kind.setCurrentIndex(again.kind.findData(RecordKind.BREAKDOWN.value))
    assert not again.down.isChecked() and not again.still_down.isEnabled()
    again.cause.setText("Cable burnt")
    again.submit()
    assert again.result() == again.DialogCode.Accepted
    second = next(
        r for r in services.maintenance.records(keeper, asset_id=station.id) if r.id != first.id
    )
    assert second.downtime_hours is None and not second.still_down
    assert services.maintenance.records(keeper, asset_id=station.id)[-1].still_down  # the first


def test_the_log_form_offers_only_the_plans_that_apply_to_the_asset(page, services, keeper, assets):
    """A category's meter-only plan is not offered for an asset without that meter (as the due
    list leaves it out); once the asset has the meter, it is."""
    from outletdesk.core.equipment.maintenance import PlanInput

    station, scope = assets[0], assets[1]
    hours = PlanInput(
        "Every 500 h 每500小时", category_id=station.category_id, meter_name="Operating hours",
        meter_interval="500", start_date=date.today(),
    )  # fmt: skip
    yearly = replace(hours, name="Yearly 年检", meter_name="", meter_interval=None,
                     interval_count=1, interval_unit="year")  # fmt: skip
    for plan in (hours, yearly):
        services.maintenance.create_plan(keeper, plan)
    _select(page, station.tag)
    page.log_selected(RecordKind.PLANNED)
    offered = [page.log_dialog.plan.itemText(i) for i in range(page.log_dialog.plan.count())]
    assert offered == ["(no plan)", "Yearly 年检"]
    services.equipment.add_meter(keeper, station.id, "Operating hours", "h")
    page.log_selected(RecordKind.PLANNED)
    offered = [page.log_dialog.plan.itemText(i) for i in range(page.log_dialog.plan.count())]
    assert offered == ["(no plan)", "Every 500 h 每500小时", "Yearly 年检"]
    _select(page, scope.tag)  # another category: none of them
    page.log_selected(RecordKind.PLANNED)
    assert page.log_dialog.plan.count() == 1


def test_a_failed_check_opens_a_repair_order_with_a_part_and_an_earlier_time(
    page, services, keeper, planned, outlet, qtbot
):
    from datetime import datetime, timedelta

    from outletdesk.core.parts.catalogue import PartInput

    station, plan, _meter = planned
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    fuse, _ = services.catalogue.create_part(manager, PartInput("FUSE-2A", "Fuse 2 A 保险丝"))
    services.stock.receive(manager, fuse.id, 5, "1.20")
    _select(page, station.tag)
    page.log_selected(RecordKind.PLANNED)
    dialog = page.log_dialog
    assert not dialog.open_order.isEnabled() and not dialog.put_under_repair.isEnabled()
    cable, temperature, _remarks = dialog.answers.values()
    cable.setCurrentIndex(cable.findData("ok"))
    temperature.setText("372")  # out of range: now the asset may go under repair
    assert dialog.open_order.isEnabled() and not dialog.order_fault.isEnabled()
    dialog.open_order.setChecked(True)
    assert dialog.put_under_repair.isChecked() and dialog.order_fault.isEnabled()
    assert dialog.order_fault.text() == "Tip temperature: 372 °C (340–360)"
    dialog.order_fault.setText(dialog.order_fault.text() + ", heater suspected")

    opened = []
    dialog.open_dialog = opened.append
    picker = dialog.pick_part()
    assert opened == [picker] and picker.free_button.isHidden()
    picker.search.setText("FUSE")
    picker.run_search()
    picker.choose()
    dialog.pick_part().choose()  # the same part again: two of it
    assert dialog.kit_edits[fuse.id].text() == "2"
    earlier = datetime.now().astimezone().replace(second=0, microsecond=0) - timedelta(hours=3)
    dialog.done_at.setDateTime(earlier)

    with qtbot.waitSignal(page.open_work_order) as opened_order:
        dialog.submit()
        assert dialog.result() == dialog.DialogCode.Accepted
        # The check, and the downtime it started when it was found (one failure).
        down, record = services.maintenance.records(keeper, asset_id=station.id)
        assert down.kind is RecordKind.BREAKDOWN and down.still_down
        assert down.done_at == earlier and page.detail.down.number == down.number
        done = services.maintenance.record(keeper, record.id)
        assert done.work_order and done.work_order in page.notice.text()
        assert done.done_at == earlier and done.parts == ((fuse.id, "FUSE-2A", fuse.name, 2),)
        page.notice.linkActivated.emit(done.work_order)
    assert opened_order.args == [done.work_order]
    order = services.work_orders.by_number(manager, done.work_order)
    assert order.reported_fault.endswith("372 °C (340–360), heater suspected")
    assert page.detail.status is AssetStatus.UNDER_REPAIR
    assert services.stock.on_hand(manager, fuse.id) == 3


def test_a_passed_check_offers_no_repair_order(page, planned):
    station = planned[0]
    _select(page, station.tag)
    page.log_selected(RecordKind.PLANNED)
    dialog = page.log_dialog
    cable, temperature, _remarks = dialog.answers.values()
    cable.setCurrentIndex(cable.findData("not ok"))
    assert dialog.open_order.isEnabled()
    dialog.open_order.setChecked(True)
    cable.setCurrentIndex(cable.findData("ok"))  # answered wrongly at first
    assert not dialog.open_order.isEnabled() and not dialog.open_order.isChecked()
    assert dialog.input().repair_order_fault == ""


def test_calendar_marks_the_due_day_and_lists_its_tasks(page, planned):
    from PySide6.QtCore import QDate

    plan = planned[1]
    page.tabs.setCurrentWidget(page.calendar_tab)
    tab = page.calendar_tab
    first_due = plan.start_date
    tab.calendar.setCurrentPage(first_due.year, first_due.month)  # loads that month
    due_on = next(day for day, tasks in tab.days.items() if tasks[0].plan_id == plan.id)
    assert due_on == first_due
    tab.calendar.setSelectedDate(QDate(due_on))
    assert [t.plan_id for t in tab.model.rows] == [plan.id]
    assert "1 tasks" in tab.day_label.text()
    assert tab.calendar.dateTextFormat(QDate(due_on)).fontWeight() == 700
