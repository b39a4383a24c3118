"""Equipment imports on SQLite and PostgreSQL: the public PdM maintenance history (assets,
breakdowns, planned replacements; a second import adds nothing; a malformed line is named by file
and line and nothing is written) and the register from a spreadsheet (tags matched, new assets
tagged, every bad cell named, nothing half-imported)."""

from __future__ import annotations

import csv
import itertools
import os
import shutil
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import SHARED_DATA, audit_count, make_actor
from sqlalchemy import func, select

from outletdesk.core.auth import Actor
from outletdesk.core.database import Database
from outletdesk.core.equipment.demo import add_demo_equipment
from outletdesk.core.equipment.export import TEXTS, export_equipment
from outletdesk.core.equipment.importer import FIELDS, EquipmentImporter, ImportFileError
from outletdesk.core.equipment.pdm import CATEGORY, import_maintenance_history
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import PermissionDenied
from outletdesk.core.i18n import disambiguation
from outletdesk.core.outlets import OutletInput
from outletdesk.core.services import Services
from outletdesk.models import Asset, AssetEvent, AssetStatus, MaintenanceRecord, Role
from outletdesk.progress import Cancelled, Progress

PDM = SHARED_DATA / "pdm"
needs_pdm = pytest.mark.skipif(
    not (PDM / "PdM_maint.csv").is_file(),
    reason=f"the public PdM sample data is not at {PDM} (../shared/data/pdm next to the repo)",
)


@pytest.fixture
def staff(services, outlet):
    return make_actor(services, outlet.id, Role.MAINTENANCE, "fixit")


def counts(services):
    with services.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Asset)),
            s.scalar(select(func.count()).select_from(MaintenanceRecord)),
        )


def csv_rows(name, folder=PDM):
    with open(folder / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- the PdM history


@needs_pdm
def test_the_public_history_loads_once_with_the_right_kinds(services, outlet, staff):
    report = import_maintenance_history(services, staff, PDM, None)
    assert report.ok and report.written
    assert (report.assets_added, report.assets_matched) == (100, 0)
    assert (report.records_added, report.records_matched) == (2062, 0)
    assert (report.planned, report.repairs, report.breakdowns) == (400, 0, 1662)

    failures = Counter(int(r["machineID"]) for r in csv_rows("PdM_failures.csv"))
    scheduled = Counter(
        int(r["machineID"]) for r in csv_rows("PdM_maint.csv") if r["type"] == "scheduled"
    )
    machines = {int(r["machineID"]): r for r in csv_rows("PdM_machines.csv")}
    busiest = max(failures, key=lambda m: (failures[m], -m))
    with services.db.read() as s:
        by_kind = dict(
            s.execute(
                select(MaintenanceRecord.kind, func.count()).group_by(MaintenanceRecord.kind)
            ).all()
        )
        assert by_kind == {"planned": 400, "breakdown": 1662}
        assert s.scalar(select(func.count(func.distinct(MaintenanceRecord.number)))) == 2062
        for machine in (1, 24, busiest):
            asset = s.scalar(select(Asset).where(Asset.source_ref == f"pdm:machine:{machine}"))
            assert asset is not None and asset.outlet_id == outlet.id
            assert asset.name == f"Machine {machine}"
            assert asset.model == machines[machine]["model"]
            age = int(machines[machine]["age"])
            assert asset.purchase_date == date(2015 - age, 1, 1)
            assert asset.status == AssetStatus.IN_SERVICE
            kinds = Counter(
                s.scalars(
                    select(MaintenanceRecord.kind).where(MaintenanceRecord.asset_id == asset.id)
                )
            )
            assert kinds == {"breakdown": failures[machine], "planned": scheduled[machine]}
        first = s.scalar(
            select(MaintenanceRecord).where(
                MaintenanceRecord.source_ref == "pdm:fail:2015-01-01T03:47:01:24:comp2"
            )
        )
        assert first is not None and first.kind == "breakdown" and first.component == "comp2"
        assert first.failure_cause == "comp2 failure" and first.number.startswith("MR-N-")
        # The file's times have no zone: they are the outlet's clock, read in this machine's
        # local zone (UTC only where the tests happen to run in UTC) and stored as aware UTC.
        assert first.done_at == datetime(2015, 1, 1, 3, 47, 1).astimezone(UTC)
        assert s.scalar(select(func.count()).select_from(AssetEvent)) == 0
    assert {c.name for c in services.equipment.categories(staff)} >= {CATEGORY}
    # The MTBF per machine model is what the manager looks at.
    per_model = Counter(r["model"] for r in machines.values())
    failed = Counter(machines[m]["model"] for m in failures.elements())
    figures = services.maintenance.reliability(
        staff, date(2015, 1, 1), date(2015, 12, 31), group="model"
    )
    assert {(f.label, f.assets, f.failures) for f in figures} == {
        (model, per_model[model], failed[model]) for model in per_model
    }
    hours = Decimal(365 * 24)
    for f in figures:
        assert f.mtbf_hours is not None
        assert abs(f.mtbf_hours - hours * f.assets / f.failures) < 1

    audits = audit_count(services)
    again = import_maintenance_history(services.db, staff, PDM, None)
    assert (again.assets_added, again.assets_matched) == (0, 100)
    assert (again.records_added, again.records_matched) == (0, 2062)
    assert not again.written and counts(services) == (100, 2062)
    assert audit_count(services) == audits


@needs_pdm
def test_a_replacement_without_a_failure_is_a_repair_and_outlet_is_chosen(
    services, outlet, staff, cli_actor, tmp_path
):
    folder = tmp_path / "pdm"
    shutil.copytree(PDM, folder)
    with open(folder / "PdM_maint.csv", "a", newline="") as f:
        f.write("2015-06-01 12:00:00,7,comp3,unscheduled\r\n")
    south, _ = services.outlets.create(
        cli_actor, OutletInput("S", "South 南店", "1 Road", "010 6255 0102", "TAX-2")
    )
    dry = import_maintenance_history(services, staff, folder, south.id, dry_run=True)
    assert (dry.records_added, dry.repairs, dry.written) == (2063, 1, False)
    assert counts(services) == (0, 0)
    report = import_maintenance_history(services, staff, folder, south.id)
    assert report.repairs == 1 and report.records_added == 2063
    with services.db.read() as s:
        repair = s.scalar(select(MaintenanceRecord).where(MaintenanceRecord.kind == "repair"))
        assert repair is not None and repair.component == "comp3"
        assert repair.source_ref == "pdm:maint:2015-06-01T12:00:00:7:comp3"
        assert repair.outlet_id == south.id and repair.number.startswith("MR-S-")
        assert set(s.scalars(select(Asset.outlet_id))) == {south.id}


@needs_pdm
def test_malformed_lines_are_named_by_file_and_line_and_nothing_is_written(
    services, outlet, staff, tmp_path
):
    folder = tmp_path / "pdm"
    shutil.copytree(PDM, folder)

    def spoil(name, line, text):
        lines = (folder / name).read_bytes().split(b"\r\n")
        lines[line - 1] = text.encode()
        (folder / name).write_bytes(b"\r\n".join(lines))

    spoil("PdM_machines.csv", 5, "x4,model1,4")
    spoil("PdM_failures.csv", 3, "2015-02-30 10:43:43,59,comp4")
    spoil("PdM_maint.csv", 10, "2015-01-03 06:00:00,999,comp1,scheduled")
    spoil("PdM_maint.csv", 11, "2015-01-03 06:00:00,5,comp1")
    spoil("PdM_maint.csv", 12, "2015-01-03 06:00:00,5,comp1,sometimes")
    audits = audit_count(services)
    report = import_maintenance_history(services, staff, folder, None)
    found = [(p.file, p.line, p.column) for p in report.problems]
    assert ("PdM_machines.csv", 5, "machineID") in found
    assert ("PdM_failures.csv", 3, "datetime") in found
    assert ("PdM_maint.csv", 10, "machineID") in found
    assert ("PdM_maint.csv", 11, "type") in found  # three values where the header has four
    assert ("PdM_maint.csv", 12, "type") in found
    lines = [p.describe() for p in report.problems]
    assert "PdM_failures.csv line 3, datetime: “2015-02-30 10:43:43” is not a date and time" in (
        "\n".join(lines)
    )
    assert "PdM_maint.csv line 10, machineID: machine 999 is not in PdM_machines.csv." in lines
    assert not report.written and counts(services) == (0, 0)
    assert audit_count(services) == audits

    # A column missing: named on the header line; nothing written either.
    spoil("PdM_failures.csv", 1, "datetime,machineID,what")
    report = import_maintenance_history(services, staff, folder, None)
    assert ("PdM_failures.csv", 1, "failure") in [
        (p.file, p.line, p.column) for p in report.problems
    ]
    assert counts(services) == (0, 0)

    (folder / "PdM_maint.csv").unlink()
    with pytest.raises(ImportFileError, match="PdM_maint.csv is not in"):
        import_maintenance_history(services, staff, folder, None)


@pytest.fixture
def beijing_time(monkeypatch):
    """This machine's clock in Beijing (UTC+8, no summer time), where a UTC reading of the
    files' times would be eight hours off."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset to change the local zone")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def write_history(folder, failures, replacements):
    folder.mkdir(exist_ok=True)
    (folder / "PdM_machines.csv").write_text("machineID,model,age\n1,model3,5\n")
    (folder / "PdM_failures.csv").write_text(
        "datetime,machineID,failure\n" + "".join(f"{at},1,{comp}\n" for at, comp in failures)
    )
    (folder / "PdM_maint.csv").write_text(
        "datetime,machineID,comp,type\n"
        + "".join(f"{at},1,{comp},{kind}\n" for at, comp, kind in replacements)
    )


def test_the_files_times_are_the_outlets_local_times(
    services, outlet, staff, tmp_path, beijing_time
):
    folder = tmp_path / "pdm"
    # Half an hour ago on the Beijing clock: read as UTC it would lie hours in the future.
    recent = datetime.now().replace(microsecond=0) - timedelta(minutes=30)
    write_history(
        folder,
        [("2015-01-01 03:47:01", "comp2"), (f"{recent:%Y-%m-%d %H:%M:%S}", "comp1")],
        [("2015-03-01 06:00:00", "comp4", "scheduled")],
    )
    report = import_maintenance_history(services, staff, folder, None)
    assert report.ok and report.written and report.records_added == 3
    with services.db.read() as s:
        by_ref = {r.source_ref: r for r in s.scalars(select(MaintenanceRecord))}
    # The reference keeps the time as written, as before: a history imported earlier matches.
    first = by_ref["pdm:fail:2015-01-01T03:47:01:1:comp2"]
    assert first.done_at == datetime(2014, 12, 31, 19, 47, 1, tzinfo=UTC)
    assert by_ref[f"pdm:fail:{recent:%Y-%m-%dT%H:%M:%S}:1:comp1"].done_at == recent.astimezone(UTC)
    planned = by_ref["pdm:maint:2015-03-01T06:00:00:1:comp4"]
    assert planned.done_at == datetime(2015, 2, 28, 22, 0, tzinfo=UTC)
    assert planned.due_on == date(2015, 3, 1)  # the outlet's day, not the UTC one
    again = import_maintenance_history(services, staff, folder, None)
    assert (again.records_added, again.records_matched, again.written) == (0, 3, False)

    # Still refused: before 1950 and later than now on this machine's clock.
    later = datetime.now().replace(microsecond=0) + timedelta(minutes=30)
    write_history(
        folder,
        [("1949-12-31 23:59:59", "comp1"), ("1950-01-01 00:00:00", "comp2"),
         (f"{later:%Y-%m-%d %H:%M:%S}", "comp3")],
        [],
    )  # fmt: skip
    report = import_maintenance_history(services, staff, folder, None, dry_run=True)
    assert [(p.line, p.column) for p in report.problems] == [(2, "datetime"), (4, "datetime")]
    assert all("is not between 1950 and today" in p.describe() for p in report.problems)


@needs_pdm
def test_only_maintenance_managers_import_history(services, outlet):
    technician = make_actor(services, outlet.id, Role.TECHNICIAN)
    with pytest.raises(PermissionDenied):
        import_maintenance_history(services, technician, PDM, None, dry_run=True)
    assert counts(services) == (0, 0)


# ---------------------------------------------------------------- the register from a file


HEADER = ["Tag", "Name", "Category", "Make", "Model", "Serial number", "Outlet", "Location",
          "Purchase date", "Purchase cost", "Warranty end", "Accepted on", "Accepted by",
          "Acceptance result", "Status", "Notes"]  # fmt: skip


def write_xlsx(path, rows, header=HEADER):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def register(services, staff, outlet):
    """One asset in the register: a multimeter in Tools."""
    tools = next(c for c in services.equipment.categories(staff) if c.name.startswith("Tools"))
    meter, _ = services.equipment.create(
        staff,
        AssetInput("Multimeter 万用表", tools.id, outlet.id, make="Fluke", model="117",
                   purchase_date="2022-05-01", purchase_cost="1500"),
    )  # fmt: skip
    return meter


def test_known_tags_update_new_rows_get_tags_and_categories(
    services, staff, outlet, register, tmp_path
):
    importer = EquipmentImporter(services.db)
    path = write_xlsx(
        tmp_path / "register.xlsx",
        [
            [register.tag, "Multimeter 万用表", "Tools 工具", "Fluke", "117", "", "N", "Bench 1",
             datetime(2022, 5, 1), 1500, None, None, "", "", "In service", "calibrated"],
            [None, "Oscilloscope 示波器", "Scopes 示波器", "Rigol", "DS1054Z", "DS1ZA1", "n",
             "Lab", "2024/3/1", "2,999.50", "2026-03-01", "2024-03-02", "Wang 王工", "合格",
             "停用", ""],
            [None, "Hot air station", "Scopes 示波器", "", "", "", None, "", None, None, None,
             None, "", "", "", ""],
        ],
    )  # fmt: skip
    refused = importer.dry_run(staff, path)
    assert [p.line() for p in refused.problems] == [
        f"Row {row}, Category: “Scopes 示波器” is not a category in OutletDesk; use an existing "
        "category, or allow the new categories to be created."
        for row in (3, 4)
    ]
    assert refused.new_categories == ("Scopes 示波器",) and not refused.new_categories_allowed
    dry = importer.dry_run(staff, path, new_categories=True)
    assert dry.ok and (dry.new, dry.updated, dry.unchanged) == (2, 1, 0)
    assert dry.new_categories == ("Scopes 示波器",)
    assert counts(services) == (1, 0)

    report, changes = importer.run(staff, path, new_categories=True)
    assert report.written and changes.equipment and (report.new, report.updated) == (2, 1)
    updated = services.equipment.get(staff, register.id)
    assert (updated.location, updated.notes, updated.version) == ("Bench 1", "calibrated", 2)
    scope = services.equipment.search(staff, "oscillo", include_retired=True)[0]
    scope = services.equipment.get(staff, scope.id)
    assert scope.tag.startswith("EQ-N-") and scope.category == "Scopes 示波器"
    assert scope.purchase_date == date(2024, 3, 1) and scope.purchase_cost == Decimal("2999.50")
    assert scope.acceptance_result == "passed" and scope.status is AssetStatus.OUT_OF_SERVICE
    # Imported out of service: its status, and the downtime that opened with it.
    history = services.equipment.history(staff, scope.id)
    assert sorted(e.title for e in history) == ["breakdown", "out_of_service"]
    assert [e.still_down for e in history if e.title == "breakdown"] == [True]
    hot = services.equipment.search(staff, "hot air")[0]
    assert hot.outlet_code == "N" and hot.category == "Scopes 示波器"

    # A row without a tag is the asset with its serial number; the one without a serial adds
    # an asset every time. With the tags filled in (as an export of the register writes them)
    # the same file changes nothing.
    twice, _ = importer.run(staff, path)
    assert (twice.new, twice.updated, twice.unchanged, twice.new_categories) == (1, 0, 2, ())
    book = openpyxl.load_workbook(path)
    for row, name in ((3, "oscillo"), (4, "hot air")):
        book.active.cell(row, 1).value = services.equipment.search(staff, name)[0].tag
    book.save(path)
    again, _ = importer.run(staff, path)
    assert (again.new, again.updated, again.unchanged, again.written) == (0, 0, 3, False)
    assert counts(services) == (4, 1)  # the scope imported out of service: its open downtime
    # A retired asset cannot be brought back by a file.
    services.equipment.set_status(staff, register.id, 2, "retired", "worn out")
    revived, _ = importer.run(staff, path)
    assert [p.line() for p in revived.problems] == [
        f"Row 2, Status: {register.tag} is retired; its history is kept but it cannot change."
    ]


def test_chinese_csv_headers_and_an_unknown_eq_tag(services, staff, outlet, register, tmp_path):
    path = tmp_path / "台账.csv"
    path.write_text(
        "资产编号;名称;类别;网点;购置日期;购置成本\n"
        f"{register.tag.lower()};Multimeter 万用表;Tools 工具;N;2022-05-01;1500\n"
        ";焊台;工具 Tools;N;2023年3月1日;¥800\n"
        "EQ-N-000099;Ghost;Tools 工具;N;;\n",
        encoding="utf-8-sig",
    )
    report = EquipmentImporter(services.db).dry_run(staff, path)
    assert (report.new, report.unchanged) == (1, 1)
    assert [p.line() for p in report.problems] == [
        "Row 4, 资产编号: EQ-N-000099 is not in the register; tags starting EQ- are given by "
        "OutletDesk. Leave the tag empty to add the asset with a new tag."
    ]


def test_bad_cells_are_named_and_nothing_is_half_imported(
    services, staff, outlet, register, tmp_path
):
    importer = EquipmentImporter(services.db)
    path = write_xlsx(
        tmp_path / "bad.xlsx",
        [
            [None, "Good drill 电钻", "Tools 工具", "Bosch", "", "", "N", "", None, None, None,
             None, "", "", "", ""],
            [None, "=cmd|' /C calc'!A0", "Tools 工具", "+evil", "", "", "N", "", "2023-02-30",
             "abc", None, None, "", "maybe", "broken", ""],
            [None, None, None, None, None, None, None, None, None, None, None, None, None, None,
             None, None],
            [register.tag, "Multimeter", "Tools 工具", "", "", "", "N", "", "2022-05-01", "1.234",
             "2021-01-01", None, "", "", "", ""],
            [register.tag, "Multimeter again", "Tools 工具", "", "", "", "N", "", None, None,
             None, None, "", "", "", ""],
            [None, "No category", None, "", "", "", "N", "", None, None, None, None, "", "", "",
             ""],
        ],
    )  # fmt: skip
    before = (counts(services), audit_count(services), services.equipment.get(staff, register.id))
    report, changes = importer.run(staff, path)
    assert [p.line() for p in report.problems] == [
        "Row 3, Name: is a formula; the import takes values only (paste the values in the "
        "spreadsheet).",
        "Row 3, Make: may not start with “+” (it would read as a spreadsheet formula).",
        "Row 3, Purchase date: “2023-02-30” is not a date (YYYY-MM-DD).",
        "Row 3, Purchase cost: “abc” is not an amount.",
        "Row 3, Acceptance result: “maybe” is not one of: Passed, Failed.",
        "Row 3, Status: “broken” is not one of: In service, Out of service, Under repair, Retired.",
        "Row 5, Purchase cost: has more than 2 decimals.",
        "Row 5, Warranty end: cannot be before the purchase date.",
        f"Row 6, Tag: {register.tag} is already on row 5 of this file.",
        "Row 7, Category: is required for a new asset.",
    ]
    assert (report.invalid_rows, report.new, report.written) == (4, 1, False)
    assert not changes.any()
    after = (counts(services), audit_count(services), services.equipment.get(staff, register.id))
    assert after == before

    skipped, _ = importer.run(staff, path, skip_invalid=True)
    assert skipped.written and skipped.new == 1 and counts(services) == (2, 0)

    wrong = tmp_path / "wrong.csv"
    wrong.write_text("Asset,Where\nDrill,Bench\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="has no Name column"):
        importer.dry_run(staff, wrong)
    with pytest.raises(PermissionDenied):
        importer.dry_run(make_actor(services, outlet.id, Role.CLERK), path)


def row(name, category, make="", model="", serial="", tag=None):
    return [tag, name, category, make, model, serial, "N", "", None, None, None, None, "", "",
            "", ""]  # fmt: skip


def test_a_row_without_a_tag_is_the_asset_with_its_serial(
    services, staff, outlet, register, tmp_path
):
    """Importing the same file twice adds nothing the second time: a row without a tag is
    matched by serial number (with make and model when the file gives them), as the parts
    import matches on SKU."""
    importer = EquipmentImporter(services.db)
    path = write_xlsx(
        tmp_path / "twice.xlsx",
        [row("Heat gun 热风枪", "Tools 工具", "Quick", "861DW", "HG-1"),
         row("Hot plate", "Tools 工具", "", "", " hp-7 ")],
    )  # fmt: skip
    first, _ = importer.run(staff, path)
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    again, changes = importer.run(staff, path)
    assert [p.line() for p in again.problems] == []
    assert (again.new, again.updated, again.unchanged, again.written) == (0, 0, 2, False)
    assert not changes.any() and counts(services) == (3, 0)
    book = openpyxl.load_workbook(path)
    book.active.cell(2, 8).value = "Bench 2"  # Location
    book.active.cell(3, 6).value = "HP-7"  # the same serial: its case and spaces are forgiven
    book.save(path)
    moved, _ = importer.run(staff, path)
    assert (moved.new, moved.updated, moved.unchanged) == (0, 2, 0) and counts(services) == (3, 0)
    gun = services.equipment.search(staff, "heat gun")
    assert len(gun) == 1 and services.equipment.get(staff, gun[0].id).location == "Bench 2"

    # Another make with the same serial is another asset; then the serial alone matches two.
    other = write_xlsx(
        tmp_path / "other.xlsx", [row("Heat gun", "Tools 工具", "Bosch", "", "HG-1")]
    )
    assert importer.run(staff, other)[0].new == 1
    ambiguous = write_xlsx(
        tmp_path / "ambiguous.xlsx",
        [row("Heat gun", "Tools 工具", serial="HG-1"),
         row("Hot plate", "Tools 工具", serial="HP-7"),
         row("Hot plate again", "Tools 工具", serial="hp-7")],
    )  # fmt: skip
    tags = sorted(a.tag for a in services.equipment.search(staff, "heat gun"))
    report, _ = importer.run(staff, ambiguous)
    assert [p.line() for p in report.problems] == [
        f"Row 2, Serial number: serial number HG-1 belongs to several assets ({tags[0]}, "
        f"{tags[1]}); give the tag of the one meant.",
        "Row 4, Serial number: serial number HP-7 is already on row 3 of this file.",
    ]
    assert not report.written and counts(services) == (4, 0)


def test_categories_are_found_by_either_half_and_new_ones_only_when_allowed(
    services, staff, outlet, register, tmp_path
):
    importer = EquipmentImporter(services.db)
    path = write_xlsx(
        tmp_path / "categories.xlsx",
        [row("Drill", "Tools"), row("Saw", "工具"), row("Router", "it 信息设备"),
         row("Tablet", "信息设备 IT"), row("Mystery", "NoSuchCategory"),
         row("Mystery 2", "nosuchcategory")],
    )  # fmt: skip
    before = {c.name for c in services.equipment.categories(staff)}
    refused, changes = importer.run(staff, path)
    assert [p.line() for p in refused.problems] == [
        f"Row {n}, Category: “{name}” is not a category in OutletDesk; use an existing category, "
        "or allow the new categories to be created."
        for n, name in ((6, "NoSuchCategory"), (7, "nosuchcategory"))
    ]
    assert refused.new_categories == ("NoSuchCategory",) and not refused.written
    assert counts(services) == (1, 0) and not changes.any()
    # Skipping the invalid rows still creates no category.
    skipped, _ = importer.run(staff, path, skip_invalid=True)
    assert skipped.new == 4 and {c.name for c in services.equipment.categories(staff)} == before
    placed = {
        a.name: a.category for a in services.equipment.search(staff, "", include_retired=True)
    }
    assert [placed[n] for n in ("Drill", "Saw", "Router", "Tablet")] == [
        "Tools 工具", "Tools 工具", "IT 信息设备", "IT 信息设备"
    ]  # fmt: skip
    allowed, _ = importer.run(staff, path, new_categories=True)
    assert allowed.ok and allowed.new_categories == ("NoSuchCategory",)
    assert {c.name for c in services.equipment.categories(staff)} == before | {"NoSuchCategory"}


class CancelWhenWriting(Progress):
    """Cancel pressed as the writing starts: the import ends and its transaction is undone."""

    def start(self, total, label=""):
        super().start(total, label)
        if label.startswith("Writing"):
            self.cancel()


def test_cancel_while_importing_the_register_writes_nothing(
    services, staff, outlet, register, tmp_path
):
    rows = [[None, f"Torque driver {i}", "Tools 工具", "Wera", "7440", "", "N", "", None, 90,
             None, None, "", "", "In service", ""] for i in range(1100)]  # fmt: skip
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    importer = EquipmentImporter(services.db)
    before = (counts(services), audit_count(services))
    with pytest.raises(Cancelled):
        importer.run(staff, path, progress=CancelWhenWriting())
    assert (counts(services), audit_count(services)) == before
    progress = Progress()
    report = importer.dry_run(staff, path, progress=progress)
    assert report.new == 1100 and progress.snapshot()[:2] == (1000, 1100)  # counted in steps
    assert counts(services) == before[0]


@needs_pdm
def test_cancel_while_importing_the_history_writes_nothing(services, outlet, staff):
    before = audit_count(services)
    with pytest.raises(Cancelled):
        import_maintenance_history(services, staff, PDM, None, progress=CancelWhenWriting())
    assert counts(services) == (0, 0) and audit_count(services) == before
    report = import_maintenance_history(services, staff, PDM, None, progress=Progress())
    assert report.records_added == 2062


# ---------------------------------------------------------------- round trip with the export

TS = Path(__file__).resolve().parent.parent / "resources/translations/outletdesk_zh_CN.ts"
_ZH = {
    (m.findtext("source"), m.findtext("comment")): m.findtext("translation")
    for ctx in ET.parse(TS).getroot().iter("context")
    if ctx.findtext("name") == "core"
    for m in ctx.iter("message")
}
# What the window passes: each English source in Chinese (an asset's Name as 名称).
EXPORT_ZH = {t: _ZH[(t, disambiguation(t))] for t in TEXTS}
IMPORT_ZH = {f.title: _ZH[(f.title, disambiguation(f.title))] for f in FIELDS}


@pytest.fixture
def fresh_db(request, db_url, tmp_path):
    """A second, empty database of the same kind (another outlet's)."""
    if db_url.startswith("sqlite"):
        target = tmp_path / "fresh.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), target)
        services = Services.for_database(Database(f"sqlite:///{target}"))
        yield services
        services.db.dispose()
        return
    server = request.getfixturevalue("postgres_server")
    name = f"od_fresh_{os.getpid()}_{next(_fresh_counter)}"
    server.admin_execute(f"CREATE DATABASE {name} TEMPLATE od_template")
    services = Services.for_database(Database(server.database_url(name)))
    try:
        yield services
    finally:
        services.db.dispose()
        server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_fresh_counter = itertools.count()


@pytest.fixture
def demo_register(services, outlet, cli_actor):
    """The demo register at two outlets (with meters, plans, upkeep and one retired asset)."""
    services.outlets.create(cli_actor, OutletInput("S", "South Mall 南城店"))
    assert add_demo_equipment(services.db) == 12
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    return manager, register_of(services, manager)


def register_of(services, actor):
    """Every asset (retired too) as its DTO, by tag."""
    rows = services.equipment.search(actor, include_retired=True, limit=1000)
    return {row.tag: services.equipment.get(actor, row.id) for row in rows}


# What the register export holds of an asset, beside its tag and outlet.
EXPORTED = ("name", "category", "make", "model", "serial", "location", "purchase_date",
            "purchase_cost", "warranty_end", "accepted_on", "accepted_by", "acceptance_result",
            "status", "retired_on", "retire_reason")  # fmt: skip


def _fields(asset, names=EXPORTED):
    return {name: getattr(asset, name) for name in names}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_an_exported_register_imports_back_unchanged(services, demo_register, tmp_path, language):
    manager, before = demo_register
    assert any(a.status is AssetStatus.RETIRED for a in before.values())
    export_texts, import_texts = (None, None) if language == "en" else (EXPORT_ZH, IMPORT_ZH)
    path = tmp_path / "register.xlsx"
    assert export_equipment(services, manager, path, texts=export_texts) == 12
    importer = EquipmentImporter(services.db)
    layout = importer.layout(manager, path, texts=import_texts)
    assert layout.header_row > 1  # below the export's title block
    assert {"tag", "name", "outlet", "status", "retired_on", "retire_reason"} <= set(layout.mapping)
    audits = audit_count(services)
    report, changes = importer.run(manager, path, texts=import_texts)
    assert [p.line() for p in report.problems] == []
    assert (report.rows, report.new, report.updated, report.unchanged) == (12, 0, 0, 12)
    assert not report.written and not changes.any() and audit_count(services) == audits
    assert register_of(services, manager) == before  # every field, the version too

    # A change made in the workbook comes back as that change and nothing else.
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header_row = next(sheet.iter_rows(min_row=layout.header_row, max_row=layout.header_row))
    column = {cell.value: cell.column for cell in header_row}
    if language == "zh_CN":  # an asset's name, not a person's
        assert "名称" in column and "姓名" not in column
    t = (lambda word: word) if import_texts is None else EXPORT_ZH.get
    tags = {
        sheet.cell(row, 1).value: row for row in range(layout.header_row + 1, sheet.max_row + 1)
    }
    moved, retiring = [a for a in before.values() if a.status is AssetStatus.IN_SERVICE][:2]
    sheet.cell(tags[moved.tag], column[t("Location")]).value = "Shelf 9 九号架"
    sheet.cell(tags[retiring.tag], column[t("Status")]).value = t("Retired")
    sheet.cell(tags[retiring.tag], column[t("Retired on")]).value = date(2025, 3, 1)
    sheet.cell(tags[retiring.tag], column[t("Retirement reason")]).value = "Worn out 已磨损"
    book.save(path)
    report, _ = importer.run(manager, path, texts=import_texts)
    assert report.ok and (report.updated, report.unchanged) == (2, 10)
    after = register_of(services, manager)
    assert _fields(after[moved.tag]) == _fields(before[moved.tag]) | {"location": "Shelf 9 九号架"}
    assert _fields(after[retiring.tag]) == _fields(before[retiring.tag]) | {
        "status": AssetStatus.RETIRED,
        "retired_on": date(2025, 3, 1),
        "retire_reason": "Worn out 已磨损",
    }
    others = set(before) - {moved.tag, retiring.tag}
    assert {tag: after[tag] for tag in others} == {tag: before[tag] for tag in others}


def test_an_exported_register_moves_to_a_fresh_database_of_another_outlet(
    services, demo_register, fresh_db, tmp_path
):
    """Tags starting EQ- are given by each database, so the tags are left out and new ones
    given; the Outlet column is left out too and every asset goes to the outlet imported into.
    Everything else the export holds comes back as it was."""
    manager, before = demo_register
    path = tmp_path / "register.xlsx"
    export_equipment(services, manager, path)
    hangzhou, _ = fresh_db.outlets.create(
        Actor.command_line(), OutletInput("HZ", "Hangzhou 杭州店")
    )
    there = make_actor(fresh_db, hangzhou.id, Role.MAINTENANCE, "keeper")
    importer = EquipmentImporter(fresh_db.db)
    whole = importer.layout(there, path)
    kept = {key: index for key, index in whole.mapping.items() if key not in ("tag", "outlet")}
    refused = importer.dry_run(there, path, whole.mapping, outlet_id=hangzhou.id)
    assert refused.invalid_rows == 12 and "are given by OutletDesk" in refused.problems[0].line()
    report, changes = importer.run(there, path, kept, outlet_id=hangzhou.id, new_categories=True)
    assert [p.line() for p in report.problems] == []
    assert report.written and changes.equipment and report.new == 12
    moved = register_of(fresh_db, there)
    assert all(tag.startswith("EQ-HZ-") for tag in moved)
    assert {a.outlet_code for a in moved.values()} == {"HZ"}
    by_serial = {a.serial: a for a in moved.values()}
    assert len(by_serial) == 12
    for asset in before.values():
        assert _fields(by_serial[asset.serial]) == _fields(asset), asset.tag
