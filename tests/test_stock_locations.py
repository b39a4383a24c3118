"""A van or second store room as a location of an outlet (SQLite and PostgreSQL): added,
renamed, retired only when empty; its own shelf for receipts, corrections, levels and counts;
moves between an outlet's locations keep the ledger and the average cost right."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select
from test_stock import movements

from outletdesk.core.auth import Actor
from outletdesk.core.errors import DomainError, NotFound, PermissionDenied, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.models import MovementKind, Role, StockLocation, StockTransfer, TransferStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    part, _ = services.catalogue.create_part(
        manager, PartInput("scr-ip12", "Screen iPhone 12 屏幕", cost_price="300", sale_price="560")
    )
    return part


@pytest.fixture
def van(services, manager):
    created, changes = services.locations.add(manager, manager.outlet_id, "van-1", "Van 1 流动车")
    assert changes.parts
    return created


def test_add_a_van_lists_it_after_the_main_store(services, manager, van, clerk):
    assert (van.code, van.name, van.active, van.units, van.main) == (
        "VAN-1", "Van 1 流动车", True, 0, False,
    )  # fmt: skip
    listed = services.locations.list(clerk, manager.outlet_id)
    assert [(loc.code, loc.main) for loc in listed] == [("MAIN", True), ("VAN-1", False)]
    assert all(loc.outlet_code == "N" for loc in listed)


@pytest.mark.parametrize(
    ("code", "name", "field"),
    [
        ("", "Van", "Location code"),
        ("VAN 1", "Van", "Location code"),
        ("V" * 21, "Van", "Location code"),
        ("VAN2", "", "Location name"),
        ("VAN2", "x" * 121, "Location name"),
        ("VAN2", "=cmd|' /C calc'!A0", "Location name"),
    ],
)
def test_bad_location_input_names_the_field_and_writes_nothing(
    services, manager, code, name, field
):
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.locations.add(manager, manager.outlet_id, code, name)
    assert err.value.field == field
    assert audit_count(services) == before
    assert [loc.code for loc in services.locations.list(manager, manager.outlet_id)] == ["MAIN"]


def test_a_code_is_unique_within_its_outlet_only(services, manager, van):
    with pytest.raises(ValidationError, match="already a location"):
        services.locations.add(manager, manager.outlet_id, "VAN-1", "Another van")
    with pytest.raises(ValidationError, match="already a location"):
        services.locations.add(manager, manager.outlet_id, "main", "Second main")
    with pytest.raises(ValidationError, match="does not exist"):
        services.locations.add(manager, 9999, "VAN-9", "Nowhere")
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    other, _ = services.locations.add(manager, south.id, "VAN-1", "South van")
    assert other.outlet_code == "S"


def test_only_managers_add_or_retire_locations(services, clerk, manager, van):
    with pytest.raises(PermissionDenied):
        services.locations.add(clerk, manager.outlet_id, "VAN-2", "Van 2")
    with pytest.raises(PermissionDenied):
        services.locations.set_active(clerk, van.id, False)
    with pytest.raises(PermissionDenied):
        services.locations.rename(clerk, van.id, "Van")


def test_the_van_has_its_own_shelf_and_moves_keep_the_ledger(services, manager, van, screen):
    services.stock.receive(manager, screen.id, 4, "300")
    services.stock.receive(manager, screen.id, 2, "330", location_id=van.id)
    assert services.stock.on_hand(manager, screen.id) == 4
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 2

    before = movements(services)
    with pytest.raises(InsufficientStock, match="4 on hand, 5 asked for"):
        services.stock.move(manager, screen.id, 5, _main(services, manager), van.id)
    with pytest.raises(DomainError, match="another location"):
        services.stock.move(manager, screen.id, 1, van.id, van.id)
    assert movements(services) == before

    (out, moved_in), changes = services.stock.move(
        manager, screen.id, 3, _main(services, manager), van.id, "loaded for site visits"
    )
    assert changes.parts
    assert (out.on_hand, out.location_code, moved_in.on_hand, moved_in.location_code) == (
        1, "MAIN", 5, "VAN-1",
    )  # fmt: skip
    # The van's average: 2 at 330 and 3 at 300 -> 312.
    assert moved_in.avg_cost == Decimal("312.00") and out.avg_cost == Decimal("300.00")
    kinds = [
        (m.kind, m.quantity, m.location_id) for m in services.stock.movements(manager, screen.id)
    ]
    assert kinds[:2] == [
        (MovementKind.TRANSFER_IN, 3, van.id),
        (MovementKind.TRANSFER_OUT, -3, _main(services, manager)),
    ]
    with services.db.read() as s:
        move = s.scalar(select(StockTransfer).order_by(StockTransfer.id.desc()))
        assert move is not None and move.status == TransferStatus.RECEIVED.value
        assert (move.note, move.unit_cost) == ("loaded for site visits", Decimal("300.00"))
    assert services.stock.in_transit(manager) == []  # a move is never in transit
    assert services.stock.check(manager) == []
    units = {loc.code: loc.units for loc in services.locations.list(manager, manager.outlet_id)}
    assert units == {"MAIN": 1, "VAN-1": 5}


def test_adjust_scrap_levels_and_the_parts_list_at_the_van(services, manager, van, screen):
    services.stock.receive(manager, screen.id, 3, "300", location_id=van.id)
    services.stock.adjust(manager, screen.id, -1, "dropped in the van", location_id=van.id)
    services.stock.scrap(manager, screen.id, 1, "cracked", location_id=van.id)
    level, _ = services.stock.set_levels(
        manager, screen.id, min_level=2, reorder_qty=2, bin_location="Drawer A",
        location_id=van.id,
    )  # fmt: skip
    assert (level.on_hand, level.bin, level.min_level) == (1, "Drawer A", 2)
    at_van = services.part_list.rows(manager, "scr", location_id=van.id).rows[0]
    at_main = services.part_list.rows(manager, "scr").rows[0]
    assert (at_van.here, at_van.bin, at_van.low, at_van.everywhere) == (1, "Drawer A", True, 1)
    assert (at_main.here, at_main.bin, at_main.low) == (0, "", False)
    by_where = {(lv.outlet_code, lv.location_code): lv.on_hand for lv in services.stock.levels(
        manager, screen.id
    )}  # fmt: skip
    assert by_where == {("N", "VAN-1"): 1}


def test_a_location_of_another_outlet_or_a_move_across_outlets_is_refused(
    services,
    manager,
    van,
    screen,
):
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    south_main = services.locations.list(manager, south.id)[0]
    services.stock.receive(manager, screen.id, 2, "300", location_id=van.id)
    before = movements(services)
    with pytest.raises(DomainError, match="another outlet"):
        services.stock.receive(manager, screen.id, 1, "300", outlet_id=south.id, location_id=van.id)
    with pytest.raises(DomainError, match="another outlet"):
        services.stock.move(manager, screen.id, 1, van.id, south_main.id)
    with pytest.raises(NotFound):
        services.stock.receive(manager, screen.id, 1, "300", location_id=9999)
    assert movements(services) == before
    # To another outlet is a transfer, and it may leave from the van.
    sent, _ = services.stock.send_transfer(manager, screen.id, 1, south.id, from_location_id=van.id)
    assert sent.status is TransferStatus.IN_TRANSIT
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 1


def test_retire_only_an_empty_van_never_the_main_store(services, manager, van, screen):
    main = _main(services, manager)
    with pytest.raises(DomainError, match="main store"):
        services.locations.set_active(manager, main, False)
    services.stock.receive(manager, screen.id, 2, "300", location_id=van.id)
    with pytest.raises(DomainError, match="still holds 2 units"):
        services.locations.set_active(manager, van.id, False)
    services.stock.move(manager, screen.id, 2, van.id, main)
    services.stock.set_levels(  # an empty van with nothing shelved has nothing to count
        manager, screen.id, min_level=0, reorder_qty=0, bin_location="Drawer A", location_id=van.id
    )
    count, _ = services.stocktake.start(manager, location_id=van.id)
    with pytest.raises(DomainError, match=f"Count {count.number} of Van 1"):
        services.locations.set_active(manager, van.id, False)
    services.stocktake.cancel(manager, count.id, count.version, "not needed")

    retired, _ = services.locations.set_active(manager, van.id, False)
    assert not retired.active
    assert [loc.code for loc in services.locations.list(manager, manager.outlet_id)] == ["MAIN"]
    everything = services.locations.list(manager, manager.outlet_id, include_retired=True)
    assert [loc.code for loc in everything] == ["MAIN", "VAN-1"]
    before = movements(services)
    with pytest.raises(DomainError, match="no longer in use"):
        services.stock.receive(manager, screen.id, 1, "300", location_id=van.id)
    with pytest.raises(DomainError, match="no longer in use"):
        services.stock.move(manager, screen.id, 1, main, van.id)
    assert movements(services) == before
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 0  # still readable
    back, _ = services.locations.set_active(manager, van.id, True)
    renamed, _ = services.locations.rename(manager, van.id, "Van 1 (new plates)")
    assert back.active and renamed.name == "Van 1 (new plates)"


def test_a_count_of_the_van_posts_to_the_van_only(services, manager, van, screen):
    services.stock.receive(manager, screen.id, 3, "300", location_id=van.id)
    services.stock.receive(manager, screen.id, 5, "300")
    count, _ = services.stocktake.start(manager, location_id=van.id)
    assert count.location_code == "VAN-1"
    assert services.stocktake.open_count(manager) is None  # the main store has none open
    assert services.stocktake.open_count(manager, location_id=van.id).id == count.id
    assert [t.id for t in services.stocktake.list(manager, location_id=van.id)] == [count.id]
    main_count, _ = services.stocktake.start(manager)  # both may be counted at once
    assert main_count.location_code == "MAIN"
    services.stocktake.cancel(manager, main_count.id, main_count.version, "later")
    services.stocktake.count(manager, count.id, screen.id, 2)
    count = services.stocktake.get(manager, count.id)
    services.stocktake.post(manager, count.id, count.version)
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 2
    assert services.stock.on_hand(manager, screen.id) == 5
    assert services.stock.check(manager) == []


def test_the_audit_log_records_every_location_change(services, manager, van):
    from outletdesk.models import AuditEntry

    services.locations.rename(manager, van.id, "Van one")
    services.locations.set_active(manager, van.id, False)
    with services.db.read() as s:
        actions = list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.entity == "stock_location", AuditEntry.entity_id == str(van.id))
                .order_by(AuditEntry.id)
            )
        )
        assert s.scalar(select(func.count()).select_from(StockLocation)) == 2
    assert actions == ["create", "rename", "retire"]


def _main(services, actor) -> int:
    return next(loc.id for loc in services.locations.list(actor, actor.outlet_id) if loc.main)


def test_a_part_for_an_order_comes_from_the_van_only_while_it_has_some():
    from outletdesk.core.parts.order_parts import take_from

    assert take_from("VAN-1", {"MAIN": 0, "VAN-1": 2}) == "VAN-1"
    assert take_from("VAN-1", {"MAIN": 0, "VAN-1": 0}) == "MAIN"  # held there for the order
    assert take_from("VAN-1", {"MAIN": 3}) == "MAIN"
    assert take_from("MAIN", {"MAIN": 0, "VAN-1": 2}) == "MAIN"
