"""Stock held for work orders awaiting parts stays on the shelf, on SQLite and PostgreSQL: it is
not scrapped, moved to a van or sent to another outlet (refused with nothing written, also when
counters try at once), while counts still say what is there and the waiting orders are short
again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select
from test_work_orders import intake

from outletdesk.core.auth import Actor
from outletdesk.core.errors import ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import Role, StockMovement, StockTransfer, WorkOrderStatus

S = WorkOrderStatus

RACER = """
import sys, time
from pathlib import Path
from outletdesk.core.errors import ValidationError
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.services import Services
url, username, outlet_id, part_id, start = sys.argv[1:6]
services = Services.open(url)
actor = services.auth.sign_in(username, "secret-pw").at_outlet(int(outlet_id))
Path(start).with_name("ready-" + username).touch()
while not Path(start).exists():
    time.sleep(0.002)
try:
    services.stock.scrap(actor, int(part_id), 1, "cracked in the drawer")
    print("scrapped", flush=True)
except ValidationError:
    print("refused", flush=True)
except InsufficientStock:  # the held unit was taken: the check did not see the others' scraps
    print("short", flush=True)
services.db.dispose()
"""


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
def south(services):
    created, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    return created


def waiting_for(services, clerk, part, quantity):
    """A repair set awaiting parts, its lines wanting `quantity` of the part."""
    order, _ = intake(services, clerk)
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.AWAITING_PARTS)
    line = LineInput("part", "Screen", quantity, "560", part_id=part.id)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line])
    return order


def written(services):
    """Everything a refused take must leave as it was: ledger, transfers, audit."""
    with services.db.read() as s:
        ledger = s.scalar(select(func.count()).select_from(StockMovement))
        transfers = s.scalar(select(func.count()).select_from(StockTransfer))
    return ledger, transfers, audit_count(services)


def test_held_units_are_not_scrapped(services, manager, clerk, screen):
    services.stock.receive(manager, screen.id, 5, "300")
    first = waiting_for(services, clerk, screen, 2)
    second = waiting_for(services, clerk, screen, 1)
    assert services.stock.held(clerk, screen.id) == services.stock.held(
        clerk, screen.id, manager.outlet_id
    )
    here = services.stock.held(clerk, screen.id)
    assert (here.on_hand, here.held, here.free, here.orders) == (
        5, 3, 2, (first.number, second.number),
    )  # fmt: skip
    before = written(services)
    with pytest.raises(ValidationError) as caught:
        services.stock.scrap(manager, screen.id, 3, "cracked")
    assert caught.value.field == "Quantity"
    assert str(caught.value) == (
        f"Quantity: Only 2 of 5 SCR-IP12 can be scrapped; 3 held for work orders awaiting parts "
        f"({first.number}, {second.number}). Nothing was scrapped."
    )
    assert written(services) == before
    assert services.stock.on_hand(clerk, screen.id) == 5

    level, changes = services.stock.scrap(manager, screen.id, 2, "cracked")
    assert changes.parts and level.on_hand == 3
    with pytest.raises(ValidationError, match="Only 0 of 3"):
        services.stock.scrap(manager, screen.id, 1, "cracked")
    assert services.work_orders.get(clerk, first.id).parts_ready
    assert services.work_orders.get(clerk, second.id).parts_ready
    assert services.stock.check(manager) == []


def test_only_the_first_few_orders_are_named(services, manager, clerk, screen):
    services.stock.receive(manager, screen.id, 4, "300")
    orders = [waiting_for(services, clerk, screen, 1) for _ in range(5)]
    here = services.stock.held(clerk, screen.id)
    assert (here.held, here.orders) == (
        4,
        tuple(o.number for o in orders[:4]),
    )  # the fifth is short
    with pytest.raises(ValidationError) as caught:
        services.stock.scrap(manager, screen.id, 1, "cracked")
    named = ", ".join(o.number for o in orders[:3])
    assert f"4 held for work orders awaiting parts ({named}, …)" in str(caught.value)
    assert orders[3].number not in str(caught.value)


def test_held_units_are_not_moved_to_a_van(services, manager, clerk, screen):
    van, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    main = services.locations.list(manager, manager.outlet_id)[0]
    assert main.main
    services.stock.receive(manager, screen.id, 3, "300")
    order = waiting_for(services, clerk, screen, 2)
    before = written(services)
    with pytest.raises(ValidationError) as caught:
        services.stock.move(manager, screen.id, 2, main.id, van.id, "for the van round")
    assert caught.value.field == "Quantity"
    assert (
        f"Only 1 of 3 SCR-IP12 can be moved; 2 held for work orders awaiting parts ({order.number})"
        in (str(caught.value))
    )
    assert written(services) == before
    assert services.stock.on_hand(clerk, screen.id, location_id=van.id) == 0

    (out, moved_in), _ = services.stock.move(manager, screen.id, 1, main.id, van.id)
    assert (out.on_hand, moved_in.on_hand) == (2, 1)
    # Nothing is held in the van (repairs take from the main store): it may all go back.
    assert services.stock.held(clerk, screen.id, location_id=van.id).free == 1
    services.stock.move(manager, screen.id, 1, van.id, main.id)
    assert services.stock.on_hand(clerk, screen.id) == 3
    assert services.work_orders.get(clerk, order.id).parts_ready
    assert services.stock.check(manager) == []


def test_held_units_are_not_sent_to_another_outlet(services, manager, clerk, screen, south):
    services.stock.receive(manager, screen.id, 3, "300")
    order = waiting_for(services, clerk, screen, 3)
    before = written(services)
    with pytest.raises(ValidationError) as caught:
        services.stock.send_transfer(manager, screen.id, 1, south.id)
    assert caught.value.field == "Quantity"
    assert "Only 0 of 3 SCR-IP12 can be sent to another outlet" in str(caught.value)
    assert order.number in str(caught.value)
    assert written(services) == before  # no transfer in transit, nothing left the shelf
    assert services.stock.in_transit(manager) == []

    services.stock.receive(manager, screen.id, 1, "300")
    with pytest.raises(ValidationError, match="Only 1 of 4"):
        services.stock.send_transfer(manager, screen.id, 2, south.id)
    sent, _ = services.stock.send_transfer(manager, screen.id, 1, south.id)
    assert sent.quantity == 1 and services.stock.on_hand(clerk, screen.id) == 3
    assert services.work_orders.get(clerk, order.id).parts_ready


def test_more_than_on_hand_with_some_held_says_what_is_free(services, manager, clerk, screen):
    services.stock.receive(manager, screen.id, 2, "300")
    waiting_for(services, clerk, screen, 1)
    with pytest.raises(ValidationError, match="Only 1 of 2 SCR-IP12 can be scrapped"):
        services.stock.scrap(manager, screen.id, 5, "cracked")
    # Nothing held: the plain shortage, as before.
    other, _ = services.catalogue.create_part(manager, PartInput("BAT-IP12", "Battery 电池"))
    services.stock.receive(manager, other.id, 1, "80")
    with pytest.raises(InsufficientStock, match="1 on hand, 2 asked for"):
        services.stock.scrap(manager, other.id, 2, "swollen")


def test_held_at_another_outlet_does_not_limit_this_one(services, manager, clerk, screen, south):
    south_clerk = make_actor(services, south.id, Role.CLERK, "southdesk")
    south_manager = make_actor(services, south.id, Role.MANAGER, "southboss")
    services.stock.receive(manager, screen.id, 2, "300")
    services.stock.receive(south_manager, screen.id, 2, "300")
    order = waiting_for(services, south_clerk, screen, 2)
    assert services.work_orders.get(south_clerk, order.id).parts_ready
    here = services.stock.held(clerk, screen.id)
    assert (here.on_hand, here.held, here.free) == (2, 0, 2)
    assert services.stock.held(clerk, screen.id, south.id).held == 2

    services.stock.scrap(manager, screen.id, 1, "cracked")
    services.stock.send_transfer(manager, screen.id, 1, south.id)
    assert services.stock.on_hand(clerk, screen.id) == 0
    with pytest.raises(ValidationError, match="Only 0 of 2"):
        services.stock.scrap(south_manager, screen.id, 1, "cracked")


def test_a_count_below_what_is_held_leaves_the_waiting_orders_short(
    services, manager, clerk, screen
):
    services.stock.receive(manager, screen.id, 3, "300")
    first = waiting_for(services, clerk, screen, 2)
    second = waiting_for(services, clerk, screen, 1)
    assert [w.ready for w in services.stock.waiting_for(manager, screen.id)] == [True, True]

    take, _ = services.stocktake.start(manager)
    services.stocktake.count(clerk, take.id, screen.id, 1)  # two went missing
    review = services.stocktake.review(manager, take.id)
    posted, _ = services.stocktake.post(manager, take.id, review.stocktake.version)
    assert services.stock.on_hand(clerk, screen.id) == 1
    # First come, first served: the one unit left goes to the first order, which is still short.
    got = services.work_orders.get(clerk, first.id).part(screen.id)
    assert (got.held, got.short) == (1, 1)
    assert services.work_orders.get(clerk, second.id).part(screen.id).short == 1
    assert [w.ready for w in services.stock.waiting_for(manager, screen.id)] == [False, False]
    here = services.stock.held(clerk, screen.id)
    assert (here.on_hand, here.held, here.free, here.orders) == (1, 1, 0, (first.number,))
    assert services.stock.low_stock(clerk)[0].for_orders == 3  # on the reorder list

    level, _ = services.stock.adjust(manager, screen.id, -1, "dropped, glass cracked")
    assert level.on_hand == 0  # a correction is what is there: allowed below what is held
    assert services.work_orders.get(clerk, first.id).part(screen.id).short == 2
    assert services.stock.check(manager) == []


def test_counters_scrapping_at_once_leave_the_held_unit(
    services, db_url, manager, clerk, outlet, screen, tmp_path
):
    """Two on the shelf, one held. Three managers (separate processes) scrap one each at the
    same moment: one gets the free unit, the others are refused; the held unit stays."""
    services.stock.receive(manager, screen.id, 2, "300")
    order = waiting_for(services, clerk, screen, 1)
    names = [f"store{n}" for n in range(3)]
    for name in names:
        make_actor(services, outlet.id, Role.MANAGER, name)
    start = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    args = [db_url, str(outlet.id), str(screen.id), str(start)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, args[0], name, *args[1:]],
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
    assert sorted(outcomes) == ["refused", "refused", "scrapped"]
    assert services.stock.on_hand(clerk, screen.id) == 1
    assert services.work_orders.get(clerk, order.id).parts_ready
    assert services.stock.check(manager) == []


def test_upkeep_does_not_use_a_part_held_for_a_waiting_repair(
    services, manager, clerk, screen, outlet
):
    from test_equipment_register import soldering

    from outletdesk.core.equipment.maintenance import LogInput
    from outletdesk.models import MaintenanceRecord

    staff = make_actor(services, outlet.id, Role.MAINTENANCE, "upkeep")
    tools = next(c for c in services.equipment.categories(staff) if c.name.startswith("Test"))
    station, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    services.stock.receive(manager, screen.id, 3, "300")
    order = waiting_for(services, clerk, screen, 2)
    before = written(services)
    with pytest.raises(ValidationError) as caught:
        services.maintenance.log(
            staff, LogInput(station.id, "repair", notes="new screen", parts=((screen.id, 2),))
        )
    assert caught.value.field == "Parts"
    assert (
        f"Only 1 of 3 SCR-IP12 can be used for upkeep; 2 held for work orders awaiting parts "
        f"({order.number}). Nothing was logged." in str(caught.value)
    )
    assert written(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 0
    services.maintenance.log(
        staff, LogInput(station.id, "repair", notes="new screen", parts=((screen.id, 1),))
    )
    assert services.stock.held(clerk, screen.id).held == 2
