"""A work order's part line taken from a van (a stock location of the outlet), on SQLite and
PostgreSQL: issued from the van, moved between the store and the van with the ledger and costs
right at both, refused with nothing written when the van is short or the location is not the
outlet's, returned to the van on cancel, issued at once while the order awaits parts (only the
main store holds), and the upgrade of a database with lines saved before vans could be chosen."""

from __future__ import annotations

from decimal import Decimal

import order_stock
import pytest
from conftest import audit_count, make_actor
from sqlalchemy import select, text, update
from test_work_order_export import sheets
from test_work_order_parts import ledger, order_at
from test_work_orders import intake

from outletdesk.core.auth import Actor
from outletdesk.core.errors import DomainError, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.reservations import claims
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.core.work_orders.export import export_work_orders
from outletdesk.core.work_orders.queries import WorkOrderFilter
from outletdesk.models import (
    AuditEntry,
    MovementKind,
    Role,
    StockLocation,
    StockMovement,
    WorkOrderStatus,
)

S = WorkOrderStatus


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def screen(services, manager):
    part, _ = services.catalogue.create_part(
        manager, PartInput("SCR-IP12", "Screen iPhone 12 屏幕", cost_price="300")
    )
    return part


@pytest.fixture
def van(services, manager):
    created, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    return created


@pytest.fixture
def main(services, manager):
    (store,) = [loc for loc in services.locations.list(manager, manager.outlet_id) if loc.main]
    return store


def line(part, qty, location=None, price="560"):
    return LineInput("part", f"{part.sku} {part.name}", qty, price, part.id, location)


def fee():
    return LineInput("fee", "Cleaning", 1, "20")


def at(services, actor, part, location):
    return services.stock.on_hand(actor, part.id, location_id=location.id)


def order_movements(services, order_id):
    """(kind, location, quantity, unit cost) of what went out to and came back from the order."""
    with services.db.read() as s:
        rows = s.execute(
            select(
                StockMovement.kind,
                StockMovement.location_id,
                StockMovement.quantity,
                StockMovement.unit_cost,
            )
            .where(StockMovement.work_order_id == order_id)
            .order_by(StockMovement.id)
        ).all()
    return [(MovementKind(k), loc, q, c) for k, loc, q, c in rows]


def stocked_van(services, manager, part, main, van, *, in_van=3, cost="300"):
    services.stock.receive(manager, part.id, in_van, cost)
    services.stock.move(manager, part.id, in_van, main.id, van.id, "van kit")


def test_a_line_from_the_van_is_issued_from_the_van(services, manager, clerk, screen, main, van):
    stocked_van(services, manager, screen, main, van)
    services.stock.receive(manager, screen.id, 5, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    order, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 2, van.id), fee()]
    )
    assert changes.parts
    assert (at(services, clerk, screen, van), at(services, clerk, screen, main)) == (1, 5)
    assert order.lines[0].location_id == van.id and order.lines[1].location_id is None
    assert order_movements(services, order.id) == [
        (MovementKind.ISSUE, van.id, -2, Decimal("300.00"))
    ]
    (state,) = order.parts
    assert (state.wanted, state.issued, state.reserved) == (2, 2, 0)
    with services.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "lines").order_by(AuditEntry.id.desc())
        ).first()
    assert entry is not None and '"from": {"1": "VAN-1"}' in entry.after
    assert services.stock.check(manager) == []


def test_naming_the_main_store_is_the_same_as_naming_none(
    services, manager, clerk, screen, main, van
):
    services.stock.receive(manager, screen.id, 2, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line(screen, 1)])
    before = ledger(services)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 1, main.id)]
    )
    assert ledger(services) == before and order.lines[0].location_id is None


def test_moving_a_line_to_the_van_and_back_keeps_both_shelves_and_costs_right(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=2, cost="300")  # van at 300
    services.stock.receive(manager, screen.id, 2, "400")  # the store at 400
    order = order_at(services, clerk, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line(screen, 1)])
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (1, 2)

    order, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 1, van.id)]
    )
    assert changes.parts
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (2, 1)
    assert order_movements(services, order.id) == [
        (MovementKind.ISSUE, main.id, -1, Decimal("400.00")),
        (MovementKind.RETURN, main.id, 1, Decimal("400.00")),  # back at the cost it left with
        (MovementKind.ISSUE, van.id, -1, Decimal("300.00")),
    ]

    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line(screen, 1)])
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (1, 2)
    assert order_movements(services, order.id)[3:] == [
        (MovementKind.ISSUE, main.id, -1, Decimal("400.00")),
        (MovementKind.RETURN, van.id, 1, Decimal("300.00")),
    ]
    levels = {lv.location_id: lv.avg_cost for lv in services.stock.levels(clerk, screen.id)}
    assert levels == {main.id: Decimal("400.00"), van.id: Decimal("300.00")}
    assert services.stock.check(manager) == []


def test_a_van_short_is_refused_naming_the_line_and_nothing_is_written(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=1)
    services.stock.receive(manager, screen.id, 3, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line(screen, 2)])
    before, audits = ledger(services), audit_count(services)
    with pytest.raises(InsufficientStock) as caught:
        services.work_orders.set_lines(
            clerk, order.id, order.version, [fee(), line(screen, 2, van.id)]
        )
    short = caught.value
    assert str(short) == (
        "Line 2: only 1 SCR-IP12 (Screen iPhone 12 屏幕) in Van 1 流动车 (VAN-1); 2 asked for. "
        "Nothing was saved."
    )
    assert (short.part_id, short.on_hand, short.asked) == (screen.id, 1, 2)
    assert short.params["location_id"] == van.id and short.params["van"]
    assert ledger(services) == before and audit_count(services) == audits
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (1, 1)
    again = services.work_orders.get(clerk, order.id)
    assert again.version == order.version and again.lines[0].location_id is None
    # Waiting for parts does not help a van: the same refusal.
    with pytest.raises(InsufficientStock, match="in Van 1"):
        services.work_orders.set_lines(
            clerk, order.id, order.version, [line(screen, 2, van.id)], wait_for_parts=True
        )
    assert services.work_orders.get(clerk, order.id).status is S.IN_REPAIR
    # Two lines of the part from the van are named together.
    with pytest.raises(InsufficientStock, match=r"^Lines 1, 3: only 1 SCR-IP12 .* 2 more asked"):
        services.work_orders.set_lines(
            clerk,
            order.id,
            order.version,
            [line(screen, 1, van.id), fee(), line(screen, 1, van.id)],
        )
    assert ledger(services) == before


def test_cancelling_returns_the_parts_to_the_van_they_came_from(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=2)
    services.stock.receive(manager, screen.id, 1, "300")
    order = order_at(services, clerk, S.DIAGNOSING)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 2, van.id), line(screen, 1)]
    )
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (0, 0)
    order, changes = services.work_orders.cancel(clerk, order.id, order.version, "Not worth it")
    assert changes.parts and order.status is S.CANCELLED
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (1, 2)
    returned = [(loc, q) for k, loc, q, _c in order_movements(services, order.id) if k == "return"]
    assert sorted(returned) == sorted([(van.id, 2), (main.id, 1)])
    assert services.stock.check(manager) == []


def test_a_retired_van_is_refused_on_a_line_and_for_a_return(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=1)
    order = order_at(services, clerk, S.DIAGNOSING)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 1, van.id)]
    )
    # Empty now (the part is on the bench), but the part would come back to it: refused.
    with pytest.raises(DomainError, match=f"open work orders {order.number}"):
        services.locations.set_active(manager, van.id, False)
    # A van retired so before that rule (an older database) still refuses both.
    with services.db.write() as s:
        s.execute(update(StockLocation).where(StockLocation.id == van.id).values(active=False))
    before = ledger(services)
    with pytest.raises(ValidationError, match="no longer in use") as caught:
        services.work_orders.set_lines(clerk, order.id, order.version, [line(screen, 1, van.id)])
    assert caught.value.field == "Taken from"
    with pytest.raises(Exception, match="no longer in use; put it back in use"):
        services.work_orders.cancel(clerk, order.id, order.version, "Called off")
    assert ledger(services) == before
    services.locations.set_active(manager, van.id, True)
    services.work_orders.cancel(clerk, order.id, order.version, "Called off")
    assert at(services, clerk, screen, van) == 1


def test_awaiting_parts_holds_the_store_line_and_issues_the_van_line(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=1)
    services.stock.receive(manager, screen.id, 1, "300")
    order = order_at(services, clerk, S.AWAITING_PARTS)
    # The same part from both: the van's unit goes out at once, the store's is held.
    order, changes = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 2), line(screen, 1, van.id)]
    )
    assert changes.parts
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (1, 0)
    assert order_movements(services, order.id) == [
        (MovementKind.ISSUE, van.id, -1, Decimal("300.00"))
    ]
    (state,) = order.parts
    # What left the van does not cover the store line: it still claims 2, 1 of them held.
    assert (state.wanted, state.issued, state.reserved, state.held, state.short) == (3, 1, 2, 1, 1)
    with services.db.read() as s:
        (claim,) = claims(s, part_ids=(screen.id,))
    assert (claim.location_id, claim.quantity, claim.held) == (main.id, 2, 1)
    # Another job cannot take the held unit from the store, and the van is empty.
    other = order_at(services, clerk, S.IN_REPAIR)
    with pytest.raises(InsufficientStock, match="held for orders awaiting parts"):
        services.work_orders.set_lines(clerk, other.id, other.version, [line(screen, 1)])

    # Stock arrives; going on issues the store line only.
    services.stock.receive(manager, screen.id, 1, "300")
    order = services.work_orders.get(clerk, order.id)
    assert order.parts_ready
    order, _ = services.work_orders.move(clerk, order.id, order.version, S.IN_REPAIR)
    assert (at(services, clerk, screen, main), at(services, clerk, screen, van)) == (0, 0)
    assert [(k, loc, q) for k, loc, q, _c in order_movements(services, order.id)] == [
        (MovementKind.ISSUE, van.id, -1),
        (MovementKind.ISSUE, main.id, -2),
    ]
    assert services.stock.check(manager) == []


def test_an_awaiting_order_whose_only_line_is_from_the_van_claims_nothing(
    services, manager, clerk, screen, main, van
):
    stocked_van(services, manager, screen, main, van, in_van=1)
    order = order_at(services, clerk, S.AWAITING_PARTS)
    order, _ = services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 1, van.id)]
    )
    assert order.part(screen.id).reserved == 0 and order.part(screen.id).issued == 1
    assert services.stock.waiting_for(manager, screen.id) == []
    assert services.stock.low_stock(manager) == []  # nothing claimed at the store


@pytest.mark.parametrize("case", ["other outlet", "labour line", "free-text part", "unknown"])
def test_a_location_the_line_may_not_name_is_refused_and_nothing_written(
    services, manager, clerk, screen, main, van, case
):
    services.stock.receive(manager, screen.id, 2, "300")
    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South", "2 Rd", "010 6255 0102")
    )
    south_van, _ = services.locations.add(manager, south.id, "VAN-S", "South van")
    services.stock.receive(manager, screen.id, 2, "300", location_id=south_van.id)
    order = order_at(services, clerk, S.IN_REPAIR)
    bad = {
        "other outlet": line(screen, 1, south_van.id),
        "labour line": LineInput("labour", "Fit", 30, "120", None, van.id),
        "free-text part": LineInput("part", "Own glue", 1, "5", None, van.id),
        "unknown": line(screen, 1, 99999),
    }[case]
    before, audits = ledger(services), audit_count(services)
    with pytest.raises(ValidationError) as caught:
        services.work_orders.set_lines(clerk, order.id, order.version, [fee(), bad])
    assert caught.value.field == "Taken from"
    if case == "other outlet":
        assert "line 2: South van belongs to another outlet" in str(caught.value)
    assert ledger(services) == before and audit_count(services) == audits
    assert services.work_orders.get(clerk, order.id).lines == ()


def test_the_lines_sheet_of_the_export_says_where_each_part_was_taken_from(
    services, manager, clerk, screen, main, van, tmp_path
):
    stocked_van(services, manager, screen, main, van, in_van=1)
    services.stock.receive(manager, screen.id, 1, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    services.work_orders.set_lines(
        clerk, order.id, order.version, [line(screen, 1, van.id), line(screen, 1), fee()]
    )
    path = tmp_path / "log.xlsx"
    export_work_orders(services, manager, path, WorkOrderFilter())
    _orders, lines, _ws = sheets(path)
    header, *rows = lines
    assert header[-1] == "Taken from"
    assert [r[-1] for r in rows] == ["Van 1 流动车", "Main store", None]


# ---------------------------------------------------------------- the migration


def _database_at_0009(request, tmp_path):
    from outletdesk.core.database import Database

    if request.node.callspec.params["db_url"] == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'old.sqlite3'}"), None
    server = request.getfixturevalue("postgres_server")
    name = f"od_vans_{abs(hash(request.node.nodeid)) % 10**8}"
    server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    server.admin_execute(f"CREATE DATABASE {name}")
    return Database(server.database_url(name)), (server, name)


def test_lines_saved_before_0010_keep_taking_from_the_main_store(db_url, request, tmp_path):
    from alembic import command

    from outletdesk.core.database import (
        _alembic_config,
        current_revision,
        head_revision,
        migrate,
        migration_connection,
    )
    from outletdesk.core.services import Services
    from outletdesk.migrations import HEAD

    db, cleanup = _database_at_0009(request, tmp_path)
    try:
        # A shop's data from the previous version: an order with a part line issued from the
        # store. Written through the services, then taken back to 0009 (intake reads the lines,
        # so it cannot run on the old schema) where the line is added in plain SQL.
        migrate(db, backup_dir=tmp_path / "backups")
        old = Services.for_database(db)
        cli = Actor.command_line()
        outlet, _ = old.outlets.create(cli, OutletInput("N", "North", "1 Rd", "010 6255 0101"))
        boss = make_actor(old, outlet.id, Role.MANAGER, "boss")
        part, _ = old.catalogue.create_part(boss, PartInput("SCR-1", "Screen", cost_price="300"))
        old.stock.receive(boss, part.id, 3, "300")
        order, _ = intake(old, boss)
        order_stock.issue(old, boss, part.id, 1, order.id)
        with migration_connection(db) as conn:
            command.downgrade(_alembic_config(conn), "0009")
        assert current_revision(db.engine) == "0009"
        cents = 56000 if db.kind == "sqlite" else Decimal("560.00")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO work_order_lines (work_order_id, position, kind, description, "
                    "quantity, unit_price, amount, part_id) "
                    "VALUES (:order, 0, 'part', 'SCR-1 Screen', 1, :price, :price, :part)"
                ),
                {"order": order.id, "price": cents, "part": part.id},
            )
        migrate(db, backup_dir=tmp_path / "backups")
        assert current_revision(db.engine) == head_revision() == HEAD

        services = Services.for_database(db)
        boss = make_actor(services, outlet.id, Role.MANAGER, "boss2")
        order = services.work_orders.get(boss, order.id)
        (kept,) = order.lines
        assert (kept.part_id, kept.location_id, kept.amount) == (part.id, None, Decimal("560.00"))
        assert order.part(part.id).issued == 1
        before = ledger(services)
        again = LineInput("part", kept.description, 1, "560", part.id)
        order, _ = services.work_orders.set_lines(boss, order.id, order.version, [again])
        assert ledger(services) == before  # the same line from the same store: nothing moves
        van, _ = services.locations.add(boss, outlet.id, "VAN-1", "Van 1")
        services.stock.move(
            boss, part.id, 1, services.locations.list(boss, outlet.id)[0].id, van.id
        )
        order, _ = services.work_orders.set_lines(
            boss, order.id, order.version, [LineInput("part", "x", 1, "560", part.id, van.id)]
        )
        assert services.stock.on_hand(boss, part.id, location_id=van.id) == 0
        assert services.stock.on_hand(boss, part.id) == 2  # the old unit came back to the store
        assert services.stock.check(boss) == []
        with pytest.raises(Exception, match="append-only"), db.write() as s:
            s.execute(text("UPDATE stock_movements SET quantity = 100"))
        assert order.lines[0].location_id == van.id
    finally:
        db.dispose()
        if cleanup is not None:
            server, name = cleanup
            server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
