"""Spare-parts Excel logs read back with openpyxl on SQLite and PostgreSQL: stock levels, the
movement log and its filters, low stock, stock value; typed cells, safe text, translations."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import openpyxl
import order_stock
import pytest
from conftest import make_actor
from test_parts_import import zh_texts
from test_work_orders import intake

from outletdesk.core.auth import Actor
from outletdesk.core.errors import PermissionDenied
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.export import (
    MovementFilter,
    export_catalogue,
    export_low_stock,
    export_movements,
    export_stock_levels,
    export_stock_value,
)
from outletdesk.models import MovementKind, Role
from outletdesk.progress import Cancelled, Progress

HOSTILE = "=cmd|' /C calc'!A0"


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def shop(services, manager, clerk, outlet):
    """Two outlets, two parts, stock received, issued, adjusted and sent across."""
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("Shenzhen Parts"))
    screen, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "Screen 屏幕", cost_price="300", supplier_id=supplier)
    )
    battery, _ = services.catalogue.create_part(
        manager, PartInput("BAT-IP12", "Battery 电池", cost_price="40", supplier_id=supplier)
    )
    services.stock.receive(manager, screen.id, 4, "300", supplier_id=supplier, reason="PO 17")
    services.stock.receive(manager, screen.id, 2, "330")  # average 310.00
    services.stock.receive(manager, battery.id, 10, "40")
    order, _ = intake(services, clerk)
    order_stock.issue(services, clerk, screen.id, 1, order.id)
    services.stock.adjust(manager, battery.id, -1, HOSTILE)
    services.stock.send_transfer(manager, battery.id, 3, south.id)
    services.stock.set_levels(manager, screen.id, min_level=8, reorder_qty=5, bin_location="A-01")
    return {"south": south, "screen": screen, "battery": battery, "order": order}


def table(path, first="SKU", sheet=0):
    """The rows from the column-title row on (the header block above it is skipped)."""
    rows = list(openpyxl.load_workbook(path).worksheets[sheet].iter_rows(values_only=True))
    start = next(
        i for i, r in enumerate(rows) if r and r[0] == first and sum(v is not None for v in r) > 2
    )
    return rows[start], [r for r in rows[start + 1 :] if any(v is not None for v in r)]


def test_stock_levels_per_outlet_with_value(services, manager, shop, outlet, tmp_path):
    path = tmp_path / "stock.xlsx"
    assert export_stock_levels(services, manager, path) == 3  # the south has nothing yet
    header, rows = table(path)
    assert header == ("SKU", "Part name", "Outlet", "Location", "Bin location", "On hand",
                      "Minimum level", "Reorder quantity", "Average cost", "Stock value")  # fmt: skip
    assert rows == [
        ("BAT-IP12", "Battery 电池", "North Station 北站店", "Main store", None, 6, 0, 0, 40, 240),
        ("SCR-IP12", "Screen 屏幕", "North Station 北站店", "Main store", "A-01", 5, 8, 5, 310,
         1550),
        ("BAT-IP12", "Battery 电池", "North Station 北站店", "In transit to South 南店", None, 3,
         None, None, 40, 120),
    ]  # fmt: skip
    assert export_stock_levels(services, manager, path, outlet_id=shop["south"].id) == 0
    block = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[:4]
    assert ("Outlet", "South 南店") in [r[:2] for r in block]


def test_movement_log_and_its_filters(services, manager, shop, outlet, tmp_path):
    path = tmp_path / "moves.xlsx"
    assert export_movements(services, manager, path) == 6
    header, rows = table(path, "Date and time")
    col = {title: i for i, title in enumerate(header)}
    kinds = [r[col["Movement"]] for r in rows]
    assert kinds == ["Goods received", "Goods received", "Goods received", "Issued to repair", "Adjustment",
                     "Transfer out"]  # fmt: skip
    first = rows[0]
    assert isinstance(first[col["Date and time"]], datetime)
    assert (first[col["Quantity"]], first[col["Unit cost"]], first[col["Amount"]]) == (4, 300, 1200)
    assert (first[col["Supplier"]], first[col["Reason"]], first[col["By"]]) == (
        "Shenzhen Parts", "PO 17", "Boss",
    )  # fmt: skip
    issue = rows[3]
    assert issue[col["Work order no."]] == shop["order"].number
    assert (issue[col["Quantity"]], issue[col["On hand after"]]) == (-1, 5)
    assert issue[col["Unit cost"]] == 310 and issue[col["Amount"]] == -310
    assert rows[4][col["Reason"]] == HOSTILE
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert [c.data_type for row in ws.iter_rows() for c in row if c.value == HOSTILE] == ["s"]
    assert isinstance(rows[5][col["Transfer no."]], int)

    def count(**kw):
        return export_movements(services, manager, tmp_path / "f.xlsx", MovementFilter(**kw))

    assert count(part_id=shop["battery"].id) == 3
    assert count(kind=MovementKind.RECEIVE) == 3
    assert count(kind=MovementKind.RECEIVE, part_id=shop["screen"].id) == 2
    assert count(outlet_id=shop["south"].id) == 0
    today = date.today()
    assert count(date_from=today, date_to=today) == 6
    assert count(date_to=today - timedelta(days=1)) == 0
    assert count(date_from=today + timedelta(days=1)) == 0
    (sent,) = services.stock.in_transit(manager)
    services.stock.receive_transfer(manager, sent.id, sent.version)
    assert count(outlet_id=shop["south"].id) == 1


def test_low_stock_and_stock_value(services, manager, shop, outlet, tmp_path):
    path = tmp_path / "low.xlsx"
    assert export_low_stock(services, manager, path) == 1
    header, rows = table(path, "Outlet")
    assert rows == [
        ("North Station 北站店", "SCR-IP12", "Screen 屏幕", "Shenzhen Parts", 5, 0, 0, 0, 8, 5,
         300, 1500),
    ]  # fmt: skip
    # The command line has no outlet of its own: every outlet's list.
    services.stock.set_levels(
        manager, shop["battery"].id, min_level=4, reorder_qty=2, outlet_id=shop["south"].id
    )
    assert export_low_stock(services, Actor.command_line(), path) == 2
    assert [r[0] for r in table(path, "Outlet")[1]] == ["North Station 北站店", "South 南店"]

    (sent,) = services.stock.in_transit(manager)
    services.stock.receive_transfer(manager, sent.id, sent.version)
    path = tmp_path / "value.xlsx"
    assert export_stock_value(services, manager, path) == 2
    header, by_outlet = table(path, "Outlet")
    assert header == ("Outlet", "Parts in stock", "Units", "Stock value",
                      "Of which in transit (units)", "Of which in transit (value)")  # fmt: skip
    assert by_outlet == [
        ("North Station 北站店", 2, 11, 1790, 0, 0),
        ("South 南店", 1, 3, 120, 0, 0),
        ("Total", 2, 14, 1910, 0, 0),
    ]
    header, by_part = table(path, "SKU", sheet=1)
    assert by_part == [
        ("SCR-IP12", "Screen 屏幕", 5, 310, 1550, 0),
        ("BAT-IP12", "Battery 电池", 9, 40, 360, 0),
    ]
    assert sum(Decimal(str(r[4])) for r in by_part) == Decimal("1910")
    assert export_stock_value(services, manager, path, outlet_id=shop["south"].id) == 1
    assert table(path, "Outlet")[1] == [("South 南店", 1, 3, 120, 0, 0), ("Total", 1, 3, 120, 0, 0)]


def test_parts_in_transit_stay_in_the_stock_value_and_levels(
    services, manager, shop, outlet, tmp_path
):
    """3 batteries sent North -> South and not yet booked in are still the company's stock:
    counted at the sender, on a line that says where they are going, at the cost they left
    with; the totals are the same before and after South books them in."""
    path = tmp_path / "value.xlsx"
    assert export_stock_value(services, manager, path) == 2
    by_outlet = table(path, "Outlet")[1]
    assert by_outlet == [
        ("North Station 北站店", 2, 14, 1910, 3, 120),
        ("Total", 2, 14, 1910, 3, 120),
    ]
    assert table(path, "SKU", sheet=1)[1] == [
        ("SCR-IP12", "Screen 屏幕", 5, 310, 1550, 0),
        ("BAT-IP12", "Battery 电池", 9, 40, 360, 3),
    ]
    export_stock_value(services, manager, path, outlet_id=shop["south"].id)
    assert table(path, "Outlet")[1] == [("Total", 0, 0, 0, 0, 0)]

    levels = tmp_path / "stock.xlsx"
    assert export_stock_levels(services, manager, levels) == 3
    rows = table(levels)[1]
    assert rows[-1] == (
        "BAT-IP12", "Battery 电池", "North Station 北站店", "In transit to South 南店", None, 3,
        None, None, 40, 120,
    )  # fmt: skip
    assert sum(Decimal(str(r[9])) for r in rows) == Decimal("1910")
    assert export_stock_levels(services, manager, levels, outlet_id=shop["south"].id) == 0

    texts = zh_texts()
    export_stock_levels(services, manager, levels, texts=texts)
    location = texts["In transit to {outlet}"].format(outlet="South 南店")
    assert location != "In transit to South 南店"
    assert table(levels, texts["SKU"])[1][-1][3] == location

    (sent,) = services.stock.in_transit(manager)
    services.stock.receive_transfer(manager, sent.id, sent.version)
    export_stock_value(services, manager, path)
    assert table(path, "Outlet")[1][-1] == ("Total", 2, 14, 1910, 0, 0)


def test_chinese_titles_and_words(services, manager, shop, tmp_path):
    texts = zh_texts()
    assert texts["Stock movements"] != "Stock movements" and texts["Goods received"]
    path = tmp_path / "zh.xlsx"
    export_movements(services, manager, path, texts=texts)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [texts["Stock movements"]]
    header, rows = table(path, texts["Date and time"])
    assert (
        texts["Movement"] in header
        and rows[0][header.index(texts["Movement"])] == (texts["Goods received"])
    )
    assert rows[0][header.index(texts["Location"])] == texts["Main store"]


def test_exports_need_the_permission_and_cancel_leaves_no_file(
    services, clerk, manager, shop, tmp_path
):
    path = tmp_path / "no.xlsx"
    for export in (export_catalogue, export_stock_levels, export_movements, export_low_stock,
                   export_stock_value):  # fmt: skip
        with pytest.raises(PermissionDenied):
            export(services, clerk, path)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        export_movements(services, manager, path, progress=progress)
    assert not path.exists() and not [p for p in tmp_path.iterdir() if "xlsx" in p.name]
