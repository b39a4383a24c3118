"""Spare parts in and out of Excel: importing a 10,000-row catalogue (goal <= 10 s, beside a bare
read of the same file and a plain multi-row insert), and the movement-log export of 100,000 rows
against plain openpyxl write-only of the same rows (goal <= 1.2x).

Everything is generated into its own temporary folder and removed afterwards.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from common import Figure, best_of, ratio_figure

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

IMPORT_ROWS = 10_000
IMPORT_GOAL_S = 10.0
MOVEMENTS = 100_000
MAX_RATIO = 1.2
_CATEGORIES = ["Screens", "Batteries", "Keyboards", "Pumps", "加热器", "Cameras", "Cables"]
_MODELS = ["iPhone 12", "iPhone 13", "Galaxy S21", "P50 Pro", "ThinkPad T14", "Dyson V11"]
_SUPPLIERS = [f"Supplier {n:02d} 供应商" for n in range(20)]


def write_catalogue(path: Path, rows: int = IMPORT_ROWS, price_step: int = 0) -> None:
    """A catalogue as a person would prepare it: the export's columns, plain openpyxl."""
    from openpyxl import Workbook

    from outletdesk.core.parts.export import CATALOGUE_COLUMNS

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Parts")
    ws.append([title for title, _kind, _width in CATALOGUE_COLUMNS])
    for i in range(rows):
        ws.append(
            [
                f"P-{i:06d}",
                f"Part {i} {_CATEGORIES[i % len(_CATEGORIES)]} 备件",
                _CATEGORIES[i % len(_CATEGORIES)],
                "pcs",
                Decimal(1000 + i % 5000) / 100 + price_step,
                Decimal(2000 + i % 9000) / 100 + price_step,
                _SUPPLIERS[i % len(_SUPPLIERS)],
                f"69{i:011d}; OWN-{i:06d}",
                "; ".join(_MODELS[(i + k) % len(_MODELS)] for k in range(1 + i % 3)),
                i % 50 != 0,
            ]
        )
    wb.save(path)


def _fresh_db(template: Path, target: Path) -> str:
    shutil.copy(template, target)
    return f"sqlite:///{target}"


def bench_import(folder: Path) -> list[Figure]:
    from openpyxl import load_workbook
    from sqlalchemy import insert

    from outletdesk.core.auth import Actor
    from outletdesk.core.database import Database, migrate
    from outletdesk.core.parts.importer import CatalogueImporter
    from outletdesk.models import Part, utcnow

    template = folder / "template.sqlite3"
    db = Database(f"sqlite:///{template}")
    migrate(db)
    db.dispose()
    source, changed = folder / "catalogue.xlsx", folder / "catalogue-new-prices.xlsx"
    write_catalogue(source)
    write_catalogue(changed, price_step=1)
    actor = Actor.command_line()

    new_times, update_times = [], []
    for n in range(2):
        db = Database(_fresh_db(template, folder / f"import-{n}.sqlite3"))
        importer = CatalogueImporter(db)
        start = time.perf_counter()
        report, _ = importer.run(actor, source)
        new_times.append(time.perf_counter() - start)
        assert report.ok and report.new == IMPORT_ROWS, report
        start = time.perf_counter()
        report, _ = importer.run(actor, changed)
        update_times.append(time.perf_counter() - start)
        assert report.ok and report.updated == IMPORT_ROWS, report
        db.dispose()

    def floor() -> None:
        """Reading the same file and inserting its parts with one multi-row statement."""
        wb = load_workbook(source, read_only=True)
        rows = list(wb.worksheets[0].iter_rows(values_only=True))[1:]
        wb.close()
        floor_db = Database(_fresh_db(template, folder / "floor.sqlite3"))
        now = utcnow()
        with floor_db.write() as s:
            s.execute(
                insert(Part),
                [
                    {"sku": r[0], "name": r[1], "name_key": r[1].casefold(), "category": r[2],
                     "unit": r[3], "cost_price": Decimal(str(r[4])),
                     "sale_price": Decimal(str(r[5])), "active": r[9], "created_at": now,
                     "version": 1}
                    for r in rows
                ],
            )  # fmt: skip
        floor_db.dispose()

    bare = best_of(floor, repeat=2)
    ours_new, ours_update = min(new_times), min(update_times)
    return [
        Figure(
            f"import {IMPORT_ROWS:,}-row catalogue .xlsx, all new (s)",
            ours_new, bare, "s", f"<= {IMPORT_GOAL_S:g} s", ours_new <= IMPORT_GOAL_S,
        ),
        Figure(
            f"import {IMPORT_ROWS:,}-row catalogue .xlsx, all updated (s)",
            ours_update, bare, "s", f"<= {IMPORT_GOAL_S:g} s", ours_update <= IMPORT_GOAL_S,
        ),
    ]  # fmt: skip


def _fill_movements(url: str) -> None:
    """100,000 ledger rows over 2,000 parts at two outlets, written straight into the table
    (the services would take one transaction each: the log is what is measured, not them)."""
    from sqlalchemy import insert

    from outletdesk.core.auth import Actor
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.parts.catalogue import SupplierInput
    from outletdesk.core.services import Services
    from outletdesk.models import MovementKind, Part, StockLocation, StockMovement, utcnow

    services = Services.open(url)
    actor = Actor.command_line()
    for code, name in (("N", "North Station 北站店"), ("S", "South 南店")):
        services.outlets.create(actor, OutletInput(code, name, "1 Station Rd", "010 6255 0101"))
    supplier, _ = services.catalogue.create_supplier(actor, SupplierInput("Shenzhen Parts"))
    kinds = [k.value for k in MovementKind]
    start = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
    with services.db.write() as s:
        locations = [loc.id for loc in s.query(StockLocation).order_by(StockLocation.id)]
        now = utcnow()
        s.execute(
            insert(Part),
            [
                {"sku": f"P-{i:06d}", "name": f"Part {i} 备件", "name_key": f"part {i} 备件",
                 "category": "", "unit": "pcs", "cost_price": Decimal("12.50"),
                 "sale_price": Decimal("20.00"), "active": True, "created_at": now, "version": 1}
                for i in range(2000)
            ],
        )  # fmt: skip
        part_ids = [p.id for p in s.query(Part.id).order_by(Part.id)]
        batch = []
        for i in range(MOVEMENTS):
            kind = kinds[i % len(kinds)]
            batch.append(
                {
                    "at": start + timedelta(minutes=3 * i),
                    "user_id": None,
                    "username": "Manager 经理",
                    "part_id": part_ids[i % len(part_ids)],
                    "location_id": locations[i % len(locations)],
                    "kind": kind,
                    "quantity": (i % 7 + 1) * (1 if kind in ("receive", "return") else -1),
                    "unit_cost": Decimal(1000 + i % 4000) / 100,
                    "balance": i % 40,
                    "reason": "PO 17"
                    if kind == "receive"
                    else '=HYPERLINK("x")'
                    if i % 997 == 0
                    else "",
                    "supplier_id": supplier if kind == "receive" else None,
                }
            )
            if len(batch) == 5000:
                s.execute(insert(StockMovement), batch)
                batch = []
        if batch:
            s.execute(insert(StockMovement), batch)
    services.db.dispose()


def bench_movement_export(folder: Path) -> list[Figure]:
    from openpyxl import Workbook

    from outletdesk.core.auth import Actor
    from outletdesk.core.parts.export import MovementFilter, export_movements, movement_query
    from outletdesk.core.services import Services

    url = f"sqlite:///{folder / 'movements.sqlite3'}"
    _fill_movements(url)
    services = Services.open(url)
    actor = Actor.command_line()
    with services.db.read() as s:
        rows = [tuple(r) for r in s.execute(movement_query(MovementFilter()))]
    assert len(rows) == MOVEMENTS

    def plain() -> None:
        """The floor: the same rows, already in memory, into plain openpyxl write-only."""
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Stock movements")
        ws.append(["Date and time", "Outlet", "Location", "SKU", "Part name", "Movement",
                   "Quantity", "Unit cost", "Amount", "On hand after", "By", "Reason",
                   "Work order no.", "Supplier", "Transfer no."])  # fmt: skip
        for (at, outlet, _code, location, sku, part, kind, qty, cost, balance, user, reason,
             number, supplier, transfer) in rows:  # fmt: skip
            ws.append((at.replace(tzinfo=None), outlet, location, sku, part, kind, qty, cost,
                       cost * qty, balance, user, reason, number, supplier, transfer))  # fmt: skip
        wb.save(folder / "plain.xlsx")

    def ours() -> None:
        count = export_movements(services, actor, folder / "ours.xlsx")
        assert count == MOVEMENTS

    floor = best_of(plain)
    value = best_of(ours)
    services.db.dispose()
    return [
        ratio_figure(
            f"movement-log export {MOVEMENTS:,} rows from the database (s)",
            value, floor, "s", MAX_RATIO,
        )
    ]  # fmt: skip


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="outletdesk-bench-parts-io-"))
    try:
        return bench_import(folder) + bench_movement_export(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for fig in run():
        status = "ok" if fig.met else "MISSED"
        print(
            f"{fig.name}: {fig.value:.2f} {fig.unit} (floor {fig.floor:.2f} {fig.unit}, "
            f"ratio {fig.ratio:.2f}; goal {fig.goal}) {status}"
        )
