"""The Equipment page's labels, maintenance report, register and history imports and Excel exports,
driven through real widgets on SQLite and PostgreSQL; PDFs read back with pdftotext, workbooks
with openpyxl; roles without the right see the import and export disabled."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest
from conftest import audit_count, make_actor, needs_poppler, ui_context
from sqlalchemy import func, select
from test_equipment_import import PDM, needs_pdm  # skipped, with the reason, without the data
from test_maintenance import calibration
from test_part_labels import page_text, pages
from test_printouts import pdf_text

from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.outlets import OutletInput
from outletdesk.models import Asset, MaintenanceRecord, Role
from outletdesk.ui.equipment.actions import AssetLabelsDialog
from outletdesk.ui.equipment.exports import MaintenanceLogDialog
from outletdesk.ui.equipment.import_dialog import EquipmentImportDialog
from outletdesk.ui.equipment.page import EquipmentPage
from outletdesk.ui.settings.forms import INVALID_STYLE


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def assets(services, manager, cli_actor, outlet):
    """A hot-air station with a breakdown and a monthly calibration, a scope here, a van at
    another outlet."""
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    cats = {c.name.split()[0]: c.id for c in services.equipment.categories(manager)}
    station, _ = services.equipment.create(
        manager,
        AssetInput("热风枪 Hot air station", cats["Tools"], outlet.id, make="Quick",
                   model="861DW", serial="QK-1001", location="Bench 1"),
    )  # fmt: skip
    scope, _ = services.equipment.create(
        manager, AssetInput("Oscilloscope 示波器", cats["Test"], outlet.id, make="Rigol")
    )
    van, _ = services.equipment.create(
        manager, AssetInput("Service van 上门服务车", cats["Vehicles"], other.id)
    )
    services.maintenance.create_plan(
        manager, calibration(station.id, start_date=date.today() - timedelta(days=10))
    )  # overdue
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    services.maintenance.log(
        manager,
        LogInput(station.id, "breakdown", done_at=now - timedelta(days=2), minutes=40,
                 down_from=now - timedelta(days=2, hours=3), down_to=now - timedelta(days=2),
                 failure_cause="Heater open 发热芯断路", component="Heater"),
    )  # fmt: skip
    return station, scope, van


def _page(services, actor, tmp_path, qtbot):
    widget = EquipmentPage(ui_context(services, actor, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def page(services, manager, assets, tmp_path, qtbot):
    return _page(services, manager, tmp_path, qtbot)


def _select(page, tag):
    tags = [r.tag for r in page.model.rows]
    page.table.selectRow(tags.index(tag))
    assert page.detail is not None and page.detail.tag == tag


def _counts(services):
    with services.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Asset)),
            s.scalar(select(func.count()).select_from(MaintenanceRecord)),
        )


# ---------------------------------------------------------------- labels and report


@needs_poppler
def test_labels_for_the_selected_asset_then_for_every_asset_listed(page, assets, tmp_path, qtbot):
    station, scope, _van = assets
    _select(page, station.tag)
    assert page.actions.labels_button.isEnabled() and page.actions.report_button.isEnabled()
    dialog = page.actions.print_labels()
    assert isinstance(dialog, AssetLabelsDialog) and page.opened[-1] is dialog
    qtbot.addWidget(dialog)
    shown: list[tuple[bytes, str]] = []
    dialog.show_preview = lambda pdf, title: shown.append((pdf, title))
    assert dialog.only_selected.isChecked() and station.tag in dialog.only_selected.text()
    assert dialog.total.text() == "1 labels"
    dialog.paper.setCurrentIndex(dialog.paper.findData("label-62x29"))
    dialog.preview_button.click()
    pdf, title = shown[-1]
    assert title == f"Labels {station.tag}" and pages(pdf, tmp_path) == 1
    text = page_text(pdf, tmp_path, 1)
    assert station.tag in text and "热风枪" in text and scope.tag not in text

    dialog.all_listed.setChecked(True)
    dialog.copies.setValue(2)
    assert dialog.all_listed.text() == "All 2 assets listed" and dialog.total.text() == "4 labels"
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4-labels-3x8"))
    dialog.preview_button.click()
    pdf, title = shown[-1]
    assert title == "Asset labels" and pages(pdf, tmp_path) == 1  # one A4 sheet
    text = pdf_text(pdf, tmp_path)
    assert text.count(station.tag) >= 2 and text.count(scope.tag) >= 2
    assert "Oscilloscope" in text and "Service van" not in text  # only the assets listed
    assert page._ctx.seat.value("printing/asset_label_paper") == "a4-labels-3x8"


def test_label_and_report_buttons_follow_the_list_and_the_selection(page, tmp_path, qtbot):
    page.search.setText("no such asset")
    page.run_search()
    assert page.model.rows == [] and page.detail is None
    assert not page.actions.labels_button.isEnabled()
    assert not page.actions.report_button.isEnabled()
    assert page.actions.print_labels() is None
    page.search.clear()
    page.run_search()
    assert page.actions.labels_button.isEnabled() and page.actions.report_button.isEnabled()


def test_one_label_opens_in_the_print_preview(page, assets, qtbot):
    _select(page, assets[1].tag)
    dialog = page.actions.print_labels()
    qtbot.addWidget(dialog)
    dialog.preview()
    preview = dialog.last_preview
    assert preview is not None and preview.windowTitle() == f"Labels {assets[1].tag}"
    assert preview.page_count() == 1
    preview.close()


@needs_poppler
def test_the_maintenance_report_of_the_selected_asset(page, assets, tmp_path):
    station = assets[0]
    _select(page, station.tag)
    shown: list[tuple[bytes, str]] = []
    page.actions.show_preview = lambda pdf, title: shown.append((pdf, title))
    page.actions.report_button.click()
    pdf, title = shown[0]
    assert title == f"Maintenance report {station.tag}" and pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    for expected in ("Maintenance report", station.tag, "Hot air station", "QK-1001",
                     "Monthly calibration", "Heater open", "Repairs and breakdowns"):  # fmt: skip
        assert expected in text
    assert page.actions.report_button.isEnabled()  # on again after rendering


# ---------------------------------------------------------------- register import


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _open_import(page, path, qtbot):
    dialog = page.actions.import_register()
    assert isinstance(dialog, EquipmentImportDialog) and page.opened[-1] is dialog
    qtbot.addWidget(dialog)
    dialog.ask_file_path = lambda: str(path)
    dialog.choose_file()
    return dialog


def test_register_import_checks_names_the_bad_row_writes_nothing_then_imports(
    page, services, manager, assets, outlet, tmp_path, qtbot
):
    station = assets[0]
    path = _xlsx(
        tmp_path / "register.xlsx",
        [
            ["Asset tag", "Name", "Category", "Make", "Location", "Purchase date",
             "Purchase cost"],
            [station.tag, "热风枪 Hot air station", "Tools 工具", "Quick", "Bench 4", None, None],
            [None, "Multimeter 万用表", "Test & diagnostic instruments 检测诊断仪器", "Fluke",
             "Drawer 2", "2024-05-02", 450],
            [None, "Ultrasonic cleaner 超声波清洗机", "Tools 工具", "Codyson", "", "2024-13-01",
             None],
        ],
    )  # fmt: skip
    before, audits = _counts(services), audit_count(services)
    dialog = _open_import(page, path, qtbot)
    assert dialog.combos["tag"].currentData() == 0 and dialog.combos["location"].currentData() == 4
    assert dialog.combos["serial"].currentData() is None  # not in the file
    assert "row 1" in dialog.header_note.text() and "3 rows" in dialog.header_note.text()
    assert "takes an outlet's code or its name" in dialog.header_note.text()
    assert f"without one go to {outlet.name}" in dialog.header_note.text()
    assert not dialog.import_all_button.isEnabled()  # not before a check

    dialog.check()
    assert "3 rows: 1 new, 1 updated, 0 unchanged, 1 invalid" in dialog.summary.text()
    problems = [(p.row, p.column) for p in dialog.problem_model.rows]
    assert problems == [(4, "Purchase date")]
    assert "2024-13-01" in dialog.problem_model.rows[0].message()
    assert (
        not dialog.import_all_button.isEnabled() and "skip 1" in dialog.import_valid_button.text()
    )
    dialog.start_import(skip_invalid=False)  # refused: every row must be valid to import all
    assert _counts(services) == before and audit_count(services) == audits
    assert services.equipment.get(manager, station.id).location == "Bench 1"

    dialog.import_valid_button.click()
    assert dialog.outcome is not None and dialog.outcome.written
    assert (dialog.outcome.new, dialog.outcome.updated) == (1, 1)
    assert "1 invalid rows were skipped" in dialog.summary.text()
    assert services.equipment.get(manager, station.id).location == "Bench 4"
    assert _counts(services)[0] == before[0] + 1
    assert "Multimeter 万用表" in [r.name for r in page.model.rows]  # the page refreshed
    multimeter = next(r for r in page.model.rows if r.name == "Multimeter 万用表")
    assert multimeter.outlet_code == outlet.code and multimeter.tag.startswith("EQ-")


def test_an_unreadable_file_is_said_and_nothing_is_written(page, services, tmp_path, qtbot):
    text = tmp_path / "register.txt"
    text.write_text("Name;Category\nx;y\n", encoding="utf-8")
    before = _counts(services)
    dialog = _open_import(page, text, qtbot)
    assert not dialog.error.isHidden() and ".xlsx or .csv" in dialog.error.text()
    assert not dialog.check_button.isEnabled()
    assert _counts(services) == before


def test_columns_not_recognised_are_chosen_by_hand_name_among_them(
    page, services, manager, tmp_path, qtbot
):
    """No column recognised as Name: the file is read all the same and the person chooses the
    columns, as in the parts import; the check waits for Name."""
    path = _xlsx(
        tmp_path / "german.xlsx",
        [["Gerät", "Kategorie", "Ort"], ["Lötstation", "Tools 工具", "Werkbank 9"]],
    )
    before = _counts(services)
    dialog = _open_import(page, path, qtbot)
    assert dialog.error.isHidden() and dialog.layout_found is not None
    assert dialog.mapping() == {} and "marked *" in dialog.header_note.text()
    assert dialog.combos["name"].itemText(1) == "A: Gerät"
    dialog.check()
    assert "Choose the column that holds Name" in dialog.error.text() and dialog.report is None
    assert dialog.combos["name"].styleSheet() == INVALID_STYLE
    for key, column in (("name", 0), ("category", 1), ("location", 2)):
        dialog.combos[key].setCurrentIndex(dialog.combos[key].findData(column))
    assert dialog.error.isHidden() and "marked *" not in dialog.header_note.text()
    dialog.check()
    assert "1 rows: 1 new" in dialog.summary.text() and dialog.import_all_button.isEnabled()
    dialog.import_all_button.click()
    assert dialog.outcome is not None and dialog.outcome.new == 1
    assert _counts(services)[0] == before[0] + 1
    added = next(r for r in page.model.rows if r.name == "Lötstation")
    assert added.location == "Werkbank 9" and added.category.startswith("Tools")


# ---------------------------------------------------------------- maintenance history import


def _pdm_folder(folder, maint_lines):
    folder.mkdir()
    (folder / "PdM_machines.csv").write_text(
        "machineID,model,age\r\n1,model3,18\r\n2,model4,7\r\n", encoding="utf-8"
    )
    (folder / "PdM_failures.csv").write_text(
        "datetime,machineID,failure\r\n2015-01-05 06:00:00,1,comp4\r\n", encoding="utf-8"
    )
    (folder / "PdM_maint.csv").write_text(
        "datetime,machineID,comp,type\r\n" + "".join(line + "\r\n" for line in maint_lines),
        encoding="utf-8",
    )
    return folder


def _history(page, folder):
    told: list[tuple[str, str, str]] = []
    page.actions.ask_directory = lambda: str(folder)
    page.actions.inform = lambda title, text, details: told.append((title, text, details))
    page.actions.import_history()
    return told


def test_history_from_a_folder_is_added_once_and_a_bad_line_is_named(page, services, tmp_path):
    bad = _pdm_folder(
        tmp_path / "bad",
        ["2015-01-05 06:00:00,1,comp4,unscheduled", "2015-02-30 06:00:00,2,comp1,scheduled"],
    )
    before = _counts(services)
    (title, text, details) = _history(page, bad)[0]
    assert title == "Maintenance history not imported" and "nothing was imported" in text
    assert "PdM_maint.csv line 3, datetime" in text and "PdM_maint.csv line 3" in details
    assert _counts(services) == before

    good = _pdm_folder(
        tmp_path / "good",
        ["2015-01-05 06:00:00,1,comp4,unscheduled", "2015-03-01 06:00:00,2,comp1,scheduled"],
    )
    (title, text, details) = _history(page, good)[0]
    assert title == "Maintenance history imported" and not details
    assert "2 assets added, 0 already there; 2 records added" in text
    assert _counts(services) == (before[0] + 2, before[1] + 2)
    page.outlet.setCurrentIndex(page.outlet.findData(0))  # all outlets
    assert sum("model3" in r.model for r in page.model.rows) == 1  # the list refreshed

    (title, text, _details) = _history(page, good)[0]
    assert text.startswith("Nothing new") and "0 assets added, 2 already there" in text
    assert "0 records added" in text and "2 already there." in text
    assert _counts(services) == (before[0] + 2, before[1] + 2)


@needs_pdm
def test_the_public_maintenance_history_imports_through_the_page(page, services):
    before = _counts(services)
    (title, text, _details) = _history(page, PDM)[0]
    assert title == "Maintenance history imported"
    assert "100 assets added" in text and "2062 records added" in text
    assert _counts(services) == (before[0] + 100, before[1] + 2062)
    (_title, text, _details) = _history(page, PDM)[0]
    assert text.startswith("Nothing new") and "0 records added" in text


# ---------------------------------------------------------------- exports


def _rows(path):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_register_due_list_and_plan_exports_read_back(page, assets, tmp_path, monkeypatch):
    station, scope, van = assets
    exports = page.actions.exports
    told: list[str] = []
    monkeypatch.setattr(exports, "inform", told.append)
    actions = [a.text() for a in page.actions.export_button.menu().actions()]
    assert actions == [
        "&Equipment register…", "&Maintenance log…", "&Due list…", "&Plan overview…",
    ]  # fmt: skip
    for name, n in (("register", 0), ("due", 2), ("plans", 3)):
        monkeypatch.setattr(exports, "ask_path", lambda t, d, x=name: str(tmp_path / f"{x}.xlsx"))
        page.actions.export_button.menu().actions()[n].trigger()
    assert told[0] == f"2 assets written to {tmp_path / 'register.xlsx'}"  # this outlet's
    register = _rows(tmp_path / "register.xlsx")
    tags = [r[0] for r in register]
    assert "Asset tag" in tags and station.tag in tags and scope.tag in tags
    assert van.tag not in tags
    row = next(r for r in register if r[0] == station.tag)
    assert "QK-1001" in row and "In service" in row
    plans = _rows(tmp_path / "plans.xlsx")
    assert any("Monthly calibration 月度校准" in r and station.tag in r for r in plans)
    assert any("every month" in r for r in plans)
    due = [c for r in _rows(tmp_path / "due.xlsx") for c in r]
    assert "Maintenance due" in due and "Overdue" in due and station.tag in due
    assert told[1] == f"1 maintenance tasks written to {tmp_path / 'due.xlsx'}"
    assert told[2].startswith("1 plan rows")


def test_maintenance_log_export_through_its_filter_dialog(page, assets, tmp_path, monkeypatch):
    station = assets[0]
    target = tmp_path / "log.xlsx"
    told: list[str] = []
    monkeypatch.setattr(page.actions.exports, "ask_path", lambda title, name: str(target))
    monkeypatch.setattr(page.actions.exports, "inform", told.append)
    _select(page, station.tag)
    dialog = page.actions.exports.export_log()
    assert isinstance(dialog, MaintenanceLogDialog) and page.opened[-1] is dialog
    assert dialog.outlet.currentData() == page.outlet_id()

    dialog.asset.setText("EQ-NOPE-1")
    dialog.submit()
    assert "EQ-NOPE-1" in dialog.error.text() and dialog.asset.styleSheet() == INVALID_STYLE
    assert not target.exists()
    dialog.date_from.setDate(dialog.date_to.date().addDays(1))
    dialog.asset.clear()
    dialog.submit()
    assert "ends before it starts" in dialog.error.text() and not target.exists()
    dialog.use_from.setChecked(False)
    dialog.only_selected.setChecked(True)
    assert dialog.asset.text() == station.tag
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert told == [f"1 maintenance records written to {target}"]
    cells = [c for r in _rows(target) for c in r]
    assert station.tag in cells and "Breakdown" in cells and "Heater open 发热芯断路" in cells
    assert "Maintenance log" in cells


# ---------------------------------------------------------------- who may


@pytest.mark.parametrize("role", [Role.CLERK, Role.TECHNICIAN])
def test_clerk_and_technician_see_import_and_export_disabled(
    services, outlet, assets, role, tmp_path, qtbot
):
    actor = make_actor(services, outlet.id, role, role.value)
    widget = _page(services, actor, tmp_path, qtbot)
    actions = widget.actions
    assert not actions.import_button.isEnabled() and "import" in actions.import_button.toolTip()
    assert not actions.export_button.isEnabled() and "export" in actions.export_button.toolTip()
    assert actions.import_register() is None
    before = _counts(services)
    actions.ask_directory = lambda: pytest.fail("no folder is asked for")
    actions.import_history()
    assert _counts(services) == before
    assert actions.exports.export_log() is None and widget.opened == []
    assert actions.labels_button.isEnabled() and actions.report_button.isEnabled()


def test_maintenance_staff_may_export_their_equipment_logs(
    services, outlet, assets, tmp_path, qtbot
):
    actor = make_actor(services, outlet.id, Role.MAINTENANCE, "upkeep")
    widget = _page(services, actor, tmp_path, qtbot)
    assert widget.actions.export_button.isEnabled() and widget.actions.exports.allowed
