"""Spare-parts defects found after issue 4, on SQLite and PostgreSQL: a van is not retired while
open work orders have parts out from it (they would have nowhere to come back to), and the
Locations dialog says why."""

from __future__ import annotations

import pytest
from conftest import audit_count, make_actor, ui_context
from test_work_order_parts import ledger, order_at

from outletdesk.core.errors import DomainError
from outletdesk.core.parts.catalogue import PartInput
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
