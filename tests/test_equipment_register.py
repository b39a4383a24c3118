"""The equipment register on SQLite and PostgreSQL: tags never reused, validation naming the
field with nothing written, status changes with their history, meters that only go up."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select

from outletdesk.core.equipment.register import DEFAULT_CATEGORIES, AssetInput
from outletdesk.core.errors import DomainError, PermissionDenied, StaleRecord, ValidationError
from outletdesk.models import Asset, AssetStatus, Role


@pytest.fixture
def tools(services, staff):
    categories = services.equipment.categories(staff)
    return next(c for c in categories if c.name.startswith("Test"))


def ids(outlet, category):
    return {"outlet_id": outlet.id, "category_id": category.id}


def soldering(outlet_id, category_id, **changes):
    values = dict(
        name="Hot-air rework station 热风拆焊台",
        category_id=category_id,
        outlet_id=outlet_id,
        make="Quick",
        model="861DW",
        serial="QK-2024-0042",
        location="Bench 2",
        purchase_date="2024-03-01",
        purchase_cost="1280.00",
        warranty_end="2026-02-28",
        accepted_on="2024-03-02",
        accepted_by="Chen Jie",
        acceptance_result="passed",
    )
    values.update(changes)
    return AssetInput(**values)


def test_first_use_creates_the_usual_categories(services, staff, tools):
    names = [c.name for c in services.equipment.categories(staff)]
    assert sorted(names) == sorted(DEFAULT_CATEGORIES)
    created, _ = services.equipment.save_category(staff, "Cleaning 清洁设备")
    with pytest.raises(ValidationError, match="already exists"):
        services.equipment.save_category(staff, "Cleaning 清洁设备")
    assert created.name in [c.name for c in services.equipment.categories(staff)]


def test_register_gives_tags_in_order_and_finds_by_tag_and_text(services, staff, tools, outlet):
    first, changes = services.equipment.create(staff, soldering(outlet.id, tools.id))
    second, _ = services.equipment.create(
        staff,
        soldering(
            outlet.id, tools.id, name="Multimeter 万用表", model="Fluke 17B+", serial="F17-9"
        ),
    )
    assert changes.equipment
    assert (first.tag, second.tag) == ("EQ-N-000001", "EQ-N-000002")
    assert first.purchase_cost == Decimal("1280.00") and first.status is AssetStatus.IN_SERVICE
    assert first.under_warranty(date(2026, 2, 28)) and not first.under_warranty(date(2026, 3, 1))
    assert services.equipment.by_tag(staff, " eq-n-000002 ").id == second.id
    assert services.equipment.by_tag(staff, "EQ-N-999999") is None
    assert [r.tag for r in services.equipment.search(staff, "fluke")] == [second.tag]
    assert [r.tag for r in services.equipment.search(staff, "热风")] == [first.tag]
    assert [r.tag for r in services.equipment.search(staff, "QK-2024-0042")] == [first.tag]
    assert len(services.equipment.search(staff, outlet_id=outlet.id)) == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "Name"),
        ({"name": "x" * 121}, "Name"),
        ({"name": "=cmd|' /C calc'!A0"}, "Name"),
        ({"serial": "@SUM(A1)"}, "Serial number"),
        ({"purchase_date": "2024-02-30"}, "Purchase date"),
        ({"purchase_date": "yesterday"}, "Purchase date"),
        ({"purchase_date": (date.today() + timedelta(days=3)).isoformat()}, "Purchase date"),
        ({"purchase_cost": "12,x"}, "Purchase cost"),
        ({"purchase_cost": "-5"}, "Purchase cost"),
        ({"warranty_end": "2024-01-01"}, "Warranty end"),
        ({"acceptance_result": "maybe"}, "Acceptance result"),
        ({"category_id": 9999}, "Category"),
        ({"outlet_id": 9999}, "Outlet"),
        ({"customer_id": 9999}, "Customer"),
        ({"category_id": "abc"}, "Category"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    services, staff, tools, outlet, changes, field
):
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.equipment.create(staff, soldering(**{**ids(outlet, tools), **changes}))
    assert err.value.field == field
    assert audit_count(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Asset)) == 0


def test_a_failed_create_does_not_use_up_a_tag(services, staff, tools, outlet):
    with pytest.raises(ValidationError):
        services.equipment.create(staff, soldering(outlet.id, 9999))
    created, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    assert created.tag == "EQ-N-000001"


def test_edit_with_a_stale_version_is_refused(services, staff, tools, outlet):
    asset, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    changed, _ = services.equipment.update(
        staff, asset.id, asset.version, soldering(outlet.id, tools.id, location="Bench 3")
    )
    assert changed.location == "Bench 3" and changed.tag == asset.tag
    with pytest.raises(StaleRecord):
        services.equipment.update(staff, asset.id, asset.version, soldering(outlet.id, tools.id))


def test_status_changes_are_kept_and_retirement_needs_a_reason(services, staff, tools, outlet):
    asset, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    technician = make_actor(services, outlet.id, Role.TECHNICIAN)
    repaired, _ended, _ = services.equipment.set_status(
        technician, asset.id, asset.version, AssetStatus.UNDER_REPAIR, "nozzle heater dead"
    )
    with pytest.raises(PermissionDenied):  # only maintenance staff and managers retire
        services.equipment.set_status(technician, asset.id, repaired.version, "retired", "old")
    with pytest.raises(ValidationError) as err:
        services.equipment.set_status(staff, asset.id, repaired.version, "retired", "")
    assert err.value.field == "Reason"
    with pytest.raises(ValidationError) as err:
        services.equipment.set_status(staff, asset.id, repaired.version, "scrapped", "x")
    assert err.value.field == "Status"
    retired, _ended, _ = services.equipment.set_status(
        staff, asset.id, repaired.version, "retired", "beyond repair 无法修复", on="2026-01-15"
    )
    assert retired.status is AssetStatus.RETIRED and retired.retired_on == date(2026, 1, 15)
    with pytest.raises(DomainError, match="retired"):
        services.equipment.set_status(staff, asset.id, retired.version, "in_service")
    history = services.equipment.history(staff, asset.id)
    assert [(h.kind, h.title) for h in history if h.kind == "status"] == [
        ("status", "retired"),
        ("status", "under_repair"),
        ("status", "in_service"),
    ]
    assert services.equipment.search(staff) == []  # retired ones are left out by default
    assert len(services.equipment.search(staff, include_retired=True)) == 1


def test_meter_readings_only_go_up(services, staff, tools, outlet):
    asset, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    meter, _ = services.equipment.add_meter(staff, asset.id, "Operating hours", "h")
    with pytest.raises(ValidationError, match="already exists"):
        services.equipment.add_meter(staff, asset.id, "Operating hours")
    t0 = datetime(2026, 1, 1, 8, tzinfo=UTC)
    services.equipment.read_meter(staff, meter.id, "120.5", at=t0)
    services.equipment.read_meter(staff, meter.id, 300, at=t0 + timedelta(days=30))
    with pytest.raises(ValidationError, match="lower than an earlier reading"):
        services.equipment.read_meter(staff, meter.id, "299", at=t0 + timedelta(days=31))
    with pytest.raises(ValidationError, match="higher than a later reading"):
        services.equipment.read_meter(staff, meter.id, "301", at=t0 + timedelta(days=10))
    for bad in ("abc", "1e400", 1.5, "-1"):
        with pytest.raises(ValidationError) as err:
            services.equipment.read_meter(staff, meter.id, bad)
        assert err.value.field == "Reading"
    with pytest.raises(ValidationError) as err:
        services.equipment.read_meter(staff, meter.id, 400, at=datetime(2026, 3, 1))
    assert err.value.field == "Read at"
    services.equipment.read_meter(staff, meter.id, "200", at=t0 + timedelta(days=10))  # fits
    shown = services.equipment.get(staff, asset.id).meters[0]
    assert (shown.name, shown.value, shown.unit) == ("Operating hours", Decimal("300.00"), "h")
    readings = [
        h.detail for h in services.equipment.history(staff, asset.id) if h.kind == "reading"
    ]
    assert readings == ["300 h", "200 h", "120.5 h"]


def test_a_clerk_sees_the_register_but_cannot_change_it(services, clerk, staff, tools, outlet):
    asset, _ = services.equipment.create(staff, soldering(outlet.id, tools.id))
    assert services.equipment.get(clerk, asset.id).tag == asset.tag
    with pytest.raises(PermissionDenied):
        services.equipment.create(clerk, soldering(outlet.id, tools.id))
    with pytest.raises(PermissionDenied):
        services.equipment.add_meter(clerk, asset.id, "Cycles")
