"""A refusal for stock that is short names where it is short: the outlet for its main store, the
outlet and the van (or second room) for any other location, so a clerk moving 7 from a van that
holds 2 is not told about the main store's 7. Moves, scraps, transfers and issues to a work order,
on SQLite and PostgreSQL, in English and in Chinese."""

from __future__ import annotations

import pytest
from conftest import make_actor
from test_message_words import chinese  # noqa: F401 - the fixture
from test_stock import movements
from test_work_orders import intake

from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.core.work_orders.dto import LineInput
from outletdesk.models import Role
from outletdesk.ui.errors import error_text

VAN = "North Station 北站店 – Van 1 流动车"


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def part(services, manager):
    created, _ = services.catalogue.create_part(
        manager, PartInput("ADH-B7000", "Adhesive B7000 胶水", cost_price="12")
    )
    return created


@pytest.fixture
def van(services, manager, part):
    created, _ = services.locations.add(manager, manager.outlet_id, "VAN-1", "Van 1 流动车")
    services.stock.receive(manager, part.id, 7, "12")
    services.stock.receive(manager, part.id, 2, "12", location_id=created.id)
    return created


def _main(services, manager):
    return next(loc.id for loc in services.locations.list(manager, manager.outlet_id) if loc.main)


def test_a_move_from_the_van_names_the_van_not_the_main_store(services, manager, van, part):
    before = movements(services)
    with pytest.raises(InsufficientStock) as short:
        services.stock.move(manager, part.id, 7, van.id, _main(services, manager))
    assert str(short.value) == (
        f"Not enough ADH-B7000 (Adhesive B7000 胶水) at {VAN}: 2 on hand, 7 asked for. "
        "Nothing was taken."
    )
    assert movements(services) == before


def test_a_scrap_or_a_transfer_from_the_van_names_the_van(services, manager, van, part):
    south, _ = services.outlets.create(
        manager, OutletInput("S", "South 南店", "1 South Rd", "010 6255 0202")
    )
    before = movements(services)
    with pytest.raises(InsufficientStock, match=f"at {VAN}: 2 on hand, 3 asked for"):
        services.stock.scrap(manager, part.id, 3, "cracked", location_id=van.id)
    with pytest.raises(InsufficientStock, match=f"at {VAN}: 2 on hand, 4 asked for"):
        services.stock.send_transfer(manager, part.id, 4, south.id, from_location_id=van.id)
    assert movements(services) == before


def test_the_main_store_is_named_by_its_outlet_alone(services, manager, van, part):
    with pytest.raises(InsufficientStock) as short:
        services.stock.scrap(manager, part.id, 8, "cracked")
    assert "at North Station 北站店: 7 on hand, 8 asked for" in str(short.value)
    assert "–" not in str(short.value)


def test_an_issue_to_a_work_order_from_the_van_names_the_van(services, manager, van, part, clerk):
    order, _ = intake(services, clerk)
    line = LineInput("part", "ADH-B7000 Adhesive", 3, "20", part.id, van.id)
    with pytest.raises(InsufficientStock) as short:
        services.work_orders.set_lines(clerk, order.id, order.version, [line])
    assert "Van 1 流动车 (VAN-1)" in str(short.value)
    assert "only 2 ADH-B7000" in str(short.value)


@pytest.mark.usefixtures("chinese")
def test_in_chinese_the_refusal_names_the_van(services, manager, van, part):
    with pytest.raises(InsufficientStock) as short:
        services.stock.move(manager, part.id, 7, van.id, _main(services, manager))
    shown = error_text(short.value)
    assert VAN in shown and "ADH-B7000" in shown
    assert "Not enough" not in shown
