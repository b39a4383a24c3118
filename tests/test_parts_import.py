"""Catalogue import on SQLite and PostgreSQL: round trip with the export, updates instead of
duplicates, every bad cell reported by row and column, bad files refused, nothing half-imported.
Also the catalogue service's changes (update, retire, suppliers) the import builds on."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select

from outletdesk.core.errors import (
    DomainError,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationError,
)
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.export import TEXTS, export_catalogue
from outletdesk.core.parts.importer import CatalogueImporter, ImportFileError
from outletdesk.models import Part, PartStock, Role, Supplier
from outletdesk.progress import Cancelled, Progress

TS = Path(__file__).resolve().parent.parent / "resources/translations/outletdesk_zh_CN.ts"
HEADER = ["SKU", "Part name", "Category", "Unit", "Cost price", "Sale price", "Supplier",
          "Barcodes", "Fits models", "Active"]  # fmt: skip


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def importer(services):
    return CatalogueImporter(services.db)


@pytest.fixture
def catalogue(services, manager):
    """Three parts: one with everything, one retired, one bare; shelf levels on the first."""
    supplier, _ = services.catalogue.create_supplier(
        manager, SupplierInput("Shenzhen Parts 深圳配件")
    )
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12", "Screen iPhone 12 屏幕总成", category="Screens", cost_price="300",
            sale_price="560.50", supplier_id=supplier, barcodes=("6901234567892", "OWN-0001"),
            models=("iPhone 12", "iPhone 12 Pro"),
        ),
    )  # fmt: skip
    old, _ = services.catalogue.create_part(
        manager, PartInput("BAT-OLD", "Battery (old stock) 电池", unit="pc", cost_price="12.30")
    )
    services.catalogue.set_active(manager, old.id, False)
    services.catalogue.create_part(manager, PartInput("GLUE-1", "B-7000 glue 胶水"))
    services.stock.set_levels(manager, screen.id, min_level=3, reorder_qty=5, bin_location="A-01")
    return screen


def part_count(services):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Part))


def snapshot(services, manager):
    """The catalogue as plain data, to compare before and after."""
    parts = services.catalogue.search(manager, "", limit=1000)
    with services.db.read() as s:
        retired = list(s.scalars(select(Part.id).where(~Part.active)))
    parts += [services.catalogue.get(manager, pid) for pid in retired]
    return sorted(
        (p.sku, p.name, p.category, p.unit, p.cost_price, p.sale_price, p.supplier_id, p.active,
         frozenset(p.barcodes), frozenset(p.models))
        for p in parts
    )  # fmt: skip


def write_xlsx(path, rows):
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    return path


def sheet_values(path):
    return list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))


def zh_texts():
    """The shipped Simplified Chinese of every word the parts logs show."""
    found = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "core":
            for m in ctx.iter("message"):
                if m.findtext("source") in TEXTS and m.findtext("translation"):
                    found[m.findtext("source")] = m.findtext("translation")
    return found


# ---------------------------------------------------------------- round trip


def test_export_then_import_changes_nothing_and_restores_edits(
    services, manager, importer, catalogue, outlet, tmp_path
):
    path = tmp_path / "catalogue.xlsx"
    assert export_catalogue(services, manager, path, outlet_id=outlet.id) == 3
    before = snapshot(services, manager)
    report = importer.dry_run(manager, path, outlet_id=outlet.id)
    assert (report.ok, report.rows, report.new, report.updated, report.unchanged) == (
        True, 3, 0, 0, 3,
    )  # fmt: skip
    # A colleague edits the screen, moves its shelf and retires the glue; importing the file
    # puts back exactly what was exported.
    screen = services.catalogue.get(manager, catalogue.id)
    services.catalogue.update_part(
        manager, screen.id, screen.version,
        PartInput("SCR-IP12", "Changed", cost_price="1", barcodes=("NEW-1",), models=("X1",)),
    )  # fmt: skip
    services.stock.set_levels(manager, screen.id, min_level=0, reorder_qty=0, bin_location="Z")
    services.catalogue.set_active(manager, services.catalogue.find(manager, "GLUE-1").id, False)
    report, changes = importer.run(manager, path, outlet_id=outlet.id)
    assert report.ok and report.written and changes.parts
    assert (report.new, report.updated, report.unchanged) == (0, 2, 1)
    assert snapshot(services, manager) == before
    (level,) = services.stock.levels(manager, screen.id)
    with services.db.read() as s:
        stock = s.get(PartStock, (screen.id, level.location_id))
        assert (stock.bin, stock.min_level, stock.reorder_qty) == ("A-01", 3, 5)
    again = tmp_path / "again.xlsx"
    export_catalogue(services, manager, again, outlet_id=outlet.id)
    assert sheet_values(again) == sheet_values(path)
    assert services.catalogue.get(manager, screen.id).version > screen.version


def test_a_chinese_export_imports_back(services, manager, importer, catalogue, tmp_path):
    texts = zh_texts()
    path = tmp_path / "目录.xlsx"
    export_catalogue(services, manager, path, texts=texts)
    header = sheet_values(path)[0]
    assert header[0] == texts["SKU"] and "备件名称" in header
    layout = importer.layout(manager, path)
    assert set(layout.mapping) == {f for f in (
        "sku", "name", "category", "unit", "cost_price", "sale_price", "supplier", "barcodes",
        "models", "active")}  # fmt: skip
    report = importer.dry_run(manager, path)
    assert report.ok and report.unchanged == 3


def test_existing_skus_are_updated_not_duplicated(services, manager, importer, catalogue, tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text(
        "sku,name,sale price,supplier\n"
        "scr-ip12,Screen iPhone 12 屏幕总成,599.00,shenzhen parts 深圳配件\n"
        "CAM-IP12,Camera iPhone 12,420,New Supplier Ltd\n",
        encoding="utf-8",
    )
    screen = services.catalogue.get(manager, catalogue.id)
    report, changes = importer.run(manager, path)
    assert report.ok and changes.parts
    assert (report.new, report.updated, report.unchanged) == (1, 1, 0)
    assert report.new_suppliers == ("New Supplier Ltd",)
    assert part_count(services) == 4
    after = services.catalogue.get(manager, screen.id)
    assert after.sale_price == Decimal("599.00") and after.version == screen.version + 1
    # Columns the file does not have are kept: cost, category, barcodes, models.
    assert (after.cost_price, after.category, set(after.barcodes), set(after.models)) == (
        screen.cost_price, screen.category, set(screen.barcodes), set(screen.models),
    )  # fmt: skip
    assert after.supplier_id == screen.supplier_id  # matched without case
    camera = services.catalogue.find(manager, "CAM-IP12")
    assert camera.unit == "pcs" and camera.cost_price == Decimal("0.00") and camera.active
    supplier = services.catalogue.supplier_by_name(manager, " new supplier  ltd ")
    assert camera.supplier_id == supplier.id
    report, changes = importer.run(manager, path)  # the same file again changes nothing
    assert (report.new, report.updated, report.unchanged, report.written) == (0, 0, 2, False)
    assert not changes.parts


# ---------------------------------------------------------------- bad rows


def test_every_bad_cell_is_reported_and_nothing_is_half_imported(
    services, manager, importer, catalogue, tmp_path
):
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            HEADER,
            ["NEW-1", "Good part", "", "pcs", 10, 20, "", "111; 222", "Galaxy S21", True],
            ["NEW-2", "Bad numbers", "", "pcs", "abc", -5, "", "", "", "yes"],
            [None, None, None],
            ["new-1", "Same SKU again", "", "pcs", 1, 2, "", "", "", ""],
            ["NEW-3", "=cmd|' /C calc'!A0", "", "pcs", "=1+1", 3, "", "", "", "maybe"],
            ["NEW-4", "Taken barcode", "@cat", "pcs", 1, 2, "", "6901234567892", "", ""],
            ["NEW 5", "", "", "pcs", 1.234, 2, "", "", "", ""],
            ["NEW-6", "Also good", "Tools", "", "12,5", "7.10", "", "", "", "no"],
        ],
    )
    before = (snapshot(services, manager), audit_count(services))
    report = importer.dry_run(manager, path)
    found = [(p.row, p.column, p.message()) for p in report.problems]
    assert found == [
        (3, "Cost price", "“abc” is not an amount."),
        (3, "Sale price", "cannot be negative."),
        (5, "SKU", "NEW-1 is already on row 2 of this file."),
        (6, "Part name", "is a formula; the import takes values only (paste the values in the "
                         "spreadsheet)."),
        (6, "Cost price", "is a formula; the import takes values only (paste the values in the "
                          "spreadsheet)."),
        (6, "Active", "“maybe” is neither yes nor no."),
        (7, "Category", "may not start with “@” (it would read as a spreadsheet formula)."),
        (8, "SKU", "“NEW 5”: letters, digits and . _ / - only."),
        (8, "Part name", "is required."),
        (8, "Cost price", "has more than 2 decimals."),
    ]  # fmt: skip
    # Row 7's taken barcode is checked against the catalogue once its own cells are right.
    assert (report.rows, report.invalid_rows, report.new) == (7, 5, 2)
    assert report.problems[0].line() == "Row 3, Cost price: “abc” is not an amount."

    report, changes = importer.run(manager, path)
    assert not report.written and not changes.any() and report.invalid_rows == 5
    assert (snapshot(services, manager), audit_count(services)) == before

    report, changes = importer.run(manager, path, skip_invalid=True)
    assert report.written and changes.parts and report.new == 2
    assert part_count(services) == 5
    good = services.catalogue.find(manager, "111")
    assert (good.sku, set(good.models)) == ("NEW-1", {"Galaxy S21"})
    also = services.catalogue.find(manager, "NEW-6")
    assert (also.cost_price, also.unit, also.active) == (Decimal("12.50"), "pcs", False)


def test_a_barcode_may_move_between_parts_in_one_file_but_not_clash(
    services, manager, importer, catalogue, tmp_path
):
    path = tmp_path / "codes.csv"
    path.write_text(
        "SKU,Part name,Barcodes\n"
        "GLUE-1,B-7000 glue 胶水,6901234567892\n"  # takes the screen's code...
        "SCR-IP12,Screen iPhone 12 屏幕总成,OWN-0001\n"  # ...which gives it up here
        "NEW-9,Clash,OWN-0001 X-1\n",
        encoding="utf-8",
    )
    report = importer.dry_run(manager, path)
    assert [(p.row, p.message()) for p in report.problems] == [
        (4, "“OWN-0001” is already the barcode of SCR-IP12.")
    ]
    report, _ = importer.run(manager, path, skip_invalid=True)
    assert report.updated == 2
    assert services.catalogue.find(manager, "6901234567892").sku == "GLUE-1"
    assert services.catalogue.find(manager, "OWN-0001").sku == "SCR-IP12"
    with pytest.raises(NotFound):
        services.catalogue.find(manager, "X-1")


def test_csv_with_bom_semicolons_and_chinese_headers(services, manager, importer, tmp_path):
    path = tmp_path / "目录.csv"
    text = (
        "货号;名称;类别;单位;成本价;售价;条码;适用机型;启用\r\n"
        "bat-p50;华为 P50 电池;电池;个;45,50;¥98;111,222;P50；P50 Pro;是\r\n"
        ";;;;;;;;\r\n"
        '"KB-T14";"Keyboard ""T14""; US";Keyboards;pcs;120;180;;ThinkPad T14;否\r\n'
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    report, _ = importer.run(manager, path)
    assert report.ok and report.new == 2 and report.rows == 2
    battery = services.catalogue.find(manager, "222")
    assert (battery.sku, battery.name, battery.unit) == ("BAT-P50", "华为 P50 电池", "个")
    assert (battery.cost_price, battery.sale_price) == (Decimal("45.50"), Decimal("98.00"))
    assert set(battery.models) == {"P50", "P50 Pro"}
    keyboard = services.catalogue.get(manager, services.catalogue.find(manager, "KB-T14").id)
    assert keyboard.name == 'Keyboard "T14"; US' and not keyboard.active


# ---------------------------------------------------------------- bad files


def _corrupt_xlsx(path):
    good = write_xlsx(path.with_name("good.xlsx"), [HEADER, ["A-1", "x"]]).read_bytes()
    path.write_bytes(good[: len(good) // 2])


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.xlsx", lambda p: p.write_bytes(b""), "empty.xlsx is empty."),
        ("empty.csv", lambda p: p.write_bytes(b""), "empty.csv is empty."),
        ("blank.csv", lambda p: p.write_text(";;\n\n"), "holds no rows"),
        ("text.xlsx", lambda p: p.write_text("SKU,Name\nA,B\n"), "not an Excel workbook"),
        ("cut.xlsx", _corrupt_xlsx, "not an Excel workbook"),
        ("old.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "not an .xlsx or .csv"),
        ("gbk.csv", lambda p: p.write_bytes("货号,名称\nA,电池\n".encode("gbk")), "not UTF-8"),
        ("wrong.csv", lambda p: p.write_text("Code,Title\nA,B\n"), "has no SKU column"),
        ("noname.csv", lambda p: p.write_text("SKU,Price\nA,1\n"), "has no Part name column"),
    ],
)
def test_unreadable_files_are_refused_whole(
    services, manager, importer, catalogue, tmp_path, name, make, message
):
    path = tmp_path / name
    make(path)
    before = (snapshot(services, manager), audit_count(services))
    with pytest.raises(ImportFileError, match=message):
        importer.dry_run(manager, path)
    with pytest.raises(ImportFileError, match=message):
        importer.run(manager, path, skip_invalid=True)
    assert (snapshot(services, manager), audit_count(services)) == before


def test_mapping_for_unknown_headers_and_a_title_block(services, manager, importer, tmp_path):
    path = write_xlsx(
        tmp_path / "supplier-list.xlsx",
        [["Price list 2024"], [], ["Artikel", "Bezeichnung", "Preis"], ["P-1", "Pump", 9.5]],
    )
    layout = importer.layout(manager, path)
    assert (layout.header_row, layout.headers, dict(layout.mapping)) == (
        1, ("Price list 2024",), {},
    )  # fmt: skip
    with pytest.raises(ImportFileError, match="has no SKU column"):
        importer.dry_run(manager, path)
    titled = write_xlsx(
        tmp_path / "titled.xlsx",
        [["Price list 2024"], [], ["Artikel", "Name", "Sale price"], ["P-1", "Pump", 9.5]],
    )
    layout = importer.layout(manager, titled)
    assert (layout.header_row, dict(layout.mapping)) == (3, {"name": 1, "sale_price": 2})
    assert [f.key for f in layout.unmapped_required()] == ["sku"]
    report, _ = importer.run(manager, titled, {"sku": 0, "name": 1, "sale_price": 2})
    assert report.ok and report.new == 1
    assert services.catalogue.find(manager, "P-1").sale_price == Decimal("9.50")
    for bad in ({"sku": 0, "name": 0}, {"sku": 0, "name": 7}, {"sku": 0, "colour": 1}):
        with pytest.raises(ImportFileError):
            importer.dry_run(manager, titled, bad)


def test_shelf_columns_need_an_outlet_and_only_managers_import(
    services, cli_actor, outlet, importer, catalogue, tmp_path
):
    path = tmp_path / "levels.csv"
    path.write_text("SKU,Part name,Bin location,Minimum level\nGLUE-1,B-7000 glue 胶水,C-3,4\n")
    with pytest.raises(DomainError, match="Choose the outlet"):
        importer.dry_run(cli_actor, path)
    report, _ = importer.run(cli_actor, path, outlet_id=outlet.id)
    assert report.updated == 1
    glue = services.catalogue.find(cli_actor, "GLUE-1")
    (level,) = services.stock.levels(cli_actor, glue.id)
    assert level.on_hand == 0
    with services.db.read() as s:
        stock = s.get(PartStock, (glue.id, level.location_id))
        assert (stock.bin, stock.min_level, stock.reorder_qty) == ("C-3", 4, 0)
    clerk = make_actor(services, outlet.id, Role.CLERK, "counter")
    for call in (importer.layout, importer.dry_run, importer.run):
        with pytest.raises(PermissionDenied):
            call(clerk, path)


def test_cancel_while_importing_writes_nothing(services, manager, importer, tmp_path):
    rows = [HEADER] + [[f"P-{i}", f"Part {i}", "", "", 1, 2, "", "", "", ""] for i in range(1200)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)

    class CancelLate(Progress):
        def start(self, total, label=""):
            super().start(total, label)
            if label == "Writing the parts":
                self.cancel()

    before = audit_count(services)
    with pytest.raises(Cancelled):
        importer.run(manager, path, progress=CancelLate())
    assert part_count(services) == 0 and audit_count(services) == before
    progress = Progress()
    report, _ = importer.run(manager, path, progress=progress)
    assert report.new == 1200 and part_count(services) == 1200
    done, total, _ = progress.snapshot()
    assert total is None and done == 0  # the last phase (writing) has no count


# ---------------------------------------------------------------- the catalogue service


def test_update_part_checks_the_version_and_replaces_lists(services, manager, catalogue):
    part = services.catalogue.get(manager, catalogue.id)
    data = PartInput(
        "scr-ip12", "Screen iPhone 12 (OEM)", cost_price="310", sale_price="600",
        barcodes=("OWN-0001", "OWN-0002"), models=("iPhone 12", "IPHONE12", "iPhone 12 mini"),
    )  # fmt: skip
    updated, changes = services.catalogue.update_part(manager, part.id, part.version, data)
    assert changes.parts and updated.version == part.version + 1
    assert set(updated.barcodes) == {"OWN-0001", "OWN-0002"}
    assert set(updated.models) == {"iPhone 12", "iPhone 12 mini"}  # one entry per model key
    with pytest.raises(StaleRecord):
        services.catalogue.update_part(manager, part.id, part.version, data)
    glue = services.catalogue.find(manager, "GLUE-1")
    with pytest.raises(ValidationError) as caught:
        services.catalogue.update_part(
            manager, glue.id, glue.version, PartInput("GLUE-1", "Glue", barcodes=("OWN-0002",))
        )
    assert caught.value.field == "Barcode"
    with pytest.raises(ValidationError) as caught:
        services.catalogue.update_part(
            manager, glue.id, glue.version, PartInput("SCR-IP12", "Glue")
        )
    assert caught.value.field == "SKU"
    # Only barcodes changing still makes a new version.
    again, _ = services.catalogue.update_part(
        manager, updated.id, updated.version, PartInput(**{**data.__dict__, "barcodes": ()})
    )
    assert again.version == updated.version + 1 and again.barcodes == ()


def test_retire_and_suppliers(services, manager, outlet, catalogue):
    retired, _ = services.catalogue.set_active(manager, catalogue.id, False)
    assert not retired.active
    assert "SCR-IP12" not in [p.sku for p in services.catalogue.search(manager, "")]
    (supplier,) = services.catalogue.suppliers(manager)
    assert supplier.name == "Shenzhen Parts 深圳配件" and supplier.lead_time_days == 7
    changed, _ = services.catalogue.update_supplier(
        manager, supplier.id, supplier.version,
        SupplierInput("Shenzhen Parts 深圳配件", contact="Mr Li", phone="0755 1234 5678",
                      lead_time_days=3),
    )  # fmt: skip
    assert (changed.lead_time_days, changed.phone, changed.version) == (3, "075512345678", 2)
    with pytest.raises(StaleRecord):
        services.catalogue.update_supplier(
            manager, supplier.id, supplier.version, SupplierInput("X")
        )
    other, _ = services.catalogue.create_supplier(manager, SupplierInput("Other"))
    with pytest.raises(ValidationError, match="already a supplier"):
        services.catalogue.create_supplier(manager, SupplierInput("  SHENZHEN parts 深圳配件"))
    with pytest.raises(ValidationError, match="already a supplier"):
        services.catalogue.update_supplier(
            manager, other, 1, SupplierInput("SHENZHEN PARTS 深圳配件")
        )
    with pytest.raises(NotFound):
        services.catalogue.supplier_by_name(manager, "Nobody")
    clerk = make_actor(services, outlet.id, Role.CLERK, "counter")
    with pytest.raises(PermissionDenied):
        services.catalogue.set_active(clerk, catalogue.id, True)
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Supplier)) == 2
