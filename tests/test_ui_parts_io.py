"""The Parts page's import, Excel exports, part labels and suppliers, driven through real widgets
on SQLite and PostgreSQL; files written are read back (openpyxl, pdftotext)."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from conftest import audit_count, make_actor, needs_poppler, ui_context
from sqlalchemy import func, select
from test_printouts import pdf_text

from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.models import MovementKind, Part, Role, Supplier
from outletdesk.ui.parts.exports import MovementLogDialog
from outletdesk.ui.parts.import_dialog import CatalogueImportDialog, column_letter
from outletdesk.ui.parts.labels import PartLabelsDialog
from outletdesk.ui.parts.page import PartsPage
from outletdesk.ui.parts.suppliers import SupplierDialog, SuppliersDialog
from outletdesk.ui.settings.forms import INVALID_STYLE

HEADER = ["SKU", "Part name", "Category", "Cost price", "Sale price", "Supplier", "Barcodes"]


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def stocked(services, manager, cli_actor):
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("深圳配件 Parts"))
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput("SCR-IP12", "屏幕总成 iPhone 12", cost_price="300", sale_price="560",
                  supplier_id=supplier, barcodes=("6901234567892",)),
    )  # fmt: skip
    battery, _ = services.catalogue.create_part(
        manager, PartInput("BAT-IP12", "Battery iPhone 12", sale_price="99.5")
    )
    services.stock.receive(manager, screen.id, 3, "300")
    services.stock.set_levels(manager, screen.id, min_level=1, reorder_qty=4, bin_location="A-03")
    services.stock.set_levels(manager, battery.id, min_level=3, reorder_qty=10, bin_location="B-1")
    return screen, battery, other


@pytest.fixture
def page(services, manager, stocked, tmp_path, qtbot):
    widget = PartsPage(ui_context(services, manager, tmp_path))
    widget.opened = []
    widget.open_dialog = widget.opened.append  # keep dialogs for the test to drive
    qtbot.addWidget(widget)
    return widget


def _select(page, *skus):
    """Selects the rows of these SKUs (several as Ctrl+click would); the first is current."""
    skus_shown = [r.sku for r in page.model.rows]
    page.table.selectRow(skus_shown.index(skus[0]))
    selection = page.table.selectionModel()
    for sku in skus[1:]:
        index = page.model.index(skus_shown.index(sku), 0)
        selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    assert page.detail is not None and page.detail[0].sku == skus[0]


def _xlsx(path, rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _part_count(services):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Part))


def _open_import(page, path, qtbot):
    dialog = page.import_catalogue()
    assert isinstance(dialog, CatalogueImportDialog) and page.opened[-1] is dialog
    qtbot.addWidget(dialog)
    dialog.ask_file_path = lambda: str(path)
    dialog.choose_file()
    return dialog


# ---------------------------------------------------------------- import


def test_import_a_good_file_updates_adds_and_creates_the_supplier(
    page, services, manager, tmp_path, qtbot
):
    path = _xlsx(
        tmp_path / "supplier.xlsx",
        [
            ["Price list from Huaqiang parts"],  # a title line above the header row
            HEADER,
            ["scr-ip12", "屏幕总成 iPhone 12 OLED", "Screens", 310, 599, "深圳配件 Parts",
             "6901234567892"],
            ["LCD-P30", "LCD Huawei P30 屏幕", "Screens", "200.5", "420", "华强北 Supplies", ""],
            ["BAT-IP12", "Battery iPhone 12", None, 0, 99.5, "", None],
        ],
    )  # fmt: skip
    dialog = _open_import(page, path, qtbot)
    assert dialog.combos["sku"].currentData() == 0
    assert dialog.combos["supplier"].currentText() == "F: Supplier"
    assert dialog.combos["bin"].currentData() is None  # not in the file
    assert "row 2" in dialog.header_note.text() and "3 rows" in dialog.header_note.text()
    assert not dialog.import_all_button.isEnabled()  # not before a check

    dialog.check()
    summary = dialog.summary.text()
    assert "3 rows: 1 new, 1 updated, 1 unchanged, 0 invalid" in summary
    assert "华强北 Supplies" in summary
    assert dialog.problem_model.rowCount() == 0
    assert dialog.import_all_button.isEnabled() and dialog.import_valid_button.isHidden()
    assert _part_count(services) == 2  # the check wrote nothing

    dialog.import_all_button.click()
    assert dialog.outcome is not None and dialog.outcome.written
    assert "1 new, 1 updated, 1 unchanged" in dialog.summary.text()
    assert not dialog.import_all_button.isEnabled()  # done; Close is next
    new = services.catalogue.find(manager, "LCD-P30")
    assert new.sale_price == Decimal("420.00") and new.cost_price == Decimal("200.50")
    assert services.catalogue.find(manager, "SCR-IP12").sale_price == Decimal("599.00")
    assert "华强北 Supplies" in [name for _id, name in page.suppliers]  # the page's pickers
    page.search.setText("LCD")
    page.run_search()
    assert [r.sku for r in page.model.rows] == ["LCD-P30"]  # the list refreshed


def test_a_bad_file_imports_nothing_until_the_valid_rows_are_chosen(
    page, services, manager, tmp_path, qtbot
):
    path = tmp_path / "bad.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(HEADER)
        writer.writerow(["NEW-1", "Flex cable 排线", "", "5", "12,50", "", ""])
        writer.writerow(["NEW-2", '=HYPERLINK("x")', "", "abc", "1", "", ""])
        writer.writerow(["NEW-1", "Twice", "", "1", "2", "", ""])
        writer.writerow(["NEW-3", "Glue 胶水", "", "1", "3", "", "6901234567892"])
    before = audit_count(services)
    dialog = _open_import(page, path, qtbot)
    dialog.check()
    assert "4 rows: 1 new, 0 updated, 0 unchanged, 3 invalid" in dialog.summary.text()
    problems = [(p.row, p.column, p.message()) for p in dialog.problem_model.rows]
    assert [(row, column) for row, column, _ in problems] == [
        (3, "Part name"), (3, "Cost price"), (4, "SKU"), (5, "Barcodes"),
    ]  # fmt: skip
    assert "already on row 2" in problems[2][2] and "SCR-IP12" in problems[3][2]
    assert dialog.problems.model().data(dialog.problem_model.index(0, 0)) == "3"
    assert not dialog.import_all_button.isEnabled()
    assert not dialog.import_valid_button.isHidden()
    assert "skip 3" in dialog.import_valid_button.text()

    dialog.start_import(skip_invalid=False)  # refused in the dialog as in the core
    assert _part_count(services) == 2 and audit_count(services) == before

    dialog.import_valid_button.click()
    assert dialog.outcome is not None and dialog.outcome.new == 1
    assert "3 invalid rows were skipped" in dialog.summary.text()
    assert dialog.problem_model.rowCount() == 4  # still listed, to fix and import again
    assert services.catalogue.find(manager, "NEW-1").sale_price == Decimal("12.50")
    assert _part_count(services) == 3


def test_whole_file_problems_are_said_and_nothing_is_written(page, services, tmp_path, qtbot):
    text = tmp_path / "parts.txt"
    text.write_text("SKU;Part name\nA-1;x\n", encoding="utf-8")
    dialog = _open_import(page, text, qtbot)
    assert not dialog.error.isHidden() and ".xlsx or .csv" in dialog.error.text()
    assert not dialog.mapping_box.isEnabled() and not dialog.check_button.isEnabled()

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog.ask_file_path = lambda: str(broken)
    dialog.choose_file()
    assert "damaged" in dialog.error.text()

    empty = tmp_path / "empty.csv"
    empty.write_text(" ; \n\n", encoding="utf-8")
    dialog.ask_file_path = lambda: str(empty)
    dialog.choose_file()
    assert "holds no rows" in dialog.error.text()
    assert _part_count(services) == 2


def test_columns_are_chosen_by_hand_and_a_bad_mapping_is_named(
    page, services, manager, tmp_path, qtbot
):
    path = _xlsx(
        tmp_path / "german.xlsx",
        [["Artikel", "Bezeichnung", "VK"], ["KBL-USBC", "USB-C Kabel", "9.90"]],
    )
    dialog = _open_import(page, path, qtbot)
    assert dialog.mapping() == {}  # nothing recognised
    assert "marked *" in dialog.header_note.text()
    dialog.check()
    assert "SKU" in dialog.error.text()
    assert dialog.combos["sku"].styleSheet() == INVALID_STYLE
    dialog.combos["sku"].setCurrentIndex(dialog.combos["sku"].findData(0))
    dialog.combos["name"].setCurrentIndex(dialog.combos["name"].findData(0))
    dialog.check()
    assert "column A" in dialog.error.text() and dialog.report is None
    dialog.combos["name"].setCurrentIndex(dialog.combos["name"].findData(1))
    dialog.combos["sale_price"].setCurrentIndex(dialog.combos["sale_price"].findData(2))
    assert dialog.error.isHidden()
    dialog.check()
    assert "1 new" in dialog.summary.text()
    dialog.combos["category"].setCurrentIndex(dialog.combos["category"].findData(1))
    assert dialog.report is None and not dialog.import_all_button.isEnabled()  # check again
    dialog.combos["category"].setCurrentIndex(0)
    dialog.check()
    dialog.import_all_button.click()
    part = services.catalogue.find(manager, "KBL-USBC")
    assert part.name == "USB-C Kabel" and part.sale_price == Decimal("9.90")


def test_column_letters():
    assert [column_letter(n) for n in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA",
    ]  # fmt: skip


def test_a_technician_cannot_import_retire_or_export(services, outlet, stocked, tmp_path, qtbot):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    widget = PartsPage(ui_context(services, tech, tmp_path))
    qtbot.addWidget(widget)
    assert widget.import_catalogue() is None and not widget.import_button.isEnabled()
    assert not widget.export_button.isEnabled() and "export" in widget.export_button.toolTip()
    widget.table.selectRow(0)
    assert not widget.retire_button.isEnabled() and widget.labels_button.isEnabled()


# ---------------------------------------------------------------- exports


def test_catalogue_export_reads_back_in_the_import_columns(page, services, tmp_path, monkeypatch):
    target = tmp_path / "catalogue.xlsx"
    told: list[str] = []
    monkeypatch.setattr(page.exports, "ask_path", lambda title, name: str(target))
    monkeypatch.setattr(page.exports, "inform", told.append)
    actions = [a.text() for a in page.export_button.menu().actions()]
    assert actions == [
        "&Catalogue…", "&Stock levels…", "&Movement log…", "&Low stock…", "Stock &value…",
    ]  # fmt: skip
    page.export_button.menu().actions()[0].trigger()
    assert told == [f"2 parts written to {target}"]
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:6] == ["SKU", "Part name", "Category", "Unit", "Cost price", "Sale price"]
    assert rows[0][-3:] == ["Bin location", "Minimum level", "Reorder quantity"]
    by_sku = {r[0]: r for r in rows[1:]}
    assert by_sku["SCR-IP12"][6] == "深圳配件 Parts" and by_sku["SCR-IP12"][-3:] == ["A-03", 1, 4]
    assert by_sku["BAT-IP12"][5] == 99.5


def test_stock_low_and_value_exports(page, services, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(page.exports, "inform", told.append)
    for name, run in (
        ("levels", page.exports.export_stock_levels),
        ("low", page.exports.export_low_stock),
        ("value", page.exports.export_stock_value),
    ):
        monkeypatch.setattr(
            page.exports, "ask_path", lambda t, n, x=name: str(tmp_path / f"{x}.xlsx")
        )
        run()
    assert told[0].startswith("2 stock rows") and told[1].startswith("1 parts to reorder")
    levels = [[c.value for c in r] for r in openpyxl.load_workbook(tmp_path / "levels.xlsx").active]
    assert any(r[:2] == ["SCR-IP12", "屏幕总成 iPhone 12"] and 3 in r for r in levels)
    low = [[c.value for c in r] for r in openpyxl.load_workbook(tmp_path / "low.xlsx").active]
    assert any("BAT-IP12" in r and 10 in r for r in low)
    value = openpyxl.load_workbook(tmp_path / "value.xlsx")
    cells = [c.value for r in value.worksheets[0].iter_rows() for c in r]
    assert 900 in cells  # 3 screens at 300


def test_movement_log_filter_dialog_exports_one_parts_movements(
    page, services, manager, stocked, tmp_path, monkeypatch
):
    screen, battery, _other = stocked
    services.stock.receive(manager, battery.id, 7, "20")
    target = tmp_path / "moves.xlsx"
    told: list[str] = []
    monkeypatch.setattr(page.exports, "ask_path", lambda title, name: str(target))
    monkeypatch.setattr(page.exports, "inform", told.append)
    _select(page, "SCR-IP12")
    dialog = page.exports.export_movements()
    assert isinstance(dialog, MovementLogDialog) and page.opened[-1] is dialog
    assert dialog.outlet.currentData() == page.outlet_id()

    dialog.part.setText("NO-SUCH")
    dialog.submit()
    assert "NO-SUCH" in dialog.error.text() and dialog.part.styleSheet() == INVALID_STYLE
    assert not target.exists()
    dialog.date_from.setDate(dialog.date_to.date().addDays(1))
    dialog.part.clear()
    dialog.submit()
    assert "ends before it starts" in dialog.error.text()
    dialog.use_from.setChecked(False)
    dialog.only_selected.setChecked(True)
    assert dialog.part.text() == "SCR-IP12"
    dialog.kind.setCurrentIndex(dialog.kind.findData(MovementKind.RECEIVE))
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert told == [f"1 stock movements written to {target}"]
    cells = [c.value for r in openpyxl.load_workbook(target).active.iter_rows() for c in r]
    assert "SCR-IP12" in cells and "BAT-IP12" not in cells and "Goods received" in cells
    assert date.today().isoformat() in " ".join(str(c) for c in cells)  # the period line


# ---------------------------------------------------------------- labels


@needs_poppler
def test_labels_for_two_selected_parts_on_an_a4_sheet_with_prices(page, tmp_path, qtbot):
    _select(page, "SCR-IP12", "BAT-IP12")
    assert [r.sku for r in page.selected_rows()] == ["BAT-IP12", "SCR-IP12"]  # list order
    dialog = page.print_labels()
    assert isinstance(dialog, PartLabelsDialog)
    qtbot.addWidget(dialog)
    shown: list[tuple[bytes, str]] = []
    dialog.show_preview = lambda pdf, title: shown.append((pdf, title))
    dialog.per_unit.click()  # 0 batteries here still get one label; 3 screens get three
    assert [spin.value() for spin in dialog.copies] == [1, 3]
    assert dialog.total.text() == "4 labels"
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4-labels-3x8"))
    dialog.price.setChecked(True)
    dialog.preview_button.click()
    assert dialog.error.isHidden()
    pdf, title = shown[0]
    assert title == "Part labels" and pdf.startswith(b"%PDF")
    text = pdf_text(pdf, tmp_path)
    assert text.count("SCR-IP12") >= 3 and "屏幕总成" in text and "Bin A-03" in text
    assert "Price 560.00" in text and "Price 99.50" in text
    assert page._ctx.seat.value("printing/part_label_paper") == "a4-labels-3x8"


def test_one_label_opens_in_the_print_preview(page, tmp_path, qtbot):
    _select(page, "SCR-IP12")
    dialog = page.print_labels()
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "label-40x20" and not dialog.price.isChecked()
    dialog.preview()
    preview = dialog.last_preview
    assert preview is not None and preview.windowTitle() == "Labels SCR-IP12"
    assert preview.page_count() == 1
    preview.close()


# ---------------------------------------------------------------- suppliers


def test_add_and_edit_a_supplier_a_bad_phone_writes_nothing(
    page, services, manager, tmp_path, qtbot
):
    dialog = page.open_suppliers()
    assert isinstance(dialog, SuppliersDialog)
    qtbot.addWidget(dialog)
    dialog.opened = []
    dialog.open_dialog = dialog.opened.append
    assert [s.name for s in dialog.model.rows] == ["深圳配件 Parts"]

    form = dialog.add()
    assert isinstance(form, SupplierDialog)
    form.name.setText("华强北 Supplies")
    form.phone.setText("call me")
    form.lead_time.setValue(3)
    form.submit()
    assert "Phone" in form.error.text() and form.phone.styleSheet() == INVALID_STYLE
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Supplier)) == 1
    form.phone.setText("0755 8888 1234")
    form.email.setText("sales@hq.example.cn")
    form.submit()
    assert form.result() == form.DialogCode.Accepted
    assert [s.name for s in dialog.model.rows] == ["华强北 Supplies", "深圳配件 Parts"]
    assert dialog.selected().name == "华强北 Supplies"  # the new one is selected
    assert "华强北 Supplies" in [name for _id, name in page.suppliers]

    stale = SupplierDialog(page._ctx, dialog.selected(), dialog)
    qtbot.addWidget(stale)
    edit = dialog.edit_selected()
    assert edit.lead_time.value() == 3 and edit.email.text() == "sales@hq.example.cn"
    edit.email.setText("not an address")
    edit.submit()
    assert "E-mail" in edit.error.text() and edit.email.styleSheet() == INVALID_STYLE
    edit.email.setText("parts@hq.example.cn")
    edit.lead_time.setValue(10)
    edit.submit()
    assert edit.result() == edit.DialogCode.Accepted
    saved = services.catalogue.supplier_by_name(manager, "华强北 supplies")
    assert saved.lead_time_days == 10 and saved.phone and saved.email == "parts@hq.example.cn"
    stale.contact.setText("Ms Li")
    stale.submit()
    assert "changed by someone else" in stale.error.text()
    assert services.catalogue.supplier_by_name(manager, "华强北 Supplies").contact == ""


def test_a_technician_sees_suppliers_but_cannot_change_them(
    services, outlet, stocked, tmp_path, qtbot
):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    dialog = SuppliersDialog(ui_context(services, tech, tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert not dialog.add_button.isEnabled() and not dialog.edit_button.isEnabled()
    assert dialog.add() is None and dialog.edit_selected() is None


# ---------------------------------------------------------------- retiring a part


def test_retire_a_part_and_stock_it_again(page, services, manager, stocked):
    screen = stocked[0]
    _select(page, "SCR-IP12")
    assert page.retire_button.text() == "Retire part"
    page.retire_button.click()
    assert not services.catalogue.get(manager, screen.id).active
    assert [r.sku for r in page.model.rows] == ["BAT-IP12"]  # off the list
    page.show_retired.setChecked(True)
    names = {r.sku: page.model.data(page.model.index(n, 1)) for n, r in enumerate(page.model.rows)}
    assert names["SCR-IP12"] == "屏幕总成 iPhone 12 (retired)"
    _select(page, "SCR-IP12")
    assert page.retire_button.text() == "Stock a&gain"
    page.retire_button.click()
    assert services.catalogue.get(manager, screen.id).active
    assert page.retire_button.text() == "Retire part"
