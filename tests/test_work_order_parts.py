"""Part lines on a work order, on SQLite and PostgreSQL: issued with the save, held (not taken)
while the order awaits parts, first come first served when stock arrives, issued when work goes
on, returned when the order is cancelled; a held unit is never taken by another counter, also
when several processes try at once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import order_stock
import pytest
from conftest import make_actor
from sqlalchemy import select
from test_work_orders import intake

from outletdesk.core.auth import Actor
from outletdesk.core.errors import DomainError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.reservations import reserved_shortages, unblocked_by
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.core.work_orders.queries import WorkOrderQueries
from outletdesk.models import MovementKind, Role, StockLocation, StockMovement, WorkOrderStatus

S = WorkOrderStatus
WORKER = Path(__file__).with_name("concurrent_parts_worker.py")


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    part, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "Screen assembly iPhone 12 屏幕总成", cost_price="300")
    )
    return part


@pytest.fixture
def battery(services, manager):
    part, _ = services.catalogue.create_part(
        manager, PartInput("BAT-IP12", "Battery iPhone 12 电池", cost_price="80")
    )
    return part


def parts(*wanted):
    """Part lines for (part, quantity) pairs, and a free-text line that never touches stock."""
    return [LineInput("part", "part", qty, "100", part_id=part.id) for part, qty in wanted] + [
        LineInput("fee", "Cleaning", 1, "20")
    ]


def order_at(services, clerk, status=None):
    order, _ = intake(services, clerk)
    if status is not None:
        order, _ = services.work_orders.move(clerk, order.id, order.version, status)
    return order


def main_store(services, outlet_id):
    with services.db.read() as s:
        return s.scalar(
            select(StockLocation.id).where(
                StockLocation.outlet_id == outlet_id, StockLocation.code == "MAIN"
            )
        )


def ledger(services):
    with services.db.read() as s:
        return list(s.scalars(select(StockMovement.id).order_by(StockMovement.id)))


def test_lines_are_issued_with_the_save_outside_awaiting_parts(services, manager, clerk, screen):
    services.stock.receive(manager, screen.id, 3, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    order, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, parts((screen, 2))
    )
    assert changes.parts and changes.work_orders
    assert services.stock.on_hand(clerk, screen.id) == 1
    (state,) = order.parts
    assert (state.part_id, state.wanted, state.issued, state.reserved, state.short) == (
        screen.id, 2, 2, 0, 0,
    )  # fmt: skip
    assert order.part(screen.id) == state and not order.parts_ready
    _, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, [LineInput("fee", "Diagnosis", 1, "50")]
    )
    assert changes.parts and services.stock.on_hand(clerk, screen.id) == 3  # both back
    free_text = order_at(services, clerk, S.IN_REPAIR)
    _, changes = services.work_orders.set_lines(clerk, free_text.id, free_text.version, parts())
    assert not changes.parts  # nothing from the catalogue: the stock panels need not refresh


def test_a_short_save_can_set_the_order_awaiting_parts_instead(
    services, manager, clerk, outlet, screen, battery
):
    services.stock.receive(manager, battery.id, 1, "80")
    order = order_at(services, clerk, S.DIAGNOSING)
    before = ledger(services)
    with pytest.raises(InsufficientStock) as caught:
        services.work_orders.set_lines(
            clerk, order.id, order.version, parts((battery, 1), (screen, 2))
        )
    short = caught.value
    assert (short.part_id, short.outlet_id, short.on_hand, short.asked, short.held) == (
        screen.id, outlet.id, 0, 2, 0,
    )  # fmt: skip
    assert ledger(services) == before  # the battery that was there did not go either
    assert services.work_orders.get(clerk, order.id).version == order.version
    assert order.can_wait_for_parts

    order, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, parts((battery, 1), (screen, 2)), wait_for_parts=True
    )
    assert changes.parts and order.status is S.AWAITING_PARTS
    assert order.events[-1].to_status is S.AWAITING_PARTS and order.waiting_since is not None
    assert ledger(services) == before  # nothing leaves the shelf while the order waits
    assert services.stock.on_hand(clerk, battery.id) == 1
    got = {p.part_id: (p.wanted, p.issued, p.reserved, p.held, p.short) for p in order.parts}
    assert got == {battery.id: (1, 0, 1, 1, 0), screen.id: (2, 0, 2, 0, 2)}
    assert not order.parts_ready
    store = main_store(services, outlet.id)
    with services.db.read() as s:
        assert reserved_shortages(s) == {(screen.id, store): 2}  # for the reorder list
        assert reserved_shortages(s, store + 1000) == {}
    (here,) = services.stock.availability(clerk, battery.id)
    assert (here.outlet_code, here.on_hand, here.reserved, here.available) == ("N", 1, 1, 0)

    ready = order_at(services, clerk, S.IN_REPAIR)
    ready, _ = services.work_orders.move(clerk, ready.id, ready.version, S.READY)
    assert not ready.can_wait_for_parts
    with pytest.raises(DomainError, match="cannot go from Ready for pickup to Awaiting parts"):
        services.work_orders.set_lines(
            clerk, ready.id, ready.version, parts((screen, 1)), wait_for_parts=True
        )


def test_arriving_stock_goes_to_the_waiting_orders_first_come_first_served(
    services, manager, clerk, outlet, screen
):
    first = order_at(services, clerk, S.AWAITING_PARTS)
    first, _ = services.work_orders.set_lines(clerk, first.id, first.version, parts((screen, 1)))
    second = order_at(services, clerk, S.AWAITING_PARTS)
    second, _ = services.work_orders.set_lines(clerk, second.id, second.version, parts((screen, 1)))
    queries = WorkOrderQueries(services.db)
    assert queries.orders_ready_to_continue(clerk, outlet.id) == []

    services.stock.receive(manager, screen.id, 1, "300")
    waiting = services.stock.waiting_for(manager, screen.id)
    assert [(w.number, w.ready) for w in waiting] == [(first.number, True), (second.number, False)]
    assert services.work_orders.get(clerk, first.id).parts_ready
    assert services.work_orders.get(clerk, second.id).part(screen.id).short == 1
    assert queries.orders_ready_to_continue(clerk, outlet.id) == [first.id]
    assert queries.count_ready_to_continue(clerk, None) == 1
    with services.db.read() as s:
        store = main_store(services, outlet.id)
        assert [w.work_order_id for w in unblocked_by(s, screen.id, store)] == [first.id]

    # The unit is held for the first order: not for a walk-in job, not for the later order.
    other = order_at(services, clerk, S.IN_REPAIR)
    with pytest.raises(InsufficientStock, match="1 on hand, 1 of them held") as caught:
        services.work_orders.set_lines(clerk, other.id, other.version, parts((screen, 1)))
    assert caught.value.held == 1
    with pytest.raises(InsufficientStock, match="1 of them held"):
        order_stock.issue(services, clerk, screen.id, 1, other.id)
    with pytest.raises(InsufficientStock, match="1 of them held"):
        services.work_orders.move(clerk, second.id, second.version, S.IN_REPAIR)
    assert services.work_orders.get(clerk, second.id).status is S.AWAITING_PARTS

    first, changes = services.work_orders.move(clerk, first.id, first.version, S.IN_REPAIR)
    assert changes.parts and services.stock.on_hand(clerk, screen.id) == 0
    assert first.part(screen.id).issued == 1 and first.part(screen.id).reserved == 0
    assert services.stock.movements(clerk, screen.id)[0].work_order_id == first.id

    services.stock.receive(manager, screen.id, 1, "300")
    assert [w.number for w in services.stock.waiting_for(manager, screen.id) if w.ready] == [
        second.number
    ]
    second, _ = services.work_orders.move(clerk, second.id, second.version, S.IN_REPAIR)
    assert services.stock.on_hand(clerk, screen.id) == 0
    assert services.stock.waiting_for(manager, screen.id) == []
    assert services.stock.check(manager) == []


def test_an_order_waits_for_all_its_parts_and_at_its_own_outlet(
    services, manager, clerk, outlet, screen, battery
):
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    order = order_at(services, clerk, S.AWAITING_PARTS)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, parts((screen, 1), (battery, 2))
    )
    services.stock.receive(manager, screen.id, 1, "300")
    services.stock.receive(manager, battery.id, 5, "80", outlet_id=south.id)
    order = services.work_orders.get(clerk, order.id)
    assert not order.parts_ready and order.part(battery.id).short == 2  # south's do not count
    (waiting,) = services.stock.waiting_for(manager, screen.id)
    assert not waiting.ready
    assert services.stock.waiting_for(manager, screen.id, outlet_id=south.id) == []
    levels = {a.outlet_code: a for a in services.stock.availability(clerk, battery.id)}
    assert (levels["S"].on_hand, levels["S"].reserved, levels["S"].available) == (5, 0, 5)

    services.stock.receive(manager, battery.id, 2, "80")
    assert services.work_orders.get(clerk, order.id).parts_ready
    levels = {a.outlet_code: a for a in services.stock.availability(clerk, battery.id)}
    assert (levels["N"].on_hand, levels["N"].reserved, levels["N"].available) == (2, 2, 0)


def test_going_awaiting_keeps_what_was_issued_and_cancelling_gives_all_back(
    services, manager, clerk, outlet, screen, battery
):
    services.stock.receive(manager, screen.id, 2, "300")
    services.stock.receive(manager, battery.id, 1, "80")
    order = order_at(services, clerk, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, parts((screen, 1)))
    before = ledger(services)
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.AWAITING_PARTS)
    assert ledger(services) == before  # the screen is on the bench, it stays issued
    assert order.part(screen.id).issued == 1 and not order.parts_ready  # it claims nothing

    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, parts((screen, 2), (battery, 3))
    )
    assert ledger(services) == before  # more is held, nothing more taken
    got = {p.part_id: (p.issued, p.reserved, p.held) for p in order.parts}
    assert got == {screen.id: (1, 1, 1), battery.id: (0, 3, 1)}
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, parts((battery, 1)))
    assert services.stock.on_hand(clerk, screen.id) == 2  # the line was removed: back it went
    assert order.parts_ready

    # Leaving "awaiting parts" short is refused and saves nothing.
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, parts((battery, 2)))
    saved = ledger(services)
    with pytest.raises(InsufficientStock, match="1 on hand, 2 asked for"):
        services.work_orders.move(clerk, order.id, order.version, S.AWAITING_APPROVAL)
    assert ledger(services) == saved
    assert services.work_orders.get(clerk, order.id).version == order.version

    order, changes = services.work_orders.cancel(clerk, order.id, order.version, "Too dear")
    assert changes.parts and order.status is S.CANCELLED
    assert services.stock.on_hand(clerk, screen.id) == 2
    assert services.stock.on_hand(clerk, battery.id) == 1
    (here,) = services.stock.availability(clerk, battery.id)
    assert (here.reserved, here.available) == (0, 1)  # held no more
    assert services.stock.waiting_for(manager, battery.id) == []
    with services.db.read() as s:
        assert reserved_shortages(s) == {}
    kinds = [m.kind for m in services.stock.movements(clerk, screen.id)]
    assert kinds[:2] == [MovementKind.RETURN, MovementKind.ISSUE]
    assert services.stock.check(manager) == []


def test_cancelling_an_order_that_only_held_parts_frees_them_for_others(
    services, manager, clerk, screen
):
    services.stock.receive(manager, screen.id, 1, "300")
    waiting = order_at(services, clerk, S.AWAITING_PARTS)
    waiting, _ = services.work_orders.set_lines(
        clerk, waiting.id, waiting.version, parts((screen, 1))
    )
    other = order_at(services, clerk, S.IN_REPAIR)
    with pytest.raises(InsufficientStock):
        order_stock.issue(services, clerk, screen.id, 1, other.id)
    before = ledger(services)
    _, changes = services.work_orders.cancel(clerk, waiting.id, waiting.version, "Changed mind")
    assert changes.parts and ledger(services) == before  # nothing had gone out to it
    level = order_stock.issue(services, clerk, screen.id, 1, other.id)
    assert level.on_hand == 0


def race(services, db_url, outlet, part, plan, tmp_path):
    """Run (username, order id, action) workers, each in its own process, released at once;
    what each printed, in plan order."""
    for name, _, _ in plan:
        make_actor(services, outlet.id, Role.CLERK, name)
    start = tmp_path / f"go-{plan[0][0]}"
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
                str(part.id),
                str(order_id),
                str(start),
                action,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for name, order_id, action in plan
    ]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready-{name}").exists() for name, _, _ in plan):
        assert time.monotonic() < deadline and all(w.poll() is None for w in workers)
        time.sleep(0.02)
    start.touch()
    outcomes = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err[-3000:]
        outcomes.append(out.split()[0])
    return outcomes


def test_a_held_unit_is_not_taken_by_counters_saving_at_the_same_moment(
    services, db_url, manager, clerk, outlet, screen, tmp_path
):
    """One unit on the shelf, held for an order awaiting parts. Counters (separate processes)
    save it on their own jobs at the same moment: none gets it. Then the same again while the
    waiting order is taken on to repair: only the waiting order gets it, whoever comes first."""
    services.stock.receive(manager, screen.id, 1, "300")
    waiting = order_at(services, clerk, S.AWAITING_PARTS)
    services.work_orders.set_lines(clerk, waiting.id, waiting.version, parts((screen, 1)))
    jobs = [order_at(services, clerk, S.IN_REPAIR) for _ in range(6)]
    first = [(f"counter{n}", job.id, "save") for n, job in enumerate(jobs[:3])]
    assert race(services, db_url, outlet, screen, first, tmp_path) == ["short"] * 3
    assert services.stock.on_hand(clerk, screen.id) == 1

    second = [(f"desk{n}", job.id, "save") for n, job in enumerate(jobs[3:])]
    second.insert(1, ("bench", waiting.id, "continue"))
    outcomes = race(services, db_url, outlet, screen, second, tmp_path)
    assert outcomes == ["short", "issued", "short", "short"]
    assert services.stock.on_hand(clerk, screen.id) == 0
    assert services.work_orders.get(clerk, waiting.id).status is S.IN_REPAIR
    assert services.stock.movements(clerk, screen.id)[0].work_order_id == waiting.id
    assert services.stock.check(manager) == []


def test_what_waiting_orders_lack_is_on_the_reorder_list(services, clerk, manager, screen):
    services.stock.receive(manager, screen.id, 2, "300")
    order = order_at(services, clerk, S.DIAGNOSING)
    assert services.stock.low_stock(manager) == []  # no minimum and nobody waiting
    services.work_orders.set_lines(
        clerk, order.id, order.version, parts((screen, 3)), wait_for_parts=True
    )
    (line,) = services.stock.low_stock(manager)
    assert (line.sku, line.on_hand, line.for_orders, line.suggested) == ("SCR-IP12", 2, 3, 1)
    services.stock.set_levels(manager, screen.id, min_level=2, reorder_qty=5)
    (line,) = services.stock.low_stock(manager)
    assert line.suggested == 5  # the reorder quantity covers the minimum and the shortage
    services.stock.receive(manager, screen.id, 3, "300")  # 5 on the shelf, 3 of them held
    assert services.stock.low_stock(manager) == []
