"""Spare-parts defects found after issue 4, on SQLite and PostgreSQL: a van is not retired while
open work orders have parts out from it (they would have nowhere to come back to), and the
Locations dialog says why; a negative cost, price, level or count is refused as negative (not
"out of range"), naming the field, or the row and column of an imported file."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor, ui_context
from test_parts_import import snapshot, write_xlsx
from test_work_order_parts import ledger, order_at

from outletdesk.core.errors import DomainError, ValidationError
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.importer import CatalogueImporter
from outletdesk.core.parts.purchasing import PurchaseLineInput
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import Role, WorkOrderStatus

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
def main(services, manager):
    (store,) = [loc for loc in services.locations.list(manager, manager.outlet_id) if loc.main]
    return store


@pytest.fixture
def van(services, manager, screen, main):
    """A van with 6 screens in it, moved from the main store."""
    created, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    services.stock.receive(manager, screen.id, 6, "300")
    services.stock.move(manager, screen.id, 6, main.id, created.id, "van kit")
    return created


def from_van(services, clerk, part, van, quantity=1, status=S.IN_REPAIR):
    """An order at `status` whose one line takes `quantity` of the part from the van."""
    order = order_at(services, clerk, status)
    line = LineInput("part", part.sku, quantity, "560", part.id, van.id)
    order, _ = services.work_orders.set_lines(clerk, order.id, order.version, [line])
    return order


def retired(services, manager, van):
    return not next(
        loc
        for loc in services.locations.list(manager, manager.outlet_id, include_retired=True)
        if loc.id == van.id
    ).active


def empty_van(services, manager, screen, van, main):
    """Whatever came back to the van goes to the main store, so only the orders stand in the
    way of retiring it."""
    held = services.stock.on_hand(manager, screen.id, location_id=van.id)
    if held:
        services.stock.move(manager, screen.id, held, van.id, main.id)


# ---------------------------------------------------------------- retiring a van with parts out


def test_a_van_with_parts_out_on_an_open_order_is_not_retired(
    services, manager, clerk, screen, van, main
):
    order = from_van(services, clerk, screen, van, 2, status=S.DIAGNOSING)
    empty_van(services, manager, screen, van, main)
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 0  # looks empty
    before, audits = ledger(services), audit_count(services)
    with pytest.raises(DomainError) as caught:
        services.locations.set_active(manager, van.id, False)
    message = caught.value.message()
    assert "Van 1 流动车" in message and order.number in message
    assert " more" not in message
    assert not retired(services, manager, van)
    assert (ledger(services), audit_count(services)) == (before, audits)

    # What the refusal protects: cancelling puts the parts back in the van it still can use.
    services.work_orders.cancel(clerk, order.id, order.version, "Called off")
    assert services.stock.on_hand(manager, screen.id, location_id=van.id) == 2
    empty_van(services, manager, screen, van, main)
    services.locations.set_active(manager, van.id, False)
    assert retired(services, manager, van)
    assert services.stock.check(manager) == []


def test_the_refusal_names_the_first_orders_and_counts_the_rest(
    services, manager, clerk, screen, van, main
):
    orders = [from_van(services, clerk, screen, van) for _ in range(5)]
    empty_van(services, manager, screen, van, main)
    with pytest.raises(DomainError) as caught:
        services.locations.set_active(manager, van.id, False)
    message = caught.value.message()
    numbers = sorted(o.number for o in orders)
    assert ", ".join(numbers[:3]) + " and 2 more" in message
    assert not any(n in message for n in numbers[3:])
    assert not retired(services, manager, van)


def test_every_status_before_hand_back_keeps_the_van_and_hand_back_frees_it(
    services, manager, clerk, screen, van, main
):
    # Unrepairable still waits for the device to go back, and its lines may still change.
    waiting = from_van(services, clerk, screen, van, status=S.DIAGNOSING)
    waiting, _ = services.work_orders.move(clerk, waiting.id, waiting.version, S.UNREPAIRABLE)
    empty_van(services, manager, screen, van, main)
    with pytest.raises(DomainError, match=waiting.number):
        services.locations.set_active(manager, van.id, False)

    services.work_orders.set_lines(clerk, waiting.id, waiting.version, [])  # part back to van
    done = from_van(services, clerk, screen, van)
    done, _ = services.work_orders.move(clerk, done.id, done.version, S.READY)
    done, _ = services.work_orders.hand_back(clerk, done.id, done.version, "王芳", done.balance)
    assert done.status is S.DELIVERED
    empty_van(services, manager, screen, van, main)
    services.locations.set_active(manager, van.id, False)  # its part is used: nothing to return
    assert retired(services, manager, van)


def test_a_line_from_the_main_store_does_not_keep_a_van(
    services, manager, clerk, screen, van, main
):
    services.stock.receive(manager, screen.id, 1, "300")
    order = order_at(services, clerk, S.IN_REPAIR)
    line = LineInput("part", screen.sku, 1, "560", screen.id)
    services.work_orders.set_lines(clerk, order.id, order.version, [line])
    empty_van(services, manager, screen, van, main)
    services.locations.set_active(manager, van.id, False)
    assert retired(services, manager, van)


def test_the_locations_dialog_says_which_orders_keep_the_van(
    services, manager, clerk, screen, van, main, tmp_path, qtbot
):
    from outletdesk.ui.parts.locations import LocationsDialog

    order = from_van(services, clerk, screen, van)
    empty_van(services, manager, screen, van, main)
    outlet = next(o for o in services.outlets.list() if o.id == manager.outlet_id)
    dialog = LocationsDialog(ui_context(services, manager, tmp_path), outlet)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    assert dialog.selected() is not None and dialog.selected().id == van.id
    assert "open work orders" in dialog.retire_button.toolTip()
    dialog.toggle_selected()
    assert not dialog.error.isHidden()
    assert order.number in dialog.error.text() and "Van 1 流动车" in dialog.error.text()
    assert dialog.retire_button.isEnabled() and dialog.retire_button.text() == "Re&tire"
    assert dialog.model.rows[1].active and not retired(services, manager, van)


# ---------------------------------------------------------------- negative numbers


def test_an_import_row_with_negative_numbers_says_so_by_row_and_column(
    services, manager, screen, tmp_path
):
    path = write_xlsx(
        tmp_path / "negative.xlsx",
        [
            ["SKU", "Part name", "Cost price", "Sale price", "Minimum level", "Reorder quantity"],
            ["NEG-1", "Cost below zero", -5, 10, 1, 2],
            ["NEG-2", "Text and cents", "1", "-5.123", "-1", "-3"],
            ["NEG-3", "Still other problems", "abc", 1e12, 2_000_000, "x"],
            ["NEG-4", "Zero is fine", 0, 0, 0, 0],
        ],
    )
    importer = CatalogueImporter(services.db)
    before = (snapshot(services, manager), audit_count(services))
    report = importer.dry_run(manager, path)
    found = [p.line() for p in report.problems]
    assert found == [
        "Row 2, Cost price: cannot be negative.",
        "Row 3, Sale price: cannot be negative.",
        "Row 3, Minimum level: cannot be negative.",
        "Row 3, Reorder quantity: cannot be negative.",
        "Row 4, Cost price: “abc” is not an amount.",
        "Row 4, Sale price: is out of range.",
        "Row 4, Minimum level: must be between 0 and 1000000.",
        "Row 4, Reorder quantity: “x” is not a whole number.",
    ]
    report, changes = importer.run(manager, path)
    assert not report.written and not changes.any()
    assert (snapshot(services, manager), audit_count(services)) == before


def test_the_catalogue_form_refuses_a_negative_price_naming_the_field(services, manager, screen):
    before = (snapshot(services, manager), audit_count(services))
    for data, field in (
        (PartInput("NEG-1", "Glue", cost_price="-5"), "Cost price"),
        (PartInput("NEG-1", "Glue", sale_price="-0.01"), "Sale price"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.catalogue.create_part(manager, data)
        assert caught.value.field == field
        assert caught.value.message() == f"{field}: cannot be negative."
    with pytest.raises(ValidationError, match="Cost price: cannot be negative"):
        services.catalogue.update_part(
            manager, screen.id, screen.version, PartInput(screen.sku, screen.name, cost_price="-5")
        )
    assert (snapshot(services, manager), audit_count(services)) == before


@pytest.mark.parametrize(
    ("min_level", "reorder_qty", "field"),
    [("-1", "5", "Minimum level"), ("2", -3, "Reorder quantity")],
)
def test_negative_shelf_levels_are_refused_naming_the_field(
    services, manager, screen, min_level, reorder_qty, field
):
    before = (services.stock.levels(manager, screen.id), audit_count(services))
    with pytest.raises(ValidationError) as caught:
        services.stock.set_levels(manager, screen.id, min_level=min_level, reorder_qty=reorder_qty)
    assert (caught.value.field, caught.value.message()) == (field, f"{field}: cannot be negative.")
    assert (services.stock.levels(manager, screen.id), audit_count(services)) == before


def test_negative_costs_and_counts_elsewhere_in_stock_say_so(services, manager, screen):
    audits = audit_count(services)
    with pytest.raises(ValidationError, match="^Unit cost: cannot be negative.$"):
        services.stock.receive(manager, screen.id, 1, "-5")
    supplier, _ = services.catalogue.create_supplier(manager, SupplierInput("Parts Co"))
    with pytest.raises(ValidationError, match="^Unit cost: cannot be negative.$"):
        services.purchasing.create(manager, supplier, [PurchaseLineInput(screen.id, 1, "-5")])
    assert audit_count(services) == audits + 1  # the supplier only
    services.stock.receive(manager, screen.id, 1, "5")  # a count needs a line to start
    take, _ = services.stocktake.start(manager)
    with pytest.raises(ValidationError, match="^Counted: cannot be negative.$"):
        services.stocktake.count(manager, take.id, screen.id, "-1")
    # A whole number that is not negative keeps its old message.
    with pytest.raises(ValidationError, match="must be between 0 and 1000000"):
        services.stock.set_levels(manager, screen.id, min_level="1000001", reorder_qty="0")


def test_the_levels_dialog_shows_a_negative_minimum_on_its_field(
    services, manager, screen, tmp_path, qtbot
):
    from outletdesk.ui.parts.page import PartsPage
    from outletdesk.ui.parts.stock_dialogs import StockAction

    page = PartsPage(ui_context(services, manager, tmp_path))
    page.open_dialog = lambda dialog: None
    qtbot.addWidget(page)
    page.table.selectRow(0)
    dialog = page.open_action(StockAction.LEVELS)
    dialog.min_level.setText("-2")
    dialog.submit()
    assert "Minimum level: cannot be negative." in dialog.error.text()
    assert "c62828" in dialog.min_level.styleSheet()
    assert dialog.result() != dialog.DialogCode.Accepted
