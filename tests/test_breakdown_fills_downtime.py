"""A crew sets an asset under repair (a downtime opens, automatic), then logs the breakdown: the
breakdown fills that record in (its number kept, no second one), its earlier start moves the
downtime back, its end closes it; the figures count one failure. An earlier breakdown that had
ended before is a record of its own; refused input writes nothing. On SQLite and PostgreSQL, in
the core and through the Status dialog and the breakdown form."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from conftest import audit_count, make_actor, ui_context
from PySide6.QtCore import QDateTime
from sqlalchemy import select, update
from test_equipment_import import write_xlsx

from outletdesk.core.equipment.importer import EquipmentImporter
from outletdesk.core.equipment.maintenance import LogInput
from outletdesk.core.errors import ValidationError
from outletdesk.models import AssetStatus, AuditEntry, MaintenanceRecord, RecordKind, Role
from outletdesk.ui.equipment.page import EquipmentPage

H = timedelta(hours=1)


def under_repair(services, staff, asset, hours_ago=0):
    """Set under repair by hand (its downtime opens); moved back as if done hours ago."""
    asset, _, _ = services.equipment.set_status(
        staff, asset.id, asset.version, "under_repair", "no heat"
    )
    assert asset.down is not None and asset.down.automatic
    if hours_ago:
        began = asset.down.since - hours_ago * H
        with services.db.write() as s:
            s.execute(
                update(MaintenanceRecord)
                .where(MaintenanceRecord.id == asset.down.record_id)
                .values(done_at=began, down_from=began)
            )
        asset = services.equipment.get(staff, asset.id)
    assert asset.down is not None
    return asset.down


def breakdown(asset_id, down_from=None, down_to=None, **changes):
    values = dict(failure_cause="Heater open 发热芯断路", component="Heater 发热芯",
                  notes="Fuse replaced 更换保险丝", minutes=40, down_from=down_from,
                  down_to=down_to, done_at=down_to)  # fmt: skip
    values.update(changes)
    return LogInput(asset_id, RecordKind.BREAKDOWN, **values)


def records(services, staff, asset_id):
    return services.maintenance.records(staff, asset_id=asset_id)


def figures(services, staff, asset_id, since, now):
    start = (since - 24 * H).astimezone().date()
    end = now.astimezone().date()
    (row,) = services.maintenance.reliability(staff, start, end, asset_id=asset_id, now=now)
    return row


def serial(number):
    return int(number.rsplit("-", 1)[1])


# ---------------------------------------------------------------- the core's rule


def test_the_breakdown_fills_in_the_status_changes_downtime(services, staff, station):
    auto = under_repair(services, staff, station)
    since = datetime.now(UTC).replace(microsecond=0) - 5 * H  # it really broke down then
    before = audit_count(services)
    logged, changes = services.maintenance.log(staff, breakdown(station.id, since))
    assert changes.equipment
    assert (logged.id, logged.number) == (auto.record_id, auto.number)
    assert logged.down_from == since and logged.still_down
    assert (logged.failure_cause, logged.component, logged.notes, logged.minutes, logged.done_by) == (
        "Heater open 发热芯断路", "Heater 发热芯", "Fuse replaced 更换保险丝", 40,
        staff.display_name or staff.username,
    )  # fmt: skip
    assert [r.number for r in records(services, staff, station.id)] == [auto.number]
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR
    assert asset.down is not None and asset.down.number == auto.number
    assert asset.down.since == since and not asset.down.automatic  # filled in: a breakdown now

    # Audited in the same transaction: what the automatic record said, and what it says now.
    assert audit_count(services) == before + 1
    with services.db.read() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "log").order_by(AuditEntry.id.desc())
        ).first()
    assert entry is not None and entry.entity_id == str(auto.record_id)
    assert json.loads(entry.before)["failure_cause"] == "no heat"
    after = json.loads(entry.after)
    assert (
        after["filled_in_downtime"] is True and after["failure_cause"] == "Heater open 发热芯断路"
    )

    # One failure, down from its real start; the number was not burned: the next one follows.
    now = since + 6 * H
    row = figures(services, staff, station.id, since, now)
    assert (row.failures, row.downtime_hours, row.mttr_hours) == (1, Decimal("6.00"), None)
    assert row.mtbf_hours == row.hours - Decimal("6.00")
    assert row.availability is not None and row.availability < 1
    repair, _ = services.maintenance.log(staff, LogInput(station.id, RecordKind.REPAIR))
    assert serial(repair.number) == serial(auto.number) + 1

    # Back in service ends it; its repair time is from the breakdown's start.
    asset = services.equipment.get(staff, station.id)
    _, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert [d.number for d in ended] == [auto.number]
    done = figures(services, staff, station.id, since, ended[0].until + H)
    assert done.failures == 1 and done.mttr_hours == done.downtime_hours >= Decimal("5.00")


@pytest.mark.parametrize("start", ["none", "later"])
def test_a_later_start_or_none_keeps_the_status_changes_start(services, staff, station, start):
    auto = under_repair(services, staff, station, hours_ago=4)
    down_from = auto.since + H if start == "later" else None
    logged, _ = services.maintenance.log(staff, breakdown(station.id, down_from))
    assert logged.number == auto.number and logged.down_from == auto.since and logged.still_down
    assert len(records(services, staff, station.id)) == 1
    row = figures(services, staff, station.id, auto.since, auto.since + 10 * H)
    assert (row.failures, row.downtime_hours) == (1, Decimal("10.00"))


def test_a_breakdown_with_its_end_closes_the_downtime(services, staff, station):
    """Fixed at its end; the status stays the person's choice (still under repair here)."""
    auto = under_repair(services, staff, station, hours_ago=4)
    began, fixed = auto.since - 2 * H, auto.since + 3 * H
    logged, _ = services.maintenance.log(
        staff, breakdown(station.id, began, fixed, put_under_repair=True)
    )
    assert logged.number == auto.number and (logged.down_from, logged.down_to) == (began, fixed)
    assert logged.downtime_hours == Decimal("5.00") and not logged.still_down
    asset = services.equipment.get(staff, station.id)
    assert asset.status is AssetStatus.UNDER_REPAIR and asset.down is None
    assert len(records(services, staff, station.id)) == 1
    row = figures(services, staff, station.id, began, fixed + 10 * H)
    assert (row.failures, row.downtime_hours, row.mttr_hours) == (
        1, Decimal("5.00"), Decimal("5.00"),
    )  # fmt: skip
    _, ended, _ = services.equipment.set_status(staff, asset.id, asset.version, "in_service")
    assert ended == ()


def test_an_earlier_breakdown_that_had_ended_is_its_own(services, staff, station):
    auto = under_repair(services, staff, station, hours_ago=4)
    earlier, _ = services.maintenance.log(
        staff, breakdown(station.id, auto.since - 10 * H, auto.since - 8 * H)
    )
    assert earlier.number != auto.number and earlier.downtime_hours == Decimal("2.00")
    asset = services.equipment.get(staff, station.id)
    assert asset.down is not None and asset.down.number == auto.number and asset.down.automatic
    # The failure of the status change is still to be logged, and fills its record in.
    logged, _ = services.maintenance.log(staff, breakdown(station.id, auto.since - H))
    assert logged.number == auto.number and logged.down_from == auto.since - H
    assert len(records(services, staff, station.id)) == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"failure_cause": ""}, "Failure cause"),
        ({"down_from": "overlap"}, "Down from"),  # moved back into a recorded downtime
        ({"down_from": "future-end"}, "Down until"),
    ],
)
def test_refused_input_leaves_the_automatic_downtime(services, staff, station, change, field):
    auto = under_repair(services, staff, station, hours_ago=4)
    services.maintenance.log(staff, breakdown(station.id, auto.since - 10 * H, auto.since - 8 * H))
    values = dict(change)
    if values.get("down_from") == "overlap":
        values["down_from"] = auto.since - 9 * H
    elif values.get("down_from") == "future-end":
        values |= {"down_from": auto.since, "down_to": datetime.now(UTC) + 2 * H, "done_at": None}
    before = audit_count(services)
    with pytest.raises(ValidationError) as err:
        services.maintenance.log(staff, breakdown(station.id, **values))
    assert err.value.field == field
    assert audit_count(services) == before
    record = services.maintenance.record(staff, auto.record_id)
    assert (record.failure_cause, record.down_from, record.still_down) == (
        "no heat",
        auto.since,
        True,
    )
    assert services.equipment.get(staff, station.id).down.automatic


def test_the_register_imports_downtime_is_filled_in_too(services, staff, station, tmp_path):
    boss = make_actor(services, station.outlet_id, Role.MANAGER, "boss")
    path = write_xlsx(tmp_path / "register.xlsx",
                      [[station.tag, station.name, station.category, "Under repair"]],
                      ["Tag", "Name", "Category", "Status"])  # fmt: skip
    report, _ = EquipmentImporter(services.db).run(boss, path)
    assert report.written
    auto = services.equipment.get(staff, station.id).down
    assert auto is not None and auto.automatic
    since = datetime.now(UTC).replace(microsecond=0) - 2 * H
    logged, _ = services.maintenance.log(staff, breakdown(station.id, since))
    assert logged.number == auto.number and logged.down_from == since
    assert len(records(services, staff, station.id)) == 1


# ---------------------------------------------------------------- through the dialogs


def qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def test_status_dialog_then_breakdown_form_count_one_failure(
    services, staff, station, tmp_path, qtbot
):
    page = EquipmentPage(ui_context(services, staff, tmp_path))
    page.opened = []
    page.open_dialog = page.opened.append
    qtbot.addWidget(page)
    page.table.selectRow([r.tag for r in page.model.rows].index(station.tag))
    status = page.change_status()
    qtbot.addWidget(status)
    status.status.setCurrentIndex(status.status.findData(AssetStatus.UNDER_REPAIR.value))
    assert "fills this downtime in" in status.down_note.text()
    status.reason.setPlainText("No heat 不加热")
    status.submit()
    assert status.result() == status.DialogCode.Accepted
    auto = page.detail.down
    assert auto is not None and auto.automatic

    page.log_selected(RecordKind.BREAKDOWN)
    form = page.log_dialog
    qtbot.addWidget(form)
    assert form.fills_in() and auto.number in form.down_note.text()
    assert "fills that downtime in" in form.down_note.text()
    assert form.down.isChecked() and form.still_down.isEnabled() and form.still_down.isChecked()
    assert form.down_from.dateTime() == qt(auto.since)
    assert form.input().down_from == auto.since and form.input().down_to is None  # as offered

    began = datetime.now(UTC).replace(second=0, microsecond=0) - 3 * H
    form.down_from.setDateTime(qt(began))
    form.cause.setText("Heater open 发热芯断路")
    form.submit()
    assert form.result() == form.DialogCode.Accepted
    (row,) = records(services, staff, station.id)
    assert row.number == auto.number and row.failure_cause == "Heater open 发热芯断路"
    assert row.still_down and services.maintenance.record(staff, row.id).down_from == began
    assert page.detail.down is not None and page.detail.down.since == began
    assert not page.detail.down.automatic
    now = began + 4 * H
    assert figures(services, staff, station.id, began, now).failures == 1

    # A failure found after that shares the downtime the breakdown filled in, as before.
    page.log_selected(RecordKind.BREAKDOWN)
    again = page.log_dialog
    qtbot.addWidget(again)
    assert not again.fills_in() and not again.down.isChecked()
    assert not again.still_down.isEnabled() and "earlier" in again.down_note.text()
