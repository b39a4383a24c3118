"""Maintenance plans in the window: the Plans tab and the plan form, driven through real widgets
on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from conftest import make_actor, ui_context
from PySide6.QtCore import QDate, Qt

from outletdesk.core.equipment.maintenance import ItemInput, PlanInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import PermissionDenied
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import CheckKind, Role
from outletdesk.ui.equipment.page import EquipmentPage
from outletdesk.ui.equipment.plan_dialog import PlanDialog
from outletdesk.ui.work_orders.part_picker import PartPickerDialog


@pytest.fixture
def keeper(services, outlet):
    return make_actor(services, outlet.id, Role.MAINTENANCE, "keeper")


@pytest.fixture
def assets(services, keeper, cli_actor, outlet):
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    cats = {c.name.split()[0]: c.id for c in services.equipment.categories(keeper)}
    station, _ = services.equipment.create(
        keeper, AssetInput("热风枪 Hot air station", cats["Tools"], outlet.id, model="861DW")
    )
    scope, _ = services.equipment.create(
        keeper, AssetInput("Oscilloscope 示波器", cats["Test"], outlet.id, model="DS1054Z")
    )
    van, _ = services.equipment.create(
        keeper, AssetInput("Service van 上门服务车", cats["Vehicles"], other.id)
    )
    return station, scope, van, cats


@pytest.fixture
def page(services, keeper, assets, tmp_path, qtbot):
    widget = EquipmentPage(ui_context(services, keeper, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    widget.tabs.setCurrentWidget(widget.plans_tab)
    return widget


@pytest.fixture
def kit_parts(services, cli_actor):
    made = []
    for sku, name in (("FLUX-1", "助焊剂 Flux"), ("TIP-900M", "烙铁头 Soldering tip")):
        part, _ = services.catalogue.create_part(cli_actor, PartInput(sku, name, sale_price="9"))
        made.append(part)
    return made


def _select(page, tag):
    page.tabs.setCurrentIndex(0)
    page.table.selectRow([r.tag for r in page.model.rows].index(tag))
    assert page.detail is not None and page.detail.tag == tag
    page.tabs.setCurrentWidget(page.plans_tab)


def _monthly(services, keeper, asset, name="Monthly check 月检", **changes):
    data = PlanInput(
        name, asset_id=asset.id, interval_count=1, interval_unit="month",
        start_date=date.today() - timedelta(days=2), estimated_minutes=15,
    )  # fmt: skip
    plan, _ = services.maintenance.create_plan(keeper, replace(data, **changes))
    return plan


def test_the_due_tab_no_longer_says_plans_are_not_built(page):
    assert not hasattr(page.due_tab, "not_built")
    assert page.tabs.tabText(page.tabs.indexOf(page.plans_tab)) == "Plans"
    assert page.tabs.indexOf(page.plans_tab) == page.tabs.indexOf(page.due_tab) + 1


def test_a_plan_for_the_selected_asset_is_due_at_once(page, services, keeper, assets):
    station = assets[0]
    _select(page, station.tag)
    dialog = page.plans_tab.new_plan()
    assert isinstance(dialog, PlanDialog) and dialog in page.opened
    assert dialog.for_asset.isChecked() and dialog.tag.text() == station.tag
    assert "Hot air station" in dialog.asset_label.text()
    people = [dialog.assignee.itemText(i) for i in range(dialog.assignee.count())]
    assert "Keeper" in people  # maintenance staff may be given plans
    dialog.name.setText("Monthly check 月检")
    dialog.interval.setText("1")
    dialog.unit.setCurrentIndex(dialog.unit.findData("month"))
    dialog.start.setDate(QDate(date.today() - timedelta(days=1)))
    dialog.minutes.setText("20")
    dialog.assignee.setCurrentIndex(dialog.assignee.findText("Keeper"))
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    [plan] = services.maintenance.plans(keeper)
    assert (plan.asset_id, plan.interval_count, plan.interval_unit) == (station.id, 1, "month")
    assert plan.estimated_minutes == 20 and plan.assignee == "Keeper"
    tab = page.plans_tab
    assert [p.id for p in tab.model.rows] == [plan.id] and tab.selected().id == plan.id
    texts = [tab.model.data(tab.model.index(0, c)) for c in range(tab.model.columnCount())]
    assert texts[:3] == ["Monthly check 月检", station.tag, "every month"]
    assert "Keeper" in texts and "20" in texts
    page.tabs.setCurrentWidget(page.due_tab)
    assert [(t.plan_id, t.asset_id) for t in page.due_tab.model.rows] == [(plan.id, station.id)]


def test_a_category_plan_covers_every_asset_in_it(page, services, keeper, assets):
    station, scope, _van, cats = assets
    dialog = page.plans_tab.new_plan()
    dialog.for_category.setChecked(True)
    assert not dialog.tag.isEnabled() and dialog.category.isEnabled()
    dialog.category.setCurrentIndex(dialog.category.findData(cats["Test"]))
    dialog.name.setText("Calibration 校准")
    dialog.interval.setText("2")
    dialog.unit.setCurrentIndex(dialog.unit.findData("year"))
    dialog.meter_name.setEditText("Operating hours")
    dialog.meter_interval.setText("500")
    dialog.anchor.setCurrentIndex(dialog.anchor.findData("completion"))
    dialog.lead.setText("30")
    dialog.start.setDate(QDate(date.today() + timedelta(days=10)))
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    [plan] = services.maintenance.plans(keeper)
    assert plan.category_id == cats["Test"] and plan.asset_id is None
    assert plan.anchor == "completion" and plan.lead_days == 30
    assert plan.meter_name == "Operating hours" and plan.meter_interval == Decimal(500)
    tab = page.plans_tab
    assert tab.model.data(tab.model.index(0, 1)).startswith("Every asset in Test")
    assert tab.model.data(tab.model.index(0, 2)) == (
        "every 2 years or every 500 of Operating hours"
    )
    page.tabs.setCurrentWidget(page.due_tab)
    assert [t.asset_id for t in page.due_tab.model.rows] == [scope.id]  # due within 30 days
    page.category.setCurrentIndex(page.category.findData(cats["Tools"]))
    page.tabs.setCurrentWidget(page.plans_tab)
    assert tab.model.rows == []  # the page's category filters the plans
    _monthly(services, keeper, station)
    tab.load()
    assert [p.asset_id for p in tab.model.rows] == [station.id]  # a Tools asset's own plan


def test_edit_with_a_checklist_and_a_parts_kit(page, services, keeper, assets, kit_parts):
    station = assets[0]
    plan = _monthly(services, keeper, station)
    page.plans_tab.load()
    dialog = page.plans_tab.edit_selected()
    assert dialog.name.text() == plan.name and dialog.tag.text() == station.tag
    assert dialog.interval.text() == "1" and dialog.minutes.text() == "15"
    checklist = dialog.checklist
    checklist.add_item(CheckKind.CHECK, "Cable intact 线缆完好")
    row = checklist.add_item(edit=True)
    assert checklist.table.currentRow() == row
    checklist.set_kind(row, CheckKind.NUMBER)
    for column, text in ((checklist.LABEL, "Tip temperature"), (checklist.UNIT, "°C"),
                         (checklist.MINIMUM, "340"), (checklist.MAXIMUM, "360")):  # fmt: skip
        checklist.table.item(row, column).setText(text)
    unused = checklist.table.item(0, checklist.UNIT)
    assert not unused.flags() & Qt.ItemFlag.ItemIsEditable  # a check has no unit
    assert checklist.table.item(row, checklist.UNIT).flags() & Qt.ItemFlag.ItemIsEditable
    remarks = checklist.add_item(CheckKind.TEXT, "Remarks")
    checklist.add_item(CheckKind.METER, "Hours run", "h")
    checklist.table.setCurrentCell(remarks, checklist.LABEL)
    checklist.move_item(-1)  # Remarks before the temperature
    checklist.table.setCurrentCell(0, checklist.LABEL)
    checklist.move_item(1)
    assert [i.label for i in checklist.items()] == [
        "Remarks", "Cable intact 线缆完好", "Tip temperature", "Hours run",
    ]  # fmt: skip
    checklist.table.setCurrentCell(0, checklist.LABEL)
    checklist.remove_item()
    dialog.opened = []
    dialog.open_dialog = dialog.opened.append
    for sku in ("FLUX", "FLUX", "TIP-900"):
        picker = dialog.pick_part()
        assert isinstance(picker, PartPickerDialog) and picker.free_button.isHidden()
        picker.search.setText(sku)
        picker.run_search()
        picker.choose()
    kit = dialog.kit
    assert kit.table.rowCount() == 2 and kit.table.item(0, kit.QUANTITY).text() == "2"
    kit.table.item(1, kit.QUANTITY).setText("3")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    saved = services.maintenance.plan(keeper, plan.id)
    assert [(i.position, i.kind, i.label, i.unit, i.minimum, i.maximum) for i in saved.items] == [
        (1, CheckKind.CHECK, "Cable intact 线缆完好", "", None, None),
        (2, CheckKind.NUMBER, "Tip temperature", "°C", Decimal(340), Decimal(360)),
        (3, CheckKind.METER, "Hours run", "h", None, None),
    ]
    flux, tip = kit_parts
    assert sorted((p[0], p[3]) for p in saved.parts) == sorted([(flux.id, 2), (tip.id, 3)])
    tab = page.plans_tab
    assert (
        tab.model.data(tab.model.index(0, 6)) == "3"
        and tab.model.data(tab.model.index(0, 7)) == "2"
    )
    again = tab.edit_selected()  # opened again, it shows what was saved
    assert again.checklist.table.rowCount() == 3 and again.kit.table.rowCount() == 2
    assert again.checklist.table.item(1, 3).text() == "340"
    again.kit.table.setCurrentCell(0, 2)
    again.kit.remove_part()
    again.submit()
    assert len(services.maintenance.plan(keeper, plan.id).parts) == 1


def test_a_stale_edit_is_refused(page, services, keeper, assets):
    plan = _monthly(services, keeper, assets[0])
    page.plans_tab.load()
    dialog = page.plans_tab.edit_selected()
    services.maintenance.update_plan(
        keeper, plan.id, plan.version, replace(_input_of(plan), name="Renamed by a colleague")
    )
    dialog.name.setText("Mine")
    dialog.submit()
    assert "changed by someone else" in dialog.error.text() and not dialog.error.isHidden()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert services.maintenance.plan(keeper, plan.id).name == "Renamed by a colleague"


def _input_of(plan):
    return PlanInput(
        plan.name, asset_id=plan.asset_id, interval_count=plan.interval_count,
        interval_unit=plan.interval_unit, start_date=plan.start_date,
    )  # fmt: skip


def test_bad_input_names_the_field_and_writes_nothing(page, services, keeper, assets):
    _select(page, assets[0].tag)
    dialog = page.plans_tab.new_plan()
    dialog.interval.setText("1")

    def refused(field_text, widget):
        dialog.submit()
        assert field_text in dialog.error.text(), dialog.error.text()
        assert not dialog.error.isHidden() and dialog.result() != dialog.DialogCode.Accepted
        if widget is not None:
            assert "c62828" in widget.styleSheet()
        assert services.maintenance.plans(keeper, include_inactive=True) == []

    refused("Plan name", dialog.name)  # empty
    dialog.name.setText("Monthly check")
    dialog.interval.setText("")
    refused("a time interval, a meter interval or both", dialog.interval)
    dialog.interval.setText("one")
    refused("Interval", dialog.interval)  # letters in a number
    dialog.interval.setText("1")
    dialog.lead.setText("7x")
    refused("Lead time (days before due)", dialog.lead)
    dialog.lead.setText("7")
    dialog.meter_interval.setText("500")
    refused("Meter", dialog.meter_name)  # a meter rule names its meter
    dialog.meter_interval.setText("")
    dialog.checklist.add_item(CheckKind.CHECK, "Nozzle clean")
    row = dialog.checklist.add_item(CheckKind.NUMBER, "Tip temperature", "°C", "360", "340")
    refused("Checklist line 2, Max: is below Min (360).", dialog.checklist.table)
    dialog.checklist.table.item(row, dialog.checklist.MINIMUM).setText("abc")
    refused("Checklist line 2, Min: “abc” is not a number.", dialog.checklist.table)
    dialog.checklist.table.item(row, dialog.checklist.MINIMUM).setText("340")
    dialog.tag.setText("EQ-N-999999")
    refused("No asset has the tag EQ-N-999999", dialog.tag)
    dialog.tag.setText("")
    refused("Applies to", dialog.tag)
    dialog.tag.setText(assets[0].tag)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert len(services.maintenance.plans(keeper)) == 1


def test_deactivating_takes_a_plan_off_the_due_list(page, services, keeper, assets):
    plan = _monthly(services, keeper, assets[0])
    tab = page.plans_tab
    tab.load()
    assert tab.active_button.text() == "&Deactivate" and tab.active_button.isEnabled()
    page.tabs.setCurrentWidget(page.due_tab)
    assert [t.plan_id for t in page.due_tab.model.rows] == [plan.id]
    page.tabs.setCurrentWidget(tab)
    tab.toggle_active()
    assert not services.maintenance.plan(keeper, plan.id).active
    assert tab.model.rows == [] and "0 plans" in tab.summary.text()
    assert page.due_tab.model.rows == []
    tab.show_inactive.setChecked(True)
    assert [p.id for p in tab.model.rows] == [plan.id]
    grey = tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey.color().name() == "#757575" and tab.model.data(tab.model.index(0, 8)) == "no"
    assert tab.active_button.text() == "&Activate"
    tab.toggle_active()
    assert services.maintenance.plan(keeper, plan.id).active
    assert [t.plan_id for t in page.due_tab.model.rows] == [plan.id]


def test_only_the_selected_assets_plans(page, services, keeper, assets):
    station, scope, _van, cats = assets
    mine = _monthly(services, keeper, station)
    _monthly(services, keeper, scope, "Scope check")
    tools, _ = services.maintenance.create_plan(
        keeper,
        replace(_input_of(mine), name="Tools check", asset_id=None, category_id=cats["Tools"]),
    )
    tab = page.plans_tab
    tab.load()
    assert len(tab.model.rows) == 3
    _select(page, station.tag)
    tab.only_asset.setChecked(True)
    assert {p.id for p in tab.model.rows} == {mine.id, tools.id}
    assert station.tag in tab.summary.text()


def test_a_technician_sees_plans_but_cannot_change_them(
    services, outlet, keeper, assets, tmp_path, qtbot
):
    plan = _monthly(services, keeper, assets[0])
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    widget = EquipmentPage(ui_context(services, tech, tmp_path))
    qtbot.addWidget(widget)
    widget.tabs.setCurrentWidget(widget.plans_tab)
    tab = widget.plans_tab
    assert [p.id for p in tab.model.rows] == [plan.id]
    for button in (tab.new_button, tab.edit_button, tab.active_button):
        assert not button.isEnabled() and button.toolTip()
    assert tab.new_plan() is None and tab.edit_selected() is None
    tab.toggle_active()
    assert services.maintenance.plan(tech, plan.id).active
    with pytest.raises(PermissionDenied):
        services.maintenance.set_plan_active(tech, plan.id, plan.version, False)
    with pytest.raises(PermissionDenied):
        services.maintenance.create_plan(tech, replace(_input_of(plan), name="Mine"))
    dialog = PlanDialog(widget._ctx, plan, widget.categories, parent=widget)
    dialog.submit()  # the form cannot get round the role either
    assert dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    assert services.maintenance.plan(tech, plan.id).version == plan.version


def test_assignees_are_those_who_may_log_upkeep(services, outlet, keeper):
    make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    make_actor(services, outlet.id, Role.CLERK, "clerk")
    names = [name for _id, name in services.maintenance.assignees(keeper)]
    assert "Keeper" in names and "Tech" in names and "Clerk" not in names


def test_a_checklist_line_is_typed_from_the_keyboard(page, qtbot):
    from PySide6.QtWidgets import QComboBox

    dialog = page.plans_tab.new_plan()
    qtbot.addWidget(dialog)
    dialog.show()
    checklist = dialog.checklist
    row = checklist.add_item(edit=True)  # the cursor waits in the new line's label
    label = checklist.table.indexWidget(checklist.table.model().index(row, checklist.LABEL))
    qtbot.keyClicks(label, "Tip temperature")
    qtbot.keyClick(label, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: checklist.table.item(row, checklist.LABEL).text() != "")
    assert checklist.table.item(row, checklist.LABEL).text() == "Tip temperature"
    index = checklist.table.model().index(row, checklist.KIND)
    checklist.table.setCurrentIndex(index)
    checklist.table.edit(index)
    editor = checklist.table.indexWidget(index)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(CheckKind.NUMBER.value))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: checklist.kind_of(row) is CheckKind.NUMBER)
    assert checklist.table.item(row, checklist.KIND).text() == "Number"
    assert checklist.table.item(row, checklist.UNIT).flags() & Qt.ItemFlag.ItemIsEditable
    qtbot.keyClick(checklist.table, Qt.Key.Key_Delete)
    assert checklist.table.rowCount() == 0
    qtbot.keyClick(checklist.table, Qt.Key.Key_Insert)
    assert checklist.table.rowCount() == 1


def test_a_refused_checklist_line_gets_the_cursor(page, qtbot):
    """The core names the line and its column; the form puts the cursor there, whichever line
    the cursor was on, so the person types the fix at once."""
    dialog = page.plans_tab.new_plan()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Monthly check")
    dialog.interval.setText("1")
    checklist = dialog.checklist
    for label in ("Nozzle clean", "Cable intact", "Fan runs"):
        checklist.add_item(CheckKind.CHECK, label)
    checklist.add_item(CheckKind.NUMBER, "Tip temperature", "°C", "340", "abc")
    checklist.add_item(CheckKind.TEXT, "Remarks")
    checklist.table.setCurrentCell(0, checklist.LABEL)
    dialog.submit()
    assert dialog.error.text() == "Checklist line 4, Max: “abc” is not a number."
    assert (checklist.table.currentRow(), checklist.table.currentColumn()) == (3, checklist.MAXIMUM)
    checklist.table.item(3, checklist.MAXIMUM).setText("360")
    checklist.table.item(1, checklist.LABEL).setText("")
    dialog.submit()
    assert dialog.error.text() == "Checklist line 2, Item: is required."
    assert (checklist.table.currentRow(), checklist.table.currentColumn()) == (1, checklist.LABEL)


@pytest.mark.parametrize("role", [Role.TECHNICIAN, Role.CLERK])
def test_those_who_may_not_change_plans_open_one_to_read(
    services, outlet, keeper, assets, kit_parts, tmp_path, qtbot, role
):
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    station = assets[0]
    items = (
        ItemInput(CheckKind.CHECK, "Cable intact 线缆完好"),
        ItemInput(CheckKind.NUMBER, "Tip temperature", "°C", "340", "360"),
        ItemInput(CheckKind.TEXT, "Anything unusual about the cable, plug, stand or sponge 异常"),
    )
    plan = _monthly(
        services, keeper, station, meter_name="Operating hours", meter_interval="500",
        anchor="completion", lead_days=10, instructions="Unplug first 先断电",
        assignee_id=keeper.user_id, items=items, parts=((kit_parts[0].id, 2),),
    )  # fmt: skip
    reader = make_actor(services, outlet.id, role, "reader")
    widget = EquipmentPage(ui_context(services, reader, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append
    qtbot.addWidget(widget)
    widget.tabs.setCurrentWidget(widget.plans_tab)
    tab = widget.plans_tab
    assert not tab.view_button.isHidden() and tab.view_button.isEnabled()
    for button in (tab.new_button, tab.edit_button, tab.active_button):
        assert not button.isEnabled() and "may change the equipment register" in button.toolTip()
    tab.table.activated.emit(tab.model.index(0, 0))  # double-click or Enter on the row
    tab.view_button.click()
    first, dialog = widget.opened
    assert isinstance(first, PlanDialog) and first.read_only and dialog.read_only
    assert dialog.windowTitle() == "Maintenance plan – Monthly check 月检"
    assert dialog.name.text() == plan.name and dialog.tag.text() == station.tag
    assert "Hot air station" in dialog.asset_label.text()  # the tag looked up, as in the form
    assert dialog.for_asset.isChecked() and dialog.interval.text() == "1"
    assert dialog.unit.currentData() == "month" and dialog.anchor.currentData() == "completion"
    assert dialog.meter_name.currentText() == "Operating hours"
    assert dialog.meter_interval.text() == "500" and dialog.lead.text() == "10"
    assert dialog.minutes.text() == "15" and dialog.assignee.currentText() == "Keeper"
    assert dialog.start.date().toPython() == plan.start_date
    assert dialog.instructions.toPlainText() == "Unplug first 先断电"
    checklist, kit = dialog.checklist, dialog.kit
    assert [i.label for i in checklist.items()][:2] == ["Cable intact 线缆完好", "Tip temperature"]
    assert checklist.table.item(1, checklist.MINIMUM).text() == "340"
    assert kit.table.item(0, kit.NAME).text() == "助焊剂 Flux"
    assert kit.table.item(0, kit.QUANTITY).text() == "2"
    # Nothing takes a change: fields read-only or off, tables without editing or their buttons.
    for edit in (dialog.name, dialog.tag, dialog.interval, dialog.meter_interval, dialog.lead,
                 dialog.minutes, dialog.instructions, dialog.start):  # fmt: skip
        assert edit.isReadOnly()
    for widget_ in (dialog.for_asset, dialog.for_category, dialog.category, dialog.unit,
                    dialog.meter_name, dialog.anchor, dialog.assignee):  # fmt: skip
        assert not widget_.isEnabled()
    for table in (checklist.table, kit.table):
        assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert all(
        b.isHidden() for b in checklist.findChildren(QPushButton) + kit.findChildren(QPushButton)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    line = checklist.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: checklist.table.rowHeight(2) > line)  # the long line wraps
    assert checklist.table.rowHeight(0) == line
    for table, key in ((kit.table, Qt.Key.Key_Delete), (checklist.table, Qt.Key.Key_Insert),
                       (checklist.table, Qt.Key.Key_Delete)):  # fmt: skip
        table.setFocus()
        table.setCurrentCell(0, 1)
        qtbot.keyClick(table, key)
    assert kit.table.rowCount() == 1 and checklist.table.rowCount() == 3
    boxes = dialog.findChildren(QDialogButtonBox)
    [box] = boxes
    assert box.standardButtons() == QDialogButtonBox.StandardButton.Close
    assert dialog.save_button is None and not dialog.error.isVisible()
    dialog.submit()  # nothing to save, nothing sent
    assert services.maintenance.plan(reader, plan.id).version == plan.version
    box.button(QDialogButtonBox.StandardButton.Close).click()
    assert dialog.result() == dialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_manager_edits_on_double_click_and_has_no_view_button(page, services, keeper, assets):
    _monthly(services, keeper, assets[0])
    tab = page.plans_tab
    tab.load()
    assert tab.view_button.isHidden()
    tab.table.activated.emit(tab.model.index(0, 0))
    [dialog] = page.opened
    assert not dialog.read_only and dialog.save_button is not None
    assert not dialog.name.isReadOnly() and dialog.unit.isEnabled()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_long_asset_name_wraps_and_leaves_the_checklist_its_room(
    page, services, keeper, assets, qtbot, language
):
    """The plan form of an asset with a long name fits a 1280x800 screen with the checklist as
    wide as for a short name: the name wraps under the tag, in English and Chinese."""
    from PySide6.QtWidgets import QApplication

    from outletdesk.ui.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app, language)
    try:
        long_name = ("Hot air rework station with bottom preheater and fume extractor "
                     "带底部预热台和排烟器的热风返修工作站")  # fmt: skip
        widths = []
        for name in ("Drill 电钻", long_name):
            asset, _ = services.equipment.create(
                keeper, AssetInput(name, assets[3]["Tools"], assets[0].outlet_id)
            )
            plan = _monthly(services, keeper, asset)
            dialog = PlanDialog(page._ctx, plan, services.equipment.categories(keeper), parent=page)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda d=dialog, n=name: n in d.asset_label.text())
            qtbot.wait(50)  # the layout settles once the label has its text
            assert dialog.asset_label.wordWrap()
            assert dialog.width() <= 1280 and dialog.height() <= 800
            widths.append(dialog.checklist.table.width())
            dialog.close()
        assert widths[1] == widths[0] and widths[0] >= 400
    finally:
        for translator in translators:
            app.removeTranslator(translator)
