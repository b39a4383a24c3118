"""One rule for going down: whatever takes an asset in service out (a person's status change, the
register import, a failed check or a breakdown logged with "put under repair", a repair order
from a failed check) makes it down from then until back in service, one failure, counted alike
in the figures, the history, the export and the report. A breakdown logged afterwards for the
same going-down fills that downtime in. A person taking an asset out gives the reason; the
import's downtime gets its cause from the core. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor
from openpyxl import load_workbook
from sqlalchemy import func, select
from test_equipment_import import write_xlsx

from outletdesk.core.equipment.export import RecordFilter, export_maintenance_log
from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.core.equipment.maintenance import ItemInput, LogInput, PlanInput
from outletdesk.core.equipment.register import AssetInput, shown_cause
from outletdesk.core.errors import ValidationError
from outletdesk.models import AssetEvent, AssetStatus, MaintenanceRecord, RecordKind, Role

H = timedelta(hours=1)


@pytest.fixture
def plan(services, staff, station):
    return services.maintenance.create_plan(
        staff,
        PlanInput(name="Monthly calibration 月度校准", asset_id=station.id, interval_count=1,
                  interval_unit="month", start_date=date(2026, 1, 31),
                  items=(ItemInput("check", "Tip clean 烙铁头清洁"),
                         ItemInput("number", "Tip temperature", "°C", "340", "360"))),
    )[0]  # fmt: skip


def failed_check(asset_id, plan_id, found_at, **changes):
    values = dict(done_at=found_at, results=((1, "not ok"), (2, "371")), put_under_repair=True)
    values.update(changes)
    return LogInput(asset_id, RecordKind.PLANNED, plan_id, **values)


def figures(services, staff, asset_id, since, now):
    (row,) = services.maintenance.reliability(
        staff, (since - 24 * H).astimezone().date(), now.astimezone().date(),
        asset_id=asset_id, now=now,
    )  # fmt: skip
    return row


def breakdowns(services, staff, asset_id):
    return [
        r
        for r in services.maintenance.records(staff, asset_id=asset_id)
        if r.kind is RecordKind.BREAKDOWN
    ]


# ---------------------------------------------------------------- a failed check takes it out


@pytest.mark.parametrize("route", ["put_under_repair", "repair_order"])
def test_a_failed_check_that_takes_the_asset_out_counts_its_downtime_once(
    services, staff, station, plan, route, tmp_path
):
    found = datetime.now(UTC).replace(microsecond=0) - 3 * H
    changes = (
        {"put_under_repair": False, "repair_order_fault": "Tip temperature 371 °C"}
        if route == "repair_order"
        else {}
    )
    done, _ = services.maintenance.log(staff, failed_check(station.id, plan.id, found, **changes))
    assert not done.passed and not done.still_down  # the check itself is no breakdown
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR
    assert asset.down is not None and asset.down.automatic and asset.down.since == found
    (down,) = breakdowns(services, staff, station.id)
    assert down.still_down and down.number == asset.down.number
    assert down.failure_cause == f"{done.number}: Tip clean 烙铁头清洁 · Tip temperature"
    history = services.equipment.history(staff, station.id)
    assert any(h.still_down and h.down_from == found for h in history)

    # Down for three hours so far: one failure, availability below 100 %, no repair time yet.
    row = figures(services, staff, station.id, found, found + 3 * H)
    assert (row.failures, row.downtime_hours, row.mttr_hours) == (1, Decimal("3.00"), None)
    assert row.availability is not None and row.availability < 1
    path = tmp_path / "log.xlsx"
    export_maintenance_log(services, make_actor(services, station.outlet_id, Role.MANAGER, "boss"),
                           path, RecordFilter(asset_id=station.id))  # fmt: skip
    sheet = load_workbook(path).active
    header = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Record no.")
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] == down.number]
    assert rows[0][header.index("Down until")] == "Still down"

    # Back in service: the downtime ends then, counted once, and it is the repair time.
    _, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [down.number]
    done_row = figures(services, staff, station.id, found, ended[0].until + H)
    assert done_row.failures == 1 and done_row.downtime_hours >= Decimal("3.00")
    assert done_row.mttr_hours == done_row.downtime_hours
    assert done_row.availability is not None and done_row.availability < 1


def test_the_breakdown_logged_afterwards_fills_the_failed_checks_downtime_in(
    services, staff, station, plan
):
    found = datetime.now(UTC).replace(microsecond=0) - 3 * H
    services.maintenance.log(staff, failed_check(station.id, plan.id, found))
    auto = services.equipment.get(staff, station.id).down
    assert auto is not None and auto.automatic
    logged, _ = services.maintenance.log(
        staff,
        LogInput(station.id, RecordKind.BREAKDOWN, failure_cause="Heater open 发热芯断路",
                 down_from=found - H, put_under_repair=True),
    )  # fmt: skip
    assert logged.number == auto.number and logged.still_down and logged.down_from == found - H
    assert len(breakdowns(services, staff, station.id)) == 1
    row = figures(services, staff, station.id, found, found + 3 * H)
    assert (row.failures, row.downtime_hours) == (1, Decimal("4.00"))


def test_a_failed_check_logged_late_is_down_from_when_it_was_found(services, staff, station, plan):
    """Not before a recorded downtime ended: a downtime is counted once."""
    found = datetime.now(UTC).replace(microsecond=0) - 10 * H
    earlier, _ = services.maintenance.log(
        staff,
        LogInput(station.id, RecordKind.BREAKDOWN, failure_cause="fuse", down_from=found - H,
                 down_to=found + 2 * H, done_at=found + 2 * H),
    )  # fmt: skip
    services.maintenance.log(staff, failed_check(station.id, plan.id, found))
    down = services.equipment.get(staff, station.id).down
    assert down is not None and down.number != earlier.number and down.since == found + 2 * H
    row = figures(services, staff, station.id, found, found + 5 * H)
    assert (row.failures, row.downtime_hours) == (2, Decimal("6.00"))


# ---------------------------------------------------------------- a breakdown takes it out


def test_a_breakdown_that_takes_the_asset_out_with_no_downtime_is_down_from_then(
    services, staff, station
):
    found = datetime.now(UTC).replace(microsecond=0) - 2 * H
    logged, _ = services.maintenance.log(
        staff,
        LogInput(station.id, RecordKind.BREAKDOWN, failure_cause="No heat", done_at=found,
                 put_under_repair=True),
    )  # fmt: skip
    assert logged.still_down and logged.down_from == found
    assert [r.number for r in breakdowns(services, staff, station.id)] == [logged.number]
    row = figures(services, staff, station.id, found, found + 2 * H)
    assert (row.failures, row.downtime_hours) == (1, Decimal("2.00"))
    asset = services.equipment.get(staff, station.id)
    _, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [logged.number]


# ---------------------------------------------------------------- already down


@pytest.mark.parametrize("status", ["under_repair", "out_of_service"])
def test_an_asset_already_down_gets_no_second_downtime(services, staff, station, plan, status):
    asset, _, _ = services.equipment.set_status(
        staff, station.id, station.version, status, "No heat 不加热"
    )
    auto = asset.down
    assert auto is not None
    with services.db.read() as s:
        events = s.scalar(select(func.count()).select_from(AssetEvent))
    done, _ = services.maintenance.log(
        staff, failed_check(station.id, plan.id, datetime.now(UTC) - H)
    )
    asset = services.equipment.get(staff, station.id)
    assert asset.down is not None and asset.down.number == auto.number
    assert [r.number for r in breakdowns(services, staff, station.id)] == [auto.number]
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AssetEvent)) == events + (
            status == "out_of_service"  # now under repair: one change, audited
        )
        assert s.scalar(select(func.count()).select_from(MaintenanceRecord)) == 2
    row = figures(services, staff, station.id, auto.since, auto.since + 2 * H)
    assert row.failures == 1


# ---------------------------------------------------------------- the reason for going down


@pytest.mark.parametrize("status", ["under_repair", "out_of_service"])
@pytest.mark.parametrize("reason", ["", "  \n "])
def test_taking_an_asset_out_by_hand_needs_a_reason(services, staff, station, status, reason):
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.equipment.set_status(staff, station.id, station.version, status, reason)
    assert err.value.field == "Reason" and station.tag in str(err.value)
    assert audit_count(services) == before
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.IN_SERVICE and asset.down is None
    assert services.maintenance.records(staff, asset_id=station.id) == []

    # Given, it is the downtime's cause; down to down and back in service need none.
    asset, _, _ = services.equipment.set_status(staff, asset.id, asset.version, status, "no heat")
    other = "out_of_service" if status == "under_repair" else "under_repair"
    asset, _, _ = services.equipment.set_status(staff, asset.id, asset.version, other)
    asset, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    (down,) = services.maintenance.records(staff, asset_id=station.id)
    assert down.failure_cause == "no heat" and [d.number for d in ended] == [down.number]


def test_the_imports_downtime_has_a_cause_of_its_own(services, staff, station, tmp_path):
    boss = make_actor(services, station.outlet_id, Role.MANAGER, "boss")
    tools = services.equipment.categories(boss)[0]
    bench, _ = services.equipment.create(boss, AssetInput("Bench PSU", tools.id, boss.outlet_id))
    path = write_xlsx(
        tmp_path / "register.xlsx",
        [[bench.tag, "Bench PSU", tools.name, "Out of service"],
         [None, "Oscilloscope 示波器", tools.name, "维修中"]],
        ["Tag", "Name", "Category", "Status"],
    )  # fmt: skip
    report, _ = EquipmentImporter(services.db).run(boss, path)
    assert report.written
    causes = {
        r.asset_name: (r.failure_cause, r.notes)
        for r in services.maintenance.records(boss)
        if r.still_down
    }
    assert causes == {
        "Bench PSU": ("Set out of service by import", "import register.xlsx"),
        "Oscilloscope 示波器": ("Set under repair by import", "import register.xlsx"),
    }
    chinese = {"Set under repair by import": "由导入设为维修中"}.get
    assert (
        shown_cause("Set under repair by import", lambda w: chinese(w) or w) == "由导入设为维修中"
    )
    assert shown_cause("no heat", lambda w: "x") == "no heat"  # a person's words stay
    history = services.equipment.history(boss, bench.id)
    entry = next(h for h in history if h.kind == "record")
    assert "Set out of service by import" in entry.detail
    assert "停用" in entry.shown_detail(
        lambda w: {"Set out of service by import": "停用"}.get(w, w)
    )


def test_the_history_names_an_automatic_downtimes_cause_once(services, staff, station):
    """The automatic downtime keeps its cause also as its notes; the history (and the report's
    history, built from it) shows it once."""
    services.equipment.set_status(
        staff, station.id, station.version, AssetStatus.UNDER_REPAIR, "Tip heater open circuit"
    )
    history = services.equipment.history(staff, station.id)
    (entry,) = [h for h in history if h.kind == "record" and h.title == "breakdown"]
    assert entry.detail.count("Tip heater open circuit") == 1
