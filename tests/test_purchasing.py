"""Purchase orders on SQLite and PostgreSQL: statuses and numbers, expected arrival, receiving in
parts and by scanning, over-receipt refused, the low-stock list counting what is on order, and
the migration that adds them to an existing database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select, text

from outletdesk.core.auth import Actor
from outletdesk.core.errors import (
    DomainError,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationError,
)
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.purchasing import PurchaseLineInput as Line
from outletdesk.core.parts.purchasing import expected_arrival
from outletdesk.models import (
    MovementKind,
    NumberSequence,
    PurchaseOrder,
    PurchaseOrderLine,
    Role,
    StockMovement,
)
from outletdesk.models import (
    PurchaseOrderStatus as PO,
)


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def supplier(services, manager):
    supplier, _ = services.catalogue.create_supplier(
        manager, SupplierInput("Shenzhen Parts 深圳配件", lead_time_days=5)
    )
    return supplier


@pytest.fixture
def parts(services, manager, supplier):
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12", "Screen iPhone 12 屏幕", cost_price="300", supplier_id=supplier,
            barcodes=("6901234567892",),
        ),
    )  # fmt: skip
    battery, _ = services.catalogue.create_part(
        manager, PartInput("BAT-IP12", "Battery 电池", cost_price="40.50", supplier_id=supplier)
    )
    return screen, battery


def rows(services, model):
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def written(services):
    """Everything a purchase-order write may add, to prove a refusal added nothing."""
    return (
        rows(services, PurchaseOrder),
        rows(services, PurchaseOrderLine),
        rows(services, StockMovement),
        audit_count(services),
    )


def placed(services, manager, supplier, lines):
    order, _ = services.purchasing.create(manager, supplier, lines)
    order, _ = services.purchasing.place(manager, order.id, order.version)
    return order


def test_draft_place_and_cancel_numbers_are_never_reused(services, manager, supplier, parts):
    screen, battery = parts
    order, changes = services.purchasing.create(
        manager, supplier, [Line(screen.id, 5), Line(battery.id, "10", "39.90")], note="urgent"
    )
    assert changes.parts and order.number == "PO-N-000001" and order.status is PO.DRAFT
    assert order.supplier_name == "Shenzhen Parts 深圳配件" and order.outlet_code == "N"
    assert [(ln.sku, ln.quantity, ln.unit_cost, ln.received) for ln in order.lines] == [
        ("SCR-IP12", 5, Decimal("300.00"), 0),  # the part's cost price by default
        ("BAT-IP12", 10, Decimal("39.90"), 0),
    ]
    assert order.total == Decimal("1899.00") and order.outstanding == 0  # a draft is not on order
    assert order.expected_on is None

    cancelled, _ = services.purchasing.cancel(manager, order.id, order.version, "wrong supplier")
    assert cancelled.status is PO.CANCELLED and cancelled.cancel_reason == "wrong supplier"
    with pytest.raises(ValidationError):  # a refused draft takes no number
        services.purchasing.create(manager, supplier, [Line(screen.id, 0)])
    second, _ = services.purchasing.create(manager, supplier, [Line(screen.id, 1)])
    assert second.number == "PO-N-000002"  # the cancelled one keeps its number

    second, _ = services.purchasing.set_lines(
        manager, second.id, second.version, [Line(battery.id, 3)], note="call first"
    )
    assert [ln.sku for ln in second.lines] == ["BAT-IP12"] and second.note == "call first"
    with pytest.raises(StaleRecord, match="PO-N-000002"):
        services.purchasing.place(manager, second.id, second.version - 1)
    ordered, _ = services.purchasing.place(manager, second.id, second.version)
    assert ordered.status is PO.ORDERED and ordered.ordered_by == "Boss"
    assert ordered.expected_on == expected_arrival(ordered.ordered_at, 5)
    assert ordered.outstanding == 3
    with pytest.raises(DomainError, match="ordered; this cannot be done"):
        services.purchasing.set_lines(manager, ordered.id, ordered.version, [Line(screen.id, 1)])
    with pytest.raises(DomainError):
        services.purchasing.place(manager, ordered.id, ordered.version)
    gone, _ = services.purchasing.cancel(manager, ordered.id, ordered.version)
    assert gone.status is PO.CANCELLED and gone.outstanding == 0
    assert [o.number for o in services.purchasing.list(manager)] == ["PO-N-000002", "PO-N-000001"]
    assert services.purchasing.list(manager, statuses=[PO.ORDERED]) == []


def test_expected_arrival_is_the_local_order_day_plus_the_lead_time():
    late_evening_utc = datetime(2026, 3, 1, 17, 30, tzinfo=UTC)  # 01:30 on 2 March in Beijing
    assert expected_arrival(late_evening_utc, 7, ZoneInfo("Asia/Shanghai")) == date(2026, 3, 9)
    assert expected_arrival(late_evening_utc, 7, ZoneInfo("Europe/London")) == date(2026, 3, 8)
    assert expected_arrival(late_evening_utc, 0, ZoneInfo("America/New_York")) == date(2026, 3, 1)


def test_overdue_once_the_expected_day_has_passed(services, manager, supplier, parts):
    order = placed(services, manager, supplier, [Line(parts[0].id, 1)])
    assert not order.overdue(order.expected_on)
    assert order.overdue(order.expected_on + timedelta(days=1))


def test_receiving_in_parts_books_stock_at_the_order_cost(services, manager, supplier, parts):
    screen, battery = parts
    order = placed(services, manager, supplier, [Line(screen.id, 5, "280"), Line(battery.id, 4)])
    order, changes = services.purchasing.receive(
        manager, order.id, order.version, {screen.id: 2, battery.id: 0}, delivery_note="DN 88"
    )
    assert changes.parts and order.status is PO.PARTLY_RECEIVED and order.received_at is None
    assert [(ln.received, ln.outstanding) for ln in order.lines] == [(2, 3), (0, 4)]
    assert order.outstanding == 7
    assert services.stock.on_hand(manager, screen.id) == 2
    (level,) = services.stock.levels(manager, screen.id)
    assert level.avg_cost == Decimal("280.00")  # the order's price, not the catalogue's 300

    with services.db.read() as s:
        (movement,) = s.scalars(select(StockMovement).where(StockMovement.part_id == screen.id))
    assert movement.kind == MovementKind.RECEIVE.value and movement.quantity == 2
    assert movement.unit_cost == Decimal("280.00") and movement.supplier_id == supplier
    assert movement.purchase_order_id == order.id and movement.reason == "PO-N-000001 DN 88"

    with pytest.raises(StaleRecord):  # someone else booked a delivery meanwhile
        services.purchasing.receive(manager, order.id, order.version - 1, {screen.id: 1})
    with pytest.raises(DomainError, match="cannot be cancelled|partly received"):
        services.purchasing.cancel(manager, order.id, order.version)
    order, _ = services.purchasing.receive(
        manager, order.id, order.version, {screen.id: "3", battery.id: 4}
    )
    assert order.status is PO.RECEIVED and order.received_at is not None
    assert order.outstanding == 0
    assert services.stock.on_hand(manager, battery.id) == 4
    with pytest.raises(DomainError, match="is received"):
        services.purchasing.receive(manager, order.id, order.version, {screen.id: 1})
    assert services.stock.check(manager) == []


def test_receiving_more_than_is_outstanding_is_refused_and_writes_nothing(
    services, manager, supplier, parts
):
    screen, battery = parts
    other, _ = services.catalogue.create_part(manager, PartInput("CAM-1", "Camera 摄像头"))
    order = placed(services, manager, supplier, [Line(screen.id, 3), Line(battery.id, 2)])
    order, _ = services.purchasing.receive(manager, order.id, order.version, {screen.id: 2})
    before = written(services)
    with pytest.raises(ValidationError) as caught:
        # The battery line is fine, the screen line is over: the whole delivery is refused.
        services.purchasing.receive(manager, order.id, order.version, {battery.id: 2, screen.id: 2})
    message = str(caught.value)
    assert caught.value.field == "Quantity"
    assert "2 of SCR-IP12" in message and "only 1 of the 3 ordered" in message
    assert "PO-N-000001" in message
    with pytest.raises(ValidationError, match="CAM-1 is not on purchase order"):
        services.purchasing.receive(manager, order.id, order.version, {other.id: 1})
    with pytest.raises(ValidationError, match="nothing was entered"):
        services.purchasing.receive(manager, order.id, order.version, {screen.id: 0})
    with pytest.raises(ValidationError, match="not a whole number"):
        services.purchasing.receive(manager, order.id, order.version, {screen.id: "1.5"})
    assert written(services) == before
    assert services.purchasing.get(manager, order.id) == order
    assert services.stock.on_hand(manager, battery.id) == 0


def test_a_draft_is_placed_before_goods_are_received_against_it(services, manager, supplier, parts):
    draft, _ = services.purchasing.create(manager, supplier, [Line(parts[0].id, 1)])
    with pytest.raises(DomainError, match="still a draft"):
        services.purchasing.receive(manager, draft.id, draft.version, {parts[0].id: 1})
    with pytest.raises(DomainError, match="still a draft"):
        services.purchasing.receive_scan(manager, draft.id, "SCR-IP12")


def test_scanning_receives_one_unit_per_scan(services, manager, supplier, parts):
    screen, battery = parts
    order = placed(services, manager, supplier, [Line(screen.id, 2), Line(battery.id, 1)])
    order, line, changes = services.purchasing.receive_scan(manager, order.id, " scr-ip12 ")
    assert changes.parts and (line.sku, line.received, line.outstanding) == ("SCR-IP12", 1, 1)
    order, line, _ = services.purchasing.receive_scan(manager, order.id, "6901234567892")
    assert line.received == 2 and order.status is PO.PARTLY_RECEIVED
    before = written(services)
    with pytest.raises(ValidationError, match="only 0 of the 2 ordered"):
        services.purchasing.receive_scan(manager, order.id, "6901234567892")
    with pytest.raises(NotFound, match="NO-SUCH"):
        services.purchasing.receive_scan(manager, order.id, "NO-SUCH")
    with pytest.raises(ValidationError):
        services.purchasing.receive_scan(manager, order.id, "  ")
    assert written(services) == before
    order, line, _ = services.purchasing.receive_scan(manager, order.id, "BAT-IP12")
    assert order.status is PO.RECEIVED and services.stock.on_hand(manager, screen.id) == 2
    kinds = {m.kind for m in services.stock.movements(manager, screen.id)}
    assert kinds == {MovementKind.RECEIVE}


def test_low_stock_counts_what_is_on_order_and_in_transit(
    services, manager, clerk, supplier, parts
):
    from outletdesk.core.outlets import OutletInput

    screen, battery = parts
    services.stock.set_levels(manager, screen.id, min_level=5, reorder_qty=0)
    services.stock.receive(manager, screen.id, 1, "300")
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_hand, line.on_order, line.on_the_way, line.suggested) == (1, 0, 0, 4)

    draft, _ = services.purchasing.create(manager, supplier, [Line(screen.id, 2)])
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_order, line.suggested) == (0, 4)  # a draft is not on order yet
    order, _ = services.purchasing.place(manager, draft.id, draft.version)
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_order, line.suggested) == (2, 2)
    order, _ = services.purchasing.receive(manager, order.id, order.version, {screen.id: 1})
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_hand, line.on_order, line.suggested) == (2, 1, 2)

    south, _ = services.outlets.create(
        Actor.command_line(), OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    services.stock.receive(manager, screen.id, 1, "300", outlet_id=south.id)
    services.stock.send_transfer(manager, screen.id, 1, manager.outlet_id, from_outlet_id=south.id)
    (line,) = services.stock.low_stock(clerk)
    assert (line.on_order, line.on_the_way, line.suggested) == (1, 1, 1)
    # An order to the other outlet is not on order here.
    other, _ = services.purchasing.create(
        manager, supplier, [Line(screen.id, 9)], outlet_id=south.id
    )
    services.purchasing.place(manager, other.id, other.version)
    assert [ln.suggested for ln in services.stock.low_stock(clerk)] == [1]

    more = placed(services, manager, supplier, [Line(screen.id, 1)])
    assert services.stock.low_stock(clerk) == []  # 2 + 1 + 1 + 1 reaches the minimum of 5
    services.purchasing.cancel(manager, more.id, more.version)
    assert len(services.stock.low_stock(clerk)) == 1


def test_a_draft_from_the_low_stock_list(services, manager, supplier, parts):
    screen, battery = parts
    elsewhere, _ = services.catalogue.create_supplier(manager, SupplierInput("Other 其他"))
    glass, _ = services.catalogue.create_part(
        manager, PartInput("GLS-1", "Glass", cost_price="5", supplier_id=elsewhere)
    )
    for part, minimum, reorder in ((screen, 3, 5), (battery, 4, 0), (glass, 2, 2)):
        services.stock.set_levels(manager, part.id, min_level=minimum, reorder_qty=reorder)
    services.stock.receive(manager, battery.id, 1, "40")

    order, changes = services.purchasing.create_from_low_stock(manager, None, supplier)
    assert changes.parts and order.status is PO.DRAFT
    assert [(ln.sku, ln.quantity, ln.unit_cost) for ln in order.lines] == [
        ("BAT-IP12", 3, Decimal("40.50")),
        ("SCR-IP12", 5, Decimal("300.00")),
    ]  # the glass comes from another supplier
    before = written(services)
    with pytest.raises(DomainError, match="already on a draft"):
        services.purchasing.create_from_low_stock(manager, None, supplier)
    assert written(services) == before


@pytest.mark.parametrize(
    ("lines", "supplier_id", "field"),
    [
        (lambda p: [], None, "Order lines"),
        (lambda p: [Line(p[0].id, 0)], None, "Quantity"),
        (lambda p: [Line(p[0].id, "many")], None, "Quantity"),
        (lambda p: [Line(p[0].id, 1, "-1")], None, "Unit cost"),
        (lambda p: [Line(p[0].id, 1, "1.234")], None, "Unit cost"),
        (lambda p: [Line(p[0].id, 1), Line(p[0].id, 2)], None, "Part"),
        (lambda p: [Line(p[0].id, 1), Line(9999, 1)], None, "Part"),
        (lambda p: [Line(p[0].id, 1)], 9999, "Supplier"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    services, manager, supplier, parts, lines, supplier_id, field
):
    before = (*written(services), rows(services, NumberSequence))
    with pytest.raises(ValidationError) as caught:
        services.purchasing.create(manager, supplier_id or supplier, lines(parts))
    assert caught.value.field == field
    assert (*written(services), rows(services, NumberSequence)) == before


def test_clerks_see_orders_but_do_not_order_or_receive(services, manager, clerk, supplier, parts):
    order = placed(services, manager, supplier, [Line(parts[0].id, 1)])
    assert services.purchasing.get(clerk, order.id).number == order.number
    with pytest.raises(PermissionDenied):
        services.purchasing.create(clerk, supplier, [Line(parts[0].id, 1)])
    with pytest.raises(PermissionDenied):
        services.purchasing.receive(clerk, order.id, order.version, {parts[0].id: 1})
    with pytest.raises(PermissionDenied):
        services.purchasing.receive_scan(clerk, order.id, "SCR-IP12")
    with pytest.raises(NotFound):
        services.purchasing.get(clerk, 9999)


# ---------------------------------------------------------------- the migration


def _database_at_0007(request, tmp_path):
    """A new database of the test's kind, migrated only as far as 0007 (before this feature)."""
    from outletdesk.core.database import Database

    if request.node.callspec.params["db_url"] == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'old.sqlite3'}"), None
    server = request.getfixturevalue("postgres_server")
    name = f"od_old_{abs(hash(request.node.nodeid)) % 10**8}"
    server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    server.admin_execute(f"CREATE DATABASE {name}")
    return Database(server.database_url(name)), (server, name)


def test_an_existing_database_is_upgraded_with_its_ledger_intact(db_url, request, tmp_path):
    from alembic import command

    from outletdesk.core.database import (
        _alembic_config,
        current_revision,
        head_revision,
        migrate,
        migration_connection,
    )
    from outletdesk.core.outlets import OutletInput
    from outletdesk.core.services import Services

    db, cleanup = _database_at_0007(request, tmp_path)
    try:
        with migration_connection(db) as conn:
            command.upgrade(_alembic_config(conn), "0007")
        # A shop's data written by the previous version: outlet, part, stock and a movement
        # (the tables 0008 leaves alone through the services, the ledger in plain SQL).
        old = Services.for_database(db)
        outlet, _ = old.outlets.create(
            Actor.command_line(), OutletInput("N", "North", "1 Rd", "010 6255 0101")
        )
        part, _ = old.catalogue.create_part(Actor.command_line(), PartInput("SCR-1", "Screen"))
        cents = 30000 if db.kind == "sqlite" else 300  # Money is integer cents on SQLite
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO part_stock (part_id, location_id, on_hand, avg_cost, bin, "
                    "min_level, reorder_qty) SELECT :part, id, 2, :cost, 'A-1', 5, 0 "
                    "FROM stock_locations WHERE outlet_id = :outlet"
                ),
                {"part": part.id, "cost": cents, "outlet": outlet.id},
            )
            conn.execute(
                text(
                    "INSERT INTO stock_movements (at, username, part_id, location_id, kind, "
                    "quantity, unit_cost, balance, reason) SELECT :at, 'old', :part, id, "
                    "'receive', 2, :cost, 2, 'before' FROM stock_locations WHERE outlet_id = :outlet"
                ),
                {"at": datetime(2026, 1, 1, tzinfo=UTC) if db.kind != "sqlite" else "2026-01-01 00:00:00",
                 "part": part.id, "cost": cents, "outlet": outlet.id},
            )  # fmt: skip
        migrate(db, backup_dir=tmp_path / "backups")
        assert current_revision(db.engine) == head_revision()  # 0008 and every later one

        services = Services.for_database(db)
        manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
        assert services.stock.check(manager) == []
        (before,) = services.stock.movements(manager, part.id)
        assert (before.reason, before.quantity) == ("before", 2)
        supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("Shenzhen"))
        order = placed(services, manager, supplier, [Line(part.id, 2)])
        assert services.stock.low_stock(manager)[0].on_order == 2  # 2 + 2 < 5
        services.purchasing.receive_scan(manager, order.id, "SCR-1")
        with db.read() as s:
            linked = s.scalar(
                select(func.count())
                .select_from(StockMovement)
                .where(StockMovement.purchase_order_id == order.id)
            )
        assert linked == 1
        # The ledger is still append-only after the columns were added.
        with pytest.raises(Exception, match="append-only"), db.write() as s:
            s.execute(text("UPDATE stock_movements SET quantity = 100"))
        take, _ = services.stocktake.start(manager)
        assert take.lines == 1
    finally:
        db.dispose()
        if cleanup is not None:
            server, name = cleanup
            server.admin_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
