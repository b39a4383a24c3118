"""Text too long for its column is refused by the core whole, naming the field, and nothing is
written: the window no longer cuts what is typed (maxLength), so the core is where the limit
lives. Codes typed or scanned are never cut to a shorter one that may match another part or
asset (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import audit_count, make_actor
from test_work_orders import intake

from outletdesk.core.auth import Actor
from outletdesk.core.equipment.maintenance import LogInput, PlanInput
from outletdesk.core.equipment.register import AssetInput
from outletdesk.core.errors import NotFound, ValidationError
from outletdesk.core.outlets import OutletInput
from outletdesk.core.parts.catalogue import PartInput, SupplierInput
from outletdesk.core.parts.purchasing import PurchaseLineInput
from outletdesk.core.services import Services
from outletdesk.core.setup import set_up_first_run
from outletdesk.models import Role

# A barcode as long as the column keeps: a code one character longer, cut to fit, was this one.
LONG_BARCODE = "69" + "0" * 57 + "1"


def too_long(field: str, length: int, most: int) -> str:
    return f"{field}: is too long ({length} characters; at most {most})."


@dataclass
class Shop:
    services: Services
    manager: Actor
    keeper: Actor
    clerk: Actor
    outlet_id: int
    supplier_id: int
    part_id: int
    asset_id: int
    asset_version: int
    category_id: int
    order_id: int
    order_version: int
    purchase_id: int
    purchase_version: int


@pytest.fixture
def shop(services, outlet, clerk) -> Shop:
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    keeper = make_actor(services, outlet.id, Role.MAINTENANCE, "keeper")
    supplier_id, _ = services.catalogue.create_supplier(manager, SupplierInput("深圳配件 Parts"))
    part, _ = services.catalogue.create_part(
        manager,
        PartInput("SCR-IP12", "屏幕总成 iPhone 12", supplier_id=supplier_id,
                  barcodes=(LONG_BARCODE,)),
    )  # fmt: skip
    category_id = services.equipment.categories(keeper)[0].id
    asset, _ = services.equipment.create(
        keeper, AssetInput("热风枪 Hot air station", category_id, outlet.id)
    )
    order, _ = intake(services, clerk)
    purchase, _ = services.purchasing.create(manager, supplier_id, [PurchaseLineInput(part.id, 3)])
    purchase, _ = services.purchasing.place(manager, purchase.id, purchase.version)
    return Shop(
        services, manager, keeper, clerk, outlet.id, supplier_id, part.id, asset.id,
        asset.version, category_id, order.id, order.version, purchase.id, purchase.version,
    )  # fmt: skip


def _part(**changes: Any) -> PartInput:
    return PartInput(**({"sku": "BAT-IP12", "name": "Battery iPhone 12"} | changes))


def _supplier(**changes: Any) -> SupplierInput:
    return SupplierInput(**({"name": "Huaqiang Parts"} | changes))


def _asset(shop: Shop, **changes: Any) -> AssetInput:
    base = {"name": "Oscilloscope", "category_id": shop.category_id, "outlet_id": shop.outlet_id}
    return AssetInput(**(base | changes))


def _plan(shop: Shop, **changes: Any) -> PlanInput:
    from datetime import date

    base = {"name": "Monthly check", "asset_id": shop.asset_id, "start_date": date.today(),
            "interval_count": 1, "interval_unit": "month", "lead_days": 7}  # fmt: skip
    return PlanInput(**(base | changes))


def _log(shop: Shop, **changes: Any) -> LogInput:
    return LogInput(**({"asset_id": shop.asset_id, "kind": "repair"} | changes))


Case = tuple[str, Callable[[Shop], object], str]

# Each field a dialog used to cut (setMaxLength), the call its dialog makes, and the refusal.
CASES: list[Case] = [
    # parts
    (
        "part sku",
        lambda s: s.services.catalogue.create_part(s.manager, _part(sku="S" * 41)),
        too_long("SKU", 41, 40),
    ),
    (
        "part name",
        lambda s: s.services.catalogue.create_part(s.manager, _part(name="n" * 201)),
        too_long("Part name", 201, 200),
    ),
    (
        "part category",
        lambda s: s.services.catalogue.create_part(s.manager, _part(category="c" * 61)),
        too_long("Category", 61, 60),
    ),
    (
        "part unit",
        lambda s: s.services.catalogue.create_part(s.manager, _part(unit="u" * 13)),
        too_long("Unit", 13, 12),
    ),
    (
        "supplier name",
        lambda s: s.services.catalogue.create_supplier(s.manager, _supplier(name="n" * 121)),
        too_long("Supplier name", 121, 120),
    ),
    (
        "supplier contact",
        lambda s: s.services.catalogue.create_supplier(s.manager, _supplier(contact="c" * 121)),
        too_long("Contact", 121, 120),
    ),
    (
        "supplier phone",
        lambda s: s.services.catalogue.create_supplier(s.manager, _supplier(phone="1" * 41)),
        "Phone: “" + "1" * 40 + "” must have 5 to 15 digits.",
    ),
    # the column keeps 120: a longer address was accepted and failed on PostgreSQL
    (
        "supplier e-mail",
        lambda s: s.services.catalogue.create_supplier(
            s.manager, _supplier(email="a" * 109 + "@example.com")
        ),
        too_long("E-mail", 121, 120),
    ),
    (
        "supplier e-mail, edited",
        lambda s: s.services.catalogue.update_supplier(
            s.manager, s.supplier_id, 1, _supplier(email="a" * 109 + "@example.com")
        ),
        too_long("E-mail", 121, 120),
    ),
    (
        "location code",
        lambda s: s.services.locations.add(s.manager, s.outlet_id, "V" * 21, "Van"),
        too_long("Location code", 21, 20),
    ),
    (
        "location name",
        lambda s: s.services.locations.add(s.manager, s.outlet_id, "VAN-1", "n" * 121),
        too_long("Location name", 121, 120),
    ),
    (
        "bin",
        lambda s: s.services.stock.set_levels(
            s.manager, s.part_id, min_level=0, reorder_qty=0, bin_location="A" * 41
        ),
        too_long("Bin location", 41, 40),
    ),
    (
        "count category",
        lambda s: s.services.stocktake.start(s.manager, category="c" * 61),
        too_long("Category", 61, 60),
    ),
    (
        "count bins",
        lambda s: s.services.stocktake.start(s.manager, bin_prefix="A" * 41),
        too_long("Bin location", 41, 40),
    ),
    (
        "delivery note",
        lambda s: s.services.purchasing.receive(
            s.manager, s.purchase_id, s.purchase_version, {s.part_id: 1}, delivery_note="d" * 201
        ),
        too_long("Note", 201, 200),
    ),
    (
        "goods-in scan",
        lambda s: s.services.purchasing.receive_scan(s.manager, s.purchase_id, LONG_BARCODE + "9"),
        too_long("Barcode", 61, 60),
    ),
    # equipment
    (
        "asset name",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, name="n" * 121)),
        too_long("Name", 121, 120),
    ),
    (
        "asset location",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, location="l" * 81)),
        too_long("Location", 81, 80),
    ),
    (
        "asset make",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, make="m" * 81)),
        too_long("Make", 81, 80),
    ),
    (
        "asset model",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, model="m" * 81)),
        too_long("Model", 81, 80),
    ),
    (
        "asset serial",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, serial="S" * 81)),
        too_long("Serial number", 81, 80),
    ),
    # cut to ten characters, "2024-01-015" was saved as 2024-01-01
    (
        "purchase date",
        lambda s: s.services.equipment.update(
            s.keeper, s.asset_id, s.asset_version, _asset(s, purchase_date="2024-01-015")
        ),
        too_long("Purchase date", 11, 10),
    ),
    (
        "warranty end",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, warranty_end="2027-01-015")),
        too_long("Warranty end", 11, 10),
    ),
    (
        "accepted on",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, accepted_on="2024-01-015")),
        too_long("Accepted on", 11, 10),
    ),
    (
        "accepted by",
        lambda s: s.services.equipment.create(s.keeper, _asset(s, accepted_by="b" * 121)),
        too_long("Accepted by", 121, 120),
    ),
    (
        "retired on",
        lambda s: s.services.equipment.set_status(
            s.manager, s.asset_id, s.asset_version, "retired", "Worn out", on="2024-01-015"
        ),
        too_long("Retired on", 11, 10),
    ),
    (
        "meter name",
        lambda s: s.services.equipment.add_meter(s.keeper, s.asset_id, "m" * 41),
        too_long("Meter", 41, 40),
    ),
    (
        "meter unit",
        lambda s: s.services.equipment.add_meter(s.keeper, s.asset_id, "Hours", "h" * 21),
        too_long("Meter unit", 21, 20),
    ),
    (
        "category",
        lambda s: s.services.equipment.save_category(s.manager, "c" * 81),
        too_long("Category", 81, 80),
    ),
    (
        "plan name",
        lambda s: s.services.maintenance.create_plan(s.manager, _plan(s, name="n" * 121)),
        too_long("Plan name", 121, 120),
    ),
    (
        "plan meter",
        lambda s: s.services.maintenance.create_plan(
            s.manager, _plan(s, meter_name="m" * 41, meter_interval="500")
        ),
        too_long("Meter", 41, 40),
    ),
    (
        "failure cause",
        lambda s: s.services.maintenance.log(s.keeper, _log(s, failure_cause="c" * 201)),
        too_long("Failure cause", 201, 200),
    ),
    (
        "component",
        lambda s: s.services.maintenance.log(s.keeper, _log(s, component="c" * 81)),
        too_long("Component", 81, 80),
    ),
    (
        "repair order fault",
        lambda s: s.services.maintenance.log(
            s.keeper,
            _log(
                s,
                kind="breakdown",
                failure_cause="Fan seized",
                put_under_repair=True,
                repair_order_fault="f" * 1901,
            ),
        ),
        too_long("Fault for the repair order", 1901, 1900),
    ),
    # work orders
    (
        "judgement note",
        lambda s: s.services.work_orders.judge(
            s.clerk, s.order_id, s.order_version, "misuse", "none", "r" * 201
        ),
        too_long("Reason", 201, 200),
    ),
]


@pytest.mark.parametrize(("case", "call", "message"), CASES, ids=[c[0] for c in CASES])
def test_an_over_long_value_is_refused_naming_the_field_and_nothing_written(
    shop, case, call, message
):
    services = shop.services
    before = audit_count(services)
    parts = services.catalogue.search(shop.manager)
    assets = services.equipment.search(shop.manager, include_retired=True)
    with pytest.raises(ValidationError) as err:
        call(shop)
    assert str(err.value) == message
    assert audit_count(services) == before
    assert services.catalogue.search(shop.manager) == parts
    assert services.equipment.search(shop.manager, include_retired=True) == assets


def test_a_count_entry_longer_than_any_code_is_refused_not_cut_to_a_barcode(shop):
    services, manager = shop.services, shop.manager
    services.stock.receive(manager, shop.part_id, 1, "300")  # a count needs a line to start
    take, _ = services.stocktake.start(manager)
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.stocktake.count(manager, take.id, LONG_BARCODE + "9", "5")
    assert str(err.value) == too_long("Part", 61, 60)
    assert services.stocktake.get(manager, take.id).counted_lines == 0
    assert audit_count(services) == before
    line, _ = services.stocktake.count(manager, take.id, LONG_BARCODE, "5")  # the real one
    assert line.counted == 5


def test_a_scan_longer_than_any_code_books_nothing(shop):
    services, manager = shop.services, shop.manager
    before = audit_count(services)
    with pytest.raises(ValidationError):
        services.purchasing.receive_scan(manager, shop.purchase_id, LONG_BARCODE + "9")
    assert services.purchasing.get(manager, shop.purchase_id).lines[0].received == 0
    assert audit_count(services) == before
    order, line, _ = services.purchasing.receive_scan(manager, shop.purchase_id, LONG_BARCODE)
    assert line.received == 1


def test_finding_by_a_code_longer_than_any_never_finds_a_shorter_one(shop):
    services = shop.services
    assert services.catalogue.find(shop.manager, LONG_BARCODE).id == shop.part_id
    with pytest.raises(NotFound) as err:
        services.catalogue.find(shop.manager, LONG_BARCODE + "9")
    assert LONG_BARCODE + "9" in str(err.value)  # the whole code typed, not a cut one


def test_an_asset_tag_longer_than_any_names_no_asset(shop, cli_actor):
    services, keeper = shop.services, shop.keeper
    tag = "EQ-" + "7" * 27  # a tag as long as the column keeps (an imported one)
    with services.db.write() as s:
        from outletdesk.models import Asset

        s.get(Asset, shop.asset_id).tag = tag
    assert services.equipment.by_tag(keeper, tag.lower()).id == shop.asset_id
    assert services.equipment.by_tag(keeper, tag + "1") is None


def test_first_run_refuses_an_over_long_outlet_and_creates_nothing(db_url):
    from outletdesk.core.database import Database

    services = Services.for_database(Database(db_url))
    try:
        for outlet, message in (
            (OutletInput("ABCDEFGHIJK", "North"), too_long("Outlet code", 11, 10)),
            (OutletInput("N", "n" * 121), too_long("Outlet name", 121, 120)),
        ):
            with pytest.raises(ValidationError) as err:
                set_up_first_run(services.db, outlet, "admin", "", "pw-1234")
            assert str(err.value) == message
        assert not services.auth.has_users() and services.outlets.list() == []
    finally:
        services.db.dispose()
