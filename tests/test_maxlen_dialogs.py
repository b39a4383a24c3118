"""Over-long text pasted into the real dialogs is kept whole, refused naming the field, and
nothing is saved; the dialog stays open with what was typed (SQLite and PostgreSQL). Before,
each of these fields had a maxLength that cut the text to fit and saved the cut text unseen."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor, ui_context
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from test_maxlen_core import LONG_BARCODE, too_long
from test_work_orders import intake

from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.purchasing import PurchaseLineInput
from outletdesk.models import AssetStatus, RecordKind, Role
from outletdesk.ui.tasks import TaskRunner


def paste(edit: QLineEdit, text: str) -> None:
    """As a clerk pastes: the clipboard's text replaces what the field held."""
    QApplication.clipboard().setText(text)
    edit.setFocus()
    edit.selectAll()
    edit.paste()


def pasted_whole(edit: QLineEdit, text: str) -> None:
    paste(edit, text)
    assert edit.text() == text  # not cut to fit


def refused(dialog: QDialog, edit: QLineEdit, text: str, message: str) -> None:
    """The dialog says why, outlines the field, keeps the text and stays open."""
    assert dialog.error.text() == message  # type: ignore[attr-defined]
    assert dialog.error.isVisibleTo(dialog)  # type: ignore[attr-defined]
    assert "border" in edit.styleSheet()
    assert edit.text() == text
    assert dialog.result() != QDialog.DialogCode.Accepted


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def keeper(services, outlet):
    return make_actor(services, outlet.id, Role.MAINTENANCE, "keeper")


@pytest.fixture
def part(services, manager):
    made, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "屏幕总成 iPhone 12", barcodes=(LONG_BARCODE,))
    )
    return made


@pytest.fixture
def asset(services, keeper, outlet):
    category = services.equipment.categories(keeper)[0]
    made, _ = services.equipment.create(
        keeper, AssetInput("热风枪 Hot air station", category.id, outlet.id)
    )
    return made


# ------------------------------------------------------------------ parts


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("sku", "S" * 41, too_long("SKU", 41, 40)),
        ("name", "n" * 201, too_long("Part name", 201, 200)),
        ("category", "c" * 61, too_long("Category", 61, 60)),
        ("unit", "u" * 13, too_long("Unit", 13, 12)),
    ],
)
def test_part_dialog(services, manager, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.parts.part_dialog import PartDialog

    dialog = PartDialog(ui_context(services, manager, tmp_path), None, [])
    qtbot.addWidget(dialog)
    dialog.sku.setText("BAT-IP12")
    dialog.name.setText("Battery iPhone 12")
    edit = getattr(dialog, field)
    before = audit_count(services)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert services.catalogue.search(manager) == [] and audit_count(services) == before


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "n" * 121, too_long("Supplier name", 121, 120)),
        ("contact", "c" * 121, too_long("Contact", 121, 120)),
        ("phone", "1" * 41, "Phone: “" + "1" * 40 + "” must have 5 to 15 digits."),
        ("email", "a" * 109 + "@example.com", too_long("E-mail", 121, 120)),
    ],
)
def test_supplier_dialog(services, manager, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.parts.suppliers import SupplierDialog

    dialog = SupplierDialog(ui_context(services, manager, tmp_path), None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Huaqiang Parts")
    edit = getattr(dialog, field)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert services.catalogue.suppliers(manager, include_inactive=True) == []


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("code", "V" * 21, too_long("Location code", 21, 20)),
        ("name", "n" * 121, too_long("Location name", 121, 120)),
    ],
)
def test_locations_dialog(services, manager, outlet, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.parts.locations import LocationsDialog

    dialog = LocationsDialog(ui_context(services, manager, tmp_path), outlet)
    qtbot.addWidget(dialog)
    dialog.code.setText("VAN-1")
    dialog.name.setText("Service van 1")
    edit = getattr(dialog, field)
    pasted_whole(edit, text)
    dialog.add()
    refused(dialog, edit, text, message)
    assert len(services.locations.list(manager, outlet.id, include_retired=True)) == 1


@pytest.mark.parametrize(
    ("action", "field", "text", "message"),
    [
        ("LEVELS", "bin", "A" * 41, too_long("Bin location", 41, 40)),
        ("RECEIVE", "quantity", "1" * 13, "Quantity: must be between 1 and 1000000."),
        ("RECEIVE", "unit_cost", "1" * 17, "Unit cost: is out of range."),
    ],
)
def test_stock_dialogs(
    services, manager, outlet, part, tmp_path, qtbot, action, field, text, message
):
    from outletdesk.ui.parts.stock_dialogs import StockAction, StockActionDialog

    ctx = ui_context(services, manager, tmp_path)
    dialog = StockActionDialog(ctx, StockAction[action], part, outlet)
    qtbot.addWidget(dialog)
    dialog.quantity.setText("1")
    edit = getattr(dialog, field)
    before = audit_count(services)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert audit_count(services) == before


def _stocktake_tab(services, manager, tmp_path, qtbot):
    from outletdesk.ui.parts.page import PartsPage
    from outletdesk.ui.parts.stocktake import StocktakeTab

    page = PartsPage(ui_context(services, manager, tmp_path))
    qtbot.addWidget(page)
    tab = page.findChild(StocktakeTab)
    page.show()
    page.tabs.setCurrentWidget(tab)
    return tab


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("category", "c" * 61, too_long("Category", 61, 60)),
        ("bin_prefix", "A" * 41, too_long("Bin location", 41, 40)),
    ],
)
def test_starting_a_count(services, manager, part, tmp_path, qtbot, field, text, message):
    tab = _stocktake_tab(services, manager, tmp_path, qtbot)
    edit = getattr(tab, field)
    pasted_whole(edit, text)
    tab.start()
    assert tab.start_error.text() == message and "border" in edit.styleSheet()
    assert tab.take is None and edit.text() == text
    assert services.stocktake.list(manager) == []


def test_a_count_entry_longer_than_any_code_counts_nothing(
    services, manager, part, tmp_path, qtbot
):
    services.stock.receive(manager, part.id, 1, "300")  # a count needs a line to start
    tab = _stocktake_tab(services, manager, tmp_path, qtbot)
    tab.start()
    assert tab.take is not None
    pasted_whole(tab.entry, LONG_BARCODE + "9")
    tab.submit_entry()
    assert tab.error.text() == too_long("Part", 61, 60)
    assert tab.entry.text() == LONG_BARCODE + "9"
    assert services.stocktake.get(manager, tab.take.id).counted_lines == 0


@pytest.fixture
def placed(services, manager, part):
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("深圳配件 Parts"))
    order, _ = services.purchasing.create(manager, supplier, [PurchaseLineInput(part.id, 3)])
    order, _ = services.purchasing.place(manager, order.id, order.version)
    return order


def test_goods_in_scan_and_delivery_note(services, manager, placed, tmp_path, qtbot):
    from outletdesk.ui.parts.purchase_receiving import ARRIVED, ReceiveDialog

    dialog = ReceiveDialog(ui_context(services, manager, tmp_path), placed, None)
    qtbot.addWidget(dialog)
    before = audit_count(services)
    # one character more than the barcode on file: cut to fit, it booked a screen in
    pasted_whole(dialog.scan, LONG_BARCODE + "9")
    dialog.scan_entered()
    assert dialog.message.text() == (f"Scan {LONG_BARCODE}9: " + too_long("Barcode", 61, 60))
    dialog.table.item(0, ARRIVED).setText("1")
    pasted_whole(dialog.delivery_note, "d" * 201)
    dialog.book_in()
    assert dialog.message.text() == too_long("Note", 201, 200)
    assert dialog.delivery_note.text() == "d" * 201
    assert services.purchasing.get(manager, placed.id).lines[0].received == 0
    assert audit_count(services) == before


def test_movement_log_export_names_the_whole_code(services, manager, part, tmp_path, qtbot):
    from outletdesk.ui.parts.exports import MovementLogDialog

    ctx = ui_context(services, manager, tmp_path)
    dialog = MovementLogDialog(ctx, services.outlets.list(), None, None)
    qtbot.addWidget(dialog)
    chosen: list[object] = []
    dialog.chosen.connect(chosen.append)
    pasted_whole(dialog.code, LONG_BARCODE + "9")
    dialog.submit()
    assert dialog.error.text() == f"No part has the SKU or barcode “{LONG_BARCODE}9”."
    assert chosen == [] and dialog.result() != QDialog.DialogCode.Accepted


# ------------------------------------------------------------------ equipment


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "n" * 121, too_long("Name", 121, 120)),
        ("location", "l" * 81, too_long("Location", 81, 80)),
        ("make", "m" * 81, too_long("Make", 81, 80)),
        ("model", "m" * 81, too_long("Model", 81, 80)),
        ("serial", "S" * 81, too_long("Serial number", 81, 80)),
        ("purchase_date", "2024-01-015", too_long("Purchase date", 11, 10)),
        ("warranty_end", "2027-01-015", too_long("Warranty end", 11, 10)),
        ("accepted_on", "2024-01-015", too_long("Accepted on", 11, 10)),
        ("accepted_by", "b" * 121, too_long("Accepted by", 121, 120)),
    ],
)
def test_asset_dialog(services, keeper, outlet, asset, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.equipment.asset_dialog import AssetDialog

    ctx = ui_context(services, keeper, tmp_path)
    categories = services.equipment.categories(keeper)
    dialog = AssetDialog(ctx, asset, categories, services.outlets.list(), [], outlet.id)
    qtbot.addWidget(dialog)
    edit = getattr(dialog, field)
    before = audit_count(services)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert services.equipment.get(keeper, asset.id) == asset
    assert audit_count(services) == before


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "n" * 121, too_long("Plan name", 121, 120)),
        ("meter", "m" * 41, too_long("Meter", 41, 40)),
        ("interval", "1" * 6, "Interval: must be between 1 and 1000."),
        ("meter_interval", "1" * 13, "Meter interval: must be between 0.01 and 10000000."),
        ("lead", "1" * 5, "Lead time (days before due): must be between 0 and 365."),
        ("minutes", "1" * 7, "Estimated minutes: must be between 0 and 10000."),
    ],
)
def test_plan_dialog(services, keeper, asset, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.equipment.plan_dialog import PlanDialog

    ctx = ui_context(services, keeper, tmp_path)
    dialog = PlanDialog(ctx, None, services.equipment.categories(keeper), asset=asset)
    qtbot.addWidget(dialog)
    dialog.name.setText("Monthly check")
    dialog.interval.setText("1")
    dialog.meter_interval.setText("500")
    dialog.meter_name.setEditText("Operating hours")
    edit = dialog.meter_name.lineEdit() if field == "meter" else getattr(dialog, field)
    before = audit_count(services)
    pasted_whole(edit, text)
    dialog.submit()
    outlined = dialog.meter_name if field == "meter" else edit
    assert dialog.error.text() == message and "border" in outlined.styleSheet()
    assert edit.text() == text and dialog.result() != QDialog.DialogCode.Accepted
    assert services.maintenance.plans(keeper) == [] and audit_count(services) == before


def test_plan_for_a_tag_longer_than_any_is_refused(services, keeper, asset, tmp_path, qtbot):
    from outletdesk.ui.equipment.plan_dialog import PlanDialog

    ctx = ui_context(services, keeper, tmp_path)
    dialog = PlanDialog(ctx, None, services.equipment.categories(keeper), asset=asset)
    qtbot.addWidget(dialog)
    dialog.name.setText("Monthly check")
    dialog.interval.setText("1")
    tag = asset.tag + "X" * (31 - len(asset.tag))
    pasted_whole(dialog.tag, tag)
    dialog.submit()
    refused(dialog, dialog.tag, tag, f"No asset has the tag {tag}.")
    assert services.maintenance.plans(keeper) == []


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("cause", "c" * 201, too_long("Failure cause", 201, 200)),
        ("component", "c" * 81, too_long("Component", 81, 80)),
        ("order_fault", "f" * 1901, too_long("Fault for the repair order", 1901, 1900)),
    ],
)
def test_log_dialog(services, keeper, asset, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.equipment.log_dialog import LogDialog

    ctx = ui_context(services, keeper, tmp_path)
    dialog = LogDialog(ctx, asset, [], RecordKind.BREAKDOWN)
    qtbot.addWidget(dialog)
    dialog.cause.setText("Fan seized")
    dialog.open_order.setChecked(True)
    edit = getattr(dialog, field)
    before = audit_count(services)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert services.equipment.get(keeper, asset.id).status is AssetStatus.IN_SERVICE
    assert audit_count(services) == before


def test_status_dialog_retired_on(services, keeper, asset, tmp_path, qtbot):
    from outletdesk.ui.equipment.register_dialogs import StatusDialog

    dialog = StatusDialog(ui_context(services, keeper, tmp_path), asset)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData(AssetStatus.RETIRED.value))
    dialog.reason.setPlainText("Worn out")
    # cut to ten characters, it retired the asset on 2024-01-01
    pasted_whole(dialog.retired_on, "2024-01-015")
    dialog.submit()
    refused(dialog, dialog.retired_on, "2024-01-015", too_long("Retired on", 11, 10))
    assert services.equipment.get(keeper, asset.id).status is AssetStatus.IN_SERVICE


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "m" * 41, too_long("Meter", 41, 40)),
        ("unit", "h" * 21, too_long("Meter unit", 21, 20)),
    ],
)
def test_meter_dialog(services, keeper, asset, tmp_path, qtbot, field, text, message):
    from outletdesk.ui.equipment.register_dialogs import MeterDialog

    dialog = MeterDialog(ui_context(services, keeper, tmp_path), asset)
    qtbot.addWidget(dialog)
    dialog.name.setText("Operating hours")
    edit = getattr(dialog, field)
    pasted_whole(edit, text)
    dialog.submit()
    refused(dialog, edit, text, message)
    assert services.equipment.get(keeper, asset.id).meters == ()


def test_categories_dialog(services, keeper, tmp_path, qtbot):
    from outletdesk.ui.equipment.register_dialogs import CategoriesDialog

    dialog = CategoriesDialog(ui_context(services, keeper, tmp_path))
    qtbot.addWidget(dialog)
    before = services.equipment.categories(keeper, include_retired=True)
    pasted_whole(dialog.name, "c" * 81)
    dialog.add()
    assert dialog.error.text() == too_long("Category", 81, 80)
    assert dialog.name.text() == "c" * 81 and "border" in dialog.name.styleSheet()
    assert services.equipment.categories(keeper, include_retired=True) == before


def test_maintenance_log_export_names_the_whole_tag(services, keeper, asset, tmp_path, qtbot):
    from outletdesk.ui.equipment.exports import MaintenanceLogDialog

    ctx = ui_context(services, keeper, tmp_path)
    dialog = MaintenanceLogDialog(ctx, services.outlets.list(), None, [], None, None)
    qtbot.addWidget(dialog)
    chosen: list[object] = []
    dialog.chosen.connect(chosen.append)
    tag = asset.tag + "X" * (61 - len(asset.tag))
    pasted_whole(dialog.code, tag)
    dialog.submit()
    assert dialog.error.text() == f"No asset has the tag {tag}."
    assert chosen == [] and dialog.result() != QDialog.DialogCode.Accepted


# ------------------------------------------------------------------ work-order actions


def test_judgement_reason(services, clerk, tmp_path, qtbot):
    from outletdesk.ui.work_orders.actions import JudgementDialog

    order, _ = intake(services, clerk)
    dialog = JudgementDialog(ui_context(services, clerk, tmp_path), order)
    qtbot.addWidget(dialog)
    dialog.judgement.setCurrentIndex(dialog.judgement.findData("misuse"))
    before = audit_count(services)
    pasted_whole(dialog.note, "r" * 201)
    dialog.submit()
    refused(dialog, dialog.note, "r" * 201, too_long("Reason", 201, 200))
    assert services.work_orders.get(clerk, order.id).judgement is None
    assert audit_count(services) == before


# ------------------------------------------------------------------ first run


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("code", "ABCDEFGHIJK", too_long("Outlet code", 11, 10)),
        ("name", "n" * 121, too_long("Outlet name", 121, 120)),
    ],
)
def test_first_run_dialog(services, qtbot, field, text, message):
    from outletdesk.ui.login import FirstRunDialog

    dialog = FirstRunDialog(services, TaskRunner(inline=True))
    qtbot.addWidget(dialog)
    dialog.code.setText("HQ")
    dialog.name.setText("Head Office 总店")
    dialog.password.setText("pw-1234")
    dialog.repeat.setText("pw-1234")
    edit = getattr(dialog, field)
    pasted_whole(edit, text)
    dialog.submit()
    assert dialog.error.text() == message and edit.text() == text
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted
    assert not services.auth.has_users() and services.outlets.list() == []
