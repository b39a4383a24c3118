"""The parts list the store room reads: search kinds, on-hand here and everywhere, low flag, limit."""

from __future__ import annotations

import pytest
from conftest import make_actor

from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.models import Role


@pytest.fixture
def manager(services, outlet):
    return make_actor(services, outlet.id, Role.MANAGER, "boss")


@pytest.fixture
def parts(services, manager, cli_actor):
    other, _ = services.outlets.create(cli_actor, OutletInput("SZ2", "Shenzhen 2"))
    screen, _ = services.catalogue.create_part(
        manager,
        PartInput(
            "SCR-IP12", "Screen iPhone 12 屏幕", barcodes=("6901234567892",), models=("iPhone 12",)
        ),
    )
    battery, _ = services.catalogue.create_part(manager, PartInput("BAT-IP12", "电池 iPhone 12"))
    services.stock.receive(manager, screen.id, 5, "300")
    services.stock.receive(manager, screen.id, 2, "300", outlet_id=other.id)
    services.stock.set_levels(manager, battery.id, min_level=3, reorder_qty=10, bin_location="A-1")
    return screen, battery, other


def test_rows_show_stock_here_and_everywhere_and_the_low_flag(services, manager, parts):
    screen, battery, other = parts
    found = services.part_list.rows(manager).rows
    by_sku = {row.sku: row for row in found}
    assert by_sku["SCR-IP12"].here == 5 and by_sku["SCR-IP12"].everywhere == 7
    assert not by_sku["SCR-IP12"].low
    assert by_sku["BAT-IP12"].here == 0 and by_sku["BAT-IP12"].bin == "A-1"
    assert by_sku["BAT-IP12"].low
    there = services.part_list.rows(manager, outlet_id=other.id).rows
    assert {r.sku: r.here for r in there} == {"BAT-IP12": 0, "SCR-IP12": 2}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("scr", {"SCR-IP12"}),  # SKU prefix, any case
        ("屏幕", {"SCR-IP12"}),  # Chinese name fragment
        ("iphone 12", {"SCR-IP12", "BAT-IP12"}),  # name fragment and fitted model
        ("IPHONE12", {"SCR-IP12"}),  # fitted model without spaces
        ("6901234567892", {"SCR-IP12"}),  # a scanned barcode
        ("100%_", set()),  # LIKE wildcards are plain text
    ],
)
def test_search_kinds(services, manager, parts, text, expected):
    assert {row.sku for row in services.part_list.rows(manager, text).rows} == expected


def test_limit_says_there_is_more(services, manager, parts):
    cut = services.part_list.rows(manager, limit=1)
    assert len(cut.rows) == 1 and cut.more
    assert not services.part_list.rows(manager, limit=2).more


def test_a_technician_may_read_the_list(services, outlet, parts):
    tech = make_actor(services, outlet.id, Role.TECHNICIAN, "tech")
    assert {row.sku for row in services.part_list.rows(tech).rows} == {"SCR-IP12", "BAT-IP12"}
