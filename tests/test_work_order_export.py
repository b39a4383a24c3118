"""The work-order log read back with openpyxl: typed cells, safe text, filters, lines sheet."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import openpyxl
import pytest
from conftest import make_actor

from outletdesk.core.customers import CustomerInput
from outletdesk.core.errors import PermissionDenied
from outletdesk.core.outlets import OutletInput
from outletdesk.core.work_orders.dto import DeviceInput, IntakeInput, LineInput
from outletdesk.core.work_orders.export import export_work_orders
from outletdesk.core.work_orders.queries import SortKey, WorkOrderFilter
from outletdesk.models import Role, WorkOrderStatus
from outletdesk.progress import Progress

HOSTILE = "=cmd|' /C calc'!A0"


def serial_of(name):
    return "SN-" + name.encode().hex()[:10].upper()


def take_in(services, actor, name, fault="No power", **changes):
    data = {
        "device": DeviceInput("phone", "Huawei", "P50 Pro", serial=serial_of(name)),
        "reported_fault": fault,
        "new_customer": CustomerInput(name, ["139 0000 0001"]),
        "deposit": "50.00",
    } | changes
    order, _ = services.intake.take_in(actor, IntakeInput(**data))
    return order


def sheets(path):
    wb = openpyxl.load_workbook(path)
    orders, lines = wb.worksheets
    return rows_after_header(orders), rows_after_header(lines), orders


def rows_after_header(ws):
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Work order no.")
    return [rows[start], *[r for r in rows[start + 1 :] if any(v is not None for v in r)]]


@pytest.fixture
def tech(services, outlet):
    return make_actor(services, outlet.id, Role.TECHNICIAN, "tech")


def test_log_rows_are_typed_and_hostile_text_stays_text(services, admin, tech, tmp_path):
    first = take_in(services, admin, "张伟", technician_id=tech.user_id)
    hostile = take_in(services, admin, "Zhou", fault=HOSTILE)
    order, _ = services.work_orders.move(tech, first.id, first.version, "in_repair")
    order, _ = services.work_orders.set_lines(
        tech,
        order.id,
        order.version,
        [
            LineInput("part", "Battery 电池", 2, "180.00"),
            LineInput("labour", "+SUM(A1)", 30, "120.00"),
        ],
    )
    order, _ = services.work_orders.move(tech, order.id, order.version, "ready")
    order, _ = services.work_orders.hand_back(admin, order.id, order.version, "张伟", "370.00")
    services.work_orders.record_follow_up(
        admin, order.id, reached=True, attitude=5, efficiency=4, solved=5, overall=4
    )
    # An approved partial refund lowers what was paid and what was charged; one awaiting review
    # changes nothing yet.
    order, _ = services.refunds.request(tech, order.id, "20", "cash", "Goodwill")
    services.refunds.approve(admin, order.refunds[0].id, order.refunds[0].version)
    services.refunds.request(admin, order.id, "30", "cash", "Asked again")

    path = tmp_path / "log.xlsx"
    count = export_work_orders(services, admin, path, WorkOrderFilter(sort=SortKey.NUMBER))
    assert count == 2
    orders, lines, ws = sheets(path)
    header, *data = orders
    assert header[:3] == ("Work order no.", "Outlet", "Received")
    assert [r[0] for r in data] == ["N-000002", "N-000001"]  # the filter's order (descending)
    col = {title: i for i, title in enumerate(header)}

    done = data[1]
    assert done[col["Outlet"]] == "North Station 北站店"
    for stage in ("Received", "Judged", "Ready", "Delivered"):
        assert isinstance(done[col[stage]], datetime), stage
    assert done[col["Closed"]] is None
    local_received = first.received_at.astimezone().replace(tzinfo=None)
    assert abs(done[col["Received"]] - local_received) < timedelta(seconds=1)  # local, not UTC
    assert (done[col["Customer"]], done[col["Phone"]]) == ("张伟", "13900000001")
    assert done[col["Device"]] == "Huawei P50 Pro" and done[col["Serial no."]] == serial_of("张伟")
    assert (done[col["Status"]], done[col["Priority"]]) == ("Delivered", "Normal")
    assert done[col["Technician"]] == "Tech" and done[col["Warranty"]] == "No warranty"
    money = [
        done[col[c]]
        for c in ("Subtotal", "Discount", "Tax", "Total", "Paid", "Refunded after hand-back")
    ]
    assert money == [420, 0, 0, 420, 400, 20] and done[col["Balance"]] == 0
    assert all(isinstance(v, int | float) for v in money)
    assert done[col["Judgement in time"]] == "Yes" and done[col["Repair in time"]] == "Yes"
    assert done[col["Follow-up in time"]] == "Yes" and done[col["Satisfaction"]] == 4
    assert done[col["Follow-up method"]] == "Phone call"
    assert done[col["Follow-up calls not reached"]] == 0

    open_row = data[0]
    assert open_row[col["Customer"]] == "Zhou" and open_row[col["Reported fault"]] == HOSTILE
    assert open_row[col["Judgement in time"]] is None and open_row[col["Satisfaction"]] is None
    assert open_row[col["Paid"]] == 50 and open_row[col["Balance"]] == -50
    # Written as text, never as a formula (openpyxl would read a formula back with data_type "f").
    cells = [c for row in ws.iter_rows() for c in row if c.value == HOSTILE]
    assert len(cells) == 1 and all(c.data_type == "s" for c in cells)

    line_header, *line_rows = lines
    assert line_header == (
        "Work order no.",
        "Kind",
        "Description",
        "Quantity",
        "Unit price",
        "Amount",
        "Taken from",
    )
    assert line_rows == [
        ("N-000001", "Part", "Battery 电池", 2, 180, 360, None),  # free text: not from stock
        ("N-000001", "Labour", "+SUM(A1)", 30, 120, 60, None),
    ]
    assert hostile.number not in {r[0] for r in line_rows}


def test_follow_up_attempts_and_method_are_exported(services, admin, tech, tmp_path):
    """An unanswered call leaves the follow-up open (not "in time"); giving up reads "No"."""
    orders = []
    for name in ("Tried", "Gave up"):
        order = take_in(services, admin, name, deposit="0")
        for step in ("in_repair", "ready"):
            order, _ = services.work_orders.move(tech, order.id, order.version, step)
        order, _ = services.work_orders.hand_back(admin, order.id, order.version, name)
        orders.append(order)
    tried, gave_up = orders
    services.work_orders.record_follow_up(admin, tried.id, reached=False, method="in_person")
    services.work_orders.record_follow_up(admin, gave_up.id, reached=False)
    services.work_orders.record_follow_up(admin, gave_up.id, reached=False, give_up=True)
    path = tmp_path / "fu.xlsx"
    texts = {"Follow-up method": "回访方式", "In person": "上门", "No": "否"}
    export_work_orders(services, admin, path, WorkOrderFilter(sort=SortKey.NUMBER), texts=texts)
    (header, *data), _, _ = sheets(path)
    col = {title: i for i, title in enumerate(header)}
    by_number = {r[0]: r for r in data}
    row = by_number[tried.number]
    assert row[col["回访方式"]] == "上门" and row[col["Follow-up calls not reached"]] == 1
    assert row[col["Follow-up in time"]] is None and row[col["Satisfaction"]] is None
    row = by_number[gave_up.number]
    assert row[col["回访方式"]] == "Phone call" and row[col["Follow-up calls not reached"]] == 2
    assert row[col["Follow-up in time"]] == "否" and row[col["Satisfaction"]] is None


def test_filters_are_honoured(services, admin, clerk, outlet, tmp_path):
    south, _ = services.outlets.create(admin, OutletInput("S", "South 南店"))
    take_in(services, admin, "Li")
    cancelled = take_in(services, admin, "Wang")
    services.work_orders.cancel(admin, cancelled.id, cancelled.version, "Changed mind")
    at_south = take_in(services, admin.at_outlet(south.id), "Zhao")

    def numbers(f):
        path = tmp_path / "f.xlsx"
        export_work_orders(services, admin, path, f)
        return sorted(r[0] for r in sheets(path)[0][1:])

    assert numbers(WorkOrderFilter()) == sorted(["N-000001", "N-000002", at_south.number])
    assert numbers(WorkOrderFilter(outlet_id=south.id)) == [at_south.number]
    assert numbers(WorkOrderFilter(statuses=(WorkOrderStatus.CANCELLED,))) == ["N-000002"]
    today = date.today()
    assert numbers(WorkOrderFilter(received_to=today - timedelta(days=1))) == []
    assert len(numbers(WorkOrderFilter(received_from=today, received_to=today))) == 3

    path = tmp_path / "period.xlsx"
    export_work_orders(
        services, admin, path, WorkOrderFilter(outlet_id=south.id, received_from=today)
    )
    header_block = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))[:5]
    assert ("Outlet", "South 南店") in [r[:2] for r in header_block]
    assert ("Period", f"{today:%Y-%m-%d} – …") in [r[:2] for r in header_block]
    assert ("Generated by", "Admin") in [r[:2] for r in header_block]


def test_export_needs_the_export_permission(services, clerk, tmp_path):
    path = tmp_path / "no.xlsx"
    with pytest.raises(PermissionDenied):
        export_work_orders(services, clerk, path, WorkOrderFilter())
    assert not path.exists()


def test_translated_titles_and_progress(services, admin, tmp_path):
    take_in(services, admin, "Chen")
    progress = Progress()
    texts = {
        "Work orders": "维修工单",
        "Customer": "客户",
        "Delivered": "已交付",
        "Received": "已接收",
    }
    path = tmp_path / "zh.xlsx"
    export_work_orders(services, admin, path, WorkOrderFilter(), progress=progress, texts=texts)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "维修工单"
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "维修工单"
    header = next(r for r in rows if r[0] == "Work order no.")
    assert "客户" in header
    assert rows[-1][header.index("Status")] == "已接收"
    assert progress.snapshot() == (0, 0, "Work order lines")  # the last sheet: no lines
