"""Maintenance plans, the due list, logging upkeep and the figures, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from sqlalchemy import func, select, update
from test_equipment_register import soldering

from outletdesk.core.customers import CustomerInput
from outletdesk.core.equipment.maintenance import ItemInput, LogInput, PlanInput
from outletdesk.core.equipment.schedule import Bucket
from outletdesk.core.errors import PermissionDenied, StaleRecord, ValidationError
from outletdesk.core.parts.catalogue import PartInput
from outletdesk.core.parts.stock import InsufficientStock
from outletdesk.models import (
    Asset,
    AssetStatus,
    MaintenanceRecord,
    PlanDue,
    RecordKind,
    Role,
    WorkOrder,
)

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def instruments(services, staff):
    return next(c for c in services.equipment.categories(staff) if c.name.startswith("Test"))


@pytest.fixture
def station(services, staff, instruments, outlet):
    return services.equipment.create(staff, soldering(outlet.id, instruments.id))[0]


def calibration(asset_id=None, category_id=None, **changes):
    values = dict(
        name="Monthly calibration 月度校准",
        asset_id=asset_id,
        category_id=category_id,
        interval_count=1,
        interval_unit="month",
        start_date=date(2026, 1, 31),
        lead_days=5,
        estimated_minutes=30,
        items=(
            ItemInput("check", "Tip clean 烙铁头清洁"),
            ItemInput("number", "Tip temperature at 350 set", "°C", "340", "360"),
            ItemInput("text", "Remarks"),
        ),
    )
    values.update(changes)
    return PlanInput(**values)


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_a_plan_is_due_and_logging_it_moves_the_due_on_month_end_safe(services, staff, station):
    plan, changes = services.maintenance.create_plan(staff, calibration(station.id))
    assert changes.equipment and [i.kind for i in plan.items] == ["check", "number", "text"]
    with services.db.read() as s:
        (due,) = s.scalars(select(PlanDue)).all()
        assert due.due_on == date(2026, 1, 31) and due.show_from == date(2026, 1, 26)
    tasks = services.maintenance.due_list(staff, today=date(2026, 1, 27))
    assert [(t.tag, t.bucket) for t in tasks] == [(station.tag, Bucket.THIS_WEEK)]  # Sat 31st
    assert services.maintenance.due_list(staff, today=date(2026, 1, 20)) == []
    assert services.maintenance.due_list(staff, today=date(2026, 2, 2))[0].bucket is Bucket.OVERDUE

    done, changes = services.maintenance.log(
        staff,
        LogInput(
            station.id, "planned", plan.id, done_at=at(date(2026, 2, 2)), minutes=25,
            results=((1, "ok"), (2, "352"), (3, "")),
        ),
    )  # fmt: skip
    assert done.number == "MR-N-000001" and done.passed and done.due_on == date(2026, 1, 31)
    assert [r.value for r in done.results] == ["ok", "352", ""]
    with services.db.read() as s:
        due = s.scalars(select(PlanDue)).one()
        assert due.due_on == date(2026, 2, 28)  # 31 Jan + 1 month, on the plan's own calendar
    services.maintenance.log(
        staff,
        LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 2, 27)),
                 results=((1, "ok"), (2, "350"))),
    )  # fmt: skip
    with services.db.read() as s:
        assert s.scalars(select(PlanDue)).one().due_on == date(2026, 3, 31)  # no drift to 28th


def test_a_failed_check_is_kept_and_can_put_the_asset_under_repair(services, staff, station):
    plan, _ = services.maintenance.create_plan(staff, calibration(station.id))
    done, _ = services.maintenance.log(
        staff,
        LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 2, 1)),
                 results=((1, "not ok"), (2, "371")), put_under_repair=True),
    )  # fmt: skip
    assert not done.passed and [r.ok for r in done.results] == [False, False, True]
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR
    history = services.equipment.history(staff, station.id)
    assert history[0].kind in ("record", "status")
    assert any(h.kind == "status" and done.number in h.detail for h in history)


def test_a_failed_check_opens_a_repair_order_for_the_outlets_own_equipment(
    services, staff, station, outlet
):
    """One transaction: the record, the asset under repair, and a work order for the outlet as
    its internal customer, with the asset as the device (recognised again by its tag)."""
    plan, _ = services.maintenance.create_plan(staff, calibration(station.id))
    done, changes = services.maintenance.log(
        staff,
        LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 2, 1)),
                 results=((1, "ok"), (2, "371")),
                 repair_order_fault="Tip temperature 371 °C, over 360"),
    )  # fmt: skip
    assert changes.work_orders and changes.customers and changes.equipment
    assert done.work_order.startswith("N-") and not done.passed
    assert services.equipment.get(staff, station.id).status is AssetStatus.UNDER_REPAIR
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    order = services.work_orders.by_number(manager, done.work_order)
    assert order.outlet_id == outlet.id and order.status.value == "received"
    assert order.customer_name == outlet.name
    assert order.device.serial == station.tag and order.device.model == "861DW"
    assert order.reported_fault == f"{done.number}: Tip temperature 371 °C, over 360"
    assert services.maintenance.record(staff, done.id).work_order == done.work_order

    # The asset is repaired and breaks down again: same internal customer, same device.
    services.equipment.set_status(staff, station.id, services.equipment.get(staff, station.id)
                                  .version, "in_service", "fixed")  # fmt: skip
    again, changes = services.maintenance.log(
        staff,
        LogInput(station.id, "breakdown", failure_cause="No heat", done_at=at(date(2026, 3, 1)),
                 repair_order_fault="No heat"),
    )  # fmt: skip
    assert changes.work_orders and not changes.customers
    second = services.work_orders.by_number(manager, again.work_order)
    assert second.customer_id == order.customer_id and second.device.id == order.device.id
    history, _ = services.intake.device_history(manager, serial=station.tag)
    assert history is not None and history.id == order.device.id


def test_a_customers_equipment_is_repaired_on_that_customers_order(
    services, staff, instruments, outlet
):
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    customer, _ = services.customers.create(
        manager, CustomerInput("Li Lab 李实验室", ["13800138000"])
    )
    owned = services.equipment.create(
        staff, soldering(outlet.id, instruments.id, customer_id=customer.id, serial="Ø/42#")
    )[0]
    done, _ = services.maintenance.log(
        staff, LogInput(owned.id, "breakdown", failure_cause="Fan noise",
                        repair_order_fault="Fan noise"),
    )  # fmt: skip
    order = services.work_orders.by_number(manager, done.work_order)
    assert order.customer_id == customer.id
    assert "Ø/42#" in order.device.notes  # a serial the counter would refuse is kept in notes


def test_a_repair_order_needs_a_failure_and_writes_nothing_otherwise(services, staff, station):
    plan, _ = services.maintenance.create_plan(staff, calibration(station.id))
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(
            staff,
            LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 2, 1)),
                     results=((1, "ok"), (2, "350")), repair_order_fault="just in case"),
        )  # fmt: skip
    assert err.value.field == "Fault for the repair order"
    assert audit_count(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == 0
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 0
    assert services.equipment.get(staff, station.id).status is AssetStatus.IN_SERVICE


@pytest.mark.parametrize(
    ("log", "field"),
    [
        ({"kind": "cleaning"}, "Kind"),
        ({"kind": "planned", "plan_id": None}, "Plan"),
        ({"kind": "breakdown", "failure_cause": ""}, "Failure cause"),
        ({"minutes": "ten"}, "Time spent (minutes)"),
        ({"done_at": datetime(2026, 2, 1, 10)}, "Done at"),
        ({"done_at": datetime.now(UTC) + timedelta(days=2)}, "Done at"),
        ({"down_to": at(date(2026, 2, 1))}, "Down from"),
        ({"down_from": at(date(2026, 2, 2)), "down_to": at(date(2026, 2, 1))}, "Down until"),
        ({"results": ((1, "maybe"), (2, "350"))}, "Result"),
        ({"results": ((1, "ok"), (2, "hot"))}, "Result"),
        ({"results": ((1, "ok"),)}, "Result"),
        ({"results": ((1, "ok"), (2, "350"), (9, "x"))}, "Result"),
        ({"notes": "x" * 4001}, "Notes"),
        ({"component": "=cmd|' /C calc'!A0"}, "Component"),
        ({"parts": ((1, "0"),)}, "Parts"),
    ],
)
def test_bad_log_input_names_the_field_and_writes_nothing(services, staff, station, log, field):
    plan, _ = services.maintenance.create_plan(staff, calibration(station.id))
    values = {"kind": "planned", "plan_id": plan.id, "done_at": at(date(2026, 2, 1)),
              "results": ((1, "ok"), (2, "350"))}  # fmt: skip
    values.update(log)
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, LogInput(station.id, **values))
    assert err.value.field == field
    assert audit_count(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 0
        assert s.scalars(select(PlanDue)).one().due_on == date(2026, 1, 31)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "Plan name"),
        ({"asset_id": None}, "Applies to"),
        ({"category_id": 1}, "Applies to"),  # both an asset and a category
        ({"interval_count": 0}, "Interval"),
        ({"interval_unit": "fortnight"}, "Interval unit"),
        ({"interval_count": None, "interval_unit": None}, "Interval"),
        ({"meter_interval": "500"}, "Meter"),  # a meter interval needs the meter's name
        ({"start_date": "2026-02-30"}, "First due on"),
        ({"lead_days": 400}, "Lead time (days before due)"),
        ({"items": (ItemInput("dial", "x"),)}, "Checklist item"),
        ({"items": (ItemInput("number", "Voltage", "V", "5", "4"),)}, "Checklist item"),
        ({"anchor": "whenever"}, "Next due counted from"),
    ],
)
def test_bad_plans_name_the_field_and_write_nothing(services, staff, station, changes, field):
    with pytest.raises(ValidationError) as err:
        services.maintenance.create_plan(staff, calibration(**{"asset_id": station.id, **changes}))
    assert err.value.field == field
    assert services.maintenance.plans(staff) == []


def test_a_category_plan_covers_each_asset_and_the_due_list_filters(
    services, staff, station, instruments, outlet
):
    second, _ = services.equipment.create(
        staff, soldering(outlet.id, instruments.id, name="Oscilloscope 示波器", serial="OSC-1")
    )
    tools = next(c for c in services.equipment.categories(staff) if c.name.startswith("Tools"))
    services.equipment.create(staff, soldering(outlet.id, tools.id, name="Screwdriver set"))
    plan, _ = services.maintenance.create_plan(
        staff, calibration(category_id=instruments.id, start_date=TODAY, interval_unit="week")
    )
    tasks = services.maintenance.due_list(staff, today=TODAY)
    assert sorted(t.tag for t in tasks) == sorted([station.tag, second.tag])
    assert {t.bucket for t in tasks} == {Bucket.TODAY}
    assert services.maintenance.due_list(staff, today=TODAY, category_id=tools.id) == []
    assert len(services.maintenance.plans(staff, asset_id=station.id)) == 1
    # A retired asset leaves the list; a new one in the category joins it on recompute.
    services.equipment.set_status(staff, second.id, second.version, "retired", "broken")
    assert services.maintenance.recompute_all(staff) == 1
    assert [t.tag for t in services.maintenance.due_list(staff, today=TODAY)] == [station.tag]
    # The calendar shows the weekly occurrences of the month.
    days = services.maintenance.calendar(staff, None, 2026, 12)
    assert sorted(days) == [date(2026, 11, 30) + timedelta(weeks=n) for n in range(1, 5)]
    stale = services.maintenance.plan(staff, plan.id)
    services.maintenance.set_plan_active(staff, plan.id, stale.version, False)
    with pytest.raises(StaleRecord):
        services.maintenance.update_plan(staff, plan.id, stale.version, calibration(station.id))
    assert services.maintenance.due_list(staff, today=TODAY) == []


def test_a_meter_plan_is_due_when_the_reading_reaches_it(services, staff, station):
    meter, _ = services.equipment.add_meter(staff, station.id, "Operating hours", "h")
    services.equipment.read_meter(staff, meter.id, 100, at=at(date(2026, 1, 1)))
    plan, _ = services.maintenance.create_plan(
        staff,
        calibration(station.id, interval_count=None, interval_unit=None, meter_name="Operating hours",
                    meter_interval="500", items=(ItemInput("meter", "Hours run", "h"),)),
    )  # fmt: skip
    assert services.maintenance.due_list(staff, today=TODAY) == []
    services.equipment.read_meter(staff, meter.id, 650, at=at(date(2026, 3, 1)))
    (task,) = services.maintenance.due_list(staff, today=TODAY)
    assert (task.bucket, task.due_meter, task.meter_now) == (
        Bucket.OVERDUE, Decimal("600.00"), Decimal("650.00"),
    )  # fmt: skip
    services.maintenance.log(
        staff, LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 3, 2)),
                        results=((1, "660"),)),
    )  # fmt: skip
    assert services.equipment.get(staff, station.id).meters[0].value == Decimal("660.00")
    with services.db.read() as s:
        assert s.scalars(select(PlanDue)).one().due_meter == Decimal("1100.00")
    assert services.maintenance.due_list(staff, today=TODAY) == []


def test_parts_used_on_upkeep_leave_stock_all_or_nothing(services, staff, station, outlet):
    manager = make_actor(services, outlet.id, Role.MANAGER, "boss")
    tip, _ = services.catalogue.create_part(manager, PartInput("TIP-900", "Soldering tip 烙铁头"))
    services.stock.receive(manager, tip.id, 2, "8")
    with pytest.raises(InsufficientStock):
        services.maintenance.log(
            staff, LogInput(station.id, "repair", notes="new tip", parts=((tip.id, 3),))
        )
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 0
    done, changes = services.maintenance.log(
        staff, LogInput(station.id, "repair", notes="new tip", parts=((tip.id, 1),))
    )
    assert changes.parts and done.parts == ((tip.id, "TIP-900", "Soldering tip 烙铁头", 1),)
    assert services.stock.on_hand(manager, tip.id) == 1
    assert services.stock.check(manager) == []


def test_mtbf_mttr_availability_and_compliance(services, staff, station, instruments, outlet):
    other, _ = services.equipment.create(
        staff,
        soldering(outlet.id, instruments.id, name="Scope", model="DS1054", serial="D1",
                  purchase_date="2026-01-05", accepted_on="2026-01-06"),
    )  # in service from 6 January: 120 of the period's 240 hours  # fmt: skip
    start, end = date(2026, 1, 1), date(2026, 1, 10)  # 240 hours each
    for day, hours in ((date(2026, 1, 3), 4), (date(2026, 1, 7), 8)):
        services.maintenance.log(
            staff,
            LogInput(station.id, "breakdown", done_at=at(day, 18), failure_cause="heater open",
                     down_from=at(day), down_to=at(day) + timedelta(hours=hours)),
        )  # fmt: skip
    by_asset = {r.key: r for r in services.maintenance.reliability(staff, start, end)}
    row = by_asset[station.tag]
    assert (row.failures, row.hours, row.downtime_hours) == (2, Decimal("240.00"), Decimal("12.00"))
    assert row.mtbf_hours == Decimal("114.00") and row.mttr_hours == Decimal("6.00")
    assert row.availability == Decimal("0.9500")
    assert by_asset[other.tag].failures == 0 and by_asset[other.tag].mtbf_hours is None
    assert by_asset[other.tag].hours == Decimal("120.00")
    (category,) = services.maintenance.reliability(staff, start, end, group="category")
    assert (category.assets, category.failures, category.hours) == (2, 2, Decimal("360.00"))
    assert category.mtbf_hours == Decimal("174.00")
    models = {r.label for r in services.maintenance.reliability(staff, start, end, group="model")}
    assert models == {"Quick 861DW", "Quick DS1054"}
    with pytest.raises(ValidationError):
        services.maintenance.reliability(staff, end, start)

    plan, _ = services.maintenance.create_plan(staff, calibration(station.id))
    services.maintenance.log(
        staff, LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 1, 30)),
                        results=((1, "ok"), (2, "350"))),
    )  # on time (due 31 Jan)  # fmt: skip
    services.maintenance.log(
        staff, LogInput(station.id, "planned", plan.id, done_at=at(date(2026, 3, 3)),
                        results=((1, "ok"), (2, "350"))),
    )  # late (due 28 Feb)  # fmt: skip
    first, last = date(2026, 1, 1), date(2026, 3, 31)
    figure = services.maintenance.compliance(staff, first, last, today=date(2026, 3, 31))
    assert (figure.done, figure.on_time, figure.share) == (2, 1, Decimal("0.500"))
    # Once 31 March has passed, its task not done counts as not on time.
    figure = services.maintenance.compliance(staff, first, last, today=date(2026, 4, 1))
    assert (figure.done, figure.missed, figure.due, figure.on_time) == (2, 1, 3, 1)
    assert figure.share == Decimal("0.333")


def test_compliance_counts_the_tasks_of_a_plan_never_done(
    services, staff, station, instruments, outlet
):
    """A monthly check never done is missed on each of its due dates: compliance 0, not "–"."""
    services.maintenance.create_plan(staff, calibration(station.id))  # due 31 Jan, 28 Feb, ...
    services.maintenance.create_plan(
        staff, calibration(station.id, name="Weekly clean", interval_unit="week",
                           anchor="completion", start_date=date(2026, 3, 2))
    )  # fmt: skip
    figure = services.maintenance.compliance(
        staff, date(2026, 1, 1), date(2026, 3, 31), today=date(2026, 3, 20)
    )
    # 31 Jan and 28 Feb; 2, 9 and 16 March of the weekly plan (20 March is today: not late yet)
    assert (figure.done, figure.missed, figure.on_time, figure.share) == (0, 5, 0, Decimal("0"))
    later = services.maintenance.compliance(
        staff, date(2026, 2, 1), date(2026, 12, 31), today=date(2026, 12, 28)
    )
    assert later.missed == 10 + 43  # 28 Feb .. 30 Nov monthly; 2 March .. 21 Dec weekly
    only_here = services.maintenance.compliance(
        staff, date(2026, 1, 1), date(2026, 3, 31), outlet.id, today=date(2026, 3, 20)
    )
    assert only_here.missed == 5
    # Nothing due in the period: no figure.
    before = services.maintenance.compliance(staff, date(2025, 1, 1), date(2025, 12, 31))
    assert (before.due, before.share) == (0, None)


def test_who_may_do_what(services, clerk, staff, station, outlet):
    technician = make_actor(services, outlet.id, Role.TECHNICIAN)
    with pytest.raises(PermissionDenied):
        services.maintenance.create_plan(technician, calibration(station.id))
    services.maintenance.log(
        technician, LogInput(station.id, "breakdown", failure_cause="cable burnt")
    )
    with pytest.raises(PermissionDenied):
        services.maintenance.log(clerk, LogInput(station.id, "breakdown", failure_cause="x"))
    assert len(services.maintenance.records(clerk, asset_id=station.id)) == 1
    assert services.maintenance.records(clerk)[0].kind is RecordKind.BREAKDOWN


# ---------------------------------------------------------------- a breakdown still down


def local(day: date, hour: int = 10) -> datetime:
    """A local time as aware UTC: the figures' periods are local days, in any zone."""
    return datetime(day.year, day.month, day.day, hour).astimezone(UTC)


def breakdown(asset_id, down_from, down_to=None, kind="breakdown", **changes):
    values = dict(failure_cause="heater open 发热芯断路", done_at=down_from, down_from=down_from,
                  down_to=down_to, put_under_repair=True)  # fmt: skip
    values.update(changes)
    return LogInput(asset_id, kind, **values)


def audits(services, action):
    from outletdesk.models import AuditEntry

    with services.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_a_breakdown_still_down_ends_when_the_asset_is_back_in_service(services, staff, station):
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    done, _ = services.maintenance.log(staff, breakdown(station.id, since))
    assert done.still_down and done.down_to is None and done.downtime_hours is None
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR
    (row,) = services.maintenance.records(staff, asset_id=station.id)
    assert row.still_down and row.downtime_hours is None
    entry = next(h for h in services.equipment.history(staff, station.id) if h.kind == "record")
    assert entry.still_down and entry.down_from == since

    # Down for three hours so far: availability counts them, MTTR waits for the repair.
    today = since.astimezone().date()
    (figures,) = services.maintenance.reliability(
        staff, today - timedelta(days=1), today + timedelta(days=1), asset_id=station.id,
        now=since + timedelta(hours=3),
    )  # fmt: skip
    assert (figures.failures, figures.downtime_hours, figures.mttr_hours) == (
        1, Decimal("3.00"), None,
    )  # fmt: skip
    assert figures.availability is not None and figures.availability < 1

    # Waiting for parts: still down. Back in service: the downtime ends then, audited.
    asset, _ended, _ = services.equipment.set_status(
        staff, asset.id, asset.version, "out_of_service"
    )
    assert services.maintenance.record(staff, done.id).still_down
    before = datetime.now(UTC)
    services.equipment.set_status(staff, asset.id, asset.version, "in_service", "heater replaced")
    after = datetime.now(UTC)
    repaired = services.maintenance.record(staff, done.id)
    assert not repaired.still_down and before <= repaired.down_to <= after
    assert repaired.downtime_hours is not None and repaired.downtime_hours >= Decimal("5.00")
    (ended,) = audits(services, "end_downtime")
    assert ended.entity == "maintenance_record" and ended.entity_id == str(done.id)
    assert done.number in ended.after
    (figures,) = services.maintenance.reliability(
        staff, today - timedelta(days=1), today + timedelta(days=1), asset_id=station.id
    )
    assert figures.mttr_hours == repaired.downtime_hours
    # In service again, taken out by hand: a downtime of its own, which back in service ends;
    # the breakdown's stays as it ended.
    asset = services.equipment.get(staff, station.id)
    services.equipment.set_status(staff, asset.id, asset.version, "out_of_service", "no heat")
    asset = services.equipment.get(staff, station.id)
    assert asset.down is not None and asset.down.record_id != done.id
    services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [a.entity_id for a in audits(services, "end_downtime")] == [
        str(done.id), str(asset.down.record_id),
    ]  # fmt: skip
    assert services.maintenance.record(staff, done.id).down_to == repaired.down_to


def test_an_asset_has_one_open_downtime_at_a_time(services, staff, station):
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    first, _ = services.maintenance.log(staff, breakdown(station.id, since))
    before = audit_count(services)
    for refused, field in (
        (breakdown(station.id, since + timedelta(hours=1)), "Down from"),  # a second one still down
        # An earlier one whose end runs into this downtime: its end is named.
        (breakdown(station.id, since - timedelta(hours=2), since + timedelta(hours=1)), "Down until"),
    ):  # fmt: skip
        with pytest.raises(ValidationError) as err:
            services.maintenance.log(staff, refused)
        assert err.value.field == field
        assert first.number in str(err.value) and station.tag in str(err.value)
    assert audit_count(services) == before
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 1
    # A failure found meanwhile is logged without a downtime of its own; an older one that
    # ended before this downtime began keeps its own.
    services.maintenance.log(
        staff, breakdown(station.id, None, component="fan", done_at=since + timedelta(hours=1))
    )
    services.maintenance.log(
        staff, breakdown(station.id, since - timedelta(hours=9), since - timedelta(hours=8))
    )
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 3


@pytest.mark.parametrize(
    ("log", "field"),
    [
        ({"kind": "repair", "put_under_repair": False}, "Down until"),  # only a breakdown
        ({"put_under_repair": False}, "Down until"),  # it stays in service: it is not down
        ({"down_from": datetime.now(UTC) + timedelta(hours=2), "done_at": None}, "Down from"),
        ({"down_to": datetime.now(UTC) + timedelta(hours=2)}, "Down until"),
    ],
)
def test_still_down_is_for_a_breakdown_that_takes_the_asset_out(
    services, staff, station, log, field
):
    values = {"down_from": datetime.now(UTC) - timedelta(hours=1), **log}
    data = breakdown(station.id, values.pop("down_from"), **values)
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, data)
    assert err.value.field == field
    assert audit_count(services) == before
    assert services.equipment.get(staff, station.id).status is AssetStatus.IN_SERVICE


def test_an_asset_set_under_repair_by_hand_is_down_from_then(services, staff, station):
    """The status change opened the downtime: the breakdown logged afterwards fills it in (its
    earlier start, one record); a failure found after that shares it, as for one logged still
    down (one still down of its own is refused, naming it)."""
    asset, _ended, _ = services.equipment.set_status(
        staff, station.id, station.version, "under_repair", "no heat"
    )
    assert asset.down is not None and asset.down.automatic
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    filled, _ = services.maintenance.log(
        staff, breakdown(station.id, since, put_under_repair=False)
    )
    assert filled.number == asset.down.number and filled.down_from == since and filled.still_down
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, breakdown(station.id, since, put_under_repair=False))
    assert err.value.field == "Down from" and asset.down.number in str(err.value)
    done, _ = services.maintenance.log(staff, breakdown(station.id, None, put_under_repair=False))
    assert not done.still_down and done.downtime_hours is None


def test_an_asset_down_without_a_downtime_may_be_logged_still_down(services, staff, station):
    """Set down before a status change opened a downtime (older data): its breakdown may be."""
    with services.db.write() as s:
        s.execute(update(Asset).where(Asset.id == station.id).values(status="under_repair"))
    assert services.equipment.get(staff, station.id).down is None
    since = datetime.now(UTC) - timedelta(hours=1)
    done, _ = services.maintenance.log(staff, breakdown(station.id, since, put_under_repair=False))
    assert done.still_down


def test_an_open_downtime_counts_in_every_period_it_spans(services, staff, station):
    """A breakdown on 8 January still down: 8-10 January counts the failure and its downtime
    to the period's end; 11-20 January counts no failure but is all downtime up to now."""
    since = local(date(2026, 1, 8))
    services.maintenance.log(staff, breakdown(station.id, since))
    early, late = (
        services.maintenance.reliability(staff, start, end, asset_id=station.id,
                                         now=local(date(2026, 1, 20)))[0]
        for start, end in ((date(2026, 1, 1), date(2026, 1, 10)),
                           (date(2026, 1, 11), date(2026, 1, 25)))
    )  # fmt: skip
    assert (early.failures, early.hours, early.downtime_hours) == (
        1, Decimal("240.00"), Decimal("62.00"),
    )  # fmt: skip
    assert early.mttr_hours is None and early.mtbf_hours == Decimal("178.00")
    # Up to now (20 January, 10:00), not to the end of the period: nothing of it was up.
    assert (late.failures, late.hours, late.downtime_hours) == (
        0, Decimal("226.00"), Decimal("226.00"),
    )  # fmt: skip
    assert late.availability == Decimal("0.0000") and late.mtbf_hours is None


# ---------------------------------------------------------------- meter plans on a category


def test_a_category_meter_plan_is_not_listed_for_assets_without_the_meter(
    services, staff, station, instruments, outlet
):
    bare, _ = services.equipment.create(
        staff, soldering(outlet.id, instruments.id, name="Bench PSU 稳压电源", serial="PSU-1")
    )
    meter, _ = services.equipment.add_meter(staff, station.id, "Operating hours", "h")
    services.equipment.read_meter(staff, meter.id, 650, at=at(date(2026, 3, 1)))
    by_meter = calibration(category_id=instruments.id, interval_count=None, interval_unit=None,
                           meter_name="Operating hours", meter_interval="500", items=())  # fmt: skip
    services.maintenance.create_plan(staff, by_meter)
    tasks = services.maintenance.due_list(staff, today=TODAY, include_not_yet=True)
    assert [(t.tag, t.due_meter, t.meter_now) for t in tasks] == [
        (station.tag, Decimal("1150.00"), Decimal("650.00")),
    ]
    # Both rules: the asset without the meter is due by the date alone.
    both = calibration(category_id=instruments.id, name="Both", start_date=TODAY,
                       meter_name="Operating hours", meter_interval="500", items=())  # fmt: skip
    services.maintenance.create_plan(staff, both)
    tasks = [t for t in services.maintenance.due_list(staff, today=TODAY) if t.plan_name == "Both"]
    assert sorted((t.tag, t.bucket, t.due_meter, t.meter_name) for t in tasks) == sorted(
        [
            (station.tag, Bucket.TODAY, Decimal("1150.00"), "Operating hours"),
            (bare.tag, Bucket.TODAY, None, ""),
        ]
    )
    # The meter fitted later: the plan covers the asset from its first reading on.
    psu_meter, _ = services.equipment.add_meter(staff, bare.id, "Operating hours", "h")
    services.equipment.read_meter(staff, psu_meter.id, 520, at=at(date(2026, 3, 1)))
    overdue = services.maintenance.due_list(staff, today=TODAY)
    assert (bare.tag, "Monthly calibration 月度校准") in {(t.tag, t.plan_name) for t in overdue}


# ---------------------------------------------------------------- checklist lines


@pytest.mark.parametrize(
    ("item", "column", "message"),
    [
        (ItemInput("dial", "x"), "Kind", "Checklist line 3, Kind: “dial” is not one of"),
        (ItemInput("check", ""), "Item", "Checklist line 3, Item: is required."),
        (ItemInput("number", "Voltage", "V" * 21), "Unit", "Checklist line 3, Unit: is too long"),
        (ItemInput("number", "Voltage", "V", "low"), "Min", "Checklist line 3, Min: “low” is not"),
        (ItemInput("number", "Voltage", "V", "1", "1.00001"), "Max", "Checklist line 3, Max: has"),
        (ItemInput("number", "Voltage", "V", "5", "4.5"), "Max",
         "Checklist line 3, Max: is below Min (5)."),
    ],
)  # fmt: skip
def test_a_bad_checklist_line_is_named_by_its_number(
    services, staff, station, item, column, message
):
    items = (ItemInput("check", "Tip clean"), ItemInput("text", "Remarks"), item)
    with pytest.raises(ValidationError) as err:
        services.maintenance.create_plan(staff, calibration(station.id, items=items))
    assert err.value.field == "Checklist item"  # the form's checklist
    assert (err.value.line, err.value.column) == (3, column)
    assert str(err.value).startswith(message)
    assert services.maintenance.plans(staff) == []


# ---------------------------------------------------------------- leftovers of the fixes


def test_an_assets_plans_are_those_that_apply_to_it_and_only_those_are_logged(
    services, staff, station, instruments, outlet
):
    """The rule of the due list: a category's meter-only plan is not for an asset without that
    meter, in the plans of the asset (the log form's) nor when logging; from the meter on, it is."""
    bare, _ = services.equipment.create(
        staff, soldering(outlet.id, instruments.id, name="Bench PSU 稳压电源", serial="PSU-1")
    )
    services.equipment.add_meter(staff, station.id, "Operating hours", "h")
    by_meter, _ = services.maintenance.create_plan(
        staff,
        calibration(category_id=instruments.id, name="By meter", interval_count=None,
                    interval_unit=None, meter_name="Operating hours", meter_interval="500",
                    items=()),
    )  # fmt: skip
    both, _ = services.maintenance.create_plan(
        staff, calibration(category_id=instruments.id, name="Both", meter_name="Operating hours",
                           meter_interval="500", items=()),
    )  # fmt: skip
    own, _ = services.maintenance.create_plan(staff, calibration(bare.id, name="Own", items=()))
    names = lambda asset: [p.name for p in services.maintenance.plans(staff, asset_id=asset.id)]  # noqa: E731
    assert names(station) == ["Both", "By meter"]
    assert names(bare) == ["Both", "Own"]
    assert len(services.maintenance.plans(staff, category_id=instruments.id)) == 2  # all of them

    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, LogInput(bare.id, "planned", plan_id=by_meter.id))
    assert err.value.field == "Plan" and bare.tag in str(err.value)
    assert audit_count(services) == before
    assert services.maintenance.records(staff, asset_id=bare.id) == []
    services.maintenance.log(staff, LogInput(bare.id, "planned", plan_id=both.id))

    services.equipment.add_meter(staff, bare.id, "Operating hours", "h")
    assert names(bare) == ["Both", "By meter", "Own"]
    done, _ = services.maintenance.log(staff, LogInput(bare.id, "planned", plan_id=by_meter.id))
    assert done.plan_id == by_meter.id


def test_back_in_service_says_which_downtime_it_ended(services, staff, station):
    """The asset says the downtime it is in; going back in service returns the one it ended."""
    assert services.equipment.get(staff, station.id).down is None
    since = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    done, _ = services.maintenance.log(staff, breakdown(station.id, since))
    asset = services.equipment.get(staff, station.id)
    assert asset.down is not None and asset.down.until is None and asset.down.hours is None
    assert (asset.down.record_id, asset.down.number, asset.down.since) == (
        done.id, done.number, since,
    )  # fmt: skip
    asset, ended, _ = services.equipment.set_status(
        staff, asset.id, asset.version, "out_of_service"
    )
    assert ended == () and asset.down is not None  # waiting for parts: still down
    asset, ended, changes = services.equipment.set_status(
        staff, asset.id, asset.version, "in_service"
    )
    (downtime,) = ended
    repaired = services.maintenance.record(staff, done.id)
    assert (downtime.record_id, downtime.number, downtime.since, downtime.until) == (
        done.id, done.number, since, repaired.down_to,
    )  # fmt: skip
    assert 5 <= downtime.hours < 5.1 and asset.down is None and changes.equipment
    # Set under repair by hand: down from then, and back in service ends that downtime.
    asset, _ended, _ = services.equipment.set_status(
        staff, asset.id, asset.version, "under_repair", "no heat"
    )
    opened = asset.down
    assert opened is not None and opened.record_id != done.id
    (downtime,) = services.equipment.set_status(staff, asset.id, asset.version, "in_service")[1]
    assert (downtime.record_id, downtime.since) == (opened.record_id, opened.since)
    asset = services.equipment.get(staff, asset.id)
    assert services.equipment.set_status(staff, asset.id, asset.version, "retired", "old")[1] == ()
