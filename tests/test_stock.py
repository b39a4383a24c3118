"""The stock ledger on SQLite and PostgreSQL: movements explain the on-hand, stock never goes
below zero (also for several processes taking the last unit at once), average cost, permissions."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import order_stock
import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from test_work_orders import intake

from outletdesk.core.errors import NotFound, PermissionDenied, ValidationError
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import MovementKind, Role, StockMovement, WorkOrderStatus

WORKER = Path(__file__).with_name("concurrent_issue_worker.py")


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    supplier, _ = services.catalogue.create_supplier(
        manager, SupplierInput("Shenzhen Parts 深圳配件")
    )
    part, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "scr-ip12",
            "Screen assembly iPhone 12 屏幕总成",
            category="Screens",
            cost_price="300",
            sale_price="560",
            supplier_id=supplier,
            barcodes=("6901234567892",),
            models=("iPhone 12", "iPhone 12 Pro"),
        ),
    )
    return part


def movements(services):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(StockMovement))


def test_receive_issue_return_and_the_ledger_explains_the_on_hand(services, manager, clerk, screen):
    level, changes = services.stock.receive(manager, screen.id, 4, "300.00", reason="PO 17")
    assert changes.parts and level.on_hand == 4 and level.avg_cost == Decimal("300.00")
    level, _ = services.stock.receive(manager, screen.id, "2", "330")
    assert level.on_hand == 6 and level.avg_cost == Decimal("310.00")  # (4*300 + 2*330) / 6
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(clerk, order.id, order.version, WorkOrderStatus.IN_REPAIR)

    # Parts go out with the order's lines, and come back when a line asks for fewer.
    def screens(quantity):
        return [LineInput("part", "Screen", quantity, "560", part_id=screen.id)]

    order, changes = services.work_orders.set_lines(clerk, order.id, order.version, screens(2))
    assert services.stock.on_hand(clerk, screen.id) == 4 and changes.parts
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, screens(1))
    (level,) = services.stock.levels(clerk, screen.id)
    assert level.on_hand == 5 and level.avg_cost == Decimal("310.00")
    level, _ = services.stock.adjust(manager, screen.id, -1, "Dropped, glass cracked")
    level, _ = services.stock.scrap(manager, screen.id, 1, "Dead on arrival")
    assert services.stock.on_hand(clerk, screen.id) == 3
    history = services.stock.movements(clerk, screen.id)
    assert [m.kind for m in history] == [
        MovementKind.SCRAP,
        MovementKind.ADJUST,
        MovementKind.RETURN,
        MovementKind.ISSUE,
        MovementKind.RECEIVE,
        MovementKind.RECEIVE,
    ]
    assert [m.balance for m in history] == [3, 4, 5, 4, 6, 4]
    assert history[3].work_order_id == order.id and history[3].reason == order.number
    assert sum(m.quantity for m in history) == 3
    assert services.stock.check(manager) == []
    (here,) = services.stock.levels(clerk, screen.id)
    assert (here.outlet_code, here.on_hand, here.value) == ("N", 3, Decimal("930.00"))


def test_issuing_more_than_is_there_names_part_outlet_and_numbers(services, manager, clerk, screen):
    services.stock.receive(manager, screen.id, 1, "300")
    order, _ = intake(services, clerk)
    before = (movements(services), audit_count(services))
    with pytest.raises(InsufficientStock) as caught:
        order_stock.issue(services, clerk, screen.id, 2, order.id)
    message = str(caught.value)
    assert "SCR-IP12" in message and "North Station" in message
    assert "1 on hand" in message and "2 asked for" in message
    assert (movements(services), audit_count(services)) == before
    assert services.stock.on_hand(clerk, screen.id) == 1


def test_the_check_finds_a_cache_that_disagrees_with_the_ledger(services, manager, screen):
    services.stock.receive(manager, screen.id, 3, "300")
    with services.db.write() as s:
        s.execute(text("UPDATE part_stock SET on_hand = 7"))
    (wrong,) = services.stock.check(manager)
    assert (wrong.part_id, wrong.cached, wrong.ledger) == (screen.id, 7, 3)


def test_movements_are_append_only_and_stock_never_negative_in_the_database(
    services, manager, screen
):
    services.stock.receive(manager, screen.id, 1, "300")
    with pytest.raises((DBAPIError, IntegrityError)), services.db.write() as s:
        s.execute(text("UPDATE stock_movements SET quantity = 100"))
    with pytest.raises((DBAPIError, IntegrityError)), services.db.write() as s:
        s.execute(text("DELETE FROM stock_movements"))
    with pytest.raises(IntegrityError), services.db.write() as s:
        s.execute(text("UPDATE part_stock SET on_hand = -1"))
    assert services.stock.check(manager) == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda st, a, p: st.receive(a, p, 0, "1"), "Quantity"),
        (lambda st, a, p: st.receive(a, p, "two", "1"), "Quantity"),
        (lambda st, a, p: st.receive(a, p, "1.5", "1"), "Quantity"),
        (lambda st, a, p: st.receive(a, p, 1, "abc"), "Unit cost"),
        (lambda st, a, p: st.receive(a, p, 1, "-1"), "Unit cost"),
        (lambda st, a, p: st.receive(a, p, 1, "1", supplier_id=999), "Supplier"),
        (lambda st, a, p: st.adjust(a, p, 0, "x"), "Quantity"),
        (lambda st, a, p: st.adjust(a, p, 1, ""), "Reason"),
        (lambda st, a, p: st.scrap(a, p, 1, " "), "Reason"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(services, manager, screen, call, field):
    before = (movements(services), audit_count(services))
    with pytest.raises(ValidationError) as caught:
        call(services.stock, manager, screen.id)
    assert caught.value.field == field
    assert (movements(services), audit_count(services)) == before


def test_only_managers_receive_and_adjust(services, clerk, screen):
    with pytest.raises(PermissionDenied):
        services.stock.receive(clerk, screen.id, 1, "1")
    with pytest.raises(PermissionDenied):
        services.stock.adjust(clerk, screen.id, 1, "found")
    with pytest.raises(NotFound):
        services.stock.on_hand(clerk, screen.id, outlet_id=999)


def test_catalogue_finds_by_sku_barcode_name_and_model(services, manager, clerk, screen):
    assert screen.sku == "SCR-IP12" and set(screen.models) == {"iPhone 12", "iPhone 12 Pro"}
    assert services.catalogue.find(clerk, "scr-ip12").id == screen.id
    assert services.catalogue.find(clerk, "6901234567892").id == screen.id
    assert [p.id for p in services.catalogue.search(clerk, "屏幕")] == [screen.id]
    assert [p.id for p in services.catalogue.search(clerk, "iphone12")] == [screen.id]
    assert services.catalogue.search(clerk, "Galaxy") == []
    with pytest.raises(ValidationError) as caught:
        services.catalogue.create_part(manager, PartInput("SCR-IP12", "Another"))
    assert caught.value.field == "SKU"
    with pytest.raises(ValidationError) as caught:
        services.catalogue.create_part(
            manager, PartInput("BAT-1", "Battery", barcodes=("6901234567892",))
        )
    assert caught.value.field == "Barcode"
    with pytest.raises(ValidationError) as caught:
        services.catalogue.create_part(manager, PartInput("BAT-1", "=cmd|' /C calc'!A0"))
    assert caught.value.field == "Part name"


def test_several_processes_taking_the_last_unit_at_once(
    services, db_url, manager, clerk, outlet, screen, tmp_path
):
    """Four counters (separate processes) issue the one unit on the shelf at the same moment:
    exactly one gets it, the others are told what is there; the ledger agrees."""
    services.stock.receive(manager, screen.id, 1, "300")
    order, _ = intake(services, clerk)
    names = [f"counter{n}" for n in range(4)]
    for name in names:
        make_actor(services, outlet.id, Role.CLERK, name)
    start = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                db_url,
                name,
                "secret-pw",
                str(outlet.id),
                str(screen.id),
                str(order.id),
                str(start),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for name in names
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{name}").exists() for name in names):
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers)
        time.sleep(0.02)
    start.touch()
    outcomes = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-3000:]
        outcomes.append(out.split()[0])
    assert sorted(outcomes) == ["issued", "short", "short", "short"]
    assert services.stock.on_hand(clerk, screen.id) == 0
    assert services.stock.check(manager) == []


def test_stock_check_command(services, db_url, manager, screen, capsys):
    from outletdesk.cli import main

    services.stock.receive(manager, screen.id, 2, "300")
    assert main(["--db", db_url, "stock", "check"]) == 0
    assert "agrees with the ledger" in capsys.readouterr().out
    with services.db.write() as s:
        s.execute(text("UPDATE part_stock SET on_hand = 5"))
    assert main(["--db", db_url, "stock", "check"]) == 2
    captured = capsys.readouterr()
    assert "on hand 5, ledger says 2" in captured.out and "1 stock row disagrees" in captured.err


def test_part_lines_on_a_work_order_take_and_give_back_stock(services, manager, clerk, screen):
    from outletdesk.core.work_orders.dto import LineInput
    from outletdesk.models import WorkOrderStatus

    services.stock.receive(manager, screen.id, 2, "300")
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(clerk, order.id, order.version, WorkOrderStatus.IN_REPAIR)

    def lines(qty):
        return [
            LineInput("part", "Screen", qty, "560", part_id=screen.id),
            LineInput("part", "Glue (free text, not stocked)", 1, "5"),
        ]

    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, lines(2))
    assert services.stock.on_hand(clerk, screen.id) == 0
    saved = order
    with pytest.raises(InsufficientStock, match="0 on hand, 1 asked for"):
        services.work_orders.set_lines(clerk, order.id, order.version, lines(3))
    order = services.work_orders.get(clerk, order.id)
    assert order.version == saved.version and order.lines == saved.lines  # nothing was saved
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, lines(1))
    assert services.stock.on_hand(clerk, screen.id) == 1  # one went back
    order, _ = services.work_orders.move(
        clerk, order.id, order.version, WorkOrderStatus.AWAITING_PARTS
    )
    order, _ = services.work_orders.cancel(clerk, order.id, order.version, "Customer withdrew")
    assert services.stock.on_hand(clerk, screen.id) == 2
    kinds = [m.kind for m in services.stock.movements(clerk, screen.id)]
    assert kinds[:3] == [MovementKind.RETURN, MovementKind.RETURN, MovementKind.ISSUE]
    assert services.stock.check(manager) == []
    fresh, _ = intake(services, clerk)
    with pytest.raises(ValidationError):
        services.work_orders.set_lines(
            clerk, fresh.id, fresh.version, [LineInput("part", "Ghost", 1, "1", part_id=999)]
        )


def test_transfer_between_outlets_is_in_transit_until_received(services, manager, screen):
    from outletdesk.core.auth import Actor
    from outletdesk.core.errors import DomainError, StaleRecord
    from outletdesk.core.outlets import OutletInput
    from outletdesk.models import StockTransfer, TransferStatus

    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    services.stock.receive(manager, screen.id, 3, "300")
    before = movements(services)
    with pytest.raises(InsufficientStock, match="3 on hand, 4 asked for"):
        services.stock.send_transfer(manager, screen.id, 4, south.id)
    with pytest.raises(DomainError, match="another outlet"):
        services.stock.send_transfer(manager, screen.id, 1, manager.outlet_id)
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(StockTransfer)) == 0
    assert movements(services) == before

    sent, _ = services.stock.send_transfer(manager, screen.id, 2, south.id, note="for a rush job")
    assert (sent.from_outlet, sent.to_outlet, sent.status) == ("N", "S", TransferStatus.IN_TRANSIT)
    assert sent.unit_cost == Decimal("300.00")
    assert services.stock.on_hand(manager, screen.id) == 1
    assert services.stock.on_hand(manager, screen.id, outlet_id=south.id) == 0
    assert [t.id for t in services.stock.in_transit(manager, south.id)] == [sent.id]

    south_manager = make_actor(services, south.id, Role.MANAGER, "southboss")
    got, _ = services.stock.receive_transfer(south_manager, sent.id, sent.version)
    assert got.status is TransferStatus.RECEIVED and got.received_by == "Southboss"
    levels = {lvl.outlet_code: lvl for lvl in services.stock.levels(manager, screen.id)}
    assert (levels["N"].on_hand, levels["S"].on_hand) == (1, 2)
    assert levels["S"].avg_cost == Decimal("300.00")
    assert services.stock.in_transit(manager) == []
    with pytest.raises(StaleRecord):
        services.stock.receive_transfer(south_manager, sent.id, sent.version)
    assert services.stock.check(manager) == []
    kinds = [m.kind for m in services.stock.movements(manager, screen.id)][:2]
    assert kinds == [MovementKind.TRANSFER_IN, MovementKind.TRANSFER_OUT]


def test_low_stock_list_counts_what_is_on_its_way(services, manager, clerk, screen):
    from outletdesk.core.auth import Actor
    from outletdesk.core.outlets import OutletInput

    battery, _ = services.catalogue.create_part(manager, PartInput("BAT-IP12", "Battery 电池"))
    level, _ = services.stock.set_levels(
        manager, screen.id, min_level=3, reorder_qty=5, bin_location="A-01"
    )
    assert (level.on_hand, level.outlet_code) == (0, "N")
    services.stock.set_levels(manager, battery.id, min_level=2, reorder_qty=1)
    services.stock.receive(manager, battery.id, 2, "40")
    assert [(r.sku, r.suggested) for r in services.stock.low_stock(clerk)] == [("SCR-IP12", 5)]
    services.stock.receive(manager, screen.id, 1, "300")
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_hand, line.min_level, line.suggested) == (1, 3, 5)

    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    services.stock.receive(manager, screen.id, 2, "300", outlet_id=south.id)
    services.stock.send_transfer(manager, screen.id, 2, manager.outlet_id, from_outlet_id=south.id)
    assert services.stock.low_stock(clerk) == []  # 1 here + 2 on the way reaches the minimum
    with pytest.raises(ValidationError) as caught:
        services.stock.set_levels(manager, screen.id, min_level=-1, reorder_qty=5)
    assert caught.value.field == "Minimum level"
    with pytest.raises(PermissionDenied):
        services.stock.set_levels(clerk, screen.id, min_level=1, reorder_qty=1)


def test_parts_go_out_to_an_order_only_with_its_lines(services):
    """Nothing takes parts out for a work order without a line on it (the order's next save of
    its lines would put them back): they go out with the lines (WorkOrderService.set_lines)."""
    assert not hasattr(services.stock, "issue")
    assert not hasattr(services.stock, "return_from_order")
